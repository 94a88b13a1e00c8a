//! Running the bot: the dispatcher over the handler tree, and the start-up and shutdown around
//! it. Start-up overlaps the slow parts: the index opens (and jieba's dictionary loads) on a
//! blocking thread while the bot reaches Telegram, and Ctrl-C or SIGTERM stops it at any stage.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use teloxide::dispatching::{DefaultKey, Dispatcher};
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::update_listeners::{webhooks, Polling};
use teloxide::utils::command::BotCommands;
use tracing::info;

use super::handlers::{self, Command};
use super::{metrics, Config, State};
use crate::search::Engine;
use crate::session::Sessions;

/// An error from opening the engine, whatever the caller's error type.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Why the bot did not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// `TELOXIDE_TOKEN` is not set (teloxide would panic).
    #[error(
        "set TELOXIDE_TOKEN to the token @BotFather gave you (see the README), then start again."
    )]
    NoToken,
    /// `WENJIN_ADMIN_IDS` holds something that is not a user id.
    #[error("{0}")]
    Admins(String),
    /// `TELOXIDE_API_URL` or `TELOXIDE_PROXY` is not a URL (teloxide would panic).
    #[error("{var}: {value:?} is not a URL ({why})")]
    NotAUrl {
        /// The variable.
        var: &'static str,
        /// Its value.
        value: String,
        /// Why it does not parse.
        why: url::ParseError,
    },
    /// The async runtime could not start.
    #[error(transparent)]
    Runtime(std::io::Error),
    /// The engine could not be opened (or built on first use).
    #[error(transparent)]
    Open(BoxError),
    /// The task opening the index failed.
    #[error("opening the index")]
    Opening(#[source] tokio::task::JoinError),
    /// The session store could not be opened.
    #[error("opening {}", .0.display())]
    Sessions(PathBuf, #[source] crate::Error),
    /// The health and metrics address could not be bound.
    #[error("listening on {addr} for /healthz and /metrics")]
    Http {
        /// The address.
        addr: SocketAddr,
        /// Why it could not be bound.
        source: std::io::Error,
    },
    /// The task reaching Telegram failed.
    #[error("reaching Telegram")]
    Reaching(#[source] tokio::task::JoinError),
    /// `--webhook-url` is not a URL.
    #[error("--webhook-url is not a URL")]
    WebhookUrl(#[source] url::ParseError),
    /// teloxide could not start the webhook listener.
    #[error("starting the webhook listener")]
    Webhook(#[source] teloxide::RequestError),
}

/// How the bot is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Receive updates by webhook at this public URL (long polling without).
    pub webhook_url: Option<String>,
    /// Where the webhook listener binds.
    pub webhook_listen: SocketAddr,
    /// Where `/healthz` and `/metrics` are served, if anywhere.
    pub http: Option<SocketAddr>,
    /// Reindex when the corpus folder changes.
    pub watch: bool,
    /// The data folder holding the session store.
    pub data: PathBuf,
    /// The bot's settings.
    pub config: Config,
}

/// Checks the environment before anything starts, since teloxide panics on a missing token or
/// a bad URL: the token is set, the admin list and the Bot API and proxy URLs parse. Returns
/// the admins.
pub fn check_environment() -> Result<Vec<u64>, ServeError> {
    if std::env::var("TELOXIDE_TOKEN").map_or(true, |t| t.trim().is_empty()) {
        return Err(ServeError::NoToken);
    }
    let admins = Config::parse_admins(&std::env::var("WENJIN_ADMIN_IDS").unwrap_or_default())
        .map_err(ServeError::Admins)?;
    for var in ["TELOXIDE_API_URL", "TELOXIDE_PROXY"] {
        if let Ok(value) = std::env::var(var) {
            if let Err(why) = url::Url::parse(value.trim_end_matches('/')) {
                return Err(ServeError::NotAUrl { var, value, why });
            }
        }
    }
    Ok(admins)
}

/// Runs the bot until Ctrl-C or SIGTERM, with the engine `open_engine` opens (on a blocking
/// thread, while the bot reaches Telegram). Call [`check_environment`] first.
pub fn run(
    options: Options,
    open_engine: impl FnOnce() -> Result<Engine, BoxError> + Send + 'static,
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Runtime::new().map_err(ServeError::Runtime)?;
    let result = runtime.block_on(serve(options, open_engine));
    // A first-use index build still running on its blocking thread is not waited for when
    // the bot is told to stop: an unfinished generation is cleared by the next build.
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

async fn serve(
    options: Options,
    open_engine: impl FnOnce() -> Result<Engine, BoxError> + Send + 'static,
) -> Result<(), ServeError> {
    let Options {
        webhook_url,
        webhook_listen,
        http,
        watch,
        data,
        config,
    } = options;
    let tg = Bot::from_env();
    // Ctrl-C or SIGTERM (`docker stop`; as PID 1 without an init, an unhandled SIGTERM is
    // ignored and the container is killed 10 s later) stops the bot at any stage.
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        stop_signal().await;
        info!("shutting down");
        if stop_tx.send(true).is_err() {
            tracing::debug!("nothing left to stop: the bot had already finished");
        }
    });
    // getMe, setMyCommands and deleteWebhook are round trips to the Bot API that need no
    // index, so they do not wait for it (BENCHMARKS.md, cold start).
    let opening = tokio::task::spawn_blocking(move || -> Result<State, ServeError> {
        let engine = Arc::new(open_engine().map_err(ServeError::Open)?);
        // A model that does not parse stops the bot here, not at its first question.
        crate::answer::reader::load_models()
            .map_err(|e| ServeError::Open(format!("the reader's model: {e}").into()))?;
        let sessions = Sessions::open(&data).map_err(|e| ServeError::Sessions(data.clone(), e))?;
        Ok(State::new(engine, sessions, config))
    });
    // teloxide's dispatcher panics when its first getMe fails: wait for Telegram here, with
    // backoff (/healthz answers from the moment the index is open). The command list and
    // the webhook check then go out together.
    let reaching = tokio::spawn({
        let tg = tg.clone();
        async move {
            wait_for_telegram(&tg).await;
            let commands = async {
                if let Err(e) = register_commands(&tg).await {
                    tracing::warn!(error = %e, "could not register the command list");
                }
            };
            let listen = async {
                match webhook_url {
                    None => Listen::Polling(polling_listener(tg.clone()).await),
                    Some(url) => Listen::Webhook(url),
                }
            };
            tokio::join!(commands, listen).1
        }
    });
    let mut stopped = stop_rx.clone();
    let state = tokio::select! {
        r = opening => r.map_err(ServeError::Opening)??,
        _ = stopped.wait_for(|s| *s) => return Ok(()),
    };
    if let Some(addr) = http {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Http { addr, source })?;
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = metrics::serve(listener, state).await {
                tracing::error!(error = %e, "health/metrics server stopped");
            }
        });
        info!(%addr, "serving /healthz and /metrics");
    }
    if watch {
        tokio::spawn(crate::search::watch::watch(
            state.config.corpus.clone(),
            state.engine.clone(),
            Duration::from_secs(2),
            state.config.index_memory_mb,
        ));
        info!("watching the corpus folder for changes");
    }
    let mut stopped = stop_rx.clone();
    let listen = tokio::select! {
        l = reaching => l.map_err(ServeError::Reaching)?,
        _ = stopped.wait_for(|s| *s) => return Ok(()),
    };
    let mut dispatcher = dispatcher(tg.clone(), state);
    let token = dispatcher.shutdown_token();
    let mut stopped = stop_rx.clone();
    tokio::spawn(async move {
        if stopped.wait_for(|s| *s).await.is_ok() {
            // The dispatcher refuses while it is still starting: retry until it accepts.
            loop {
                match token.shutdown() {
                    Ok(f) => break f.await,
                    Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
                }
            }
        }
    });
    match listen {
        Listen::Polling(listener) => {
            info!("bot running (long polling)");
            poll(&mut dispatcher, listener).await;
        }
        Listen::Webhook(url) => {
            // Telegram sends the secret in X-Telegram-Bot-Api-Secret-Token; teloxide's axum
            // listener rejects requests without it.
            let url: url::Url = url.parse().map_err(ServeError::WebhookUrl)?;
            let mut options = webhooks::Options::new(webhook_listen, url);
            if let Ok(secret) = std::env::var("WENJIN_WEBHOOK_SECRET") {
                options = options.secret_token(secret);
            }
            let listener = webhooks::axum(tg, options)
                .await
                .map_err(ServeError::Webhook)?;
            info!(%webhook_listen, "bot running (webhook)");
            dispatcher
                .dispatch_with_listener(
                    listener,
                    LoggingErrorHandler::with_custom_text("webhook listener error"),
                )
                .await;
        }
    }
    Ok(())
}

/// How the bot receives updates, settled while it reaches Telegram.
enum Listen {
    /// Long polling, with the webhook already deleted.
    Polling(Polling<Bot>),
    /// A webhook at this public URL.
    Webhook(String),
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = term => {}
    }
}

/// Builds the dispatcher for `bot` with the injected state.
pub fn dispatcher(bot: Bot, state: State) -> Dispatcher<Bot, teloxide::RequestError, DefaultKey> {
    Dispatcher::builder(bot, handlers::schema())
        .dependencies(dptree::deps![state])
        .default_handler(|_| async {})
        .error_handler(LoggingErrorHandler::with_custom_text(
            "a Telegram request failed",
        ))
        .build()
}

/// Waits until Telegram answers `getMe` (bad network, Telegram down), retrying with backoff up to
/// a minute apart. A token Telegram rejects is reported and retried too: the operator sees it in
/// the log and the process stays up for its health check.
pub async fn wait_for_telegram(bot: &Bot) {
    let mut delay = Duration::from_secs(1);
    loop {
        match bot.get_me().await {
            Ok(me) => {
                tracing::info!(username = %me.username(), "connected to Telegram");
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, retry_in_s = delay.as_secs(), "cannot reach Telegram yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
}

/// The long-polling listener, with the webhook deleted (one Bot API call, which needs no index:
/// the bot makes it while its index opens). Like teloxide's default, but after failed
/// getUpdates calls it waits 0.5, 1, 2, 4, then at most 8 s instead of up to 64 s, so the bot is
/// back within seconds of Telegram (or its network) recovering.
pub async fn polling_listener(bot: Bot) -> Polling<Bot> {
    Polling::builder(bot)
        .timeout(Duration::from_secs(10))
        .backoff_strategy(polling_backoff)
        .delete_webhook()
        .await
        .build()
}

/// Runs the dispatcher on `listener` until it is shut down.
pub async fn poll(
    dispatcher: &mut Dispatcher<Bot, teloxide::RequestError, DefaultKey>,
    listener: Polling<Bot>,
) {
    dispatcher
        .dispatch_with_listener(
            listener,
            LoggingErrorHandler::with_custom_text("getUpdates failed"),
        )
        .await;
}

/// The wait after the `n`-th failed getUpdates call in a row.
fn polling_backoff(n: u32) -> Duration {
    Duration::from_millis(500 << n.saturating_sub(1).min(4))
}

/// Registers the command list with Telegram.
pub async fn register_commands(bot: &Bot) -> Result<(), teloxide::RequestError> {
    bot.set_my_commands(Command::bot_commands()).await?;
    Ok(())
}
