//! One-document Markdown ladders, recognised by their structure rather than by heading names.
//!
//! The document is parsed (pulldown-cmark, with ladderbook's own options) into top-level
//! blocks with their byte ranges, and the blocks into a tree of sections by heading. A section
//! can hold pillars in four shapes:
//!
//! - **headings**: its sub-sections are pillars (`## Level` / `### Pillar` / `- item`);
//! - **numbered bold items**: a list whose items are a bold pillar name with the expectations
//!   nested under it (`1. **Communication**` / `   - item`);
//! - **bold labels**: paragraphs that start with a bold label and a colon
//!   (`**Communication:**`), each followed by a paragraph or a list;
//! - **labelled bullets**: a list whose every bullet starts with a bold label
//!   (`* **Adopts**: …`), where the label is a pillar, or a word that another section defines
//!   under a pillar heading (a glossary), or only tells the bullet's position.
//!
//! The levels are the sections of one heading depth that hold pillars of one shape and share
//! pillar names (or labels) with each other: a closing FAQ or a table of contents at the same
//! depth shares none, so it is not a level. A document with no such depth is a single level
//! when its first heading holds at least two pillars. Everything that is not a level or pillar
//! is kept: text before the first level describes the track, text in a level before its pillars
//! describes the level, and other sections become free pages.
//!
//! Text is copied from the source, never re-rendered: a list item keeps its source (nested
//! items, links, emphasis, raw HTML and escapes), only its marker becomes `-`.

use super::ids::{self, parse_level_title, LevelTitle};
use super::model::{
    Anchor, Cell, CellBlock, FileRef, GuessKind, Labeled, Ladder, Level, Md, Page, Target, Track,
};
use super::source::SourceDoc;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    /// The bold text the item starts with.
    label: Option<String>,
    /// The label is followed by (or ends with) a colon.
    colon: bool,
    /// The first paragraph holds only the label.
    only: bool,
    /// Offset of the text after the label (and colon).
    rest: usize,
    /// Items of lists nested directly in this item.
    nested: Vec<(usize, usize)>,
    /// Start and end of each nested list.
    nested_lists: Vec<(usize, usize)>,
    /// End of the first paragraph.
    first_end: usize,
}

#[derive(Debug, Clone)]
enum Kind {
    Heading {
        level: u8,
        text: String,
        id: Option<String>,
    },
    List {
        items: Vec<Item>,
    },
    Para {
        label: Option<String>,
        colon: bool,
        only: bool,
        rest: usize,
    },
    Html,
    Rule,
    Other,
}

#[derive(Debug, Clone)]
struct Block {
    kind: Kind,
    start: usize,
    end: usize,
    /// Inside (or opening or closing) a raw HTML container such as `<details>`.
    region: bool,
}

#[derive(Debug, Clone)]
struct Sec {
    heading: Option<usize>,
    level: u8,
    parent: Option<usize>,
    children: Vec<usize>,
    own: Vec<usize>,
    /// Index of the first block after the section (exclusive end of its subtree).
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    Headings,
    Numbered(usize),
    Labels,
    Bullets(usize),
}

impl Shape {
    fn kind(self) -> u8 {
        match self {
            Shape::Headings => 0,
            Shape::Numbered(_) => 1,
            Shape::Labels => 2,
            Shape::Bullets(_) => 3,
        }
    }
}

/// What one Markdown document turned out to be.
#[derive(Debug)]
pub enum Outcome {
    /// A ladder: one track, or one per track heading, and the sections that are not levels.
    Ladder {
        /// The tracks.
        tracks: Vec<Track>,
        /// Free pages from sections that are not levels.
        pages: Vec<Page>,
        /// The document's title.
        title: String,
    },
    /// A document that is one level (its first heading), with its pillars.
    Level {
        /// The level.
        level: Level,
        /// Free pages from other top sections.
        pages: Vec<Page>,
        /// The document's title.
        title: String,
        /// How the document was read, for the summary when it is imported alone.
        how: String,
    },
    /// No levels: the document is kept as a free page.
    Page {
        /// The page.
        page: Page,
        /// The first heading read as a level title, for folders of one file per level.
        heading: Option<LevelTitle>,
    },
}

/// The parsed document.
struct Doc<'a> {
    src: &'a SourceDoc,
    index: usize,
    blocks: Vec<Block>,
    secs: Vec<Sec>,
    /// GitHub-style anchor of each heading block.
    slugs: HashMap<usize, String>,
}

/// The labels a list defines under a heading (`## Technology` / `1. **Adopts**: …`), from
/// sections that are not levels: a glossary for labelled bullets elsewhere.
fn glossary_of(d: &Doc, secs: &[usize], out: &mut Vec<(String, String, super::source::Loc)>) {
    for &s in secs {
        let Some(h) = d.secs[s].heading else { continue };
        let Kind::Heading { text, .. } = &d.blocks[h].kind else {
            continue;
        };
        for &b in &d.secs[s].own {
            if let Kind::List { items } = &d.blocks[b].kind {
                if items.len() >= 2 && items.iter().all(|i| i.label.is_some() && i.colon) {
                    for i in items {
                        if let Some(l) = &i.label {
                            out.push((
                                ids::title_key(l),
                                ids::clean_title(text),
                                d.src.loc(i.start),
                            ));
                        }
                    }
                }
            }
        }
    }
}

/// Reads the Markdown of `ladder.docs[index]` from byte `base` (after any front-matter).
/// `title` is a title the front-matter gives.
pub fn parse(ladder: &mut Ladder, index: usize, base: usize, title: Option<String>) -> Outcome {
    let src = ladder.docs[index].clone();
    let blocks = parse_blocks(&src.text, base);
    let d = build_doc(&src, index, blocks);
    let first_heading = d
        .blocks
        .iter()
        .position(|b| matches!(b.kind, Kind::Heading { .. }));
    let heading_text = |b: usize| match &d.blocks[b].kind {
        Kind::Heading { text, .. } => text.clone(),
        _ => String::new(),
    };
    let doc_title = title
        .clone()
        .map(|t| ids::clean_title(&t))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            first_heading
                .map(|h| ids::clean_title(&heading_text(h)))
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_else(|| src.stem().to_string());

    // Levels at one depth.
    if let Some(levels) = find_levels(&d) {
        return ladder_outcome(ladder, &d, &levels, &doc_title);
    }
    // One level: the first heading, or else the only section under it that holds pillars (a
    // document titled by its first heading).
    if let Some(h) = first_heading {
        if let Some(top) = d.secs.iter().position(|s| s.heading == Some(h)) {
            let min_level = d
                .secs
                .iter()
                .filter(|s| s.heading.is_some())
                .map(|s| s.level)
                .min()
                .unwrap_or(1);
            if d.secs[top].level == min_level {
                if single_level_shape(&d, top).is_some() {
                    return single_level_outcome(ladder, &d, top, &doc_title, true);
                }
                let inner: Vec<usize> = d.secs[top]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| single_level_shape(&d, c).is_some())
                    .collect();
                if inner.len() == 1 {
                    return single_level_outcome(ladder, &d, inner[0], &doc_title, false);
                }
            }
        }
    }
    // No levels.
    let uid = ladder.uid();
    let (page_title, body_start, heading) = match first_heading {
        Some(h) if d.blocks[..h].iter().all(|b| matches!(b.kind, Kind::Rule)) => {
            let t = heading_text(h);
            (
                ids::clean_title(&t),
                after_line(&src.text, d.blocks[h].end),
                Some(parse_level_title(&t)),
            )
        }
        _ => (doc_title.clone(), base, None),
    };
    let body = span(&src, index, body_start, src.text.len());
    let mut glossary = Vec::new();
    let all: Vec<usize> = (1..d.secs.len()).collect();
    glossary_of(&d, &all, &mut glossary);
    ladder.glossary.extend(glossary);
    for (b, slug) in &d.slugs {
        let anchor = if Some(*b) == first_heading && heading.is_some() {
            Anchor::None
        } else {
            Anchor::Slug(out_slug(&d, *b))
        };
        ladder.heading_targets.insert(
            (index, slug.clone()),
            Target {
                file: FileRef::Page(uid),
                anchor,
            },
        );
    }
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Page(uid),
            anchor: Anchor::None,
        },
    );
    Outcome::Page {
        page: Page {
            uid,
            title: if page_title.is_empty() {
                doc_title.clone()
            } else {
                page_title
            },
            body: body.into_iter().collect(),
            at: src.loc(base),
            doc_title,
            final_id: String::new(),
        },
        heading,
    }
}

// ---------------------------------------------------------------------------------------
// Parsing into blocks and sections.

fn parse_blocks(text: &str, base: usize) -> Vec<Block> {
    let body = &text[base..];
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    let mut cur: Option<Block> = None;
    let mut heading_text = String::new();
    // Nesting inside the current list: (depth at which the nested list started).
    let mut nested_list_depth: Option<usize> = None;
    for (ev, r) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        let (s, e) = (r.start + base, r.end + base);
        match &ev {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { level, id, .. } => {
                            heading_text.clear();
                            Kind::Heading {
                                level: *level as u8,
                                text: String::new(),
                                id: id.as_ref().map(|i| i.to_string()),
                            }
                        }
                        Tag::List(_) => Kind::List { items: Vec::new() },
                        Tag::Paragraph => {
                            let (label, colon, only, rest) = label_at(text, s, e);
                            Kind::Para {
                                label,
                                colon,
                                only,
                                rest,
                            }
                        }
                        Tag::HtmlBlock => Kind::Html,
                        _ => Kind::Other,
                    };
                    cur = Some(Block {
                        kind,
                        start: s,
                        end: e,
                        region: false,
                    });
                } else if let Some(Block {
                    kind: Kind::List { items },
                    ..
                }) = cur.as_mut()
                {
                    match tag {
                        Tag::Item if depth == 1 => items.push(Item {
                            start: s,
                            end: e,
                            label: None,
                            colon: false,
                            only: false,
                            rest: s,
                            nested: Vec::new(),
                            nested_lists: Vec::new(),
                            first_end: e,
                        }),
                        Tag::List(_) if depth == 2 => {
                            nested_list_depth = Some(depth);
                            if let Some(it) = items.last_mut() {
                                it.nested_lists.push((s, e));
                            }
                        }
                        Tag::Item if depth == 3 && nested_list_depth == Some(2) => {
                            if let Some(it) = items.last_mut() {
                                it.nested.push((s, e));
                            }
                        }
                        _ => {}
                    }
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 2 && matches!(tag, TagEnd::List(_)) {
                    nested_list_depth = None;
                }
                if depth == 0 {
                    if let Some(mut b) = cur.take() {
                        if let Kind::Heading { text, .. } = &mut b.kind {
                            *text = heading_text.trim().to_string();
                        }
                        out.push(b);
                    }
                }
            }
            Event::Rule if depth == 0 => out.push(Block {
                kind: Kind::Rule,
                start: s,
                end: e,
                region: false,
            }),
            Event::Text(t) | Event::Code(t) if depth > 0 => {
                if matches!(
                    cur,
                    Some(Block {
                        kind: Kind::Heading { .. },
                        ..
                    })
                ) {
                    heading_text.push_str(t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) if depth == 0 => out.push(Block {
                kind: Kind::Html,
                start: s,
                end: e,
                region: false,
            }),
            _ => {}
        }
    }
    // Labels and first paragraphs of list items, from the source text.
    for b in &mut out {
        if let Kind::List { items } = &mut b.kind {
            for it in items.iter_mut() {
                let content = skip_marker(text, it.start);
                let first_block_end = it
                    .nested_lists
                    .first()
                    .map_or(it.end, |l| line_start(text, l.0))
                    .max(content)
                    .min(it.end.max(content));
                let para_end = text[content..first_block_end]
                    .find("\n\n")
                    .map_or(first_block_end, |p| content + p);
                it.first_end = para_end.min(it.end);
                let (label, colon, only, rest) = label_at(text, content, it.first_end);
                it.label = label;
                it.colon = colon;
                it.only = only;
                it.rest = rest;
            }
        }
    }
    // Raw HTML containers (`<details>` … `</details>`) whose inside is Markdown.
    let mut open = 0i64;
    for b in &mut out {
        if matches!(b.kind, Kind::Heading { .. }) {
            open = 0;
            continue;
        }
        let was_open = open > 0;
        if matches!(b.kind, Kind::Html) {
            let lower = text[b.start..b.end].to_ascii_lowercase();
            for tag in ["details", "div", "section", "aside", "figure"] {
                open += count_tag(&lower, &format!("<{tag}")) as i64;
                open -= count_tag(&lower, &format!("</{tag}")) as i64;
            }
            if open < 0 {
                open = 0;
            }
            if was_open || open > 0 {
                b.region = true;
            }
        } else if was_open {
            b.region = true;
        }
    }
    out
}

fn count_tag(lower: &str, pat: &str) -> usize {
    lower
        .match_indices(pat)
        .filter(|(i, _)| {
            lower[i + pat.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c.is_whitespace() || c == '/')
        })
        .count()
}

/// The offset of an item's content: after its marker and the spaces that follow.
fn skip_marker(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    if i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b'*') {
        i += 1;
    } else {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i < bytes.len() && matches!(bytes[i], b'.' | b')') {
            i += 1;
        }
    }
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    i
}

/// A bold label at `start` (`**Label**:`, `**Label:**`, `__Label__`): its text, whether a
/// colon follows it, whether nothing else follows it before `end`, and where the rest starts.
fn label_at(text: &str, start: usize, end: usize) -> (Option<String>, bool, bool, usize) {
    let none = (None, false, false, start);
    let end = end.min(text.len());
    if start >= end {
        return none;
    }
    let s = &text[start..end];
    let delim = if s.starts_with("**") {
        "**"
    } else if s.starts_with("__") {
        "__"
    } else {
        return none;
    };
    let inner = &s[2..];
    let Some(close) = inner.find(delim) else {
        return none;
    };
    let label = inner[..close].trim();
    // A label is short: a bold sentence running over lines is emphasis, not a label.
    if label.is_empty() || label.lines().count() > 2 {
        return none;
    }
    let mut rest = start + 2 + close + 2;
    let mut colon = label.ends_with(':');
    let after = &text[rest..end.min(text.len())];
    let trimmed = after.trim_start_matches([' ', '\t']);
    if let Some(t) = trimmed.strip_prefix(':') {
        colon = true;
        rest += after.len() - t.len();
    }
    let tail = &text[rest..end.min(text.len())];
    let lead = tail.len() - tail.trim_start().len();
    rest += lead;
    let only = text[rest..end.min(text.len())].trim().is_empty();
    let label = label.trim_end_matches(':').trim().to_string();
    (Some(label), colon, only, rest)
}

fn build_doc<'a>(src: &'a SourceDoc, index: usize, blocks: Vec<Block>) -> Doc<'a> {
    let mut secs = vec![Sec {
        heading: None,
        level: 0,
        parent: None,
        children: Vec::new(),
        own: Vec::new(),
        end: blocks.len(),
    }];
    let mut stack = vec![0usize];
    let mut slugs = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Kind::Heading { level, text, id } = &b.kind {
            while stack.len() > 1 && secs[*stack.last().unwrap_or(&0)].level >= *level {
                stack.pop();
            }
            let parent = *stack.last().unwrap_or(&0);
            let s = secs.len();
            secs.push(Sec {
                heading: Some(i),
                level: *level,
                parent: Some(parent),
                children: Vec::new(),
                own: Vec::new(),
                end: blocks.len(),
            });
            secs[parent].children.push(s);
            stack.push(s);
            let base = id.clone().unwrap_or_else(|| crate::markdown::slug(text));
            let n = seen.entry(base.clone()).or_insert(0);
            let slug = if *n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            *n += 1;
            slugs.insert(i, slug);
        } else {
            let top = *stack.last().unwrap_or(&0);
            secs[top].own.push(i);
        }
    }
    // Ends: the next heading of the same or a higher rank.
    for sec in secs.iter_mut().skip(1) {
        let Some(h) = sec.heading else { continue };
        let level = sec.level;
        sec.end = (h + 1..blocks.len())
            .find(|&j| matches!(blocks[j].kind, Kind::Heading { level: l, .. } if l <= level))
            .unwrap_or(blocks.len());
    }
    Doc {
        src,
        index,
        blocks,
        secs,
        slugs,
    }
}

// ---------------------------------------------------------------------------------------
// Finding the levels.

fn heading_text(d: &Doc, s: usize) -> String {
    match d.secs[s].heading.map(|h| &d.blocks[h].kind) {
        Some(Kind::Heading { text, .. }) => text.clone(),
        _ => String::new(),
    }
}

/// The section's own top-level lists outside raw HTML.
fn has_list(d: &Doc, s: usize) -> bool {
    d.secs[s]
        .own
        .iter()
        .any(|&b| !d.blocks[b].region && matches!(d.blocks[b].kind, Kind::List { .. }))
}

fn has_text(d: &Doc, s: usize) -> bool {
    d.secs[s]
        .own
        .iter()
        .any(|&b| matches!(d.blocks[b].kind, Kind::List { .. } | Kind::Para { .. }))
}

/// How section `s` holds pillars, if it does.
fn shape(d: &Doc, s: usize) -> Option<Shape> {
    let sec = &d.secs[s];
    if !sec.children.is_empty() && sec.children.iter().any(|&c| has_text(d, c)) {
        return Some(Shape::Headings);
    }
    for &b in &sec.own {
        if d.blocks[b].region {
            continue;
        }
        if let Kind::List { items } = &d.blocks[b].kind {
            if !items.is_empty()
                && items
                    .iter()
                    .all(|i| i.label.is_some() && i.only && !i.nested.is_empty())
            {
                return Some(Shape::Numbered(b));
            }
        }
    }
    if sec.own.iter().any(|&b| {
        matches!(
            d.blocks[b].kind,
            Kind::Para {
                label: Some(_),
                colon: true,
                ..
            }
        )
    }) {
        return Some(Shape::Labels);
    }
    for &b in &sec.own {
        if d.blocks[b].region {
            continue;
        }
        if let Kind::List { items } = &d.blocks[b].kind {
            if items.len() >= 2 && items.iter().all(|i| i.label.is_some() && i.colon) {
                return Some(Shape::Bullets(b));
            }
        }
    }
    None
}

/// The pillar names (or labels) of a section in a shape.
fn keys(d: &Doc, s: usize, sh: Shape) -> Vec<String> {
    match sh {
        Shape::Headings => d.secs[s]
            .children
            .iter()
            .map(|&c| ids::title_key(&heading_text(d, c)))
            .collect(),
        Shape::Numbered(b) | Shape::Bullets(b) => match &d.blocks[b].kind {
            Kind::List { items } => items
                .iter()
                .filter_map(|i| i.label.as_deref().map(ids::title_key))
                .collect(),
            _ => Vec::new(),
        },
        Shape::Labels => d.secs[s]
            .own
            .iter()
            .filter_map(|&b| match &d.blocks[b].kind {
                Kind::Para {
                    label: Some(l),
                    colon: true,
                    ..
                } => Some(ids::title_key(l)),
                _ => None,
            })
            .collect(),
    }
}

/// The sections that are levels: at the depth where the most sections of one shape share
/// pillar names with another, if at least two do.
fn find_levels(d: &Doc) -> Option<Vec<usize>> {
    let mut best: Option<(usize, u8, Vec<usize>)> = None;
    for depth in 1..=6u8 {
        let secs: Vec<usize> = (1..d.secs.len())
            .filter(|&s| d.secs[s].level == depth)
            .collect();
        for kind in 0..4u8 {
            let cands: Vec<(usize, Vec<String>)> = secs
                .iter()
                .filter_map(|&s| {
                    shape(d, s)
                        .filter(|sh| sh.kind() == kind)
                        .map(|sh| (s, keys(d, s, sh)))
                })
                .collect();
            let mut freq: HashMap<&str, usize> = HashMap::new();
            for (_, ks) in &cands {
                let mut uniq: Vec<&str> = ks
                    .iter()
                    .map(String::as_str)
                    .filter(|k| !k.is_empty())
                    .collect();
                uniq.sort();
                uniq.dedup();
                for k in uniq {
                    *freq.entry(k).or_default() += 1;
                }
            }
            let qualifying: Vec<usize> = cands
                .iter()
                .filter(|(_, ks)| {
                    ks.iter()
                        .any(|k| freq.get(k.as_str()).copied().unwrap_or(0) >= 2)
                })
                .map(|(s, _)| *s)
                .collect();
            if qualifying.len() >= 2 && best.as_ref().is_none_or(|b| qualifying.len() > b.0) {
                best = Some((qualifying.len(), kind, qualifying));
            }
        }
    }
    best.map(|(_, _, v)| v)
}

/// A section that is a whole single-level document: at least two pillars.
fn single_level_shape(d: &Doc, s: usize) -> Option<Shape> {
    match shape(d, s)? {
        Shape::Headings => {
            let with_lists = d.secs[s]
                .children
                .iter()
                .filter(|&&c| has_list(d, c))
                .count();
            (with_lists >= 2).then_some(Shape::Headings)
        }
        sh @ Shape::Numbered(_) => (keys(d, s, sh).len() >= 2).then_some(sh),
        Shape::Labels => (keys(d, s, Shape::Labels).len() >= 2).then_some(Shape::Labels),
        Shape::Bullets(_) => None,
    }
}

// ---------------------------------------------------------------------------------------
// Copying text.

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// Source text from the start of `start`'s line to `end`, trailing white space removed.
fn span(src: &SourceDoc, doc: usize, start: usize, end: usize) -> Option<Md> {
    let start = line_start(&src.text, start);
    let end = end.min(src.text.len());
    if start >= end {
        return None;
    }
    let text = src.text[start..end].trim_end();
    // Leading blank lines are not part of the text.
    let lead = text.len() - text.trim_start_matches(['\n', ' ', '\t']).len();
    let skip = text[..lead].rfind('\n').map_or(0, |i| i + 1);
    let text = &text[skip..];
    if text.trim().is_empty() {
        return None;
    }
    Some(Md {
        text: text.to_string(),
        doc,
        line: src.line(start + skip),
    })
}

/// Removes up to `cols` columns of leading white space (tabs to the next multiple of 4).
fn strip_cols(line: &str, cols: usize) -> &str {
    let mut col = 0;
    for (i, c) in line.char_indices() {
        if col >= cols {
            return &line[i..];
        }
        match c {
            ' ' => col += 1,
            '\t' => col += 4 - col % 4,
            _ => return &line[i..],
        }
    }
    ""
}

fn columns(s: &str) -> usize {
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => col += 4 - col % 4,
            _ => col += 1,
        }
    }
    col
}

/// A list item's source as a top-level `- ` item: its lines de-indented to its marker's
/// column, the marker made `-` (padded to the marker's width, so every line keeps its column).
fn item_text(text: &str, start: usize, end: usize) -> String {
    let ls = line_start(text, start);
    let prefix = &text[ls..start];
    let indent = columns(prefix);
    let raw = text[ls..end.min(text.len())].trim_end();
    let mut out = String::new();
    for (i, line) in raw.split('\n').enumerate() {
        let line = strip_cols(line, indent);
        if i == 0 {
            out.push_str(&normalize_marker(line));
        } else {
            out.push('\n');
            out.push_str(line);
        }
    }
    out
}

fn normalize_marker(line: &str) -> String {
    let bytes = line.as_bytes();
    if bytes
        .first()
        .is_some_and(|b| matches!(b, b'-' | b'+' | b'*'))
    {
        return format!("-{}", &line[1..]);
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && bytes.get(digits).is_some_and(|b| matches!(b, b'.' | b')')) {
        return format!("-{}{}", " ".repeat(digits), &line[digits + 1..]);
    }
    line.to_string()
}

/// A paragraph (or the text after a label) as a `- ` item.
fn para_item(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.trim().split('\n').enumerate() {
        if i == 0 {
            out.push_str("- ");
        } else {
            out.push_str("\n  ");
        }
        out.push_str(line.trim_start());
    }
    out
}

/// Text that holds a list, made a block quote so that its list is not read as expectations.
fn quote(text: &str) -> String {
    text.split('\n')
        .map(|l| {
            if l.trim().is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn contains_list(text: &str) -> bool {
    let mut depth = 0usize;
    for ev in Parser::new_ext(text, crate::markdown::options()) {
        match ev {
            Event::Start(Tag::List(_)) if depth == 0 => return true,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The expectations and notes of a run of blocks: list items are expectations; when there
/// is no list, each paragraph is one; everything else is a note.
fn cell_blocks(d: &Doc, blocks: &[usize]) -> Vec<CellBlock> {
    let text = &d.src.text;
    let has_items = blocks
        .iter()
        .any(|&b| !d.blocks[b].region && matches!(d.blocks[b].kind, Kind::List { .. }));
    let mut out: Vec<CellBlock> = Vec::new();
    let mut i = 0;
    // Trailing thematic breaks only separate sections.
    let mut last = blocks.len();
    while last > 0 && matches!(d.blocks[blocks[last - 1]].kind, Kind::Rule) {
        last -= 1;
    }
    let blocks = &blocks[..last];
    while i < blocks.len() {
        let b = &d.blocks[blocks[i]];
        if b.region {
            let mut j = i;
            while j + 1 < blocks.len()
                && d.blocks[blocks[j + 1]].region
                && blocks[j + 1] == blocks[j] + 1
            {
                j += 1;
            }
            if let Some(mut md) = span(d.src, d.index, b.start, d.blocks[blocks[j]].end) {
                if contains_list(&md.text) {
                    md.text = quote(&md.text);
                }
                out.push(CellBlock {
                    md,
                    item: false,
                    tight: false,
                });
            }
            i = j + 1;
            continue;
        }
        match &b.kind {
            Kind::List { items } => {
                for (k, it) in items.iter().enumerate() {
                    let md = Md {
                        text: item_text(text, it.start, it.end),
                        doc: d.index,
                        line: d.src.line(it.start),
                    };
                    let tight = items
                        .get(k + 1)
                        .is_some_and(|next| !has_blank_before(text, next.start));
                    out.push(CellBlock {
                        md,
                        item: true,
                        tight,
                    });
                }
            }
            Kind::Para { .. } if !has_items => {
                if let Some(md) = span(d.src, d.index, b.start, b.end) {
                    out.push(CellBlock {
                        md: Md {
                            text: para_item(&md.text),
                            ..md
                        },
                        item: true,
                        tight: true,
                    });
                }
            }
            _ => {
                if let Some(md) = span(d.src, d.index, b.start, b.end) {
                    out.push(CellBlock {
                        md,
                        item: false,
                        tight: false,
                    });
                }
            }
        }
        i += 1;
    }
    if let Some(last) = out.iter_mut().rev().find(|b| b.item) {
        last.tight = false;
    }
    out
}

fn has_blank_before(text: &str, offset: usize) -> bool {
    let ls = line_start(text, offset);
    if ls < 2 {
        return false;
    }
    let prev_start = line_start(text, ls - 1);
    text[prev_start..ls - 1].trim().is_empty()
}

/// Runs of consecutive blocks as Markdown, each run copied as it is written.
fn blocks_md(d: &Doc, blocks: &[usize]) -> Vec<Md> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j + 1 < blocks.len() && blocks[j + 1] == blocks[j] + 1 {
            j += 1;
        }
        if let Some(md) = span(
            d.src,
            d.index,
            d.blocks[blocks[i]].start,
            d.blocks[blocks[j]].end,
        ) {
            out.push(md);
        }
        i = j + 1;
    }
    out
}

/// A whole section (heading included) as Markdown.
fn section_md(d: &Doc, s: usize) -> Option<Md> {
    let sec = &d.secs[s];
    let first = sec.heading?;
    let last = sec.end.checked_sub(1)?;
    span(
        d.src,
        d.index,
        d.blocks[first].start,
        d.blocks[last].end.max(d.blocks[first].end),
    )
}

/// A section's text after its heading.
fn section_body(d: &Doc, s: usize) -> Option<Md> {
    let sec = &d.secs[s];
    let h = sec.heading?;
    if sec.end <= h + 1 {
        return None;
    }
    span(
        d.src,
        d.index,
        after_line(&d.src.text, d.blocks[h].end),
        d.blocks[sec.end - 1].end,
    )
}

/// The start of the line after the one holding byte `end - 1` (the end of a heading).
fn after_line(text: &str, end: usize) -> usize {
    let end = end.min(text.len());
    if end == 0 || text.as_bytes()[end - 1] == b'\n' {
        return end;
    }
    text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
}

/// The id a kept heading gets on its page (ladderbook's slug).
fn out_slug(d: &Doc, b: usize) -> String {
    match &d.blocks[b].kind {
        Kind::Heading { id: Some(id), .. } => id.clone(),
        Kind::Heading { text, .. } => crate::markdown::slug(text),
        _ => String::new(),
    }
}

/// Every heading in blocks `from..to` is kept in the text of `file`.
fn keep_headings(ladder: &mut Ladder, d: &Doc, from: usize, to: usize, file: FileRef) {
    for b in from..to.min(d.blocks.len()) {
        if let Some(slug) = d.slugs.get(&b) {
            ladder.heading_targets.insert(
                (d.index, slug.clone()),
                Target {
                    file,
                    anchor: Anchor::Slug(out_slug(d, b)),
                },
            );
        }
    }
}

fn set_heading(ladder: &mut Ladder, d: &Doc, s: usize, target: Target) {
    if let Some(h) = d.secs[s].heading {
        if let Some(slug) = d.slugs.get(&h) {
            ladder
                .heading_targets
                .insert((d.index, slug.clone()), target);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Building levels.

fn new_level(ladder: &mut Ladder, d: &Doc, s: usize) -> Level {
    let heading = heading_text(d, s);
    let t = parse_level_title(&heading);
    let at = d
        .src
        .loc(d.secs[s].heading.map_or(0, |h| d.blocks[h].start));
    let uid = ladder.uid();
    let mut level = Level::new(
        uid,
        if t.title.is_empty() {
            heading.clone()
        } else {
            t.title.clone()
        },
        at,
    );
    level.full_title = t.full.clone();
    level.code = t.code.clone();
    level.other_codes = t.other_codes.clone();
    level.number = t.number;
    level
}

/// Fills `level` from section `s` in shape `sh`. `shared` are pillar keys that recur in
/// other levels of the document.
fn fill_level(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    sh: Shape,
    shared: &HashMap<String, usize>,
    level: &mut Level,
) {
    let file = FileRef::Level(level.uid);
    set_heading(
        ladder,
        d,
        s,
        Target {
            file,
            anchor: Anchor::None,
        },
    );
    let sec = d.secs[s].clone();
    let mut description: Vec<usize> = Vec::new();
    let mut extra_sections: Vec<usize> = Vec::new();
    match sh {
        Shape::Headings => {
            description.extend(&sec.own);
            for &c in &sec.children {
                let title = heading_text(d, c);
                let key = ids::title_key(&title);
                let is_pillar = has_list(d, c)
                    || (shared.get(&key).copied().unwrap_or(0) >= 2 && has_text(d, c));
                if !is_pillar {
                    extra_sections.push(c);
                    continue;
                }
                let child = d.secs[c].clone();
                let mut blocks = cell_blocks(d, &child.own);
                // Deeper sections under a pillar are kept as notes.
                for &g in &child.children {
                    if let Some(mut md) = section_md(d, g) {
                        if contains_list(&md.text) {
                            md.text = quote(&md.text);
                        }
                        ladder.guess(
                            GuessKind::Structure,
                            d.src.loc(md_start(d, g)),
                            format!(
                                "`{}` under pillar `{}` kept as a note of that pillar",
                                ids::clean_title(&heading_text(d, g)),
                                ids::clean_title(&title)
                            ),
                        );
                        blocks.push(CellBlock {
                            md,
                            item: false,
                            tight: false,
                        });
                        keep_headings(
                            ladder,
                            d,
                            d.secs[g].heading.unwrap_or(0),
                            d.secs[g].end,
                            file,
                        );
                    }
                }
                let cell_index = level.cells.len();
                set_heading(
                    ladder,
                    d,
                    c,
                    Target {
                        file,
                        anchor: Anchor::Cell(cell_index),
                    },
                );
                level.cells.push(Cell {
                    pillar_title: title,
                    pillar_at: d.src.loc(md_start(d, c)),
                    pillar_id: None,
                    pillar_key: None,
                    pillar_description: Vec::new(),
                    blocks,
                    pillar: 0,
                });
            }
        }
        Shape::Numbered(lb) => {
            description.extend(sec.own.iter().filter(|&&b| b != lb));
            let Kind::List { items } = &d.blocks[lb].kind else {
                return;
            };
            let text = &d.src.text;
            for it in items {
                let mut blocks = Vec::new();
                for (k, n) in it.nested.iter().enumerate() {
                    let md = Md {
                        text: item_text(text, n.0, n.1),
                        doc: d.index,
                        line: d.src.line(n.0),
                    };
                    let tight = it
                        .nested
                        .get(k + 1)
                        .is_some_and(|next| !has_blank_before(text, next.0));
                    blocks.push(CellBlock {
                        md,
                        item: true,
                        tight,
                    });
                }
                // What else the item says (a lead-in after the label, paragraphs) is a note.
                let mut note = String::new();
                let lead = text[it.rest..it.first_end].trim();
                if !lead.is_empty() {
                    note.push_str(lead);
                }
                let mut pos = it.first_end;
                for l in &it.nested_lists {
                    let chunk = dedent(&text[pos.min(l.0)..l.0]);
                    if !chunk.trim().is_empty() {
                        if !note.is_empty() {
                            note.push_str("\n\n");
                        }
                        note.push_str(chunk.trim());
                    }
                    pos = l.1;
                }
                let chunk = dedent(&text[pos.min(it.end)..it.end]);
                if !chunk.trim().is_empty() {
                    if !note.is_empty() {
                        note.push_str("\n\n");
                    }
                    note.push_str(chunk.trim());
                }
                if !note.is_empty() {
                    blocks.push(CellBlock {
                        md: Md {
                            text: note,
                            doc: d.index,
                            line: d.src.line(it.start),
                        },
                        item: false,
                        tight: false,
                    });
                }
                if let Some(last) = blocks.iter_mut().rev().find(|b| b.item) {
                    last.tight = false;
                }
                level.cells.push(Cell {
                    pillar_title: it.label.clone().unwrap_or_default(),
                    pillar_at: d.src.loc(it.start),
                    pillar_id: None,
                    pillar_key: None,
                    pillar_description: Vec::new(),
                    blocks,
                    pillar: 0,
                });
            }
            extra_sections.extend(&sec.children);
        }
        Shape::Labels => {
            let mut current: Option<(String, usize, Vec<usize>, Option<Md>)> = None;
            let mut groups: Vec<(String, usize, Vec<usize>, Option<Md>)> = Vec::new();
            for &b in &sec.own {
                match &d.blocks[b].kind {
                    Kind::Para {
                        label: Some(l),
                        colon: true,
                        only,
                        rest,
                    } => {
                        if let Some(g) = current.take() {
                            groups.push(g);
                        }
                        // The text after the label starts mid-line: keep it from there.
                        let end = d.blocks[b].end.min(d.src.text.len());
                        let lead = (!*only && *rest < end).then(|| Md {
                            text: d.src.text[*rest..end].trim().to_string(),
                            doc: d.index,
                            line: d.src.line(*rest),
                        });
                        current = Some((l.clone(), d.blocks[b].start, Vec::new(), lead));
                    }
                    _ => match current.as_mut() {
                        Some(g) => g.2.push(b),
                        None => description.push(b),
                    },
                }
            }
            if let Some(g) = current.take() {
                groups.push(g);
            }
            for (label, at, blocks, lead) in groups {
                let mut cb = Vec::new();
                let has_items = blocks
                    .iter()
                    .any(|&b| !d.blocks[b].region && matches!(d.blocks[b].kind, Kind::List { .. }));
                if let Some(lead) = lead {
                    if has_items {
                        cb.push(CellBlock {
                            md: lead,
                            item: false,
                            tight: false,
                        });
                    } else {
                        cb.push(CellBlock {
                            md: Md {
                                text: para_item(&lead.text),
                                ..lead
                            },
                            item: true,
                            tight: true,
                        });
                    }
                }
                cb.extend(cell_blocks(d, &blocks));
                if let Some(last) = cb.iter_mut().rev().find(|b| b.item) {
                    last.tight = false;
                }
                level.cells.push(Cell {
                    pillar_title: label,
                    pillar_at: d.src.loc(at),
                    pillar_id: None,
                    pillar_key: None,
                    pillar_description: Vec::new(),
                    blocks: cb,
                    pillar: 0,
                });
            }
            extra_sections.extend(&sec.children);
        }
        Shape::Bullets(lb) => {
            description.extend(sec.own.iter().filter(|&&b| b != lb));
            let Kind::List { items } = &d.blocks[lb].kind else {
                return;
            };
            let text = &d.src.text;
            for (k, it) in items.iter().enumerate() {
                let md = Md {
                    text: item_text(text, it.start, it.end),
                    doc: d.index,
                    line: d.src.line(it.start),
                };
                level.pending.push(Labeled {
                    label: it.label.clone().unwrap_or_default(),
                    position: k,
                    block: CellBlock {
                        md,
                        item: true,
                        tight: false,
                    },
                    at: d.src.loc(it.start),
                });
            }
            extra_sections.extend(&sec.children);
        }
    }
    description.sort();
    level.description = blocks_md(d, &description);
    let own_from = sec.heading.map_or(0, |h| h + 1);
    let own_to = sec
        .children
        .first()
        .map_or(sec.end, |&c| d.secs[c].heading.unwrap_or(sec.end));
    keep_headings(ladder, d, own_from, own_to, file);
    for c in extra_sections {
        // A sub-section that is not a pillar is part of the level's description.
        if let Some(md) = section_md(d, c) {
            level.description.push(md);
            keep_headings(
                ladder,
                d,
                d.secs[c].heading.unwrap_or(0),
                d.secs[c].end,
                file,
            );
        }
    }
}

fn dedent(s: &str) -> String {
    let indent = s
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| columns(&l[..l.len() - l.trim_start().len()]))
        .min()
        .unwrap_or(0);
    s.split('\n')
        .map(|l| strip_cols(l, indent))
        .collect::<Vec<_>>()
        .join("\n")
}

fn md_start(d: &Doc, s: usize) -> usize {
    d.secs[s].heading.map_or(0, |h| d.blocks[h].start)
}

/// Counts how many levels use each pillar key.
fn shared_keys(d: &Doc, levels: &[usize]) -> HashMap<String, usize> {
    let mut freq = HashMap::new();
    for &s in levels {
        if let Some(sh) = shape(d, s) {
            let mut ks = keys(d, s, sh);
            ks.sort();
            ks.dedup();
            for k in ks {
                *freq.entry(k).or_insert(0) += 1;
            }
        }
    }
    freq
}

fn ladder_outcome(ladder: &mut Ladder, d: &Doc, levels: &[usize], doc_title: &str) -> Outcome {
    let is_level: Vec<bool> = (0..d.secs.len()).map(|s| levels.contains(&s)).collect();
    let mut is_ancestor = vec![false; d.secs.len()];
    for &l in levels {
        let mut p = d.secs[l].parent;
        while let Some(x) = p {
            is_ancestor[x] = true;
            p = d.secs[x].parent;
        }
    }
    // Tracks: the distinct parents of the levels, when there are several.
    let mut parents: Vec<usize> = Vec::new();
    for &l in levels {
        if let Some(p) = d.secs[l].parent {
            if !parents.contains(&p) {
                parents.push(p);
            }
        }
    }
    let multi = parents.len() >= 2 && parents.iter().all(|&p| p != 0);
    let shared = shared_keys(d, levels);
    let mut tracks: Vec<Track> = Vec::new();
    let mut pages: Vec<Page> = Vec::new();
    let mut track_of_parent: HashMap<usize, usize> = HashMap::new();
    let track_groups: Vec<usize> = if multi {
        parents.clone()
    } else {
        vec![usize::MAX]
    };
    for &p in &track_groups {
        let uid = ladder.uid();
        let (title, at) = if p == usize::MAX {
            let common = parents
                .first()
                .copied()
                .filter(|&p| p != 0 && parents.len() == 1);
            match common {
                Some(c) => (
                    ids::clean_title(&heading_text(d, c)),
                    d.src.loc(md_start(d, c)),
                ),
                None => (doc_title.to_string(), d.src.loc(0)),
            }
        } else {
            (
                ids::clean_title(&heading_text(d, p)),
                d.src.loc(md_start(d, p)),
            )
        };
        let title = if title.is_empty() {
            doc_title.to_string()
        } else {
            title
        };
        track_of_parent.insert(p, tracks.len());
        tracks.push(Track {
            uid,
            title,
            id: None,
            description: Vec::new(),
            levels: Vec::new(),
            at,
            final_id: String::new(),
        });
    }
    if !multi {
        ladder.doc_targets.insert(
            d.index,
            Target {
                file: FileRef::Track(tracks[0].uid),
                anchor: Anchor::None,
            },
        );
    }
    // Descriptions: the own text of the root and the ancestors.
    let mut root_page_blocks: Vec<usize> = Vec::new();
    for (s, _) in is_ancestor.iter().enumerate().filter(|(_, a)| **a) {
        let t = if multi {
            track_of_parent.get(&s).copied()
        } else {
            Some(0)
        };
        match t {
            Some(t) => {
                let file = FileRef::Track(tracks[t].uid);
                set_heading(
                    ladder,
                    d,
                    s,
                    Target {
                        file,
                        anchor: Anchor::None,
                    },
                );
                let own = d.secs[s].own.clone();
                tracks[t].description.extend(blocks_md(d, &own));
                if let (Some(&f), Some(&l)) = (own.first(), own.last()) {
                    keep_headings(ladder, d, f, l + 1, file);
                }
            }
            None => root_page_blocks.extend(d.secs[s].own.iter().copied()),
        }
    }
    if !root_page_blocks.is_empty() {
        let uid = ladder.uid();
        let body = blocks_md(d, &root_page_blocks);
        let at = d.src.loc(d.blocks[root_page_blocks[0]].start);
        ladder.guess(
            GuessKind::Page,
            at.clone(),
            format!("the text before the tracks is kept as the free page `{doc_title}`"),
        );
        ladder.doc_targets.insert(
            d.index,
            Target {
                file: FileRef::Page(uid),
                anchor: Anchor::None,
            },
        );
        pages.push(Page {
            uid,
            title: doc_title.to_string(),
            body,
            at,
            doc_title: doc_title.to_string(),
            final_id: String::new(),
        });
    } else if multi {
        ladder.doc_targets.insert(
            d.index,
            Target {
                file: FileRef::Track(tracks[0].uid),
                anchor: Anchor::None,
            },
        );
    }
    // Sections that are neither levels nor ancestors of levels, directly under an ancestor:
    // free pages.
    let mut glossary_secs = Vec::new();
    for s in 1..d.secs.len() {
        if is_level[s] || is_ancestor[s] {
            continue;
        }
        let parent = d.secs[s].parent.unwrap_or(0);
        if !(is_ancestor[parent] || parent == 0) {
            continue;
        }
        let mut stack = vec![s];
        while let Some(x) = stack.pop() {
            glossary_secs.push(x);
            stack.extend(d.secs[x].children.iter().copied());
        }
        let uid = ladder.uid();
        let title = ids::clean_title(&heading_text(d, s));
        let at = d.src.loc(md_start(d, s));
        let why = if d.secs[s].level == d.secs[levels[0]].level {
            "is not a level (it shares no pillars with the levels)"
        } else {
            "holds no levels"
        };
        ladder.guess(
            GuessKind::Page,
            at.clone(),
            format!("`{title}` {why}: kept as a free page"),
        );
        set_heading(
            ladder,
            d,
            s,
            Target {
                file: FileRef::Page(uid),
                anchor: Anchor::None,
            },
        );
        if let Some(h) = d.secs[s].heading {
            keep_headings(ladder, d, h + 1, d.secs[s].end, FileRef::Page(uid));
        }
        pages.push(Page {
            uid,
            title,
            body: section_body(d, s).into_iter().collect(),
            at,
            doc_title: doc_title.to_string(),
            final_id: String::new(),
        });
    }
    let mut glossary = Vec::new();
    glossary_of(d, &glossary_secs, &mut glossary);
    ladder.glossary.extend(glossary);
    // Levels.
    for &l in levels {
        let Some(sh) = shape(d, l) else { continue };
        let mut level = new_level(ladder, d, l);
        fill_level(ladder, d, l, sh, &shared, &mut level);
        let t = if multi {
            d.secs[l]
                .parent
                .and_then(|p| track_of_parent.get(&p).copied())
                .unwrap_or(0)
        } else {
            0
        };
        tracks[t].levels.push(level);
    }
    let depth = d.secs[levels[0]].level;
    let first = tracks
        .first()
        .and_then(|t| t.levels.first())
        .map(|l| l.at.clone())
        .unwrap_or_else(|| d.src.loc(0));
    let n: usize = tracks.iter().map(|t| t.levels.len()).sum();
    let how = match shape(d, levels[0]) {
        Some(Shape::Headings) => format!(
            "the {} `{}` headings whose sub-headings (pillars) recur",
            n,
            "#".repeat(depth as usize)
        ),
        Some(Shape::Numbered(_)) => format!(
            "the {} `{}` headings with numbered bold pillars",
            n,
            "#".repeat(depth as usize)
        ),
        Some(Shape::Labels) => format!(
            "the {} `{}` headings with bold `Label:` pillars",
            n,
            "#".repeat(depth as usize)
        ),
        _ => format!(
            "the {} `{}` headings whose bullets start with bold labels",
            n,
            "#".repeat(depth as usize)
        ),
    };
    let track_note = if multi {
        format!(
            "; one track per `{}` heading above them",
            "#".repeat(depth as usize - 1)
        )
    } else {
        String::new()
    };
    ladder.guess(
        GuessKind::Structure,
        first,
        format!("levels are {how}{track_note}"),
    );
    Outcome::Ladder {
        tracks,
        pages,
        title: doc_title.to_string(),
    }
}

fn single_level_outcome(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    doc_title: &str,
    first: bool,
) -> Outcome {
    let sh = single_level_shape(d, s).unwrap_or(Shape::Headings);
    let mut level = new_level(ladder, d, s);
    let shared = HashMap::new();
    fill_level(ladder, d, s, sh, &shared, &mut level);
    let file = FileRef::Level(level.uid);
    // The sections above the level (a document title) and their own text describe it too.
    let mut ancestors = Vec::new();
    let mut p = d.secs[s].parent;
    while let Some(x) = p {
        ancestors.push(x);
        p = d.secs[x].parent;
    }
    ancestors.reverse();
    let mut before: Vec<usize> = Vec::new();
    for &a in &ancestors {
        before.extend(d.secs[a].own.iter().copied());
        set_heading(
            ladder,
            d,
            a,
            Target {
                file,
                anchor: Anchor::None,
            },
        );
    }
    let mut pre = blocks_md(d, &before);
    pre.append(&mut level.description);
    level.description = pre;
    ladder.doc_targets.insert(
        d.index,
        Target {
            file,
            anchor: Anchor::None,
        },
    );
    // Other sections beside the level or above it are free pages.
    let mut pages = Vec::new();
    for o in 1..d.secs.len() {
        let parent = d.secs[o].parent.unwrap_or(0);
        if o == s || ancestors.contains(&o) || !ancestors.contains(&parent) {
            continue;
        }
        let uid = ladder.uid();
        let title = ids::clean_title(&heading_text(d, o));
        let at = d.src.loc(md_start(d, o));
        ladder.guess(
            GuessKind::Page,
            at.clone(),
            format!("`{title}` is not part of the level: kept as a free page"),
        );
        set_heading(
            ladder,
            d,
            o,
            Target {
                file: FileRef::Page(uid),
                anchor: Anchor::None,
            },
        );
        if let Some(hh) = d.secs[o].heading {
            keep_headings(ladder, d, hh + 1, d.secs[o].end, FileRef::Page(uid));
        }
        pages.push(Page {
            uid,
            title,
            body: section_body(d, o).into_iter().collect(),
            at,
            doc_title: doc_title.to_string(),
            final_id: String::new(),
        });
    }
    let what = match sh {
        Shape::Headings => "its sub-headings are pillars",
        Shape::Numbered(_) => "its numbered bold items are pillars",
        _ => "its bold `Label:` paragraphs are pillars",
    };
    let how = format!(
        "a one-level document: `{}` is the level, {what}",
        level.full_title
    );
    let title = if first {
        level.title.clone()
    } else {
        doc_title.to_string()
    };
    Outcome::Level {
        level,
        pages,
        title,
        how,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_source_and_get_a_dash() {
        let text = "1. **Communication**\n   - one *x*\n     - nested\n   - two\n";
        let blocks = parse_blocks(text, 0);
        let Kind::List { items } = &blocks[0].kind else {
            panic!("a list")
        };
        assert_eq!(items[0].label.as_deref(), Some("Communication"));
        assert!(items[0].only);
        let n = &items[0].nested;
        assert_eq!(n.len(), 2);
        assert_eq!(item_text(text, n[0].0, n[0].1), "- one *x*\n  - nested");
        assert_eq!(item_text(text, n[1].0, n[1].1), "- two");
        assert_eq!(normalize_marker("10. x"), "-   x");
        assert_eq!(normalize_marker("* x"), "- x");
    }

    #[test]
    fn labels() {
        let t = "**Adopts**: learns";
        let (l, colon, only, rest) = label_at(t, 0, t.len());
        assert_eq!(
            (l.as_deref(), colon, only, &t[rest..]),
            (Some("Adopts"), true, false, "learns")
        );
        let t = "**Communication:**";
        let (l, colon, only, _) = label_at(t, 0, t.len());
        assert_eq!(
            (l.as_deref(), colon, only),
            (Some("Communication"), true, true)
        );
        let t = "**What now?**";
        assert!(!label_at(t, 0, t.len()).1);
    }
}
