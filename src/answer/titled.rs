//! A person asked by a title (哪位日本首相, 哪个国家的总统) is the one the passage names right
//! after that title: in 桥本说，日本现内阁将秉承前首相村山富市１９９５年发表的…谈话, the
//! prime minister of 1995 is 村山富市, not 桥本, whom the reader scores first as the sentence's
//! speaker.

use super::question::{AnswerKind, Question};
use super::reader;

/// Titles a who-question may ask a person by, longest first where one holds another.
const TITLES: &[&str] = &[
    "秘书长",
    "委员长",
    "董事长",
    "领导人",
    "首相",
    "总统",
    "总理",
    "主席",
    "部长",
    "外长",
    "市长",
    "省长",
    "县长",
    "州长",
    "书记",
    "厂长",
    "经理",
    "总裁",
    "校长",
    "院长",
    "局长",
    "大使",
    "国王",
    "女王",
    "教练",
    "队长",
    "议长",
    "总督",
    "司令",
];

/// How much lower (the reader's log-odds) the titled name may score than the reader's best span
/// and still be the answer.
const TITLED_MARGIN: f32 = 3.0;

/// The title a who-question asks a person by (首相 of 哪位日本首相), if any.
fn asked_title(q: &Question) -> Option<&'static str> {
    if q.kind != AnswerKind::Person {
        return None;
    }
    TITLES.iter().copied().find(|t| q.normalized.contains(t))
}

/// Puts first, for a who-question that asks by a title, the reader's span that its sentence
/// writes right after that title (前首相村山富市), when the reader scores it within
/// [`TITLED_MARGIN`] of its best. `sentence` gives a span's sentence (normalized).
pub(super) fn prefer_titled<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    let Some(title) = asked_title(q) else {
        return;
    };
    let Some(best) = spans.iter().map(|(_, sc)| *sc).max_by(f32::total_cmp) else {
        return;
    };
    // A name: short, or a foreign one joined by its dot; not the clause after the title
    // (为胡景沄、关学文, 向忠发被处决后).
    let titled = |s: &reader::Span| {
        let text = sentence(s);
        let (Some(before), Some(span)) = (text.get(..s.range.start), text.get(s.range.clone()))
        else {
            return false;
        };
        let chars = span.chars().count();
        before.ends_with(title)
            && !span.starts_with(['为', '是', '由', '的', '在', '被', '和', '与', '及', '等'])
            && (chars <= 4 || (span.contains('·') && chars <= 12))
            && span.chars().all(|c| c == '·' || crate::text::is_cjk(c))
    };
    if spans.iter().any(|(s, sc)| *sc >= best && titled(s)) {
        return;
    }
    reader::put_best_first(spans, |s, sc| sc >= best - TITLED_MARGIN && titled(s));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    #[test]
    fn only_a_who_question_asks_by_a_title() {
        let q = |s: &str| Question::parse(s, &Aliases::default()).expect("a question");
        assert_eq!(
            asked_title(&q("1995年哪位日本首相为侵略战争认错")),
            Some("首相")
        );
        assert_eq!(asked_title(&q("1997年联合国秘书长是谁")), Some("秘书长"));
        assert_eq!(asked_title(&q("首相府有多少房间")), None);
    }
}
