//! Which of two parallel figures belongs to the thing the question names. News sets like
//! things side by side, each clause with its own subject and a figure in the same unit:
//! 特级明前龙井的收购价在每斤3000元到4000元之间，普通级别的雨前茶则在每斤800元左右. The reader,
//! fitted on encyclopedia questions, likes a sentence's last figure; a question about 特级明前龙井
//! then reads the 雨前茶's price, whose clause writes none of the question's words.

use crate::text::paraphrase;

use super::evidence::{Evidence, Role};
use super::extract;
use super::fit;
use super::question::{AnswerKind, Question};
use super::reader;
use super::siblings;

/// Keeps, among the figures of the reader's best span's sentence in the same unit as it, those
/// whose clause writes more of the question's words (names and content words of two
/// characters or more, years left out) than the best span's clause, all of its and others,
/// when the best span's clause sets its subject against another's (则). `text` gives a span's
/// sentence (normalized).
pub(super) fn prefer_named_clause<'a>(
    q: &Question,
    ev: &Evidence,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount {
        return;
    }
    let words: Vec<&str> = ev
        .terms
        .iter()
        .filter(|t| t.role != Role::Year)
        .flat_map(|t| &t.forms)
        .map(String::as_str)
        .filter(|f| f.chars().count() >= 2 && !f.chars().any(|c| c.is_ascii_digit()))
        .collect();
    if words.is_empty() {
        return;
    }
    let unit = |s: &reader::Span| text(s).get(s.range.clone()).and_then(figure_unit);
    let Some(best_unit) = spans
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .and_then(|(s, _)| unit(s))
    else {
        return;
    };
    let parallel = |a: &reader::Span, b: &reader::Span| {
        a.passage == b.passage
            && a.sentence == b.sentence
            && unit(a).as_deref() == Some(best_unit.as_str())
    };
    // Only a clause that sets its subject against another's (则) has a subject of its own;
    // elsewhere a figure's clause may leave the subject to the clause before it.
    let Some((best, _)) = spans.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
        return;
    };
    if !contrasts(siblings::figure_clause(text(best), &best.range)) {
        return;
    }
    // A sibling is the question's when its clause writes every question word the best's does
    // and more (东北 beside 大豆), a word written in part (龙井 of 龙井茶) counting below a
    // whole one.
    let written = |clause: &str| -> Vec<u8> { words.iter().map(|w| written(clause, w)).collect() };
    let best_written = written(siblings::figure_clause(text(best), &best.range));
    let named = |clause: &str| {
        let w = written(clause);
        w.iter().zip(&best_written).all(|(a, b)| a >= b)
            && w.iter().zip(&best_written).any(|(a, b)| a > b)
    };
    siblings::prefer_clauses(spans, &text, parallel, named);
}

/// How much of `word` a clause writes: 2 the whole of it, 1 two characters of it in a row when
/// it has three or more (龙井 of 龙井茶), 0 none.
fn written(clause: &str, word: &str) -> u8 {
    if clause.contains(word) {
        return 2;
    }
    let chars: Vec<char> = word.chars().collect();
    let part = chars.len() >= 3
        && chars
            .windows(2)
            .any(|w| clause.contains(&w.iter().collect::<String>()));
    u8::from(part)
}

/// Words with 则 that set nothing against anything (规则, 否则, 原则).
const NOT_CONTRAST: &[char] = &['规', '否', '原', '准', '法', '细', '总', '守', '实'];

/// Words that measure a figure against another subject's (大大超过国外对美国直接投资累计额
/// 5601亿美元).
const AGAINST: &[&str] = &["超过", "高于", "低于", "多于", "少于"];

/// Whether a clause sets its subject against another's: 雨前茶则在每斤800元左右, or the figure it
/// gives is what another exceeds (超过国外对美国直接投资累计额5601亿美元).
fn contrasts(clause: &str) -> bool {
    if AGAINST.iter().any(|w| clause.contains(w)) {
        return true;
    }
    let mut prev = None;
    for c in clause.chars() {
        if c == '则' && !prev.is_some_and(|p| NOT_CONTRAST.contains(&p)) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// The unit of the last figure of `span` (元 of 800元左右 and of 1.2万元, 架 of 60架), None when
/// it has no figure or writes no unit after it.
fn figure_unit(span: &str) -> Option<String> {
    let figure = &span[extract::amounts(span).pop()?];
    let after = figure.rfind(|c: char| c.is_ascii_digit())? + 1;
    let rest = figure[after..].trim_start_matches(['万', '亿', '千', '百', '十']);
    if let Some(u) = paraphrase::lexicon().unit_at_start(rest) {
        return Some(u.to_string());
    }
    rest.chars()
        .next()
        .filter(|&c| fit::is_classifier(c))
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_with_then_sets_its_subject_against_another_s() {
        assert!(contrasts("进口大豆则在每吨2600元上下"));
        assert!(contrasts("则增长3%"));
        assert!(!contrasts("按照规则每吨2600元"));
        assert!(!contrasts("否则每吨2600元"));
        assert!(!contrasts("东北产区的大豆收购价在每吨2100元左右"));
        assert!(contrasts("大大超过国外对美国直接投资累计额5601亿美元"));
    }

    #[test]
    fn a_word_written_in_part_counts_below_a_whole_one() {
        let clause = "特级明前龙井的收购价在每斤3000元到4000元之间";
        assert_eq!(written(clause, "每斤"), 2);
        assert_eq!(written(clause, "龙井茶"), 1);
        assert_eq!(written(clause, "雨前茶"), 0);
        assert_eq!(written(clause, "一斤"), 0);
    }

    #[test]
    fn a_figure_s_unit_is_read_past_its_magnitude() {
        assert_eq!(figure_unit("800元左右").as_deref(), Some("元"));
        assert_eq!(figure_unit("1.2万元").as_deref(), Some("元"));
        assert_eq!(figure_unit("3000元到4000元").as_deref(), Some("元"));
        assert_eq!(figure_unit("交货60架").as_deref(), Some("架"));
        assert_eq!(figure_unit("雨前茶"), None);
    }
}
