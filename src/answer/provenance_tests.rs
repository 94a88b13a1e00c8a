//! Unit tests of the disagreement rule (src/answer/provenance.rs).

use super::*;
use crate::corpus::Meta;

/// A citation of `text` with `words` highlighted wherever they occur.
fn cite(rank: usize, doc: &str, text: &str, words: &[&str]) -> Citation {
    let mut highlights: Vec<(usize, usize)> = words
        .iter()
        .flat_map(|w| text.match_indices(w).map(|(i, _)| (i, i + w.len())))
        .collect();
    highlights.sort();
    Citation {
        rank,
        doc: doc.into(),
        meta: Meta {
            title: doc.into(),
            source: Some(format!("{doc}社")),
            date: Some("2023-03-28".into()),
            ..Meta::default()
        },
        paragraph: 1,
        start: None,
        end: None,
        text: text.into(),
        score: 1.0,
        related: false,
        highlights,
        also_in: 0,
    }
}

fn response(core: &str, sentence: &str, citations: Vec<Citation>) -> Response {
    Response {
        question: "商湯2022年虧損多少".into(),
        answer: Some(format!("巨虧{core}")),
        found: true,
        core: Some(core.into()),
        sentence: Some(sentence.into()),
        answer_type: None,
        citations,
        error: None,
    }
}

const WORDS: &[&str] = &["商湯", "商汤", "2022", "虧損", "亏损"];
const LEAD: &str = "商湯公布的年報表明，公司2022年收入跌了近兩成，巨虧60億。另有其他說明。";
const LEAD_SENTENCE: &str = "商湯公布的年報表明，公司2022年收入跌了近兩成，巨虧60億。";

#[test]
fn a_different_figure_for_the_same_question_is_a_dispute() {
    let r = response(
        "60億",
        LEAD_SENTENCE,
        vec![
            cite(1, "a", LEAD, WORDS),
            cite(2, "b", "商汤2022年亏损约60.9亿元，同比扩大。", WORDS),
        ],
    );
    assert_eq!(r.disputed_source().map(|c| c.doc.as_str()), Some("a"));
    // The company's longer name in the other article still names it.
    let r = response(
        "60億",
        LEAD_SENTENCE,
        vec![
            cite(1, "a", LEAD, WORDS),
            cite(
                2,
                "b",
                "據統計，商湯科技2022年虧損約65億元。",
                &["商湯科技", "2022", "虧損"],
            ),
        ],
    );
    assert_eq!(r.disputed_source().map(|c| c.doc.as_str()), Some("a"));
}

#[test]
fn the_same_figure_in_either_script_agrees() {
    let r = response(
        "60億",
        LEAD_SENTENCE,
        vec![
            cite(1, "a", LEAD, WORDS),
            cite(2, "b", "商汤2022年亏损60亿元。", WORDS),
            cite(
                3,
                "c",
                "据报道，商湯2022年虧損60億，2021年虧損171億。",
                WORDS,
            ),
            // A list with the answer's value in it (`分别…和60亿元`).
            cite(
                4,
                "d",
                "商汤2020年至2022年分别亏损121亿元、171亿元和60亿元。",
                WORDS,
            ),
        ],
    );
    assert_eq!(r.disputed_source(), None);
}

#[test]
fn figures_about_something_else_or_of_another_kind_say_nothing() {
    let r = response(
        "60億",
        LEAD_SENTENCE,
        vec![
            cite(1, "a", LEAD, WORDS),
            // Another year: the sentence does not name 2022.
            cite(2, "b", "商湯2021年虧損171億元。", WORDS),
            // Another kind of figure: a percentage.
            cite(3, "c", "商湯2022年虧損擴大了20%。", WORDS),
            // The year in the sentence, but the figure's own clause is about another year.
            cite(6, "f", "商湯2021年虧損171億元，虧損額在2022年收窄。", WORDS),
            // Another company.
            cite(4, "d", "雲從科技2022年虧損8.7億元。", WORDS),
            // Another measure of the same company and year.
            cite(5, "e", "商湯2022年營收38.1億元，研發投入40億元。", WORDS),
        ],
    );
    assert_eq!(r.disputed_source(), None);
}

#[test]
fn another_paragraph_of_the_same_article_is_not_another_source() {
    let r = response(
        "60億",
        LEAD_SENTENCE,
        vec![
            cite(1, "a", LEAD, WORDS),
            cite(2, "a", "商湯2022年虧損約59億元。", WORDS),
        ],
    );
    assert_eq!(r.disputed_source(), None);
}

#[test]
fn answers_that_are_no_figure_or_not_found_have_no_dispute() {
    let mut r = response(
        "60億",
        LEAD_SENTENCE,
        vec![
            cite(1, "a", LEAD, WORDS),
            cite(2, "b", "商湯2022年虧損70億元。", WORDS),
        ],
    );
    assert!(r.disputed_source().is_some());
    r.core = Some("徐立".into());
    r.answer = Some("徐立".into());
    assert_eq!(r.disputed_source(), None, "a name is no figure");
    r.core = Some("60億".into());
    r.found = false;
    assert_eq!(r.disputed_source(), None);
}

#[test]
fn figures_are_read_with_their_scale_and_unit() {
    assert_eq!(
        figure("60亿元"),
        Some(Figure {
            value: 6e9,
            scaled: true,
            unit: "元".into()
        })
    );
    assert_eq!(figure("1,234万人").map(|f| f.value), Some(1.234e7));
    assert_eq!(figure("50%").map(|f| f.unit), Some("%".into()));
    assert_eq!(figure("两成"), None);
    let a = figure("60亿").unwrap_or_else(|| unreachable!());
    let b = figure("60.9亿元").unwrap_or_else(|| unreachable!());
    assert!(a.comparable(&b) && !a.same_value(&b));
    let pct = figure("60%").unwrap_or_else(|| unreachable!());
    assert!(!a.comparable(&pct));
}
