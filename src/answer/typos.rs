//! Typos of names the corpus writes: a name one character off a written one (商陽 for 商湯) is
//! not a reason to refuse ([`super::mentions`]).

use crate::search::{FieldKind, Snapshot};
use crate::Result;

use super::mentions::{is_name, is_written};

/// Whether `text` writes a word one character off `name` at the same length and with the same
/// first character (亨丁顿 for 亨廷顿), or `name` itself.
pub(super) fn typo_in(name: &str, text: &str) -> bool {
    let name: Vec<char> = name.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let Some(&first) = name.first() else {
        return false;
    };
    text.windows(name.len())
        .any(|w| w[0] == first && w.iter().zip(&name).filter(|(a, b)| a != b).count() <= 1)
}

/// True when the corpus writes a name one character off `name` (商陽 for 商湯): a name of the
/// alias file, or a word of the index of the same length with the same first character and
/// one other substitution (亨丁顿 for 亨廷顿; a different first character would let 特斯拉 pass
/// for 伊斯拉), itself a name when `name` has only two characters (else 苹果 would pass as a
/// typo of 苹X, any common word).
pub(crate) fn is_typo_of_written(snap: &Snapshot, name: &str) -> Result<bool> {
    let len = name.chars().count();
    let one_off = |other: &str| {
        other.chars().count() == len
            && other
                .chars()
                .zip(name.chars())
                .filter(|(a, b)| a != b)
                .count()
                == 1
    };
    for group in snap.aliases().groups() {
        for alias in group.normalized.iter().filter(|a| one_off(a)) {
            if is_written(snap, alias)? {
                return Ok(true);
            }
        }
    }
    let short = len <= 2;
    for near in snap.near_terms(FieldKind::Words, name)? {
        if !short || is_name(&near) {
            return Ok(true);
        }
    }
    Ok(false)
}
