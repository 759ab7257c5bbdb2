//! GitHub's folds around headings: `<details>` over a `<summary>` that holds only a
//! heading (`### PHP`), as a page hides each pillar's long list under its title. GitHub
//! draws the heading as the fold's title, with its list inside; Markdown alone reads the
//! tags as HTML blocks that cut the section in two.

use super::{line_end, rewrite_lines_as};

/// `text` with each fold whose summary is only a heading (`<details>`, `<summary>`, `###
/// PHP` or `<h3>PHP</h3>`, `</summary>`, on lines of their own or together) written as that
/// heading, and
/// its `</details>` left out: the section reads as GitHub shows it opened. Folds titled in
/// words (`<summary>Examples</summary>`) are left as written, and so is a fold whose tags
/// share a line with other text. Lines stay where they are; fenced code is left alone.
/// Returns the text and the first line changed, or `None`.
pub fn heading_folds(text: &str) -> Option<(String, usize)> {
    if !text.contains("<summary") {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // The new text of each line changed, by index.
    let mut new: Vec<Option<String>> = vec![None; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        match fold_at(&lines, i) {
            Some((heading_line, heading, summary_end)) => {
                let Some(close) = closing_tag(&lines, summary_end + 1) else {
                    i += 1;
                    continue;
                };
                for (k, slot) in new.iter_mut().enumerate().take(summary_end + 1).skip(i) {
                    let end = line_end(lines[k]);
                    *slot = Some(if k == heading_line {
                        format!("{heading}{end}")
                    } else {
                        end.to_string()
                    });
                }
                new[close] = Some(line_end(lines[close]).to_string());
                i = summary_end + 1;
            }
            None => i += 1,
        }
    }
    rewrite_lines_as(text, new)
}

/// The fold that opens at line `i`, when its summary is only a heading: the line the
/// heading is on, the heading as Markdown, and the line of `</summary>`. Blank lines may
/// stand between the tags; at most a few lines are read.
fn fold_at(lines: &[&str], i: usize) -> Option<(usize, String, usize)> {
    const TAGS: [&str; 4] = ["<details>", "<details open>", "<summary>", "</summary>"];
    let mut expect = 0; // 0: details, 1: summary, 2: the heading, 3: `</summary>`
    let mut heading: Option<(usize, String)> = None;
    for (k, line) in lines.iter().enumerate().skip(i).take(12) {
        let mut rest = line.trim();
        while !rest.is_empty() {
            let lower = rest.to_ascii_lowercase();
            let tag = TAGS.iter().find(|t| lower.starts_with(**t));
            match (expect, tag) {
                (0, Some(t)) if t.starts_with("<details") => expect = 1,
                (1, Some(&"<summary>")) => expect = 2,
                (3, Some(&"</summary>")) => {
                    let after = rest["</summary>".len()..].trim();
                    let (at, h) = heading?;
                    return after.is_empty().then_some((at, h, k));
                }
                // A heading written in HTML (`<summary><h3>Hive care</h3></summary>`).
                (2, None) if html_heading(&lower).is_some() => {
                    let (depth, len) = html_heading(&lower)?;
                    let close = format!("</h{depth}>");
                    let end = lower.find(&close)?;
                    let inner = rest[len..end].trim();
                    if inner.is_empty() || inner.contains('<') {
                        return None;
                    }
                    heading = Some((k, format!("{} {inner}", "#".repeat(depth))));
                    expect = 3;
                    rest = rest[end + close.len()..].trim_start();
                    continue;
                }
                (2, None) if rest.starts_with('#') => {
                    let end = lower.find("</summary>").unwrap_or(rest.len());
                    let h = rest[..end].trim();
                    let hashes = h.len() - h.trim_start_matches('#').len();
                    if !(1..=6).contains(&hashes) || !h[hashes..].starts_with(' ') {
                        return None;
                    }
                    heading = Some((k, h.to_string()));
                    expect = 3;
                    rest = &rest[end..];
                    continue;
                }
                _ => return None,
            }
            rest = rest[tag.map_or(0, |t| t.len())..].trim_start();
        }
        if k == i && expect == 0 {
            return None;
        }
    }
    None
}

/// The line from `from` on that closes the fold open before it: the `</details>` alone on
/// its line that matches, folds opened in between counted.
fn closing_tag(lines: &[&str], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, line) in lines.iter().enumerate().skip(from) {
        let lower = line.trim().to_ascii_lowercase();
        depth += lower.matches("<details").count();
        let closes = lower.matches("</details>").count();
        if closes > depth {
            return (lower == "</details>").then_some(k);
        }
        depth -= closes;
    }
    None
}

/// The depth of an HTML heading's start tag at the start of `lower` (`<h3>`, lowercased)
/// and the tag's length.
fn html_heading(lower: &str) -> Option<(usize, usize)> {
    let rest = lower.strip_prefix("<h")?;
    let depth = rest.chars().next()?.to_digit(10)? as usize;
    ((1..=6).contains(&depth) && rest[1..].starts_with('>')).then_some((depth, 4))
}
