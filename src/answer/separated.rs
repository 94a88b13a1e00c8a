//! Names written with a separator inside: news prints a foreign name's parts with a dot or a
//! dash between them (道—琼斯, 安德鲁·托马斯) and a craft's name in quotes (“奋进”号); users type
//! 道琼斯 and 奋进号. The name's bigram across the separator is in no passage's grams, so the
//! unmentioned-name check would refuse a name the corpus writes. So would it a place's body that
//! jieba takes for one word (香港立法会) where news writes words between (香港特别行政区立法会).
//! A name of three or more characters may also have a character or two between its own
//! (北京分行 in 建设银行北京市分行).

use crate::search::{FieldKind, Snapshot};
use crate::text::{grams, is_cjk};
use crate::Result;

/// What news writes between the parts of a foreign name (道—琼斯, 安德鲁·托马斯) or around the
/// name in a craft's (“奋进”号), which a user leaves out.
const NAME_SEPARATORS: &[char] = &[
    '·', '・', '•', '‧', '∙', '—', '－', '-', '”', '“', '"', '」', '「', '》', '《',
];

/// How many passages holding a name's parts are read for it with a separator between them.
const SEPARATED_READ: usize = 20;

/// True when some passage writes the (normalized, CJK) name with a separator between two of its
/// parts: 道—琼斯 for 道琼斯. The bigram across the separator is in no passage's grams, so the
/// passages holding both parts' grams are read for the name as written.
pub(super) fn written_with_separator(snap: &Snapshot, name: &str) -> Result<bool> {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 3 || !chars.iter().all(|&c| is_cjk(c)) {
        return Ok(false);
    }
    for cut in 1..chars.len() {
        let (left, right): (String, String) =
            (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        let mut terms: Vec<String> = Vec::new();
        for part in [&left, &right] {
            let pieces = grams(part);
            let longest = pieces.iter().map(|g| g.text.chars().count()).max();
            terms.extend(
                pieces
                    .into_iter()
                    .filter(|g| Some(g.text.chars().count()) == longest)
                    .map(|g| g.text),
            );
        }
        for text in snap.texts_holding(FieldKind::Grams, &terms, SEPARATED_READ)? {
            let text = crate::text::normalize(&text);
            if NAME_SEPARATORS
                .iter()
                .any(|s| text.contains(&format!("{left}{s}{right}")))
            {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Last characters of a governing body's name (立法会, 公安局, 法院, 政府, 总队) or of a law's
/// (基本法 of 香港基本法, which news writes 香港特区基本法).
const BODY_ENDS: &[char] = &[
    '会', '院', '局', '部', '厅', '委', '办', '署', '处', '所', '党', '府', '队', '法',
];

/// True when some passage writes a place's body (香港立法会, one word to jieba) with the place
/// and the body apart: 香港特别行政区第一届立法会. The body must be a word of its own ending as
/// a body's name does, and the place a place name to jieba.
pub(super) fn place_and_body_apart(snap: &Snapshot, name: &str) -> Result<bool> {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|&c| is_cjk(c)) {
        return Ok(false);
    }
    let jieba = crate::text::segment::jieba();
    for cut in 2..=chars.len() - 2 {
        let (place, body): (String, String) =
            (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        let is_place = matches!(jieba.tag(&place, false).as_slice(), [one] if one.tag == "ns");
        if is_place
            && body.ends_with(BODY_ENDS)
            && jieba.has_word(&body)
            && snap.holds_all(FieldKind::Words, &[place, body])?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A name of three or more characters written with a character or two between its own
/// (北京分行 in 建设银行北京市分行): its characters in order, each within two of the last.
pub(super) fn loosely_written(name: &str, norm: &str) -> bool {
    let want: Vec<char> = name.chars().collect();
    want.len() >= 3 && in_order(&want, norm, |_, at| at + 4)
}

/// Whether `norm` writes a short form's (2 or 3 CJK characters) characters in order within six
/// characters, first to last: 罐式集装箱 for 罐箱.
pub(super) fn abbreviated_in(short: &str, norm: &str) -> bool {
    let want: Vec<char> = short.chars().collect();
    (2..=3).contains(&want.len())
        && want.iter().all(|&c| is_cjk(c))
        && in_order(&want, norm, |start, _| start + 6)
}

/// Whether `norm` writes a short form (2 to 4 CJK characters) by the first characters of
/// dictionary words in a row: 西安飞机 for 西飞. Unlike [`abbreviated_in`], this holds for a
/// name jieba tags (it tags 西飞 as a person), since a person's name written whole (王大伟)
/// starts no dictionary word and gives no 王伟.
pub(super) fn initials_in(short: &str, norm: &str) -> bool {
    let want: Vec<char> = short.chars().collect();
    if !(2..=4).contains(&want.len()) || !want.iter().all(|&c| is_cjk(c)) {
        return false;
    }
    let text: Vec<char> = norm.chars().collect();
    (0..text.len()).any(|start| words_from(&text, start, &want))
}

/// Whether dictionary words of two to four characters follow one another from `at`, the k-th
/// starting with `want[k]`.
fn words_from(text: &[char], at: usize, want: &[char]) -> bool {
    let Some((&first, rest)) = want.split_first() else {
        return true;
    };
    if text.get(at) != Some(&first) {
        return false;
    }
    (2..=4).any(|len| {
        text.get(at..at + len).is_some_and(|w| {
            crate::text::segment::jieba().has_word(&w.iter().collect::<String>())
                && words_from(text, at + len, rest)
        })
    })
}

/// Whether `norm` holds the characters of `want` in order, each next one found before the
/// position `until` gives from where the run started and where its last character stood.
fn in_order(want: &[char], norm: &str, until: impl Fn(usize, usize) -> usize) -> bool {
    let text: Vec<char> = norm.chars().collect();
    (0..text.len())
        .filter(|&i| Some(&text[i]) == want.first())
        .any(|start| {
            let mut at = start;
            want[1..].iter().all(|&c| {
                match (at + 1..until(start, at).min(text.len())).find(|&j| text[j] == c) {
                    Some(j) => {
                        at = j;
                        true
                    }
                    None => false,
                }
            })
        })
}

#[cfg(test)]
mod tests {
    use super::initials_in;

    #[test]
    fn a_short_form_is_the_first_characters_of_words_in_a_row() {
        assert!(initials_in("西飞", "西安飞机工业公司总装下线"));
        assert!(!initials_in("王伟", "王大伟今天到任"), "one word, one name");
        assert!(!initials_in("西飞", "西安的飞机"), "not in a row");
        assert!(
            !initials_in("西", "西安飞机"),
            "one character is no short form"
        );
    }
}
