//! `wenjin eval`: retrieval and answer accuracy on a SQuAD file or an own question file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use wenjin::eval::{self, EvalReport, QuestionsReport, System};

use crate::cli::Paths;
use crate::out;

/// What `wenjin eval` measures and where it writes its details.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// SQuAD-format file (DRCD, CMRC 2018); every paragraph is indexed as a passage.
    #[arg(long, conflicts_with = "questions")]
    pub squad: Option<PathBuf>,
    /// JSON Lines distractor articles added to the SQuAD pool.
    #[arg(long)]
    pub distractors: Vec<PathBuf>,
    /// Own questions (JSON Lines {"question", "answers"}), asked against --corpus.
    #[arg(long)]
    pub questions: Option<PathBuf>,
    /// Score the baseline instead of wenjin: plain BM25 over jieba words.
    #[arg(long, value_parser = ["jieba-bm25"])]
    pub baseline: Option<String>,
    /// Only the first N questions.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Print one JSON object: {"questions","top1","top5","em","f1"} for --squad;
    /// {"questions","answerable","unanswerable","top1","top5","answer","refused",
    /// "false_refusals"} for --questions.
    #[arg(long)]
    pub json: bool,
    /// Also write how each question went to FILE (JSON Lines: question, kind, answer,
    /// answers, top1, top5, em, f1, answer_ok, reader_score, found), for finding what to fix.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Also write the reader's candidate spans with their labels to FILE (training data
    /// for scripts/train_reader.py).
    #[arg(long, value_name = "FILE")]
    pub spans: Option<PathBuf>,
    /// Also write the reranker's candidate passages with their labels to FILE (training data
    /// for scripts/train_rerank.py).
    #[arg(long, value_name = "FILE")]
    pub passages: Option<PathBuf>,
}

/// Scores every question and prints the figures; `--report`, `--spans` and `--passages`
/// write the details to files.
pub fn run(paths: &Paths, args: Args) -> Result<ExitCode> {
    let Args {
        squad,
        distractors,
        questions,
        baseline,
        limit,
        json,
        report: report_file,
        spans,
        passages,
    } = args;
    let baseline = baseline.is_some();
    let dumps = eval::Dumps {
        spans: spans.as_deref(),
        passages: passages.as_deref(),
    };
    let distractors = &distractors[..];
    let system = if baseline {
        System::JiebaBm25
    } else {
        System::Wenjin
    };
    let own = questions.is_some() && squad.is_none();
    let records = match (squad, questions) {
        (Some(f), _) => eval::squad(&f, distractors, limit, system, dumps)
            .with_context(|| format!("evaluating {}", f.display()))?,
        (None, Some(f)) => eval::questions(&f, &paths.corpus, limit, system, dumps)
            .with_context(|| format!("evaluating {}", f.display()))?,
        (None, None) => anyhow::bail!("give --squad FILE or --questions FILE"),
    };
    if let Some(path) = report_file {
        let mut lines = String::new();
        for r in &records {
            lines.push_str(&serde_json::to_string(r)?);
            lines.push('\n');
        }
        std::fs::write(&path, lines).with_context(|| format!("writing {}", path.display()))?;
    }
    let tag = if baseline {
        " (baseline: jieba BM25)"
    } else {
        ""
    };
    if own {
        print_own(&QuestionsReport::from_records(&records), json, tag)?;
    } else {
        print_squad(&EvalReport::from_records(&records), json, tag)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The SQuAD figures: top-1, top-5, EM, F1.
fn print_squad(report: &EvalReport, json: bool, tag: &str) -> Result<()> {
    if json {
        out::line(serde_json::to_string(report)?)?;
    } else {
        out::line(format_args!(
            "{} questions · top-1 {:.3} · top-5 {:.3} · EM {:.3} · F1 {:.3}{tag}",
            report.questions, report.top1, report.top5, report.em, report.f1,
        ))?;
    }
    Ok(())
}

/// An own set's figures: passages and answers over the answerable questions, refusals over the
/// others (definitions in docs/evaluation.md).
fn print_own(report: &QuestionsReport, json: bool, tag: &str) -> Result<()> {
    if json {
        out::line(serde_json::to_string(report)?)?;
    } else {
        out::line(format_args!(
            "{} questions ({} answerable, {} without an answer) · top-1 {:.3} · top-5 {:.3} · \
             answer {:.3} · refused {:.3} · false refusals {:.3}{tag}",
            report.questions,
            report.answerable,
            report.unanswerable,
            report.top1,
            report.top5,
            report.answer,
            report.refused,
            report.false_refusals,
        ))?;
    }
    Ok(())
}
