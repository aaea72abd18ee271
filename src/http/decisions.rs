//! Reviewers' decisions: a person confirms a finding or overrides its status with a reason.
//!
//! Decisions are appended, never edited, so the record shows who decided what and when; the
//! newest one on a finding is in effect. A finding is named by its rule and the document it is
//! about (the document of its first evidence), since a rule gives one finding per document it
//! judges. The stored report is never rewritten: decisions are attached when it is read, next
//! to the machine's findings and verdict, which stay as they were.
//!
//! Who decides is the `reviewer` member of the body. docverify has no accounts of its own (it
//! runs behind the intranet's authenticating proxy, if any), so the name is what the reviewer
//! gives; the page remembers it between decisions.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};

use super::{ApiError, AppState};
use crate::model::{Status, Verdict};
use crate::report::{Decision, DecisionKind, Report, finding_document};
use crate::store::{DecisionRow, NewDecision, SubmissionRow};

/// Longest reviewer name kept.
const MAX_REVIEWER_CHARS: usize = 100;
/// Longest reason kept.
const MAX_REASON_CHARS: usize = 2000;

/// A decision on one finding.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// The rule of the finding, e.g. `lease.term`.
    #[schema(example = "lease.term")]
    pub rule: Option<String>,
    /// The document the finding is about (its first evidence's document, e.g. `doc-1`); needed
    /// only when the rule has findings about several documents.
    #[schema(example = "doc-1")]
    pub document: Option<String>,
    /// `confirm` (the finding stands) or `override` (the reviewer sets another status).
    #[schema(example = "override")]
    pub decision: Option<String>,
    /// The status the reviewer sets: `pass`, `fail`, `review` or `not_applicable`. Required for
    /// an override; for a confirm it may be left out or must equal the machine's status.
    #[schema(example = "pass")]
    pub status: Option<String>,
    /// Why. Required for an override, optional for a confirm.
    #[schema(example = "原件核对无误")]
    pub reason: Option<String>,
    /// Who decides: the reviewer's name as it should appear in the report.
    #[schema(example = "张三")]
    pub reviewer: Option<String>,
}

/// A submission's decisions.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DecisionList {
    /// Oldest first; the newest per finding has `in_effect: true`.
    pub items: Vec<Decision>,
    /// The verdict with the decisions in effect applied; absent with no decisions or no report.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub reviewed_verdict: Option<Verdict>,
}

fn parse_status(s: &str) -> Option<Status> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn status_str(s: Status) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn to_decision(r: DecisionRow) -> Result<Decision, ApiError> {
    let bad =
        |what: &str| ApiError::Internal(anyhow::anyhow!("stored decision {}: bad {what}", r.id));
    Ok(Decision {
        decision: match r.decision.as_str() {
            "confirm" => DecisionKind::Confirm,
            "override" => DecisionKind::Override,
            _ => return Err(bad("decision")),
        },
        status: parse_status(&r.status).ok_or_else(|| bad("status"))?,
        machine_status: parse_status(&r.machine_status).ok_or_else(|| bad("machine status"))?,
        id: r.id,
        rule: r.rule,
        document: r.document,
        reason: r.reason,
        reviewer: r.reviewer,
        decided_at: r.created_at,
        in_effect: false,
    })
}

/// A submission's report (when made) with its decisions attached, and the decisions alone.
pub(super) async fn report_with_decisions(
    state: &AppState,
    sub: &SubmissionRow,
) -> Result<(Option<Report>, Vec<Decision>), ApiError> {
    let decisions = if sub.decisions > 0 {
        state
            .jobs
            .store
            .list_decisions(&sub.id)
            .await?
            .into_iter()
            .map(to_decision)
            .collect::<Result<Vec<_>, _>>()?
    } else {
        Vec::new()
    };
    let Some(json) = &sub.report_json else {
        return Ok((None, decisions));
    };
    let mut report: Report = serde_json::from_str(json).map_err(anyhow::Error::from)?;
    report.apply_decisions(decisions);
    let decisions = report.decisions.clone();
    Ok((Some(report), decisions))
}

async fn load(state: &AppState, id: &str) -> Result<SubmissionRow, ApiError> {
    state
        .jobs
        .store
        .get_submission(id)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "submission",
            id: id.to_string(),
        })
}

/// Trims a text member; empty counts as absent.
fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Checks a request against the report; the decision to store, or why not.
fn validate(report: &Report, req: &DecisionRequest) -> Result<ValidDecision, ApiError> {
    let reviewer = text(&req.reviewer).ok_or_else(|| {
        ApiError::invalid(
            "missing-reviewer",
            "请填写复核人姓名（reviewer）",
            "the reviewer's name (`reviewer`) is required",
        )
    })?;
    if reviewer.chars().count() > MAX_REVIEWER_CHARS || reviewer.chars().any(char::is_control) {
        return Err(ApiError::invalid(
            "invalid-reviewer",
            format!("复核人姓名应为不超过 {MAX_REVIEWER_CHARS} 个字符的单行文字"),
            format!(
                "the reviewer's name must be one line of at most {MAX_REVIEWER_CHARS} characters"
            ),
        ));
    }
    let kind = match text(&req.decision) {
        Some("confirm") => DecisionKind::Confirm,
        Some("override") => DecisionKind::Override,
        Some(other) => {
            return Err(ApiError::invalid(
                "invalid-decision",
                format!("未知的复核决定：{other}（应为 confirm 或 override）"),
                format!("unknown decision {other:?}; use confirm or override"),
            ));
        }
        None => {
            return Err(ApiError::invalid(
                "invalid-decision",
                "请给出复核决定（decision：confirm 或 override）",
                "`decision` is required: confirm or override",
            ));
        }
    };
    let rule = text(&req.rule).ok_or_else(|| {
        ApiError::invalid(
            "unknown-rule",
            "请给出规则编号（rule）",
            "`rule` is required",
        )
    })?;
    let of_rule: Vec<_> = report.findings.iter().filter(|f| f.rule == rule).collect();
    if of_rule.is_empty() {
        let mut known: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
        known.dedup();
        return Err(ApiError::invalid(
            "unknown-rule",
            format!(
                "报告中没有规则 {rule} 的检查结果（有：{}）",
                known.join("、")
            ),
            format!(
                "the report has no finding of rule {rule:?} (it has: {})",
                known.join(", ")
            ),
        ));
    }
    let document = text(&req.document);
    if let Some(doc) = document
        && !report.documents.iter().any(|d| d.id == doc)
    {
        return Err(ApiError::invalid(
            "unknown-document",
            format!("报告中没有材料 {doc}"),
            format!("the report has no document {doc:?}"),
        ));
    }
    let finding = match document {
        // The finding about that document; failing that, the one finding citing it.
        Some(doc) => {
            let exact: Vec<_> = of_rule
                .iter()
                .filter(|f| finding_document(f) == Some(doc))
                .collect();
            let citing: Vec<_> = of_rule
                .iter()
                .filter(|f| f.evidence.iter().any(|e| e.document == doc))
                .collect();
            match (exact.as_slice(), citing.as_slice()) {
                ([one], _) | ([], [one]) => **one,
                ([], []) => {
                    return Err(ApiError::invalid(
                        "unknown-finding",
                        format!("规则 {rule} 没有关于材料 {doc} 的检查结果"),
                        format!("rule {rule} has no finding about document {doc}"),
                    ));
                }
                _ => return Err(ambiguous(rule, &of_rule)),
            }
        }
        None => match of_rule.as_slice() {
            [one] => *one,
            _ => return Err(ambiguous(rule, &of_rule)),
        },
    };
    let machine = finding.status;
    let status = match text(&req.status) {
        Some(s) => Some(parse_status(s).ok_or_else(|| {
            ApiError::invalid(
                "invalid-status",
                format!("未知的状态：{s}（应为 pass、fail、review 或 not_applicable）"),
                format!("unknown status {s:?}; use pass, fail, review or not_applicable"),
            )
        })?),
        None => None,
    };
    let reason = text(&req.reason);
    if reason.is_some_and(|r| r.chars().count() > MAX_REASON_CHARS) {
        return Err(ApiError::invalid(
            "invalid-reason",
            format!("理由不能超过 {MAX_REASON_CHARS} 个字符"),
            format!("the reason must be at most {MAX_REASON_CHARS} characters"),
        ));
    }
    let status = match kind {
        DecisionKind::Confirm => match status {
            Some(s) if s != machine => {
                return Err(ApiError::invalid(
                    "invalid-status",
                    format!(
                        "确认即保留机器结论（{}）；如要改为 {}，请用改判（override）并说明理由",
                        status_str(machine),
                        status_str(s)
                    ),
                    format!(
                        "a confirm keeps the machine's status ({}); to set {} use an override with a reason",
                        status_str(machine),
                        status_str(s)
                    ),
                ));
            }
            _ => machine,
        },
        DecisionKind::Override => {
            let s = status.ok_or_else(|| {
                ApiError::invalid(
                    "missing-status",
                    "改判须给出新的状态（status）",
                    "an override needs the status the reviewer sets (`status`)",
                )
            })?;
            if s == machine {
                return Err(ApiError::invalid(
                    "status-unchanged",
                    format!(
                        "改判的状态与机器结论相同（{}），请用确认（confirm）",
                        status_str(s)
                    ),
                    format!(
                        "the override sets the machine's own status ({}); use confirm",
                        status_str(s)
                    ),
                ));
            }
            if reason.is_none() {
                return Err(ApiError::invalid(
                    "missing-reason",
                    "改判须说明理由（reason）",
                    "an override needs a reason (`reason`)",
                ));
            }
            s
        }
    };
    Ok(ValidDecision {
        rule: rule.to_string(),
        document: finding_document(finding).map(str::to_string),
        kind,
        status,
        machine,
        reason: reason.map(str::to_string),
        reviewer: reviewer.to_string(),
    })
}

fn ambiguous(rule: &str, findings: &[&crate::model::Finding]) -> ApiError {
    let docs: Vec<&str> = findings
        .iter()
        .map(|f| finding_document(f).unwrap_or("-"))
        .collect();
    ApiError::invalid(
        "ambiguous-finding",
        format!(
            "规则 {rule} 有多条检查结果，请用 document 指明是哪份材料的（{}）",
            docs.join("、")
        ),
        format!(
            "rule {rule} has several findings; name the one meant with `document` ({})",
            docs.join(", ")
        ),
    )
}

/// A checked decision, ready to store.
#[derive(Debug)]
struct ValidDecision {
    rule: String,
    document: Option<String>,
    kind: DecisionKind,
    status: Status,
    machine: Status,
    reason: Option<String>,
    reviewer: String,
}

/// Records a reviewer's decision on a finding of the report.
#[utoipa::path(
    post, path = "/api/v1/submissions/{id}/decisions",
    params(("id" = String, Path, description = "submission id")),
    request_body(content = DecisionRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "recorded", body = Decision,
         headers(("Location" = String, description = "the submission's decision list"))),
        (status = 400, description = "malformed JSON", body = super::error::Problem),
        (status = 404, description = "unknown submission", body = super::error::Problem),
        (status = 409, description = "the report is not made yet (`report-not-ready`)", body = super::error::Problem),
        (status = 415, description = "not application/json", body = super::error::Problem),
        (status = 422, description = "unknown rule, document or finding, ambiguous finding, missing or invalid decision, status, reason or reviewer", body = super::error::Problem),
    ),
    tag = "decisions"
)]
pub async fn create(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Result<Json<DecisionRequest>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let sub = load(&state, &id).await?;
    let Json(req) = body.map_err(|e| match e {
        JsonRejection::MissingJsonContentType(_) => ApiError::NotJson,
        other => ApiError::MalformedJson(other.body_text()),
    })?;
    let (report, _) = report_with_decisions(&state, &sub).await?;
    let report = report.ok_or_else(|| ApiError::Conflict {
        code: "report-not-ready",
        zh: format!(
            "申报 {id} 尚无报告（状态：{}），报告生成后才能复核",
            sub.status.as_str()
        ),
        en: format!(
            "submission {id} has no report yet (status {}); decisions are taken on the report",
            sub.status.as_str()
        ),
    })?;
    let v = validate(&report, &req)?;
    let row = state
        .jobs
        .store
        .add_decision(&NewDecision {
            id: uuid::Uuid::now_v7().to_string(),
            submission_id: id.clone(),
            rule: v.rule,
            document: v.document,
            decision: match v.kind {
                DecisionKind::Confirm => "confirm".into(),
                DecisionKind::Override => "override".into(),
            },
            status: status_str(v.status),
            machine_status: status_str(v.machine),
            reason: v.reason,
            reviewer: v.reviewer,
        })
        .await?;
    tracing::info!(submission = %id, decision = %row.id, rule = %row.rule, "decision recorded");
    let mut decision = to_decision(row)?;
    decision.in_effect = true;
    Ok((
        StatusCode::CREATED,
        [(
            header::LOCATION,
            format!("/api/v1/submissions/{id}/decisions"),
        )],
        Json(decision),
    ))
}

/// A submission's decisions, oldest first, with the reviewed verdict.
#[utoipa::path(
    get, path = "/api/v1/submissions/{id}/decisions",
    params(("id" = String, Path, description = "submission id")),
    responses((status = 200, body = DecisionList), (status = 404, body = super::error::Problem)),
    tag = "decisions"
)]
pub async fn list(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DecisionList>, ApiError> {
    let sub = load(&state, &id).await?;
    let (report, items) = report_with_decisions(&state, &sub).await?;
    Ok(Json(DecisionList {
        items,
        reviewed_verdict: report.and_then(|r| r.reviewed_verdict),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EvidenceRef, Finding, Message, TextSource};
    use crate::report::{Provenance, ReportDocument, SubmissionInfo};

    fn report() -> Report {
        let finding = |rule: &str, doc: Option<&str>, status| Finding {
            rule: rule.into(),
            status,
            plugin: "p@1".into(),
            message: Message::new("消息", "message"),
            evidence: doc
                .map(|d| EvidenceRef {
                    document: d.into(),
                    field: None,
                    page: Some(1),
                    bbox: None,
                    text: None,
                })
                .into_iter()
                .collect(),
        };
        let doc = |id: &str| ReportDocument {
            id: id.into(),
            file: format!("{id}.pdf"),
            sha256: "0".repeat(64),
            media_type: "application/pdf".into(),
            kind: crate::model::DocumentKind::Lease,
            kind_confidence: 1.0,
            pages: 1,
            page_range: None,
            text_source: TextSource::TextLayer,
            fields: Default::default(),
            codes: vec![],
            errors: vec![],
            notes: vec![],
        };
        let findings = vec![
            finding("lease.term", Some("doc-1"), Status::Fail),
            finding("lease.term", Some("doc-2"), Status::Pass),
            finding("site.area", None, Status::Review),
        ];
        Report {
            schema: crate::report::SCHEMA_ID.into(),
            submission: SubmissionInfo {
                id: "s".into(),
                applicant: "甲".into(),
                declared_area_m2: None,
                base_type: None,
                application_date: None,
            },
            verdict: Report::verdict_of(&findings),
            documents: vec![doc("doc-1"), doc("doc-2")],
            findings,
            provenance: Provenance {
                docverify: "0".into(),
                plugins: vec![],
                parameters: Default::default(),
                inputs: vec![],
                lookups: vec![],
                generated_at: "t".into(),
            },
            decisions: vec![],
            reviewed_verdict: None,
        }
    }

    fn req(
        rule: &str,
        doc: Option<&str>,
        decision: &str,
        status: Option<&str>,
        reason: Option<&str>,
    ) -> DecisionRequest {
        DecisionRequest {
            rule: Some(rule.into()),
            document: doc.map(Into::into),
            decision: Some(decision.into()),
            status: status.map(Into::into),
            reason: reason.map(Into::into),
            reviewer: Some(" 张三 ".into()),
        }
    }

    fn code(r: Result<ValidDecision, ApiError>) -> String {
        r.err().map(|e| e.problem().code).unwrap_or_default()
    }

    #[test]
    fn an_override_names_its_finding_and_keeps_the_machine_status() {
        let r = report();
        let v = validate(
            &r,
            &req(
                "lease.term",
                Some("doc-1"),
                "override",
                Some("pass"),
                Some("原件核对无误"),
            ),
        )
        .unwrap();
        assert_eq!(v.document.as_deref(), Some("doc-1"));
        assert_eq!((v.status, v.machine), (Status::Pass, Status::Fail));
        assert_eq!(v.reviewer, "张三");
        // The one finding of a rule needs no document; a confirm keeps the machine's status.
        let v = validate(&r, &req("site.area", None, "confirm", None, None)).unwrap();
        assert_eq!((v.status, v.document), (Status::Review, None));
    }

    #[test]
    fn bad_decisions_get_stable_codes() {
        let r = report();
        let cases = [
            (
                req("nope.rule", None, "confirm", None, None),
                "unknown-rule",
            ),
            (
                req("lease.term", None, "confirm", None, None),
                "ambiguous-finding",
            ),
            (
                req("lease.term", Some("doc-9"), "confirm", None, None),
                "unknown-document",
            ),
            (
                req("site.area", Some("doc-1"), "confirm", None, None),
                "unknown-finding",
            ),
            (
                req("site.area", None, "override", Some("pass"), None),
                "missing-reason",
            ),
            (
                req("site.area", None, "override", Some("pass"), Some("   ")),
                "missing-reason",
            ),
            (
                req("site.area", None, "override", None, Some("r")),
                "missing-status",
            ),
            (
                req("site.area", None, "override", Some("review"), Some("r")),
                "status-unchanged",
            ),
            (
                req("site.area", None, "override", Some("great"), Some("r")),
                "invalid-status",
            ),
            (
                req("site.area", None, "confirm", Some("pass"), None),
                "invalid-status",
            ),
            (
                req("site.area", None, "approve", None, None),
                "invalid-decision",
            ),
        ];
        for (q, want) in cases {
            assert_eq!(code(validate(&r, &q)), want, "{q:?}");
        }
        let mut q = req("site.area", None, "confirm", None, None);
        q.reviewer = Some("  ".into());
        assert_eq!(code(validate(&r, &q)), "missing-reviewer");
        q.reviewer = Some("张\n三".into());
        assert_eq!(code(validate(&r, &q)), "invalid-reviewer");
    }
}
