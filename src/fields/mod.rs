//! Document understanding: page text → kind and fields with evidence; packets → documents.
//!
//! The flow: [`classify::split`] gives each run of pages a kind (a bound packet yields several
//! runs, blank and cover pages none); [`text::Norm`] joins a run's pages into one normalised
//! text that remembers where every character was read; [`engine::read_fields`] applies the
//! kind's declarative table ([`kinds`]) to it. Parsers for dates, durations, numbers and credit
//! codes are public so tests and plugins can use the same readings.
//!
//! Field names per kind are fixed by the report contract (see `kinds.rs`). Values are as
//! written for names and texts, ISO `YYYY-MM-DD` for dates, numbers in m² and yuan, and small
//! objects for `term_stated` (`{"years","months"}`), `rent` (`{"amount","period","per_m2"}`) and
//! `period` (`{"start","end"}`). An unfilled template date (____年__月__日) is left out and noted.
//! Every document gets `credit_codes`: `[{"code","party","valid","evidence":{"page","span"}}]`.

/// The label of a party table's row that holds the party's name (名称, 单位名称, 名称(姓名),
/// 姓名/名称, 单位名称或姓名): written once for every reader that finds a names row or must stop
/// at one, so a new spelling reaches them all. Defined before the modules so each can `concat!` it.
macro_rules! names_row_label {
    () => {
        r"(?:(?:单位|公司|企业|主体|当事人|机构|组织)?(?:名称|全称)(?:[/、或]姓名|\(姓名\))?|姓名(?:[/、或](?:名称|全称)|\(名称\))?)"
    };
}

pub mod classify;
pub mod codes;
pub mod dates;
pub mod engine;
pub mod kinds;
pub mod numbers;
mod party_words;
mod term_clause;
pub mod text;

use crate::model::{DocumentKind, Extracted, Page, Understood};

/// Confidence of the classifier above which a differing kind hint is reported as contradicted.
const CONTRADICTION: f32 = 0.9;

/// Understands one upload. A bound packet yields several documents, each with its
/// `page_range`; an ordinary upload yields one. A `hint` (the kind given at upload) wins for
/// an ordinary upload, but when the content clearly says otherwise a note says so.
pub fn understand(extracted: &Extracted, hint: Option<DocumentKind>) -> Vec<Understood> {
    let segments = classify::split(&extracted.pages);
    if segments.is_empty() {
        let kind = hint.unwrap_or(DocumentKind::Other);
        return vec![Understood {
            kind,
            kind_confidence: if hint.is_some() { 0.5 } else { 0.0 },
            fields: Default::default(),
            page_range: None,
            notes: vec!["没有可读的文字（空白页或尚未识别的扫描件） / no readable text (blank pages, or a scan without OCR text)".into()],
        }];
    }
    let packet = segments.len() > 1;
    segments
        .into_iter()
        .map(|seg| {
            let mut notes = Vec::new();
            let mut kind = seg.kind;
            let mut confidence = seg.confidence;
            if let Some(h) = hint
                && h != seg.kind
            {
                if seg.confidence >= CONTRADICTION {
                    notes.push(format!(
                        "上传时标注的类型 {} 与内容不符，内容像是 {} / the kind hint {} contradicts the content, which reads as {}",
                        h.as_str(),
                        seg.kind.as_str(),
                        h.as_str(),
                        seg.kind.as_str()
                    ));
                }
                if !packet {
                    // The uploader's word wins for a single document.
                    kind = h;
                    confidence = if seg.confidence >= CONTRADICTION { 0.5 } else { 0.9 };
                }
            } else if hint == Some(seg.kind) {
                confidence = confidence.max(0.99);
            }
            let pages: Vec<&Page> = seg.pages.iter().map(|&i| &extracted.pages[i]).collect();
            let mut fields = Default::default();
            if let Some(c) = engine::compiled(kind) {
                let norm = text::Norm::build(&pages, &|line| c.is_label_line(line));
                let mut reading = engine::read_fields(c, &norm);
                let payloads: Vec<&str> = pages
                    .iter()
                    .flat_map(|p| p.codes.iter().map(|c| c.text.as_str()))
                    .collect();
                engine::printed_payload(c, &norm, &payloads, &mut reading);
                engine::code_as_carried(&norm, &payloads, &mut reading);
                engine::number_as_carried(&payloads, &mut reading);
                engine::payload_seen(c, &norm, &payloads, &mut reading);
                // a picture showed a QR code no reader decoded: the document shows a code
                if kind == DocumentKind::AuditReport
                    && let Some(page) = pages
                        .iter()
                        .find(|p| p.warnings.iter().any(|w| w == crate::extract::CODE_NOT_READ))
                {
                    reading.fields.entry("code_shown".into()).or_insert(crate::model::Field {
                        value: serde_json::Value::Bool(true),
                        confidence: 0.9,
                        evidence: crate::model::Evidence {
                            page: page.number,
                            span: [0, 0],
                            bbox: None,
                        },
                    });
                }
                fields = reading.fields;
                notes.extend(reading.notes);
            }
            let page_range = packet.then(|| {
                [
                    pages.first().map_or(1, |p| p.number),
                    pages.last().map_or(1, |p| p.number),
                ]
            });
            Understood {
                kind,
                kind_confidence: confidence,
                fields,
                page_range,
                notes,
            }
        })
        .collect()
}
