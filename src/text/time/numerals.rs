//! Chinese-numeral dates folded to Arabic: 一九九七年 → 1997年, 十二月 → 12月, 三十一日 → 31日.
//!
//! Only dates are folded, where the unit makes the reading certain: a year is four digit
//! characters before 年; a month 1–12 before 月; a day 1–31 before 日 or 号 when a month comes
//! right before it or the numeral has a 十 (一日 alone is as often "one day" as "the first").

/// The value of a Chinese digit character (〇, ○ and 零 are zero).
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a numeral of at most two places: 七, 十, 十二, 二十, 三十一.
pub fn small(cs: &[char]) -> Option<u32> {
    match cs {
        ['十'] => Some(10),
        [a] => digit(*a),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(10 * digit(*a)?),
        [a, '十', b] => Some(10 * digit(*a)? + digit(*b)?),
        _ => None,
    }
}

/// Characters before a one-character month numeral that make it something else (统一月…,
/// 第一月, 每一月).
const NOT_BEFORE_MONTH: &str = "第个個每逐这這那哪几幾同单單统統唯";

/// Folds the Chinese-numeral years, months and days of a normalized text to Arabic digits.
/// The text may get shorter (三十一日 → 31日): use it where offsets into the original are not
/// needed (questions, index-time tokens).
pub fn fold_numerals(text: &str) -> String {
    fold(text, false)
}

/// Folds only the Chinese-numeral years (二〇二二年 → 2022年): what questions fold, since the
/// index holds a passage's numeral years as Arabic ones but its months and days as written
/// (a question's 十月 must still find a passage's 十月).
pub fn fold_numeral_years(text: &str) -> String {
    fold(text, true)
}

fn fold(text: &str, years_only: bool) -> String {
    let cs: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if digit(c).is_none() && c != '十' {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < cs.len() && (digit(cs[j]).is_some() || cs[j] == '十') {
            j += 1;
        }
        let run = &cs[i..j];
        let next = cs.get(j).copied();
        let prev = i.checked_sub(1).map(|p| cs[p]);
        if run.len() == 4 && next == Some('年') && run.iter().all(|c| digit(*c).is_some()) {
            for c in run {
                out.extend(char::from_digit(digit(*c).unwrap_or(0), 10));
            }
            i = j;
            continue;
        }
        if years_only {
            out.extend(run);
            i = j;
            continue;
        }
        match (small(run), next) {
            (Some(v), Some('月'))
                if (1..=12).contains(&v)
                    && !(run.len() == 1 && prev.is_some_and(|p| NOT_BEFORE_MONTH.contains(p))) =>
            {
                out.push_str(&v.to_string());
                i = j;
            }
            (Some(v), Some('日' | '号' | '號'))
                if (1..=31).contains(&v) && (prev == Some('月') || run.contains(&'十')) =>
            {
                out.push_str(&v.to_string());
                out.push('日');
                i = j + 1;
            }
            _ => {
                out.extend(run);
                i = j;
            }
        }
    }
    out
}

/// The digits (up to five) that `text` opens with, read by `value`, and how many: no
/// allocation, as this runs at every digit of every passage.
pub(super) fn digits(text: &str, value: impl Fn(char) -> Option<u32>) -> ([u32; 5], usize) {
    let mut ds = [0; 5];
    let mut n = 0;
    for d in text.chars().take(5).map_while(value) {
        ds[n] = d;
        n += 1;
    }
    (ds, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn folds_years_months_and_days() {
        assert_eq!(fold_numerals("一九九七年"), "1997年");
        assert_eq!(fold_numerals("二〇二二年"), "2022年");
        assert_eq!(fold_numerals("二零二二年"), "2022年");
        assert_eq!(fold_numerals("一九○○年"), "1900年");
        assert_eq!(fold_numerals("十二月"), "12月");
        assert_eq!(fold_numerals("三十一日"), "31日");
        assert_eq!(fold_numerals("三十一号"), "31日");
        assert_eq!(
            fold_numerals("一九九七年十二月三十一日晚"),
            "1997年12月31日晚"
        );
        assert_eq!(fold_numerals("本报北京一月五日电"), "本报北京1月5日电");
        assert_eq!(
            fold_numerals("商汤二〇二二年亏损多少"),
            "商汤2022年亏损多少"
        );
    }

    #[test]
    fn years_alone_can_be_folded() {
        assert_eq!(
            fold_numeral_years("一九九七年十二月三十一日"),
            "1997年十二月三十一日"
        );
    }

    #[test]
    fn full_width_digits_are_folded_by_normalization() {
        assert_eq!(fold_numerals(&normalize("１９９７年１２月")), "1997年12月");
    }

    #[test]
    fn numerals_that_are_no_dates_stay() {
        for keep in [
            "三四年",
            "一日三餐",
            "第一月",
            "统一月度",
            "十三月",
            "三十二日",
            "一二三四五",
            "五十年",
            "一九九七",
        ] {
            assert_eq!(fold_numerals(keep), keep);
        }
    }
}
