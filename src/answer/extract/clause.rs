//! Clauses: the stretch of a sentence between punctuation, which bounds an answer's predicate,
//! the gap a question leaves and what a candidate is judged by.

use crate::corpus::punct::CLAUSE_BREAKS;

/// Byte offset where the clause holding byte `at` of `norm` starts.
pub(crate) fn start(norm: &str, at: usize) -> usize {
    norm[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| CLAUSE_BREAKS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Byte offset where the clause holding byte `at` of `norm` ends (at its break, or the end).
pub(crate) fn end(norm: &str, at: usize) -> usize {
    norm[at..]
        .char_indices()
        .find(|&(_, c)| CLAUSE_BREAKS.contains(c))
        .map_or(norm.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_runs_between_breaks() {
        let s = "商汤2022年，巨亏60亿。其余";
        let at = s.find("巨").unwrap();
        assert_eq!(&s[start(s, at)..end(s, at)], "巨亏60亿");
        assert_eq!(start(s, 0), 0);
        assert_eq!(end(s, s.find("其").unwrap()), s.len());
    }
}
