//! Whether a year is named only as a comparison (比去年, 较上年, 与去年相比, 去年同期, 高于去年):
//! the figures around it belong to another year.

use std::ops::Range;

/// Two characters before a year that make it a comparison (高于去年).
const COMPARED_AFTER: &[&str] = &[
    "高于", "低于", "多于", "少于", "高於", "低於", "多於", "少於", "超过", "超過", "超出",
];

/// Whether the year expression at `range` is only a comparison.
pub(super) fn is_comparison(text: &str, range: &Range<usize>) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let prev = before.chars().next_back();
    if prev.is_some_and(|c| "比较較".contains(c))
        || COMPARED_AFTER.iter().any(|w| before.ends_with(w))
        || after.starts_with("同期")
        || after.starts_with("的同期")
        // 1996年以前 is the years before 1996.
        || after.starts_with("以前")
        || after.starts_with("之前")
    {
        return true;
    }
    // 与去年相比, 同上年比较: the comparison word follows within the clause.
    if prev.is_some_and(|c| "与與同和跟".contains(c)) {
        let clause: String = after
            .chars()
            .take(12)
            .take_while(|c| !crate::corpus::punct::CLAUSE_BREAKS.contains(*c))
            .collect();
        return ["相比", "比较", "比較", "持平", "对比", "對比"]
            .iter()
            .any(|w| clause.contains(w));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compared(text: &str, year: &str) -> bool {
        let start = text.find(year).unwrap();
        is_comparison(text, &(start..start + year.len()))
    }

    #[test]
    fn comparison_words_around_a_year() {
        assert!(compared("比去年增长", "去年"));
        assert!(compared("较上年增长", "上年"));
        assert!(compared("与去年相比,产量增长", "去年"));
        assert!(compared("去年同期为", "去年"));
        assert!(compared("低于1996年", "1996年"));
        assert!(!compared("同去年一样", "去年"));
        assert!(
            !compared("与去年,今年相比", "去年"),
            "the comparison is in another clause"
        );
        assert!(!compared("去年产量", "去年"));
        assert!(compared("而在1996年以前,政府只能没收", "1996年"));
    }
}
