//! Time in text: partial dates, Chinese-numeral dates folded to Arabic, and relative
//! expressions (去年, 上半年, 截至去年底) resolved against a reference date.
//!
//! News writes its dates relative to the day it appeared (去年 in a January 1998 article is
//! 1997) and often in Chinese numerals (一九九七年); users ask with Arabic years. Indexing
//! resolves a passage's expressions against its article's date so that a `1997年` question
//! finds it, the year gate counts them, and questions fold theirs the same way (with 今年/去年
//! against today, [`today`]).
//!
//! A year named only as a comparison (比去年, 去年同期, 同比) is kept apart: in
//! 今年产量比去年增长10% the figure belongs to 今年, and counting 去年 would let a question
//! about the other year through.

mod compare;
mod numerals;
mod relative;
mod zodiac;

use std::sync::OnceLock;

pub use numerals::{
    digit as chinese_digit, fold_numeral_years, fold_numerals, small as small_numeral,
};
pub use relative::{clause_year, mentions, resolved_years, Mention, Source};

/// Measure words and units that, right after four digits, make them a count or an amount and
/// not a year: 2018个 (projects), 2000多人, 1998元, 2000万, 2016平方米, 1500公斤.
const COUNTED: &str =
    "个人名位家所座条件项次元角吨米里亩户台辆架艘匹头只张本部种批笔多余万亿千百%％平公立克斤瓦股套册篇页首幅份间棵株枚箱桶盒双块粒颗";

/// Whether the character after four digits makes them a figure rather than a year (both
/// `question::years_in` and the index's year mentions ask it).
pub fn counts_not_year(next: Option<char>) -> bool {
    next.is_some_and(|c| COUNTED.contains(c))
}

/// A date known to the year, and perhaps to the month and day (an article's `date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year (`1998`).
    pub year: i32,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day, 1–31, when known (only with a month).
    pub day: Option<u8>,
}

/// The rest after a date separator (`-`, `/`, `.`, 年, 月).
fn sep(r: &str) -> Option<&str> {
    r.strip_prefix(['-', '/', '.', '年', '月'])
        .map(str::trim_start)
}

/// Reads up to `max` ASCII digits from the front of `s`; returns the number and the rest.
fn digits(s: &str, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if n == 0 {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

impl PartialDate {
    /// A year only.
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// Parses a date tolerantly: `1998`, `1998-01`, `1998-01-15` (also with `/`, `.` or
    /// 年月日, full-width digits); anything else gives its leading four-digit year, if any.
    /// A month or day out of range is dropped, never guessed.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let folded: String = s.trim().chars().map(crate::text::fold_char).collect();
        let (year, rest) = digits(&folded, 4)?;
        if folded.len() - rest.len() != 4 || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let mut date = PartialDate::year(year as i32);
        let Some((month, rest)) = sep(rest).and_then(|r| digits(r, 2)) else {
            return Some(date);
        };
        if !(1..=12).contains(&month) {
            return Some(date);
        }
        date.month = Some(month as u8);
        if let Some((day, _)) = sep(rest).and_then(|r| digits(r, 2)) {
            if (1..=31).contains(&day) {
                date.day = Some(day as u8);
            }
        }
        Some(date)
    }

    /// Parses exactly `YYYY-MM-DD` (an operator's setting, where a typo must not be guessed
    /// around).
    pub fn parse_ymd(s: &str) -> Result<PartialDate, String> {
        let bad = || format!("{s:?} is not a date of the form YYYY-MM-DD");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let d = PartialDate::parse(s).ok_or_else(bad)?;
        if d.day.is_none() {
            return Err(bad());
        }
        Ok(d)
    }

    /// Today by the system clock (UTC).
    pub fn system_today() -> PartialDate {
        let d = ::time::OffsetDateTime::now_utc().date();
        PartialDate {
            year: d.year(),
            month: Some(u8::from(d.month())),
            day: Some(d.day()),
        }
    }

    /// The month `delta` months away (the year rolls over); `None` without a month.
    pub fn add_months(self, delta: i32) -> Option<(i32, u8)> {
        let m = i32::from(self.month?) - 1 + delta;
        Some((self.year + m.div_euclid(12), (m.rem_euclid(12) + 1) as u8))
    }
}

static TODAY: OnceLock<PartialDate> = OnceLock::new();

/// Sets the date questions' 今年/去年 are read against, once per process (the binary does it
/// from `WENJIN_TODAY`, for an archive whose 去年 is not the calendar's). Returns false when it
/// was set already.
pub fn set_today(date: PartialDate) -> bool {
    TODAY.set(date).is_ok()
}

/// The date questions' 今年/去年 are read against: the one set by [`set_today`], else the
/// system date.
pub fn today() -> PartialDate {
    TODAY
        .get()
        .copied()
        .unwrap_or_else(PartialDate::system_today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate {
            year: y,
            month: Some(m),
            day: Some(d),
        }
    }

    #[test]
    fn parses_partial_dates_tolerantly() {
        assert_eq!(PartialDate::parse("1998"), Some(PartialDate::year(1998)));
        let jan = PartialDate {
            month: Some(1),
            ..PartialDate::year(1998)
        };
        assert_eq!(PartialDate::parse("1998-01"), Some(jan));
        assert_eq!(PartialDate::parse("1998年1月"), Some(jan));
        assert_eq!(PartialDate::parse("1998-01-15"), Some(ymd(1998, 1, 15)));
        assert_eq!(
            PartialDate::parse("１９９８/1/15 08:00"),
            Some(ymd(1998, 1, 15))
        );
        assert_eq!(
            PartialDate::parse("1998-13-40"),
            Some(PartialDate::year(1998))
        );
        assert_eq!(
            PartialDate::parse("1998 spring"),
            Some(PartialDate::year(1998))
        );
        assert_eq!(PartialDate::parse("19980"), None);
        assert_eq!(PartialDate::parse("98-01"), None);
        assert_eq!(PartialDate::parse("yesterday"), None);
        assert_eq!(PartialDate::parse(""), None);
    }

    #[test]
    fn an_operators_date_is_strict() {
        assert_eq!(PartialDate::parse_ymd("1998-01-15"), Ok(ymd(1998, 1, 15)));
        for bad in ["1998-01", "1998-1-15", "15.01.1998", "1998-13-01", "soon"] {
            assert!(PartialDate::parse_ymd(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_system_date_is_a_full_date() {
        let d = PartialDate::system_today();
        assert!(
            d.year >= 2024 && d.month.is_some() && d.day.is_some(),
            "{d:?}"
        );
    }

    #[test]
    fn months_roll_over_the_year() {
        assert_eq!(ymd(1998, 1, 15).add_months(-1), Some((1997, 12)));
        assert_eq!(ymd(1998, 12, 1).add_months(1), Some((1999, 1)));
        assert_eq!(PartialDate::year(1998).add_months(-1), None);
    }
}
