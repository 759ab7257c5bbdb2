//! Expectation anchors that follow the expectation, and the guard on published addresses.
//!
//! An expectation's anchor is `<pillar>--<number>` on its level's page. Without a
//! `ladder.lock` ([`crate::lock`]) the numbers are positions, 1 upward (what every build
//! before the lockfile published). With one, each expectation keeps the number it was
//! published under:
//!
//! 1. an expectation whose words are those of a published one of the same level and
//!    pillar keeps its number, wherever it now stands in the list;
//! 2. the rest are paired with the published ones left by the comparison pages' pairing
//!    ([`crate::compare::Pairing::Similar`]: at least half their content words shared), so a
//!    reworded expectation keeps its number;
//! 3. an expectation that is new gets the next number the cell has never used, so an old
//!    link never lands on a different expectation;
//! 4. a published expectation that moved to another pillar of the same level, word for
//!    word, keeps its old anchor too.
//!
//! A published anchor or page address that is left over is *lost*: `check` and `build`
//! report it (a build does not drop it from the lockfile unless told to), `serve` only warns.

use crate::compare::{match_expectations, Pairing, Status};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::lock::{Lock, LockedAnchor};
use crate::permalink;
use foldhash::{HashMap, HashSet};
use std::collections::{BTreeMap, BTreeSet};

/// The anchor of one expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Its number: the anchor is `<pillar>--<number>`.
    pub number: usize,
    /// Further anchors it answers to: those it had in another pillar of its level before it
    /// moved (full anchors, `craft--3`).
    pub also: Vec<String>,
    /// The id its author gave it (`{#on-call}` at the end of its first line): its permalink
    /// when there is one.
    pub own: Option<String>,
}

/// One cell to give anchors: level and pillar ids, and the expectations' plain texts.
#[derive(Debug)]
pub struct Cell<'a> {
    /// The level's id.
    pub level: &'a str,
    /// The pillar's id.
    pub pillar: &'a str,
    /// The expectations, as plain text, in order.
    pub texts: Vec<&'a str>,
    /// The competency file, for diagnostics.
    pub source: &'a str,
    /// Ids the level had before a rename, from its aliases (`levels/<id>/`): what was
    /// published under them is the level's too, as its old address redirects here.
    pub former: Vec<&'a str>,
}

/// Words as compared here: lowercased, letters and digits only.
fn key(text: &str) -> Vec<String> {
    crate::compare::words(text)
}

/// A published anchor that no expectation has any more, and the file to report it in (the
/// competency file it was in, or `ladder.lock` when the whole cell is gone).
#[derive(Debug, Clone)]
pub struct LostAnchor {
    /// The anchor as `ladder.lock` lists it.
    pub anchor: LockedAnchor,
    /// Where to report it: a content path, or [`crate::lock::FILE_NAME`].
    pub source: String,
}

impl LostAnchor {
    /// The `lost-anchor` error.
    pub fn diagnostic(&self) -> Diagnostic {
        lost_anchor(&self.anchor, &self.source)
    }

    /// The `lost-anchor` error, placed in `file` (the text of [`LostAnchor::source`]) where
    /// the expectation's words still stand, when a line of its body that is not an item of
    /// the list starts with them (compared as words, so that smart punctuation and inline
    /// markup do not count): indented under another item they continue it (CommonMark
    /// §5.2), and outside the list they are notes; either way they are no expectation of
    /// their own, and the author sees the text still there.
    pub fn diagnostic_in(&self, file: &SourceFile) -> Diagnostic {
        let want = crate::compare::words(&self.anchor.text);
        let head = &want[..want.len().min(8)];
        let body = crate::frontmatter::split(file).map_or(0, |s| s.body_offset);
        let mut at = body;
        let mut found = None;
        for line in file.text[body..].split_inclusive('\n') {
            let text = line.trim_start_matches([' ', '\t']);
            let indent = &line[..line.len() - text.len()];
            let item = indent.len() <= 3 && !indent.contains('\t') && starts_item(text);
            if head.len() >= 3 && !item && crate::compare::words(line).starts_with(head) {
                let indented = indent.len() >= 4 || indent.contains('\t');
                found = Some((at + indent.len(), indented));
                break;
            }
            at += line.len();
        }
        let Some((at, indented)) = found else {
            return self.diagnostic();
        };
        let mut d = lost_anchor(&self.anchor, &self.source);
        let placed = file.error(d.code, at, String::new(), String::new());
        d.line = placed.line;
        d.column = placed.column;
        d.message.push_str(if indented {
            ": its words are still here, but not as a list item of their own (an indented line continues the item above it)"
        } else {
            ": its words are still here, but outside the list, where they are notes"
        });
        d
    }
}

/// Whether a line (its indentation taken off) starts a list item: `-`, `*` or `+`, or a
/// number and `.` or `)`, then a space (CommonMark §5.2).
fn starts_item(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let marker = if rest.len() < text.len() {
        rest.strip_prefix(['.', ')'])
    } else {
        text.strip_prefix(['-', '*', '+'])
    };
    marker.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\n', '\r']))
}

/// The anchors of every cell (same order as `cells`), and the published anchors that no
/// expectation has any more: as [`LostAnchor`]s (errors, see [`lost`]), and as retired lock
/// entries, which is what they become once the removal is accepted.
pub fn assign(
    cells: &[Cell],
    lock: Option<&Lock>,
) -> (Vec<Vec<Anchor>>, Vec<LostAnchor>, Vec<LockedAnchor>) {
    let Some(lock) = lock else {
        let positional = cells
            .iter()
            .map(|c| {
                (1..=c.texts.len())
                    .map(|number| Anchor {
                        number,
                        also: Vec::new(),
                        own: None,
                    })
                    .collect()
            })
            .collect();
        return (positional, Vec::new(), Vec::new());
    };
    let mut published: Published = HashMap::default();
    // The highest retired number of each cell (looked up per cell, not searched for).
    let mut retired_max: HashMap<(&str, &str), usize> = HashMap::default();
    for a in lock.anchors.iter().filter(|a| a.retired) {
        let m = retired_max
            .entry((a.level.as_str(), a.pillar.as_str()))
            .or_default();
        *m = (*m).max(a.number);
    }
    for a in lock.anchors.iter().filter(|a| !a.retired) {
        published
            .entry((a.level.as_str(), a.pillar.as_str()))
            .or_default()
            .push(a);
    }
    // Each cell on its own, on every core; then, in the cells' order, what step 4 needs.
    let per_cell: Vec<CellAnchors> = {
        use rayon::prelude::*;
        cells
            .par_iter()
            .map(|c| cell_anchors(c, &published, &retired_max))
            .collect()
    };
    let mut out = Vec::with_capacity(cells.len());
    // Per level: published anchors no expectation kept, and expectations that got a new
    // number (cell index, position), to recognise moves between pillars.
    let mut left: Vec<(&LockedAnchor, &str)> = Vec::new();
    let mut fresh: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
    let mut seen_cells = BTreeSet::new();
    for (ci, (c, done)) in cells.iter().zip(per_cell).enumerate() {
        seen_cells.insert((c.level, c.pillar));
        seen_cells.extend(c.former.iter().map(|f| (*f, c.pillar)));
        if !done.fresh.is_empty() {
            fresh
                .entry(c.level)
                .or_default()
                .extend(done.fresh.iter().map(|&i| (ci, i)));
        }
        left.extend(done.left.into_iter().map(|a| (a, c.source)));
        out.push(done.anchors);
    }
    // Cells that are gone entirely.
    for ((level, pillar), anchors) in &published {
        if !seen_cells.contains(&(*level, *pillar)) {
            left.extend(anchors.iter().map(|a| (*a, crate::lock::FILE_NAME)));
        }
    }
    let (lost, gone) = settle_left(left, &fresh, cells, &retired_max, &mut out);
    (out, lost, gone)
}

/// A level's expectations by their words ([`key`]): (cell index, position) of each.
type ByWords = HashMap<Vec<String>, Vec<(usize, usize)>>;

/// Published anchors by (level id, pillar id).
type Published<'l> = HashMap<(&'l str, &'l str), Vec<&'l LockedAnchor>>;

/// Steps 1–3 of [`assign`] for one cell.
struct CellAnchors<'l> {
    /// The cell's anchors, in order.
    anchors: Vec<Anchor>,
    /// Positions of the expectations that got a new number.
    fresh: Vec<usize>,
    /// Published anchors of the cell that no expectation kept.
    left: Vec<&'l LockedAnchor>,
}

/// Each of `new` paired with the first equal one of `old` not paired yet, in order (`None`s
/// are left out): (index in `new`, index in `old`). Searched for a cell of a few, looked up
/// for a cell of thousands, which a search would cost in their square.
fn equal_pairs<K: Eq + std::hash::Hash>(
    new: &[Option<K>],
    old: &[Option<K>],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if new.len() * old.len() <= 1024 {
        let mut taken = vec![false; old.len()];
        for (i, k) in new.iter().enumerate() {
            let Some(k) = k else { continue };
            if let Some(o) = (0..old.len()).find(|&o| !taken[o] && old[o].as_ref() == Some(k)) {
                taken[o] = true;
                out.push((i, o));
            }
        }
        return out;
    }
    let mut at: HashMap<&K, std::collections::VecDeque<usize>> = HashMap::default();
    for (o, k) in old.iter().enumerate() {
        if let Some(k) = k {
            at.entry(k).or_default().push_back(o);
        }
    }
    for (i, k) in new.iter().enumerate() {
        if let Some(o) = k.as_ref().and_then(|k| at.get_mut(k)?.pop_front()) {
            out.push((i, o));
        }
    }
    out
}

/// Steps 1–3 of [`assign`] for cell `c`: what the lock published for it (and for its level's
/// former ids) in `published`, and the highest retired number of each cell in `retired_max`.
fn cell_anchors<'l>(
    c: &Cell,
    published: &Published<'l>,
    retired_max: &HashMap<(&str, &str), usize>,
) -> CellAnchors<'l> {
    let mut old = published
        .get(&(c.level, c.pillar))
        .cloned()
        .unwrap_or_default();
    // A number the level's own cell ever published (kept, lost now, or retired) is never
    // another level's to bring in: a link to it would land on a different expectation. Such
    // an anchor of a former level is left over (see `settle_left`).
    let own_retired = retired_max.get(&(c.level, c.pillar)).copied().unwrap_or(0);
    let own: Vec<usize> = old.iter().map(|a| a.number).collect();
    let mut barred = Vec::new();
    for f in &c.former {
        for a in published.get(&(*f, c.pillar)).into_iter().flatten() {
            if a.number <= own_retired || own.contains(&a.number) {
                barred.push(*a);
            } else {
                old.push(a);
            }
        }
    }
    let mut number: Vec<Option<usize>> = vec![None; c.texts.len()];
    // The published anchor each expectation kept, by index into `old`.
    let mut from: Vec<usize> = vec![usize::MAX; c.texts.len()];
    let mut kept = vec![false; old.len()];
    // 1. The same text (an unchanged ladder ends here), then the same words.
    let unpaired = |number: &[Option<usize>], i: usize| number[i].is_none();
    let texts: Vec<Option<&str>> = c.texts.iter().map(|t| Some(*t)).collect();
    let olds: Vec<Option<&str>> = old.iter().map(|a| Some(a.text.as_str())).collect();
    for (i, o) in equal_pairs(&texts, &olds) {
        kept[o] = true;
        number[i] = Some(old[o].number);
        from[i] = o;
    }
    if number.iter().any(Option::is_none) && kept.iter().any(|k| !k) {
        let keys: Vec<Option<Vec<String>>> = (0..c.texts.len())
            .map(|i| unpaired(&number, i).then(|| key(c.texts[i])))
            .collect();
        let old_keys: Vec<Option<Vec<String>>> = old
            .iter()
            .zip(&kept)
            .map(|(a, k)| (!k).then(|| key(&a.text)))
            .collect();
        for (i, o) in equal_pairs(&keys, &old_keys) {
            kept[o] = true;
            number[i] = Some(old[o].number);
            from[i] = o;
        }
    }
    // 2. Reworded.
    let rest_new: Vec<usize> = (0..c.texts.len())
        .filter(|&i| number[i].is_none())
        .collect();
    let rest_old: Vec<usize> = (0..old.len()).filter(|&o| !kept[o]).collect();
    if !rest_new.is_empty() && !rest_old.is_empty() {
        let olds: Vec<String> = rest_old.iter().map(|&o| old[o].text.clone()).collect();
        let news: Vec<String> = rest_new.iter().map(|&i| c.texts[i].to_string()).collect();
        for pair in match_expectations(&olds, &news, Pairing::Similar) {
            if let (Some(x), Some(y), Status::Changed | Status::Rewritten) =
                (pair.lower, pair.higher, pair.status)
            {
                kept[rest_old[x]] = true;
                number[rest_new[y]] = Some(old[rest_old[x]].number);
                from[rest_new[y]] = rest_old[x];
            }
        }
    }
    if !c.former.is_empty() {
        one_number_once(c.level, &old, &mut number, &from, &mut kept);
    }
    // 3. New: numbers the cell never used (retired ones included).
    let retired = std::iter::once(c.level)
        .chain(c.former.iter().copied())
        .filter_map(|l| retired_max.get(&(l, c.pillar)).copied());
    let mut next = old
        .iter()
        .map(|a| a.number)
        .chain(retired)
        .chain(number.iter().flatten().copied())
        .max()
        .unwrap_or(0);
    let mut fresh = Vec::new();
    let anchors: Vec<Anchor> = number
        .iter()
        .enumerate()
        .map(|(i, n)| Anchor {
            number: n.unwrap_or_else(|| {
                next += 1;
                fresh.push(i);
                next
            }),
            also: Vec::new(),
            own: None,
        })
        .collect();
    let left = old
        .iter()
        .zip(&kept)
        .filter(|(_, k)| !**k)
        .map(|(a, _)| *a)
        .chain(barred)
        .collect();
    CellAnchors {
        anchors,
        fresh,
        left,
    }
}

/// A level that took in another level's expectations (its alias names the other's old
/// address) can be given one number twice in a cell: its own published one and the other
/// level's. Its own keeps it; the other expectation gets a new number in step 3, and the
/// other level's anchor is left over (to be reported, as it can no longer be that
/// expectation's: two elements of a page cannot share an id).
fn one_number_once(
    level: &str,
    old: &[&LockedAnchor],
    number: &mut [Option<usize>],
    from: &[usize],
    kept: &mut [bool],
) {
    let mut holder: HashMap<usize, usize> = HashMap::default();
    for i in 0..number.len() {
        let Some(n) = number[i] else { continue };
        let Some(&j) = holder.get(&n) else {
            holder.insert(n, i);
            continue;
        };
        let loser = if old[from[i]].level == level { j } else { i };
        number[loser] = None;
        kept[from[loser]] = false;
        holder.insert(n, i + j - loser);
    }
}

/// Step 4 of [`assign`]: each published anchor no expectation of its cell kept (with the file
/// to report it in) either moved, word for word, to another pillar of the same level (then
/// it becomes that expectation's second id, in `out`), or is lost: a `lost-anchor` error, and
/// the retired lock entry it becomes once the removal is accepted. `fresh` lists, per level
/// id, the (cell, position) of each expectation that got a new number: those are looked at
/// first. An anchor that moved in an earlier build is in the lock under its old pillar too
/// (see [`crate::ladder::Ladder::lock_text`]), while its expectation kept its new number:
/// any expectation of the level with the same words takes it back. An anchor of a level's
/// former id (an alias `levels/<id>/`) is looked for on the level that has that alias.
fn settle_left(
    mut left: Vec<(&LockedAnchor, &str)>,
    fresh: &HashMap<&str, Vec<(usize, usize)>>,
    cells: &[Cell],
    retired_max: &HashMap<(&str, &str), usize>,
    out: &mut [Vec<Anchor>],
) -> (Vec<LostAnchor>, Vec<LockedAnchor>) {
    let (mut lost, mut gone) = (Vec::new(), Vec::new());
    // The level an id names now (itself, or the level that has it as a former id), and each
    // level's cells, made only when something is left.
    let mut now: HashMap<&str, &str> = HashMap::default();
    let mut of_level: HashMap<&str, Vec<usize>> = HashMap::default();
    if !left.is_empty() {
        for (ci, c) in cells.iter().enumerate() {
            now.insert(c.level, c.level);
            for f in &c.former {
                now.entry(f).or_insert(c.level);
            }
            of_level.entry(c.level).or_default().push(ci);
        }
    }
    // A level's own anchors first, then those of the levels it took in: when both have one
    // of the same name, the level's own keeps it.
    let former = |a: &LockedAnchor| now.get(a.level.as_str()).is_some_and(|l| *l != a.level);
    left.sort_by(|x, y| (former(x.0), x.0).cmp(&(former(y.0), y.0)));
    // The anchors given so far, by level: an id is given once on a page.
    let mut given: HashMap<&str, Vec<String>> = HashMap::default();
    for (ci, c) in cells.iter().enumerate() {
        let ids = given.entry(c.level).or_default();
        ids.extend(out[ci].iter().flat_map(|a| a.also.iter().cloned()));
    }
    // Looked up, not searched, so that thousands left over cost in proportion: each
    // level's expectations by their words (those with a new number first), and the numbers
    // each cell gives.
    let fresh: HashSet<(usize, usize)> = fresh.values().flatten().copied().collect();
    let mut by_words: HashMap<&str, ByWords> = HashMap::default();
    let mut numbers: HashMap<(&str, &str), HashSet<usize>> = HashMap::default();
    if !left.is_empty() {
        for (ci, c) in cells.iter().enumerate() {
            let words = by_words.entry(c.level).or_default();
            for (i, t) in c.texts.iter().enumerate() {
                words.entry(key(t)).or_default().push((ci, i));
            }
            numbers
                .entry((c.level, c.pillar))
                .or_default()
                .extend(out[ci].iter().map(|x| x.number));
        }
        for list in by_words.values_mut().flat_map(|w| w.values_mut()) {
            list.sort_by_key(|at| !fresh.contains(at));
        }
    }
    for (a, source) in left {
        let level = now.get(a.level.as_str()).copied().unwrap_or(&a.level);
        let same_words = by_words.get(level).and_then(|w| w.get(&key(&a.text)));
        let moved = same_words.and_then(|list| {
            list.iter()
                .copied()
                .find(|&(ci, i)| fresh.contains(&(ci, i)) || cells[ci].pillar != a.pillar)
        });
        // Not an anchor the level's page already gives an expectation of that pillar.
        let taken = || {
            numbers
                .get(&(level, a.pillar.as_str()))
                .is_some_and(|n| n.contains(&a.number))
        };
        let anchor = permalink::expectation_anchor(&a.pillar, a.number);
        // Nor one the level published itself, lost now or retired, for a level taken in.
        let retired = former(a)
            && retired_max
                .get(&(level, a.pillar.as_str()))
                .is_some_and(|&max| a.number <= max);
        let free =
            !taken() && !retired && !given.get(level).is_some_and(|ids| ids.contains(&anchor));
        given.entry(level).or_default().push(anchor.clone());
        match moved.filter(|_| free) {
            Some((ci, i)) => out[ci][i].also.push(anchor),
            None => {
                lost.push(LostAnchor {
                    anchor: a.clone(),
                    source: source.to_string(),
                });
                gone.push(LockedAnchor {
                    text: String::new(),
                    retired: true,
                    ..a.clone()
                });
            }
        }
    }
    (lost, gone)
}

fn lost_anchor(a: &LockedAnchor, source: &str) -> Diagnostic {
    Diagnostic::error(
        "lost-anchor",
        source,
        (1, 1),
        format!(
            "the expectation /{}#{} (\"{}\") was published and is gone",
            permalink::level(&a.level),
            permalink::expectation_anchor(&a.pillar, a.number),
            crate::lock::short(&a.text)
        ),
        "links to it no longer land anywhere: restore it (reworded is fine while at least half of its content words stay), or if it was removed on purpose or the ladder has not been published yet, run `ladderbook build --accept-removals`, which drops it from ladder.lock",
    )
}

/// What `lock` lists that the ladder has lost, as errors (`file_of` gives the text of a
/// content file by its path, to place an anchor's error where its words still stand): each published page (`lock.pages`)
/// that is not among `pages` (every address the site has now, aliases included), code
/// `lost-address`; and each of `anchors` (code `lost-anchor`), but those on a lost level's
/// page, which that page's error counts (an alias that brings the page back brings them
/// back), and those of cells that are gone whole, which are one error per pillar (only
/// restoring them, or accepting their removal, clears them, whatever the pillar's page
/// becomes). A pillar deleted at ten levels is two errors, not one per expectation.
pub fn lost<'f>(
    lock: Option<&Lock>,
    pages: &BTreeSet<String>,
    anchors: &[LostAnchor],
    file_of: impl Fn(&str) -> Option<&'f SourceFile>,
) -> Vec<Diagnostic> {
    let Some(lock) = lock else {
        return Vec::new();
    };
    let gone: BTreeSet<&str> = lock
        .pages
        .iter()
        .filter(|p| !pages.contains(*p))
        .map(String::as_str)
        .collect();
    let mut on_level: BTreeMap<String, usize> = BTreeMap::new();
    let mut of_pillar: BTreeMap<&str, Vec<&LockedAnchor>> = BTreeMap::new();
    let mut out = Vec::new();
    for a in anchors {
        let level = permalink::level(&a.anchor.level);
        if gone.contains(level.as_str()) {
            *on_level.entry(level).or_default() += 1;
        } else if a.source == crate::lock::FILE_NAME {
            // Its whole cell is gone: with the other cells of its pillar that are.
            of_pillar
                .entry(&a.anchor.pillar)
                .or_default()
                .push(&a.anchor);
        } else {
            out.push(match file_of(&a.source) {
                Some(f) => a.diagnostic_in(f),
                None => a.diagnostic(),
            });
        }
    }
    for (pillar, lost) in of_pillar {
        let levels: BTreeSet<&str> = lost.iter().map(|a| a.level.as_str()).collect();
        let first = lost[0];
        if lost.len() == 1 {
            out.push(lost_anchor(first, crate::lock::FILE_NAME));
            continue;
        }
        out.push(Diagnostic::error(
            "lost-anchor",
            crate::lock::FILE_NAME,
            (1, 1),
            format!(
                "{} expectations of pillar `{pillar}` on {} (such as /{}#{}) were published and are gone with their competency files",
                lost.len(),
                match levels.len() {
                    1 => "1 level page".to_string(),
                    n => format!("{n} level pages"),
                },
                permalink::level(&first.level),
                permalink::expectation_anchor(pillar, first.number)
            ),
            "links to them no longer land anywhere, whatever the pillar's page becomes: restore the pillar's competencies, or if they were removed on purpose or the ladder has not been published yet, run `ladderbook build --accept-removals`",
        ));
    }
    // A comparison gone with one of its levels comes back with that level's alias: the
    // level's error says so, and the comparison has no front-matter to put an alias in.
    let compared = |p: &str| -> Vec<String> {
        p.strip_prefix("compare/")
            .map(|rest| {
                rest.split('/')
                    .filter(|s| !s.is_empty())
                    .map(permalink::level)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut with_level: BTreeMap<String, usize> = BTreeMap::new();
    let gone: Vec<&str> = gone
        .iter()
        .copied()
        .filter(
            |p| match compared(p).into_iter().find(|l| gone.contains(l.as_str())) {
                Some(level) => {
                    *with_level.entry(level).or_default() += 1;
                    false
                }
                None => true,
            },
        )
        .collect();
    for p in gone {
        let kind = match p.split('/').next() {
            Some("levels") => "level",
            Some("pillars") => "pillar",
            Some("tracks") => "track",
            _ => "page",
        };
        let mut with = match on_level.get(p) {
            Some(1) => " with the expectation anchor it had".to_string(),
            Some(n) => format!(" with the {n} expectation anchors it had"),
            None => String::new(),
        };
        match with_level.get(p) {
            Some(1) => with.push_str(" and a comparison of it"),
            Some(n) => with.push_str(&format!(" and {n} comparisons of it")),
            None => {}
        }
        if p.starts_with("compare/") {
            // Both levels are there: the comparison went with an alias of one of them.
            out.push(Diagnostic::error(
                "lost-address",
                crate::lock::FILE_NAME,
                (1, 1),
                format!("the comparison /{p} was published and is gone"),
                format!("a comparison's address follows its levels' ids and aliases: give each level the alias it had when /{p} was published; or if it was removed on purpose or the ladder has not been published yet, run `ladderbook build --accept-removals`"),
            ));
            continue;
        }
        // An alias carries the page's address, not its expectations' anchors: those follow
        // only where the new level holds the same expectations (a rename).
        let anchors = match on_level.get(p) {
            Some(_) => " (its expectation anchors follow it only where that level holds the same expectations; the others are then reported one by one, and `ladderbook build --accept-removals` accepts their loss)",
            None => "",
        };
        let hint = format!("add `aliases = [\"{p}\"]` to the front-matter of the {kind} that replaces it, so the old address redirects there{anchors}; or if it was removed on purpose or the ladder has not been published yet, run `ladderbook build --accept-removals`");
        out.push(Diagnostic::error(
            "lost-address",
            crate::lock::FILE_NAME,
            (1, 1),
            format!("the page /{p} was published and is gone{with}"),
            hint,
        ));
    }
    out
}

#[cfg(test)]
mod tests;
