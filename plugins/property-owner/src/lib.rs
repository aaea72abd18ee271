//! `property.owner`: the certificate of an owned site names the applicant as owner.
//!
//! Also: a 不动产证明 (mortgage or other registration proof) is not proof of ownership → fail;
//! 共有情况 other than 单独所有 → review, unless the co-owners are listed and none of them is the
//! applicant (fail). For a leased site (a head lease exists) the certificate
//! is the landlord's: its owner is compared with the head-lease lessor, and a mismatch is only
//! `review` (a landlord may lease with the owner's authority). A `fail` is `review` when the
//! certificate prints the applicant's own name where a name stands (the reading may be wrong).

use docverify_plugin_sdk::*;

const RULE: &str = "property.owner";

struct PropertyOwner;

fn judge(ctx: &Ctx, cert: Doc) -> Finding {
    let id = cert.id();
    if let Some(proof) = cert
        .field("is_ownership_proof")
        .filter(|f| f.as_bool() == Some(false))
    {
        if let Some(weak) = unreliable(RULE, &[proof]) {
            return weak;
        }
        return finding(
            RULE,
            Status::Fail,
            msg(
                format!("{id}：这是不动产证明（如抵押登记），不能证明产权"),
                format!(
                    "{id}: this is a registration proof (不动产证明, e.g. a mortgage), not proof of ownership"
                ),
            ),
            vec![proof.evidence()],
        );
    }
    let Some(owner) = cert.text("owner") else {
        return missing(RULE, &cert, "owner", "权利人", "owner");
    };
    let co = cert.text("co_ownership");
    let read: Vec<_> = [Some(owner), co].into_iter().flatten().collect();
    if let Some(weak) = unreliable(RULE, &read) {
        return weak;
    }
    let owner_name = owner.as_str().unwrap_or_default();
    let heads = ctx.head_leases();
    if let Some(co) = co.filter(|c| c.as_str().is_some_and(|s| s != "单独所有")) {
        // Held in common: when the certificate lists every co-owner and none is the applicant
        // (an owned site), the applicant owns no part of it.
        if heads.is_empty()
            && let Some(co_owners) = cert.field("co_owners").filter(|f| f.reliable())
            && let Some(list) = co_owners.as_texts()
            && !list.is_empty()
        {
            let all: Vec<&str> = std::iter::once(owner_name)
                .chain(list.iter().copied().filter(|n| *n != owner_name))
                .collect();
            let none = all
                .iter()
                .all(|n| names::compare(ctx.applicant(), n).status == Status::Fail);
            if none {
                let names = all.join("、");
                if let Some(printed) = cert.prints_name(ctx.applicant()) {
                    return printed_elsewhere(
                        id,
                        &format!("共有人「{names}」"),
                        &format!("co-owners ({names})"),
                        printed,
                        vec![co.evidence(), owner.evidence(), co_owners.evidence()],
                    );
                }
                return finding(
                    RULE,
                    Status::Fail,
                    msg(
                        format!(
                            "{id}：共有情况为「{}」，共有人「{names}」中没有申报单位",
                            co.display()
                        ),
                        format!(
                            "{id}: held in common ('{}'); none of the co-owners ({names}) is the applicant",
                            co.display()
                        ),
                    ),
                    vec![co.evidence(), owner.evidence(), co_owners.evidence()],
                );
            }
        }
        return finding(
            RULE,
            Status::Review,
            msg(
                format!(
                    "{id}：共有情况为「{}」，不是单独所有，需人工核对",
                    co.display()
                ),
                format!(
                    "{id}: co-ownership is '{}', not sole ownership (单独所有); check by hand",
                    co.display()
                ),
            ),
            vec![co.evidence(), owner.evidence()],
        );
    }
    if heads.is_empty() {
        let m = owner.compare_name(ctx.applicant());
        if m.status == Status::Fail
            && let Some(printed) = cert.prints_name(ctx.applicant())
        {
            return printed_elsewhere(
                id,
                &format!("权利人「{owner_name}」"),
                &format!("owner '{owner_name}'"),
                printed,
                vec![owner.evidence()],
            );
        }
        return finding(
            RULE,
            m.status,
            msg(
                format!("{id}：权利人与申报单位比对：{}", m.zh),
                format!("{id}: owner vs applicant: {}", m.en),
            ),
            vec![owner.evidence()],
        );
    }
    // Leased site: the owner should be the landlord of one of the head leases.
    let best = heads
        .iter()
        .filter_map(|l| l.text("lessor"))
        .map(|lessor| (owner.compare_field(&lessor), lessor))
        .min_by_key(|(m, _)| m.step as u8);
    match best {
        Some((m, lessor)) => {
            let status = if m.status == Status::Fail {
                Status::Review
            } else {
                m.status
            };
            let (zh_tail, en_tail) = if m.status == Status::Fail {
                (
                    "；出租方不是产权人，需核实其转租或授权依据",
                    "; the landlord is not the owner: check their authority to lease",
                )
            } else {
                ("", "")
            };
            finding(
                RULE,
                status,
                msg(
                    format!("{id}：租赁场地，权利人与出租方比对：{}{zh_tail}", m.zh),
                    format!("{id}: leased site, owner vs landlord: {}{en_tail}", m.en),
                ),
                vec![owner.evidence(), lessor.evidence()],
            )
        }
        None => finding(
            RULE,
            Status::Review,
            msg(
                format!("{id}：租赁场地，但租赁合同未读到出租方，无法与权利人比对"),
                format!(
                    "{id}: leased site, but no lease names its lessor to compare with the owner"
                ),
            ),
            vec![owner.evidence()],
        ),
    }
}

/// `review` where an owned site's certificate reads as someone else's but prints the applicant's
/// own name where a name stands: the reading may be wrong, and a wrong `fail` turns a sound
/// application down.
fn printed_elsewhere(
    id: &str,
    read_zh: &str,
    read_en: &str,
    printed: EvidenceRef,
    mut evidence: Vec<EvidenceRef>,
) -> Finding {
    let (page, line) = (
        printed.page.unwrap_or(1),
        printed.text.clone().unwrap_or_default(),
    );
    evidence.push(printed);
    finding(
        RULE,
        Status::Review,
        msg(
            format!(
                "{id}：读到的{read_zh}不是申报单位，但证书第{page}页印有申报单位名称（「{line}」），读取可能有误，需人工核对"
            ),
            format!(
                "{id}: the {read_en} read is not the applicant, but page {page} of the certificate prints the applicant's name ('{line}'), so the reading may be wrong; check by hand"
            ),
        ),
        evidence,
    )
}

impl Plugin for PropertyOwner {
    const ID: &'static str = "property-owner";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "自有场地的产权证权利人为申报单位",
        "the owner on the certificate of an owned site is the applicant",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let certs = ctx.certificates();
        if certs.is_empty() {
            return vec![not_applicable(
                RULE,
                "没有产权证明材料",
                "no property certificate",
            )];
        }
        // A registration proof (a mortgage's 不动产登记证明) attached beside a title
        // certificate is not the site's title: the certificate is judged, the proof only noted.
        let is_proof = |c: &Doc| {
            c.field("is_ownership_proof")
                .is_some_and(|f| f.as_bool() == Some(false) && f.reliable())
        };
        let has_title = certs.iter().any(|c| !is_proof(c));
        certs
            .into_iter()
            .map(|c| {
                if has_title && is_proof(&c) {
                    let id = c.id();
                    finding(
                        RULE,
                        Status::NotApplicable,
                        msg(
                            format!("{id}：不动产登记证明（如抵押登记），随产权证书提交，不据以判断产权"),
                            format!(
                                "{id}: a registration proof (e.g. a mortgage) submitted with the title certificate; ownership is judged on the certificate"
                            ),
                        ),
                        vec![c.evidence()],
                    )
                } else {
                    judge(ctx, c)
                }
            })
            .collect()
    }
}

plugin!(PropertyOwner);
