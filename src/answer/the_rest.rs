//! The rest, not the named: a clause that opens on 其他 or 其余 gives the figure of everything
//! but what the sentence named before (三大干线上的快速旅客列车…提高到140公里，其他提速旅客列车…
//! 达到120公里). A question that names the thing asks the first figure, not the rest's.

use super::extract;
use super::question::{AnswerKind, Question};
use super::reader;

/// Words that open a clause about the rest of a group.
const THE_REST: &[&str] = &["其他", "其它", "其余", "别的"];

/// How much lower the reader may score a figure of the named clause than the rest's and
/// still be preferred.
const MARGIN: f32 = 4.0;

/// Whether the clause holding `range` of `sentence` opens on a word of the rest.
fn of_the_rest(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let start = extract::clause_start(sentence, range.start);
    THE_REST.iter().any(|w| sentence[start..].starts_with(w))
}

/// When the reader's best figure is in a clause about the rest and the question asks of no
/// rest, puts first the best figure of the same sentence, within [`MARGIN`], outside such a
/// clause.
pub(super) fn prefer_the_named<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount || THE_REST.iter().any(|w| q.normalized.contains(w)) {
        return;
    }
    super::amount_span::sound_figure_first(spans, sentence, MARGIN, of_the_rest);
}

#[cfg(test)]
mod tests {
    use super::of_the_rest;

    #[test]
    fn a_clause_opening_on_the_rest_is_not_the_named_thing_s() {
        let s = "快速旅客列车的最高时速提高到140公里,其他提速旅客列车的最高时速达到120公里";
        let at = |t: &str| {
            let k = s.find(t).expect("in the sentence");
            k..k + t.len()
        };
        assert!(of_the_rest(s, &at("120公里")));
        assert!(!of_the_rest(s, &at("140公里")));
    }
}
