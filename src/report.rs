//! The `docverify.report/v1` report: the contract with the provincial platform and the tests.
//!
//! The JSON Schema in `docs/report.schema.json` is generated from these types (a test keeps the
//! committed file in sync), so changing a type here is changing the published contract.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Code, DocumentKind, Field, Finding, Message, Status, TextSource, Verdict};

/// The schema id every report carries.
pub const SCHEMA_ID: &str = "docverify.report/v1";

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Always `docverify.report/v1`.
    pub schema: String,
    pub submission: SubmissionInfo,
    pub verdict: Verdict,
    pub documents: Vec<ReportDocument>,
    pub findings: Vec<Finding>,
    pub provenance: Provenance,
}

/// What the applicant declared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmissionInfo {
    pub id: String,
    /// 申报单位, as entered.
    pub applicant: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_area_m2: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_type: Option<String>,
    /// The date the application was made (ISO), used by rules that count from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_date: Option<String>,
}

/// A problem with one document that did not stop the submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentError {
    /// The stage that failed: `extract`, `ocr`, `fields`.
    pub stage: String,
    /// Stable machine-readable code, e.g. `pdf-encrypted`, `deadline-exceeded`.
    pub code: String,
    pub message: Message,
}

/// One document of the submission (an upload, or one part of a bound packet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportDocument {
    pub id: String,
    /// The name the file was uploaded with.
    pub file: String,
    /// SHA-256 of the upload's bytes.
    pub sha256: String,
    pub media_type: String,
    pub kind: DocumentKind,
    pub kind_confidence: f32,
    /// Number of pages of this document.
    pub pages: u32,
    /// For a part of a bound packet: its first and last page within the upload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_range: Option<[u32; 2]>,
    pub text_source: TextSource,
    pub fields: BTreeMap<String, Field>,
    pub codes: Vec<Code>,
    pub errors: Vec<DocumentError>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A plugin that took part in the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PluginProvenance {
    pub id: String,
    pub version: String,
    /// SHA-256 of the plugin's component bytes.
    pub digest: String,
    pub rules: Vec<String>,
    /// The parameters it ran with (defaults merged with configuration).
    pub parameters: serde_json::Map<String, serde_json::Value>,
}

/// An input file of the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InputDigest {
    pub file: String,
    pub sha256: String,
}

/// An outside lookup made while deciding (e.g. at an audit registry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LookupRecord {
    pub plugin: String,
    pub url: String,
    /// RFC 3339 time of the request.
    pub at: String,
    /// HTTP status, or absent when no answer came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// SHA-256 of the answer body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// Where the answer finally came from, when the registry redirected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// The answer was reused from the lookup cache (fetched earlier, within its TTL).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cached: bool,
    /// Why no answer was used (refused, timeout …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Everything needed to explain and reproduce the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// docverify version that produced the report.
    pub docverify: String,
    pub plugins: Vec<PluginProvenance>,
    /// Global parameters of the run (e.g. OCR model versions).
    pub parameters: serde_json::Map<String, serde_json::Value>,
    pub inputs: Vec<InputDigest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lookups: Vec<LookupRecord>,
    /// RFC 3339 time the report was made.
    pub generated_at: String,
}

impl Report {
    /// The report's verdict from its findings (worst status, `review` when none ran).
    pub fn verdict_of(findings: &[Finding]) -> Verdict {
        Verdict::from_statuses(findings.iter().map(|f| f.status))
    }

    /// The JSON Schema of the report, as published in `docs/report.schema.json`.
    pub fn json_schema() -> serde_json::Value {
        let schema = schemars::schema_for!(Report);
        serde_json::to_value(schema).expect("schema serialises")
    }
}

/// A readable summary in Chinese with English rule ids (`docverify check --format text`).
pub fn render_text(report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let verdict = match report.verdict {
        Verdict::Pass => "通过 (pass)",
        Verdict::Review => "需人工复核 (review)",
        Verdict::Fail => "不通过 (fail)",
    };
    let _ = writeln!(out, "申报单位 Applicant: {}", report.submission.applicant);
    if let Some(a) = report.submission.declared_area_m2 {
        let _ = writeln!(out, "申报面积 Declared area: {a} m²");
    }
    let _ = writeln!(out, "结论 Verdict: {verdict}");
    let _ = writeln!(out, "\n材料 Documents ({}):", report.documents.len());
    for d in &report.documents {
        let _ = writeln!(
            out,
            "  - {} [{}] {} 页 pages, {:?}, 类型 kind {} ({:.2})",
            d.file,
            &d.sha256[..12.min(d.sha256.len())],
            d.pages,
            d.text_source,
            d.kind.as_str(),
            d.kind_confidence
        );
        for (name, f) in &d.fields {
            let _ = writeln!(
                out,
                "      {name}: {} (p.{}, {:.2})",
                f.value, f.evidence.page, f.confidence
            );
        }
        for c in &d.codes {
            let _ = writeln!(
                out,
                "      码 code {} p.{}: {}",
                c.symbology, c.page, c.text
            );
        }
        for e in &d.errors {
            let _ = writeln!(
                out,
                "      错误 error [{}/{}]: {}",
                e.stage, e.code, e.message.zh
            );
        }
    }
    let _ = writeln!(out, "\n检查 Findings ({}):", report.findings.len());
    for f in &report.findings {
        let status = match f.status {
            Status::Pass => "通过 pass",
            Status::Fail => "不通过 fail",
            Status::Review => "复核 review",
            Status::NotApplicable => "不适用 n/a",
        };
        let _ = writeln!(out, "  [{status}] {}: {}", f.rule, f.message.zh);
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "  （没有可运行的检查规则 no rule could run）");
    }
    out
}
