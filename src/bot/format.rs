//! Replies as Telegram HTML: every corpus or user string escaped, matched words in bold,
//! nothing over Telegram's 4096-character limit.

use teloxide::utils::html::escape;

use super::strings;
use crate::answer::{Citation, Response, Turn};
use crate::text::script::Script;

/// Telegram's limit on a message's text.
pub const MAX_MESSAGE: usize = 4096;
/// Citations shown under an answer; the rest come with "more sources".
pub const FIRST_PAGE: usize = 3;
/// A quoted passage longer than this is cut at a sentence end.
const MAX_QUOTE: usize = 600;

/// The passage with its highlighted ranges in bold, every piece escaped.
pub fn bold_matches(text: &str, ranges: &[(usize, usize)]) -> String {
    crate::answer::mark(text, ranges, "<b>", "</b>", |s| escape(s).into())
}

/// Cuts a long passage at the last sentence end before `max` characters, with "…".
pub fn cut_passage(text: &str, max: usize) -> &str {
    if text.chars().count() <= max {
        return text;
    }
    let limit = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    head.rfind(crate::corpus::punct::QUOTE_ENDS)
        .map(|i| &head[..i + head[i..].chars().next().map_or(1, char::len_utf8)])
        .filter(|h| h.chars().count() > max / 3)
        .unwrap_or(head)
}

fn citation(c: &Citation, script: Script) -> String {
    let mut head = format!("<b>[{}]</b> {}", c.rank, escape(&c.meta.title));
    if let Some(s) = &c.meta.source {
        head.push_str(&format!(" · {}{}", strings::SOURCE.get(script), escape(s)));
    }
    if let Some(d) = &c.meta.date {
        head.push_str(&format!(" · {}", escape(d)));
    }
    head.push_str(&format!(" · 第{}段", c.paragraph));
    if c.also_in > 0 {
        head.push_str(&format!(" · {}", strings::also_in(script, c.also_in)));
    }
    if let Some(url) = c
        .meta
        .url
        .as_deref()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    {
        head.push_str(&format!(
            " · <a href=\"{}\">{}</a>",
            escape(url),
            strings::ORIGINAL
        ));
    }
    let quote = cut_passage(&c.text, MAX_QUOTE);
    let ranges: Vec<(usize, usize)> = c
        .highlights
        .iter()
        .copied()
        .filter(|&(_, e)| e <= quote.len())
        .collect();
    let ellipsis = if quote.len() < c.text.len() {
        "…"
    } else {
        ""
    };
    format!("{head}\n{}{ellipsis}", bold_matches(quote, &ranges))
}

/// The reply to a turn, as one or more HTML messages of at most 4096 characters.
pub fn reply(turn: &Turn) -> Vec<String> {
    let r: &Response = &turn.response;
    let script = Script::of(&r.question).unwrap_or_default();
    let mut head = String::new();
    if turn.trimmed {
        head.push_str(strings::TRIMMED.get(script));
    }
    if let Some(u) = &turn.understood_as {
        head.push_str(&format!(
            "<i>{}{}）</i>\n",
            strings::UNDERSTOOD_AS.get(script),
            escape(u)
        ));
    }
    if let Some(err) = &r.error {
        return vec![format!("{head}{}", escape(err))];
    }
    match &r.answer {
        Some(a) => {
            // The answer in the user's script; the quoted passages stay verbatim.
            head.push_str(&format!(
                "{}<b>{}</b>{}\n",
                strings::ANSWER,
                escape(&script.convert(a)),
                escape(&according_to(r, script).unwrap_or_default())
            ));
        }
        None => head.push_str(strings::NOT_FOUND.get(script)),
    }
    let first = &r.citations[..r.citations.len().min(FIRST_PAGE)];
    pack(head, first, script)
}

/// When the cited articles give different figures, which source and date the answer comes
/// from (the decision is the library's, [`Response::disputed_source`]); shared with the console.
pub fn according_to(r: &Response, script: Script) -> Option<String> {
    let c = r.disputed_source()?;
    let source = c.meta.source.as_deref().unwrap_or(&c.meta.title);
    Some(strings::according_to(
        script,
        source,
        c.meta.date.as_deref(),
    ))
}

/// A page of further citations ("more sources").
pub fn citations_page(citations: &[Citation], script: Script) -> Vec<String> {
    pack(String::new(), citations, script)
}

/// A full paragraph, escaped, in as many messages as it takes (its heading reads the same in
/// both scripts).
pub fn full_paragraph(c: &Citation, text: &str) -> Vec<String> {
    let head = format!(
        "<b>{}</b> · 第{}段{}\n",
        escape(&c.meta.title),
        c.paragraph,
        strings::FULL_PARAGRAPH
    );
    let mut out = Vec::new();
    let mut current = head;
    for sentence in crate::corpus::passage::sentences(text) {
        // A sentence longer than a message goes out in pieces (cut between characters, so
        // that no entity is split, and nothing is dropped).
        for piece in escaped_pieces(sentence, 3000) {
            if current.chars().count() + piece.chars().count() > MAX_MESSAGE - 10 {
                out.push(std::mem::take(&mut current));
            }
            current.push_str(&piece);
        }
    }
    out.push(current);
    out
}

/// `text` escaped, in pieces of at most `max` characters of escaped text.
fn escaped_pieces(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let (mut current, mut len) = (String::new(), 0);
    for ch in text.chars() {
        let e = escape(ch.encode_utf8(&mut [0; 4]));
        let n = e.chars().count();
        if len + n > max && !current.is_empty() {
            out.push(std::mem::take(&mut current));
            len = 0;
        }
        current.push_str(&e);
        len += n;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn pack(head: String, citations: &[Citation], script: Script) -> Vec<String> {
    let mut messages = Vec::new();
    let mut current = head;
    for c in citations {
        let block = format!("\n{}\n", citation(c, script));
        if current.chars().count() + block.chars().count() > MAX_MESSAGE {
            messages.push(std::mem::take(&mut current));
        }
        current.push_str(&block);
    }
    messages.push(current);
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bolds() {
        assert_eq!(
            bold_matches("a<b>商湯&", &[(4, 10)]),
            "a&lt;b&gt;<b>商湯</b>&amp;"
        );
    }

    #[test]
    fn a_full_paragraph_with_a_huge_sentence_is_sent_whole_in_pieces() {
        let c = Citation {
            rank: 1,
            doc: "d".into(),
            meta: crate::corpus::Meta {
                title: "t".into(),
                ..Default::default()
            },
            paragraph: 1,
            start: None,
            end: None,
            text: String::new(),
            score: 1.0,
            related: false,
            also_in: 0,
            highlights: Vec::new(),
        };
        let text = format!("{}。{}", "字&".repeat(2600), "尾".repeat(10));
        let messages = full_paragraph(&c, &text);
        assert!(messages.len() >= 2);
        assert!(messages.iter().all(|m| m.chars().count() <= MAX_MESSAGE));
        let all: String = messages.concat();
        assert_eq!(all.matches("字&amp;").count(), 2600, "nothing dropped");
        assert!(all.ends_with(&"尾".repeat(10)));
    }

    #[test]
    fn cuts_at_a_sentence_end() {
        let t = format!("{}。{}", "字".repeat(300), "字".repeat(400));
        assert_eq!(cut_passage(&t, 600).chars().count(), 301);
    }
}
