//! The data of each kind of page: what its template is given, every link already relative
//! to the page and every body already HTML.

use serde::Serialize;

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
    /// The title as the pages of its track show it, beside its code: with its rank in
    /// parentheses, `Principal I Engineer (rank 10)`, when another level of the track has the
    /// same title and it has no code to tell them apart; the title alone otherwise.
    pub title_in_track: String,
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
    /// Ids it had before a rename (its aliases `levels/<id>/`): its sections on pillar and
    /// track pages answer to them too, as the links to them were published.
    pub former: Vec<String>,
}

/// A level in a row of the overview: the level, and how its cell spans the rows where it
/// stands twice or more one above the other (equivalent to a level in each).
#[derive(Debug, Serialize, Clone)]
pub struct OverviewCell {
    /// The level.
    #[serde(flatten)]
    pub level: LevelRef,
    /// How many rows, from this one down, the level stands in (1 for most).
    pub rows: usize,
    /// True in the rows after its first: a theme that spans the first cell leaves it out (one
    /// that does not shows the level again).
    pub continued: bool,
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
    /// Ids a pillar had before a rename or a merge (its aliases `pillars/<id>/`): its
    /// sections on level and comparison pages answer to them too, as the links to them were
    /// published. Empty for tracks and free pages.
    pub former: Vec<String>,
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

/// Page data that many pages show alike (a comparison's two levels, its pillars, its filled
/// cells): either
/// made for this page, or made once as a Tera value and shared, which goes into each page's
/// template context without being made again ([`tera::Value`] passes through Tera's
/// serializer). Templates see the same fields either way.
#[derive(Debug)]
pub enum Shared<T> {
    /// Made for this page.
    Own(T),
    /// Made once and shared.
    Made(tera::Value),
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Shared::Own(t) => t.serialize(serializer),
            Shared::Made(v) => v.serialize(serializer),
        }
    }
}

/// The overview.
#[derive(Debug, Serialize)]
pub struct OverviewPage {
    /// The tracks, as column heads.
    pub tracks: Vec<Ref>,
    /// Rows of levels; equivalent levels share a row. `None` where a track has no level.
    pub rows: Shared<Vec<Vec<Option<OverviewCell>>>>,
    /// True when the ladder declares no equivalent levels, so levels share a row by rank
    /// alone: a row then claims no equivalence.
    pub aligned_by_rank: bool,
    /// When other tracks declare equivalents, the tracks whose levels declare none: each of
    /// their levels has a row of its own in `rows`, which claims no order against the other
    /// tracks.
    pub unaligned: Vec<Ref>,
    /// The tracks of `tracks` that are not `apart`, as column heads: the default theme's
    /// table, in which every row is a claim of equivalence (all of `tracks` when none is
    /// apart).
    pub aligned_tracks: Vec<Ref>,
    /// `rows` without the `apart` tracks' columns and the rows left empty by that, one cell
    /// per track of `aligned_tracks` (`rows` itself, shared, when no track is apart).
    pub aligned_rows: Shared<Vec<Vec<Option<OverviewCell>>>>,
    /// Each `unaligned` track with its levels, most junior first: the default theme shows
    /// each in a table of its own, apart from the others.
    pub apart: Vec<TrackLevels>,
}

/// A track and its levels, most junior first.
#[derive(Debug, Serialize)]
pub struct TrackLevels {
    /// The track.
    pub track: Ref,
    /// Its levels.
    pub levels: Vec<LevelRef>,
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
    pub level: Shared<LevelRef>,
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
    /// One section per pillar of the track, in pillar order; or, when the level leaves most
    /// of its track's pillars undefined (ladders whose pillars are a level's own sentences),
    /// one per pillar it defines, the others in `undefined`.
    pub sections: Vec<LevelSection>,
    /// The pillars left out of `sections` as not defined at this level, in pillar order: the
    /// page names them once, at its end, each keeping its section's anchor.
    pub undefined: Vec<Ref>,
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
    /// The footnotes the inherited expectations refer to, each level's under its name ("" when
    /// none do).
    pub inherited_footnotes_html: String,
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
    pub level: Shared<LevelRef>,
    /// Its cell in this pillar.
    pub cell: Cell,
}

/// A comparison page.
#[derive(Debug, Serialize)]
pub struct ComparePage {
    /// Left level (the lower one, for two levels of one track).
    pub a: Shared<LevelRef>,
    /// Right level.
    pub b: Shared<LevelRef>,
    /// What the page calls `a` and `b` in its text: within one track, whose name the page
    /// gives, their titles; across tracks, their [`LevelRef::name`]s.
    pub a_name: String,
    /// As `a_name`, for `b`.
    pub b_name: String,
    /// True when both levels are on one track, `a` below `b`.
    pub same_track: bool,
    /// How many steps up their track `b` is from `a` (1 for neighbouring levels), 0 across
    /// tracks.
    pub steps: usize,
    /// True when `b`'s track is cumulative: what `b` does not restate is still expected.
    pub cumulative: bool,
    /// One section per pillar of either level's track that either level defines, in pillar
    /// order.
    pub pillars: Vec<ComparePillar>,
    /// The pillars of either track that neither level defines, in pillar order: the page
    /// names them once, at its end, each keeping its section's anchor.
    pub undefined: Vec<Shared<Ref>>,
    /// True when a row of some pillar is an expectation under another pillar at the other
    /// level (`used.moved` is not 0): the legend then says what that row's badge means.
    pub moved: bool,
    /// The rows of every pillar, counted by kind: the legend explains only the marks the
    /// page shows.
    pub used: CompareCounts,
    /// Other comparisons of either level, as `<li><a href="…">A and B</a></li>` lines
    /// (written by [`crate::html::comparison_link`]; empty when there are none).
    pub other_comparisons_html: String,
}

/// One pillar of a comparison page.
#[derive(Debug, Serialize)]
pub struct ComparePillar {
    /// The pillar (its id is the section's anchor).
    pub pillar: Shared<Ref>,
    /// The left level's cell. When both cells are filled only `defined` is set (the rows
    /// show the expectations); when either is a gap, both are complete, to be shown side by
    /// side.
    pub a: Shared<Cell>,
    /// The right level's cell, as `a`.
    pub b: Shared<Cell>,
    /// Changed, rewritten, new and not-restated expectations: the `<li>` rows of the
    /// comparison's list, one per pair, written by [`crate::html::compare_row`].
    pub rows_html: String,
    /// Expectations carried over word for word (folded away on the page): `<li>` items,
    /// written by [`crate::html::carried_item`].
    pub carried_html: String,
    /// How many rows of each kind.
    pub counts: CompareCounts,
    /// The counts in words, as the page's "What changes" lists them: "2 changed, 1 new,
    /// 3 carried over" (kinds with none left out, in that order), then "; none at" and the
    /// other level's name when only one level of a track has expectations in the pillar
    /// (each is then a row of its own). Empty when neither has: the pillar is a gap at both.
    pub changes: String,
    /// The definitions of the footnotes the rows' expectations refer to, each level's under
    /// its name ("" when none do).
    pub footnotes_html: String,
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
    /// At both levels in the same words, in another pillar at one of them (moved, or listed
    /// under two pillars): not new, and not dropped.
    pub moved: usize,
}

impl CompareCounts {
    /// Adds `other`'s counts to these, kind by kind.
    pub fn add(&mut self, other: &CompareCounts) {
        self.new += other.new;
        self.changed += other.changed;
        self.rewritten += other.rewritten;
        self.carried += other.carried;
        self.not_restated += other.not_restated;
        self.moved += other.moved;
    }
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
    /// Each level's name among the levels of the track, in the order of `levels`: its title,
    /// with its code or rank where two of the track's levels share a title.
    pub names: Vec<String>,
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
    /// See [`crate::ladder::FreePage::title_in_body`].
    pub title_in_body: bool,
    /// Its body, as HTML.
    pub body_html: String,
}

/// An alias.
#[derive(Debug, Serialize)]
pub struct RedirectPage {
    /// Relative href of the level.
    pub href: String,
    /// `href` as a JavaScript string literal, quotes included, for the page's script (an
    /// attribute's HTML escaping would put `&amp;` into its URL).
    pub href_js: String,
    /// The level's title.
    pub title: String,
    /// Fragments that must not be carried over as they are (see
    /// [`crate::ladder::Ladder::retired_fragments`]); empty for most redirects.
    pub fragments: Vec<FragmentMove>,
}

/// A fragment a redirect replaces: a link that arrives with `#from` goes on to `#to`, or to
/// the top of the page when `to` is empty.
#[derive(Debug, Serialize)]
pub struct FragmentMove {
    /// The fragment, without `#`.
    pub from: String,
    /// Where it goes instead, without `#`; empty for the top of the page.
    pub to: String,
}

impl RedirectPage {
    /// The redirect to `href` (relative, as written into the page's attributes), titled
    /// `title`, with its script's copy of the address (see [`RedirectPage::href_js`]).
    pub fn new(href: String, title: String, fragments: Vec<FragmentMove>) -> RedirectPage {
        RedirectPage {
            href_js: js_string(&href),
            href,
            title,
            fragments,
        }
    }
}

/// `text` as a JavaScript string literal (JSON's, which JavaScript reads, ECMA-404), with
/// `</` written `<\/` so that it cannot close the `<script>` it sits in (HTML 13.2.6.3).
fn js_string(text: &str) -> String {
    serde_json::to_string(text)
        .unwrap_or_default()
        .replace("</", "<\\/")
}
