//! Ladders written the other way round: one section per competency area, holding each level's
//! expectations under the level's name (Mews' competencies: `## Delivery` over `- **Beginner**`,
//! `- **Intermediate**`, …, each with its list). Read as written, the areas come out as levels
//! and the level names as pillars; [`transpose`] turns such a track round.

use super::ids::{self, parse_level_title};
use super::infer::level_like;
use super::model::{Cell, FileRef, GuessKind, Ladder, Level, Track};
use std::collections::HashSet;

mod area_files;
mod levels_label;
mod named_levels;
pub(super) use area_files::pillar_files;
pub(super) use levels_label::levels_label;
pub(super) use named_levels::levels_as_tracks;

/// The titles `track`'s levels should have when it reads transposed, most junior first: when
/// hardly any of its levels' titles reads as a level ([`level_like`]: one in five, so a
/// skill kept for a role, `Systems design (frontend developer)`, among many others does not
/// count) while most pillar titles do,
/// and the pillars come in one order in every level (that order is the ranking). `None` for a
/// track that reads the right way round, or is too small to tell (fewer than two of either).
pub(super) fn transposed(track: &Track) -> Option<Vec<String>> {
    let levels = &track.levels;
    if levels.len() < 2
        || levels
            .iter()
            .any(|l| !l.pending.is_empty() || l.cells.is_empty())
        || 5 * levels.iter().filter(|l| level_like(&l.full_title)).count() > levels.len()
    {
        return None;
    }
    // The pillar titles in one order that every level follows.
    let singles = singles(levels);
    let mut order: Vec<(String, String)> = Vec::new();
    let mut unordered = false;
    for level in levels {
        let mut last = None;
        let keys: Vec<String> = level
            .cells
            .iter()
            .map(|c| scale_key(&c.pillar_title, &singles))
            .collect();
        for (n, cell) in level.cells.iter().enumerate() {
            let key = &keys[n];
            let at = match order.iter().position(|(k, _)| k == key) {
                // Names with one code add the roles at that level after a comma (`LVL 4 -
                // Senior I, TTL`, `LVL 4 - Senior I, SEM`): the level is what they share
                // before their commas, else the shortest.
                Some(i) => {
                    let (a, b) = (&order[i].1, &cell.pillar_title);
                    let shared: Vec<&str> = a
                        .split(", ")
                        .zip(b.split(", "))
                        .take_while(|(x, y)| x == y)
                        .map(|(x, _)| x)
                        .collect();
                    if !shared.is_empty() {
                        order[i].1 = shared.join(", ");
                    } else if b.len() < a.len() {
                        order[i].1 = b.clone();
                    }
                    i
                }
                None => {
                    // A name this level adds goes before the next one it shares with the
                    // others, or else after its previous one, or else last.
                    let next = keys[n + 1..]
                        .iter()
                        .find_map(|k| order.iter().position(|(o, _)| o == k));
                    let i = next.unwrap_or_else(|| last.map_or(order.len(), |l| l + 1));
                    order.insert(i, (key.clone(), cell.pillar_title.clone()));
                    i
                }
            };
            // The same place twice in a row (`LVL 4 - Senior I, Tech Lead` over `LVL 4 -
            // Senior I, Engineering Manager`) is one level's text, written per role.
            if last.is_some_and(|l| at < l || at == l && keys[n - 1] != *key) {
                unordered = true;
            }
            last = Some(at);
        }
    }
    // Scales mix words that name levels with words that do not (`Foundation`, `Practitioner`,
    // `Expert`): most reading as levels is enough, with none of the sections doing so, or
    // half when the last, the most senior, does (`Awareness`, `Working`, `Practitioner`,
    // `Expert`). A role's name (`Developer experience`, `SRE practices`) names an area, not
    // a level.
    // Names each level lists in an order of its own (`Snr`, `Mid`, `Snr`, `Jnr`) are places
    // on a scale only when every one has a code, each a different number, or else is a word
    // of seniority, each a different one: they are then ranked by it.
    if unordered {
        // Codes (`L3`, `L1`, `L2`; `IC1` … `IC3` and `M1`) rank by their numbers, each
        // prefix's after those of the prefix first met, when every name has a code of its own.
        let codes: Vec<Option<(String, _)>> = order
            .iter()
            .map(|(_, t)| {
                let t = parse_level_title(t);
                let prefix: String = t
                    .code?
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect();
                Some((prefix.to_ascii_uppercase(), t.number?))
            })
            .collect();
        if order.len() >= 2
            && codes.iter().all(Option::is_some)
            && codes.iter().collect::<HashSet<_>>().len() == codes.len()
        {
            let mut prefixes: Vec<&str> = Vec::new();
            for (p, _) in codes.iter().flatten() {
                if !prefixes.contains(&p.as_str()) {
                    prefixes.push(p);
                }
            }
            let mut ranked: Vec<(usize, _, String)> = order
                .iter()
                .zip(&codes)
                .map(|((_, title), code)| {
                    let (p, n) = code.as_ref().expect("all coded");
                    let at = prefixes.iter().position(|x| x == p).expect("gathered");
                    (at, *n, title.clone())
                })
                .collect();
            ranked.sort_by_key(|r| (r.0, r.1));
            return Some(ranked.into_iter().map(|r| r.2).collect());
        }
        let ranks: Vec<u8> = order.iter().map(|(_, t)| ids::seniority(t).0).collect();
        let distinct = ranks.iter().collect::<HashSet<_>>().len() == ranks.len();
        if !distinct || ranks.contains(&ids::BARE_TITLE) || order.len() < 2 {
            return None;
        }
        order.sort_by_key(|(_, t)| ids::seniority(t));
        return Some(order.into_iter().map(|(_, title)| title).collect());
    }
    let like = order.iter().filter(|(_, title)| on_a_scale(title)).count();
    let senior_last = order.last().is_some_and(|(_, title)| on_a_scale(title));
    (order.len() >= 2
        && like >= 2
        && (2 * like > order.len() || 2 * like == order.len() && senior_last))
        .then(|| order.into_iter().map(|(_, title)| title).collect())
}

/// What identifies a place on a scale among the names of a ladder written the other way
/// round: its code and its title up to a comma, where it has a code (`LVL 4 - Senior I,
/// TTL` and `LVL 4 - Senior I, SEM` are one level, `LVL 4 - Senior I`, the roles after the
/// comma those at that level; `L4 - Senior Engineer` and `L4 - Engineering Manager` are
/// two), else its title.
fn scale_key(title: &str, singles: &[String]) -> String {
    if let Some(first) = range_start(title, singles) {
        return scale_key(first, singles);
    }
    let t = ids::parse_level_title(title);
    match t.code {
        Some(code) => format!(
            "{} {}",
            ids::code_key(&code),
            ids::title_key(t.title.split(", ").next().unwrap_or_default())
        ),
        None => ids::title_key(title),
    }
}

/// The names without a slash among the pillars of `levels` (title keys): the places a name
/// written with a slash or a dash (`Mid/Snr`, `L2-L3`, see [`span_of`]) may span.
fn singles(levels: &[Level]) -> Vec<String> {
    levels
        .iter()
        .flat_map(|l| &l.cells)
        .filter(|c| !c.pillar_title.contains('/'))
        .map(|c| ids::title_key(&c.pillar_title))
        .collect()
}

/// The places on a scale that a name spans (`Mid → Snr`, `Junior to Mid`, `Jnr → Mid →
/// Snr`; `Mid/Snr`, `L2-L3`, `Mid – Snr`, `Mid or Snr` when the parts are names of their own
/// among `singles`); `None` for a name of one place (`Senior / Lead`, where no `Lead` stands
/// alone, is one level's name).
fn span_of<'t>(title: &'t str, singles: &[String]) -> Option<Vec<&'t str>> {
    let mut parts = super::titles::span_parts(title);
    if parts.len() < 2 {
        // Marks that also join the words of one name (`Senior / Lead`, `Sub-Principal`)
        // span only where each part is a name of its own.
        let sep = ["/", "–", "—", " - ", "-", " or "]
            .into_iter()
            .find(|sep| title.contains(sep))?;
        parts = title.split(sep).map(str::trim).collect();
        if parts.len() < 2 || !parts.iter().all(|p| singles.contains(&ids::title_key(p))) {
            return None;
        }
    }
    parts.iter().all(|p| on_a_scale(p)).then_some(parts)
}

/// The most junior of the places on a scale that a name spans (see [`span_of`]): a behaviour
/// written for the way from one level to another is expected from the lower. `None` for a
/// name of one place.
fn range_start<'t>(title: &'t str, singles: &[String]) -> Option<&'t str> {
    span_of(title, singles)?
        .into_iter()
        .min_by_key(|p| (ids::seniority(p), parse_level_title(p).number))
}

/// The titles one level's pillars should have as levels, in the order written, when the level
/// is a whole ladder written the other way round: a page (`Seniorities`, or a skill, `###
/// Community`) whose title reads as no level and whose every pillar, two or more, is a place on
/// a scale (`- **Junior engineer (what to expect)**` over its list, `**LVL 2 - Engineer I**`
/// over its). `None` for any other track.
fn one_level_transposed(track: &Track) -> Option<Vec<String>> {
    let [level] = track.levels.as_slice() else {
        return None;
    };
    level_transposed(level)
}

/// [`one_level_transposed`] of a track of `level` alone: whether `level` is a whole ladder
/// written the other way round.
pub(super) fn level_transposed(level: &Level) -> Option<Vec<String>> {
    let titles: Vec<String> = level.cells.iter().map(|c| c.pillar_title.clone()).collect();
    (level.pending.is_empty()
        && titles.len() >= 2
        && super::titles::distinct(&titles)
        && !level_like(&level.full_title)
        && titles.iter().all(|t| on_a_scale(t)))
    .then_some(titles)
}

/// Turns round a track of one level that is a ladder written the other way round (see
/// [`one_level_transposed`]). When the level was the whole page (titled as the track is), its
/// text describes the track and its items are the levels' `Expectations`; a skill's section
/// (`### Community`) stays the pillar it names, its text the pillar's description.
pub(super) fn turn_one_level(ladder: &mut Ladder, track: &mut Track) {
    let Some(order) = one_level_transposed(track) else {
        return;
    };
    let page = ids::title_key(&track.title) == ids::title_key(&track.levels[0].full_title);
    let at = track.levels[0].at.clone();
    // How the page was read as one level no longer holds.
    ladder
        .guesses
        .retain(|g| !(g.at == at && g.text.starts_with("a one-level document")));
    if !page {
        transpose(ladder, track, order);
        return;
    }
    let description = std::mem::take(&mut track.levels[0].description);
    track.description.extend(description);
    turn_round(ladder, track, &order);
    for cell in track.levels.iter_mut().flat_map(|l| &mut l.cells) {
        cell.pillar_title = super::infer::PLAIN_PILLAR.to_string();
    }
    // The same words in brackets after every name (`Junior cook (what to expect)`) label the
    // items, and name none of the levels.
    let label = |t: &str| {
        t.rfind(" (")
            .filter(|_| t.ends_with(')'))
            .map(|i| t[i..].to_string())
    };
    let first = label(&track.levels[0].title);
    if let Some(suffix) = first.filter(|s| {
        track.levels.iter().all(|l| l.title.ends_with(s.as_str()))
            && track.levels.iter().all(|l| l.title.len() > s.len())
    }) {
        for l in &mut track.levels {
            l.title.truncate(l.title.len() - suffix.len());
            if l.full_title.ends_with(&suffix) {
                l.full_title.truncate(l.full_title.len() - suffix.len());
            }
        }
        let said = format!(
            "`{}` after every level's name labels the items: left out of the levels' titles",
            suffix.trim()
        );
        ladder.guess(GuessKind::Structure, at.clone(), said);
    }
    let (first, last) = (
        &track.levels[0].title,
        &track.levels[track.levels.len() - 1].title,
    );
    let said = format!(
        "the page's {} named items (`{first}` … `{last}`) read as levels, so they are the levels, ranked in the order written, and what each holds is its expectations",
        track.levels.len()
    );
    ladder.guess(GuessKind::Structure, at, said);
}

/// A name that reads as a place on a scale of levels: a code or a number (`L3`, `Level 2`), or a
/// word of seniority or proficiency (`Senior`, `Beginner`, `Expert`).
fn on_a_scale(title: &str) -> bool {
    const SCALE: &[&str] = &[
        "junior",
        "jr",
        "jnr",
        "mid",
        "senior",
        "sr",
        "snr",
        "lead",
        "staff",
        "principal",
        "distinguished",
        "fellow",
        "associate",
        "entry",
        "intern",
        "graduate",
        "apprentice",
        "journeyman",
        "journeyperson",
        "trainee",
        "novice",
        "beginner",
        "intermediate",
        "advanced",
        "expert",
        "master",
        "practitioner",
        "proficient",
        "competent",
        "level",
        "grade",
        "band",
        "tier",
        // Portuguese and Spanish, compared without accents (`Júnior`, `Sênior`).
        "nivel",
        "estagiario",
        "aprendiz",
        "pleno",
        "lider",
    ];
    let t = parse_level_title(title);
    level_like(title)
        && (t.code.is_some()
            || t.number.is_some()
            || title
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| SCALE.contains(&crate::ids::fold_word(w).as_str())))
}

/// Turns `track` round: a level per title of `order` (see [`transposed`]), whose cells are
/// the old levels, now pillars, in their order; each old level's description describes its
/// pillar, and links to an old level lead to the track. Says so in a guess at the first
/// level, naming both axes.
pub(super) fn transpose(ladder: &mut Ladder, track: &mut Track, order: Vec<String>) {
    // Names some section lists in another order were ranked by their words of seniority
    // (see [`transposed`]).
    let singles = singles(&track.levels);
    let keys: Vec<String> = order.iter().map(|t| scale_key(t, &singles)).collect();
    let written = track.levels.iter().all(|l| {
        let at: Vec<Option<usize>> = l
            .cells
            .iter()
            .map(|c| {
                keys.iter()
                    .position(|k| *k == scale_key(&c.pillar_title, &singles))
            })
            .collect();
        at.windows(2).all(|w| w[0] <= w[1])
    });
    let ranked = if written {
        "ranked in the order written"
    } else if order.iter().all(|t| parse_level_title(t).code.is_some()) {
        "ranked by their codes, as each section lists them in an order of its own"
    } else {
        "ranked by their words of seniority, as each section lists them in an order of its own"
    };
    turn(ladder, track, order, ranked);
}

/// [`transpose`], with how the new levels are ranked, for the guess.
fn turn(ladder: &mut Ladder, track: &mut Track, order: Vec<String>, ranked: &str) {
    let old = turn_round(ladder, track, &order);
    // Names read as one level by their code, said once each.
    let singles = singles(&old);
    let keys: Vec<String> = order.iter().map(|t| scale_key(t, &singles)).collect();
    let mut said: Vec<String> = Vec::new();
    for cell in old.iter().flat_map(|l| &l.cells) {
        let key = scale_key(&cell.pillar_title, &singles);
        let Some(title) = keys.iter().position(|k| *k == key).map(|i| &order[i]) else {
            continue;
        };
        if *title != cell.pillar_title && !said.contains(&cell.pillar_title) {
            said.push(cell.pillar_title.clone());
            let said = match span_of(&cell.pillar_title, &singles) {
                Some(parts) => format!(
                    "`{}` spans {} levels: its text is placed at the most junior, `{title}`",
                    cell.pillar_title,
                    match parts.len() {
                        2 => "two".to_string(),
                        3 => "three".to_string(),
                        n => n.to_string(),
                    }
                ),
                None => format!(
                    "`{}` has the code of level `{title}`: its text is that level's",
                    cell.pillar_title
                ),
            };
            ladder.guess(GuessKind::Structure, cell.pillar_at.clone(), said);
        }
    }
    let names = |titles: Vec<&str>| match titles.as_slice() {
        [first, .., last] => format!("`{first}` … `{last}`"),
        _ => titles.iter().map(|t| format!("`{t}`")).collect(),
    };
    let areas = names(old.iter().map(|l| l.full_title.as_str()).collect());
    let ranks = names(order.iter().map(String::as_str).collect());
    ladder.guess(
        GuessKind::Structure,
        old[0].at.clone(),
        format!(
            "read the other way round: the {} sections ({areas}) name competency areas, so they are the pillars, and the names inside each ({ranks}) read as levels, so they are the levels, {ranked}",
            old.len()
        ),
    );
}

/// [`transpose`] without its guess: `track`'s levels made from `order`, the old levels
/// (returned) their pillars.
fn turn_round(ladder: &mut Ladder, track: &mut Track, order: &[String]) -> Vec<Level> {
    let old = std::mem::take(&mut track.levels);
    let singles = singles(&old);
    let keys: Vec<String> = order.iter().map(|t| scale_key(t, &singles)).collect();
    let mut levels: Vec<Level> = order
        .iter()
        .zip(&keys)
        .map(|(title, key)| {
            let at = old
                .iter()
                .flat_map(|l| &l.cells)
                .find(|c| scale_key(&c.pillar_title, &singles) == *key)
                .map(|c| c.pillar_at.clone())
                .unwrap_or_else(|| track.at.clone());
            Level::titled(ladder.uid(), title, at)
        })
        .collect();
    for area in &old {
        for cell in &area.cells {
            let key = scale_key(&cell.pillar_title, &singles);
            let Some(level) = keys.iter().position(|k| *k == key) else {
                continue;
            };
            // A second name of one level in the same area adds to that area's text there.
            if let Some(c) = levels[level]
                .cells
                .last_mut()
                .filter(|c| c.pillar_at == area.at && c.pillar_title == area.full_title)
            {
                c.blocks.extend(cell.blocks.iter().cloned());
                continue;
            }
            levels[level].cells.push(Cell {
                pillar_title: area.full_title.clone(),
                pillar_at: area.at.clone(),
                pillar_id: None,
                pillar_key: None,
                pillar_description: area.description.clone(),
                blocks: cell.blocks.clone(),
                pillar: 0,
            });
        }
        ladder.retarget(FileRef::Level(area.uid), FileRef::Track(track.uid));
    }
    track.levels = levels;
    old
}

/// A document of skill sections whose every bullet starts with a level's code (`### Writing
/// code` over `- L1: You write …`, `- L2: …`; TrustLayer's skills), read as levels whose
/// labelled bullets are not resolved yet, perhaps one track per `##` group of skills: makes
/// them one track titled `title` whose levels are the codes, in the order of their numbers,
/// and whose pillars are the skill sections. Says so in a guess. `false`, and nothing
/// changed, when any bullet's label is not a level's code or no level was read that way.
pub(super) fn coded_skills(ladder: &mut Ladder, tracks: &mut Vec<Track>, title: &str) -> bool {
    let levels = || tracks.iter().flat_map(|t| &t.levels);
    let coded = levels().all(|l| {
        l.cells.is_empty()
            && !l.pending.is_empty()
            && l.pending
                .iter()
                .all(|p| ids::parse_code(&p.label).is_some())
    });
    if !coded || levels().count() < 2 {
        return false;
    }
    let mut all = Track {
        uid: ladder.uid(),
        title: title.to_string(),
        id: None,
        description: Vec::new(),
        levels: Vec::new(),
        at: tracks[0].at.clone(),
        final_id: String::new(),
    };
    for t in tracks.iter() {
        all.description.extend(t.description.iter().cloned());
        for l in &t.levels {
            let mut level = l.clone();
            labels_as_cells(&mut level);
            // Each skill may list the codes in an order of its own (`L3`, `L1`): the codes'
            // numbers order them.
            level
                .cells
                .sort_by_key(|c| ids::parse_code(&c.pillar_title).map(|(_, n)| n.sort_key()));
            all.levels.push(level);
        }
    }
    let Some(mut order) = transposed(&all) else {
        return false;
    };
    // One scale of codes (`L1` … `L5`); codes of several letters (`IC2`, `M2`) are several
    // tracks, which this reading does not tell apart.
    let letters = |code: &String| -> String {
        ids::code_key(code)
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect()
    };
    if order.iter().any(|c| letters(c) != letters(&order[0])) {
        return false;
    }
    order.sort_by_key(|code| ids::parse_code(code).map(|(_, n)| n.sort_key()));
    for t in tracks.iter() {
        ladder.retarget(FileRef::Track(t.uid), FileRef::Track(all.uid));
    }
    turn(
        ladder,
        &mut all,
        order,
        "ranked by the numbers of their codes",
    );
    *tracks = vec![all];
    true
}

/// `level`'s labelled bullets, each under a cell named by its label, without it: the label
/// names the level (`- L1: You …`, `- **Junior Baker**: Weighs …` → `- You …`, `- Weighs
/// …`) once the ladder is turned round. Bullets with the same label share a cell.
fn labels_as_cells(level: &mut Level) {
    for p in std::mem::take(&mut level.pending) {
        let key = ids::title_key(&p.label);
        let blocks = if p.unlabelled.is_empty() {
            vec![p.block]
        } else {
            p.unlabelled
        };
        match level
            .cells
            .iter_mut()
            .find(|c| ids::title_key(&c.pillar_title) == key)
        {
            Some(cell) => cell.blocks.extend(blocks),
            None => level.cells.push(Cell {
                pillar_title: p.label.clone(),
                pillar_at: p.at.clone(),
                pillar_id: None,
                pillar_key: None,
                pillar_description: Vec::new(),
                blocks,
                pillar: 0,
            }),
        }
    }
}

/// [`transposed`] of a track whose levels are sections whose every bullet starts with a bold
/// name (`## Mixing` / `1. **Junior Baker**: Weighs flour …` / `2. **Baker**: …`), the
/// names not yet read as pillars: when the names read as levels as [`transposed`] asks, the
/// track's bullets are moved into cells named by them (see [`labels_as_cells`]), ready to be
/// turned round, and the names' order is returned. `None`, and the track unchanged,
/// otherwise: bullets labelled by area (`**Communication**: …`) go by their labels.
pub(super) fn labelled_names(track: &mut Track) -> Option<Vec<String>> {
    if !track
        .levels
        .iter()
        .all(|l| l.cells.is_empty() && !l.pending.is_empty())
    {
        return None;
    }
    let mut trial = track.clone();
    trial.levels.iter_mut().for_each(labels_as_cells);
    let order = transposed(&trial)?;
    // A label opens an item for many reasons (an audience, `**Readers**:`; an area,
    // `**Safety**:`): every name must read as a level, or name the role of one that does
    // (`Baker` beside `Junior Baker`).
    let ranked: Vec<Vec<String>> = order
        .iter()
        .filter(|t| on_a_scale(t))
        .map(|t| ids::role_words(t))
        .collect();
    let named = |t: &String| {
        let own = ids::role_words(t);
        !own.is_empty() && ranked.iter().any(|r| own.iter().all(|w| r.contains(w)))
    };
    if !order.iter().all(|t| on_a_scale(t) || named(t)) {
        return None;
    }
    *track = trial;
    Some(order)
}

/// A document whose `##` sections group competency areas, each written the other way round
/// (`## Performance` / `### Technical execution` / `#### P1 - Software Engineer I`, Hebbia's
/// guidelines): read as written, each group is a track whose levels are its areas and whose
/// pillars are the level names. When the areas are each in one group only and, all together,
/// read transposed ([`transposed`]), makes them one track titled `title` whose levels are the
/// names and whose pillars are the areas; the groups' descriptions describe the track, and a
/// guess names the groups, which ladderbook has no place for. `false`, and nothing changed,
/// otherwise (an area in two groups makes the groups tracks of their own).
pub(super) fn grouped_areas(ladder: &mut Ladder, tracks: &mut Vec<Track>, title: &str) -> bool {
    if tracks.len() < 2 {
        return false;
    }
    let mut seen = std::collections::HashSet::new();
    if !tracks
        .iter()
        .flat_map(|t| &t.levels)
        .all(|l| seen.insert(ids::title_key(&l.full_title)))
    {
        return false;
    }
    let mut all = Track {
        uid: ladder.uid(),
        title: title.to_string(),
        id: None,
        description: tracks.iter().flat_map(|t| t.description.clone()).collect(),
        levels: tracks.iter().flat_map(|t| t.levels.clone()).collect(),
        at: tracks[0].at.clone(),
        final_id: String::new(),
    };
    let Some(order) = transposed(&all).or_else(|| labelled_names(&mut all)) else {
        return false;
    };
    for t in tracks.iter() {
        ladder.retarget(FileRef::Track(t.uid), FileRef::Track(all.uid));
    }
    let groups: Vec<String> = tracks.iter().map(|t| format!("`{}`", t.title)).collect();
    ladder.guess(
        GuessKind::Structure,
        tracks[0].at.clone(),
        format!(
            "the {} sections {} group the competency areas under them, which ladderbook has no place for: their areas are pillars of one track, and their names are left out",
            groups.len(),
            groups.join(", ")
        ),
    );
    turn(ladder, &mut all, order, "ranked in the order written");
    *tracks = vec![all];
    true
}
