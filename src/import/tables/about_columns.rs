//! A grid with a row per competency and its levels across, beside columns about the
//! competency, as a framework kept in a spreadsheet lays it out (SFIA's `Code | Skill |
//! Category | Subcategory | Overall description | Guidance notes | Level 1 description | …`):
//! narrowed to the competency's name and the level columns, which the grid shapes read. The
//! columns that group or describe a competency become its pillar's description; those that
//! number, code or link each row, and columns with nothing in them, are left out. The summary
//! says which went where.

use super::cells::PILLAR_WORDS;
use super::cells::{label, split_lines, word_count};
use super::table::{key, Table};
use crate::import::infer::{descriptive, level_like};
use std::collections::HashSet;

/// A table narrowed to its competencies' names and their levels (see the module's
/// documentation).
pub(super) struct Narrowed {
    /// The name column and the level columns, the levels named without the word that says
    /// the column holds text (`Level 1 description` → `Level 1`).
    pub(super) table: Table,
    /// Each competency's description, from the columns about it: its name, the row's line
    /// (1-based) and the Markdown.
    pub(super) described: Vec<(String, usize, String)>,
    /// Which columns went where, for the summary.
    pub(super) what: String,
}

/// What a column of the table is, besides a level's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    /// The competency's name.
    Name,
    /// A group the competency is in (`Category`, `Subcategory`).
    Group,
    /// Text about the competency (`Overall description`, `Guidance notes`).
    About,
    /// A number, code or link per row (`#`, `Code`, `URL`), or nothing at all.
    Left,
}

/// Words of a header that say its column holds a level's text, after the level's name
/// (`Level 1 description`, `Junior criteria`).
const TEXT_SUFFIXES: &[&str] = &[
    "description",
    "descriptions",
    "descriptor",
    "descriptors",
    "criteria",
    "expectations",
    "behaviours",
    "behaviors",
    "indicators",
    "definition",
    "definitions",
];

/// Headers of a column that numbers, codes or links each row.
const CODE_HEADERS: &[&str] = &[
    "no",
    "number",
    "id",
    "code",
    "ref",
    "reference",
    "url",
    "link",
    "links",
    "key",
];

/// Words of a header that names a group of competencies.
const GROUP_WORDS: &[&str] = &[
    "category",
    "subcategory",
    "sub category",
    "group",
    "family",
    "domain",
    "theme",
    "pillar",
    "area",
    "discipline",
];

/// `t` narrowed (see the module's documentation), when it has three level columns or more
/// side by side, a column that names each row, and every other column groups, describes,
/// numbers or codes the rows; and when there is anything to narrow: a level column named with
/// a word for its text, or a column besides the name's.
pub(super) fn narrowed(t: &Table) -> Option<Narrowed> {
    let names: Vec<Option<String>> = t.header.iter().map(|h| level_name(&label(h))).collect();
    let (start, end) = level_block(&names)?;
    let kinds: Vec<Option<Column>> = (0..t.header.len())
        .map(|c| (c < start || c >= end).then(|| column(t, c)).flatten())
        .collect();
    let outside = (0..t.header.len()).filter(|&c| c < start || c >= end);
    if outside.clone().any(|c| kinds[c].is_none()) {
        return None;
    }
    let name = outside.clone().find(|&c| kinds[c] == Some(Column::Name))?;
    // Another column of names, one per row (a `Category` of one skill each), groups too.
    let kinds: Vec<Option<Column>> = kinds
        .into_iter()
        .enumerate()
        .map(|(c, k)| match k {
            Some(Column::Name) if c != name => Some(Column::Group),
            k => k,
        })
        .collect();
    let suffixed = (start..end).any(|c| names[c].as_deref() != Some(label(&t.header[c]).as_str()));
    // Columns that group rows beside their names (`| Pillar | Area | Engineer I | …`) are
    // read as they are (see `grid::by_columns`).
    let other = outside
        .clone()
        .any(|c| matches!(kinds[c], Some(Column::About | Column::Left)));
    if !suffixed && !other {
        return None;
    }
    let levels: Vec<usize> = (start..end).collect();
    let pick = |cells: &[String], name_cell: String| {
        std::iter::once(name_cell)
            .chain(levels.iter().map(|&c| cells[c].clone()))
            .collect::<Vec<_>>()
    };
    let header = std::iter::once(t.header[name].clone())
        .chain(levels.iter().map(|&c| names[c].clone().unwrap_or_default()))
        .collect();
    let rows = t
        .rows
        .iter()
        .map(|(line, cells)| (*line, pick(cells, cells[name].clone())))
        .collect();
    let about: Vec<(usize, Column)> = outside
        .clone()
        .filter_map(|c| kinds[c].map(|k| (c, k)))
        .filter(|(_, k)| matches!(k, Column::Group | Column::About))
        .collect();
    // A group's value runs down the rows below it until the next (merged cells).
    let mut above: Vec<String> = vec![String::new(); t.header.len()];
    let described = t
        .rows
        .iter()
        .filter_map(|(line, cells)| {
            let mut cells = cells.clone();
            for &(c, kind) in &about {
                if kind != Column::Group {
                    continue;
                }
                if label(&cells[c]).is_empty() {
                    cells[c].clone_from(&above[c]);
                } else {
                    above[c].clone_from(&cells[c]);
                }
            }
            if label(&cells[name]).is_empty() {
                return None;
            }
            let text = description(t, &about, &cells)?;
            Some((label(&cells[name]), *line, text))
        })
        .collect();
    let quoted = |kind: Column| {
        outside
            .clone()
            .filter(|&c| kinds[c] == Some(kind) && !label(&t.header[c]).is_empty())
            .map(|c| format!("`{}`", label(&t.header[c])))
            .collect::<Vec<_>>()
    };
    let mut what = format!(
        "its rows are competencies named in `{}`, its columns `{}` … `{}` their levels",
        label(&t.header[name]),
        label(&t.header[start]),
        label(&t.header[end - 1])
    );
    let describing: Vec<String> = [quoted(Column::Group), quoted(Column::About)].concat();
    if !describing.is_empty() {
        what.push_str(&format!(
            "; {} {} each competency, in its pillar's description",
            describing.join(", "),
            if describing.len() == 1 {
                "describes"
            } else {
                "describe"
            }
        ));
    }
    let left = quoted(Column::Left);
    if !left.is_empty() {
        what.push_str(&format!("; {} left out", left.join(", ")));
    }
    let table = Table {
        header,
        rows,
        extra: Vec::new(),
        wide: Vec::new(),
        ..t.clone()
    };
    Some(Narrowed {
        table,
        described,
        what,
    })
}

/// The level a column header names, without a word for its text after it (`Level 1
/// description` → `Level 1`); `None` for a header that names no level.
fn level_name(header: &str) -> Option<String> {
    let trimmed = header.trim();
    let text_word = |w: &str| TEXT_SUFFIXES.contains(&w.to_lowercase().as_str());
    let after = trimmed
        .rsplit_once(char::is_whitespace)
        .filter(|(_, last)| text_word(last))
        .map(|(rest, _)| rest.trim_end_matches([' ', ':', '-', '–']));
    // The word before the level, set off from it (`Description - Level 1`, `Criteria: Junior`).
    let before = || {
        let (first, rest) = trimmed.split_once(|c: char| c.is_whitespace() || c == ':')?;
        let rest = rest.trim_start_matches([' ', ':', '-', '–', '—']).trim();
        (text_word(first.trim_end_matches(':')) && !rest.is_empty()).then_some(rest)
    };
    let name = after.or_else(before).unwrap_or(trimmed);
    (level_like(name) && !descriptive(name)).then(|| name.to_string())
}

/// The first run of three level columns or more side by side (`start..end`), past the
/// first column.
fn level_block(names: &[Option<String>]) -> Option<(usize, usize)> {
    let start = (1..names.len()).find(|&c| names[c].is_some())?;
    let end = (start..names.len())
        .find(|&c| names[c].is_none())
        .unwrap_or(names.len());
    let distinct: HashSet<String> = names[start..end].iter().flatten().map(|n| key(n)).collect();
    (end - start >= 3 && distinct.len() == end - start).then_some((start, end))
}

/// What column `c` of `t` is, outside its levels; `None` when it is none of [`Column`].
fn column(t: &Table, c: usize) -> Option<Column> {
    let header = label(&t.header[c]);
    let k = key(&header);
    let k = k.trim_matches(|ch: char| !ch.is_alphanumeric());
    let values: Vec<String> = t
        .rows
        .iter()
        .map(|(_, cells)| label(&cells[c]))
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return Some(Column::Left);
    }
    let short = values.iter().all(|v| word_count(v) <= 12);
    let distinct = values.iter().map(|v| key(v)).collect::<HashSet<_>>().len();
    let words: Vec<&str> = k.split(|ch: char| !ch.is_alphanumeric()).collect();
    let named_by = |list: &[&str]| words.iter().any(|w| list.contains(w)) || list.contains(&k);
    // A column of figures or marks (`4`, `✓`: the levels a row has, as SFIA's sheet marks
    // them) says nothing the level columns do not.
    let marks = values.iter().all(|v| {
        v.chars()
            .all(|ch| ch.is_ascii_digit() || "✓✔✗xX•*-.".contains(ch))
    });
    if marks || CODE_HEADERS.contains(&k) && values.iter().all(|v| word_count(v) <= 1) {
        return Some(Column::Left);
    }
    // Written on a group's first row only, as a sheet's merged cells export: a group.
    let merged = values.len() < t.rows.len() && !label(&t.rows[0].1[c]).is_empty();
    if (named_by(GROUP_WORDS) && distinct < values.len() || merged) && short {
        return Some(Column::Group);
    }
    // A name is on (nearly) every row; a first column with no header names the rows.
    let names = named_by(PILLAR_WORDS)
        || named_by(&["name", "title", "topic", "competence"])
        || c == 0 && k.is_empty();
    if names && short && distinct == values.len() && values.len() * 10 >= t.rows.len() * 9 {
        return Some(Column::Name);
    }
    if descriptive(&header) || named_by(&["notes", "guidance", "summary", "purpose", "scope"]) {
        return Some(Column::About);
    }
    // A group of one competency each, beside the name (`Subcategory`).
    (named_by(GROUP_WORDS) && short).then_some(Column::Group)
}

/// The description a row's columns `about` (each with what it is) give its competency: each
/// group as a labelled line, each text as it is when it is the first, else labelled; `None`
/// when they are all empty.
fn description(t: &Table, about: &[(usize, Column)], cells: &[String]) -> Option<String> {
    let mut parts = Vec::new();
    let mut texts = 0;
    for &(c, kind) in about {
        if label(&cells[c]).is_empty() {
            continue;
        }
        let paragraphs: Vec<&str> = split_lines(&cells[c])
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if kind == Column::Group || texts > 0 {
            parts.push(format!(
                "**{}:** {}",
                label(&t.header[c]),
                paragraphs.join("\n\n")
            ));
        } else {
            parts.push(paragraphs.join("\n\n"));
        }
        if kind == Column::About {
            texts += 1;
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}
