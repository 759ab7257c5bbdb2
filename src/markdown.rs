//! Markdown bodies: parsing with pulldown-cmark (CommonMark plus GitHub-style tables,
//! footnotes and strikethrough, heading attributes and smart punctuation), giving headings
//! ids, finding the links to rewrite, and splitting a competency's list into expectations.
//!
//! A body is parsed once into [`Fragment`]s. A fragment none of whose links can point into
//! `content/` is rendered to HTML right away, since that HTML is the same on every page; one
//! with such links keeps its events, so it can be rendered at each page's depth once the
//! ladder stage has resolved its links.

use foldhash::HashSet;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

mod footnotes;
mod scroll_regions;
mod split;
mod text;
use scroll_regions::scroll_regions;
pub use split::{held_after, pasted_bullet, HOLDING, PASTED_BULLETS};
use split::{split_items, take_item_id, Split, Step};
pub use text::{inline_html, is_collapsed, plain};
use text::{is_label, plain_text, plain_text_to, run_together};

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
    /// Index of the `Start(Link)`/`Start(Image)` event in the fragment, or of the raw HTML
    /// event that has the link as an `<a href>`.
    event: usize,
    /// For a link written in raw HTML: the byte range of its `href` value in that event's
    /// HTML, as the HTML policy wrote it (see [`crate::sanitize::link_hrefs`]).
    in_html: Option<Range<usize>>,
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
    /// Whether it holds more than one block (CommonMark §4–5: paragraphs, lists, code
    /// blocks, quotes, tables…) at its top level: an expectation with notes or examples.
    several_blocks: bool,
    /// With several blocks, where the lead ends (see [`Fragment::lead_and_rest`]).
    lead: Option<Lead>,
    /// Links and images whose destination may need rewriting.
    pub links: Vec<Link>,
    /// Byte offset in its file of the fragment's first character (0 when empty).
    pub offset: usize,
    /// For links that point into the site: (index into `links`, root-relative href such as
    /// `levels/senior/#craft`). Set by the ladder stage once every page's address is known.
    pub resolved: Vec<(usize, String)>,
}

/// Buffers reused from one fragment to the next while a body is split into fragments: the
/// HTML and plain text are written here first and copied out at their final length.
#[derive(Default)]
struct Scratch {
    html: String,
    plain: String,
    /// A competency's footnotes, written in its own numbering (see [`footnotes`]).
    footnotes: Option<footnotes::Footnotes>,
}

impl Fragment {
    /// The fragment of `events`, once the HTML policy ([`crate::sanitize`]) is applied,
    /// written through `scratch` (and its footnotes written in their numbering); also gives
    /// back the emptied events' allocation, so a caller making many fragments allocates once
    /// for all.
    fn from_events_with<'a>(
        events: Vec<(Event<'a>, Range<usize>)>,
        base: usize,
        scratch: &mut Scratch,
    ) -> (Fragment, Vec<(Event<'a>, Range<usize>)>) {
        let mut events = crate::sanitize::events(events);
        let mut links = Vec::new();
        let (mut relative, mut scrolls) = (false, false);
        let (mut depth, mut blocks, mut inline_at_top) = (0usize, 0usize, false);
        // The events of the lead, the expectation's own sentence before its notes or list of
        // examples: a first paragraph, up to its end (a loose list's item), or the text
        // before the first block (a tight list's item, whose text is in no paragraph).
        let lead_is_paragraph = matches!(events.first(), Some((Event::Start(Tag::Paragraph), _)));
        let lead_is_text = matches!(events.first(), Some((ev, _)) if !starts_block(ev));
        let mut lead_events = 0;
        for (i, (ev, range)) in events.iter().enumerate() {
            if lead_events == 0 {
                if lead_is_paragraph && depth == 1 && matches!(ev, Event::End(TagEnd::Paragraph)) {
                    lead_events = i + 1;
                } else if lead_is_text && depth == 0 && starts_block(ev) {
                    lead_events = i;
                }
            }
            match ev {
                Event::Start(tag) => {
                    if depth == 0 && is_block(tag) {
                        blocks += 1;
                    } else if depth == 0 {
                        inline_at_top = true;
                    }
                    depth += 1;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::Rule | Event::Html(_) if depth == 0 => blocks += 1,
                _ if depth == 0 => inline_at_top = true,
                _ => {}
            }
            match ev {
                // An email autolink (`<people@example.com>`, CommonMark §6.5) is a `mailto:`
                // link, which pulldown-cmark hands over without its scheme: no path.
                Event::Start(Tag::Link {
                    link_type: LinkType::Email,
                    ..
                }) => {}
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    relative |= crate::links::is_relative_link(dest_url);
                    links.push(Link {
                        event: i,
                        dest: String::from(&**dest_url),
                        offset: base + range.start,
                        in_html: None,
                    });
                }
                // Raw HTML links are resolved and checked as Markdown ones are: a reader
                // cannot tell which way the author wrote a link.
                Event::Html(html) | Event::InlineHtml(html) if html.contains("<a") => {
                    for l in crate::sanitize::link_hrefs(html) {
                        relative |= crate::links::is_relative_link(&l.href);
                        links.push(Link {
                            event: i,
                            dest: l.href,
                            offset: base + range.start,
                            in_html: Some(l.value),
                        });
                    }
                }
                Event::Start(Tag::Table(_) | Tag::CodeBlock(_)) => scrolls = true,
                _ => {}
            }
        }
        let several_blocks = blocks + usize::from(inline_at_top) > 1;
        if let Some(f) = &scratch.footnotes {
            f.rewrite(&mut events);
        }
        scratch.plain.clear();
        // The lead's text and HTML start the fragment's: the same events, written on.
        let lead = (several_blocks && lead_events > 0).then(|| {
            plain_text_to(
                events[..lead_events].iter().map(|e| &e.0),
                &mut scratch.plain,
            );
            let plain = scratch.plain.len();
            let label = is_label(&events[..lead_events], &scratch.plain);
            scratch.plain.clear();
            let mut html = String::new();
            if !relative {
                let lead = events[..lead_events].iter().map(|(e, _)| e.clone());
                pulldown_cmark::html::push_html(&mut html, lead);
            }
            Lead {
                plain,
                events: lead_events,
                html: html.len(),
                label,
            }
        });
        plain_text_to(events.iter().map(|e| &e.0), &mut scratch.plain);
        let mut out = Fragment {
            html: std::sync::Arc::default(),
            events: Vec::new(),
            plain: scratch.plain.as_str().into(),
            empty: events.is_empty(),
            several_blocks,
            lead,
            links,
            offset: events.first().map_or(0, |e| base + e.1.start),
            resolved: Vec::new(),
        };
        if relative {
            out.events = events.drain(..).map(|(e, _)| e.into_static()).collect();
        } else {
            scratch.html.clear();
            let drained = events.drain(..).map(|(e, _)| e);
            if scrolls {
                pulldown_cmark::html::push_html(&mut scratch.html, scroll_regions(drained));
            } else {
                pulldown_cmark::html::push_html(&mut scratch.html, drained);
            }
            out.html = scratch.html.as_str().into();
        }
        (out, events)
    }

    /// True when the fragment has no content at all.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// True when the fragment holds more than one block at its top level, such as an
    /// expectation's text followed by a paragraph of notes or a list of examples.
    pub fn has_several_blocks(&self) -> bool {
        self.several_blocks
    }

    /// For a fragment of several blocks that starts with its own sentence (a paragraph, or
    /// a tight list item's text before its nested list): that sentence's text (the start of
    /// [`Fragment::plain`]) and the HTML of the blocks after it, at `root` (see
    /// [`Fragment::html`]). `None` otherwise. A comparison marks the words of an
    /// expectation's own sentence and shows its notes and examples as they are.
    pub fn lead_and_rest(&self, root: &str) -> Option<(&str, String)> {
        let lead = self.lead.as_ref()?;
        let text = self.plain.get(..lead.plain)?.trim_end();
        let rest = if self.events.is_empty() {
            self.html.get(lead.html..)?.to_string()
        } else {
            let mut html = String::new();
            let events = self.rewritten(root).into_iter().skip(lead.events);
            pulldown_cmark::html::push_html(&mut html, scroll_regions(events));
            html
        };
        Some((text, rest.trim_start_matches('\n').to_string()))
    }

    /// The HTML of the lead [`Fragment::lead_and_rest`] gives the text of, at `root` (see
    /// [`Fragment::html`]). `None` as there.
    pub fn lead_html(&self, root: &str) -> Option<String> {
        let lead = self.lead.as_ref()?;
        if self.events.is_empty() {
            return self.html.get(..lead.html).map(str::to_string);
        }
        let mut html = String::new();
        let events = self.rewritten(root).into_iter().take(lead.events);
        pulldown_cmark::html::push_html(&mut html, scroll_regions(events));
        Some(html)
    }

    /// [`Fragment::html`], borrowed when it is the same at every depth.
    pub fn html_cow(&self, root: &str) -> std::borrow::Cow<'_, str> {
        if self.events.is_empty() {
            return std::borrow::Cow::Borrowed(&self.html);
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            scroll_regions(self.rewritten(root).into_iter()),
        );
        std::borrow::Cow::Owned(html)
    }

    /// The events of a fragment with relative links, each link's destination rewritten to
    /// its site address from a page whose way back to the site root is `root`.
    fn rewritten(&self, root: &str) -> Vec<Event<'static>> {
        let mut events = self.events.clone();
        let mut in_html: Vec<(usize, Range<usize>, String)> = Vec::new();
        for (li, href) in &self.resolved {
            let full: CowStr<'static> = if href.is_empty() && root.is_empty() {
                "./".into()
            } else {
                format!("{root}{href}").into()
            };
            let link = &self.links[*li];
            if let Some(range) = &link.in_html {
                in_html.push((link.event, range.clone(), full.into_string()));
            } else if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) =
                &mut events[link.event]
            {
                *dest_url = full;
            }
        }
        // Each event's HTML written once, its links' new values in place of the old.
        in_html.sort_by_key(|l| (l.0, l.1.start));
        for group in in_html.chunk_by(|a, b| a.0 == b.0) {
            if let Event::Html(html) | Event::InlineHtml(html) = &mut events[group[0].0] {
                let mut new = String::with_capacity(html.len());
                let mut at = 0;
                for (_, range, href) in group {
                    new.push_str(&html[at..range.start]);
                    crate::escape::attribute(&mut new, href);
                    at = range.end;
                }
                new.push_str(&html[at..]);
                *html = new.into();
            }
        }
        events
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

    /// [`Fragment::html`] without paragraph tags, to stand inside an element of a page's own
    /// (a level's summary in a table cell), as [`inline_html`] writes text.
    pub fn inline_html(&self, root: &str) -> String {
        if self.events.is_empty() {
            // No link to rewrite: the HTML made once, its paragraphs run together.
            return self
                .html
                .replace("</p>\n<p>", " ")
                .replace("<p>", "")
                .replace("</p>", "")
                .trim_end()
                .to_string();
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, run_together(self.rewritten(root)));
        html.trim_end().to_string()
    }

    /// The text of the fragment without markup, whitespace collapsed: what a reader reads.
    pub fn plain(&self) -> &str {
        &self.plain
    }

    /// The start of [`Fragment::plain`] that is an expectation's own sentence: for a fragment
    /// of several blocks that starts with one (see [`Fragment::lead_and_rest`]), its text
    /// without the notes or examples after it; else the whole text, as for one that opens
    /// with a label (`**Hygiene**` over the paragraph that says it, see [`is_label`]), which
    /// is no sentence.
    pub fn own_plain(&self) -> &str {
        self.lead
            .as_ref()
            .filter(|lead| !lead.label)
            .and_then(|lead| self.plain.get(..lead.plain))
            .map_or(&self.plain, str::trim_end)
    }

    /// [`Fragment::plain`], shared: the fragment's own text, not a copy.
    pub fn plain_shared(&self) -> std::sync::Arc<str> {
        self.plain.clone()
    }
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
    /// What comes before the first top-level list item, when there is one (a competency's
    /// lead: `At this level you will:`, shown over its expectations).
    pub lead: Fragment,
    /// Everything else that is not a top-level list item (a competency's notes, shown after
    /// its expectations); all of it when there is no list.
    pub notes: Fragment,
    /// Ids given to headings, in order.
    pub heading_ids: Vec<String>,
    /// Plain text of the first top-level paragraph, if any.
    pub first_paragraph: Option<String>,
    /// A competency's definitions of the footnotes its expectations refer to (also in `lead`
    /// or `notes`, where they are written), for pages that show its expectations without
    /// those.
    pub footnotes: Fragment,
}

/// Where the lead of a fragment of several blocks ends (see [`Fragment::lead_and_rest`]).
#[derive(Debug, Clone, Copy)]
struct Lead {
    /// Bytes of [`Fragment::plain`].
    plain: usize,
    /// Events.
    events: usize,
    /// Bytes of [`Fragment::html`] (0 for a fragment kept as events).
    html: usize,
    /// Whether the lead is a label over what follows, not a sentence (see [`is_label`]).
    label: bool,
}

/// Whether `ev` opens a block at the level it is at (see [`is_block`]).
fn starts_block(ev: &Event) -> bool {
    match ev {
        Event::Start(tag) => is_block(tag),
        Event::Rule | Event::Html(_) => true,
        _ => false,
    }
}

/// Whether `tag` opens a block (CommonMark §4–5) rather than inline content.
fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_)
    )
}

/// The events of `text` with their byte ranges, each run of consecutive text events joined
/// into one (its range spanning the run). pulldown-cmark hands over a text event for every
/// `[`, `<` or `*` that opens nothing, so a 4 MB line of `[` is 4 million events; kept apart
/// they cost about 100 bytes each here, and again in every copy made before rendering.
/// Joined text renders, slugs and reads the same.
pub fn events_of(text: &str) -> Vec<(Event<'_>, Range<usize>)> {
    let mut out: Vec<(Event, Range<usize>)> = Vec::new();
    // The text of the last event of `out`, while further text is being joined to it.
    let mut joined: Option<String> = None;
    let finish = |out: &mut Vec<(Event, Range<usize>)>, joined: &mut Option<String>| {
        if let (Some(s), Some(last)) = (joined.take(), out.last_mut()) {
            last.0 = Event::Text(s.into());
        }
    };
    for (ev, range) in Parser::new_ext(text, options()).into_offset_iter() {
        if let (Event::Text(t), Some((Event::Text(last), r))) = (&ev, out.last_mut()) {
            joined.get_or_insert_with(|| last.to_string()).push_str(t);
            r.end = range.end;
            continue;
        }
        finish(&mut out, &mut joined);
        out.push((ev, range));
    }
    finish(&mut out, &mut joined);
    out
}

/// Parses `text`, which starts at byte `base` of its file. Headings without an explicit
/// `{#id}` get a GitHub-style slug of their text, made unique against `taken` and each other.
pub fn parse(text: &str, base: usize, taken: &HashSet<String>) -> Body {
    let mut events = events_of(text);
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

    let mut footnotes = footnotes::Footnotes::of_page();
    for (ev, _) in &events {
        footnotes.see(ev, false);
    }
    footnotes.number_the_rest(events.iter().map(|(e, _)| e));
    let mut scratch = Scratch {
        footnotes: Some(footnotes),
        ..Scratch::default()
    };
    let (items, item_ids, lead, notes) =
        split_items(events.iter().cloned(), base, scratch.footnotes.clone());
    Body {
        items,
        item_ids,
        lead,
        notes,
        whole: Fragment::from_events_with(events, base, &mut scratch).0,
        heading_ids,
        first_paragraph,
        footnotes: Fragment::default(),
    }
}

/// [`parse`] for a competency of `level` in `pillar`, whose body is only ever shown as its
/// expectations and notes: `whole` is left empty and `first_paragraph` unset. Headings get
/// ids as in [`parse`], with no ids taken; footnotes are numbered for the whole competency,
/// their ids naming its cell (see [`footnotes`]).
///
/// The events are taken from pulldown-cmark one at a time, text runs joined as in
/// [`events_of`], and go straight into the expectation they belong to, or the notes; each
/// expectation is made into its [`Fragment`] as soon as it ends. Nothing holds the events of
/// the whole body, and one buffer serves every expectation.
pub fn parse_competency(text: &str, base: usize, (level, pillar): (&str, &str)) -> Body {
    let mut split = Split::default();
    let mut footnotes = footnotes::Footnotes::of_cell(level, pillar);
    // Each expectation is written as soon as it ends, so every footnote is numbered first: a
    // definition inside one may be cited only later, or never.
    if text.contains("[^") {
        let events: Vec<Event> = Parser::new_ext(text, options()).collect();
        for ev in &events {
            footnotes.see(ev, false);
        }
        footnotes.number_the_rest(events.iter());
    }
    let mut scratch = Scratch {
        footnotes: Some(footnotes),
        ..Scratch::default()
    };
    let mut body = Body::default();
    // The current top-level item's events, and the notes'.
    let mut item: Vec<(Event, Range<usize>)> = Vec::new();
    let mut notes: Vec<(Event, Range<usize>)> = Vec::new();
    // The notes before the first item, once it opens.
    let mut lead: Option<Vec<(Event, Range<usize>)>> = None;
    // The text of the last event pushed, while further text is being joined to it.
    let mut joined: Option<String> = None;
    let mut previous_text = false;
    // Where the open heading without an id of its own starts, in the events it is in.
    let mut heading: Option<usize> = None;
    let mut used: HashSet<String> = HashSet::default();
    for (ev, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let events = if split.in_item { &mut item } else { &mut notes };
        if let Event::Text(t) = &ev {
            if let (true, Some((Event::Text(last), r))) = (previous_text, events.last_mut()) {
                joined.get_or_insert_with(|| last.to_string()).push_str(t);
                r.end = range.end;
                continue;
            }
        }
        if let (Some(s), Some(last)) = (joined.take(), events.last_mut()) {
            last.0 = Event::Text(s.into());
        }
        previous_text = matches!(ev, Event::Text(_));
        match &ev {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                used.insert(id.to_string());
                body.heading_ids.push(id.to_string());
            }
            Event::Start(Tag::Heading { id: None, .. }) => heading = Some(events.len()),
            Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_)) => {
                if let Some(f) = &mut scratch.footnotes {
                    f.see(&ev, split.in_item);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(k) = heading.take() {
                    let id = heading_id(&mut events[k..], &mut used);
                    body.heading_ids.push(id);
                }
            }
            _ => {}
        }
        match split.step(&ev) {
            Step::Keep => events.push((ev, range)),
            Step::Skip if split.in_item && lead.is_none() => {
                lead = Some(std::mem::take(&mut notes))
            }
            Step::Skip => {}
            Step::ItemEnds => {
                body.item_ids.push(take_item_id(&mut item));
                let (fragment, emptied) =
                    Fragment::from_events_with(std::mem::take(&mut item), base, &mut scratch);
                body.items.push(fragment);
                item = emptied;
            }
        }
    }
    let events = if split.in_item { &mut item } else { &mut notes };
    if let (Some(s), Some(last)) = (joined.take(), events.last_mut()) {
        last.0 = Event::Text(s.into());
    }
    let outside: [&[(Event, Range<usize>)]; 2] = [lead.as_deref().unwrap_or_default(), &notes];
    let definitions = scratch
        .footnotes
        .as_ref()
        .map(|f| f.definitions(&outside))
        .unwrap_or_default();
    body.footnotes = Fragment::from_events_with(definitions, base, &mut scratch).0;
    body.lead = Fragment::from_events_with(lead.unwrap_or_default(), base, &mut scratch).0;
    body.notes = Fragment::from_events_with(notes, base, &mut scratch).0;
    body
}

/// The slug id of the heading whose events (its start first) are `heading`, made unique
/// against `used`; set on its start event and added to `used`.
fn heading_id(heading: &mut [(Event<'_>, Range<usize>)], used: &mut HashSet<String>) -> String {
    let mut t = String::new();
    for (e, _) in &heading[1..] {
        if let Event::Text(s) | Event::Code(s) = e {
            t.push_str(s);
        }
    }
    let id = unique(slug(&t), used);
    used.insert(id.clone());
    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut heading[0].0 {
        *slot = Some(id.clone().into());
    }
    id
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
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                used.insert(id.to_string());
                heading_ids.push(id.to_string());
            }
            Event::Start(Tag::Heading { id: None, .. }) => {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
                    .map_or(events.len(), |p| i + p);
                heading_ids.push(heading_id(&mut events[i..end], &mut used));
            }
            _ => {}
        }
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

/// `base`, or `base-1`, `base-2`, … the first not in `used`: how a heading's id is made
/// unique on its page.
pub fn unique(base: String, used: &HashSet<String>) -> String {
    if !used.contains(&base) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !used.contains(c))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests;
