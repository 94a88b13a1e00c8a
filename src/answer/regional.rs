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

/// Whether the corpus may write `phrase` (normalized): as a word of the index, or with every
/// one of its character pairs found somewhere (a phrase jieba splits).
fn writes(snap: &Snapshot, phrase: &str) -> bool {
    if snap.doc_freq(FieldKind::Words, phrase) > 0 {
        return true;
    }
    let chars: Vec<char> = phrase.chars().collect();
    chars
        .windows(2)
        .all(|w| snap.doc_freq(FieldKind::Grams, &w.iter().collect::<String>()) > 0)
}
