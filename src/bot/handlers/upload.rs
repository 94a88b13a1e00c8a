//! An admin sends a document: it is saved into the corpus (folder `uploads/`) and indexed, and
//! the admin gets the counts. Wrong types, traversal in names and oversized files are refused
//! with a reason; documents from anyone else are refused before they get here.

use teloxide::prelude::*;

use super::HandlerResult;
use crate::bot::reindex::reindex;
use crate::bot::send::send;
use crate::bot::{locale, strings, State};

/// Largest document an admin may upload.
pub const MAX_UPLOAD_BYTES: u32 = 10 * 1024 * 1024;

/// The file types wenjin reads, by extension.
const EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "jsonl", "json"];

/// The corpus file name for an uploaded document, or why it is refused: only the last path
/// component is kept, hidden names are refused, and only the formats wenjin reads are accepted.
pub fn upload_name(file_name: Option<&str>) -> Result<String, &'static str> {
    let name = file_name.unwrap_or_default();
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    if base.is_empty()
        || base.starts_with('.')
        || base.contains("..")
        || base.chars().any(char::is_control)
    {
        return Err("file name not allowed");
    }
    let ext = base
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if base == ext || !EXTENSIONS.contains(&ext.as_str()) {
        return Err("only .txt, .md, .html, .jsonl and .json files are indexed");
    }
    Ok(base.to_string())
}

/// A document from someone who is not an admin.
pub(super) async fn refuse(bot: Bot, msg: Message, state: State) -> HandlerResult {
    let script = locale::script_of_message(&msg);
    let text = strings::UPLOAD_ADMINS_ONLY.get(script).to_string();
    send(&state, &bot, msg.chat.id, text, Some(msg.id), false).await
}

pub(super) async fn on_document(bot: Bot, msg: Message, state: State) -> HandlerResult {
    let Some(doc) = msg.document().cloned() else {
        return Ok(());
    };
    let script = locale::script_of_message(&msg);
    let refuse = |why: String| {
        let (bot, state, chat, id) = (bot.clone(), state.clone(), msg.chat.id, msg.id);
        async move { send(&state, &bot, chat, why, Some(id), false).await }
    };
    let name = match upload_name(doc.file_name.as_deref()) {
        Ok(n) => n,
        Err(why) => return refuse(strings::upload_refused(script, why)).await,
    };
    if doc.file.size > MAX_UPLOAD_BYTES {
        let limit_mb = MAX_UPLOAD_BYTES / 1024 / 1024;
        return refuse(strings::upload_too_large(script, limit_mb)).await;
    }
    let file = bot.get_file(doc.file.id.clone()).await?;
    let mut bytes: Vec<u8> = Vec::new();
    if let Err(e) = teloxide::net::Download::download_file(&bot, &file.path, &mut bytes).await {
        return refuse(strings::download_failed(&e)).await;
    }
    if bytes.len() as u64 > u64::from(MAX_UPLOAD_BYTES) {
        return refuse(strings::FILE_TOO_LARGE.to_string()).await;
    }
    let dir = state.config.corpus.join("uploads");
    let path = dir.join(&name);
    let saved = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&dir)?;
        let tmp = dir.join(format!(".{name}.part"));
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, &path)
    })
    .await;
    match saved {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "could not save an upload into the corpus");
            return refuse(strings::NOT_SAVED.to_string()).await;
        }
        Err(e) => {
            tracing::warn!(error = %e, "the task saving an upload failed");
            return refuse(strings::NOT_SAVED.to_string()).await;
        }
    }
    let text = match reindex(&state, false).await {
        Ok(r) => strings::reindex_report(&r),
        Err(crate::Error::ReindexBusy) => strings::SAVED_REINDEX_BUSY.to_string(),
        Err(e) => strings::saved_not_indexed(&e),
    };
    send(&state, &bot, msg.chat.id, text, Some(msg.id), false).await
}
