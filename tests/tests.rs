//! All integration tests in one binary (links once), one module per area.

mod bundled;
mod cli;
mod common;
mod hostile;
mod pipeline;
mod quality;
mod reindex;
