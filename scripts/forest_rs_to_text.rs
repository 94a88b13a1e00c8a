//! One-off, run once when the reader's forest became data: converts src/answer/reader_forest.rs
//! (the forest as generated Rust) into the data file src/answer/models/reader_forest.txt, writes
//! LightGBM's check rows (src/answer/models/reader_forest.checks) and pins the exact scores of
//! the old code on real and perturbed rows (src/answer/reader/testdata/forest_scores.txt).
//!
//! Run beside copies of the old src/answer/forest.rs (its Node fields made `pub`) and
//! reader_forest.rs, with names.txt holding the dense features' names one a line:
//!     mkdir answer && rustc --edition 2021 --cfg test -O forest_rs_to_text.rs -o conv && ./conv
#![allow(dead_code)]
mod answer {
    #[path = "../forest.rs"]
    pub mod forest;
    #[path = "../reader_forest.rs"]
    pub mod reader_forest;
    pub mod reader {
        pub const DENSE: usize = 61;
    }
}
use answer::forest;
use answer::reader_forest as data;
use std::fmt::Write;

const CLASSES: [&str; 6] = ["ask_class", "last_pos", "length_bucket", "first_pos", "prev_border", "next_border"];

fn main() {
    let dense: Vec<String> = std::fs::read_to_string("names.txt").unwrap().lines().map(String::from).collect();
    assert_eq!(dense.len(), 61);
    let columns: Vec<String> = CLASSES.iter().map(|s| s.to_string()).chain(dense.iter().cloned()).collect();
    assert_eq!(columns.len(), data::WIDTH);
    // The model.
    let mut m = String::new();
    writeln!(m, "# The reader's second stage, a gradient-boosted forest written by").unwrap();
    writeln!(m, "# `scripts/train_reader.py --trees` (LightGBM lambdarank, {} trees of up to 31 leaves).", data::ROOTS.len()).unwrap();
    writeln!(m, "# Format: src/answer/reader/forest_file.rs.").unwrap();
    writeln!(m, "wenjin-forest 1").unwrap();
    writeln!(m, "shortlist {}", data::SHORTLIST).unwrap();
    writeln!(m, "columns {}", columns.join(" ")).unwrap();
    for &(i, w) in &data::FIXED {
        writeln!(m, "fixed {} {:?}", dense[i], w).unwrap();
    }
    writeln!(m, "roots {}", data::ROOTS.len()).unwrap();
    for r in &data::ROOTS {
        writeln!(m, "{r}").unwrap();
    }
    writeln!(m, "nodes {}", data::NODES.len()).unwrap();
    for n in &data::NODES {
        if n.categorical {
            assert_eq!(n.threshold.to_bits(), 0f64.to_bits());
            writeln!(m, "{} in {:#x} {} {}", n.feature, n.mask, n.left, n.right).unwrap();
        } else {
            assert_eq!(n.mask, 0);
            writeln!(m, "{} <= {:?} {} {}", n.feature, n.threshold, n.left, n.right).unwrap();
        }
    }
    writeln!(m, "leaves {}", data::LEAVES.len()).unwrap();
    for l in &data::LEAVES {
        writeln!(m, "{l:?}").unwrap();
    }
    std::fs::write("reader_forest.txt", m).unwrap();
    // LightGBM's own predictions for real rows (the trainer's checks).
    let row_text = |r: &[f32]| r.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(" ");
    let mut c = String::new();
    for (row, want) in &data::CHECKS {
        writeln!(c, "{want:?} {}", row_text(row)).unwrap();
    }
    std::fs::write("reader_forest.checks", c).unwrap();
    // Rows: the real ones, then perturbed copies (other classes, unseen classes, values at the
    // trees' thresholds).
    let mut rows: Vec<[f32; 67]> = data::CHECKS.iter().map(|c| c.0).collect();
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as u32
    };
    let limits = [12u32, 8, 10, 8, 47, 47];
    for k in 0..43 {
        let mut r = data::CHECKS[k % data::CHECKS.len()].0;
        for col in 0..67 {
            if next() % 100 >= 30 {
                continue;
            }
            if col < 6 {
                r[col] = match next() % 10 {
                    0 => [63.0, 64.0, -1.0, 99.0][(next() % 4) as usize],
                    _ => (next() % limits[col]) as f32,
                };
            } else {
                let nodes: Vec<&forest::Node> = data::NODES.iter().filter(|n| n.feature as usize == col).collect();
                r[col] = match (next() % 3, nodes.is_empty()) {
                    (0, false) => nodes[(next() as usize) % nodes.len()].threshold as f32,
                    (1, _) => data::CHECKS[(next() as usize) % data::CHECKS.len()].0[col],
                    _ => (next() % 4000) as f32 / 1000.0 - 1.0,
                };
            }
        }
        rows.push(r);
    }
    let scores = forest::score_all(&rows);
    let mut s = String::new();
    for (row, score) in rows.iter().zip(&scores) {
        writeln!(s, "{score:?} {}", row_text(row)).unwrap();
    }
    std::fs::write("forest_scores.txt", s).unwrap();
    eprintln!("{} rows scored", rows.len());
}
