//! Unit tests of src/text/segment.rs.

use super::*;
use crate::text::normalize;

/// The shortcut in `is_noise` and `jieba_segment` must agree with `char::is_alphanumeric`.
#[test]
fn every_main_ideograph_is_alphanumeric() {
    let all = ('\u{3000}'..='\u{A000}').filter(|&c| is_main_ideograph(c));
    assert_eq!(all.clone().count(), 0x4DC0 - 0x3400 + 0xA000 - 0x4E00);
    for c in all {
        assert!(c.is_alphanumeric(), "U+{:04X}", c as u32);
    }
    assert!(
        !is_main_ideograph('䷀'),
        "the Yijing hexagrams (U+4DC0) are symbols"
    );
    assert!(is_noise("，。 ䷀"));
}

fn texts(p: &[Piece]) -> Vec<&str> {
    p.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn both_scripts_give_identical_tokens() {
    let t = words(&normalize("商湯2022年虧損多少"));
    let s = words(&normalize("商汤2022年亏损多少"));
    assert_eq!(t, s);
    let w = texts(&t);
    assert!(w.contains(&"商汤"), "{w:?}");
    assert!(w.contains(&"亏损"), "{w:?}");
}

/// A unit character that opens a word is the word's: the number keeps its own unit, and
/// the word stays whole for the question and the passage to share.
#[test]
fn a_unit_that_opens_a_word_is_the_words() {
    let w = words(&normalize(
        "1998年1月美国交还，1997年人均收入，5万人民币，1998年台湾",
    ));
    let w = texts(&w);
    for word in [
        "1月",
        "美国",
        "1997年",
        "人均收入",
        "5万",
        "人民币",
        "1998年",
        "台湾",
    ] {
        assert!(w.contains(&word), "{word} missing from {w:?}");
    }
    assert!(!w.contains(&"1月美") && !w.contains(&"1997年人"), "{w:?}");
    // A whole unit of several characters stays the number's.
    let w = words(&normalize("5.4亿美元，3000多万元，2.5万人次，3个月"));
    let w = texts(&w);
    for word in ["5.4亿美元", "3000多万元", "2.5万人次", "3个月"] {
        assert!(w.contains(&word), "{word} missing from {w:?}");
    }
}

#[test]
fn numbers_with_units_survive() {
    let w = words(&normalize(
        "巨虧60億，營收5.3億，比重107.3%，費用36.14億元，2022年",
    ));
    let w = texts(&w);
    for t in [
        "60亿",
        "60",
        "5.3亿",
        "5.3",
        "107.3%",
        "36.14亿",
        "36.14亿元",
        "2022年",
        "2022",
    ] {
        assert!(w.contains(&t), "{t} missing from {w:?}");
    }
}

#[test]
fn number_variants_share_a_position() {
    let w = words("2022年");
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].position, w[1].position);
}

#[test]
fn punctuation_is_dropped() {
    let w = words(&normalize("「AND」：OR (x) *?"));
    assert!(
        w.iter().all(|p| p.text.chars().any(char::is_alphanumeric)),
        "{w:?}"
    );
}

#[test]
fn grams_cover_unknown_words() {
    let g = grams(&normalize("巨虧60億"));
    let g = texts(&g);
    assert_eq!(g, vec!["巨", "巨亏", "亏", "60", "亿"]);
}

#[test]
fn offsets_point_into_the_normalized_text() {
    let n = normalize("ＡＩ四小龍，商湯科技");
    for p in words(&n).iter().chain(grams(&n).iter()) {
        assert_eq!(&n[p.start..p.end], p.text);
    }
}

#[test]
fn an_adverb_glued_to_its_verb_is_no_name() {
    assert!(adverb_and_verb("全翻成"));
    assert!(adverb_and_verb("都卖给"));
    // A surname or a name's first character is no adverb here.
    assert!(!adverb_and_verb("曾庆红"));
    assert!(!adverb_and_verb("张华明"));
    assert!(!adverb_and_verb("全"));
}
