//! `wenjin index`: build or update the index from the corpus.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use tracing::info;
use wenjin::search::{self, BuildOptions};

use crate::cli::Paths;
use crate::out;

/// Flags of `wenjin index`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rebuild from scratch into a new generation, then switch to it.
    #[arg(long)]
    pub full: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Builds or updates the index and prints what changed.
pub fn run(paths: &Paths, args: Args) -> Result<ExitCode> {
    let Args { full, json } = args;
    let progress = progress_reporter();
    let report = search::build(
        &paths.corpus,
        &paths.index,
        &BuildOptions {
            full,
            progress: Some(&progress),
            memory_mb: paths.index_memory_mb(),
        },
    )
    .with_context(|| {
        format!(
            "indexing {} into {}",
            paths.corpus.display(),
            paths.index.display()
        )
    })?;
    if json {
        out::line(serde_json::to_string(&report)?)?;
    } else {
        let mut out = out::stdout();
        writeln!(
            out,
            "added {} · changed {} · removed {} · unchanged {} · skipped {} · {} passages written · {} articles · {:.2}s",
            report.added,
            report.changed,
            report.removed,
            report.unchanged,
            report.skipped.len(),
            report.passages,
            report.articles,
            report.elapsed.as_secs_f64()
        )?;
        for (file, why) in &report.skipped {
            writeln!(out, "  skipped {file}: {why}")?;
        }
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Progress for `index`: a bar on a terminal, a log line every 10% otherwise.
fn progress_reporter() -> impl Fn(usize, usize) + Sync {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
        {
            bar.set_style(style);
        }
        bar
    });
    move |done: usize, total: usize| match &bar {
        Some(bar) => {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if done == total {
                bar.finish_and_clear();
            }
        }
        None => {
            let step = (total / 10).max(1);
            if done.is_multiple_of(step) || done == total {
                info!(done, total, "indexing");
            }
        }
    }
}
