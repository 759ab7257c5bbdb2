//! What lies around a table in its document, which decides how the table is read: the lines
//! of the section its heading opens (lists, a level's attributes, folded examples), whether a
//! heading holds a list or deeper headings, whether the document is a ladder of headings
//! already, and the area of a level a heading may be.

use super::cells::PILLAR_WORDS;
use crate::import::infer::{descriptive, level_like};

/// A line that starts a list item or a bold label (`- `, `* `, `1. `, `**Delivery:**`).
pub(super) fn list_line(line: &str) -> bool {
    let l = line.trim_start();
    let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    l.starts_with("- ")
        || l.starts_with("* ")
        || l.starts_with("+ ")
        || l.starts_with("**")
        || (digits > 0 && (l[digits..].starts_with(". ") || l[digits..].starts_with(") ")))
}

/// Whether each of `lines` is inside a `<details>`, `<blockquote>` or `<figure>` that an
/// HTML block opened (its Markdown folded, quoted or captioned, as on GitHub), or is one of
/// the lines that open and close it; counted as a competency's body counts them
/// ([`crate::markdown::held_after`]).
pub(super) fn folded_lines(lines: &[&str]) -> Vec<bool> {
    let mut open = 0usize;
    lines
        .iter()
        .map(|l| {
            let was = open > 0;
            open = crate::markdown::held_after(open, l, true);
            was || open > 0
        })
        .collect()
}

/// A line that is one bold label and a short value (`**Equivalent IC level:** SE4`,
/// `**Scope:** One team`): an attribute of the level, no expectation.
pub(super) fn attribute(line: &str) -> bool {
    let Some(rest) = line.trim().strip_prefix("**") else {
        return false;
    };
    let Some((label, value)) = rest.split_once("**") else {
        return false;
    };
    let value = value.trim_start_matches(':').trim();
    (label.trim_end().ends_with(':') || rest[label.len() + 2..].starts_with(':'))
        && !value.is_empty()
        && value.split_whitespace().count() <= 4
}

/// A list item that opens with a bold label describing the level (`* **Summary:** …`,
/// `- **Overview:** …`; see [`descriptive`]).
pub(super) fn summary_item(line: &str) -> bool {
    let l = line.trim_start();
    let Some(rest) = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| l.strip_prefix(m))
        .and_then(|r| r.trim_start().strip_prefix("**"))
    else {
        return false;
    };
    rest.split_once("**").is_some_and(|(label, after)| {
        (label.trim_end().ends_with(':') || after.starts_with(':')) && descriptive(label)
    })
}

/// Whether heading `i` of `headings` (each its start, depth and title) holds a list or a
/// deeper heading before the next heading as deep or shallower: what a level's heading in a
/// ladder of headings holds, where a story's (`#### Junior Sailor` over a paragraph) does not.
pub(super) fn holds(
    headings: &[(usize, u8, String)],
    lines: &[&str],
    line_of: &impl Fn(usize) -> usize,
    i: usize,
) -> bool {
    let (start, depth, _) = &headings[i];
    let end = headings[i + 1..]
        .iter()
        .find(|h| h.1 <= *depth)
        .map_or(lines.len() + 1, |h| line_of(h.0));
    let deeper = headings[i + 1..]
        .first()
        .is_some_and(|h| h.1 > *depth && line_of(h.0) < end);
    deeper || (line_of(*start) + 1..end).any(|n| lines.get(n - 1).is_some_and(|l| list_line(l)))
}

/// Whether two headings or more of one depth read as levels and each holds a list or a
/// deeper heading before the next heading as deep or shallower (see [`Table::heading_ladder`]).
pub(super) fn heading_ladder(
    headings: &[(usize, u8, String)],
    lines: &[&str],
    line_of: &impl Fn(usize) -> usize,
) -> bool {
    let holds = |i: usize| holds(headings, lines, line_of, i);
    // Two or more headings of one depth that read as levels and hold something, and fewer
    // before them that hold something titled otherwise (`#### QA`, `#### Product Design`
    // before `#### Product Owner` and `#### Project Manager` list other functions' paths).
    (1..=6u8).any(|d| {
        let (like, others): (Vec<usize>, Vec<usize>) = (0..headings.len())
            .filter(|&i| headings[i].1 == d && holds(i))
            .partition(|&i| level_like(&headings[i].2) && !collection(&headings[i].2));
        let before = others
            .iter()
            .filter(|&&i| like.first().is_some_and(|&a| i < a));
        like.len() >= 2 && before.count() < like.len()
    })
}

/// The title of the heading over the heading at byte `start` (of `depth`) among `headings`
/// (byte, depth, title): the nearest shallower one above it. `None` when there is none, or
/// when a section of the same depth under it holds a list of its own (`own_list` of its
/// index): a level that writes its pillars as lists, beside which a table is only a table,
/// unless the table's heading (`title`) says it holds the level's expectations or areas and
/// its first column's `header` names areas (`### Core Expectations` over `| Dimension | … |`,
/// beside `### Typical Background`).
pub(super) fn area_of(
    headings: &[(usize, u8, String)],
    start: usize,
    depth: u8,
    own_list: &dyn Fn(usize) -> bool,
    (title, header): (&str, &[String]),
) -> Option<String> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect()
    };
    let says = words(title)
        .iter()
        .any(|w| w == "expectations" || PILLAR_WORDS.contains(&w.as_str()))
        && header.first().is_some_and(|h| {
            words(&super::cells::label(h))
                .iter()
                .any(|w| PILLAR_WORDS.contains(&w.as_str()))
        });
    let at = headings.iter().position(|h| h.0 == start)?;
    let parent = (0..at).rev().find(|&k| headings[k].1 < depth)?;
    let end = (parent + 1..headings.len())
        .find(|&k| headings[k].1 <= headings[parent].1)
        .unwrap_or(headings.len());
    let listed = (parent + 1..end).any(|k| headings[k].1 == depth && own_list(k));
    (!listed || says).then(|| headings[parent].2.trim().to_string())
}

/// A title about several levels rather than one (`IC Levels`, `IC1 - IC6 Framework`).
fn collection(title: &str) -> bool {
    title.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "levels"
                | "framework"
                | "frameworks"
                | "ladder"
                | "ladders"
                | "tracks"
                | "grades"
                | "overview"
                | "matrix"
        )
    })
}
