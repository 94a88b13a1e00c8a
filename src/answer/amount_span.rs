//! Which figure of a sentence, and how much of the words around it, an amount is answered
//! with, when the reader's best span is right about the sentence but not about the figure:
//!
//! - a change from one figure to another (`存款余额由199.7亿元增至527.6亿元`) is answered with
//!   the figure reached, the state the question asks about, not the one it started from;
//! - a span that takes in the subject before its figure and stops at the number
//!   (`湖南省已有16` of `湖南省已有16户养猪万头大户`) gives way to the figure with its measure
//!   word (`16户`), which the reader read almost as well.

use super::fit::NUMERALS;
use super::question::{AnswerKind, Question};
use super::reader;

/// The words that end a change and lead to the figure reached (增至527.6亿元).
const REACHED: &[&str] = &[
    "增至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "上升到",
    "上升至",
    "提高到",
    "提高至",
    "升至",
    "扩大到",
    "扩大至",
    "降至",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
    "减至",
    "降到",
    "猛增到",
    "跃升到",
    "跃升至",
];

/// Words of a question that asks for the figure a change started from.
const ASKS_START: &[&str] = &["原来", "原先", "原有", "以前", "之前", "由多少", "从多少"];

/// Words right before a figure that say how it stands to the amount (超过5吨, 突破14万): a
/// span that ends its lead with one keeps it.
const QUALIFIERS: &[&str] = &[
    "超过", "突破", "不到", "不足", "将近", "接近", "近", "约", "达", "逾", "仅", "共", "总计",
    "合计", "累计", "以上", "左右",
];

/// How much lower the reader may score the figure reached, or the bare figure, than its best
/// span and still be preferred.
const MARGIN: f32 = 3.0;

/// For an amount question, puts the figure a change reached first when the reader's best span
/// is the figure it started from (由199.7亿元增至527.6亿元). Not when the starting figure is
/// dated (由1996年的…: the year decides) or the question asks for the start.
pub(super) fn prefer_reached_value<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount || ASKS_START.iter().any(|w| q.normalized.contains(w)) {
        return;
    }
    let Some(best) = reader::best(spans) else {
        return;
    };
    let (span, score) = (&spans[best].0, spans[best].1);
    let text = sentence(span);
    let Some(range) = text.get(span.range.clone()).map(|_| span.range.clone()) else {
        return;
    };
    let before = &text[..range.start];
    let started = before.ends_with('由')
        || before.ends_with('从')
        || text[range.clone()].starts_with(['由', '从']);
    if !started {
        return;
    }
    let after = &text[range.end..];
    let Some(verb) = REACHED.iter().find(|v| after.starts_with(*v)) else {
        return;
    };
    let to = range.end + verb.len();
    let reached = spans.iter().position(|(s, sc)| {
        (s.passage, s.sentence) == (span.passage, span.sentence)
            && s.range.start == to
            && *sc >= score - MARGIN
    });
    if let Some(k) = reached {
        reader::put_first(spans, k);
    }
}

/// For an amount question, when the reader's best span opens with words before its figure
/// (湖南省已有16) that are not part of it, the span of the same sentence that starts at the
/// figure and ends by the best span's end plus one measure word (16户) is put first, if the
/// reader scored it within [`MARGIN`].
pub(super) fn prefer_bare_figure<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount {
        return;
    }
    let Some(best) = reader::best(spans) else {
        return;
    };
    let (span, score) = (&spans[best].0, spans[best].1);
    let text = sentence(span);
    let Some(shown) = text.get(span.range.clone()) else {
        return;
    };
    let Some(at) = shown.find(|c: char| c.is_ascii_digit() || NUMERALS.contains(c)) else {
        return;
    };
    // Two Chinese characters or more before the figure, which do not merely qualify it
    // (约, 共, 达到): a subject and its verb.
    let lead = &shown[..at];
    let words = lead
        .chars()
        .filter(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(c) && !"约近共达逾仅超到为是了有".contains(*c)
        })
        .count();
    if words < 2 || QUALIFIERS.iter().any(|w| lead.ends_with(w)) {
        return;
    }
    let start = span.range.start + at;
    let end_by = span.range.end
        + text[span.range.end..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
    let bare = spans
        .iter()
        .enumerate()
        .filter(|(_, (s, sc))| {
            (s.passage, s.sentence) == (span.passage, span.sentence)
                && s.range.start == start
                && s.range.end <= end_by
                && *sc >= score - MARGIN
        })
        .max_by_key(|(_, (s, _))| s.range.end)
        .map(|(k, _)| k);
    if let Some(k) = bare {
        reader::put_first(spans, k);
    }
}
