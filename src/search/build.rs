//! Building and incrementally updating the index from a corpus folder.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::PreTokenizedString;
use tantivy::{doc, Index, IndexSettings, IndexWriter, TantivyDocument, Term};
use tracing::{info, warn};

use super::layout::{self, ReindexLock};
use super::manifest::{Manifest, FORMAT};
use super::report::Report;
use super::schema::{self, Fields};
use crate::corpus::load::LoadError;
use crate::corpus::{self, passages, Article, Skipped};
use crate::text::time::{resolved_years, PartialDate};
use crate::text::{analyzer, normalize};
use crate::{Error, Result};

/// Default memory for tantivy's indexing threads, in MiB: a ceiling, reached only by large
/// corpora. At 128 MiB the 369k-passage pool was flushed as 16 small segments and tantivy's
/// merges rewrote half of them (32.5 s); at 512 MiB it is written as 4 segments and never merged
/// (18.6 s, peak RSS 1.05 GB instead of 0.66 GB), and questions cost the same instructions
/// (BENCHMARKS.md). Small machines lower it with `--index-memory`.
pub const DEFAULT_INDEX_MEMORY_MB: usize = 512;
/// The range `--index-memory` accepts, in MiB. tantivy wants at least 15 MB per indexing thread
/// (fewer threads are used below 60 MiB) and less than 4 GiB per thread.
pub const INDEX_MEMORY_MB_RANGE: std::ops::RangeInclusive<usize> = 16..=4000;
/// tantivy's per-thread minimum (`MEMORY_BUDGET_NUM_BYTES_MIN`).
const PER_THREAD_MIN: usize = 15_000_000;
/// Bytes of passages compressed together in the doc store. A question reads about twenty passages
/// at random, and each read decompresses its whole block: 4 KiB blocks instead of tantivy's 16 KiB
/// cut the instructions per question by about 8% for a 3% larger index (callgrind).
const DOCSTORE_BLOCK: usize = 4096;

/// Environment variable: milliseconds to pause just before committing (a fail-point for tests
/// that kill a reindex mid-way).
pub const PAUSE_BEFORE_COMMIT: &str = "WENJIN_PAUSE_BEFORE_COMMIT_MS";

/// How to build.
#[derive(Default)]
pub struct BuildOptions<'a> {
    /// Rebuild from scratch into a new generation instead of updating the current one.
    pub full: bool,
    /// Called after each file with (files done, files total).
    pub progress: Option<&'a (dyn Fn(usize, usize) + Sync)>,
    /// Memory for the indexing threads in MiB (`None`: [`DEFAULT_INDEX_MEMORY_MB`]); clamped to
    /// [`INDEX_MEMORY_MB_RANGE`].
    pub memory_mb: Option<usize>,
}

/// The indexing memory a build uses for [`BuildOptions::memory_mb`], MiB.
pub fn index_memory_mb(memory_mb: Option<usize>) -> usize {
    memory_mb
        .unwrap_or(DEFAULT_INDEX_MEMORY_MB)
        .clamp(*INDEX_MEMORY_MB_RANGE.start(), *INDEX_MEMORY_MB_RANGE.end())
}

/// The indexing threads and their memory in bytes: one thread per core up to four (each writes
/// segments of its own), fewer when the budget cannot give each tantivy's minimum.
fn writer_budget(memory_mb: Option<usize>, cores: usize) -> (usize, usize) {
    let bytes = index_memory_mb(memory_mb) * 1024 * 1024;
    let threads = cores.clamp(1, 4).min(bytes / PER_THREAD_MIN).max(1);
    (threads, bytes)
}

/// What a build did.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct BuildReport {
    /// Files indexed for the first time.
    pub added: usize,
    /// Files whose content changed and were re-indexed.
    pub changed: usize,
    /// Files gone from the corpus whose passages were deleted.
    pub removed: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files skipped (not text, empty...), with the reason.
    pub skipped: Vec<(String, String)>,
    /// Passages written by this build.
    pub passages: usize,
    /// Articles in the index after the build.
    pub articles: usize,
    /// Bytes of text read and indexed by this build.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
}

/// Opens the generation at `dir`, creating it with wenjin's schema when empty.
pub(crate) fn open_or_create(dir: &Path) -> Result<(Index, Fields)> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let index = if dir.join("meta.json").is_file() {
        Index::open_in_dir(dir)?
    } else {
        let (schema, _) = schema::schema();
        let settings = IndexSettings {
            docstore_blocksize: DOCSTORE_BLOCK,
            ..IndexSettings::default()
        };
        Index::builder()
            .schema(schema)
            .settings(settings)
            .create_in_dir(dir)?
    };
    let fields = schema::fields_of(&index.schema()).ok_or_else(|| Error::NoIndex {
        path: dir.to_path_buf(),
        why: "its schema is not wenjin's".into(),
    })?;
    analyzer::register(&index);
    Ok((index, fields))
}

/// Adds an article's passages to the writer; returns how many.
/// `seq` is the article's place among its file's articles.
pub(crate) fn add_article(
    writer: &IndexWriter,
    f: &Fields,
    article: &Article,
    seq: u64,
    report: &mut Report,
) -> Result<usize> {
    let ps = passages(article);
    let named = report.named(article);
    let date = article.meta.date.as_deref().and_then(PartialDate::parse);
    let mut years = String::new();
    // Titled articles: the title's tokens, made once for all its passages.
    let title = (!article.title_from_text).then(|| analyzer::title_tokens(&article.meta.title));
    for (k, p) in ps.iter().enumerate() {
        // Normalized once for both tokenized fields and the fingerprint.
        let norm = normalize(&p.text);
        let mut d: TantivyDocument = doc!(
            f.doc => article.doc.as_str(),
            f.path => article.path.as_str(),
            f.hash => article.hash.as_str(),
            f.paragraph => u64::from(p.paragraph),
            f.start => u64::from(p.start),
            f.end => u64::from(p.end),
            f.windowed => u64::from(p.windowed),
            f.words => norm.as_str(),
            f.grams => norm.as_str(),
            f.text => p.text.as_str(),
            f.fingerprint => super::fingerprint::of_normalized(&norm),
            f.seq => seq,
        );
        if let Some(title) = &title {
            d.add_pre_tokenized_text(f.title, title.clone());
        } else {
            // Stored for citations with no tokens: indexing it would count the passage's
            // opening words twice (and cost a tenth of the build on untitled news).
            d.add_pre_tokenized_text(
                f.title,
                PreTokenizedString {
                    text: article.meta.title.clone(),
                    tokens: Vec::new(),
                },
            );
        }
        if k == 0 {
            d.add_text(f.lead, "1");
        }
        // The years the passage denotes without writing them in digits (去年 in a 1998 article,
        // 一九九七年) are words of it too, so that a question's year clause finds it.
        years.clear();
        for y in resolved_years(&p.text, date) {
            years.push_str(&format!("{y} "));
        }
        if !years.is_empty() {
            d.add_text(f.words, &years);
        }
        // Likewise the countries it names by their short forms (哈 for 哈萨克斯坦), and the
        // place it means by 全市.
        let refers = (p.paragraph as usize)
            .checked_sub(1)
            .and_then(|k| named.get(k))
            .map(|n| n.referred(&norm))
            .unwrap_or_default();
        if !refers.is_empty() {
            d.add_text(f.words, &refers);
            d.add_text(f.refers, &refers);
        }
        for (field, value) in [
            (f.source, &article.meta.source),
            (f.author, &article.meta.author),
            (f.date, &article.meta.date),
            (f.url, &article.meta.url),
        ] {
            if let Some(v) = value {
                d.add_text(field, v);
            }
        }
        writer.add_document(d)?;
    }
    Ok(ps.len())
}

/// Builds or updates the index in `index_dir` from the corpus folder.
///
/// Incremental unless `opts.full`: each file's content hash is compared with the one recorded at
/// the last commit; only new and changed files are read and indexed, removed files' passages are
/// deleted. The result is committed in one atomic step.
pub fn build(corpus_dir: &Path, index_dir: &Path, opts: &BuildOptions<'_>) -> Result<BuildReport> {
    let started = Instant::now();
    // jieba's dictionary takes a few hundred milliseconds to build: overlap it with listing and
    // reading the corpus instead of stalling the first indexing thread on it.
    drop(crate::text::segment::warm_up());
    let _lock = ReindexLock::acquire(index_dir)?;
    let current = layout::current(index_dir);
    if let Some(cur) = &current {
        // Generations other than the current one are left by killed full rebuilds.
        layout::remove_old_generations(index_dir, cur);
    }
    // An index of an older format is rebuilt whole: its unchanged files' documents lack what
    // this version adds (resolved years, fingerprints).
    let outdated = current.as_deref().is_some_and(Manifest::outdated);
    if outdated && !opts.full {
        info!("the index was built by an older version: rebuilding it whole");
    }
    let (generation, fresh) = match (&current, opts.full || outdated) {
        (Some(dir), false) => (dir.clone(), false),
        _ => (layout::new_generation(index_dir), true),
    };
    let (index, f) = open_or_create(&generation)?;
    let old = if fresh {
        Manifest::default()
    } else {
        Manifest::of(&index)
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (threads, heap) = writer_budget(opts.memory_mb, cores);
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, heap)?;

    let (files, listing_skips) = corpus::load::list_files(corpus_dir);
    let mut report = BuildReport::default();
    let mut manifest = Manifest {
        format: FORMAT,
        ..Manifest::default()
    };
    let total = files.len();
    for (n, path) in files.iter().enumerate() {
        let rel = corpus::load::relative(corpus_dir, path);
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                report.skipped.push((rel.clone(), e.to_string()));
                keep_old(&old, &rel, &mut manifest);
                continue;
            }
        };
        let hash = corpus::load::content_hash(&bytes);
        let previous = old.files.get(&rel);
        if previous == Some(&hash) {
            report.unchanged += 1;
            keep_old(&old, &rel, &mut manifest);
        } else {
            if previous.is_some() {
                writer.delete_term(Term::from_field_text(f.path, &rel));
            }
            let outcome = if bytes.len() as u64 > corpus::load::MAX_FILE_BYTES {
                Err(LoadError::Skipped("file too large".to_string()))
            } else {
                let mut seq = 0;
                let mut named = Report::default();
                corpus::load::each_article(&rel, &bytes, &hash, |a| {
                    report.passages += add_article(&writer, &f, &a, seq, &mut named)?;
                    seq += 1;
                    report.bytes += a.paragraphs.iter().map(|p| p.len() as u64).sum::<u64>();
                    Ok(())
                })
            };
            match outcome {
                Ok(articles) => {
                    if previous.is_some() {
                        report.changed += 1;
                    } else {
                        report.added += 1;
                    }
                    manifest.files.insert(rel.clone(), hash);
                    manifest.articles.insert(rel.clone(), articles);
                }
                Err(LoadError::Sink(e)) => return Err(e),
                Err(LoadError::Skipped(reason)) => {
                    if previous.is_some() {
                        report.removed += 1;
                    }
                    warn!(file = %rel, %reason, "skipped");
                    report.skipped.push((rel.clone(), reason));
                }
            }
        }
        if let Some(p) = opts.progress {
            p(n + 1, total);
        }
    }
    for Skipped { path, reason } in listing_skips {
        warn!(file = %path, %reason, "skipped");
        report.skipped.push((path, reason));
    }
    for gone in old
        .files
        .keys()
        .filter(|p| !manifest.files.contains_key(*p))
    {
        if !report.skipped.iter().any(|(p, _)| p == gone) {
            report.removed += 1;
        }
        writer.delete_term(Term::from_field_text(f.path, gone));
    }
    report.articles = manifest.articles.values().sum();

    if let Some(ms) = std::env::var(PAUSE_BEFORE_COMMIT)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        info!(ms, "pausing before commit ({PAUSE_BEFORE_COMMIT})");
        std::thread::sleep(Duration::from_millis(ms));
    }
    let payload = serde_json::to_string(&manifest).map_err(|e| Error::Corrupt(e.to_string()))?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    writer.wait_merging_threads()?;
    copy_aliases(corpus_dir, &generation);
    if fresh {
        layout::switch(index_dir, &generation)?;
        layout::remove_old_generations(index_dir, &generation);
    }
    report.elapsed = started.elapsed();
    info!(
        added = report.added,
        changed = report.changed,
        removed = report.removed,
        unchanged = report.unchanged,
        skipped = report.skipped.len(),
        passages = report.passages,
        elapsed_ms = report.elapsed.as_millis() as u64,
        "index updated"
    );
    Ok(report)
}

fn keep_old(old: &Manifest, rel: &str, manifest: &mut Manifest) {
    if let Some(h) = old.files.get(rel) {
        manifest.files.insert(rel.to_string(), h.clone());
        manifest
            .articles
            .insert(rel.to_string(), old.articles.get(rel).copied().unwrap_or(1));
    }
}

/// Copies the corpus's alias file next to the index (atomically), so that aliases change exactly
/// when the index does.
fn copy_aliases(corpus_dir: &Path, generation: &Path) {
    let src = corpus_dir.join(layout::ALIASES);
    let dst = generation.join(layout::ALIASES);
    match std::fs::read(&src) {
        Ok(bytes) => {
            let tmp = generation.join("aliases.toml.tmp");
            if std::fs::write(&tmp, bytes)
                .and_then(|_| std::fs::rename(&tmp, &dst))
                .is_err()
            {
                warn!(file = %src.display(), "could not copy the alias file next to the index");
            }
        }
        Err(_) => {
            // The corpus has no alias file (any more): an old copy must not outlive it.
            if let Err(e) = std::fs::remove_file(&dst) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    warn!(file = %dst.display(), error = %e, "could not remove the old alias file next to the index");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_budget_gives_each_thread_tantivys_minimum() {
        // The default: four threads at most, 512 MiB shared.
        assert_eq!(writer_budget(None, 2), (2, 512 << 20));
        assert_eq!(writer_budget(None, 16), (4, 512 << 20));
        // A small budget drops threads rather than failing in tantivy.
        let (threads, bytes) = writer_budget(Some(40), 4);
        assert_eq!(threads, 2);
        assert!(bytes / threads >= PER_THREAD_MIN);
        // Out-of-range values are clamped to what tantivy accepts.
        let (threads, bytes) = writer_budget(Some(1), 4);
        assert_eq!((threads, bytes), (1, 16 << 20));
        let (_, bytes) = writer_budget(Some(1 << 20), 1);
        assert_eq!(bytes, 4000 << 20);
        assert!(bytes < u32::MAX as usize);
    }
}
