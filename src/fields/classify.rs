//! Page roles and document kinds: which pages start a document of which kind, which are blank
//! or a packet's cover, and how a bound packet splits into documents.

use std::sync::LazyLock;

use regex::Regex;

use super::engine::COMPILED;
use super::text::{head_lines, normalise, page_footer};
use crate::model::{DocumentKind, Page};

/// Fewer non-space characters than this and a page counts as blank (stray marks, a stamp).
const BLANK_CHARS: usize = 8;
/// How many of a page's first lines may hold its title (codes and numbers may come first).
const TITLE_LINES: usize = 6;
/// Confidence of a kind read from a title.
pub const TITLE_CONFIDENCE: f32 = 0.97;

/// What a page is within an upload.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    /// No text worth reading.
    Blank,
    /// A packet's cover or contents page.
    Cover,
    /// The first page of a document of this kind (a title was found).
    Start(DocumentKind),
    /// Any other page: it continues the document before it.
    Continuation,
}

static COVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(目录|申报材料|.{0,30}申报(材料|书)$|材料目录|封面)$").expect("static regex")
});

/// The role of one page.
pub fn role(page: &Page) -> Role {
    if page.text.chars().filter(|c| !c.is_whitespace()).count() < BLANK_CHARS {
        return Role::Blank;
    }
    let head = head_lines(page, TITLE_LINES);
    if head.iter().any(|l| COVER.is_match(l)) {
        return Role::Cover;
    }
    for line in &head {
        if line.chars().count() > 40 || line.contains(',') || line.contains('。') {
            continue;
        }
        for c in COMPILED.iter() {
            if c.titles.iter().any(|t| t.is_match(line)) {
                return Role::Start(c.spec.kind);
            }
        }
    }
    Role::Continuation
}

/// The kind the words of `text` suggest, with a confidence; `Other` when nothing does.
pub fn by_keywords(text: &str) -> (DocumentKind, f32) {
    let n = normalise(text);
    let mut scores: Vec<(DocumentKind, f32)> = COMPILED
        .iter()
        .map(|c| {
            let s = c
                .spec
                .keywords
                .iter()
                .map(|(w, weight)| if n.contains(w) { *weight } else { 0.0 })
                .sum();
            (c.spec.kind, s)
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, s1) = scores[0];
    let s2 = scores.get(1).map_or(0.0, |s| s.1);
    if s1 < 2.0 {
        return (DocumentKind::Other, 0.5);
    }
    (best, (0.5 + 0.4 * (s1 - s2) / s1).min(0.9))
}

/// A run of pages forming one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Indexes into the upload's pages (no blank or cover pages).
    pub pages: Vec<usize>,
    pub kind: DocumentKind,
    pub confidence: f32,
}

/// Splits an upload's pages into documents. A page with a title starts a document; so does a
/// page whose footer says 第1页 after another document; other pages continue the current one;
/// blank and cover pages belong to none.
pub fn split(pages: &[Page]) -> Vec<Segment> {
    let mut segs: Vec<Segment> = Vec::new();
    let mut open = false;
    for (i, page) in pages.iter().enumerate() {
        match role(page) {
            Role::Blank | Role::Cover => {}
            Role::Start(kind) => {
                segs.push(Segment {
                    pages: vec![i],
                    kind,
                    confidence: TITLE_CONFIDENCE,
                });
                open = true;
            }
            Role::Continuation => {
                let restarts = matches!(page_footer(page), Some((1, _)));
                if open && !restarts {
                    if let Some(s) = segs.last_mut() {
                        s.pages.push(i);
                    }
                } else {
                    segs.push(Segment {
                        pages: vec![i],
                        kind: DocumentKind::Other,
                        confidence: 0.0,
                    });
                    open = true;
                }
            }
        }
    }
    // Documents without a title: the words of all their pages decide.
    for s in segs.iter_mut().filter(|s| s.confidence == 0.0) {
        let text: String = s
            .pages
            .iter()
            .map(|&i| pages[i].text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        (s.kind, s.confidence) = by_keywords(&text);
    }
    segs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextSource;

    fn page(n: u32, text: &str) -> Page {
        Page {
            number: n,
            width: 595,
            height: 842,
            text: text.into(),
            text_source: TextSource::TextLayer,
            spans: vec![],
            confidence: 1.0,
            codes: vec![],
            image_sha256: None,
            warnings: vec![],
        }
    }

    #[test]
    fn roles() {
        assert_eq!(role(&page(1, "")), Role::Blank);
        assert_eq!(
            role(&page(1, "房屋租赁合同\n出租方（甲方）：某某")),
            Role::Start(DocumentKind::Lease)
        );
        assert_eq!(
            role(&page(1, "不动产权证书\n晋(2021)太原市不动产权第0012345号")),
            Role::Start(DocumentKind::PropertyCertificate)
        );
        assert_eq!(
            role(&page(
                1,
                "防伪编号：SX1\n关于某公司的专项审计报告\n晋华专审字〔2022〕第391号"
            )),
            Role::Start(DocumentKind::AuditReport)
        );
        assert_eq!(
            role(&page(
                1,
                "某公司\n省级小微企业创业创新基地申报材料\n目  录\n一、房屋租赁合同……2"
            )),
            Role::Cover
        );
        assert_eq!(
            role(&page(
                2,
                "第五条 乙方应按时足额支付租金，逾期支付的……\n第 2 页 共 3 页"
            )),
            Role::Continuation
        );
    }

    #[test]
    fn packet_split_skips_cover_and_blank() {
        let pages = vec![
            page(1, "某公司\n申报材料\n目录\n一、房屋租赁合同....2"),
            page(2, "房屋租赁合同\n出租方：甲\n第 1 页 共 2 页"),
            page(
                3,
                "第五条 本合同一式肆份，甲乙双方各执贰份。租金按季度支付\n第 2 页 共 2 页",
            ),
            page(4, ""),
            page(5, "专项审计报告\n中国注册会计师：张三"),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].pages, vec![1, 2]);
        assert_eq!(segs[0].kind, DocumentKind::Lease);
        assert_eq!(segs[1].pages, vec![4]);
        assert_eq!(segs[1].kind, DocumentKind::AuditReport);
    }
}
