//! Who a pronoun stands for. A report names a person once and goes on with 他 or 她: 郝海东得65票，
//! 名列第一。同时他又在去年甲A联赛中攻进15个球，是进球最多的球员. A who-question's words are all in
//! the second sentence, whose only candidates are the goals and the league; the person is the one
//! the sentence before named. A company is named once too and then called 公司: 华为从1996年起…
//! 开始同步设备的开发研制。1997年5月，公司研制成功…; which company is the one the sentence before
//! opened with.

use super::question::{AnswerKind, Question};
use super::reader;
use crate::text::segment::jieba;

/// Tags of a person's name in jieba's dictionary.
const PERSON_TAGS: &[&str] = &["nr", "nrfg", "nrt"];

/// For a who-question whose best span's sentence says 他 or 她 before it and names no person,
/// the reader's span of the sentence before it in the same passage that is one person's name,
/// when there is exactly one such name; `best` otherwise. `sentence` gives a span's sentence
/// (normalized).
pub(super) fn antecedent<'s, 'a>(
    q: &Question,
    best: &'s reader::Span,
    spans: &'s [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) -> &'s reader::Span {
    if q.kind != AnswerKind::Person || best.sentence == 0 {
        return best;
    }
    let text = sentence(best);
    let before = text.get(..best.range.start).unwrap_or_default();
    let pronoun = before
        .match_indices(['他', '她'])
        .any(|(i, p)| !text[i + p.len()..].starts_with('们'));
    if !pronoun || names_a_person(text) {
        return best;
    }
    let mut named = spans.iter().map(|(s, _)| s).filter(|s| {
        s.passage == best.passage
            && s.sentence + 1 == best.sentence
            && sentence(s).get(s.range.clone()).is_some_and(is_person)
    });
    let Some(first) = named.next() else {
        return best;
    };
    let same = |s: &reader::Span| {
        sentence(s).get(s.range.clone()) == sentence(first).get(first.range.clone())
    };
    if named.all(same) {
        first
    } else {
        best
    }
}

/// For a which-company question (哪家公司) whose best span's sentence calls the company by that
/// kind alone at a clause's start (，公司研制成功…), the reader's best span that opens the
/// sentence before in the same passage (its subject: 华为从1996年起…); `best` otherwise.
pub(super) fn company_antecedent<'s, 'a>(
    q: &Question,
    best: &'s reader::Span,
    spans: &'s [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) -> &'s reader::Span {
    let Some(kind) = asked_company_kind(&q.normalized) else {
        return best;
    };
    if q.kind != AnswerKind::Organization || best.sentence == 0 {
        return best;
    }
    let text = sentence(best);
    let before = text.get(..best.range.start).unwrap_or_default();
    let bare = before.match_indices(kind).any(|(i, _)| {
        let head = before[..i].strip_suffix('该').unwrap_or(&before[..i]);
        head.is_empty() || head.ends_with(['，', ',', '；', ';', '：', ':'])
    });
    if !bare {
        return best;
    }
    spans
        .iter()
        .filter(|(s, _)| {
            s.passage == best.passage
                && s.sentence + 1 == best.sentence
                && s.range.start == 0
                && sentence(s)
                    .get(s.range.clone())
                    .is_some_and(|t| !t.contains(|c: char| c.is_ascii_digit()))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(best, |(s, _)| s)
}

/// For a question that is not about a figure or a date, whose best span only points at a thing
/// (这个政党, 这座车站: a demonstrative, a measure word, the kind), the best-scored span of the same
/// sentence before it that ends with the kind's last character (土耳其繁荣党 … 取缔这个政党);
/// `best` otherwise.
pub(super) fn pointed_at<'s, 'a>(
    q: &Question,
    best: &'s reader::Span,
    spans: &'s [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) -> &'s reader::Span {
    if matches!(q.kind, AnswerKind::Amount | AnswerKind::Date) {
        return best;
    }
    let Some(last) = sentence(best)
        .get(best.range.clone())
        .and_then(pointed_kind)
    else {
        return best;
    };
    spans
        .iter()
        .filter(|(s, _)| {
            (s.passage, s.sentence) == (best.passage, best.sentence)
                && s.range.end <= best.range.start
                && sentence(s).get(s.range.clone()).is_some_and(|t| {
                    t.ends_with(last) && t.chars().count() >= 2 && pointed_kind(t).is_none()
                })
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(best, |(s, _)| s)
}

/// Demonstratives that point at a thing named before.
const POINTING: [char; 4] = ['这', '那', '此', '该'];
/// Measure words between a demonstrative and the kind (这个政党, 那座桥).
const POINTING_MEASURES: &str = "个位家种项座场所部届条名些";

/// The last character of the kind a span only points at (党 of 这个政党), if it is a
/// demonstrative, a measure word and a kind of one or two characters.
fn pointed_kind(text: &str) -> Option<char> {
    let rest = text.strip_prefix(POINTING)?;
    let rest = rest.strip_prefix(|c: char| POINTING_MEASURES.contains(c))?;
    let n = rest.chars().count();
    (1..=2)
        .contains(&n)
        .then(|| rest.chars().next_back())
        .flatten()
}

/// Words a report calls a company by once it has named it.
const COMPANY_KINDS: &[&str] = &["公司", "集团", "企业", "银行", "工厂", "厂"];

/// The company kind a which-question asks by (公司 of 哪家公司, 什么企业).
fn asked_company_kind(norm: &str) -> Option<&'static str> {
    ["哪家", "哪一家", "哪个", "什么"].iter().find_map(|cue| {
        let at = norm.find(cue)? + cue.len();
        COMPANY_KINDS
            .iter()
            .find(|k| norm[at..].starts_with(**k))
            .copied()
    })
}

/// Whether `text` is one word jieba's dictionary tags as a person's name.
pub(super) fn is_person(text: &str) -> bool {
    matches!(jieba().tag(text, false).as_slice(), [one] if one.word == text && PERSON_TAGS.contains(&one.tag))
}

/// Whether `text` writes a word jieba's dictionary tags as a person's name.
fn names_a_person(text: &str) -> bool {
    jieba()
        .tag(text, false)
        .iter()
        .any(|t| PERSON_TAGS.contains(&t.tag) && t.word.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::{asked_company_kind, is_person, names_a_person, pointed_kind};

    #[test]
    fn a_span_that_points_at_a_kind_is_read() {
        assert_eq!(pointed_kind("这个政党"), Some('党'));
        assert_eq!(pointed_kind("这座车站"), Some('站'));
        // A name that opens with one of the characters points at nothing.
        assert_eq!(pointed_kind("那乃语"), None);
        assert_eq!(pointed_kind("该站东南侧"), None);
    }

    #[test]
    fn a_person_s_name_is_tagged_as_one() {
        assert!(is_person("郝海东"));
        assert!(!is_person("金球奖"));
        assert!(!names_a_person(
            "同时他又在去年甲a联赛中攻进15个球,是进球最多的球员"
        ));
    }

    #[test]
    fn a_which_company_question_asks_by_the_kind() {
        assert_eq!(
            asked_company_kind("1997年哪家公司研制出bits设备"),
            Some("公司")
        );
        assert_eq!(asked_company_kind("什么企业获奖"), Some("企业"));
        assert_eq!(asked_company_kind("谁研制出bits设备"), None);
    }
}
