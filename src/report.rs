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
    /// Reviewers' decisions on findings, oldest first; absent until someone decides. The
    /// machine's findings and `verdict` above are never changed by them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// The verdict with the decisions in effect applied; absent until someone decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_verdict: Option<Verdict>,
}

/// Whether a reviewer agreed with the machine's finding or set another status.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// The finding stands as the machine made it.
    Confirm,
    /// The reviewer holds another status (a reason is then required).
    Override,
}

/// A reviewer's decision on one finding, with who made it and when. Decisions are kept as a
/// history: the newest one on a finding is in effect, earlier ones stay for the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct Decision {
    pub id: String,
    /// The rule of the finding, e.g. `lease.term`.
    pub rule: String,
    /// The document the finding is about (the document of its first evidence); absent for a
    /// finding with no evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    pub decision: DecisionKind,
    /// The status the reviewer holds for the finding (the machine's own on a confirm).
    #[schema(value_type = String, example = "pass")]
    pub status: Status,
    /// The machine's status of the finding when the decision was made.
    #[schema(value_type = String, example = "fail")]
    pub machine_status: Status,
    /// Why (required for an override).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Who decided, as they named themselves.
    pub reviewer: String,
    /// RFC 3339 time of the decision.
    pub decided_at: String,
    /// False once a later decision on the same finding replaced this one.
    pub in_effect: bool,
}

/// The document a finding is about: the document of its first evidence. Together with the
/// rule it names a finding (a rule gives one finding per document it judges).
pub fn finding_document(f: &Finding) -> Option<&str> {
    f.evidence.first().map(|e| e.document.as_str())
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

    /// Attaches reviewers' decisions (oldest first): marks the newest one per finding as in
    /// effect and sets `reviewed_verdict` from the findings with those decisions applied.
    /// With no decisions the report is left as the machine made it.
    pub fn apply_decisions(&mut self, mut decisions: Vec<Decision>) {
        let mut seen = std::collections::BTreeSet::new();
        for d in decisions.iter_mut().rev() {
            d.in_effect = seen.insert((d.rule.clone(), d.document.clone()));
        }
        self.reviewed_verdict = if decisions.is_empty() {
            None
        } else {
            Some(Verdict::from_statuses(self.findings.iter().map(|f| {
                decisions
                    .iter()
                    .find(|d| {
                        d.in_effect
                            && d.rule == f.rule
                            && d.document.as_deref() == finding_document(f)
                    })
                    .map_or(f.status, |d| d.status)
            })))
        };
        self.decisions = decisions;
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
            "  - {} [{}] {} 页 pages, {}, 类型 kind {} ({:.2})",
            d.file,
            &d.sha256[..12.min(d.sha256.len())],
            d.pages,
            // The JSON spelling (`text-layer`, `ocr`, `mixed`), as in the report.
            serde_json::to_value(d.text_source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
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
    if !report.decisions.is_empty() {
        let _ = writeln!(out, "\n复核 Decisions ({}):", report.decisions.len());
        for d in &report.decisions {
            let what = match d.decision {
                DecisionKind::Confirm => "确认 confirm",
                DecisionKind::Override => "改判 override",
            };
            let _ = writeln!(
                out,
                "  {} {} {}{}: {what} {:?} → {:?}{} {}",
                d.decided_at,
                d.reviewer,
                d.rule,
                d.document
                    .as_deref()
                    .map(|x| format!(" ({x})"))
                    .unwrap_or_default(),
                d.machine_status,
                d.status,
                if d.in_effect {
                    ""
                } else {
                    " [已被取代 superseded]"
                },
                d.reason.as_deref().unwrap_or("")
            );
        }
        if let Some(v) = report.reviewed_verdict {
            let _ = writeln!(out, "复核后结论 Reviewed verdict: {v:?}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EvidenceRef, Message};

    fn finding(rule: &str, doc: Option<&str>, status: Status) -> Finding {
        Finding {
            rule: rule.into(),
            status,
            plugin: "p@1".into(),
            message: Message::new("消息", "message"),
            evidence: doc
                .map(|d| EvidenceRef {
                    document: d.into(),
                    field: None,
                    page: None,
                    bbox: None,
                    text: None,
                })
                .into_iter()
                .collect(),
        }
    }

    fn decision(rule: &str, doc: Option<&str>, status: Status, machine: Status) -> Decision {
        Decision {
            id: format!("{rule}-{status:?}"),
            rule: rule.into(),
            document: doc.map(Into::into),
            decision: if status == machine {
                DecisionKind::Confirm
            } else {
                DecisionKind::Override
            },
            status,
            machine_status: machine,
            reason: Some("理由".into()),
            reviewer: "张三".into(),
            decided_at: "2026-11-27T00:00:00Z".into(),
            in_effect: false,
        }
    }

    fn report(findings: Vec<Finding>) -> Report {
        Report {
            schema: SCHEMA_ID.into(),
            submission: SubmissionInfo {
                id: "s".into(),
                applicant: "甲".into(),
                declared_area_m2: None,
                base_type: None,
                application_date: None,
            },
            verdict: Report::verdict_of(&findings),
            documents: vec![],
            findings,
            provenance: Provenance {
                docverify: "0".into(),
                plugins: vec![],
                parameters: Default::default(),
                inputs: vec![],
                lookups: vec![],
                generated_at: "2026-11-27T00:00:00Z".into(),
            },
            decisions: vec![],
            reviewed_verdict: None,
        }
    }

    #[test]
    fn the_newest_decision_per_finding_sets_the_reviewed_verdict() {
        let mut r = report(vec![
            finding("lease.term", Some("doc-1"), Status::Fail),
            finding("lease.term", Some("doc-2"), Status::Pass),
            finding("site.area", None, Status::Review),
        ]);
        assert_eq!(r.verdict, Verdict::Fail);
        r.apply_decisions(vec![
            decision("lease.term", Some("doc-1"), Status::Review, Status::Fail),
            decision("lease.term", Some("doc-1"), Status::Pass, Status::Fail),
            decision("site.area", None, Status::Pass, Status::Review),
        ]);
        let in_effect: Vec<bool> = r.decisions.iter().map(|d| d.in_effect).collect();
        assert_eq!(in_effect, [false, true, true]);
        assert_eq!(r.reviewed_verdict, Some(Verdict::Pass));
        // The machine's verdict and findings are untouched.
        assert_eq!(r.verdict, Verdict::Fail);
        assert_eq!(r.findings[0].status, Status::Fail);
        // A decision on one document's finding leaves the same rule's other finding alone.
        let mut r2 = report(vec![
            finding("lease.term", Some("doc-1"), Status::Pass),
            finding("lease.term", Some("doc-2"), Status::Fail),
        ]);
        r2.apply_decisions(vec![decision(
            "lease.term",
            Some("doc-1"),
            Status::Pass,
            Status::Pass,
        )]);
        assert_eq!(r2.reviewed_verdict, Some(Verdict::Fail));
    }

    #[test]
    fn no_decisions_leave_the_report_as_made() {
        let mut r = report(vec![finding("a.b", None, Status::Pass)]);
        let before = r.clone();
        r.apply_decisions(vec![]);
        assert_eq!(r, before);
        let json = serde_json::to_value(&r).unwrap();
        assert!(json.get("decisions").is_none() && json.get("reviewed_verdict").is_none());
    }
}
