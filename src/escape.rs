//! Escaping text for HTML: the one place ladderbook escapes what it writes, in its own HTML,
//! in the attributes the sanitizer keeps, and in `serve`'s error overlay.
//!
//! Text is escaped as HTML's rules for text and double-quoted attribute values require
//! (`&`, `<`, `>` and `"`), with `pulldown-cmark-escape`, as Tera's own escaping does.

use pulldown_cmark_escape::{escape_html, escape_html_body_text, FmtWriter};

/// Appends `s` to `out`, escaped for HTML text and double-quoted attribute values.
pub fn text(out: &mut String, s: &str) {
    if !s.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"')) {
        out.push_str(s);
        return;
    }
    // Writing into a String cannot fail.
    let _ = escape_html(FmtWriter(&mut *out), s);
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
