//! A level asked, a change read: 股指跌到多少点 asks where the index closed (以1518点收市),
//! not how far it fell (大跌了137.85点). The reader, reading the question's 跌, prefers the
//! figure right after the sentence's 跌了.

use super::extract;
use super::question::{AnswerKind, Question};
use super::reader;

/// Words of a question that ask the level a change reached.
const LEVEL_ASKED: &[&str] = &[
    "跌到",
    "跌至",
    "降到",
    "降至",
    "回落到",
    "下降到",
    "涨到",
    "涨至",
    "升到",
    "升至",
    "上升到",
    "增加到",
    "增长到",
    "提高到",
    "收在",
    "收于",
];

/// Words right before a figure that give it as the size of a change (跌了137.85点, 上涨5%).
const CHANGE: &[&str] = &[
    "跌了",
    "涨了",
    "降了",
    "升了",
    "下跌",
    "上涨",
    "下降",
    "上升",
    "回升",
    "下挫",
    "增加",
    "减少",
    "增长",
    "提高了",
    "减少了",
    "增加了",
    "增长了",
];

/// How much lower the reader may score the level than the change and still be preferred.
const MARGIN: f32 = 3.0;

/// Whether the figure at `range` of `sentence` is written as the size of a change.
fn as_change(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let at = extract::figure_at(sentence, range);
    let before = &sentence[..at];
    CHANGE.iter().any(|w| before.ends_with(w))
}

/// When the question asks a level and the reader's best span is a change's size, puts first the
/// best span of the same sentence within [`MARGIN`] that is a figure not written as a change.
pub(super) fn prefer_level<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount || !LEVEL_ASKED.iter().any(|w| q.normalized.contains(w)) {
        return;
    }
    super::amount_span::sound_figure_first(spans, sentence, MARGIN, as_change);
}

#[cfg(test)]
mod tests {
    use super::as_change;

    #[test]
    fn a_figure_after_a_change_verb_is_its_size() {
        let s = "菲律宾股市9日大跌了137.85点,以1518点收市";
        let at = |t: &str| {
            let k = s.find(t).expect("in the sentence");
            k..k + t.len()
        };
        assert!(as_change(s, &at("137.85点")));
        assert!(!as_change(s, &at("1518点")));
    }
}
