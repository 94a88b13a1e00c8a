//! A question read in the corpus's regional wording ([`crate::text::regional`]): 莫三比克 asked
//! of a corpus that writes 莫桑比克 is read as 莫桑比克, and kept where the corpus writes it.

use crate::search::{FieldKind, Snapshot};

use super::question::{Question, MAX_QUESTION_CHARS};

/// Parses `raw` ([`Question::parse`]) after rewriting the Taiwan phrases the corpus does not
/// write; the question keeps its text as asked.
pub(crate) fn parse(snap: &Snapshot, raw: &str) -> Option<Question> {
    let read = crate::text::regional::to_mainland(raw, |p| writes(snap, p));
    let mut q = Question::parse(&read, snap.aliases())?;
    if read != raw {
        q.raw = raw.trim().chars().take(MAX_QUESTION_CHARS).collect();
    }
    Some(q)
}

/// Whether the corpus may write `phrase` (normalized): as a word of the index, or in a passage
/// that holds every one of its character pairs (a phrase jieba splits; 正义大道 and 大利 apart
/// do not write 义大利). A failed search counts as written: the phrase is then left as asked.
fn writes(snap: &Snapshot, phrase: &str) -> bool {
    if snap.doc_freq(FieldKind::Words, phrase) > 0 {
        return true;
    }
    let chars: Vec<char> = phrase.chars().collect();
    let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    match pairs.as_slice() {
        // One character (矽, 宏): no pair to look for, so it is left as asked.
        [] => true,
        [one] => snap.doc_freq(FieldKind::Grams, one) > 0,
        _ => {
            let held = snap.holds_all(FieldKind::Grams, &pairs).and_then(|held| {
                Ok(held && super::mentions::written_in_passages(snap, phrase, &pairs)?)
            });
            held.unwrap_or_else(|e| {
                tracing::warn!(error = %e, "reading whether the corpus writes {phrase}");
                true
            })
        }
    }
}
