//! The time a question names beyond its Arabic years: 今年/去年/前年/明年 read against today,
//! whether it asks for the latest figure (最近一年, 最新的年度, 目前) without a year, and whether
//! its year says when its subject began (1953年成立的) rather than whose figure it asks.

use crate::text::time::{self, PartialDate, Source};

use super::question::{AnswerKind, Question};

/// Phrases asking for the newest figure (最近一年, 最新的年度, 目前), longest first. Without a
/// year in the question they make it a "latest" question; they are no content words.
const LATEST: &[&str] = &[
    "最近一个年度",
    "最新的年度",
    "最近的年度",
    "最近一年",
    "最新一年",
    "最新年度",
    "最近年度",
    "最近",
    "最新",
    "目前",
    "近来",
    "近期",
    "当前",
];

/// Relative years a question may name, read against today (the others, 上半年 or 年底, stay
/// words: alone they do not say which year).
const RELATIVE_YEARS: &[&str] = &["今年", "去年", "前年", "明年"];

/// Adds the question's relative years (去年 against `today`; a comparison's, 比去年, is not
/// asked about) to `years`, and blanks them in `work` so they are no content words.
pub(super) fn relative_years(
    normalized: &str,
    work: &mut String,
    today: PartialDate,
    years: &mut Vec<String>,
) {
    for m in time::mentions(normalized, Some(today)) {
        let word = &normalized[m.range.clone()];
        let relative = m.source == Source::Relative
            && !m.comparison
            && RELATIVE_YEARS.iter().any(|w| word.starts_with(w));
        if relative {
            let y = m.year.to_string();
            if !years.contains(&y) {
                years.push(y);
            }
            work.replace_range(m.range.clone(), &" ".repeat(m.range.len()));
        }
    }
}

/// Whether the question asks for the latest figure; its phrases are then blanked in `work`.
/// Only a question for a figure (多少) naming no year does; elsewhere 目前 and 最新 stay
/// content words (目前的首都是哪裡).
pub(super) fn latest(kind: AnswerKind, years: &[String], work: &mut String) -> bool {
    let latest =
        kind == AnswerKind::Amount && years.is_empty() && LATEST.iter().any(|w| work.contains(w));
    if latest {
        for w in LATEST {
            *work = work.replace(w, &" ".repeat(w.len()));
        }
    }
    latest
}

/// Verbs of a beginning: a year written right before one (1953年成立的中外代, 1986年1月创办)
/// dates the subject, not the figure asked about it.
const BEGUN: &[&str] = &[
    "成立", "创办", "创建", "创立", "建立", "组建", "始建", "建成", "开业", "诞生",
];

/// Whether the question itself asks for a count over years (1992年以来…一共, 成立以来, or
/// since the year its subject began: 1953年成立的, or up to a year: 到1998年), or for a state
/// no year's work counts ([`asks_a_state`]): either way a figure told with the years since is
/// no other year's.
pub(super) fn asks_over_years(q: &Question) -> bool {
    ["来", "至今", "累计", "一共", "总共", "共计"]
        .iter()
        .any(|w| q.normalized.contains(w))
        || year_of_beginning(&q.normalized, &q.years)
        || asks_a_state(q)
        || asks_up_to(q)
}

/// Whether the question asks up to one of its years (到1998年, 截至1997年): what was done by
/// then, however many years it took (10年来累计投资230多万元 answers 到1998年投了多少钱).
fn asks_up_to(q: &Question) -> bool {
    q.years.iter().any(|y| {
        ["到", "截至", "截止"]
            .iter()
            .any(|w| q.normalized.contains(&format!("{w}{y}年")))
    })
}

/// Measure classes of a state a thing is in (how large, long or high it is), not of what was
/// done in a year: a sentence that tells what was built over the years (实施…以来，累计投资
/// 2亿多元，建设了一个占地680亩的市场) still gives the market's area.
const STATES: &[&str] = &["area", "length", "height", "capacity", "age", "population"];

/// Whether the question asks how large, long or high something is ([`STATES`]).
fn asks_a_state(q: &Question) -> bool {
    crate::text::paraphrase::lexicon()
        .asked(&q.normalized)
        .iter()
        .any(|a| STATES.contains(&a.class.name.as_str()))
}

/// Whether a year of the question (`years`, in `normalized`) is its subject's beginning: its
/// figure may then be counted over the years since (中外代成立以来共代理船舶112万艘次).
fn year_of_beginning(normalized: &str, years: &[String]) -> bool {
    years.iter().any(|y| {
        normalized.match_indices(&format!("{y}年")).any(|(at, m)| {
            // A month or a day may come between (1953年1月成立).
            let rest = normalized[at + m.len()..]
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '月' || c == '日');
            BEGUN.iter().any(|v| rest.starts_with(v))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    fn aliases() -> Aliases {
        Aliases::parse("[groups]\nsensetime = [\"商湯\", \"商湯科技\", \"SenseTime\"]\n").unwrap()
    }

    #[test]
    fn numeral_and_relative_years_are_years() {
        let a = aliases();
        let today = PartialDate::parse("2023-05-01").unwrap();
        let q = Question::parse_at("商湯二〇二二年虧損多少", &a, today).unwrap();
        assert_eq!(
            (q.years.clone(), q.terms.clone()),
            (vec!["2022".to_string()], vec!["亏损".to_string()])
        );
        let q = Question::parse_at("商湯去年虧損多少", &a, today).unwrap();
        assert_eq!(
            (q.years.clone(), q.terms.clone()),
            (vec!["2022".to_string()], vec!["亏损".to_string()])
        );
        assert!(!q.latest);
        let q = Question::parse_at("今年营收比去年增长多少", &a, today).unwrap();
        assert_eq!(
            q.years,
            vec!["2023"],
            "a comparison's year is not asked about"
        );
        let q = Question::parse_at("一九九七年十二月三十一日发生了什么", &a, today).unwrap();
        assert_eq!(q.years, vec!["1997"]);
    }

    #[test]
    fn a_year_before_a_beginning_dates_the_subject() {
        let years = ["1953".to_string()];
        assert!(year_of_beginning(
            "1953年成立的中外代共代理了多少艘次船",
            &years
        ));
        assert!(year_of_beginning("1953年1月创办的报社有多少记者", &years));
        assert!(!year_of_beginning("1953年中外代代理了多少艘次船", &years));
        assert!(!year_of_beginning("中外代成立于哪一年", &years));
    }

    #[test]
    fn a_size_is_no_count_of_a_year() {
        let a = aliases();
        let q = |s: &str| Question::parse(s, &a).unwrap();
        assert!(asks_over_years(&q("1998年寿光蔬菜批发市场占地多大")));
        assert!(asks_over_years(&q("1997年建成的大桥有多长")));
        assert!(asks_over_years(&q("1998年浦东的面积有多大")));
        assert!(!asks_over_years(&q("1998年寿光投资了多少钱")));
        assert!(asks_over_years(&q("到1998年榆林刘建成开发沙漠投了多少钱")));
        assert!(asks_over_years(&q("截至1997年韩国新能源发电占多少")));
    }

    #[test]
    fn latest_questions_name_no_year() {
        let a = aliases();
        let today = PartialDate::parse("2023-05-01").unwrap();
        for text in [
            "商湯最近一年虧損多少",
            "商湯最新的年度虧損是多少",
            "商湯目前虧損多少",
        ] {
            let q = Question::parse_at(text, &a, today).unwrap();
            assert!(q.latest && q.years.is_empty(), "{text}");
            assert_eq!(q.terms, vec!["亏损"], "{text}");
        }
        assert!(
            !Question::parse_at("商湯最近2022年虧損多少", &a, today)
                .unwrap()
                .latest
        );
    }
}
