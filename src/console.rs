//! The console front end: `ask` and `chat` print answers and citations as plain text, using the
//! same conversation logic as the Telegram bot.

use std::io::{BufRead, Write};

use crate::answer::{Answerer, Context, NoCache, Turn};
use crate::answer::{Citation, Response};
use crate::search::Engine;
use crate::text::script::Script;
use crate::Result;

/// How matched words are marked in console output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// ANSI bold (a terminal).
    Bold,
    /// 【brackets】 (a pipe or file).
    Brackets,
}

fn mark(text: &str, ranges: &[(usize, usize)], marks: Marks) -> String {
    let (open, close) = match marks {
        Marks::Bold => ("\x1b[1m", "\x1b[0m"),
        Marks::Brackets => ("【", "】"),
    };
    crate::answer::mark(text, ranges, open, close, std::borrow::Cow::Borrowed)
}

/// The header line of a citation: title, source, author, paragraph.
pub fn citation_header(c: &Citation, script: Script) -> String {
    let mut parts = vec![c.meta.title.clone()];
    if let Some(s) = &c.meta.source {
        parts.push(format!("{}{s}", script.pick("來源：", "来源：")));
    }
    if let Some(a) = &c.meta.author {
        parts.push(format!("作者：{a}"));
    }
    if let Some(d) = &c.meta.date {
        parts.push(d.clone());
    }
    parts.push(format!("第{}段", c.paragraph));
    if c.also_in > 0 {
        parts.push(crate::bot::strings::also_in(script, c.also_in));
    }
    if let Some(u) = &c.meta.url {
        parts.push(u.clone());
    }
    parts.join(" · ")
}

/// Formats a response for the console.
pub fn format(r: &Response, marks: Marks) -> String {
    let script = Script::of(&r.question).unwrap_or_default();
    let mut out = String::new();
    if let Some(err) = &r.error {
        out.push_str(err);
        out.push('\n');
        return out;
    }
    match &r.answer {
        Some(a) => {
            // In the user's script, with the source and date when cited articles disagree
            // (the same wording and decision as the bot's).
            let from = crate::bot::format::according_to(r, script).unwrap_or_default();
            out.push_str(&format!("答：{}{from}\n", script.convert(a)));
            if let Some(s) = &r.sentence {
                if s != a {
                    out.push_str(&format!("{}{s}\n", script.pick("出處句：", "出处句：")));
                }
            }
        }
        None => out.push_str(script.pick(
            "語料中沒有找到這個問題的答案。以下是最相關的段落：\n",
            "语料中没有找到这个问题的答案。以下是最相关的段落：\n",
        )),
    }
    for c in &r.citations {
        out.push_str(&format!("\n[{}] {}", c.rank, citation_header(c, script)));
        out.push('\n');
        out.push_str(&format!("    {}\n", mark(&c.text, &c.highlights, marks)));
    }
    out
}

/// Formats a conversation turn (adds how a follow-up was understood).
pub fn format_turn(t: &Turn, marks: Marks) -> String {
    let script = Script::of(&t.response.question).unwrap_or_default();
    let mut out = String::new();
    if t.trimmed {
        out.push_str(script.pick(
            "（問題太長，只看前 500 字。）\n",
            "（问题太长，只看前 500 字。）\n",
        ));
    }
    if let Some(u) = &t.understood_as {
        out.push_str(&format!(
            "{}{u}）\n",
            script.pick("（理解為：", "（理解为：")
        ));
    }
    out.push_str(&format(&t.response, marks));
    out
}

/// Runs a console conversation: one question per line from `input`, answers to `output`.
/// `/new` forgets the context; `/quit` or end of input stops.
pub fn chat(
    engine: &Engine,
    input: impl BufRead,
    mut output: impl Write,
    marks: Marks,
) -> Result<()> {
    let mut ctx = Context::default();
    let io = |e| crate::Error::io("<console>", e);
    writeln!(
        output,
        "問津 wenjin — 輸入問題，/new 開始新話題，/quit 離開。"
    )
    .map_err(io)?;
    for line in input.lines() {
        let line = line.map_err(io)?;
        let line = line.trim();
        match line {
            "" => continue,
            "/quit" | "/exit" => break,
            "/new" => {
                ctx.clear();
                writeln!(output, "（已開始新話題 / new topic）").map_err(io)?;
                continue;
            }
            _ => {}
        }
        let t = Answerer::new(engine).turn(&mut ctx, line, &NoCache)?;
        writeln!(output, "{}", format_turn(&t, marks)).map_err(io)?;
        output.flush().map_err(io)?;
    }
    Ok(())
}
