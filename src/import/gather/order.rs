//! The order of what a folder holds: its levels, its tracks and its free pages, and how the
//! summary says each was ordered.

use super::{listing, Member};
use crate::import::ids::{self, LevelNumber};
use crate::import::model::{Ladder, Page, Track};
use std::collections::HashMap;

/// Orders a folder's levels: by their titles' ranks, numbers or words of seniority first
/// ([`order_members`]), bare titles among words of seniority (`Baseline`) where `readme`, the
/// page that describes the track, lists them; failing those, in the order `readme` lists them,
/// or without one, the order in which the parent folder's README lists the folder's files
/// (`- [TeamLead](managers/teamlead.md)`; `dir`, `parent` and `last` are the folder, its
/// parent and its name). Returns how, for the summary.
pub(super) fn order_levels(
    ladder: &Ladder,
    members: &mut [Member],
    readme: Option<usize>,
    (dir, parent, last): (&str, &str, &str),
) -> String {
    let (text, rel) = (
        |i: usize| &ladder.docs[i].text,
        |i: usize| &ladder.docs[i].rel,
    );
    let listed = |i: usize| format!(", in the order `{}` lists them", rel(i));
    // File names that each open with a number (`01-trainee.md`) order the files as their
    // author meant; words that leave some titles tied do not overrule them.
    let numbered_files = members.iter().all(|m| {
        let doc = &ladder.docs[m.0];
        doc.stem().starts_with(|c: char| c.is_ascii_digit())
    });
    match order_members(members, !numbered_files) {
        Some(SENIORITY_ORDER) => match readme {
            Some(i) if listing::bare_titles_as_listed(text(i), members, ladder) => format!(
                "{SENIORITY_ORDER}, and titles without one in the order `{}` lists them",
                rel(i)
            ),
            _ => SENIORITY_ORDER.to_string(),
        },
        Some(how) if how != SENIORITY_TIES => how.to_string(),
        tied => {
            let (page, folder) = match readme {
                Some(i) => (Some(i), None),
                None => (
                    ladder
                        .docs
                        .iter()
                        .position(|d| !dir.is_empty() && d.dir() == parent && d.is_readme()),
                    Some(last),
                ),
            };
            // A page that lists them all says more than words that leave some tied.
            match page {
                Some(i) if listing::listed_in_order(text(i), members, ladder, folder) => listed(i),
                _ => tied.unwrap_or(", in file-name order").to_string(),
            }
        }
    }
}

/// How [`order_members`] says it ordered the levels by their words of seniority.
const SENIORITY_ORDER: &str =
    ", ordered by the words of seniority in their titles (junior, senior, staff, …)";

/// Orders a folder's levels by the ranks their files give (one each), else by the numbers in
/// their titles, else by words of seniority when those tell every level apart (or, with
/// `ties`, most of them); returns how, for the summary, or `None` (the order left as it is)
/// when none of these applies.
fn order_members(members: &mut [Member], ties: bool) -> Option<&'static str> {
    let mut ranks: Vec<i64> = members.iter().filter_map(|m| m.1.rank).collect();
    ranks.sort_unstable();
    ranks.dedup();
    if ranks.len() == members.len() {
        members.sort_by_key(|m| m.1.rank);
        return Some(", ordered by the rank each file's front-matter gives");
    }
    if members.iter().all(|m| m.1.number.is_some()) {
        members.sort_by_key(|m| (m.1.number.map(LevelNumber::sort_key), m.0));
        return Some(", ordered by the numbers in their titles");
    }
    // No numbers: words such as Junior, Senior, Staff order the levels, when every title has
    // a distinct place (`Engineer` sits between Junior and Senior).
    let mut keys: Vec<_> = members.iter().map(|m| ids::seniority(&m.1.title)).collect();
    keys.sort();
    keys.dedup();
    if keys.len() == members.len() && members.len() > 1 {
        members.sort_by_key(|m| ids::seniority(&m.1.title));
        return Some(SENIORITY_ORDER);
    }
    // The place each page's front-matter gives it among its folder's pages (`weight`), one
    // each: the site's own order, where the titles give none.
    let mut weights: Vec<i64> = members.iter().filter_map(|m| m.1.weight).collect();
    weights.sort_unstable();
    weights.dedup();
    if weights.len() == members.len() {
        members.sort_by_key(|m| m.1.weight);
        return Some(", ordered by the place each file's front-matter gives it among the folder's pages (`weight`, `nav_order` or `sidebar_position`)");
    }
    // Two or more titles no word tells apart (`Baker`, `Night Shift Baker`) among three or
    // more places that words do give (Associate, Senior, Principal): the words still order
    // those, and the tied titles keep their file-name order between them. A folder of roles
    // (`Backend Engineer`, `Data Engineer`, one `Senior Backend Engineer`) gives too few.
    let tied = members.len() - keys.len();
    if ties && keys.len() >= 3 && tied >= 1 && tied < keys.len() {
        members.sort_by_key(|m| (ids::seniority(&m.1.title), m.0));
        return Some(SENIORITY_TIES);
    }
    None
}

/// How [`order_members`] says it ordered the levels by their words of seniority, when some
/// titles share a place.
const SENIORITY_TIES: &str = ", ordered by the words of seniority in their titles (junior, senior, staff, …); titles that no such word tells apart are in file-name order: check them";

/// Free pages in file order, a folder's README first.
pub(super) fn sort_pages(ladder: &Ladder, pages: &mut [Page]) {
    let doc_order: HashMap<&str, (bool, usize)> = ladder
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.rel.as_str(), (!d.is_readme(), i)))
        .collect();
    pages.sort_by_key(|p| {
        (
            doc_order
                .get(p.at.path.as_str())
                .copied()
                .unwrap_or((true, usize::MAX)),
            p.at.line,
        )
    });
}

/// Track order: by their most junior level's number when every track has numbers.
/// Tracks of one file keep that file's order.
pub(super) fn order_tracks(tracks: Vec<(Track, usize)>) -> Vec<(Track, usize)> {
    let own: Vec<Option<(u64, u64, u8)>> = tracks
        .iter()
        .map(|(t, _)| {
            t.levels
                .iter()
                .filter_map(|l| l.number.map(LevelNumber::sort_key))
                .min()
        })
        .collect();
    let keys: Vec<Option<(u64, u64, u8)>> = tracks
        .iter()
        .map(|(_, doc)| {
            tracks
                .iter()
                .zip(&own)
                .filter(|((_, d), _)| d == doc)
                .map(|(_, k)| *k)
                .min()
                .flatten()
        })
        .collect();
    let several_files = tracks.iter().any(|(_, d)| *d != tracks[0].1);
    if several_files && own.iter().all(Option::is_some) {
        let mut order: Vec<usize> = (0..tracks.len()).collect();
        order.sort_by_key(|&i| (keys[i], tracks[i].1));
        let mut sorted: Vec<(Track, usize)> = Vec::new();
        let mut taken: Vec<Option<(Track, usize)>> = tracks.into_iter().map(Some).collect();
        for i in order {
            if let Some(t) = taken[i].take() {
                sorted.push(t);
            }
        }
        return sorted;
    }
    tracks
}
