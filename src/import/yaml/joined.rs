//! A ladder kept as joined tables, as a spreadsheet or a database exports one: a list of
//! levels (`level_number`, `title`), a list of skills (`skill_ref`, `name`) and a list of
//! descriptors, each naming its level and its skill by those keys (`descriptor`,
//! `level_number: 2`, `skill_ref: oven`), one file each. No file is a ladder alone; the
//! three are.

use super::*;
use crate::import::ids;
use crate::import::markdown::Outcome;
use crate::import::model::{Cell, CellBlock, Level, Md};
use crate::import::outline::para_item;

/// Keys that title a level or a skill.
const TITLE_KEYS: &[&str] = &["title", "name", "label"];
/// Keys that describe one.
const SUMMARY_KEYS: &[&str] = &["description", "summary", "overview"];
/// Keys of a descriptor's text.
const TEXT_KEYS: &[&str] = &[
    "descriptor",
    "description",
    "expectation",
    "text",
    "statement",
    "behaviour",
    "behavior",
    "criteria",
];

/// A list of two or more mappings, each with at least two keys.
fn rows(y: &Y) -> Option<&[Y]> {
    let items = match y {
        Y::Seq(v, _) => v.as_slice(),
        _ => return None,
    };
    (items.len() >= 2
        && items
            .iter()
            .all(|i| matches!(i, Y::Map(m, _) if m.len() >= 2)))
    .then_some(items)
}

/// The value of `key` in a row as a join key (a text or a number, as written).
fn key_of(row: &Y, key: &str) -> Option<String> {
    row.get(key)?.text().map(|t| t.trim().to_string())
}

/// The first of `keys` that every row has as a text.
fn column(rows: &[Y], keys: &[&'static str]) -> Option<&'static str> {
    keys.iter()
        .copied()
        .find(|k| rows.iter().all(|r| r.get(k).and_then(Y::text).is_some()))
}

/// A table that others refer to: its rows, the key they are named by, and their titles.
struct Named<'y> {
    file: usize,
    rows: &'y [Y],
    key: String,
    title: &'static str,
}

/// The first of `tables` (but the one at `skip`) whose rows are titled and named by a key
/// (each row's value distinct) that holds every value of `values`, with that key.
fn named_by<'y>(tables: &'y [(SourceDoc, Y)], values: &[String], skip: usize) -> Option<Named<'y>> {
    for (file, (_, y)) in tables.iter().enumerate() {
        let Some(rows) = rows(y).filter(|_| file != skip) else {
            continue;
        };
        let Some(title) = column(rows, TITLE_KEYS) else {
            continue;
        };
        for key in rows[0].keys() {
            let names: Vec<Option<String>> = rows.iter().map(|r| key_of(r, key)).collect();
            let mut distinct: Vec<&String> = names.iter().flatten().collect();
            distinct.sort();
            distinct.dedup();
            if key != title
                && distinct.len() == rows.len()
                && values
                    .iter()
                    .all(|v| names.iter().flatten().any(|n| n == v))
            {
                return Some(Named {
                    file,
                    rows,
                    key: key.to_string(),
                    title,
                });
            }
        }
    }
    None
}

/// A descriptors' table (by its index among the tables) and its text's key, with the level's
/// and the skill's key in it, each with the table it names.
type Join<'y> = (usize, &'static str, [(String, Named<'y>); 2]);

/// The joined ladder among a folder's YAML (or JSON) files that are no ladder alone (see
/// [`Join`]): the levels' table is named by a key or a file about levels (`level_number`,
/// `grades.yml`). `None` when no three files join so.
fn find(tables: &[(SourceDoc, Y)]) -> Option<Join<'_>> {
    for (file, (_, y)) in tables.iter().enumerate() {
        let Some(rows) = rows(y) else { continue };
        let Some(text) = column(rows, TEXT_KEYS) else {
            continue;
        };
        let mut refs = Vec::new();
        for key in rows[0].keys().into_iter().filter(|k| *k != text) {
            let values: Vec<String> = rows.iter().filter_map(|r| key_of(r, key)).collect();
            if values.len() != rows.len() {
                continue;
            }
            if let Some(named) = named_by(tables, &values, file) {
                refs.push((key.to_string(), named));
            }
        }
        if refs.len() != 2 || refs[0].1.file == refs[1].1.file {
            continue;
        }
        // The levels are the table named by a key about levels, or by numbers.
        let levels_first = {
            let about_levels = |k: &str| k.to_lowercase().contains("level");
            let numbered = |n: &Named| {
                n.rows
                    .iter()
                    .all(|r| matches!(r.get(&n.key), Some(Y::Int(..))))
            };
            about_levels(&refs[0].0) && !about_levels(&refs[1].0)
                || numbered(&refs[0].1) && !numbered(&refs[1].1)
        };
        if !levels_first {
            refs.swap(0, 1);
        }
        // Tables of a site's data (a team, its projects, who did what) join too: the levels'
        // key or file must say it is about levels.
        let levelish = |s: &str| {
            let s = s.to_lowercase();
            ["level", "grade", "band", "rank", "tier", "stage"]
                .iter()
                .any(|w| s.contains(w))
        };
        if !levelish(&refs[0].0) && !levelish(tables[refs[0].1.file].0.stem()) {
            continue;
        }
        let mut refs = refs.into_iter();
        let (a, b) = (refs.next()?, refs.next()?);
        return Some((file, text, [a, b]));
    }
    None
}

/// Reads the ladder that `tables` (a folder's YAML files that are no ladder alone, each with
/// its document) make together, if they make one: a track of the levels' table's rows (in
/// the order of their numbers, when they are numbers), the skills' table's rows as pillars,
/// and each descriptor an expectation of its level and skill. The files it reads are added
/// to the ladder's documents and taken out of those it set aside; returns the descriptors'
/// document and the outcome.
pub fn joined(ladder: &mut Ladder, tables: &[(SourceDoc, Y)]) -> Option<(usize, Outcome)> {
    let (file, text_key, [(level_key, levels), (skill_key, skills)]) = find(tables)?;
    let mut index_of = std::collections::HashMap::new();
    for f in [levels.file, skills.file, file] {
        index_of.insert(f, take_back(ladder, &tables[f].0));
    }
    let (li, si, di) = (
        index_of[&levels.file],
        index_of[&skills.file],
        index_of[&file],
    );
    let (ldoc, sdoc, ddoc) = (
        ladder.docs[li].clone(),
        ladder.docs[si].clone(),
        ladder.docs[di].clone(),
    );
    let md = |text: String, doc: usize, line: usize| Md { text, doc, line };
    let mut out: Vec<Level> = Vec::new();
    for row in levels.rows {
        let title = row.get(levels.title).and_then(Y::text).unwrap_or_default();
        let mut level = Level::titled(ladder.uid(), title.trim(), ldoc.loc_line(row.line()));
        if let Some(Y::Int(n, _)) = row.get(&levels.key) {
            level.rank = Some(*n);
        }
        if let Some(s) = SUMMARY_KEYS.iter().find_map(|k| row.get(k)?.text()) {
            level
                .description
                .push(md(s.trim().to_string(), li, row.line()));
        }
        out.push(level);
    }
    let descriptors = rows(&tables[file].1)?;
    let mut dropped: Vec<&str> = Vec::new();
    for d in descriptors {
        let (Some(l), Some(s)) = (key_of(d, &level_key), key_of(d, &skill_key)) else {
            continue;
        };
        let found = |t: &Named, v: &str| {
            t.rows
                .iter()
                .position(|r| key_of(r, &t.key).as_deref() == Some(v))
        };
        let (Some(l), Some(s)) = (found(&levels, &l), found(&skills, &s)) else {
            continue;
        };
        let Some(text) = d.get(text_key).and_then(Y::text) else {
            continue;
        };
        for k in d.keys() {
            if ![text_key, level_key.as_str(), skill_key.as_str()].contains(&k)
                && !dropped.contains(&k)
            {
                dropped.push(k);
            }
        }
        let skill = &skills.rows[s];
        let name = skill
            .get(skills.title)
            .and_then(Y::text)
            .unwrap_or_default();
        let key = key_of(skill, &skills.key).unwrap_or_default();
        let block = CellBlock {
            md: md(para_item(text.trim()), di, d.line()),
            item: true,
            tight: true,
        };
        let level = &mut out[l];
        match level
            .cells
            .iter_mut()
            .find(|c| c.pillar_key.as_deref() == Some(&format!("skill:{key}")))
        {
            Some(cell) => cell.blocks.push(block),
            None => level.cells.push(Cell {
                pillar_title: name.trim().to_string(),
                pillar_at: sdoc.loc_line(skill.line()),
                pillar_id: Some(ids::slug(&key)),
                pillar_key: Some(format!("skill:{key}")),
                pillar_description: SUMMARY_KEYS
                    .iter()
                    .find_map(|k| skill.get(k)?.text())
                    .map(|t| md(t.trim().to_string(), si, skill.line()))
                    .into_iter()
                    .collect(),
                blocks: vec![block],
                pillar: 0,
            }),
        }
    }
    if out.iter().all(|l| l.rank.is_some()) {
        out.sort_by_key(|l| l.rank);
    }
    ladder.guess(
        GuessKind::Structure,
        ddoc.loc_line(1),
        format!(
            "`{}` joins `{}` (the levels, by `{level_key}`) and `{}` (the skills, by `{skill_key}`): each `{text_key}` is an expectation of its level and skill",
            ddoc.rel, ldoc.rel, sdoc.rel
        ),
    );
    if !dropped.is_empty() {
        ladder.guess(
            GuessKind::Dropped,
            ddoc.loc_line(1),
            format!(
                "the descriptors' keys with no place in a ladder were not imported: {}",
                dropped.join(", ")
            ),
        );
    }
    let title = crate::import::titles::readable(ldoc.stem());
    Some(one_track(
        ladder,
        di,
        (title, None),
        out,
        ldoc.loc_line(1),
        "YAML or JSON tables of levels, skills and descriptors",
    ))
}
