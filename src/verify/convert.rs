//! Between the service's types (`report`, `model`) and the WIT records plugins see.
//!
//! Field values arrive as JSON; plugins get them typed (text, number, boolean, term, list of
//! texts, credit codes) and anything else as JSON text. Findings come back checked: rule ids
//! must be the plugin's own, texts are bounded, evidence is completed with the page box of the
//! field it names.

use std::collections::BTreeMap;

use super::host::wit;
use super::{DocumentInput, VerifyInput};
use crate::model::{DocumentKind, EvidenceRef, Finding, Message, Status};

/// Most findings one plugin may return for a submission.
pub const MAX_FINDINGS: usize = 1_000;
/// Most characters of one message text.
const MAX_MESSAGE_CHARS: usize = 4_000;
/// Most characters of one evidence text.
const MAX_EVIDENCE_CHARS: usize = 1_000;

fn kind(k: DocumentKind) -> wit::DocumentKind {
    match k {
        DocumentKind::Lease => wit::DocumentKind::Lease,
        DocumentKind::PropertyCertificate => wit::DocumentKind::PropertyCertificate,
        DocumentKind::HouseOwnershipCertificate => wit::DocumentKind::HouseOwnershipCertificate,
        DocumentKind::LandCertificate => wit::DocumentKind::LandCertificate,
        DocumentKind::AuditReport => wit::DocumentKind::AuditReport,
        DocumentKind::Other => wit::DocumentKind::Other,
    }
}

/// A JSON field value as a typed WIT value.
pub fn value(v: &serde_json::Value) -> wit::Value {
    use serde_json::Value as J;
    match v {
        J::Null => wit::Value::Absent,
        J::String(s) => wit::Value::Text(s.clone()),
        J::Bool(b) => wit::Value::Boolean(*b),
        J::Number(n) => n
            .as_f64()
            .map(wit::Value::Number)
            .unwrap_or_else(|| wit::Value::Json(n.to_string())),
        J::Object(o) if is_term(o) => {
            let part = |k: &str| o.get(k).and_then(|v| v.as_u64()).unwrap_or(0);
            wit::Value::Term(wit::Term {
                years: u32::try_from(part("years")).unwrap_or(u32::MAX),
                months: u32::try_from(part("months")).unwrap_or(u32::MAX),
            })
        }
        J::Array(items) if items.iter().all(|i| i.is_string()) => wit::Value::Texts(
            items
                .iter()
                .filter_map(|i| i.as_str().map(String::from))
                .collect(),
        ),
        J::Array(items) if !items.is_empty() && items.iter().all(is_credit_code) => {
            wit::Value::CreditCodes(
                items
                    .iter()
                    .map(|i| wit::CreditCode {
                        code: i["code"].as_str().unwrap_or_default().to_string(),
                        party: i.get("party").and_then(|p| p.as_str()).map(String::from),
                        valid: i.get("valid").and_then(|v| v.as_bool()).unwrap_or(false),
                    })
                    .collect(),
            )
        }
        other => wit::Value::Json(other.to_string()),
    }
}

fn is_term(o: &serde_json::Map<String, serde_json::Value>) -> bool {
    !o.is_empty()
        && o.keys().all(|k| k == "years" || k == "months")
        && o.values().all(|v| v.is_u64())
}

fn is_credit_code(v: &serde_json::Value) -> bool {
    v.get("code").is_some_and(|c| c.is_string())
}

fn span_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn document(d: &DocumentInput) -> wit::Document {
    let doc = &d.document;
    wit::Document {
        id: doc.id.clone(),
        kind: kind(doc.kind),
        kind_confidence: doc.kind_confidence,
        fields: doc
            .fields
            .iter()
            .map(|(name, f)| wit::Field {
                name: name.clone(),
                value: value(&f.value),
                confidence: f.confidence,
                page: f.evidence.page,
                span_start: span_u32(f.evidence.span[0]),
                span_end: span_u32(f.evidence.span[1]),
            })
            .collect(),
        codes: doc
            .codes
            .iter()
            .map(|c| wit::Code {
                symbology: c.symbology.clone(),
                text: c.text.clone(),
                page: c.page,
            })
            .collect(),
        page_texts: d.page_texts.clone(),
        errors: doc
            .errors
            .iter()
            .map(|e| wit::DocumentError {
                stage: e.stage.clone(),
                code: e.code.clone(),
            })
            .collect(),
    }
}

/// The submission without parameters (they differ per plugin).
pub fn submission(input: &VerifyInput) -> wit::Submission {
    let s = &input.submission;
    wit::Submission {
        id: s.id.clone(),
        applicant: s.applicant.clone(),
        declared_area_m2: s.declared_area_m2,
        base_type: s.base_type.clone(),
        application_date: s.application_date.clone(),
        documents: input.documents.iter().map(document).collect(),
        parameters: Vec::new(),
    }
}

/// A JSON parameter value as WIT, when its type is one a parameter can have.
pub fn param_value(v: &serde_json::Value) -> Option<wit::ParamValue> {
    match v {
        serde_json::Value::String(s) => Some(wit::ParamValue::Text(s.clone())),
        serde_json::Value::Bool(b) => Some(wit::ParamValue::Boolean(*b)),
        serde_json::Value::Number(n) => n.as_f64().map(wit::ParamValue::Number),
        _ => None,
    }
}

/// A WIT parameter value as JSON (for provenance and listings).
pub fn param_json(v: &wit::ParamValue) -> serde_json::Value {
    match v {
        wit::ParamValue::Text(s) => serde_json::Value::String(s.clone()),
        wit::ParamValue::Boolean(b) => serde_json::Value::Bool(*b),
        wit::ParamValue::Number(n) => serde_json::Number::from_f64(*n)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
    }
}

/// Whether two parameter values have the same type.
pub fn same_type(a: &wit::ParamValue, b: &wit::ParamValue) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn status(s: wit::Status) -> Status {
    match s {
        wit::Status::Pass => Status::Pass,
        wit::Status::Fail => Status::Fail,
        wit::Status::Review => Status::Review,
        wit::Status::NotApplicable => Status::NotApplicable,
    }
}

/// Field evidence by (document, field): the page box a finding's evidence can point at.
pub type FieldIndex = BTreeMap<(String, String), crate::model::Evidence>;

/// Indexes the fields of the submission's documents.
pub fn field_index(input: &VerifyInput) -> FieldIndex {
    let mut idx = BTreeMap::new();
    for d in &input.documents {
        for (name, f) in &d.document.fields {
            idx.insert((d.document.id.clone(), name.clone()), f.evidence.clone());
        }
    }
    idx
}

/// Checks and converts a plugin's findings. Errors name what was wrong.
pub fn findings(
    plugin: &str,
    rules: &[String],
    raw: Vec<wit::Finding>,
    fields: &FieldIndex,
) -> Result<Vec<Finding>, String> {
    if raw.len() > MAX_FINDINGS {
        return Err(format!("{} findings (at most {MAX_FINDINGS})", raw.len()));
    }
    let mut out = Vec::with_capacity(raw.len());
    for f in raw {
        if !rules.contains(&f.rule) {
            return Err(format!(
                "finding for undeclared rule `{}`",
                super::host::truncate(&f.rule, 100)
            ));
        }
        let evidence = f
            .evidence
            .into_iter()
            .take(100)
            .map(|e| {
                let known = e
                    .field
                    .as_ref()
                    .and_then(|name| fields.get(&(e.document.clone(), name.clone())));
                let page = e.page.or(known.map(|k| k.page));
                let bbox = known.filter(|k| Some(k.page) == page).and_then(|k| k.bbox);
                EvidenceRef {
                    document: super::host::truncate(&e.document, 200),
                    field: e.field.map(|s| super::host::truncate(&s, 200)),
                    page,
                    bbox,
                    text: e
                        .text
                        .map(|t| super::host::truncate(&t, MAX_EVIDENCE_CHARS)),
                }
            })
            .collect();
        out.push(Finding {
            rule: f.rule,
            status: status(f.status),
            plugin: plugin.to_string(),
            message: Message::new(
                super::host::truncate(&f.message.zh, MAX_MESSAGE_CHARS),
                super::host::truncate(&f.message.en, MAX_MESSAGE_CHARS),
            ),
            evidence,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_typed() {
        assert!(matches!(value(&json!("甲公司")), wit::Value::Text(s) if s == "甲公司"));
        assert!(matches!(value(&json!(12.5)), wit::Value::Number(n) if n == 12.5));
        assert!(matches!(value(&json!(true)), wit::Value::Boolean(true)));
        assert!(matches!(value(&json!(null)), wit::Value::Absent));
        assert!(matches!(
            value(&json!({"years": 5, "months": 0})),
            wit::Value::Term(wit::Term {
                years: 5,
                months: 0
            })
        ));
        assert!(matches!(value(&json!(["张三", "李四"])), wit::Value::Texts(v) if v.len() == 2));
        match value(&json!([{"code": "91110000600037341L", "party": null, "valid": true}])) {
            wit::Value::CreditCodes(c) => {
                assert_eq!(c[0].code, "91110000600037341L");
                assert_eq!(c[0].party, None);
                assert!(c[0].valid);
            }
            _ => panic!("credit codes expected"),
        }
        assert!(matches!(value(&json!({"a": [1]})), wit::Value::Json(s) if s == r#"{"a":[1]}"#));
    }

    #[test]
    fn findings_for_foreign_rules_are_refused() {
        let f = wit::Finding {
            rule: "lease.term".into(),
            status: wit::Status::Pass,
            message: wit::Message {
                zh: "x".into(),
                en: "x".into(),
            },
            evidence: vec![],
        };
        let err = findings("p@1", &["site.area".into()], vec![f], &FieldIndex::new()).unwrap_err();
        assert!(err.contains("lease.term"), "{err}");
    }
}
