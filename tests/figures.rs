//! Figures as news prints them: a dot between digits is a decimal point (`１２·７万辆`), and a
//! question for an amount is answered with a figure, not with a word beside it.

use std::path::Path;

use wenjin::answer::Answerer;
use wenjin::text::normalize as folded;

use crate::common::{assert_answer_holds, build, build_january, write_january};

/// Paragraph records of our own in the style of a 1998 national daily: full-width digits, the
/// middle dot as decimal point, 去年 for the year before the article's.
fn figures_corpus(dir: &Path) {
    let records = [
        (
            "a",
            "航空工业民品生产",
            "去年航空工业民用产品发展较快，全年共生产汽车１２·７万辆，摩托车８０多万辆，民品产值比上年增长１２·８％。",
        ),
        (
            "b",
            "扶贫基金会年度报告",
            "据中国扶贫基金会统计，该会去年共收到捐款２７笔，到位资金合计１４８８万元，捐赠者多为外资公司和民营企业。",
        ),
        (
            "c",
            "城市住房",
            "去年这个省安居工程竣工面积超过２２０万平方米，销售１９３·４万平方米，人均居住面积提高到８平方米。",
        ),
        (
            "d",
            "约翰·史密斯访华",
            "美国作家约翰·史密斯上周抵达北京，开始为期两周的访问，他将在三所大学演讲。",
        ),
    ];
    write_january(dir, &records);
}

/// Every digit of `want` must come out whole: `12.7万辆`, never `7万辆`.
#[test]
fn a_dot_between_digits_is_a_decimal_point() {
    let corpus = tempfile::tempdir().unwrap();
    figures_corpus(corpus.path());
    let b = build(corpus.path());
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("1997年航空工業造了多少萬輛汽車", "12.7万辆"),
        ("1997年航空工业民品产值涨了多少", "12.8%"),
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = folded(&r.answer.clone().unwrap_or_default());
        assert!(answer.contains(want), "{q}: answer {answer:?}");
    }
    // A foreign name's dot is no decimal point: the name is still found as written.
    let r = answerer.ask("約翰·史密斯什麼時候到的北京").unwrap();
    assert_eq!(
        r.citations.first().map(|c| c.doc.as_str()),
        Some("news.jsonl#d")
    );
}

/// An amount question gets a figure even where the reader scores a word beside it higher, and
/// one in the measure it asks.
#[test]
fn an_amount_question_is_answered_with_a_figure() {
    let corpus = tempfile::tempdir().unwrap();
    figures_corpus(corpus.path());
    let b = build(corpus.path());
    let answerer = Answerer::new(&b.engine);
    for q in [
        "中國扶貧基金會1997年收到多少捐款",
        "1997年安居工程建成了多大面积",
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = folded(&r.answer.clone().unwrap_or_default());
        assert!(
            answer.chars().any(|c| c.is_ascii_digit()),
            "{q}: answer {answer:?}"
        );
    }
    // A figure in the asked measure's unit, not a count of another thing beside it: 捐款 is
    // money, not the 27 gifts the reader scores higher.
    assert_answer_holds(&answerer, "中國扶貧基金會1997年收到多少捐款", "1488万元");
}

/// A question asked with a spending verb (花了多少钱 means 支出) is not answered with the revenue
/// figure of the same report: that is the answer to another question.
#[test]
fn a_spending_question_is_not_answered_with_revenue() {
    let b = build_january(&[(
        "fj",
        "全省财政再创佳绩",
        "福建财政工作再创佳绩，１９９７年全省财政总收入达２５０．８亿元，比上年增长１４％。",
    )]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer.ask("福建1997年财政收入多少").unwrap();
    assert!(folded(&r.answer.unwrap_or_default()).contains("250.8亿"));
    for q in ["福建省1997年財政花了多少錢", "福建1997年财政花了多少钱"] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer, None, "{q}");
    }
}

/// A total is not answered with one of its parts (after 其中), nor a year's figure with a daily
/// rate beside it; a question that names the part or asks the rate gets it.
#[test]
fn totals_and_amounts_are_not_answered_with_parts_or_rates() {
    let records = [
        (
            "bonds",
            "国债发行顺利完成",
            "记者从财政部了解到，１９９７年的国债发行已经结束，全年共发行国内政府债券２４１２．０３亿元，其中凭证式国债１６４３．３３亿元，无记名国债３９５．２９亿元，记账式国债３４４．０６亿元。",
        ),
        (
            "airport",
            "首都机场客流增长",
            "本报讯近年来首都国际机场的飞机起降架次保持较快增长，１９９７年全年起降架次突破１４万，日高峰每天起降４８０多架次。",
        ),
    ];
    let b = build_january(&records);
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("一九九七年國債一共發了多少", "2412.03亿"),
        ("1997年记账式国债发了多少", "344.06亿"),
        ("首都机场1997年飞机起降多少架次", "14万"),
        ("首都机场高峰时每天起降多少架次", "480多架次"),
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = folded(&r.answer.clone().unwrap_or_default());
        assert!(answer.contains(want), "{q}: answer {answer:?}");
    }
}

/// A list pairs names with figures in order (甲和乙分别为X和Y): the figure answered is the one
/// whose name the question writes, in either script; a count is not answered with the change
/// beside it (减少了302人), nor a how-much question with a word where the passage gives no figure;
/// a range is answered whole.
#[test]
fn lists_changes_and_figureless_answers() {
    let records = [
        (
            "income",
            "山区脱贫成效显著",
            "去年全省村集体年均和农民人均纯收入为２３万元和２８００元，分别比上年增长１５％和１２．３％。",
        ),
        (
            "farm",
            "养殖业发展",
            "去年全县鸡、猪的饲养量分别达到２００万只和３０万头，养鱼水面达５４００亩。",
        ),
        (
            "roads",
            "交通安全统计",
            "据警方发表的统计数字，这个国家去年有９６４０人死于交通事故，但同上年相比减少了３０２人。",
        ),
        (
            "loans",
            "外汇贷款计划",
            "按照银行的安排，今年的外汇贷款将比去年多放７０亿—１００亿美元。",
        ),
        (
            "trade",
            "双边贸易",
            "两国之间的经贸往来十分活跃，双方企业家互访频繁。",
        ),
    ];
    let b = build_january(&records);
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("1997年全省農民人均純收入多少", "2800元"),
        ("1997年村集体年均纯收入多少", "23万元"),
        ("1997年全縣雞的飼養量多少", "200万"),
        ("1997年交通事故死了多少人", "9640"),
        ("1997年交通事故死亡人数减少了多少", "302人"),
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = folded(&r.answer.clone().unwrap_or_default());
        assert!(answer.contains(want), "{q}: answer {answer:?}");
    }
    // A planned range is answered whole, not by its upper end.
    let r = answerer.ask("1998年外汇贷款比上一年多放多少").unwrap();
    let answer = folded(&r.answer.unwrap_or_default());
    assert!(
        answer.contains("70亿") && answer.contains("100亿美元"),
        "answer {answer:?}"
    );
    let r = answerer.ask("1997年两国贸易额多少").unwrap();
    assert_eq!(r.answer, None, "{:?}", r.answer);
}

/// A per-head question is answered with the per-head figure of its report, not with the
/// total the reader scores higher and the final check would refuse; the total is still the
/// answer to a question that asks no per head figure.
#[test]
fn a_per_head_question_is_answered_with_the_per_head_figure() {
    let b = build_january(
    &[(
        "housing",
        "教师住房",
        "去年全省教师住房建设完成投资１２亿元，竣工面积１８０万平方米，教师家庭人均居住面积由１９９３年底的７·２平方米提高到去年底的９·１平方米。",
    )],
    );
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1997年底教师人均住房面积多大", "9.1平方米");
    assert_answer_holds(&answerer, "1997年教師住房竣工面積多大", "180万平方米");
}

/// A figure whose own clause names another measure of the alias file (贸易逆差) is no answer
/// to a question for another (贸易额), also when it is shown as a range without its words; the
/// question that asks that measure gets it.
#[test]
fn a_figure_its_clause_says_is_another_measure_is_no_answer() {
    let b = build_january(&[(
        "trade",
        "中美贸易研究报告",
        "研究报告估计，除去转口贸易因素，美国１９９５年对华贸易逆差在１２０亿至１８０亿美元之间。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1995年中美贸易额多少", "1995年中美貿易額多少"] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer, None, "{q}");
    }
    assert_answer_holds(&answerer, "1995年美国对华贸易逆差多少", "120亿至180亿美元");
}

/// A figure is what its own words count: a total is not answered with a rate over time or a
/// yardstick (the target a figure passed), an average with the month's price, and a figure is
/// read whole and in the measure word asked.
#[test]
fn a_figure_is_read_as_what_its_own_words_count() {
    let b = build_january(&[
        (
            "roads",
            "交通安全形势",
            "据交通管理部门统计，去年本市有１２４０人死于交通事故，平均每天有３·４人在事故中丧生，每过７个小时就有１人因车祸死亡。",
        ),
        (
            "boats",
            "渔船出口",
            "１９９７年，我省制造的５６艘渔船出口到越南等９个国家，其中包括钢质、木质、玻璃钢等型号的渔船。",
        ),
        (
            "reserves",
            "新西兰外汇储备",
            "新华社惠灵顿１月１２日电新西兰中央银行１１日宣布，截至去年１２月底，新西兰外汇储备已超过政府所定的４０亿美元的指标，达到５２亿美元。",
        ),
        (
            "oil",
            "北海原油价格",
            "对北海油田来说，这是两年来的最低油价。去年９月，北海布伦特原油价格曾因中东局势紧张而走高，涨到每桶２１．３０美元。但进入１１月，价格就一路回落，到了１２月中旬，每桶只卖１５．２０美元，为全年最低。不过去年的平均价格仍有１８．１０美元，高于英国政府年初的预测，石油公司收入好于预期。",
        ),
        (
            "mill",
            "钢厂经营",
            "红星钢厂结构调整见成效去年实现利润四点二亿元比上年增百分之九",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("1997年本市交通事故死了多少人", "1240"),
        ("1997年我省出口了多少艘渔船", "56艘"),
        ("紅星鋼廠1997年賺了多少錢", "四点二亿元"),
        // An average asked is answered with the figure said to be one.
        ("北海原油1997年平均一桶賣多少錢", "18.10美元"),
        // A yardstick the sentence measures against is not what it reports.
        ("新西兰1997年底外汇储备有多少", "52亿美元"),
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = folded(&r.answer.clone().unwrap_or_default());
        assert!(answer.contains(want), "{q}: answer {answer:?}");
    }
    // A daily rate answers a question that asks one.
    assert_answer_holds(&answerer, "1997年本市平均每天有多少人死于交通事故", "3.4人");
}

/// A figure of another measure than the one asked is no answer (sales for profit, total assets
/// for what a bank earned), a count in another measure word gives way to one counted as asked
/// (7级 is a magnitude, not a number of quakes), and a foreign name written with a dash inside
/// (道—琼斯) or a craft's in quotes (“发现”号) is the name a user types without them.
#[test]
fn a_figure_of_another_measure_or_count_is_not_the_answer() {
    let b = build_january(&[
        (
            "quake",
            "全球地震回顾",
            "据地震部门统计，去年全世界发生的里氏７级以上的强烈地震比前年少，但造成的伤亡更重。",
        ),
        (
            "quakes",
            "全球地震回顾（续）",
            "去年全球共发生了１６次大地震，少于前年的２０次，也低于多年的平均数。",
        ),
        (
            "shop",
            "康华超市",
            "康华超市连锁公司去年在本市新开了９家门店，全年销售额为３．６亿元。",
        ),
        (
            "bank",
            "华信银行",
            "华信银行成立三年来业务稳步发展，到１９９７年底总资产已达１５６亿元，比开业时增长了８倍。",
        ),
        (
            "shuttle",
            "航天飞机",
            "美国“发现”号航天飞机２２日升空，将宇航员约翰·布朗送上“和平”号空间站，接替在站上工作了半年的同伴。",
        ),
        (
            "tourists",
            "毛里求斯旅游",
            "毛里求斯是印度洋上的岛国，去年接待了来自各国的５０多万游客，旅游业成为这个岛国的支柱产业。",
        ),
        (
            "dow",
            "纽约股市",
            "１９９７年最后一个交易日，纽约股市道—琼斯工业平均指数以７９０８．２５点收盘，全年上涨２２．６％。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("1997年全世界發生了幾次大地震", "16次"),
        ("康华超市1997年卖了多少钱", "3.6亿元"),
        ("华信银行1997年底总资产多少", "156亿元"),
        ("1997年底道瓊斯指數收在多少點", "7908.25"),
        // A craft's name in quotes (“发现”号) is the 发现号 a user types.
        ("发现号把谁送上了和平号", "约翰·布朗"),
    ] {
        assert_answer_holds(&answerer, q, want);
    }
    // 50多万游客 counts tourists, not the foreign exchange asked for.
    for q in [
        "康华超市1997年利润多少",
        "华信银行1997年赚了多少钱",
        "毛里求斯1997年旅游赚了多少外汇",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
}

/// 产值 is a sum of money: a county's output value is answered with the amount (5.2亿元), not
/// with the share of the county's total the sentence gives first; a question about the share
/// still gets the share.
#[test]
fn output_value_is_answered_with_money_and_its_share_with_a_share() {
    let b = build_january(&[(
        "peanut",
        "花生富了一个县",
        "在山东省莒南县，没有哪个行业能像花生加工那样重要，全县花生年产值占全县工农业年总产值的２５％，达５．２亿元，从业人员有４万多人。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "莒南县花生一年产值有多少", "5.2亿元");
    assert_answer_holds(
        &answerer,
        "莒南县花生产值占全县工农业总产值的百分比是多少",
        "25%",
    );
}

/// A figure in words is not always a count: 一艘 of 一艘名为“海燕号” introduces the ship, and the
/// next sentence's 412名难民 counts what is asked; 九届二次 numbers a session, not the
/// proposals asked for; 哪几家公司 asks which companies, not how many people came.
#[test]
fn a_ship_a_session_and_which_companies_are_not_counts() {
    let b = build_january(&[
        (
            "ship",
            "货船搁浅",
            "新年前夕，一艘名为“海燕号”的希腊破旧货船在土耳其西部海岸搁浅。船上载着来自阿富汗、巴基斯坦和孟加拉国的４１２名主要是阿富汗族的难民。土耳其当局收容了这批难民。",
        ),
        (
            "session",
            "市政协表彰优秀提案",
            "本报讯市政协九届二次会议优秀提案表彰会今天在市政协礼堂举行，市政协主席出席并讲话。",
        ),
        (
            "visit",
            "加纳总统在宁波",
            "今天上午，来访的加纳总统参观了宁波港务局和雅戈尔集团公司，并同企业负责人座谈。",
        ),
        (
            "arrival",
            "加纳总统抵达宁波",
            "新华社宁波１月２０日电加纳总统一行２６人今天下午乘专机抵达宁波，开始在浙江的参观访问。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "在土耳其搁浅的希腊货船“海燕号”上载了多少难民？",
        "412名",
    );
    assert_answer_holds(
        &answerer,
        "加纳总统在宁波参观了哪几家公司",
        "雅戈尔集团公司",
    );
    let q = "市政协九届二次会议一共收到多少件提案";
    let r = answerer.ask(q).unwrap();
    assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
}

/// Amounts of the tenth pass, over reports of my own: a figure a January report states
/// without a year answers a question about that month or the opening of the year; a duration
/// is no answer to how much; a change is answered with the figure it reached; a span that
/// takes in its subject gives way to the figure with its measure word.
#[test]
fn report_time_figures_durations_and_changes() {
    let b = build_january(&[
        (
            "subscribers",
            "晚报送报上楼",
            "本报天津１月８日电晚报发行部门３年来坚持送报上楼，目前送报上楼的订户已达１８．３万户，读者反映良好。",
        ),
        (
            "dam",
            "水利工程竣工",
            "两国元首今天按下开闸按钮。这标志着历时九年、耗资４２亿元的山谷水利一期工程竣工。",
        ),
        (
            "tunnel",
            "隧道通车",
            "历时六年修建的青石岭隧道今天通车，当地群众敲锣打鼓庆祝。",
        ),
        (
            "deposits",
            "农行湖北省分行存款增长",
            "本报讯到１９９７年１１月底，农行湖北省分行存款余额由１５２．４亿元增至３１８．６亿元，增长１０９％。",
        ),
        (
            "farms",
            "江西养牛大户",
            "１９９７年江西省已有２３户养牛千头大户。据统计，１９９７年全省出栏肉牛１００头至５００头的大户达３１２户。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "晚报到1998年初送报上楼的订户有多少", "18.3万户");
    assert_answer_holds(
        &answerer,
        "1998年1月竣工的山谷水利一期工程花了多少钱",
        "42亿元",
    );
    let q = "青石岭隧道1998年1月通车，花了多少钱";
    let r = answerer.ask(q).unwrap();
    assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    assert_answer_holds(
        &answerer,
        "农行湖北省分行到1997年11月底存款余额有多少",
        "318.6亿元",
    );
    assert_answer_holds(&answerer, "江西1997年有几户出栏上千头的养牛大户", "23户");
}

/// A how-much question is not answered with minutes (开场15分钟) or with a figure of another
/// measure for an investment (285公里 for 投资了多少); the other report's figure still answers.
#[test]
fn minutes_and_lengths_are_no_sums_of_money() {
    let b = build_january(&[
        (
            "lining",
            "体育用品集团销售额翻番",
            "目前，李宁体育用品集团的产品有２０个大类，销售额连年翻番，１９９７年达到了７亿元。",
        ),
        (
            "line",
            "高原输电线路建成",
            "近日，一条长达２８５公里的１１０千伏输电线路建成，从东部的河谷县延伸到南部的高原自治州。",
        ),
        (
            "stadium",
            "新体育场启用",
            "新建的海滨体育场今天启用，揭幕战开场１５分钟后主队就攻入一球。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "李宁集团1997年销售额多少", "7亿元");
    for q in ["那条110千伏输电线路投资了多少", "海滨体育场花了多少钱"] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
}

/// Years that the words around a figure give without 分别 or a digit: a figure paired with a
/// list of years (1996年和1997年上半年获利为X和Y), and a target for 本世纪末, which is 2000's in
/// a 1998 report, not the 今年 figure beside it that the question asks.
#[test]
fn paired_years_and_the_end_of_the_century() {
    let b = build_january(&[
        (
            "securities",
            "证券公司业绩",
            "海东证券是一家经营证券业务的投资银行，１９９６年和１９９７年上半年获利为３．２亿港元和２．１亿港元。",
        ),
        (
            "grain",
            "农村工作会议",
            "会议提出今年全省粮食总产稳定在４８０亿公斤，到本世纪末粮食总产量达到５１０亿公斤。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "海东证券1996年赚了多少钱", "3.2亿港元");
    assert_answer_holds(&answerer, "1998年全省粮食总产量的目标是多少", "480亿公斤");
}

/// 多少头狮子 counts in 头: the reader's span that stops before the 头 of 88头醒狮 (…6条巨龙和88)
/// is no answer, and a bare 88 takes its measure word.
#[test]
fn a_figure_keeps_the_measure_word_the_question_counts_in() {
    let b = build_january(&[(
        "a",
        "",
        "本报香港1月28日电 今晚的新春花车巡游由一片旗海、6条巨龙和88头醒狮领头,沿尖沙咀一带缓缓前行。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年香港花车巡游有多少头狮子",
        "1998年香港花車巡遊有多少頭獅子",
    ] {
        let r = answerer.ask(q).expect("answered");
        let answer = folded(&r.answer.unwrap_or_default());
        assert!(answer.starts_with("88头"), "{q}: {answer}");
    }
}

/// 装机多大 asks a power plant's capacity, in 千瓦: the day its first unit started, written in
/// Chinese numerals (十二月二十二日), is no answer to it. (Here the reader ranks the date well
/// above the capacity, so the date is refused, not replaced.)
#[test]
fn a_day_is_no_plant_s_capacity() {
    let b = build_january(&[(
        "a",
        "",
        "本报讯去年十二月二十二日,国内一座大型煤矸石热电厂——东湖矿煤矸石热电厂一期工程一号机组点火成功,开始并网发电。该厂设计总装机容量九点二万千瓦,年发电量五点五亿千瓦时。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年东湖矿煤矸石热电厂装机多大",
        "1997年東湖礦煤矸石熱電廠裝機多大",
    ] {
        let r = answerer.ask(q).unwrap();
        if let Some(a) = &r.answer {
            assert!(folded(a).contains("九点二万千瓦"), "{q}: {a}");
        }
    }
}

/// 超过 sets another subject's figure against the question's: the outward total, not the
/// inward one it exceeds.
#[test]
fn a_figure_another_exceeds_is_the_other_subject_s() {
    let b = build_january(&[(
        "a",
        "",
        "本报讯 到1995年，安达国对外直接投资累计额达912亿美元，大大超过外国对安达国直接投资累计额604亿美元，当年对外直接投资的收益达85亿美元。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "到1995年安达国对外直接投资累计多少",
        "到1995年安達國對外直接投資累計多少",
    ] {
        assert_answer_holds(&answerer, q, "912亿美元");
    }
}

/// …61组控制棒导向管中，有5组…: the clause that ends in 中 counts the whole, the next one the
/// part a question with a predicate asks about; a question for the whole still gets it.
#[test]
fn a_part_counted_among_a_whole_answers_what_the_part_did() {
    let b = build_january(&[(
        "a",
        "",
        "本报讯 1996年，北岭核电站2号机组停堆检修，检查发现反应堆的61组控制棒导向管中，有5组的落棒时间超过了规定的限值。控制棒是核电站安全运行的关键部件。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1996年北岭核电站有几组控制棒出问题",
        "1996年北嶺核電站有幾組控制棒出問題",
    ] {
        assert_answer_holds(&answerer, q, "5组");
    }
    assert_answer_holds(&answerer, "1996年北岭核电站一共检查了多少组控制棒", "61");
}

/// 多少钱 asks a sum: a paragraph that gives only the share cut (工资的20%) has no answer, and
/// a sum in a currency not written with 元 (万铢) is money.
#[test]
fn a_share_is_no_sum_of_money() {
    let share_only = build_january(&[(
        "a",
        "",
        "新华社曼谷1月14日电 去年年底，泰国内阁会议决定削减内阁成员和政府高级官员工资的20%，期限一年，以节省政府开支。",
    )]);
    let answerer = Answerer::new(&share_only.engine);
    for q in [
        "1997年底泰国内阁减薪省了多少钱",
        "1997年底泰國內閣減薪省了多少錢",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer, None, "{q}");
    }
    assert!(wenjin::text::paraphrase::is_money_unit("铢"));
    assert!(wenjin::text::paraphrase::is_money_unit("亿美元"));
    assert!(!wenjin::text::paraphrase::is_money_unit("公里"));
}

/// 几支队 counts in 支: not 万人 (people, of 万人健身秧歌) and not a title's year (1998北京市).
#[test]
fn teams_are_counted_in_their_measure_word() {
    let b = build_january(&[(
        "a",
        "",
        "据新华社北京1月24日电 1998北京市迎新春万人健身秧歌决赛今天在朝阳体育馆举行。来自全市18个区县的43支街道秧歌代表队参加了决赛，2000多人登台表演。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年北京迎新春秧歌决赛有几支队",
        "1998年北京迎新春秧歌決賽有幾支隊",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("43支"), "{q}");
    }
}

/// 吞吐量 is counted in tonnes or containers: a port company's profit (1200万元) or staff
/// (177人) is no answer, so a paragraph that gives neither has none.
#[test]
fn a_port_s_throughput_is_no_profit_and_no_staff() {
    let b = build_january(&[(
        "a",
        "",
        "本报上海1月19日讯 上海港务局下属的龙吴港务公司去年实现利润1200万元，现有职工177人，其中技术人员40人。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "上海龙吴港务公司1997年货物吞吐量是多少",
        "上海龍吳港務公司1997年貨物吞吐量是多少",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer, None, "{q}");
    }
}

/// A year in Chinese numerals (一九九七年) dates a figure as 1997年 does: it is no answer to how
/// much, and the figure beside it is.
#[test]
fn a_year_in_chinese_numerals_is_no_amount() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报北京一月九日讯 记者从财政部获悉,财政部对一九九七年下达的二百五十亿国库券发行额度已全部完成,认购十分踊跃。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "一九九七年下达的国库券发行额度是多少",
        "一九九七年下達的國庫券發行額度是多少",
    ] {
        assert_answer_holds(&answerer, q, "二百五十亿");
    }
}

/// A decade (80年代) dates a fact as a year does: it does not answer how many, nor does the 80
/// read out of it; the count beside it does.
#[test]
fn a_decade_is_no_amount() {
    let b = build_january(&[
        (
            "a",
            "",
            "新华社伦敦1月15日电 英国最大的铁路公司曾在80年代初被政府强行拆分,一分为六,如今其中部分公司又宣布合并。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "英国最大的铁路公司被拆成了几家",
        "英國最大的鐵路公司被拆成了幾家",
    ] {
        assert_answer_holds(&answerer, q, "六");
    }
}

/// The numeral of a place's name (九宫山乡) states no figure: a how-many question is not
/// answered with the clause that names the place; with no count in the corpus, it is not found.
#[test]
fn a_numeral_inside_a_name_is_no_figure() {
    let b = build_january(&[
        (
            "a",
            "",
            "元旦前夕,湖北省通山县九宫山乡乡长陈立平匆匆赶到通山县城关高中,替面临失学的孩子补交了1998年上学期的学费。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年通山县有多少孩子面临失学",
        "1998年通山縣有多少孩子面臨失學",
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        assert_eq!(r.answer, None, "{q}");
    }
}

/// Telephones are counted in 部 by users and 架 by the statistics: 几部电话 is answered with
/// 电话5架.
#[test]
fn machines_counted_in_bu_are_counted_in_jia_too() {
    let b = build_january(&[
        (
            "a",
            "",
            "据省统计局的年报,截至1996年底,每百户农村居民家庭拥有电话5架,比三年前多了一倍。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1996年底农村每百户有几部电话",
        "1996年底農村每百戶有幾部電話",
    ] {
        assert_answer_holds(&answerer, q, "5架");
    }
}

/// 500多名青年 is a count of people though it ends in 年: no duration, it answers 多少农民.
#[test]
fn people_counted_before_a_word_ending_in_nian_are_no_duration() {
    let b = build_january(&[
        (
            "a",
            "",
            "据了解,仅兴隆县的3个镇,今年春节前就有500多名青年农民把良种和新技术当作年礼送给了亲友。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年兴隆县多少农民送良种拜年",
        "1998年興隆縣多少農民送良種拜年",
    ] {
        assert_answer_holds(&answerer, q, "500多名");
    }
}

/// 产了多少海带 asks the goods, in tonnes, though it writes no unit: the output value 185亿元
/// beside the question's other words is their worth, and 贝类 another good.
#[test]
fn goods_made_are_answered_in_their_unit_beside_an_output_value() {
    let b = build_january(&[
        (
            "a",
            "",
            "据省水产局统计,去年全省水产生产稳步增长。全年完成海带产量36万吨,主要贝类产量达到61万吨,主要虾类产品对虾产量为4万吨;全年渔业系统产业总产值预计完成185亿元,渔业系统产业结构比例为55∶30∶15。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年全省渔业系统产了多少海带",
        "1997年全省漁業系統產了多少海帶",
    ] {
        assert_answer_holds(&answerer, q, "36万吨");
    }
}

/// 来自美国19个州 counts states: no answer to how many members the orchestra has.
#[test]
fn a_count_of_states_is_no_count_of_members() {
    let b = build_january(&[
        (
            "a",
            "",
            "1月20日,北美华裔青年管弦乐团在纽约举行首场演出,为侨胞贺岁。乐团成员都是在美国长大的华裔中学生,平均年龄16岁,来自美国19个州。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年北美华裔青年管弦乐团有多少名团员",
        "1998年北美華裔青年管弦樂團有多少名團員",
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
}

/// In 日、德、法等国的份额略有上升,印度的投票权比例将从1997年的2.9%下降到2.8%, the clause of
/// 2.9% opens with 印度: it is India's share, though 日 is written before it.
#[test]
fn a_share_in_a_clause_of_another_country_is_not_the_one_asked() {
    let b = build_january(&[
        (
            "a",
            "",
            "世界银行在1997年底公布了新的投票权分配方案。美国的投票权仍保持在17%左右,日、德、法等国的份额略有上升,印度的投票权比例将从1997年的2.9%下降到2.8%,巴西从现在的2.1%逐年下降。",
        ),
        ("b", "", "日本政府今天宣布,将向东南亚国家提供新的援助贷款。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年日本在世界银行的投票权比例是多少",
        "1997年日本在世界銀行的投票權比例是多少",
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1997年印度在世界银行的投票权比例是多少", "2.9%");
}

/// 关停了全国238家商业银行中的16家: the verb's object is the part, 16家; the 238 is the whole
/// it is taken from.
#[test]
fn the_part_taken_from_a_whole_is_what_the_verb_did() {
    let b = build_january(&[
        (
            "a",
            "",
            "去年以来,印尼政府加大整顿力度,关停了全国238家商业银行中的16家,并要求其余银行限期充实资本金。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年印尼关停了多少家商业银行",
        "1997年印尼關停了多少家商業銀行",
    ] {
        assert_answer_holds(&answerer, q, "16家");
    }
}

/// An airport's passenger throughput is counted in people, not in tonnes as a port's is.
#[test]
fn passengers_through_an_airport_are_counted_in_people() {
    let b = build_january(&[
        (
            "a",
            "",
            "1996年,丽江机场旅客吞吐量为45032人,1997年达87654人,航班正常率达97%以上。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年丽江机场旅客吞吐量有多少",
        "1997年麗江機場旅客吞吐量有多少",
    ] {
        assert_answer_holds(&answerer, q, "87654人");
    }
}

/// 多少日元 asks a sum in yen: 捐款20万元 is one in yuan, no answer; 多少钱 takes it.
#[test]
fn a_sum_asked_in_yen_is_not_answered_in_yuan() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报东京1月12日电 连日来,我驻日本使馆陆续收到旅日华侨华人为张北地震灾区送来的捐款,国内一家企业也通过使馆捐款20万元。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年驻日本使馆收到多少日元地震捐款",
        "1998年駐日本使館收到多少日元地震捐款",
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1998年驻日本使馆收到多少钱地震捐款", "20万元");
}

/// 多少篇 is counted in 篇: the volumes (3卷) and the characters (40万字) beside the count are
/// other measures, and 几卷 still takes the volumes.
#[test]
fn a_count_in_the_asked_measure_word_beats_its_neighbours() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 新近出版的《李白诗文选》按年代编为3卷,共选入701年至762年间的诗歌、书信、碑文等300多篇,约40万字,并附有注释。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["李白诗文选收了多少篇", "李白詩文選收了多少篇"] {
        assert_answer_holds(&answerer, q, "300多篇");
    }
    assert_answer_holds(&answerer, "李白诗文选有几卷", "3卷");
}

/// 多少名优秀班组长 counts 优秀班组长: in a list of counts of people (20名优秀厂长、200名…、
/// 2000名优秀班组长) the figure followed by those words answers, not the first.
#[test]
fn the_count_followed_by_the_asked_noun_answers() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 华东电力集团从1997年起开展岗位练兵活动,每年在全系统评选表彰20名优秀厂长、200名优秀车间主任、2000名优秀班组长。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年起华东电力每年表彰多少名优秀班组长",
        "1997年起華東電力每年表彰多少名優秀班組長",
    ] {
        assert_answer_holds(&answerer, q, "2000名");
    }
    assert_answer_holds(&answerer, "1997年起华东电力每年表彰多少名优秀厂长", "20名");
}

/// 比分 asks two figures set against each other: a final's score (2比1) where the corpus gives
/// one, and no count of teams (128支) where it does not.
#[test]
fn a_score_is_answered_by_a_score_or_not_at_all() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 “’98星光杯”全国少年足球赛将于3月开赛，全国128支球队报名，决赛定于5月在大连举行。",
        ),
        (
            "b",
            "",
            "本报广州1月18日电 今天进行的省港杯足球赛决赛中，广东队以2比1战胜香港队，第三次捧杯。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1998年省港杯决赛比分是多少", "1998年省港盃決賽比分是多少"] {
        assert_answer_holds(&answerer, q, "2比1");
    }
    for q in ["1998年星光杯决赛比分是多少", "1998年星光盃決賽比分是多少"] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: {:?}", r.answer);
    }
}

#[test]
fn a_figure_that_lists_the_asked_thing_counts_it() {
    let b = build_january(&[
        (
            "a",
            "",
            "据新华社拉萨1月29日电 春节期间，战斗在那曲地区抗雪救灾一线的300多名解放军、武警官兵，冒着零下30多摄氏度的严寒抢运物资。",
        ),
        ("b", "", "本报讯 全省春运今天开始，铁路部门增开临客。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 300多名 counts 解放军 and 武警官兵: the 官兵 asked are among them.
    for q in [
        "1998年春节那曲有多少官兵在抗雪救灾",
        "1998年春節那曲有多少官兵在抗雪救災",
    ] {
        assert_answer_holds(&answerer, q, "300多名");
    }
}

#[test]
fn a_sum_in_a_currency_the_lexicon_knows_is_not_a_haul_of_drugs() {
    let b = build_january(&[
        (
            "a",
            "",
            "据保加利亚警方一九九七年工作报告，去年警方打击有组织犯罪成果显著，共缴获走私毒品一点二吨以上，没收的走私黄金达二十公斤，查获了三千万列弗假币。",
        ),
        ("b", "", "本报讯 全省春运今天开始，铁路部门增开临客。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 列弗 is Bulgaria's money: 三千万列弗假币 counts forged notes, not the drugs asked.
    for q in [
        "1997年保加利亚警方缴获了多少毒品",
        "1997年保加利亞警方繳獲了多少毒品",
    ] {
        assert_answer_holds(&answerer, q, "一点二吨");
    }
}

#[test]
fn a_unit_asked_is_not_answered_by_a_count() {
    let b = build_january(&[
        (
            "a",
            "",
            "今天距长野冬奥会开幕还有整整一个月，此次火炬接力分三路进行，穿越日本各地，将有数千人参加。",
        ),
        ("b", "", "本报讯 首届环青海湖自行车赛今天开赛，全程1500公里。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 三路 counts the relay's routes: no length in 公里.
    for q in [
        "1998年长野冬奥会火炬接力全程多少公里",
        "1998年長野冬奧會火炬接力全程多少公里",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1998年环青海湖自行车赛全程多少公里", "1500公里");
}
