//! The candidate spans of one sentence: runs of words inside a clause, runs to the end of a
//! clause or of the sentence, the typed extractors' spans and the gap.

use std::ops::Range;

use crate::answer::extract;

use super::lexicon::EDGE_WORDS;
use super::sentence::SentenceView;

/// Longest span in words and in characters: long enough that three in four of CMRC's questions,
/// whose answers run long, have a right span among the candidates (the forest, not the linear
/// model, turns the long spans into exact matches).
pub const MAX_WORDS: usize = 12;
pub(super) const MAX_CHARS: usize = 32;
/// Longest span that runs to the end of a clause or sentence.
const MAX_RUN_CHARS: usize = 80;

/// The candidate spans of a sentence: start and end byte, and the number of words.
pub(super) fn ranges(s: &SentenceView<'_>) -> Vec<(usize, usize, usize)> {
    let SentenceView {
        words,
        hard,
        breaks,
        typed,
        gap,
        n,
        ..
    } = s;
    let n = *n;
    let char_at = |byte: usize| s.char_at(byte);
    // Runs of words inside a clause, plus the typed extractors' spans and the gap (they need
    // not fall on jieba's word boundaries).
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    for i in 0..words.len() {
        let (start, _, first, _) = words[i];
        if EDGE_WORDS.contains(&first) || !first.chars().any(char::is_alphanumeric) {
            continue;
        }
        for j in i..(i + MAX_WORDS).min(words.len()) {
            let (_, end, last, _) = words[j];
            if j > i && hard[char_at(words[j].0)..char_at(end)].iter().any(|&b| b) {
                break;
            }
            if char_at(end) - char_at(start) > MAX_CHARS {
                break;
            }
            if EDGE_WORDS.contains(&last) || !last.chars().any(char::is_alphanumeric) {
                continue;
            }
            ranges.push((start, end, j - i + 1));
        }
    }
    // Longer answers (a list, a definition) run from a word to the end of its clause or of the
    // sentence.
    for i in 0..words.len() {
        let (start, _, first, _) = words[i];
        // A long answer may open with a preposition (為了解決…, 由於…).
        if !first.chars().any(char::is_alphanumeric) {
            continue;
        }
        let cs = char_at(start);
        let clause_end = (cs..n).find(|&c| hard[c]).unwrap_or(n);
        let sentence_end = (cs..n).rev().find(|&c| !breaks[c]).map_or(n, |c| c + 1);
        for ce in [clause_end, sentence_end] {
            if ce <= cs || ce - cs > MAX_RUN_CHARS {
                continue;
            }
            let end = s.offset(ce);
            if !ranges.iter().any(|&(s, e, _)| s == start && e == end) {
                let count = words.iter().filter(|w| w.0 < end && start < w.1).count();
                ranges.push((start, end, count));
            }
        }
    }
    for r in typed
        .iter()
        .map(|c| &c.core)
        .chain(gap.iter().map(|g| &g.core))
    {
        if !ranges.iter().any(|&(s, e, _)| s == r.start && e == r.end) {
            let count = words
                .iter()
                .filter(|w| w.0 < r.end && r.start < w.1)
                .count();
            ranges.push((r.start, r.end, count.max(1)));
        }
    }
    ranges
}

/// Figures and dates of a sentence, which a span may not cut.
pub(super) struct Atoms(Vec<Range<usize>>);

impl Atoms {
    pub(super) fn of(norm: &str) -> Atoms {
        Atoms(
            extract::amounts(norm)
                .into_iter()
                .chain(extract::dates(norm))
                .collect(),
        )
    }

    /// A span never starts inside a figure or a date (6月30日 of 2022年6月30日), and ends
    /// inside one only as a bare number (1984 of 1984年, not 2021年9 of 2021年9月).
    pub(super) fn cut(&self, norm: &str, s: usize, e: usize) -> bool {
        let bare = norm[s..e]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        self.0
            .iter()
            .any(|a| (a.start < s && s < a.end) || (a.start < e && e < a.end && !bare))
    }
}
