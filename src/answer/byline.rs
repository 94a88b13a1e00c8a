//! Who filed a report: its byline (本报讯记者马利报道, （记者陈雁）, 新华社记者兰红光摄) names
//! the paper and the reporter, not the people and places the report tells of.

use super::question::Question;

/// Words of a news report's byline (本报讯记者马利报道, （记者陈雁）, 新华社记者兰红光摄).
const BYLINE: &[&str] = &["记者", "通讯员", "本报", "新华社", "报道"];

/// Whether a question asks about a report's writer (哪位记者, 谁报道的).
pub(super) fn asks_reporter(q: &Question) -> bool {
    ["记者", "报道", "通讯员", "摄影"]
        .iter()
        .any(|w| q.normalized.contains(w))
}

/// Whether the span at `range` is (or holds) a report's byline: the reporter who wrote the
/// news is not the person it tells of (全国妇联副主席黄启主持会议, not 记者马利). The span holds
/// a byline word, or its clause names a reporter before it with only names between
/// (记者李术峰、陈晓钟), not a verb (记者采访了张三), and goes on with 报道, 摄 or the
/// clause's end.
pub(super) fn in_byline(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let span = &sentence[range.clone()];
    if BYLINE.iter().any(|w| span.contains(w)) {
        return true;
    }
    let breaks = [',', '，', '。', ';', '；', ':', '：', '(', '（', ')', '）'];
    let before = &sentence[..range.start];
    let clause = before.rsplit(breaks).next().unwrap_or(before);
    let Some(at) = ["记者", "通讯员"]
        .iter()
        .filter_map(|w| clause.rfind(w).map(|i| i + w.len()))
        .max()
    else {
        return false;
    };
    // Right after the reporter word, or after other reporters' names (李术峰、).
    let between = &clause[at..];
    let names_only =
        between.is_empty() || (between.ends_with('、') && between.chars().count() <= 12);
    let after = &sentence[range.end..];
    names_only
        && (after.is_empty()
            || after.starts_with(breaks)
            || ["报道", "摄", "、", "电", "讯"]
                .iter()
                .any(|w| after.starts_with(w)))
}

/// Whether a span is the paper's or a reporter's marker (本报讯, 本报记者): who filed the
/// report, not what it tells.
pub(super) fn press_marker(span: &str) -> bool {
    span.starts_with("本报") || span.ends_with('讯') || span.contains("记者")
}
