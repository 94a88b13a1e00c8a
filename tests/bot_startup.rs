//! `wenjin bot` as an operator starts it: the real binary, configured only through its flags and
//! environment (TELOXIDE_TOKEN, TELOXIDE_API_URL, WENJIN_ADMIN_IDS), against the fake Bot API.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bot_command, bundled_corpus, copy_dir};
use crate::fake_telegram::FakeTelegram;

/// A token shaped like a real one (teloxide redacts only what looks like a token).
const TOKEN: &str = "7357735773:AAHsecretsecretsecretsecretsecret12";
const SECRET: &str = "AAHsecretsecretsecretsecretsecret12";

/// `wenjin bot` with temporary folders and a clean environment plus `env`.
fn wenjin_bot(dir: &Path, env: &[(&str, &str)]) -> Command {
    let mut cmd = bot_command(dir);
    cmd.env_remove("RUST_LOG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

#[test]
fn without_a_token_the_bot_explains_what_to_set_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = wenjin_bot(dir.path(), &[]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("TELOXIDE_TOKEN") && !err.contains("panicked"),
        "{err}"
    );
    assert!(
        !dir.path().join("index").exists(),
        "nothing built without a token"
    );
}

#[test]
fn a_bad_admin_id_or_api_url_stops_start_up_with_a_message_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = wenjin_bot(
        dir.path(),
        &[
            ("TELOXIDE_TOKEN", TOKEN),
            ("WENJIN_ADMIN_IDS", "12, 34,@alice"),
        ],
    )
    .output()
    .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("@alice") && !err.contains("panicked"), "{err}");
    assert!(!err.contains(SECRET), "{err}");

    let out = wenjin_bot(
        dir.path(),
        &[("TELOXIDE_TOKEN", TOKEN), ("TELOXIDE_API_URL", "not a url")],
    )
    .output()
    .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("TELOXIDE_API_URL") && !err.contains("panicked"),
        "{err}"
    );
}

/// The full start-up path: the index is built on first use, the command list registered, a
/// question answered through TELOXIDE_API_URL, Ctrl-C stops it cleanly, and the token appears
/// nowhere in a debug-level log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_builds_its_index_registers_commands_answers_and_stops_on_ctrl_c() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundled_corpus(), &dir.path().join("corpus"));
    let log = std::fs::File::create(dir.path().join("stderr.log")).unwrap();
    let mut child = wenjin_bot(
        dir.path(),
        &[
            ("TELOXIDE_TOKEN", TOKEN),
            ("TELOXIDE_API_URL", &fake.url),
            ("WENJIN_ADMIN_IDS", "99"),
            ("RUST_LOG", "debug,tantivy=info"),
        ],
    )
    .stdout(Stdio::null())
    .stderr(log)
    .spawn()
    .unwrap();
    let pid = child.id().to_string();
    // Kill the child if an assertion fails below.
    struct Reap(std::process::Child);
    impl Drop for Reap {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    let deadline = Instant::now() + Duration::from_secs(60);
    while fake.requests("setmycommands").is_empty() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "the bot exited ({status}): {}",
                std::fs::read_to_string(dir.path().join("stderr.log")).unwrap()
            );
        }
        assert!(Instant::now() < deadline, "setMyCommands never called");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut child = Reap(child);
    let commands: Vec<String> = fake.requests("setmycommands")[0]["commands"]
        .as_array()
        .unwrap()
        .iter()
        // teloxide sends "/start"; Telegram accepts the slash.
        .map(|c| {
            c["command"]
                .as_str()
                .unwrap()
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    for c in [
        "start", "help", "ask", "new", "sources", "stats", "reindex", "explain",
    ] {
        assert!(commands.iter().any(|x| x == c), "{c} in {commands:?}");
    }
    // The commands are registered while the index is built (the two overlap), and the first
    // question is answered once it is there.
    fake.push_text(1, 7, "商湯2022年虧損多少");
    fake.push_text(2, 99, "/stats");
    let sent = fake.wait_messages(2, 60).await;
    let text = |chat: i64| {
        sent.iter()
            .find(|m| m["chat_id"] == chat)
            .and_then(|m| m["text"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert!(text(7).contains("60億"), "{}", text(7));
    assert!(
        dir.path().join("index").join("CURRENT").exists(),
        "the index was built on first use"
    );
    assert!(
        text(99).contains("articles:"),
        "admin from WENJIN_ADMIN_IDS: {}",
        text(99)
    );

    let status = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.0.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "Ctrl-C did not stop the bot");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let log = std::fs::read_to_string(dir.path().join("stderr.log")).unwrap();
    assert!(status.success(), "{status}: {log}");
    assert!(!log.contains("panicked"), "{log}");
    assert!(!log.contains(SECRET), "the token leaked into the log");
    assert!(
        dir.path().join("data").exists(),
        "sessions live under --data"
    );
}

/// Waits for `child` to exit within `secs`.
async fn exit_within(child: &mut std::process::Child, secs: u64) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the bot did not stop within {secs} s");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `docker stop` sends SIGTERM (and a PID 1 without a handler ignores it): the bot stops
/// cleanly on it, both while it is still waiting for Telegram and while it is polling.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_bot_while_waiting_for_telegram_and_while_polling() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundled_corpus(), &dir.path().join("corpus"));
    let term = |pid: u32| {
        assert!(Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap()
            .success());
    };

    // Telegram unreachable: the bot retries getMe until told to stop.
    let log_path = dir.path().join("unreachable.log");
    let mut child = wenjin_bot(
        dir.path(),
        &[
            ("TELOXIDE_TOKEN", TOKEN),
            ("TELOXIDE_API_URL", "http://127.0.0.1:9/"),
        ],
    )
    .stdout(Stdio::null())
    .stderr(std::fs::File::create(&log_path).unwrap())
    .spawn()
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !std::fs::read_to_string(&log_path)
        .unwrap()
        .contains("cannot reach Telegram")
    {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{}", std::fs::read_to_string(&log_path).unwrap());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    term(child.id());
    let status = exit_within(&mut child, 10).await;
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(status.success(), "{status}: {log}");
    assert!(
        !log.contains(SECRET),
        "the token leaked into the log: {log}"
    );

    // Polling the fake Bot API.
    let fake = FakeTelegram::start().await;
    let mut child = wenjin_bot(
        dir.path(),
        &[("TELOXIDE_TOKEN", TOKEN), ("TELOXIDE_API_URL", &fake.url)],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while fake.requests("setmycommands").is_empty() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("setMyCommands never called");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    fake.push_text(1, 7, "商湯2022年虧損多少");
    fake.wait_messages(1, 30).await;
    term(child.id());
    let status = exit_within(&mut child, 20).await;
    assert!(status.success(), "{status}");
}

/// Webhook mode: the bot registers its URL and secret with setWebhook, answers updates that
/// carry Telegram's secret-token header, and refuses (401) posts without it or with another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_mode_registers_and_only_accepts_updates_with_the_secret() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundled_corpus(), &dir.path().join("corpus"));
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let hook = format!("http://{listen}/telegram");
    let mut child = wenjin_bot(
        dir.path(),
        &[
            ("TELOXIDE_TOKEN", TOKEN),
            ("TELOXIDE_API_URL", &fake.url),
            ("WENJIN_WEBHOOK_SECRET", "s3cret-Token_1"),
        ],
    )
    .args(["--webhook-url", &hook, "--webhook-listen", &listen])
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while fake.requests("setwebhook").is_empty() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("setWebhook never called");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let registered = &fake.requests("setwebhook")[0];
    assert_eq!(registered["url"], hook.as_str());
    assert_eq!(registered["secret_token"], "s3cret-Token_1");

    let update = |id: i64| {
        serde_json::json!({"update_id": id, "message": {
            "message_id": id, "date": 1_700_000_000,
            "chat": {"id": 7, "type": "private", "first_name": "u"},
            "from": {"id": 7, "is_bot": false, "first_name": "u"},
            "text": "商湯2022年虧損多少"}})
    };
    let client = reqwest::Client::new();
    let post = |id: i64, secret: Option<&'static str>| {
        let mut req = client.post(&hook).json(&update(id));
        if let Some(s) = secret {
            req = req.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        req.send()
    };
    // The listener may still be starting.
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        match post(1, Some("s3cret-Token_1")).await {
            Ok(r) => break r.status(),
            Err(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Err(e) => {
                let _ = child.kill();
                panic!("webhook listener not reachable: {e}");
            }
        }
    };
    assert_eq!(status, 200);
    assert_eq!(post(2, None).await.unwrap().status(), 401);
    assert_eq!(post(3, Some("guess")).await.unwrap().status(), 401);
    let sent = fake.wait_messages(1, 30).await;
    assert!(sent[0]["text"].as_str().unwrap().contains("60億"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        fake.requests("sendmessage").len(),
        1,
        "updates without the secret are not answered"
    );
    assert!(Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let status = exit_within(&mut child, 20).await;
    assert!(status.success(), "{status}");
}
