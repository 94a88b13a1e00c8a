//! The span's classes, the sparse features the linear model crosses with what the question
//! asks: the question's class, the part of speech of a word, the length bucket and the word
//! bordering the span.

use crate::answer::question::{AnswerKind, Question};

use super::lexicon::BREAKS;

/// Answer-type groups, parts of speech and length buckets (the sparse, crossed features).
pub const KINDS: usize = 12;
/// Part-of-speech classes of a span's last word.
pub const POS: usize = 8;
/// Length buckets of a span in characters.
pub const LENGTHS: usize = 10;
/// Words that often border an answer (是 before a definition, 等 after a list); the classes of
/// [`boundary`] are their indexes, then a break, the sentence's edge and any other word.
const BORDER_WORDS: &[&str] = &[
    "是", "为", "的", "在", "于", "由", "被", "和", "与", "及", "等", "了", "以", "从", "到", "至",
    "将", "对", "向", "称", "叫", "名", "即", "指", "成为", "作为", "位于", "包括", "如", "有",
    "称为", "叫做", "所", "之", "而", "并", "或", "也", "都", "年", "中", "上", "后", "时",
];
/// Classes of a bordering word.
pub const BORDERS: usize = BORDER_WORDS.len() + 3;

/// The class of the word bordering a span.
pub(super) fn boundary(word: Option<&str>) -> usize {
    match word {
        None => BORDER_WORDS.len() + 1,
        Some(w) if w.chars().all(|c| BREAKS.contains(c)) => BORDER_WORDS.len(),
        Some(w) => BORDER_WORDS
            .iter()
            .position(|b| *b == w)
            .unwrap_or(BORDER_WORDS.len() + 2),
    }
}

/// What the question asks, finer than [`AnswerKind`]: the wh-word of an "other" question tells
/// a span's shape (什麼 wants a noun phrase, 如何 a clause, "X是?" a definition).
pub(super) fn ask_class(q: &Question) -> usize {
    let qn = q.normalized.as_str();
    match q.kind {
        AnswerKind::Amount => 0,
        AnswerKind::Date => 1,
        AnswerKind::Person => 2,
        AnswerKind::Place | AnswerKind::Organization => 3,
        AnswerKind::Name => 4,
        AnswerKind::Reason => 5,
        AnswerKind::YesNo => 6,
        AnswerKind::Other if ["如何", "怎么", "怎样"].iter().any(|c| qn.contains(c)) => 9,
        AnswerKind::Other if qn.contains("哪") => 8,
        AnswerKind::Other if qn.contains("什么") => 7,
        AnswerKind::Other if qn.contains('何') => 11,
        AnswerKind::Other => 10,
    }
}

/// The part-of-speech class of a word from jieba's tag: nouns, person, place and organization
/// names, verbs, modifiers, figures and anything else.
pub(super) fn pos_class(tag: &str, word: &str) -> usize {
    if word.chars().any(|c| c.is_ascii_digit()) || tag == "m" || tag == "q" {
        return 6;
    }
    match tag {
        t if t.starts_with("nr") => 1,
        t if t.starts_with("ns") => 2,
        "nt" => 3,
        t if t.starts_with('n') || t == "vn" => 0,
        t if t.starts_with('v') => 4,
        t if t.starts_with('a') || t == "d" || t == "b" => 5,
        "eng" => 6,
        _ => 7,
    }
}

/// The length bucket of a span of `chars` characters.
pub(super) fn length_bucket(chars: usize) -> usize {
    match chars {
        0 | 1 => 0,
        2 => 1,
        3 => 2,
        4 => 3,
        5 | 6 => 4,
        7..=9 => 5,
        10..=14 => 6,
        15..=19 => 7,
        20..=29 => 8,
        _ => 9,
    }
}
