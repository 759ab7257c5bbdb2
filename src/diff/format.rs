//! The words of a change, and the three outputs of `ladderbook diff`: text for a terminal,
//! Markdown for an announcement, JSON for tools. The site's `/changes/` page says each
//! change in the same words ([`describe`]).

use super::{Change, Item, Kind};
use crate::compare::{diff_words, Word};
use serde::Serialize;

/// One piece of the sentence that tells a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'c> {
    /// What happened, as a label: `Added`, `Title changed`, `Moved from Senior Engineer, Craft`.
    Label(String),
    /// A text as it is (an expectation, a title).
    Text(&'c str),
    /// A text that was removed.
    Gone(&'c str),
    /// A text reworded: the word diff of old and new (the comparison pages' own).
    Diff(&'c str, &'c str),
    /// `old → new` for short values (ids, ranks, codes).
    Arrow(&'c str, &'c str),
}

/// The change as a label and its text, in the words every output uses.
pub fn describe(c: &Change) -> Vec<Piece<'_>> {
    let old = c.old.as_deref().unwrap_or("");
    let new = c.new.as_deref().unwrap_or("");
    let item = match c.item {
        Item::Track => "track",
        Item::Pillar => "pillar",
        Item::Level => "level",
        Item::Expectation | Item::Competency => "",
    };
    let label = |verb: &str| -> Piece<'_> {
        Piece::Label(if item.is_empty() {
            verb.to_string()
        } else {
            format!("{verb} {item}")
        })
    };
    // A cell's text around its expectations, by its part (`Notes added`).
    let part = match c.field {
        Some("lead") => "Introduction",
        Some("notes") => "Notes",
        _ => "Footnotes",
    };
    match (c.kind, c.field) {
        (Kind::Added, _) if c.item == Item::Competency => {
            vec![Piece::Label(format!("{part} added")), Piece::Text(new)]
        }
        (Kind::Removed, _) if c.item == Item::Competency => {
            vec![Piece::Label(format!("{part} removed")), Piece::Gone(old)]
        }
        (Kind::Added, _) => vec![label("Added"), Piece::Text(new)],
        (Kind::Removed, _) => vec![label("Removed"), Piece::Gone(old)],
        (Kind::Renamed, _) => vec![label("Renamed"), Piece::Arrow(old, new)],
        (Kind::Moved, _) => {
            let from = c.from.as_ref().map_or("", |f| f.name.as_str());
            let text = if old == new {
                Piece::Text(new)
            } else {
                Piece::Diff(old, new)
            };
            vec![Piece::Label(format!("Moved from {from}")), text]
        }
        (Kind::Changed, Some(field @ ("description" | "summary" | "title"))) => {
            vec![
                Piece::Label(crate::ids::capitalised(field) + " changed"),
                Piece::Diff(old, new),
            ]
        }
        (Kind::Changed, Some("lead" | "notes" | "footnotes")) => {
            vec![
                Piece::Label(format!("{part} changed")),
                Piece::Diff(old, new),
            ]
        }
        (Kind::Changed, Some(field)) => {
            vec![
                Piece::Label(crate::ids::capitalised(field) + " changed"),
                Piece::Arrow(or_none(old), or_none(new)),
            ]
        }
        (Kind::Changed, None) => vec![Piece::Label("Changed".into()), Piece::Diff(old, new)],
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "(none)"
    } else {
        s
    }
}

/// The heading a change is listed under: `None` for tracks and pillars (listed first, under
/// "Tracks" and "Pillars"), else the level, then the pillar within it.
fn group(c: &Change) -> (String, Option<String>) {
    match c.item {
        Item::Track => ("Tracks".into(), None),
        Item::Pillar => ("Pillars".into(), None),
        Item::Level | Item::Expectation | Item::Competency => {
            let level = format!(
                "{} ({})",
                c.level_title.as_deref().unwrap_or(""),
                c.level.as_deref().unwrap_or("")
            );
            (
                level,
                (c.item != Item::Level).then(|| c.pillar_title.clone().unwrap_or_default()),
            )
        }
    }
}

/// What the two versions are called in the output (`v1`, `v2`, `working tree`, a folder).
#[derive(Debug, Clone, Serialize)]
pub struct Versions {
    /// The old version.
    pub old: String,
    /// The new version.
    pub new: String,
}

/// The one-line summary above the changes: `3 changes from v1 to v2` / `No changes ...`.
fn headline(changes: &[Change], v: &Versions) -> String {
    match changes.len() {
        0 => format!("No changes from {} to {}.", v.old, v.new),
        1 => format!("1 change from {} to {}:", v.old, v.new),
        n => format!("{n} changes from {} to {}:", v.old, v.new),
    }
}

/// Plain text for a terminal. With `color`, removed words are red and added ones green (ANSI
/// escapes); without, they are marked `[-removed-]` and `{+added+}` as `git diff
/// --word-diff` does.
pub fn text(title: &str, changes: &[Change], v: &Versions, color: bool) -> String {
    let mut out = format!("{title}: {}\n", headline(changes, v));
    let mut last: Option<(String, Option<String>)> = None;
    for c in changes {
        let (level, pillar) = group(c);
        if last.as_ref().map(|l| &l.0) != Some(&level) {
            out.push('\n');
            out.push_str(&bold(&level, color));
            out.push('\n');
            last = Some((level.clone(), None));
        }
        let indent = if let Some(p) = &pillar {
            if last.as_ref().and_then(|l| l.1.as_ref()) != Some(p) {
                out.push_str(&format!("  {p}\n"));
            }
            "    "
        } else {
            "  "
        };
        last = Some((level, pillar));
        out.push_str(indent);
        for piece in describe(c) {
            match piece {
                Piece::Label(l) => out.push_str(&format!("{l}: ")),
                Piece::Text(t) => out.push_str(t),
                // The label says it is gone; colour says it too where there is colour.
                Piece::Gone(t) if color => out.push_str(&paint(t, false, color)),
                Piece::Gone(t) => out.push_str(t),
                Piece::Arrow(a, b) => out.push_str(&format!("{a} → {b}")),
                Piece::Diff(a, b) => out.push_str(&text_diff(a, b, color)),
            }
        }
        out.push('\n');
    }
    out
}

fn bold(s: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// Words only in the old text (`added = false`) or only in the new one.
fn paint(s: &str, added: bool, color: bool) -> String {
    match (color, added) {
        (true, false) => format!("\x1b[31m{s}\x1b[0m"),
        (true, true) => format!("\x1b[32m{s}\x1b[0m"),
        (false, false) => format!("[-{s}-]"),
        (false, true) => format!("{{+{s}+}}"),
    }
}

/// A word diff on one line: runs of dropped and added words marked by [`paint`].
fn text_diff(old: &str, new: &str, color: bool) -> String {
    runs(old, new, |s, side| match side {
        None => s.to_string(),
        Some(added) => paint(s, added, color),
    })
}

/// The word diff of `old` and `new` as runs of kept, dropped (`Some(false)`) and added
/// (`Some(true)`) words, each run written by `mark`, separated by spaces.
pub(crate) fn runs(old: &str, new: &str, mark: impl Fn(&str, Option<bool>) -> String) -> String {
    let mut parts: Vec<(Option<bool>, String)> = Vec::new();
    for w in diff_words(old, new) {
        let (side, word) = match w {
            Word::Kept(_, n) => (None, n),
            Word::Dropped(o) => (Some(false), o),
            Word::Added(n) => (Some(true), n),
        };
        match parts.last_mut() {
            Some((s, text)) if *s == side => {
                text.push(' ');
                text.push_str(word);
            }
            _ => parts.push((side, word.to_string())),
        }
    }
    parts
        .iter()
        .map(|(side, text)| mark(text, *side))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Markdown for an announcement: a heading per level and per pillar, a list item per
/// change; removed words struck through (`~~`), added words in bold.
pub fn markdown(title: &str, changes: &[Change], v: &Versions) -> String {
    let mut out = format!("# {}\n\n{}\n", escape(title), escape(&headline(changes, v)));
    let mut last: Option<(String, Option<String>)> = None;
    for c in changes {
        let (level, pillar) = group(c);
        if last.as_ref().map(|l| &l.0) != Some(&level) {
            out.push_str(&format!("\n## {}\n\n", escape(&level)));
            last = Some((level.clone(), None));
        }
        if let Some(p) = &pillar {
            if last.as_ref().and_then(|l| l.1.as_ref()) != Some(p) {
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(&format!("### {}\n\n", escape(p)));
            }
        }
        last = Some((level, pillar));
        out.push_str("- ");
        for piece in describe(c) {
            match piece {
                Piece::Label(l) => out.push_str(&format!("**{}:** ", escape(&l))),
                Piece::Text(t) => out.push_str(&escape(t)),
                Piece::Gone(t) => out.push_str(&format!("~~{}~~", escape(t))),
                Piece::Arrow(a, b) => {
                    out.push_str(&format!("{} → {}", escape(a), escape(b)));
                }
                Piece::Diff(a, b) => out.push_str(&runs(a, b, |s, side| match side {
                    None => escape(s),
                    Some(false) => format!("~~{}~~", escape(s)),
                    Some(true) => format!("**{}**", escape(s)),
                })),
            }
        }
        out.push('\n');
    }
    out
}

/// `text` with Markdown's punctuation escaped, so an expectation reads as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The JSON document of `ladderbook diff --format json`.
#[derive(Debug, Serialize)]
pub struct Json<'a> {
    /// The ladder's title (the new version's).
    pub title: &'a str,
    /// The two versions compared.
    pub old: &'a str,
    /// See `old`.
    pub new: &'a str,
    /// Every change, in reading order (see [`super::changes`]).
    pub changes: &'a [Change],
}

/// Pretty-printed JSON (see [`Json`]).
pub fn json(title: &str, changes: &[Change], v: &Versions) -> String {
    serde_json::to_string_pretty(&Json {
        title,
        old: &v.old,
        new: &v.new,
        changes,
    })
    .unwrap_or_default()
}
