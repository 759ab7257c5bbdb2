//! Competency areas that list their levels under a label that says so (`### Execution` / a
//! paragraph / `**Levels:**` / `- **Novice**: …` … `- **Expert**: …`). Read as written, the
//! areas are levels with one pillar, `Levels`; the label says the names in bold are the
//! levels, whatever words they use, so the track reads the other way round.

use crate::import::ids;
use crate::import::model::{Cell, CellBlock, Md, Track};

/// Titles of a label over a list of levels, compared by [`ids::title_key`].
const LEVELS: &[&str] = &[
    "levels",
    "level",
    "proficiency levels",
    "levels of proficiency",
    "maturity levels",
    "seniority levels",
];

/// When every level of `track` (two or more) is an area whose title reads as no level (an
/// ordering number aside) and whose one cell is a label naming levels ([`LEVELS`]) over items
/// that each open with a bold name, the same two or more names in the same order in every
/// area: gives each name a cell of its own in every area,
/// drops an ordering number that every area's title starts with (`1. Execution`), and
/// returns the names in the order written, most junior first. `None`, with `track`
/// unchanged, otherwise.
pub(in crate::import) fn levels_label(track: &mut Track) -> Option<Vec<String>> {
    if track.levels.len() < 2 {
        return None;
    }
    let mut split: Vec<Vec<Cell>> = Vec::new();
    let mut order: Option<Vec<String>> = None;
    for level in &track.levels {
        let [cell] = level.cells.as_slice() else {
            return None;
        };
        let title = after_number(&level.full_title).unwrap_or(&level.full_title);
        if crate::import::infer::level_like(title) {
            return None;
        }
        if !level.pending.is_empty()
            || !LEVELS.contains(&ids::title_key(&cell.pillar_title).as_str())
        {
            return None;
        }
        let cells: Vec<Cell> = cell
            .blocks
            .iter()
            .map(|b| {
                named_item(b).map(|(name, block)| Cell {
                    pillar_title: name,
                    blocks: vec![block],
                    ..cell.clone()
                })
            })
            .collect::<Option<_>>()?;
        let names: Vec<String> = cells.iter().map(|c| c.pillar_title.clone()).collect();
        let keys = |n: &[String]| n.iter().map(|t| ids::title_key(t)).collect::<Vec<_>>();
        match &order {
            Some(o) if keys(o) != keys(&names) => return None,
            Some(_) => {}
            None => order = Some(names),
        }
        split.push(cells);
    }
    let order = order.filter(|o| o.len() >= 2 && crate::import::titles::distinct(o))?;
    for (level, cells) in track.levels.iter_mut().zip(split) {
        level.cells = cells;
    }
    let in_order = track
        .levels
        .iter()
        .enumerate()
        .all(|(n, l)| l.full_title.starts_with(&format!("{}. ", n + 1)));
    if in_order {
        for level in &mut track.levels {
            let title = after_number(&level.full_title)
                .unwrap_or("")
                .trim()
                .to_string();
            level.full_title = title.clone();
            level.title = title;
        }
    }
    Some(order)
}

/// The rest of a title that starts with an ordering number (`1. Execution` → `Execution`).
fn after_number(title: &str) -> Option<&str> {
    let (n, rest) = title.split_once(". ")?;
    n.parse::<u32>().is_ok().then_some(rest)
}

/// An item that opens with a name in bold (`- **Novice**: completes tasks with help`): the
/// name, and the item without it (`- completes tasks with help`, its nested lines kept).
fn named_item(b: &CellBlock) -> Option<(String, CellBlock)> {
    if !b.item {
        return None;
    }
    let text = b.md.text.strip_prefix("- ")?.trim_start();
    let rest = text.strip_prefix("**")?;
    let (name, after) = rest.split_once("**")?;
    let name = name.trim().trim_end_matches(':').trim();
    let after = after
        .trim_start()
        .strip_prefix(':')
        .unwrap_or(after)
        .trim_start();
    if name.is_empty() || after.is_empty() {
        return None;
    }
    let block = CellBlock {
        md: Md {
            text: format!("- {after}"),
            ..b.md.clone()
        },
        ..b.clone()
    };
    Some((name.to_string(), block))
}
