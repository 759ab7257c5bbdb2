//! HTML tables (`<table>` … `</table>`) as rows of cells, for the ladders that Markdown
//! authors write in HTML because a pipe table's cell cannot hold a list.
//!
//! Only the table's own structure is read (`<thead>`, `<tr>`, `<td>`, `<th>`, `colspan`,
//! `rowspan`), placing cells as the HTML standard's table model does (HTML Living Standard,
//! "Processing model" of tables): a cell spanning rows fills the first of them and leaves the
//! others empty; one spanning columns after the first (levels') holds each of them, unless it
//! is the row's only cell (a level's summary across the pillars). A cell's content is kept as written, its white space collapsed as a
//! browser shows it (outside `<pre>`). A table nested in a cell is part of that cell.

/// One row of an HTML table: the byte offset of its `<tr>` (or first cell), its cells, and
/// whether it is a header row (inside `<thead>`, or only `<th>` cells).
pub(super) struct Row {
    pub(super) offset: usize,
    pub(super) cells: Vec<String>,
    pub(super) head: bool,
    /// Besides a cell in the first column, the row's one cell of its own spans every column
    /// after the first (a level's summary, in a table of a level per row).
    pub(super) wide: bool,
    /// (first column, columns spanned) of each cell of the row's own.
    spans: Vec<(usize, usize)>,
}

impl Row {
    fn new(offset: usize, head: bool) -> Row {
        Row {
            offset,
            cells: Vec::new(),
            head,
            wide: false,
            spans: Vec::new(),
        }
    }
}

/// Tags that wrap a table without being part of a ladder: a Confluence export's
/// `<div class="table-wrap">`, a `<details>` that folds the table away.
const WRAPPERS: &[&str] = &["div", "details", "figure", "center", "section"];

/// Whether the HTML block at `at` in `text` starts with a `<table>` tag, perhaps inside
/// [`WRAPPERS`] and after a `<summary>`.
pub(super) fn starts_table(text: &str, at: usize) -> bool {
    let mut rest = &text[at..];
    loop {
        rest = rest.trim_start();
        let Some(name) = tag_name(rest) else {
            return false;
        };
        if name == "table" {
            return true;
        }
        let skip = if name == "summary" {
            find_ignore_case(rest, "</summary>").map(|i| i + "</summary>".len())
        } else if WRAPPERS.contains(&name.as_str()) {
            rest.find('>').map(|i| i + 1)
        } else {
            None
        };
        match skip {
            Some(n) => rest = &rest[n..],
            None => return false,
        }
    }
}

/// Where the closing tags of [`WRAPPERS`] right after `at` (spaces and line breaks between
/// them) end: the end of what a table and its wrappers take.
pub(super) fn after_wrappers(text: &str, at: usize) -> usize {
    let mut end = at;
    loop {
        let rest = &text[end..];
        let skipped = rest.len() - rest.trim_start().len();
        let Some(close) = rest.trim_start().strip_prefix("</") else {
            return end;
        };
        let name: String = close
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match close.find('>') {
            Some(i) if WRAPPERS.contains(&name.as_str()) => end += skipped + 2 + i + 1,
            _ => return end,
        }
    }
}

/// The lower-case name of the tag `text` starts with (`<Table class=…>` is `table`).
fn tag_name(text: &str) -> Option<String> {
    let name: String = text
        .strip_prefix('<')?
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    text.to_ascii_lowercase().find(needle)
}

/// The table whose `<table>` tag is the first tag at or after `start` in `text` (`lower` is
/// `text` in ASCII lower case, so byte offsets agree): the offset just past its `</table>`,
/// and its rows. `None` when the table is never closed.
pub(super) fn read(text: &str, lower: &str, start: usize) -> Option<(usize, Vec<Row>)> {
    let mut depth = 0usize;
    let mut at = start;
    let mut r = Reader {
        text,
        rows: Vec::new(),
        row: None,
        cell: None,
        all_th: true,
        in_head: false,
        sections: false,
        spanned: Vec::new(),
    };
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
                r.close_row(i);
                return Some((end, r.rows));
            }
            "/table" => depth = depth.saturating_sub(1),
            "thead" if inner => (r.in_head, r.sections) = (true, true),
            "/thead" | "tbody" | "tfoot" if inner => (r.in_head, r.sections) = (false, true),
            "tr" if inner => {
                r.close_row(i);
                r.row = Some(Row::new(i, r.in_head));
            }
            "/tr" if inner => r.close_row(i),
            "td" | "th" if inner => r.open_cell(i, end, tag, name == "th"),
            "/td" | "/th" if inner => r.close_cell(i),
            _ => {}
        }
        at = end;
    }
}

/// The state of [`read`] within one table.
struct Reader<'t> {
    text: &'t str,
    rows: Vec<Row>,
    row: Option<Row>,
    /// The open cell: where its content starts, its column and row spans, and whether it is
    /// a `<th>`.
    cell: Option<(usize, usize, usize, bool)>,
    /// The row so far has only `<th>` cells.
    all_th: bool,
    in_head: bool,
    /// The table has `<thead>` or `<tbody>`, which say which rows are its header.
    sections: bool,
    /// For each column, how many rows below the current one a cell above still spans.
    spanned: Vec<usize>,
}

impl Reader<'_> {
    fn open_cell(&mut self, at: usize, content: usize, tag: &str, th: bool) {
        self.close_cell(at);
        let head = self.in_head;
        self.row.get_or_insert(Row::new(at, head));
        self.skip_spanned();
        self.cell = Some((content, span(tag, "colspan"), span(tag, "rowspan"), th));
    }

    /// Fills the columns that cells of the rows above span with empty cells.
    fn skip_spanned(&mut self) {
        let Some(row) = self.row.as_mut() else { return };
        while let Some(left) = self.spanned.get_mut(row.cells.len()).filter(|n| **n > 0) {
            *left -= 1;
            row.cells.push(String::new());
        }
    }

    /// Ends the open cell at `at`, adding its content (and an empty cell for each further
    /// column it spans) to the row.
    fn close_cell(&mut self, at: usize) {
        let (Some(row), Some((from, columns, rows, th))) = (self.row.as_mut(), self.cell.take())
        else {
            return;
        };
        let content = &self.text[from..at.max(from)];
        let content = if content.to_ascii_lowercase().contains("<pre") {
            content.trim().to_string()
        } else {
            markdown_blocks(content)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let first = row.cells.len();
        row.spans.push((first, columns));
        row.cells.push(content);
        row.cells
            .extend(std::iter::repeat_n(String::new(), columns - 1));
        if self.spanned.len() < row.cells.len() {
            self.spanned.resize(row.cells.len(), 0);
        }
        for left in &mut self.spanned[first..first + columns] {
            *left = rows - 1;
        }
        self.all_th &= th;
    }

    fn close_row(&mut self, at: usize) {
        self.close_cell(at);
        self.skip_spanned();
        if let Some(mut r) = self.row.take() {
            if !r.cells.is_empty() {
                // Only `<th>` cells make a header row before the body, not a row of `<th
                // scope="row">` names within it.
                r.head |= self.all_th && !self.sections && self.rows.iter().all(|x| x.head);
                // Besides a name in the first column, one cell across all the others.
                let after_name = match r.spans.first() {
                    Some(&(0, 1)) => &r.spans[1..],
                    _ => &r.spans[..],
                };
                r.wide = matches!(after_name, [(first, n)] if *first >= 1 && *n >= 2 && first + n == r.cells.len());
                // A cell merged across levels' columns holds each of those levels' text.
                if !r.wide {
                    for &(first, n) in r.spans.iter().filter(|s| s.0 >= 1) {
                        for c in first + 1..first + n {
                            r.cells[c] = r.cells[first].clone();
                        }
                    }
                }
                self.rows.push(r);
            }
        }
        self.all_th = true;
    }
}

/// A cell's `colspan` or `rowspan` (`attribute`): 1 when absent or not a number, at most 100,
/// as a table a reader can take in has no more columns or rows to a cell.
fn span(tag: &str, attribute: &str) -> usize {
    let Some(i) = tag.find(attribute) else {
        return 1;
    };
    let value = tag[i + attribute.len()..]
        .trim_start()
        .strip_prefix('=')
        .unwrap_or("")
        .trim_start()
        .trim_start_matches(['"', '\'']);
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1).clamp(1, 100)
}

/// A cell written in Markdown over several lines (GitHub renders Markdown in a cell set off by
/// blank lines) as HTML blocks, so that its lines do not run together once white space is
/// collapsed: each top-level list item (`- `, `* `, `+ `, `1. `) as an `<li>`, each paragraph
/// as a `<p>`. A cell on one line, or with no list item and no blank line, is as written.
fn markdown_blocks(cell: &str) -> std::borrow::Cow<'_, str> {
    let lines: Vec<&str> = cell.lines().collect();
    let marker = |l: &str| -> Option<usize> {
        let t = l.trim_start();
        if l.len() - t.len() > 1 {
            return None;
        }
        if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
            return Some(l.len() - t.len() + 2);
        }
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")))
            .then(|| l.len() - t.len() + digits + 2)
    };
    let blank_inside = lines
        .iter()
        .skip_while(|l| l.trim().is_empty())
        .skip_while(|l| !l.trim().is_empty())
        .any(|l| !l.trim().is_empty());
    if lines.len() < 2 || !(blank_inside || lines.iter().any(|l| marker(l).is_some())) {
        return cell.into();
    }
    let mut out = String::new();
    // The open block (`li` or `p`), and whether a list is open.
    let mut open: Option<&str> = None;
    let mut list = false;
    for line in lines {
        if line.trim().is_empty() {
            if let Some(tag) = open.take() {
                out.push_str(&format!("</{tag}>"));
            }
            continue;
        }
        if let Some(n) = marker(line) {
            if let Some(tag) = open.take() {
                out.push_str(&format!("</{tag}>"));
            }
            if !list {
                out.push_str("<ul>");
                list = true;
            }
            out.push_str("<li>");
            out.push_str(&line[n..]);
            open = Some("li");
        } else {
            if open.is_none() {
                if list {
                    out.push_str("</ul>");
                    list = false;
                }
                out.push_str("<p>");
                open = Some("p");
            }
            out.push(' ');
            out.push_str(line.trim());
        }
    }
    if let Some(tag) = open {
        out.push_str(&format!("</{tag}>"));
    }
    if list {
        out.push_str("</ul>");
    }
    out.into()
}
