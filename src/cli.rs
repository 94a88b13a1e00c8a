//! Command-line flags, parsed once into typed values.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use wenjin::search::{self, IndexIo};

/// 問津 wenjin: answers questions about a corpus of Chinese articles with cited passages.
#[derive(Debug, Parser)]
#[command(name = "wenjin", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub paths: Paths,
    /// Log as JSON lines (for containers); the level comes from RUST_LOG.
    #[arg(long, global = true, env = "WENJIN_LOG_JSON")]
    pub log_json: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// Where the corpus, the index and the data live, and how the index is read.
#[derive(Debug, Args, Clone)]
pub struct Paths {
    /// Corpus folder (articles: .txt, .md, .jsonl, .json; aliases.toml).
    #[arg(long, global = true, env = "WENJIN_CORPUS", default_value = "corpus")]
    pub corpus: PathBuf,
    /// Index folder.
    #[arg(long, global = true, env = "WENJIN_INDEX", default_value = "index")]
    pub index: PathBuf,
    /// Data folder for sessions and caches (bot and chat only).
    #[arg(long, global = true, env = "WENJIN_DATA", default_value = "data")]
    pub data: PathBuf,
    /// How a serving process reads the index: `read` copies postings and stored passages in
    /// with pread (a smaller resident set), `mmap` maps every file (see BENCHMARKS.md).
    #[arg(long, global = true, env = "WENJIN_INDEX_IO", default_value = "read")]
    pub index_io: IndexIo,
    /// Memory for building the index, in MiB (16 to 4000). Lower it on small machines: a large
    /// corpus is then written as more segments that tantivy merges, so indexing takes longer.
    #[arg(long, global = true, env = "WENJIN_INDEX_MEMORY",
          default_value_t = search::DEFAULT_INDEX_MEMORY_MB as u64,
          value_parser = clap::value_parser!(u64).range(
              *search::INDEX_MEMORY_MB_RANGE.start() as u64..=*search::INDEX_MEMORY_MB_RANGE.end() as u64))]
    pub index_memory: u64,
}

impl Paths {
    /// The indexing memory as the library takes it.
    pub fn index_memory_mb(&self) -> Option<usize> {
        usize::try_from(self.index_memory).ok()
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update the index from the corpus (incremental).
    Index {
        /// Rebuild from scratch into a new generation, then switch to it.
        #[arg(long)]
        full: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Answer a question (or, with --json and no question, one question per stdin line).
    Ask {
        /// Print JSON (one object; JSON Lines in batch mode).
        #[arg(long)]
        json: bool,
        /// The question.
        question: Option<String>,
    },
    /// A console conversation, one question per line (same logic as the bot).
    Chat,
    /// Run the Telegram bot (long polling, or a webhook with --webhook-url). Needs
    /// TELOXIDE_TOKEN; admins in WENJIN_ADMIN_IDS.
    Bot {
        /// Public HTTPS URL Telegram should post updates to (webhook mode).
        #[arg(long, env = "WENJIN_WEBHOOK_URL")]
        webhook_url: Option<String>,
        /// Address the webhook server listens on.
        #[arg(long, env = "WENJIN_WEBHOOK_LISTEN", default_value = "0.0.0.0:8443")]
        webhook_listen: std::net::SocketAddr,
        /// Serve /healthz and /metrics on this address (a listener of its own).
        #[arg(long, env = "WENJIN_HTTP")]
        http: Option<std::net::SocketAddr>,
        /// Reindex when the corpus folder changes (checked every 2 seconds).
        #[arg(long, env = "WENJIN_WATCH")]
        watch: bool,
    },
    /// Measure retrieval and answer accuracy on a SQuAD file or an own question file.
    Eval(EvalArgs),
    /// Measure indexing throughput, question latency, memory and index size (see BENCHMARKS.md).
    Bench {
        /// Folder to put the benchmark index in (default: a temporary folder, removed at the
        /// end).
        #[arg(long)]
        work: Option<PathBuf>,
        /// SQuAD-format files whose questions are asked (e.g. ../shared/eval/DRCD_dev.json).
        #[arg(long = "squad")]
        squad: Vec<PathBuf>,
        /// Questions taken from each SQuAD file.
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a running bot's health endpoint (for Docker's HEALTHCHECK): exit 0 when it answers 200.
    Health {
        /// The URL of the endpoint.
        #[arg(default_value = "http://127.0.0.1:8080/healthz")]
        url: String,
    },
    /// Show how a question is understood, retrieved, ranked and answered (for admins).
    Explain {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// The question.
        question: String,
    },
}

impl Command {
    /// True for the commands that keep answering questions (and so should keep their resident
    /// memory low) rather than run one batch job to its end.
    pub fn serves(&self) -> bool {
        matches!(
            self,
            Command::Ask { .. } | Command::Chat | Command::Bot { .. } | Command::Explain { .. }
        )
    }
}

/// What `wenjin eval` measures and where it writes its details.
#[derive(Debug, Args)]
pub struct EvalArgs {
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
    /// Print one JSON object {"questions","top1","top5","em","f1"}.
    #[arg(long)]
    pub json: bool,
    /// Also write how each question went to FILE (JSON Lines: question, kind, answer,
    /// answers, top1, top5, em, f1, reader_score), for finding what to fix.
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
