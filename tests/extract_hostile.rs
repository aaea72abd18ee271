//! The whole of ../shared/bench/hostile-pdfs through `docverify extract` (isolated worker):
//! every file must end with a result (exit 0, JSON) or a clear error (exit 2, one line on
//! stderr) — never a crash, a signal or a hang of the command itself.
//!
//! Ignored by default (about 3-4 minutes on 2 cores); CI runs:
//!     cargo test --test extract_hostile -- --ignored --nocapture
//! Skips with a message when ../shared is absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Per-file deadline handed to the command. The command itself must return within it plus
/// a generous margin (process start, JSON output).
const DEADLINE_SECS: u64 = 20;

/// ../shared beside the repository (CI, the main checkout); a worktree one level deeper
/// finds it at ../../shared.
fn corpus() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|s| root.join(s).join("bench/hostile-pdfs"))
        .find(|d| d.is_dir())
}

#[derive(Debug)]
enum Outcome {
    Ok { pages: usize },
    Refused { code: String },
    Bad(String),
}

fn run_one(file: &Path) -> (Outcome, Duration) {
    let started = Instant::now();
    // DOCVERIFY_BIN runs another build (e.g. a release binary, or a private copy when the
    // target directory is shared and the binary may be rebuilt under the test).
    let bin = std::env::var_os("DOCVERIFY_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_docverify")));
    let out = Command::new(bin)
        // Parsers and rasteriser are what hostile files attack; codes run on our own decoded
        // pixels and are covered elsewhere, so they are skipped here to fit CI's time.
        .args([
            "extract",
            "--no-ocr",
            "--no-codes",
            "--max-pages",
            "3",
            "--deadline",
        ])
        .arg(DEADLINE_SECS.to_string())
        .arg(file)
        .output();
    let took = started.elapsed();
    let out = match out {
        Ok(o) => o,
        Err(e) => return (Outcome::Bad(format!("cannot run: {e}")), took),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    let outcome = match out.status.code() {
        Some(0) => match serde_json::from_slice::<serde_json::Value>(&out.stdout) {
            Ok(v) => Outcome::Ok {
                pages: v["pages"].as_array().map_or(0, Vec::len),
            },
            Err(e) => Outcome::Bad(format!("exit 0 but no JSON: {e}")),
        },
        Some(2) => {
            let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
            // "docverify: FILE: CODE: english / 中文"
            match lines.as_slice() {
                [line] => Outcome::Refused {
                    code: line
                        .rsplit_once(".pdf: ")
                        .map(|(_, rest)| rest.split(':').next().unwrap_or("").to_string())
                        .unwrap_or_else(|| "?".into()),
                },
                _ => Outcome::Bad(format!("exit 2 without a one-line reason: {stderr:?}")),
            }
        }
        other => Outcome::Bad(format!("exit {other:?}: {stderr}")),
    };
    if took > Duration::from_secs(DEADLINE_SECS + 15) {
        return (
            Outcome::Bad(format!("took {took:?}, past the deadline")),
            took,
        );
    }
    (outcome, took)
}

#[test]
#[ignore = "runs the whole hostile corpus (minutes); CI runs it with --ignored"]
fn hostile_pdfs_end_with_a_result_or_a_clear_error() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: ../shared/bench/hostile-pdfs is absent");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let queue = Arc::new(Mutex::new(files.clone()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let queue = queue.clone();
            let results = results.clone();
            std::thread::spawn(move || {
                loop {
                    let Some(file) = queue.lock().unwrap().pop() else {
                        break;
                    };
                    let (outcome, took) = run_one(&file);
                    results.lock().unwrap().push((file, outcome, took));
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread");
    }
    let results = results.lock().unwrap();
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    let (mut ok, mut pages) = (0, 0);
    let mut slowest = results
        .iter()
        .map(|(f, _, t)| (*t, f.clone()))
        .collect::<Vec<_>>();
    slowest.sort();
    for (file, outcome, _) in results.iter() {
        match outcome {
            Outcome::Ok { pages: n } => {
                ok += 1;
                pages += n;
            }
            Outcome::Refused { code } => *by_code.entry(code.clone()).or_default() += 1,
            Outcome::Bad(why) => bad.push(format!("{}: {why}", file.display())),
        }
    }
    eprintln!(
        "hostile-pdfs: {} files in {:.0?}: {ok} extracted ({pages} pages), refused {by_code:?}, {} bad",
        results.len(),
        started.elapsed(),
        bad.len()
    );
    for (t, f) in slowest.iter().rev().take(5) {
        eprintln!("  slow: {t:.1?} {}", f.display());
    }
    assert_eq!(results.len(), files.len());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
