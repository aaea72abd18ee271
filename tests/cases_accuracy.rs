//! Rule verdicts and fields of whole applications through `docverify check`, on the cases of
//! fixtures/cases: made from many templates, split into a tuning set (the templates extraction
//! was developed against) and a held-out set (templates it is never tuned on).
//!
//! The tuning split must meet the bars: rule verdicts ≥ 0.97 right, no wrong `pass`,
//! wrong `fail` ≤ 1 %, fields ≥ 0.99. The held-out split must never pass wrongly, and its wrong
//! `fail`s stay within 1 % or, for a set first measured above that, at its first measure (see
//! `HELDOUT_WRONG_FAIL_CEILING`); its accuracy is printed beside the tuning one so the gap
//! (what is learned by heart) is visible, and held at least at its level when measured
//! (docs/BENCHMARKS.md, "Understanding"), so a change that loses ground there fails. A held-out
//! set that became tuning before extraction was tuned on it (h11, c515-c558) is scored apart and
//! held at the floors it met as a held-out set until it meets the bars.
//!
//! Born-digital cases only: a scanned case costs 15-35 s of OCR in a test build. Scans of both
//! splits are scored by `python3 scripts/score_cases.py` (docs/BENCHMARKS.md).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Held-out floors as last measured: rule verdicts and fields. The floors follow the set, not
/// the bar. h56 (c2495-c2538, drawn in 2b3ba7f) came in untouched (binary of the commit after
/// 76a487f, made before h56 was read) at 52/70 verdicts (0.743) with no wrong pass and two
/// wrong fails, fields 156/186 (0.839) born-digital (docs/BENCHMARKS.md, "Fortieth round").
/// It became tuning when its misses were looked at (363d435); the held-out folder is empty
/// until h57 is drawn, and these floors are then set to its first measure.
const HELDOUT_RULES_FLOOR: f64 = 0.74;
const HELDOUT_FIELDS_FLOOR: f64 = 0.83;
/// h56's first measure: two wrong fails in 70 verdicts (2.9 %), above the 1 % bar; no more is
/// allowed.
const HELDOUT_WRONG_FAIL_CEILING: f64 = 0.029;

/// The held-out set h11 (c515-c558) became tuning cases on 2026-12-03: it had been seen by the
/// engineer tuning extraction. Until it meets the tuning bars it is scored apart and held at
/// what it measures now (66/70 verdicts, 0 wrong fail, 172/185 fields born-digital with
/// 963f1d6; 63/70 and 160/185 as the held-out set); the other tuning cases meet the bars.
const MOVED_TO_TUNING: [(u32, u32); 1] = [(515, 558)];
const MOVED_RULES_FLOOR: f64 = 0.92;
const MOVED_FIELDS_FLOOR: f64 = 0.91;
const MOVED_WRONG_FAIL_CEILING: f64 = 0.01;

/// Whether a case folder (cNNN) is one of the cases moved from held-out to tuning.
fn moved(dir: &Path) -> bool {
    let n: u32 = dir
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix('c'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    MOVED_TO_TUNING
        .iter()
        .any(|&(first, last)| (first..=last).contains(&n))
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases")
}

/// NFKC without white space, as the scorer compares.
fn norm(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Severity of a finding status: the worst finding of a rule is its verdict.
fn severity(s: &str) -> u8 {
    match s {
        "fail" => 3,
        "review" => 2,
        "pass" => 1,
        _ => 0,
    }
}

#[derive(Default, Debug)]
struct Tally {
    fields: (usize, usize),
    rules: (usize, usize),
    wrong_pass: usize,
    wrong_fail: usize,
    misses: Vec<String>,
}

impl Tally {
    fn rate(n: (usize, usize)) -> f64 {
        if n.1 == 0 {
            0.0
        } else {
            n.0 as f64 / n.1 as f64
        }
    }
}

/// Born-digital cases of a split: (case dir, truth).
fn born_cases(split: &str) -> Vec<(PathBuf, Value)> {
    let dir = cases_dir().join(split);
    // (git keeps no empty folder: between a held-out set becoming tuning and the next being
    // drawn there is no held-out folder)
    if split == "heldout" && !dir.exists() {
        return Vec::new();
    }
    let mut out: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter_map(|p| {
            let truth: Value =
                serde_json::from_str(&std::fs::read_to_string(p.join("truth.json")).ok()?)
                    .expect("truth.json is JSON");
            let born = truth["documents"]
                .as_array()?
                .iter()
                .all(|d| d["form"] == "pdf-text");
            born.then_some((p, truth))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn score_case(dir: &Path, truth: &Value, tally: &mut Tally) {
    let case = dir.file_name().unwrap().to_string_lossy().to_string();
    let mut files: Vec<String> = Vec::new();
    for d in truth["documents"].as_array().unwrap() {
        let f = d["file"].as_str().unwrap().to_string();
        if !files.contains(&f) {
            files.push(f);
        }
    }
    let out = Command::new(common::bin())
        .arg("check")
        .args(["--applicant", truth["applicant"].as_str().unwrap()])
        .args(["--declared-area", &truth["declared_area_m2"].to_string()])
        .args(["--format", "json"])
        .args(files.iter().map(|f| dir.join(f)))
        .env_remove("DOCVERIFY_CONFIG")
        .output()
        .expect("run docverify check");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{case}: no JSON report ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let docs = report["documents"].as_array().expect("documents");
    for d in truth["documents"].as_array().unwrap() {
        let file = d["file"].as_str().unwrap();
        // a file read as several documents (a notice bound in front of the agreement it
        // announces): the part of the truth's kind is scored, else the first (as
        // scripts/score_cases.py does)
        let got = docs
            .iter()
            .find(|g| g["file"] == file && g["kind"] == d["kind"])
            .or_else(|| docs.iter().find(|g| g["file"] == file));
        for (name, want) in d["fields"].as_object().unwrap() {
            tally.fields.1 += 1;
            let value = got.map(|g| &g["fields"][name]["value"]);
            let ok = match (want, value) {
                (Value::String(w), Some(Value::String(v))) => norm(w) == norm(v),
                (Value::Object(_), Some(v)) => {
                    want["years"] == v["years"] && want["months"] == v["months"]
                }
                _ => false,
            };
            if ok {
                tally.fields.0 += 1;
            } else {
                tally
                    .misses
                    .push(format!("{case}/{file} {name}: want {want} got {value:?}"));
            }
        }
    }
    let mut verdicts: BTreeMap<&str, &str> = BTreeMap::new();
    for f in report["findings"].as_array().expect("findings") {
        let (rule, status) = (f["rule"].as_str().unwrap(), f["status"].as_str().unwrap());
        let worse = verdicts
            .get(rule)
            .is_none_or(|s| severity(status) > severity(s));
        if worse {
            verdicts.insert(rule, status);
        }
    }
    for (rule, want) in truth["expect"].as_object().unwrap() {
        let want = want.as_str().unwrap();
        let got = verdicts.get(rule.as_str()).copied().unwrap_or("missing");
        tally.rules.1 += 1;
        if got == want {
            tally.rules.0 += 1;
            continue;
        }
        if got == "pass" {
            tally.wrong_pass += 1;
        }
        if got == "fail" {
            tally.wrong_fail += 1;
        }
        tally.misses.push(format!(
            "{case} [{}] {rule}: want {want} got {got}",
            truth["scenario"].as_str().unwrap_or("")
        ));
    }
}

/// Scores the born-digital cases of `split` that `keep` accepts, on two threads.
fn score(split: &str, keep: impl Fn(&Path) -> bool) -> Tally {
    let cases: Vec<(PathBuf, Value)> = born_cases(split)
        .into_iter()
        .filter(|(dir, _)| keep(dir.as_path()))
        .collect();
    // (none held out between a held-out set becoming tuning and the next being drawn: the
    // held-out test then says it skipped)
    assert!(
        cases.len() >= 20 || (split == "heldout" && cases.is_empty()),
        "{split}: only {} born-digital cases under fixtures/cases",
        cases.len()
    );
    let queue = Arc::new(Mutex::new(cases));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (queue, tally) = (queue.clone(), tally.clone());
            std::thread::spawn(move || {
                loop {
                    let Some((dir, truth)) = queue.lock().unwrap().pop() else {
                        break;
                    };
                    let mut mine = Tally::default();
                    score_case(&dir, &truth, &mut mine);
                    let mut t = tally.lock().unwrap();
                    t.fields.0 += mine.fields.0;
                    t.fields.1 += mine.fields.1;
                    t.rules.0 += mine.rules.0;
                    t.rules.1 += mine.rules.1;
                    t.wrong_pass += mine.wrong_pass;
                    t.wrong_fail += mine.wrong_fail;
                    t.misses.extend(mine.misses);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("scoring thread");
    }
    let mut t = std::mem::take(&mut *tally.lock().unwrap());
    t.misses.sort();
    eprintln!(
        "{split} (born-digital): rules {:.3} ({}/{}), wrong pass {}, wrong fail {}, fields {:.3} ({}/{})",
        Tally::rate(t.rules),
        t.rules.0,
        t.rules.1,
        t.wrong_pass,
        t.wrong_fail,
        Tally::rate(t.fields),
        t.fields.0,
        t.fields.1
    );
    t
}

#[test]
fn tuning_templates_meet_the_bars() {
    let t = score("tuning", |dir| !moved(dir));
    let misses = t.misses.join("\n");
    assert_eq!(t.wrong_pass, 0, "wrong pass:\n{misses}");
    assert!(
        t.wrong_fail as f64 <= 0.01 * t.rules.1 as f64,
        "wrong fail:\n{misses}"
    );
    assert!(Tally::rate(t.rules) >= 0.97, "rules:\n{misses}");
    assert!(Tally::rate(t.fields) >= 0.99, "fields:\n{misses}");
}

#[test]
fn cases_moved_to_tuning_stay_above_their_held_out_floors() {
    let t = score("tuning", moved);
    let misses = t.misses.join("\n");
    assert_eq!(t.wrong_pass, 0, "wrong pass:\n{misses}");
    assert!(
        t.wrong_fail as f64 <= MOVED_WRONG_FAIL_CEILING * t.rules.1 as f64,
        "wrong fail:\n{misses}"
    );
    assert!(
        Tally::rate(t.rules) >= MOVED_RULES_FLOOR,
        "rules:\n{misses}"
    );
    assert!(
        Tally::rate(t.fields) >= MOVED_FIELDS_FLOOR,
        "fields:\n{misses}"
    );
}

#[test]
fn held_out_templates_never_pass_wrongly_and_stay_above_their_floors() {
    let t = score("heldout", |_| true);
    if t.rules.1 == 0 {
        // between a held-out set becoming tuning and the next one being drawn
        eprintln!("skipped: no held-out cases in fixtures/cases/heldout");
        return;
    }
    let misses = t.misses.join("\n");
    eprintln!("held-out misses (the gap):\n{misses}");
    assert_eq!(t.wrong_pass, 0, "wrong pass:\n{misses}");
    assert!(
        t.wrong_fail as f64 <= HELDOUT_WRONG_FAIL_CEILING * t.rules.1 as f64,
        "wrong fail:\n{misses}"
    );
    assert!(
        Tally::rate(t.rules) >= HELDOUT_RULES_FLOOR,
        "rules:\n{misses}"
    );
    assert!(
        Tally::rate(t.fields) >= HELDOUT_FIELDS_FLOOR,
        "fields:\n{misses}"
    );
}
