//! The isolated path the server takes: `extract::isolated::extract_file` with the real
//! `docverify` binary as the worker, page images written by hash, progress per page.

use std::path::Path;

use docverify::extract::isolated::extract_file;
use docverify::extract::{ExtractConfig, Stage};
use docverify::model::TextSource;
use docverify::ocr::OcrConfig;

fn config() -> ExtractConfig {
    ExtractConfig {
        worker_exe: Some(env!("CARGO_BIN_EXE_docverify").into()),
        ..ExtractConfig::default()
    }
}

fn no_ocr() -> OcrConfig {
    // OcrConfig grows fields with the OCR work; keep their defaults.
    #[allow(clippy::needless_update)]
    let ocr = OcrConfig {
        enabled: false,
        ..OcrConfig::default()
    };
    ocr
}

#[test]
fn pdf_pages_progress_and_images() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/codes/text_cn.pdf");
    let images = tempfile::tempdir().unwrap();
    let mut progress = Vec::new();
    let doc = extract_file(&file, Some(images.path()), &config(), &no_ocr(), |p| {
        progress.push(p)
    })
    .expect("extracts");
    assert_eq!(doc.pages.len(), 2);
    assert_eq!(doc.pages[0].text_source, TextSource::TextLayer);
    assert!(doc.pages[0].text.contains("房屋租赁合同"));
    for page in &doc.pages {
        let sha = page.image_sha256.as_deref().expect("page image kept");
        assert!(images.path().join(format!("{sha}.png")).is_file());
    }
    // Every page reports its stages and ends with Done, in order.
    let done: Vec<u32> = progress
        .iter()
        .filter(|p| p.stage == Stage::Done)
        .map(|p| p.page)
        .collect();
    assert_eq!(done, vec![1, 2]);
    assert!(progress.iter().all(|p| p.page == 0 || p.pages == 2));
}

#[test]
fn hostile_inputs_are_refused_with_stable_codes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/codes");
    let images = tempfile::tempdir().unwrap();
    for (name, code) in [
        ("bomb.pdf", "too-large"),
        ("huge.png", "too-large"),
        ("encrypted.pdf", "pdf-encrypted"),
        ("not_a_pdf.docx", "unsupported-media-type"),
    ] {
        let err = extract_file(
            &dir.join(name),
            Some(images.path()),
            &config(),
            &no_ocr(),
            |_| {},
        )
        .expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
        assert!(!err.message_zh().is_empty());
    }
}
