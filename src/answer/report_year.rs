//! The year of a passage that writes none but speaks of one (全年, 年底): the one its report
//! named last before it. A People's Daily report names its year at its start (１９９７年林业部
//! 加大了结构调整力度) and its next paragraph says only 全年完成木材产量５８５９万立方米; a long
//! paragraph cut into windows names it in its first window (会议认为，一九九七年…) and its third
//! says 全年新上市公司二百一十五家. A reader takes that 全年 to be 1997.

use crate::search::{Snapshot, StoredPassage};
use crate::text::normalize;
use crate::text::time::{mentions, PartialDate};
use crate::Result;

/// Words that speak of a year without saying which.
const A_YEAR: &[&str] = &[
    "全年", "年底", "年初", "年末", "本年", "当年", "同年", "年内",
];

/// How many paragraphs back the report's year is looked for.
const BACK: u32 = 2;

/// The year named last before `p` in its paragraph or, failing that, in the paragraphs just
/// before it (its report's start), when `norm` (its normalized text) speaks of a year and names
/// none; comparisons (比去年) are not named years.
pub fn report_year(
    snap: &Snapshot,
    p: &StoredPassage,
    norm: &str,
    date: Option<PartialDate>,
) -> Option<i32> {
    if mentions(norm, date).iter().any(|m| !m.comparison) {
        return None;
    }
    // A window after a long paragraph's first goes on telling what its first window dated
    // (１９９７年中国银行… then 信用卡业务，总卡量达到７８０万张), with or without a word for
    // the year; a paragraph of its own only when it speaks of one.
    let speaks = A_YEAR.iter().any(|w| norm.contains(w));
    if !(speaks || p.windowed && p.start > 0) {
        return None;
    }
    match read_before(snap, p, speaks) {
        Ok(texts) => texts.iter().find_map(|t| last_year(t, date)),
        Err(e) => {
            tracing::warn!(error = %e, "reading what comes before a passage");
            None
        }
    }
}

/// What comes before `p`, nearest first: its paragraph up to it, then the paragraphs before.
fn read_before(snap: &Snapshot, p: &StoredPassage, paragraphs: bool) -> Result<Vec<String>> {
    let mut out = Vec::new();
    if p.windowed && p.start > 0 {
        let mut windows = snap.paragraph(&p.doc, p.paragraph)?;
        windows.sort_by_key(|w| w.start);
        let mut paragraph: Vec<char> = Vec::new();
        for w in windows.iter().filter(|w| w.start < p.start) {
            let have = paragraph.len().saturating_sub(w.start as usize);
            paragraph.extend(w.text.chars().skip(have));
        }
        paragraph.truncate(p.start as usize);
        out.push(paragraph.into_iter().collect());
    }
    if paragraphs {
        out.extend(snap.preceding(p, BACK)?.into_iter().map(|b| b.text));
    }
    Ok(out)
}

/// The year `text` names last, comparisons left out.
fn last_year(text: &str, date: Option<PartialDate>) -> Option<i32> {
    mentions(&normalize(text), date)
        .into_iter()
        .filter(|m| !m.comparison)
        .max_by_key(|m| m.range.start)
        .map(|m| m.year)
}
