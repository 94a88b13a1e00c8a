//! The years a text names: written (`1997年`), in numerals (`一九九七年`) or relative to a
//! reference date (去年, 上月, 上半年, 截至去年底), each marked when it is only a comparison
//! (比去年, 去年同期, 同比).
//!
//! Works on normalized text and on raw text alike (the comparison words are listed in both
//! scripts), so that indexing need not normalize a passage to resolve it.

use std::ops::Range;

use super::compare::is_comparison;
use super::numerals::{digit, digits};
use super::zodiac::{is_animal, zodiac_year};
use super::PartialDate;

/// How a year was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// In Arabic digits (`1997`, `1997年`).
    Written,
    /// In Chinese numerals (`一九九七年`).
    Numeral,
    /// Relative to the reference date (去年, 上月, 上半年, 同比).
    Relative,
    /// A zodiac year (牛年), the nearest of its animal to the reference date. The year gate
    /// counts it; indexing does not add it to the passage's words (measured: it moved
    /// retrieval scores without finding a passage a question's year missed).
    Zodiac,
}

/// One year expression of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the text (with a 底/初/上半年 that follows).
    pub range: Range<usize>,
    /// The year it denotes.
    pub year: i32,
    /// The month, when the expression gives one (上月, 年底 → 12).
    pub month: Option<u8>,
    /// Only a comparison: 比去年, 较上年, 与去年相比, 去年同期, 同比. The figures around it
    /// belong to another year.
    pub comparison: bool,
    /// How it was written.
    pub source: Source,
}

/// Years relative to the reference year.
const YEARS: &[(&str, i32)] = &[
    ("今年", 0),
    ("本年", 0),
    ("去年", -1),
    ("上年", -1),
    // Before 前年: 大前年 is three years back, not two.
    ("大前年", -3),
    ("前年", -2),
    ("明年", 1),
    // The report's present: 目前人均住房11平方米 in a January 1998 report is 1998's.
    ("目前", 0),
];

/// Characters that make a word with a 目 after them (项目, 节目, 题目, 书目): in 项目前期 there
/// is no 目前.
const ENDS_WITH_MU: &str =
    "项項节節题題科数數栏欄书書名条條剧劇曲细細账賬帐帳篇纲綱耳注心眼面盲醒夺奪举舉要";

/// Months relative to the reference month.
const MONTHS: &[(&str, i32)] = &[
    ("本月", 0),
    ("上个月", -1),
    ("上個月", -1),
    ("上月", -1),
    ("下个月", 1),
    ("下個月", 1),
    ("下月", 1),
];

/// Characters before a bare 年初/年底/上半年 that make it some other year's (每年底, 全年上半年,
/// 同年底, 九七年上半年) or no date (近年初…).
const NOT_BEFORE_BARE: &str =
    "年每当當同近多全历歷往逐该該那这這数數几幾上下周週明今去前本来來后後新";

/// A 底/末/初 or 上半年/下半年 right after a year: part of its expression. Returns the
/// suffix's length in bytes and the month it gives.
fn suffix(after: &str, ended_with_nian: bool) -> (usize, Option<u8>) {
    for (s, month) in [("上半年", None), ("下半年", None)] {
        if after.starts_with(s) {
            return (s.len(), month);
        }
    }
    let after = if ended_with_nian {
        // 今年年底: the 年 said again.
        match after.strip_prefix('年') {
            Some(a) if a.starts_with(['底', '末', '初']) => {
                let (n, month) = suffix(a, true);
                return ('年'.len_utf8() + n, month);
            }
            _ => after,
        }
    } else if let Some(a) = after.strip_prefix('年') {
        return match suffix(a, true) {
            (0, _) => ('年'.len_utf8(), None),
            (n, m) => ('年'.len_utf8() + n, m),
        };
    } else {
        return (0, None);
    };
    for (s, month) in [("底", Some(12)), ("末", Some(12)), ("初", Some(1))] {
        if after.starts_with(s) {
            return (s.len(), month);
        }
    }
    (0, None)
}

/// Whether a year expression may start with `c`: a digit, a Chinese digit, or the first
/// character of a relative word.
fn starts_something(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || digit(c).is_some()
        || matches!(
            c,
            '今' | '本' | '去' | '上' | '前' | '明' | '下' | '年' | '同' | '目' | '大'
        )
        || is_animal(c)
}

/// Every year expression of `text`, in order; relative ones only with a `reference` date
/// (an article's date, or today for a question).
pub fn mentions(text: &str, reference: Option<PartialDate>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut rest_at = 0;
    let push = |out: &mut Vec<Mention>, start: usize, end: usize, year, month, source| {
        let range = start..end;
        out.push(Mention {
            comparison: is_comparison(text, &range),
            range,
            year,
            month,
            source,
        });
        end
    };
    for (i, c) in text.char_indices() {
        // Most characters start no year expression: one match decides (this runs over every
        // passage at indexing).
        if i < rest_at || !starts_something(c) {
            continue;
        }
        let here = &text[i..];
        let prev = text[..i].chars().next_back();
        // Arabic years, as `years_in` reads them: 19xx/20xx, not part of a longer figure.
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            let (ds, n_ds) = digits(here, |c| crate::text::fold_char(c).to_digit(10));
            let before = prev.map(crate::text::fold_char);
            let alnum_before = before.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.');
            let end = i + here.chars().take(4).map(char::len_utf8).sum::<usize>();
            if n_ds == 4
                && !alnum_before
                && matches!(ds[..2], [1, 9] | [2, 0])
                && !super::counts_not_year(text[end..].chars().next())
            {
                let (n, month) = suffix(&text[end..], false);
                let year = ds[..4].iter().fold(0, |y, d| y * 10 + *d as i32);
                rest_at = push(&mut out, i, end + n, year, month, Source::Written);
            } else {
                // Skip the rest of the figure.
                let len: usize = here
                    .chars()
                    .take_while(|c| crate::text::fold_char(*c).is_ascii_digit())
                    .map(char::len_utf8)
                    .sum();
                rest_at = i + len;
                // A month without its year more than half a year after the report's month
                // (12月中旬 in a January 1998 report) is the year before's: news reports what
                // has happened. A nearer one (2月19日发行) is as often the coming month.
                let month = ds[..n_ds.min(2)].iter().fold(0, |m, d| m * 10 + *d as i32);
                let bare_month = (1..=2).contains(&n_ds)
                    && text[rest_at..].starts_with('月')
                    && !alnum_before
                    && prev.is_none_or(|p| p != '年' && digit(p).is_none());
                if let Some(r) = reference.filter(|_| bare_month) {
                    if r.month
                        .is_some_and(|rm| month > i32::from(rm) + 6 && month <= 12)
                    {
                        let end = rest_at + '月'.len_utf8();
                        rest_at = push(
                            &mut out,
                            i,
                            end,
                            r.year - 1,
                            u8::try_from(month).ok(),
                            Source::Relative,
                        );
                    }
                }
            }
            continue;
        }
        if digit(c).is_some() {
            let (ds, n_ds) = digits(here, digit);
            if n_ds == 4 && here.chars().nth(4) == Some('年') {
                let end = i + here.chars().take(4).map(char::len_utf8).sum::<usize>();
                let (n, month) = suffix(&text[end..], false);
                let year = ds[..4].iter().fold(0, |y, d| y * 10 + *d as i32);
                rest_at = push(&mut out, i, end + n, year, month, Source::Numeral);
            }
            continue;
        }
        let Some(r) = reference else { continue };
        // 到本世纪末 in a 1998 report: the year 2000, a target's year, not the report's.
        if let Some(w) = ["本世纪末", "本世紀末"]
            .iter()
            .find(|w| here.starts_with(*w))
        {
            let end_of_century = ((r.year - 1).div_euclid(100) + 1) * 100;
            rest_at = push(
                &mut out,
                i,
                i + w.len(),
                end_of_century,
                Some(12),
                Source::Relative,
            );
            continue;
        }
        // 牛年 in a January 1998 report: 1997.
        if let Some((year, len)) = zodiac_year(here, prev, r) {
            rest_at = push(&mut out, i, i + len, year, None, Source::Zodiac);
            continue;
        }
        if let Some((w, delta)) = YEARS.iter().find(|(w, _)| here.starts_with(w)) {
            let skip = match *w {
                // 十年前年均, 三年前年底: "years ago", then another word.
                "前年" => {
                    prev.is_some_and(|p| p == '年' || digit(p).is_some() || p.is_ascii_digit())
                }
                // 以上年龄, 上年纪.
                "上年" => {
                    prev == Some('以')
                        || here[w.len()..].starts_with(['龄', '齡', '纪', '紀', '级', '級'])
                }
                // 基本年薪, 根本年.
                "本年" => prev.is_some_and(|p| "基根资資成".contains(p)),
                // 项目前期, 节目前, 题目前: 目 ends another word.
                "目前" => prev.is_some_and(|p| ENDS_WITH_MU.contains(p)),
                _ => false,
            };
            if !skip {
                let end = i + w.len();
                let (n, month) = suffix(&text[end..], true);
                rest_at = push(
                    &mut out,
                    i,
                    end + n,
                    r.year + delta,
                    month,
                    Source::Relative,
                );
            }
            continue;
        }
        if let Some((w, delta)) = MONTHS.iter().find(|(w, _)| here.starts_with(w)) {
            if prev != Some('以') {
                if let Some((year, month)) = r.add_months(*delta) {
                    rest_at = push(
                        &mut out,
                        i,
                        i + w.len(),
                        year,
                        Some(month),
                        Source::Relative,
                    );
                }
            }
            continue;
        }
        let bare = prev.is_none_or(|p| !NOT_BEFORE_BARE.contains(p) && digit(p).is_none());
        for (w, month) in [
            ("上半年", None),
            ("下半年", None),
            ("年初", Some(1)),
            ("年底", Some(12)),
            ("年末", Some(12)),
        ] {
            if bare && here.starts_with(w) {
                // The year the text last named, when it named one: in 1997年全省财政总收入…，
                // 全面完成年初预算计划 the 年初 is 1997's, not the report's.
                let year = out
                    .iter()
                    .rfind(|m| !m.comparison)
                    .map_or(r.year, |m| m.year);
                rest_at = push(&mut out, i, i + w.len(), year, month, Source::Relative);
                break;
            }
        }
        if here.starts_with("同比") {
            rest_at = push(
                &mut out,
                i,
                i + "同比".len(),
                r.year - 1,
                None,
                Source::Relative,
            );
            if let Some(m) = out.last_mut() {
                m.comparison = true;
            }
        }
    }
    out
}

/// The years a text denotes beyond the ones written in Arabic digits: its numeral years and
/// its relative expressions resolved against `reference`, comparisons left out. What indexing
/// adds to a passage's words and what the year gate counts beside the written years.
pub fn resolved_years(text: &str, reference: Option<PartialDate>) -> Vec<i32> {
    // Every expression it counts holds 年 or 月 (同比 is a comparison): most passages are
    // settled by this one scan.
    if !text.contains(['年', '月']) {
        return Vec::new();
    }
    let mut years: Vec<i32> = mentions(text, reference)
        .into_iter()
        .filter(|m| !m.comparison && !matches!(m.source, Source::Written | Source::Zodiac))
        .map(|m| m.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The year a figure at byte `at` belongs to: the nearest year expression of its clause that is
/// no comparison (before it first, then after it), `None` when its clause names none.
pub fn clause_year(text: &str, at: usize, reference: Option<PartialDate>) -> Option<i32> {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| crate::corpus::punct::CLAUSE_BREAKS.contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| crate::corpus::punct::CLAUSE_BREAKS.contains(*c))
        .map_or(text.len(), |(i, _)| at + i);
    let clause = &text[start..end];
    let ms: Vec<Mention> = mentions(clause, reference)
        .into_iter()
        .filter(|m| !m.comparison)
        .collect();
    let at = at - start;
    ms.iter()
        .rfind(|m| m.range.end <= at)
        .or_else(|| ms.iter().find(|m| m.range.start >= at))
        .map(|m| m.year)
}

#[cfg(test)]
#[path = "relative_tests.rs"]
mod tests;
