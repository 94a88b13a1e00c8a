//! Questions, in a private chat or addressed to the bot in a group: answered in order per chat,
//! with the typing indicator when an answer takes a while, and buttons under the answer.

use std::time::Instant;

use teloxide::prelude::*;
use teloxide::types::{ChatAction, InlineKeyboardMarkup};

use super::HandlerResult;
use crate::answer::{Answerer, Turn};
use crate::bot::send::{send, send_with};
use crate::bot::state::TYPING_WAIT;
use crate::bot::{buttons, format, locale, strings, State, QUESTIONS_PER_MINUTE};
use crate::session::StoredAnswer;

pub(super) async fn on_private_text(bot: Bot, msg: Message, state: State) -> HandlerResult {
    let text = msg.text().unwrap_or_default().to_string();
    spawn_answer(bot, msg, state, text);
    Ok(())
}

pub(super) async fn on_group_question(
    bot: Bot,
    msg: Message,
    state: State,
    question: String,
) -> HandlerResult {
    spawn_answer(bot, msg, state, question);
    Ok(())
}

/// Answers in a task of its own, so that a chat's pending question never holds up its button
/// presses or other chats; questions of one chat still run one after the other (the follow-up
/// context of each depends on the one before).
pub(super) fn spawn_answer(bot: Bot, msg: Message, state: State, question: String) {
    let lock = state.chat_lock(msg.chat.id);
    tokio::spawn(async move {
        let _turn = lock.lock().await;
        if let Err(e) = answer(bot, msg, state, question).await {
            tracing::warn!(error = %e, "could not deliver an answer");
        }
    });
}

/// Answers a question in its chat: the conversation turn on a blocking thread (so other chats
/// are never held up), the typing indicator if that takes a while, the reply split under 4096
/// characters.
async fn answer(bot: Bot, msg: Message, state: State, question: String) -> HandlerResult {
    let chat = msg.chat.id;
    let user = msg.from.as_ref().map_or(chat.0 as u64, |u| u.id.0);
    if !state.sessions.rate().allow(user, QUESTIONS_PER_MINUTE) {
        let script = locale::script_for(
            Some(&question),
            msg.from.as_ref().and_then(|u| u.language_code.as_deref()),
        );
        let text = strings::TOO_FAST.get(script).to_string();
        return send(&state, &bot, chat, text, Some(msg.id), false).await;
    }
    let conversation = state.sessions.conversation(chat.0);
    let engine = state.engine.clone();
    let started = Instant::now();
    let answering = state.answering.clone();
    let work = async move {
        // Waits here while the other chats' questions hold every slot; the slot goes with the
        // blocking task, so it is freed even if this task is cancelled.
        let permit = answering.acquire_owned().await;
        conversation
            .turn(move |ctx, cache| {
                let _permit = permit;
                Answerer::new(&engine).turn(ctx, &question, cache)
            })
            .await
    };
    tokio::pin!(work);
    let quick = if state.typing_after.is_zero() {
        None
    } else {
        tokio::time::timeout(state.typing_after, &mut work)
            .await
            .ok()
    };
    let outcome = match quick {
        Some(outcome) => outcome,
        None => {
            // The indicator's request completes before the answer is sent, so it never
            // arrives after the answer (Telegram would then show "typing" for 5 s more); but
            // an answer is not held longer than TYPING_WAIT for a slow indicator.
            let typing = tokio::time::timeout(
                TYPING_WAIT,
                bot.send_chat_action(chat, ChatAction::Typing).send(),
            );
            let (_, outcome) = tokio::join!(typing, &mut work);
            outcome
        }
    };
    let mut keyboard = None;
    let messages = match outcome {
        Ok(Ok(turn)) => {
            keyboard = keyboard_under(&state, chat, &turn);
            state
                .metrics
                .question(started.elapsed(), turn.response.found);
            format::reply(&turn)
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "answering failed");
            vec![strings::ANSWER_FAILED.to_string()]
        }
        Err(e) => {
            tracing::error!(error = %e, "answering task failed");
            vec![strings::ANSWER_FAILED.to_string()]
        }
    };
    let last = messages.len().saturating_sub(1);
    for (i, m) in messages.into_iter().enumerate() {
        let k = if i == last { keyboard.take() } else { None };
        send_with(&state, &bot, chat, m, Some(msg.id), true, k).await?;
    }
    Ok(())
}

/// The buttons under an answer with citations; its citations are kept in sled for them. An
/// answer that cannot be kept goes out without buttons.
fn keyboard_under(state: &State, chat: ChatId, turn: &Turn) -> Option<InlineKeyboardMarkup> {
    let r = &turn.response;
    if r.citations.is_empty() {
        return None;
    }
    let stored = StoredAnswer {
        chat: chat.0,
        question: r.question.clone(),
        citations: r.citations.clone(),
    };
    match state.sessions.answers().store(&stored) {
        Ok(id) => Some(buttons::keyboard(id, &stored, 0)),
        Err(e) => {
            tracing::warn!(error = %e, "could not keep an answer for its buttons");
            None
        }
    }
}
