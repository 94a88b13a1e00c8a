//! A candidate span with its features and classes, and its score by the reader's linear model
//! (the weights of [`super::weights`], fitted by `scripts/train_reader.py`).

use std::ops::Range;

use super::features::{CROSSED, DENSE};
use super::weights as w;

/// A candidate span with its features.
#[derive(Debug, Clone)]
pub struct Span {
    /// Rank of the passage among the reranked ones.
    pub passage: usize,
    /// Index of the sentence in the passage's sentence split.
    pub sentence: usize,
    /// Byte range in the sentence's normalized text.
    pub range: Range<usize>,
    /// Dense features.
    pub dense: [f32; DENSE],
    /// Answer-type group.
    pub kind: usize,
    /// Part-of-speech class of the last word.
    pub pos: usize,
    /// Length bucket.
    pub length: usize,
    /// Part-of-speech class of the first word.
    pub first: usize,
    /// The class of the word before the span (`super::classes`).
    pub prev: usize,
    /// The class of the word after the span.
    pub next: usize,
}

#[cfg(test)]
impl Span {
    /// A span of a sentence with no features, for the tests of the steps that choose among
    /// the reader's spans by their text.
    pub(crate) fn bare(passage: usize, sentence: usize, range: Range<usize>) -> Self {
        Span {
            passage,
            sentence,
            range,
            dense: [0.0; DENSE],
            kind: 0,
            pos: 0,
            length: 0,
            first: 0,
            prev: 0,
            next: 0,
        }
    }
}

impl Span {
    /// The linear model's score.
    pub fn score(&self) -> f32 {
        let mut s = w::POS[self.kind][self.pos]
            + w::LENGTH[self.kind][self.length]
            + w::FIRST[self.kind][self.first]
            + w::PREV[self.prev]
            + w::NEXT[self.next];
        for (x, wt) in self.dense.iter().zip(w::DENSE.iter()) {
            s += x * wt;
        }
        for (&f, wt) in CROSSED.iter().zip(w::CROSS[self.kind].iter()) {
            s += self.dense[f] * wt;
        }
        s
    }
}
