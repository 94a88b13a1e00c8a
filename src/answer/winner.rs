//! Who won, not who was beaten; who took a post, not whom they took it from. In
//! 常昊执白以四分之一子的微弱优势战胜曹大元九段 the champion stands before the defeating verb, and in
//! 印度尼西亚接替坦桑尼亚担任77国集团主席 the new chair before 接替; the reader, which learned
//! that the answer often follows a verb, may read the one after it.

use super::named::asks_a_name;
use super::question::{AnswerKind, Question};
use super::reader;

/// Verbs after which stands the side beaten (战胜曹大元, 击败了巴西队). Not 负于 or 败给: the
/// side after them won.
const DEFEATING: &[&str] = &[
    "战胜", "击败", "打败", "击溃", "力克", "力挫", "淘汰", "横扫", "挫败", "险胜", "完胜", "大胜",
];

/// Words of a question that asks who won (冠军是谁, 谁夺冠, 哪个队获胜).
const ASKS_WINNER: &[&str] = &[
    "冠军", "夺冠", "获胜", "胜者", "赢了", "赢得", "胜出", "折桂", "捧杯", "夺魁", "夺得",
];

/// Words a sentence says a title with (夺冠, 金牌, 第一名): what makes the one it names the
/// champion a question asks for.
const TITLE_WON: &[&str] = &[
    "冠军", "夺冠", "夺魁", "折桂", "捧杯", "金牌", "第一", "桂冠", "称雄", "卫冕", "登顶", "头名",
];

/// Whether a question asks for a champion (冠军是谁) and the answer's sentence says no title
/// won: a round's winner (开战丁伟中盘胜张璇) is not the tournament's champion.
pub(super) fn champion_unsaid(q: &Question, sentence: &str) -> bool {
    asks_a_name(q)
        && q.normalized.contains("冠军")
        && !TITLE_WON.iter().any(|w| sentence.contains(w))
}

/// Words of a question that asks who lost (负于谁, 被谁淘汰): the side after the verb is asked.
const ASKS_LOSER: &[&str] = &["输", "负", "败", "被", "淘汰", "亚军"];

/// Verbs after which stands the one whose place is taken (接替坦桑尼亚担任主席).
const SUCCEEDING: &[&str] = &["接替", "取代", "替代", "接任"];

/// Whether `q` asks who holds a post or place another held before: any who or which question
/// that does not ask for the predecessor (前任是谁, 被谁取代, 接替了谁, 接替哪个国家).
fn asks_successor(q: &Question) -> bool {
    let norm = q.normalized.as_str();
    let asks_predecessor = norm.contains("前任")
        || norm.contains('被')
        || SUCCEEDING.iter().any(|v| {
            norm.match_indices(v).any(|(at, _)| {
                let after = norm[at + v.len()..].trim_start_matches('了');
                after.starts_with(['谁', '哪'])
            })
        });
    (asks_a_name(q) || norm.contains('哪')) && !asks_predecessor
}

/// How much lower (the reader's log-odds) the winner may score than the beaten side the reader
/// preferred and still be the answer.
const WINNER_MARGIN: f32 = 3.0;

/// Whether `q` asks who won: a name (冠军是谁) or a side (冠军是哪个队).
fn asks_winner(q: &Question) -> bool {
    (asks_a_name(q) || (q.kind == AnswerKind::Other && q.normalized.contains('哪')))
        && ASKS_WINNER.iter().any(|w| q.normalized.contains(w))
        && !ASKS_LOSER.iter().any(|w| q.normalized.contains(w))
}

/// How many characters (a title, a score: 世界冠军, 了) may stand between a defeating verb and
/// the side it beat.
const BETWEEN: usize = 6;

/// Where the last of `verbs` before the span at `range` starts, if one stands close before it
/// in its clause (战胜曹大元, 击败了曹大元, 力挫世界冠军挪威队, 接替坦桑尼亚).
fn verb_before(verbs: &[&str], sentence: &str, range: &std::ops::Range<usize>) -> Option<usize> {
    let before = sentence.get(..range.start)?;
    let clause_start = before
        .rfind(['，', ',', '。', '；', ';', '：', ':'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &before[clause_start..];
    verbs
        .iter()
        .filter_map(|v| clause.rfind(v).map(|i| (i, i + v.len())))
        .filter(|&(_, end)| clause[end..].chars().count() <= BETWEEN)
        .map(|(start, _)| clause_start + start)
        .max()
}

/// For a question that asks who won, when the reader's best span is the side a defeating verb
/// beat, puts first its best span of the same sentence that stands before the verb and is no
/// beaten side itself, if it scores within [`WINNER_MARGIN`]; likewise, for a who or which
/// question, over the one whose place a succeeding verb says was taken.
pub(super) fn prefer_winner<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    let verbs = if asks_winner(q) {
        DEFEATING
    } else if asks_successor(q) {
        SUCCEEDING
    } else {
        return;
    };
    let Some(b) = reader::best(spans) else {
        return;
    };
    let (best, best_score) = (&spans[b].0, spans[b].1);
    let Some(verb) = verb_before(verbs, sentence(best), &best.range) else {
        return;
    };
    let (passage, at) = (best.passage, best.sentence);
    reader::put_best_first(spans, |s, sc| {
        (s.passage, s.sentence) == (passage, at)
            && sc >= best_score - WINNER_MARGIN
            && s.range.end <= verb
            && verb_before(verbs, sentence(s), &s.range).is_none()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_champion_is_named_by_a_sentence_that_says_the_title() {
        let q = Question::parse(
            "1998年愛多杯圍棋快棋賽冠軍是誰",
            &crate::text::aliases::Aliases::default(),
        )
        .expect("a question");
        assert!(champion_unsaid(
            &q,
            "爱多杯中国围棋电视快棋赛开战丁伟中盘胜张璇"
        ));
        assert!(!champion_unsaid(&q, "常昊夺得爱多杯快棋赛冠军"));
        assert!(!champion_unsaid(&q, "马晓春获得第一名"));
        let country = Question::parse(
            "世界杯冠军是哪个国家",
            &crate::text::aliases::Aliases::default(),
        )
        .expect("a question");
        assert!(
            champion_unsaid(&country, "本报讯世界杯将在法国举行"),
            "the host"
        );
    }

    #[test]
    fn the_side_after_a_defeating_verb_is_the_beaten_one() {
        let s = "常昊执白以四分之一子的微弱优势战胜曹大元九段";
        let at = s.find("曹大元").unwrap();
        assert_eq!(
            verb_before(DEFEATING, s, &(at..at + "曹大元".len())),
            s.find("战胜")
        );
        let s = "巴西队击败了意大利队";
        let at = s.find("意大利队").unwrap();
        assert_eq!(
            verb_before(DEFEATING, s, &(at..at + "意大利队".len())),
            s.find("击败")
        );
        let s = "美国队以３∶０力挫世界冠军挪威队";
        let at = s.find("挪威队").unwrap();
        assert_eq!(
            verb_before(DEFEATING, s, &(at..at + "挪威队".len())),
            s.find("力挫")
        );
        let s = "印度尼西亚接替坦桑尼亚担任主席";
        let at = s.find("坦桑尼亚").unwrap();
        let range = at..at + "坦桑尼亚".len();
        assert_eq!(verb_before(SUCCEEDING, s, &range), s.find("接替"));
        assert_eq!(verb_before(DEFEATING, s, &range), None);
        let s = "巴西队负于意大利队";
        let at = s.find("意大利队").unwrap();
        assert_eq!(
            verb_before(DEFEATING, s, &(at..at + "意大利队".len())),
            None
        );
    }
}
