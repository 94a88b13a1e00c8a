//! `wenjin chat`: a console conversation, one question per line.

use std::process::ExitCode;

use anyhow::Result;
use wenjin::console;

use crate::cli::Paths;
use crate::out;

/// Converses over standard input and output until `/quit` or the end of input.
pub fn run(paths: &Paths) -> Result<ExitCode> {
    let engine = super::open_engine(paths)?;
    console::chat(
        &engine,
        std::io::stdin().lock(),
        out::stdout(),
        super::marks(),
    )?;
    Ok(ExitCode::SUCCESS)
}
