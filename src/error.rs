//! The library's one error type. Front ends add context with `anyhow` and report it in one place.

use std::path::PathBuf;

/// Everything that can go wrong inside wenjin's library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The search index refused an operation (corrupt files, disk full, schema mismatch...).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index folder exists but does not hold a wenjin index.
    #[error("{path} does not hold a wenjin index ({why}); run `wenjin index` to build one")]
    NoIndex {
        /// The index folder.
        path: PathBuf,
        /// Why it cannot be opened.
        why: String,
    },
    /// The alias file is not valid.
    #[error("alias file {path}: {why}")]
    Aliases {
        /// The alias file.
        path: PathBuf,
        /// The parse error.
        why: String,
    },
    /// A question that cannot be answered as given (empty, no searchable words).
    #[error("{0}")]
    Question(String),
    /// The session database (sled) failed.
    #[error("session store: {0}")]
    Session(#[from] sled::Error),
    /// Another process or task is already rebuilding the index.
    #[error("a reindex is already running")]
    ReindexBusy,
    /// Data read back from storage did not have the expected shape.
    #[error("stored data is malformed: {0}")]
    Corrupt(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// `Result` with wenjin's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
