//! Retrieval: the question as BM25 term clauses over jieba words, CJK bigrams and unigrams and
//! the title, with alias alternatives. User text never reaches tantivy's query parser.

use crate::search::{Clause, FieldKind, Hit, Snapshot};
use crate::Result;

use super::question::{self, Question};

/// Passages retrieved by BM25 before reranking: as many as the reranker needs to find the
/// right passage as often as it does among many more, and few enough that reranking them stays
/// a small share of a question's time (BENCHMARKS.md has the measurements).
const CANDIDATES: usize = 14;
/// A unigram in more than 1/COMMON_CHAR_SHARE of the passages is not a retrieval clause (in
/// corpora of over 50 × COMMON_CHAR_SHARE passages): the bigrams and words carry retrieval there,
/// and such a character's long posting list would dominate a question's time (BENCHMARKS.md,
/// changes table).
const COMMON_CHAR_SHARE: u64 = 300;

/// Boosts of the character-gram clauses relative to jieba words (1.0).
const BIGRAM_BOOST: f32 = 0.6;
const UNIGRAM_BOOST: f32 = 0.15;
/// Boost of the paraphrase lexicon's wordings (`text/paraphrase.rs`), below a question word's.
const PARAPHRASE_BOOST: f32 = 0.5;

/// The passages BM25 retrieves for `clauses`, best first, for the reranker: one per cluster of
/// near copies (reposts), so that copies of one paragraph cannot crowd the others out of the
/// candidates, and a cluster counts once wherever the answer weighs passages. When copies were
/// folded, further passages are fetched until there are `CANDIDATES` distinct ones.
pub(crate) fn candidates(snap: &Snapshot, clauses: &[Clause]) -> Result<Vec<Hit>> {
    snap.search_distinct(clauses, CANDIDATES)
}

/// Builds the retrieval clauses: entities with their aliases as alternatives, years, words,
/// bigrams and unigrams of the content.
pub(crate) fn clauses(q: &Question, snap: &Snapshot) -> Vec<Clause> {
    let mut out = Vec::new();
    for &g in &q.entities {
        let Some(group) = snap.aliases().groups().get(g) else {
            continue;
        };
        let mut alternatives = Vec::new();
        for name in &group.normalized {
            let ws = crate::text::words(name);
            if ws.len() == 1 {
                alternatives.push((FieldKind::Words, ws[0].text.clone()));
            }
            if let Some(first) = crate::text::grams(name)
                .into_iter()
                .find(|g| g.text.chars().count() == 2)
            {
                alternatives.push((FieldKind::Grams, first.text));
            }
        }
        alternatives.sort_by(|a, b| a.1.cmp(&b.1));
        alternatives.dedup();
        out.push(Clause {
            alternatives,
            boost: 2.0,
        });
    }
    for y in &q.years {
        out.push(Clause {
            alternatives: vec![(FieldKind::Words, y.clone())],
            boost: 1.0,
        });
    }
    for t in &q.terms {
        // A synonym jieba splits (营业收入: 营业 | 收入) is looked up by its words; the reranking
        // and the reader then ask for the whole of it.
        let mut words = vec![t.clone()];
        for s in super::evidence::other_wordings(snap.aliases(), t) {
            for w in crate::text::words(&s) {
                if !question::STOPWORDS.contains(&w.text.as_str()) && !words.contains(&w.text) {
                    words.push(w.text);
                }
            }
        }
        out.push(Clause {
            alternatives: words
                .iter()
                .map(|w| (FieldKind::Words, w.clone()))
                .collect(),
            boost: 1.0,
        });
        out.push(Clause {
            alternatives: words.into_iter().map(|w| (FieldKind::Title, w)).collect(),
            boost: 0.2,
        });
    }
    // The article wordings of the question's phrasings (赚了 → 利润, 盈利; 有多长 → 全长): one
    // clause, below the question's own words, so a paraphrase widens the search without
    // outweighing what was asked.
    let mut wordings: Vec<(FieldKind, String)> = Vec::new();
    for asked in crate::text::paraphrase::lexicon().asked(&q.normalized) {
        for s in &asked.class.say {
            let ws = crate::text::words(s);
            if ws.len() == 1 && !q.terms.contains(s) && !wordings.iter().any(|(_, w)| w == s) {
                wordings.push((FieldKind::Words, s.clone()));
            }
        }
    }
    if !wordings.is_empty() {
        out.push(Clause {
            alternatives: wordings,
            boost: PARAPHRASE_BOOST,
        });
    }
    for b in &q.bigrams {
        out.push(Clause {
            alternatives: vec![(FieldKind::Grams, b.clone())],
            boost: BIGRAM_BOOST,
        });
    }
    // A character found in many passages adds little to BM25 beside the question's bigrams but
    // walks a long posting list: it is left out of retrieval (it still counts in the reranking).
    let common = snap.num_passages() / COMMON_CHAR_SHARE;
    for u in q
        .unigrams
        .iter()
        .filter(|u| common < 50 || snap.doc_freq(FieldKind::Grams, u) <= common)
    {
        out.push(Clause {
            alternatives: vec![(FieldKind::Grams, u.clone())],
            boost: UNIGRAM_BOOST,
        });
    }
    out
}
