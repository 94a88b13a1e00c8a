//! Names the corpus never mentions: a question about a company, person, product or place that no
//! passage writes has no answer here, however well its other words match.
//!
//! Without this, `蘋果公司2022年營收多少` on a corpus about Chinese AI companies answered with
//! 雲從's revenue: every word but the name is there, and BM25 and the reranker reward the rest.
//! The learned answerability model ([`super::answerable`]) weighs a missing rare word, but it
//! cannot tell a missing name (no answer) from a missing verb (a paraphrase, still answerable).
//!
//! Only name-like words count: jieba tags them as names (nr, ns, nt, nz and their variants; eng
//! for capitalised Latin words), they are unknown to jieba's dictionary (its HMM found them: most
//! such words are names), or they stand before 公司/集团/银行/大学…. A name counts as written
//! when the words or title field holds it, when all its character bigrams occur in one passage
//! (jieba may cut a name differently in a passage than in a question), or, for an alias group,
//! when any of its names is written. A typo of a written name (one character off: 商陽 for 商湯)
//! is not a reason to refuse.

use serde::Serialize;

use crate::search::{FieldKind, Snapshot};
use crate::text::aliases::Aliases;
use crate::text::segment::{
    adverb_and_verb, jieba, suffix_and_verb, verb_and_particle, verb_compound,
};
use crate::text::{grams, is_cjk};
use crate::Result;

use super::glued;
use super::names_written::short_form;
use super::question::{self, AnswerKind, Question};
use super::separated;
pub(crate) use super::typos::is_typo_of_written;
use super::typos::typo_in;

/// jieba's tags of names: people, places, organisations, other proper nouns, Latin words.
const NAME_TAGS: &[&str] = &["nr", "nrfg", "nrt", "ns", "nsf", "nt", "nz", "eng"];

/// Words after which the word before is the name of an organisation (苹果 | 公司).
const ORGANISATION_WORDS: &[&str] = &[
    "公司",
    "集团",
    "银行",
    "大学",
    "学院",
    "医院",
    "研究院",
    "研究所",
    "基金会",
    "协会",
    "航空",
    "电视台",
    "报社",
    "工厂",
];

/// Organisation words news leaves out of a name it has given once (通用汽车 for 通用汽车公司);
/// the others are part of the name (国泰航空 is not 国泰, 中国银行 not 中国).
const GENERIC_ORGANISATION_WORDS: &[&str] = &["公司", "集团"];

/// Common words jieba's dictionary tags as places: 东西 ("things": 买东西), 中外, 城市 (a city,
/// any city: 日本城市是哪个), 山区, 城镇, 南北.
const COMMON_WORDS: &[&str] = &["东西", "中外", "城市", "山区", "城镇", "南北"];

/// English words users capitalise that name nothing (operators typed out of habit among them).
const LATIN_FUNCTION_WORDS: &[&str] = &[
    "and", "or", "not", "but", "with", "from", "about", "vs", "who", "what", "how", "when",
    "where", "which", "why", "is", "are", "was", "the", "of", "in", "on", "for", "to", "by",
];

/// A name the question writes that the corpus never does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmentioned {
    /// The name as the question writes it (normalized).
    pub name: String,
    /// Why it counts as a name: its jieba tag, `oov`, `before 公司`, or `alias`.
    pub why: String,
}

/// The names of the question that the corpus never writes, in question order. `named` is
/// [`name_like`] of the question, with the HMM (a name the dictionary lacks counts here).
/// `answering` is the normalized text (with its title) of the passage that would answer: for
/// an amount, a name of three characters or more passes as a typo only of a name written there
/// ([`typo_in`]): another company's figure is the wrong answer there is to fear.
pub fn unmentioned(
    q: &Question,
    snap: &Snapshot,
    named: &[(String, String)],
    answering: Option<&str>,
) -> Result<Vec<Unmentioned>> {
    let mut out = Vec::new();
    for &g in &q.entities {
        let Some(group) = snap.aliases().groups().get(g) else {
            continue;
        };
        let mut written = false;
        for name in &group.normalized {
            if is_written(snap, name)? {
                written = true;
                break;
            }
        }
        if !written {
            out.push(Unmentioned {
                name: group.normalized[0].clone(),
                why: "alias".into(),
            });
        }
    }
    for (name, why) in named.iter().cloned() {
        // A name before 航空, 银行 or 集团 is that organisation's: 国泰 of 国泰航空 is not
        // written by 国泰民安.
        let (name, why) = match with_organisation(&q.normalized, &name) {
            Some(whole) => (whole, format!("{why}; with the organisation word after it")),
            None => (name, why),
        };
        let short_written = match short_form(&name) {
            Some(short) => is_written(snap, short)?,
            None => false,
        };
        if is_written(snap, &name)?
            || short_written
            || glued::glued_to_written(snap, &name)?
            || glued::cut_from_written(snap, &q.normalized, &name)?
        {
            continue;
        }
        // A word no dictionary holds may be a user's short form of the answering passage's
        // longer word (罐箱 of 罐式集装箱); any name may be the first characters of the
        // passage's words in a row (西飞 of 西安飞机).
        if answering.is_some_and(|t| {
            (why == "oov" && separated::abbreviated_in(&name, t))
                || separated::initials_in(&name, t)
        }) {
            continue;
        }
        if !is_typo_of_written(snap, &name)? {
            out.push(Unmentioned { name, why });
        } else if let Some(text) =
            answering.filter(|t| q.kind == AnswerKind::Amount && !typo_in(&name, t))
        {
            // 巴斯夫 is one character off 巴斯特, a word of some other report: a typo is
            // of the name the answer is about, which its passage writes. So is a name of two
            // characters the question writes as an organisation's (宏碁集团): a word jieba
            // found in an encyclopedia question is left alone.
            let organisation = ORGANISATION_WORDS
                .iter()
                .any(|o| q.normalized.contains(&format!("{name}{o}")));
            if (name.chars().count() >= 3 || organisation) && !text.contains(name.as_str()) {
                out.push(Unmentioned {
                    name,
                    why: format!(
                        "{why}; a typo only of names the answering passage does not write"
                    ),
                });
            }
        }
    }
    Ok(out)
}

/// `name` with the organisation word the question writes right after it (国泰航空 for 国泰),
/// when it does.
fn with_organisation(question: &str, name: &str) -> Option<String> {
    let at = question.find(name)? + name.len();
    let org = ORGANISATION_WORDS
        .iter()
        .filter(|o| !GENERIC_ORGANISATION_WORDS.contains(o))
        .find(|o| question[at..].starts_with(*o))?;
    Some(format!("{name}{org}"))
}

/// The question's name-like words outside its alias mentions, question phrases and years, with
/// why each counts as a name.
/// `hmm` lets jieba join characters its dictionary lacks into words (what finds a name it
/// lacks), at several times the cost of the dictionary alone.
pub(super) fn name_like(q: &Question, aliases: &Aliases, hmm: bool) -> Vec<(String, String)> {
    // The question with its entities, question phrases and years blanked out, as the question's
    // terms are cut: jieba then cuts the same words here.
    let mut work = q.normalized.clone();
    for (cue, _) in question::CUES {
        work = work.replace(cue, &" ".repeat(cue.len()));
    }
    for name in &q.entity_names {
        work = work.replace(name.as_str(), &" ".repeat(name.len()));
    }
    for (pos, y) in question::years_in(&q.normalized) {
        // With its 年: left alone it glues to the next word (1997年村集体 gave the name 年村).
        let end = pos + y.len();
        let end = if work[end..].starts_with('年') {
            end + '年'.len_utf8()
        } else {
            end
        };
        work.replace_range(pos..end, &" ".repeat(end - pos));
    }
    let tags = jieba().tag(&work, hmm);
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let w = t.word;
        let cjk = w.chars().count() >= 2 && w.chars().all(is_cjk);
        let latin = w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
        if !(cjk || latin) || question::STOPWORDS.contains(&w) {
            continue;
        }
        // A word the question writes before 公司, 集团, 银行… names the organisation, whatever
        // jieba's dictionary tags it (宏碁 is a verb there, 宏仁 an "other proper noun"), unless
        // it points or counts (这家公司, 两家银行).
        let before_organisation = tags
            .get(i + 1)
            .filter(|next| ORGANISATION_WORDS.contains(&next.word))
            .filter(|_| !matches!(t.tag, "r" | "m" | "q" | "mq"))
            .map(|next| format!("before {}", next.word));
        let why = if latin {
            // A Latin word is a name when the user capitalised it (Tesla, not loss) and it is
            // no English function word or query operator (AND, OR, NOT).
            (capitalised(&q.raw, w) && !LATIN_FUNCTION_WORDS.contains(&w))
                .then(|| "eng".to_string())
        } else if t.tag == "nz" && before_organisation.is_some() {
            before_organisation
        } else if t.tag == "nz" && super::subject::place_works(w) {
            // An "other proper noun" that is a place's works (大庆油田, 长江大桥) is that
            // place's own: a report about another's (辽河油田) does not answer for it.
            Some("a place's works".to_string())
        } else if NAME_TAGS.contains(&t.tag) && !COMMON_WORDS.contains(&w) {
            Some(t.tag.to_string())
        } else if super::subject::city_or_county(w) {
            // jieba tags some cities as common words (长治 of 长治久安), not 长治市.
            Some("place before 市 or 县".to_string())
        } else if let Some(org) = ORGANISATION_WORDS
            .iter()
            .find(|o| w.len() > o.len() && w.ends_with(*o))
        {
            // jieba's dictionary holds some companies whole, tagged as common nouns (苹果公司).
            Some(format!("ends with {org}"))
        } else if !jieba().has_word(w)
            && !known_wording(aliases, w)
            && !verb_and_particle(w)
            && !suffix_and_verb(w)
            && !verb_compound(w)
            && !adverb_and_verb(w)
            && !super::measure_words::counted_noun(&q.normalized, w)
        {
            Some("oov".to_string())
        } else {
            // Not a common noun before 医院 or 大学 (商场医院宾馆 lists places of work); a
            // company may be named by one (新闻集团).
            before_organisation.filter(|_| {
                t.tag != "n"
                    || tags
                        .get(i + 1)
                        .is_some_and(|n| GENERIC_ORGANISATION_WORDS.contains(&n.word))
            })
        };
        if let Some(why) = why {
            if !out.iter().any(|(n, _)| n == w) {
                out.push((w.to_string(), why));
            }
        }
    }
    out
}

/// True when the alias file's `[terms]` or the paraphrase lexicon list the word (营收 is unknown
/// to jieba's dictionary, but a measure, not a name).
fn known_wording(aliases: &Aliases, word: &str) -> bool {
    !aliases.synonyms(word).is_empty() || crate::text::paraphrase::lexicon().knows(word)
}

/// True when the raw question writes the (lowercase) Latin word with a capital letter.
fn capitalised(raw: &str, word: &str) -> bool {
    raw.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word) && w.chars().any(|c| c.is_ascii_uppercase()))
}

/// True when some passage or title writes the (normalized) name.
pub(super) fn is_written(snap: &Snapshot, name: &str) -> Result<bool> {
    let lower = name.to_lowercase();
    if snap.doc_freq(FieldKind::Words, &lower) > 0 || snap.doc_freq(FieldKind::Title, &lower) > 0 {
        return Ok(true);
    }
    if !name.chars().any(is_cjk) {
        return Ok(false);
    }
    let bigrams: Vec<String> = grams(name)
        .into_iter()
        .filter(|g| g.text.chars().count() == 2 && g.text.chars().all(is_cjk))
        .map(|g| g.text)
        .collect();
    if !bigrams.is_empty()
        && snap.holds_all(FieldKind::Grams, &bigrams)?
        && (bigrams.len() == 1 || written_in_passages(snap, name, &bigrams)?)
    {
        return Ok(true);
    }
    if separated::written_with_separator(snap, name)?
        || separated::place_and_body_apart(snap, name)?
    {
        return Ok(true);
    }
    // 苹果公司 is cut whole: 通用汽车 | 公司 is written when 通用汽车 is, a name; 苹果 is a fruit.
    for suffix in GENERIC_ORGANISATION_WORDS {
        if let Some(stem) = name.strip_suffix(suffix) {
            if stem.chars().count() >= 2 && is_name(stem) && is_written(snap, stem)? {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// How many passages holding every bigram of a name are read for the name itself; past that
/// many it is taken as written.
const NAME_READ: usize = 20;

/// True when a passage holding the name's `bigrams` writes the name itself: one passage may
/// hold them apart (烟台 and 台港澳, not 烟台港).
pub(super) fn written_in_passages(snap: &Snapshot, name: &str, bigrams: &[String]) -> Result<bool> {
    let texts = snap.texts_holding(FieldKind::Grams, bigrams, NAME_READ)?;
    Ok(texts.len() >= NAME_READ
        || texts
            .iter()
            .any(|t| crate::text::normalize(t).contains(name)))
}

/// True when jieba takes `word` for a name: one token tagged as a name, or unknown to its
/// dictionary.
pub(super) fn is_name(word: &str) -> bool {
    let tags = jieba().tag(word, true);
    match tags.as_slice() {
        [one] => NAME_TAGS.contains(&one.tag) || !jieba().has_word(word),
        _ => !jieba().has_word(word),
    }
}

#[cfg(test)]
#[path = "mentions_tests.rs"]
mod tests;
