//! Names written with a separator inside: news prints a foreign name's parts with a dot or a
//! dash between them (道—琼斯, 安德鲁·托马斯) and a craft's name in quotes (“奋进”号); users type
//! 道琼斯 and 奋进号. The name's bigram across the separator is in no passage's grams, so the
//! unmentioned-name check would refuse a name the corpus writes.

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
