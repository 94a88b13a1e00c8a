//! One sentence as the reader sees it, computed once for all its spans: character positions,
//! the characters matching the question, breaks, jieba's words with their tags, the typed
//! candidates, the gap the wh-phrase leaves and where the words around the wh-phrase occur.

use crate::answer::extract::{self, Candidate};
use crate::text::segment::jieba;

use super::lexicon::BREAKS;
use super::spans::SentenceContext;

/// A sentence prepared for reading its spans.
pub(super) struct SentenceView<'a> {
    /// The sentence's normalized text.
    pub(super) norm: &'a str,
    /// Byte offset of each character, then the text's length.
    offsets: Vec<usize>,
    /// Number of characters.
    pub(super) n: usize,
    /// Characters matching one of the question's needles.
    pub(super) mask: Vec<bool>,
    /// Characters that are breaks.
    pub(super) breaks: Vec<bool>,
    /// Breaks that end a span: every break but the enumeration comma, which joins the items of
    /// a list answer (演員、模特兒).
    pub(super) hard: Vec<bool>,
    /// The typed extractors' candidates, and with their scores.
    pub(super) typed: Vec<&'a Candidate>,
    pub(super) typed_scored: &'a [(Candidate, f32)],
    /// The gap the question's wh-phrase leaves in the sentence.
    pub(super) gap: Option<Candidate>,
    /// Character ranges of the content word before and after the wh-phrase.
    pub(super) left_anchor: Vec<(usize, usize)>,
    pub(super) right_anchor: Vec<(usize, usize)>,
    /// The characters.
    pub(super) chars: Vec<char>,
    /// The best sentence's coverage (never zero).
    pub(super) best_coverage: f32,
    /// Characters matching the question.
    pub(super) marked_total: f32,
    /// jieba's words: start and end byte, word, tag.
    pub(super) words: Vec<(usize, usize, &'a str, &'a str)>,
}

impl<'a> SentenceView<'a> {
    pub(super) fn new(
        ctx: &SentenceContext<'_>,
        norm: &'a str,
        typed_scored: &'a [(Candidate, f32)],
    ) -> SentenceView<'a> {
        let q = ctx.q;
        // Character positions and the mask of characters matching the question.
        let offsets: Vec<usize> = norm
            .char_indices()
            .map(|(i, _)| i)
            .chain([norm.len()])
            .collect();
        let char_at = |byte: usize| offsets.partition_point(|&o| o < byte);
        let n = offsets.len() - 1;
        let mut mask = vec![false; n];
        for needle in &ctx.cues.needles {
            for (i, _) in norm.match_indices(needle.as_str()) {
                for m in &mut mask[char_at(i)..char_at(i + needle.len())] {
                    *m = true;
                }
            }
        }
        let breaks: Vec<bool> = norm.chars().map(|c| BREAKS.contains(c)).collect();
        let hard: Vec<bool> = norm
            .chars()
            .map(|c| BREAKS.contains(c) && c != '、')
            .collect();
        let typed: Vec<&Candidate> = typed_scored.iter().map(|(c, _)| c).collect();
        let gap = extract::gap(norm, q);
        let find_anchor = |w: &Option<String>| -> Vec<(usize, usize)> {
            w.as_ref().map_or_else(Vec::new, |w| {
                norm.match_indices(w.as_str())
                    .map(|(i, m)| (char_at(i), char_at(i + m.len())))
                    .collect()
            })
        };
        let left_anchor = find_anchor(&ctx.cues.left);
        let right_anchor = find_anchor(&ctx.cues.right);

        let chars: Vec<char> = norm.chars().collect();
        let best_coverage = ctx.best_coverage.max(f32::EPSILON);
        let marked_total = mask.iter().filter(|&&m| m).count() as f32;
        let tags = jieba().tag(norm, true);
        let mut words = Vec::with_capacity(tags.len());
        let mut at = 0;
        for t in &tags {
            words.push((at, at + t.word.len(), t.word, t.tag));
            at += t.word.len();
        }
        SentenceView {
            norm,
            offsets,
            n,
            mask,
            breaks,
            hard,
            typed,
            typed_scored,
            gap,
            left_anchor,
            right_anchor,
            chars,
            best_coverage,
            marked_total,
            words,
        }
    }

    /// The character index of a byte offset.
    pub(super) fn char_at(&self, byte: usize) -> usize {
        self.offsets.partition_point(|&o| o < byte)
    }

    /// The byte offset of a character index.
    pub(super) fn offset(&self, char: usize) -> usize {
        self.offsets[char]
    }
}
