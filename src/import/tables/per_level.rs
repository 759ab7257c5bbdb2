//! Tables that are one level's (`## Senior Engineer` over `| Area | Expectations |`): which
//! tables are, and the headings and lists each is written as.

use super::cells::{gap, item_line, items, label, prose, scores, word_count};
use super::table::{blank, heading, key, levels, named_rows, rated, Line, Table};
use super::{corner, names_text, Shape};
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
        super::has_word(&h, &["expectation", "expectations"])
            && !super::has_word(
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
