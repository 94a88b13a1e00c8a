//! Unit tests of date normalization (src/corpus/date.rs).

use super::*;

fn n(s: &str) -> Option<String> {
    normalize(s)
}

#[test]
fn numeric_forms() {
    assert_eq!(n("1998-01").as_deref(), Some("1998-01"));
    assert_eq!(n("1998-01-15").as_deref(), Some("1998-01-15"));
    assert_eq!(n("1998/1/15").as_deref(), Some("1998-01-15"));
    assert_eq!(n("1998.1.5").as_deref(), Some("1998-01-05"));
    assert_eq!(n("1998-1").as_deref(), Some("1998-01"));
    assert_eq!(n("1998").as_deref(), Some("1998"));
    assert_eq!(n("19980115").as_deref(), Some("1998-01-15"));
    assert_eq!(n(" 2023-04-12 10:30 ").as_deref(), Some("2023-04-12"));
}

#[test]
fn iso_with_a_time_keeps_the_date_as_written() {
    assert_eq!(
        n("2023-03-28T20:00:00+08:00").as_deref(),
        Some("2023-03-28")
    );
    assert_eq!(n("2023-03-28T23:30:00Z").as_deref(), Some("2023-03-28"));
    assert_eq!(n("2023-03T").as_deref(), Some("2023-03"));
}

#[test]
fn chinese_forms() {
    assert_eq!(n("1998年1月15日").as_deref(), Some("1998-01-15"));
    assert_eq!(n("1998年1月").as_deref(), Some("1998-01"));
    assert_eq!(n("1998年").as_deref(), Some("1998"));
    assert_eq!(n("2023年4月26日 星期三").as_deref(), Some("2023-04-26"));
    assert_eq!(n("2023年3月28號").as_deref(), Some("2023-03-28"));
    assert_eq!(n("一九九八年一月十五日").as_deref(), Some("1998-01-15"));
    assert_eq!(n("一九九七年十二月三十一日").as_deref(), Some("1997-12-31"));
    assert_eq!(n("二〇二二年").as_deref(), Some("2022"));
    assert_eq!(n("二○二三年三月二十八日").as_deref(), Some("2023-03-28"));
    assert_eq!(n("民國112年3月28日").as_deref(), Some("2023-03-28"));
}

#[test]
fn full_width_digits() {
    assert_eq!(n("１９９８年１月１５日").as_deref(), Some("1998-01-15"));
    assert_eq!(n("１９９８－０１").as_deref(), Some("1998-01"));
    assert_eq!(n("２０２３／３／２８").as_deref(), Some("2023-03-28"));
}

#[test]
fn english_forms() {
    assert_eq!(n("March 28, 2023").as_deref(), Some("2023-03-28"));
    assert_eq!(n("28 Mar 2023").as_deref(), Some("2023-03-28"));
    assert_eq!(
        n("Tue, 28 Mar 2023 12:00:00 +0800").as_deref(),
        Some("2023-03-28")
    );
    assert_eq!(n("Sept 3rd, 2021").as_deref(), Some("2021-09-03"));
    assert_eq!(n("March 2023").as_deref(), Some("2023-03"));
    assert_eq!(n("The mayor spoke in 2023"), None);
}

#[test]
fn day_and_month_order_only_when_certain() {
    assert_eq!(n("28/03/2023").as_deref(), Some("2023-03-28"));
    assert_eq!(n("03/28/2023").as_deref(), Some("2023-03-28"));
    assert_eq!(n("01/02/2023"), None, "ambiguous order gives no date");
}

#[test]
fn a_short_label_before_the_date() {
    assert_eq!(n("發布於 2023-03-28").as_deref(), Some("2023-03-28"));
    assert_eq!(n("Posted: 2023/3/28").as_deref(), Some("2023-03-28"));
}

#[test]
fn unparseable_or_impossible_dates_give_none() {
    for bad in [
        "",
        "昨天",
        "上午十點",
        "unknown",
        "1998-13",
        "1998-02-30",
        "1997-02-29",
        "123",
        "99999",
        "0000-01-01",
        "1998-01-151",
        "第3期",
        "n/a",
    ] {
        assert_eq!(n(bad), None, "{bad}");
    }
    assert_eq!(n("2000-02-29").as_deref(), Some("2000-02-29"), "leap year");
}

#[test]
fn bare_date_lines() {
    assert!(is_bare_date("2023-03-28"));
    assert!(is_bare_date("2023-03-28 20:00"));
    assert!(is_bare_date("2023年3月28日 星期二"));
    assert!(is_bare_date("２０２３年３月２８日"));
    assert!(!is_bare_date("2023年營收38億元"));
    assert!(!is_bare_date("2023"));
    assert!(!is_bare_date("商湯科技2023-03-28"));
}

fn article(date: Option<&str>, first: &str) -> Article {
    let mut a = Article::default();
    a.meta.date = date.map(str::to_string);
    a.paragraphs = vec![first.to_string()];
    a
}

#[test]
fn settle_normalizes_and_refines_with_the_dateline() {
    let mut a = article(Some("1998-01"), "新华社曼谷１月１６日电（记者某某）泰国……");
    settle(&mut a);
    assert_eq!(a.meta.date.as_deref(), Some("1998-01-16"));

    let mut a = article(Some("1998-01"), "本报北京１２月３１日讯 新年前夕……");
    settle(&mut a);
    assert_eq!(a.meta.date.as_deref(), Some("1997-12-31"));

    // A full date is the article's own: the dateline does not override it.
    let mut a = article(Some("2023年3月28日"), "本报北京３月２７日讯 ……");
    settle(&mut a);
    assert_eq!(a.meta.date.as_deref(), Some("2023-03-28"));

    // Without an article date, a dateline's year is unknown: no date is invented.
    let mut a = article(None, "新华社曼谷１月１６日电 ……");
    settle(&mut a);
    assert_eq!(a.meta.date, None);

    // An unparseable date is dropped, the article kept.
    let mut a = article(Some("某日"), "正文。");
    settle(&mut a);
    assert_eq!(a.meta.date, None);
    assert_eq!(a.paragraphs.len(), 1);

    let mut a = article(
        Some("1998-01"),
        "１９９７年，是中国发展历史上非常重要的一年。",
    );
    settle(&mut a);
    assert_eq!(a.meta.date.as_deref(), Some("1998-01"));
}
