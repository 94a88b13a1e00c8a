//! What a which or when question is answered with: a day for 哪天 (12月3日, not 日前 beside it
//! nor a duration); for which company or place a name, not the head every name of its kind
//! ends in (有限公司, 县); for 哪个县 a county.

use super::fit::NUMERALS;
use super::question::{AnswerKind, Question};
use super::reader;

/// Words of a question that asks for a day.
const ASK_DAY: &[&str] = &["哪天", "哪一天", "几号", "何日", "几月几日", "几月几号"];

/// Whether a span names a day: a number before 日 or 号 (12月3日, 三十日, 5号).
pub(super) fn names_a_day(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).any(|w| {
        (w[0].is_ascii_digit() || (NUMERALS.contains(w[0]) && !"半几数".contains(w[0])))
            && matches!(w[1], '日' | '号')
    })
}

/// Whether the question asks for a day.
pub(super) fn asks_day(norm: &str) -> bool {
    ASK_DAY.iter().any(|w| norm.contains(w))
}

/// Words that name a day without its number (the article's 今天, 次日).
const DAY_WORDS: &[&str] = &[
    "今天", "昨天", "前天", "明天", "当天", "当日", "同日", "次日", "翌日", "今日", "昨日",
];

/// True when a question that asks which day is answered with neither a day nor a month (40年
/// for 哪天开始): another fact's figure, not the date.
pub(super) fn wrong_day(q: &Question, answer: &str) -> bool {
    let norm = q.normalized.as_str();
    if q.kind != AnswerKind::Date || !asks_day(norm) {
        return false;
    }
    let answer = crate::text::normalize(answer);
    let month = answer
        .chars()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| (w[0].is_ascii_digit() || NUMERALS.contains(w[0])) && w[1] == '月');
    // A day of another month than the one the question writes (1月15日 for 1998年5月…哪天) is
    // another event's: most often the dateline's.
    let (asked, given) = (months(norm), months(&answer));
    let other_month =
        !asked.is_empty() && !given.is_empty() && !given.iter().any(|m| asked.contains(m));
    other_month || !(names_a_day(&answer) || month || DAY_WORDS.iter().any(|w| answer.contains(w)))
}

/// Whether a when-answer is a dateline's day (１月７日电) in a sentence that leaves out some
/// word of the question (核试验): the day the report was filed, about another event. The
/// event asked is told under that dateline only where the sentence writes all its words
/// (克林顿今晚在国会发表国情咨文).
pub(super) fn dateline_of_another_event(q: &Question, sentence: &str, core: &str) -> bool {
    let core = crate::text::normalize(core);
    if q.kind != AnswerKind::Date || !core.ends_with(['电', '讯']) {
        return false;
    }
    let sentence = crate::text::normalize(sentence);
    q.terms.iter().any(|t| {
        t.chars().count() >= 2
            && t.chars().all(crate::text::is_cjk)
            && !sentence.contains(t.as_str())
    })
}

/// The months (1 to 12) a text names, in Arabic or Chinese numerals (5月, 十二月).
fn months(text: &str) -> Vec<u32> {
    let folded = crate::text::time::fold_numerals(text);
    let cs: Vec<char> = folded.chars().collect();
    cs.iter()
        .enumerate()
        .filter(|&(_, &c)| c == '月')
        .filter_map(|(i, _)| {
            let start = cs[..i]
                .iter()
                .rposition(|c| !c.is_ascii_digit())
                .map_or(0, |p| p + 1);
            let digits: String = cs[start..i].iter().collect();
            digits
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m) && digits.len() <= 2)
        })
        .collect()
}

/// Words of a question that asks for a year.
const ASK_YEAR: &[&str] = &["哪一年", "哪年", "哪个年份", "什么年份", "何年"];

/// Whether a question asks for a year (哪一年, 何年), not a day or a month.
pub(super) fn asks_year(q: &Question) -> bool {
    ASK_YEAR.iter().any(|w| q.normalized.contains(w))
}

/// True when a question that asks which year is answered with no year (第三代, 一行 for
/// 哪一年首飞): the sentence read does not say when.
pub(super) fn wrong_year(q: &Question, answer: &str) -> bool {
    if q.kind != AnswerKind::Date || !asks_year(q) {
        return false;
    }
    let answer = crate::text::normalize(answer);
    // 1966年, 一九六六年, 去年, 庚申年, 1960年代, or a year's four digits.
    !(answer.contains('年') || answer.chars().filter(|c| c.is_ascii_digit()).count() >= 4)
}

/// The heads that end a name of an organisation or a place but are none alone: 有限公司 is
/// not which company, 县 not which county.
pub(super) const BARE_HEADS: &[&str] = &[
    "公司",
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "集团",
    "集团公司",
    "总公司",
    "分公司",
    "银行",
    "大学",
    "学院",
    "医院",
    "研究所",
    "研究院",
    "委员会",
    "协会",
    "学会",
    "基金会",
    "工厂",
    "厂",
    "中心",
    "报社",
    "电视台",
    "电台",
    "省",
    "市",
    "县",
    "区",
    "乡",
    "镇",
    "村",
];

/// For a question that asks which organisation or place, drops the spans that are only a
/// name's head (有限公司) when the reader also read a span of the same sentence that ends with
/// it and has a name before it (长城移动通信有限公司). `text(span)` is the span's normalized
/// text and `sentence(span)` its sentence.
pub(super) fn drop_bare_heads<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if !matches!(q.kind, AnswerKind::Organization | AnswerKind::Place) {
        return;
    }
    let bare: Vec<bool> = spans
        .iter()
        .map(|(s, _)| {
            let t = text(s);
            BARE_HEADS.contains(&t)
                && spans.iter().any(|(o, _)| {
                    (o.passage, o.sentence) == (s.passage, s.sentence)
                        && o.range.end == s.range.end
                        && o.range.start < s.range.start
                })
        })
        .collect();
    let mut keep = bare.iter();
    spans.retain(|_| keep.next().is_some_and(|b| !b));
}

/// The heads of an administrative place a question can ask by (哪个县, 什么省).
const PLACE_HEADS: &str = "省市县区州乡镇村";

/// The last characters of a works' or an institution's word a question can ask by (哪个厂,
/// 哪个敬老院, 哪个出版社, 哪所学校, 哪个派出所, 哪栋大厦): names end with them (绵阳第一纺织厂,
/// 康庄镇敬老院, 上海证券大厦). Not 团: 哪个盗贼团 is answered by the gang's name, 源氏萤.
pub(super) const INSTITUTION_HEADS: &str = "厂院社馆校所局厦";

/// The head a question asks a place or an institution by: 县 for 在哪个县, 哪一县 or 什么县; or
/// the word it asks an institution by (厂 of 哪个厂, 敬老院 of 哪个敬老院, up to three characters).
pub(super) fn asked_head(norm: &str) -> Option<&str> {
    [
        "哪一个",
        "哪个",
        "哪一",
        "哪所",
        "哪家",
        "哪栋",
        "哪幢",
        "哪座",
        "哪",
        "什么",
    ]
    .iter()
    .find_map(|cue| {
        norm.match_indices(cue).find_map(|(at, _)| {
            let rest = &norm[at + cue.len()..];
            let mut chars = rest.chars();
            let first = chars.next()?;
            if PLACE_HEADS.contains(first) {
                // Not a word the head begins (什么区别, 哪个市场, 县长), nor two kinds
                // (哪个县市).
                let next = chars.next();
                let goes_on =
                    next.is_some_and(|c| "别场长民委政".contains(c) || PLACE_HEADS.contains(c));
                return (!goes_on).then(|| &rest[..first.len_utf8()]);
            }
            if *cue == "什么" {
                return None;
            }
            // 哪个敬老院: the word up to a head, when the head ends it (not 院长, 厂家).
            // A 所 right after 哪 is the measure word of 哪所学校, no head of its own.
            let (end, head) = rest
                .char_indices()
                .take(3)
                .find(|&(i, c)| INSTITUTION_HEADS.contains(c) && !(i == 0 && c == '所'))?;
            let word_end = end + head.len_utf8();
            let goes_on = rest[word_end..]
                .chars()
                .next()
                .is_some_and(|c| "长家里子区址内外部务园".contains(c));
            (!goes_on).then(|| &rest[..word_end])
        })
    })
}

/// Words that describe a place of a kind without naming it: 边远山村 and 贫困县 are no answer
/// to which village or county.
const DESCRIPTORS: &[&str] = &[
    "贫困", "边远", "偏远", "偏僻", "先进", "落后", "示范", "文明", "专业", "明星", "亿元", "小康",
    "富裕", "贫穷", "重点", "普通", "一般", "整个", "一个", "这个", "那个", "这", "那", "山", "小",
    "大", "穷", "富", "渔", "农", "乡", "古", "老", "郊", "灾", "牧", "林", "矿", "的",
];

/// Whether the words before a place's head only describe it (山村, 一个边远山村, 贫困县): what
/// is left after the descriptors are taken off the end is no name.
fn only_described(before: &str) -> bool {
    let mut rest = before;
    while let Some(shorter) = DESCRIPTORS.iter().find_map(|d| rest.strip_suffix(d)) {
        rest = shorter;
    }
    rest.is_empty()
}

/// The words a name of the asked kind may end with: a school is a 学校, a 大学, a 中学, a
/// 小学 or a 学院; any other head is its own word.
fn head_forms(head: &str) -> Vec<&str> {
    if head == "学校" {
        vec!["学校", "大学", "中学", "小学", "学院"]
    } else {
        vec![head]
    }
}

/// For a question that asks a place by its head (八家户村在哪个县), keeps the spans that name
/// one of that kind (乌鲁木齐县, not 全疆第一村, 二宫乡 or 边远山村) when the reader read any:
/// the head says what kind of place answers.
pub(super) fn prefer_asked_head<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    let Some(head) = asked_head(&q.normalized) else {
        return;
    };
    // 全省, 该县 and 本市 point at a place without naming it.
    let named = |t: &str| {
        let Some(before) = head_forms(head).iter().find_map(|h| t.strip_suffix(h)) else {
            return false;
        };
        before
            .chars()
            .next_back()
            .is_some_and(|c| !"全本该各此我其邻外".contains(c))
            && !only_described(before)
            && !q.normalized.contains(t)
    };
    if spans.iter().any(|(s, _)| named(text(s))) {
        spans.retain(|(s, _)| named(text(s)));
    }
}

/// For a where-question whose best span runs from a time into a place (今年10月12日至19日在上海
/// 举行), puts first the best-scored span inside it that is one place name right after 在 (上海)
/// by jieba's tags.
pub(super) fn prefer_place_inside<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Place {
        return;
    }
    let Some(best) = reader::best(spans).map(|k| spans[k].0.clone()) else {
        return;
    };
    let is_place = |t: &str| {
        matches!(crate::text::segment::jieba().tag(t, false).as_slice(),
            [one] if one.word == t && super::extract::PLACE_TAGS.contains(&one.tag))
    };
    // Only a span that runs into a time (10月12日至19日在上海举行): one of place words alone
    // (湖南省湘乡市, 委内瑞拉首都加拉加斯) is the place as written.
    let whole = text(&best);
    if is_place(whole) || !whole.contains(|c: char| c.is_ascii_digit()) {
        return;
    }
    reader::put_best_first(spans, |s, _| {
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && s.range != best.range
            && best.range.start <= s.range.start
            && s.range.end <= best.range.end
            && is_place(text(s))
            && whole[..s.range.start - best.range.start].ends_with('在')
    });
}

#[cfg(test)]
mod tests {
    use super::{asked_head, names_a_day, only_described, wrong_day, wrong_year};
    use crate::answer::question::Question;
    use crate::text::aliases::Aliases;

    #[test]
    fn which_day_is_not_answered_with_a_duration() {
        let q = Question::parse("首都機場哪天開始用雷達管制", &Aliases::default()).unwrap();
        assert!(wrong_day(&q, "４０年"));
        for a in ["上月３０日", "１２月", "次日", "十二月三日"] {
            assert!(!wrong_day(&q, a), "{a}");
        }
        let q = Question::parse("首都機場哪一年開始用雷達管制", &Aliases::default()).unwrap();
        assert!(!wrong_day(&q, "１９９７年"));
        // A day of another month than the question writes is another event's.
        let q = Question::parse("1998年5月印度核试验是哪天进行的", &Aliases::default()).unwrap();
        assert!(wrong_day(&q, "１月１５日"));
        for a in ["５月１１日", "五月十一日", "11日"] {
            assert!(!wrong_day(&q, a), "{a}");
        }
    }

    #[test]
    fn a_day_is_a_number_before_ri_or_hao() {
        for d in ["12月3日", "去年12月3日", "三十日", "5号"] {
            assert!(names_a_day(d), "{d}");
        }
        for d in ["日前", "日前被全部", "数日", "12月"] {
            assert!(!names_a_day(d), "{d}");
        }
    }

    #[test]
    fn which_year_is_answered_with_a_year() {
        let q = Question::parse("殲7E戰鬥機是哪一年首飛的", &Aliases::default()).unwrap();
        for a in ["第三代", "一行"] {
            assert!(wrong_year(&q, a), "{a}");
        }
        for a in ["1966年", "一九六六年", "去年", "1966", "庚申年"] {
            assert!(!wrong_year(&q, a), "{a}");
        }
        let q = Question::parse("殲7E戰鬥機是哪天首飛的", &Aliases::default()).unwrap();
        assert!(!wrong_year(&q, "第三代"));
    }

    #[test]
    fn a_described_place_is_not_named() {
        for d in ["山", "边远山", "一个边远山", "贫困", "小", "这个偏远的小山"] {
            assert!(only_described(d), "{d}");
        }
        for n in ["宜昌县鄢家河", "鄢家河", "黄山", "小岗", "大寨", "新城"] {
            assert!(!only_described(n), "{n}");
        }
    }

    #[test]
    fn a_place_is_asked_by_its_head() {
        assert_eq!(asked_head("八家户村在哪个县"), Some("县"));
        assert_eq!(asked_head("他是什么省的人"), Some("省"));
        assert_eq!(asked_head("哪一个镇最富"), Some("镇"));
        assert_eq!(asked_head("是哪个厂把它接过去的"), Some("厂"));
        assert_eq!(asked_head("看望的是哪个敬老院的老人"), Some("敬老院"));
        assert_eq!(asked_head("哪个院子"), None);
        assert_eq!(asked_head("哪个厂家"), None);
        assert_eq!(asked_head("颁奖的是哪所学校"), Some("学校"));
        assert_eq!(asked_head("哪个学校的校长"), Some("学校"));
        assert_eq!(asked_head("哪所学校园"), None);
        assert_eq!(asked_head("交易所搬进了哪栋大厦"), Some("大厦"));
        assert_eq!(asked_head("什么厂"), None);
        assert_eq!(asked_head("在哪里开会"), None);
        assert_eq!(asked_head("哪个国家"), None);
        assert_eq!(asked_head("有什么区别"), None);
        assert_eq!(asked_head("哪个市场"), None);
        assert_eq!(asked_head("哪一个县市"), None);
        assert_eq!(asked_head("是哪个派出所"), Some("派出所"));
        assert_eq!(asked_head("哪个公安局"), Some("公安局"));
    }
}
