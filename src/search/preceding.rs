//! What comes just before a passage: the paragraphs of its article before it, or, in a file of
//! paragraph records (People's Daily), the records before it. A report names its subject once,
//! at its start.

use tantivy::query::{BooleanQuery, Occur};
use tantivy::Term;

use super::engine::{term_query, Snapshot};
use super::StoredPassage;
use crate::Result;

impl Snapshot {
    /// What a reader of `p` has read just before it, up to `back` paragraphs: its own article's
    /// paragraphs before its one and, for a record that is one paragraph of its file (news
    /// corpora split into paragraph records), the one-paragraph records before it in the file.
    /// A report names its subject once (福建省平和县…西坑村) and then writes 全村.
    pub fn preceding(&self, p: &StoredPassage, back: u32) -> Result<Vec<StoredPassage>> {
        let mut out = Vec::new();
        for k in (1..=back).filter(|&k| k < p.paragraph) {
            out.extend(self.paragraph(&p.doc, p.paragraph - k)?);
        }
        // A record of several paragraphs is an article of its own: its start is its own.
        if p.paragraph > 1 || !self.paragraph(&p.doc, 2)?.is_empty() {
            return Ok(out);
        }
        let f = self.fields();
        for k in (1..=u64::from(back)).filter(|&k| k <= p.seq) {
            let q = BooleanQuery::new(vec![
                (
                    Occur::Must,
                    term_query(Term::from_field_text(f.path, &p.path)),
                ),
                (
                    Occur::Must,
                    term_query(Term::from_field_u64(f.seq, p.seq - k)),
                ),
            ]);
            let record = self.all_matching(&q)?;
            // An article of several paragraphs is another report, not this one's start.
            if record.is_empty() || record.iter().any(|q| q.paragraph > 1) {
                break;
            }
            out.extend(record);
        }
        Ok(out)
    }
    /// The record printed right before `p`'s in its file (one query): where a headline stands
    /// as a record of its own, the headline of `p`'s story.
    pub fn record_before(&self, p: &StoredPassage) -> Result<Vec<StoredPassage>> {
        if p.seq == 0 {
            return Ok(Vec::new());
        }
        let f = self.fields();
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                term_query(Term::from_field_text(f.path, &p.path)),
            ),
            (
                Occur::Must,
                term_query(Term::from_field_u64(f.seq, p.seq - 1)),
            ),
        ]);
        self.all_matching(&q)
    }
}
