//! The questions asked: SQuAD files (turned into a corpus of their paragraphs) and own question
//! files.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::own::fold_own;
use crate::{Error, Result};

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
    pub(super) fn is_right(&self, doc: &str, text: &str) -> bool {
        match &self.gold {
            Some(g) => doc == g,
            None => {
                let t = fold_own(text);
                self.answers
                    .iter()
                    .map(|a| fold_own(a))
                    .any(|a| !a.is_empty() && t.contains(&a))
            }
        }
    }
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
