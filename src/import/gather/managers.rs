//! A document that lists its individual contributors' levels and then its managers', each
//! group with pillars of its own (a nurse's Patient care and Handover, a ward manager's
//! Rostering and Appraisals; BuzzFeed's designers' Visual design and Patterns, its managers'
//! Design direction and Career growth): two tracks, not one ladder that ranks the first
//! manager above the most senior specialist.

use super::manages;
use crate::import::ids;
use crate::import::model::{GuessKind, Ladder, Level, Track};
use std::collections::HashSet;

/// The pillars of `level`, by their keys.
fn pillars(level: &Level) -> HashSet<String> {
    level
        .cells
        .iter()
        .map(|c| {
            c.pillar_key
                .clone()
                .unwrap_or_else(|| ids::title_key(&c.pillar_title))
        })
        .collect()
}

/// Where `levels` part into individual contributors and managers: the index of the first
/// level whose title names one who manages (`Ward Manager`, `Director`, `Head of …`), with
/// two or more levels on each side, when each side has pillars of its own (two or more, and
/// a third of its pillars or more) that the other side never has; after a manager, two
/// levels or more must share a pillar. Pillars apart are what
/// says two tracks: a ladder whose managers keep its pillars, adding one for their people,
/// is one.
fn parting(levels: &[Level]) -> Option<usize> {
    let own = |side: &HashSet<String>, other: &HashSet<String>| {
        let only = side.difference(other).count();
        only >= 2 && 3 * only >= side.len()
    };
    const MANAGING: &[&str] = &["director", "head", "chief", "vp", "supervisor", "matron"];
    // A manager of what is no team (`Product Manager`, `Project Manager`, `Account Manager`):
    // an individual contributor, as `manages` reads them; `Ward Manager` and `Marketing
    // Manager` manage people.
    #[rustfmt::skip]
    const OF_THINGS: &[&str] = &[
        "product", "project", "program", "programme", "account", "accounts", "success",
        "community", "content", "brand", "release", "portfolio", "category", "campaign",
        "partner", "relationship", "solutions", "asset",
    ];
    let manager_of_people = |title: &str| {
        let words: Vec<String> = title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words
            .iter()
            .enumerate()
            // A `Group Product Manager` manages product managers.
            .any(|(i, w)| {
                w == "manager"
                    && (i == 0
                        || !OF_THINGS.contains(&words[i - 1].as_str())
                        || (i >= 2 && words[i - 2] == "group"))
            })
    };
    // On a path that names managers before (an Engineering Manager under the Director),
    // the levels after make a ladder of their own only when two of them, at least, share a
    // pillar: senior levels that each write pillars of their own (a Director's Strategy, a
    // CTO's Board) top the one path instead.
    let ladder_of = |side: &[Level]| {
        let sets: Vec<HashSet<String>> = side.iter().map(pillars).collect();
        (0..sets.len()).any(|i| (i + 1..sets.len()).any(|j| !sets[i].is_disjoint(&sets[j])))
    };
    let names_manager = |l: &Level| {
        manages(&l.title).is_some()
            || crate::import::titles::any_word(&l.title, MANAGING)
            || manager_of_people(&l.title)
    };
    (2..levels.len().saturating_sub(1)).find(|&at| {
        let before: HashSet<String> = levels[..at].iter().flat_map(pillars).collect();
        let after: HashSet<String> = levels[at..].iter().flat_map(pillars).collect();
        names_manager(&levels[at])
            && own(&before, &after)
            && own(&after, &before)
            && (!levels[..at].iter().any(names_manager) || ladder_of(&levels[at..]))
    })
}

/// Splits each track of `tracks` (each with its first document) whose levels part into
/// individual contributors and then managers with pillars of their own (see [`parting`]):
/// the managers become a track of their own, `<track>: management`, said in a guess.
pub(super) fn split_managers(
    ladder: &mut Ladder,
    tracks: Vec<(Track, usize)>,
) -> Vec<(Track, usize)> {
    let mut out = Vec::with_capacity(tracks.len());
    for (mut track, doc) in tracks {
        let Some(at) = parting(&track.levels) else {
            out.push((track, doc));
            continue;
        };
        let managers = track.levels.split_off(at);
        let title = format!("{}: management", track.title);
        ladder.guess(
            GuessKind::Structure,
            managers[0].at.clone(),
            format!(
                "`{}` … `{}` name managers, with pillars of their own that the levels above them never have, and without several of theirs: a track of their own, `{title}`",
                managers[0].title,
                managers[managers.len() - 1].title
            ),
        );
        let second = Track {
            uid: ladder.uid(),
            title,
            id: track.id.as_ref().map(|id| format!("{id}-management")),
            description: Vec::new(),
            at: managers[0].at.clone(),
            levels: managers,
            final_id: String::new(),
        };
        out.push((track, doc));
        out.push((second, doc));
    }
    out
}
