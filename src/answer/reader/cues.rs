//! What the question tells the reader, read once per question: the needles that mark its words
//! in a sentence, the words around its wh-phrase, the head noun it asks for, its class.

use crate::answer::evidence::Evidence;
use crate::answer::question::{Question, CUES, STOPWORDS};
use crate::text::segment::jieba;

use super::classes::ask_class;
use super::lexicon::{CLASSIFIERS, COPULAS, CUE_CHARS, WINDOW};

/// What the question tells the reader, computed once.
pub(super) struct Cues {
    /// Characters of the question (normalized).
    pub(super) chars: Vec<char>,
    /// Needles whose occurrences in a sentence mark it as matching the question.
    pub(super) needles: Vec<String>,
    /// The content word right before the wh-phrase and right after it.
    pub(super) left: Option<String>,
    pub(super) right: Option<String>,
    /// The head noun the question asks for (哪一條河 → 河).
    pub(super) head: Option<String>,
    /// What the question asks ([`ask_class`]).
    pub(super) class: usize,
    /// Up to [`WINDOW`] characters of the question before and after its wh-phrase (letters and
    /// digits only, nearest first).
    pub(super) before: Vec<char>,
    pub(super) after: Vec<char>,
    /// The question asks for several things (哪些).
    pub(super) list: bool,
    /// The wh-phrase follows a copula (X是什麼): the answer likely follows one too.
    pub(super) copula: bool,
    /// The question asks what something is ("X是?", "X指的是什麼").
    pub(super) definition: bool,
    /// The Mainland forms (normalized) of the Taiwan phrases the question writes (格鲁吉亚 of
    /// 喬治亞): the question's own names, though it keeps the phrase a corpus writes.
    pub(super) regional: Vec<String>,
}

/// Reads the question once for every sentence the reader reads.
pub(super) fn cues(q: &Question, ev: &Evidence) -> Cues {
    let qn = q.normalized.as_str();
    let mut needles: Vec<String> = ev.terms.iter().flat_map(|t| t.forms.clone()).collect();
    needles.extend(q.bigrams.iter().cloned());
    needles.retain(|n| !n.trim().is_empty());
    needles.sort();
    needles.dedup();
    let cue = CUES
        .iter()
        .filter(|(c, _)| !matches!(*c, "吗" | "是否" | "是不是" | "有没有" | "能不能" | "能否"))
        .filter_map(|(c, _)| qn.find(c).map(|i| (i, i + c.len())))
        .min_by_key(|&(i, e)| (i, std::cmp::Reverse(e)));
    let content = |t: &str| -> Vec<String> {
        crate::text::words(t)
            .into_iter()
            .map(|p| p.text)
            .filter(|w| !STOPWORDS.contains(&w.as_str()) && w.chars().any(char::is_alphanumeric))
            .filter(|w| !CUES.iter().any(|(c, _)| c == w))
            .collect()
    };
    let keep = |c: &char| c.is_alphanumeric() && !CUE_CHARS.contains(*c);
    let (before, after): (Vec<char>, Vec<char>) = match cue {
        Some((s, e)) => (
            qn[..s].chars().rev().filter(keep).take(WINDOW).collect(),
            qn[e..].chars().filter(keep).take(WINDOW).collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let copula = cue.is_some_and(|(s, _)| COPULAS.iter().any(|c| qn[..s].ends_with(c)));
    let (left, right, head) = match cue {
        Some((s, e)) => {
            let left = content(&qn[..s]).pop();
            let after = &qn[e..];
            let stripped = after.trim_start_matches(|c: char| CLASSIFIERS.contains(c));
            // The measured noun, not its classifier, anchors the right side (多少名博士 → 博士).
            let right = content(stripped).into_iter().next();
            let head = if stripped.len() < after.len() || qn[s..e].starts_with('哪') {
                noun_head(stripped)
            } else if qn[s..e] == *"什么" {
                noun_head(after)
            } else {
                None
            };
            (left, right, head)
        }
        None => (None, None, None),
    };
    let bare = qn.trim_end_matches(|c: char| !c.is_alphanumeric());
    let definition = [
        "是",
        "为",
        "指",
        "是什么",
        "指什么",
        "是指什么",
        "定义是",
        "意思是",
    ]
    .iter()
    .any(|e| bare.ends_with(e));
    Cues {
        before,
        after,
        list: qn.contains("哪些")
            || qn.match_indices('哪').any(|(i, _)| {
                qn[i + '哪'.len_utf8()..]
                    .starts_with(|c: char| "两二三四五六七八九十几".contains(c))
            }),
        copula,
        class: ask_class(q),
        definition,
        chars: qn.chars().collect(),
        needles,
        left,
        right,
        head,
        regional: crate::text::regional::mainland_forms(qn),
    }
}

/// The last noun of the noun phrase that starts `text` (哪種化學元素 → 元素).
fn noun_head(text: &str) -> Option<String> {
    let mut head = None;
    for (k, t) in jieba().tag(text, true).into_iter().enumerate() {
        if t.tag.starts_with('n') && t.word.chars().all(crate::text::is_cjk) {
            head = Some(t.word.to_string());
        } else if k == 0 && matches!(t.tag, "a" | "b" | "m") {
            // 大模型, 四大板塊: a modifier before the noun.
            continue;
        } else {
            break;
        }
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn the_head_noun_is_the_last_noun_after_the_question_word() {
        let head = |t: &str| noun_head(&normalize(t)).unwrap_or_default();
        assert!(head("化學元素？").ends_with("元素"));
        assert_eq!(head("城市？"), "城市");
        // A modifier before the noun is passed over (什麼大模型).
        assert_eq!(head("大模型"), "模型");
        assert_eq!(head("？"), "");
    }
}
