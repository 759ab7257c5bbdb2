//! Markdown source text, line by line: list markers and their columns, task-list boxes, a
//! list item's text, quoting and blank lines, as the outline reads them.

use pulldown_cmark::{Event, Parser, Tag};

pub(in crate::import) fn count_tag(lower: &str, pat: &str) -> usize {
    lower
        .match_indices(pat)
        .filter(|(i, _)| {
            lower[i + pat.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c.is_whitespace() || c == '/')
        })
        .count()
}

/// Whether `text` is one run of emphasis or strong emphasis from end to end (`_…_`,
/// `*…*`, `__…__`, `**…**`, CommonMark §6.2), with no other run's delimiter inside.
pub(in crate::import) fn wholly_emphasised(text: &str) -> bool {
    ["__", "**", "_", "*"].iter().any(|d| {
        text.len() > 2 * d.len()
            && text.starts_with(d)
            && text.ends_with(d)
            && !text[d.len()..text.len() - d.len()].contains(d)
            && !text[d.len()..].starts_with(' ')
    })
}

/// The content of `line` when it opens a list item at its first column: the text after its
/// marker (`-`, `*`, `+`, or digits then `.` or `)`) and the white space that must follow it.
/// `None` for any other line (`**bold`, an indented item, a bare number).
pub(in crate::import) fn item_content(line: &str) -> Option<&str> {
    let at = skip_marker(line, 0);
    (!line.starts_with(' ') && line[..at].ends_with([' ', '\t'])).then(|| &line[at..])
}

/// The first line of the text of the list item at `start..end`, after its marker (`- ` or
/// `2. `), without copying the item (see [`item_text`]).
pub(in crate::import) fn item_first_line(text: &str, start: usize, end: usize) -> &str {
    let end = end.min(text.len());
    let from = skip_marker(text, after_blanks(text, start)).min(end);
    text[from..end].lines().next().unwrap_or("")
}

/// The offset of an item's content: after its marker and the spaces that follow.
pub(in crate::import) fn skip_marker(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    if i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b'*') {
        i += 1;
    } else {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i < bytes.len() && matches!(bytes[i], b'.' | b')') {
            i += 1;
        }
    }
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    i
}

pub(in crate::import) fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// Removes up to `cols` columns of leading white space (tabs to the next multiple of 4).
pub(in crate::import) fn strip_cols(line: &str, cols: usize) -> &str {
    let mut col = 0;
    for (i, c) in line.char_indices() {
        if col >= cols {
            return &line[i..];
        }
        match c {
            ' ' => col += 1,
            '\t' => col += 4 - col % 4,
            _ => return &line[i..],
        }
    }
    ""
}

pub(in crate::import) fn columns(s: &str) -> usize {
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => col += 4 - col % 4,
            _ => col += 1,
        }
    }
    col
}

/// The offset of the first byte at or after `at` in `text` that is not a space or a tab.
pub(in crate::import) fn after_blanks(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len()
}

/// A list item's source as a top-level `- ` item: its lines de-indented to its marker's
/// column, the marker made `-` (padded to the marker's width, so every line keeps its column).
pub(in crate::import) fn item_text(text: &str, start: usize, end: usize) -> String {
    // An item's range may start at the indent before its marker.
    let start = after_blanks(text, start);
    let ls = line_start(text, start);
    let prefix = &text[ls..start];
    let indent = columns(prefix);
    let raw = text[ls..end.min(text.len())].trim_end();
    let mut out = String::new();
    for (i, line) in raw.split('\n').enumerate() {
        let line = strip_cols(line, indent);
        if i == 0 {
            out.push_str(&normalize_marker(line));
        } else {
            out.push('\n');
            out.push_str(line);
        }
    }
    out
}

/// A list item's first line with its marker made `-` (an ordered marker padded to its width).
pub(super) fn normalize_marker(line: &str) -> String {
    let bytes = line.as_bytes();
    if bytes
        .first()
        .is_some_and(|b| matches!(b, b'-' | b'+' | b'*'))
    {
        return format!("-{}", &line[1..]);
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && bytes.get(digits).is_some_and(|b| matches!(b, b'.' | b')')) {
        return format!("-{}{}", " ".repeat(digits), &line[digits + 1..]);
    }
    line.to_string()
}

/// The task-list checkbox after a list marker on a line (`- [ ] `, GitHub's), as its byte
/// range in the line, and whether it is checked.
pub(in crate::import) fn checkbox(line: &str) -> Option<(std::ops::Range<usize>, bool)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(['.', ')']) {
            return None;
        }
        digits + 1
    };
    let after = &rest[marker..];
    let text = after.trim_start_matches([' ', '\t']);
    if text.len() == after.len() {
        return None;
    }
    let start = indent + marker + after.len() - text.len();
    let checked = match text.get(..4) {
        Some("[ ] ") => false,
        Some("[x] " | "[X] ") => true,
        _ => return None,
    };
    Some((start..start + 4, checked))
}

/// A paragraph (or the text after a label) as a `- ` item.
pub(in crate::import) fn para_item(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.trim().split('\n').enumerate() {
        if i == 0 {
            out.push_str("- ");
        } else {
            out.push_str("\n  ");
        }
        out.push_str(line.trim_start());
    }
    out
}

/// Text that holds a list, made a block quote so that its list is not read as expectations.
pub(in crate::import) fn quote(text: &str) -> String {
    text.split('\n')
        .map(|l| {
            if l.trim().is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub(in crate::import) fn contains_list(text: &str) -> bool {
    let mut depth = 0usize;
    for ev in Parser::new_ext(text, crate::markdown::options()) {
        match ev {
            Event::Start(Tag::List(_)) if depth == 0 => return true,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

pub(in crate::import) fn has_blank_before(text: &str, offset: usize) -> bool {
    let ls = line_start(text, offset);
    if ls < 2 {
        return false;
    }
    let prev_start = line_start(text, ls - 1);
    text[prev_start..ls - 1].trim().is_empty()
}
