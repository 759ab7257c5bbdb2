//! Level files whose front-matter names their track (`track: technical`, `track:
//! management`, an Obsidian or Confluence vault's levels): one track per name, whatever the
//! files' titles say.

use super::{folder_track, Folder, Member, PageDoc};
use crate::import::model::{GuessKind, Ladder, Track};

/// Level files on one track: its title (`None` for files that name none) and the files.
pub(super) type Group = (Option<String>, Vec<Member>);

/// The members grouped by the track their front-matter names, in the order the names first
/// come, each group's title the name made readable (`technical` → `Technical`); members that
/// name none form a group of their own, untitled (`None`), after the others; the groups
/// ordered by the lowest rank their files' front-matter gives. The members back when none
/// names a track, or when each names one of its own.
pub(super) fn by_front_matter(members: Vec<Member>) -> Result<Vec<Group>, Vec<Member>> {
    if members.iter().all(|m| m.1.track.is_none()) {
        return Err(members);
    }
    let mut groups: Vec<Group> = Vec::new();
    for m in members {
        let name = m.1.track.as_deref().map(crate::import::titles::readable);
        let key = name.as_deref().map(crate::import::ids::title_key);
        match groups
            .iter_mut()
            .find(|(n, _)| n.as_deref().map(crate::import::ids::title_key) == key)
        {
            Some((_, group)) => group.push(m),
            None => groups.push((name, vec![m])),
        }
    }
    // A name on every file (`track: backend`, a learning track) says nothing of tracks.
    if groups.iter().all(|(_, g)| g.len() == 1) && groups.len() > 1 {
        return Err(groups.into_iter().flat_map(|(_, g)| g).collect());
    }
    // Most junior first: by the lowest rank each track's files give.
    let lowest = |g: &[Member]| g.iter().filter_map(|m| m.1.rank).min().unwrap_or(i64::MAX);
    groups.sort_by_key(|(name, g)| (name.is_none(), lowest(g)));
    Ok(groups)
}

/// The tracks of the folder `f` whose files `groups` gives by track (see [`by_front_matter`]),
/// with the guess that says so; each with its first document.
pub(super) fn tracks(
    ladder: &mut Ladder,
    f: &Folder,
    groups: Vec<Group>,
    page_docs: &mut Vec<PageDoc>,
) -> Vec<(Track, usize)> {
    let at = ladder.docs[groups[0].1[0].0].loc_line(1);
    let names: Vec<String> = groups
        .iter()
        .map(|(n, g)| match n {
            Some(n) => format!("`{n}` ({})", g.len()),
            None => format!("none ({})", g.len()),
        })
        .collect();
    let tracks = groups
        .into_iter()
        .map(|(name, group)| folder_track(ladder, f, group, page_docs, name.as_deref()))
        .collect();
    ladder.guess(
        GuessKind::Structure,
        at,
        format!(
            "the level files in `{}/` name their track in their front-matter: {}",
            if f.dir.is_empty() { "." } else { f.dir },
            names.join(", ")
        ),
    );
    tracks
}
