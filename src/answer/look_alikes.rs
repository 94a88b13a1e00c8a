//! Figures that look like an answer to how much but are not one: a duration (历时十一年 for
//! 花了多少钱), a lone 一 ("a": 一家投资银行), the question's own figure (110千伏 of
//! 110千伏输电线路投资了多少), an output value in 元 for how much was made. The final check
//! ([`super::measure::wrong_measure`]) refuses them.

use crate::text::paraphrase;
use crate::text::time::{chinese_digit, small_numeral};

/// Whether an answer's only figure is a lone 一 (一家…, 一种): no digit and no other numeral.
/// 数 is a numeral only before another (数十, 数百万); in 一组数字 it is a word.
pub(super) fn only_lone_yi(answer: &str) -> bool {
    let numeral = |at: usize, c: char| {
        super::fit::NUMERALS.contains(c)
            && (c != '数'
                || answer[at + c.len_utf8()..].starts_with(['十', '百', '千', '万', '亿']))
    };
    !answer.contains(|c: char| c.is_ascii_digit())
        && answer
            .char_indices()
            .filter(|&(at, c)| numeral(at, c))
            .all(|(at, c)| {
                c == '一'
                    && lone_yi(answer, at)
                    && !answer[at + 3..].starts_with(|n: char| super::fit::NUMERALS.contains(n))
            })
        && answer.contains('一')
}

/// Whether every number an answer states (in digits) is one the question writes, not counting
/// years: the answer repeats what is asked about.
pub(super) fn repeats_the_question(norm: &str, answer: &str) -> bool {
    let numbers = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map(|n| n.trim_matches('.'))
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect()
    };
    let asked: Vec<String> = numbers(norm)
        .into_iter()
        .filter(|n| !(n.len() == 4 && (n.starts_with("19") || n.starts_with("20"))))
        .collect();
    let given = numbers(answer);
    if given.is_empty() {
        return false;
    }
    if given.iter().all(|n| asked.contains(n)) {
        return true;
    }
    // The question may write its figure in words (一美元能换多少日元): the answer repeats it
    // when it states that number in the same unit (1美元).
    let written = numerals_with_units(norm);
    let folded: String = answer.chars().filter(|c| !c.is_whitespace()).collect();
    // So does one unit of the currency a rate is asked against (兑1美元 for 印尼盾兑美元多少):
    // the rate is quoted per that one.
    let per_one = ["兑", "换"].iter().any(|w| {
        norm.match_indices(w).any(|(at, w)| {
            let unit: String = norm[at + w.len()..]
                .chars()
                .take_while(|c| crate::text::is_cjk(*c) && *c != '多')
                .collect();
            !unit.is_empty() && (folded == format!("1{unit}") || folded == format!("{w}1{unit}"))
        })
    });
    per_one
        || (given.len() == 1
            && written
                .iter()
                .any(|(n, unit)| *n == given[0] && folded.contains(&format!("{n}{unit}"))))
}

/// The figures a text writes in Chinese numerals of one or two places right before a unit of
/// the measure classes or a measure word (一美元 → 1 美元, 十二吨 → 12 吨), not ordinals (第一).
fn numerals_with_units(norm: &str) -> Vec<(String, String)> {
    let cs: Vec<(usize, char)> = norm.char_indices().collect();
    let is_numeral = |c: char| chinese_digit(c).is_some() || c == '十';
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if !is_numeral(cs[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < cs.len() && is_numeral(cs[i].1) {
            i += 1;
        }
        let ordinal = start > 0 && cs[start - 1].1 == '第';
        let value = small_numeral(&cs[start..i].iter().map(|&(_, c)| c).collect::<Vec<_>>());
        let rest = cs.get(i).map_or("", |&(at, _)| &norm[at..]);
        let unit = paraphrase::lexicon()
            .unit_at_start(rest)
            .map(str::to_string)
            .or_else(|| {
                rest.chars()
                    .next()
                    .filter(|&c| super::fit::is_classifier(c))
                    .map(String::from)
            });
        if let (false, Some(v), Some(u)) = (ordinal, value, unit) {
            out.push((v.to_string(), u));
        }
    }
    out
}

/// Whether every figure an answer writes in digits is a day of a month (`1月3日电据`, `17日晚`):
/// a dateline or a time, no amount.
pub(super) fn only_days(answer: &str) -> bool {
    let mut rest = String::with_capacity(answer.len());
    let mut days = 0;
    let mut chars = answer.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii_digit() {
            rest.push(c);
            continue;
        }
        let mut number = c.to_string();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            number.push(d);
            chars.next();
        }
        let yen = is_yen(&chars);
        match chars.peek() {
            // A month is part of the day that follows it (1月3日); on its own (3月) it may
            // count months.
            Some('月') => {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                    continue;
                }
                rest.push_str(&number);
            }
            // 日元 is a currency, and no month has a 32nd day (115日元).
            Some('日' | '号') if !yen && number.parse::<u32>().is_ok_and(|d| d <= 31) => {
                chars.next();
                days += 1;
            }
            _ => rest.push_str(&number),
        }
    }
    days > 0 && !rest.contains(|c: char| c.is_ascii_digit())
}

/// Whether the characters ahead read 日元 (the yen), not a day.
fn is_yen(ahead: &std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    ahead.clone().take(2).eq("日元".chars())
}

/// Whether the numeral at `at` is a 一 with no numeral before it.
pub(super) fn lone_yi(answer: &str, at: usize) -> bool {
    answer[at..].starts_with('一')
        && !answer[..at]
            .chars()
            .next_back()
            .is_some_and(|c| super::fit::NUMERALS.contains(c))
}

/// Whether a question asks how much of something was made (产了多少原油) and not through any
/// class a sum of money answers (产值, 多少钱).
pub(super) fn asks_goods_made(norm: &str) -> bool {
    let asked = paraphrase::lexicon().asked(norm);
    asked.iter().any(|a| a.class.name == "produce")
        && !asked
            .iter()
            .any(|a| a.class.units.iter().any(|u| paraphrase::is_money_unit(u)))
}

/// Whether every figure an answer writes is a month or a day in Chinese numerals (十一月销售,
/// 一月二十日): a date, no amount. A count of months is written with 个 (十一个月).
pub(super) fn only_numeral_dates(answer: &str) -> bool {
    const NUMERAL: &str = "〇零一二两三四五六七八九十百千万亿";
    if answer.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let chars: Vec<char> = answer.chars().collect();
    let mut runs = 0;
    let mut i = 0;
    while i < chars.len() {
        if !NUMERAL.contains(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && NUMERAL.contains(chars[i]) {
            i += 1;
        }
        // 一月 is January, but a lone 一 opening a word (一些, 一月份的) needs its 月 or 日.
        if !matches!(chars.get(i), Some('月' | '日' | '号')) || i - start > 3 {
            return false;
        }
        runs += 1;
    }
    runs > 0
}

/// A day written in Chinese numerals (十二月二十二日, 二十二日): no figure of a measure with units.
pub(super) fn numeral_date(answer: &str) -> bool {
    let chars: Vec<char> = answer.chars().collect();
    chars
        .windows(2)
        .any(|w| "一二三四五六七八九十".contains(w[0]) && w[1] == '日')
}

/// Nouns for places a count may count (22个州, 三个省): no count of people.
const PLACES_COUNTED: &[&str] = &[
    "州", "省", "市", "县", "国", "区", "镇", "乡", "村", "城市", "国家", "地区",
];

/// Whether an answer counts places: the noun after its figure and measure word is one
/// (来自美国22个州 answers how many states, not 多少名团员).
pub(super) fn counts_places(answer: &str) -> bool {
    let Some(figure) = super::extract::amounts(answer).pop() else {
        return false;
    };
    let rest = answer[figure.end..].trim_start_matches(['个', '座']);
    PLACES_COUNTED.iter().any(|p| rest.starts_with(p))
}

/// Whether a question counts people by a noun for them right after 多少 or 几 (多少股民, 几名
/// 学生, 多少下岗职工): a sum of money answers no such count. 人均 is per head, not people.
pub(super) fn asks_people(norm: &str) -> bool {
    ["多少", "几"].iter().any(|cue| {
        norm.match_indices(cue).any(|(at, _)| {
            let rest: String = norm[at + cue.len()..]
                .chars()
                .take_while(|c| crate::text::is_cjk(*c))
                .take(4)
                .collect();
            !rest.contains("人均")
                && !rest.starts_with("钱")
                && (PEOPLE_NOUNS.iter().any(|n| rest.contains(n))
                    || rest
                        .chars()
                        .enumerate()
                        .any(|(i, c)| i > 0 && "民员者工客".contains(c) || (c == '人' && i <= 1)))
        })
    })
}

/// People a question counts whose word ends in none of 民员者工客人 (多少干部, 几名代表). Not
/// those named by their age (儿童, 老人): a count of them is written beside the age that
/// bounds them (四十万十五岁以下的儿童).
const PEOPLE_NOUNS: &[&str] = &[
    "干部", "代表", "学生", "群众", "官兵", "战士", "选手", "妇女", "教师", "医生", "华侨", "侨胞",
];

/// Whether a question asks how long something lasted or how old someone is ([`TIME_ASKED`]):
/// not 多少日本 (how many Japanese) nor 多少日元 (how many yen).
pub(super) fn asks_time(norm: &str) -> bool {
    TIME_ASKED.iter().any(|w| {
        norm.match_indices(w).any(|(at, _)| {
            !(w.ends_with('日') && norm[at + w.len()..].starts_with(['本', '元', '语', '报']))
        })
    })
}

/// Words of a question that asks how long something lasted or how old someone is, which a
/// duration answers.
pub(super) const TIME_ASKED: &[&str] = &[
    "多久",
    "多长时间",
    "时间",
    "几年",
    "多少年",
    "几十年",
    "几天",
    "多少天",
    "几个月",
    "多少个月",
    "几周",
    "多少周",
    "几小时",
    "多少小时",
    "几个小时",
    "多少个小时",
    "几分钟",
    "多少分钟",
    "几秒",
    "多少秒",
    "年限",
    "工期",
    "历时",
    "期限",
    "寿命",
    "任期",
    "周期",
    "几岁",
    "多少岁",
    "年纪",
    "年龄",
    "多少代",
    "几日",
    "多少日",
    "成绩",
];

/// Whether a question asks a score (比分, 几比几), which two figures set against each other
/// answer (3比0, 2∶1) and no count does: 192支 (the teams taking part) is no final's score.
pub(super) fn asks_score(norm: &str) -> bool {
    ["比分", "几比几"].iter().any(|w| norm.contains(w))
}

/// Whether a text sets two figures against each other (2比1, 3∶0).
pub(super) fn is_score(text: &str) -> bool {
    let number =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || super::fit::NUMERALS.contains(c));
    text.char_indices().any(|(i, c)| {
        matches!(c, '比' | ':' | '∶')
            && number(text[..i].chars().next_back())
            && number(text[i + c.len_utf8()..].chars().next())
    })
}

/// Whether an answer is a duration: a figure that ends in a unit of time (十一年, 3个月, 40天,
/// 近几年来; not a year, 1997年, a date, a speed per hour or a distance in light years).
pub(super) fn is_duration(answer: &str) -> bool {
    let answer = answer.trim_end_matches(['多', '余', '左', '右', '来', '以', '间']);
    // The unit stands right after the figure (3年, 十多年, 两个星期), not after a word that
    // only ends in it (800多名青年).
    let counted = |stem: &str| {
        stem.trim_end_matches(['多', '余', '个'])
            .chars()
            .next_back()
            .is_some_and(|c| c.is_numeric() || super::fit::NUMERALS.contains(c))
    };
    ["年", "个月", "天", "周", "星期", "小时", "分钟", "秒"]
        .iter()
        .any(|u| answer.strip_suffix(u).is_some_and(counted))
        && !answer.contains('/')
        && !answer.ends_with("光年")
        && !super::fit::only_years(answer)
        && !super::fit::is_date(answer)
}

/// Events that a count of people may be of and that are not each other (the lexicon's
/// classes): the dead are not the injured.
const OPPOSED_EVENTS: &[(&str, &str)] = &[("die", "hurt")];

/// What a figure's clause (normalized) says of the event the question asks through an
/// [`OPPOSED_EVENTS`] class: `Some(true)` where it says that event (近2.65万名…士兵死亡 for
/// 死了多少人), `Some(false)` where it says only the other (约2.1万人受伤), `None` where the
/// question asks neither or the clause says neither.
pub(super) fn says_asked_event(norm: &str, clause: &str) -> Option<bool> {
    let lexicon = paraphrase::lexicon();
    let asked = lexicon.asked(norm);
    let says = |name: &str| {
        lexicon
            .classes()
            .iter()
            .find(|c| c.name == name)
            .is_some_and(|c| {
                c.say
                    .iter()
                    .chain(&c.ask)
                    .any(|w| clause.contains(w.as_str()))
            })
    };
    OPPOSED_EVENTS.iter().find_map(|&(a, b)| {
        let (own, other) = if asked.iter().any(|x| x.class.name == a) {
            (a, b)
        } else if asked.iter().any(|x| x.class.name == b) {
            (b, a)
        } else {
            return None;
        };
        if says(own) {
            Some(true)
        } else if says(other) {
            Some(false)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::says_asked_event;
    #[test]
    fn a_clause_says_the_dead_or_the_injured() {
        let q = "1997年埃及死了多少人";
        assert_eq!(says_asked_event(q, "约1.2万人受伤"), Some(false));
        assert_eq!(
            says_asked_event(q, "共有近1.35万名平民和警察死亡"),
            Some(true)
        );
        assert_eq!(says_asked_event(q, "共发生1.2万起"), None);
        assert_eq!(
            says_asked_event("1997年埃及伤了多少人", "约1.2万人受伤"),
            Some(true)
        );
        assert_eq!(
            says_asked_event("1997年埃及赚了多少", "约1.2万人受伤"),
            None
        );
    }
}
