//! Sections written like levels that are advice to the ladder's readers: a how-to at the end
//! of a document (`## Using this ladder` / `### For engineers` / `**Action Steps:**`, or `##
//! Transition Points` / `### From IC to Management` / `- **When**: …`) shares the levels'
//! shape, and would be a track of its own whose labels name the real levels' pillars.

use super::super::ids;
use super::super::outline::{heading_text, Doc, Kind};
use super::super::titles::without_closing_bracket;
use super::{keys, level_like, shape, Found};

/// A title that says whom a section is for (`For engineering managers`) or which move it is
/// about (`From IC to Management`, `IC to Management`: two names of at most four words
/// each, read without a closing bracket, which `Deckhand (0 to 2 years)` is): advice, not a
/// level.
fn advice(title: &str) -> bool {
    let k = ids::title_key(without_closing_bracket(title));
    let short = |s: &str| (1..=4).contains(&s.split_whitespace().count());
    let move_between = k
        .strip_prefix("from ")
        .unwrap_or(&k)
        .split_once(" to ")
        .is_some_and(|(a, b)| short(a) && short(b));
    k.starts_with("for ") || move_between
}

/// A heading over the kinds of one role rather than its levels (`## Specialties` over `###
/// Pastry`, `### Grill`, as GitLab's job families write them).
fn specialties(title: &str) -> bool {
    matches!(
        ids::title_key(title).trim_end_matches(':'),
        "specialties" | "specialities" | "specializations" | "specialisations" | "specialisms"
    )
}

/// The level sections of one heading (`parent`), in document order.
struct Group {
    parent: Option<usize>,
    levels: Vec<usize>,
    /// How many of them are titled as a level, read without a closing bracket
    /// (`Village shop (< 5 staff)` is not; a kind may borrow a level's word, `Mid-Size`).
    titled: usize,
}

/// Whether section `s` ends in its one label, written with its text on its line (`**Best
/// For:** Bakers who like variety`), after text of its own that no label heads (a list): a
/// kind of something with an attribute, not a level whose one pillar heads its list.
fn ends_in_an_attribute(d: &Doc, s: usize) -> bool {
    let own = &d.secs[s].own;
    let labels: Vec<usize> = own
        .iter()
        .copied()
        .filter(|&b| matches!(d.blocks[b].kind, Kind::Para { label: Some(_), .. }))
        .collect();
    matches!(labels.as_slice(), [last] if Some(last) == own.last() && *last != own[0])
        && matches!(d.blocks[labels[0]].kind, Kind::Para { only: false, .. })
}

/// `found` without the levels of each heading that reads as no
/// track of levels, when levels under other headings remain; those sections are then the
/// free pages they read as. A heading is none when (the last three, a heading other than the
/// document's):
/// - each of its sections is titled as advice (see [`advice`]), whatever heading it is;
/// - it names specialties (see [`specialties`]) and none of its sections is titled as a level;
/// - fewer than half of its sections are titled as a level and each ends in one attribute
///   (see [`ends_in_an_attribute`]: `### Village shop` / a list / `**Best For:** …`), beside
///   a level with two pillars or more;
/// - none of its sections is titled as a level, it is written under every role (its title
///   recurs at its depth), and a heading beside it under the same heading holds a ladder, two
///   levels or more, most titled as levels, none of whose pillars it has (`## Baker` / `###
///   Required skills` / `#### Technical skills`, beside `### Levels` over the baker's levels):
///   parts of the role.
pub(in super::super) fn without_advice(d: &Doc, mut found: Found) -> Found {
    let mut groups: Vec<Group> = Vec::new();
    for &l in &found.levels {
        let parent = d.secs[l].parent;
        let titled = usize::from(level_like(without_closing_bracket(&heading_text(d, l))));
        match groups.iter_mut().find(|g| g.parent == parent) {
            Some(g) => {
                g.levels.push(l);
                g.titled += titled;
            }
            None => groups.push(Group {
                parent,
                levels: vec![l],
                titled,
            }),
        }
    }
    let rich = found
        .levels
        .iter()
        .any(|&l| shape(d, l).is_some_and(|sh| keys(d, l, sh).len() >= 2));
    let ladder = |g: &Group| g.levels.len() >= 2 && g.titled * 2 > g.levels.len();
    let pillars = |g: &Group| -> std::collections::HashSet<String> {
        g.levels
            .iter()
            .filter_map(|&l| shape(d, l).map(|sh| keys(d, l, sh)))
            .flatten()
            .collect()
    };
    // Levels of another kind beside a ladder share its pillars (`#### Deckhand` with
    // `**Craft:**` beside `#### Junior Officer` with `**Craft:**`); a role's parts do not.
    let shares_pillars = |a: &Group, b: &Group| !pillars(a).is_disjoint(&pillars(b));
    let no_track = |g: &Group| {
        let titles = || g.levels.iter().map(|&l| heading_text(d, l));
        if titles().all(|t| advice(&t)) {
            return true;
        }
        let Some(parent) = g.parent.filter(|&p| p != 0) else {
            return false;
        };
        let above = d.secs[parent].parent;
        specialties(&heading_text(d, parent)) && titles().all(|t| !level_like(&t))
            || g.titled * 2 < g.levels.len()
                && rich
                && g.levels.iter().all(|&l| ends_in_an_attribute(d, l))
            || g.titled == 0
                && super::recurs(d, parent)
                && groups.iter().any(|o| {
                    o.parent != g.parent
                        && o.parent.and_then(|p| d.secs[p].parent) == above
                        && ladder(o)
                        && !shares_pillars(g, o)
                })
    };
    let drop: Vec<usize> = groups
        .iter()
        .filter(|g| no_track(g))
        .flat_map(|g| g.levels.iter().copied())
        .collect();
    if drop.is_empty() || drop.len() == found.levels.len() {
        return found;
    }
    found.levels.retain(|l| !drop.contains(l));
    found.own_pillars.retain(|l| !drop.contains(l));
    found.without_pillars.retain(|l| !drop.contains(l));
    found
}
