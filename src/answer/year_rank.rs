//! Spans whose only figures are years or ranks, and the questions that ask for those: a year
//! dates a fact and a rank orders it, neither measures it, so a how-much question takes them
//! only when it asks for years (多少年) or a rank (第几).

use super::fit::{is_classifier, is_figure, NUMERALS};

/// Whether a how-much question counts years or asks for one (多少年, 几年, 西元几年, 几几年),
/// which a span of years answers.
pub(super) fn asks_years(norm: &str) -> bool {
    ["多少年", "几年", "几十年", "几几年", "年份"]
        .iter()
        .any(|w| norm.contains(w))
}

/// Whether the only figures a span states are years (1996年全国外商投资企业评选中, 1998北京市):
/// a year dates a fact, it does not measure one.
pub(super) fn only_years(text: &str) -> bool {
    // A year written before a name without 年, as a title puts it (1998北京市迎新春…).
    let titled = |after: &str| {
        after.chars().next().is_some_and(|c| {
            crate::text::is_cjk(c) && !is_classifier(c) && !"年万亿千百多余".contains(c)
        }) && !crate::text::time::counts_not_year(after.chars().next())
    };
    if !text.contains(['年', '八', '九', '〇', '零'])
        && !text.contains(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // 一九九七年 is a year as 1997年 is; 80年代 and 八十年代 are ten of them.
    let (folded, decades) = without_decades(&crate::text::time::fold_numeral_years(text));
    let (folded, short) = without_short_years(&folded, titled);
    let text = folded.as_str();
    let b = text.as_bytes();
    let mut rest = String::with_capacity(text.len());
    let mut years = decades + short;
    let mut i = 0;
    while i < b.len() {
        let len = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            let c = text[i..].chars().next().map_or(1, char::len_utf8);
            rest.push_str(&text[i..i + c]);
            i += c;
            continue;
        }
        let digits = &text[i..i + len];
        if len == 4
            && (digits.starts_with("19") || digits.starts_with("20"))
            && text[i + len..].starts_with('年')
        {
            years += 1;
            rest.push('、');
            i += len + '年'.len_utf8();
        } else if len == 4
            && (digits.starts_with("19") || digits.starts_with("20"))
            && titled(&text[i + len..])
        {
            years += 1;
            rest.push('、');
            i += len;
        } else {
            rest.push_str(digits);
            i += len;
        }
    }
    years > 0 && !is_figure(&rest)
}

/// The text with the years it writes by their last two numerals before a name (九八爱多杯,
/// 九七香港) put as a list mark, and how many. Two numerals counting up by one (八九) are a
/// guess of a count (八九个), not a year.
fn without_short_years(text: &str, titled: impl Fn(&str) -> bool) -> (String, usize) {
    const DIGITS: &str = "〇零一二三四五六七八九";
    let digit = |c: char| {
        DIGITS
            .chars()
            .position(|d| d == c)
            .map(|i| i.saturating_sub(1))
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + 2).map_or(text.len(), |&(at, _)| at);
        let short = matches!(c, '八' | '九' | '〇' | '零')
            && next.and_then(digit).is_some()
            && (matches!(c, '〇' | '零')
                || digit(c)
                    .zip(next.and_then(digit))
                    .is_none_or(|(a, b)| b != a + 1))
            && !before.is_some_and(|b| DIGITS.contains(b) || "十百千万亿第".contains(b))
            && titled(&text[after..]);
        if short {
            out.push('、');
            count += 1;
            i += 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
    (out, count)
}

/// The text with its decades (80年代, 八十年代, 五六十年代) put as a list mark, and how many.
fn without_decades(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = rest.find("年代") {
        let before = &rest[..at];
        let digits = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .count();
        let start = before
            .char_indices()
            .rev()
            .nth(digits.saturating_sub(1))
            .map_or(at, |(i, _)| i);
        if digits >= 2 {
            out.push_str(&rest[..start]);
            out.push('、');
            count += 1;
        } else {
            out.push_str(&rest[..at + "年代".len()]);
        }
        rest = &rest[at + "年代".len()..];
    }
    out.push_str(rest);
    (out, count)
}

/// Whether a span gives a rank: 第 and a number (第八名, 第2届).
pub(super) fn is_rank(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == '第' && (w[1].is_ascii_digit() || NUMERALS.contains(w[1])))
}

/// Whether a question asks for a rank (第几, 排名多少, 第多少届, 名次), which 第 and a number
/// answers.
pub(super) fn asks_rank(norm: &str) -> bool {
    [
        "第几",
        "第多少",
        "排名",
        "排多少",
        "排第",
        "名次",
        "位列",
        "位居",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

/// Whether the only figure a span gives is a rank (第一位, 居第三): 第 with its number and
/// measure word, and no other figure.
pub(super) fn only_rank(text: &str) -> bool {
    if !is_rank(text) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut rest = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '第' {
            i += 1;
            while i < chars.len() && (chars[i].is_ascii_digit() || NUMERALS.contains(chars[i])) {
                i += 1;
            }
            // The rank's measure word (第一位, 第三名) goes with it.
            if i < chars.len() && is_classifier(chars[i]) {
                i += 1;
            }
            rest.push('、');
            continue;
        }
        rest.push(chars[i]);
        i += 1;
    }
    !is_figure(&rest)
}
