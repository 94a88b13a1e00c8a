//! Regional wording: a question typed in Taiwan writes 莫三比克, 紐西蘭, 網際網路 or 軟體 where
//! a Mainland corpus writes 莫桑比克, 新西兰, 互联网, 软件. Character conversion (fast2s) cannot
//! bridge that; OpenCC's phrase dictionary of Taiwan wordings (`data/tw_phrases.txt`, from
//! OpenCC's TWPhrasesRev, Apache-2.0) does. A phrase is rewritten only where the corpus does not
//! write it as typed: a Taiwan corpus keeps answering Taiwan questions in its own words.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::normalize::normalize;

/// The dictionary's data file.
const DATA: &str = include_str!("data/tw_phrases.txt");

/// Taiwan phrases (normalized, so that a question typed in either script matches) and their
/// first Mainland form (in Traditional script, as the dictionary writes it, so that a rewritten
/// Traditional question stays Traditional).
struct Phrases {
    matcher: Option<AhoCorasick>,
    mainland: Vec<&'static str>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut keys = Vec::new();
    let mut mainland = Vec::new();
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(tw), Some(values)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Some(first) = values.split(' ').next().filter(|v| !v.is_empty()) else {
            continue;
        };
        // Entries whose two sides fold to the same text change nothing (代碼, 信號).
        if normalize(tw) != normalize(first) && tw.chars().count() >= 2 {
            keys.push(normalize(tw));
            mainland.push(first);
        }
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&keys)
        .ok();
    Phrases { matcher, mainland }
});

/// `question` with the Taiwan phrases in it that the corpus does not write (`written` says
/// whether it does, given the phrase normalized) replaced by their Mainland form. Unchanged
/// when it holds none.
pub fn to_mainland(question: &str, written: impl Fn(&str) -> bool) -> String {
    let p = &*PHRASES;
    let Some(matcher) = &p.matcher else {
        return question.to_string();
    };
    // Normalizing keeps the character count: positions in it are positions in the question.
    let norm = normalize(question);
    let chars: Vec<(usize, char)> = question.char_indices().collect();
    let byte_of = |norm_byte: usize| {
        let k = norm[..norm_byte].chars().count();
        chars.get(k).map_or(question.len(), |&(b, _)| b)
    };
    let mut out = String::with_capacity(question.len());
    let mut at = 0;
    for m in matcher.find_iter(&norm) {
        if written(&norm[m.range()]) {
            continue;
        }
        let (start, end) = (byte_of(m.start()), byte_of(m.end()));
        out.push_str(&question[at..start]);
        out.push_str(p.mainland[m.pattern().as_usize()]);
        at = end;
    }
    out.push_str(&question[at..]);
    out
}

/// The Mainland forms, normalized, of the Taiwan phrases `norm` (a normalized question)
/// writes, whether or not the corpus writes them as typed: what the question names in either
/// wording (格鲁吉亚 for 喬治亞).
pub fn mainland_forms(norm: &str) -> Vec<String> {
    let p = &*PHRASES;
    let Some(matcher) = &p.matcher else {
        return Vec::new();
    };
    matcher
        .find_iter(norm)
        .map(|m| normalize(p.mainland[m.pattern().as_usize()]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{mainland_forms, to_mainland};

    #[test]
    fn a_question_s_taiwan_phrases_have_their_mainland_forms() {
        assert_eq!(
            mainland_forms("哪个共和国宣布脱离乔治亚独立"),
            vec!["格鲁吉亚"]
        );
        assert!(mainland_forms("商汤2022年亏损多少").is_empty());
    }

    #[test]
    fn taiwan_phrases_the_corpus_lacks_become_mainland_ones() {
        let never = |_: &str| false;
        assert_eq!(
            to_mainland("莫三比克1998年的經濟成長目標", never),
            "莫桑比克1998年的經濟成長目標"
        );
        assert_eq!(
            to_mainland("哪天在網際網路上架站", never),
            "哪天在互聯網上架站"
        );
        // Typed in Simplified characters, the phrase is found all the same.
        assert_eq!(to_mainland("新西兰和纽西兰", never), "新西兰和新西蘭");
        assert_eq!(
            to_mainland("商湯2022年虧損多少", never),
            "商湯2022年虧損多少"
        );
    }

    #[test]
    fn a_phrase_the_corpus_writes_is_kept() {
        let writes = |p: &str| p == "莫三比克";
        assert_eq!(to_mainland("莫三比克的首都", writes), "莫三比克的首都");
    }
}
