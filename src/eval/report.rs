//! What `eval` reports: one [`Record`] per question (`--report`) and the figures over them.

use serde::{Deserialize, Serialize};

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
    /// Whether the question was answered (not refused) with a right answer in the sense of
    /// `eval --questions` (containment with all digits, see `eval::answer_matches`).
    #[serde(default)]
    pub answer_ok: bool,
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
