//! `wenjin bot`: the Telegram bot. Start-up and shutdown live in the library
//! ([`wenjin::bot::serve`]); this command checks the environment and hands over.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Result;
use wenjin::bot::serve::{self, ServeError};

use crate::cli::Paths;
use crate::cmd::open_engine;

/// Flags of `wenjin bot`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Public HTTPS URL Telegram should post updates to (webhook mode).
    #[arg(long, env = "WENJIN_WEBHOOK_URL")]
    pub webhook_url: Option<String>,
    /// Address the webhook server listens on.
    #[arg(long, env = "WENJIN_WEBHOOK_LISTEN", default_value = "0.0.0.0:8443")]
    pub webhook_listen: SocketAddr,
    /// Serve /healthz and /metrics on this address (a listener of its own).
    #[arg(long, env = "WENJIN_HTTP")]
    pub http: Option<SocketAddr>,
    /// Reindex when the corpus folder changes (checked every 2 seconds).
    #[arg(long, env = "WENJIN_WATCH")]
    pub watch: bool,
}

/// Runs the bot until Ctrl-C or SIGTERM. A missing token exits with 2 and says what to set.
pub fn run(paths: &Paths, args: Args) -> Result<ExitCode> {
    let admins = match serve::check_environment() {
        Ok(admins) => admins,
        Err(e @ ServeError::NoToken) => {
            eprintln!("wenjin bot: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    let options = serve::Options {
        webhook_url: args.webhook_url,
        webhook_listen: args.webhook_listen,
        http: args.http,
        watch: args.watch,
        data: paths.data.clone(),
        config: wenjin::bot::Config {
            admins,
            index_memory_mb: paths.index_memory_mb(),
            corpus: paths.corpus.clone(),
        },
    };
    let paths = paths.clone();
    serve::run(options, move || open_engine(&paths).map_err(Into::into))?;
    Ok(ExitCode::SUCCESS)
}
