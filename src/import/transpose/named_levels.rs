//! Tracks written as lists of their levels: a section per track whose every expectation is a
//! level's name in bold over its list. See [`levels_as_tracks`].

use crate::import::infer::{level_like, PLAIN_PILLAR};
use crate::import::model::{Cell, CellBlock, FileRef, GuessKind, Ladder, Level, Md, Page, Track};
use crate::import::outline::{dedent, item_content, skip_marker};
use crate::import::{ids, source};

/// Splits each track whose "levels" are tracks written as lists of their levels: sections
/// titled as no level (`### 3.1. Trilha de Engenharia de Software`) whose every expectation is
/// a level's name in bold over its list (`1. **Engenheiro de Software Jr**` / `   - 0-2 anos
/// …`), under headings that group them (`#### Níveis Individuais`, read as pillars). Each such
/// section becomes a track, its description the section's; each bold name a level, in the
/// order written, its nested items the expectations of one pillar. Applies when there are two
/// or more such sections in a track, each with two or more names, two thirds of all names
/// reading as levels ([`level_like`]). A free page of the same document that is only such
/// a list (a track's section with no grouping headings) becomes a track too. Tracks are given
/// with their first documents.
pub(in crate::import) fn levels_as_tracks(
    ladder: &mut Ladder,
    tracks: Vec<(Track, usize)>,
    pages: &mut Vec<Page>,
) -> Vec<(Track, usize)> {
    let mut out = Vec::with_capacity(tracks.len());
    for (track, doc) in tracks {
        let named: Option<Vec<Vec<NamedItem>>> = (track.levels.len() >= 2
            && track.levels.iter().all(|l| {
                l.pending.is_empty() && !level_like(&l.full_title) && !l.cells.is_empty()
            }))
        .then(|| {
            track
                .levels
                .iter()
                .map(|l| {
                    let blocks = l.cells.iter().flat_map(|c| &c.blocks);
                    blocks
                        .map(|b| b.item.then(|| named_item(&b.md)).flatten())
                        .collect()
                })
                .collect::<Option<Vec<Vec<NamedItem>>>>()
        })
        .flatten();
        let (all, like) = named.iter().flatten().flatten().fold((0, 0), |(a, l), n| {
            (a + 1, l + usize::from(level_like(&n.name)))
        });
        // Each track names levels of its own: names that recur from section to section
        // (`**Technical Lead**` and `**Team Manager**` under every level) are paths or
        // pillars within the levels.
        let keys: Vec<Vec<String>> = named
            .iter()
            .flatten()
            .map(|items| items.iter().map(|n| ids::title_key(&n.name)).collect())
            .collect();
        let recurring = keys
            .iter()
            .enumerate()
            .flat_map(|(i, ks)| ks.iter().map(move |k| (i, k)))
            .filter(|(i, k)| {
                keys.iter()
                    .enumerate()
                    .any(|(j, o)| j != *i && o.contains(k))
            })
            .count();
        let Some(named) = named.filter(|n| {
            n.iter().all(|items| items.len() >= 2) && 3 * like >= 2 * all && 3 * recurring <= all
        }) else {
            out.push((track, doc));
            continue;
        };
        let first = out.len();
        let (mut names, mut groups) = (Vec::new(), Vec::new());
        for (old, items) in track.levels.into_iter().zip(named) {
            for c in &old.cells {
                if !groups.contains(&c.pillar_title) {
                    groups.push(c.pillar_title.clone());
                }
            }
            ladder.guesses.retain(|g| g.at != old.at);
            names.extend(items.iter().map(|n| n.name.clone()));
            let new = named_track(ladder, old.title, old.description, old.at, items);
            ladder.retarget(FileRef::Level(old.uid), FileRef::Track(new.uid));
            out.push((new, doc));
        }
        let sections = out.len() - first;
        let made: Vec<String> = names.iter().map(|n| ids::title_key(n)).collect();
        let mut k = 0;
        while k < pages.len() {
            let page = &pages[k];
            // A page that names levels already made (`## Recent promotions` over `**Senior
            // Engineer**` / `  - Priya, March 2024`) is about them.
            let items = (page.at.path == track.at.path)
                .then(|| page.body.iter().map(list_items).collect::<Option<Vec<_>>>())
                .flatten()
                .map(|l| l.into_iter().flatten().collect::<Vec<NamedItem>>())
                .filter(|l| {
                    l.len() >= 2
                        && l.iter().all(|n| {
                            level_like(&n.name) && !made.contains(&ids::title_key(&n.name))
                        })
                });
            let Some(items) = items else {
                k += 1;
                continue;
            };
            let page = pages.remove(k);
            ladder.guesses.retain(|g| g.at != page.at);
            // A page keeps its heading's outline number (`### 2.3. Visitor services`); a
            // track's title, as a level's, has none.
            let title = crate::import::titles::without_outline_number(&page.title).to_string();
            let new = named_track(ladder, title, Vec::new(), page.at, items);
            ladder.retarget(FileRef::Page(page.uid), FileRef::Track(new.uid));
            out.push((new, doc));
        }
        // What described the track of sections describes the first of its tracks.
        let description = track.description;
        out[first].0.description.splice(0..0, description);
        ladder.retarget(FileRef::Track(track.uid), FileRef::Track(out[first].0.uid));
        ladder.guesses.retain(|g| g.at != track.at);
        let said = format!(
            "the {sections} sections under `{}` list levels by name in bold over their expectations (`{}` …): each is a track of those levels, in the order written; headings that group the names (`{}`{}) are not kept",
            track.title,
            names[0],
            groups[0],
            if groups.len() > 1 { ", …" } else { "" },
        );
        ladder.guess(GuessKind::Structure, out[first].0.at.clone(), said);
    }
    out
}

/// A track titled `title`, described by `description`, defined `at`, whose levels are the
/// names in bold over their lists `items`, in their order.
fn named_track(
    ladder: &mut Ladder,
    title: String,
    description: Vec<Md>,
    at: source::Loc,
    items: Vec<NamedItem>,
) -> Track {
    let uid = ladder.uid();
    let levels = items.into_iter().map(|i| named_level(ladder, i)).collect();
    Track {
        uid,
        title,
        id: None,
        description,
        levels,
        at,
        final_id: String::new(),
    }
}

/// The level of a name in bold over its list: one pillar, the list its expectations.
fn named_level(ladder: &mut Ladder, item: NamedItem) -> Level {
    let at = ladder.docs[item.doc].loc_line(item.line);
    let mut level = Level::titled(ladder.uid(), &item.name, at.clone());
    level.cells.push(Cell {
        pillar_title: PLAIN_PILLAR.to_string(),
        pillar_at: at,
        pillar_id: None,
        pillar_key: None,
        pillar_description: Vec::new(),
        blocks: item.blocks,
        pillar: 0,
    });
    level
}

/// The items of a list `md` (items open at its first column) when each is a name in bold
/// over its list (see [`named_item`]); `None` for other text.
fn list_items(md: &Md) -> Option<Vec<NamedItem>> {
    let mut items: Vec<(usize, String)> = Vec::new();
    for (n, line) in md.text.lines().enumerate() {
        let opens = line.starts_with(['-', '*', '+'])
            || line.starts_with(|c: char| c.is_ascii_digit()) && line.contains(". **");
        match items.last_mut() {
            _ if opens => items.push((md.line + n, line.to_string())),
            Some((_, text)) => {
                text.push('\n');
                text.push_str(line);
            }
            None if line.trim().is_empty() => {}
            None => return None,
        }
    }
    items
        .into_iter()
        .map(|(line, text)| {
            named_item(&Md {
                text: text.trim_end().to_string(),
                doc: md.doc,
                line,
            })
        })
        .collect()
}

/// A level named in bold over its list, as [`levels_as_tracks`] reads it.
struct NamedItem {
    name: String,
    /// Where the name is: its document (index into [`Ladder::docs`]) and 1-based line.
    doc: usize,
    line: usize,
    /// What follows the name on its line, as a note, then each nested item.
    blocks: Vec<CellBlock>,
}

/// An expectation that is a name in bold over a nested list (`- **Tech Lead**` / `   -
/// Lidera …`): the name, and the nested items as expectations (numbered ones as bullets),
/// after any text that follows the name on its line. `None` for anything else.
fn named_item(md: &Md) -> Option<NamedItem> {
    let (first, rest) = md.text.split_once('\n')?;
    let line = &first[skip_marker(first, 0)..];
    let inner = line.strip_prefix("**")?;
    let (name, after) = inner.split_once("**")?;
    let after = after.trim_start_matches([':', ' ', '–', '-']).trim();
    let name = name.trim().trim_end_matches(':').trim();
    if name.is_empty() {
        return None;
    }
    let block = |text: String, item: bool, line: usize| CellBlock {
        md: Md {
            text,
            doc: md.doc,
            line,
        },
        item,
        tight: item,
    };
    let mut blocks = Vec::new();
    if !after.is_empty() {
        blocks.push(block(after.to_string(), false, md.line));
    }
    let body = dedent(rest);
    for (n, l) in body.lines().enumerate() {
        let line = md.line + 1 + n;
        match (item_content(l), blocks.last_mut()) {
            (Some(text), _) => blocks.push(block(format!("- {}", text.trim()), true, line)),
            (None, Some(last)) if last.item && !l.trim().is_empty() => {
                last.md.text.push('\n');
                last.md.text.push_str(l);
            }
            (None, _) if l.trim().is_empty() => {}
            _ => return None,
        }
    }
    if let Some(last) = blocks.last_mut() {
        last.tight = false;
    }
    blocks.iter().any(|b| b.item).then(|| NamedItem {
        name: name.to_string(),
        doc: md.doc,
        line: md.line,
        blocks,
    })
}
