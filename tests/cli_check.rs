//! `docverify check`, through the binary: report on stdout, verdict as exit status.

mod common;

use std::process::Command;

use common::{assert_valid_report, bin, fixture};

fn check(args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .arg("check")
        .args(args)
        .env_remove("DOCVERIFY_CONFIG")
        .output()
        .expect("run docverify check")
}

#[test]
fn json_report_matches_schema_and_exit_status_matches_verdict() {
    let lease = fixture("api/lease.pdf");
    let cert = fixture("api/certificate.png");
    let out = check(&[
        "--applicant",
        "山西晋创科技有限公司",
        "--declared-area",
        "3260.5",
        "--kind",
        &format!("{}=lease", lease.display()),
        lease.to_str().unwrap(),
        cert.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {stderr}"));
    assert_valid_report(&report);
    assert_eq!(report["documents"][0]["file"], "lease.pdf");
    assert_eq!(report["documents"][1]["file"], "certificate.png");
    assert_eq!(report["documents"][0]["pages"], 2);
    // The fixtures' known verdict and the findings that make it (as in tests/api.rs): the
    // lease's credit code fails its check character, the certificate's owner is not the
    // landlord (review); the lease's term, area and lessee pass. Exit 1 is `fail`.
    assert_eq!(report["verdict"], "fail", "{report:#}");
    let findings: Vec<(&str, &str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
                f["evidence"][0]["document"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    let not_passed: Vec<_> = findings
        .iter()
        .filter(|(_, s, _)| matches!(*s, "fail" | "review"))
        .copied()
        .collect();
    assert_eq!(
        not_passed,
        [
            ("property.owner", "review", "doc-2"),
            ("credit-code.valid", "fail", "doc-1"),
        ],
        "{report:#}"
    );
    for rule in ["name.consistency", "lease.term", "site.area"] {
        assert!(
            findings.contains(&(rule, "pass", "doc-1")),
            "{rule} should pass on the lease: {findings:?}"
        );
    }
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
}

#[test]
fn text_format_is_a_chinese_summary() {
    let lease = fixture("api/lease.pdf");
    let out = check(&[
        "--applicant",
        "山西晋创科技有限公司",
        "--format",
        "text",
        lease.to_str().unwrap(),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("申报单位 Applicant: 山西晋创科技有限公司"),
        "{text}"
    );
    // No declared area: site.area asks for review; the credit code still fails.
    assert!(text.contains("结论 Verdict: 不通过 (fail)"), "{text}");
    assert!(text.contains("lease.pdf"), "{text}");
    assert!(
        text.contains("[不通过 fail] credit-code.valid: 代码「91140100MA0GRXXX1A」无效"),
        "{text}"
    );
    assert!(
        text.contains("[复核 review] site.area: 申报面积未填写"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_usage_and_unreadable_input_exit_2_with_one_line() {
    let lease = fixture("api/lease.pdf");
    let docx = fixture("api/application.docx");
    let truncated = fixture("api/truncated.pdf");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "--applicant".into(),
                "甲".into(),
                docx.display().to_string(),
            ],
            "unsupported file type",
        ),
        (
            vec![
                "--applicant".into(),
                "甲".into(),
                "/no/such/file.pdf".into(),
            ],
            "/no/such/file.pdf",
        ),
        (
            vec![
                "--applicant".into(),
                " ".into(),
                lease.display().to_string(),
            ],
            "--applicant",
        ),
        (
            vec![
                "--applicant".into(),
                "甲".into(),
                "--declared-area".into(),
                "-5".into(),
                lease.display().to_string(),
            ],
            "--declared-area",
        ),
        (
            vec![
                "--applicant".into(),
                "甲".into(),
                truncated.display().to_string(),
            ],
            "truncated.pdf",
        ),
    ];
    for (args, needle) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = check(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        assert!(last.starts_with("docverify: "), "{args:?}: {stderr}");
        assert!(last.contains(needle), "{args:?}: {stderr}");
    }
    // No files at all is a usage error too.
    let out = check(&["--applicant", "甲"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_qr_code_seen_but_not_read_is_reviewed_not_failed() {
    // The report's picture shows a QR code whose middle is damaged past its error correction,
    // and no words on the page mention a code: the code is there, so `audit.code` asks a
    // person instead of failing the report for carrying none.
    let report_pdf = fixture("codes/unreadable_qr_audit.pdf");
    let out = check(&[
        "--applicant",
        "太原市恒信科技有限公司",
        report_pdf.to_str().unwrap(),
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let audit_code = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "audit.code")
        .expect("an audit.code finding");
    assert_eq!(audit_code["status"], "review", "{audit_code:#}");
    assert!(
        audit_code["message"]["en"]
            .as_str()
            .unwrap()
            .contains("none could be read"),
        "{audit_code:#}"
    );
    assert_eq!(
        report["documents"][0]["fields"]["code_shown"]["value"], true,
        "{report:#}"
    );
}

/// Scanned documents are read by OCR side by side (one per CPU slot, a page's extra threads
/// given back before the next page) by default: the report is the one a reading one document
/// at a time gives.
#[test]
fn scans_read_side_by_side_report_as_read_one_at_a_time() {
    let lease = fixture("corpus/002-lease-scan.pdf");
    let audit = fixture("corpus/004-audit-report-scan.pdf");
    let run = |max_concurrent: Option<&str>| {
        let mut cmd = Command::new(bin());
        cmd.arg("check")
            .args(["--applicant", "太原市晋阳科技有限公司"])
            .args([&lease, &audit])
            .env_remove("DOCVERIFY_CONFIG")
            .env_remove("DOCVERIFY_OCR__MAX_CONCURRENT");
        if let Some(n) = max_concurrent {
            cmd.env("DOCVERIFY_OCR__MAX_CONCURRENT", n);
        }
        let out = cmd.output().expect("run docverify check");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
        assert_valid_report(&report);
        (out.status.code(), report)
    };
    let (side_by_side_exit, side_by_side) = run(None);
    let (one_at_a_time_exit, one_at_a_time) = run(Some("1"));
    let kinds: Vec<&str> = side_by_side["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["lease", "audit_report"], "{side_by_side:#}");
    assert_eq!(side_by_side["documents"][0]["text_source"], "ocr");
    assert_eq!(side_by_side_exit, one_at_a_time_exit);
    assert_eq!(side_by_side["documents"], one_at_a_time["documents"]);
    assert_eq!(side_by_side["findings"], one_at_a_time["findings"]);
}
