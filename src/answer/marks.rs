//! Matched words marked in a passage: one walk over a citation's highlight ranges, whatever the
//! front end marks them with (ANSI bold or 【】 on a console, `<b>` in Telegram's HTML).

use std::borrow::Cow;

/// `text` with each of `ranges` (byte ranges in order, as [`super::Citation::highlights`] holds
/// them) wrapped in `open`…`close`, every piece of the text passed through `escape` (HTML
/// escaping for Telegram; none for a console). A range that overlaps an earlier one, runs past
/// the end or splits a character is skipped rather than trusted: highlights may come from a
/// cached answer over an older text.
pub fn mark<'t>(
    text: &'t str,
    ranges: &[(usize, usize)],
    open: &str,
    close: &str,
    escape: impl Fn(&'t str) -> Cow<'t, str>,
) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&escape(&text[at..s]));
        out.push_str(open);
        out.push_str(&escape(&text[s..e]));
        out.push_str(close);
        at = e;
    }
    out.push_str(&escape(&text[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_wrapped_and_bad_ones_skipped() {
        let text = "商湯虧損60億";
        let plain = |s| Cow::Borrowed(s);
        assert_eq!(mark(text, &[(6, 12)], "[", "]", plain), "商湯[虧損]60億");
        // Overlapping, past the end, inside a character: skipped.
        assert_eq!(
            mark(text, &[(0, 6), (3, 9), (1, 2), (12, 99)], "[", "]", plain),
            "[商湯]虧損60億"
        );
        let shout = |s: &str| Cow::Owned(s.replace('6', "six"));
        assert_eq!(mark("a6b", &[(1, 2)], "<", ">", shout), "a<six>b");
    }
}
