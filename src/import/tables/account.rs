//! The account of a table read: every cell's text is somewhere in the lines it is written as,
//! or it is added after them and said, so that no text of a table is lost without a word.

use super::cells::{gap, label, strip_tags, tag_end, tag_name, BLOCKS};
use super::table::{blank, Line, Table};

/// The cells of `t` (not its header) whose text is nowhere in `lines`, each as a paragraph
/// line traced to its row, after a blank line; `None` when every cell is there.
pub(super) fn left_out(t: &Table, lines: &[Line]) -> Option<Vec<Line>> {
    let written = format!(
        " {} ",
        lines
            .iter()
            .map(|l| words(&l.text))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut out = Vec::new();
    for (line, cells) in &t.rows {
        // A row's name with nothing in its row is no pillar at any level.
        let empty = cells[1..].iter().all(|c| gap(c));
        for (col, cell) in cells.iter().enumerate() {
            if gap(cell) || (col == 0 && empty) {
                continue;
            }
            let parts = if col == 0 {
                vec![label(cell)]
            } else {
                segments(cell)
            };
            for part in parts {
                let w = words(&part);
                if !w.is_empty() && !written.contains(&format!(" {w} ")) {
                    out.push(Line {
                        text: format!("{}\n", part.trim()),
                        row: *line,
                    });
                }
            }
        }
    }
    if out.is_empty() {
        return None;
    }
    out.insert(0, blank(t.first_line));
    Some(out)
}

/// [`left_out`] of each of `tables`, against `lines` as they are, added after them: how many
/// cells' texts were added (0 when every cell is there).
pub(super) fn keep_left_out<'t>(
    tables: impl IntoIterator<Item = &'t Table>,
    lines: &mut Vec<Line>,
) -> usize {
    let rest: Vec<Line> = tables
        .into_iter()
        .filter_map(|t| left_out(t, lines))
        .flatten()
        .collect();
    let added = rest.iter().filter(|l| !l.text.is_empty()).count();
    lines.extend(rest);
    added
}

/// The words of `text` as a reader sees them: tags and Markdown marks left out, lower case,
/// one space apart.
fn words(text: &str) -> String {
    strip_tags(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The runs of text of a cell between its block tags (`Expected to:`, each list item, the
/// text after a list; a link or bold text stays in its run): each must be written somewhere.
fn segments(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut rest = cell;
    while let Some(i) = rest.find('<') {
        match tag_end(&rest[i..]) {
            Some(j) if BLOCKS.contains(&tag_name(&rest[i..i + j]).as_str()) => {
                out.push(std::mem::take(&mut run) + &rest[..i]);
                rest = &rest[i + j..];
            }
            Some(j) => {
                run.push_str(&rest[..i + j]);
                rest = &rest[i + j..];
            }
            None => {
                run.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push(run + rest);
    out.retain(|s| !gap(s));
    out
}
