//! PDF text layers behind one trait, so the reader can be swapped or chained.
//!
//! Measured (DESIGN.md): lopdf 0.47 `extract_text` page by page has no panics on the hostile
//! set and gives exact text on the Chinese test documents, including reportlab's
//! non-embedded `STSong-Light` / `UniGB-UCS2-H`; pdf_oxide reads some odd real-world files in
//! a better order and serves as the second pass when lopdf's text is missing or garbled.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// One way of reading a PDF's text layer page by page.
pub trait TextLayer {
    /// Short name for warnings.
    fn name(&self) -> &'static str;
    /// The text of page `index` (0-based), or why it could not be read.
    fn page_text(&self, index: usize) -> Result<String, String>;
}

/// lopdf's text extraction, with its decompression cap.
pub struct LopdfText {
    doc: lopdf::Document,
    numbers: Vec<u32>,
    max_decompressed: usize,
}

impl LopdfText {
    /// Wraps a loaded document.
    pub fn new(doc: lopdf::Document, max_decompressed: usize) -> Self {
        let numbers = doc.get_pages().keys().copied().collect();
        LopdfText {
            doc,
            numbers,
            max_decompressed,
        }
    }

    /// Pages lopdf sees.
    pub fn page_count(&self) -> usize {
        self.numbers.len()
    }
}

impl TextLayer for LopdfText {
    fn name(&self) -> &'static str {
        "lopdf"
    }

    fn page_text(&self, index: usize) -> Result<String, String> {
        let number = *self.numbers.get(index).ok_or("no such page")?;
        guarded(|| {
            self.doc
                .extract_text_with_limit(&[number], self.max_decompressed)
                .map_err(|e| e.to_string())
        })
    }
}

/// pdf_oxide's text extraction (the second pass).
pub struct OxideText {
    doc: pdf_oxide::PdfDocument,
}

impl OxideText {
    /// Parses the document; `None` when pdf_oxide cannot (or panics).
    pub fn open(bytes: &[u8]) -> Option<Self> {
        let bytes = bytes.to_vec();
        catch_unwind(AssertUnwindSafe(|| {
            pdf_oxide::PdfDocument::from_bytes(bytes)
        }))
        .ok()?
        .ok()
        .map(|doc| OxideText { doc })
    }
}

impl TextLayer for OxideText {
    fn name(&self) -> &'static str {
        "pdf_oxide"
    }

    fn page_text(&self, index: usize) -> Result<String, String> {
        guarded(|| self.doc.extract_text(index).map_err(|e| e.to_string()))
    }
}

/// Runs a reader with panics turned into errors.
fn guarded(f: impl FnOnce() -> Result<String, String>) -> Result<String, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => Err(format!("panicked: {}", crate::extract::panic_message(&*p))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lopdf_reads_a_simple_page() {
        let bytes = crate::extract::pdf::tests::simple_pdf("Hello docverify 12345");
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let layer = LopdfText::new(doc, 1 << 20);
        assert_eq!(layer.page_count(), 1);
        assert!(
            layer
                .page_text(0)
                .unwrap()
                .contains("Hello docverify 12345")
        );
        assert!(layer.page_text(5).is_err());
        let oxide = OxideText::open(&bytes).expect("pdf_oxide opens it");
        assert!(oxide.page_text(0).unwrap().contains("Hello docverify"));
    }
}
