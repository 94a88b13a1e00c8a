//! Dates: full dates, months, days and bare years, in Chinese or with dashes and slashes.

use std::ops::Range;

/// Dates: `2022年6月30日`, `2021年9月`, `6月30日`, `2023-04-12`, a bare year.
pub(crate) fn dates(norm: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let b = norm.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut parts = 0;
        loop {
            let mut j = end;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j == end {
                break;
            }
            let rest = &norm[j..];
            let unit = ["年", "月", "日", "号", "-", "/"]
                .iter()
                .find(|u| rest.starts_with(**u));
            match unit {
                Some(u) if u.len() != 1 || rest[1..].starts_with(|c: char| c.is_ascii_digit()) => {
                    end = j + u.len();
                    parts += 1;
                    if matches!(*u, "日" | "号") {
                        break;
                    }
                }
                _ => {
                    let digits = &norm[end..j];
                    if parts == 0
                        && digits.len() == 4
                        && (digits.starts_with("19") || digits.starts_with("20"))
                    {
                        end = j;
                        parts += 1;
                    } else if parts > 0
                        && matches!(norm[..end].chars().next_back(), Some('-' | '/'))
                    {
                        end = j;
                    }
                    break;
                }
            }
        }
        let text = &norm[start..end];
        let ok = parts > 0
            && (text.contains('年')
                || text.contains('月')
                || text.len() == 4
                || text.contains('-')
                || text.contains('/'));
        if ok {
            out.push(start..end.max(start));
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::extract::test_spans as spans;

    #[test]
    fn finds_dates() {
        assert_eq!(
            spans(
                dates,
                "2022年6月30日上市，2014年成立，於2021年9月提交，2023-04-12"
            ),
            vec!["2022年6月30日", "2014年", "2021年9月", "2023-04-12"]
        );
    }
}
