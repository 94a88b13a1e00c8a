//! The reader: scores every short span of the best sentences with a linear model, as the classic
//! feature-based SQuAD reader does (no neural model runs offline here), then re-scores the best
//! of them with a gradient-boosted forest (`forest.rs`) and picks the answer.
//!
//! A span is a run of one to [`MAX_WORDS`] jieba words inside one clause. Its features
//! ([`Feature`]) say how it sits among the question's words (nearness, the gap the question's
//! wh-phrase leaves), whether it has the head noun the question names (哪一條**河** → 威悉河),
//! the part of speech and length the answer type wants, and what the typed extractors
//! ([`super::extract`]) think of it. The weights (`weights.rs`) and the forest
//! (`src/answer/models/reader_forest.txt`) are fitted by `scripts/train_reader.py` on the spans
//! `wenjin eval --spans FILE` writes; docs/evaluation.md says how they are fitted and validated.
//!
//! Reading a question: [`spans`] reads the question's cues once (`cues.rs`), prepares each of
//! the best sentences (`sentence`), lists its candidate spans (`candidates`) and measures
//! each (`dense`, `classes`); [`rank`] scores them with the linear model (`span`) and the
//! forest.

mod candidates;
mod classes;
mod cues;
mod dense;
mod features;
mod forest;
mod forest_file;
mod lexicon;
mod rank;
mod sentence;
mod span;
mod spans;
mod weights;

pub use candidates::MAX_WORDS;
pub use classes::{BORDERS, KINDS, LENGTHS, POS};
pub use features::{columns, Feature, CLASSES, CROSSED, DENSE, WIDTH};
pub use forest_file::ModelError;
pub use rank::{best, put_best_first, put_first, rank};
pub use span::Span;
pub use spans::{spans, Passage, Typed};

/// Checks that the reader's embedded models load, for a front end to call at start-up: the
/// forest is parsed at its first use, and a build whose forest does not parse should stop
/// before it answers rather than at the first question.
pub fn load_models() -> Result<(), &'static ModelError> {
    forest::load().map(|_| ())
}
