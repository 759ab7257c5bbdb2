//! The ladder: the validated model of tracks, levels, pillars and competencies, with every
//! cross-link computed and every content link resolved to a site address.
//!
//! [`Ladder::build`] takes what [`crate::load`] read and either returns a complete model or
//! the full list of what is wrong; it never stops at the first problem. It runs as a list of
//! phases, each a function of the draft ladder (`draft.rs`) and the diagnostics, in the order
//! the pages depend on each other: unique ids and the order of tracks and pillars
//! (`order.rs`), levels (`levels.rs`), the other descriptions and free pages
//! (`descriptions.rs`), the grid of competencies and their anchors (`cells.rs`), addresses
//! and redirects (`addresses.rs`), then links (`resolve.rs`); the overview's rows come last
//! (`overview.rs`). Which error keeps a follow-on error from being reported is decided in one
//! place, `follow_on.rs`.

mod addresses;
mod cells;
mod descriptions;
mod draft;
mod follow_on;
mod levels;
mod order;
mod overview;
mod patch;
mod resolve;

use crate::config::Config;
use crate::diagnostic::{did_you_mean, Diagnostics};
use crate::load::{Asset, Kind, Loaded};
use crate::markdown::Fragment;
use crate::permalink;
use draft::{Draft, Model};
use foldhash::HashMap;
use follow_on::FollowOn;
use std::collections::BTreeSet;

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
    /// The front-matter's `summary` as Markdown, when it links into the site (`[Staff
    /// Engineer](staff-engineer.md)`): its links resolved as a body's are, for the pages
    /// that show it, at any depth. `None` otherwise.
    pub summary_links: Option<Fragment>,
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
    /// What the body says before its first expectation (`At this level you will:`), shown
    /// over the expectations.
    pub lead: Fragment,
    /// The rest of the body, shown after them.
    pub notes: Fragment,
    /// The definitions of the footnotes the expectations refer to (also in `lead` or `notes`,
    /// where they are written): shown under the expectations where those are not, as on
    /// comparison pages.
    pub footnotes: Fragment,
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
    /// True when the body opens with the title as a level-1 heading, as most Markdown files
    /// do: the theme then shows that heading (with its id, which links may name) instead of
    /// its own, so the title is not shown twice.
    pub title_in_body: bool,
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
    /// Shared, so that a copy of the ladder (what `serve` updates after an edit, see
    /// [`Ladder::with_reworded`]) costs a pointer per competency.
    pub competencies: Vec<std::sync::Arc<Competency>>,
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
    /// Pairs of declared equivalents (indices into `levels`, the lower first) that the
    /// overview cannot put on one row, since other pairs between their tracks cross them;
    /// each is on rows of its own (see [`overview::rows`]).
    pub crossed_equivalents: Vec<(usize, usize)>,
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

impl Level {
    /// What its aliases `levels/<id>/` name: the ids it had before a rename, whose
    /// addresses redirect here and whose published anchors are its own.
    pub fn former_ids(&self) -> impl Iterator<Item = &str> {
        self.aliases
            .iter()
            .filter_map(|a| permalink::id_in(a, "levels/"))
    }

    /// Those of [`Level::former_ids`] that are ids (`ic3`; not `IC3` or `old/ic3`, which no
    /// level could have had): what a shared address may name the level by.
    pub fn former_level_ids(&self) -> impl Iterator<Item = &str> {
        self.former_ids().filter(|id| crate::ids::is_valid_id(id))
    }
}

impl Ladder {
    /// Where a link to `/levels/<former>/#<anchor>` must land once that address redirects to
    /// the level that has the alias `levels/<former>/`: for each expectation anchor published
    /// under `former` that no expectation keeps (removed on purpose, or lost now), the
    /// section of its pillar, or the top of the page (`""`) when the ladder no longer has
    /// the pillar; as (anchor, where). Carried over as it is, the fragment would land on
    /// whatever expectation of the level has the same number (the level an alias names is
    /// often one that took in a removed level, with anchors of its own).
    pub fn retired_fragments(&self, former: &str) -> Vec<(String, String)> {
        self.retired
            .iter()
            .filter(|a| a.level == former)
            .map(|a| {
                let section = if self.pillars.iter().any(|p| p.id == a.pillar) {
                    a.pillar.clone()
                } else {
                    String::new()
                };
                (permalink::expectation_anchor(&a.pillar, a.number), section)
            })
            .collect()
    }

    /// The competency of `level` in `pillar`, if the cell is filled.
    pub fn cell(&self, level: usize, pillar: usize) -> Option<&Competency> {
        self.cells
            .get(&(level, pillar))
            .map(|&i| &*self.competencies[i])
    }

    /// True when [`Ladder::overview_rows`] line levels up by rank alone, because no level
    /// declares an equivalent: a row then claims no equivalence.
    pub fn overview_by_rank(&self) -> bool {
        !overview::declares_equivalents(&self.levels)
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
            mut documents,
            assets,
            failed,
            published,
        } = loaded;
        let duplicates = order::drop_duplicates(&mut documents, diags);
        // Links to a file left out are not reported again (see `FollowOn`).
        let mut failed = failed;
        failed.extend(duplicates.iter().map(|(_, d)| d.content_path.clone()));
        let bodies = cells::take_parsed_bodies(&mut documents);
        // The starter's lock binds nothing (see [`crate::lock::is_starter`]).
        let published = published
            .flatten()
            .filter(|lock| !crate::lock::is_starter(lock));
        let mut d = Draft::new(&documents, published.as_deref(), FollowOn::new(failed));
        order::tracks_and_pillars(&mut d, &config);
        levels::place(&mut d, diags);
        levels::describe(&mut d, diags);
        descriptions::pillars_and_tracks(&mut d);
        cells::fill(&mut d, bodies, diags);
        cells::number_expectations(&mut d, diags);
        cells::sections(&mut d);
        descriptions::free_pages(&mut d);
        addresses::comparisons(&mut d);
        addresses::claim(&mut d, &assets, diags);
        addresses::redirects(&mut d, diags);
        addresses::lost_pages(&mut d);
        resolve::links(&mut d, &assets, diags);
        let model = d.finish();
        // Nothing borrows the documents any more: their sources move into the ladder, with
        // those of the duplicates back in their places, whose text `check` still lints.
        let mut files: Vec<_> = documents.into_iter().map(|d| d.source).collect();
        for (i, d) in duplicates {
            files.insert(i, d.source);
        }
        Ladder::assemble(config, model, assets, files)
    }

    /// The ladder from the finished model, with the indexes the pages look things up in.
    fn assemble(
        config: Config,
        model: Model,
        assets: Vec<Asset>,
        files: Vec<crate::diagnostic::SourceFile>,
    ) -> Ladder {
        let Model {
            tracks,
            levels,
            pillars,
            competencies,
            pages,
            comparisons,
            redirects,
            lost,
            retired,
            failed,
        } = model;
        let cells = competencies
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.level, c.pillar), i))
            .collect();
        let (overview_rows, crossed_equivalents) = overview::rows(&tracks, &levels);
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
            crossed_equivalents,
            files,
            failed,
            lost,
            redirects,
            retired,
        }
    }

    /// The text of `ladder.lock` for what this ladder publishes (see [`crate::lock::render`]):
    /// every track, level (and level alias), pillar, comparison and free page, and every
    /// expectation's anchor with its text; an expectation that kept its anchor from another
    /// pillar of its level ([`crate::anchors::Anchor::also`]) has a line for that anchor too,
    /// so that later builds keep it. (The overview and the comparison index always exist.)
    /// Made from the ladder's own ids and texts, not copies of them.
    pub fn lock_text(&self) -> String {
        let (pages, anchors) = self.lock_parts();
        crate::lock::render_parts(&pages, &anchors)
    }

    /// The pages and anchors of [`Ladder::lock_text`], borrowed from the ladder.
    fn lock_parts(&self) -> (BTreeSet<String>, Vec<crate::lock::LockedAnchor<&str>>) {
        let mut pages = BTreeSet::new();
        pages.extend(self.tracks.iter().map(|t| permalink::track(&t.id)));
        for l in &self.levels {
            pages.insert(permalink::level(&l.id));
            pages.extend(l.aliases.iter().cloned());
        }
        pages.extend(self.pillars.iter().map(|p| permalink::pillar(&p.id)));
        pages.extend(self.pages.iter().map(|p| p.path.clone()));
        pages.extend(self.redirects.iter().map(|r| r.path.clone()));
        // A comparison's address is shared as a level's is: one the ladder stops making (an
        // equivalent taken back) still leads to the two levels (see `addresses`).
        pages.extend(
            self.comparisons
                .iter()
                .map(|&(a, b)| permalink::compare(&self.levels[a].id, &self.levels[b].id)),
        );
        let mut anchors: Vec<crate::lock::LockedAnchor<&str>> = self
            .competencies
            .iter()
            .flat_map(|c| {
                let (level, pillar) = (
                    self.levels[c.level].id.as_str(),
                    self.pillars[c.pillar].id.as_str(),
                );
                c.expectations
                    .iter()
                    .zip(&c.anchors)
                    .flat_map(move |(e, a)| {
                        // An anchor it kept from another pillar is published too: the
                        // next build gives it back (see `anchors::settle_left`).
                        let moved = a
                            .also
                            .iter()
                            .filter_map(|x| permalink::parse_expectation_anchor(x));
                        std::iter::once((pillar, a.number)).chain(moved).map(
                            move |(pillar, number)| crate::lock::LockedAnchor {
                                level,
                                pillar,
                                number,
                                text: e.plain(),
                                retired: false,
                            },
                        )
                    })
            })
            .collect();
        anchors.extend(self.retired.iter().map(|a| crate::lock::LockedAnchor {
            level: a.level.as_str(),
            pillar: a.pillar.as_str(),
            number: a.number,
            text: a.text.as_str(),
            retired: a.retired,
        }));
        (pages, anchors)
    }
}

/// What a file names that the ladder does not have: a level or a pillar.
pub(super) struct Unknown {
    what: &'static str,
    folder: &'static str,
    address: fn(&str) -> String,
}

impl Unknown {
    pub(super) const LEVEL: Unknown = Unknown {
        what: "level",
        folder: "content/levels/",
        address: permalink::level,
    };
    pub(super) const PILLAR: Unknown = Unknown {
        what: "pillar",
        folder: "content/pillars/",
        address: permalink::pillar,
    };
}

/// Of `ids` (a kind's ids, whose pages are at `address(id)`), the one whose page `lock` does
/// not list, when exactly one is new since the last build: what a published id that is gone
/// was most likely renamed to.
fn only_new<'a>(
    lock: &crate::lock::Lock,
    ids: impl IntoIterator<Item = &'a str>,
    address: fn(&str) -> String,
) -> Option<&'a str> {
    let mut new = ids
        .into_iter()
        .filter(|id| !lock.pages.contains(&address(id)));
    match (new.next(), new.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The hint for an unknown level or pillar (`id`, where the ladder has `ids`): one that was
/// published and is gone, while one is new since the last build, is most likely a rename.
/// Else, for a competency in the folder of a level (`named_by_folder`), that level, when the
/// id spelt most alike is another and not by a slip of the keys (`senior-engineer` in
/// `competencies/senior-software-engineer/` is that level's, not
/// `senior-engineering-manager`'s; `shift-leed` is `shift-lead`'s); else the nearest id.
fn unknown_hint(
    d: &Draft,
    id: &str,
    ids: &[&str],
    kind: Unknown,
    named_by_folder: Option<&str>,
) -> String {
    let Unknown {
        what,
        folder,
        address,
    } = kind;
    let old = address(id);
    match d.published.filter(|l| l.pages.contains(&old)) {
        Some(lock) => {
            // A new level that already takes over another published page (its `aliases`)
            // is that page's rename, not this one's.
            let aliased = |one: &str| {
                d.documents.iter().any(|doc| {
                    doc.id == one
                        && match &doc.kind {
                            Kind::Level(k) => !k.aliases.is_empty(),
                            Kind::Pillar(k) => !k.aliases.is_empty(),
                            _ => false,
                        }
                })
            };
            let renamed = match only_new(lock, ids.iter().copied(), address).filter(|o| !aliased(o))
            {
                Some(one) => {
                    format!("did you mean `{one}`, the {what} that is new since the last build? ")
                }
                None => String::new(),
            };
            format!("{renamed}`{id}` was published (ladder.lock): if you renamed it, name the new id here and add `aliases = [\"{old}\"]` to the renamed {what}'s front-matter, so links to /{old} keep working; if you removed it, take `{id}` out of here (or remove this file) and build with `--accept-removals`")
        }
        None => {
            let slip = |near: &str| strsim::osa_distance(id, near) <= 2;
            let nearest = did_you_mean(id, ids.iter().copied());
            match named_by_folder.filter(|f| nearest.is_none_or(|n| n != *f && !slip(n))) {
                Some(f) => format!("did you mean `{f}`, the {what} this file's folder names (competencies/{f}/)? {what} ids are the file names in {folder}"),
                None => hint_for(id, ids, what, folder),
            }
        }
    }
}

/// The hint for an unknown id: the nearest known one, else the list (or where to add one).
fn hint_for(value: &str, known: &[&str], what: &str, folder: &str) -> String {
    match did_you_mean(value, known.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? {what} ids are the file names in {folder}"),
        None if known.is_empty() => format!("there are no {what}s yet: add a file to {folder}"),
        None => format!("the {what}s are: {}", known.join(", ")),
    }
}
