//! Filling one level from its section of the outline: its pillars (sub-headings, numbered
//! bold items, bold labels or labelled bullets), each pillar's expectations and notes, and its
//! description; and recording where each source heading ends up, for links.

use super::ids;
use super::infer::*;
use super::model::{
    Anchor, Cell, CellBlock, FileRef, GuessKind, Labeled, Ladder, Level, Md, Target,
};
use super::outline::*;
use std::collections::HashMap;

mod blocks;
mod bullets;
mod grade;
mod labels;
mod moving_on;
mod nested;
mod numbered;

use blocks::cell_blocks;
use labels::{label_cell, label_cells, label_groups, split_label};
use moving_on::{moving_on_as_heading, names_level};
use nested::nested_cells;
use numbered::numbered_cells;

/// The id a kept heading gets on its page (ladderbook's slug).
pub(super) fn out_slug(d: &Doc, b: usize) -> String {
    match &d.blocks[b].kind {
        Kind::Heading { id: Some(id), .. } => id.clone(),
        Kind::Heading { text, .. } => {
            // The page's own sections take these ids, so the build gives the heading the
            // next one free (`## Levels` is `#levels-1`), as here.
            let taken = crate::ladder::TEMPLATE_IDS
                .iter()
                .map(|id| id.to_string())
                .collect();
            crate::markdown::unique(crate::markdown::slug(text), &taken)
        }
        _ => String::new(),
    }
}

/// Every heading in blocks `from..to` is kept in the text of `file`.
pub(super) fn keep_headings(ladder: &mut Ladder, d: &Doc, from: usize, to: usize, file: FileRef) {
    point_headings(ladder, d, from..to, |b| Target {
        file,
        anchor: Anchor::Slug(out_slug(d, b)),
    });
}

/// Links to each heading in blocks `blocks` lead to `target(block)`.
fn point_headings(
    ladder: &mut Ladder,
    d: &Doc,
    blocks: std::ops::Range<usize>,
    target: impl Fn(usize) -> Target,
) {
    for b in blocks.start..blocks.end.min(d.blocks.len()) {
        if let Some(slug) = d.slugs.get(&b) {
            ladder
                .heading_targets
                .insert((d.index, slug.clone()), target(b));
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
    let at = d
        .src
        .loc(d.secs[s].heading.map_or(0, |h| d.blocks[h].start));
    // An outline number (`### 2.1. Junior Orchardist`) orders the heading, as the level's
    // rank does; it is no part of the level's name.
    let title = heading_text(d, s);
    Level::titled(
        ladder.uid(),
        super::titles::without_outline_number(&title),
        at,
    )
}

/// What a level's shape leaves to its description: blocks of the level's own section, and
/// sub-sections kept whole.
#[derive(Default)]
struct Rest {
    description: Vec<usize>,
    extra_sections: Vec<usize>,
    /// Parts of blocks that describe the level (a list's `- **Salary**: 100 coins` item),
    /// placed among `description` by their line.
    description_parts: Vec<Md>,
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
    fill_level_but(ladder, d, s, sh, shared, level, &[]);
}

/// As [`fill_level`], leaving out the sub-sections `skip` of `s` (levels written inside it,
/// which are filled as levels of their own). `skip` is only read in shape `Headings`.
pub(super) fn fill_level_but(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    sh: Shape,
    shared: &HashMap<String, usize>,
    level: &mut Level,
    skip: &[usize],
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
    let mut rest = Rest::default();
    match sh {
        Shape::Plain => plain_cells(d, s, level, &mut rest),
        Shape::Nested => nested_cells(ladder, d, s, level, file, &mut rest),
        Shape::Headings => heading_cells(ladder, d, s, shared, level, &mut rest, skip),
        Shape::Numbered(first) => numbered_cells(ladder, d, s, first, level, &mut rest),
        Shape::Labels => label_cells(ladder, d, s, level, &mut rest),
        Shape::Bullets(lb) => {
            if !bullets::pending(ladder, d, s, lb, level, &mut rest) {
                return;
            }
        }
    }
    let Rest {
        mut description,
        extra_sections,
        description_parts,
    } = rest;
    description.sort();
    level.description = blocks_md(d, &description);
    level.description.iter_mut().for_each(moving_on_as_heading);
    for md in description_parts {
        let at = level.description.partition_point(|m| m.line < md.line);
        level.description.insert(at, md);
    }
    let own_from = sec.heading.map_or(0, |h| h + 1);
    let own_to = sec
        .children
        .first()
        .map_or(sec.end, |&c| d.secs[c].heading.unwrap_or(sec.end));
    keep_headings(ladder, d, own_from, own_to, file);
    for c in extra_sections {
        // A sub-section that is not a pillar is part of the level's description, where the
        // source has it among the level's other text.
        if let Some(md) = section_md(d, c) {
            let title = super::outline::heading_text(d, c);
            if super::infer::pay_section(d, c, &title) {
                let at = d.blocks[d.secs[c].heading.unwrap_or(0)].start;
                say_pay_kept(ladder, d, at, "in a section of sums", &title);
            }
            let at = level.description.partition_point(|m| m.line < md.line);
            level.description.insert(at, md);
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

/// Whether a paragraph right over a list leads into it: it ends in a colon (`You will:`), or
/// stops on a word no sentence ends with (`The apprentice needs to`, `A baker who`), the
/// list finishing it.
fn lead_in(text: &str) -> bool {
    let t = text.trim_end();
    const OPEN: &[&str] = &[
        "to", "who", "that", "which", "will", "can", "should", "must", "is", "are", "and", "or",
        "of", "for", "with", "by", "the", "a", "an", "being", "be",
    ];
    t.ends_with(':')
        || t.rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| OPEN.contains(&w.to_lowercase().as_str()))
}

/// Shape `Plain`: the section's own list is one cell of the plain pillar; without a list,
/// its text describes the level.
fn plain_cells(d: &Doc, s: usize, level: &mut Level, rest: &mut Rest) {
    let sec = &d.secs[s];
    // One sentence over the level's list (`At this point, a writer shapes how the library
    // speaks.` over what they do) sums the level up: its description, not an expectation.
    let own: &[usize] = match &sec.own[..] {
        [first, list, ..]
            if matches!(d.blocks[*first].kind, Kind::Para { label: None, .. })
                && matches!(&d.blocks[*list].kind, Kind::List { items } if items.len() >= 2)
                && !d.blocks[*first].region
                // A lead-in (`You will:`, `The apprentice needs to`) belongs with its list.
                && !lead_in(&d.src.text[d.blocks[*first].start..d.blocks[*first].end]) =>
        {
            rest.description.push(*first);
            &sec.own[1..]
        }
        own => own,
    };
    // What it takes to move on, a lead-in and its list (`Promotion to Level 2 requires:`),
    // describes the level: the list is what the level above asks.
    let mut kept: Vec<usize> = Vec::with_capacity(own.len());
    let mut i = 0;
    while i < own.len() {
        let b = &d.blocks[own[i]];
        let next_is_list = own
            .get(i + 1)
            .is_some_and(|&n| matches!(d.blocks[n].kind, Kind::List { .. }));
        let line = d.src.text.get(b.start..b.end).unwrap_or("").trim();
        if matches!(b.kind, Kind::Para { label: None, .. })
            && next_is_list
            && line.ends_with(':')
            && super::titles::moving_on(line)
            && !names_level(line, level)
        {
            rest.description.extend(&own[i..i + 2]);
            i += 2;
            continue;
        }
        kept.push(own[i]);
        i += 1;
    }
    let own = &kept[..];
    let mut blocks = cell_blocks(d, own);
    // Statements under the level (`#### I am a technical mentor.` over a list) are its
    // expectations, each with its list nested under it, as the source groups them.
    let statements = super::infer::statements(d, s);
    if !statements.is_empty() && !blocks.iter().any(|b| b.item) {
        rest.description.extend(own);
        blocks.clear();
    }
    for &c in &statements {
        let mut text = format!("- {}", heading_text(d, c).trim());
        let mut tight = true;
        for b in cell_blocks(d, &d.secs[c].own) {
            text.push_str(if tight && b.item { "\n" } else { "\n\n" });
            let nested: Vec<String> = b.md.text.lines().map(|l| format!("  {l}")).collect();
            text.push_str(nested.join("\n").trim_end());
            tight = b.item && b.tight;
        }
        blocks.push(CellBlock {
            md: Md {
                text,
                doc: d.index,
                line: d.src.line(md_start(d, c)),
            },
            item: true,
            tight: false,
        });
    }
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
        rest.description.extend(own);
    }
    rest.extra_sections
        .extend(sec.children.iter().filter(|c| !statements.contains(c)));
}

/// Shape `Headings`: each sub-heading that is a pillar is a cell; the others describe the
/// level.
fn heading_cells(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    shared: &HashMap<String, usize>,
    level: &mut Level,
    rest: &mut Rest,
    skip: &[usize],
) {
    let file = FileRef::Level(level.uid);
    let sec = &d.secs[s];
    // Bold `Label:` paragraphs of prose before the sub-headings (`**Impact:** They …`, then
    // `### Responsibilities`) are pillars too, as in a level with no sub-headings.
    if prose_labels(d, s) {
        for group in label_groups(ladder, d, &sec.own, &mut rest.description) {
            level.cells.push(label_cell(d, group));
        }
    } else {
        rest.description.extend(&sec.own);
    }
    let pillars = heading_pillars(d, s, shared);
    for &c in sec.children.iter().filter(|c| !skip.contains(c)) {
        let title = heading_text(d, c);
        if !pillars.contains(&c) {
            // A question over a list (`Oven skills?`) may be meant as an area: say where it went.
            if super::titles::question(&title) && super::infer::has_list(d, c) {
                ladder.guess(
                    GuessKind::Description,
                    d.src.loc(md_start(d, c)),
                    format!(
                        "`{}` is a question, read as describing the level rather than naming a competency: kept in the level's description (without the `?` it would be a pillar)",
                        ids::clean_title(&title)
                    ),
                );
            }
            // A heading that says it holds the level's expectations or areas, over
            // sections of lists and nothing else (`### Core Expectations` over a table of
            // areas, read as `####` headings, beside `### Typical Background`): each of
            // those is a pillar of the level.
            let kids = &d.secs[c].children;
            let areas = [
                "expectations",
                "competencies",
                "areas",
                "skills",
                "dimensions",
            ];
            if !has_text(d, c)
                && super::titles::any_word(&title, &areas)
                && !describes(d, c)
                && !kids.is_empty()
                && kids.iter().all(|&g| has_list(d, g))
            {
                set_heading(
                    ladder,
                    d,
                    c,
                    Target {
                        file,
                        anchor: Anchor::Cell(level.cells.len()),
                    },
                );
                for &g in kids {
                    pillar_cell(ladder, d, g, file, level);
                }
                continue;
            }
            rest.extra_sections.push(c);
            continue;
        }
        if grade::with_lists(d, c) {
            grade::grade_cells(d, c, level, rest);
            continue;
        }
        pillar_cell(ladder, d, c, file, level);
    }
}

/// Section `c` of a level as the cell of the pillar it names. Sections deeper under it are
/// notes of it, but one that names a pillar another file of the import writes at `c`'s
/// depth (`### Suppliers` under `## Planning`, where the level beside it has `## Suppliers`):
/// that is a cell of its own, after `c`'s.
fn pillar_cell(ladder: &mut Ladder, d: &Doc, c: usize, file: FileRef, level: &mut Level) {
    let title = heading_text(d, c);
    let child = d.secs[c].clone();
    let mut blocks = cell_blocks(d, &child.own);
    let section = Target {
        file,
        anchor: Anchor::Cell(level.cells.len()),
    };
    let mut apart = Vec::new();
    for &g in &child.children {
        // The part of an area that holds its expectations (`## Expectations` under `#
        // Consulting`): they are the area's own.
        if super::infer::in_parts(d, c) && super::titles::expectations_part(&heading_text(d, g)) {
            blocks.extend(cell_blocks(d, &d.secs[g].own));
            let at = d.secs[g].heading.unwrap_or(0)..d.secs[g].end;
            point_headings(ladder, d, at, |_| section.clone());
            continue;
        }
        if pillar_elsewhere(ladder, d, g, child.level) {
            let what = format!(
                "is a pillar of its own: other files of the ladder write it as deep as `{}`",
                ids::clean_title(&title)
            );
            say_under(ladder, d, g, &title, &what);
            apart.push(g);
        } else if let Some(note) = deeper_note(ladder, d, g, &title, &section) {
            blocks.push(note);
        }
    }
    set_heading(ladder, d, c, section);
    level.cells.push(Cell {
        pillar_title: title,
        pillar_at: d.src.loc(md_start(d, c)),
        pillar_id: None,
        pillar_key: None,
        pillar_description: Vec::new(),
        blocks,
        pillar: 0,
    });
    for g in apart {
        pillar_cell(ladder, d, g, file, level);
    }
}

/// Says, at section `g`, what became of it under the pillar titled `pillar`: "`g` under
/// pillar `pillar` `what`".
fn say_under(ladder: &mut Ladder, d: &Doc, g: usize, pillar: &str, what: &str) {
    ladder.guess(
        GuessKind::Structure,
        d.src.loc(md_start(d, g)),
        format!(
            "`{}` under pillar `{}` {what}",
            ids::clean_title(&heading_text(d, g)),
            ids::clean_title(pillar)
        ),
    );
}

/// Whether section `g`, under a pillar at heading depth `depth`, is titled as a heading of
/// that depth in another level file of its folder (READMEs are not in
/// [`Ladder::heading_depths`]): a pillar one file writes a level deeper than the others. Titles that describe (`Examples`) or read as a level are not.
fn pillar_elsewhere(ladder: &Ladder, d: &Doc, g: usize, depth: u8) -> bool {
    let title = heading_text(d, g);
    if super::infer::descriptive(&title) || super::infer::level_like(&title) {
        return false;
    }
    ladder
        .heading_depths
        .get(&ids::title_key(&title))
        .is_some_and(|v| {
            v.iter().any(|(rel, at)| {
                *at == depth && *rel != d.src.rel && super::source::dir_of(rel) == d.src.dir()
            })
        })
}

/// Section `g`, deeper under pillar `title`, as a note of that pillar (its lists quoted so
/// they are not read as expectations). Links to its headings lead to the pillar's `section`
/// on the level's page: a heading in a note gets no anchor there.
fn deeper_note(
    ladder: &mut Ladder,
    d: &Doc,
    g: usize,
    title: &str,
    section: &Target,
) -> Option<CellBlock> {
    let mut md = section_md_alone(d, g)?;
    if contains_list(&md.text) {
        md.text = quote(&md.text);
    }
    say_under(ladder, d, g, title, "kept as a note of that pillar");
    let blocks = d.secs[g].heading.unwrap_or(0)..d.secs[g].end;
    point_headings(ladder, d, blocks, |_| section.clone());
    Some(CellBlock {
        md,
        item: false,
        tight: false,
    })
}

/// Labelled item `it` when its label gives pay on this page (`- **Salary**: 100 coins a
/// month`, see [`pay_labels`]) and nothing is nested in it: the line of the level's
/// description it is, as a pay column's cell is, rather than a pillar.
fn pay_item(ladder: &mut Ladder, d: &Doc, it: &Item) -> Option<Md> {
    let label = it.label.as_deref()?;
    let after = d.src.text.get(it.rest..it.first_end).unwrap_or("").trim();
    if !it.nested.is_empty() || !pay_labels(d).contains(&ids::title_key(label)) {
        return None;
    }
    say_pay(ladder, d, it.start, label);
    Some(Md {
        text: format!("**{}:** {after}", ids::clean_title(label)),
        doc: d.index,
        line: d.src.line(it.start),
    })
}

/// The labels of `d` (title keys) that give pay as figures at one level or more (see
/// [`pay_figures`](super::titles::pay_figures)): pay at every level of the page, in figures
/// or in words (`Set each season`), so that no level keeps it as a pillar the others lack.
pub(super) fn pay_labels<'d>(d: &'d Doc) -> &'d std::collections::HashSet<String> {
    d.pay_labels.get_or_init(|| {
        let text = &d.src.text;
        let mut found = std::collections::HashSet::new();
        for b in &d.blocks {
            match &b.kind {
                Kind::Para {
                    label: Some(l),
                    rest,
                    ..
                } => {
                    let after = text.get(*rest..b.end).unwrap_or("");
                    if super::titles::pay_figures(l, after) {
                        found.insert(ids::title_key(l));
                    }
                }
                Kind::List { items } => {
                    for it in items {
                        let (Some(l), true) = (&it.label, it.nested.is_empty()) else {
                            continue;
                        };
                        let after = text.get(it.rest..it.first_end).unwrap_or("");
                        if super::titles::pay_figures(l, after) {
                            found.insert(ids::title_key(l));
                        }
                    }
                }
                _ => {}
            }
        }
        found
    })
}

/// Says, once per file, that pay given by a label (at offset `at` of `d`) is kept in each
/// level's description.
fn say_pay(ladder: &mut Ladder, d: &Doc, at: usize, label: &str) {
    say_pay_kept(ladder, d, at, "by a label", label);
}

/// Says, once per file and way of giving pay (`by a label`, `in a section of sums`), that
/// pay given so (`name`, at offset `at` of `d`) is kept in each level's description.
fn say_pay_kept(ladder: &mut Ladder, d: &Doc, at: usize, given: &str, name: &str) {
    let at = d.src.loc(at);
    let opening = format!("pay given {given}");
    if ladder
        .guesses
        .iter()
        .any(|g| g.at.path == at.path && g.text.starts_with(&opening))
    {
        return;
    }
    let text = format!("{opening} (`{}`) is kept in each level's description, as a pay column is, not made a pillar", ids::clean_title(name));
    ladder.guess(GuessKind::Description, at, text);
}
