//! The site: every page as data, addressed by its permalink.
//!
//! [`Site::from_ladder`] lists the pages of the validated [`Ladder`]; [`Site::page`] builds
//! one as a [`Page`], with
//! the template that renders it and a serialisable context in which every link is already
//! relative to the page (so the site works under any sub-path) and every Markdown body is
//! already HTML. Templates only lay out what is here.

use crate::compare;
use crate::html;
use crate::ladder::{Ladder, Level};
use crate::markdown::{inline_html, Fragment};
use crate::permalink::{self, root_of};
use serde::Serialize;

mod comparison;

/// One page of the site.
#[derive(Debug)]
pub struct Page {
    /// The address (`levels/senior/`), or a file path (`404.html`); see [`crate::permalink`].
    pub path: String,
    /// The template that renders it (`level.html`).
    pub template: &'static str,
    /// What the template sees, besides the site-wide values.
    pub data: PageData,
}

/// The context of each kind of page.
// One page's context is made and dropped once per page, so the size of its largest variant
// costs nothing worth a Box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum PageData {
    /// `/`.
    Overview(OverviewPage),
    /// `/tracks/<id>/`.
    Track(TrackPage),
    /// `/levels/<id>/`.
    Level(LevelPage),
    /// `/pillars/<id>/`.
    Pillar(PillarPage),
    /// `/compare/<a>/<b>/`.
    Compare(ComparePage),
    /// `/compare/`.
    CompareIndex(CompareIndexPage),
    /// `/changes/`.
    Changes(crate::releases::ChangesPage),
    /// A free page, or `404.html`.
    Free(FreePageData),
    /// An alias: a redirect.
    Redirect(RedirectPage),
}

/// A link to a level, as every page shows it.
#[derive(Debug, Serialize, Clone)]
pub struct LevelRef {
    /// Level id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The title where levels of several tracks meet (comparisons, page titles): with its
    /// track's title in parentheses, `Level 3 (Data)` (after a dash when the track's title
    /// has parentheses of its own), when another level of the ladder has the same title; the
    /// title alone otherwise.
    pub name: String,
    /// Short code, if any.
    pub code: Option<String>,
    /// Rank within its track.
    pub rank: i64,
    /// Relative href of the level page.
    pub href: String,
    /// Title of its track.
    pub track: String,
    /// Inline HTML of the summary.
    pub summary_html: String,
}

/// A link to a pillar, track or free page.
#[derive(Debug, Serialize, Clone)]
pub struct Ref {
    /// Id (pillar, track) or address (free page).
    pub id: String,
    /// Title.
    pub title: String,
    /// Relative href.
    pub href: String,
}

/// One level × pillar cell.
#[derive(Debug, Serialize, Default)]
pub struct Cell {
    /// False for a gap.
    pub defined: bool,
    /// How many expectations it lists.
    pub count: usize,
    /// The whole cell as HTML, written by [`crate::html::cell`]: the numbered list of
    /// expectations with their permalinks (and, on the level's own page, their anchors),
    /// then the notes; or a line saying the cell is a gap.
    pub html: String,
    /// The competency's other paragraphs, as HTML ("" if none); also part of `html`.
    pub notes_html: String,
    /// Relative href of this cell on the level page.
    pub href: String,
}

/// The overview.
#[derive(Debug, Serialize)]
pub struct OverviewPage {
    /// The tracks, as column heads.
    pub tracks: Vec<Ref>,
    /// Rows of levels; equivalent levels share a row. `None` where a track has no level.
    pub rows: Vec<Vec<Option<LevelRef>>>,
    /// True when the ladder declares no equivalent levels, so levels share a row by rank
    /// alone: a row then claims no equivalence.
    pub aligned_by_rank: bool,
}

/// A track's page.
#[derive(Debug, Serialize)]
pub struct TrackPage {
    /// The track.
    pub track: Ref,
    /// Its description, as HTML.
    pub description_html: String,
    /// The matrix's columns.
    pub pillars: Vec<Ref>,
    /// One row per level, most junior first.
    pub rows: Vec<TrackRow>,
}

/// A row of a track's matrix.
#[derive(Debug, Serialize)]
pub struct TrackRow {
    /// The level.
    pub level: LevelRef,
    /// One cell per pillar column.
    pub cells: Vec<Cell>,
}

/// A level's page.
#[derive(Debug, Serialize)]
pub struct LevelPage {
    /// The level.
    pub level: LevelRef,
    /// Its track.
    pub track: Ref,
    /// Its description, as HTML.
    pub description_html: String,
    /// True when the level's summary is the first paragraph of its description: the page
    /// shows it once, in the description.
    pub summary_in_description: bool,
    /// One section per pillar of the track, in pillar order.
    pub sections: Vec<LevelSection>,
    /// The next level down the track.
    pub below: Option<LevelRef>,
    /// The next level up the track.
    pub above: Option<LevelRef>,
    /// Equivalent levels on other tracks.
    pub equivalents: Vec<LevelRef>,
    /// Comparisons that include this level.
    pub comparisons: Vec<CompareRef>,
    /// The comparison with the level above, if there is one.
    pub next_comparison: Option<String>,
    /// Comparisons with the equivalent levels on other tracks.
    pub equivalent_comparisons: Vec<CompareRef>,
    /// True when the track is cumulative (each level includes everything below it).
    pub cumulative: bool,
    /// The newest release that changed this level or its expectations, if any.
    pub last_changed: Option<crate::releases::LastChanged>,
}

/// A pillar's section on a level page.
#[derive(Debug, Serialize)]
pub struct LevelSection {
    /// The pillar (its id is the section's anchor).
    pub pillar: Ref,
    /// The cell.
    pub cell: Cell,
    /// On a cumulative track: expectations of lower levels in this pillar that this level
    /// does not restate, each once, nearest level first.
    pub inherited: Vec<Inherited>,
}

/// An expectation a level inherits from a lower level of a cumulative track.
#[derive(Debug, Serialize)]
pub struct Inherited {
    /// The level it comes from.
    pub from: LevelRef,
    /// Relative href of the expectation on that level's page.
    pub href: String,
    /// The expectation as HTML.
    pub html: String,
}

/// A link to a comparison page.
#[derive(Debug, Serialize)]
pub struct CompareRef {
    /// Relative href.
    pub href: String,
    /// The left level.
    pub a: LevelName,
    /// The right level.
    pub b: LevelName,
}

/// A level as a comparison link names it: lighter than [`LevelRef`], since a page lists
/// many comparisons.
#[derive(Debug, Serialize)]
pub struct LevelName {
    /// Title.
    pub title: String,
    /// The title, with its track's when another level has the same ([`LevelRef::name`]).
    pub name: String,
    /// Title of its track.
    pub track: String,
}

/// A pillar's page.
#[derive(Debug, Serialize)]
pub struct PillarPage {
    /// The pillar.
    pub pillar: Ref,
    /// What it covers, as HTML.
    pub description_html: String,
    /// One group per track that uses the pillar.
    pub tracks: Vec<PillarTrack>,
}

/// A track's levels on a pillar page.
#[derive(Debug, Serialize)]
pub struct PillarTrack {
    /// The track.
    pub track: Ref,
    /// Each level (its id is the section's anchor), most junior first.
    pub levels: Vec<PillarLevel>,
}

/// One level's section on a pillar page.
#[derive(Debug, Serialize)]
pub struct PillarLevel {
    /// The level.
    pub level: LevelRef,
    /// Its cell in this pillar.
    pub cell: Cell,
}

/// A comparison page.
#[derive(Debug, Serialize)]
pub struct ComparePage {
    /// Left level (the lower one, for two levels of one track).
    pub a: LevelRef,
    /// Right level.
    pub b: LevelRef,
    /// True when both levels are on one track, `a` below `b`.
    pub same_track: bool,
    /// True when `b`'s track is cumulative: what `b` does not restate is still expected.
    pub cumulative: bool,
    /// One section per pillar of either level's track, in pillar order.
    pub pillars: Vec<ComparePillar>,
    /// Other comparisons of either level, as `<li><a href="…">A and B</a></li>` lines
    /// (written by [`html::comparison_link`]; empty when there are none).
    pub other_comparisons_html: String,
}

/// One pillar of a comparison page.
#[derive(Debug, Serialize)]
pub struct ComparePillar {
    /// The pillar (its id is the section's anchor).
    pub pillar: Ref,
    /// The left level's cell. When both cells are filled only `defined` is set (the rows
    /// show the expectations); when either is a gap, both are complete, to be shown side by
    /// side.
    pub a: Cell,
    /// The right level's cell, as `a`.
    pub b: Cell,
    /// Changed, rewritten, new and not-restated expectations: the `<li>` rows of the
    /// comparison's list, one per pair, written by [`crate::html::compare_row`].
    pub rows_html: String,
    /// Expectations carried over word for word (folded away on the page): `<li>` items,
    /// written by [`crate::html::carried_item`].
    pub carried_html: String,
    /// How many rows of each kind.
    pub counts: CompareCounts,
    /// The counts in words, as the page's "What changes" lists them: "2 changed, 1 new,
    /// 3 carried over" (kinds with none left out, in that order).
    pub changes: String,
}

/// The counts of one pillar's comparison.
#[derive(Debug, Serialize, Default)]
pub struct CompareCounts {
    /// Only at the right level.
    pub new: usize,
    /// Reworded, with the words that changed marked.
    pub changed: usize,
    /// Corresponding, in other words.
    pub rewritten: usize,
    /// The same words at both levels.
    pub carried: usize,
    /// Only at the left level.
    pub not_restated: usize,
}

/// `/compare/`.
#[derive(Debug, Serialize)]
pub struct CompareIndexPage {
    /// One grid per track.
    pub tracks: Vec<CompareGrid>,
    /// Comparisons between equivalent levels.
    pub equivalents: Vec<CompareRef>,
}

/// A track's picker: rows are the lower level, columns the higher.
#[derive(Debug, Serialize)]
pub struct CompareGrid {
    /// The track.
    pub track: Ref,
    /// Its levels, most junior first.
    pub levels: Vec<LevelRef>,
    /// `hrefs[i][j]`: the comparison of level i with level j, when i is below j.
    pub hrefs: Vec<Vec<Option<String>>>,
    /// Every pair, as a plain list.
    pub pairs: Vec<CompareRef>,
}

/// A free page or the 404 page.
#[derive(Debug, Serialize)]
pub struct FreePageData {
    /// Its title.
    pub title: String,
    /// Its body, as HTML.
    pub body_html: String,
}

/// An alias.
#[derive(Debug, Serialize)]
pub struct RedirectPage {
    /// Relative href of the level.
    pub href: String,
    /// The level's title.
    pub title: String,
}

/// Every page of a ladder's site.
#[derive(Debug)]
pub struct Site {
    /// Pages in a stable order: overview, tracks, levels, pillars, comparisons, the
    /// comparison index, the changes page, free pages, 404, aliases.
    pub specs: Vec<PageSpec>,
    prepared: Prepared,
    /// The ladder's releases (none until [`crate::build::prepare`] reads them).
    pub releases: crate::releases::Releases,
}

/// Every cell's expectations as plain text and prepared words, computed the first time a
/// comparison needs them (so a rebuild that renders a few pages prepares a few cells), with
/// one [`compare::Interner`] for the whole build.
#[derive(Debug, Default)]
struct Prepared {
    interner: std::sync::Mutex<compare::Interner>,
    /// By index into [`Ladder::competencies`].
    cells: Vec<std::sync::OnceLock<CellWords>>,
    /// Each level's summary as inline HTML, by index into [`Ladder::levels`]: every page
    /// that links to a level shows it.
    summaries: Vec<std::sync::OnceLock<String>>,
    /// Each level's name (see [`LevelRef::name`]), by index into [`Ladder::levels`].
    names: Vec<String>,
}

/// A cell's expectations ready to compare: prepared words, in order.
#[derive(Debug)]
struct CellWords {
    words: Vec<compare::Prepared>,
}

impl Prepared {
    fn of(&self, ladder: &Ladder, level: usize, pillar: usize) -> Option<&CellWords> {
        let i = *ladder.cells.get(&(level, pillar))?;
        Some(self.cells[i].get_or_init(|| {
            let mut interner = self.interner.lock().unwrap_or_else(|e| e.into_inner());
            CellWords {
                words: ladder.competencies[i]
                    .expectations
                    .iter()
                    .map(|e| interner.prepare(e.plain()))
                    .collect(),
            }
        }))
    }
}

struct Builder<'a> {
    ladder: &'a Ladder,
    prepared: &'a Prepared,
    root: String,
}

impl<'a> Builder<'a> {
    fn at(ladder: &'a Ladder, prepared: &'a Prepared, path: &str) -> Self {
        Builder {
            ladder,
            prepared,
            root: root_of(path),
        }
    }

    fn href(&self, path: &str) -> String {
        if path.is_empty() {
            permalink::home(&self.root).to_string()
        } else {
            format!("{}{}", self.root, path)
        }
    }

    fn html(&self, f: &Fragment) -> String {
        f.html(&self.root)
    }

    fn level(&self, i: usize) -> LevelRef {
        let l: &Level = &self.ladder.levels[i];
        LevelRef {
            id: l.id.clone(),
            title: l.title.clone(),
            name: self.prepared.names[i].clone(),
            code: l.code.clone(),
            rank: l.rank,
            href: self.href(&permalink::level(&l.id)),
            track: self.ladder.tracks[l.track].title.clone(),
            summary_html: self.prepared.summaries[i]
                .get_or_init(|| inline_html(&l.summary))
                .clone(),
        }
    }

    fn track(&self, i: usize) -> Ref {
        let t = &self.ladder.tracks[i];
        Ref {
            id: t.id.clone(),
            title: t.title.clone(),
            href: self.href(&permalink::track(&t.id)),
        }
    }

    fn pillar(&self, i: usize) -> Ref {
        let p = &self.ladder.pillars[i];
        Ref {
            id: p.id.clone(),
            title: p.title.clone(),
            href: self.href(&permalink::pillar(&p.id)),
        }
    }

    /// The cell of `level` in `pillar`. With `anchors` (on the level's own page) each
    /// expectation carries its anchor and its permalink points at it; elsewhere permalinks
    /// lead to the level page.
    fn cell(&self, level: usize, pillar: usize, anchors: bool) -> Cell {
        let lid = &self.ladder.levels[level].id;
        let pid = &self.ladder.pillars[pillar].id;
        let level_href = self.href(&permalink::level(lid));
        let href = format!("{level_href}#{pid}");
        let c = self.ladder.cell(level, pillar);
        let mut html = String::new();
        html::cell(
            &mut html,
            c.map(|c| html::CellView {
                expectations: &c.expectations,
                numbers: &c.anchors,
                notes: &c.notes,
                pillar: pid,
                level_href: &level_href,
                anchors,
                root: &self.root,
            }),
        );
        Cell {
            defined: c.is_some(),
            count: c.map_or(0, |c| c.expectations.len()),
            html,
            notes_html: c.map(|c| self.html(&c.notes)).unwrap_or_default(),
            href,
        }
    }

    /// Expectations of lower levels of `level`'s track in `pillar` that `level` does not
    /// restate, each once (by its words), nearest level first.
    fn inherited(&self, level: usize, pillar: usize) -> Vec<Inherited> {
        let ladder = self.ladder;
        let mut seen: std::collections::HashSet<Vec<String>> = ladder
            .cell(level, pillar)
            .map(|c| {
                c.expectations
                    .iter()
                    .map(|e| compare::words(e.plain()))
                    .collect()
            })
            .unwrap_or_default();
        let mut out = Vec::new();
        let pid = &ladder.pillars[pillar].id;
        let mut below = ladder.levels[level].below;
        while let Some(l) = below {
            if let Some(c) = ladder.cell(l, pillar) {
                for (n, e) in c.expectations.iter().enumerate() {
                    if seen.insert(compare::words(e.plain())) {
                        let path = permalink::level(&ladder.levels[l].id);
                        out.push(Inherited {
                            from: self.level(l),
                            href: self.href(&format!(
                                "{path}#{}",
                                permalink::expectation_anchor(pid, c.anchors[n].number)
                            )),
                            html: self.html(e),
                        });
                    }
                }
            }
            below = ladder.levels[l].below;
        }
        out
    }
}

/// One page of the site, before its data is built: which page, by index into the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageSpec {
    /// `/`.
    Overview,
    /// `/tracks/<id>/`.
    Track(usize),
    /// `/levels/<id>/`.
    Level(usize),
    /// `/pillars/<id>/`.
    Pillar(usize),
    /// `/compare/<a>/<b>/`: an entry of [`Ladder::comparisons`].
    Compare(usize, usize),
    /// `/compare/`.
    CompareIndex,
    /// `/changes/`.
    Changes,
    /// A free page: index into [`Ladder::pages`].
    Free(usize),
    /// `/404.html`.
    NotFound,
    /// An alias of a track, pillar or free page: index into [`Ladder::redirects`].
    Redirect(usize),
    /// An alias of a level: (level, index into its aliases).
    Alias(usize, usize),
}

impl Site {
    /// Lays out every page of `ladder`. Only the list of pages is made here; each page's
    /// data is built when it is rendered ([`Site::page`]), so pages can be built in parallel
    /// and never all held at once.
    pub fn from_ladder(ladder: &Ladder) -> Site {
        let prepared = Prepared {
            interner: Default::default(),
            cells: (0..ladder.competencies.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            summaries: (0..ladder.levels.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            names: level_names(ladder),
        };
        let mut specs = vec![PageSpec::Overview];
        specs.extend((0..ladder.tracks.len()).map(PageSpec::Track));
        specs.extend((0..ladder.levels.len()).map(PageSpec::Level));
        specs.extend((0..ladder.pillars.len()).map(PageSpec::Pillar));
        specs.extend(
            ladder
                .comparisons
                .iter()
                .map(|&(a, b)| PageSpec::Compare(a, b)),
        );
        specs.push(PageSpec::CompareIndex);
        specs.push(PageSpec::Changes);
        specs.extend((0..ladder.pages.len()).map(PageSpec::Free));
        specs.push(PageSpec::NotFound);
        for (li, level) in ladder.levels.iter().enumerate() {
            specs.extend((0..level.aliases.len()).map(|k| PageSpec::Alias(li, k)));
        }
        specs.extend((0..ladder.redirects.len()).map(PageSpec::Redirect));
        Site {
            specs,
            prepared,
            releases: Default::default(),
        }
    }

    /// The address of a page (see [`crate::permalink`]).
    pub fn path(ladder: &Ladder, spec: &PageSpec) -> String {
        let l = &ladder.levels;
        match *spec {
            PageSpec::Overview => permalink::overview(),
            PageSpec::Track(t) => permalink::track(&ladder.tracks[t].id),
            PageSpec::Level(i) => permalink::level(&l[i].id),
            PageSpec::Pillar(p) => permalink::pillar(&ladder.pillars[p].id),
            PageSpec::Compare(x, y) => permalink::compare(&l[x].id, &l[y].id),
            PageSpec::CompareIndex => permalink::compare_index(),
            PageSpec::Changes => permalink::changes(),
            PageSpec::Free(i) => ladder.pages[i].path.clone(),
            PageSpec::NotFound => permalink::NOT_FOUND.into(),
            PageSpec::Alias(i, k) => l[i].aliases[k].clone(),
            PageSpec::Redirect(i) => ladder.redirects[i].path.clone(),
        }
    }

    /// Builds one page's data.
    pub fn page(&self, ladder: &Ladder, spec: &PageSpec) -> Page {
        let l = &ladder.levels;
        let prepared = &self.prepared;
        let path = Self::path(ladder, spec);
        let b = Builder::at(ladder, prepared, &path);
        let (template, data) = match *spec {
            PageSpec::Overview => (
                "index.html",
                PageData::Overview(OverviewPage {
                    aligned_by_rank: ladder.tracks.len() > 1 && ladder.overview_by_rank(),
                    tracks: (0..ladder.tracks.len()).map(|t| b.track(t)).collect(),
                    rows: ladder
                        .overview_rows
                        .iter()
                        .map(|row| row.iter().map(|c| c.map(|i| b.level(i))).collect())
                        .collect(),
                }),
            ),
            PageSpec::Track(ti) => {
                let t = &ladder.tracks[ti];
                (
                    "track.html",
                    PageData::Track(TrackPage {
                        track: b.track(ti),
                        description_html: b.html(&t.description),
                        pillars: t.pillars.iter().map(|&p| b.pillar(p)).collect(),
                        rows: t
                            .levels
                            .iter()
                            .map(|&li| TrackRow {
                                level: b.level(li),
                                cells: t.pillars.iter().map(|&p| b.cell(li, p, false)).collect(),
                            })
                            .collect(),
                    }),
                )
            }
            PageSpec::Level(li) => {
                let level = &l[li];
                let track = &ladder.tracks[level.track];
                (
                    "level.html",
                    PageData::Level(LevelPage {
                        level: b.level(li),
                        track: b.track(level.track),
                        description_html: b.html(&level.description),
                        summary_in_description: level.summary_from_description,
                        sections: track
                            .pillars
                            .iter()
                            .map(|&p| LevelSection {
                                pillar: b.pillar(p),
                                cell: b.cell(li, p, true),
                                inherited: if track.cumulative {
                                    b.inherited(li, p)
                                } else {
                                    Vec::new()
                                },
                            })
                            .collect(),
                        below: level.below.map(|i| b.level(i)),
                        above: level.above.map(|i| b.level(i)),
                        equivalents: level.equivalents.iter().map(|&i| b.level(i)).collect(),
                        comparisons: ladder
                            .comparisons_of(li)
                            .map(|(x, y)| b.compare_ref(x, y))
                            .collect(),
                        next_comparison: level
                            .above
                            .map(|up| b.href(&permalink::compare(&level.id, &l[up].id))),
                        equivalent_comparisons: level
                            .equivalents
                            .iter()
                            .map(|&e| b.compare_ref(li, e))
                            .collect(),
                        cumulative: track.cumulative,
                        last_changed: crate::releases::last_changed(
                            &self.releases,
                            &level.id,
                            &path,
                        ),
                    }),
                )
            }
            PageSpec::Pillar(pi) => (
                "pillar.html",
                PageData::Pillar(PillarPage {
                    pillar: b.pillar(pi),
                    description_html: b.html(&ladder.pillars[pi].description),
                    tracks: ladder
                        .tracks
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| t.pillars.contains(&pi))
                        .map(|(ti, t)| PillarTrack {
                            track: b.track(ti),
                            levels: t
                                .levels
                                .iter()
                                .map(|&li| PillarLevel {
                                    level: b.level(li),
                                    cell: b.cell(li, pi, false),
                                })
                                .collect(),
                        })
                        .collect(),
                }),
            ),
            PageSpec::Compare(x, y) => {
                let (tx, ty) = (&ladder.tracks[l[x].track], &ladder.tracks[l[y].track]);
                let mut pillars: Vec<usize> = tx
                    .pillars
                    .iter()
                    .chain(ty.pillars.iter())
                    .copied()
                    .collect();
                pillars.sort();
                pillars.dedup();
                let same_track = l[x].track == l[y].track;
                let cumulative = ty.cumulative;
                (
                    "compare.html",
                    PageData::Compare(ComparePage {
                        a: b.level(x),
                        b: b.level(y),
                        same_track,
                        cumulative,
                        pillars: pillars
                            .iter()
                            .map(|&p| b.compare_pillar(x, y, p, same_track, cumulative))
                            .collect(),
                        other_comparisons_html: {
                            let pairs: std::collections::BTreeSet<_> = ladder
                                .comparisons_of(x)
                                .chain(ladder.comparisons_of(y))
                                .filter(|&pair| pair != (x, y))
                                .collect();
                            let mut html = String::new();
                            for (c, d) in pairs {
                                html::comparison_link(
                                    &mut html,
                                    &b.href(&permalink::compare(&l[c].id, &l[d].id)),
                                    &b.prepared.names[c],
                                    &b.prepared.names[d],
                                );
                            }
                            html
                        },
                    }),
                )
            }
            PageSpec::CompareIndex => (
                "compare-index.html",
                PageData::CompareIndex(CompareIndexPage {
                    tracks: ladder
                        .tracks
                        .iter()
                        .enumerate()
                        .map(|(ti, t)| CompareGrid {
                            track: b.track(ti),
                            levels: t.levels.iter().map(|&i| b.level(i)).collect(),
                            hrefs: t
                                .levels
                                .iter()
                                .enumerate()
                                .map(|(r, &x)| {
                                    t.levels
                                        .iter()
                                        .enumerate()
                                        .map(|(c, &y)| {
                                            (r < c).then(|| {
                                                b.href(&permalink::compare(&l[x].id, &l[y].id))
                                            })
                                        })
                                        .collect()
                                })
                                .collect(),
                            pairs: ladder
                                .comparisons
                                .iter()
                                .filter(|&&(x, y)| l[x].track == ti && l[y].track == ti)
                                .map(|&(x, y)| b.compare_ref(x, y))
                                .collect(),
                        })
                        .collect(),
                    equivalents: ladder
                        .comparisons
                        .iter()
                        .filter(|&&(x, y)| l[x].track != l[y].track)
                        .map(|&(x, y)| b.compare_ref(x, y))
                        .collect(),
                }),
            ),
            PageSpec::Changes => (
                "changes.html",
                PageData::Changes(crate::releases::page(&self.releases, ladder, &path)),
            ),
            PageSpec::Free(i) => {
                let p = &ladder.pages[i];
                (
                    "page.html",
                    PageData::Free(FreePageData {
                        title: p.title.clone(),
                        body_html: b.html(&p.body),
                    }),
                )
            }
            // Served at any address, so its links start from site-url (see render).
            PageSpec::NotFound => (
                "404.html",
                PageData::Free(FreePageData {
                    title: "Page not found".into(),
                    body_html: String::new(),
                }),
            ),
            PageSpec::Alias(i, _) => (
                "redirect.html",
                PageData::Redirect(RedirectPage {
                    href: b.href(&permalink::level(&l[i].id)),
                    title: l[i].title.clone(),
                }),
            ),
            PageSpec::Redirect(i) => {
                let r = &ladder.redirects[i];
                (
                    "redirect.html",
                    PageData::Redirect(RedirectPage {
                        href: b.href(&r.target),
                        title: r.title.clone(),
                    }),
                )
            }
        };
        Page {
            path,
            template,
            data,
        }
    }
}

/// The version of `ladder.json`'s shape. It changes only when a field is removed or changes
/// meaning; fields may be added within a version.
pub const DATA_VERSION: u32 = 1;

/// The ladder as data, written to `ladder.json` at the site root: a stable export for other
/// tools, and what the comparison picker uses to show pairs that have no page of their own.
/// Every `path` is a site address relative to the site root (`levels/senior/`); links inside
/// `html` are relative to the site root too.
#[derive(Debug, Serialize)]
pub struct DataExport<'a> {
    /// [`DATA_VERSION`].
    pub version: u32,
    /// `[book] title`.
    pub title: &'a str,
    /// `[book] description`.
    pub description: Option<&'a str>,
    /// Tracks in order.
    pub tracks: Vec<DataTrack<'a>>,
    /// Pillars in order.
    pub pillars: Vec<DataPillar<'a>>,
    /// Levels, by track, most junior first.
    pub levels: Vec<DataLevel<'a>>,
    /// Every comparison that has a page.
    pub comparisons: Vec<DataComparison<'a>>,
    /// The version built (the latest release tag, with the commit when past it), when the
    /// ladder has releases (see [`crate::releases`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<crate::releases::Version>,
}

impl DataExport<'_> {
    /// The export, with the version of `site`'s releases.
    pub fn with_release(mut self, site: &Site) -> Self {
        self.release = site.releases.version.clone();
        self
    }
}

/// A track in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataTrack<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Address.
    pub path: String,
    /// Each level includes everything below it.
    pub cumulative: bool,
    /// Level ids, most junior first.
    pub levels: Vec<&'a str>,
    /// Pillar ids the track uses, in order.
    pub pillars: Vec<&'a str>,
}

/// A pillar in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataPillar<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Address.
    pub path: String,
}

/// A level in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataLevel<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Short code.
    pub code: Option<&'a str>,
    /// Rank within the track.
    pub rank: i64,
    /// Track id.
    pub track: &'a str,
    /// One line, plain text.
    pub summary: &'a str,
    /// Address.
    pub path: String,
    /// Equivalent level ids.
    pub equivalent: Vec<&'a str>,
    /// Pillar id → the cell. A pillar of the track that is missing here is a gap.
    pub cells: std::collections::BTreeMap<&'a str, DataCell<'a>>,
}

/// A level × pillar cell in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataCell<'a> {
    /// The expectations, in order.
    pub expectations: Vec<DataExpectation<'a>>,
    /// The other paragraphs, as HTML ("" if none).
    pub notes_html: std::borrow::Cow<'a, str>,
}

/// One expectation in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataExpectation<'a> {
    /// Its anchor on the level page (`craft--3`).
    pub anchor: String,
    /// Plain text.
    pub text: &'a str,
    /// HTML.
    pub html: std::borrow::Cow<'a, str>,
}

/// A comparison page in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataComparison<'a> {
    /// Left level id.
    pub a: &'a str,
    /// Right level id.
    pub b: &'a str,
    /// Address.
    pub path: String,
}

/// The data export of `ladder`.
pub fn data_export(ladder: &Ladder) -> DataExport<'_> {
    let l = &ladder.levels;
    DataExport {
        version: DATA_VERSION,
        title: &ladder.config.title,
        description: ladder.config.description.as_deref(),
        tracks: ladder
            .tracks
            .iter()
            .map(|t| DataTrack {
                id: &t.id,
                title: &t.title,
                path: permalink::track(&t.id),
                cumulative: t.cumulative,
                levels: t.levels.iter().map(|&i| l[i].id.as_str()).collect(),
                pillars: t
                    .pillars
                    .iter()
                    .map(|&p| ladder.pillars[p].id.as_str())
                    .collect(),
            })
            .collect(),
        pillars: ladder
            .pillars
            .iter()
            .map(|p| DataPillar {
                id: &p.id,
                title: &p.title,
                path: permalink::pillar(&p.id),
            })
            .collect(),
        levels: l
            .iter()
            .enumerate()
            .map(|(li, level)| DataLevel {
                id: &level.id,
                title: &level.title,
                code: level.code.as_deref(),
                rank: level.rank,
                track: &ladder.tracks[level.track].id,
                summary: &level.summary,
                path: permalink::level(&level.id),
                equivalent: level
                    .equivalents
                    .iter()
                    .map(|&e| l[e].id.as_str())
                    .collect(),
                cells: ladder.tracks[level.track]
                    .pillars
                    .iter()
                    .filter_map(|&p| {
                        let c = ladder.cell(li, p)?;
                        let pid = &ladder.pillars[p].id;
                        Some((
                            pid.as_str(),
                            DataCell {
                                expectations: c
                                    .expectations
                                    .iter()
                                    .enumerate()
                                    .map(|(n, e)| DataExpectation {
                                        anchor: permalink::expectation_anchor(
                                            pid,
                                            c.anchors[n].number,
                                        ),
                                        text: e.plain(),
                                        html: e.html_cow(""),
                                    })
                                    .collect(),
                                notes_html: c.notes.html_cow(""),
                            },
                        ))
                    })
                    .collect(),
            })
            .collect(),
        comparisons: ladder
            .comparisons
            .iter()
            .map(|&(a, b)| DataComparison {
                a: &l[a].id,
                b: &l[b].id,
                path: permalink::compare(&l[a].id, &l[b].id),
            })
            .collect(),
        release: None,
    }
}

/// [`LevelRef::name`] of every level, by index into [`Ladder::levels`].
fn level_names(ladder: &Ladder) -> Vec<String> {
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for l in &ladder.levels {
        *count.entry(l.title.as_str()).or_default() += 1;
    }
    ladder
        .levels
        .iter()
        .map(|l| {
            let track = &ladder.tracks[l.track].title;
            if count[l.title.as_str()] == 1 {
                l.title.clone()
            } else if track.contains('(') {
                // No parentheses inside parentheses: `Engineer – Engineering (Legacy)`.
                format!("{} – {track}", l.title)
            } else {
                format!("{} ({track})", l.title)
            }
        })
        .collect()
}
