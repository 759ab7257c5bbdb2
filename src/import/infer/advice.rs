//! Sections written like levels that are advice to the ladder's readers: a how-to at the end
//! of a document (`## Using this ladder` / `### For engineers` / `**Action Steps:**`, or `##
//! Transition Points` / `### From IC to Management` / `- **When**: …`) shares the levels'
//! shape, and would be a track of its own whose labels name the real levels' pillars.

use super::super::ids;
use super::super::outline::{heading_text, Doc};
use super::Found;

/// A title that says whom a section is for (`For engineering managers`) or which move it is
/// about (`From IC to Management`): advice, not a level.
fn advice(title: &str) -> bool {
    let k = ids::title_key(title);
    k.starts_with("for ") || (k.starts_with("from ") && k.contains(" to "))
}

/// `found` without the levels of each heading whose every level is titled as advice (see
/// [`advice`]), when levels under other headings remain: those sections are then the free
/// pages they read as.
pub(in super::super) fn without_advice(d: &Doc, mut found: Found) -> Found {
    let advice_under = |parent: Option<usize>| {
        found
            .levels
            .iter()
            .filter(|&&l| d.secs[l].parent == parent)
            .all(|&l| advice(&heading_text(d, l)))
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
    found
}
