//! `audit.registry`: the special audit report's code is genuine, as the issuing registry says.
//!
//! For each audit report: find the codes it carries (decoded QR/barcode payloads and the printed
//! verification code) that belong to a code family the operator described; ask the host to look
//! each one up at the family's registry (capability `lookup`, granted in configuration); compare
//! what the registry answers (firm, audited entity, report number, report date, status) with the
//! report's fields.
//!
//! - pass: the registry knows the code, the report stands, and every field both sides have agrees;
//! - fail: the registry does not know the code, the report is withdrawn, or it names another
//!   firm, client, number or date;
//! - review: no registry configured, lookups not granted or offline, the registry unreachable or
//!   slow, the address refused, an unknown code family, an answer that cannot be read.
//!
//! A code that could not be checked is never passed.

pub mod config;

use config::{Adapter, Family, Registries};
use docverify_plugin_sdk::date::Date;
use docverify_plugin_sdk::*;
use serde_json::Value as Json;

const RULE: &str = "audit.registry";
/// Parameter: the operator's families and adapters (JSON; TOML tables in the configuration).
const REGISTRIES: &str = "registries";
/// Parameter: most lookups for one report (distinct codes), so a report with many codes cannot
/// make the host wait on many registries.
const MAX_LOOKUPS: &str = "max_lookups";

struct AuditRegistry;

/// The verdict on one code.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: Status,
    pub zh: String,
    pub en: String,
}

fn outcome(status: Status, zh: impl Into<String>, en: impl Into<String>) -> Outcome {
    Outcome {
        status,
        zh: zh.into(),
        en: en.into(),
    }
}

/// What the report prints, as far as it was read reliably enough to compare.
#[derive(Debug, Default, Clone)]
pub struct Printed {
    pub firm: Option<String>,
    pub entity: Option<String>,
    pub report_no: Option<String>,
    pub report_date: Option<String>,
}

/// Comparable form of a report number: year and serial digits after 字
/// (`晋华专审字〔2022〕第428号` → `2022-428`), else the squashed text.
fn number_key(s: &str) -> String {
    let n = names::normalize(s);
    if let Some(start) = n.find('字') {
        let tail = &n[start..];
        let end = tail.find('号').unwrap_or(tail.len());
        let groups: Vec<String> = tail[..end]
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .map(|g| g.trim_start_matches('0').to_string())
            .collect();
        if !groups.is_empty() {
            return groups.join("-");
        }
    }
    n.chars()
        .filter(|c| !matches!(c, '(' | ')' | '第' | '号'))
        .collect()
}

/// A JSON value as text (numbers and booleans too), when it holds something.
fn text_at(answer: &Json, ptr: &str) -> Option<String> {
    match answer.pointer(ptr)? {
        Json::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Decides one registry answer against the report. Pure: the unit tests drive it directly.
pub fn judge_answer(
    adapter: &Adapter,
    code: &str,
    status: u16,
    body: &[u8],
    printed: &Printed,
) -> Outcome {
    if adapter.not_found_status.contains(&status) {
        return outcome(
            Status::Fail,
            format!("登记平台查无此码「{code}」（HTTP {status}）"),
            format!("the registry does not know code '{code}' (HTTP {status})"),
        );
    }
    if !(200..300).contains(&status) {
        return outcome(
            Status::Review,
            format!("登记平台答复 HTTP {status}，无法核验码「{code}」"),
            format!("the registry answered HTTP {status}; code '{code}' could not be checked"),
        );
    }
    let answer: Json = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return outcome(
                Status::Review,
                format!("登记平台的答复无法解析（不是 JSON：{e}），需人工核对"),
                format!("the registry's answer cannot be read (not JSON: {e}); check by hand"),
            );
        }
    };
    let ambiguous = |what: &str| {
        outcome(
            Status::Review,
            format!("登记平台的答复含义不明（{what}），需人工核对"),
            format!("the registry's answer is ambiguous ({what}); check by hand"),
        )
    };
    if let Some(ptr) = &adapter.found {
        match answer.pointer(ptr) {
            Some(Json::Bool(true)) => {}
            Some(Json::Bool(false)) => {
                return outcome(
                    Status::Fail,
                    format!("登记平台查无此码「{code}」"),
                    format!("the registry does not know code '{code}'"),
                );
            }
            _ => return ambiguous(&format!("{ptr} is not true/false")),
        }
    }
    let f = &adapter.fields;
    if let Some(ptr) = &f.code {
        match text_at(&answer, ptr) {
            Some(c) if c.eq_ignore_ascii_case(code) => {}
            Some(c) => return ambiguous(&format!("it describes code '{c}', not '{code}'")),
            None => return ambiguous(&format!("no code at {ptr}")),
        }
    }
    if let Some(ptr) = &f.status {
        match text_at(&answer, ptr) {
            Some(s) if adapter.valid_status.iter().any(|v| v == &s) => {}
            Some(s) => {
                return outcome(
                    Status::Fail,
                    format!("登记平台显示该报告状态为「{s}」（非有效），码「{code}」"),
                    format!("the registry lists the report as '{s}' (not valid), code '{code}'"),
                );
            }
            None => return ambiguous(&format!("no status at {ptr}")),
        }
    }
    let mut fails: Vec<(String, String)> = Vec::new();
    let mut reviews: Vec<(String, String)> = Vec::new();
    let mut agreed: Vec<(String, String)> = Vec::new();
    let mut compared = 0;
    let mut names_pair =
        |what_zh: &str, what_en: &str, ptr: &Option<String>, ours: &Option<String>| {
            let (Some(ptr), Some(ours)) = (ptr, ours) else {
                return;
            };
            let Some(theirs) = text_at(&answer, ptr) else {
                reviews.push((
                    format!("答复中没有{what_zh}"),
                    format!("the answer has no {what_en}"),
                ));
                return;
            };
            compared += 1;
            let m = names::compare(&theirs, ours);
            let line = (
                format!("{what_zh}：报告「{ours}」，平台「{theirs}」（{}）", m.zh),
                format!("{what_en}: report '{ours}', registry '{theirs}' ({})", m.en),
            );
            match m.status {
                Status::Pass => agreed.push(line),
                Status::Fail => fails.push(line),
                _ => reviews.push(line),
            }
        };
    names_pair("会计师事务所", "audit firm", &f.firm, &printed.firm);
    names_pair("被审计单位", "audited entity", &f.entity, &printed.entity);
    let mut exact = |what_zh: &str,
                     what_en: &str,
                     ptr: &Option<String>,
                     ours: &Option<String>,
                     same: &dyn Fn(&str, &str) -> Option<bool>| {
        let (Some(ptr), Some(ours)) = (ptr, ours) else {
            return;
        };
        let Some(theirs) = text_at(&answer, ptr) else {
            reviews.push((
                format!("答复中没有{what_zh}"),
                format!("the answer has no {what_en}"),
            ));
            return;
        };
        compared += 1;
        let line = (
            format!("{what_zh}：报告「{ours}」，平台「{theirs}」"),
            format!("{what_en}: report '{ours}', registry '{theirs}'"),
        );
        match same(ours, &theirs) {
            Some(true) => agreed.push(line),
            Some(false) => fails.push(line),
            None => reviews.push(line),
        }
    };
    exact(
        "报告编号",
        "report number",
        &f.report_no,
        &printed.report_no,
        &|a, b| Some(number_key(a) == number_key(b)),
    );
    exact(
        "报告日期",
        "report date",
        &f.report_date,
        &printed.report_date,
        &|a, b| match (Date::parse(a), Date::parse(b.get(..10).unwrap_or(b))) {
            (Some(x), Some(y)) => Some(x == y),
            _ => None,
        },
    );
    let join = |v: &[(String, String)]| {
        (
            v.iter()
                .map(|l| l.0.as_str())
                .collect::<Vec<_>>()
                .join("；"),
            v.iter()
                .map(|l| l.1.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )
    };
    if !fails.is_empty() {
        let (zh, en) = join(&fails);
        return outcome(
            Status::Fail,
            format!("登记平台记载的信息与报告不符（码「{code}」）：{zh}"),
            format!("the registry's record of code '{code}' disagrees with the report: {en}"),
        );
    }
    if !reviews.is_empty() {
        let (zh, en) = join(&reviews);
        return outcome(
            Status::Review,
            format!("登记平台的答复需人工核对（码「{code}」）：{zh}"),
            format!("the registry's answer for code '{code}' needs a person: {en}"),
        );
    }
    if compared == 0 {
        return outcome(
            Status::Review,
            format!("登记平台确认了码「{code}」，但没有可与报告比对的信息，需人工核对"),
            format!(
                "the registry knows code '{code}', but nothing in its answer could be compared with the report; check by hand"
            ),
        );
    }
    let (zh, en) = join(&agreed);
    outcome(
        Status::Pass,
        format!("登记平台确认码「{code}」有效，且与报告一致：{zh}"),
        format!("the registry confirms code '{code}' and agrees with the report: {en}"),
    )
}

/// Asks the host to fetch `url` and judges the answer.
fn look_up(adapter: &Adapter, code: &str, url: &str, printed: &Printed) -> Outcome {
    match lookup::fetch(url) {
        Ok(r) => judge_answer(adapter, code, r.status, &r.body, printed),
        Err(CapabilityError::Denied(why)) => outcome(
            Status::Review,
            format!("主机拒绝查询 {url}：{why}；未访问该地址，码「{code}」未能核验"),
            format!(
                "the host refused to fetch {url}: {why}; nothing was fetched and code '{code}' is unchecked"
            ),
        ),
        Err(CapabilityError::Unavailable(why)) => outcome(
            Status::Review,
            format!("本机无法联网查询（{why}），码「{code}」未能核验"),
            format!("lookups are unavailable on this host ({why}); code '{code}' is unchecked"),
        ),
        Err(CapabilityError::Failed(why)) => outcome(
            Status::Review,
            format!("登记平台查询失败（{why}），码「{code}」未能核验"),
            format!("the registry lookup failed ({why}); code '{code}' is unchecked"),
        ),
    }
}

/// One code found on a report, of a known family.
struct Candidate<'a> {
    family: &'a Family,
    code: String,
    /// The decoded payload it came from (none for a printed code).
    payload: Option<String>,
    evidence: EvidenceRef,
}

fn judge(report: Doc, regs: &Registries, max_lookups: usize) -> Finding {
    let id = report.id();
    let printed_code = report.text("report_code");
    let mut candidates: Vec<Candidate> = Vec::new();
    for c in &report.doc.codes {
        for fam in &regs.families {
            if let Some(code) = fam.code_in_payload(&c.text) {
                add(
                    &mut candidates,
                    Candidate {
                        family: fam,
                        code,
                        payload: Some(c.text.clone()),
                        evidence: EvidenceRef {
                            document: id.into(),
                            field: None,
                            page: Some(c.page),
                            text: Some(c.text.clone()),
                        },
                    },
                );
            }
        }
    }
    if let Some(f) = printed_code.filter(|f| f.reliable()) {
        for fam in &regs.families {
            if let Some(code) = fam.code_in_print(f.as_str().unwrap_or_default()) {
                add(
                    &mut candidates,
                    Candidate {
                        family: fam,
                        code,
                        payload: None,
                        evidence: f.evidence(),
                    },
                );
            }
        }
    }
    let doc_evidence = || {
        let mut ev = vec![report.evidence()];
        ev.extend(report.doc.codes.iter().map(|c| EvidenceRef {
            document: id.into(),
            field: None,
            page: Some(c.page),
            text: Some(c.text.clone()),
        }));
        ev
    };
    if candidates.is_empty() {
        let (zh, en) = if report.doc.codes.is_empty() && printed_code.is_none() {
            (
                "报告上没有可查询的码，真伪未能核验".to_string(),
                "the report carries no code to look up; its authenticity is unchecked".to_string(),
            )
        } else {
            let seen: Vec<String> = report
                .doc
                .codes
                .iter()
                .map(|c| format!("「{}」", c.text.trim()))
                .chain(printed_code.map(|f| format!("「{}」", f.display())))
                .collect();
            (
                format!(
                    "报告上的码{}不属于已配置的任何码类型，真伪未能核验",
                    seen.join("")
                ),
                format!(
                    "the report's codes {} belong to no configured code family; authenticity unchecked",
                    seen.join(" ")
                ),
            )
        };
        return finding(
            RULE,
            Status::Review,
            msg(format!("{id}：{zh}"), format!("{id}: {en}")),
            doc_evidence(),
        );
    }
    let printed = Printed {
        firm: reliable_text(&report, "audit_firm"),
        entity: reliable_text(&report, "audited_entity"),
        report_no: reliable_text(&report, "report_no"),
        report_date: reliable_text(&report, "report_date"),
    };
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut evidence = Vec::new();
    for c in candidates.iter().take(max_lookups.max(1)) {
        let adapter = &regs.adapters[c.family.adapter];
        evidence.push(c.evidence.clone());
        let Some(url) = adapter.url_for(&c.code, c.payload.as_deref()) else {
            // A `{payload}` adapter and a printed code: there is no URL to ask.
            continue;
        };
        let mut o = look_up(adapter, &c.code, &url, &printed);
        o.zh = format!("[{}] {}", c.family.name, o.zh);
        o.en = format!("[{}] {}", c.family.name, o.en);
        outcomes.push(o);
    }
    if outcomes.is_empty() {
        return finding(
            RULE,
            Status::Review,
            msg(
                format!("{id}：报告上的码无法构成查询地址，真伪未能核验"),
                format!(
                    "{id}: no lookup URL could be made from the report's codes; authenticity unchecked"
                ),
            ),
            doc_evidence(),
        );
    }
    let worst = if outcomes.iter().any(|o| o.status == Status::Fail) {
        Status::Fail
    } else if outcomes.iter().any(|o| o.status != Status::Pass) {
        Status::Review
    } else {
        Status::Pass
    };
    let zh = outcomes
        .iter()
        .map(|o| o.zh.as_str())
        .collect::<Vec<_>>()
        .join("；");
    let en = outcomes
        .iter()
        .map(|o| o.en.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    finding(
        RULE,
        worst,
        msg(format!("{id}：{zh}"), format!("{id}: {en}")),
        evidence,
    )
}

/// Adds a candidate unless the same family and code is already there.
fn add<'a>(candidates: &mut Vec<Candidate<'a>>, c: Candidate<'a>) {
    if !candidates
        .iter()
        .any(|o| o.family.id == c.family.id && o.code == c.code)
    {
        candidates.push(c);
    }
}

/// A text field's value, when read reliably (an unreliable one is left out of the comparison).
fn reliable_text(report: &Doc, name: &str) -> Option<String> {
    report
        .text(name)
        .filter(|f| f.reliable())
        .and_then(|f| f.as_str().map(str::to_string))
}

impl Plugin for AuditRegistry {
    const ID: &'static str = "audit-registry";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "在出具机构的登记平台核验审计报告的码是否真实",
        "looks the audit report's code up at the issuing registry",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn parameters() -> Vec<ParamSpec> {
        vec![
            param_spec(
                REGISTRIES,
                ParamValue::Text(String::new()),
                "码类型与登记平台适配器（见 docs/REGISTRY.md）；为空时一律人工复核",
                "code families and registry adapters (see docs/REGISTRY.md); empty: every code is review",
            ),
            param_spec(
                MAX_LOOKUPS,
                ParamValue::Number(2.0),
                "每份报告最多查询的不同码数",
                "most distinct codes looked up per report",
            ),
        ]
    }

    fn capabilities() -> Vec<CapabilityRequest> {
        vec![CapabilityRequest {
            name: "lookup".into(),
            targets: Vec::new(),
            reason: msg(
                "向配置的审计报告登记平台查询验证码",
                "to look verification codes up at the configured audit-report registries",
            ),
        }]
    }

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let reports = ctx.of_kind(&[DocumentKind::AuditReport]);
        if reports.is_empty() {
            return vec![not_applicable(
                RULE,
                "没有专项审计报告",
                "no special audit report",
            )];
        }
        let regs = match Registries::parse(ctx.param_str(REGISTRIES).unwrap_or_default()) {
            Ok(r) => r,
            Err(e) => {
                return vec![finding(
                    RULE,
                    Status::Review,
                    msg(
                        format!("登记平台配置有误（{e}），真伪未能核验"),
                        format!(
                            "the registry configuration is invalid ({e}); authenticity unchecked"
                        ),
                    ),
                    reports.iter().map(|r| r.evidence()).collect(),
                )];
            }
        };
        if regs.is_empty() {
            return reports
                .iter()
                .map(|r| {
                    finding(
                        RULE,
                        Status::Review,
                        msg(
                            format!("{}：未配置审计报告登记平台，码的真伪未能核验", r.id()),
                            format!(
                                "{}: no audit-report registry is configured; the code's authenticity is unchecked",
                                r.id()
                            ),
                        ),
                        vec![r.evidence()],
                    )
                })
                .collect();
        }
        let max = ctx.param_f64(MAX_LOOKUPS).unwrap_or(2.0).clamp(1.0, 8.0) as usize;
        reports.into_iter().map(|r| judge(r, &regs, max)).collect()
    }
}

plugin!(AuditRegistry);

#[cfg(test)]
mod tests {
    use super::*;

    fn adapter() -> Adapter {
        let r = Registries::parse(
            r#"{"adapters": [{"id": "a", "url": "https://r.example/{code}", "found": "/found",
                "fields": {"code": "/report/code", "firm": "/report/firm", "entity": "/report/client",
                  "report_no": "/report/report_no", "report_date": "/report/report_date",
                  "status": "/report/status"},
                "valid_status": ["valid", "有效"]}]}"#,
        )
        .unwrap();
        r.adapters.into_iter().next().unwrap()
    }

    fn printed() -> Printed {
        Printed {
            firm: Some("山西华晋会计师事务所有限公司".into()),
            entity: Some("晋中启航实业有限公司".into()),
            report_no: Some("晋华专审字〔2022〕第428号".into()),
            report_date: Some("2022-02-20".into()),
        }
    }

    fn answer(status: &str, firm: &str, client: &str) -> Vec<u8> {
        serde_json::json!({"found": true, "report": {"code": "C1", "firm": firm, "client": client,
            "report_no": "晋华专审字[2022]第0428号", "report_date": "2022-02-20", "status": status}})
        .to_string()
        .into_bytes()
    }

    const FIRM: &str = "山西华晋会计师事务所有限公司";
    const CLIENT: &str = "晋中启航实业有限公司";

    #[test]
    fn agreeing_record_passes() {
        let o = judge_answer(
            &adapter(),
            "C1",
            200,
            &answer("valid", FIRM, CLIENT),
            &printed(),
        );
        assert_eq!(o.status, Status::Pass, "{o:?}");
    }

    #[test]
    fn other_client_or_firm_fails() {
        for (firm, client) in [(FIRM, "太原别家有限公司"), ("北京某会计师事务所", CLIENT)]
        {
            let o = judge_answer(
                &adapter(),
                "C1",
                200,
                &answer("valid", firm, client),
                &printed(),
            );
            assert_eq!(o.status, Status::Fail, "{o:?}");
        }
    }

    #[test]
    fn withdrawn_unknown_and_odd_answers() {
        let a = adapter();
        let p = printed();
        let s = |st, body: &[u8]| judge_answer(&a, "C1", st, body, &p).status;
        assert_eq!(s(200, &answer("withdrawn", FIRM, CLIENT)), Status::Fail);
        assert_eq!(s(404, b"{}"), Status::Fail);
        assert_eq!(s(200, br#"{"found": false}"#), Status::Fail);
        assert_eq!(s(503, b""), Status::Review);
        assert_eq!(s(200, b"<html>"), Status::Review);
        assert_eq!(s(200, br#"{"found": "yes"}"#), Status::Review);
        assert_eq!(
            s(200, br#"{"found": true, "report": {"code": "C2"}}"#),
            Status::Review
        );
    }

    #[test]
    fn nothing_to_compare_is_review() {
        let o = judge_answer(
            &adapter(),
            "C1",
            200,
            &answer("valid", FIRM, CLIENT),
            &Printed::default(),
        );
        assert_eq!(o.status, Status::Review, "{o:?}");
    }

    #[test]
    fn report_numbers_compare_by_year_and_serial() {
        assert_eq!(number_key("晋华专审字〔2022〕第428号"), "2022-428");
        assert_eq!(number_key("晋华专审字[2022]第0428号"), "2022-428");
    }
}
