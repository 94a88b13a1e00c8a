//! Whose figure a sentence gives. News compares places: a paragraph about one city's investment
//! goes on 如北京完成投资233亿元, a report on mergers lists 英国…并购金额也只有1190亿美元 after
//! naming 法国 among others. The passage writes the question's place, so the passage-level check
//! lets it through; the figure's own sentence names another place before it and not the
//! question's, and gives that place's figure.

use crate::text::paraphrase;
use crate::text::segment::jieba;

use super::evidence::Evidence;
use super::extract;
use super::fit;
use super::question::{AnswerKind, Question};
use super::reader;

/// jieba's tags of places.
const PLACE_TAGS: &[&str] = &["ns", "nsf"];

/// The places a text names (two characters or more), but not a dateline's (北京1月5日电, 本报
/// 福州1月6日讯): a dispatch's place is where it was filed, not whose figure follows.
fn places(text: &str) -> Vec<String> {
    let tags = jieba().tag(text, false);
    tags.iter()
        .enumerate()
        .filter(|(_, t)| PLACE_TAGS.contains(&t.tag) && t.word.chars().count() >= 2)
        .filter(|(i, _)| {
            !tags
                .get(i + 1)
                .is_some_and(|n| n.word.starts_with(|c: char| c.is_ascii_digit()))
        })
        .map(|(_, t)| t.word.to_string())
        .collect()
}

/// Whether the check applies at all: a how-much question with a year that names a place.
fn asks_for_a_place(q: &Question, names: &[String]) -> bool {
    q.kind == AnswerKind::Amount && !q.years.is_empty() && names.iter().any(|n| is_place(n))
}

/// Whether the figure at byte `at` of a (normalized) sentence is another place's, for a
/// question [`asks_for_a_place`]: the sentence before the figure names none of the question's
/// names and its clause or the sentence opens with a place the question does not write.
fn another_place(q: &Question, names: &[String], sentence: &str, at: usize) -> bool {
    let Some(before) = sentence.get(..at) else {
        return false;
    };
    let clause = &before[extract::clause_start(before, before.len())..];
    let opening = without_openers(clause);
    let writes = |t: &str| {
        names
            .iter()
            .any(|n| super::names_written::writes_names(std::slice::from_ref(n), t))
    };
    // A clause of its own that opens with another place gives that place's figure, whatever
    // the clauses before it name (日、德、法、意等国…，中国的比例将从1997年的0.74%).
    // Only a clause between commas: an item of a list (卡西欧等14个品牌) has the subject before.
    let own = before
        .rsplit([',', ';', '。', ':', '，', '；', '：'])
        .next()
        .unwrap_or(before);
    let own_opening = without_openers(own);
    let own_subject = places(own_opening).first().is_some_and(|p| {
        own_opening.starts_with(p.as_str()) && !writes(own) && unasked(q, names, p)
    });
    if own_subject {
        return true;
    }
    if writes(before) {
        return false;
    }
    // The place the figure's clause opens with (英国虽名列第二, 如北京完成): its subject.
    places(before).iter().any(|p| {
        (before.starts_with(p.as_str()) || opening.starts_with(p.as_str())) && unasked(q, names, p)
    })
}

/// Whether a place is none the question writes or names, nor within or around one of its names,
/// nor the first characters of its names in a row (石安 of 石家庄到安阳: news names a line or a
/// road between two places so).
fn unasked(q: &Question, names: &[String], place: &str) -> bool {
    !q.normalized.contains(place)
        && !names
            .iter()
            .any(|n| n.contains(place) || place.contains(n.as_str()))
        && !initials_of(names, place)
}

/// Whether `place` is the first characters of two or more of `names` in a row.
fn initials_of(names: &[String], place: &str) -> bool {
    let firsts: Vec<char> = names.iter().filter_map(|n| n.chars().next()).collect();
    let place: Vec<char> = place.chars().collect();
    place.len() >= 2 && firsts.windows(place.len()).any(|w| w == place.as_slice())
}

/// Words that open a clause before its subject (如北京, 而上海, 其中天津). Whole words: 中
/// alone would cut 中国 to 国.
const OPENERS: &[&str] = &["其中", "另外", "如", "而", "但", "另", "据", "在"];

/// A clause without the words that open it before its subject.
fn without_openers(clause: &str) -> &str {
    let mut rest = clause;
    while let Some(r) = OPENERS.iter().find_map(|w| rest.strip_prefix(w)) {
        rest = r;
    }
    rest
}

/// Whether jieba tags a name as a place (one token), alone or with the head of a city or a
/// county after it: it tags 桂林 and 合肥 as other words, 桂林市 and 合肥市 as places.
fn is_place(name: &str) -> bool {
    matches!(jieba().tag(name, false).as_slice(), [one] if PLACE_TAGS.contains(&one.tag))
        || city_or_county(name)
}

/// Drops the figures another place's ([`another_place`]) when a figure with its unit remains. `text`
/// gives a span's sentence (normalized).
pub(super) fn drop_other_places<'a>(
    q: &Question,
    ev: &Evidence,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if !asks_for_a_place(q, &ev.names) {
        return;
    }
    let other: Vec<bool> = spans
        .iter()
        .map(|(s, _)| {
            let sentence = text(s);
            sentence.get(s.range.clone()).is_some()
                && another_place(
                    q,
                    &ev.names,
                    sentence,
                    extract::figure_at(sentence, &s.range),
                )
        })
        .collect();
    // Only a figure with its unit takes the place of another place's: a count of the places
    // listed (马来西亚4国) would pass the final check where the refusal is right.
    let measured = |s: &reader::Span| {
        let t = text(s).get(s.range.clone()).unwrap_or("");
        fit::is_figure(t) && (paraphrase::lexicon().unit_in(t).is_some() || t.contains('%'))
    };
    let stays = |k: usize| !other[k];
    if other.iter().any(|&o| o) && (0..spans.len()).any(|k| stays(k) && measured(&spans[k].0)) {
        let mut k = 0;
        spans.retain(|_| {
            k += 1;
            stays(k - 1)
        });
    }
}

/// Whether the answer (its `core` in its `sentence`, as shown) is another place's figure: the
/// final check refuses it.
pub(super) fn answers_for_another_place(
    q: &Question,
    ev: &Evidence,
    sentence: &str,
    core: &str,
) -> bool {
    if !asks_for_a_place(q, &ev.names) {
        return false;
    }
    let sentence = crate::text::normalize(sentence);
    let core = crate::text::normalize(core);
    sentence.find(core.as_str()).is_some_and(|at| {
        let range = at..at + core.len();
        another_place(
            q,
            &ev.names,
            &sentence,
            extract::figure_at(&sentence, &range),
        )
    })
}

/// Heads that end a place's name narrower than the one before it (镇 of 马颈坳镇).
const NARROWER_HEADS: &str = "省市县区镇乡村州";

/// Heads of an organisation of the place before it (公司 of 哈密新业公司).
const NARROWER_ORGANISATIONS: &[&str] = &["公司", "集团"];

/// Words before an organisation's head that say what kind it is, not which (有限公司).
const KINDS: &[&str] = &[
    "有限", "股份", "责任", "投资", "发展", "实业", "贸易", "科技", "控股", "国际", "总", "分",
];

/// The place a question writes right after one of its names, within it (马颈坳镇 of
/// 吉首马颈坳镇, 塘沽区 of 天津塘沽区): a report about that place is about the name's subject,
/// and often writes only the narrower place. None when a figure, a year or another word follows,
/// or when the words before the head describe a kind of place (扶贫县, 开发区) rather than name
/// one: a name is a place's word of the dictionary or none of its words.
pub(super) fn narrower_place(norm: &str, name: &str) -> Option<String> {
    let at = norm.find(name)? + name.len();
    let mut out = String::new();
    for c in norm[at..].chars().take(5) {
        if !crate::text::is_cjk(c) {
            return None;
        }
        let organisation = NARROWER_ORGANISATIONS
            .iter()
            .find(|h| format!("{out}{c}").ends_with(*h) && out.chars().count() > 1);
        if let Some(head) = organisation {
            out.pop();
            let named = !KINDS.iter().any(|k| out.ends_with(k));
            return named.then(|| format!("{out}{head}"));
        }
        if NARROWER_HEADS.contains(c) {
            let named = names_a_place(&out);
            out.push(c);
            return named.then_some(out);
        }
        out.push(c);
    }
    None
}

/// Whether the words before a head name one (a place's word of the dictionary or none of its
/// words), not a kind of place (扶贫县, 开发区).
fn names_a_place(words: &str) -> bool {
    !words.is_empty()
        && match jieba().tag(words, false).as_slice() {
            [one] => PLACE_TAGS.contains(&one.tag) || !jieba().has_word(words),
            _ => !jieba().has_word(words),
        }
}

/// Whether jieba's dictionary holds a word with 市 or 县 after it as one word (长治市, 保定市):
/// the word is that city's or county's name, whatever it tags the word alone (保定 a verb,
/// 长治 of 长治久安), unless it says a kind of place (直辖市, 贫困县).
pub(super) fn city_or_county(word: &str) -> bool {
    ["市", "县"].iter().any(|head| {
        matches!(jieba().tag(&format!("{word}{head}"), false).as_slice(),
            [one] if matches!(one.tag, "ns" | "nsf") || !KINDS_OF_PLACE.contains(&word))
    })
}

/// Whether a word is a place jieba's dictionary tags as one and the head of a works or a
/// field (大庆 | 油田): that place's own, not a topic named after it (海湾战争).
pub(super) fn place_works(word: &str) -> bool {
    WORKS.iter().any(|head| {
        word.strip_suffix(head).is_some_and(
            |place| matches!(jieba().tag(place, false).as_slice(), [one] if one.tag == "ns"),
        )
    })
}

/// Heads of works and fields named after their place.
const WORKS: &[&str] = &[
    "油田", "气田", "煤矿", "矿区", "铁路", "公路", "大桥", "机场", "港", "码头", "电厂", "电站",
    "水库", "钢厂", "钢铁",
];

/// Words the dictionary holds before 市 or 县 that say what kind of place it is, not which.
const KINDS_OF_PLACE: &[&str] = &[
    "直辖",
    "县级",
    "地级",
    "省辖",
    "计划单列",
    "省会",
    "示范",
    "模范",
    "先进",
    "试点",
    "重点",
    "贫困",
    "特困",
    "扶贫",
    "受灾",
    "主产",
    "农业",
    "发达",
    "富裕",
    "边境",
    "郊区",
    "姊妹",
    "生态",
    "自治",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_name_no_place_of_a_figure() {
        assert_eq!(places("新华社北京1月5日电上海去年完成投资"), vec!["上海"]);
        assert!(places("本报福州1月6日讯").is_empty());
    }

    #[test]
    fn a_narrower_place_follows_its_name() {
        let narrower = |q: &str, name: &str| narrower_place(q, name);
        assert_eq!(
            narrower("吉首马颈坳镇1997年柑子产了多少", "吉首").as_deref(),
            Some("马颈坳镇")
        );
        assert_eq!(
            narrower("天津塘沽区1997年产值", "天津").as_deref(),
            Some("塘沽区")
        );
        assert_eq!(narrower("福建省1997年财政", "福建"), None);
        assert_eq!(narrower("浙江扶贫县1997年收入", "浙江"), None);
        assert_eq!(narrower("上海1997年投资", "上海"), None);
        // An organisation of the place: its report may write only the organisation.
        assert_eq!(
            narrower("哈密新业公司1998年职工收入", "哈密").as_deref(),
            Some("新业公司")
        );
        assert_eq!(narrower("北京有限公司", "北京"), None);
    }

    #[test]
    fn a_line_between_two_places_is_named_by_their_first_characters() {
        let names = ["石家庄".to_string(), "安阳".to_string()];
        assert!(initials_of(&names, "石安"));
        assert!(!initials_of(&names, "安石"));
        assert!(!initials_of(&names, "石"));
        assert!(!initials_of(&names[..1], "石安"));
    }
}
