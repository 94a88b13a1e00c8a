//! Shared fixtures: the user's real article, temporary corpora and indexes.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use std::sync::Arc;

use wenjin::answer::Answerer;
use wenjin::bot::{Config, State};
use wenjin::search::{self, BuildOptions, BuildReport, Engine};
use wenjin::session::Sessions;

/// `../shared/corpus`: the user's real article (read-only).
pub fn shared_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// A writable copy of the user's article folder, for tests that add files and reindex.
pub fn copy_of_shared_corpus() -> tempfile::TempDir {
    let corpus = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(shared_corpus()).unwrap().flatten() {
        std::fs::copy(e.path(), corpus.path().join(e.file_name())).unwrap();
    }
    corpus
}

/// Bot state with sessions in `data`. With `admin_corpus`, user 99 is an admin whose
/// `/reindex` reads that folder.
pub fn bot_state(engine: Engine, data: &Path, admin_corpus: Option<&Path>) -> State {
    let config = match admin_corpus {
        Some(corpus) => Config {
            admins: vec![99],
            corpus: corpus.to_path_buf(),
            // The smallest budget the flag accepts: reindexes must work within it.
            index_memory_mb: Some(16),
        },
        None => Config::default(),
    };
    State::new(Arc::new(engine), Sessions::open(data).unwrap(), config)
}

/// The bundled sample corpus.
pub fn bundled_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A built index in a temporary folder, with the report of its build.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub engine: Engine,
    pub report: BuildReport,
}

impl Built {
    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }
}

/// Builds a real on-disk index of `corpus` in a temporary folder.
pub fn build(corpus: &Path) -> Built {
    build_in(tempfile::tempdir().expect("temp dir"), corpus)
}

/// Builds an index of records `(id, title, text)` dated 1998-01 ([`write_january`]), the
/// corpus written beside the index in the build's own temporary folder.
pub fn build_january(records: &[(&str, &str, &str)]) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).expect("corpus folder");
    write_january(&corpus, records);
    build_in(dir, &corpus)
}

/// Builds an index of `corpus` into `dir/index`.
fn build_in(dir: tempfile::TempDir, corpus: &Path) -> Built {
    let index = dir.path().join("index");
    let report = search::build(corpus, &index, &BuildOptions::default()).expect("build index");
    let engine = Engine::open(&index).expect("open index");
    Built {
        dir,
        engine,
        report,
    }
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Writes dated paragraph records of our own, `(id, date, title, text)`, as `news.jsonl` in
/// `dir`: the JSON Lines shape of People's Daily, the corpus the news tests model.
pub fn write_news(dir: &Path, records: &[(&str, &str, &str, &str)]) {
    let lines: Vec<String> = records
        .iter()
        .map(|(id, date, title, text)| {
            serde_json::json!({"id": id, "date": date, "title": title, "text": text}).to_string()
        })
        .collect();
    std::fs::write(dir.join("news.jsonl"), lines.join("\n")).unwrap();
}

/// [`write_news`] for records `(id, title, text)` all dated 1998-01, the month of People's
/// Daily the news tests model.
pub fn write_january(dir: &Path, records: &[(&str, &str, &str)]) {
    let dated: Vec<_> = records
        .iter()
        .map(|&(id, title, text)| (id, "1998-01", title, text))
        .collect();
    write_news(dir, &dated);
}

/// Asks `q` and asserts that its answer, folded (Simplified, half-width), holds `want`.
pub fn assert_answer_holds(answerer: &Answerer<'_>, q: &str, want: &str) {
    let r = answerer.ask(q).expect("the question is answered");
    let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
    assert!(answer.contains(want), "{q}: answer {answer:?}");
}

/// Writes `n` generated articles (40 paragraphs each, about made-up companies) under `dir`:
/// enough text that a reindex takes a while, and nothing that answers a real question.
pub fn write_bulk(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let body: String = (0..40)
            .map(|j| {
                format!(
                    "測試公司{i}號在{}年的營收為{}.{}億元，同比增長{}%。\n\n",
                    2000 + j % 23,
                    i + j,
                    j % 10,
                    (i * j) % 97
                )
            })
            .collect();
        std::fs::write(
            dir.join(format!("a{i:04}.txt")),
            format!("批量文章{i}\n\n{body}"),
        )
        .unwrap();
    }
}

/// The questions of `tests/questions/shared_corpus.jsonl` that `engine` answers, each with the
/// answer it gives when asked alone (what a load test expects back under load).
pub fn answered_questions(engine: &Engine) -> Vec<(String, String)> {
    let answerer = wenjin::answer::Answerer::new(engine);
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/questions/shared_corpus.jsonl");
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let q = v["question"].as_str()?.to_string();
            let a = answerer.ask(&q).ok()?.answer?;
            Some((q, a))
        })
        .collect()
}

/// The `wenjin` binary with none of its settings inherited from the environment.
pub fn wenjin_bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wenjin"));
    for var in [
        "WENJIN_CORPUS",
        "WENJIN_INDEX",
        "WENJIN_DATA",
        "TELOXIDE_TOKEN",
        "TELOXIDE_API_URL",
        "TELOXIDE_PROXY",
        "WENJIN_ADMIN_IDS",
        "WENJIN_WEBHOOK_URL",
        "WENJIN_HTTP",
        "WENJIN_TODAY",
        wenjin::search::build::PAUSE_BEFORE_COMMIT,
    ] {
        c.env_remove(var);
    }
    c.env("RUST_LOG", "info").stdin(Stdio::null());
    c
}

/// Reads a child's stderr on a thread; the returned receiver gets the instant at which a line
/// containing `needle` appeared.
pub fn watch_stderr(child: &mut Child, needle: &'static str) -> std::sync::mpsc::Receiver<Instant> {
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains(needle) {
                let _ = tx.send(Instant::now());
            }
        }
    });
    rx
}

/// `wenjin bot` on `dir/corpus`, `dir/index` and `dir/data`, with a clean environment.
pub fn bot_command(dir: &Path) -> Command {
    let mut cmd = wenjin_bin();
    cmd.arg("--corpus")
        .arg(dir.join("corpus"))
        .arg("--index")
        .arg(dir.join("index"))
        .arg("--data")
        .arg(dir.join("data"))
        .arg("bot");
    cmd
}
