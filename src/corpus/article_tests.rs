//! Unit tests of plain-text and Markdown articles (src/corpus/article.rs).

use super::*;

#[test]
fn reads_header_and_drops_boilerplate() {
    let text = "標題一行\n\n\n來源:某某新聞\n\n作者: 張三\n\n第一段內容。\n\n第二段，內容。\n\n\
                資訊來源：由某站編譯。版權歸作者所有，未經許可，不得轉載\n\nTotal\n0\nShares\nRelated Posts\n某文章";
    let a = parse(text, false);
    assert_eq!(a.meta.title, "標題一行");
    assert_eq!(a.meta.source.as_deref(), Some("某某新聞"));
    assert_eq!(a.meta.author.as_deref(), Some("張三"));
    assert_eq!(a.paragraphs, vec!["第一段內容。", "第二段，內容。"]);
}

#[test]
fn markdown_heading_is_the_title() {
    let a = parse(
        "# 标题\n\n来源：新华\n日期：2023-01-02\n\n正文第一段\n接着写。\n\n## 小节\n\n第二段",
        true,
    );
    assert_eq!(a.meta.title, "标题");
    assert_eq!(a.meta.date.as_deref(), Some("2023-01-02"));
    assert_eq!(a.paragraphs, vec!["正文第一段\n接着写。", "小节", "第二段"]);
}

#[test]
fn date_lines_in_any_form() {
    let a = parse(
        "雲從科技年報\n来源：某社\n发布时间：2023年4月26日\n\n正文。",
        false,
    );
    assert_eq!(a.meta.date.as_deref(), Some("2023年4月26日"));
    // A bare date line next to the source line, with a time and weekday.
    let a = parse(
        "標題\n來源：某報\n2023年3月28日 星期二 20:00\n\n正文。",
        false,
    );
    assert_eq!(a.meta.date.as_deref(), Some("2023年3月28日 星期二 20:00"));
    assert_eq!(a.paragraphs, vec!["正文。"]);
    // A date line above the title; a `時間：` line that is no date is not the date.
    let a = parse(
        "２０２３－０３－２８\n標題\n時間：上午十點\n日期：2023/3/28\n\n正文。",
        false,
    );
    assert_eq!(a.meta.title, "標題");
    assert_eq!(a.meta.date.as_deref(), Some("２０２３－０３－２８"));
    let a = parse("標題\n時間：上午十點\n日期：2023/3/28\n\n正文。", false);
    assert_eq!(a.meta.date.as_deref(), Some("2023/3/28"));
}

#[test]
fn a_long_first_line_is_body_text() {
    let line = "字".repeat(300);
    let a = parse(&line, false);
    assert_eq!(a.meta.title.chars().count(), 31);
    assert_eq!(a.paragraphs, vec![line]);
}

#[test]
fn boilerplate_only_has_no_paragraphs() {
    let a = parse("Total\n0\nShares\nRelated Posts\n", false);
    assert!(a.paragraphs.is_empty());
}
