//! Names the corpus writes only whole. jieba cuts some names in two (陈方 | 安生 of 陈方安生),
//! and the reader may then take the first part for the answer. Where every passage that
//! writes the part writes the same characters after it, the part is no name of its own.

use crate::search::{FieldKind, Snapshot};
use crate::text::{grams, is_cjk, normalize};
use crate::Result;

/// Passages read to see what follows a name: enough to find one that writes it alone.
const READ: usize = 40;

/// Fewest times the corpus must write the part, always with the same characters after it,
/// for that to say more than one sentence's wording.
const LEAST: usize = 3;

/// True when the corpus writes `part` at least [`LEAST`] times and always with `rest` right
/// after it (陈方 and 安生). `part` and `rest` are normalized text.
pub(super) fn always_followed_by(snap: &Snapshot, part: &str, rest: &str) -> Result<bool> {
    if rest.is_empty() || !part.chars().all(is_cjk) {
        return Ok(false);
    }
    let bigrams: Vec<String> = grams(part)
        .into_iter()
        .filter(|g| g.text.chars().count() == 2)
        .map(|g| g.text)
        .collect();
    if bigrams.is_empty() {
        return Ok(false);
    }
    let mut seen = 0;
    for text in snap.texts_holding(FieldKind::Grams, &bigrams, READ)? {
        let text = normalize(&text);
        for (at, _) in text.match_indices(part) {
            if !text[at + part.len()..].starts_with(rest) {
                return Ok(false);
            }
            seen += 1;
        }
    }
    Ok(seen >= LEAST)
}

#[cfg(test)]
mod tests {
    use super::always_followed_by;
    use crate::search::{self, BuildOptions, Engine};

    #[test]
    fn a_part_is_no_name_where_the_corpus_always_writes_the_rest_after_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).expect("corpus folder");
        let texts = [
            "政务司司长陈方安生出任委员会主席。",
            "陈方安生今天会见了来访的客人。",
            "陈方安生在酒会上致辞。",
            "李大明今天会见了来访的客人。",
            "李大明的儿子李大明明在上学。",
        ];
        for (k, t) in texts.iter().enumerate() {
            std::fs::write(corpus.join(format!("{k}.txt")), format!("新闻{k}\n\n{t}\n"))
                .expect("write");
        }
        let index = dir.path().join("index");
        search::build(&corpus, &index, &BuildOptions::default()).expect("build");
        let snap = Engine::open(&index).expect("open").snapshot();
        assert!(always_followed_by(&snap, "陈方", "安生").expect("read"));
        // Written once: too few times to tell. Written alone once: a name of its own.
        assert!(!always_followed_by(&snap, "司长", "陈").expect("read"));
        assert!(!always_followed_by(&snap, "李大明", "明").expect("read"));
        assert!(!always_followed_by(&snap, "陈方", "").expect("read"));
    }
}
