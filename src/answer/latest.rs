//! "Latest" questions (商湯最近一年虧損多少, 最新的年度, 目前): the newest year the corpus
//! gives the asked figure for becomes the question's year.
//!
//! A first retrieval finds the passages about the question; among their sentences that hold
//! it (the entity, the predicate), the newest year named — written, in numerals or resolved
//! against the article's date, never a comparison's (較2021年) nor one after today — is taken
//! as the year asked about, and the question is then answered as if it had named it. So the
//! year gate, the reader's year agreement and the answerability check all work as for an
//! explicit year, and an older figure in the same passage (2021年虧損171億元) loses.

use crate::search::Snapshot;
use crate::text::normalize;
use crate::text::time::{self, mentions};
use crate::Result;

use super::evidence::Evidence;
use super::question::Question;
use super::rerank::{self, passage_date, Ranked};
use super::retrieve;

/// A sentence holds the question when this share of its weighted terms is there (the entity
/// may stand in the title).
const HOLDS: f32 = 0.6;

/// The question with the newest year the corpus answers it for, when it asks for the latest
/// figure and names no year; otherwise unchanged.
pub(super) fn with_latest_year(snap: &Snapshot, mut q: Question) -> Result<Question> {
    if !q.latest || !q.years.is_empty() {
        return Ok(q);
    }
    let clauses = retrieve::clauses(&q, snap);
    let hits = retrieve::candidates(snap, &clauses)?;
    let ev = Evidence::new(&q, snap);
    let ranked = rerank::rerank(&q, &ev, snap, hits);
    if let Some(y) = newest_year(&ev, &ranked, time::today().year) {
        q.years.push(y.to_string());
    }
    Ok(q)
}

/// The newest year, not after `this_year`, named outside a comparison in a sentence of the
/// ranked passages that holds the question; `None` unless they name at least two (with one
/// year there is no older figure to pass over, and the question is better left as asked).
fn newest_year(ev: &Evidence, ranked: &[Ranked], this_year: i32) -> Option<i32> {
    let years: Vec<i32> = ranked
        .iter()
        .filter(|r| r.entity >= 0.5)
        .flat_map(|r| {
            let norm = normalize(&r.passage.text);
            let title = normalize(&r.passage.heading());
            let date = passage_date(&r.passage);
            crate::corpus::passage::sentences(&norm)
                .into_iter()
                .filter(|s| ev.coverage_with_title(s, &title) >= HOLDS)
                .flat_map(|s| mentions(s, date))
                .filter(|m| !m.comparison && m.year <= this_year)
                .map(|m| m.year)
                .collect::<Vec<_>>()
        })
        .collect();
    let newest = years.iter().copied().max()?;
    years.iter().any(|&y| y != newest).then_some(newest)
}
