//! Publication dates: whatever form an article gives (`1998/1/15`, `1998年1月`, `一九九八年一月`,
//! `2023-03-28T20:00:00+08:00`, `Tue, 28 Mar 2023`, full-width digits) normalized to one ISO
//! partial date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, so that later stages (the year gate, relative
//! dates, citations) read one form. A news dateline at the start of the first paragraph
//! (`新华社曼谷１月１６日电`) gives the day the article's own date lacks; its year comes from the
//! article, never invented. What does not parse is dropped (`None`) rather than guessed.

use std::fmt;

use super::dateline;
use super::Article;

/// Years outside this range are not publication dates (a count, an id, a typo).
const YEARS: std::ops::RangeInclusive<u32> = 1800..=2200;
/// The Republic of China calendar (`民國112年`) counts from 1912.
const MINGUO_OFFSET: u32 = 1911;
/// Characters before a date string's first digit that may be skipped (`發布於 `, `Posted `).
const MAX_PREFIX: usize = 10;

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// The year (four digits).
    pub year: u32,
    /// The month, 1–12, when known.
    pub month: Option<u32>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u32>,
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl PartialDate {
    /// A checked date: the year in range, the month 1–12, the day within the month.
    pub(super) fn new(year: u32, month: Option<u32>, day: Option<u32>) -> Option<PartialDate> {
        if !YEARS.contains(&year) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
        }
        if let Some(d) = day {
            let m = month?;
            if d == 0 || d > days_in_month(year, m) {
                return None;
            }
        }
        Some(PartialDate { year, month, day })
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date string in any common form as an ISO partial date; `None` when it does not parse.
pub fn normalize(raw: &str) -> Option<String> {
    parse(raw).map(|d| d.to_string())
}

/// Parses a date string: numeric (`1998-01-15`, `1998/1/15`, `1998.1.15`, `19980115`),
/// Chinese (`1998年1月15日`, `一九九八年一月`, `民國87年1月`), ISO with a time (the date as
/// written, no time-zone shift), or English (`March 28, 2023`, `28 Mar 2023`).
pub fn parse(raw: &str) -> Option<PartialDate> {
    let s = fold(raw.trim());
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    numeric(s)
        .or_else(|| {
            // A short label before the date (`發布於 2023-03-28`, `Posted: 2023-03-28`).
            let (i, _) = s.char_indices().find(|(_, c)| c.is_ascii_digit())?;
            let prefix = &s[..i];
            (i > 0 && prefix.chars().count() <= MAX_PREFIX && !prefix.contains("民"))
                .then(|| numeric(&s[i..]))
                .flatten()
                .filter(|d| d.month.is_some())
        })
        .or_else(|| english(s))
}

/// True when `line` is nothing but a date, maybe with a time and weekday (a bare date line in
/// an article's header: `2023-03-28 20:00`, `2023年3月28日 星期二`).
pub fn is_bare_date(line: &str) -> bool {
    let s = fold(line.trim());
    let n = s.chars().count();
    (6..=32).contains(&n)
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars().all(|c| {
            c.is_ascii_digit() || "-/.:年月日號号 T+Z星期週周一二三四五六天上下午".contains(c)
        })
        && numeric(&s).is_some_and(|d| d.month.is_some())
}

/// Full-width digits and punctuation to ASCII; Chinese-numeral years, months and days (before
/// 年, 月, 日, 号) to Arabic digits.
pub(super) fn fold(s: &str) -> String {
    let chars: Vec<char> = s
        .chars()
        .map(|c| match c {
            '０'..='９' | '－' | '／' | '．' | '：' | '＋' | 'Ｔ' | 'Ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|&&c| cn_digit(c).is_some() || c == '十')
            .count();
        let unit = chars.get(i + run).copied();
        if run > 0 && matches!(unit, Some('年' | '月' | '日' | '号' | '號')) {
            let digits = &chars[i..i + run];
            if let Some(n) = cn_number(digits, unit == Some('年')) {
                out.push_str(&n.to_string());
                i += run;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// A Chinese digit, or a full-width zero written among them (二０二二).
fn cn_digit(c: char) -> Option<u32> {
    if c == '０' {
        Some(0)
    } else {
        crate::text::time::chinese_digit(c)
    }
}

/// A Chinese numeral: a year is read digit by digit (一九九八, 二〇二二); a month or day with
/// 十 (十二, 二十一, 三十).
fn cn_number(chars: &[char], year: bool) -> Option<u32> {
    if year {
        if chars.len() != 4 || chars.contains(&'十') {
            return None;
        }
        return chars
            .iter()
            .try_fold(0, |n, &c| Some(n * 10 + cn_digit(c)?));
    }
    match chars.iter().position(|&c| c == '十') {
        None if chars.len() == 1 => cn_digit(chars[0]),
        None => None,
        Some(p) => {
            let tens = match &chars[..p] {
                [] => 1,
                [c] => cn_digit(*c)?,
                _ => return None,
            };
            let ones = match &chars[p + 1..] {
                [] => 0,
                [c] => cn_digit(*c)?,
                _ => return None,
            };
            Some(tens * 10 + ones)
        }
    }
}

/// Reads a run of ASCII digits at the start of `s`: its value and length in bytes.
fn digits(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 8 {
        return None;
    }
    s[..n].parse().ok().map(|v| (v, n))
}

/// A numeric date at the start of `s` (after folding).
fn numeric(s: &str) -> Option<PartialDate> {
    let (s, minguo) = match s.strip_prefix("民國").or_else(|| s.strip_prefix("民国")) {
        Some(rest) => (rest.trim_start(), true),
        None => (s, false),
    };
    let (first, len) = digits(s)?;
    let rest = &s[len..];
    if minguo {
        let rest = rest.strip_prefix('年')?;
        return month_day(first + MINGUO_OFFSET, rest);
    }
    match len {
        8 if !rest.starts_with(|c: char| c.is_ascii_digit()) => {
            PartialDate::new(first / 10000, Some(first / 100 % 100), Some(first % 100))
        }
        4 => {
            if rest.is_empty() || rest.starts_with([' ', 'T', ',']) {
                return PartialDate::new(first, None, None);
            }
            let sep = rest.chars().next()?;
            if !"-/.年".contains(sep) {
                return None;
            }
            let after = rest[sep.len_utf8()..].trim_start();
            if !after.starts_with(|c: char| c.is_ascii_digit()) {
                // `1998年` alone, or followed by words.
                return (sep == '年').then(|| PartialDate::new(first, None, None))?;
            }
            month_day(first, after)
        }
        1 | 2 => day_month_year(first, rest),
        _ => None,
    }
}

/// The month and day after a year: `1月15日`, `01-15`, `1/15`, `1`, `01`.
fn month_day(year: u32, s: &str) -> Option<PartialDate> {
    let (month, len) = digits(s)?;
    if len > 2 {
        return None;
    }
    let rest = &s[len..];
    let Some(sep) = rest.chars().next() else {
        return PartialDate::new(year, Some(month), None);
    };
    if !"-/.月".contains(sep) {
        // `1998-01T…`, `1998年1 月`: the month ends here; a digit would make it something else.
        return (!sep.is_ascii_digit())
            .then(|| PartialDate::new(year, Some(month), None))
            .flatten();
    }
    let after = rest[sep.len_utf8()..].trim_start();
    match digits(after) {
        Some((day, dl)) if dl <= 2 => {
            // A 年-style date keeps to its units: `1998年1月15` without 日 is still read.
            PartialDate::new(year, Some(month), Some(day))
        }
        Some(_) => None,
        None if sep == '月' || after.is_empty() => PartialDate::new(year, Some(month), None),
        None => None,
    }
}

/// `28/03/2023` or `03/28/2023`: read only when the order is certain (one of the first two
/// numbers is over 12); `1/2/2023` is ambiguous and gives `None`.
fn day_month_year(first: u32, rest: &str) -> Option<PartialDate> {
    let sep = rest.chars().next().filter(|c| "/-.".contains(*c))?;
    let (second, l2) = digits(&rest[1..])?;
    let rest = &rest[1 + l2..];
    let rest = rest.strip_prefix(sep)?;
    let (year, l3) = digits(rest)?;
    if l3 != 4 || l2 > 2 {
        return None;
    }
    let (month, day) = match (first > 12, second > 12) {
        (true, false) => (second, first),
        (false, true) => (first, second),
        _ if first == second => (first, second),
        _ => return None,
    };
    PartialDate::new(year, Some(month), Some(day))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English dates: `March 28, 2023`, `28 Mar 2023`, `Tue, 28 Mar 2023 12:00:00 +0800`,
/// `March 2023`. The day is the 1–2 digit number next to the month name.
fn english(s: &str) -> Option<PartialDate> {
    let lower = s.to_ascii_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != ':')
        .filter(|t| !t.is_empty() && !t.contains(':'))
        .collect();
    let (mi, month) = tokens.iter().enumerate().find_map(|(i, t)| {
        // The full name or its abbreviation (`mar`, `sept`), never a word that starts alike.
        let m = MONTHS
            .iter()
            .position(|m| t.len() >= 3 && m.starts_with(t) && (t.len() <= 4 || *t == *m))?;
        Some((i, m as u32 + 1))
    })?;
    let year = tokens
        .iter()
        .find(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    let day_at = |i: usize| -> Option<u32> {
        let t = tokens.get(i)?;
        let t = t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        (1..=2).contains(&t.len()).then(|| t.parse().ok()).flatten()
    };
    let day = mi
        .checked_sub(1)
        .and_then(day_at)
        .or_else(|| day_at(mi + 1));
    PartialDate::new(year, Some(month), day)
}

/// Normalizes an article's date in place: the date as given, made ISO (`None` when it does not
/// parse); then, when that date lacks the day, the first paragraph's dateline refines it.
pub fn settle(article: &mut Article) {
    let given = article.meta.date.as_deref().and_then(parse);
    let refined = given.and_then(|d| {
        if d.day.is_some() {
            return None;
        }
        let (m, day) = dateline::dateline(article.paragraphs.first()?)?;
        dateline::with_dateline(d, m, day)
    });
    article.meta.date = refined.or(given).map(|d| d.to_string());
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
