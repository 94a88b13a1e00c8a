//! `wenjin bench`: indexing throughput split by stage, question latency percentiles, memory and
//! index size, measured in-process on one corpus (JSON Lines or a folder) and a question set.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::answer::{clauses, Answerer, CITATIONS};
use crate::corpus::{self, passages};
use crate::eval::squad_to_corpus;
use crate::search::{self, BuildOptions, Engine, IndexIo};
use crate::text::{grams, normalize, segment::jieba, words};
use crate::{Error, Result};

/// What one benchmark run measured.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// Articles indexed.
    pub articles: usize,
    /// Passages indexed.
    pub passages: usize,
    /// Megabytes of passage text.
    pub megabytes: f64,
    /// Reading and parsing the corpus files, seconds.
    pub read_s: f64,
    /// Normalization of every passage and its title (single thread), seconds.
    pub normalize_s: f64,
    /// Word and gram segmentation of every normalized passage, and word segmentation of its
    /// title (single thread), seconds.
    pub segment_s: f64,
    /// Bare jieba-rs `cut` over the passages' text (single thread, titles left out): the physical
    /// floor, seconds.
    pub bare_jieba_s: f64,
    /// The whole `wenjin index` build (both cores), seconds.
    pub index_s: f64,
    /// CPU time of the whole build, all threads, seconds.
    pub index_cpu_s: f64,
    /// tantivy's share of that CPU time (postings, term dictionaries, doc store, commit, merges),
    /// seconds: the build's CPU time less the stages timed above (reading, normalization,
    /// segmentation), which the build does once each. An upper estimate: on two busy cores the
    /// stages run slower inside the build than alone (a perf profile of the news build puts
    /// about two thirds of its CPU samples in tantivy's code, where this gives four fifths).
    pub tantivy_cpu_s: f64,
    /// tantivy_cpu_s / 2 cores / bare_jieba_s: the least index_s / bare_jieba_s could be on two
    /// cores if reading, normalizing and segmenting cost nothing at all.
    pub tantivy_floor_ratio: f64,
    /// Index build throughput, MB/s.
    pub index_mb_per_s: f64,
    /// Index build throughput, passages/s.
    pub index_passages_per_s: f64,
    /// index_s / bare_jieba_s.
    pub ratio_to_bare_jieba: f64,
    /// Index size on disk, MB.
    pub index_mb: f64,
    /// Index size per MB of text.
    pub index_mb_per_text_mb: f64,
    /// Opening the built index (without jieba), milliseconds.
    pub open_ms: f64,
    /// Questions asked.
    pub questions: usize,
    /// Question-to-answer latency percentiles in milliseconds (p50, p95, p99).
    pub latency_ms: [f64; 3],
    /// The same latency counted in the asking thread's CPU time (p50, p95, p99, ms): on a
    /// shared machine, wall time also counts the time other tenants hold the core, which swings
    /// a p50 by a third between runs of one build; CPU time compares two builds more steadily.
    pub cpu_latency_ms: [f64; 3],
    /// Questions per second, one thread.
    pub questions_per_s: f64,
    /// Retrieval alone, the work the Python peers' query does: the question parsed, its clauses
    /// searched, the five best passages read from the store. The second (warm) pass over the
    /// questions: latency p50, p95, p99 in ms.
    pub retrieval_latency_ms: [f64; 3],
    /// Retrievals per second in the warm pass, one thread.
    pub retrievals_per_s: f64,
    /// The same retrieval, first (cold) pass, timed right after the index is opened and before
    /// anything else reads it, as the peers' first pass is: latency p50, p95, p99 in ms.
    pub retrieval_cold_latency_ms: [f64; 3],
    /// Retrievals per second in the cold pass, one thread.
    pub retrievals_cold_per_s: f64,
    /// Peak resident memory of this process so far, MB (VmHWM).
    pub peak_rss_mb: f64,
    /// Resident memory after serving the questions, MB (VmRSS).
    pub rss_mb: f64,
    /// How the index was read while the questions were asked.
    pub index_io: IndexIo,
    /// The build's memory ceiling, MiB.
    pub index_memory_mb: usize,
    /// Full answers where the reader runs: the same questions against their own SQuAD
    /// paragraphs (`None` without SQuAD files). On the benchmark corpus most questions are not
    /// found, so `latency_ms` there mostly times the not-found path.
    pub answered: Option<AnsweredReport>,
}

/// Answer latency on a pool that answers its questions: every paragraph of the SQuAD files
/// whose questions are asked, indexed on their own.
#[derive(Debug, Clone, Serialize)]
pub struct AnsweredReport {
    /// Passages in that pool.
    pub passages: usize,
    /// Questions asked there (the benchmark's questions).
    pub questions: usize,
    /// Questions answered (`found`).
    pub answered: usize,
    /// answered / questions.
    pub answered_share: f64,
    /// Question-to-answer latency on the answered questions, p50, p95, p99 in ms.
    pub latency_ms: [f64; 3],
    /// The same over every question asked there, answered or not, p50, p95, p99 in ms.
    pub all_latency_ms: [f64; 3],
}

/// Reads a field of /proc/self/status in MB.
pub fn proc_status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU time this process has used so far, all threads, user and system, in seconds.
fn process_cpu_s() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct we pass and reads nothing else.
    let usage = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut u) != 0 {
            return 0.0;
        }
        u
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Questions from SQuAD-format files (`data[].paragraphs[].qas[].question`), up to `limit`
/// from each file.
pub fn squad_questions(files: &[PathBuf], limit: usize) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
        let v: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| Error::Corrupt(format!("{}: {e}", f.display())))?;
        let mut n = 0;
        'outer: for d in v["data"].as_array().into_iter().flatten() {
            for p in d["paragraphs"].as_array().into_iter().flatten() {
                for qa in p["qas"].as_array().into_iter().flatten() {
                    if let Some(q) = qa["question"].as_str() {
                        out.push(q.to_string());
                        n += 1;
                        if n >= limit {
                            break 'outer;
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

/// p50, p95 and p99 of sorted durations, in milliseconds.
fn percentiles(sorted: &[Duration]) -> [f64; 3] {
    [0.5, 0.95, 0.99].map(|p| percentile(sorted, p))
}

/// CPU time the calling thread has used so far (zero where the clock cannot be read).
fn thread_cpu() -> Duration {
    // SAFETY: clock_gettime writes into the zeroed struct we pass and reads nothing else.
    let ts = unsafe {
        let mut ts: libc::timespec = std::mem::zeroed();
        if libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) != 0 {
            return Duration::ZERO;
        }
        ts
    };
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

/// Per-question timings of one pass, each sorted.
struct Timings {
    /// Wall time.
    wall: Vec<Duration>,
    /// The asking thread's CPU time.
    cpu: Vec<Duration>,
    /// The whole pass, wall seconds.
    total_s: f64,
}

/// Times `f` on every question.
fn timed(questions: &[String], mut f: impl FnMut(&str) -> Result<()>) -> Result<Timings> {
    let mut wall = Vec::with_capacity(questions.len());
    let mut cpu = Vec::with_capacity(questions.len());
    let t = Instant::now();
    for q in questions {
        let (s, c) = (Instant::now(), thread_cpu());
        f(q)?;
        cpu.push(thread_cpu().saturating_sub(c));
        wall.push(s.elapsed());
    }
    let total_s = t.elapsed().as_secs_f64();
    wall.sort();
    cpu.sort();
    Ok(Timings { wall, cpu, total_s })
}

/// Answer latency on the paragraphs of the `squad` files, asking the first `limit` questions
/// of each (the questions [`squad_questions`] gives); the pool is built under `work`.
pub fn answered(
    squad: &[PathBuf],
    limit: usize,
    work: &Path,
    io: IndexIo,
    memory_mb: Option<usize>,
) -> Result<AnsweredReport> {
    let corpus_dir = work.join("answered-corpus");
    let mut items = Vec::new();
    for (i, f) in squad.iter().enumerate() {
        // squad_to_corpus names its file squad.jsonl; one folder per SQuAD file keeps them apart.
        let part = corpus_dir.join(format!("{i}"));
        let mut got = squad_to_corpus(f, &part)?;
        got.truncate(limit);
        items.extend(got);
    }
    let index_dir = work.join("answered-index");
    remove_previous_index(&index_dir);
    let report = search::build(&corpus_dir, &index_dir, &full_build(memory_mb))?;
    let engine = Engine::open_with(&index_dir, io)?;
    let snap = engine.snapshot();
    let mut found = Vec::new();
    let questions: Vec<String> = items.into_iter().map(|i| i.question).collect();
    let all = timed(&questions, |q| {
        let s = Instant::now();
        let r = Answerer::at(&snap).ask(q)?;
        if r.found {
            found.push(s.elapsed());
        }
        Ok(())
    })?;
    found.sort();
    Ok(AnsweredReport {
        passages: report.passages,
        questions: questions.len(),
        answered: found.len(),
        answered_share: found.len() as f64 / questions.len().max(1) as f64,
        latency_ms: percentiles(&found),
        all_latency_ms: percentiles(&all.wall),
    })
}

/// Runs the benchmark: `corpus` is a folder (any supported files); the index goes to `work`.
pub fn run(
    corpus_dir: &Path,
    work: &Path,
    questions: &[String],
    io: IndexIo,
    memory_mb: Option<usize>,
) -> Result<BenchReport> {
    jieba(); // Build the dictionary before timing anything.
    let t = Instant::now();
    let loaded = corpus::load_dir(corpus_dir)?;
    let read_s = t.elapsed().as_secs_f64();
    // Each passage is indexed with its article's title (the `title` field, jieba words).
    let (titles, texts): (Vec<&str>, Vec<String>) = loaded
        .articles
        .iter()
        .flat_map(|a| {
            passages(a)
                .into_iter()
                .map(move |p| (a.meta.title.as_str(), p.text))
        })
        .unzip();
    let bytes: usize = texts.iter().map(String::len).sum();

    let t = Instant::now();
    let normalized: Vec<(String, String)> = titles
        .iter()
        .zip(&texts)
        .map(|(title, text)| (normalize(title), normalize(text)))
        .collect();
    let normalize_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut pieces = 0usize;
    for (title, text) in &normalized {
        pieces += words(title).len() + words(text).len() + grams(text).len();
    }
    let segment_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut cut = 0usize;
    for s in &texts {
        cut += jieba().cut(s, true).len();
    }
    let bare_jieba_s = t.elapsed().as_secs_f64();
    std::hint::black_box((pieces, cut));
    drop(normalized);

    let index_dir = work.join("index");
    // A full build starts a new generation anyway; removing an earlier run's index first keeps
    // the index size measured below to this build's files. None there is the usual case.
    remove_previous_index(&index_dir);
    let t = Instant::now();
    let cpu = process_cpu_s();
    let report = search::build(corpus_dir, &index_dir, &full_build(memory_mb))?;
    let index_s = t.elapsed().as_secs_f64();
    let index_cpu_s = process_cpu_s() - cpu;
    let tantivy_cpu_s = (index_cpu_s - read_s - normalize_s - segment_s).max(0.0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;

    let t = Instant::now();
    let engine = Engine::open_with(&index_dir, io)?;
    let open_ms = t.elapsed().as_secs_f64() * 1000.0;
    let snap = engine.snapshot();
    // Retrieval before anything else reads the index: a cold pass, then the same questions in
    // the same order again (warm), as the peers are timed.
    let retrieve = |q: &str| {
        if let Some(parsed) = crate::answer::regional::parse(&snap, q) {
            std::hint::black_box(snap.search(&clauses(&parsed, &snap), CITATIONS)?);
        }
        Ok(())
    };
    let cold = timed(questions, retrieve)?;
    let retrieval = timed(questions, retrieve)?;
    let asked = timed(questions, |q| Answerer::at(&snap).ask(q).map(drop))?;
    let mb = bytes as f64 / 1e6;
    let index_mb = crate::search::layout::dir_size(&index_dir) as f64 / 1e6;
    Ok(BenchReport {
        articles: loaded.articles.len(),
        passages: report.passages,
        megabytes: mb,
        read_s,
        normalize_s,
        segment_s,
        bare_jieba_s,
        index_s,
        index_cpu_s,
        tantivy_cpu_s,
        tantivy_floor_ratio: tantivy_cpu_s / cores / bare_jieba_s.max(1e-9),
        index_mb_per_s: mb / index_s.max(1e-9),
        index_passages_per_s: report.passages as f64 / index_s.max(1e-9),
        ratio_to_bare_jieba: index_s / bare_jieba_s.max(1e-9),
        index_mb,
        index_mb_per_text_mb: index_mb / mb.max(1e-9),
        open_ms,
        questions: questions.len(),
        latency_ms: percentiles(&asked.wall),
        cpu_latency_ms: percentiles(&asked.cpu),
        questions_per_s: questions.len() as f64 / asked.total_s.max(1e-9),
        retrieval_latency_ms: percentiles(&retrieval.wall),
        retrievals_per_s: questions.len() as f64 / retrieval.total_s.max(1e-9),
        retrieval_cold_latency_ms: percentiles(&cold.wall),
        retrievals_cold_per_s: questions.len() as f64 / cold.total_s.max(1e-9),
        peak_rss_mb: proc_status_mb("VmHWM:"),
        rss_mb: proc_status_mb("VmRSS:"),
        index_io: io,
        index_memory_mb: search::index_memory_mb(memory_mb),
        answered: None,
    })
}

/// Removes an index an earlier run left in `index_dir`, so that what is measured is this run's
/// build alone; none there is the usual case, and one that cannot be removed is logged.
fn remove_previous_index(index_dir: &Path) {
    match std::fs::remove_dir_all(index_dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            tracing::warn!(path = %index_dir.display(), error = %e, "could not remove the previous benchmark index");
        }
        _ => {}
    }
}

/// A full, silent build within `memory_mb`.
fn full_build(memory_mb: Option<usize>) -> BuildOptions<'static> {
    BuildOptions {
        full: true,
        progress: None,
        memory_mb,
    }
}
