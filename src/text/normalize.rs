//! Normalization: one function used for documents and questions alike.

/// True for the CJK ideographs that wenjin segments (the unified blocks and their extensions).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

/// Folds one already Simplified character: full-width ASCII to half-width, the ideographic
/// space to a space, Latin to lowercase (only where lowercasing keeps one character, so the
/// character count never changes).
pub fn fold_char(c: char) -> char {
    if ('\u{3400}'..='\u{9FFF}').contains(&c) {
        // CJK ideographs (most of the text) have no width or case to fold: skip the lowercase
        // table, which cost half of normalization. fast2s gives 渖 for 瀋, which Simplified
        // text writes 沈 (瀋陽 is 沈阳).
        return if c == '渖' { '沈' } else { c };
    }
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Normalizes text for matching. The result has exactly as many characters as the input,
/// character `i` of the result standing for character `i` of the input.
pub fn normalize(text: &str) -> String {
    // fast2s converts character for character (with a little context), never merging or
    // splitting characters; that is what keeps offsets mappable.
    let simplified = fast2s::convert(text);
    let mut out = String::with_capacity(simplified.len());
    let mut chars = simplified.chars().map(fold_char).peekable();
    let mut after_digit = false;
    while let Some(c) = chars.next() {
        // A dot between two digits is a decimal point (see DECIMAL_DOTS); only a digit before
        // makes the check.
        let c = if after_digit
            && DECIMAL_DOTS.contains(&c)
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            '.'
        } else {
            c
        };
        after_digit = c.is_ascii_digit();
        out.push(c);
    }
    out
}

/// Dots that older Chinese typesetting (People's Daily among others) writes as the decimal
/// point: `１２·７万辆` is 12.7万辆. Between two digits they are folded to `.`; elsewhere (the
/// dot between the parts of a foreign name) they stay.
const DECIMAL_DOTS: &[char] = &['·', '・', '•', '∙'];

/// A normalized text that remembers where each of its characters came from in the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The original text.
    pub original: &'a str,
    /// The normalized text (same number of characters).
    pub text: String,
    /// Byte offset in `original` of each character of `text`, plus one final entry for the end.
    orig_bytes: Vec<usize>,
    /// Byte offset in `text` of each character, plus the end.
    norm_bytes: Vec<usize>,
}

impl<'a> Normalized<'a> {
    /// Normalizes `original`, keeping the offset maps.
    pub fn new(original: &'a str) -> Self {
        let text = normalize(original);
        let mut orig_bytes: Vec<usize> = original.char_indices().map(|(i, _)| i).collect();
        orig_bytes.push(original.len());
        let mut norm_bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        norm_bytes.push(text.len());
        debug_assert_eq!(orig_bytes.len(), norm_bytes.len());
        Normalized {
            original,
            text,
            orig_bytes,
            norm_bytes,
        }
    }

    /// Number of characters.
    pub fn char_len(&self) -> usize {
        self.norm_bytes.len() - 1
    }

    /// Byte offset in the original of the character at normalized byte offset `b`.
    pub fn to_original(&self, b: usize) -> usize {
        match self.norm_bytes.binary_search(&b) {
            Ok(i) => self
                .orig_bytes
                .get(i)
                .copied()
                .unwrap_or(self.original.len()),
            Err(i) => self
                .orig_bytes
                .get(i)
                .copied()
                .unwrap_or(self.original.len()),
        }
    }

    /// Character index of the normalized byte offset `b`.
    pub fn char_index(&self, b: usize) -> usize {
        match self.norm_bytes.binary_search(&b) {
            Ok(i) | Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_to_simplified() {
        assert_eq!(normalize("商湯2022年虧損多少"), "商汤2022年亏损多少");
        assert_eq!(normalize("商湯"), normalize("商汤"));
        assert_eq!(normalize("曠視科技"), "旷视科技");
        assert_eq!(normalize("雲從"), "云从");
        // fast2s gives 渖阳 for 瀋陽; Simplified text writes 沈阳.
        assert_eq!(normalize("瀋陽市"), "沈阳市");
        assert_eq!(normalize("渖阳"), "沈阳");
    }

    /// The ideographs fold_char passes through untouched have no case or width to fold.
    #[test]
    fn ideographs_fold_to_themselves() {
        for c in '\u{3400}'..='\u{9FFF}' {
            let mut lower = c.to_lowercase();
            assert_eq!((lower.next(), lower.next()), (Some(c), None), "{c}");
        }
    }

    #[test]
    fn folds_width_and_case() {
        assert_eq!(normalize("ＳｅｎｓｅＴｉｍｅ　２０２２"), "sensetime 2022");
        assert_eq!(normalize("ChatGPT，OK！"), "chatgpt,ok!");
    }

    #[test]
    fn folds_a_dot_between_digits_to_a_decimal_point() {
        assert_eq!(normalize("增长１２·７％"), "增长12.7%");
        assert_eq!(normalize("0・4%和18•68美元"), "0.4%和18.68美元");
        // A foreign name's dot, and a dot at either end of a number, stay.
        assert_eq!(normalize("约翰·史密斯"), "约翰·史密斯");
        assert_eq!(normalize("第3·章 ·5"), "第3·章 ·5");
    }

    #[test]
    fn keeps_character_count_and_offsets() {
        let s = "Ａ巨虧６０億😀İ";
        let n = Normalized::new(s);
        assert_eq!(n.text.chars().count(), s.chars().count());
        let pos = n.text.find("60").unwrap();
        let orig = n.to_original(pos);
        assert_eq!(&s[orig..orig + 3], "６");
    }
}
