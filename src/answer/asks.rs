//! Question kinds read from a which-word's surroundings, where no cue phrase decides: 哪个球员
//! asks a person, 在哪踢 a place; and whether a how-much question asks a rate (投票率多少).

/// Whether a which-question asks for a person by the word for their role (哪个球员, 哪名选手,
/// 哪一个记者): a word of up to four characters after 哪个 that ends in 员, 手 or 者, and not
/// a body's (成员国, 议员会).
pub(super) fn a_person(norm: &str) -> bool {
    ["哪一个", "哪一名", "哪个", "哪名"].iter().any(|cue| {
        norm.match_indices(cue).any(|(at, _)| {
            let rest = &norm[at + cue.len()..];
            rest.char_indices().take(4).any(|(i, c)| {
                "员手者".contains(c)
                    && !rest[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| "国会工组队单".contains(n))
            })
        })
    })
}

/// Whether a question asks where something happens with 在…哪 and a verb after 哪 (在哪踢,
/// 在北京哪演出) or nothing (总部在哪): not a count or a time (在哪一年, 在哪个世纪, 在哪本书),
/// which a measure word after 哪 marks.
pub(super) fn a_place(norm: &str) -> bool {
    norm.match_indices('哪').any(|(at, _)| {
        let before: Vec<char> = norm[..at].chars().rev().take(5).collect();
        let Some(zai) = before.iter().position(|&c| c == '在') else {
            return false;
        };
        // 区别在哪, 原因在哪: where in a matter, not a place.
        let head = &norm[..at];
        let head = head
            .get(..head.rfind('在').unwrap_or(0))
            .unwrap_or_default();
        if ABSTRACT.iter().any(|w| head.ends_with(w)) {
            return false;
        }
        // Only content between 在 and 哪 (在北京哪), no clause break.
        let inside_clause = before[..zai].iter().all(|&c| crate::text::is_cjk(c));
        let next = norm[at + '哪'.len_utf8()..].chars().next();
        inside_clause && next.is_none_or(|c| !crate::text::is_cjk(c) || !NOT_A_PLACE.contains(c))
    })
}

/// Words whose 在哪 asks where in a matter (区别在哪, 问题在哪), not a place.
const ABSTRACT: &[&str] = &[
    "区别", "差别", "差异", "不同", "原因", "问题", "关键", "意义", "难点", "好处", "优势", "特点",
    "价值", "根源", "症结", "责任", "错", "秘诀", "奥秘", "魅力",
];

/// Characters after 哪 that make it ask which one, how many or when, not where: numerals,
/// measure words, time words, and 里/儿 (whose cue phrases decide already).
const NOT_A_PLACE: &str =
    "一二两几个本部场届次天年月日种位家所条首张项款支只间座些门类样份期批号章集回段层级名队里儿方";

/// Whether a question asks for a rate: [`RATES_ASKED`], or a word in 率 right before what is
/// asked (投票率多少, 出生率是多少; not 汇率 or 功率, which other units give, nor 胜率 in
/// 胜率新纪录是多少胜).
pub(super) fn a_rate(norm: &str) -> bool {
    RATES_ASKED.iter().any(|w| norm.contains(w))
        || norm.match_indices('率').any(|(i, w)| {
            let asked = norm[i + w.len()..].trim_start_matches(['是', '为', '有', '达']);
            i > 0
                && !norm[..i].ends_with(['汇', '功', '频', '效', '速'])
                && ["多少", "几", "多高", "多大"]
                    .iter()
                    .any(|a| asked.starts_with(a))
        })
}

/// Words of a question that asks for a rate, which only a share answers.
const RATES_ASKED: &[&str] = &[
    "增速",
    "增长率",
    "增长速度",
    "增幅",
    "涨幅",
    "降幅",
    "跌幅",
    "百分之几",
    "百分比",
    "占比",
    "比重",
    "比例",
    "覆盖率",
    "失业率",
    "通胀率",
    "利率",
    "税率",
    // How far a goal is reached (小康实现程度, 完成程度) is a share of it.
    "程度",
    // An economy grows by a rate (经济增长预计多少 asks 2.4%, not the 55位 economists asked).
    "经济增长",
];

/// `work` with a space before each phrasing the question asks through (花了, 有多长) that
/// jieba's guess at an unknown word glued onto the word before it (探月花 | 了 of 探月花了多少钱):
/// such a word is written nowhere and would weigh as a rare term.
pub(super) fn apart_from_asked(normalized: &str, mut work: String) -> String {
    let asked = crate::text::paraphrase::lexicon().asked(normalized);
    for a in asked {
        let Some(at) = work.find(a.phrase) else {
            continue;
        };
        let glued = crate::text::words(&work).iter().any(|p| {
            p.start < at && at < p.end && !crate::text::segment::jieba().has_word(&p.text)
        });
        if glued {
            work.insert(at, ' ');
        }
    }
    work
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_with_a_verb_after_the_which_word_is_a_place() {
        assert!(a_place("亚俱杯东亚区决赛在哪踢"));
        assert!(a_place("嵊州越剧团在北京哪演出"));
        assert!(a_place("公司总部在哪"));
        assert!(!a_place("他在哪一年出生"));
        assert!(!a_place("在哪个世纪"));
        assert!(!a_place("故事发生在哪本书里"));
        assert!(!a_place("哪演出最好"));
        assert!(!a_place("在今年，哪演出最好"));
        assert!(a_place("会议在哪省召开"));
        assert!(!a_place("独裁政体和民主政体的区别在哪"));
        assert!(!a_place("问题在哪"));
    }

    #[test]
    fn a_role_ending_in_yuan_or_zhe_is_a_person() {
        assert!(a_person("哪个球员进球最多"));
        assert!(!a_person("哪个成员国"));
    }
}
