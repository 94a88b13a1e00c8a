//! Training data written beside an evaluation: the reader's candidate spans and the reranker's
//! candidate passages, with their labels.

use std::path::Path;

use super::items::Item;
use super::metrics::{exact, f1};
use super::parallel::par_map;
use crate::answer::{self, reader};
use crate::search::{Engine, Snapshot};
use crate::{Error, Result};

/// Floats per row of [`write_spans`]: question index, exact match, F1, answer-type group, part
/// of speech, length bucket, first word's part of speech, bordering words, then the dense
/// features.
pub const SPAN_ROW: usize = 9 + reader::DENSE;

/// The names of [`write_spans`]'s columns: the three labels, then the forest's inputs.
pub fn span_columns() -> Vec<&'static str> {
    ["question", "exact", "f1"]
        .into_iter()
        .chain(reader::columns())
        .collect()
}

// A span's row is its labels, then the forest's inputs.
const _: () = assert!(SPAN_ROW == 3 + reader::WIDTH);

/// Writes the reader's candidate spans for every item with their labels (a header line naming
/// the columns, `span_columns`, then little-endian f32 rows of [`SPAN_ROW`]), the training
/// data of `scripts/train_reader.py`. Returns the rows written.
pub fn write_spans(engine: &Engine, items: &[Item], path: &Path) -> Result<usize> {
    let columns = span_columns();
    write_rows(engine, items, path, &columns, |snap, k, item, analysis| {
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

/// Analyses every item on every core and writes a JSON line naming the columns
/// (`{"columns":[...]}`), then the rows `rows_of` makes of each analysis as little-endian f32
/// (a question that cannot be asked gives none). Returns the rows written.
fn write_rows(
    engine: &Engine,
    items: &[Item],
    path: &Path,
    columns: &[&str],
    rows_of: impl Fn(&Snapshot, usize, &Item, &answer::Analysis) -> Vec<f32> + Sync,
) -> Result<usize> {
    let snap = engine.snapshot();
    let rows = par_map(items, |k, item| {
        let Some(q) = crate::answer::regional::parse(&snap, &item.question) else {
            return Ok(Vec::new());
        };
        let analysis = answer::analyse(&snap, q)?;
        Ok(rows_of(&snap, k, item, &analysis))
    })?;
    let header = serde_json::json!({ "columns": columns }).to_string() + "\n";
    let floats: Vec<u8> = rows
        .iter()
        .flatten()
        .flat_map(|r| r.to_le_bytes())
        .collect();
    let bytes = [header.as_bytes(), &floats[..]].concat();
    std::fs::write(path, &bytes).map_err(|e| Error::io(path, e))?;
    Ok(floats.len() / 4 / columns.len())
}

/// Floats per row of [`write_passages`]: question index, whether the passage is the right one,
/// the reranker's gate, then its features.
pub const PASSAGE_ROW: usize = 3 + answer::rerank::FEATURES;

/// The names of [`write_passages`]'s columns: the labels, then the features of
/// [`answer::Ranked::features`] in their order.
pub const PASSAGE_COLUMNS: [&str; PASSAGE_ROW] = [
    "question",
    "right",
    "gate",
    "bm25_share",
    "bm25_rank",
    "coverage",
    "best_sentence",
    "trigrams",
    "fourgrams",
    "title_named",
    "title_share",
    "second_sentence",
    "log_length",
    "log_bm25",
    "paragraph_start",
    "terms_touched",
];

/// Writes the reranker's candidate passages for every item with their labels (a header line
/// naming the columns, `PASSAGE_COLUMNS`, then little-endian f32 rows of [`PASSAGE_ROW`]),
/// the training data of `scripts/train_rerank.py`. A passage is right when it is the item's
/// gold paragraph (or, without one, holds a reference answer).
pub fn write_passages(engine: &Engine, items: &[Item], path: &Path) -> Result<usize> {
    let columns = PASSAGE_COLUMNS;
    write_rows(engine, items, path, &columns, |_, k, item, analysis| {
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
