//! Code-reading benchmark: decode rate per folder and ms per image.
//!
//!     cargo run --example bench_codes -- DIR...
//!
//! Each DIR holds images with their expected text in `NAME.txt` beside `NAME.<ext>`
//! (../shared/bench/barcodes/*, or the degraded page scans written by
//! `fixtures/codes/make_fixtures.py --bench-pages DIR`). Two readers run side by side on the
//! same decoded pixels: `rxing` (one rxing pass, TryHarder, no rqrr, no retries: the
//! baseline measured in DESIGN.md) and `docverify` (the shipped reader: rqrr first pass,
//! rxing, retries). An image counts when a decoded text equals the .txt exactly, CR LF
//! counted as LF. Times cover code reading only, not image file decoding. One line per
//! folder plus totals; `--verbose` lists every miss.

use std::path::{Path, PathBuf};
use std::time::Instant;

use docverify::codes::{CodesConfig, scan};

struct Tally {
    images: usize,
    hits: [usize; 2],
    ms: [Vec<f64>; 2],
}

/// The sample .txt files store line breaks as LF where the codes hold CR LF.
fn norm(s: &str) -> String {
    s.replace("\r\n", "\n")
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn images_in(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if !matches!(
            ext.as_str(),
            "png" | "jpg" | "jpeg" | "webp" | "gif" | "bmp" | "tif"
        ) {
            continue;
        }
        if let Ok(t) = std::fs::read_to_string(p.with_extension("txt")) {
            out.push((p, t));
        }
    }
    out.sort();
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        eprintln!("usage: bench_codes [--verbose] DIR...");
        std::process::exit(2);
    }
    let readers = [
        (
            "rxing",
            CodesConfig {
                rqrr_first_pass: false,
                retries: false,
                ..CodesConfig::default()
            },
        ),
        ("docverify", CodesConfig::default()),
    ];
    println!(
        "| folder | images | rxing hits | docverify hits | rxing ms/img (median) | docverify ms/img (median) | docverify ms/img (max) |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut total = Tally {
        images: 0,
        hits: [0, 0],
        ms: [Vec::new(), Vec::new()],
    };
    for dir in dirs {
        let dir = Path::new(dir);
        let mut t = Tally {
            images: 0,
            hits: [0, 0],
            ms: [Vec::new(), Vec::new()],
        };
        for (path, want) in images_in(dir) {
            let img = match image::open(&path) {
                Ok(i) => i,
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    continue;
                }
            };
            t.images += 1;
            for (k, (name, config)) in readers.iter().enumerate() {
                let start = Instant::now();
                let got = scan(&img, 1, config);
                t.ms[k].push(start.elapsed().as_secs_f64() * 1e3);
                if got.codes.iter().any(|c| norm(&c.text) == norm(&want)) {
                    t.hits[k] += 1;
                } else if verbose {
                    let texts: Vec<_> = got.codes.iter().map(|c| c.text.as_str()).collect();
                    eprintln!("miss {name}: {} got {texts:?}", path.display());
                }
            }
        }
        let max = t.ms[1].iter().cloned().fold(0.0, f64::max);
        println!(
            "| {} | {} | {} | {} | {:.0} | {:.0} | {:.0} |",
            dir.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            t.images,
            t.hits[0],
            t.hits[1],
            median(&mut t.ms[0].clone()),
            median(&mut t.ms[1].clone()),
            max
        );
        total.images += t.images;
        for k in 0..2 {
            total.hits[k] += t.hits[k];
            total.ms[k].extend(&t.ms[k]);
        }
    }
    let max = total.ms[1].iter().cloned().fold(0.0, f64::max);
    println!(
        "| **all** | {} | {} | {} | {:.0} | {:.0} | {:.0} |",
        total.images,
        total.hits[0],
        total.hits[1],
        median(&mut total.ms[0]),
        median(&mut total.ms[1]),
        max
    );
}
