//! Level files whose front-matter names their track (`track: technical`, `track:
//! management`, an Obsidian or Confluence vault's levels): one track per name, whatever the
//! files' titles say.

use super::Member;

/// The members grouped by the track their front-matter names, in the order the names first
/// come, each group's title the name made readable (`technical` → `Technical`); members that
/// name none form a group of their own, untitled (`None`), after the others. The members
/// back, unchanged, when none names a track.
pub(super) fn by_front_matter(
    members: Vec<Member>,
) -> Result<Vec<(Option<String>, Vec<Member>)>, Vec<Member>> {
    if members.iter().all(|m| m.1.track.is_none()) {
        return Err(members);
    }
    let mut groups: Vec<(Option<String>, Vec<Member>)> = Vec::new();
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
    groups.sort_by_key(|(name, _)| name.is_none());
    Ok(groups)
}
