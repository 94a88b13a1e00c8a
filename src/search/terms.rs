//! What the index's term dictionaries say of single terms: how many passages hold a term (for
//! BM25's idf and the reranker), whether some passage holds all of a name's bigrams, and which
//! indexed words are one character off a name (a typo of a name the corpus writes).

use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query};
use tantivy::Term;

use super::engine::{term_query, FieldKind, Snapshot};
use crate::Result;

impl Snapshot {
    /// Number of passages containing `term` in the field.
    pub fn doc_freq(&self, kind: FieldKind, term: &str) -> u64 {
        let t = Term::from_field_text(self.field(kind), term);
        self.searcher.doc_freq(&t).unwrap_or(0)
    }

    /// Inverse document frequency of a term (BM25's formula), 0 for terms in no passage.
    pub fn idf(&self, kind: FieldKind, term: &str) -> f32 {
        let n = self.num_passages() as f32;
        let df = self.doc_freq(kind, term) as f32;
        if df == 0.0 {
            return 0.0;
        }
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// True when some passage holds every one of `terms` of the field (a conjunction): for a
    /// name jieba cuts differently in passages than in a question, all its character bigrams in
    /// one passage say the passage writes it.
    pub fn holds_all(&self, kind: FieldKind, terms: &[String]) -> Result<bool> {
        if terms.is_empty() {
            return Ok(false);
        }
        let field = self.field(kind);
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in terms {
            let term = Term::from_field_text(field, t);
            // A term no passage holds decides it without a search.
            if self.searcher.doc_freq(&term)? == 0 {
                return Ok(false);
            }
            subs.push((Occur::Must, term_query(term)));
        }
        let query = BooleanQuery::new(subs);
        Ok(self.searcher.search(&query, &tantivy::collector::Count)? > 0)
    }

    /// The text of up to `limit` passages that hold every one of `terms` of the field: what
    /// tells whether they write a name with a separator inside it (道—琼斯 for 道琼斯).
    pub fn texts_holding(
        &self,
        kind: FieldKind,
        terms: &[String],
        limit: usize,
    ) -> Result<Vec<String>> {
        let field = self.field(kind);
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in terms {
            let term = Term::from_field_text(field, t);
            if self.searcher.doc_freq(&term)? == 0 {
                return Ok(Vec::new());
            }
            subs.push((Occur::Must, term_query(term)));
        }
        if subs.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(subs);
        let top = tantivy::collector::TopDocs::with_limit(limit.max(1)).order_by_score();
        self.searcher
            .search(&query, &top)?
            .into_iter()
            .map(|(_, addr)| Ok(self.stored(addr)?.text))
            .collect()
    }

    /// The terms of the field one character substitution away from `word` (same length,
    /// Levenshtein distance 1) that share its first character, streamed from the term
    /// dictionary with a Levenshtein automaton: what tells a typo of a name the corpus writes
    /// from a name it never writes.
    pub fn near_terms(&self, kind: FieldKind, word: &str) -> Result<Vec<String>> {
        let field = self.field(kind);
        // One automaton for every segment (building it is most of a short stream's cost).
        let automaton =
            FuzzyTermQuery::new(Term::from_field_text(field, word), 1, false).automaton()?;
        let len = word.chars().count();
        let mut out: Vec<String> = Vec::new();
        // Only the terms that share the first character: the automaton alone walks every first
        // character of the dictionary, which made a question with an unknown name ~40 ms
        // slower in a debug build over People's Daily; within one first character it is a
        // short walk. A typo in the first character is left to the alias file.
        let Some(c) = word.chars().next() else {
            return Ok(out);
        };
        let first = c.to_string();
        let Some(next) = char::from_u32(u32::from(c) + 1) else {
            return Ok(out);
        };
        let after_first = next.to_string();
        for seg in self.searcher.segment_readers() {
            let inverted = seg.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .search(&automaton)
                .ge(first.as_bytes())
                .lt(after_first.as_bytes())
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(t) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if t != word && t.chars().count() == len && !out.iter().any(|o| o == t) {
                    out.push(t.to_string());
                }
            }
        }
        Ok(out)
    }
}
