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
    article.meta.date = meta(
        &doc,
        &[
            "meta[property=\"article:published_time\"]",
            "meta[name=\"date\"]",
            "meta[name=\"pubdate\"]",
        ],
    )
    .or_else(|| {
        let sel = selector("time")?;
        doc.select(&sel)
            .find_map(|t| {
                t.value()
                    .attr("datetime")
                    .map(str::to_string)
                    .or_else(|| Some(text_of(t)))
            })
            .filter(|s| !s.is_empty())
    });
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
}
