//! A roles-and-skills file (`skills` with an `id`, `title` and `details` each; `roles` with a
//! `title`, `description` and, per skill, `details`): the shape of growth-framework apps that
//! keep their ladder as JSON. Roles are levels, skills are pillars, and each role's `details`
//! for a skill (Markdown) are its expectations there.

use super::*;
use crate::import::ids;
use crate::import::markdown::Outcome;
use crate::import::model::{Anchor, Cell, CellBlock, FileRef, Level, Md, Page, Target, Track};
use crate::import::outline::{para_item, quote};

/// True when a document lists `roles` whose entries give `skills`, beside a `skills` list.
pub fn is_roles(y: &Y) -> bool {
    let roles = y.get("roles").map_or(&[][..], Y::items);
    !y.get("skills").map_or(&[][..], Y::items).is_empty()
        && !roles.is_empty()
        && roles.iter().all(|r| r.get("skills").is_some())
}

/// Reads a roles-and-skills document. Roles whose titles end in codes of different letters
/// (`Engineer E1`, `Leader L1`) make a track per letter, each in the order of its codes'
/// numbers; otherwise one track, in the order written. A role's `description` is its level's
/// description; `principles` (titled texts) are a free page.
pub fn roles(ladder: &mut Ladder, index: usize, y: &Y) -> Outcome {
    let doc = ladder.docs[index].clone();
    let title = y
        .get("title")
        .and_then(Y::text)
        .unwrap_or_else(|| doc.stem().to_string());
    report_dropped(
        ladder,
        &doc,
        y,
        &[
            "title",
            "description",
            "skills",
            "roles",
            "principles",
            "id",
        ],
        "keys with no place in a ladder were not imported",
    );
    let skills: Vec<(String, String, Option<Md>, usize)> = y
        .get("skills")
        .map_or(&[][..], Y::items)
        .iter()
        .filter_map(|s| {
            let id = s.get("id").and_then(Y::text)?;
            let name = s
                .get("title")
                .and_then(Y::text)
                .unwrap_or_else(|| id.clone());
            let details = s.get("details").and_then(Y::text).map(|t| Md {
                text: t.trim().to_string(),
                doc: index,
                line: s.line(),
            });
            Some((id, name, details, s.line()))
        })
        .collect();
    let mut levels: Vec<Level> = Vec::new();
    for r in y.get("roles").map_or(&[][..], Y::items) {
        let name = r
            .get("title")
            .or_else(|| r.get("id"))
            .and_then(Y::text)
            .unwrap_or_default();
        let mut level = Level::titled(ladder.uid(), &name, doc.loc_line(r.line()));
        level.title = name.trim().to_string();
        // A code as the title's last word (`Engineer E1`): the code, shown beside the title
        // (`Engineer`), not in it too.
        if level.code.is_none() {
            if let Some((head, last)) = level.title.rsplit_once(char::is_whitespace) {
                if let Some((code, number)) = ids::parse_code(last) {
                    level.number = Some(number);
                    level.code = Some(code);
                    level.title = head.trim_end().to_string();
                }
            }
        }
        if let Some(id) = r.get("id").and_then(Y::text) {
            level.id = Some(ids::slug(&id));
        }
        level.description = role_description(r, index);
        for s in r.get("skills").map_or(&[][..], Y::items) {
            let id = s.get("id").and_then(Y::text).unwrap_or_default();
            let Some(details) = s.get("details").and_then(Y::text) else {
                continue;
            };
            let skill = skills.iter().find(|k| k.0 == id);
            level.cells.push(Cell {
                pillar_title: skill.map_or_else(|| id.clone(), |k| k.1.clone()),
                pillar_at: doc.loc_line(skill.map_or(s.line(), |k| k.3)),
                pillar_id: Some(ids::slug(&id)),
                pillar_key: Some(format!("skill:{id}")),
                pillar_description: skill.and_then(|k| k.2.clone()).into_iter().collect(),
                blocks: detail_blocks(&details, index, s.line()),
                pillar: 0,
            });
        }
        levels.push(level);
    }
    let tracks = role_tracks(ladder, &doc, levels, &title, y, index);
    let mut pages = Vec::new();
    if let Some(page) = principles(ladder, y, index, &doc) {
        pages.push(page);
    }
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Track(tracks[0].uid),
            anchor: Anchor::None,
        },
    );
    ladder.format("JSON or YAML roles and skills");
    Outcome::Ladder {
        tracks,
        pages,
        title,
    }
}

/// A role's `description`, and its other scalar attributes (`level: [{id, value}]`) as one
/// line after it.
fn role_description(r: &Y, index: usize) -> Vec<Md> {
    let mut out = Vec::new();
    if let Some(d) = r.get("description").and_then(Y::text) {
        out.push(Md {
            text: d.trim().to_string(),
            doc: index,
            line: r.line(),
        });
    }
    let attributes: Vec<String> = r
        .get("level")
        .map_or(&[][..], Y::items)
        .iter()
        .filter_map(|a| {
            let id = a.get("id").and_then(Y::text)?;
            let value = a.get("value").and_then(Y::text)?;
            Some(format!("*{}:* {value}", id.replace('-', " ")))
        })
        .collect();
    if !attributes.is_empty() {
        out.push(Md {
            text: attributes.join(" · "),
            doc: index,
            line: r.line(),
        });
    }
    out
}

/// A role's Markdown `details` for one skill as a cell's blocks: each paragraph, and each item
/// of a list, an expectation; a list under a paragraph that is only a bold label
/// (`**Example behaviors:**`) a note of the label and its list.
fn detail_blocks(details: &str, index: usize, line: usize) -> Vec<CellBlock> {
    let mut blocks = Vec::new();
    let mut label: Option<&str> = None;
    let md = |text: String| Md {
        text,
        doc: index,
        line,
    };
    // A bold label line right above its list (`**Example behaviors:**` then `- …`, with no
    // blank line) ends its chunk, as a blank line would.
    let details = details
        .replace(":**\n-", ":**\n\n-")
        .replace(":**\n*", ":**\n\n*");
    for chunk in details
        .split("\n\n")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let list = chunk.starts_with("- ") || chunk.starts_with("* ");
        if list {
            if let Some(l) = label.take() {
                blocks.push(CellBlock {
                    md: md(format!("{l}\n\n{}", quote(chunk))),
                    item: false,
                    tight: false,
                });
                continue;
            }
            for item in chunk.split('\n').filter(|l| !l.trim().is_empty()) {
                let text = item.trim_start_matches(['-', '*', ' ']);
                blocks.push(CellBlock {
                    md: md(para_item(text)),
                    item: true,
                    tight: true,
                });
            }
        } else if chunk.starts_with("**") && (chunk.ends_with(":**") || chunk.ends_with("**:")) {
            label = Some(chunk);
        } else {
            if let Some(l) = label.take() {
                blocks.push(CellBlock {
                    md: md(l.to_string()),
                    item: false,
                    tight: false,
                });
            }
            blocks.push(CellBlock {
                md: md(para_item(chunk)),
                item: true,
                tight: false,
            });
        }
    }
    if let Some(last) = blocks.iter_mut().rev().find(|b| b.item) {
        last.tight = false;
    }
    blocks
}

/// The tracks of the roles: one per code letter when the codes have two or more letters
/// (`E` and `L`), each titled by its first role's title without the code and ordered by the
/// codes' numbers; else one track titled `title`, in the order written.
fn role_tracks(
    ladder: &mut Ladder,
    doc: &SourceDoc,
    levels: Vec<Level>,
    title: &str,
    y: &Y,
    index: usize,
) -> Vec<Track> {
    let letters: Vec<Option<String>> = levels
        .iter()
        .map(|l| l.code.as_deref().map(ids::code_prefix))
        .collect();
    let mut distinct: Vec<String> = Vec::new();
    for l in letters.iter().flatten() {
        if !distinct.contains(l) {
            distinct.push(l.clone());
        }
    }
    let by_letter = distinct.len() >= 2 && letters.iter().all(Option::is_some);
    let description: Vec<Md> = y
        .get("description")
        .and_then(Y::text)
        .map(|d| Md {
            text: d.trim().to_string(),
            doc: index,
            line: y.get("description").map_or(1, Y::line),
        })
        .into_iter()
        .collect();
    let new_track = |ladder: &mut Ladder, title: String, at| Track {
        uid: ladder.uid(),
        title,
        id: None,
        description: description.clone(),
        levels: Vec::new(),
        at,
        final_id: String::new(),
    };
    if !by_letter {
        let mut track = new_track(ladder, title.to_string(), doc.loc_line(1));
        track.levels = levels;
        return vec![track];
    }
    let mut tracks: Vec<Track> = Vec::new();
    for letter in &distinct {
        let mut members: Vec<Level> = levels
            .iter()
            .zip(&letters)
            .filter(|(_, l)| l.as_deref() == Some(letter.as_str()))
            .map(|(lv, _)| lv.clone())
            .collect();
        members.sort_by_key(|l| l.number.map(ids::LevelNumber::sort_key));
        let first = &members[0];
        let name = ids::parse_level_title(&first.title).title;
        let name = if name.is_empty() {
            letter.clone()
        } else {
            name
        };
        let mut track = new_track(ladder, name, first.at.clone());
        track.levels = members;
        tracks.push(track);
    }
    ladder.guess(
        crate::import::model::GuessKind::Structure,
        doc.loc_line(y.get("roles").map_or(1, Y::line)),
        format!(
            "the roles' codes have {} letters ({}): a track each, its levels in the order of their codes' numbers",
            distinct.len(),
            distinct.join(", ")
        ),
    );
    tracks
}

/// `principles` (a list of `title` and `details`) as one free page, a section each.
fn principles(ladder: &mut Ladder, y: &Y, index: usize, doc: &SourceDoc) -> Option<Page> {
    let list = y.get("principles")?;
    let sections: Vec<String> = list
        .items()
        .iter()
        .filter_map(|p| {
            let t = p.get("title").and_then(Y::text)?;
            let d = p.get("details").and_then(Y::text).unwrap_or_default();
            Some(format!("## {}\n\n{}", t.trim(), d.trim()))
        })
        .collect();
    if sections.is_empty() {
        return None;
    }
    Some(Page {
        uid: ladder.uid(),
        title: "Principles".to_string(),
        body: vec![Md {
            text: sections.join("\n\n"),
            doc: index,
            line: list.line(),
        }],
        at: doc.loc_line(list.line()),
        doc_title: String::new(),
        final_id: String::new(),
    })
}
