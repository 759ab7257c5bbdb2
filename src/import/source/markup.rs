//! Markup that other tools draw and Markdown would show as text: kramdown's attribute
//! lists (Jekyll) and its table of contents, lines of empty HTML anchors and line breaks,
//! and spaces written as entities at the ends of lines (GitBook). Each rewrite keeps every
//! line where it is, so line numbers hold.

use super::{line_end, rewrite_lines};

/// `text` without kramdown's inline attribute lists (`[guide](x){:target="_blank"}`, a
/// line `{: .note}`), which Jekyll sites write after links and blocks and which Markdown
/// would show as text: each `{:` … `}` within a line is removed (lines stay where they are,
/// so line numbers hold). Lines in fenced code are left alone. Returns the text and the
/// 1-based number of the first line changed, or `None` when no line is.
pub fn without_attribute_lists(text: &str) -> Option<(String, usize)> {
    if !text.contains("{:") {
        return None;
    }
    // kramdown's table of contents is a one-item list `1. TOC` (or `* TOC`) marked `{:toc}`
    // on the next line, which kramdown replaces by the page's headings: the item goes too.
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let toc_item = |line: &str| {
        let l = line.trim();
        let rest = l.strip_prefix(['*', '-', '+']).or_else(|| {
            l.trim_start_matches(|c: char| c.is_ascii_digit())
                .strip_prefix('.')
        });
        rest.is_some_and(|r| r.starts_with(' ') && r.trim() == "TOC")
    };
    let toc: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i].trim() == "{:toc}" && toc_item(lines[i - 1]))
        .map(|i| i - 1)
        .collect();
    let mut n = 0;
    rewrite_lines(text, |line| {
        n += 1;
        if toc.contains(&(n - 1)) {
            return Some(line_end(line).to_string());
        }
        let (mut out, mut rest, mut changed) = (String::new(), line, false);
        while let Some(at) = rest.find("{:") {
            let after = &rest[at + 2..];
            match after.find(['}', '{']) {
                Some(len) if after[len..].starts_with('}') => {
                    out.push_str(&rest[..at]);
                    rest = &after[len + 1..];
                    changed = true;
                }
                _ => {
                    out.push_str(&rest[..at + 2]);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        changed.then_some(out)
    })
}

/// `text` with each line that holds only empty HTML anchors (`<a id="junior"></a>`, `<a
/// name="x"></a>`) or line breaks (`<br>`, `<br/>`) blanked: outside a paragraph, an anchor
/// line is an HTML block of its own, read as the previous level's last expectation. Lines
/// stay where they are; fenced code is left alone. Returns the text and the 1-based number of
/// the first line changed, or `None` when no line is.
pub fn without_empty_anchors(text: &str) -> Option<(String, usize)> {
    if !text.contains("<a ") && !text.contains("<br") {
        return None;
    }
    fn empty_tags(line: &str) -> bool {
        let mut rest = line.trim();
        if rest.is_empty() {
            return false;
        }
        while !rest.is_empty() {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("<br") {
                let Some(end) = rest.find('>') else {
                    return false;
                };
                rest = rest[end + 1..].trim_start();
            } else if lower.starts_with("<a ")
                && (lower.contains(" id=") || lower.contains(" name="))
            {
                let Some(end) = lower.find("</a>") else {
                    return false;
                };
                // Nothing but the tag between `<a …>` and `</a>`.
                let open_end = rest.find('>').unwrap_or(end);
                if open_end + 1 != end {
                    return false;
                }
                rest = rest[end + 4..].trim_start();
            } else {
                return false;
            }
        }
        true
    }
    rewrite_lines(text, |line| {
        empty_tags(line).then(|| line_end(line).to_string())
    })
}

/// `text` with the encoded spaces that end a line (`* **Learning:**&#x20;`, as GitBook writes
/// a trailing space) taken off: they show as nothing, and a label would not be read as alone
/// on its line. Fenced code is left alone. Returns the text and the 1-based number of the
/// first line changed, or `None` when no line is.
pub fn without_trailing_space_entities(text: &str) -> Option<(String, usize)> {
    const SPACES: [&str; 6] = ["&#x20;", "&#32;", "&nbsp;", "&#160;", "&#xA0;", "&#xa0;"];
    if !SPACES.iter().any(|e| text.contains(e)) {
        return None;
    }
    rewrite_lines(text, |line| {
        let end = line_end(line);
        let mut body = line[..line.len() - end.len()].trim_end();
        let mut cut = false;
        while let Some(rest) = SPACES.iter().find_map(|e| body.strip_suffix(e)) {
            body = rest.trim_end();
            cut = true;
        }
        cut.then(|| format!("{body}{end}"))
    })
}
