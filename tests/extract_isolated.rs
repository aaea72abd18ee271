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
        keep_drawn_page_images: true,
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

/// The real worker in a pool: it serves one document after another (same process), a
/// document it refuses recycles it, and the next document is read by a fresh one.
#[test]
fn a_pooled_real_worker_is_reused_and_recycled_after_an_error() {
    use docverify::extract::isolated::WorkerPool;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/codes");
    let pool = WorkerPool::new(
        &ExtractConfig {
            pool_size: 1,
            ..config()
        },
        &no_ocr(),
    );
    let started = pool.idle_pids();
    assert_eq!(started.len(), 1);
    for _ in 0..2 {
        let doc = pool
            .extract(&dir.join("text_cn.pdf"), None, &no_ocr(), |_| {})
            .expect("extracts");
        assert!(doc.pages[0].text.contains("房屋租赁合同"));
        assert_eq!(pool.idle_pids(), started, "the same worker serves again");
    }
    let err = pool
        .extract(&dir.join("bomb.pdf"), None, &no_ocr(), |_| {})
        .expect_err("a bomb");
    assert_eq!(err.code(), "too-large");
    let fresh = pool.idle_pids();
    assert_eq!(fresh.len(), 1);
    assert_ne!(fresh, started, "recycled after the error");
    let doc = pool
        .extract(&dir.join("text_cn.pdf"), None, &no_ocr(), |_| {})
        .expect("extracts after the recycling");
    assert_eq!(doc.pages.len(), 2);
}
