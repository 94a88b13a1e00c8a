//! Sessions in sled: what the bot remembers between updates and across restarts. One
//! [`Sessions`] opens the data folder and holds five small stores, each over its own sled tree:
//!
//! - [`Contexts`]: each chat's conversation context, so follow-ups survive a restart;
//! - [`Dedup`]: the ids of handled updates, so a redelivered update is not answered twice;
//! - [`Rate`]: each user's recent questions, for the rate limit;
//! - [`Answers`]: the citations behind an answer's buttons;
//! - [`Cache`]: responses by question, per index generation.
//!
//! A question enters the store once, through a [`Conversation`]: its context is loaded, the
//! turn runs with the cache, and the new context is saved.
//!
//! sled holds only sessions and caches; the tantivy index stays the source of truth.

mod answers;
mod cache;
mod contexts;
mod dedup;
mod rate;

use std::path::Path;

pub use answers::{Answers, StoredAnswer};
pub use cache::{Cache, CACHE_ENTRIES};
pub use contexts::Contexts;
pub use dedup::Dedup;
pub use rate::Rate;

use crate::answer::Response;
use crate::answer::{AnswerCache, Context};
use crate::{Error, Result};

/// The session store.
#[derive(Clone)]
pub struct Sessions {
    db: sled::Db,
    contexts: Contexts,
    dedup: Dedup,
    answers: Answers,
    cache: Cache,
    rate: Rate,
    /// False when the data folder was locked by another process and sessions live in memory.
    pub persistent: bool,
}

impl Sessions {
    /// Opens the store in `dir`. When another process holds it, falls back to a temporary
    /// in-memory store (and says so in the log) rather than refusing to start.
    pub fn open(dir: &Path) -> Result<Sessions> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (db, persistent) = match sled::open(dir.join("sessions.sled")) {
            Ok(db) => (db, true),
            Err(e) => {
                tracing::warn!(error = %e, dir = %dir.display(), "session store unavailable (in use by another process?); keeping sessions in memory");
                (sled::Config::new().temporary(true).open()?, false)
            }
        };
        Ok(Sessions {
            contexts: Contexts::open(&db)?,
            dedup: Dedup::open(&db)?,
            answers: Answers::open(&db)?,
            cache: Cache::open(&db)?,
            rate: Rate::open(&db)?,
            db,
            persistent,
        })
    }

    /// The chats' conversation contexts.
    pub fn contexts(&self) -> &Contexts {
        &self.contexts
    }

    /// The handled update ids.
    pub fn dedup(&self) -> &Dedup {
        &self.dedup
    }

    /// The answers kept for buttons.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The answer cache.
    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// The per-user rate limit.
    pub fn rate(&self) -> &Rate {
        &self.rate
    }

    /// The conversation in `chat`, its context loaded now: the bot's one call into the store
    /// per question (see [`Conversation::turn`]).
    pub fn conversation(&self, chat: i64) -> Conversation {
        Conversation {
            ctx: self.contexts.load(chat),
            sessions: self.clone(),
            chat,
        }
    }

    /// The conversation context of a chat (empty when new or unreadable).
    pub fn context(&self, chat: i64) -> Context {
        self.contexts.load(chat)
    }

    /// Stores a chat's context and flushes it to disk.
    pub async fn save_context(&self, chat: i64, ctx: &Context) -> Result<()> {
        self.contexts.store(chat, ctx)?;
        self.persist().await
    }

    /// Writes everything stored so far to disk (a no-op when nothing changed).
    pub async fn persist(&self) -> Result<()> {
        // Not `flush_async`: in sled 0.34 it blocks one of sled's seven I/O threads until the
        // log write it waits for runs on that same pool, so seven concurrent flushes deadlock
        // every later write. A blocking flush on tokio's blocking pool leaves sled's threads free.
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || db.flush())
            .await
            .map_err(|e| Error::Session(sled::Error::Io(std::io::Error::other(e))))??;
        Ok(())
    }

    /// Records a question by `user` and says whether it is allowed (see [`Rate::allow`]).
    pub fn allow_question(&self, user: u64, per_minute: usize) -> bool {
        self.rate.allow(user, per_minute)
    }

    /// True when the store answers reads.
    pub fn healthy(&self) -> bool {
        self.db.was_recovered() || self.contexts.readable()
    }

    /// Entries in the answer cache (never more than [`CACHE_ENTRIES`]).
    pub fn cached_answers(&self) -> usize {
        self.cache.len()
    }
}

/// One chat's conversation, from its context as loaded to the next turn saved.
pub struct Conversation {
    sessions: Sessions,
    chat: i64,
    ctx: Context,
}

impl Conversation {
    /// Runs `turn` on a blocking thread (answering is CPU-bound) with the chat's context and the
    /// answer cache; when the turn succeeds, stores the updated context and writes it to disk.
    /// A context that cannot be saved is logged, not returned: the answer is still good, only a
    /// later follow-up loses it. The outer error is the blocking task's failure (a panic).
    pub async fn turn<T, F>(self, turn: F) -> std::result::Result<Result<T>, tokio::task::JoinError>
    where
        F: FnOnce(&mut Context, &dyn AnswerCache) -> Result<T> + Send + 'static,
        T: Send + 'static,
    {
        let Conversation {
            sessions,
            chat,
            mut ctx,
        } = self;
        let cache = sessions.cache.clone();
        let (outcome, ctx) = tokio::task::spawn_blocking(move || {
            let outcome = turn(&mut ctx, &cache);
            (outcome, ctx)
        })
        .await?;
        if outcome.is_ok() {
            if let Err(e) = sessions.save_context(chat, &ctx).await {
                tracing::warn!(error = %e, "could not save the session");
            }
        }
        Ok(outcome)
    }
}

/// The store is an answer cache through its [`Cache`], so that it can be handed to
/// [`crate::answer::Answerer::turn`] as it is.
impl AnswerCache for Sessions {
    fn get(&self, key: &str) -> Option<Response> {
        self.cache.get(key)
    }

    fn put(&self, key: &str, response: &Response) {
        self.cache.put(key, response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Data folders written before must keep working: every store keeps its sled tree and its
    /// encodings (big-endian keys, JSON values).
    #[tokio::test]
    async fn trees_and_encodings_are_the_ones_existing_data_folders_hold() {
        let dir = tempfile::tempdir().unwrap();
        let answer = StoredAnswer {
            chat: 7,
            question: "商湯2022年虧損多少".into(),
            citations: Vec::new(),
        };
        let id = {
            let s = Sessions::open(dir.path()).unwrap();
            s.save_context(7, &Context::default()).await.unwrap();
            assert!(s.dedup().first_delivery(1025).unwrap());
            assert!(!s.dedup().first_delivery(1025).unwrap());
            assert!(s.rate().allow(5, 1));
            s.cache().put("k", &Response::error("q", "e"));
            let id = s.answers().store(&answer).unwrap();
            s.persist().await.unwrap();
            id
        };
        // sled lets go of its lock shortly after the last handle is dropped.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let db = loop {
            match sled::open(dir.path().join("sessions.sled")) {
                Ok(db) => break db,
                Err(e) if std::time::Instant::now() > deadline => panic!("{e}"),
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
            }
        };
        let get = |tree: &str, key: &[u8]| db.open_tree(tree).unwrap().get(key).unwrap().unwrap();
        assert_eq!(&*get("contexts", &7i64.to_be_bytes()), br#"{"last":null}"#);
        assert_eq!(get("handled_updates", &1025u32.to_be_bytes()).len(), 8);
        let times: Vec<u64> =
            serde_json::from_slice(&get("rate_limit", &5u64.to_be_bytes())).unwrap();
        assert_eq!(times.len(), 1);
        let cached: Response = serde_json::from_slice(&get("answer_cache", b"k")).unwrap();
        assert_eq!(cached, Response::error("q", "e"));
        let stored: StoredAnswer =
            serde_json::from_slice(&get("answers", &id.to_be_bytes())).unwrap();
        assert_eq!(stored, answer);
    }
}
