//! `--watch`: reindex when the corpus folder changes, so a running bot serves new files within
//! seconds. Polling (names, sizes, modification times) keeps it portable and dependency-free;
//! the content hashes of the incremental build decide what is really re-read.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::{build, BuildOptions, Engine};

/// A cheap fingerprint of the corpus folder: every supported file's path, size and mtime.
pub fn fingerprint(corpus: &Path) -> Vec<(String, u64, Option<SystemTime>)> {
    let (files, _) = crate::corpus::load::list_files(corpus);
    let mut out: Vec<_> = files
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            (
                crate::corpus::load::relative(corpus, &p),
                meta.as_ref().map_or(0, |m| m.len()),
                meta.and_then(|m| m.modified().ok()),
            )
        })
        .collect();
    if let Ok(m) = std::fs::metadata(corpus.join(super::layout::ALIASES)).and_then(|m| m.modified())
    {
        out.push((super::layout::ALIASES.to_string(), 0, Some(m)));
    }
    out
}

/// Watches `corpus` every `every` and reindexes into the engine's folder when it changed.
/// Runs until the task is dropped. A reindex already running elsewhere is simply retried at the
/// next change check. `memory_mb` is the reindex's [`BuildOptions::memory_mb`].
pub async fn watch(
    corpus: std::path::PathBuf,
    engine: Arc<Engine>,
    every: Duration,
    memory_mb: Option<usize>,
) {
    let mut last = {
        let c = corpus.clone();
        tokio::task::spawn_blocking(move || fingerprint(&c))
            .await
            .unwrap_or_default()
    };
    loop {
        tokio::time::sleep(every).await;
        let c = corpus.clone();
        let now = tokio::task::spawn_blocking(move || fingerprint(&c))
            .await
            .unwrap_or_default();
        if now == last {
            continue;
        }
        let (c, e) = (corpus.clone(), engine.clone());
        let outcome = tokio::task::spawn_blocking(move || {
            let options = BuildOptions {
                memory_mb,
                ..Default::default()
            };
            let r = build(&c, e.dir(), &options);
            if r.is_ok() {
                if let Err(err) = e.refresh() {
                    tracing::warn!(error = %err, "reindexed, but the reader could not open the new index");
                }
            }
            r
        })
        .await;
        match outcome {
            Ok(Ok(r)) => {
                tracing::info!(
                    added = r.added,
                    changed = r.changed,
                    removed = r.removed,
                    "corpus changed: reindexed"
                );
                last = now;
            }
            Ok(Err(crate::Error::ReindexBusy)) => {
                tracing::info!("corpus changed; a reindex is already running")
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "reindex after a corpus change failed"),
            Err(e) => tracing::warn!(error = %e, "reindex task failed"),
        }
    }
}
