//! Where an event happens, as news writes it: 在 + the place + the event's verb (在深圳经济特区
//! 成立, 在浙江宁波市举行). The reader's best span for a where-question is sometimes a place
//! word elsewhere in the sentence (各省市) or only the first of two place words (浙江 of
//! 浙江宁波市); the span that fills that frame is the place asked.

use super::extract::PLACE_TAGS;
use super::question::{AnswerKind, Question};
use super::reader;
use crate::text::segment::jieba;

/// How far below the best span a venue may score and still be put first: the frame is read
/// from jieba's tags, which misname some words (回国 is a place to jieba), so a span the reader
/// scores far lower is not taken on the frame alone.
const MARGIN: f32 = 1.0;

/// Longest venue read (瑞士东部山城达沃斯 is 9 characters).
const MAX_CHARS: usize = 14;

/// For a where-question whose best span does not fill the frame 在 + place + verb, puts first
/// the best-scored span of the same sentence that does, unless the reader scores it far lower.
pub(super) fn prefer_venue<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Place {
        return;
    }
    let Some((best, top)) = reader::best(spans).map(|k| (spans[k].0.clone(), spans[k].1)) else {
        return;
    };
    if fills_frame(sentence(&best), &best.range) {
        return;
    }
    reader::put_best_first(spans, |s, score| {
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && score > top - MARGIN
            && fills_frame(sentence(s), &s.range)
    });
}

/// Whether `range` of `sentence` is a place between 在 and a verb: nouns and locatives only, at
/// least one of them a place or organisation name by jieba's tags, no figure.
fn fills_frame(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let (Some(before), Some(span)) = (sentence.get(..range.start), sentence.get(range.clone()))
    else {
        return false;
    };
    if !before.ends_with('在')
        || span.chars().count() > MAX_CHARS
        || span.contains(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // Tag the whole sentence, so that the words are those jieba reads in context; the span
    // must start and end on word boundaries.
    let mut at = 0;
    let mut words = Vec::new();
    let mut next = None;
    for w in jieba().tag(sentence, true) {
        let start = at;
        at += w.word.len();
        if start >= range.start && at <= range.end {
            words.push(w.tag);
        } else if start == range.end {
            next = Some(w.tag);
            break;
        } else if start < range.end && at > range.start {
            return false;
        }
    }
    let nouns = words
        .iter()
        .all(|t| t.starts_with('n') || *t == "f" || *t == "s");
    let named = words.iter().any(|t| PLACE_TAGS.contains(t) || *t == "nt");
    let verb_after = next.is_some_and(|t| t.starts_with('v'));
    nouns && named && verb_after
}

#[cfg(test)]
mod tests {
    use super::fills_frame;

    fn fills(sentence: &str, span: &str) -> bool {
        let at = sentence.find(span).expect("span in sentence");
        fills_frame(sentence, &(at..at + span.len()))
    }

    #[test]
    fn the_place_between_zai_and_the_verb_fills_the_frame() {
        let s = "决赛定于2月11日至15日在浙江宁波市举行。";
        assert!(fills(s, "浙江宁波市"));
        assert!(!fills(s, "浙江"));
        let s = "我国第一家证券公司于1987年在深圳经济特区成立,以后各省市都相继成立了证券公司。";
        assert!(fills(s, "深圳经济特区"));
        assert!(!fills(s, "各省市"));
        assert!(!fills("他在会上发言", "会上"));
        assert!(!fills("在二次世界大战结束前服役", "二次世界大战"));
    }
}
