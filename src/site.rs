//! The site: every page as data, addressed by its permalink.
//!
//! [`Site::from_ladder`] turns the validated [`Ladder`] into a list of [`Page`]s, each with
//! the template that renders it and a serialisable context in which every link is already
//! relative to the page (so the site works under any sub-path) and every Markdown body is
//! already HTML. Templates only lay out what is here.

use crate::ladder::{Competency, Ladder, Level};
use crate::markdown::{inline_html, Fragment};
use crate::permalink::{self, root_of};
use serde::Serialize;

/// The text an empty level × pillar cell reads, wherever it appears.
pub const GAP_TEXT: &str = "not defined yet";

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

/// One expectation, rendered.
#[derive(Debug, Serialize)]
pub struct Expectation {
    /// Its anchor on the level page (`craft--3`).
    pub anchor: String,
    /// Relative href of its permalink on the level page.
    pub href: String,
    /// The expectation as HTML.
    pub html: String,
}

/// One level × pillar cell.
#[derive(Debug, Serialize)]
pub struct Cell {
    /// False for a gap.
    pub defined: bool,
    /// The expectations, in order.
    pub expectations: Vec<Expectation>,
    /// The competency's other paragraphs, as HTML ("" if none).
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
}

/// A pillar's section on a level page.
#[derive(Debug, Serialize)]
pub struct LevelSection {
    /// The pillar (its id is the section's anchor).
    pub pillar: Ref,
    /// The cell.
    pub cell: Cell,
}

/// A link to a comparison page.
#[derive(Debug, Serialize)]
pub struct CompareRef {
    /// Relative href.
    pub href: String,
    /// The left level.
    pub a: LevelRef,
    /// The right level.
    pub b: LevelRef,
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
    /// Left level.
    pub a: LevelRef,
    /// Right level.
    pub b: LevelRef,
    /// One row per pillar of either level's track.
    pub rows: Vec<CompareRow>,
    /// The reverse comparison, when one is built.
    pub other_comparisons: Vec<CompareRef>,
}

/// One pillar's row on a comparison page.
#[derive(Debug, Serialize)]
pub struct CompareRow {
    /// The pillar (its id is the row's anchor).
    pub pillar: Ref,
    /// The left level's cell.
    pub a: Cell,
    /// The right level's cell.
    pub b: Cell,
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
    /// Pages in a stable order: overview, tracks, levels, pillars, comparisons, free pages,
    /// 404, aliases.
    pub pages: Vec<Page>,
}

struct Builder<'a> {
    ladder: &'a Ladder,
    root: String,
}

impl<'a> Builder<'a> {
    fn at(ladder: &'a Ladder, path: &str) -> Self {
        Builder { ladder, root: root_of(path) }
    }

    fn href(&self, path: &str) -> String {
        if path.is_empty() && self.root.is_empty() {
            "./".into()
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
            code: l.code.clone(),
            rank: l.rank,
            href: self.href(&permalink::level(&l.id)),
            track: self.ladder.tracks[l.track].title.clone(),
            summary_html: inline_html(&l.summary),
        }
    }

    fn track(&self, i: usize) -> Ref {
        let t = &self.ladder.tracks[i];
        Ref { id: t.id.clone(), title: t.title.clone(), href: self.href(&permalink::track(&t.id)) }
    }

    fn pillar(&self, i: usize) -> Ref {
        let p = &self.ladder.pillars[i];
        Ref { id: p.id.clone(), title: p.title.clone(), href: self.href(&permalink::pillar(&p.id)) }
    }

    fn cell(&self, level: usize, pillar: usize) -> Cell {
        let lid = &self.ladder.levels[level].id;
        let pid = &self.ladder.pillars[pillar].id;
        let level_path = permalink::level(lid);
        let href = self.href(&format!("{level_path}#{pid}"));
        match self.ladder.cell(level, pillar) {
            None => Cell { defined: false, expectations: Vec::new(), notes_html: String::new(), href },
            Some(c) => self.filled(c, &level_path, pid, href),
        }
    }

    fn filled(&self, c: &Competency, level_path: &str, pid: &str, href: String) -> Cell {
        Cell {
            defined: true,
            expectations: c
                .expectations
                .iter()
                .enumerate()
                .map(|(n, e)| {
                    let anchor = permalink::expectation_anchor(pid, n + 1);
                    Expectation { href: self.href(&format!("{level_path}#{anchor}")), anchor, html: self.html(e) }
                })
                .collect(),
            notes_html: self.html(&c.notes),
            href,
        }
    }

    fn compare_ref(&self, a: usize, b: usize) -> CompareRef {
        let l = &self.ladder.levels;
        CompareRef { href: self.href(&permalink::compare(&l[a].id, &l[b].id)), a: self.level(a), b: self.level(b) }
    }
}

impl Site {
    /// Lays out every page of `ladder`.
    pub fn from_ladder(ladder: &Ladder) -> Site {
        let mut pages = Vec::new();
        let l = &ladder.levels;

        // Overview.
        let path = permalink::overview();
        let b = Builder::at(ladder, &path);
        pages.push(Page {
            template: "index.html",
            data: PageData::Overview(OverviewPage {
                tracks: (0..ladder.tracks.len()).map(|t| b.track(t)).collect(),
                rows: ladder.overview_rows.iter().map(|row| row.iter().map(|c| c.map(|i| b.level(i))).collect()).collect(),
            }),
            path,
        });

        // Tracks.
        for (ti, t) in ladder.tracks.iter().enumerate() {
            let path = permalink::track(&t.id);
            let b = Builder::at(ladder, &path);
            pages.push(Page {
                template: "track.html",
                data: PageData::Track(TrackPage {
                    track: b.track(ti),
                    description_html: b.html(&t.description),
                    pillars: t.pillars.iter().map(|&p| b.pillar(p)).collect(),
                    rows: t
                        .levels
                        .iter()
                        .map(|&li| TrackRow { level: b.level(li), cells: t.pillars.iter().map(|&p| b.cell(li, p)).collect() })
                        .collect(),
                }),
                path,
            });
        }

        // Levels.
        for (li, level) in l.iter().enumerate() {
            let path = permalink::level(&level.id);
            let b = Builder::at(ladder, &path);
            let track = &ladder.tracks[level.track];
            pages.push(Page {
                template: "level.html",
                data: PageData::Level(LevelPage {
                    level: b.level(li),
                    track: b.track(level.track),
                    description_html: b.html(&level.description),
                    sections: track.pillars.iter().map(|&p| LevelSection { pillar: b.pillar(p), cell: b.cell(li, p) }).collect(),
                    below: level.below.map(|i| b.level(i)),
                    above: level.above.map(|i| b.level(i)),
                    equivalents: level.equivalents.iter().map(|&i| b.level(i)).collect(),
                    comparisons: ladder.comparisons_of(li).map(|(x, y)| b.compare_ref(x, y)).collect(),
                    next_comparison: level.above.map(|up| b.href(&permalink::compare(&level.id, &l[up].id))),
                }),
                path,
            });
        }

        // Pillars.
        for (pi, p) in ladder.pillars.iter().enumerate() {
            let path = permalink::pillar(&p.id);
            let b = Builder::at(ladder, &path);
            pages.push(Page {
                template: "pillar.html",
                data: PageData::Pillar(PillarPage {
                    pillar: b.pillar(pi),
                    description_html: b.html(&p.description),
                    tracks: ladder
                        .tracks
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| t.pillars.contains(&pi))
                        .map(|(ti, t)| PillarTrack {
                            track: b.track(ti),
                            levels: t.levels.iter().map(|&li| PillarLevel { level: b.level(li), cell: b.cell(li, pi) }).collect(),
                        })
                        .collect(),
                }),
                path,
            });
        }

        // Comparisons.
        for &(x, y) in &ladder.comparisons {
            let path = permalink::compare(&l[x].id, &l[y].id);
            let b = Builder::at(ladder, &path);
            let (tx, ty) = (&ladder.tracks[l[x].track], &ladder.tracks[l[y].track]);
            let mut pillars: Vec<usize> = tx.pillars.iter().chain(ty.pillars.iter()).copied().collect();
            pillars.sort();
            pillars.dedup();
            pages.push(Page {
                template: "compare.html",
                data: PageData::Compare(ComparePage {
                    a: b.level(x),
                    b: b.level(y),
                    rows: pillars.iter().map(|&p| CompareRow { pillar: b.pillar(p), a: b.cell(x, p), b: b.cell(y, p) }).collect(),
                    other_comparisons: ladder
                        .comparisons
                        .iter()
                        .filter(|&&(c, d)| (c == x || d == x || c == y || d == y) && (c, d) != (x, y))
                        .map(|&(c, d)| b.compare_ref(c, d))
                        .collect(),
                }),
                path,
            });
        }

        // Comparison index.
        let path = permalink::compare_index();
        let b = Builder::at(ladder, &path);
        pages.push(Page {
            template: "compare-index.html",
            data: PageData::CompareIndex(CompareIndexPage {
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
                                    .map(|(c, &y)| (r < c).then(|| b.href(&permalink::compare(&l[x].id, &l[y].id))))
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
            path,
        });

        // Free pages.
        for p in &ladder.pages {
            let b = Builder::at(ladder, &p.path);
            pages.push(Page {
                path: p.path.clone(),
                template: "page.html",
                data: PageData::Free(FreePageData { title: p.title.clone(), body_html: b.html(&p.body) }),
            });
        }

        // 404: served at any address, so its links start from site-url.
        pages.push(Page {
            path: permalink::NOT_FOUND.into(),
            template: "404.html",
            data: PageData::Free(FreePageData { title: "Page not found".into(), body_html: String::new() }),
        });

        // Aliases.
        for level in l {
            for alias in &level.aliases {
                let b = Builder::at(ladder, alias);
                pages.push(Page {
                    path: alias.clone(),
                    template: "redirect.html",
                    data: PageData::Redirect(RedirectPage { href: b.href(&permalink::level(&level.id)), title: level.title.clone() }),
                });
            }
        }
        Site { pages }
    }
}
