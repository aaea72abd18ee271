//! Calendar dates for the rules (proleptic Gregorian, no time zone): lease terms are whole days.
//!
//! Kept here rather than pulling a date crate into every plugin: rules need parsing ISO dates,
//! adding years, months and days, and comparing, nothing more.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, when it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (what the field extraction writes).
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?;
        let m = it.next()?;
        let d = it.next()?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
            return None;
        }
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// `n` months later; a day past the end of the target month becomes its last day
    /// (2020-02-29 + 12 months = 2021-02-28), as contract terms are counted.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + (self.month as i32 - 1) + n;
        let year = total.div_euclid(12);
        let month = total.rem_euclid(12) as u32 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// `n` years later.
    pub fn add_years(self, n: i32) -> Date {
        self.add_months(n * 12)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2020-01-01"), Date::new(2020, 1, 1));
        assert_eq!(Date::parse(" 2020-1-9 "), Date::new(2020, 1, 9));
        for bad in [
            "2020-02-30",
            "2021-02-29",
            "20-01-01",
            "2020/01/01",
            "",
            "2020-13-01",
            "x",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::new(2020, 2, 28).unwrap();
        assert_eq!(d.add_days(1).to_string(), "2020-02-29");
        assert_eq!(d.add_days(2).to_string(), "2020-03-01");
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        for days in [-800_000, -1, 0, 1, 18_262, 900_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
    }

    #[test]
    fn months_clamp_to_month_end() {
        let leap = Date::new(2020, 2, 29).unwrap();
        assert_eq!(leap.add_years(5).to_string(), "2025-02-28");
        assert_eq!(
            Date::new(2020, 1, 31).unwrap().add_months(1).to_string(),
            "2020-02-29"
        );
        assert_eq!(
            Date::new(2020, 1, 1).unwrap().add_months(-1).to_string(),
            "2019-12-01"
        );
    }
}
