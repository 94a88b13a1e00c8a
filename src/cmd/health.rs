//! `wenjin health`: Docker's HEALTHCHECK, a GET of the bot's health endpoint.
//!
//! The check uses reqwest, which teloxide already builds: a whole HTTP client (status lines,
//! chunked replies, IPv6 hosts, timeouts) at no cost in crates or binary size.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::out;

/// How long connecting, and then each read, may take: Docker's HEALTHCHECK gives the whole
/// check 5 seconds.
const TIMEOUT: Duration = Duration::from_secs(3);

/// Flags of `wenjin health`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The URL of the endpoint.
    #[arg(default_value = "http://127.0.0.1:8080/healthz")]
    pub url: String,
}

/// Prints the endpoint's status line; success when it is 200.
pub fn run(args: Args) -> Result<ExitCode> {
    // The endpoint is the bot's own listener: plain HTTP on a local address.
    anyhow::ensure!(
        args.url.starts_with("http://"),
        "only http:// URLs are supported"
    );
    let url: url::Url = args
        .url
        .parse()
        .with_context(|| format!("{} is not a URL", args.url))?;
    let client = reqwest::Client::builder()
        // A proxy set in the environment is for the outside world, not for this container's
        // own port.
        .no_proxy()
        // The endpoint itself must answer 200; a redirect is not health.
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(TIMEOUT)
        .read_timeout(TIMEOUT)
        .build()
        .context("setting up the HTTP client")?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    // The request's timers belong to the runtime: the request is made inside it.
    let response = runtime
        .block_on(async { client.get(url).send().await })
        .context("the health endpoint did not answer")?;
    let status = response.status();
    out::line(format_args!("{:?} {status}", response.version()))?;
    Ok(if status == reqwest::StatusCode::OK {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
