//! A level's grade section that also lists what the level adds (GitLab's job families: `####
//! Job Grade` / `The Staff Cook is a grade 8.` / `Staff Cooks are Senior Cooks who also meet
//! these criteria:` / `Technique:` over a numbered list / `Leadership:` over another).

use super::*;

/// Whether section `c` of a level is its grade (`Job Grade`) with lists in it: its sentences
/// describe the level, and each list under a short lead-in (`Technique:`) is a pillar's cell.
pub(super) fn with_lists(d: &Doc, c: usize) -> bool {
    super::super::titles::grade(&heading_text(d, c)) && has_list(d, c)
}

/// Whether a lead-in names an area (`Communication and Collaboration`): four words at most,
/// none of them addressing or pointing (`They also meet these criteria`).
fn names_area(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    !words.is_empty()
        && words.len() <= 4
        && !words.iter().any(|w| {
            [
                "you",
                "your",
                "they",
                "their",
                "these",
                "this",
                "those",
                "following",
                "must",
                "should",
            ]
            .contains(&w.as_str())
        })
}

/// Splits grade section `c` (see [`with_lists`]): each list after a paragraph that names an
/// area and ends in a colon (`Communication and Collaboration:`, see [`names_area`]), or after
/// a bold label alone on its line (`**Watchkeeping:**`), is the cell of the pillar it names;
/// everything else describes the level.
pub(super) fn grade_cells(d: &Doc, c: usize, level: &mut Level, rest: &mut Rest) {
    let own = &d.secs[c].own;
    let mut i = 0;
    while i < own.len() {
        let b = own[i];
        let label = match (&d.blocks[b].kind, own.get(i + 1).map(|&n| &d.blocks[n])) {
            (Kind::Para { label, only, .. }, Some(next))
                if matches!(next.kind, Kind::List { .. })
                    && !d.blocks[b].region
                    && !next.region =>
            {
                match label {
                    // `**Watchkeeping:**` alone on its line.
                    Some(l) if *only => Some(l.trim_end_matches(':').trim().to_string()),
                    Some(_) => None,
                    None => {
                        let end = d.blocks[b].end.min(d.src.text.len());
                        let text = d.src.text[d.blocks[b].start..end].trim();
                        text.strip_suffix(':')
                            .filter(|t| names_area(t))
                            .map(str::to_string)
                    }
                }
            }
            _ => None,
        };
        match label {
            Some(label) => {
                let list = own[i + 1];
                level
                    .cells
                    .push(label_cell(d, (label, d.blocks[b].start, vec![list], None)));
                i += 2;
            }
            None => {
                rest.description.push(b);
                i += 1;
            }
        }
    }
    rest.extra_sections.extend(&d.secs[c].children);
}
