//! PDF text layers behind one trait, so the reader can be swapped or chained.
//!
//! Measured (DESIGN.md): lopdf 0.47 `extract_text` page by page has no panics on the hostile
//! set and gives exact text on the Chinese test documents, including reportlab's
//! non-embedded `STSong-Light` / `UniGB-UCS2-H`; pdf_oxide reads some odd real-world files in
//! a better order and serves as the second pass when lopdf's text is missing or garbled.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::model::{BBox, TextSpan, bbox_union};

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

impl OxideText {
    /// The characters printed on page `index` (0-based) with their boxes as fractions of the
    /// page as shown (its `/Rotate` applied, origin top-left): where each line of the text
    /// layer stands, so tables on born-digital pages are read by place as on scans.
    pub fn page_chars(&self, index: usize) -> Result<Vec<PlacedChar>, String> {
        let run = || -> Result<Vec<PlacedChar>, String> {
            let chars = self.doc.extract_chars(index).map_err(|e| e.to_string())?;
            let (x0, y0, x1, y1) = self
                .doc
                .get_page_media_box(index)
                .map_err(|e| e.to_string())?;
            let rotate = self.doc.get_page_rotation(index).unwrap_or(0);
            let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
            if w < 1.0 || h < 1.0 {
                return Err("the page has no size".into());
            }
            let (left, bottom) = (x0.min(x1), y0.min(y1));
            Ok(chars
                .iter()
                .filter(|c| !c.char.is_whitespace())
                .filter_map(|c| {
                    let b = &c.bbox;
                    // PDF space: y grows upwards from the media box's bottom
                    let u0 = (b.x - left) / w;
                    let u1 = (b.x + b.width - left) / w;
                    let v0 = 1.0 - (b.y + b.height - bottom) / h;
                    let v1 = 1.0 - (b.y - bottom) / h;
                    let [a, b, c2, d] = match rotate {
                        90 => [1.0 - v1, u0, 1.0 - v0, u1],
                        180 => [1.0 - u1, 1.0 - v1, 1.0 - u0, 1.0 - v0],
                        270 => [v0, 1.0 - u1, v1, 1.0 - u0],
                        _ => [u0, v0, u1, v1],
                    };
                    let bbox = [a.min(c2), b.min(d), a.max(c2), b.max(d)];
                    // a glyph off the page or with no size is no place
                    (bbox
                        .iter()
                        .all(|v| v.is_finite() && (-0.05..=1.05).contains(v))
                        && bbox[2] > bbox[0]
                        && bbox[3] > bbox[1])
                        .then_some(PlacedChar { ch: c.char, bbox })
                })
                .collect())
        };
        match catch_unwind(AssertUnwindSafe(run)) {
            Ok(r) => r,
            Err(p) => Err(format!("panicked: {}", crate::extract::panic_message(&*p))),
        }
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

/// A character of a text layer and the box it is printed in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedChar {
    pub ch: char,
    /// Fractions of the page as shown, origin top-left.
    pub bbox: BBox,
}

/// Places the text layer's words: each run of `text` between spaces and line ends gets the
/// box of the same characters among `chars` (another reader's, whose order may differ), found
/// at or after the previous run's (a table's `—` or a repeated sum stays in its own row),
/// else anywhere. Characters printed as one run on the page are preferred whole: the wrapped
/// tail `限责任公司` of one cell is not taken from the end of the name in the next cell. A run
/// not found (the readers decoded it differently) gets no span: its line reads as it did
/// without places.
pub fn layer_spans(text: &str, chars: &[PlacedChar]) -> Vec<TextSpan> {
    let stream: Vec<char> = chars.iter().map(|c| fold(c.ch)).collect();
    // whether a printed run of characters starts at each index (and `len` ends the last)
    let run_starts: Vec<bool> = (0..=chars.len())
        .map(|k| k == 0 || k == chars.len() || !follows(&chars[k - 1], &chars[k]))
        .collect();
    let mut by_char: std::collections::HashMap<char, Vec<usize>> = Default::default();
    for (k, &c) in stream.iter().enumerate() {
        by_char.entry(c).or_default().push(k);
    }
    let mut used = vec![false; stream.len()];
    let mut spans = Vec::new();
    let mut cursor = 0;
    let mut prev: Option<BBox> = None;
    let text_chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < text_chars.len() {
        if text_chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < text_chars.len() && !text_chars[i].is_whitespace() {
            i += 1;
        }
        let word: Vec<char> = text_chars[start..i].iter().map(|&c| fold(c)).collect();
        let free = |at: usize| {
            at + word.len() <= stream.len()
                && stream[at..at + word.len()] == word[..]
                && !used[at..at + word.len()].iter().any(|&u| u)
        };
        let whole = |at: usize| run_starts[at] && run_starts[at + word.len()];
        let boxed = |at: usize| {
            chars[at..at + word.len()]
                .iter()
                .fold(chars[at].bbox, |b, c| bbox_union(b, c.bbox))
        };
        // where the word's first character stands, from the cursor on and then before it
        let starts = by_char.get(&word[0]).map(Vec::as_slice).unwrap_or_default();
        let split = starts.partition_point(|&at| at < cursor);
        let candidates: Vec<(usize, BBox, bool)> = starts[split..]
            .iter()
            .chain(&starts[..split])
            .copied()
            .filter(|&at| free(at))
            .map(|at| (at, boxed(at), whole(at)))
            .collect();
        // printed whole before cut from a longer run; the nearest after the previous word in
        // reading order (the same row of a table, not its sum row), else the next in the
        // other reader's order
        let pick = |whole_only: bool| {
            let pool = candidates.iter().filter(|c| c.2 || !whole_only);
            let after = prev.and_then(|p| {
                pool.clone()
                    .filter_map(|c| reading_after(&p, &c.1).map(|key| (key, c)))
                    .min_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal))
                    .map(|(_, c)| c)
            });
            after.or_else(|| pool.clone().next()).map(|c| (c.0, c.1))
        };
        let Some((at, bbox)) = pick(true).or_else(|| pick(false)) else {
            continue;
        };
        prev = Some(bbox);
        used[at..at + word.len()].iter_mut().for_each(|u| *u = true);
        cursor = at + word.len();
        spans.push(TextSpan {
            start,
            end: i,
            bbox: bbox.map(|v| v.clamp(0.0, 1.0)),
            confidence: 1.0,
        });
    }
    spans
}

/// How far after `a` the box `b` comes in reading order (rows down the page, left to right
/// in a row), or `None` when it comes before.
fn reading_after(a: &BBox, b: &BBox) -> Option<(f32, f32)> {
    let (ca, cb) = ((a[1] + a[3]) / 2.0, (b[1] + b[3]) / 2.0);
    let same_line = (ca - cb).abs() < 0.5 * (a[3] - a[1]).max(b[3] - b[1]);
    if same_line {
        (b[0] > a[0]).then_some((0.0, b[0] - a[0]))
    } else {
        (cb > ca).then_some((cb - ca, b[0]))
    }
}

/// `b` is printed right where `a` ends, on the same line: the next glyph of one string (a
/// reader's widths can be wrong, as pdf_oxide's are for a predefined CJK CMap, but a string's
/// glyphs still abut), not the next cell, whose gap is seldom that close to nothing.
fn follows(a: &PlacedChar, b: &PlacedChar) -> bool {
    let (ha, hb) = (a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]);
    let same_line =
        ((a.bbox[1] + a.bbox[3]) - (b.bbox[1] + b.bbox[3])).abs() / 2.0 < 0.5 * ha.max(hb);
    let width = (a.bbox[2] - a.bbox[0]).max(b.bbox[2] - b.bbox[0]);
    let gap = b.bbox[0] - a.bbox[2];
    same_line && gap.abs() < 0.15 * width
}

/// Characters two readers may decode differently for the same glyph compare alike.
fn fold(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
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

    #[test]
    fn a_text_layer_is_placed_where_it_is_printed() {
        // 14 pt text whose baseline is 72 pt from the left and 720 pt up an A4 page
        let bytes = crate::extract::pdf::tests::simple_pdf("Hello docverify 12345");
        let oxide = OxideText::open(&bytes).unwrap();
        let chars = oxide.page_chars(0).unwrap();
        assert_eq!(chars.len(), "Hellodocverify12345".len());
        let spans = layer_spans("Hello docverify 12345", &chars);
        assert_eq!(
            spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(),
            [(0, 5), (6, 15), (16, 21)]
        );
        let [x0, y0, x1, y1] = spans[0].bbox;
        assert!((x0 - 72.0 / 595.0).abs() < 0.01, "{x0}");
        // the top of the page is 0: the line stands about 122 pt down
        assert!(y0 > 0.1 && y1 < 0.16 && y0 < y1, "{y0} {y1}");
        assert!(spans[1].bbox[0] > x1 && spans[2].bbox[0] > spans[1].bbox[2]);
    }

    fn placed(text: &str, x: f32, y: f32) -> Vec<PlacedChar> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| PlacedChar {
                ch,
                bbox: [x + i as f32 * 0.02, y, x + (i + 1) as f32 * 0.02, y + 0.02],
            })
            .collect()
    }

    #[test]
    fn repeated_words_keep_their_own_rows_and_unknown_ones_no_place() {
        // a rent table: the same dash and sum in two rows
        let mut chars = placed("第一年度—2,810.00", 0.1, 0.3);
        chars.extend(placed("第二年度—2,810.00", 0.1, 0.4));
        let text = "第一年度\n—\n2,810.00\n第二年度\n—\n2,810.00\n未印出";
        let spans = layer_spans(text, &chars);
        assert_eq!(spans.len(), 6);
        assert!(spans[..3].iter().all(|s| s.bbox[1] == 0.3));
        assert!(spans[3..].iter().all(|s| s.bbox[1] == 0.4));
        // a cell's wrapped tail is not taken from a longer name that ends alike: the page
        // printed the name in the next cell between the tail and its head
        // a row's date is taken from its own row, not from the sum row under it that
        // another reader put first
        let mut chars = placed("2025", 0.4, 0.3);
        chars.extend(placed("第二期2023", 0.1, 0.2));
        chars.extend(placed("2025", 0.4, 0.2));
        let spans = layer_spans("第二期\n2023\n2025\n合计\n2025", &chars);
        assert_eq!(spans[2].bbox[1], 0.2);
        assert_eq!(spans[3].bbox[1], 0.3);
        let mut chars = placed("咨询有", 0.1, 0.2);
        chars.extend(placed("大同科技有限公司", 0.5, 0.21));
        chars.extend(placed("限公司", 0.1, 0.22));
        let spans = layer_spans("咨询有\n限公司\n大同科技有限公司", &chars);
        assert_eq!(spans.len(), 3);
        assert_eq!(spans[1].bbox[0], 0.1);
        assert_eq!(spans[2].bbox[0], 0.5);
        // full-width and half-width forms of one glyph compare alike
        let spans = layer_spans("（甲方）", &placed("(甲方)", 0.5, 0.5));
        assert_eq!(spans.len(), 1);
    }
}
