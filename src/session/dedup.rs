//! The ids of the updates already handled, so that an update Telegram delivers again is not
//! answered twice.

use crate::Result;

/// How long a handled update id keeps a redelivery from being answered again: Telegram
/// redelivers an update only while it is unconfirmed (at most 24 hours).
const HANDLED_FOR_SECS: u64 = 24 * 60 * 60;

/// The sled tree of handled update ids (big-endian `u32`), each with the Unix second it was
/// first seen (big-endian `u64`).
#[derive(Clone)]
pub struct Dedup {
    tree: sled::Tree,
}

impl Dedup {
    /// The tree's name in the data folder; existing stores depend on it.
    const TREE: &'static str = "handled_updates";

    pub(super) fn open(db: &sled::Db) -> Result<Dedup> {
        Ok(Dedup {
            tree: db.open_tree(Self::TREE)?,
        })
    }

    /// Records an update id; false when it was already handled. Telegram picks update ids at
    /// random again after a week without updates, so an entry older than a day no longer counts
    /// as handled.
    pub fn first_delivery(&self, update_id: u32) -> Result<bool> {
        let now = unix_seconds();
        let previous = self
            .tree
            .insert(update_id.to_be_bytes(), &now.to_be_bytes())?;
        let fresh = previous.is_none_or(|v| stale(&v, now));
        // Keep the log bounded: now and then, forget entries that no longer count (a scan of
        // the whole tree, so not on every update; `Tree::len` would scan too).
        if update_id.is_multiple_of(1024) {
            self.forget_stale(now);
        }
        Ok(fresh)
    }

    fn forget_stale(&self, now: u64) {
        for (key, at) in self.tree.iter().flatten() {
            if stale(&at, now) {
                if let Err(e) = self.tree.remove(key) {
                    // Harmless: the entry is tried again at the next sweep, and a stale entry
                    // never blocks an update.
                    tracing::warn!(error = %e, "could not forget a handled update id");
                }
            }
        }
    }
}

/// Whether an entry recorded at `at` (unreadable counts as stale) no longer counts at `now`.
fn stale(at: &sled::IVec, now: u64) -> bool {
    at.as_ref()
        .try_into()
        .map(u64::from_be_bytes)
        .map_or(true, |at| now.saturating_sub(at) > HANDLED_FOR_SECS)
}

fn unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
