//! Unit tests of which figure a sentence's counted thing points at (src/answer/siblings.rs).

use super::*;

fn words(w: &[&str]) -> Vec<Weighted> {
    w.iter()
        .map(|w| Weighted {
            forms: vec![w.to_string()],
            weight: 1.0,
            role: Role::Word,
        })
        .collect()
}

#[test]
fn the_thing_counted_follows_the_question_word_and_its_measure() {
    let thing = |q: &str, w: &[&str]| counted_thing(q, &words(w)).map(|f| f[0].clone());
    let terms = ["全国", "缴获", "海洛因"];
    assert_eq!(
        thing("1997年全国缴获了多少海洛因", &terms).as_deref(),
        Some("海洛因")
    );
    let terms = ["新修", "公里", "高速公路"];
    assert_eq!(
        thing("1997年全国新修了多少公里高速公路", &terms).as_deref(),
        Some("高速公路")
    );
    let terms = ["出口", "飞机"];
    assert_eq!(
        thing("1997年出口了多少架飞机", &terms).as_deref(),
        Some("飞机")
    );
    // Nothing after the question word, a unit only, or people counted by what they do.
    assert_eq!(thing("谢尔人口有多少", &["人口"]), None);
    assert_eq!(thing("天水围河全长有多少公里", &["全长", "公里"]), None);
    assert_eq!(thing("2007年有多少人参赛", &["参赛"]), None);
}

#[test]
fn the_noun_right_after_a_figure_is_what_it_counts() {
    let noun = |s: &str, span: &str| {
        let i = s.find(span).expect("in the sentence");
        noun_after_figure(s, &(i..i + span.len())).map(|(noun, _)| noun)
    };
    let s = "每年却吸引着来自世界各地的70多万游客";
    assert_eq!(noun(s, "70多万").as_deref(), Some("游客"));
    let s = "20多万人、十几个行业告别了大锅饭";
    assert_eq!(noun(s, "十几个").as_deref(), Some("行业"));
    assert_eq!(noun(s, "20多万人"), None);
    assert_eq!(noun("只有320万人口的国家", "320万"), None);
    assert_eq!(noun("外汇收入在7亿美元以上", "7亿美元"), None);
    assert_eq!(noun("生产原油1580万吨,比上年增长", "1580万吨"), None);
    // jieba's dictionary tags 光荣 as a person's name: no thing counted.
    assert_eq!(noun("率舰艇三十余艘光荣起义", "三十余艘"), None);
    // A set phrase counts the noun it ends on; one ending on no noun counts nothing.
    let s = "代表宁夏530万各族人民深情厚意的5万公斤优质大米";
    assert_eq!(noun(s, "530万").as_deref(), Some("各族人民"));
}

#[test]
fn a_noun_that_shares_the_thing_s_character_counts_it() {
    let other = |q: &str, thing: &str, s: &str, span: &str| {
        let i = s.find(span).expect("in the sentence");
        counts_other(q, &[thing.to_string()], s, &(i..i + span.len()), true)
    };
    let q = "新建多少套房子";
    assert!(!other(q, "房子", "计划新建594套住房", "594套"));
    assert!(other("赚了多少外汇", "外汇", "吸引70多万游客", "70多万"));
    // So does a phrase whose words jieba's dictionary tags oddly (大米 as a numeral, 劳动模范
    // as a set phrase) after a modifier.
    let s = "代表宁夏的5万公斤优质大米在银川火车站装运上车";
    assert!(!other("运了多少大米", "大米", s, "5万公斤"));
    let s = "收录了600多名全国劳动模范、先进工作者的事迹";
    assert!(!other("收了多少劳模", "劳模", s, "600多名"));
    assert!(other(
        "收了多少劳模",
        "劳模",
        "收录了600多名全国青年的事迹",
        "600多名"
    ));
    // A list that names the thing after another noun counts it too.
    let s = "一线的300多名解放军、武警官兵,冒着严寒";
    assert!(!other("有多少官兵在救灾", "官兵", s, "300多名"));
    assert!(other(
        "有多少官兵在救灾",
        "官兵",
        "一线的300多名解放军,冒着严寒",
        "300多名"
    ));
}

#[test]
fn a_figure_s_clause_runs_between_breaks() {
    let s = "共缴获海洛因超过5吨,是历年来最多的,缴获鸦片1.9吨,大麻2.3吨";
    let at = |span: &str| {
        let i = s.find(span).expect("in the sentence");
        i..i + span.len()
    };
    assert_eq!(figure_clause(s, &at("5吨")), "共缴获海洛因超过5吨");
    assert_eq!(figure_clause(s, &at("鸦片1.9吨")), "缴获鸦片1.9吨");
    assert_eq!(figure_clause(s, &at("2.3吨")), "大麻2.3吨");
}

#[test]
fn a_figure_set_as_a_target_is_one() {
    assert!(set_as_target("宣布将国民生产总值增长目标降至"));
    assert!(set_as_target("通货膨胀目标提高到6.5%到"));
    assert!(!set_as_target("增长目标降至4.5%,实际增长"));
    assert!(!set_as_target("欧盟计划出资"));
}
