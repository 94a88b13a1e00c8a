//! Reading the index while it changes: snapshots, retrieval, stored passages.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, Term};

use super::layout;
use super::manifest::Manifest;
use super::reads::{IndexIo, ReadDirectory};
use super::schema::{fields_of, Fields};
use super::stats::QueryStats;
use super::stored::{self, ArticleInfo, StoredPassage};
use crate::text::aliases::Aliases;
use crate::text::analyzer;
use crate::{Error, Result};

/// How often a snapshot checks whether another generation was switched in.
const CHECK_EVERY: Duration = Duration::from_millis(500);

/// Which indexed field a query term is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldKind {
    /// jieba words of the passage.
    Words,
    /// CJK unigrams/bigrams of the passage.
    Grams,
    /// jieba words of the title.
    Title,
}

/// One should-clause of a retrieval query: the best-scoring of its alternatives, boosted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// Terms that stand for the same thing (a word and its aliases).
    pub alternatives: Vec<(FieldKind, String)>,
    /// Weight of the clause.
    pub boost: f32,
}

/// A retrieved passage with its BM25 score.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The passage.
    pub passage: StoredPassage,
    /// BM25 score over the query's clauses.
    pub score: f32,
}

/// One opened generation.
struct Loaded {
    generation: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    aliases: Arc<Aliases>,
    /// Which fingerprints more than one passage holds, per reader generation.
    repeats: super::repeats::Repeats,
}

impl Loaded {
    fn open(generation: PathBuf, io: IndexIo) -> Result<Loaded> {
        let opened = match io {
            IndexIo::Mmap => Index::open_in_dir(&generation),
            IndexIo::Read => ReadDirectory::open(&generation).and_then(Index::open),
        };
        let index = opened.map_err(|e| Error::NoIndex {
            path: generation.clone(),
            why: e.to_string(),
        })?;
        let fields = fields_of(&index.schema()).ok_or_else(|| Error::NoIndex {
            path: generation.clone(),
            why: if super::schema::outdated(&index.schema()) {
                "it was built by an older wenjin: rebuild it with \
                 `wenjin index --full` (or `wenjin index`, which does it by itself)"
                    .into()
            } else {
                "its schema is not wenjin's".into()
            },
        })?;
        analyzer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        let aliases = Arc::new(Aliases::load(&generation.join(layout::ALIASES))?);
        Ok(Loaded {
            generation,
            index,
            reader,
            fields,
            aliases,
            repeats: Default::default(),
        })
    }
}

/// The search engine over an index folder. Cheap to share (`Arc`); follows reindexes made by
/// this or another process without a restart.
pub struct Engine {
    dir: PathBuf,
    io: IndexIo,
    state: RwLock<Arc<Loaded>>,
    last_check: Mutex<Instant>,
}

impl Engine {
    /// Opens the index in `index_dir` (the folder holding `CURRENT`), reading it the default
    /// way ([`IndexIo::Read`]).
    pub fn open(index_dir: &Path) -> Result<Engine> {
        Engine::open_with(index_dir, IndexIo::default())
    }

    /// Opens the index in `index_dir`, reading its files as `io` says.
    pub fn open_with(index_dir: &Path, io: IndexIo) -> Result<Engine> {
        let generation = layout::current(index_dir).ok_or_else(|| Error::NoIndex {
            path: index_dir.to_path_buf(),
            why: "no index has been built there yet".into(),
        })?;
        Ok(Engine {
            dir: index_dir.to_path_buf(),
            io,
            state: RwLock::new(Arc::new(Loaded::open(generation, io)?)),
            last_check: Mutex::new(Instant::now()),
        })
    }

    /// True when `index_dir` holds a built index.
    pub fn exists(index_dir: &Path) -> bool {
        layout::current(index_dir).is_some()
    }

    /// True when `index_dir`'s index was built by an older wenjin: a build rebuilds it whole.
    pub fn outdated(index_dir: &Path) -> bool {
        layout::current(index_dir).is_some_and(|dir| Manifest::outdated(&dir))
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Picks up a new generation or new commits now (normally done at most every 500 ms by
    /// [`Engine::snapshot`]). A generation that fails to open is logged and the old one kept.
    pub fn refresh(&self) -> Result<()> {
        let current = self.loaded();
        match layout::current(&self.dir) {
            Some(gen) if gen != current.generation => {
                let fresh = Loaded::open(gen, self.io)?;
                if let Ok(mut state) = self.state.write() {
                    *state = Arc::new(fresh);
                }
            }
            _ => current.reader.reload()?,
        }
        Ok(())
    }

    fn loaded(&self) -> Arc<Loaded> {
        match self.state.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// A consistent view of the index for one question.
    pub fn snapshot(&self) -> Snapshot {
        let due = self
            .last_check
            .lock()
            .map(|mut t| {
                let due = t.elapsed() >= CHECK_EVERY;
                if due {
                    *t = Instant::now();
                }
                due
            })
            .unwrap_or(false);
        if due {
            if let Err(e) = self.refresh() {
                tracing::warn!(error = %e, "could not switch to the new index; still serving the old one");
            }
        }
        let loaded = self.loaded();
        let searcher = loaded.reader.searcher();
        Snapshot { loaded, searcher }
    }
}

/// A consistent, read-only view of one index generation.
pub struct Snapshot {
    loaded: Arc<Loaded>,
    pub(super) searcher: Searcher,
}

impl Snapshot {
    /// The schema's field handles.
    pub(super) fn fields(&self) -> &Fields {
        &self.loaded.fields
    }

    pub(super) fn field(&self, kind: FieldKind) -> Field {
        match kind {
            FieldKind::Words => self.loaded.fields.words,
            FieldKind::Grams => self.loaded.fields.grams,
            FieldKind::Title => self.loaded.fields.title,
        }
    }

    /// The aliases that came with this index.
    pub fn aliases(&self) -> &Aliases {
        &self.loaded.aliases
    }

    /// Identifies the exact content served: changes with every commit and every switch.
    pub fn generation(&self) -> String {
        let mut segs: Vec<String> = self
            .searcher
            .segment_readers()
            .iter()
            .map(|s| format!("{}.{}", s.segment_id().uuid_string(), s.num_deleted_docs()))
            .collect();
        segs.sort();
        let name = self
            .loaded
            .generation
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let digest = crate::corpus::load::content_hash(segs.join(",").as_bytes());
        format!("{name}/{digest}")
    }

    /// Number of passages.
    pub fn num_passages(&self) -> u64 {
        self.searcher.num_docs()
    }

    /// Retrieves the `limit` best passages for a disjunction of clauses.
    pub fn search(&self, clauses: &[Clause], limit: usize) -> Result<Vec<Hit>> {
        let mut stats = QueryStats::new(&self.searcher);
        let Some(query) = self.query(clauses, &mut stats)? else {
            return Ok(Vec::new());
        };
        super::top::top_k(&self.searcher, &stats, &query, limit.max(1))?
            .into_iter()
            .map(|(score, addr)| {
                Ok(Hit {
                    passage: self.stored(addr)?,
                    score,
                })
            })
            .collect()
    }

    /// Like [`Snapshot::search`], with near copies of a passage (reposts) folded into the best
    /// of them: `limit` distinct passages when the index has them, each with the fingerprints
    /// of the near copies folded into it (see `collapse.rs`).
    pub fn search_distinct(&self, clauses: &[Clause], limit: usize) -> Result<Vec<Hit>> {
        let mut stats = QueryStats::new(&self.searcher);
        let Some(query) = self.query(clauses, &mut stats)? else {
            return Ok(Vec::new());
        };
        super::collapse::distinct(
            &self.searcher,
            &self.loaded.fields,
            &stats,
            &query,
            limit.max(1),
        )
    }

    /// The number of other articles holding a copy of `passage` (the same text up to
    /// punctuation and white space, or a near copy retrieval folded into it).
    pub fn also_in(&self, passage: &StoredPassage) -> Result<usize> {
        // A passage no other holds and with no near copy folded into it has no other article.
        if passage.near_copies.is_empty() {
            let repeats = self
                .loaded
                .repeats
                .of(&self.searcher, self.loaded.fields.fingerprint)?;
            if !repeats.contains(&passage.fingerprint) {
                return Ok(0);
            }
        }
        super::collapse::also_in(&self.searcher, &self.loaded.fields, passage)
    }

    /// The clauses as one query, scored with `stats`; `None` when no term of them is indexed.
    fn query(
        &self,
        clauses: &[Clause],
        stats: &mut QueryStats<'_>,
    ) -> Result<Option<BooleanQuery>> {
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for c in clauses {
            let mut alts: Vec<Box<dyn Query>> = Vec::new();
            for (kind, text) in &c.alternatives {
                let term = Term::from_field_text(self.field(*kind), text);
                // A term no passage holds matches nothing and adds nothing to a maximum; leaving
                // it out also keeps a clause a plain term query (which block-WAND can prune).
                if stats.doc_freq_of(&term)? > 0 {
                    alts.push(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)));
                }
            }
            let q: Box<dyn Query> = match alts.len() {
                0 => continue,
                1 => alts.remove(0),
                _ => Box::new(DisjunctionMaxQuery::new(alts)),
            };
            subs.push((Occur::Should, Box::new(BoostQuery::new(q, c.boost))));
        }
        Ok((!subs.is_empty()).then(|| BooleanQuery::new(subs)))
    }

    pub(super) fn stored(&self, addr: DocAddress) -> Result<StoredPassage> {
        stored::read(&self.searcher, &self.loaded.fields, addr)
    }

    pub(super) fn all_matching(&self, query: &dyn Query) -> Result<Vec<StoredPassage>> {
        let addrs = self.searcher.search(query, &DocSetCollector)?;
        let mut out: Vec<StoredPassage> = addrs
            .into_iter()
            .map(|a| self.stored(a))
            .collect::<Result<_>>()?;
        out.sort_by_key(|p| (p.paragraph, p.start));
        Ok(out)
    }

    /// The windows of one paragraph of a document, in order (one for short paragraphs).
    pub fn paragraph(&self, doc: &str, paragraph: u32) -> Result<Vec<StoredPassage>> {
        let f = &self.loaded.fields;
        let q = BooleanQuery::new(vec![
            (Occur::Must, term_query(Term::from_field_text(f.doc, doc))),
            (
                Occur::Must,
                term_query(Term::from_field_u64(f.paragraph, u64::from(paragraph))),
            ),
        ]);
        self.all_matching(&q)
    }

    /// Every passage of a document, in order.
    pub fn document(&self, doc: &str) -> Result<Vec<StoredPassage>> {
        let f = &self.loaded.fields;
        self.all_matching(&TermQuery::new(
            Term::from_field_text(f.doc, doc),
            IndexRecordOption::Basic,
        ))
    }

    /// The articles of the index, sorted by document id.
    pub fn articles(&self) -> Result<Vec<ArticleInfo>> {
        let f = &self.loaded.fields;
        let q = TermQuery::new(Term::from_field_text(f.lead, "1"), IndexRecordOption::Basic);
        let addrs = self.searcher.search(&q, &DocSetCollector)?;
        let mut out: Vec<ArticleInfo> = addrs
            .into_iter()
            .map(|a| {
                self.stored(a).map(|p| ArticleInfo {
                    doc: p.doc,
                    meta: p.meta,
                })
            })
            .collect::<Result<_>>()?;
        out.sort_by(|a, b| a.doc.cmp(&b.doc));
        Ok(out)
    }

    /// Number of files recorded at the last commit.
    pub fn file_count(&self) -> usize {
        Manifest::of(&self.loaded.index).files.len()
    }

    /// Bytes the index takes on disk.
    pub fn size_on_disk(&self) -> u64 {
        layout::dir_size(&self.loaded.generation)
    }
}

pub(super) fn term_query(t: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(t, IndexRecordOption::Basic))
}
