//! Names jieba cut wrongly in a question. A name the dictionary lacks is found by the HMM, which
//! may glue a neighbouring character onto it (白岳峰现 of 白岳峰现效力于) or cut it in two and
//! glue its last character onto the next word (林 | 遵带 of 林遵带多少艘). Either way the corpus
//! writes the name, and the question's "name" is no sign that it does not.

use crate::search::Snapshot;
use crate::text::is_cjk;
use crate::text::segment::jieba;
use crate::Result;

use super::mentions::is_written;

/// True when a word jieba's HMM found (unknown to its dictionary) is a written name with a
/// neighbouring character glued on: `白岳峰现效力于哪支球队` gives 白岳峰现, and the corpus
/// writes 白岳峰.
pub(super) fn glued_to_written(snap: &Snapshot, word: &str) -> Result<bool> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 || jieba().has_word(word) {
        return Ok(false);
    }
    let head: String = chars[..chars.len() - 1].iter().collect();
    let tail: String = chars[1..].iter().collect();
    Ok(is_written(snap, &head)? || is_written(snap, &tail)?)
}

/// True when `word` is the end of a written name and a word after it: the question (`norm`)
/// writes one character right before `word`, no dictionary word's end in the question's cut, that
/// with `word`'s first character is a written name, and the rest of `word` is a dictionary
/// word (林遵带: 林遵 written, 带 a word).
pub(super) fn cut_from_written(snap: &Snapshot, norm: &str, word: &str) -> Result<bool> {
    let (Some(at), Some(first)) = (norm.find(word), word.chars().next()) else {
        return Ok(false);
    };
    let Some(before) = norm[..at].chars().next_back().filter(|&c| is_cjk(c)) else {
        return Ok(false);
    };
    // The 年 of 1997年烟台港 ends a date, not a name.
    let ends_a_date = matches!(before, '年' | '月' | '日')
        && norm[..at - before.len_utf8()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
    if ends_a_date {
        return Ok(false);
    }
    // The character stands alone in the question's cut (林 | 遵带), or in a word the HMM made
    // up (1949 | 年林 | 遵带), not as the end of a dictionary word (日本 | 京瓷: 本京 is no name).
    let alone = jieba().cut(norm, true).iter().any(|t| {
        t.byte_start + t.word.len() == at
            && (t.word.chars().count() == 1 || !jieba().has_word(t.word))
    });
    if !alone {
        return Ok(false);
    }
    let rest = &word[first.len_utf8()..];
    Ok(
        !rest.is_empty()
            && jieba().has_word(rest)
            && is_written(snap, &format!("{before}{first}"))?,
    )
}
