//! Unit tests of the evidence a passage gives for a question (src/answer/evidence.rs).

use super::*;

fn term(form: &str, weight: f32, role: Role) -> Weighted {
    Weighted {
        forms: vec![form.to_string()],
        weight,
        role,
    }
}

#[test]
fn absent_share_counts_terms_without_a_single_character_here() {
    let terms = vec![
        term("于乐", 4.0, Role::Word),   // absent: neither 于 nor 乐
        term("职业", 2.0, Role::Word),   // 职 is here: partly present
        term("loss", 3.0, Role::Word),   // Latin: never counted
        term("旷视", 1.0, Role::Entity), // in the title only
    ];
    let ev = Evidence {
        total: terms.iter().map(|t| t.weight).sum(),
        terms,
        names: Vec::new(),
    };
    let share = ev.absent_share("公司的职员", "旷视的历史");
    assert!((share - 0.4).abs() < 1e-6, "{share}");
    assert_eq!(ev.absent_share("于乐的职业", "旷视"), 0.0);
}

#[test]
fn resolved_years_count_as_named() {
    let ev = Evidence {
        terms: vec![term("1997", 2.0, Role::Year), term("投资", 2.0, Role::Word)],
        names: Vec::new(),
        total: 4.0,
    };
    let text = "去年,全国铁路完成基建投资342亿元";
    let named = Evidence {
        names: vec!["福建省".into(), "象山县".into()],
        ..Evidence::empty()
    };
    assert_eq!(named.names_match("福建全省财政收入"), 0.5);
    assert_eq!(named.names_match("内蒙古自治区财政收入"), 0.0);
    assert_eq!(named.names_match("福建省象山"), 1.0);
    assert_eq!(ev.year_match(text), 0.0);
    assert_eq!(ev.year_match_dated(text, &[1997]), 1.0);
    assert_eq!(ev.year_match_dated(text, &[1998]), 0.0);
    assert_eq!(ev.coverage_dated(text, &[1997]), 1.0);
    assert_eq!(ev.coverage_with_title_dated(text, "", &[1997]), 1.0);
}

#[test]
fn year_ranges_are_not_exact_years() {
    assert_eq!(exact_year("其2022年營收", "2022"), Some(true));
    assert_eq!(exact_year("自2018-2022年,合計", "2022"), Some(false));
    assert_eq!(exact_year("自2018年至2022年", "2018"), Some(false));
    assert_eq!(exact_year("截至2021年6月30日", "2021"), Some(true));
    assert_eq!(exact_year("20221年", "2022"), None);
    assert_eq!(exact_year("沒有年份", "2022"), None);
}

#[test]
fn a_range_asked_is_named_by_the_same_range() {
    let asked = Weighted {
        forms: vec!["1995".into(), range_form(1995, 1996)],
        weight: 1.0,
        role: Role::Year,
    };
    assert_eq!(Evidence::presence(&asked, "1995年至1996年间吸纳外资"), 1.0);
    assert_eq!(Evidence::presence(&asked, "1995年至1997年间吸纳外资"), 0.2);
    // A year asked alone is only part of a range.
    let alone = term("1995", 1.0, Role::Year);
    assert_eq!(Evidence::presence(&alone, "1995年至1996年间吸纳外资"), 0.2);
}
