//! Ladders written as Markdown tables (GitHub Flavored Markdown pipe tables, the "Tables
//! (extension)" section of the GFM spec), rewritten before the outline reads the document into
//! the headings and lists the rest of import reads: a `## Level` heading per level, a
//! `### Pillar` heading under it per pillar, and a `- ` item per expectation.
//!
//! The shapes read ([`Shape`]), each only when the cells hold prose, so that an index of
//! links, a glossary or a ✓ matrix stays a table:
//! - **a grid** with levels across (`| Competency | Engineer I | Engineer II |`), a pillar per
//!   row or per group of rows; or a level per row, a pillar per column, with a `Title` and a
//!   `Summary` column about the level; the corner cell decides when it names either;
//! - **one expectation per row** (`| Level | Pillar | Expectation |`);
//! - **a table per level** under its heading, a row per pillar (`| Area | Expectations |`);
//! - **a table per pillar** under its heading, levels across: read together as one ladder.
//!
//! [`table`] reads the tables and the heading above each, [`cells`] the text of a cell, and
//! [`grid`] what a grid holds and the lines it is written as. The rewritten document keeps
//! every other line as it was, and each line it writes is traced back to the table row it came
//! from ([`SourceDoc::mapped`]), so the summary's `path:line` still points into the file as
//! written.

use super::infer::level_like;
use super::source::SourceDoc;
pub(super) use cells::strip_tags;
use cells::{label, link_text, prose};
use grid::{by_columns, by_expectation, by_rows, pillar_major, Grid};
use std::collections::HashSet;
use table::{find_tables, group_row, key, label_columns, named_rows, Line, Table};

/// A table read as part of the ladder: its first line (1-based) and what it was read as, in
/// words for the summary.
pub(super) struct Read {
    pub(super) line: usize,
    pub(super) what: String,
}

/// A competency's description from the columns about it in a sheet (see [`about_columns`]):
/// its name, the file's line (1-based) of its row, and the Markdown.
pub(super) type Described = (String, usize, String);

/// A table kept as a table, for [`super::level_index`] and [`super::roster`]: each row, the
/// header first, with its line in the file and its cells' text (a link's text for a link),
/// and the title of the heading above it.
pub(super) type Kept = (Vec<(usize, Vec<String>)>, Option<String>);

/// `doc` with its ladder tables rewritten as headings and lists, what was read, and the
/// tables kept as tables; `doc` itself when it has no ladder tables.
pub(super) fn unfold(doc: SourceDoc) -> (SourceDoc, Vec<Read>, Vec<Kept>, Vec<Described>) {
    if !doc.text.contains('|') && !doc.text.to_ascii_lowercase().contains("<table") {
        return (doc, Vec::new(), Vec::new(), Vec::new());
    }
    let tables = find_tables(&doc.text);
    let (mut edits, read, described) = edits(&tables, &doc.text);
    // Lines in the file, where `doc` was itself written from it (a sheet).
    let read: Vec<Read> = read
        .into_iter()
        .map(|r| Read {
            line: doc.source_line(r.line),
            what: r.what,
        })
        .collect();
    let described = described
        .into_iter()
        .map(|(name, line, text)| (name, doc.source_line(line), text))
        .collect();
    let kept = tables
        .into_iter()
        .filter(|t| {
            !edits
                .iter()
                .any(|e| e.first <= t.first_line && t.last_line <= e.last)
        })
        .map(|t| kept(&doc, t))
        .collect();
    if edits.is_empty() {
        return (doc, Vec::new(), kept, Vec::new());
    }
    edits.sort_by_key(|e| e.first);
    let mut text = String::with_capacity(doc.text.len() * 2);
    let mut origin = Vec::new();
    let mut edits = edits.into_iter().peekable();
    for (i, line) in doc.text.split('\n').enumerate() {
        let n = i + 1;
        if let Some(e) = edits.peek() {
            if n >= e.first && n <= e.last {
                if n == e.last {
                    let e = edits.next().expect("peeked");
                    if !e.lines.is_empty() {
                        push(&mut text, &mut origin, "", (e.first, false));
                    }
                    for l in e.lines {
                        for part in l.text.split('\n') {
                            push(&mut text, &mut origin, part, (l.row, false));
                        }
                    }
                }
                continue;
            }
        }
        push(&mut text, &mut origin, line, (n, true));
    }
    // The last push added a newline the text did not end with. `origin` keeps its entry: it
    // is the last line's when the text does not end with a newline.
    text.pop();
    // Lines of a text that was itself written from the file (a sheet's table) stand for the
    // file's lines.
    let origin = origin
        .into_iter()
        .map(|(line, as_written)| {
            let (from, kept) = doc.origin_of(line);
            (from, as_written && kept)
        })
        .collect();
    (
        SourceDoc::mapped(doc.rel, text, origin),
        read,
        kept,
        described,
    )
}

/// Table `t` of `doc` as [`Kept`].
fn kept(doc: &SourceDoc, t: Table) -> Kept {
    let heading = t.heading.as_ref().map(|h| label(&h.title));
    let rows = std::iter::once((t.first_line, t.header))
        .chain(t.rows)
        .map(|(line, cells)| {
            let text = cells.iter().map(|c| link_text(&label(c))).collect();
            (doc.source_line(line), text)
        })
        .collect();
    (rows, heading)
}

/// The first table of `doc` that would be a grid of levels but names only two (`| Skill |
/// DevEx Engineer I | DevEx Engineer II |`, with prose in its cells): its line in the file and
/// the two names, for the error that says why no ladder was found.
pub(super) fn two_level_grid(doc: &SourceDoc) -> Option<(usize, String, String)> {
    find_tables(&doc.text).into_iter().find_map(|t| {
        let names: Vec<String> = t.header[1..]
            .iter()
            .map(|c| label(c))
            .filter(|l| !l.is_empty())
            .collect();
        let grid = names.len() == 2
            && (names.iter().any(|n| level_like(n))
                || corner(&t.header[0]) == Some(Shape::Columns))
            && prose(t.rows.iter().flat_map(|(_, c)| &c[1..]));
        grid.then(|| {
            (
                doc.source_line(t.first_line),
                names[0].clone(),
                names[1].clone(),
            )
        })
    })
}

fn push(text: &mut String, origin: &mut Vec<(usize, bool)>, line: &str, from: (usize, bool)) {
    text.push_str(line);
    text.push('\n');
    origin.push(from);
}

/// Lines `first..=last` (1-based) of the file, replaced by `lines`.
struct Edit {
    first: usize,
    last: usize,
    lines: Vec<Line>,
}

/// The edits that rewrite `tables`, and what each was read as.
fn edits(tables: &[Table], text: &str) -> (Vec<Edit>, Vec<Read>, Vec<Described>) {
    // Blank columns a spreadsheet kept are left out; a sheet's columns about each
    // competency beside its levels are read as its names and levels.
    let tables: Vec<Table> = tables
        .iter()
        .map(|t| table::without_empty_columns(t).unwrap_or_else(|| t.clone()))
        .collect();
    let narrowed: Vec<Option<about_columns::Narrowed>> =
        tables.iter().map(about_columns::narrowed).collect();
    let narrowed_tables: Vec<Table> = tables
        .iter()
        .zip(&narrowed)
        .map(|(t, n)| n.as_ref().map_or_else(|| t.clone(), |n| n.table.clone()))
        .collect();
    let tables = &narrowed_tables[..];
    let shared = shared_labels(tables);
    let mut shapes: Vec<Option<Shape>> = tables.iter().map(|t| shape(t, &shared, false)).collect();
    // Tables of short phrases (`Learns tools`) under sibling headings with the same levels
    // across, beside each other or beside one of sentences: one matrix, a pillar per table.
    let terse: Vec<Option<Shape>> = tables.iter().map(|t| shape(t, &shared, true)).collect();
    let depth = |i: usize| tables[i].heading.as_ref().map(|h| h.depth);
    for i in 0..tables.len() {
        let sibling = |j: usize| {
            j != i
                && terse[j] == Some(Shape::Columns)
                && depth(j) == depth(i)
                && header_keys(&tables[j])
                    .intersection(&header_keys(&tables[i]))
                    .count()
                    >= 2
        };
        if shapes[i].is_none() && terse[i] == Some(Shape::Columns) && (0..tables.len()).any(sibling)
        {
            shapes[i] = terse[i];
        }
    }
    // Pillars' tables with their levels down (`| Milestone | Explanation |`), turned round to
    // join the tables with levels across; those that make no ladder with another stay tables.
    // Tables that list levels and no more (`| Level | Designation |`, none of the shapes
    // above) are no pillar's either: kept, for the index of levels or the roster (see
    // `super::roster`).
    let rosters: Vec<bool> = tables
        .iter()
        .zip(&shapes)
        .map(|(t, shape)| {
            if shape.is_some() {
                return false;
            }
            let rows: Vec<Vec<String>> = t
                .rows
                .iter()
                .map(|r| r.1.iter().map(|c| label(c)).collect())
                .collect();
            let header: Vec<String> = t.header.iter().map(|c| label(c)).collect();
            super::roster::columns(&header, &rows).is_some()
        })
        .collect();
    let turned = levels_down::turned(tables, |i| shapes[i].is_some() || rosters[i]);
    let owned: Vec<Table> = tables
        .iter()
        .zip(&turned)
        .map(|(t, a)| a.as_ref().map_or_else(|| t.clone(), |a| a.0.clone()))
        .collect();
    let tables = &owned[..];
    for (i, a) in turned.iter().enumerate() {
        if a.is_some() {
            shapes[i] = Some(Shape::Columns);
        }
    }
    let groups = pillar_sections(tables, &shapes);
    for (i, a) in turned.iter().enumerate() {
        if a.is_some() && !groups.iter().flatten().any(|&g| g == i) {
            shapes[i] = None;
        }
    }
    let (mut edits, mut read) = (Vec::new(), Vec::new());
    let mut notes: Vec<Vec<Line>> = turned
        .into_iter()
        .map(|a| a.map(|a| a.1).unwrap_or_default())
        .collect();
    for group in &groups {
        let (e, r) = pillar_edits(tables, group, &mut notes, text);
        edits.extend(e);
        read.extend(r);
    }
    let by_pillar: Vec<usize> = groups.concat();
    let depth = |t: &Table| t.heading.as_ref().map_or(0, |h| h.depth);
    // The depths the tables' levels are written at, by default: one deeper than a grid's
    // heading; the pillar headings' own.
    let mut level_depths: HashSet<u8> = groups.iter().map(|g| depth(&tables[g[0]])).collect();
    for (i, (t, shape)) in tables.iter().zip(&shapes).enumerate() {
        if shape.is_some_and(|s| s != Shape::PerLevel) && !by_pillar.contains(&i) {
            level_depths.insert(depth(t) + 1);
        }
    }
    let mut grids: Vec<Option<Grid>> = tables
        .iter()
        .zip(&shapes)
        .enumerate()
        .map(|(i, (t, s))| {
            s.filter(|_| !by_pillar.contains(&i))
                .and_then(|s| grid_of(t, s))
                .map(|g| g.0)
        })
        .collect();
    let joined = joined::joined_grids(tables, &shapes, &grids);
    for (i, (t, shape)) in tables.iter().zip(&shapes).enumerate() {
        let Some(shape) = *shape else { continue };
        read.extend(cells_left_out(t));
        if by_pillar.contains(&i) {
            continue;
        }
        if let Some(group) = joined.iter().find(|g| g.contains(&i)) {
            if group[0] == i {
                let (e, r) = joined::joined_edits(tables, &shapes, group, &mut grids);
                edits.extend(e);
                read.extend(r);
            }
            continue;
        }
        // A grid that is all its heading holds, where the document's other tables write
        // their levels at that heading's depth (another track's, under a heading of its own),
        // takes its heading's place: its levels are that track's, not a track of their own.
        let in_place = t.heading.as_ref().filter(|h| {
            shape != Shape::PerLevel && h.alone && h.depth >= 2 && level_depths.contains(&h.depth)
        });
        // A heading that only explains the grid (`### Legend` over how to read it, under `##
        // Keeper Levels`) is no track: the grid's levels are written in its place, and its
        // text describes the track of the heading above.
        let legend = t.heading.as_ref().filter(|h| {
            in_place.is_none() && shape != Shape::PerLevel && h.depth >= 2 && explains(&h.title)
        });
        let at = match (in_place, legend) {
            (Some(h), _) | (None, Some(h)) => h.depth - 1,
            _ => depth(t),
        };
        if let Some(h) = legend {
            edits.push(Edit {
                first: h.line,
                last: h.line,
                lines: Vec::new(),
            });
            read.push(Read {
                line: h.line,
                what: format!(
                    "`{}` explains the table below it: its text describes the track, and the table's levels take the heading's place",
                    h.title
                ),
            });
        }
        let (mut lines, mut what) = written(t, shape, at);
        let kept = account::keep_left_out([t], &mut lines);
        if kept > 0 {
            read.push(Read {
                line: t.first_line,
                what: format!(
                    "{kept} cells of this table are in no level's pillar: their text is kept after the ladder it is written as (see the lines it names)"
                ),
            });
        }
        if let Some(h) = in_place {
            what.push_str(&format!(
                "; its levels take the place of its heading `{}`, at the depth of the other tables' levels",
                h.title
            ));
        }
        // Text after the table, before the next heading or table, is about the table as a
        // whole (`**The shift that catches people out** is …`): written before the levels, it
        // stays with the heading's own text, where after them it would be a note of the last
        // level's last pillar.
        let after = trailing(tables, t, text);
        let last = t.last_line + after.len();
        if !after.is_empty() {
            let blank = Line {
                text: String::new(),
                row: t.last_line,
            };
            lines.splice(0..0, after.into_iter().chain(std::iter::once(blank)));
        }
        edits.push(Edit {
            first: in_place.map_or(t.first_line, |h| h.line),
            last,
            lines,
        });
        read.push(Read {
            line: t.first_line,
            what,
        });
    }
    let mut described = Vec::new();
    for (n, (t, shape)) in narrowed.into_iter().zip(tables.iter().zip(&shapes)) {
        if let (Some(n), Some(_)) = (n, shape) {
            read.push(Read {
                line: t.first_line,
                what: format!("the table is a sheet of competencies: {}", n.what),
            });
            described.extend(n.described);
        }
    }
    read.sort_by_key(|r| r.line);
    (edits, read, described)
}

/// The lines after table `t` up to the next heading, table or the end, each with its line:
/// none when only blank lines follow it there.
fn trailing(tables: &[Table], t: &Table, text: &str) -> Vec<Line> {
    let next_table = tables
        .iter()
        .map(|o| o.first_line)
        .filter(|&f| f > t.last_line)
        .min()
        .unwrap_or(usize::MAX);
    let mut out = Vec::new();
    let mut fenced = false;
    for (i, line) in text.split('\n').enumerate().skip(t.last_line) {
        let n = i + 1;
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if n >= next_table || !fenced && trimmed.starts_with('#') || trimmed.starts_with("<h") {
            break;
        }
        out.push(Line {
            text: line.to_string(),
            row: n,
        });
    }
    while out.last().is_some_and(|l| l.text.trim().is_empty()) {
        out.pop();
    }
    out
}

/// A heading's title that only explains a table (`Legend`, `Key`, `How to read this table`).
fn explains(title: &str) -> bool {
    let k = crate::import::ids::title_key(title);
    let k = k.trim_end_matches([':', '.']);
    [
        "legend",
        "key",
        "reading the table",
        "reading this table",
        "reading the grid",
    ]
    .contains(&k)
        || k.starts_with("how to read")
}

/// The edits of the tables of [`pillar_sections`] (`sections`): the ladder they make, in place
/// of the last; the others, and the headings of sections that are only their table, removed.
/// A table's `notes` (the rows that describe its pillar) take its place. Where the levels
/// are written above the pillars' groups, a pillar's heading over text of its own is written
/// as its name in bold over that text (`text` is the document's): as a heading it would make
/// its group a level.
fn pillar_edits(
    tables: &[Table],
    sections: &[usize],
    notes: &mut [Vec<Line>],
    text: &str,
) -> (Vec<Edit>, Vec<Read>) {
    let Some(&last) = sections.last() else {
        return (Vec::new(), Vec::new());
    };
    let (grid, mut depth) = pillar_major(tables, sections);
    // Pillars grouped under headings of their own (`## Creating` / `### Platform`, `##
    // Supporting` / `### Mentorship`): the levels are the groups' siblings, not the last
    // group's sub-sections, so the track is the document's.
    let parents: HashSet<&str> = sections
        .iter()
        .filter_map(|&i| tables[i].heading.as_ref()?.parent.as_deref())
        .collect();
    let grouped = parents.len() >= 2 && depth > 1;
    if grouped {
        depth -= 1;
    }
    let source: Vec<&str> = text.split('\n').collect();
    // Lines `rows` (1-based) of the source, as they are.
    let copied = |rows: std::ops::RangeInclusive<usize>| {
        rows.map(|n| Line {
            text: source.get(n - 1).unwrap_or(&"").to_string(),
            row: n,
        })
        .collect::<Vec<Line>>()
    };
    let mut edits = Vec::new();
    for &i in sections {
        let t = &tables[i];
        let Some(h) = t.heading.as_ref() else {
            continue;
        };
        // A section that is only its table goes with its heading, and the rows that describe
        // its pillar (`notes`) stay where the table was, after the pillar's name in bold. One
        // with text of its own keeps its heading and the text, unless the levels are written
        // above the groups: then its heading becomes the pillar's name in bold.
        let mut lines: Vec<Line> = std::mem::take(&mut notes[i])
            .into_iter()
            .map(|l| Line {
                text: if l.text.is_empty() || !h.alone {
                    l.text
                } else {
                    format!("**{}** — {}", h.title, l.text)
                },
                row: l.row,
            })
            .collect();
        let first = if h.alone || grouped {
            h.line
        } else {
            t.first_line
        };
        if grouped && !h.alone {
            let own = copied(h.line + 1..=t.first_line - 1);
            let name = std::iter::once(Line {
                text: format!("**{}**", h.title),
                row: h.line,
            });
            lines = name.chain(own).chain(lines).collect();
        }
        let mut end = t.last_line;
        if i == last {
            // What the last pillar's section says after its table (`**Evidence required**`
            // and a list) stays in that section, before the levels: after them it would be
            // the last level's.
            if !h.alone && !grouped {
                let close = h.end;
                if !tables
                    .iter()
                    .any(|o| o.first_line > t.last_line && o.first_line <= close)
                {
                    lines.extend(copied(t.last_line + 1..=close));
                    end = close;
                }
            }
            lines.extend(grid.lines(depth));
        }
        edits.push(Edit {
            first,
            last: end,
            lines,
        });
    }
    let read = Read {
        line: tables[sections[0]].first_line,
        what: format!(
            "the {} tables under the pillar headings read as one ladder: {} levels (their columns) × {} pillars (the headings), each row's name kept on its expectations",
            sections.len(),
            grid.levels.len(),
            grid.filled()
        ),
    };
    (edits, vec![read])
}

/// The rows of a table read as part of the ladder with cells past the header's, which GFM
/// drops: said, as they are not in the ladder.
fn cells_left_out(t: &Table) -> impl Iterator<Item = Read> + '_ {
    t.extra.iter().map(|&(line, n)| Read {
        line,
        what: format!(
            "this row has {n} cells and the table's header {}: the cells past the header's are left out (a `|` inside a cell is written `\\|`)",
            t.header.len()
        ),
    })
}

/// The lines table `t`, read as `shape`, is written as, and the summary's words for it: a
/// grid's levels one deeper than `depth`, a level's pillars one deeper than its heading.
fn written(t: &Table, shape: Shape, depth: u8) -> (Vec<Line>, String) {
    match grid_of(t, shape) {
        Some((grid, what)) => (grid.lines(depth + 1), what),
        None => {
            let title = t.heading.as_ref().map_or("", |h| h.title.as_str());
            let what = match named_rows(t).len() {
                1 => format!("the table read as the pillars of `{title}`: 1 pillar (its row)"),
                n => format!("the table read as the pillars of `{title}`: {n} pillars (its rows)"),
            };
            let depth = t.heading.as_ref().map_or(0, |h| h.depth);
            (per_level(t, depth), what)
        }
    }
}

/// The ladder table `t` holds, read as `shape`, and the summary's words for it; `None` for
/// [`Shape::PerLevel`], one level's table, which is written as that level's pillars.
fn grid_of(t: &Table, shape: Shape) -> Option<(Grid<'_>, String)> {
    let (grid, what) = match shape {
        Shape::Columns => {
            let g = by_columns(t);
            let what = format!(
                "the table read as a ladder: {} levels (its columns) × {} pillars ({})",
                g.levels.len(),
                g.filled(),
                if label_columns(t) > 1 {
                    "its first column, each row's name kept on its expectations".to_string()
                } else if g.grouped {
                    "its group rows, each row's name kept on its expectations".to_string()
                } else {
                    // Rows with a name and nothing at any level make no pillar: said, so
                    // that their names are not lost without a word.
                    let empty: Vec<String> = t
                        .rows
                        .iter()
                        .filter(|(_, c)| group_row(c))
                        .map(|(_, c)| format!("`{}`", label(&c[0])))
                        .collect();
                    if empty.is_empty() {
                        "its rows".to_string()
                    } else {
                        format!(
                            "its rows; {} no level fills, so no pillar is made of {}",
                            empty.join(", "),
                            if empty.len() == 1 { "it" } else { "them" }
                        )
                    }
                }
            );
            (g, what)
        }
        Shape::Rows => {
            let about = level_columns(t);
            let g = by_rows(t, &about);
            let named: Vec<String> = about
                .iter()
                .map(|&c| format!("`{}`", label(&t.header[c])))
                .collect();
            let what = format!(
                "the table read as a ladder: {} levels (its rows) × {} pillars (its columns){}",
                g.levels.len(),
                g.filled(),
                if named.is_empty() {
                    String::new()
                } else {
                    format!("; {} name or describe the levels", named.join(" and "))
                }
            );
            (g, what)
        }
        Shape::Long(columns) => {
            let g = by_expectation(t, columns);
            let what = format!(
                "the table read as a ladder of one expectation per row: {} levels × {} pillars, from its columns `{}`",
                g.levels.len(),
                g.filled(),
                t.header.iter().map(|h| label(h)).collect::<Vec<_>>().join("`, `")
            );
            (g, what)
        }
        Shape::PerLevel => return None,
    };
    Some((grid, what))
}

/// The tables read as [`Shape::Columns`] that are each one pillar's, in groups that are each
/// one ladder: two or more under headings of one depth that do not read as levels, sharing at
/// least two level columns.
fn pillar_sections(tables: &[Table], shapes: &[Option<Shape>]) -> Vec<Vec<usize>> {
    let candidates: Vec<usize> = (0..tables.len())
        .filter(|&i| shapes[i] == Some(Shape::Columns))
        .filter(|&i| {
            tables[i]
                .heading
                .as_ref()
                .is_some_and(|h| !level_like(&h.title) && !h.deeper_after && h.depth <= 5)
        })
        .collect();
    let columns = |i: usize| header_keys(&tables[i]);
    let depth = |i: usize| tables[i].heading.as_ref().map_or(0, |h| h.depth);
    // Each group: the candidates from the first not yet in one, at its depth and sharing two
    // level columns with it (one track's pillars; another track's tables name other levels).
    let mut groups = Vec::new();
    let mut taken: HashSet<usize> = HashSet::new();
    for &first in &candidates {
        if taken.contains(&first) {
            continue;
        }
        let chosen: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                !taken.contains(&i)
                    && depth(i) == depth(first)
                    && columns(i).intersection(&columns(first)).count() >= 2
            })
            .collect();
        let titles: HashSet<&str> = chosen
            .iter()
            .filter_map(|&i| tables[i].heading.as_ref().map(|h| h.title.as_str()))
            .collect();
        if titles.len() >= 2 {
            taken.extend(chosen.iter().copied());
            groups.push(chosen);
        }
    }
    groups
}

/// The keys of the header cells of `t` past its first: its levels, when it has levels across.
fn header_keys(t: &Table) -> HashSet<String> {
    t.header[1..].iter().map(|c| key(c)).collect()
}

mod about_columns;
mod account;
mod around;
mod levels_down;
mod per_level;
mod shape;
use per_level::{per_level, shared_labels};
use shape::{corner, level_columns, shape, Shape};
mod cells;
mod grid;
mod html;
mod joined;
mod table;
#[cfg(test)]
mod tests;
