//! One track written as two sections that split its levels into ranges (`## Individual
//! Contributor Track (Levels 1-3)` and `## Senior Individual Contributor Track (Levels 4-6)`):
//! read section by section they are two tracks, and no comparison crosses the split.

use crate::import::ids;
use crate::import::model::{FileRef, GuessKind, Ladder, Track};

/// Words a track's title has that say nothing of which track it is.
const GENERIC: &[&str] = &[
    "track", "tracks", "level", "levels", "ladder", "path", "the", "of",
];

/// Joins each track of `tracks` (in document order) to the one before it when it continues
/// that one's levels: every level of both has a number of a code with one prefix (`Level 4`),
/// its lowest number follows the other's highest, and the titles end with the same words,
/// one of them saying which track (`… Individual Contributor Track`, `… career`), a
/// parenthesis aside. The joined track is titled by those words and keeps both descriptions;
/// links to the second lead to it. Says so in a guess.
pub(super) fn join_continued(ladder: &mut Ladder, tracks: &mut Vec<Track>) {
    let mut i = 1;
    while i < tracks.len() {
        match shared_title(&tracks[i - 1], &tracks[i]) {
            Some(title) if continues(&tracks[i - 1], &tracks[i]) => {
                let second = tracks.remove(i);
                let first = &mut tracks[i - 1];
                let said = format!(
                    "`{}` continues the level numbers of `{}`: one track, `{title}`",
                    second.title, first.title
                );
                ladder.guess(GuessKind::Structure, second.at.clone(), said);
                ladder.retarget(FileRef::Track(second.uid), FileRef::Track(first.uid));
                first.title = title;
                first.description.extend(second.description);
                first.levels.extend(second.levels);
            }
            _ => i += 1,
        }
    }
}

/// Whether `b`'s levels take up the numbering where `a`'s leave off.
fn continues(a: &Track, b: &Track) -> bool {
    let numbers = |t: &Track| -> Option<(String, Vec<u64>)> {
        let mut prefix = None;
        let mut ns = Vec::new();
        for l in &t.levels {
            let p = ids::code_prefix(l.code.as_deref()?);
            if prefix.get_or_insert_with(|| p.clone()) != &p {
                return None;
            }
            ns.push(l.number?.major);
        }
        Some((prefix?, ns))
    };
    match (numbers(a), numbers(b)) {
        (Some((pa, na)), Some((pb, nb))) => {
            pa == pb
                && na
                    .iter()
                    .max()
                    .zip(nb.iter().min())
                    .is_some_and(|(&x, &y)| y == x + 1)
        }
        _ => false,
    }
}

/// The words both titles end with, without a parenthesis, when one of them says which track
/// (not only `Track` or `Levels`): the joined track's title, capitalised as the first writes it.
fn shared_title(a: &Track, b: &Track) -> Option<String> {
    let words = |t: &str| -> Vec<String> {
        let t = t.split('(').next().unwrap_or(t);
        t.split_whitespace().map(str::to_string).collect()
    };
    let (wa, wb) = (words(&a.title), words(&b.title));
    let n = wa
        .iter()
        .rev()
        .zip(wb.iter().rev())
        .take_while(|(x, y)| ids::title_key(x) == ids::title_key(y))
        .count();
    let shared = &wa[wa.len() - n..];
    if !shared
        .iter()
        .any(|w| !GENERIC.contains(&ids::title_key(w).as_str()))
    {
        return None;
    }
    Some(crate::import::titles::capitalised(&shared.join(" ")))
}
