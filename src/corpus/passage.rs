//! Cutting paragraphs into passages: the unit that is indexed, ranked and cited.

use serde::{Deserialize, Serialize};

use super::Article;

/// Longest passage, in characters. Longer paragraphs are cut at sentence ends into windows no
/// longer than this, so that a citation stays readable and BM25 is not diluted by long paragraphs.
pub const MAX_PASSAGE_CHARS: usize = 200;

/// One passage of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// The article's document id.
    pub doc: String,
    /// 1-based paragraph number, counted after boilerplate is dropped.
    pub paragraph: u32,
    /// Character offset of the passage within its paragraph.
    pub start: u32,
    /// Character offset after the passage's end within its paragraph.
    pub end: u32,
    /// True when the paragraph was cut into several windows.
    pub windowed: bool,
    /// The passage, verbatim.
    pub text: String,
}

pub use super::punct::is_sentence_end;

/// Splits `text` into sentences (each keeps its closing punctuation and any closing quote).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_sentence_end(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = iter.peek() {
                if matches!(q, '”' | '’' | '」' | '』' | '"' | '\'' | ')' | '）')
                    || is_sentence_end(q)
                {
                    end = j + q.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            if !text[start..end].trim().is_empty() {
                out.push(&text[start..end]);
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// Cuts a sentence longer than `max` characters at commas, or hard when it has none.
/// One pass over the sentence (a 100 MB line without punctuation stays linear).
fn cut_long(sentence: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0; // byte offset of the current piece
    let mut count = 0; // characters in the current piece
    let mut comma: Option<(usize, usize)> = None; // (byte after the comma, chars up to it)
    for (i, c) in sentence.char_indices() {
        if count == max {
            let (at, taken) = comma.unwrap_or((i, count));
            out.push(&sentence[start..at]);
            start = at;
            count -= taken;
            comma = None;
        }
        count += 1;
        if matches!(c, '，' | ',' | '、' | '：' | ':' | ' ') && count >= max / 3 {
            comma = Some((i + c.len_utf8(), count));
        }
    }
    if start < sentence.len() {
        out.push(&sentence[start..]);
    }
    out
}

/// Cuts one paragraph into windows of at most `max` characters, whole sentences where possible.
/// Returns (start, end) character offsets.
pub fn windows(paragraph: &str, max: usize) -> Vec<(usize, usize)> {
    let total = paragraph.chars().count();
    if total <= max {
        return vec![(0, total)];
    }
    let mut pieces = Vec::new();
    for s in sentences(paragraph) {
        pieces.extend(cut_long(s, max));
    }
    let mut out = Vec::new();
    let (mut start, mut len) = (0usize, 0usize);
    for piece in pieces {
        let n = piece.chars().count();
        if len > 0 && len + n > max {
            out.push((start, start + len));
            start += len;
            len = 0;
        }
        len += n;
    }
    if len > 0 {
        out.push((start, start + len));
    }
    out
}

/// The passages of an article, in order.
pub fn passages(article: &Article) -> Vec<Passage> {
    let mut out = Vec::new();
    for (k, para) in article.paragraphs.iter().enumerate() {
        let wins = windows(para, MAX_PASSAGE_CHARS);
        let windowed = wins.len() > 1;
        let offsets: Vec<usize> = para
            .char_indices()
            .map(|(b, _)| b)
            .chain([para.len()])
            .collect();
        for (s, e) in wins {
            let text = para[offsets[s]..offsets[e]].trim();
            if text.is_empty() {
                continue;
            }
            out.push(Passage {
                doc: article.doc.clone(),
                paragraph: k as u32 + 1,
                start: s as u32,
                end: e as u32,
                windowed,
                text: text.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraph_is_one_passage() {
        assert_eq!(windows("一句話。", 10), vec![(0, 4)]);
    }

    #[test]
    fn long_paragraph_is_cut_at_sentence_ends() {
        let para = "第一句很長很長。第二句也長！第三句呢？第四句；最後";
        let w = windows(para, 10);
        let chars: Vec<char> = para.chars().collect();
        let texts: Vec<String> = w
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect();
        assert_eq!(texts.concat(), para);
        assert!(w.iter().all(|&(s, e)| e - s <= 10), "{texts:?}");
        assert!(texts[0].ends_with('。'), "{texts:?}");
    }

    #[test]
    fn sentence_without_punctuation_is_cut_hard() {
        let para: String = "字".repeat(450);
        let w = windows(&para, 200);
        assert_eq!(w, vec![(0, 200), (200, 400), (400, 450)]);
    }
}
