//! A list of levels, each with its expectations by area: a YAML or JSON sequence (or a
//! mapping whose `levels` is one) of entries with a title, often a rank and a summary, and a
//! mapping of named texts (`expectations: {impactScope: …, autonomy: …}`). The shape of
//! career-pathway apps that keep their levels as data. Each entry is a level, the mapping's
//! keys are the pillars, and each value (a text, or a list of texts) is the level's
//! expectations there.

use super::*;
use crate::import::gather::split_camel;
use crate::import::ids;
use crate::import::markdown::Outcome;
use crate::import::model::{Anchor, Cell, CellBlock, FileRef, Level, Md, Target, Track};
use crate::import::outline::para_item;

/// Keys that title a level, most specific first.
const TITLE_KEYS: &[&str] = &[
    "title",
    "name",
    "role",
    "jobTitle",
    "professionalTitle",
    "label",
    "levelTitle",
];
/// Keys that rank a level (an integer, lowest the most junior).
const RANK_KEYS: &[&str] = &["rank", "ordinalRank", "order", "seniority", "level"];
/// Keys that describe a level as a whole.
const SUMMARY_KEYS: &[&str] = &[
    "summary",
    "description",
    "desc",
    "qualificationSummary",
    "overview",
];
/// Keys that only draw a level on the source's own site (a bar's CSS class and height, an
/// icon), compared without case: not shown to readers, and listed among the keys not
/// imported. Any key naming a colour (`bgColor`, `text_colour`) is one too.
const STYLE_KEYS: &[&str] = &[
    "height",
    "width",
    "icon",
    "class",
    "classname",
    "background",
    "bg",
];

/// Whether `key` only styles the source's own site (see [`STYLE_KEYS`]).
fn style_key(key: &str) -> bool {
    let k = key.to_lowercase();
    STYLE_KEYS.contains(&k.as_str()) || k.contains("color") || k.contains("colour")
}
/// Keys that hold the level's expectations by area.
const AREA_KEYS: &[&str] = &[
    "expectations",
    "competencies",
    "pillars",
    "areas",
    "criteria",
];

/// The entries of a level list: the document itself when it is a sequence, or its `levels`
/// when it has neither `competencies` nor `themes` (then it is a job family's).
fn entries(y: &Y) -> &[Y] {
    match y {
        Y::Seq(v, _) => v,
        Y::Map(..) if y.get("competencies").is_none() && y.get("themes").is_none() => {
            y.get("levels").map_or(&[][..], Y::items)
        }
        _ => &[],
    }
}

/// Keys of a rubric's mapping that give what meets the level (`meets`, beside `exceeds`
/// and `misses`), compared without case.
const MEETS: &[&str] = &[
    "meets",
    "meet",
    "meets_expectations",
    "meetsexpectations",
    "expected",
    "on_target",
];

/// The texts of an area's value: a text, a list of texts, or a mapping of texts by rating
/// (`meets`, `exceeds`, `misses`, as a rubric grades each area): the text that meets the
/// level is the expectation, the others notes inside it by their keys (`*Exceeds:* …`); a
/// mapping without such a key gives an expectation per text, its key before it.
fn texts(v: &Y) -> Vec<String> {
    let text = |v: &Y| {
        v.text()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    match v {
        Y::Seq(..) => strings(Some(v)),
        Y::Map(m, _) => {
            let meets = m
                .iter()
                .find(|(k, _)| MEETS.contains(&k.to_lowercase().as_str()));
            match meets {
                Some((key, lead)) => {
                    let Some(mut s) = text(lead) else {
                        return Vec::new();
                    };
                    for (k, v) in m.iter().filter(|(k, _)| k != key) {
                        if let Some(t) = text(v) {
                            s.push_str(&format!("\n\n*{}:* {t}", key_title(k)));
                        }
                    }
                    vec![s]
                }
                None => m
                    .iter()
                    .filter_map(|(k, v)| Some(format!("*{}:* {}", key_title(k), text(v)?)))
                    .collect(),
            }
        }
        _ => text(v).into_iter().collect(),
    }
}

/// The mapping of areas an entry gives its expectations in, when it has one whose values
/// are texts or lists of texts.
fn areas(entry: &Y) -> Option<(&'static str, &Y)> {
    let (key, v) = first_of(entry, AREA_KEYS)?;
    let Y::Map(m, _) = v else { return None };
    let scalar = |v: &Y| matches!(v, Y::Str(..) | Y::Int(..) | Y::Null(_));
    let texty = |v: &Y| {
        matches!(v, Y::Str(..) | Y::Int(..))
            || matches!(v, Y::Seq(s, _) if s.iter().all(|i| i.text().is_some()))
            || matches!(v, Y::Map(r, _) if !r.is_empty() && r.iter().all(|(_, t)| scalar(t)))
    };
    (!m.is_empty() && m.iter().all(|(_, v)| texty(v) || matches!(v, Y::Null(_))))
        .then_some((key, v))
}

/// True when the document is a list of two or more levels, each titled and each with a
/// mapping of areas to texts, or described where a level's expectations are not written yet
/// (the others have theirs).
pub fn is_level_list(y: &Y) -> bool {
    let e = entries(y);
    e.len() >= 2
        && e.iter().any(is_entry)
        && e.iter()
            .all(|x| is_entry(x) || title(x).is_some() && described(x))
}

/// Whether `x` is a level's entry: titled, with a mapping of areas to texts.
fn is_entry(x: &Y) -> bool {
    title(x).is_some() && areas(x).is_some()
}

/// True when the document is a list of two or more levels, each titled and described
/// (`- role: Helper` / `desc: Start here …`), none with expectations by area: a ladder's
/// rungs kept as a site's data. Import reads it only when it is the file imported, as
/// levels without expectations; in a folder such YAML is as likely a site's menu.
pub fn is_described_list(y: &Y) -> bool {
    let e = entries(y);
    // Some sign that the entries are levels, not a site's pages (`title: Home`): titled by
    // `role`, ranked, or titled as levels for the most part (`Keeper`, `Senior Baker`). A
    // `name` beside a `role` names a person (a crew list), not a level.
    let ranked = e.iter().any(|x| first_of(x, RANK_KEYS).is_some());
    let by_role = e
        .iter()
        .all(|x| first_of(x, TITLE_KEYS).is_some_and(|(k, _)| k == "role"));
    let like = e
        .iter()
        .filter(|x| title(x).is_some_and(|t| crate::import::titles::level_like(&t)))
        .count();
    let people = e
        .iter()
        .any(|x| x.get("name").is_some() && x.get("role").is_some());
    e.len() >= 2
        && e.iter().all(|x| title(x).is_some() && described(x))
        && !e.iter().any(|x| areas(x).is_some())
        && !people
        && (by_role || ranked || 2 * like > e.len())
}

/// An entry's title, when it has one that is not blank.
fn title(x: &Y) -> Option<String> {
    first_of(x, TITLE_KEYS)
        .and_then(|(_, t)| t.text())
        .filter(|t| !t.trim().is_empty())
}

/// Whether an entry describes its level (`summary`, `desc` …) in a text that is not blank.
fn described(x: &Y) -> bool {
    first_of(x, SUMMARY_KEYS)
        .and_then(|(_, t)| t.text())
        .is_some_and(|t| !t.trim().is_empty())
}

/// True when the document is one entry of a level list on its own (a mapping with a title
/// and a mapping of areas to texts, and no `levels`): a folder holding a file per level.
pub fn is_one_level(y: &Y) -> bool {
    matches!(y, Y::Map(..)) && y.get("levels").is_none() && is_entry(y)
}

/// Reads a file that is one level (see [`is_one_level`]): a folder's such files make a
/// track, as one-level Markdown files do.
pub fn one_level(ladder: &mut Ladder, index: usize, y: &Y) -> Outcome {
    let mut dropped = Vec::new();
    let level = entry_level(ladder, index, y, &mut dropped);
    let doc = &ladder.docs[index];
    let at = doc.loc_line(y.line());
    if !dropped.is_empty() {
        ladder.guess(
            GuessKind::Dropped,
            at.clone(),
            format!(
                "the level's keys with no place in a ladder were not imported: {}",
                dropped.join(", ")
            ),
        );
    }
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Level(level.uid),
            anchor: Anchor::None,
        },
    );
    ladder.format("JSON or YAML level per file");
    Outcome::Level {
        title: level.title.clone(),
        how: format!(
            "a one-level file: `{}` is the level, its areas are pillars",
            level.title
        ),
        level,
        pages: Vec::new(),
    }
}

/// `impactScope` → `Impact scope`, `autonomy_expectation` → `Autonomy expectation`.
fn key_title(key: &str) -> String {
    let words: Vec<String> = split_camel(key)
        .replace(['_', '-'], " ")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    crate::import::titles::capitalised(&words.join(" "))
}

/// `text` with each `{key}` that names a scalar of `entry` replaced by its value: the
/// sources' own apps fill such placeholders in (`… the field ({typicalExperienceRange})`).
fn filled(text: &str, entry: &Y) -> String {
    let mut out = text.to_string();
    for k in entry.keys() {
        if let Some(v) = entry.get(k).and_then(Y::text) {
            out = out.replace(&format!("{{{k}}}"), v.trim());
        }
    }
    out
}

/// Reads a level list: one track, titled by the document's `title` or `name` or its file
/// name, its levels in the order of their ranks when every entry gives one (else as
/// written). A level's summary is its description, followed by its other scalar attributes
/// on one line; other keys are reported as not imported.
pub fn level_list(ladder: &mut Ladder, index: usize, y: &Y) -> Outcome {
    let doc = ladder.docs[index].clone();
    let title = y
        .get("title")
        .or_else(|| y.get("name"))
        .and_then(Y::text)
        .unwrap_or_else(|| key_title(doc.stem()));
    let mut levels = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    for entry in entries(y) {
        levels.push(entry_level(ladder, index, entry, &mut dropped));
    }
    if levels.iter().all(|l| l.rank.is_some()) {
        levels.sort_by_key(|l| l.rank);
    }
    if levels.iter().all(|l| l.cells.is_empty()) {
        ladder.guess(
            GuessKind::Structure,
            doc.loc_line(y.line()),
            format!(
                "none of the {} levels gives expectations by area (`expectations: {{Area: [...]}}`): \
                 the levels are imported with their descriptions, and their competencies are yours to write",
                levels.len()
            ),
        );
    }
    if !dropped.is_empty() {
        ladder.guess(
            GuessKind::Dropped,
            doc.loc_line(y.line()),
            format!(
                "the levels' keys with no place in a ladder were not imported: {}",
                dropped.join(", ")
            ),
        );
    }
    let description = y.get("description").and_then(Y::text).map(|d| Md {
        text: d.trim().to_string(),
        doc: index,
        line: y.get("description").map_or(1, Y::line),
    });
    let track = Track {
        uid: ladder.uid(),
        title: title.clone(),
        id: None,
        description: description.into_iter().collect(),
        levels,
        at: doc.loc_line(1),
        final_id: String::new(),
    };
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Track(track.uid),
            anchor: Anchor::None,
        },
    );
    ladder.format("JSON or YAML list of levels");
    Outcome::Ladder {
        tracks: vec![track],
        pages: Vec::new(),
        title,
    }
}

/// The level an entry of a level list (or a file that is one such entry) describes; keys with
/// no place in a ladder are added to `dropped`.
fn entry_level(ladder: &mut Ladder, index: usize, entry: &Y, dropped: &mut Vec<String>) -> Level {
    let uid = ladder.uid();
    let doc = &ladder.docs[index];
    let (title_key, name) = first_of(entry, TITLE_KEYS).expect("checked by is_level_list");
    let name = name.text().unwrap_or_default();
    // `L1 Junior Engineer` is titled `Junior Engineer`, code L1.
    let mut level = Level::titled(uid, name.trim(), doc.loc_line(entry.line()));
    if let Some(id) = entry.get("id").and_then(Y::text) {
        level.id = Some(ids::slug(&id));
    }
    let rank = first_of(entry, RANK_KEYS).and_then(|(k, v)| match v {
        Y::Int(i, _) => Some((k, *i)),
        _ => None,
    });
    level.rank = rank.map(|r| r.1);
    // A code where a rank is looked for (`level: L3`, when titles repeat across levels).
    let code = match first_of(entry, RANK_KEYS) {
        Some((k, Y::Str(c, _))) if level.code.is_none() => {
            ids::parse_code(c.trim()).map(|(c, n)| {
                level.code = Some(c);
                level.number = level.number.or(Some(n));
                k
            })
        }
        _ => None,
    };
    let summary = first_of(entry, SUMMARY_KEYS).and_then(|(k, v)| Some((k, v.text()?)));
    if let Some((_, s)) = &summary {
        level.description.push(Md {
            text: filled(s, entry).trim().to_string(),
            doc: index,
            line: entry.line(),
        });
    }
    let area = areas(entry);
    let used = [
        Some(title_key),
        Some("id"),
        rank.map(|r| r.0),
        code,
        summary.as_ref().map(|s| s.0),
        area.map(|a| a.0),
    ];
    let (mut attributes, mut lists) = (Vec::new(), Vec::new());
    for (k, v) in match entry {
        Y::Map(m, _) => m.as_slice(),
        _ => &[],
    } {
        if used.contains(&Some(k.as_str())) {
            continue;
        }
        if style_key(k) {
            if !dropped.contains(k) {
                dropped.push(k.clone());
            }
            continue;
        }
        match v.text() {
            Some(t) if !t.trim().is_empty() => {
                attributes.push(format!("*{}:* {}", key_title(k), t.trim()))
            }
            // A list of texts beside the areas (`responsibilities`, `traits`) describes the
            // level, under its key.
            None if !strings(Some(v)).is_empty() && matches!(v, Y::Seq(..)) => {
                let items: Vec<String> = strings(Some(v)).iter().map(|t| para_item(t)).collect();
                lists.push(format!("*{}:*\n\n{}", key_title(k), items.join("\n")));
            }
            _ => {
                if !dropped.contains(k) {
                    dropped.push(k.clone());
                }
            }
        }
    }
    for list in lists {
        level.description.push(Md {
            text: list,
            doc: index,
            line: entry.line(),
        });
    }
    if !attributes.is_empty() {
        level.description.push(Md {
            text: attributes.join(" · "),
            doc: index,
            line: entry.line(),
        });
    }
    if let Some((_, Y::Map(m, _))) = area {
        for (key, v) in m {
            let blocks: Vec<CellBlock> = texts(v)
                .iter()
                .map(|t| CellBlock {
                    md: Md {
                        text: para_item(t),
                        doc: index,
                        line: v.line(),
                    },
                    item: true,
                    tight: true,
                })
                .collect();
            if blocks.is_empty() {
                continue;
            }
            level.cells.push(Cell {
                pillar_title: key_title(key),
                pillar_at: doc.loc_line(v.line()),
                pillar_id: Some(ids::slug(&split_camel(key))),
                pillar_key: Some(format!("area:{key}")),
                pillar_description: Vec::new(),
                blocks,
                pillar: 0,
            });
        }
    }
    level
}
