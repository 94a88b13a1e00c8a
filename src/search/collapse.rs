//! Retrieval with near-duplicate passages folded: one passage per cluster of copies, and the
//! number of other articles that repeat a passage.
//!
//! A repost of an article puts a second copy of each of its paragraphs into the index, with the
//! same BM25 score; forty reposts fill the reranker's candidates with one paragraph. Here the
//! candidates are grouped by fingerprint ([`super::fingerprint`]) as they come, best first: a
//! passage joins the first group whose best passage is a near copy of it, and each group gives
//! the reranker one passage. When copies were folded, more passages are fetched until there are
//! as many distinct ones as asked for; without copies the fetch is the same as a plain search.

use std::collections::{HashMap, HashSet};

use tantivy::collector::DocSetCollector;
use tantivy::columnar::Column;
use tantivy::query::{Bm25StatisticsProvider, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Score, Searcher, Term};

use super::engine::Hit;
use super::fingerprint::near;
use super::schema::{Fields, FINGERPRINT};
use super::stored::{self, StoredPassage};
use super::top::top_k;
use crate::Result;

/// Most passages one retrieval reads while looking for distinct ones: 64 rounds of the usual
/// candidates, enough for every candidate to have 60-odd copies. Beyond it, fewer distinct
/// passages are returned.
pub(crate) const MAX_FETCH: usize = 896;
/// Most copies whose article is looked up when counting the articles that repeat a passage;
/// copies beyond it are counted as one article each.
const MAX_COUNTED: usize = 256;

/// Groups items (sorted best first) into clusters of near copies; each cluster lists its
/// members' indices best first. Equal fingerprints always join; fingerprints within
/// [`super::fingerprint::NEAR_BITS`] join when `confirm(representative, item)` agrees.
pub(crate) fn cluster(
    fingerprints: &[u64],
    mut confirm: impl FnMut(usize, usize) -> Result<bool>,
) -> Result<Vec<Vec<usize>>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    'item: for (i, &fp) in fingerprints.iter().enumerate() {
        for g in groups.iter_mut() {
            let rep = g[0];
            let other = fingerprints[rep];
            if other == fp || (near(other, fp) && confirm(rep, i)?) {
                g.push(i);
                continue 'item;
            }
        }
        groups.push(vec![i]);
    }
    Ok(groups)
}

/// Letters, digits and ideographs a text needs before a near (not equal) fingerprint can make it
/// a copy: a short text's few 3-grams make its fingerprint a coin toss ([`super::fingerprint`]).
const MIN_NEAR_CHARS: usize = 24;

/// Whether two passages with near fingerprints are copies: both long enough for their
/// fingerprints to mean something, with the same figures.
pub(crate) fn near_copies(a: &str, b: &str) -> bool {
    let long = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_NEAR_CHARS;
    long(a) && long(b) && same_figures(a, b)
}

/// Whether two near copies state the same figures: the numbers of the one with fewer must all
/// be among the other's (as many times). Two editions of a report that differ in a figure (171
/// and 60, 2021 and 2022) are different passages however alike their words, while a copy with
/// a sentence added keeps every number of the original.
pub(crate) fn same_figures(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (numbers(a), numbers(b));
    if x.len() > y.len() {
        std::mem::swap(&mut x, &mut y);
    }
    let mut pool: HashMap<String, usize> = HashMap::new();
    for n in y {
        *pool.entry(n).or_default() += 1;
    }
    x.into_iter().all(|n| match pool.get_mut(&n) {
        Some(k) if *k > 0 => {
            *k -= 1;
            true
        }
        _ => false,
    })
}

/// The numbers written in digits (full-width folded), decimal points kept.
fn numbers(text: &str) -> Vec<String> {
    let norm = crate::text::normalize(text);
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in norm.chars() {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches('.').to_string());
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches('.').to_string());
    }
    out
}

/// The `want` best passages of `query`, at most one per cluster of near copies (the best
/// scored; among equally scored copies the one with the smallest document id, so the choice
/// does not depend on how the index's segments fell), each with the fingerprints of the near
/// copies folded into it.
pub(super) fn distinct(
    searcher: &Searcher,
    fields: &Fields,
    stats: &dyn Bm25StatisticsProvider,
    query: &dyn Query,
    want: usize,
) -> Result<Vec<Hit>> {
    let mut limit = want;
    loop {
        let top = top_k(searcher, stats, query, limit)?;
        let mut read: HashMap<DocAddress, StoredPassage> = HashMap::new();
        // The first round reads every passage anyway (without copies all are returned): their
        // fingerprints come with them. Larger rounds read the fast field instead.
        let fps = if limit == want {
            let mut fps = Vec::with_capacity(top.len());
            for &(_, addr) in &top {
                fps.push(load(&mut read, searcher, fields, addr)?.fingerprint);
            }
            fps
        } else {
            fingerprints(searcher, &top)?
        };
        let groups = cluster(&fps, |a, b| {
            let (a, b) = (top[a].1, top[b].1);
            load(&mut read, searcher, fields, a)?;
            load(&mut read, searcher, fields, b)?;
            Ok(near_copies(&read[&a].text, &read[&b].text))
        })?;
        let exhausted = top.len() < limit || limit >= MAX_FETCH;
        if groups.len() >= want || exhausted {
            let mut hits = Vec::with_capacity(want.min(groups.len()));
            for g in groups.into_iter().take(want) {
                let (score, _) = top[g[0]];
                // Copies with the best score: the smallest document id is cited.
                let mut best = top[g[0]].1;
                for &i in g.iter().skip(1).take_while(|&&i| top[i].0 == score) {
                    let addr = top[i].1;
                    load(&mut read, searcher, fields, best)?;
                    load(&mut read, searcher, fields, addr)?;
                    let key = |p: &StoredPassage| (p.doc.clone(), p.paragraph, p.start);
                    if key(&read[&addr]) < key(&read[&best]) {
                        best = addr;
                    }
                }
                load(&mut read, searcher, fields, best)?;
                let Some(mut p) = read.remove(&best) else {
                    continue;
                };
                let mut near_copies: Vec<u64> = g
                    .iter()
                    .map(|&i| fps[i])
                    .filter(|&fp| fp != p.fingerprint)
                    .collect();
                near_copies.sort_unstable();
                near_copies.dedup();
                p.near_copies = near_copies;
                hits.push(Hit { passage: p, score });
            }
            return Ok(hits);
        }
        // Copies were folded: fetch as many more as the share of copies seen suggests (a
        // quarter more for safety), at least twice as many.
        let estimate = limit * want * 5 / (4 * groups.len().max(1));
        limit = estimate.max(limit * 2).min(MAX_FETCH);
    }
}

/// The passage at `addr`, read once.
fn load<'m>(
    read: &'m mut HashMap<DocAddress, StoredPassage>,
    searcher: &Searcher,
    fields: &Fields,
    addr: DocAddress,
) -> Result<&'m StoredPassage> {
    Ok(match read.entry(addr) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(stored::read(searcher, fields, addr)?)
        }
    })
}

/// The fingerprints of the passages at `top`, read from the fast field (no stored passage is
/// decompressed).
fn fingerprints(searcher: &Searcher, top: &[(Score, DocAddress)]) -> Result<Vec<u64>> {
    let mut columns: HashMap<u32, Column<u64>> = HashMap::new();
    let mut out = Vec::with_capacity(top.len());
    for &(_, addr) in top {
        let column = match columns.get(&addr.segment_ord) {
            Some(c) => c,
            None => {
                let c = searcher
                    .segment_reader(addr.segment_ord)
                    .fast_fields()
                    .u64(FINGERPRINT)?;
                columns.entry(addr.segment_ord).or_insert(c)
            }
        };
        out.push(column.first(addr.doc_id).unwrap_or(0));
    }
    Ok(out)
}

/// The number of OTHER articles that hold the passage or one of the near copies retrieval
/// folded into it. Copies with the same fingerprint are found through the index, so all are
/// counted, also those never retrieved; near copies with another fingerprint only when
/// retrieval met them.
pub(super) fn also_in(searcher: &Searcher, fields: &Fields, p: &StoredPassage) -> Result<usize> {
    let mut fps = p.near_copies.clone();
    fps.push(p.fingerprint);
    fps.sort_unstable();
    fps.dedup();
    let terms: Vec<Term> = fps
        .iter()
        .map(|&fp| Term::from_field_u64(fields.fingerprint, fp))
        .collect();
    // Deleted passages count here until merged away: this only decides whether to look.
    let mut held = 0;
    for t in &terms {
        held += searcher.doc_freq(t)?;
    }
    if held <= 1 {
        return Ok(0);
    }
    let query = BooleanQuery::new(
        terms
            .into_iter()
            .map(|t| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::Basic));
                (Occur::Should, q)
            })
            .collect(),
    );
    let mut addrs: Vec<DocAddress> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addrs.sort_unstable();
    let mut docs: HashSet<String> = HashSet::new();
    for &a in addrs.iter().take(MAX_COUNTED) {
        docs.insert(stored::read(searcher, fields, a)?.doc);
    }
    docs.remove(&p.doc);
    Ok(docs.len() + addrs.len().saturating_sub(MAX_COUNTED))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(fps: &[u64], confirm: bool) -> Vec<Vec<usize>> {
        cluster(fps, |_, _| Ok(confirm)).unwrap_or_default()
    }

    #[test]
    fn equal_fingerprints_fold_into_the_first_and_best() {
        let fps = [7, 9 << 40, 7, 7, 9 << 40, 1 << 63];
        assert_eq!(
            groups(&fps, false),
            vec![vec![0, 2, 3], vec![1, 4], vec![5]]
        );
    }

    #[test]
    fn near_fingerprints_fold_only_when_confirmed() {
        let a = 0x00ff_00ff_00ff_00ffu64;
        let near_a = a ^ 0b1011; // 3 bits
        let far = !a;
        assert_eq!(groups(&[a, near_a, far], true), vec![vec![0, 1], vec![2]]);
        assert_eq!(
            groups(&[a, near_a, far], false),
            vec![vec![0], vec![1], vec![2]]
        );
        // A passage joins the first group it is near, compared with that group's best.
        let between = a ^ 0x3ff; // 10 bits
        assert_eq!(groups(&[a, near_a, between], true), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn distinct_items_stay_in_their_order() {
        let fps: Vec<u64> = (0..14)
            .map(|i| 0x9e37_79b9_7f4a_7c15u64.rotate_left(i * 5))
            .collect();
        let g = groups(&fps, true);
        assert_eq!(g.len(), 14, "{g:?}");
        assert!(g.iter().enumerate().all(|(i, m)| m == &vec![i]));
    }

    #[test]
    fn copies_must_state_the_same_figures() {
        let original = "商湯科技2022年營收下滑近兩成、巨虧60億。";
        assert!(same_figures(original, original));
        assert!(same_figures(
            original,
            "商湯科技2022年營收下滑近兩成，巨虧60億。分析人士認為虧損將持續3年。"
        ));
        assert!(same_figures(
            original,
            "商汤科技２０２２年营收下滑近两成、巨亏６０亿。"
        ));
        assert!(!same_figures(
            original,
            "商湯科技2021年營收下滑近兩成、巨虧171億。"
        ));
        assert!(!same_figures(
            original,
            "商湯科技2022年營收下滑近兩成、巨虧6.0億。"
        ));
        assert_eq!(numbers("營收5.3億，同比降51%。"), vec!["5.3", "51"]);
    }

    #[test]
    fn short_texts_are_copies_only_when_equal() {
        // 8 bits apart in People's Daily: two reporters' bylines, not copies.
        assert!(!near_copies("本报记者薛原", "本报记者薛飞"));
        let long = "对于人民检察院批准逮捕的决定，公安机关应当立即执行，并将执行回执及时送达作出批准逮捕的人民检察院。";
        assert!(near_copies(long, &format!("关于逮捕，规定提出，{long}")));
        // Weather headings of consecutive days: near, but other figures.
        assert!(!near_copies(
            "明天气象预报（１月１３日２０时—１月１４日２０时），全国大部地区晴。北方地区气温偏低。",
            "明天气象预报（１月１４日２０时—１月１５日２０时），全国大部地区晴。北方地区气温偏低。"
        ));
    }
}
