//! The gap a question's wh-phrase leaves: the words around 什麼 in the question anchor the answer
//! between them in a sentence, whatever its type.

use crate::answer::question::{self, AnswerKind, Question};

use super::candidate::Candidate;
use super::clause;

/// Content words of a piece of the question, in order (no stopwords, no question phrases).
fn anchor_words(text: &str) -> Vec<String> {
    crate::text::words(text)
        .into_iter()
        .map(|p| p.text)
        .filter(|w| !question::STOPWORDS.contains(&w.as_str()))
        .filter(|w| !question::CUES.iter().any(|(c, _)| c == w))
        .collect()
}

/// The gap the question's wh-phrase leaves in a sentence: the question reads "梵語研究對什麼
///的發展貢獻不少", the sentence "梵語研究也對西方文字學及歷史語言學的發展貢獻不少"; the words
/// around 什麼 anchor the answer 西方文字學及歷史語言學 between them.
pub fn gap(norm: &str, q: &Question) -> Option<Candidate> {
    if matches!(q.kind, AnswerKind::Reason | AnswerKind::YesNo) {
        return None;
    }
    let qn = q.normalized.as_str();
    let (cue_start, cue_end) = question::CUES
        .iter()
        .filter(|(c, _)| {
            !matches!(
                *c,
                "吗" | "是否" | "是不是" | "有没有" | "能不能" | "能否" | "为什么" | "为何"
            )
        })
        .filter_map(|(c, _)| qn.find(c).map(|i| (i, i + c.len())))
        .min_by_key(|&(i, e)| (i, std::cmp::Reverse(e)))?;
    let left = anchor_words(&qn[..cue_start]);
    let right = anchor_words(&qn[cue_end..]);
    // The nearest left anchor that occurs in the sentence (last occurrence), and the nearest
    // right anchor after it.
    let left_end = left
        .iter()
        .rev()
        .take(3)
        .find_map(|w| norm.rfind(w.as_str()).map(|i| i + w.len()));
    let from = left_end.unwrap_or(0);
    let right_start = right.iter().take(3).find_map(|w| {
        norm[from..]
            .find(w.as_str())
            .map(|i| from + i)
            .filter(|&i| i > from || left_end.is_none())
    });
    let (start, end) = match (left_end, right_start) {
        (Some(l), Some(r)) if r > l => (l, r),
        (Some(l), None) => (l, clause::end(norm, l)),
        (None, Some(r)) => (clause::start(norm, r), r),
        _ => return None,
    };
    // Trim particles and punctuation at both ends.
    let text = &norm[start..end];
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| "的是为了在于和与及也都就即,，、:：\"“”「」 ".contains(c))
            .len();
    let t2 = text.trim_end_matches(|c: char| "的是为了在和与及也,，、:：\"“”「」 。".contains(c));
    let (s, e) = (start + lead, start + t2.len());
    let n = norm.get(s..e)?.chars().count();
    if e <= s || n == 0 || n > 24 || !norm[s..e].chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Candidate {
        core: s..e,
        display: s..e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;
    use crate::text::normalize;

    #[test]
    fn the_words_around_the_wh_phrase_anchor_the_answer() {
        let q = Question::parse("梵語研究對什麼的發展貢獻不少", &Aliases::default()).unwrap();
        let norm = normalize("梵語研究也對西方文字學及歷史語言學的發展貢獻不少。");
        let c = gap(&norm, &q).unwrap();
        let found = &norm[c.core];
        assert!(found.ends_with("西方文字学及历史语言学"), "{found}");
    }

    #[test]
    fn a_why_question_leaves_no_gap() {
        let q = Question::parse("為什麼梵語研究貢獻不少", &Aliases::default()).unwrap();
        assert_eq!(gap(&normalize("梵語研究貢獻不少。"), &q), None);
    }
}
