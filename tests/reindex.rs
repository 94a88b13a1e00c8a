//! Reindexing while answering: crash safety (kill -9 mid-way) and readers following a switch.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use wenjin::answer::Answerer;
use wenjin::search::{self, BuildOptions, Engine};

use crate::common::{copy_dir, shared_corpus, watch_stderr};

/// Starts `wenjin index` in a child process paused just before its commit (the fail-point), and
/// kills it with SIGKILL while it is certainly mid-reindex.
fn kill_reindex_midway(corpus: &std::path::Path, index: &std::path::Path, full: bool) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wenjin"));
    cmd.arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .arg("index");
    if full {
        cmd.arg("--full");
    }
    let mut child = cmd
        .env(search::build::PAUSE_BEFORE_COMMIT, "30000")
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the child reports that it is paused before the commit (it holds the lock).
    watch_stderr(&mut child, "pausing before commit")
        .recv_timeout(Duration::from_secs(60))
        .expect("the reindex reached the fail-point");
    assert!(
        matches!(
            search::build(corpus, index, &BuildOptions::default()),
            Err(wenjin::Error::ReindexBusy)
        ),
        "the child holds the reindex lock while paused"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

#[test]
fn a_reindex_killed_midway_leaves_the_old_index_serving_and_the_next_one_succeeds() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    copy_dir(&shared_corpus(), &corpus);
    search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    let before = Engine::open(&index).unwrap().snapshot().num_passages();

    // Change the corpus, then kill an incremental and a full reindex mid-way.
    std::fs::write(
        corpus.join("extra.txt"),
        "補充\n\n雲從科技2023年虧損6.5億元。\n",
    )
    .unwrap();
    for full in [false, true] {
        kill_reindex_midway(&corpus, &index, full);
        let engine = Engine::open(&index).expect("the previous index still opens");
        assert_eq!(
            engine.snapshot().num_passages(),
            before,
            "nothing half-written is served"
        );
        let r = Answerer::new(&engine).ask("商湯2022年虧損多少").unwrap();
        assert!(r.answer.unwrap_or_default().contains("60億"));
    }

    let report = search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    assert_eq!((report.added, report.unchanged), (1, 1), "{report:?}");
    let engine = Engine::open(&index).unwrap();
    let r = Answerer::new(&engine)
        .ask("雲從科技2023年虧損多少")
        .unwrap();
    assert!(r.answer.unwrap_or_default().contains("6.5億元"));
}

#[test]
fn an_open_engine_follows_reindexes_without_failed_questions() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    copy_dir(&shared_corpus(), &corpus);
    search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    let engine = std::sync::Arc::new(Engine::open(&index).unwrap());

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let asker = {
        let (engine, stop) = (engine.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut asked = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let r = Answerer::new(&engine)
                    .ask("商湯2022年虧損多少")
                    .expect("no failed question");
                assert!(r.answer.expect("no empty answer").contains("60億"));
                asked += 1;
            }
            asked
        })
    };
    std::fs::write(
        corpus.join("new.txt"),
        "新聞\n\n依圖科技2023年營收3.2億元。\n",
    )
    .unwrap();
    search::build(
        &corpus,
        &index,
        &BuildOptions {
            full: true,
            ..Default::default()
        },
    )
    .unwrap();
    // Within seconds, the running engine serves the new content.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let r = Answerer::new(&engine)
            .ask("依圖科技2023年營收多少")
            .unwrap();
        if r.answer.as_deref().is_some_and(|a| a.contains("3.2億元")) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the new generation was not picked up"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let asked = asker.join().unwrap();
    assert!(asked > 0);
}

#[test]
fn watch_reindexes_when_the_corpus_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    copy_dir(&shared_corpus(), &corpus);
    search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    let engine = std::sync::Arc::new(Engine::open(&index).unwrap());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn(wenjin::search::watch::watch(
        corpus.clone(),
        engine.clone(),
        Duration::from_millis(200),
        Some(64),
    ));
    std::thread::sleep(Duration::from_millis(400));
    std::fs::write(
        corpus.join("watched.txt"),
        "新稿\n\n曠視科技2023年營收12.5億元。\n",
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let r = Answerer::new(&engine)
            .ask("曠視科技2023年營收多少")
            .unwrap();
        if r.answer.as_deref().is_some_and(|a| a.contains("12.5億元")) {
            break;
        }
        assert!(Instant::now() < deadline, "the change was not picked up");
        std::thread::sleep(Duration::from_millis(100));
    }
}
