//! What a paragraph's report named before it. A report names a country in full once and then
//! writes its short form (哈萨克斯坦 … 哈独立5年多来): indexing records the full names a passage
//! means that way ([`crate::text::short_names`]), so that retrieval and the answer's subject
//! checks find it. The report before a paragraph is its article's title and the paragraphs before
//! it, or, for a one-paragraph record of a file of records (People's Daily), the records before
//! it, as [`super::Snapshot::preceding`] reads them when answering.

use std::collections::VecDeque;

use crate::corpus::Article;
use crate::text::{normalize, place_names, short_names};

/// How many paragraphs before a passage may name what its short forms mean.
const BACK: usize = 4;

/// What one paragraph's report wrote up to it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Named {
    /// Full names of countries, up to and including the paragraph.
    pub countries: Vec<&'static str>,
    /// Cities, counties and provinces before the paragraph, the nearest last.
    pub places: Vec<String>,
}

impl Named {
    /// The full names a paragraph (normalized) means by short forms (哈 for 哈萨克斯坦) or by
    /// 全市, 该县, 本省, space-separated.
    pub(crate) fn referred(&self, norm: &str) -> String {
        let mut out: Vec<String> = short_names::referred(norm, &self.countries)
            .into_iter()
            .map(str::to_string)
            .collect();
        out.extend(place_names::referred(norm, &self.places));
        out.join(" ")
    }
}

/// What one record or paragraph wrote.
#[derive(Debug, Default, Clone)]
struct Wrote {
    countries: Vec<&'static str>,
    places: Vec<String>,
}

impl Wrote {
    fn of(text: &str) -> Wrote {
        let norm = normalize(text);
        Wrote {
            countries: short_names::written(&norm),
            places: place_names::written(&norm),
        }
    }
}

/// The names the records read so far in one file wrote, newest last.
#[derive(Debug, Default)]
pub(crate) struct Report {
    records: VecDeque<Wrote>,
}

impl Report {
    /// For each paragraph of `article`, the names its report wrote up to it; then remembers
    /// `article` for the records after it.
    pub(crate) fn named(&mut self, article: &Article) -> Vec<Named> {
        let title = if article.title_from_text {
            Wrote::default()
        } else {
            Wrote::of(&article.meta.title)
        };
        let own: Vec<Wrote> = article.paragraphs.iter().map(|p| Wrote::of(p)).collect();
        let single = own.len() == 1;
        let out = (0..own.len())
            .map(|k| {
                let mut before: Vec<&Wrote> = vec![&title];
                if single {
                    before.extend(self.records.iter());
                }
                before.extend(&own[k.saturating_sub(BACK)..k]);
                let mut countries: Vec<&'static str> = before
                    .iter()
                    .chain([&&own[k]])
                    .flat_map(|w| w.countries.iter().copied())
                    .collect();
                countries.sort_unstable();
                countries.dedup();
                let places = before
                    .iter()
                    .flat_map(|w| w.places.iter().cloned())
                    .collect();
                Named { countries, places }
            })
            .collect();
        // An article of several paragraphs is a report of its own, not the next record's start.
        if single {
            if self.records.len() == BACK {
                self.records.pop_front();
            }
            let mut wrote = title;
            for w in own {
                wrote.countries.extend(w.countries);
                wrote.places.extend(w.places);
            }
            self.records.push_back(wrote);
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
        assert_eq!(named[0].countries, vec!["哈萨克斯坦"]);
        // Four records later the report is over.
        for _ in 0..4 {
            r.named(&record("另一条消息"));
        }
        assert!(r.named(&record("哈独立5年多来"))[0].countries.is_empty());
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
        assert!(named[0].countries.is_empty());
        assert_eq!(named[2].countries, vec!["罗马尼亚"]);
        // Nor does it start the next record's report.
        assert!(r.named(&record("俄经济回升"))[0].countries.is_empty());
    }

    #[test]
    fn a_record_knows_the_places_named_before_it() {
        let mut r = Report::default();
        r.named(&record("本报讯广东鹤山市直达香港的客车专线开通"));
        r.named(&record("最近4年,鹤山市累计利用外资2.5亿美元"));
        let named = r.named(&record("全市吸纳外资1.8亿元"));
        assert_eq!(named[0].places, vec!["鹤山市", "鹤山市"]);
    }
}
