//! A who-question about a guest (日本贸促会访华团团长是谁) is answered by the person a meeting's
//! sentence names after its verb, not by the host before it: in 副总理李岚清今天下午会见了以会长
//! 樱内义雄为团长的…访华团, the reader scores the host, the sentence's subject, first.

use super::question::{AnswerKind, Question};
use super::reader;

/// Verbs of a meeting: the host stands before them, the guest after.
const MEET: &[&str] = &[
    "会见", "接见", "会晤", "宴请", "看望", "拜会", "探望", "慰问", "接待", "迎接",
];

/// Where a sentence's meeting verb stands (its start and end), if it has one.
fn verb_at(sentence: &str) -> Option<(usize, usize)> {
    MEET.iter()
        .filter_map(|v| sentence.find(v).map(|at| (at, at + v.len())))
        .min()
}

/// Whether the question's words that a meeting sentence writes stand on the guest's side:
/// more of them after the verb than before it (访华团, 团长 after 会见 in the example).
fn asks_the_guest(q: &Question, sentence: &str, (start, end): (usize, usize)) -> bool {
    let (before, after) = (&sentence[..start], &sentence[end..]);
    let (mut host, mut guest) = (0, 0);
    for t in &q.terms {
        match (before.contains(t.as_str()), after.contains(t.as_str())) {
            (true, false) => host += 1,
            (false, true) => guest += 1,
            _ => {}
        }
    }
    guest > host
}

/// Drops, for a who-question that names no meeting itself, the host of a meeting sentence
/// when the reader scored that host best, the question's words stand on the guest's side and
/// the reader read a person there too. `sentence` gives a span's sentence (normalized).
pub(super) fn prefer_guest<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Person
        || q.normalized.contains('见')
        || MEET.iter().any(|v| q.normalized.contains(v))
    {
        return;
    }
    // The meeting sentences whose guest side the question asks and where the reader read a
    // span on that side, with where their verb stands.
    let mut meetings: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for (s, _) in spans.iter() {
        let key = (s.passage, s.sentence);
        if meetings.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let text = sentence(s);
        if let Some(verb) = verb_at(text).filter(|v| asks_the_guest(q, text, *v)) {
            meetings.push((key, verb));
        }
    }
    let read = |k: (usize, usize), verb: (usize, usize)| {
        spans
            .iter()
            .any(|(s, _)| (s.passage, s.sentence) == k && s.range.start >= verb.1)
    };
    meetings.retain(|(k, verb)| read(*k, *verb));
    let host = |s: &reader::Span| {
        meetings
            .iter()
            .any(|(k, verb)| *k == (s.passage, s.sentence) && s.range.end <= verb.0)
    };
    let best_is_host = spans
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .is_some_and(|(s, _)| host(s));
    if best_is_host {
        spans.retain(|(s, _)| !host(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    #[test]
    fn the_guest_side_holds_more_of_the_question_s_words() {
        let q = Question::parse("1998年日本贸促会访华团团长是谁", &Aliases::default())
            .expect("a question");
        let s = "副总理李岚清今天会见了以会长樱内义雄为团长的日本贸促会访华团。";
        let verb = verb_at(s).expect("a meeting");
        assert!(asks_the_guest(&q, s, verb));
        let s = "日本贸促会访华团团长樱内义雄今天会见了北京市民。";
        let verb = verb_at(s).expect("a meeting");
        assert!(!asks_the_guest(&q, s, verb));
    }
}
