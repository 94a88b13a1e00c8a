//! Passages as sentences, each with its normalized form (answers are found in the normalized
//! text and shown from the original).

use crate::answer::question;
use crate::corpus::passage::sentences;
use crate::text::time::{self, PartialDate, Source};
use crate::text::Normalized;

/// A sentence of a passage with its normalized form.
#[derive(Debug)]
pub struct Sentence<'a> {
    /// The sentence, verbatim.
    pub text: &'a str,
    /// Byte offset of the sentence in the passage.
    pub offset: usize,
    /// The normalized sentence with its offset map.
    pub norm: Normalized<'a>,
    /// Years the sentence names other than in Arabic digits (一九九七年; 去年 read against the
    /// article's date), as (end byte in `norm.text`, year), in order. Comparisons (比去年) are
    /// left out: the figures beside them belong to another year; a compared year followed by
    /// 的 (少于前年的20次) still governs its figure.
    pub years: Vec<(usize, String)>,
    /// The year named last, not as a comparison, in the passage's sentences before this one:
    /// a figure in a sentence that names no year of its own before it belongs to that year
    /// (１９９７年，出口…。进口１６３亿美元).
    pub carried: Option<String>,
    /// Where the sentence names a year in Arabic digits only to compare with it (比１９９６年增长
    /// １４％: the growth is the other year's), byte starts; a compared year followed by 的
    /// (较2021年的171億元) still governs its figure.
    pub compared: Vec<usize>,
}

/// Splits a passage into sentences (relative years unread: no article date).
pub fn split(passage: &str) -> Vec<Sentence<'_>> {
    split_dated(passage, None)
}

/// Splits a passage of an article published on `date` into sentences.
pub fn split_dated(passage: &str, date: Option<PartialDate>) -> Vec<Sentence<'_>> {
    let base = passage.as_ptr() as usize;
    let mut carried: Option<String> = None;
    // Whether the passage has named a year in full before: a month without its year (9月18日)
    // is then in that year (１９９４年夏…。９月１８日，…再临武汉), not the one the report's
    // date would place it in.
    let mut year_written = false;
    sentences(passage)
        .into_iter()
        .map(|s| {
            let norm = Normalized::new(s);
            let mut all = time::mentions(&norm.text, date);
            // A bare 年底 or 上半年 that opens the sentence's years is in the year the passage
            // named last (去年11月底开始征文。截至年底，共收到论文1600余篇: 1997's), as within
            // one sentence.
            if let Some(year) = carried.as_deref().and_then(|c| c.parse::<i32>().ok()) {
                if let Some(first) = all.first_mut() {
                    if first.source == Source::Relative
                        && BARE.contains(&&norm.text[first.range.clone()])
                    {
                        first.year = year;
                    }
                }
            }
            if year_written {
                all.retain(|m| {
                    !(m.source == Source::Relative
                        && norm.text[m.range.clone()].starts_with(|c: char| c.is_ascii_digit()))
                });
            }
            let compared = all
                .iter()
                .filter(|m| m.comparison && m.source == Source::Written)
                .filter(|m| !norm.text[m.range.end..].starts_with('的'))
                .map(|m| m.range.start)
                .collect();
            // A compared year followed by 的 (少于前年的20次) governs the figure after it, as a
            // written one does; it is carried to no later sentence.
            let owns_figure = |m: &time::Mention| norm.text[m.range.end..].starts_with('的');
            let mut years: Vec<(usize, String)> = all
                .iter()
                .filter(|m| m.source != Source::Written && (!m.comparison || owns_figure(m)))
                .map(|m| (m.range.end, m.year.to_string()))
                .collect();
            // The report's present (至今, 如今, 目前) is the year of its date: a figure told
            // after one is of that year, not of the year the report named before it relative
            // to its date (去年12月26日首演，至今已演出近10场). Not where the passage has
            // written a year out (1985年的报告说…至今还有, 1988年至今): its present may be
            // that year's.
            let written_before = |end: usize| {
                all.iter().any(|m| {
                    m.range.start < end && !matches!(m.source, Source::Relative | Source::Zodiac)
                })
            };
            let present = date.filter(|_| !year_written).and_then(|d| {
                PRESENT
                    .iter()
                    .flat_map(|w| norm.text.match_indices(w).map(|(at, w)| at + w.len()))
                    .max()
                    .filter(|&end| !written_before(end))
                    .map(|end| (end, d.year.to_string()))
            });
            if let Some(p) = &present {
                years.push(p.clone());
                years.sort();
            }
            let named: Vec<_> = all.into_iter().filter(|m| !m.comparison).collect();
            let sentence = Sentence {
                text: s,
                offset: s.as_ptr() as usize - base,
                norm,
                years,
                carried: carried.clone(),
                compared,
            };
            match (named.last(), present) {
                (Some(m), Some((end, year))) if end > m.range.end => carried = Some(year),
                (Some(m), _) => carried = Some(m.year.to_string()),
                (None, Some((_, year))) => carried = Some(year),
                (None, None) => {}
            }
            year_written |= named
                .iter()
                .any(|m| !matches!(m.source, Source::Relative | Source::Zodiac));
            sentence
        })
        .collect()
}

/// The year governing a figure at byte `at` of a sentence's normalized text: the last year
/// named before it, in Arabic digits (one ending inside the figure counts, as in 2022年; not one
/// named only to compare with, [`Sentence::compared`]) or, from
/// [`Sentence::years`], in numerals or relative to the article's date, whichever comes later;
/// without one, the year the passage named last before the sentence ([`Sentence::carried`]).
pub fn governing_year(s: &Sentence<'_>, at: usize) -> Option<String> {
    let norm = s.norm.text.as_str();
    // Years read in the whole text, so that one ending at `at` is still a figure when a unit
    // follows (2016平方米).
    let written = question::years_in(norm)
        .into_iter()
        .rfind(|(pos, y)| {
            pos + y.len() <= at
                && !s.compared.contains(pos)
                && !baseline(norm, *pos, pos + y.len(), at)
                && !aside(norm, *pos, at)
        })
        .map(|(pos, y)| (pos + y.len(), y));
    let dated = s
        .years
        .iter()
        .rfind(|(end, _)| {
            // The year's words run back from its end (一九九一年, 去年, 前年).
            let start = norm[..*end]
                .char_indices()
                .rev()
                .take_while(|(_, c)| "〇零一二三四五六七八九十年去前今上本".contains(*c))
                .last()
                .map_or(*end, |(i, _)| i);
            *end <= at && !baseline(norm, start, *end, at) && !aside(norm, start, at)
        })
        .cloned();
    match (written, dated) {
        (Some(w), Some(d)) => Some(if d.0 > w.0 { d.1 } else { w.1 }),
        // A sentence dated by a holiday of its own (整个元旦、春节期间) tells of the one nearest
        // its report, not of the year the sentence before named (去年11月).
        (None, None) if HOLIDAYS.iter().any(|h| norm[..at].contains(h)) => None,
        (None, None) => s.carried.clone(),
        (w, d) => w.or(d).map(|(_, y)| y),
    }
}

/// Words that tell of the present of a report.
const PRESENT: [&str; 5] = ["至今", "如今", "目前", "现在", "眼下"];

/// A part of a year written without the year (年底, 上半年): the year is the text's last.
const BARE: [&str; 5] = ["年初", "年底", "年末", "上半年", "下半年"];

/// Holidays and seasons a sentence may date itself by without a year.
const HOLIDAYS: [&str; 6] = ["元旦", "春节", "新春", "新年", "今冬", "今春"];

/// Whether the year at byte `start` sits in a parenthesis closed before the figure at `at`: it
/// explains the year before it (１９９８年度（１９９８年４月至１９９９年３月）的增长率), and
/// does not govern the figure.
fn aside(norm: &str, start: usize, at: usize) -> bool {
    norm[..start]
        .rfind('(')
        .is_some_and(|open| !norm[open..start].contains(')'))
        && norm
            .get(start..at)
            .is_some_and(|between| between.contains(')'))
}

/// Whether the year at `start..end` is the starting point of a change that reaches the figure
/// at byte `at` (由１９９１年的７７．５％上升到８５·５％): the figure it reaches is not of that
/// year but of the year the sentence is about.
fn baseline(norm: &str, start: usize, end: usize, at: usize) -> bool {
    const REACHED: [&str; 12] = [
        "上升到",
        "上升至",
        "增加到",
        "增加至",
        "提高到",
        "提高至",
        "下降到",
        "下降至",
        "减少到",
        "减少至",
        "增长到",
        "扩大到",
    ];
    let from = norm[..start].ends_with(['由', '从']);
    let end = if norm[end..].starts_with('年') {
        end + '年'.len_utf8()
    } else {
        end
    };
    let between = norm.get(end..at).unwrap_or("");
    from && between.starts_with('的')
        && !between.contains([',', ';'])
        && REACHED.iter().any(|w| between.contains(w))
}

/// Whether the figure at byte `at` is counted over several years (独立5年多来已吸引外资100多亿
/// 美元): a period word and no year stand before it in its sentence, so the year the sentence
/// before named ([`Sentence::carried`]) does not govern it.
pub fn counted_over_years(s: &Sentence<'_>, at: usize) -> bool {
    let before = &s.norm.text[..at];
    question::years_in(before).is_empty()
        && !s.years.iter().any(|(end, _)| *end <= at)
        && PERIOD.iter().any(|w| {
            // 一年来 is the past year, one year's count; 一百四十年来的最低 a record of one day.
            before.match_indices(w).any(|(i, _)| {
                // The period opens the figure's clause, or one of its own before it (改革开放以来,
                // 成立以来的37年间, 全省…); one inside a clause of another (解决了长期以来困扰…的
                // 难题,使…提高了20%) dates that clause's words only.
                let after = &before[i + w.len()..];
                let own_clause = after.find([',', ';', ':']).is_none_or(|end| {
                    let rest = &after[..end];
                    rest.chars().count() <= 2
                        || (rest.starts_with('的') && rest.ends_with(['间', '里', '中', '内']))
                });
                own_clause
                    && !before[..i].ends_with('一')
                    && !RECORD.iter().any(|r| {
                        before[i + w.len()..]
                            .trim_start_matches('的')
                            .starts_with(r)
                    })
            })
        })
}

/// Words that count a figure over several years when no year precedes them: 5年来, 5年多来,
/// 多年来, 改革开放以来, 累计 (not 至今, which dates a stock: 至今还有1·3万户).
const PERIOD: [&str; 4] = ["年来", "年多来", "以来", "累计"];

/// Words after a period that make its figure a record over those years, not their count
/// (跌破一百四十年来的最低纪录).
const RECORD: [&str; 4] = ["最", "新高", "新低", "纪录"];

#[cfg(test)]
#[path = "sentences_tests.rs"]
mod tests;
