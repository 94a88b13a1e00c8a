//! The `wenjin` binary as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::shared_corpus;

fn wenjin(index: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wenjin"));
    c.arg("--corpus")
        .arg(shared_corpus())
        .arg("--index")
        .arg(index);
    c.env_remove("WENJIN_CORPUS")
        .env_remove("WENJIN_INDEX")
        .env("RUST_LOG", "warn");
    c
}

#[test]
fn ask_builds_the_index_on_first_use_and_prints_citations() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = wenjin(&index)
        .args(["ask", "商湯2022年虧損多少"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("60億"), "{text}");
    assert!(
        text.contains("[1]") && text.contains("騰訊新聞") && text.contains("第4段"),
        "{text}"
    );
    assert!(text.contains("【"), "matched words are marked: {text}");
    assert!(index.join("CURRENT").is_file());
}

/// An index an older wenjin built (here one whose schema lacks a field this version reads) is
/// rebuilt by the first command that opens it, not reported as unreadable.
#[test]
fn ask_rebuilds_an_index_an_older_wenjin_built() {
    use tantivy::schema::{Schema, STORED};
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let old = index.join("gen-old");
    std::fs::create_dir_all(&old).unwrap();
    let mut schema = Schema::builder();
    schema.add_text_field("text", STORED);
    schema.add_u64_field("fingerprint", STORED);
    tantivy::Index::create_in_dir(&old, schema.build()).unwrap();
    std::fs::write(index.join("CURRENT"), "gen-old").unwrap();
    let out = wenjin(&index)
        .args(["ask", "商湯2022年虧損多少"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("60億"), "{text}");
    let current = std::fs::read_to_string(index.join("CURRENT")).unwrap();
    assert_ne!(current.trim(), "gen-old");
}

#[test]
fn ask_json_prints_one_object() {
    let dir = tempfile::tempdir().unwrap();
    let out = wenjin(&dir.path().join("index"))
        .args(["ask", "--json", "商汤2022年亏损多少"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["question"], "商汤2022年亏损多少");
    assert!(
        v["answer"].as_str().unwrap().contains("60億"),
        "answer stays in the passage's script"
    );
    assert_eq!(v["found"], true);
    let c = &v["citations"][0];
    for key in [
        "rank",
        "doc",
        "title",
        "source",
        "author",
        "date",
        "url",
        "paragraph",
        "text",
        "score",
    ] {
        assert!(c.get(key).is_some(), "citation lacks {key}: {c}");
    }
    assert_eq!(c["rank"], 1);
    assert_eq!(c["doc"], "000_33f8e1aecbe930a6.txt");
    assert!(c["url"].is_null() && c["date"].is_null());
}

#[test]
fn ask_json_batch_answers_every_line_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let long = "商".repeat(5000);
    let input = format!("商湯2022年虧損多少\n\n😀\n{long}\n商汤2022年亏损多少\n");
    let mut child = wenjin(&index)
        .args(["ask", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0]["answer"].as_str().unwrap().contains("60億"));
    assert!(lines[1]["answer"].is_null() && lines[1]["error"].is_string());
    assert!(lines[2]["answer"].is_null() && lines[2]["error"].is_string());
    assert!(lines[3]["error"].is_string());
    assert_eq!(lines[4]["question"], "商汤2022年亏损多少");
}

#[test]
fn index_reports_counts_and_chat_answers_follow_ups() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = wenjin(&index).args(["index", "--json"]).output().unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["added"], 1);

    let mut child = wenjin(&index)
        .arg("chat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("商湯2022年虧損多少\n2021年研發費用多少\n/quit\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("60億"), "{text}");
    assert!(text.contains("36.14億元"), "{text}");
}

#[test]
fn help_lists_the_subcommands() {
    let out = Command::new(env!("CARGO_BIN_EXE_wenjin"))
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for cmd in ["index", "ask", "chat"] {
        assert!(text.contains(cmd), "{text}");
    }
}

#[test]
fn index_memory_is_bounded_and_a_small_budget_still_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    // Below tantivy's per-thread minimum: refused with the flag's range, nothing built.
    let out = wenjin(&index)
        .args(["--index-memory", "8", "index"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--index-memory") && err.contains("16"),
        "{err}"
    );
    assert!(!index.exists());
    // The environment variable sets the same, and the smallest budget builds a whole index.
    let out = wenjin(&index)
        .env("WENJIN_INDEX_MEMORY", "16")
        .args(["index", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["added"], 1);
    let out = wenjin(&index)
        .args(["ask", "--json", "商湯2022年虧損多少"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("60億"));
}

#[test]
fn every_command_ends_quietly_when_its_reader_has_gone() {
    // `wenjin … | head -c 1`: the reader closes the pipe before wenjin writes. Each command
    // stops with success and says nothing, instead of panicking in `println!`.
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let questions = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/questions/shared_corpus.jsonl");
    let questions = questions.to_str().unwrap();
    let work = dir.path().join("bench");
    let work = work.to_str().unwrap();
    let runs: [&[&str]; 8] = [
        &["index"],
        &["index", "--json"],
        &["ask", "商湯2022年虧損多少"],
        &["ask", "--json"],
        &["explain", "商湯2022年虧損多少"],
        &["chat"],
        &["eval", "--questions", questions, "--limit", "3"],
        &["bench", "--work", work],
    ];
    for args in runs {
        let mut child = wenjin(&index)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Gone before the command has finished opening or building its index.
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().unwrap();
        let lines = "商湯2022年虧損多少\n2021年研發費用多少\n";
        if let Err(e) = stdin.write_all(lines.as_bytes()) {
            // A command that reads no input may have ended already; its status is checked below.
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{args:?}");
        }
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe") && !err.contains("wenjin:"),
            "{args:?}: {err}"
        );
    }
}

/// A one-shot HTTP server that answers its first request with `reply`; its address.
fn one_reply(reply: &'static str) -> std::net::SocketAddr {
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 1024];
        assert!(stream.read(&mut request).unwrap() > 0);
        stream.write_all(reply.as_bytes()).unwrap();
    });
    addr
}

#[test]
fn health_succeeds_on_200_only_and_says_why_not() {
    let health = |url: String| {
        Command::new(env!("CARGO_BIN_EXE_wenjin"))
            .args(["health", &url])
            .output()
            .unwrap()
    };
    let ok = one_reply("HTTP/1.1 200 OK\r\ncontent-length: 3\r\nconnection: close\r\n\r\nok\n");
    let out = health(format!("http://{ok}/healthz"));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "HTTP/1.1 200 OK\n");

    let sick = one_reply("HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n");
    let out = health(format!("http://{sick}/healthz"));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "HTTP/1.1 503 Service Unavailable\n"
    );

    // A redirect is not health.
    let moved = one_reply("HTTP/1.1 302 Found\r\nlocation: /\r\ncontent-length: 0\r\n\r\n");
    assert_eq!(
        health(format!("http://{moved}/healthz")).status.code(),
        Some(1)
    );

    // Nobody listening: a failure that names the cause.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let out = health(format!("http://{closed}/healthz"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wenjin: ") && err.contains("refused"), "{err}");

    let out = health("https://127.0.0.1/healthz".into());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only http://"));
}
