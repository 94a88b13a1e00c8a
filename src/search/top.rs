//! The best `k` passages of a query over all segments, with one pruning threshold.
//!
//! tantivy's `TopDocs` collects each segment on its own: every segment starts its block-WAND
//! walk with no threshold and has to find `k` good passages before it can skip anything. A full
//! build on two cores leaves at least two segments, and a large corpus a dozen. Walking them one
//! after another and starting each with the `k`-th best score found so far lets the later
//! segments skip most of their blocks (BENCHMARKS.md, changes table).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Query};
use tantivy::{DocAddress, Score, Searcher};

/// A scored passage; greater is better: a higher score, then the earlier address (as
/// `TopDocs` breaks ties, so both give the same passages in the same order).
#[derive(Debug, Clone, Copy)]
struct Scored {
    score: Score,
    addr: DocAddress,
}

impl Ord for Scored {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.addr.cmp(&self.addr))
    }
}

impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Scored {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Scored {}

/// The `k` best-scoring live passages, best first, scored with `stats`.
pub(crate) fn top_k(
    searcher: &Searcher,
    stats: &dyn Bm25StatisticsProvider,
    query: &dyn Query,
    k: usize,
) -> tantivy::Result<Vec<(Score, DocAddress)>> {
    if k == 0 {
        return Ok(Vec::new());
    }
    let weight = query.weight(EnableScoring::enabled_from_statistics_provider(
        stats, searcher,
    ))?;
    // A min-heap of the best so far: its top is the k-th best, the score to beat.
    let mut best: BinaryHeap<Reverse<Scored>> = BinaryHeap::with_capacity(k + 1);
    // Segments in order, documents in order within each: a later passage with the same score
    // as the k-th best loses the tie, so passing only scores above the threshold is exact.
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let alive = reader.alive_bitset();
        let mut threshold = kth(&best, k);
        weight.for_each_pruning(threshold, reader, &mut |doc, score| {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                return threshold;
            }
            best.push(Reverse(Scored {
                score,
                addr: DocAddress::new(ord as u32, doc),
            }));
            if best.len() > k {
                best.pop();
            }
            threshold = kth(&best, k);
            threshold
        })?;
    }
    let mut out: Vec<Scored> = best.into_iter().map(|Reverse(s)| s).collect();
    out.sort_by(|a, b| b.cmp(a));
    Ok(out.into_iter().map(|s| (s.score, s.addr)).collect())
}

/// The score a passage must beat to enter the top `k`: the k-th best once there are `k`.
fn kth(best: &BinaryHeap<Reverse<Scored>>, k: usize) -> Score {
    match best.peek() {
        Some(Reverse(s)) if best.len() >= k => s.score,
        _ => Score::MIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, STRING, TEXT};
    use tantivy::{doc, Index, IndexWriter, Term};

    /// Several segments (one commit each), deleted documents and passages with equal scores in
    /// different segments: the shared threshold must give exactly tantivy's own top k.
    #[test]
    fn the_top_k_across_segments_is_tantivys_top_k() -> tantivy::Result<()> {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let id = b.add_text_field("id", STRING);
        let index = Index::create_in_ram(b.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
        let mut n = 0u32;
        for batch in 0..4 {
            for i in 0..60u32 {
                // Repeating patterns give many equal scores, within and across segments.
                let body: Vec<&str> = (0..1 + (i * 7 + batch) % 5)
                    .map(|j| words[((i + j * 3) % 6) as usize])
                    .collect();
                writer.add_document(doc!(text => body.join(" "), id => n.to_string()))?;
                n += 1;
            }
            writer.commit()?;
        }
        for gone in [3u32, 64, 130, 131, 200] {
            writer.delete_term(Term::from_field_text(id, &gone.to_string()));
        }
        writer.commit()?;
        let reader = index.reader()?;
        let searcher = reader.searcher();
        assert!(searcher.segment_readers().len() > 1);
        let clause = |w: &str, boost: f32| -> (Occur, Box<dyn Query>) {
            let q = TermQuery::new(Term::from_field_text(text, w), IndexRecordOption::WithFreqs);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost)))
        };
        let queries = [
            BooleanQuery::new(vec![clause("alpha", 1.0)]),
            BooleanQuery::new(vec![clause("alpha", 1.0), clause("gamma", 0.6)]),
            BooleanQuery::new(vec![
                clause("beta", 1.0),
                clause("delta", 0.2),
                clause("zeta", 0.15),
                clause("absent", 1.0),
            ]),
        ];
        for query in &queries {
            for k in [1, 5, 14, 500] {
                let ours = top_k(&searcher, &searcher, query, k)?;
                let theirs = searcher.search(query, &TopDocs::with_limit(k).order_by_score())?;
                assert_eq!(ours, theirs, "k = {k}, query = {query:?}");
            }
        }
        Ok(())
    }
}
