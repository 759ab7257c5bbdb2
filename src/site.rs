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

mod assemble;
mod comparison;
mod export;
mod pages;

pub use export::{
    data_export, DataCell, DataComparison, DataExpectation, DataExport, DataLevel, DataPillar,
    DataTrack, DATA_VERSION,
};
pub use pages::{
    Cell, CompareCounts, CompareGrid, CompareIndexPage, ComparePage, ComparePillar, CompareRef,
    FragmentMove, FreePageData, Inherited, LevelName, LevelPage, LevelRef, LevelSection,
    OverviewCell, OverviewPage, Page, PageData, PillarLevel, PillarPage, PillarTrack, RedirectPage,
    Ref, Shared, TrackLevels, TrackPage, TrackRow,
};

/// Every page of a ladder's site.
#[derive(Debug)]
pub struct Site {
    /// Pages in a stable order: overview, tracks, levels, pillars, comparisons, the
    /// comparison index, the changes page, free pages, 404, aliases.
    pub specs: Vec<PageSpec>,
    prepared: CellCache,
    /// The ladder's releases (none until [`crate::build::prepare`] reads them).
    pub releases: crate::releases::Releases,
}

/// Every cell's expectations as plain text and prepared words, with one
/// [`compare::Interner`] for the whole build: prepared before the pages for a full build
/// ([`Site::with_words`]), otherwise the first time a comparison needs them (so `serve`'s
/// rebuild of a few pages prepares a few cells).
#[derive(Debug, Default)]
struct CellCache {
    interner: std::sync::Mutex<compare::Interner>,
    /// By index into [`Ladder::competencies`].
    cells: Vec<std::sync::OnceLock<CellWords>>,
    /// Each level's summary as inline HTML, by index into [`Ladder::levels`]: every page
    /// that links to a level shows it.
    summaries: Vec<std::sync::OnceLock<String>>,
    /// Each level's name (see [`LevelRef::name`]), by index into [`Ladder::levels`].
    names: Vec<String>,
    /// Each level's name among the levels of its track ([`level_names_in_track`]).
    names_in_track: Vec<String>,
    /// Each cell's side of a comparison ([`crate::html::SideText`]), by index into
    /// [`Ladder::competencies`] (see [`Builder::per_depth`]).
    sides: Vec<PerDepth<crate::html::SideText>>,
    /// The same, named by the level's title alone, for comparisons within a track (see
    /// [`Builder::compare_name`]); made only for levels whose name is not their title.
    sides_in_track: Vec<PerDepth<crate::html::SideText>>,
    /// Each level's link ([`LevelRef`]) and each pillar's ([`Ref`]) as shared Tera values,
    /// by index into [`Ladder::levels`] and [`Ladder::pillars`] (see [`Builder::shared`]).
    level_values: Vec<PerDepth<tera::Value>>,
    pillar_values: Vec<PerDepth<tera::Value>>,
    /// Each level's [`compare::ExpectationWords::words_key`]s, of every pillar, by index
    /// into [`Ladder::levels`]: which expectations it lists somewhere (see
    /// [`Builder::elsewhere`]).
    level_keys: Vec<std::sync::OnceLock<foldhash::HashSet<u64>>>,
}

/// A value made for the first pages that ask for it, with their way back to the site root:
/// one for each of the first two depths (see [`Builder::per_depth`]).
type PerDepth<T> = [std::sync::OnceLock<(String, T)>; 2];

/// `n` empty slots (a [`PerDepth`], or one value): one per level, pillar or competency of a
/// cache.
fn slots<T: Default>(n: usize) -> Vec<T> {
    std::iter::repeat_with(T::default).take(n).collect()
}

/// Every competency's expectations prepared for comparison, by the path of the file it was
/// read from, each with the text it was prepared from, and the interner that numbered their
/// words (see [`Words::preparer`]).
#[derive(Debug, Default)]
pub struct Words {
    interner: compare::Interner,
    by_source: foldhash::HashMap<String, Vec<(std::sync::Arc<str>, compare::ExpectationWords)>>,
}

impl Words {
    /// The work of preparing the words of every competency of `loaded` whose body was parsed
    /// as it was read: the texts are taken (shared, not copied) now, and prepared when the
    /// work runs, which can be while the ladder is built of `loaded` on another core. A build
    /// renders every comparison page, which compares every competency; and one interner
    /// numbers a build's words on one core at a time, so preparing them as the pages asked
    /// for them kept the other core waiting.
    pub fn preparer(loaded: &crate::load::Loaded) -> impl FnOnce() -> Words + Send {
        // Each file's expectations: the plain text, and how long its own sentence is.
        let texts: Vec<(String, Vec<_>)> = loaded
            .documents
            .iter()
            .filter(|d| matches!(d.kind, crate::load::Kind::Competency(_)))
            .filter_map(|d| {
                let body = d.parsed.as_ref()?;
                let plain = body
                    .items
                    .iter()
                    .map(|e| (e.plain_shared(), e.own_plain().len()))
                    .collect();
                Some((d.source.path.clone(), plain))
            })
            .collect();
        move || {
            let mut interner = compare::Interner::default();
            let by_source = texts
                .into_iter()
                .map(|(path, plain)| {
                    let words = plain
                        .into_iter()
                        .map(|(t, own)| {
                            let words = interner.prepare_expectation(&t, own);
                            (t, words)
                        })
                        .collect();
                    (path, words)
                })
                .collect();
            Words {
                interner,
                by_source,
            }
        }
    }
}

/// Whether `prepared` holds the words of `expectations`' plain texts, in order. The texts
/// are shared with the fragments they came from, so the addresses nearly always answer.
fn same_texts(
    prepared: &[(std::sync::Arc<str>, compare::ExpectationWords)],
    expectations: &[Fragment],
) -> bool {
    prepared.len() == expectations.len()
        && prepared.iter().zip(expectations).all(|((text, _), e)| {
            let plain = e.plain();
            std::ptr::eq(text.as_ptr(), plain.as_ptr()) && text.len() == plain.len()
                || **text == *plain
        })
}

/// A cell's expectations ready to compare: prepared words, in order.
#[derive(Debug)]
struct CellWords {
    words: Vec<compare::ExpectationWords>,
}

impl CellCache {
    fn of(&self, ladder: &Ladder, level: usize, pillar: usize) -> Option<&CellWords> {
        let i = *ladder.cells.get(&(level, pillar))?;
        Some(self.cells[i].get_or_init(|| {
            let mut interner = self.interner.lock().unwrap_or_else(|e| e.into_inner());
            CellWords {
                words: ladder.competencies[i]
                    .expectations
                    .iter()
                    .map(|e| interner.prepare_expectation(e.plain(), e.own_plain().len()))
                    .collect(),
            }
        }))
    }
}

/// A level below a cumulative level page's, with the level above it and the weights of
/// their comparison (see [`Builder::below`]).
struct Below {
    level: usize,
    above: usize,
    weights: compare::StemWeights,
}

struct Builder<'a> {
    ladder: &'a Ladder,
    prepared: &'a CellCache,
    root: String,
}

impl<'a> Builder<'a> {
    fn at(ladder: &'a Ladder, prepared: &'a CellCache, path: &str) -> Self {
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
            let mut href = String::with_capacity(self.root.len() + path.len());
            href.push_str(&self.root);
            href.push_str(path);
            href
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
            title_in_track: match &l.code {
                Some(_) => l.title.clone(),
                None => self.prepared.names_in_track[i].clone(),
            },
            code: l.code.clone(),
            rank: l.rank,
            href: self.href(&permalink::level(&l.id)),
            track: self.ladder.tracks[l.track].title.clone(),
            // Links into the site lead from this page's depth; the rest is the same on
            // every page.
            summary_html: match &l.summary_links {
                Some(f) => f.inline_html(&self.root),
                None => self.prepared.summaries[i]
                    .get_or_init(|| inline_html(&l.summary))
                    .clone(),
            },
            former: l.former_level_ids().map(str::to_string).collect(),
        }
    }

    /// [`Builder::level`] as a [`Shared`] value, made once for every page at this depth.
    fn shared_level(&self, i: usize) -> Shared<LevelRef> {
        self.shared(&self.prepared.level_values[i], || self.level(i))
    }

    /// [`Builder::pillar`] as a [`Shared`] value, made once for every page at this depth.
    fn shared_pillar(&self, i: usize) -> Shared<Ref> {
        self.shared(&self.prepared.pillar_values[i], || self.pillar(i))
    }

    /// What `make` makes, as a Tera value kept in `cache` and shared (see
    /// [`Builder::per_depth`]).
    fn shared<T: serde::Serialize>(
        &self,
        cache: &PerDepth<tera::Value>,
        make: impl Fn() -> T,
    ) -> Shared<T> {
        let value = self.per_depth(cache, || tera::Value::from_serializable(&make()));
        Shared::Made(value.into_owned())
    }

    /// What `make` makes for this page, kept in `cache` for every page with the same way back
    /// to the site root: the links in it are relative. Two depths are kept, the first two
    /// asked for, because two kinds of pages share values: the comparison pages
    /// (`compare/<a>/<b>/`) and the track and pillar pages (`tracks/<t>/`, `pillars/<p>/`),
    /// which show every level. A page at a third depth gets its own.
    fn per_depth<'c, T: Clone>(
        &self,
        cache: &'c PerDepth<T>,
        make: impl Fn() -> T,
    ) -> std::borrow::Cow<'c, T> {
        for slot in cache {
            let (root, value) = slot.get_or_init(|| (self.root.clone(), make()));
            if *root == self.root {
                return std::borrow::Cow::Borrowed(value);
            }
        }
        std::borrow::Cow::Owned(make())
    }

    fn track(&self, i: usize) -> Ref {
        let t = &self.ladder.tracks[i];
        Ref {
            id: t.id.clone(),
            title: t.title.clone(),
            href: self.href(&permalink::track(&t.id)),
            former: Vec::new(),
        }
    }

    fn pillar(&self, i: usize) -> Ref {
        let p = &self.ladder.pillars[i];
        let address = permalink::pillar(&p.id);
        let aliases = self
            .ladder
            .redirects
            .iter()
            .filter(|r| r.target == address)
            .map(|r| &r.path);
        Ref {
            id: p.id.clone(),
            title: p.title.clone(),
            href: self.href(&address),
            former: aliases
                .filter_map(|a| permalink::former_id(a, "pillars/"))
                .collect(),
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
        // The expectations' text and about 250 bytes of markup around each (see
        // [`html::cell`]), so the cell is rarely copied as it grows.
        let mut html = String::with_capacity(c.map_or(64, |c| {
            c.expectations
                .iter()
                .map(|e| e.plain().len() + 250 + level_href.len())
                .sum::<usize>()
                + c.lead.plain().len()
                + c.notes.plain().len()
        }));
        html::cell(
            &mut html,
            c.map(|c| html::CellView {
                expectations: &c.expectations,
                numbers: &c.anchors,
                lead: &c.lead,
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
            notes_html: c
                .map(|c| self.html(&c.lead) + &self.html(&c.notes))
                .unwrap_or_default(),
            href,
        }
    }

    /// Expectations of lower levels of `level`'s track in `pillar` that `level` does not
    /// restate, each once (by its words), nearest level first; and the footnotes they refer
    /// to, each lower level's under its name (see [`html::level_footnotes`]). An expectation
    /// the level above its own restates (the comparison of the two marks it changed or the
    /// same) is left out: the latest wording stands for it, as comparisons show it. `below`
    /// is [`Builder::below`] of `level`.
    fn inherited(&self, level: usize, pillar: usize, below: &[Below]) -> (Vec<Inherited>, String) {
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
        let mut footnotes = String::new();
        let pid = &ladder.pillars[pillar].id;
        for step in below {
            let l = step.level;
            if let Some(c) = ladder.cell(l, pillar) {
                let shown = out.len();
                let restated = self.restated(step, pillar);
                for (n, e) in c.expectations.iter().enumerate() {
                    if !restated.contains(&n) && seen.insert(compare::words(e.plain())) {
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
                // The definitions, where an expectation shown here has a footnote mark.
                if out[shown..]
                    .iter()
                    .any(|i| crate::html::has_footnote_mark(&i.html))
                {
                    crate::html::level_footnotes(
                        &mut footnotes,
                        &ladder.levels[l].title,
                        &self.html(&c.footnotes),
                    );
                }
            }
        }
        (out, footnotes)
    }

    /// The levels below `level` on its track, nearest first, each with the level above it
    /// and the stems' weights of the comparison of the two: the same for every pillar of a
    /// cumulative level page, so weighed once a page.
    pub(super) fn below(&self, level: usize) -> Vec<Below> {
        let ladder = self.ladder;
        let mut out = Vec::new();
        let (mut below, mut up) = (ladder.levels[level].below, level);
        while let Some(l) = below {
            // The stems weighed as that comparison weighs them, among both levels' pillars.
            let weights = compare::StemWeights::of(
                (0..ladder.pillars.len())
                    .flat_map(|p| [l, up].map(|k| self.prepared.of(ladder, k, p)))
                    .flatten()
                    .flat_map(|cell| &cell.words),
            );
            out.push(Below {
                level: l,
                above: up,
                weights,
            });
            up = l;
            below = ladder.levels[l].below;
        }
        out
    }

    /// The expectations of `step`'s level in `pillar` (their indices) that the comparison
    /// with the level above it pairs with one of that level's as the same expectation,
    /// changed or not.
    fn restated(&self, step: &Below, pillar: usize) -> Vec<usize> {
        let ladder = self.ladder;
        let (Some(a), Some(b)) = (
            self.prepared.of(ladder, step.level, pillar),
            self.prepared.of(ladder, step.above, pillar),
        ) else {
            return Vec::new();
        };
        compare::match_prepared(
            &a.words,
            &b.words,
            compare::Pairing::Complete,
            &step.weights,
        )
        .into_iter()
        // Not a closest match (`Rewritten`), which is another expectation in its place.
        .filter(|p| {
            p.higher.is_some()
                && matches!(
                    p.status,
                    compare::Status::Unchanged | compare::Status::Changed
                )
        })
        .filter_map(|p| p.lower)
        .collect()
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
        Site::with_words(ladder, Words::default())
    }

    /// [`Site::from_ladder`], with the competencies' words prepared already (by
    /// [`Words::preparer`], from the files `ladder` was built of); a competency whose words
    /// are not among them has them prepared when a comparison first needs them.
    pub fn with_words(ladder: &Ladder, words: Words) -> Site {
        let Words {
            interner,
            mut by_source,
        } = words;
        let cells = ladder
            .competencies
            .iter()
            .map(|c| match by_source.remove(c.source.as_str()) {
                // Taken only if prepared from this competency's own texts: two files can show
                // as one path (names that are not UTF-8 are read lossily), and then the one
                // left in the map is another competency's. Otherwise the words are prepared
                // when a comparison first needs them.
                Some(prepared) if same_texts(&prepared, &c.expectations) => {
                    std::sync::OnceLock::from(CellWords {
                        words: prepared.into_iter().map(|(_, words)| words).collect(),
                    })
                }
                _ => std::sync::OnceLock::new(),
            })
            .collect();
        let names_in_track = level_names_in_track(ladder);
        let prepared = CellCache {
            interner: std::sync::Mutex::new(interner),
            cells,
            summaries: slots(ladder.levels.len()),
            names: across_tracks(ladder, names_in_track.clone()),
            names_in_track,
            sides: slots(ladder.competencies.len()),
            sides_in_track: slots(ladder.competencies.len()),
            level_values: slots(ladder.levels.len()),
            pillar_values: slots(ladder.pillars.len()),
            level_keys: slots(ladder.levels.len()),
        };
        let specs = page_specs(ladder);
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
        let path = Self::path(ladder, spec);
        let b = Builder::at(ladder, &self.prepared, &path);
        let (template, data) = match *spec {
            PageSpec::Overview => ("index.html", PageData::Overview(b.overview_page())),
            PageSpec::Track(ti) => ("track.html", PageData::Track(b.track_page(ti))),
            PageSpec::Level(li) => (
                "level.html",
                PageData::Level(b.level_page(li, &self.releases, &path)),
            ),
            PageSpec::Pillar(pi) => ("pillar.html", PageData::Pillar(b.pillar_page(pi))),
            PageSpec::Compare(x, y) => ("compare.html", PageData::Compare(b.compare_page(x, y))),
            PageSpec::CompareIndex => (
                "compare-index.html",
                PageData::CompareIndex(b.compare_index_page()),
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
                        title_in_body: p.title_in_body,
                        body_html: b.html(&p.body),
                    }),
                )
            }
            // Served at any address, so its links start from site-url (see render).
            PageSpec::NotFound => (
                "404.html",
                PageData::Free(FreePageData {
                    title: "Page not found".into(),
                    title_in_body: false,
                    body_html: String::new(),
                }),
            ),
            PageSpec::Alias(i, k) => {
                let former = permalink::id_in(&l[i].aliases[k], "levels/");
                let fragments = former
                    .map(|f| ladder.retired_fragments(f))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(from, to)| FragmentMove { from, to })
                    .collect();
                (
                    "redirect.html",
                    PageData::Redirect(RedirectPage::new(
                        b.href(&permalink::level(&l[i].id)),
                        l[i].title.clone(),
                        fragments,
                    )),
                )
            }
            PageSpec::Redirect(i) => {
                let r = &ladder.redirects[i];
                (
                    "redirect.html",
                    PageData::Redirect(RedirectPage::new(
                        b.href(&r.target),
                        r.title.clone(),
                        Vec::new(),
                    )),
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

/// Every page of the site, in the order they are rendered: the overview, tracks, levels,
/// pillars, comparisons, the comparison index, the changes page, free pages, 404, and the
/// redirects of aliases.
pub fn page_specs(ladder: &Ladder) -> Vec<PageSpec> {
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
    specs
}

/// [`LevelRef::name`] of every level, by index into [`Ladder::levels`]: its name in its track
/// ([`level_names_in_track`]), with the track's title when a level of another track has the
/// same title.
pub fn level_names(ladder: &Ladder) -> Vec<String> {
    across_tracks(ladder, level_names_in_track(ladder))
}

/// `in_track` ([`level_names_in_track`]) with the track's title added where a level of
/// another track has the same title: [`level_names`].
fn across_tracks(ladder: &Ladder, in_track: Vec<String>) -> Vec<String> {
    let mut tracks: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for l in &ladder.levels {
        tracks.entry(l.title.as_str()).or_default().push(l.track);
    }
    in_track
        .into_iter()
        .zip(&ladder.levels)
        .map(|(name, l)| {
            let track = &ladder.tracks[l.track].title;
            if tracks[l.title.as_str()].iter().all(|&t| t == l.track) {
                name
            } else if track.contains('(') || name.contains('(') {
                // No parentheses inside parentheses: `Engineer – Engineering (Legacy)`.
                format!("{name} – {track}")
            } else {
                format!("{name} ({track})")
            }
        })
        .collect()
}

/// Each level's name among the levels of its track, by index into [`Ladder::levels`]: its
/// title, with its code (or else its rank) where another level of the track has the same
/// title (`Engineer (E2)`, `Engineer (rank 2)`), so that a comparison of the two tells them
/// apart.
pub fn level_names_in_track(ladder: &Ladder) -> Vec<String> {
    let mut count: std::collections::HashMap<(usize, &str), usize> = Default::default();
    for l in &ladder.levels {
        *count.entry((l.track, l.title.as_str())).or_default() += 1;
    }
    ladder
        .levels
        .iter()
        .map(|l| match (count[&(l.track, l.title.as_str())], &l.code) {
            (1, _) => l.title.clone(),
            (_, Some(code)) if code != &l.title => format!("{} ({code})", l.title),
            _ => format!("{} (rank {})", l.title, l.rank),
        })
        .collect()
}
