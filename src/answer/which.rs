//! What a which or when question is answered with: a day for 哪天 (12月3日, not 日前 beside it
//! nor a duration); for which company or place a name, not the head every name of its kind
//! ends in (有限公司, 县); for 哪个县 a county.

use super::fit::NUMERALS;
use super::question::{AnswerKind, Question};
use super::reader;
use crate::text::segment::jieba;

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
    !(names_a_day(&answer) || month || DAY_WORDS.iter().any(|w| answer.contains(w)))
}

/// Words of a question that asks for a year.
const ASK_YEAR: &[&str] = &["哪一年", "哪年", "哪个年份", "什么年份", "何年"];

/// True when a question that asks which year is answered with no year (第三代, 一行 for
/// 哪一年首飞): the sentence read does not say when.
pub(super) fn wrong_year(q: &Question, answer: &str) -> bool {
    if q.kind != AnswerKind::Date || !ASK_YEAR.iter().any(|w| q.normalized.contains(w)) {
        return false;
    }
    let answer = crate::text::normalize(answer);
    // 1966年, 一九六六年, 去年, 庚申年, 1960年代, or a year's four digits.
    !(answer.contains('年') || answer.chars().filter(|c| c.is_ascii_digit()).count() >= 4)
}

/// Words that point at a place or a person without naming one: no answer to where or who.
const POINTERS: &[&str] = &["他", "她", "他们", "她们", "它", "其", "此", "本人", "对方"];

/// Words that point at a place: a span that ends with one (来到这里) names none.
const PLACE_POINTERS: &[&str] = &[
    "这里", "那里", "这儿", "那儿", "此地", "此处", "当地", "本地", "该地", "该处",
];

/// Words that open a span pointing back at something named before (该国最大的国营铝厂, 这个村).
const BACK_POINTERS: &[&str] = &["该", "这", "此", "那个", "那家", "那位", "那些"];

/// Words of a time of day or a day (今天下午): no one and no place.
const TIMES: &[&str] = &[
    "今天", "昨天", "明天", "前天", "当天", "今日", "昨日", "上午", "下午", "中午", "晚上", "凌晨",
    "傍晚", "日前", "近日", "目前", "最近", "前夕", "期间", "之际", "春节", "元旦", "新年",
];

/// Whether `span` of `sentence` names no one and no place though a who, where or which
/// question (`kind`) is answered with it: a pointer (这里, 来到这里, 该国最大的铝厂), a time
/// (今天下午), or a work's title (碣石诗抄 of 《碣石诗抄》) where a person or a place is asked
/// (a newspaper, 《明报》, is an organisation).
fn names_nothing(kind: AnswerKind, sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let span = &sentence[range.clone()];
    let titled = matches!(kind, AnswerKind::Person | AnswerKind::Place)
        && sentence[..range.start].ends_with('《')
        && sentence[range.end..].starts_with('》');
    // Where the answer is a place, 该站东南侧 says where.
    let points_back =
        kind != AnswerKind::Place && BACK_POINTERS.iter().any(|p| span.starts_with(p));
    POINTERS.contains(&span)
        || PLACE_POINTERS.iter().any(|p| span.ends_with(p))
        || points_back
        || only_times(span)
        || titled
}

/// Whether a span is made of time words only (今天下午, 春节前夕; not 今天津市, present-day
/// Tianjin).
fn only_times(span: &str) -> bool {
    let mut rest = span;
    while let Some(shorter) = TIMES.iter().find_map(|t| rest.strip_prefix(t)) {
        rest = shorter;
    }
    rest.len() < span.len() && rest.is_empty()
}

/// Whether a question asks for a person, an organisation or a place, by its kind or by the
/// head of the place it asks (哪个村). Not 哪个 alone: 哪一个世纪 is answered with a figure.
fn asks_a_name(q: &Question) -> bool {
    matches!(
        q.kind,
        AnswerKind::Person | AnswerKind::Organization | AnswerKind::Place
    ) || asked_place_head(&q.normalized).is_some()
}

/// True when a who, where or which question's answer is a pointer, a work's title or a
/// figure (3年 for 去了哪里): the sentence read does not name what was asked. `sentence` holds
/// the answer (`core`).
pub(super) fn names_no_answer(q: &Question, sentence: &str, core: &str) -> bool {
    if !asks_a_name(q) {
        return false;
    }
    let sentence = crate::text::normalize(sentence);
    let core = crate::text::normalize(core);
    let Some(at) = sentence.find(core.as_str()) else {
        return POINTERS.contains(&core.as_str());
    };
    let range = at..at + core.len();
    // A time (连续3年, 5月30日) or an amount (销售额达到3000亿玻利瓦尔) is no one and no
    // place either.
    let timed = core
        .chars()
        .zip(core.chars().skip(1))
        .any(|(a, b)| a.is_ascii_digit() && "年月日天万亿元%".contains(b));
    names_nothing(q.kind, &sentence, &range) || figure_or_unit(&sentence, &range) || timed
}

/// The heads that end a name of an organisation or a place but are none alone: 有限公司 is
/// not which company, 县 not which county.
const BARE_HEADS: &[&str] = &[
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

/// Whether the span at `range` of `sentence` is a figure or a figure's unit: it opens with a
/// number not of people (6000亿玻利瓦尔, not 3名前奴隶), or a number ends right before it
/// (玻利瓦尔 of 6000亿玻利瓦尔).
fn figure_or_unit(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let span = &sentence[range.clone()];
    let opens = span.starts_with(|c: char| c.is_ascii_digit())
        && !span
            .trim_start_matches(|c: char| c.is_ascii_digit() || "., 多余万亿".contains(c))
            .starts_with(['名', '位', '个', '人']);
    let mut before = sentence[..range.start].chars().rev();
    let after_number = match before.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('万' | '亿') => before.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    opens || after_number
}

/// For a question that asks who, where or which place, drops the spans that name nothing (a
/// figure or a figure's unit, a pointer, a work's title) when the reader read any other:
/// 被谁买下 is not answered with the price it was bought for, nor 哪里人 with a poet's book.
pub(super) fn drop_figures<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if !asks_a_name(q) {
        return;
    }
    let named = |s: &reader::Span| {
        !figure_or_unit(sentence(s), &s.range) && !names_nothing(q.kind, sentence(s), &s.range)
    };
    if spans.iter().any(|(s, _)| named(s)) {
        spans.retain(|(s, _)| named(s));
    }
}

/// How much lower (the reader's log-odds) a fuller name may score than the part of it the
/// reader preferred and still be the answer.
const FULLER_NAME: f32 = 2.0;

/// Characters that a name's added part may not hold: function words, times and punctuation
/// (已由东方, 学院日前 are no name).
const NOT_IN_NAME: &str =
    "的与和及同跟在由已于从向对把被将是为了日月年今昨前后,.;:!?、。，；：！？《》“”\"'()（） ";

/// Tags of words that are no part of a name: nouns, verbs, times, adverbs, pronouns and the
/// like (a title such as 总书记 is a noun).
const COMMON_TAGS: &[&str] = &[
    "n", "v", "vn", "vd", "b", "t", "d", "p", "c", "f", "s", "r", "m", "q", "a", "ad", "an", "u",
];

/// Whether `text` is one word of the dictionary that is no name (总书记, 来自, 室), by its tag.
fn common_word(text: &str) -> bool {
    match jieba().tag(text, false).as_slice() {
        [one] => one.word == text && COMMON_TAGS.contains(&one.tag),
        _ => false,
    }
}

/// For a who or which question, the reader's span of the same sentence that holds `best` and
/// adds name parts to it, when one scores close enough: an organisation's name up to its head
/// (东方 → 东方出版中心, 工程学院 → 北京建筑工程学院), a person's surname before a given
/// name (多贺子 → 土井多贺子). `best` when there is none. `sentence` gives a span's sentence.
pub(super) fn fuller_name<'s, 'a>(
    q: &Question,
    best: &'s reader::Span,
    spans: &'s [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) -> &'s reader::Span {
    let person = q.kind == AnswerKind::Person;
    if !person && q.kind != AnswerKind::Organization {
        return best;
    }
    let Some(best_score) = spans
        .iter()
        .find(|(s, _)| std::ptr::eq(s, best))
        .map(|(_, sc)| *sc)
    else {
        return best;
    };
    let text = sentence(best);
    let fuller = |s: &reader::Span| {
        if (s.passage, s.sentence) != (best.passage, best.sentence)
            || s.range == best.range
            || s.range.start > best.range.start
            || s.range.end < best.range.end
        {
            return false;
        }
        let added = [
            &text[s.range.start..best.range.start],
            &text[best.range.end..s.range.end],
        ];
        if added
            .iter()
            .any(|a| a.contains(|c: char| NOT_IN_NAME.contains(c) || c.is_ascii_digit()))
            || names_nothing(q.kind, text, &s.range)
        {
            return false;
        }
        if person {
            // A surname: at most three characters before, nothing after, and no word of
            // its own that titles or describes (总书记, 太子, 暴君 are tagged so; 来自, 引发).
            added[1].is_empty() && added[0].chars().count() <= 3 && !common_word(added[0])
        } else {
            let name = &text[s.range.clone()];
            BARE_HEADS
                .iter()
                .any(|h| name.ends_with(h) && name.len() > h.len())
        }
    };
    spans
        .iter()
        .filter(|(s, sc)| *sc >= best_score - FULLER_NAME && fuller(s))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(best, |(s, _)| s)
}

/// The heads of an administrative place a question can ask by (哪个县, 什么省).
const PLACE_HEADS: &str = "省市县区州乡镇村";

/// The head a question asks a place by: 县 for 在哪个县, 哪一县 or 什么县.
fn asked_place_head(norm: &str) -> Option<char> {
    ["哪一个", "哪个", "哪一", "哪", "什么"]
        .iter()
        .find_map(|cue| {
            norm.match_indices(cue).find_map(|(at, _)| {
                let mut rest = norm[at + cue.len()..].chars();
                let head = rest.next().filter(|c| PLACE_HEADS.contains(*c))?;
                // Not a word the head begins (什么区别, 哪个市场, 县长), nor two kinds
                // (哪个县市).
                let next = rest.next();
                let goes_on =
                    next.is_some_and(|c| "别场长民委政".contains(c) || PLACE_HEADS.contains(c));
                (!goes_on).then_some(head)
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

/// For a question that asks a place by its head (八家户村在哪个县), keeps the spans that name
/// one of that kind (乌鲁木齐县, not 全疆第一村, 二宫乡 or 边远山村) when the reader read any:
/// the head says what kind of place answers.
pub(super) fn prefer_asked_head<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    let Some(head) = asked_place_head(&q.normalized) else {
        return;
    };
    // 全省, 该县 and 本市 point at a place without naming it.
    let named = |t: &str| {
        let Some(before) = t.strip_suffix(head) else {
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

#[cfg(test)]
mod tests {
    use super::{
        asked_place_head, figure_or_unit, names_a_day, names_no_answer, only_described, wrong_day,
        wrong_year,
    };
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
    fn who_and_where_are_not_answered_with_pointers_titles_or_figures() {
        let q = Question::parse("詩人楊乃卿是哪裡人", &Aliases::default()).unwrap();
        assert!(names_no_answer(&q, "他的诗集《碣石诗抄》出版", "碣石诗抄"));
        assert!(names_no_answer(&q, "李鹏总理3年来第二次到这里", "这里"));
        assert!(names_no_answer(&q, "李鹏总理3年来第二次到这里", "3年"));
        assert!(names_no_answer(&q, "李鹏总理连续3年到这里", "连续3年"));
        assert!(names_no_answer(&q, "李鹏总理连续3年来到这里", "来到这里"));
        let q = Question::parse("铝厂被谁买下了", &Aliases::default()).unwrap();
        assert!(names_no_answer(
            &q,
            "该国最大的国营铝厂被买下",
            "该国最大的国营铝厂"
        ));
        assert!(names_no_answer(&q, "今天下午铝厂被买下", "今天下午"));
        assert!(names_no_answer(
            &q,
            "销售额达到3000亿玻利瓦尔",
            "销售额达到3000亿玻利瓦尔"
        ));
        assert!(!names_no_answer(
            &q,
            "铝厂被太平洋金属集团买下",
            "太平洋金属集团"
        ));
        let q = Question::parse("会堂在什么地方", &Aliases::default()).unwrap();
        assert!(!names_no_answer(
            &q,
            "会堂位于今天津市和平区",
            "今天津市和平区"
        ));
        assert!(!names_no_answer(&q, "通道设在该站东南侧", "该站东南侧"));
        assert!(!names_no_answer(&q, "杨乃卿是河北昌黎人", "河北昌黎"));
        let q = Question::parse("他住在哪个村", &Aliases::default()).unwrap();
        assert!(names_no_answer(&q, "他来到这里", "这里"));
        let q = Question::parse("他写了什么书", &Aliases::default()).unwrap();
        assert!(!names_no_answer(&q, "他的诗集《碣石诗抄》出版", "碣石诗抄"));
    }

    #[test]
    fn a_figure_and_its_unit_name_no_one() {
        let read = |s: &str, w: &str| {
            let i = s.find(w).expect("the span is in the sentence");
            figure_or_unit(s, &(i..i + w.len()))
        };
        let s = "销售额达到6000亿玻利瓦尔,被亚马孙钢铁集团买下";
        assert!(read(s, "6000亿玻利瓦尔"));
        assert!(read(s, "玻利瓦尔"));
        assert!(!read(s, "亚马孙钢铁集团"));
        assert!(!read(s, "销售额"));
        assert!(!read("由3名前奴隶成立", "3名前奴隶"));
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
        assert_eq!(asked_place_head("八家户村在哪个县"), Some('县'));
        assert_eq!(asked_place_head("他是什么省的人"), Some('省'));
        assert_eq!(asked_place_head("哪一个镇最富"), Some('镇'));
        assert_eq!(asked_place_head("在哪里开会"), None);
        assert_eq!(asked_place_head("哪个国家"), None);
        assert_eq!(asked_place_head("有什么区别"), None);
        assert_eq!(asked_place_head("哪个市场"), None);
        assert_eq!(asked_place_head("哪一个县市"), None);
    }
}
