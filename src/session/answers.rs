//! Answers kept for their buttons: a button carries only a short id, and its citations stay
//! here, server-side.

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

/// Answers kept; the oldest go first. Older buttons then say they have expired.
const KEPT: usize = 10_000;

/// The sled tree of stored answers: key the id from sled's id generator (big-endian), value JSON.
#[derive(Clone)]
pub struct Answers {
    db: sled::Db,
    tree: sled::Tree,
}

impl Answers {
    /// The tree's name in the data folder; existing stores depend on it.
    const TREE: &'static str = "answers";

    pub(super) fn open(db: &sled::Db) -> Result<Answers> {
        Ok(Answers {
            tree: db.open_tree(Self::TREE)?,
            db: db.clone(),
        })
    }

    /// Keeps an answer's citations for its buttons ("more sources", "full passage"); returns the
    /// short id the buttons carry.
    pub fn store(&self, answer: &StoredAnswer) -> Result<u64> {
        let id = self.db.generate_id()?;
        let bytes = serde_json::to_vec(answer).map_err(|e| Error::Corrupt(e.to_string()))?;
        self.tree.insert(id.to_be_bytes(), bytes)?;
        while self.tree.len() > KEPT {
            if self.tree.pop_min()?.is_none() {
                break;
            }
        }
        Ok(id)
    }

    /// An answer kept by [`Answers::store`]; `None` when unknown or expired.
    pub fn get(&self, id: u64) -> Option<StoredAnswer> {
        self.tree
            .get(id.to_be_bytes())
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_slice(&v).ok())
    }
}
