//! Walking a corpus folder and reading every supported file.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tracing::warn;

use super::{article, date, decode, html, json, Article};

/// Files larger than this are skipped: they are not articles.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Extensions wenjin reads.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl", "json"];

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file, relative to the corpus folder.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What loading a folder produced.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Articles read, in path order.
    pub articles: Vec<Article>,
    /// Files skipped with the reason.
    pub skipped: Vec<Skipped>,
    /// Bytes of text read.
    pub bytes: u64,
}

/// True when `path` has an extension wenjin reads.
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The hash that incremental reindexing compares.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Lists the supported files under `root` (recursively, sorted), not following links that lead
/// outside it. Unreadable entries are reported as skipped.
pub fn list_files(root: &Path) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| relative(root, p)).unwrap_or_default();
                skipped.push(Skipped {
                    path,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_file() || !is_supported(entry.path()) {
            continue;
        }
        if entry.path_is_symlink() || entry.depth() > 0 {
            let inside = entry
                .path()
                .canonicalize()
                .map(|p| p.starts_with(&canonical_root))
                .unwrap_or(false);
            if !inside {
                skipped.push(Skipped {
                    path: relative(root, entry.path()),
                    reason: "symbolic link to a file outside the corpus folder".into(),
                });
                continue;
            }
        }
        files.push(entry.into_path());
    }
    (files, skipped)
}

/// The path of `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads one file into its articles (several for JSON Lines). `Err` says why it was skipped.
pub fn load_file(root: &Path, path: &Path) -> Result<Vec<Article>, String> {
    let rel = relative(root, path);
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!("larger than {} MB", MAX_FILE_BYTES / 1024 / 1024));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    load_bytes(&rel, &bytes)
}

/// Reads articles from the bytes of a file named `rel` (relative to the corpus folder).
pub fn load_bytes(rel: &str, bytes: &[u8]) -> Result<Vec<Article>, String> {
    let mut articles = Vec::new();
    let read = each_article(rel, bytes, &content_hash(bytes), |a| {
        articles.push(a);
        Ok::<(), std::convert::Infallible>(())
    });
    match read {
        Ok(_) => Ok(articles),
        Err(LoadError::Skipped(why)) => Err(why),
        Err(LoadError::Sink(never)) => match never {},
    }
}

/// Why [`each_article`] stopped before the end of a file.
#[derive(Debug)]
pub enum LoadError<E> {
    /// The file is not read, for this reason (it is not text, holds no article...). No article
    /// of it was handed over.
    Skipped(String),
    /// The receiver of the articles failed.
    Sink(E),
}

/// Reads the articles in the bytes of a file named `rel` (relative to the corpus folder) whose
/// content hash is `hash`, handing each to `each` as soon as it is read, and returns how many.
///
/// A JSON Lines file can hold hundreds of thousands of articles: a build indexes the first while
/// later lines are still being parsed, and never holds them all in memory at once.
pub fn each_article<E>(
    rel: &str,
    bytes: &[u8],
    hash: &str,
    mut each: impl FnMut(Article) -> Result<(), E>,
) -> Result<usize, LoadError<E>> {
    let (text, _encoding) = decode::decode(bytes).map_err(|e| LoadError::Skipped(e.to_string()))?;
    let ext = rel.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let mut count = 0;
    let mut give = |mut a: Article| {
        if a.paragraphs.is_empty() {
            return Ok(());
        }
        a.path = rel.to_string();
        a.hash = hash.to_string();
        if a.meta.title.is_empty() {
            a.meta.title = rel.to_string();
        }
        // One place for every format: the date as given becomes ISO, a dateline adds the day.
        date::settle(&mut a);
        count += 1;
        each(a)
    };
    match ext.as_str() {
        "jsonl" => {
            let bad = json::each_jsonl(&text, rel, &mut give).map_err(LoadError::Sink)?;
            if bad > 0 {
                warn!(
                    file = rel,
                    bad_lines = bad,
                    "skipped JSON Lines records that are not articles"
                );
            }
        }
        "json" => {
            let articles = json::parse_json(&text, rel)
                .map_err(|e| LoadError::Skipped(format!("not a JSON article: {e}")))?;
            for a in articles {
                give(a).map_err(LoadError::Sink)?;
            }
        }
        "html" | "htm" => {
            let mut a = html::parse(&text);
            a.doc = rel.to_string();
            give(a).map_err(LoadError::Sink)?;
        }
        _ => {
            let mut a = article::parse(&text, ext == "md" || ext == "markdown");
            a.doc = rel.to_string();
            give(a).map_err(LoadError::Sink)?;
        }
    }
    if count == 0 {
        return Err(LoadError::Skipped(
            "no article text (empty, or only boilerplate)".into(),
        ));
    }
    Ok(count)
}

/// Loads every supported file under `root`. Files that cannot be read are skipped with a
/// warning naming them; the run goes on.
pub fn load_dir(root: &Path) -> crate::Result<LoadReport> {
    if !root.is_dir() {
        return Err(crate::Error::io(
            root,
            std::io::Error::new(std::io::ErrorKind::NotFound, "corpus folder not found"),
        ));
    }
    let (files, mut skipped) = list_files(root);
    let mut report = LoadReport::default();
    for path in files {
        match load_file(root, &path) {
            Ok(articles) => {
                report.bytes += articles
                    .iter()
                    .map(|a| a.paragraphs.iter().map(|p| p.len() as u64).sum::<u64>())
                    .sum::<u64>();
                report.articles.extend(articles);
            }
            Err(reason) => skipped.push(Skipped {
                path: relative(root, &path),
                reason,
            }),
        }
    }
    for s in &skipped {
        warn!(file = %s.path, reason = %s.reason, "skipped");
    }
    report.skipped = skipped;
    Ok(report)
}
