//! `site.area`: the declared site area agrees with the lease or certificate area, within a
//! relative tolerance (parameter `tolerance`, a fraction of the documented area).
//!
//! The documented area is the sum over head leases for a leased site, else over ownership
//! certificates (building area, or land area when only that is printed).

use docverify_plugin_sdk::*;

const RULE: &str = "site.area";

struct SiteArea;

impl Plugin for SiteArea {
    const ID: &'static str = "site-area";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "申报面积与租赁合同或产权证面积一致",
        "the declared area agrees with the lease or certificate",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn parameters() -> Vec<ParamSpec> {
        vec![param_spec(
            "tolerance",
            ParamValue::Number(0.01),
            "允许的相对误差（0.01 即 1%）",
            "relative tolerance (0.01 is 1 %)",
        )]
    }

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let heads = ctx.head_leases();
        let (docs, source) = if heads.is_empty() {
            let certs = ctx
                .certificates()
                .into_iter()
                .filter(|c| c.field("is_ownership_proof").and_then(|f| f.as_bool()) != Some(false))
                .collect();
            (certs, ("产权证", "certificate"))
        } else {
            (heads, ("租赁合同", "lease"))
        };
        if docs.is_empty() {
            return vec![not_applicable(
                RULE,
                "没有租赁合同或产权证",
                "no lease or certificate",
            )];
        }
        let Some(declared) = ctx
            .submission()
            .declared_area_m2
            .filter(|a| a.is_finite() && *a > 0.0)
        else {
            return vec![finding(
                RULE,
                Status::Review,
                msg("申报面积未填写", "no declared area in the application"),
                vec![],
            )];
        };
        let mut areas = Vec::new();
        for d in &docs {
            match d
                .field("area_m2")
                .or_else(|| d.field("land_area_m2"))
                .filter(|f| f.as_f64().is_some())
            {
                Some(f) => areas.push(f),
                None => return vec![missing(RULE, d, "area_m2", "面积", "area")],
            }
        }
        if let Some(weak) = unreliable(RULE, &areas) {
            return vec![weak];
        }
        let documented: f64 = areas.iter().filter_map(|f| f.as_f64()).sum();
        let tolerance = ctx.param_f64("tolerance").unwrap_or(0.01).max(0.0);
        let diff = (declared - documented).abs();
        let status = if diff <= documented * tolerance + 1e-9 {
            Status::Pass
        } else {
            Status::Fail
        };
        let pct = tolerance * 100.0;
        vec![finding(
            RULE,
            status,
            msg(
                format!(
                    "申报面积 {declared:.2}㎡，{}面积 {documented:.2}㎡，相差 {diff:.2}㎡（允许 {pct}%）",
                    source.0
                ),
                format!(
                    "declared {declared:.2} m², {} area {documented:.2} m², difference {diff:.2} m² (tolerance {pct} %)",
                    source.1
                ),
            ),
            areas.iter().map(|f| f.evidence()).collect(),
        )]
    }
}

plugin!(SiteArea);
