//! The headings of an imported page's text, placed under the page's title.

/// `body` with its ATX headings moved so that the shallowest is `##`: on the site the page's
/// title is its only `h1`, and a section that skipped from it to `h3` (an FAQ written under
/// `###`), or a second `#` in the body, would break the page's outline (WCAG 2.2, 1.3.1;
/// HTML's heading levels). Headings keep their order one to another. A text with underlined
/// headings (`===`, `---`), whose place among the others is theirs as written, or that moving
/// down would fold two levels into `######`, is left as it is; so is fenced code.
pub(super) fn sections_under_title(body: &str) -> std::borrow::Cow<'_, str> {
    let depth = |line: &str| {
        let hashes = line.len() - line.trim_start_matches('#').len();
        ((1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t'])).then_some(hashes)
    };
    let lines: Vec<&str> = body.lines().collect();
    // Each line's heading depth, outside fenced code.
    let mut fence = false;
    let depths: Vec<Option<usize>> = lines
        .iter()
        .map(|line| {
            let fenced =
                line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
            fence ^= fenced;
            depth(line).filter(|_| !fence && !fenced)
        })
        .collect();
    let (Some(shallowest), Some(deepest)) = (
        depths.iter().flatten().min().copied(),
        depths.iter().flatten().max().copied(),
    ) else {
        return body.into();
    };
    // Headings underlined (`===`, `---`) keep their place among the others only as
    // written; and moving down must not fold two levels into `######`.
    let underlined = (1..lines.len()).any(|n| {
        let (above, line) = (lines[n - 1].trim(), lines[n].trim());
        let rule =
            line.len() >= 2 && (line.bytes().all(|c| c == b'=') || line.bytes().all(|c| c == b'-'));
        rule && !above.is_empty() && !above.starts_with(['#', '-', '*', '>', '|'])
    });
    if shallowest == 2 || underlined || deepest + 2 - shallowest > 6 {
        return body.into();
    }
    let mut out = String::with_capacity(body.len() + lines.len());
    for (line, d) in body.split_inclusive('\n').zip(&depths) {
        match d {
            Some(d) => {
                out.push_str(&"#".repeat(d + 2 - shallowest));
                out.push_str(&line[*d..]);
            }
            None => out.push_str(line),
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_start_under_the_title() {
        assert_eq!(
            sections_under_title("### A\n\ntext\n\n#### B\n"),
            "## A\n\ntext\n\n### B\n"
        );
        assert_eq!(sections_under_title("# A\n\n## B\n"), "## A\n\n### B\n");
        // Review 28 M3, L1: underlined headings stay as written, and moving down must not
        // fold `#####` and `######` into one level.
        let setext = "Station\n-------\n\n### Sauces\n";
        assert_eq!(sections_under_title(setext), setext);
        let deep = "# Fish\n\n##### Shellfish\n\n###### Oysters\n";
        assert_eq!(sections_under_title(deep), deep);
        // A thematic break under a list is no underline.
        assert_eq!(
            sections_under_title("- a\n---\n\n### C\n"),
            "- a\n---\n\n## C\n"
        );
        let code = "```\n# not a heading\n```\n\n### D\n";
        assert_eq!(
            sections_under_title(code),
            "```\n# not a heading\n```\n\n## D\n"
        );
    }
}
