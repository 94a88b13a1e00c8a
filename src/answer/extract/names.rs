//! Names: text between quotes or title marks, and persons, places and organisations from
//! jieba's part-of-speech tags, organisation suffixes and the alias file.

use std::ops::Range;

use crate::answer::question::AnswerKind;
use crate::text::aliases::Aliases;
use crate::text::segment::jieba;

/// Text between quotes or title marks: names of products, works, slogans.
pub(super) fn quoted(norm: &str) -> Vec<Range<usize>> {
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

/// Endings of organisation names (for organisation questions, beside the tags).
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
pub(super) fn tagged(norm: &str, kind: AnswerKind, aliases: &Aliases) -> Vec<Range<usize>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::extract::test_spans as spans;
    use crate::text::normalize;

    #[test]
    fn finds_quoted_names() {
        assert_eq!(spans(quoted, "推介大模型體系——“日日新”。"), vec!["日日新"]);
    }

    #[test]
    fn organisations_come_from_tags_suffixes_and_the_alias_file() {
        let found = |text: &str, aliases: &Aliases| -> Vec<String> {
            let n = normalize(text);
            tagged(&n, AnswerKind::Organization, aliases)
                .into_iter()
                .map(|r| n[r].to_string())
                .collect()
        };
        let none = Aliases::default();
        assert!(found("他畢業於北京大學。", &none).contains(&"北京大学".to_string()));
        let aliases = Aliases::parse("[groups]\ns = [\"商湯\"]\n").unwrap();
        assert!(found("投資方看好商湯。", &aliases).contains(&"商汤".to_string()));
        assert!(found("他畢業於北京大學。", &none).iter().all(|f| f != "他"));
    }
}
