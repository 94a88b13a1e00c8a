//! Names the corpus never writes (issue 23, point 4) and paraphrased questions (point 2) on the
//! bundled corpus.

use wenjin::answer::Answerer;
use wenjin::text::normalize as folded;

use crate::common::{assert_answer_holds, build, build_january, bundled_corpus};

/// A company the question names and the corpus never writes means no answer, in both scripts,
/// with the nearest passages cited as related; the corpus's own companies, a typo of one, and
/// a question with an ordinary word the corpus lacks are still answered.
#[test]
fn a_name_the_corpus_never_writes_is_not_answered_but_a_typo_is() {
    let b = build(&bundled_corpus());
    let answerer = Answerer::new(&b.engine);
    for q in [
        "蘋果公司2022年營收多少",
        "苹果公司2022年营收多少",
        "特斯拉2022年虧損多少",
        "特斯拉2022年亏损多少",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(!r.found && r.answer.is_none(), "{q}: {:?}", r.answer);
        assert!(!r.citations.is_empty(), "{q}: no related passages");
        assert!(
            r.citations.iter().all(|c| c.related),
            "{q}: citations not related"
        );
    }
    for (q, want) in [
        ("商湯2022年虧損多少", "60亿"),
        ("商汤2022年亏损多少", "60亿"),
        ("商陽2022年虧損多少", "60亿"),
        ("商汤2022年一共亏损了多少", "60亿"),
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.found, "{q}: not found");
        let answer = folded(&r.answer.unwrap_or_default());
        assert!(answer.contains(want), "{q}: answer {answer:?}");
    }
}

/// Users ask in their own words: 虧了 for 虧損, 有多大面積 for 面積, 花了多少錢 for 研發費用.
#[test]
fn paraphrased_questions_are_answered() {
    let b = build(&bundled_corpus());
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("商湯2022年虧了多少", "60亿"),
        ("龍井一級保護區有多大面積", "168平方公里"),
        ("西湖龙井一级保护区占地多大", "168平方公里"),
        ("商湯研發花了多少錢", "40.1亿"),
        ("特級明前龍井一斤多少錢", "3000元到4000元"),
        // The article writes 龙井 and 每斤: a rate asked per one jin, of the grade that is
        // named 龙井 (the 雨前茶 of the 则 clause is another).
        ("龙井茶一斤多少钱", "3000元到4000元"),
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.found, "{q}: not found");
        let answer = folded(&r.answer.unwrap_or_default());
        assert!(answer.contains(want), "{q}: answer {answer:?}");
    }
}

/// Regional reports of our own that give the same measure for the same year: the passage that
/// writes the question's province is cited first and answers, not the one with the most words
/// of the question.
#[test]
fn the_passage_that_writes_the_question_s_place_comes_first() {
    let records = [
        (
            "a",
            "自治区财政收入首次突破一百亿",
            "内蒙古自治区１９９７年共完成财政收入１０７·２亿元，首次突破１００亿元，比上年增长１５％，财政收入增幅创历史新高。",
        ),
        (
            "b",
            "全省财政再创佳绩",
            "本报福州１月６日电记者报道：福建财政工作再创佳绩，１９９７年全省财政总收入达２５０．８亿元，比上年增长１４％。",
        ),
        (
            "c",
            "山东财政",
            "本报讯山东省１９９７年全省地方财政收入完成３０３．７６亿元，比上年增长２５．６９％。",
        ),
        (
            "d",
            "广东春耕",
            "广东省农业厅近日召开会议，部署全省春耕生产，要求各地抓好种子和化肥供应。",
        ),
    ];
    let b = build_january(&records);
    let answerer = Answerer::new(&b.engine);
    for (q, doc, want) in [
        ("福建1997年财政收入多少", "news.jsonl#b", "250.8亿"),
        ("福建省1997年財政收入多少", "news.jsonl#b", "250.8亿"),
        ("山东1997年财政收入多少", "news.jsonl#c", "303.76亿"),
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(
            r.citations.first().map(|c| c.doc.as_str()),
            Some(doc),
            "{q}"
        );
        let answer = folded(&r.answer.unwrap_or_default());
        assert!(answer.contains(want), "{q}: answer {answer:?}");
    }
    // The corpus writes 广东 but gives no figure of its revenue: another province's is no
    // answer.
    for q in ["广东1997年财政收入多少", "廣東省1997年財政收入多少"] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer, None, "{q}");
    }
}

/// Which company is answered with the company's name, not with the head every company name
/// ends in (有限公司), which the reader scores higher.
#[test]
fn which_company_is_answered_with_its_name() {
    let b = build_january(&[(
        "cdma",
        "移动通信新技术进京",
        "去年１１月，京华长城移动通信有限公司把新一代ＣＤＭＡ数字技术带进了北京的移动通信市场。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1997年11月哪家公司把CDMA带进北京",
        "长城移动通信",
    );
}

/// 哪个县 is answered with a county, not with the village's nickname the reader scores higher,
/// nor with 全县.
#[test]
fn which_county_is_answered_with_a_county() {
    let b = build_january(
    &[(
        "bees",
        "村里的养蜂人",
        "这位养蜂能手住在甘肃省临夏县北塬乡红柳村，村里去年人均收入突破三千元，被人们称为“全县养蜂第一村”。",
    )],
    );
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "红柳村在哪个县", "临夏县");
    assert_answer_holds(&answerer, "紅柳村在哪一個縣", "临夏县");
}

/// A long paragraph is cited by windows; a report may write its subject's full name only in
/// a later window than the figure's (秦山 first, 秦山核电站 after). The figure is still the
/// subject's, in both scripts.
#[test]
fn a_subject_named_in_full_later_in_the_paragraph_is_the_figure_s() {
    let b = build_january(
    &[(
        "plant",
        "合资企业效益",
        "截至１９９７年底，秦山累计上网发电３１２亿千瓦时，创造总产值１６０亿元人民币，实现利润３１亿元人民币；基建贷款已还本付息１５．２亿美元，占应还贷款总额的４０％；总资产报酬率从１９９４年刚投产时的６．９％上升到１９９７年的１０．２％，资本收益率从１９９４年的２１．３％上升到１９９７年的３８％，远高于同行业平均水平；每度电的成本从设计时预计的８．８美分降到６美分左右。在去年全国外商投资企业的评比中，秦山核电站的产值、创汇和人均利税都进入了全国前十名。",
    )],
    );
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "秦山核电站1994年资本收益率多少", "21.3%");
    assert_answer_holds(&answerer, "秦山核電站1994年資本收益率多少", "21.3%");
    // Another plant's figure it is not.
    let r = answerer.ask("大亚湾核电站1994年资本收益率多少").unwrap();
    assert_eq!(r.answer, None);
}

/// A paragraph that names the question's city among others and gives another city's figure
/// (如北京去年完成投资233亿元) does not answer for the question's city; the city's own report
/// still does.
#[test]
fn another_place_s_figure_is_not_the_answer() {
    let b = build_january(&[
        (
            "sh",
            "上海房地产",
            "上海去年房地产开发完成投资３７９亿元，比上年增长１２％，增幅居各大城市前列。",
        ),
        (
            "cities",
            "各地房地产",
            "天津、重庆等城市的房地产开发投资增幅也有回升。如北京去年完成投资２３３亿元，增长０．５％。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer.ask("天津1997年房地产开发投了多少钱").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
    assert_answer_holds(&answerer, "上海1997年房地产开发投了多少钱", "379亿元");
}

/// jieba tags 桂林 as a person's name, 桂林市 as a place: the city named among others is still a
/// place, and the figure 柳州 raised is no answer for it.
#[test]
fn a_city_jieba_takes_for_a_name_is_still_a_place() {
    let b = build_january(&[(
        "a",
        "",
        "本报南宁1月20日电 为了让困难职工过好春节,连日来,南宁、柳州、桂林、梧州等市纷纷开展送温暖活动。广西工业重镇柳州市多方筹集资金380万元,用于补贴困难职工置办年货。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年春节桂林筹了多少钱给困难职工",
        "1998年春節桂林籌了多少錢給困難職工",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1998年春节柳州筹了多少钱给困难职工", "380万元");
}

/// jieba tags 长治 as a common word (长治久安), 长治市 as a place: a question about 长治 names a
/// city, and a report about 临汾 does not answer it.
#[test]
fn a_city_jieba_takes_for_a_common_word_is_still_a_name() {
    let b = build_january(&[(
        "a",
        "",
        "本报讯 新年伊始,吕梁山区传来好消息:经过5年苦干,到1997年底,山西省临汾市所有县区整体越过温饱线,按照国家统计局16项综合指标衡量,其小康综合实现程度达到85%以上。",
    )]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer.ask("到1997年底长治小康实现程度多少").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
    // How far a goal is reached (实现程度) is a share, not the 16项 it is measured by.
    for q in [
        "1997年底临汾小康实现程度达到多少",
        "1997年底臨汾小康實現程度達到多少",
    ] {
        assert_answer_holds(&answerer, q, "85%以上");
    }
}

/// jieba tags 保定 as a verb, but holds 保定市 as one word: a question about 保定 names a city,
/// and 石家庄's measures do not answer it. A city of three or more characters is written by
/// its first and 市 (呼市 for 呼和浩特).
#[test]
fn a_city_jieba_takes_for_a_verb_is_still_a_name() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报石家庄1月25日电 为让市民过好春节,河北省石家庄市邮电、公交等15个服务行业日前一起向社会公开承诺,推出了70项便民措施。",
        ),
        (
            "b",
            "",
            "本报呼和浩特1月20日电 春节前夕,呼市各级工会走访困难企业,共为2.7万名特困职工送去了生活费。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年春节保定推出了多少项便民措施",
        "1998年春節保定推出了多少項便民措施",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1998年春节石家庄推出了多少项便民措施", "70项");
    assert_answer_holds(
        &answerer,
        "1998年春节呼和浩特给多少特困职工送了生活费",
        "2.7万名",
    );
}

/// jieba holds 大庆油田 as an "other proper noun" (a class that also holds 排第), but it is a
/// place's works: the national taxes and 辽河油田's do not answer for it.
#[test]
fn a_place_s_works_is_a_name() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 据统计,1997年全国国内增值税和消费税两项税收合计完成4047亿元,比上年增长10.7%。",
        ),
        (
            "c",
            "",
            "本报讯 1997年,辽河油田一面稳住油气产量,一面按时足额申报纳税,全年缴纳增值税、消费税等各项税款18.6亿元。",
        ),
        ("b", "", "本报讯 大庆油田职工业余文艺队正为春节演出加紧排练节目。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年大庆油田交了多少增值税和消费税",
        "1997年大慶油田交了多少增值稅和消費稅",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(
        &answerer,
        "1997年辽河油田交了多少增值税和消费税",
        "18.6亿元",
    );
}

/// 京津 names 北京 and 天津: a paragraph that writes both in full writes the pair, and answers
/// a question about a 京津 train.
#[test]
fn a_pair_of_region_characters_is_written_by_both_regions() {
    let b = build_january(&[
        (
            "a",
            "",
            "北京铁路局由北京南站至天津北站间开行的城际快车元旦起开行。旅客如果长期往返于天津和北京之间,还可以买快车月票,每张520元。",
        ),
        ("b", "", "京津两地之间的汽车客运十分繁忙。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年京津城际快车月票多少钱",
        "1998年京津城際快車月票多少錢",
    ] {
        assert_answer_holds(&answerer, q, "520元");
    }
}

/// A name before 航空, 银行 or 大学 is that organisation's: a corpus that writes 国泰 only in
/// 国泰民安 never names 国泰航空, so its airline's figures are no answer for it; the airline it
/// does write is still answered, in both scripts.
#[test]
fn a_name_with_its_organisation_word_must_be_written_whole() {
    let b = build_january(&[
        (
            "air",
            "新疆航空安全飞行",
            "本报乌鲁木齐１月５日电新疆航空公司去年运送旅客１２０万人次，比上年增长８％，已连续安全飞行４２年。",
        ),
        (
            "spring",
            "春节祝福",
            "春节将至，各地群众张灯结彩，祝愿来年风调雨顺、国泰民安。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["國泰航空1997年運了多少旅客", "国泰航空1997年运了多少旅客"] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "新疆航空1997年运了多少旅客", "120万人次");
    assert_answer_holds(&answerer, "新疆航空1997年運了多少旅客", "120万人次");
}

/// A report about the narrower place a question writes after a name (青木镇 of 吉安青木镇) is
/// about the name's subject though it never writes the name; a question without it, or with
/// a kind of place (扶贫县) after the name, is still refused.
#[test]
fn a_narrower_place_stands_for_the_name_it_is_in() {
    let b = build_january(&[
        (
            "county",
            "山城柑橘",
            "吉安县位于赣中，山多地少，柑橘种植历史悠久。",
        ),
        (
            "town",
            "规模种植",
            "规模种植带来了规模效益，去年青木镇的柑产量达５６０万公斤，产值６００多万元。",
        ),
        ("poor", "扶贫", "扶贫县农民去年人均纯收入达１８００元。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "吉安青木镇1997年柑子产了多少", "560万公斤");
    for q in [
        "吉安1997年柑子产了多少",
        "浙江扶贫县1997年农民人均纯收入是多少",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
}

/// A name the question writes before 集团 is the organisation's, whatever jieba's dictionary
/// tags it (宏碁 is a verb there, 宏仁 an "other proper noun"): a report that names no company
/// (这家集团) does not answer for it, and a name one character off one written elsewhere
/// (宏碁 of 宏仁) is a typo only of a name the answering report writes.
#[test]
fn a_name_before_an_organisation_word_is_the_organisation_s() {
    let b = build_january(&[
        (
            "fair",
            "台北电脑展",
            "宏仁集团上周在台北发布了新款笔记本电脑，吸引了大批参观者。",
        ),
        (
            "group",
            "集团发展",
            "目前，这家集团拥有下辖２０个企业，１９９７年营业额比上年增长１１０％，达到２．３亿元。",
        ),
        (
            "appliances",
            "电器集团",
            "１９９７年，华光电器集团营业额达到１５亿元，比上年增长２０％。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "宏碁集团1997年营业额多少",
        "宏碁集團1997年營業額多少",
        "宏仁集团1997年营业额多少",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "华光电器集团1997年营业额多少", "15亿元");
    assert_answer_holds(&answerer, "华光集团1997年营业额多少", "15亿元");
}

/// A national body is written without 全国 after its first mention (全国政协 → 政协), and 国内
/// 生产值 is a sloppy 国内生产总值, not an output value (产值).
#[test]
fn a_national_body_without_全国_and_gdp_without_总_are_the_question_s() {
    let b = build_january(&[
        (
            "cppcc-a",
            "全国政协举行会议",
            "全国政协九届常委会第三次会议今天在北京开幕。",
        ),
        (
            "cppcc-b",
            "政协提案",
            "政协九届常委会第三次会议共收到委员提案４１２件，已全部立案。",
        ),
        (
            "binhai",
            "滨海区经济",
            "在促进全市发展的同时，滨海区本身也发展很快，１９９７年区属国内生产值达１８．５亿元，比１９９２年增长１．９倍。",
        ),
        (
            "beijiang",
            "北江市经济",
            "１９９７年北江市国内生产总值首次超过３０００亿元，人均国内生产总值突破３０００美元。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "全国政协九届常委会第三次会议收到多少件提案",
        "412件",
    );
    assert_answer_holds(&answerer, "滨海区1997年国内生产总值有多少", "18.5亿元");
}

/// Paragraph records of our own, as People's Daily splits a report: the place is named once in
/// the record before (浙江省安吉县), the figure's record writes only the village. The records
/// just before count for the subject; not when the figure's record names another country of the
/// same kind (塔吉克斯坦 where 吉尔吉斯斯坦 is asked) than the one the record before names.
#[test]
fn a_report_s_place_named_in_the_record_before_is_its_subject() {
    let records = [
        ("a", "", "在浙江省安吉县，有一个靠竹子致富的山村——大溪村。"),
        (
            "b",
            "",
            "大溪村过去是出了名的穷村。到1990年，全村人均收入只有280元。后来村里办起竹制品厂，日子才慢慢好起来。",
        ),
        ("c", "", "本报塔什干1月5日电乌兹别克斯坦总统昨天会见了来访的吉尔吉斯斯坦总理。"),
        (
            "d",
            "",
            "双方谈到了地区债务问题。据介绍，塔吉克斯坦欠乌兹别克斯坦的债务到去年底为1.8亿美元。",
        ),
    ];
    let b = build_january(&records);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "浙江安吉县大溪村1990年人均收入只有多少",
        "浙江安吉縣大溪村1990年人均收入只有多少",
    ] {
        assert_answer_holds(&answerer, q, "280元");
    }
    let q = "1997年底吉尔吉斯斯坦欠乌兹别克斯坦多少债";
    let r = answerer.ask(q).unwrap();
    assert_eq!(r.answer, None);
    // `explain` says which check turned it away.
    let why = answerer.explain(q).unwrap().expect("an explanation");
    assert_eq!(
        why.analysis().refused_by,
        Some("the answer's passage does not write the names the question does")
    );
    assert!(why.text().contains("refused by"), "{}", why.text());
    let why = answerer
        .explain("浙江安吉县大溪村1990年人均收入只有多少")
        .unwrap();
    assert_eq!(why.expect("an explanation").analysis().refused_by, None);
}

/// A question in Taiwan wording (莫三比克, 紐西蘭) over reports of our own in Mainland wording
/// (莫桑比克, 新西兰) is answered; a corpus that writes the Taiwan form is asked in it.
#[test]
fn a_question_in_taiwan_wording_finds_mainland_reports() {
    let records = [
        (
            "a",
            "",
            "莫桑比克计划部长昨天表示，1998年该国经济增长目标定为8.5%左右，重点发展农业和运输。",
        ),
        (
            "b",
            "",
            "新西兰统计局公布，1997年该国共接待外国游客150万人次。",
        ),
        (
            "c",
            "",
            "莫三比克漁業部門表示，1997年全國捕撈大蝦約9000噸。",
        ),
    ];
    let b = build_january(&records);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "莫三比克1998年經濟成長目標是多少", "8.5%");
    assert_answer_holds(&answerer, "紐西蘭1997年接待了多少外國遊客", "150万人次");
    assert_answer_holds(&answerer, "莫三比克1997年捕了多少大蝦", "9000吨");
}

/// 东西 of 买东西 is "things", not the place jieba's dictionary tags it as: a question about
/// what people spent on things is answered from a report that writes no 东西.
#[test]
fn things_bought_are_no_place() {
    let b = build_january(&[(
        "retail",
        "",
        "国家统计局今天公布，１９９７年全国老百姓购买商品共花费２７２９９亿元，扣除价格因素，实际增长１０％左右。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1997年全国老百姓买东西一共花了多少钱", "27299亿");
}

/// A verb of two verbs' characters the corpus never writes (合录 for 一起录制) is no unknown
/// name: the question is answered, not refused.
#[test]
fn a_verb_compound_is_no_unknown_name() {
    let b = build_january(&[(
        "piano",
        "钢琴家来京",
        "俄罗斯钢琴家贝尔曼１９７６年与指挥家卡拉扬一起录制了柴可夫斯基的《第一钢琴协奏曲》，这张唱片被乐迷视为该曲的经典版本。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1976年和卡拉揚合錄柴可夫斯基第一鋼琴協奏曲的鋼琴家是誰",
        "贝尔曼",
    );
}

/// jieba cuts 林遵带多少艘 as 林 | 遵带: 遵带 is no name the corpus fails to write, since 林遵 is
/// written and 带 is a word.
#[test]
fn a_written_name_jieba_cuts_in_two_is_still_written() {
    let b = build_january(&[(
        "a",
        "",
        "本报讯 记者日前访问了林遵的女儿。1949年4月,任第二舰队司令官的林遵毅然率舰艇三十余艘在南京起义。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1949年林遵带多少艘舰艇起义",
        "一九四九年林遵帶多少艘艦艇起義",
    ] {
        assert_answer_holds(&answerer, q, "三十余艘");
    }
    // A name the corpus never writes is still refused.
    let r = answerer.ask("1949年林森带多少艘舰艇起义").unwrap();
    assert_eq!(r.answer, None, "{:?}", r.answer);
}

/// 瀋陽 is 沈阳: the character-by-character converter gives 渖阳, which no Simplified report
/// writes, so a Traditional question about 瀋陽 must still find 沈阳's.
#[test]
fn a_traditional_city_name_finds_its_simplified_form() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报沈阳1月12日电 沈阳市第十一届人大二次会议今天闭幕,会议选举张明远为沈阳市市长。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年1月瀋陽人大選了誰當市長",
        "1998年1月沈阳人大选了谁当市长",
    ] {
        assert_answer_holds(&answerer, q, "张明远");
    }
}

#[test]
fn a_word_of_place_is_no_short_form_of_a_city() {
    let b = build_january(&[
        (
            "a",
            "",
            "1997年全国完成房地产开发投资3200亿元，与上年基本持平。在此基础上，全国房地产业的景气水平可望继续回升。",
        ),
        ("b", "", "上海今年将新建两条地铁线路。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 上 of 在此基础上 does not write 上海: the national figure is not Shanghai's.
    for q in [
        "上海1997年房地产开发投了多少钱",
        "上海1997年房地產開發投資多少",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
}

#[test]
fn a_place_s_body_written_with_words_between_is_mentioned() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报香港1月17日电 香港特别行政区第一届立法会选举的选民登记昨晚结束。地方选区登记的选民约280万人，功能界别选民14万多人。",
        ),
        ("b", "", "本报讯 全省春运今天开始，铁路部门增开临客。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // jieba takes 香港立法会 for one word; the report writes 香港特别行政区第一届立法会.
    assert_answer_holds(
        &answerer,
        "1998年香港立法會地方選區登記了多少選民",
        "280万人",
    );
    // A rate is still not answered by a count of voters.
    let r = answerer
        .ask("1998年香港立法会地方选区投票率有多少")
        .unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

#[test]
fn a_common_noun_before_an_organisation_word_is_no_name() {
    let b = build_january(&[
        (
            "a",
            "",
            "1997年11月11日，长沙举办第三次再就业招聘会，市商委、卫生局、旅游局组织10家商场、10家医院、10家宾馆清岗腾岗，拿出400多个岗位。",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 商场医院宾馆 lists places of work: no 商场医院 to look for.
    for q in [
        "1997年11月长沙商场医院宾馆腾出多少岗位",
        "1997年11月長沙商場醫院賓館騰出多少崗位",
    ] {
        assert_answer_holds(&answerer, q, "400多个");
    }
}

#[test]
fn a_user_s_short_form_of_the_passage_s_word_is_no_unknown_name() {
    let b = build_january(&[
        (
            "a",
            "",
            "中国首次制造和首批出口的60多个液体罐式集装箱12月28日在天津港装船，将在巴基斯坦铁路上投入使用。",
        ),
        ("b", "", "本报讯 全省春运今天开始，铁路部门增开临客。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 罐箱 is no word of the corpus: the answering passage writes 罐式集装箱.
    for q in [
        "1997年底中国首批出口巴基斯坦铁路多少个罐箱",
        "1997年底中國首批出口巴基斯坦鐵路多少個罐箱",
    ] {
        assert_answer_holds(&answerer, q, "60多个");
    }
}

/// A name is written only where a passage writes it whole: 义大利's pairs apart (正义大道,
/// 大利润) do not write it, so the Taiwan form is read as 意大利; the 年 of 1997年 before 烟台港
/// is the end of a date, so 年烟 of 三十多年烟叶 does not make 烟台港 a cut of a written name.
#[test]
fn a_name_is_written_only_whole() {
    let b = build_january(&[
        (
            "italy",
            "",
            "意大利财政部长表示，1998年意大利财政赤字要降到2.8%以下。",
        ),
        ("road", "", "正义大道边的工厂今年获得了大利润。"),
        (
            "port",
            "",
            "1997年，东滨港货物吞吐量达6916万吨，比上年增长百分之九。",
        ),
        (
            "tobacco",
            "",
            "烟台市农民王大山种了三十多年烟叶，今年改种苹果。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1998年義大利財政赤字要降到多少", "2.8%");
    let r = answerer.ask("1997年烟台港的吞吐量有多少").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}
