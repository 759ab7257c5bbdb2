//! Tracks of one title from different files (`## IC Track` in the engineers' file and in the
//! product managers'): each is titled by its file as well, so that the menu, the overview
//! and the comparisons tell them apart.

use super::super::model::{GuessKind, Ladder};
use super::super::source::stem_of;
use super::super::titles::readable;

/// Adds to the title of each track that shares its title with a track read from another file
/// the readable name of its own file (`IC Track (Product manager levels)`), or of its folder
/// where the files are named alike (`bakers/ladder.md`, `cooks/ladder.md`), and says so once
/// per title at the first track. Titles that would still meet another track's stay as they
/// are (`check` then warns of them).
pub(super) fn distinct_track_titles(ladder: &mut Ladder) {
    let key = |t: &str| t.trim().to_lowercase();
    let folder = |path: &str| path.rsplit('/').nth(1).unwrap_or("").to_string();
    let mut renamed: Vec<(usize, String)> = Vec::new();
    // (first track, how many, its title before and after).
    let mut said: Vec<(usize, usize, String, String)> = Vec::new();
    for (i, t) in ladder.tracks.iter().enumerate() {
        let alike: Vec<usize> = (0..ladder.tracks.len())
            .filter(|&j| key(&ladder.tracks[j].title) == key(&t.title))
            .collect();
        if alike.len() < 2 || alike[0] != i {
            continue;
        }
        let paths: Vec<&str> = alike
            .iter()
            .map(|&j| ladder.tracks[j].at.path.as_str())
            .collect();
        let distinct = |names: &[String]| {
            names
                .iter()
                .all(|n| !n.is_empty() && names.iter().filter(|m| key(m) == key(n)).count() == 1)
        };
        let stems: Vec<String> = paths.iter().map(|p| readable(stem_of(p))).collect();
        let folders: Vec<String> = paths.iter().map(|p| readable(&folder(p))).collect();
        let Some(names) = [stems, folders].into_iter().find(|n| distinct(n)) else {
            continue;
        };
        let titles: Vec<String> = alike
            .iter()
            .zip(&names)
            .map(|(&j, n)| format!("{} ({n})", ladder.tracks[j].title))
            .collect();
        // Not the title of a track of its own (`Management (Bakers)` beside the bakers'
        // `Management`).
        let taken = ladder
            .tracks
            .iter()
            .any(|o| titles.iter().any(|n| key(n) == key(&o.title)));
        if taken {
            continue;
        }
        said.push((i, alike.len(), t.title.clone(), titles[0].clone()));
        renamed.extend(alike.into_iter().zip(titles));
    }
    for (i, title) in renamed {
        ladder.tracks[i].title = title;
    }
    for (i, n, old, first) in said {
        let at = ladder.tracks[i].at.clone();
        ladder.guess(
            GuessKind::Structure,
            at,
            format!(
                "{n} tracks read from different files are titled `{old}`: each is titled by its file as well (`{first}`), so that readers can tell them apart"
            ),
        );
    }
}
