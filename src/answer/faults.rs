//! What a figure's own words say against it, judged on every span read before one is chosen.
//!
//! The final check refuses an answer whose shown words name another measure than the question's
//! (总收入 for 财政花了多少钱) or whose clause makes it per head where the question asks a total
//! (or the reverse). Judged only on the reader's best span, that refused questions whose answer
//! the same passages give a few spans lower (财政支出为225.03亿元 after 总收入达250.8亿元; the
//! 人均居住面积 after the 竣工面积 total). Judging every span first lets a span without the
//! fault take the faulty one's place; where every span has it, the refusal stands.

use std::ops::Range;

use crate::text::aliases::Aliases;
use crate::text::{normalize, paraphrase};

use super::extract;
use super::measure;
use super::question::{AnswerKind, Question};
use super::reader;

/// Whether the words shown in front of the answer's amount (`display`, the amount being
/// `core`) name another measure of the alias file than the question's: its own words, or the
/// article wordings of its phrasing (花了多少钱 asks for 支出, so a figure said of 收入 answers
/// another question).
pub(super) fn measures_something_else(
    q: &Question,
    aliases: &Aliases,
    display: &str,
    core: &str,
) -> bool {
    let display = normalize(display);
    let core = normalize(core);
    // The words before the figure: in front of the amount, or inside a span the reader read
    // with its predicate (总收入达250.8亿元).
    let at = display
        .find(core.as_str())
        .filter(|&i| i > 0)
        .or_else(|| extract::amounts(&display).last().map(|r| r.start))
        .unwrap_or(0);
    let said = &display[..at];
    let mut asked = q.normalized.clone();
    for a in paraphrase::lexicon().asked(&q.normalized) {
        for w in &a.class.say {
            asked.push(' ');
            asked.push_str(w);
        }
    }
    aliases.names_another_measure(&asked, said)
}

/// Whether the figure a span reads (`range` of the normalized `sentence`) would be refused for
/// what its own words say: its clause names another measure than the question's, or it is per
/// head where a total is asked (or the reverse). The clause is judged, not the words shown: the
/// reader may read 达250.8亿元 out of 财政总收入达250.8亿元.
pub(super) fn faulted(
    q: &Question,
    aliases: &Aliases,
    sentence: &str,
    range: Range<usize>,
) -> bool {
    let Some(span) = sentence.get(range.clone()) else {
        return false;
    };
    // The figure is the span's last amount (23万元和2800元 reads 2800元's clause).
    let at = extract::amounts(span)
        .last()
        .map_or(range.start, |r| range.start + r.start);
    let clause = sentence[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let figure = &sentence[at..range.end];
    measures_something_else(q, aliases, &sentence[clause..range.end], figure)
        || measure::per_head_mismatch(q, sentence, figure)
}

/// Drops the spans [`faulted`] refuses, and their bare numbers, when some span read is neither:
/// `text` gives a span's sentence (normalized).
pub(super) fn prefer_unfaulted<'a>(
    q: &Question,
    aliases: &Aliases,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount {
        return;
    }
    let bad: Vec<&reader::Span> = spans
        .iter()
        .map(|(s, _)| s)
        .filter(|s| faulted(q, aliases, text(s), s.range.clone()))
        .collect();
    // The number of a faulted figure (250.8 of 250.8亿元) is the same figure.
    let ok: Vec<bool> = spans
        .iter()
        .map(|(s, _)| {
            !bad.iter().any(|b| {
                b.passage == s.passage
                    && b.sentence == s.sentence
                    && b.range.start <= s.range.start
                    && s.range.end <= b.range.end
            })
        })
        .collect();
    if ok.iter().all(|&k| k) || !ok.iter().any(|&k| k) {
        return;
    }
    let mut keep = ok.into_iter();
    spans.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases() -> Aliases {
        Aliases::parse("[terms]\nincome = [\"收入\", \"营收\"]\nspending = [\"支出\", \"开支\"]\n")
            .expect("valid")
    }

    fn q(text: &str) -> Question {
        Question::parse(text, &aliases()).expect("a question")
    }

    #[test]
    fn a_figure_said_of_another_measure_or_per_head_is_faulted() {
        let a = aliases();
        let at = |s: &str, span: &str| {
            let i = s.find(span).expect("in the sentence");
            i..i + span.len()
        };
        let spend = q("福建省1997年财政花了多少钱");
        let s = "全省财政总收入达250.8亿元,财政支出为225.03亿元";
        assert!(faulted(&spend, &a, s, at(s, "250.8亿元")));
        // The reader's span may hold part of the predicate, or none of it.
        assert!(faulted(&spend, &a, s, at(s, "达250.8亿元")));
        assert!(!faulted(&spend, &a, s, at(s, "225.03亿元")));
        let total = q("桐柏县1997年收入多少");
        let s = "全县农民人均纯收入1750元";
        assert!(faulted(&total, &a, s, at(s, "1750元")));
        let per_head = q("农民人均纯收入多少");
        assert!(!faulted(&per_head, &a, s, at(s, "1750元")));
    }
}
