//! HTML tables (`<table>` … `</table>`) as rows of cells, for the ladders that Markdown
//! authors write in HTML because a pipe table's cell cannot hold a list.
//!
//! Only the table's own structure is read (`<thead>`, `<tr>`, `<td>`, `<th>`, `colspan`), as
//! the HTML standard's table model places cells (HTML Living Standard, "Processing model" of
//! tables), without row spans: a cell's content is kept as written, its white space collapsed
//! as a browser shows it (outside `<pre>`). A table nested in a cell is part of that cell.

/// One row of an HTML table: the byte offset of its `<tr>` (or first cell), its cells, and
/// whether it is a header row (inside `<thead>`, or only `<th>` cells).
pub(super) struct Row {
    pub(super) offset: usize,
    pub(super) cells: Vec<String>,
    pub(super) head: bool,
}

/// Whether the HTML block at `at` in `text` starts with a `<table>` tag.
pub(super) fn starts_table(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start();
    rest.get(..6)
        .is_some_and(|t| t.eq_ignore_ascii_case("<table"))
        && rest[6..]
            .chars()
            .next()
            .is_some_and(|c| c == '>' || c.is_whitespace())
}

/// The table whose `<table>` tag is the first tag at or after `start` in `text` (`lower` is
/// `text` in ASCII lower case, so byte offsets agree): the offset just past its `</table>`,
/// and its rows. `None` when the table is never closed.
pub(super) fn read(text: &str, lower: &str, start: usize) -> Option<(usize, Vec<Row>)> {
    let mut depth = 0usize;
    let mut at = start;
    let mut rows: Vec<Row> = Vec::new();
    let mut row: Option<Row> = None;
    // The open cell: where its content starts, its column span, and whether it is a `<th>`.
    let mut cell: Option<(usize, usize, bool)> = None;
    let mut all_th = true;
    let mut in_head = false;
    loop {
        let i = at + lower[at..].find('<')?;
        let rest = &lower[i + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            at = i + 4 + comment.find("-->")? + 3;
            continue;
        }
        let starts_tag = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        if !starts_tag {
            at = i + 1;
            continue;
        }
        let end = i + 1 + rest.find('>')? + 1;
        let tag = &lower[i + 1..end - 1];
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        let inner = depth == 1;
        match name {
            "table" => depth += 1,
            "/table" if inner => {
                close_cell(text, &mut row, &mut cell, &mut all_th, i);
                close_row(&mut rows, &mut row, &mut all_th);
                return Some((end, rows));
            }
            "/table" => depth = depth.saturating_sub(1),
            "thead" if inner => in_head = true,
            "/thead" | "tbody" | "tfoot" if inner => in_head = false,
            "tr" if inner => {
                close_cell(text, &mut row, &mut cell, &mut all_th, i);
                close_row(&mut rows, &mut row, &mut all_th);
                row = Some(Row {
                    offset: i,
                    cells: Vec::new(),
                    head: in_head,
                });
            }
            "/tr" if inner => {
                close_cell(text, &mut row, &mut cell, &mut all_th, i);
                close_row(&mut rows, &mut row, &mut all_th);
            }
            "td" | "th" if inner => {
                close_cell(text, &mut row, &mut cell, &mut all_th, i);
                row.get_or_insert(Row {
                    offset: i,
                    cells: Vec::new(),
                    head: in_head,
                });
                cell = Some((end, span(tag), name == "th"));
            }
            "/td" | "/th" if inner => close_cell(text, &mut row, &mut cell, &mut all_th, i),
            _ => {}
        }
        at = end;
    }
}

/// Ends the open cell at `at`, adding its content (and an empty cell for each further column
/// it spans) to the row.
fn close_cell(
    text: &str,
    row: &mut Option<Row>,
    cell: &mut Option<(usize, usize, bool)>,
    all_th: &mut bool,
    at: usize,
) {
    let (Some(r), Some((from, span, th))) = (row.as_mut(), cell.take()) else {
        return;
    };
    let content = &text[from..at.max(from)];
    let content = if content.to_ascii_lowercase().contains("<pre") {
        content.trim().to_string()
    } else {
        content.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    r.cells.push(content);
    r.cells.extend(std::iter::repeat_n(String::new(), span - 1));
    *all_th &= th;
}

fn close_row(rows: &mut Vec<Row>, row: &mut Option<Row>, all_th: &mut bool) {
    if let Some(mut r) = row.take() {
        if !r.cells.is_empty() {
            r.head |= *all_th;
            rows.push(r);
        }
    }
    *all_th = true;
}

/// A cell's `colspan` (1 when absent or not a number; at most 100, as a table a reader can
/// take in has no more columns).
fn span(tag: &str) -> usize {
    let Some(i) = tag.find("colspan") else {
        return 1;
    };
    let value = tag[i + "colspan".len()..]
        .trim_start()
        .strip_prefix('=')
        .unwrap_or("")
        .trim_start()
        .trim_start_matches(['"', '\'']);
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1).clamp(1, 100)
}
