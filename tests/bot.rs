//! The real bot (teloxide, unmodified) against the fake Bot API, end to end.

use std::sync::Arc;
use std::time::Duration;

use teloxide::Bot;
use wenjin::bot::{dispatcher, Config, State};
use wenjin::session::Sessions;

use crate::common::{bot_state, build, bundled_corpus, copy_of_shared_corpus, shared_corpus};
use crate::fake_telegram::FakeTelegram;
use wenjin::text::normalize as folded;

/// Runs the bot until the returned guard is shut down.
pub struct Running {
    token: teloxide::dispatching::ShutdownToken,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    pub fn start(fake: &FakeTelegram, state: State) -> Running {
        let bot = Bot::new("123456:TEST-TOKEN").set_api_url(fake.url.parse().unwrap());
        let mut d = dispatcher(bot.clone(), state);
        let token = d.shutdown_token();
        let task = tokio::spawn(async move {
            let listener = wenjin::bot::polling_listener(bot).await;
            wenjin::bot::poll(&mut d, listener).await
        });
        Running { token, task }
    }

    pub async fn stop(self) {
        // The dispatcher may not have reached its polling loop yet: retry until it accepts the
        // shutdown; never wait on it for long (a stuck shutdown must not hang the suite).
        for _ in 0..100 {
            if let Ok(f) = self.token.shutdown() {
                let _ = tokio::time::timeout(Duration::from_secs(10), f).await;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.task.abort();
        let _ = self.task.await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_answers_the_seed_question_with_a_cited_passage() {
    let fake = FakeTelegram::start().await;
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), None);
    let bot = Running::start(&fake, state);
    fake.push_text(1, 42, "商湯2022年虧損多少");
    let sent = fake.wait_messages(1, 30).await;
    let m = &sent[0];
    assert_eq!(m["chat_id"], 42);
    assert_eq!(m["parse_mode"], "HTML");
    assert_eq!(
        m["reply_parameters"]["message_id"], 1,
        "replies to the question"
    );
    let text = m["text"].as_str().unwrap();
    assert!(text.starts_with("答：<b>巨虧60億</b>"), "{text}");
    assert!(
        text.contains("[1]") && text.contains("騰訊新聞") && text.contains("第4段"),
        "{text}"
    );
    assert!(
        text.contains("<b>2022</b>"),
        "matched words in bold: {text}"
    );
    bot.stop().await;
}

/// A Traditional question whose answer is quoted from a Simplified article is answered in
/// Traditional (the quoted passage stays verbatim), and each citation shows its article's date,
/// normalized (`发布时间：2023年4月26日` is shown as 2023-04-26).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_traditional_question_gets_a_traditional_answer_and_dated_citations() {
    let fake = FakeTelegram::start().await;
    let built = build(&bundled_corpus());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), None);
    let bot = Running::start(&fake, state);
    fake.push_text(1, 42, "雲從科技2022年營收多少");
    let sent = fake.wait_messages(1, 30).await;
    let text = sent[0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("答：<b>收入5.26億元</b>"),
        "the answer converted to Traditional: {text}"
    );
    assert!(
        text.contains("问津示例科技") && text.contains("2023-04-26"),
        "the cited article's source and date: {text}"
    );
    assert!(
        text.contains("实现营业收入5.26亿元"),
        "the quoted passage stays verbatim (Simplified): {text}"
    );
    // The same question in Simplified is answered in Simplified.
    fake.push_text(2, 43, "云从科技2022年营收多少");
    let sent = fake.wait_messages(2, 30).await;
    let text = sent[1]["text"].as_str().unwrap();
    assert!(text.starts_with("答：<b>收入5.26亿元</b>"), "{text}");
    bot.stop().await;
}

/// When another article gives a different figure for the question, the answer line says which
/// source and date the answer comes from.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disagreeing_sources_name_the_answers_source_and_date() {
    let corpus = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&bundled_corpus(), corpus.path());
    std::fs::write(
        corpus.path().join("other-count.txt"),
        "商湯虧損另一說\n來源：測試晚報\n日期：2023年5月2日\n\n據另一份統計，商湯科技2022年虧損約65億元。\n",
    )
    .unwrap();
    let fake = FakeTelegram::start().await;
    let built = build(corpus.path());
    let data = tempfile::tempdir().unwrap();
    let bot = Running::start(&fake, bot_state(built.engine, data.path(), None));
    fake.push_text(1, 42, "商湯2022年虧損多少");
    let sent = fake.wait_messages(1, 30).await;
    let text = sent[0]["text"].as_str().unwrap();
    let answer_line = text.lines().next().unwrap_or_default();
    assert!(
        answer_line.contains("</b>（據 ") && answer_line.contains(" · 2023-0"),
        "the answer's source and date: {text}"
    );
    assert!(
        text.contains("2023-05-02"),
        "the other article's date: {text}"
    );
    bot.stop().await;
}

/// The typing indicator shows only for an answer that takes a while, and then its request
/// completes before the answer is sent (a late one would show "typing" under the answer).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_shows_before_a_slow_answer_and_not_for_a_quick_one() {
    let built = build(&shared_corpus());
    let engine = Arc::new(built.engine);
    let question = "商湯2022年虧損多少";

    // Quicker than the threshold (30 s here): sent at once, no indicator.
    let fake = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let state = State::new(
        engine.clone(),
        Sessions::open(data.path()).unwrap(),
        Config::default(),
    )
    .with_typing_after(Duration::from_secs(30));
    let bot = Running::start(&fake, state);
    fake.push_text(1, 42, question);
    fake.wait_messages(1, 30).await;
    assert!(fake.requests("sendchataction").is_empty());
    bot.stop().await;

    // Slower than the threshold (zero here), with Telegram slow to confirm the indicator: the
    // answer waits for that confirmation.
    let fake = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let state = State::new(
        engine,
        Sessions::open(data.path()).unwrap(),
        Config::default(),
    )
    .with_typing_after(Duration::ZERO);
    let bot = Running::start(&fake, state);
    fake.slow_next("sendchataction", 1, Duration::from_millis(500));
    fake.push_text(1, 42, question);
    let sent = fake.wait_messages(1, 30).await;
    assert!(sent[0]["text"].as_str().unwrap().contains("60億"));
    let order: Vec<String> = fake
        .calls()
        .into_iter()
        .filter(|(_, body)| body["chat_id"] == 42)
        .map(|(method, body)| format!("{method} {}", body["action"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        order,
        ["sendchataction typing", "sendmessage "],
        "{order:?}"
    );

    // An indicator Telegram does not confirm for 20 s holds the answer 2 s at most.
    fake.slow_next("sendchataction", 1, Duration::from_secs(20));
    let asked = std::time::Instant::now();
    fake.push_text(2, 42, "商汤2021年亏损多少");
    fake.wait_messages(2, 30).await;
    assert!(
        asked.elapsed() < Duration::from_secs(10),
        "{:?}",
        asked.elapsed()
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_ups_survive_a_restart_and_bad_input_is_answered() {
    let fake = FakeTelegram::start().await;
    let built = build(&bundled_corpus());
    let engine = Arc::new(built.engine);
    let data = tempfile::tempdir().unwrap();
    // Reopens the sled folder, waiting for the previous bot's last answer task to let go of it.
    let state = |engine: &Arc<wenjin::search::Engine>| {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let sessions = Sessions::open(data.path()).unwrap();
            if sessions.persistent || std::time::Instant::now() > deadline {
                return State::new(engine.clone(), sessions, Config::default());
            }
            drop(sessions);
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let first = state(&engine);
    assert!(first.sessions.persistent);
    let bot = Running::start(&fake, first);
    fake.push_text(1, 7, "商湯2022年虧損多少");
    let sent = fake.wait_messages(1, 30).await;
    assert!(folded(sent[0]["text"].as_str().unwrap()).contains("60亿"));
    fake.push_text(2, 7, "2021年呢？");
    let sent = fake.wait_messages(2, 30).await;
    let t = folded(sent[1]["text"].as_str().unwrap());
    assert!(t.contains("理解为") && t.contains("171亿"), "{t}");
    bot.stop().await;

    // Same sled folder, new process state: the context is still there.
    let second = state(&engine);
    assert!(
        second.sessions.persistent,
        "the first bot released the session store"
    );
    let bot = Running::start(&fake, second);
    fake.push_text(3, 7, "那雲從科技呢？");
    let sent = fake.wait_messages(3, 30).await;
    let t = folded(sent[2]["text"].as_str().unwrap());
    assert!(
        t.contains("6.3亿"),
        "雲從科技 in 2021 after the restart: {t}"
    );

    // Hostile and odd input: each gets exactly one reply, none over Telegram's limit.
    let odd = [
        "😀😀😀",
        "AND OR \"x\" title:(a] *?",
        &"商湯虧損".repeat(1250),
        "   ",
    ];
    for (i, text) in odd.iter().enumerate() {
        fake.push_text(10 + i as i64, 7, text);
    }
    let sent = fake.wait_messages(3 + odd.len(), 60).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent_after = fake.requests("sendmessage");
    assert_eq!(sent_after.len(), sent.len(), "exactly one reply per update");
    for m in &sent_after {
        assert!(m["text"].as_str().unwrap().chars().count() <= 4096);
    }
    let replied: Vec<i64> = sent_after
        .iter()
        .filter_map(|m| m["reply_parameters"]["message_id"].as_i64())
        .collect();
    let long_reply = sent_after
        .iter()
        .find(|m| m["reply_parameters"]["message_id"] == 12)
        .expect("the 5,000-character question was answered");
    assert!(
        long_reply["text"]
            .as_str()
            .unwrap()
            .contains("只看前 500 字"),
        "the reply says the question was trimmed: {long_reply}"
    );
    for id in [1, 2, 3, 10, 11, 12, 13] {
        assert_eq!(
            replied.iter().filter(|&&r| r == id).count(),
            1,
            "update {id} answered once: {replied:?}"
        );
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_are_refused_to_others_and_reindex_serves_new_content() {
    let fake = FakeTelegram::start().await;
    let corpus = copy_of_shared_corpus();
    let built = build(corpus.path());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), Some(corpus.path()));
    let bot = Running::start(&fake, state);
    std::fs::write(
        corpus.path().join("new.txt"),
        "新消息\n\n依圖科技2023年營收3.2億元。\n",
    )
    .unwrap();

    fake.push_text(1, 7, "/reindex");
    fake.push_text(2, 7, "/stats");
    let sent = fake.wait_messages(2, 30).await;
    for m in &sent {
        assert!(m["text"].as_str().unwrap().contains("只限管理員"), "{m}");
    }
    fake.push_text(3, 99, "/reindex");
    let sent = fake.wait_messages(4, 60).await;
    let report = sent[3]["text"].as_str().unwrap();
    assert!(
        report.contains("added 1") && report.contains("unchanged 1"),
        "{report}"
    );
    fake.push_text(4, 7, "依圖科技2023年營收多少");
    let sent = fake.wait_messages(5, 30).await;
    assert!(
        sent[4]["text"].as_str().unwrap().contains("3.2億元"),
        "served from the new index without a restart"
    );
    fake.push_text(5, 99, "/stats");
    let sent = fake.wait_messages(6, 30).await;
    assert!(sent[5]["text"].as_str().unwrap().contains("articles: 2"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_429_and_500_are_retried_and_each_update_answered_once() {
    let fake = FakeTelegram::start().await;
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), None);
    fake.fail_next("sendmessage", 1, 429);
    fake.fail_next("sendmessage", 1, 500);
    fake.fail_next("getupdates", 1, 502);
    let bot = Running::start(&fake, state);
    fake.push_text(1, 42, "商湯2022年虧損多少");
    fake.push_text(2, 43, "商汤2022年亏损多少");
    let sent = fake.wait_messages(2, 60).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let sent_after = fake.requests("sendmessage");
    assert!(
        fake.failed() >= 3,
        "the faults were injected ({})",
        fake.failed()
    );
    // Recorded requests include the failed attempts; successful replies are the ones after them.
    let chats: Vec<i64> = sent_after
        .iter()
        .filter_map(|m| m["chat_id"].as_i64())
        .collect();
    assert!(chats.contains(&42) && chats.contains(&43), "{chats:?}");
    assert_eq!(
        sent_after.len(),
        2,
        "exactly one delivered reply per update"
    );
    assert!(sent
        .iter()
        .all(|m| m["text"].as_str().unwrap().contains("60億")));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_inline_mode_and_the_rate_limit() {
    let fake = FakeTelegram::start().await;
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), None);
    let bot = Running::start(&fake, state);

    let group = |id: i64, text: &str, reply_to_bot: bool| {
        let mut m = serde_json::json!({"message_id": id, "date": 1_700_000_000,
            "chat": {"id": -100, "type": "supergroup", "title": "g"},
            "from": {"id": 5, "is_bot": false, "first_name": "u"}, "text": text});
        if reply_to_bot {
            m["reply_to_message"] = serde_json::json!({"message_id": 1, "date": 1_700_000_000,
                "chat": {"id": -100, "type": "supergroup", "title": "g"},
                "from": {"id": 1000, "is_bot": true, "first_name": "wenjin"}, "text": "答"});
        }
        serde_json::json!({"update_id": id, "message": m})
    };
    fake.push_update(group(1, "大家好，今天天氣不錯", false));
    fake.push_update(group(2, "@wenjin_test_bot 商湯2022年虧損多少", false));
    fake.push_update(group(3, "商汤2022年亏损多少", true));
    fake.push_update(group(4, "/ask@wenjin_test_bot 商湯2022年虧損多少", false));
    let sent = fake.wait_messages(3, 30).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent = fake
        .requests("sendmessage")
        .into_iter()
        .chain(sent.into_iter().take(0))
        .collect::<Vec<_>>();
    assert_eq!(sent.len(), 3, "chatter is ignored: {sent:#?}");
    for m in &sent {
        assert!(m["text"].as_str().unwrap().contains("60億"));
        assert_ne!(m["reply_parameters"]["message_id"], 1);
    }

    fake.push_update(serde_json::json!({"update_id": 10, "inline_query": {
        "id": "iq1", "from": {"id": 6, "is_bot": false, "first_name": "v"}, "query": "商湯2022年虧損多少", "offset": ""}}));
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let inline = loop {
        if let Some(r) = fake.requests("answerinlinequery").into_iter().next() {
            break r;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "inline query not answered"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(inline["inline_query_id"], "iq1");
    let results = inline["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert_eq!(results[0]["type"], "article");
    assert!(results[0]["input_message_content"]["message_text"]
        .as_str()
        .unwrap()
        .contains("60億"));

    // 25 questions in a row from one user: the first 20 are answered, then "slow down".
    for i in 0..25 {
        fake.push_text(100 + i, 77, "商湯2022年虧損多少");
    }
    let all = fake.wait_messages(3 + 25, 90).await;
    let to_user: Vec<&str> = all
        .iter()
        .filter(|m| m["chat_id"] == 77)
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(to_user.len(), 25);
    assert_eq!(to_user.iter().filter(|t| t.contains("60億")).count(), 20);
    assert_eq!(to_user.iter().filter(|t| t.contains("問得太快")).count(), 5);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_page_sources_show_full_passages_and_refuse_forged_ids() {
    let fake = FakeTelegram::start().await;
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), None);
    let bot = Running::start(&fake, state);
    fake.push_text(1, 42, "商湯2022年虧損多少");
    let sent = fake.wait_messages(1, 30).await;
    let keyboard = &sent[0]["reply_markup"]["inline_keyboard"];
    let buttons: Vec<String> = keyboard
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row.as_array().unwrap().iter())
        .map(|b| b["callback_data"].as_str().unwrap().to_string())
        .collect();
    assert!(buttons.iter().all(|d| d.len() <= 64), "{buttons:?}");
    let more = buttons
        .iter()
        .find(|d| d.starts_with("m:"))
        .expect("a more-sources button")
        .clone();
    let full = buttons
        .iter()
        .find(|d| d.starts_with("f:") && d.ends_with(":1"))
        .expect("a full-passage button")
        .clone();
    assert!(
        !sent[0]["text"].as_str().unwrap().contains("[4]"),
        "first page shows three citations"
    );

    let press = |update_id: i64, chat: i64, data: &str| {
        serde_json::json!({"update_id": update_id, "callback_query": {
            "id": format!("cb{update_id}"), "from": {"id": chat, "is_bot": false, "first_name": "u"},
            "chat_instance": "ci", "data": data,
            "message": {"message_id": 5000, "date": 1_700_000_000,
                        "chat": {"id": chat, "type": "private", "first_name": "u"}, "text": "答"}}})
    };
    fake.push_update(press(2, 42, &more));
    let sent = fake.wait_messages(2, 30).await;
    assert!(
        sent[1]["text"].as_str().unwrap().contains("[4]"),
        "next page: {}",
        sent[1]["text"]
    );
    fake.push_update(press(3, 42, &full));
    let sent = fake.wait_messages(3, 30).await;
    let t = sent[2]["text"].as_str().unwrap();
    assert!(t.contains("全文") && t.contains("巨虧60億"), "{t}");

    // Forged ids, garbage, and a real id pressed from another chat: "expired", nothing sent.
    let id = more.split(':').nth(1).unwrap();
    for (u, chat, data) in [
        (4, 42, "m:987654321:0".to_string()),
        (5, 42, "rubbish".to_string()),
        (6, 43, format!("f:{id}:1")),
    ] {
        fake.push_update(press(u, chat, &data));
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while fake.requests("answercallbackquery").len() < 5 {
        assert!(
            std::time::Instant::now() < deadline,
            "callbacks not answered"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let answers = fake.requests("answercallbackquery");
    assert_eq!(
        answers
            .iter()
            .filter(|a| a["text"].as_str().is_some_and(|t| t.contains("expired")))
            .count(),
        3
    );
    assert_eq!(
        fake.requests("sendmessage").len(),
        3,
        "nothing sent for refused buttons"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_and_metrics_respond() {
    let fake = FakeTelegram::start().await;
    let built = build(&shared_corpus());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), None);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(wenjin::bot::metrics::serve(listener, state.clone()));
    let bot = Running::start(&fake, state);
    fake.push_text(1, 42, "商湯2022年虧損多少");
    fake.push_text(2, 43, "字節跳動2035年虧損多少");
    fake.wait_messages(2, 30).await;

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let health = client
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let metrics = client
        .get(format!("http://{addr}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("wenjin_questions_total 2"), "{metrics}");
    assert!(metrics.contains("wenjin_not_found_total 1"), "{metrics}");
    assert!(
        metrics.contains("wenjin_question_seconds_count 2"),
        "{metrics}"
    );
    assert!(metrics.contains("wenjin_index_passages 49"), "{metrics}");

    // The health check command of the Docker image (run off the async workers).
    let url = format!("http://{addr}/healthz");
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_wenjin"))
            .args(["health", &url])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_upload_documents_others_and_bad_files_are_refused() {
    let fake = FakeTelegram::start().await;
    let corpus = copy_of_shared_corpus();
    let built = build(corpus.path());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), Some(corpus.path()));
    let bot = Running::start(&fake, state);
    let article = "第四範式快訊\n來源：測試\n\n第四範式2023年營收42億元。\n";
    fake.add_file("F1", article.as_bytes());
    let doc = |update_id: i64, user: i64, name: &str, size: u64| {
        serde_json::json!({"update_id": update_id, "message": {"message_id": update_id, "date": 1_700_000_000,
            "chat": {"id": user, "type": "private", "first_name": "u"},
            "from": {"id": user, "is_bot": false, "first_name": "u"},
            "document": {"file_id": "F1", "file_unique_id": "U1", "file_size": size, "file_name": name}}})
    };
    let size = article.len() as u64;
    fake.push_update(doc(1, 7, "news.txt", size));
    fake.push_update(doc(2, 99, ".hidden.txt", size));
    fake.push_update(doc(3, 99, "tool.exe", size));
    fake.push_update(doc(4, 99, "big.txt", 50 * 1024 * 1024));
    let sent = fake.wait_messages(4, 30).await;
    let texts: Vec<&str> = sent.iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("只有管理員")), "{texts:?}");
    assert_eq!(
        texts.iter().filter(|t| t.contains("無法收錄")).count(),
        2,
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("檔案太大")), "{texts:?}");
    assert!(!corpus.path().join("uploads").exists(), "nothing saved");

    fake.push_update(doc(5, 99, "../../outside/news.txt", size));
    let sent = fake.wait_messages(5, 60).await;
    assert!(
        sent[4]["text"].as_str().unwrap().contains("added 1"),
        "{}",
        sent[4]["text"]
    );
    assert!(
        corpus.path().join("uploads/news.txt").is_file(),
        "saved inside the corpus only"
    );
    assert!(!corpus.path().join("../outside").exists());
    fake.push_text(6, 7, "第四範式2023年營收多少");
    let sent = fake.wait_messages(6, 30).await;
    assert!(sent[5]["text"].as_str().unwrap().contains("42億元"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_during_a_reindex_are_all_answered() {
    let fake = FakeTelegram::start().await;
    let corpus = copy_of_shared_corpus();
    let built = build(corpus.path());
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), Some(corpus.path()));
    // Enough new text that the reindex takes a while.
    crate::common::write_bulk(&corpus.path().join("bulk"), 600);
    let bot = Running::start(&fake, state);
    fake.push_text(1, 99, "/reindex");
    fake.wait_messages(1, 30).await; // "開始重建索引…"
    for u in 0..30 {
        fake.push_text(100 + u, 1000 + u, "商湯2022年虧損多少");
    }
    let sent = fake.wait_messages(2 + 30, 180).await;
    let report_at = sent
        .iter()
        .position(|m| m["chat_id"] == 99 && m["text"].as_str().unwrap().contains("added"))
        .expect("the reindex reported");
    let answers: Vec<&serde_json::Value> = sent.iter().filter(|m| m["chat_id"] != 99).collect();
    assert_eq!(answers.len(), 30, "every question answered once");
    assert!(
        answers
            .iter()
            .all(|m| m["text"].as_str().unwrap().contains("60億")),
        "no failed or empty answer"
    );
    let before_report = sent[..report_at]
        .iter()
        .filter(|m| m["chat_id"] != 99)
        .count();
    assert!(
        before_report > 0,
        "questions were answered while the reindex ran"
    );
    assert!(
        sent[report_at]["text"]
            .as_str()
            .unwrap()
            .contains("added 600"),
        "{}",
        sent[report_at]["text"]
    );
    bot.stop().await;
}
