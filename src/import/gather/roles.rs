//! A folder of one-level files for several roles, each at several levels (`junior-qa-engineer.md`,
//! `qa-engineer.md`, `senior-qa-engineer.md` beside `associate-product-manager.md`,
//! `product-manager.md`, `senior-product-manager.md`, as Guestline's job levels are written):
//! a track per role, where one track would rank the roles among each other by file name.

use super::named_tracks::Group;
use super::{folder_track, Folder, Member, PageDoc};
use crate::import::ids;
use crate::import::model::{GuessKind, Ladder, Track};

/// The role a level's title names without its words of seniority before it or a numeral
/// after it (`Senior QA Engineer`, `QA Engineer II` → `QA Engineer`), as written.
fn role(title: &str) -> String {
    let mut words: Vec<&str> = title.split_whitespace().collect();
    while words.len() > 1 && ids::seniority(words[0]).0 != ids::BARE_TITLE {
        words.remove(0);
    }
    while words.len() > 1 && ids::numeral(words[words.len() - 1]).is_some() {
        words.pop();
    }
    words.join(" ")
}

/// The members grouped by role (see [`role`]), each group titled by its role, in the order the
/// roles first come; then each role with one level only, a group of its own. Back when words
/// of seniority tell every level apart (one ladder of roles), when the folder's README lists
/// them all in order (`indexed`, asked only when the titles leave levels tied: one ladder),
/// when fewer than two roles have two levels or more that those words tell apart, or when the
/// levels of one role (or of the one-level roles together) all rank above every other level
/// (their continuation).
pub(super) fn by_role(
    members: Vec<Member>,
    indexed: impl Fn(&[Member]) -> bool,
) -> Result<Vec<Group>, Vec<Member>> {
    let mut places: Vec<_> = members.iter().map(|m| ids::seniority(&m.1.title)).collect();
    places.sort();
    places.dedup();
    // The README is read only for a folder whose titles leave levels tied.
    if places.len() == members.len() || indexed(&members) {
        return Err(members);
    }
    let mut groups: Vec<(String, Vec<Member>)> = Vec::new();
    for m in members {
        let r = role(&m.1.title);
        let key = ids::title_key(&r);
        match groups.iter_mut().find(|(k, _)| ids::title_key(k) == key) {
            Some((_, g)) => g.push(m),
            None => groups.push((r, vec![m])),
        }
    }
    let apart = |g: &[Member]| {
        let mut p: Vec<_> = g.iter().map(|m| ids::seniority(&m.1.title)).collect();
        p.sort();
        p.dedup();
        p.len() == g.len()
    };
    // A file titled as another role's (a copy's heading left unchanged) leaves its role's
    // levels tied, and the summary says so; two roles told apart are enough.
    let several = groups
        .iter()
        .filter(|(_, g)| g.len() >= 2 && apart(g))
        .count();
    if several < 2 {
        return Err(groups.into_iter().flat_map(|(_, g)| g).collect());
    }
    let mut out: Vec<Group> = Vec::new();
    let mut alone: Vec<Member> = Vec::new();
    for (r, g) in groups {
        if g.len() >= 2 {
            // Titled as the level of the role without a word of seniority is, where one is.
            let title = g
                .iter()
                .map(|m| m.1.title.clone())
                .find(|t| ids::title_key(t) == ids::title_key(&r))
                .unwrap_or(r);
            out.push((Some(title), g));
        } else {
            alone.extend(g);
        }
    }
    // Roles that every word of seniority places above all the others' levels (`staff-engineer.md`
    // and `principal-engineer.md`, or `qa-lead.md`, beside two roles' junior … senior files)
    // continue those roles: one ladder, not roles of their own.
    let places =
        |g: &[Member]| -> Vec<u8> { g.iter().map(|m| ids::seniority(&m.1.title).0).collect() };
    let units: Vec<Vec<u8>> = out
        .iter()
        .map(|(_, g)| places(g))
        .chain((!alone.is_empty()).then(|| places(&alone)))
        .collect();
    let above = (0..units.len()).any(|u| {
        let low = units[u].iter().min();
        let others = (0..units.len())
            .filter(|&o| o != u)
            .flat_map(|o| units[o].iter())
            .max();
        matches!((low, others), (Some(l), Some(h)) if l > h)
    });
    if above {
        let mut all: Vec<Member> = out.into_iter().flat_map(|(_, g)| g).chain(alone).collect();
        all.sort_by_key(|m| m.0);
        return Err(all);
    }
    // A role of one level each is a track of its own: put on one track, unrelated roles
    // (Architect, QA Specialist) would read as steps of a ladder, compared as promotions.
    alone.sort_by_key(|m| m.0);
    for m in alone {
        let title = m.1.title.clone();
        out.push((Some(title), vec![m]));
    }
    Ok(out)
}

/// The tracks of the folder `f` whose files `groups` gives by role (see [`by_role`]), with
/// the guess that says so; each with its first document.
pub(super) fn tracks(
    ladder: &mut Ladder,
    f: &Folder,
    groups: Vec<Group>,
    page_docs: &mut Vec<PageDoc>,
) -> Vec<(Track, usize)> {
    let at = ladder.docs[groups[0].1[0].0].loc_line(1);
    let n: usize = groups.iter().map(|(_, g)| g.len()).sum();
    let roles: Vec<String> = groups
        .iter()
        .filter(|(_, g)| g.len() >= 2)
        .filter_map(|(r, g)| r.as_ref().map(|r| format!("`{r}` ({})", g.len())))
        .collect();
    let alone = groups.iter().filter(|(_, g)| g.len() == 1).count();
    let tracks: Vec<(Track, usize)> = groups
        .into_iter()
        .map(|(name, group)| folder_track(ladder, f, group, page_docs, name.as_deref()))
        .collect();
    let rest = match alone {
        0 => String::new(),
        1 => "; the one role with one level is a track of its own".to_string(),
        n => format!("; the {n} roles with one level each are tracks of their own"),
    };
    ladder.guess_first(
        GuessKind::Structure,
        at,
        format!(
            "the {n} one-level files in `{}/` are levels of {} roles, which words of seniority rank only within a role: a track per role, {}{rest} (move the files into a folder per track to say otherwise)",
            if f.dir.is_empty() { "." } else { f.dir },
            roles.len(),
            roles.join(", "),
        ),
    );
    tracks
}
