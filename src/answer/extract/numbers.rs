//! Amounts: Arabic numbers with decimals, percent and units, Chinese numerals with a unit, and
//! the predicate an amount is shown with (巨亏60亿).

use std::ops::Range;

use crate::text::segment::{is_unit, jieba, number_len};

use super::clause;

/// Characters of Chinese numerals.
const CJK_NUMERALS: &str = "零〇○一二两三四五六七八九十百千万亿半几数";
/// Characters of words that name what an amount measures (亏损, 营收, 费用, 价格...).
const MEASURE_CHARS: &str = "亏损盈利润营收入支出费开销额价值量数增减降涨跌率比资募借债";
/// Words between an amount and its predicate (达到, 约, 超过...).
const FUNCTION_WORDS: &[&str] = &[
    "达到", "达", "为", "是", "约", "约为", "超过", "超", "逾", "近", "高达", "共", "合计", "仅",
    "了", "至", "到", "有", "增长", "减少", "下降", "上升",
];

/// Currencies a figure in Chinese numerals may be counted in, besides those ending in 元.
const CURRENCIES: &[&str] = &[
    "兰特",
    "法郎",
    "马克",
    "卢布",
    "英镑",
    "欧元",
    "比索",
    "里拉",
    "卢比",
    "坚戈",
    "玻利瓦尔",
    "披索",
    "泰铢",
    "林吉特",
    "新元",
    "先令",
    "第纳尔",
    "里亚尔",
    "雷亚尔",
    "克朗",
];

/// The character ending just before byte `i`.
fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// Where the figure a span (`range` of `norm`) reads starts: its last amount (23万元和2800元
/// reads 2800元), or the span's start when it holds none the extractor knows.
pub(crate) fn figure_at(norm: &str, range: &Range<usize>) -> usize {
    norm.get(range.clone())
        .and_then(|span| amounts(span).last().map(|r| range.start + r.start))
        .unwrap_or(range.start)
}

/// Amounts: Arabic numbers with decimals, percent and units; Chinese numerals with a unit.
pub(crate) fn amounts(norm: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let b = norm.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = norm[i..].chars().next().unwrap_or(' ');
        let prev = char_before(norm, i);
        if c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.') {
            let n = number_len(&norm[i..]);
            let mut end = i + n;
            for u in norm[end..].chars().take(4) {
                if !is_unit(u) && u != '%' {
                    break;
                }
                end += u.len_utf8();
            }
            let digits = &norm[i..i + n];
            let unit = &norm[i + n..end];
            let is_year = digits.len() == 4
                && (digits.starts_with("19") || digits.starts_with("20"))
                && (unit.starts_with('年')
                    || unit.is_empty()
                        && !crate::text::time::counts_not_year(norm[end..].chars().next()));
            let is_date =
                unit.starts_with('月') || unit.starts_with('日') || unit.starts_with('号');
            if !is_year && !is_date {
                out.push(i..end);
            }
            i += n.max(1);
            continue;
        }
        if CJK_NUMERALS.contains(c) {
            let mut end = i;
            let mut digits = norm[i..].chars().peekable();
            while let Some(d) = digits.next() {
                // 点 between numerals is a decimal point (一百点○五亿元, 十四点八万元).
                let point = d == '点' && digits.peek().is_some_and(|n| CJK_NUMERALS.contains(*n));
                if !CJK_NUMERALS.contains(d) && !point {
                    break;
                }
                end += d.len_utf8();
            }
            let run = end - i;
            let mut unit_end = end;
            for u in norm[end..].chars().take(3) {
                if !is_unit(u) || CJK_NUMERALS.contains(u) {
                    break;
                }
                unit_end += u.len_utf8();
            }
            // A unit word the characters above do not make (二十七公顷, 七十五亿兰特).
            if unit_end == end {
                let rest = &norm[end..];
                let word = crate::text::paraphrase::lexicon()
                    .unit_at_start(rest)
                    .or_else(|| CURRENCIES.iter().copied().find(|c| rest.starts_with(c)));
                unit_end += word.map_or(0, str::len);
            }
            let strong_unit = norm[end..unit_end].starts_with(['成', '倍', '亿', '万', '%']);
            if unit_end > end && (run > 3 || strong_unit) {
                out.push(i..unit_end);
            }
            i = unit_end.max(i + c.len_utf8());
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// What joins the two ends of a range of figures (70亿—100亿美元, 10%~15%, 3至5万). Not 到:
/// 增加到 and 从…到 give a change, whose end is the figure.
const RANGE_JOINS: &[char] = &['—', '–', '-', '－', '~', '～', '至', '到'];

/// The range of figures a span's figure is one end of, when it is: news gives a planned or
/// estimated amount as 70亿—100亿美元, and either end alone misstates it. The span is widened
/// to the whole range (its words before the first figure kept); otherwise it is returned as is.
pub(crate) fn range_around(norm: &str, span: &Range<usize>) -> Range<usize> {
    let figures = amounts(norm);
    let joined = |gap: &str| !gap.is_empty() && gap.chars().all(|c| RANGE_JOINS.contains(&c));
    // The figure the span holds: the first amount inside it.
    let Some(own) = figures
        .iter()
        .find(|a| a.start >= span.start && a.end <= span.end)
    else {
        return span.clone();
    };
    let mut out = span.clone();
    if let Some(before) = figures
        .iter()
        .rev()
        .find(|a| a.end <= own.start && joined(&norm[a.end..own.start]))
    {
        // Only when the span starts at its figure (words before it would be cut off), and not
        // from one figure to another (从50亿元至80亿元 is a change).
        let from = char_before(norm, before.start).is_some_and(|c| c == '从' || c == '由');
        if own.start == span.start && !from {
            out.start = before.start;
        }
    }
    if let Some(after) = figures
        .iter()
        .find(|a| a.start >= span.end && joined(&norm[span.end..a.start]))
    {
        if own.end == span.end {
            out.end = after.end;
        }
    }
    out
}

/// Words right before a figure that bound or hedge it: 近2200万吨 is not 2200万吨, and an
/// answer shown without them claims more than the passage does.
const HEDGES: &[&str] = &[
    "将近", "接近", "大约", "不到", "不足", "至少", "最多", "超过", "近", "约", "逾",
];

/// Extends a figure shown alone (`range` starts at its digits) backwards over a hedge right
/// before it (近, 约, 超过...); 最近 and 附近 are no hedges.
pub(crate) fn with_hedge(norm: &str, range: &Range<usize>) -> Range<usize> {
    let Some(before) = norm.get(..range.start) else {
        return range.clone();
    };
    let starts_with_figure = norm
        .get(range.clone())
        .and_then(|t| t.chars().next())
        .is_some_and(|c| c.is_ascii_digit() || CJK_NUMERALS.contains(c));
    let Some(hedge) = HEDGES.iter().find(|h| before.ends_with(*h)) else {
        return range.clone();
    };
    let not_hedge = *hedge == "近" && ["最近", "附近"].iter().any(|w| before.ends_with(w));
    if !starts_with_figure || not_hedge {
        return range.clone();
    }
    range.start - hedge.len()..range.end
}

/// Extends an amount backwards over the word that says what it measures (巨亏 → 巨亏60亿),
/// through function words like 达到, never past the clause.
pub(super) fn with_predicate(norm: &str, core: &Range<usize>) -> Range<usize> {
    let clause_start = clause::start(norm, core.start);
    let prefix = &norm[clause_start..core.start];
    if prefix.is_empty() {
        return core.clone();
    }
    let words = jieba().cut(prefix, true);
    let mut start = core.start;
    let mut after_function = false;
    for w in words.iter().rev() {
        // A word right after a number is that figure's unit (元 of 3000元到4000元), not a
        // predicate of this one.
        let after_number =
            char_before(norm, clause_start + w.byte_start).is_some_and(|c| c.is_ascii_digit());
        if after_number
            || w.word.chars().any(|c| c.is_ascii_digit())
            || matches!(
                w.word,
                "年" | "其" | "而" | "的" | "及" | "和" | "与" | "并" | "、" | "或"
            )
        {
            break;
        }
        let function = FUNCTION_WORDS.contains(&w.word);
        // After a modifier (约, 超过, 达到), only a word that names a measure joins (亏损约…);
        // the modifier alone does not (匯聚了40多名 shows 40多名).
        if after_function && !w.word.chars().any(|c| MEASURE_CHARS.contains(c)) {
            break;
        }
        if function && !after_function {
            after_function = true;
            continue;
        }
        start = clause_start + w.byte_start;
        break;
    }
    start..core.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::extract::test_spans as spans;
    use crate::text::normalize;

    #[test]
    fn finds_amounts_not_years() {
        assert_eq!(
            spans(
                amounts,
                "其2022年營收下滑近兩成、巨虧60億，比重107.3%，費用36.14億元"
            ),
            vec!["两成", "60亿", "107.3%", "36.14亿元"]
        );
        // Chinese numerals with a unit word of the lexicon or a currency.
        assert_eq!(
            spans(amounts, "面积二十七公顷，耗资七十五亿兰特"),
            vec!["二十七公顷", "七十五亿兰特"]
        );
        // 点 between numerals is a decimal point; ○ is zero. Not a time of day.
        assert_eq!(
            spans(
                amounts,
                "财政收入达到一百点○五亿元，奖金十四点八万元，晚上八点半开会"
            ),
            vec!["一百点○五亿元", "十四点八万元"]
        );
    }

    /// What `extend` makes of `figure`'s range in the normalized `s`.
    fn extended(extend: fn(&str, &Range<usize>) -> Range<usize>, s: &str, figure: &str) -> String {
        let n = normalize(s);
        let at = n.find(figure).unwrap();
        n[extend(&n, &(at..at + figure.len()))].to_string()
    }

    #[test]
    fn a_hedge_before_a_figure_is_shown_with_it() {
        let hedged = |s: &str, figure: &str| extended(with_hedge, s, figure);
        assert_eq!(hedged("吞吐量近２２００万吨", "2200万吨"), "近2200万吨");
        assert_eq!(hedged("游客约１２万人次", "12万人次"), "约12万人次");
        assert_eq!(hedged("收入超过８０００万元", "8000万元"), "超过8000万元");
        assert_eq!(hedged("最近２２００万吨", "2200万吨"), "2200万吨");
        assert_eq!(hedged("达到２２００万吨", "2200万吨"), "2200万吨");
    }

    #[test]
    fn a_figure_that_ends_a_range_is_read_with_it() {
        let widened = |s: &str, figure: &str| extended(range_around, s, figure);
        let plan = "计划今年外汇贷款比去年增加７０亿—１００亿美元，增长１０％—１５％。";
        assert_eq!(widened(plan, "100亿美元"), normalize("７０亿—１００亿美元"));
        assert_eq!(widened(plan, "70亿"), normalize("７０亿—１００亿美元"));
        assert_eq!(
            widened(plan, "15%"),
            "10%-15%".replace('-', &normalize("—"))
        );
        assert_eq!(widened("从50亿元增加到80亿元", "80亿元"), "80亿元");
        assert_eq!(widened("从50亿元至80亿元", "80亿元"), "80亿元");
        assert_eq!(widened("需要３至５万元", "5万元"), "3至5万元");
        assert_eq!(widened("收入3万元，支出2万元", "2万元"), "2万元");
        assert_eq!(
            widened("收购价在每斤3000元到4000元之间", "4000元"),
            "3000元到4000元"
        );
        assert_eq!(widened("从1000元到2000元", "2000元"), "2000元");
    }

    #[test]
    fn the_predicate_joins_an_amount_through_a_modifier_only_when_it_names_a_measure() {
        let shown = |s: &str, amount: &str| extended(with_predicate, s, amount);
        assert_eq!(shown("其2022年巨虧60億。", "60亿"), "巨亏60亿");
        assert_eq!(shown("匯聚了40多名專家", "40多名"), "40多名");
        // The unit of the figure before is no predicate of this one.
        assert_eq!(shown("每斤3000元到4000元之间", "4000元"), "4000元");
    }
}
