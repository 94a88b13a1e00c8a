//! The Telegram front end: teloxide handlers in one dptree schema, over the same conversation
//! logic as the console. State (engine, sessions, config) is injected, not global.

pub mod format;

use std::sync::Arc;

use teloxide::dispatching::{Dispatcher, UpdateFilterExt};
use teloxide::prelude::*;
use teloxide::sugar::request::RequestReplyExt;
use teloxide::types::{ChatAction, ParseMode};
use teloxide::utils::command::BotCommands;
use teloxide::utils::html::escape;

use crate::conversation;
use crate::search::Engine;
use crate::session::Sessions;
use crate::text::script::Script;

/// Bot settings, parsed once at start.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Telegram user ids allowed to run admin commands.
    pub admins: Vec<u64>,
}

impl Config {
    /// Parses `WENJIN_ADMIN_IDS` (comma-separated user ids); an invalid entry is an error naming it.
    pub fn parse_admins(list: &str) -> Result<Vec<u64>, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<u64>()
                    .map_err(|_| format!("WENJIN_ADMIN_IDS: {s:?} is not a Telegram user id"))
            })
            .collect()
    }
}

/// What every handler may use.
#[derive(Clone)]
pub struct State {
    /// The search engine (follows reindexes by itself).
    pub engine: Arc<Engine>,
    /// Per-chat sessions.
    pub sessions: Sessions,
    /// Settings.
    pub config: Arc<Config>,
}

/// The commands, as registered with `setMyCommands`.
#[derive(BotCommands, Clone, Debug)]
#[command(rename_rule = "lowercase", description = "問津 wenjin")]
pub enum Command {
    /// 開始 / start
    Start,
    /// 說明 / help
    Help,
    /// 提問（群組用）/ ask a question (in groups)
    Ask(String),
    /// 開始新話題 / forget the context
    New,
    /// 文章列表 / list the articles
    Sources,
}

type HandlerResult = Result<(), teloxide::RequestError>;

/// Builds the dispatcher for `bot` with the injected state.
pub fn dispatcher(
    bot: Bot,
    state: State,
) -> Dispatcher<Bot, teloxide::RequestError, teloxide::dispatching::DefaultKey> {
    let schema = Update::filter_message()
        .branch(
            dptree::entry()
                .filter_command::<Command>()
                .endpoint(on_command),
        )
        .branch(
            dptree::filter(|msg: Message| msg.chat.is_private() && msg.text().is_some())
                .endpoint(on_private_text),
        );
    Dispatcher::builder(bot, schema)
        .dependencies(dptree::deps![state])
        .default_handler(|_| async {})
        .error_handler(LoggingErrorHandler::with_custom_text(
            "a Telegram request failed",
        ))
        .build()
}

/// Registers the command list with Telegram.
pub async fn register_commands(bot: &Bot) -> HandlerResult {
    bot.set_my_commands(Command::bot_commands()).await?;
    Ok(())
}

/// Whether an update was seen before (a redelivery after a crash): then it is skipped.
fn already_handled(state: &State, msg: &Message) -> bool {
    // Telegram message ids are unique per chat; combine with the chat for the handled log.
    let key = (msg.chat.id.0 as u32).wrapping_mul(2_654_435_761) ^ msg.id.0 as u32;
    !state.sessions.first_delivery(key).unwrap_or(true)
}

async fn on_private_text(bot: Bot, msg: Message, state: State) -> HandlerResult {
    let text = msg.text().unwrap_or_default().to_string();
    answer(bot, msg, state, text).await
}

/// Answers a question in its chat: typing indicator, the conversation turn on a blocking
/// thread (so other chats are never held up), the reply split under 4096 characters.
async fn answer(bot: Bot, msg: Message, state: State, question: String) -> HandlerResult {
    if already_handled(&state, &msg) {
        return Ok(());
    }
    let chat = msg.chat.id;
    let _ = bot.send_chat_action(chat, ChatAction::Typing).await;
    let mut ctx = state.sessions.context(chat.0);
    let engine = state.engine.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let snap = engine.snapshot();
        let turn = conversation::turn(&snap, &mut ctx, &question);
        (turn, ctx)
    })
    .await;
    let messages = match outcome {
        Ok((Ok(turn), ctx)) => {
            if let Err(e) = state.sessions.save_context(chat.0, &ctx).await {
                tracing::warn!(error = %e, "could not save the session");
            }
            format::reply(&turn)
        }
        Ok((Err(e), _)) => {
            tracing::error!(error = %e, "answering failed");
            vec![
                "抱歉，查詢時出了錯，請稍後再試。/ Sorry, something went wrong; please try again."
                    .to_string(),
            ]
        }
        Err(e) => {
            tracing::error!(error = %e, "answering task failed");
            vec![
                "抱歉，查詢時出了錯，請稍後再試。/ Sorry, something went wrong; please try again."
                    .to_string(),
            ]
        }
    };
    for m in messages {
        bot.send_message(chat, m)
            .parse_mode(ParseMode::Html)
            .reply_to(msg.id)
            .await?;
    }
    Ok(())
}

async fn on_command(bot: Bot, msg: Message, cmd: Command, state: State) -> HandlerResult {
    let script = msg.text().and_then(Script::of).unwrap_or_default();
    match cmd {
        Command::Ask(q) if q.trim().is_empty() => {
            bot.send_message(
                msg.chat.id,
                script.pick(
                    "用法：/ask 商湯2022年虧損多少",
                    "用法：/ask 商汤2022年亏损多少",
                ),
            )
            .reply_to(msg.id)
            .await?;
        }
        Command::Ask(q) => return answer(bot, msg, state, q).await,
        Command::Start | Command::Help => {
            let count = state
                .engine
                .snapshot()
                .articles()
                .map(|a| a.len())
                .unwrap_or(0);
            let text = format!(
                "{}\n\n{}",
                script.pick(
                    &format!("問津 wenjin：根據 {count} 篇文章回答問題，並附上出處段落。"),
                    &format!("问津 wenjin：根据 {count} 篇文章回答问题，并附上出处段落。"),
                ),
                script.pick(
                    "直接輸入問題，例如：商湯2022年虧損多少\n追問：2021年呢？／那雲從科技呢？\n/new 開始新話題，/sources 文章列表，群組裡用 /ask 問題。",
                    "直接输入问题，例如：商汤2022年亏损多少\n追问：2021年呢？／那云从科技呢？\n/new 开始新话题，/sources 文章列表，群组里用 /ask 问题。",
                )
            );
            bot.send_message(msg.chat.id, text).await?;
        }
        Command::New => {
            let _ = state
                .sessions
                .save_context(msg.chat.id.0, &Default::default())
                .await;
            bot.send_message(
                msg.chat.id,
                script.pick("好的，開始新話題。", "好的，开始新话题。"),
            )
            .await?;
        }
        Command::Sources => {
            let articles = state.engine.snapshot().articles().unwrap_or_default();
            let mut text = String::new();
            for (i, a) in articles.iter().enumerate() {
                let line = format!(
                    "{}. {}{}\n",
                    i + 1,
                    escape(&a.title),
                    a.source
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
                text = script.pick("語料是空的。", "语料是空的。").to_string();
            }
            bot.send_message(msg.chat.id, text)
                .parse_mode(ParseMode::Html)
                .await?;
        }
    }
    Ok(())
}
