//! A readable account of how a question was handled, for admins tuning the ranking.

use std::fmt::Write;

use super::analyse::Analysis;
use crate::search::Snapshot;
use crate::text::{grams, words};

/// Renders an analysis as text.
pub fn render(a: &Analysis, snap: &Snapshot) -> String {
    let q = &a.question;
    let mut s = String::new();
    let _ = writeln!(s, "question     {}", q.raw);
    let _ = writeln!(s, "normalized   {}", q.normalized);
    let _ = writeln!(s, "answer type  {}", q.kind.label());
    let entities: Vec<String> = q
        .entities
        .iter()
        .filter_map(|&g| {
            snap.aliases()
                .groups()
                .get(g)
                .map(|g| format!("{} {:?}", g.key, g.names))
        })
        .collect();
    let _ = writeln!(s, "entities     {}", entities.join("; "));
    let _ = writeln!(s, "years        {}", q.years.join(", "));
    let _ = writeln!(s, "terms        {}", q.terms.join(" | "));
    let w: Vec<String> = words(&q.normalized).into_iter().map(|p| p.text).collect();
    let g: Vec<String> = grams(&q.normalized).into_iter().map(|p| p.text).collect();
    let _ = writeln!(s, "tokens/words {}", w.join(" | "));
    let _ = writeln!(s, "tokens/grams {}", g.join(" | "));
    let _ = writeln!(
        s,
        "found        {} (answerability {:.2}; below 0 is not found)",
        a.found,
        super::answerable::score(&a.answerable)
    );
    if let Some(name) = &a.unknown {
        let _ = writeln!(
            s,
            "unknown name {name} (the corpus never writes it; counts against answering)"
        );
    }
    let _ = writeln!(
        s,
        "\ntop passages (order = learned rerank; evidence score, gate, bm25, coverage, best \
         sentence, entity, year):"
    );
    for (i, r) in a.ranked.iter().take(8).enumerate() {
        let p = &r.passage;
        let preview: String = p.text.chars().take(60).collect();
        let _ = writeln!(
            s,
            "{:>2}. {:.3}  evidence {:.3} gate {:.2} bm25 {:.2} cov {:.2} sent {:.2} ent {:.2} \
             year {:.2}  {} ¶{}\n     {}…",
            i + 1,
            r.order,
            r.score,
            r.gate,
            r.bm25,
            r.coverage,
            r.sentence,
            r.entity,
            r.year,
            p.doc,
            p.paragraph,
            preview
        );
    }
    match &a.choice {
        Some(c) => {
            let _ = writeln!(
                s,
                "\nanswer span  {} (core {}) from passage {} score {:.3}",
                c.display,
                c.core,
                c.passage + 1,
                c.score
            );
            let _ = writeln!(s, "sentence     {}", c.sentence);
            let mut considered = c.considered.clone();
            considered.sort_by(|a, b| b.1.total_cmp(&a.1));
            for (text, score) in considered.iter().take(8) {
                let _ = writeln!(s, "  candidate  {score:.3}  {text}");
            }
        }
        None => {
            let _ = writeln!(
                s,
                "\nno typed answer span (the answer is the best sentence, or none)"
            );
        }
    }
    s
}
