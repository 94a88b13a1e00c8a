//! From a question to an answer with citations: understand, retrieve, rerank, extract, cite.
//!
//! 1. [`question`]: answer type, entities (through the alias file), years, content words.
//! 2. Retrieval: BM25 over jieba words and CJK bigrams/unigrams with alias alternatives, built
//!    as term queries (user text never reaches tantivy's query parser).
//! 3. [`rerank`]: order the candidates by [`evidence`] (weighted coverage of the question in the
//!    passage and in its best sentences, runs of its characters, the title) weighed by a learned
//!    linear model, gated by entity and year agreement (another company or another year must
//!    not win; `2018-2022年` is not `2022年`).
//! 4. [`extract`]: the span of the expected type nearest to the question's terms, verbatim.
//! 5. Citations with highlighted matches; below a relevance threshold, "not found" with the
//!    nearest passages marked related.

pub mod answerable;
mod answerable_weights;
pub mod evidence;
pub mod explain;
pub mod extract;
pub mod question;
pub mod reader;
pub mod rerank;
mod rerank_weights;

use serde::{Deserialize, Serialize};

use crate::search::{Clause, Engine, FieldKind, Snapshot};
use crate::text::Normalized;
use crate::Result;

use evidence::Evidence;
pub use question::{AnswerKind, Question};
pub use rerank::Ranked;

/// Passages retrieved by BM25 before reranking. 20 ranked as well as 40 did on every evaluation
/// pool (within two questions) and cost a quarter less per question at 369k passages; 14 again
/// within a question on every pool, for 12% fewer instructions per question (callgrind, news
/// pool). At 10, top-5 with distractors lost seven DRCD questions.
const CANDIDATES: usize = 14;
/// How much (in the reader's log-odds) a span in a lower passage must beat the best passage's
/// for it to become the answer and its passage the first citation. At 2.0 the reader moved more
/// right passages down than wrong ones up. With the weights below, 4.0 ranked the right passage
/// first for 7 more DRCD and 3 more CMRC questions at the same exact match (both halves of each
/// dev set agree). The reader's penalty for another year was then raised above this margin.
/// With the forest's scores, 2, 4 and 7 gave the same held-out exact match within 0.3 points;
/// 4 kept the most right passages first. Spans in another window of the best passage's paragraph
/// are not held back: held out, that gave 32 more exact CMRC answers and 11 more DRCD ones, with
/// the same passages first.
const READER_MARGIN: f32 = 4.0;
/// Citations returned.
pub const CITATIONS: usize = 5;
/// A unigram in more than 1/COMMON_CHAR_SHARE of the passages is not a retrieval clause (in
/// corpora of over 50 × COMMON_CHAR_SHARE passages). The bigrams and words carry retrieval there:
/// at 1/300, top-1 on the DRCD and CMRC distractor pools moved by at most one question (top-5
/// lost five and two of 3.5k and 3.2k), and questions over 369k passages got 2.3× faster
/// (BENCHMARKS.md, "Retrieval without common characters").
const COMMON_CHAR_SHARE: u64 = 300;

/// Boosts of the character-gram clauses relative to jieba words (1.0).
const BIGRAM_BOOST: f32 = 0.6;
const UNIGRAM_BOOST: f32 = 0.15;
/// Below this reranked score of the best passage, the corpus is taken not to hold the answer.
const FOUND_THRESHOLD: f32 = 0.45;

/// One cited passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// 1-based rank.
    pub rank: usize,
    /// Document id.
    pub doc: String,
    /// Article title.
    pub title: String,
    /// Source, or null.
    pub source: Option<String>,
    /// Author, or null.
    pub author: Option<String>,
    /// Date, or null.
    pub date: Option<String>,
    /// URL, or null.
    pub url: Option<String>,
    /// 1-based paragraph number.
    pub paragraph: u32,
    /// Character offset of a window within its paragraph (only for windows).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub start: Option<u32>,
    /// End character offset of a window within its paragraph (only for windows).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub end: Option<u32>,
    /// The passage, verbatim.
    pub text: String,
    /// The final, reranked score (the learned reranker's; the passage holding the answer is
    /// cited first whatever its score).
    pub score: f32,
    /// True when the corpus does not answer and this passage is only related.
    #[serde(default)]
    pub related: bool,
    /// Byte ranges of `text` that match the question (for bold/marking).
    #[serde(default)]
    pub highlights: Vec<(usize, usize)>,
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The question as asked.
    pub question: String,
    /// The answer, verbatim from the first citation; null when the corpus does not say.
    pub answer: Option<String>,
    /// True when the corpus holds an answer.
    pub found: bool,
    /// The minimal answer (`60億` for `巨虧60億`), verbatim.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub core: Option<String>,
    /// The sentence the answer came from, verbatim.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sentence: Option<String>,
    /// The answer type understood from the question.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub answer_type: Option<AnswerKind>,
    /// Citations, best first.
    pub citations: Vec<Citation>,
    /// Why the question could not be handled (empty, too long...).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
}

impl Response {
    /// A response for a question that could not be asked at all.
    pub fn error(question: &str, why: impl Into<String>) -> Response {
        Response {
            question: question.to_string(),
            answer: None,
            found: false,
            core: None,
            sentence: None,
            answer_type: None,
            citations: Vec::new(),
            error: Some(why.into()),
        }
    }
}

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
}

/// Everything computed for a question, for `ask` (through [`Response`]) and `explain`.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The parsed question.
    pub question: Question,
    /// Its terms weighed against the index (shared by ranking, reading and the citations).
    #[serde(skip)]
    pub evidence: Evidence,
    /// The retrieval clauses.
    pub clauses: Vec<Clause>,
    /// Reranked passages, best first.
    pub ranked: Vec<Ranked>,
    /// The chosen answer span, if any.
    pub choice: Option<Choice>,
    /// The passage cited first when it is not the first ranked: the one the reader found the
    /// best span in, also when the answer itself is then withheld as not found.
    pub lead: Option<usize>,
    /// Whether the corpus is taken to answer.
    pub found: bool,
    /// Features of the best passage for the decision whether the corpus answers at all.
    pub answerable: [f32; answerable::FEATURES],
    /// Whether the evidence threshold let the question through to that decision.
    pub passed_threshold: bool,
    /// A name in the question that the corpus never writes ([`answerable::unknown_name`]), when
    /// the evidence threshold was passed (a feature of the answerability model).
    pub unknown: Option<String>,
}

/// Builds the retrieval clauses: entities with their aliases as alternatives, years, words,
/// bigrams and unigrams of the content.
pub fn clauses(q: &Question, snap: &Snapshot) -> Vec<Clause> {
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
        for s in snap.aliases().synonyms(t) {
            for w in crate::text::words(s) {
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

/// The best passages split into sentences, with their share of the best score, as the reader
/// reads them.
pub fn reading<'a>(ranked: &'a [Ranked]) -> Vec<Vec<extract::Sentence<'a>>> {
    ranked
        .iter()
        .take(3)
        .map(|r| extract::split(&r.passage.text))
        .collect()
}

/// The reader's candidate spans over [`reading`]'s sentences.
pub fn read(
    q: &Question,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
    split: &[Vec<extract::Sentence<'_>>],
) -> Vec<reader::Span> {
    let top = ranked.iter().map(|r| r.score).fold(f32::EPSILON, f32::max);
    let typed = typed_candidates(q, ev, snap, ranked, split);
    let passages: Vec<reader::Passage<'_, '_>> = split
        .iter()
        .zip(&typed)
        .enumerate()
        .map(|(k, (s, t))| (k, ranked[k].score / top, s.as_slice(), t.as_slice()))
        .collect();
    let pick = typed_choice(q, ev, snap.aliases(), ranked, split, &typed);
    reader::spans(q, ev, snap.aliases(), &passages, pick)
}

/// Passages below this share of the best score are not read for an answer.
const READ_SHARE: f32 = 0.75;

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
                            let score = extract::score_candidate(&c, norm, q, ev, snap.aliases());
                            (c, score)
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A span located by passage rank, sentence index and byte range in the normalized sentence.
type Pick = (usize, usize, std::ops::Range<usize>);

/// The typed extractors' own pick (passage, sentence, core range in the normalized sentence):
/// the span of the expected type nearest to the question's terms, with the year, entity and
/// shape checks of [`extract::score_candidate`]. The reader takes it as a feature.
fn typed_choice(
    q: &Question,
    ev: &Evidence,
    aliases: &crate::text::aliases::Aliases,
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
                let score = extract::score_candidate(g, norm, q, ev, aliases);
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

/// Picks the answer span among the top passages with the reader.
fn choose(q: &Question, ev: &Evidence, snap: &Snapshot, ranked: &[Ranked]) -> Option<Choice> {
    let split = reading(ranked);
    let spans = reader::rank(read(q, ev, snap, ranked, &split));
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
    let orig = |r: &std::ops::Range<usize>| {
        sentence.text[sentence.norm.to_original(r.start)..sentence.norm.to_original(r.end)]
            .to_string()
    };
    // A typed span is shown with its predicate (巨虧60億 for 60億).
    let display = extract::candidates(norm, q.kind, snap.aliases())
        .into_iter()
        .find(|c| c.core == best.range)
        .map_or(best.range.clone(), |c| c.display);
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
    // Why and yes/no questions are answered with the sentence that explains (the issue asks
    // for the passage); the reader's span stays the core.
    let display = if matches!(q.kind, AnswerKind::Reason | AnswerKind::YesNo) {
        best_sentence(q, ev, &ranked[best.passage].passage.text)
    } else {
        orig(&display)
    };
    Some(Choice {
        passage: best.passage,
        sentence: sentence.text.trim().to_string(),
        display,
        core: orig(&best.range),
        score,
        considered,
    })
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
/// restates the question, the next sentence (which usually explains it) is added.
fn best_sentence(q: &Question, ev: &Evidence, text: &str) -> String {
    let sentences = extract::split(text);
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

/// Byte ranges of `text` where the question's words, entities and years occur.
pub fn highlights(q: &Question, snap: &Snapshot, text: &str) -> Vec<(usize, usize)> {
    let norm = Normalized::new(text);
    let mut needles: Vec<String> = q
        .terms
        .iter()
        .filter(|t| t.chars().count() >= 2 || t.chars().all(|c| c.is_ascii_alphanumeric()))
        .cloned()
        .collect();
    needles.extend(q.years.iter().cloned());
    for &g in &q.entities {
        if let Some(group) = snap.aliases().groups().get(g) {
            needles.extend(group.normalized.iter().cloned());
        }
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for n in needles.iter().filter(|n| !n.trim().is_empty()) {
        for (i, _) in norm.text.match_indices(n.as_str()) {
            ranges.push((norm.to_original(i), norm.to_original(i + n.len())));
        }
    }
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Analyses one question against a snapshot of the index.
pub fn analyse(snap: &Snapshot, q: Question) -> Result<Analysis> {
    let clauses = clauses(&q, snap);
    let hits = snap.search(&clauses, CANDIDATES)?;
    let ev = Evidence::new(&q, snap);
    let ranked = rerank::rerank(&q, &ev, snap, hits);
    // Whether the corpus answers is the evidence score's call (the best passage by it), the
    // order of the passages the learned model's.
    let best = (0..ranked.len()).max_by(|&a, &b| ranked[a].score.total_cmp(&ranked[b].score));
    let found = best.map(|i| &ranked[i]).is_some_and(|r| {
        r.score >= FOUND_THRESHOLD && r.entity >= 0.5 && r.year > 0.0 && r.coverage >= 0.5
    });
    let mut choice = if found {
        choose(&q, &ev, snap, &ranked)
    } else {
        None
    };
    let unknown = if found {
        answerable::unknown_name(&q, snap)
    } else {
        None
    };
    let answerable = answerable::features(
        &q.normalized,
        &ev,
        snap,
        &ranked,
        best.unwrap_or(0),
        choice.as_ref(),
        unknown.is_some(),
    );
    // The evidence threshold lets through questions whose rare words the passage only shares
    // characters with, or that name something the corpus never writes; the learned model turns
    // those away.
    let passed_threshold = found;
    // An answer that says it measures something else the alias file lists (净亏损 when 营收 was
    // asked) is a neighbouring figure: the reader weighs where a span sits, not what its own
    // words say it measures.
    let contradicted = choice
        .as_ref()
        .is_some_and(|c| measures_something_else(&q, snap, c));
    let found = found && !contradicted && answerable::score(&answerable) >= 0.0;
    let lead = choice.as_ref().map(|c| c.passage);
    if !found {
        choice = None;
    }
    Ok(Analysis {
        question: q,
        evidence: ev,
        clauses,
        ranked,
        choice,
        lead,
        found,
        answerable,
        passed_threshold,
        unknown,
    })
}

/// Whether the words shown in front of the answer's amount name another measure of the alias
/// file than the question's.
fn measures_something_else(q: &Question, snap: &Snapshot, c: &Choice) -> bool {
    let display = crate::text::normalize(&c.display);
    let core = crate::text::normalize(&c.core);
    let said = display.find(core.as_str()).map_or("", |i| &display[..i]);
    snap.aliases().names_another_measure(&q.normalized, said)
}

/// Turns an analysis into the response front ends show.
pub fn respond(snap: &Snapshot, a: &Analysis) -> Response {
    let q = &a.question;
    let ev = &a.evidence;
    // The passage holding the reader's best span is cited first.
    let mut order: Vec<usize> = (0..a.ranked.len()).collect();
    if let Some(lead) = a.lead.filter(|&i| i < a.ranked.len()) {
        order.retain(|&i| i != lead);
        order.insert(0, lead);
    }
    // One citation per paragraph: a long paragraph's other windows would cite the same ¶ twice
    // and push other sources out (its full text is one button away).
    let mut cited = std::collections::HashSet::new();
    let citations: Vec<Citation> = order
        .into_iter()
        .filter(|&i| {
            let p = &a.ranked[i].passage;
            cited.insert((p.doc.as_str(), p.paragraph))
        })
        .take(CITATIONS)
        .enumerate()
        .map(|(rank, i)| {
            let r = &a.ranked[i];
            let p = &r.passage;
            Citation {
                rank: rank + 1,
                doc: p.doc.clone(),
                title: p.title.clone(),
                source: p.source.clone(),
                author: p.author.clone(),
                date: p.date.clone(),
                url: p.url.clone(),
                paragraph: p.paragraph,
                start: p.windowed.then_some(p.start),
                end: p.windowed.then_some(p.end),
                text: p.text.clone(),
                score: r.order,
                related: !a.found,
                highlights: highlights(q, snap, &p.text),
            }
        })
        .collect();
    let (answer, core, sentence) = match (&a.choice, a.found) {
        (Some(c), true) => (
            Some(c.display.clone()),
            Some(c.core.clone()),
            Some(c.sentence.clone()),
        ),
        (None, true) => {
            let s = a
                .ranked
                .first()
                .map(|r| best_sentence(q, ev, &r.passage.text));
            (s.clone(), s.clone(), s)
        }
        _ => (None, None, None),
    };
    Response {
        question: q.raw.clone(),
        answer,
        found: a.found,
        core,
        sentence,
        answer_type: Some(q.kind),
        citations,
        error: None,
    }
}

/// Answers questions from an [`Engine`].
pub struct Answerer<'e> {
    engine: &'e Engine,
}

impl<'e> Answerer<'e> {
    /// Answers from `engine`.
    pub fn new(engine: &'e Engine) -> Self {
        Answerer { engine }
    }

    /// Answers one question. Bad input (empty, emoji-only, punctuation) gets a response with
    /// an `error` message, not an `Err`; `Err` is for index failures.
    pub fn ask(&self, question: &str) -> Result<Response> {
        let snap = self.engine.snapshot();
        ask_with(&snap, question)
    }
}

/// Answers one question against a snapshot.
pub fn ask_with(snap: &Snapshot, question: &str) -> Result<Response> {
    ask_scored(snap, question).map(|(r, _)| r)
}

/// What [`ask_scored`] measured beside the response (for `eval --report`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// The reader's score of the chosen answer.
    pub reader: Option<f32>,
    /// The answerability features ([`answerable::features`]), when the evidence threshold let
    /// the question through to the answerability model.
    pub answerable: Option<[f32; answerable::FEATURES]>,
}

/// [`ask_with`], also returning the scores behind the response (for `eval --report`).
pub fn ask_scored(snap: &Snapshot, question: &str) -> Result<(Response, Scores)> {
    let Some(q) = Question::parse(question, snap.aliases()) else {
        let why = "請輸入一個問題，例如「商湯2022年虧損多少」。/ Please type a question in words.";
        return Ok((Response::error(question, why), Scores::default()));
    };
    let analysis = analyse(snap, q)?;
    let scores = Scores {
        reader: analysis.choice.as_ref().map(|c| c.score),
        answerable: analysis.passed_threshold.then_some(analysis.answerable),
    };
    Ok((respond(snap, &analysis), scores))
}
