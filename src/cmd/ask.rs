//! `wenjin ask`: answer one question, or a JSON Lines batch from standard input.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use wenjin::answer::{self, Response};
use wenjin::console;

use crate::cli::Paths;
use crate::out;

/// Flags of `wenjin ask`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON (one object; JSON Lines in batch mode).
    #[arg(long)]
    pub json: bool,
    /// The question.
    pub question: Option<String>,
}

/// Answers the question given, or every line of standard input with `--json`.
pub fn run(paths: &Paths, args: Args) -> Result<ExitCode> {
    let Args { json, question } = args;
    let engine = super::open_engine(paths)?;
    let answerer = answer::Answerer::new(&engine);
    match (question, json) {
        (Some(q), true) => {
            let r = answerer.ask(&q)?;
            out::line(serde_json::to_string(&r)?)?;
        }
        (Some(q), false) => {
            let r = answerer.ask(&q)?;
            out::line(console::format(&r, super::marks()).trim_end())?;
        }
        (None, true) => batch(&answerer, std::io::stdin().lock(), out::stdout())?,
        (None, false) => {
            anyhow::bail!("give a question, or use --json to read questions from standard input")
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// JSON Lines batch: exactly one output line per input line, in order, flushed per line.
fn batch(answerer: &answer::Answerer<'_>, input: impl BufRead, mut out: impl Write) -> Result<()> {
    for line in input.split(b'\n') {
        let bytes = line.context("reading standard input")?;
        let text = String::from_utf8_lossy(&bytes);
        let q = text.trim_end_matches('\r');
        let r = if q.trim().is_empty() {
            Response::error(q, "empty question")
        } else if q.chars().count() > answer::question::MAX_QUESTION_CHARS {
            Response::error(
                q,
                format!(
                    "question longer than {} characters",
                    answer::question::MAX_QUESTION_CHARS
                ),
            )
        } else {
            match answerer.ask(q) {
                Ok(r) => r,
                Err(e) => Response::error(q, e.to_string()),
            }
        };
        writeln!(out, "{}", serde_json::to_string(&r)?)?;
        out.flush()?;
    }
    Ok(())
}
