//! Whether an answer's figure measures what the question asks: a question for a length, an
//! area or a sum of money (the measure classes of the paraphrase lexicon) is not answered with
//! a figure in another class's unit or with a date.
//!
//! The reader prefers spans in a fitting unit but, over a paragraph that gives none, still
//! picks its best figure: `门票多少钱` answered `6000多平方米` (the site's area), `铁路有多长`
//! answered `12月31日` (its opening day). A figure of the wrong kind is another fact, and a
//! user cannot tell it from the answer; not found is the honest reply.

use crate::text::{normalize, paraphrase};

use super::question::{AnswerKind, Question};

/// True when the question asks through a measure class with units and `answer` (as shown)
/// gives its figure in a unit of another class, or is a date.
pub(super) fn wrong_measure(q: &Question, answer: &str) -> bool {
    if q.kind != AnswerKind::Amount {
        return false;
    }
    let asked = paraphrase::units_of(&q.normalized);
    if asked.is_empty() {
        return false;
    }
    let answer = normalize(answer);
    match paraphrase::lexicon().unit_in(&answer) {
        Some(unit) => !asked.contains(&unit),
        None => super::fit::is_date(&answer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    fn wrong(question: &str, answer: &str) -> bool {
        let q = Question::parse(question, &Aliases::default()).expect("a question");
        wrong_measure(&q, answer)
    }

    #[test]
    fn a_figure_in_another_class_s_unit_or_a_date_is_the_wrong_measure() {
        assert!(wrong("西游记宫门票多少钱", "６０００多平方米"));
        assert!(wrong("复线铁路有多长", "１２月３１日"));
        assert!(wrong("新机场占地多大", "３２亿元"));
    }

    #[test]
    fn a_fitting_unit_no_unit_or_no_measure_class_is_not_judged() {
        assert!(!wrong("复线铁路有多长", "全长２８３．３公里"));
        assert!(!wrong("西游记宫门票多少钱", "门票３０元"));
        assert!(!wrong("新机场占地多大", "占地１２００公顷"));
        // No unit the lexicon knows: the reader's figure stands.
        assert!(!wrong("西游记宫门票多少钱", "５０００万英镑"));
        // 多少 alone names no measure class.
        assert!(!wrong("1997年出口多少", "１２月３１日"));
    }
}
