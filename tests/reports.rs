//! What a report leaves to what it said before: a country named in full once and then by its
//! short form (哈萨克斯坦 … 哈独立6年来), a city named once and then meant by 全市, a figure counted over the years beside one year's
//! (改革开放以来…累计).

use wenjin::answer::Answerer;
use wenjin::search::FieldKind;

use crate::common::{assert_answer_holds, build_january};

/// Records of my own in the style of a January 1998 wire report, one paragraph each.
const RECORDS: &[(&str, &str, &str)] = &[
    (
        "a",
        "",
        "新华社阿斯塔纳1月6日电 哈萨克斯坦总统昨天在议会发表讲话,回顾了去年的经济形势。",
    ),
    (
        "b",
        "",
        "他说,去年哈在吸引外资方面成果显著。哈独立6年来已吸引外资80多亿美元,仅去年一年就吸引外资15亿美元。",
    ),
];

/// The paragraph writes only 哈: the record before named 哈萨克斯坦, so the index records that
/// name for it and finds it by that name, as a question asks.
#[test]
fn a_country_named_in_the_record_before_is_meant_by_its_short_form() {
    let mut records = RECORDS.to_vec();
    // A report of several paragraphs starts afresh: its 哈 names nothing.
    records.push((
        "c",
        "冰雪节",
        "哈尔滨冰雪节开幕。\n\n游客笑得哈哈,他说:哈,真冷。",
    ));
    let b = build_january(&records);
    let snap = b.engine.snapshot();
    let passage = |id: &str| snap.document(&format!("news.jsonl#{id}")).unwrap();
    assert_eq!(passage("b")[0].refers, "哈萨克斯坦");
    assert_eq!(passage("a")[0].refers, "", "a writes the name itself");
    assert!(passage("c").iter().all(|p| p.refers.is_empty()));
    assert_eq!(snap.doc_freq(FieldKind::Words, "哈萨克斯坦"), 2);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "哈萨克斯坦1997年吸引了多少外资",
        "哈薩克斯坦1997年吸引了多少外資",
    ] {
        assert_answer_holds(&answerer, q, "15亿美元");
    }
    // 哈 means the country named before, no other.
    let r = answerer.ask("乌兹别克斯坦1997年吸引了多少外资").unwrap();
    assert_eq!(r.answer, None, "{:?}", r.answer);
}

/// 改革开放以来…累计52亿美元 is no year's figure, though the sentence before dates the report
/// 去年: a question for one year gets the year's.
#[test]
fn a_figure_counted_over_years_is_no_year_s() {
    let b = build_january(&[(
        "a",
        "",
        "本报南昌1月8日电 去年江西省对外开放取得新进展。改革开放以来,江西省累计利用外资52亿美元,其中去年利用外资6.5亿美元。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in ["江西省1997年利用外资多少", "江西省1997年利用外資多少"] {
        let r = answerer.ask(q).unwrap();
        let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
        assert!(answer.contains("6.5亿美元"), "{q}: {answer}");
    }
}

/// The wells the team drilled in 1997, asked in both scripts.
const WELLS_1997: [&str; 2] = [
    "第三勘探队1997年打了多少口井",
    "第三勘探隊1997年打了多少口井",
];

/// A team's year among its totals since it was founded. In one record, the year's 52口 stands
/// before a per-head figure in the same sentence (人均…80万元), which does not make 52口 one;
/// and 口井 in 多少口井 counts wells, it names nothing the corpus must write.
#[test]
fn a_year_s_figure_stands_beside_the_totals_since_founding() {
    let b = build_january(&[(
        "a",
        "",
        "本报大庆1月9日电 第三勘探队建队30年来累计打井900口,进尺100万米。1997年打井52口,人均打井2口,人均创产值达80万元。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in WELLS_1997 {
        assert_answer_holds(&answerer, q, "52口");
    }
}

/// The report ranked first gives only the totals since founding (累计打井900口), which answer
/// no year; a short report on the same team gives 1997's. Left with a distance (两百米) or a
/// duration (30年) of the first report, the answer is the year's figure of the second.
#[test]
fn a_year_s_figure_of_a_lower_report_answers_when_the_first_gives_only_totals() {
    let first = "去年7月,第三勘探队在杏五区打井时遇上大雨,队员们扛着套管走了两百米。党员干部带头,队伍年年立新功。建队30年来,第三勘探队累计打井900口,进尺100万米;第五勘探队累计打井850口,进尺90万米。";
    for second in [
        "第三勘探队建队29年来累计打井880口。1997年打井52口,人均打井1.5口。图为队员在严寒中作业。",
        "据统计,第三勘探队1997年打井52口,进尺13万米,全队创产值2000万元。",
    ] {
        let b = build_january(&[("a", "第三勘探队的一年", first), ("b", "油田简讯", second)]);
        let answerer = Answerer::new(&b.engine);
        for q in WELLS_1997 {
            assert_answer_holds(&answerer, q, "52口");
        }
    }
}

/// A month without its year (9月18日) after the report has named the year in full (1994年夏)
/// is in that year, not in the one before the report's date (1997 for a January 1998 report).
#[test]
fn a_month_without_its_year_is_in_the_year_named_before_it() {
    let b = build_january(&[(
        "a",
        "",
        "1994年夏,草原乳业想打进武汉市场,却碰了一鼻子灰。9月18日,草原乳业再到武汉,举办了50万支雪糕免费赠送活动,请市民品尝。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1994年草原乳业在武汉送了多少雪糕",
        "1994年草原乳業在武漢送了多少雪糕",
    ] {
        assert_answer_holds(&answerer, q, "50万支");
    }
}

/// Another year's figure of the same measure, in a report of its own.
const RECORD_1996: (&str, &str, &str) = (
    "c",
    "",
    "本报北京1月9日讯 1996年林业系统木材产量为6710万立方米,松香产量为45万吨。",
);

/// A paragraph that says only 全年 is in the year its report named before it: in the record
/// before (1997年,林业部…) or earlier in its own long paragraph. 项目前期 in it names no year
/// (no 目前, the report's own time, inside it).
#[test]
fn a_paragraph_s_whole_year_is_the_year_its_report_named() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报北京1月5日讯 1997年,林业部加大了结构调整力度,取得明显成效。",
        ),
        (
            "b",
            "",
            "林业部抓好大中型建设项目管理,完成了项目前期工作。全年完成木材产量5859万立方米,干鲜果品产量达到4118万吨。",
        ),
        RECORD_1996,
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1997年林业系统木材产量多少", "1997年林業系統木材產量多少"] {
        let r = answerer.ask(q).unwrap();
        let first = &r.citations.first().expect("a citation").doc;
        assert!(first.ends_with("#b"), "{q}: first citation {first}");
    }
    // The same paragraph cut into windows: its 全年 is the year its first window names.
    let filler = "各地继续推进国有林区企业改革,组织生产,提高资源综合利用率。".repeat(6);
    let long = format!(
        "本报北京1月5日讯 会议认为,1997年林业部加大了结构调整力度。{filler}全年完成木材产量5859万立方米,干鲜果品产量达到4118万吨。"
    );
    let b = build_january(&[("a", "", &long), RECORD_1996]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer.ask("1997年林业系统木材产量多少").unwrap();
    let first = r.citations.first().expect("a citation");
    assert!(first.doc.ends_with("#a"), "first citation {}", first.doc);
}

/// A question about a range of years (1995到1996年) is answered by the passage that writes the
/// same range (1995年至1996年间), not by one year's figure inside it.
#[test]
fn a_range_of_years_asked_is_the_range_written() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报江门1月6日电 交通条件改善后，外商纷纷前来投资。1995年至1996年间，鹤岭市吸纳外资1.8亿元，兴办了一批三高农业项目。",
        ),
        (
            "b",
            "",
            "本报江门1月9日电 鹤岭市1996年利用外资3.2亿元，新批外商投资企业40家。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1995到1996年鹤岭市引进了多少外资",
        "1995到1996年鶴嶺市引進了多少外資",
    ] {
        assert_answer_holds(&answerer, q, "1.8亿元");
    }
}

/// A dated report (本报哈拉雷1月8日电) tells of the days around its date: a figure it gives
/// without a year (76岁, 近日订购5架) answers a question about the report's year.
#[test]
fn a_dated_report_s_figures_are_of_its_year() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报哈拉雷1月8日电 津巴布韦马尼卡兰省司法当局7日宣布，76岁的津巴布韦前总理史密斯将因3次拒绝出庭作证而被起诉。",
        ),
        (
            "b",
            "",
            "据新华社北京1月19日电 中国东方航空公司近日在此间向欧洲空中客车公司订购5架空中客车客机。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 多大年纪 asks an age, in 岁: not the 3次 of the same sentence.
    for q in [
        "1998年津巴布韦前总理史密斯多大年纪",
        "1998年津巴布韋前總理史密斯多大年紀",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("76岁"), "{q}");
    }
    for q in [
        "1998年东航向空客订购了几架客机",
        "1998年東航向空客訂購了幾架客機",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(
            r.answer.as_deref().is_some_and(|a| a.contains("5架")),
            "{q}: {:?}",
            r.answer
        );
    }
}

/// A paragraph of a January 1998 report that names no year at all tells of the report's
/// present, so it answers for 1998; one that says 全年 gives the year before's total.
#[test]
fn a_yearless_paragraph_answers_for_its_report_s_year() {
    let b = build_january(&[
        (
            "a",
            "",
            "铁路局的对手是公路:哈尔滨至佳木斯间,公路每天开行27个班次,辆辆满员。",
        ),
        (
            "b",
            "",
            "西川省长途客运公司全年开行长途班车9000个班次,运送旅客30万人次。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年哈尔滨到佳木斯公路一天跑几班车",
        "1998年哈爾濱到佳木斯公路一天跑幾班車",
    ] {
        assert_answer_holds(&answerer, q, "27个");
    }
    let r = answerer
        .ask("1998年西川省长途客运公司开行了多少班次")
        .unwrap();
    assert_eq!(r.answer, None, "{:?}", r.answer);
}

/// A paragraph that dates its start by 去年 and then tells of the present (至今, 打算) answers
/// for the report's year with the figure it tells after the present.
#[test]
fn a_figure_told_after_the_present_answers_for_the_report_s_year() {
    let b = build_january(&[(
        "a",
        "",
        "西川杂技团去年12月26日在悉尼首场演出,至今已演了近10场,观众依然踊跃,主办单位打算在原定的21场之外再加演7场。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年西川杂技团在悉尼加演几场",
        "1998年西川雜技團在悉尼加演幾場",
    ] {
        assert_answer_holds(&answerer, q, "7场");
    }
}

/// A share that rose from a starting year's figure (由1990年的17.9%提高到32.4%) reached 32.4% in
/// the year the sentence is about, 1996; the starting figure stays 1990's.
#[test]
fn the_figure_a_change_reaches_is_of_the_year_the_sentence_is_about() {
    let b = build_january(&[(
        "a",
        "",
        "本报北京1月12日电 近几年我国对外贸易的结构在变。1996年机电产品的出口占出口总额的比重由1990年的17.9%提高到32.4%,纺织品的比重则由1990年的27.5%下降到21.6%。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1996年机电产品出口占出口总额多少",
        "1996年機電產品出口佔出口總額多少",
    ] {
        assert_answer_holds(&answerer, q, "32.4%");
    }
    assert_answer_holds(&answerer, "1990年机电产品出口占出口总额多少", "17.9%");
}

/// What a January 1998 report says happened 近日, 日前, 最近, 元旦, 除夕 or 新年伊始 happened
/// around its date: its figures answer a question that puts them in 1998, in both scripts.
#[test]
fn what_a_report_tells_of_its_last_days_is_of_its_year() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 华东第一座全钢结构的圆形过街天桥近日在宁波建成,天桥占地1830平方米,可同时容纳两千名行人通过。",
        ),
        (
            "b",
            "",
            "本报讯 新年伊始,盐城市委市政府拿出48万元重奖一批引进外资的有功人员。",
        ),
        (
            "c",
            "",
            "一起80万元的特大信用卡诈骗案,最近由杭州市公安局破获,三名犯罪嫌疑人全部落网。",
        ),
        (
            "d",
            "",
            "济南铁路局由济南站至泰安站间开行的城际列车元旦起开行,全程运行50分钟,旅客还可以买列车月票,每张380元。",
        ),
        (
            "e",
            "",
            "除夕夜,长春市郊的熊猫馆里,12只大熊猫安然入睡,值班的饲养员守着它们迎来了新年。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("1998年宁波建成的圆形天桥占地多大", "1830平方米"),
        ("1998年寧波建成的圓形天橋佔地多大", "1830平方米"),
        ("1998年盐城拿多少钱重奖引进外资的功臣", "48万元"),
        ("1998年杭州破获的信用卡诈骗案骗了多少钱", "80万元"),
        ("1998年济南到泰安的城际列车月票多少钱", "380元"),
        ("1998年長春熊貓館有多少隻大熊貓", "12只"),
    ] {
        assert_answer_holds(&answerer, q, want);
    }
}

/// A report's second paragraph names no year; its first is dated (本报合肥1月2日电) and tells of
/// the new year's first day. The second's figures are of that day's year.
#[test]
fn the_paragraph_after_a_dated_opening_is_of_the_report_s_year() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报合肥1月2日电 记者王明报道:新年的第一天,巢湖传来好消息,沿湖的工厂污水全部达标排放。",
        ),
        (
            "b",
            "",
            "省环保局局长宣布:在巢湖流域836家排污企业中,已有702家完成治理任务,其余的正在停产整治。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年巢湖流域多少家排污企业完成治理",
        "1998年巢湖流域多少家排污企業完成治理",
    ] {
        assert_answer_holds(&answerer, q, "702家");
    }
}

/// A report names its city once and then says 全市: the paragraph means the city named last
/// before it, so a question that names that city is answered from it, and one about a city
/// named earlier is not.
#[test]
fn the_whole_city_is_the_one_its_report_named_last() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 广东省鹤山市开通直达香港的豪华客车专线,旅客赴港可以一日来回。",
        ),
        ("b", "", "投资环境改善以后,鹤山市近四年累计利用外资2.5亿美元。"),
        (
            "c",
            "",
            "道路修通以后,荒坡成了外商投资农业的热土。1995年至1996年,全市吸纳外资1.8亿元,兴办农业项目114宗。",
        ),
        ("d", "", "本报讯 广东省江门市开通城际公交线路。"),
        ("e", "", "去年全市接待海外游客300万人次。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1995到1996年鹤山吸纳了多少外资",
        "1995到1996年鶴山吸納了多少外資",
    ] {
        assert_answer_holds(&answerer, q, "1.8亿元");
    }
    assert_answer_holds(&answerer, "1997年江门接待了多少海外游客", "300万人次");
    let r = answerer.ask("1997年鹤山接待了多少海外游客").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

/// News names 呼和浩特 as 呼市 (哈尔滨 as 哈市): the default aliases know them, so a question
/// with the full name is answered from a paragraph that writes only the short one.
#[test]
fn a_city_is_written_by_its_short_name() {
    let b = build_january(&[
        (
            "a",
            "",
            "今年元旦、春节期间,呼市共为1.5万户困难家庭送去了米面和煤炭。",
        ),
        ("b", "", "本报讯 包头市今年为困难职工发放生活费800万元。"),
        ("c", "", "天津市春节期间供应充足,米面价格平稳。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年春节呼和浩特给多少户困难家庭送了米面",
        "1998年春節呼和浩特給多少戶困難家庭送了米麵",
    ] {
        assert_answer_holds(&answerer, q, "1.5万户");
    }
}

/// Users name 澳大利亚 as 澳洲 (韩国 as 南韩): a question with the short name is answered from a
/// paragraph that writes only the full one.
#[test]
fn a_country_is_asked_by_its_everyday_name() {
    let b = build_january(&[
        (
            "a",
            "",
            "眼下正值澳大利亚的盛夏,悉尼连日最高气温达到41摄氏度,海滩上挤满了消暑的人群。",
        ),
        ("b", "", "本报讯 哈尔滨今冬最低气温降到零下35摄氏度。"),
        ("c", "", "新西兰南岛近日持续高温,多地发生山火。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年1月澳洲哪个城市热到41度",
        "1998年1月澳洲哪個城市熱到41度",
    ] {
        assert_answer_holds(&answerer, q, "悉尼");
    }
}

/// A report that names a day of its own month without a year (1月20日 in a January 1998
/// report) tells of that year: its figures answer a question about 1998, not about 1997.
#[test]
fn a_day_of_the_report_s_month_is_of_its_year() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 1月20日,一架长30米、重45吨的新型支线客机在西安飞机工业公司总装下线。",
        ),
        (
            "b",
            "",
            "据了解,去年西安飞机工业公司共生产客机12架,重量均在40吨以上。",
        ),
        ("c", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年西飞下线的新型支线客机有多重",
        "1998年西飛下線的新型支線客機有多重",
    ] {
        assert_answer_holds(&answerer, q, "45吨");
    }
    let r = answerer.ask("1997年西飞下线的新型支线客机有多重").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

/// A sum in Chinese numerals with 多 inside it (一千多万元) is money: it answers how much relief
/// was paid, in place of the count of people the reader scores first (五千余人次).
#[test]
fn an_approximate_sum_in_chinese_numerals_is_money() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 湖南株洲市去年为下岗职工和困难企业职工五千余人次发放失业救济金及生活补助一千多万元。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年株洲给下岗职工发了多少救济金",
        "1997年株洲給下崗職工發了多少救濟金",
    ] {
        assert_answer_holds(&answerer, q, "一千多万元");
    }
}

/// Money saved is no profit: a plant's 节约检修费1亿多元 does not answer how much it earned.
#[test]
fn money_saved_is_not_money_earned() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 岳阳石化二十万吨乙烯装置去年投产后一年未停车检修,节约检修费1亿多元,在国内同类装置中尚属首次。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年岳阳石化乙烯赚了多少钱",
        "1997年岳陽石化乙烯賺了多少錢",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1997年岳阳石化乙烯检修节约了多少钱", "1亿多元");
}
