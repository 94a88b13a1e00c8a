//! A readable account of how a question was handled, for admins tuning the ranking.

use std::fmt;

use super::analyse::Analysis;
use crate::search::Snapshot;
use crate::text::{grams, words};

/// Renders an analysis as text.
pub fn render(a: &Analysis, snap: &Snapshot) -> String {
    let q = &a.question;
    let mut s = String::new();
    line(&mut s, format_args!("question     {}", q.raw));
    line(&mut s, format_args!("normalized   {}", q.normalized));
    line(&mut s, format_args!("answer type  {}", q.kind.label()));
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
    line(&mut s, format_args!("entities     {}", entities.join("; ")));
    line(
        &mut s,
        format_args!("names        {}", a.evidence.names.join(" | ")),
    );
    line(&mut s, format_args!("years        {}", q.years.join(", ")));
    line(&mut s, format_args!("terms        {}", q.terms.join(" | ")));
    let w: Vec<String> = words(&q.normalized).into_iter().map(|p| p.text).collect();
    let g: Vec<String> = grams(&q.normalized).into_iter().map(|p| p.text).collect();
    line(&mut s, format_args!("tokens/words {}", w.join(" | ")));
    line(&mut s, format_args!("tokens/grams {}", g.join(" | ")));
    line(
        &mut s,
        format_args!(
            "found        {} (answerability {:.2}; below 0 is not found)",
            a.found,
            super::answerable::score(&a.answerable)
        ),
    );
    if let Some(why) = a.refused_by {
        line(&mut s, format_args!("refused by   {why}"));
    }
    if let Some(name) = &a.unknown {
        line(
            &mut s,
            format_args!(
                "unknown name {name} (the corpus never writes it; counts against answering)"
            ),
        );
    }
    for u in &a.unmentioned {
        line(
            &mut s,
            format_args!(
                "unmentioned  {} ({}; the corpus never writes it: not found)",
                u.name, u.why
            ),
        );
    }
    line(
        &mut s,
        format_args!(
            "\ntop passages (order = learned rerank; evidence score, gate, bm25, coverage, best \
             sentence, entity, year):"
        ),
    );
    for (i, r) in a.ranked.iter().take(8).enumerate() {
        let p = &r.passage;
        let preview: String = p.text.chars().take(60).collect();
        line(
            &mut s,
            format_args!(
                "{:>2}. {:.3}  evidence {:.3} gate {:.2} bm25 {:.2} cov {:.2} sent {:.2} \
                 ent {:.2} year {:.2}  {} ¶{}\n     {}…",
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
            ),
        );
    }
    let (label, choice) = match (&a.choice, &a.withheld) {
        (Some(c), _) => ("answer span ", Some(c)),
        (None, Some(c)) => ("withheld    ", Some(c)),
        (None, None) => ("", None),
    };
    match choice {
        Some(c) => {
            line(
                &mut s,
                format_args!(
                    "\n{label} {} (core {}) from passage {} score {:.3}",
                    c.display,
                    c.core,
                    c.passage + 1,
                    c.score
                ),
            );
            line(&mut s, format_args!("sentence     {}", c.sentence));
            let mut considered = c.considered.clone();
            considered.sort_by(|a, b| b.1.total_cmp(&a.1));
            for (text, score) in considered.iter().take(8) {
                line(&mut s, format_args!("  candidate  {score:.3}  {text}"));
            }
        }
        None => {
            line(
                &mut s,
                format_args!("\nno typed answer span (the answer is the best sentence, or none)"),
            );
        }
    }
    s
}

/// Appends one line of the account (formatting into a `String` cannot fail).
fn line(s: &mut String, args: fmt::Arguments<'_>) {
    s.push_str(&args.to_string());
    s.push('\n');
}
