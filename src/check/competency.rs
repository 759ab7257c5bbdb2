//! Checks of how a competency's body is laid out: what it writes that will not show where
//! the author meant it (a heading or a paragraph after its list starts), and expectation ids
//! that are no ids.

use super::warning;
use crate::diagnostic::{Diagnostics, SourceFile};

/// `bad-own-id`: a line of a competency that ends with `{#…}`, an expectation's own id,
/// whose id is no id by the contract's rule: it is not taken off, and shows as text.
pub(super) fn bad_own_ids(f: &SourceFile, diags: &mut Diagnostics) {
    let Ok(split) = crate::frontmatter::split(f) else {
        return;
    };
    let mut at = split.body_offset;
    for line in f.text[split.body_offset..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        // On an item's line: a heading's `{#…}` is pulldown-cmark's, whatever it holds.
        let item = line
            .trim_start()
            .starts_with(|c: char| matches!(c, '-' | '*' | '+') || c.is_ascii_digit());
        let id = item
            .then(|| trimmed.rfind("{#"))
            .flatten()
            .and_then(|open| Some((open, trimmed[open + 2..].strip_suffix('}')?)));
        if let Some((open, id)) = id.filter(|(_, id)| !crate::ids::is_valid_id(id)) {
            let numbered = crate::permalink::parse_expectation_anchor(id).is_some();
            diags.push(f.warning(
                "bad-own-id",
                at + open,
                format!("`{{#{id}}}` is not an id, so it shows as text at the end of the expectation"),
                if numbered {
                    "an expectation's numbered anchor (`pillar--n`) is ladder.lock's to give, not the text's: give it an id of its own, such as `{#one-to-ones}`, or remove it".to_string()
                } else {
                    format!("ids are lowercase letters, digits and single hyphens: `{{#{}}}`", crate::ids::suggest_id(id))
                },
            ));
        }
        at += line.len();
    }
}

/// `heading-in-competency`: a competency is a list of expectations; what its body says before
/// the list is shown over it, and the rest as notes below it, so a heading written after the
/// list starts, to group the items after it, lands below the list, grouping nothing. (A
/// heading before the list titles the whole list; one inside an item is part of that
/// expectation.)
pub(super) fn headings(f: &SourceFile, diags: &mut Diagnostics) {
    let Ok(split) = crate::frontmatter::split(f) else {
        return;
    };
    if !split.body.contains('#') && !split.body.contains("\n==") && !split.body.contains("\n--") {
        return;
    }
    use pulldown_cmark::{Event, Tag, TagEnd};
    let parser = pulldown_cmark::Parser::new_ext(split.body, crate::markdown::options());
    // Headings outside every list and quote: the body's own blocks.
    let mut depth = 0usize;
    let mut listed = false;
    let mut at: Vec<usize> = Vec::new();
    for (ev, range) in parser.into_offset_iter() {
        match ev {
            Event::Start(Tag::List(_)) if depth == 0 => {
                listed = true;
                depth += 1;
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) if depth == 0 && listed => {
                at.push(split.body_offset + range.start)
            }
            _ => {}
        }
    }
    // One warning per file, at its first heading.
    if let Some(&first) = at.first() {
        let what = match at.len() {
            1 => "a heading".to_string(),
            n => format!("{n} headings"),
        };
        diags.push(warning(Some(f), &f.path, first, "heading-in-competency",
            format!("{what} in a competency {} shown with its notes, below all of its expectations: {} nothing", if at.len() == 1 { "is" } else { "are" }, if at.len() == 1 { "it groups" } else { "they group" }),
            "to group expectations, make each group a pillar of its own, or name the group in each expectation's text; a note written before the list is shown over it".into()));
    }
}

/// `note-between-lists`: a paragraph between two of a competency's lists (`When on call` over
/// the items it introduces) is one of its notes, shown below all of its expectations, so it
/// no longer introduces the items after it, which join the first list's.
pub(super) fn notes_between_lists(f: &SourceFile, diags: &mut Diagnostics) {
    let Ok(split) = crate::frontmatter::split(f) else {
        return;
    };
    // Only a body with text between two list items can have one: most have none, and are not
    // parsed again. An item opens with a marker and a space (`- `, `* `, `1. `, `1) `) after
    // at most three spaces; text less indented than four spaces may end the list.
    let item = |l: &str| {
        let t = l.trim_start_matches(' ');
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = if digits > 0 {
            t[digits..].strip_prefix(['.', ')'])
        } else {
            t.strip_prefix(['-', '*', '+'])
        };
        l.len() - t.len() <= 3 && after.is_some_and(|a| a.is_empty() || a.starts_with([' ', '\t']))
    };
    let (mut listed, mut between) = (false, false);
    let maybe = split.body.lines().any(|l| {
        if item(l) {
            let found = listed && between;
            listed = true;
            between = false;
            found
        } else {
            let indent = l.len() - l.trim_start_matches(' ').len();
            between |= listed && !l.trim().is_empty() && indent <= 3 && !l.starts_with('\t');
            false
        }
    });
    if !maybe {
        return;
    }
    use pulldown_cmark::{Event, Tag};
    let parser = pulldown_cmark::Parser::new_ext(split.body, crate::markdown::options());
    // The body's own blocks: whether each is a list, and where a paragraph starts.
    let mut depth = 0usize;
    let mut blocks: Vec<(bool, Option<usize>)> = Vec::new();
    for (ev, range) in parser.into_offset_iter() {
        match ev {
            Event::Start(Tag::List(_)) if depth == 0 => blocks.push((true, None)),
            Event::Start(Tag::Paragraph) if depth == 0 => blocks.push((false, Some(range.start))),
            Event::Start(_) if depth == 0 => blocks.push((false, None)),
            _ => {}
        }
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let first_list = blocks.iter().position(|b| b.0);
    let at = first_list.and_then(|first| {
        blocks.windows(2).enumerate().find_map(|(i, w)| match w {
            [(false, Some(p)), (true, _)] if i > first => Some(*p),
            _ => None,
        })
    });
    if let Some(at) = at {
        diags.push(warning(Some(f), &f.path, split.body_offset + at, "note-between-lists",
            "a paragraph between two lists in a competency is one of its notes, shown below all of its expectations: it no longer introduces the list after it".into(),
            "to group expectations, make each group a pillar of its own, or name the group in each expectation's text; a note written before the first list is shown over it".into()));
    }
}

/// Where a competency's `body` has lines pasted with a word processor's bullets (`• Writes
/// tests`, see [`crate::markdown::PASTED_BULLETS`]) outside code and HTML blocks: the byte
/// offset in `body` of the first such line's bullet, the bullet, and how many lines open
/// with one. Markdown reads those lines as text, not as list items.
pub(super) fn pasted_bullets(body: &str) -> Option<(usize, char, usize)> {
    if !body.contains(crate::markdown::PASTED_BULLETS) {
        return None;
    }
    use pulldown_cmark::{Event, Tag};
    let parser = pulldown_cmark::Parser::new_ext(body, crate::markdown::options());
    // Code and HTML blocks, and the blocks a `<details>`, `<blockquote>` or `<figure>` an
    // HTML block opened holds (folded examples: no expectations either way).
    // `held_at`: the depth of the blocks the element holds, in the body or in a list item.
    let (mut verbatim, mut depth, mut held, mut held_at) = (Vec::new(), 0usize, 0usize, 0usize);
    for (ev, range) in parser.into_offset_iter() {
        match ev {
            Event::Start(Tag::HtmlBlock) => {
                if held == 0 {
                    held_at = depth;
                }
                held = crate::markdown::held_after(held, &body[range.clone()], true);
                verbatim.push(range);
            }
            Event::Start(Tag::CodeBlock(_)) => verbatim.push(range),
            Event::Start(_) if depth == held_at && held > 0 => verbatim.push(range),
            _ => {}
        }
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                // The item that held it ended: what follows is held no more.
                if depth < held_at {
                    held = 0;
                }
            }
            _ => {}
        }
    }
    let mut at = 0;
    let (mut first, mut count) = (None, 0);
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        // The bullet's own place: a block inside an item starts after the item's indent.
        let Some((indent, c)) = crate::markdown::pasted_bullet(line) else {
            continue;
        };
        if verbatim.iter().any(|r| r.contains(&(start + indent))) {
            continue;
        }
        first.get_or_insert((start + indent, c));
        count += 1;
    }
    first.map(|(offset, c)| (offset, c, count))
}

/// `pasted-bullet`: lines of a competency that has expectations, opened with a word
/// processor's bullet (`• Writes tests`) rather than a list marker, so each is text (a note,
/// or the end of the item above), not an expectation of its own. A competency with no list
/// at all is said once, by `no-list`.
pub(super) fn pasted_bullet_lines(f: &SourceFile, diags: &mut Diagnostics) {
    let Ok(split) = crate::frontmatter::split(f) else {
        return;
    };
    if let Some((offset, bullet, count)) = pasted_bullets(split.body) {
        let lines = if count == 1 {
            "a line starts".to_string()
        } else {
            format!("{count} lines start")
        };
        diags.push(warning(Some(f), &f.path, split.body_offset + offset, "pasted-bullet",
            format!("{lines} with `{bullet}`, which Markdown does not read as a list marker: {} text, not {}", if count == 1 { "it is" } else { "they are" }, if count == 1 { "an expectation of its own" } else { "expectations of their own" }),
            format!("start each expectation with `- ` in place of `{bullet} `, after a blank line if it follows a paragraph")));
    }
}
