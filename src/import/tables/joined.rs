//! Grids of the same levels under sibling headings, each heading naming a part of what the
//! levels are measured by (`## Level comparison` and `## Core skills`, each over `| … | Junior
//! | Middle | Senior |`): one ladder written in parts, whose pillars are all the grids' rows.
//! Grids under headings that name a track (`## Backend`, `## Engineering Managers`) are that
//! track's, as are grids that share a pillar (each track has its `Communication`).

use super::account::left_out;
use super::grid::Grid;
use super::table::{Heading, Line, Table};
use super::{Edit, Read, Shape};
use crate::import::titles::any_word;

/// Words of a heading that name a track, a discipline or the people on it, not a part of
/// what is measured (not `design` or `leadership`, which are often parts: `## System design`).
#[rustfmt::skip]
const NAMES_TRACK: &[&str] = &[
    "track", "tracks", "path", "paths", "ladder", "ladders", "career", "careers", "role",
    "roles", "team", "teams", "discipline", "disciplines", "family", "engineer", "engineers",
    "engineering", "developer", "developers", "manager", "managers", "management",
    "individual", "contributor", "contributors", "ic", "ics", "backend", "frontend",
    "fullstack", "mobile", "ios", "android", "web", "qa", "devops", "sre", "infrastructure",
    "platform", "security", "design", "designer", "designers", "product", "data", "analyst",
    "analysts", "scientist", "scientists", "sales", "marketing", "support", "operations",
];

/// Words of a heading that name a part of what the levels are measured by, or say that it
/// compares the levels (`Level comparison`, `Core competencies`, `Signs`).
#[rustfmt::skip]
const NAMES_PART: &[&str] = &[
    "level", "levels", "comparison", "compared", "skill", "skills", "competency",
    "competencies", "capability", "capabilities", "behaviour", "behaviours", "behavior",
    "behaviors", "expectation", "expectations", "responsibilities", "scope", "signs",
    "indicators", "area", "areas", "dimension", "dimensions", "pillar", "pillars", "axes",
];

/// The groups, two tables or more each, of `tables` read as one ladder: grids (`shapes`
/// [`Shape::Columns`] or [`Shape::Rows`], `grids` their readings, `None` for the rest) under
/// headings of one depth (two or deeper) and one parent, none naming a track and one at
/// least naming a part of what is measured, with the same levels in the same order and no
/// pillar in common; in the order written. (`## Joinery` and `## Upholstery`, each over
/// `Junior`, `Middle`, `Senior`, may be two trades' tracks.)
pub(super) fn joined_grids(
    tables: &[Table],
    shapes: &[Option<Shape>],
    grids: &[Option<Grid<'_>>],
) -> Vec<Vec<usize>> {
    let part = |i: usize| {
        matches!(shapes[i], Some(Shape::Columns | Shape::Rows))
            && grids[i].is_some()
            && tables[i]
                .heading
                .as_ref()
                .is_some_and(|h| h.depth >= 2 && !any_word(&h.title, NAMES_TRACK))
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for i in (0..tables.len()).filter(|&i| part(i)) {
        let fits = current.first().is_some_and(|&first| {
            let (a, b) = (&tables[first], &tables[i]);
            let (ha, hb) = (a.heading.as_ref(), b.heading.as_ref());
            let grid = |j: usize| grids[j].as_ref().expect("a part has its grid");
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
        current.push(i);
    }
    if current.len() >= 2 {
        groups.push(current);
    }
    groups.retain(|g| {
        g.iter().any(|&i| {
            tables[i]
                .heading
                .as_ref()
                .is_some_and(|h| any_word(&h.title, NAMES_PART))
        })
    });
    groups
}

/// The edits that write the grids of `group` (see [`joined_grids`]; `grids` their readings,
/// taken) as one ladder, in place of the first table, the others removed (with their
/// headings, where a heading holds only its table); in place of the
/// first heading too where every heading holds only its table, so that the levels are the
/// track of the heading above them, unless a table of one level's pillars (`shapes`) is
/// under a heading as deep: that heading would be read as one more level.
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
    let level_tables = tables.iter().zip(shapes).any(|(t, s)| {
        *s == Some(Shape::PerLevel) && t.heading.as_ref().map(|h| h.depth) == Some(first.depth)
    });
    let alone = heads.iter().all(|h| h.alone) && !level_tables;
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
    let rest: Vec<Line> = group
        .iter()
        .filter_map(|&i| left_out(&tables[i], &lines))
        .flatten()
        .collect();
    if !rest.is_empty() {
        read.push(Read {
            line: tables[group[0]].first_line,
            what: format!(
                "{} cells of these tables are in no level's pillar: their text is kept after the ladder they are written as (see the lines it names)",
                rest.iter().filter(|l| !l.text.is_empty()).count()
            ),
        });
        lines.extend(rest);
    }
    let mut edits = Vec::new();
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
