//! The tantivy schema: one document per passage.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STORED,
    STRING,
};

use crate::text::analyzer::{GRAMS, WORDS};

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Document id (path relative to the corpus, `path#id` for JSON records).
    pub doc: Field,
    /// File the passage came from (what incremental reindexing deletes by).
    pub path: Field,
    /// Hash of the file's content.
    pub hash: Field,
    /// 1-based paragraph number.
    pub paragraph: Field,
    /// Character offsets of the window in its paragraph.
    pub start: Field,
    /// End offset.
    pub end: Field,
    /// 1 when the paragraph was cut into windows.
    pub windowed: Field,
    /// "1" on the first passage of each article: lets us list articles cheaply.
    pub lead: Field,
    /// Article title (stored, and searchable by words).
    pub title: Field,
    /// Source line.
    pub source: Field,
    /// Author line.
    pub author: Field,
    /// Date line.
    pub date: Field,
    /// URL.
    pub url: Field,
    /// Passage text segmented into jieba words (with number variants).
    pub words: Field,
    /// Passage text as CJK unigrams and bigrams.
    pub grams: Field,
    /// Passage text, verbatim, stored for display.
    pub text: Field,
    /// Near-duplicate fingerprint of the text ([`super::fingerprint`]): fast (retrieval folds
    /// copies without reading stored passages) and indexed (exact copies counted by document
    /// frequency).
    pub fingerprint: Field,
    /// The article's place among its file's articles (0-based): a JSON Lines file of
    /// paragraphs is read in order, a paragraph with the ones before it.
    pub seq: Field,
    /// The full names the passage means by short forms (哈 for 哈萨克斯坦, named earlier in its
    /// report: [`super::report`]), space-separated; stored, and indexed with its words.
    pub refers: Field,
}

/// Name of the fingerprint field. An index without it was built before fingerprints existed
/// ([`outdated`]).
pub const FINGERPRINT: &str = "fingerprint";
/// Name of the field of an article's place in its file.
pub const SEQ: &str = "seq";
/// Name of the field of the full names a passage means by short forms.
pub const REFERS: &str = "refers";

fn tokenized(tokenizer: &str, record: IndexRecordOption, stored: bool) -> TextOptions {
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    );
    if stored {
        opts.set_stored()
    } else {
        opts
    }
}

/// Builds the schema and its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let num = NumericOptions::default().set_stored().set_indexed();
    let fields = Fields {
        doc: b.add_text_field("doc", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        hash: b.add_text_field("hash", STRING | STORED),
        paragraph: b.add_u64_field("paragraph", num.clone()),
        start: b.add_u64_field("start", num.clone()),
        end: b.add_u64_field("end", STORED),
        windowed: b.add_u64_field("windowed", STORED),
        lead: b.add_text_field("lead", STRING),
        title: b.add_text_field(
            "title",
            tokenized(WORDS, IndexRecordOption::WithFreqs, true),
        ),
        source: b.add_text_field("source", STORED),
        author: b.add_text_field("author", STORED),
        date: b.add_text_field("date", STORED),
        url: b.add_text_field("url", STORED),
        words: b.add_text_field(
            "words",
            // No positions: questions become term queries (never phrases), and highlights
            // come from our own segmentation of the shown passage.
            tokenized(WORDS, IndexRecordOption::WithFreqs, false),
        ),
        grams: b.add_text_field(
            "grams",
            tokenized(GRAMS, IndexRecordOption::WithFreqs, false),
        ),
        text: b.add_text_field("text", STORED),
        fingerprint: b.add_u64_field(FINGERPRINT, num.clone().set_fast()),
        seq: b.add_u64_field(SEQ, num),
        refers: b.add_text_field(REFERS, STORED),
    };
    (b.build(), fields)
}

/// Looks up the field handles in an existing index's schema; `None` when it is not ours.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let f = |name: &str| schema.get_field(name).ok();
    Some(Fields {
        doc: f("doc")?,
        path: f("path")?,
        hash: f("hash")?,
        paragraph: f("paragraph")?,
        start: f("start")?,
        end: f("end")?,
        windowed: f("windowed")?,
        lead: f("lead")?,
        title: f("title")?,
        source: f("source")?,
        author: f("author")?,
        date: f("date")?,
        url: f("url")?,
        words: f("words")?,
        grams: f("grams")?,
        text: f("text")?,
        fingerprint: f(FINGERPRINT)?,
        seq: f(SEQ)?,
        refers: f(REFERS)?,
    })
}

/// True for an index wenjin built before passages had fingerprints, places or short-form
/// names: it must be rebuilt (a
/// full build does it; an incremental one switches to a full one by itself).
pub fn outdated(schema: &Schema) -> bool {
    schema.get_field("text").is_ok()
        && [FINGERPRINT, SEQ, REFERS]
            .iter()
            .any(|name| schema.get_field(name).is_err())
}
