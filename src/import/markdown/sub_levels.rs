//! Levels written inside a level: `### Senior Engineer` over the expectations its grades
//! share, then `#### Senior Engineer I` and `#### Senior Engineer II`, each with its own track
//! record (Etsy's ladder writes its Senior and Staff levels so). Each of those is a level of
//! the track, holding the expectations written above it and its own: a reader compares
//! Senior Engineer I with II, and a promotion is to one of them, not to their heading.

use super::*;
use crate::import::model::{Cell, Md};

/// The sub-levels of level section `l`: two or more of its sub-sections titled as it is, plus
/// a numeral (`Senior Engineer I`, `Mate 2`; see [`crate::import::titles::sub_level`]), each
/// holding text of its own or in its sub-sections. Empty when `l` has fewer.
pub(super) fn sub_levels(d: &Doc, l: usize) -> Vec<usize> {
    let title = heading_text(d, l);
    let subs: Vec<usize> = d.secs[l]
        .children
        .iter()
        .copied()
        .filter(|&c| {
            crate::import::titles::sub_level(&title, &heading_text(d, c))
                && (has_text(d, c) || d.secs[c].children.iter().any(|&g| has_text(d, g)))
        })
        .collect();
    if subs.len() >= 2 {
        subs
    } else {
        Vec::new()
    }
}

/// The levels that level section `l` and its sub-levels `subs` make, in order: one per
/// sub-level, each with `l`'s own pillars and description (`**Includes:** Mate I, Mate II`
/// says on each whose grade it is) before its own.
pub(super) fn split(
    ladder: &mut Ladder,
    d: &Doc,
    l: usize,
    subs: &[usize],
    shared: &HashMap<String, usize>,
) -> Vec<Level> {
    let mut above: Option<(Vec<Cell>, Vec<Md>)> = None;
    let mut out = Vec::new();
    for &c in subs {
        let mut level = new_level(ladder, d, c);
        match &above {
            Some((cells, description)) => {
                level.cells = cells.clone();
                level.description = description.clone();
            }
            // Links to `l`'s heading and to its pillars' lead to the first sub-level.
            None => {
                fill_level_but(ladder, d, l, Shape::Headings, shared, &mut level, subs);
                above = Some((level.cells.clone(), level.description.clone()));
            }
        }
        let description = std::mem::take(&mut level.description);
        let sh = shape(d, c).unwrap_or(Shape::Headings);
        fill_level(ladder, d, c, sh, shared, &mut level);
        level.description = description.into_iter().chain(level.description).collect();
        out.push(level);
    }
    let names: Vec<String> = out.iter().map(|l| format!("`{}`", l.full_title)).collect();
    ladder.guess(
        GuessKind::Structure,
        d.src.loc(md_start(d, l)),
        format!(
            "`{}` holds the levels {}: each is a level of its own, with the expectations written above them as well as its own",
            ids::clean_title(&heading_text(d, l)),
            names.join(", ")
        ),
    );
    out
}
