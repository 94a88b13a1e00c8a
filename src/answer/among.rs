//! A part counted among a whole: 核反应堆的53组控制棒导向管中，有7组的落棒时间超出了验收准则.
//! The clause that ends in 中 gives the whole; the figure the next clause gives (有7组) is the
//! part a question with a predicate asks about (有几组控制棒出问题). The reader, reading where
//! the question's words are, picks the whole.

use crate::text::segment::jieba;

use super::extract;
use super::question::{AnswerKind, Question};
use super::reader;

/// Words of a question that asks for the whole (一共有多少组, 总共调查了多少人).
const WHOLE_ASKED: &[&str] = &["一共", "总共", "共有", "总数", "调查了", "受访"];

/// Whether the question's own verb (创办 of 空军参与创办了多少个共建点) is the one the whole's
/// clause writes (空军参加创办的5244个共建点中): the question asks what was done to the whole,
/// not the part the next clause counts (有60%被评为先进).
fn verb_of_the_whole(q: &Question, clause: &str) -> bool {
    jieba().tag(&q.normalized, false).iter().any(|t| {
        t.tag.starts_with('v')
            && t.word.chars().count() >= 2
            && !["没有", "还有", "共有", "只有"].contains(&t.word)
            && clause.contains(t.word)
    })
}

/// Whether the figure at `at` of the normalized `sentence` is a whole its clause ends on (…中),
/// with the next clause opening on a part of it (有…).
fn counts_the_whole(sentence: &str, at: usize) -> bool {
    let end = extract::clause_end(sentence, at);
    let Some(next) = sentence.get(end..).and_then(|r| r.chars().next()) else {
        return false;
    };
    let after = &sentence[end + next.len_utf8()..];
    sentence[..end].ends_with('中') && after.starts_with('有')
}

/// Puts first, when the reader's best span is such a whole, the best span of the next clause
/// of the same sentence (the part), unless the question asks for the whole. `text` gives a
/// span's sentence (normalized).
pub(super) fn prefer_the_part<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind != AnswerKind::Amount || WHOLE_ASKED.iter().any(|w| q.normalized.contains(w)) {
        return;
    }
    let Some(best) = reader::best(spans).map(|k| spans[k].0.clone()) else {
        return;
    };
    let sentence = text(&best);
    if sentence.get(best.range.clone()).is_none() {
        return;
    }
    let at = extract::figure_at(sentence, &best.range);
    if !counts_the_whole(sentence, at) {
        return;
    }
    let end = extract::clause_end(sentence, at);
    if verb_of_the_whole(q, &sentence[extract::clause_start(sentence, at)..end]) {
        return;
    }
    let next_end = extract::clause_end(sentence, (end + 1).min(sentence.len()));
    reader::put_best_first(spans, |s, _| {
        (s.passage, s.sentence) == (best.passage, best.sentence)
            && s.range.start > end
            && s.range.end <= next_end
            && sentence
                .get(s.range.clone())
                .is_some_and(|t| !extract::amounts(t).is_empty())
    });
}

#[cfg(test)]
mod tests {
    use super::{counts_the_whole, verb_of_the_whole};
    use crate::answer::question::Question;
    use crate::text::aliases::Aliases;

    #[test]
    fn a_whole_ends_its_clause_on_among() {
        let s = "发现核反应堆的53组控制棒导向管中,有7组的落棒时间超出了验收准则";
        assert!(counts_the_whole(s, s.find("53").unwrap()));
        assert!(!counts_the_whole(s, s.find('7').unwrap()));
        let s = "全厂有53组机组,其中7组停产";
        assert!(!counts_the_whole(s, s.find("53").unwrap()));
    }
    #[test]
    fn a_question_with_the_whole_clauses_verb_asks_the_whole() {
        let whole = "目前,空军参加创办的5244个军民共建点中";
        let q = |t: &str| Question::parse(t, &Aliases::default()).unwrap();
        assert!(verb_of_the_whole(
            &q("空军参与创办了多少个军民共建点"),
            whole
        ));
        assert!(!verb_of_the_whole(&q("有多少个共建点被评为先进"), whole));
        let rods = "发现核反应堆的53组控制棒导向管中";
        assert!(!verb_of_the_whole(&q("有几组控制棒出问题"), rods));
    }
}
