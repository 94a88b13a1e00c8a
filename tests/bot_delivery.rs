//! Delivery: every update handled once, across restarts (Telegram redelivers what was not
//! confirmed), for every kind of update; replies in the script of the user's client.

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use wenjin::bot::{Config, State};
use wenjin::session::Sessions;

use crate::bot::Running;
use crate::common::{build, shared_corpus};
use crate::fake_telegram::FakeTelegram;

/// Opens the sled folder, waiting for a stopped bot's last task to let go of it.
fn reopen(dir: &std::path::Path) -> Sessions {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let s = Sessions::open(dir).unwrap();
        if s.persistent || std::time::Instant::now() > deadline {
            return s;
        }
        drop(s);
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn message(update_id: i64, chat: i64, message_id: i64, text: &str) -> serde_json::Value {
    json!({"update_id": update_id, "message": {
        "message_id": message_id, "date": 1_700_000_000,
        "chat": {"id": chat, "type": "private", "first_name": "u"},
        "from": {"id": chat, "is_bot": false, "first_name": "u"},
        "text": text}})
}

async fn wait_for(fake: &FakeTelegram, method: &str, count: usize) -> Vec<serde_json::Value> {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let r = fake.requests(method);
        if r.len() >= count {
            return r;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "only {} {method}: {r:#?}",
            r.len()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// After a crash Telegram serves again what the bot had not confirmed: a question, a command
/// and a button press that were handled already are not answered a second time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updates_redelivered_after_a_restart_are_not_answered_twice() {
    let built = build(&shared_corpus());
    let engine = Arc::new(built.engine);
    let data = tempfile::tempdir().unwrap();
    let fake = FakeTelegram::start().await;
    let bot = Running::start(
        &fake,
        State::new(engine.clone(), reopen(data.path()), Config::default()),
    );
    let question = message(1, 42, 1, "商湯2022年虧損多少");
    let help = message(2, 42, 2, "/help");
    fake.push_update(question.clone());
    fake.push_update(help.clone());
    let sent = fake.wait_messages(2, 30).await;
    let more = sent
        .iter()
        .flat_map(|m| {
            m["reply_markup"]["inline_keyboard"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["callback_data"].as_str().map(str::to_string))
        .find(|d| d.starts_with("m:"))
        .expect("a more-sources button");
    let press = json!({"update_id": 3, "callback_query": {
        "id": "cb3", "from": {"id": 42, "is_bot": false, "first_name": "u"},
        "chat_instance": "ci", "data": more,
        "message": {"message_id": 5000, "date": 1_700_000_000,
                    "chat": {"id": 42, "type": "private", "first_name": "u"}, "text": "答"}}});
    fake.push_update(press.clone());
    fake.wait_messages(3, 30).await;
    wait_for(&fake, "answercallbackquery", 1).await;
    bot.stop().await;

    // A new fake server has no record of what was confirmed: it serves all three again, then a
    // new question.
    let fake = FakeTelegram::start().await;
    let bot = Running::start(
        &fake,
        State::new(engine.clone(), reopen(data.path()), Config::default()),
    );
    fake.push_update(question);
    fake.push_update(help);
    fake.push_update(press);
    fake.push_update(message(4, 42, 4, "2021年呢？"));
    let sent = fake.wait_messages(1, 30).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let sent_after = fake.requests("sendmessage");
    assert_eq!(
        sent_after.len(),
        1,
        "only the new update is answered: {sent_after:#?}"
    );
    assert_eq!(sent[0]["reply_parameters"]["message_id"], 4);
    assert!(
        fake.requests("answercallbackquery").is_empty(),
        "a handled button press is not answered again"
    );
    bot.stop().await;
}

/// Message ids are counted per chat: the same id in two chats is two questions. (The handled
/// log used to key on a 32-bit hash of chat and message id, and this pair collided.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn equal_or_colliding_message_ids_in_different_chats_are_all_answered() {
    // The chat whose old hash differed from chat 1's in the lowest bit only.
    const K: u32 = 2_654_435_761;
    let mut inv = K;
    for _ in 0..5 {
        inv = inv.wrapping_mul(2u32.wrapping_sub(K.wrapping_mul(inv)));
    }
    assert_eq!(K.wrapping_mul(inv), 1);
    let other_chat = i64::from((K ^ 1).wrapping_mul(inv));
    let old_key = |chat: i64, msg: u32| (chat as u32).wrapping_mul(K) ^ msg;
    assert_eq!(old_key(1, 2), old_key(other_chat, 3));

    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let fake = FakeTelegram::start().await;
    let bot = Running::start(
        &fake,
        State::new(
            Arc::new(built.engine),
            Sessions::open(data.path()).unwrap(),
            Config::default(),
        ),
    );
    fake.push_update(message(1, 1, 2, "商湯2022年虧損多少"));
    fake.push_update(message(2, other_chat, 3, "商湯2022年虧損多少"));
    fake.push_update(message(3, 5, 7, "商湯2022年虧損多少"));
    fake.push_update(message(4, 6, 7, "商湯2022年虧損多少"));
    let sent = fake.wait_messages(4, 30).await;
    let mut chats: Vec<i64> = sent.iter().filter_map(|m| m["chat_id"].as_i64()).collect();
    chats.sort_unstable();
    let mut expected = vec![1, 5, 6, other_chat];
    expected.sort_unstable();
    assert_eq!(chats, expected);
    bot.stop().await;
}

/// `/help` has no Chinese to go by: the client's language decides the script.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_follows_the_script_of_the_users_client() {
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let fake = FakeTelegram::start().await;
    let bot = Running::start(
        &fake,
        State::new(
            Arc::new(built.engine),
            Sessions::open(data.path()).unwrap(),
            Config::default(),
        ),
    );
    let help = |update_id: i64, chat: i64, lang: &str| {
        json!({"update_id": update_id, "message": {
            "message_id": update_id, "date": 1_700_000_000,
            "chat": {"id": chat, "type": "private", "first_name": "u"},
            "from": {"id": chat, "is_bot": false, "first_name": "u", "language_code": lang},
            "text": "/help"}})
    };
    fake.push_update(help(1, 21, "zh-hans"));
    fake.push_update(help(2, 22, "zh-hant"));
    fake.push_update(help(3, 23, "en"));
    let sent = fake.wait_messages(3, 30).await;
    let text = |chat: i64| {
        sent.iter()
            .find(|m| m["chat_id"] == chat)
            .and_then(|m| m["text"].as_str())
            .unwrap()
            .to_string()
    };
    assert!(text(21).contains("根据 1 篇文章"), "{}", text(21));
    assert!(text(22).contains("根據 1 篇文章"), "{}", text(22));
    assert!(text(23).contains("根據"), "{}", text(23));
    bot.stop().await;
}

/// Many chats saving their sessions at once (a busy bot, or questions queued during a reindex)
/// must not hang. sled 0.34's `flush_async` runs on sled's own small thread pool and waits there
/// for a log write queued on the same pool: with seven flushes waiting, nothing writes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_sessions_saved_at_once_do_not_deadlock_the_store() {
    let data = tempfile::tempdir().unwrap();
    let sessions = Sessions::open(data.path()).unwrap();
    let mut ctx = wenjin::answer::Context::default();
    let built = build(&shared_corpus());
    let snap = built.engine.snapshot();
    wenjin::answer::Answerer::at(&snap)
        .turn(&mut ctx, "商湯2022年虧損多少", &wenjin::answer::NoCache)
        .unwrap();
    let saves = (0..64).map(|chat| {
        let (sessions, ctx) = (sessions.clone(), ctx.clone());
        tokio::spawn(async move { sessions.save_context(chat, &ctx).await })
    });
    let all = futures_join(saves.collect());
    let Ok(results) = tokio::time::timeout(Duration::from_secs(30), all).await else {
        // Dropping the store would flush, and hang this test instead of failing it.
        std::mem::forget(sessions);
        panic!("saving 64 sessions at once hung");
    };
    assert!(results.into_iter().all(|r| r.unwrap().is_ok()));
    assert!(sessions.context(63).last.is_some());
}

async fn futures_join<T>(
    handles: Vec<tokio::task::JoinHandle<T>>,
) -> Vec<Result<T, tokio::task::JoinError>> {
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await);
    }
    out
}

/// Many users at once (each well under the per-user limit): the global limit queues questions
/// instead of refusing them, never more than the limit are searched at a time, and every
/// question gets exactly one answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crowd_of_users_is_queued_under_the_global_limit_and_all_answered() {
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let fake = FakeTelegram::start().await;
    let state = State::new(
        Arc::new(built.engine),
        Sessions::open(data.path()).unwrap(),
        Config::default(),
    )
    .with_answering_limit(2);
    let watched = state.clone();
    let bot = Running::start(&fake, state);
    let questions = [
        "商湯2022年虧損多少",
        "商汤2021年亏损多少",
        "商湯的研發費用是多少",
        "誰投資了商湯",
        "商湯什麼時候上市",
    ];
    let users = 120;
    for u in 0..users {
        fake.push_text(
            1 + u as i64,
            10_000 + u as i64,
            questions[u % questions.len()],
        );
    }
    let peak = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let watcher = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.fetch_max(watched.answering_now(), std::sync::atomic::Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        })
    };
    let sent = fake.wait_messages(users, 120).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    watcher.abort();
    let sent_after = fake.requests("sendmessage");
    assert_eq!(sent_after.len(), sent.len(), "no extra replies");
    let mut chats: Vec<i64> = sent_after
        .iter()
        .filter_map(|m| m["chat_id"].as_i64())
        .collect();
    chats.sort_unstable();
    chats.dedup();
    assert_eq!(chats.len(), users, "every user answered exactly once");
    assert!(
        sent_after
            .iter()
            .all(|m| !m["text"].as_str().unwrap().contains("問得太快")),
        "nobody refused"
    );
    let peak = peak.load(std::sync::atomic::Ordering::SeqCst);
    // The slots were all in use (so questions did wait), and never more than them.
    assert_eq!(peak, 2, "questions searched at once");
    bot.stop().await;
}

/// Button and inline answers are retried like messages: a 429 or a 500 from Telegram delays
/// them, and each is still answered once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn button_and_inline_answers_are_retried_after_429_and_500() {
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let fake = FakeTelegram::start().await;
    let bot = Running::start(
        &fake,
        State::new(
            Arc::new(built.engine),
            Sessions::open(data.path()).unwrap(),
            Config::default(),
        ),
    );
    fake.fail_next("answercallbackquery", 1, 429);
    fake.fail_next("answerinlinequery", 1, 500);
    fake.push_update(message(1, 42, 1, "商湯2022年虧損多少"));
    let sent = fake.wait_messages(1, 30).await;
    let full = sent[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        .as_str()
        .unwrap()
        .to_string();
    fake.push_update(json!({"update_id": 2, "callback_query": {
        "id": "cb2", "from": {"id": 42, "is_bot": false, "first_name": "u"},
        "chat_instance": "ci", "data": full,
        "message": {"message_id": 5000, "date": 1_700_000_000,
                    "chat": {"id": 42, "type": "private", "first_name": "u"}, "text": "答"}}}));
    fake.push_update(json!({"update_id": 3, "inline_query": {
        "id": "iq3", "from": {"id": 6, "is_bot": false, "first_name": "v"},
        "query": "商湯 虧損", "offset": ""}}));
    let callbacks = wait_for(&fake, "answercallbackquery", 1).await;
    let inline = wait_for(&fake, "answerinlinequery", 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(fake.failed(), 2, "both faults were injected");
    assert_eq!(callbacks[0]["callback_query_id"], "cb2");
    assert_eq!(fake.requests("answercallbackquery").len(), 1);
    assert_eq!(inline[0]["inline_query_id"], "iq3");
    assert!(!inline[0]["results"].as_array().unwrap().is_empty());
    assert_eq!(fake.requests("answerinlinequery").len(), 1);
    // The full passage still came.
    let sent = fake.wait_messages(2, 30).await;
    assert!(sent[1]["text"].as_str().unwrap().contains("全文"));
    bot.stop().await;
}
