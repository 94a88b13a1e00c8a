//! Inline mode (`@bot 商湯 虧損` in any chat): the top passages as articles, titled with the
//! article and described with the answer.

use teloxide::prelude::*;
use teloxide::types::{
    InlineQuery, InlineQueryResult, InlineQueryResultArticle, InputMessageContent,
    InputMessageContentText, ParseMode,
};

use super::HandlerResult;
use crate::answer::Response;
use crate::answer::Turn;
use crate::bot::send::retrying;
use crate::bot::{format, State, QUESTIONS_PER_MINUTE};

/// Characters of a passage shown as the description of a result without the answer.
const DESCRIPTION_CHARS: usize = 60;

pub(super) async fn on_inline_query(bot: Bot, q: InlineQuery, state: State) -> HandlerResult {
    if !state
        .sessions
        .rate()
        .allow(q.from.id.0, QUESTIONS_PER_MINUTE)
        || q.query.trim().is_empty()
    {
        retrying(
            &state.metrics,
            bot.answer_inline_query(q.id, Vec::<InlineQueryResult>::new()),
        )
        .await?;
        return Ok(());
    }
    let engine = state.engine.clone();
    let question = q.query.clone();
    let permit = state.answering.clone().acquire_owned().await;
    let response = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        crate::answer::Answerer::new(&engine).ask(&question)
    })
    .await;
    let results = match response {
        Ok(Ok(r)) => results(&r),
        _ => Vec::new(),
    };
    retrying(&state.metrics, bot.answer_inline_query(q.id, results)).await?;
    Ok(())
}

/// One result per citation, each sent as the reply to a question with that citation alone.
fn results(r: &Response) -> Vec<InlineQueryResult> {
    r.citations
        .iter()
        .map(|c| {
            let turn = Turn {
                response: Response {
                    citations: vec![c.clone()],
                    ..r.clone()
                },
                understood_as: None,
                trimmed: false,
            };
            let text = format::reply(&turn).into_iter().next().unwrap_or_default();
            let content = InputMessageContent::Text(
                InputMessageContentText::new(text).parse_mode(ParseMode::Html),
            );
            let description = match (&r.answer, c.rank) {
                (Some(a), 1) => a.clone(),
                _ => c.text.chars().take(DESCRIPTION_CHARS).collect(),
            };
            InlineQueryResult::Article(
                InlineQueryResultArticle::new(format!("{}", c.rank), c.meta.title.clone(), content)
                    .description(description),
            )
        })
        .collect()
}
