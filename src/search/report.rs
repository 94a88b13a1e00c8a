//! What a paragraph's report named before it. A report names a country in full once and then
//! writes its short form (哈萨克斯坦 … 哈独立5年多来): indexing records the full names a passage
//! means that way ([`crate::text::short_names`]), so that retrieval and the answer's subject
//! checks find it. The report before a paragraph is its article's title and the paragraphs before
//! it, or, for a one-paragraph record of a file of records (People's Daily), the records before
//! it, as [`super::Snapshot::preceding`] reads them when answering.

use std::collections::VecDeque;

use crate::corpus::Article;
use crate::text::{normalize, short_names};

/// How many paragraphs before a passage may name what its short forms mean.
const BACK: usize = 4;

/// The full names the records read so far in one file wrote, newest last.
#[derive(Debug, Default)]
pub(crate) struct Report {
    records: VecDeque<Vec<&'static str>>,
}

impl Report {
    /// For each paragraph of `article`, the full names its report wrote up to and including it;
    /// then remembers `article` for the records after it.
    pub(crate) fn named(&mut self, article: &Article) -> Vec<Vec<&'static str>> {
        let title = if article.title_from_text {
            Vec::new()
        } else {
            short_names::written(&normalize(&article.meta.title))
        };
        let own: Vec<Vec<&'static str>> = article
            .paragraphs
            .iter()
            .map(|p| short_names::written(&normalize(p)))
            .collect();
        let single = own.len() == 1;
        let out = (0..own.len())
            .map(|k| {
                let mut named = title.clone();
                if single {
                    named.extend(self.records.iter().flatten());
                }
                named.extend(own[k.saturating_sub(BACK)..=k].iter().flatten());
                named.sort_unstable();
                named.dedup();
                named
            })
            .collect();
        // An article of several paragraphs is a report of its own, not the next record's start.
        if single {
            if self.records.len() == BACK {
                self.records.pop_front();
            }
            let mut names = title;
            names.extend(own.into_iter().flatten());
            self.records.push_back(names);
        } else {
            self.records.clear();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> Article {
        Article {
            paragraphs: vec![text.to_string()],
            title_from_text: true,
            ..Article::default()
        }
    }

    #[test]
    fn a_record_reads_the_records_before_it() {
        let mut r = Report::default();
        r.named(&record(
            "新华社阿拉木图1月5日电 哈萨克斯坦总统纳扎尔巴耶夫5日指出",
        ));
        let named = r.named(&record("哈独立5年多来已吸引外资100多亿美元"));
        assert_eq!(named, vec![vec!["哈萨克斯坦"]]);
        // Four records later the report is over.
        for _ in 0..4 {
            r.named(&record("另一条消息"));
        }
        assert_eq!(r.named(&record("哈独立5年多来")), vec![Vec::<&str>::new()]);
    }

    #[test]
    fn an_article_of_paragraphs_is_its_own_report() {
        let mut r = Report::default();
        r.named(&record("俄罗斯政府发布统计"));
        let article = Article {
            paragraphs: vec![
                "叶利钦说".into(),
                "罗马尼亚总统说".into(),
                "罗经济下降".into(),
            ],
            ..Article::default()
        };
        let named = r.named(&article);
        assert!(named[0].is_empty());
        assert_eq!(named[2], vec!["罗马尼亚"]);
        // Nor does it start the next record's report.
        assert!(r.named(&record("俄经济回升"))[0].is_empty());
    }
}
