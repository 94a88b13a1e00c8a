//! Every text the bot shows a user, in one table: Traditional and Simplified side by side where
//! they differ, one string where both scripts write it alike, and the few bilingual or English
//! texts (errors, admin reports) as they are.

use crate::text::script::Script;

/// A text in Traditional and Simplified Chinese.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    traditional: &'static str,
    simplified: &'static str,
}

impl Text {
    const fn new(traditional: &'static str, simplified: &'static str) -> Text {
        Text {
            traditional,
            simplified,
        }
    }

    /// The text in `script`.
    pub fn get(self, script: Script) -> &'static str {
        script.pick(self.traditional, self.simplified)
    }
}

// Answers and their buttons (format.rs, buttons.rs).

/// Before the answer.
pub const ANSWER: &str = "答：";
/// Before a citation's source.
pub const SOURCE: Text = Text::new("來源：", "来源：");
/// After a citation's source and date: how many other articles carry a near copy of it.
pub fn also_in(script: Script, n: usize) -> String {
    format!(
        "{}{n}{}",
        script.pick("另見於 ", "另见于 "),
        script.pick(" 篇其他文章", " 篇其他文章")
    )
}
/// After the answer, when the cited articles give different figures: which source (its title
/// when it names none) and date the answer comes from, 「（據 問津示例財經 · 2023-03-28）」.
pub fn according_to(script: Script, source: &str, date: Option<&str>) -> String {
    let date = date.map(|d| format!(" · {d}")).unwrap_or_default();
    format!("（{}{source}{date}）", script.pick("據 ", "据 "))
}
/// The link to a citation's original article.
pub const ORIGINAL: &str = "原文";
/// After a full paragraph's heading.
pub const FULL_PARAGRAPH: &str = "（全文）";
/// The label of a "full passage" button, before the citation's rank.
pub const FULL_TEXT: &str = "全文";
/// The "more sources" button.
pub const MORE_SOURCES: Text = Text::new("更多來源 ▸", "更多来源 ▸");
/// Above the passages when the corpus does not answer.
pub const NOT_FOUND: Text = Text::new(
    "語料中沒有找到這個問題的答案。最相關的段落：\n",
    "语料中没有找到这个问题的答案。最相关的段落：\n",
);
/// Above an answer to a question cut to its first 500 characters.
pub const TRIMMED: Text = Text::new(
    "（問題太長，只看前 500 字。）\n",
    "（问题太长，只看前 500 字。）\n",
);
/// Before a follow-up as understood; the closing bracket follows it.
pub const UNDERSTOOD_AS: Text = Text::new("（理解為：", "（理解为：");

// Questions.

/// A user over the rate limit.
pub const TOO_FAST: Text = Text::new(
    "問得太快了，請稍等一分鐘再問。",
    "问得太快了，请稍等一分钟再问。",
);
/// Answering failed.
pub const ANSWER_FAILED: &str =
    "抱歉，查詢時出了錯，請稍後再試。/ Sorry, something went wrong; please try again.";
/// A button whose answer is gone, forged, or from another chat.
pub const BUTTON_EXPIRED: &str = "這個按鈕已過期 / This button has expired.";

// Commands.

/// `/start` and `/help`: what the bot does, over `count` articles.
pub fn intro(script: Script, count: usize) -> String {
    match script {
        Script::Traditional => {
            format!("問津 wenjin：根據 {count} 篇文章回答問題，並附上出處段落。")
        }
        Script::Simplified => {
            format!("问津 wenjin：根据 {count} 篇文章回答问题，并附上出处段落。")
        }
    }
}
/// `/start` and `/help`: how to use it.
pub const HELP: Text = Text::new(
    "直接輸入問題，例如：商湯2022年虧損多少\n追問：2021年呢？／那雲從科技呢？\n/new 開始新話題，/sources 文章列表，群組裡用 /ask 問題。",
    "直接输入问题，例如：商汤2022年亏损多少\n追问：2021年呢？／那云从科技呢？\n/new 开始新话题，/sources 文章列表，群组里用 /ask 问题。",
);
/// `/ask` without a question.
pub const ASK_USAGE: Text = Text::new(
    "用法：/ask 商湯2022年虧損多少",
    "用法：/ask 商汤2022年亏损多少",
);
/// `/new`.
pub const NEW_TOPIC: Text = Text::new("好的，開始新話題。", "好的，开始新话题。");
/// `/sources` over an empty corpus.
pub const EMPTY_CORPUS: Text = Text::new("語料是空的。", "语料是空的。");
/// An admin command from someone else.
pub const ADMINS_ONLY: Text = Text::new(
    "抱歉，這個指令只限管理員使用。",
    "抱歉，这个指令只限管理员使用。",
);
/// `/reindex` starting.
pub const REINDEX_STARTED: Text = Text::new("開始重建索引…", "开始重建索引…");
/// `/reindex` while another reindex runs.
pub const REINDEX_BUSY: Text = Text::new(
    "已有重建索引在進行中，請稍候。",
    "已有重建索引在进行中，请稍候。",
);
/// `/reindex` failed.
pub fn reindex_failed(e: &crate::Error) -> String {
    format!("reindex failed: {e}")
}
/// `/explain` with nothing to search for.
pub const EXPLAIN_NOTHING: &str = "nothing searchable in the question";
/// `/explain` failed.
pub fn explain_failed(e: &dyn std::fmt::Display) -> String {
    format!("explain failed: {e}")
}
/// `/stats`.
pub fn stats(
    articles: usize,
    passages: u64,
    megabytes: f64,
    generation: &str,
    persistent: bool,
) -> String {
    format!(
        "articles: {articles}\npassages: {passages}\nindex: {megabytes:.1} MB\ngeneration: {generation}\nsessions: {}",
        if persistent { "on disk" } else { "in memory" },
    )
}

// Uploads.

/// A document from someone who is not an admin.
pub const UPLOAD_ADMINS_ONLY: Text = Text::new(
    "抱歉，只有管理員可以上傳文章。",
    "抱歉，只有管理员可以上传文章。",
);
/// A document refused for `why` (its name or type).
pub fn upload_refused(script: Script, why: &str) -> String {
    format!("{}{why}", script.pick("無法收錄：", "无法收录："))
}
/// A document over the size limit.
pub fn upload_too_large(script: Script, limit_mb: u32) -> String {
    format!(
        "{}{limit_mb} MB",
        script.pick("檔案太大，上限 ", "文件太大，上限 ")
    )
}
/// The download from Telegram failed.
pub fn download_failed(e: &dyn std::fmt::Display) -> String {
    format!("download failed: {e}")
}
/// The download was larger than Telegram said.
pub const FILE_TOO_LARGE: &str = "file too large";
/// The document could not be written into the corpus.
pub const NOT_SAVED: &str = "could not save the file into the corpus";
/// Saved while another reindex runs.
pub const SAVED_REINDEX_BUSY: &str =
    "saved; a reindex is already running, it will be indexed next time";
/// Saved, but the reindex failed.
pub fn saved_not_indexed(e: &crate::Error) -> String {
    format!("saved, but indexing failed: {e}")
}
/// The counts of a reindex, as the admin sees them.
pub fn reindex_report(r: &crate::search::BuildReport) -> String {
    let skipped: String = r
        .skipped
        .iter()
        .map(|(f, why)| format!("\n{f}: {why}"))
        .collect();
    format!(
        "added {} · changed {} · removed {} · unchanged {} · skipped {} · {:.1}s{skipped}",
        r.added,
        r.changed,
        r.removed,
        r.unchanged,
        r.skipped.len(),
        r.elapsed.as_secs_f64()
    )
}
