//! Commands: `/start`, `/help`, `/ask`, `/new`, `/sources` for everyone; `/stats`, `/reindex`,
//! `/explain` for admins (others are refused by the handler tree before they get here).

use teloxide::prelude::*;
use teloxide::utils::html::escape;

use super::question::spawn_answer;
use super::{Command, HandlerResult};
use crate::bot::reindex::reindex;
use crate::bot::send::send;
use crate::bot::{format, locale, strings, State};
use crate::text::script::Script;

/// The longest `/explain` report shown, in characters (Telegram's limit, with room for markup).
const MAX_EXPLAIN_CHARS: usize = 3000;

/// An admin command from someone else.
pub(super) async fn refuse(bot: Bot, msg: Message, state: State) -> HandlerResult {
    let script = locale::script_of_message(&msg);
    let text = strings::ADMINS_ONLY.get(script).to_string();
    send(&state, &bot, msg.chat.id, text, Some(msg.id), false).await
}

pub(super) async fn on_command(
    bot: Bot,
    msg: Message,
    cmd: Command,
    state: State,
) -> HandlerResult {
    let script = locale::script_of_message(&msg);
    let chat = msg.chat.id;
    match cmd {
        Command::Stats => send(&state, &bot, chat, stats(&state), Some(msg.id), false).await,
        Command::Reindex(how) => on_reindex(&bot, &msg, &state, script, &how).await,
        Command::Explain(q) => {
            let text = explain(&state, q).await;
            send(&state, &bot, chat, text, Some(msg.id), true).await
        }
        Command::Ask(q) if q.trim().is_empty() => {
            let usage = strings::ASK_USAGE.get(script).to_string();
            send(&state, &bot, chat, usage, Some(msg.id), false).await
        }
        Command::Ask(q) => {
            spawn_answer(bot, msg, state, q);
            Ok(())
        }
        Command::Start | Command::Help => {
            let count = article_count(&state);
            let text = format!(
                "{}\n\n{}",
                strings::intro(script, count),
                strings::HELP.get(script)
            );
            send(&state, &bot, chat, text, None, false).await
        }
        Command::New => {
            let cleared = crate::answer::Context::default();
            if let Err(e) = state.sessions.save_context(chat.0, &cleared).await {
                // The user is told the topic is new either way: the next question that is not a
                // follow-up starts afresh anyway, and this one is logged for the operator.
                tracing::warn!(error = %e, "could not clear the session for /new");
            }
            let text = strings::NEW_TOPIC.get(script).to_string();
            send(&state, &bot, chat, text, None, false).await
        }
        Command::Sources => {
            let text = sources(&state, script);
            send(&state, &bot, chat, text, None, true).await
        }
    }
}

fn article_count(state: &State) -> usize {
    state
        .engine
        .snapshot()
        .articles()
        .map(|a| a.len())
        .unwrap_or(0)
}

fn stats(state: &State) -> String {
    let snap = state.engine.snapshot();
    strings::stats(
        snap.articles().map(|a| a.len()).unwrap_or(0),
        snap.num_passages(),
        snap.size_on_disk() as f64 / 1e6,
        &snap.generation(),
        state.sessions.persistent,
    )
}

async fn on_reindex(
    bot: &Bot,
    msg: &Message,
    state: &State,
    script: Script,
    how: &str,
) -> HandlerResult {
    let full = how.trim().eq_ignore_ascii_case("full");
    let started = strings::REINDEX_STARTED.get(script).to_string();
    send(state, bot, msg.chat.id, started, Some(msg.id), false).await?;
    let text = match reindex(state, full).await {
        Ok(r) => strings::reindex_report(&r),
        Err(crate::Error::ReindexBusy) => strings::REINDEX_BUSY.get(script).to_string(),
        Err(e) => strings::reindex_failed(&e),
    };
    send(state, bot, msg.chat.id, text, Some(msg.id), false).await
}

/// The ranking of a question explained, as preformatted HTML.
async fn explain(state: &State, q: String) -> String {
    let engine = state.engine.clone();
    let text = tokio::task::spawn_blocking(move || {
        match crate::answer::Answerer::new(&engine).explain(&q) {
            Ok(None) => strings::EXPLAIN_NOTHING.to_string(),
            Ok(Some(e)) => e.text().to_string(),
            Err(e) => strings::explain_failed(&e),
        }
    })
    .await
    .unwrap_or_else(|e| strings::explain_failed(&e));
    let text: String = text.chars().take(MAX_EXPLAIN_CHARS).collect();
    format!("<pre>{}</pre>", escape(&text))
}

/// The article list, one line each, cut to fit one message.
fn sources(state: &State, script: Script) -> String {
    let articles = state.engine.snapshot().articles().unwrap_or_default();
    let mut text = String::new();
    for (i, a) in articles.iter().enumerate() {
        let line = format!(
            "{}. {}{}\n",
            i + 1,
            escape(&a.meta.title),
            a.meta
                .source
                .as_deref()
                .map(|s| format!(" · {}", escape(s)))
                .unwrap_or_default()
        );
        if text.chars().count() + line.chars().count() > format::MAX_MESSAGE - 20 {
            text.push('…');
            break;
        }
        text.push_str(&line);
    }
    if text.is_empty() {
        text = strings::EMPTY_CORPUS.get(script).to_string();
    }
    text
}
