//! A catalogue of skills, each naming the levels it is expected at: a YAML or JSON sequence
//! of entries with a title, often a description and a category, and a list of level names
//! (`levels: [Foundation, Practitioner]`), as skills frameworks keep their data for a site
//! (Jekyll's `_data/skills.yaml`). The ladder is written the other way round: the names the
//! entries list are the levels, the categories the pillars, and each entry an expectation of
//! every level it names.

use super::*;
use crate::import::ids;
use crate::import::markdown::Outcome;
use crate::import::model::{Cell, CellBlock, Level, Md};
use std::collections::HashMap;

/// Keys that title a skill, most specific first.
const TITLE_KEYS: &[&str] = &["title", "name", "skill"];
/// Keys that list the levels a skill is expected at (`level` only as a list: one text there
/// is a band or a code of the entry's own).
const LEVELS_KEYS: &[&str] = &["levels", "level"];
/// Keys of entries that are no skills: a site's menu (`url`), a shop's or a school's
/// catalogue (`price`).
const OTHER_KEYS: &[&str] = &[
    "url",
    "href",
    "link",
    "path",
    "permalink",
    "price",
    "cost",
    "fee",
    "weeks",
    "duration",
];
/// Keys that name a skill's area: its pillar.
const AREA_KEYS: &[&str] = &["category", "area", "pillar", "theme", "domain", "group"];
/// Keys that describe a skill.
const TEXT_KEYS: &[&str] = &["description", "summary", "desc"];

/// An entry's title, when it has one that is not blank.
fn title(entry: &Y) -> Option<String> {
    first_of(entry, TITLE_KEYS)
        .and_then(|(_, t)| t.text())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The level names an entry lists: `levels` as a list of texts or one text, `level` as a
/// list; each name once, as first written.
fn level_names(entry: &Y) -> Vec<String> {
    let names = match first_of(entry, LEVELS_KEYS) {
        Some(("level", v)) if !matches!(v, Y::Seq(..)) => Vec::new(),
        Some((_, v)) => strings(Some(v)),
        None => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.iter().any(|o| ids::title_key(o) == ids::title_key(&n)) {
            out.push(n);
        }
    }
    out
}

/// True when the document is a sequence of titled entries, two or more (and most) of which
/// list by name the levels they are expected at, some name listed by two or more entries
/// (there are fewer levels than skills); most entries are described or have a category,
/// and none has a key of a menu or a catalogue ([`OTHER_KEYS`]).
pub fn is_skill_list(y: &Y) -> bool {
    let Y::Seq(entries, _) = y else {
        return false;
    };
    let lists: Vec<Vec<String>> = entries.iter().map(level_names).collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    for name in lists.iter().flatten() {
        *count.entry(ids::title_key(name)).or_default() += 1;
    }
    let placed = lists.iter().filter(|l| !l.is_empty()).count();
    let described = entries
        .iter()
        .filter(|e| first_of(e, TEXT_KEYS).is_some() || first_of(e, AREA_KEYS).is_some())
        .count();
    entries.len() >= 2
        && entries
            .iter()
            .all(|e| matches!(e, Y::Map(..)) && title(e).is_some())
        && placed >= 2
        && 2 * placed >= entries.len()
        && 2 * described > entries.len()
        && !entries
            .iter()
            .any(|e| OTHER_KEYS.iter().any(|k| e.get(k).is_some()))
        && count.len() >= 2
        && count.values().any(|&n| n >= 2)
}

/// The level names of all entries, most junior first: each entry's own list is read as an
/// order (`[Foundation, Practitioner]` puts Foundation first), and the lists together give
/// the order (a topological sort); names no list orders keep the order they are first met
/// in, as do names whose lists disagree. Where no list names two, words of seniority rank
/// the names, when they tell each from the others. `lists` holds each entry's names.
fn order(lists: &[Vec<String>]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in lists.iter().flatten() {
        if !names
            .iter()
            .any(|n| ids::title_key(n) == ids::title_key(name))
        {
            names.push(name.clone());
        }
    }
    let at = |n: &String| {
        names
            .iter()
            .position(|x| ids::title_key(x) == ids::title_key(n))
            .expect("gathered")
    };
    // No list names two: the names' words of seniority rank them (`Apprentice`, `Baker`,
    // `Head Baker`), where they tell every two apart.
    if lists.iter().all(|l| l.len() < 2) {
        let ranks: Vec<_> = names.iter().map(|n| ids::seniority(n)).collect();
        if ranks.iter().collect::<std::collections::HashSet<_>>().len() == ranks.len() {
            names.sort_by_key(|n| ids::seniority(n));
        }
        return names;
    }
    // `before[b]` holds the names some list puts right before `b`.
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for list in lists {
        for pair in list.windows(2) {
            let (a, b) = (at(&pair[0]), at(&pair[1]));
            if a != b && !before[b].contains(&a) {
                before[b].push(a);
            }
        }
    }
    let mut placed: Vec<usize> = Vec::new();
    while placed.len() < names.len() {
        let free = (0..names.len())
            .filter(|i| !placed.contains(i))
            .find(|&i| before[i].iter().all(|a| placed.contains(a)));
        // A cycle (lists that disagree): the first name met of those left.
        let next = free.unwrap_or_else(|| {
            (0..names.len())
                .find(|i| !placed.contains(i))
                .expect("left")
        });
        placed.push(next);
    }
    placed.into_iter().map(|i| names[i].clone()).collect()
}

/// Reads a skill catalogue (see [`is_skill_list`]): one track, titled by its file, with a
/// level per name listed, in [`order`]. Each entry is an expectation, `**title**: its
/// description`, with its other keys as notes inside it, in the pillar its category names
/// (one pillar, `Expectations`, when no entry has a category).
pub fn skill_list(ladder: &mut Ladder, index: usize, y: &Y) -> Outcome {
    let doc = ladder.docs[index].clone();
    let entries = y.items();
    let lists: Vec<Vec<String>> = entries.iter().map(level_names).collect();
    let names = order(&lists);
    let mut levels: Vec<Level> = names
        .iter()
        .map(|n| Level::titled(ladder.uid(), n, doc.loc_line(y.line())))
        .collect();
    for (entry, list) in entries.iter().zip(&lists) {
        let area = first_of(entry, AREA_KEYS).and_then(|(_, v)| v.text());
        let area = area.map_or_else(
            || crate::import::infer::PLAIN_PILLAR.to_string(),
            |a| a.trim().to_string(),
        );
        let item = skill(entry);
        for name in list {
            let Some(i) = names
                .iter()
                .position(|n| ids::title_key(n) == ids::title_key(name))
            else {
                continue;
            };
            let level = &mut levels[i];
            let cell = match level.cells.iter().position(|c| c.pillar_title == area) {
                Some(c) => &mut level.cells[c],
                None => {
                    level.cells.push(Cell {
                        pillar_title: area.clone(),
                        pillar_at: doc.loc_line(entry.line()),
                        pillar_id: None,
                        pillar_key: None,
                        pillar_description: Vec::new(),
                        blocks: Vec::new(),
                        pillar: 0,
                    });
                    level.cells.last_mut().expect("pushed")
                }
            };
            cell.blocks.push(CellBlock {
                md: Md {
                    text: item.clone(),
                    doc: index,
                    line: entry.line(),
                },
                item: true,
                tight: false,
            });
        }
    }
    let unplaced: Vec<&Y> = entries
        .iter()
        .zip(&lists)
        .filter(|(_, list)| list.is_empty())
        .map(|(e, _)| e)
        .collect();
    if let Some(first) = unplaced.first() {
        let unplaced: Vec<String> = unplaced
            .iter()
            .filter_map(|e| title(e))
            .map(|t| format!("`{t}`"))
            .collect();
        ladder.guess(
            GuessKind::Dropped,
            doc.loc_line(first.line()),
            match unplaced.len() {
                1 => format!(
                    "1 entry names no level, so no level expects it: not imported ({})",
                    unplaced[0]
                ),
                n => format!(
                    "{n} entries name no level, so no level expects them: not imported ({})",
                    unplaced.join(", ")
                ),
            },
        );
    }
    let shown: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let by = first_of(&entries[0], LEVELS_KEYS).map_or("levels", |(k, _)| k);
    ladder.guess(
        GuessKind::Structure,
        doc.loc_line(y.line()),
        format!(
            "each of the {} entries lists the levels it is expected at (`{by}`): read the other way round, the {} names ({}) are the levels, in the order the entries' lists give, and each entry is an expectation of every level it names, under its category as the pillar",
            entries.len(),
            names.len(),
            shown.join(", ")
        ),
    );
    file_track(
        ladder,
        index,
        levels,
        "JSON or YAML list of skills by level",
    )
}

/// A skill as an expectation: its title in bold, then its description, then each other key
/// (`roles`) as a note inside it.
fn skill(entry: &Y) -> String {
    let title = title(entry).unwrap_or_default();
    let text = first_of(entry, TEXT_KEYS).and_then(|(_, v)| v.text());
    let summary = match text.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => format!("**{title}**: {t}"),
        _ => format!("**{title}**"),
    };
    let used: Vec<&str> = [TITLE_KEYS, LEVELS_KEYS, AREA_KEYS, TEXT_KEYS].concat();
    let notes: Vec<(String, Vec<String>)> = entry
        .keys()
        .into_iter()
        .filter(|k| !used.contains(k))
        .map(|k| (crate::import::titles::capitalised(k), strings(entry.get(k))))
        .collect();
    let notes: Vec<(&str, Vec<String>)> =
        notes.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    expectation(&summary, &notes)
}
