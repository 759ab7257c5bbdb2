//! The links of raw HTML: each `<a href>` with where it is written, so that a link an
//! author wrote in HTML is resolved, checked and rewritten as a Markdown link is.

use super::{attributes, tag_name, Attribute};
use std::ops::Range;

/// An `<a href>` in a piece of raw HTML (see [`link_hrefs`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlLink {
    /// The address, character references decoded, spaces around it trimmed.
    pub href: String,
    /// Byte range in the HTML of the whole `href` attribute, name and value.
    pub attribute: Range<usize>,
    /// Byte range in the HTML of the value as written (inside its quotes).
    pub value: Range<usize>,
}

/// The `href` of each `<a>` start tag in a piece of raw HTML, in order, with where it is
/// written: so that a link written in HTML is resolved, checked and rewritten as a Markdown
/// link is. The caller writes a new value escaped (`crate::escape::attribute`), since the
/// value is read with its character references decoded.
pub fn link_hrefs(raw: &str) -> Vec<HtmlLink> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = raw[at..].find('<') {
        let start = at + i;
        at = start + 1;
        // A comment's text is no markup: the policy drops it.
        if raw[start..].starts_with("<!--") {
            at = raw[start + 4..]
                .find("-->")
                .map_or(raw.len(), |e| start + 4 + e + 3);
            continue;
        }
        let Some((name, after)) = tag_name(&raw[start + 1..]) else {
            continue;
        };
        if name != "a" {
            continue;
        }
        let tag_at = raw.len() - after.len();
        let Some((attrs, _)) = attributes(after) else {
            continue;
        };
        let href = attrs.into_iter().find(|a| a.name == "href");
        if let Some(Attribute {
            value: Some(value),
            span,
            raw_value,
            ..
        }) = href
        {
            found.push(HtmlLink {
                href: value.trim().to_string(),
                attribute: tag_at + span.start..tag_at + span.end,
                value: tag_at + raw_value.start..tag_at + raw_value.end,
            });
        }
    }
    found
}
