//! `wenjin bench`: indexing throughput, question latency, memory and index size.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use crate::cli::Paths;
use crate::out;

/// Flags of `wenjin bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to put the benchmark index in (default: a temporary folder, removed at the
    /// end).
    #[arg(long)]
    pub work: Option<PathBuf>,
    /// SQuAD-format files whose questions are asked (e.g. ../shared/eval/DRCD_dev.json).
    #[arg(long = "squad")]
    pub squad: Vec<PathBuf>,
    /// Questions taken from each SQuAD file.
    #[arg(long, default_value_t = 1000)]
    pub limit: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the benchmark over `--corpus` and prints its report.
pub fn run(paths: &Paths, args: Args) -> Result<ExitCode> {
    let Args {
        work,
        squad,
        limit,
        json,
    } = args;
    // Without --work, the index goes to a temporary folder removed at the end.
    let scratch = match &work {
        Some(_) => None,
        None => Some(wenjin::eval::Scratch::new("bench")?),
    };
    let work = work
        .or_else(|| scratch.as_ref().map(|s| s.0.clone()))
        .unwrap_or_default();
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let questions = wenjin::bench::squad_questions(&squad, limit)?;
    let mut r = wenjin::bench::run(
        &paths.corpus,
        &work,
        &questions,
        paths.index_io,
        paths.index_memory_mb(),
    )?;
    // After the main run, so its memory and timings are those of the benchmark corpus alone.
    if !squad.is_empty() {
        r.answered = Some(wenjin::bench::answered(
            &squad,
            limit,
            &work,
            paths.index_io,
            paths.index_memory_mb(),
        )?);
    }
    if json {
        out::line(serde_json::to_string(&r)?)?;
    } else {
        out::line(format_args!("{r:#?}"))?;
    }
    Ok(ExitCode::SUCCESS)
}
