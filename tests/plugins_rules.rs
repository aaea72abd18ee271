//! Every built-in rule's pass, fail and review cases, through the real plugin in wasmtime.

mod plugins_support;

use docverify::model::{DocumentKind, Status};
use docverify::verify::{PluginSettings, Verifier};
use plugins_support::*;
use serde_json::json;

use Status::{Fail, NotApplicable, Pass, Review};

fn with_params(plugin: &str, params: serde_json::Value) -> Verifier {
    let mut c = config();
    c.plugin.insert(
        plugin.into(),
        PluginSettings {
            parameters: params.as_object().unwrap().clone(),
            ..PluginSettings::default()
        },
    );
    Verifier::new(&c).unwrap()
}

const LANDLORD: &str = "山西龙城置业有限公司";

// ---------- name.consistency ----------

fn lessee_named(name: &str) -> Vec<Status> {
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![lease("l1", LANDLORD, name, "2020-01-01", "2024-12-31").build()],
        ),
    );
    statuses(&out, "name.consistency")
}

#[test]
fn name_exact_passes() {
    assert_eq!(lessee_named(APPLICANT), [Pass]);
}

#[test]
fn name_full_and_half_width_brackets_pass_at_step_2() {
    let out = run(
        builtins(),
        input(
            "山西（太原）晋阳科技有限公司",
            vec![
                lease(
                    "l1",
                    LANDLORD,
                    "山西(太原)晋阳科技有限公司",
                    "2020-01-01",
                    "2024-12-31",
                )
                .build(),
            ],
        ),
    );
    let f = only(&out, "name.consistency");
    assert_eq!(f.status, Pass);
    assert!(f.message.en.contains("step 2"), "{}", f.message.en);
    assert!(
        f.message.zh.contains("山西(太原)晋阳科技有限公司"),
        "raw strings shown: {}",
        f.message.zh
    );
    assert_eq!(f.plugin, "name-consistency@0.1.0");
    // The host completes evidence with the field's page box.
    assert_eq!(f.evidence[0].bbox, Some([0.1, 0.1, 0.5, 0.15]));
}

#[test]
fn name_white_space_passes() {
    assert_eq!(lessee_named("太原市 晋阳科技 有限公司"), [Pass]);
}

#[test]
fn name_traditional_passes_with_a_note() {
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![
                lease(
                    "l1",
                    LANDLORD,
                    "太原市晉陽科技有限公司",
                    "2020-01-01",
                    "2024-12-31",
                )
                .build(),
            ],
        ),
    );
    let f = only(&out, "name.consistency");
    assert_eq!(f.status, Pass);
    assert!(f.message.en.contains("traditional"), "{}", f.message.en);
}

#[test]
fn name_ocr_confusion_is_review() {
    let out = run(
        builtins(),
        input(
            "山西已知科技有限公司",
            vec![
                lease(
                    "l1",
                    LANDLORD,
                    "山西己知科技有限公司",
                    "2020-01-01",
                    "2024-12-31",
                )
                .build(),
            ],
        ),
    );
    let f = only(&out, "name.consistency");
    assert_eq!(f.status, Review);
    assert!(
        f.message.zh.contains("己/已") || f.message.zh.contains("已/己"),
        "{}",
        f.message.zh
    );
}

#[test]
fn name_youxian_gongsi_vs_youxian_zeren_gongsi_is_review() {
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![
                lease(
                    "l1",
                    LANDLORD,
                    "太原市晋阳科技有限责任公司",
                    "2020-01-01",
                    "2024-12-31",
                )
                .build(),
            ],
        ),
    );
    let f = only(&out, "name.consistency");
    assert_eq!(f.status, Review);
    assert!(
        f.message.en.contains("different registered names"),
        "{}",
        f.message.en
    );
}

#[test]
fn name_branch_is_review() {
    assert_eq!(lessee_named("太原市晋阳科技有限公司小店分公司"), [Review]);
}

#[test]
fn name_other_company_fails() {
    assert_eq!(lessee_named("大同市云冈科技有限公司"), [Fail]);
}

#[test]
fn name_one_character_off_fails_unless_ocr_doubted_that_character() {
    let read = |doubts: serde_json::Value| {
        let l = lease(
            "l1",
            LANDLORD,
            "太原市晋扬科技有限公司",
            "2020-01-01",
            "2024-12-31",
        )
        .f("doubtful_chars", doubts)
        .build();
        only(
            &run(builtins(), input(APPLICANT, vec![l])),
            "name.consistency",
        )
        .clone()
    };
    // read surely (a text layer lists nothing): another registered name
    assert_eq!(read(json!([])).status, Fail);
    // OCR doubted other characters, or another field's
    assert_eq!(read(json!(["lessee:技", "lessor:扬"])).status, Fail);
    // OCR doubted the very character that differs: perhaps the same name misread
    let f = read(json!(["lessee:扬技"]));
    assert_eq!(f.status, Review);
    assert!(f.message.zh.contains("扬/阳"), "{}", f.message.zh);
    assert!(f.message.en.contains("read with doubt"), "{}", f.message.en);
}

#[test]
fn a_name_ocr_read_a_character_short_asks_a_person_and_printed_so_fails() {
    // the applicant's name without one character (太原市晋阳科技有限公司 → 太原市晋科技有限公司)
    let read = |doubts: serde_json::Value| {
        let l = lease(
            "l1",
            LANDLORD,
            "太原市晋科技有限公司",
            "2020-01-01",
            "2024-12-31",
        )
        .f("doubtful_chars", doubts)
        .build();
        only(
            &run(builtins(), input(APPLICANT, vec![l])),
            "name.consistency",
        )
        .clone()
    };
    // a text layer's name (not listed) is printed so: another name
    assert_eq!(read(json!([])).status, Fail);
    // OCR read the name (listed, nothing doubted): it may have lost the character
    let f = read(json!(["lessee:"]));
    assert_eq!(f.status, Review);
    assert!(f.message.zh.contains("少一个字（阳）"), "{}", f.message.zh);
    assert!(f.message.en.contains("OCR lost it"), "{}", f.message.en);
}

#[test]
fn a_doubted_character_on_either_side_of_a_chain_asks_a_person() {
    let tenant = "太原市入驻小微企业有限公司";
    let misread = "太原市晋扬科技有限公司";
    let sub = |doubts: serde_json::Value| {
        sublease("s", misread, tenant, "2021-01-01", "2023-12-31")
            .f("doubtful_chars", doubts)
            .build()
    };
    assert_eq!(chain(sub(json!([]))), [Fail]);
    assert_eq!(chain(sub(json!(["lessor:扬"]))), [Review]);
    // an owned site's certificate whose owner is the applicant misread (a leased site's owner
    // that is not the landlord is a review in any case: a landlord may hold authority to let)
    let owner = |doubts: serde_json::Value| {
        let cert = certificate("c1", misread)
            .f("doubtful_chars", doubts)
            .build();
        only(
            &run(builtins(), input(APPLICANT, vec![cert])),
            "property.owner",
        )
        .status
    };
    assert_eq!(owner(json!([])), Fail);
    assert_eq!(owner(json!(["owner:扬"])), Review);
}

#[test]
fn a_party_read_as_another_where_the_document_prints_the_applicant_is_review() {
    // The lessee was read as the head landlord a clause names, but the lease prints the
    // applicant's own name where a name stands: the reading, not the lease, may be wrong.
    let other = "太原市汾河物业管理有限公司";
    let lease_of = |text: &str| {
        lease("l1", LANDLORD, other, "2020-01-01", "2024-12-31")
            .pages(&["房屋租赁合同\n出租方：山西龙城置业有限公司", text])
            .build()
    };
    let lessee = |text: &str| {
        let out = run(builtins(), input(APPLICANT, vec![lease_of(text)]));
        only(&out, "name.consistency").clone()
    };
    let f = lessee("承租方（乙方）：\n太原市晋阳\n科技有限公司\n法定代表人：王伟");
    assert_eq!(f.status, Review, "{}", f.message.zh);
    assert!(
        f.message.zh.contains("第2页印有申报单位名称"),
        "{}",
        f.message.zh
    );
    assert!(f.message.en.contains("page 2"), "{}", f.message.en);
    assert_eq!(f.evidence.len(), 2);
    assert_eq!(f.evidence[1].page, Some(2));
    // named only in a stamp of use, as a branch, or not at all: the lease is someone else's
    for text in [
        "本复印件仅供太原市晋阳科技有限公司申报使用",
        "承租方：太原市晋阳科技有限公司第一分公司",
        "承租方：太原市汾河物业管理有限公司",
    ] {
        assert_eq!(lessee(text).status, Fail, "{text}");
    }
    // an owned site's certificate read as someone else's that prints the applicant as owner
    let cert = |text: &str| {
        let c = certificate("c1", other).pages(&[text]).build();
        only(
            &run(builtins(), input(APPLICANT, vec![c])),
            "property.owner",
        )
        .clone()
    };
    let f = cert(
        "不动产权证书\n权利人\t太原市晋阳科技有限公司\n附记：原权利人太原市汾河物业管理有限公司",
    );
    assert_eq!(f.status, Review, "{}", f.message.zh);
    assert!(
        f.message.zh.contains("印有申报单位名称"),
        "{}",
        f.message.zh
    );
    let f = cert(
        "不动产权证书\n权利人\t太原市汾河物业管理有限公司\n仅供太原市晋阳科技有限公司申报使用",
    );
    assert_eq!(f.status, Fail, "{}", f.message.zh);
}

#[test]
fn a_document_of_a_kind_not_recognised_keeps_names_from_passing() {
    // The names read agree, but an upload whose kind was not recognised may be the lease that
    // names the applicant otherwise: a review naming it beside the pass. A blank one says
    // nothing.
    let names_with = |other: Vec<docverify::verify::DocumentInput>| {
        let mut docs = vec![audit("a1", "山西信达会计师事务所有限公司", APPLICANT).build()];
        docs.extend(other);
        let out = run(builtins(), input(APPLICANT, docs));
        (
            statuses(&out, "name.consistency"),
            out.findings
                .iter()
                .filter(|f| f.rule == "name.consistency")
                .map(|f| f.message.zh.clone())
                .collect::<Vec<_>>()
                .join("；"),
        )
    };
    assert_eq!(names_with(vec![]).0, [Pass]);
    let unread = doc("x1", DocumentKind::Other)
        .pages(&["房屋有偿使用协议\n一方：王某\n另一方：太原市晋阳科枝有限公司"])
        .build();
    let (found, zh) = names_with(vec![unread]);
    assert_eq!(found, [Pass, Review], "{zh}");
    assert!(zh.contains("材料（x1）未能识别类型"), "{zh}");
    let blank = doc("x2", DocumentKind::Other).pages(&["", " \n"]).build();
    assert_eq!(names_with(vec![blank]).0, [Pass]);
}

#[test]
fn name_change_with_the_same_credit_code_is_review() {
    let codes = json!([
        {"code": "91110000600037341L", "party": APPLICANT, "valid": true},
    ]);
    let codes_other = json!([
        {"code": "91110000600037341L", "party": "太原市新名字科技有限公司", "valid": true},
    ]);
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![
                lease(
                    "l1",
                    LANDLORD,
                    "太原市新名字科技有限公司",
                    "2020-01-01",
                    "2024-12-31",
                )
                .f("credit_codes", codes_other)
                .build(),
                audit("a1", "山西信达会计师事务所有限公司", APPLICANT)
                    .f("credit_codes", codes)
                    .build(),
            ],
        ),
    );
    let lessee = out
        .findings
        .iter()
        .find(|f| f.rule == "name.consistency" && f.message.en.contains("head-lease lessee"))
        .unwrap();
    assert_eq!(lessee.status, Review);
    assert!(
        lessee.message.en.contains("same credit code"),
        "{}",
        lessee.message.en
    );
}

#[test]
fn sublease_tenant_is_not_the_applicant_and_that_is_right() {
    // The applicant rents the site and sublets to a resident firm: it is the head-lease lessee
    // and the sublease lessor; the sublease tenant is someone else.
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![
                lease("head", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31").build(),
                sublease(
                    "sub",
                    APPLICANT,
                    "太原市入驻小微企业有限公司",
                    "2021-01-01",
                    "2021-12-31",
                )
                .build(),
            ],
        ),
    );
    assert_eq!(statuses(&out, "name.consistency"), [Pass, Pass]);
    assert_eq!(statuses(&out, "sublease.chain")[0], Pass);
}

#[test]
fn sublease_lessor_other_than_the_applicant_fails() {
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![
                lease("head", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31").build(),
                sublease(
                    "sub",
                    "大同市云冈科技有限公司",
                    "太原市入驻小微企业有限公司",
                    "2021-01-01",
                    "2021-12-31",
                )
                .build(),
            ],
        ),
    );
    assert_eq!(statuses(&out, "name.consistency"), [Pass, Fail]);
    assert_eq!(statuses(&out, "sublease.chain")[0], Fail);
}

#[test]
fn name_audited_entity_is_compared_and_low_confidence_is_review() {
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![
                doc("a1", DocumentKind::AuditReport)
                    .weak("audited_entity", APPLICANT.into(), 0.4)
                    .build(),
            ],
        ),
    );
    let f = only(&out, "name.consistency");
    assert_eq!(f.status, Review);
    assert!(f.message.en.contains("low confidence"), "{}", f.message.en);
}

#[test]
fn name_certificate_owner_counts_only_for_an_owned_site() {
    let owned = run(
        builtins(),
        input(
            APPLICANT,
            vec![certificate("c1", "大同市云冈科技有限公司").build()],
        ),
    );
    assert_eq!(statuses(&owned, "name.consistency"), [Fail]);
    let leased = run(
        builtins(),
        input(
            APPLICANT,
            vec![
                lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31").build(),
                certificate("c1", LANDLORD).build(),
            ],
        ),
    );
    assert_eq!(statuses(&leased, "name.consistency"), [Pass]);
}

#[test]
fn name_without_documents_is_not_applicable() {
    let out = run(builtins(), input(APPLICANT, vec![]));
    assert_eq!(statuses(&out, "name.consistency"), [NotApplicable]);
}

// ---------- lease.term ----------

fn term(start: &str, end: &str) -> Status {
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![lease("l1", LANDLORD, APPLICANT, start, end).build()],
        ),
    );
    only(&out, "lease.term").status
}

#[test]
fn lease_of_exactly_five_years_passes() {
    assert_eq!(term("2020-01-01", "2024-12-31"), Pass);
    assert_eq!(term("2020-03-15", "2025-03-14"), Pass);
}

#[test]
fn lease_one_day_short_fails() {
    assert_eq!(term("2020-01-01", "2024-12-30"), Fail);
    assert_eq!(term("2020-01-02", "2024-12-31"), Fail);
}

#[test]
fn lease_from_29_february_counts_to_the_end_of_february() {
    assert_eq!(term("2020-02-29", "2025-02-27"), Pass);
    assert_eq!(term("2020-02-29", "2025-02-26"), Fail);
}

#[test]
fn lease_ending_before_it_starts_is_review() {
    assert_eq!(term("2024-12-31", "2020-01-01"), Review);
}

#[test]
fn lease_with_only_a_stated_duration() {
    let stated = |years: u32| {
        let d = doc("l1", DocumentKind::Lease)
            .f("lessee", APPLICANT.into())
            .f("term_stated", json!({"years": years, "months": 0}))
            .build();
        only(&run(builtins(), input(APPLICANT, vec![d])), "lease.term").status
    };
    assert_eq!(stated(5), Pass);
    assert_eq!(stated(4), Fail);
}

#[test]
fn lease_stated_duration_disagreeing_with_dates_is_review() {
    let d = lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31")
        .f("term_stated", json!({"years": 3, "months": 0}))
        .build();
    let out = run(builtins(), input(APPLICANT, vec![d]));
    assert_eq!(only(&out, "lease.term").status, Review);
    let agreeing = lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31")
        .f("term_stated", json!({"years": 5, "months": 0}))
        .build();
    assert_eq!(
        only(
            &run(builtins(), input(APPLICANT, vec![agreeing])),
            "lease.term"
        )
        .status,
        Pass
    );
}

#[test]
fn lease_with_a_low_confidence_date_is_review() {
    let d = lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31")
        .weak("term_end", "2024-12-31".into(), 0.3)
        .build();
    assert_eq!(
        only(&run(builtins(), input(APPLICANT, vec![d])), "lease.term").status,
        Review
    );
}

#[test]
fn lease_without_term_is_review_and_no_lease_is_not_applicable() {
    let d = doc("l1", DocumentKind::Lease)
        .f("lessee", APPLICANT.into())
        .build();
    assert_eq!(
        only(&run(builtins(), input(APPLICANT, vec![d])), "lease.term").status,
        Review
    );
    let owned = run(
        builtins(),
        input(APPLICANT, vec![certificate("c1", APPLICANT).build()]),
    );
    assert_eq!(statuses(&owned, "lease.term"), [NotApplicable]);
}

#[test]
fn lease_counted_from_the_application_date() {
    let v = with_params("lease-term", json!({"count_from": "application_date"}));
    let mut sub = input(
        APPLICANT,
        vec![lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31").build()],
    );
    sub.submission.application_date = Some("2021-06-01".into());
    assert_eq!(only(&run(&v, sub.clone()), "lease.term").status, Fail);
    sub.documents = vec![lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2026-05-31").build()];
    assert_eq!(only(&run(&v, sub.clone()), "lease.term").status, Pass);
    sub.submission.application_date = None;
    assert_eq!(only(&run(&v, sub), "lease.term").status, Review);
    // The parameters in force are in the provenance.
    let out = run(&v, input(APPLICANT, vec![]));
    let prov = out.plugins.iter().find(|p| p.id == "lease-term").unwrap();
    assert_eq!(prov.parameters["count_from"], json!("application_date"));
    assert_eq!(prov.parameters["min_years"], json!(5.0));
}

#[test]
fn lease_minimum_years_is_a_parameter() {
    let v = with_params("lease-term", json!({"min_years": 3}));
    let out = run(
        &v,
        input(
            APPLICANT,
            vec![lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2022-12-31").build()],
        ),
    );
    assert_eq!(only(&out, "lease.term").status, Pass);
}

// ---------- property.owner ----------

#[test]
fn owner_of_an_owned_site() {
    let st = |c| {
        only(
            &run(builtins(), input(APPLICANT, vec![c])),
            "property.owner",
        )
        .status
    };
    assert_eq!(st(certificate("c1", APPLICANT).build()), Pass);
    assert_eq!(
        st(certificate("c1", "大同市云冈科技有限公司").build()),
        Fail
    );
    assert_eq!(
        st(certificate("c1", APPLICANT)
            .f("co_ownership", "共同共有".into())
            .build()),
        Review
    );
    // held in common: the co-owners listed, the applicant among them or not
    let shared = |owner: &str, others: &[&str]| {
        certificate("c1", owner)
            .f("co_ownership", "按份共有".into())
            .f("co_owners", serde_json::json!(others))
            .build()
    };
    assert_eq!(st(shared("大同市云冈科技有限公司", &[APPLICANT])), Review);
    assert_eq!(
        st(shared(
            "大同市云冈科技有限公司",
            &["大同市云冈科技有限公司", "晋中市榆次区宏达商贸有限公司"]
        )),
        Fail
    );
    assert_eq!(
        st(certificate("c1", "大同市云冈科技有限公司")
            .f("co_ownership", "按份共有".into())
            .build()),
        Review,
        "co-owners not listed: the applicant may be one"
    );
    assert_eq!(
        st(certificate("c1", APPLICANT)
            .f("is_ownership_proof", false.into())
            .build()),
        Fail
    );
    // a mortgage's registration proof attached beside the title certificate names the bank:
    // the certificate decides
    let worst = |docs| {
        run(builtins(), input(APPLICANT, docs))
            .findings
            .iter()
            .filter(|f| f.rule == "property.owner")
            .map(|f| f.status)
            .max_by_key(|s| match s {
                Fail => 3,
                Review => 2,
                Pass => 1,
                _ => 0,
            })
            .expect("a finding")
    };
    assert_eq!(
        worst(vec![
            certificate("c1", APPLICANT).build(),
            certificate("c2", "中国建设银行股份有限公司太原分行")
                .f("is_ownership_proof", false.into())
                .build(),
        ]),
        Pass
    );
    assert_eq!(
        st(certificate("c1", APPLICANT)
            .weak("owner", APPLICANT.into(), 0.2)
            .build()),
        Review
    );
}

#[test]
fn owner_of_a_leased_site_is_the_landlord() {
    let head = || lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31").build();
    let ok = run(
        builtins(),
        input(APPLICANT, vec![head(), certificate("c1", LANDLORD).build()]),
    );
    assert_eq!(only(&ok, "property.owner").status, Pass);
    let other = run(
        builtins(),
        input(
            APPLICANT,
            vec![head(), certificate("c1", "大同市云冈科技有限公司").build()],
        ),
    );
    assert_eq!(only(&other, "property.owner").status, Review);
    let none = run(builtins(), input(APPLICANT, vec![head()]));
    assert_eq!(statuses(&none, "property.owner"), [NotApplicable]);
}

// ---------- sublease.chain ----------

fn chain(sub: docverify::verify::DocumentInput) -> Vec<Status> {
    let head = lease("head", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31")
        .f("area_m2", json!(1000.0))
        .build();
    statuses(
        &run(builtins(), input(APPLICANT, vec![head, sub])),
        "sublease.chain",
    )
}

#[test]
fn sublease_chains_to_the_head_lease() {
    let tenant = "太原市入驻小微企业有限公司";
    assert_eq!(
        chain(
            sublease("s", APPLICANT, tenant, "2021-01-01", "2023-12-31")
                .f("area_m2", json!(200.0))
                .build()
        ),
        [Pass, Pass]
    );
    // Term outside the head lease.
    assert_eq!(
        chain(sublease("s", APPLICANT, tenant, "2021-01-01", "2025-06-30").build()),
        [Fail]
    );
    // More area sublet than leased.
    assert_eq!(
        chain(
            sublease("s", APPLICANT, tenant, "2021-01-01", "2023-12-31")
                .f("area_m2", json!(1200.0))
                .build()
        ),
        [Pass, Fail]
    );
    // Lessor is not the head-lease lessee.
    assert_eq!(
        chain(
            sublease(
                "s",
                "大同市云冈科技有限公司",
                tenant,
                "2021-01-01",
                "2023-12-31"
            )
            .build()
        ),
        [Fail]
    );
    // Missing dates: cannot tell.
    let undated = doc("s", DocumentKind::Lease)
        .f("is_sublease", true.into())
        .f("lessor", APPLICANT.into())
        .build();
    assert_eq!(chain(undated), [Review]);
}

#[test]
fn a_plain_lease_that_chains_from_the_head_lease_is_a_sublease() {
    // Titled and labelled as an ordinary lease: its lessor is the head lease's lessee.
    let tenant = "太原市入驻小微企业有限公司";
    let plain = |lessor: &str| lease("s", lessor, tenant, "2021-01-01", "2021-12-31").build();
    let head = || lease("head", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31").build();
    let out = run(builtins(), input(APPLICANT, vec![head(), plain(APPLICANT)]));
    assert_eq!(statuses(&out, "sublease.chain"), [Pass]);
    assert_eq!(statuses(&out, "lease.term"), [Pass], "only the head lease");
    assert_eq!(statuses(&out, "name.consistency"), [Pass, Pass]);
    // A lease between two others (no chain, not the applicant letting) stays a head lease.
    let out = run(
        builtins(),
        input(APPLICANT, vec![head(), plain("大同市云冈科技有限公司")]),
    );
    assert_eq!(statuses(&out, "sublease.chain"), [NotApplicable]);
    assert_eq!(statuses(&out, "lease.term"), [Pass, Fail]);
}

#[test]
fn a_short_lease_whose_tenant_was_not_read_beside_another_lease_asks_a_person() {
    // A sublease written as a letter whose parties and title were not understood reads as a
    // second head lease: two years, no tenant. It may be the sublease, so a person looks.
    let head = lease("head", LANDLORD, APPLICANT, "2020-01-01", "2027-12-31").build();
    let unread = doc("s", DocumentKind::Lease)
        .f("term_start", json!("2022-01-01"))
        .f("term_end", json!("2023-12-31"))
        .build();
    let out = run(builtins(), input(APPLICANT, vec![head, unread.clone()]));
    assert_eq!(statuses(&out, "lease.term"), [Pass, Review]);
    // Alone, the short lease is the applicant's, whoever its tenant: it fails.
    let out = run(builtins(), input(APPLICANT, vec![unread.clone()]));
    assert_eq!(statuses(&out, "lease.term"), [Fail]);
    // A tenant read that is not the applicant's still fails (a head lease between others).
    let other = lease(
        "o",
        LANDLORD,
        "大同市云冈科技有限公司",
        "2022-01-01",
        "2023-12-31",
    )
    .build();
    let head = lease("head", LANDLORD, APPLICANT, "2020-01-01", "2027-12-31").build();
    let out = run(builtins(), input(APPLICANT, vec![head, other]));
    assert_eq!(statuses(&out, "lease.term"), [Pass, Fail]);
    // A sublease known as such is no rival: the short head lease beside it fails.
    let tenant = "太原市入驻小微企业有限公司";
    let sub = sublease("s", APPLICANT, tenant, "2022-01-01", "2023-12-31").build();
    let out = run(builtins(), input(APPLICANT, vec![unread, sub]));
    assert_eq!(statuses(&out, "lease.term"), [Fail]);
}

#[test]
fn sublease_absent_is_not_applicable() {
    let out = run(
        builtins(),
        input(
            APPLICANT,
            vec![lease("head", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31").build()],
        ),
    );
    assert_eq!(statuses(&out, "sublease.chain"), [NotApplicable]);
}

// ---------- audit.code ----------

const FIRM: &str = "山西信达会计师事务所（特殊普通合伙）";
const REPORT_NO: &str = "晋信达专审字〔2021〕第0123号";

fn audit_code(report: docverify::verify::DocumentInput) -> Status {
    only(
        &run(builtins(), input(APPLICANT, vec![report])),
        "audit.code",
    )
    .status
}

#[test]
fn audit_code_carrying_the_printed_number_passes() {
    let r = audit("a1", FIRM, APPLICANT)
        .f("report_no", REPORT_NO.into())
        .code(
            "qr",
            "https://acc.example/verify?no=晋信达专审字[2021]第0123号",
        )
        .build();
    assert_eq!(audit_code(r), Pass);
    let bare = audit("a1", FIRM, APPLICANT)
        .f("report_code", "A1B2C3D4E5".into())
        .code("qr", "A1B2C3D4E5")
        .build();
    assert_eq!(audit_code(bare), Pass);
}

#[test]
fn audit_code_missing_fails_unless_extraction_failed() {
    assert_eq!(
        audit_code(
            audit("a1", FIRM, APPLICANT)
                .f("report_no", REPORT_NO.into())
                .build()
        ),
        Fail
    );
    assert_eq!(
        audit_code(
            audit("a1", FIRM, APPLICANT)
                .f("report_no", REPORT_NO.into())
                .error("ocr", "deadline-exceeded")
                .build()
        ),
        Review
    );
    // the report says a code is there (扫码查验…) but none was read: doubt, not a fail
    assert_eq!(
        audit_code(
            audit("a1", FIRM, APPLICANT)
                .f("report_no", REPORT_NO.into())
                .f("code_shown", true.into())
                .build()
        ),
        Review
    );
}

#[test]
fn no_lease_is_not_applicable_unless_a_document_was_not_recognised() {
    let cert = || certificate("c1", APPLICANT).build();
    let st = |docs| only(&run(builtins(), input(APPLICANT, docs)), "lease.term").status;
    assert_eq!(st(vec![cert()]), NotApplicable);
    assert_eq!(
        st(vec![cert(), doc("d2", DocumentKind::Other).build()]),
        Review
    );
}

#[test]
fn audit_code_carrying_another_number_fails() {
    let r = audit("a1", FIRM, APPLICANT)
        .f("report_no", REPORT_NO.into())
        .code("qr", "报告编号：晋信达专审字〔2021〕第0456号")
        .build();
    assert_eq!(audit_code(r), Fail);
    // the same serial without its padding zero names the same report: no mismatch
    let unpadded = audit("a1", FIRM, APPLICANT)
        .f("report_no", REPORT_NO.into())
        .code("qr", "报告编号：晋信达专审字[2021]123号")
        .build();
    assert_ne!(audit_code(unpadded), Fail);
    let other_code = audit("a1", FIRM, APPLICANT)
        .f("report_code", "A1B2C3D4E5".into())
        .code("code128", "Z9Y8X7W6V5")
        .build();
    assert_eq!(audit_code(other_code), Fail);
    // the carried number is printed on the report as well (we read the number from another
    // line): doubt, not a mismatch
    let printed_too = audit("a1", FIRM, APPLICANT)
        .f("report_no", REPORT_NO.into())
        .f(
            "printed_code_tokens",
            serde_json::json!(["晋信达专审字〔2021〕第0456号"]),
        )
        .code("qr", "报告编号：晋信达专审字〔2021〕第0456号")
        .build();
    assert_eq!(audit_code(printed_too), Review);
}

#[test]
fn audit_code_in_a_url_of_the_printed_shape_but_other_digits_fails() {
    // The QR's URL carries an 18-digit code like the printed one, three digits apart.
    let r = audit("a1", FIRM, APPLICANT)
        .f("report_no", REPORT_NO.into())
        .f("report_code", "140920216791829899".into())
        .code(
            "qr",
            "https://verify.cpa-registry.example/report?code=140920216791829906",
        )
        .build();
    let out = run(builtins(), input(APPLICANT, vec![r]));
    let f = only(&out, "audit.code");
    assert_eq!(f.status, Fail, "{}", f.message.en);
    assert!(
        f.message.zh.contains("140920216791829906"),
        "{}",
        f.message.zh
    );
    assert!(
        f.message.zh.contains("140920216791829899"),
        "{}",
        f.message.zh
    );
    // The same URL with the printed code passes.
    let ok = audit("a1", FIRM, APPLICANT)
        .f("report_code", "140920216791829899".into())
        .code(
            "qr",
            "https://verify.cpa-registry.example/report?code=140920216791829899",
        )
        .build();
    assert_eq!(audit_code(ok), Pass);
    // A token of another shape (a session hash) says nothing: review.
    let opaque = audit("a1", FIRM, APPLICANT)
        .f("report_code", "140920216791829899".into())
        .code("qr", "https://acc.example/v?t=8f14e45fceea167a&s=ab12")
        .build();
    assert_eq!(audit_code(opaque), Review);
}

#[test]
fn audit_code_opaque_payload_is_review() {
    let r = audit("a1", FIRM, APPLICANT)
        .f("report_no", REPORT_NO.into())
        .code("qr", "https://acc.example/v?t=8f14e45fceea167a")
        .build();
    assert_eq!(audit_code(r), Review);
}

// ---------- audit.same-firm ----------

fn same_firm(main_firm: &str, sup_firm: &str) -> Status {
    let main = audit("a1", main_firm, APPLICANT).build();
    let sup = audit("a2", sup_firm, APPLICANT)
        .f("is_supplementary", true.into())
        .build();
    only(
        &run(builtins(), input(APPLICANT, vec![main, sup])),
        "audit.same-firm",
    )
    .status
}

#[test]
fn supplementary_report_from_the_same_firm_passes() {
    assert_eq!(same_firm(FIRM, FIRM), Pass);
    assert_eq!(same_firm(FIRM, "山西信达会计师事务所(特殊普通合伙)"), Pass);
    assert_eq!(same_firm(FIRM, "山西众诚会计师事务所有限公司"), Fail);
}

#[test]
fn supplementary_report_with_another_firm_code_fails() {
    let main = audit("a1", FIRM, APPLICANT)
        .f(
            "credit_codes",
            json!([{"code": "91110000600037341L", "party": FIRM, "valid": true}]),
        )
        .build();
    let sup = audit("a2", FIRM, APPLICANT)
        .f("is_supplementary", true.into())
        .f(
            "credit_codes",
            json!([{"code": "91140100MA0GRXXX1X", "party": FIRM, "valid": false}]),
        )
        .build();
    let out = run(builtins(), input(APPLICANT, vec![main, sup]));
    assert_eq!(only(&out, "audit.same-firm").status, Fail);
}

#[test]
fn no_supplementary_report_is_not_applicable() {
    let out = run(
        builtins(),
        input(APPLICANT, vec![audit("a1", FIRM, APPLICANT).build()]),
    );
    assert_eq!(only(&out, "audit.same-firm").status, NotApplicable);
}

// ---------- site.area ----------

fn area(declared: Option<f64>, leased: f64, v: &Verifier) -> Status {
    let mut sub = input(
        APPLICANT,
        vec![
            lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31")
                .f("area_m2", json!(leased))
                .build(),
        ],
    );
    sub.submission.declared_area_m2 = declared;
    only(&run(v, sub), "site.area").status
}

#[test]
fn site_area_within_tolerance() {
    assert_eq!(area(Some(1000.0), 1000.0, builtins()), Pass);
    assert_eq!(area(Some(1005.0), 1000.0, builtins()), Pass);
    assert_eq!(area(Some(1100.0), 1000.0, builtins()), Fail);
    assert_eq!(area(None, 1000.0, builtins()), Review);
    let loose = with_params("site-area", json!({"tolerance": 0.2}));
    assert_eq!(area(Some(1100.0), 1000.0, &loose), Pass);
}

// ---------- credit-code.valid ----------

fn codes(list: serde_json::Value) -> Vec<Status> {
    let d = audit("a1", FIRM, APPLICANT).f("credit_codes", list).build();
    statuses(
        &run(builtins(), input(APPLICANT, vec![d])),
        "credit-code.valid",
    )
}

#[test]
fn credit_codes_are_checked() {
    assert_eq!(
        codes(json!([{"code": "91110000600037341L", "party": APPLICANT, "valid": true}])),
        [Pass]
    );
    assert_eq!(
        codes(json!([{"code": "91110000600037341K", "party": null, "valid": false}])),
        [Fail]
    );
    assert_eq!(
        codes(json!([{"code": "9111OOOO6OOO37341L", "party": null, "valid": false}])),
        [Review]
    );
    assert_eq!(
        codes(json!([{"code": "91110000600037341", "party": null, "valid": false}])),
        [Fail]
    );
}

#[test]
fn the_same_party_keeps_the_same_code() {
    let a = audit("a1", FIRM, APPLICANT)
        .f(
            "credit_codes",
            json!([{"code": "91110000600037341L", "party": APPLICANT, "valid": true}]),
        )
        .build();
    // 91350100M000100Y43 is another well-formed code.
    let l = lease("l1", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31")
        .f(
            "credit_codes",
            json!([{"code": "91350100M000100Y43", "party": APPLICANT, "valid": true}]),
        )
        .build();
    let out = run(builtins(), input(APPLICANT, vec![a, l]));
    assert_eq!(statuses(&out, "credit-code.valid"), [Fail]);
}

#[test]
fn no_credit_code_is_not_applicable() {
    assert_eq!(
        statuses(
            &run(builtins(), input(APPLICANT, vec![])),
            "credit-code.valid"
        ),
        [NotApplicable]
    );
}

// ---------- the whole set ----------

#[test]
fn a_clean_submission_passes_every_rule_and_records_provenance() {
    let mut sub = input(
        APPLICANT,
        vec![
            lease("head", LANDLORD, APPLICANT, "2020-01-01", "2024-12-31")
                .f("area_m2", json!(1000.0))
                .build(),
            sublease(
                "sub",
                APPLICANT,
                "太原市入驻小微企业有限公司",
                "2021-01-01",
                "2023-12-31",
            )
            .f("area_m2", json!(100.0))
            .build(),
            certificate("cert", LANDLORD)
                .f("area_m2", json!(1500.0))
                .build(),
            audit("audit", FIRM, APPLICANT)
                .f("report_no", REPORT_NO.into())
                .f(
                    "credit_codes",
                    json!([{"code": "91110000600037341L", "party": APPLICANT, "valid": true}]),
                )
                .code("qr", REPORT_NO)
                .build(),
        ],
    );
    sub.submission.declared_area_m2 = Some(1000.0);
    let out = run(builtins(), sub);
    // audit.registry needs a registry lookup, which this offline verifier cannot make: it
    // must say review, never pass (tests/registry.rs covers it with a registry).
    let bad: Vec<_> = out
        .findings
        .iter()
        .filter(|f| f.rule != "audit.registry" && !matches!(f.status, Pass | NotApplicable))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert_eq!(statuses(&out, "audit.registry"), [Review]);
    assert_eq!(out.plugins.len(), 9);
    for p in &out.plugins {
        assert_eq!(p.digest.len(), 64, "{p:?}");
        assert!(!p.rules.is_empty());
        assert!(p.parameters.contains_key("min_confidence"));
    }
    let rules: std::collections::BTreeSet<_> =
        out.findings.iter().map(|f| f.rule.as_str()).collect();
    for r in [
        "name.consistency",
        "lease.term",
        "property.owner",
        "sublease.chain",
        "audit.code",
        "audit.same-firm",
        "site.area",
        "credit-code.valid",
    ] {
        assert!(rules.contains(r), "{r} missing");
    }
}
