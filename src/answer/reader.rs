//! The reader: scores every short span of the best sentences with a linear model, as the classic
//! feature-based SQuAD reader does (no neural model runs offline here), then re-scores the best
//! of them with a gradient-boosted forest ([`super::forest`]) and picks the answer.
//!
//! A span is a run of one to [`MAX_WORDS`] jieba words inside one clause. Its features say how
//! it sits among the question's words (nearness, the gap the question's wh-phrase leaves), whether
//! it has the head noun the question names (哪一條**河** → 威悉河), the part of speech and length
//! the answer type wants, and what the typed extractors ([`super::extract`]) think of it. The
//! weights ([`super::reader_weights`]) are fitted by `scripts/train_reader.py` on the spans
//! `wenjin eval --spans FILE` writes; see BENCHMARKS.md for how they were validated.

use std::ops::Range;

use crate::text::aliases::Aliases;
use crate::text::segment::jieba;

use super::evidence::Evidence;
use super::extract::{self, Sentence};
use super::forest;
use super::question::{AnswerKind, Question, CUES, STOPWORDS};
use super::reader_weights as w;

/// Longest span in words and in characters. 12 / 32 (from 9 / 24) gives more of CMRC's long
/// answers a right span (72% → 76% of questions); the linear model alone did not gain from it,
/// with the forest it adds one point of held-out exact match on CMRC.
pub const MAX_WORDS: usize = 12;
const MAX_CHARS: usize = 32;
/// Longest span that runs to the end of a clause or sentence.
const MAX_RUN_CHARS: usize = 80;
/// Sentences of each passage that are read (best first by coverage).
const SENTENCES: usize = 4;
/// Passages read: the best ones, while within this share of the best score.
const PASSAGES: usize = 3;
const PASSAGE_SHARE: f32 = 0.75;

/// Number of dense features.
pub const DENSE: usize = 61;
/// Dense features whose weight also depends on what the question asks (nearness, the mirrored
/// words around the wh-phrase, the head noun, a copula before the span, quotes, the typed pick,
/// the shape, coverage of the sentence): weighted again per [`ask_class`].
pub const CROSSED: [usize; 10] = [5, 6, 32, 35, 37, 20, 17, 48, 50, 0];
/// Answer-type groups, parts of speech and length buckets (the sparse, crossed features).
pub const KINDS: usize = 12;
/// Part-of-speech classes of a span's last word.
pub const POS: usize = 8;
/// Length buckets of a span in characters.
pub const LENGTHS: usize = 10;
/// Words that often border an answer (是 before a definition, 等 after a list); the classes of
/// [`boundary`] are their indexes, then a break, the sentence's edge and any other word.
const BORDER_WORDS: &[&str] = &[
    "是", "为", "的", "在", "于", "由", "被", "和", "与", "及", "等", "了", "以", "从", "到", "至",
    "将", "对", "向", "称", "叫", "名", "即", "指", "成为", "作为", "位于", "包括", "如", "有",
    "称为", "叫做", "所", "之", "而", "并", "或", "也", "都", "年", "中", "上", "后", "时",
];
/// Classes of a bordering word.
pub const BORDERS: usize = BORDER_WORDS.len() + 3;

/// The class of the word bordering a span.
fn boundary(word: Option<&str>) -> usize {
    match word {
        None => BORDER_WORDS.len() + 1,
        Some(w) if w.chars().all(|c| BREAKS.contains(c)) => BORDER_WORDS.len(),
        Some(w) => BORDER_WORDS
            .iter()
            .position(|b| *b == w)
            .unwrap_or(BORDER_WORDS.len() + 2),
    }
}

/// Words a span does not start or end with.
const EDGE_WORDS: &[&str] = &[
    "的", "了", "是", "在", "和", "与", "及", "等", "也", "都", "就", "而", "被", "把", "对", "为",
    "以", "之", "于", "这", "那", "并", "或", "将", "从", "由", "其", "所", "则", "即", "向", "又",
    "但", "因", "着", "过", "到",
];
/// Characters that join the parts of one token (a transliterated name's dot, a hyphen).
const JOINERS: &str = "·‧・•-－";
const BREAKS: &str = ",，、;；:：。!！?？\n（）()「」“”\"[]【】";
const COPULAS: &[&str] = &[
    "是", "为", "指", "称为", "称", "叫", "叫做", "即", "乃", "名为",
];
/// Characters compared around the wh-phrase and around a span.
const WINDOW: usize = 8;
/// Characters of question phrases, left out of the windows.
const CUE_CHARS: &str = "什么哪谁几多少何吗";
const CLASSIFIERS: &str = "一个种条位家所部本座支间项类些名只次场首颗门件届年样款台辆";

/// A candidate span with its features.
#[derive(Debug, Clone)]
pub struct Span {
    /// Rank of the passage among the reranked ones.
    pub passage: usize,
    /// Index of the sentence in the passage's sentence split.
    pub sentence: usize,
    /// Byte range in the sentence's normalized text.
    pub range: Range<usize>,
    /// Dense features.
    pub dense: [f32; DENSE],
    /// Answer-type group.
    pub kind: usize,
    /// Part-of-speech class of the last word.
    pub pos: usize,
    /// Length bucket.
    pub length: usize,
    /// Part-of-speech class of the first word.
    pub first: usize,
    /// The class of the word before the span ([`boundary`]).
    pub prev: usize,
    /// The class of the word after the span.
    pub next: usize,
}

impl Span {
    /// The model's score.
    pub fn score(&self) -> f32 {
        let mut s = w::POS[self.kind][self.pos]
            + w::LENGTH[self.kind][self.length]
            + w::FIRST[self.kind][self.first]
            + w::PREV[self.prev]
            + w::NEXT[self.next];
        for (x, wt) in self.dense.iter().zip(w::DENSE.iter()) {
            s += x * wt;
        }
        for (&i, wt) in CROSSED.iter().zip(w::CROSS[self.kind].iter()) {
            s += self.dense[i] * wt;
        }
        s
    }
}

/// What the question asks, finer than [`AnswerKind`]: the wh-word of an "other" question tells
/// a span's shape (什麼 wants a noun phrase, 如何 a clause, "X是?" a definition).
fn ask_class(q: &Question) -> usize {
    let qn = q.normalized.as_str();
    match q.kind {
        AnswerKind::Amount => 0,
        AnswerKind::Date => 1,
        AnswerKind::Person => 2,
        AnswerKind::Place | AnswerKind::Organization => 3,
        AnswerKind::Name => 4,
        AnswerKind::Reason => 5,
        AnswerKind::YesNo => 6,
        AnswerKind::Other if ["如何", "怎么", "怎样"].iter().any(|c| qn.contains(c)) => 9,
        AnswerKind::Other if qn.contains("哪") => 8,
        AnswerKind::Other if qn.contains("什么") => 7,
        AnswerKind::Other if qn.contains('何') => 11,
        AnswerKind::Other => 10,
    }
}

fn pos_class(tag: &str, word: &str) -> usize {
    if word.chars().any(|c| c.is_ascii_digit()) || tag == "m" || tag == "q" {
        return 6;
    }
    match tag {
        t if t.starts_with("nr") => 1,
        t if t.starts_with("ns") => 2,
        "nt" => 3,
        t if t.starts_with('n') || t == "vn" => 0,
        t if t.starts_with('v') => 4,
        t if t.starts_with('a') || t == "d" || t == "b" => 5,
        "eng" => 6,
        _ => 7,
    }
}

fn length_bucket(chars: usize) -> usize {
    match chars {
        0 | 1 => 0,
        2 => 1,
        3 => 2,
        4 => 3,
        5 | 6 => 4,
        7..=9 => 5,
        10..=14 => 6,
        15..=19 => 7,
        20..=29 => 8,
        _ => 9,
    }
}

/// What the question tells the reader, computed once.
struct Cues {
    /// Characters of the question (normalized).
    chars: Vec<char>,
    /// Needles whose occurrences in a sentence mark it as matching the question.
    needles: Vec<String>,
    /// The content word right before the wh-phrase and right after it.
    left: Option<String>,
    right: Option<String>,
    /// The head noun the question asks for (哪一條河 → 河).
    head: Option<String>,
    /// What the question asks ([`ask_class`]).
    class: usize,
    /// Up to [`WINDOW`] characters of the question before and after its wh-phrase (letters and
    /// digits only, nearest first).
    before: Vec<char>,
    after: Vec<char>,
    /// The question asks for several things (哪些).
    list: bool,
    /// The wh-phrase follows a copula (X是什麼): the answer likely follows one too.
    copula: bool,
    /// The question asks what something is ("X是?", "X指的是什麼").
    definition: bool,
}

fn cues(q: &Question, ev: &Evidence) -> Cues {
    let qn = q.normalized.as_str();
    let mut needles: Vec<String> = ev.terms.iter().flat_map(|t| t.forms.clone()).collect();
    needles.extend(q.bigrams.iter().cloned());
    needles.retain(|n| !n.trim().is_empty());
    needles.sort();
    needles.dedup();
    let cue = CUES
        .iter()
        .filter(|(c, _)| !matches!(*c, "吗" | "是否" | "是不是" | "有没有" | "能不能" | "能否"))
        .filter_map(|(c, _)| qn.find(c).map(|i| (i, i + c.len())))
        .min_by_key(|&(i, e)| (i, std::cmp::Reverse(e)));
    let content = |t: &str| -> Vec<String> {
        crate::text::words(t)
            .into_iter()
            .map(|p| p.text)
            .filter(|w| !STOPWORDS.contains(&w.as_str()) && w.chars().any(char::is_alphanumeric))
            .filter(|w| !CUES.iter().any(|(c, _)| c == w))
            .collect()
    };
    let keep = |c: &char| c.is_alphanumeric() && !CUE_CHARS.contains(*c);
    let (before, after): (Vec<char>, Vec<char>) = match cue {
        Some((s, e)) => (
            qn[..s].chars().rev().filter(keep).take(WINDOW).collect(),
            qn[e..].chars().filter(keep).take(WINDOW).collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let copula = cue.is_some_and(|(s, _)| COPULAS.iter().any(|c| qn[..s].ends_with(c)));
    let (left, right, head) = match cue {
        Some((s, e)) => {
            let left = content(&qn[..s]).pop();
            let after = &qn[e..];
            let stripped = after.trim_start_matches(|c: char| CLASSIFIERS.contains(c));
            // The measured noun, not its classifier, anchors the right side (多少名博士 → 博士).
            let right = content(stripped).into_iter().next();
            let head = if stripped.len() < after.len() || qn[s..e].starts_with('哪') {
                noun_head(stripped)
            } else if qn[s..e] == *"什么" {
                noun_head(after)
            } else {
                None
            };
            (left, right, head)
        }
        None => (None, None, None),
    };
    let bare = qn.trim_end_matches(|c: char| !c.is_alphanumeric());
    let definition = [
        "是",
        "为",
        "指",
        "是什么",
        "指什么",
        "是指什么",
        "定义是",
        "意思是",
    ]
    .iter()
    .any(|e| bare.ends_with(e));
    Cues {
        before,
        after,
        list: qn.contains("哪些")
            || qn.match_indices('哪').any(|(i, _)| {
                qn[i + '哪'.len_utf8()..]
                    .starts_with(|c: char| "两二三四五六七八九十几".contains(c))
            }),
        copula,
        class: ask_class(q),
        definition,
        chars: qn.chars().collect(),
        needles,
        left,
        right,
        head,
    }
}

/// The last noun of the noun phrase that starts `text` (哪種化學元素 → 元素).
fn noun_head(text: &str) -> Option<String> {
    let mut head = None;
    for (k, t) in jieba().tag(text, true).into_iter().enumerate() {
        if t.tag.starts_with('n') && t.word.chars().all(crate::text::is_cjk) {
            head = Some(t.word.to_string());
        } else if k == 0 && matches!(t.tag, "a" | "b" | "m") {
            // 大模型, 四大板塊: a modifier before the noun.
            continue;
        } else {
            break;
        }
    }
    head
}

/// The typed extractors' candidates of one sentence with their scores
/// ([`extract::score_candidate`]).
pub type Typed = Vec<(extract::Candidate, f32)>;

/// A passage as the reader reads it: its rank, its share of the best score, its sentences and
/// the typed candidates of each sentence.
pub type Passage<'p, 's> = (usize, f32, &'p [Sentence<'s>], &'p [Typed]);

/// Every candidate span in the best sentences of the best passages.
pub fn spans(
    q: &Question,
    ev: &Evidence,
    aliases: &Aliases,
    passages: &[Passage<'_, '_>],
    typed_pick: Option<(usize, usize, Range<usize>)>,
) -> Vec<Span> {
    let cues = cues(q, ev);
    let mut out = Vec::new();
    for &(rank, weight, sentences, typed) in passages.iter().take(PASSAGES) {
        if weight < PASSAGE_SHARE {
            continue;
        }
        let mut order: Vec<(usize, f32)> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| (i, ev.coverage(&s.norm.text)))
            .collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (srank, &(i, cov)) in order.iter().take(SENTENCES).enumerate() {
            let ctx = SentenceContext {
                q,
                aliases,
                cues: &cues,
                rank,
                weight,
                sentence_rank: srank,
                coverage: cov,
                best_coverage: order.first().map_or(0.0, |o| o.1),
                typed_pick: typed_pick
                    .as_ref()
                    .filter(|(p, s, _)| *p == rank && *s == i)
                    .map(|t| t.2.clone()),
            };
            let none = Typed::new();
            let typed = typed.get(i).unwrap_or(&none);
            sentence_spans(&ctx, i, &sentences[i].norm.text, typed, &mut out);
        }
    }
    out
}

struct SentenceContext<'a> {
    q: &'a Question,
    aliases: &'a Aliases,
    cues: &'a Cues,
    rank: usize,
    weight: f32,
    sentence_rank: usize,
    coverage: f32,
    best_coverage: f32,
    /// The typed extractors' pick, when it lies in this sentence.
    typed_pick: Option<Range<usize>>,
}

fn sentence_spans(
    ctx: &SentenceContext<'_>,
    index: usize,
    norm: &str,
    typed_scored: &[(extract::Candidate, f32)],
    out: &mut Vec<Span>,
) {
    let q = ctx.q;
    // Character positions and the mask of characters matching the question.
    let offsets: Vec<usize> = norm
        .char_indices()
        .map(|(i, _)| i)
        .chain([norm.len()])
        .collect();
    let char_at = |byte: usize| offsets.partition_point(|&o| o < byte);
    let n = offsets.len() - 1;
    let mut mask = vec![false; n];
    for needle in &ctx.cues.needles {
        for (i, _) in norm.match_indices(needle.as_str()) {
            for m in &mut mask[char_at(i)..char_at(i + needle.len())] {
                *m = true;
            }
        }
    }
    let breaks: Vec<bool> = norm.chars().map(|c| BREAKS.contains(c)).collect();
    // Enumeration commas join the items of a list answer (演員、模特兒): only other breaks end
    // a span.
    let hard: Vec<bool> = norm
        .chars()
        .map(|c| BREAKS.contains(c) && c != '、')
        .collect();
    let typed: Vec<&extract::Candidate> = typed_scored.iter().map(|(c, _)| c).collect();
    let gap = extract::gap(norm, q);
    let find_anchor = |w: &Option<String>| -> Vec<(usize, usize)> {
        w.as_ref().map_or_else(Vec::new, |w| {
            norm.match_indices(w.as_str())
                .map(|(i, m)| (char_at(i), char_at(i + m.len())))
                .collect()
        })
    };
    let left_anchor = find_anchor(&ctx.cues.left);
    let right_anchor = find_anchor(&ctx.cues.right);

    let chars: Vec<char> = norm.chars().collect();
    let best_coverage = ctx.best_coverage.max(f32::EPSILON);
    let marked_total = mask.iter().filter(|&&m| m).count() as f32;
    let tags = jieba().tag(norm, true);
    let mut words = Vec::with_capacity(tags.len());
    let mut at = 0;
    for t in &tags {
        words.push((at, at + t.word.len(), t.word, t.tag));
        at += t.word.len();
    }
    // Runs of words inside a clause, plus the typed extractors' spans and the gap (they need
    // not fall on jieba's word boundaries).
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    for i in 0..words.len() {
        let (start, _, first, _) = words[i];
        if EDGE_WORDS.contains(&first) || !first.chars().any(char::is_alphanumeric) {
            continue;
        }
        for j in i..(i + MAX_WORDS).min(words.len()) {
            let (_, end, last, _) = words[j];
            if j > i && hard[char_at(words[j].0)..char_at(end)].iter().any(|&b| b) {
                break;
            }
            if char_at(end) - char_at(start) > MAX_CHARS {
                break;
            }
            if EDGE_WORDS.contains(&last) || !last.chars().any(char::is_alphanumeric) {
                continue;
            }
            ranges.push((start, end, j - i + 1));
        }
    }
    // Longer answers (a list, a definition) run from a word to the end of its clause or of the
    // sentence.
    for i in 0..words.len() {
        let (start, _, first, _) = words[i];
        // A long answer may open with a preposition (為了解決…, 由於…).
        if !first.chars().any(char::is_alphanumeric) {
            continue;
        }
        let cs = char_at(start);
        let clause_end = (cs..n).find(|&c| hard[c]).unwrap_or(n);
        let sentence_end = (cs..n).rev().find(|&c| !breaks[c]).map_or(n, |c| c + 1);
        for ce in [clause_end, sentence_end] {
            if ce <= cs || ce - cs > MAX_RUN_CHARS {
                continue;
            }
            let end = offsets[ce];
            if !ranges.iter().any(|&(s, e, _)| s == start && e == end) {
                let count = words.iter().filter(|w| w.0 < end && start < w.1).count();
                ranges.push((start, end, count));
            }
        }
    }
    for r in typed
        .iter()
        .map(|c| &c.core)
        .chain(gap.iter().map(|g| &g.core))
    {
        if !ranges.iter().any(|&(s, e, _)| s == r.start && e == r.end) {
            let count = words
                .iter()
                .filter(|w| w.0 < r.end && r.start < w.1)
                .count();
            ranges.push((r.start, r.end, count.max(1)));
        }
    }
    // A span never starts inside a figure or a date (6月30日 of 2022年6月30日), and ends inside
    // one only as a bare number (1984 of 1984年, not 2021年9 of 2021年9月).
    let atoms: Vec<Range<usize>> = extract::amounts(norm)
        .into_iter()
        .chain(extract::dates(norm))
        .collect();
    let cuts = |s: usize, e: usize| {
        let bare = norm[s..e]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        atoms
            .iter()
            .any(|a| (a.start < s && s < a.end) || (a.start < e && e < a.end && !bare))
    };
    for (start, end, count) in ranges {
        if cuts(start, end) && !typed.iter().any(|c| c.core == (start..end)) {
            continue;
        }
        {
            let Some(&(_, _, last, tag)) = words.iter().rev().find(|w| w.0 < end) else {
                continue;
            };
            let (cs, ce) = (char_at(start), char_at(end));
            if ce - cs > MAX_CHARS {
                break;
            }
            let text = &norm[start..end];
            let in_question = text.chars().filter(|c| ctx.cues.chars.contains(c)).count();
            let len = ce - cs;
            // A span the question already says is no answer. One made only of the question's
            // characters may be (網球 for 哪一種運動需要…球網, 1911年 for M1911在哪一年…).
            if ctx.q.normalized.contains(text) {
                continue;
            }
            let mut d = [0f32; DENSE];
            d[0] = ctx.coverage;
            d[1] = f32::from(u8::from(ctx.sentence_rank == 0));
            d[2] = f32::from(u8::from(ctx.rank == 0));
            d[3] = ctx.weight;
            d[4] = in_question as f32 / len as f32;
            let left = mask[..cs].iter().rposition(|&m| m).map(|p| cs - 1 - p);
            let right = mask[ce..].iter().position(|&m| m);
            d[5] = left.map_or(0.0, |d| 1.0 / (1.0 + d as f32));
            d[6] = right.map_or(0.0, |d| 1.0 / (1.0 + d as f32));
            let lo = cs.saturating_sub(8);
            let hi = (ce + 8).min(n);
            let window = (hi - lo) - len;
            let marked = mask[lo..cs].iter().filter(|&&m| m).count()
                + mask[ce..hi].iter().filter(|&&m| m).count();
            d[7] = if window > 0 {
                marked as f32 / window as f32
            } else {
                0.0
            };
            d[8] = f32::from(u8::from(
                left_anchor.iter().any(|&(_, e)| e <= cs && cs - e <= 2),
            ));
            d[9] = f32::from(u8::from(
                right_anchor.iter().any(|&(s, _)| s >= ce && s - ce <= 2),
            ));
            if let Some(g) = &gap {
                d[10] = f32::from(u8::from(g.core == (start..end)));
                d[11] = f32::from(u8::from(g.core.start <= start && end <= g.core.end));
            }
            if let Some(h) = &ctx.cues.head {
                d[12] = f32::from(u8::from(text.ends_with(h.as_str()) && text.len() > h.len()));
                d[13] = f32::from(u8::from(h.chars().next_back() == text.chars().next_back()));
            }
            if let Some(k) = typed.iter().position(|c| c.core == (start..end)) {
                d[14] = 1.0;
                d[15] = typed_scored[k].1;
            } else if typed
                .iter()
                .any(|c| c.core.start < end && start < c.core.end)
            {
                d[16] = 1.0;
            }
            let before = &norm[..start];
            let after = &norm[end..];
            d[17] = f32::from(u8::from(
                ["“", "\"", "「", "《", "『", "‘"]
                    .iter()
                    .any(|o| before.ends_with(o))
                    && ["”", "\"", "」", "》", "』", "’"]
                        .iter()
                        .any(|c| after.starts_with(c)),
            ));
            d[18] = f32::from(u8::from(cs == 0 || breaks[cs - 1]));
            d[19] = f32::from(u8::from(ce == n || breaks[ce]));
            d[20] = f32::from(u8::from(COPULAS.iter().any(|c| before.ends_with(c))));
            d[21] = f32::from(u8::from(after.starts_with('的')));
            d[22] = f32::from(u8::from(text.chars().any(|c| c.is_ascii_digit())));
            d[23] = (count as f32).ln();
            d[24] = f32::from(u8::from(text.contains('的')));
            d[25] = mask[cs..ce].iter().filter(|&&m| m).count() as f32 / len as f32;
            d[26] = f32::from(u8::from(cs > 0 && mask[cs - 1]));
            d[27] = f32::from(u8::from(ce < n && mask[ce]));
            d[28] = breaks[cs..ce].iter().filter(|&&b| b).count() as f32;
            d[29] = len as f32 / 10.0;
            d[30] = d[20] * f32::from(u8::from(ctx.cues.definition));
            d[31] = d[8] * d[20];
            // How the sentence around the span mirrors the question around its wh-phrase.
            let side = |q: &[char], near: &mut dyn Iterator<Item = &char>, k: usize| -> f32 {
                let q = &q[..q.len().min(k)];
                if q.is_empty() {
                    return 0.0;
                }
                let window: Vec<char> = near
                    .filter(|c| c.is_alphanumeric())
                    .take(k + 2)
                    .copied()
                    .collect();
                q.iter().filter(|c| window.contains(c)).count() as f32 / q.len() as f32
            };
            d[32] = side(&ctx.cues.before, &mut chars[..cs].iter().rev(), 3);
            d[33] = side(&ctx.cues.before, &mut chars[..cs].iter().rev(), WINDOW);
            d[34] = side(&ctx.cues.after, &mut chars[ce..].iter(), 3);
            d[35] = side(&ctx.cues.after, &mut chars[ce..].iter(), WINDOW);
            d[36] = d[33] * d[35];
            if let Some(h) = &ctx.cues.head {
                d[37] = f32::from(u8::from(
                    text.chars().next_back().is_some_and(|c| h.contains(c)),
                ));
                d[38] = f32::from(u8::from(text.contains(h.as_str())));
            }
            d[39] = ctx.coverage / best_coverage;
            let prev_tag = words.iter().rev().find(|w| w.1 <= start).map(|w| w.3);
            d[40] = f32::from(u8::from(prev_tag.is_some_and(|t| t.starts_with('v'))));
            let first_tag = words.iter().find(|w| w.0 >= start).map_or("x", |w| w.3);
            d[41] = f32::from(u8::from(first_tag.starts_with('n')));
            d[42] = d[18] * d[19];
            d[43] = match (left, right) {
                (Some(a), Some(b)) => (1.0 + a.min(b) as f32).ln(),
                (Some(a), None) | (None, Some(a)) => (1.0 + a as f32).ln(),
                (None, None) => 4.0,
            };
            let listed = text.contains('、');
            d[44] = f32::from(u8::from(listed));
            d[45] = f32::from(u8::from(listed && ctx.cues.list));
            d[46] = d[20] * f32::from(u8::from(ctx.cues.copula));
            d[47] = marked_total / ctx.cues.chars.len().max(1) as f32;
            // What the typed extractors know: their own pick, the shape the question wants
            // (多少家 → …家, 哪天 → a full date), the year a "respectively" list gives it, and
            // another year or company governing it.
            if let Some(t) = &ctx.typed_pick {
                d[48] = f32::from(u8::from(*t == (start..end)));
                d[49] = f32::from(u8::from(
                    t.start <= start && end <= t.end && *t != (start..end),
                ));
            }
            d[50] = extract::shape_factor(q, text) - 1.0;
            d[51] = if q.kind == AnswerKind::Date {
                text.matches(['年', '月', '日', '号']).count() as f32
            } else {
                0.0
            };
            let cand = extract::Candidate {
                core: start..end,
                display: start..end,
            };
            if !q.years.is_empty() {
                match extract::respectively_year(norm, &cand) {
                    Some(y) if q.years.contains(&y) => d[52] = 1.0,
                    Some(_) => d[52] = -1.0,
                    None => {
                        // The last year up to the span's end: one inside the span counts.
                        if let Some((_, y)) = super::question::years_in(&norm[..end]).last() {
                            d[53] = f32::from(u8::from(!q.years.contains(y)));
                        }
                    }
                }
            }
            if !q.entities.is_empty() {
                if let Some(m) = ctx.aliases.find(before).last() {
                    d[54] = f32::from(u8::from(!q.entities.contains(&m.group)));
                }
            }
            d[55] = f32::from(u8::from(
                ctx.aliases
                    .find(text)
                    .iter()
                    .any(|m| q.entities.contains(&m.group)),
            ));
            // The thing an amount question counts must follow the figure (多少名博士: 250多名
            // in "40多名教授、250多名博士", not 40多名): a figure of another thing loses.
            if q.kind == AnswerKind::Amount && !right_anchor.is_empty() {
                d[56] = if right_anchor.iter().any(|&(s, _)| s == ce) {
                    1.0
                } else if d[22] > 0.0 {
                    -1.0
                } else {
                    0.0
                };
            }
            // Edges that cut a token in two: a transliterated name at its dot (霍士 of
            // 柏·卡斯坦·霍士), a hyphenated word, a figure without its unit (2742 of 2742人),
            // a list before its last item.
            let joined = |joint: Option<&char>, other: Option<&char>| {
                joint.is_some_and(|c| JOINERS.contains(*c))
                    && other.is_some_and(|c| c.is_alphanumeric())
            };
            d[57] = f32::from(u8::from(
                (cs >= 2 && joined(chars.get(cs - 1), chars.get(cs - 2)))
                    || joined(chars.get(ce), chars.get(ce + 1)),
            ));
            d[58] = f32::from(u8::from(
                chars
                    .get(ce.wrapping_sub(1))
                    .is_some_and(char::is_ascii_digit)
                    && chars
                        .get(ce)
                        .is_some_and(|&c| crate::text::is_cjk(c) && !breaks[ce]),
            ));
            d[59] = f32::from(u8::from(
                chars.get(ce) == Some(&'、') || (cs > 0 && chars[cs - 1] == '、'),
            ));
            d[60] = f32::from(u8::from(in_question == len));
            out.push(Span {
                passage: ctx.rank,
                sentence: index,
                range: start..end,
                dense: d,
                kind: ctx.cues.class,
                pos: pos_class(tag, last),
                length: length_bucket(len),
                first: words
                    .iter()
                    .find(|w| w.0 >= start)
                    .map_or(7, |w| pos_class(w.3, w.2)),
                prev: boundary(words.iter().rev().find(|w| w.1 <= start).map(|w| w.2)),
                next: boundary(words.iter().find(|w| w.0 >= end).map(|w| w.2)),
            });
        }
    }
}

/// The forest's inputs for a span: the six classes, then the dense features (the column order
/// of `wenjin eval --spans` after its three label columns).
fn forest_row(s: &Span) -> [f32; forest::WIDTH] {
    let mut row = [0.0; forest::WIDTH];
    let classes = [s.kind, s.pos, s.length, s.first, s.prev, s.next];
    for (r, c) in row.iter_mut().zip(classes) {
        *r = c as f32;
    }
    for (r, d) in row[classes.len()..].iter_mut().zip(s.dense) {
        *r = d;
    }
    row
}

/// Scores the spans in two stages: the linear model ranks them all, the forest re-scores the
/// [`forest::SHORTLIST`] best. Returns those, best first.
pub fn rank(spans: Vec<Span>) -> Vec<(Span, f32)> {
    let mut scored: Vec<(Span, f32)> = spans
        .into_iter()
        .map(|s| {
            let linear = s.score();
            (s, linear)
        })
        .collect();
    // Stable, so ties keep the reading order (as the training script's shortlist does).
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored.truncate(forest::SHORTLIST);
    let rows: Vec<[f32; forest::WIDTH]> = scored.iter().map(|(s, _)| forest_row(s)).collect();
    for ((_, score), forest) in scored.iter_mut().zip(forest::score_all(&rows)) {
        *score = forest;
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn the_head_noun_is_the_last_noun_after_the_question_word() {
        let head = |t: &str| noun_head(&normalize(t)).unwrap_or_default();
        assert!(head("化學元素？").ends_with("元素"));
        assert_eq!(head("城市？"), "城市");
        // A modifier before the noun is passed over (什麼大模型).
        assert_eq!(head("大模型"), "模型");
        assert_eq!(head("？"), "");
    }

    /// The spans of one sentence for a question, with their texts.
    fn spans_of(question: &str, passage: &str) -> Vec<(String, Span)> {
        let q = Question::parse(question, &Aliases::default()).unwrap();
        let sentences = extract::split(passage);
        let typed: Vec<Typed> = sentences.iter().map(|_| Typed::new()).collect();
        let spans = spans(
            &q,
            &Evidence::empty(),
            &Aliases::default(),
            &[(0, 1.0, &sentences, &typed)],
            None,
        );
        spans
            .into_iter()
            .map(|s| {
                (
                    sentences[s.sentence].norm.text[s.range.clone()].to_string(),
                    s,
                )
            })
            .collect()
    }

    #[test]
    fn edges_that_cut_a_token_are_marked() {
        let feature = |spans: &[(String, Span)], text: &str, i: usize| {
            spans
                .iter()
                .find(|(t, _)| t == text)
                .map(|(_, s)| s.dense[i])
                .unwrap_or_else(|| panic!("no span {text}"))
        };
        let s = spans_of("这本小说的作者是谁", "这本小说的作者是史蒂芬·金。");
        assert_eq!(feature(&s, "史蒂芬", 57), 1.0);
        assert_eq!(feature(&s, "史蒂芬·金", 57), 0.0);
        let s = spans_of("比赛有多少人参赛", "比赛共有2742人参赛。");
        assert_eq!(feature(&s, "2742", 58), 1.0);
        assert_eq!(feature(&s, "2742人", 58), 0.0);
        let s = spans_of("提供哪些职业的许可", "许可给中医、厨师、教师。");
        assert_eq!(feature(&s, "中医、厨师", 59), 1.0);
        assert_eq!(feature(&s, "中医、厨师、教师", 59), 0.0);
    }

    #[test]
    fn a_span_of_the_questions_characters_is_a_candidate_unless_the_question_says_it() {
        let s = spans_of("哪一种运动需要球网", "网球是一种需要球网的运动。");
        let texts: Vec<&str> = s.iter().map(|(t, _)| t.as_str()).collect();
        assert!(texts.contains(&"网球"), "{texts:?}");
        assert!(!texts.contains(&"球网"), "{texts:?}");
        let net = s
            .iter()
            .find(|(t, _)| t == "网球")
            .map(|(_, s)| s.dense[60]);
        assert_eq!(net, Some(1.0));
    }

    #[test]
    fn spans_keep_figures_and_dates_whole_and_score_finitely() {
        let q = Question::parse("旷视科技什么时候提交上市注册", &Aliases::default()).unwrap();
        let passage = "曠視科技於2021年9月提交上市註冊，其後擱置。";
        let sentences = extract::split(passage);
        let ev = Evidence::empty();
        let typed: Vec<Typed> = sentences
            .iter()
            .map(|s| {
                extract::candidates(&s.norm.text, q.kind, &Aliases::default())
                    .into_iter()
                    .map(|c| (c, 0.0))
                    .collect()
            })
            .collect();
        let spans = spans(
            &q,
            &ev,
            &Aliases::default(),
            &[(0, 1.0, &sentences, &typed)],
            None,
        );
        assert!(!spans.is_empty());
        let texts: Vec<&str> = spans
            .iter()
            .map(|s| &sentences[s.sentence].norm.text[s.range.clone()])
            .collect();
        assert!(texts.contains(&"2021年9月"), "{texts:?}");
        assert!(!texts.contains(&"2021年9"), "{texts:?}");
        assert!(!texts.contains(&"9月"), "{texts:?}");
        assert!(spans.iter().all(|s| s.score().is_finite()));
        let ranked = rank(spans);
        assert!(ranked.len() <= forest::SHORTLIST);
        assert!(ranked.iter().all(|(_, score)| score.is_finite()));
        assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1));
    }
}
