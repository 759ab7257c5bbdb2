//! A built ladder brought up to date after an edit that only rewords competencies: what
//! `serve` does after most saves, in time proportional to the files saved rather than to the
//! ladder.
//!
//! [`Ladder::with_reworded`] applies only where it can prove the result is the ladder that
//! [`Ladder::build`] would make of the same files, and declines otherwise (the caller then
//! builds the ladder again). A competency's body reaches the rest of the ladder through three
//! things only: its links (resolved against every page), the ids its expectations give
//! themselves (anchors other files may link to), and its expectations' anchor numbers (the
//! same, and `ladder.lock`). An edit that touches none of them, in a ladder with no lost
//! anchors, changes nothing but the competency itself and its file's text.

use super::{Competency, Ladder};
use crate::anchors::{Anchor, Cell};
use crate::links::is_relative_link;
use crate::load::{Document, Kind};
use crate::lock::Lock;
use crate::markdown::Fragment;

impl Ladder {
    /// This ladder with the competencies of `changed` read again, or `None` when the edit
    /// may reach beyond them (see the module documentation).
    ///
    /// `changed` are the documents as now read, each a competency file of this ladder whose
    /// front-matter (every byte up to the body) is as before; `published` is `ladder.lock` as
    /// [`Ladder::build`] would be given it. Declines when a document is anything else, when
    /// the old or new body has a relative link or an expectation with its own id, when an
    /// expectation's anchor would change (without a lockfile, anchors added after the last
    /// one are no change to the others), or when the ladder has lost anchors or pages.
    pub fn with_reworded(&self, changed: &[&Document], published: Option<&Lock>) -> Option<Ladder> {
        if !self.lost.is_empty() {
            return None;
        }
        let mut next = self.clone();
        for d in changed {
            let Kind::Competency(_) = d.kind else {
                return None;
            };
            let fi = next.files.iter().position(|f| f.path == d.source.path)?;
            let ci = next
                .competencies
                .iter()
                .position(|c| c.source == d.source.path)?;
            let front = ..d.body_offset;
            if next.files[fi].text.get(front)? != d.source.text.get(front)? {
                return None;
            }
            let body = d.parsed.as_deref()?;
            let old = &next.competencies[ci];
            if body.item_ids.iter().any(Option::is_some)
                || old.anchors.iter().any(|a| a.own.is_some())
                || [&body.items, &old.expectations]
                    .into_iter()
                    .flatten()
                    .chain([&body.lead, &old.lead, &body.notes, &old.notes])
                    .any(links_into_the_site)
            {
                return None;
            }
            let anchors = self.anchors_of(old, &body.items, published)?;
            next.competencies[ci] = std::sync::Arc::new(Competency {
                level: old.level,
                pillar: old.pillar,
                expectations: body.items.clone(),
                anchors,
                lead: body.lead.clone(),
                notes: body.notes.clone(),
                footnotes: body.footnotes.clone(),
                source: old.source.clone(),
            });
            next.files[fi] = d.source.clone();
        }
        Some(next)
    }

    /// The anchors `items` get as the expectations of `old`'s cell, if they are `old`'s
    /// anchors (then no other file's link or lock entry can tell the difference).
    fn anchors_of(
        &self,
        old: &Competency,
        items: &[Fragment],
        published: Option<&Lock>,
    ) -> Option<Vec<Anchor>> {
        let level = &self.levels[old.level];
        let pillar = &self.pillars[old.pillar].id;
        let former: Vec<&str> = level.former_ids().collect();
        // Only this cell's entries: the others' would all count as lost, their cells being
        // absent here.
        let own = published.map(|lock| Lock {
            anchors: lock
                .anchors
                .iter()
                .filter(|a| {
                    a.pillar == *pillar && (a.level == level.id || former.contains(&&*a.level))
                })
                .cloned()
                .collect(),
            ..Lock::default()
        });
        let cell = Cell {
            level: &level.id,
            pillar,
            texts: items.iter().map(Fragment::plain).collect(),
            source: &old.source,
            former,
        };
        let (mut anchors, lost, _) = crate::anchors::assign(&[cell], own.as_ref());
        let anchors = anchors.pop()?;
        // Without a lockfile anchors are numbered by position, and no other cell takes part:
        // expectations added after the last one only add anchors, which no link can have
        // named before.
        let added = published.is_none() && anchors.get(..old.anchors.len()) == Some(&old.anchors);
        (lost.is_empty() && (anchors == old.anchors || added)).then_some(anchors)
    }
}

/// True when `f` has a link that the ladder resolves (and checks) against its pages.
fn links_into_the_site(f: &Fragment) -> bool {
    f.links.iter().any(|l| is_relative_link(&l.dest))
}
