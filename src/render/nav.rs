//! The site-wide navigation every page carries: the menu's tracks and free pages, and when
//! they fold so that the menu keeps to one row.

use crate::permalink;
use serde::Serialize;

/// The site-wide navigation, with root-relative paths (templates prefix `root`).
#[derive(Debug, Serialize)]
pub struct Nav {
    /// Tracks, in order.
    pub tracks: Vec<NavEntry>,
    /// Pillars, in order.
    pub pillars: Vec<NavEntry>,
    /// Free pages, by weight.
    pub pages: Vec<NavEntry>,
    /// The free pages the site menu lists: the first [`MENU_PAGES_MAX`] by weight, or none
    /// where their titles are long (see [`menu_pages`]). The menu is on every page, so
    /// listing thousands of free pages on each would make the site grow with the square of
    /// their number; the rest are listed on the overview.
    pub menu_pages: Vec<NavEntry>,
    /// The paths of `menu_pages`: a free page not among them is under "All N guides".
    pub menu_paths: Vec<String>,
    /// How many free pages the menu leaves to the overview.
    pub more_pages: usize,
    /// Whether the menu folds its tracks into one "Tracks" entry that opens a list of them:
    /// a ladder of more than [`MENU_TRACKS_MAX`] tracks, or of titles longer together than
    /// [`MENU_TRACK_TITLES_MAX`], would fill the top of every page with rows of their names,
    /// "Compare levels" somewhere among them.
    pub fold_tracks: bool,
    /// Whether level pages carry the full two-level picker. Ladders with more than
    /// [`INLINE_PICKER_MAX_LEVELS`] levels get a link to `/compare/` instead, which keeps
    /// every level page small.
    pub inline_picker: bool,
}

/// The most free pages the site menu lists (see [`Nav::menu_pages`]).
pub const MENU_PAGES_MAX: usize = 8;

/// How many of `pages` (by weight) the site menu lists: the first [`MENU_PAGES_MAX`], unless
/// their titles together pass [`MENU_TRACK_TITLES_MAX`] characters, which would take rows of
/// the menu on every page (the overview lists them all, and the menu links there).
fn menu_pages(pages: &[crate::ladder::FreePage]) -> usize {
    let listed = pages.len().min(MENU_PAGES_MAX);
    let long: usize = pages[..listed]
        .iter()
        .map(|p| p.title.chars().count())
        .sum();
    if long > MENU_TRACK_TITLES_MAX {
        0
    } else {
        listed
    }
}

/// How wide one row of the site menu is at 1,280 px, in characters of its entries' titles,
/// two more for the space after each (measured: eight entries of 113 characters fill nine
/// tenths of a row).
pub const MENU_ROW: usize = 140;

/// How many free pages the site menu lists, and whether it folds the tracks: each folds on
/// its own past its limits ([`menu_pages`], [`MENU_TRACKS_MAX`], [`MENU_TRACK_TITLES_MAX`]);
/// and where the tracks and the pages together would still take a second row beside
/// Overview and Compare levels, the pages give way to "All N guides" first, then the tracks
/// to "Tracks (N)": the menu is one row on every page.
fn menu_layout(ladder: &crate::ladder::Ladder) -> (usize, bool) {
    let entry = |title: &str| title.chars().count() + 2;
    let mut listed = menu_pages(&ladder.pages);
    let mut fold = ladder.tracks.len() > MENU_TRACKS_MAX
        || ladder
            .tracks
            .iter()
            .map(|t| t.title.chars().count())
            .sum::<usize>()
            > MENU_TRACK_TITLES_MAX;
    let width = |listed: usize, fold: bool| {
        let tracks = if fold {
            entry("Tracks (00)")
        } else {
            ladder.tracks.iter().map(|t| entry(&t.title)).sum()
        };
        let pages: usize = ladder.pages[..listed].iter().map(|p| entry(&p.title)).sum();
        let more = if listed < ladder.pages.len() {
            entry("All 00 guides")
        } else {
            0
        };
        entry("Overview") + tracks + entry("Compare levels") + pages + more
    };
    if listed > 0 && width(listed, fold) > MENU_ROW {
        listed = 0;
    }
    if !fold && width(listed, fold) > MENU_ROW {
        fold = true;
    }
    (listed, fold)
}

/// The most tracks the site menu lists side by side (see [`Nav::fold_tracks`]).
pub const MENU_TRACKS_MAX: usize = 6;

/// The most characters the titles of the tracks (or of the free pages) the site menu lists
/// side by side may have together: at 1,280 px, about two rows of the menu (see
/// [`Nav::fold_tracks`]).
pub const MENU_TRACK_TITLES_MAX: usize = 120;

/// The most levels for which every level page lists every level in its picker.
pub const INLINE_PICKER_MAX_LEVELS: usize = 60;

/// One navigation link.
#[derive(Debug, Serialize)]
pub struct NavEntry {
    /// Display title.
    pub title: String,
    /// Root-relative path (`tracks/ic/`).
    pub path: String,
    /// For a track: its levels, most junior first (for the comparison picker).
    pub levels: Vec<NavLevel>,
}

/// A level in the navigation (the comparison picker's options).
#[derive(Debug, Serialize)]
pub struct NavLevel {
    /// Level id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The title, with the track's when another level has the same title: a closed list
    /// shows only its option, not the option's track.
    pub name: String,
    /// Short code.
    pub code: Option<String>,
}

impl Nav {
    /// The navigation of `ladder`.
    pub fn of(ladder: &crate::ladder::Ladder) -> Nav {
        let page = |p: &crate::ladder::FreePage| NavEntry {
            title: p.title.clone(),
            path: p.path.clone(),
            levels: Vec::new(),
        };
        let names = crate::site::level_names(ladder);
        let (listed, fold_tracks) = menu_layout(ladder);
        Nav {
            tracks: ladder
                .tracks
                .iter()
                .map(|t| NavEntry {
                    title: t.title.clone(),
                    path: permalink::track(&t.id),
                    levels: t
                        .levels
                        .iter()
                        .map(|&i| NavLevel {
                            id: ladder.levels[i].id.clone(),
                            title: ladder.levels[i].title.clone(),
                            name: names[i].clone(),
                            code: ladder.levels[i].code.clone(),
                        })
                        .collect(),
                })
                .collect(),
            pillars: ladder
                .pillars
                .iter()
                .map(|p| NavEntry {
                    title: p.title.clone(),
                    path: permalink::pillar(&p.id),
                    levels: Vec::new(),
                })
                .collect(),
            pages: ladder.pages.iter().map(page).collect(),
            menu_pages: ladder.pages[..listed].iter().map(page).collect(),
            menu_paths: ladder.pages[..listed]
                .iter()
                .map(|p| p.path.clone())
                .collect(),
            more_pages: ladder.pages.len() - listed,
            fold_tracks,
            inline_picker: ladder.levels.len() <= INLINE_PICKER_MAX_LEVELS,
        }
    }
}
