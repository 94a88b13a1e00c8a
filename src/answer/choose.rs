//! The answer itself: the reader's best span among the passages read (shown with its predicate
//! when it is a typed span), or, for a question whose answer is a statement, the best
//! sentence.

use std::ops::Range;

use serde::Serialize;

use crate::search::Snapshot;

use super::aggregate;
use super::among;
use super::amount_span;
use super::antecedent;
use super::apposition;
use super::contrast;
use super::date_range;
use super::evidence::Evidence;
use super::extract;
use super::faults;
use super::fit;
use super::head_word;
use super::headline;
use super::level;
use super::measure;
use super::measure_words;
use super::meeting;
use super::name_span;
use super::name_whole;
use super::named;
use super::question::{AnswerKind, Question};
use super::read::{read_typed, reading};
use super::reader;
use super::rerank::Ranked;
use super::respectively;
use super::siblings;
use super::statement;
use super::subject;
use super::the_rest;
use super::titled;
use super::venue;
use super::which;
use super::winner;

/// How much (in the reader's log-odds) a span in a lower passage must beat the best passage's
/// for it to become the answer and its passage the first citation: the reranker's order is
/// kept unless the reader is clearly surer elsewhere. Held out on DRCD and CMRC, margins from 2
/// to 7 give the same exact match; this one keeps the most right passages first. The reader's
/// penalty for another year is kept above it, so that a span of another year cannot win by it.
/// Spans in another window of the best passage's paragraph are not held back: it is cited as
/// the same paragraph.
const READER_MARGIN: f32 = 4.0;

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
    /// The year the answer's figure belongs to, when its sentence or passage says
    /// ([`extract::governing_year`], or its place in a "respectively" list).
    pub year: Option<String>,
}

/// Picks the answer span among the top passages with the reader.
pub(super) fn choose(
    q: &Question,
    ev: &Evidence,
    snap: &Snapshot,
    ranked: &[Ranked],
) -> Option<Choice> {
    let split = reading(ranked);
    let (spans, typed) = read_typed(q, ev, snap, ranked, &split);
    let appointment = named::asks_appointee(q);
    let mut spans = reader::rank(spans, |s| {
        let sentence = split[s.passage][s.sentence].norm.text.as_str();
        measure::counted_as_asked(q, &sentence[s.range.clone()])
            || (appointment && named::appointed_to_asked_post(q, sentence, &s.range))
    });
    fit::drop_cut_numbers(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    fit::keep_fitting(q, &mut spans, |s| {
        &split[s.passage][s.sentence].norm.text[s.range.clone()]
    });
    named::drop_figures(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    which::drop_bare_heads(q, &mut spans, |s| {
        &split[s.passage][s.sentence].norm.text[s.range.clone()]
    });
    which::prefer_asked_head(q, &mut spans, |s| {
        &split[s.passage][s.sentence].norm.text[s.range.clone()]
    });
    head_word::prefer_with_kind(q, &mut spans, |s| {
        &split[s.passage][s.sentence].norm.text[s.range.clone()]
    });
    which::prefer_place_inside(q, &mut spans, |s| {
        &split[s.passage][s.sentence].norm.text[s.range.clone()]
    });
    titled::drop_titled_people(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    venue::prefer_venue(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    venue::venue_named_before(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    measure_words::drop_other_counts(q, &mut spans, |s| {
        measure::with_measure_word(&split[s.passage][s.sentence].norm.text, &s.range)
    });
    measure::prefer_asked_measure(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    measure_words::prefer_counted_noun(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    faults::prefer_unfaulted(q, snap.aliases(), &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    faults::prefer_asked_year(q, &mut spans, |s| &split[s.passage][s.sentence]);
    // Another year's figures gone, the best left may be a duration (45年来 beside 累计打井1348口).
    measure::prefer_asked_measure(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    siblings::drop_yardsticks(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    aggregate::prefer_asked_average(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    aggregate::prefer_asked_total(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    subject::drop_other_places(q, ev, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    siblings::drop_other_things(q, ev, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    siblings::prefer_named_sibling(q, ev, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    contrast::prefer_named_clause(q, ev, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    among::prefer_the_part(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    fit::demote_parts_and_rates(q, &mut spans, |s| {
        &split[s.passage][s.sentence].norm.text[..s.range.start]
    });
    respectively::prefer_named_item(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    named::prefer_appointee(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    titled::prefer_titled(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    meeting::prefer_guest(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    winner::prefer_winner(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    date_range::prefer_whole_range(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    date_range::prefer_with_month(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    date_range::prefer_year_with_unit(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    the_rest::prefer_the_named(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    level::prefer_level(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    amount_span::prefer_reached_value(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    amount_span::prefer_part(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    amount_span::prefer_bare_figure(q, &mut spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    // A lower passage's span must beat the best passage's by a margin to reorder the citations.
    // Another window of the best passage's paragraph needs none: it is cited as the same
    // paragraph. Nor does the story printed right after a headline that ranks first: a headline
    // record of a paragraph-per-record corpus names its story's subject and gives little else.
    let same_paragraph = |k: usize| {
        let (a, b) = (&ranked[0].passage, &ranked[k].passage);
        a.doc == b.doc && a.paragraph == b.paragraph
    };
    let headline_first = ranked
        .first()
        .is_some_and(|r| headline::is_headline(&r.passage.text));
    let story_of_headline = |k: usize| {
        let (a, b) = (&ranked[0].passage, &ranked[k].passage);
        headline_first && a.path == b.path && b.seq == a.seq + 1
    };
    let (best, score) = spans
        .iter()
        .map(|(s, score)| {
            let margin = if same_paragraph(s.passage) || story_of_headline(s.passage) {
                0.0
            } else {
                READER_MARGIN
            };
            (s, score - margin)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let writes_names = |k: usize| {
        let p = &ranked[k].passage;
        let text = crate::text::normalize(&format!("{} {}", p.heading(), p.text));
        super::names_written::writes_names(&ev.names, &text)
    };
    let best = lower_figure_of_the_year(q, (best, score), &spans, writes_names, |s| {
        &split[s.passage][s.sentence]
    });
    // A person the sentence calls 他 is the one the sentence before named.
    let best = antecedent::antecedent(q, best, &spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    // A company the sentence calls 公司 is the one the sentence before opened with.
    let best = antecedent::company_antecedent(q, best, &spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    // A thing the sentence calls 这个政党 is the party it named before.
    let best = antecedent::pointed_at(q, best, &spans, |s| {
        split[s.passage][s.sentence].norm.text.as_str()
    });
    // A name is answered in full (东方出版中心, not 东方; 土井多贺子, not 多贺子).
    let written_whole = |part: &str, rest: &str| match name_whole::always_followed_by(
        snap, part, rest,
    ) {
        Ok(whole) => whole,
        Err(e) => {
            tracing::warn!(error = %e, part, "could not read what the corpus writes after a name");
            false
        }
    };
    let best = name_span::fuller_name(
        q,
        best,
        &spans,
        |s| split[s.passage][s.sentence].norm.text.as_str(),
        written_whole,
    );
    let sentence = &split[best.passage][best.sentence];
    let norm = sentence.norm.text.as_str();
    // A figure that is one end of a range (70亿—100亿美元) is answered with the range; a name
    // without the day the reader read with it (罗纳尔多12日).
    let core = if q.kind == AnswerKind::Amount {
        extract::range_around(norm, &amount_span::without_tail(q, norm, &best.range))
    } else {
        apposition::named_after_dash(q, norm)
            .unwrap_or_else(|| name_span::without_time(q, norm, &best.range))
    };
    let orig = |r: &Range<usize>| {
        sentence.text[sentence.norm.to_original(r.start)..sentence.norm.to_original(r.end)]
            .to_string()
    };
    // A typed span is shown with its predicate (巨虧60億 for 60億). The typed candidates of a
    // sentence the reader read were computed for it already.
    // A range is shown as written: a predicate found for one end would take in the other's
    // dash (—100亿美元).
    let shown = |c: &extract::Candidate| (c.core == best.range).then(|| c.display.clone());
    let display = if core != best.range {
        Some(core.clone())
    } else {
        match typed.get(best.passage).and_then(|t| t.get(best.sentence)) {
            Some(cands) => cands.iter().find_map(|(c, _)| shown(c)),
            None => extract::candidates(norm, q.kind, snap.aliases())
                .iter()
                .find_map(shown),
        }
    }
    .unwrap_or_else(|| best.range.clone());
    let display = if q.kind == AnswerKind::Amount && display.start == core.start {
        extract::with_hedge(norm, &display)
    } else {
        display
    };
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
    // Why and yes/no questions are answered with the sentence that explains: a span alone
    // would not; the reader's span stays the core.
    let display = if matches!(q.kind, AnswerKind::Reason | AnswerKind::YesNo) {
        statement::best_sentence(
            q,
            ev,
            &split[best.passage],
            &ranked[best.passage].passage.text,
        )
    } else if q.kind == AnswerKind::Date {
        // A dateline's day is shown without its 电 or 讯 (１月２７日电).
        let shown = orig(&display);
        match shown.strip_suffix(['电', '電', '讯', '訊']) {
            Some(day) if day.ends_with('日') => day.to_string(),
            _ => shown,
        }
    } else {
        orig(&display)
    };
    let year = faults::span_year(q, sentence, &best.range);
    Some(Choice {
        passage: best.passage,
        sentence: sentence.text.trim().to_string(),
        display,
        core: orig(&core),
        score,
        considered,
        year,
    })
}

/// The margin keeps the best passage first; but where what it leaves there is no figure of
/// the asked measure (建队30年, once its 累计打井900口 went as counted over years), a lower
/// passage's figure of that measure whose sentence dates it to the asked year (1997年打井52口)
/// answers instead of a refusal, when the reader scores it above the best passage's span (only
/// the margin held it back) and its passage writes the question's names itself
/// (`writes_names`). A figure without such a year stays held back: it may be another year's or
/// another thing's.
fn lower_figure_of_the_year<'s, 'a, 'b: 'a>(
    q: &Question,
    (best, score): (&'s reader::Span, f32),
    spans: &'s [(reader::Span, f32)],
    writes_names: impl Fn(usize) -> bool,
    sentence: impl Fn(&reader::Span) -> &'a extract::Sentence<'b>,
) -> &'s reader::Span {
    let text = |s: &reader::Span| &sentence(s).norm.text[s.range.clone()];
    if q.kind != AnswerKind::Amount || q.years.is_empty() || !measure::wrong_measure(q, text(best))
    {
        return best;
    }
    spans
        .iter()
        .filter(|(s, sc)| {
            s.passage != best.passage
                && *sc > score
                && writes_names(s.passage)
                && measure::fits_asked(q, text(s))
                && faults::span_year(q, sentence(s), &s.range).is_some_and(|y| q.years.contains(&y))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(best, |(s, _)| s)
}
