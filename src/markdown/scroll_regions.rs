//! Tables and code blocks in Markdown made focusable scroll regions.

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

/// Puts each table inside `<div class="scroll-box" role="region" aria-label="Table: …"
/// tabindex="0">`: a scrollable region must be focusable to be usable by keyboard (WCAG 2.1
/// SC 2.1.1), and a region needs a name, one of its own where a page has several tables
/// (ARIA's landmarks are told apart by their names): `Table:` and its header's first cells
/// (`Table: Area, Expectations`), at most about 60 characters.
///
/// A code block, which scrolls sideways where its lines are wider than the page, opens as
/// `<pre tabindex="0">` for the same reason; otherwise as pulldown-cmark writes it (the info
/// string's first word as `class="language-…"`).
pub(super) fn scroll_regions<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    let mut events = events;
    let mut held: std::collections::VecDeque<Event<'a>> = std::collections::VecDeque::new();
    std::iter::from_fn(move || {
        if let Some(e) = held.pop_front() {
            return Some(e);
        }
        let e = events.next()?;
        match e {
            Event::Start(Tag::Table(_)) => {
                // The header's cells and the first row's first, read ahead and given back
                // after the opening tag.
                let mut cells: Vec<String> = vec![String::new()];
                let mut first_row = String::new();
                let mut in_head = true;
                held.push_back(e);
                for next in events.by_ref() {
                    let done = !in_head && matches!(next, Event::End(TagEnd::TableCell))
                        || matches!(next, Event::End(TagEnd::Table));
                    match &next {
                        Event::Text(t) | Event::Code(t) if in_head => {
                            if let Some(cell) = cells.last_mut() {
                                cell.push_str(t);
                            }
                        }
                        Event::Text(t) | Event::Code(t) => first_row.push_str(t),
                        Event::End(TagEnd::TableCell) if in_head => cells.push(String::new()),
                        Event::End(TagEnd::TableHead) => in_head = false,
                        _ => {}
                    }
                    let end = matches!(next, Event::End(TagEnd::Table));
                    held.push_back(next);
                    if end {
                        held.push_back(Event::Html("</div>\n".into()));
                    }
                    if done {
                        break;
                    }
                }
                let mut name = String::from("Table");
                for (i, cell) in cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .enumerate()
                {
                    if name.chars().count() + cell.chars().count() > 60 {
                        name.push_str(if i == 0 { ": …" } else { ", …" });
                        break;
                    }
                    name.push_str(if i == 0 { ": " } else { ", " });
                    name.push_str(cell);
                }
                // Tables of one header on a page are told apart by their first row.
                let row: String = first_row.trim().chars().take(40).collect();
                if !row.is_empty() {
                    name.push_str(" (");
                    name.push_str(&row);
                    name.push_str(if first_row.trim().chars().count() > 40 {
                        "…)"
                    } else {
                        ")"
                    });
                }
                let mut open =
                    String::from(r#"<div class="scroll-box" role="region" aria-label=""#);
                crate::escape::attribute(&mut open, &name);
                open.push_str(r#"" tabindex="0">"#);
                Some(Event::Html(open.into()))
            }
            Event::End(TagEnd::Table) => {
                held.push_back(Event::Html("</div>\n".into()));
                Some(e)
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut open = String::from(r#"<pre tabindex="0"><code"#);
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split(' ').next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                if !lang.is_empty() {
                    open.push_str(r#" class="language-"#);
                    crate::escape::attribute(&mut open, lang);
                    open.push('"');
                }
                open.push('>');
                Some(Event::Html(open.into()))
            }
            e => Some(e),
        }
    })
}
