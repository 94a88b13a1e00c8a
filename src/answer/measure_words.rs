//! The measure words figures are counted in (34架, 300名, 7级): which one a question counts in
//! after 多少 or 几, which one a figure is given in, and which of them count the same things.

use super::look_alikes::lone_yi;
use super::question::{AnswerKind, Question};
use super::reader;

/// Measure words a question counts in after 多少 or 几 (多少箱, 几辆).
const COUNTED_IN: &str =
    "箱吨辆台架艘头只匹张本部件项次所座条名位户人家元米亩支队篇首幅卷册套场起株棵栋幢层份";

/// The measure word the question counts in, when it writes one right after 多少 or 几 (not 多少
/// 人口, whose next character goes on the word; not 个, which goes before the unit: 多少个小时).
pub(super) fn asked_classifier(norm: &str) -> Option<char> {
    ["多少", "几"].iter().find_map(|cue| {
        let at = norm.find(cue)? + cue.len();
        let mut rest = norm[at..].chars();
        let c = rest.next().filter(|c| COUNTED_IN.contains(*c))?;
        let word_goes_on = matches!(
            (c, rest.next()),
            ('人', Some('口' | '次' | '民')) | ('元', Some('钱')) | ('份', Some('额'))
        );
        (!word_goes_on).then_some(c)
    })
}

/// The measure word a figure is counted in: the first character after the number of the
/// answer's last amount (条 of 14条长途, whose trailing words are not its unit), or the
/// answer's last character when it states no amount the extractor knows.
pub(super) fn measure_word(answer: &str) -> Option<char> {
    word_after_figure(answer).filter(|&c| super::fit::is_classifier(c))
}

/// The character [`measure_word`] reads, a measure word or not (字 of 160万字).
pub(super) fn word_after_figure(answer: &str) -> Option<char> {
    match super::extract::amounts(answer).last() {
        Some(r) => answer.get(r.start..).and_then(|figure| {
            figure.chars().find(|&c| {
                !(c.is_ascii_digit()
                    || super::fit::NUMERALS.contains(c)
                    || "万亿千百十.·多余几".contains(c))
            })
        }),
        // A figure in Chinese numerals only (五次会议优秀): the word after its last numeral,
        // past a general 个 (三个月 is counted in months). A lone 一 is as often "a" (一周前,
        // 一项方案) as a count, and is left to the last character as before.
        None => match answer.rfind(|c: char| super::fit::NUMERALS.contains(c)) {
            Some(at) if !lone_yi(answer, at) => answer[at..].chars().skip(1).find(|&c| c != '个'),
            _ => answer.chars().last(),
        },
    }
}

/// A span's range of its normalized `sentence`, with the measure word after it when the span
/// stops at the end of its number (7 of 7级以上 is counted in 级): what the measure checks
/// judge.
pub(super) fn with_measure_word<'a>(sentence: &'a str, range: &std::ops::Range<usize>) -> &'a str {
    let Some(span) = sentence.get(range.clone()) else {
        return "";
    };
    let ends_in_number = span
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || super::fit::NUMERALS.contains(c));
    match sentence[range.end..].chars().next() {
        Some(c) if ends_in_number && super::fit::is_classifier(c) => {
            &sentence[range.start..range.end + c.len_utf8()]
        }
        _ => span,
    }
}

/// Measure words that count the same things (多少人 answered 300名, 多少家 answered 40个).
const ALIKE: &[&str] = &[
    "人名位个口",
    "家个所户",
    "次回起宗例个场",
    "件起宗个项",
    "座个",
    "条根",
    "辆台部",
    "台部架",
    "头只匹",
    "本册部",
    "艘条只",
];

/// Whether a figure counted in `given` answers a question counting in `asked`.
pub(super) fn counts_alike(asked: char, given: char) -> bool {
    !super::fit::is_classifier(given) || grouped_with(asked, given)
}

/// Whether `given` is the asked measure word or one a group holds with it (名 for 多少人).
pub(super) fn grouped_with(asked: char, given: char) -> bool {
    asked == given || ALIKE.iter().any(|g| g.contains(asked) && g.contains(given))
}

/// When the question names what it counts right after its measure word (多少名优秀班长) and some
/// span's figure is followed by those words, drops the spans followed by other words: in
/// 表彰10名优秀旅团主官、1000名优秀班长 the 10名 count other people. `sentence` gives a span's
/// normalized sentence.
pub(super) fn prefer_counted_noun<'a>(
    q: &super::question::Question,
    spans: &mut Vec<(super::reader::Span, f32)>,
    sentence: impl Fn(&super::reader::Span) -> &'a str,
) {
    let Some(c) =
        asked_classifier(&q.normalized).filter(|_| q.kind == super::question::AnswerKind::Amount)
    else {
        return;
    };
    let Some(noun) = ["多少", "几"].iter().find_map(|cue| {
        let at = q.normalized.find(&format!("{cue}{c}"))? + cue.len() + c.len_utf8();
        let noun: String = q.normalized[at..]
            .chars()
            .take_while(|&c| crate::text::is_cjk(c))
            .collect();
        (noun.chars().count() >= 2).then_some(noun)
    }) else {
        return;
    };
    // The words right after a span's figure and its measure word.
    let after = |s: &super::reader::Span| {
        let after = sentence(s).get(s.range.end..).unwrap_or("");
        after.strip_prefix(c).unwrap_or(after)
    };
    let counts_noun = |s: &super::reader::Span| after(s).starts_with(noun.as_str());
    // A figure followed by other words counts another thing; one its clause ends after
    // (冲走了53户。) may still count the asked one.
    let counts_other =
        |s: &super::reader::Span| !counts_noun(s) && after(s).starts_with(crate::text::is_cjk);
    if spans.iter().any(|(s, _)| counts_noun(s)) {
        spans.retain(|(s, _)| !counts_other(s));
    }
}

/// Whether `word` is what the question counts, a measure word with its noun (口井 of
/// 多少口井, 间房 of 几间房), which jieba may cut as one word its dictionary lacks: no name.
pub(super) fn counted_noun(norm: &str, word: &str) -> bool {
    word.chars().next().is_some_and(super::fit::is_classifier)
        && ["多少", "几"]
            .iter()
            .any(|cue| norm.contains(&format!("{cue}{word}")))
}

/// Drops the figures counted in a measure word that the final check refuses (7级 for 几次)
/// when a span counted as asked remains, wherever the reader ranks either: the reranker's first
/// passage keeps its span by a margin, and a refused one there would turn the answer another
/// passage gives into a refusal. `text` gives a span with its measure word
/// ([`with_measure_word`]).
pub(super) fn drop_other_counts<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    let Some(asked) = asked_classifier(&q.normalized).filter(|_| q.kind == AnswerKind::Amount)
    else {
        return;
    };
    // Where a figure is counted in the very word asked (600多篇, not 一名: "a"), nor one in a
    // word no group holds with it (160万字).
    let exact = spans.iter().any(|(s, _)| {
        let t = text(s);
        super::measure::counted_as_asked(q, t)
            && measure_word(t) == Some(asked)
            && !super::look_alikes::only_lone_yi(t)
    });
    let other = |t: &str| {
        (exact
            && word_after_figure(t)
                .is_some_and(|m| crate::text::is_cjk(m) && !grouped_with(asked, m)))
            || (measure_word(t).is_some() && super::measure::wrong_measure(q, t))
    };
    if spans
        .iter()
        .any(|(s, _)| super::measure::counted_as_asked(q, text(s)))
    {
        spans.retain(|(s, _)| !other(text(s)));
    }
}

#[cfg(test)]
mod tests {
    use super::counted_noun;

    #[test]
    fn a_measure_word_with_its_noun_is_what_is_counted() {
        assert!(counted_noun("第三勘探队1997年打了多少口井", "口井"));
        assert!(counted_noun("他家有几间房", "间房"));
        // Not after a count cue, or not a measure word first: a word that may name something.
        assert!(!counted_noun("口井村1997年收入多少", "口井"));
        assert!(!counted_noun("多少宏碁", "宏碁"));
    }
}
