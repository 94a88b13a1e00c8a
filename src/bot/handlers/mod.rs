//! The handler tree: which update goes to which handler. Filters run before any handler:
//! an update handled before is skipped, and admin-only commands and uploads from anyone else
//! are refused here, so the handlers themselves never check.

mod callback;
mod command;
mod inline;
mod question;
pub(super) mod upload;

use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::Me;
use teloxide::utils::command::BotCommands;

use super::State;

/// What every handler returns; an error is logged by the dispatcher's error handler.
pub(super) type HandlerResult = Result<(), teloxide::RequestError>;

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
    /// 統計（管理員）/ statistics (admins)
    Stats,
    /// 重建索引（管理員；加 full 全部重建）/ reindex the corpus (admins; `full` rebuilds)
    Reindex(String),
    /// 解釋排序（管理員）/ explain the ranking of a question (admins)
    Explain(String),
}

impl Command {
    /// Commands only admins may run.
    fn admin_only(&self) -> bool {
        matches!(
            self,
            Command::Stats | Command::Reindex(_) | Command::Explain(_)
        )
    }
}

/// The handler tree for the dispatcher, state injected as a dependency.
pub(super) fn schema() -> UpdateHandler<teloxide::RequestError> {
    let not_admin = |msg: Message, state: State| !state.config.is_admin(&msg);
    let commands = dptree::entry()
        .filter_command::<Command>()
        .branch(
            dptree::filter(move |cmd: Command, msg: Message, state: State| {
                cmd.admin_only() && not_admin(msg, state)
            })
            .endpoint(command::refuse),
        )
        .endpoint(command::on_command);
    let uploads = dptree::filter(|msg: Message| msg.document().is_some())
        .branch(dptree::filter(not_admin).endpoint(upload::refuse))
        .endpoint(upload::on_document);
    let messages = Update::filter_message()
        .branch(commands)
        .branch(
            dptree::filter(|msg: Message| msg.chat.is_private() && msg.text().is_some())
                .endpoint(question::on_private_text),
        )
        .branch(uploads)
        .branch(
            dptree::filter_map(|msg: Message, me: Me| group_question(&msg, &me))
                .endpoint(question::on_group_question),
        );
    dptree::filter(|update: Update, state: State| first_delivery(&state, &update))
        .branch(messages)
        .branch(Update::filter_inline_query().endpoint(inline::on_inline_query))
        .branch(Update::filter_callback_query().endpoint(callback::on_callback))
}

/// Records the update's id in sled before any handler runs; false when it was handled before
/// (Telegram redelivers updates that were not confirmed when the bot stopped or crashed), and
/// then the update is skipped. One check for every kind of update: questions, commands, button
/// presses, uploads. When the store cannot record it, the update is handled: answering twice
/// is better than not at all.
fn first_delivery(state: &State, update: &Update) -> bool {
    let fresh = match state.sessions.dedup().first_delivery(update.id.0) {
        Ok(fresh) => fresh,
        Err(e) => {
            tracing::warn!(error = %e, "could not record a handled update");
            true
        }
    };
    if !fresh {
        tracing::info!(update_id = update.id.0, "skipping an update handled before");
    }
    fresh
}

/// In a group, a message that mentions the bot or replies to it is a question; other chatter
/// is ignored.
fn group_question(msg: &Message, me: &Me) -> Option<String> {
    if msg.chat.is_private() {
        return None;
    }
    let text = msg.text()?;
    let mention = format!("@{}", me.username());
    if text.contains(&mention) {
        return Some(text.replace(&mention, " ").trim().to_string());
    }
    let to_bot = msg
        .reply_to_message()
        .and_then(|r| r.from.as_ref())
        .is_some_and(|u| u.id == me.id);
    to_bot.then(|| text.to_string())
}
