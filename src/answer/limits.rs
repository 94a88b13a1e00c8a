//! How much of the ranking is read for an answer. The typed extractors and the reader read the
//! same passages: the typed pick is one of the reader's features, and the answer's display
//! comes from the typed candidates of the reader's sentence.

/// Passages read for an answer: at most this many of the best...
pub(crate) const READ_PASSAGES: usize = 3;
/// ...and only those within this share of the best passage's evidence score.
pub(crate) const READ_SHARE: f32 = 0.75;
