//! A name asked by its kind ends with the kind's word: 吐哈盆地发现了什么油田 is answered by
//! 鲁克沁稠油油田, not by 鲁克沁稠油, the span the reader cut before the word every oil field's
//! name ends with.

use super::question::{AnswerKind, Question};
use super::reader;
use crate::text::segment::jieba;

/// Words that ask for a name by its kind.
const CUES: &[&str] = &["什么", "哪一种", "哪种", "哪一个", "哪个"];

/// Kinds whose names end with the kind's word (鲁克沁稠油油田, 甲午战争, 九龙站): a question
/// that asks by one of them (什么战争) is answered with the word. Other kinds are not (以什么名义:
/// 中华台北, not 中华台北名义; 什么学位: 哲学博士).
const NAME_KINDS: &[&str] = &[
    "油田", "气田", "煤矿", "战争", "战役", "王国", "帝国", "王朝", "组织", "公司", "集团", "银行",
    "大学", "学院", "医院", "机场", "车站", "站", "港", "大桥", "水库", "电站", "工程", "条约",
    "协议", "协定", "宣言", "革命", "事件", "年间",
];

/// The word right after the question's cue (油田 of 什么油田), if it is one of [`NAME_KINDS`].
fn asked_kind(norm: &str) -> Option<&str> {
    CUES.iter().find_map(|cue| {
        let at = norm.find(cue)? + cue.len();
        let word = jieba().cut(&norm[at..], false).first()?.word;
        NAME_KINDS.contains(&word).then_some(word)
    })
}

/// Puts first the span that is the reader's best with the asked kind's word after it, when the
/// best stops right before that word. `text` gives a span's text.
pub(super) fn prefer_with_kind<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    text: impl Fn(&reader::Span) -> &'a str,
) {
    if q.kind == AnswerKind::Amount {
        return;
    }
    let Some(kind) = asked_kind(&q.normalized) else {
        return;
    };
    let Some(best) = reader::best(spans).map(|k| spans[k].0.clone()) else {
        return;
    };
    let cut = text(&best);
    if cut.ends_with(kind) {
        return;
    }
    let whole = format!("{cut}{kind}");
    reader::put_best_first(spans, |s, _| {
        (s.passage, s.sentence, s.range.start) == (best.passage, best.sentence, best.range.start)
            && text(s) == whole
    });
}

#[cfg(test)]
mod tests {
    use super::asked_kind;

    #[test]
    fn the_kind_follows_the_cue() {
        assert_eq!(asked_kind("1997年吐哈盆地发现了什么油田"), Some("油田"));
        assert_eq!(asked_kind("清朝因什么战争战败"), Some("战争"));
        assert_eq!(asked_kind("他什么时候到的"), None);
        assert_eq!(asked_kind("台湾以什么名义加入亚太经合会"), None);
    }
}
