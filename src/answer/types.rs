//! What answering returns to front ends: the response and its citations.

use serde::{Deserialize, Serialize};

use super::question::AnswerKind;
use crate::corpus::Meta;

/// What a question without a searchable word gets instead of an answer.
pub(crate) const UNPARSED: &str =
    "請輸入一個問題，例如「商湯2022年虧損多少」。/ Please type a question in words.";

/// One cited passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// 1-based rank.
    pub rank: usize,
    /// Document id.
    pub doc: String,
    /// The article's title, source, author, date and url (each null when absent).
    #[serde(flatten)]
    pub meta: Meta,
    /// 1-based paragraph number.
    pub paragraph: u32,
    /// Character offset of a window within its paragraph (only for windows).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub start: Option<u32>,
    /// End character offset of a window within its paragraph (only for windows).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub end: Option<u32>,
    /// The passage, verbatim.
    pub text: String,
    /// The final, reranked score (the learned reranker's; the passage holding the answer is
    /// cited first whatever its score).
    pub score: f32,
    /// True when the corpus does not answer and this passage is only related.
    #[serde(default)]
    pub related: bool,
    /// How many OTHER articles hold a copy of this passage (reposts: the same text up to
    /// punctuation and white space, or a near copy met in retrieval); 0 when none.
    #[serde(default)]
    pub also_in: usize,
    /// Byte ranges of `text` that match the question (for bold/marking).
    #[serde(default)]
    pub highlights: Vec<(usize, usize)>,
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The question as asked.
    pub question: String,
    /// The answer, verbatim from the first citation; null when the corpus does not say.
    pub answer: Option<String>,
    /// True when the corpus holds an answer.
    pub found: bool,
    /// The minimal answer (`60億` for `巨虧60億`), verbatim.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub core: Option<String>,
    /// The sentence the answer came from, verbatim.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sentence: Option<String>,
    /// The answer type understood from the question.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub answer_type: Option<AnswerKind>,
    /// Citations, best first.
    pub citations: Vec<Citation>,
    /// Why the question could not be handled (empty, too long...).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
}

impl Response {
    /// A response for a question that could not be asked at all.
    pub fn error(question: &str, why: impl Into<String>) -> Response {
        Response {
            question: question.to_string(),
            answer: None,
            found: false,
            core: None,
            sentence: None,
            answer_type: None,
            citations: Vec::new(),
            error: Some(why.into()),
        }
    }
}
