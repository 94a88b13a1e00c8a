//! Segmentation of normalized text into searchable pieces.

use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::normalize::is_cjk;

/// jieba's dictionary is built once per process (≈250 ms, ≈33 MB) and shared by every caller.
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The shared jieba instance.
pub fn jieba() -> &'static Jieba {
    &JIEBA
}

/// Builds the jieba dictionary on a background thread, so that opening the index and loading
/// the dictionary overlap at start-up.
pub fn warm_up() -> std::thread::JoinHandle<()> {
    std::thread::spawn(|| {
        LazyLock::force(&JIEBA);
    })
}

/// Where a piece lies in the normalized text: every piece is a slice of it, so the tokenizers
/// that feed tantivy copy each one into a single reused buffer instead of allocating per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of its first character in the normalized text.
    pub start: usize,
    /// Byte offset after its last character.
    pub end: usize,
    /// Token position; the variants of one number share a position.
    pub position: usize,
}

/// The pieces at `spans` of `norm`, with their text.
fn pieces(norm: &str, spans: Vec<Span>) -> Vec<Piece> {
    spans
        .into_iter()
        .map(|s| Piece {
            text: norm[s.start..s.end].to_string(),
            start: s.start,
            end: s.end,
            position: s.position,
        })
        .collect()
}

/// One searchable piece of a normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The token as indexed (normalized).
    pub text: String,
    /// Byte offset of its first character in the normalized text.
    pub start: usize,
    /// Byte offset after its last character.
    pub end: usize,
    /// Token position; the variants of one number share a position.
    pub position: usize,
}

/// Characters that may follow a number as its unit (`2022年`, `60亿`, `5.4亿美元`, `30多家`).
pub(crate) fn is_unit(c: char) -> bool {
    "年月日号时点亿万千百十元圆美港台币股倍个家名位款部次岁人辆件架所多余成季度周天分秒".contains(c)
}

/// Length in bytes of the number starting at `s` (digits, decimal or thousands separators between
/// digits, an optional `%`), 0 when `s` does not start with a digit.
pub(crate) fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == 0 {
        return 0;
    }
    while i + 1 < b.len() && (b[i] == b'.' || b[i] == b',') && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < b.len() && b[i] == b'%' {
        i += 1;
    }
    i
}

/// True for the CJK ideographs of the two main blocks (U+3400–U+4DBF, U+4E00–U+9FFF), every one
/// of them a letter: most characters of our text, answered without `char::is_alphanumeric`'s
/// Unicode table search (which cost 1.7% of an index build when it was asked of each one).
fn is_main_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// True when a token carries no searchable content (punctuation, spaces, symbols).
fn is_noise(word: &str) -> bool {
    !word
        .chars()
        .any(|c| is_main_ideograph(c) || c.is_alphanumeric())
}

/// Word segmentation: numbers with units handled here, everything else by jieba (HMM on).
///
/// A number yields up to three pieces at one position: the bare number, the number with its first
/// unit character and the number with its whole unit (`36.14`, `36.14亿`, `36.14亿元`), so a
/// question that writes `2022` finds `2022年` and one that writes `60億` finds `60億`.
pub fn words(norm: &str) -> Vec<Piece> {
    pieces(norm, word_spans(norm))
}

/// [`words`] as spans of `norm`.
pub fn word_spans(norm: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(norm.len() / 4);
    let mut position = 0;
    let mut seg_start = 0;
    let mut i = 0;
    let bytes = norm.as_bytes();
    while i < norm.len() {
        let starts_number = bytes[i].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1].is_ascii_digit());
        if !starts_number {
            i += norm[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let n = number_len(&norm[i..]);
        jieba_segment(norm, seg_start, i, &mut position, &mut out);
        let core_end = i + n;
        let (first_unit_end, unit_end) = unit_run(norm, core_end);
        for end in [core_end, first_unit_end, unit_end] {
            if out
                .last()
                .is_some_and(|p: &Span| p.position == position && p.end == end)
            {
                continue;
            }
            out.push(Span {
                start: i,
                end,
                position,
            });
        }
        position += 1;
        i = unit_end;
        seg_start = i;
    }
    jieba_segment(norm, seg_start, norm.len(), &mut position, &mut out);
    out
}

/// Where the unit after a number ends: after its first unit character, and after its whole
/// unit (up to three unit characters: `亿美元`, `个月`). A unit character that opens a word
/// running past the unit is that word's, not the number's: `1月美国` is `1月` and `美国`,
/// `1997年人均` is `1997年` and `人均` (whole-word pieces the question and the passage share).
fn unit_run(norm: &str, core_end: usize) -> (usize, usize) {
    let mut run = norm[core_end..]
        .char_indices()
        .take(3)
        .take_while(|&(_, c)| is_unit(c))
        .map(|(k, c)| core_end + k + c.len_utf8());
    let Some(first) = run.next() else {
        return (core_end, core_end);
    };
    let Some(whole) = run.last() else {
        return (first, first);
    };
    // The words of the run and a little past it; a word from inside the run that ends past it
    // ends the unit where it starts.
    let window_end = norm[whole..]
        .char_indices()
        .nth(4)
        .map_or(norm.len(), |(k, _)| whole + k);
    let mut end = first;
    for tok in jieba().cut(&norm[first..window_end], false) {
        let (start, stop) = (first + tok.byte_start, first + tok.byte_end);
        if start >= whole || stop > whole {
            break;
        }
        end = stop;
    }
    (first, end)
}

fn jieba_segment(norm: &str, from: usize, to: usize, position: &mut usize, out: &mut Vec<Span>) {
    if from >= to {
        return;
    }
    let seg = &norm[from..to];
    for tok in jieba().cut(seg, true) {
        if tok.word.starts_with(is_main_ideograph) && !tok.word.contains(char::is_whitespace) {
            // The common case, a Chinese word: one piece, no noise to check for.
            let start = from + tok.byte_start;
            out.push(Span {
                start,
                end: start + tok.word.len(),
                position: *position,
            });
            *position += 1;
            continue;
        }
        if is_noise(tok.word) {
            continue;
        }
        // jieba keeps runs of spaces and Latin together only sometimes; split on whitespace.
        let mut offset = 0;
        for part in tok.word.split(char::is_whitespace) {
            let start = from + tok.byte_start + offset;
            offset += part.len() + 1;
            if part.is_empty() || is_noise(part) {
                continue;
            }
            out.push(Span {
                start,
                end: start + part.len(),
                position: *position,
            });
            *position += 1;
        }
    }
}

/// Character segmentation: every CJK character as a unigram and every pair of neighbouring CJK
/// characters as a bigram (at the position of its first character); Latin words and numbers whole.
pub fn grams(norm: &str) -> Vec<Piece> {
    pieces(norm, gram_spans(norm))
}

/// [`grams`] as spans of `norm`.
pub fn gram_spans(norm: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(norm.len() / 2);
    let chars: Vec<(usize, char)> = norm.char_indices().collect();
    let mut position = 0;
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        if is_cjk(c) {
            let end = start + c.len_utf8();
            out.push(Span {
                start,
                end,
                position,
            });
            if let Some(&(next_start, next)) = chars.get(k + 1) {
                if is_cjk(next) {
                    let bend = next_start + next.len_utf8();
                    out.push(Span {
                        start,
                        end: bend,
                        position,
                    });
                }
            }
            position += 1;
            k += 1;
        } else if c.is_alphanumeric() {
            // A run of Latin letters and digits (with decimal points and a trailing %).
            let mut j = k;
            while j < chars.len() {
                let cj = chars[j].1;
                let inner_point = (cj == '.' || cj == ',')
                    && j + 1 < chars.len()
                    && chars[j + 1].1.is_ascii_digit()
                    && j > k
                    && chars[j - 1].1.is_ascii_digit();
                if (cj.is_alphanumeric() && !is_cjk(cj)) || inner_point {
                    j += 1;
                } else {
                    break;
                }
            }
            if j < chars.len() && chars[j].1 == '%' {
                j += 1;
            }
            let end = chars.get(j).map_or(norm.len(), |&(b, _)| b);
            out.push(Span {
                start,
                end,
                position,
            });
            position += 1;
            k = j.max(k + 1);
        } else {
            k += 1;
        }
    }
    out
}

/// True when an unknown word is a verb with its aspect particle, 给 or the 到 of how far it
/// went (签了, 修过, 赔给, 热到, 涨到): jieba's HMM glues them into one word the dictionary
/// lacks, and a name never ends in one.
pub(crate) fn verb_and_particle(word: &str) -> bool {
    let Some(stem) = word.strip_suffix(['了', '过', '着', '给', '到']) else {
        return false;
    };
    stem.chars().count() == 1 || jieba().has_word(stem)
}

/// True when an unknown word of two characters is two verbs' characters (合录, co-recorded):
/// jieba's dictionary tags the first a verb and the second a verb or a bound verb morpheme.
/// A name's first character is a surname or a place's, rarely a verb.
pub(crate) fn verb_compound(word: &str) -> bool {
    let mut chars = word.chars();
    let (Some(a), Some(b), None) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    let tag_of = |c: char| {
        let mut buf = [0u8; 4];
        let text = c.encode_utf8(&mut buf);
        jieba()
            .tag(text, false)
            .first()
            .map(|t| t.tag.to_string())
            .unwrap_or_default()
    };
    tag_of(a) == "v" && matches!(tag_of(b).as_str(), "v" | "vg" | "zg")
}

/// True when an unknown word is an adverb glued to the verb after it (全翻成, 都卖给, 已建成):
/// jieba's HMM joins them when the dictionary lacks the whole; the verb's first character is
/// one jieba tags a verb. 曾 and 还 are left out: 曾 is a surname as often as "once".
pub(crate) fn adverb_and_verb(word: &str) -> bool {
    let mut chars = word.chars();
    let (Some(a), Some(v)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !"全都也又才就再已刚均仅".contains(a) || word.chars().count() > 4 {
        return false;
    }
    let mut buf = [0u8; 4];
    jieba()
        .tag(v.encode_utf8(&mut buf), false)
        .first()
        .is_some_and(|t| t.tag == "v")
}

/// True when an unknown word is a place's administrative suffix glued to the verb after it
/// (西川|省有, 东海|市有): jieba's HMM joins them when the dictionary holds the place without
/// its suffix; the place is a word of its own and judged as such.
pub(crate) fn suffix_and_verb(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(a), Some(b), None) if "省市县区镇乡州".contains(a) && "有是在的和也都为将已共".contains(b)
    )
}

#[cfg(test)]
#[path = "segment_tests.rs"]
mod tests;
