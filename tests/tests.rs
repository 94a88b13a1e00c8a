//! All integration tests in one binary (links once), one module per area.

mod common;
mod bundled;
mod cli;
mod hostile;
mod pipeline;
mod quality;
mod reindex;
