//! Markup that other tools draw and Markdown would show as text: kramdown's attribute
//! lists (Jekyll) and its table of contents, lines of empty HTML anchors and line breaks,
//! spaces written as entities at the ends of lines (GitBook), and MkDocs' admonitions. Each
//! rewrite keeps every line where it is, so line numbers hold.

use super::rewrites::{colon_labels, line_label, list_item};
use super::{line_end, rewrite_lines, rewrite_lines_as};

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

/// `text` with each line drawn of rule characters alone (`⸻`, or three or more of `—`, `─`…:
/// `———`, `───`; a lone `—` says "none" and stays), as chat tools and
/// word processors paste a horizontal rule) written as the thematic break `***` that it
/// shows; Markdown has none of those characters for a rule, and reads the line as text.
/// (`***`, not `---`: under a paragraph `---` would make it a heading, CommonMark 0.31,
/// 4.3.) Fenced code is left alone. Returns the text and the 1-based number of the first
/// line changed, or `None` when no line is.
pub fn drawn_rules(text: &str) -> Option<(String, usize)> {
    // Long enough alone; the others three times or more, since a lone `—` says "none".
    const LONG: [char; 2] = ['⸻', '⸺'];
    const RULES: [char; 5] = ['—', '―', '─', '━', '═'];
    if !text.contains(LONG) && !text.contains(RULES) {
        return None;
    }
    rewrite_lines(text, |line| {
        let t = line.trim();
        let drawn = t.chars().all(|c| LONG.contains(&c) || RULES.contains(&c))
            && (t.contains(LONG) || t.chars().count() >= 3);
        (!t.is_empty() && drawn).then(|| format!("***{}", line_end(line)))
    })
}

/// `text` with each numbered line that stands alone after a horizontal rule (`***`, or `⸻`
/// once [`drawn_rules`] has read it) and opens a section of a pasted document (`2.
/// Progression Criteria`, a blank line after it) written as a heading (`## 2. Progression
/// Criteria`): chat tools and word processors paste a document's section titles so, and
/// Markdown reads each as a list of one item, so that the section runs on into the level
/// above it. Only where two or more such lines are, each a title (ten words at most, no
/// sentence's end), at one depth: one above the shallowest heading after the first of them,
/// or `##` with none. Fenced code is left alone. Returns the text and the 1-based number of
/// the first line changed, or `None` when no line is.
pub fn numbered_section_titles(text: &str) -> Option<(String, usize)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let fenced = super::fenced_lines(text);
    let plain = |i: usize| lines.get(i).map_or("", |l| l.trim());
    // A rule of `*` or `_`; of `-` only under a blank line, where under text it underlines
    // a heading (`Junior Gardener` / `-----`, CommonMark 4.3).
    let rule = |i: usize| {
        let marks: String = plain(i).chars().filter(|c| !c.is_whitespace()).collect();
        marks.len() >= 3
            && (marks.chars().all(|c| c == '*')
                || marks.chars().all(|c| c == '_')
                || marks.chars().all(|c| c == '-') && (i == 0 || plain(i - 1).is_empty()))
    };
    let title = |i: usize| -> bool {
        let line = lines[i];
        let Some((number, rest)) = line.trim_end().split_once(". ") else {
            return false;
        };
        let words = rest.split_whitespace().count();
        let above = (0..i).rev().find(|&a| !plain(a).is_empty());
        // Its section's text after it, or a list of its own (`1. …`), not the list's next
        // item (`1. Waters the beds` over `2. Prunes …`, a loose list).
        let below = (i + 1..lines.len()).map(plain).find(|l| !l.is_empty());
        let next_number = number.parse::<u32>().map_or(0, |n| n + 1);
        !fenced[i]
            && (1..=2).contains(&number.len())
            && number.chars().all(|c| c.is_ascii_digit())
            && (1..=10).contains(&words)
            && rest.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
            && !rest.trim_end().ends_with(['.', ':', ';', ','])
            && plain(i + 1).is_empty()
            && above.is_some_and(rule)
            && !below.is_some_and(|l| {
                l.split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok_and(|n| n == next_number))
            })
    };
    let found: Vec<usize> = (0..lines.len()).filter(|&i| title(i)).collect();
    if found.len() < 2 {
        return None;
    }
    let depth = (found[0]..lines.len())
        .filter(|&i| !fenced[i])
        .filter_map(|i| {
            let l = lines[i];
            let hashes = l.len() - l.trim_start_matches('#').len();
            ((1..=6).contains(&hashes) && l[hashes..].starts_with(' ')).then_some(hashes)
        })
        .min()
        .map_or(2, |d| d.saturating_sub(1).max(1));
    let mut n = 0;
    super::rewrite_lines(text, |line| {
        n += 1;
        found
            .contains(&(n - 1))
            .then(|| format!("{} {line}", "#".repeat(depth)))
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

/// `text` with MkDocs' admonitions (Python-Markdown's `admonition` extension, and pymdownx
/// `details`: `!!! success "Good signs"`, `??? note`, over a block indented by four spaces)
/// written as what they show: the title as a bold label (`**Good signs:**`, or the type,
/// `**Note:**`, where there is no title) over the block, unindented. Markdown would show the
/// line as text and the block as code, or nest it under the item before. Lines stay where
/// they are. Returns the text and the first line changed, or `None`.
pub fn admonitions(text: &str) -> Option<(String, usize)> {
    if !text.contains("!!! ") && !text.contains("??? ") && !text.contains("???+ ") {
        return None;
    }
    let mut inside = false;
    rewrite_lines(text, |line| {
        let eol = line_end(line);
        let t = line.trim_end_matches(['\n', '\r']);
        if inside {
            if t.trim().is_empty() {
                return None;
            }
            if let Some(rest) = t.strip_prefix("    ").or_else(|| t.strip_prefix('\t')) {
                return Some(format!("{rest}{eol}"));
            }
            inside = false;
        }
        let rest = ["!!! ", "???+ ", "??? "]
            .iter()
            .find_map(|m| t.strip_prefix(m))?;
        let (kind, title) = match rest.split_once(' ') {
            Some((kind, title)) => (kind, title.trim().trim_matches('"')),
            None => (rest.trim(), ""),
        };
        if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        inside = true;
        let name = if title.is_empty() {
            crate::import::titles::capitalised(kind)
        } else {
            title.to_string()
        };
        Some(format!("**{}:**{eol}", name.trim_end_matches(':')))
    })
}

/// `text` with a bold line over a table (`**Skills Matrix – Rehearsal**`, as a Confluence
/// export captions its first table) written as a heading, where the page's other tables are
/// under headings: at their depth, so that each table is read under its own title, and the
/// first is not taken for a note of the heading before it. Lines stay where they are. Returns
/// the text and the first line changed, or `None`.
pub fn table_captions(text: &str) -> Option<(String, usize)> {
    if !text.contains("**") || !text.contains('|') {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let plain = |i: usize| lines.get(i).map_or("", |l| l.trim());
    // The line that starts the table after line `i`, past blank lines.
    let table_after = |i: usize| {
        let mut j = i + 1;
        while j < lines.len() && plain(j).is_empty() {
            j += 1;
        }
        (j < lines.len() && plain(j).starts_with('|')).then_some(j)
    };
    let depth = (0..lines.len()).find_map(|i| {
        let t = plain(i);
        let hashes = t.len() - t.trim_start_matches('#').len();
        ((1..=6).contains(&hashes) && t[hashes..].starts_with(' ') && table_after(i).is_some())
            .then_some(hashes)
    })?;
    let caption = |t: &str| {
        t.len() > 4
            && t.starts_with("**")
            && t.ends_with("**")
            && !t[2..t.len() - 2].contains("**")
            && !t.ends_with(":**")
    };
    let mut n = 0;
    rewrite_lines(text, |line| {
        n += 1;
        let t = line.trim();
        if !caption(t) || table_after(n - 1).is_none() {
            return None;
        }
        let title = t[2..t.len() - 2].trim();
        Some(format!("{} {title}{}", "#".repeat(depth), line_end(line)))
    })
}

/// `text` with each label alone in a paragraph of its own (`***Technical Expectations***`,
/// a blank line above and below, text after it) written with its colon (`**Technical
/// Expectations**:`), where two or more such labels each come back in the file (each level
/// writes them): without a colon a bold line reads as emphasis, and the paragraphs under it
/// as the level's description. Labels that read as levels (`**Level 2**`, the names of a
/// ladder written the other way round) or describe (`**Examples**`) are left as written.
/// Lines stay where they are; returns the text and the first line changed, or `None`.
pub fn label_paragraphs(text: &str) -> Option<(String, usize)> {
    if !text.contains("**") {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let plain = |i: usize| lines.get(i).map_or("", |l| l.trim());
    let labelled = |n: usize| -> Option<(&str, usize)> {
        let body = lines[n].trim_end_matches(['\n', '\r']);
        let above = n == 0 || plain(n - 1).is_empty();
        let mut j = n + 1;
        if !plain(j).is_empty() {
            return None;
        }
        while j < lines.len() && plain(j).is_empty() {
            j += 1;
        }
        let text_after =
            j < lines.len() && !plain(j).starts_with('#') && !plain(j).starts_with("**");
        let indent = body.len() - body.trim_start_matches(' ').len();
        // With its colon already (`**Scope:**`) it is read as a label.
        let colon = body.contains(':');
        (above && text_after && !colon && indent <= 3 && body.trim_end().ends_with("**"))
            .then(|| line_label(body.trim_end()))
            .flatten()
            .filter(|l| {
                !crate::import::titles::level_like(l) && !crate::import::titles::descriptive(l)
            })
            .map(|l| (l, indent))
    };
    let found: Vec<Option<(&str, usize)>> = (0..lines.len()).map(labelled).collect();
    colon_labels(text, &found, 2)
}

/// `text` with each plain label alone on its line over a list (`Knowledge & Experience:`, or
/// `Core Duties` without its colon; a blank line or a heading above, a list below), where
/// two or more such labels each come
/// back in the file (each level writes them), written in bold with its colon (`**Knowledge &
/// Experience**:`), as the labels it stands for are: unmarked, the line reads as a
/// paragraph of the level's description and every list as one pillar's. Labels that read as
/// levels or describe (`Examples:`) are left as written. Lines stay where they are; returns
/// the text and the first line changed, or `None`.
pub fn plain_labels(text: &str) -> Option<(String, usize)> {
    // Words that open a sentence addressed to the reader, not an area's name.
    // And a verb that opens a sentence about the list (`Should be able to`, `Still
    // learning`, `Is expected to`).
    const LEAD_IN: &[&str] = &[
        "at", "you", "we", "they", "in", "as", "when", "to", "for", "if", "this", "these", "by",
        "on", "with", "what", "how", "why", "our", "your", "each", "every", "here", "should",
        "must", "can", "could", "may", "might", "will", "would", "shall", "still", "not", "is",
        "are", "be", "has", "have", "does", "do", "needs", "need",
    ];

    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let plain = |i: usize| lines.get(i).map_or("", |l| l.trim());
    let labelled = |n: usize| -> Option<(&str, usize)> {
        let body = lines[n].trim_end_matches(['\n', '\r']);
        let above = n == 0 || plain(n - 1).is_empty() || plain(n - 1).starts_with('#');
        let mut j = n + 1;
        while j < lines.len() && plain(j).is_empty() {
            j += 1;
        }
        // Without its colon, a line of its own over the list (`Core Duties`, then a blank
        // line or the list's first item).
        let label = match body.strip_suffix(':') {
            Some(label) => label.trim_end(),
            None if plain(n + 1).is_empty() || list_item(plain(n + 1)) => body.trim_end(),
            None => return None,
        };
        let words = label.split_whitespace().count();
        (above
            && j < lines.len()
            && list_item(plain(j))
            && !body.starts_with([' ', '\t'])
            && (1..=4).contains(&words)
            && label.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
            // A lead-in sentence (`At this level you will:`, `You are not yet expected to:`)
            // introduces its list; it names no area.
            && !label
                .split_whitespace()
                .next()
                .is_some_and(|w| LEAD_IN.contains(&w.to_lowercase().as_str()))
            && !label.contains(['*', '_', '`', '[', '.', ':', '|', '<', '#', '>'])
            && !crate::import::titles::level_like(label)
            && !crate::import::titles::descriptive(label))
        .then_some((label, 0))
    };
    let mut found: Vec<Option<(&str, usize)>> = (0..lines.len()).map(labelled).collect();
    // Labels written both ways (`Scrum roles knowledge` beside `Risk management:`): those
    // without a colon are sentences about the list, not its area's name.
    let colon = |i: usize| lines[i].trim_end().ends_with(':');
    // Only labels that come back count: a lead-in met once (`Evidence we look at:` in a
    // section about reviews) names no area, and is left as written.
    let recurs = |i: usize| {
        found[i].is_some_and(|(l, _)| {
            found
                .iter()
                .filter(|o| o.is_some_and(|(m, _)| m.eq_ignore_ascii_case(l)))
                .count()
                >= 2
        })
    };
    let with_colon = (0..lines.len()).any(|i| colon(i) && recurs(i));
    let without = (0..lines.len()).any(|i| found[i].is_some() && !colon(i));
    // And those without a colon under headings mostly not titled as levels (`## Seamanship`
    // / `Deckhand` over a list) name the levels of a ladder written the other way round.
    // Counted by the labels under them that come back, so that the labels of the sections
    // after the levels (`## 3. Skill Development Pathways` / `Knowledge Transfer
    // Mechanisms`, each its own) do not outweigh those every level writes.
    let heading_above = |i: usize| (0..i).rev().map(plain).find(|l| l.starts_with('#'));
    let under: Vec<&str> = (0..lines.len())
        .filter(|&i| recurs(i) && !colon(i))
        .filter_map(heading_above)
        .collect();
    let titled = under
        .iter()
        .filter(|h| crate::import::titles::level_like(h.trim_start_matches('#').trim()))
        .count();
    if without && (with_colon || titled * 2 <= under.len()) {
        for (i, f) in found.iter_mut().enumerate() {
            if !colon(i) {
                *f = None;
            }
        }
    }
    // Every list opens under a lead-in ending in a colon or a heading: a list under a
    // sentence (`Scrum roles knowledge` over a list, beside `Risk management:` over another)
    // says the labels of its section are no level's pillars. A section's labels are left as
    // written where it has one; where those labels come back in sections without one, none
    // is read, as making some of them pillars would leave a level without any. A section
    // with no labels says nothing of them (`## How we review`, a sentence over a list, before
    // the levels).
    // The heading line each line is under, found in one pass.
    let mut last = None;
    let sections: Vec<Option<usize>> = (0..lines.len())
        .map(|i| {
            if plain(i).starts_with('#') {
                last = Some(i);
            }
            last
        })
        .collect();
    let section = |i: usize| sections[i];
    let unlabelled_list = |i: usize| {
        if !list_item(plain(i)) || lines[i].starts_with([' ', '\t']) {
            return false;
        }
        let Some(p) = (0..i).rev().find(|&p| !plain(p).is_empty()) else {
            return false;
        };
        // Where the paragraph above starts, only when asked: an item's text may wrap
        // unindented. Looked for after the item right above, so that a long tight list is
        // not walked back from each of its items.
        let start = || {
            (0..=p)
                .rev()
                .take_while(|&q| !plain(q).is_empty())
                .last()
                .unwrap_or(p)
        };
        !(list_item(plain(p))
            || lines[p].starts_with([' ', '\t'])
            || plain(p).starts_with('#')
            || plain(p).ends_with(':')
            || found[p].is_some()
            || list_item(plain(start())))
    };
    let unlabelled: std::collections::HashSet<Option<usize>> = (0..lines.len())
        .filter(|&i| unlabelled_list(i))
        .map(section)
        .collect();
    let labels_where = |with_unlabelled_list: bool| -> std::collections::HashSet<String> {
        (0..lines.len())
            .filter(|&i| unlabelled.contains(&section(i)) == with_unlabelled_list)
            .filter_map(|i| found[i].map(|(l, _)| l.to_lowercase()))
            .collect()
    };
    if !labels_where(true).is_disjoint(&labels_where(false)) {
        return None;
    }
    for (i, f) in found.iter_mut().enumerate() {
        if unlabelled.contains(&section(i)) {
            *f = None;
        }
    }
    colon_labels(text, &found, 2)
}

/// `text` with each HTML list written a tag to a line (`<ul>`, then `<li>Mixes a
/// glaze.</li>` on a line each, then `</ul>`; `<ol>` too) written as the Markdown list it
/// shows, so that it is read as a Markdown list is: Markdown leaves an HTML block as it is,
/// one piece of text. A list whose item spans lines or nests another list is left as
/// written. Lines stay where they are; fenced code is left alone. Returns the text and the
/// first line changed, or `None`.
pub fn html_lists(text: &str) -> Option<(String, usize)> {
    if !text.contains("<li") {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let tag = |i: usize| lines[i].trim().to_ascii_lowercase();
    // Lines inside an HTML table: its cells' lists are read with the table.
    let mut depth = 0usize;
    let in_table: Vec<bool> = lines
        .iter()
        .map(|l| {
            let lower = l.to_ascii_lowercase();
            let inside = depth > 0;
            depth += lower.matches("<table").count();
            depth = depth.saturating_sub(lower.matches("</table").count());
            inside || depth > 0
        })
        .collect();
    let mut new: Vec<Option<String>> = vec![None; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let open = tag(i);
        let marker = match open.as_str() {
            // A block of its own, unindented (one indented under an item is that item's
            // list), with a blank line or a heading above it.
            _ if in_table[i]
                || lines[i].starts_with([' ', '\t'])
                || i > 0
                    && !(lines[i - 1].trim().is_empty()
                        || lines[i - 1].trim_start().starts_with('#')) =>
            {
                i += 1;
                continue;
            }
            "<ul>" => "-",
            "<ol>" => "1.",
            _ => {
                i += 1;
                continue;
            }
        };
        let close = format!("</{}", &open[1..]);
        let mut items = Vec::new();
        let mut j = i + 1;
        while j < lines.len() {
            let t = lines[j].trim();
            let lower = t.to_ascii_lowercase();
            if lower == close {
                break;
            }
            let item = lower
                .starts_with("<li>")
                .then(|| {
                    t[4..]
                        .strip_suffix("</li>")
                        .or_else(|| t[4..].strip_suffix("</LI>"))
                })
                .flatten()
                .filter(|inner| !inner.to_ascii_lowercase().contains("<li"));
            match item {
                Some(inner) => items.push((j, inner.trim().to_string())),
                None if t.is_empty() => {}
                None => break,
            }
            j += 1;
        }
        if j < lines.len() && tag(j) == close && !items.is_empty() {
            new[i] = Some(super::line_end(lines[i]).to_string());
            new[j] = Some(super::line_end(lines[j]).to_string());
            for (k, inner) in items {
                // An item's own text that would open a list or heading is kept as text.
                let digits =
                    inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let text = if inner.starts_with(['*', '-', '+', '#', '>']) {
                    format!("\\{inner}")
                } else if digits > 0 && inner[digits..].starts_with(['.', ')']) {
                    format!("{}\\{}", &inner[..digits], &inner[digits..])
                } else {
                    inner
                };
                new[k] = Some(format!("{marker} {text}{}", super::line_end(lines[k])));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    rewrite_lines_as(text, new)
}
