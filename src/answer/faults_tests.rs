//! Unit tests of what a figure's own words say against it (src/answer/faults.rs).

use super::*;

fn aliases() -> Aliases {
    Aliases::parse("[terms]\nincome = [\"收入\", \"营收\"]\nspending = [\"支出\", \"开支\"]\nloss = [\"亏损\", \"净亏损\"]\n")
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
    let loss = q("商汤2022年亏损多少");
    let s = "其2022年营收下滑近两成、巨亏60亿";
    assert!(!faulted(&loss, &a, s, at(s, "60亿")));
    let total = q("桐柏县1997年收入多少");
    let s = "全县农民人均纯收入1750元";
    assert!(faulted(&total, &a, s, at(s, "1750元")));
    let per_head = q("农民人均纯收入多少");
    assert!(!faulted(&per_head, &a, s, at(s, "1750元")));
}

#[test]
fn a_rate_over_time_answers_only_a_question_that_asks_one() {
    let a = aliases();
    let s = "日本去年有9640人死于交通事故,平均每天有26.4人死于交通事故,每过55分钟就有1人丧生";
    let v = |q: &Question, span: &str| {
        let i = s.find(span).expect("in the sentence");
        verdict(q, &asked_words(q), &a, s, i..i + span.len()).rate
    };
    let total = q("日本1997年车祸死了多少人");
    assert!(!v(&total, "9640人"));
    assert!(v(&total, "26.4人"));
    assert!(v(&total, "1人"));
    let daily = q("日本1997年平均一天车祸死多少人");
    assert!(!v(&daily, "26.4人"));
}

#[test]
fn a_per_head_question_wants_a_per_head_figure_and_only_it() {
    let a = Aliases::default();
    let q = |t: &str| Question::parse(t, &a).expect("a question");
    let village = "华西村去年实现销售收入23亿元，村民人均收入达到3万元。";
    assert!(per_head_mismatch(
        &q("华西村1997年人均收入多少"),
        village,
        "23亿元"
    ));
    assert!(!per_head_mismatch(
        &q("华西村1997年人均收入多少"),
        village,
        "3万元"
    ));
    assert!(per_head_mismatch(
        &q("华西村1997年收入多少"),
        village,
        "3万元"
    ));
    assert!(!per_head_mismatch(
        &q("华西村1997年收入多少"),
        village,
        "23亿元"
    ));
    // A clause that only dates its figure goes on the series before it.
    let series = "全县农民人均纯收入由1996年的1508元提高到1997年的1600元,1997年底达到1750元。";
    assert!(per_head_mismatch(
        &q("桐柏县1997年财政收入多少"),
        series,
        "1750元"
    ));
    let total = "全县人均纯收入增长10%,1997年财政收入达到1750万元。";
    assert!(!per_head_mismatch(
        &q("桐柏县1997年财政收入多少"),
        total,
        "1750万元"
    ));
    // In a list, each figure by its own name.
    let list = "去年全省村集体年均和农民人均纯收入为２３万元和２８００元。";
    assert!(!per_head_mismatch(
        &q("村集体1997年年均纯收入多少"),
        list,
        "２３万元"
    ));
    assert!(per_head_mismatch(
        &q("村集体1997年年均纯收入多少"),
        list,
        "２８００元"
    ));
    assert!(!per_head_mismatch(
        &q("农民1997年人均纯收入多少"),
        list,
        "２８００元"
    ));
}
