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

/// Words of a question that asks for a share, a rate or a change, which a percentage answers.
const SHARE_WORDS: &[&str] = &[
    "率",
    "比",
    "占",
    "百分",
    "成",
    "增",
    "涨",
    "降",
    "减",
    "幅",
    "速",
    "提高",
    "上升",
    "回落",
    "下滑",
    "份额",
    "倍",
    "少了",
    "多了",
    "多少的",
];

/// True when `answer` (as shown) gives a figure of another kind than the question asks for:
/// a percentage where the question asks no share, rate or change (`手机用户有多少` answered
/// `90%`); for a question through a measure class with units, a figure in a unit of another
/// class, or a date.
pub(super) fn wrong_measure(q: &Question, answer: &str) -> bool {
    if q.kind != AnswerKind::Amount {
        return false;
    }
    let answer = normalize(answer);
    if answer.contains('%') || answer.contains("百分之") {
        // A share is what a percentage measures, however the question puts it (营收比有多高).
        return !SHARE_WORDS.iter().any(|w| q.normalized.contains(w));
    }
    let asked = paraphrase::units_of(&q.normalized);
    if asked.is_empty() {
        return false;
    }
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
        assert!(wrong("一九九七年我国手机用户有多少", "９０％"));
        assert!(!wrong("研發費用營收比有多高", "107.3%"));
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
        // A share, a rate or a change is answered with a percentage.
        for q in [
            "出口占全国多少",
            "森林覆盖率是多少",
            "1997年GDP增长多少",
            "物价涨了多少",
        ] {
            assert!(!wrong(q, "１２．８％"), "{q}");
        }
    }
}
