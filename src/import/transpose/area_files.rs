//! A folder of one file per competency area, each holding the same levels: one track whose
//! pillars are the files (see [`pillar_files`]).

use super::super::ids;
use super::super::infer::level_like;
use super::super::model::{Cell, CellBlock, FileRef, GuessKind, Ladder, Level, Md, Track};

/// What identifies a level across files that each hold the same levels: its number (`Level 2`
/// and `Level 2 (Junior)` are one level), else its title.
fn level_key(level: &Level) -> String {
    match level.number {
        Some(n) => format!("#{}.{}", n.major, n.minor.unwrap_or(0)),
        None => ids::title_key(&level.title),
    }
}

/// A folder of one file per competency area, each holding the same levels without pillars
/// (Leads.io's skills: `debugging.md`, `communication.md`, … each with `### Level 1` …
/// `### Level 6` over a list). Read file by file, each is a track of its own; this makes them
/// one track whose pillars are the files. Applies to `tracks` (each with its first document)
/// when there are three or more, each the only track of its file, none titled like a level or
/// role, all without pillars, and all with mostly the same levels (at least two, and each
/// sharing at least two thirds of its levels with the others): numbered (`Level 1`), or else
/// titled by seniority alone, in the same order in every file, in five files or
/// more, or three where `title` or the files' folder names skills (`Junior` … `Expert`; files
/// of tracks name a role, `Junior Engineer`, or are few). The new track is titled `title`; it
/// takes the place of the first.
pub(in crate::import) fn pillar_files(
    ladder: &mut Ladder,
    tracks: &mut Vec<(Track, usize)>,
    title: &str,
) {
    let plain = |t: &Track| {
        t.levels.iter().all(|l| {
            l.pending.is_empty()
                && l.cells.len() == 1
                && l.cells[0].pillar_title == super::super::infer::PLAIN_PILLAR
        })
    };
    let mut per_doc: std::collections::HashMap<usize, usize> = Default::default();
    for (_, doc) in tracks.iter() {
        *per_doc.entry(*doc).or_default() += 1;
    }
    // Most files hold their levels' lists alone; a few may name parts of their area in
    // bold over its lists (`**Strategy Analysis:**`, as one of Infopulse's BA matrix files
    // does) or open their bullets with labels, which stay in that area's cells.
    let members: Vec<usize> = (0..tracks.len())
        .filter(|&i| {
            let (t, doc) = &tracks[i];
            per_doc[doc] == 1 && t.levels.len() >= 2 && !level_like(&t.title)
        })
        .collect();
    let plain_files = members.iter().filter(|&&i| plain(&tracks[i].0)).count();
    if members.len() < 3 || members.len() != tracks.len() || 2 * plain_files <= members.len() {
        return;
    }
    // Levels named only by seniority (`## Junior` … `## Expert`, Infopulse's skill matrices)
    // make one ladder when every file names the same ones in the same order; files of
    // tracks name a role too (`Junior Engineer`). Numbered levels (`Level 2`) may differ a
    // little from file to file.
    let titles_of = |i: usize| -> Vec<String> {
        tracks[i]
            .0
            .levels
            .iter()
            .map(|l| ids::title_key(&l.title))
            .collect()
    };
    let numbered = members
        .iter()
        .all(|&i| tracks[i].0.levels.iter().all(|l| l.number.is_some()));
    // Three files of `## Junior` … `## Senior` are as often three tracks (Backend, Frontend,
    // Data); five or more, a skill matrix; three or more where the ladder's title or the
    // files' folder says they are skills (`Tech Skills Matrix`, `matrix/`, `competencies/`).
    let areas = |text: &str| {
        super::super::titles::any_word(
            &text.replace(['-', '_'], " "),
            &[
                "skill",
                "skills",
                "competency",
                "competencies",
                "matrix",
                "areas",
            ],
        )
    };
    let said = areas(title)
        || members.iter().all(|&i| {
            let path = &tracks[i].0.levels[0].at.path;
            let dir = super::super::source::dir_of(path);
            areas(dir.rsplit('/').next().unwrap_or(""))
        });
    // A file may leave a level out (no `## Junior` in an area a junior does not work in),
    // but none orders two of them otherwise than another does.
    let in_order = |a: &[String], b: &[String]| {
        let at = |t: &String| b.iter().position(|u| u == t);
        let places: Vec<usize> = a.iter().filter_map(at).collect();
        places.windows(2).all(|w| w[0] < w[1])
    };
    let ranks = (members.len() >= 5 || said)
        && members.iter().all(|&i| {
            members
                .iter()
                .all(|&j| in_order(&titles_of(i), &titles_of(j)))
                && tracks[i]
                    .0
                    .levels
                    .iter()
                    .all(|l| ids::only_seniority(&l.title))
        });
    if !numbered && !ranks {
        return;
    }
    // The levels in order of their first file that has them, each titled as most files
    // title it (`Level 2`, where one file writes `Level 2 (Mid)`).
    let mut order: Vec<(String, super::super::source::Loc)> = Vec::new();
    let mut titles: Vec<(String, String, usize)> = Vec::new();
    for &i in &members {
        for l in &tracks[i].0.levels {
            let key = level_key(l);
            if !order.iter().any(|(k, _)| *k == key) {
                order.push((key.clone(), l.at.clone()));
            }
            match titles
                .iter_mut()
                .find(|(k, t, _)| *k == key && *t == l.full_title)
            {
                Some((_, _, n)) => *n += 1,
                None => titles.push((key, l.full_title.clone(), 1)),
            }
        }
    }
    let most_common = |key: &str| -> String {
        let mut best: Option<&(String, String, usize)> = None;
        for t in titles.iter().filter(|t| t.0 == key) {
            if best.is_none_or(|b| t.2 > b.2) {
                best = Some(t);
            }
        }
        best.map(|t| t.1.clone()).unwrap_or_default()
    };
    let shared = members.iter().all(|&i| {
        let keys: Vec<String> = tracks[i].0.levels.iter().map(level_key).collect();
        let common = keys
            .iter()
            .filter(|k| {
                members
                    .iter()
                    .filter(|&&j| tracks[j].0.levels.iter().any(|l| level_key(l) == **k))
                    .count()
                    * 2
                    > members.len()
            })
            .count();
        common >= 2 && common * 3 >= keys.len() * 2
    });
    if !shared {
        return;
    }
    let first_at = tracks[members[0]].0.at.clone();
    let mut levels: Vec<Level> = order
        .iter()
        .map(|(key, at)| Level::titled(ladder.uid(), &most_common(key), at.clone()))
        .collect();
    let mut old: Vec<(Track, usize)> = std::mem::take(tracks);
    // Levels that sit under one heading every file repeats (`## The developer's role`):
    // each file's own title names its area.
    let first = ids::title_key(&old[0].0.title);
    if old.iter().all(|(t, _)| ids::title_key(&t.title) == first) {
        for (t, doc) in &mut old {
            if let Some(title) = page_title(&ladder.docs[*doc].text) {
                t.title = title;
                t.id = None;
            }
        }
    }
    let areas: Vec<String> = old.iter().map(|(t, _)| t.title.clone()).collect();
    for (track, _) in &old {
        for l in &track.levels {
            let key = level_key(l);
            let Some(at) = order.iter().position(|(k, _)| *k == key) else {
                continue;
            };
            // A level's line before its list (`### Level 4` / `Uses good technical approaches
            // by default.`) sums it up in that area: the first of its expectations there; a
            // list before its bold parts is as many expectations.
            let mut blocks: Vec<CellBlock> = l.description.iter().flat_map(summed_up).collect();
            for cell in &l.cells {
                cell_parts(cell, &mut blocks);
            }
            // Bullets whose labels would have named pillars (`- **Mentoring:** …`) are the
            // area's expectations, their labels kept; all in the order written.
            blocks.extend(l.pending.iter().map(|p| p.block.clone()));
            blocks.sort_by_key(|b| (b.md.doc, b.md.line));
            levels[at].cells.push(Cell {
                pillar_title: track.title.clone(),
                pillar_at: track.at.clone(),
                // A file named by its number alone (`01.md`) names no pillar: its title does.
                pillar_id: track
                    .id
                    .clone()
                    .filter(|id| !id.chars().all(|c| c.is_ascii_digit())),
                pillar_key: None,
                pillar_description: track.description.clone(),
                blocks,
                pillar: 0,
            });
            ladder.retarget(FileRef::Level(l.uid), FileRef::Level(levels[at].uid));
        }
    }
    let uid = ladder.uid();
    for (track, _) in &old {
        ladder.retarget(FileRef::Track(track.uid), FileRef::Track(uid));
    }
    // How each file's levels were read (one pillar `Expectations`) no longer holds.
    let docs: Vec<&str> = old.iter().map(|(t, _)| t.at.path.as_str()).collect();
    ladder.guesses.retain(|g| {
        !(g.kind == GuessKind::Structure
            && docs.contains(&g.at.path.as_str())
            && g.text.starts_with("levels are "))
    });
    let first_doc = old[0].1;
    let n = areas.len();
    let names = format!("`{}` … `{}`", areas[0], areas[n - 1]);
    ladder.guess_first(
        GuessKind::Structure,
        first_at.clone(),
        format!(
            "the {n} files ({names}) each hold the same levels without pillars, so each file is a pillar (a competency area) of one track `{title}`, not a track of its own",
        ),
    );
    tracks.push((
        Track {
            uid,
            title: title.to_string(),
            id: None,
            description: Vec::new(),
            levels,
            at: first_at,
            final_id: String::new(),
        },
        first_doc,
    ));
}

/// Adds `cell`'s blocks, from a level of one area's file, to that area's cell: a part of the
/// area named in bold (`**Greeting:**`) over its own, as a note; in a file without such
/// parts, a paragraph before the level's list sums the level up in that area (read as a note
/// beside the list), the first of its expectations there.
fn cell_parts(cell: &Cell, blocks: &mut Vec<CellBlock>) {
    let part = cell.pillar_title != super::super::infer::PLAIN_PILLAR;
    if part {
        let (doc, line) = cell
            .blocks
            .first()
            .map_or((0, cell.pillar_at.line), |b| (b.md.doc, b.md.line));
        blocks.push(CellBlock {
            md: Md {
                text: format!("**{}:**", cell.pillar_title.trim().trim_end_matches(':')),
                doc,
                line: cell.pillar_at.line.min(line),
            },
            item: false,
            tight: false,
        });
    }
    // A bold label over the list (`**Technique:**`, `**Leadership**`) names it, as a part's
    // name does: a note.
    let lead = cell
        .blocks
        .iter()
        .take_while(|b| !b.item && !label(&b.md.text))
        .count();
    let has_items = cell.blocks.iter().any(|b| b.item);
    for (k, b) in cell.blocks.iter().enumerate() {
        let mut b = b.clone();
        if k < lead && has_items && !part {
            b.md.text = format!("- {}", b.md.text.trim().replace('\n', "\n  "));
            b.item = true;
            b.tight = true;
        }
        blocks.push(b);
    }
}

/// A level's description in one area's file as that area's expectations: each item of a list
/// (`- Has good communication skills.` over the level's bold parts), else the text as one.
fn summed_up(md: &Md) -> Vec<CellBlock> {
    let text = md.text.trim();
    let item = |t: &str, line: usize| CellBlock {
        md: Md {
            text: format!("- {}", t.trim().replace('\n', "\n  ")),
            line,
            ..md.clone()
        },
        item: true,
        tight: true,
    };
    if label(text) {
        return vec![CellBlock {
            md: md.clone(),
            item: false,
            tight: false,
        }];
    }
    if !text.starts_with(['-', '*', '+']) || !text[1..].starts_with(' ') {
        return vec![item(text, md.line)];
    }
    // Items start at a marker in the first column; lines indented under them stay theirs.
    let mut items: Vec<(usize, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        match line
            .strip_prefix(['-', '*', '+'])
            .filter(|r| r.starts_with(' '))
        {
            Some(rest) => items.push((md.line + n, rest.trim_start().to_string())),
            None => match items.last_mut() {
                Some((_, t)) => {
                    t.push('\n');
                    t.push_str(line.strip_prefix("  ").unwrap_or(line));
                }
                None => items.push((md.line + n, line.to_string())),
            },
        }
    }
    items.iter().map(|(line, t)| item(t, *line)).collect()
}

/// Whether `text` is a bold label alone on its line (`**Technique:**`, `**Leadership**`):
/// the name of the list under it, not an expectation.
fn label(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("**")
        && (t.ends_with("**") || t.ends_with("**:"))
        && !t.contains('\n')
        && t.split_whitespace().count() <= 8
}

/// The text of the first level-1 heading of Markdown `text` (`# Kneading`), if it has one.
fn page_title(text: &str) -> Option<String> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut title: Option<String> = None;
    for ev in Parser::new_ext(text, crate::markdown::options()) {
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => title = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(title) = &mut title {
                    title.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                return title
                    .map(|t| ids::clean_title(&t))
                    .filter(|t| !t.is_empty());
            }
            _ => {}
        }
    }
    None
}
