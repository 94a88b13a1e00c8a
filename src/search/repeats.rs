//! The fingerprints that more than one passage of the served index holds, read once per
//! version of the index (its set of segments): what lets a citation whose text is nowhere else skip the search for
//! its copies.
//!
//! Counting the articles that repeat a passage ("also in N other articles") costs a term lookup
//! per segment for every citation, five per question, on the common path where the passage has
//! no copy at all. The term dictionary of the fingerprint field already says which fingerprints
//! are held more than once; streaming it once per set of segments is a few milliseconds for a
//! hundred thousand passages, and then each citation asks a hash set.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::schema::Field;
use tantivy::Searcher;

use crate::Result;

/// The segments a searcher reads, with their deleted passages: what the repeated fingerprints
/// depend on. (A reader's generation id changes at every reload, also when nothing changed, and
/// the engine reloads every half second.)
type Segments = Vec<(SegmentId, u32)>;

/// The repeated fingerprints of the last set of segments asked about.
#[derive(Default)]
pub(super) struct Repeats {
    last: Mutex<Option<(Segments, Arc<HashSet<u64>>)>>,
}

impl Repeats {
    /// The fingerprints held by more than one passage (deleted passages not yet merged away
    /// included: they only make a citation look for copies it then does not find).
    pub(super) fn of(&self, searcher: &Searcher, field: Field) -> Result<Arc<HashSet<u64>>> {
        let segments: Segments = searcher
            .segment_readers()
            .iter()
            .map(|s| (s.segment_id(), s.num_deleted_docs()))
            .collect();
        if let Ok(last) = self.last.lock() {
            if let Some((seen, set)) = last.as_ref() {
                if *seen == segments {
                    return Ok(Arc::clone(set));
                }
            }
        }
        let set = Arc::new(repeated(searcher, field)?);
        if let Ok(mut last) = self.last.lock() {
            *last = Some((segments, Arc::clone(&set)));
        }
        Ok(set)
    }
}

/// Streams the fingerprint field's term dictionaries (u64 terms are their 8 big-endian
/// bytes): a fingerprint is repeated when its document frequencies over all segments add up to
/// more than one.
fn repeated(searcher: &Searcher, field: Field) -> Result<HashSet<u64>> {
    let mut all: Vec<(u64, u32)> = Vec::new();
    for seg in searcher.segment_readers() {
        let inverted = seg.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let Ok(bytes) = <[u8; 8]>::try_from(stream.key()) else {
                continue;
            };
            all.push((u64::from_be_bytes(bytes), stream.value().doc_freq));
        }
    }
    all.sort_unstable_by_key(|&(fp, _)| fp);
    let mut out = HashSet::new();
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        if run.iter().map(|&(_, df)| df).sum::<u32>() > 1 {
            out.insert(run[0].0);
        }
    }
    Ok(out)
}
