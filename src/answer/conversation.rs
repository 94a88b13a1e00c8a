//! The conversation logic every front end shares: a question in, a response out, with the
//! session's context making follow-ups (那雲從科技呢？ / 2021年呢？) work.

use serde::{Deserialize, Serialize};

use super::analyse::analyse;
use super::question::Question;
use super::respond::respond;
use super::types::{Response, UNPARSED};
use crate::search::Snapshot;
use crate::Result;

/// What a conversation remembers between questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// The last question as understood (after follow-up resolution).
    pub last: Option<Question>,
}

impl Context {
    /// Forgets the context (`/new`).
    pub fn clear(&mut self) {
        self.last = None;
    }
}

/// One answered turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// The response.
    pub response: Response,
    /// How a follow-up was understood (None for a question that stood on its own).
    pub understood_as: Option<String>,
    /// The question was longer than allowed and was trimmed.
    pub trimmed: bool,
}

/// A cache of responses, keyed by the index generation and the question as understood (so a
/// reindex invalidates it). The bot keeps one in sled.
pub trait AnswerCache {
    /// The cached response for `key`.
    fn get(&self, key: &str) -> Option<Response>;
    /// Stores a response.
    fn put(&self, key: &str, response: &Response);
}

/// No caching (the console, tests).
pub struct NoCache;

impl AnswerCache for NoCache {
    fn get(&self, _: &str) -> Option<Response> {
        None
    }
    fn put(&self, _: &str, _: &Response) {}
}

/// Answers `text` in the conversation whose context is `ctx`, updating it, through `cache`.
pub(crate) fn turn(
    snap: &Snapshot,
    ctx: &mut Context,
    text: &str,
    cache: &dyn AnswerCache,
) -> Result<Turn> {
    let Some(q) = super::regional::parse(snap, text) else {
        return Ok(Turn {
            response: Response::error(text, UNPARSED),
            understood_as: None,
            trimmed: false,
        });
    };
    let trimmed = q.trimmed;
    let (q, understood_as) = match ctx.last.as_ref().and_then(|prev| q.follow_up(prev)) {
        Some(f) => {
            let restated = f.restated();
            (f, Some(restated))
        }
        None => (q, None),
    };
    let key = format!(
        "{}\u{0}{}\u{0}{:?}\u{0}{:?}\u{0}{:?}",
        snap.generation(),
        q.kind.label(),
        q.entities,
        q.years,
        (&q.terms, &q.normalized)
    );
    let mut response = match cache.get(&key) {
        Some(r) => r,
        None => {
            let analysis = analyse(snap, q.clone())?;
            let r = respond(snap, &analysis);
            cache.put(&key, &r);
            r
        }
    };
    response.question = text.trim().to_string();
    ctx.last = Some(q);
    Ok(Turn {
        response,
        understood_as,
        trimmed,
    })
}
