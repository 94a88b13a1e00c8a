//! Near-duplicate fingerprints of passages: a 64-bit SimHash over character 3-grams.
//!
//! News corpora hold the same story many times (reposts, syndicated copies with another source
//! line, a changed punctuation mark, a sentence added). Without knowing that, BM25 fills the
//! reranker's few candidates with copies of one paragraph and crowds the right one out. Each
//! passage gets a fingerprint at index time; retrieval folds passages whose fingerprints are
//! within [`NEAR_BITS`] bits into one (`collapse.rs`).
//!
//! The text is normalized first (Traditional→Simplified, width, case) and everything but
//! letters, digits and ideographs is dropped, so copies that differ only in punctuation, white
//! space or script have the SAME fingerprint, and the index can count exact copies by the
//! fingerprint's document frequency. Each distinct-or-repeated 3-gram votes on every bit with
//! weight 1: a sentence added to a paragraph changes the share of 3-grams it adds, and SimHash's
//! bits then differ with probability angle/π (Charikar 2002), a few bits for a few percent.
//!
//! The hash of a 3-gram is FNV-1a over its characters followed by a SplitMix64 finalizer:
//! written out here so that fingerprints never change with a compiler or crate version (they
//! are stored in the index).

use crate::text::{is_cjk, normalize};

/// Largest Hamming distance between two fingerprints of copies of one passage. Measured over
/// every pair of People's Daily 1998-01's 19,484 paragraphs: copies of one paragraph (a law's
/// article quoted in its amendment, a speech reported with and without 李鹏说，) differ in 1 to
/// 8 bits, and so does the user's paragraph with one or two sentences added (tests below);
/// unrelated paragraphs of some length differ in about 32 (standard deviation 4), 10 or fewer
/// about once in a hundred million pairs. Short texts are another matter (a few 3-grams give
/// few independent votes: 本报记者薛原 and 本报记者薛飞 differ in 8), and near but different
/// texts with other figures (weather headings of consecutive days, 6): `collapse.rs` lets only
/// texts of some length with the same figures join a cluster on a near (not equal) fingerprint.
pub const NEAR_BITS: u32 = 10;

/// Characters per shingle (the window in [`fingerprint`] is written out for three).
const SHINGLE: usize = 3;

/// The fingerprint of a passage's text.
pub fn fingerprint(text: &str) -> u64 {
    of_normalized(&normalize(text))
}

/// [`fingerprint`] of text already normalized (indexing normalizes each passage once).
pub fn of_normalized(norm: &str) -> u64 {
    // The last SHINGLE letters and digits, oldest first, and how many were seen.
    let mut window = ['\0'; SHINGLE];
    let mut seen = 0usize;
    let mut votes = Votes::default();
    // Ideographs are most of the text: the range check spares them Unicode's table lookup.
    let kept = |c: &char| is_cjk(*c) || c.is_alphanumeric();
    for c in norm.chars().filter(kept) {
        window = [window[1], window[2], c];
        seen += 1;
        if seen >= SHINGLE {
            votes.add(shingle_hash(&window));
        }
    }
    match seen {
        0 => return 0,
        // A text shorter than a shingle is one shingle.
        n if n < SHINGLE => votes.add(shingle_hash(&window[SHINGLE - n..])),
        _ => {}
    }
    votes.majority()
}

/// How many of the added hashes set each of the 64 bits, kept bit-sliced: `levels[l]` holds
/// bit `l` of all 64 counts, so adding a hash is a ripple of a few word operations (the carry
/// dies out after two levels on average) rather than 64 counter updates.
#[derive(Default)]
struct Votes {
    levels: [u64; 32],
    added: u64,
}

impl Votes {
    fn add(&mut self, h: u64) {
        let mut carry = h;
        for level in &mut self.levels {
            if carry == 0 {
                break;
            }
            let next = *level & carry;
            *level ^= carry;
            carry = next;
        }
        self.added += 1;
    }

    /// The bits set by more than half of the hashes (each hash votes +1 for a set bit and -1
    /// for a clear one; a tie is clear).
    fn majority(&self) -> u64 {
        (0..64).fold(0u64, |acc, bit| {
            let count: u64 = self
                .levels
                .iter()
                .enumerate()
                .map(|(l, level)| ((level >> bit) & 1) << l)
                .sum();
            if 2 * count > self.added {
                acc | (1 << bit)
            } else {
                acc
            }
        })
    }
}

/// Number of bits in which two fingerprints differ.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// Whether two fingerprints are those of near copies.
pub fn near(a: u64, b: u64) -> bool {
    distance(a, b) <= NEAR_BITS
}

/// FNV-1a over the characters' code points, then SplitMix64's finalizer (FNV alone leaves the
/// high bits poorly mixed for inputs this short).
fn shingle_hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        for b in (c as u32).to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "說起來，與同被稱作AI四小龍的雲從、曠視、依圖相比，商業落地難、連年虧損是幾家公司共同的處境。以雲從科技為例，其2022年營收約5.3億元，較上年少了51%，扣除非經常性損益後虧損9.27億元。商湯科技最新年報則顯示，公司2022年營收減少近兩成，全年虧損約60億元。";

    #[test]
    fn fingerprints_are_fixed_across_versions() {
        // Stored in the index: a change here needs a format change (schema.rs).
        assert_eq!(fingerprint(""), 0);
        assert_eq!(fingerprint("，。 "), 0);
        assert_eq!(fingerprint(PARAGRAPH), 0x5e46_4948_cf50_61e6);
        assert_eq!(
            shingle_hash(&['商', '湯', '科']),
            shingle_hash(&['商', '湯', '科'])
        );
        assert_ne!(
            shingle_hash(&['商', '湯', '科']),
            shingle_hash(&['湯', '商', '科'])
        );
    }

    /// The plain definition: every shingle votes on every bit.
    fn plain(text: &str) -> u64 {
        let chars: Vec<char> = normalize(text)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if chars.is_empty() {
            return 0;
        }
        let mut votes = [0i64; 64];
        for shingle in chars.windows(SHINGLE.min(chars.len())) {
            let h = shingle_hash(shingle);
            for (bit, v) in votes.iter_mut().enumerate() {
                *v += (((h >> bit) & 1) as i64) * 2 - 1;
            }
        }
        (0..64)
            .filter(|&b| votes[b] > 0)
            .fold(0, |acc, b| acc | (1 << b))
    }

    #[test]
    fn bit_sliced_votes_give_the_plain_definition() {
        let long = PARAGRAPH.repeat(40);
        for t in [
            "",
            "a",
            "ab",
            "abc",
            "商湯",
            "商湯科技",
            PARAGRAPH,
            long.as_str(),
        ] {
            assert_eq!(fingerprint(t), plain(t), "{t}");
        }
        // Every prefix of the paragraph, so that ties and short texts are met.
        for (i, _) in PARAGRAPH.char_indices() {
            assert_eq!(fingerprint(&PARAGRAPH[..i]), plain(&PARAGRAPH[..i]));
        }
    }

    #[test]
    fn punctuation_white_space_and_script_do_not_change_the_fingerprint() {
        let fp = fingerprint(PARAGRAPH);
        let repunctuated = PARAGRAPH
            .replace('，', ",")
            .replace('。', ". ")
            .replace('、', "/");
        assert_eq!(fingerprint(&repunctuated), fp);
        assert_eq!(fingerprint(&format!("  {PARAGRAPH}\n")), fp);
        let simplified = crate::text::normalize(PARAGRAPH);
        assert_eq!(fingerprint(&simplified), fp);
    }

    #[test]
    fn a_sentence_added_stays_near_and_other_paragraphs_are_far() {
        let fp = fingerprint(PARAGRAPH);
        // A sentence of 17 characters after 130 moves 7 to 12 bits, by which shingles it adds.
        let added = format!("{PARAGRAPH}業內人士預計，這一局面短期內難以扭轉。");
        let d = distance(fp, fingerprint(&added));
        assert!(d > 0 && d <= NEAR_BITS, "a sentence added: {d} bits");
        let boilerplate = format!("{PARAGRAPH}（本文轉載自騰訊新聞）");
        assert!(near(fp, fingerprint(&boilerplate)));
        let others = [
            "令人意外的是，另兩家企業屢次傳出上市消息，最後卻都不了了之。在ChatGPT掀起的人工智能熱潮中，這幾家公司能否守住先行者的位置，仍是未知數。",
            "粗略算來，2018年至2022年間商湯累計虧損逾400億元，持續的虧損也令二級市場的投資者對其前景失去信心。",
            "商湯科技2021年虧損171億元，2022年虧損收窄至60億元。",
            "龙井茶产于浙江杭州西湖一带，已有一千二百余年历史。",
        ];
        for o in others {
            let d = distance(fp, fingerprint(o));
            assert!(
                d > NEAR_BITS + 4,
                "unrelated paragraph within {d} bits: {o}"
            );
        }
    }
}
