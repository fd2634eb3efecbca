//! Escaping for the HTML pages: every piece of article text, claim text, rule message and
//! evidence value goes through [`escape`] before it reaches a page, so a `<script>` in an
//! article is shown as text and never parsed as an element.
//!
//! One function serves text and attribute values alike (all five of `& < > " '` are
//! escaped), so a caller cannot pick the weaker one by mistake. NUL, which HTML parsers
//! replace or drop, becomes U+FFFD; other characters pass through, the page being UTF-8.

use std::fmt::Write as _;

/// `text` with `& < > " '` as character references and NUL as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut escaped, text);
    escaped
}

/// Appends `text` escaped as [`escape`] does.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'', '\0']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => "\u{FFFD}",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// A value usable inside an `id` or a `href="#…"` fragment: ASCII letters, digits, `-` and
/// `_` kept, every other byte as `.XX` (hex), so distinct inputs stay distinct.
pub fn fragment(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
            id.push(byte as char);
        } else {
            let _ = write!(id, ".{byte:02X}");
        }
    }
    id
}

/// Standard base64 with padding (RFC 4648), for the CSP hashes of the inline style and
/// script.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let triple = chunk.iter().enumerate().fold(0u32, |acc, (i, &byte)| {
            acc | u32::from(byte) << (16 - 8 * i)
        });
        for position in 0..4 {
            if position <= chunk.len() {
                let index = (triple >> (18 - 6 * position)) & 0x3F;
                encoded.push(ALPHABET[index as usize] as char);
            } else {
                encoded.push('=');
            }
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape(r#"<script>alert("x & 'y'")</script>"#),
            "&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn other_text_passes_through_unchanged() {
        assert_eq!(
            escape("13,6 miliardi di yuan — €"),
            "13,6 miliardi di yuan — €"
        );
        assert_eq!(escape(""), "");
    }

    #[test]
    fn nul_becomes_the_replacement_character() {
        assert_eq!(escape("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn an_escaped_text_holds_no_markup_character() {
        let nasty = "<img src=x onerror=\"alert(1)\">'&amp;";
        let escaped = escape(nasty);
        assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped}");
        assert_eq!(escaped.matches('&').count(), 5 + 1);
    }

    #[test]
    fn fragments_keep_safe_bytes_and_encode_the_rest() {
        assert_eq!(fragment("cina-2024_01"), "cina-2024_01");
        assert_eq!(fragment("a b/ç"), "a.20b.2F.C3.A7");
        assert_ne!(fragment("a.20"), fragment("a "));
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
    }
}
