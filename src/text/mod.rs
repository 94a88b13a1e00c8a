//! The text pipeline shared by indexing and querying: normalize, then segment.
//!
//! Text flows through the same stages on both sides, so that a Traditional question finds a
//! Simplified passage and the reverse:
//!
//! 1. [`normalize`](mod@normalize): Traditional→Simplified folding (fast2s, character for character),
//!    full-width→half-width, lowercase. The character count never changes, so every token keeps a
//!    way back to the original text for highlighting and quoting.
//! 2. [`segment`]: numbers with their units are cut out first (`2022年`, `60亿`, `5.3亿`,
//!    `107.3%` stay findable as one token and as the bare number), the rest goes through jieba.
//!    A second segmentation, [`grams`], emits CJK unigrams and bigrams so that words missing from
//!    jieba's dictionary (and single characters) are still found.
//! 3. [`analyzer`]: the two segmentations as tantivy tokenizers.
//!
//! [`time`] reads the years a text names (一九九七年, 去年 against the article's date): indexing
//! adds them to a passage's words, questions fold theirs to Arabic years.

pub mod aliases;
pub mod analyzer;
pub mod normalize;
pub mod paraphrase;
pub mod place_names;
pub mod rate;
pub mod regional;
pub mod script;
pub mod segment;
pub mod short_names;
pub mod time;

pub use normalize::{fold_char, is_cjk, normalize, Normalized};
pub use segment::{grams, words, Piece};
