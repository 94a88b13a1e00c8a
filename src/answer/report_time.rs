//! Whether a figure a report gives without a year is of the time the report appeared: a January
//! report's figures are as often the year before's (全年完成投资342亿元), so only a report that
//! tells of its own day (今天举行, a dated line 1月8日电 with 7日宣布) or a question about the
//! report's own month counts them as of its year.

use super::question::Question;
use crate::search::{Snapshot, StoredPassage};
use crate::text::normalize;
use crate::text::time::{fold_numerals, mentions, PartialDate};

/// Whether a question asks about the time a report of `date` appeared: its year and month
/// (1998年1月完工的工程 in a January 1998 report), or the opening of its year (1998年初,
/// 1998年元旦) in a report of January or February. A figure such a report gives without a
/// year is of that time (到1998年初订户有25.6万户).
/// `times` are the question's [`asked_times`], read once per question.
pub(super) fn asks_report_time(times: &[(i32, Option<u8>)], date: &PartialDate) -> bool {
    let Some(month) = date.month else {
        return false;
    };
    times.iter().any(|&(y, m)| {
        y == date.year
            && match m {
                Some(m) => m == month,
                None => month <= 2,
            }
    })
}

/// Words that place what a report tells on the day it appeared (今天举行, 昨天开幕) or the
/// days just before it (近日在贵阳建成, 日前通航, 新年伊始, 元旦起开行).
const REPORT_DAY: &[&str] = &[
    "今天",
    "今日",
    "今晨",
    "今晚",
    "昨天",
    "昨日",
    "昨晚",
    "当天",
    "近日",
    "日前",
    "新年伊始",
    "元旦",
    "除夕",
];

/// Whether a passage says 最近 of the days before its report (最近由广州市公安局破获), not of a
/// span of years (最近几年, 最近5年).
fn lately(norm: &str) -> bool {
    norm.match_indices("最近").any(|(at, w)| {
        !norm[at + w.len()..].starts_with(|c: char| {
            c.is_ascii_digit() || "几一二两三四五六七八九十年个时期".contains(c)
        })
    })
}

/// Whether a passage opens as a dated report (新华社北京1月23日电, 本报北京1月11日讯), or as
/// the paper's own news without a day (本报讯): it tells of the days around its date (近日,
/// 7日宣布, 自从该局…设立了9个窗口后).
fn dated_line(norm: &str) -> bool {
    ["日电", "日讯"].iter().any(|w| {
        norm.match_indices(w)
            .any(|(at, _)| norm[..at].ends_with(|c: char| c.is_ascii_digit()))
    }) || ["本报讯", "新华社讯"].iter().any(|w| norm.starts_with(w))
}

/// Words of a year that [`mentions`] reads no year from without the report's date.
const YEAR_WORDS: &[&str] = &[
    "去年", "今年", "前年", "上年", "明年", "全年", "本年", "当年", "同年", "年底", "年初", "年末",
    "年度", "年内",
];

/// Whether a passage tells of the day its report appeared and names no year at all (not even
/// 全年 or 去年): its figures are that day's (今天在2700多座清真寺举行会礼), not a total of the
/// year before that a January report gives without its year.
pub(super) fn tells_of_report_day(norm: &str) -> bool {
    tells_of_its_days(norm) && names_no_year(norm)
}

/// Whether a passage is of its report's day ([`tells_of_report_day`], or a day of its `date`'s
/// month without a year, 1月23日 in a January report) or, with `follow`, names no
/// year and goes on a report whose first paragraph, the record just before it, is (本报蚌埠1月1日电
/// …新年的钟声刚刚敲响 and then 已有1139家完成治理任务): its figures are of that day too. The
/// passage's years are read once, the record before only when needed.
pub(super) fn of_report_day(
    snap: &Snapshot,
    p: &StoredPassage,
    date: &PartialDate,
    norm: &str,
    follow: bool,
) -> bool {
    // A dateline's day may be written in numerals (本报讯一月二十日).
    let folded = if norm.contains('月') {
        fold_numerals(norm)
    } else {
        String::new()
    };
    let days = if folded.is_empty() { norm } else { &folded };
    if tells_of_its_days(days) || date.month.is_some_and(|m| names_a_day_of(days, m)) {
        return names_no_year(norm);
    }
    if !follow || !names_no_year(norm) {
        return false;
    }
    match snap.preceding(p, 1) {
        Ok(before) => before
            .first()
            .is_some_and(|b| same_report(b, p) && tells_of_report_day(&normalize(&b.text))),
        Err(e) => {
            tracing::warn!(error = %e, "reading the record before a passage");
            false
        }
    }
}

/// Whether a passage's words place it on its report's day or the days before
/// ([`REPORT_DAY`], 最近, a dated line).
fn tells_of_its_days(norm: &str) -> bool {
    REPORT_DAY.iter().any(|w| norm.contains(w)) || lately(norm) || dated_line(norm)
}

/// Whether a passage names a day of `month` without a year (1月23日 in a January report): a day
/// of the report's own month, so of its year.
fn names_a_day_of(norm: &str, month: u8) -> bool {
    let m = format!("{month}月");
    norm.match_indices(&m).any(|(at, w)| {
        let before = norm[..at].chars().next_back();
        let rest = &norm[at + w.len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '年')
            && (1..=2).contains(&digits)
            && rest[digits..].starts_with('日')
    })
}

/// Words that tell of a report's present (目前, 至今, 今天) or of what it plans next (打算,
/// 将于).
const PRESENT: &[&str] = &[
    "目前",
    "至今",
    "现在",
    "如今",
    "眼下",
    "当前",
    "连日来",
    "今天",
    "日前",
    "近日",
    "打算",
    "将于",
];

/// Whether a passage tells of its report's present ([`PRESENT`]).
pub(super) fn tells_of_present(norm: &str) -> bool {
    PRESENT.iter().any(|w| norm.contains(w))
}

/// Whether a passage names no year, not even 全年 or 去年.
pub(super) fn names_no_year(norm: &str) -> bool {
    !YEAR_WORDS.iter().any(|w| norm.contains(w)) && mentions(norm, None).is_empty()
}

/// Whether two records of a file are one report: they carry the same title, or neither gives
/// one of its own (a record without a title is titled by its opening words, as People's Daily's
/// paragraphs are). Records titled 西川交通 and 西川穆斯林欢度开斋节 are two reports.
fn same_report(a: &StoredPassage, b: &StoredPassage) -> bool {
    let titled = |p: &StoredPassage| {
        let title = p.meta.title.trim_end_matches('…');
        !title.is_empty() && !p.text.starts_with(title)
    };
    a.meta.title == b.meta.title || !(titled(a) || titled(b))
}

/// Words of a question that asks a plan or a forecast (要, 将, 预计): a report may tell those
/// ahead of their time.
const PLANS: &[&str] = &[
    "要", "将", "计划", "预计", "预期", "预测", "目标", "力争", "争取", "能", "可望", "会",
];

/// Whether the question asks a time later in a report's own year than the report (1998年底,
/// 1998年下半年, 1998年6月 of a January 1998 report) and no plan: a report cannot tell what had
/// not happened yet.
pub(super) fn asks_after_report(q: &Question, report: PartialDate) -> bool {
    let Some(month) = report.month else {
        return false;
    };
    let norm = q.normalized.as_str();
    if PLANS.iter().any(|w| norm.contains(w)) {
        return false;
    }
    norm.match_indices(&format!("{}年", report.year))
        .any(|(at, w)| {
            let rest = &norm[at + w.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let later_month = rest[digits.len()..].starts_with('月')
                && digits.parse::<u8>().is_ok_and(|m| m > month);
            later_month || rest.starts_with(['底', '末']) || rest.starts_with("下半年")
        })
}

/// The times a question names with its years: a month (`1998年1月` → (1998, Some(1))) or the
/// opening of a year (`1998年初`, `1998年元旦` → (1998, None)).
pub(super) fn asked_times(q: &Question) -> Vec<(i32, Option<u8>)> {
    let norm = q.normalized.as_str();
    let mut out = Vec::new();
    for year in &q.years {
        let Ok(y) = year.parse::<i32>() else {
            continue;
        };
        for (at, w) in norm.match_indices(&format!("{year}年")) {
            let rest = &norm[at + w.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if rest[digits.len()..].starts_with('月') {
                out.extend(digits.parse::<u8>().ok().map(|m| (y, Some(m))));
            } else if digits.is_empty() && (rest.starts_with('初') || rest.starts_with("元旦")) {
                out.push((y, None));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{asks_after_report, names_a_day_of, names_no_year, tells_of_present};
    use crate::answer::question::Question;
    use crate::text::aliases::Aliases;
    use crate::text::time::PartialDate;

    #[test]
    fn a_report_tells_nothing_of_its_year_s_later_months() {
        let asks = |question: &str| {
            let q = Question::parse(question, &Aliases::default()).expect("a question");
            asks_after_report(&q, PartialDate::parse("1998-01").expect("a date"))
        };
        assert!(asks("1998年底上证指数收在多少点"));
        assert!(asks("1998年6月谁当选"));
        assert!(asks("1998年下半年出口多少"));
        assert!(!asks("1998年1月上证指数收在多少点"));
        assert!(!asks("1997年底上证指数收在多少点"));
        assert!(!asks("1998年底要建成多少公里"));
    }

    #[test]
    fn a_passage_names_no_year_without_a_year_word() {
        assert!(names_no_year("据介绍,目前农科院派到贵州的科技副职共有18名"));
        assert!(names_no_year("麦当劳二十三日向灾区捐款二十万元人民币"));
        assert!(names_no_year("公路一天开行27个班次"));
        // 全年 and 去年 date a figure to a year, and so does a year written out.
        assert!(!names_no_year("目前全年完成投资342亿元"));
        assert!(!names_no_year("去年动用基金29.5万元"));
        assert!(!names_no_year("1997年12月31日,目前已有"));
    }

    #[test]
    fn a_passage_may_tell_of_its_report_s_present() {
        assert!(tells_of_present("去年12月26日首演,至今已演出近10场"));
        assert!(tells_of_present("主办单位打算再加演7场"));
        assert!(!tells_of_present("去年12月26日首演,共演出10场"));
    }

    #[test]
    fn a_day_of_the_report_s_month_is_read_without_a_year() {
        assert!(names_a_day_of("1月23日,一个长4.8米的机头面世", 1));
        // Not November, not another year's January, not a month alone.
        assert!(!names_a_day_of("11月23日,机头面世", 1));
        assert!(!names_a_day_of("1997年1月23日,机头面世", 1));
        assert!(!names_a_day_of("1月份机头面世", 1));
    }
}
