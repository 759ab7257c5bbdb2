//! What an import understood, before ids are given and files written: tracks, levels,
//! pillars, the expectations of each cell, free pages, and every guess made on the way.
//!
//! Text is kept as [`Md`]: Markdown copied from the source, with the file it came from, so
//! that links can be rewritten once every file's final path is known.

use super::ids::LevelNumber;
use super::source::{Loc, SourceDoc};
use std::collections::HashMap;

/// Markdown copied from a source file.
#[derive(Debug, Clone)]
pub struct Md {
    /// The Markdown.
    pub text: String,
    /// Index of the source file in [`Ladder::docs`] (relative links are resolved from it).
    pub doc: usize,
    /// 1-based line of the text's first line in the source file.
    pub line: usize,
}

/// One block of a competency's body: an expectation (a top-level list item) or a note.
#[derive(Debug, Clone)]
pub struct CellBlock {
    /// The Markdown; an expectation starts with `- `.
    pub md: Md,
    /// True for an expectation.
    pub item: bool,
    /// For an expectation: the next expectation follows on the next line (a tight list).
    pub tight: bool,
}

/// The expectations of one level in one pillar, with the pillar named by its title until
/// pillars are gathered.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The pillar's title as the source wrote it.
    pub pillar_title: String,
    /// Where the pillar is named.
    pub pillar_at: Loc,
    /// An id the source gives the pillar (YAML).
    pub pillar_id: Option<String>,
    /// A key that identifies the pillar instead of its title (pillars by position).
    pub pillar_key: Option<String>,
    /// The pillar's description, when the source gives one (YAML).
    pub pillar_description: Vec<Md>,
    /// Expectations and notes, in order.
    pub blocks: Vec<CellBlock>,
    /// Index into [`Ladder::pillars`], once gathered.
    pub pillar: usize,
}

/// A bullet whose pillar is decided once every file is read (`* **Adopts**: …`).
#[derive(Debug, Clone)]
pub struct Labeled {
    /// The bold label.
    pub label: String,
    /// 0-based position of the bullet in its level.
    pub position: usize,
    /// The bullet.
    pub block: CellBlock,
    /// The bullet without its label, for when the label is its pillar: the text after the
    /// label (`- Learns the codebase.` for `- **Focus:** Learns the codebase.`), or the
    /// items nested under a label with no text of its own; empty when neither is written.
    pub unlabelled: Vec<CellBlock>,
    /// Where it is.
    pub at: Loc,
}

/// One level.
#[derive(Debug, Clone)]
pub struct Level {
    /// Unique number of this level within the import (targets of links refer to it).
    pub uid: usize,
    /// Display title.
    pub title: String,
    /// The heading as written (title with any parenthesis of codes).
    pub full_title: String,
    /// Short code (`L3`).
    pub code: Option<String>,
    /// Codes of other levels named in the title (`M5` in `Staff Engineer (IC6 / M5)`).
    pub other_codes: Vec<String>,
    /// The number in the code or title.
    pub number: Option<LevelNumber>,
    /// A rank the source gives (`level: 3`).
    pub rank: Option<i64>,
    /// Its place among its folder's pages, as a site generator's front-matter gives it
    /// (Hugo's `weight`): orders a folder's levels only where their titles do not.
    pub weight: Option<i64>,
    /// An id the source gives (YAML ids, file stems).
    pub id: Option<String>,
    /// The track a level file's front-matter names (`track: management`).
    pub track: Option<String>,
    /// The level's description.
    pub description: Vec<Md>,
    /// Its cells, in source order.
    pub cells: Vec<Cell>,
    /// Bullets whose pillar is not known yet.
    pub pending: Vec<Labeled>,
    /// Where the level is defined.
    pub at: Loc,
    /// The heading as written when it names a promotion step (see
    /// [`super::ids::LevelTitle::step`]).
    pub step: Option<String>,
    /// The final id.
    pub final_id: String,
    /// The final rank.
    pub final_rank: i64,
    /// Final equivalents (level uids).
    pub equivalents: Vec<usize>,
}

impl Level {
    /// A level with only a title.
    pub fn new(uid: usize, title: String, at: Loc) -> Self {
        Level {
            uid,
            full_title: title.clone(),
            title,
            code: None,
            other_codes: Vec::new(),
            number: None,
            rank: None,
            weight: None,
            id: None,
            track: None,
            description: Vec::new(),
            cells: Vec::new(),
            pending: Vec::new(),
            at,
            step: None,
            final_id: String::new(),
            final_rank: 0,
            equivalents: Vec::new(),
        }
    }

    /// A level titled by `heading`, read as import reads a level's title: its code, the
    /// codes of equivalents in a parenthesis, its number (see [`super::ids::parse_level_title`]).
    pub fn titled(uid: usize, heading: &str, at: Loc) -> Self {
        let t = super::ids::parse_level_title(heading);
        let title = if t.title.is_empty() {
            heading.to_string()
        } else {
            t.title
        };
        let mut level = Level::new(uid, title, at);
        level.full_title = t.full;
        level.code = t.code;
        level.other_codes = t.other_codes;
        level.number = t.number;
        level.step = t.step;
        level
    }

    /// Number of expectations.
    pub fn expectations(&self) -> usize {
        self.cells
            .iter()
            .map(|c| c.blocks.iter().filter(|b| b.item).count())
            .sum()
    }
}

/// One track.
#[derive(Debug, Clone)]
pub struct Track {
    /// Unique number of this track within the import.
    pub uid: usize,
    /// Display title.
    pub title: String,
    /// An id the source gives.
    pub id: Option<String>,
    /// The track's description.
    pub description: Vec<Md>,
    /// Levels, most junior first.
    pub levels: Vec<Level>,
    /// Where the track is defined.
    pub at: Loc,
    /// The final id.
    pub final_id: String,
}

/// One pillar.
#[derive(Debug, Clone)]
pub struct Pillar {
    /// Display title.
    pub title: String,
    /// What identifies it ([`super::ids::title_key`] of the title, or a given key).
    pub key: String,
    /// The leading emoji of its title, which may identify it when titles drift.
    pub emoji: Option<String>,
    /// An id the source gives.
    pub id: Option<String>,
    /// Its description.
    pub description: Vec<Md>,
    /// Where it is first named.
    pub at: Loc,
    /// The final id.
    pub final_id: String,
}

/// One free page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Unique number of this page within the import.
    pub uid: usize,
    /// Display title.
    pub title: String,
    /// The page.
    pub body: Vec<Md>,
    /// Where it starts.
    pub at: Loc,
    /// The title of the section it sits in, or else of its file: it tells apart pages of the
    /// same title.
    pub doc_title: String,
    /// The final id (its path under content/ without `.md`).
    pub final_id: String,
}

/// A file of the output a link can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileRef {
    /// A track, by uid.
    Track(usize),
    /// A level, by uid.
    Level(usize),
    /// A free page, by uid.
    Page(usize),
}

/// The anchor part of a link target.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The top of the page.
    None,
    /// A heading kept in the text, by its slug.
    Slug(String),
    /// A level's pillar section: the index of the cell in the level.
    Cell(usize),
}

/// Where a source heading or file ended up.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// The file.
    pub file: FileRef,
    /// The place on it.
    pub anchor: Anchor,
}

/// What kind of guess, so that the summary can group guesses of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GuessKind {
    /// How the structure was read.
    Structure,
    /// A section kept as a free page.
    Page,
    /// A section kept in a level's description.
    Description,
    /// A pillar named or merged by guess.
    Pillar,
    /// A code or equivalent read from a title.
    Code,
    /// Ranks and order.
    Rank,
    /// A link that had to change.
    Link,
    /// A repair of the source (YAML tabs).
    Repair,
    /// Source data with no place in the contract.
    Dropped,
}

impl GuessKind {
    /// How to name several guesses of this kind in one line.
    pub fn plural(self) -> &'static str {
        match self {
            GuessKind::Structure => "structure guesses",
            GuessKind::Page => "sections that are neither levels nor pillars",
            GuessKind::Description => "sections kept in level descriptions",
            GuessKind::Pillar => "pillar guesses",
            GuessKind::Code => "code and equivalent guesses",
            GuessKind::Rank => "rank guesses",
            GuessKind::Link => "links changed",
            GuessKind::Repair => "repairs",
            GuessKind::Dropped => "source fields not imported",
        }
    }
}

/// Something import decided that a person should check.
#[derive(Debug, Clone)]
pub struct Guess {
    /// Its kind.
    pub kind: GuessKind,
    /// Where in the source.
    pub at: Loc,
    /// What was decided.
    pub text: String,
}

/// A table of the source kept as a table, whose rows may name levels.
#[derive(Debug, Clone, Default)]
pub struct LevelTable {
    /// Each row, the header first: where it is, and its cells' text (a link's text for a
    /// link, emphasis dropped).
    pub rows: Vec<(Loc, Vec<String>)>,
    /// The title of the nearest heading above the table, if any.
    pub heading: Option<String>,
}

/// Everything an import read.
#[derive(Debug, Default)]
pub struct Ladder {
    /// Whether one file was imported rather than a folder.
    pub single: bool,
    /// The name of every file in the imported folder, lowercased (`junior.md`): what an index
    /// page's links may name, before those files are read.
    pub file_names: std::collections::HashSet<String>,
    /// The book's title.
    pub title: String,
    /// Whether the title is the imported folder's name, for want of one in the source.
    pub title_from_folder: bool,
    /// The tracks (by uid) whose levels the summary already says were put in order by
    /// something other than the order they were read in (their titles, a README's list).
    pub ordered_tracks: std::collections::HashSet<usize>,
    /// In a folder's import, by title key, the Markdown files but READMEs (by path, as `rel`)
    /// with an ATX heading of that title, and its depth: read before any file is, so that a level can
    /// see how the files after it write their pillars.
    pub heading_depths: HashMap<String, Vec<(String, u8)>>,
    /// The book's description (one line).
    pub description: Option<String>,
    /// Tracks in order.
    pub tracks: Vec<Track>,
    /// Pillars in order (filled when cells are gathered).
    pub pillars: Vec<Pillar>,
    /// Free pages.
    pub pages: Vec<Page>,
    /// Every source file read.
    pub docs: Vec<SourceDoc>,
    /// Where each source file ended up (for links to it).
    pub doc_targets: HashMap<usize, Target>,
    /// Where each heading ended up: (file, GitHub-style slug) → target.
    pub heading_targets: HashMap<(usize, String), Target>,
    /// Pairs of equivalent levels (uids) the source declares.
    pub equivalents: Vec<(usize, usize)>,
    /// The tables of the source kept as tables, which may list the levels (see
    /// `level_index`).
    pub level_tables: Vec<LevelTable>,
    /// Pillars' descriptions that a sheet gave in columns of their own, by the pillar's
    /// title as written, for `finish` to add once the pillars are gathered.
    pub pillar_texts: Vec<(String, Md)>,
    /// Guesses.
    pub guesses: Vec<Guess>,
    /// What kinds of input were read (`one-document Markdown`, `YAML`, …).
    pub formats: Vec<&'static str>,
    /// Files in an imported folder that were not read, with why.
    pub skipped: Vec<String>,
    /// Files read by their front-matter `topics` whose Markdown body holds lists under
    /// headings as well (a second ladder, which `--format markdown` reads instead).
    pub topic_bodies: Vec<Loc>,
    /// Pillar (index into `pillars`) of each (level uid, cell index as read), for links to a
    /// pillar's section: cells of one pillar are merged after reading, which moves indices.
    pub cell_pillars: HashMap<(usize, usize), usize>,
    /// Label → (pillar title, where) from lists that define bold labels (`1. **Adopts**: …`
    /// under `## Technology`), for bullets that name no pillar.
    pub glossary: Vec<(String, String, Loc)>,
    /// Source paragraphs and list items that were only a pillar's name (`**Craft:**`,
    /// `1. **Craft**` over its expectations), for the summary's account of the text.
    pub pillar_names: usize,
    /// Source list items and paragraphs of the pages' own navigation (links to the ladder's
    /// other pages), which the site makes anew, for the summary's account of the text.
    pub navigation_items: usize,
    next_uid: usize,
}

impl Ladder {
    /// Points every link target that named file `old` at `new` instead (a page that turned
    /// out to be a level's or a track's description).
    pub fn retarget(&mut self, old: FileRef, new: FileRef) {
        for t in self
            .heading_targets
            .values_mut()
            .chain(self.doc_targets.values_mut())
        {
            if t.file == old {
                t.file = new;
            }
        }
    }

    /// A fresh unique number for a track, level or page.
    pub fn uid(&mut self) -> usize {
        self.next_uid += 1;
        self.next_uid
    }

    /// Records a guess.
    pub fn guess(&mut self, kind: GuessKind, at: Loc, text: impl Into<String>) {
        self.guesses.push(Guess {
            kind,
            at,
            text: text.into(),
        });
    }

    /// Records a guess to be shown before the others of its kind (the summary shows only the
    /// first few of each kind).
    pub fn guess_first(&mut self, kind: GuessKind, at: Loc, text: impl Into<String>) {
        self.guesses.insert(
            0,
            Guess {
                kind,
                at,
                text: text.into(),
            },
        );
    }

    /// Records an input kind once.
    pub fn format(&mut self, f: &'static str) {
        if !self.formats.contains(&f) {
            self.formats.push(f);
        }
    }

    /// The level with `uid`, and its track's index.
    pub fn level(&self, uid: usize) -> Option<(usize, &Level)> {
        self.tracks
            .iter()
            .enumerate()
            .find_map(|(t, tr)| tr.levels.iter().find(|l| l.uid == uid).map(|l| (t, l)))
    }
}
