//! The answer itself: the reader's best span among the passages read (shown with its predicate
//! when it is a typed span), or, for a question whose answer is a statement, the best
//! sentence.

use std::ops::Range;

use serde::Serialize;

use crate::search::Snapshot;

use super::evidence::Evidence;
use super::extract;
use super::question::{AnswerKind, Question};
use super::read::{read_typed, reading};
use super::reader;
use super::rerank::Ranked;

/// How much (in the reader's log-odds) a span in a lower passage must beat the best passage's
/// for it to become the answer and its passage the first citation: the reranker's order is
/// kept unless the reader is clearly surer elsewhere. Held out on DRCD and CMRC, margins from 2
/// to 7 give the same exact match; this one keeps the most right passages first. The reader's
/// penalty for another year is kept above it, so that a span of another year cannot win by it.
/// Spans in another window of the best passage's paragraph are not held back: it is cited as
/// the same paragraph.
const READER_MARGIN: f32 = 4.0;

/// Why the answer span was chosen (for `explain`).
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Rank of the passage (0-based) among the reranked ones.
    pub passage: usize,
    /// The sentence, verbatim.
    pub sentence: String,
    /// The answer as shown.
    pub display: String,
    /// The minimal answer.
    pub core: String,
    /// Candidate score.
    pub score: f32,
    /// Every candidate considered in that passage with its score.
    pub considered: Vec<(String, f32)>,
    /// The year the answer's figure belongs to, when its sentence or passage says
    /// ([`extract::governing_year`], or its place in a "respectively" list).
    pub year: Option<String>,
}

/// Picks the answer span among the top passages with the reader.
pub(super) fn choose(
    q: &Question,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
) -> Option<Choice> {
    let split = reading(ranked);
    let (spans, typed) = read_typed(q, ev, snap, ranked, &split);
    let mut spans = reader::rank(spans);
    if q.kind == AnswerKind::Amount {
        keep_figures(q, &mut spans, |s| {
            &split[s.passage][s.sentence].norm.text[s.range.clone()]
        });
    }
    // A lower passage's span must beat the best passage's by a margin to reorder the citations.
    // Another window of the best passage's paragraph needs none: it is cited as the same
    // paragraph.
    let same_paragraph = |k: usize| {
        let (a, b) = (&ranked[0].passage, &ranked[k].passage);
        a.doc == b.doc && a.paragraph == b.paragraph
    };
    let (best, score) = spans
        .iter()
        .map(|(s, score)| {
            let margin = if same_paragraph(s.passage) {
                0.0
            } else {
                READER_MARGIN
            };
            (s, score - margin)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let sentence = &split[best.passage][best.sentence];
    let norm = sentence.norm.text.as_str();
    let orig = |r: &Range<usize>| {
        sentence.text[sentence.norm.to_original(r.start)..sentence.norm.to_original(r.end)]
            .to_string()
    };
    // A typed span is shown with its predicate (巨虧60億 for 60億). The typed candidates of a
    // sentence the reader read were computed for it already.
    let shown = |c: &extract::Candidate| (c.core == best.range).then(|| c.display.clone());
    let display = match typed.get(best.passage).and_then(|t| t.get(best.sentence)) {
        Some(cands) => cands.iter().find_map(|(c, _)| shown(c)),
        None => extract::candidates(norm, q.kind, snap.aliases())
            .iter()
            .find_map(shown),
    }
    .unwrap_or_else(|| best.range.clone());
    let mut considered: Vec<(String, f32)> = spans
        .iter()
        .filter(|(s, _)| s.passage == best.passage)
        .map(|(s, score)| {
            let sn = &split[s.passage][s.sentence];
            let text =
                &sn.text[sn.norm.to_original(s.range.start)..sn.norm.to_original(s.range.end)];
            (text.to_string(), *score)
        })
        .collect();
    considered.sort_by(|a, b| b.1.total_cmp(&a.1));
    considered.truncate(10);
    // Why and yes/no questions are answered with the sentence that explains: a span alone
    // would not; the reader's span stays the core.
    let display = if matches!(q.kind, AnswerKind::Reason | AnswerKind::YesNo) {
        best_sentence(
            q,
            ev,
            &split[best.passage],
            &ranked[best.passage].passage.text,
        )
    } else {
        orig(&display)
    };
    let span = extract::Candidate {
        core: best.range.clone(),
        display: best.range.clone(),
    };
    let year = extract::respectively_year(norm, &span)
        .or_else(|| extract::governing_year(sentence, best.range.end));
    Some(Choice {
        passage: best.passage,
        sentence: sentence.text.trim().to_string(),
        display,
        core: orig(&best.range),
        score,
        considered,
        year,
    })
}

/// Chinese numerals and the words that stand for a number (半, 几, 数十).
const NUMERALS: &str = "〇○零一二两三四五六七八九十百千万亿半几数";
/// Measure words and units that make a single numeral inside a span a figure (共三人).
const CLASSIFIERS: &str =
    "个人名位家所座条件项次届年月天日周岁倍成元角分吨米里亩户台辆架艘匹头只张本部种批笔秒层股轮场篇首枚代辑期集卷册%";
/// What may come before the figure that opens a span (约三成, 共两轮).
const BEFORE_FIGURE: &str = "约近共达逾仅超";

/// Whether a span states a figure: a digit, two numerals in a row (三十, 一万), a numeral that
/// opens the span (两轮, 约三成) or one with a measure word (共三人); not the numerals inside
/// words (统一, 第二大).
fn is_figure(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let opening = chars
        .iter()
        .find(|c| !BEFORE_FIGURE.contains(**c))
        .is_some_and(|c| NUMERALS.contains(*c));
    opening
        || chars.iter().enumerate().any(|(i, &c)| {
            c.is_ascii_digit()
                || (NUMERALS.contains(c)
                    && chars
                        .get(i + 1)
                        .is_some_and(|&n| NUMERALS.contains(n) || CLASSIFIERS.contains(n)))
        })
}

/// Whether a span gives a rank: 第 and a number (第八名, 第2届).
fn is_rank(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == '第' && (w[1].is_ascii_digit() || NUMERALS.contains(w[1])))
}

/// For a question that asks how many or how much, the spans that hold no figure are dropped
/// when some span does, and for one that asks for a rank (第几), those that give none: the
/// reader, fitted on encyclopedia questions, can rank a neighbouring word (各界, 平方米) above
/// the figure beside it, and an amount with no figure is not an answer. Which and what
/// questions (哪几个部分, 什么) ask for names, and 几 in 几何 or 几乎 asks for nothing: those are
/// left alone.
fn keep_figures<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    let norm = q.normalized.as_str();
    if ["哪", "什么", "那几", "这几", "几乎", "几何"]
        .iter()
        .any(|w| norm.contains(w))
    {
        return;
    }
    let rank = norm.contains("第几");
    let fits = |s: &reader::Span| {
        let t = text(s);
        if rank {
            is_rank(t)
        } else {
            is_figure(t)
        }
    };
    if spans.iter().any(|(s, _)| fits(s)) {
        spans.retain(|(s, _)| fits(s));
    }
}

/// Markers of a cause or an explanation (for why-questions).
const CAUSAL: &[&str] = &[
    "因为",
    "由于",
    "原因",
    "所以",
    "因此",
    "导致",
    "归根结底",
    "之所以",
    "在于",
    "源于",
];

/// The best sentence of a passage, for questions whose answer is a statement. For a
/// why-question, a sentence that gives a cause is preferred, and when the best match only
/// restates the question, the next sentence (which usually explains it) is added. `sentences`
/// are the passage `text` as [`extract::split`] splits it.
pub(super) fn best_sentence(
    q: &Question,
    ev: &Evidence,
    sentences: &[extract::Sentence<'_>],
    text: &str,
) -> String {
    let causal = |s: &str| CAUSAL.iter().any(|c| s.contains(c));
    let scored: Vec<f32> = sentences
        .iter()
        .map(|s| {
            let mut sc = ev.coverage(&s.norm.text);
            if q.kind == AnswerKind::Reason && causal(&s.norm.text) {
                sc += 0.2;
            }
            sc
        })
        .collect();
    let Some((best, _)) = scored.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) else {
        return text.trim().to_string();
    };
    let mut out = sentences[best].text.trim().to_string();
    if q.kind == AnswerKind::Reason {
        if let Some(next) = sentences.get(best + 1) {
            if causal(&next.norm.text) || !causal(&sentences[best].norm.text) {
                out.push_str(next.text.trim());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_figure, is_rank};

    #[test]
    fn figures_are_digits_numeral_runs_or_a_numeral_with_its_measure_word() {
        for f in [
            "1488万元",
            "三十万",
            "共三人",
            "两轮",
            "约三成",
            "12.7%",
            "八名",
        ] {
            assert!(is_figure(f), "{f}");
        }
        for w in ["各界", "平方米", "统一", "第二大贸易伙伴", "有限公司"] {
            assert!(!is_figure(w), "{w}");
        }
        assert!(is_rank("第八名") && is_rank("第2届") && is_rank("第二代"));
        assert!(!is_rank("八名") && !is_rank("次第"));
    }
}
