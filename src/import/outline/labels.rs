//! Labels at the start of a paragraph or list item: bold (`**Delivery:**`) or, in a list
//! whose every item has one, plain (`Impact: …`).

/// A label's words without the emphasis marks inside it (`a _healthy_ team` → `a healthy
/// team`) or a link's target (`[Technology](README.md#technology)` → `Technology`): a
/// pillar's title is plain text.
fn plain_words(label: &str) -> String {
    let linked;
    let label = if label.contains("](") {
        use pulldown_cmark::{Event, Parser};
        linked = Parser::new(label)
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.into_string()),
                _ => None,
            })
            .collect::<String>();
        linked.as_str()
    } else {
        label
    };
    label
        .split(' ')
        .map(|w| w.trim_matches(|c| c == '_' || c == '*'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A plain label at `start` of a list item (`Impact: Delivers …`, or `Teamwork:` alone over a
/// nested list): a name (see `name_like`) or a level's code (`L3`), then a colon; its text, where the rest starts, and whether nothing follows on its line.
/// Read as pillars only where every item of a list has one (see `infer::shape`), so a `Note:`
/// among sentences names nothing.
pub(super) fn plain_label_at(
    text: &str,
    start: usize,
    end: usize,
) -> Option<(String, usize, bool)> {
    let para = text.get(start..end.min(text.len()))?;
    let line = para.lines().next()?;
    if let Some((label, at)) = tagged_label(para) {
        return Some((label, super::after_blanks(text, start + at), false));
    }
    let (label, after) = match line.trim_end().strip_suffix(':') {
        Some(label) if !label.contains(':') => (label, ""),
        _ => line.split_once(": ")?,
    };
    // A name with a qualifier in parentheses over a nested list (`Requirements (any one of
    // these):`): the name is the label, the qualifier the text after it.
    if let Some((name, _)) = label
        .strip_suffix(')')
        .and_then(|l| l.split_once(" ("))
        .filter(|(name, q)| name_like(name) && !q.contains(['(', ')']) && after.trim().is_empty())
    {
        let rest = super::after_blanks(text, start + line.find(" (")?);
        return Some((name.trim().to_string(), rest, false));
    }
    // Or a level's code (`- L3: You own …`, in a skill's section that lists every level).
    let fits = name_like(label) || crate::import::ids::parse_code(label).is_some();
    if !fits {
        return None;
    }
    let rest = super::after_blanks(text, (start + label.len() + 1).min(text.len()));
    Some((label.trim().to_string(), rest, after.trim().is_empty()))
}

/// A label in an HTML element at the start of a list item's first paragraph `line`, before a
/// colon later in it (`<span className="axis">Impact</span> ➡ Stream: …`, a Docusaurus
/// page's): its text (one to four words, the first capitalised) and the byte offset after the
/// element's closing tag.
fn tagged_label(line: &str) -> Option<(String, usize)> {
    let open = line.strip_prefix('<')?;
    let name: String = open.chars().take_while(char::is_ascii_alphabetic).collect();
    if name.is_empty() {
        return None;
    }
    let inner_start = line.find('>')? + 1;
    let close = format!("</{name}>");
    let inner_len = line.get(inner_start..)?.find(&close)?;
    let inner = line[inner_start..inner_start + inner_len].trim();
    let after = inner_start + inner_len + close.len();
    (name_like(inner) && line[after..].contains(':')).then(|| (inner.to_string(), after))
}

/// A pillar's name as a label writes it: one to four words, the first capitalised, of letters
/// and `&`, `-`, `/` only, and commas between words (`Deployment, performance and scale`).
fn name_like(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '-' | '/' | ','))
        && words
            .iter()
            .all(|w| !w.starts_with(',') && !w.trim_end_matches(',').contains(','))
}

/// A bold label at `start` (`**Label**:`, `**Label:**`, `__Label__`): its text, whether a
/// colon follows it, whether nothing else follows it before `end`, and where the rest starts.
pub(super) fn label_at(
    text: &str,
    start: usize,
    end: usize,
) -> (Option<String>, bool, bool, usize) {
    let none = (None, false, false, start);
    let end = end.min(text.len());
    if start >= end {
        return none;
    }
    let s = &text[start..end];
    // Bold and italic at once (`***Skills***:`, `***Skills:***`) closes with the same three.
    let delim = ["***", "___", "**", "__"]
        .into_iter()
        .find(|d| s.starts_with(d));
    let Some(delim) = delim else {
        return none;
    };
    let dl = delim.len();
    let inner = &s[dl..];
    let Some(close) = inner.find(delim) else {
        return none;
    };
    // Bold runs separated only by spaces are one label (`**Builds a _healthy_** **team**`),
    // unless the first ends with its colon (`**AI use:** **The learner.** …`, a value that
    // starts in bold).
    let mut close = close;
    let mut joined = inner[..close].to_string();
    while !joined.trim_end().ends_with(':') {
        let after = &inner[close + dl..];
        let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
        let next = &after[gap..];
        let Some(more) = next.strip_prefix(delim) else {
            break;
        };
        let Some(c2) = more.find(delim) else { break };
        joined.push(' ');
        joined.push_str(more[..c2].trim());
        close += dl + gap + dl + c2;
    }
    let label = joined.trim();
    // A label is short: a bold sentence running over lines is emphasis, not a label.
    if label.is_empty() || label.lines().count() > 2 {
        return none;
    }
    let mut rest = start + dl + close + dl;
    let mut colon = label.ends_with(':');
    let after = &text[rest..end.min(text.len())];
    let trimmed = after.trim_start_matches([' ', '\t']);
    if let Some(t) = trimmed.strip_prefix(':') {
        colon = true;
        rest += after.len() - t.len();
    }
    let tail = &text[rest..end.min(text.len())];
    let lead = tail.len() - tail.trim_start().len();
    rest += lead;
    let only = text[rest..end.min(text.len())].trim().is_empty();
    let label = plain_words(label.trim_end_matches(':').trim());
    (Some(without_tags(&label).to_string()), colon, only, rest)
}

/// Whether the text between a label's brackets flags it (`NEW`, `UPDATED`, in capitals),
/// rather than giving a grade's code (`[B1] Baker`).
pub(in crate::import) fn flag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.chars().all(|c| c.is_ascii_uppercase() || c == ' ')
        && crate::import::ids::parse_code(tag).is_none()
}

/// A label without what orders or flags it in a list of labels: a letter or number that
/// enumerates it (`a. Snr`, `2) Mid`) and a flag in brackets (`[NEW] Mid`), which would make
/// each entry a name of its own where the names recur (`**a. L1:**`, `**b. L1:**`).
fn without_tags(label: &str) -> &str {
    let mut rest = label;
    loop {
        let before = rest;
        if let Some((_, after)) = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once("] "))
            .filter(|(tag, _)| flag(tag))
        {
            rest = after;
        }
        rest = crate::import::titles::without_ordinal(rest);
        if rest == before || rest.is_empty() {
            return if rest.trim().is_empty() {
                label
            } else {
                rest.trim_start()
            };
        }
    }
}

/// Paragraphs of one section whose bold labels are joined to their text by a dash set off
/// by spaces, as a colon would join them (`**Problem solving** - Breaks a task down …`, `**Impact**
/// – …`): labelled, where the section has two or more such labels that are names
/// ([`name_like`]) and describe nothing (`Note`, `Examples`). One such paragraph alone
/// (`**Scope** - a feature.` over the level's list) stays a note, as do years (`**2023** -`).
/// List items already read the dash as joining label and text.
pub(super) fn dash_labels(text: &str, blocks: &mut [super::Block]) {
    let mut start = 0;
    while start < blocks.len() {
        let end = (start + 1..blocks.len())
            .find(|&i| matches!(blocks[i].kind, super::Kind::Heading { .. }))
            .unwrap_or(blocks.len());
        let dashed: Vec<(usize, String, usize)> = (start..end)
            .filter_map(|i| match &blocks[i].kind {
                super::Kind::Para {
                    label: Some(label),
                    colon: false,
                    rest,
                    ..
                } if name_like(label) && !crate::import::titles::descriptive(label) => {
                    after_dash(text, *rest, blocks[i].end).map(|at| (i, label.clone(), at))
                }
                _ => None,
            })
            .collect();
        let mut names: Vec<String> = dashed.iter().map(|d| d.1.to_lowercase()).collect();
        names.sort();
        names.dedup();
        if names.len() >= 2 {
            for (i, _, at) in dashed {
                if let super::Kind::Para { colon, rest, .. } = &mut blocks[i].kind {
                    (*colon, *rest) = (true, at);
                }
            }
        }
        start = end;
    }
}

/// Where the text after a paragraph's bold label starts when a dash set off by spaces joins
/// them (see [`dash_labels`]): `rest` is where [`label_at`] found the text to start. `None`
/// without such a dash.
fn after_dash(text: &str, rest: usize, end: usize) -> Option<usize> {
    let t = text.get(rest..end.min(text.len()))?;
    let after = ["- ", "– ", "— "].iter().find_map(|d| t.strip_prefix(d))?;
    let after = after.trim_start_matches([' ', '\t']);
    (!after.trim().is_empty()).then(|| end.min(text.len()) - after.len())
}

/// The lines of the paragraph `text[start..end]` when it is two or more lines that each open
/// with a bold label and its colon (`**Horizon:** 1-2 weeks` over `**Scope:** Several
/// teams`): key-value lines written one under the other, which Markdown joins into one
/// paragraph (CommonMark §4.8, soft line breaks) but which are as many labelled items. Each
/// is its byte range without its line ending or hard-break marker. The last line's label may
/// stand alone, over what follows the paragraph (`**Scope**: One team` over `**Craft**:` and
/// its list). `None` otherwise.
pub(super) fn label_lines(text: &str, start: usize, end: usize) -> Option<Vec<(usize, usize)>> {
    let end = end.min(text.len());
    let mut lines = Vec::new();
    let mut alone = false;
    let mut at = start;
    for line in text.get(start..end)?.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let body = body.strip_suffix('\\').unwrap_or(body).trim_end();
        let lead = body.len() - body.trim_start().len();
        let (s, e) = (at + lead, at + body.len());
        at += line.len();
        if s >= e {
            continue;
        }
        let (label, colon, only, _) = label_at(text, s, e);
        if label.is_none() || !colon || alone {
            return None;
        }
        alone = only;
        lines.push((s, e));
    }
    (lines.len() >= 2).then_some(lines)
}

/// Items that are a name alone over a nested list (`- Requirements` / `  - Two seasons as …`)
/// in every list where the same names recur (two lists or more): labels, as `- Requirements:`
/// would be. A name once is an expectation with details under it (`- Writes tests` / `  - for
/// each bug`), and a list that also has longer items over nested lists is not a list of labels.
pub(super) fn bare_labels(text: &str, blocks: &mut [super::Block]) {
    use super::Kind;
    use std::collections::HashMap;
    let bare = |it: &super::Item| -> Option<String> {
        if it.label.is_some() || it.nested_lists.is_empty() {
            return None;
        }
        let content = super::skip_marker(text, it.start);
        let first = text.get(content..it.first_end)?.trim();
        (!first.contains('\n') && name_like(first)).then(|| first.to_string())
    };
    // In how many lists each name is such an item.
    let mut lists: HashMap<String, usize> = HashMap::new();
    for b in blocks.iter() {
        if let Kind::List { items } = &b.kind {
            let mut names: Vec<String> = items.iter().filter_map(&bare).collect();
            names.sort();
            names.dedup();
            for n in names {
                *lists.entry(n.to_lowercase()).or_default() += 1;
            }
        }
    }
    for b in blocks.iter_mut() {
        let Kind::List { items } = &mut b.kind else {
            continue;
        };
        let names: Vec<Option<String>> = items.iter().map(&bare).collect();
        let all = items.iter().zip(&names).all(|(it, n)| {
            it.nested_lists.is_empty()
                || it.label.is_some()
                || n.as_ref().is_some_and(|n| lists[&n.to_lowercase()] >= 2)
        });
        if !all || names.iter().all(Option::is_none) {
            continue;
        }
        for (it, name) in items.iter_mut().zip(names) {
            if let Some(name) = name {
                it.label = Some(name);
                it.colon = true;
                it.only = true;
                it.rest = it.first_end;
            }
        }
    }
}
