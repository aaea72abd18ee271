//! Text-layer benchmark: ms per page of docverify's PDF text pass against `pdftotext`
//! (poppler-utils), on the same files in the same run.
//!
//!     cargo run --example bench_text -- [--limit N] FILE_OR_DIR...
//!
//! For each PDF: docverify `extract_with` with page images off (text layer only, lopdf with
//! pdf_oxide as second pass, in-process) and `pdftotext -q FILE -` (a process per file, as a
//! service would run it). Files where either fails are counted and left out of the times.
//! Prints medians of ms/page and the ratio, plus full extraction (page images + codes, no
//! OCR) ms/page on the same files for scale.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use docverify::extract::{ExtractConfig, extract_with};
use docverify::ocr::OcrConfig;

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut limit = usize::MAX;
    if let Some(i) = args.iter().position(|a| a == "--limit") {
        limit = args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(usize::MAX);
        args.drain(i..(i + 2).min(args.len()));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for a in &args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
                .collect();
            v.sort();
            files.extend(v);
        } else {
            files.push(p.to_path_buf());
        }
    }
    files.truncate(limit);
    let text_only = ExtractConfig {
        page_images: false,
        deadline_secs: 30,
        max_pages: 50,
        ..ExtractConfig::default()
    };
    let full = ExtractConfig {
        deadline_secs: 30,
        max_pages: 50,
        ..ExtractConfig::default()
    };
    #[allow(clippy::needless_update)]
    let ocr = OcrConfig {
        enabled: false,
        ..OcrConfig::default()
    };
    let (mut ours, mut poppler, mut whole) = (Vec::new(), Vec::new(), Vec::new());
    let (mut failed_ours, mut failed_poppler, mut pages_total) = (0, 0, 0);
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let t = Instant::now();
        let doc = match extract_with(&bytes, &text_only, &ocr, None, &mut |_| {}) {
            Ok(d) => d,
            Err(_) => {
                failed_ours += 1;
                continue;
            }
        };
        let ms_ours = t.elapsed().as_secs_f64() * 1e3;
        let pages = doc.pages.len().max(1) as f64;
        let t = Instant::now();
        let ok = Command::new("pdftotext")
            .args(["-q", "-l", "50"])
            .arg(f)
            .arg("-")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        let ms_poppler = t.elapsed().as_secs_f64() * 1e3;
        if !ok {
            failed_poppler += 1;
            continue;
        }
        let t = Instant::now();
        let full_ok = extract_with(&bytes, &full, &ocr, None, &mut |_| {}).is_ok();
        let ms_full = t.elapsed().as_secs_f64() * 1e3;
        pages_total += pages as usize;
        ours.push(ms_ours / pages);
        poppler.push(ms_poppler / pages);
        if full_ok {
            whole.push(ms_full / pages);
        }
    }
    let (mo, mp, mw) = (median(&mut ours), median(&mut poppler), median(&mut whole));
    println!(
        "files: {} compared ({} pages); docverify failed on {failed_ours}, pdftotext on {failed_poppler}",
        ours.len(),
        pages_total
    );
    println!("| measure | ms/page (median) |");
    println!("|---|---|");
    println!("| docverify text layer (in-process) | {mo:.2} |");
    println!("| pdftotext (process per file) | {mp:.2} |");
    println!("| ratio docverify / pdftotext | {:.2} |", mo / mp);
    println!("| docverify full extraction (images + codes, no OCR) | {mw:.1} |");
}
