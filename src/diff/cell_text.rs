//! What a level says in a pillar around its expectations, compared: the lead above them,
//! the notes after them and their footnotes, each a change of item `competency`.

use super::{level_order, Change, Item, Kind};
use crate::compare;
use crate::ladder::{Competency, Ladder};

/// A part of a cell's text around its expectations: its field's name, and how it reads.
type Part = (&'static str, fn(&Competency) -> String);

/// The changes to the text of the cell of `level` and `pillar` (indices into `new`) around
/// its expectations, from `old` to `new` (either `None` where the cell is only in the other
/// version): `added` where a part was empty, `removed` where it is now, `changed` otherwise.
/// Listed under the level and pillar, the lead before the expectations and the rest after.
pub(super) fn changes(
    new: &Ladder,
    (level, pillar): (usize, usize),
    (oc, nc): (Option<&Competency>, Option<&Competency>),
    out: &mut Vec<Change>,
) {
    let parts: [Part; 3] = [
        ("lead", |c| c.lead.plain().to_string()),
        ("notes", notes),
        ("footnotes", |c| c.footnotes.plain().to_string()),
    ];
    let (t, pos) = level_order(new, level);
    let count = nc.map_or(0, |c| c.expectations.len());
    for (k, (field, text)) in parts.into_iter().enumerate() {
        let (a, b) = (
            oc.map(text).unwrap_or_default(),
            nc.map(text).unwrap_or_default(),
        );
        let same = match field {
            "notes" => own_words(oc) == own_words(nc),
            _ => compare::words(&a) == compare::words(&b),
        };
        if same {
            continue;
        }
        let kind = match (a.trim().is_empty(), b.trim().is_empty()) {
            (true, _) => Kind::Added,
            (_, true) => Kind::Removed,
            _ => Kind::Changed,
        };
        let mut c = Change::new(kind, Item::Competency);
        c.field = Some(field);
        c.level = Some(new.levels[level].id.clone());
        c.level_title = Some(new.levels[level].title.clone());
        c.pillar = Some(new.pillars[pillar].id.clone());
        c.pillar_title = Some(new.pillars[pillar].title.clone());
        c.old = (kind != Kind::Added).then_some(a);
        c.new = (kind != Kind::Removed).then_some(b);
        let at = if field == "lead" {
            0
        } else {
            2 * count + 2 + k
        };
        c.order = (2, t, pos, pillar + 1, at);
        out.push(c);
    }
}

/// A cell's notes as they read, without its footnotes where those are their last text.
fn notes(c: &Competency) -> String {
    let (notes, footnotes) = (c.notes.plain().trim_end(), c.footnotes.plain().trim());
    match notes.strip_suffix(footnotes) {
        Some(own) if !footnotes.is_empty() => own.trim_end().to_string(),
        _ => notes.to_string(),
    }
}

/// The words of a cell's notes without those of its footnotes, wherever among the notes the
/// definitions are written: a footnote changed is then said once, as a footnote.
fn own_words(c: Option<&Competency>) -> Vec<String> {
    let Some(c) = c else {
        return Vec::new();
    };
    let mut words = compare::words(c.notes.plain());
    for f in compare::words(c.footnotes.plain()) {
        if let Some(i) = words.iter().position(|w| *w == f) {
            words.remove(i);
        }
    }
    words
}
