//! The answer cache: a question asked again (in either script, or by another chat) is answered
//! from sled instead of searched again. Keys carry the index generation, so a reindex leaves
//! the old entries unreachable.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::answer::AnswerCache;
use crate::answer::Response;
use crate::Result;

/// Entries kept in the answer cache; beyond that the cache is cleared (cheap, and bounded).
pub const CACHE_ENTRIES: usize = 5_000;

/// The sled tree of cached responses: key the cache key's bytes, value JSON.
#[derive(Clone)]
pub struct Cache {
    tree: sled::Tree,
    /// Entries in the tree, counted as they come and go: sled's `len` walks the whole tree.
    entries: Arc<AtomicUsize>,
}

impl Cache {
    /// The tree's name in the data folder; existing stores depend on it.
    const TREE: &'static str = "answer_cache";

    pub(super) fn open(db: &sled::Db) -> Result<Cache> {
        let tree = db.open_tree(Self::TREE)?;
        Ok(Cache {
            entries: Arc::new(tree.len().into()),
            tree,
        })
    }

    /// Entries in the cache (never more than [`CACHE_ENTRIES`]).
    pub fn len(&self) -> usize {
        self.tree.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }
}

impl AnswerCache for Cache {
    fn get(&self, key: &str) -> Option<Response> {
        self.tree
            .get(key.as_bytes())
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
    }

    fn put(&self, key: &str, response: &Response) {
        if self.entries.load(Ordering::Relaxed) >= CACHE_ENTRIES {
            if let Err(e) = self.tree.clear() {
                // Answers are still right, only served from a cache over its bound.
                tracing::warn!(error = %e, "could not clear the answer cache");
            }
            self.entries.store(0, Ordering::Relaxed);
        }
        if let Ok(bytes) = serde_json::to_vec(response) {
            if let Ok(None) = self.tree.insert(key.as_bytes(), bytes) {
                self.entries.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}
