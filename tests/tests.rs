//! All integration tests in one binary (links once), one module per area.

mod common;
mod cli;
mod hostile;
mod pipeline;
mod reindex;
