//! A name set after a dash as the apposition of the thing a question asks for: news writes
//! 中国第三家国家石油公司———中国新星石油公司运营一年来 or 全军最大的军需企业集团———中国新兴（集团）
//! 总公司始终坚持, and a user asks 中国第三家国家石油公司叫什么. The reader reads the words
//! after the name (运营一年来) as often as the name; the dash says where the name begins, and
//! the first word of the sentence's predicate where it ends.

use std::ops::Range;

use super::question::{AnswerKind, Question};
use crate::text::segment::jieba;

/// The words a question asks a name with, after the thing it names.
const ASK_CUES: &[&str] = &[
    "叫什么",
    "叫啥",
    "是什么",
    "名叫",
    "名称是",
    "名字是",
    "是哪家",
    "是哪个",
    "是谁",
];

/// What a name may end with: an organisation's, a works' or a body's last word.
const NAME_ENDS: &[&str] = &[
    "公司",
    "集团",
    "中心",
    "协会",
    "学会",
    "委员会",
    "银行",
    "大学",
    "学院",
    "医院",
    "研究所",
    "研究院",
    "基金会",
    "联合会",
    "工程",
    "组织",
    "厂",
    "社",
    "馆",
    "局",
    "所",
    "院",
    "店",
    "站",
    "台",
    "部",
    "团",
    "队",
    "党",
    "会",
    "校",
    "场",
    "报",
    "号",
];

/// The shortest tail of the question's asked thing that the text before the dash must end
/// with: two characters (公司 of 国家石油公司) say what kind of thing the name is.
const SHARED_TAIL: usize = 2;

/// The thing a question asks the name of: its words before the question word (中国第三家国家
/// 石油公司 of 中国第三家国家石油公司叫什么).
fn asked_thing(q: &Question) -> Option<&str> {
    if !matches!(
        q.kind,
        AnswerKind::Name | AnswerKind::Organization | AnswerKind::Person
    ) {
        return None;
    }
    let norm = q.normalized.as_str();
    let at = ASK_CUES.iter().filter_map(|c| norm.find(c)).min()?;
    let thing = norm[..at].trim_end_matches(['的', '是']);
    (thing.chars().count() >= SHARED_TAIL).then_some(thing)
}

/// The range in `sentence` (normalized) of the name a dash sets after the thing the question
/// asks for, when the sentence writes one.
pub(super) fn named_after_dash(q: &Question, sentence: &str) -> Option<Range<usize>> {
    let thing = asked_thing(q)?;
    let tail: String = {
        let chars: Vec<char> = thing.chars().collect();
        chars[chars.len() - SHARED_TAIL..].iter().collect()
    };
    let mut from = 0;
    while let Some(at) = sentence[from..].find('—').map(|i| from + i) {
        let after_dash = at
            + sentence[at..]
                .char_indices()
                .find(|&(_, c)| c != '—')
                .map_or(sentence.len() - at, |(i, _)| i);
        if sentence[..at].ends_with(&tail) {
            if let Some(end) = name_end(&sentence[after_dash..]) {
                return Some(after_dash..after_dash + end);
            }
        }
        from = after_dash;
        if from >= sentence.len() {
            break;
        }
    }
    None
}

/// How far the name at the start of `text` runs: over its words up to the last that ends a
/// name, before the first word of the predicate (a verb, an adverb, a preposition) or a
/// clause break.
fn name_end(text: &str) -> Option<usize> {
    let mut offset = 0;
    let mut end = None;
    let mut open = 0usize;
    for t in jieba().tag(text, false) {
        let word = t.word;
        offset += word.len();
        match word {
            "(" => open += 1,
            ")" if open > 0 => open -= 1,
            // Nouns, abbreviations, distinguishing words (新兴), place words (东方), Latin
            // letters.
            _ if t.tag.starts_with('n') || ["j", "b", "s", "eng"].contains(&t.tag) => {}
            _ if open > 0 => {}
            _ => break,
        }
        if open == 0 && NAME_ENDS.iter().any(|e| word.ends_with(e)) {
            end = Some(offset);
        }
    }
    end.filter(|&e| text[..e].chars().count() > SHARED_TAIL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    fn named(question: &str, sentence: &str) -> Option<String> {
        let q = Question::parse(question, &Aliases::default()).unwrap();
        let sentence = crate::text::normalize(sentence);
        named_after_dash(&q, &sentence).map(|r| sentence[r].to_string())
    }

    #[test]
    fn the_name_after_the_dash_answers_what_its_thing_is_called() {
        assert_eq!(
            named(
                "中国第三家国家石油公司叫什么",
                "本报北京1月16日讯中国第三家国家石油公司———中国新星石油公司运营一年来,油气产量大增。"
            )
            .as_deref(),
            Some("中国新星石油公司")
        );
        assert_eq!(
            named(
                "全军最大的军需企业集团叫什么",
                "本报讯全军最大的军需企业集团———中国新兴（集团）总公司始终坚持走质量效益型的发展道路。"
            )
            .as_deref(),
            Some("中国新兴(集团)总公司")
        );
    }

    #[test]
    fn a_dash_after_another_thing_names_nothing_asked() {
        assert_eq!(
            named(
                "中国第三家国家石油公司叫什么",
                "他说———这是一个好的开始,公司运营一年来产量大增。"
            ),
            None
        );
        assert_eq!(
            named(
                "这家公司今年赚了多少",
                "国家石油公司———中国新星石油公司运营一年来"
            ),
            None,
            "not a question for a name"
        );
    }
}
