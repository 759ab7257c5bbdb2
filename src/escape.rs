//! Escaping text for HTML: the one place ladderbook escapes what it writes, in its own HTML,
//! in the attributes the sanitizer keeps, and in `serve`'s error overlay.
//!
//! Text is escaped as HTML's rules for text and double-quoted attribute values require
//! (`&`, `<`, `>` and `"`), with `pulldown-cmark-escape`, as Tera's own escaping does.

use pulldown_cmark_escape::{escape_html, escape_html_body_text, FmtWriter};

/// Appends `s` to `out`, escaped for HTML text and double-quoted attribute values.
pub fn text(out: &mut String, s: &str) {
    if !needed(s.as_bytes()) {
        out.push_str(s);
        return;
    }
    // Writing into a String cannot fail.
    let _ = escape_html(FmtWriter(&mut *out), s);
}

/// Whether `text` holds a byte that [`text`] escapes (`"`, `&`, `<`, `>`),
/// looked for eight bytes at a time: `"` and `&` differ only in bit 2, `<` and `>` only in
/// bit 1, so setting that bit leaves one byte to find for each pair, and a byte of a word is
/// zero exactly when `(v - 0x01…) & !v & 0x80…` is not.
pub fn needed(text: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 255;
    // Nonzero where `v` has a zero byte.
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & (ONES << 7);
    let mut chunks = text.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let quote_amp = (x | (ONES * 4)) ^ (ONES * u64::from(b'&'));
        let angle = (x | (ONES * 2)) ^ (ONES * u64::from(b'>'));
        if zero_bytes(quote_amp) | zero_bytes(angle) != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|b| matches!(b, b'"' | b'&' | b'<' | b'>'))
}

/// Appends `s` to `out`, escaped for HTML text only (`&`, `<` and `>`): for text that is never
/// an attribute value, such as `serve`'s error overlay.
pub fn body_text(out: &mut String, s: &str) {
    // Writing into a String cannot fail.
    let _ = escape_html_body_text(FmtWriter(&mut *out), s);
}

/// Appends `v` to `out`, escaped for a double-quoted attribute value (`&`, `"`, `<` and `>`,
/// never `'`): for the attributes the sanitizer keeps in an author's HTML, written as they
/// always were.
pub fn attribute(out: &mut String, v: &str) {
    for c in v.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needed_finds_every_byte_that_html_escaping_changes_wherever_it_is() {
        // Every byte value at every position of texts of 1 to 20 bytes (so in the eight-byte
        // words and in the rest), among letters and the bytes either side of the four.
        for len in 1..=20 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    let special = matches!(b, b'"' | b'&' | b'<' | b'>');
                    assert_eq!(needed(&text), special, "{b:#x} at {at} of {len}");
                }
            }
        }
        assert!(!needed(b""));
        assert!(needed("café \u{1F600} & more".as_bytes()));
    }
}
