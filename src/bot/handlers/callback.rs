//! Button presses: "more sources" sends the next page of citations, "full passage" the whole
//! paragraph a citation comes from.

use teloxide::prelude::*;
use teloxide::types::CallbackQuery;

use super::HandlerResult;
use crate::answer::Citation;
use crate::bot::buttons::{self, Button};
use crate::bot::send::{retrying, send, send_with};
use crate::bot::{format, strings, State};
use crate::session::StoredAnswer;
use crate::text::script::Script;

/// Unknown, expired or forged ids, and buttons pressed in another chat, get an "expired"
/// notice, never an error; every callback query is answered.
pub(super) async fn on_callback(bot: Bot, q: CallbackQuery, state: State) -> HandlerResult {
    let chat = q.message.as_ref().map(|m| m.chat().id);
    let button = q.data.as_deref().and_then(Button::decode);
    let stored = button
        .and_then(|b| state.sessions.answers().get(b.answer()))
        .filter(|s| Some(ChatId(s.chat)) == chat);
    let (Some(button), Some(stored), Some(chat)) = (button, stored, chat) else {
        retrying(
            &state.metrics,
            bot.answer_callback_query(q.id)
                .text(strings::BUTTON_EXPIRED),
        )
        .await?;
        return Ok(());
    };
    retrying(&state.metrics, bot.answer_callback_query(q.id)).await?;
    match button {
        Button::More { answer, from } => more(&bot, &state, chat, answer, &stored, from).await,
        Button::Full { rank, .. } => {
            let Some(c) = stored.citations.iter().find(|c| c.rank == rank) else {
                return Ok(());
            };
            full(&bot, &state, chat, c.clone()).await
        }
    }
}

/// The page of citations from `from` on, with its buttons under the last message.
async fn more(
    bot: &Bot,
    state: &State,
    chat: ChatId,
    id: u64,
    stored: &StoredAnswer,
    from: usize,
) -> HandlerResult {
    let script = Script::of(&stored.question).unwrap_or_default();
    let page: Vec<_> = stored
        .citations
        .iter()
        .skip(from)
        .take(format::FIRST_PAGE)
        .cloned()
        .collect();
    let messages = format::citations_page(&page, script);
    let last = messages.len().saturating_sub(1);
    for (i, m) in messages.into_iter().enumerate() {
        let k = (i == last).then(|| buttons::keyboard(id, stored, from));
        send_with(state, bot, chat, m, None, true, k).await?;
    }
    Ok(())
}

/// The whole paragraph a citation comes from, read from the index now; what was cited when the
/// article has changed since.
async fn full(bot: &Bot, state: &State, chat: ChatId, c: Citation) -> HandlerResult {
    let engine = state.engine.clone();
    let (doc, paragraph) = (c.doc.clone(), c.paragraph);
    let windows =
        tokio::task::spawn_blocking(move || engine.snapshot().paragraph(&doc, paragraph)).await;
    let text = match windows {
        Ok(Ok(ws)) if !ws.is_empty() => ws
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(""),
        _ => c.text.clone(),
    };
    for m in format::full_paragraph(&c, &text) {
        send(state, bot, chat, m, None, true).await?;
    }
    Ok(())
}
