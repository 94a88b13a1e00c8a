//! Which of a sentence's figures the question's own words point at.
//!
//! News lists figures side by side, each in a clause that names what it counts: 缴获海洛因超过5吨，
//! 缴获鸦片1.9吨, 大麻2.3吨; 生产原煤1709万吨，销售收入完成26亿元，全年实现利税3.4亿元. The
//! reader, fitted on encyclopedia questions, weighs where a figure sits and reads the sentence
//! the question matches, but among its figures can pick the wrong sibling (鸦片's 1.9吨 for
//! 海洛因). Within the sentence it chose, the figure whose clause writes more of the question's
//! content words (weighted by rarity, names and years left out: every sibling shares the
//! sentence's subject and date) is the one asked about.

use super::evidence::{Evidence, Role, Weighted};
use super::extract;
use super::fit;
use super::question::{AnswerKind, Question};
use super::reader;
use crate::text::segment::jieba;
use crate::text::{is_cjk, normalize, paraphrase};

/// Keeps, among the figures of the reader's best span's sentence, those whose clause writes
/// the thing the question counts ([`counted_thing`]: 海洛因 of 缴获了多少海洛因), when the best
/// span's clause does not. When the best span is a figure in words only and no figure of its
/// sentence fits, the same holds over its passage: 一艘 of 一艘名为“阿拉拉特号”的货船 (a ship,
/// not a count) gives way to the next sentence's 825名难民 for 载了多少难民. Spans of other
/// passages are left as they are. `text` gives a span's sentence (normalized).
pub(super) fn prefer_named_sibling<'a>(
    q: &Question,
    ev: &Evidence,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    let Some(thing) = asked_thing(q, ev) else {
        return;
    };
    let same_sentence =
        |a: &reader::Span, b: &reader::Span| a.passage == b.passage && a.sentence == b.sentence;
    let wanted = |clause: &str| thing.iter().any(|f| clause.contains(f.as_str()));
    let before = spans.len();
    prefer_clauses(spans, &text, same_sentence, wanted);
    let in_words = |s: &reader::Span| extract::amounts(&text(s)[s.range.clone()]).is_empty();
    let best_in_words = spans
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .is_some_and(|(s, _)| in_words(s));
    if spans.len() == before && best_in_words {
        let same_passage = |a: &reader::Span, b: &reader::Span| a.passage == b.passage;
        prefer_clauses(spans, &text, same_passage, wanted);
    }
}

/// Keeps, among the figures `near` the reader's best span (itself a figure), those whose
/// clause ([`figure_clause`]) is `wanted`, when the best's is not and one of them is; spans
/// elsewhere and spans of other words (一座城市: no figure of the list) are left as they are;
/// the best span itself may be such a figure in words (一艘名为) and gives way then.
pub(super) fn prefer_clauses<'a>(
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
    near: impl Fn(&reader::Span, &reader::Span) -> bool,
    wanted: impl Fn(&str) -> bool,
) {
    let Some(best) = spans
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(s, _)| s.clone())
    else {
        return;
    };
    // A figure with digits or a unit (一点二吨), not a word with a numeral (零下).
    let figure = |s: &reader::Span| {
        let t = &text(s)[s.range.clone()];
        fit::is_figure(t)
            && (!extract::amounts(t).is_empty() || paraphrase::lexicon().figure_unit(t).is_some())
    };
    let candidate = |s: &reader::Span| near(s, &best) && figure(s);
    let fits = |s: &reader::Span| wanted(figure_clause(text(s), &s.range));
    let best_figure = fit::is_figure(&text(&best)[best.range.clone()]);
    if !best_figure || fits(&best) || !spans.iter().any(|(s, _)| candidate(s) && fits(s)) {
        return;
    }
    // The best span's sentence's figures in words (一艘名为, 一艘) give way with it.
    let beside_best = |s: &reader::Span| {
        s.passage == best.passage
            && s.sentence == best.sentence
            && fit::is_figure(&text(s)[s.range.clone()])
    };
    spans.retain(|(s, _)| !(candidate(s) || beside_best(s)) || fits(s));
}

/// Drops the figures that count another thing than the question's ([`counts_another_thing`]:
/// 70多万游客 for 赚了多少外汇), when other spans remain. `text` gives a span's sentence
/// (normalized).
pub(super) fn drop_other_things<'a>(
    q: &Question,
    ev: &Evidence,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    let Some(thing) = asked_thing(q, ev) else {
        return;
    };
    // A figure counting the asked thing in a list (500多名解放军、武警官兵) gives way only to
    // a figure that counts it alone.
    let other = |s: &reader::Span| counts_other(&q.normalized, &thing, text(s), &s.range, false);
    // A figure with digits or a unit (一点二吨), not a word with a numeral (零下).
    let figure = |s: &reader::Span| {
        let t = &text(s)[s.range.clone()];
        fit::is_figure(t)
            && (!extract::amounts(t).is_empty() || paraphrase::lexicon().figure_unit(t).is_some())
    };
    let listed = |s: &reader::Span| !counts_other(&q.normalized, &thing, text(s), &s.range, true);
    let stays =
        |s: &reader::Span| !other(s) && (figure(s) || !spans.iter().any(|(t, _)| listed(t)));
    if spans.iter().any(|(s, _)| other(s)) && spans.iter().any(|(s, _)| stays(s)) {
        spans.retain(|(s, _)| !other(s));
    }
}

/// Whether the answer (its figure `core` in its `sentence`, both as shown) counts another
/// thing than the question does: the sentence writes a noun right after the figure and its
/// measure word that is neither the question's counted thing nor one of its words (70多万游客
/// for 旅游赚了多少外汇, 十几个行业 for 产了多少钢铁). The final check refuses it.
pub(super) fn counts_another_thing(
    q: &Question,
    ev: &Evidence,
    sentence: &str,
    core: &str,
) -> bool {
    let Some(thing) = asked_thing(q, ev) else {
        return false;
    };
    let sentence = normalize(sentence);
    let core = normalize(core);
    sentence.find(core.as_str()).is_some_and(|at| {
        counts_other(
            &q.normalized,
            &thing,
            &sentence,
            &(at..at + core.len()),
            true,
        )
    })
}

/// Whether the figure a span reads (`range` of the normalized `sentence`) counts a noun that is
/// not the question's `thing` and that the question (`norm`) does not write; with `lists`, nor
/// lists the thing after that noun (500多名解放军、武警官兵 counts 官兵).
fn counts_other(
    norm: &str,
    thing: &[String],
    sentence: &str,
    range: &std::ops::Range<usize>,
    lists: bool,
) -> bool {
    noun_after_figure(sentence, range).is_some_and(|(noun, listed)| {
        !norm.contains(noun.as_str())
            && !thing.iter().any(|f| {
                noun.contains(f.as_str())
                    || f.contains(noun.as_str())
                    || akin(f, &noun)
                    || (lists
                        && (listed.contains(f.as_str())
                            || listed.rsplit(' ').next().is_some_and(|h| akin(f, h))))
            })
    })
}

/// Whether two nouns share a character other than a noun suffix (子, 儿, 头): 住房 counts what
/// 房子 does, 卡车 what 汽车 does; 游客 is not 外汇.
fn akin(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !matches!(c, '子' | '儿' | '头'))
        .any(|c| crate::text::is_cjk(c) && b.contains(c))
}

/// The noun a sentence writes right after the figure a span reads (its last amount) and its
/// unit or measure word: 游客 of 70多万游客, 行业 of 十几个行业; with the words it lists
/// there (500多名解放军、武警官兵 counts 官兵 too). None when a break, 的, a verb or a
/// one-character word follows (320万人口的: 口).
fn noun_after_figure(sentence: &str, range: &std::ops::Range<usize>) -> Option<(String, String)> {
    sentence.get(range.clone())?;
    let rest = &sentence[extract::figure_at(sentence, range)..];
    let number = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || fit::NUMERALS.contains(c) || ".·多余".contains(c)))
        .map_or(rest.len(), |(i, _)| i);
    if number == 0 {
        return None;
    }
    let mut after = &rest[number..];
    let units = paraphrase::lexicon();
    if let Some(u) = units.unit_at_start(after) {
        after = &after[u.len()..];
    } else if let Some(c) = after.chars().next().filter(|&c| fit::is_classifier(c)) {
        after = &after[c.len_utf8()..];
    }
    let head: String = after.chars().take_while(|&c| is_cjk(c)).take(8).collect();
    let tags = jieba().tag(&head, false);
    let first = tags.first()?;
    // A person's name (jieba tags 光荣 of 三十余艘光荣起义 so) is not what a figure counts.
    // A set phrase ending on a noun (各族人民) counts that noun.
    let noun = first.tag.starts_with('n')
        || (first.tag == "l"
            && first.word.chars().count() >= 4
            && first
                .word
                .char_indices()
                .rev()
                .nth(1)
                .is_some_and(|(at, _)| {
                    let head = &first.word[at..];
                    jieba()
                        .tag(head, false)
                        .first()
                        .is_some_and(|t| t.word == head && t.tag.starts_with('n'))
                }));
    (noun
        && !first.tag.starts_with("nr")
        && first.word.chars().count() >= 2
        && units.unit_at_start(first.word).is_none())
    .then(|| {
        // Only a list of nouns: 解放军、武警官兵, 土家族和苗族贫困户 (not 县的农民, another
        // noun's, nor 企业和职工 where a verb comes first).
        let tail = after.get(first.word.len()..).unwrap_or("");
        let item = ["、", "和", "及", "与"]
            .iter()
            .find_map(|and| tail.strip_prefix(and))
            .unwrap_or("");
        let item: String = item.chars().take_while(|&c| is_cjk(c)).take(12).collect();
        let nouns = |text: &str| -> Vec<String> {
            jieba()
                .tag(text, false)
                .iter()
                .take_while(|t| {
                    t.tag.starts_with('n')
                        || t.tag == "j"
                        // Set phrases (劳动模范) and words jieba's dictionary tags as numerals
                        // without one (大米) are nouns here too.
                        || t.tag == "l"
                        || (t.tag == "m"
                            && !t.word.contains(|c: char| {
                                c.is_ascii_digit() || fit::NUMERALS.contains(c)
                            }))
                })
                .map(|t| t.word.to_string())
                .collect()
        };
        let mut listed = nouns(&item).concat();
        // And the nouns the first one modifies (专业文艺演出队, 多用途液体罐式集装箱), its
        // head last.
        let long: String = tail.chars().take_while(|&c| is_cjk(c)).take(12).collect();
        let phrase = nouns(&long);
        if let Some(head) = phrase.last() {
            listed.push(' ');
            listed.push_str(&phrase.concat());
            listed.push(' ');
            listed.push_str(head);
        }
        (first.word.to_string(), listed)
    })
}

/// Words right after a figure that make it a yardstick the sentence measures against, not what
/// it reports (超出了所要求的230亿美元的指标，达到270亿美元).
const YARDSTICKS: &[&str] = &[
    "的指标",
    "的目标",
    "的要求",
    "的标准",
    "的预期",
    "的计划",
    "的水平线",
];

/// Drops the figures a sentence names as a yardstick ([`YARDSTICKS`]) when the question asks
/// for none (目标, 指标, 计划...) and the same sentence gives another figure. `text` gives a
/// span's sentence (normalized).
pub(super) fn drop_yardsticks<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount
        || ["指标", "目标", "要求", "标准", "预期", "计划", "预计"]
            .iter()
            .any(|w| q.normalized.contains(w))
    {
        return;
    }
    let yardstick = |s: &reader::Span| {
        let sentence = text(s);
        let after = sentence.get(s.range.end..).unwrap_or("");
        // Up to the figure: the span may take in the words that set it (目标降至4%).
        let before = sentence
            .get(..extract::figure_at(sentence, &s.range))
            .unwrap_or("");
        (YARDSTICKS.iter().any(|w| after.starts_with(w)) && !extract::amounts(after).is_empty())
            || set_as_target(before)
    };
    if spans.iter().any(|(s, _)| yardstick(s)) {
        spans.retain(|(s, _)| !yardstick(s));
    }
}

/// Words that name a figure as a target when a short verb joins them to it (增长目标降至4.5%,
/// 指标定为300亿元). Not 计划 or 预测: 计划出资150万美元 is the sum spent, 预测未来9日 the
/// forecast's span.
const TARGETS: &[&str] = &["目标", "指标"];

/// Whether the text before a figure sets it as a target: a [`TARGETS`] word, then at most four
/// characters without a digit or a clause's end (降至, 定为, 调整为), then the figure or a
/// range's other end (提高到6.5%到7.5%).
fn set_as_target(before: &str) -> bool {
    TARGETS.iter().any(|w| {
        before.rfind(w).is_some_and(|at| {
            let gap = &before[at + w.len()..];
            let verb_end = gap.find(|c: char| c.is_ascii_digit()).unwrap_or(gap.len());
            let (verb, range) = gap.split_at(verb_end);
            let other_end = range.trim_end_matches(['到', '至', '—', '-', '~']);
            verb.chars().count() <= 4
                && !verb.contains(|c: char| ",，;；。:：".contains(c))
                && (range.is_empty()
                    || (other_end.len() < range.len()
                        && other_end
                            .chars()
                            .all(|c| c.is_ascii_digit() || ".·%万亿元".contains(c))))
        })
    })
}

/// The thing a how-much question counts ([`counted_thing`]); None for other questions.
fn asked_thing(q: &Question, ev: &Evidence) -> Option<Vec<String>> {
    if q.kind != AnswerKind::Amount {
        return None;
    }
    counted_thing(&q.normalized, &ev.terms)
}

/// The thing a how-much question counts: the content word right after 多少 or 几 and the
/// measure word or unit it may write there (原煤 of 挖了多少原煤, 飞机 of 多少架飞机, 高速公路 of
/// 多少公里高速公路), with its `[terms]` synonyms. None when the question ends there
/// (人口有多少), counts in a unit only (全长多少公里) or counts people.
fn counted_thing(norm: &str, terms: &[Weighted]) -> Option<Vec<String>> {
    let units = paraphrase::lexicon();
    ["多少", "几"].iter().find_map(|cue| {
        let at = norm.find(cue)? + cue.len();
        let mut rest = &norm[at..];
        // People are counted by what they do (多少人参赛, 多少名受伤): a verb, no thing.
        if rest.starts_with(['人', '名', '位']) {
            return None;
        }
        if let Some(u) = units.unit_at_start(rest) {
            rest = &rest[u.len()..];
        } else if let Some(c) = rest.chars().next().filter(|&c| fit::is_classifier(c)) {
            rest = &rest[c.len_utf8()..];
        }
        let rest = rest.strip_prefix('的').unwrap_or(rest);
        terms
            .iter()
            .filter(|t| t.role == Role::Word)
            .find(|t| {
                t.forms
                    .iter()
                    .any(|f| f.chars().count() >= 2 && rest.starts_with(f.as_str()))
            })
            .map(|t| t.forms.clone())
    })
}

/// The clause around the figure a span reads (its last amount), between the breaks around it.
pub(super) fn figure_clause<'a>(sentence: &'a str, range: &std::ops::Range<usize>) -> &'a str {
    if sentence.get(range.clone()).is_none() {
        return "";
    }
    let at = extract::figure_at(sentence, range);
    &sentence[extract::clause_start(sentence, at)..extract::clause_end(sentence, at)]
}

#[cfg(test)]
#[path = "siblings_tests.rs"]
mod tests;
