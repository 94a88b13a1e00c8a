//! Lists that pair names with figures in order: 村集体年均和农民人均纯收入为23万元和2800元, 鸡、猪的
//! 饲养量分别达到200万只和30万头. The reader sees two figures in one clause and takes the nearer
//! or the first; which one answers is decided by which name of the list the question writes.
//!
//! A coordinated list shares its ends: the first name may carry the sentence's subject before it
//! (全县鸡) and the last the common head after it (猪的饲养量). Only the edges at the separators
//! belong to one name alone, so a name is matched by the longest part of it, touching a
//! separator, that the question writes.

use super::question::{AnswerKind, Question};
use super::reader;

/// What a span of a listed figure other than the asked one loses, and what the asked one
/// alone gains: the margin of a part or a rate (`fit::PART_OR_RATE`) each way, as the reader
/// can put the first figure of a list two log-odds above the second.
const OTHER_ITEM: f32 = 1.5;

/// Clause boundaries: a list and its names stand in one clause, or the names in an earlier
/// clause of the same sentence (…为23万元和2800元，分别比上年增长15%和12.3%).
const CLAUSE_ENDS: &[char] = &['，', ',', '；', ';', '：', ':', '。'];

/// A separator of coordinated names or figures at byte `i` of `text`, and its length; 和, 与
/// and 及 only outside the words they also write (和平, 总和, 参与, 普及, 及时).
fn separator(text: &str, i: usize) -> Option<usize> {
    let here = &text[i..];
    let prev = text[..i].chars().next_back();
    if here.starts_with("以及") || here.starts_with("及其") {
        return Some("以及".len());
    }
    let c = here.chars().next()?;
    let next = here[c.len_utf8()..].chars().next();
    let ok = match c {
        '、' => true,
        '和' => {
            !prev.is_some_and(|p| "共总温缓饱柔调议平".contains(p))
                && !next.is_some_and(|n| "平谐睦约解气".contains(n))
        }
        '与' => !prev.is_some_and(|p| "参给赋授".contains(p)) && next != Some('会'),
        '及' => {
            !prev.is_some_and(|p| "普涉危顾波企触提不来以".contains(p))
                && !next.is_some_and(|n| "时格早".contains(n))
        }
        _ => false,
    };
    ok.then_some(c.len_utf8())
}

/// The figures of a list in `clause` (offset `at` in the sentence): digits, their unit, and a
/// separator between each two. Ranges are in the sentence.
fn figure_lists(clause: &str, at: usize) -> Vec<Vec<std::ops::Range<usize>>> {
    let mut lists = Vec::new();
    let mut current: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < clause.len() {
        let rest = &clause[i..];
        let Some(c) = rest.chars().next() else { break };
        if !c.is_ascii_digit() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + rest
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
            .map_or(rest.len(), |(k, _)| k);
        // The unit: up to five characters, up to a separator, digit or punctuation. A list goes
        // on only through a separator straight before the next figure.
        let mut unit = 0;
        while end < clause.len() && unit < 5 {
            let Some(u) = clause[end..].chars().next() else {
                break;
            };
            if u.is_ascii_digit()
                || separator(clause, end).is_some()
                || !u.is_alphanumeric() && u != '%'
            {
                break;
            }
            end += u.len_utf8();
            unit += 1;
        }
        current.push(at + start..at + end);
        i = end;
        match separator(clause, end) {
            Some(n) if clause[end + n..].starts_with(|c: char| c.is_ascii_digit()) => i = end + n,
            _ => finish(&mut lists, &mut current),
        }
    }
    finish(&mut lists, &mut current);
    lists
}

fn finish(lists: &mut Vec<Vec<std::ops::Range<usize>>>, current: &mut Vec<std::ops::Range<usize>>) {
    if current.len() >= 2 {
        lists.push(std::mem::take(current));
    }
    current.clear();
}

/// The names `text` coordinates, split at its separators.
fn names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some(n) = separator(text, i) {
            out.push(&text[from..i]);
            from = i + n;
            i = from;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push(&text[from..]);
    out
}

/// How much of name `k` of `n`, touching a separator, the question writes: the longest end of
/// the first name, start of the last, either of a middle one, in characters.
fn written(question: &str, name: &str, k: usize, n: usize) -> usize {
    let cuts = || name.char_indices().map(|(i, _)| i).chain([name.len()]);
    let longest = |pieces: &mut dyn Iterator<Item = &str>| {
        pieces
            .filter(|p| !p.is_empty() && question.contains(*p))
            .map(|p| p.chars().count())
            .max()
            .unwrap_or(0)
    };
    let ends = || cuts().map(|i| &name[i..]);
    let starts = || cuts().map(|i| &name[..i]);
    match (k == 0, k + 1 == n) {
        (true, _) => longest(&mut ends()),
        (_, true) => longest(&mut starts()),
        _ => longest(&mut ends()).max(longest(&mut starts())),
    }
}

/// The lists of `sentence` whose names are known: each list's figure ranges and its names, in
/// order.
type Listed<'s> = (Vec<std::ops::Range<usize>>, Vec<&'s str>);

/// The figure lists of `sentence` paired with their names.
fn listed(sentence: &str) -> Vec<Listed<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    // The last names list of the sentence, for a later list that has none of its own.
    let mut earlier: Option<Vec<&str>> = None;
    for clause in sentence.split_inclusive(CLAUSE_ENDS) {
        for list in figure_lists(clause, at) {
            let head = &sentence[at..list[0].start];
            let own = names(head);
            let named = if own.len() == list.len() {
                earlier = Some(own.clone());
                Some(own)
            } else if own.len() == 1 {
                earlier.clone().filter(|e| e.len() == list.len())
            } else {
                None
            };
            if let Some(named) = named {
                out.push((list, named));
            }
        }
        at += clause.len();
    }
    out
}

/// Which figure of each list in `sentence` the question asks for: (the list's ranges, the
/// index asked), for lists whose names the question tells apart.
fn asked(question: &str, sentence: &str) -> Vec<List> {
    let mut out = Vec::new();
    for (list, named) in listed(sentence) {
        let scores: Vec<usize> = named
            .iter()
            .enumerate()
            .map(|(k, name)| written(question, name, k, named.len()))
            .collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best > 0 && scores.iter().filter(|&&s| s == best).count() == 1 {
            if let Some(k) = scores.iter().position(|&s| s == best) {
                out.push((list, k));
            }
        }
    }
    out
}

/// The name a listed figure at byte `at` of `sentence` (normalized) stands for, and the list's
/// last name, which may carry a head the names share: 村集体年均 and 农民人均纯收入为 for 23万元 in
/// 村集体年均和农民人均纯收入为23万元和2800元. `None` for a figure in no list.
pub(super) fn own_name(sentence: &str, at: usize) -> Option<(&str, &str)> {
    listed(sentence).into_iter().find_map(|(list, named)| {
        let k = list.iter().position(|r| r.contains(&at))?;
        Some((*named.get(k)?, *named.last()?))
    })
}

/// A figure list of a sentence (its figures' ranges) and the item the question names.
type List = (Vec<std::ops::Range<usize>>, usize);

/// For a how-much question, raises the span that is the figure of a list whose name the
/// question writes and lowers those that take in another figure of the list. `sentence(span)` is the span's sentence (normalized), in
/// which its range lies.
pub(super) fn prefer_named_item<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount {
        return;
    }
    let mut seen: Vec<(&str, Vec<List>)> = Vec::new();
    for (s, score) in spans.iter_mut() {
        let text = sentence(s);
        let lists = match seen.iter().find(|(t, _)| std::ptr::eq(*t, text)) {
            Some((_, l)) => l,
            None => {
                seen.push((text, asked(&q.normalized, text)));
                &seen[seen.len() - 1].1
            }
        };
        let overlaps = |r: &std::ops::Range<usize>| r.start < s.range.end && s.range.start < r.end;
        for (list, k) in lists {
            let touched: Vec<usize> = (0..list.len()).filter(|&j| overlaps(&list[j])).collect();
            match touched.as_slice() {
                [] => {}
                [j] if j == k => *score += OTHER_ITEM,
                _ => *score -= OTHER_ITEM,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{asked, figure_lists, names, own_name};

    fn pick(question: &str, sentence: &str) -> Vec<String> {
        asked(question, sentence)
            .into_iter()
            .map(|(list, k)| sentence[list[k].clone()].to_string())
            .collect()
    }

    #[test]
    fn lists_of_figures_and_names() {
        let s = "全县鸡、猪的饲养量分别达到200万只和30万头,养鱼水面达5400亩";
        let lists = figure_lists(s, 0);
        assert_eq!(lists.len(), 1);
        let got: Vec<&str> = lists[0].iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(got, ["200万只", "30万头"]);
        assert_eq!(names("全县鸡、猪的饲养量"), ["全县鸡", "猪的饲养量"]);
        assert_eq!(names("和平与发展").len(), 2);
        assert_eq!(names("共和国和平").len(), 1);
    }

    #[test]
    fn the_name_the_question_writes_picks_the_figure() {
        let s = "去年全省村集体年均和农民人均纯收入为23万元和2800元,分别比上年增长15%和12.3%。";
        assert_eq!(pick("福建1997年农民人均纯收入多少", s), ["2800元", "12.3%"]);
        assert_eq!(pick("村集体年均收入增长多少", s), ["23万元", "15%"]);
        let s = "全县鸡、猪的饲养量分别达到200万只和30万头";
        assert_eq!(pick("全县鸡的饲养量", s), ["200万只"]);
        assert_eq!(pick("鸡的饲养量", s), ["200万只"]);
        assert_eq!(pick("猪养了多少头", s), ["30万头"]);
        let s = "单项业务企业、主导产品企业、相关联多元化企业和无关联多元化企业所占的比重分别为28%、38.7%、29.2%和2.9%";
        assert_eq!(pick("无关联多元化企业比重多少", s), ["2.9%"]);
        assert_eq!(pick("相关联多元化企业占多少", s), ["29.2%"]);
        let s = "村集体年均和农民人均纯收入为23万元和2800元";
        let last = "农民人均纯收入为";
        assert_eq!(
            own_name(s, s.find("23万").unwrap()),
            Some(("村集体年均", last))
        );
        assert_eq!(own_name(s, s.find("2800").unwrap()), Some((last, last)));
        assert_eq!(own_name("收入为23万元", 9), None);
    }

    #[test]
    fn a_question_naming_no_item_or_all_picks_none() {
        let s = "实现利润和资产总额分别占千户企业的97.8%和78.5%";
        assert!(pick("千户企业占多少", s).is_empty());
        // Figures not in a list, or names not matching the count, are left alone.
        assert!(pick("利润多少", "实现利润30亿元,资产总额200亿元").is_empty());
        assert!(pick(
            "美国和中国的进口",
            "中国和美国的贸易额和投资额分别为3亿和5亿"
        )
        .is_empty());
    }
}
