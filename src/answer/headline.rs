//! Headlines printed as records of their own, as paragraph-per-record news dumps have them
//! (朝鲜驻华大使举行新年宴会, then the story): they name the story's subject and give little
//! else, and they are the story's title.

use crate::search::{Snapshot, StoredPassage};
use crate::text::normalize;
use crate::text::segment::jieba;

/// Longest headline (in characters) a record of its own may be.
const HEADLINE_CHARS: usize = 40;

/// Whether a passage is a headline alone (朝鲜驻华大使举行新年宴会): one short line without a
/// sentence's punctuation. It writes the question's words more densely than any report and
/// answers little, so the margin that keeps the best passage first does not hold against the
/// story printed right after it.
pub(super) fn is_headline(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= HEADLINE_CHARS
        && !t.contains(['。', '，', '；', '！', '？', ',', ';', '!', '?', '\n'])
}

/// Whether a headline-like line is a byline or a picture's caption mark (本报记者王德颖, 章雯,
/// 图片：), no story's title.
fn is_byline(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() < 4
        || ["记者", "通讯员", "摄", "图片", "附图", "图"]
            .iter()
            .any(|w| t.contains(w))
        || t.starts_with(['（', '('])
        || jieba().tag(t, true).iter().all(|w| w.tag.starts_with("nr"))
}

/// The headline printed right before a passage that has no title of its own (the first
/// paragraph of a record whose title was taken from its text), for its citation.
pub(super) fn headline_before(snap: &Snapshot, p: &StoredPassage) -> Option<String> {
    let title = normalize(p.meta.title.trim());
    if p.paragraph != 1 || title.is_empty() || !normalize(&p.text).starts_with(&title) {
        return None;
    }
    let before = match snap.record_before(p) {
        Ok(before) => before,
        Err(e) => {
            tracing::warn!(error = %e, "reading the record before a cited passage");
            return None;
        }
    };
    let line = before.first()?.text.trim().to_string();
    (before.len() == 1 && is_headline(&line) && !is_byline(&line)).then_some(line)
}

#[cfg(test)]
mod tests {
    use super::{is_byline, is_headline};

    #[test]
    fn a_headline_is_a_short_line_without_a_sentence_s_punctuation() {
        assert!(is_headline("朝鲜驻华大使举行新年宴会"));
        assert!(is_headline("１９９８世界杯足球赛快报６月创办"));
        assert!(!is_headline("朝鲜驻华大使朱昌骏今天晚上举行新年宴会。"));
        assert!(!is_headline("人们你一盆、我一束，争相把春色带回家"));
        assert!(!is_headline(""));
        assert!(!is_headline(&"长".repeat(41)));
    }
    #[test]
    fn a_byline_is_no_title() {
        assert!(is_byline("本报记者王德颖戴鹏"));
        assert!(is_byline("图片："));
        assert!(is_byline("（孙日晓）"));
        assert!(is_byline("章雯"));
        assert!(!is_byline("朝鲜驻华大使举行新年宴会"));
        assert!(!is_byline("工行以多种方式支持国企改革"));
    }
}
