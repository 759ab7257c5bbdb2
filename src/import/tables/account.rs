//! The account of a table read: every cell's text is somewhere in the lines it is written as,
//! or it is added after them and said, so that no text of a table is lost without a word.

use super::cells::{gap, label, strip_tags};
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
    const BLOCKS: &[&str] = &[
        "li",
        "ul",
        "ol",
        "p",
        "br",
        "div",
        "table",
        "tr",
        "td",
        "th",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
    ];
    let mut out = Vec::new();
    let mut run = String::new();
    let mut rest = cell;
    while let Some(i) = rest.find('<') {
        let tag = rest[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        let end = rest[i..].find('>').filter(|_| tag).map(|j| i + j + 1);
        let name = end.map_or(String::new(), |e| {
            rest[i + 1..e - 1]
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        });
        match end {
            Some(e) if BLOCKS.contains(&name.as_str()) => {
                out.push(std::mem::take(&mut run) + &rest[..i]);
                rest = &rest[e..];
            }
            Some(e) => {
                run.push_str(&rest[..e]);
                rest = &rest[e..];
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
