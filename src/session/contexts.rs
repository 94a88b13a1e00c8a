//! Each chat's conversation context, so that a follow-up (2021年呢？) still works after a restart.

use crate::answer::Context;
use crate::{Error, Result};

/// The sled tree of contexts, keyed by chat id (big-endian), values JSON.
#[derive(Clone)]
pub struct Contexts {
    tree: sled::Tree,
}

impl Contexts {
    /// The tree's name in the data folder; existing stores depend on it.
    const TREE: &'static str = "contexts";

    pub(super) fn open(db: &sled::Db) -> Result<Contexts> {
        Ok(Contexts {
            tree: db.open_tree(Self::TREE)?,
        })
    }

    /// The context of `chat`: empty when the chat is new, and also when its entry cannot be read
    /// (a lost context only costs the follow-up, never the answer).
    pub fn load(&self, chat: i64) -> Context {
        self.tree
            .get(chat.to_be_bytes())
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
            .unwrap_or_default()
    }

    /// Stores the context of `chat` (in memory; [`super::Sessions::persist`] writes it to disk).
    pub fn store(&self, chat: i64, ctx: &Context) -> Result<()> {
        let bytes = serde_json::to_vec(ctx).map_err(|e| Error::Corrupt(e.to_string()))?;
        self.tree.insert(chat.to_be_bytes(), bytes)?;
        Ok(())
    }

    /// Whether the tree answers a read (for `/healthz`).
    pub(super) fn readable(&self) -> bool {
        self.tree.get(b"health").is_ok()
    }
}
