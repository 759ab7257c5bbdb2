//! Levels and tracks that the source wrote to say what its pillars cover, beside the levels
//! that have those pillars: their text becomes the pillars' descriptions.

use crate::import::ids;
use crate::import::model::{CellBlock, FileRef, GuessKind, Ladder, Level, Md, Page, Track};
use crate::import::source::Loc;
use std::collections::HashMap;

/// Words of a title that say it names what the levels are measured by, not a level
/// (`# Competencies`, `# Skills`, `# Axes of progression`).
const DESCRIBES_PILLARS: &[&str] = &[
    "competency",
    "competencies",
    "skill",
    "skills",
    "pillar",
    "pillars",
    "area",
    "areas",
    "axis",
    "axes",
    "dimension",
    "dimensions",
    "category",
    "categories",
    "rubric",
    "definitions",
    "competencias",
    "habilidades",
];

/// The descriptions a sheet gave its competencies in columns of their own (see
/// `tables::about_columns`), each added to the pillar of that title.
pub(super) fn pillar_texts(ladder: &mut Ladder) {
    for (title, md) in std::mem::take(&mut ladder.pillar_texts) {
        let key = ids::title_key(&title);
        if let Some(p) = ladder.pillars.iter_mut().find(|p| p.key == key) {
            if !p.description.iter().any(|d| d.text == md.text) {
                p.description.push(md);
            }
        }
    }
}

/// Whether `title` names what the levels are measured by (`Core Competencies`), not a level.
fn titled_so(title: &str) -> bool {
    !crate::import::titles::level_like(title)
        && ids::title_key(title)
            .split(' ')
            .any(|w| DESCRIBES_PILLARS.contains(&w))
}

/// A "level" titled as what levels are measured by (`# Competencies`), none of whose pillars
/// is its own: each of them is a pillar of two or more other levels (a `competencies.md`
/// whose `## Communication` and `## Delivery` say what those pillars cover, beside one file per
/// level with the same headings). Its cells describe those pillars (after any description
/// they have); its own text above them is a free page; a track it leaves empty goes too.
/// Links to it lead to that page, or else to the first track that is left.
pub(super) fn levels_describing_pillars(ladder: &mut Ladder) {
    let candidate = |l: &Level| {
        l.cells.len() >= 2 && l.code.is_none() && l.number.is_none() && titled_so(&l.title)
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (ti, t) in ladder.tracks.iter().enumerate() {
        for (li, l) in t.levels.iter().enumerate() {
            if !candidate(l) {
                continue;
            }
            // Levels titled so themselves (`# Foundational Skills`, `# Applied Skills`) are
            // no evidence: they may be the ladder.
            let others = |p: usize| {
                ladder
                    .tracks
                    .iter()
                    .flat_map(|t| &t.levels)
                    .filter(|o| !candidate(o) && o.cells.iter().any(|c| c.pillar == p))
                    .count()
            };
            if l.cells.iter().all(|c| others(c.pillar) >= 2) {
                found.push((ti, li));
            }
        }
    }
    // Removed from the last, so that the indices of the others still hold.
    for &(ti, li) in found.iter().rev() {
        let level = ladder.tracks[ti].levels.remove(li);
        let mut described: Vec<usize> = level.cells.iter().map(|c| c.pillar).collect();
        for c in level.cells {
            append(&mut ladder.pillars[c.pillar].description, c.blocks);
        }
        // What was said of how the level was read no longer holds.
        let whole_file = !ladder
            .tracks
            .iter()
            .flat_map(|t| &t.levels)
            .any(|o| o.at.path == level.at.path);
        ladder.guesses.retain(|g| {
            !(g.at == level.at
                || whole_file
                    && g.at.path == level.at.path
                    && matches!(g.kind, GuessKind::Structure | GuessKind::Rank))
        });
        // A section of its text titled as a pillar (one without a list, `## Ownership` over a
        // paragraph) describes that pillar too.
        let mut own: Vec<Md> = Vec::new();
        let mut under: Option<usize> = None;
        for md in level.description {
            let first = md.text.lines().next().unwrap_or("");
            let heading = first.trim_start_matches('#');
            if first.starts_with('#') && heading.starts_with(' ') {
                let key = ids::title_key(heading);
                under = ladder.pillars.iter().position(|p| p.key == key);
                if let Some(p) = under {
                    if !described.contains(&p) {
                        described.push(p);
                    }
                    let rest = md.text[first.len()..].trim_start_matches('\n');
                    if !rest.trim().is_empty() {
                        let text = rest.to_string();
                        ladder.pillars[p].description.push(Md { text, ..md });
                    }
                    continue;
                }
            }
            match under {
                Some(p) => ladder.pillars[p].description.push(md),
                None => own.push(md),
            }
        }
        let to = (!own.is_empty()).then(|| free_page(ladder, &level.title, own, &level.at));
        let track = &ladder.tracks[ti];
        let emptied = track.levels.is_empty().then_some(track.uid);
        if emptied.is_some() {
            ladder.tracks.remove(ti);
        }
        let to = to.or_else(|| ladder.tracks.first().map(|t| FileRef::Track(t.uid)));
        if let Some(to) = to {
            ladder.retarget(FileRef::Level(level.uid), to);
            if let Some(uid) = emptied {
                ladder.retarget(FileRef::Track(uid), to);
            }
        }
        let names: Vec<String> = described
            .iter()
            .map(|&p| format!("`{}`", ladder.pillars[p].title))
            .collect();
        ladder.guess(
            GuessKind::Pillar,
            level.at,
            format!(
                "`{}` names no pillar of its own, only {} of the levels beside it: not a level, its sections describe those pillars{}",
                level.title,
                names.join(", "),
                if to.is_some_and(|t| matches!(t, FileRef::Page(_))) { " (its text above them is a free page)" } else { "" },
            ),
        );
    }
}

/// A free page of `body`, titled `title`, added to the ladder; its reference, for links.
fn free_page(ladder: &mut Ladder, title: &str, body: Vec<Md>, at: &Loc) -> FileRef {
    let uid = ladder.uid();
    ladder.pages.push(Page {
        uid,
        title: title.to_string(),
        body,
        at: at.clone(),
        doc_title: title.to_string(),
        final_id: String::new(),
    });
    FileRef::Page(uid)
}

/// A cell's blocks added to a description: the items of a tight list stay one list.
fn append(description: &mut Vec<Md>, blocks: Vec<CellBlock>) {
    for b in blocks {
        match description.last_mut() {
            Some(last) if b.item && last.text.starts_with("- ") && last.doc == b.md.doc => {
                last.text
                    .push_str(if last.text.ends_with('\n') { "" } else { "\n" });
                last.text.push_str(&b.md.text);
            }
            _ => description.push(b.md),
        }
    }
}

/// A track whose every "level" is titled as a pillar that two or more levels of other tracks
/// have (a README beside one file per level, whose `### Problem Solving` over `#### Understands`
/// … `#### Establishes` explains the steps of the pillar `Problem Solving`): not a track, its
/// levels describe those pillars, each of its cells a sub-section of the description (`###
/// Understands` over its text). The track's own text is a free page, to which links to the
/// track and its levels lead. Then the pillars no cell has any more (`Understands`) go. A
/// track titled as a level is left as it is.
pub(super) fn tracks_describing_pillars(ladder: &mut Ladder) {
    let mut found: Vec<(usize, Describes)> = Vec::new();
    for (ti, t) in ladder.tracks.iter().enumerate() {
        // A track titled as a level (`Level 1: Associate Product Manager`) is a level whose
        // pillars were read as levels: what it holds is that level's, not the pillars' story.
        // (An axis' number, `1) Seamanship`, may read as a level's: its steps are told by
        // its name.)
        let described: Option<Vec<usize>> = t
            .levels
            .iter()
            .map(|l| {
                let key = ids::title_key(&l.title);
                ladder
                    .pillars
                    .iter()
                    .position(|p| p.key == key)
                    .filter(|&p| levels_elsewhere(ladder, ti, p).count() >= 2)
            })
            .collect();
        match described {
            Some(ps) if ps.len() >= 2 && !crate::import::titles::level_like(&t.title) => {
                found.push((ti, Describes::Pillars(ps)))
            }
            _ => {
                if let Some((p, under)) = steps_of_pillar(ladder, ti) {
                    found.push((ti, Describes::Steps(p, under)));
                }
            }
        }
    }
    // Axes come several to a file (`axes.md`): a track alone in its file titled as a pillar
    // (`# Leadership`, a management track beside the engineers' Leadership pillar) is a
    // track.
    let path = |ti: usize| ladder.tracks[ti].at.path.as_str();
    let mut axes_in: HashMap<&str, usize> = HashMap::new();
    for (ti, d) in &found {
        if matches!(d, Describes::Steps(..)) {
            *axes_in.entry(path(*ti)).or_default() += 1;
        }
    }
    let alone: Vec<usize> = found
        .iter()
        .filter(|(ti, d)| matches!(d, Describes::Steps(..)) && axes_in[path(*ti)] < 2)
        .map(|(ti, _)| *ti)
        .collect();
    found.retain(|(ti, _)| !alone.contains(ti));
    // Two tracks each of whose levels are the other's pillars (a `competencies.md` of `##
    // Seamanship` over `### Pilot`, `### Senior Pilot`, beside `roles/` of one file per
    // level over `## Seamanship`) are one ladder written both ways round: the one that says
    // it describes pillars (`# Core Competencies`), or else the one not titled as the ladder,
    // or else the one whose levels are not titled as levels, or else the one written in
    // fewer files, or else the later one, describes them; the other is the ladder.
    let mutual: Vec<usize> = found
        .iter()
        .filter_map(|(a, da)| {
            let Describes::Pillars(pa) = da else {
                return None;
            };
            found.iter().find_map(|(b, db)| match db {
                Describes::Pillars(pb)
                    if b != a && holds(ladder, *b, pa) && holds(ladder, *a, pb) =>
                {
                    let (ta, tb) = (&ladder.tracks[*a], &ladder.tracks[*b]);
                    // A track titled as the ladder (`Deck Crew Ladder`), or whose levels are
                    // titled as levels (`Senior Pilot`), not as areas, is the ladder.
                    let rank = |t: &Track| {
                        use crate::import::titles::{about_ladder, level_like};
                        let named = t.levels.iter().all(|l| level_like(&l.title));
                        (
                            titled_so(&t.title),
                            !about_ladder(&t.title),
                            !named,
                            usize::MAX - files(t),
                        )
                    };
                    // Neither says so, in as many files: the first read is the ladder.
                    let first = rank(ta) == rank(tb) && a < b;
                    (rank(ta) < rank(tb) || first).then_some(*a)
                }
                _ => None,
            })
        })
        .collect();
    found.retain(|(ti, _)| !mutual.contains(ti));
    if found.is_empty() {
        return;
    }
    // Steps are told in the order they are read: one pillar's, role by role.
    let mut steps: Vec<(Track, usize, Option<String>)> = Vec::new();
    for (ti, describes) in found.into_iter().rev() {
        let track = ladder.tracks.remove(ti);
        let described = match describes {
            Describes::Steps(p, under) => {
                steps.push((track, p, under));
                continue;
            }
            Describes::Pillars(ps) => ps,
        };
        let names: Vec<String> = described
            .iter()
            .map(|&p| format!("`{}`", ladder.pillars[p].title))
            .collect();
        let (at, title) = (track.at.clone(), track.title.clone());
        let (to, levels) = track_text_away(ladder, track);
        for (level, p) in levels.into_iter().zip(described) {
            if let Some(to) = to {
                ladder.retarget(FileRef::Level(level.uid), to);
            }
            ladder.guesses.retain(|g| g.at != level.at);
            let mut description = std::mem::take(&mut ladder.pillars[p].description);
            description.extend(level.description);
            let level_doc = ladder.docs.iter().position(|d| d.rel == level.at.path);
            for c in level.cells {
                let Some(doc) = c.blocks.first().map(|b| b.md.doc).or(level_doc) else {
                    continue;
                };
                let heading = Md {
                    text: format!("### {}", ladder.pillars[c.pillar].title),
                    doc,
                    line: c.pillar_at.line,
                };
                description.push(heading);
                append(&mut description, c.blocks);
            }
            ladder.pillars[p].description = description;
        }
        ladder.guess(
            GuessKind::Pillar,
            at,
            format!(
                "the \"levels\" of `{}` are the pillars {} of the levels beside it: not a track, they describe those pillars{}",
                title,
                names.join(", "),
                if matches!(to, Some(FileRef::Page(_))) { " (its text above them is a free page)" } else { "" },
            ),
        );
    }
    for (track, p, under) in steps.into_iter().rev() {
        names_steps(ladder, track, p, under);
    }
    drop_unused_pillars(ladder);
}

/// A track titled as what the levels are measured by (`# Core Pilot Competencies`, a summary
/// written pillar by pillar, `## Seamanship` over `### Junior Pilot`, and read the other way
/// round) whose levels are all levels of another track of one file per level (`roles/`)
/// with the same pillars, each cell a sentence or two and each level saying less than its
/// twin there: a summary of that track, not a track. Each of its cells is a section of its
/// pillar's description (`## Junior Pilot` over its text), in the order written; its own text
/// is a free page. Links to it lead there, and links to its levels to the other track's.
pub(super) fn summaries_of_levels(ladder: &mut Ladder) {
    let key = |l: &Level| ids::title_key(&l.title);
    let summary = |ti: usize| {
        let t = &ladder.tracks[ti];
        if t.levels.len() < 2 || !titled_so(&t.title) {
            return None;
        }
        // A summary says a sentence or two per cell (two versions of one ladder say as
        // much as each other), and each level's twin has each of its pillars and says more.
        let size = |l: &Level| l.cells.iter().map(|c| c.blocks.len()).sum::<usize>();
        let short = t
            .levels
            .iter()
            .flat_map(|l| &l.cells)
            .all(|c| c.blocks.len() <= 2);
        // One file beside a file per level (`competencies.md` beside `roles/`).
        (0..ladder.tracks.len()).find(|&o| {
            let other = &ladder.tracks[o];
            short
                && o != ti
                && files(t) == 1
                && files(other) == other.levels.len()
                && t.levels.iter().all(|l| {
                    other.levels.iter().any(|m| {
                        key(m) == key(l)
                            && size(m) > size(l)
                            && l.cells
                                .iter()
                                .all(|c| m.cells.iter().any(|d| d.pillar == c.pillar))
                    })
                })
        })
    };
    let Some((ti, of)) = (0..ladder.tracks.len()).find_map(|ti| summary(ti).map(|o| (ti, o)))
    else {
        return;
    };
    let of_uid = ladder.tracks[of].uid;
    let track = ladder.tracks.remove(ti);
    let (at, title) = (track.at.clone(), track.title.clone());
    let of_title = ladder
        .tracks
        .iter()
        .find(|t| t.uid == of_uid)
        .map(|t| t.title.clone())
        .unwrap_or_default();
    // What was said of how the summary was read as levels no longer holds.
    ladder.guesses.retain(|g| {
        !(g.at.path == at.path && matches!(g.kind, GuessKind::Structure | GuessKind::Rank))
    });
    let (_, levels) = track_text_away(ladder, track);
    let mut sections: Vec<(usize, Md, Vec<CellBlock>)> = Vec::new();
    for level in levels {
        let twin = ladder
            .tracks
            .iter_mut()
            .find(|t| t.uid == of_uid)
            .and_then(|t| t.levels.iter_mut().find(|m| key(m) == key(&level)));
        if let Some(twin) = twin {
            twin.description.extend(level.description);
            let to = FileRef::Level(twin.uid);
            ladder.retarget(FileRef::Level(level.uid), to);
        }
        let Some(doc) = ladder.docs.iter().position(|d| d.rel == level.at.path) else {
            continue;
        };
        for c in level.cells {
            let heading = Md {
                text: format!("## {}", level.title),
                doc,
                line: level.at.line,
            };
            sections.push((c.pillar, heading, c.blocks));
        }
    }
    sections.sort_by_key(|(p, h, _)| (*p, h.line));
    for (p, heading, blocks) in sections {
        ladder.pillars[p].description.push(heading);
        append(&mut ladder.pillars[p].description, blocks);
    }
    ladder.guess(
        GuessKind::Pillar,
        at,
        format!("`{title}` has the levels and pillars of track `{of_title}`: a summary of it, not a track; each of its parts is a section of its pillar's description"),
    );
}

/// What a track that is no track describes (see [`tracks_describing_pillars`]).
enum Describes {
    /// Its levels are pillars, one each, by index into [`Ladder::pillars`].
    Pillars(Vec<usize>),
    /// Its levels are the steps of this pillar (see [`steps_of_pillar`]); with the heading
    /// the track's own is under, when that heading names the pillar and the track's a role.
    Steps(usize, Option<String>),
}

/// Whether some level of track `ti` has one of pillars `ps`.
fn holds(ladder: &Ladder, ti: usize, ps: &[usize]) -> bool {
    ladder.tracks[ti]
        .levels
        .iter()
        .any(|l| l.cells.iter().any(|c| ps.contains(&c.pillar)))
}

/// How many files the levels of track `t` come from.
fn files(t: &Track) -> usize {
    let mut paths: Vec<&str> = t.levels.iter().map(|l| l.at.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    paths.len()
}

/// The levels of the tracks other than track `ti` that have pillar `p`.
fn levels_elsewhere(ladder: &Ladder, ti: usize, p: usize) -> impl Iterator<Item = &Level> {
    ladder
        .tracks
        .iter()
        .enumerate()
        .filter(move |&(o, _)| o != ti)
        .flat_map(|(_, t)| &t.levels)
        .filter(move |l| l.cells.iter().any(|c| c.pillar == p))
}

/// The pillar track `ti` is titled as (`Seamanship`, or `1. Seamanship`), or else the heading
/// its own heading is under (`### 1. Seamanship` over `#### Deckhand`, the steps of one role
/// of several, given with that heading), when two or more levels of other tracks have it and
/// the track's own levels have one pillar, which none of those has: the track's levels are
/// that pillar's steps (an `axes.md` whose `### 1. Seamanship` is over a table of steps, `1 |
/// Learner | …`, beside one file per level whose table scores each axis by those steps).
fn steps_of_pillar(ladder: &Ladder, ti: usize) -> Option<(usize, Option<String>)> {
    let t = &ladder.tracks[ti];
    let pillar = |title: &str| {
        let key = ids::title_key(axis_name(title));
        ladder.pillars.iter().position(|p| p.key == key)
    };
    let (p, under) = match pillar(&t.title) {
        Some(p) => (p, None),
        None => {
            let parent = parent_heading(ladder, &t.at)?;
            (pillar(parent)?, Some(parent.to_string()))
        }
    };
    let having: Vec<&Level> = levels_elsewhere(ladder, ti, p).collect();
    // A step says one thing (`| 1 | Learner | Handles mooring lines … |`): a track whose
    // levels have pillars of their own (`Beginner` over `Delivery` and `Communication`) is
    // a ladder of that pillar's, not its steps.
    let mut pillars = t.levels.iter().flat_map(|l| &l.cells).map(|c| c.pillar);
    let one = pillars
        .next()
        .is_some_and(|first| pillars.all(|q| q == first));
    let own = t.levels.iter().flat_map(|l| &l.cells).all(|c| {
        !having
            .iter()
            .any(|l| l.cells.iter().any(|o| o.pillar == c.pillar))
    });
    (t.levels.len() >= 2 && one && own && having.len() >= 2).then_some((p, under))
}

/// The title of the heading over the section of a track that starts at `at` (at its heading,
/// or its table under one) in its file: the nearest heading above the track's own of a
/// lower depth (ATX headings, CommonMark 4.2), unless that is the document's `#` title.
fn parent_heading<'l>(ladder: &'l Ladder, at: &Loc) -> Option<&'l str> {
    let doc = ladder.docs.iter().find(|d| d.rel == at.path)?;
    // The file's lines as written, up to `at` (not those the import wrote in mending it).
    let lines: Vec<&str> = (doc.text.lines().enumerate())
        .filter(|&(i, _)| matches!(doc.origin_of(i + 1), (line, true) if line <= at.line))
        .map(|(_, l)| l)
        .collect();
    let depth = |l: &str| {
        let hashes = l.len() - l.trim_start_matches('#').len();
        ((1..=6).contains(&hashes) && l[hashes..].starts_with(' ')).then_some(hashes)
    };
    let mut above = lines.iter().rev().filter_map(|l| Some((depth(l)?, *l)));
    let (own, _) = above.next()?;
    // A `#` heading titles the document (`# Bakers` over its tracks), not one of its axes.
    above
        .find(|&(d, _)| d < own)
        .filter(|&(d, _)| d > 1)
        .map(|(d, l)| l[d..].trim().trim_end_matches('#').trim_end())
}

/// An axis' heading without its number: `1. Seamanship`, `1) Seamanship`, `Axis 1:
/// Seamanship` → `Seamanship`.
fn axis_name(title: &str) -> &str {
    let t = title.trim();
    let t = ["axis ", "dimension ", "pillar "]
        .iter()
        .find_map(|w| {
            t.get(..w.len())
                .filter(|p| p.eq_ignore_ascii_case(w))
                .map(|_| &t[w.len()..])
        })
        .unwrap_or(t);
    t.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')', ':'])
        .trim_start()
}

/// The text of `track` (taken out of the ladder) made a free page, or, when it has none, the
/// first track left: where links to the track now lead, and the track's levels, whose links
/// the caller leads there too.
fn track_text_away(ladder: &mut Ladder, track: Track) -> (Option<FileRef>, Vec<Level>) {
    let to = if track.description.is_empty() {
        ladder.tracks.first().map(|t| FileRef::Track(t.uid))
    } else {
        Some(free_page(
            ladder,
            &track.title,
            track.description,
            &track.at,
        ))
    };
    if let Some(to) = to {
        ladder.retarget(FileRef::Track(track.uid), to);
    }
    (to, track.levels)
}

/// Track `track` (taken out of the ladder), whose levels are the steps of pillar `p` (see
/// [`steps_of_pillar`]), made a part of that pillar's description: each step a sub-section
/// (`## Learner`, under the page's title) over its text. The track's own text is a free page, to which links to the
/// track and its levels lead (or else to the first track).
fn names_steps(ladder: &mut Ladder, track: Track, p: usize, under: Option<String>) {
    let (at, title) = (track.at.clone(), track.title.clone());
    // A role's steps under the pillar's heading are named by the role, as other roles'
    // steps of the same pillar follow.
    let step = |level: &str| match &under {
        Some(_) => format!("{level} ({title})"),
        None => level.to_string(),
    };
    let (to, levels) = track_text_away(ladder, track);
    let steps: Vec<String> = levels.iter().map(|l| format!("`{}`", l.title)).collect();
    // What was said of how its tables were read as levels no longer holds.
    let last = levels.iter().map(|l| l.at.line).max().unwrap_or(0);
    ladder.guesses.retain(|g| {
        !(g.at.path == at.path
            && (at.line..=last).contains(&g.at.line)
            && matches!(g.kind, GuessKind::Structure | GuessKind::Rank))
    });
    let mut description = std::mem::take(&mut ladder.pillars[p].description);
    for level in levels {
        if let Some(to) = to {
            ladder.retarget(FileRef::Level(level.uid), to);
        }
        ladder.guesses.retain(|g| g.at != level.at);
        let Some(doc) = ladder.docs.iter().position(|d| d.rel == level.at.path) else {
            continue;
        };
        description.push(Md {
            text: format!("## {}", step(&level.title)),
            doc,
            line: level.at.line,
        });
        description.extend(level.description);
        for c in level.cells {
            append(&mut description, c.blocks);
        }
    }
    ladder.pillars[p].description = description;
    ladder.guess(
        GuessKind::Pillar,
        at,
        format!(
            "`{}` is the pillar of that name, which levels beside it have: not a track, its \"levels\" {} are that pillar's steps, each a section of its description",
            match &under {
                Some(parent) => format!("{title}` under `{parent}"),
                None => title.clone(),
            },
            steps.join(", "),
        ),
    );
}

/// Removes the pillars no cell has, keeping the others in order, and renumbers what points
/// at a pillar by its number (cells, and the cells links lead to).
fn drop_unused_pillars(ladder: &mut Ladder) {
    let mut used = vec![false; ladder.pillars.len()];
    for c in ladder
        .tracks
        .iter()
        .flat_map(|t| &t.levels)
        .flat_map(|l| &l.cells)
    {
        used[c.pillar] = true;
    }
    let mut new_index = Vec::with_capacity(used.len());
    let mut next = 0;
    for &u in &used {
        new_index.push(next);
        next += usize::from(u);
    }
    let mut i = 0;
    ladder.pillars.retain(|_| {
        i += 1;
        used[i - 1]
    });
    for c in ladder
        .tracks
        .iter_mut()
        .flat_map(|t| &mut t.levels)
        .flat_map(|l| &mut l.cells)
    {
        c.pillar = new_index[c.pillar];
    }
    // Links to a level's section of a pillar find it by the pillar's number.
    ladder.cell_pillars.retain(|_, p| used[*p]);
    for p in ladder.cell_pillars.values_mut() {
        *p = new_index[*p];
    }
}
