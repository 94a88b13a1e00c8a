//! # wenjin (問津)
//!
//! Answers questions about a corpus of Chinese articles with cited passages.
//!
//! Text flows through one module per stage:
//!
//! - [`corpus`]: files → decoded text → articles (title, source, author, date) → passages.
//! - [`text`]: normalization (Traditional→Simplified, width, case) and segmentation (jieba words
//!   with number handling; CJK unigrams/bigrams), shared by indexing and querying.
//! - [`search`]: the tantivy index: schema, incremental builds, reading it while it changes.
//! - [`answer`]: question understanding, retrieval, reranking, answer extraction, citations;
//!   follow-up questions over a session's context. [`answer::Answerer`] is what every front end
//!   calls.
//!
//! Front ends (the `wenjin` binary's console and the Telegram bot) only talk to these modules.

#![warn(missing_docs)]

pub mod answer;
pub mod bench;
pub mod bot;
pub mod console;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod search;
pub mod session;
pub mod text;

pub use error::{Error, Result};
