//! What a span must look like to answer the question asked: a figure for how many or how
//! much, a rank for 第几. The reader, fitted on encyclopedia questions, weighs where a span sits
//! more than what it is, and can rank a neighbouring word (各界, 平方米) or a dateline above the
//! figure beside it; among the spans it read, those of the asked form are kept when there are
//! any.
//!
//! Which-questions (哪个县, 哪国) are left to the reader: names of a kind do not end alike (韩国
//! and 荷兰, 黑龙江 for 哪个省), and a suffix rule lost more on DRCD than it won.

use super::question::{AnswerKind, Question};
use super::reader;
use super::which;
pub(super) use super::year_rank::{asks_rank, asks_years, is_rank, only_rank, only_years};

/// Chinese numerals and the words that stand for a number (半, 几, 数十).
pub(super) const NUMERALS: &str = "〇○零一二两三四五六七八九十百千万亿半几数";
/// Measure words and units that make a single numeral inside a span a figure (共三人).
const CLASSIFIERS: &str =
    "个人名位家所座条件项次届年月天日周岁倍成元角分吨米里亩户台辆架艘匹头只张本部种批笔秒层股轮场篇首枚代辑期集卷册级度桶斤克升株棵栋幢处宗例颗套根份双列趟盏瓶袋箱起口间支路段%";
/// What may come before the figure that opens a span (约三成, 共两轮).
const BEFORE_FIGURE: &str = "约近共达逾仅超";

/// Words written with numerals that state no number (十分活跃 is very lively).
const NOT_NUMBERS: &[&str] = &[
    "十分", "万分", "一度", "一些", "一定", "一直", "一般", "一起", "一致", "一样", "一切", "一向",
    "一再", "一旦", "一同", "一律", "一贯", "千万", "万一", "统一", "唯一", "之一",
];

/// Whether every numeral of an answer stands inside a name (五里桥乡, 三门峡市, 六盘水): the
/// answer then names a place or a person and states no figure, whatever [`is_figure`] reads
/// in its opening 五. Asked once of the chosen answer (jieba tags it).
pub(super) fn numerals_only_in_names(text: &str) -> bool {
    let names = ["ns", "nsf", "nr", "nrfg", "nrt", "nt", "nz"];
    let mut any = false;
    for t in crate::text::segment::jieba().tag(text, false) {
        if t.word
            .contains(|c: char| c.is_ascii_digit() || NUMERALS.contains(c))
        {
            if !names.contains(&t.tag) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Whether a span states a figure: a digit, two numerals in a row (三十, 一万), a numeral that
/// opens the span (两轮, 约三成) or one with a measure word (共三人); not the numerals inside
/// words (统一, 第二大).
pub(super) fn is_figure(text: &str) -> bool {
    // The words that only look like numbers, blanked (most spans hold none: no copy then).
    let mut text = std::borrow::Cow::Borrowed(text);
    for w in NOT_NUMBERS {
        if text.contains(w) {
            text = std::borrow::Cow::Owned(text.replace(w, "、"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    // 数, 几 and 半 open a figure only with a numeral or a measure word after them (数十, 几个,
    // 半年), not 数字 or 几乎; so do 百, 千, 万 and 亿 (百万, 千余人; not the name 百富勤). A numeral before 大 names a set (三大油田, the three big fields)
    // rather than counting.
    let first = chars.iter().position(|c| !BEFORE_FIGURE.contains(*c));
    let opening = first.is_some_and(|i| {
        NUMERALS.contains(chars[i])
            && chars.get(i + 1) != Some(&'大')
            && (!"数几半百千万亿".contains(chars[i])
                || chars.get(i + 1).is_some_and(|&n| {
                    NUMERALS.contains(n)
                        || CLASSIFIERS.contains(n)
                        || ("百千万亿".contains(chars[i]) && "余多".contains(n))
                }))
    });
    opening
        || chars.iter().enumerate().any(|(i, &c)| {
            c.is_ascii_digit()
                || (NUMERALS.contains(c)
                    && chars
                        .get(i + 1)
                        .is_some_and(|&n| NUMERALS.contains(n) || CLASSIFIERS.contains(n)))
        })
}

/// Units of time: a span ending in one is a duration or a date, not a count.
pub(super) const TIME_UNITS: &str = "年月日天周秒分";

/// Whether a character is a measure word or unit that counts a figure (人, 笔, 元, %).
pub(super) fn is_classifier(c: char) -> bool {
    CLASSIFIERS.contains(c)
}

/// Whether a span opens with the numeral of an enumeration (一是因为五个导演…, 二来…) and
/// goes on to a figure: that figure, not the 一, is the amount.
fn opens_an_enumeration(t: &str) -> bool {
    let mut chars = t.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    "一二三四五六七八九十".contains(first)
        && "是来则".contains(second)
        && chars.any(|c| c.is_ascii_digit() || NUMERALS.contains(c))
}

/// Keeps, among the reader's spans, those of the form the question asks for, when some span
/// has it: a figure that is no date for how many or how much, a rank for 第几, a day for 哪天.
pub(super) fn keep_fitting<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    let norm = q.normalized.as_str();
    let fits: Box<dyn Fn(&str) -> bool> = if q.kind == AnswerKind::Date {
        // 哪天 is answered with a day (12月3日), not with 日前 (lately) beside it.
        if !which::asks_day(norm) {
            return;
        }
        Box::new(which::names_a_day)
    } else if q.kind != AnswerKind::Amount || ASK_NO_FIGURE.iter().any(|w| norm.contains(w)) {
        return;
    } else if norm.contains("第几") {
        Box::new(is_rank)
    } else if super::look_alikes::asks_score(norm) {
        Box::new(super::look_alikes::is_score)
    } else {
        // A date is no amount unless the question counts days or months.
        let dates_count = ["天", "日", "月"].iter().any(|w| norm.contains(w));
        let years_count = asks_years(norm);
        // A rank is no amount (在全国占第一位 for 产了多少原油) unless one is asked.
        let rank_asked = asks_rank(norm);
        Box::new(move |t: &str| {
            is_figure(t)
                && !opens_an_enumeration(t)
                && (rank_asked || !only_rank(t))
                && (dates_count || !is_date(t))
                && (years_count || !only_years(t))
        })
    };
    if spans.iter().any(|(s, _)| fits(text(s))) {
        spans.retain(|(s, _)| fits(text(s)));
    }
}

/// Whether a span (`range` of its normalized `sentence`) begins or ends inside a number: 五亿元
/// read out of 三点五亿元, 二千二百零一点 out of 二千二百零一点八米, 320 out of 320万, 2 out of
/// the fraction 2/3. Such a span
/// states another figure than the sentence does.
pub(super) fn cuts_a_number(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let digit = |c: char| c.is_ascii_digit() || (NUMERALS.contains(c) && !"数几".contains(c));
    let (Some(before), Some(span)) = (sentence.get(..range.start), sentence.get(range.clone()))
    else {
        return false;
    };
    let after = sentence.get(range.end..).unwrap_or("");
    let mut back = before.chars().rev();
    let starts_inside = span.chars().next().is_some_and(digit)
        && match back.next() {
            Some(c) if digit(c) => !NOT_NUMBERS.iter().any(|w| before.ends_with(w)),
            // 3 of 2/3 is the denominator of a fraction.
            Some('.' | '·' | '点' | '/') => back.next().is_some_and(digit),
            _ => false,
        };
    let mut fwd = after.chars();
    let ends_inside = span.chars().next_back().is_some_and(digit)
        && match fwd.next() {
            // 320 of 320万人口 is another number: a magnitude goes on the figure, as 多 and
            // 余 do (2000 of 2000多人).
            Some(c) if c.is_ascii_digit() || "万亿多余".contains(c) => true,
            // 2 of 2/3 is the numerator of a fraction.
            Some('.' | '·' | '点' | '/') => fwd.next().is_some_and(digit),
            _ => false,
        }
        || span.ends_with(['.', '·', '点']) && fwd.next().is_some_and(digit)
        // 80 of 80年代 is a piece of a decade.
        || span.chars().next_back().is_some_and(digit) && after.starts_with("年代");
    starts_inside || ends_inside
}

/// Drops the spans of a how-much question that cut a number ([`cuts_a_number`]), or cut it
/// from the measure word the question counts in (…9条巨龙和98 of 98头醒狮, for 多少头), when
/// others remain; a bare number so cut takes its measure word (9640 of 9640人死亡 reads
/// 9640人). `at` gives a span's normalized sentence.
pub(super) fn drop_cut_numbers<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    at: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount {
        return;
    }
    if let Some(c) = super::measure_words::asked_classifier(&q.normalized) {
        let digit = |d: char| d.is_ascii_digit() || NUMERALS.contains(d);
        let cut_from_word = |s: &reader::Span| {
            let text = at(s);
            text.get(..s.range.end)
                .and_then(|span| span.chars().next_back())
                .is_some_and(digit)
                && text
                    .get(s.range.end..)
                    .is_some_and(|after| after.starts_with(c))
        };
        let bare = |s: &reader::Span| {
            at(s).get(s.range.clone()).is_some_and(|t| {
                t.chars()
                    .all(|d| digit(d) || "万亿千百十.·多余".contains(d))
            })
        };
        for (s, _) in spans.iter_mut() {
            if cut_from_word(s) && bare(s) {
                s.range.end += c.len_utf8();
            }
        }
        if spans.iter().any(|(s, _)| !cut_from_word(s)) {
            spans.retain(|(s, _)| !cut_from_word(s));
        }
    }
    let whole = |s: &reader::Span| !cuts_a_number(at(s), &s.range);
    if spans.iter().any(|(s, _)| whole(s)) {
        spans.retain(|(s, _)| whole(s));
    }
}

/// How much (the reader's log-odds) a figure loses that is a part of the total the question
/// asks for or a rate where it asks for an amount: enough to let the total or the amount next
/// to it win over the reader's usual margins (1–2).
const PART_OR_RATE: f32 = 1.5;

/// Words that make a figure a rate (per day, per head, an average): 日高峰每天起降480多架次
/// is not the year's 14万 flights.
const RATES: &[&str] = &[
    "每天", "每日", "日均", "每月", "月均", "每年", "年均", "平均", "人均", "每人", "高峰",
];

/// Words right before a figure that make it a change from another time (增加了, 减少, 下降).
const CHANGES: &[&str] = &[
    "增加", "减少", "增长", "下降", "上升", "提高", "降低", "回落", "下滑", "增", "减", "涨", "跌",
];

/// Words of a question that asks for a change.
const ASK_CHANGE: &[&str] = &[
    "增",
    "减",
    "涨",
    "降",
    "跌",
    "提高",
    "上升",
    "回落",
    "下滑",
    "少了",
    "多了",
    "变化",
    "幅",
    "比上年",
    "同比",
];

/// Time units after 每 that make a clause a rate.
const PERIODS: &[&str] = &["秒", "分钟", "小时", "天", "日", "周", "星期", "月", "年"];

/// Whether `clause` counts per period of time: 每过55分钟, 每隔三天, 每5年 (每天 and 每年 are in
/// [`RATES`]).
fn every_period(clause: &str) -> bool {
    clause.match_indices('每').any(|(at, _)| {
        let rest = clause[at + '每'.len_utf8()..]
            .trim_start_matches(['过', '隔'])
            .trim_start_matches(|c: char| c.is_ascii_digit() || NUMERALS.contains(c) || c == '.')
            .trim_start_matches('个');
        PERIODS.iter().any(|p| rest.starts_with(p))
    })
}

/// Clause boundaries within a sentence.
const CLAUSE_ENDS: &[char] = &['，', ',', '；', ';', '：', ':'];

/// For a question that asks how much, lowers the score of a figure that is one part of a total
/// (after 其中, with a part name the question does not write: 全年共发行2412.03亿元，其中…记账式
/// 国债344.06亿元), a rate in its clause that the question does not ask for (每天, 平均), or a
/// change (减少了302人) where the question asks for no change.
/// `before(span)` is the span's sentence (normalized) up to the span.
pub(super) fn demote_parts_and_rates<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    before: impl Fn(&reader::Span) -> &'a str,
) {
    let norm = q.normalized.as_str();
    if q.kind != AnswerKind::Amount || ASK_NO_FIGURE.iter().any(|w| norm.contains(w)) {
        return;
    }
    let asks_rate = RATES.iter().any(|r| norm.contains(r))
        || ["每", "一天", "一年", "一个月", "一周"]
            .iter()
            .any(|r| norm.contains(r));
    let asks_change = ASK_CHANGE.iter().any(|w| norm.contains(w));
    for (s, score) in spans.iter_mut() {
        let head = before(s);
        let clause = head.rsplit(CLAUSE_ENDS).next().unwrap_or(head);
        let rate = !asks_rate && (RATES.iter().any(|r| clause.contains(r)) || every_period(clause));
        // The words just before the figure: 减少了302人 is the change, not the count.
        let near: String = {
            let mut tail: Vec<char> = head.chars().rev().take(4).collect();
            tail.reverse();
            tail.into_iter().collect()
        };
        // 增至, 剧增为, 下降到: the level reached, not the change.
        let reached = head.ends_with(['至', '为', '到']);
        let change = !asks_change && !reached && CHANGES.iter().any(|w| near.contains(w));
        let part = head.rfind("其中").is_some_and(|at| {
            let stretch = head[at + "其中".len()..]
                .rsplit(['、', '，', ',', '；'])
                .next();
            // The part's name, without the verbs and quantifiers around it (只有, 共, 为).
            const AROUND: [char; 10] = ['有', '为', '是', '达', '共', '约', '只', '仅', '包', '括'];
            let name = stretch
                .unwrap_or("")
                .trim_start_matches(AROUND)
                .trim_end_matches(AROUND);
            !name.is_empty() && !norm.contains(name)
        });
        if rate || part || change {
            *score -= PART_OR_RATE;
        }
    }
}

/// Which and what questions (哪几个部分, 什么) ask for names even with 几 or 多少 in them, and 几
/// in 几何 or 几乎 asks for nothing.
pub(super) const ASK_NO_FIGURE: &[&str] = &["哪", "什么", "那几", "这几", "几乎", "几何"];

/// A month or a day written in digits (`1月12日电`, `上月30日`): a date, not an amount.
pub(super) fn is_date(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len()).any(|i| {
        chars[i - 1].is_ascii_digit()
            && matches!(chars[i], '月' | '日' | '号')
            // 日元 is the yen (115日元), not a day.
            && !(chars[i] == '日' && chars.get(i + 1) == Some(&'元'))
    })
}

#[cfg(test)]
#[path = "fit_tests.rs"]
mod tests;
