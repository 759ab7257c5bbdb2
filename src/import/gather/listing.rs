//! The order in which a page that describes a folder's track (its README, or the page beside
//! the folder) lists the folder's level files, by its links to them.

use super::Member;
use crate::import::ids;
use crate::import::model::Ladder;

/// The members' stems that `text` links to from its lists and tables (not from its prose: a
/// mention is no listing), in the order of the links, each with the number of the top-level
/// block it is linked from: `[Junior](junior.md)`, `./junior`, `/docs/junior/` all name
/// `junior`. With `folder`, only links into a folder of that name count
/// (`managers/teamlead.md`, from the page of the folder above).
fn linked_stems(text: &str, stems: &[String], folder: Option<&str>) -> Vec<(usize, String)> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let (mut depth, mut block, mut listing) = (0usize, 0usize, false);
    let mut out = Vec::new();
    for ev in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(tag) => {
                if depth == 0 {
                    listing = matches!(tag, Tag::List(_) | Tag::Table(_));
                }
                depth += 1;
                if let Tag::Link { dest_url, .. } = tag {
                    if !dest_url.contains("://") && listing {
                        let path = dest_url.split(['#', '?']).next().unwrap_or("");
                        let mut parts = path.trim_end_matches('/').rsplit('/');
                        let name = parts.next().unwrap_or("");
                        if folder.is_some_and(|f| parts.next() != Some(f)) {
                            continue;
                        }
                        let stem = [".md", ".mdx", ".html"]
                            .iter()
                            .find_map(|e| name.strip_suffix(e))
                            .unwrap_or(name)
                            .to_lowercase();
                        if stems.contains(&stem) {
                            out.push((block, stem));
                        }
                    }
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    block += 1;
                }
            }
            _ => {}
        }
    }
    out
}

fn stems(members: &[Member], ladder: &Ladder) -> Vec<String> {
    members
        .iter()
        .map(|m| ladder.docs[m.0].stem().to_lowercase())
        .collect()
}

/// Sorts `members` by where `order` (stems, each once) has their stems.
fn sort_as(members: &mut [Member], ladder: &Ladder, order: &[String]) {
    members.sort_by_key(|m| {
        let stem = ladder.docs[m.0].stem().to_lowercase();
        order.iter().position(|s| *s == stem)
    });
}

/// Orders a folder's level files (`members`) as `text` (a page that describes their track)
/// lists them: by the first list or table of the page (a top-level block) that links to every
/// one of them; returns whether it did.
/// With `folder`, the page is the README of the folder above the members' (see
/// [`linked_stems`]).
pub(super) fn listed_in_order(
    text: &str,
    members: &mut [Member],
    ladder: &Ladder,
    folder: Option<&str>,
) -> bool {
    if members.len() < 2 {
        return false;
    }
    let stems = stems(members, ladder);
    let links = linked_stems(text, &stems, folder);
    let mut blocks: Vec<usize> = links.iter().map(|(b, _)| *b).collect();
    blocks.dedup();
    for b in blocks {
        let mut order: Vec<String> = Vec::new();
        for (_, stem) in links.iter().filter(|(at, _)| *at == b) {
            if !order.contains(stem) {
                order.push(stem.clone());
            }
        }
        if order.len() == stems.len() {
            sort_as(members, ladder, &order);
            return true;
        }
    }
    false
}

/// Orders `members`, already ordered by their words of seniority, as `text` lists them when
/// it links to every one of them (in its lists and tables, in the order of each one's first link)
/// and lists those with a word of seniority (all but bare titles such as `Engineer` or
/// `Baseline`) in that same order, from junior up or from senior down: the page then places
/// the bare titles too (`[Baseline](minimum.md)` listed above `[Junior](junior.md)`). Returns
/// whether it changed the order.
pub(super) fn bare_titles_as_listed(text: &str, members: &mut [Member], ladder: &Ladder) -> bool {
    let stems = stems(members, ladder);
    let mut order: Vec<String> = Vec::new();
    for (_, stem) in linked_stems(text, &stems, None) {
        if !order.contains(&stem) {
            order.push(stem);
        }
    }
    if order.len() != stems.len() {
        return false;
    }
    let worded: Vec<usize> = members
        .iter()
        .zip(&stems)
        .filter(|(m, _)| ids::seniority(&m.1.title).0 != ids::BARE_TITLE)
        .filter_map(|(_, stem)| order.iter().position(|s| s == stem))
        .collect();
    let up = worded.windows(2).all(|w| w[0] < w[1]);
    let down = worded.windows(2).all(|w| w[0] > w[1]);
    if worded.len() < 2 || worded.len() == members.len() || !(up || down) {
        return false;
    }
    if down {
        order.reverse();
    }
    let before: Vec<usize> = members.iter().map(|m| m.0).collect();
    sort_as(members, ladder, &order);
    members.iter().map(|m| m.0).ne(before)
}
