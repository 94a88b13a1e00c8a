//! BM25 statistics for one query, each read once.
//!
//! tantivy's `Searcher` answers every term query's statistics afresh: the field's token total is
//! summed over all segments for each term, and a term's document frequency is looked up again for
//! every clause that names it. A question makes 20–40 term queries over three fields, so the
//! totals are read once per field here and the frequencies once per term; terms no passage holds
//! are found before any query is built, and left out.

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// Statistics of the searcher's index for the terms of one query.
pub(crate) struct QueryStats<'a> {
    searcher: &'a Searcher,
    docs: u64,
    // A few fields and a few dozen terms: a scan is cheaper than hashing each term.
    tokens: Vec<(Field, u64)>,
    doc_freqs: Vec<(Term, u64)>,
}

impl<'a> QueryStats<'a> {
    pub(crate) fn new(searcher: &'a Searcher) -> QueryStats<'a> {
        QueryStats {
            searcher,
            docs: searcher
                .segment_readers()
                .iter()
                .map(|s| u64::from(s.max_doc()))
                .sum(),
            tokens: Vec::new(),
            doc_freqs: Vec::new(),
        }
    }

    /// Passages holding `term` (deleted ones included, as tantivy counts them), read once.
    pub(crate) fn doc_freq_of(&mut self, term: &Term) -> tantivy::Result<u64> {
        if let Some(n) = find(&self.doc_freqs, term) {
            return Ok(n);
        }
        let n = self.searcher.doc_freq(term)?;
        self.doc_freqs.push((term.clone(), n));
        if find(&self.tokens, &term.field()).is_none() {
            let total = self.searcher.total_num_tokens(term.field())?;
            self.tokens.push((term.field(), total));
        }
        Ok(n)
    }
}

impl Bm25StatisticsProvider for QueryStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        match find(&self.tokens, &field) {
            Some(n) => Ok(n),
            None => self.searcher.total_num_tokens(field),
        }
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.docs)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        match find(&self.doc_freqs, term) {
            Some(n) => Ok(n),
            None => self.searcher.doc_freq(term),
        }
    }
}

fn find<K: PartialEq>(pairs: &[(K, u64)], key: &K) -> Option<u64> {
    pairs.iter().find(|(k, _)| k == key).map(|&(_, n)| n)
}
