//! Reading the tables of a Markdown source as the tests see them, and what the import's
//! summary says it read them as.

use super::{Exp, Imported};
use crate::common::words;

/// The tables of `md`: each a header row and body rows of cells (source text, `\|` made `|`),
/// with the title of the nearest `#`…`######` heading above.
pub fn tables(md: &str) -> Vec<(String, Vec<Vec<String>>)> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    let mut heading = String::new();
    let mut in_heading = None;
    for (ev, r) in Parser::new_ext(md, Options::ENABLE_TABLES).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { .. }) => in_heading = Some(String::new()),
            Event::Text(t) if in_heading.is_some() => in_heading.as_mut().unwrap().push_str(&t),
            Event::End(TagEnd::Heading(_)) => heading = in_heading.take().unwrap(),
            Event::Start(Tag::Table(_)) => out.push((heading.clone(), Vec::new())),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                out.last_mut().unwrap().1.push(Vec::new())
            }
            Event::Start(Tag::TableCell) => {
                let cell = md[r].trim().trim_matches('|').trim().replace("\\|", "|");
                out.last_mut().unwrap().1.last_mut().unwrap().push(cell);
            }
            _ => {}
        }
    }
    out
}

/// A cell's expectations: its `<br>`-separated parts, bullets dropped, gaps (empty, `—`) none.
pub fn cell_items(cell: &str) -> Vec<String> {
    let mut s = cell.to_string();
    for br in ["<br/>", "<br />", "<BR>"] {
        s = s.replace(br, "<br>");
    }
    s.split("<br>")
        .map(|p| p.trim().trim_start_matches('•').trim().to_string())
        .filter(|p| !p.is_empty() && !["—", "-", "–"].contains(&p.as_str()))
        .collect()
}

pub fn exp(level: &str, pillar: &str, text: &str) -> Exp {
    Exp {
        level: words(level),
        pillar: pillar.trim_matches('*').to_string(),
        text: text.to_string(),
    }
}

/// The summary's guesses that say a table was read, with their `path:line`.
pub fn table_guesses(summary: &str) -> Vec<&str> {
    summary
        .lines()
        .filter(|l| l.contains("table") && l.contains(" read as "))
        .map(str::trim)
        .collect()
}

/// Asserts that the summary of `imp` says `text`, showing the summary when it does not.
pub fn says(imp: &Imported, text: &str) {
    assert!(imp.summary.contains(text), "{}", imp.summary);
}

/// Calls `f(header, row, item)` for each expectation of each cell of a grid's body rows
/// (`rows[0]` the header), past the first column.
pub fn each_item(rows: &[Vec<String>], mut f: impl FnMut(&str, &[String], String)) {
    for row in &rows[1..] {
        for (head, cell) in rows[0].iter().zip(row).skip(1) {
            for item in cell_items(cell) {
                f(head, row, item);
            }
        }
    }
}
