//! The draft ladder: what the phases of [`super::Ladder::build`] fill in, one after another.
//!
//! It borrows the documents read by [`crate::load`] (each part remembers the file it came
//! from, to report problems at their place) until [`Draft::finish`] hands over the model.

use super::follow_on::FollowOn;
use super::resolve::Target;
use super::{Competency, FreePage, Level, Pillar, Redirect, Track};
use crate::diagnostic::Diagnostic;
use crate::load::Document;
use crate::lock::{Lock, LockedAnchor};
use crate::markdown::Fragment;
use foldhash::HashMap;
use std::collections::{BTreeMap, HashSet};

/// A level whose track is known, before its body is read.
pub(super) struct LevelDraft<'d> {
    pub doc: &'d Document,
    /// Index into [`Draft::tracks`].
    pub track: usize,
    pub rank: i64,
}

/// The ladder while it is being built.
pub(super) struct Draft<'d> {
    /// Every Markdown file that was read, in path order.
    pub documents: &'d [Document],
    /// What `ladder.lock` says was published, when there is one.
    pub published: Option<&'d Lock>,
    /// Which errors keep follow-on errors from being reported.
    pub follow_on: FollowOn,

    /// Track files in track order (empty for the implicit track).
    pub track_docs: Vec<&'d Document>,
    /// Pillar files in pillar order, so indices into [`Draft::pillars`] too.
    pub pillar_docs: Vec<&'d Document>,
    /// Level files by track and rank, so indices into [`Draft::levels`] too.
    pub level_docs: Vec<LevelDraft<'d>>,
    /// Track id → index into [`Draft::tracks`].
    pub track_index: HashMap<String, usize>,
    /// Pillar id → index into [`Draft::pillars`].
    pub pillar_index: HashMap<&'d str, usize>,
    /// Level id → index into [`Draft::levels`].
    pub level_index: HashMap<&'d str, usize>,

    pub tracks: Vec<Track>,
    pub levels: Vec<Level>,
    pub pillars: Vec<Pillar>,
    /// Competencies in the grid, with their files.
    pub competencies: Vec<(&'d Document, Competency)>,
    /// The bodies of competencies left out of the grid, whose links are still checked.
    pub orphans: Vec<(&'d Document, Fragment)>,
    /// Free pages, with their files.
    pub pages: Vec<(&'d Document, FreePage)>,
    /// See [`super::Ladder::comparisons`].
    pub comparisons: Vec<(usize, usize)>,
    /// Content path → where the file is in the site, for link resolution.
    pub targets: HashMap<String, Target>,
    /// Every address of the site → what has it, to find collisions.
    pub owners: BTreeMap<String, String>,
    pub redirects: Vec<Redirect>,
    /// See [`super::Ladder::lost`].
    pub lost: Vec<Diagnostic>,
    /// Published anchors no expectation has any more, made errors with the pages lost.
    pub lost_anchors: Vec<crate::anchors::LostAnchor>,
    /// Anchors removed on purpose, and those lost now, for `ladder.lock`.
    pub retired: Vec<LockedAnchor>,
}

/// What the draft hands over once every phase has run.
pub(super) struct Model {
    pub tracks: Vec<Track>,
    pub levels: Vec<Level>,
    pub pillars: Vec<Pillar>,
    pub competencies: Vec<std::sync::Arc<Competency>>,
    pub pages: Vec<FreePage>,
    pub comparisons: Vec<(usize, usize)>,
    pub redirects: Vec<Redirect>,
    pub lost: Vec<Diagnostic>,
    pub retired: Vec<LockedAnchor>,
    pub failed: HashSet<String>,
}

impl<'d> Draft<'d> {
    /// An empty draft over the documents.
    pub fn new(
        documents: &'d [Document],
        published: Option<&'d Lock>,
        follow_on: FollowOn,
    ) -> Draft<'d> {
        Draft {
            documents,
            published,
            follow_on,
            track_docs: Vec::new(),
            pillar_docs: Vec::new(),
            level_docs: Vec::new(),
            track_index: HashMap::default(),
            pillar_index: HashMap::default(),
            level_index: HashMap::default(),
            tracks: Vec::new(),
            levels: Vec::new(),
            pillars: Vec::new(),
            competencies: Vec::new(),
            orphans: Vec::new(),
            pages: Vec::new(),
            comparisons: Vec::new(),
            targets: HashMap::default(),
            owners: BTreeMap::new(),
            redirects: Vec::new(),
            lost: Vec::new(),
            lost_anchors: Vec::new(),
            retired: Vec::new(),
        }
    }

    /// Level ids, in level order.
    pub fn level_ids(&self) -> Vec<&'d str> {
        self.level_docs.iter().map(|l| l.doc.id.as_str()).collect()
    }

    /// Pillar ids, in pillar order.
    pub fn pillar_ids(&self) -> Vec<&'d str> {
        self.pillar_docs.iter().map(|p| p.id.as_str()).collect()
    }

    /// The model, without the documents.
    pub fn finish(self) -> Model {
        Model {
            tracks: self.tracks,
            levels: self.levels,
            pillars: self.pillars,
            competencies: self
                .competencies
                .into_iter()
                .map(|(_, c)| std::sync::Arc::new(c))
                .collect(),
            pages: self.pages.into_iter().map(|(_, p)| p).collect(),
            comparisons: self.comparisons,
            redirects: self.redirects,
            lost: self.lost,
            retired: self.retired,
            failed: self.follow_on.into_failed(),
        }
    }
}
