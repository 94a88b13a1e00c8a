//! Load, crash and fault tests (issue 7): questions under a full reindex, kill -9 of the bot
//! process, Telegram misbehaving for a while. Every answer is checked against the answer the
//! same question gets when asked alone; every update must be answered exactly once.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use wenjin::search::{self, BuildOptions, Engine};

use crate::bot::Running;
use crate::common::{
    answered_questions, bot_command, bot_state, build, bundled_corpus, copy_dir, shared_corpus,
    watch_stderr, wenjin_bin, write_bulk,
};
use crate::fake_telegram::FakeTelegram;
use wenjin::text::normalize as folded;

/// How many times each message id was replied to.
fn replies_per_message(sent: &[serde_json::Value]) -> HashMap<i64, usize> {
    let mut out = HashMap::new();
    for m in sent {
        if let Some(id) = m["reply_parameters"]["message_id"].as_i64() {
            *out.entry(id).or_default() += 1;
        }
    }
    out
}

/// 1,000 questions from 100 users (ten each, under the per-user limit) pushed while an admin's
/// `/reindex full` rebuilds a corpus of 600 extra articles: each answered exactly once, each
/// with the answer it gets when asked alone, some of them before the reindex finished.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_questions_during_a_full_reindex_are_each_answered_once_and_right() {
    let corpus = tempfile::tempdir().unwrap();
    copy_dir(&shared_corpus(), corpus.path());
    write_bulk(&corpus.path().join("bulk"), 600);
    let built = build(corpus.path());
    let expected = answered_questions(&built.engine);
    assert!(
        expected.len() >= 40,
        "{} questions answered",
        expected.len()
    );
    let fake = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), Some(corpus.path()));
    let metrics = state.metrics.clone();
    let bot = Running::start(&fake, state);
    fake.push_text(1, 99, "/reindex full");
    fake.wait_messages(1, 30).await; // "開始重建索引…"
    let started = Instant::now();
    let mut want = HashMap::new();
    for i in 0..1000_i64 {
        let (q, a) = &expected[i as usize % expected.len()];
        let id = 100 + i;
        fake.push_text(id, 10_000 + i % 100, q);
        want.insert(id, a.clone());
    }
    let sent = fake.wait_messages(1 + 1000 + 1, 900).await;
    let elapsed = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let sent = {
        let after = fake.requests("sendmessage");
        assert_eq!(after.len(), sent.len(), "no reply beyond one per update");
        after
    };
    let report_at = sent
        .iter()
        .position(|m| m["chat_id"] == 99 && m["text"].as_str().unwrap().contains("added"))
        .expect("the reindex reported");
    assert!(
        sent[report_at]["text"]
            .as_str()
            .unwrap()
            .contains("added 601"),
        "a full rebuild: {}",
        sent[report_at]["text"]
    );
    let per_message = replies_per_message(&sent);
    let mut wrong = Vec::new();
    for m in sent.iter().filter(|m| m["chat_id"] != 99) {
        let id = m["reply_parameters"]["message_id"].as_i64().unwrap();
        let text = folded(m["text"].as_str().unwrap());
        if !text.contains(&folded(&want[&id])) {
            wrong.push((id, want[&id].clone(), text));
        }
    }
    assert!(wrong.is_empty(), "failed or wrong answers: {wrong:#?}");
    for id in want.keys() {
        assert_eq!(per_message.get(id), Some(&1), "message {id} answered once");
    }
    let during = sent[..report_at]
        .iter()
        .filter(|m| m["chat_id"] != 99)
        .count();
    assert!(during > 0, "questions were answered while the reindex ran");
    assert_eq!(
        metrics.reindexes.load(std::sync::atomic::Ordering::SeqCst),
        1
    );
    eprintln!(
        "1000 questions in {:.1}s ({:.0}/s), {during} answered during the full reindex",
        elapsed.as_secs_f64(),
        1000.0 / elapsed.as_secs_f64()
    );
    bot.stop().await;
}

/// `ask --json` in batch mode, 1,000 questions on stdin, while another process rebuilds the
/// index from scratch (`index --full`, held for two seconds before its commit so that the
/// batch certainly spans the switch to the new generation): 1,000 lines out, all right.
#[test]
fn ask_json_batch_of_a_thousand_questions_during_a_full_reindex() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let index = dir.path().join("index");
    copy_dir(&shared_corpus(), &corpus);
    write_bulk(&corpus.join("bulk"), 300);
    search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    let expected = answered_questions(&Engine::open(&index).unwrap());
    let mut reindex = wenjin_bin()
        .arg("--corpus")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .args(["index", "--full"])
        .env(search::build::PAUSE_BEFORE_COMMIT, "2000")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let paused = watch_stderr(&mut reindex, "pausing before commit");
    let started = Instant::now();
    let mut ask = wenjin_bin()
        .arg("--corpus")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .args(["ask", "--json"])
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input: String = (0..1000)
        .map(|i| format!("{}\n", expected[i % expected.len()].0))
        .collect();
    let mut stdin = ask.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = ask.wait_with_output().unwrap();
    let finished = Instant::now();
    writer.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        reindex.wait().unwrap().success(),
        "the full reindex succeeded"
    );
    let paused_at = paused
        .recv_timeout(Duration::from_secs(5))
        .expect("the reindex reached its commit");
    assert!(
        paused_at < finished,
        "the batch was still running when the reindex came to its commit"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    assert_eq!(lines.len(), 1000, "one line per question");
    for (i, line) in lines.iter().enumerate() {
        let (q, a) = &expected[i % expected.len()];
        assert_eq!(line["question"].as_str(), Some(q.as_str()));
        assert_eq!(
            line["answer"].as_str(),
            Some(a.as_str()),
            "line {i}: {line}"
        );
        assert!(line["citations"].as_array().is_some_and(|c| !c.is_empty()));
    }
    let secs = (finished - started).as_secs_f64();
    eprintln!(
        "ask --json batch: 1000 questions in {secs:.1}s ({:.0}/s, debug build) across a full reindex",
        1000.0 / secs
    );
}

/// `wenjin bot` as a child process against the fake Bot API, on the given folders.
fn spawn_bot(dir: &Path, fake: &FakeTelegram, env: &[(&str, &str)]) -> Child {
    let mut cmd = bot_command(dir);
    cmd.env("TELOXIDE_TOKEN", "123456:TEST-TOKEN")
        .env("TELOXIDE_API_URL", &fake.url)
        .env("WENJIN_ADMIN_IDS", "99")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

/// Resident memory of a process, in KiB (Linux).
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn kill_9(child: &mut Child) {
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

/// kill -9 of the bot process while its `/reindex full` holds the lock before committing and
/// right after it saved a conversation; Telegram then redelivers every update of the session
/// (the worst case: none was confirmed). On restart the old index serves, sled opens, the
/// conversation goes on where it was, no update is answered twice, and a reindex works.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_during_a_reindex_and_after_session_writes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_dir(&bundled_corpus(), &corpus);
    write_bulk(&corpus.join("bulk"), 100);
    search::build(&corpus, &dir.path().join("index"), &BuildOptions::default()).unwrap();
    let fake = FakeTelegram::start().await;
    let pause = [(search::build::PAUSE_BEFORE_COMMIT, "60000")];
    let mut first = spawn_bot(dir.path(), &fake, &pause);
    let paused = watch_stderr(&mut first, "pausing before commit");
    let first_session = [
        (1, 7, "商湯2022年虧損多少"),
        (2, 7, "2021年呢？"),
        (3, 99, "/reindex full"),
    ];
    for (i, &(id, user, text)) in first_session.iter().enumerate() {
        fake.push_text(id, user, text);
        fake.wait_messages(i + 1, 120).await;
    }
    tokio::task::spawn_blocking(move || paused.recv_timeout(Duration::from_secs(120)))
        .await
        .unwrap()
        .expect("the reindex is paused before its commit");
    let sent = fake.requests("sendmessage");
    assert!(folded(sent[1]["text"].as_str().unwrap()).contains("171亿"));
    kill_9(&mut first);

    // Telegram never got the confirmations: it sends the whole session again.
    for &(id, user, text) in &first_session {
        fake.push_text(id, user, text);
    }
    let mut second = spawn_bot(dir.path(), &fake, &[]);
    let _stderr = watch_stderr(&mut second, "\u{0}");
    fake.push_text(4, 7, "那雲從科技呢？");
    let sent = fake.wait_messages(4, 120).await;
    let t = folded(sent[3]["text"].as_str().unwrap());
    assert!(
        t.contains("6.3亿"),
        "the conversation (2021) survived the kill: {t}"
    );
    fake.push_text(5, 99, "/reindex");
    let sent = fake.wait_messages(6, 120).await;
    assert!(
        sent[5]["text"].as_str().unwrap().contains("added"),
        "the reindex lock was freed by the kill: {}",
        sent[5]["text"]
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    let sent = fake.requests("sendmessage");
    let per_message = replies_per_message(&sent);
    for id in [1, 2, 4] {
        assert_eq!(per_message.get(&id), Some(&1), "update {id} answered once");
    }
    assert_eq!(
        per_message.get(&3),
        Some(&1),
        "the killed /reindex was not started again by its redelivery"
    );
    assert_eq!(sent.len(), 6, "{sent:#?}");
    kill_9(&mut second);
}

/// Telegram misbehaving for a while, three times over, for sendMessage and getUpdates: 429 with
/// retry_after, 500, 502, responses slowed by seconds, connections dropped mid-response. The bot
/// process recovers by itself, answers each of 120 questions exactly once, and its memory stays
/// within a bound.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_process_survives_telegram_faults_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundled_corpus(), &dir.path().join("corpus"));
    search::build(
        &dir.path().join("corpus"),
        &dir.path().join("index"),
        &BuildOptions::default(),
    )
    .unwrap();
    let fake = FakeTelegram::start().await;
    let mut bot = spawn_bot(dir.path(), &fake, &[("RUST_LOG", "warn")]);
    let _stderr = watch_stderr(&mut bot, "\u{0}");
    let questions = [
        "商湯2022年虧損多少",
        "曠視2021年營收多少",
        "雲從科技2021年虧損多少",
        "第四範式2023年營收多少",
    ];
    let mut next = 1_i64;
    let mut ask = |n: usize, fake: &FakeTelegram| {
        for _ in 0..n {
            fake.push_text(next, 100 + next, questions[next as usize % questions.len()]);
            next += 1;
        }
    };
    ask(20, &fake);
    fake.wait_messages(20, 120).await;
    let warm = rss_kib(bot.id());
    let mut peak = warm;
    let mut injected = 0;
    let started = Instant::now();
    for wave in 1..=3 {
        for (status, n) in [(429, 2), (500, 2), (502, 1)] {
            fake.fail_next("sendmessage", n, status);
            injected += n;
        }
        fake.slow_next("sendmessage", 2, Duration::from_secs(2));
        fake.drop_next("sendmessage", 2);
        fake.fail_next("getupdates", 1, 502);
        fake.drop_next("getupdates", 2);
        fake.slow_next("getupdates", 1, Duration::from_secs(3));
        fake.fail_next("getupdates", 1, 500);
        injected += 4 + 5;
        ask(40, &fake);
        let deadline = Instant::now() + Duration::from_secs(180);
        while fake.requests("sendmessage").len() < 20 + 40 * wave || fake.faults_pending() > 0 {
            assert!(Instant::now() < deadline, "wave {wave} not answered");
            peak = peak.max(rss_kib(bot.id()));
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    let recovered = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let end = rss_kib(bot.id());
    let sent = fake.requests("sendmessage");
    let per_message = replies_per_message(&sent);
    for id in 1..next {
        assert_eq!(per_message.get(&id), Some(&1), "update {id} answered once");
    }
    assert_eq!(fake.failed(), injected as i64);
    assert!(
        sent.iter()
            .all(|m| !m["text"].as_str().unwrap().contains("問得太快")),
        "nobody refused"
    );
    eprintln!(
        "faults: {injected} injected, 120 questions answered once in {:.1}s; RSS warm {} MiB, peak {} MiB, end {} MiB",
        recovered.as_secs_f64(),
        warm / 1024,
        peak / 1024,
        end / 1024
    );
    assert!(
        peak < warm + 64 * 1024,
        "memory bounded: warm {warm} KiB, peak {peak} KiB"
    );
    kill_9(&mut bot);
}

/// Admin commands that must not run: a non-admin's `/reindex` edited in, a non-admin
/// forwarding an admin's `/reindex`, an admin forwarding one (a quote, not a command), a
/// non-admin's `/reindex@bot` in a group, and an admin's edited `/stats`. None runs; the admin's
/// own plain `/stats` afterwards does, and shows that no reindex happened.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edited_forwarded_and_group_admin_commands_are_not_run() {
    use serde_json::json;
    let corpus = tempfile::tempdir().unwrap();
    copy_dir(&shared_corpus(), corpus.path());
    let built = build(corpus.path());
    let fake = FakeTelegram::start().await;
    let data = tempfile::tempdir().unwrap();
    let state = bot_state(built.engine, data.path(), Some(corpus.path()));
    let metrics = state.metrics.clone();
    let bot = Running::start(&fake, state);
    // A new file that a reindex would pick up.
    std::fs::write(
        corpus.path().join("new.txt"),
        "新\n\n依圖2023年營收3.2億元。\n",
    )
    .unwrap();
    let user = |id: i64| json!({"id": id, "is_bot": false, "first_name": "u"});
    let private = |id: i64| json!({"id": id, "type": "private", "first_name": "u"});
    let group = json!({"id": -500, "type": "supergroup", "title": "g"});
    let message = |id: i64, from: i64, chat: serde_json::Value, text: &str| {
        json!({"message_id": id, "date": 1_700_000_000, "chat": chat, "from": user(from),
               "text": text, "entities": [{"type": "bot_command", "offset": 0,
               "length": text.split(' ').next().unwrap().chars().count()}]})
    };
    let forwarded = |mut m: serde_json::Value, original: i64| {
        m["forward_origin"] = json!({"type": "user", "date": 1_699_999_000,
                                     "sender_user": user(original)});
        m
    };
    fake.push_update(json!({"update_id": 1, "edited_message":
        message(1, 7, private(7), "/reindex")}));
    fake.push_update(json!({"update_id": 2, "message":
        forwarded(message(2, 7, private(7), "/reindex"), 99)}));
    fake.push_update(json!({"update_id": 3, "message":
        forwarded(message(3, 99, private(99), "/reindex"), 7)}));
    fake.push_update(json!({"update_id": 4, "message":
        message(4, 7, group.clone(), "/reindex@wenjin_test_bot")}));
    fake.push_update(json!({"update_id": 5, "edited_message":
        message(5, 99, private(99), "/stats")}));
    let sent = fake.wait_messages(3, 30).await;
    for m in &sent {
        assert!(
            m["text"].as_str().unwrap().contains("只限管理員"),
            "refused: {m}"
        );
    }
    fake.push_text(6, 99, "/stats");
    let sent = fake.wait_messages(4, 30).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent_after = fake.requests("sendmessage");
    assert_eq!(sent_after.len(), 4, "edits get no reply: {sent_after:#?}");
    let replied = replies_per_message(&sent);
    for id in [2, 3, 4, 6] {
        assert_eq!(replied.get(&id), Some(&1), "message {id}");
    }
    assert!(
        sent[3]["text"].as_str().unwrap().contains("articles: 1"),
        "{}",
        sent[3]["text"]
    );
    assert_eq!(
        metrics.reindexes.load(std::sync::atomic::Ordering::SeqCst),
        0
    );
    bot.stop().await;
}
