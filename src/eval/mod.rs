//! `wenjin eval`: retrieval and answer accuracy on SQuAD-format sets (DRCD, CMRC 2018) and on
//! our own question files, beside a plain jieba-BM25 baseline.

mod dumps;
mod items;
mod metrics;
mod own;
mod parallel;
mod report;
mod score;
mod scratch;

use std::path::{Path, PathBuf};

pub use dumps::{write_passages, write_spans, Dumps, PASSAGE_ROW, SPAN_ROW};
pub use items::{read_questions, squad_to_corpus, Item};
pub use metrics::{exact, f1, fold_answer};
pub use own::{answer_matches, fold_own, QuestionsReport};
pub use report::{EvalReport, Record};
pub use score::{score, System};
pub use scratch::Scratch;

use crate::search::{self, BuildOptions, Engine};
use crate::{Error, Result};

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
