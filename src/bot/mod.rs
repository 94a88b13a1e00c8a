//! The Telegram front end: teloxide handlers in one dptree schema, over the same conversation
//! logic as the console. State (engine, sessions, config) is injected, not global.

pub mod format;
pub mod locale;
pub mod metrics;

use std::sync::Arc;
use std::time::Duration;

use teloxide::dispatching::{Dispatcher, UpdateFilterExt};
use teloxide::prelude::*;
use teloxide::sugar::request::RequestReplyExt;
use teloxide::types::{ChatAction, InlineKeyboardButton, InlineKeyboardMarkup, ParseMode};
use teloxide::update_listeners::Polling;
use teloxide::utils::command::BotCommands;
use teloxide::utils::html::escape;

use crate::answer::Turn;
use crate::search::Engine;
use crate::session::Sessions;
use crate::text::script::Script;

/// Bot settings, parsed once at start.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Telegram user ids allowed to run admin commands.
    pub admins: Vec<u64>,
    /// The corpus folder `/reindex` reads.
    pub corpus: std::path::PathBuf,
    /// Memory for a reindex, in MiB (`None`: the library's default).
    pub index_memory_mb: Option<usize>,
}

impl Config {
    /// Whether `msg` may run an admin command: sent by a listed user, and not a forward (a
    /// forwarded `/reindex` is a quote of someone's command, whoever forwards it). Edited
    /// messages never reach the handlers at all: an edit does not run a command again.
    fn is_admin(&self, msg: &Message) -> bool {
        msg.forward_origin().is_none()
            && msg
                .from
                .as_ref()
                .is_some_and(|u| self.admins.contains(&u.id.0))
    }
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

/// Questions a user may ask per minute before being asked to slow down.
pub const QUESTIONS_PER_MINUTE: usize = 20;

/// What every handler may use.
#[derive(Clone)]
pub struct State {
    /// The search engine (follows reindexes by itself).
    pub engine: Arc<Engine>,
    /// Per-chat sessions.
    pub sessions: Sessions,
    /// Settings.
    pub config: Arc<Config>,
    /// Counters for `/metrics`.
    pub metrics: metrics::SharedMetrics,
    chats: Arc<std::sync::Mutex<std::collections::HashMap<i64, Arc<tokio::sync::Mutex<()>>>>>,
    /// Questions searched at the same time, across all chats: more wait their turn (with the
    /// typing indicator showing) instead of crowding the CPU with blocking threads.
    answering: Arc<tokio::sync::Semaphore>,
    answering_limit: usize,
    /// How long an answer may take before the typing indicator is shown.
    typing_after: Duration,
}

/// An answer ready within this time is sent at once; a slower one shows the typing indicator
/// first. Most answers take a few milliseconds, and the indicator is a round trip to Telegram
/// of its own (tens to hundreds of milliseconds) that the answer used to wait for, to show
/// something that vanished before anyone saw it.
pub const TYPING_AFTER: Duration = Duration::from_millis(300);

/// The longest an answer waits for Telegram to confirm the typing indicator.
const TYPING_WAIT: Duration = Duration::from_secs(2);

/// Default number of questions searched at once: one per core (the work is CPU-bound).
fn default_answering_limit() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

impl State {
    /// State over an engine, a session store and settings.
    pub fn new(engine: Arc<Engine>, sessions: Sessions, config: Config) -> State {
        State {
            engine,
            sessions,
            config: Arc::new(config),
            metrics: Arc::default(),
            chats: Arc::default(),
            answering: Arc::new(tokio::sync::Semaphore::new(default_answering_limit())),
            answering_limit: default_answering_limit(),
            typing_after: TYPING_AFTER,
        }
    }

    /// The same state showing the typing indicator for answers slower than `after` (zero: for
    /// every answer, before it is searched).
    pub fn with_typing_after(mut self, after: Duration) -> State {
        self.typing_after = after;
        self
    }

    /// The same state with at most `limit` questions searched at once (at least one).
    pub fn with_answering_limit(mut self, limit: usize) -> State {
        let limit = limit.max(1);
        self.answering = Arc::new(tokio::sync::Semaphore::new(limit));
        self.answering_limit = limit;
        self
    }

    /// How many questions are being searched right now.
    pub fn answering_now(&self) -> usize {
        self.answering_limit - self.answering.available_permits()
    }

    /// The lock that keeps one chat's questions in order.
    fn chat_lock(&self, chat: ChatId) -> Arc<tokio::sync::Mutex<()>> {
        let Ok(mut map) = self.chats.lock() else {
            return Arc::default();
        };
        if map.len() > 10_000 {
            map.retain(|_, l| Arc::strong_count(l) > 1);
        }
        map.entry(chat.0).or_default().clone()
    }
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
    /// 統計（管理員）/ statistics (admins)
    Stats,
    /// 重建索引（管理員；加 full 全部重建）/ reindex the corpus (admins; `full` rebuilds)
    Reindex(String),
    /// 解釋排序（管理員）/ explain the ranking of a question (admins)
    Explain(String),
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
        )
        .branch(dptree::filter(|msg: Message| msg.document().is_some()).endpoint(on_document))
        .branch(
            dptree::filter_map(|msg: Message, me: teloxide::types::Me| group_question(&msg, &me))
                .endpoint(on_group_question),
        );
    let schema = dptree::filter(|update: Update, state: State| first_delivery(&state, &update))
        .branch(schema)
        .branch(Update::filter_inline_query().endpoint(on_inline_query))
        .branch(Update::filter_callback_query().endpoint(on_callback));
    Dispatcher::builder(bot, schema)
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

/// Largest document an admin may upload.
pub const MAX_UPLOAD_BYTES: u32 = 10 * 1024 * 1024;

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
    if base == ext || !["txt", "md", "html", "htm", "jsonl", "json"].contains(&ext.as_str()) {
        return Err("only .txt, .md, .html, .jsonl and .json files are indexed");
    }
    Ok(base.to_string())
}

/// An admin sends a document: it is saved into the corpus (folder `uploads/`) and indexed, and
/// the admin gets the counts. Others, wrong types, traversal in names and oversized files are
/// refused with a reason.
async fn on_document(bot: Bot, msg: Message, state: State) -> HandlerResult {
    let Some(doc) = msg.document().cloned() else {
        return Ok(());
    };
    let script = locale::script_of_message(&msg);
    let refuse = |why: String| {
        let (bot, state, chat, id) = (bot.clone(), state.clone(), msg.chat.id, msg.id);
        async move { send(&state, &bot, chat, why, Some(id), false).await }
    };
    if !state.config.is_admin(&msg) {
        return refuse(
            script
                .pick(
                    "抱歉，只有管理員可以上傳文章。",
                    "抱歉，只有管理员可以上传文章。",
                )
                .to_string(),
        )
        .await;
    }
    let name = match upload_name(doc.file_name.as_deref()) {
        Ok(n) => n,
        Err(why) => {
            return refuse(format!("{}{why}", script.pick("無法收錄：", "无法收录："))).await
        }
    };
    if doc.file.size > MAX_UPLOAD_BYTES {
        return refuse(format!(
            "{}{} MB",
            script.pick("檔案太大，上限 ", "文件太大，上限 "),
            MAX_UPLOAD_BYTES / 1024 / 1024
        ))
        .await;
    }
    let file = bot.get_file(doc.file.id.clone()).await?;
    let mut bytes: Vec<u8> = Vec::new();
    if let Err(e) = teloxide::net::Download::download_file(&bot, &file.path, &mut bytes).await {
        return refuse(format!("download failed: {e}")).await;
    }
    if bytes.len() as u64 > u64::from(MAX_UPLOAD_BYTES) {
        return refuse("file too large".to_string()).await;
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
    if !matches!(saved, Ok(Ok(()))) {
        return refuse("could not save the file into the corpus".to_string()).await;
    }
    let report = reindex(&state, false).await;
    let text = match report {
        Ok(r) => report_text(&r),
        Err(crate::Error::ReindexBusy) => {
            "saved; a reindex is already running, it will be indexed next time".to_string()
        }
        Err(e) => format!("saved, but indexing failed: {e}"),
    };
    send(&state, &bot, msg.chat.id, text, Some(msg.id), false).await
}

/// Runs a reindex (incremental, or `full` into a new generation) off the async workers,
/// switches the engine to it and counts it.
async fn reindex(state: &State, full: bool) -> crate::Result<crate::search::BuildReport> {
    let (corpus, engine, metrics, memory_mb) = (
        state.config.corpus.clone(),
        state.engine.clone(),
        state.metrics.clone(),
        state.config.index_memory_mb,
    );
    tokio::task::spawn_blocking(move || {
        let options = crate::search::BuildOptions {
            full,
            memory_mb,
            ..Default::default()
        };
        let report = crate::search::build(&corpus, engine.dir(), &options)?;
        let _ = engine.refresh();
        metrics
            .reindexes
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        metrics.reindex_ms.fetch_add(
            report.elapsed.as_millis() as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        Ok(report)
    })
    .await
    .map_err(|e| crate::Error::Corrupt(format!("reindex task failed: {e}")))?
}

/// The counts of a reindex, as the admin sees them.
fn report_text(r: &crate::search::BuildReport) -> String {
    let skipped: String = r
        .skipped
        .iter()
        .map(|(f, why)| format!("\n{f}: {why}"))
        .collect();
    format!(
        "added {} · changed {} · removed {} · unchanged {} · skipped {} · {:.1}s{skipped}",
        r.added,
        r.changed,
        r.removed,
        r.unchanged,
        r.skipped.len(),
        r.elapsed.as_secs_f64()
    )
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
    dispatcher: &mut Dispatcher<Bot, teloxide::RequestError, teloxide::dispatching::DefaultKey>,
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
pub async fn register_commands(bot: &Bot) -> HandlerResult {
    bot.set_my_commands(Command::bot_commands()).await?;
    Ok(())
}

/// Records the update's id in sled before any handler runs; false when it was handled before
/// (Telegram redelivers updates that were not confirmed when the bot stopped or crashed), and
/// then the update is skipped. One check for every kind of update: questions, commands, button
/// presses, uploads.
fn first_delivery(state: &State, update: &Update) -> bool {
    let fresh = state.sessions.first_delivery(update.id.0).unwrap_or(true);
    if !fresh {
        tracing::info!(update_id = update.id.0, "skipping an update handled before");
    }
    fresh
}

/// Sends a message, retrying what Telegram asks to retry (429 with `retry_after`) and what
/// may pass (network errors, 5xx) with backoff. Gives up after a few tries and logs it.
async fn send(
    state: &State,
    bot: &Bot,
    chat: ChatId,
    text: String,
    reply_to: Option<teloxide::types::MessageId>,
    html: bool,
) -> HandlerResult {
    send_with(state, bot, chat, text, reply_to, html, None).await
}

async fn send_with(
    state: &State,
    bot: &Bot,
    chat: ChatId,
    text: String,
    reply_to: Option<teloxide::types::MessageId>,
    html: bool,
    keyboard: Option<InlineKeyboardMarkup>,
) -> HandlerResult {
    // Make the handled-update log durable before anything is sent: a kill -9 after the reply
    // must not let Telegram's redelivery be answered a second time.
    if let Err(e) = state.sessions.persist().await {
        tracing::warn!(error = %e, "could not flush the session store");
    }
    let metrics = &state.metrics;
    let mut delay = Duration::from_millis(300);
    let mut tries = 0;
    loop {
        tries += 1;
        let mut req = bot.send_message(chat, text.clone());
        if html {
            req = req.parse_mode(ParseMode::Html);
        }
        if let Some(id) = reply_to {
            req = req.reply_to(id);
        }
        if let Some(k) = &keyboard {
            req = req.reply_markup(k.clone());
        }
        match req.await {
            Ok(_) => return Ok(()),
            Err(teloxide::RequestError::RetryAfter(s)) if tries < 6 => {
                tracing::warn!(seconds = s.seconds(), "Telegram asked to slow down (429)");
                metrics
                    .telegram_errors
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                tokio::time::sleep(s.duration()).await;
            }
            Err(
                e @ (teloxide::RequestError::Network(_)
                | teloxide::RequestError::Io(_)
                | teloxide::RequestError::InvalidJson { .. }
                | teloxide::RequestError::Api(teloxide::ApiError::Unknown(_))),
            ) if tries < 6 => {
                tracing::warn!(error = %e, try_number = tries, "sending failed; retrying");
                metrics
                    .telegram_errors
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(8));
            }
            Err(e) => {
                metrics
                    .telegram_errors
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return Err(e);
            }
        }
    }
}

/// Sends any request, retrying like [`send_with`]: Telegram's 429 after the `retry_after` it
/// gives, network errors and 5xx with backoff, a few times. For button and inline answers,
/// which otherwise leave the user's client spinning.
async fn retrying<R>(
    metrics: &metrics::Metrics,
    req: R,
) -> Result<teloxide::requests::Output<R>, teloxide::RequestError>
where
    R: teloxide::requests::Request<Err = teloxide::RequestError>,
{
    let mut delay = Duration::from_millis(300);
    let mut tries = 0;
    loop {
        tries += 1;
        let e = match req.send_ref().await {
            Ok(out) => return Ok(out),
            Err(e) => e,
        };
        metrics
            .telegram_errors
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match e {
            teloxide::RequestError::RetryAfter(s) if tries < 6 => {
                tracing::warn!(seconds = s.seconds(), "Telegram asked to slow down (429)");
                tokio::time::sleep(s.duration()).await;
            }
            teloxide::RequestError::Network(_)
            | teloxide::RequestError::Io(_)
            | teloxide::RequestError::InvalidJson { .. }
            | teloxide::RequestError::Api(teloxide::ApiError::Unknown(_))
                if tries < 6 =>
            {
                tracing::warn!(error = %e, try_number = tries, "request failed; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(8));
            }
            e => return Err(e),
        }
    }
}

/// In a group, a message that mentions the bot or replies to it is a question; other chatter
/// is ignored.
fn group_question(msg: &Message, me: &teloxide::types::Me) -> Option<String> {
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

async fn on_group_question(
    bot: Bot,
    msg: Message,
    state: State,
    question: String,
) -> HandlerResult {
    spawn_answer(bot, msg, state, question);
    Ok(())
}

/// Inline mode (`@bot 商湯 虧損` in any chat): the top passages as articles, titled with the
/// article and described with the answer.
async fn on_inline_query(bot: Bot, q: teloxide::types::InlineQuery, state: State) -> HandlerResult {
    use teloxide::types::{
        InlineQueryResult, InlineQueryResultArticle, InputMessageContent, InputMessageContentText,
    };
    if !state
        .sessions
        .allow_question(q.from.id.0, QUESTIONS_PER_MINUTE)
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
    let results: Vec<InlineQueryResult> = match response {
        Ok(Ok(r)) => r
            .citations
            .iter()
            .map(|c| {
                let turn = crate::answer::Turn {
                    response: crate::answer::Response {
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
                    _ => c.text.chars().take(60).collect(),
                };
                InlineQueryResult::Article(
                    InlineQueryResultArticle::new(format!("{}", c.rank), c.title.clone(), content)
                        .description(description),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    retrying(&state.metrics, bot.answer_inline_query(q.id, results)).await?;
    Ok(())
}

async fn on_private_text(bot: Bot, msg: Message, state: State) -> HandlerResult {
    let text = msg.text().unwrap_or_default().to_string();
    spawn_answer(bot, msg, state, text);
    Ok(())
}

/// Answers in a task of its own, so that a chat's pending question never holds up its button
/// presses or other chats; questions of one chat still run one after the other (the follow-up
/// context of each depends on the one before).
fn spawn_answer(bot: Bot, msg: Message, state: State, question: String) {
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
    if !state.sessions.allow_question(user, QUESTIONS_PER_MINUTE) {
        let script = locale::script_for(
            Some(&question),
            msg.from.as_ref().and_then(|u| u.language_code.as_deref()),
        );
        let text = script.pick(
            "問得太快了，請稍等一分鐘再問。",
            "问得太快了，请稍等一分钟再问。",
        );
        return send(&state, &bot, chat, text.to_string(), Some(msg.id), false).await;
    }
    let mut ctx = state.sessions.context(chat.0);
    let engine = state.engine.clone();
    let sessions = state.sessions.clone();
    let started = std::time::Instant::now();
    let answering = state.answering.clone();
    let work = async move {
        // Waits here while the other chats' questions hold every slot; the slot goes with the
        // blocking task, so it is freed even if this task is cancelled.
        let permit = answering.acquire_owned().await;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let turn = crate::answer::Answerer::new(&engine).turn(&mut ctx, &question, &sessions);
            (turn, ctx)
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
        Ok((Ok(turn), ctx)) => {
            if let Err(e) = state.sessions.save_context(chat.0, &ctx).await {
                tracing::warn!(error = %e, "could not save the session");
            }
            keyboard = buttons(&state, chat, &turn);
            state
                .metrics
                .question(started.elapsed(), turn.response.found);
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
    let last = messages.len().saturating_sub(1);
    for (i, m) in messages.into_iter().enumerate() {
        let k = if i == last { keyboard.take() } else { None };
        send_with(&state, &bot, chat, m, Some(msg.id), true, k).await?;
    }
    Ok(())
}

/// Buttons under an answer: "full passage" for each shown citation and "more sources" when
/// there are more. The citations stay server-side in sled; a button carries only `f:<id>:<rank>`
/// or `m:<id>:<from>` (well under Telegram's 64 bytes).
fn buttons(state: &State, chat: ChatId, turn: &Turn) -> Option<InlineKeyboardMarkup> {
    let r = &turn.response;
    if r.citations.is_empty() {
        return None;
    }
    let stored = crate::session::StoredAnswer {
        chat: chat.0,
        question: r.question.clone(),
        citations: r.citations.clone(),
    };
    let id = state.sessions.store_answer(&stored).ok()?;
    Some(keyboard_for(id, &stored, 0))
}

fn keyboard_for(
    id: u64,
    stored: &crate::session::StoredAnswer,
    from: usize,
) -> InlineKeyboardMarkup {
    let script = Script::of(&stored.question).unwrap_or_default();
    let shown = &stored.citations
        [from.min(stored.citations.len())..(from + format::FIRST_PAGE).min(stored.citations.len())];
    let mut rows = vec![shown
        .iter()
        .map(|c| {
            InlineKeyboardButton::callback(
                format!("{}[{}]", script.pick("全文", "全文"), c.rank),
                format!("f:{id}:{}", c.rank),
            )
        })
        .collect::<Vec<_>>()];
    let next = from + format::FIRST_PAGE;
    if next < stored.citations.len() {
        rows.push(vec![InlineKeyboardButton::callback(
            script.pick("更多來源 ▸", "更多来源 ▸"),
            format!("m:{id}:{next}"),
        )]);
    }
    InlineKeyboardMarkup::new(rows)
}

/// Reads a button's callback data, `f:<answer id>:<n>` or `m:<answer id>:<n>`; anything else
/// (Telegram delivers whatever a client sends, up to 64 bytes) is None.
pub fn parse_button(data: &str) -> Option<(String, u64, usize)> {
    let mut parts = data.split(':');
    let kind = parts.next().filter(|k| matches!(*k, "f" | "m"))?;
    let id = parts.next()?.parse::<u64>().ok()?;
    let n = parts.next()?.parse::<usize>().ok()?;
    if parts.next().is_some() || n > 1_000 {
        return None;
    }
    Some((kind.to_string(), id, n))
}

/// Button presses. Unknown, expired or forged ids, and buttons pressed in another chat, get an
/// "expired" notice, never an error; every callback query is answered.
async fn on_callback(bot: Bot, q: teloxide::types::CallbackQuery, state: State) -> HandlerResult {
    let chat = q.message.as_ref().map(|m| m.chat().id);
    let parsed = q.data.as_deref().and_then(parse_button);
    let stored = parsed
        .as_ref()
        .and_then(|(_, id, _)| state.sessions.answer(*id))
        .filter(|s| Some(ChatId(s.chat)) == chat);
    let (Some((kind, id, n)), Some(stored), Some(chat)) = (parsed, stored, chat) else {
        retrying(
            &state.metrics,
            bot.answer_callback_query(q.id)
                .text("這個按鈕已過期 / This button has expired."),
        )
        .await?;
        return Ok(());
    };
    retrying(&state.metrics, bot.answer_callback_query(q.id)).await?;
    let script = Script::of(&stored.question).unwrap_or_default();
    match kind.as_str() {
        "m" => {
            let page: Vec<_> = stored
                .citations
                .iter()
                .skip(n)
                .take(format::FIRST_PAGE)
                .cloned()
                .collect();
            let messages = format::citations_page(&page, script);
            let last = messages.len().saturating_sub(1);
            for (i, m) in messages.into_iter().enumerate() {
                let k = (i == last).then(|| keyboard_for(id, &stored, n));
                send_with(&state, &bot, chat, m, None, true, k).await?;
            }
        }
        "f" => {
            let Some(c) = stored.citations.iter().find(|c| c.rank == n).cloned() else {
                return Ok(());
            };
            let engine = state.engine.clone();
            let (doc, paragraph) = (c.doc.clone(), c.paragraph);
            let windows =
                tokio::task::spawn_blocking(move || engine.snapshot().paragraph(&doc, paragraph))
                    .await;
            let text = match windows {
                Ok(Ok(ws)) if !ws.is_empty() => ws
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(""),
                // The article changed since: show what was cited.
                _ => c.text.clone(),
            };
            for m in format::full_paragraph(&c, &text, script) {
                send(&state, &bot, chat, m, None, true).await?;
            }
        }
        _ => {}
    }
    Ok(())
}

async fn on_command(bot: Bot, msg: Message, cmd: Command, state: State) -> HandlerResult {
    let script = locale::script_of_message(&msg);
    let admin_only = matches!(
        cmd,
        Command::Stats | Command::Reindex(_) | Command::Explain(_)
    );
    if admin_only && !state.config.is_admin(&msg) {
        let text = script.pick(
            "抱歉，這個指令只限管理員使用。",
            "抱歉，这个指令只限管理员使用。",
        );
        return send(
            &state,
            &bot,
            msg.chat.id,
            text.to_string(),
            Some(msg.id),
            false,
        )
        .await;
    }
    match cmd {
        Command::Stats => {
            let snap = state.engine.snapshot();
            let text = format!(
                "articles: {}\npassages: {}\nindex: {:.1} MB\ngeneration: {}\nsessions: {}",
                snap.articles().map(|a| a.len()).unwrap_or(0),
                snap.num_passages(),
                snap.size_on_disk() as f64 / 1e6,
                snap.generation(),
                if state.sessions.persistent {
                    "on disk"
                } else {
                    "in memory"
                },
            );
            send(&state, &bot, msg.chat.id, text, Some(msg.id), false).await?;
        }
        Command::Reindex(how) => {
            let full = how.trim().eq_ignore_ascii_case("full");
            send(
                &state,
                &bot,
                msg.chat.id,
                script.pick("開始重建索引…", "开始重建索引…").to_string(),
                Some(msg.id),
                false,
            )
            .await?;
            let text = match reindex(&state, full).await {
                Ok(r) => report_text(&r),
                Err(crate::Error::ReindexBusy) => script
                    .pick(
                        "已有重建索引在進行中，請稍候。",
                        "已有重建索引在进行中，请稍候。",
                    )
                    .to_string(),
                Err(e) => format!("reindex failed: {e}"),
            };
            send(&state, &bot, msg.chat.id, text, Some(msg.id), false).await?;
        }
        Command::Explain(q) => {
            let engine = state.engine.clone();
            let text = tokio::task::spawn_blocking(move || {
                match crate::answer::Answerer::new(&engine).explain(&q) {
                    Ok(None) => "nothing searchable in the question".to_string(),
                    Ok(Some(e)) => e.text().to_string(),
                    Err(e) => format!("explain failed: {e}"),
                }
            })
            .await
            .unwrap_or_else(|e| format!("explain failed: {e}"));
            let text: String = text.chars().take(3000).collect();
            send(
                &state,
                &bot,
                msg.chat.id,
                format!("<pre>{}</pre>", escape(&text)),
                Some(msg.id),
                true,
            )
            .await?;
        }
        Command::Ask(q) if q.trim().is_empty() => {
            let usage = script.pick(
                "用法：/ask 商湯2022年虧損多少",
                "用法：/ask 商汤2022年亏损多少",
            );
            send(
                &state,
                &bot,
                msg.chat.id,
                usage.to_string(),
                Some(msg.id),
                false,
            )
            .await?;
        }
        Command::Ask(q) => spawn_answer(bot, msg, state, q),
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
            send(&state, &bot, msg.chat.id, text, None, false).await?;
        }
        Command::New => {
            let _ = state
                .sessions
                .save_context(msg.chat.id.0, &Default::default())
                .await;
            let text = script.pick("好的，開始新話題。", "好的，开始新话题。");
            send(&state, &bot, msg.chat.id, text.to_string(), None, false).await?;
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
            send(&state, &bot, msg.chat.id, text, None, true).await?;
        }
    }
    Ok(())
}
