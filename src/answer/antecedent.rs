//! Who a pronoun stands for. A report names a person once and goes on with 他 or 她: 郝海东得65票，
//! 名列第一。同时他又在去年甲A联赛中攻进15个球，是进球最多的球员. A who-question's words are all in
//! the second sentence, whose only candidates are the goals and the league; the person is the one
//! the sentence before named.

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

/// Whether `text` is one word jieba's dictionary tags as a person's name.
fn is_person(text: &str) -> bool {
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
    use super::{is_person, names_a_person};

    #[test]
    fn a_person_s_name_is_tagged_as_one() {
        assert!(is_person("郝海东"));
        assert!(!is_person("金球奖"));
        assert!(!names_a_person(
            "同时他又在去年甲a联赛中攻进15个球,是进球最多的球员"
        ));
    }
}
