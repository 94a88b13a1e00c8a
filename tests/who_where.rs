//! Who, where, which and when questions over news (issue 23): a report that names no year tells
//! of the year it appeared; the answer names what was asked, not a pointer, a time, a figure
//! or a description of it.

use wenjin::answer::Answerer;

use crate::common::{assert_answer_holds, build_january};

fn reports() -> crate::common::Built {
    build_january(&[
        (
            "meet",
            "总理会见美国客人",
            "新华社北京１月１２日电　国务院总理朱镕基今天下午在中南海紫光阁会见了美国财政部副部长劳伦斯·萨默斯一行，双方就亚洲金融形势交换了意见。",
        ),
        (
            "village",
            "山沟里的大学生村",
            "这个偏远的小山村，二十年来走出了四十多名大学生，去年一年就考上七个。这个村，就是湖南省桑植县白石村。",
        ),
        (
            "mill",
            "铝厂易主",
            "安第斯铝业公司是该国最大的国营铝厂，拥有８座工厂，去年生产铝锭４０万吨，全年销售额达到３０００亿玻利瓦尔。在去年１１月举行的国际招标中，由三家拉美企业组成的太平洋金属集团公司以９亿美元中标，购得这家铝厂６０％的股份。",
        ),
        (
            "plane",
            "新型教练机亮相",
            "新型教练机是我国自行研制的第三代高级教练机，一行专家昨天参观了它的总装生产线。",
        ),
        (
            "stamps",
            "熊猫金邮票毁版",
            "本报成都１月１０日电　限量发行的《大熊猫》纯金邮票今天在成都举行毁版仪式。去年１１月３０日，这套邮票在成都首发，三天内售罄。",
        ),
        (
            "poems",
            "诗人出新集",
            "诗人李白山的诗集《海风集》已由南方出版中心出版，收入他近十年的两百多首作品。",
        ),
        (
            "schools",
            "两校合作办学",
            "据新华社电　西部工业大学与天津建筑工程学院近日签订合作办学协议，两校将共享实验室和图书馆。",
        ),
        (
            "visit",
            "总理看望农民",
            "春节前夕，李鹏总理连续３年来到这里看望农民。今年他来到江西省兴国县，走进农民家中拜年。",
        ),
    ])
}

/// 今天 in a report of January 1998 is a day of 1998: who the premier met is answered for a
/// 1998 question, and still not for another year's.
#[test]
fn a_report_without_a_year_tells_of_the_year_it_appeared() {
    let b = reports();
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1998年1月朱镕基在紫光阁会见的美国财政部副部长是谁",
        "萨默斯",
    );
    let r = answerer
        .ask("1996年朱镕基在紫光阁会见的美国财政部副部长是谁")
        .unwrap();
    assert_eq!(r.answer, None);
}

/// A when-question with a year is answered with the date of that year (去年11月30日 in a
/// January 1998 report, for 1997), not the report's own day; a dateline's day is shown
/// without its 电.
#[test]
fn when_is_answered_with_the_asked_year_s_date() {
    let b = reports();
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "《大熊猫》纯金邮票是1997年几月几号首发的",
        "11月30日",
    );
    let r = answerer
        .ask("《大熊猫》纯金邮票1998年几月几号毁版")
        .unwrap();
    let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
    assert_eq!(answer, "1月10日");
}

/// A when-question about something that took several days is answered with the whole span
/// (12月10日至25日), not its last day alone.
#[test]
fn when_is_answered_with_the_whole_span_of_days() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 去年的12月10日至25日,李明去北京大学参加了青年学者研讨班。李明说,收获很大。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年李明哪天去北京大学参加研讨班",
        "1997年李明哪天去北京大學參加研討班",
    ] {
        assert_answer_holds(&answerer, q, "12月10日至25日");
    }
}

/// Which company or school is answered with its whole name, not the part the reader scores
/// highest (南方 of 南方出版中心, 工程学院 of 天津建筑工程学院).
#[test]
fn which_organisation_is_answered_with_its_whole_name() {
    let b = reports();
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        ("李白山的诗集《海风集》是哪家出版社出的", "南方出版中心"),
        ("西部工业大学跟哪所学校签了合作办学协议", "天津建筑工程学院"),
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
        assert_eq!(answer, want, "{q}");
    }
}

/// 哪个村 is answered with the village's name, not 小山村; where with a place, not 来到这里;
/// who bought with the buyer or nothing, never the price or 该国最大的国营铝厂; 哪一年 with a
/// year or nothing.
#[test]
fn who_and_where_are_answered_with_a_name_or_not_at_all() {
    let b = reports();
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "走出四十多名大学生的是哪个村", "白石村");
    assert_answer_holds(&answerer, "1998年春节李鹏总理去了哪里看望农民", "江西");
    let r = answerer.ask("安第斯铝业公司被谁买下了").unwrap();
    if let Some(a) = &r.answer {
        assert!(a.contains("太平洋金属"), "answer {a:?}");
    }
    let r = answerer.ask("新型教练机是哪一年首飞的").unwrap();
    assert_eq!(r.answer, None);
}

/// 哪个厂 and 哪个敬老院 ask an institution by the word its name ends with: the answer is a name
/// that ends so, given whole (湖州第二毛纺厂, not 毛纺厂 or the quoted 稳定 beside it).
#[test]
fn which_works_or_home_is_answered_with_a_name_ending_in_its_kind() {
    let b = build_january(&[
        (
            "works",
            "毛纺厂易主",
            "１９９７年城北毛纺厂停产，为了“稳定”，让湖州第二毛纺厂整体接收，市里拿出８００万元，组建了华丝纺织集团。结果一年下来，两个厂都陷入了困境。",
        ),
        (
            "home",
            "副总理看望老人",
            "王副总理听取了县里关于社会福利工作的汇报后，前往看望河口镇敬老院的老人们，给他们送去了电视机和棉被。这里住着三十多位孤寡老人。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for (q, want) in [
        (
            "1997年城北毛纺厂停产以后，是哪个厂把它整个接过去的？",
            "湖州第二毛纺厂",
        ),
        ("王副總理看望的是哪個敬老院的老人", "河口镇敬老院"),
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
        assert_eq!(answer, want, "{q}");
    }
}

/// Who was appointed is the object of 任命…为, not the president who appoints, though the
/// reader scores the president's name higher in a report of my own.
#[test]
fn an_appointment_is_answered_with_the_appointee() {
    let b = build_january(&[(
        "minister",
        "智利外长易人",
        "智利总统弗雷９日任命前众议员玛丽亚·索托为外交部长。索托同日宣誓就职，她表示智利将继续发展同亚太国家的关系。",
    )]);
    let answerer = wenjin::answer::Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1998年1月智利新任命的外交部长是谁",
        "玛丽亚·索托",
    );
}

/// Of two appointed in one sentence, the one given the post the question asks: a city's
/// congress that elects a chairman and a mayor (a report of my own) is asked whom it chose as
/// mayor.
#[test]
fn of_two_appointees_the_one_given_the_asked_post() {
    let b = build_january(&[(
        "city",
        "新港市人大选举",
        "新华社新港１月１２日电新港市第九届人民代表大会第一次会议１２日选举刘明为市人大常委会主任；选举陈海波为新港市市长。",
    )]);
    let answerer = wenjin::answer::Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1998年1月新港市人大选了谁当市长", "陈海波");
    assert_answer_holds(&answerer, "1998年1月新港市人大選了誰當市長", "陈海波");
    assert_answer_holds(
        &answerer,
        "1998年1月新港市人大选举谁为人大常委会主任",
        "刘明",
    );
}

/// Which school is answered with the school's whole name, not the part of it the reader
/// liked best (有限公司子弟学校), in a report of my own; a 大学 is a school too.
#[test]
fn which_school_is_answered_with_its_whole_name() {
    let b = build_january(&[
        (
            "award",
            "拾金不昧受表彰",
            "１９９７年底，湖南华光机械股份有限公司子弟学校为王小明、李小红颁奖，表彰他俩拾金不昧的好品德。",
        ),
        (
            "teacher",
            "教授返乡",
            "陈立新教授早年在国立中兴大学担任了六年系主任，后来又到台中农业专科学校讲课。",
        ),
    ]);
    let answerer = wenjin::answer::Answerer::new(&b.engine);
    assert_answer_holds(
        &answerer,
        "1997年底给拾金不昧的王小明颁奖的是哪所学校",
        "湖南华光机械股份有限公司子弟学校",
    );
    assert_answer_holds(
        &answerer,
        "陈立新在哪个学校担任了六年系主任",
        "国立中兴大学",
    );
}

/// The reader may read a name with the day after it (罗纳尔多１２日); the answer is the name.
#[test]
fn a_name_is_answered_without_the_day_after_it() {
    let b = build_january(&[(
        "award",
        "罗纳尔多再获殊荣",
        "据新华社巴黎１月１３日电巴西前锋罗纳尔多１２日在巴黎再次荣获国际足联年度最佳球员称号，得票远超其他候选人。",
    )]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer
        .ask("在巴黎再次拿到国际足联最佳球员称号的是谁")
        .unwrap();
    assert_eq!(r.answer.as_deref(), Some("罗纳尔多"));
}

/// 哪个派出所 is answered with the station's whole name (信丰县嘉定派出所), without the verb before
/// it (赠送给).
#[test]
fn a_police_station_is_named_whole() {
    let b = build_january(&[(
        "banner",
        "锦旗送给派出所",
        "１９９７年１２月２０日，江西省信丰县嘉定镇居民、５８岁的李桂英，与侄子王建平将一面锦旗，上写着“人民卫士，为民解忧”，赠送给信丰县嘉定派出所，感谢该所民警为她牵线搭桥，找到失散４０年的哥哥。",
    )]);
    let answerer = Answerer::new(&b.engine);
    let r = answerer
        .ask("1997年幫李桂英找到失散40年哥哥的是哪個派出所")
        .unwrap();
    let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
    assert_eq!(answer, "信丰县嘉定派出所");
}

/// 哪栋大厦 asks a building by its head: the name that ends in 大厦, not the district it stands in.
#[test]
fn which_building_is_answered_with_a_name_ending_in_its_kind() {
    let b = build_january(&[(
        "move",
        "",
        "本报杭州1月20日电 去年11月中旬,浙江证券交易中心在成立5周年之际,正式迁入位于钱江新区金融街的华信证券大厦;同月,新区又有三家外资银行开业。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年11月浙江证券交易中心搬进了哪栋大厦",
        "1997年11月浙江證券交易中心搬進了哪棟大廈",
    ] {
        assert_answer_holds(&answerer, q, "华信证券大厦");
    }
}

/// A question in Taiwan wording names 格鲁吉亚 as 乔治亚, kept as typed where the corpus writes
/// it (a US state): the country is still the question's own name, no answer to it.
#[test]
fn a_name_the_question_writes_in_taiwan_wording_is_no_answer() {
    let b = build_january(&[
        (
            "split",
            "",
            "1992年7月,阿布哈兹自治共和国宣布脱离格鲁吉亚而独立,双方随即爆发战争。",
        ),
        (
            "state",
            "",
            "美国乔治亚州的亚特兰大市昨天举行了盛大的游行。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1992年哪个地区宣布脱离乔治亚独立", "阿布哈兹");
}

/// The sentence that answers says 他: the person is the one the sentence before named.
#[test]
fn a_pronoun_is_answered_with_the_person_named_before_it() {
    let b = build_january(&[(
        "league",
        "",
        "在56张有效选票中,张建华得到48票,名列第一,当选最佳射手。同时他又在去年全国联赛中攻进21个球,是进球最多的球员。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年全国联赛哪个球员进球最多",
        "1997年全國聯賽哪個球員進球最多",
    ] {
        assert_answer_holds(&answerer, q, "张建华");
    }
}

/// 哪位日本首相 asks the person the report names right after 首相 (前首相村山富市), not the
/// speaker the reader scores first (小渊惠三说).
#[test]
fn a_person_asked_by_a_title_is_named_after_it() {
    let b = build_january(&[(
        "a",
        "",
        "新华社东京1月12日电 小渊惠三外相说,日本政府将继续遵循前首相村山富市1995年就侵略战争表示反省的谈话,推动日中关系发展。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1995年哪位日本首相为侵略战争反省",
        "1995年哪位日本首相為侵略戰爭反省",
    ] {
        assert_answer_holds(&answerer, q, "村山富市");
    }
}

/// 全翻成 is an adverb glued to its verb, which jieba's HMM reads as one unknown word: no name
/// the corpus must write. The answer is the translator, without his honorific (老先生).
#[test]
fn an_adverb_with_its_verb_is_no_unknown_name() {
    let b = build_january(&[(
        "a",
        "",
        "本报莫斯科1月5日电 汉学家卡列夫老先生花了整整三十年,于去年把《史记》全部译成了俄文,并已出版。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年谁把《史记》全翻成了俄文",
        "1997年誰把《史記》全翻成了俄文",
    ] {
        let r = answerer.ask(q).expect("answered");
        assert_eq!(r.answer.as_deref(), Some("卡列夫"), "{q}");
    }
}

/// The reader's 老同志 of 林默、周蕙两位老同志 describes the people named before the count: the
/// answer is their names.
#[test]
fn the_people_a_count_describes_are_named_before_it() {
    let b = build_january(&[(
        "a",
        "",
        "他回忆说,1993年,我与林默、周蕙两位老同志联名向中央写信,建议拍摄一部反映方志敏生平的电视剧。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1993年谁跟他联名写信建议拍方志敏",
        "1993年誰跟他聯名寫信建議拍方志敏",
    ] {
        let r = answerer.ask(q).expect("answered");
        assert_eq!(r.answer.as_deref(), Some("林默、周蕙"), "{q}");
    }
}

/// 什么油田 asks a name that ends with 油田: the reader's span cut before it (轮南稠油) takes
/// the word in.
#[test]
fn a_name_asked_by_its_kind_ends_with_the_kind() {
    let b = build_january(&[(
        "a",
        "",
        "本报乌鲁木齐1月8日电 去年,塔里木盆地东部勘探取得突破,在台南凹陷发现了储量上亿吨的轮南稠油油田。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1997年塔里木盆地发现了什么油田",
        "1997年塔里木盆地發現了什麼油田",
    ] {
        assert_answer_holds(&answerer, q, "轮南稠油油田");
    }
}

/// jieba cuts 铃木秀实 short; the honorific after it (先生) ends the name, so the answer runs up
/// to it.
#[test]
fn a_name_cut_short_runs_up_to_its_honorific() {
    let b = build_january(&[(
        "a",
        "",
        "本报北京1月9日讯 日本一支室内乐团昨晚在京首演，担任大提琴独奏的是乐团首席铃木秀实先生。铃木秀实先生1986年在巴黎获得第一届国际巴洛克大提琴比赛一等奖。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1986年巴洛克大提琴比赛谁拿了一等奖",
        "1986年巴洛克大提琴比賽誰拿了一等獎",
    ] {
        assert_answer_holds(&answerer, q, "铃木秀实");
    }
}

/// 在哪办 asks where; the reader's span from the dates to the place (今年5月10日至16日在广州举行)
/// gives way to the place after 在.
#[test]
fn where_a_meet_is_held_is_the_place_after_its_dates() {
    let b = build_january(&[(
        "a",
        "",
        "本报广州1月15日电 记者从省体委获悉：经国家体委批准，1998年全国青年田径锦标赛将于今年5月10日至16日在广州举行，预计有30个代表队参赛。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年全国青年田径锦标赛在哪办",
        "1998年全國青年田徑錦標賽在哪辦",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("广州"), "{q}");
    }
}

/// 在哪 with a verb after it (在哪下) asks where, and the place is the whole of what stands
/// between 在 and the event's verb (浙江宁波市, not 浙江; never the dateline's 本报讯).
#[test]
fn where_asked_with_any_verb_is_the_place_between_zai_and_the_verb() {
    let b = build_january(&[(
        "a",
        "",
        "本报讯 第十届全国少年围棋赛定于2月11日至15日在浙江宁波市举行，届时有20支队伍参赛。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1998年全国少年围棋赛在哪下", "1998年全國少年圍棋賽在哪下"] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("浙江宁波市"), "{q}");
    }
}

/// 晚会在这里举行: where the evening is held is the place the sentence before names after 在
/// (欢聚在林肯高中礼堂), not 这里 and not the organisers.
#[test]
fn where_it_is_held_here_is_the_place_named_before() {
    let b = build_january(&[(
        "a",
        "",
        "1月24日晚，800多名旅居芝加哥的华人、留学生和美国朋友欢聚在林肯高中礼堂，互相拜年，共迎新春。由芝加哥华人艺术团和中文学校联合举办的春节联欢晚会在这里举行。",
    )]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年芝加哥华人的春节联欢晚会在哪里办",
        "1998年芝加哥華人的春節聯歡晚會在哪裡辦",
    ] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer.as_deref(), Some("林肯高中礼堂"), "{q}");
    }
}

/// A where-question is not answered with the person a title names (国务院副总理李岚清), though
/// the reader scores the person first: the place is the answer.
#[test]
fn a_person_after_a_title_is_no_place() {
    let b = build_january(&[
        (
            "a",
            "",
            "新华社北京1月20日电 外交部发言人今天在这里宣布:应世界经济论坛主席施瓦布的邀请,国务院副总理李岚清将于1998年1月31日出席瑞士达沃斯世界经济论坛年会。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年世界经济论坛年会在哪开",
        "1998年世界經濟論壇年會在哪開",
    ] {
        assert_answer_holds(&answerer, q, "达沃斯");
    }
}

/// A who-question about a delegation's head is answered with the guest a meeting's sentence
/// names after 会见, not the host before it, whom the reader scores first as its subject.
#[test]
fn the_guest_of_a_meeting_is_not_its_host() {
    let b = build_january(&[
        (
            "a",
            "",
            "新华社北京1月12日电 国务院副总理吴邦国今天上午在中南海会见了以会长山本一郎为团长的日本关西经济联合会访华团。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年日本关西经济联合会访华团团长是谁",
        "1998年日本關西經濟聯合會訪華團團長是誰",
    ] {
        assert_answer_holds(&answerer, q, "山本一郎");
    }
}

/// 推谁竞选总统 asks who runs for the post, not who holds it: the sitting president named after
/// 现总统 in the next sentence is no answer.
#[test]
fn a_post_run_for_is_not_the_title_of_the_one_asked() {
    let b = build_january(&[
        (
            "a",
            "",
            "新华社加拉加斯1月25日电 委内瑞拉基督教社会党今天推选卡洛斯·门多萨为该党下届总统候选人。门多萨现年五十岁，曾在现总统卡尔德拉的政府中担任外交部长。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年委内瑞拉基督教社会党推谁竞选总统",
        "1998年委內瑞拉基督教社會黨推誰競選總統",
    ] {
        assert_answer_holds(&answerer, q, "门多萨");
    }
}

/// 本报讯 opens the report: it says who filed it, and names no country, however the reader
/// scores it.
#[test]
fn the_paper_s_marker_names_no_country() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯第十二届亚洲杯足球赛将于今年10月12日至10月29日在黎巴嫩举行。经有关部门批准,某体育报社将在此期间临时创办一份赛事快报。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年黎巴嫩亚洲杯足球赛冠军是哪个国家",
        "1998年黎巴嫩亞洲盃足球賽冠軍是哪個國家",
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
}

/// A transliterated name is answered whole (弗朗切斯科·贝尔纳兰利), not cut where the reader's
/// best span stops (弗朗切斯科·贝尔纳), and without the day written after it.
#[test]
fn a_transliterated_name_is_answered_whole() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报讯 今年到亚太地区旅游的人数预计将减少。这是亚太旅游协会秘书长弗朗切斯科·贝尔纳兰利27日在该协会曼谷总部举行的记者招待会上宣布的。",
        ),
        (
            "c",
            "",
            "这是世界气象组织秘书长戈弗雷·奥巴西兰多26日在该组织日内瓦总部举行的记者招待会上宣布的。",
        ),
        ("b", "", "本报讯 全国政协今天召开座谈会。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for (q, name) in [
        ("1998年亚太旅游协会秘书长是谁", "弗朗切斯科·贝尔纳兰利"),
        ("1998年亞太旅遊協會秘書長是誰", "弗朗切斯科·贝尔纳兰利"),
        ("1998年世界气象组织秘书长是谁", "戈弗雷·奥巴西兰多"),
    ] {
        let r = answerer.ask(q).expect("the question is answered");
        let answer = wenjin::text::normalize(&r.answer.unwrap_or_default());
        assert!(answer.ends_with(name), "{q}: answer {answer:?}");
    }
}

/// A name whose own clause dates the deed to another year (于1997年3月当选) did not do the
/// asked year's; a clause that runs on from a year (从1995年起) still answers a later one.
#[test]
fn a_name_dated_to_another_year_does_not_answer() {
    let b = build_january(&[
        (
            "a",
            "",
            "本报伊斯兰堡1月2日电 新当选的总统拉菲克·塔拉尔于1997年3月当选参议院议员,同年12月被执政党提名为总统候选人。",
        ),
        (
            "b",
            "",
            "本报讯 1997年,华星通信公司从1995年起研制的数字同步设备通过了部级鉴定。",
        ),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年3月当选参议院议员的是谁",
        "1998年3月當選參議院議員的是誰",
    ] {
        let r = answerer.ask(q).unwrap();
        assert!(r.answer.is_none(), "{q}: answer {:?}", r.answer);
    }
    assert_answer_holds(&answerer, "1997年3月当选参议院议员的是谁", "塔拉尔");
    assert_answer_holds(
        &answerer,
        "1997年哪家公司研制的数字同步设备通过了鉴定",
        "华星通信",
    );
}

/// A year asked for is shown with its 年 (1994年), not as four bare digits that read as a
/// count as well.
#[test]
fn a_year_is_shown_with_its_unit() {
    let b = build_january(&[
        (
            "a",
            "",
            "星河集团并不满足于做饮料。１９９４年１１月，星河集团创办了本省第一家民营的旅游开发公司———星河旅游有限公司，开始转向服务业。",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "星河集团哪年办的旅游公司",
        "星河集團何年創辦旅遊公司",
        "星河旅游有限公司是哪一年成立的",
    ] {
        let r = answerer.ask(q).unwrap();
        let answer = r.answer.as_deref().map(wenjin::text::normalize);
        assert_eq!(answer.as_deref(), Some("1994年"), "{q}");
    }
}

/// 哪位农民 asks for the farmer the passage names right after 农民, not the village it is in.
#[test]
fn who_asked_by_a_noun_is_the_one_named_after_it() {
    let b = build_january(&[
        (
            "a",
            "",
            "１月２０日，王平委员到城郊走访农户，给乡亲们拜早年。这是王平在白杨乡石桥村农民张建国家里看望一家老小。（本报记者摄）",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1998年1月王平去了哪位农民家", "1998年1月王平去了哪位農民家"] {
        assert_answer_holds(&answerer, q, "张建国");
    }
}

/// A foreign place jieba cuts into pieces (采/蒂/涅) is still where the deed happened when it
/// stands between 在 and the question's own verb (在哪就职).
#[test]
fn a_place_jieba_cuts_is_found_before_the_asked_verb() {
    let b = build_january(&[
        (
            "a",
            "",
            "据新华社电 １月１５日下午，新当选的黑山共和国总统久卡诺维奇在采蒂涅宣誓就职，数千名支持者到场祝贺。",
        ),
        ("b", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in ["1998年1月黑山总统在哪就职", "1998年1月黑山總統在哪就職"] {
        assert_answer_holds(&answerer, q, "采蒂涅");
    }
}

/// A person asked by a post is the one who takes it (由X出任总理), not the one who appoints,
/// and the one named after a list of posts ending with it (局长、高级工程师X); a post after a
/// name (X任副主席) names no one.
#[test]
fn who_holds_a_post_is_named_with_it() {
    let b = build_january(&[
        (
            "a",
            "",
            "据新华社布拉格１月２日电 波西米亚总统马尔科维奇二日任命了新政府成员。由斯坦科夫斯基出任总理的新政府共有十六名成员。",
        ),
        (
            "b",
            "",
            "本报讯 西川省公安厅消防局局长、高级工程师周晓明等历时三年，研制成功一种低毒灭火剂。",
        ),
        ("c", "", "本报讯 全省春运今天开始。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    for q in [
        "1998年1月波西米亚新政府总理是谁",
        "1998年1月波西米亞新政府總理是誰",
    ] {
        assert_answer_holds(&answerer, q, "斯坦科夫斯基");
    }
    assert_answer_holds(&answerer, "1998年研制低毒灭火剂的消防局长是谁", "周晓明");
}

/// A headline printed as a record of its own (朝鲜驻华大使举行新年宴会) matches the question's
/// words best and names no one; the story printed right after it answers, and is cited under
/// that headline.
#[test]
fn the_story_under_a_headline_answers_for_it() {
    let b = build_january(&[
        ("h", "", "朝鲜驻华大使举行新年宴会"),
        (
            "story",
            "",
            "本报北京1月13日讯朝鲜驻华大使朱昌骏今天晚上在朝鲜驻华大使馆举行新年宴会。外交部副部长唐家璇等应邀出席了宴会。",
        ),
        ("h2", "", "新加坡驻华大使离任"),
        (
            "story2",
            "",
            "即将离任的新加坡驻华大使郑东发今天举行告别招待会，感谢中方的支持。",
        ),
        ("byline", "", "本报记者王德颖"),
        ("other", "", "越南新任驻华大使今天向国家主席递交了国书。"),
    ]);
    let answerer = Answerer::new(&b.engine);
    assert_answer_holds(&answerer, "1998年朝鲜驻华大使是谁", "朱昌骏");
    // The story is cited under its headline; a byline is no title.
    let r = answerer.ask("1998年朝鲜驻华大使是谁").unwrap();
    assert_eq!(r.citations[0].meta.title, "朝鲜驻华大使举行新年宴会");
    let r = answerer.ask("越南新任驻华大使向谁递交了国书").unwrap();
    let cited = r
        .citations
        .iter()
        .find(|c| c.text.contains("国书"))
        .expect("the 国书 record is cited");
    assert!(
        cited.text.starts_with(&cited.meta.title),
        "{:?}",
        cited.meta.title
    );
}
