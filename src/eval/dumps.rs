//! Training data written beside an evaluation: the reader's candidate spans and the reranker's
//! candidate passages, with their labels.

use std::path::Path;

use super::items::Item;
use super::metrics::{exact, f1};
use super::parallel::par_map;
use crate::answer::{self, reader, Question};
use crate::search::{Engine, Snapshot};
use crate::{Error, Result};

/// Floats per row of [`write_spans`]: question index, exact match, F1, answer-type group, part
/// of speech, length bucket, first word's part of speech, bordering words, then the dense
/// features.
pub const SPAN_ROW: usize = 9 + reader::DENSE;

/// Writes the reader's candidate spans for every item with their labels (little-endian f32 rows
/// of [`SPAN_ROW`]), the training data of `scripts/train_reader.py`. Returns the rows written.
pub fn write_spans(engine: &Engine, items: &[Item], path: &Path) -> Result<usize> {
    write_rows(engine, items, path, SPAN_ROW, |snap, k, item, analysis| {
        let mut rows: Vec<f32> = Vec::new();
        let split = answer::reading(&analysis.ranked);
        let spans = answer::read(
            &analysis.question,
            &analysis.evidence,
            snap,
            &analysis.ranked,
            &split,
        );
        for s in spans {
            let sentence = &split[s.passage][s.sentence];
            let text = &sentence.norm.text[s.range.clone()];
            rows.extend([
                k as f32,
                f32::from(u8::from(exact(text, &item.answers))),
                f1(text, &item.answers) as f32,
                s.kind as f32,
                s.pos as f32,
                s.length as f32,
                s.first as f32,
                s.prev as f32,
                s.next as f32,
            ]);
            rows.extend(s.dense);
        }
        rows
    })
}

/// Analyses every item on every core and writes the rows `rows_of` makes of each analysis as
/// little-endian f32 (a question that cannot be asked gives none). Returns the rows written.
fn write_rows(
    engine: &Engine,
    items: &[Item],
    path: &Path,
    width: usize,
    rows_of: impl Fn(&Snapshot, usize, &Item, &answer::Analysis) -> Vec<f32> + Sync,
) -> Result<usize> {
    let snap = engine.snapshot();
    let rows = par_map(items, |k, item| {
        let Some(q) = Question::parse(&item.question, snap.aliases()) else {
            return Ok(Vec::new());
        };
        let analysis = answer::analyse(&snap, q)?;
        Ok(rows_of(&snap, k, item, &analysis))
    })?;
    let bytes: Vec<u8> = rows
        .iter()
        .flatten()
        .flat_map(|r| r.to_le_bytes())
        .collect();
    std::fs::write(path, &bytes).map_err(|e| Error::io(path, e))?;
    Ok(bytes.len() / 4 / width)
}

/// Floats per row of [`write_passages`]: question index, whether the passage is the right one,
/// the reranker's gate, then its features.
pub const PASSAGE_ROW: usize = 3 + answer::rerank::FEATURES;

/// Writes the reranker's candidate passages for every item with their labels (little-endian
/// f32 rows of [`PASSAGE_ROW`]), the training data of `scripts/train_rerank.py`. A passage is
/// right when it is the item's gold paragraph (or, without one, holds a reference answer).
pub fn write_passages(engine: &Engine, items: &[Item], path: &Path) -> Result<usize> {
    write_rows(engine, items, path, PASSAGE_ROW, |_, k, item, analysis| {
        let mut rows: Vec<f32> = Vec::new();
        for r in &analysis.ranked {
            let right = item.is_right(&r.passage.doc, &r.passage.text);
            rows.extend([k as f32, f32::from(u8::from(right)), r.gate]);
            rows.extend(r.features);
        }
        rows
    })
}

/// Training data to write beside an evaluation (see [`write_spans`], [`write_passages`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Dumps<'a> {
    /// The reader's candidate spans.
    pub spans: Option<&'a Path>,
    /// The reranker's candidate passages.
    pub passages: Option<&'a Path>,
}

impl Dumps<'_> {
    pub(super) fn write(&self, engine: &Engine, items: &[Item]) -> Result<()> {
        if let Some(path) = self.spans {
            write_spans(engine, items, path)?;
        }
        if let Some(path) = self.passages {
            write_passages(engine, items, path)?;
        }
        Ok(())
    }
}
