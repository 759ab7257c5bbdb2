//! Splitting a body's events into its top-level list items (a competency's expectations),
//! the text before them (its lead) and everything else (its notes), and an item's own
//! `{#id}`.

use super::*;

/// What [`Split::step`] says to do with an event.
pub(super) enum Step {
    /// Keep it, in the current item or the notes.
    Keep,
    /// Drop it: it opens or closes the top-level list or one of its items.
    Skip,
    /// Drop it: it closes a top-level item, whose events are complete.
    ItemEnds,
}

/// Where the events of a body are while it is split into its top-level list items and
/// everything else (see [`split_items`]).
#[derive(Default)]
pub(super) struct Split {
    /// Container depth.
    depth: usize,
    /// Inside a top-level list.
    in_top_list: bool,
    /// Inside one of its items.
    pub(super) in_item: bool,
    /// The depth of the item's list.
    item_depth: usize,
    /// How many `<details>`, `<blockquote>` and `<figure>` elements HTML blocks between the
    /// top-level blocks have opened and not closed: the Markdown after such a block is inside
    /// it (see `sanitize`, as GitHub renders it), so a list there is that element's (a
    /// folded list of examples), not the competency's expectations.
    held: usize,
}

/// The elements an HTML block may leave open around the Markdown after it whose lists are
/// not expectations: folded, quoted or captioned material. A `<div>` or a table may wrap the
/// expectations themselves.
pub const HOLDING: [&str; 3] = ["details", "blockquote", "figure"];

/// The bullets a word processor, a sheet or a chat tool starts a list's lines with. CommonMark
/// reads only `-`, `+`, `*` and `1.`/`1)` as list markers (0.31, 5.2), so lines pasted with
/// these are text: `import` turns them into items, `check` points at them.
pub const PASTED_BULLETS: [char; 5] = ['•', '◦', '▪', '‣', '·'];

/// The pasted bullet (one of [`PASTED_BULLETS`]) `line` opens with, after at most three
/// spaces (as a list marker may be indented, CommonMark 5.2), and the byte length of those
/// spaces; `None` when the line does not open with one followed by a space or a tab.
pub fn pasted_bullet(line: &str) -> Option<(usize, char)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let c = rest.chars().next().filter(|c| PASTED_BULLETS.contains(c))?;
    (indent <= 3 && rest[c.len_utf8()..].starts_with([' ', '\t'])).then_some((indent, c))
}

/// `held` after the HTML `html`: plus the [`HOLDING`] elements it opens (when `opens`), less
/// those it closes. Comments are no tags (`<!-- fold into a <details> -->`). Import reads
/// the lines around a table by the same count (`import::tables::around`).
pub fn held_after(held: usize, html: &str, opens: bool) -> usize {
    let lower = without_comments(&html.to_ascii_lowercase());
    let count = |open: &str| {
        lower
            .match_indices(open)
            .filter(|(i, m)| {
                lower[i + m.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == '>' || c == '/' || c.is_whitespace())
            })
            .count()
    };
    HOLDING.iter().fold(held, |h, name| {
        let opened = if opens { count(&format!("<{name}")) } else { 0 };
        (h + opened).saturating_sub(count(&format!("</{name}")))
    })
}

/// `html` without its comments (`<!-- … -->`, one left open running to the end).
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start + 4..]
            .find("-->")
            .map_or("", |end| &rest[start + 4 + end + 3..]);
    }
    out.push_str(rest);
    out
}

impl Split {
    /// Moves past `ev`, saying where it goes.
    pub(super) fn step(&mut self, ev: &Event<'_>) -> Step {
        match ev {
            Event::Html(html) if !self.in_top_list && self.depth <= 1 => {
                self.held = held_after(self.held, html, true);
            }
            // A closing tag at the end of a paragraph closes the element too, as on GitHub
            // (`Because the ovens depend on it.</details>`); an element opened inside a
            // paragraph ends with it.
            Event::InlineHtml(html) if self.held > 0 && !self.in_top_list => {
                self.held = held_after(self.held, html, false);
            }
            Event::Start(Tag::List(_)) if self.depth == 0 && self.held == 0 => {
                self.in_top_list = true;
                self.depth += 1;
                return Step::Skip;
            }
            Event::End(TagEnd::List(_)) if self.depth == 1 && self.in_top_list && !self.in_item => {
                self.in_top_list = false;
                self.depth -= 1;
                return Step::Skip;
            }
            Event::Start(Tag::Item) if self.depth == 1 && self.in_top_list && !self.in_item => {
                self.in_item = true;
                self.item_depth = self.depth;
                self.depth += 1;
                return Step::Skip;
            }
            Event::End(TagEnd::Item) if self.in_item && self.depth == self.item_depth + 1 => {
                self.depth -= 1;
                self.in_item = false;
                return Step::ItemEnds;
            }
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Step::Keep
    }
}

/// Splits a body's events into its top-level list items and everything else.
pub(super) fn split_items<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    base: usize,
    footnotes: Option<footnotes::Footnotes>,
) -> (Vec<Fragment>, Vec<Option<String>>, Fragment, Fragment) {
    let mut split = Split::default();
    let mut scratch = Scratch {
        footnotes,
        ..Scratch::default()
    };
    let (mut items, mut ids) = (Vec::new(), Vec::new());
    let mut item = Vec::new();
    let (mut lead, mut notes) = (None, Vec::new());
    for (ev, r) in events {
        match split.step(&ev) {
            Step::Keep if split.in_item => item.push((ev, r)),
            Step::Keep => notes.push((ev, r)),
            Step::Skip if split.in_item && lead.is_none() => {
                lead = Some(std::mem::take(&mut notes))
            }
            Step::Skip => {}
            Step::ItemEnds => {
                ids.push(take_item_id(&mut item));
                let (fragment, emptied) =
                    Fragment::from_events_with(std::mem::take(&mut item), base, &mut scratch);
                items.push(fragment);
                item = emptied;
            }
        }
    }
    let lead = Fragment::from_events_with(lead.unwrap_or_default(), base, &mut scratch).0;
    let notes = Fragment::from_events_with(notes, base, &mut scratch).0;
    (items, ids, lead, notes)
}

/// Takes a trailing `{#id}` (an id by the contract's rule: lowercase letters, digits, single
/// hyphens) off the end of an item's first line of text, and returns the id.
pub(super) fn take_item_id(events: &mut [(Event<'_>, Range<usize>)]) -> Option<String> {
    // The item's first line ends at a line break, at the end of its first paragraph or
    // item (an item that opens with a list, `- 1. …`, has its text in that list's first
    // item), or where a nested list starts after some text.
    let mut seen_text = false;
    let end = events
        .iter()
        .position(|(e, _)| match e {
            Event::Text(_) | Event::Code(_) => {
                seen_text = true;
                false
            }
            Event::Start(Tag::List(_)) => seen_text,
            Event::End(TagEnd::Paragraph | TagEnd::Item) | Event::SoftBreak => true,
            _ => false,
        })
        .unwrap_or(events.len());
    let (Event::Text(t), _) = &events[..end].last()? else {
        return None;
    };
    let trimmed = t.trim_end();
    if !trimmed.ends_with('}') {
        return None;
    }
    let open = trimmed.rfind("{#")?;
    let id = trimmed[open..].strip_prefix("{#")?.strip_suffix('}')?;
    if !crate::ids::is_valid_id(id) {
        return None;
    }
    let (id, rest) = (id.to_string(), trimmed[..open].trim_end().to_string());
    let last = end - 1;
    events[last].0 = Event::Text(rest.into());
    Some(id)
}
