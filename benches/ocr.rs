//! OCR speed and memory of docverify on page images, for benches/ocr/run_bench.py.
//!
//! `cargo bench --bench ocr -- [--runs N] [--out DIR] PAGE...`
//!
//! Loads the models once (timed separately), reads every page once to warm up, then `N` more
//! times; prints one JSON object per page (`median_s` over the timed runs, decode included) and
//! a final one with the model load time and the process's peak resident memory (VmHWM). With
//! `--out`, the text of each page is written to `DIR/<page stem>.txt` for accuracy scoring.

use std::path::PathBuf;
use std::time::Instant;

use docverify::ocr::{OcrConfig, recognize};

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let mut runs = 3usize;
    let mut out: Option<PathBuf> = None;
    let mut pages = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            "--out" => out = args.next().map(PathBuf::from),
            "--bench" => {} // added by `cargo bench`
            _ => pages.push(PathBuf::from(a)),
        }
    }
    if pages.is_empty() {
        eprintln!("usage: cargo bench --bench ocr -- [--runs N] [--out DIR] PAGE...");
        return;
    }
    let config = OcrConfig::default();
    // model load: the first call on a tiny blank image loads the three networks
    let t = Instant::now();
    recognize(&image::DynamicImage::new_luma8(64, 64), &config).expect("OCR available");
    let load_s = t.elapsed().as_secs_f64();
    for page in &pages {
        let mut times = Vec::new();
        let mut text = String::new();
        for i in 0..=runs {
            let t = Instant::now();
            let img = image::open(page).expect("page image decodes");
            let p = recognize(&img, &config).expect("OCR runs");
            if i > 0 {
                times.push(t.elapsed().as_secs_f64());
            }
            text = p.text;
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).expect("output dir");
            let stem = page.file_stem().unwrap().to_string_lossy();
            std::fs::write(dir.join(format!("{stem}.txt")), &text).expect("write text");
        }
        println!(
            "{}",
            serde_json::json!({"engine": "docverify", "page": page.file_name().unwrap().to_string_lossy(),
                               "median_s": median, "runs": times})
        );
    }
    println!(
        "{}",
        serde_json::json!({"engine": "docverify", "load_s": load_s, "peak_rss_mb": peak_rss_mb()})
    );
}
