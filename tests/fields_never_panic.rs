//! Property test: understanding never panics, whatever order the labels, clauses, dates and
//! punctuation of real documents come in. The engine slices text by byte offsets found by
//! regexes and by searches for Chinese punctuation (three bytes each); a slice that lands
//! inside a character panics, and the service then reports the document as `other` with a
//! `fields-crashed` error. A document's fragments shuffled at random reach offsets the
//! fixtures do not (a full stop just before a term word crashed one held-out lease).

use docverify::fields::understand;
use docverify::model::{DocumentKind, Extracted, Page, TextSource};
use proptest::prelude::*;

/// Pieces of leases, certificates and audit reports: labels, positions, clause openings,
/// dates, names, numbers, and punctuation that is three bytes wide.
const FRAGMENTS: &[&str] = &[
    "房屋租赁合同",
    "房屋转租合同",
    "不动产权证书",
    "房屋所有权证",
    "专项审计报告",
    "出租方(甲方):",
    "承租方(乙方):",
    "甲方(承租人):",
    "乙方(使用人)",
    "产权方:",
    "甲方",
    "乙方",
    "太原市晋阳科技有限公司",
    "大同市聚能物业管理有限责任公司/",
    "911407008LYEA2W501",
    "张三",
    "租赁期限",
    "租赁期限为60个月,",
    "自2021年1月1日起至2025年12月31日止",
    "二〇二〇年十一月二十八日",
    "2018/1/1至2022/12/31",
    "起租日:",
    "届满日为",
    "共五年",
    "甲方将位于太原市的房屋出租给乙方",
    "乙方承租甲方",
    "转租给",
    "以下简称“甲方”",
    "权利人",
    "坐落",
    "不动产",
    "单元号",
    "面积569.64㎡",
    "建筑面积:",
    "晋(2021)太原市不动产权第0012345号",
    "报告文号:",
    "晋明鉴专审【2021】359号",
    "统一编码",
    "20215399326217629359",
    "主要负责人:",
    "全体股东:",
    "会计师事务所(盖章)",
    "中国注册会计师(签名并盖章)",
    "山西恒远会计师事务所有限公司",
    "(盖章)",
    "(",
    ")",
    "（",
    "）",
    "。",
    "；",
    "：",
    "，",
    "、",
    "／",
    "—",
    "\n",
    "\n",
    "\n",
    "\t",
    " ",
];

fn page(text: String) -> Page {
    Page {
        number: 1,
        width: 1240,
        height: 1754,
        text,
        text_source: TextSource::TextLayer,
        spans: vec![],
        confidence: 1.0,
        codes: vec![],
        image_sha256: None,
        warnings: vec![],
    }
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 1..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn understanding_any_arrangement_never_panics(text in document(), hint in 0usize..6) {
        let hint = [
            None,
            Some(DocumentKind::Lease),
            Some(DocumentKind::PropertyCertificate),
            Some(DocumentKind::HouseOwnershipCertificate),
            Some(DocumentKind::AuditReport),
            Some(DocumentKind::LandCertificate),
        ][hint];
        let extracted = Extracted { media_type: "application/pdf".into(), pages: vec![page(text)] };
        // a panic fails the property; what is read is checked elsewhere
        let understood = understand(&extracted, hint);
        prop_assert!(!understood.is_empty());
    }
}
