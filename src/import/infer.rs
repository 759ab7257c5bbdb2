//! Which sections of an outline are levels, and how each holds its pillars, decided from
//! the evidence of the whole document: pillar names that recur between sections of one depth,
//! level-like titles, and the shape of what each section holds.

use super::ids;
use super::outline::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Shape {
    Headings,
    Numbered(usize),
    Labels,
    Bullets(usize),
}

impl Shape {
    fn kind(self) -> u8 {
        match self {
            Shape::Headings => 0,
            Shape::Numbered(_) => 1,
            Shape::Labels => 2,
            Shape::Bullets(_) => 3,
        }
    }
}

/// The section's own top-level lists outside raw HTML.
pub(super) fn has_list(d: &Doc, s: usize) -> bool {
    d.secs[s]
        .own
        .iter()
        .any(|&b| !d.blocks[b].region && matches!(d.blocks[b].kind, Kind::List { .. }))
}

pub(super) fn has_text(d: &Doc, s: usize) -> bool {
    d.secs[s]
        .own
        .iter()
        .any(|&b| matches!(d.blocks[b].kind, Kind::List { .. } | Kind::Para { .. }))
}

/// How section `s` holds pillars, if it does.
pub(super) fn shape(d: &Doc, s: usize) -> Option<Shape> {
    let sec = &d.secs[s];
    if !sec.children.is_empty() && sec.children.iter().any(|&c| has_text(d, c)) {
        return Some(Shape::Headings);
    }
    for &b in &sec.own {
        if d.blocks[b].region {
            continue;
        }
        if let Kind::List { items } = &d.blocks[b].kind {
            if !items.is_empty()
                && items
                    .iter()
                    .all(|i| i.label.is_some() && i.only && !i.nested.is_empty())
            {
                return Some(Shape::Numbered(b));
            }
        }
    }
    if sec.own.iter().any(|&b| {
        matches!(
            d.blocks[b].kind,
            Kind::Para {
                label: Some(_),
                colon: true,
                ..
            }
        )
    }) {
        return Some(Shape::Labels);
    }
    for &b in &sec.own {
        if d.blocks[b].region {
            continue;
        }
        if let Kind::List { items } = &d.blocks[b].kind {
            if items.len() >= 2 && items.iter().all(|i| i.label.is_some() && i.colon) {
                return Some(Shape::Bullets(b));
            }
        }
    }
    None
}

/// The pillar names (or labels) of a section in a shape.
pub(super) fn keys(d: &Doc, s: usize, sh: Shape) -> Vec<String> {
    match sh {
        Shape::Headings => d.secs[s]
            .children
            .iter()
            .map(|&c| ids::title_key(&heading_text(d, c)))
            .collect(),
        Shape::Numbered(b) | Shape::Bullets(b) => match &d.blocks[b].kind {
            Kind::List { items } => items
                .iter()
                .filter_map(|i| i.label.as_deref().map(ids::title_key))
                .collect(),
            _ => Vec::new(),
        },
        Shape::Labels => d.secs[s]
            .own
            .iter()
            .filter_map(|&b| match &d.blocks[b].kind {
                Kind::Para {
                    label: Some(l),
                    colon: true,
                    ..
                } => Some(ids::title_key(l)),
                _ => None,
            })
            .collect(),
    }
}

/// The sections that are levels: at the depth where the most sections of one shape share
/// pillar names with another, if at least two do.
pub(super) fn find_levels(d: &Doc) -> Option<Vec<usize>> {
    let mut best: Option<(usize, u8, Vec<usize>)> = None;
    for depth in 1..=6u8 {
        let secs: Vec<usize> = (1..d.secs.len())
            .filter(|&s| d.secs[s].level == depth)
            .collect();
        for kind in 0..4u8 {
            let cands: Vec<(usize, Vec<String>)> = secs
                .iter()
                .filter_map(|&s| {
                    shape(d, s)
                        .filter(|sh| sh.kind() == kind)
                        .map(|sh| (s, keys(d, s, sh)))
                })
                .collect();
            let mut freq: HashMap<&str, usize> = HashMap::new();
            for (_, ks) in &cands {
                let mut uniq: Vec<&str> = ks
                    .iter()
                    .map(String::as_str)
                    .filter(|k| !k.is_empty())
                    .collect();
                uniq.sort();
                uniq.dedup();
                for k in uniq {
                    *freq.entry(k).or_default() += 1;
                }
            }
            let qualifying: Vec<usize> = cands
                .iter()
                .filter(|(_, ks)| {
                    ks.iter()
                        .any(|k| freq.get(k.as_str()).copied().unwrap_or(0) >= 2)
                })
                .map(|(s, _)| *s)
                .collect();
            if qualifying.len() >= 2 && best.as_ref().is_none_or(|b| qualifying.len() > b.0) {
                best = Some((qualifying.len(), kind, qualifying));
            }
        }
    }
    best.map(|(_, _, v)| v)
}

/// A section that is a whole single-level document: at least two pillars.
pub(super) fn single_level_shape(d: &Doc, s: usize) -> Option<Shape> {
    match shape(d, s)? {
        Shape::Headings => {
            let with_lists = d.secs[s]
                .children
                .iter()
                .filter(|&&c| has_list(d, c))
                .count();
            (with_lists >= 2).then_some(Shape::Headings)
        }
        sh @ Shape::Numbered(_) => (keys(d, s, sh).len() >= 2).then_some(sh),
        Shape::Labels => (keys(d, s, Shape::Labels).len() >= 2).then_some(Shape::Labels),
        Shape::Bullets(_) => None,
    }
}

/// Counts how many levels use each pillar key.
pub(super) fn shared_keys(d: &Doc, levels: &[usize]) -> HashMap<String, usize> {
    let mut freq = HashMap::new();
    for &s in levels {
        if let Some(sh) = shape(d, s) {
            let mut ks = keys(d, s, sh);
            ks.sort();
            ks.dedup();
            for k in ks {
                *freq.entry(k).or_insert(0) += 1;
            }
        }
    }
    freq
}
