//! Reranking the retrieved passages. Each passage gets evidence features (coverage of the
//! question in the passage and its best sentence, entity and year agreement, runs of the
//! question's characters, the title named in the question). A hand-weighted evidence score
//! decides whether the corpus answers at all ([`Ranked::score`]); a linear model over all the
//! features, fitted by `scripts/train_rerank.py`, orders the passages ([`Ranked::order`]).

use serde::Serialize;

use crate::search::{Hit, Snapshot, StoredPassage};
use crate::text::normalize;
use crate::text::time::{mentions, PartialDate, Source};

use super::evidence::Evidence;
use super::question::{AnswerKind, Question};
use super::report_time::{
    asked_times, asks_after_report, asks_report_time, names_no_year, of_report_day,
    tells_of_present,
};
use super::report_year::report_year;
use super::{extract, rerank_weights};

/// Evidence weights of the hand score, measured on DRCD/CMRC dev (`wenjin eval`, a grid around
/// these): BM25 carries most of the retrieval signal; coverage and the best sentence decide
/// between close passages.
const W_BM25: f32 = 0.4;
const W_COVERAGE: f32 = 0.25;
const W_SENTENCE: f32 = 0.35;
/// What the order of a passage that writes none of the question's place, organisation or
/// person names ([`Evidence::names_match`]) is multiplied by.
const NAMED_CUT: f32 = 0.7;

/// Features per passage (see [`Ranked::features`]).
pub const FEATURES: usize = 13;

// The trained weights must match the features one for one (`zip` would silently drop the rest).
const _: () = assert!(rerank_weights::W.len() == FEATURES);

/// A reranked passage with the features that placed it (for `explain`).
#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    /// The passage.
    pub passage: StoredPassage,
    /// BM25 score from retrieval.
    pub bm25: f32,
    /// Weighted coverage of the question in passage (and title for entities/years).
    pub coverage: f32,
    /// Coverage in the best sentence (with a bonus when it holds an answer of the right type).
    pub sentence: f32,
    /// Entity agreement (0–1).
    pub entity: f32,
    /// Year agreement (0–1).
    pub year: f32,
    /// The years the passage denotes beyond its written ones: numeral years, and relative
    /// ones (去年) read against its article's date, comparisons left out
    /// ([`crate::text::time::resolved_years`]). They count as named for the year gate.
    pub resolved_years: Vec<i32>,
    /// Hand-weighted evidence score: how well the passage answers (the found threshold).
    pub score: f32,
    /// The learned score the passages are ordered by: the gate times the learned weights'
    /// sum over the features.
    pub order: f32,
    /// Another entity (×0.4), another year (×0.5), only other entities named (×0.6).
    pub gate: f32,
    /// The learned model's inputs, each larger for a likelier passage: BM25 share of the best,
    /// 1 − BM25 rank share, coverage, best sentence, shares of the question's character 3- and
    /// 4-grams found, title inside the question, share of the title's characters in the
    /// question, second-best sentence, passage length, BM25 (log), first window of its
    /// paragraph, 1 − the weighted share of the question's terms of which it holds not a
    /// character.
    pub features: [f32; FEATURES],
}

/// Bonus for a sentence holding an answer of the expected type: larger when the clause around
/// it shares characters with the question's predicate (巨虧60億 for 虧損多少).
fn typed_bonus(q: &Question, snap: &Snapshot, norm: &str) -> f32 {
    let cands = extract::candidates(norm, q.kind, snap.aliases());
    if cands.is_empty() {
        return 0.0;
    }
    let predicate = q.predicate();
    let shares = cands.iter().any(|c| {
        let start = c.display.start.saturating_sub(12 * 3);
        let lo = (0..=start)
            .rev()
            .find(|&i| norm.is_char_boundary(i))
            .unwrap_or(0);
        let window = &norm[lo..c.display.end];
        predicate
            .iter()
            .any(|p| p.chars().any(|ch| window.contains(ch)))
    });
    if shares || predicate.is_empty() {
        0.15
    } else {
        0.05
    }
}

/// The question's runs of `n` word characters (letters, digits, CJK), where questions and
/// passages share wording beyond single words.
fn runs(norm: &str, n: usize) -> Vec<&str> {
    let idx: Vec<(usize, char)> = norm.char_indices().collect();
    let mut out = Vec::new();
    for w in idx.windows(n) {
        if w.iter().all(|(_, c)| c.is_alphanumeric()) {
            let start = w[0].0;
            let (last, c) = w[n - 1];
            out.push(&norm[start..last + c.len_utf8()]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn share_found(runs: &[&str], norm: &str) -> f32 {
    if runs.is_empty() {
        return 0.0;
    }
    runs.iter().filter(|r| norm.contains(**r)).count() as f32 / runs.len() as f32
}

/// The date a passage's relative expressions (去年, 上月) are read against: its article's.
pub fn passage_date(p: &StoredPassage) -> Option<PartialDate> {
    p.meta.date.as_deref().and_then(PartialDate::parse)
}

/// Reranks retrieved passages by the question's evidence.
pub fn rerank(q: &Question, ev: &Evidence, snap: &Snapshot, hits: Vec<Hit>) -> Vec<Ranked> {
    let max_bm25 = hits.iter().map(|h| h.score).fold(f32::EPSILON, f32::max);
    let n = hits.len().max(1) as f32;
    let (tri, quad) = (runs(&q.normalized, 3), runs(&q.normalized, 4));
    let times = if q.kind == AnswerKind::Amount {
        asked_times(q)
    } else {
        Vec::new()
    };
    let mut out: Vec<Ranked> = hits
        .into_iter()
        .enumerate()
        .map(|(k, h)| {
            let norm = normalize(&h.passage.text);
            let title = normalize(&h.passage.heading());
            let date = passage_date(&h.passage);
            // The passage's numeral and relative years, with where each stands, read once: a
            // sentence's own are those inside it.
            let dated: Vec<(std::ops::Range<usize>, i32)> = if norm.contains(['年', '月']) {
                mentions(&norm, date)
                    .into_iter()
                    .filter(|m| !m.comparison && m.source != Source::Written)
                    .map(|m| (m.range, m.year))
                    .collect()
            } else {
                Vec::new()
            };
            let mut resolved: Vec<i32> = dated.iter().map(|d| d.1).collect();
            // What a news report tells without a year happened in the year it appeared:
            // 朱镕基今天会见萨默斯 in a January 1998 article answers who he met in 1998. Not
            // for an amount: a figure without a year in a January report is as often the
            // year before's (全年完成投资342亿元), unless the question asks about the time the
            // report appeared ([`asks_report_time`]) or the passage tells of the report's own
            // day or goes on a report that does, and names no year ([`of_report_day`]).
            let context_year = date
                .filter(|d| {
                    q.kind != AnswerKind::Amount
                        || asks_report_time(&times, d)
                        || of_report_day(snap, &h.passage, d, &norm, !q.years.is_empty())
                })
                .map(|d| d.year)
                .or_else(|| {
                    (resolved.is_empty() && !q.years.is_empty())
                        .then(|| report_year(snap, &h.passage, &norm, date))
                        .flatten()
                });
            resolved.extend(context_year);
            resolved.sort_unstable();
            resolved.dedup();
            let coverage = ev.coverage_with_title_dated(&norm, &title, &resolved);
            let (mut best_sentence, mut second): (f32, f32) = (0.0, 0.0);
            // Sentences of the normalized passage: normalization keeps every character (and
            // folds full-width punctuation to its ASCII twin, which ends sentences alike), so
            // this is the passage's own sentence split without normalizing each sentence again.
            for sentence in crate::corpus::passage::sentences(&norm) {
                // A sentence's own resolved years, only looked for when the passage has any.
                let mut sc = if resolved.is_empty() {
                    ev.coverage(sentence)
                } else {
                    let at = sentence.as_ptr() as usize - norm.as_ptr() as usize;
                    let inside = at..at + sentence.len();
                    let mut own: Vec<i32> = dated
                        .iter()
                        .filter(|d| inside.contains(&d.0.start))
                        .map(|d| d.1)
                        .collect();
                    own.extend(context_year);
                    own.sort_unstable();
                    own.dedup();
                    ev.coverage_dated(sentence, &own)
                };
                if matches!(q.kind, AnswerKind::Amount | AnswerKind::Date) {
                    sc += typed_bonus(q, snap, sentence);
                }
                if ev.names_only_others(q, snap.aliases(), sentence) {
                    sc *= 0.5;
                }
                if sc > best_sentence {
                    second = best_sentence;
                    best_sentence = sc;
                } else {
                    second = second.max(sc);
                }
            }
            let with_title = format!("{title} {norm}");
            let entity = ev.entity_match(&with_title).max(ev.entity_match(&norm));
            let mut year = ev
                .year_match_dated(&norm, &resolved)
                .max(0.5 * ev.year_match(&title));
            // A passage of a report of the asked year that names no year at all (not even 全年
            // or 去年) tells of the report's present, which may be of that year or of the one
            // before: half the credit, for the order and for whether the corpus answers.
            if resolved.is_empty()
                && date.is_some_and(|d| q.years.contains(&d.year.to_string()))
                && names_no_year(&norm)
            {
                year = year.max(0.5);
            }
            // So does one of such a report that names other years but also tells of the
            // present (去年12月26日首演，至今已演出近10场，打算再加演7场): whether its figures
            // are of the asked year is left to the year of each figure.
            if year == 0.0
                && date.is_some_and(|d| q.years.contains(&d.year.to_string()))
                && tells_of_present(&norm)
            {
                year = 0.5;
            }
            // A report cannot give what came later in its year (1998年底 of a January report).
            if date.is_some_and(|d| asks_after_report(q, d)) {
                year = 0.0;
            }
            let others = ev.names_only_others(q, snap.aliases(), &norm)
                && !snap
                    .aliases()
                    .groups_in(&title)
                    .iter()
                    .any(|g| q.entities.contains(g));
            // Another entity or another year cuts the whole score: no weighing of the other
            // evidence may let such a passage win.
            let cut = (0.4 + 0.6 * entity) * if others { 0.6 } else { 1.0 };
            let gate = cut * (0.5 + 0.5 * year);
            // A place, organisation or person the question names and the passage does not
            // write only orders the passages: the passage may use a short form (俄 for 俄罗斯)
            // or a pronoun, so it decides nothing about whether the corpus answers.
            let named = NAMED_CUT + (1.0 - NAMED_CUT) * ev.names_match(&with_title);
            let score = gate
                * (W_BM25 * h.score / max_bm25
                    + W_COVERAGE * coverage
                    + W_SENTENCE * best_sentence);
            let title_chars: Vec<char> = title.chars().filter(|c| c.is_alphanumeric()).collect();
            let title_named = title_chars.len() >= 2 && q.normalized.contains(title.trim());
            let title_share = if title_chars.is_empty() {
                0.0
            } else {
                title_chars
                    .iter()
                    .filter(|c| q.normalized.contains(**c))
                    .count() as f32
                    / title_chars.len() as f32
            };
            let features = [
                h.score / max_bm25,
                1.0 - k as f32 / n,
                coverage,
                best_sentence,
                share_found(&tri, &norm),
                share_found(&quad, &norm),
                f32::from(u8::from(title_named)),
                title_share,
                second,
                (1.0 + norm.chars().count() as f32).ln() / 8.0,
                (1.0 + h.score).ln() / 5.0,
                f32::from(u8::from(h.passage.start == 0)),
                1.0 - ev.absent_share(&norm, &title),
            ];
            let order = cut
                * (0.5 + 0.5 * year)
                * named
                * features
                    .iter()
                    .zip(rerank_weights::W)
                    .map(|(f, w)| f * w)
                    .sum::<f32>();
            Ranked {
                passage: h.passage,
                bm25: h.score,
                coverage,
                sentence: best_sentence,
                entity,
                year,
                resolved_years: resolved,
                score,
                order,
                gate,
                features,
            }
        })
        .collect();
    out.sort_by(|a, b| b.order.total_cmp(&a.order));
    out
}

#[cfg(test)]
mod tests {
    use super::super::report_time::tells_of_report_day;
    use super::*;

    #[test]
    fn a_passage_of_the_report_s_day_without_a_year_is_of_the_report_s_year() {
        assert!(tells_of_report_day(
            "宁夏穆斯林今天在2700多座清真寺举行会礼,欢度一年一度的开斋节。"
        ));
        assert!(!tells_of_report_day("全区共有清真寺2700多座。"));
        assert!(!tells_of_report_day(
            "统计局今天公布,全年粮食产量4900亿公斤。"
        ));
        assert!(!tells_of_report_day(
            "今天公布的数字显示,1997年出口增长20%。"
        ));
        assert!(!tells_of_report_day("今天公布,去年出口增长20%。"));
    }

    /// The gate cuts a passage's score only while every weight is non-negative (the features
    /// are): a refit with a negative weight would let a passage about another year gain.
    #[test]
    fn fitted_weights_keep_the_gate_a_cut() {
        assert!(rerank_weights::W.iter().all(|w| *w >= 0.0));
        assert!(rerank_weights::W.iter().any(|w| *w > 0.0));
    }

    #[test]
    fn runs_keep_word_characters_only() {
        assert_eq!(
            runs("商汤2022年?", 3),
            vec!["022", "202", "22年", "商汤2", "汤20"]
        );
        assert!(runs("a?b", 3).is_empty());
        assert_eq!(share_found(&runs("亏损多少", 3), "巨亏损多"), 0.5);
    }

    #[test]
    fn a_question_asks_about_a_report_s_time_by_its_month_or_the_year_s_opening() {
        let aliases = crate::text::aliases::Aliases::default();
        let times = |text: &str| asked_times(&Question::parse(text, &aliases).unwrap());
        let january = PartialDate {
            year: 1998,
            month: Some(1),
            day: None,
        };
        let march = PartialDate {
            month: Some(3),
            ..january
        };
        let month = times("1998年1月完工的工程花了多少钱");
        assert!(asks_report_time(&month, &january) && !asks_report_time(&month, &march));
        let opening = times("到1998年初订户有多少");
        assert!(asks_report_time(&opening, &january) && !asks_report_time(&opening, &march));
        assert!(!asks_report_time(&times("1998年产值多少"), &january));
        assert!(!asks_report_time(&times("1998年11月产值多少"), &january));
    }
}
