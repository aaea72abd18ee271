//! `audit.same-firm`: a supplementary special audit report comes from the same audit firm as
//! the report it supplements.
//!
//! Firm names are compared by the name ladder; when both reports print a credit code for the
//! firm, differing codes fail and equal codes are said in the message.

use docverify_plugin_sdk::*;

const RULE: &str = "audit.same-firm";

struct AuditSameFirm;

/// The credit code a report prints for its own firm.
fn firm_code(report: &Doc, firm: &str) -> Option<String> {
    let want = names::canonical(firm);
    report
        .credit_codes()
        .into_iter()
        .find(|(c, _)| {
            c.party
                .as_deref()
                .is_some_and(|p| names::canonical(p) == want)
        })
        .map(|(c, _)| credit::normalize(&c.code))
}

impl Plugin for AuditSameFirm {
    const ID: &'static str = "audit-same-firm";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "补充专项审计报告须由同一会计师事务所出具",
        "a supplementary audit report comes from the same firm",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let reports = ctx.of_kind(&[DocumentKind::AuditReport]);
        let (supplements, mains): (Vec<Doc>, Vec<Doc>) = reports
            .into_iter()
            .partition(|r| r.flag("is_supplementary"));
        if supplements.is_empty() {
            return vec![not_applicable(
                RULE,
                "没有补充专项审计报告",
                "no supplementary audit report",
            )];
        }
        let Some(main) = mains.first() else {
            return vec![finding(
                RULE,
                Status::Review,
                msg(
                    "有补充审计报告，但没有原专项审计报告可对照",
                    "a supplementary report without the report it supplements",
                ),
                supplements.iter().map(|s| s.evidence()).collect(),
            )];
        };
        let Some(main_firm) = main.text("audit_firm") else {
            return vec![missing(
                RULE,
                main,
                "audit_firm",
                "会计师事务所",
                "audit firm",
            )];
        };
        supplements
            .iter()
            .map(|sup| {
                let Some(firm) = sup.text("audit_firm") else {
                    return missing(RULE, sup, "audit_firm", "会计师事务所", "audit firm");
                };
                if let Some(weak) = unreliable(RULE, &[main_firm, firm]) {
                    return weak;
                }
                let (a, b) = (
                    main_firm.as_str().unwrap_or_default(),
                    firm.as_str().unwrap_or_default(),
                );
                let m = names::compare(a, b);
                let (mut status, mut zh, mut en) = (m.status, m.zh, m.en);
                match (firm_code(main, a), firm_code(sup, b)) {
                    (Some(x), Some(y)) if x != y => {
                        status = Status::Fail;
                        zh += &format!("；两份报告所印事务所统一社会信用代码不同（{x} / {y}）");
                        en += &format!("; the firms' credit codes printed differ ({x} / {y})");
                    }
                    (Some(x), Some(_)) => {
                        zh += &format!("；两份报告所印事务所统一社会信用代码相同（{x}）");
                        en += &format!("; both print the same firm credit code ({x})");
                    }
                    _ => {}
                }
                finding(
                    RULE,
                    status,
                    msg(
                        format!(
                            "补充报告 {} 与原报告 {} 的事务所比对：{zh}",
                            sup.id(),
                            main.id()
                        ),
                        format!(
                            "firm of supplementary report {} vs report {}: {en}",
                            sup.id(),
                            main.id()
                        ),
                    ),
                    vec![main_firm.evidence(), firm.evidence()],
                )
            })
            .collect()
    }
}

plugin!(AuditSameFirm);
