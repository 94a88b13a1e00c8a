//! JSON Lines and JSON articles: one object per line, or one object or an array of them.

use serde::Deserialize;

use super::{Article, Meta};

/// One article record as found in `.jsonl`/`.json` files.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    author: Option<String>,
    /// A string in any form, or a bare number (`1998`, `19980115`): a record whose date is not
    /// a string is still read (the date normalized, or dropped, later).
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Record {
    fn into_article(self, path: &str, index: usize) -> Option<Article> {
        let id = match self.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => (index + 1).to_string(),
        };
        let body = non_empty(self.text).or(non_empty(self.body))?;
        let paragraphs = paragraphs(&body);
        if paragraphs.is_empty() {
            return None;
        }
        let given = non_empty(self.title);
        let title_from_text = given.is_none();
        let title = given.unwrap_or_else(|| paragraphs[0].chars().take(24).collect::<String>());
        Some(Article {
            doc: format!("{path}#{id}"),
            path: path.to_string(),
            meta: Meta {
                title,
                source: non_empty(self.source),
                author: non_empty(self.author),
                date: match self.date {
                    Some(serde_json::Value::String(s)) => non_empty(Some(s)),
                    Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                    _ => None,
                },
                url: non_empty(self.url),
            },
            title_from_text,
            paragraphs,
            hash: String::new(),
        })
    }
}

/// A text with blank lines splits into paragraphs at them; single newlines stay inside a
/// paragraph (a poem is one passage).
pub fn paragraphs(body: &str) -> Vec<String> {
    let body = body.replace("\r\n", "\n");
    body.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Reads a JSON Lines file, handing each article to `each` as soon as its line is parsed. Bad
/// lines are counted (the count is returned), not fatal; an error from `each` stops the reading.
pub fn each_jsonl<E>(
    text: &str,
    path: &str,
    mut each: impl FnMut(Article) -> Result<(), E>,
) -> Result<usize, E> {
    let mut bad = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line)
            .ok()
            .and_then(|r| r.into_article(path, i))
        {
            Some(a) => each(a)?,
            None => bad += 1,
        }
    }
    Ok(bad)
}

/// Reads a JSON file holding one article object or an array of them.
pub fn parse_json(text: &str, path: &str) -> Result<Vec<Article>, String> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<Record>),
        One(Record),
    }
    let records = match serde_json::from_str::<OneOrMany>(text).map_err(|e| e.to_string())? {
        OneOrMany::Many(v) => v,
        OneOrMany::One(r) => vec![r],
    };
    Ok(records
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| r.into_article(path, i))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_become_articles() {
        let text = "{\"id\":\"a1\",\"title\":\"T\",\"text\":\"第一段\\n第二行\\n\\n第二段\",\"url\":\"\"}\nnot json\n";
        let mut arts = Vec::new();
        let bad = each_jsonl(text, "x.jsonl", |a| {
            arts.push(a);
            Ok::<(), ()>(())
        });
        assert_eq!(bad, Ok(1));
        assert_eq!(arts[0].doc, "x.jsonl#a1");
        assert_eq!(arts[0].paragraphs, vec!["第一段\n第二行", "第二段"]);
        assert_eq!(arts[0].meta.url, None);
    }
}
