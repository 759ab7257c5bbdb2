//! Phases: every id is unique per kind, and tracks and pillars take their order.

use super::draft::Draft;
use super::Track;
use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::frontmatter::keys::{PillarKeys, TrackKeys};
use crate::load::{Document, Kind};
use crate::markdown::Fragment;
use foldhash::HashMap;

/// Ids must be unique per kind (`duplicate-id`). Of the tracks, levels or pillars that
/// share an id, the one nearest its folder (`levels/senior.md` before `levels/old/senior.md`;
/// at one depth, the first in path order) is kept, and each other is reported and taken out
/// of `documents`, so that the rest of the ladder is checked as if it were not there: a copy
/// of a level file kept in `levels/old/` is one error, not also a clash of ranks and
/// equivalents that do not answer back. Returns the documents taken out, each with its index
/// in `documents` as it was, in order.
pub(super) fn drop_duplicates(
    documents: &mut Vec<Document>,
    diags: &mut Diagnostics,
) -> Vec<(usize, Document)> {
    let depth = |doc: &Document| doc.content_path.matches('/').count();
    let mut kept: HashMap<(&'static str, &str), usize> = HashMap::default();
    let mut sharing: Vec<(&'static str, usize)> = Vec::new();
    for (i, doc) in documents.iter().enumerate() {
        let kind = match doc.kind {
            Kind::Track(_) => "track",
            Kind::Level(_) => "level",
            Kind::Pillar(_) => "pillar",
            _ => continue,
        };
        sharing.push((kind, i));
        let first = kept.entry((kind, doc.id.as_str())).or_insert(i);
        if depth(doc) < depth(&documents[*first]) {
            *first = i;
        }
    }
    let mut duplicate = vec![false; documents.len()];
    for (kind, i) in sharing {
        let doc = &documents[i];
        let first = kept[&(kind, doc.id.as_str())];
        if first != i {
            duplicate[i] = true;
            diags.push(doc.source.error(
                "duplicate-id",
                0,
                format!(
                    "there are two {kind}s with the id `{}`: this file and {}, which is the one used",
                    doc.id, documents[first].source.path
                ),
                "ids come from file names: rename one of the two files, or move a copy kept for reference out of content/",
            ));
        }
    }
    let mut dropped = Vec::new();
    if !duplicate.contains(&true) {
        return dropped;
    }
    *documents = std::mem::take(documents)
        .into_iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            if duplicate[i] {
                dropped.push((i, doc));
                None
            } else {
                Some(doc)
            }
        })
        .collect();
    dropped
}

/// Tracks and pillars in order: by `order`, those without one last, then by title. A ladder
/// with no track files has one implicit track, `ladder`, titled after the book.
pub(super) fn tracks_and_pillars(d: &mut Draft, config: &Config) {
    d.track_docs = in_order(d.documents, |k| match k {
        Kind::Track(TrackKeys { title, order, .. }) => Some((*order, title)),
        _ => None,
    });
    d.pillar_docs = in_order(d.documents, |k| match k {
        Kind::Pillar(PillarKeys { title, order, .. }) => Some((*order, title)),
        _ => None,
    });
    d.pillar_index = d
        .pillar_docs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();

    d.tracks = d
        .track_docs
        .iter()
        .filter_map(|doc| match &doc.kind {
            Kind::Track(TrackKeys {
                title, cumulative, ..
            }) => Some(Track {
                id: doc.id.clone(),
                title: title.clone(),
                description: Fragment::default(),
                levels: Vec::new(),
                pillars: Vec::new(),
                source: Some(doc.source.path.clone()),
                cumulative: cumulative.unwrap_or(config.cumulative),
            }),
            _ => None,
        })
        .collect();
    if d.tracks.is_empty() {
        d.tracks.push(Track {
            id: "ladder".into(),
            title: if config.title.is_empty() {
                "Ladder".into()
            } else {
                config.title.clone()
            },
            description: Fragment::default(),
            levels: Vec::new(),
            pillars: Vec::new(),
            source: None,
            cumulative: config.cumulative,
        });
    }
    d.track_index = d
        .tracks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
}

/// A file's `order` and title, when it is of the kind wanted.
type OrderKey<'a> = Option<(Option<i64>, &'a str)>;

/// The documents `key` picks, by `order` (none last), then title.
fn in_order(documents: &[Document], key: fn(&Kind) -> OrderKey<'_>) -> Vec<&Document> {
    let mut docs: Vec<(&Document, Option<i64>, &str)> = documents
        .iter()
        .filter_map(|doc| key(&doc.kind).map(|(order, title)| (doc, order, title)))
        .collect();
    docs.sort_by(|a, b| (a.1.unwrap_or(i64::MAX), a.2).cmp(&(b.1.unwrap_or(i64::MAX), b.2)));
    docs.into_iter().map(|(doc, _, _)| doc).collect()
}
