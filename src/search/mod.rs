//! The search index: schema, building and updating it, and reading it while it changes.
//!
//! On disk, the index folder holds generations: `CURRENT` names the generation folder in use,
//! each a complete tantivy index. An incremental reindex commits into the current generation
//! (tantivy commits are atomic); a full rebuild writes a new generation and then switches
//! `CURRENT` with an atomic rename, so a reindex killed at any point leaves the previous index
//! servable. One reindex runs at a time across processes (a lock file).

pub mod build;
mod collapse;
pub mod engine;
pub mod fingerprint;
pub mod layout;
mod manifest;
mod preceding;
pub mod reads;
mod repeats;
mod report;
pub mod schema;
mod stats;
pub mod stored;
mod terms;
mod top;
pub mod watch;

pub use build::{
    build, index_memory_mb, BuildOptions, BuildReport, DEFAULT_INDEX_MEMORY_MB,
    INDEX_MEMORY_MB_RANGE,
};
pub use engine::{Clause, Engine, FieldKind, Hit, Snapshot};
pub use reads::IndexIo;
pub use stored::{ArticleInfo, StoredPassage};
