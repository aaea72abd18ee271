//! Dates, date ranges and durations in every form the application documents use.
//!
//! Dates: 2020年1月1日, 2020年01月01日, 二〇二〇年一月一日, 二零二零年…, 贰零贰零年壹月壹日,
//! 2020.1.1, 2020-01-01, 2020/1/1 (with stray spaces and full-width forms). Ranges: 自…起至…止,
//! …至…, …—…, 从…到…. Durations: 5年, 伍年, 五（5）年, 60个月, 3年6个月, 三年零六个月. A blank
//! template date (__年__月__日) is [`DateError::Unfilled`], not a date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::numbers::parse_cn_int;
use super::text::{normalise, regex};

/// Characters of a Chinese year (digit by digit).
const CN_DIGITS: &str = "〇零○O一二三四五六七八九壹贰叁肆伍陆柒捌玖两";
/// Characters of a Chinese month or day (with 十/拾).
const CN_SMALL: &str = "〇零一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾两廿";

/// Regex source matching one date in normalised text (see [`super::text::Norm`]). A date in
/// a narrow cell may wrap (`2022年03月31` / `日`): line breaks may stand between its parts.
/// OCR may lose the small round 〇 of a Chinese year (`二一九年` for 二〇一九年): a year of
/// three digits led by 二 is that year.
pub static DATE_RE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:\d{{4}}\n? ?年\n? ?\d{{1,2}}\n? ?月\n? ?\d{{1,2}}\n? ?日|(?:[{CN_DIGITS}]{{4}}|二[{CN_DIGITS}]{{2}})年[{CN_SMALL}]{{1,3}}月[{CN_SMALL}]{{1,4}}日|\d{{4}}[./-] ?\d{{1,2}}[./-] ?\d{{1,2}})"
    )
});

/// Regex source matching a blank date of a template (____年__月__日, or spaces only).
pub const BLANK_DATE_RE: &str = r"_*\s*年\s*_*\s*月\s*_*\s*日";

/// Regex source matching a range of two dates (groups `a` and `b`).
///
/// OCR reads a printed dash (—) between two dates as the numeral 一, which looks the same; a
/// date always ends in 日 or a digit, so a 一 right after it can only be the separator.
pub static RANGE_RE: LazyLock<String> = LazyLock::new(|| {
    let d = DATE_RE.as_str();
    // an hour may follow either date (自…零时起至…二十四时止), and a short note in brackets
    // ((含): the day counts; (起租日), (届满日): what the day is); the ends may stand in two
    // clauses (DATE起,DATE止); a dash may be doubled (——, as a Chinese dash is typed)
    let hour = r"(?:(?:[0-9]{1,2}|[零〇一二三四五六七八九十廿]{1,3})(?:时|点)(?:整)?)?(?:\([^()0-9\n]{1,8}\))?";
    // the words after the first date that say the term starts there (起, 开始计算, a 契约's 始,
    // 起租; the day named as the start, `以DATE为起租日、DATE为到期日`)
    // (`DATE开始租用,DATE租用期满`: the start named with the kind of use)
    let from = "开始计算|起计算|开始租用|开始使用|开始承租|开始租赁|开始计租|起计|计起|起算|算起|开始|起租|起|始|为(?:起租日|起始日|起租之日|开始日|租赁起始日|租期起始日)";
    // the words before the second date (至, 到, 截止至); after a first date marked as the start
    // and a comma, also 于 (`自DATE开始,于DATE结束`), the second date maybe on the next line
    let until = "截止于|截止至|截止到|截至|截止|止于|至|到";
    // …and after the second that it ends there
    let to = "止|结束|终止|终|届满|期满|为(?:到期日|届满日|终止日|截止日|租赁终止日|租期届满日)";
    format!(
        r"(?:自|从|以)?(?P<a>{d}){hour}(?:(?:{from})?(?:{until}|—{{1,2}}|~|-{{1,2}}|－{{1,2}}|一)|(?:{from})[,、]\n?(?:租至|{until}|于)?)(?P<b>{d}){hour}(?:{to})?"
    )
});

/// Regex source matching a duration (租期 5 年, 伍年, 五(5)年, 60个月, 3年6个月). At most three
/// Arabic digits: `租赁期限2020年3月1日…` (OCR dropped the colon) starts a date, not a term.
pub const DURATION_RE: &str = r"(?:[0-9]{1,3}|[一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾]+)(?:\([0-9]+\))?(?:(?:周|个租赁|个)?年度?(?:零?(?:[0-9]+|[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]+)个月)?|个月)";

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// A template's blank (____年__月__日): there is no date to read.
    #[error("unfilled date blank")]
    Unfilled,
    /// Not a date in any known form, or not a calendar day.
    #[error("not a date: {0}")]
    Invalid(String),
}

static ARABIC: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$").expect("static regex"));
static SEPARATED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(\d{4})([./-])(\d{1,2})([./-])(\d{1,2})$").expect("static regex"));
static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^([{CN_DIGITS}0-9]{{4}}|二[{CN_DIGITS}]{{2}})年([{CN_SMALL}0-9]{{1,3}})月([{CN_SMALL}0-9]{{1,4}})日$"
    ))
    .expect("static regex")
});
static BLANK: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!("^{BLANK_DATE_RE}$")).expect("static regex"));

/// Parses one date in any supported form.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    if BLANK.is_match(s.trim()) {
        return Err(DateError::Unfilled);
    }
    let n: String = normalise(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('廿', "二十");
    let invalid = || DateError::Invalid(s.to_string());
    let (y, m, d) = if let Some(c) = ARABIC.captures(&n) {
        (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok())
    } else if let Some(c) = SEPARATED.captures(&n) {
        if c[2] != c[4] {
            return Err(invalid());
        }
        (c[1].parse().ok(), c[3].parse().ok(), c[5].parse().ok())
    } else if let Some(c) = CHINESE.captures(&n) {
        let year = if c[1].chars().count() == 3 {
            c[1].replacen('二', "二〇", 1)
        } else {
            c[1].to_string()
        };
        (
            parse_cn_int(&year),
            parse_cn_int(&c[2]),
            parse_cn_int(&c[3]),
        )
    } else {
        return Err(invalid());
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(invalid());
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(invalid)
}

/// A duration as written, normalised to whole years and remaining months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Duration {
    pub years: u32,
    pub months: u32,
}

impl Duration {
    /// From a total of months (12 months make a year).
    pub fn from_months(total: u32) -> Duration {
        Duration {
            years: total / 12,
            months: total % 12,
        }
    }
}

static DURATION_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?P<n>[^()年个月]+)(?:\((?P<p>[0-9]+)\))?(?P<u>年|个月)(?:零?(?P<m>[^()年个月]+)个月)?$",
    )
    .expect("static regex")
});

/// Parses a duration: 5年, 伍年, 五（5）年, 60个月, 3年6个月, 三年零六个月.
pub fn parse_duration(s: &str) -> Option<Duration> {
    // 五周年 is five years
    let n: String = normalise(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace("周年", "年")
        // 五个租赁年度 is five years too
        .replace("个租赁年度", "年")
        .replace("个租赁年", "年")
        .replace("个年度", "年")
        .replace("年度", "年");
    let c = DURATION_PARTS.captures(&n)?;
    // Chinese numerals count a length with their units (二十二年); digits one after another
    // (二二年) are a year that lost its 〇 to OCR, not a length.
    let counted = |s: &str| {
        s.chars().count() < 2
            || s.chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '十' | '拾' | '百' | '佰'))
    };
    if !counted(&c["n"]) || c.name("m").is_some_and(|m| !counted(m.as_str())) {
        return None;
    }
    // 五（5）年: the Arabic figure in brackets is the one to trust; they must agree.
    let main = parse_cn_int(&c["n"])?;
    if let Some(p) = c.name("p") {
        let p: u32 = p.as_str().parse().ok()?;
        if p != main {
            return None;
        }
    }
    let extra = match c.name("m") {
        Some(m) => parse_cn_int(m.as_str())?,
        None => 0,
    };
    match &c["u"] {
        "年" => Some(Duration::from_months(
            main.checked_mul(12)?.checked_add(extra)?,
        )),
        _ if extra == 0 => Some(Duration::from_months(main)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_date_form() {
        for s in [
            "2024年12月31日",
            "2024年 12 月 31 日",
            "二〇二四年十二月三十一日",
            "二零二四年十二月三十一日",
            "贰零贰肆年壹拾贰月叁拾壹日",
            "贰零贰肆年拾贰月叁拾壹日",
            "2024.12.31",
            "2024-12-31",
            "2024/12/31",
            "２０２４年１２月３１日",
        ] {
            assert_eq!(parse_date(s), Ok(d(2024, 12, 31)), "{s}");
        }
        assert_eq!(parse_date("2020.1.1"), Ok(d(2020, 1, 1)));
        assert_eq!(parse_date("二〇二〇年一月一日"), Ok(d(2020, 1, 1)));
        // OCR lost the 〇 (a scan's 二〇一九年)
        assert_eq!(parse_date("二一九年一月一日"), Ok(d(2019, 1, 1)));
        assert!(parse_date("一九年一月一日").is_err());
    }

    #[test]
    fn blanks_and_nonsense() {
        assert_eq!(parse_date("____年__月__日"), Err(DateError::Unfilled));
        assert_eq!(parse_date("    年   月   日"), Err(DateError::Unfilled));
        assert!(matches!(
            parse_date("2021年2月30日"),
            Err(DateError::Invalid(_))
        ));
        assert!(matches!(parse_date("2021.2-3"), Err(DateError::Invalid(_))));
        assert!(matches!(parse_date("租赁期限"), Err(DateError::Invalid(_))));
    }

    #[test]
    fn durations() {
        let y = |years, months| Some(Duration { years, months });
        assert_eq!(parse_duration("5年"), y(5, 0));
        assert_eq!(parse_duration("伍年"), y(5, 0));
        assert_eq!(parse_duration("贰周年"), y(2, 0));
        assert_eq!(parse_duration("十个租赁年度"), y(10, 0));
        assert_eq!(parse_duration("五个年度"), y(5, 0));
        assert_eq!(parse_duration("五（5）年"), y(5, 0));
        assert_eq!(parse_duration("60个月"), y(5, 0));
        assert_eq!(parse_duration("42个月"), y(3, 6));
        assert_eq!(parse_duration("3年6个月"), y(3, 6));
        assert_eq!(parse_duration("三年零六个月"), y(3, 6));
        assert_eq!(parse_duration("叁年陆个月"), y(3, 6));
        assert_eq!(parse_duration("十年"), y(10, 0));
        assert_eq!(parse_duration("五（6）年"), None);
        // a year whose 〇 OCR lost (二〇二〇年 read 二二年) is no length of 22 years
        assert_eq!(parse_duration("二二年"), None);
        assert_eq!(parse_duration("二十二年"), y(22, 0));
    }

    #[test]
    fn range_regex_finds_both_ends() {
        let re = regex(&RANGE_RE).unwrap();
        for s in [
            "自2020年1月1日起至2024年12月31日止",
            "2020.1.1至2024.12.31",
            "2020-01-01—2024-12-31",
            "从二〇二〇年一月一日到二〇二四年十二月三十一日",
            // OCR reading of the dash
            "贰零贰零年壹月壹日一贰零贰肆年壹拾贰月叁拾壹日",
            "二〇二〇年一月一日一二〇二四年十二月三十一日",
            "2020-01-01一2024-12-31",
            // a doubled dash
            "2020.1.1——2024.12.31",
            "2020-01-01--2024-12-31",
            // hours of the day, a range that 开始…结束
            "自二零二零年一月一日零时起至二零二四年十二月三十一日二十四时止",
            "从2020年1月1日开始至2024年12月31日结束",
            // the two ends as two clauses of one sentence
            "2020年1月1日起,2024年12月31日止",
            // a 契约's 始 and 终
            "自贰零贰零年壹月壹日始，至贰零贰肆年拾贰月叁拾壹日终",
            "自2020年01月01日开始计算，至2024年12月31日终止",
            // the day the lease starts, then the day it ends to, as clauses of their own
            "自2020.1.1起租，租至2024.12.31",
            "以2020年01月01日为起租日、2024年12月31日为到期日",
            "从二零二零年一月一日计起，至二零二四年十二月三十一日届满",
            "自2020/1/1起，截止至2024/12/31",
        ] {
            let n = normalise(s);
            let c = re.captures(&n).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(parse_date(&c["a"]), Ok(d(2020, 1, 1)), "{s}");
            assert_eq!(parse_date(&c["b"]), Ok(d(2024, 12, 31)), "{s}");
        }
    }
}
