//! The one policy for HTML in author content (Markdown bodies and summaries).
//!
//! Raw HTML is kept only as far as it is harmless: each tag is parsed and written anew from
//! an allowlist of elements ([`ELEMENTS`]) and attributes, so the page gets only what this
//! module writes, never the author's text as written. Anything else is dropped: other
//! elements (their text stays, as text), every event-handler and `style` attribute, comments,
//! and the whole content of `<script>`, `<style>` and the like ([`DROP_CONTENT`]). A `<`
//! that starts no tag is written as `&lt;`. An element opened and not closed within the
//! fragment is closed at its end, and a closing tag with no opening one is dropped, so raw
//! HTML cannot break the page around it.
//!
//! Markdown heading attributes (`## Title {#id .class key=value}`) keep their id and classes
//! and only the `key=value` pairs raw HTML could set (`title`, `lang`, `dir`): pulldown-cmark
//! would write any other, `onclick` included.
//!
//! Every URL, in a Markdown link, autolink or image, or in a kept `href`, `src` or `srcset`,
//! must be relative or use one of [`SCHEMES`]; a link with any other scheme (`javascript:`,
//! `vbscript:`, `data:`, …) loses its address and keeps its text, an image its alt text.
//! The scheme is read the way a browser reads it (the WHATWG URL standard): after character
//! references are decoded, leading spaces and control characters removed, tabs and line breaks
//! removed anywhere, case ignored. Attribute values are decoded once, checked, and written
//! escaped, so the browser sees exactly the value that was checked.
//!
//! Why not a general sanitiser such as `ammonia`: pulldown-cmark already hands raw HTML over
//! as separate events, one tag per inline event, so only those few strings need a parser,
//! and the allowlist is small; `ammonia` would add some 50 crates (html5ever, url with ICU
//! data, cssparser) and a second parse of every page's HTML.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

mod addresses;
mod allowlist;

pub use addresses::{image_sources, link_hrefs, HtmlLink};

pub use allowlist::{DROP_CONTENT, ELEMENTS, SCHEMES};
use allowlist::{ENDED_BY, GLOBAL, NEEDS_PARENT, SPANS_BLOCKS, TABLE_PARTS, VOID};

/// True when `url` is relative or uses one of [`SCHEMES`], read as a browser reads it and
/// then some: a browser skips leading spaces and control characters and ignores tabs and
/// line breaks anywhere; here every space and control character is ignored anywhere (an
/// older or laxer reader might drop others), and case is ignored. `url` must already have
/// its character references decoded.
pub fn is_safe_url(url: &str) -> bool {
    let mut scheme = String::new();
    let chars = url.chars().filter(|c| !(*c <= ' ' || c.is_control()));
    for c in chars {
        if c == ':' {
            return SCHEMES.contains(&scheme.as_str());
        }
        let scheme_char = c.is_ascii_alphabetic()
            || (!scheme.is_empty() && (c.is_ascii_digit() || "+-.".contains(c)));
        if !scheme_char {
            // No scheme: a relative URL.
            return true;
        }
        scheme.push(c.to_ascii_lowercase());
    }
    true
}

/// Applies the policy to the events of one fragment: raw HTML rewritten (consecutive
/// block HTML events are one piece of HTML and become one event, with the range of all),
/// links and images with an unsafe URL unwrapped, and the raw elements left open closed at
/// the end of their Markdown block (see [`Filter`] for those that span blocks) or of the
/// events.
pub fn events<'a>(events: Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)> {
    apply(events).0
}

/// What the policy takes out of the events of Markdown an author wrote (for `check` to
/// say): the byte range of the link or piece of HTML, and what is dropped from it, such as
/// "the link to `javascript:alert(1)`" or "the `onclick` attribute of `<a>`". Comments, and
/// a `<` that starts no tag (it is shown as written), are not listed.
pub fn dropped(events: Vec<(Event<'_>, Range<usize>)>) -> Vec<(Range<usize>, String)> {
    apply(events).1
}

/// [`events`], and what it dropped (see [`dropped`]).
#[allow(clippy::type_complexity)]
fn apply(
    events: Vec<(Event<'_>, Range<usize>)>,
) -> (Vec<(Event<'_>, Range<usize>)>, Vec<(Range<usize>, String)>) {
    let mut gone: Vec<(Range<usize>, String)> = Vec::new();
    let needs = events.iter().any(|(e, _)| match e {
        Event::Html(_) | Event::InlineHtml(_) => true,
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
            !is_safe_url(dest_url)
        }
        Event::Start(Tag::Heading { attrs, .. }) => !attrs.is_empty(),
        _ => false,
    });
    if !needs {
        return (events, gone);
    }
    let mut out = Vec::with_capacity(events.len());
    let mut filter = Filter::default();
    // For each open link or image: whether it was dropped.
    let mut dropped: Vec<bool> = Vec::new();
    let mut block: Option<(String, Range<usize>)> = None;
    for (ev, range) in events {
        if let Event::Html(html) = &ev {
            match &mut block {
                Some((text, r)) => {
                    text.push_str(html);
                    r.end = range.end;
                }
                None => block = Some((html.to_string(), range)),
            }
            continue;
        }
        if let Some((text, r)) = block.take() {
            let mut clean = String::new();
            filter.push(&text, &mut clean);
            // In an HTML block, an element whose content is dropped runs to the block's end.
            filter.dropping = None;
            gone.extend(filter.dropped.drain(..).map(|d| (r.clone(), d)));
            out.push((Event::Html(clean.into()), r));
        }
        if let Some(name) = &filter.dropping {
            match &ev {
                Event::InlineHtml(html) => {
                    if closes(html, name) {
                        filter.dropping = None;
                    }
                    continue;
                }
                Event::Text(_)
                | Event::Code(_)
                | Event::InlineMath(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::FootnoteReference(_) => continue,
                // A link or image inside goes too, with its end (see `dropped` below).
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                    dropped.push(true);
                    continue;
                }
                Event::Start(
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript,
                )
                | Event::End(
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript
                    | TagEnd::Link
                    | TagEnd::Image,
                ) => {}
                // Any block's start or end ends it: a tight list item has no paragraph
                // around its text to end.
                _ => filter.dropping = None,
            }
        }
        match ev {
            Event::InlineHtml(html) => {
                let mut clean = String::new();
                filter.push(&html, &mut clean);
                gone.extend(filter.dropped.drain(..).map(|d| (range.clone(), d)));
                if !clean.is_empty() {
                    out.push((Event::InlineHtml(clean.into()), range));
                }
            }
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
                let unsafe_url = !is_safe_url(dest_url);
                dropped.push(unsafe_url);
                if unsafe_url {
                    gone.push((range.clone(), format!("the link to `{dest_url}`")));
                } else {
                    out.push((ev, range));
                }
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                mut attrs,
            }) => {
                // `{key=value}` heading attributes: only those raw HTML could set.
                attrs.retain(|(key, _)| {
                    let lower = key.to_ascii_lowercase();
                    let kept =
                        GLOBAL.contains(&lower.as_str()) && lower != "id" && lower != "class";
                    if !kept {
                        gone.push((range.clone(), format!("the heading attribute `{key}`")));
                    }
                    kept
                });
                filter.depth += 1;
                let heading = Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                };
                out.push((Event::Start(heading), range));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if !dropped.pop().unwrap_or(false) {
                    out.push((ev, range));
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                filter.depth += 1;
                filter.html_block = true;
                out.push((ev, range));
            }
            Event::End(TagEnd::HtmlBlock) => {
                let mut closers = String::new();
                filter.end_html_block(&mut closers);
                if !closers.is_empty() {
                    out.push((Event::Html(closers.into()), range.start..range.start));
                }
                filter.depth = filter.depth.saturating_sub(1);
                filter.html_block = false;
                out.push((ev, range));
            }
            Event::Start(_) => {
                filter.depth += 1;
                out.push((ev, range));
            }
            Event::End(_) => {
                // Raw elements opened inside this Markdown block end with it.
                let mut closers = String::new();
                filter.close_inner(&mut closers);
                if !closers.is_empty() {
                    out.push((Event::InlineHtml(closers.into()), range.start..range.start));
                }
                filter.depth = filter.depth.saturating_sub(1);
                out.push((ev, range));
            }
            ev => out.push((ev, range)),
        }
    }
    if let Some((text, r)) = block.take() {
        let mut clean = String::new();
        filter.push(&text, &mut clean);
        gone.extend(filter.dropped.drain(..).map(|d| (r.clone(), d)));
        out.push((Event::Html(clean.into()), r));
    }
    let mut closers = String::new();
    filter.finish(&mut closers);
    if !closers.is_empty() {
        let end = out.last().map_or(0..0, |(_, r)| r.end..r.end);
        out.push((Event::Html(CowStr::from(closers)), end));
    }
    (out, gone)
}

/// Rewrites raw HTML piece by piece, remembering the kept elements still open.
#[derive(Debug, Default)]
pub struct Filter {
    /// Kept elements opened and not yet closed, innermost last, each with the Markdown
    /// block depth it was opened at.
    open: Vec<(&'static str, usize)>,
    /// How many Markdown blocks (and inline spans) enclose the HTML being filtered.
    depth: usize,
    /// Whether the HTML being filtered is an HTML block (CommonMark's, which ends at a blank
    /// line): one that opens a [`SPANS_BLOCKS`] element leaves it open for the Markdown
    /// after it.
    html_block: bool,
    /// What was dropped since this was last emptied (see [`dropped`]).
    dropped: Vec<String>,
    /// A [`DROP_CONTENT`] element opened by inline HTML and not closed yet: the text and
    /// inline HTML after it are dropped until its closing tag or the end of its block.
    dropping: Option<String>,
}

impl Filter {
    /// Appends the safe form of `raw` (a piece of HTML: a block, or one inline tag) to `out`.
    pub fn push(&mut self, raw: &str, out: &mut String) {
        let mut rest = raw;
        while let Some(i) = rest.find(['<', '>']) {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            if rest.starts_with('>') {
                out.push_str("&gt;");
                rest = &rest[1..];
                continue;
            }
            rest = match self.markup(rest, out) {
                Some(after) => after,
                None => {
                    out.push_str("&lt;");
                    &rest[1..]
                }
            };
        }
        out.push_str(rest);
    }

    /// Closes every kept element still open.
    pub fn finish(&mut self, out: &mut String) {
        while let Some((name, _)) = self.open.pop() {
            push_close(out, name);
        }
    }

    /// At the end of an HTML block: a [`SPANS_BLOCKS`] element it left open stays open,
    /// as part of the Markdown block that holds the HTML block (GitHub's `<details>`, a
    /// blank line, a Markdown list, then `</details>` in an HTML block of its own); any
    /// other element opened in it is closed here, and so is everything when such an element
    /// is open inside one that is not.
    fn end_html_block(&mut self, out: &mut String) {
        // Depths only grow up the stack: the elements of this block are its top.
        let first = self.open.partition_point(|&(_, d)| d < self.depth);
        while let Some(&(name, depth)) = self.open.last() {
            if depth < self.depth || SPANS_BLOCKS.contains(&name) {
                break;
            }
            self.open.pop();
            push_close(out, name);
        }
        let left = &mut self.open[first..];
        if left.iter().all(|(name, _)| SPANS_BLOCKS.contains(name)) {
            for (_, depth) in left {
                *depth = self.depth - 1;
            }
        } else {
            self.close_inner(out);
        }
    }

    /// Whether an element opened at `depth` belongs to the Markdown block being filtered:
    /// opened at its depth, or, for an HTML block, left open by an earlier HTML block of the
    /// same Markdown block (see [`Filter::end_html_block`]), so that the HTML block may close
    /// it or place a row or cell in it.
    fn in_this_block(&self, depth: usize) -> bool {
        depth == self.depth || (self.html_block && depth + 1 == self.depth)
    }

    /// Closes the kept elements opened at the current depth or deeper.
    fn close_inner(&mut self, out: &mut String) {
        while let Some(&(name, depth)) = self.open.last() {
            if depth < self.depth {
                break;
            }
            self.open.pop();
            push_close(out, name);
        }
    }

    /// Handles the markup at the start of `s` (which starts with `<`): writes what is kept
    /// and returns the text after it, or `None` when `<` starts no markup.
    fn markup<'s>(&mut self, s: &'s str, out: &mut String) -> Option<&'s str> {
        if let Some(after) = s.strip_prefix("<!--") {
            return Some(after.find("-->").map_or("", |i| &after[i + 3..]));
        }
        if s.starts_with("<!") || s.starts_with("<?") {
            return Some(s.find('>').map_or("", |i| &s[i + 1..]));
        }
        if let Some(after) = s.strip_prefix("</") {
            let (name, after) = tag_name(after)?;
            let after = after.find('>').map_or("", |i| &after[i + 1..]);
            self.close(&name, out);
            return Some(after);
        }
        let (name, after) = tag_name(&s[1..])?;
        let (attrs, after) = attributes(after)?;
        if DROP_CONTENT.contains(&name.as_str()) {
            self.dropped.push(format!("`<{name}>` and its content"));
            return Some(skip_element(after, &name).unwrap_or_else(|| {
                // Not closed in this piece: inline HTML, whose closing tag comes later in the
                // paragraph (see `Filter::dropping`).
                self.dropping = Some(name.clone());
                ""
            }));
        }
        let Some((name, allowed)) = ELEMENTS.iter().find(|(n, _)| *n == name) else {
            self.dropped
                .push(format!("the tag `<{name}>` (its text is kept)"));
            return Some(after);
        };
        if let Some((_, parents)) = NEEDS_PARENT.iter().find(|(n, _)| n == name) {
            // As a browser does: a new item ends the one open (`<li>a<li>b`), a new cell or
            // row the cell or row open.
            while let Some(&(open, depth)) = self.open.last() {
                if !self.in_this_block(depth)
                    || parents.contains(&open)
                    || !ENDED_BY
                        .iter()
                        .any(|(a, b)| *a == *name && b.contains(&open))
                {
                    break;
                }
                self.open.pop();
                push_close(out, open);
            }
            let inside = self
                .open
                .last()
                .is_some_and(|&(open, depth)| self.in_this_block(depth) && parents.contains(&open));
            if !inside {
                self.dropped.push(format!(
                    "the tag `<{name}>` outside a `<{}>` (its text is kept)",
                    parents.join(">` or `<")
                ));
                return Some(after);
            }
        } else if let Some(&(open, _)) = self.open.last() {
            // Directly in a table, a row group or a row, anything but their own parts (another
            // table, a list) is moved out before the table by a browser, among the page's own
            // elements: dropped, its text kept.
            if TABLE_PARTS.contains(&open) {
                self.dropped.push(format!(
                    "the tag `<{name}>` directly inside a `<{open}>` (its text is kept)"
                ));
                return Some(after);
            }
        }
        out.push('<');
        out.push_str(name);
        for Attribute {
            name: attr, value, ..
        } in &attrs
        {
            if !(GLOBAL.contains(&attr.as_str()) || allowed.contains(&attr.as_str())) {
                self.dropped
                    .push(format!("the `{attr}` attribute of `<{name}>`"));
                continue;
            }
            let safe = match attr.as_str() {
                "href" | "src" => value.as_deref().is_none_or(is_safe_url),
                // Each candidate whole, descriptors too: with spaces ignored, a scheme
                // split by a line break is still seen.
                "srcset" => value
                    .as_deref()
                    .is_none_or(|v| v.split(',').all(is_safe_url)),
                _ => true,
            };
            if !safe {
                let v = value.as_deref().unwrap_or_default();
                self.dropped
                    .push(format!("the `{attr}` of `<{name}>` (`{v}`)"));
                continue;
            }
            out.push(' ');
            out.push_str(attr);
            if let Some(v) = value {
                out.push_str("=\"");
                crate::escape::attribute(out, v);
                out.push('"');
            }
        }
        out.push('>');
        if !VOID.contains(name) {
            self.open.push((name, self.depth));
        }
        Some(after)
    }

    /// Closes the kept element `name` and any opened inside it; nothing if it is not open,
    /// or was opened outside the current Markdown block (closing it here would break the
    /// nesting of the page).
    fn close(&mut self, name: &str, out: &mut String) {
        let Some(at) = self.open.iter().rposition(|(n, _)| *n == name) else {
            return;
        };
        if !self.in_this_block(self.open[at].1) {
            return;
        }
        for (n, _) in self.open.drain(at..).rev() {
            push_close(out, n);
        }
    }
}

/// Whether the piece of inline HTML `html` is the closing tag of `name`.
fn closes(html: &str, name: &str) -> bool {
    html.strip_prefix("</")
        .and_then(|rest| tag_name(rest))
        .is_some_and(|(n, _)| n == name)
}

fn push_close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// A tag name at the start of `s` (a letter, then anything up to a space, `/` or `>`),
/// lowercased, and the text after it; `None` when `s` starts with no letter.
fn tag_name(s: &str) -> Option<(String, &str)> {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    Some((s[..end].to_ascii_lowercase(), &s[end..]))
}

/// One attribute of a tag, as [`attributes`] reads it.
struct Attribute {
    /// Lowercased.
    name: String,
    /// Character references decoded; `None` for an attribute written without `=`.
    value: Option<String>,
    /// Byte range of the whole attribute (`href="x"`) in the text given to [`attributes`].
    span: Range<usize>,
    /// Byte range of the value as written, inside its quotes if any.
    raw_value: Range<usize>,
}

/// An attribute list: each attribute (see [`Attribute`]), the first of each name only, as in
/// HTML. Returns the text after the tag's `>`; `None` when the tag does not end.
fn attributes(tag: &str) -> Option<(Vec<Attribute>, &str)> {
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut s = tag;
    let at = |rest: &str| tag.len() - rest.len();
    loop {
        s = s.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if let Some(after) = s.strip_prefix('>') {
            return Some((attrs, after));
        }
        if s.is_empty() {
            return None;
        }
        let start = at(s);
        // A name is at least one character, even `=` (HTML's "before attribute name" state).
        let first = s.chars().next().map_or(1, char::len_utf8);
        let end = s[first..]
            .find(|c: char| c.is_ascii_whitespace() || "/>=".contains(c))
            .map_or(s.len(), |i| first + i);
        let name = s[..end].to_ascii_lowercase();
        let after_name = &s[end..];
        s = after_name.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let (value, raw_value) = match s.strip_prefix('=') {
            Some(after) => {
                let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
                let quoted = matches!(after.chars().next(), Some('"' | '\''));
                let (raw, rest) = if quoted {
                    let body = &after[1..];
                    let close = body.find(&after[..1])?;
                    (&body[..close], &body[close + 1..])
                } else {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                };
                let raw_start = at(after) + usize::from(quoted);
                s = rest;
                (
                    Some(decode_references(raw)),
                    raw_start..raw_start + raw.len(),
                )
            }
            None => {
                // Without a value the spaces after the name are not the attribute's.
                s = after_name;
                (None, at(s)..at(s))
            }
        };
        if !attrs.iter().any(|a| a.name == name) {
            attrs.push(Attribute {
                name,
                value,
                span: start..at(s),
                raw_value,
            });
        }
    }
}

/// The text after the element `name` whose start tag ends where `s` begins: after its
/// closing tag; `None` when `s` does not close it.
fn skip_element<'s>(s: &'s str, name: &str) -> Option<&'s str> {
    let lower = s.to_ascii_lowercase();
    let close = format!("</{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&close) {
        let at = from + i + close.len();
        let next = lower[at..].chars().next();
        if next.is_none_or(|c| c.is_ascii_whitespace() || c == '/' || c == '>') {
            return Some(s[at..].find('>').map_or("", |j| &s[at + j + 1..]));
        }
        from = at;
    }
    None
}

/// Decodes the character references of an attribute value: numeric ones (`&#106;`,
/// `&#x6A;`, with or without `;`) and the named ones that can hide a URL's scheme or that
/// authors write (`&colon;`, `&Tab;`, `&NewLine;`, `&amp;`, …). Others are kept as written;
/// since the result is written escaped, the browser then sees them as text, never as
/// something else than what was checked.
fn decode_references(s: &str) -> String {
    const NAMED: [(&str, char); 12] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("colon", ':'),
        ("Tab", '\t'),
        ("NewLine", '\n'),
        ("nbsp", '\u{a0}'),
        ("sol", '/'),
        ("period", '.'),
        ("comma", ','),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        if let Some(num) = rest.strip_prefix('#') {
            let (radix, digits) = match num.strip_prefix(['x', 'X']) {
                Some(hex) => (16, hex),
                None => (10, num),
            };
            let len = digits
                .find(|c: char| !c.is_digit(radix))
                .unwrap_or(digits.len());
            if len > 0 {
                let c = u32::from_str_radix(&digits[..len], radix)
                    .ok()
                    .and_then(char::from_u32)
                    .filter(|c| *c != '\0')
                    .unwrap_or('\u{fffd}');
                out.push(c);
                rest = &digits[len..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else if let Some((name, c)) = NAMED
            .iter()
            .find(|(n, _)| rest.starts_with(n) && rest[n.len()..].starts_with(';'))
        {
            out.push(*c);
            rest = &rest[name.len() + 1..];
            continue;
        }
        out.push('&');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
