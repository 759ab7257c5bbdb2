//! Level headings that name promotion steps (`SWE-1 → SWE-2`), each read as the level it
//! leads to: the same reading for every step of a track, and the summary's word for it.

use crate::import::model::{GuessKind, Ladder};

/// The levels of a track whose other level headings name promotion steps, titled as steps
/// too but with names that are no roles (`Moving from Dough Hand → Oven Keeper` beside
/// `Moving from Senior (Bench) → Head Baker`): read as the level they lead to, as those are,
/// so that one track reads one way (hunt 40, H40-01); only those that go on from another
/// step or lead to one, with no colon (`Stage Manager: from chaos → order` is a level).
pub(super) fn steps_alike(ladder: &mut Ladder) {
    for t in &mut ladder.tracks {
        if !t.levels.iter().any(|l| l.step.is_some()) {
            continue;
        }
        // Only a heading that goes on from another step, or leads to one (its target is
        // where another starts): `Moving from chaos → order` is a level of its own.
        let sides: Vec<(String, String)> = t
            .levels
            .iter()
            .filter_map(|l| {
                crate::import::ids::step_sides(l.step.as_deref().unwrap_or(&l.full_title))
            })
            .collect();
        let chained = |heading: &str| {
            crate::import::ids::step_sides(heading).is_some_and(|(from, to)| {
                sides
                    .iter()
                    .any(|(f, t)| (t == &from && f != &from) || (f == &to && t != &to))
            })
        };
        for l in t.levels.iter_mut().filter(|l| l.step.is_none()) {
            if !chained(&l.full_title) {
                continue;
            }
            if let Some(p) = crate::import::ids::parse_step_title(&l.full_title) {
                l.title = p.title;
                l.full_title = p.full;
                l.code = p.code;
                l.other_codes = p.other_codes;
                l.number = p.number;
                l.step = p.step;
            }
        }
    }
}

/// Says, once per track, that its level headings name promotion steps and how they were read.
pub(super) fn promotion_steps(ladder: &mut Ladder) {
    let mut said = Vec::new();
    for t in &ladder.tracks {
        if let Some((l, step)) = t.levels.iter().find_map(|l| Some((l, l.step.as_ref()?))) {
            let code = l
                .code
                .as_ref()
                .map(|c| format!(", `{c}`"))
                .unwrap_or_default();
            said.push((l.at.clone(), format!("the level headings of track `{}` name promotion steps (`{step}`): each is read as the level it leads to (`{}`{code}), with what it takes to get there as that level's expectations", t.title, l.title)));
        }
    }
    for (at, text) in said {
        ladder.guess(GuessKind::Structure, at, text);
    }
}
