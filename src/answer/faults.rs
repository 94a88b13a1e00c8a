//! What a figure's own words say against it, judged on every span read before one is chosen.
//!
//! The final check refuses an answer whose shown words name another measure than the question's
//! (总收入 for 财政花了多少钱) or whose clause makes it per head where the question asks a total
//! (or the reverse). Judged only on the reader's best span, that refused questions whose answer
//! the same passages give a few spans lower (财政支出为225.03亿元 after 总收入达250.8亿元; the
//! 人均居住面积 after the 竣工面积 total). Judging every span first lets a span whose own
//! clause vouches for it take the faulty one's place; where none does, the refusal stands.

use std::ops::Range;

use crate::text::aliases::Aliases;
use crate::text::{normalize, paraphrase};

use super::extract;
use super::fit;
use super::question::{AnswerKind, Question};
use super::reader;
use super::respectively;

/// Whether the answer (its figure `core` as shown in `display`, in its `sentence`) is refused
/// for what its own words say: the words shown in front of the amount name another measure of
/// the alias file than the question's (its own words, or the article wordings of its phrasing:
/// 花了多少钱 asks for 支出, so a figure said of 收入 answers another question), or its clause
/// does ([`Verdict`]): a range shown without its predicate (156亿至216亿美元) is still the
/// 贸易逆差 its clause names.
pub(super) fn refuses_answer(
    q: &Question,
    aliases: &Aliases,
    display: &str,
    sentence: &str,
    core: &str,
) -> bool {
    let asked = asked_words(q);
    if aliases.names_another_measure(&asked, &said_before(display, core)) {
        return true;
    }
    let sentence = normalize(sentence);
    let core = normalize(core);
    sentence.find(core.as_str()).is_some_and(|at| {
        let v = verdict(q, &asked, aliases, &sentence, at..at + core.len());
        v.faulted || v.rate
    })
}

/// The question's measure words with the article wordings of its phrasing (花了多少钱 asks for
/// 支出): what a figure's words are held against.
fn asked_words(q: &Question) -> String {
    let mut asked = q.normalized.clone();
    for a in paraphrase::lexicon().asked(&q.normalized) {
        for w in &a.class.say {
            asked.push(' ');
            asked.push_str(w);
        }
    }
    asked
}

/// The words said before the figure `core` in `display` (normalized): in front of the amount,
/// or inside a span the reader read with its predicate (总收入达250.8亿元).
fn said_before(display: &str, core: &str) -> String {
    let display = normalize(display);
    let core = normalize(core);
    let at = display
        .find(core.as_str())
        .filter(|&i| i > 0)
        .or_else(|| extract::amounts(&display).last().map(|r| r.start))
        .unwrap_or(0);
    display[..at].to_string()
}

/// What a span's own words say of it: whether the final check would refuse it (its clause
/// names another measure than the question's, or it is per head where a total is asked, or
/// the reverse), and whether they vouch for it (its clause names the question's measure, or it
/// is per head as asked).
struct Verdict {
    faulted: bool,
    vouched: bool,
    /// A rate over time (平均每天有26.4人, 每过55分钟就有1人) where the question asks none:
    /// the same count's total, if the passages give it, is another span.
    rate: bool,
}

/// Judges the figure a span reads (`range` of the normalized `sentence`). The clause is judged,
/// not the words shown: the reader may read 达250.8亿元 out of 财政总收入达250.8亿元.
/// `asked` is the question's [`asked_words`].
fn verdict(
    q: &Question,
    asked: &str,
    aliases: &Aliases,
    sentence: &str,
    range: Range<usize>,
) -> Verdict {
    if sentence.get(range.clone()).is_none() {
        return Verdict {
            faulted: false,
            vouched: false,
            rate: false,
        };
    }
    // The figure is the span's last amount (23万元和2800元 reads 2800元's clause).
    let at = extract::figure_at(sentence, &range);
    // Clauses end at commas and at the enumeration comma (营收下滑近两成、巨亏60亿: the loss
    // is not the revenue).
    let clause = sentence[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '、'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let figure = &sentence[at..range.end];
    let said = said_before(&sentence[clause..range.end], figure);
    let head_mismatch = per_head_mismatch(q, sentence, figure);
    // The clause on both sides of the figure: the dead or the injured are said after it.
    let clause_end = sentence[range.end..]
        .find([',', ';', ':', '、', '。'])
        .map_or(sentence.len(), |i| range.end + i);
    let event = super::look_alikes::says_asked_event(&q.normalized, &sentence[clause..clause_end]);
    Verdict {
        faulted: aliases.names_another_measure(asked, &said)
            || head_mismatch
            || event == Some(false),
        vouched: aliases.names_asked_measure(asked, &said)
            || (per_head(&q.normalized) && !head_mismatch)
            || event == Some(true),
        rate: per_time(&sentence[clause..at]) && !asks_per_time(&q.normalized),
    }
}

/// Whether the figure a span reads would be refused for what its own words say.
#[cfg(test)]
fn faulted(q: &Question, aliases: &Aliases, sentence: &str, range: Range<usize>) -> bool {
    verdict(q, &asked_words(q), aliases, sentence, range).faulted
}

/// Drops the spans whose own words the final check refuses ([`Verdict`]), and their bare
/// numbers, when another span may take their place: any span without the fault where the
/// reader's best has none, and where its best has one, only a span its own words vouch for
/// (财政支出为225.03亿元 for 花了多少钱). A span that merely lacks the fault is no answer
/// there: the next figure of a paragraph about something else (已减少3000万美元 beside a
/// debt, for 吸引了多少外资) would replace a refusal with a wrong answer. `text` gives a span's
/// sentence (normalized).
pub(super) fn prefer_unfaulted<'a>(
    q: &Question,
    aliases: &Aliases,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount {
        return;
    }
    let asked = asked_words(q);
    let verdicts: Vec<Verdict> = spans
        .iter()
        .map(|(s, _)| verdict(q, &asked, aliases, text(s), s.range.clone()))
        .collect();
    // The number of a faulted figure (250.8 of 250.8亿元) is the same figure. A long span's
    // earlier figures are not (67口 of 67口,人均打井1.5口,人均创产值达100万元, whose last
    // figure is per head): only a span reaching into the faulted figure itself is.
    let bad: Vec<(&reader::Span, usize)> = spans
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.faulted || v.rate)
        .map(|((s, _), _)| (s, extract::figure_at(text(s), &s.range)))
        .collect();
    if bad.is_empty() {
        return;
    }
    let part_of_bad = |s: &reader::Span| {
        bad.iter().any(|&(b, figure)| {
            b.passage == s.passage
                && b.sentence == s.sentence
                && b.range.start <= s.range.start
                && s.range.end <= b.range.end
                && s.range.end > figure
        })
    };
    // A rate is not a fault of what is measured: any other figure of the passages read may
    // stand in for it (9640人死于交通事故 for 平均每天有26.4人).
    let best_faulted = spans
        .iter()
        .zip(&verdicts)
        .max_by(|a, b| a.0 .1.total_cmp(&b.0 .1))
        .is_some_and(|(_, v)| v.faulted);
    let keep: Vec<bool> = spans
        .iter()
        .zip(&verdicts)
        .map(|((s, _), v)| !part_of_bad(s) && (v.vouched || !best_faulted))
        .collect();
    if !keep.iter().any(|&k| k) {
        return;
    }
    let mut keep = keep.into_iter();
    spans.retain(|_| keep.next().unwrap_or(true));
}

/// The year a span's figure belongs to, as the final check reads it: its place in a
/// "respectively" list, else the year governing it in its sentence; [`OVER_YEARS`] for a
/// figure counted over several years where the question asks for one year's.
pub(super) fn span_year(
    q: &Question,
    sentence: &extract::Sentence<'_>,
    range: &Range<usize>,
) -> Option<String> {
    let span = extract::Candidate {
        core: range.clone(),
        display: range.clone(),
    };
    extract::respectively_year(&sentence.norm.text, &span).or_else(|| {
        if !super::question_time::asks_over_years(q)
            && extract::counted_over_years(sentence, range.start)
        {
            Some(OVER_YEARS.to_string())
        } else {
            let year = extract::governing_year(sentence, range.end)?;
            Some(listed_with(q, &sentence.norm.text[..range.start], &year).unwrap_or(year))
        }
    })
}

/// The asked year listed with the governing one before a figure they share (1993年、1997年也都
/// 只有一项一等奖 is 1993's as much as 1997's).
fn listed_with(q: &Question, before: &str, year: &str) -> Option<String> {
    q.years
        .iter()
        .find(|asked| {
            ["、", "和", "与", "及", "以及"].iter().any(|and| {
                ["年", ""]
                    .iter()
                    .any(|unit| before.contains(&format!("{asked}{unit}{and}{year}年")))
            })
        })
        .cloned()
}

/// What [`span_year`] gives a figure counted over several years: no asked year matches it.
pub const OVER_YEARS: &str = "over years";

/// Drops, for a how-much question with a year, the spans whose figure belongs to another year
/// ([`span_year`]) when a span of the asked year or of none remains: the final check refuses
/// another year's figure, so the reader's best (前年的20次 scored above 去年…16次) would
/// turn an answer the passages give into a refusal. `sentence` gives a span's sentence.
///
/// For a when-question with a year, a date of that year (去年11月30日 in a 1998 report, for
/// 1997年几月几号) is kept over one the sentence gives no year (1月10日, the report's own
/// month).
pub(super) fn prefer_asked_year<'a, 'b: 'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    sentence: impl Fn(&reader::Span) -> &'a extract::Sentence<'b>,
) {
    if q.years.is_empty() {
        return;
    }
    // Only where a day or a month is asked: for 哪一年 the question's years are the context
    // (1974年和哪一年), not the answer's.
    let asks_day = super::which::asks_day(&q.normalized)
        || ["几月", "哪个月", "哪一个月"]
            .iter()
            .any(|w| q.normalized.contains(w));
    if q.kind == AnswerKind::Date && asks_day {
        let dated = |s: &reader::Span| {
            span_year(q, sentence(s), &s.range).is_some_and(|y| q.years.contains(&y))
        };
        if spans.iter().any(|(s, _)| dated(s)) {
            spans.retain(|(s, _)| dated(s));
        }
        return;
    }
    if q.kind != AnswerKind::Amount {
        return;
    }
    let asked =
        |s: &reader::Span| span_year(q, sentence(s), &s.range).is_none_or(|y| q.years.contains(&y));
    if spans.iter().any(|(s, _)| asked(s)) {
        spans.retain(|(s, _)| asked(s));
    }
}

/// Words that make a figure a rate over time. 每年 and 年均 are not among them: a year's
/// figure is what most questions ask.
const PER_TIME: &[&str] = &[
    "每天",
    "每日",
    "每小时",
    "每分钟",
    "每秒",
    "每周",
    "每星期",
    "每月",
    "每过",
    "日均",
    "月均",
    "平均每",
];

/// Words of a question that ask a rate over time (一天多少, 日均).
const ASKS_PER_TIME: &[&str] = &[
    "每",
    "一天",
    "一日",
    "一小时",
    "一分钟",
    "一秒",
    "一周",
    "一星期",
    "一个月",
    "日均",
    "月均",
    "平均",
];

/// Whether a clause (normalized) makes its figure a rate over time.
fn per_time(clause: &str) -> bool {
    PER_TIME.iter().any(|w| clause.contains(w))
}

/// Whether a question (normalized) asks a rate over time.
fn asks_per_time(q: &str) -> bool {
    ASKS_PER_TIME.iter().any(|w| q.contains(w))
}

/// Words that make a figure one per head.
const PER_HEAD: &[&str] = &["人均", "每人", "每个人", "人平"];

/// Whether a text (normalized) says per head.
fn per_head(t: &str) -> bool {
    PER_HEAD.iter().any(|w| t.contains(w))
}

/// True when the question asks a per-head figure (人均收入) and the answer's sentence gives none
/// before it, or asks none and the figure's clause gives one: 华西村人均收入 answered with the village's total, or a
/// county's revenue with its farmers' 人均纯收入 1750元. `sentence` is the answer's sentence and
/// `core` the figure in it.
fn per_head_mismatch(q: &Question, sentence: &str, core: &str) -> bool {
    if q.kind != AnswerKind::Amount {
        return false;
    }
    let sentence = normalize(sentence);
    let core = normalize(core);
    let Some(at) = sentence.find(core.as_str()) else {
        return false;
    };
    let before = &sentence[..at];
    // A figure of a list is per head by its own name (村集体年均 and 农民人均纯收入 give a total
    // and a per-head figure); the last name's head may be shared by all (城镇居民和农民人均收入).
    if let Some((own, last)) = respectively::own_name(&sentence, at) {
        return if per_head(&q.normalized) {
            !per_head(own) && !per_head(last)
        } else {
            per_head(own)
        };
    }
    if per_head(&q.normalized) {
        // The figure of a per-head series can stand clauses after its 人均 (农民人均纯收入
        // 1996年为1500元，1997年达到1750元).
        !per_head(before)
    } else {
        // Only the figure's own clause makes it one per head: a sentence may give the total
        // after a per-head figure. A clause that only dates the figure (，1997年达到1750元)
        // goes on the series of the clause before it, whose subject it shares.
        let mut clauses = before.rsplit([',', ';', ':']);
        let own = clauses.next().unwrap_or("");
        per_head(own) || (only_dates(own) && per_head(clauses.next().unwrap_or("")))
    }
}

/// Whether a clause before a figure says nothing but when (1997年达到, 去年底为): it
/// continues a series whose subject the clause before it names.
fn only_dates(clause: &str) -> bool {
    let rest = SERIES_VERBS
        .iter()
        .fold(clause.to_string(), |c, v| c.replace(v, ""));
    rest.contains('年')
        && rest.chars().all(|c| {
            c.is_ascii_digit() || fit::NUMERALS.contains(c) || "年底末初去今前的".contains(c)
        })
}

/// Verbs that take a series' next figure (1996年为1508元，1997年达到1750元).
const SERIES_VERBS: &[&str] = &[
    "提高到",
    "增加到",
    "增长到",
    "上升到",
    "达到",
    "达",
    "为",
    "是",
    "到",
];

#[cfg(test)]
#[path = "faults_tests.rs"]
mod tests;
