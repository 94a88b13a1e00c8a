//! The two segmentations as tantivy tokenizers, registered on every index wenjin opens.
//!
//! Only indexing goes through them (questions become term queries built from the same
//! segmentation), and the index keeps neither positions nor offsets: token offsets are left in
//! the normalized text, and each token is copied into one reused buffer, so tokenizing costs
//! no allocation per token.
//!
//! A passage's text goes to both fields, one after the other on the same indexing thread. The
//! last normalization is kept per thread, so the second field reuses it instead of normalizing
//! the passage again (normalization is about a fifth of the tokenizers' time).

use std::cell::RefCell;
use std::rc::Rc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
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

/// jieba words over normalized text.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordTokenizer;

/// CJK unigrams and bigrams over normalized text.
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

thread_local! {
    /// The last text this thread normalized for indexing, and its normalization.
    static LAST: RefCell<Option<(String, Rc<str>)>> = const { RefCell::new(None) };
}

/// `normalize(text)`, reusing this thread's previous result when `text` is the same.
fn normalized(text: &str) -> Rc<str> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((t, n)) = last.as_ref() {
            if t == text {
                return Rc::clone(n);
            }
        }
        let n: Rc<str> = Rc::from(normalize(text));
        match last.as_mut() {
            Some((t, slot)) => {
                t.clear();
                t.push_str(text);
                *slot = Rc::clone(&n);
            }
            None => *last = Some((text.to_string(), Rc::clone(&n))),
        }
        n
    })
}

/// The spans of a normalized text handed out one by one as tokens.
pub struct SpanStream {
    norm: Rc<str>,
    spans: std::vec::IntoIter<Span>,
    current: Token,
}

impl SpanStream {
    fn new(text: &str, segment: fn(&str) -> Vec<Span>) -> Self {
        let norm = normalized(text);
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
            (WordTokenizer.token_stream(text), super::super::words(&norm)),
            (GramTokenizer.token_stream(text), super::super::grams(&norm)),
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

    /// The reused normalization belongs to the text it was made from: texts that differ (even
    /// ones that normalize alike) are each tokenized from their own.
    #[test]
    fn each_text_is_tokenized_from_its_own_normalization() {
        let texts = [
            "商湯虧損",
            "商汤亏损60亿",
            "商湯虧損",
            "ＡＢＣ 公司",
            "abc 公司",
            "",
        ];
        for text in texts.iter().chain(texts.iter().rev()) {
            let norm = normalize(text);
            let mut stream = GramTokenizer.token_stream(text);
            let mut seen = Vec::new();
            while let Some(t) = stream.next() {
                seen.push(t.text.clone());
            }
            let want: Vec<String> = super::super::grams(&norm)
                .into_iter()
                .map(|p| p.text)
                .collect();
            assert_eq!(seen, want, "{text}");
        }
    }
}
