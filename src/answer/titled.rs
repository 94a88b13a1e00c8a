//! A person asked by a title (哪位日本首相, 哪个国家的总统) or by a noun after 哪位 (哪位农民)
//! is the one the passage names right after that title or noun: in 桥本说，日本现内阁将秉承
//! 前首相村山富市１９９５年发表的…谈话, the prime minister of 1995 is 村山富市, not 桥本, whom
//! the reader scores first as the sentence's speaker.

use super::question::{AnswerKind, Question};
use super::reader;

/// Titles a who-question may ask a person by, longest first where one holds another.
const TITLES: &[&str] = &[
    "秘书长",
    "委员长",
    "董事长",
    "领导人",
    "首相",
    "总统",
    "总理",
    "主席",
    "部长",
    "外长",
    "市长",
    "省长",
    "县长",
    "州长",
    "书记",
    "厂长",
    "经理",
    "总裁",
    "校长",
    "院长",
    "局长",
    "大使",
    "国王",
    "女王",
    "教练",
    "队长",
    "议长",
    "总督",
    "司令",
];

/// How much lower (the reader's log-odds) the titled name may score than the reader's best span
/// and still be the answer.
const TITLED_MARGIN: f32 = 3.0;

/// The title a who-question asks a person by (首相 of 哪位日本首相), or else the noun it writes
/// right after 哪位 or 哪名 (农民 of 去了哪位农民家), if any.
fn asked_title(q: &Question) -> Option<String> {
    if q.kind != AnswerKind::Person {
        return None;
    }
    // 推谁竞选总统 asks who runs for the post, not who holds it (现总统桑佩尔).
    let norm = q.normalized.as_str();
    let title = TITLES.iter().copied().find(|t| {
        norm.match_indices(t)
            .any(|(at, _)| !RUN_FOR.iter().any(|r| norm[..at].ends_with(r)))
    });
    if let Some(t) = title {
        return Some(t.to_string());
    }
    ["哪一位", "哪位", "哪名"].iter().find_map(|cue| {
        let rest = &norm[norm.find(cue)? + cue.len()..];
        // A place or a body before the noun qualifies it (哪位日本作家: 作家).
        let tags = crate::text::segment::jieba().tag(rest, false);
        let word = tags
            .iter()
            .find(|t| !matches!(t.tag, "ns" | "nt"))
            .filter(|t| t.tag.starts_with('n') && !t.tag.starts_with("nr"))?
            .word;
        (word.chars().count() >= 2 && word.chars().all(crate::text::is_cjk))
            .then(|| word.to_string())
    })
}

/// Verbs of taking a post: the name before them holds the title after them (托绍夫斯基出任总理).
const TAKES: &[&str] = &["出任", "担任", "就任", "接任", "当选"];

/// Verbs of running for a post: the title after them is the post sought.
const RUN_FOR: &[&str] = &["竞选", "参选", "角逐", "竞争"];

/// Puts first, for a who-question that asks by a title, the reader's span that its sentence
/// writes right after that title (前首相村山富市), when the reader scores it within
/// [`TITLED_MARGIN`] of its best. `sentence` gives a span's sentence (normalized).
pub(super) fn prefer_titled<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    let Some(title) = asked_title(q) else {
        return;
    };
    let Some(best) = spans.iter().map(|(_, sc)| *sc).max_by(f32::total_cmp) else {
        return;
    };
    // A name: short, or a foreign one joined by its dot; not the clause after the title
    // (为胡景沄、关学文, 向忠发被处决后). Right after the title, or after a list of posts
    // ending with it (消防局局长、高级工程师李金文); or right before taking it (由托绍夫斯基
    // 出任总理), where a foreign name may run to six characters.
    let titled = |s: &reader::Span| {
        let text = sentence(s);
        let (Some(before), Some(span), Some(after)) = (
            text.get(..s.range.start),
            text.get(s.range.clone()),
            text.get(s.range.end..),
        ) else {
            return false;
        };
        let chars = span.chars().count();
        // The last of the listed posts ends with a noun (高级工程师; not 高苕华任 before 副主席).
        let listed_after = before.rsplit_once('、').is_some_and(|(posts, last)| {
            posts.ends_with(title.as_str())
                && (2..=5).contains(&last.chars().count())
                && last.chars().all(crate::text::is_cjk)
                && crate::text::segment::jieba()
                    .tag(last, false)
                    .last()
                    .is_some_and(|w| w.tag == "n")
        });
        let takes_it = TAKES.iter().any(|v| {
            after
                .strip_prefix(v)
                .is_some_and(|rest| rest.starts_with(title.as_str()))
        });
        let named = if takes_it { 6 } else { 4 };
        // A post of its own (工程师 of 局长、高级工程师, 副主席) names no one; tagged only
        // for the spans it could let in.
        let post = || {
            matches!(
                crate::text::segment::jieba().tag(span, false).as_slice(),
                [one] if one.word == span && one.tag == "n"
            )
        };
        (before.ends_with(title.as_str()) || ((listed_after || takes_it) && !post()))
            && !span.starts_with(['为', '是', '由', '的', '在', '被', '和', '与', '及', '等'])
            && (chars <= named || (span.contains('·') && chars <= 12))
            && span.chars().all(|c| c == '·' || crate::text::is_cjk(c))
    };
    if spans.iter().any(|(s, sc)| *sc >= best && titled(s)) {
        return;
    }
    // After the question's own words for the post (驻蒙古大使 of 中国驻蒙古大使是谁), the name
    // is the one asked, however low the reader scores a name jieba cut into words (齐|治家).
    let post = asked_post(q, &title);
    let after_post = |s: &reader::Span| {
        post.as_deref().is_some_and(|p| {
            sentence(s)
                .get(..s.range.start)
                .is_some_and(|before| before.ends_with(p))
        })
    };
    reader::put_best_first(spans, |s, sc| {
        titled(s) && (sc >= best - TITLED_MARGIN || after_post(s))
    });
}

/// The question's words for the post it asks about, ending with its title: the title with at
/// least the two characters the question writes before it (驻蒙古大使 of 1998年中国驻蒙古大使是谁),
/// cut at a digit or a year.
fn asked_post(q: &Question, title: &str) -> Option<String> {
    let norm = q.normalized.as_str();
    let end = norm.find(title)? + title.len();
    let before: Vec<char> = norm[..end - title.len()]
        .chars()
        .rev()
        .take_while(|&c| crate::text::is_cjk(c) && c != '年')
        .take(4)
        .collect();
    (before.len() >= 2).then(|| before.iter().rev().collect::<String>() + title)
}

/// Words before a name that make it a person's beside the titles a question asks by: a
/// where-question is not answered with 负责人阿兰·布朗特.
const PERSON_WORDS: &[&str] = &["负责人", "主任", "发言人", "记者", "先生", "女士"];

/// Whether the span at `range` of `sentence` is a person's name the sentence writes right
/// after a title (主席曼·莫汉·阿迪卡里).
fn after_a_title(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let (Some(before), Some(span)) = (sentence.get(..range.start), sentence.get(range.clone()))
    else {
        return false;
    };
    // 主席曼·莫汉·阿迪卡里: the reader read the title with the name.
    let (before, span) = match TITLES
        .iter()
        .chain(PERSON_WORDS)
        .find(|t| span.starts_with(*t))
    {
        Some(t) => (&span[..t.len()], &span[t.len()..]),
        None => (before, span),
    };
    let chars = span.chars().count();
    // A foreign name joined by its dot, or a Chinese one jieba knows (not 连续3年 after 总理).
    let foreign = span.contains('·') && chars <= 12;
    let name = span.chars().all(|c| c == '·' || crate::text::is_cjk(c))
        && (foreign || ((2..=4).contains(&chars) && super::antecedent::is_person(span)));
    name && TITLES
        .iter()
        .chain(PERSON_WORDS)
        .any(|t| before.ends_with(t))
}

/// Drops, for a where-question, the reader's spans that are a person named after a title
/// (负责人阿兰·布朗特 beside 设在美国密苏里州圣路易斯市), when it read others: a person is no
/// place. `sentence` gives a span's sentence (normalized).
pub(super) fn drop_titled_people<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Place {
        return;
    }
    // The people, and the spans the reader read over their names too (卡里, 曼·莫汉·阿迪卡里在致
    // 开幕词时说).
    let people: Vec<reader::Span> = spans
        .iter()
        .filter(|(s, _)| after_a_title(sentence(s), &s.range))
        .map(|(s, _)| s.clone())
        .collect();
    let person = |s: &reader::Span| {
        people.iter().any(|p| {
            (p.passage, p.sentence) == (s.passage, s.sentence)
                && p.range.start < s.range.end
                && s.range.start < p.range.end
        })
    };
    if spans.iter().any(|(s, _)| !person(s)) {
        spans.retain(|(s, _)| !person(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    #[test]
    fn only_a_who_question_asks_by_a_title() {
        let q = |s: &str| Question::parse(s, &Aliases::default()).expect("a question");
        assert_eq!(
            asked_title(&q("1995年哪位日本首相为侵略战争认错")),
            Some("首相".into())
        );
        assert_eq!(
            asked_title(&q("1998年1月李鹏在延庆去了哪位农民家")),
            Some("农民".into())
        );
        assert_eq!(
            asked_title(&q("哪位日本作家写了这本书")),
            Some("作家".into())
        );
        assert_eq!(
            asked_title(&q("1997年联合国秘书长是谁")),
            Some("秘书长".into())
        );
        assert_eq!(asked_title(&q("首相府有多少房间")), None);
        assert_eq!(asked_title(&q("1998年自由党推谁竞选总统")), None);
    }

    #[test]
    fn the_post_is_the_title_with_the_words_before_it() {
        let q = |s: &str| Question::parse(s, &Aliases::default()).expect("a question");
        assert_eq!(
            asked_post(&q("1998年中國駐蒙古大使是誰"), "大使").as_deref(),
            Some("国驻蒙古大使")
        );
        // A year or a title opening the question leaves too little to be a post.
        assert_eq!(asked_post(&q("1998年大使是谁"), "大使"), None);
        assert_eq!(asked_post(&q("大使是谁"), "大使"), None);
    }

    #[test]
    fn a_name_after_a_title_is_a_person() {
        let at = |s: &str, span: &str| {
            let start = s.find(span).unwrap();
            after_a_title(s, &(start..start + span.len()))
        };
        assert!(at(
            "指挥部的负责人阿兰·布朗特在记者招待会上说",
            "阿兰·布朗特"
        ));
        assert!(at("主席曼·莫汉·阿迪卡里在致开幕词时说", "曼·莫汉·阿迪卡里"));
        assert!(at("市长李鹏说", "李鹏"));
        assert!(!at("这是李鹏总理连续三年下乡", "连续三年"));
        assert!(at("尼共主席曼·莫汉·阿迪卡里说", "主席曼·莫汉·阿迪卡里"));
        assert!(!at("设在美国密苏里州圣路易斯市的指挥部", "圣路易斯市"));
        assert!(!at("主席在北京人民大会堂说", "北京人民大会堂"));
    }
}
