//! Grids of the same levels under sibling headings, each heading naming a part of what the
//! levels are measured by (`## Level comparison` and `## Core skills`, each over `| … | Junior
//! | Middle | Senior |`): one ladder written in parts, whose pillars are all the grids' rows.
//! Grids under headings that name anything else (`## Backend`, `## Baker skills`) are that
//! track's, as are grids that share a pillar (each track has its `Communication`).

use super::account::keep_left_out;
use super::grid::Grid;
use super::table::{heading, Heading, Line, Table};
use super::{Edit, Read, Shape};

/// Words of a heading that name a part of what the levels are measured by, or say that it
/// compares the levels (`Level comparison`, `Core competencies`, `Signs`).
#[rustfmt::skip]
const NAMES_PART: &[&str] = &[
    "level", "levels", "comparison", "compared", "skill", "skills", "competency",
    "competencies", "capability", "capabilities", "behaviour", "behaviours", "behavior",
    "behaviors", "expectation", "expectations", "responsibilities", "scope", "signs",
    "indicators", "area", "areas", "dimension", "dimensions", "pillar", "pillars", "axes",
];

/// Other words a part's heading may have (`Core skills`, `Signs of each level`): none that
/// could name the people on a track (`Baker skills`, `Sales team`).
#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "core", "key", "main", "other", "general", "common", "shared", "essential", "technical",
    "soft", "personal", "professional", "the", "of", "and", "at", "by", "a", "an", "each",
    "every", "for", "in", "per", "what", "how", "you", "your", "are", "is", "there",
];

/// Whether a heading names a part of what is measured, and nothing else: each of its words
/// (past a leading number, `5.`) is one of [`NAMES_PART`], one at least, or of
/// [`QUALIFIERS`]. `## Lighting`, `## Baker skills` and `## Station Manager skills` name a
/// track's work.
fn names_part(title: &str) -> bool {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(crate::ids::fold_word)
        .collect();
    words.iter().any(|w| NAMES_PART.contains(&w.as_str()))
        && words
            .iter()
            .all(|w| NAMES_PART.contains(&w.as_str()) || QUALIFIERS.contains(&w.as_str()))
}

/// The groups, two tables or more each, of `tables` read as one ladder: grids (`shapes`
/// [`Shape::Columns`] or [`Shape::Rows`], `grids` their readings, `None` for the rest) one
/// after another, under headings of one depth (two or deeper) and one parent that each name
/// a part of what is measured (see [`names_part`]), with the same levels in the same order
/// and no pillar in common; in the order written. A grid of another kind between two breaks
/// the run: grids under `## Joinery` and `## Upholstery` are two trades' tracks.
pub(super) fn joined_grids(
    tables: &[Table],
    shapes: &[Option<Shape>],
    grids: &[Option<Grid<'_>>],
) -> Vec<Vec<usize>> {
    let part = |i: usize| {
        tables[i]
            .heading
            .as_ref()
            .is_some_and(|h| h.depth >= 2 && names_part(&h.title))
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for i in (0..tables.len())
        .filter(|&i| matches!(shapes[i], Some(Shape::Columns | Shape::Rows)) && grids[i].is_some())
    {
        let grid = |j: usize| grids[j].as_ref().expect("filtered on its grid");
        let fits = part(i)
            && current.first().is_some_and(|&first| {
                let (ha, hb) = (tables[first].heading.as_ref(), tables[i].heading.as_ref());
                ha.map(|h| (h.depth, &h.parent)) == hb.map(|h| (h.depth, &h.parent))
                    && grid(first).level_keys() == grid(i).level_keys()
                    && current.iter().all(|&j| {
                        let theirs = grid(j).pillar_keys();
                        grid(i).pillar_keys().iter().all(|p| !theirs.contains(p))
                    })
            });
        if !fits {
            if current.len() >= 2 {
                groups.push(std::mem::take(&mut current));
            }
            current.clear();
        }
        if part(i) {
            current.push(i);
        }
    }
    if current.len() >= 2 {
        groups.push(current);
    }
    groups
}

/// The edits that write the grids of `group` (see [`joined_grids`]; `grids` their readings,
/// taken) as one ladder, in place of the first table, the others removed (with their
/// headings, where a heading holds only its table); in place of the
/// first heading too where every heading holds only its table, so that the levels are the
/// track of the heading above them, unless the document has other tables read as levels
/// (`shapes`), whose headings would then be read as more levels.
pub(super) fn joined_edits(
    tables: &[Table],
    shapes: &[Option<Shape>],
    group: &[usize],
    grids: &mut [Option<Grid<'_>>],
) -> (Vec<Edit>, Vec<Read>) {
    let heads: Vec<&Heading> = group
        .iter()
        .filter_map(|&i| tables[i].heading.as_ref())
        .collect();
    let (Some(first), Some(mut grid)) = (heads.first(), grids[group[0]].take()) else {
        return (Vec::new(), Vec::new());
    };
    for &i in &group[1..] {
        if let Some(g) = grids[i].take() {
            grid.join(g);
        }
    }
    // Another table read as levels would then be read beside these as more of them, or its
    // heading as a level.
    let others = tables
        .iter()
        .zip(shapes)
        .enumerate()
        .any(|(i, (_, s))| s.is_some() && !group.contains(&i));
    let alone = heads.iter().all(|h| h.alone) && !others;
    let at = if alone { first.depth - 1 } else { first.depth };
    let mut lines = grid.lines(at + 1);
    let mut read = vec![Read {
        line: tables[group[0]].first_line,
        what: format!(
            "the {} tables under {} have the same levels and no pillar in common: read as one ladder, {} levels (`{}` … `{}`) × {} pillars{}",
            group.len(),
            heads
                .iter()
                .map(|h| format!("`{}`", h.title))
                .collect::<Vec<_>>()
                .join(", "),
            grid.levels.len(),
            grid.levels.first().map_or("", |l| l.name.as_str()),
            grid.levels.last().map_or("", |l| l.name.as_str()),
            grid.filled(),
            if alone {
                "; their levels take the place of the headings"
            } else {
                ""
            }
        ),
    }];
    let kept = keep_left_out(group.iter().map(|&i| &tables[i]), &mut lines);
    if kept > 0 {
        read.push(Read {
            line: tables[group[0]].first_line,
            what: format!(
                "{kept} cells of these tables are in no level's pillar: their text is kept after the ladder they are written as (see the lines it names)"
            ),
        });
    }
    let mut edits = Vec::new();
    // Where the levels are written under the first part's heading, that heading names their
    // track: the document's title, with the part's title kept in bold below it (review 39
    // R39-08: the track was titled `Level comparison`).
    if let (false, Some(title)) = (alone, first.parent.as_deref()) {
        edits.push(Edit {
            first: first.line,
            last: first.line,
            lines: vec![
                heading(first.depth, title, first.line),
                Line {
                    text: format!("**{}**\n", first.title),
                    row: first.line,
                },
            ],
        });
    }
    for (n, &i) in group.iter().enumerate() {
        let t = &tables[i];
        // A later table's heading over nothing else goes with it.
        let from = match &t.heading {
            Some(h) if alone || (n > 0 && h.alone) => h.line,
            _ => t.first_line,
        };
        edits.push(Edit {
            first: from,
            last: t.last_line,
            lines: if n == 0 {
                std::mem::take(&mut lines)
            } else {
                Vec::new()
            },
        });
    }
    (edits, read)
}
