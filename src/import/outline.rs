//! A Markdown document as an outline: its top-level blocks (headings at every depth, lists
//! with their items' bold labels and nested lists, paragraphs with a leading bold label, raw
//! HTML, rules), each with its byte range in the source, and the tree of sections those
//! headings make. Built with pulldown-cmark (ladderbook's own options), so ATX, closed ATX and
//! setext headings, loose and tight lists are read as any CommonMark reader reads them.
//!
//! Also the helpers that copy source text out of the outline unchanged (a list item as a
//! top-level `- ` item, a run of blocks, a section).

use super::model::Md;
use super::source::SourceDoc;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashMap;

mod labels;
mod navigation;
mod text;
pub(in crate::import) use labels::flag;
use labels::label_at;
use labels::plain_label_at;
pub(super) use navigation::{navigation, units};
pub(super) use text::{
    after_blanks, checkbox, columns, contains_list, count_tag, has_blank_before, item_content,
    item_first_line, item_text, line_start, para_item, quote, skip_marker, strip_cols,
    wholly_emphasised,
};

#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The bold text the item starts with.
    pub(super) label: Option<String>,
    /// The label is followed by (or ends with) a colon.
    pub(super) colon: bool,
    /// The first paragraph holds only the label.
    pub(super) only: bool,
    /// Offset of the text after the label (and colon).
    pub(super) rest: usize,
    /// Items of lists nested directly in this item.
    pub(super) nested: Vec<(usize, usize)>,
    /// Start and end of each nested list.
    pub(super) nested_lists: Vec<(usize, usize)>,
    /// End of the first paragraph.
    pub(super) first_end: usize,
}

#[derive(Debug, Clone)]
pub(super) enum Kind {
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

/// A paragraph that opens with a bold label and its colon (`**Delivery:** …`): where a
/// labelled pillar or field starts.
pub(super) fn opens_label(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Para {
            label: Some(_),
            colon: true,
            ..
        }
    )
}

#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Inside (or opening or closing) a raw HTML container such as `<details>`.
    pub(super) region: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Sec {
    pub(super) heading: Option<usize>,
    pub(super) level: u8,
    pub(super) parent: Option<usize>,
    pub(super) children: Vec<usize>,
    pub(super) own: Vec<usize>,
    /// Index of the first block after the section (exclusive end of its subtree).
    pub(super) end: usize,
}

/// The parsed document.
pub(super) struct Doc<'a> {
    pub(super) src: &'a SourceDoc,
    pub(super) index: usize,
    pub(super) blocks: Vec<Block>,
    pub(super) secs: Vec<Sec>,
    /// GitHub-style anchor of each heading block.
    pub(super) slugs: HashMap<usize, String>,
    /// The files the page's navigation links to, which is not among its blocks (see
    /// [`navigation`]).
    pub(super) nav_links: Vec<String>,
    /// Whether the page is an index of level files, found once (see
    /// [`super::infer::is_index`], which reads every link of the page).
    pub(super) index_of_files: std::cell::OnceCell<bool>,
    /// Whether the page's front-matter gives it a title (`title`, or `name`), as
    /// [`super::markdown::parse`] is told.
    pub(super) titled: bool,
    /// The labels that give pay as figures somewhere in the page, found once (see
    /// [`super::level::pay_labels`]).
    pub(super) pay_labels: std::cell::OnceCell<std::collections::HashSet<String>>,
    /// Whether a list of the page tags its items with a level's name given twice, found
    /// once (see `level::numbered::level_tags`).
    pub(super) level_tags: std::cell::OnceCell<bool>,
}

pub(super) fn parse_blocks(text: &str, base: usize) -> Vec<Block> {
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
                        match label_line_blocks(text, &b) {
                            Some(lines) => out.extend(lines),
                            None => out.push(b),
                        }
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
                let (mut label, mut colon, only, mut rest) = label_at(text, content, it.first_end);
                let mut only = only;
                if label.is_none() {
                    if let Some((l, r, alone)) = plain_label_at(text, content, it.first_end) {
                        (label, colon, rest, only) = (Some(l), true, r, alone);
                    }
                }
                it.label = label;
                it.colon = colon;
                it.only = only;
                it.rest = rest;
            }
        }
    }
    labels::dash_labels(text, &mut out);
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
    // A paragraph that is only a bold label (`**Technical**`) right over a list names the
    // list, as `**Technical:**` would; not over a list whose items each open with a label
    // of their own (`**Grade A – autonomous**` over `- **Coding**: …`), which it heads as
    // a subtitle.
    for i in 1..out.len() {
        if matches!(&out[i].kind, Kind::List { items } if !labelled_items(items)) {
            if let Kind::Para {
                label: Some(_),
                colon,
                only: true,
                ..
            } = &mut out[i - 1].kind
            {
                *colon = true;
            }
        }
    }
    name_levels_over_summaries(&mut out);
    labels::bare_labels(text, &mut out);
    out
}

/// A paragraph that is only a bold level name (`**Level 2 - Engineer I**`) over a paragraph
/// that sums the level up and then a list names what follows, as it does right over a list:
/// skill-first ladders exported from documents write each level of a skill so. Only names
/// that read as levels ([`super::titles::level_like`]): a bold `**Summary**` over prose is a
/// line standing in for a heading, not a label.
fn name_levels_over_summaries(out: &mut [Block]) {
    for i in 0..out.len() {
        let Kind::Para {
            label: Some(l),
            colon: false,
            only: true,
            ..
        } = &out[i].kind
        else {
            continue;
        };
        if out[i].region || !super::titles::level_like(l) {
            continue;
        }
        let mut j = i + 1;
        while matches!(
            &out.get(j).map(|b| &b.kind),
            Some(Kind::Para { label: None, .. })
        ) {
            j += 1;
        }
        if j > i + 1 && matches!(&out.get(j).map(|b| &b.kind), Some(Kind::List { .. })) {
            if let Kind::Para { colon, .. } = &mut out[i].kind {
                *colon = true;
            }
        }
    }
}

/// Two or more items, each opening with a label, its colon and text after it (`- **Coding**:
/// Fixes bugs`).
pub(super) fn labelled_items(items: &[Item]) -> bool {
    items.len() >= 2
        && items
            .iter()
            .all(|it| it.label.is_some() && it.colon && !it.only)
}

/// Paragraph `b` as one paragraph per line when it is [`labels::label_lines`], each with its label.
pub(super) fn label_line_blocks(text: &str, b: &Block) -> Option<Vec<Block>> {
    if !matches!(b.kind, Kind::Para { label: Some(_), .. }) {
        return None;
    }
    let lines = labels::label_lines(text, b.start, b.end)?;
    Some(
        lines
            .into_iter()
            .map(|(start, end)| {
                let (label, colon, only, rest) = label_at(text, start, end);
                Block {
                    kind: Kind::Para {
                        label,
                        colon,
                        only,
                        rest,
                    },
                    start,
                    end,
                    region: b.region,
                }
            })
            .collect(),
    )
}

pub(super) fn build_doc<'a>(src: &'a SourceDoc, index: usize, blocks: Vec<Block>) -> Doc<'a> {
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
            // A level written inside a level (`#### Mate I` under `### Mate`, beside its
            // `#####` pillars) keeps its depth: the pillars after it are its own.
            let inside = secs[parent].heading.is_some_and(|h| match &blocks[h].kind {
                Kind::Heading { text: above, .. } => super::titles::sub_level(above, text),
                _ => false,
            });
            let level = if inside {
                *level
            } else {
                slipped(&secs, parent, *level)
            };
            let s = secs.len();
            secs.push(Sec {
                heading: Some(i),
                level,
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
        nav_links: Vec::new(),
        index_of_files: std::cell::OnceCell::new(),
        titled: false,
        pay_labels: std::cell::OnceCell::new(),
        level_tags: std::cell::OnceCell::new(),
    }
}

/// The depth a heading of `level` under section `parent` is read at: the depth of its
/// siblings when the parent's sections so far all skip a depth (`## Principal` over `####` pillars)
/// and this one alone does not (a `### I am adaptable` among them, which would otherwise
/// take the `####` pillars after it as its own); else `level`.
fn slipped(secs: &[Sec], parent: usize, level: u8) -> u8 {
    let p = &secs[parent];
    let Some(&first) = p.children.first() else {
        return level;
    };
    let depth = secs[first].level;
    let alike = p.children.iter().all(|&c| secs[c].level == depth);
    if p.heading.is_some()
        && p.level >= 2
        && alike
        && depth > p.level + 1
        && level > p.level
        && level < depth
    {
        depth
    } else {
        level
    }
}

pub(super) fn heading_text(d: &Doc, s: usize) -> String {
    match d.secs[s].heading.map(|h| &d.blocks[h].kind) {
        Some(Kind::Heading { text, .. }) => text.clone(),
        _ => String::new(),
    }
}

/// Source text from the start of `start`'s line to `end`, trailing white space removed.
pub(super) fn span(src: &SourceDoc, doc: usize, start: usize, end: usize) -> Option<Md> {
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

/// Runs of consecutive blocks as Markdown, each run copied as it is written.
pub(super) fn blocks_md(d: &Doc, blocks: &[usize]) -> Vec<Md> {
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
pub(super) fn section_md(d: &Doc, s: usize) -> Option<Md> {
    let sec = &d.secs[s];
    section_span(d, s, sec.end.checked_sub(1)?)
}

/// [`section_md`] without the thematic breaks at its end (`---` before the next heading),
/// which part it from the next section: for a section taken out of the text around it.
pub(super) fn section_md_alone(d: &Doc, s: usize) -> Option<Md> {
    let sec = &d.secs[s];
    let first = sec.heading?;
    let mut last = sec.end.checked_sub(1)?;
    while last > first && matches!(d.blocks[last].kind, Kind::Rule) {
        last -= 1;
    }
    section_span(d, s, last)
}

/// Section `s`'s text from its heading to the end of block `last`.
fn section_span(d: &Doc, s: usize, last: usize) -> Option<Md> {
    let first = d.secs[s].heading?;
    span(
        d.src,
        d.index,
        d.blocks[first].start,
        d.blocks[last].end.max(d.blocks[first].end),
    )
}

/// A section's text after its heading.
pub(super) fn section_body(d: &Doc, s: usize) -> Option<Md> {
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
pub(super) fn after_line(text: &str, end: usize) -> usize {
    let end = end.min(text.len());
    if end == 0 || text.as_bytes()[end - 1] == b'\n' {
        return end;
    }
    text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
}

pub(super) fn dedent(s: &str) -> String {
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

pub(super) fn md_start(d: &Doc, s: usize) -> usize {
    d.secs[s].heading.map_or(0, |h| d.blocks[h].start)
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
        assert_eq!(text::normalize_marker("10. x"), "-   x");
        let t = "1. **A**\n  1. x\n     more\n";
        assert_eq!(item_text(t, 9, t.len()), "-  x\n   more");
        assert_eq!(text::normalize_marker("* x"), "- x");
        assert_eq!(checkbox("- [ ] Runs one-to-ones"), Some((2..6, false)));
        assert_eq!(checkbox("  2. [x] Writes plans"), Some((5..9, true)));
        assert_eq!(checkbox("- [ ]"), None);
        assert_eq!(checkbox("- [link](x.md) text"), None);
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
