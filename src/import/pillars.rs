//! Pillars: the pillar of each labelled bullet, and one pillar per title (or given id) across
//! the whole import, merging drifted titles, keeping apart what two job families name
//! differently, and saying which guesses were made.

use super::ids;
use super::model::{Cell, CellBlock, GuessKind, Ladder, Md, Pillar};
use super::source::Loc;
use std::collections::{BTreeMap, HashMap};

/// A label's key with its last word's plural `s` dropped: `Next Steps` and `Next Step` are
/// one label.
fn label_key(label: &str) -> String {
    let key = ids::title_key(label);
    match key.strip_suffix('s') {
        Some(k) if !k.ends_with('s') && k.len() > 2 => k.to_string(),
        _ => key,
    }
}

/// Whether the bold labels of `members` (track, level) recur by name: no level gives one
/// twice, and at least four in five bullets have a label two or more levels give. Then a
/// level that adds a label (`**Technical depth**` from Senior on) or leaves one out still
/// has each bullet under its label's pillar; labels worded anew at each level do not recur,
/// and go by position, as do those of a level that renames one.
fn labels_recur(ladder: &Ladder, members: &[(usize, usize)]) -> bool {
    // Each level's label keys, in order.
    let keys: Vec<Vec<String>> = members
        .iter()
        .map(|&(ti, li)| {
            let pending = &ladder.tracks[ti].levels[li].pending;
            pending.iter().map(|p| label_key(&p.label)).collect()
        })
        .collect();
    let mut levels_of: HashMap<&str, usize> = HashMap::new();
    for own in &keys {
        for (n, key) in own.iter().enumerate() {
            if own[..n].contains(key) {
                return false;
            }
            *levels_of.entry(key).or_default() += 1;
        }
    }
    let bullets: usize = keys.iter().map(Vec::len).sum();
    let recurring: usize = levels_of.values().filter(|n| **n >= 2).sum();
    // Two or more labels that name levels (`**Bridge Engineer**`, `**Senior / Architect**`)
    // under each heading mean the headings are the areas: not pillars by name.
    let mut level_like: Vec<&str> = Vec::new();
    for (&(ti, li), own) in members.iter().zip(&keys) {
        for (p, key) in ladder.tracks[ti].levels[li].pending.iter().zip(own) {
            if levels_of[key.as_str()] >= 2
                && super::titles::level_like(&p.label)
                && !level_like.contains(&key.as_str())
            {
                level_like.push(key);
            }
        }
    }
    // A level with a label no other level has, in place of one most levels have (`Influence`
    // where the others write `Impact`), renamed it: position is right there.
    let common: Vec<&str> = levels_of
        .iter()
        .filter(|(_, n)| **n * 2 > members.len())
        .map(|(k, _)| *k)
        .collect();
    let renamed = keys.iter().any(|own| {
        own.iter().any(|k| levels_of[k.as_str()] == 1)
            && common.iter().any(|k| !own.iter().any(|o| o == k))
    });
    members.len() >= 2 && recurring * 5 >= bullets * 4 && level_like.len() < 2 && !renamed
}

/// Bullets that start with a bold label: the label is the pillar when every level has the
/// same label in the same place; otherwise a glossary (a list that defines the labels under
/// a pillar heading, anywhere in the import) names the pillar; otherwise the label is the
/// pillar when the labels recur by name ([`labels_recur`]); otherwise the position does.
pub(super) fn resolve_labels(ladder: &mut Ladder) {
    // Glossary: label → pillar title, when one title only.
    let mut glossary: HashMap<String, (String, Loc)> = HashMap::new();
    let mut ambiguous: Vec<String> = Vec::new();
    for (label, title, at) in &ladder.glossary {
        match glossary.get(label) {
            Some((t, _)) if t != title => ambiguous.push(label.clone()),
            Some(_) => {}
            None => {
                glossary.insert(label.clone(), (title.clone(), at.clone()));
            }
        }
    }
    for a in ambiguous {
        glossary.remove(&a);
    }
    // Group levels by the file their bullets come from.
    let mut groups: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (ti, t) in ladder.tracks.iter().enumerate() {
        for (li, l) in t.levels.iter().enumerate() {
            if let Some(p) = l.pending.first() {
                groups.entry(p.block.md.doc).or_default().push((ti, li));
            }
        }
    }
    let mut guesses = Vec::new();
    for (_, members) in groups {
        let mut by_pos: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut all_labels: Vec<String> = Vec::new();
        for &(ti, li) in &members {
            for p in &ladder.tracks[ti].levels[li].pending {
                by_pos
                    .entry(p.position)
                    .or_default()
                    .push(ids::title_key(&p.label));
                all_labels.push(ids::title_key(&p.label));
            }
        }
        let same_place =
            members.len() >= 2 && by_pos.values().all(|v| v.iter().all(|x| *x == v[0]));
        let glossed = !same_place && all_labels.iter().all(|l| glossary.contains_key(l));
        let by_name = !same_place && !glossed && labels_recur(ladder, &members);
        // By name, a label written singular at one level and plural at another (`Next
        // Step`, `Next Steps`) is one pillar, titled as first written.
        let mut named: HashMap<String, String> = HashMap::new();
        if by_name {
            for &(ti, li) in &members {
                for p in &ladder.tracks[ti].levels[li].pending {
                    named
                        .entry(label_key(&p.label))
                        .or_insert_with(|| ids::clean_title(&p.label));
                }
            }
        }
        let first_at = ladder.tracks[members[0].0].levels[members[0].1].pending[0]
            .at
            .clone();
        if same_place {
            guesses.push((first_at, "each bullet's bold label is its pillar (the same labels, in the same order, at every level)".to_string()));
        } else if by_name {
            guesses.push((first_at, "each bullet's bold label is its pillar: the labels recur by name, though some levels add or leave out one".to_string()));
        } else if glossed {
            let src = glossary
                .get(&all_labels[0])
                .map(|g| g.1.to_string())
                .unwrap_or_default();
            guesses.push((first_at, format!("bullets name no pillar: their bold labels are looked up where a list defines them under pillar headings ({src})")));
        } else {
            guesses.push((first_at, "bullets name no pillar and no list defines their labels: the n-th bullet of each level is pillar n, named after its labels".to_string()));
        }
        // Titles of positional pillars: the labels seen in that place.
        let mut pos_titles: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for &(ti, li) in &members {
            for p in &ladder.tracks[ti].levels[li].pending {
                let e = pos_titles.entry(p.position).or_default();
                let l = ids::clean_title(&p.label);
                if !e.contains(&l) {
                    e.push(l);
                }
            }
        }
        for &(ti, li) in &members {
            let level = &mut ladder.tracks[ti].levels[li];
            let pending = std::mem::take(&mut level.pending);
            for p in pending {
                let key = ids::title_key(&p.label);
                let (title, pkey) = if same_place {
                    (ids::clean_title(&p.label), None)
                } else if by_name {
                    (named[&label_key(&p.label)].clone(), None)
                } else if glossed {
                    (glossary[&key].0.clone(), None)
                } else {
                    let labels = &pos_titles[&p.position];
                    let shown: Vec<&str> = labels.iter().take(4).map(String::as_str).collect();
                    let more = if labels.len() > 4 { " / …" } else { "" };
                    (
                        format!("{}{more}", shown.join(" / ")),
                        Some(format!("position:{}", p.position)),
                    )
                };
                let found = level.cells.iter().position(|c| match &pkey {
                    Some(k) => c.pillar_key.as_deref() == Some(k.as_str()),
                    None => ids::title_key(&c.pillar_title) == ids::title_key(&title),
                });
                // Where the label is the pillar, the page shows the pillar's name once, not
                // again before each expectation.
                let blocks = if (same_place || by_name) && !p.unlabelled.is_empty() {
                    p.unlabelled
                } else {
                    vec![p.block]
                };
                match found {
                    Some(i) => {
                        if let Some(last) = level.cells[i].blocks.last_mut() {
                            last.tight = true;
                        }
                        level.cells[i].blocks.extend(blocks);
                    }
                    None => level.cells.push(Cell {
                        pillar_title: title,
                        pillar_at: p.at.clone(),
                        pillar_id: None,
                        pillar_key: pkey,
                        pillar_description: Vec::new(),
                        blocks,
                        pillar: 0,
                    }),
                }
            }
        }
    }
    for (at, text) in guesses {
        ladder.guess(GuessKind::Pillar, at, text);
    }
    // Glossary pillars come in the glossary's order.
    let order: Vec<String> = ladder
        .glossary
        .iter()
        .map(|g| ids::title_key(&g.1))
        .collect();
    for t in &mut ladder.tracks {
        for l in &mut t.levels {
            if l.cells
                .iter()
                .all(|c| order.contains(&ids::title_key(&c.pillar_title)))
            {
                l.cells.sort_by_key(|c| {
                    order
                        .iter()
                        .position(|o| *o == ids::title_key(&c.pillar_title))
                });
            }
        }
    }
}

pub(super) fn gather_pillars(ladder: &mut Ladder) {
    let mut pillars: Vec<Pillar> = Vec::new();
    let mut guesses: Vec<(Loc, String)> = Vec::new();
    let mut shortcodes: Vec<Loc> = Vec::new();
    let mut graded_at: Option<(Loc, String, String, String)> = None;
    // A code after a pillar's name grades the level only where the same name comes with two
    // or more codes (`Craftsmanship (C1)`, `(C3)`); one that never changes is part of the
    // name (`Accessibility (WCAG 2.1)`).
    let mut codes: HashMap<String, Vec<String>> = HashMap::new();
    for c in ladder
        .tracks
        .iter()
        .flat_map(|t| &t.levels)
        .flat_map(|l| &l.cells)
    {
        if let Some((name, code)) = graded(&c.pillar_title) {
            let e = codes.entry(ids::title_key(&name)).or_default();
            if !e.contains(&code) {
                e.push(code);
            }
        }
    }
    let grades = |name: &str| {
        codes
            .get(&ids::title_key(name))
            .is_some_and(|c| c.len() >= 2)
    };
    let mut cell_pillars = HashMap::new();
    let mut shared_between: BTreeMap<(String, String), (Loc, Vec<String>)> = BTreeMap::new();
    for t in &mut ladder.tracks {
        let mut track_pillars: Vec<usize> = Vec::new();
        for l in &mut t.levels {
            let mut level_pillars: Vec<usize> = Vec::new();
            let level_emoji: Vec<Option<String>> = l
                .cells
                .iter()
                .map(|c| ids::leading_emoji(&c.pillar_title))
                .collect();
            for (ci, c) in l.cells.iter_mut().enumerate() {
                if let Some((name, code)) = graded(&c.pillar_title).filter(|g| grades(&g.0)) {
                    if graded_at.is_none() {
                        graded_at = Some((
                            c.pillar_at.clone(),
                            c.pillar_title.clone(),
                            name.clone(),
                            code.clone(),
                        ));
                    }
                    // The code opens the cell's first note when that is a quote (inDrive's
                    // summary of the grade), else a note of its own.
                    match c.blocks.first_mut() {
                        Some(first) if !first.item && first.md.text.starts_with("> ") => {
                            first.md.text = format!("> **{code}** · {}", &first.md.text[2..]);
                        }
                        Some(first) => {
                            let md = Md {
                                text: format!("**{code}**"),
                                doc: first.md.doc,
                                line: c.pillar_at.line,
                            };
                            let note = CellBlock {
                                md,
                                item: false,
                                tight: false,
                            };
                            c.blocks.insert(0, note);
                        }
                        None => {}
                    }
                    c.pillar_title = name;
                }
                let title = ids::clean_title(&c.pillar_title);
                if title != c.pillar_title.trim()
                    && c.pillar_title.contains(':')
                    && shortcodes.is_empty()
                {
                    shortcodes.push(c.pillar_at.clone());
                }
                let key = c
                    .pillar_key
                    .clone()
                    .unwrap_or_else(|| ids::title_key(&title));
                let key = if key.is_empty() {
                    format!("title:{title}")
                } else {
                    key
                };
                let emoji = ids::leading_emoji(&c.pillar_title);
                let mut found = pillars.iter().position(|p| p.key == key);
                // A pillar id that two files (a legacy and a current job family) give to
                // differently named themes names two pillars, not one.
                if let Some(i) = found.filter(|_| c.pillar_key.is_some()) {
                    let first = &pillars[i];
                    if first.at.path != c.pillar_at.path {
                        if ids::title_key(&first.title) != ids::title_key(&title) {
                            let own = format!("{key}@{}", ids::title_key(&title));
                            found = pillars.iter().position(|p| p.key == own);
                            if found.is_none() {
                                guesses.push((c.pillar_at.clone(), format!("`{}` has the id of `{}` in {} but another name: imported as a pillar of its own", title, first.title, first.at.path)));
                                pillars.push(Pillar {
                                    title: title.clone(),
                                    key: own,
                                    emoji: emoji.clone(),
                                    id: None,
                                    description: c.pillar_description.clone(),
                                    at: c.pillar_at.clone(),
                                    final_id: String::new(),
                                });
                                found = Some(pillars.len() - 1);
                            }
                        } else {
                            let pair = (first.at.path.clone(), c.pillar_at.path.clone());
                            let e = shared_between
                                .entry(pair)
                                .or_insert_with(|| (c.pillar_at.clone(), Vec::new()));
                            if !e.1.contains(&first.title) {
                                e.1.push(first.title.clone());
                            }
                            // A description only the later file gives is kept.
                            let first = &mut pillars[i];
                            if first.description.is_empty() {
                                first.description = c.pillar_description.clone();
                            } else if !c.pillar_description.is_empty()
                                && c.pillar_description
                                    .iter()
                                    .map(|m| m.text.trim())
                                    .ne(first.description.iter().map(|m| m.text.trim()))
                            {
                                first
                                    .description
                                    .extend(c.pillar_description.iter().cloned());
                            }
                        }
                    }
                }
                // An emoji names a pillar only where each pillar has its own: one that opens
                // two headings of a level, or two of the track's pillars, is decoration.
                let own_emoji = |e: &String| {
                    level_emoji.iter().filter(|x| x.as_ref() == Some(e)).count() == 1
                        && track_pillars
                            .iter()
                            .filter(|&&p| pillars[p].emoji.as_ref() == Some(e))
                            .count()
                            <= 1
                };
                if found.is_none() && c.pillar_key.is_none() {
                    if let Some(e) = emoji.as_ref().filter(|e| own_emoji(e)) {
                        let same: Vec<usize> = track_pillars
                            .iter()
                            .copied()
                            .filter(|&p| {
                                pillars[p].emoji.as_ref() == Some(e) && !level_pillars.contains(&p)
                            })
                            .collect();
                        if same.len() == 1 {
                            guesses.push((c.pillar_at.clone(), format!("pillar `{title}` has the emoji of `{}` ({e}) on the same track: taken as the same pillar", pillars[same[0]].title)));
                            found = Some(same[0]);
                        }
                    }
                }
                let idx = match found {
                    Some(i) => i,
                    None => {
                        let title = if title.is_empty() {
                            format!("Pillar {}", pillars.len() + 1)
                        } else {
                            title
                        };
                        pillars.push(Pillar {
                            title,
                            key,
                            emoji,
                            id: c.pillar_id.clone(),
                            description: c.pillar_description.clone(),
                            at: c.pillar_at.clone(),
                            final_id: String::new(),
                        });
                        pillars.len() - 1
                    }
                };
                // A later cell's description of a pillar that one already has (a skill's
                // fields in a second level file) keeps what the first does not say.
                if found.is_some() && c.pillar_key.is_none() {
                    let have: Vec<String> = pillars[idx]
                        .description
                        .iter()
                        .map(|m| m.text.trim().to_string())
                        .collect();
                    let more = c
                        .pillar_description
                        .iter()
                        .filter(|m| !have.iter().any(|h| h == m.text.trim()))
                        .cloned();
                    pillars[idx].description.extend(more);
                }
                c.pillar = idx;
                cell_pillars.insert((l.uid, ci), idx);
                if !track_pillars.contains(&idx) {
                    track_pillars.push(idx);
                }
                level_pillars.push(idx);
            }
            // Two cells of one level in one pillar become one.
            let mut merged: Vec<Cell> = Vec::new();
            for c in std::mem::take(&mut l.cells) {
                match merged.iter_mut().find(|m| m.pillar == c.pillar) {
                    Some(m) => {
                        guesses.push((c.pillar_at.clone(), format!("a second `{}` section in this level: its expectations are added to the first", c.pillar_title.trim())));
                        if let Some(last) = m.blocks.iter_mut().rev().find(|b| b.item) {
                            last.tight = false;
                        }
                        m.blocks.extend(c.blocks);
                    }
                    None => merged.push(c),
                }
            }
            l.cells = merged;
        }
    }
    for ((a, _), (at, titles)) in shared_between {
        guesses.push((
            at,
            format!(
                "themes with the same id and name as in {a} are the same pillar on both tracks: {}",
                titles
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if let Some((at, full, name, code)) = graded_at {
        guesses.push((at, format!("`{full}`: the code after a pillar's name grades the level in it; the pillar is `{name}`, and the code (`{code}`) opens its text at each level")));
    }
    for at in shortcodes {
        guesses.push((at, "`:shortcode:` emoji in pillar titles are not rendered by ladderbook: removed from the titles".into()));
    }
    let order = written_order(&ladder.tracks, pillars.len());
    let mut placed: Vec<Option<Pillar>> = pillars.into_iter().map(Some).collect();
    ladder.pillars = order.iter().filter_map(|&i| placed[i].take()).collect();
    let new_index: HashMap<usize, usize> = order.iter().enumerate().map(|(n, &i)| (i, n)).collect();
    for t in &mut ladder.tracks {
        for l in &mut t.levels {
            for c in &mut l.cells {
                c.pillar = new_index[&c.pillar];
            }
        }
    }
    ladder.cell_pillars = cell_pillars
        .into_iter()
        .map(|(k, i)| (k, new_index[&i]))
        .collect();
    for (at, text) in guesses {
        ladder.guess(GuessKind::Pillar, at, text);
    }
}

/// The pillars `0..n` (numbered in the order first met) in an order that keeps the order of
/// every level's cells: a pillar a first level lacks (a gap) still comes where the levels that
/// have it put it, not after the first level's pillars. Among pillars no level orders, the
/// order first met; when levels order two pillars both ways, that order alone.
fn written_order(tracks: &[super::model::Track], n: usize) -> Vec<usize> {
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut before_count = vec![0usize; n];
    for l in tracks.iter().flat_map(|t| &t.levels) {
        for pair in l.cells.windows(2) {
            let (a, b) = (pair[0].pillar, pair[1].pillar);
            if a != b && !after[a].contains(&b) {
                after[a].push(b);
                before_count[b] += 1;
            }
        }
    }
    // Kahn's algorithm, always taking the ready pillar first met.
    let mut ready: std::collections::BTreeSet<usize> =
        (0..n).filter(|&i| before_count[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop_first() {
        order.push(i);
        for &j in &after[i] {
            before_count[j] -= 1;
            if before_count[j] == 0 {
                ready.insert(j);
            }
        }
    }
    if order.len() < n {
        // Levels disagree on the order: keep the order first met.
        return (0..n).collect();
    }
    order
}

/// A pillar title that ends in a level code in parentheses (`Craftsmanship (C3)`): the name
/// and the code. A name that names a role (`Staff Engineer (IC6)`) is no pillar's.
fn graded(title: &str) -> Option<(String, String)> {
    if !title.trim_end().ends_with(')') {
        return None;
    }
    let t = ids::parse_level_title(title);
    let code = t.code?;
    (!t.title.is_empty() && !super::infer::names_role(&t.title)).then_some((t.title, code))
}
