//! The text of table cells: splitting rows into cells and cells into expectations, labels
//! for headings, and how much prose a cell holds.

/// A row's cells: split at the pipes no backslash escapes, the outer pipes dropped, each
/// trimmed, `\|` made `|`.
pub(super) fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut cell).trim().to_string()),
            _ => cell.push(c),
        }
    }
    let last = cell.trim();
    if !last.is_empty() || out.is_empty() {
        out.push(last.to_string());
    }
    out
}

/// A label cell as a heading's text: bold or italic markers around it and a closing colon
/// dropped, `<br>` made a space.
pub(super) fn label(cell: &str) -> String {
    let t = split_br(cell).join(" ");
    let mut t = t.trim();
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|s| s.strip_suffix(mark)) {
            t = inner.trim();
        }
    }
    t.trim_end_matches(':').trim().to_string()
}

/// The parts of a cell between `<br>` tags (any case, `<br/>`, `<br />`).
pub(super) fn split_br(cell: &str) -> Vec<&str> {
    let lower = cell.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(i) = lower[at..].find("<br") {
        let open = at + i;
        let Some(close) = lower[open..].find('>').map(|j| open + j) else {
            break;
        };
        let inner = lower[open + 3..close].trim().trim_end_matches('/').trim();
        if inner.is_empty() {
            parts.push(&cell[start..open]);
            start = close + 1;
        }
        at = close + 1;
    }
    parts.push(&cell[start..]);
    parts
}

/// A cell's expectations (see the module's documentation).
pub(super) fn items(cell: &str) -> Vec<String> {
    let lower = cell.to_ascii_lowercase();
    let parts: Vec<String> = if lower.contains("<li>") {
        lower
            .match_indices("<li>")
            .map(|(i, _)| {
                let rest = &cell[i + 4..];
                let end = rest
                    .to_ascii_lowercase()
                    .find("</li>")
                    .unwrap_or(rest.len());
                rest[..end].to_string()
            })
            .collect()
    } else {
        split_br(cell).into_iter().map(str::to_string).collect()
    };
    parts
        .iter()
        .map(|p| {
            let p = p.trim();
            let p = ["• ", "· ", "- ", "* ", "•", "·"]
                .iter()
                .find_map(|m| p.strip_prefix(m))
                .unwrap_or(p);
            p.trim().to_string()
        })
        .filter(|p| !gap(p))
        .collect()
}

/// A cell that says there is nothing at this level.
pub(super) fn gap(cell: &str) -> bool {
    matches!(
        cell.trim().to_ascii_lowercase().as_str(),
        "" | "-" | "–" | "—" | "n/a"
    )
}

/// The words a reader sees in a cell: link targets and tags left out.
pub(super) fn word_count(cell: &str) -> usize {
    let mut text = String::new();
    let mut rest = cell;
    while let Some(i) = rest.find(['<', '(']) {
        text.push_str(&rest[..i]);
        let close = if rest[i..].starts_with('<') { '>' } else { ')' };
        let link_target = close == ')' && text.ends_with(']');
        match rest[i..].find(close) {
            Some(j) if close == '>' || link_target => rest = &rest[i + j + 1..],
            _ => {
                text.push_str(&rest[i..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    text.push_str(rest);
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Cells that hold expectations rather than labels, links or marks: at least half of those
/// not empty have three words or more, and they average at least four.
pub(super) fn prose<'c>(cells: impl Iterator<Item = &'c String>) -> bool {
    let counts: Vec<usize> = cells.filter(|c| !gap(c)).map(|c| word_count(c)).collect();
    if counts.is_empty() {
        return false;
    }
    let long = counts.iter().filter(|&&n| n >= 3).count();
    long * 2 >= counts.len() && counts.iter().sum::<usize>() >= 4 * counts.len()
}

/// An item line, with a first word that would start a heading, quote or list escaped.
pub(super) fn item_line(indent: &str, text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    let digits = first.trim_end_matches(['.', ')']);
    let marker = matches!(first, "-" | "*" | "+")
        || (!first.is_empty() && first.len() <= 6 && first.chars().all(|c| c == '#'))
        || first.starts_with('>')
        || (digits.len() + 1 == first.len()
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit()));
    let escape = if marker { "\\" } else { "" };
    format!("{indent}- {escape}{text}")
}
