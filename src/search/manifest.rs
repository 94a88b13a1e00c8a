//! What an index generation records about itself, committed atomically with its documents:
//! which corpus files (and their hashes) it holds, and the format of its documents.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::Index;

use super::schema;

/// Stored in the tantivy commit payload, so it is committed atomically with the documents.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// File path → content hash.
    pub files: BTreeMap<String, String>,
    /// File path → number of articles in it.
    #[serde(default)]
    pub articles: BTreeMap<String, usize>,
    /// What the documents hold ([`FORMAT`]); 0 for indexes built before it was recorded.
    #[serde(default)]
    pub format: u32,
}

/// The version of what a passage's documents hold. An incremental build over an index of an
/// older format rebuilds it whole (into a new generation), since unchanged files would keep
/// their old documents. 1: resolved years (去年, 一九九七年) among a passage's words, and each
/// passage's fingerprint (an index without the fingerprint field is older still). 2: a dot
/// between digits read as a decimal point (`１２·７`), which changes words and numbers. 3:
/// 本世纪末 resolved to its year (2000 in a 1998 report). 4: a unit character that opens a word
/// is the word's (`1月美国` is `1月` and `美国`, no longer `1月美` and `国`). 5: a month after
/// the report's, without its year, resolved to the year before (12月中旬 in a January report).
/// 6: a bare 年初, 年底 or 上半年 is the year the text last named (1997年…年初预算), where there
/// is one. 7: each article's place in its file (`seq`). 8: the full names a passage means by
/// short forms (`refers`: 哈 for 哈萨克斯坦 named earlier in its report). 9: no 目前 (the
/// report's year) read inside 项目前期 or 节目前. 10: the city, county or province a passage
/// means by 全市, 该县 or 本省 among its `refers`. 11: 渖 (fast2s's Simplified of 瀋) folded
/// to 沈, as Simplified text writes 沈阳. 12: four digits before more units (2016平方米,
/// 1500公斤) a figure, not a year. 13: 大前年 three years back, not 前年's two.
pub(crate) const FORMAT: u32 = 13;

impl Manifest {
    pub(crate) fn of(index: &Index) -> Manifest {
        index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| serde_json::from_str(&p).ok())
            .unwrap_or_default()
    }

    /// Whether the generation at `dir` holds documents of an older format: recorded as older,
    /// or without the fingerprint field.
    pub(crate) fn outdated(dir: &Path) -> bool {
        Index::open_in_dir(dir)
            .is_ok_and(|i| Manifest::of(&i).format < FORMAT || schema::outdated(&i.schema()))
    }
}
