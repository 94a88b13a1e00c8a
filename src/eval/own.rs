//! Figures for own question sets, where answerable questions and questions the corpus cannot
//! answer (`"answers": []`) are mixed: top-1 and answers count over the answerable ones,
//! refusals over the others. A user is served by a right passage, by a right answer, and by a
//! "not found" when nothing answers; one share over all questions would hide the trade-off
//! between answering more and refusing less.

use serde::{Deserialize, Serialize};

use super::report::Record;
use crate::text::normalize;

/// What `eval --questions` reports. Shares are fractions 0–1 of their own denominators.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionsReport {
    /// Questions asked.
    pub questions: usize,
    /// Questions with at least one reference answer.
    pub answerable: usize,
    /// Questions the corpus cannot answer (no reference answer).
    pub unanswerable: usize,
    /// Share of answerable questions whose first citation holds a reference answer.
    pub top1: f64,
    /// Same within the first five citations.
    pub top5: f64,
    /// Share of answerable questions answered (found) with a right answer ([`answer_matches`]).
    pub answer: f64,
    /// Share of unanswerable questions answered "not found".
    pub refused: f64,
    /// Share of answerable questions answered "not found".
    pub false_refusals: f64,
}

impl QuestionsReport {
    /// The figures over a set of records (a record without reference answers is a question the
    /// corpus cannot answer).
    pub fn from_records(records: &[Record]) -> QuestionsReport {
        let (answerable, unanswerable): (Vec<&Record>, Vec<&Record>) =
            records.iter().partition(|r| !r.answers.is_empty());
        let share = |rs: &[&Record], f: &dyn Fn(&Record) -> bool| {
            rs.iter().filter(|r| f(r)).count() as f64 / rs.len().max(1) as f64
        };
        QuestionsReport {
            questions: records.len(),
            answerable: answerable.len(),
            unanswerable: unanswerable.len(),
            top1: share(&answerable, &|r| r.top1),
            top5: share(&answerable, &|r| r.top5),
            answer: share(&answerable, &|r| r.answer_ok),
            refused: share(&unanswerable, &|r| r.found == Some(false)),
            false_refusals: share(&answerable, &|r| r.found == Some(false)),
        }
    }
}

/// Folds for matching own answers: Traditional→Simplified, width, case (the library's
/// normalization), white space removed.
pub fn fold_own(s: &str) -> String {
    normalize(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Chinese numeral characters, magnitudes and the decimal 点.
const CHINESE_NUMERAL: &str = "〇零一二两三四五六七八九十百千万亿点";

/// Measure words after which a lone numeral counts (三场, 第二名), where a numeral before a
/// time unit (五月) or a name (三峡) does not.
const MEASURE_WORDS: &str =
    "场名个次位件种项届台辆架艘只头匹张本部所座条户家人倍篇支队批期轮等级层";

/// The figures in a (folded) text: runs of Arabic digits (with `.`, `,`, a following `%` and
/// magnitudes 万/亿), runs of two or more Chinese numeral characters, and a lone numeral from 二
/// up (三场, 第二名) or 第一 before a measure word. An answer that drops part of a figure states another figure (`4.5`
/// for `4.5亿元`), while dropping the unit or a hedge (`约`, `元`) does not; a lone `一` or `点` is
/// a word (`一个`, `晨练点`), not a figure.
fn figures(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        if chars[i].is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',')) {
                i += 1;
            }
            while i < chars.len() && matches!(chars[i], '%' | '万' | '亿') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if CHINESE_NUMERAL.contains(chars[i]) {
            while i < chars.len() && CHINESE_NUMERAL.contains(chars[i]) {
                i += 1;
            }
            let lone = ("二两三四五六七八九十".contains(chars[start])
                || (chars[start] == '一' && start > 0 && chars[start - 1] == '第'))
                && chars.get(i).is_some_and(|c| MEASURE_WORDS.contains(*c));
            if i - start >= 2 || lone {
                out.push(chars[start..i].iter().collect());
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether an answer is right for the references: after [`fold_own`], it contains a reference,
/// or it is contained in a reference that holds a figure and holds all of its figures whole
/// (`60亿` for `约60亿元`, `4655个` for `4655个晨练点`; not `亿元`, not `4.5` for `4.5亿元`). A
/// reference without a figure (a name) must be contained whole: a fragment of a name is not the
/// name.
pub fn answer_matches(answer: &str, references: &[String]) -> bool {
    let a = fold_own(answer);
    if a.is_empty() {
        return false;
    }
    references.iter().map(|r| fold_own(r)).any(|r| {
        if r.is_empty() {
            return false;
        }
        if a.contains(r.as_str()) {
            return true;
        }
        let figures = figures(&r);
        !figures.is_empty()
            && r.contains(a.as_str())
            && figures.iter().all(|f| a.contains(f.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(r: &[&str]) -> Vec<String> {
        r.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn answers_match_by_containment_either_way_with_all_digits() {
        let gold = refs(&["约60亿元"]);
        assert!(answer_matches("60亿", &gold));
        assert!(answer_matches("亏损约60亿元", &gold));
        assert!(answer_matches("約60億元", &gold), "Traditional folds");
        assert!(answer_matches("约６０亿元", &gold), "full width folds");
        assert!(
            answer_matches("约 60 亿元", &gold),
            "white space is ignored"
        );
        assert!(!answer_matches("亿元", &gold));
        assert!(!answer_matches("6", &gold));
        assert!(!answer_matches("", &gold));
        assert!(!answer_matches("   ", &gold));
        assert!(!answer_matches("171亿元", &gold));
        let gold = refs(&["近4.5亿元"]);
        assert!(
            !answer_matches("4.5", &gold),
            "the magnitude is part of the figure"
        );
        assert!(answer_matches("4.5亿", &gold));
        let gold = refs(&["十五点一亿元", "15.1亿元"]);
        assert!(answer_matches("十五点一亿", &gold));
        assert!(answer_matches("15.1亿元", &gold));
        assert!(!answer_matches("十五", &gold));
        let gold = refs(&["共举办了三场音乐会"]);
        assert!(answer_matches("三场", &gold), "a lone numeral is a figure");
        assert!(!answer_matches("音乐会", &gold));
        assert!(answer_matches("第二名", &refs(&["标准舞第二名"])));
        assert!(answer_matches("第一名", &refs(&["标准舞第一名"])));
        assert!(
            !answer_matches("三峡", &refs(&["三峡工程"])),
            "a name is whole"
        );
        assert!(answer_matches("396年", &refs(&["396年五月初九"])));
        let gold = refs(&["4655个晨练点"]);
        assert!(
            answer_matches("４６５５个", &gold),
            "点 of 晨练点 is not a figure"
        );
        let gold = refs(&["二千二百零一点八米"]);
        assert!(
            !answer_matches("二千二百零一点", &gold),
            "a cut figure is another figure"
        );
        assert!(answer_matches("二千二百零一点八", &gold));
        let gold = refs(&["7908.25点"]);
        assert!(answer_matches("７９０８．２５", &gold));
        assert!(!answer_matches("7908", &gold));
        let gold = refs(&["24.3%"]);
        assert!(
            !answer_matches("24.3", &gold),
            "a percentage without its sign is a number"
        );
    }

    #[test]
    fn names_must_be_given_whole() {
        let gold = refs(&["吴仁宝"]);
        assert!(answer_matches("吳仁寶", &gold));
        assert!(answer_matches("华西村党委书记吴仁宝", &gold));
        assert!(!answer_matches("吴仁", &gold));
        assert!(!answer_matches("宝", &gold));
        assert!(!answer_matches("吴仁宝", &refs(&[""])));
        assert!(!answer_matches("吴仁宝", &[]));
    }

    fn record(answers: &[&str], top1: bool, top5: bool, ok: bool, found: bool) -> Record {
        Record {
            answers: refs(answers),
            top1,
            top5,
            answer_ok: ok,
            found: Some(found),
            ..Record::default()
        }
    }

    #[test]
    fn shares_count_over_their_own_questions() {
        let records = [
            record(&["60亿"], true, true, true, true),
            record(&["60亿"], false, true, false, true),
            record(&["60亿"], false, true, false, false),
            record(&["60亿"], false, false, false, true),
            record(&[], false, false, false, false),
            record(&[], false, false, false, true),
        ];
        let r = QuestionsReport::from_records(&records);
        assert_eq!((r.questions, r.answerable, r.unanswerable), (6, 4, 2));
        assert_eq!(r.top1, 0.25);
        assert_eq!(r.top5, 0.75);
        assert_eq!(r.answer, 0.25);
        assert_eq!(r.false_refusals, 0.25);
        assert_eq!(r.refused, 0.5);
        let json = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        for k in [
            "questions",
            "answerable",
            "unanswerable",
            "top1",
            "top5",
            "answer",
            "refused",
            "false_refusals",
        ] {
            assert!(keys.contains(&k), "{k} missing from {json}");
        }
        // No questions of a kind: shares are 0, not NaN.
        let none = QuestionsReport::from_records(&[]);
        assert_eq!((none.top1, none.refused), (0.0, 0.0));
    }
}
