//! OCR accuracy on the degraded-scan fixtures (fixtures/ocr, made by fixtures/ocr/generate.py):
//! character accuracy ≥ 0.99 per page after NFKC and removing white space, and credit codes,
//! dates and names read exactly (as often as they are printed, including under red seals).

use std::path::{Path, PathBuf};

use docverify::ocr::{OcrConfig, recognize};
use unicode_normalization::UnicodeNormalization;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ocr")
}

fn manifest() -> serde_json::Value {
    let text = std::fs::read_to_string(fixtures().join("manifest.json"))
        .expect("fixtures/ocr/manifest.json");
    serde_json::from_str(&text).expect("manifest is JSON")
}

/// NFKC, then drop every white-space character (layout spacing is not what we measure).
fn norm(s: &str) -> Vec<char> {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn accuracy(pred: &str, truth: &str) -> f64 {
    let (p, t) = (norm(pred), norm(truth));
    1.0 - levenshtein(&p, &t) as f64 / t.len().max(1) as f64
}

fn count(hay: &[char], needle: &[char]) -> usize {
    if needle.is_empty() || hay.len() < needle.len() {
        return 0;
    }
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

#[test]
fn metric_is_sane() {
    assert_eq!(accuracy("甲 方：A", "甲方:A"), 1.0);
    assert!((accuracy("甲方", "甲乙") - 0.5).abs() < 1e-9);
    assert_eq!(count(&norm("ab ab"), &norm("ab")), 2);
}

#[test]
fn degraded_scans_read_accurately_with_exact_codes_dates_and_names() {
    let m = manifest();
    let config = OcrConfig::default();
    let mut failures = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for fx in m["fixtures"].as_array().expect("fixtures list") {
        let image_name = fx["image"].as_str().unwrap();
        let truth =
            std::fs::read_to_string(fixtures().join(fx["truth"].as_str().unwrap())).unwrap();
        let img = image::open(fixtures().join(image_name)).expect("fixture image decodes");
        let page = recognize(&img, &config).expect("OCR runs");
        let acc = accuracy(&page.text, &truth);
        kinds.insert(fx["kind"].as_str().unwrap().to_string());
        println!(
            "{image_name}: accuracy {acc:.4}, confidence {:.3}, {} spans",
            page.confidence,
            page.spans.len()
        );
        if acc < 0.99 {
            failures.push(format!(
                "{image_name}: accuracy {acc:.4} < 0.99\n--- read ---\n{}\n--- truth ---\n{truth}",
                page.text
            ));
        }
        let (p, t) = (norm(&page.text), norm(&truth));
        for group in ["credit_codes", "dates", "names"] {
            for v in fx["exact"][group].as_array().unwrap() {
                let v = norm(v.as_str().unwrap());
                let (want, got) = (count(&t, &v), count(&p, &v));
                if want == 0 {
                    // A value the truth text does not hold would check nothing: the manifest
                    // and the truth disagree, which is an error of the fixtures.
                    failures.push(format!(
                        "{image_name}: manifest {group} {:?} is not in the truth text {}",
                        v.iter().collect::<String>(),
                        fx["truth"]
                    ));
                } else if got < want {
                    failures.push(format!(
                        "{image_name}: {group} {:?} read {got} of {want} times",
                        v.iter().collect::<String>()
                    ));
                }
            }
        }
        // spans point into the text and onto the image
        let n = page.text.chars().count();
        for s in &page.spans {
            assert!(
                s.start < s.end && s.end <= n,
                "{image_name}: span {s:?} outside text of {n} chars"
            );
            assert!(
                s.bbox.iter().all(|v| (0.0..=1.0).contains(v)),
                "{image_name}: bbox {s:?}"
            );
            assert!(
                s.bbox[0] <= s.bbox[2] && s.bbox[1] <= s.bbox[3],
                "{image_name}: bbox {s:?}"
            );
            assert!((0.0..=1.0).contains(&s.confidence));
        }
        assert!(
            page.confidence > 0.8,
            "{image_name}: page confidence {}",
            page.confidence
        );
    }
    for kind in ["lease", "property_certificate", "audit_report"] {
        assert!(kinds.contains(kind), "no fixture of kind {kind}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Character boxes land where the text is: on the lease turned 90°, the credit code printed in
/// the upper part of the portrait page must be found in the right-hand part of the landscape
/// image (the page was turned counter-clockwise... so its top is on the right).
#[test]
fn spans_map_back_to_the_turned_image() {
    let img = image::open(fixtures().join("lease_200dpi_turn90.jpg")).unwrap();
    let page = recognize(&img, &OcrConfig::default()).unwrap();
    let chars: Vec<char> = page.text.chars().collect();
    let title: Vec<char> = "房屋租赁合同".chars().collect();
    let at = chars
        .windows(title.len())
        .position(|w| w == title.as_slice())
        .expect("title read");
    let span = page
        .spans
        .iter()
        .find(|s| s.start == at)
        .expect("span of the title's first char");
    // the generator turns the page 90° counter-clockwise: the page top ends up on the left,
    // and the title (centred, near the top) sits at the left edge, vertically centred
    assert!(span.bbox[2] < 0.25, "{span:?}");
    assert!(span.bbox[1] > 0.3 && span.bbox[3] < 0.7, "{span:?}");
    // its box is taller than wide? no: one character is about square; the run of the title's
    // characters goes bottom to top in the image
    let last = page
        .spans
        .iter()
        .find(|s| s.start == at + title.len() - 1)
        .unwrap();
    assert!(
        last.bbox[1] < span.bbox[1],
        "title runs upwards: {span:?} then {last:?}"
    );
}
