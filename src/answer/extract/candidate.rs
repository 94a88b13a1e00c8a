//! Candidate answers of the type a question asks for, within one sentence.

use std::ops::Range;

use crate::answer::question::AnswerKind;
use crate::text::aliases::Aliases;

use super::dates::dates;
use super::names::{quoted, tagged};
use super::numbers::{amounts, with_predicate};

/// A candidate answer inside one sentence (byte ranges in the sentence's normalized text).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The minimal answer (`60亿`).
    pub core: Range<usize>,
    /// The answer as shown, with its predicate (`巨亏60亿`).
    pub display: Range<usize>,
}

/// The candidates of the wanted kind in a normalized sentence.
pub fn candidates(norm: &str, kind: AnswerKind, aliases: &Aliases) -> Vec<Candidate> {
    match kind {
        AnswerKind::Amount => amounts(norm)
            .into_iter()
            .map(|core| Candidate {
                display: with_predicate(norm, &core),
                core,
            })
            .collect(),
        AnswerKind::Date => dates(norm)
            .into_iter()
            .map(|core| Candidate {
                display: core.clone(),
                core,
            })
            .collect(),
        AnswerKind::Name | AnswerKind::Other => quoted(norm)
            .into_iter()
            .map(|core| Candidate {
                display: core.clone(),
                core,
            })
            .collect(),
        AnswerKind::Person | AnswerKind::Place | AnswerKind::Organization => {
            tagged(norm, kind, aliases)
                .into_iter()
                .map(|core| Candidate {
                    display: core.clone(),
                    core,
                })
                .collect()
        }
        AnswerKind::Reason | AnswerKind::YesNo => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn amount_display_carries_its_predicate() {
        let n = normalize("其2022年營收下滑近兩成、巨虧60億。");
        let c = candidates(&n, AnswerKind::Amount, &Aliases::default());
        let shown: Vec<&str> = c.iter().map(|c| &n[c.display.clone()]).collect();
        assert!(shown.contains(&"巨亏60亿"), "{shown:?}");
    }

    #[test]
    fn statements_have_no_typed_candidates() {
        let n = normalize("因為需求下滑，虧損60億。");
        assert!(candidates(&n, AnswerKind::Reason, &Aliases::default()).is_empty());
    }
}
