//! One question's analysis: retrieval, reranking, the found/not-found decision and the answer
//! span: everything `ask` and `explain` show.

use serde::Serialize;

use crate::search::{Clause, Snapshot};
use crate::text::normalize;
use crate::Result;

use super::amount_span;
use super::answerable;
use super::choose::{choose, Choice};
use super::evidence::Evidence;
use super::faults;
use super::measure;
use super::mentions::{self, Unmentioned};
use super::named;
use super::names_written;
use super::question::{AnswerKind, Question};
use super::rerank::{self, Ranked};
use super::retrieve;
use super::siblings;
use super::subject;
use super::which;

/// Below this reranked score of the best passage, the corpus is taken not to hold the answer.
const FOUND_THRESHOLD: f32 = 0.45;

/// Everything computed for a question, for `ask` (through [`Response`](super::Response)) and
/// `explain`.
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
    /// The span a check turned away (for `explain`): what would have been answered.
    pub withheld: Option<Choice>,
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
    /// Names the question writes and the corpus never does ([`mentions::unmentioned`]): any
    /// of them means not found, whatever the passages score.
    pub unmentioned: Vec<Unmentioned>,
    /// Why the question is not answered, the first check that turned it away (for `explain`).
    pub refused_by: Option<&'static str>,
}

/// Analyses one question against a snapshot of the index.
pub(crate) fn analyse(snap: &Snapshot, q: Question) -> Result<Analysis> {
    let q = super::latest::with_latest_year(snap, q)?;
    let clauses = retrieve::clauses(&q, snap);
    let hits = retrieve::candidates(snap, &clauses)?;
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
    // A typo of a name the corpus writes (商陽 for 商湯) is no unknown name.
    let unknown = match unknown {
        Some(name) if mentions::is_typo_of_written(snap, &name)? => None,
        other => other,
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
    // The same holds for a figure per head where a total is asked, or the reverse.
    // And so is a figure the sentence says counts another thing (70多万游客 for 多少外汇).
    let contradicted = choice.as_ref().is_some_and(|c| {
        faults::refuses_answer(&q, snap.aliases(), &c.display, &c.sentence, &c.core)
            || siblings::counts_another_thing(&q, &ev, &c.sentence, &c.core)
            || subject::answers_for_another_place(&q, &ev, &c.sentence, &c.core)
    });
    // A figure of another year than the question's is another fact, however well its passage
    // matches (比１９９６年 in a 1997 report; 去年 read as the article's year before).
    let other_year = q.kind == AnswerKind::Amount
        && !q.years.is_empty()
        && choice
            .as_ref()
            .and_then(|c| c.year.as_ref())
            .is_some_and(|y| !q.years.contains(y));
    // A name whose own clause dates its deed to another year (塔拉尔于1997年3月当选 for
    // 1998年3月当选的是谁) did another year's deed.
    let other_year = other_year
        || (named::asks_a_name(&q)
            && choice
                .as_ref()
                .is_some_and(|c| named::dated_to_another_year(&q, &c.sentence, &c.core)));
    // A figure in another measure's unit (an area for 多少钱, a date for 有多长) answers another
    // question, and so does a duration for 哪天, a word without a year for 哪一年, and a
    // pointer, a work's title or a figure for who or where.
    let wrong_measure = choice.as_ref().is_some_and(|c| {
        which::wrong_day(&q, &c.display)
            || which::wrong_year(&q, &c.display)
            || which::dateline_of_another_event(&q, &c.sentence, &c.core)
            || named::names_no_answer(&q, &c.sentence, &c.core)
            || measure::wrong_measure(&q, &c.display)
            || measure::wrong_measure(&q, &amount_span::written_on(&c.sentence, &c.core))
    });
    // A figure from a passage that does not write the places, organisations and people the
    // question names is another subject's (上海's output for a 天津 question).
    let other_subject = match (&choice, q.kind) {
        (Some(c), AnswerKind::Amount) if !ev.names.is_empty() => {
            let names = names_written::written_names(snap, &ev.names)?;
            // Or the narrower place the question writes after a name (马颈坳镇 of 吉首马颈坳镇).
            let narrower: Vec<String> = names
                .iter()
                .map(|n| subject::narrower_place(&q.normalized, n).unwrap_or_else(|| n.clone()))
                .collect();
            match ranked.get(c.passage) {
                Some(r) => {
                    !(writes_subject(snap, &names, &r.passage)?
                        || (narrower != names && writes_subject(snap, &narrower, &r.passage)?))
                }
                None => false,
            }
        }
        _ => false,
    };
    // The first check that turns the question away, in the order they are read.
    let mut refused_by = [
        (
            !found,
            "the evidence threshold (no passage covers the question well enough)",
        ),
        (
            other_subject,
            "the answer's passage does not write the names the question does",
        ),
        (
            contradicted,
            "the answer's words say it measures another thing or place",
        ),
        (other_year, "the answer's figure belongs to another year"),
        (
            wrong_measure,
            "the answer is of another kind or measure than asked",
        ),
        (
            answerable::score(&answerable) < 0.0,
            "the answerability model",
        ),
    ]
    .into_iter()
    .find_map(|(refused, why)| refused.then_some(why));
    let found = refused_by.is_none();
    // Only a question that would be answered is checked: a refusal needs no second reason.
    let unmentioned = if found {
        let answering = choice
            .as_ref()
            .and_then(|c| ranked.get(c.passage))
            .map(|r| {
                format!(
                    "{} {}",
                    normalize(&r.passage.heading()),
                    normalize(&r.passage.text)
                )
            });
        let named = mentions::name_like(&q, snap.aliases(), true);
        mentions::unmentioned(&q, snap, &named, answering.as_deref())?
    } else {
        Vec::new()
    };
    if !unmentioned.is_empty() {
        refused_by = Some("names the corpus never writes");
    }
    let found = found && unmentioned.is_empty();
    let lead = choice.as_ref().map(|c| c.passage);
    let withheld = if found { None } else { choice.take() };
    Ok(Analysis {
        question: q,
        evidence: ev,
        clauses,
        ranked,
        choice,
        withheld,
        lead,
        found,
        answerable,
        passed_threshold,
        unknown,
        unmentioned,
        refused_by,
    })
}

/// Whether `own` writes, outside the question's `names`, another name ending as the long name
/// `missing` does (塔吉克斯坦 where 吉尔吉斯斯坦 was asked): the paragraph's subject is that one,
/// whatever the paragraphs before it name.
fn names_a_sibling(missing: &str, own: &str, names: &[String]) -> bool {
    let chars: Vec<char> = missing.chars().collect();
    if chars.len() < 4 {
        return false;
    }
    let ending: String = chars[chars.len() - 2..].iter().collect();
    let mut rest = own.to_string();
    for n in names {
        rest = rest.replace(n.as_str(), " ");
    }
    rest.contains(&ending)
}

/// How many paragraphs before a passage may name its subject for it.
const SUBJECT_BACK: u32 = 4;

/// Whether the passage's article title, its paragraph or the paragraphs just before it
/// ([`Snapshot::preceding`]) write the names (as [`names_written::written_names`] gives them). A
/// window of a long paragraph is judged with the whole paragraph: a report may name its subject
/// in full only in a later sentence (大亚湾核电站 after a window that says 大亚湾). A report
/// names its place once at its start (在福建省平和县，有一个…西坑村) and then says 西坑 or 全村;
/// the paragraphs before count only for a paragraph that writes one of the names itself.
fn writes_subject(
    snap: &Snapshot,
    names: &[String],
    p: &crate::search::StoredPassage,
) -> Result<bool> {
    let writes = |text: &str| {
        let text = format!("{} {}", p.heading(), text);
        names_written::writes_names(names, &crate::text::normalize(&text))
    };
    if writes(&p.text) {
        return Ok(true);
    }
    let mut read: String = if p.windowed {
        snap.paragraph(&p.doc, p.paragraph)?
            .iter()
            .map(|w| w.text.as_str())
            .collect()
    } else {
        p.text.clone()
    };
    if p.windowed && writes(&read) {
        return Ok(true);
    }
    // The paragraphs before may give the wider place (福建省平和县) of a name the paragraph
    // writes (西坑村), not the whole subject: a report on 上海 is followed by one on the country.
    let own = crate::text::normalize(&read);
    let (written, missing): (Vec<&String>, Vec<&String>) = names
        .iter()
        .partition(|n| names_written::writes_names(std::slice::from_ref(*n), &own));
    if written.is_empty() || missing.iter().any(|n| names_a_sibling(n, &own, names)) {
        return Ok(false);
    }
    for before in snap.preceding(p, SUBJECT_BACK)? {
        read.push(' ');
        read.push_str(&before.text);
    }
    Ok(writes(&read))
}
