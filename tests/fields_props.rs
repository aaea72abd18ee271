//! Property tests: a random date, duration, area or amount formatted in every form a document
//! uses parses back to the same value. The formatters here are written independently of the
//! parsers in `docverify::fields`.

use chrono::{Datelike, NaiveDate};
use docverify::fields::dates::{Duration, parse_date, parse_duration};
use docverify::fields::numbers::{parse_area, parse_cn_int, parse_money};
use proptest::prelude::*;

const LING: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CIRCLE: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const FIN: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

fn small(n: u32, d: &[char; 10], ten: char, one_ten: bool) -> String {
    if n < 10 {
        return d[n as usize].to_string();
    }
    let (t, u) = (n / 10, n % 10);
    let mut s = String::new();
    if t > 1 || one_ten {
        s.push(d[t as usize]);
    }
    s.push(ten);
    if u > 0 {
        s.push(d[u as usize]);
    }
    s
}

fn year(y: i32, d: &[char; 10]) -> String {
    y.to_string()
        .chars()
        .map(|c| d[c.to_digit(10).unwrap() as usize])
        .collect()
}

fn forms(date: NaiveDate) -> Vec<String> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    vec![
        format!("{y}年{m}月{d}日"),
        format!("{y}年{m:02}月{d:02}日"),
        format!("{y} 年 {m} 月 {d} 日"),
        format!(
            "{}年{}月{}日",
            year(y, &CIRCLE),
            small(m, &CIRCLE, '十', false),
            small(d, &CIRCLE, '十', false)
        ),
        format!(
            "{}年{}月{}日",
            year(y, &LING),
            small(m, &LING, '十', false),
            small(d, &LING, '十', false)
        ),
        format!(
            "{}年{}月{}日",
            year(y, &FIN),
            small(m, &FIN, '拾', true),
            small(d, &FIN, '拾', true)
        ),
        format!(
            "{}年{}月{}日",
            year(y, &FIN),
            small(m, &FIN, '拾', false),
            small(d, &FIN, '拾', false)
        ),
        format!("{y}.{m}.{d}"),
        format!("{y}.{m:02}.{d:02}"),
        format!("{y}-{m:02}-{d:02}"),
        format!("{y}/{m}/{d}"),
        // full-width digits
        format!("{y}年{m}月{d}日")
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .map_or(c, |v| char::from_u32(0xFF10 + v).unwrap())
            })
            .collect(),
    ]
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn every_date_form_parses_back(days in 0i64..(365 * 80)) {
        let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
        for s in forms(date) {
            prop_assert_eq!(parse_date(&s), Ok(date), "{}", s);
        }
    }

    #[test]
    fn every_duration_form_parses_back(years in 0u32..30, months in 0u32..12) {
        prop_assume!(years + months > 0);
        let want = Duration { years, months };
        let total = years * 12 + months;
        let mut forms = vec![format!("{total}个月")];
        if years > 0 {
            let m = |d: &[char; 10], ten| if months > 0 { format!("{}个月", small(months, d, ten, false)) } else { String::new() };
            forms.push(format!("{years}年") + &if months > 0 { format!("{months}个月") } else { String::new() });
            forms.push(format!("{}年{}", small(years, &LING, '十', false), m(&LING, '十')));
            forms.push(format!("{}年{}", small(years, &FIN, '拾', true), m(&FIN, '拾')));
            if months == 0 {
                forms.push(format!("{}（{years}）年", small(years, &LING, '十', false)));
            } else {
                forms.push(format!("{}年零{}", small(years, &LING, '十', false), m(&LING, '十')));
            }
        }
        for s in forms {
            prop_assert_eq!(parse_duration(&s), Some(want), "{}", s);
        }
    }

    #[test]
    fn chinese_integers_parse_back(n in 1u32..100) {
        prop_assert_eq!(parse_cn_int(&small(n, &LING, '十', false)), Some(n));
        prop_assert_eq!(parse_cn_int(&small(n, &FIN, '拾', true)), Some(n));
        prop_assert_eq!(parse_cn_int(&n.to_string()), Some(n));
    }

    #[test]
    fn areas_parse_back(int in 0u64..10_000_000, cents in 0u64..100) {
        let v = int as f64 + cents as f64 / 100.0;
        for unit in ["平方米", "㎡", "m²", " m²", "平方米"] {
            for num in [format!("{int}.{cents:02}"), format!("{}.{cents:02}", thousands(int))] {
                let s = format!("{num}{unit}");
                let got = parse_area(&s);
                prop_assert!(got.is_some_and(|g| (g - v).abs() < 1e-6), "{} → {:?}", s, got);
            }
        }
    }

    #[test]
    fn money_parses_back(int in 0u64..100_000_000, cents in 0u64..100) {
        let v = int as f64 + cents as f64 / 100.0;
        let s = format!("{}.{cents:02}元", thousands(int));
        prop_assert!(parse_money(&s).is_some_and(|g| (g - v).abs() < 1e-6), "{}", s);
        let s = format!("{}.{cents:02}万元", thousands(int));
        prop_assert!(parse_money(&s).is_some_and(|g| (g - v * 10_000.0).abs() < 0.01), "{}", s);
    }
}
