//! What a figure is to its sentence. A part and its whole: in `32个县市中已有19个被评为卫生城市`
//! the question about what became of them asks the part, the question about how many there are
//! asks the whole. A target (增长目标下调至3.5%) is no answer to how much something grew.

use wenjin::answer::Answerer;

use crate::common::{assert_answer_holds, build_january};

/// Records of my own in the style of a January 1998 report.
const RECORDS: &[(&str, &str, &str)] = &[
    (
        "cities",
        "卫生城市创建",
        "本报讯截至去年底，全省３２个县市中已有１９个被评为国家卫生城市，其余县市正在积极创建。",
    ),
    (
        "schools",
        "希望小学",
        "据介绍，全县１２０所村小中，已有４５所改建为希望小学，校舍全部告别危房。",
    ),
];

#[test]
fn the_part_is_answered_where_the_question_names_what_became_of_it() {
    let b = build_january(RECORDS);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "到1997年底全省有几个县市成了国家卫生城市",
        "19个",
    );
    assert_answer_holds(&answerer, "多少所村小改建成了希望小学", "45所");
}

#[test]
fn the_whole_is_answered_where_the_question_asks_how_many_there_are() {
    let b = build_january(RECORDS);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "全县一共有多少所村小", "120所");
}

#[test]
fn a_target_is_no_answer_to_how_much_something_grew() {
    let b = build_january(&[
        (
            "target",
            "岛国下调增长目标",
            "去年１２月，受金融动荡影响，岛国政府宣布把国民生产总值增长目标下调至３·５％，国内生产总值增长目标下调至３％，通货膨胀目标调整为５％到６·５％。",
        ),
        (
            "actual",
            "岛国经济",
            "据统计局公布，１９９７年岛国国民生产总值增长率为４·８％，低于１９９６年。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "岛国1997年国民生产总值增长了多少", "4.8%");
}

#[test]
fn a_total_is_answered_where_the_question_asks_for_one() {
    let b = build_january(&[(
        "proposals",
        "东海省政协表彰优秀提案",
        "这次评选出的优秀提案共３６件，占东海省政协七届三次会议提案总数１２８０件的２．８％。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "东海省政协七届三次会议一共收到多少件提案",
        "1280件",
    );
    assert_answer_holds(&answerer, "东海省政协评出了多少件优秀提案", "36件");
}

#[test]
fn a_figure_set_against_another_s_belongs_to_its_own_subject() {
    let b = build_january(&[(
        "soy",
        "大豆行情",
        "据粮油市场调查，东北产区的大豆收购价在每吨２１００元左右，进口大豆则在每吨２６００元上下。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "东北大豆一吨多少钱", "2100元");
    assert_answer_holds(&answerer, "进口大豆每吨多少钱", "2600元");
}

#[test]
fn a_hedged_figure_is_shown_with_its_hedge() {
    let b = build_january(&[(
        "port",
        "港口吞吐",
        "本报讯 去年全省港口完成货物吞吐量近２２００万吨，比上年增长９％。",
    )]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer.ask("1997年全省港口吞吐量多少").unwrap();
    let answer = r.answer.unwrap_or_default();
    assert!(answer.starts_with('近'), "answer {answer:?}");
    assert_answer_holds(&answerer, "1997年全省港口吞吐量多少", "2200万吨");
}

#[test]
fn a_price_in_yen_is_no_day_of_a_month() {
    let b = build_january(&[
        (
            "fx",
            "汇市回顾",
            "去年年初，东京外汇市场上１美元可兑换１１６日元，到年底美元已升至１３０日元左右。",
        ),
        (
            "tape",
            "动画录像带",
            "这家公司新出的动画录像带每盒售价为９８００日元，比电影票贵得多。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "这家公司的动画录像带一盒卖多少钱", "9800日元");
    assert_answer_holds(&answerer, "1997年初1美元可以兑换多少日元", "116日元");
}

/// A threshold the figure passed (首次突破30%) is not what it reached (达到32.5%).
#[test]
fn a_threshold_passed_gives_way_to_the_figure_reached() {
    let b = build_january(&[(
        "tv",
        "农村家电",
        "统计显示，我国农村居民家庭的彩电拥有率１９９７年首次突破３０％，达到３２．５％，比上年提高４个百分点。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1997年農村家庭彩電擁有率有多高", "32.5%");
}

/// The champion stands before the defeating verb (中国队…力挫亚洲冠军韩国队), not after it.
#[test]
fn the_winner_is_not_the_side_beaten() {
    let b = build_january(&[(
        "basketball",
        "长沙四国男篮邀请赛",
        "本报长沙１月１９日电　为期五天的１９９８年长沙四国男篮邀请赛今晚在湖南体育馆闭幕，东道主中国队以８９∶７６力挫亚洲冠军韩国队，以三战全胜的战绩夺得冠军；",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1998年長沙四國男籃邀請賽冠軍是哪個隊", "中国队");
}

/// A figure in Chinese numerals (五百二十三亿元) is counted in its unit as much as one in digits:
/// it is not dropped for another paragraph's 亿元 written in digits.
#[test]
fn a_figure_in_chinese_numerals_keeps_its_unit() {
    let b = build_january(&[
        (
            "bank",
            "华夏投资银行资产增加",
            "本报讯　来自华夏投资银行的消息说，过去一年该行稳健经营，存款和贷款都有增长。截至一九九七年末，该行一般性存款余额比年初增长百分之三十一；资产总额达到五百二十三亿元，增幅为百分之十八。（杨帆）",
        ),
        (
            "province",
            "投资银行业运行平稳",
            "另据统计，全省各家投资银行１９９７年末资产总额比年初共增加１２０．５亿元，存款增加８６亿元。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1997年底華夏投資銀行資產總額有多少",
        "五百二十三亿元",
    );
}

/// A verb with 给 after it (赔给) is no name the corpus must write: the question is answered.
#[test]
fn a_verb_with_gei_is_no_unknown_name() {
    let b = build_january(&[(
        "court",
        "烟草公司赔偿",
        "吸烟患者章伯年１９９３年确诊肺癌后起诉了远航烟草公司。１９９５年，法院判决远航烟草公司付给章伯年８６万元赔偿金，该公司不服提出上诉。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1995年法院判遠航煙草公司賠給章伯年多少賠償金",
        "86万元",
    );
}

/// A bribe is money: 31次 counts the bribes, 18.2万元 is what was taken.
#[test]
fn a_bribe_is_answered_with_its_sum() {
    let b = build_january(&[(
        "trial",
        "",
        "本报讯 日前受审的某县原县长李向东,1994年至1997年先后索取、收受他人31次贿赂的财物共计18.2万元。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "李向东1994到1997年收了多少贿赂",
        "李向東1994到1997年收了多少賄賂",
    ] {
        assert_answer_holds(&answerer, q, "18.2万元");
    }
}

/// 哪个球员 asks for a person: the name, not the name with the verb after it.
#[test]
fn which_player_is_answered_with_a_name() {
    let b = build_january(&[(
        "league",
        "",
        "在上周结束的全国足球联赛中,李明攻进19个球,是进球最多的球员。",
    )]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer.ask("哪个球员进球最多").unwrap();
    assert_eq!(r.answer.as_deref(), Some("李明"));
}

/// 多少股民 counts people: not the companies listed (90家) nor the market's value (2000亿元)
/// that the same report gives beside the accounts opened.
#[test]
fn people_asked_for_are_not_counted_in_companies_or_money() {
    let b = build_january(&[(
        "a",
        "",
        "本报讯 1997年深市新增上市公司90家,新增开户股民300万户,年末流通市值达到2000亿元。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1997年深市多了多少股民", "1997年深市多了多少股民？"] {
        assert_answer_holds(&answerer, q, "300万户");
    }
}

/// 挣了多少钱 asks what the troupe took in (收入), not a profit: the figure said of 收入 answers.
#[test]
fn what_a_troupe_earns_is_its_income() {
    let b = build_january(&[(
        "a",
        "",
        "本报温岭1月6日电 农民林小芳组织的民营越剧团,1997年演出了400多场,收入在30万元以上,演员的收入也成倍增加。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "林小芳的剧团1997年挣了多少钱",
        "林小芳的劇團1997年掙了多少錢",
    ] {
        assert_answer_holds(&answerer, q, "30万元");
    }
}

/// 死了多少人 asks the dead: not the injured counted in the next clause (约1·2万人受伤), however
/// the reader scores the figure in 人 over the one in 名; 伤了多少人 asks those.
#[test]
fn the_dead_are_not_the_injured() {
    let b = build_january(&[(
        "a",
        "",
        "据新华社开罗1月20日电 埃及内政部长在议会说,从1993年至1997年,在埃发生的恐怖袭击中共有近1·35万名平民和警察死亡,约1·2万人受伤。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1993到1997年埃及死了多少人", "1993到1997年埃及死了多少人？"] {
        assert_answer_holds(&answerer, q, "1.35万名");
    }
    assert_answer_holds(&answerer, "1993到1997年埃及伤了多少人", "1.2万人");
}

/// A headline that restates the question (秘鲁新总统宣誓就职) names no one: the president is
/// the one its report names.
#[test]
fn who_took_office_is_the_name_not_the_headline_s_words() {
    let b = build_january(&[
        ("a", "", "秘鲁新总统宣誓就职"),
        (
            "b",
            "",
            "据新华社利马1月1日电 新当选的秘鲁总统费尔南多·贝朗德今天在这里宣誓就职。他是秘鲁独立以来的第十任总统。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年元旦就职的秘鲁总统是谁",
        "1998年元旦就職的秘魯總統是誰",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("费尔南多·贝朗德"), "{q}");
    }
}

/// 选举X（回族）为主席: the note in brackets between the appointee and 为 does not hide who was
/// elected to the post asked, nor does the list of vice-chairs after it.
#[test]
fn the_one_elected_to_the_post_is_answered_past_a_bracketed_note() {
    let b = build_january(&[(
        "c",
        "",
        "新华社西宁1月13日电 政协青海省第八届委员会第一次全体会议1月13日选举马元彪（回族）为青海省政协主席，王汉民、韩生贵（撒拉族）为副主席。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1998年青海政协主席选的是谁", "1998年青海政協主席選的是誰"] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("马元彪"), "{q}");
    }
}

/// A report names the company once and then calls it 公司: which company made the product is
/// the one the sentence before opened with, not a word of the product's sentence (本地网).
#[test]
fn which_company_is_the_one_named_before_it_is_called_the_company() {
    let b = build_january(&[(
        "a",
        "",
        "随着通信业务量的不断增长，组建高速传输网已成当务之急。中兴从1996年起，一次性投入500多万元，开始光传输设备的开发研制。1997年6月，公司研制成功我国第一台国产SDH光端机，作为贵阳市本地网的传输设备投入试用。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年哪家公司研制出SDH光端机",
        "1997年哪家公司研製出SDH光端機",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("中兴"), "{q}");
    }
}

/// The one who takes a post stands before 接替, the one whose place it was after it: asked which
/// country chairs, the answer is 巴西, not 挪威; asked whom 巴西 replaced, it is 挪威.
#[test]
fn the_one_taking_a_post_stands_before_the_one_replaced() {
    let b = build_january(&[(
        "a",
        "",
        "新华社日内瓦1月9日电 裁军谈判会议9日举行全体会议,巴西接替挪威担任本届会议主席国,任期四周。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年哪个国家担任裁军谈判会议主席国",
        "1998年哪個國家擔任裁軍談判會議主席國",
    ] {
        assert_answer_holds(&answerer, q, "巴西");
    }
    assert_answer_holds(
        &answerer,
        "1998年巴西接替了哪个国家担任裁军谈判会议主席国",
        "挪威",
    );
}

/// A report names a party and then calls it 这个政党: the answer to which party is its name,
/// not the words that point at it.
#[test]
fn what_points_at_a_thing_is_answered_with_its_name() {
    let b = build_january(&[
        (
            "a",
            "",
            "新华社开罗1月20日电 埃及最高法院院长今天宣布,由于工人党多次违反选举法,法院决定解散这个政党。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年埃及最高法院解散了哪个政党",
        "1998年埃及最高法院解散了哪個政黨",
    ] {
        assert_answer_holds(&answerer, q, "工人党");
    }
}

/// A prize, a fine or a grant is a sum of money: the count of teams beside it is no answer to
/// how much it is, though it still answers how many teams there are.
#[test]
fn a_sum_of_money_is_not_answered_with_a_count() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报香港1月10日电 今年的国际七人制橄榄球赛定于3月底在香港大球场举行,共有24个队报名参赛。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年香港七人制橄榄球赛奖金有多少",
        "1998年香港七人制橄欖球賽獎金有多少",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(
        &answerer,
        "1998年香港七人制橄榄球赛有多少个队参赛",
        "24个队",
    );
}

/// News sets a name after a dash as the apposition of what it is (我国最大的民营航运企业———
/// 东方海运集团公司): asked what that thing is called, the answer is the name, not the words
/// after it.
#[test]
fn the_name_after_a_dash_answers_what_its_thing_is_called() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报上海1月12日讯 我国最大的民营航运企业———东方海运集团公司今年将新增远洋船舶10艘,总运力将超过50万吨。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年我国最大的民营航运企业叫什么",
        "1998年我國最大的民營航運企業叫什麼",
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
        assert_eq!(answer, "东方海运集团公司", "{q}");
    }
}
