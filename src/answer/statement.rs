//! Answers that are statements: a why or yes/no question is answered with the sentence that
//! explains, not a span.

use super::evidence::Evidence;
use super::extract;
use super::question::{AnswerKind, Question};

/// Markers of a cause or an explanation (for why-questions).
const CAUSAL: &[&str] = &[
    "因为",
    "由于",
    "原因",
    "所以",
    "因此",
    "导致",
    "归根结底",
    "之所以",
    "在于",
    "源于",
];

/// The best sentence of a passage, for questions whose answer is a statement. For a
/// why-question, a sentence that gives a cause is preferred, and when the best match only
/// restates the question, the next sentence (which usually explains it) is added. `sentences`
/// are the passage `text` as [`extract::split`] splits it.
pub(super) fn best_sentence(
    q: &Question,
    ev: &Evidence,
    sentences: &[extract::Sentence<'_>],
    text: &str,
) -> String {
    let causal = |s: &str| CAUSAL.iter().any(|c| s.contains(c));
    let scored: Vec<f32> = sentences
        .iter()
        .map(|s| {
            let mut sc = ev.coverage(&s.norm.text);
            if q.kind == AnswerKind::Reason && causal(&s.norm.text) {
                sc += 0.2;
            }
            sc
        })
        .collect();
    let Some((best, _)) = scored.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) else {
        return text.trim().to_string();
    };
    let mut out = sentences[best].text.trim().to_string();
    if q.kind == AnswerKind::Reason {
        if let Some(next) = sentences.get(best + 1) {
            if causal(&next.norm.text) || !causal(&sentences[best].norm.text) {
                out.push_str(next.text.trim());
            }
        }
    }
    out
}
