//! Figures that sum up or average others: when a question asks for an average (平均) or a
//! total (一共), the figure its clause says is one is chosen over a part beside it.

use super::question::{years_in, AnswerKind, Question};
use super::reader;
use super::siblings::prefer_clauses;

/// Words of a clause that make its figure an average.
const AVERAGE: &[&str] = &["平均", "均价"];

/// Words of a question that ask for a total. 共 alone is not among them: 优秀提案共36件 counts
/// a part as readily as a whole.
const ASKS_TOTAL: &[&str] = &[
    "一共",
    "总共",
    "共计",
    "总计",
    "合计",
    "总数",
    "总和",
    "加起来",
];

/// Words of a clause that make its figure a total (提案总数2570件, 去年总产达500万吨).
const TOTAL: &[&str] = &[
    "一共", "总共", "共计", "总计", "合计", "总数", "总和", "总产", "总量", "总额",
];

/// Keeps, among the figures of the reader's best span's passage, those whose clause says they
/// are an average (平均, 均价) when the question asks for one and the best span's clause does not
/// (每桶只卖14.50美元 one month, 平均每桶16.55美元 for the year). `text` gives a span's sentence
/// (normalized).
pub(super) fn prefer_asked_average<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    prefer_in_passage(q, AVERAGE, spans, text, |clause| {
        AVERAGE.iter().any(|w| clause.contains(w))
    });
}

/// Keeps, among the figures of the reader's best span's passage, those whose clause says they
/// are a total (提案总数2570件) when the question asks for one (一共收到多少件提案) and the
/// best span's clause does not (优秀提案共36件). `text` gives a span's sentence (normalized).
///
/// Not a sum over years (2018年到2022年间合计亏损超过400亿元): 2022年一共亏损了多少 asks one
/// year's total.
pub(super) fn prefer_asked_total<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
) {
    prefer_in_passage(q, ASKS_TOTAL, spans, text, says_total);
}

/// Whether a figure's clause says it is one year's total.
fn says_total(clause: &str) -> bool {
    TOTAL.iter().any(|w| clause.contains(w)) && years_in(clause).len() < 2
}

/// For an amount question that writes one of `asks`, keeps the figures of the best span's
/// passage whose clause is `wanted` ([`prefer_clauses`]).
fn prefer_in_passage<'a>(
    q: &Question,
    asks: &[&str],
    spans: &mut Vec<(reader::Span, f32)>,
    text: impl Fn(&reader::Span) -> &'a str,
    wanted: impl Fn(&str) -> bool,
) {
    if q.kind != AnswerKind::Amount || !asks.iter().any(|w| q.normalized.contains(w)) {
        return;
    }
    let same_passage = |a: &reader::Span, b: &reader::Span| a.passage == b.passage;
    prefer_clauses(spans, text, same_passage, wanted);
}

#[cfg(test)]
mod tests {
    use super::says_total;

    #[test]
    fn a_clause_says_its_figure_is_a_total() {
        assert!(says_total("提案总数2570件"));
        assert!(says_total("去年总产达500万吨"));
        assert!(!says_total("综采工作面单产达410万吨"));
        assert!(!says_total("2018年到2022年间合计亏损超过400亿元"));
    }
}
