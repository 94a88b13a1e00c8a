//! Which script a user writes in, and conversion between the scripts for display, so replies
//! use the user's.

/// Traditional or Simplified Chinese.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Script {
    /// 繁體.
    #[default]
    Traditional,
    /// 简体.
    Simplified,
}

impl Script {
    /// The script of `text`: Traditional when any character folds to a different Simplified one,
    /// Simplified when it holds CJK text that does not; `None` without CJK text.
    pub fn of(text: &str) -> Option<Script> {
        let cjk: String = text.chars().filter(|&c| super::is_cjk(c)).collect();
        if cjk.is_empty() {
            return None;
        }
        if fast2s::convert(&cjk) != cjk {
            Some(Script::Traditional)
        } else {
            Some(Script::Simplified)
        }
    }

    /// Picks the label written in this script.
    pub fn pick<'a>(self, traditional: &'a str, simplified: &'a str) -> &'a str {
        match self {
            Script::Traditional => traditional,
            Script::Simplified => simplified,
        }
    }

    /// `text` shown in this script: Traditional→Simplified (fast2s) or Simplified→Traditional
    /// ([`to_traditional`]). Display only: indexes, JSON and quoted passages stay verbatim.
    pub fn convert(self, text: &str) -> String {
        match self {
            Script::Simplified => fast2s::convert(text),
            Script::Traditional => to_traditional(text),
        }
    }
}

/// The Simplified→Traditional converter, built once: OpenCC's Taiwan-standard characters
/// (`s2tw`: phrases, then characters, then Taiwan variants such as 為, 裡), without the
/// vocabulary rewrite of `s2twp` (軟件→軟體), which would change what the passage says.
/// `None` (logged once) when the built-in dictionaries fail to load.
fn s2t() -> Option<&'static ferrous_opencc::OpenCC> {
    static CONVERTER: std::sync::OnceLock<Option<ferrous_opencc::OpenCC>> =
        std::sync::OnceLock::new();
    CONVERTER
        .get_or_init(|| {
            ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2tw)
                .map_err(|e| {
                    tracing::warn!(error = %e, "Simplified→Traditional converter unavailable");
                })
                .ok()
        })
        .as_ref()
}

/// `text` in Traditional characters (for a user who writes Traditional and an answer quoted
/// from a Simplified passage). Text already Traditional, Latin and digits pass unchanged; if the
/// converter cannot be built the text is returned as it is (a display nicety, never an error).
pub fn to_traditional(text: &str) -> String {
    // Text without Chinese (numbers, Latin names) never needs the converter, nor its load.
    if !text.chars().any(super::is_cjk) {
        return text.to_string();
    }
    match s2t() {
        Some(c) => c.convert(text),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts() {
        assert_eq!(Script::of("商湯2022年虧損多少"), Some(Script::Traditional));
        assert_eq!(Script::of("商汤2022年亏损多少"), Some(Script::Simplified));
        assert_eq!(Script::of("SenseTime 2022"), None);
    }

    #[test]
    fn simplified_to_traditional() {
        assert_eq!(to_traditional("亏损约60亿元"), "虧損約60億元");
        assert_eq!(
            to_traditional("商汤科技2022年营收下滑"),
            "商湯科技2022年營收下滑"
        );
        assert_eq!(
            to_traditional("铁路建设又是一个丰收年"),
            "鐵路建設又是一個豐收年"
        );
        // Taiwan-standard variants, no vocabulary rewrite.
        assert_eq!(to_traditional("因为软件"), "因為軟件");
        // Already Traditional, Latin and digits: unchanged.
        assert_eq!(to_traditional("巨虧60億"), "巨虧60億");
        assert_eq!(to_traditional("SenseTime 5.4"), "SenseTime 5.4");
        assert_eq!(Script::Traditional.convert("亏损"), "虧損");
        assert_eq!(Script::Simplified.convert("虧損"), "亏损");
    }
}
