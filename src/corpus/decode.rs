//! Encoding detection: turn a file's bytes into text, or say why they are not text.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// NUL bytes or control characters: a binary file.
    #[error("looks like a binary file, not text")]
    Binary,
    /// No encoding decodes it cleanly.
    #[error("unknown text encoding (tried UTF-8, UTF-16, GB18030, Big5)")]
    Undecodable,
}

/// Decodes `bytes`, detecting the encoding: a BOM wins; then UTF-8; then UTF-16 without BOM
/// (guessed from NUL bytes); then chardetng's guess among legacy encodings (GB18030/GBK, Big5...).
/// Returns the text and the name of the encoding used.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(DecodeError::Undecodable);
        }
        return check_text(text.into_owned(), enc.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(text.to_string(), UTF_8.name());
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return check_text(text.into_owned(), enc.name());
        }
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        // Tolerate a few broken characters (a truncated download), not a wrong guess.
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if bad * 100 > text.chars().count().max(1) {
            return Err(DecodeError::Undecodable);
        }
    }
    check_text(text.into_owned(), enc.name())
}

/// UTF-16 text without a BOM has a NUL in every other byte for ASCII; CJK has none, so we also
/// accept text whose even- or odd-indexed bytes hold most of the NULs.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let half = bytes.len() / 2;
    if odd * 4 > half && even * 20 < half {
        Some(UTF_16LE)
    } else if even * 4 > half && odd * 20 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Rejects decoded text that is mostly control characters (a binary file that happened to decode).
fn check_text(text: String, encoding: &'static str) -> Result<(String, &'static str), DecodeError> {
    let total = text.chars().count();
    let control = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || control * 20 > total {
        return Err(DecodeError::Binary);
    }
    Ok((text, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_encodings() {
        let s = "商湯科技2022年巨虧60億，營收下滑近兩成。";
        for enc in [encoding_rs::BIG5, encoding_rs::GB18030, UTF_8] {
            let (bytes, _, _) = enc.encode(s);
            assert_eq!(decode(&bytes).unwrap().0, s, "{}", enc.name());
        }
        let simp = "商汤科技2022年巨亏60亿，营收下滑近两成。";
        let (gbk, _, _) = encoding_rs::GBK.encode(simp);
        assert_eq!(decode(&gbk).unwrap().0, simp);
        let utf16: Vec<u8> = simp.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend_from_slice(&utf16);
        assert_eq!(decode(&with_bom).unwrap().0, simp);
    }

    #[test]
    fn rejects_binary() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert!(decode(&bytes).is_err());
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0\0\0").unwrap_err(),
            DecodeError::Binary
        );
    }
}
