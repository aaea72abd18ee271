//! Page roles and document kinds: which pages start a document of which kind, which are blank
//! or a packet's cover, and how a bound packet splits into documents.

use std::sync::LazyLock;

use regex::Regex;

use super::engine::TITLES;
use super::kinds::{KINDS, REPORT_ANNEX};
use super::text::{head_lines, is_han, normalise, page_footer, regex};
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
    regex(r"^(目录|申报材料|.{0,30}申报(材料|书)$|材料目录|封面)$").expect("static regex")
});

/// A title that is a document's kind word alone (合同书, 协议, 契约), which a line under it may
/// complete.
static KIND_WORD_ALONE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:合同|协议|契约)书?$").expect("static regex"));

/// The role of one page.
pub fn role(page: &Page) -> Role {
    if page.text.chars().filter(|c| !c.is_whitespace()).count() < BLANK_CHARS {
        return Role::Blank;
    }
    // a line without a Chinese character (a code printed over its caption, a number) is no
    // title and does not push one out of the head (a report's cover: its firm, the code, its
    // caption, the code again, the entity, the period, then the title)
    let head: Vec<String> = head_lines(page, TITLE_LINES + 4)
        .into_iter()
        .filter(|l| l.chars().any(is_han))
        .take(TITLE_LINES)
        .collect();
    // a report's information sheet under the application's heading (`…申报材料` / `专项审计报告
    // 信息表`) is the report's cover, not the packet's
    if head.iter().any(|l| COVER.is_match(l)) && !head.iter().any(|l| ANNEX_TITLE.is_match(l)) {
        return Role::Cover;
    }
    // A title may wrap (`关于…的专项审计` / `报告`): a line joined with the next one counts too.
    let joined = head.windows(2).map(|w| format!("{}{}", w[0], w[1]));
    // …and a title printed with a cell beside it (`不动产权证书 | 晋(2021)…号`) is its first cell
    let first_cells = head.iter().filter_map(|l| {
        let (first, rest) = l.split_once([' ', '\t'])?;
        (!rest.trim().is_empty()).then(|| first.to_string())
    });
    // …and a contract's cover whose kind word stands alone over a bracket naming what it is
    // (`合同书` / `(房屋租赁)`) reads as the two put the usual way round (`房屋租赁合同书`)
    let bracketed_kind = head.windows(2).filter_map(|w| {
        let subject = w[1].strip_prefix('(')?.strip_suffix(')')?;
        (KIND_WORD_ALONE.is_match(&w[0]) && subject.chars().all(is_han))
            .then(|| format!("{subject}{}", w[0]))
    });
    for line in head
        .iter()
        .cloned()
        .chain(joined)
        .chain(first_cells)
        .chain(bracketed_kind)
    {
        if line.chars().count() > 40 || line.contains(',') || line.contains('。') {
            continue;
        }
        if let Some(kind) = title_kind(&line) {
            return Role::Start(kind);
        }
    }
    Role::Continuation
}

/// The kind whose title `line` (normalised) is, if any.
fn title_kind(line: &str) -> Option<DocumentKind> {
    TITLES
        .iter()
        .find(|(_, titles)| titles.iter().any(|t| t.is_match(line)))
        .map(|(spec, _)| spec.kind)
}

/// How strongly the words of the normalised text `n` speak for each kind.
fn keyword_scores(n: &str) -> Vec<(DocumentKind, f32)> {
    KINDS
        .iter()
        .map(|spec| {
            let s = spec
                .keywords
                .iter()
                .map(|(w, weight)| if n.contains(w) { *weight } else { 0.0 })
                .sum();
            (spec.kind, s)
        })
        .collect()
}

/// The score an untitled page's words must reach for another kind, with none for the document
/// before it, to start a document of its own: two strong words (会计师事务所 and 审计).
const OTHER_KIND_WORDS: f32 = 3.0;

/// Whether an untitled page's words are an audit report's, `open` being another kind and
/// nothing on the page speaking for it: a page of another document (a report's summary sheet
/// bound after a certificate), not a later page of the one before it. Only a report's words
/// count: a certificate's copy attached to a lease, a lease-like annex of a report (入驻企业明细表
/// with rent columns) or a certificate's 附记 page citing an older certificate speak another
/// kind's words but belong to the document they are bound in.
fn report_page_after(page: &Page, open: DocumentKind) -> bool {
    if matches!(open, DocumentKind::Other | DocumentKind::AuditReport) {
        return false;
    }
    let scores = keyword_scores(&normalise(&page.text));
    let own = scores.iter().find(|s| s.0 == open).map_or(0.0, |s| s.1);
    let best = scores.into_iter().max_by(|a, b| a.1.total_cmp(&b.1));
    own == 0.0
        && best
            .is_some_and(|(kind, s1)| kind == DocumentKind::AuditReport && s1 >= OTHER_KIND_WORDS)
}

/// The kind the words of `text` suggest, with a confidence; `Other` when nothing does.
pub fn by_keywords(text: &str) -> (DocumentKind, f32) {
    let n = normalise(text);
    let mut scores = keyword_scores(&n);
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, s1) = scores[0];
    let s2 = scores.get(1).map_or(0.0, |s| s.1);
    if s1 < 2.0 {
        return (DocumentKind::Other, 0.5);
    }
    (best, (0.5 + 0.4 * (s1 - s2) / s1).min(0.9))
}

/// A page titled as a document's 防伪页 or 备案信息页 (审计报告防伪标识页).
static ANNEX_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(r"(?:{REPORT_ANNEX}|报告信息(?:页|表))$")).expect("static regex")
});
/// How sure the kind of a page titled as an annex is: by its title, but below a document's
/// own title, so it joins the document it belongs to.
const ANNEX_CONFIDENCE: f32 = 0.9;

fn annex_titled(page: &Page) -> bool {
    head_lines(page, TITLE_LINES + 4)
        .iter()
        .take(TITLE_LINES + 2)
        .any(|l| ANNEX_TITLE.is_match(l))
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
    let mut covers = Vec::new();
    let roles: Vec<Role> = pages.iter().map(role).collect();
    let footers: Vec<_> = pages.iter().map(page_footer).collect();
    let in_one_run = numbered_as_one(&footers, &roles);
    let listed = listed_starts(pages, &roles);
    for (i, role) in roles.into_iter().enumerate() {
        match role {
            Role::Blank => {}
            Role::Cover => covers.push(i),
            // a titled page inside a run its footers number as one document (第1页共2页,
            // 第2页共2页) is that document's next page: the contract after its approval form,
            // a report's body after its cover
            Role::Start(_) if open && in_one_run[i] => {
                if let Some(s) = segs.last_mut() {
                    s.pages.push(i);
                }
            }
            Role::Start(kind) => {
                // a report's 防伪页 titled as such is its cover or annex, no document of its own:
                // the merge below treats it as it treats an untitled one
                let confidence = if annex_titled(&pages[i]) {
                    ANNEX_CONFIDENCE
                } else {
                    TITLE_CONFIDENCE
                };
                segs.push(Segment {
                    pages: vec![i],
                    kind,
                    confidence,
                });
                open = true;
            }
            Role::Continuation => {
                // a page numbered 1, or after a page numbered as its document's last (第2页共2页):
                // a new document, whose first page may bear no title (a report's cover)
                // (or a page the packet's contents list as where a document starts: a
                // report's front page under a title no kind knows, `报告交付登记页`)
                let restarts = listed[i].is_some()
                    || matches!(footers[i], Some((1, _)))
                    || i.checked_sub(1)
                        .and_then(|p| footers[p])
                        .is_some_and(|(n, total)| total == Some(n))
                    || segs
                        .last()
                        .is_some_and(|s| report_page_after(&pages[i], s.kind));
                if open && !restarts {
                    if let Some(s) = segs.last_mut() {
                        s.pages.push(i);
                    }
                } else {
                    // (the contents' title names its kind: an untitled page of it, as a
                    // 防伪页 is, which the document's titled body after it takes)
                    let (kind, confidence) = match listed[i] {
                        Some(Some(kind)) => (kind, ANNEX_CONFIDENCE),
                        _ => (DocumentKind::Other, 0.0),
                    };
                    segs.push(Segment {
                        pages: vec![i],
                        kind,
                        confidence,
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
    let mut segs = merge_cover_pages(segs, pages);
    // An upload that holds one document: its contents page is that document's (a report's
    // 目录 page may carry its code), not a packet's.
    if let [only] = segs.as_mut_slice() {
        only.pages.extend(covers);
        only.pages.sort_unstable();
    }
    segs
}

/// An entry of a packet's contents page: a title, leaders, and the page it starts on
/// (`二、专项审计报告……5`, `3. 房屋所有权证 ..... 7`).
static CONTENTS_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]\s*)?(?P<t>\p{Han}[\p{Han}()]{1,30}?)[\s.·…_-]*(?P<n>\d{1,3})$")
        .expect("static regex")
});

/// For each page, whether the packet's contents page lists it as where a document starts,
/// and the kind the entry's title names (if a kind's title). The contents count pages their
/// own way (the cover as page 1 or not): the first entry, on the first page after the
/// contents, says which.
fn listed_starts(pages: &[Page], roles: &[Role]) -> Vec<Option<Option<DocumentKind>>> {
    let mut out = vec![None; pages.len()];
    let listed: Vec<(usize, Option<DocumentKind>)> = pages
        .iter()
        .zip(roles)
        .filter(|(_, r)| matches!(r, Role::Cover))
        .flat_map(|(p, _)| {
            p.text
                .lines()
                .filter_map(|l| {
                    let caps = CONTENTS_ENTRY.captures(l.trim())?;
                    // (an entry for the cover or the contents themselves starts no document)
                    if COVER.is_match(&caps["t"]) {
                        return None;
                    }
                    Some((caps["n"].parse().ok()?, title_kind(&normalise(&caps["t"]))))
                })
                .collect::<Vec<_>>()
        })
        .filter(|&(n, _)| n >= 1)
        .collect();
    // the first entry starts on the first page after the contents that is neither blank nor a
    // cover: that fixes how the contents count (with the cover or without)
    let (Some(&(first_listed, _)), Some(last_cover)) = (
        listed.first(),
        roles.iter().rposition(|r| matches!(r, Role::Cover)),
    ) else {
        return out;
    };
    let Some(first_page) =
        (last_cover + 1..pages.len()).find(|&i| !matches!(roles[i], Role::Blank | Role::Cover))
    else {
        return out;
    };
    let offset = first_page as isize - (first_listed as isize - 1);
    if offset.abs() > 1 {
        return out;
    }
    // Contents that disagree with the pages (an entry on a blank page, past the end, or on a
    // titled page of another kind) count pages some other way: none of them is taken. An entry
    // on an untitled page is taken where the page's words speak for the entry's kind.
    let mut marks = Vec::new();
    for (n, kind) in listed {
        let Some(i) = usize::try_from(n as isize - 1 + offset)
            .ok()
            .filter(|&i| i < pages.len())
        else {
            return out;
        };
        match (roles[i], kind) {
            (Role::Blank | Role::Cover, _) => return out,
            (Role::Start(titled), Some(kind)) if titled != kind => return out,
            (Role::Continuation, Some(kind)) if by_keywords(&pages[i].text).0 != kind => {}
            _ => marks.push((i, kind)),
        }
    }
    for (i, kind) in marks {
        out[i] = Some(kind);
    }
    out
}

/// For each page, whether it is a later page of a run its footers number as one document
/// (`第1页共3页` … `第3页共3页` on consecutive pages) in which every titled page is of one
/// kind. A bound packet numbered through (a lease, then a certificate, then a report) is no
/// such run: its titles are of several kinds, and each starts its own document.
fn numbered_as_one(footers: &[Option<(u32, Option<u32>)>], roles: &[Role]) -> Vec<bool> {
    let mut out = vec![false; footers.len()];
    for i in 0..footers.len() {
        let Some((1, Some(total))) = footers[i] else {
            continue;
        };
        let total = total as usize;
        if total < 2 || i + total > footers.len() {
            continue;
        }
        let numbered =
            (0..total).all(|k| footers[i + k] == Some((k as u32 + 1, Some(total as u32))));
        let mut kinds = roles[i..i + total].iter().filter_map(|r| match r {
            Role::Start(kind) => Some(*kind),
            _ => None,
        });
        let first = kinds.next();
        if numbered && kinds.all(|k| Some(k) == first) {
            out[i + 1..i + total].fill(true);
        }
    }
    out
}

fn is_certificate(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::PropertyCertificate
            | DocumentKind::HouseOwnershipCertificate
            | DocumentKind::LandCertificate
    )
}

/// A letter that sends a document (`关于报送XX公司专项审计报告的函`): the firm's covering letter,
/// bound in front of the report it names, often with the report's code on it.
static TRANSMITTAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^关于(?:报送|提交|呈送|报备|送达|出具)[^\n]{0,60}?(?:审计报告|鉴证报告)的(?:函|报告|说明)$")
        .expect("static regex")
});

/// A letter about letting the premises on (`关于贵方拟转租部分房屋一事的复函`, `关于同意转租的函`):
/// the landlord's consent, bound in front of the sublease it allows.
static CONSENT_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^关于[^\n]{0,40}?(?:转租|分租|转让租赁|出租)[^\n]{0,30}?(?:复函|回函|函|同意书|确认书|说明)$")
        .expect("static regex")
});

/// The kind of document a one-page covering letter sends or allows, by its title.
fn transmits(cover: &Segment, pages: &[Page]) -> Option<DocumentKind> {
    let &[page] = cover.pages.as_slice() else {
        return None;
    };
    let head = head_lines(&pages[page], 2);
    if head.iter().any(|l| TRANSMITTAL.is_match(l)) {
        Some(DocumentKind::AuditReport)
    } else if head.iter().any(|l| CONSENT_LETTER.is_match(l)) {
        Some(DocumentKind::Lease)
    } else {
        None
    }
}

/// The words in which an audit report's body speaks: the firm's engagement and its opinion.
static OPINION: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"我们认为|经审计|我们审计了|我们接受|我们对|我们按照|我们的责任|审计意见[:：]")
        .expect("static regex")
});

/// A single page that is a cover of the document after it joins that document, so its
/// codes and labelled lines are the document's, not a stray one's. A cover is an untitled page
/// that reads as the same kind (a 防伪页 or 报备页 before an audit report), or a page with the
/// same title but no sentence of its own before a document written in sentences (a cover
/// sheet: title, parties, numbers, a code). Two form pages (one-page certificates, neither with
/// a sentence) stay two documents.
fn merge_cover_pages(segs: Vec<Segment>, pages: &[Page]) -> Vec<Segment> {
    // Written in sentences: a few full stops (a certificate's 附记 may hold one or two).
    let sentences = |seg: &Segment| {
        seg.pages
            .iter()
            .map(|&i| pages[i].text.matches('。').count())
            .sum::<usize>()
    };
    // An audit report always states an opinion in sentences, so one will do; a form kind's
    // 附记 may hold one or two.
    let has_sentences = |seg: &Segment| {
        sentences(seg)
            >= if seg.kind == DocumentKind::AuditReport {
                1
            } else {
                3
            }
    };
    // A cover holds no sentence, but an audit report's may say how to verify it
    // (查验说明:扫描上方二维码…查验本报告。, 本报告已于…完成报备…。): sentences that state no
    // opinion (the firm speaks as 我们 in every report's body) are no report.
    let is_cover = |seg: &Segment| {
        seg.pages.len() == 1
            && (sentences(seg) == 0
                || (seg.kind == DocumentKind::AuditReport
                    && (sentences(seg) == 1
                        || !seg.pages.iter().any(|&i| OPINION.is_match(&pages[i].text)))))
    };
    let untitled = |seg: &Segment| seg.confidence < TITLE_CONFIDENCE;
    // A certificate's 附图页 or 附记 page printed first reads as a 不动产权证书 by its words
    // whatever the certificate's own kind: it belongs to the titled certificate after it.
    let certificate_annex = |cover: &Segment, seg: &Segment| {
        untitled(cover) && is_certificate(cover.kind) && is_certificate(seg.kind) && !untitled(seg)
    };
    // A cover page that no document after it takes is an annex of the one before it when that
    // one is of its kind and written in sentences: the 防伪页 or 备案信息页 printed at a
    // report's back, whose title reads as the report's own.
    let push_or_annex = |out: &mut Vec<Segment>, cover: Segment| match out.last_mut() {
        Some(last) if last.kind == cover.kind && has_sentences(last) => {
            last.pages.extend(cover.pages);
        }
        _ => out.push(cover),
    };
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    let mut pending: Option<Segment> = None;
    for seg in segs {
        if let Some(cover) = pending.take() {
            // A report's front matter may run over pages (a title cover, then a page of its
            // numbers and code): covers one after another are one, which the body then takes.
            // A page of numbers right after a report's body is that report's annex, not the
            // next one's cover (its code would go to the other report).
            if cover.kind == DocumentKind::AuditReport && seg.kind == cover.kind && is_cover(&seg) {
                let annex_of_last = cover.pages.len() == 1
                    && out
                        .last()
                        .is_some_and(|last| last.kind == cover.kind && has_sentences(last));
                if annex_of_last {
                    push_or_annex(&mut out, cover);
                    pending = Some(seg);
                } else {
                    let mut front = cover.pages;
                    front.extend(seg.pages);
                    pending = Some(Segment {
                        pages: front,
                        confidence: cover.confidence.max(seg.confidence),
                        ..cover
                    });
                }
                continue;
            }
            // an untitled cover before a titled document; a titled cover before the document
            // it names, titled again or not (a body that starts at its salutation)
            let joins = (seg.kind == cover.kind
                || certificate_annex(&cover, &seg)
                || transmits(&cover, pages) == Some(seg.kind))
                && if untitled(&seg) {
                    !untitled(&cover) && has_sentences(&seg)
                } else {
                    untitled(&cover) || has_sentences(&seg)
                };
            if joins {
                let mut pages = cover.pages;
                pages.extend(seg.pages);
                let confidence = seg.confidence.max(cover.confidence);
                out.push(Segment {
                    pages,
                    confidence,
                    ..seg
                });
                continue;
            }
            push_or_annex(&mut out, cover);
        }
        if untitled(&seg) && seg.pages.len() == 1 || is_cover(&seg) {
            pending = Some(seg);
        } else {
            out.push(seg);
        }
    }
    if let Some(cover) = pending {
        push_or_annex(&mut out, cover);
    }
    out
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
    fn a_reports_information_sheet_under_the_applications_heading_joins_the_report() {
        let pages = [
            page(
                1,
                "房屋租赁合同\n出租方:太原市晋阳科技有限公司\n承租方:山西鼎信网络科技有限责任公司\n租金每年十万元。",
            ),
            page(
                2,
                "小微企业创业创新基地申报材料\n专项审计报告信息表\n申报单位\t山西鼎信网络科技有限责任公司\n审计机构\t长治明鉴会计师事务所(普通合伙)\n报告编码\t140320249155118467",
            ),
            page(
                3,
                "明鉴鉴专字〔2024〕第280号\n专项审计报告\n山西鼎信网络科技有限责任公司执行董事:\n我们接受委托,对贵公司基地的运营情况实施了专项审计。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[1].kind, DocumentKind::AuditReport);
        assert_eq!(segs[1].pages, vec![1, 2]);
        // the application's own cover stays a cover
        assert_eq!(
            role(&page(
                1,
                "小微企业创业创新基地申报材料\n申报单位:山西鼎信网络科技有限责任公司"
            )),
            Role::Cover
        );
    }

    #[test]
    fn a_covering_letter_joins_the_report_it_sends() {
        let pages = vec![
            page(
                1,
                "关于报送晋中市东方网络科技有限公司专项审计报告的函\n朔州市中小企业发展促进中心：\n受晋中市东方网络科技有限公司委托，我所对其基地运营情况进行了专项审计，现随函报送。\n该报告编码为SXZX20225871913075，可扫描右下方二维码查验。\n特此函告。\n运城中条会计师事务所（普通合伙）",
            ),
            page(
                2,
                "专项审计报告\n晋中条审字（2022）第D0629号\n晋中市东方网络科技有限公司股东：\n我们接受委托，对贵公司的基地运营情况进行了专项审计。\n审计结论：运营情况与申报材料相符。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].kind, DocumentKind::AuditReport);
        assert_eq!(segs[0].pages, vec![0, 1]);
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
    fn a_reports_front_matter_over_two_pages_joins_its_body() {
        // a title cover, a page of the report's numbers and code, then the body
        let cover = "山西甲科技有限公司\n2020年度小微企业创业创新基地运营情况\n专项审计报告\n山西乙会计师事务所有限公司\n二〇二一年三月";
        let numbers = "专项审计报告\n报告文号：乙审字（2021）第0748号\n被审计单位：山西甲科技有限公司\n防伪识别码：SX21390488210029\n扫描二维码识别报告真伪";
        let body = "专项审计报告\n山西甲科技有限公司股东会：\n我们接受委托，对贵单位基地运营情况进行了专项审计。\n我们认为，有关资料真实。";
        let segs = split(&[page(1, cover), page(2, numbers), page(3, body)]);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1, 2]);
        assert_eq!(segs[0].kind, DocumentKind::AuditReport);
        // a report's back 防伪页 stays its own when the next report's cover follows
        let annex =
            "审计报告防伪页\n报告编码\n140720215776614213\n报告文号\n乙审字（2021）第0616号";
        let segs = split(&[page(1, body), page(2, annex), page(3, cover), page(4, body)]);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        assert_eq!(segs[1].pages, vec![2, 3]);
        // …and so does a page of its numbers printed at its back, a title cover after it
        let segs = split(&[
            page(1, body),
            page(2, numbers),
            page(3, cover),
            page(4, body),
        ]);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        assert_eq!(segs[1].pages, vec![2, 3]);
        // two one-page certificates, neither in sentences, stay two documents
        let cert = "不动产权证书\n晋（2020）太原市不动产权第0012345号\n权利人：山西甲科技有限公司";
        assert_eq!(split(&[page(1, cert), page(2, cert)]).len(), 2);
    }

    #[test]
    fn a_cover_sheet_joins_the_document_after_it() {
        let pages = vec![
            page(
                1,
                "审计报告防伪页\n防伪编号：140120207809681333\n被审计单位：山西晋阳科技有限公司\n会计师事务所：山西晋审会计师事务所",
            ),
            page(
                2,
                "专项审计报告\n晋正信专审字〔2020〕第0688号\n中国注册会计师：张三",
            ),
            page(3, "房屋租赁合同\n出租方：甲"),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        assert_eq!(segs[0].kind, DocumentKind::AuditReport);
        // The same page printed at the report's back, before another document or last, is the
        // report's annex.
        let body = "专项审计报告\n编号：晋华鉴专审字〔2021〕第0616号\n山西甲有限公司：\n我们审计了贵公司的基地运营情况。\n经审计，我们认为数据真实。";
        let annex = "审计报告防伪页\n报告编码\n140720215776614213\n报告文号\n晋华鉴专审字〔2021〕第0616号\n（本页为备案信息页，不作为审计报告正文）\n会计师事务所出具的审计报告应通过统一监管平台报备并打印本页。";
        for tail in [vec![], vec![page(3, "房屋租赁合同\n出租方：甲")]] {
            let mut pages = vec![page(1, body), page(2, annex)];
            let more = tail.len();
            pages.extend(tail);
            let segs = split(&pages);
            assert_eq!(segs.len(), 1 + more, "{segs:?}");
            assert_eq!(segs[0].pages, vec![0, 1]);
            assert_eq!(segs[0].kind, DocumentKind::AuditReport);
        }
        // A contract's cover sheet repeats the title but holds no sentence.
        let pages = vec![
            page(
                1,
                "房屋租赁合同\n出租方：山西甲有限公司\n承租方：山西乙有限公司\n合同编号：ZL-1",
            ),
            page(
                2,
                "房屋租赁合同\n出租方：山西甲有限公司\n第一条 甲方将房屋出租给乙方。\n第二条 租期五年。\n第三条 租金按季支付。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        // Two one-page certificates (no sentences either) stay two documents.
        let pages = vec![
            page(1, "不动产权证书\n权利人\n山西甲有限公司"),
            page(
                2,
                "不动产登记证明\n权利人\n山西乙有限公司\n附记\n抵押范围以抵押合同约定为准。",
            ),
        ];
        assert_eq!(split(&pages).len(), 2);
        // A certificate's 附图页 printed before it is its page, whichever certificate it is.
        for title in ["不动产权证书", "房屋所有权证"] {
            let pages = vec![
                page(
                    1,
                    "附图页\n宗地图\n宗地代码：140107975413GB14018\n本宗地\n房产分户图\n比例尺 1:500",
                ),
                page(2, &format!("{title}\n权利人\n山西甲有限公司\n房屋所有权人")),
            ];
            let segs = split(&pages);
            assert_eq!(segs.len(), 1, "{title}: {segs:?}");
            assert_eq!(segs[0].pages, vec![0, 1]);
            assert_ne!(segs[0].kind, DocumentKind::Other);
        }
        // An audit report's titled cover before a short body: any opinion sentence makes the
        // body the report the cover belongs to.
        let pages = vec![
            page(
                1,
                "扫码验证报告真伪\n山西天元会计师事务所（特殊普通合伙）\n太原锦程信息技术股份有限公司\n专项审计报告\n报告编码：140720217783534658",
            ),
            page(
                2,
                "专项审计报告\n致太原锦程信息技术股份有限公司\n全体股东：\n受贵公司委托，我们实施了专项审计。\n指标名称\n2020年度",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        // A cover that says in a sentence how to verify the report, before a body titled
        // again: one report.
        let pages = vec![
            page(
                1,
                "太原国家高新技术产业开发区瑞丰（集团）投资\n\n管理股份有限公司\n\n2022年度省级小微企业创业创新基地\n\n专项审计报告\n\n太岳审（2023）0158号\n\n查验说明：扫描上方二维码或登录注册会计师行业统一监管平台，输入防伪编码1407-2023-89993744\n\n查验本报告。\n\n晋城太岳会计师事务所有限公司",
            ),
            page(
                2,
                "审计报告\n致太原瑞丰投资管理股份有限公司全体股东：\n受贵公司委托，我们实施了专项审计。\n我们认为，贵公司基地运营情况符合申报要求。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        // A titled cover before a body that starts at its salutation and numbers its own
        // pages from 1: one report.
        let pages = vec![
            page(
                1,
                "防伪编码\n14072024618367714586\n晋城凤城会计师事务所有限公司\n专项审计报告\n被审验单位：\n晋中市凯达企业管理咨询股份有限公司\n报告文号：\n凤城财专审字【2024】465号",
            ),
            page(
                2,
                "晋中市凯达企业管理咨询股份有限公司全体股东：\n我们接受委托，对贵公司的运营情况进行了专项审计。\n我们认为，上述数据如实反映了基地的运营情况。\n晋城凤城会计师事务所有限公司\n中国注册会计师：吕刚\n第 1 页",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].kind, DocumentKind::AuditReport);
        // A report titled 鉴证报告 (its title wrapped) after a lease in a packet is the audit
        // report, not the lease's third page.
        let pages = vec![
            page(
                1,
                "物业租赁合同\n出租方：长治市三晋智能科技有限公司\n租赁期限自2022年3月1日起至2027年2月28日止。",
            ),
            page(
                2,
                "关于山西省中优投资管理有限公司2021年度小微企业创业创\n新基地运营数据的鉴证报告\n(2022) 明正审字第127号\n山西省中优投资管理有限公司全体股东:\n我们接受委托，执行了鉴证业务。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[1].kind, DocumentKind::AuditReport);
        // A stray page of another kind stays its own document.
        let pages = vec![
            page(1, "出租方与承租方约定租金和租赁期限如下"),
            page(2, "专项审计报告\n中国注册会计师：张三"),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2, "{segs:?}");
    }

    #[test]
    fn a_title_wrapped_over_two_lines_starts_a_document() {
        assert_eq!(
            role(&page(
                1,
                "关于山西晋阳科技发展有限责任公司小微企业创业创新基地的专项审计\n报告\n晋审字(2021)12号"
            )),
            Role::Start(DocumentKind::AuditReport)
        );
    }

    #[test]
    fn a_lease_titled_by_its_premises_between_the_lease_word_and_the_contract_word() {
        for title in [
            "转租场地协议书",
            "租赁房屋合同",
            "分租办公用房协议",
            "房屋租赁契约",
        ] {
            assert_eq!(
                role(&page(
                    1,
                    &format!("{title}\n转租事项登记表\n分租单位\t晋城市某某科技有限公司")
                )),
                Role::Start(DocumentKind::Lease),
                "{title}"
            );
        }
    }

    #[test]
    fn a_landlords_consent_letter_is_front_matter_of_the_sublease_after_it() {
        let pages = vec![
            page(
                1,
                "关于贵司拟分租部分厂房一事的复函\n晋城市丹河数字科技有限公司:\n来函收悉。贵司与我司签订的《厂房租赁合同》仍在履行。我司同意贵司将其中一间分租。\n特此函复。\n晋城市泽州资产经营有限公司",
            ),
            page(
                2,
                "转租房屋协议书\n转租方:晋城市丹河数字科技有限公司\n受转租方:高平市长平农业科技有限公司\n第1条 转租时段:2023.2.1起到2025.1.31止。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        assert_eq!(segs[0].kind, DocumentKind::Lease);
    }

    #[test]
    fn a_single_documents_contents_page_is_its_own() {
        let pages = vec![
            page(
                1,
                "目    录\n一、专项审计报告……1\n二、2021年度基地运营情况表……2\n电子监管码：\n14052022469418874743",
            ),
            page(
                2,
                "专项审计报告\n文号：晋朔恒信专审字〔2022〕第0573号\n运城市瑞丰文化传媒有限公司全体股东：\n我们审计了贵公司的基地运营情况表。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
    }

    #[test]
    fn a_page_the_contents_list_starts_a_document_under_a_title_no_kind_knows() {
        // a report's front page (its number and code in a table) bound after a lease: the
        // contents say the report starts there
        let pages = vec![
            page(
                1,
                "某公司\n申报材料\n目录\n封面……1\n一、房屋租赁合同……2\n二、专项审计报告……4",
            ),
            page(
                2,
                "房屋租赁合同\n出租方：甲公司\n第一条 甲方将房屋出租给乙方。第二条 租金按季支付。第三条 租期五年。",
            ),
            page(3, "第四条 本合同一式两份。\n出租方（盖章）：甲公司"),
            page(
                4,
                "报告送达登记页\n报告文号\n晋某审字〔2024〕第1号\n出具单位\n某会计师事务所有限公司\n注协监管码\nBA2024000000001\n扫码查验本审计报告",
            ),
            page(
                5,
                "专项审计报告\n某公司全体股东：\n我们审计了贵公司的基地运营情况表。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].pages, vec![1, 2]);
        assert_eq!(segs[1].pages, vec![3, 4]);
        assert_eq!(segs[1].kind, DocumentKind::AuditReport);
        // contents that count the pages some other way (an entry on a blank page) are not
        // taken: the sublease's second page stays the sublease's
        let pages = vec![
            page(
                1,
                "某公司\n申报材料\n目录\n一、房屋租赁合同……2\n二、房屋租赁合同……4\n三、专项审计报告……6",
            ),
            page(
                2,
                "房屋租赁合同\n出租方：甲公司\n第一条 甲方将房屋出租给乙方。第二条 租金按季支付。第三条 租期五年。",
            ),
            page(3, ""),
            page(
                4,
                "房屋转租合同\n转租人：乙公司\n第一条 甲方将房屋转租给乙方。第二条 租金按季支付。第三条 租期两年。",
            ),
            page(5, "第四条 乙方应按时支付租金。\n第五条 本合同一式两份。"),
            page(
                6,
                "专项审计报告\n某公司全体股东：\n我们审计了贵公司的基地运营情况表。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 3, "{segs:?}");
        assert_eq!(segs[1].pages, vec![3, 4]);
    }

    #[test]
    fn a_contracts_cover_with_its_kind_in_a_bracket_is_the_contracts() {
        // `合同书` / `(房屋租赁)` over the parties, then the contract under its own title
        let pages = vec![
            page(
                1,
                "合　同　书\n（房屋租赁）\n合同编号：\nZL-1\n甲　方：\n甲公司\n乙　方：\n乙公司\n签订日期：\n2021年6月9日",
            ),
            page(
                2,
                "房屋租赁合同\n出租方：甲公司\n第一条 甲方将房屋出租给乙方。第二条 租金按季支付。第三条 租期五年。",
            ),
        ];
        assert_eq!(role(&pages[0]), Role::Start(DocumentKind::Lease));
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
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

    #[test]
    fn an_untitled_page_of_another_kinds_words_starts_a_document() {
        // a report's summary sheet bound after a certificate, under a title no kind knows
        let certificate = page(
            2,
            "不动产权证书\n晋(2019)长治市不动产权第0884965号\n权利人 太原市某某孵化器管理有限责任公司\n\
             不动产单元号 140402329211GB98570F98222733",
        );
        let summary = page(
            3,
            "基地情况一览\n被审计单位\t太原市某某孵化器管理有限责任公司\n报告出具号\t天和〔2021〕专审0233号\n\
             会计师事务所\t中证某某会计师事务所(特殊普通合伙)山西分所\n报告真伪查询码\t14102021120698204C",
        );
        let report = page(
            4,
            "专项审计报告\n太原市某某孵化器管理有限责任公司执行董事:\n我们审计了贵公司基地运营情况表。\n我们认为,申报资料如实反映了运营情况。",
        );
        let segs = split(&[certificate.clone(), summary, report]);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0]);
        assert_eq!(segs[1].kind, DocumentKind::AuditReport);
        assert_eq!(segs[1].pages, vec![1, 2]);
        // a lease's later page that cites the certificate is the lease's: its own words are there
        let lease = page(
            1,
            "房屋租赁合同\n出租方:太原市某某置业有限公司\n甲方将房屋出租给乙方。",
        );
        let cites = page(
            2,
            "附件:不动产权证书复印件\n权利人:太原市某某置业有限公司\n不动产单元号 140402329211GB98570F98222733\n甲方保证房屋权属清楚。",
        );
        let segs = split(&[lease, cites]);
        assert_eq!(segs.len(), 1, "{segs:?}");
    }

    #[test]
    fn a_reports_cover_with_its_code_over_the_title_starts_the_report() {
        // the firm, the code, its caption, the code again, the entity and the period push the
        // title to the cover's seventh line: codes are no title and do not count
        let pages = vec![
            page(
                1,
                "房产租赁合同\n【出租方】甲\n第一条 甲方将房屋出租给乙方。",
            ),
            page(
                2,
                "立信众联会计师事务所(特殊普通合伙)山西分所\n140320221639986178\n报告追溯码\n\
                 140320221639986178\n运城市凯达实业有限公司\n2021年度小微企业创业创新基地运营情况\n\
                 专项审计报告\n审计报告号:众联会审字第2022-0095号\n二〇二二年二月",
            ),
            page(
                3,
                "专项审计报告\n运城市凯达实业有限公司:\n我们对贵单位的基地运营情况进行了专项审计。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0]);
        assert_eq!(segs[1].pages, vec![1, 2]);
        assert_eq!(segs[1].kind, DocumentKind::AuditReport);
    }

    #[test]
    fn a_run_its_footers_number_as_one_is_one_document() {
        // an approval form that names the contract, then the contract, numbered as one
        let form = "合同签订审批表\n填表日期：2016.11.27\n合同名称\n房屋租赁合同\n合同编号\nFWZL[2016]601\n\
                    部门负责人意见\n拟同意。\n法务审核意见\n合同条款已审核，无异议。\n注：本表随合同原件一并归档。";
        let contract = "房屋租赁合同\n出租人：冯娜宇\n承租人：太原市华晋科技股份有限公司\n第一条 甲方将房屋出租给乙方。";
        let pages = vec![
            page(1, &format!("{form}\n第1页共2页")),
            page(2, &format!("{contract}\n第2页共2页")),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        // a packet numbered through: its documents' titles are of several kinds
        let pages = vec![
            page(1, &format!("{contract}\n第1页共3页")),
            page(
                2,
                "专项审计报告\n山西甲有限公司：\n我们审计了贵公司的基地运营情况。\n第2页共3页",
            ),
            page(3, "房屋转租合同\n转租方：甲\n第3页共3页"),
        ];
        assert_eq!(split(&pages).len(), 3);
    }

    #[test]
    fn a_certificate_titled_beside_its_number_and_a_reports_anti_forgery_page_after_it() {
        // the certificate's title shares its line with the number's cell; the report's 防伪
        // page, titled as the report's page and led by the firm, goes with the report
        let pages = vec![
            page(
                1,
                "印制号：14001234567\n不动产权证书\t晋（2021）太原市不动产权第0001234号\n\
                 权利人\t晋城市天成孵化器管理有限公司\n共有情况\t单独所有",
            ),
            page(
                2,
                "晋城恒信会计师事务所有限公司\n审计报告防伪标识页\n报告文号：晋恒审（2022）017号\n\
                 1. 本页为审计报告防伪标识页，可扫描本页二维码查验报告真伪。",
            ),
            page(
                3,
                "专项审计报告\n晋城市天成孵化器管理有限公司执行董事及监事：\n我们接受委托，对贵公司的基地运营情况进行了专项审计。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0]);
        assert_eq!(segs[0].kind, DocumentKind::PropertyCertificate);
        assert_eq!(segs[1].pages, vec![1, 2]);
        assert_eq!(segs[1].kind, DocumentKind::AuditReport);
    }

    #[test]
    fn an_audit_reports_cover_that_tells_how_to_verify_it_is_its_cover() {
        // the cover says in sentences where the report was filed and how to check it; the
        // body speaks as the firm
        let pages = vec![
            page(
                1,
                "专项审计报告\n（2020年度）\n本报告（文号：丹河双创审字〔2021〕第774号）已于2021年2月25日在全国注册会计师行业统一监管平台完成报备，报告备案识别号为140220218843560127。报告使用人可扫描下方二维码查验本报告。\n被审计单位：太原市华晋科技股份有限公司",
            ),
            page(
                2,
                "专项审计报告\n太原市华晋科技股份有限公司全体股东：\n我们接受贵公司的委托，进行了专项审计。\n我们认为，贵公司基地运营情况符合申报条件的规定。",
            ),
        ];
        let segs = split(&pages);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].pages, vec![0, 1]);
        assert_eq!(segs[0].kind, DocumentKind::AuditReport);
    }
}
