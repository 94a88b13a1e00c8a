//! The two segmentations as tantivy tokenizers, registered on every index wenjin opens.
//!
//! Only indexing goes through them (questions become term queries built from the same
//! segmentation), and the index keeps neither positions nor offsets; each token is copied into
//! one reused buffer, so tokenizing costs no allocation per token.
//!
//! They take text that is already normalized: indexing normalizes each passage once, for both
//! fields and for its fingerprint (normalization costs as much as the fingerprint itself, and
//! doing it in the tokenizers as well made it twice). A stored field that must keep its own
//! text (the title) is given its tokens with [`title_tokens`].

use std::rc::Rc;

use tantivy::tokenizer::{PreTokenizedString, Token, TokenStream, Tokenizer};
use tantivy::Index;

use super::normalize::normalize;
use super::segment::{gram_spans, word_spans, Span};

/// Name of the word (jieba) tokenizer in the schema.
pub const WORDS: &str = "wenjin_words";
/// Name of the CJK unigram+bigram tokenizer in the schema.
pub const GRAMS: &str = "wenjin_grams";

/// Registers both tokenizers on `index`; needed before indexing or querying.
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(WORDS, WordTokenizer);
    manager.register(GRAMS, GramTokenizer);
}

/// jieba words of normalized text.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordTokenizer;

/// CJK unigrams and bigrams of normalized text.
#[derive(Clone, Copy, Debug, Default)]
pub struct GramTokenizer;

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = SpanStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SpanStream {
        SpanStream::new(text, word_spans)
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = SpanStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SpanStream {
        SpanStream::new(text, gram_spans)
    }
}

/// The word tokens of `title`, normalized, with the title itself kept as written (it is
/// stored and shown in citations).
pub fn title_tokens(title: &str) -> PreTokenizedString {
    let mut stream = SpanStream::new(&normalize(title), word_spans);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.current.clone());
    }
    PreTokenizedString {
        text: title.to_string(),
        tokens,
    }
}

/// The spans of a normalized text handed out one by one as tokens.
pub struct SpanStream {
    norm: Rc<str>,
    spans: std::vec::IntoIter<Span>,
    current: Token,
}

impl SpanStream {
    /// The tokens of `norm`, text already normalized.
    fn new(norm: &str, segment: fn(&str) -> Vec<Span>) -> Self {
        let norm: Rc<str> = Rc::from(norm);
        let spans = segment(&norm).into_iter();
        SpanStream {
            norm,
            spans,
            current: Token::default(),
        }
    }
}

impl TokenStream for SpanStream {
    fn advance(&mut self) -> bool {
        let Some(s) = self.spans.next() else {
            return false;
        };
        let t = &mut self.current;
        t.offset_from = s.start;
        t.offset_to = s.end;
        t.position = s.position;
        t.position_length = 1;
        t.text.clear();
        t.text.push_str(&self.norm[s.start..s.end]);
        true
    }
    fn token(&self) -> &Token {
        &self.current
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index must hold exactly the terms the question side looks up.
    #[test]
    fn tokens_are_the_pieces_the_questions_use() {
        let text = "商湯２０２２年虧損60億元，SenseTime 5.3%";
        let norm = normalize(text);
        for (mut stream, pieces) in [
            (
                WordTokenizer.token_stream(&norm),
                super::super::words(&norm),
            ),
            (
                GramTokenizer.token_stream(&norm),
                super::super::grams(&norm),
            ),
        ] {
            let mut seen = Vec::new();
            while let Some(t) = stream.next() {
                assert_eq!(t.text, norm[t.offset_from..t.offset_to]);
                seen.push((t.text.clone(), t.position));
            }
            let want: Vec<(String, usize)> =
                pieces.into_iter().map(|p| (p.text, p.position)).collect();
            assert_eq!(seen, want);
            assert!(seen.iter().any(|(t, _)| t == "60"), "{seen:?}");
        }
    }

    /// A title keeps its own text and gets the words of its normalization.
    #[test]
    fn a_title_is_kept_as_written_and_tokenized_normalized() {
        let title = "商湯２０２２年報：虧損收窄";
        let pre = title_tokens(title);
        assert_eq!(pre.text, title);
        let got: Vec<String> = pre.tokens.iter().map(|t| t.text.clone()).collect();
        let want: Vec<String> = super::super::words(&normalize(title))
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(got, want);
        assert!(got.iter().any(|t| t == "商汤"), "{got:?}");
    }
}
