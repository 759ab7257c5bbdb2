//! Sections written like levels that are advice to the ladder's readers: a how-to at the end
//! of a document (`## Using this ladder` / `### For engineers` / `**Action Steps:**`, or `##
//! Transition Points` / `### From IC to Management` / `- **When**: …`) shares the levels'
//! shape, and would be a track of its own whose labels name the real levels' pillars.

use super::super::ids;
use super::super::outline::{heading_text, Doc};
use super::{keys, level_like, shape, Found};

/// A title that says whom a section is for (`For engineering managers`) or which move it is
/// about (`From IC to Management`, `IC to Management`: two names of at most four words
/// each): advice, not a level.
fn advice(title: &str) -> bool {
    let k = ids::title_key(title);
    let short = |s: &str| (1..=4).contains(&s.split_whitespace().count());
    let mov = k
        .strip_prefix("from ")
        .unwrap_or(&k)
        .split_once(" to ")
        .is_some_and(|(a, b)| short(a) && short(b));
    k.starts_with("for ") || mov
}

/// `title` without a bracketed part that closes it (`Village shop (< 5 staff)` → `Village
/// shop`), or all of it.
fn without_closing_bracket(title: &str) -> &str {
    let t = title.trim_end();
    match t.strip_suffix(')').and_then(|t| t.rfind('(')) {
        Some(open) if open > 0 => t[..open].trim_end(),
        _ => t,
    }
}

/// A heading over the kinds of one role rather than its levels (`## Specialties` over `###
/// Pastry`, `### Grill`, as GitLab's job families write them).
fn specialties(title: &str) -> bool {
    matches!(
        ids::title_key(title).trim_end_matches(':'),
        "specialties" | "specialities" | "specializations" | "specialisations" | "specialisms"
    )
}

/// `found` without the levels of each heading whose every level is titled as advice (see
/// [`advice`]), or that names specialties (see [`specialties`]) none of whose sections is
/// titled as a level, or fewer than half of whose sections are titled as a level and none has
/// more than one pillar while another heading's levels have two or more, when levels under other headings
/// remain: those sections are then the free pages they read as.
pub(in super::super) fn without_advice(d: &Doc, mut found: Found) -> Found {
    let pillars = |l: usize| shape(d, l).map_or(0, |sh| keys(d, l, sh).len());
    // Another heading's levels have pillars (two or more each): a heading whose sections
    // each end in one label (`### Village shop` / a list / `**Best For:** …`) holds kinds
    // of something with an attribute, unless a title reads as a level.
    let rich = |parent: Option<usize>| {
        found
            .levels
            .iter()
            .any(|&l| d.secs[l].parent != parent && pillars(l) >= 2)
    };
    let advice_under = |parent: Option<usize>| {
        let under = found.levels.iter().filter(|&&l| d.secs[l].parent == parent);
        let unlike_levels = under.clone().all(|&l| !level_like(&heading_text(d, l)));
        // Read without what a closing bracket adds (`Village shop (< 5 staff)`), and most
        // of them: a kind may borrow a level's word (`Mid-Size`).
        let (n, like) = under.clone().fold((0, 0), |(n, like), &l| {
            let title = heading_text(d, l);
            let named = without_closing_bracket(&title);
            (n + 1, like + usize::from(level_like(named)))
        });
        under.clone().all(|&l| advice(&heading_text(d, l)))
            || parent.is_some_and(|p| p != 0 && specialties(&heading_text(d, p))) && unlike_levels
            || parent.is_some_and(|p| p != 0)
                && like * 2 < n
                && under.clone().all(|&l| pillars(l) <= 1)
                && rich(parent)
    };
    let drop: Vec<usize> = found
        .levels
        .iter()
        .copied()
        .filter(|&l| advice_under(d.secs[l].parent))
        .collect();
    if drop.is_empty() || drop.len() == found.levels.len() {
        return found;
    }
    found.levels.retain(|l| !drop.contains(l));
    found.own_pillars.retain(|l| !drop.contains(l));
    found.without_pillars.retain(|l| !drop.contains(l));
    found
}
