//! `sublease.chain`: each sublease to a resident firm chains to the landlord's lease.
//!
//! The sublease lessor is the head-lease lessee (by the name ladder), the sublease term lies
//! inside the head-lease term, and the area sublet (each and in total) is not above the
//! head-lease area. Without a head lease the applicant may own the site: then the sublease
//! lessor is compared with the certificate owner.

use docverify_plugin_sdk::date::Date;
use docverify_plugin_sdk::names::NameMatch;
use docverify_plugin_sdk::*;

const RULE: &str = "sublease.chain";

struct SubleaseChain;

/// The head lease (or certificate) whose party best matches the sublease lessor.
fn best_parent<'a>(
    parents: &[(Doc<'a>, FieldRef<'a>)],
    lessor: &FieldRef<'_>,
) -> Option<(NameMatch, Doc<'a>, FieldRef<'a>)> {
    parents
        .iter()
        .map(|(d, f)| (lessor.compare_field(f), *d, *f))
        .min_by_key(|(m, _, _)| m.step as u8)
}

fn judge(sub: Doc, parents: &[(Doc, FieldRef)], owned: bool) -> Finding {
    let id = sub.id();
    let Some(lessor) = sub.text("lessor") else {
        return missing(RULE, &sub, "lessor", "转租出租方", "sublease lessor");
    };
    if let Some(weak) = unreliable(RULE, &[lessor]) {
        return weak;
    }
    let Some((m, parent, party)) = best_parent(parents, &lessor) else {
        return finding(
            RULE,
            Status::Review,
            msg(
                format!("{id}：有转租合同但没有房东租赁合同或产权证可对照"),
                format!("{id}: a sublease without a head lease or certificate to chain to"),
            ),
            vec![lessor.evidence()],
        );
    };
    if let Some(weak) = unreliable(RULE, &[party]) {
        return weak;
    }
    let pid = parent.id();
    let role = if owned {
        ("产权人", "certificate owner")
    } else {
        ("房东合同承租方", "head-lease lessee")
    };
    let mut status = m.status;
    let mut zh = vec![format!("转租出租方与{}（{pid}）比对：{}", role.0, m.zh)];
    let mut en = vec![format!("sublease lessor vs {} ({pid}): {}", role.1, m.en)];
    let mut evidence = vec![lessor.evidence(), party.evidence()];
    if !owned {
        let (ss, se, sub_dates) = dates(sub);
        let (hs, he, head_dates) = dates(parent);
        let read: Vec<_> = [ss, se, hs, he].into_iter().flatten().collect();
        match (sub_dates, head_dates) {
            _ if read.iter().any(|f| !f.reliable()) => {
                status = status.max_with(Status::Review);
                zh.push("租期日期识别置信度低".into());
                en.push("term dates read with low confidence".into());
            }
            (Some((s1, e1)), Some((s0, e0))) => {
                if s1 < s0 || e1 > e0 {
                    status = Status::Fail;
                    zh.push(format!("转租期 {s1} 至 {e1} 超出房东租期 {s0} 至 {e0}"));
                    en.push(format!(
                        "sublease term {s1} to {e1} is outside the head-lease term {s0} to {e0}"
                    ));
                } else {
                    zh.push(format!("转租期 {s1} 至 {e1} 在房东租期 {s0} 至 {e0} 之内"));
                    en.push(format!(
                        "sublease term {s1} to {e1} lies inside the head-lease term {s0} to {e0}"
                    ));
                }
            }
            _ => {
                status = status.max_with(Status::Review);
                zh.push("租期日期不全，无法比对".into());
                en.push("term dates incomplete, cannot compare".into());
            }
        }
        evidence.extend(read.iter().map(|f| f.evidence()));
    }
    finding(
        RULE,
        status,
        msg(
            format!("{id}：{}", zh.join("；")),
            format!("{id}: {}", en.join("; ")),
        ),
        evidence,
    )
}

/// A lease's term fields and, when both parse, its dates.
type TermFields<'a> = (
    Option<FieldRef<'a>>,
    Option<FieldRef<'a>>,
    Option<(Date, Date)>,
);

fn dates(d: Doc<'_>) -> TermFields<'_> {
    let s = d.field("term_start");
    let e = d.field("term_end");
    (
        s,
        e,
        s.and_then(|f| f.as_date()).zip(e.and_then(|f| f.as_date())),
    )
}

/// Orders statuses by severity (not_applicable < pass < review < fail).
trait Severity {
    fn max_with(self, other: Status) -> Status;
}

impl Severity for Status {
    fn max_with(self, other: Status) -> Status {
        let rank = |s: Status| match s {
            Status::NotApplicable => 0,
            Status::Pass => 1,
            Status::Review => 2,
            Status::Fail => 3,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

/// Total sublet area against the head-lease area.
fn area_finding(subs: &[Doc], heads: &[Doc]) -> Option<Finding> {
    let sub_areas: Vec<_> = subs.iter().filter_map(|d| d.field("area_m2")).collect();
    let head_areas: Vec<_> = heads.iter().filter_map(|d| d.field("area_m2")).collect();
    if sub_areas.is_empty() || head_areas.is_empty() {
        return None;
    }
    let read: Vec<_> = sub_areas.iter().chain(&head_areas).copied().collect();
    if let Some(weak) = unreliable(RULE, &read) {
        return Some(weak);
    }
    let sublet: f64 = sub_areas.iter().filter_map(|f| f.as_f64()).sum();
    let head: f64 = head_areas.iter().filter_map(|f| f.as_f64()).sum();
    let status = if sublet <= head + 0.005 {
        Status::Pass
    } else {
        Status::Fail
    };
    Some(finding(
        RULE,
        status,
        msg(
            format!(
                "转租面积合计 {sublet:.2}㎡，房东租赁面积 {head:.2}㎡{}",
                if status == Status::Pass {
                    "，未超出"
                } else {
                    "，超出"
                }
            ),
            format!(
                "sublet area {sublet:.2} m² in total against {head:.2} m² leased{}",
                if status == Status::Pass {
                    ": not above"
                } else {
                    ": above it"
                }
            ),
        ),
        read.iter().map(|f| f.evidence()).collect(),
    ))
}

impl Plugin for SubleaseChain {
    const ID: &'static str = "sublease-chain";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "入驻企业的转租合同与房东的租赁合同相衔接",
        "resident firms' subleases chain to the landlord's lease",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let subs = ctx.subleases();
        if subs.is_empty() {
            return vec![not_applicable(RULE, "没有转租合同", "no sublease")];
        }
        let heads = ctx.head_leases();
        let owned = heads.is_empty();
        let parents: Vec<_> = if owned {
            ctx.certificates()
                .into_iter()
                .filter_map(|c| c.text("owner").map(|f| (c, f)))
                .collect()
        } else {
            heads
                .iter()
                .filter_map(|h| h.text("lessee").map(|f| (*h, f)))
                .collect()
        };
        let mut out: Vec<_> = subs.iter().map(|s| judge(*s, &parents, owned)).collect();
        out.extend(area_finding(&subs, &heads));
        out
    }
}

plugin!(SubleaseChain);
