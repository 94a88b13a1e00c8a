//! Command-line flags, parsed once into typed values.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use wenjin::search::{self, IndexIo};
use wenjin::text::time::PartialDate;

use crate::cmd;

/// 問津 wenjin: answers questions about a corpus of Chinese articles with cited passages.
#[derive(Debug, Parser)]
#[command(name = "wenjin", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub paths: Paths,
    /// Log as JSON lines (for containers); the level comes from RUST_LOG.
    #[arg(long, global = true, env = "WENJIN_LOG_JSON")]
    pub log_json: bool,
    /// The date (YYYY-MM-DD) questions' 今年/去年/前年 are read against; default: the system
    /// date. Set it for an archive: over a 1998 corpus, 去年 otherwise means the year before
    /// today, which the archive does not reach.
    #[arg(long, global = true, env = "WENJIN_TODAY", value_parser = parse_today)]
    pub today: Option<PartialDate>,
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

/// `--today` / `WENJIN_TODAY`: exactly YYYY-MM-DD (clap names the flag and the value on error).
fn parse_today(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse_ymd(s)
}

impl Paths {
    /// The indexing memory as the library takes it.
    pub fn index_memory_mb(&self) -> Option<usize> {
        usize::try_from(self.index_memory).ok()
    }
}

// The subcommands; each one's flags and its work are in its module under `cmd/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update the index from the corpus (incremental).
    Index(cmd::index::Args),
    /// Answer a question (or, with --json and no question, one question per stdin line).
    Ask(cmd::ask::Args),
    /// A console conversation, one question per line (same logic as the bot).
    Chat,
    /// Run the Telegram bot (long polling, or a webhook with --webhook-url). Needs
    /// TELOXIDE_TOKEN; admins in WENJIN_ADMIN_IDS.
    Bot(cmd::bot::Args),
    /// Measure retrieval and answer accuracy on a SQuAD file or an own question file.
    Eval(cmd::eval::Args),
    /// Measure indexing throughput, question latency, memory and index size (see BENCHMARKS.md).
    Bench(cmd::bench::Args),
    /// Check a running bot's health endpoint (for Docker's HEALTHCHECK): exit 0 when it answers 200.
    Health(cmd::health::Args),
    /// Show how a question is understood, retrieved, ranked and answered (for admins).
    Explain(cmd::explain::Args),
}

impl Command {
    /// True for the commands that keep answering questions (and so should keep their resident
    /// memory low) rather than run one batch job to its end.
    pub fn serves(&self) -> bool {
        matches!(
            self,
            Command::Ask(_) | Command::Chat | Command::Bot(_) | Command::Explain(_)
        )
    }
}
