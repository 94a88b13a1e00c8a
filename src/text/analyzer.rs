//! The two segmentations as tantivy tokenizers, registered on every index wenjin opens.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Index;

use super::normalize::Normalized;
use super::segment::{grams, words, Piece};

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

/// jieba words over normalized text; offsets point into the original text.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordTokenizer;

/// CJK unigrams and bigrams over normalized text; offsets point into the original text.
#[derive(Clone, Copy, Debug, Default)]
pub struct GramTokenizer;

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = PieceStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> PieceStream {
        PieceStream::new(text, words)
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = PieceStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> PieceStream {
        PieceStream::new(text, grams)
    }
}

/// A finished list of tokens handed out one by one.
pub struct PieceStream {
    tokens: Vec<Token>,
    next: usize,
    current: Token,
}

impl PieceStream {
    fn new(text: &str, segment: fn(&str) -> Vec<Piece>) -> Self {
        let norm = Normalized::new(text);
        let tokens = segment(&norm.text)
            .into_iter()
            .map(|p| Token {
                offset_from: norm.to_original(p.start),
                offset_to: norm.to_original(p.end),
                position: p.position,
                text: p.text,
                position_length: 1,
            })
            .collect();
        PieceStream {
            tokens,
            next: 0,
            current: Token::default(),
        }
    }
}

impl TokenStream for PieceStream {
    fn advance(&mut self) -> bool {
        match self.tokens.get_mut(self.next) {
            Some(t) => {
                self.current = std::mem::take(t);
                self.next += 1;
                true
            }
            None => false,
        }
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

    #[test]
    fn offsets_are_in_the_original_text() {
        let text = "商湯２０２２年虧損";
        let mut tok = WordTokenizer;
        let mut stream = tok.token_stream(text);
        let mut seen = Vec::new();
        while let Some(t) = stream.next() {
            seen.push((t.text.clone(), text[t.offset_from..t.offset_to].to_string()));
        }
        assert!(
            seen.contains(&("2022年".to_string(), "２０２２年".to_string())),
            "{seen:?}"
        );
        assert!(
            seen.contains(&("商汤".to_string(), "商湯".to_string())),
            "{seen:?}"
        );
    }
}
