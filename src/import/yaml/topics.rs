//! Markdown whose YAML front-matter lists `topics`, each with per-level `criteria` and
//! `exampleCriteria` (Monzo's shape).

use super::*;
use crate::diagnostic::Diagnostic;
use crate::import::ids::{self, LevelNumber};
use crate::import::markdown::Outcome;
use crate::import::model::{
    Anchor, Cell, CellBlock, FileRef, GuessKind, Ladder, Level, Md, Target, Track,
};
use crate::import::outline::para_item;

/// Reads a Markdown file whose YAML front-matter lists `topics`. `body` is the Markdown after
/// the front-matter (the track's description), starting at byte `body_offset`.
///
/// # Errors
/// A topic content entry without a level number.
pub fn topics(
    ladder: &mut Ladder,
    index: usize,
    y: &Y,
    body_offset: usize,
) -> Result<Outcome, Diagnostic> {
    let doc = ladder.docs[index].clone();
    let title = y
        .get("title")
        .and_then(Y::text)
        .map(|t| ids::clean_title(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| doc.stem().to_string());
    report_dropped(
        ladder,
        &doc,
        y,
        &["title", "topics", "levels"],
        "front-matter keys for the source's own site were not imported",
    );
    let topics = y.get("topics").map_or(&[][..], Y::items);
    // Levels named in each topic (`levels: [{title, summary, criteria}]`, UNiDAYS' shape),
    // or numbered content entries (`content: [{level: 2, criteria}]`, Monzo's).
    let named = level_titles(topics);
    let numbers = if named.is_empty() {
        level_numbers(ladder, &doc, y, topics)?
    } else {
        (1..=named.len() as i64).collect()
    };
    let uid = ladder.uid();
    let mut track = Track {
        uid,
        title: title.clone(),
        id: None,
        description: Vec::new(),
        levels: Vec::new(),
        at: doc.loc_line(1),
        final_id: String::new(),
    };
    let body = doc.text[body_offset.min(doc.text.len())..].trim();
    if !body.is_empty() {
        let start = body_offset
            + doc.text[body_offset..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(0);
        track.description.push(Md {
            text: body.to_string(),
            doc: index,
            line: doc.line(start),
        });
    }
    for (i, &n) in numbers.iter().enumerate() {
        let luid = ladder.uid();
        let title = named
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("Level {n}"));
        let mut level = Level::new(luid, title, doc.loc_line(1));
        level.rank = Some(n);
        level.number = u64::try_from(n)
            .ok()
            .map(|major| LevelNumber { major, minor: None });
        track.levels.push(level);
    }
    let mut untitled: Vec<(String, usize)> = Vec::new();
    // Keys of topics and of their entries that nothing reads, each with its first line.
    let mut unread: Vec<(String, usize)> = Vec::new();
    let mut note_unread = |y: &Y, known: &[&str], what: &str| {
        for k in y.keys() {
            let key = format!("{what} `{k}`");
            if !known.contains(&k) && !unread.iter().any(|(u, _)| *u == key) {
                unread.push((key, y.get(k).map_or(y.line(), Y::line)));
            }
        }
    };
    for t in topics {
        note_unread(
            t,
            &[
                "title",
                "name",
                "levels",
                "content",
                "id",
                "description",
                "definition",
            ],
            "topic",
        );
        let (ptitle, pid) = topic_pillar(t, &mut untitled);
        // What the topic covers (`definition: Reads the sky …`, or a list of its parts).
        let about = t.get("description").or_else(|| t.get("definition"));
        let about_text = match about {
            Some(Y::Seq(..)) => {
                let items: Vec<String> = strings(about).iter().map(|s| para_item(s)).collect();
                items.join("\n")
            }
            Some(y) => y.text().unwrap_or_default().trim().to_string(),
            None => String::new(),
        };
        let pillar_description: Vec<Md> = (!about_text.is_empty())
            .then(|| Md {
                text: about_text,
                doc: index,
                line: about.map_or(t.line(), Y::line),
            })
            .into_iter()
            .collect();
        let entries = if named.is_empty() {
            t.get("content")
        } else {
            t.get("levels")
        };
        for c in entries.map_or(&[][..], Y::items) {
            note_unread(
                c,
                &["title", "level", "criteria", "exampleCriteria", "summary"],
                "level entry",
            );
            let n = if named.is_empty() {
                match c.get("level") {
                    Some(Y::Int(n, _)) => *n,
                    Some(other) => other
                        .text()
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(0),
                    None => 0,
                }
            } else {
                let title = c.get("title").and_then(Y::text).unwrap_or_default();
                named
                    .iter()
                    .position(|n| *n == ids::clean_title(&title))
                    .map_or(0, |i| i as i64 + 1)
            };
            let Some(level) = track.levels.iter_mut().find(|l| l.rank == Some(n)) else {
                continue;
            };
            if level.at.line == 1 {
                level.at = doc.loc_line(c.line());
            }
            let mut blocks = content_blocks(c, index);
            // A named level's `summary` within a topic says what the cell is about.
            if let Some(summary) = c
                .get("summary")
                .and_then(Y::text)
                .filter(|s| !s.trim().is_empty())
            {
                if !blocks.is_empty() {
                    blocks.insert(
                        0,
                        CellBlock {
                            md: Md {
                                text: summary.trim().to_string(),
                                doc: index,
                                line: c.line(),
                            },
                            item: false,
                            tight: false,
                        },
                    );
                }
            }
            if blocks.is_empty() {
                continue;
            }
            match level.cells.iter_mut().find(|x| x.pillar_title == ptitle) {
                Some(cell) => {
                    if let Some(last) = cell.blocks.iter_mut().rev().find(|b| b.item) {
                        last.tight = blocks.first().is_some_and(|b| b.tight);
                    }
                    cell.blocks.extend(blocks);
                }
                None => level.cells.push(Cell {
                    pillar_title: ptitle.clone(),
                    pillar_at: doc.loc_line(t.line()),
                    pillar_id: pid.clone(),
                    pillar_key: None,
                    pillar_description: pillar_description.clone(),
                    blocks,
                    pillar: 0,
                }),
            }
        }
    }
    report_untitled(ladder, &doc, &untitled);
    if let Some(&(_, line)) = unread.first() {
        let keys: Vec<&str> = unread.iter().map(|(k, _)| k.as_str()).collect();
        ladder.guess(
            GuessKind::Dropped,
            doc.loc_line(line),
            format!(
                "keys with no place in a ladder were not imported: {}",
                keys.join(", ")
            ),
        );
    }
    // Gaps are fine; say where a topic starts above level 1.
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Track(track.uid),
            anchor: Anchor::None,
        },
    );
    ladder.format(if doc.rel.to_ascii_lowercase().ends_with(".json") {
        "JSON"
    } else if doc.rel.to_ascii_lowercase().ends_with(".md") {
        "Markdown with YAML front-matter"
    } else {
        "YAML"
    });
    Ok(Outcome::Ladder {
        tracks: vec![track],
        pages: Vec::new(),
        title,
    })
}

/// The titles of the levels each topic names (`levels: [{title: …}]`), in the order first
/// met; empty when the topics number their content entries instead.
fn level_titles(topics: &[Y]) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    for t in topics {
        for l in t.get("levels").map_or(&[][..], Y::items) {
            let Some(title) = l.get("title").and_then(Y::text) else {
                continue;
            };
            let title = ids::clean_title(&title);
            if !title.is_empty() && !titles.contains(&title) {
                titles.push(title);
            }
        }
    }
    titles
}

/// Every level number any topic uses, in order; says so when `levels: N` disagrees. Read
/// first because the levels exist before any topic fills them.
fn level_numbers(
    ladder: &mut Ladder,
    doc: &SourceDoc,
    y: &Y,
    topics: &[Y],
) -> Result<Vec<i64>, Diagnostic> {
    let mut numbers: Vec<i64> = Vec::new();
    for t in topics {
        for c in t.get("content").map_or(&[][..], Y::items) {
            let Some(n) = level_of(c) else {
                return Err(err(
                    doc,
                    c.line(),
                    "this topic content has no `level` number".into(),
                    "give each entry under `content` a `level: N`",
                ));
            };
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
    }
    // A level that every topic leaves blank beyond those `levels: N` declares (`- level: 3`
    // / `criteria: [""]`, a template's placeholder beyond `levels: 2`), or beyond the last
    // level any topic fills, is none; a blank level among them is kept, to be written.
    let declared = y.get("levels").and_then(|l| match l {
        Y::Int(n, _) => Some(*n),
        _ => None,
    });
    let filled = |n: i64| {
        topics.iter().any(|t| {
            t.get("content").map_or(&[][..], Y::items).iter().any(|c| {
                level_of(c) == Some(n)
                    && matches!(c, Y::Map(fields, _) if fields.iter().any(|(k, v)| k != "level" && v.has_text()))
            })
        })
    };
    let last_filled = numbers.iter().copied().filter(|&n| filled(n)).max();
    if let Some(last) = declared.max(last_filled) {
        numbers.retain(|&n| n <= last || filled(n));
    }
    numbers.sort();
    if let Some(declared) = declared {
        let expected: Vec<i64> = (1..=declared).collect();
        if numbers != expected {
            ladder.guess(
                GuessKind::Rank,
                doc.loc_line(y.get("levels").map_or(1, Y::line)),
                format!("`levels: {declared}` does not match the topics, which use levels {}: imported those", numbers.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")),
            );
        }
    }
    Ok(numbers)
}

/// The `level` number of a topic's content entry.
fn level_of(c: &Y) -> Option<i64> {
    match c.get("level") {
        Some(Y::Int(n, _)) => Some(*n),
        Some(other) => other.text().and_then(|s| s.trim().parse().ok()),
        None => None,
    }
}

/// A topic's pillar title and id: its `title`, else its capitalised `name` (remembered in
/// `untitled` for the summary), with an id from the name.
fn topic_pillar(t: &Y, untitled: &mut Vec<(String, usize)>) -> (String, Option<String>) {
    let name = t.get("name").and_then(Y::text).unwrap_or_default();
    let given = t
        .get("title")
        .and_then(Y::text)
        .filter(|s| !s.trim().is_empty());
    let ptitle = match &given {
        Some(g) => g.trim().to_string(),
        None => {
            untitled.push((name.clone(), t.line()));
            super::super::titles::capitalised(name.trim())
        }
    };
    // Pillars are told apart by title (so that `communication` here and `💬 Communication`
    // in another file are one pillar); an untitled topic's id comes from its name, up to a
    // colon (`communication: transparent communication; …` → `communication`).
    let pid = match (&given, name.split_once(':')) {
        (Some(_), _) => None,
        (None, Some((head, _))) if !ids::slug(head).is_empty() => Some(ids::short_slug(head, 40)),
        (None, _) => Some(ids::short_slug(&name, 40)).filter(|s| !s.is_empty()),
    };
    (ptitle, pid)
}

/// The criteria `y` gives, each with its line: a list's texts, one text, a text written as a
/// Markdown list (`criteria: |` over `- …` lines: an item each), or a mapping's texts, each
/// after its key (`*Wind:* …`).
fn criteria(y: Option<&Y>) -> Vec<(String, usize)> {
    let text = |v: &Y| {
        v.text()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let mut out = Vec::new();
    let mut push = |t: String, line: usize| {
        let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
        let item = |l: &str| {
            let l = l.trim_start();
            ["- ", "* ", "+ "]
                .iter()
                .find_map(|m| l.strip_prefix(m))
                .map(str::to_string)
        };
        let items: Vec<String> = lines.iter().filter_map(|l| item(l)).collect();
        if lines.len() >= 2 && items.len() == lines.len() {
            out.extend(items.into_iter().map(|i| (i, line)));
        } else {
            out.push((t, line));
        }
    };
    match y {
        Some(Y::Map(m, _)) => {
            for (k, v) in m {
                if let Some(t) = text(v) {
                    push(
                        format!("*{}:* {t}", crate::import::titles::capitalised(k)),
                        v.line(),
                    );
                }
            }
        }
        y => {
            for v in listed(y) {
                if let Some(t) = text(v) {
                    push(t, v.line());
                }
            }
        }
    }
    out
}

/// The expectations of one topic content entry: its `criteria`, then its `exampleCriteria`
/// with their examples as notes; a list is loose where an item has notes.
fn content_blocks(c: &Y, index: usize) -> Vec<CellBlock> {
    let mut blocks = Vec::new();
    for (s, line) in criteria(c.get("criteria")) {
        blocks.push(CellBlock {
            md: Md {
                text: expectation(&s, &[]),
                doc: index,
                line,
            },
            item: true,
            tight: true,
        });
    }
    for ex in listed(c.get("exampleCriteria")) {
        let Some(s) = ex
            .get("criteria")
            .and_then(Y::text)
            .or_else(|| ex.text())
            .filter(|s| !s.trim().is_empty())
        else {
            continue;
        };
        let examples = strings(ex.get("examples"));
        let tight = examples.is_empty();
        blocks.push(CellBlock {
            md: Md {
                text: expectation(&s, &[("Examples", examples)]),
                doc: index,
                line: ex.line(),
            },
            item: true,
            tight,
        });
        if let Some(prev) = blocks.iter_mut().rev().nth(1) {
            if !tight {
                prev.tight = false;
            }
        }
    }
    if let Some(last) = blocks.last_mut() {
        last.tight = false;
    }
    blocks
}

/// Says, as one guess, which topics had no `title` and were titled by their `name`.
fn report_untitled(ladder: &mut Ladder, doc: &SourceDoc, untitled: &[(String, usize)]) {
    if !untitled.is_empty() {
        let names: Vec<String> = untitled
            .iter()
            .map(|u| {
                if u.0.chars().count() > 24 {
                    format!("`{}…`", u.0.chars().take(22).collect::<String>())
                } else {
                    format!("`{}`", u.0)
                }
            })
            .collect();
        ladder.guess(
            GuessKind::Pillar,
            doc.loc_line(untitled[0].1),
            format!(
                "topics with no `title` are titled by their `name`: {}",
                names.join(", ")
            ),
        );
    }
}
