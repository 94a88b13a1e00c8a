//! One module per command, each with its flags (`Args`) and its `run`; errors carry context up
//! to `main`, which reports them.

pub mod ask;
pub mod bench;
pub mod bot;
pub mod chat;
pub mod eval;
pub mod explain;
pub mod health;
pub mod index;

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use tracing::info;
use wenjin::console::Marks;
use wenjin::search::{self, BuildOptions, Engine};

use crate::cli::{Cli, Command, Paths};

/// Runs the command the flags name.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let paths = cli.paths;
    match cli.command {
        Command::Index(args) => index::run(&paths, args),
        Command::Ask(args) => ask::run(&paths, args),
        Command::Chat => chat::run(&paths),
        Command::Bot(args) => bot::run(&paths, args),
        Command::Explain(args) => explain::run(&paths, args),
        Command::Health(args) => health::run(args),
        Command::Eval(args) => eval::run(&paths, args),
        Command::Bench(args) => bench::run(&paths, args),
    }
}

/// Opens the index, building it from the corpus first when there is none yet or an older
/// wenjin built it (whose documents this one cannot read).
pub fn open_engine(paths: &Paths) -> Result<Engine> {
    let warm = wenjin::text::segment::warm_up();
    let why = if !Engine::exists(&paths.index) {
        Some("first use")
    } else if Engine::outdated(&paths.index) {
        Some("built by an older wenjin")
    } else {
        None
    };
    if let Some(why) = why {
        info!(corpus = %paths.corpus.display(), index = %paths.index.display(), why, "building the index");
        // A person at a terminal is told why the first answer waits (logs show only warnings by
        // default); anywhere else, the log line above says it, so JSON logs stay JSON.
        if std::io::stderr().is_terminal() {
            eprintln!(
                "wenjin: building the index from {} into {} ({why})…",
                paths.corpus.display(),
                paths.index.display()
            );
        }
        let options = BuildOptions {
            memory_mb: paths.index_memory_mb(),
            ..Default::default()
        };
        search::build(&paths.corpus, &paths.index, &options)
            .with_context(|| format!("building the index from {}", paths.corpus.display()))?;
    }
    let engine = Engine::open_with(&paths.index, paths.index_io)
        .with_context(|| format!("opening {}", paths.index.display()))?;
    if warm.join().is_err() {
        // The dictionary is built on first use instead; only the first question waits for it.
        tracing::warn!("loading jieba's dictionary ahead of the first question failed");
    }
    Ok(engine)
}

/// How matched words are marked: bold on a terminal, 【brackets】 in a pipe or file.
fn marks() -> Marks {
    if std::io::stdout().is_terminal() {
        Marks::Bold
    } else {
        Marks::Brackets
    }
}
