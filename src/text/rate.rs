//! Rates: a price asked for "one jin" (`龙井茶一斤多少钱`) is written "per jin" in the article
//! (`每斤3000元`), and jieba keeps each as one word (一斤, 每斤), so the question's word never
//! meets the article's. A word of 一 or 每 and a measure unit has the other one as an
//! alternative wording, and so does the bare unit when it is long enough not to be read inside
//! other words (公斤 in `3000元/公斤`, but not 张 of a surname).

/// Units a price or a quota is given per. Time units (一年, 每天) are left out: 一年 asks for a
/// span as often as for a rate.
/// Nor are units whose word means something else (一度 "once", 一两 "one or two", 一方 "a side").
const UNITS: &[&str] = &[
    "斤",
    "公斤",
    "千克",
    "克",
    "吨",
    "升",
    "毫升",
    "桶",
    "瓶",
    "盒",
    "箱",
    "包",
    "袋",
    "张",
    "件",
    "台",
    "辆",
    "套",
    "平方米",
    "平米",
    "亩",
    "公顷",
    "千瓦时",
    "立方米",
];

/// The other wordings of a rate word (一斤 → 每斤; 每公斤 → 一公斤, 公斤), or nothing when `word`
/// is no rate word. `word` is normalized (Simplified).
pub fn alternatives(word: &str) -> Vec<String> {
    let Some(unit) = word
        .strip_prefix('一')
        .or_else(|| word.strip_prefix('每'))
        .filter(|u| UNITS.contains(u))
    else {
        return Vec::new();
    };
    let mut out: Vec<String> = ["一", "每"]
        .iter()
        .map(|p| format!("{p}{unit}"))
        .filter(|w| w != word)
        .collect();
    if unit.chars().count() >= 2 {
        out.push(unit.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::alternatives;

    #[test]
    fn a_rate_word_has_its_other_wordings() {
        assert_eq!(alternatives("一斤"), vec!["每斤"]);
        assert_eq!(alternatives("每公斤"), vec!["一公斤", "公斤"]);
        assert_eq!(alternatives("一平方米"), vec!["每平方米", "平方米"]);
    }

    #[test]
    fn other_words_have_none() {
        for w in [
            "一年",
            "每天",
            "一度",
            "一两",
            "一张张",
            "斤",
            "一起",
            "每个人",
            "",
        ] {
            assert!(alternatives(w).is_empty(), "{w}");
        }
    }
}
