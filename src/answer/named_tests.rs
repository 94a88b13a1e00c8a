//! Unit tests of src/answer/named.rs.

use super::{
    appointed_to_asked_post, asks_appointee, ends_in_a_deed, figure_or_unit, names_no_answer,
};
use crate::answer::question::Question;
use crate::text::aliases::Aliases;

#[test]
fn who_and_where_are_not_answered_with_pointers_titles_or_figures() {
    let q = Question::parse("詩人楊乃卿是哪裡人", &Aliases::default()).unwrap();
    assert!(names_no_answer(&q, "他的诗集《碣石诗抄》出版", "碣石诗抄"));
    assert!(names_no_answer(&q, "李鹏总理3年来第二次到这里", "这里"));
    assert!(names_no_answer(&q, "李鹏总理3年来第二次到这里", "3年"));
    assert!(names_no_answer(&q, "李鹏总理连续3年到这里", "连续3年"));
    assert!(names_no_answer(&q, "李鹏总理连续3年来到这里", "来到这里"));
    let q = Question::parse("97年中国足球最佳中场球员是谁", &Aliases::default()).unwrap();
    let honour = "申思当选“珀金斯中场发动机”";
    assert!(names_no_answer(&q, honour, "珀金斯"));
    assert!(names_no_answer(&q, honour, "珀金斯中场发动机"));
    assert!(!names_no_answer(&q, honour, "申思"));
    // 叫什么 asks a name, which a time is not.
    let q = Question::parse("遇刺身亡的临时代办叫什么", &Aliases::default()).unwrap();
    assert!(names_no_answer(&q, "代办和商人17日晚遇刺身亡", "17日晚"));
    let q = Question::parse("铝厂被谁买下了", &Aliases::default()).unwrap();
    assert!(names_no_answer(
        &q,
        "该国最大的国营铝厂被买下",
        "该国最大的国营铝厂"
    ));
    assert!(names_no_answer(&q, "今天下午铝厂被买下", "今天下午"));
    assert!(names_no_answer(
        &q,
        "销售额达到3000亿玻利瓦尔",
        "销售额达到3000亿玻利瓦尔"
    ));
    assert!(!names_no_answer(
        &q,
        "铝厂被太平洋金属集团买下",
        "太平洋金属集团"
    ));
    let q = Question::parse("会堂在什么地方", &Aliases::default()).unwrap();
    assert!(!names_no_answer(
        &q,
        "会堂位于今天津市和平区",
        "今天津市和平区"
    ));
    assert!(!names_no_answer(&q, "通道设在该站东南侧", "该站东南侧"));
    assert!(!names_no_answer(&q, "杨乃卿是河北昌黎人", "河北昌黎"));
    assert!(names_no_answer(
        &q,
        "杨乃卿的诗集《碣石诗抄》",
        "诗集《碣石"
    ));
    assert!(names_no_answer(
        &q,
        "揭幕庆典暨纪念大会在湘乡举行",
        "庆典暨"
    ));
    let q = Question::parse("他住在哪个村", &Aliases::default()).unwrap();
    assert!(names_no_answer(&q, "他来到这里", "这里"));
    let q = Question::parse("他写了什么书", &Aliases::default()).unwrap();
    assert!(!names_no_answer(&q, "他的诗集《碣石诗抄》出版", "碣石诗抄"));
}

#[test]
fn a_figure_and_its_unit_name_no_one() {
    let read = |s: &str, w: &str| {
        let i = s.find(w).expect("the span is in the sentence");
        figure_or_unit(s, &(i..i + w.len()))
    };
    let s = "销售额达到6000亿玻利瓦尔,被亚马孙钢铁集团买下";
    assert!(read(s, "6000亿玻利瓦尔"));
    assert!(read(s, "玻利瓦尔"));
    assert!(!read(s, "亚马孙钢铁集团"));
    assert!(!read(s, "销售额"));
    assert!(!read("由3名前奴隶成立", "3名前奴隶"));
}

#[test]
fn a_report_s_byline_names_no_one_the_report_tells_of() {
    let q = Question::parse("协调小组工作会议是谁主持的", &Aliases::default()).unwrap();
    let report = "本报讯记者王立新报道:工作会议在省城举行";
    assert!(names_no_answer(&q, report, "王立新"));
    assert!(names_no_answer(&q, report, "本报讯"));
    let country = Question::parse("世界杯冠军是哪个国家", &Aliases::default()).unwrap();
    assert!(names_no_answer(
        &country,
        "本报讯法国队夺得世界杯冠军",
        "本报讯"
    ));
    assert!(!names_no_answer(
        &country,
        "本报讯法国队夺得世界杯冠军",
        "法国"
    ));
    assert!(names_no_answer(&q, "(记者李明、张华)", "张华"));
    assert!(names_no_answer(&q, "新华社记者兰红光摄", "兰红光"));
    // A reporter's verb, not a byline: the person is the one met.
    assert!(!names_no_answer(&q, "记者日前采访了张华,", "张华"));
    assert!(!names_no_answer(&q, "省妇联副主席陈秀英主持会议", "陈秀英"));
    // Unless the question asks for the reporter.
    let q = Question::parse("这篇报道是哪位记者写的", &Aliases::default()).unwrap();
    assert!(!names_no_answer(&q, report, "王立新"));
}

#[test]
fn a_word_after_an_adverb_opens_a_predicate_not_a_name() {
    let q = Question::parse("在巴黎再次拿到最佳球员奖的是谁", &Aliases::default()).unwrap();
    let sentence = "巴西球星罗纳尔多在巴黎再次荣获最佳球员奖";
    assert!(names_no_answer(&q, sentence, "荣获"));
    assert!(!names_no_answer(&q, sentence, "罗纳尔多"));
}

#[test]
fn a_who_span_restating_the_question_or_an_ordinal_names_no_one() {
    let q = Question::parse("1998年元旦就职的巴基斯坦总统是谁", &Aliases::default()).unwrap();
    let headline = "巴基斯坦新总统宣誓就职";
    assert!(names_no_answer(&q, headline, "宣誓就职"));
    assert!(names_no_answer(&q, headline, "新总统"));
    assert!(!names_no_answer(
        &q,
        "新当选的巴基斯坦总统拉菲克·塔拉尔今天宣誓就职",
        "拉菲克·塔拉尔"
    ));
    let q = Question::parse("1998年认定的活佛转世灵童是谁", &Aliases::default()).unwrap();
    assert!(names_no_answer(&q, "第八世活佛转世灵童认定", "第八世"));
    // 副 makes another post: 副教务长 answers who assists the 教务长.
    let q = Question::parse("谁协助教务长执行事务", &Aliases::default()).unwrap();
    assert!(!names_no_answer(
        &q,
        "副教务长协助教务长执行事务",
        "副教务长"
    ));
}

#[test]
fn the_appointee_to_the_asked_post_is_known_in_any_clause() {
    let q = Question::parse("1998年安徽省人代会选谁当省长", &Aliases::default()).unwrap();
    let text = "大会选举孙志远为省人大常委会主任,刘建华为副主任;选举孙国强为省长,李明华为副省长";
    let at = |name: &str| {
        let start = text.find(name).unwrap();
        start..start + name.len()
    };
    assert!(appointed_to_asked_post(&q, text, &at("孙国强")));
    // Given another post, or no post at all.
    assert!(!appointed_to_asked_post(&q, text, &at("孙志远")));
    assert!(!appointed_to_asked_post(&q, text, &at("李明华")));
    // A question that asks no appointment is not asking for one.
    let q = Question::parse("1998年安徽省省长是谁", &Aliases::default()).unwrap();
    assert!(!asks_appointee(&q));
}

#[test]
fn a_phrase_ending_in_a_deed_names_no_one() {
    assert!(ends_in_a_deed("起到有益的作用"));
    assert!(ends_in_a_deed("人耳目一新"));
    assert!(ends_in_a_deed("正式的割让"));
    // Names jieba cuts into characters it tags as verbs, and a name read with its verb.
    for name in [
        "狄托",
        "林龙松",
        "百视通",
        "环球文萃",
        "王彦介绍",
        "桃花红、杏花白",
    ] {
        assert!(!ends_in_a_deed(name), "{name}");
    }
}
