//! Answer extraction: within the best passages, the span of the expected type that sits nearest
//! to what the question names, returned verbatim from the passage.

use std::ops::Range;

use crate::corpus::passage::sentences;
use crate::text::aliases::Aliases;
use crate::text::segment::{is_unit, jieba, number_len};
use crate::text::Normalized;

use super::evidence::{Evidence, Role};
use super::question::{AnswerKind, Question};

/// A sentence of a passage with its normalized form.
#[derive(Debug)]
pub struct Sentence<'a> {
    /// The sentence, verbatim.
    pub text: &'a str,
    /// Byte offset of the sentence in the passage.
    pub offset: usize,
    /// The normalized sentence with its offset map.
    pub norm: Normalized<'a>,
}

/// Splits a passage into sentences.
pub fn split(passage: &str) -> Vec<Sentence<'_>> {
    let base = passage.as_ptr() as usize;
    sentences(passage)
        .into_iter()
        .map(|s| Sentence {
            text: s,
            offset: s.as_ptr() as usize - base,
            norm: Normalized::new(s),
        })
        .collect()
}

/// A candidate answer inside one sentence (byte ranges in the sentence's normalized text).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The minimal answer (`60亿`).
    pub core: Range<usize>,
    /// The answer as shown, with its predicate (`巨亏60亿`).
    pub display: Range<usize>,
}

const CJK_NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿半几数";
/// Characters of words that name what an amount measures (亏损, 营收, 费用, 价格...).
const MEASURE_CHARS: &str = "亏损盈利润营收入支出费开销额价值量数增减降涨跌率比资募借债";
const CLAUSE_BREAKS: &str = ",，、;；:：。!！?？\n（）()「」“”\"";
const FUNCTION_WORDS: &[&str] = &[
    "达到", "达", "为", "是", "约", "约为", "超过", "超", "逾", "近", "高达", "共", "合计", "仅",
    "了", "至", "到", "有", "增长", "减少", "下降", "上升",
];

fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
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
                && (unit.is_empty() || unit.starts_with('年'));
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
            for d in norm[i..].chars() {
                if !CJK_NUMERALS.contains(d) {
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

/// Text between quotes or title marks: names of products, works, slogans.
fn quoted(norm: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (open, close) in [
        ('“', '”'),
        ('"', '"'),
        ('「', '」'),
        ('《', '》'),
        ('『', '』'),
        ('‘', '’'),
    ] {
        let mut rest = 0;
        while let Some(a) = norm[rest..].find(open) {
            let s = rest + a + open.len_utf8();
            let Some(b) = norm[s..].find(close) else {
                break;
            };
            if b > 0 && norm[s..s + b].chars().count() <= 20 {
                out.push(s..s + b);
            }
            rest = s + b + close.len_utf8();
        }
    }
    out
}

const ORG_SUFFIXES: &[&str] = &[
    "公司",
    "集团",
    "科技",
    "大学",
    "学院",
    "银行",
    "研究院",
    "研究所",
    "医院",
    "中心",
    "协会",
    "委员会",
    "政府",
    "交易所",
    "基金",
    "资本",
    "网",
    "报",
];

/// jieba's part-of-speech tags for persons, places, and organisations and other proper nouns.
pub(crate) const PERSON_TAGS: &[&str] = &["nr", "nrfg", "nrt"];
/// See [`PERSON_TAGS`].
pub(crate) const PLACE_TAGS: &[&str] = &["ns", "nsf"];
/// See [`PERSON_TAGS`].
pub(crate) const ORGANIZATION_TAGS: &[&str] = &["nt", "nz"];

/// Named things from jieba's part-of-speech tags (`nr` person, `ns` place, `nt` organisation),
/// plus the alias file's entities and organisation suffixes.
fn tagged(norm: &str, kind: AnswerKind, aliases: &Aliases) -> Vec<Range<usize>> {
    let want: &[&str] = match kind {
        AnswerKind::Person => PERSON_TAGS,
        AnswerKind::Place => PLACE_TAGS,
        AnswerKind::Organization => ORGANIZATION_TAGS,
        _ => &[],
    };
    let mut out = Vec::new();
    let mut offset = 0;
    for t in jieba().tag(norm, true) {
        let start = offset;
        offset += t.word.len();
        let is_org_word = kind == AnswerKind::Organization
            && ORG_SUFFIXES
                .iter()
                .any(|s| t.word.ends_with(s) && t.word.chars().count() > s.chars().count());
        if (want.contains(&t.tag) || is_org_word) && t.word.chars().count() >= 2 {
            // HMM sometimes glues a particle to a name (周曦于): drop it.
            let trimmed = t
                .word
                .trim_end_matches(['于', '在', '的', '和', '与', '是', '等', '也', '将']);
            if trimmed.chars().count() >= 2 {
                out.push(start..start + trimmed.len());
            }
        }
    }
    if kind == AnswerKind::Organization {
        out.extend(aliases.find(norm).into_iter().map(|m| m.start..m.end));
    }
    out
}

/// Extends an amount backwards over the word that says what it measures (巨亏 → 巨亏60亿),
/// through function words like 达到, never past the clause.
fn with_predicate(norm: &str, core: &Range<usize>) -> Range<usize> {
    let clause_start = norm[..core.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| CLAUSE_BREAKS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let prefix = &norm[clause_start..core.start];
    if prefix.is_empty() {
        return core.clone();
    }
    let words = jieba().cut(prefix, true);
    let mut start = core.start;
    let mut after_function = false;
    for w in words.iter().rev() {
        if w.word.chars().any(|c| c.is_ascii_digit())
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

/// Content words of a piece of the question, in order (no stopwords, no question phrases).
fn anchor_words(text: &str) -> Vec<String> {
    crate::text::words(text)
        .into_iter()
        .map(|p| p.text)
        .filter(|w| !super::question::STOPWORDS.contains(&w.as_str()))
        .filter(|w| !super::question::CUES.iter().any(|(c, _)| c == w))
        .collect()
}

/// The gap the question's wh-phrase leaves in a sentence: the question reads "梵語研究對什麼
///的發展貢獻不少", the sentence "梵語研究也對西方文字學及歷史語言學的發展貢獻不少"; the words
/// around 什麼 anchor the answer 西方文字學及歷史語言學 between them.
pub fn gap(norm: &str, q: &Question) -> Option<Candidate> {
    if matches!(q.kind, AnswerKind::Reason | AnswerKind::YesNo) {
        return None;
    }
    let qn = q.normalized.as_str();
    let (cue_start, cue_end) = super::question::CUES
        .iter()
        .filter(|(c, _)| {
            !matches!(
                *c,
                "吗" | "是否" | "是不是" | "有没有" | "能不能" | "能否" | "为什么" | "为何"
            )
        })
        .filter_map(|(c, _)| qn.find(c).map(|i| (i, i + c.len())))
        .min_by_key(|&(i, e)| (i, std::cmp::Reverse(e)))?;
    let left = anchor_words(&qn[..cue_start]);
    let right = anchor_words(&qn[cue_end..]);
    // The nearest left anchor that occurs in the sentence (last occurrence), and the nearest
    // right anchor after it.
    let left_end = left
        .iter()
        .rev()
        .take(3)
        .find_map(|w| norm.rfind(w.as_str()).map(|i| i + w.len()));
    let from = left_end.unwrap_or(0);
    let right_start = right.iter().take(3).find_map(|w| {
        norm[from..]
            .find(w.as_str())
            .map(|i| from + i)
            .filter(|&i| i > from || left_end.is_none())
    });
    let (start, end) = match (left_end, right_start) {
        (Some(l), Some(r)) if r > l => (l, r),
        (Some(l), None) => {
            let end = norm[l..]
                .char_indices()
                .find(|&(_, c)| CLAUSE_BREAKS.contains(c))
                .map_or(norm.len(), |(i, _)| l + i);
            (l, end)
        }
        (None, Some(r)) => {
            let start = norm[..r]
                .char_indices()
                .rev()
                .find(|&(_, c)| CLAUSE_BREAKS.contains(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            (start, r)
        }
        _ => return None,
    };
    // Trim particles and punctuation at both ends.
    let text = &norm[start..end];
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| "的是为了在于和与及也都就即,，、:：\"“”「」 ".contains(c))
            .len();
    let t2 = text.trim_end_matches(|c: char| "的是为了在和与及也,，、:：\"“”「」 。".contains(c));
    let (s, e) = (start + lead, start + t2.len());
    let n = norm.get(s..e)?.chars().count();
    if e <= s || n == 0 || n > 24 || !norm[s..e].chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Candidate {
        core: s..e,
        display: s..e,
    })
}

/// The candidates of the wanted kind in a normalized sentence.
pub fn candidates(norm: &str, kind: AnswerKind, aliases: &Aliases) -> Vec<Candidate> {
    match kind {
        AnswerKind::Amount => amounts(norm)
            .into_iter()
            .map(|core| Candidate {
                display: with_predicate(norm, &core),
                core,
            })
            .collect(),
        AnswerKind::Date => dates(norm)
            .into_iter()
            .map(|core| Candidate {
                display: core.clone(),
                core,
            })
            .collect(),
        AnswerKind::Name | AnswerKind::Other => quoted(norm)
            .into_iter()
            .map(|core| Candidate {
                display: core.clone(),
                core,
            })
            .collect(),
        AnswerKind::Person | AnswerKind::Place | AnswerKind::Organization => {
            tagged(norm, kind, aliases)
                .into_iter()
                .map(|core| Candidate {
                    display: core.clone(),
                    core,
                })
                .collect()
        }
        AnswerKind::Reason | AnswerKind::YesNo => Vec::new(),
    }
}

/// Scores a candidate within its sentence: nearness to the question's terms (weighted), the
/// predicate sharing characters with the candidate's clause, and penalties for repeating the
/// question or sitting in a clause about another entity.
pub fn score_candidate(
    c: &Candidate,
    norm: &str,
    q: &Question,
    ev: &Evidence,
    aliases: &Aliases,
) -> f32 {
    let mut near = 0.0;
    let mut weight = 0.0;
    let distance = |i: usize, j: usize| {
        if j <= c.core.start {
            norm[j..c.core.start].chars().count()
        } else if i >= c.core.end {
            norm[c.core.end..i].chars().count()
        } else {
            0
        }
    };
    for t in &ev.terms {
        weight += t.weight;
        let presence = Evidence::presence(t, norm);
        if presence == 0.0 {
            continue;
        }
        let mut best: Option<usize> = None;
        for form in &t.forms {
            for (i, _) in norm.match_indices(form.as_str()) {
                let d = distance(i, i + form.len());
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        }
        if best.is_none() {
            // A word present only through some of its characters (巨虧 for 虧損).
            for ch in t.forms[0].chars() {
                for (i, _) in norm.match_indices(ch) {
                    let d = distance(i, i + ch.len_utf8());
                    best = Some(best.map_or(d, |b| b.min(d)));
                }
            }
        }
        if let Some(d) = best {
            near += presence * t.weight / (1.0 + d as f32 / 6.0);
        }
    }
    let mut score = if weight > 0.0 { near / weight } else { 0.0 };

    // The clause around the candidate.
    let cs = norm[..c.core.start]
        .char_indices()
        .rev()
        .find(|&(_, ch)| CLAUSE_BREAKS.contains(ch))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let ce = norm[c.core.end..]
        .char_indices()
        .find(|&(_, ch)| CLAUSE_BREAKS.contains(ch))
        .map_or(norm.len(), |(i, _)| c.core.end + i);
    let clause = &norm[cs..ce];
    let predicate: Vec<&str> = q.predicate();
    if !predicate.is_empty() {
        let share: f32 = predicate
            .iter()
            .map(|p| {
                let chars: Vec<char> = p.chars().collect();
                chars.iter().filter(|ch| clause.contains(**ch)).count() as f32
                    / chars.len().max(1) as f32
            })
            .sum::<f32>()
            / predicate.len() as f32;
        score += 0.5 * share;
    }
    let core_text = &norm[c.core.clone()];
    if q.normalized.contains(core_text) {
        score *= 0.3;
    }
    // An organisation the question itself names is not the answer (哪家資本投資了商湯).
    if aliases
        .find(core_text)
        .iter()
        .any(|m| q.entities.contains(&m.group))
    {
        score *= 0.2;
    }
    score *= shape_factor(q, core_text);
    if ev.names_only_others(q, aliases, clause) {
        score *= 0.5;
    }
    // The year and the entity named last before the candidate govern it (商湯2021年虧損171億元，
    // 2022年虧損約60億元): another year or company there means another fact.
    let before = &norm[..c.core.start];
    match (q.years.is_empty(), respectively_year(norm, c)) {
        (true, _) => {}
        (false, Some(y)) => score *= if q.years.contains(&y) { 1.5 } else { 0.3 },
        (false, None) => {
            if let Some((_, y)) = super::question::years_in(before).last() {
                if !q.years.contains(y) {
                    score *= 0.35;
                }
            }
        }
    }
    if !q.entities.is_empty() {
        if let Some(m) = aliases.find(before).last() {
            if !q.entities.contains(&m.group) {
                score *= 0.5;
            }
        }
    }
    score * constraint_factor(ev, norm)
}

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

/// The year an amount stands for in a "respectively" list: in 自2018年至2021年…分別為8.49億元、
/// 19.16億元、24.54億元和36.14億元, the third amount is 2020's.
pub(crate) fn respectively_year(norm: &str, c: &Candidate) -> Option<String> {
    let before = &norm[..c.core.start];
    let cue = ["分别为", "分别是", "分别达", "分别"]
        .iter()
        .filter_map(|cue| before.rfind(cue).map(|i| (i, cue.len())))
        .max_by_key(|&(i, len)| (i, len))?;
    let list_start = cue.0 + cue.1;
    let between = &norm[list_start..c.core.start];
    if between.chars().any(|ch| "。；;".contains(ch)) {
        return None;
    }
    let index = amounts(between).len() as u32;
    let (first, last) = *super::evidence::year_ranges(&norm[..cue.0]).last()?;
    let year = first + index;
    (year <= last).then(|| year.to_string())
}

/// How well a sentence keeps the question's constraints: each entity and year named in the
/// sentence keeps the score, one only in a range (`2018-2022年`) or missing lowers it.
pub fn constraint_factor(ev: &Evidence, norm: &str) -> f32 {
    ev.terms
        .iter()
        .filter(|t| t.role != Role::Word)
        .map(|t| {
            let p = Evidence::presence(t, norm);
            if p >= 1.0 {
                1.0
            } else if p > 0.0 {
                0.6
            } else {
                0.7
            }
        })
        .product()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn spans(f: fn(&str) -> Vec<Range<usize>>, s: &str) -> Vec<String> {
        let n = normalize(s);
        f(&n).into_iter().map(|r| n[r].to_string()).collect()
    }

    #[test]
    fn finds_amounts_not_years() {
        assert_eq!(
            spans(
                amounts,
                "其2022年營收下滑近兩成、巨虧60億，比重107.3%，費用36.14億元"
            ),
            vec!["两成", "60亿", "107.3%", "36.14亿元"]
        );
    }

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

    #[test]
    fn amount_display_carries_its_predicate() {
        let n = normalize("其2022年營收下滑近兩成、巨虧60億。");
        let c = candidates(&n, AnswerKind::Amount, &Aliases::default());
        let shown: Vec<&str> = c.iter().map(|c| &n[c.display.clone()]).collect();
        assert!(shown.contains(&"巨亏60亿"), "{shown:?}");
    }

    #[test]
    fn finds_quoted_names() {
        assert_eq!(spans(quoted, "推介大模型體系——“日日新”。"), vec!["日日新"]);
    }
}
