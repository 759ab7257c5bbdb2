//! A pillar's table with its levels down the first column and one column of what each level
//! does (Obvious' growth frameworks: `### Platform` over `| Milestone | Explanation |` and `|
//! 1 | Works within the frameworks … |` … `| 5 | … |`). Such tables under sibling headings
//! are one ladder, as tables with the levels across are ([`super::pillar_sections`]): each is
//! read turned round, its rows as columns.

use super::cells::{label, prose};
use super::table::{Line, Table};
use crate::import::ids;
use crate::import::infer::level_like;

/// Words a table's corner uses for its levels, compared by [`ids::title_key`].
const LEVEL_WORDS: &[&str] = &[
    "level",
    "levels",
    "milestone",
    "milestones",
    "stage",
    "grade",
    "band",
    "tier",
    "step",
];

/// Each of `tables` with its levels across, where it is a pillar's table with them down (see
/// [`across`]); `None` for the others and for those `skip` names.
pub(super) fn turned(
    tables: &[Table],
    skip: impl Fn(usize) -> bool,
) -> Vec<Option<(Table, Vec<Line>)>> {
    let rows: Vec<Option<Rows>> = tables
        .iter()
        .enumerate()
        .map(|(i, t)| (!skip(i)).then(|| rows(t)).flatten())
        .collect();
    let keys: Vec<Option<Vec<String>>> = rows
        .iter()
        .map(|r| {
            Some(
                r.as_ref()?
                    .names
                    .iter()
                    .map(|n| ids::title_key(n))
                    .collect(),
            )
        })
        .collect();
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let r = r.as_ref()?;
            // Names that read as levels on their own (`Senior`, `L3`, `3`), or the same names
            // in the same order down two other such tables (`Foundational` … `Senior /
            // Architect`, under every dimension of a matrix; two tables of `Low`, `Medium`,
            // `High` are as likely two ratings).
            let recur = || {
                (0..keys.len())
                    .filter(|&j| j != i && keys[j].is_some() && keys[j] == keys[i])
                    .count()
                    >= 2
            };
            (r.levels || recur()).then(|| across(&tables[i], r))
        })
        .collect()
}

/// The rows of a pillar's table with its levels down: the names its level rows give, whether
/// each reads as a level by itself, and how many rows at the top name no level.
struct Rows {
    names: Vec<String>,
    levels: bool,
    about: usize,
}

/// The [`Rows`] of `t` when it has the shape of a pillar's table with its levels down: a
/// heading over it, two columns, a corner that names the levels (`Milestone`, `Level`,
/// `Stage`), two or more rows each naming its level by a number (`1`, `` `2` ``: the level is
/// the corner's word and the number, `Milestone 2`), a code or a title, distinct, and prose
/// in the other column. `None` otherwise.
fn rows(t: &Table) -> Option<Rows> {
    let corner = label(t.header.first()?);
    // In a ladder of headings, such a table is about the levels the headings hold.
    if t.header.len() != 2
        || t.heading_ladder
        || t.heading.is_none()
        || t.rows.len() < 2
        || !LEVEL_WORDS.contains(&ids::title_key(&corner).as_str())
        || !prose(t.rows.iter().map(|(_, c)| &c[1]))
    {
        return None;
    }
    let word = corner.trim_end_matches('s');
    let about = t
        .rows
        .iter()
        .take_while(|(_, c)| label(&c[0]).is_empty())
        .count();
    if t.rows.len() - about < 2 {
        return None;
    }
    let mut levels = true;
    let names: Vec<String> = t.rows[about..]
        .iter()
        .map(|(_, c)| {
            let name = label(&c[0]).trim_matches('`').trim().to_string();
            match name.parse::<u32>() {
                Ok(n) => format!("{word} {n}"),
                Err(_) => {
                    levels &= level_like(&name) || ids::parse_level_title(&name).code.is_some();
                    name
                }
            }
        })
        .collect();
    if names.iter().any(|n| n.is_empty()) || !crate::import::titles::distinct(&names) {
        return None;
    }
    Some(Rows {
        names,
        levels,
        about,
    })
}

/// `t` turned round: its one row is the text of each level, on the line of the table's first
/// level row. Rows at the top that name no level describe the pillar: they come back as
/// paragraphs, each with its line.
fn across(t: &Table, r: &Rows) -> (Table, Vec<Line>) {
    let (about, rows) = t.rows.split_at(r.about);
    let mut header = vec![t.header[1].clone()];
    header.extend(r.names.iter().cloned());
    let mut row = vec![String::new()];
    row.extend(rows.iter().map(|(_, c)| c[1].clone()));
    let table = Table {
        header,
        rows: vec![(rows[0].0, row)],
        extra: Vec::new(),
        wide: Vec::new(),
        ..t.clone()
    };
    // A description set in code to style it (`` `Develops expertise in …` ``) is prose.
    let notes = about
        .iter()
        .filter(|(_, c)| !c[1].trim().is_empty())
        .flat_map(|(line, c)| {
            let text = c[1].trim();
            let text = match text.strip_prefix('`').and_then(|x| x.strip_suffix('`')) {
                Some(inner) if !inner.contains('`') => inner.trim(),
                _ => text,
            };
            [
                Line {
                    text: text.to_string(),
                    row: *line,
                },
                Line {
                    text: String::new(),
                    row: *line,
                },
            ]
        })
        .collect();
    (table, notes)
}
