//! What is read for an answer: the best passages' sentences, the typed extractors' candidates
//! in them and their own pick, and the reader's spans over all of it.

use std::ops::Range;

use crate::search::Snapshot;
use crate::text::aliases::Aliases;

use super::evidence::Evidence;
use super::extract;
use super::limits::{READ_PASSAGES, READ_SHARE};
use super::question::{AnswerKind, Question};
use super::reader;
use super::rerank::Ranked;

/// The best passages split into sentences, as the reader reads them.
pub(crate) fn reading<'a>(ranked: &'a [Ranked]) -> Vec<Vec<extract::Sentence<'a>>> {
    ranked
        .iter()
        .take(READ_PASSAGES)
        .map(|r| extract::split_dated(&r.passage.text, super::rerank::passage_date(&r.passage)))
        .collect()
}

/// The reader's candidate spans over [`reading`]'s sentences.
pub(crate) fn read(
    q: &Question,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
    split: &[Vec<extract::Sentence<'_>>],
) -> Vec<reader::Span> {
    read_typed(q, ev, snap, ranked, split).0
}

/// [`read`], also returning the typed candidates it computed (per passage and sentence, as
/// [`typed_candidates`] gives them) so that the answer's display need not recompute them.
pub(super) fn read_typed(
    q: &Question,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
    split: &[Vec<extract::Sentence<'_>>],
) -> (Vec<reader::Span>, Vec<Vec<reader::Typed>>) {
    let top = ranked.iter().map(|r| r.score).fold(f32::EPSILON, f32::max);
    let typed = typed_candidates(q, ev, snap, ranked, split);
    let passages: Vec<reader::Passage<'_, '_>> = split
        .iter()
        .zip(&typed)
        .enumerate()
        .map(|(k, (s, t))| (k, ranked[k].score / top, s.as_slice(), t.as_slice()))
        .collect();
    let pick = typed_choice(q, ev, snap.aliases(), ranked, split, &typed);
    let spans = reader::spans(q, ev, snap.aliases(), &passages, pick);
    (spans, typed)
}

/// The typed extractors' candidates of every sentence with their scores, per passage (empty for
/// passages too far below the best to be read). Computed once, for the typed pick and the
/// reader's features.
fn typed_candidates(
    q: &Question,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
    split: &[Vec<extract::Sentence<'_>>],
) -> Vec<Vec<reader::Typed>> {
    let top = ranked.iter().map(|r| r.score).fold(f32::EPSILON, f32::max);
    split
        .iter()
        .enumerate()
        .map(|(k, sentences)| {
            if ranked[k].score / top < READ_SHARE {
                return Vec::new();
            }
            sentences
                .iter()
                .map(|s| {
                    let norm = s.norm.text.as_str();
                    extract::candidates(norm, q.kind, snap.aliases())
                        .into_iter()
                        .map(|c| {
                            let score = extract::score_candidate(&c, s, q, ev, snap.aliases());
                            (c, score)
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A span located by passage rank, sentence index and byte range in the normalized sentence.
type Pick = (usize, usize, Range<usize>);

/// The typed extractors' own pick (passage, sentence, core range in the normalized sentence):
/// the span of the expected type nearest to the question's terms, with the year, entity and
/// shape checks of [`extract::score_candidate`]. The reader takes it as a feature.
fn typed_choice(
    q: &Question,
    ev: &Evidence,
    aliases: &Aliases,
    ranked: &[Ranked],
    split: &[Vec<extract::Sentence<'_>>],
    typed: &[Vec<reader::Typed>],
) -> Option<Pick> {
    let top = ranked.first()?.score.max(f32::EPSILON);
    let mut best: Option<(Pick, f32)> = None;
    for (k, sentences) in split.iter().enumerate() {
        let weight = ranked[k].score / top;
        if weight < READ_SHARE {
            continue;
        }
        let mut local: Option<(Pick, f32)> = None;
        for (i, s) in sentences.iter().enumerate() {
            let norm = s.norm.text.as_str();
            let sent_cov = ev.coverage(norm);
            let gap = if k == 0 { extract::gap(norm, q) } else { None };
            let mut cands: Vec<(extract::Candidate, f32)> = typed
                .get(k)
                .and_then(|t| t.get(i))
                .cloned()
                .unwrap_or_default();
            if let (Some(g), true) = (&gap, cands.is_empty()) {
                let score = extract::score_candidate(g, s, q, ev, aliases);
                cands.push((g.clone(), score));
            }
            for (c, raw) in cands {
                let mut cs = raw;
                match &gap {
                    Some(g)
                        if c != *g && g.core.start <= c.core.start && c.core.end <= g.core.end =>
                    {
                        cs *= 1.4
                    }
                    Some(g)
                        if c == *g && q.kind != AnswerKind::Other && q.kind != AnswerKind::Name =>
                    {
                        cs *= 0.6
                    }
                    _ => {}
                }
                let score = weight * (0.5 * sent_cov + cs);
                if local.as_ref().is_none_or(|b| score > b.1) {
                    local = Some(((k, i, c.core), score));
                }
            }
        }
        if let Some(l) = local {
            let margin = if k == 0 { 1.0 } else { 1.25 };
            if best.as_ref().is_none_or(|b| l.1 > b.1 * margin) {
                best = Some(l);
            }
        }
    }
    best.map(|b| b.0)
}
