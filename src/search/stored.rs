//! Passages and articles as the index stores them, and reading them back.

use serde::{Deserialize, Serialize};
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{Field, OwnedValue};
use tantivy::tokenizer::PreTokenizedString;
use tantivy::{DocAddress, Searcher};

use super::schema::Fields;
use crate::corpus::Meta;
use crate::Result;

/// A passage as stored in the index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredPassage {
    /// Document id.
    pub doc: String,
    /// File relative to the corpus folder.
    pub path: String,
    /// The article's title, source, author, date and url.
    #[serde(flatten)]
    pub meta: Meta,
    /// 1-based paragraph number.
    pub paragraph: u32,
    /// Character offset in the paragraph.
    pub start: u32,
    /// End character offset in the paragraph.
    pub end: u32,
    /// Whether the paragraph was cut into windows.
    pub windowed: bool,
    /// Verbatim text.
    pub text: String,
    /// Near-duplicate fingerprint of the text ([`super::fingerprint`]).
    #[serde(skip)]
    pub fingerprint: u64,
    /// Fingerprints of the near (not identical) copies that retrieval folded into this passage,
    /// for counting the articles that repeat it ([`super::Snapshot::also_in`]).
    #[serde(skip)]
    pub near_copies: Vec<u64>,
    /// The article's place among its file's articles.
    #[serde(skip)]
    pub seq: u64,
    /// The full names the passage means by short forms (哈 for 哈萨克斯坦), space-separated.
    #[serde(skip)]
    pub refers: String,
}

impl StoredPassage {
    /// The article's title and the full names the passage means by short forms: what names
    /// the passage's subject besides its own words.
    pub fn heading(&self) -> String {
        if self.refers.is_empty() {
            self.meta.title.clone()
        } else {
            format!("{} {}", self.meta.title, self.refers)
        }
    }
}

/// One article of the index, for listings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// Document id.
    pub doc: String,
    /// The article's title, source, author, date and url.
    #[serde(flatten)]
    pub meta: Meta,
}

/// A stored passage's fields as read, each value moved out rather than copied (tantivy's
/// `TantivyDocument` packs every value into its own buffer first).
struct StoredFields(Vec<(Field, OwnedValue)>);

impl DocumentDeserialize for StoredFields {
    fn deserialize<'de, D: DocumentDeserializer<'de>>(
        mut d: D,
    ) -> std::result::Result<Self, DeserializeError> {
        let mut values = Vec::with_capacity(d.size_hint());
        while let Some(fv) = d.next_field::<OwnedValue>()? {
            values.push(fv);
        }
        Ok(StoredFields(values))
    }
}

/// Reads the passage stored at `addr`.
pub(super) fn read(searcher: &Searcher, f: &Fields, addr: DocAddress) -> Result<StoredPassage> {
    let StoredFields(values) = searcher.doc(addr)?;
    let mut p = StoredPassage::default();
    for (field, value) in values {
        match value {
            // A title taken from the text is stored pre-tokenized (see build::add_article).
            OwnedValue::Str(t) | OwnedValue::PreTokStr(PreTokenizedString { text: t, .. }) => {
                match field {
                    x if x == f.doc => p.doc = t,
                    x if x == f.path => p.path = t,
                    x if x == f.title => p.meta.title = t,
                    x if x == f.source => p.meta.source = Some(t),
                    x if x == f.author => p.meta.author = Some(t),
                    x if x == f.date => p.meta.date = Some(t),
                    x if x == f.url => p.meta.url = Some(t),
                    x if x == f.text => p.text = t,
                    x if x == f.refers => p.refers = t,
                    _ => {}
                }
            }
            OwnedValue::U64(n) => match field {
                x if x == f.paragraph => p.paragraph = n as u32,
                x if x == f.start => p.start = n as u32,
                x if x == f.end => p.end = n as u32,
                x if x == f.windowed => p.windowed = n == 1,
                x if x == f.fingerprint => p.fingerprint = n,
                x if x == f.seq => p.seq = n,
                _ => {}
            },
            _ => {}
        }
    }
    Ok(p)
}
