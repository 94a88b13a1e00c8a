//! Where an event happens, as news writes it: 在 + the place + the event's verb (在深圳经济特区
//! 成立, 在浙江宁波市举行). The reader's best span for a where-question is sometimes a place
//! word elsewhere in the sentence (各省市) or only the first of two place words (浙江 of
//! 浙江宁波市); the span that fills that frame is the place asked.

use std::ops::Range;

use super::extract::PLACE_TAGS;
use super::question::{AnswerKind, Question};
use super::reader;
use crate::text::segment::jieba;

/// How far below the best span a venue may score and still be put first: the frame is read
/// from jieba's tags, which misname some words (回国 is a place to jieba), so a span the reader
/// scores far lower is not taken on the frame alone.
const MARGIN: f32 = 1.0;

/// Words a venue's name ends with (伍顿高中礼堂, whose 伍顿 jieba reads as a person).
const VENUES: &[&str] = &[
    "礼堂",
    "会堂",
    "大厅",
    "体育馆",
    "体育场",
    "剧院",
    "剧场",
    "宾馆",
    "饭店",
    "酒店",
    "广场",
    "大厦",
    "公园",
    "俱乐部",
    "展览馆",
    "博物馆",
    "纪念馆",
    "会议中心",
    "展览中心",
];

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
    let text = sentence(&best);
    let tagged = words(text);
    if fills_frame(text, &tagged, &best.range, false) {
        return;
    }
    let framed = |s: &reader::Span, score: f32| {
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && score > top - MARGIN
            && fills_frame(text, &tagged, &s.range, false)
    };
    if spans.iter().any(|(s, score)| framed(s, *score)) {
        reader::put_best_first(spans, framed);
        return;
    }
    // A foreign place jieba cuts into pieces (在采蒂涅宣誓就职: 采/v 蒂 涅) still stands between
    // 在 and the question's own verb, which says as much as jieba's tags would: no margin.
    let verbs = asked_verbs(q);
    reader::put_best_first(spans, |s, _| {
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && before_asked_verb(text, &tagged, &s.range, &verbs)
    });
}

/// The verbs a question writes (就职 of 在哪就职), by jieba's tags.
fn asked_verbs(q: &Question) -> Vec<String> {
    jieba()
        .tag(&q.normalized, true)
        .into_iter()
        .filter(|w| w.tag.starts_with('v') && w.word.chars().count() >= 2)
        .map(|w| w.word.to_string())
        .collect()
}

/// Whether `range` of `sentence` (its words `tagged`) is two to six CJK characters right after
/// 在, without 的, starting on a word and ending where a word ending in one of the question's
/// `verbs` starts (在采蒂涅宣誓就职 for 在哪就职).
fn before_asked_verb(
    sentence: &str,
    tagged: &[(Range<usize>, &str)],
    range: &Range<usize>,
    verbs: &[String],
) -> bool {
    let (Some(before), Some(span)) = (sentence.get(..range.start), sentence.get(range.clone()))
    else {
        return false;
    };
    let next = tagged
        .iter()
        .find(|(w, _)| w.start == range.end)
        .and_then(|(w, _)| sentence.get(w.clone()));
    before.ends_with('在')
        && (2..=6).contains(&span.chars().count())
        && span.chars().all(|c| crate::text::is_cjk(c) && c != '的')
        && tagged.iter().any(|(w, _)| w.start == range.start)
        // No adverb, modifier, pronoun or function word inside (在嘉义市主要来自: 主要 is no
        // part of the place).
        && !tagged.iter().any(|(w, t)| {
            range.start <= w.start
                && w.end <= range.end
                && t.starts_with(['d', 'b', 'c', 'p', 'r', 'u'])
        })
        && next.is_some_and(|n| verbs.iter().any(|v| n.ends_with(v.as_str())))
}

/// Words that say an event happens at the place named before (在这里举行, 在此召开).
const HERE: &[&str] = &["在这里", "在此", "在那里"];

/// For a where-question whose best span in the best passage stands in a sentence that says the
/// event happens 在这里 (晚会在这里举行), puts first the place the sentence before names after 在
/// (欢聚在伍顿高中礼堂，): that is where 这里 is. The reader seldom reads that place as a span
/// of its own, so the span is made here.
pub(super) fn venue_named_before<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Place {
        return;
    }
    let Some(top) = reader::best(spans).map(|k| spans[k].1) else {
        return;
    };
    let Some((first, _)) = spans
        .iter()
        .filter(|(s, _)| s.passage == 0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
    else {
        return;
    };
    let text = sentence(first);
    if first.sentence == 0
        || !HERE.iter().any(|h| text.contains(h))
        || fills_frame(text, &words(text), &first.range, false)
    {
        return;
    }
    let mut before = first.clone();
    before.sentence -= 1;
    before.range = 0..0;
    let Some(range) = last_venue(sentence(&before)) else {
        return;
    };
    before.range = range;
    spans.push((before, top));
    let k = spans.len() - 1;
    reader::put_first(spans, k);
}

/// The last place of `text` that stands after 在 and before a verb, a comma or the end.
fn last_venue(text: &str) -> Option<Range<usize>> {
    let tagged = words(text);
    let bounds: Vec<usize> = tagged.iter().map(|(r, _)| r.end).collect();
    let zai = '在'.len_utf8();
    text.match_indices('在')
        .filter_map(|(i, _)| {
            let start = i + zai;
            bounds
                .iter()
                .filter(|&&e| e > start && e - start <= MAX_CHARS * 3)
                .rev()
                .map(|&e| start..e)
                .find(|r| fills_frame(text, &tagged, r, true))
        })
        .next_back()
}

/// A sentence's words with jieba's tags, read in context once per sentence.
fn words(sentence: &str) -> Vec<(Range<usize>, &str)> {
    let mut at = 0;
    jieba()
        .tag(sentence, true)
        .into_iter()
        .map(|w| {
            let start = at;
            at += w.word.len();
            (start..at, w.tag)
        })
        .collect()
}

/// Whether `range` of `sentence` is a place between 在 and a verb (or, `or_pause`, a comma or
/// the sentence's end: 欢聚在伍顿高中礼堂，): nouns and locatives only, at least one of them a
/// place or organisation name by jieba's tags or ending in a venue's word, no figure.
fn fills_frame(
    sentence: &str,
    tagged: &[(Range<usize>, &str)],
    range: &Range<usize>,
    or_pause: bool,
) -> bool {
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
    // The words are those jieba reads in the whole sentence; the span must start and end on
    // word boundaries.
    let mut words = Vec::new();
    let mut next = None;
    for (w, tag) in tagged {
        if w.start >= range.start && w.end <= range.end {
            words.push(*tag);
        } else if w.start == range.end {
            next = Some(*tag);
            break;
        } else if w.start < range.end && w.end > range.start {
            return false;
        }
    }
    let nouns = words
        .iter()
        .all(|t| t.starts_with('n') || *t == "f" || *t == "s");
    let named = words.iter().any(|t| PLACE_TAGS.contains(t) || *t == "nt")
        || VENUES.iter().any(|v| span.ends_with(v));
    let verb_after = next.is_some_and(|t| t.starts_with('v') || (or_pause && t == "x"))
        || (or_pause && next.is_none());
    nouns && named && verb_after
}

#[cfg(test)]
mod tests {
    use super::fills_frame;

    fn fills(sentence: &str, span: &str) -> bool {
        let at = sentence.find(span).expect("span in sentence");
        fills_frame(
            sentence,
            &super::words(sentence),
            &(at..at + span.len()),
            false,
        )
    }

    #[test]
    fn the_place_named_before_here_is_the_last_after_zai() {
        let s = "1月24日晚,1500多名来自华盛顿的华人欢聚在伍顿高中礼堂,互相拜年,共迎新春。";
        let r = super::last_venue(s).expect("a venue");
        assert_eq!(&s[r], "伍顿高中礼堂");
        assert_eq!(super::last_venue("他们在会上发言。"), None);
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
