//! Code-reading benchmark: decode rate per folder and ms per image.
//!
//!     cargo run --example bench_codes -- DIR...
//!
//! Each DIR holds images with their expected text in `NAME.txt` beside `NAME.<ext>`
//! (../shared/bench/barcodes/*, or the degraded page scans written by
//! `fixtures/codes/make_fixtures.py --bench-pages DIR`). The shipped reader runs twice on the
//! same decoded pixels, side by side: on one thread (`threads = 1`, as beside OCR) and as
//! configured by default (`docverify`: page images read on two threads), with the CPU time
//! it used (all threads) beside its wall time. An image counts when a decoded text equals the
//! .txt exactly, CR LF counted as LF. Times cover code reading only, not image file decoding.
//! One line per folder plus totals; `--verbose` lists every miss.

use std::path::{Path, PathBuf};
use std::time::Instant;

use docverify::codes::{CodesConfig, scan};

struct Tally {
    images: usize,
    hits: [usize; 2],
    ms: [Vec<f64>; 2],
    /// CPU time of the shipped reader (all its threads).
    cpu_ms: Vec<f64>,
}

/// CPU time used by this process so far (every thread), in ms.
fn cpu_ms() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct passed.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } != 0 {
        return 0.0;
    }
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    ms(u.ru_utime) + ms(u.ru_stime)
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
            "1 thread",
            CodesConfig {
                threads: 1,
                ..CodesConfig::default()
            },
        ),
        ("docverify", CodesConfig::default()),
    ];
    println!(
        "| folder | images | 1-thread hits | docverify hits | 1-thread ms/img (median) | docverify ms/img (median) | docverify ms/img (max) | docverify CPU ms/img (median) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut total = Tally {
        images: 0,
        hits: [0, 0],
        ms: [Vec::new(), Vec::new()],
        cpu_ms: Vec::new(),
    };
    for dir in dirs {
        let dir = Path::new(dir);
        let mut t = Tally {
            images: 0,
            hits: [0, 0],
            ms: [Vec::new(), Vec::new()],
            cpu_ms: Vec::new(),
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
                let (start, cpu) = (Instant::now(), cpu_ms());
                let got = scan(&img, 1, config);
                t.ms[k].push(start.elapsed().as_secs_f64() * 1e3);
                if k == 1 {
                    t.cpu_ms.push(cpu_ms() - cpu);
                }
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
            "| {} | {} | {} | {} | {:.0} | {:.0} | {:.0} | {:.0} |",
            dir.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            t.images,
            t.hits[0],
            t.hits[1],
            median(&mut t.ms[0].clone()),
            median(&mut t.ms[1].clone()),
            max,
            median(&mut t.cpu_ms.clone()),
        );
        total.images += t.images;
        total.cpu_ms.extend(&t.cpu_ms);
        for k in 0..2 {
            total.hits[k] += t.hits[k];
            total.ms[k].extend(&t.ms[k]);
        }
    }
    let max = total.ms[1].iter().cloned().fold(0.0, f64::max);
    println!(
        "| **all** | {} | {} | {} | {:.0} | {:.0} | {:.0} | {:.0} |",
        total.images,
        total.hits[0],
        total.hits[1],
        median(&mut total.ms[0]),
        median(&mut total.ms[1]),
        max,
        median(&mut total.cpu_ms),
    );
}
