//! The bot's start-up and shutdown (`wenjin bot`), called from `cmd::bot`.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use tracing::info;

use crate::cli::Paths;
use crate::cmd::open_engine;

pub fn bot(
    paths: &Paths,
    webhook_url: Option<String>,
    webhook_listen: std::net::SocketAddr,
    http: Option<std::net::SocketAddr>,
    watch: bool,
) -> Result<ExitCode> {
    use std::sync::Arc;
    use wenjin::bot::{self, Config, State};
    // Bot::from_env panics without a token: check first and say what to set.
    if std::env::var("TELOXIDE_TOKEN").map_or(true, |t| t.trim().is_empty()) {
        eprintln!("wenjin bot: set TELOXIDE_TOKEN to the token @BotFather gave you (see the README), then start again.");
        return Ok(ExitCode::from(2));
    }
    let admins = Config::parse_admins(&std::env::var("WENJIN_ADMIN_IDS").unwrap_or_default())
        .map_err(anyhow::Error::msg)?;
    // Bot::from_env also panics on an API URL or proxy it cannot parse: say which one instead.
    for var in ["TELOXIDE_API_URL", "TELOXIDE_PROXY"] {
        if let Ok(value) = std::env::var(var) {
            if let Err(e) = url::Url::parse(value.trim_end_matches('/')) {
                anyhow::bail!("{var}: {value:?} is not a URL ({e})");
            }
        }
    }
    let runtime = tokio::runtime::Runtime::new()?;
    let paths = paths.clone();
    let result = runtime.block_on(async move {
        use teloxide::error_handlers::LoggingErrorHandler;
        let tg = teloxide::Bot::from_env();
        // Ctrl-C or SIGTERM (`docker stop`; as PID 1 without an init, an unhandled SIGTERM is
        // ignored and the container is killed 10 s later) stops the bot at any stage.
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            stop_signal().await;
            info!("shutting down");
            let _ = stop_tx.send(true);
        });
        // The index opens (and jieba's dictionary loads) on a blocking thread while the bot
        // reaches Telegram: getMe, setMyCommands and deleteWebhook are round trips to the Bot
        // API that need no index, so they no longer wait for it (BENCHMARKS.md, bot cold start).
        let opening = tokio::task::spawn_blocking(move || -> Result<State> {
            let engine = Arc::new(open_engine(&paths)?);
            let sessions = wenjin::session::Sessions::open(&paths.data)
                .with_context(|| format!("opening {}", paths.data.display()))?;
            Ok(State::new(
                engine,
                sessions,
                Config {
                    admins,
                    index_memory_mb: paths.index_memory_mb(),
                    corpus: paths.corpus,
                },
            ))
        });
        // teloxide's dispatcher panics when its first getMe fails: wait for Telegram here, with
        // backoff (/healthz answers from the moment the index is open). The command list and
        // the webhook check then go out together.
        let reaching = tokio::spawn({
            let tg = tg.clone();
            async move {
                bot::wait_for_telegram(&tg).await;
                let commands = async {
                    if let Err(e) = bot::register_commands(&tg).await {
                        tracing::warn!(error = %e, "could not register the command list");
                    }
                };
                let listen = async {
                    match webhook_url {
                        None => Listen::Polling(bot::polling_listener(tg.clone()).await),
                        Some(url) => Listen::Webhook(url),
                    }
                };
                tokio::join!(commands, listen).1
            }
        });
        let mut stopped = stop_rx.clone();
        let state = tokio::select! {
            r = opening => r.context("opening the index")??,
            _ = stopped.wait_for(|s| *s) => return Ok(()),
        };
        if let Some(addr) = http {
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("listening on {addr} for /healthz and /metrics"))?;
            let state = state.clone();
            tokio::spawn(async move {
                if let Err(e) = bot::metrics::serve(listener, state).await {
                    tracing::error!(error = %e, "health/metrics server stopped");
                }
            });
            info!(%addr, "serving /healthz and /metrics");
        }
        if watch {
            tokio::spawn(wenjin::search::watch::watch(
                state.config.corpus.clone(),
                state.engine.clone(),
                std::time::Duration::from_secs(2),
                state.config.index_memory_mb,
            ));
            info!("watching the corpus folder for changes");
        }
        let mut stopped = stop_rx.clone();
        let listen = tokio::select! {
            l = reaching => l.context("reaching Telegram")?,
            _ = stopped.wait_for(|s| *s) => return Ok(()),
        };
        let mut dispatcher = bot::dispatcher(tg.clone(), state);
        let token = dispatcher.shutdown_token();
        let mut stopped = stop_rx.clone();
        tokio::spawn(async move {
            if stopped.wait_for(|s| *s).await.is_ok() {
                // The dispatcher refuses while it is still starting: retry until it accepts.
                loop {
                    match token.shutdown() {
                        Ok(f) => break f.await,
                        Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
                    }
                }
            }
        });
        match listen {
            Listen::Polling(listener) => {
                info!("bot running (long polling)");
                bot::poll(&mut dispatcher, listener).await;
            }
            Listen::Webhook(url) => {
                // Telegram sends the secret in X-Telegram-Bot-Api-Secret-Token; teloxide's axum
                // listener rejects requests without it.
                let url: url::Url = url.parse().context("--webhook-url is not a URL")?;
                let mut options =
                    teloxide::update_listeners::webhooks::Options::new(webhook_listen, url);
                if let Ok(secret) = std::env::var("WENJIN_WEBHOOK_SECRET") {
                    options = options.secret_token(secret);
                }
                let listener = teloxide::update_listeners::webhooks::axum(tg, options)
                    .await
                    .context("starting the webhook listener")?;
                info!(%webhook_listen, "bot running (webhook)");
                dispatcher
                    .dispatch_with_listener(
                        listener,
                        LoggingErrorHandler::with_custom_text("webhook listener error"),
                    )
                    .await;
            }
        }
        Ok::<(), anyhow::Error>(())
    });
    // A first-use index build still running on its blocking thread is not waited for when
    // the bot is told to stop: an unfinished generation is cleared by the next build.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    result?;
    Ok(ExitCode::SUCCESS)
}

/// How the bot receives updates, settled while it reaches Telegram.
enum Listen {
    /// Long polling, with the webhook already deleted.
    Polling(teloxide::update_listeners::Polling<teloxide::Bot>),
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
