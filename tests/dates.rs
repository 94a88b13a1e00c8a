//! Dates: relative expressions read against the article's date, Chinese-numeral years,
//! "latest" questions, and the date questions' 去年 is read against (WENJIN_TODAY).

use std::path::Path;

use wenjin::answer::Answerer;
use wenjin::text::normalize as folded;

use crate::common::{
    assert_answer_holds, build, build_january, bundled_corpus, wenjin_bin, write_news,
};

/// On the bundled corpus the newest loss of 商湯 is 2022's 60億 (2021's was 171億); a numeral
/// year is the Arabic one.
#[test]
fn latest_and_numeral_year_questions_answer_the_2022_figure() {
    let b = build(&bundled_corpus());
    let answerer = Answerer::new(&b.engine);
    for q in [
        "商湯最近一年虧損多少",
        "商湯最新的年度虧損是多少",
        "商湯二〇二二年虧損多少",
        "商汤二零二二年亏损多少",
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = r.answer.clone().unwrap_or_default();
        assert!(folded(&answer).contains("60亿"), "{q}: answer {answer:?}");
    }
}

/// Three dated articles of our own: 去年 in a January 1998 article is 1997; in 比去年 it is
/// only a comparison (the figure is 1998's).
fn dated_corpus(dir: &Path) {
    let records = [
        (
            "a",
            "1998-01",
            "全省农业工作会议召开",
            "去年，全省粮食总产量达到520万吨，农民人均收入增加两百元。",
        ),
        (
            "b",
            "1998-01-20",
            "今年农业生产计划公布",
            "今年全省粮食总产量计划达到540万吨，比去年增加20万吨。",
        ),
        (
            "c",
            "1997-01",
            "一九九六年农业回顾",
            "一九九六年全省粮食总产量为480万吨，创历史新高。",
        ),
        (
            "d",
            "1998-01",
            "城市建设",
            "全市新建住宅面积三百万平方米，道路交通状况明显改善。",
        ),
    ];
    write_news(dir, &records);
}

#[test]
fn relative_years_count_as_the_articles_years() {
    let corpus = tempfile::tempdir().unwrap();
    dated_corpus(corpus.path());
    let b = build(corpus.path());
    let answerer = Answerer::new(&b.engine);
    for (q, want, doc) in [
        ("1997年全省粮食总产量多少", "520万", "news.jsonl#a"),
        ("1998年全省粮食总产量计划多少", "540万", "news.jsonl#b"),
        ("一九九六年全省粮食总产量多少", "480万", "news.jsonl#c"),
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = r.answer.clone().unwrap_or_default();
        assert!(answer.contains(want), "{q}: answer {answer:?}");
        assert_eq!(r.citations[0].doc, doc, "{q}");
    }
    // No article gives 1995's figure: a comparison (比去年) or another year does not stand in.
    let r = answerer.ask("1995年全省粮食总产量多少").unwrap();
    assert_eq!(r.answer, None, "{:?}", r.citations.first().map(|c| &c.text));
}

#[test]
fn questions_read_last_year_against_wenjin_today() {
    let corpus = tempfile::tempdir().unwrap();
    dated_corpus(corpus.path());
    let index = corpus.path().join("index");
    let ask = |today: &str| {
        let out = wenjin_bin()
            .env("WENJIN_TODAY", today)
            .arg("--corpus")
            .arg(corpus.path())
            .arg("--index")
            .arg(&index)
            .args(["ask", "--json", "去年全省粮食总产量多少"])
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, stdout, stderr) = ask("1998-01-25");
    assert!(ok, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        v["answer"].as_str().unwrap_or_default().contains("520万"),
        "{stdout}"
    );
    let (ok, _, stderr) = ask("1998-13-01");
    assert!(!ok, "a malformed WENJIN_TODAY stops start-up");
    assert!(
        stderr.contains("YYYY-MM-DD") && stderr.contains("today"),
        "{stderr}"
    );
}

/// An index built before resolved years were indexed lacks them for its unchanged files: the
/// next incremental build rebuilds it whole; an index of this format is updated as before.
#[test]
fn an_index_of_an_older_format_is_rebuilt_whole() {
    use wenjin::search::{self, layout, BuildOptions};
    let corpus = tempfile::tempdir().unwrap();
    dated_corpus(corpus.path());
    let b = build(corpus.path());
    let index = b.index_dir();
    drop(b.engine);
    let again = search::build(corpus.path(), &index, &BuildOptions::default()).unwrap();
    assert_eq!((again.unchanged, again.added), (1, 0));
    let generation = layout::current(&index).unwrap();
    let meta = generation.join("meta.json");
    let text = std::fs::read_to_string(&meta).unwrap();
    // The format recorded, whatever its number, removed: what an index built before it was
    // recorded looks like.
    let key = r#",\"format\":"#;
    let old = match text.find(key) {
        Some(at) => {
            let rest = &text[at + key.len()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            format!("{}{}", &text[..at], &rest[digits..])
        }
        None => text.clone(),
    };
    assert_ne!(old, text, "the manifest records its format");
    std::fs::write(&meta, old).unwrap();
    let rebuilt = search::build(corpus.path(), &index, &BuildOptions::default()).unwrap();
    assert_eq!((rebuilt.unchanged, rebuilt.added), (0, 1));
    assert_ne!(
        layout::current(&index).unwrap(),
        generation,
        "a new generation"
    );
    let engine = wenjin::search::Engine::open(&index).unwrap();
    let r = Answerer::new(&engine)
        .ask("1997年全省粮食总产量多少")
        .unwrap();
    assert!(r.answer.unwrap_or_default().contains("520万"));
}

/// Which day is answered with a day, not with 日前 (lately) that the reader scores higher.
#[test]
fn which_day_is_answered_with_a_day() {
    let corpus = tempfile::tempdir().unwrap();
    write_news(
        corpus.path(),
        &[(
            "park",
            "1998-01",
            "公园旧景点让位绿地",
            "依湖畔公园而建、占地五千多平方米的仿古景点“封神宫”，日前被全部拆除，取而代之的是一片同样大小的草坪。这处景点的拆除工程于去年１２月３日动工。",
        )],
    );
    let b = build(corpus.path());
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "封神宫哪天开始拆的", "12月3日");
}

/// A January report's month without its year, more than half a year ahead of the report's
/// (１２月中旬), is the year before's: a question about that month of 1997 finds it, in both
/// scripts, and one about another year does not (reports of my own).
#[test]
fn a_late_month_in_a_january_report_is_the_year_before() {
    let b = build_january(&[
        (
            "pipe",
            "能源外交",
            "１２月中旬，甲国总理访问乙国，两国签署了一系列协定，其中最重要的是铺设甲乙两国之间长达８５０公里输油管道的协定。",
        ),
        ("road", "公路建设", "去年甲国新修公路１２００公里，比上年增长８％。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1997年12月甲国和乙国签的输油管道有多长",
        "850公里",
    );
    assert_answer_holds(
        &answerer,
        "1997年12月甲國和乙國簽的輸油管道有多長",
        "850公里",
    );
    let r = answerer
        .ask("1995年12月甲国和乙国签的输油管道有多长")
        .unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

/// A bare 年初 after the year a report names is that year's: `1997年…，全面完成年初预算计划；
/// 财政支出为…` gives 1997's spending, not a figure of 1998.
#[test]
fn a_bare_start_of_year_is_the_named_year_s() {
    let b = build_january(&[
        (
            "budget",
            "东海省财政",
            "本报讯东海省财政工作再创佳绩，１９９７年全省财政总收入达１８０．６亿元，比上年增长１４．２％，全面完成年初预算计划；财政支出为１６５．４亿元，增长１０．１％，严格控制在年初预算范围内。",
        ),
        (
            "irrigation",
            "东海省农业",
            "１９９８年东海省将继续加强农田水利建设，年底前完成灌区改造。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "东海省1997年财政支出多少", "165.4亿元");
    assert_answer_holds(&answerer, "东海省1997年财政花了多少钱", "165.4亿元");
    let r = answerer.ask("东海省1998年财政支出多少").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

/// A report that tells of its own day (今天) and names no year tells of the year it appeared:
/// its figures are that day's. A figure of a January report's 全年 is the year before's, and
/// stays unanswered for a question of the report's year.
#[test]
fn a_report_of_its_own_day_is_of_its_year() {
    let b = build_january(&[
        (
            "festival",
            "西川穆斯林欢度开斋节",
            "新华社西川１月３０日电西川省１２０万穆斯林今天在全省１８００多座清真寺举行节日会礼，欢度一年一度的开斋节。",
        ),
        (
            "roads",
            "西川交通",
            "西川省全年新修公路３２０公里，全省公路总里程达到５万公里。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    // Also with the year first: jieba then glues 省 to 有 (西川|省有), which names nothing.
    for q in [
        "西川省1998年有多少座清真寺举行了会礼",
        "1998年西川省有多少座清真寺举行了会礼",
    ] {
        assert_answer_holds(&answerer, q, "1800多座");
    }
    for q in [
        "西川省1997年有多少座清真寺举行了会礼",
        "西川省1998年新修了多少公里公路",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
}

/// A question that writes 5月 is not answered with a January dateline's day: that is when the
/// report was filed, about another event.
#[test]
fn a_day_of_another_month_does_not_answer_which_day() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报开罗1月12日电记者张明报道:埃及总统穆巴拉克和以色列外长今天在开罗会晤,双方同意就中东和平进程继续进行磋商。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年5月埃及和以色列会晤是哪天进行的",
        "1998年5月埃及和以色列會晤是哪天進行的",
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1998年1月埃及和以色列会晤是哪天进行的", "12日");
}

/// In 1994年、1996年也都只评出两项特等奖 the figure is each listed year's, not only the last's.
#[test]
fn a_figure_shared_by_listed_years_is_each_year_s() {
    let b = build_january(&[
        (
            "a",
            "",
            "然而近几年,省科技进步奖特等奖却在1992年和1995年两次空缺,1994年、1996年也都只评出两项特等奖。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1994年省科技进步奖特等奖评出几项",
        "1994年省科技進步獎特等獎評出幾項",
        "1996年省科技进步奖特等奖评出几项",
    ] {
        assert_answer_holds(&answerer, q, "两项");
    }
}

/// 十二月二十六日 is answered whole: the day alone (二十六日) names no date.
#[test]
fn a_day_is_answered_with_its_month() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报昆明十二月三十一日电十二月二十六日,滇中引水一期工程正式建成通水,昆明市区的缺水问题得到缓解。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年滇中引水一期工程哪天建成通水",
        "1997年滇中引水一期工程哪天建成通水的",
    ] {
        assert_answer_holds(&answerer, q, "十二月二十六日");
    }
}

/// A dateline's day answers when only for the event its sentence tells (发表预算报告 今晚):
/// a question whose words the sentence leaves out (核试验) asks about another event.
#[test]
fn a_dateline_s_day_answers_only_the_event_its_sentence_tells() {
    let b = build_january(&[
        (
            "a",
            "",
            "据新华社新德里1月9日电(记者王明)正在印度进行正式访问的葡萄牙总理今天在此间对记者说,葡萄牙和印度都主张加强两国在软件领域的合作。",
        ),
        (
            "b",
            "",
            "本报华盛顿1月20日电记者张华报道:美国财政部长今晚在国会发表年度预算报告,强调实现预算平衡。",
        ),
        ("c", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1998年印度哪天进行了核试验", "1998年印度哪天進行了核試驗"] {
        let r = answerer.ask(q).expect("the question is answered");
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(
        &answerer,
        "1998年美国财政部长哪天在国会发表预算报告",
        "1月20日",
    );
}

/// A year written before a beginning (1961年成立的) dates the subject, not the figure: the
/// count since then answers it. Asked as that year's own figure, the same count does not.
#[test]
fn a_year_of_founding_is_answered_by_the_count_since() {
    let b = build_january(&[
        (
            "a",
            "",
            "华星航运公司成立于1961年3月,此前该港的代理业务由外商把持。华星航运成立以来的37年间,共承运集装箱48万标箱,上缴税收逾20亿元。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1961年成立的华星航运共承运了多少集装箱",
        "1961年成立的華星航運共承運了多少集裝箱",
    ] {
        assert_answer_holds(&answerer, q, "48万标箱");
    }
    let r = answerer.ask("1961年华星航运承运了多少集装箱").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

/// Years in a parenthesis that explains a fiscal year (1998年度(1998年4月至1999年3月)) do not
/// govern the figure after it: it is 1998年度's, not 1999's.
#[test]
fn a_year_in_an_aside_does_not_date_the_figure() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报东京1月20日电 日本经济企划厅近日发布预测,认为1998年度(1998年4月至1999年3月)日本经济将增长1.9%左右。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1998年度日本经济增长多少", "1998年度日本經濟增長多少"] {
        assert_answer_holds(&answerer, q, "1.9%");
    }
    let r = answerer.ask("1999年度日本经济增长多少").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

#[test]
fn four_digits_before_a_unit_are_a_figure_not_a_year() {
    let b = build_january(&[
        (
            "a",
            "",
            "新华社贵阳1月9日电 一座环形全封闭步行天桥近日在贵阳市中心落成，桥体占地２０１６平方米。",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年贵阳落成的步行天桥占地多大",
        "1998年貴陽落成的步行天橋佔地多大",
    ] {
        assert_answer_holds(&answerer, q, "2016平方米");
    }
}

#[test]
fn a_later_window_of_a_paragraph_is_in_the_year_its_first_names() {
    // One paragraph, cut into windows: the year is named in the first, the figure is in the
    // last, with only a comparison (比去年) of its own.
    let text = "本报北京1月14日讯 记者林平报道：1997年东方银行继续稳妥地推进经营管理体制改革，在建立市场营销机制方面作了许多有益的尝试。\
        全行上下围绕资产质量做文章，清理不良贷款，压缩费用开支，各项存款稳步增加，国际结算量继续居国内同业前列。\
        海外分支机构的经营也有起色，新设的几家代表处已经开始运作，同海外客户的往来更加密切，服务范围进一步扩大到东南亚和中东地区。\
        个人金融服务方面，网点改造加快，储蓄所的营业时间普遍延长。\
        银行卡业务，总卡量达到320万张，直接消费额45亿元，分别比去年增长40%和12%。";
    let b = build_january(&[("a", "", text), ("b", "", "本报讯 全省春运今天开始。")]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "东方银行的银行卡到1997年底一共发了多少张",
        "320万张",
    );
}

#[test]
fn a_record_over_years_is_one_day_s_figure() {
    let b = build_january(&[
        (
            "a",
            "",
            "澳大利亚元对美元的汇率1月22日跌到了八十年来的最低点，一澳元只能兑换零点六五美元。",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 八十年来的最低 is a record, not a figure counted over eighty years.
    for q in [
        "1998年1月澳元最低跌到兑多少美元",
        "1998年1月澳元最低跌到兌多少美元",
    ] {
        assert_answer_holds(&answerer, q, "零点六五美元");
    }
}

#[test]
fn a_dateline_day_in_numerals_is_the_report_s() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 一月二十日，武警江西总队党委作出决定，把原计划用于春节迎来送往的三十余万元经费全部用于帮助困难官兵。",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年武警江西总队拿出多少迎来送往经费",
        "1998年武警江西總隊拿出多少迎來送往經費",
    ] {
        assert_answer_holds(&answerer, q, "三十余万元");
    }
}

#[test]
fn three_years_back_is_da_qian_nian() {
    let b = build_january(&[
        (
            "a",
            "",
            "李家湾地处行蓄洪区，县委书记张明山大前年选上这个扶贫点，带着村民办起了砂场。",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 大前年 in a January 1998 report is 1995, not 前年's 1996.
    for q in [
        "1995年选李家湾当扶贫点的县委书记是谁",
        "1995年選李家灣當扶貧點的縣委書記是誰",
    ] {
        assert_answer_holds(&answerer, q, "张明山");
    }
    let r = answerer
        .ask("1996年选李家湾当扶贫点的县委书记是谁")
        .unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

#[test]
fn a_sentence_dated_by_a_holiday_keeps_no_year_from_the_one_before() {
    let b = build_january(&[
        (
            "a",
            "",
            "据介绍，贵州今年的“三下乡”活动准备充分，各地各有特色。省文化厅去年11月就向全省文化部门布置了下乡工作。整个元旦、春节期间，全省将有80多支专业文艺演出队深入农村演出，预计观众将达到200多万人次。",
        ),
        ("b", "", "本报讯 全省春运今天开始，铁路部门增开临客。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    // 去年11月 dates the sentence before; 元旦、春节 are this winter's. And 80多支 counts
    // 专业文艺演出队, the 文艺队 asked.
    for q in [
        "1998年春节贵州派了多少支文艺队下乡",
        "1998年春節貴州派了多少支文藝隊下鄉",
    ] {
        assert_answer_holds(&answerer, q, "80多支");
    }
}

/// A zodiac year is a year: 牛年 in a January 1998 report is 1997 for the year gate, so a
/// 1997 question is answered from it and a 1995 one is not.
#[test]
fn a_zodiac_year_is_the_year_of_its_animal() {
    let b = build_january(&[(
        "port",
        "",
        "刚刚在牛年创出了年吞吐量六千九百一十六万吨的东滨港人，正满怀信心地迎接虎年的到来。",
    )]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1997年东滨港的吞吐量有多少",
        "六千九百一十六万吨",
    );
    let r = answerer.ask("1995年东滨港的吞吐量有多少").unwrap();
    assert!(r.answer.is_none(), "answer {:?}", r.answer);
}

/// A passage of a report of the asked year that names no year is cited before one that names
/// the year but not the asked thing: for the order it is as likely of that year as of the one
/// before. Whether the corpus answers still wants a year the answering passage gives.
#[test]
fn a_passage_naming_no_year_ranks_by_what_it_says() {
    let b = build_january(&[
        (
            "plan",
            "",
            "西川省劳动厅表示，1998年西川省将继续推进企业养老保险制度改革，扩大覆盖面。",
        ),
        (
            "count",
            "",
            "西川省东城市已有970户企业参加了基本养老保险，参保职工达到12万人。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer
        .ask("1998年西川省东城市有多少企业参加了养老保险")
        .unwrap();
    assert!(!r.citations.is_empty(), "no citation");
    assert!(
        r.citations[0].text.contains("970户"),
        "first cited: {}",
        r.citations[0].text
    );
}
