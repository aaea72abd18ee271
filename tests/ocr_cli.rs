//! `docverify ocr` through the real binary: images and scanned PDFs, text and JSON, bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_docverify"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/ocr")
        .join(name)
}

/// NFKC without white space: how the accuracy test compares text too.
fn compact(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn reads_an_image_as_text() {
    let out = bin()
        .args(["ocr"])
        .arg(fixture("audit_150dpi_grey.jpg"))
        // asked for, the page's stage times are logged on stderr
        .env("RUST_LOG", "docverify=debug")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr: {stderr}");
    assert!(stderr.contains("OCR page read"), "stderr: {stderr}");
    assert!(stderr.contains("detect="), "stderr: {stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    let c = compact(&text);
    assert!(c.contains("专项审计报告"), "{text}");
    assert!(c.contains("91330105MA2CF0L36B"), "{text}");
    // the table stays row by row: a row's cells are on one line, in order
    let row = text
        .lines()
        .find(|l| l.contains("营业收入"))
        .expect("revenue row");
    assert!(
        compact(row).contains("营业收入(元)12,345,678.9015,872,301.45"),
        "{row}"
    );
}

#[test]
fn reads_a_scanned_pdf_as_json_with_spans() {
    let out = bin()
        .args(["ocr", "--format", "json"])
        .arg(fixture("scan_2pages.pdf"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let pages = v["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 2);
    let first = pages[0]["text"].as_str().unwrap();
    assert!(compact(first).contains("房屋租赁合同"), "{first}");
    assert!(compact(pages[1]["text"].as_str().unwrap()).contains("专项审计报告"));
    let spans = pages[0]["spans"].as_array().unwrap();
    assert!(spans.len() > 300, "{} spans", spans.len());
    let s = &spans[0];
    assert!(s["start"].as_u64().is_some() && s["bbox"].as_array().unwrap().len() == 4);
    let c = pages[0]["confidence"].as_f64().unwrap();
    assert!(c > 0.8 && c <= 1.0, "{c}");
}

#[test]
fn bad_input_is_a_clear_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, b"not an image at all").unwrap();
    let out = bin().arg("ocr").arg(&junk).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unsupported file type") && err.contains("不支持"),
        "{err}"
    );

    let broken = dir.path().join("broken.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRtruncated").unwrap();
    let out = bin().arg("ocr").arg(&broken).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot decode"));

    let out = bin()
        .arg("ocr")
        .arg(dir.path().join("missing.jpg"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
