//! `docverify extract` through the binary: fixtures with known text and codes come out
//! exactly; hostile inputs end with exit 2 and a one-line reason.
//!
//! Ground truth lives in fixtures/codes/expected.json (written by make_fixtures.py next to
//! the files it generates).

use std::path::{Path, PathBuf};
use std::process::Command;

use docverify::model::{Extracted, TextSource};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/codes")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("valid json")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn extract(file: &Path, extra: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_docverify"))
        .arg("extract")
        .arg(file)
        .args(extra)
        .output()
        .expect("runs docverify");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A page's codes as `[symbology, text]` pairs, the shape expected.json gives them in.
fn codes_of(page: &Value) -> Vec<Value> {
    page["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| serde_json::json!([c["symbology"], c["text"]]))
        .collect()
}

/// Checks one fixture's output against its expectation; returns a description of each
/// mismatch.
fn check(name: &str, want: &Value, run: &Run) -> Vec<String> {
    let mut bad = Vec::new();
    if let Some(code) = want.get("error").and_then(Value::as_str) {
        if run.code != 2 {
            bad.push(format!("{name}: exit {} instead of 2", run.code));
        }
        let lines: Vec<_> = run.stderr.lines().filter(|l| !l.is_empty()).collect();
        if lines.len() != 1 || !lines[0].contains(code) {
            bad.push(format!(
                "{name}: stderr is not one line naming {code}: {:?}",
                run.stderr
            ));
        }
        return bad;
    }
    if run.code != 0 {
        bad.push(format!("{name}: exit {}: {}", run.code, run.stderr));
        return bad;
    }
    let got: Value = match serde_json::from_str(&run.stdout) {
        Ok(v) => v,
        Err(e) => return vec![format!("{name}: output is not JSON: {e}")],
    };
    if got["media_type"] != want["media_type"] {
        bad.push(format!(
            "{name}: media type {} != {}",
            got["media_type"], want["media_type"]
        ));
    }
    let (gp, wp) = (
        got["pages"].as_array().unwrap(),
        want["pages"].as_array().unwrap(),
    );
    if gp.len() != wp.len() {
        bad.push(format!(
            "{name}: {} pages instead of {}",
            gp.len(),
            wp.len()
        ));
        return bad;
    }
    for (i, (g, w)) in gp.iter().zip(wp).enumerate() {
        let page = format!("{name} p{}", i + 1);
        if let Some(codes) = w.get("codes") {
            let got_codes = codes_of(g);
            if &Value::Array(got_codes.clone()) != codes {
                bad.push(format!("{page}: codes {got_codes:?} != {codes}"));
            }
            for c in g["codes"].as_array().unwrap() {
                let b = c["bbox"]
                    .as_array()
                    .map(|b| b.iter().map(|v| v.as_f64().unwrap()).collect::<Vec<_>>());
                if !b.is_some_and(|b| {
                    b.len() == 4
                        && b.iter().all(|v| (0.0..=1.0).contains(v))
                        && b[0] <= b[2]
                        && b[1] <= b[3]
                }) {
                    bad.push(format!("{page}: bad code box {}", c["bbox"]));
                }
            }
        }
        if let Some(src) = w.get("text_source")
            && &g["text_source"] != src
        {
            bad.push(format!("{page}: text source {} != {src}", g["text_source"]));
        }
        for needle in w
            .get("text_contains")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let text = g["text"].as_str().unwrap_or("");
            if !text.contains(needle.as_str().unwrap()) {
                bad.push(format!("{page}: text lacks {needle}: {text:?}"));
            }
        }
        for dim in ["width", "height"] {
            if let Some(v) = w.get(dim).or_else(|| want.get(dim))
                && &g[dim] != v
            {
                bad.push(format!("{page}: {dim} {} != {v}", g[dim]));
            }
        }
        if let Some(needle) = w.get("warning_contains").and_then(Value::as_str) {
            let warnings = g["warnings"].to_string();
            if !warnings.contains(needle) {
                bad.push(format!("{page}: no warning with {needle:?}: {warnings}"));
            }
        }
    }
    bad
}

#[test]
fn every_fixture_comes_out_as_expected() {
    let want = expected();
    let mut failures = Vec::new();
    for (name, w) in want.as_object().unwrap() {
        let run = extract(&fixtures().join(name), &["--no-ocr"]);
        failures.extend(check(name, w, &run));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn in_process_and_isolated_agree() {
    for name in ["text_cn.pdf", "pages_g4.tif", "qr_gbk.png"] {
        let file = fixtures().join(name);
        let a = extract(&file, &["--no-ocr"]);
        let b = extract(&file, &["--no-ocr", "--in-process"]);
        assert_eq!(a.code, 0, "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{name}");
    }
}

#[test]
fn page_images_are_written_by_their_hash() {
    let dir = tempfile::tempdir().unwrap();
    let run = extract(
        &fixtures().join("scan_g4.pdf"),
        &["--no-ocr", "--images-dir", dir.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Value = serde_json::from_str(&run.stdout).unwrap();
    let sha = got["pages"][0]["image_sha256"]
        .as_str()
        .expect("image hash");
    let png = std::fs::read(dir.path().join(format!("{sha}.png"))).expect("png written");
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1240, 1754));
}

#[test]
fn text_format_lists_pages_and_codes() {
    let run = extract(
        &fixtures().join("text_cn.pdf"),
        &["--no-ocr", "--format", "text"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("=== page 1/2"), "{}", run.stdout);
    assert!(run.stdout.contains("[code128] DV-2023-0042"));
    assert!(run.stdout.contains("房屋租赁合同"));
}

#[test]
fn missing_file_is_a_clear_error() {
    let run = extract(Path::new("/nonexistent/x.pdf"), &[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn codes_are_read_beside_ocr_on_scanned_pages() {
    // With OCR on, the code scan of a scanned page runs on its own thread meanwhile: the
    // codes must come out the same as without OCR, and the text must come from OCR (a scan
    // has no text layer). Typed values, so a misspelt source cannot pass unnoticed.
    let want = expected();
    for name in ["page_qr.jpg", "page_code128.jpg", "scan_jpeg.pdf"] {
        let run = extract(&fixtures().join(name), &[]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let got: Extracted = serde_json::from_str(&run.stdout).expect("an extraction as JSON");
        let want_pages = want[name]["pages"].as_array().unwrap();
        assert!(
            !want_pages.is_empty(),
            "{name}: expected.json lists no pages"
        );
        assert_eq!(got.pages.len(), want_pages.len(), "{name}: page count");
        for (g, w) in got.pages.iter().zip(want_pages) {
            let codes: Vec<Value> = g
                .codes
                .iter()
                .map(|c| serde_json::json!([c.symbology, c.text]))
                .collect();
            assert_eq!(Value::Array(codes), w["codes"], "{name} p{}", g.number);
            assert_eq!(
                g.text_source,
                TextSource::Ocr,
                "{name} p{}: a scan is read by OCR",
                g.number
            );
        }
    }
}

#[test]
fn a_small_code_drawn_as_a_picture_on_a_born_digital_page_is_read() {
    // A generated application's audit cover (fixtures/cases, tuning c259): a 1.7 cm Code 128
    // picture in the top-right corner of a rasterised born-digital page, which the page image
    // at 200 dpi does not read on its first pass. It is read from the picture's own pixels
    // (and the page's caption 扫码验证 would also earn the page its corner retries), and
    // placed where it is drawn.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases/tuning/c259/audit.pdf");
    let run = extract(&file, &["--no-ocr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Extracted = serde_json::from_str(&run.stdout).expect("an extraction as JSON");
    let page = &got.pages[0];
    assert_eq!(page.text_source, TextSource::TextLayer);
    assert_eq!(page.codes.len(), 1, "{:?}", page.codes);
    let code = &page.codes[0];
    assert_eq!(
        (code.symbology.as_str(), code.text.as_str()),
        ("code128", "140720217783534658")
    );
    let [x0, y0, x1, y1] = code.bbox.expect("a box");
    assert!(
        x0 > 0.6 && x1 < 0.9 && y0 > 0.03 && y1 < 0.12,
        "{:?}",
        code.bbox
    );
}

#[test]
fn a_dense_qr_code_printed_small_in_the_middle_of_a_scanned_page_is_read() {
    // A generated application's audit report, scanned at 150 dpi (fixtures/cases, tuning
    // c614): its last page carries a QR code of a long verification URL under a table, ~2.7
    // pixels a module, away from the corners. The page's own scale and the corner crops miss
    // it; the region where its finder patterns stand, enlarged, reads it.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases/tuning/c614/audit.pdf");
    let run = extract(&file, &["--no-ocr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Extracted = serde_json::from_str(&run.stdout).expect("an extraction as JSON");
    let page = &got.pages[2];
    assert_eq!(page.codes.len(), 1, "{:?}", page.codes);
    let code = &page.codes[0];
    assert_eq!(code.symbology, "qr");
    assert!(
        code.text
            .starts_with("https://zc.sxicpa.example.org.cn/bgcx/140820245197809942?wh="),
        "{}",
        code.text
    );
    let [x0, y0, x1, y1] = code.bbox.expect("a box");
    assert!(
        x0 > 0.38 && x1 < 0.6 && y0 > 0.33 && y1 < 0.48,
        "{:?}",
        code.bbox
    );
}

#[test]
fn a_qr_code_seen_but_not_decoded_is_said_on_its_page() {
    // a photo of a QR code whose middle is damaged past its error correction: no code, but
    // the page says one is there (the rules then ask a person rather than find none)
    let run = extract(&fixtures().join("qr_damaged.png"), &["--no-ocr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Extracted = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(doc.pages[0].codes.is_empty());
    assert!(
        doc.pages[0]
            .warnings
            .iter()
            .any(|w| w == docverify::extract::CODE_NOT_READ),
        "{:?}",
        doc.pages[0].warnings
    );
    // a readable code is read and nothing is said
    let run = extract(&fixtures().join("qr_utf8.png"), &["--no-ocr"]);
    let doc: Extracted = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc.pages[0].codes.len(), 1);
    assert!(
        !doc.pages[0]
            .warnings
            .iter()
            .any(|w| w == docverify::extract::CODE_NOT_READ)
    );
}

#[test]
fn a_text_layer_is_placed_word_by_word_where_it_is_printed() {
    // A generated lease's annex (fixtures/cases, tuning c401): a phased term's table, each
    // cell a line of the text layer, the second period ending on the same date as the sum
    // row under it. Every word gets the box it is printed in, each date its own row's.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases/tuning/c401/lease.pdf");
    let run = extract(&file, &["--no-ocr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Extracted = serde_json::from_str(&run.stdout).expect("an extraction as JSON");
    let page = &got.pages[2];
    assert_eq!(page.text_source, TextSource::TextLayer);
    let chars: Vec<char> = page.text.chars().collect();
    let words: Vec<(String, [f32; 4])> = page
        .spans
        .iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.bbox))
        .collect();
    let non_blank = page.text.split_whitespace().count();
    assert_eq!(words.len(), non_blank, "every word placed: {words:?}");
    let row_of = |word: &str, nth: usize| {
        let b = words.iter().filter(|w| w.0 == word).nth(nth).expect(word).1;
        (b[1] + b[3]) / 2.0
    };
    let same_row = |a: f32, b: f32| (a - b).abs() < 0.005;
    assert!(same_row(row_of("第二期", 0), row_of("2025/02/28", 0)));
    assert!(same_row(row_of("合计", 0), row_of("2025/02/28", 1)));
    assert!(row_of("第一期", 0) < row_of("第二期", 0));
    assert!(row_of("第二期", 0) < row_of("合计", 0));
    let title = words
        .iter()
        .find(|w| w.0 == "分期租期及租金安排表")
        .unwrap()
        .1;
    assert!(
        title[0] > 0.3 && title[2] < 0.7 && title[1] < 0.2,
        "{title:?}"
    );
}
