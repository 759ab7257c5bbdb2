//! The ladder: the validated model of tracks, levels, pillars and competencies, with every
//! cross-link computed and every content link resolved to a site address.
//!
//! [`Ladder::build`] takes what [`crate::load`] read and either returns a complete model or
//! the full list of what is wrong; it never stops at the first problem.

use crate::config::Config;
use crate::diagnostic::{did_you_mean, Diagnostics};
use crate::load::{Asset, Document, Kind, Loaded};
use crate::markdown::{self, Fragment};
use crate::permalink;
use foldhash::{HashMap, HashSet};
use std::collections::{BTreeMap, BTreeSet};

mod patch;

/// Ids the default templates use for their own sections; headings in bodies never take them.
pub const TEMPLATE_IDS: &[&str] = &[
    "main",
    "content",
    "expectations",
    "related",
    "comparisons",
    "matrix",
    "levels",
    "pillars",
    "tracks",
    "top",
];

/// A track: one career path (individual contributor, management).
#[derive(Debug, Clone)]
pub struct Track {
    /// The id (the file stem), or `ladder` for the implicit track of a ladder with no track files.
    pub id: String,
    /// Display title.
    pub title: String,
    /// The track's description.
    pub description: Fragment,
    /// Indices into [`Ladder::levels`], most junior first.
    pub levels: Vec<usize>,
    /// Indices into [`Ladder::pillars`] that the track's levels use, in pillar order (all
    /// pillars when the track has no competencies yet).
    pub pillars: Vec<usize>,
    /// Display path of the file, if the track has one.
    pub source: Option<String>,
    /// Each level includes everything below it (track front-matter, else book.toml).
    pub cumulative: bool,
}

/// A level: one rung of a track.
#[derive(Debug, Clone)]
pub struct Level {
    /// The id (the file stem).
    pub id: String,
    /// Display title.
    pub title: String,
    /// Rank within the track, 1 the most junior.
    pub rank: i64,
    /// Index into [`Ladder::tracks`].
    pub track: usize,
    /// Short label such as `M5`.
    pub code: Option<String>,
    /// One line of plain text (Markdown in `summary` is rendered inline by the site).
    pub summary: String,
    /// True when the front-matter has no `summary`, so [`Level::summary`] is the first
    /// paragraph of the description (and the level's page need not show it twice).
    pub summary_from_description: bool,
    /// The level's description.
    pub description: Fragment,
    /// Equivalent levels on other tracks (indices into [`Ladder::levels`]), the relation made
    /// symmetric.
    pub equivalents: Vec<usize>,
    /// Old addresses that redirect here, normalised by [`permalink::normalize_alias`].
    pub aliases: Vec<String>,
    /// The next level down and up the same track.
    pub below: Option<usize>,
    /// See `below`.
    pub above: Option<usize>,
    /// Display path of the file.
    pub source: String,
}

/// A pillar: one competency area.
#[derive(Debug, Clone)]
pub struct Pillar {
    /// The id (the file stem).
    pub id: String,
    /// Display title.
    pub title: String,
    /// What the pillar covers.
    pub description: Fragment,
    /// Display path of the file.
    pub source: String,
}

/// The expectations of one level in one pillar.
#[derive(Debug, Clone)]
pub struct Competency {
    /// Index into [`Ladder::levels`].
    pub level: usize,
    /// Index into [`Ladder::pillars`].
    pub pillar: usize,
    /// Every top-level list item of the body, in order.
    pub expectations: Vec<Fragment>,
    /// Each expectation's anchor (see [`crate::anchors`]), in the same order.
    pub anchors: Vec<crate::anchors::Anchor>,
    /// The rest of the body.
    pub notes: Fragment,
    /// Display path of the file.
    pub source: String,
}

/// A free page (FAQ, how promotions work).
#[derive(Debug, Clone)]
pub struct FreePage {
    /// Its address (`how-to-read/`).
    pub path: String,
    /// Display title.
    pub title: String,
    /// Navigation order, lightest first.
    pub weight: i64,
    /// The page's body.
    pub body: Fragment,
}

/// An old address of a track, pillar or free page, which redirects to it.
#[derive(Debug, Clone)]
pub struct Redirect {
    /// The old address (`pillars/craft/`).
    pub path: String,
    /// The page's address now.
    pub target: String,
    /// The page's title.
    pub title: String,
}

/// The validated ladder.
#[derive(Debug, Clone)]
pub struct Ladder {
    /// `book.toml`.
    pub config: Config,
    /// Tracks in order.
    pub tracks: Vec<Track>,
    /// Levels grouped by track in track order, then by rank.
    pub levels: Vec<Level>,
    /// Pillars in order.
    pub pillars: Vec<Pillar>,
    /// Competencies, in level then pillar order.
    pub competencies: Vec<Competency>,
    /// (level, pillar) → index into `competencies`. A missing key is a gap.
    pub cells: HashMap<(usize, usize), usize>,
    /// Free pages, by weight then title.
    pub pages: Vec<FreePage>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
    /// Comparison pairs (lower or declaring level, other level): every pair of one track with
    /// the lower rank first, and every declared equivalent in both directions.
    pub comparisons: Vec<(usize, usize)>,
    /// Per level (index into `levels`): indices into `comparisons` of the pairs that include
    /// it, in order. A comparison page lists the other comparisons of both its levels, so
    /// this saves scanning every comparison for each of thousands of pages.
    comparisons_by_level: Vec<Vec<usize>>,
    /// The overview's rows: one entry per track, each the level shown in that row, so that
    /// equivalent levels share a row.
    pub overview_rows: Vec<Vec<Option<usize>>>,
    /// The text of every Markdown file that was read, in path order, for positions.
    pub files: Vec<crate::diagnostic::SourceFile>,
    /// Content paths (`competencies/senior/craft.md`) of Markdown files that could not be read,
    /// whose front-matter is broken, or (competencies) that name an unknown level or pillar.
    /// Their own errors say so; the gaps they leave are not reported again.
    pub failed: std::collections::HashSet<String>,
    /// Addresses and expectation anchors `ladder.lock` says were published and that the
    /// ladder no longer has (codes `lost-anchor`, `lost-address`): errors for `check` and
    /// `build`, which decide what to do with them (see [`crate::anchors`]).
    pub lost: Vec<crate::diagnostic::Diagnostic>,
    /// Aliases of tracks, pillars and free pages, and the old addresses of a renamed level's
    /// comparisons (a level's own are in [`Level::aliases`]).
    pub redirects: Vec<Redirect>,
    /// Anchors removed on purpose, and those lost now (written as removed on purpose once a
    /// build accepts the removals), for `ladder.lock`.
    retired: Vec<crate::lock::LockedAnchor>,
}

impl Ladder {
    /// The competency of `level` in `pillar`, if the cell is filled.
    pub fn cell(&self, level: usize, pillar: usize) -> Option<&Competency> {
        self.cells
            .get(&(level, pillar))
            .map(|&i| &self.competencies[i])
    }

    /// True when [`Ladder::overview_rows`] line levels up by rank alone, because no level
    /// declares an equivalent: a row then claims no equivalence.
    pub fn overview_by_rank(&self) -> bool {
        !declares_equivalents(&self.levels)
    }

    /// Comparisons that include `level`, in the order of [`Ladder::comparisons`].
    pub fn comparisons_of(&self, level: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.comparisons_by_level
            .get(level)
            .into_iter()
            .flatten()
            .map(|&i| self.comparisons[i])
    }

    /// Validates what was loaded into a ladder, adding every problem to `diags`.
    ///
    /// The ladder is returned even when there are errors: what could not be resolved (a
    /// competency of an unknown level, a broken link) is left out, so `check` can still show
    /// coverage. A build must not go on when `diags` has errors.
    pub fn build(config: Config, loaded: Loaded, diags: &mut Diagnostics) -> Ladder {
        let Loaded {
            documents,
            assets,
            failed,
            published,
        } = loaded;
        let mut documents = documents;
        let mut bodies: Vec<Option<markdown::Body>> = {
            use rayon::prelude::*;
            documents
                .par_iter_mut()
                .map(|d| match (&d.kind, d.parsed.take()) {
                    // Shared only when `serve` keeps the document for the next rebuild.
                    (Kind::Competency { .. }, Some(body)) => {
                        Some(std::sync::Arc::try_unwrap(body).unwrap_or_else(|b| (*b).clone()))
                    }
                    (Kind::Competency { .. }, None) => {
                        Some(markdown::parse_competency(d.body(), d.body_offset))
                    }
                    _ => None,
                })
                .collect()
        };
        // A reference to a file that failed to read is not reported again as unknown.
        let unreadable = |folder: &str, id: &str| names_failed(&failed, folder, id);

        // Ids must be unique per kind.
        let mut seen: HashMap<(&'static str, String), &Document> = HashMap::default();
        for d in &documents {
            let kind = match d.kind {
                Kind::Track { .. } => "track",
                Kind::Level { .. } => "level",
                Kind::Pillar { .. } => "pillar",
                _ => continue,
            };
            if let Some(first) = seen.insert((kind, d.id.clone()), d) {
                diags.push(d.source.error(
                    "duplicate-id",
                    0,
                    format!(
                        "there are two {kind}s with the id `{}`: this file and {}",
                        d.id, first.source.path
                    ),
                    "ids come from file names: rename one of the two files",
                ));
            }
        }

        // Tracks and pillars, in order.
        let mut track_docs: Vec<(&Document, &str, Option<i64>)> = documents
            .iter()
            .filter_map(|d| match &d.kind {
                Kind::Track { title, order, .. } => Some((d, title.as_str(), *order)),
                _ => None,
            })
            .collect();
        track_docs
            .sort_by(|a, b| (a.2.unwrap_or(i64::MAX), a.1).cmp(&(b.2.unwrap_or(i64::MAX), b.1)));
        let mut pillar_docs: Vec<(&Document, &str, Option<i64>)> = documents
            .iter()
            .filter_map(|d| match &d.kind {
                Kind::Pillar { title, order, .. } => Some((d, title.as_str(), *order)),
                _ => None,
            })
            .collect();
        pillar_docs
            .sort_by(|a, b| (a.2.unwrap_or(i64::MAX), a.1).cmp(&(b.2.unwrap_or(i64::MAX), b.1)));
        let pillar_index: HashMap<&str, usize> = pillar_docs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.0.id.as_str(), i))
            .collect();
        let pillar_ids: Vec<&str> = pillar_docs.iter().map(|p| p.0.id.as_str()).collect();

        let mut tracks: Vec<Track> = track_docs
            .iter()
            .map(|(d, title, _)| Track {
                id: d.id.clone(),
                title: title.to_string(),
                description: Fragment::default(),
                levels: Vec::new(),
                pillars: Vec::new(),
                source: Some(d.source.path.clone()),
                cumulative: match d.kind {
                    Kind::Track {
                        cumulative: Some(c),
                        ..
                    } => c,
                    _ => config.cumulative,
                },
            })
            .collect();
        if tracks.is_empty() {
            tracks.push(Track {
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
        let track_index: HashMap<String, usize> = tracks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        let track_ids: Vec<String> = tracks.iter().map(|t| t.id.clone()).collect();
        let track_ids: Vec<&str> = track_ids.iter().map(String::as_str).collect();

        // Levels: resolve the track, then order by track and rank.
        struct LevelDraft<'d> {
            doc: &'d Document,
            track: usize,
            rank: i64,
        }
        let mut drafts: Vec<LevelDraft> = Vec::new();
        // Levels left out because their track is wrong: already reported, not unknown.
        let mut dropped: HashSet<String> = HashSet::default();
        let mut dropped_files: Vec<String> = Vec::new();
        for d in &documents {
            let Kind::Level { rank, track, .. } = &d.kind else {
                continue;
            };
            let t = match track {
                Some(t) => match track_index.get(t.value.as_str()) {
                    Some(&i) => Some(i),
                    None if unreadable("tracks/", &t.value) => None,
                    None => {
                        dropped.insert(d.id.clone());
                        dropped_files.push(d.content_path.clone());
                        diags.push(d.source.error(
                            "unknown-track",
                            t.offset,
                            format!("there is no track `{}`", t.value),
                            hint_for(&t.value, &track_ids, "track", "content/tracks/"),
                        ));
                        None
                    }
                },
                None if tracks.len() == 1 => Some(0),
                None => {
                    dropped.insert(d.id.clone());
                    dropped_files.push(d.content_path.clone());
                    diags.push(d.source.error(
                        "missing-key",
                        0,
                        "level front-matter has no `track`, which is required when the ladder has more than one track",
                        format!("add `track = \"{}\"` (the tracks are: {})", track_ids.first().unwrap_or(&""), track_ids.join(", ")),
                    ));
                    None
                }
            };
            if let Some(track) = t {
                drafts.push(LevelDraft {
                    doc: d,
                    track,
                    rank: rank.value,
                });
            }
        }
        drafts.sort_by(|a, b| (a.track, a.rank, &a.doc.id).cmp(&(b.track, b.rank, &b.doc.id)));
        for w in drafts.windows(2) {
            if w[0].track == w[1].track && w[0].rank == w[1].rank {
                let Kind::Level { rank, .. } = &w[1].doc.kind else {
                    continue;
                };
                diags.push(w[1].doc.source.error(
                    "rank-collision",
                    rank.offset,
                    format!("rank {} is also the rank of {} on the same track", w[1].rank, w[0].doc.source.path),
                    "each level of a track needs its own rank: 1 for the most junior, then 2, 3, ...",
                ));
            }
        }
        let level_index: HashMap<&str, usize> = drafts
            .iter()
            .enumerate()
            .map(|(i, l)| (l.doc.id.as_str(), i))
            .collect();
        let level_ids: Vec<&str> = drafts.iter().map(|l| l.doc.id.as_str()).collect();

        // Addresses of every content file, and the anchors on each, for link resolution.
        let mut targets: HashMap<String, Target> = HashMap::default();
        let mut levels: Vec<Level> = Vec::with_capacity(drafts.len());
        let mut declared: Vec<(usize, usize, usize)> = Vec::new();
        // Level descriptions, parsed on all cores. Their headings' ids must not take a
        // pillar's id or one the templates use.
        let mut level_bodies: Vec<markdown::Body> = {
            use rayon::prelude::*;
            let mut taken: HashSet<String> = pillar_ids.iter().map(|s| s.to_string()).collect();
            taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
            drafts
                .par_iter()
                .map(|dr| markdown::parse(dr.doc.body(), dr.doc.body_offset, &taken))
                .collect()
        };
        for (i, dr) in drafts.iter().enumerate() {
            let Kind::Level {
                title,
                code,
                summary,
                equivalent,
                aliases,
                ..
            } = &dr.doc.kind
            else {
                continue;
            };
            let track = &mut tracks[dr.track];
            track.levels.push(i);
            let body = std::mem::take(&mut level_bodies[i]);
            let mut equivalents = Vec::new();
            for e in equivalent {
                match level_index.get(e.value.as_str()) {
                    Some(&j) if drafts[j].track == dr.track => diags.push(dr.doc.source.error(
                        "bad-equivalent",
                        e.offset,
                        format!("`{}` is on the same track as this level; equivalents are levels on other tracks", e.value),
                        "remove it from `equivalent`: levels of one track are compared by rank",
                    )),
                    Some(&j) => {
                        equivalents.push(j);
                        declared.push((i, j, e.offset));
                    }
                    None if unreadable("levels/", &e.value) || dropped.contains(&e.value) => {}
                    None => diags.push(dr.doc.source.error(
                        "unknown-level",
                        e.offset,
                        format!("there is no level `{}`", e.value),
                        hint_for(&e.value, &level_ids, "level", "content/levels/"),
                    )),
                }
            }
            let mut alias_paths = Vec::new();
            for a in aliases {
                match permalink::normalize_alias(&a.value) {
                    Some(p) => alias_paths.push((p, a.offset)),
                    None => diags.push(dr.doc.source.error(
                        "bad-alias",
                        a.offset,
                        format!("`{}` is not a path inside the site", a.value),
                        "write an old address of this level, such as \"levels/l3/\"",
                    )),
                }
            }
            // Its pillar sections' anchors are added once the track's pillars are known.
            let anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
            targets.insert(
                dr.doc.content_path.clone(),
                Target::page(permalink::level(&dr.doc.id), anchors),
            );
            levels.push(Level {
                id: dr.doc.id.clone(),
                title: title.clone(),
                rank: dr.rank,
                track: dr.track,
                code: code.clone(),
                summary_from_description: summary.is_none() && body.first_paragraph.is_some(),
                summary: summary
                    .clone()
                    .or(body.first_paragraph.clone())
                    .unwrap_or_default(),
                description: body.whole,
                equivalents,
                aliases: alias_paths.iter().map(|a| a.0.clone()).collect(),
                below: None,
                above: None,
                source: dr.doc.source.path.clone(),
            });
        }
        // Equivalents must be declared on both sides; the model makes them symmetric anyway.
        for &(i, j, offset) in &declared {
            if !levels[j].equivalents.contains(&i) {
                diags.push(drafts[i].doc.source.error(
                    "equivalent-not-mutual",
                    offset,
                    format!(
                        "`{}` is listed as equivalent here, but {} does not list `{}` back",
                        levels[j].id, levels[j].source, levels[i].id
                    ),
                    format!(
                        "add \"{}\" to `equivalent` in {}, or remove it here",
                        levels[i].id, levels[j].source
                    ),
                ));
            }
        }
        for &(i, j, _) in &declared {
            if !levels[j].equivalents.contains(&i) {
                levels[j].equivalents.push(i);
            }
        }
        for t in &tracks {
            for w in t.levels.windows(2) {
                levels[w[0]].above = Some(w[1]);
                levels[w[1]].below = Some(w[0]);
            }
        }
        for l in &mut levels {
            l.equivalents.sort();
            l.equivalents.dedup();
        }

        // Pillars.
        let mut pillars = Vec::with_capacity(pillar_docs.len());
        for (d, title, _) in &pillar_docs {
            let mut taken: HashSet<String> = level_ids.iter().map(|s| s.to_string()).collect();
            taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
            let body = markdown::parse(d.body(), d.body_offset, &taken);
            // Its level sections' anchors are added once the tracks' pillars are known.
            let anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
            targets.insert(
                d.content_path.clone(),
                Target::page(permalink::pillar(&d.id), anchors),
            );
            pillars.push(Pillar {
                id: d.id.clone(),
                title: title.to_string(),
                description: body.whole,
                source: d.source.path.clone(),
            });
        }
        for (i, (d, _, _)) in track_docs.iter().enumerate() {
            let mut taken: HashSet<String> = level_ids.iter().map(|s| s.to_string()).collect();
            taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
            let body = markdown::parse(d.body(), d.body_offset, &taken);
            let mut anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
            anchors.extend(tracks[i].levels.iter().map(|&l| levels[l].id.clone()));
            targets.insert(
                d.content_path.clone(),
                Target::page(permalink::track(&d.id), anchors),
            );
            tracks[i].description = body.whole;
        }

        // Competencies into the grid. Their bodies were parsed as they were read (they are
        // most of a large ladder's text, and each parses on its own); each ladder takes its
        // own copy, since link resolution writes into it.
        let mut competencies: Vec<(&Document, Competency)> = Vec::new();
        let mut cell_owner: HashMap<(usize, usize), &Document> = HashMap::default();
        let mut orphans: Vec<(&Document, Fragment)> = Vec::new();
        for (d, body) in documents.iter().zip(bodies.iter_mut()) {
            let Kind::Competency { level, pillar } = &d.kind else {
                continue;
            };
            let body = body.take().unwrap_or_default();
            let l = level_index.get(level.value.as_str()).copied();
            let p = pillar_index.get(pillar.value.as_str()).copied();
            if l.is_none()
                && !unreadable("levels/", &level.value)
                && !dropped.contains(&level.value)
            {
                let old = permalink::level(&level.value);
                let hint = match published.as_ref().filter(|l| l.pages.contains(&old)) {
                    // A published level that is gone, while one level is new since the last
                    // build: most likely a rename.
                    Some(lock) => {
                        let new: Vec<&&str> = level_ids
                            .iter()
                            .filter(|id| !lock.pages.contains(&permalink::level(id)))
                            .collect();
                        let renamed = match new.as_slice() {
                            [one] => format!("did you mean `{one}`, the level that is new since the last build? "),
                            _ => String::new(),
                        };
                        format!("{renamed}`{}` was published (ladder.lock): if you renamed it, name the new id here and add `aliases = [\"{old}\"]` to the renamed level's front-matter, so links to /{old} keep working", level.value)
                    }
                    None => hint_for(&level.value, &level_ids, "level", "content/levels/"),
                };
                diags.push(d.source.error(
                    "unknown-level",
                    level.offset,
                    format!("there is no level `{}`", level.value),
                    hint,
                ));
            }
            if p.is_none() && !unreadable("pillars/", &pillar.value) {
                diags.push(d.source.error(
                    "unknown-pillar",
                    pillar.offset,
                    format!("there is no pillar `{}`", pillar.value),
                    hint_for(&pillar.value, &pillar_ids, "pillar", "content/pillars/"),
                ));
            }
            let (Some(l), Some(p)) = (l, p) else {
                // Still check its links, so one run reports them too.
                orphans.extend(body.items.into_iter().map(|e| (d, e)));
                orphans.push((d, body.notes));
                continue;
            };
            if let Some(first) = cell_owner.insert((l, p), d) {
                diags.push(d.source.error(
                    "duplicate-cell",
                    0,
                    format!(
                        "this file and {} are both the competency of level `{}` in pillar `{}`",
                        first.source.path, level.value, pillar.value
                    ),
                    "merge the two files' expectations into one file and delete the other",
                ));
                cell_owner.insert((l, p), first);
                continue;
            }
            targets.insert(
                d.content_path.clone(),
                Target {
                    path: permalink::level(&level.value),
                    anchor: Some(pillar.value.clone()),
                    anchors: HashSet::default(),
                    expectations: Vec::new(),
                    anchors_of: Some(drafts[l].doc.content_path.clone()),
                },
            );
            competencies.push((
                d,
                Competency {
                    level: l,
                    pillar: p,
                    expectations: body.items,
                    anchors: body
                        .item_ids
                        .into_iter()
                        .map(|own| crate::anchors::Anchor {
                            number: 0,
                            also: Vec::new(),
                            own,
                        })
                        .collect(),
                    notes: body.notes,
                    source: d.source.path.clone(),
                },
            ));
        }
        competencies.sort_by_key(|(_, c)| (c.level, c.pillar));
        // Expectation anchors: as published before where there is a lockfile.
        let plain: Vec<Vec<String>> = competencies
            .iter()
            .map(|(_, c)| {
                c.expectations
                    .iter()
                    .map(|e| e.plain().to_string())
                    .collect()
            })
            .collect();
        let cells_to_anchor: Vec<crate::anchors::Cell> = competencies
            .iter()
            .zip(&plain)
            .map(|((_, c), texts)| crate::anchors::Cell {
                level: &levels[c.level].id,
                pillar: &pillars[c.pillar].id,
                texts: texts.iter().map(String::as_str).collect(),
                source: &c.source,
                former: levels[c.level]
                    .aliases
                    .iter()
                    .filter_map(|a| a.strip_prefix("levels/")?.strip_suffix('/'))
                    .collect(),
            })
            .collect();
        let (anchors, mut lost, mut retired) =
            crate::anchors::assign(&cells_to_anchor, published.as_deref());
        retired.extend(
            published
                .iter()
                .flat_map(|l| &l.anchors)
                .filter(|a| a.retired)
                .cloned(),
        );
        drop(cells_to_anchor);
        for ((_, c), a) in competencies.iter_mut().zip(anchors) {
            let own: Vec<Option<String>> = c.anchors.drain(..).map(|a| a.own).collect();
            c.anchors = a;
            for (a, own) in c.anchors.iter_mut().zip(own) {
                a.own = own;
            }
        }
        // The pillar sections' ids are added to level pages later: an author's id must not
        // be one of them either.
        let pillar_ids_set: HashSet<&str> = pillars.iter().map(|p| p.id.as_str()).collect();
        for (d, c) in &competencies {
            if let Some(t) = targets.get_mut(&drafts[c.level].doc.content_path) {
                let pillar = &pillars[c.pillar].id;
                t.expectations
                    .push((pillar.clone(), c.anchors.iter().map(|a| a.number).collect()));
                for a in &c.anchors {
                    t.anchors.extend(a.also.iter().cloned());
                    if let Some(own) = &a.own {
                        if pillar_ids_set.contains(own.as_str()) || !t.anchors.insert(own.clone()) {
                            diags.push(d.source.error(
                                "duplicate-id",
                                0,
                                format!("the expectation id `{{#{own}}}` is already an anchor on /{}", t.path),
                                "give the expectation an id no other expectation, heading or pillar of its level has",
                            ));
                        }
                    }
                }
            }
        }

        // Track pillars: those any of its levels uses.
        for t in &mut tracks {
            let used: BTreeSet<usize> = competencies
                .iter()
                .filter(|(_, c)| t.levels.contains(&c.level))
                .map(|(_, c)| c.pillar)
                .collect();
            t.pillars = if used.is_empty() {
                (0..pillars.len()).collect()
            } else {
                used.into_iter().collect()
            };
        }
        // Section anchors, as the pages have them: a level page has a section for each
        // pillar of its track; a pillar page has one for each level of the tracks that use
        // the pillar.
        for (li, level) in levels.iter().enumerate() {
            if let Some(t) = targets.get_mut(&drafts[li].doc.content_path) {
                let track = &tracks[level.track];
                t.anchors
                    .extend(track.pillars.iter().map(|&p| pillars[p].id.clone()));
            }
        }
        for (pi, (d, _, _)) in pillar_docs.iter().enumerate() {
            if let Some(t) = targets.get_mut(&d.content_path) {
                for track in tracks.iter().filter(|t| t.pillars.contains(&pi)) {
                    t.anchors
                        .extend(track.levels.iter().map(|&l| levels[l].id.clone()));
                }
            }
        }

        // Free pages.
        let mut pages = Vec::new();
        for d in &documents {
            let Kind::Page { title, weight, .. } = &d.kind else {
                continue;
            };
            let mut taken: HashSet<String> = HashSet::default();
            taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
            let body = markdown::parse(d.body(), d.body_offset, &taken);
            let path = permalink::page(d.content_path.trim_end_matches(".md"));
            targets.insert(
                d.content_path.clone(),
                Target::page(path.clone(), body.heading_ids.iter().cloned().collect()),
            );
            pages.push((
                d,
                FreePage {
                    path,
                    title: title.clone(),
                    weight: *weight,
                    body: body.whole,
                },
            ));
        }
        pages.sort_by(|a, b| (a.1.weight, &a.1.title).cmp(&(b.1.weight, &b.1.title)));

        // Comparisons.
        let mut comparisons = Vec::new();
        for t in &tracks {
            for (i, &a) in t.levels.iter().enumerate() {
                for &b in &t.levels[i + 1..] {
                    comparisons.push((a, b));
                }
            }
        }
        for (a, l) in levels.iter().enumerate() {
            for &b in &l.equivalents {
                comparisons.push((a, b));
            }
        }

        // Every address, to find collisions with free pages and aliases.
        let mut owners: BTreeMap<String, String> = BTreeMap::new();
        owners.insert(permalink::overview(), "the overview".into());
        owners.insert(permalink::compare_index(), "the comparison index".into());
        owners.insert(permalink::changes(), "the changes page".into());
        for t in &tracks {
            owners.insert(permalink::track(&t.id), format!("track `{}`", t.id));
        }
        for l in &levels {
            owners.insert(permalink::level(&l.id), format!("level `{}`", l.id));
        }
        for p in &pillars {
            owners.insert(permalink::pillar(&p.id), format!("pillar `{}`", p.id));
        }
        for &(a, b) in &comparisons {
            owners.insert(
                permalink::compare(&levels[a].id, &levels[b].id),
                "a comparison page".into(),
            );
        }
        for a in &assets {
            owners.insert(
                a.content_path.clone(),
                format!("the file content/{}", a.content_path),
            );
        }
        for (d, p) in &pages {
            if let Some(owner) = owners.get(&p.path) {
                diags.push(d.source.error(
                    "page-collision",
                    0,
                    format!("this page's address /{} is already {owner}", p.path),
                    "move or rename the file: free pages live at their path under content/",
                ));
            } else {
                owners.insert(p.path.clone(), format!("the page {}", d.source.path));
            }
        }
        for (i, dr) in drafts.iter().enumerate() {
            let Kind::Level { aliases, .. } = &dr.doc.kind else {
                continue;
            };
            for a in aliases {
                let Some(path) = permalink::normalize_alias(&a.value) else {
                    continue;
                };
                if let Some(owner) = owners.get(&path) {
                    diags.push(dr.doc.source.error(
                        "alias-collision",
                        a.offset,
                        format!("the alias /{path} is already {owner}"),
                        "an alias must be an address no page has; remove it or pick the old address it replaces",
                    ));
                } else {
                    owners.insert(path, format!("an alias of level `{}`", levels[i].id));
                }
            }
        }

        // Aliases of tracks, pillars and free pages.
        let mut redirects = Vec::new();
        for d in &documents {
            let (aliases, target, title) = match &d.kind {
                Kind::Track { aliases, title, .. } => (aliases, permalink::track(&d.id), title),
                Kind::Pillar { aliases, title, .. } => (aliases, permalink::pillar(&d.id), title),
                Kind::Page { aliases, title, .. } => (
                    aliases,
                    permalink::page(d.content_path.trim_end_matches(".md")),
                    title,
                ),
                _ => continue,
            };
            if !owners.contains_key(&target) {
                continue;
            }
            for a in aliases {
                let Some(path) = permalink::normalize_alias(&a.value) else {
                    diags.push(d.source.error(
                        "bad-alias",
                        a.offset,
                        format!("`{}` is not a path inside the site", a.value),
                        format!("write an old address of this page, such as \"{target}\""),
                    ));
                    continue;
                };
                if let Some(owner) = owners.get(&path) {
                    diags.push(d.source.error(
                        "alias-collision",
                        a.offset,
                        format!("the alias /{path} is already {owner}"),
                        "an alias must be an address no page has; remove it or pick the old address it replaces",
                    ));
                } else {
                    owners.insert(path.clone(), format!("an alias of /{target}"));
                    redirects.push(Redirect {
                        path,
                        target: target.clone(),
                        title: title.clone(),
                    });
                }
            }
        }

        // A renamed level's comparisons keep their old addresses too, as its page does.
        for &(a, b) in &comparisons {
            let ids = |i: usize| {
                let former = levels[i]
                    .aliases
                    .iter()
                    .filter_map(|p| p.strip_prefix("levels/")?.strip_suffix('/'));
                std::iter::once(levels[i].id.as_str())
                    .chain(former)
                    .collect::<Vec<_>>()
            };
            let target = permalink::compare(&levels[a].id, &levels[b].id);
            for x in ids(a) {
                for y in ids(b) {
                    let path = permalink::compare(x, y);
                    if path != target && !owners.contains_key(&path) {
                        owners.insert(path.clone(), format!("an alias of /{target}"));
                        redirects.push(Redirect {
                            path,
                            target: target.clone(),
                            title: format!("{} and {}", levels[a].title, levels[b].title),
                        });
                    }
                }
            }
        }

        // Published pages that no address has any more.
        let addresses: BTreeSet<String> = owners.into_keys().collect();
        lost.extend(crate::anchors::lost_pages(published.as_deref(), &addresses));

        // Resolve every link in every body.
        let asset_paths: HashSet<&str> = assets.iter().map(|a| a.content_path.as_str()).collect();
        // Links to a competency whose level or pillar is unknown, or to a level left out for
        // its track, are not reported again: the file's own error says what to fix.
        // A competency file whose level or pillar is unknown is broken too: the gap it leaves
        // is not reported again either (the hint would ask for the file that is there).
        let mut failed = failed;
        failed.extend(orphans.iter().map(|(d, _)| d.content_path.clone()));
        let mut not_again = failed.clone();
        not_again.extend(dropped_files);
        let resolver = Resolver {
            targets: &targets,
            assets: &asset_paths,
            failed: &not_again,
        };
        let by_path: HashMap<&str, &Document> = documents
            .iter()
            .map(|d| (d.source.path.as_str(), d))
            .collect();
        let source_of = |path: &str| by_path.get(path).copied();
        for l in &mut levels {
            if let Some(d) = source_of(&l.source) {
                resolver.resolve(d, &mut l.description, diags);
            }
        }
        for p in &mut pillars {
            if let Some(d) = source_of(&p.source) {
                resolver.resolve(d, &mut p.description, diags);
            }
        }
        for t in &mut tracks {
            if let Some(d) = t.source.as_deref().and_then(source_of) {
                resolver.resolve(d, &mut t.description, diags);
            }
        }
        for (d, c) in &mut competencies {
            for e in &mut c.expectations {
                resolver.resolve(d, e, diags);
            }
            resolver.resolve(d, &mut c.notes, diags);
        }
        for (d, p) in &mut pages {
            resolver.resolve(d, &mut p.body, diags);
        }
        for (d, f) in &mut orphans {
            resolver.resolve(d, f, diags);
        }

        let competencies: Vec<Competency> = competencies.into_iter().map(|(_, c)| c).collect();
        let cells = competencies
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.level, c.pillar), i))
            .collect();
        let overview_rows = overview_rows(&tracks, &levels);
        let pages: Vec<FreePage> = pages.into_iter().map(|(_, p)| p).collect();
        drop((orphans, by_path, resolver, drafts));
        // Nothing borrows the documents any more: their sources move into the ladder.
        let files = documents.into_iter().map(|d| d.source).collect();
        let mut comparisons_by_level = vec![Vec::new(); levels.len()];
        for (i, &(a, b)) in comparisons.iter().enumerate() {
            comparisons_by_level[a].push(i);
            if b != a {
                comparisons_by_level[b].push(i);
            }
        }
        Ladder {
            config,
            tracks,
            levels,
            pillars,
            competencies,
            cells,
            pages,
            assets,
            comparisons,
            comparisons_by_level,
            overview_rows,
            files,
            failed,
            lost,
            redirects,
            retired,
        }
    }

    /// What this ladder publishes, for `ladder.lock`: every track, level (and level alias),
    /// pillar and free page, and every expectation's anchor with its text. (The overview and
    /// the comparison index always exist; comparisons follow their levels.)
    pub fn lock(&self) -> crate::lock::Lock {
        let mut pages = BTreeSet::new();
        pages.extend(self.tracks.iter().map(|t| permalink::track(&t.id)));
        for l in &self.levels {
            pages.insert(permalink::level(&l.id));
            pages.extend(l.aliases.iter().cloned());
        }
        pages.extend(self.pillars.iter().map(|p| permalink::pillar(&p.id)));
        pages.extend(self.pages.iter().map(|p| p.path.clone()));
        pages.extend(self.redirects.iter().map(|r| r.path.clone()));
        let mut anchors: Vec<crate::lock::LockedAnchor> =
            self.competencies
                .iter()
                .flat_map(|c| {
                    c.expectations.iter().zip(&c.anchors).map(move |(e, a)| {
                        crate::lock::LockedAnchor {
                            level: self.levels[c.level].id.clone(),
                            pillar: self.pillars[c.pillar].id.clone(),
                            number: a.number,
                            text: e.plain().to_string(),
                            retired: false,
                        }
                    })
                })
                .collect();
        anchors.extend(self.retired.iter().cloned());
        crate::lock::Lock { pages, anchors }
    }
}

fn hint_for(value: &str, known: &[&str], what: &str, folder: &str) -> String {
    match did_you_mean(value, known.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? {what} ids are the file names in {folder}"),
        None if known.is_empty() => format!("there are no {what}s yet: add a file to {folder}"),
        None => format!("the {what}s are: {}", known.join(", ")),
    }
}

/// Where a content file lives in the site.
#[derive(Debug)]
struct Target {
    /// Its page's address.
    path: String,
    /// The anchor a link lands on when it names none (a competency's pillar section).
    anchor: Option<String>,
    /// Anchors that exist on the page, besides its expectations'.
    anchors: HashSet<String>,
    /// On a level's page: (pillar id, numbers of its expectations) of each filled cell, whose
    /// expectations have the anchors `<pillar>--<number>`. Kept as numbers rather than as
    /// anchors: a large ladder has tens of thousands of them.
    expectations: Vec<(String, Vec<usize>)>,
    /// For a competency file: the content path of its level's file, whose page (and so
    /// whose anchors) it shares.
    anchors_of: Option<String>,
}

impl Target {
    /// The page at `path` (a site address), with the anchors of its own headings and
    /// sections; a level's expectations are added once the competencies are known.
    fn page(path: String, anchors: HashSet<String>) -> Target {
        Target {
            path,
            anchor: None,
            anchors,
            expectations: Vec::new(),
            anchors_of: None,
        }
    }

    /// Whether the page has the anchor `a`: one of [`Target::anchors`], or an expectation's
    /// (see [`permalink::parse_expectation_anchor`]).
    fn has_anchor(&self, a: &str) -> bool {
        if self.anchors.contains(a) {
            return true;
        }
        let Some((pillar, number)) = permalink::parse_expectation_anchor(a) else {
            return false;
        };
        self.expectations
            .iter()
            .any(|(p, numbers)| p == pillar && numbers.contains(&number))
    }
}

struct Resolver<'a> {
    targets: &'a HashMap<String, Target>,
    assets: &'a HashSet<&'a str>,
    failed: &'a std::collections::HashSet<String>,
}

impl Resolver<'_> {
    /// Rewrites the relative links of `frag`, written in `doc`, to site addresses.
    fn resolve(&self, doc: &Document, frag: &mut Fragment, diags: &mut Diagnostics) {
        for (i, link) in frag.links.iter().enumerate() {
            let dest = link.dest.as_str();
            if !markdown::is_relative_link(dest) {
                continue;
            }
            let (path_part, anchor) = match dest.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (dest, None),
            };
            let path_part = path_part.split('?').next().unwrap_or("");
            let target_path = if path_part.is_empty() {
                Some(doc.content_path.clone())
            } else {
                crate::load::resolve_relative(
                    crate::load::parent_dir(&doc.content_path),
                    &crate::load::percent_decode(path_part),
                )
            };
            let Some(target_path) = target_path else {
                diags.push(doc.source.error(
                    "broken-link",
                    link.offset,
                    format!("the link `{dest}` points outside content/"),
                    "link to a file inside content/ by its relative path",
                ));
                continue;
            };
            if self.failed.contains(&target_path) {
                continue;
            }
            if let Some(t) = self.targets.get(&target_path) {
                let page = t
                    .anchors_of
                    .as_ref()
                    .and_then(|p| self.targets.get(p))
                    .unwrap_or(t);
                let anchor = anchor.map(str::to_string).or(t.anchor.clone());
                let href = match &anchor {
                    Some(a) if !a.is_empty() => {
                        if !page.has_anchor(a) && t.anchor.as_deref() != Some(a.as_str()) {
                            // The section of a level or pillar whose own file is broken (or
                            // left out) is missing for that reason, which its error gives.
                            let section = permalink::parse_expectation_anchor(a)
                                .map_or(a.as_str(), |(pillar, _)| pillar);
                            if ["levels/", "pillars/"]
                                .iter()
                                .any(|folder| names_failed(self.failed, folder, section))
                            {
                                continue;
                            }
                            let mut known: Vec<String> = page.anchors.iter().cloned().collect();
                            for (pillar, numbers) in &page.expectations {
                                known.extend(
                                    numbers
                                        .iter()
                                        .map(|&n| permalink::expectation_anchor(pillar, n)),
                                );
                            }
                            known.sort();
                            let known: Vec<&str> = known.iter().map(String::as_str).collect();
                            let hint = match did_you_mean(a, known.iter().copied()) {
                                Some(s) => format!("did you mean `#{s}`?"),
                                None => {
                                    format!("the anchors on /{} are: {}", t.path, known.join(", "))
                                }
                            };
                            diags.push(doc.source.error("broken-anchor", link.offset, format!("the link `{dest}` names the anchor `#{a}`, which is not on /{}", t.path), hint));
                            continue;
                        }
                        format!("{}#{a}", t.path)
                    }
                    _ => t.path.clone(),
                };
                frag.resolved.push((i, href));
            } else if self.assets.contains(target_path.as_str()) {
                frag.resolved.push((i, target_path));
            } else if target_path.ends_with(".md") || !path_part.is_empty() {
                diags.push(doc.source.error(
                    "broken-link",
                    link.offset,
                    format!("the link `{dest}` points to content/{target_path}, which does not exist"),
                    "links between content files use the target's path relative to this file, e.g. `../levels/senior-engineer.md`",
                ));
            }
        }
    }
}

/// Whether `failed` (content paths) holds the file of the track, level or pillar `id` under
/// `folder` (`levels/`): its own error is reported, references to it are not reported again.
fn names_failed(failed: &std::collections::HashSet<String>, folder: &str, id: &str) -> bool {
    let name = format!("{id}.md");
    failed
        .iter()
        .any(|p| p.starts_with(folder) && p.rsplit('/').next() == Some(name.as_str()))
}

/// Whether any level declares an equivalent. When none does, the overview's rows group
/// levels by rank instead ([`overview_rows`]).
fn declares_equivalents(levels: &[Level]) -> bool {
    levels.iter().any(|l| !l.equivalents.is_empty())
}

/// Rows of the overview: equivalent levels share a row; otherwise rows follow rank.
fn overview_rows(tracks: &[Track], levels: &[Level]) -> Vec<Vec<Option<usize>>> {
    let n = levels.len();
    let any_equivalent = declares_equivalents(levels);
    // Group levels: by declared equivalence, or by rank when the ladder declares none.
    let mut group: Vec<usize> = (0..n).collect();
    fn find(g: &mut [usize], mut x: usize) -> usize {
        while g[x] != x {
            g[x] = g[g[x]];
            x = g[x];
        }
        x
    }
    for (i, l) in levels.iter().enumerate() {
        let others: Vec<usize> = if any_equivalent {
            l.equivalents.clone()
        } else {
            (0..n).filter(|&j| levels[j].rank == l.rank).collect()
        };
        for j in others {
            let (a, b) = (find(&mut group, i), find(&mut group, j));
            group[a] = b;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let g = find(&mut group, i);
        groups.entry(g).or_default().push(i);
    }
    // A group with two levels of one track cannot be one row: give up aligning.
    let consistent = groups.values().all(|m| {
        let mut ts: Vec<usize> = m.iter().map(|&i| levels[i].track).collect();
        ts.sort();
        ts.windows(2).all(|w| w[0] != w[1])
    });
    let groups: Vec<Vec<usize>> = if consistent {
        groups.into_values().collect()
    } else {
        (0..n).map(|i| vec![i]).collect()
    };
    let group_of: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, m)| m.iter().map(move |&i| (i, g)))
        .collect();
    // Order groups so that every track reads upwards: topological order, junior first.
    let mut indegree = vec![0usize; groups.len()];
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for t in tracks {
        for w in t.levels.windows(2) {
            let (a, b) = (group_of[&w[0]], group_of[&w[1]]);
            if a != b {
                edges[a].push(b);
                indegree[b] += 1;
            }
        }
    }
    // Among groups ready at once, the lower rank first. A group of equivalents stands at the
    // highest rank among its levels: a track that starts higher on the ladder (managers from
    // the senior engineers' row) numbers its levels from 1, and its rank 1 must not pull the
    // row above the other tracks' levels of lower seniority.
    let key = |g: usize| {
        let rank = groups[g].iter().map(|&i| levels[i].rank).max().unwrap_or(0);
        let track = groups[g]
            .iter()
            .map(|&i| levels[i].track)
            .min()
            .unwrap_or(0);
        (rank, track)
    };
    let mut ready: BTreeSet<((i64, usize), usize)> = (0..groups.len())
        .filter(|&g| indegree[g] == 0)
        .map(|g| (key(g), g))
        .collect();
    let mut order = Vec::new();
    while let Some(first) = ready.iter().next().copied() {
        ready.remove(&first);
        let g = first.1;
        order.push(g);
        for &h in &edges[g] {
            indegree[h] -= 1;
            if indegree[h] == 0 {
                ready.insert((key(h), h));
            }
        }
    }
    if order.len() < groups.len() {
        // Equivalents cross each other: fall back to one row per level, by rank.
        let mut all: Vec<usize> = (0..n).collect();
        all.sort_by_key(|&i| (levels[i].rank, levels[i].track));
        return all
            .into_iter()
            .map(|i| {
                (0..tracks.len())
                    .map(|t| (levels[i].track == t).then_some(i))
                    .collect()
            })
            .collect();
    }
    order
        .into_iter()
        .map(|g| {
            (0..tracks.len())
                .map(|t| groups[g].iter().copied().find(|&i| levels[i].track == t))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn joins_relative_paths_inside_content() {
        use crate::load::{parent_dir, resolve_relative};
        assert_eq!(
            resolve_relative(parent_dir("levels/a.md"), "../pillars/b.md").as_deref(),
            Some("pillars/b.md")
        );
        assert_eq!(
            resolve_relative(parent_dir("a.md"), "levels/b.md").as_deref(),
            Some("levels/b.md")
        );
        assert_eq!(resolve_relative(parent_dir("a.md"), "../../x.md"), None);
    }

    #[test]
    fn external_links_are_left_alone() {
        assert!(crate::load::is_external("https://example.com"));
        assert!(crate::load::is_external("mailto:a@b.c"));
        assert!(!crate::load::is_external("levels/a.md"));
        assert!(!crate::load::is_external("a.md#x:y"));
    }
}
