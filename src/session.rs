//! Sessions in sled: each chat's conversation context (so follow-ups survive a restart) and the
//! ids of the updates already handled (so a redelivered update is not answered twice).
//!
//! sled holds only sessions and caches; the tantivy index stays the source of truth.

use std::path::Path;

use crate::conversation::Context;
use crate::{Error, Result};

/// The session store.
#[derive(Clone)]
pub struct Sessions {
    db: sled::Db,
    contexts: sled::Tree,
    handled: sled::Tree,
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
            contexts: db.open_tree("contexts")?,
            handled: db.open_tree("handled_updates")?,
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
        self.db.flush_async().await?;
        Ok(())
    }

    /// Records an update id; false when it was already handled.
    pub fn first_delivery(&self, update_id: u32) -> Result<bool> {
        let fresh = self.handled.insert(update_id.to_be_bytes(), &[])?.is_none();
        // Keep the log bounded: forget all but the newest 100,000 ids.
        if fresh && self.handled.len() > 100_000 {
            if let Some(Ok((k, _))) = self.handled.iter().next() {
                let _ = self.handled.remove(k);
            }
        }
        Ok(fresh)
    }
}
