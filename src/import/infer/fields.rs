//! Competencies written as fields about them, one field for the level the page is about (the
//! skill pages of SFIA-based ladders: `### Software design (SWDN)` / `**Overall
//! Description:**` / … / `**Level 3 Attainment:**`). Such sections share their labels the way
//! the levels of one document share pillars, so they are told apart here: they are the
//! pillars of one level, and only the level's field holds its expectations.

use super::super::ids;
use super::super::outline::{opens_label, Doc, Kind};

/// The field of section `s` that is about one level, where `s` holds one competency written
/// as bold-labelled fields: its code (`Level 3`) and number, and its label's block. `None` unless exactly
/// one field names a level (`**Level 3 Attainment:**`, see [`ids::level_field_code`]), at
/// least one other field describes the competency, and `s` has no sub-sections.
pub(in super::super) fn level_field(
    d: &Doc,
    s: usize,
) -> Option<((String, ids::LevelNumber), usize)> {
    if !d.secs[s].children.is_empty() {
        return None;
    }
    let mut level = None;
    let mut others = 0;
    for &b in &d.secs[s].own {
        if let Kind::Para {
            label: Some(l),
            colon: true,
            ..
        } = &d.blocks[b].kind
        {
            match ids::level_field_code(l) {
                Some(_) if level.is_some() => return None,
                Some(code) => level = Some((code, b)),
                None => others += 1,
            }
        }
    }
    level.filter(|_| others >= 1)
}

/// Sections `secs`, which read as levels sharing pillars, are instead the competencies of
/// one level: each is written as fields with one about the same level (see
/// [`level_field`]).
pub(in super::super) fn fields_of_one_level(d: &Doc, secs: &[usize]) -> bool {
    let mut codes = secs
        .iter()
        .map(|&s| level_field(d, s).map(|((code, _), _)| ids::code_key(&code)));
    match codes.next() {
        Some(Some(first)) => codes.all(|c| c.as_deref() == Some(first.as_str())),
        _ => false,
    }
}

/// The blocks of competency section `s` written as fields: those of its level's field, which
/// are its expectations, and all the others, which describe the competency. `None` when `s`
/// is not written so.
pub(in super::super) fn split_fields(d: &Doc, s: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let (_, field) = level_field(d, s)?;
    let own = &d.secs[s].own;
    let at = own.iter().position(|&b| b == field)?;
    let end = own[at + 1..]
        .iter()
        .position(|&b| opens_label(&d.blocks[b].kind))
        .map_or(own.len(), |n| at + 1 + n);
    let level: Vec<usize> = own[at..end].to_vec();
    let about = own.iter().copied().filter(|b| !level.contains(b)).collect();
    Some((level, about))
}
