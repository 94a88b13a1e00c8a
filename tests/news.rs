//! The own news question set (`tests/questions/news.jsonl`, issue 23) over People's Daily of
//! January 1998: floors just under the measured figures, so regressions fail.
//!
//! The corpus is not in the repository: `../shared/tools/get_corpus.py` downloads it (pip) into
//! the target folder once. Where python3 or the download is missing (CI without pip) the test
//! says so loudly on stderr and passes, unless `WENJIN_REQUIRE_NEWS=1` asks for it to fail.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use wenjin::eval::{self, read_questions, QuestionsReport, System};

use crate::common::build;

/// The cargo target folder: `CARGO_TARGET_DIR` when set, else the one this test binary is in
/// (`<target>/debug/deps/tests-…`).
fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Whether a previous download finished: the file holds all 19,484 paragraphs (a download cut
/// short leaves fewer, and is then made again).
fn complete(file: &Path) -> bool {
    std::fs::read_to_string(file).is_ok_and(|t| t.lines().count() >= 19_484)
}

/// The folder holding `pd199801.jsonl`, downloaded into the target folder on first use (never
/// into `../shared`), or why it could not be had.
fn news_corpus() -> Result<PathBuf, String> {
    let out = target_dir().join("news-corpus");
    let corpus = out.join("corpus");
    if complete(&corpus.join("pd199801.jsonl")) {
        return Ok(corpus);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/get_corpus.py");
    if !script.is_file() {
        return Err(format!("{} is missing", script.display()));
    }
    let run = Command::new("python3")
        .arg(&script)
        .args(["--only", "pd199801", "--out"])
        .arg(&out)
        .output()
        .map_err(|e| format!("python3 could not be run: {e}"))?;
    if !run.status.success() || !complete(&corpus.join("pd199801.jsonl")) {
        return Err(format!(
            "get_corpus.py failed ({}): {}",
            run.status,
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    Ok(corpus)
}

/// Measured (2026-12-02, with issue 23's dates, names, paraphrases and reposts, debug build,
/// `wenjin eval --questions tests/questions/news.jsonl --corpus DIR`): top-1 0.754 (92 of 122
/// answerable), answer 0.492 (60 of 122), refused 0.641 (25 of 39); before them 0.557, 0.361 and
/// 0.641. Each floor sits two questions under its figure (a float tie can flip one between index
/// builds). Raise them when the figures rise.
const TOP1_FLOOR: f64 = 0.73;
const ANSWER_FLOOR: f64 = 0.47;
const REFUSED_FLOOR: f64 = 0.58;

#[test]
fn news_questions_stay_above_their_floors() {
    let corpus = match news_corpus() {
        Ok(c) => c,
        Err(why) => {
            if std::env::var("WENJIN_REQUIRE_NEWS").as_deref() == Ok("1") {
                panic!("the news corpus is required (WENJIN_REQUIRE_NEWS=1): {why}");
            }
            // Straight to the process's stderr: the test harness captures `eprintln!` of a
            // passing test, and this must be seen.
            let _ = std::io::stderr().write_all(
                format!(
                    "\n!!!!!!!!!! NEWS QUESTION SET SKIPPED: no People's Daily corpus: {why}\n\
                     !!!!!!!!!! (set WENJIN_REQUIRE_NEWS=1 to make this a failure)\n\n"
                )
                .as_bytes(),
            );
            return;
        }
    };
    let items =
        read_questions(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/questions/news.jsonl"))
            .unwrap();
    assert!(items.len() >= 130, "{} questions", items.len());
    let start = Instant::now();
    let b = build(&corpus);
    let built = start.elapsed();
    let records = eval::score(&b.engine, &items, System::Wenjin).unwrap();
    let r = QuestionsReport::from_records(&records);
    eprintln!(
        "news set: {r:?} (index {:.1} s, questions {:.1} s)",
        built.as_secs_f64(),
        (start.elapsed() - built).as_secs_f64()
    );
    assert_eq!(r.questions, items.len());
    assert!(r.answerable >= 100 && r.unanswerable >= 30, "{r:?}");
    assert!(r.top1 >= TOP1_FLOOR, "top-1 {:.3} < {TOP1_FLOOR}", r.top1);
    assert!(
        r.answer >= ANSWER_FLOOR,
        "answer {:.3} < {ANSWER_FLOOR}",
        r.answer
    );
    assert!(
        r.refused >= REFUSED_FLOOR,
        "refused {:.3} < {REFUSED_FLOOR}",
        r.refused
    );
    // A refused question never carries an answer.
    assert!(records
        .iter()
        .filter(|x| x.found == Some(false))
        .all(|x| x.answer.is_none() && !x.answer_ok));
}
