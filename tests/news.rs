//! The own news question sets over People's Daily of January 1998 (issue 23): `news.jsonl`,
//! never fitted on, and the development sets `news_dev.jsonl` and `news_dev2.jsonl` (near
//! misses that must be refused); floors just under the measured figures, so regressions fail.
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

/// Floors of one question set: top-1, answer, refused, and the least number of answerable and
/// unanswerable questions it must hold.
struct Floors {
    file: &'static str,
    top1: f64,
    answer: f64,
    refused: f64,
    answerable: usize,
    unanswerable: usize,
}

/// `news.jsonl`, never fitted on. Measured 2026-12-05 (`wenjin eval --questions
/// tests/questions/news.jsonl --corpus DIR`): top-1 0.852 (104 of 122 answerable), answer 0.705
/// (86 of 122), refused 0.897 (35 of 39); before issue 23 0.557, 0.361 and 0.641. Each floor sits
/// two questions under its figure (a float tie can flip one between index builds). Raise them
/// when the figures rise.
const NEWS: Floors = Floors {
    file: "tests/questions/news.jsonl",
    top1: 0.83,
    answer: 0.68,
    refused: 0.84,
    answerable: 100,
    unanswerable: 30,
};

/// `news_dev.jsonl`, the development set whose failures were looked at (so fitted): top-1
/// 0.870 (80 of 92), answer 0.859 (79 of 92), refused 0.967 (29 of 30); floors two questions
/// under (refused one).
const NEWS_DEV: Floors = Floors {
    file: "tests/questions/news_dev.jsonl",
    top1: 0.84,
    answer: 0.83,
    refused: 0.93,
    answerable: 90,
    unanswerable: 30,
};

/// `news_dev2.jsonl`, the refusal development set (fitted too): top-1 0.950 (19 of 20), answer
/// 0.850 (17 of 20), refused 0.975 (39 of 40; 0.950 before the twenty-first pass); floors two
/// questions under.
const NEWS_DEV2: Floors = Floors {
    file: "tests/questions/news_dev2.jsonl",
    top1: 0.85,
    answer: 0.74,
    refused: 0.92,
    answerable: 20,
    unanswerable: 40,
};

/// `news_dev3.jsonl`, written by someone who never ran the bot and measured once before the
/// sixth pass (answer 0.564 with its fixed golds), then fitted: top-1 0.945 (52 of 55), answer
/// 0.855 (47 of 55), refused 0.920 (23 of 25); floors two questions under.
const NEWS_DEV3: Floors = Floors {
    file: "tests/questions/news_dev3.jsonl",
    top1: 0.89,
    answer: 0.81,
    refused: 0.84,
    answerable: 55,
    unanswerable: 25,
};

/// `news_dev4.jsonl`, who/where/when questions written by someone who never ran the bot,
/// measured once before the eighth pass (top-1 0.800, answer 0.475, refused 0.750), then
/// fitted: top-1 0.900 (36 of 40), answer 0.825 (33 of 40) since the twenty-first pass (one
/// first citation and answer lost to 海口 read as a name), refused 0.850 (17 of 20) since the
/// twenty-sixth; floors two questions under.
const NEWS_DEV4: Floors = Floors {
    file: "tests/questions/news_dev4.jsonl",
    top1: 0.85,
    answer: 0.77,
    refused: 0.75,
    answerable: 40,
    unanswerable: 20,
};

/// `news_dev5.jsonl`, written like `news.jsonl` (most of it quantities, a third without an
/// answer) by someone who never ran the bot, measured once before the tenth pass (top-1 0.891,
/// answer 0.600, refused 0.840), then fitted: top-1 0.891 (49 of 55), answer 0.818 (45 of 55),
/// refused 0.920 (23 of 25); floors two questions under.
const NEWS_DEV5: Floors = Floors {
    file: "tests/questions/news_dev5.jsonl",
    top1: 0.85,
    answer: 0.78,
    refused: 0.84,
    answerable: 55,
    unanswerable: 25,
};

/// `news_dev6.jsonl`, written like `news_dev5.jsonl` with more who/where/when questions by
/// someone who never ran the bot, measured once before the eleventh pass (top-1 0.793, answer
/// 0.552, refused 0.818), then fitted: top-1 0.828 (48 of 58), answer 0.741 (43 of 58), refused
/// 0.864 (19 of 22); floors two questions under.
const NEWS_DEV6: Floors = Floors {
    file: "tests/questions/news_dev6.jsonl",
    top1: 0.79,
    answer: 0.70,
    refused: 0.77,
    answerable: 58,
    unanswerable: 22,
};

/// `news_dev7.jsonl`, 60 questions by someone who never ran the bot, measured once before the
/// last change of the twelfth pass (top-1 0.881, answer 0.690, refused 0.833), then fitted:
/// top-1 0.905 (38 of 42), answer 0.786 (33 of 42), refused 0.944 (17 of 18); the nineteenth
/// pass gained an answer and a first citation: top-1 0.929 (39 of 42), answer 0.810 (34 of
/// 42); the twenty-first one more answer (0.833, 35 of 42). Floors two questions under.
const NEWS_DEV7: Floors = Floors {
    file: "tests/questions/news_dev7.jsonl",
    top1: 0.88,
    answer: 0.78,
    refused: 0.83,
    answerable: 42,
    unanswerable: 18,
};

/// `news_dev8.jsonl`, 60 questions by someone who never ran the bot, measured before the
/// thirteenth pass and after it without its failures being read (both top-1 0.905 (38 of 42),
/// answer 0.810 (34 of 42), refused 0.889 (16 of 18)); read in the fifteenth, which cost an
/// answer and a refusal: answer 0.786 (33 of 42), refused 0.833 (15 of 18); the seventeenth
/// refused two more: 0.944 (17 of 18); the eighteenth gained an answer and a first citation:
/// top-1 0.929 (39 of 42), answer 0.810 (34 of 42); the twentieth gained an answer and a
/// refusal: answer 0.833 (35 of 42), refused 1.000 (18 of 18). Floors two questions under.
const NEWS_DEV8: Floors = Floors {
    file: "tests/questions/news_dev8.jsonl",
    top1: 0.88,
    answer: 0.78,
    refused: 0.88,
    answerable: 42,
    unanswerable: 18,
};

/// `news_dev9.jsonl`, 60 questions by someone who never ran the bot, measured once before the
/// fifteenth pass (top-1 0.929, answer 0.548, refused 0.833), then fitted: top-1 0.929 (39 of
/// 42), answer 0.786 (33 of 42), refused 0.833 (15 of 18); the nineteenth pass gained an
/// answer and a first citation: top-1 0.952 (40 of 42), answer 0.833 (35 of 42). Floors two
/// questions under.
const NEWS_DEV9: Floors = Floors {
    file: "tests/questions/news_dev9.jsonl",
    top1: 0.90,
    answer: 0.78,
    refused: 0.72,
    answerable: 42,
    unanswerable: 18,
};

/// `news_dev10.jsonl`, 60 questions by someone who never ran the bot, measured once before the
/// sixteenth pass (top-1 1.000, answer 0.762, refused 1.000; 0.810 once the matcher took 三场
/// for a figure), then fitted: top-1 1.000, answer 0.929 (39 of 42), refused 1.000; floors two
/// questions under (one for refusals).
const NEWS_DEV10: Floors = Floors {
    file: "tests/questions/news_dev10.jsonl",
    top1: 0.95,
    answer: 0.88,
    refused: 0.88,
    answerable: 42,
    unanswerable: 18,
};

/// `news_dev11.jsonl`, 60 common-topic questions by someone who never ran the bot, measured
/// once before the seventeenth pass (top-1 0.932, answer 0.750, refused 0.875), then fitted:
/// top-1 0.932 (41 of 44), answer 0.909 (40 of 44; 0.864 before the twenty-third pass),
/// refused 0.938 (15 of 16; 0.875 before the twenty-first pass); floors two questions under.
const NEWS_DEV11: Floors = Floors {
    file: "tests/questions/news_dev11.jsonl",
    top1: 0.88,
    answer: 0.86,
    refused: 0.81,
    answerable: 44,
    unanswerable: 16,
};

/// `news_dev12.jsonl`, 60 paraphrased questions by someone who never ran the bot, measured
/// once before the eighteenth pass (top-1 0.857, answer 0.524, refused 0.889), then fitted:
/// top-1 0.905 (38 of 42), answer 0.738 (31 of 42), refused 0.889 (16 of 18); the twentieth
/// pass refused one more, 0.944 (17 of 18); floors two questions under.
const NEWS_DEV12: Floors = Floors {
    file: "tests/questions/news_dev12.jsonl",
    top1: 0.85,
    answer: 0.69,
    refused: 0.83,
    answerable: 42,
    unanswerable: 18,
};

/// `news_dev13.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the nineteenth pass (top-1 0.913, answer 0.652, refused 1.000; 0.935 and 0.674 once two
/// where-golds also listed the place alone), then fitted: top-1 0.957 (44 of 46), answer 0.870
/// (40 of 46; 0.848 before the twenty-third pass), refused 1.000 (14 of 14); floors two
/// questions under.
const NEWS_DEV13: Floors = Floors {
    file: "tests/questions/news_dev13.jsonl",
    top1: 0.91,
    answer: 0.82,
    refused: 0.85,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev14.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twentieth pass (top-1 0.848, answer 0.609, refused 0.786), then fitted: top-1
/// 0.870 (40 of 46; 0.913 at the twentieth pass's end), answer 0.804 (37 of 46), refused 0.857
/// (12 of 14); floors two questions under.
const NEWS_DEV14: Floors = Floors {
    file: "tests/questions/news_dev14.jsonl",
    top1: 0.82,
    answer: 0.76,
    refused: 0.71,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev15.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-first pass (top-1 0.870, answer 0.609, refused 0.857), then fitted: top-1
/// 0.978 (45 of 46), answer 0.848 (39 of 46), refused 0.929 (13 of 14); floors two questions
/// under.
const NEWS_DEV15: Floors = Floors {
    file: "tests/questions/news_dev15.jsonl",
    top1: 0.93,
    answer: 0.80,
    refused: 0.78,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev16.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-second pass (top-1 0.826, answer 0.630, refused 0.786), then fitted: top-1
/// 0.848 (39 of 46), answer 0.739 (34 of 46), refused 0.857 (12 of 14); floors two questions
/// under.
const NEWS_DEV16: Floors = Floors {
    file: "tests/questions/news_dev16.jsonl",
    top1: 0.80,
    answer: 0.69,
    refused: 0.71,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev17.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-third pass (top-1 0.848, answer 0.717, refused 0.929), then fitted: top-1
/// 0.870 (40 of 46), answer 0.826 (38 of 46), refused 0.929 (13 of 14); floors two questions
/// under.
const NEWS_DEV17: Floors = Floors {
    file: "tests/questions/news_dev17.jsonl",
    top1: 0.82,
    answer: 0.78,
    refused: 0.78,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev18.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-fourth pass (top-1 0.826, answer 0.630, refused 1.000), then fitted: top-1
/// 0.826 (38 of 46), answer 0.761 (35 of 46), refused 1.000 (14 of 14); floors two questions
/// under.
const NEWS_DEV18: Floors = Floors {
    file: "tests/questions/news_dev18.jsonl",
    top1: 0.78,
    answer: 0.71,
    refused: 0.85,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev19.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-fifth pass (top-1 0.891, answer 0.739, refused 0.643), then fitted: top-1
/// 0.891 (41 of 46), answer 0.848 (39 of 46), refused 1.000 (14 of 14); floors two questions
/// under.
const NEWS_DEV19: Floors = Floors {
    file: "tests/questions/news_dev19.jsonl",
    top1: 0.84,
    answer: 0.80,
    refused: 0.85,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev20.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-sixth pass's rules (top-1 0.913, answer 0.696, refused 0.714), then fitted:
/// top-1 0.913 (42 of 46), answer 0.783 (36 of 46), refused 1.000 (14 of 14); floors two
/// questions under.
const NEWS_DEV20: Floors = Floors {
    file: "tests/questions/news_dev20.jsonl",
    top1: 0.86,
    answer: 0.73,
    refused: 0.85,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev21.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-seventh pass read it (top-1 0.913, answer 0.696, refused 0.929), then
/// fitted: top-1 0.913 (42 of 46), answer 0.783 (36 of 46), refused 1.000 (14 of 14); floors
/// two questions under.
const NEWS_DEV21: Floors = Floors {
    file: "tests/questions/news_dev21.jsonl",
    top1: 0.86,
    answer: 0.73,
    refused: 0.85,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev22.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// before the twenty-eighth pass read it (top-1 0.935, answer 0.609, refused 0.857), then
/// fitted: top-1 0.935 (43 of 46), answer 0.761 (35 of 46), refused 0.929 (13 of 14); floors
/// two questions under.
const NEWS_DEV22: Floors = Floors {
    file: "tests/questions/news_dev22.jsonl",
    top1: 0.89,
    answer: 0.71,
    refused: 0.78,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev23.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// at 7e0ef3e before the twenty-ninth pass read it (top-1 0.891, answer 0.717, refused 0.857),
/// then fitted: top-1 0.913 (42 of 46), answer 0.848 (39 of 46), refused 0.929 (13 of 14);
/// floors two questions under.
const NEWS_DEV23: Floors = Floors {
    file: "tests/questions/news_dev23.jsonl",
    top1: 0.86,
    answer: 0.80,
    refused: 0.78,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev24.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// at 70763e1 before the thirtieth pass read it (top-1 0.870, answer 0.587, refused 0.857),
/// then fitted: top-1 0.870 (40 of 46), answer 0.674 (31 of 46), refused 0.929 (13 of 14);
/// floors two questions under.
const NEWS_DEV24: Floors = Floors {
    file: "tests/questions/news_dev24.jsonl",
    top1: 0.82,
    answer: 0.63,
    refused: 0.78,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev25.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// at 6c2b606 before the thirty-first pass read it: top-1 0.870 (40 of 46), answer 0.674 (31 of
/// 46), refused 1.000 (14 of 14); floors two questions under.
const NEWS_DEV25: Floors = Floors {
    file: "tests/questions/news_dev25.jsonl",
    top1: 0.82,
    answer: 0.63,
    refused: 0.85,
    answerable: 46,
    unanswerable: 14,
};

/// `news_dev26.jsonl`, 60 user-style questions by someone who never ran the bot, measured once
/// at edf8b35 before the thirty-second pass read it: top-1 0.891 (41 of 46), answer 0.739 (34 of
/// 46), refused 0.643 (9 of 14); floors two questions under.
const NEWS_DEV26: Floors = Floors {
    file: "tests/questions/news_dev26.jsonl",
    top1: 0.84,
    answer: 0.69,
    refused: 0.49,
    answerable: 46,
    unanswerable: 14,
};

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
    let start = Instant::now();
    let b = build(&corpus);
    let built = start.elapsed();
    for floors in [
        NEWS, NEWS_DEV, NEWS_DEV2, NEWS_DEV3, NEWS_DEV4, NEWS_DEV5, NEWS_DEV6, NEWS_DEV7,
        NEWS_DEV8, NEWS_DEV9, NEWS_DEV10, NEWS_DEV11, NEWS_DEV12, NEWS_DEV13, NEWS_DEV14,
        NEWS_DEV15, NEWS_DEV16, NEWS_DEV17, NEWS_DEV18, NEWS_DEV19, NEWS_DEV20, NEWS_DEV21,
        NEWS_DEV22, NEWS_DEV23, NEWS_DEV24, NEWS_DEV25, NEWS_DEV26,
    ] {
        let items =
            read_questions(&Path::new(env!("CARGO_MANIFEST_DIR")).join(floors.file)).unwrap();
        let asked = Instant::now();
        let records = eval::score(&b.engine, &items, System::Wenjin).unwrap();
        let r = QuestionsReport::from_records(&records);
        eprintln!(
            "{}: {r:?} (index {:.1} s, questions {:.1} s)",
            floors.file,
            built.as_secs_f64(),
            asked.elapsed().as_secs_f64()
        );
        assert_eq!(r.questions, items.len());
        assert!(
            r.answerable >= floors.answerable && r.unanswerable >= floors.unanswerable,
            "{r:?}"
        );
        let name = floors.file;
        assert!(
            r.top1 >= floors.top1,
            "{name}: top-1 {:.3} < {}",
            r.top1,
            floors.top1
        );
        assert!(
            r.answer >= floors.answer,
            "{name}: answer {:.3} < {}",
            r.answer,
            floors.answer
        );
        assert!(
            r.refused >= floors.refused,
            "{name}: refused {:.3} < {}",
            r.refused,
            floors.refused
        );
        // A refused question never carries an answer.
        assert!(records
            .iter()
            .filter(|x| x.found == Some(false))
            .all(|x| x.answer.is_none() && !x.answer_ok));
    }
}
