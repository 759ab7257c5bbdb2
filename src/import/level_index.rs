//! Tables that list the levels rather than describe them: a row per rank, a column per track
//! (`| Individual Contributor | IC Level | M Level | Manager |`, `| Senior Engineer 1 | IC4 |
//! M2 | Engineering Manager 1 |`). Once every level is read, such a table says which levels of
//! different tracks stand side by side (equivalents, from one row) and gives codes to levels
//! whose titles have none (a column of codes beside a column of titles).

use super::ids::{self, code_key, parse_code, title_key};
use super::model::{GuessKind, Ladder, LevelTable};
use std::collections::{BTreeSet, HashMap};

/// Reads every table of [`Ladder::level_tables`] that names levels of the ladder, adding its
/// codes and equivalents, each said in the summary.
pub(super) fn apply(ladder: &mut Ladder) {
    let tables = std::mem::take(&mut ladder.level_tables);
    for table in &tables {
        apply_one(ladder, table);
    }
}

/// A level a cell names: (track index, level uid).
type Named = Option<(usize, usize)>;

fn apply_one(ladder: &mut Ladder, table: &LevelTable) {
    let mut by_title: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut by_code: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (ti, t) in ladder.tracks.iter().enumerate() {
        for l in &t.levels {
            for title in [&l.title, &l.full_title] {
                let list = by_title.entry(title_key(title)).or_default();
                if !list.contains(&(ti, l.uid)) {
                    list.push((ti, l.uid));
                }
            }
            if let Some(c) = &l.code {
                by_code.entry(code_key(c)).or_default().push((ti, l.uid));
            }
        }
    }
    let only = |v: Option<&Vec<(usize, usize)>>| v.filter(|v| v.len() == 1).map(|v| v[0]);
    let named: Vec<Vec<Named>> = table
        .rows
        .iter()
        .map(|(_, cells)| {
            cells
                .iter()
                .map(|c| {
                    only(by_title.get(&title_key(c)))
                        .or_else(|| only(by_code.get(&code_key(c))).filter(|_| !c.is_empty()))
                })
                .collect()
        })
        .collect();
    let width = table.rows.iter().map(|r| r.1.len()).min().unwrap_or(0);
    // The columns that name levels, each of one track: (column, track).
    let naming: Vec<(usize, usize)> = (0..width)
        .filter_map(|c| {
            let found: Vec<usize> = named.iter().filter_map(|r| r[c]).map(|n| n.0).collect();
            let track = *found.first()?;
            (found.len() >= 2 && found.iter().all(|&t| t == track)).then_some((c, track))
        })
        .collect();
    if naming.is_empty() {
        return;
    }
    let codes = code_columns(ladder, table, &naming, width);
    let mut coded = Vec::new();
    for (col, beside) in codes {
        for (ri, (_, cells)) in table.rows.iter().enumerate() {
            let (Some((_, uid)), Some((code, number))) =
                (named[ri][beside], parse_code(&cells[col]))
            else {
                continue;
            };
            let Some(level) = ladder
                .tracks
                .iter_mut()
                .flat_map(|t| t.levels.iter_mut())
                .find(|l| l.uid == uid && l.code.is_none())
            else {
                continue;
            };
            coded.push(format!("`{}` {code}", level.title));
            level.code = Some(code);
            level.number = Some(number);
        }
    }
    let mut rows = Vec::new();
    for (ri, _) in table.rows.iter().enumerate() {
        let mut row: Vec<(usize, usize)> =
            naming.iter().filter_map(|&(c, _)| named[ri][c]).collect();
        row.sort_unstable();
        row.dedup();
        let tracks: BTreeSet<usize> = row.iter().map(|n| n.0).collect();
        if tracks.len() < 2 {
            continue;
        }
        for (i, a) in row.iter().enumerate() {
            for b in &row[i + 1..] {
                if a.0 != b.0 {
                    ladder.equivalents.push((a.1, b.1));
                }
            }
        }
        let titles: Vec<String> = row
            .iter()
            .filter_map(|n| ladder.level(n.1))
            .map(|(_, l)| l.code.clone().unwrap_or_else(|| format!("`{}`", l.title)))
            .collect();
        rows.push(titles.join(" = "));
    }
    let at = table.rows[0].0.clone();
    if !coded.is_empty() {
        ladder.guess(
            GuessKind::Code,
            at.clone(),
            format!("codes from this table of levels: {}", shown(&coded)),
        );
    }
    if !rows.is_empty() {
        ladder.guess(
            GuessKind::Code,
            at,
            format!(
                "equivalent, as this table of levels puts them in one row: {}",
                rows.join(", ")
            ),
        );
    }
}

/// The first three of `items`, and how many more there are.
fn shown(items: &[String]) -> String {
    match items.len() {
        0..=3 => items.join(", "),
        n => format!("{}, and {} more", items[..3].join(", "), n - 3),
    }
}

/// The columns of codes (`IC4`) that stand beside a column naming levels, each with that
/// column: its header names no pay band, more than half its cells are codes, at least two,
/// no level has them yet, and it
/// goes with the nearest naming column (the left one of two as near) whose track has no codes
/// or codes with the same letters.
fn code_columns(
    ladder: &Ladder,
    table: &LevelTable,
    naming: &[(usize, usize)],
    width: usize,
) -> Vec<(usize, usize)> {
    let letters = |code: &str| -> String {
        code.chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_uppercase()
    };
    let mut out = Vec::new();
    for col in (0..width).filter(|c| !naming.iter().any(|n| n.0 == *c)) {
        let cells: Vec<&str> = table
            .rows
            .iter()
            .map(|(_, c)| c[col].as_str())
            .filter(|c| !c.trim().is_empty())
            .collect();
        // A pay band (`| Band | Range |`) is no level's code.
        let header = title_key(&table.rows[0].1[col]);
        if super::titles::pay(&header)
            || header
                .split(' ')
                .any(|w| matches!(w, "band" | "bands" | "range"))
        {
            continue;
        }
        let codes: Vec<String> = cells
            .iter()
            .filter_map(|c| parse_code(c))
            .map(|c| c.0)
            .collect();
        if codes.len() < 2 || codes.len() * 2 <= cells.len() {
            continue;
        }
        let prefix = letters(&codes[0]);
        let fits = |track: usize| {
            let track_codes: Vec<String> = ladder.tracks[track]
                .levels
                .iter()
                .filter_map(|l| l.code.as_deref().map(letters))
                .collect();
            track_codes.is_empty() || track_codes.iter().all(|p| *p == prefix)
        };
        let known = |c: &String| {
            ladder
                .tracks
                .iter()
                .flat_map(|t| &t.levels)
                .any(|l| l.code.as_deref().map(ids::code_key) == Some(code_key(c)))
        };
        if codes.iter().any(known) {
            continue;
        }
        let nearest = naming
            .iter()
            .filter(|n| fits(n.1))
            .min_by_key(|n| (n.0.abs_diff(col), n.0 > col));
        if let Some(&(beside, _)) = nearest {
            out.push((col, beside));
        }
    }
    out
}
