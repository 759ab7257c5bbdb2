//! What shape a table is: a grid of levels by pillars (either way round), one expectation
//! per row, a level's own table of pillars, or no ladder at all; and which of its columns name,
//! describe or pay the levels rather than hold expectations.

use super::cells::PILLAR_WORDS;
use super::cells::{gap, label, link_text, phrases, prose, scale, scores, word_count};
use super::table::{group_row, key, label_columns, levels, rated, Table};
use crate::import::infer::{descriptive, level_like, pay};
use std::collections::HashSet;

/// How a table is read.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Shape {
    /// Levels across, a pillar per row (or per group of rows).
    Columns,
    /// A level per row, a pillar per column.
    Rows,
    /// One level's table, a pillar per row.
    PerLevel,
    /// One expectation per row, in the columns (level, pillar, text) of [`long_columns`].
    Long((usize, usize, usize)),
}

/// How `t` is read, or `None` to leave it a table.
pub(super) fn shape(t: &Table, shared: &HashSet<String>, terse: bool) -> Option<Shape> {
    let depth = t.heading.as_ref().map_or(0, |h| h.depth);
    // In a ladder of headings a grid is about the levels those headings hold: a table.
    let grid = !t.heading_ladder && depth <= 4;
    if let Some(columns) = long_columns(t).filter(|_| grid) {
        return Some(Shape::Long(columns));
    }
    if grid && t.header.len() >= 3 {
        let header: Vec<String> = t.header[label_columns(t)..]
            .iter()
            .map(|c| label(c))
            .collect();
        let firsts: Vec<String> = t
            .rows
            .iter()
            .map(|(_, c)| label(&c[0]))
            .filter(|l| !l.is_empty())
            .collect();
        // A grid beside headings named as its levels sums up the levels those headings
        // describe: it stays a table.
        // Named as they are, or by links to them (`[Member](#member)`).
        let headed = |labels: &[String]| {
            labels
                .iter()
                .filter(|l| t.titles.contains(&key(&link_text(l))))
                .count()
                >= 2
        };
        // Headers that name the text (`Expectations`, `Examples`) make no grid of levels.
        let texty = header.iter().any(|h| names_text(h));
        // One that names the text beside others that do not (`Description of the skill`
        // beside `Skill level`) makes the header no row of levels; every level's named
        // alike (`Junior Potter criteria`, `Potter criteria`) is a row of them.
        let text_column =
            header.iter().any(|h| names_text(h)) && !header.iter().all(|h| names_text(h));
        let corner = match if texty { None } else { corner(&t.header[0]) } {
            // `| Role | Junior | Mid | Senior |`: the header names the levels, whatever the
            // corner says.
            Some(Shape::Rows) if levels(&header) && !levels(&firsts) => Some(Shape::Columns),
            c => c,
        };
        let by_columns = !text_column
            && (corner == Some(Shape::Columns) || (corner.is_none() && levels(&header)));
        let by_rows = corner == Some(Shape::Rows) || (corner.is_none() && levels(&firsts));
        // Two levels side by side compare them: a ladder has three or more.
        let three = |labels: &[String]| labels.iter().filter(|l| !l.is_empty()).count() >= 3;
        // A scoring rubric (`| Area | Poor | On target | Excelling |`) rates, whatever its
        // corner says.
        if by_columns
            && !rated(&header)
            && three(&header)
            && !headed(&header)
            && (prose(t.rows.iter().flat_map(|(_, c)| &c[1..]))
                || (terse
                    && (phrases(t.rows.iter().flat_map(|(_, c)| &c[1..]))
                        || scale(t.rows.iter().flat_map(|(_, c)| &c[1..])))))
        {
            return Some(Shape::Columns);
        }
        if by_rows && !rated(&firsts) && three(&firsts) && !headed(&firsts) && columns_prose(t) {
            return Some(Shape::Rows);
        }
    }
    if per_level_shape(t) {
        let h = t.heading.as_ref()?;
        let names_level = |title: &str| level_like(title) && !descriptive(title);
        let recurs = t.rows.iter().any(|(_, c)| shared.contains(&key(&c[0])));
        // A table under an area of a level (`# ENG2 Engineer` / `## Results` / `| Impact |
        // … |`): its rows are pillars of that level, under the area's heading.
        let in_area = h.parent.as_deref().is_some_and(names_level);
        // A level's readiness check (`## Staff` / `### Readiness check` over the same rows):
        // what it takes to move on, in that level's description, not a level of its own.
        if in_area && descriptive(&h.title) {
            return None;
        }
        if names_level(&h.title) || recurs || in_area {
            return Some(Shape::PerLevel);
        }
    }
    None
}

/// What the corner cell of a grid says its rows are: `Level` (or a grade, band, role…) for a
/// level per row; a competency (area, pillar, skill…) or `Level →` for levels across; of two
/// names split by a slash (`Level/Skill`), the first names the rows.
pub(super) fn corner(cell: &str) -> Option<Shape> {
    let c = label(cell).to_lowercase();
    let words: Vec<&str> = c
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let across = ["level →", "levels →", "level ->", "levels ->"]
        .iter()
        .any(|a| c.contains(a));
    let down = c.contains("level ↓") || c.contains("levels ↓");
    // `Level/Skill`, `Competency \ Level`: rows, then columns.
    if let Some((rows, _)) = c.split_once(['/', '\\']).filter(|_| !across && !down) {
        let first: Vec<&str> = rows.split(|ch: char| !ch.is_alphanumeric()).collect();
        if first.iter().any(|w| LEVEL_WORDS.contains(w)) {
            return Some(Shape::Rows);
        }
        if first.iter().any(|w| PILLAR_WORDS.contains(w)) {
            return Some(Shape::Columns);
        }
    }
    if across || (!down && words.iter().any(|w| PILLAR_WORDS.contains(w))) {
        return Some(Shape::Columns);
    }
    if words.iter().any(|w| LEVEL_WORDS.contains(w)) {
        return Some(Shape::Rows);
    }
    None
}

/// Words of a column header that names levels (and [`PILLAR_WORDS`], one that names pillars).
#[rustfmt::skip]
const LEVEL_WORDS: &[&str] = &[
    "level", "levels", "grade", "band", "role", "rank", "seniority", "position",
];
/// Words of a column header that names the expectations.
#[rustfmt::skip]
const TEXT_WORDS: &[&str] = &[
    "expectation", "expectations", "description", "criteria", "criterion", "behaviour",
    "behaviours", "behavior", "behaviors", "text", "details", "indicator", "indicators",
];

/// A column header that names the text (`Expectations`, `Examples`, `Description (Manager
/// Context)`) rather than a level or a pillar; not one of what falls short (`Signs you are
/// not there yet`, beside the levels' own columns).
pub(super) fn names_text(h: &str) -> bool {
    descriptive(h) && !crate::import::titles::counter_examples(h) || has_word(h, TEXT_WORDS)
}

/// Whether header `h` has one of `words` (lower case) among its words.
pub(super) fn has_word(h: &str, words: &[&str]) -> bool {
    h.to_lowercase()
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// In a table of one expectation per row (`| Level | Pillar | Expectation |`, a spreadsheet's
/// export): the columns of the level, the pillar and the text, by their headers.
pub(super) fn long_columns(t: &Table) -> Option<(usize, usize, usize)> {
    let find = |words: &[&str]| t.header.iter().position(|h| has_word(&label(h), words));
    let (level, pillar, text) = (find(LEVEL_WORDS)?, find(PILLAR_WORDS)?, find(TEXT_WORDS)?);
    // A `Level` column of numbers under a heading that names a level (`### Level 1: Junior
    // Engineer (IC1)`) scores each row of that level's table.
    if t.heading.as_ref().is_some_and(|h| level_like(&h.title))
        && scores(t.rows.iter().map(|(_, c)| &c[level]))
    {
        return None;
    }
    let distinct = level != pillar && pillar != text && level != text;
    let levels: HashSet<String> = t.rows.iter().map(|(_, c)| key(&c[level])).collect();
    // Levels repeat down the rows: each holds several expectations. And more than half the
    // rows are of a pillar at two levels or more: where fewer are, the level column rates
    // each skill (`| Skill | Description | Skill level |`, a role's profile), and no pillar
    // could be compared across levels.
    let mut at: std::collections::HashMap<String, HashSet<String>> = Default::default();
    for (_, c) in &t.rows {
        at.entry(key(&c[pillar]))
            .or_default()
            .insert(key(&c[level]));
    }
    let compared = t
        .rows
        .iter()
        .filter(|(_, c)| at[&key(&c[pillar])].len() >= 2)
        .count();
    (distinct
        && levels.len() < t.rows.len()
        && compared * 2 > t.rows.len()
        && prose(t.rows.iter().map(|(_, c)| &c[text])))
    .then_some((level, pillar, text))
}

/// Each column of a grid with a level per row that holds expectations (not those that name
/// or describe the level, see [`level_columns`]) is prose: a column of names or marks makes
/// the table something else (people by role, a rota).
pub(super) fn columns_prose(t: &Table) -> bool {
    let about = level_columns(t);
    let mut columns = (1..t.header.len())
        .filter(|c| !about.contains(c))
        .peekable();
    columns.peek().is_some()
        && columns.all(|col| {
            prose(
                t.rows
                    .iter()
                    .filter(|(_, c)| !group_row(c))
                    .map(|(_, c)| &c[col]),
            )
        })
}

/// Whether column `c` of `t` holds figures, as a pay column does (`1,200–1,600`, `£45k`,
/// `৳25,000–৳35,000 / month`), not sentences, as a pillar about pay does (`Pay Equity`).
pub(super) fn figures(t: &Table, c: usize) -> bool {
    t.rows
        .iter()
        .map(|(_, cells)| label(&cells[c]))
        .filter(|cell| !cell.is_empty())
        .all(|cell| {
            cell.chars().any(|ch| ch.is_ascii_digit()) && cell.split_whitespace().count() <= 6
        })
}

/// The columns of a grid with a level per row that are about the level rather than a pillar:
/// a title (`Title`, `Name`, `Role`, `Position`), a description (`Summary`, `Overview`…) or
/// its pay (`Salary Band`, see [`pay`]).
pub(super) fn level_columns(t: &Table) -> Vec<usize> {
    (1..t.header.len())
        .filter(|&c| {
            let h = label(&t.header[c]);
            let title = matches!(
                h.to_lowercase().as_str(),
                "title" | "name" | "role" | "position" | "job title" | "role title"
            );
            title || descriptive(&h) || pay(&h) && figures(t, c)
        })
        .collect()
}

/// A table that may be one level's: two columns or more, headed by names of columns rather
/// than of levels; short labels in the first column, prose half as long again in the others;
/// under a heading that has no sub-headings after it. (Two lists of duties side by side,
/// headed by two roles, are no level's pillars.)
pub(super) fn per_level_shape(t: &Table) -> bool {
    let short = t
        .rows
        .iter()
        // An area's name may wrap (`**Expertise &<br>Domain Knowledge**`); a cell of lines
        // is no name.
        .all(|(_, c)| word_count(&c[0]) <= 8 && c[0].matches("<br").count() <= 1);
    let mean = |cells: Vec<&String>| {
        let counts: Vec<usize> = cells
            .iter()
            .filter(|c| !gap(c))
            .map(|c| word_count(c))
            .collect();
        counts.iter().sum::<usize>() as f64 / counts.len().max(1) as f64
    };
    let labels = mean(t.rows.iter().map(|(_, c)| &c[0]).collect());
    let text = mean(t.rows.iter().flat_map(|(_, c)| &c[1..]).collect());
    // A header that names the text (`Description (Manager Context)`) names no level.
    let header: Vec<String> = t
        .header
        .iter()
        .map(|c| label(c))
        .filter(|h| !names_text(h))
        .collect();
    let firsts: Vec<String> = t.rows.iter().map(|(_, c)| label(&c[0])).collect();
    t.header.len() >= 2
        && !t.rows.is_empty()
        && short
        && !rated(&header)
        && !levels(&header)
        && !levels(&firsts)
        && !calendar(&firsts)
        && corner(&t.header[0]) != Some(Shape::Rows)
        && text >= 1.5 * labels
        && prose(t.rows.iter().flat_map(|(_, c)| &c[1..]))
        && t.heading
            .as_ref()
            .is_some_and(|h| h.depth <= 5 && !h.deeper_after && !h.lists)
}

/// Whether every one of `labels` names a day, a month or a time of day (`Monday`, `Thu`,
/// `March`, `Early shift`, `Mornings`): a rota's or a calendar's rows, which are no
/// competency areas.
fn calendar(labels: &[String]) -> bool {
    #[rustfmt::skip]
    const NAMES: &[&str] = &[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "wed", "thu", "fri", "sat", "sun", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "morning",
        "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights",
        "weekday", "weekdays", "weekend", "weekends", "early", "late", "day", "days",
    ];
    let time = |l: &String| {
        let l = l.trim().to_lowercase();
        let l = l
            .strip_suffix(" shift")
            .or_else(|| l.strip_suffix(" shifts"))
            .unwrap_or(&l);
        NAMES.contains(&l)
    };
    !labels.is_empty() && labels.iter().all(time)
}
