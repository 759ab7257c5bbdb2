//! Releases: the ladder's git tags, what changed in each, and the version being built.
//!
//! A release is a tag matching `[build] release-tags` (default `v*`) in the git repository
//! that holds the ladder. The site's `/changes/` page lists the releases newest first, each
//! with its date and what changed since the one before, in the words of `ladderbook diff`
//! ([`crate::diff`]); each change links to where the expectation is now. Every page shows
//! the version: the latest release, with the commit when the ladder's files are past it.
//!
//! Reading git must cost a ladder without releases nothing: outside a git repository (found
//! by looking for `.git`, without running git) nothing is run; in one, `git rev-parse` and
//! `git for-each-ref` list the tags. The changes between two releases never change, so they
//! are kept for the life of the process (`serve` rebuilds without reading old revisions
//! again). A ladder outside git, with no tags (a shallow CI clone) or whose old revision has
//! errors builds as before, with a note on the page, never an error.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::diff::{self, format, Change, Item, Kind};
use crate::escape;
use crate::ladder::Ladder;
use crate::permalink;
use crate::revision::{Repo, Tag};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// The ladder's releases, newest first.
#[derive(Debug, Default)]
pub struct Releases {
    /// Newest first.
    pub list: Vec<Release>,
    /// The version being built: `None` without releases.
    pub version: Option<Version>,
    /// Why there are no releases, for the page (empty when there are).
    pub note: String,
}

impl Releases {
    /// Whether pages rendered with `self` read the same with `other`: the same version label
    /// (on every page's footer) and the same releases, with their notes (`/changes/`, each
    /// level's "last changed"). `serve` renders every page again when they differ.
    pub fn reads_as(&self, other: &Releases) -> bool {
        let label = |r: &Releases| {
            r.version
                .as_ref()
                .map(|v| (v.label.clone(), v.date.clone()))
        };
        let tags = |r: &Releases| {
            r.list
                .iter()
                .map(|x| {
                    (
                        x.tag.name.clone(),
                        x.tag.commit.clone(),
                        x.tag.message.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        label(self) == label(other) && tags(self) == tags(other) && self.note == other.note
    }
}

/// One release.
#[derive(Debug)]
pub struct Release {
    /// The tag.
    pub tag: Tag,
    /// The release before it, if any.
    pub previous: Option<String>,
    /// What changed since `previous` (empty for the first release).
    pub changes: Arc<Vec<Change>>,
    /// Why its changes are not shown (its ladder, or the previous one's, has errors).
    pub error: Option<String>,
}

/// The version of the ladder being built.
#[derive(Debug, Clone, Serialize)]
pub struct Version {
    /// The latest release's tag.
    pub tag: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// The commit (abbreviated) when commits after the release changed the ladder's files.
    pub commit: Option<String>,
    /// True when the ladder's files in the working tree differ from the last commit.
    pub modified: bool,
    /// As shown: `v2`; `v2 + 1a2b3c4` past it; `v2 (modified)` with uncommitted changes.
    pub label: String,
}

/// Changes between two commits, by `top`, `prefix`, old and new commit.
type Cache = Mutex<HashMap<(String, String, String, String), Result<Arc<Vec<Change>>, String>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Reads the releases of the ladder in `root`. Problems with git or with an old revision
/// are warnings (the site is built without them), never errors.
pub fn read(root: &Path, config: &Config) -> (Releases, Vec<Diagnostic>) {
    let none = |note: &str| Releases {
        note: note.to_string(),
        ..Releases::default()
    };
    if config.release_tags.is_empty() {
        return (
            none("Releases are turned off for this ladder (`release-tags = \"\"` in book.toml)."),
            vec![],
        );
    }
    if !crate::revision::in_repository(root) {
        return (none("This ladder is not in a git repository, so it has no releases yet. Releases are git tags: commit the ladder, then tag the commit (`git tag v1`)."), vec![]);
    }
    let warn = Diagnostic::into_warning;
    let repo = match Repo::discover(root) {
        Ok(r) => r,
        Err(d) => {
            return (
                none("The ladder's git repository could not be read."),
                vec![warn(d)],
            )
        }
    };
    let tags = match repo.tags(&config.release_tags) {
        Ok(t) => t,
        Err(d) => {
            return (
                none("The ladder's release tags could not be read."),
                vec![warn(d)],
            )
        }
    };
    if tags.is_empty() {
        return (
            none(&format!("No releases yet: no tag matches `{}`. To release the ladder, tag a commit (`git tag v1`) and push the tag; a shallow clone (as in CI) may lack the tags: `git fetch --tags`.", config.release_tags)),
            vec![],
        );
    }
    fill_cache(&repo, &tags);
    let mut warnings = Vec::new();
    let mut list = Vec::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| &tags[p]);
        let (changes, error) = match previous {
            None => (Arc::new(Vec::new()), None),
            Some(p) => match changes_between(&repo, p, tag) {
                Ok(c) => (c, None),
                Err(e) => {
                    warnings.push(warn(Diagnostic::error(
                        "release",
                        crate::config::FILE_NAME,
                        (1, 1),
                        format!("the changes in release {} are not shown: {e}", tag.name),
                        "run `ladderbook diff` on the two releases to see the errors",
                    )));
                    (Arc::new(Vec::new()), Some(e))
                }
            },
        };
        list.push(Release {
            tag: tag.clone(),
            previous: previous.map(|p| p.name.clone()),
            changes,
            error,
        });
    }
    let version = tags.last().map(|t| version(&repo, t));
    list.reverse();
    (
        Releases {
            list,
            version,
            note: String::new(),
        },
        warnings,
    )
}

/// The cache's key for the changes from `old` to `new`.
fn key(repo: &Repo, old: &Tag, new: &Tag) -> (String, String, String, String) {
    (
        repo.top.display().to_string(),
        repo.prefix.clone(),
        old.commit.clone(),
        new.commit.clone(),
    )
}

/// Reads the changes of every release not in the cache yet: each tag's ladder is loaded
/// once (not once per pair), and the loads and comparisons run on all cores.
fn fill_cache(repo: &Repo, tags: &[Tag]) {
    use rayon::prelude::*;
    let missing: Vec<usize> = {
        let cache = cache().lock().unwrap_or_else(|e| e.into_inner());
        (1..tags.len())
            .filter(|&i| !cache.contains_key(&key(repo, &tags[i - 1], &tags[i])))
            .collect()
    };
    let mut needed: Vec<usize> = missing.iter().flat_map(|&i| [i - 1, i]).collect();
    needed.dedup();
    let loaded: HashMap<usize, Result<diff::Version, String>> = needed
        .par_iter()
        .map(|&i| {
            let t = &tags[i];
            let version = diff::load_commit(repo, &t.commit, &t.name).map_err(|d| {
                let first =
                    d.0.first()
                        .map(|d| format!("{}:{}:{}: {}", d.path, d.line, d.column, d.message))
                        .unwrap_or_default();
                format!("the ladder at {} has errors ({first})", t.name)
            });
            (i, version)
        })
        .collect();
    let found: Vec<_> = missing
        .par_iter()
        .filter_map(|&i| {
            let (old, new) = (loaded.get(&(i - 1))?, loaded.get(&i)?);
            let result = match (old, new) {
                (Ok(o), Ok(n)) => Ok(Arc::new(diff::changes(&o.ladder, &n.ladder))),
                (Err(e), _) | (_, Err(e)) => Err(e.clone()),
            };
            Some((key(repo, &tags[i - 1], &tags[i]), result))
        })
        .collect();
    cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .extend(found);
}

/// What changed from release `old` to `new` (see [`fill_cache`]).
fn changes_between(repo: &Repo, old: &Tag, new: &Tag) -> Result<Arc<Vec<Change>>, String> {
    let cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    match cache.get(&key(repo, old, new)) {
        Some(hit) => hit.clone(),
        None => Err(format!(
            "the changes from {} to {} could not be read",
            old.name, new.name
        )),
    }
}

/// The version of the ladder as built: the latest release; the commit when later commits
/// changed the ladder's files; and whether the working tree has changes of its own.
fn version(repo: &Repo, latest: &Tag) -> Version {
    let commit = repo
        .head()
        .filter(|head| *head != latest.commit && repo.differs(&latest.commit, head))
        .map(|c| c.chars().take(7).collect::<String>());
    let modified = repo.modified();
    let mut label = latest.name.clone();
    if let Some(c) = &commit {
        label.push_str(" + ");
        label.push_str(c);
    }
    if modified {
        label.push_str(" (modified)");
    }
    Version {
        tag: latest.name.clone(),
        date: latest.date.clone(),
        commit,
        modified,
        label,
    }
}

/// The `/changes/` page.
#[derive(Debug, Serialize)]
pub struct ChangesPage {
    /// Newest first.
    pub releases: Vec<ReleaseView>,
    /// Why there are no releases, as written (Markdown), for themes that show it as text.
    pub note: String,
    /// The same, as HTML (its Markdown written out: `` `git tag v1` `` in
    /// code, not in backticks).
    pub note_html: String,
}

/// One release on the page.
#[derive(Debug, Serialize)]
pub struct ReleaseView {
    /// The tag, also the section's anchor.
    pub tag: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The tag of the release before, if any.
    pub previous: Option<String>,
    /// What its author wrote about it: an annotated tag's message, as HTML (paragraphs;
    /// Markdown in it is read as a competency's text is); empty for a lightweight tag.
    pub message_html: String,
    /// Why its changes are not shown.
    pub error: Option<String>,
    /// `3 changes since v1`.
    pub summary: String,
    /// Its changes, grouped as `ladderbook diff` groups them.
    pub groups: Vec<Group>,
}

/// The changes to one level (or to the tracks, or the pillars).
#[derive(Debug, Serialize)]
pub struct Group {
    /// `Senior Engineer`, `Tracks`, `Pillars`.
    pub title: String,
    /// The level's page now, if it still has one.
    pub href: Option<String>,
    /// By pillar; the level's own changes first, in a section without a title.
    pub sections: Vec<Section>,
}

/// The changes in one pillar of a level.
#[derive(Debug, Serialize)]
pub struct Section {
    /// The pillar's title ("" for the level's own changes).
    pub title: String,
    /// Each change.
    pub items: Vec<ChangeView>,
}

/// One change on the page.
#[derive(Debug, Serialize)]
pub struct ChangeView {
    /// `added`, `removed`, `changed`, `moved`, `renamed`.
    pub kind: Kind,
    /// The change in `ladderbook diff`'s words, as HTML (a rewording as `<del>` and `<ins>`).
    pub html: String,
    /// Where it is now: the expectation's anchor on its level page (relative to the page).
    pub href: Option<String>,
    /// True when it is no longer in the ladder.
    pub gone: bool,
}

/// An annotated tag's message as HTML: its Markdown, through the HTML policy every text of
/// the ladder goes through (see [`crate::markdown::parse`]).
fn message_html(message: &str) -> String {
    if message.is_empty() {
        return String::new();
    }
    crate::markdown::parse(message, 0, &Default::default())
        .whole
        .html("")
        .to_string()
}

/// The `/changes/` page of `ladder`, at `path`.
pub fn page(releases: &Releases, ladder: &Ladder, path: &str) -> ChangesPage {
    let root = permalink::root_of(path);
    ChangesPage {
        note: releases.note.clone(),
        note_html: crate::markdown::inline_html(&releases.note),
        releases: releases
            .list
            .iter()
            .map(|r| ReleaseView {
                tag: r.tag.name.clone(),
                date: r.tag.date.clone(),
                previous: r.previous.clone(),
                message_html: message_html(&r.tag.message),
                error: r.error.clone(),
                summary: match (&r.previous, r.changes.len()) {
                    (None, _) => "The first release.".into(),
                    (Some(p), 0) => format!("No changes since {p}."),
                    (Some(p), 1) => format!("1 change since {p}."),
                    (Some(p), n) => format!("{n} changes since {p}."),
                },
                groups: groups(&r.changes, ladder, &root),
            })
            .collect(),
    }
}

/// The changes of one release, grouped by level and pillar (in their order).
fn groups(changes: &[Change], ladder: &Ladder, root: &str) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for c in changes {
        let (title, level_href) = match c.item {
            Item::Track => ("Tracks".to_string(), None),
            Item::Pillar => ("Pillars".to_string(), None),
            Item::Level | Item::Expectation | Item::Competency => {
                let id = c.level.as_deref().unwrap_or("");
                let now = ladder.levels.iter().find(|l| l.id == id);
                (
                    now.map_or_else(
                        || c.level_title.clone().unwrap_or_default(),
                        |l| l.title.clone(),
                    ),
                    now.map(|l| format!("{root}{}", permalink::level(&l.id))),
                )
            }
        };
        if out.last().is_none_or(|g| g.title != title) {
            out.push(Group {
                title,
                href: level_href,
                sections: Vec::new(),
            });
        }
        let Some(group) = out.last_mut() else {
            continue;
        };
        let section = if matches!(c.item, Item::Expectation | Item::Competency) {
            c.pillar_title.clone().unwrap_or_default()
        } else {
            String::new()
        };
        if group.sections.last().is_none_or(|s| s.title != section) {
            group.sections.push(Section {
                title: section,
                items: Vec::new(),
            });
        }
        let href = now_at(ladder, c).map(|p| format!("{root}{p}"));
        if let Some(s) = group.sections.last_mut() {
            s.items.push(ChangeView {
                kind: c.kind,
                html: html(c),
                gone: href.is_none(),
                href,
            });
        }
    }
    out
}

/// Where what `c` changed is in `ladder` now: an expectation's anchor when its words are
/// still in its level and pillar, else its pillar's section of the level page; a level's,
/// pillar's or track's page. `None` when it is gone.
fn now_at(ladder: &Ladder, c: &Change) -> Option<String> {
    if c.kind == Kind::Removed {
        return None;
    }
    let level = || {
        ladder
            .levels
            .iter()
            .position(|l| Some(l.id.as_str()) == c.level.as_deref())
    };
    let pillar = || {
        ladder
            .pillars
            .iter()
            .position(|p| Some(p.id.as_str()) == c.pillar.as_deref())
    };
    match c.item {
        Item::Expectation => {
            let (l, p) = (level()?, pillar()?);
            let cell = ladder.cell(l, p)?;
            let words = crate::compare::words(c.new.as_deref().unwrap_or(""));
            let page = permalink::level(&ladder.levels[l].id);
            Some(
                match cell
                    .expectations
                    .iter()
                    .position(|e| crate::compare::words(e.plain()) == words)
                {
                    Some(n) => format!("{page}#{}", diff::anchor(ladder, l, p, n)),
                    None => format!("{page}#{}", ladder.pillars[p].id),
                },
            )
        }
        // The pillar's section of the level page.
        Item::Competency => {
            let (l, p) = (level()?, pillar()?);
            ladder.cell(l, p)?;
            Some(format!(
                "{}#{}",
                permalink::level(&ladder.levels[l].id),
                ladder.pillars[p].id
            ))
        }
        Item::Level => level().map(|l| permalink::level(&ladder.levels[l].id)),
        Item::Pillar => pillar().map(|p| permalink::pillar(&ladder.pillars[p].id)),
        Item::Track => ladder
            .tracks
            .iter()
            .find(|t| Some(t.id.as_str()) == c.track.as_deref())
            .map(|t| permalink::track(&t.id)),
    }
}

/// A change in `ladderbook diff`'s words, as HTML.
pub fn html(c: &Change) -> String {
    let mut out = String::new();
    for piece in format::describe(c) {
        match piece {
            format::Piece::Label(l) => {
                out.push_str("<span class=\"change-label\">");
                escape::text(&mut out, &l);
                out.push_str(":</span> ");
            }
            format::Piece::Text(t) => escape::text(&mut out, t),
            format::Piece::Gone(t) => {
                out.push_str("<span class=\"gone\">");
                escape::text(&mut out, t);
                out.push_str("</span>");
            }
            format::Piece::Arrow(a, b) => {
                escape::text(&mut out, a);
                out.push_str(" → ");
                escape::text(&mut out, b);
            }
            format::Piece::Diff(a, b) => out.push_str(&format::runs(a, b, |s, side| {
                let mut h = String::new();
                let tag = match side {
                    None => None,
                    Some(false) => Some("del"),
                    Some(true) => Some("ins"),
                };
                if let Some(t) = tag {
                    h.push_str(&format!("<{t}>"));
                }
                escape::text(&mut h, s);
                if let Some(t) = tag {
                    h.push_str(&format!("</{t}>"));
                }
                h
            })),
        }
    }
    out
}

/// When a level last changed: the newest release that changed it or its expectations.
#[derive(Debug, Clone, Serialize)]
pub struct LastChanged {
    /// The release's tag.
    pub tag: String,
    /// Its date.
    pub date: String,
    /// The release on the changes page, relative to the level page.
    pub href: String,
}

/// When the level `id` last changed, as seen from a page at `path`.
pub fn last_changed(releases: &Releases, id: &str, path: &str) -> Option<LastChanged> {
    let r = releases.list.iter().find(|r| {
        r.changes
            .iter()
            .any(|c| c.level.as_deref() == Some(id) && c.item != Item::Track)
    })?;
    Some(LastChanged {
        tag: r.tag.name.clone(),
        date: r.tag.date.clone(),
        href: format!(
            "{}{}#{}",
            permalink::root_of(path),
            permalink::changes(),
            r.tag.name
        ),
    })
}
