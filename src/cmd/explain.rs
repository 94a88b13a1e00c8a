//! `wenjin explain`: how a question is understood, retrieved, ranked and answered.

use std::process::ExitCode;

use anyhow::Result;
use wenjin::answer::Answerer;

use crate::cli::Paths;
use crate::out;

/// Flags of `wenjin explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// The question.
    pub question: String,
}

/// Prints the analysis of one question, as text or JSON.
pub fn run(paths: &Paths, args: Args) -> Result<ExitCode> {
    let Args { json, question } = args;
    let engine = super::open_engine(paths)?;
    let Some(explanation) = Answerer::new(&engine).explain(&question)? else {
        out::line("nothing searchable in the question")?;
        return Ok(ExitCode::SUCCESS);
    };
    if json {
        out::line(explanation.json()?)?;
        return Ok(ExitCode::SUCCESS);
    }
    out::line(explanation.text().trim_end())?;
    Ok(ExitCode::SUCCESS)
}
