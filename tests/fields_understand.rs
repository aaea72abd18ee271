//! `docverify::fields::understand` on hand-made page texts: OCR noise, label variants, values
//! broken across lines and pages, evidence with boxes, kind hints and packets.

use docverify::fields::understand;
use docverify::model::{DocumentKind, Extracted, Page, TextSource, TextSpan};
use serde_json::json;

fn page(number: u32, text: &str, source: TextSource) -> Page {
    Page {
        number,
        width: 1654,
        height: 2339,
        text: text.into(),
        text_source: source,
        spans: vec![],
        confidence: 1.0,
        codes: vec![],
        image_sha256: None,
        warnings: vec![],
    }
}

fn doc(pages: Vec<Page>) -> Extracted {
    Extracted {
        media_type: "application/pdf".into(),
        pages,
    }
}

/// One span per line with the given confidence and a box per line.
fn ocr_page(number: u32, text: &str, conf: f32) -> Page {
    let mut p = page(number, text, TextSource::Ocr);
    let mut start = 0;
    for (i, line) in text.split('\n').enumerate() {
        let n = line.chars().count();
        let y = 0.05 + i as f32 * 0.03;
        p.spans.push(TextSpan {
            start,
            end: start + n,
            bbox: [0.1, y, 0.9, y + 0.025],
            confidence: conf,
        });
        start += n + 1;
    }
    p.confidence = conf;
    p
}

#[test]
fn ocr_noisy_lease_reads_with_evidence_and_confidence() {
    let text = "房 屋 租 赁 合 同\n甲方（出租人）: 山西 晋创 科技 有限公司\n统一社会信用代码：9111 OOOO 6OOO 3734 IL\n\
                承租方 ( 乙方 ) ：太原龙城孵化器管理有限\n责任公司\n法定代表人：张三\n\
                第一条 甲方将坐落于山西省太原市小店区长治路 227 号的房屋出租给乙方，建筑面积为 1,234.56 ㎡。\n\
                第二条 租赁期限为五（5）年，自贰零贰零年壹月壹日起至贰零贰肆年拾贰月叁拾壹日止。\n\
                签订日期：____年__月__日";
    let got = understand(&doc(vec![ocr_page(1, text, 0.9)]), None);
    assert_eq!(got.len(), 1);
    let u = &got[0];
    assert_eq!(u.kind, DocumentKind::Lease);
    let v = |k: &str| u.fields.get(k).map(|f| f.value.clone());
    assert_eq!(v("lessor"), Some(json!("山西晋创科技有限公司")));
    assert_eq!(v("lessee"), Some(json!("太原龙城孵化器管理有限责任公司")));
    assert_eq!(v("area_m2"), Some(json!(1234.56)));
    assert_eq!(v("term_start"), Some(json!("2020-01-01")));
    assert_eq!(v("term_end"), Some(json!("2024-12-31")));
    assert_eq!(v("term_stated"), Some(json!({"years": 5, "months": 0})));
    assert_eq!(v("is_sublease"), Some(json!(false)));
    assert_eq!(v("signed_on"), None, "an unfilled blank is not a date");
    assert!(
        u.notes.iter().any(|n| n.contains("signed_on")),
        "{:?}",
        u.notes
    );
    let codes = &u.fields["credit_codes"].value;
    assert_eq!(codes[0]["code"], "91110000600037341L");
    assert_eq!(codes[0]["valid"], true);
    assert_eq!(codes[0]["party"], "山西晋创科技有限公司");
    // evidence: page, span of the page text, the OCR line box; confidence below the OCR's
    let lessor = &u.fields["lessor"];
    assert_eq!(lessor.evidence.page, 1);
    let chars: Vec<char> = text.chars().collect();
    let [a, b] = lessor.evidence.span;
    assert_eq!(
        chars[a..b].iter().collect::<String>(),
        "山西 晋创 科技 有限公司"
    );
    assert!(lessor.evidence.bbox.is_some());
    assert!(lessor.confidence <= 0.9 && lessor.confidence > 0.5);
    assert!(
        u.fields["credit_codes"].confidence < 0.9,
        "repaired code costs confidence"
    );
}

#[test]
fn sublease_labels_and_value_across_pages() {
    let p1 = page(
        1,
        "房屋转租合同\n次承租方（乙方）：晋中星火实业有限公司\n转租方（甲方）：太原恒泰物业管理有限公司\n\
                     第一条 租赁房屋位于山西省太原市小店区长治路227号高新国际大厦1号楼12层1201室，租赁面积500平方米。\n\
                     第二条 租赁期限：2021.3.1—2023.2.28。\n第 1 页 共 2 页",
        TextSource::TextLayer,
    );
    let p2 = page(
        2,
        "第三条 月租金人民币10,000元。\n签订日期：二〇二一年二月十日\n第 2 页 共 2 页",
        TextSource::TextLayer,
    );
    let u = &understand(&doc(vec![p1, p2]), None)[0];
    let v = |k: &str| u.fields.get(k).map(|f| f.value.clone());
    assert_eq!(v("lessor"), Some(json!("太原恒泰物业管理有限公司")));
    assert_eq!(v("lessee"), Some(json!("晋中星火实业有限公司")));
    assert_eq!(v("is_sublease"), Some(json!(true)));
    assert_eq!(v("term_end"), Some(json!("2023-02-28")));
    assert_eq!(
        v("rent"),
        Some(json!({"amount": 10000.0, "period": "month", "per_m2": false}))
    );
    assert_eq!(v("signed_on"), Some(json!("2021-02-10")));
    assert_eq!(u.fields["signed_on"].evidence.page, 2);
    assert_eq!(u.page_range, None);
}

#[test]
fn hint_wins_but_contradiction_is_noted() {
    let p = page(
        1,
        "专项审计报告\n晋华专审字〔2022〕第391号\n某某有限公司：\n我们接受委托……",
        TextSource::TextLayer,
    );
    let u = &understand(&doc(vec![p.clone()]), Some(DocumentKind::Lease))[0];
    assert_eq!(u.kind, DocumentKind::Lease);
    assert!(
        u.notes.iter().any(|n| n.contains("contradicts")),
        "{:?}",
        u.notes
    );
    let u = &understand(&doc(vec![p]), Some(DocumentKind::AuditReport))[0];
    assert_eq!(u.kind, DocumentKind::AuditReport);
    assert!(u.notes.is_empty());
    assert_eq!(
        u.fields["report_no"].value,
        json!("晋华专审字〔2022〕第391号")
    );
    assert_eq!(u.fields["audited_entity"].value, json!("某某有限公司"));
}

#[test]
fn certificate_table_and_proof() {
    let p = page(
        1,
        "不动产登记证明\n晋(2022)太原市不动产证明第0023456号\n证明权利或事项\n抵押权\n权利人（申请人）\n晋商银行股份有限公司\n\
                     义务人\n太原恒泰物业管理有限公司\n坐落\n山西省太原市小店区长治路227号\n不动产单元号\n140105001001GB00012F00010123",
        TextSource::TextLayer,
    );
    let u = &understand(&doc(vec![p]), None)[0];
    assert_eq!(u.kind, DocumentKind::PropertyCertificate);
    assert_eq!(u.fields["is_ownership_proof"].value, json!(false));
    assert_eq!(u.fields["owner"].value, json!("晋商银行股份有限公司"));
    assert_eq!(u.fields["right_type"].value, json!("抵押权"));
    assert_eq!(
        u.fields["unit_no"].value,
        json!("140105001001GB00012F00010123")
    );
    assert_eq!(
        u.fields["certificate_no"].value,
        json!("晋(2022)太原市不动产证明第0023456号")
    );
}

#[test]
fn packets_split_and_empty_uploads_say_why() {
    let pages = vec![
        page(
            1,
            "某公司\n省级小微企业创业创新基地申报材料\n目  录",
            TextSource::TextLayer,
        ),
        page(
            2,
            "国有土地使用证\n并国用（2010）第01234号\n土地使用权人\n某公司\n终止日期\n2060年12月31日",
            TextSource::TextLayer,
        ),
        page(3, "", TextSource::None),
        page(
            4,
            "房屋所有权证\n晋房权证太原字第00123456号\n房屋所有权人\n某公司\n建筑面积（㎡）\n1,234.56",
            TextSource::TextLayer,
        ),
    ];
    let got = understand(&doc(pages), None);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].kind, DocumentKind::LandCertificate);
    assert_eq!(got[0].page_range, Some([2, 2]));
    assert_eq!(got[0].fields["valid_until"].value, json!("2060-12-31"));
    assert_eq!(got[1].kind, DocumentKind::HouseOwnershipCertificate);
    assert_eq!(got[1].page_range, Some([4, 4]));
    assert_eq!(got[1].fields["area_m2"].value, json!(1234.56));
    let none = understand(&doc(vec![page(1, "", TextSource::None)]), None);
    assert_eq!(none.len(), 1);
    assert_eq!(none[0].kind, DocumentKind::Other);
    assert!(!none[0].notes.is_empty());
}

#[test]
fn address_in_a_clause_ends_before_what_is_let() {
    let text = "房屋租赁合同\n出租方（甲方）：太原市汾河物业管理有限公司\n承租方（乙方）：山西晋创科技有限公司\n一、甲方将位于太原市小店区长治路 88 号的厂房出租给乙方使用，\n租赁面积 3,260.5 平方米。";
    let u = understand(&doc(vec![page(1, text, TextSource::TextLayer)]), None);
    let fields = &u[0].fields;
    assert_eq!(fields["address"].value, json!("太原市小店区长治路88号"));
}
