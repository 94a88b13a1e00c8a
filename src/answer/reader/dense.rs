//! The dense features of one span (see [`Feature`] for what each says).

use crate::answer::extract;
use crate::answer::question::AnswerKind;

use super::features::{Feature as F, DENSE};
use super::lexicon::{COPULAS, JOINERS, WINDOW};
use super::sentence::SentenceView;
use super::spans::SentenceContext;

/// Where a candidate span lies in its sentence.
#[derive(Clone, Copy)]
pub(super) struct SpanAt<'a> {
    /// Byte range in the sentence's normalized text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Number of words.
    pub(super) count: usize,
    /// Character range.
    pub(super) cs: usize,
    pub(super) ce: usize,
    /// Length in characters.
    pub(super) len: usize,
    /// The span's text.
    pub(super) text: &'a str,
    /// Characters of the span that occur in the question.
    pub(super) in_question: usize,
}

/// The dense features of a span of the sentence `s`.
pub(super) fn dense(
    ctx: &SentenceContext<'_>,
    s: &SentenceView<'_>,
    at: SpanAt<'_>,
) -> [f32; DENSE] {
    let SentenceView {
        norm,
        n,
        mask,
        breaks,
        typed,
        typed_scored,
        gap,
        left_anchor,
        right_anchor,
        chars,
        best_coverage,
        marked_total,
        words,
        ..
    } = s;
    let (norm, n, best_coverage, marked_total) = (*norm, *n, *best_coverage, *marked_total);
    let SpanAt {
        start,
        end,
        count,
        cs,
        ce,
        len,
        text,
        in_question,
    } = at;
    let q = ctx.q;
    let mut d = [0f32; DENSE];
    d[F::SentenceCoverage] = ctx.coverage;
    d[F::BestSentence] = f32::from(u8::from(ctx.sentence_rank == 0));
    d[F::BestPassage] = f32::from(u8::from(ctx.rank == 0));
    d[F::PassageShare] = ctx.weight;
    d[F::QuestionChars] = in_question as f32 / len as f32;
    let left = mask[..cs].iter().rposition(|&m| m).map(|p| cs - 1 - p);
    let right = mask[ce..].iter().position(|&m| m);
    d[F::NearLeft] = left.map_or(0.0, |d| 1.0 / (1.0 + d as f32));
    d[F::NearRight] = right.map_or(0.0, |d| 1.0 / (1.0 + d as f32));
    let lo = cs.saturating_sub(8);
    let hi = (ce + 8).min(n);
    let window = (hi - lo) - len;
    let marked =
        mask[lo..cs].iter().filter(|&&m| m).count() + mask[ce..hi].iter().filter(|&&m| m).count();
    d[F::WindowMatched] = if window > 0 {
        marked as f32 / window as f32
    } else {
        0.0
    };
    d[F::LeftAnchor] = f32::from(u8::from(
        left_anchor.iter().any(|&(_, e)| e <= cs && cs - e <= 2),
    ));
    d[F::RightAnchor] = f32::from(u8::from(
        right_anchor.iter().any(|&(s, _)| s >= ce && s - ce <= 2),
    ));
    if let Some(g) = &gap {
        d[F::GapExact] = f32::from(u8::from(g.core == (start..end)));
        d[F::InGap] = f32::from(u8::from(g.core.start <= start && end <= g.core.end));
    }
    if let Some(h) = &ctx.cues.head {
        d[F::EndsWithHead] =
            f32::from(u8::from(text.ends_with(h.as_str()) && text.len() > h.len()));
        d[F::HeadLastChar] = f32::from(u8::from(h.chars().next_back() == text.chars().next_back()));
    }
    if let Some(k) = typed.iter().position(|c| c.core == (start..end)) {
        d[F::Typed] = 1.0;
        d[F::TypedScore] = typed_scored[k].1;
    } else if typed
        .iter()
        .any(|c| c.core.start < end && start < c.core.end)
    {
        d[F::TypedOverlap] = 1.0;
    }
    let before = &norm[..start];
    let after = &norm[end..];
    d[F::Quoted] = f32::from(u8::from(
        ["“", "\"", "「", "《", "『", "‘"]
            .iter()
            .any(|o| before.ends_with(o))
            && ["”", "\"", "」", "》", "』", "’"]
                .iter()
                .any(|c| after.starts_with(c)),
    ));
    d[F::BreakBefore] = f32::from(u8::from(cs == 0 || breaks[cs - 1]));
    d[F::BreakAfter] = f32::from(u8::from(ce == n || breaks[ce]));
    d[F::CopulaBefore] = f32::from(u8::from(COPULAS.iter().any(|c| before.ends_with(c))));
    d[F::DeAfter] = f32::from(u8::from(after.starts_with('的')));
    d[F::HasDigit] = f32::from(u8::from(text.chars().any(|c| c.is_ascii_digit())));
    d[F::LogWords] = (count as f32).ln();
    d[F::HasDe] = f32::from(u8::from(text.contains('的')));
    d[F::MatchedInside] = mask[cs..ce].iter().filter(|&&m| m).count() as f32 / len as f32;
    d[F::MatchedBefore] = f32::from(u8::from(cs > 0 && mask[cs - 1]));
    d[F::MatchedAfter] = f32::from(u8::from(ce < n && mask[ce]));
    d[F::BreaksInside] = breaks[cs..ce].iter().filter(|&&b| b).count() as f32;
    d[F::Chars] = len as f32 / 10.0;
    d[F::CopulaDefinition] = d[F::CopulaBefore] * f32::from(u8::from(ctx.cues.definition));
    d[F::AnchorCopula] = d[F::LeftAnchor] * d[F::CopulaBefore];
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
    d[F::MirrorBefore3] = side(&ctx.cues.before, &mut chars[..cs].iter().rev(), 3);
    d[F::MirrorBefore] = side(&ctx.cues.before, &mut chars[..cs].iter().rev(), WINDOW);
    d[F::MirrorAfter3] = side(&ctx.cues.after, &mut chars[ce..].iter(), 3);
    d[F::MirrorAfter] = side(&ctx.cues.after, &mut chars[ce..].iter(), WINDOW);
    d[F::MirrorBoth] = d[F::MirrorBefore] * d[F::MirrorAfter];
    if let Some(h) = &ctx.cues.head {
        d[F::LastInHead] = f32::from(u8::from(
            text.chars().next_back().is_some_and(|c| h.contains(c)),
        ));
        d[F::HasHead] = f32::from(u8::from(text.contains(h.as_str())));
    }
    d[F::CoverageShare] = ctx.coverage / best_coverage;
    let prev_tag = words.iter().rev().find(|w| w.1 <= start).map(|w| w.3);
    d[F::VerbBefore] = f32::from(u8::from(prev_tag.is_some_and(|t| t.starts_with('v'))));
    let first_tag = words.iter().find(|w| w.0 >= start).map_or("x", |w| w.3);
    d[F::NounFirst] = f32::from(u8::from(first_tag.starts_with('n')));
    d[F::WholeClause] = d[F::BreakBefore] * d[F::BreakAfter];
    d[F::LogDistance] = match (left, right) {
        (Some(a), Some(b)) => (1.0 + a.min(b) as f32).ln(),
        (Some(a), None) | (None, Some(a)) => (1.0 + a as f32).ln(),
        (None, None) => 4.0,
    };
    let listed = text.contains('、');
    d[F::Listed] = f32::from(u8::from(listed));
    d[F::ListForList] = f32::from(u8::from(listed && ctx.cues.list));
    d[F::CopulaMirrored] = d[F::CopulaBefore] * f32::from(u8::from(ctx.cues.copula));
    d[F::SentenceMatched] = marked_total / ctx.cues.chars.len().max(1) as f32;
    // What the typed extractors know: their own pick, the shape the question wants
    // (多少家 → …家, 哪天 → a full date), the year a "respectively" list gives it, and
    // another year or company governing it.
    if let Some(t) = &ctx.typed_pick {
        d[F::TypedPick] = f32::from(u8::from(*t == (start..end)));
        d[F::InTypedPick] = f32::from(u8::from(
            t.start <= start && end <= t.end && *t != (start..end),
        ));
    }
    d[F::Shape] = extract::shape_factor(q, text) - 1.0;
    d[F::DateParts] = if q.kind == AnswerKind::Date {
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
            Some(y) if q.years.contains(&y) => d[F::RespectiveYear] = 1.0,
            Some(_) => d[F::RespectiveYear] = -1.0,
            None => {
                // The last year up to the span's end: one inside the span counts.
                if let Some(y) = extract::governing_year(ctx.sentence, end) {
                    d[F::OtherYear] = f32::from(u8::from(!q.years.contains(&y)));
                }
            }
        }
    }
    if !q.entities.is_empty() {
        if let Some(m) = ctx.aliases.find(before).last() {
            d[F::OtherEntity] = f32::from(u8::from(!q.entities.contains(&m.group)));
        }
    }
    d[F::HasEntity] = f32::from(u8::from(
        ctx.aliases
            .find(text)
            .iter()
            .any(|m| q.entities.contains(&m.group)),
    ));
    // The thing an amount question counts must follow the figure (多少名博士: 250多名
    // in "40多名教授、250多名博士", not 40多名): a figure of another thing loses.
    if q.kind == AnswerKind::Amount && !right_anchor.is_empty() {
        d[F::CountedFollows] = if right_anchor.iter().any(|&(s, _)| s == ce) {
            1.0
        } else if d[F::HasDigit] > 0.0 {
            -1.0
        } else {
            0.0
        };
    }
    // Edges that cut a token in two: a transliterated name at its dot (霍士 of
    // 柏·卡斯坦·霍士), a hyphenated word, a figure without its unit (2742 of 2742人),
    // a list before its last item.
    let joined = |joint: Option<&char>, other: Option<&char>| {
        joint.is_some_and(|c| JOINERS.contains(*c)) && other.is_some_and(|c| c.is_alphanumeric())
    };
    d[F::CutsToken] = f32::from(u8::from(
        (cs >= 2 && joined(chars.get(cs - 1), chars.get(cs - 2)))
            || joined(chars.get(ce), chars.get(ce + 1)),
    ));
    d[F::CutsUnit] = f32::from(u8::from(
        chars
            .get(ce.wrapping_sub(1))
            .is_some_and(char::is_ascii_digit)
            && chars
                .get(ce)
                .is_some_and(|&c| crate::text::is_cjk(c) && !breaks[ce]),
    ));
    d[F::CutsList] = f32::from(u8::from(
        chars.get(ce) == Some(&'、') || (cs > 0 && chars[cs - 1] == '、'),
    ));
    d[F::AllInQuestion] = f32::from(u8::from(in_question == len));
    d
}
