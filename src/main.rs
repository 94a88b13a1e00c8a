//! The `wenjin` binary: parse flags, set up logging, hand over to the library.

mod cli;
mod run;

use std::process::ExitCode;

use clap::Parser;

/// Indexing and answering allocate many small strings (tokens, terms) across threads; mimalloc
/// makes that markedly cheaper than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    run::init_tracing(cli.log_json);
    match run::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("wenjin: {err:#}");
            ExitCode::FAILURE
        }
    }
}
