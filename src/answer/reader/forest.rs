//! The reader's second stage: a gradient-boosted forest that re-scores the spans the linear
//! model ([`super::weights`]) ranks highest. Trees see what a weighted sum cannot: that a
//! noun phrase is right after 什麼 but wrong after 多少, that a long span wins only when the
//! question's words sit on both sides of it. Held out on the dev sets it lifts exact match by
//! about five points (docs/evaluation.md).
//!
//! The trees are data (`src/answer/models/reader_forest.txt`, written by
//! `scripts/train_reader.py --trees` from LightGBM, read by [`super::forest_file`]), embedded
//! in the binary and parsed at first use; this module only walks them.

use std::sync::LazyLock;

use super::features::WIDTH;
use super::forest_file::{self, ModelError};

/// The embedded forest's text.
const MODEL: &str = include_str!("../models/reader_forest.txt");

/// The embedded forest, parsed once.
static FOREST: LazyLock<Result<Forest, ModelError>> =
    LazyLock::new(|| forest_file::parse_forest(MODEL));

/// The embedded forest, or why it does not parse.
pub fn load() -> Result<&'static Forest, &'static ModelError> {
    FOREST.as_ref()
}

/// The embedded forest. It is part of the build, so a forest that does not parse is a build
/// bug, which `the_embedded_forest_parses` catches before a release; callers that want to
/// report it rather than stop check [`load`] at start-up.
pub fn get() -> &'static Forest {
    match load() {
        Ok(forest) => forest,
        Err(e) => panic!("the embedded reader forest (src/answer/models/reader_forest.txt): {e}"),
    }
}

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
    /// A node: the input it reads (a column of [`WIDTH`]), whether it splits classes, its
    /// threshold or class mask, and its children.
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

    /// The node's children.
    pub(super) fn children(&self) -> [i32; 2] {
        [self.left, self.right]
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

/// The trees, their leaves and the fixed linear part of the score.
#[derive(Debug, Clone)]
pub struct Forest {
    /// Spans per question the forest re-scores.
    pub(super) shortlist: usize,
    /// Linear weights kept fixed (input column, weight), added to the trees' output.
    pub(super) fixed: Vec<(usize, f32)>,
    /// Each tree's root.
    pub(super) roots: Vec<i32>,
    pub(super) nodes: Vec<Node>,
    pub(super) leaves: Vec<f64>,
}

impl Forest {
    /// Spans per question the forest re-scores.
    pub fn shortlist(&self) -> usize {
        self.shortlist
    }

    /// The forest's scores for many spans' inputs (the six classes, then the dense features),
    /// with the fixed linear constraints added. Tree by tree rather than span by span, so each
    /// tree's nodes stay in the cache while every span walks it.
    pub fn score_all(&self, rows: &[[f32; WIDTH]]) -> Vec<f32> {
        let mut totals: Vec<f64> = rows.iter().map(|row| f64::from(self.fixed(row))).collect();
        for &root in &self.roots {
            for (row, total) in rows.iter().zip(&mut totals) {
                *total += self.walk(root, row);
            }
        }
        totals.into_iter().map(|t| t as f32).collect()
    }

    /// The fixed linear constraints' part of a row's score (the trees only add to it).
    fn fixed(&self, row: &[f32; WIDTH]) -> f32 {
        self.fixed
            .iter()
            .map(|&(i, w)| w * row.get(i).copied().unwrap_or(0.0))
            .sum()
    }

    /// One tree's leaf value for a row.
    fn walk(&self, root: i32, row: &[f32; WIDTH]) -> f64 {
        let mut n = root;
        while n >= 0 {
            // The parser checks every child index; a bad one would end the walk.
            let Some(node) = self.nodes.get(n as usize) else {
                return 0.0;
            };
            let x = row.get(usize::from(node.feature)).copied().unwrap_or(0.0);
            n = if node.goes_left(x) {
                node.left
            } else {
                node.right
            };
        }
        self.leaves.get(!n as usize).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of a check file: a score, then the row's inputs, space-separated.
    fn checks(text: &str) -> Vec<(&str, [f32; WIDTH])> {
        text.lines()
            .map(|line| {
                let mut values = line.split(' ');
                let score = values.next().expect("a score");
                let mut row = [0f32; WIDTH];
                for r in &mut row {
                    *r = values
                        .next()
                        .and_then(|v| v.parse().ok())
                        .expect("an input");
                }
                assert!(values.next().is_none(), "a row of {WIDTH} inputs");
                (score, row)
            })
            .collect()
    }

    #[test]
    fn the_embedded_forest_parses() {
        let forest = load().expect("the embedded forest parses");
        assert_eq!(forest.shortlist(), 30);
        assert_eq!(forest.roots.len(), 400);
    }

    #[test]
    fn the_walk_agrees_with_lightgbm() {
        // Real spans with LightGBM's own predictions, written with the trees.
        let forest = get();
        let checks = checks(include_str!("../models/reader_forest.checks"));
        assert!(!checks.is_empty());
        let rows: Vec<[f32; WIDTH]> = checks.iter().map(|c| c.1).collect();
        for ((want, row), got) in checks.iter().zip(forest.score_all(&rows)) {
            let want: f64 = want.parse().expect("a prediction");
            let got = f64::from(got - forest.fixed(row));
            assert!((got - want).abs() < 1e-4, "{got} vs {want}");
        }
    }

    #[test]
    fn the_forest_scores_as_the_generated_rust_forest_did() {
        // Real and perturbed rows (other and unseen classes, values at the trees' thresholds)
        // with the scores of the shipped model when it was generated Rust, bit for bit. After
        // a retrain, `rewrite_forest_scores` pins the new model's.
        let forest = get();
        let checks = checks(include_str!("testdata/forest_scores.txt"));
        assert!(checks.len() > 50);
        let rows: Vec<[f32; WIDTH]> = checks.iter().map(|c| c.1).collect();
        for ((want, row), got) in checks.iter().zip(forest.score_all(&rows)) {
            let want: f32 = want.parse().expect("a score");
            assert_eq!(got.to_bits(), want.to_bits(), "{got} vs {want} for {row:?}");
        }
    }

    /// After a retrain, pins the new forest's scores for the same rows:
    /// `cargo test --lib rewrite_forest_scores -- --ignored`.
    #[test]
    #[ignore = "rewrites testdata/forest_scores.txt"]
    fn rewrite_forest_scores() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/answer/reader/testdata/forest_scores.txt"
        );
        let old = std::fs::read_to_string(path).expect("the fixture");
        let rows: Vec<[f32; WIDTH]> = checks(&old).iter().map(|c| c.1).collect();
        let mut out = String::new();
        for (row, score) in rows.iter().zip(get().score_all(&rows)) {
            let row: Vec<String> = row.iter().map(|v| format!("{v:?}")).collect();
            out += &format!("{score:?} {}\n", row.join(" "));
        }
        std::fs::write(path, out).expect("the fixture is written");
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
