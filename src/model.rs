//! The typed values that flow between the stages (extract → fields → verify → report).
//!
//! Every arrow of the pipeline is one of these serde structs, so each stage can be tested alone
//! and the CLI runs exactly the same stages as the server. The report types in `report.rs` are
//! built from these; field and kind names here are part of the public report contract.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A box on a page as fractions of the page's width and height, origin top-left:
/// `[x0, y0, x1, y1]`. Fractions keep evidence independent of the resolution a page is shown at.
pub type BBox = [f32; 4];

/// The smallest box holding both: where a run of words or lines is printed.
pub fn bbox_union(a: BBox, b: BBox) -> BBox {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// Where the text of a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TextSource {
    /// The PDF's own text layer.
    TextLayer,
    /// Optical character recognition of the page image.
    Ocr,
    /// Some pages from the text layer, some from OCR (documents only).
    Mixed,
    /// No text could be had (e.g. a blank page, or OCR unavailable).
    None,
}

/// A run of characters of a page's text with the place it was printed and how sure we are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TextSpan {
    /// Start, in Unicode scalar values (chars) into [`Page::text`].
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// Where on the page, as fractions.
    pub bbox: BBox,
    /// 0..1; 1.0 for a text layer.
    pub confidence: f32,
}

/// A QR code or barcode found on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Code {
    /// `qr`, `microqr`, `rmqr`, `pdf417`, `datamatrix`, `aztec`, `code128`, `code39`, `code32`,
    /// `code93`, `itf`, `ean13`
    pub symbology: String,
    /// The decoded text (UTF-8; GBK payloads are converted).
    pub text: String,
    /// 1-based page number.
    pub page: u32,
    /// Where on the page, when the decoder reports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
}

/// One page of an upload after extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Page {
    /// 1-based page number within the upload.
    pub number: u32,
    /// Page size in pixels of the page image (or in points for a page with no image).
    pub width: u32,
    pub height: u32,
    /// The page's text in reading order, lines separated by `\n`.
    pub text: String,
    pub text_source: TextSource,
    /// Positioned runs of `text`, when known (OCR, or a positioned text layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<TextSpan>,
    /// Mean recognition confidence of the page's text, 1.0 for a text layer.
    pub confidence: f32,
    #[serde(default)]
    pub codes: Vec<Code>,
    /// SHA-256 of the stored page image (PNG) in the blob store, when one was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_sha256: Option<String>,
    /// Problems with this page that did not stop the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// What extraction produced for one upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Extracted {
    /// Sniffed from the content, e.g. `application/pdf`, `image/jpeg`.
    pub media_type: String,
    pub pages: Vec<Page>,
}

/// The kinds of document a submission holds (names fixed by the report contract).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 房屋租赁合同 / 厂房租赁协议 / 转租合同 (head lease or sublease).
    Lease,
    /// 不动产权证书 (and 不动产证明, which is not proof of ownership).
    PropertyCertificate,
    /// 房屋所有权证 (older).
    HouseOwnershipCertificate,
    /// 国有土地使用证 (older).
    LandCertificate,
    /// 专项审计报告 (supplementary ones too).
    AuditReport,
    Other,
}

impl DocumentKind {
    /// All kinds, for parsing hints and listing.
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::Lease,
        DocumentKind::PropertyCertificate,
        DocumentKind::HouseOwnershipCertificate,
        DocumentKind::LandCertificate,
        DocumentKind::AuditReport,
        DocumentKind::Other,
    ];

    /// The report's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Lease => "lease",
            DocumentKind::PropertyCertificate => "property_certificate",
            DocumentKind::HouseOwnershipCertificate => "house_ownership_certificate",
            DocumentKind::LandCertificate => "land_certificate",
            DocumentKind::AuditReport => "audit_report",
            DocumentKind::Other => "other",
        }
    }

    /// Parses the report's name for a kind (as given in an upload's `kind` hint).
    pub fn parse(s: &str) -> Option<DocumentKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// Where a field was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// 1-based page number within the upload.
    pub page: u32,
    /// `[start, end)` in chars of that page's text.
    pub span: [usize; 2],
    /// The box on the page, when the text was positioned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
}

/// A field value with where it came from and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Field {
    /// Strings as written (names), ISO `YYYY-MM-DD` dates, numbers, booleans, or small objects
    /// (e.g. `term_stated: {"years": 5, "months": 0}`), per the field list of each kind.
    pub value: serde_json::Value,
    /// 0..1: OCR confidence of the characters combined with the certainty of the parse.
    pub confidence: f32,
    pub evidence: Evidence,
}

/// A document as understood: its kind and its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Understood {
    pub kind: DocumentKind,
    pub kind_confidence: f32,
    /// Field name → value (names fixed per kind; see ARCHITECTURE.md).
    pub fields: BTreeMap<String, Field>,
    /// For a document split out of a bound packet: first and last page (1-based, inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_range: Option<[u32; 2]>,
    /// Notes for the reviewer (e.g. the kind hint contradicts the content).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Outcome of one rule.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotApplicable,
    Pass,
    Review,
    Fail,
}

/// The overall verdict of a submission: the worst status over its findings.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Review,
    Fail,
}

impl Verdict {
    /// Worst status over all findings; `review` when no rule could run.
    pub fn from_statuses(statuses: impl IntoIterator<Item = Status>) -> Verdict {
        let mut worst: Option<Verdict> = None;
        for s in statuses {
            let v = match s {
                Status::NotApplicable => continue,
                Status::Pass => Verdict::Pass,
                Status::Review => Verdict::Review,
                Status::Fail => Verdict::Fail,
            };
            worst = Some(worst.map_or(v, |w| w.max(v)));
        }
        worst.unwrap_or(Verdict::Review)
    }
}

/// A message a person reads, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// A pointer from a finding to what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceRef {
    /// Document id within the submission.
    pub document: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    /// The text the finding rests on, as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The result of one rule over the submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// Stable rule id from RULES.md, e.g. `lease.term`.
    pub rule: String,
    pub status: Status,
    /// `id@version` of the plugin that decided.
    pub plugin: String,
    pub message: Message,
    #[serde(default)]
    pub evidence: Vec<EvidenceRef>,
}
