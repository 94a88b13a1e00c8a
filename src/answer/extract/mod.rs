//! Answer extraction: within the best passages, the span of the expected type that sits nearest
//! to what the question names, returned verbatim from the passage.
//!
//! [`split`] cuts a passage into sentences; [`candidates`] finds the spans of the asked type in
//! one (amounts with their predicate, dates, names) and [`gap`] the span a wh-phrase leaves;
//! [`score_candidate`] weighs each against the question.

mod candidate;
mod clause;
mod dates;
mod gap;
mod names;
mod numbers;
mod score;
mod sentences;
mod shape;

pub use candidate::{candidates, Candidate};
pub(crate) use clause::{end as clause_end, start as clause_start};
pub(crate) use dates::dates;
pub use gap::gap;
pub(crate) use names::{ORGANIZATION_TAGS, PERSON_TAGS, PLACE_TAGS};
pub(crate) use numbers::{amounts, figure_at, range_around, with_hedge};
pub(crate) use score::respectively_year;
pub use score::{constraint_factor, score_candidate};
pub use sentences::{counted_over_years, governing_year, split, split_dated, Sentence};
pub(crate) use shape::shape_factor;

/// The spans an extractor finds in `s` (normalized first), as text: what the extractors' unit
/// tests compare.
#[cfg(test)]
fn test_spans(f: fn(&str) -> Vec<std::ops::Range<usize>>, s: &str) -> Vec<String> {
    let n = crate::text::normalize(s);
    f(&n).into_iter().map(|r| n[r].to_string()).collect()
}
