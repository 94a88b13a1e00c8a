//! The per-user rate limit, kept in sled so that a restart does not reset it.

use crate::Result;

/// The sled tree of each user's recent question times: key the user id (big-endian), value a
/// JSON list of Unix milliseconds.
#[derive(Clone)]
pub struct Rate {
    tree: sled::Tree,
}

/// The window the limit counts questions in.
const WINDOW_MS: u64 = 60_000;

impl Rate {
    /// The tree's name in the data folder; existing stores depend on it.
    const TREE: &'static str = "rate_limit";

    pub(super) fn open(db: &sled::Db) -> Result<Rate> {
        Ok(Rate {
            tree: db.open_tree(Self::TREE)?,
        })
    }

    /// Records a question by `user` and says whether it is allowed: at most `per_minute` in the
    /// last minute. A store that cannot be read or written lets the question through: the limit
    /// guards the CPU, not the answers.
    pub fn allow(&self, user: u64, per_minute: usize) -> bool {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let key = user.to_be_bytes();
        let mut recent: Vec<u64> = self
            .tree
            .get(key)
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
            .unwrap_or_default();
        recent.retain(|&t| now.saturating_sub(t) < WINDOW_MS);
        let allowed = recent.len() < per_minute;
        if allowed {
            recent.push(now);
        }
        if let Ok(bytes) = serde_json::to_vec(&recent) {
            if let Err(e) = self.tree.insert(key, bytes) {
                // The question is still answered; only this one goes uncounted.
                tracing::warn!(error = %e, "could not record a question for the rate limit");
            }
        }
        allowed
    }
}
