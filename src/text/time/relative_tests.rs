//! Unit tests of relative years and months (src/text/time/relative.rs).

use super::*;

fn jan15() -> Option<PartialDate> {
    PartialDate::parse("1998-01-15")
}

/// (year, month, comparison) of every mention.
fn read(text: &str) -> Vec<(i32, Option<u8>, bool)> {
    mentions(text, jan15())
        .into_iter()
        .map(|m| (m.year, m.month, m.comparison))
        .collect()
}

#[test]
fn relative_years_resolve_against_the_reference() {
    assert_eq!(
        read("去年，铁路建设又是一个丰收年"),
        vec![(1997, None, false)]
    );
    assert_eq!(read("今年"), vec![(1998, None, false)]);
    assert_eq!(read("前年"), vec![(1996, None, false)]);
    assert_eq!(read("大前年选上这个点"), vec![(1995, None, false)]);
    assert_eq!(read("明年"), vec![(1999, None, false)]);
    assert_eq!(read("到本世纪末"), vec![(2000, Some(12), false)]);
    assert_eq!(read("目前人均住房"), vec![(1998, None, false)]);
    assert_eq!(read("完成了项目前期工作"), vec![]);
    assert_eq!(read("节目前半段"), vec![]);
    assert_eq!(read("上半年产量"), vec![(1998, None, false)]);
    assert_eq!(read("去年上半年产量"), vec![(1997, None, false)]);
    assert_eq!(read("截至去年底"), vec![(1997, Some(12), false)]);
    assert_eq!(read("今年年初"), vec![(1998, Some(1), false)]);
    assert_eq!(read("1996年年底"), vec![(1996, Some(12), false)]);
    assert_eq!(read("上月"), vec![(1997, Some(12), false)]);
    assert_eq!(read("本月"), vec![(1998, Some(1), false)]);
    assert_eq!(read("年底前完成"), vec![(1998, Some(12), false)]);
    // A bare one after a year the text named is that year's; a comparison names none.
    assert_eq!(
        read("1997年财政收入250亿元，完成年初预算"),
        vec![(1997, None, false), (1997, Some(1), false)]
    );
    assert_eq!(
        read("去年产值增长，年底达到"),
        vec![(1997, None, false), (1997, Some(12), false)]
    );
    assert_eq!(
        read("比去年增长，年底达到"),
        vec![(1997, None, true), (1998, Some(12), false)]
    );
    // A month without its year, more than half a year after the report's: the year before.
    assert_eq!(read("１２月中旬，总理访问"), vec![(1997, Some(12), false)]);
    assert_eq!(read("10月签约"), vec![(1997, Some(10), false)]);
    // A nearer month may be the coming one, the report's own month is the report's: neither
    // is resolved; nor a month after its year.
    assert!(read("2月19日发行").is_empty());
    assert!(read("1月30日电").is_empty());
    assert_eq!(read("1996年12月"), vec![(1996, None, false)]);
    assert!(read("3个月").is_empty());
    let m = &mentions("截至去年底，", jan15())[0];
    assert_eq!(&"截至去年底，"[m.range.clone()], "去年底");
}

#[test]
fn written_and_numeral_years_are_mentions_too() {
    let ms = mentions("一九九七年底和1996年上半年", None);
    let got: Vec<_> = ms.iter().map(|m| (m.year, m.month, m.source)).collect();
    assert_eq!(
        got,
        vec![
            (1997, Some(12), Source::Numeral),
            (1996, None, Source::Written)
        ]
    );
    assert_eq!(read("去年"), vec![(1997, None, false)]);
    assert!(
        mentions("去年", None).is_empty(),
        "no reference, no relative year"
    );
    assert!(mentions("3.1998 M1998 199801", None).is_empty());
    assert!(mentions("项目共２０１８个，２０００多人", None).is_empty());
}

#[test]
fn comparisons_are_marked() {
    assert_eq!(
        read("今年产量比去年增长10%"),
        vec![(1998, None, false), (1997, None, true)]
    );
    assert_eq!(read("较上年增长"), vec![(1997, None, true)]);
    assert_eq!(read("与去年相比"), vec![(1997, None, true)]);
    assert_eq!(read("比去年同期增长"), vec![(1997, None, true)]);
    assert_eq!(read("去年同期为"), vec![(1997, None, true)]);
    assert_eq!(read("上年同期"), vec![(1997, None, true)]);
    assert_eq!(read("同比增长5%"), vec![(1997, None, true)]);
    assert_eq!(read("高于去年"), vec![(1997, None, true)]);
    assert_eq!(read("與去年相比"), vec![(1997, None, true)]);
    assert_eq!(read("同去年一样"), vec![(1997, None, false)]);
    assert_eq!(read("收入较2021年的171亿元明显收窄")[0], (2021, None, true));
}

#[test]
fn look_alikes_are_no_dates() {
    for text in [
        "十年前年均增长",
        "以上年龄",
        "每年底",
        "全年上半年",
        "近年初见成效",
        "以上月份",
    ] {
        assert_eq!(read(text), vec![], "{text}");
    }
}

#[test]
fn resolved_years_leave_out_written_years_and_comparisons() {
    let text = "去年全国铁路完成基建投资342亿元，比前年增长5%，一九九六年为300亿元，1995年";
    assert_eq!(resolved_years(text, jan15()), vec![1996, 1997]);
    assert_eq!(resolved_years("今年产量比去年增长10%", jan15()), vec![1998]);
}

#[test]
fn a_figure_belongs_to_its_clauses_nearest_year() {
    let text = "今年产量比去年增长10%，去年为300万吨";
    let at = |s: &str| text.find(s).unwrap();
    assert_eq!(clause_year(text, at("10%"), jan15()), Some(1998));
    assert_eq!(clause_year(text, at("300"), jan15()), Some(1997));
    assert_eq!(clause_year("产量为300万吨", 9, jan15()), None);
    let t = "2021年亏损171亿元，2022年亏损约60亿元";
    assert_eq!(clause_year(t, t.find("60").unwrap(), None), Some(2022));
}

#[test]
fn a_zodiac_year_is_read_but_not_indexed() {
    assert_eq!(read("刚刚在牛年创出了新纪录"), vec![(1997, None, false)]);
    assert_eq!(read("每头奶牛年产奶6000公斤"), vec![]);
    assert!(resolved_years("刚刚在牛年创出了新纪录", jan15()).is_empty());
}
