//! Unit tests of the names a question writes and a passage must (src/answer/mentions.rs).

use super::super::names_written::writes_names;
use super::name_like;
use crate::answer::question::Question;
use crate::text::aliases::Aliases;
use crate::text::segment::{suffix_and_verb, verb_and_particle, verb_compound};

/// The name-like words of a question ([`name_like`], with jieba's HMM).
fn names_in(question: &str) -> Vec<String> {
    let a = Aliases::default();
    let q = Question::parse(question, &a).unwrap();
    name_like(&q, &a, true)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

#[test]
fn a_verb_with_its_particle_is_no_name() {
    assert!(verb_and_particle("签了"));
    assert!(verb_and_particle("修过"));
    assert!(verb_and_particle("赔给"), "a verb with 给 after it");
    assert!(verb_and_particle("热到"), "how far it went");
    assert!(verb_and_particle("涨到"));
    assert!(verb_compound("合录"), "two verbs' characters");
    assert!(!verb_compound("常昊"));
    assert!(!verb_compound("贝尔曼"));
    assert!(!verb_and_particle("涅姆佐夫"));
    assert!(!verb_and_particle("签"));
    let names = names_in("1997年底哪位俄羅斯副總理訪華簽了核電站合同");
    assert!(!names.iter().any(|n| n.ends_with('了')), "{names:?}");
}

fn writes(names: &[&str], text: &str) -> bool {
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    writes_names(&names, &crate::text::normalize(text))
}

#[test]
fn a_name_is_written_whole_short_or_loosely() {
    assert!(writes(&["福建省"], "福建财政工作再创佳绩"));
    assert!(writes(&["北京分行"], "建设银行北京市分行实现利润"));
    assert!(writes(
        &["哈萨克斯坦"],
        "去年哈在吸引外资方面也取得了积极成果"
    ));
    assert!(writes(&["中国"], "我国移动电话用户达到1200万户"));
    assert!(writes(
        &["全国政协"],
        "政协九届常委会第三次会议共收到提案412件"
    ));
    assert!(!writes(&["全国政协"], "人大常委会共收到议案412件"));
    // A town without 镇; a country by its other name.
    assert!(writes(&["威舍镇"], "威舍的农民人均纯收入去年达到1460元"));
    assert!(writes(&["印尼"], "印度尼西亚政府搁置了一批工程项目"));
    assert!(writes(&["印度尼西亚"], "印尼的外汇储备为240亿美元"));
    assert!(writes(&[], "任何文字"));
}

#[test]
fn another_place_is_not_the_question_s() {
    assert!(!writes(&["天津"], "上海全市国内生产总值首次超过3000亿元"));
    assert!(!writes(&["马来西亚"], "印尼的外汇储备为240亿美元"));
    // Every name must be written: 加拿大 is not, though 中国 is.
    assert!(!writes(
        &["中国", "加拿大"],
        "英国在华投资项目共2018个,中国"
    ));
}

#[test]
fn a_place_s_suffix_glued_to_its_verb_is_no_name() {
    assert!(suffix_and_verb("省有"));
    assert!(suffix_and_verb("市是"));
    assert!(!suffix_and_verb("市长"));
    assert!(!suffix_and_verb("有"));
    let names = names_in("东海市有多少家银行");
    assert!(!names.iter().any(|n| n == "市有"), "{names:?}");
}

#[test]
fn common_words_tagged_as_places_are_no_names_but_cities_are() {
    let names = names_in("申办2008年奥运会的日本城市是哪个");
    assert_eq!(names, ["日本"], "城市 is any city");
    // 长治 is a common word to jieba's dictionary, 长治市 a place.
    assert!(names_in("到1997年底长治小康实现程度多少").contains(&"长治".to_string()));
}
