//! Reindexing from the bot (`/reindex`, and after an upload): the build runs off the async
//! workers, the engine switches to the new index, and the metrics count it.

use std::sync::atomic::Ordering;

use super::State;
use crate::search::{BuildOptions, BuildReport};

/// Runs a reindex (incremental, or `full` into a new generation) and switches the engine to it.
pub(super) async fn reindex(state: &State, full: bool) -> crate::Result<BuildReport> {
    let (corpus, engine, metrics, memory_mb) = (
        state.config.corpus.clone(),
        state.engine.clone(),
        state.metrics.clone(),
        state.config.index_memory_mb,
    );
    tokio::task::spawn_blocking(move || {
        let options = BuildOptions {
            full,
            memory_mb,
            ..Default::default()
        };
        let report = crate::search::build(&corpus, engine.dir(), &options)?;
        if let Err(e) = engine.refresh() {
            // The build is on disk and the report is true; the engine keeps answering from the
            // index it has, and picks the new one up at its next refresh.
            tracing::warn!(error = %e, "reindexed, but the engine could not switch to the new index yet");
        }
        metrics.reindexes.fetch_add(1, Ordering::Relaxed);
        metrics
            .reindex_ms
            .fetch_add(report.elapsed.as_millis() as u64, Ordering::Relaxed);
        Ok(report)
    })
    .await
    .map_err(|e| crate::Error::Corrupt(format!("reindex task failed: {e}")))?
}
