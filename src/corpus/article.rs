//! Reading a plain-text or Markdown article: title, metadata lines, body, boilerplate.

use super::Article;

/// A first line longer than this is not a title.
const MAX_TITLE_CHARS: usize = 100;
/// Characters of a long first line shown as the title instead.
const TITLE_PREVIEW_CHARS: usize = 30;

/// Which metadata field a header line fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meta {
    Source,
    Author,
    Date,
    Url,
}

const SOURCE_KEYS: &[&str] = &[
    "來源",
    "来源",
    "出處",
    "出处",
    "消息來源",
    "消息来源",
    "source",
];
const AUTHOR_KEYS: &[&str] = &["作者", "記者", "记者", "撰文", "author", "by"];
const DATE_KEYS: &[&str] = &[
    "日期",
    "時間",
    "时间",
    "發佈時間",
    "发布时间",
    "發布時間",
    "發表時間",
    "发表时间",
    "發佈日期",
    "发布日期",
    "發布日期",
    "發稿時間",
    "发稿时间",
    "出版日期",
    "刊出日期",
    "刊登日期",
    "發佈於",
    "发布于",
    "發布於",
    "date",
    "published",
];
const URL_KEYS: &[&str] = &["url", "網址", "网址", "原文連結", "原文链接", "link"];

/// Lines after which nothing is article content (lists of links to other posts).
const TAIL_MARKERS: &[&str] = &[
    "related posts",
    "相關文章",
    "相关文章",
    "相關閱讀",
    "相关阅读",
    "延伸閱讀",
    "延伸阅读",
    "推薦閱讀",
    "推荐阅读",
    "猜你喜歡",
    "猜你喜欢",
    "you may also like",
];

/// Whole lines that are share counters and buttons.
const COUNTER_LINES: &[&str] = &[
    "total",
    "shares",
    "share",
    "tweet",
    "pin",
    "like",
    "comments",
    "分享",
    "分享到",
    "收藏",
    "點讚",
    "点赞",
    "讚",
    "赞",
    "返回搜狐，查看更多",
    "返回搜狐,查看更多",
    "閱讀原文",
    "阅读原文",
];

/// Fragments that mark copyright notices and credits.
const NOTICE_FRAGMENTS: &[&str] = &[
    "版權歸",
    "版权归",
    "版權所有",
    "版权所有",
    "未經許可",
    "未经许可",
    "不得轉載",
    "不得转载",
    "免責聲明",
    "免责声明",
    "all rights reserved",
];

/// Prefixes of credit lines (image sources, editors, syndication notes).
const CREDIT_PREFIXES: &[&str] = &[
    "圖源",
    "图源",
    "圖片來源",
    "图片来源",
    "圖片",
    "图片",
    "責任編輯",
    "责任编辑",
    "資訊來源",
    "资讯来源",
    "文章來源",
    "文章来源",
    "本文來源",
    "本文来源",
    "編輯：",
    "编辑：",
    "編輯:",
    "编辑:",
];

/// Splits `line` into a metadata field and its value when it is a `key: value` header line.
fn meta_line(line: &str) -> Option<(Meta, String)> {
    let (key, value) = line.split_once([':', '：'])?;
    let key = key
        .trim()
        .trim_start_matches(['【', '[', '(', '（'])
        .trim()
        .to_lowercase();
    let value = value.trim().trim_end_matches(['】', ']', ')', '）']).trim();
    if value.is_empty() || key.chars().count() > 8 || line.chars().count() > 80 {
        return None;
    }
    let kind = if SOURCE_KEYS.contains(&key.as_str()) {
        Meta::Source
    } else if AUTHOR_KEYS.contains(&key.as_str()) {
        Meta::Author
    } else if DATE_KEYS.contains(&key.as_str()) {
        Meta::Date
    } else if URL_KEYS.contains(&key.as_str()) {
        Meta::Url
    } else {
        return None;
    };
    Some((kind, value.to_string()))
}

/// A line that is only a date (`2023-04-12`, `2023/4/12 10:30`, `2023年4月12日 星期三`,
/// full-width digits): what [`super::date`] reads as a date with at least a month.
fn is_date_line(line: &str) -> bool {
    super::date::is_bare_date(line)
}

/// True when a body line carries no article content.
pub fn is_boilerplate(line: &str) -> bool {
    let l = line.trim();
    let lower = l.to_lowercase();
    if l.is_empty() || COUNTER_LINES.contains(&lower.as_str()) {
        return true;
    }
    // Counters like `0`, `1.2K`, `12,345`.
    if l.chars().count() <= 8
        && l.chars().any(|c| c.is_ascii_digit())
        && l.chars()
            .all(|c| c.is_ascii_digit() || ".,kKmM+".contains(c))
    {
        return true;
    }
    let short = l.chars().count() <= 120;
    if short && NOTICE_FRAGMENTS.iter().any(|f| lower.contains(f)) {
        return true;
    }
    if l.chars().count() <= 60 && CREDIT_PREFIXES.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    // A Markdown image or a bare link.
    (l.starts_with("![") && l.ends_with(')')) || (l.starts_with("http") && !l.contains(' '))
}

fn is_tail_marker(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    TAIL_MARKERS
        .iter()
        .any(|m| lower.starts_with(m) && lower.chars().count() <= m.chars().count() + 4)
}

/// Strips Markdown heading marks and emphasis from a line.
fn strip_markdown(line: &str) -> (&str, bool) {
    let t = line.trim();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if hashes > 0 && hashes <= 6 && t[hashes..].starts_with(' ') {
        return (t[hashes..].trim(), true);
    }
    (t, false)
}

/// Reads an article from decoded text. `markdown` enables heading syntax. The returned article
/// has an empty `doc` and `hash`; the loader fills them.
pub fn parse(text: &str, markdown: bool) -> Article {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'))
        .collect();
    let mut article = Article::default();
    let mut i = 0;

    // Title: a Markdown heading or the first non-empty line that is not metadata.
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.is_empty() {
            continue;
        }
        if let Some((kind, value)) = meta_line(line) {
            set_meta(&mut article, kind, value);
            continue;
        }
        // A date line above the title (some scrapes put the date first).
        if is_date_line(line) && article.meta.date.is_none() {
            article.meta.date = Some(line.to_string());
            continue;
        }
        let (clean, _) = if markdown {
            strip_markdown(line)
        } else {
            (line, false)
        };
        if is_tail_marker(clean) {
            i = lines.len();
            break;
        }
        if (markdown && clean == "---") || clean.is_empty() || is_boilerplate(clean) {
            continue;
        }
        let title = clean.trim_matches(['*', '_']).trim();
        if title.chars().count() > MAX_TITLE_CHARS {
            // A first line this long is body text, not a title: keep it as a paragraph.
            let head: String = title.chars().take(TITLE_PREVIEW_CHARS).collect();
            article.meta.title = format!("{head}…");
            article.title_from_text = true;
            i -= 1;
        } else {
            article.meta.title = title.to_string();
        }
        break;
    }

    // Header: metadata lines and date lines right after the title.
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() {
            i += 1;
            continue;
        }
        if let Some((kind, value)) = meta_line(line) {
            set_meta(&mut article, kind, value);
            i += 1;
        } else if is_date_line(line) && article.meta.date.is_none() {
            article.meta.date = Some(line.to_string());
            i += 1;
        } else {
            break;
        }
    }

    // Body: blank lines separate paragraphs when the text uses them; otherwise one line each.
    let body = &lines[i..];
    let blank_separated = body.windows(2).any(|w| w[0].is_empty() && !w[1].is_empty());
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, out: &mut Vec<String>| {
        if !current.is_empty() {
            out.push(join_lines(current));
            current.clear();
        }
    };
    for &line in body {
        if is_tail_marker(line) {
            break;
        }
        let (clean, heading) = if markdown {
            strip_markdown(line)
        } else {
            (line, false)
        };
        if clean.is_empty() {
            flush(&mut current, &mut article.paragraphs);
            continue;
        }
        if is_boilerplate(clean) {
            continue;
        }
        if let Some((kind, value)) = meta_line(clean) {
            if kind == Meta::Source && article.meta.source.is_none() {
                article.meta.source = Some(value);
            }
            continue;
        }
        if heading || !blank_separated {
            flush(&mut current, &mut article.paragraphs);
            article.paragraphs.push(clean.to_string());
            continue;
        }
        current.push(clean);
    }
    flush(&mut current, &mut article.paragraphs);
    article
}

/// Joins the lines of one paragraph: CJK lines run together, Latin lines get a space.
fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let needs_space = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if needs_space {
            out.push(' ');
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

fn set_meta(article: &mut Article, kind: Meta, value: String) {
    // A `時間：` line that is no date (`時間：上午十點`) leaves room for a later one.
    if kind == Meta::Date && super::date::parse(&value).is_none() {
        return;
    }
    let slot = match kind {
        Meta::Source => &mut article.meta.source,
        Meta::Author => &mut article.meta.author,
        Meta::Date => &mut article.meta.date,
        Meta::Url => &mut article.meta.url,
    };
    if slot.is_none() {
        *slot = Some(value);
    }
}

#[cfg(test)]
#[path = "article_tests.rs"]
mod tests;
