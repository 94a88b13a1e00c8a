//! Asking each question of wenjin or of the jieba-BM25 baseline, and scoring what came back.

use serde::{Deserialize, Serialize};

use super::items::Item;
use super::metrics::{exact, f1};
use super::own::answer_matches;
use super::parallel::par_map;
use super::report::Record;
use crate::answer::{self, CITATIONS};
use crate::search::{Clause, Engine, FieldKind, Snapshot};
use crate::text::{normalize, words};
use crate::Result;

/// Which system answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum System {
    /// wenjin's full pipeline.
    Wenjin,
    /// BM25 over the jieba word field only: no character grams, no aliases, no reranking, no
    /// answer extraction (EM and F1 are 0).
    JiebaBm25,
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
        answer_ok: o.found != Some(false)
            && o.answer
                .as_deref()
                .is_some_and(|a| answer_matches(a, &item.answers)),
        answer: o.answer,
        answers: item.answers.clone(),
        reader_score: o.reader_score,
        found: o.found,
        answerable: o.answerable,
    })
}

/// Asks every item and scores it, in the items' order. Uses every core.
pub fn score(engine: &Engine, items: &[Item], system: System) -> Result<Vec<Record>> {
    let snap = engine.snapshot();
    par_map(items, |_, item| record(&snap, item, system))
}
