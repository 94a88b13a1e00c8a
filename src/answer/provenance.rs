//! Whether the cited passages disagree about the figure the answer gives, so that front ends can
//! say which source and date the answer comes from (「答：巨虧60億（據 問津示例財經 · 2023-03-28）」).
//!
//! The rule, general and conservative: the answer is a figure (`60億`, `38.1億元`, `50%`); another
//! article's cited passage has a sentence that names everything the question matched in the
//! answer's own sentence (the highlighted entity, year, words), and in it figures of the same
//! kind (same unit, or both scaled by 萬/億) that measure the same thing (the words just before
//! the figure share a character with the answer's predicate or the question's, 亏损约60.9亿 for
//! 巨虧60億) and none of which is the answer's value. Agreeing copies, figures of another kind
//! or measure (净亏损8.69亿 beside 收入5.26亿), and sentences about something else say nothing.

use std::collections::BTreeSet;

use super::extract::amounts;
use super::types::{Citation, Response};
use crate::text::normalize;

/// One figure: its value (scaled by 十/百/千/萬/億) and what it counts (`元`, `美元`, `%`, or
/// nothing).
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    value: f64,
    scaled: bool,
    unit: String,
}

impl Figure {
    /// Figures that can be compared: the same unit, or one without a unit and both scaled
    /// (`60億` and `60.9億元`) or both plain.
    fn comparable(&self, other: &Figure) -> bool {
        self.unit == other.unit
            || ((self.unit.is_empty() || other.unit.is_empty())
                && self.scaled == other.scaled
                && self.unit != "%"
                && other.unit != "%")
    }

    fn same_value(&self, other: &Figure) -> bool {
        (self.value - other.value).abs() <= 1e-9 * self.value.abs().max(other.value.abs())
    }
}

/// Characters of a question or predicate that say nothing about what a figure measures.
const NOT_A_MEASURE: &str =
    "多少几何什么哪吗呢是的了年月日在有为约达到超过逾近共合计仅至余左右大概";
/// Characters before a figure read as what it measures (within its clause).
const CONTEXT_CHARS: usize = 6;

/// The figures written in Arabic digits in `norm` (normalized text).
fn figures(norm: &str) -> Vec<Figure> {
    figures_in_context(norm)
        .into_iter()
        .map(|f| f.figure)
        .collect()
}

/// Where a clause ends: what a figure's own context does not reach across.
fn is_clause_break(c: char) -> bool {
    crate::corpus::punct::QUOTE_ENDS.contains(&c) || "，,；;、：:".contains(c)
}

/// A figure with the characters just before it and the whole clause it stands in.
struct InContext {
    figure: Figure,
    before: String,
    clause: String,
}

/// The figures of `norm` in their context.
fn figures_in_context(norm: &str) -> Vec<InContext> {
    amounts(norm)
        .into_iter()
        .filter_map(|r| {
            let start = norm[..r.start]
                .char_indices()
                .rev()
                .find(|&(_, c)| is_clause_break(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let end = norm[r.end..]
                .char_indices()
                .find(|&(_, c)| is_clause_break(c))
                .map_or(norm.len(), |(i, _)| r.end + i);
            let before: Vec<char> = norm[start..r.start]
                .chars()
                .rev()
                .take(CONTEXT_CHARS)
                .collect();
            Some(InContext {
                figure: figure(&norm[r])?,
                before: before.into_iter().rev().collect(),
                clause: norm[start..end].to_string(),
            })
        })
        .collect()
}

/// The years (`2021`) a clause names with 年.
fn years_in(clause: &str) -> Vec<&str> {
    clause
        .match_indices('年')
        .filter_map(|(i, _)| {
            let head = clause.get(i.checked_sub(4)?..i)?;
            (head.bytes().all(|b| b.is_ascii_digit())
                && (head.starts_with("19") || head.starts_with("20")))
            .then_some(head)
        })
        .collect()
}

/// The characters that say what the answer measures: its predicate (`巨亏` of `巨亏60亿`) and
/// the question's words other than those it matched literally (entity, year) and question
/// words (`多少`).
fn measure_chars(r: &Response, core: &str, matched: &BTreeSet<String>) -> BTreeSet<char> {
    let answer = normalize(r.answer.as_deref().unwrap_or(core));
    let mut question = normalize(&r.question);
    for m in matched {
        question = question.replace(m.as_str(), " ");
    }
    let core = normalize(core);
    answer
        .replacen(core.as_str(), " ", 1)
        .chars()
        .chain(question.chars())
        .filter(|&c| crate::text::is_cjk(c) && !NOT_A_MEASURE.contains(c))
        .collect()
}

/// Reads `60亿元`, `5.26亿`, `1,234万人`, `50%`; `None` for Chinese numerals (`两成`).
fn figure(s: &str) -> Option<Figure> {
    let n = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    if n == 0 {
        return None;
    }
    let mut value: f64 = s[..n].replace(',', "").parse().ok()?;
    let mut rest = &s[n..];
    let mut scaled = false;
    while let Some(c) = rest.chars().next() {
        let m = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1e3,
            '万' => 1e4,
            '亿' => 1e8,
            _ => break,
        };
        value *= m;
        scaled = true;
        rest = &rest[c.len_utf8()..];
    }
    Some(Figure {
        value,
        scaled,
        unit: rest.to_string(),
    })
}

/// The highlighted strings (normalized) of `c` that lie in bytes `range` of its text.
fn matched_in(c: &Citation, range: std::ops::Range<usize>) -> BTreeSet<String> {
    c.highlights
        .iter()
        .filter(|&&(s, e)| s >= range.start && e <= range.end)
        .filter_map(|&(s, e)| c.text.get(s..e))
        .map(normalize)
        .collect()
}

/// True when every string of `asked` is matched in `found`, itself or as part of a longer or
/// shorter form of it (商汤 and 商汤科技 name one company).
fn covers(found: &BTreeSet<String>, asked: &BTreeSet<String>) -> bool {
    asked.iter().all(|a| {
        found
            .iter()
            .any(|f| f.contains(a.as_str()) || a.contains(f.as_str()))
    })
}

/// The sentences of `text` with their byte ranges.
fn sentences(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    crate::corpus::passage::sentences(text)
        .into_iter()
        .map(|s| {
            let start = s.as_ptr() as usize - text.as_ptr() as usize;
            (start..start + s.len(), s)
        })
        .collect()
}

impl Response {
    /// The citation the answer comes from, when another article's cited passage gives a
    /// different figure for what the question asks (see the module's rule); `None` when the
    /// passages agree, the answer is not a figure, or nothing was found.
    pub fn disputed_source(&self) -> Option<&Citation> {
        if !self.found {
            return None;
        }
        let lead = self.citations.first().filter(|c| !c.related)?;
        let core = self.core.as_deref().or(self.answer.as_deref())?;
        let answer = figures(&normalize(core)).into_iter().next()?;
        // What the question matched in the answer's own sentence.
        let key = self.sentence.as_deref().unwrap_or(core);
        let own = sentences(&lead.text)
            .into_iter()
            .find(|(_, s)| s.contains(key) || key.contains(s.trim()))
            .map_or(0..lead.text.len(), |(r, _)| r);
        let asked = matched_in(lead, own);
        if asked.is_empty() {
            return None;
        }
        let all_matched = matched_in(lead, 0..lead.text.len());
        let measure = measure_chars(self, core, &all_matched);
        if measure.is_empty() {
            return None;
        }
        let disagrees = |c: &Citation| {
            sentences(&c.text).into_iter().any(|(range, s)| {
                if !covers(&matched_in(c, range), &asked) {
                    return false;
                }
                let same_kind: Vec<InContext> = figures_in_context(&normalize(s))
                    .into_iter()
                    .filter(|f| f.figure.comparable(&answer))
                    .collect();
                // The answer's value anywhere in the sentence agrees (`分别亏损28亿元、66亿元和
                // 33亿元` for 33亿); otherwise a figure measuring the same thing disagrees,
                // unless its own clause is about another year (`2020年净亏损7.9亿元，…2022年`).
                !same_kind.iter().any(|f| f.figure.same_value(&answer))
                    && same_kind.iter().any(|f| {
                        let years = years_in(&f.clause);
                        f.before.chars().any(|ch| measure.contains(&ch))
                            && (years.is_empty() || years.iter().any(|y| asked.contains(*y)))
                    })
            })
        };
        self.citations[1..]
            .iter()
            .filter(|c| c.doc != lead.doc && !c.related)
            .any(disagrees)
            .then_some(lead)
    }
}

#[cfg(test)]
#[path = "provenance_tests.rs"]
mod tests;
