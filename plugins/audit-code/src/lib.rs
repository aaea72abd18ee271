//! `audit.code`: the special audit report carries a queryable barcode or QR code, and what the
//! code carries agrees with the printed report number or verification code.
//!
//! Payload formats are not public, so a payload is opaque text: it agrees when it contains the
//! printed number or code (compared without white space and bracket shapes); it disagrees when
//! it carries a different report number (`…字〔YYYY〕第NNNN号`) or a code of the printed code's
//! shape that is another code (a bare payload, or a token of a URL such as `?code=…`): `fail`,
//! with both shown; anything else (an opaque payload) is `review`.

use docverify_plugin_sdk::*;

const RULE: &str = "audit.code";

struct AuditCode;

/// Comparable form: NFKC, no white space, every bracket shape the same, no 第/号 decoration.
fn squash(s: &str) -> String {
    names::normalize(s)
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '第' | '号'))
        .collect()
}

/// The year and serial of a report number (`…字〔2021〕第0123号` → `2021-123`): the part a
/// payload and the print must share, whatever abbreviation of the firm precedes it, and
/// however many zeros pad the serial (第0123号 and 第123号 are one report).
fn number_key(s: &str) -> Option<String> {
    let s = names::normalize(s);
    let start = s.find('字')?;
    let end = start + s[start..].find('号')?;
    let groups: Vec<&str> = s[start..end]
        .split(|c: char| !c.is_ascii_digit())
        .map(|g| g.trim_start_matches('0'))
        .filter(|g| !g.is_empty())
        .collect();
    (!groups.is_empty()).then(|| groups.join("-"))
}

/// A token of `payload` (a URL's query value, a bare code, a line of text) that has the shape
/// of the printed code (same length, digits and letters in the same places) but is another
/// code: the payload names a different report. An issuer's tag of letters may lead the code
/// with nothing between (`SXICPA` + the code): the token's tail is then the code. Opaque
/// payloads hold no such token.
fn same_shape_other(payload: &str, printed: &str) -> Option<String> {
    let printed: Vec<char> = printed.chars().collect();
    let hyphened = printed.contains(&'-');
    // a code whose parts dots join (SXBG.2023.5049664) is one token with its dots
    let dotted = printed.contains(&'.');
    if printed.iter().filter(|c| c.is_ascii_alphanumeric()).count() < 8
        || !printed
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
    {
        return None;
    }
    // a code's shape is where its digits, letters and hyphens stand; a hyphened code in
    // hexadecimal (a UUID) mixes digits and letters at random, so its shape is where its
    // hyphens stand
    let hex = hyphened && printed.iter().all(|c| c.is_ascii_hexdigit() || *c == '-');
    let class = |c: char| match c {
        '-' => 0,
        '.' => 4,
        c if hex && c.is_ascii_hexdigit() => 1,
        c if c.is_ascii_digit() => 2,
        _ => 3,
    };
    // hyphens that group a long code's digits for the eye say nothing: a payload's grouped
    // code is compared without them when the printed code has none (`1420-1375-…` against
    // `14201375…`); a short one is not joined across hyphens (a date, `2021-01-12`)
    let grouped = hyphened || printed.len() >= 12;
    names::normalize(payload)
        .split(|c: char| {
            !(c.is_ascii_alphanumeric() || (grouped && c == '-') || (dotted && c == '.'))
        })
        .find_map(|token| {
            // joined across hyphens only when the token is groups of digits (1420-1375-…),
            // not a file name or a slug (`report-20210112-103015`)
            let joined = !hyphened && token.contains('-');
            if joined
                && !(token.split('-').count() >= 3
                    && token.split('-').all(|g| {
                        (3..=6).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit())
                    }))
            {
                return None;
            }
            let chars: Vec<char> = token.chars().filter(|&c| hyphened || c != '-').collect();
            let tag = chars.len().checked_sub(printed.len())?;
            let code = &chars[tag..];
            let tagged =
                (tag == 0 || !joined) && chars[..tag].iter().all(char::is_ascii_alphabetic);
            let other = tagged
                && !code
                    .iter()
                    .zip(&printed)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
                && code
                    .iter()
                    .zip(&printed)
                    .all(|(a, b)| class(*a) == class(*b));
            other.then(|| code.iter().collect::<String>())
        })
}

fn judge(report: Doc) -> Finding {
    let id = report.id();
    let printed: Vec<FieldRef> = ["report_no", "report_code"]
        .iter()
        .filter_map(|n| report.text(n))
        .collect();
    if report.doc.codes.is_empty() {
        let failed = report
            .doc
            .errors
            .iter()
            .any(|e| e.stage == "extract" || e.stage == "ocr");
        let (status, zh, en) = if failed {
            (
                Status::Review,
                "未识别到条形码或二维码，但该材料的提取有错误，需人工核对",
                "no barcode or QR code was read, but extracting this document had errors; check by hand",
            )
        } else if report.flag("code_shown") {
            // the report's own words say a code is there (扫码查验, 二维码), or a picture shows
            // one no reader decoded: not reading it is our failure, not the report's
            (
                Status::Review,
                "报告上写明或显示附有二维码或条形码，但未能读出，需人工核对",
                "the report says or shows that it carries a QR code or barcode, but none could be read; check by hand",
            )
        } else {
            (
                Status::Fail,
                "审计报告上没有找到可查询的条形码或二维码",
                "no queryable barcode or QR code was found on the audit report",
            )
        };
        return finding(
            RULE,
            status,
            msg(format!("{id}：{zh}"), format!("{id}: {en}")),
            vec![report.evidence()],
        );
    }
    if printed.is_empty() {
        return missing(
            RULE,
            &report,
            "report_no/report_code",
            "报告编号或验证码",
            "report number or verification code",
        );
    }
    if let Some(weak) = unreliable(RULE, &printed) {
        return weak;
    }
    let mut evidence: Vec<_> = printed.iter().map(|f| f.evidence()).collect();
    for c in &report.doc.codes {
        evidence.push(EvidenceRef {
            document: id.into(),
            field: None,
            page: Some(c.page),
            text: Some(c.text.clone()),
        });
    }
    let wanted: Vec<(String, &str)> = printed
        .iter()
        .map(|f| (squash(f.as_str().unwrap_or_default()), f.name()))
        .collect();
    // hyphens that group a code for the eye are not part of what it says: the print and the
    // symbol may group it differently, or one of them not at all
    let bare = |s: &str| s.replace('-', "");
    for c in &report.doc.codes {
        let payload = squash(&c.text);
        if let Some((_, name)) = wanted.iter().find(|(w, _)| {
            !w.is_empty() && (payload.contains(w.as_str()) || bare(&payload).contains(&bare(w)))
        }) {
            return finding(
                RULE,
                Status::Pass,
                msg(
                    format!(
                        "{id}：第 {} 页的{}码含有印刷的{}",
                        c.page,
                        c.symbology,
                        if *name == "report_no" {
                            "报告编号"
                        } else {
                            "验证码"
                        }
                    ),
                    format!(
                        "{id}: the {} on page {} carries the printed {}",
                        c.symbology,
                        c.page,
                        name.replace('_', " ")
                    ),
                ),
                evidence,
            );
        }
    }
    let report_no = report
        .text("report_no")
        .and_then(|f| number_key(f.as_str().unwrap_or_default()));
    let report_code = report
        .text("report_code")
        .map(|f| squash(f.as_str().unwrap_or_default()));
    for c in &report.doc.codes {
        let other_no = number_key(&c.text)
            .filter(|n| report_no.as_ref().is_some_and(|r| r != n))
            .map(|_| c.text.trim().to_string());
        let other_code = report_code
            .as_deref()
            .and_then(|printed| same_shape_other(&c.text, printed));
        if let Some(carried) = other_code.or(other_no) {
            let printed = report_code
                .clone()
                .or_else(|| report.text("report_no").map(|f| f.display()))
                .unwrap_or_default();
            // what the code carries is printed on the report too: the number we compared with
            // may have been read from the wrong line, so a person decides
            let elsewhere = report
                .field("printed_code_tokens")
                .and_then(|f| f.as_texts())
                .unwrap_or_default()
                .into_iter()
                .find(|t| {
                    squash(t) == squash(&carried)
                        || number_key(t).is_some_and(|n| number_key(&c.text) == Some(n))
                });
            if let Some(t) = elsewhere {
                return finding(
                    RULE,
                    Status::Review,
                    msg(
                        format!(
                            "{id}：第 {} 页的{}码载有「{carried}」，与读出的「{printed}」不同，但报告上另有印刷的「{t}」，需人工核对",
                            c.page, c.symbology
                        ),
                        format!(
                            "{id}: the {} on page {} carries '{carried}', unlike the '{printed}' read, but the report also prints '{t}'; check by hand",
                            c.symbology, c.page
                        ),
                    ),
                    evidence,
                );
            }
            return finding(
                RULE,
                Status::Fail,
                msg(
                    format!(
                        "{id}：第 {} 页的{}码载有「{carried}」，与印刷的「{printed}」不符",
                        c.page, c.symbology
                    ),
                    format!(
                        "{id}: the {} on page {} carries '{carried}', which disagrees with the printed '{printed}'",
                        c.symbology, c.page
                    ),
                ),
                evidence,
            );
        }
    }
    finding(
        RULE,
        Status::Review,
        msg(
            format!(
                "{id}：找到 {} 个码，但无法确认其内容与印刷的报告编号/验证码对应，需人工核对",
                report.doc.codes.len()
            ),
            format!(
                "{id}: {} code(s) found, but what they carry cannot be matched to the printed number / code; check by hand",
                report.doc.codes.len()
            ),
        ),
        evidence,
    )
}

impl Plugin for AuditCode {
    const ID: &'static str = "audit-code";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: (&'static str, &'static str) = (
        "专项审计报告带有可查询的条形码或二维码",
        "the special audit report carries a queryable code",
    );
    const RULES: &'static [&'static str] = &[RULE];

    fn check(ctx: &Ctx) -> Vec<Finding> {
        let reports = ctx.of_kind(&[DocumentKind::AuditReport]);
        if reports.is_empty() {
            return vec![not_applicable(
                RULE,
                "没有专项审计报告",
                "no special audit report",
            )];
        }
        reports.into_iter().map(judge).collect()
    }
}

plugin!(AuditCode);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_code_of_the_printed_codes_shape() {
        // digits and letters in the same places
        assert_eq!(
            same_shape_other(
                "https://x.cn/r?code=140120239037544400",
                "140120239037544411"
            ),
            Some("140120239037544400".into())
        );
        assert_eq!(
            same_shape_other(
                "https://x.cn/r?code=140120239037544411",
                "140120239037544411"
            ),
            None
        );
        // a UUID: hexadecimal digits anywhere, hyphens in the same places
        assert_eq!(
            same_shape_other(
                "http://bgcx.example.gov.cn/q/827f991a-097f-414e-aabd-b053f4f4e60c/20200226",
                "827f991a-197f-411e-aabe-b053f4f4e60c"
            ),
            Some("827f991a-097f-414e-aabd-b053f4f4e60c".into())
        );
        assert_eq!(
            same_shape_other(
                "http://bgcx.example.gov.cn/q/827F991A-197F-411E-AABE-B053F4F4E60C",
                "827f991a-197f-411e-aabe-b053f4f4e60c"
            ),
            None
        );
        // parts joined by dots: the token with its dots, the dots in the same places
        assert_eq!(
            same_shape_other("BGFW*SXBG.2067.6615681*20210112", "SXBG.2021.6615081"),
            Some("SXBG.2067.6615681".into())
        );
        assert_eq!(
            same_shape_other("报告防伪码SXBG.2021.6615081(20210112)", "SXBG.2021.6615081"),
            None
        );
        // letters and digits in turn: not taken for hexadecimal
        assert_eq!(
            same_shape_other("Z9Y8X7W6V5", "A1B2C3D4E5"),
            Some("Z9Y8X7W6V5".into())
        );
        // an opaque token is no code
        assert_eq!(
            same_shape_other("https://x.cn/v?t=Zq81kP", "140120239037544411"),
            None
        );
        // an issuer's tag of letters leading the code: the tail is the code
        assert_eq!(
            same_shape_other("SXICPABB14202002186210", "BB14202072156219"),
            Some("BB14202002186210".into())
        );
        assert_eq!(
            same_shape_other("SXICPABB14202072156219", "BB14202072156219"),
            None
        );
        // a code grouped by hyphens in the payload, printed (or read) without them
        assert_eq!(
            same_shape_other("https://x.cn/q?c=1420-1375-2713-0399", "1420137527130334"),
            Some("1420137527130399".into())
        );
        assert_eq!(
            same_shape_other("https://x.cn/q?c=1420-1375-2713-0334", "1420137527130334"),
            None
        );
        // a file name's parts joined by hyphens are no code
        assert_eq!(
            same_shape_other(
                "https://x.cn/files/report-20210112-103015.pdf",
                "14202072156219"
            ),
            None
        );
        // a date in the payload is no code of a short printed code's shape
        assert_eq!(
            same_shape_other("https://x.cn/q?d=2021-01-12", "20210113"),
            None
        );
        // ...but digits before a code of the shape are no tag: a longer number is opaque
        assert_eq!(same_shape_other("9914202002186210", "14202072156219"), None);
    }
}
