//! From a question to an answer with citations: understand, retrieve, rerank, read, cite.
//!
//! 1. [`question`]: answer type, entities (through the alias file), years, content words.
//! 2. Retrieval (`retrieve.rs`): BM25 over jieba words and CJK bigrams/unigrams with alias
//!    alternatives, built as term queries (user text never reaches tantivy's query parser).
//! 3. [`rerank`]: order the candidates by [`evidence`] (weighted coverage of the question in the
//!    passage and in its best sentences, runs of its characters, the title) weighed by a learned
//!    linear model, gated by entity and year agreement (another company or another year must
//!    not win; `2018-2022年` is not `2022年`).
//! 4. Reading (`read.rs`, `choose.rs`): the typed spans of [`extract`] and the scores of
//!    [`reader`] pick the answer, verbatim; [`answerable`] decides whether the corpus answers at
//!    all (`analyse.rs`).
//! 5. The response (`respond.rs`): citations with highlighted matches; below a relevance
//!    threshold, "not found" with the nearest passages marked related. `provenance.rs` tells
//!    front ends when cited articles give different figures ([`Response::disputed_source`]).
//!
//! [`Answerer`] is the one way in: a question, its explanation, or a conversation turn
//! (`conversation.rs`: follow-ups such as 那雲從科技呢？ read against the last question).
//!
//! Dependencies run one way (a file uses only those before it, and the weight files only
//! themselves): `question_time`, `question`, `follow_up`, `evidence`, `extract`, `limits`, `rerank` and
//! `reader`, `read`, `choose`, `answerable`, `retrieve`, `latest`, `mentions`, `analyse`, `types`,
//! `respond`, `provenance`, `explain`, `conversation`, and this file's front door.

mod aggregate;
mod among;
mod amount_span;
mod analyse;
pub mod answerable;
mod answerable_weights;
mod antecedent;
mod apposition;
mod asks;
mod byline;
mod choose;
mod contrast;
mod conversation;
mod date_range;
pub mod evidence;
mod explain;
pub mod extract;
mod faults;
mod fit;
mod follow_up;
mod glued;
mod head_word;
mod headline;
mod latest;
mod level;
mod limits;
mod look_alikes;
mod marks;
mod measure;
mod measure_words;
mod meeting;
mod mentions;
mod name_span;
mod name_whole;
mod named;
mod names_written;
mod provenance;
pub mod question;
mod question_time;
mod read;
pub mod reader;
pub(crate) mod regional;
mod report_time;
mod report_year;
pub mod rerank;
mod rerank_weights;
mod respectively;
mod respond;
mod retrieve;
mod separated;
mod siblings;
mod statement;
mod subject;
mod the_rest;
mod titled;
mod types;
mod typos;
mod venue;
mod which;
mod winner;
mod year_rank;

use crate::search::{Engine, Snapshot};
use crate::Result;

pub(crate) use analyse::analyse;
pub use analyse::Analysis;
pub use choose::Choice;
pub use conversation::{AnswerCache, Context, NoCache, Turn};
pub use marks::mark;
pub use question::{AnswerKind, Question};
pub(crate) use read::{read, reading};
pub use rerank::Ranked;
pub(crate) use respond::respond;
pub use respond::CITATIONS;
pub(crate) use retrieve::clauses;
use types::UNPARSED;
pub use types::{Citation, Response};

/// What [`Answerer::ask_scored`] measured beside the response (for `eval --report`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// The reader's score of the chosen answer.
    pub reader: Option<f32>,
    /// The answerability features ([`answerable::features`]), when the evidence threshold let
    /// the question through to the answerability model.
    pub answerable: Option<[f32; answerable::FEATURES]>,
}

/// How a question was handled, for admins tuning the ranking: the analysis as JSON
/// (`explain --json`) and as a readable account (`explain`, the bot's `/explain`).
#[derive(Debug, Clone)]
pub struct Explanation {
    analysis: Analysis,
    text: String,
}

impl Explanation {
    /// The readable account.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The whole analysis as pretty-printed JSON.
    pub fn json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(&self.analysis)
    }

    /// The analysis behind it.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }
}

/// The one way to answer: questions, explanations and conversation turns, each against one
/// consistent view of the index.
pub struct Answerer<'a> {
    view: View<'a>,
}

/// Where an [`Answerer`] reads the index.
enum View<'a> {
    /// A fresh snapshot per call, so a long-lived answerer follows reindexes.
    Live(&'a Engine),
    /// One fixed snapshot (evaluations and benchmarks compare questions on the same index).
    Fixed(&'a Snapshot),
}

impl<'a> Answerer<'a> {
    /// Answers from `engine`, taking a fresh snapshot for every call.
    pub fn new(engine: &'a Engine) -> Self {
        Answerer {
            view: View::Live(engine),
        }
    }

    /// Answers from one snapshot of the index.
    pub fn at(snap: &'a Snapshot) -> Self {
        Answerer {
            view: View::Fixed(snap),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&Snapshot) -> T) -> T {
        match self.view {
            View::Live(engine) => f(&engine.snapshot()),
            View::Fixed(snap) => f(snap),
        }
    }

    /// Answers one question. Bad input (empty, emoji-only, punctuation) gets a response with
    /// an `error` message, not an `Err`; `Err` is for index failures.
    pub fn ask(&self, question: &str) -> Result<Response> {
        self.ask_scored(question).map(|(r, _)| r)
    }

    /// [`Answerer::ask`], also returning the scores behind the response (for `eval --report`).
    pub fn ask_scored(&self, question: &str) -> Result<(Response, Scores)> {
        self.with(|snap| {
            let Some(q) = regional::parse(snap, question) else {
                return Ok((Response::error(question, UNPARSED), Scores::default()));
            };
            let analysis = analyse(snap, q)?;
            let scores = Scores {
                reader: analysis.choice.as_ref().map(|c| c.score),
                answerable: analysis.passed_threshold.then_some(analysis.answerable),
            };
            Ok((respond(snap, &analysis), scores))
        })
    }

    /// How `question` was handled; `None` when it holds nothing searchable.
    pub fn explain(&self, question: &str) -> Result<Option<Explanation>> {
        self.with(|snap| {
            let Some(q) = regional::parse(snap, question) else {
                return Ok(None);
            };
            let analysis = analyse(snap, q)?;
            let text = explain::render(&analysis, snap);
            Ok(Some(Explanation { analysis, text }))
        })
    }

    /// Answers `text` in the conversation whose context is `ctx` (follow-ups such as 那2021年呢
    /// are read against it), updating it; responses are looked up in and stored to `cache`.
    pub fn turn(&self, ctx: &mut Context, text: &str, cache: &dyn AnswerCache) -> Result<Turn> {
        self.with(|snap| conversation::turn(snap, ctx, text, cache))
    }
}
