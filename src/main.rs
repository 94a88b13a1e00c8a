//! The `wenjin` binary: parse flags, set up logging, hand over to the command (`cmd/`).

mod cli;
mod cmd;
mod out;

use std::process::ExitCode;

use clap::Parser;

/// Indexing and answering allocate many small strings (tokens, terms) across threads; mimalloc
/// makes that markedly cheaper than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc (v3) keeps freed pages for a second before it returns them to the system. Each
/// question allocates and frees posting lists read from the index, so serving with that delay
/// keeps markedly more memory resident, while returning the pages at once costs no measurable
/// speed (BENCHMARKS.md has the figures). Commands that serve questions therefore return freed
/// memory at once; the batch commands (`index`, `bench`, `eval`) keep mimalloc's delay, which
/// builds an index faster (freed pages are reused instead of zeroed again by the kernel).
/// `MIMALLOC_PURGE_DELAY` in the environment still wins.
fn return_freed_memory_at_once() {
    // `mi_option_purge_delay` in mimalloc v3's mimalloc.h (default 1000 ms in its options.c);
    // libmimalloc-sys names no constant for it.
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one integer option; mimalloc reads options atomically.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
}

/// Logs go to stderr (stdout is for answers and JSON), at the level RUST_LOG sets (warn by
/// default), as JSON lines when asked.
fn init_tracing(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    if cli.command.serves() {
        return_freed_memory_at_once();
    }
    init_tracing(cli.log_json);
    if let Some(today) = cli.today {
        wenjin::text::time::set_today(today);
    }
    match cmd::run(cli) {
        Ok(code) => code,
        // `wenjin … | head`: the reader has what it wanted; nothing to report.
        Err(_) if out::closed() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wenjin: {err:#}");
            ExitCode::FAILURE
        }
    }
}
