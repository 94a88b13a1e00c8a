//! Tests of [`super`]: where an amount span's figure is cut and where its part is found.

use super::{part_after, without_tail, written_at, written_on};
use crate::answer::question::Question;
use crate::text::aliases::Aliases;

fn cut(question: &str, span: &str) -> String {
    let q = Question::parse(question, &Aliases::default()).expect("a question");
    span[without_tail(&q, span, &(0..span.len()))].to_string()
}

/// What follows a figure and says what it does (a verb, 的) is no part of the amount; the
/// noun it counts is.
#[test]
fn a_figure_is_cut_before_what_it_does() {
    assert_eq!(cut("有几个在中西部", "32个分布在中西部地区"), "32个");
    assert_eq!(cut("1998年增长多少", "3%的预测"), "3%");
    assert_eq!(cut("投资了多少", "5.4亿美元的投资"), "5.4亿美元");
    assert_eq!(cut("新建多少套房子", "594套住房"), "594套住房");
    assert_eq!(cut("有多少座清真寺", "2700多座清真寺"), "2700多座清真寺");
    assert_eq!(cut("面积有多大", "22万平方米"), "22万平方米");
    // A measure word jieba reads as another word stays the figure's.
    assert_eq!(cut("每年有多少对登记", "150对同性恋"), "150对");
    assert_eq!(cut("少于多少数量时", "30只时"), "30只时");
    assert_eq!(cut("共分为几站赛事", "5站赛事"), "5站赛事");
    // An adverb alone after the measure word starts what the figure does.
    assert_eq!(cut("有多少所改建了", "45所已"), "45所");
}

/// A noun the span cuts off from the nouns after it in its sentence qualifies what the
/// figure counts: the figure is shown with its measure word alone.
#[test]
fn a_noun_cut_off_from_its_phrase_is_left_out() {
    let q = Question::parse("派了多少支文艺队下乡", &Aliases::default()).expect("a question");
    let sentence = "全省将有120多支专业文艺演出队,3000多名演员深入农村";
    let at = sentence.find("120").expect("the figure");
    let span = at..at + "120多支专业".len();
    assert_eq!(&sentence[without_tail(&q, sentence, &span)], "120多支");
    // The noun it counts, the phrase ended, stays.
    let sentence = "计划新建594套住房,今年完工";
    let at = sentence.find("594").expect("the figure");
    let span = at..at + "594套住房".len();
    assert_eq!(&sentence[without_tail(&q, sentence, &span)], "594套住房");
}

/// The part's figure is found after its whole's noun and 中…有 or 中的, not across a clause.
#[test]
fn a_part_follows_its_whole() {
    fn at(after: &str) -> Option<&str> {
        part_after(after).map(|(k, _)| &after[k..])
    }
    assert_eq!(at("县市中已有17个被命名为"), Some("17个被命名为"));
    assert_eq!(at("村小中,有45所改建"), Some("45所改建"));
    assert_eq!(at("企业之中共有8家亏损"), Some("8家亏损"));
    assert_eq!(at("县市,其中17个"), None);
    assert_eq!(at("金融公司中的58家"), Some("58家"));
    assert_eq!(at("县市中的一半"), None);
    assert_eq!(at("县市中已有一半"), None);
}

/// A bare figure is read with the unit its sentence writes after it, at its own place: 600多
/// of 600多册 is counted in 册, though 6000多吨 follows.
#[test]
fn a_figure_is_judged_with_the_unit_written_after_it() {
    let s = "他自费买了600多册材料,运来6000多吨";
    let at = s.find("600多").expect("in the sentence");
    assert_eq!(written_at(s, &(at..at + "600多".len())), "600多册");
    let at = s.find("6000多").expect("in the sentence");
    assert_eq!(written_at(s, &(at..at + "6000多".len())), "6000多吨");
    assert_eq!(written_on(s, "6000多"), "6000多吨");
    // A span that ends in a word is left as it is.
    assert_eq!(written_at(s, &(0..s.find("自费").unwrap_or(0))), "他");
    // Telephone channels (路) and stretches (段) are counted in measure words too.
    let s = "可以同时拨打或接收12万多路电话的光纤通信系统";
    assert_eq!(written_on(s, "12万多"), "12万多路");
}
