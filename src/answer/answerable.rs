//! Whether the corpus answers the question at all.
//!
//! The evidence threshold (`FOUND_THRESHOLD`) gives partial credit for a word's characters, so
//! a question about a person the corpus never names (于乐) still finds a passage that holds 于
//! and 乐 and the rest of the question's common words, and gets a confident-looking wrong
//! answer. These features describe the best passage's support for the question's rarest
//! terms as whole words, for a learned decision trained with questions asked of the wrong
//! corpus as negatives (`scripts/train_answerable.py`).

use crate::search::Snapshot;
use crate::text::normalize;

use super::answerable_weights::{B, W};
use super::evidence::{Evidence, Role};
use super::{Choice, Ranked};

/// The model's score of the features: below 0, the corpus is taken not to answer. It keeps
/// 99% of the dev-set questions that the evidence threshold found in their own paragraphs.
pub fn score(features: &[f32; FEATURES]) -> f32 {
    features.iter().zip(W).map(|(f, w)| f * w).sum::<f32>() + B
}

// A refit must keep the design's direction: lacking the question's rarest term (feature 4)
// counts against answering, sharing its 3-grams (feature 6) for it.
const _: () = assert!(W[4] < 0.0 && W[6] > 0.0);

/// Features per question (see [`features`]).
pub const FEATURES: usize = 17;

/// The answerability features of the question's best passage (`best`, by evidence score):
/// evidence score, coverage, best sentence, share of the terms' weight found whole, the
/// largest weight of a term not found whole (÷ the largest possible), the weight of such terms
/// (÷ the total), share of the question's 3- and 4-grams found (the reranker's), entity and
/// year agreement, whether the reader chose a span and its score (÷ 5), the second-largest
/// weight of a term not found whole, the weight of terms none of whose characters occur, share
/// of the question's character bigrams found, share of the title's characters in the question
/// (the reranker's), and the number of terms (log).
pub fn features(
    q_norm: &str,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
    best: usize,
    choice: Option<&Choice>,
) -> [f32; FEATURES] {
    let Some(r) = ranked.get(best) else {
        return [0.0; FEATURES];
    };
    let norm = normalize(&r.passage.text);
    let title = normalize(&r.passage.title);
    let n = snap.num_passages().max(1) as f32;
    let most = 1.0 + (1.0 + (n + 0.5) / 1.5).ln();
    let total: f32 = ev
        .terms
        .iter()
        .map(|t| t.weight)
        .sum::<f32>()
        .max(f32::EPSILON);
    let (mut whole, mut missing, mut absent) = (0.0f32, 0.0f32, 0.0f32);
    let mut gone: Vec<f32> = Vec::new();
    for t in &ev.terms {
        let p = Evidence::presence(t, &norm);
        let here = p >= 1.0 || (t.role != Role::Word && Evidence::presence(t, &title) >= 1.0);
        if here {
            whole += t.weight;
        } else {
            missing += t.weight;
            gone.push(t.weight);
            if p == 0.0 {
                absent += t.weight;
            }
        }
    }
    gone.sort_by(|a, b| b.total_cmp(a));
    let missing_max = gone.first().copied().unwrap_or(0.0);
    let missing_second = gone.get(1).copied().unwrap_or(0.0);
    let bigrams: Vec<String> = {
        let chars: Vec<char> = q_norm.chars().filter(|c| c.is_alphanumeric()).collect();
        chars.windows(2).map(|w| w.iter().collect()).collect()
    };
    let bi_share = if bigrams.is_empty() {
        0.0
    } else {
        bigrams.iter().filter(|b| norm.contains(b.as_str())).count() as f32 / bigrams.len() as f32
    };
    let reader = choice.map(|c| c.score);
    [
        r.score,
        r.coverage,
        r.sentence,
        whole / total,
        missing_max / most,
        missing / total,
        r.features[4],
        r.features[5],
        r.entity,
        r.year,
        f32::from(u8::from(reader.is_some())),
        reader.unwrap_or(0.0).clamp(-5.0, 5.0) / 5.0,
        missing_second / most,
        absent / total,
        bi_share,
        r.features[7],
        (1.0 + ev.terms.len() as f32).ln() / 3.0,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model must hold the design's direction: a passage that lacks the question's rarest
    /// term (feature 4) or shares fewer of its 3-grams (feature 6) is less likely to answer.
    #[test]
    fn fitted_weights_point_the_way_the_features_mean() {
        let mut strong = [0.0; FEATURES];
        strong[0] = 1.0;
        strong[1] = 1.0;
        strong[3] = 1.0;
        strong[6] = 1.0;
        strong[7] = 1.0;
        strong[14] = 1.0;
        let mut weak = strong;
        weak[4] = 1.0;
        weak[6] = 0.2;
        assert!(score(&weak) < score(&strong));
    }
}
