//! The forest's file format, as `scripts/train_reader.py --trees` writes it: plain text, one
//! item a line, so that a retrain is an ordinary diff and rustc compiles no data.
//!
//! ```text
//! # comments and blank lines are skipped
//! wenjin-forest 1
//! shortlist 30                      spans per question the forest re-scores
//! columns ask_class last_pos ...    the names of the trees' inputs, in the trainer's order
//! fixed other_year -6.0             a fixed linear weight of a dense feature (any number)
//! roots 400                         then one root a line
//! nodes 12000                       then one node a line:
//!   54 <= 1.0000000180025095e-35 1 -31     column, numeric split (x <= threshold), children
//!   3 in 0x6 9 13                          column, categorical split (classes in the mask)
//! leaves 12400                      then one leaf value a line
//! ```
//!
//! A child `>= 0` is a node, `< 0` the leaf `!child`. Columns are matched to the code's inputs
//! by name, so the file states which feature each split reads. Floats are written in their
//! shortest round-trip form, so the parsed forest is exactly the trained one.

use std::str::FromStr;

use super::features::{columns, Feature};
use super::forest::{Forest, Node};

/// The first line of a forest file.
const MAGIC: &str = "wenjin-forest 1";

/// A forest file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("reader forest, line {line}: {why}")]
pub struct ModelError {
    /// The line (from 1; the line after the last at the end of the file).
    pub line: usize,
    /// What is wrong with it.
    pub why: String,
}

/// The file's meaningful lines with their numbers (from 1).
struct Lines<'a> {
    lines: Vec<(usize, &'a str)>,
    /// The next line's index in `lines`.
    at: usize,
    /// The number of the last line, for errors at the end.
    last: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            lines: text
                .lines()
                .enumerate()
                .map(|(i, l)| (i + 1, l.trim()))
                .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
                .collect(),
            at: 0,
            last: text.lines().count(),
        }
    }

    /// The next line, if it starts with `prefix`.
    fn next_if_starts(&mut self, prefix: &str) -> Option<(usize, &'a str)> {
        let line = self
            .lines
            .get(self.at)
            .filter(|(_, l)| l.starts_with(prefix))?;
        self.at += 1;
        Some(*line)
    }

    /// The next line.
    fn next_line(&mut self, what: &str) -> Result<(usize, &'a str), ModelError> {
        let Some(&line) = self.lines.get(self.at) else {
            return Err(Self::error(
                self.last + 1,
                format!("the file ends before {what}"),
            ));
        };
        self.at += 1;
        Ok(line)
    }

    fn error(line: usize, why: impl Into<String>) -> ModelError {
        ModelError {
            line,
            why: why.into(),
        }
    }

    /// The next line, split into words.
    fn next(&mut self, what: &str) -> Result<(usize, Vec<&'a str>), ModelError> {
        let (n, line) = self.next_line(what)?;
        Ok((n, line.split_whitespace().collect()))
    }

    /// The next line, which must be `key value`; returns the value.
    fn keyed<T: FromStr>(&mut self, key: &str) -> Result<T, ModelError> {
        let (n, words) = self.next(key)?;
        match words.as_slice() {
            [k, v] if *k == key => parse(n, v),
            _ => Err(Self::error(n, format!("expected `{key} VALUE`"))),
        }
    }

    /// The next `count` lines, each read by `item`.
    fn items<T>(
        &mut self,
        key: &str,
        mut item: impl FnMut(usize, &[&'a str]) -> Result<T, ModelError>,
    ) -> Result<Vec<T>, ModelError> {
        let count: usize = self.keyed(key)?;
        let mut out = Vec::with_capacity(count);
        // One buffer for every line's words: a forest has tens of thousands of lines.
        let mut words = Vec::new();
        for _ in 0..count {
            let (n, line) = self.next_line(key)?;
            words.clear();
            words.extend(line.split_whitespace());
            out.push(item(n, &words)?);
        }
        Ok(out)
    }
}

fn parse<T: FromStr>(line: usize, word: &str) -> Result<T, ModelError> {
    word.parse()
        .map_err(|_| Lines::error(line, format!("`{word}` is not a valid number")))
}

/// Reads a forest file.
pub fn parse_forest(text: &str) -> Result<Forest, ModelError> {
    let mut lines = Lines::new(text);
    let (n, words) = lines.next("the header")?;
    if words.join(" ") != MAGIC {
        return Err(Lines::error(n, format!("expected `{MAGIC}`")));
    }
    let shortlist: usize = lines.keyed("shortlist")?;
    // The file's columns, as the code's inputs.
    let (n, words) = lines.next("columns")?;
    if words.first() != Some(&"columns") {
        return Err(Lines::error(n, "expected `columns NAME...`"));
    }
    let inputs = words[1..]
        .iter()
        .map(|name| {
            columns()
                .position(|c| c == *name)
                .ok_or_else(|| Lines::error(n, format!("no input is called `{name}`")))
        })
        .collect::<Result<Vec<usize>, ModelError>>()?;
    let mut fixed = Vec::new();
    while let Some((n, line)) = lines.next_if_starts("fixed ") {
        let words: Vec<&str> = line.split_whitespace().collect();
        let [_, name, weight] = words.as_slice() else {
            return Err(Lines::error(n, "expected `fixed FEATURE WEIGHT`"));
        };
        let Some(feature) = Feature::ALL.iter().find(|f| f.name() == *name) else {
            return Err(Lines::error(
                n,
                format!("no dense feature is called `{name}`"),
            ));
        };
        let column = super::features::CLASSES.len() + *feature as usize;
        fixed.push((column, parse::<f32>(n, weight)?));
    }
    let roots = lines.items("roots", |n, words| match words {
        [root] => parse::<i32>(n, root),
        _ => Err(Lines::error(n, "expected one root")),
    })?;
    let nodes = lines.items("nodes", |n, words| {
        let &[column, kind, value, left, right] = words else {
            return Err(Lines::error(
                n,
                "expected `COLUMN <= THRESHOLD LEFT RIGHT` or `COLUMN in MASK LEFT RIGHT`",
            ));
        };
        let column: usize = parse(n, column)?;
        let Some(&input) = inputs.get(column) else {
            return Err(Lines::error(n, format!("no column {column}")));
        };
        let feature = u16::try_from(input).map_err(|_| Lines::error(n, "too many inputs"))?;
        let (left, right) = (parse(n, left)?, parse(n, right)?);
        match kind {
            "<=" => Ok(Node::new(feature, false, parse(n, value)?, 0, left, right)),
            "in" => {
                let hex = value.strip_prefix("0x").unwrap_or(value);
                let mask = u64::from_str_radix(hex, 16)
                    .map_err(|_| Lines::error(n, format!("`{value}` is not a class mask")))?;
                Ok(Node::new(feature, true, 0.0, mask, left, right))
            }
            _ => Err(Lines::error(
                n,
                format!("`{kind}` is neither `<=` nor `in`"),
            )),
        }
    })?;
    let leaves = lines.items("leaves", |n, words| match words {
        [leaf] => parse::<f64>(n, leaf),
        _ => Err(Lines::error(n, "expected one leaf value")),
    })?;
    if let Some(&(n, _)) = lines.lines.get(lines.at) {
        return Err(Lines::error(n, "more lines than the counts say"));
    }
    // Every child and root must be a node or a leaf of the file.
    let valid = |child: i32| {
        if child >= 0 {
            (child as usize) < nodes.len()
        } else {
            (!child as usize) < leaves.len()
        }
    };
    if let Some(k) = nodes
        .iter()
        .position(|n| !n.children().into_iter().all(valid))
    {
        return Err(ModelError {
            line: 0,
            why: format!("node {k} has a child out of range"),
        });
    }
    if let Some(k) = roots.iter().position(|&r| !valid(r)) {
        return Err(ModelError {
            line: 0,
            why: format!("root {k} is out of range"),
        });
    }
    Ok(Forest {
        shortlist,
        fixed,
        roots,
        nodes,
        leaves,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "# a stump and a tree\nwenjin-forest 1\nshortlist 2\n\
        columns ask_class sentence_coverage\nfixed other_year -6.0\nroots 2\n-1\n0\n\
        nodes 1\n1 <= 0.5 -2 -3\nleaves 3\n0.25\n1.0\n-1.0\n";

    #[test]
    fn a_small_forest_reads_by_column_name() {
        let f = parse_forest(SMALL).unwrap();
        assert_eq!(f.shortlist, 2);
        assert_eq!(f.roots, [-1, 0]);
        // The file's column 1 is the first dense feature, the code's input 6.
        assert_eq!(f.nodes.len(), 1);
        let mut row = [0f32; super::super::features::WIDTH];
        let other_year = 6 + Feature::OtherYear as usize;
        assert_eq!(f.fixed, [(other_year, -6.0)]);
        row[6] = 0.4;
        assert_eq!(f.score_all(&[row]), [1.25]);
        row[6] = 0.6;
        row[other_year] = 1.0;
        assert_eq!(f.score_all(&[row]), [-6.75]);
    }

    #[test]
    fn a_damaged_forest_is_an_error_not_a_panic() {
        let bad = [
            ("", 1),
            ("wenjin-forest 2\n", 1),
            (&SMALL.replace("sentence_coverage", "no_such"), 4),
            (&SMALL.replace("other_year", "ask_class"), 5),
            (&SMALL.replace("1 <= 0.5", "2 <= 0.5"), 10),
            (&SMALL.replace("1 <= 0.5", "1 < 0.5"), 10),
            (&SMALL.replace("0.5 -2", "x -2"), 10),
            (&SMALL.replace("-2 -3", "-2 -9"), 0),
            (&SMALL.replace("roots 2\n-1", "roots 2\n5"), 0),
            (&SMALL.replace("leaves 3", "leaves 4"), 15),
            (&SMALL.replace("leaves 3", "leaves 2"), 14),
            (&SMALL.replace("0.25", "0.25 1"), 12),
        ];
        for (text, line) in bad {
            let e = parse_forest(text).expect_err(text);
            assert_eq!(e.line, line, "{text}: {e}");
        }
    }
}
