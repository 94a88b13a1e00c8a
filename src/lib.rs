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
//! - [`session`]: what the bot keeps in sled between messages (contexts, handled updates, rate
//!   limits, answers for buttons, the answer cache).
//!
//! Front ends ([`console`] for the binary's `ask` and `chat`, [`bot`] for Telegram) only talk to
//! these modules; [`eval`] and [`bench`](mod@bench) measure them. ARCHITECTURE.md follows one question
//! through every file.

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
