//! The response front ends show: the answer, and the citations (the passage holding the
//! answer first, one per paragraph) with the question's words highlighted.

use crate::search::Snapshot;
use crate::text::Normalized;

use super::analyse::Analysis;
use super::extract;
use super::headline;
use super::question::Question;
use super::statement::best_sentence;
use super::types::{Citation, Response};

/// Citations returned.
pub const CITATIONS: usize = 5;

/// Turns an analysis into the response front ends show.
pub(crate) fn respond(snap: &Snapshot, a: &Analysis) -> Response {
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
    // A story printed after a headline record is cited under that headline (the headline's own
    // record stays a citation where it ranks: it may be all that holds the words asked).
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
                meta: match headline::headline_before(snap, p) {
                    Some(title) => crate::corpus::Meta {
                        title,
                        ..p.meta.clone()
                    },
                    None => p.meta.clone(),
                },
                paragraph: p.paragraph,
                start: p.windowed.then_some(p.start),
                end: p.windowed.then_some(p.end),
                text: p.text.clone(),
                score: r.order,
                related: !a.found,
                also_in: also_in(snap, p),
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
            let s = a.ranked.first().map(|r| {
                let text = &r.passage.text;
                best_sentence(q, ev, &extract::split(text), text)
            });
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

/// The other articles that repeat a cited passage; a failed count is logged and shown as none
/// (the citation itself stands).
fn also_in(snap: &Snapshot, p: &crate::search::StoredPassage) -> usize {
    snap.also_in(p).unwrap_or_else(|e| {
        tracing::warn!(doc = %p.doc, error = %e, "could not count the copies of a cited passage");
        0
    })
}

/// Byte ranges of `text` where the question's words, entities and years occur.
fn highlights(q: &Question, snap: &Snapshot, text: &str) -> Vec<(usize, usize)> {
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
