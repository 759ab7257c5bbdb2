//! Phases: the descriptions of pillars and tracks, and the free pages, each a link target.

use super::draft::Draft;
use super::resolve::Target;
use super::{FreePage, Pillar, TEMPLATE_IDS};
use crate::frontmatter::keys::{PageKeys, PillarKeys};
use crate::load::Kind;
use crate::markdown;
use crate::permalink;
use foldhash::HashSet;

/// Pillars with their descriptions, and the tracks' descriptions. Their headings' ids must
/// not take a level's id (the sections of their pages) or one the templates use.
pub(super) fn pillars_and_tracks(d: &mut Draft) {
    let mut taken: HashSet<String> = d.level_ids().iter().map(|s| s.to_string()).collect();
    taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
    d.pillars = Vec::with_capacity(d.pillar_docs.len());
    for doc in &d.pillar_docs {
        let Kind::Pillar(PillarKeys { title, .. }) = &doc.kind else {
            continue;
        };
        let body = markdown::parse(doc.body(), doc.body_offset, &taken);
        // Its level sections' anchors are added once the tracks' pillars are known.
        let anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
        d.targets.insert(
            doc.content_path.clone(),
            Target::page(permalink::pillar(&doc.id), anchors),
        );
        d.pillars.push(Pillar {
            id: doc.id.clone(),
            title: title.to_string(),
            description: body.whole,
            source: doc.source.path.clone(),
        });
    }
    for (i, doc) in d.track_docs.iter().enumerate() {
        let body = markdown::parse(doc.body(), doc.body_offset, &taken);
        let mut anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
        anchors.extend(d.tracks[i].levels.iter().map(|&l| d.levels[l].id.clone()));
        d.targets.insert(
            doc.content_path.clone(),
            Target::page(permalink::track(&doc.id), anchors),
        );
        d.tracks[i].description = body.whole;
    }
}

/// Free pages, by weight then title.
pub(super) fn free_pages(d: &mut Draft) {
    let mut taken: HashSet<String> = HashSet::default();
    taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
    for doc in d.documents {
        let Kind::Page(PageKeys { title, weight, .. }) = &doc.kind else {
            continue;
        };
        let body = markdown::parse(doc.body(), doc.body_offset, &taken);
        let path = permalink::page(doc.content_path.trim_end_matches(".md"));
        d.targets.insert(
            doc.content_path.clone(),
            Target::page(path.clone(), body.heading_ids.iter().cloned().collect()),
        );
        d.pages.push((
            doc,
            FreePage {
                path,
                title: title.clone(),
                weight: weight.unwrap_or(0),
                body: body.whole,
            },
        ));
    }
    d.pages
        .sort_by(|a, b| (a.1.weight, &a.1.title).cmp(&(b.1.weight, &b.1.title)));
}
