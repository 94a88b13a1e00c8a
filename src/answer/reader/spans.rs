//! The reader's candidate spans: the best sentences of the best passages, every candidate span
//! of each with its features and classes.

use std::ops::Range;

use crate::answer::evidence::Evidence;
use crate::answer::extract::{self, Sentence};
use crate::answer::limits::{READ_PASSAGES, READ_SHARE};
use crate::answer::question::Question;
use crate::text::aliases::Aliases;

use super::candidates::{self, Atoms, MAX_CHARS};
use super::classes::{boundary, length_bucket, pos_class};
use super::cues::{cues, Cues};
use super::dense::{dense, SpanAt};
use super::sentence::SentenceView;
use super::Span;

/// Sentences of each passage that are read (best first by coverage).
const SENTENCES: usize = 4;

/// The typed extractors' candidates of one sentence with their scores
/// ([`extract::score_candidate`]).
pub type Typed = Vec<(extract::Candidate, f32)>;

/// A passage as the reader reads it: its rank, its share of the best score, its sentences and
/// the typed candidates of each sentence.
pub type Passage<'p, 's> = (usize, f32, &'p [Sentence<'s>], &'p [Typed]);

/// Every candidate span in the best sentences of the best passages.
pub fn spans(
    q: &Question,
    ev: &Evidence,
    aliases: &Aliases,
    passages: &[Passage<'_, '_>],
    typed_pick: Option<(usize, usize, Range<usize>)>,
) -> Vec<Span> {
    let cues = cues(q, ev);
    let mut out = Vec::new();
    for &(rank, weight, sentences, typed) in passages.iter().take(READ_PASSAGES) {
        if weight < READ_SHARE {
            continue;
        }
        let mut order: Vec<(usize, f32)> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| (i, ev.coverage(&s.norm.text)))
            .collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (srank, &(i, cov)) in order.iter().take(SENTENCES).enumerate() {
            let ctx = SentenceContext {
                q,
                aliases,
                cues: &cues,
                rank,
                weight,
                sentence_rank: srank,
                coverage: cov,
                best_coverage: order.first().map_or(0.0, |o| o.1),
                typed_pick: typed_pick
                    .as_ref()
                    .filter(|(p, s, _)| *p == rank && *s == i)
                    .map(|t| t.2.clone()),
                sentence: &sentences[i],
            };
            let none = Typed::new();
            let typed = typed.get(i).unwrap_or(&none);
            sentence_spans(&ctx, i, &sentences[i].norm.text, typed, &mut out);
        }
    }
    out
}

/// What the reader knows of the sentence it reads: the question, its cues, the passage's rank
/// and share, the sentence's rank and coverage.
pub(super) struct SentenceContext<'a> {
    pub(super) q: &'a Question,
    pub(super) aliases: &'a Aliases,
    pub(super) cues: &'a Cues,
    pub(super) rank: usize,
    pub(super) weight: f32,
    pub(super) sentence_rank: usize,
    pub(super) coverage: f32,
    pub(super) best_coverage: f32,
    /// The typed extractors' pick, when it lies in this sentence.
    pub(super) typed_pick: Option<Range<usize>>,
    /// The sentence, for the years that govern its figures ([`extract::governing_year`]).
    pub(super) sentence: &'a extract::Sentence<'a>,
}

/// Every candidate span of one sentence, with its features.
fn sentence_spans(
    ctx: &SentenceContext<'_>,
    index: usize,
    norm: &str,
    typed_scored: &[(extract::Candidate, f32)],
    out: &mut Vec<Span>,
) {
    let s = SentenceView::new(ctx, norm, typed_scored);
    let ranges = candidates::ranges(&s);
    let atoms = Atoms::of(norm);
    let words = &s.words;
    for (start, end, count) in ranges {
        if atoms.cut(norm, start, end) && !s.typed.iter().any(|c| c.core == (start..end)) {
            continue;
        }
        {
            let Some(&(_, _, last, tag)) = words.iter().rev().find(|w| w.0 < end) else {
                continue;
            };
            let (cs, ce) = (s.char_at(start), s.char_at(end));
            if ce - cs > MAX_CHARS {
                break;
            }
            let text = &norm[start..end];
            let in_question = text.chars().filter(|c| ctx.cues.chars.contains(c)).count();
            let len = ce - cs;
            // A span the question already says is no answer. One made only of the question's
            // characters may be (網球 for 哪一種運動需要…球網, 1911年 for M1911在哪一年…).
            if ctx.q.normalized.contains(text) || ctx.cues.regional.iter().any(|r| r == text) {
                continue;
            }
            let at = SpanAt {
                start,
                end,
                count,
                cs,
                ce,
                len,
                text,
                in_question,
            };
            out.push(Span {
                passage: ctx.rank,
                sentence: index,
                range: start..end,
                dense: dense(ctx, &s, at),
                kind: ctx.cues.class,
                pos: pos_class(tag, last),
                length: length_bucket(len),
                first: words
                    .iter()
                    .find(|w| w.0 >= start)
                    .map_or(7, |w| pos_class(w.3, w.2)),
                prev: boundary(words.iter().rev().find(|w| w.1 <= start).map(|w| w.2)),
                next: boundary(words.iter().find(|w| w.0 >= end).map(|w| w.2)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::reader::{rank, Feature};

    /// The spans of one sentence for a question, with their texts.
    fn spans_of(question: &str, passage: &str) -> Vec<(String, Span)> {
        let q = Question::parse(question, &Aliases::default()).unwrap();
        let sentences = extract::split(passage);
        let typed: Vec<Typed> = sentences.iter().map(|_| Typed::new()).collect();
        let spans = spans(
            &q,
            &Evidence::empty(),
            &Aliases::default(),
            &[(0, 1.0, &sentences, &typed)],
            None,
        );
        spans
            .into_iter()
            .map(|s| {
                (
                    sentences[s.sentence].norm.text[s.range.clone()].to_string(),
                    s,
                )
            })
            .collect()
    }

    #[test]
    fn edges_that_cut_a_token_are_marked() {
        let feature = |spans: &[(String, Span)], text: &str, f: Feature| {
            spans
                .iter()
                .find(|(t, _)| t == text)
                .map(|(_, s)| s.dense[f])
                .unwrap_or_else(|| panic!("no span {text}"))
        };
        let s = spans_of("这本小说的作者是谁", "这本小说的作者是史蒂芬·金。");
        assert_eq!(feature(&s, "史蒂芬", Feature::CutsToken), 1.0);
        assert_eq!(feature(&s, "史蒂芬·金", Feature::CutsToken), 0.0);
        let s = spans_of("比赛有多少人参赛", "比赛共有2742人参赛。");
        assert_eq!(feature(&s, "2742", Feature::CutsUnit), 1.0);
        assert_eq!(feature(&s, "2742人", Feature::CutsUnit), 0.0);
        let s = spans_of("提供哪些职业的许可", "许可给中医、厨师、教师。");
        assert_eq!(feature(&s, "中医、厨师", Feature::CutsList), 1.0);
        assert_eq!(feature(&s, "中医、厨师、教师", Feature::CutsList), 0.0);
    }

    #[test]
    fn a_span_of_the_questions_characters_is_a_candidate_unless_the_question_says_it() {
        let s = spans_of("哪一种运动需要球网", "网球是一种需要球网的运动。");
        let texts: Vec<&str> = s.iter().map(|(t, _)| t.as_str()).collect();
        assert!(texts.contains(&"网球"), "{texts:?}");
        assert!(!texts.contains(&"球网"), "{texts:?}");
        let net = s
            .iter()
            .find(|(t, _)| t == "网球")
            .map(|(_, s)| s.dense[Feature::AllInQuestion]);
        assert_eq!(net, Some(1.0));
    }

    #[test]
    fn spans_keep_figures_and_dates_whole_and_score_finitely() {
        let q = Question::parse("旷视科技什么时候提交上市注册", &Aliases::default()).unwrap();
        let passage = "曠視科技於2021年9月提交上市註冊，其後擱置。";
        let sentences = extract::split(passage);
        let ev = Evidence::empty();
        let typed: Vec<Typed> = sentences
            .iter()
            .map(|s| {
                extract::candidates(&s.norm.text, q.kind, &Aliases::default())
                    .into_iter()
                    .map(|c| (c, 0.0))
                    .collect()
            })
            .collect();
        let spans = spans(
            &q,
            &ev,
            &Aliases::default(),
            &[(0, 1.0, &sentences, &typed)],
            None,
        );
        assert!(!spans.is_empty());
        let texts: Vec<&str> = spans
            .iter()
            .map(|s| &sentences[s.sentence].norm.text[s.range.clone()])
            .collect();
        assert!(texts.contains(&"2021年9月"), "{texts:?}");
        assert!(!texts.contains(&"2021年9"), "{texts:?}");
        assert!(!texts.contains(&"9月"), "{texts:?}");
        assert!(spans.iter().all(|s| s.score().is_finite()));
        let ranked = rank(spans.clone(), |_| false);
        assert!(ranked.len() <= super::super::forest::get().shortlist());
        // Spans below the shortlist that the caller keeps are scored too, a few of them.
        let all = spans.len();
        let kept = rank(spans, |_| true);
        assert_eq!(
            kept.len(),
            all.min(super::super::forest::get().shortlist() + super::super::rank::KEPT_BELOW)
        );
        assert!(ranked.iter().all(|(_, score)| score.is_finite()));
        assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1));
    }
}
