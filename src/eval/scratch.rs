//! Temporary folders for the indexes `eval` and `bench` build.

use std::path::PathBuf;

use crate::{Error, Result};

/// A temporary working folder, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// Creates a fresh folder under the system temp dir.
    pub fn new(tag: &str) -> Result<Scratch> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let p = std::env::temp_dir().join(format!("wenjin-{tag}-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&p).map_err(|e| Error::io(&p, e))?;
        Ok(Scratch(p))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // A folder left behind costs disk space, not correctness: say where it is and go on.
        if let Err(e) = std::fs::remove_dir_all(&self.0) {
            tracing::warn!(path = %self.0.display(), error = %e, "could not remove a temporary folder");
        }
    }
}
