//! The shape of answer a question asks for: a percentage for a rate, the measure word it names
//! (多少家), money, a full date or a year.

use crate::answer::question::{AnswerKind, Question};

/// Words that ask for a rate or a change rather than an amount (同比下降多少 → 51%).
const RATE_CUES: &[&str] = &[
    "同比",
    "环比",
    "比重",
    "比例",
    "比率",
    "占比",
    "百分",
    "增长",
    "下降",
    "下滑",
    "减少",
    "增幅",
    "降幅",
    "跌幅",
    "涨幅",
    "率",
    "增加了",
    "提高了",
];
/// Chinese numerals: a span holding one holds a figure.
const NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿半";
/// Measure words a count question names after 多少/几 (多少家, 幾款).
const COUNT_UNITS: &str = "家名个位人部台款辆座所次年岁项";

/// Prefers answers shaped like what the question asks: a percentage for rates, the measure word
/// the question names (多少家 → 30多家), money for amounts of money, a full date for 哪天.
pub(crate) fn shape_factor(q: &Question, core: &str) -> f32 {
    let qn = q.normalized.as_str();
    match q.kind {
        AnswerKind::Amount => {
            let percent = core.ends_with('%') || core.ends_with('成');
            let money = core.ends_with('元') || core.ends_with('亿') || core.ends_with('万');
            let asks_rate = RATE_CUES.iter().any(|c| qn.contains(c));
            let unit = ["多少", "几"]
                .iter()
                .filter_map(|cue| qn.find(cue).map(|i| &qn[i + cue.len()..]))
                .filter_map(|rest| rest.chars().next())
                .find(|c| COUNT_UNITS.contains(*c));
            if let Some(u) = unit {
                return if core.ends_with(u) { 1.3 } else { 0.6 };
            }
            // A measure the paraphrase lexicon knows (有多长, 占地多大): its units.
            let units = crate::text::paraphrase::units_of(qn);
            if units.iter().any(|u| core.ends_with(u)) {
                return 1.3;
            }
            // Such a question wants a figure: a span without one (主峰自由峰 for 有多高) is
            // not its answer.
            if !units.is_empty()
                && !core
                    .chars()
                    .any(|c| c.is_ascii_digit() || NUMERALS.contains(c))
            {
                return 0.7;
            }
            match (asks_rate, percent, money) {
                (true, true, _) => 1.3,
                (true, false, _) => 0.7,
                (false, true, _) => 0.8,
                (false, false, true) => 1.1,
                _ => 1.0,
            }
        }
        AnswerKind::Date => {
            let asks_day = ["哪天", "哪一天", "几号", "何日", "日期"]
                .iter()
                .any(|c| qn.contains(c));
            let asks_year = ["哪年", "哪一年", "何年", "年份"]
                .iter()
                .any(|c| qn.contains(c));
            let has_day =
                core.contains('日') || core.contains('号') || core.matches(['-', '/']).count() == 2;
            let year_only = core.trim_end_matches('年').len() == 4;
            if asks_day {
                if has_day {
                    1.3
                } else {
                    0.6
                }
            } else if asks_year {
                if year_only || core.contains('年') {
                    1.2
                } else {
                    0.5
                }
            } else {
                1.0
            }
        }
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    fn factor(question: &str, core: &str) -> f32 {
        let q = Question::parse(question, &Aliases::default()).unwrap();
        shape_factor(&q, core)
    }

    #[test]
    fn a_rate_question_prefers_a_percentage() {
        assert!(factor("營收同比下降多少", "51%") > factor("營收同比下降多少", "60亿"));
    }

    #[test]
    fn a_measure_question_prefers_its_units_and_a_figure() {
        assert!(factor("乞力马扎罗山有多高", "5895米") > factor("乞力马扎罗山有多高", "5895人"));
        assert!(
            factor("乞力马扎罗山有多高", "5895人") > factor("乞力马扎罗山有多高", "主峰自由峰")
        );
        assert!(
            factor("龙井保护区占地多大", "168平方公里") > factor("龙井保护区占地多大", "800元")
        );
    }

    #[test]
    fn a_count_question_prefers_its_measure_word() {
        assert!(factor("有多少家公司上市", "30多家") > factor("有多少家公司上市", "30亿"));
    }
}
