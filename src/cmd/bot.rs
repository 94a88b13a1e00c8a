//! `wenjin bot`: the Telegram bot.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Paths;

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

/// Runs the bot until Ctrl-C or SIGTERM.
pub fn run(paths: &Paths, args: Args) -> Result<ExitCode> {
    let Args {
        webhook_url,
        webhook_listen,
        http,
        watch,
    } = args;
    crate::run::bot(paths, webhook_url, webhook_listen, http, watch)
}
