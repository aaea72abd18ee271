//! `credit-code.valid`: every 统一社会信用代码 printed is well formed (GB 32100-2015 check
//! character) and the same party keeps the same code across documents.
//!
//! A code that becomes valid once the usual OCR misreadings (O→0, I→1, S→5, Z→2) are undone is
//! `review`, not `fail`: the paper is probably right and the reading wrong.

use docverify_plugin_sdk::credit::{self, CodeCheck};
use docverify_plugin_sdk::*;
use std::collections::BTreeMap;

const RULE: &str = "credit-code.valid";

struct CreditCodes;

impl Plugin for CreditCodes {
    const ID: &'static str = "credit-code";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "统一社会信用代码校验位正确且同一单位代码一致",
        "credit codes are well formed and consistent per party",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let codes: Vec<_> = ctx.documents().flat_map(|d| d.credit_codes()).collect();
        if codes.is_empty() {
            return vec![not_applicable(
                RULE,
                "材料上没有读到统一社会信用代码",
                "no credit code was read on any document",
            )];
        }
        let mut out = Vec::new();
        let mut by_party: BTreeMap<String, Vec<(String, FieldRef)>> = BTreeMap::new();
        for (code, field) in &codes {
            let shown = code.code.trim();
            if !field.reliable() {
                out.extend(unreliable(RULE, &[*field]));
                continue;
            }
            let ev = field.evidence();
            match credit::check(shown) {
                CodeCheck::Valid => {
                    if let Some(p) = code.party.as_deref().filter(|p| !p.trim().is_empty()) {
                        by_party.entry(names::canonical(p)).or_default().push((credit::normalize(shown), *field));
                    }
                }
                CodeCheck::LikelyMisread(fixed) => out.push(finding(
                    RULE,
                    Status::Review,
                    msg(format!("代码「{shown}」校验不通过，按 OCR 常见误读更正为 {fixed} 后通过，需核对原件"), format!("code '{shown}' fails its check but {fixed} (undoing common OCR misreadings) passes; check the original")),
                    vec![ev],
                )),
                CodeCheck::Invalid(zh, en) => out.push(finding(
                    RULE,
                    Status::Fail,
                    msg(format!("代码「{shown}」无效：{zh}"), format!("code '{shown}' is invalid: {en}")),
                    vec![ev],
                )),
            }
        }
        for (party, seen) in &by_party {
            let mut distinct: Vec<&str> = seen.iter().map(|(c, _)| c.as_str()).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() > 1 {
                let list = distinct.join(" / ");
                out.push(finding(
                    RULE,
                    Status::Fail,
                    msg(format!("同一单位「{party}」在不同材料上印有不同的代码：{list}"), format!("the same party '{party}' carries different codes across documents: {list}")),
                    seen.iter().map(|(_, f)| f.evidence()).collect(),
                ));
            }
        }
        if out.is_empty() {
            out.push(finding(
                RULE,
                Status::Pass,
                msg(
                    format!(
                        "{} 个统一社会信用代码校验通过，同一单位代码一致",
                        codes.len()
                    ),
                    format!(
                        "{} credit code(s) pass their check and agree per party",
                        codes.len()
                    ),
                ),
                codes
                    .iter()
                    .map(|(_, f)| f.evidence())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .take(1)
                    .collect(),
            ));
        }
        out
    }
}

plugin!(CreditCodes);
