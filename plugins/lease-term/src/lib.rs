//! `lease.term`: a leased site's head lease runs five years or more, five included.
//!
//! A lease from 2020-01-01 to 2024-12-31 is five years: the end day counts, so the test is
//! `end + 1 day >= start + N years`. When only a duration is written (租期伍年) it is used; a
//! written duration that disagrees with the dates is `review`. The term counts from the lease
//! start or, by parameter, from the application date.

use docverify_plugin_sdk::date::Date;
use docverify_plugin_sdk::*;

const RULE: &str = "lease.term";

struct LeaseTerm;

/// Whether `stated` matches the dates (either end-exclusive or end-inclusive writing).
fn agrees(start: Date, end: Date, stated: Term) -> bool {
    let until = start.add_months((stated.years * 12 + stated.months) as i32);
    until == end.add_days(1) || until == end
}

/// Whether a short lease cannot be tied to the applicant: its tenant was not read and other
/// head leases stand beside it (`head_leases`, how many the submission holds; subleases
/// already known as such are no rival), so it may be a sublease whose title and labels were not
/// understood (a sublease is short by nature, and failing the applicant on it would be a
/// confident wrong verdict).
fn unattributed(lease: &Doc, head_leases: usize) -> bool {
    lease.text("lessee").is_none() && head_leases > 1
}

fn judge(
    ctx: &Ctx,
    lease: Doc,
    head_leases: usize,
    min_months: i32,
    from_application: bool,
) -> Finding {
    let id = lease.id();
    let (start, end, stated) = (
        lease.field("term_start"),
        lease.field("term_end"),
        lease.field("term_stated"),
    );
    let read: Vec<_> = [start, end, stated].into_iter().flatten().collect();
    if let Some(weak) = unreliable(RULE, &read) {
        return weak;
    }
    let evidence: Vec<_> = read.iter().map(|f| f.evidence()).collect();
    let years = f64::from(min_months) / 12.0;
    let stated = stated.and_then(|f| f.as_term());
    let dates = start
        .and_then(|f| f.as_date())
        .zip(end.and_then(|f| f.as_date()));
    let review =
        |zh: String, en: String| finding(RULE, Status::Review, msg(zh, en), evidence.clone());
    let from = if from_application {
        match ctx.application_date() {
            Some(d) => Some(d),
            None => {
                return review(
                    "按申报日期起算，但申报日期未填写".into(),
                    "the term counts from the application date, which is missing".into(),
                );
            }
        }
    } else {
        dates.map(|(s, _)| s)
    };
    match (dates, stated) {
        (Some((s, e)), _) if e < s => review(
            format!("{id}：租期止日 {e} 早于起日 {s}"),
            format!("{id}: the term ends ({e}) before it starts ({s})"),
        ),
        (Some((s, e)), Some(t)) if !agrees(s, e, t) => review(
            format!(
                "{id}：写明的租期 {}年{}个月 与起止日期 {s} 至 {e} 不符",
                t.years, t.months
            ),
            format!(
                "{id}: the written term of {} years {} months disagrees with the dates {s} to {e}",
                t.years, t.months
            ),
        ),
        (Some((_, e)), _) => {
            let from = from.unwrap_or(e);
            let needed = from.add_months(min_months);
            let last_day = needed.add_days(-1);
            let (status, zh, en) = if e.add_days(1) >= needed {
                (Status::Pass, "满足", "meets")
            } else if unattributed(&lease, head_leases) {
                return review(
                    format!(
                        "{id}：租期至 {e}，不足 {years} 年；但未读出承租人，而申报材料中另有租赁合同，无法确定这份是申报单位的主租赁合同还是转租合同"
                    ),
                    format!(
                        "{id}: the lease runs to {e}, short of {years} years, but its tenant was not read and the submission holds other leases, so whether it is the applicant's head lease or a sublease is not known"
                    ),
                );
            } else {
                (Status::Fail, "不满足", "does not meet")
            };
            let origin = if from_application {
                ("申报日期", "the application date")
            } else {
                ("租期起日", "the lease start")
            };
            finding(
                RULE,
                status,
                msg(
                    format!(
                        "{id}：租期至 {e}，自{} {from} 起满 {years} 年（含）须至少至 {last_day}，{zh}要求",
                        origin.0
                    ),
                    format!(
                        "{id}: the lease runs to {e}; {years} years (inclusive) from {} {from} need it to run to {last_day} at least: {en} the requirement",
                        origin.1
                    ),
                ),
                evidence,
            )
        }
        (None, Some(t)) if !from_application => {
            let months = (t.years * 12 + t.months) as i32;
            let status = if months >= min_months {
                Status::Pass
            } else {
                Status::Fail
            };
            finding(
                RULE,
                status,
                msg(
                    format!(
                        "{id}：合同写明租期 {}年{}个月（未写起止日期），要求不少于 {years} 年",
                        t.years, t.months
                    ),
                    format!(
                        "{id}: the lease states a term of {} years {} months (no dates); at least {years} years are required",
                        t.years, t.months
                    ),
                ),
                evidence,
            )
        }
        (None, Some(_)) => review(
            format!("{id}：只写明租期长度而无止日，无法自申报日期起算"),
            format!(
                "{id}: only a duration is written, so the term cannot be counted from the application date"
            ),
        ),
        (None, None) => missing(
            RULE,
            &lease,
            "term_start/term_end/term_stated",
            "租赁期限",
            "lease term",
        ),
    }
}

impl Plugin for LeaseTerm {
    const ID: &'static str = "lease-term";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "租赁场地租期须在五年以上（含五年）",
        "a leased site is leased for five years or more",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn parameters() -> Vec<ParamSpec> {
        vec![
            param_spec(
                "min_years",
                ParamValue::Number(5.0),
                "最短租期（年，含）",
                "shortest acceptable term in years, inclusive",
            ),
            param_spec(
                "count_from",
                ParamValue::Text("lease_start".into()),
                "租期起算点：lease_start（租期起日）或 application_date（申报日期）",
                "where the term counts from: lease_start or application_date",
            ),
        ]
    }

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let min_months = (ctx.param_f64("min_years").unwrap_or(5.0) * 12.0).round() as i32;
        let from_application = ctx.param_str("count_from") == Some("application_date");
        let leases = ctx.head_leases();
        if leases.is_empty() {
            // A document whose kind was not recognised may be the lease: "not leased" is then
            // a guess, so a person looks.
            let unknown: Vec<Doc> = ctx.of_kind(&[DocumentKind::Other]);
            if !unknown.is_empty() {
                let ids = unknown
                    .iter()
                    .map(|d| d.id())
                    .collect::<Vec<_>>()
                    .join("、");
                return vec![finding(
                    RULE,
                    Status::Review,
                    msg(
                        format!(
                            "没有识别出租赁合同，但有材料（{ids}）未能识别类型，需人工确认场地是否租赁"
                        ),
                        format!(
                            "no head lease was recognised, but documents {ids} are of an unrecognised kind: check by hand whether the site is leased"
                        ),
                    ),
                    unknown.iter().map(|d| d.evidence()).collect(),
                )];
            }
            return vec![not_applicable(
                RULE,
                "没有租赁合同（非租赁场地）",
                "no head lease (the site is not leased)",
            )];
        }
        let n = leases.len();
        leases
            .into_iter()
            .map(|l| judge(ctx, l, n, min_months, from_application))
            .collect()
    }
}

plugin!(LeaseTerm);
