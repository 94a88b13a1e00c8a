//! Passages as sentences, each with its normalized form (answers are found in the normalized
//! text and shown from the original).

use crate::corpus::passage::sentences;
use crate::text::Normalized;

/// A sentence of a passage with its normalized form.
#[derive(Debug)]
pub struct Sentence<'a> {
    /// The sentence, verbatim.
    pub text: &'a str,
    /// Byte offset of the sentence in the passage.
    pub offset: usize,
    /// The normalized sentence with its offset map.
    pub norm: Normalized<'a>,
}

/// Splits a passage into sentences.
pub fn split(passage: &str) -> Vec<Sentence<'_>> {
    let base = passage.as_ptr() as usize;
    sentences(passage)
        .into_iter()
        .map(|s| Sentence {
            text: s,
            offset: s.as_ptr() as usize - base,
            norm: Normalized::new(s),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_their_offsets_and_normalized_form() {
        let passage = "商湯虧損60億。雲從科技營收5億。";
        let split = split(passage);
        assert_eq!(split.len(), 2);
        assert_eq!(
            split[1].text,
            &passage[split[1].offset..][..split[1].text.len()]
        );
        assert!(split[1].text.starts_with("雲從"));
        assert!(split[0].norm.text.starts_with("商汤亏损"));
    }
}
