//! Numbers as Chinese documents print them: Arabic with thousands separators, Chinese and
//! financial numerals (五, 十二, 壹拾贰, 贰零贰零), areas in 平方米 / ㎡ / m², money in 元 / 万元.

/// Value of one Chinese digit character (〇/零/○ are zero; financial forms included).
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | 'O' | 'o' | '0' => 0,
        '一' | '壹' | '1' => 1,
        '二' | '贰' | '貳' | '两' | '2' => 2,
        '三' | '叁' | '參' | '3' => 3,
        '四' | '肆' | '4' => 4,
        '五' | '伍' | '5' => 5,
        '六' | '陆' | '陸' | '6' => 6,
        '七' | '柒' | '7' => 7,
        '八' | '捌' | '8' => 8,
        '九' | '玖' | '9' => 9,
        _ => return None,
    })
}

/// Parses a Chinese integer below 10 000: 五, 十, 十二, 二十, 三十一, 壹拾贰, 一百二十, 贰佰零伍,
/// also a plain run of digits (一二 = 12) and Arabic digits.
pub fn parse_cn_int(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let has_unit = s
        .chars()
        .any(|c| matches!(c, '十' | '拾' | '百' | '佰' | '千' | '仟'));
    if !has_unit {
        // digit by digit (年份 二〇二〇, or 一二)
        let mut v: u32 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(cn_digit(c)?)?;
        }
        return Some(v);
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            _ => {
                let d = cn_digit(c)?;
                if d == 0 {
                    digit = None; // 零 only fills a gap
                } else {
                    if digit.is_some() {
                        return None; // two digits in a row without a unit
                    }
                    digit = Some(d);
                }
                continue;
            }
        };
        total += digit.take().unwrap_or(1) * unit;
    }
    Some(total + digit.unwrap_or(0))
}

/// Parses an Arabic number with optional thousands separators (`,` or a space) and decimals:
/// `1,234.56`, `1 234.56`, `120000`. OCR's O/o for 0 and l/I for 1 are read as digits.
pub fn parse_number(s: &str) -> Option<f64> {
    let mut clean = String::new();
    for c in s.trim().chars() {
        match c {
            '0'..='9' | '.' => clean.push(c),
            'O' | 'o' => clean.push('0'),
            'l' | 'I' => clean.push('1'),
            ',' | ' ' | '\u{FF0C}' => {}
            _ => return None,
        }
    }
    if clean.is_empty() || clean.matches('.').count() > 1 || clean.starts_with('.') {
        return None;
    }
    clean.parse().ok()
}

/// Parses an area such as `1,234.56平方米`, `567.89㎡`, `12 m²` (NFKC'd or not) into m².
pub fn parse_area(s: &str) -> Option<f64> {
    let n = crate::fields::text::normalise(s);
    let num = ["平方米", "m2", "平米", "m"]
        .iter()
        .find_map(|unit| n.strip_suffix(unit))
        .unwrap_or(&n)
        .trim();
    parse_number(num)
}

/// Parses an amount of money into yuan: `120,000.00元`, `12,345.67万元`, `1.5亿元`.
pub fn parse_money(s: &str) -> Option<f64> {
    let n = crate::fields::text::normalise(s);
    let (num, factor) = if let Some(x) = n.strip_suffix("万元") {
        (x, 10_000.0)
    } else if let Some(x) = n.strip_suffix("亿元") {
        (x, 100_000_000.0)
    } else if let Some(x) = n.strip_suffix('元') {
        (x, 1.0)
    } else {
        (n.as_str(), 1.0)
    };
    let num = num.trim_start_matches("人民币").trim_start_matches('¥');
    parse_number(num).map(|v| round2(v * factor))
}

/// Rounds to cents (money and areas are printed with at most two decimals).
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_integers() {
        for (s, v) in [
            ("五", 5),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("三十一", 31),
            ("壹拾贰", 12),
            ("拾贰", 12),
            ("叁拾壹", 31),
            ("一百二十", 120),
            ("贰佰零伍", 205),
            ("二〇二〇", 2020),
            ("贰零贰零", 2020),
            ("60", 60),
        ] {
            assert_eq!(parse_cn_int(s), Some(v), "{s}");
        }
        assert_eq!(parse_cn_int("年"), None);
        assert_eq!(parse_cn_int(""), None);
    }

    #[test]
    fn arabic_numbers_areas_money() {
        assert_eq!(parse_number("1,234.56"), Some(1234.56));
        assert_eq!(parse_number("12O0"), Some(1200.0));
        assert_eq!(parse_number("1.2.3"), None);
        assert_eq!(parse_area("1,234.56平方米"), Some(1234.56));
        assert_eq!(parse_area("567.89㎡"), Some(567.89));
        assert_eq!(parse_area("12 m²"), Some(12.0));
        // OCR missed the superscript
        assert_eq!(parse_area("2,105.11m"), Some(2105.11));
        assert_eq!(parse_money("12,345.67万元"), Some(123_456_700.0));
        assert_eq!(parse_money("人民币120,000.00元"), Some(120_000.0));
    }
}
