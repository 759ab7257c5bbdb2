//! The ladders that grids of cells hold, whichever way they run: levels by pillars, with
//! what each level × pillar cell holds, and the headings and lists they are written as.

use super::cells::{gap, item_line, items, label};
use super::table::{
    blank, group_row, groups_apart, heading, key, label_columns, named_rows, pillar_rows, Line,
    Table,
};
use crate::import::infer::{descriptive, level_like, pay};
use crate::import::titles::counter_examples;

/// A ladder read from tables: levels (with the line each is named on) by pillars.
pub(super) struct Grid<'t> {
    pub(super) levels: Vec<GridLevel>,
    pillars: Vec<GridPillar<'t>>,
    /// The pillars are groups of rows, each row's name kept on its expectations.
    pub(super) grouped: bool,
}

/// A level of a [`Grid`]: its name, the line it is named on, and paragraphs about it (its
/// description).
pub(super) struct GridLevel {
    pub(super) name: String,
    line: usize,
    about: Vec<String>,
}

impl GridLevel {
    fn new(name: String, line: usize) -> GridLevel {
        GridLevel {
            name,
            line,
            about: Vec::new(),
        }
    }
}

struct GridPillar<'t> {
    name: String,
    rows: Vec<GridRow<'t>>,
}

/// One row of a pillar: the name it puts before its expectations, if any, and its cell at
/// each level (by the level's index) with the cell's line.
struct GridRow<'t> {
    lead: Option<String>,
    cells: Vec<(usize, &'t str)>,
}

impl<'t> Grid<'t> {
    /// The levels' names, as [`key`]s, in order.
    pub(super) fn level_keys(&self) -> Vec<String> {
        self.levels.iter().map(|l| key(&l.name)).collect()
    }

    /// The pillars' names, as [`key`]s.
    pub(super) fn pillar_keys(&self) -> Vec<String> {
        self.pillars.iter().map(|p| key(&p.name)).collect()
    }

    /// `other`'s pillars after this grid's, and what it says about each level after what
    /// this one says; `other` has the same levels in the same order (see [`Grid::level_keys`]).
    pub(super) fn join(&mut self, other: Grid<'t>) {
        for (mine, theirs) in self.levels.iter_mut().zip(other.levels) {
            mine.about.extend(theirs.about);
        }
        self.pillars.extend(other.pillars);
        self.grouped |= other.grouped;
    }

    /// The pillars with an expectation at some level.
    pub(super) fn filled(&self) -> usize {
        self.pillars
            .iter()
            .filter(|p| {
                p.rows
                    .iter()
                    .any(|r| r.cells.iter().any(|(_, c)| !items(c).is_empty()))
            })
            .count()
    }

    /// A heading per level at `depth`, under it a heading per pillar that has expectations at
    /// that level, and the items.
    pub(super) fn lines(&self, depth: u8) -> Vec<Line> {
        let mut lines = Vec::new();
        for (li, level) in self.levels.iter().enumerate() {
            lines.push(heading(depth, &level.name, level.line));
            for about in &level.about {
                lines.push(Line {
                    text: format!("{about}\n"),
                    row: level.line,
                });
            }
            for pillar in &self.pillars {
                let found: Vec<(usize, String)> = pillar
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(li).map(|c| (r, c)))
                    .flat_map(|(r, &(line, cell))| {
                        items(cell).into_iter().map(move |i| match &r.lead {
                            Some(lead) => (line, format!("*{lead}:* {i}")),
                            None => (line, i),
                        })
                    })
                    .collect();
                let Some(&(first, _)) = found.first() else {
                    continue;
                };
                lines.push(heading(depth + 1, &pillar.name, first));
                for (row, item) in found {
                    lines.push(Line {
                        text: item_line("", &item),
                        row,
                    });
                }
                lines.push(blank(first));
            }
        }
        lines
    }
}

/// Levels across the columns, a pillar per row; when the table has group rows (a label and
/// no cells), a pillar per group, its rows named on their expectations.
pub(super) fn by_columns<'t>(t: &'t Table) -> Grid<'t> {
    // `| Pillar | Area | Engineer I | …`: the pillar, then the row's name.
    let names = label_columns(t);
    let columns: Vec<usize> = (names..t.header.len())
        .filter(|&c| !label(&t.header[c]).is_empty())
        .collect();
    let mut levels: Vec<GridLevel> = columns
        .iter()
        .map(|&c| GridLevel::new(label(&t.header[c]), t.first_line))
        .collect();
    // A first row with no name that fills every level's cell (`| | An enthusiastic learner
    // … | A motivated engineer … |`) describes the levels.
    if let [(_, first), (_, next), ..] = t.rows.as_slice() {
        let unnamed = label(&first[0]).is_empty() && !label(&next[0]).is_empty();
        if unnamed && columns.iter().all(|&c| !first[c].trim().is_empty()) {
            for (level, &c) in levels.iter_mut().zip(&columns) {
                level.about.extend(items(&first[c]));
            }
        }
    }
    let row_of = |lead: Option<String>, line: usize, cells: &'t [String]| GridRow {
        lead,
        cells: columns.iter().map(|&c| (line, cells[c].as_str())).collect(),
    };
    let grouped = groups_apart(t);
    let mut pillars: Vec<GridPillar<'_>> = Vec::new();
    if grouped {
        for (line, cells) in &t.rows {
            let name = label(&cells[0]);
            if group_row(cells) {
                pillars.push(GridPillar {
                    name,
                    rows: Vec::new(),
                });
            } else if let Some(p) = pillars.last_mut() {
                let lead = (!name.is_empty()).then_some(name);
                p.rows.push(row_of(lead, *line, cells));
            } else if !name.is_empty() {
                // Rows before the first group are pillars of their own.
                pillars.push(GridPillar {
                    name,
                    rows: vec![row_of(None, *line, cells)],
                });
            }
        }
    } else {
        for (name, rows) in named_rows(t) {
            let rows = rows
                .iter()
                .map(|&(line, cells)| {
                    let lead =
                        Some(label(&cells[names - 1])).filter(|l| names > 1 && !l.is_empty());
                    row_of(lead, line, cells)
                })
                .collect();
            pillars.push(GridPillar { name, rows });
        }
    }
    Grid {
        levels,
        pillars,
        grouped: grouped || names > 1,
    }
}

/// A level per row, a pillar per column; a title column names the level with the first
/// column (`L1: Associate Engineer`), and a summary column is its description.
/// `about`: the columns that name or describe the levels.
pub(super) fn by_rows<'t>(t: &'t Table, about: &[usize]) -> Grid<'t> {
    let mut levels: Vec<GridLevel> = Vec::new();
    let columns: Vec<usize> = (1..t.header.len())
        .filter(|col| !about.contains(col) && !label(&t.header[*col]).is_empty())
        .collect();
    let mut pillars: Vec<GridPillar<'t>> = columns
        .iter()
        .map(|&col| GridPillar {
            name: label(&t.header[col]),
            rows: Vec::new(),
        })
        .collect();
    // A row with only a level's name starts that level (its cells in the rows below).
    let rows = t
        .rows
        .iter()
        .filter(|(_, c)| !group_row(c) || level_like(&label(&c[0])));
    // The columns about the level that describe it (`Summary`, `Notes`), not name it.
    let notes: Vec<usize> = about
        .iter()
        .copied()
        .filter(|&col| descriptive(&label(&t.header[col])))
        .collect();
    // Only when every level's row is named by a number alone (`Band 5` … `8a` keep theirs).
    let bare = |c: &[String]| label(&c[0]).trim_matches('`').parse::<u32>().is_ok();
    let numbered = numbered_by(&t.header[0]).filter(|_| {
        t.rows
            .iter()
            .filter(|(_, c)| !label(&c[0]).is_empty())
            .all(|(_, c)| bare(c))
    });
    for (line, c) in rows {
        let mut name = label(&c[0]);
        // `| Level | … |` over `| 1 | … |`: the level is `Level 1`.
        if let (Some(word), Ok(n)) = (&numbered, name.trim_matches('`').parse::<u32>()) {
            name = format!("{word} {n}");
        }
        // A row whose one cell spans the pillars' columns describes its level.
        let wide = t.wide.contains(line);
        if name.is_empty() {
            // A row with no level's name goes on with the level above, and adds to its
            // description.
            let Some(level) = levels.last_mut() else {
                continue;
            };
            if wide {
                level.about.extend(c.iter().flat_map(|cell| items(cell)));
                continue;
            }
            for &col in &notes {
                level.about.extend(items(&c[col]));
            }
        } else {
            let mut level = GridLevel::new(name, *line);
            for &col in about {
                let header = label(&t.header[col]);
                if notes.contains(&col) && counter_examples(&header) && !gap(&c[col]) {
                    // What falls short of the level, said as such: without its header it
                    // would read as what the level is.
                    let said: Vec<String> = items(&c[col]);
                    level.about.push(match &said[..] {
                        [one] => format!("**{header}:** {one}"),
                        _ => format!("**{header}:**\n\n- {}", said.join("\n- ")),
                    });
                } else if notes.contains(&col) {
                    level.about.extend(items(&c[col]));
                } else if gap(&c[col]) {
                    continue;
                } else if pay(&header) {
                    // Said with its header, as the figures alone say nothing.
                    level.about.push(format!("{header}: {}", label(&c[col])));
                } else {
                    level.name = format!("{}: {}", level.name, label(&c[col]));
                }
            }
            if wide {
                level
                    .about
                    .extend(c[1..].iter().flat_map(|cell| items(cell)));
            }
            levels.push(level);
            if wide {
                continue;
            }
        }
        let li = levels.len() - 1;
        for (p, &col) in pillars.iter_mut().zip(&columns) {
            let mut cells = vec![(*line, ""); li + 1];
            cells[li] = (*line, c[col].as_str());
            p.rows.push(GridRow { lead: None, cells });
        }
    }
    Grid {
        levels,
        pillars,
        grouped: false,
    }
}

/// The word a grid's corner names its rows by, when it numbers levels (`Level`, `Levels`,
/// `Grade`, or `Level` of `Level/Skill`), as written and in the singular: a row named `2`
/// is then `Level 2`, not a level titled `2`.
fn numbered_by(corner: &str) -> Option<String> {
    const WORDS: &[&str] = &[
        "level",
        "grade",
        "band",
        "rank",
        "tier",
        "stage",
        "step",
        "milestone",
    ];
    let corner = label(corner);
    let first = corner.split(['/', '\\']).next()?.trim();
    let word = first.strip_suffix('s').unwrap_or(first);
    WORDS
        .contains(&word.to_lowercase().as_str())
        .then(|| crate::import::titles::capitalised(word))
}

/// A table of one expectation per row: levels and pillars in the order first met, from the
/// columns `(level, pillar, text)`.
pub(super) fn by_expectation(t: &Table, columns: (usize, usize, usize)) -> Grid<'_> {
    let (level, pillar, text) = columns;
    let mut levels: Vec<GridLevel> = Vec::new();
    let mut pillars: Vec<GridPillar<'_>> = Vec::new();
    let mut last = (String::new(), String::new());
    for (line, c) in &t.rows {
        // A blank level or pillar cell is the one of the row above.
        let l = Some(label(&c[level]))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| last.0.clone());
        let p = Some(label(&c[pillar]))
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| last.1.clone());
        if l.is_empty() || p.is_empty() {
            continue;
        }
        let li = match levels.iter().position(|x| key(&x.name) == key(&l)) {
            Some(i) => i,
            None => {
                levels.push(GridLevel::new(l.clone(), *line));
                levels.len() - 1
            }
        };
        let pi = match pillars.iter().position(|x| key(&x.name) == key(&p)) {
            Some(i) => i,
            None => {
                pillars.push(GridPillar {
                    name: p.clone(),
                    rows: Vec::new(),
                });
                pillars.len() - 1
            }
        };
        let mut cells = vec![(*line, ""); li + 1];
        cells[li] = (*line, c[text].as_str());
        pillars[pi].rows.push(GridRow { lead: None, cells });
        last = (l, p);
    }
    Grid {
        levels,
        pillars,
        grouped: false,
    }
}

/// The tables of [`pillar_sections`] as one ladder: the levels of all their columns, in the
/// order first met, a pillar per table named by its heading, each row named on its
/// expectations unless it is the pillar's only row and named as it; and the depth of the
/// headings, which the levels' take.
pub(super) fn pillar_major<'t>(tables: &'t [Table], sections: &[usize]) -> (Grid<'t>, u8) {
    let mut levels: Vec<GridLevel> = Vec::new();
    for &i in sections {
        let t = &tables[i];
        for head in &t.header[1..] {
            let name = label(head);
            if !name.is_empty() && !levels.iter().any(|l| key(&l.name) == key(&name)) {
                levels.push(GridLevel::new(name, t.first_line));
            }
        }
    }
    let mut pillars = Vec::new();
    for &i in sections {
        let t = &tables[i];
        let name = t.heading.as_ref().map_or_else(String::new, |h| {
            label(crate::import::titles::without_caption(&h.title))
        });
        // The column of each level in this table, if it has one.
        let column: Vec<Option<usize>> = levels
            .iter()
            .map(|l| (1..t.header.len()).find(|&c| key(&t.header[c]) == key(&l.name)))
            .collect();
        let rows = pillar_rows(t);
        let single = rows.len() == 1;
        let rows = rows
            .into_iter()
            .flat_map(|(row_name, rows)| {
                let unnamed = row_name.is_empty() || single && key(&row_name) == key(&name);
                let lead = (!unnamed).then_some(row_name);
                rows.into_iter()
                    .map(move |(line, cells)| (lead.clone(), line, cells))
            })
            .map(|(lead, line, cells)| GridRow {
                lead,
                cells: column
                    .iter()
                    .map(|c| (line, c.map_or("", |c| cells[c].as_str())))
                    .collect(),
            })
            .collect();
        pillars.push(GridPillar { name, rows });
    }
    let depth = tables[sections[0]].heading.as_ref().map_or(1, |h| h.depth);
    (
        Grid {
            levels,
            pillars,
            grouped: true,
        },
        depth,
    )
}
