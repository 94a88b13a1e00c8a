//! Where things live inside the index folder, and the lock that serialises reindexing.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// File naming the generation in use.
pub const CURRENT: &str = "CURRENT";
/// Lock file held while a reindex runs.
pub const LOCK: &str = "reindex.lock";
/// Copy of the corpus's alias file taken at index time.
pub const ALIASES: &str = "aliases.toml";

/// The generation folder `CURRENT` names, if any.
pub fn current(index_dir: &Path) -> Option<PathBuf> {
    let name = std::fs::read_to_string(index_dir.join(CURRENT)).ok()?;
    let name = name.trim();
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    let path = index_dir.join(name);
    path.join("meta.json").is_file().then_some(path)
}

/// Points `CURRENT` at `generation` atomically (write a temporary file, then rename).
pub fn switch(index_dir: &Path, generation: &Path) -> Result<()> {
    let name = generation
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::Corrupt(format!("bad generation folder {}", generation.display())))?;
    let tmp = index_dir.join(format!("{CURRENT}.tmp"));
    std::fs::write(&tmp, name).map_err(|e| Error::io(&tmp, e))?;
    File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, index_dir.join(CURRENT)).map_err(|e| Error::io(index_dir, e))?;
    // Syncing the folder makes the rename itself durable; where a file system cannot sync a
    // folder the switch has still happened, so this is logged, not an error.
    if let Err(e) = File::open(index_dir).and_then(|dir| dir.sync_all()) {
        tracing::debug!(dir = %index_dir.display(), error = %e, "could not sync the index folder");
    }
    Ok(())
}

/// A new, unused generation folder name.
pub fn new_generation(index_dir: &Path) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let mut n = 0;
    loop {
        let p = index_dir.join(format!("gen-{stamp}-{n}"));
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// Removes generation folders other than the current one and `keep` (best effort: a reader in
/// another process may still hold files open, which Unix allows).
pub fn remove_old_generations(index_dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(index_dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let is_gen = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("gen-"));
        if is_gen && p != keep && p.is_dir() {
            // A reader on another platform may still hold files open; the folder is retried at
            // the next reindex.
            if let Err(e) = std::fs::remove_dir_all(&p) {
                tracing::warn!(dir = %p.display(), error = %e, "could not remove an old index generation");
            }
        }
    }
}

/// Held while a reindex runs; released on drop (and by the OS if the process dies).
#[derive(Debug)]
pub struct ReindexLock {
    _file: File,
}

impl ReindexLock {
    /// Takes the lock, or fails with [`Error::ReindexBusy`] when another reindex holds it.
    pub fn acquire(index_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(index_dir).map_err(|e| Error::io(index_dir, e))?;
        let path = index_dir.join(LOCK);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        // A lock just released can linger for a moment in a child process forked between
        // open and exec (flock follows the open file), so wait briefly before saying busy.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(500);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(ReindexLock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::WouldBlock) => return Err(Error::ReindexBusy),
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
    }
}

/// Bytes a folder takes on disk (recursively).
pub fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}
