//! Plugin call benchmark: warm per-plugin call and the whole verification step.
//!
//! Run: `cargo bench --bench plugins` (add `-- --quick` for fewer rounds, `-- --only ID` for
//! one plugin beside the anchor). Each plugin is timed alone (a verifier with only that plugin
//! enabled), side by side with the anchor: the `hostile` test plugin in `ok` mode, which does
//! nothing, so it measures the fixed cost of a sandboxed call. Then all eight built-ins over
//! the same submission. Two times per row: the call (fresh instance from `InstancePre`,
//! submission copied in, rule run, findings copied out: `VerifyOutput::call_times`) and the
//! whole step (`Verifier::verify`, including the hop onto the plugin threads and back and the
//! conversion of findings).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use docverify::model::{Code, DocumentKind, Evidence, Field, TextSource};
use docverify::report::{ReportDocument, SubmissionInfo};
use docverify::verify::{DocumentInput, PluginSettings, PluginsConfig, Verifier, VerifyInput};
use serde_json::{Value, json};

const BUILTINS: [&str; 8] = [
    "name-consistency",
    "lease-term",
    "property-owner",
    "sublease-chain",
    "audit-code",
    "audit-same-firm",
    "site-area",
    "credit-code",
];

fn document(
    id: &str,
    kind: DocumentKind,
    fields: &[(&str, Value)],
    codes: &[&str],
) -> DocumentInput {
    let fields: BTreeMap<String, Field> = fields
        .iter()
        .map(|(n, v)| {
            let f = Field {
                value: v.clone(),
                confidence: 0.95,
                evidence: Evidence {
                    page: 1,
                    span: [0, 10],
                    bbox: Some([0.1, 0.1, 0.4, 0.12]),
                },
            };
            (n.to_string(), f)
        })
        .collect();
    DocumentInput {
        document: ReportDocument {
            id: id.into(),
            file: format!("{id}.pdf"),
            sha256: "0".repeat(64),
            media_type: "application/pdf".into(),
            kind,
            kind_confidence: 0.98,
            pages: 3,
            page_range: None,
            text_source: TextSource::Ocr,
            fields,
            codes: codes.iter().map(|t| Code { symbology: "qr".into(), text: t.to_string(), page: 1, bbox: None }).collect(),
            errors: vec![],
            notes: vec![],
        },
        // Three pages of about 1,500 characters each, as a scanned lease yields.
        page_texts: (0..3).map(|p| format!("第{p}页 房屋租赁合同 出租方（甲方）：山西龙城置业有限公司 承租方（乙方）：太原市晋阳科技有限公司 ").repeat(25)).collect(),
    }
}

/// A three-document submission: head lease, certificate, audit report.
fn submission() -> VerifyInput {
    let applicant = "太原市晋阳科技有限公司";
    let code = json!([{"code": "91110000600037341L", "party": applicant, "valid": true}]);
    VerifyInput {
        submission: SubmissionInfo {
            id: "bench".into(),
            applicant: applicant.into(),
            declared_area_m2: Some(1000.0),
            base_type: None,
            application_date: Some("2021-03-01".into()),
        },
        documents: vec![
            document(
                "lease",
                DocumentKind::Lease,
                &[
                    ("lessor", json!("山西龙城置业有限公司")),
                    ("lessee", json!("太原市晋阳科技有限公司")),
                    ("term_start", json!("2020-01-01")),
                    ("term_end", json!("2024-12-31")),
                    ("term_stated", json!({"years": 5, "months": 0})),
                    ("area_m2", json!(1000.0)),
                    ("is_sublease", json!(false)),
                    ("credit_codes", code.clone()),
                ],
                &[],
            ),
            document(
                "cert",
                DocumentKind::PropertyCertificate,
                &[
                    ("owner", json!("山西龙城置业有限公司")),
                    ("co_ownership", json!("单独所有")),
                    ("area_m2", json!(1500.0)),
                    ("is_ownership_proof", json!(true)),
                ],
                &[],
            ),
            document(
                "audit",
                DocumentKind::AuditReport,
                &[
                    ("audit_firm", json!("山西信达会计师事务所（特殊普通合伙）")),
                    ("audited_entity", json!("太原市晋阳科技有限公司")),
                    ("report_no", json!("晋信达专审字〔2021〕第0123号")),
                    ("is_supplementary", json!(false)),
                    ("credit_codes", code),
                ],
                &["https://acc.example/verify?no=晋信达专审字〔2021〕第0123号"],
            ),
        ],
    }
}

/// Left out of every row: `audit-registry` (issue 7) waits on a registry over the network, and
/// without a grant it only reports that it may not. (Until 2026-11-27 it ran in every row, so
/// each row's call median mixed two plugins: docs/BENCHMARKS.md, "Plugins".)
const REGISTRY: &str = "audit-registry";

fn base_config() -> PluginsConfig {
    let mut c = PluginsConfig {
        cache_dir: Some(std::env::temp_dir().join("docverify-bench-plugin-cache")),
        ..PluginsConfig::default()
    };
    c.plugin.insert(
        REGISTRY.into(),
        PluginSettings {
            enabled: false,
            ..PluginSettings::default()
        },
    );
    c
}

/// A verifier running only `id` (one of the built-ins, or the anchor from the test plugins).
fn only(id: &str) -> Verifier {
    let mut c = base_config();
    for b in BUILTINS {
        c.plugin.insert(
            b.into(),
            PluginSettings {
                enabled: b == id,
                ..PluginSettings::default()
            },
        );
    }
    if id == "hostile" {
        let dir = std::env::temp_dir().join("docverify-bench-anchor");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            std::path::Path::new(docverify::verify::BUILD_OUTPUT_DIR).join("hostile.wasm"),
            dir.join("hostile.wasm"),
        )
        .unwrap();
        c.dir = Some(dir);
    }
    Verifier::new(&c).unwrap()
}

fn median(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[v.len() * 9 / 10])
}

/// Medians and 90th percentiles of the whole step and of the calls in it (each call's own
/// time inside the plugin thread, as `VerifyOutput::call_times` reports it).
struct Timing {
    step: (Duration, Duration),
    call: (Duration, Duration),
}

/// Samples of one row, gathered block by block.
#[derive(Default)]
struct Samples {
    steps: Vec<Duration>,
    calls: Vec<Duration>,
}

impl Samples {
    fn take(&mut self, rt: &tokio::runtime::Runtime, v: &Verifier, input: &VerifyInput, n: usize) {
        for _ in 0..n {
            let i = input.clone();
            let t = Instant::now();
            let out = rt.block_on(v.verify(i));
            self.steps.push(t.elapsed());
            self.calls.extend(out.call_times.iter().copied());
            std::hint::black_box(out);
        }
    }

    fn timing(self) -> Timing {
        Timing {
            step: median(self.steps),
            call: median(self.calls),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    // `--only ID`: time that plugin alone (beside the anchor), e.g. under `perf record`.
    let only_id = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1).cloned());
    if let Some(id) = &only_id
        && !BUILTINS.contains(&id.as_str())
    {
        eprintln!("--only {id}: not a built-in plugin (one of {BUILTINS:?})");
        std::process::exit(2);
    }
    let rounds = if quick { 200 } else { 2000 };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let input = submission();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!("plugin call benchmark: {rounds} rounds after warm-up, 3-document submission");
    println!(
        "{:<20} {:>10} {:>10} {:>10} {:>10} {:>8}",
        "plugin", "call µs", "call p90", "step µs", "step p90", "× anchor"
    );
    let row = |name: &str, t: &Timing, anchor: Duration| {
        println!(
            "{:<20} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>8.2}",
            name,
            us(t.call.0),
            us(t.call.1),
            us(t.step.0),
            us(t.step.1),
            t.call.0.as_secs_f64() / anchor.as_secs_f64()
        );
    };
    // Rows take turns in blocks of 50 calls, so that the machine's ups and downs (a shared
    // 2-core VM) fall on every row alike.
    let mut rows: Vec<(String, Verifier)> = vec![("anchor (no-op)".into(), only("hostile"))];
    for id in BUILTINS {
        if only_id.as_deref().is_none_or(|o| o == id) {
            rows.push((id.into(), only(id)));
        }
    }
    if only_id.is_none() {
        rows.push((
            "all 8 built-ins".into(),
            Verifier::new(&base_config()).unwrap(),
        ));
    }
    let mut samples: Vec<Samples> = rows.iter().map(|_| Samples::default()).collect();
    for (_, v) in &rows {
        Samples::default().take(&rt, v, &input, 20);
    }
    for _ in 0..rounds / 50 {
        for ((_, v), s) in rows.iter().zip(samples.iter_mut()) {
            s.take(&rt, v, &input, 50);
        }
    }
    let timings: Vec<Timing> = samples.into_iter().map(Samples::timing).collect();
    let anchor = timings[0].call.0;
    row(&rows[0].0, &timings[0], anchor);
    // The hop alone: an empty task spawned on another runtime and awaited, as `verify` does.
    let other = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut hops = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        rt.block_on(async { other.spawn(async {}).await.unwrap() });
        hops.push(t.elapsed());
    }
    let (h_med, h_p90) = median(hops);
    println!(
        "{:<20} {:>10} {:>10} {:>10.1} {:>10.1}",
        "thread hop only",
        "",
        "",
        us(h_med),
        us(h_p90)
    );
    for ((name, _), t) in rows.iter().zip(&timings).skip(1) {
        row(name, t, anchor);
    }
    let t = Instant::now();
    let fresh = Verifier::new(&base_config()).unwrap();
    println!(
        "verifier start-up with a warm compile cache: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    drop(fresh);
}
