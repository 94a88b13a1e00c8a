//! A when-question whose answer is a span of days (去年的12月4日至29日，王启民去中央党校…) is
//! answered with the whole span: the reader, trained on single dates, often keeps only its end
//! (29日), which names no month and is wrong on its own. Likewise a year is answered with its
//! 年 (1994年), not the four bare digits the reader often keeps.

use super::question::{AnswerKind, Question};
use super::reader;

/// Words that join the two ends of a span of days.
const JOINS: [&str; 3] = ["至", "到", "—"];

/// How much lower (the reader's log-odds) the whole span may score than the reader's best.
const MARGIN: f32 = 1.0;

/// The reader's best span and its score, for a when-question.
fn best_of_when(q: &Question, spans: &[(reader::Span, f32)]) -> Option<(reader::Span, f32)> {
    if q.kind != AnswerKind::Date {
        return None;
    }
    let k = reader::best(spans)?;
    Some((spans[k].0.clone(), spans[k].1))
}

/// For a when-question whose best span is one end of a span of days, puts first the reader's
/// span that runs from the first day to the last, when it scored within [`MARGIN`].
/// `sentence` gives a span's normalized sentence.
pub(super) fn prefer_whole_range<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    let Some((best, score)) = best_of_when(q, spans) else {
        return;
    };
    let text = sentence(&best);
    let whole = |s: &reader::Span| {
        let Some(t) = sentence(s).get(s.range.clone()) else {
            return false;
        };
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && s.range.start <= best.range.start
            && s.range.end >= best.range.end
            && s.range != best.range
            && days(t)
    };
    if !text.get(best.range.clone()).is_some_and(is_day) {
        return;
    }
    reader::put_best_first(spans, |s, sc| sc >= score - MARGIN && whole(s));
}

/// Whether `t` (normalized) is a day written in digits (29日, 12月4日).
fn is_day(t: &str) -> bool {
    t.ends_with('日') && t.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether `t` (normalized) is a span of days: two days joined (12月4日至29日).
fn days(t: &str) -> bool {
    JOINS.iter().any(|j| {
        t.split_once(j)
            .is_some_and(|(from, to)| is_day(from) && is_day(to))
    })
}

/// For a when-question whose best span is a day without its month (二十八日 of
/// 十二月二十八日建成通水), puts first the reader's span that takes in the month written right
/// before it, when it scored within [`MARGIN`]: a day alone names no date.
pub(super) fn prefer_with_month<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    let Some((best, score)) = best_of_when(q, spans) else {
        return;
    };
    let text = sentence(&best);
    let Some(day) = text.get(best.range.clone()) else {
        return;
    };
    if day.contains('月') || !day.ends_with(['日', '号']) {
        return;
    }
    let Some(before) = text[..best.range.start].strip_suffix('月') else {
        return;
    };
    let Some(start) = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map(|(i, _)| i)
    else {
        return;
    };
    let with_month = spans.iter().position(|(s, sc)| {
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && s.range == (start..best.range.end)
            && *sc >= score - MARGIN
    });
    if let Some(w) = with_month {
        reader::put_first(spans, w);
    }
}

/// For a when-question whose best span is a year's digits without the 年 written after them
/// (1994 of 1994年11月，李宁集团成立了…), shows the year with its 年 (1994年) for 哪一年, or
/// for another when-question puts first the reader's span that goes on to the month
/// (1994年11月) when it scored within [`MARGIN`]: four bare digits read as a count as much as a
/// year.
pub(super) fn prefer_year_with_unit<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    let Some((best, score)) = best_of_when(q, spans) else {
        return;
    };
    let text = sentence(&best);
    let bare_year = text
        .get(best.range.clone())
        .is_some_and(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        && text[best.range.end..].starts_with('年');
    if !bare_year {
        return;
    }
    let with_month = |s: &reader::Span| {
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && s.range.start == best.range.start
            && sentence(s)
                .get(best.range.end..s.range.end)
                .and_then(|rest| rest.strip_prefix('年')?.strip_suffix('月'))
                .is_some_and(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()))
    };
    if !super::which::asks_year(q)
        && spans
            .iter()
            .any(|(s, sc)| *sc >= score - MARGIN && with_month(s))
    {
        reader::put_best_first(spans, |s, sc| sc >= score - MARGIN && with_month(s));
    } else if let Some(k) = reader::best(spans) {
        spans[k].0.range.end += '年'.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::days;

    #[test]
    fn a_span_of_days_is_two_days_joined() {
        assert!(days("12月4日至29日"));
        assert!(days("1月8日到2月26日"));
        assert!(!days("29日"));
        assert!(!days("去年的12月4日至29日"));
        assert!(!days("12月4日至今"));
    }
}
