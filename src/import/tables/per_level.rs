//! Tables that are one level's (`## Senior Engineer` over `| Area | Expectations |`): which
//! tables are, and the headings and lists each is written as.

use super::cells::{item_line, items, label, prose, scores};
use super::shape::{has_word, per_level_shape};
use super::table::{blank, heading, key, named_rows, Line, Table};
use std::collections::HashSet;

/// The first-column labels of each table that may be a level's (see [`per_level_shape`])
/// that another such table, under another heading, shares: their pillars recur.
pub(super) fn shared_labels(tables: &[Table]) -> HashSet<String> {
    // Under another heading: another section, though titled alike (`### Responsibility &
    // Growth` under each level).
    let mut seen: Vec<(usize, HashSet<String>)> = Vec::new();
    for t in tables.iter().filter(|t| per_level_shape(t)) {
        let Some(h) = &t.heading else { continue };
        let labels = t
            .rows
            .iter()
            .map(|(_, c)| key(&c[0]))
            .filter(|k| !k.is_empty());
        seen.push((h.line, labels.collect()));
    }
    let mut shared = HashSet::new();
    for (i, (line, labels)) in seen.iter().enumerate() {
        for (other_line, other) in &seen[i + 1..] {
            if other_line != line && labels.intersection(other).count() >= 2 {
                shared.extend(labels.intersection(other).cloned());
            }
        }
    }
    shared
}

/// One level's table: a heading per pillar one deeper than the level's, an item per row,
/// the other columns' cells nested under it by their header.
pub(super) fn per_level(t: &Table, depth: u8) -> Vec<Line> {
    // The expectation is the column headed as such, or else the second, or the first of
    // prose after columns of scores (`| Axis | Level | Description |`); each other column's
    // cell is a note on it, named by its header.
    let column = |col: usize| t.rows.iter().map(move |(_, c)| &c[col]);
    // A column headed as the expectations (`Level Expectations`) is the text, whatever
    // comes before it (Mattermost's `Competencies`, the same cell at every level).
    // Not one that rates against them (`Exceeds expectations`, `Meets expectations`).
    let headed = (1..t.header.len()).find(|&col| {
        let h = label(&t.header[col]);
        has_word(&h, &["expectation", "expectations"])
            && !has_word(
                &h,
                &[
                    "meets",
                    "meet",
                    "exceeds",
                    "exceed",
                    "exceeding",
                    "below",
                    "above",
                    "beyond",
                ],
            )
            && !scores(column(col))
    });
    let text = headed
        .or_else(|| {
            (1..t.header.len())
                .find(|&col| !scores(column(col)))
                .filter(|&col| prose(column(col)))
        })
        .unwrap_or(1);
    let mut lines = Vec::new();
    for (name, rows) in &named_rows(t) {
        let mut first = true;
        for &(line, cells) in rows {
            let main = items(&cells[text]);
            if main.is_empty() {
                continue;
            }
            if first {
                lines.push(heading(depth + 1, name, line));
                first = false;
            }
            for item in &main {
                lines.push(Line {
                    text: item_line("", item),
                    row: line,
                });
            }
            for (col, head) in t.header.iter().enumerate().skip(1) {
                if col == text {
                    continue;
                }
                for extra in items(&cells[col]) {
                    let named = match label(head) {
                        h if h.is_empty() => extra,
                        h => format!("{h}: {extra}"),
                    };
                    lines.push(Line {
                        text: item_line("  ", &named),
                        row: line,
                    });
                }
            }
        }
        if !first {
            lines.push(blank(t.last_line));
        }
    }
    lines
}
