//! The reader's second stage: a gradient-boosted forest that re-scores the spans the linear
//! model ([`super::reader_weights`]) ranks highest. Trees see what a weighted sum cannot: that a
//! noun phrase is right after 什麼 but wrong after 多少, that a long span wins only when the
//! question's words sit on both sides of it. Held out on the dev sets it lifts exact match by
//! about five points (BENCHMARKS.md, "A forest over the reader's features").
//!
//! The trees are data ([`super::reader_forest`], written by `scripts/train_reader.py --trees`
//! from LightGBM); this module only walks them.

use super::reader_forest as data;

pub use data::{SHORTLIST, WIDTH};

/// One split. A child is another node (`>= 0`) or a leaf (`!leaf`, `< 0`).
#[derive(Debug, Clone, Copy)]
pub struct Node {
    feature: u16,
    categorical: bool,
    /// Numeric splits send `x <= threshold` left.
    threshold: f64,
    /// Categorical splits send the classes whose bit is set left.
    mask: u64,
    left: i32,
    right: i32,
}

impl Node {
    /// A node as the training script writes it.
    pub const fn new(
        feature: u16,
        categorical: bool,
        threshold: f64,
        mask: u64,
        left: i32,
        right: i32,
    ) -> Node {
        Node {
            feature,
            categorical,
            threshold,
            mask,
            left,
            right,
        }
    }

    fn goes_left(&self, x: f32) -> bool {
        if self.categorical {
            // Classes are small non-negative integers; anything else is an unseen class.
            (0.0..64.0).contains(&x) && self.mask >> (x as u32) & 1 == 1
        } else {
            f64::from(x) <= self.threshold
        }
    }
}

/// The forest's scores for many spans' inputs (the six classes, then the dense features), with
/// the fixed linear constraints added. Tree by tree rather than span by span, so each tree's
/// nodes stay in the cache while every span walks it.
pub fn score_all(rows: &[[f32; WIDTH]]) -> Vec<f32> {
    let mut totals: Vec<f64> = rows.iter().map(|row| f64::from(fixed(row))).collect();
    for &root in &data::ROOTS {
        for (row, total) in rows.iter().zip(&mut totals) {
            *total += walk(root, row);
        }
    }
    totals.into_iter().map(|t| t as f32).collect()
}

/// The fixed linear constraints' part of a row's score (the trees only add to it).
fn fixed(row: &[f32; WIDTH]) -> f32 {
    let classes = WIDTH - super::reader::DENSE;
    data::FIXED
        .iter()
        .map(|&(i, w)| w * row.get(classes + i).copied().unwrap_or(0.0))
        .sum()
}

/// One tree's leaf value for a row.
fn walk(root: i32, row: &[f32; WIDTH]) -> f64 {
    let mut n = root;
    while n >= 0 {
        // The training script writes every child index in range; a bad one ends the walk.
        let Some(node) = data::NODES.get(n as usize) else {
            return 0.0;
        };
        let x = row.get(usize::from(node.feature)).copied().unwrap_or(0.0);
        n = if node.goes_left(x) {
            node.left
        } else {
            node.right
        };
    }
    data::LEAVES.get(!n as usize).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_agrees_with_lightgbm() {
        // CHECKS are real spans with LightGBM's own predictions, written with the trees.
        let rows: Vec<[f32; WIDTH]> = data::CHECKS.iter().map(|c| c.0).collect();
        for ((row, want), got) in data::CHECKS.iter().zip(score_all(&rows)) {
            let got = f64::from(got - fixed(row));
            assert!((got - want).abs() < 1e-4, "{got} vs {want}");
        }
    }

    #[test]
    fn categorical_splits_route_unseen_classes_right() {
        let n = Node::new(0, true, 0.0, 0b101, 1, 2);
        assert!(n.goes_left(0.0) && n.goes_left(2.0));
        assert!(!n.goes_left(1.0) && !n.goes_left(-1.0) && !n.goes_left(99.0));
        let n = Node::new(0, false, 0.5, 0, 1, 2);
        assert!(n.goes_left(0.5) && !n.goes_left(0.6));
    }
}
