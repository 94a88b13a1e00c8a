//! Which figure of a sentence, and how much of the words around it, an amount is answered
//! with, when the reader's best span is right about the sentence but not about the figure:
//!
//! - a change from one figure to another (`存款余额由199.7亿元增至527.6亿元`) is answered with
//!   the figure reached, the state the question asks about, not the one it started from;
//! - a span that takes in the subject before its figure and stops at the number
//!   (`湖南省已有16` of `湖南省已有16户养猪万头大户`) gives way to the figure with its measure
//!   word (`16户`), which the reader read almost as well;
//! - a span that runs on from its figure into a verb or a 的 (`32个分布在中西部地区`,
//!   `3%的预测`) is cut after the figure: what follows says what the figure does, not how much.

use std::ops::Range;

use super::extract;
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

/// Words before a threshold a figure passed (超过50%), not the figure itself.
const THRESHOLDS: &[&str] = &["超过", "突破", "超出"];

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
    let after = &text[range.end..];
    let to = if started {
        let Some(verb) = REACHED.iter().find(|v| after.starts_with(*v)) else {
            return;
        };
        range.end + verb.len()
    } else {
        // A threshold passed, then the figure reached: 首次超过50%，达到57.16%.
        let figure = extract::figure_at(text, &range);
        if !THRESHOLDS.iter().any(|t| text[..figure].ends_with(t)) {
            return;
        }
        let next = after.trim_start_matches([',', '，']);
        let Some(verb) = ["达到", "达", "为", "升至", "增至"]
            .iter()
            .find(|v| next.starts_with(*v))
        else {
            return;
        };
        text.len() - next.len() + verb.len()
    };
    let reached = spans.iter().position(|(s, sc)| {
        (s.passage, s.sentence) == (span.passage, span.sentence)
            && s.range.start == to
            && *sc >= score - MARGIN
    });
    if let Some(k) = reached {
        reader::put_first(spans, k);
    }
}

/// Words between a whole's figure and the part's (20个县市中已有17个): 中 or 之中, then an
/// adverb, then 有.
const PART_ADVERBS: &[&str] = &["已", "共", "只", "仅", "就", "还", "约", "近", "先后", ""];

/// Where the figure of a part starts after a whole's figure, when the text right after the
/// whole reads `[noun]中[，][已]有` (河西20个县市中已有17个被命名为…) or `[noun]中的`
/// (关停了全国91家金融公司中的58家) and a digit follows; and whether it was 中的, where the
/// part is the object of the verb before the whole.
fn part_after(after: &str) -> Option<(usize, bool)> {
    let head: String = after.chars().take(9).collect();
    let at = head.find('中')?;
    if head[..at].contains(|c: char| c.is_ascii_punctuation() || "，、。；：".contains(c)) {
        return None;
    }
    let mut rest = &after[at + '中'.len_utf8()..];
    let of = rest.strip_prefix('的');
    rest = rest.trim_start_matches([',', '，']);
    let rest = of.or_else(|| {
        PART_ADVERBS
            .iter()
            .find_map(|a| rest.strip_prefix(a).and_then(|r| r.strip_prefix('有')))
    })?;
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then(|| (after.len() - rest.len(), of.is_some()))
}

/// For an amount question, puts first the part's figure when the reader's best span is the
/// whole it is a part of (20个县市中已有17个被命名为双拥模范城) and the question's words stand
/// after the part, in its clause: 有几个县市成了双拥模范城 asks the 17. A question about the
/// whole (河西有多少个县市) has none of its words there and keeps the 20.
pub(super) fn prefer_part<'a>(
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
    let span = &spans[best].0;
    let text = sentence(span);
    let Some(after) = text.get(span.range.end..) else {
        return;
    };
    let Some((offset, of)) = part_after(after) else {
        return;
    };
    let at = span.range.end + offset;
    // The question's words in the part's clause, or, for 中的, before the whole in its own
    // clause (关停了 of 关停了全国91家金融公司中的58家).
    let clause = if of {
        text[..span.range.start]
            .rsplit([',', '，', '。', ';', '；', ':', '：'])
            .next()
            .unwrap_or_default()
    } else {
        text[at..]
            .split([',', '，', '。', ';', '；'])
            .next()
            .unwrap_or_default()
    };
    let chars: Vec<char> = clause.chars().collect();
    let asked_after = chars.windows(2).any(|w| {
        w.iter().all(|c| !c.is_ascii_digit())
            && q.normalized.contains(&w.iter().collect::<String>())
    });
    if !asked_after {
        return;
    }
    let part = spans.iter().position(|(s, _)| {
        (s.passage, s.sentence) == (span.passage, span.sentence) && s.range.start == at
    });
    if let Some(k) = part {
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

/// Measure words beyond the reader's classifiers that jieba tags as other words (对 as a
/// preposition, 站 as a verb).
const MORE_MEASURES: &str = "对站门间";

/// jieba's tags of words that, right after a figure, start what it does or what it qualifies
/// (分布, 的, 在), not the thing it counts (住房, 清真寺).
const TAIL_TAGS: &[&str] = &["v", "vd", "vn", "uj", "ul", "u", "p", "d", "c"];

/// Adverbs that, alone after a figure and its measure word, start what it does (45所已 of
/// 45所已改建为希望小学).
const ADVERBS: &str = "已就还都也才均仅又再便即";

/// For an amount question, the chosen span cut after its figure and measure word when it goes
/// on into a verb or a particle (`32个分布在中西部地区` → `32个`, `3%的预测` → `3%`) or stops
/// inside a run of nouns (`120多支专业` of 120多支专业文艺演出队 → `120多支`). A figure
/// followed by the noun it counts (`594套住房`) is kept whole.
pub(super) fn without_tail(q: &Question, text: &str, range: &Range<usize>) -> Range<usize> {
    let whole = range.clone();
    if q.kind != AnswerKind::Amount {
        return whole;
    }
    let Some(shown) = text.get(range.clone()) else {
        return whole;
    };
    let Some(figure) = extract::amounts(shown).last().cloned() else {
        return whole;
    };
    // jieba's words from the figure on: the number and measure words (m, q), then the word
    // that starts the tail. The unit characters alone would take 分 of 分布 for minutes.
    let from = &shown[figure.start..];
    let tags = crate::text::segment::jieba().tag(from, false);
    // The tags cover the text in order: a word starts where the words before it end.
    let mut at = figure.start;
    let Some(next) = tags.iter().find(|t| {
        // jieba reads some measure words as other words (只 as only, 对 as to, 站 as stand).
        let mut chars = t.word.chars();
        let measure = matches!(
            (chars.next(), chars.next()),
            (Some(c), None) if super::fit::is_classifier(c) || MORE_MEASURES.contains(c)
        );
        let figure_word = measure || matches!(t.tag, "m" | "q" | "x");
        if figure_word {
            at += t.word.len();
        }
        !figure_word
    }) else {
        return whole;
    };
    // One character of tail only when it is an adverb (45所已 of 45所已改建).
    let tail = &shown[at..];
    let long_enough =
        tail.chars().count() >= 2 || (tail.chars().count() == 1 && ADVERBS.contains(tail));
    // A noun the span cuts off from the nouns after it (专业 of 120多支专业文艺演出队)
    // qualifies what the figure counts: the figure and its measure word are shown.
    let measured = shown[..at]
        .chars()
        .next_back()
        .is_some_and(|c| super::fit::is_classifier(c) || MORE_MEASURES.contains(c));
    let cut_off = measured && next.tag.starts_with('n') && {
        let after: String = text[range.end..].chars().take(6).collect();
        crate::text::segment::jieba()
            .tag(&after, false)
            .first()
            .is_some_and(|t| t.tag.starts_with('n') && t.word.chars().all(crate::text::is_cjk))
    };
    if at > figure.start && (TAIL_TAGS.contains(&next.tag) && long_enough || cut_off) {
        range.start..range.start + at
    } else {
        whole
    }
}

/// The answer's figure as its sentence writes it on: `core` with the unit characters right
/// after it when it stops at the end of its number (17 of 17日电, 12 of 12亿美元), which the
/// final check judges as well as the answer shown. `sentence` and `core` as shown.
pub(super) fn written_on(sentence: &str, core: &str) -> String {
    let sentence = crate::text::normalize(sentence);
    let core = crate::text::normalize(core);
    match sentence.find(core.as_str()) {
        Some(at) => written_at(&sentence, &(at..at + core.len())),
        None => core,
    }
}

/// [`written_on`] for a span at `range` of a normalized `sentence`: the reader's spans are
/// judged by the measure they are written in (600多 of 600多册 is no 多少公里).
pub(super) fn written_at(sentence: &str, range: &Range<usize>) -> String {
    let Some(core) = sentence.get(range.clone()) else {
        return String::new();
    };
    if !core
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || "万亿千百十多余".contains(c))
    {
        return core.to_string();
    }
    let unit: String = sentence[range.end..]
        .chars()
        .take(4)
        .take_while(|&c| crate::text::segment::is_unit(c) || super::fit::is_classifier(c))
        .collect();
    format!("{core}{unit}")
}

/// When the reader's best span is `faulted` (a change's size for a level asked, the rest's
/// figure for the thing named), puts first the best span of the same sentence, within `margin`
/// of it, that gives a figure and is not. `sentence` gives a span's normalized sentence;
/// `faulted` judges a span's range in it.
pub(super) fn sound_figure_first<'a>(
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
    margin: f32,
    faulted: impl Fn(&str, &Range<usize>) -> bool,
) {
    let Some(best) = reader::best(spans) else {
        return;
    };
    let (top, score) = (spans[best].0.clone(), spans[best].1);
    let text = sentence(&top);
    if text.get(top.range.clone()).is_none() || !faulted(text, &top.range) {
        return;
    }
    reader::put_best_first(spans, |s, sc| {
        (s.passage, s.sentence) == (top.passage, top.sentence)
            && sc >= score - margin
            && text
                .get(s.range.clone())
                .is_some_and(|t| !extract::amounts(t).is_empty())
            && !faulted(text, &s.range)
    });
}

#[cfg(test)]
#[path = "amount_span_tests.rs"]
mod tests;
