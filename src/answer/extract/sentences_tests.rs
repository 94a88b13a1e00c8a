//! Unit tests of src/answer/extract/sentences.rs.

use super::*;

#[test]
fn sentences_keep_their_offsets_and_normalized_form() {
    let passage = "商湯虧損60億。雲從科技營收5億。";
    let split = split(passage);
    assert_eq!(split.len(), 2);
    assert_eq!(
        split[1].text,
        &passage[split[1].offset..][..split[1].text.len()]
    );
    assert!(split[1].text.starts_with("雲從"));
    assert!(split[0].norm.text.starts_with("商汤亏损"));
}

/// The year governing `figure` in sentence `k` of a January 1998 report's `text`.
fn year(text: &str, k: usize, figure: &str) -> Option<String> {
    let s = &split_dated(text, PartialDate::parse("1998-01-15"))[k];
    let at = s.norm.text.find(figure).unwrap();
    governing_year(s, at)
}

#[test]
fn a_month_without_its_year_is_in_the_year_the_passage_named() {
    let after_1994 = "1994年夏,他们到了武汉。9月18日,他们送出50万支雪糕。";
    assert_eq!(year(after_1994, 1, "50").as_deref(), Some("1994"));
    // Without a year named before, a September in a January report is the one before.
    assert_eq!(
        year("9月18日,他们送出50万支雪糕。", 0, "50").as_deref(),
        Some("1997")
    );
}

#[test]
fn a_figure_told_after_the_present_is_of_the_report_s_year() {
    let text = "杂技团去年12月26日首演,至今已演出近10场,主办单位打算再加演7场。";
    assert_eq!(year(text, 0, "7场").as_deref(), Some("1998"));
    assert_eq!(year(text, 0, "26日").as_deref(), Some("1997"));
    // And in the sentences after it.
    let text = "杂技团去年12月首演。如今,主办单位打算再加演7场。观众已有3万人。";
    assert_eq!(year(text, 2, "3万").as_deref(), Some("1998"));
    // Not where the passage wrote its year out: its present may be that year's.
    let text = "1985年的报告说,湘西至今还有1.3万户住在岩洞里。";
    assert_eq!(year(text, 0, "1.3万").as_deref(), Some("1985"));
    let text = "1988年至今共繁殖华南虎38只。";
    assert_eq!(year(text, 0, "38只").as_deref(), Some("1988"));
}

#[test]
fn a_period_counts_the_figures_of_its_own_clause() {
    let counted = |text: &str, figure: &str| {
        let s = &split(text)[0];
        counted_over_years(s, s.norm.text.find(figure).unwrap())
    };
    assert!(counted("改革开放以来,全省累计修路3万公里。", "3万"));
    assert!(counted(
        "多年来全省共修路3万公里,其中高速公路500公里。",
        "3万"
    ));
    assert!(counted("成立以来的37年间,共承运集装箱48万标箱。", "48万"));
    let text = "新方法解决了长期以来困扰电池组质量的难题,使成品率提高了20%。";
    assert!(!counted(text, "20%"));
}

#[test]
fn a_bare_year_end_is_in_the_year_the_passage_named() {
    let text = "征文从去年11月底开始。截至年底,共收到论文1600余篇。";
    assert_eq!(year(text, 1, "1600").as_deref(), Some("1997"));
    // Without a year named before, the report's own.
    assert_eq!(
        year("截至年底,共收到论文1600余篇。", 0, "1600").as_deref(),
        Some("1998")
    );
}

#[test]
fn the_figure_a_change_reaches_is_not_of_its_starting_year() {
    let jan = PartialDate::parse("1998-01-15");
    let year = |text: &str, figure: &str| {
        let s = &split_dated(text, jan)[0];
        let at = s.norm.text.find(figure).unwrap();
        governing_year(s, at)
    };
    let share = "1996年服务业的比重由1990年的31.5%上升到40.2%。";
    assert_eq!(year(share, "40.2").as_deref(), Some("1996"));
    // The starting figure is the starting year's.
    assert_eq!(year(share, "31.5").as_deref(), Some("1990"));
    let relative = "今年全市的电话用户由去年的12万户增加到20万户。";
    assert_eq!(year(relative, "20万").as_deref(), Some("1998"));
    assert_eq!(year(relative, "12万").as_deref(), Some("1997"));
    // Past a clause break the change is another statement.
    let apart = "1996年的比重由1990年的31.5%,到1995年上升到38%。";
    assert_eq!(year(apart, "38").as_deref(), Some("1995"));
}

#[test]
fn a_figure_belongs_to_the_year_named_last_before_it() {
    let jan = PartialDate::parse("1998-01-15");
    let year = |text: &str, figure: &str| {
        let s = &split_dated(text, jan)[0];
        let at = s.norm.text.find(figure).unwrap();
        governing_year(s, at)
    };
    assert_eq!(
        year("去年全省粮食总产285亿公斤。", "285").as_deref(),
        Some("1997")
    );
    // The years before 1996 are not 1996: the figure after 1996年以前 has no year of its
    // own (the report's), the one after the bare 1996年 is 1996's.
    let before = "在1996年以前,只能上缴不足50元的汇款,1996年上缴80万元。";
    assert_eq!(year(before, "50").as_deref(), None);
    assert_eq!(year(before, "80").as_deref(), Some("1996"));
    assert_eq!(
        year("一九九六年产量为120万吨。", "120").as_deref(),
        Some("1996")
    );
    assert_eq!(
        year("1996年产量120万吨，今年达到150万吨。", "150").as_deref(),
        Some("1998")
    );
    assert_eq!(
        year("今年产量150万吨，比去年增长10%。", "10%").as_deref(),
        Some("1998")
    );
    assert_eq!(year("1996年产量120万吨。", "120").as_deref(), Some("1996"));
    assert_eq!(
        year("1997年出口120亿元，比1996年增长14%。", "14%").as_deref(),
        Some("1997")
    );
    assert_eq!(
        year("去年全球共发生16次大地震，少于前年的20次。", "20").as_deref(),
        Some("1996")
    );
    assert_eq!(
        year("去年全球共发生16次大地震，少于前年的20次。", "16").as_deref(),
        Some("1997")
    );
    assert_eq!(
        year("2022年亏损60亿元，较2021年的171亿元收窄。", "171").as_deref(),
        Some("2021")
    );
    assert_eq!(year("产量120万吨。", "120"), None);
    // Without the article's date, 去年 names no year.
    let s = &split("去年产量120万吨。")[0];
    assert_eq!(governing_year(s, 12), None);
    // A sentence without a year of its own: the passage's last year before it.
    let split = split_dated(
        "１９９７年，出口增长２０％，比１９９６年快。进口１６３亿美元。",
        jan,
    );
    let at = split[1].norm.text.find("163").unwrap();
    assert_eq!(governing_year(&split[1], at).as_deref(), Some("1997"));
    // Unless the figure is counted over years; one the sentence dates is that year's.
    let split = split_dated(
        "去年该国吸引外资成果显著。独立5年多来已吸引外资100多亿美元,仅去年一年就吸引外资17亿美元。",
        jan,
    );
    let at = |figure: &str| split[1].norm.text.find(figure).unwrap();
    assert!(counted_over_years(&split[1], at("100")));
    assert!(!counted_over_years(&split[1], at("17")));
    assert_eq!(governing_year(&split[1], at("17")).as_deref(), Some("1997"));
}
