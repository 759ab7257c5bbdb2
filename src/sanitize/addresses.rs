//! The addresses of raw HTML: each `<a href>` with where it is written, so that a link an
//! author wrote in HTML is resolved, checked and rewritten as a Markdown link is; and the
//! images' addresses, for `check`.

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
    start_tags(raw)
        .into_iter()
        .filter(|tag| tag.name == "a")
        .filter_map(|tag| {
            let at = tag.attributes_at;
            let Attribute {
                value,
                span,
                raw_value,
                ..
            } = tag.attributes.into_iter().find(|a| a.name == "href")?;
            Some(HtmlLink {
                href: value?.trim().to_string(),
                attribute: at + span.start..at + span.end,
                value: at + raw_value.start..at + raw_value.end,
            })
        })
        .collect()
}

/// The image addresses in a piece of raw HTML, as a browser reads them: the `src` of each
/// `<img>` and each candidate URL of an `<img>`'s or `<source>`'s `srcset` (character
/// references decoded), with the byte offset in `raw` of the tag that has it. For `check`,
/// which warns about images the site does not have.
pub fn image_sources(raw: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for tag in start_tags(raw) {
        if tag.name != "img" && tag.name != "source" {
            continue;
        }
        for Attribute {
            name: attr, value, ..
        } in tag.attributes
        {
            let Some(value) = value else { continue };
            match attr.as_str() {
                "src" if tag.name == "img" => found.push((tag.at, value.trim().to_string())),
                "srcset" => found.extend(value.split(',').filter_map(|candidate| {
                    let url = candidate.split_whitespace().next()?;
                    Some((tag.at, url.to_string()))
                })),
                _ => {}
            }
        }
    }
    found
}

/// A start tag of a piece of HTML (see [`start_tags`]).
struct StartTag {
    /// Byte offset of its `<`.
    at: usize,
    /// Lowercased.
    name: String,
    /// Byte offset of the text after its name, where its attributes' spans start.
    attributes_at: usize,
    attributes: Vec<Attribute>,
}

/// The start tags of a piece of HTML, in order, those inside comments left out (the policy
/// drops comments), and those that never end.
fn start_tags(raw: &str) -> Vec<StartTag> {
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(i) = raw[at..].find('<') {
        let start = at + i;
        at = start + 1;
        if raw[start..].starts_with("<!--") {
            at = raw[start + 4..]
                .find("-->")
                .map_or(raw.len(), |e| start + 4 + e + 3);
            continue;
        }
        let Some((name, after)) = tag_name(&raw[start + 1..]) else {
            continue;
        };
        let Some((attributes, _)) = attributes(after) else {
            continue;
        };
        tags.push(StartTag {
            at: start,
            name,
            attributes_at: raw.len() - after.len(),
            attributes,
        });
    }
    tags
}
