//! `wenjin eval`: retrieval and answer accuracy on SQuAD-format sets (DRCD, CMRC 2018) and on
//! our own question files, beside a plain jieba-BM25 baseline.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::answer::{self, reader, Question, CITATIONS};
use crate::search::{self, BuildOptions, Clause, Engine, FieldKind, Snapshot};
use crate::text::{normalize, words};
use crate::{Error, Result};

/// Which system answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum System {
    /// wenjin's full pipeline.
    Wenjin,
    /// BM25 over the jieba word field only: no character grams, no aliases, no reranking, no
    /// answer extraction (EM and F1 are 0).
    JiebaBm25,
}

/// The figures `eval` reports (fractions 0–1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// Questions asked.
    pub questions: usize,
    /// Top passage from the gold paragraph (SQuAD) or containing an answer (own sets).
    pub top1: f64,
    /// Same within the first five.
    pub top5: f64,
    /// Exact match of the answer, best over the references.
    pub em: f64,
    /// Character F1 of the answer, best over the references.
    pub f1: f64,
}

/// One question with its reference answers and, for SQuAD, the gold paragraph's doc id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Item {
    /// The question.
    pub question: String,
    /// Reference answers.
    #[serde(default)]
    pub answers: Vec<String>,
    /// Gold document id (SQuAD only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gold: Option<String>,
}

impl Item {
    /// Whether a passage answers the item: it is the gold paragraph or, without one, it holds a
    /// reference answer.
    fn is_right(&self, doc: &str, text: &str) -> bool {
        match &self.gold {
            Some(g) => doc == g,
            None => {
                let t = normalize(text);
                self.answers.iter().any(|a| t.contains(&normalize(a)))
            }
        }
    }
}

/// Folds for comparison: Traditional→Simplified, width, case; punctuation and spaces removed.
pub fn fold_answer(s: &str) -> String {
    normalize(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn lcs(a: &[char], b: &[char]) -> usize {
    // Longest common substring, as in the CMRC 2018 evaluation script.
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// Character F1 (CMRC style), best over the references.
pub fn f1(prediction: &str, references: &[String]) -> f64 {
    let p: Vec<char> = fold_answer(prediction).chars().collect();
    references
        .iter()
        .map(|r| {
            let r: Vec<char> = fold_answer(r).chars().collect();
            let common = lcs(&p, &r);
            if common == 0 {
                return 0.0;
            }
            let precision = common as f64 / p.len() as f64;
            let recall = common as f64 / r.len() as f64;
            2.0 * precision * recall / (precision + recall)
        })
        .fold(0.0, f64::max)
}

/// Exact match after folding, best over the references.
pub fn exact(prediction: &str, references: &[String]) -> bool {
    let p = fold_answer(prediction);
    !p.is_empty() && references.iter().any(|r| fold_answer(r) == p)
}

/// SQuAD data: writes every paragraph as a JSON Lines article (id = paragraph id) and returns the
/// questions with their gold doc ids.
pub fn squad_to_corpus(squad: &Path, corpus_dir: &Path) -> Result<Vec<Item>> {
    let text = std::fs::read_to_string(squad).map_err(|e| Error::io(squad, e))?;
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::Corrupt(format!("{}: {e}", squad.display())))?;
    let mut lines = String::new();
    let mut items = Vec::new();
    let mut k = 0usize;
    for d in v["data"].as_array().into_iter().flatten() {
        let title = d["title"].as_str().unwrap_or("");
        for p in d["paragraphs"].as_array().into_iter().flatten() {
            k += 1;
            let id = p["id"]
                .as_str()
                .map_or_else(|| format!("p{k}"), str::to_string);
            let context = p["context"].as_str().unwrap_or("").replace("\n\n", "\n");
            lines.push_str(
                &serde_json::json!({"id": id, "title": title, "text": context}).to_string(),
            );
            lines.push('\n');
            for qa in p["qas"].as_array().into_iter().flatten() {
                let Some(q) = qa["question"].as_str() else {
                    continue;
                };
                let answers = qa["answers"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a["text"].as_str().map(str::to_string))
                    .collect();
                items.push(Item {
                    question: q.to_string(),
                    answers,
                    gold: Some(format!("squad.jsonl#{id}")),
                });
            }
        }
    }
    std::fs::create_dir_all(corpus_dir).map_err(|e| Error::io(corpus_dir, e))?;
    let dst = corpus_dir.join("squad.jsonl");
    std::fs::write(&dst, lines).map_err(|e| Error::io(&dst, e))?;
    Ok(items)
}

/// Reads a question file: JSON Lines `{"question", "answers": [...]}`.
pub fn read_questions(path: &Path) -> Result<Vec<Item>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l).map_err(|e| Error::Corrupt(format!("{}: {e}", path.display())))
        })
        .collect()
}

/// What one system returned for one question: doc ids and texts of the top passages, and the
/// answer (minimal span where there is one).
struct Outcome {
    docs: Vec<(String, String)>,
    answer: Option<String>,
    reader_score: Option<f32>,
    found: Option<bool>,
    answerable: Option<Vec<f32>>,
}

fn baseline(snap: &Snapshot, question: &str) -> Result<Outcome> {
    let clauses: Vec<Clause> = words(&normalize(question))
        .into_iter()
        .map(|p| Clause {
            alternatives: vec![(FieldKind::Words, p.text)],
            boost: 1.0,
        })
        .collect();
    // Like wenjin's citations, one per paragraph (a long paragraph is cut into windows).
    let hits = snap.search(&clauses, 4 * CITATIONS)?;
    let mut cited = std::collections::HashSet::new();
    Ok(Outcome {
        docs: hits
            .into_iter()
            .filter(|h| cited.insert((h.passage.doc.clone(), h.passage.paragraph)))
            .take(CITATIONS)
            .map(|h| (h.passage.doc, h.passage.text))
            .collect(),
        answer: None,
        reader_score: None,
        found: None,
        answerable: None,
    })
}

fn wenjin(snap: &Snapshot, question: &str) -> Result<(Outcome, Option<String>)> {
    let (r, scores) = answer::Answerer::at(snap).ask_scored(question)?;
    let kind = r.answer_type.map(|k| k.label().to_string());
    let outcome = Outcome {
        docs: r
            .citations
            .iter()
            .map(|c| (c.doc.clone(), c.text.clone()))
            .collect(),
        answer: r.core.or(r.answer),
        reader_score: scores.reader,
        found: Some(r.found),
        answerable: scores.answerable.map(Vec::from),
    };
    Ok((outcome, kind))
}

/// How one question went, for `eval --report` (one JSON line per question).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The question.
    pub question: String,
    /// The answer type understood (wenjin only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The answer given (the minimal span where there is one).
    pub answer: Option<String>,
    /// The reference answers.
    pub answers: Vec<String>,
    /// Whether the first passage was right.
    pub top1: bool,
    /// Whether one of the first five was right.
    pub top5: bool,
    /// Exact match.
    pub em: bool,
    /// Character F1.
    pub f1: f64,
    /// The reader's score of the answer (wenjin only, when it chose a span): how sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_score: Option<f32>,
    /// Whether wenjin took the corpus to answer (wenjin only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<bool>,
    /// The answerability features of the best passage, when the evidence threshold let the
    /// question through to the answerability model (wenjin only; see `answer::answerable`):
    /// the training data of `scripts/train_answerable.py`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answerable: Option<Vec<f32>>,
}

impl EvalReport {
    /// The figures over a set of records.
    pub fn from_records(records: &[Record]) -> EvalReport {
        let n = records.len().max(1) as f64;
        let share = |f: fn(&Record) -> bool| records.iter().filter(|r| f(r)).count() as f64 / n;
        EvalReport {
            questions: records.len(),
            top1: share(|r| r.top1),
            top5: share(|r| r.top5),
            em: share(|r| r.em),
            f1: records.iter().map(|r| r.f1).sum::<f64>() / n,
        }
    }
}

/// Asks one item and scores it.
fn record(snap: &Snapshot, item: &Item, system: System) -> Result<Record> {
    let (o, kind) = match system {
        System::Wenjin => wenjin(snap, &item.question)?,
        System::JiebaBm25 => (baseline(snap, &item.question)?, None),
    };
    let hit = |(doc, text): &(String, String)| item.is_right(doc, text);
    Ok(Record {
        question: item.question.clone(),
        kind,
        top1: o.docs.first().is_some_and(hit),
        top5: o.docs.iter().take(5).any(hit),
        em: o.answer.as_deref().is_some_and(|a| exact(a, &item.answers)),
        f1: o.answer.as_deref().map_or(0.0, |a| f1(a, &item.answers)),
        answer: o.answer,
        answers: item.answers.clone(),
        reader_score: o.reader_score,
        found: o.found,
        answerable: o.answerable,
    })
}

/// Maps `f` over the items on every core, keeping their order.
fn par_map<T: Send>(
    items: &[Item],
    f: impl Fn(usize, &Item) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let chunk = items.len().div_ceil(threads).max(1);
    let f = &f;
    let partials: Vec<Result<Vec<T>>> = std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                s.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, item)| f(c * chunk + i, item))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Corrupt("evaluation thread panicked".into())))
            })
            .collect()
    });
    let mut out = Vec::with_capacity(items.len());
    for p in partials {
        out.extend(p?);
    }
    Ok(out)
}

/// Asks every item and scores it, in the items' order. Uses every core.
pub fn score(engine: &Engine, items: &[Item], system: System) -> Result<Vec<Record>> {
    let snap = engine.snapshot();
    par_map(items, |_, item| record(&snap, item, system))
}

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
/// the columns, [`span_columns`], then little-endian f32 rows of [`SPAN_ROW`]), the training
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
        let Some(q) = Question::parse(&item.question, snap.aliases()) else {
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

/// A temporary working folder, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// Creates a fresh folder under the system temp dir.
    pub fn new(tag: &str) -> Result<Scratch> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let p = std::env::temp_dir().join(format!("wenjin-{tag}-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&p).map_err(|e| Error::io(&p, e))?;
        Ok(Scratch(p))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
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
/// naming the columns, [`PASSAGE_COLUMNS`], then little-endian f32 rows of [`PASSAGE_ROW`]),
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
    fn write(&self, engine: &Engine, items: &[Item]) -> Result<()> {
        if let Some(path) = self.spans {
            write_spans(engine, items, path)?;
        }
        if let Some(path) = self.passages {
            write_passages(engine, items, path)?;
        }
        Ok(())
    }
}

/// Evaluates a SQuAD file (plus distractor JSON Lines files) in a temporary index.
pub fn squad(
    file: &Path,
    distractors: &[PathBuf],
    limit: Option<usize>,
    system: System,
    dumps: Dumps<'_>,
) -> Result<Vec<Record>> {
    let scratch = Scratch::new("eval")?;
    let corpus = scratch.0.join("corpus");
    let mut items = squad_to_corpus(file, &corpus)?;
    for (i, d) in distractors.iter().enumerate() {
        let dst = corpus.join(format!("distractors-{i}.jsonl"));
        std::fs::copy(d, &dst).map_err(|e| Error::io(d, e))?;
    }
    if let Some(n) = limit {
        items.truncate(n);
    }
    let index = scratch.0.join("index");
    search::build(&corpus, &index, &BuildOptions::default())?;
    let engine = Engine::open(&index)?;
    dumps.write(&engine, &items)?;
    score(&engine, &items, system)
}

/// Evaluates a question file against a corpus folder (in a temporary index).
pub fn questions(
    file: &Path,
    corpus: &Path,
    limit: Option<usize>,
    system: System,
    dumps: Dumps<'_>,
) -> Result<Vec<Record>> {
    let scratch = Scratch::new("eval")?;
    let mut items = read_questions(file)?;
    if let Some(n) = limit {
        items.truncate(n);
    }
    let index = scratch.0.join("index");
    search::build(corpus, &index, &BuildOptions::default())?;
    let engine = Engine::open(&index)?;
    dumps.write(&engine, &items)?;
    score(&engine, &items, system)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_fold_scripts_and_punctuation() {
        let refs = vec!["60億".to_string()];
        assert!(exact("60亿", &refs));
        assert!(exact(" 60億。", &refs));
        assert!(!exact("巨虧60億", &refs));
        let f = f1("巨虧60億", &refs);
        assert!(
            (f - 2.0 * (3.0 / 5.0) * 1.0 / (3.0 / 5.0 + 1.0)).abs() < 1e-9,
            "{f}"
        );
        assert_eq!(f1("", &refs), 0.0);
    }
}
