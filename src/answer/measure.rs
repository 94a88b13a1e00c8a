//! Whether an answer's figure measures what the question asks: a question for a length, an
//! area or a sum of money (the measure classes of the paraphrase lexicon) is not answered with
//! a figure in another class's unit or with a date.
//!
//! The reader prefers spans in a fitting unit but, over a paragraph that gives none, still
//! picks its best figure: `门票多少钱` answered `6000多平方米` (the site's area), `铁路有多长`
//! answered `12月31日` (its opening day). A figure of the wrong kind is another fact, and a
//! user cannot tell it from the answer; not found is the honest reply.

use std::ops::Range;

use crate::text::{normalize, paraphrase};

use super::fit::{is_figure, is_rank, ASK_NO_FIGURE};
use super::look_alikes::{
    asks_goods_made, asks_people, asks_score, asks_time, counts_places, is_duration, is_score,
    numeral_date, only_days, only_lone_yi, only_numeral_dates, repeats_the_question,
};
pub(super) use super::measure_words::with_measure_word;
use super::measure_words::{asked_classifier, counts_alike, measure_word, word_after_figure};
use super::question::{AnswerKind, Question};
use super::reader;

/// Words of a question that asks for a share, a rate or a change, which a percentage answers.
const SHARE_WORDS: &[&str] = &[
    "率",
    "比",
    "占",
    "百分",
    "成",
    "增",
    "涨",
    "降",
    "减",
    "幅",
    "速",
    "提高",
    "上升",
    "回落",
    "下滑",
    "份额",
    "倍",
    "少了",
    "多了",
    "多少的",
    "程度",
];

/// Whether a figure is a percentage, in digits or in words (58.7%, 百分之五十八点七).
fn is_percentage(t: &str) -> bool {
    t.contains('%') || t.contains("百分之")
}

/// Words that ask a share of people (占多少, 比例, 有多少的), which a percentage answers.
const PEOPLE_SHARE: &[&str] = &["率", "比", "占", "百分", "成", "份额", "多少的"];

/// Words that ask a sum of money outright, which no percentage answers.
const MONEY_ASKED: &[&str] = &["多少钱", "多少元", "多少美元", "值多少"];

/// True when `answer` (as shown) gives a figure of another kind than the question asks for:
/// a percentage where the question asks no share, rate or change (`手机用户有多少` answered
/// `90%`); for a question through a measure class with units, a figure in a unit of another
/// class, or a date.
pub(super) fn wrong_measure(q: &Question, answer: &str) -> bool {
    if q.kind != AnswerKind::Amount {
        return false;
    }
    let answer = normalize(answer);
    let norm = q.normalized.as_str();
    if ASK_NO_FIGURE.iter().any(|w| norm.contains(w)) {
        return false;
    }
    // How much is answered with a figure, 第几 with a rank: 十分活跃 for 贸易额多少 read a
    // passage that gives none.
    // 几大 asks how many a set holds (三大油田).
    let rank = (norm.contains("第几") && is_rank(&answer)) || norm.contains("几大");
    if !rank
        && (!is_figure(&answer)
            || super::fit::numerals_only_in_names(&answer)
            || (super::fit::only_rank(&answer) && !super::fit::asks_rank(norm))
            || (super::fit::only_years(&answer) && !super::fit::asks_years(norm)))
    {
        return true;
    }
    // A duration (历时十一年, 3年) answers how long, not how much or how many; a day (the
    // dateline's 1月3日电) answers neither.
    if (is_duration(&answer) || only_days(&answer) || only_numeral_dates(&answer))
        && !asks_time(norm)
    {
        return true;
    }
    // A figure counted in the very measure word the question writes (多少倍, 几次) fits,
    // whatever class the question's other words ask through.
    let counted_as_asked = measure_word(&answer).is_some_and(|a| {
        ["多少", "几"].iter().any(|cue| {
            norm.match_indices(cue)
                .any(|(i, _)| norm[i + cue.len()..].starts_with(a))
        })
    });
    if counted_as_asked && !in_points(&answer) {
        return false;
    }
    // 多少箱 is counted in 箱: a figure in a unit the lexicon knows that is not that one (193.5亿元)
    // measures something else.
    if let Some(c) = asked_classifier(norm) {
        // 多少架飞机 is not answered by 12个 (countries): a figure counted in a measure word
        // that counts other things.
        match measure_word(&answer) {
            Some(a) if !counts_alike(c, a) => return true,
            Some(_) => {}
            None => {
                if !answer.contains(c) && paraphrase::lexicon().unit_in(&answer).is_some() {
                    return true;
                }
            }
        }
    }
    // A rate is answered with a share: 1.8万亿元 for 增速掉到多少 is the amount the rate is of.
    let share = |a: &str| {
        ["%", "‰", "百分", "分之", "∶", ":", "/", "成", "倍", "番"]
            .iter()
            .any(|w| a.contains(w))
    };
    if super::asks::a_rate(norm) && !share(&answer) || asks_score(norm) && !is_score(&answer) {
        return true;
    }
    // 产了多少木材 asks how much was made, not what it was worth: 1929亿元 is an output value.
    // In digits or in Chinese numerals (十三点七亿元).
    let in_money = |a: &str| {
        paraphrase::lexicon()
            .figure_unit(a)
            .is_some_and(paraphrase::is_money_unit)
    };
    if (asks_goods_made(norm) || asks_people(norm)) && in_money(&answer) {
        return true;
    }
    // Nor do companies, things or places (125家 for 多少股民, 22个州 for 多少名团员); people
    // are counted in 人, 名, 位, 户, 个, 口 or 人次.
    if asks_people(norm)
        && (counts_places(&answer)
            || measure_word(&answer)
                .is_some_and(|c| super::fit::is_classifier(c) && !"人名位户个口次%".contains(c)))
    {
        return true;
    }
    // A count of people in a measure word of people (213位 for 多少干部) answers it, whatever
    // class the question's other words (交学费) ask through.
    if asks_people(norm) && measure_word(&answer).is_some_and(|c| "人名位口".contains(c)) {
        return false;
    }
    // Index points (回升168点) measure a stock index, which only a question about one asks.
    if in_points(&answer) && !INDEX_ASKED.iter().any(|w| norm.contains(w)) {
        return true;
    }
    if is_percentage(&answer) {
        // 多少钱 asks a sum, never a share (削减工资的20% for 减薪能省多少钱).
        if MONEY_ASKED.iter().any(|w| norm.contains(w)) {
            return true;
        }
        // 多了多少股民 counts people: a share answers it only where a word of a share asks one.
        if asks_people(norm) && !PEOPLE_SHARE.iter().any(|w| norm.contains(w)) {
            return true;
        }
        // A share is what a percentage measures, however the question puts it (营收比有多高).
        return !SHARE_WORDS.iter().any(|w| q.normalized.contains(w));
    }
    // Nor is a sum counted in a measure word of things (八段, 3个): it counts something else.
    if MONEY_ASKED.iter().any(|w| norm.contains(w))
        && word_after_figure(&answer).is_some_and(crate::text::is_cjk)
        && !in_money(&answer)
    {
        return true;
    }
    // A figure the question itself writes (110千伏 of 110千伏输电线路投资了多少) is what it
    // asks about, not the amount it asks for.
    if repeats_the_question(norm, &answer) {
        return true;
    }
    // Where no time is asked (花了多少时间 asks one), a sum of money is not answered in minutes
    // (15分), and a lone 一 (一家主要经营证券业务的投资银行, 一条) is "a", no figure, unless
    // counted in an asked unit (一个月 for 多久) or measure word (handled above).
    let asked = paraphrase::units_of(&q.normalized);
    let time_asked = asks_time(norm);
    if !rank && !time_asked && only_lone_yi(&answer) && !asked.iter().any(|u| answer.contains(u)) {
        return true;
    }
    // 多少公里 is answered in a unit: 三路进行 counts something else. Not a unit of one
    // character, which a count may share (三天三夜 for 几天几夜, 首六位 for 多少名).
    // Nor is 多少美元 answered in another measure's unit (4年内).
    if let Some(unit) = written_unit(norm).filter(|u| u.chars().count() >= 2) {
        match paraphrase::lexicon().figure_unit(&answer) {
            None if word_after_figure(&answer)
                .is_some_and(|c| crate::text::is_cjk(c) && !unit.contains(c)) =>
            {
                return true
            }
            Some(u) if paraphrase::is_money_unit(unit) && !paraphrase::is_money_unit(u) => {
                return true
            }
            _ => {}
        }
    }
    if asked.is_empty() {
        return false;
    }
    // 多少日元 asks a sum in yen: 20万元 is one in yuan.
    let currency = |u: &str| paraphrase::is_money_unit(u);
    let unit = paraphrase::lexicon().figure_unit(&answer);
    if let (Some(written), Some(unit)) = (written_unit(norm), unit) {
        if written != "元" && currency(written) && currency(unit) && !unit.ends_with(written) {
            return true;
        }
    }
    let money = !time_asked && asked.iter().all(|u| paraphrase::is_money_unit(u));
    // In digits or in Chinese numerals (二百二十五点九公里 for 花了多少钱).
    match paraphrase::lexicon().figure_unit(&answer) {
        Some(unit) => !asked.contains(&unit),
        // A count in a measure word no asked unit ends with (24个 for 赚了多少) counts
        // something else.
        None => {
            super::fit::is_date(&answer)
                || numeral_date(&answer)
                || measure_word(&answer).is_some_and(|c| {
                    // Not a time unit: a duration answers 花了多少时间 however the lexicon
                    // writes its units.
                    super::fit::is_classifier(c)
                        && c != '%'
                        // 15分 is minutes or points, not a sum of money.
                        && (money || !super::fit::TIME_UNITS.contains(c))
                        && !asked.iter().any(|u| u.ends_with(c))
                })
        }
    }
}

/// Whether a span states a figure with its unit or measure word that is no duration or date
/// (1200万户, 34架, not 一年 or 从1995年).
fn counted(t: &str) -> bool {
    let timed = t
        .chars()
        .last()
        .is_some_and(|c| super::fit::TIME_UNITS.contains(c));
    is_figure(t)
        && !timed
        && !super::fit::is_date(t)
        && (paraphrase::lexicon().figure_unit(t).is_some()
            || measure_word(t).is_some()
            || t.contains("百分之"))
}

/// The unit a question writes right after 多少 or 几 (多少日元): what it counts in.
fn written_unit(norm: &str) -> Option<&'static str> {
    ["多少", "几"].iter().find_map(|cue| {
        let at = norm.find(cue)? + cue.len();
        paraphrase::lexicon().unit_at_start(&norm[at..])
    })
}

/// Whether a span is a figure of the measure the question asks, one that can take the place of
/// a span the final check ([`wrong_measure`]) refuses. Where the question asks a measure with
/// units, only a figure in one of them fits (一集 counts episodes, not the 多少钱 asked); where
/// it asks none, a figure in such a unit measures something else (2.55亿美元 for 多少间分行),
/// and a count or share fits. A unit the question writes right after 多少 (多少日元) is what
/// it counts in. A bare number is no such figure: it is what a paragraph without the asked
/// measure offers (1700 for 有多长).
pub(super) fn fits_asked(q: &Question, t: &str) -> bool {
    let lexicon = paraphrase::lexicon();
    let asked = paraphrase::units_of(&q.normalized);
    let written = written_unit(&q.normalized);
    // In Arabic or Chinese numerals (两百米 is in metres).
    let unit = lexicon.figure_unit(t);
    counted(t)
        && !wrong_measure(q, t)
        && match written {
            _ if !asked.is_empty() => unit.is_some_and(|u| asked.contains(&u)),
            Some(written) => unit == Some(written),
            // A percentage passes the check only where a share is asked.
            None => unit.is_none() || is_percentage(t),
        }
}

/// Chooses among the reader's spans by the measure the question asks, as the final check
/// ([`wrong_measure`]) judges the answer.
///
/// - When the reader's best span is of the wrong measure (which would be refused), the spans
///   that fit ([`fits_asked`]) take its place: `手机用户有多少` is answered with 1200万户
///   rather than refused over 90%.
/// - When the question asks a measure class with units and a span gives one of them, spans
///   counted in another unit are dropped: 捐款 is money, so 捐款２７笔 (how many gifts) is no
///   reading of it beside 资金１４８８万元, however the reader scores it (by 3 log-odds in
///   `tests/figures.rs`). Bare numbers stay (捐了60万).
pub(super) fn prefer_asked_measure<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount {
        return;
    }
    let text = |s: &reader::Span| &sentence(s)[s.range.clone()];
    let lexicon = paraphrase::lexicon();
    let asked = paraphrase::units_of(&q.normalized);
    let in_asked = |t: &str| lexicon.figure_unit(t).is_some_and(|u| asked.contains(&u));
    // A bare figure is judged with the unit its sentence writes after it, as the final check
    // judges it (600多 of 600多册 for 跑了多少公里).
    let written = |s: &reader::Span| super::amount_span::written_at(sentence(s), &s.range);
    let fits = |s: &reader::Span| {
        fits_asked(q, &written(s)) || goods_named_before(q, sentence(s), &s.range)
    };
    let best = spans.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    if best.is_some_and(|(s, _)| wrong_measure(q, &written(s)))
        && spans.iter().any(|(s, _)| fits(s))
    {
        spans.retain(|(s, _)| fits(s));
    }
    // A share stays where the question's words ask one (产值的百分比).
    let share_asked = SHARE_WORDS.iter().any(|w| q.normalized.contains(w));
    if !asked.is_empty() && spans.iter().any(|(s, _)| in_asked(text(s))) {
        spans.retain(|(s, _)| {
            let t = text(s);
            in_asked(t) || !counted(t) || (share_asked && t.contains('%'))
        });
    }
}

/// Whether a span is a figure of goods in a unit of mass or volume right after the goods the
/// question names, in its own clause (木材产量5859万立方米 for 产了多少木材): what a question
/// about goods made asks, though it writes no unit. Beside it, 松香产量为49万吨 measures other
/// goods, and 1929亿元 their worth.
fn goods_named_before(q: &Question, sentence: &str, range: &Range<usize>) -> bool {
    let t = &sentence[range.clone()];
    if !asks_goods_made(&q.normalized) || !counted(t) || wrong_measure(q, t) {
        return false;
    }
    let lexicon = paraphrase::lexicon();
    if lexicon.figure_unit(t).is_none_or(paraphrase::is_money_unit) {
        return false;
    }
    let clause = sentence[..range.start]
        .rsplit(['，', '；', '。', '、', ',', ';', '：'])
        .next()
        .unwrap_or_default();
    q.terms.iter().any(|w| {
        w.chars().count() >= 2 && clause.contains(w.as_str()) && lexicon.asked(w).is_empty()
    })
}

/// Whether a span is a figure counted as the question asks: in the measure word it writes
/// after 多少 or 几 (34架 for 多少架飞机), or in a unit of the measure class it asks through
/// (3·3万多公里 for 有多长). The reader's linear stage may rank such a span below a
/// sentence's other figures; it is kept for the forest and the checks here.
pub(super) fn counted_as_asked(q: &Question, span: &str) -> bool {
    if q.kind != AnswerKind::Amount || !is_figure(span) || wrong_measure(q, span) {
        return false;
    }
    let norm = q.normalized.as_str();
    match asked_classifier(norm) {
        Some(c) => measure_word(span).is_some_and(|a| counts_alike(c, a)),
        None => {
            let asked = paraphrase::units_of(norm);
            paraphrase::lexicon()
                .unit_in(span)
                .is_some_and(|u| asked.contains(&u))
        }
    }
}

/// Words of a question that asks about a stock index, which points measure.
const INDEX_ASKED: &[&str] = &["指数", "股", "点", "综指", "大盘"];

/// Whether an answer is counted in index points (168点, not 2个百分点).
fn in_points(answer: &str) -> bool {
    answer.strip_suffix('点').is_some_and(|rest| {
        !rest.ends_with("百分")
            && rest
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || super::fit::NUMERALS.contains(c))
    })
}

#[cfg(test)]
#[path = "measure_tests.rs"]
mod tests;
