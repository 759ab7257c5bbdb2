//! Tables that list a track's levels and no more (`## Bread Track` over `| Level |
//! Designation |` and `| L1 | Apprentice Bread Baker |` …, or `| Level | Rank Name | Core
//! Meaning | Pay Band |`): a ladder whose organisation has named its levels and not yet
//! written what each expects. Read only when the import finds no levels otherwise: each such
//! table is a track of levels without expectations, as a YAML list of described levels is.
//! Beside a ladder's levels the same table is an index of them ([`super::level_index`]).

use super::ids;
use super::model::{GuessKind, Ladder, Level, LevelTable, Track};
use super::source::Loc;

/// Titles of a column that names each level's job (`Designation`, `Rank Name`), compared
/// by [`ids::title_key`]. A `Name` alone is not one: a glossary's or a price list's column is as often headed so.
const TITLE_HEADERS: &[&str] = &[
    "title",
    "titles",
    "designation",
    "designations",
    "job title",
    "job titles",
    "role",
    "role title",
    "role name",
    "rank name",
    "position",
    "position title",
];

/// Titles of a first column that names the levels by their codes (`Level`, `Grade`); not
/// `Code` or `Tier`, which number fares, rehearsals and prices as often.
const CODE_HEADERS: &[&str] = &["level", "levels", "grade", "band"];

/// Whether `header` titles a column of the levels' job titles (see [`TITLE_HEADERS`]).
fn titles_header(header: &str) -> bool {
    TITLE_HEADERS.contains(&ids::title_key(header).trim_end_matches(':'))
}

/// The columns of a table that lists levels and no more, given its header and body rows as
/// text: (the column of codes, the column of titles), or `None`. The first column is headed
/// as levels (`Level`, `Grade`) and gives each row a code (`L1`, `IC3`); another is headed
/// as titles (`Designation`, `Rank Name`) and gives each a title of a few words; every other
/// column holds a few words (`Entry / Foundation`) or figures (`100–150`), not sentences,
/// which a grid of pillars would.
pub(super) fn columns(header: &[String], rows: &[Vec<String>]) -> Option<(usize, usize)> {
    if header.len() < 2 || header.len() > 5 || rows.len() < 2 {
        return None;
    }
    let code_header = CODE_HEADERS.contains(&ids::title_key(&header[0]).as_str());
    let coded = rows.iter().all(|r| ids::parse_code(r[0].trim()).is_some());
    let title = (1..header.len()).find(|&c| titles_header(&header[c]))?;
    let words = |s: &str| s.split_whitespace().count();
    let titled = rows.iter().all(|r| (1..=8).contains(&words(&r[title])));
    // A few words, not a sentence (`Entry / Foundation`, not `Completes tasks with support.`).
    let short = (1..header.len()).filter(|&c| c != title).all(|c| {
        rows.iter()
            .all(|r| words(&r[c]) <= 8 && !r[c].trim_end().ends_with(['.', '!', '?']))
    });
    (code_header && coded && titled && short).then_some((0, title))
}

/// Whether `table` lists levels and no more (see [`columns`]).
pub(super) fn is_roster(table: &LevelTable) -> bool {
    roster_columns(table).is_some()
}

/// [`columns`] of a kept table, its first row the header.
fn roster_columns(table: &LevelTable) -> Option<(usize, usize)> {
    let (header, rows) = table.rows.split_first()?;
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.1.clone()).collect();
    columns(&header.1, &rows)
}

/// `Bread Track` → `Bread`, `Engineering Career Ladder` → `Engineering`: a heading's title
/// without the words that say it is a track.
fn track_title(heading: &str) -> String {
    let mut t = heading.trim().to_string();
    for tail in [" career ladder", " ladder", " track", " levels"] {
        let k = t.to_lowercase();
        if k.ends_with(tail) && k.len() > tail.len() {
            t.truncate(t.len() - tail.len());
        }
    }
    t.trim().to_string()
}

/// Adds a track per table of [`Ladder::level_tables`] that lists levels and no more, each
/// level titled by its row's title, coded by its code, and described by its other cells
/// (`*Core meaning:* Entry / Foundation`); each said in the summary. Returns whether any was
/// added. For a ladder in which import found no levels.
pub(super) fn tracks(ladder: &mut Ladder) -> bool {
    let tables: Vec<LevelTable> = ladder
        .level_tables
        .iter()
        .filter(|t| is_roster(t))
        .cloned()
        .collect();
    let mut seen: Vec<Vec<&Vec<String>>> = Vec::new();
    for table in &tables {
        let Some((code_col, title_col)) = roster_columns(table) else {
            continue;
        };
        // The same table on several pages (each level's page saying where it sits) is one
        // track.
        let cells: Vec<&Vec<String>> = table.rows.iter().map(|r| &r.1).collect();
        if seen.contains(&cells) {
            continue;
        }
        seen.push(cells);
        let (header, rows) = table.rows.split_first().expect("a roster has a header");
        // Most junior first: by the codes' numbers, rows of one code as written.
        let mut rows: Vec<&(Loc, Vec<String>)> = rows.iter().collect();
        rows.sort_by_key(|r| ids::parse_code(r.1[code_col].trim()).map(|(_, n)| n));
        let mut levels = Vec::new();
        for (at, cells) in rows {
            let mut level = Level::titled(ladder.uid(), cells[title_col].trim(), at.clone());
            if let Some((code, number)) = ids::parse_code(cells[code_col].trim()) {
                level.code = Some(code);
                level.number = Some(number);
            }
            let said: Vec<String> = (0..cells.len())
                .filter(|&c| c != code_col && c != title_col && !cells[c].trim().is_empty())
                .map(|c| format!("*{}:* {}", header.1[c].trim(), cells[c].trim()))
                .collect();
            if !said.is_empty() {
                level.description.push(super::model::Md {
                    text: said.join(" · "),
                    doc: ladder
                        .docs
                        .iter()
                        .position(|d| d.rel == at.path)
                        .unwrap_or(0),
                    line: at.line,
                });
            }
            levels.push(level);
        }
        let heading = table.heading.clone().unwrap_or_else(|| {
            let path = &header.0.path;
            super::titles::readable(
                std::path::Path::new(path)
                    .file_stem()
                    .map_or(path.as_str(), |s| s.to_str().unwrap_or(path)),
            )
        });
        let title = track_title(&heading);
        ladder.guess(
            GuessKind::Structure,
            header.0.clone(),
            format!(
                "the table under `{heading}` names {} levels and their titles (`{}` … `{}`) and no expectations: it is the track `{title}`, its levels without expectations for you to write",
                levels.len(),
                levels.first().map_or("", |l: &Level| l.title.as_str()),
                levels.last().map_or("", |l: &Level| l.title.as_str()),
            ),
        );
        let uid = ladder.uid();
        ladder.tracks.push(Track {
            uid,
            title,
            id: None,
            description: Vec::new(),
            levels,
            at: header.0.clone(),
            final_id: String::new(),
        });
    }
    ladder.level_tables.retain(|t| !is_roster(t));
    // A page the tables are on titles the ladder, where nothing else does.
    if ladder.title_from_folder {
        let first = tables.first().and_then(|t| t.rows.first());
        if let Some(page) = first.and_then(|r| ladder.pages.iter().find(|p| p.at.path == r.0.path))
        {
            ladder.title = page.title.clone();
            ladder.title_from_folder = false;
        }
    }
    !tables.is_empty()
}
