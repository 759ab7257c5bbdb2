//! Footnote marks without a definition (`[^flaky]` with no `[^flaky]: …` in its file). The
//! GitHub footnote extension pulldown-cmark reads leaves such a mark as the text it is, so
//! the page shows `[^flaky]` and no footnote: the author meant one.

use crate::diagnostic::{Diagnostics, SourceFile};
use pulldown_cmark::{Event, Tag};
use std::collections::HashSet;

/// Warns (`undefined-footnote`) of each footnote mark in the body of Markdown file `f`
/// (split at its front-matter: `split`) that the file defines no footnote for, at the mark.
pub fn undefined(f: &SourceFile, split: &crate::frontmatter::Split, diags: &mut Diagnostics) {
    if !split.body.contains("[^") {
        return;
    }
    let events = crate::markdown::events_of(split.body);
    let defined: HashSet<&str> = events
        .iter()
        .filter_map(|(ev, _)| match ev {
            Event::Start(Tag::FootnoteDefinition(label)) => Some(label.as_ref()),
            _ => None,
        })
        .collect();
    for (ev, range) in &events {
        let Event::Text(text) = ev else { continue };
        let mut from = 0;
        while let Some(at) = text[from..].find("[^").map(|i| from + i) {
            let rest = &text[at + 2..];
            let Some(end) = rest.find(']') else { break };
            let label = &rest[..end];
            from = at + 2 + end;
            // A label has no spaces or brackets (GitHub's footnote syntax), and a definition's
            // own `[^x]:` is no mark.
            if label.is_empty()
                || label.contains(char::is_whitespace)
                || label.contains('[')
                || rest[end + 1..].starts_with(':')
                || defined.contains(label)
            {
                continue;
            }
            // The mark's place in the file, where the text is written as it is read.
            let offset = split.body_offset
                + split.body[range.clone()]
                    .find(&format!("[^{label}]"))
                    .map_or(range.start, |i| range.start + i);
            diags.push(f.warning(
                "undefined-footnote",
                offset,
                format!("the footnote mark `[^{label}]` has no definition in this file: the page shows it as text"),
                format!("add a line `[^{label}]: …` to this file (a footnote is defined in the file that marks it), or correct the label"),
            ));
        }
    }
}
