//! Unit tests of the form a span must have for the question (src/answer/fit.rs).

use super::{
    cuts_a_number, every_period, is_date, is_figure, is_rank, numerals_only_in_names, only_rank,
    only_years, opens_an_enumeration,
};

#[test]
fn an_enumeration_s_numeral_is_no_amount() {
    assert!(opens_an_enumeration("一是因为五个"));
    assert!(opens_an_enumeration("二来3000多人"));
    assert!(!opens_an_enumeration("五个"));
    assert!(!opens_an_enumeration("一是因为"));
    assert!(!opens_an_enumeration("一千多人"));
}

#[test]
fn a_span_whose_only_figures_are_years_measures_nothing() {
    assert!(only_years("1996年全国外商投资企业评选中"));
    assert!(!only_years("1996年为120亿元"));
    assert!(!only_years("120亿元"));
    // A title writes its year without 年 (1998北京市迎新春…); 2000人 is a count.
    assert!(only_years("1998北京市"));
    assert!(!only_years("2000人"));
    assert!(only_years("一九九七年"), "in Chinese numerals");
    assert!(only_years("从一九九七年"));
    assert!(!only_years("一九九七年下达的三百亿"));
    assert!(only_years("80年代初"), "a decade");
    assert!(only_years("八十年代"));
    assert!(!only_years("80年代建成的3座电站"));
    assert!(!only_years("年代"));
    assert!(!only_years("1998万元"));
    assert!(!only_years("1996"));
    // A year written by its last two numerals before a name ('98 of 九八爱多杯); two that
    // count up by one guess a count (八九个), and 一九八人 is a figure.
    assert!(only_years("九八爱多杯"));
    assert!(only_years("〇一国际车展"));
    assert!(!only_years("八九个"));
    assert!(!only_years("九八个"));
    assert!(!only_years("一九八人"));
}

#[test]
fn figures_are_digits_numeral_runs_or_a_numeral_with_its_measure_word() {
    for f in [
        "1488万元",
        "三十万",
        "共三人",
        "两轮",
        "约三成",
        "12.7%",
        "八名",
        "数十万",
        "几个",
        "半年",
        "百万",
        "千余人",
    ] {
        assert!(is_figure(f), "{f}");
    }
    for w in [
        "各界",
        "数字表明",
        "平方米",
        "统一",
        "第二大贸易伙伴",
        "有限公司",
        "十分活跃",
        "一直",
        "三大油田探明",
        "百富勤无力",
    ] {
        assert!(!is_figure(w), "{w}");
    }
    assert!(is_rank("第八名") && is_rank("第2届") && is_rank("第二代"));
    assert!(only_rank("第一位") && only_rank("居第三") && only_rank("第2届"));
    assert!(!only_rank("第二大城市人口500万") && !only_rank("500万"));
    assert!(!is_rank("八名") && !is_rank("次第"));
    assert!(is_date("1月12日电") && !is_date("3个月") && !is_date("12.7万辆"));
    assert!(!is_date("115日元") && is_date("1月15日"));
}

#[test]
fn a_span_inside_a_number_cuts_it() {
    let at = |s: &str, span: &str| {
        let i = s.rfind(span).expect("in the sentence");
        i..i + span.len()
    };
    let s = "去年实现利润三点五亿元比上年增百分之七";
    assert!(cuts_a_number(s, &at(s, "五亿元")));
    assert!(!cuts_a_number(s, &at(s, "三点五亿元")));
    let s = "全长二千二百零一点八米";
    assert!(cuts_a_number(s, &at(s, "二千二百零一点")));
    assert!(!cuts_a_number(s, &at(s, "二千二百零一点八米")));
    let s = "增长12.5%,达到1709万吨";
    assert!(cuts_a_number(s, &at(s, "2.5%")));
    assert!(cuts_a_number(s, &at(s, "12.")));
    assert!(!cuts_a_number(s, &at(s, "1709万吨")));
    let s = "只有320万人口的国家";
    assert!(cuts_a_number(s, &at(s, "320")));
    assert!(!cuts_a_number(s, &at(s, "320万")));
    // A numeral word before the figure is no part of it (统一5亿).
    let s = "统一5亿元";
    assert!(!cuts_a_number(s, &at(s, "5亿元")));
    let s = "曾在80年代初被拆分";
    assert!(cuts_a_number(s, &at(s, "80")), "a piece of a decade");
    let s = "其中有2/3是当地菜";
    assert!(cuts_a_number(s, &at(s, "2")), "the numerator of a fraction");
    assert!(
        cuts_a_number(s, &at(s, "3")),
        "the denominator of a fraction"
    );
    assert!(!cuts_a_number(s, &at(s, "2/3")));
}

#[test]
fn a_count_per_period_is_a_rate() {
    for c in ["每过55分钟就有", "每隔三天", "每5年", "每个月"] {
        assert!(every_period(c), "{c}");
    }
    for c in ["每人", "每家企业", "每一项"] {
        assert!(!every_period(c), "{c}");
    }
}

#[test]
fn a_level_a_count_rose_to_is_no_change() {
    use super::demote_parts_and_rates;
    use crate::answer::question::Question;
    use crate::answer::reader::Span;
    use crate::text::aliases::Aliases;
    let q = Question::parse("1997年涉及多少农户", &Aliases::default()).expect("a question");
    let score = |sentence: &str, figure: &str| {
        let at = sentence.find(figure).expect("the figure");
        let span = Span::bare(0, 0, at..at + figure.len());
        let mut spans = vec![(span, 1.0)];
        demote_parts_and_rates(&q, &mut spans, |s| &sentence[..s.range.start]);
        spans[0].1
    };
    assert_eq!(score("到1997上半年就剧增为2160户", "2160户"), 1.0);
    assert_eq!(score("1997年增至2160户", "2160户"), 1.0);
    assert!(score("1997年比上年增加302户", "302户") < 1.0);
}

#[test]
fn numerals_inside_names_state_no_figure() {
    assert!(numerals_only_in_names(
        "五里桥乡乡长杨海韬匆匆赶到西峡县城关高中"
    ));
    assert!(numerals_only_in_names("三门峡市"));
    assert!(!numerals_only_in_names("三门峡市3万人"));
    assert!(!numerals_only_in_names("五万人"));
    assert!(!numerals_only_in_names("乡长说"), "no numeral at all");
}
