//! Markdown bodies: parsing with pulldown-cmark (CommonMark plus GitHub-style tables,
//! footnotes and strikethrough, heading attributes and smart punctuation), giving headings
//! ids, finding the links to rewrite, and splitting a competency's list into expectations.
//!
//! A body is parsed once into [`Fragment`]s. A fragment none of whose links can point into
//! `content/` is rendered to HTML right away, since that HTML is the same on every page; one
//! with such links keeps its events, so it can be rendered at each page's depth once the
//! ladder stage has resolved its links.

use foldhash::HashSet;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The pulldown-cmark extensions ladderbook turns on.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// A link or image destination found in a body, before it is resolved.
#[derive(Debug, Clone)]
pub struct Link {
    /// Index of the `Start(Link)`/`Start(Image)` event in the fragment.
    event: usize,
    /// The destination as written.
    pub dest: String,
    /// Byte offset of the link's source text in the file.
    pub offset: usize,
}

/// Parsed Markdown, ready to render at any depth.
#[derive(Debug, Clone, Default)]
pub struct Fragment {
    /// The HTML, when no link can need rewriting; otherwise empty and `events` kept.
    /// Shared, like `plain`, so that a fragment `serve` keeps is cheap to hand to the next
    /// rebuild.
    html: std::sync::Arc<str>,
    /// The events, for a fragment with relative links (see [`crate::links::is_relative_link`]).
    events: Vec<Event<'static>>,
    /// The text without markup, whitespace collapsed.
    plain: std::sync::Arc<str>,
    /// Whether the fragment has any content at all.
    empty: bool,
    /// Links and images whose destination may need rewriting.
    pub links: Vec<Link>,
    /// Byte offset in its file of the fragment's first character (0 when empty).
    pub offset: usize,
    /// For links that point into the site: (index into `links`, root-relative href such as
    /// `levels/senior/#craft`). Set by the ladder stage once every page's address is known.
    pub resolved: Vec<(usize, String)>,
}

impl Fragment {
    /// The fragment of `events`, once the HTML policy ([`crate::sanitize`]) is applied.
    fn from_events(events: Vec<(Event<'_>, Range<usize>)>, base: usize) -> Fragment {
        let events = crate::sanitize::events(events);
        let mut out = Fragment {
            offset: events.first().map_or(0, |e| base + e.1.start),
            empty: events.is_empty(),
            ..Fragment::default()
        };
        for (i, (ev, range)) in events.iter().enumerate() {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = ev {
                out.links.push(Link {
                    event: i,
                    dest: dest_url.to_string(),
                    offset: base + range.start,
                });
            }
        }
        out.plain = plain_text(events.iter().map(|e| &e.0)).into();
        if out
            .links
            .iter()
            .any(|l| crate::links::is_relative_link(&l.dest))
        {
            out.events = events.into_iter().map(|(e, _)| e.into_static()).collect();
        } else {
            let mut html = String::new();
            if events
                .iter()
                .any(|(e, _)| matches!(e, Event::Start(Tag::Table(_))))
            {
                pulldown_cmark::html::push_html(
                    &mut html,
                    wrap_tables(events.into_iter().map(|(e, _)| e)),
                );
            } else {
                pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
            }
            out.html = html.into();
        }
        out
    }

    /// True when the fragment has no content at all.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// [`Fragment::html`], borrowed when it is the same at every depth.
    pub fn html_cow(&self, root: &str) -> std::borrow::Cow<'_, str> {
        if self.events.is_empty() {
            return std::borrow::Cow::Borrowed(&self.html);
        }
        let mut html = String::new();
        let mut events = self.events.clone();
        for (li, href) in &self.resolved {
            let full: CowStr<'static> = if href.is_empty() && root.is_empty() {
                "./".into()
            } else {
                format!("{root}{href}").into()
            };
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) =
                &mut events[self.links[*li].event]
            {
                *dest_url = full;
            }
        }
        pulldown_cmark::html::push_html(&mut html, wrap_tables(events.into_iter()));
        std::borrow::Cow::Owned(html)
    }

    /// [`Fragment::html`], appended to `out`.
    pub fn html_to(&self, root: &str, out: &mut String) {
        out.push_str(&self.html_cow(root));
    }

    /// HTML for a page whose path from the site root is undone by `root` (`""` at the root,
    /// `"../../"` for `levels/senior/`). Resolved links become `root + href`. Tables are
    /// wrapped in a box that scrolls sideways on its own (and can be reached by keyboard), so
    /// a wide table never widens the page.
    pub fn html(&self, root: &str) -> String {
        self.html_cow(root).into_owned()
    }

    /// The text of the fragment without markup, whitespace collapsed: what a reader reads.
    pub fn plain(&self) -> &str {
        &self.plain
    }
}

/// The text of events without markup, whitespace collapsed.
fn plain_text<'e>(events: impl Iterator<Item = &'e Event<'e>> + Clone) -> String {
    // At most the text's own length, plus a space for each break.
    let capacity = events
        .clone()
        .map(|e| match e {
            Event::Text(t) | Event::Code(t) => t.len() + 1,
            _ => 1,
        })
        .sum();
    let mut s = String::with_capacity(capacity);
    // Whether a space is owed before the next word.
    let mut space = false;
    let mut push = |s: &mut String, text: &str| {
        // Most text is already collapsed: printable ASCII with single spaces between words.
        // Its words joined by single spaces are the text itself, trimmed, pushed whole.
        let mut previous = b'x';
        let collapsed = text.bytes().all(|b| {
            let ok = b.is_ascii_graphic() || (b == b' ' && previous != b' ');
            previous = b;
            ok
        });
        let words: &mut dyn Iterator<Item = &str> = if collapsed {
            &mut std::iter::once(text.trim_matches(' ')).filter(|w| !w.is_empty())
        } else {
            &mut text.split_whitespace()
        };
        for (i, word) in words.enumerate() {
            if (i > 0 || space || text.starts_with(char::is_whitespace)) && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            s.push_str(word);
        }
        if text.ends_with(char::is_whitespace) {
            space = true;
        }
    };
    for ev in events {
        match ev {
            Event::Text(t) | Event::Code(t) => push(&mut s, t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::Start(Tag::Item)
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => {
                push(&mut s, " ")
            }
            _ => {}
        }
    }
    s
}

/// Puts each table inside `<div class="scroll-box" role="region" aria-label="Table"
/// tabindex="0">`: a scrollable region must be focusable to be usable by keyboard (WCAG 2.1
/// SC 2.1.1), and a region needs a name.
fn wrap_tables<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    events.flat_map(|e| {
        let (before, after) = match &e {
            Event::Start(Tag::Table(_)) => (
                Some(Event::Html(
                    r#"<div class="scroll-box" role="region" aria-label="Table" tabindex="0">"#
                        .into(),
                )),
                None,
            ),
            Event::End(TagEnd::Table) => (None, Some(Event::Html("</div>\n".into()))),
            _ => (None, None),
        };
        before.into_iter().chain(std::iter::once(e)).chain(after)
    })
}

/// A body parsed into its parts.
#[derive(Debug, Default, Clone)]
pub struct Body {
    /// The whole body (for descriptions and free pages).
    pub whole: Fragment,
    /// Every top-level list item, in order (for competencies).
    pub items: Vec<Fragment>,
    /// Each item's own id, where its first line ends with `{#id}` (the heading-attribute
    /// form, taken off the text): an extra anchor for the expectation that its author keeps.
    pub item_ids: Vec<Option<String>>,
    /// Everything that is not a top-level list item (a competency's notes).
    pub notes: Fragment,
    /// Ids given to headings, in order.
    pub heading_ids: Vec<String>,
    /// Plain text of the first top-level paragraph, if any.
    pub first_paragraph: Option<String>,
}

/// Parses `text`, which starts at byte `base` of its file. Headings without an explicit
/// `{#id}` get a GitHub-style slug of their text, made unique against `taken` and each other.
pub fn parse(text: &str, base: usize, taken: &HashSet<String>) -> Body {
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    let heading_ids = name_headings(&mut events, taken);

    // First top-level paragraph, for a default summary.
    let mut first_paragraph = None;
    let mut depth = 0usize;
    for (k, (ev, _)) in events.iter().enumerate() {
        match ev {
            Event::Start(Tag::Paragraph) if depth == 0 => {
                let end = events[k..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::Paragraph)))
                    .map_or(events.len(), |p| k + p);
                first_paragraph = Some(plain_text(events[k..end].iter().map(|(e, _)| e)));
                break;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }

    let (items, item_ids, notes) = split_items(events.iter().cloned(), base);
    Body {
        items,
        item_ids,
        notes,
        whole: Fragment::from_events(events, base),
        heading_ids,
        first_paragraph,
    }
}

/// [`parse`] for a competency, whose body is only ever shown as its expectations and notes:
/// `whole` is left empty and `first_paragraph` unset, and each event is moved, not copied.
/// Headings get ids as in [`parse`], with no ids taken.
pub fn parse_competency(text: &str, base: usize) -> Body {
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    let heading_ids = name_headings(&mut events, &HashSet::default());
    let (items, item_ids, notes) = split_items(events.into_iter(), base);
    Body {
        items,
        item_ids,
        notes,
        heading_ids,
        ..Body::default()
    }
}

/// Splits a body's events into its top-level list items and everything else.
fn split_items<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    base: usize,
) -> (Vec<Fragment>, Vec<Option<String>>, Fragment) {
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let mut depth = 0usize; // container depth
    let mut in_top_list = false;
    let mut current: Option<Vec<(Event<'a>, Range<usize>)>> = None;
    let mut item_depth = 0usize;
    for (ev, r) in events {
        match &ev {
            Event::Start(Tag::List(_)) if depth == 0 => {
                in_top_list = true;
                depth += 1;
                continue;
            }
            Event::End(TagEnd::List(_)) if depth == 1 && in_top_list && current.is_none() => {
                in_top_list = false;
                depth -= 1;
                continue;
            }
            Event::Start(Tag::Item) if depth == 1 && in_top_list && current.is_none() => {
                current = Some(Vec::new());
                item_depth = depth;
                depth += 1;
                continue;
            }
            Event::End(TagEnd::Item) if current.is_some() && depth == item_depth + 1 => {
                depth -= 1;
                items.push(current.take().unwrap_or_default());
                continue;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match current.as_mut() {
            Some(c) => c.push((ev, r)),
            None => notes.push((ev, r)),
        }
    }

    let mut ids = Vec::with_capacity(items.len());
    let items = items
        .into_iter()
        .map(|mut e| {
            ids.push(take_item_id(&mut e));
            Fragment::from_events(e, base)
        })
        .collect();
    (items, ids, Fragment::from_events(notes, base))
}

/// Takes a trailing `{#id}` (an id by the contract's rule: lowercase letters, digits, single
/// hyphens) off the end of an item's first line of text, and returns the id.
fn take_item_id(events: &mut [(Event<'_>, Range<usize>)]) -> Option<String> {
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

/// Gives every heading an id: its own `{#id}`, or a slug of its text made unique against
/// `taken` and the other headings. Returns the ids in order.
fn name_headings(events: &mut [(Event<'_>, Range<usize>)], taken: &HashSet<String>) -> Vec<String> {
    let mut heading_ids = Vec::new();
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(Tag::Heading { .. })))
    {
        return heading_ids;
    }
    let mut used: HashSet<String> = taken.clone();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i].0 {
            let explicit = id.as_ref().map(|s| s.to_string());
            let id_text = match explicit {
                Some(s) => s,
                None => {
                    let mut t = String::new();
                    let mut j = i + 1;
                    while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_)))
                    {
                        if let Event::Text(s) | Event::Code(s) = &events[j].0 {
                            t.push_str(s);
                        }
                        j += 1;
                    }
                    unique(slug(&t), &mut used)
                }
            };
            used.insert(id_text.clone());
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                *id = Some(id_text.clone().into());
            }
            heading_ids.push(id_text);
        }
        i += 1;
    }

    heading_ids
}

/// A GitHub-style heading slug: lowercase, letters, digits, `-` and `_` kept, spaces turned
/// into `-`, everything else dropped (`"Reading a level page!"` → `reading-a-level-page`).
pub fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            s.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            s.push('-');
        }
    }
    if s.is_empty() {
        s.push_str("section");
    }
    s
}

fn unique(base: String, used: &mut HashSet<String>) -> String {
    if !used.contains(&base) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !used.contains(c))
        .unwrap_or(base)
}

/// Renders a one-line Markdown string (a summary) to inline HTML without a `<p>` wrapper,
/// under the same HTML policy as bodies ([`crate::sanitize`]).
pub fn inline_html(text: &str) -> String {
    let mut html = String::new();
    let events = crate::sanitize::events(
        Parser::new_ext(text, options())
            .into_offset_iter()
            .collect(),
    );
    let events = events.into_iter().map(|(e, _)| e).filter(|e| {
        !matches!(
            e,
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
        )
    });
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_the_words_with_single_spaces_however_the_text_is_split() {
        // The text is the words of every text run, one space between runs that are spaced
        // apart (in the text, or by a break or an item); checked against the text itself on
        // pseudo-random runs of ASCII, Unicode and whitespace.
        let pieces = ["a", "Bc", " ", "  ", "\n", "\t", "\u{a0}", "é", "x.", "—"];
        let mut random = crate::compare::tests::xorshift(0x1234_5678_9abc_def1);
        let mut next = |m: u64| random(m) as usize;
        for _ in 0..3000 {
            let runs: Vec<String> = (0..1 + next(5))
                .map(|_| (0..next(7)).map(|_| pieces[next(10)]).collect())
                .collect();
            let events: Vec<Event> = runs
                .iter()
                .enumerate()
                .flat_map(|(i, r)| {
                    let brk = (i % 3 == 2).then_some(Event::SoftBreak);
                    brk.into_iter().chain([Event::Text(r.as_str().into())])
                })
                .collect();
            // What a reader sees: the runs joined as written (a break is a space), each run
            // of whitespace one space, trimmed.
            let joined: String = events
                .iter()
                .map(|e| match e {
                    Event::Text(t) => t.to_string(),
                    _ => " ".to_string(),
                })
                .collect();
            let expected = joined.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(plain_text(events.iter()), expected, "{runs:?}");
        }
    }

    #[test]
    fn an_expectation_ending_in_an_id_keeps_it_apart_from_its_text() {
        let b = parse_competency(
            "- Runs the on-call rotation. {#on-call}\n- Writes *tests* {#Bad}\n- Plans work {#plan}\n  - with the team\n- 1. Starts with a number {#numbered}\n",
            0,
        );
        assert_eq!(
            b.item_ids,
            vec![
                Some("on-call".to_string()),
                None,
                Some("plan".to_string()),
                Some("numbered".to_string())
            ]
        );
        assert_eq!(b.items[0].plain(), "Runs the on-call rotation.");
        assert!(!b.items[0].html("").contains("{#"));
        assert_eq!(b.items[1].plain(), "Writes tests {#Bad}");
        assert!(b.items[2].html("").contains("<li>with the team</li>"));
    }

    #[test]
    fn top_level_items_are_expectations_and_the_rest_are_notes() {
        let b = parse(
            "Intro.\n\n- One\n  - nested\n- Two [x](a.md)\n\nAfter.\n",
            100,
            &HashSet::default(),
        );
        assert_eq!(b.items.len(), 2);
        assert_eq!(b.items[0].plain(), "One nested");
        assert!(b.items[0].html("").contains("<li>nested</li>"));
        assert_eq!(b.items[1].links[0].dest, "a.md");
        assert_eq!(b.notes.plain(), "Intro. After.");
        assert_eq!(b.first_paragraph.as_deref(), Some("Intro."));
    }

    #[test]
    fn headings_get_unique_slugs() {
        let taken: HashSet<String> = ["craft".to_string()].into_iter().collect();
        let b = parse(
            "# Craft\n\n## Reading a level page!\n\n## Other {#own}\n",
            0,
            &taken,
        );
        assert_eq!(b.heading_ids, ["craft-1", "reading-a-level-page", "own"]);
        assert!(b
            .whole
            .html("")
            .contains("<h2 id=\"reading-a-level-page\">"));
    }

    #[test]
    fn resolved_links_are_prefixed_with_the_root() {
        let mut b = parse("[a](levels/x.md)", 0, &HashSet::default());
        b.whole.resolved.push((0, "levels/x/".into()));
        assert!(b.whole.html("../../").contains("href=\"../../levels/x/\""));
    }
}
