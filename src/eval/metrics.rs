//! Answer metrics as the CMRC 2018 evaluation script computes them: exact match and character F1
//! after folding script, width, case and punctuation.

use crate::text::normalize;

/// Folds for comparison: Traditional→Simplified, width, case; punctuation and spaces removed.
pub fn fold_answer(s: &str) -> String {
    normalize(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn lcs(a: &[char], b: &[char]) -> usize {
    // Longest common substring, as in the CMRC 2018 evaluation script.
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// Character F1 (CMRC style), best over the references.
pub fn f1(prediction: &str, references: &[String]) -> f64 {
    let p: Vec<char> = fold_answer(prediction).chars().collect();
    references
        .iter()
        .map(|r| {
            let r: Vec<char> = fold_answer(r).chars().collect();
            let common = lcs(&p, &r);
            if common == 0 {
                return 0.0;
            }
            let precision = common as f64 / p.len() as f64;
            let recall = common as f64 / r.len() as f64;
            2.0 * precision * recall / (precision + recall)
        })
        .fold(0.0, f64::max)
}

/// Exact match after folding, best over the references.
pub fn exact(prediction: &str, references: &[String]) -> bool {
    let p = fold_answer(prediction);
    !p.is_empty() && references.iter().any(|r| fold_answer(r) == p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_fold_scripts_and_punctuation() {
        let refs = vec!["60億".to_string()];
        assert!(exact("60亿", &refs));
        assert!(exact(" 60億。", &refs));
        assert!(!exact("巨虧60億", &refs));
        let f = f1("巨虧60億", &refs);
        assert!(
            (f - 2.0 * (3.0 / 5.0) * 1.0 / (3.0 / 5.0 + 1.0)).abs() < 1e-9,
            "{f}"
        );
        assert_eq!(f1("", &refs), 0.0);
    }
}
