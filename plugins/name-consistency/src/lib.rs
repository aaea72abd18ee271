//! `name.consistency`: every party name that should be the applicant equals it, by the ladder.
//!
//! Roles: the applicant is the lessee of a head lease and the lessor of a sublease (never the
//! resident firm that rents from it), the audited entity of an audit report, and the owner on a
//! certificate only when the site is owned (no head lease: with a head lease the certificate is
//! the landlord's). Names differing at step 5 or 6 are softened to `review` when the documents
//! print the applicant's credit code for both (a name change keeps the code), and a `fail` is
//! `review` when the document prints the applicant's own name where a name stands (the party
//! read may be the wrong one: a confident wrong `fail` is what a reviewer must never get). A
//! document of a kind not recognised adds a `review`: it may be the one that names the applicant
//! otherwise.

use docverify_plugin_sdk::names::{self, Step};
use docverify_plugin_sdk::*;

const RULE: &str = "name.consistency";

struct NameConsistency;

/// The credit codes a document prints for a party whose name is `name` (by the ladder's
/// canonical form).
fn codes_for(ctx: &Ctx, name: &str) -> Vec<String> {
    let want = names::canonical(name);
    ctx.documents()
        .flat_map(|d| d.credit_codes())
        .filter(|(c, _)| {
            c.party
                .as_deref()
                .is_some_and(|p| names::canonical(p) == want)
        })
        .map(|(c, _)| credit::normalize(&c.code))
        .collect()
}

impl Plugin for NameConsistency {
    const ID: &'static str = "name-consistency";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "租赁合同、产权证和审计报告上应为申报单位的名称与申报单位一致",
        "names that should be the applicant's agree with it",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let applicant = ctx.applicant();
        let owned_site = ctx.head_leases().is_empty();
        let mut parties = Vec::new();
        // A document of a kind not recognised may be the lease or the certificate that names
        // the applicant otherwise: the names read elsewhere agreeing proves nothing of it.
        let mut unknown = Vec::new();
        for d in ctx.documents() {
            let (field, role_zh, role_en) = match d.kind() {
                DocumentKind::Lease if ctx.sublets(&d) => {
                    ("lessor", "转租合同出租方", "sublease lessor")
                }
                DocumentKind::Lease => ("lessee", "租赁合同承租方", "head-lease lessee"),
                DocumentKind::AuditReport => {
                    ("audited_entity", "审计报告被审计单位", "audited entity")
                }
                DocumentKind::Other => {
                    if d.doc.page_texts.iter().any(|t| !t.trim().is_empty()) {
                        unknown.push(d);
                    }
                    continue;
                }
                _ if owned_site => ("owner", "产权证权利人", "certificate owner"),
                _ => continue,
            };
            parties.push((d, field, role_zh, role_en));
        }
        let unread = (!unknown.is_empty()).then(|| {
            let ids = unknown.iter().map(|d| d.id()).collect::<Vec<_>>().join("、");
            finding(
                RULE,
                Status::Review,
                msg(
                    format!("材料（{ids}）未能识别类型，其中可能载有应为申报单位的名称，需人工核对"),
                    format!(
                        "documents {ids} are of an unrecognised kind and may name the applicant otherwise; check by hand"
                    ),
                ),
                unknown.iter().map(|d| d.evidence()).collect(),
            )
        });
        if parties.is_empty() {
            if let Some(unread) = unread {
                return vec![unread];
            }
            return vec![not_applicable(
                RULE,
                "没有载明申报单位名称的材料",
                "no document names the applicant",
            )];
        }
        let applicant_codes = codes_for(ctx, applicant);
        let mut findings: Vec<Finding> = parties
            .into_iter()
            .map(|(d, field, role_zh, role_en)| {
                let Some(f) = d.text(field) else {
                    return missing(RULE, &d, field, role_zh, role_en);
                };
                if let Some(weak) = unreliable(RULE, &[f]) {
                    return weak;
                }
                let m = f.compare_name(applicant);
                let (mut status, mut zh, mut en) = (m.status, m.zh, m.en);
                if matches!(m.step, Step::LegalForm | Step::Branch | Step::Different) {
                    let theirs = codes_for(ctx, f.as_str().unwrap_or_default());
                    if let Some(code) = theirs.iter().find(|c| applicant_codes.contains(c)) {
                        status = Status::Review;
                        zh += &format!("；但两者印有相同的统一社会信用代码 {code}（可能为更名），需人工核对");
                        en += &format!("; but both carry the same credit code {code} (perhaps a name change); check by hand");
                    }
                }
                let mut evidence = vec![f.evidence()];
                if status == Status::Fail
                    && let Some(printed) = d.prints_name(applicant)
                {
                    status = Status::Review;
                    let (page, line) = (printed.page.unwrap_or(1), printed.text.clone().unwrap_or_default());
                    zh += &format!("；但本材料第{page}页印有申报单位名称（「{line}」），读到的{role_zh}可能有误，需人工核对");
                    en += &format!("; but page {page} of this document prints the applicant's name ('{line}'), so the {role_en} read may be wrong; check by hand");
                    evidence.push(printed);
                }
                finding(
                    RULE,
                    status,
                    msg(format!("{role_zh}（{}）：{zh}", d.id()), format!("{role_en} ({}): {en}", d.id())),
                    evidence,
                )
            })
            .collect();
        findings.extend(unread);
        findings
    }
}

plugin!(NameConsistency);
