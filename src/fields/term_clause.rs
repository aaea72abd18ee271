//! A lease's term read from the clause that names it by what each date is marked as, in
//! whatever order and over however many lines the clause sets them: `租用期间:共8年,\n
//! 2018/12/1起,\n2026/11/30止`, `租期届满日为DATE,起租日为DATE`, `租赁期限从DATE开始计算,截止于
//! DATE`, `租赁期\n起始:DATE\n终止:DATE`, a table's `入驻期` column over `DATE\n至DATE`. The
//! kind's patterns read the forms they know; this reads the term where none of them did. A
//! clause about another period (a deposit, a renewal, the head lease's term) reads nothing,
//! and so does one in a sentence citing another contract, or one with more or fewer than one
//! start and one end.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::{DATE_RE, parse_date};
use super::kinds::{self, NOT_THE_TERM, NOT_THE_TERM_ALONE, TERM_WORD};
use super::text::regex;

/// The term's words, and the tenant's renting of the place said with it (`乙方租用该房屋捌年,从
/// DATE算起,到DATE为止`, `次租用人使用转租房屋,从DATE算起,用到DATE为止`), or the place's use
/// or lease as the clause's subject (`本协议项下房屋的使用自DATE开始,至DATE截止`, `转租自DATE生效,
/// 到DATE期满`).
static TERM: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        "{TERM_WORD}|(?:租用|承租)(?:该|此|上述|前述)(?:房屋|场地|厂房|物业)|(?:租用|承租|使用)(?:该|此|上述|前述|转租|所租的?)(?:房屋|场地|厂房|物业|房间),?(?:自|从)|(?:房屋|场地|厂房|物业)的(?:使用|租用|租赁|占用)(?:自|从)|(?:租赁|转租|分租|租用)(?:自|从|由|以)"
    ))
    .expect("static regex")
});
static NOT_TERM: LazyLock<Regex> = LazyLock::new(|| regex(NOT_THE_TERM).expect("static regex"));
/// A sentence citing another contract (`双方曾于DATE签订编号为…的《房屋租赁合同》,…,租期从…`, a
/// renewal's recital of the lease it renews): that contract's period, for this reader and for
/// the engine's term patterns (`kinds::CITES_A_CONTRACT`, compiled once).
pub(super) static CITES_A_CONTRACT: LazyLock<Regex> =
    LazyLock::new(|| regex(kinds::CITES_A_CONTRACT).expect("static regex"));
/// …and a year of a rent plan (`第一年DATE至DATE租金为…`): where the term's clause ends.
static NOT_TERM_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| regex(NOT_THE_TERM_ALONE).expect("static regex"));
static DATE: LazyLock<Regex> = LazyLock::new(|| regex(&DATE_RE).expect("static regex"));

/// A first day's mark after it (`以DATE为首日`, `DATE是起租日`)…
const FIRST_DAY_AFTER: &str =
    "(?:为|是|作为)(?:租期|租赁期|合同期)?的?(?:首日|第一天|第一日|起始日|起租日|起算日|开始日|始)";
/// …and a last day's (`以DATE为末日`).
const LAST_DAY_AFTER: &str = "(?:为|是|作为)(?:租期|租赁期|合同期)?的?(?:末日|最后一天|最后一日|截止日|到期日|终止日|届满日|终)";
/// What stands just before a first day (`自`, `始于`, `起始:`, `起租日为`, `起租于`, `首租日`)…
static START_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:自|从|由|始于|起于|开始于|起始日?期?|起租日?期?|(?:首|始)租日期?|开始日?期?|起算日|计租日|第一天|第一日|首日|起)(?:为|是|:|于)?$")
        .expect("static regex")
});
/// …or after it (`起`, `开始计算`), or a dash or 至 with the last day after it (a range).
static START_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:起|开始|始|计起|{FIRST_DAY_AFTER}|(?:\n?(?:至|到|—{{1,2}}|~|－|-)\n?(?:{})))",
        DATE_RE.as_str()
    ))
    .expect("static regex")
});
/// What stands just before a last day (`至`, `截止于`, `迄于`, `终止:`, `届满日为`, `终租日为`, `止租于`,
/// `末租日`)…
static END_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:至|到|截止于|截止至|截止|截至|止于|终于|迄于|迄至|讫于|迄|讫|(?:终止|终租|止租|末租|到期|届满|届止|结束|截止)日?期?|最后一天|最后一日|末日|止|—|~)(?:为|是|:|于)?$")
        .expect("static regex")
});
/// A part after a semicolon that names the last day (`;终止:DATE`), the term's clause going on.
static END_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^\s*(?:租赁期限|租赁期|租期|合同期)?(?:终止|终租|止租|到期|届满|截止|结束)(?:日期|日|时间)?(?:为|是|:)?\s*(?:{})",
        DATE_RE.as_str()
    ))
    .expect("static regex")
});
/// A day-word made the last by an ordinal before it (`末个计租日`, `最后一个租赁日`): an end,
/// though the day-word alone (`计租日`) would mark a start.
static LAST_BY_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:末个|末一个|最末一个|最末|最后一个|最后)\p{Han}{0,2}日(?:为|是|:|于)?$")
        .expect("static regex")
});
/// …or after it (`止`, `结束`, `届满`, `为末日`).
static END_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        "^(?:止|结束|终止|届满|届止|到期|期满|满期|{LAST_DAY_AFTER})"
    ))
    .expect("static regex")
});

/// How far a term's clause reaches after its word when no full stop ends it sooner (a form's
/// cells: the word, then each dated line).
const REACH: usize = 160;

/// The byte ranges of the term's first and last day in `text`, from the first clause that
/// names the term and marks exactly one date as its start and one, later, as its end.
pub fn marked_term(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    for word in TERM.find_iter(text) {
        // the sentence up to the word, and the word, speak of another period (`原租赁合同的租赁期`,
        // `原租约期限`, `免租期`), or cite another contract by its title or number
        let sentence_start = text[..word.start()]
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '。' | ';' | '\n'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let sentence = &text[sentence_start..word.end()];
        if NOT_TERM.is_match(sentence) || CITES_A_CONTRACT.is_match(sentence) {
            continue;
        }
        let next_stop = |from: usize| {
            text[from..]
                .find(['。', ';'])
                .map_or(text.len(), |i| from + i)
        };
        let mut end = next_stop(word.end());
        // a semicolon between the marked days (`起始:DATE;终止:DATE`) parts no clauses
        while text[end..].starts_with(';') && END_PART.is_match(&text[end + 1..]) {
            end = next_stop(end + 1);
        }
        end = end.min(text.floor_char_boundary(word.end() + REACH));
        if let Some(m) = NOT_TERM_CLAUSE.find(&text[word.end()..end]) {
            end = word.end() + m.start();
        }
        // (a word read with the 自 after it leaves 自 to mark the first day)
        let from = if word.as_str().ends_with(['自', '从']) {
            word.end() - '自'.len_utf8()
        } else {
            word.end()
        };
        let clause = from..end;
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        for d in DATE.find_iter(&text[clause.clone()]) {
            let at = clause.start + d.start()..clause.start + d.end();
            let before: String = text[clause.start..at.start]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let after = text[at.end..clause.end].trim_start_matches(' ');
            let last = LAST_BY_ORDINAL.is_match(&before);
            let is_start = !last && (START_BEFORE.is_match(&before) || START_AFTER.is_match(after));
            let is_end = last || END_BEFORE.is_match(&before) || END_AFTER.is_match(after);
            match (is_start, is_end) {
                (true, false) => starts.push(at),
                (false, true) => ends.push(at),
                _ => {}
            }
        }
        if let ([a], [b]) = (starts.as_slice(), ends.as_slice())
            && let (Ok(first), Ok(last)) =
                (parse_date(&text[a.clone()]), parse_date(&text[b.clone()]))
            && first < last
        {
            return Some((a.clone(), b.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str) -> Option<(String, String)> {
        marked_term(text).map(|(a, b)| (text[a].to_string(), text[b].to_string()))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.into(), b.into()))
    }

    #[test]
    fn a_sentence_ended_by_a_full_stop_before_the_term_word() {
        // the full stop is three bytes: the sentence after it starts after all three
        assert_eq!(
            term("装修期内免收租金。租赁期限自2021年1月1日起至2025年12月31日止。"),
            pair("2021年1月1日", "2025年12月31日")
        );
        assert_eq!(
            term("租金每年递增5%。租赁期限为60个月,自交付之日起计算。"),
            None
        );
    }

    #[test]
    fn dates_marked_as_start_and_end_in_any_order_and_over_lines() {
        assert_eq!(
            term("1.3 租用期间:共8年,\n2018/12/1起,\n2026/11/30止。"),
            pair("2018/12/1", "2026/11/30")
        );
        assert_eq!(
            term(
                "第二条【租期】租期3年6个月,租期届满日为二零二四年五月三十一日,起租日为二零二零年十二月一日。"
            ),
            pair("二零二零年十二月一日", "二零二四年五月三十一日")
        );
        assert_eq!(
            term("1.租赁期限从贰零贰贰年壹拾贰月壹日开始计算,截止于贰零贰柒年壹拾壹月贰拾玖日。"),
            pair("贰零贰贰年壹拾贰月壹日", "贰零贰柒年壹拾壹月贰拾玖日")
        );
        assert_eq!(
            term(
                "第二条乙方租用该房屋伍年,从二〇二一年一月一日算起,到二〇二五年十二月三十一日为止。"
            ),
            pair("二〇二一年一月一日", "二〇二五年十二月三十一日")
        );
        assert_eq!(
            term("二、本合同的租期4年,租期第一天为2018.3.1,租期最后一天为2022.2.28。"),
            pair("2018.3.1", "2022.2.28")
        );
        assert_eq!(
            term("2、租期三年,起始:2017年9月15日;终止:2020年9月14日。"),
            pair("2017年9月15日", "2020年9月14日")
        );
        assert_eq!(
            term("租赁期\n起始:2018-01-01\n终止:2022-12-30\n租金\n租金标准为每月13元,按半年支付。"),
            pair("2018-01-01", "2022-12-30")
        );
        assert_eq!(
            term(
                "楼栋房号\n面积\n入驻期\n3号楼821\n224.04平方米\n2022-09-01\n至2024-08-31\n第三条"
            ),
            pair("2022-09-01", "2024-08-31")
        );
        assert_eq!(
            term("①转租期自二零二零年十二月一日开始,于二零二一年十一月三十日结束,共1年。"),
            pair("二零二零年十二月一日", "二零二一年十一月三十日")
        );
        assert_eq!(
            term("第2款 本协议项下场地的使用自2019年3月1日开始,至2024年2月28日截止。"),
            pair("2019年3月1日", "2024年2月28日")
        );
        assert_eq!(
            term("2．分租自2020.3.1生效,到2021.2.28期满,共12个月。"),
            pair("2020.3.1", "2021.2.28")
        );
        assert_eq!(
            term("租赁期间\n首个计租日2022年1月1日,末个计租日2026年12月30日\n点交日"),
            pair("2022年1月1日", "2026年12月30日")
        );
        // marks after the days, and an end marked by 迄于
        assert_eq!(
            term("2.双方议定的租赁期:以2020年1月1日为首日,以2024年12月31日为末日,为期五年。"),
            pair("2020年1月1日", "2024年12月31日")
        );
        assert_eq!(
            term("第三条 租赁期限\n租赁期限始自二零一八年一月十五日,迄于二零二三年一月十三日。"),
            pair("二零一八年一月十五日", "二零二三年一月十三日")
        );
        assert_eq!(
            term(
                "〔1〕转租房间交由转租使用单位使用的期间为24个月,第一天是2022年04月01日,最后一天是2024年03月31日。"
            ),
            pair("2022年04月01日", "2024年03月31日")
        );
        // a letting counted from (由) a day and run out (满期) on another
        assert_eq!(
            term("3.本次租赁由2021年5月1日起算,到2026年4月30日满期,合计五年。"),
            pair("2021年5月1日", "2026年4月30日")
        );
        assert_eq!(
            term("二、租用年限\n租用以2021年5月1日为始,以2026年4月30日为终。"),
            pair("2021年5月1日", "2026年4月30日")
        );
        // the first and last days the rent runs (首租日 / 末租日) under a heading of their own
        assert_eq!(
            term("【租期】\n租赁为期四年,首租日2019.03.01,末租日2023.02.28。"),
            pair("2019.03.01", "2023.02.28")
        );
        // the lease's lasting (存续) period, its end 届止
        assert_eq!(
            term("第三款 租赁存续期间:二〇一九年五月一日起,二〇二四年四月三十日届止。"),
            pair("二〇一九年五月一日", "二〇二四年四月三十日")
        );
    }

    #[test]
    fn other_periods_and_unmarked_or_lone_dates_read_nothing() {
        // the head lease's term in a sublease's recital: an end alone
        assert_eq!(term("该合同租期至2025-06-14。经原出租人同意"), None);
        // a period named before the term word is another's
        assert_eq!(
            term("原租赁合同的租赁期限自2020年1月1日起至2025年12月31日止。"),
            None
        );
        // a deposit's date after the term word ends the clause
        assert_eq!(
            term("租赁期内乙方须在2018/11/3以前交付押金,2018/12/1起算。"),
            None
        );
        // two dates without marks
        assert_eq!(term("租赁期限:2018-01-01,2022-12-30。"), None);
        // an end before the start
        assert_eq!(term("租期自2025年1月1日起,2020年1月1日止。"), None);
    }
}
