//! HTML articles: the article text without scripts, navigation and footers; `<title>` and the
//! usual meta tags for title, author, date, source and URL.

use scraper::{ElementRef, Html, Selector};

use super::article::is_boilerplate;
use super::Article;

/// Elements whose text is never article content.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe",
    "svg",
];

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn meta(doc: &Html, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|s| {
        let sel = selector(s)?;
        doc.select(&sel).find_map(|e| {
            let v = e
                .value()
                .attr("content")
                .or_else(|| e.value().attr("href"))?;
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_string())
        })
    })
}

/// Where pages state their publication date, most specific first: Open Graph and schema.org,
/// the common `name=` meta tags (matched without regard to case), Dublin Core, then `<time>`.
const DATE_SELECTORS: &[&str] = &[
    "meta[property=\"article:published_time\"]",
    "meta[property=\"og:article:published_time\"]",
    "meta[property=\"og:published_time\"]",
    "meta[itemprop=\"datePublished\"]",
    "meta[name=\"pubdate\" i]",
    "meta[name=\"publishdate\" i]",
    "meta[name=\"publish-date\" i]",
    "meta[name=\"publish_date\" i]",
    "meta[name=\"publication_date\" i]",
    "meta[name=\"date\" i]",
    "meta[name=\"dc.date\" i]",
    "meta[name=\"dc.date.issued\" i]",
    "meta[name=\"dcterms.date\" i]",
    "meta[name=\"dcterms.issued\" i]",
    "meta[name=\"dcterms.created\" i]",
    "meta[property=\"og:updated_time\"]",
];

/// The page's publication date: the first candidate that reads as a date (an unreadable meta
/// value does not hide a good one further down), as written; [`super::date::settle`] makes it
/// ISO.
fn published(doc: &Html) -> Option<String> {
    let metas = DATE_SELECTORS
        .iter()
        .filter_map(|s| selector(s))
        .flat_map(|sel| {
            doc.select(&sel)
                .filter_map(|e| e.value().attr("content").map(str::to_string))
                .collect::<Vec<_>>()
        });
    let times = selector("time[datetime], [itemprop=\"datePublished\"], time")
        .map(|sel| {
            doc.select(&sel)
                .map(|t| {
                    t.value()
                        .attr("datetime")
                        .or_else(|| t.value().attr("content"))
                        .map_or_else(|| text_of(t), str::to_string)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    metas
        .chain(times)
        .map(|v| v.trim().to_string())
        .find(|v| super::date::parse(v).is_some())
}

fn text_of(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    for t in e.text() {
        out.push_str(t);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn inside_skipped(e: ElementRef<'_>) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| SKIP.contains(&a.value().name()))
}

/// Reads an HTML article. The returned article has an empty `doc` and `hash`.
pub fn parse(html: &str) -> Article {
    let doc = Html::parse_document(html);
    let title = meta(&doc, &["meta[property=\"og:title\"]"])
        .or_else(|| {
            let sel = selector("title")?;
            doc.select(&sel).map(text_of).find(|t| !t.is_empty())
        })
        .or_else(|| {
            let sel = selector("h1")?;
            doc.select(&sel).map(text_of).find(|t| !t.is_empty())
        })
        .unwrap_or_default();
    let mut article = Article {
        meta: crate::corpus::Meta {
            title,
            ..Default::default()
        },
        ..Article::default()
    };
    article.meta.author = meta(
        &doc,
        &["meta[name=\"author\"]", "meta[property=\"article:author\"]"],
    );
    article.meta.date = published(&doc);
    article.meta.source = meta(
        &doc,
        &["meta[property=\"og:site_name\"]", "meta[name=\"source\"]"],
    );
    article.meta.url = meta(
        &doc,
        &["link[rel=\"canonical\"]", "meta[property=\"og:url\"]"],
    );

    // Prefer the <article> element; fall back to the whole body.
    let root_sel = ["article", "main", "body"]
        .iter()
        .filter_map(|s| selector(s))
        .find(|s| doc.select(s).next().is_some());
    let Some(para_sel) = selector("p, h2, h3, h4, li, blockquote, pre") else {
        return article;
    };
    let roots: Vec<ElementRef<'_>> = match &root_sel {
        Some(s) => doc.select(s).take(1).collect(),
        None => vec![doc.root_element()],
    };
    for root in roots {
        for e in root.select(&para_sel) {
            if inside_skipped(e) {
                continue;
            }
            // A list item or quote that holds paragraphs is read through them.
            if e.select(&para_sel).nth(1).is_some() {
                continue;
            }
            let t = text_of(e);
            if t.is_empty() || is_boilerplate(&t) || t == article.meta.title {
                continue;
            }
            article.paragraphs.push(t);
        }
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_text_and_metadata() {
        let html = r#"<html><head><title>商湯年報 - 測試網</title>
            <meta name="author" content="王五"><meta property="article:published_time" content="2023-04-01">
            <meta property="og:site_name" content="測試網"><link rel="canonical" href="https://example.com/a">
            <script>var x = "不是內容";</script></head>
            <body><nav><p>首頁 新聞</p></nav><article><h1>商湯年報</h1>
            <p>商湯2022年巨虧60億。</p><p>Total</p><p>第二段。</p></article>
            <footer><p>版權所有</p></footer></body></html>"#;
        let a = parse(html);
        assert_eq!(a.meta.title, "商湯年報 - 測試網");
        assert_eq!(a.meta.author.as_deref(), Some("王五"));
        assert_eq!(a.meta.date.as_deref(), Some("2023-04-01"));
        assert_eq!(a.meta.source.as_deref(), Some("測試網"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.paragraphs, vec!["商湯2022年巨虧60億。", "第二段。"]);
    }

    #[test]
    fn the_first_readable_date_of_the_usual_places() {
        let page = |head: &str, body: &str| {
            parse(&format!(
                "<html><head>{head}</head><body><article><p>正文。</p>{body}</article></body></html>"
            ))
            .meta
            .date
        };
        assert_eq!(
            page(r#"<meta name="PubDate" content="2023-03-28 20:00">"#, "").as_deref(),
            Some("2023-03-28 20:00")
        );
        assert_eq!(
            page(
                r#"<meta name="date" content="unknown"><meta name="DC.date" content="1998/1/15">"#,
                ""
            )
            .as_deref(),
            Some("1998/1/15")
        );
        assert_eq!(
            page(
                "",
                r#"<time datetime="2023-03-28T20:00:00+08:00">3月28日</time>"#
            )
            .as_deref(),
            Some("2023-03-28T20:00:00+08:00")
        );
        assert_eq!(
            page("", "<time>2023年3月28日</time>").as_deref(),
            Some("2023年3月28日")
        );
        assert_eq!(page(r#"<meta name="date" content="soon">"#, ""), None);
    }
}
