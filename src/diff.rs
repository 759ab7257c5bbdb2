//! What changed between two versions of a ladder: the engine of `ladderbook diff` and of the
//! site's `/changes/` page.
//!
//! Two validated [`Ladder`]s are compared in three steps:
//!
//! 1. **Tracks, pillars and levels** are matched by id. One left over on each side is a
//!    rename when the new one lists the old one's address among its `aliases` (levels), or
//!    has the same title, or a body at least [`RENAME_THRESHOLD`] similar (the words of its
//!    description, and for a level its expectations too).
//! 2. **Expectations** of each level × pillar cell are paired with the cell's counterpart by
//!    the comparison pages' engine ([`compare::match_expectations`], [`Pairing::Similar`]),
//!    so a rewording reads the same on a comparison page and in a changelog: a pair whose
//!    words differ is `changed`; the rest are `added` or `removed`.
//! 3. **Moves**: the added and removed expectations of the whole ladder are paired the same
//!    way; a pair at least [`MOVE_THRESHOLD`] similar, in another cell, is one expectation
//!    `moved` (to another pillar, or level), with its rewording if any.
//!
//! Expectations of a level or pillar that was added or removed as a whole are not listed one
//! by one: the level's or pillar's own change says it (with their number).
//!
//! Output for people and programs is in `format`.

mod cell_text;
pub mod format;
mod load;

pub use load::{is_ladder_folder, load_commit, load_folder, load_pair, load_revision, Version};

use crate::compare::{self, Pairing, Status};
use crate::ladder::Ladder;
use crate::permalink;
use serde::Serialize;
use std::collections::HashSet;

/// The least body similarity (see [`compare::similarity`]) at which a level, pillar or track
/// with a new id is the old one renamed. 0.8: a few words of its description reworded.
pub const RENAME_THRESHOLD: f32 = 0.8;

/// The least similarity (see [`compare::Pair::similarity`]) at which an expectation that
/// left one cell and one that arrived in another are the same expectation, moved. Higher
/// than within a cell ([`compare::MATCH_THRESHOLD`]), as an unrelated edit elsewhere in the
/// ladder is more likely than one in the same cell.
pub const MOVE_THRESHOLD: f32 = 0.75;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, different: an expectation reworded, or a field of a level, pillar or track.
    Changed,
    /// An expectation in another level or pillar (perhaps reworded too).
    Moved,
    /// A level, pillar or track with a new id.
    Renamed,
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    /// A track.
    Track,
    /// A pillar.
    Pillar,
    /// A level.
    Level,
    /// One expectation of a level in a pillar.
    Expectation,
    /// The text of a level's cell in a pillar around its expectations: what is written
    /// above them (`lead`), under them (`notes`), or their footnotes (`footnotes`).
    Competency,
}

/// Where an expectation (or a renamed item) was in the old version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct From {
    /// The old level id (for a level or an expectation).
    pub level: Option<String>,
    /// The old pillar id (for a pillar or an expectation).
    pub pillar: Option<String>,
    /// The old track id (for a track).
    pub track: Option<String>,
    /// Where it was, for people: the old level's and pillar's titles (`Senior Engineer,
    /// Delivery`), or the old id of a renamed item.
    pub name: String,
}

/// One change. Ids are the new version's, or the old one's for what was removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: Kind,
    /// To what.
    pub item: Item,
    /// For a `changed` level, pillar or track: which of what readers see
    /// (`title`, `rank`, `code`, `track`, `equivalent`, `summary`, `description`); for a
    /// `changed` competency: `lead`, `notes` or `footnotes`.
    pub field: Option<&'static str>,
    /// The level id, for a level or an expectation.
    pub level: Option<String>,
    /// The level's title.
    pub level_title: Option<String>,
    /// The pillar id, for a pillar or an expectation.
    pub pillar: Option<String>,
    /// The pillar's title.
    pub pillar_title: Option<String>,
    /// The track id, for a track.
    pub track: Option<String>,
    /// The old text (an expectation's plain text, a field's value, a title); `None` for an
    /// addition.
    pub old: Option<String>,
    /// The new text; `None` for a removal.
    pub new: Option<String>,
    /// For `moved` and `renamed`: where it was.
    pub from: Option<From>,
    /// For an expectation in the new version: its anchor on its level page.
    pub anchor: Option<String>,
    /// Sorting key: track, level, pillar, position (not part of the output).
    #[serde(skip)]
    order: (u8, usize, usize, usize, usize),
}

impl Change {
    fn new(kind: Kind, item: Item) -> Change {
        Change {
            kind,
            item,
            field: None,
            level: None,
            level_title: None,
            pillar: None,
            pillar_title: None,
            track: None,
            old: None,
            new: None,
            from: None,
            anchor: None,
            order: (0, 0, 0, 0, 0),
        }
    }
}

/// The anchor of expectation `n` (from 0) of `level` in `pillar` on the level's page: the
/// one place the changelog names anchors, so that it follows the site's scheme (which may
/// come to depend on the level too).
pub(crate) fn anchor(ladder: &Ladder, level: usize, pillar: usize, n: usize) -> String {
    // The number the expectation has on its page (see `crate::anchors`): its position
    // unless ladder.lock kept an earlier one.
    let number = ladder
        .cell(level, pillar)
        .and_then(|c| c.anchors.get(n))
        .map_or(n + 1, |a| a.number);
    permalink::expectation_anchor(&ladder.pillars[pillar].id, number)
}

/// Old index → new index, for one kind of item.
type Matching = Vec<Option<usize>>;

/// What is compared of a track, pillar or level to tell a rename.
struct Named<'a> {
    id: &'a str,
    title: &'a str,
    body: String,
    /// Site paths that redirect to it.
    aliases: &'a [String],
    /// Its address, as an alias would name it.
    address: String,
}

/// One kind of evidence that an item with a new id is an old one renamed.
type RenameTest = &'static dyn Fn(&Named, &Named) -> bool;

/// Matches items by id, then renames (see the module documentation).
fn match_named(old: &[Named], new: &[Named]) -> Matching {
    let mut of: Matching = old
        .iter()
        .map(|o| new.iter().position(|n| n.id == o.id))
        .collect();
    let mut taken: Vec<bool> = vec![false; new.len()];
    for j in of.iter().flatten() {
        taken[*j] = true;
    }
    let tests: [RenameTest; 3] = [
        &|o, n| n.aliases.contains(&o.address),
        &|o, n| o.title == n.title,
        &|o, n| {
            !o.body.trim().is_empty() && compare::similarity(&o.body, &n.body) >= RENAME_THRESHOLD
        },
    ];
    for test in tests {
        for (i, o) in old.iter().enumerate() {
            if of[i].is_some() {
                continue;
            }
            if let Some(j) = (0..new.len()).find(|&j| !taken[j] && test(o, &new[j])) {
                of[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    of
}

fn levels_named(l: &Ladder) -> Vec<Named<'_>> {
    l.levels
        .iter()
        .enumerate()
        .map(|(li, v)| {
            let mut body = v.description.plain().to_string();
            for c in l.competencies.iter().filter(|c| c.level == li) {
                for e in &c.expectations {
                    body.push(' ');
                    body.push_str(e.plain());
                }
            }
            Named {
                id: &v.id,
                title: &v.title,
                body,
                aliases: &v.aliases,
                address: permalink::level(&v.id),
            }
        })
        .collect()
}

/// Reverses a matching: new index → old index.
fn reverse(of: &Matching, new_len: usize) -> Matching {
    let mut back = vec![None; new_len];
    for (i, j) in of.iter().enumerate() {
        if let Some(j) = j {
            back[*j] = Some(i);
        }
    }
    back
}

/// The three matchings of two ladders.
struct Matched {
    tracks: Matching,
    pillars: Matching,
    levels: Matching,
}

/// Every change from `old` to `new`, in reading order: tracks, pillars, then level by level
/// (in the new version's track and rank order; a removed level where it was) and, within a
/// level, pillar by pillar.
pub fn changes(old: &Ladder, new: &Ladder) -> Vec<Change> {
    let m = Matched {
        tracks: match_named(&named(old, true), &named(new, true)),
        pillars: match_named(&named(old, false), &named(new, false)),
        levels: match_named(&levels_named(old), &levels_named(new)),
    };
    let mut out = Vec::new();
    structure(old, new, &m, &mut out);
    expectations(old, new, &m, &mut out);
    out.sort_by_key(|c| c.order);
    out
}

/// Tracks (`tracks`) or pillars of `l`, for [`match_named`].
fn named(l: &Ladder, tracks: bool) -> Vec<Named<'_>> {
    if tracks {
        l.tracks
            .iter()
            .map(|t| Named {
                id: &t.id,
                title: &t.title,
                body: t.description.plain().to_string(),
                aliases: &[],
                address: permalink::track(&t.id),
            })
            .collect()
    } else {
        l.pillars
            .iter()
            .map(|p| Named {
                id: &p.id,
                title: &p.title,
                body: p.description.plain().to_string(),
                aliases: &[],
                address: permalink::pillar(&p.id),
            })
            .collect()
    }
}

/// Sort key of a level of `l`: (its track's position, its rank's position).
fn level_order(l: &Ladder, level: usize) -> (usize, usize) {
    let v = &l.levels[level];
    let pos = l.tracks[v.track]
        .levels
        .iter()
        .position(|&x| x == level)
        .unwrap_or(0);
    (v.track, pos)
}

/// Changes to tracks, pillars and levels themselves.
fn structure(old: &Ladder, new: &Ladder, m: &Matched, out: &mut Vec<Change>) {
    let back_tracks = reverse(&m.tracks, new.tracks.len());
    let back_pillars = reverse(&m.pillars, new.pillars.len());
    let back_levels = reverse(&m.levels, new.levels.len());
    // Tracks.
    for (j, t) in new.tracks.iter().enumerate() {
        let mut c = |kind, field, o: Option<String>, n: Option<String>, from: Option<From>| {
            let mut c = Change::new(kind, Item::Track);
            c.track = Some(t.id.clone());
            c.field = field;
            (c.old, c.new, c.from) = (o, n, from);
            c.order = (0, j, 0, 0, out.len());
            out.push(c);
        };
        match back_tracks[j] {
            None => c(Kind::Added, None, None, Some(t.title.clone()), None),
            Some(i) => {
                let o = &old.tracks[i];
                if o.id != t.id {
                    c(
                        Kind::Renamed,
                        None,
                        Some(o.id.clone()),
                        Some(t.id.clone()),
                        Some(From {
                            level: None,
                            pillar: None,
                            track: Some(o.id.clone()),
                            name: o.id.clone(),
                        }),
                    );
                }
                field(&mut c, "title", &o.title, &t.title);
                field(
                    &mut c,
                    "description",
                    o.description.plain(),
                    t.description.plain(),
                );
            }
        }
    }
    for (i, t) in old.tracks.iter().enumerate() {
        if m.tracks[i].is_none() {
            let mut c = Change::new(Kind::Removed, Item::Track);
            c.track = Some(t.id.clone());
            c.old = Some(t.title.clone());
            c.order = (0, new.tracks.len() + i, 0, 0, 0);
            out.push(c);
        }
    }
    // Pillars.
    for (j, p) in new.pillars.iter().enumerate() {
        let mut c = |kind, field, o: Option<String>, n: Option<String>, from: Option<From>| {
            let mut c = Change::new(kind, Item::Pillar);
            c.pillar = Some(p.id.clone());
            c.pillar_title = Some(p.title.clone());
            c.field = field;
            (c.old, c.new, c.from) = (o, n, from);
            c.order = (1, j, 0, 0, out.len());
            out.push(c);
        };
        match back_pillars[j] {
            None => {
                let n = cell_count(new, |c| c.pillar == j);
                c(Kind::Added, None, None, Some(with_count(&p.title, n)), None);
            }
            Some(i) => {
                let o = &old.pillars[i];
                if o.id != p.id {
                    c(
                        Kind::Renamed,
                        None,
                        Some(o.id.clone()),
                        Some(p.id.clone()),
                        Some(From {
                            level: None,
                            pillar: Some(o.id.clone()),
                            track: None,
                            name: o.id.clone(),
                        }),
                    );
                }
                field(&mut c, "title", &o.title, &p.title);
                field(
                    &mut c,
                    "description",
                    o.description.plain(),
                    p.description.plain(),
                );
            }
        }
    }
    for (i, p) in old.pillars.iter().enumerate() {
        if m.pillars[i].is_none() {
            let mut c = Change::new(Kind::Removed, Item::Pillar);
            c.pillar = Some(p.id.clone());
            c.pillar_title = Some(p.title.clone());
            let n = cell_count(old, |c| c.pillar == i);
            c.old = Some(with_count(&p.title, n));
            c.order = (1, new.pillars.len() + i, 0, 0, 0);
            out.push(c);
        }
    }
    levels(old, new, m, &back_levels, out);
}

/// `title` and, when it had any, how many expectations came or went with it.
fn with_count(title: &str, n: usize) -> String {
    match n {
        0 => title.to_string(),
        1 => format!("{title} (1 expectation)"),
        n => format!("{title} ({n} expectations)"),
    }
}

/// The number of expectations in the cells `keep` selects.
fn cell_count(l: &Ladder, keep: impl Fn(&crate::ladder::Competency) -> bool) -> usize {
    l.competencies
        .iter()
        .filter(|c| keep(c))
        .map(|c| c.expectations.len())
        .sum()
}

/// Reports a field that differs through `c(kind, field, old, new)`.
fn field(
    c: &mut impl FnMut(Kind, Option<&'static str>, Option<String>, Option<String>, Option<From>),
    name: &'static str,
    old: &str,
    new: &str,
) {
    if old != new {
        c(
            Kind::Changed,
            Some(name),
            Some(old.to_string()),
            Some(new.to_string()),
            None,
        );
    }
}

/// Changes to levels: added, removed, renamed, and their front-matter.
fn levels(old: &Ladder, new: &Ladder, m: &Matched, back: &Matching, out: &mut Vec<Change>) {
    for (j, v) in new.levels.iter().enumerate() {
        let (track, pos) = level_order(new, j);
        let mut c = |kind, field, o: Option<String>, n: Option<String>, from: Option<From>| {
            let mut c = Change::new(kind, Item::Level);
            c.level = Some(v.id.clone());
            c.level_title = Some(v.title.clone());
            c.field = field;
            (c.old, c.new, c.from) = (o, n, from);
            c.order = (2, track, pos, 0, out.len());
            out.push(c);
        };
        let Some(i) = back[j] else {
            let n = cell_count(new, |c| c.level == j);
            c(Kind::Added, None, None, Some(with_count(&v.title, n)), None);
            continue;
        };
        let o = &old.levels[i];
        if o.id != v.id {
            c(
                Kind::Renamed,
                None,
                Some(o.id.clone()),
                Some(v.id.clone()),
                Some(From {
                    level: Some(o.id.clone()),
                    pillar: None,
                    track: None,
                    name: o.id.clone(),
                }),
            );
        }
        field(&mut c, "title", &o.title, &v.title);
        field(&mut c, "rank", &o.rank.to_string(), &v.rank.to_string());
        let code = |x: &Option<String>| x.clone().unwrap_or_default();
        field(&mut c, "code", &code(&o.code), &code(&v.code));
        // A level on another track: by the track's id in the new version.
        let old_track = match m.tracks[o.track] {
            Some(t) => new.tracks[t].id.clone(),
            None => old.tracks[o.track].id.clone(),
        };
        field(&mut c, "track", &old_track, &new.tracks[v.track].id);
        // Equivalents, by their ids in the new version.
        let ids = |l: &Ladder, list: &[usize], map: Option<&Matching>| -> String {
            let mut ids: Vec<String> = list
                .iter()
                .map(|&e| match map.and_then(|m| m[e]) {
                    Some(n) => new.levels[n].id.clone(),
                    None => l.levels[e].id.clone(),
                })
                .collect();
            ids.sort();
            ids.join(", ")
        };
        let (oe, ne) = (
            ids(old, &o.equivalents, Some(&m.levels)),
            ids(new, &v.equivalents, None),
        );
        field(&mut c, "equivalent", &oe, &ne);
        if !v.summary_from_description || !o.summary_from_description {
            field(&mut c, "summary", &o.summary, &v.summary);
        }
        field(
            &mut c,
            "description",
            o.description.plain(),
            v.description.plain(),
        );
    }
    for (i, v) in old.levels.iter().enumerate() {
        if m.levels[i].is_none() {
            let mut c = Change::new(Kind::Removed, Item::Level);
            c.level = Some(v.id.clone());
            c.level_title = Some(v.title.clone());
            let n = cell_count(old, |c| c.level == i);
            c.old = Some(with_count(&v.title, n));
            let (t, pos) = level_order(old, i);
            let track = m.tracks[t].unwrap_or(new.tracks.len() + t);
            c.order = (2, track, pos, 0, 0);
            out.push(c);
        }
    }
}

/// One expectation that is only on one side after the cells were paired.
struct Loose<'a> {
    level: usize,
    pillar: usize,
    index: usize,
    text: &'a str,
}

/// Changes to expectations: within each cell, then moves across cells.
fn expectations(old: &Ladder, new: &Ladder, m: &Matched, out: &mut Vec<Change>) {
    let mut removed: Vec<Loose> = Vec::new();
    let mut added: Vec<Loose> = Vec::new();
    let texts = |c: &crate::ladder::Competency| -> Vec<String> {
        c.expectations
            .iter()
            .map(|e| e.plain().to_string())
            .collect()
    };
    let mut paired_new: HashSet<(usize, usize)> = HashSet::new();
    for oc in &old.competencies {
        let loose = |index, text| Loose {
            level: oc.level,
            pillar: oc.pillar,
            index,
            text,
        };
        let target = m.levels[oc.level].zip(m.pillars[oc.pillar]);
        let Some(nc) = target.and_then(|(l, p)| new.cell(l, p)) else {
            removed.extend(
                oc.expectations
                    .iter()
                    .enumerate()
                    .map(|(k, e)| loose(k, e.plain())),
            );
            if let Some((l, p)) = target {
                cell_text::changes(new, (l, p), (Some(oc), None), out);
            }
            continue;
        };
        paired_new.insert((nc.level, nc.pillar));
        cell_text::changes(new, (nc.level, nc.pillar), (Some(oc), Some(nc)), out);
        for pair in compare::match_expectations(&texts(oc), &texts(nc), Pairing::Similar) {
            match (pair.lower, pair.higher) {
                (Some(a), Some(b)) if pair.status != Status::Unchanged => {
                    let mut c = expectation(new, Kind::Changed, nc.level, nc.pillar, b);
                    c.old = Some(oc.expectations[a].plain().to_string());
                    c.new = Some(nc.expectations[b].plain().to_string());
                    out.push(c);
                }
                (Some(a), None) => removed.push(loose(a, oc.expectations[a].plain())),
                (None, Some(b)) => added.push(Loose {
                    level: nc.level,
                    pillar: nc.pillar,
                    index: b,
                    text: nc.expectations[b].plain(),
                }),
                _ => {}
            }
        }
    }
    let (back_levels, back_pillars) = (
        reverse(&m.levels, new.levels.len()),
        reverse(&m.pillars, new.pillars.len()),
    );
    for nc in &new.competencies {
        // A new cell of a level and a pillar both versions have: its notes are new too.
        if !paired_new.contains(&(nc.level, nc.pillar))
            && back_levels[nc.level].is_some()
            && back_pillars[nc.pillar].is_some()
        {
            cell_text::changes(new, (nc.level, nc.pillar), (None, Some(nc)), out);
        }
        if !paired_new.contains(&(nc.level, nc.pillar)) {
            added.extend(nc.expectations.iter().enumerate().map(|(k, e)| Loose {
                level: nc.level,
                pillar: nc.pillar,
                index: k,
                text: e.plain(),
            }));
        }
    }
    moves(old, new, m, &removed, &added, out);
}

/// A change to expectation `index` of `level` in `pillar` of the new version.
fn expectation(new: &Ladder, kind: Kind, level: usize, pillar: usize, index: usize) -> Change {
    let mut c = Change::new(kind, Item::Expectation);
    c.level = Some(new.levels[level].id.clone());
    c.level_title = Some(new.levels[level].title.clone());
    c.pillar = Some(new.pillars[pillar].id.clone());
    c.pillar_title = Some(new.pillars[pillar].title.clone());
    c.anchor = Some(anchor(new, level, pillar, index));
    let (t, pos) = level_order(new, level);
    c.order = (2, t, pos, pillar + 1, index * 2 + 1);
    c
}

/// Pairs what left one cell with what arrived in another (moves); reports the rest as
/// added or removed, unless its level or pillar came or went as a whole.
fn moves(
    old: &Ladder,
    new: &Ladder,
    m: &Matched,
    removed: &[Loose],
    added: &[Loose],
    out: &mut Vec<Change>,
) {
    let texts = |l: &[Loose]| -> Vec<String> { l.iter().map(|x| x.text.to_string()).collect() };
    let mut moved_from = vec![false; removed.len()];
    let mut moved_to = vec![false; added.len()];
    for pair in compare::match_expectations(&texts(removed), &texts(added), Pairing::Similar) {
        let (Some(a), Some(b)) = (pair.lower, pair.higher) else {
            continue;
        };
        if pair.similarity < MOVE_THRESHOLD {
            continue;
        }
        let (r, n) = (&removed[a], &added[b]);
        moved_from[a] = true;
        moved_to[b] = true;
        let mut c = expectation(new, Kind::Moved, n.level, n.pillar, n.index);
        c.old = Some(r.text.to_string());
        c.new = Some(n.text.to_string());
        c.from = Some(From {
            level: Some(old.levels[r.level].id.clone()),
            pillar: Some(old.pillars[r.pillar].id.clone()),
            track: None,
            // Within one level, the pillar it left says where it was.
            name: if old.levels[r.level].id == new.levels[n.level].id {
                old.pillars[r.pillar].title.clone()
            } else {
                format!(
                    "{}, {}",
                    old.levels[r.level].title, old.pillars[r.pillar].title
                )
            },
        });
        out.push(c);
    }
    let back_levels = reverse(&m.levels, new.levels.len());
    let back_pillars = reverse(&m.pillars, new.pillars.len());
    for (b, n) in added.iter().enumerate() {
        if moved_to[b] || back_levels[n.level].is_none() || back_pillars[n.pillar].is_none() {
            continue;
        }
        let mut c = expectation(new, Kind::Added, n.level, n.pillar, n.index);
        c.new = Some(n.text.to_string());
        out.push(c);
    }
    for (a, r) in removed.iter().enumerate() {
        let (Some(level), Some(pillar)) = (m.levels[r.level], m.pillars[r.pillar]) else {
            continue;
        };
        if moved_from[a] {
            continue;
        }
        // Placed in the new version's level and pillar, after the expectation that was
        // before it.
        let mut c = Change::new(Kind::Removed, Item::Expectation);
        c.level = Some(new.levels[level].id.clone());
        c.level_title = Some(new.levels[level].title.clone());
        c.pillar = Some(new.pillars[pillar].id.clone());
        c.pillar_title = Some(new.pillars[pillar].title.clone());
        c.old = Some(r.text.to_string());
        let (t, pos) = level_order(new, level);
        c.order = (2, t, pos, pillar + 1, r.index * 2);
        out.push(c);
    }
}
