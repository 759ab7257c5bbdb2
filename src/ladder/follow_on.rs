//! The follow-on-error rule: one mistake is reported once.
//!
//! A file that is broken has its own error: it could not be read or its front-matter is
//! broken (from [`crate::load`]), a level names a track that does not exist or none when one
//! is needed (left out of the ladder), or a competency names an unknown level or pillar (left
//! out of the grid). Everything that only fails because of that file is not reported again:
//!
//! - a reference to it by id (`unknown-track`, `unknown-level`, `unknown-pillar`);
//! - a link to it, or to a section of its page (`broken-link`, `broken-anchor`);
//! - the gap a broken competency leaves in the grid (`check`'s coverage, through
//!   [`crate::ladder::Ladder::failed`]), since the hint would ask for the file that is there.
//!
//! Every phase asks this type, so the rule has one home.

use crate::load::Document;
use std::collections::HashSet;

/// The broken files found so far, and what their errors make unnecessary to report.
#[derive(Debug, Default)]
pub(super) struct FollowOn {
    /// Content paths of Markdown files that could not be read or whose front-matter is broken,
    /// and of folders that could not be read (ending in `/`: `levels/`), whose files are
    /// all missing for the folder's error.
    unreadable: HashSet<String>,
    /// Ids of levels left out because their track is unknown or missing.
    dropped: HashSet<String>,
    /// The content paths of those levels.
    dropped_files: HashSet<String>,
    /// Content paths of competencies whose level or pillar is unknown.
    orphans: HashSet<String>,
}

impl FollowOn {
    /// Starts from the files that [`crate::load`] could not read.
    pub fn new(unreadable: HashSet<String>) -> FollowOn {
        FollowOn {
            unreadable,
            ..FollowOn::default()
        }
    }

    /// Records a level left out of the ladder for its track, after its error.
    pub fn drop_level(&mut self, doc: &Document) {
        self.dropped.insert(doc.id.clone());
        self.dropped_files.insert(doc.content_path.clone());
    }

    /// Records a competency left out of the grid for its level or pillar, after its error.
    pub fn orphan(&mut self, doc: &Document) {
        self.orphans.insert(doc.content_path.clone());
    }

    /// Whether a reference to the track `id` is not to be reported as unknown.
    pub fn track_reported(&self, id: &str) -> bool {
        names(&self.unreadable, "tracks/", id)
    }

    /// Whether a reference to the level `id` is not to be reported as unknown.
    pub fn level_reported(&self, id: &str) -> bool {
        names(&self.unreadable, "levels/", id) || self.dropped.contains(id)
    }

    /// Whether a reference to the pillar `id` is not to be reported as unknown.
    pub fn pillar_reported(&self, id: &str) -> bool {
        names(&self.unreadable, "pillars/", id)
    }

    /// Whether a link to the content file `path` is not to be reported as broken.
    pub fn file_reported(&self, path: &str) -> bool {
        self.broken().any(|set| set.contains(path))
            || crate::load::in_unread_folder(&self.unreadable, path)
    }

    /// Whether a link to the section `section` (a level's or pillar's id) of a page is not
    /// to be reported as a broken anchor: the section is missing because its level's or
    /// pillar's file is broken.
    pub fn section_reported(&self, section: &str) -> bool {
        ["levels/", "pillars/"]
            .iter()
            .any(|folder| self.broken().any(|set| names(set, folder, section)))
    }

    /// Whether a link to an expectation of the level `level` in the pillar `pillar`, whose
    /// cell has none, is not to be reported as a broken anchor: a competency file that is
    /// broken, or left out of the grid, is the one that fills it. Which level and pillar a
    /// broken file is for cannot be read from it, so its path says: the level's and the
    /// pillar's ids as its folder and name (`competencies/<level>/<pillar>.md`, or
    /// `competencies/<pillar>/<level>.md`).
    pub fn cell_reported(&self, level: &str, pillar: &str) -> bool {
        let unread = |a: &str, b: &str| {
            crate::load::in_unread_folder(&self.unreadable, &format!("competencies/{a}/{b}.md"))
        };
        if unread(level, pillar) || unread(pillar, level) {
            return true;
        }
        [&self.unreadable, &self.orphans]
            .into_iter()
            .flatten()
            .filter_map(|p| p.strip_prefix("competencies/")?.strip_suffix(".md"))
            .any(|p| {
                let mut parts = p.rsplit('/');
                let (name, folder) = (parts.next(), parts.next());
                matches!((folder, name), (Some(f), Some(n))
                    if (f == level && n == pillar) || (f == pillar && n == level))
            })
    }

    /// Content paths of the files whose gaps are not reported again: those that could not
    /// be read and the competencies left out of the grid (see [`crate::ladder::Ladder::failed`]).
    pub fn into_failed(self) -> HashSet<String> {
        let mut failed = self.unreadable;
        failed.extend(self.orphans);
        failed
    }

    fn broken(&self) -> impl Iterator<Item = &HashSet<String>> {
        [&self.unreadable, &self.orphans, &self.dropped_files].into_iter()
    }
}

/// Whether `paths` (content paths) holds the file of the track, level or pillar `id` under
/// `folder` (`levels/`), or a folder that could not be read which would hold it.
fn names(paths: &HashSet<String>, folder: &str, id: &str) -> bool {
    let name = format!("{id}.md");
    paths
        .iter()
        .any(|p| p.starts_with(folder) && p.rsplit('/').next() == Some(name.as_str()))
        || crate::load::in_unread_folder(paths, &format!("{folder}{name}"))
}

#[cfg(test)]
mod tests {
    use super::FollowOn;

    #[test]
    fn a_folder_that_could_not_be_read_reports_none_of_its_files_again() {
        // serve-break 26 M5: `chmod 000 content/levels` gave an error for every level the
        // competencies name ("deleted or renamed?") before the folder's own.
        let f = FollowOn::new(["levels/".to_string()].into_iter().collect());
        assert!(f.level_reported("director"));
        assert!(f.file_reported("levels/director.md"));
        assert!(f.section_reported("director"));
        assert!(!f.pillar_reported("craft"));
        assert!(!f.file_reported("pillars/craft.md"));
        let f = FollowOn::new(["competencies/director/".to_string()].into_iter().collect());
        assert!(f.cell_reported("director", "craft"));
        assert!(!f.cell_reported("engineer-1", "craft"));
    }
}
