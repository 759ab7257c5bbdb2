//! Filling one level from its section of the outline: its pillars (sub-headings, numbered
//! bold items, bold labels or labelled bullets), each pillar's expectations and notes, and its
//! description; and recording where each source heading ends up, for links.

use super::ids::{self, parse_level_title};
use super::infer::*;
use super::model::{
    Anchor, Cell, CellBlock, FileRef, GuessKind, Labeled, Ladder, Level, Md, Target,
};
use super::outline::*;
use std::collections::HashMap;

/// The expectations and notes of a run of blocks: list items are expectations; when there
/// is no list, each paragraph is one; everything else is a note.
pub(super) fn cell_blocks(d: &Doc, blocks: &[usize]) -> Vec<CellBlock> {
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

/// The id a kept heading gets on its page (ladderbook's slug).
pub(super) fn out_slug(d: &Doc, b: usize) -> String {
    match &d.blocks[b].kind {
        Kind::Heading { id: Some(id), .. } => id.clone(),
        Kind::Heading { text, .. } => crate::markdown::slug(text),
        _ => String::new(),
    }
}

/// Every heading in blocks `from..to` is kept in the text of `file`.
pub(super) fn keep_headings(ladder: &mut Ladder, d: &Doc, from: usize, to: usize, file: FileRef) {
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

pub(super) fn set_heading(ladder: &mut Ladder, d: &Doc, s: usize, target: Target) {
    if let Some(h) = d.secs[s].heading {
        if let Some(slug) = d.slugs.get(&h) {
            ladder
                .heading_targets
                .insert((d.index, slug.clone()), target);
        }
    }
}

pub(super) fn new_level(ladder: &mut Ladder, d: &Doc, s: usize) -> Level {
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
pub(super) fn fill_level(
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
        Shape::Plain => {
            let blocks = cell_blocks(d, &sec.own);
            if blocks.iter().any(|b| b.item) {
                level.cells.push(Cell {
                    pillar_title: PLAIN_PILLAR.to_string(),
                    pillar_at: d.src.loc(md_start(d, s)),
                    pillar_id: None,
                    pillar_key: None,
                    pillar_description: Vec::new(),
                    blocks,
                    pillar: 0,
                });
            } else {
                description.extend(&sec.own);
            }
            extra_sections.extend(&sec.children);
        }
        Shape::Nested => {
            description.extend(&sec.own);
            let (pillars, about) = nested_pillars(d, s);
            // The headings between the level and its pillars (`### Responsibilities`) group
            // pillars: their own text describes the level.
            let mut stack: Vec<usize> = sec.children.clone();
            while let Some(c) = stack.pop() {
                if pillars.contains(&c) || about.contains(&c) {
                    continue;
                }
                description.extend(&d.secs[c].own);
                let target = Target {
                    file,
                    anchor: Anchor::None,
                };
                set_heading(ladder, d, c, target);
                stack.extend(&d.secs[c].children);
            }
            for c in pillars {
                let cell_index = level.cells.len();
                let target = Target {
                    file,
                    anchor: Anchor::Cell(cell_index),
                };
                set_heading(ladder, d, c, target);
                level.cells.push(Cell {
                    pillar_title: heading_text(d, c),
                    pillar_at: d.src.loc(md_start(d, c)),
                    pillar_id: None,
                    pillar_key: None,
                    pillar_description: Vec::new(),
                    blocks: cell_blocks(d, &d.secs[c].own),
                    pillar: 0,
                });
            }
            for &a in &about {
                ladder.guess(
                    GuessKind::Description,
                    d.src.loc(md_start(d, a)),
                    format!(
                        "`{}` describes the level rather than naming a competency: kept in the level's description",
                        ids::clean_title(&heading_text(d, a))
                    ),
                );
            }
            extra_sections.extend(about);
        }
        Shape::Headings => {
            description.extend(&sec.own);
            let pillars = heading_pillars(d, s, shared);
            for &c in &sec.children {
                let title = heading_text(d, c);
                if !pillars.contains(&c) {
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
        Shape::Numbered(first) => {
            let lists = pillar_lists(d, s, first);
            description.extend(sec.own.iter().filter(|b| !lists.contains(b)));
            let items = lists.iter().flat_map(|&lb| match &d.blocks[lb].kind {
                Kind::List { items } => items.as_slice(),
                _ => &[],
            });
            let text = &d.src.text;
            let first_cell = level.cells.len();
            for it in items {
                // An item with no bold name, under a pillar's (its indent too shallow to
                // nest), is an expectation of that pillar.
                if it.label.is_none() {
                    if let Some(cell) = level.cells[first_cell..].last_mut() {
                        cell.blocks.push(CellBlock {
                            md: Md {
                                text: item_text(text, it.start, it.end),
                                doc: d.index,
                                line: d.src.line(it.start),
                            },
                            item: true,
                            tight: !has_blank_before(text, it.end),
                        });
                    }
                    continue;
                }
                if it.only {
                    ladder.pillar_names += 1;
                }
                split_label(ladder, d, it.label.as_deref(), it.start, it.rest);
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
            for cell in &mut level.cells[first_cell..] {
                if let Some(last) = cell.blocks.iter_mut().rev().find(|b| b.item) {
                    last.tight = false;
                }
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
                        if *only {
                            ladder.pillar_names += 1;
                        }
                        split_label(ladder, d, Some(l), d.blocks[b].start, *rest);
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

/// Says so when the bold label between `start` and `rest` is written as several bold runs
/// (`**Builds a _healthy_** **team**`), which import reads as one pillar name.
fn split_label(ladder: &mut Ladder, d: &Doc, label: Option<&str>, start: usize, rest: usize) {
    let src = &d.src.text[start..rest.max(start).min(d.src.text.len())];
    let runs = src.matches("**").count() + src.matches("__").count();
    if let (true, Some(label)) = (runs > 2, label) {
        ladder.guess(
            GuessKind::Pillar,
            d.src.loc(start),
            format!("pillar `{label}` is written as several bold runs: read as one name"),
        );
    }
}
