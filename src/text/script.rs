//! Which script a user writes in, so replies use the same one.

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

    /// `text` shown in this script where a converter exists (Traditional→Simplified); the text
    /// itself otherwise.
    pub fn convert(self, text: &str) -> String {
        match self {
            Script::Simplified => fast2s::convert(text),
            Script::Traditional => text.to_string(),
        }
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
}
