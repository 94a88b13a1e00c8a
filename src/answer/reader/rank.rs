//! Ranking the spans in two stages: the linear model ranks them all, the forest re-scores the
//! best of them.

use super::features::WIDTH;
use super::forest;
use super::Span;

/// The forest's inputs for a span: the six classes, then the dense features (the column order
/// of `wenjin eval --spans` after its three label columns).
fn forest_row(s: &Span) -> [f32; WIDTH] {
    let mut row = [0.0; WIDTH];
    let classes = [s.kind, s.pos, s.length, s.first, s.prev, s.next];
    for (r, c) in row.iter_mut().zip(classes) {
        *r = c as f32;
    }
    for (r, d) in row[classes.len()..].iter_mut().zip(s.dense) {
        *r = d;
    }
    row
}

/// How many spans below the shortlist `keep` may bring to the forest.
pub(super) const KEPT_BELOW: usize = 8;

/// Scores the spans in two stages: the linear model ranks them all, the forest re-scores the
/// `shortlist`(forest::Forest::shortlist) best, and up to [`KEPT_BELOW`] more that `keep`
/// holds (a figure counted as the question asks, 34架 for 多少架飞机, which the linear model
/// may rank below the sentence's other figures). Returns those, best first.
pub fn rank(spans: Vec<Span>, keep: impl Fn(&Span) -> bool) -> Vec<(Span, f32)> {
    let mut scored: Vec<(Span, f32)> = spans
        .into_iter()
        .map(|s| {
            let linear = s.score();
            (s, linear)
        })
        .collect();
    // Stable, so ties keep the reading order (as the training script's shortlist does).
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let forest = forest::get();
    let below = scored.split_off(forest.shortlist().min(scored.len()));
    scored.extend(below.into_iter().filter(|(s, _)| keep(s)).take(KEPT_BELOW));
    let rows: Vec<[f32; WIDTH]> = scored.iter().map(|(s, _)| forest_row(s)).collect();
    for ((_, score), new) in scored.iter_mut().zip(forest.score_all(&rows)) {
        *score = new;
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored
}

/// The index of the best-scored span, if any.
pub fn best(spans: &[(Span, f32)]) -> Option<usize> {
    spans
        .iter()
        .enumerate()
        .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
        .map(|(k, _)| k)
}

/// Puts first the best-scored of the spans that `keep` holds, if any (the checks that prefer
/// a span the reader scored within a margin of its best: the winner, the titled name).
pub fn put_best_first(spans: &mut [(Span, f32)], keep: impl Fn(&Span, f32) -> bool) {
    let pick = spans
        .iter()
        .enumerate()
        .filter(|(_, (s, sc))| keep(s, *sc))
        .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
        .map(|(k, _)| k);
    if let Some(k) = pick {
        put_first(spans, k);
    }
}

/// Scores span `k` just above the best one, so that it is chosen while every other span keeps
/// its order (the checks after it still see them all).
pub fn put_first(spans: &mut [(Span, f32)], k: usize) {
    if let Some(top) = best(spans).map(|b| spans[b].1) {
        spans[k].1 = top + f32::EPSILON.max(top.abs() * 1e-4);
    }
}
