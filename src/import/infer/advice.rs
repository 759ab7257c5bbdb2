//! Sections written like levels that are advice to the ladder's readers: a how-to at the end
//! of a document (`## Using this ladder` / `### For engineers` / `**Action Steps:**`, or `##
//! Transition Points` / `### From IC to Management` / `- **When**: …`) shares the levels'
//! shape, and would be a track of its own whose labels name the real levels' pillars.

use super::super::ids;
use super::super::outline::{heading_text, Doc};
use super::{level_like, Found};

/// A title that says whom a section is for (`For engineering managers`) or which move it is
/// about (`From IC to Management`): advice, not a level.
fn advice(title: &str) -> bool {
    let k = ids::title_key(title);
    k.starts_with("for ") || (k.starts_with("from ") && k.contains(" to "))
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
/// titled as a level, when levels under other headings remain: those sections are then the
/// free pages they read as.
pub(in super::super) fn without_advice(d: &Doc, mut found: Found) -> Found {
    let advice_under = |parent: Option<usize>| {
        let mut under = found.levels.iter().filter(|&&l| d.secs[l].parent == parent);
        under.clone().all(|&l| advice(&heading_text(d, l)))
            || parent.is_some_and(|p| p != 0 && specialties(&heading_text(d, p)))
                && under.all(|&l| !level_like(&heading_text(d, l)))
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
