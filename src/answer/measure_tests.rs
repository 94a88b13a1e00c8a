//! Unit tests of the measure a figure is counted in (src/answer/measure.rs).

use super::*;
use crate::text::aliases::Aliases;

fn wrong(question: &str, answer: &str) -> bool {
    let q = Question::parse(question, &Aliases::default()).expect("a question");
    wrong_measure(&q, answer)
}

#[test]
fn a_figure_in_another_class_s_unit_or_a_date_is_the_wrong_measure() {
    assert!(wrong("西游记宫门票多少钱", "６０００多平方米"));
    assert!(wrong("复线铁路有多长", "１２月３１日"));
    // A dateline's day is no count, whatever is counted.
    assert!(wrong("有多少日本大企业老板对经济前景悲观", "１月３日电据"));
    assert!(wrong("来了多少人", "17日晚"));
    assert!(!wrong("来了多少人", "1月3日到场的700余人"));
    assert!(!wrong("有多少个月", "3月"));
    // A month or a day in Chinese numerals is a date; a count of months is written with 个.
    assert!(wrong("1997年1到11月卖给个人的商品房占多少", "十一月销售"));
    assert!(wrong("来了多少人", "一月二十日"));
    assert!(!wrong("工期多少个月", "十一个月"));
    assert!(!wrong("来了多少人", "一千多人"));
    // A unit of two characters asked is not answered by another measure word's count.
    assert!(wrong("火炬接力全程多少公里", "三路进行"));
    assert!(wrong("1993年以来中行借给海航多少美元", "4年内"));
    assert!(!wrong("1993年以来中行借给海航多少美元", "7930万美元"));
    assert!(wrong("新机场占地多大", "３２亿元"));
    // In Chinese numerals as in digits.
    assert!(wrong(
        "石家庄到安阳电气化铁路花了多少钱",
        "二百二十五点九公里"
    ));
    assert!(!wrong("石家庄到安阳电气化铁路花了多少钱", "二十二亿元"));
    assert!(wrong("微软1997年有多少员工", "１亿元"));
    assert!(wrong("秦山核电站1997年利润多少", "１１８亿千瓦时"));
    assert!(wrong("一九九七年我国手机用户有多少", "９０％"));
    // 多了多少股民 counts people, unless a word asks their share.
    assert!(wrong("1997年深市多了多少股民", "52%"));
    assert!(!wrong("1997年深市多了多少股民", "521万户"));
    assert!(!wrong("1997年股民占人口多少", "5%"));
    assert!(!wrong("研發費用營收比有多高", "107.3%"));
    assert!(wrong("1997年中韩贸易额多少", "十分活跃"));
    assert!(wrong("玉溪卷烟厂1997年生产了多少箱烟", "１９３．５亿元"));
    assert!(!wrong("玉溪卷烟厂1997年生产了多少箱烟", "２００万箱"));
    assert!(wrong("工商銀行北京分行1997年賺了多少", "２４个"));
    assert!(wrong(
        "大亞灣核電站1996年總資產報酬率多少",
        "１９９６年全国外商投资企业评选中"
    ));
    assert!(!wrong("工商銀行北京分行1997年賺了多少", "５１亿多元"));
    // No unit the lexicon knows, or the word the classifier begins: not judged.
    assert!(!wrong("玉溪卷烟厂1997年生产了多少箱烟", "２００多万"));
    assert!(!wrong("全国有多少人口", "１２亿"));
    assert!(!wrong("哪个县人口最多", "乌鲁木齐县"));
    assert!(!wrong("重庆GDP位居全国第几", "第七"));
    assert!(!wrong("新生儿一天要睡超过多少个小时", "18小时"));
    assert!(wrong("乡镇企业1997年增速掉到多少", "１．８万亿元"));
    assert!(!wrong("乡镇企业1997年增速掉到多少", "１８％"));
    // What was made, not what it was worth; a question through 产值 asks the worth.
    assert!(wrong("1997年林業系統產了多少木材", "１９２９亿元"));
    assert!(!wrong("1997年林業系統產了多少木材", "５８５９万立方米"));
    assert!(wrong("辽河油田1997年产了多少原油", "十三点七亿元"));
    // Accidents (起), boxes (箱), wells (口) and rooms (间) are counted, not paid.
    assert!(wrong("1997年交通建设花了多少钱", "４７３４起"));
    // Nor is a sum answered by a figure with any other word after it (a player's 八段).
    assert!(wrong("1998年快棋赛冠军奖金多少钱", "八段"));
    assert!(!wrong("1998年快棋赛冠军奖金多少钱", "十四点八万元"));
    assert!(!wrong("1998年快棋赛冠军奖金多少钱", "5万"));
    // Sets, showings and cases are counted as asked (多少套书, 几场, 多少起).
    assert!(wrong("送了多少套书", "价值２８万元"));
    assert!(!wrong("送了多少套书", "６０００套"));
    assert!(!wrong("下了多少场雪", "４０余次"));
    assert!(!wrong("占多少份额", "１４．８％"));
    assert!(!wrong("1997年林業系統產值多少", "１９２９亿元"));
    assert!(wrong("新疆1997年產了多少原油", "三大油田探明"));
    assert!(!wrong("新疆有几大油田", "三大油田"));
    // A duration answers how long.
    assert!(wrong("今晚报到1998年初送报上楼的订户有多少", "３年"));
    assert!(wrong("水利一期工程花了多少钱", "十一年"));
    assert!(!wrong("水利一期工程建了多久", "十一年"));
    assert!(!wrong("工程用了几年", "十一年"));
    assert!(!wrong("开车时不能超过多少的速度", "100公里/小时"));
    assert!(!wrong("沃夫424距离太阳多远", "14.2光年"));
    assert!(!wrong("上映期间不得少于几日", "7天"));
    assert!(wrong("体育场花了多少钱", "15分"));
    assert!(wrong(
        "百富勤1996年赚了多少钱",
        "一家主要经营证券业务的投资银行"
    ));
    assert!(wrong("110千伏输电线路投资了多少", "110KV"));
    assert!(!wrong("110千伏输电线路投资了多少", "1.2亿元"));
    // Also when the question writes it in words.
    assert!(wrong("1997年初一美元能换多少日元", "１美元"));
    assert!(!wrong("1997年初一美元能换多少日元", "１１５日元"));
    // A rate against a currency is quoted per one of it.
    assert!(wrong("1997年12月30日印尼盾兑美元多少", "兑１美元"));
    assert!(!wrong("1997年12月30日印尼盾兑美元多少", "５０５０盾"));
    assert!(wrong("一吨煤多少钱", "１吨"));
    assert!(
        !wrong("第一季度出口多少", "１季度"),
        "an ordinal is no figure of the question"
    );
    assert!(wrong("输电线路投资了多少", "一条"));
    assert!(!wrong("珍珠港事件仅能带来多久的优势", "一年左右"));
    assert!(!wrong("陈诚仅花费多少时间即毕业", "一个月"));
    assert!(!wrong("有几条输电线路", "一条"));
    assert!(!wrong("短䲟的第几背鳍变形成为吸盘", "第一背鳍"));
}

#[test]
fn a_figure_counts_in_its_own_measure_word() {
    assert!(wrong("1997年我国新建了多长的光缆干线", "１４条长途"));
    assert!(!wrong("1997年我国新建了多长的光缆干线", "３·３万多公里"));
    assert!(wrong("1997年中国出口了多少架飞机", "１２个"));
    assert!(!wrong("1997年中国出口了多少架飞机", "３４架"));
    assert!(!wrong("1997年有多少人参加", "３００名"));
    assert!(!wrong("上海有多少家外资银行", "４０个"));
    assert!(!wrong("恆河中糞生大腸桿菌群超過標準值多少倍?", "100倍以上"));
    assert!(!wrong("越南保险2006年共有多少户保单持有人？", "2,020万"));
    assert!(wrong("1997年全世界发生了几次大地震", "７级以上"));
    assert!(!wrong("1997年全世界发生了几次大地震", "１７次大"));
    // In Chinese numerals: 五次 of a session's number counts sittings, not proposals; 三个月
    // counts months.
    assert!(wrong("政协八届五次会议一共收到多少件提案", "五次会议优秀"));
    assert!(!wrong("政协八届五次会议一共收到多少件提案", "２５７０件"));
    assert!(!wrong("俄军应在多久内撤出", "三个月"));
}

#[test]
fn a_span_that_stops_at_its_number_is_judged_with_its_measure_word() {
    let s = "发生的里氏7级以上的地震";
    let at = s.find('7').unwrap();
    assert_eq!(
        with_measure_word(s, &(at - "里氏".len()..at + 1)),
        "里氏7级"
    );
    assert_eq!(with_measure_word(s, &(at..at + "7级以".len())), "7级以");
    assert_eq!(with_measure_word(s, &(0..at)), "发生的里氏");
}

#[test]
fn index_points_answer_only_a_question_about_an_index() {
    assert!(wrong("菲律宾1997年底外汇储备多少", "回升１６８点"));
    assert!(!wrong("菲律宾股市1997年回升了多少", "回升１６８点"));
    assert!(!wrong("菲律宾1997年出口增长多少", "２个百分点"));
}

#[test]
fn a_fitting_unit_no_unit_or_no_measure_class_is_not_judged() {
    assert!(!wrong("复线铁路有多长", "全长２８３．３公里"));
    assert!(!wrong("西游记宫门票多少钱", "门票３０元"));
    assert!(!wrong("新机场占地多大", "占地１２００公顷"));
    // No unit the lexicon knows: the reader's figure stands.
    assert!(!wrong("西游记宫门票多少钱", "５０００万英镑"));
    // 多少 alone names no measure class; a day is still no amount.
    assert!(wrong("1997年出口多少", "１２月３１日"));
    assert!(!wrong("1997年出口多少", "１２月出口３１亿元"));
    // A share, a rate or a change is answered with a percentage.
    for q in [
        "出口占全国多少",
        "森林覆盖率是多少",
        "1997年GDP增长多少",
        "物价涨了多少",
    ] {
        assert!(!wrong(q, "１２．８％"), "{q}");
    }
}

/// The final check judges a figure cut before its unit as the sentence writes it on: 17 of
/// 17日 is a day, no count of people.
#[test]
fn a_figure_cut_before_its_unit_is_judged_with_it() {
    use crate::answer::amount_span::written_on;
    let s = "据新华社斯德哥尔摩１月１７日电，它在１７日拉开了序幕。";
    assert_eq!(written_on(s, "１７"), "17日");
    assert!(wrong("开幕宴会来了多少人", &written_on(s, "１７")));
    assert_eq!(written_on("投资１２亿美元建厂", "１２"), "12亿美元");
    assert_eq!(written_on("投资１２亿美元建厂", "１２亿美元"), "12亿美元");
    // A measure word too: 1000多万 of 1000多万箱 counts boxes, no money.
    let s = "１９９７年生产卫生巾１０００多万箱。";
    assert_eq!(written_on(s, "１０００多万"), "1000多万箱");
    assert!(wrong(
        "恒安集团1997年赚了多少钱",
        &written_on(s, "１０００多万")
    ));
}

#[test]
fn a_vague_span_of_years_is_no_count() {
    assert!(wrong("1997年假种子案件涉及多少农户", "近几年来"));
    assert!(wrong("涉及多少农户", "3年以来"));
    assert!(!wrong("涉及多少农户", "3580户"));
}

#[test]
fn a_figure_fits_the_asked_measure_in_arabic_or_chinese_numerals() {
    let q = Question::parse("第三勘探队1997年打了多少口井", &Aliases::default()).expect("q");
    assert!(fits_asked(&q, "52口"));
    // A distance does not count wells, in whatever numerals; a duration or a bare number is
    // no figure that could stand for the refused one.
    assert!(!fits_asked(&q, "两百米"));
    assert!(!fits_asked(&q, "200米"));
    assert!(!fits_asked(&q, "30年"));
    assert!(!fits_asked(&q, "1700"));
    let money =
        Question::parse("1997年美国答应给印尼的援助出多少钱", &Aliases::default()).expect("q");
    assert!(fits_asked(&money, "30亿美元"));
    assert!(!fits_asked(&money, "三年"));
    // A share in Chinese numerals fits where a share is asked, as one in digits does.
    let share = Question::parse("1997年卖给个人的商品房占多少", &Aliases::default()).expect("q");
    assert!(fits_asked(&share, "百分之五十八点七"));
    assert!(fits_asked(&share, "58.7%"));
}

#[test]
fn a_sum_of_money_counts_no_people() {
    assert!(wrong("一九九七年深市多了多少股民", "２６９１亿元"));
    assert!(wrong("1997年有多少下岗职工再就业", "5亿元"));
    assert!(!wrong("一九九七年深市多了多少股民", "521万户"));
    assert!(wrong("一九九七年深市多了多少股民", "１２５家"));
    assert!(!wrong("1997年来了多少游客", "70万人次"));
    // Per head is money, and so is what the question asks in it.
    assert!(!wrong("多少农民人均纯收入超过了2000元", "2000元"));
    assert!(!wrong("1997年深圳股市赚了多少钱", "20亿元"));
}

#[test]
fn an_economy_s_growth_is_a_rate() {
    assert!(wrong("美国1998年经济增长预计多少", "55位"));
    assert!(wrong("美国1998年经济增长预计多少", "8000亿美元"));
    assert!(!wrong("美国1998年经济增长预计多少", "2.4%"));
}

#[test]
fn a_price_is_a_sum_of_money_in_any_currency() {
    // 定价 asks a price: an anniversary (100周年纪念) is no answer.
    assert!(wrong("1998年出版的萧红全集定价多少", "１００周年纪念"));
    assert!(!wrong("1998年出版的萧红全集定价多少", "定价98元"));
    // 多少钱 is a sum: a share cut is not, a sum in baht is.
    assert!(wrong("泰国内阁减薪能省多少钱", "２０％"));
    assert!(!wrong("泰国内阁减薪能省多少钱", "１２００万铢"));
}

#[test]
fn throughput_tax_and_fees_have_their_units() {
    // 吞吐量 is counted in tonnes, containers or passengers, not staff.
    assert!(wrong("上海龙吴港务公司1997年货物吞吐量是多少", "１７７人"));
    assert!(!wrong(
        "上海龙吴港务公司1997年货物吞吐量是多少",
        "１５００万吨"
    ));
    assert!(!wrong("漠河机场可满足的年旅客吞吐量人次是多少", "12万人次"));
    // 利税 and 学费 are sums of money.
    assert!(wrong("伊利1993年利税多少", "５个半月"));
    assert!(wrong("1998年北大国际MBA学费多少", "２０余所"));
    assert!(!wrong("1998年北大国际MBA学费多少", "３万元"));
}

#[test]
fn a_sum_of_money_is_not_answered_with_a_count() {
    let q = "1998年香港七人制橄榄球赛奖金有多少";
    assert!(wrong(q, "24个队参赛"));
    assert!(!wrong(q, "奖金总额120万港元"));
}

#[test]
fn a_count_of_people_named_by_a_word_ending_in_a_time_unit_is_no_duration() {
    let q = "1998年双桥区多少农民送种子拜年";
    assert!(!wrong(q, "800多名青年"));
    assert!(wrong("1997年这个队打了多少口井", "建队45年"));
}

#[test]
fn places_counted_and_a_word_after_yi_are_no_count_of_people() {
    // 22个州 counts states, not the members asked.
    assert!(wrong("1998年北美菁英交响乐团有多少名团员", "２２个州"));
    assert!(!wrong("1998年北美菁英交响乐团有多少名团员", "２２个人"));
    // 数 of 数字 is a word, not a numeral: 一组数字 is "a set of figures".
    assert!(wrong("1997年肥西縣多少農戶重新用上了電", "一组数字"));
    assert!(!wrong("1997年肥西縣多少農戶重新用上了電", "数百户"));
}

#[test]
fn a_proportion_is_answered_with_a_share() {
    assert!(wrong(
        "1997年日本的联合国会费比例是多少",
        "１９９７年底时通过一项决议"
    ));
    assert!(!wrong("1997年日本的联合国会费比例是多少", "０．７４％"));
    assert!(!wrong("德國失去了多少比例人口", "1/3"));
    assert!(!wrong("男女生比例是多少", "3∶2"));
}

#[test]
fn a_sum_asked_in_a_currency_is_not_answered_in_another() {
    assert!(wrong("1998年驻日使馆收到多少日元地震捐款", "２０万元"));
    assert!(!wrong("1998年驻日使馆收到多少日元地震捐款", "700余万日元"));
    assert!(!wrong("1998年收到多少美元捐款", "3亿美元"));
    assert!(!wrong("1998年收到多少元捐款", "３万美元"));
}

/// People counted in a measure word of people answer a count of people, whatever else the
/// question's words ask through (交学费 is money); a sum of money does not.
#[test]
fn people_in_a_measure_word_of_people_answer_a_count_of_them() {
    let q = "西峡县五里桥乡有多少干部替贫困生交学费";
    assert!(!wrong(q, "213位"));
    assert!(wrong(q, "3000元"));
    assert!(!wrong("有几名代表发言", "12名"));
    assert!(wrong("有几名代表发言", "12个省"));
}

/// A yield per mu (亩产, 单产) is a mass; the land it was grown on is no answer.
#[test]
fn a_yield_is_a_mass_not_the_land() {
    let q = "1997年湖南水稻样板田亩产多少";
    assert!(wrong(q, "一点一八万亩"));
    assert!(!wrong(q, "一千二百二十五公斤"));
    assert!(wrong("玉米攻关单产多少", "100万亩"));
}
