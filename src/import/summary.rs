//! The summary an import prints: what was made, where the source's text went, and every
//! guess with its `path:line`, on one screen.

use super::model::{self, Guess, GuessKind, Ladder, Level};
use super::source::Loc;
use super::Options;
use std::fmt;
use std::path::PathBuf;

/// A track as the summary shows it.
#[derive(Debug, Clone)]
pub struct TrackSummary {
    /// Its id.
    pub id: String,
    /// Its level ids, most junior first.
    pub levels: Vec<String>,
    /// Its number of expectations.
    pub expectations: usize,
}

/// What an import did, printed for the person who ran it.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The path imported.
    pub source: String,
    /// The folder written.
    pub output: PathBuf,
    /// Kinds of input read.
    pub formats: Vec<&'static str>,
    /// Number of files read.
    pub files_read: usize,
    /// Files in the folder that were not read.
    pub skipped: Vec<String>,
    /// Tracks.
    pub tracks: Vec<TrackSummary>,
    /// Pillar ids, in order.
    pub pillars: Vec<String>,
    /// Number of expectations.
    pub expectations: usize,
    /// Level × pillar cells with expectations, and all cells of each track's pillars.
    pub cells: (usize, usize),
    /// Free pages: id and where each comes from.
    pub pages: Vec<(String, Loc)>,
    /// Where the source's text went, in list items and paragraphs: (items and paragraphs
    /// nested in expectations, notes beside expectations, level and track descriptions,
    /// pillar descriptions, free pages).
    pub placed: (usize, usize, usize, usize, usize),
    /// Paragraphs and list items that were only a pillar's name.
    pub pillar_names: usize,
    /// Paragraphs and list items of the pages' navigation, left out.
    pub navigation: usize,
    /// Every guess.
    pub guesses: Vec<Guess>,
    /// Number of files written.
    pub files_written: usize,
    /// The site's title, and whether it is the folder's (or the one file's) name: the
    /// source gave none.
    pub title: (String, bool),
    /// One file was imported, not a folder.
    pub single: bool,
    /// Site-absolute images the written ladder's pages show and does not have (see
    /// [`crate::check::images`]).
    pub missing_images: usize,
    /// Links now to the top of their page (see [`super::place::Written::unanchored`]).
    pub unanchored: Vec<(String, String)>,
}

pub(super) fn summarise(
    ladder: &Ladder,
    opts: &Options,
    written: &super::place::Written,
) -> Summary {
    let mut filled = 0;
    let mut total = 0;
    let mut expectations = 0;
    let tracks = ladder
        .tracks
        .iter()
        .map(|t| {
            let mut used: Vec<usize> = t
                .levels
                .iter()
                .flat_map(|l| l.cells.iter().map(|c| c.pillar))
                .collect();
            used.sort();
            used.dedup();
            total += used.len() * t.levels.len();
            let n: usize = t.levels.iter().map(Level::expectations).sum();
            filled += t
                .levels
                .iter()
                .map(|l| {
                    l.cells
                        .iter()
                        .filter(|c| c.blocks.iter().any(|b| b.item))
                        .count()
                })
                .sum::<usize>();
            expectations += n;
            TrackSummary {
                id: t.final_id.clone(),
                levels: t.levels.iter().map(|l| l.final_id.clone()).collect(),
                expectations: n,
            }
        })
        .collect();
    Summary {
        source: opts.path.display().to_string(),
        output: opts.output.clone(),
        formats: ladder.formats.clone(),
        files_read: ladder.docs.len(),
        skipped: ladder.skipped.clone(),
        tracks,
        pillars: ladder.pillars.iter().map(|p| p.final_id.clone()).collect(),
        expectations,
        cells: (filled, total),
        pages: ladder
            .pages
            .iter()
            .map(|p| (p.final_id.clone(), p.at.clone()))
            .collect(),
        placed: placed(ladder),
        pillar_names: ladder.pillar_names,
        navigation: ladder.navigation_items,
        guesses: ladder.guesses.clone(),
        files_written: written.files,
        missing_images: written.missing_images,
        unanchored: written.unanchored.clone(),
        title: (ladder.title.clone(), ladder.title_from_folder),
        single: ladder.single,
    }
}

/// List items (at any depth) and paragraphs outside list items in some Markdown: the units
/// a reader counts.
fn units(mds: &[model::Md]) -> usize {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut n = 0;
    for md in mds {
        let mut in_item = 0usize;
        for ev in Parser::new_ext(&md.text, crate::markdown::options()) {
            match ev {
                Event::Start(Tag::Item) => {
                    n += 1;
                    in_item += 1;
                }
                Event::End(TagEnd::Item) => in_item = in_item.saturating_sub(1),
                Event::Start(Tag::Paragraph) if in_item == 0 => n += 1,
                _ => {}
            }
        }
    }
    n
}

/// Where the text that is not an expectation went (see [`Summary::placed`]).
fn placed(ladder: &Ladder) -> (usize, usize, usize, usize, usize) {
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let mut described = Vec::new();
    for t in &ladder.tracks {
        described.extend(t.description.iter().cloned());
        for l in &t.levels {
            described.extend(l.description.iter().cloned());
            for c in &l.cells {
                notes.extend(c.blocks.iter().filter(|b| !b.item).map(|b| b.md.clone()));
                items.extend(c.blocks.iter().filter(|b| b.item).map(|b| b.md.clone()));
            }
        }
    }
    let pillars: Vec<model::Md> = ladder
        .pillars
        .iter()
        .flat_map(|p| p.description.iter().cloned())
        .collect();
    let pages: Vec<model::Md> = ladder
        .pages
        .iter()
        .flat_map(|p| p.body.iter().cloned())
        .collect();
    (
        units(&items).saturating_sub(items.len()),
        units(&notes),
        units(&described),
        units(&pillars),
        units(&pages),
    )
}

fn list(items: &[String], max_chars: usize) -> String {
    let mut s = String::new();
    for (i, it) in items.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        if s.len() + sep.len() + it.len() > max_chars {
            s.push_str(&format!("{sep}… (+{} more)", items.len() - i));
            break;
        }
        s.push_str(sep);
        s.push_str(it);
    }
    s
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, w: &str| {
            if n == 1 {
                format!("{n} {w}")
            } else {
                format!("{n} {w}s")
            }
        };
        writeln!(
            f,
            "Imported {} ({}, {}) into {}",
            self.source,
            plural(self.files_read, "file"),
            if self.formats.is_empty() {
                "Markdown".to_string()
            } else {
                self.formats.join(" + ")
            },
            self.output.display()
        )?;
        if self.title.1 {
            writeln!(
                f,
                "  title: {} (the {}'s name, as the source names no ladder: import again with --title, or change `title` in book.toml)",
                self.title.0,
                if self.single { "file" } else { "folder" }
            )?;
        }
        let levels: usize = self.tracks.iter().map(|t| t.levels.len()).sum();
        writeln!(
            f,
            "  {}, {}, {}, {} in {} of {} cells",
            plural(self.tracks.len(), "track"),
            plural(levels, "level"),
            plural(self.pillars.len(), "pillar"),
            plural(self.expectations, "expectation"),
            self.cells.0,
            self.cells.1
        )?;
        let (nested, notes, described, pillar_text, pages) = self.placed;
        let mut went = vec![format!(
            "{} on level pages",
            plural(self.expectations, "expectation")
        )];
        for (n, what) in [
            (nested, "nested in them"),
            (notes, "beside them as notes"),
            (described, "in level and track descriptions"),
            (pillar_text, "in pillar descriptions"),
            (pages, "on free pages"),
            (self.pillar_names, "naming pillars"),
            (self.navigation, "left out as the pages' navigation"),
        ] {
            if n > 0 {
                went.push(format!("{n} {what}"));
            }
        }
        writeln!(
            f,
            "  where the text went (list items and paragraphs): {}",
            went.join(", ")
        )?;
        let shown_tracks = 8;
        for t in self.tracks.iter().take(shown_tracks) {
            let lv = if t.levels.len() > 3 && t.levels.join(", ").len() > 70 {
                format!(
                    "{}, {}, … {}",
                    t.levels[0],
                    t.levels[1],
                    t.levels[t.levels.len() - 1]
                )
            } else {
                t.levels.join(", ")
            };
            writeln!(
                f,
                "  track {}: {} expectations; levels {}",
                t.id, t.expectations, lv
            )?;
        }
        if self.tracks.len() > shown_tracks {
            let rest: Vec<String> = self.tracks[shown_tracks..]
                .iter()
                .map(|t| t.id.clone())
                .collect();
            writeln!(f, "  … and {} more tracks: {}", rest.len(), list(&rest, 80))?;
        }
        if !self.pillars.is_empty() {
            writeln!(f, "  pillars: {}", list(&self.pillars, 110))?;
        }
        if !self.pages.is_empty() {
            let pages: Vec<String> = self
                .pages
                .iter()
                .map(|(id, at)| format!("{id} ({at})"))
                .collect();
            writeln!(f, "  free pages: {}", list(&pages, 100))?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "  not read: {}", list(&self.skipped, 100))?;
        }
        if !self.unanchored.is_empty() {
            let links: Vec<String> = self
                .unanchored
                .iter()
                .map(|(at, link)| format!("{at} (`{link}`)"))
                .collect();
            writeln!(
                f,
                "Links: {} to a heading that the page does not show as its own section now lead to the top of that page: {}",
                links.len(),
                list(&links, 100)
            )?;
        }
        if self.missing_images > 0 {
            writeln!(
                f,
                "Images: the pages show {} not in the ladder (the source's own folder had {}, or never did): `ladderbook check {}` names each, and where to put it",
                if self.missing_images == 1 { "1 image".to_string() } else { format!("{} images", self.missing_images) },
                if self.missing_images == 1 { "it" } else { "them" },
                self.output.display()
            )?;
        }
        if self.guesses.is_empty() {
            writeln!(f, "No guesses: the structure was unambiguous.")?;
        } else {
            writeln!(f, "Check these guesses ({}):", self.guesses.len())?;
            let mut kinds: Vec<GuessKind> = self.guesses.iter().map(|g| g.kind).collect();
            kinds.sort();
            kinds.dedup();
            for k in kinds {
                let of: Vec<&Guess> = self.guesses.iter().filter(|g| g.kind == k).collect();
                let show = if of.len() > 4 { 3 } else { of.len() };
                for g in &of[..show] {
                    writeln!(f, "  {}: {}", g.at, g.text)?;
                }
                if of.len() > show {
                    let rest: Vec<String> = of[show..].iter().map(|g| g.at.to_string()).collect();
                    writeln!(
                        f,
                        "  … {} more {}: {}",
                        of.len() - show,
                        k.plural(),
                        list(&rest, 90)
                    )?;
                }
            }
        }
        writeln!(
            f,
            "Wrote {} files. Next: ladderbook build {}",
            self.files_written,
            self.output.display()
        )
    }
}
