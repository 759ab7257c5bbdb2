//! Rewrites of Markdown as people write it, line by line, before it is read: site
//! generators' tags on lines of their own (Liquid, GitBook), bullet characters, labels set off
//! by a dash or a line break, and items indented under a numbered item by too few spaces.

use super::{line_end, rewrite_lines};

/// `text` with each line that is only a Liquid tag (`{% include role_level.html level='I'
/// %}`, `{% if site.x %}`, `{% endif %}`: Jekyll's templating, Shopify's Liquid syntax)
/// made blank; GitBook's, which [`gitbook_tags`] reads first, are gone by then. Text between
/// an `if` and its `endif` stays. Returns the text and the 1-based number of the first line
/// changed, or `None` when no line is.
pub fn liquid_tags(text: &str) -> Option<(String, usize)> {
    if !text.contains("{%") {
        return None;
    }
    rewrite_lines(text, |line| {
        let t = line.trim();
        let tag = t.strip_prefix("{%")?.strip_suffix("%}")?;
        // One tag: not `{% a %} text {% b %}`.
        if tag.contains("%}") || tag.contains("{%") {
            return None;
        }
        Some(line_end(line).to_string())
    })
}

/// `text` with GitBook's block tags on lines of their own read as what GitBook shows: a tab
/// (`{% tab title="Craft" %}`) is a heading one deeper than the heading above it (`### Craft`
/// under `## Creating`), and the tags of tab sets and hints (`{% tabs %}`, `{% endtab %}`,
/// `{% endtabs %}`, `{% hint style="info" %}`, `{% endhint %}`) are left out, as GitBook
/// draws them rather than showing their text. Other tags (a Jekyll `{% include %}`) stay.
/// Lines stay where they are; fenced code is left alone. Returns the text and the 1-based
/// number of the first line changed, or `None` when no line is.
pub fn gitbook_tags(text: &str) -> Option<(String, usize)> {
    if !text.contains("{%") {
        return None;
    }
    // The depth of the heading above a tab set, fixed for the set: headings inside a tab
    // do not move the next tab.
    let (mut depth, mut set, mut fence) = (0usize, None::<usize>, false);
    rewrite_lines(text, |line| {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        let hashes = t.len() - t.trim_start_matches('#').len();
        if !fence && (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            depth = hashes;
        }
        if fence {
            return None;
        }
        let tag = t.strip_prefix("{%")?.strip_suffix("%}")?.trim();
        let eol = line_end(line);
        match tag.split_whitespace().next()? {
            "tab" => {
                let title = tag.split_once("title=\"")?.1.split_once('"')?.0.trim();
                let hashes = "#".repeat((set.unwrap_or(depth) + 1).min(6));
                Some(format!("{hashes} {title}{eol}"))
            }
            "tabs" => {
                set = Some(depth);
                Some(eol.to_string())
            }
            "endtabs" => {
                set = None;
                Some(eol.to_string())
            }
            "endtab" | "hint" | "endhint" => Some(eol.to_string()),
            _ => None,
        }
    })
}

/// `text` with each line that opens with a bullet character (`•`, `◦`, `▪`, `‣` or `·`, after
/// at most three spaces, then a space or a tab), as text pasted from a word processor is
/// written, turned into a Markdown list item: the bullet becomes `-` and as many spaces as it
/// had bytes more, so every offset, line and the rest of the text stay as they were. A
/// bullet set between tabs (`\t•\t`, as word processors and chat tools paste a top-level
/// item) is an item too: its tabs become spaces, since a tab before a list marker would
/// indent it four columns, to code or a paragraph's continuation (CommonMark 0.31, 2.2 and
/// 5.2); after two tabs or more (`\t\t◦\t`, `\t\t\t▪\t`) it is nested in the item above,
/// its line a byte longer or more than it was. Lines in fenced code are left alone. Returns the text and the 1-based number of the
/// first line changed, or `None` when no line is.
pub fn bullets_as_items(text: &str) -> Option<(String, usize)> {
    use crate::markdown::PASTED_BULLETS as BULLETS;
    rewrite_lines(text, |line| {
        if line.starts_with('\t') {
            // Each tab after the first nests the item under the one above (`\t\t◦\t`,
            // `\t\t\t▪\t`): a top-level item's text starts five columns in, a nested one's
            // two more.
            let rest = line.trim_start_matches('\t');
            let tabs = line.len() - rest.len();
            let c = rest.chars().next().filter(|c| BULLETS.contains(c))?;
            let after = rest[c.len_utf8()..].strip_prefix([' ', '\t'])?;
            // The tab, the bullet and the space after it, as `-` and spaces of their bytes.
            return Some(match tabs {
                1 => format!("-{}{after}", " ".repeat(c.len_utf8() + 1)),
                n => format!("{}- {after}", " ".repeat(5 + 2 * (n - 2))),
            });
        }
        let (indent, c) = crate::markdown::pasted_bullet(line)?;
        let after = &line[indent + c.len_utf8()..];
        let spaces = " ".repeat(c.len_utf8() - 1);
        Some(format!("{}-{spaces}{after}", &line[..indent]))
    })
}

/// `text` with list items whose bold label is set off by a dash rather than a colon, the
/// value inside the bold (`* **[Technology](README.md#technology) - Adopts**`) or after it
/// (`- **Technology** – Adopts`, `1. **Technology** - Adopts`), written as
/// `**Technology**: Adopts`, which import reads as
/// a label. Only where some label so written comes back (two or more such items share it)
/// and three or more items are so written: a bold phrase with a dash in it once is
/// emphasis. The dash is a hyphen, en or em dash between spaces; the label is one to four
/// words (or a link whose text is), the first capitalised. Lines in fenced code are left
/// alone. Returns the text and the 1-based number of the first line changed, or `None`.
pub fn dashed_labels(text: &str) -> Option<(String, usize)> {
    if !text.contains("**") {
        return None;
    }
    let mut count: std::collections::HashMap<String, usize> = Default::default();
    let mut items = 0;
    // Counted as the rewrite reads: not in fenced code.
    rewrite_lines(text, |line| {
        if let Some((name, _)) = dashed_label(line) {
            *count.entry(name.to_lowercase()).or_default() += 1;
            items += 1;
        }
        None
    });
    if items < 3 || !count.values().any(|&n| n >= 2) {
        return None;
    }
    rewrite_lines(text, |line| {
        let (name, value) = dashed_label(line)?;
        if count[&name.to_lowercase()] < 2 {
            return None;
        }
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = &body[..body.find("**")?];
        let label = &body[indent.len() + 2..][..name_len(&body[indent.len() + 2..])?];
        Some(format!(
            "{indent}**{label}**: {value}{}",
            &line[body.len()..]
        ))
    })
}

/// The label's name (a link's text) and its value, of a list item `line` as
/// [`dashed_labels`] reads it.
fn dashed_label(line: &str) -> Option<(String, String)> {
    let t = crate::import::outline::item_content(line.trim_start().trim_end())?;
    let inner = t.strip_prefix("**")?;
    let len = name_len(inner)?;
    let label = &inner[..len];
    let rest = &inner[len..];
    // `**Name - Value**`, or `**Name** - Value`.
    let (sep, value) = match rest.strip_prefix("**") {
        Some(after) => (after, None),
        None => (rest, rest.strip_suffix("**")),
    };
    let value = [" - ", " – ", " — "].iter().find_map(|d| {
        let v = value.unwrap_or(sep).strip_prefix(d)?;
        Some(v.trim())
    })?;
    if value.is_empty() || value.contains("**") && rest.starts_with(' ') {
        return None;
    }
    let name = match label.strip_prefix('[') {
        Some(l) => &l[..l.find("](")?],
        None => label,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let fits = (1..=4).contains(&words.len())
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.contains(['.', ':', '*', '[', ']']);
    fits.then(|| (name.to_string(), value.to_string()))
}

/// The length of a label at the start of `inner` (text after the opening `**`): a link
/// `[text](target)`, or the text up to a dash between spaces or the closing `**`.
fn name_len(inner: &str) -> Option<usize> {
    if inner.starts_with('[') {
        let close = inner.find("](")?;
        return Some(close + 2 + inner[close + 2..].find(')')? + 1);
    }
    [" - ", " – ", " — ", "**"]
        .iter()
        .filter_map(|d| inner.find(d))
        .min()
}

/// `text` with lists written under a numbered item, but indented less than CommonMark asks for
/// them to belong to it, indented enough to do so: after `1. Awareness`, a list indented two
/// spaces (`  - understand …`) is, by CommonMark's rule (a child must start at the item's
/// content column, here the third), a list of its own beside the numbered one, though its
/// author indented it to put it under the item (the UK DDaT skills). Only under an item
/// that names something (four words at most, not a sentence), and only a list that is the
/// first thing after it (blank lines apart) and indented more than the item's marker but
/// less than its content moves, with everything indented as far as it, by the same number
/// of spaces; it ends at the first line indented less. A list holding fenced code stays.
/// Returns the text and the 1-based number of the first line changed, or `None`.
pub fn under_indented_items(text: &str) -> Option<(String, usize)> {
    // (the list's own indent, the spaces it gains) while moving a list; the numbered item's
    // (marker indent, content column) while looking for one under it.
    let (mut moving, mut after) = (None::<(usize, usize)>, None::<(usize, usize)>);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut n = 0;
    // A block that holds fenced code stays: moving it would move a fence that the fences'
    // own reading (see [`rewrite_lines`]) leaves where it is.
    let fenced = |from: usize, own: usize| {
        lines[from..]
            .iter()
            .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start_matches(' ').len() >= own)
            .any(|l| ["```", "~~~"].iter().any(|f| l.trim_start().starts_with(f)))
    };
    rewrite_lines(text, |line| {
        n += 1;
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = line[indent..].trim_end();
        if rest.is_empty() {
            return None;
        }
        if let Some((own, gain)) = moving {
            if indent >= own {
                return Some(format!("{}{line}", " ".repeat(gain)));
            }
            moving = None;
        }
        let bullet = bullet_item(rest);
        if let Some((marker, content)) = after.take() {
            if bullet && indent > marker && indent < content && !fenced(n - 1, indent) {
                moving = Some((indent, content - indent));
                return Some(format!("{}{line}", " ".repeat(content - indent)));
            }
        }
        // Only an item that names something (`1. Awareness`), not a sentence (`1. Plans the
        // quarter.`) whose list below may be meant to stand on its own.
        after = (indent <= 3)
            .then(|| numbered_content(rest).map(|c| (indent, indent + c)))
            .flatten()
            .filter(|&(_, c)| {
                let name = &rest[c - indent..];
                name.split_whitespace().count() <= 4 && !name.ends_with(['.', '!', '?', ':', ';'])
            });
        None
    })
}

/// Whether the line `rest` (its indent taken off) opens a bulleted list item: `-`, `*` or `+`
/// and a space (CommonMark §5.2).
fn bullet_item(rest: &str) -> bool {
    rest.len() > 1 && rest.starts_with(['-', '*', '+']) && rest[1..].starts_with(' ')
}

/// Whether the line `t` (its indent taken off) opens a list item, bulleted or numbered
/// ([`bullet_item`], [`numbered_content`]).
pub(super) fn list_item(t: &str) -> bool {
    bullet_item(t) || numbered_content(t).is_some()
}

/// The content column, counted from the marker, of a numbered list item's line `rest` (`1.
/// Awareness`, `10) Expert`: the digits, `.` or `)`, and one to four spaces), or `None`.
fn numbered_content(rest: &str) -> Option<usize> {
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].strip_prefix(['.', ')'])?;
    let spaces = after.len() - after.trim_start_matches(' ').len();
    ((1..=9).contains(&digits) && (1..=4).contains(&spaces) && spaces < after.len())
        .then_some(digits + 1 + spaces)
}

/// `text` with a label set on a line of its own and ended by a hard line break (`**Summary**`
/// and two spaces, or `\\`, over its text; an italic `*Joinery*` so written) written as the
/// bold label with its colon (`**Summary**:`), which import
/// reads as a label over the lines that follow: CommonMark (§6.7) makes it the first line of
/// its paragraph, and without a colon it read as emphasis, its text joined to the label
/// before it. Only a short label (one to eight words, not a sentence) followed by a line
/// that is not blank, and written so at least twice in the file (each level's). Lines stay
/// where they are; fenced code is left alone. Returns the text and the 1-based number of the
/// first line changed, or `None`.
pub fn hard_break_labels(text: &str) -> Option<(String, usize)> {
    if !text.contains("  \n") && !text.contains("\\\n") && !text.contains("  \r\n") {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // (the line's label, its indent) where it is one, ended by a hard break over a line of text.
    let labelled = |n: usize| -> Option<(&str, usize)> {
        let next = lines.get(n + 1).map_or("", |l| l.trim());
        let body = lines[n].trim_end_matches(['\n', '\r']);
        let hard = body.ends_with("  ") || body.ends_with('\\');
        let indent = body.len() - body.trim_start_matches(' ').len();
        (hard && !next.is_empty() && indent <= 3)
            .then(|| line_label(body.trim_end_matches([' ', '\\'])))
            .flatten()
            .map(|l| (l, indent))
    };
    // A label comes back (every level writes `**Summary**`): one written once is emphasis,
    // a tagline or a role's line (`*Works the early shift*`), and stays as written.
    let found: Vec<Option<(&str, usize)>> = (0..lines.len()).map(labelled).collect();
    colon_labels(text, &found, 1)
}

/// `text` with each line that `found` (a line's label and its indent, by line) gives a label
/// written as that label with its colon (`**Summary**:`), where the label comes back in the
/// file (case aside): one written once is emphasis, a tagline or a role's line. Nothing when
/// fewer than `labels` different labels come back. Returns the text and the 1-based number
/// of the first line changed, or `None`.
pub(super) fn colon_labels(
    text: &str,
    found: &[Option<(&str, usize)>],
    labels: usize,
) -> Option<(String, usize)> {
    let mut count: std::collections::HashMap<String, usize> = Default::default();
    for (label, _) in found.iter().flatten() {
        *count.entry(label.to_lowercase()).or_default() += 1;
    }
    if count.values().filter(|&&n| n >= 2).count() < labels {
        return None;
    }
    let mut n = 0;
    rewrite_lines(text, |line| {
        n += 1;
        let (label, indent) = found[n - 1]?;
        let body = line.trim_end_matches(['\n', '\r']);
        (count[&label.to_lowercase()] >= 2)
            .then(|| format!("{}**{label}**:{}", &line[..indent], &line[body.len()..]))
    })
}

/// The label of a line that is only a label in bold or italics (`**Summary**`, `**Scope:**`,
/// `*Joinery*`, its indent already checked): one to eight words, not ending a sentence, with no
/// colon inside (`**Reports to: Engineering Manager**` is a fact, not a label).
pub(super) fn line_label(line: &str) -> Option<&str> {
    let t = line.trim_start_matches(' ');
    let inner = ["***", "**", "__", "*", "_"].iter().find_map(|d| {
        let rest = t.strip_prefix(d)?;
        let rest = rest.strip_suffix(':').unwrap_or(rest);
        rest.strip_suffix(d)
    })?;
    let label = inner.trim().trim_end_matches(':').trim_end();
    let words = label.split_whitespace().count();
    ((1..=8).contains(&words)
        && !label.contains(['*', '_', '`', '[', '.', ':'])
        && !label.ends_with(['!', '?']))
    .then_some(label)
}
