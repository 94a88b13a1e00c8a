//! Whether the corpus answers the question at all.
//!
//! The evidence threshold (`FOUND_THRESHOLD`) gives partial credit for a word's characters, so
//! a question about a person the corpus never names (于乐) still finds a passage that holds 于
//! and 乐 and the rest of the question's common words, and gets a confident-looking wrong
//! answer. These features describe the best passage's support for the question's rarest
//! terms as whole words, for a learned decision trained with questions asked of the wrong
//! corpus as negatives (`scripts/train_answerable.py`).

use crate::search::{FieldKind, Snapshot};
use crate::text::{normalize, segment::jieba};

use super::answerable_weights::{B, W};
use super::choose::Choice;
use super::evidence::{rare_idf, Evidence, Role};
use super::extract::{ORGANIZATION_TAGS, PERSON_TAGS, PLACE_TAGS};
use super::question::Question;
use super::rerank::Ranked;

/// The model's score of the features: below 0, the corpus is taken not to answer. It keeps
/// 99% of the dev-set questions that the evidence threshold found in their own paragraphs.
pub fn score(features: &[f32; FEATURES]) -> f32 {
    features.iter().zip(W).map(|(f, w)| f * w).sum::<f32>() + B
}

// A refit must keep the design's direction: lacking the question's rarest term (feature 4)
// counts against answering, sharing its 3-grams (feature 6) for it.
const _: () = assert!(W[4] < 0.0 && W[6] > 0.0);

/// Features per question (see [`features`]).
pub const FEATURES: usize = 18;

// The trained weights must match the features one for one (`zip` would silently drop the rest).
const _: () = assert!(W.len() == FEATURES);

/// The answerability features of the question's best passage (`best`, by evidence score):
/// 0 evidence score, 1 coverage, 2 best sentence, 3 share of the terms' weight found whole,
/// 4 the largest weight of a term not found whole (÷ the largest possible), 5 the weight of
/// such terms (÷ the total), 6–7 shares of the question's character 3- and 4-grams found,
/// 8 entity and 9 year agreement, 10 whether the reader chose a span and 11 its score (÷ 5),
/// 12 the second-largest weight of a term not found whole, 13 the weight of terms none of whose
/// characters occur, 14 share of the question's character bigrams found, 15 share of the
/// title's characters named in the question, 16 the number of terms (log), 17 whether the
/// question names something the corpus never writes ([`unknown_name`]).
///
/// The character n-grams leave out the question's entity mentions (entity agreement judges
/// those, through their aliases: 曠世 for a passage that writes 旷视) and Latin letters; the
/// title counts as named when the question names it through an alias. A Latin word the passage
/// lacks is not held against it: in a Chinese corpus it is most often the question's own
/// translation of a word the passage writes in Chinese (`SenseTime 2022 loss`).
pub fn features(
    q_norm: &str,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
    best: usize,
    choice: Option<&Choice>,
    unknown: bool,
) -> [f32; FEATURES] {
    let Some(r) = ranked.get(best) else {
        return [0.0; FEATURES];
    };
    let norm = normalize(&r.passage.text);
    let title = normalize(&r.passage.heading());
    let most = 1.0 + rare_idf(snap);
    let total = ev.total();
    let (mut whole, mut missing) = (0.0f32, 0.0f32);
    let mut gone: Vec<f32> = Vec::new();
    for t in &ev.terms {
        let here = Evidence::presence_dated(t, &norm, &r.resolved_years) >= 1.0
            || (t.role != Role::Word && Evidence::presence(t, &title) >= 1.0);
        if here {
            whole += t.weight;
        } else if !t.is_latin_word() {
            missing += t.weight;
            gone.push(t.weight);
        }
    }
    gone.sort_by(|a, b| b.total_cmp(a));
    let missing_max = gone.first().copied().unwrap_or(0.0);
    let missing_second = gone.get(1).copied().unwrap_or(0.0);
    let entity_forms: Vec<&str> = ev
        .terms
        .iter()
        .filter(|t| t.role == Role::Entity)
        .flat_map(|t| t.forms.iter().map(String::as_str))
        .collect();
    let plain = without(q_norm, &entity_forms);
    let share = |n: usize| {
        let grams = cjk_grams(&plain, n);
        if grams.is_empty() {
            return 1.0;
        }
        grams.iter().filter(|g| norm.contains(g.as_str())).count() as f32 / grams.len() as f32
    };
    let title_chars: Vec<char> = title.chars().filter(|c| c.is_alphanumeric()).collect();
    let title_share = if title_chars.is_empty() {
        0.0
    } else {
        let named = |c: &char| q_norm.contains(*c) || entity_forms.iter().any(|f| f.contains(*c));
        title_chars.iter().filter(|c| named(c)).count() as f32 / title_chars.len() as f32
    };
    let reader = choice.map(|c| c.score);
    [
        r.score,
        r.coverage,
        r.sentence,
        whole / total,
        missing_max / most,
        missing / total,
        share(3),
        share(4),
        r.entity,
        r.year,
        f32::from(u8::from(reader.is_some())),
        reader.unwrap_or(0.0).clamp(-5.0, 5.0) / 5.0,
        missing_second / most,
        ev.absent_share(&norm, &title),
        share(2),
        title_share,
        (1.0 + ev.terms.len() as f32).ln() / 3.0,
        f32::from(u8::from(unknown)),
    ]
}

/// The first name in the question that the corpus never writes: a word jieba tags as a name
/// (a person, place or organisation; its HMM tags most words outside its dictionary `nr`),
/// no two neighbouring characters of which occur together in any passage, and which no title
/// holds.
///
/// Not one bigram, because jieba's HMM often glues a name to its neighbour in a question
/// (`白岳峰现效力于哪支球队` gives 白岳峰现), and transliterations vary (毕加索 for 毕卡索).
///
/// Whatever the passages say, they do not say it about this name: `李華2022年虧損多少` over a
/// corpus that never mentions 李華 would otherwise get 云从's loss, since every other word of
/// the question is there. Names the alias file knows are not among the question's terms, and
/// Latin names are left alone (a Chinese corpus often writes them in Chinese).
pub fn unknown_name(q: &Question, snap: &Snapshot) -> Option<String> {
    jieba()
        .tag(&q.normalized, true)
        .into_iter()
        .filter(|t| {
            [PERSON_TAGS, PLACE_TAGS, ORGANIZATION_TAGS]
                .iter()
                .any(|tags| tags.contains(&t.tag))
        })
        .map(|t| t.word)
        .filter(|w| w.chars().count() >= 2 && w.chars().all(crate::text::is_cjk))
        .filter(|w| q.terms.iter().any(|term| term == w))
        .find(|w| {
            let chars: Vec<char> = w.chars().collect();
            let unwritten = chars.windows(2).all(|pair| {
                let bigram: String = pair.iter().collect();
                snap.doc_freq(FieldKind::Grams, &bigram) == 0
            });
            unwritten && snap.doc_freq(FieldKind::Title, w) == 0
        })
        .map(str::to_string)
}

/// `text` with every occurrence of `forms` (longest first) cut out.
fn without(text: &str, forms: &[&str]) -> String {
    let mut forms: Vec<&str> = forms.iter().copied().filter(|f| !f.is_empty()).collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut out = text.to_string();
    for f in forms {
        out = out.replace(f, " ");
    }
    out
}

/// The distinct `n`-character runs of `text` made of word characters other than ASCII (CJK):
/// runs do not cross punctuation, spaces, digits or Latin letters.
fn cjk_grams(text: &str, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<char> = Vec::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() && !c.is_ascii() {
            run.push(c);
            continue;
        }
        out.extend(run.windows(n).map(|w| w.iter().collect::<String>()));
        run.clear();
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_leave_out_entity_mentions_latin_letters_and_digits() {
        let plain = without("曠世2022年的創始人是誰", &["曠世", "旷视", "megvii"]);
        assert_eq!(plain, " 2022年的創始人是誰");
        assert_eq!(
            cjk_grams(&plain, 3),
            ["人是誰", "創始人", "始人是", "年的創", "的創始"]
        );
        assert!(cjk_grams("sensetime 2022 loss", 2).is_empty());
        assert!(cjk_grams("商湯", 3).is_empty());
    }

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
