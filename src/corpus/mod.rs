//! Loading the corpus: files → decoded text → articles with metadata → passages.
//!
//! - [`load`] walks a folder and reads every supported file, skipping (with a warning that names
//!   the file) whatever is not text, never aborting the run.
//! - [`decode`] detects the encoding (BOMs, UTF-8, GB18030/GBK, Big5, UTF-16) and converts.
//! - [`article`] reads a plain-text or Markdown article: title, `來源:`, `作者:`, date, and drops
//!   scraped boilerplate.
//! - [`html`] and [`json`] read HTML pages and JSON (Lines) records.
//! - [`date`] normalizes every article's publication date; [`dateline`] reads the day a news
//!   dateline gives.
//! - [`punct`] holds the punctuation every later stage splits text at.
//! - [`passage`] cuts paragraphs into passages of bounded length at sentence ends.

pub mod article;
pub mod date;
pub mod dateline;
pub mod decode;
pub mod html;
pub mod json;
pub mod load;
pub mod passage;
pub mod punct;

use serde::{Deserialize, Serialize};

pub use load::{load_dir, load_file, LoadReport, Skipped};
pub use passage::{passages, Passage, MAX_PASSAGE_CHARS};

/// What a citation shows of an article besides its text: one struct, flattened into every type
/// that carries it (an article, a stored passage, a listing entry, a citation), so a new field
/// is added once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Title: the article's own (first heading, first non-empty line, `title` field), or the
    /// opening of its text when it gives none.
    pub title: String,
    /// Where the article comes from (`來源:` line, `source` field).
    pub source: Option<String>,
    /// Who wrote it (`作者:` line, `author` field).
    pub author: Option<String>,
    /// Publication date as an ISO partial date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, whatever form
    /// the article gave it in ([`date::settle`]); `None` when absent or unreadable.
    pub date: Option<String>,
    /// Address of the article, where known.
    pub url: Option<String>,
}

/// One article: its metadata and its paragraphs, as read from the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Document id: the path relative to the corpus folder (`path#id` for records of a JSON
    /// Lines file). Stable across reindexes; citations and buttons refer to it.
    pub doc: String,
    /// The file the article was read from, relative to the corpus folder.
    pub path: String,
    /// Title, source, author, date, url.
    #[serde(flatten)]
    pub meta: Meta,
    /// True when the article gives no title and the title is the opening of its text: shown
    /// in citations, but not indexed as a title (the text already is).
    #[serde(skip)]
    pub title_from_text: bool,
    /// Paragraphs after boilerplate is dropped, in order (paragraph 1 is `paragraphs[0]`).
    pub paragraphs: Vec<String>,
    /// Hash of the file's bytes: what incremental reindexing compares.
    pub hash: String,
}
