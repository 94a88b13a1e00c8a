//! Which script to reply in: the one the user writes in, or, for text without Chinese
//! (`/start`, `/help`, an emoji), the one their Telegram client's language suggests.

use crate::text::script::Script;

/// The script of `text` when it holds Chinese; otherwise the script that Telegram's
/// `language_code` (an IETF tag such as `zh-hans`, `zh-TW`) suggests; Traditional (the corpus's
/// script) when neither says.
pub fn script_for(text: Option<&str>, language_code: Option<&str>) -> Script {
    if let Some(s) = text.and_then(Script::of) {
        return s;
    }
    let Some(code) = language_code.map(str::to_ascii_lowercase) else {
        return Script::default();
    };
    let mut parts = code.split(['-', '_']);
    if parts.next() != Some("zh") {
        return Script::default();
    }
    let rest: Vec<&str> = parts.collect();
    if rest
        .iter()
        .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
    {
        Script::Traditional
    } else {
        // `zh`, `zh-hans`, `zh-cn`, `zh-sg`: Simplified is what such clients display.
        Script::Simplified
    }
}

/// [`script_for`] a message: its text or caption, then its sender's language.
pub fn script_of_message(msg: &teloxide::types::Message) -> Script {
    script_for(
        msg.text().or_else(|| msg.caption()),
        msg.from.as_ref().and_then(|u| u.language_code.as_deref()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_first_then_the_client_language() {
        assert_eq!(
            script_for(Some("商汤2022年亏损多少"), Some("zh-hant")),
            Script::Simplified
        );
        assert_eq!(
            script_for(Some("/start"), Some("zh-hans")),
            Script::Simplified
        );
        assert_eq!(script_for(Some("/help"), Some("zh-CN")), Script::Simplified);
        assert_eq!(script_for(Some("/help"), Some("zh")), Script::Simplified);
        assert_eq!(
            script_for(Some("/help"), Some("zh-TW")),
            Script::Traditional
        );
        assert_eq!(
            script_for(Some("/help"), Some("zh-Hant-HK")),
            Script::Traditional
        );
        assert_eq!(script_for(Some("/help"), Some("en")), Script::Traditional);
        assert_eq!(script_for(None, None), Script::Traditional);
    }
}
