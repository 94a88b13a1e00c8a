//! Sessions in sled: each chat's conversation context (so follow-ups survive a restart) and the
//! ids of the updates already handled (so a redelivered update is not answered twice).
//!
//! sled holds only sessions and caches; the tantivy index stays the source of truth.

use std::path::Path;

use crate::answer::Context;
use crate::{Error, Result};

/// An answer's citations kept for its buttons.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoredAnswer {
    /// The chat the answer was sent to: buttons pressed elsewhere are refused.
    pub chat: i64,
    /// The question (for the script of labels).
    pub question: String,
    /// Every citation of the answer.
    pub citations: Vec<crate::answer::Citation>,
}

/// The session store.
#[derive(Clone)]
pub struct Sessions {
    db: sled::Db,
    contexts: sled::Tree,
    handled: sled::Tree,
    answers: sled::Tree,
    cache: sled::Tree,
    rate: sled::Tree,
    /// Entries in `cache` (sled's `len` walks the whole tree; this is counted as it goes).
    cache_entries: std::sync::Arc<std::sync::atomic::AtomicUsize>,
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
        let cache = db.open_tree("answer_cache")?;
        Ok(Sessions {
            contexts: db.open_tree("contexts")?,
            handled: db.open_tree("handled_updates")?,
            answers: db.open_tree("answers")?,
            cache_entries: std::sync::Arc::new(cache.len().into()),
            cache,
            rate: db.open_tree("rate_limit")?,
            db,
            persistent,
        })
    }

    /// The conversation context of a chat (empty when new or unreadable).
    pub fn context(&self, chat: i64) -> Context {
        self.contexts
            .get(chat.to_be_bytes())
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
            .unwrap_or_default()
    }

    /// Stores a chat's context and flushes it to disk.
    pub async fn save_context(&self, chat: i64, ctx: &Context) -> Result<()> {
        let bytes = serde_json::to_vec(ctx).map_err(|e| Error::Corrupt(e.to_string()))?;
        self.contexts.insert(chat.to_be_bytes(), bytes)?;
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

    /// Keeps an answer's citations for its buttons ("more sources", "full passage"); returns the
    /// short id the buttons carry. The newest 10,000 answers are kept.
    pub fn store_answer(&self, answer: &StoredAnswer) -> Result<u64> {
        let id = self.db.generate_id()?;
        let bytes = serde_json::to_vec(answer).map_err(|e| Error::Corrupt(e.to_string()))?;
        self.answers.insert(id.to_be_bytes(), bytes)?;
        while self.answers.len() > 10_000 {
            match self.answers.pop_min()? {
                Some(_) => {}
                None => break,
            }
        }
        Ok(id)
    }

    /// An answer stored by [`Sessions::store_answer`]; `None` when unknown or expired.
    pub fn answer(&self, id: u64) -> Option<StoredAnswer> {
        self.answers
            .get(id.to_be_bytes())
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
    }

    /// Per-user rate limit over the last minute, kept in sled (so a restart does not reset it):
    /// records a question by `user` and says whether it is allowed (at most `per_minute`).
    pub fn allow_question(&self, user: u64, per_minute: usize) -> bool {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let key = user.to_be_bytes();
        let mut recent: Vec<u64> = self
            .rate
            .get(key)
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
            .unwrap_or_default();
        recent.retain(|&t| now.saturating_sub(t) < 60_000);
        let allowed = recent.len() < per_minute;
        if allowed {
            recent.push(now);
        }
        if let Ok(bytes) = serde_json::to_vec(&recent) {
            let _ = self.rate.insert(key, bytes);
        }
        allowed
    }

    /// True when the store answers reads.
    pub fn healthy(&self) -> bool {
        self.db.was_recovered() || self.contexts.get(b"health").is_ok()
    }

    /// Records an update id; false when it was already handled. Telegram redelivers an update
    /// only while it is unconfirmed (at most 24 hours), and picks update ids at random again
    /// after a week without updates, so an entry older than a day no longer counts as handled.
    pub fn first_delivery(&self, update_id: u32) -> Result<bool> {
        let now = unix_seconds();
        let previous = self
            .handled
            .insert(update_id.to_be_bytes(), &now.to_be_bytes())?;
        let fresh = match previous {
            None => true,
            Some(v) => v
                .as_ref()
                .try_into()
                .map(u64::from_be_bytes)
                .map_or(true, |at| now.saturating_sub(at) > HANDLED_FOR_SECS),
        };
        // Keep the log bounded: now and then, forget entries that no longer count (a scan of
        // the whole tree, so not on every update; `Tree::len` would scan too).
        if update_id.is_multiple_of(1024) {
            for entry in self.handled.iter().flatten() {
                let stale = entry
                    .1
                    .as_ref()
                    .try_into()
                    .map(u64::from_be_bytes)
                    .map_or(true, |at| now.saturating_sub(at) > HANDLED_FOR_SECS);
                if stale {
                    let _ = self.handled.remove(entry.0);
                }
            }
        }
        Ok(fresh)
    }
}

/// How long a handled update id keeps a redelivery from being answered again.
const HANDLED_FOR_SECS: u64 = 24 * 60 * 60;

fn unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Entries kept in the answer cache; beyond that the cache is cleared (cheap, and bounded).
pub const CACHE_ENTRIES: usize = 5_000;

impl crate::answer::AnswerCache for Sessions {
    fn get(&self, key: &str) -> Option<crate::answer::Response> {
        self.cache
            .get(key.as_bytes())
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
    }

    fn put(&self, key: &str, response: &crate::answer::Response) {
        use std::sync::atomic::Ordering;
        if self.cache_entries.load(Ordering::Relaxed) >= CACHE_ENTRIES {
            let _ = self.cache.clear();
            self.cache_entries.store(0, Ordering::Relaxed);
        }
        if let Ok(bytes) = serde_json::to_vec(response) {
            if let Ok(None) = self.cache.insert(key.as_bytes(), bytes) {
                self.cache_entries.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

impl Sessions {
    /// Entries in the answer cache (never more than [`CACHE_ENTRIES`]).
    pub fn cached_answers(&self) -> usize {
        self.cache.len()
    }
}
