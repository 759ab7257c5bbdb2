//! A competence framework kept as data, each competence with its text at each level it is
//! defined at: a YAML or JSON sequence of entries, or a mapping keyed by the competence's
//! name, each entry with a `levels` mapping from a level's key to its text (`"levels": {"4":
//! "Provides leadership …", "5": …}`), as the European e-CF is published. Each competence is
//! a pillar (its `description` the pillar's, its group, such as `phase`, too), each level key
//! a level, and each text an expectation of that level in that pillar. The texts may also
//! sit in the entry itself, under keys that name a level by its number (`"level0": …,
//! "level1": …`, `level_2`, `lvl3`), as web apps keep a competency matrix.

use super::*;
use crate::import::ids;
use crate::import::markdown::Outcome;
use crate::import::model::{Cell, CellBlock, Level, Md};

/// Keys that map levels to a competence's text there.
const LEVELS_KEYS: &[&str] = &["levels", "proficiency_levels", "level_descriptions"];
/// Keys that title a competence.
const TITLE_KEYS: &[&str] = &[
    "title",
    "name",
    "competence",
    "competency",
    "skill",
    "topic",
];
/// Keys that describe a competence.
const TEXT_KEYS: &[&str] = &["description", "summary", "desc"];

/// The competences of `y`: each its title, given or the key it is filed under, and its entry.
fn competences(y: &Y) -> Vec<(String, &Y)> {
    match y {
        Y::Seq(entries, _) => entries
            .iter()
            .filter_map(|e| {
                let t = first_of(e, TITLE_KEYS)?.1.text()?;
                Some((t.trim().to_string(), e))
            })
            .collect(),
        // Filed under an id (`data_structures`) with its name inside: the name titles it.
        Y::Map(entries, _) => entries
            .iter()
            .map(|(k, e)| {
                let named = first_of(e, TITLE_KEYS).and_then(|(_, t)| t.text());
                (named.map_or_else(|| k.clone(), |t| t.trim().to_string()), e)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The number of a key that names a level by it: `level0`, `Level 1`, `level_2`, `lvl-3`;
/// `None` for any other key (`l1` may be anything: a list of levels uses it for a line).
fn level_number(key: &str) -> Option<u64> {
    let lower = key.trim().to_ascii_lowercase();
    let rest = ["level", "lvl"]
        .iter()
        .find_map(|word| lower.strip_prefix(word))?;
    let digits = rest.trim_start_matches([' ', '_', '-']);
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// An entry's texts by level: its levels mapping's keys, each with its texts (a text, or a
/// list of them), else its own keys that name a level by its number (see
/// [`level_number`]), each as `Level <n>`; `None` when it has neither, or is ranked (a level).
fn texts(entry: &Y) -> Option<Vec<(String, Vec<String>)>> {
    let out: Vec<(String, Vec<String>)> = match first_of(entry, LEVELS_KEYS) {
        Some((_, Y::Map(levels, _))) => levels
            .iter()
            .map(|(k, v)| (k.trim().to_string(), strings(Some(v))))
            .collect(),
        Some(_) => return None,
        None => {
            // A level ranks among levels: an entry with a rank is one, not a competence.
            let Y::Map(keys, _) = entry else {
                return None;
            };
            if entry.get("rank").is_some() {
                return None;
            }
            // Each key as `Level <n>`, so that `level_2` and `Level 2` are one level.
            let own: Vec<(String, Vec<String>)> = keys
                .iter()
                .filter_map(|(k, v)| {
                    Some((format!("Level {}", level_number(k)?), strings(Some(v))))
                })
                .collect();
            if own.is_empty() {
                return None;
            }
            own
        }
    };
    out.iter()
        .all(|(k, v)| !k.is_empty() && !v.is_empty())
        .then_some(out)
}

/// True when `y` holds two competences or more, every one of them a mapping with a levels
/// mapping of texts (see [`texts`]), the levels' keys shared: fewer levels than texts.
pub fn is_level_texts(y: &Y) -> bool {
    let found = competences(y);
    if found.len() < 2 || !matches!(y, Y::Seq(..) | Y::Map(..)) {
        return false;
    }
    let Some(all) = found
        .iter()
        .map(|(_, e)| texts(e))
        .collect::<Option<Vec<_>>>()
    else {
        return false;
    };
    let keys: std::collections::HashSet<String> = all
        .iter()
        .flatten()
        .map(|(k, _)| ids::title_key(k))
        .collect();
    let count: usize = all.iter().map(Vec::len).sum();
    keys.len() >= 2 && keys.len() < count
}

/// The level keys of all competences, most junior first: by their numbers where every key
/// has one (`1` … `5`, `e-1`, `L3`), else in the order they are first met; and whether they
/// are ordered by their numbers.
fn order(all: &[Vec<(String, Vec<String>)>]) -> (Vec<String>, bool) {
    let mut keys: Vec<String> = Vec::new();
    for (k, _) in all.iter().flatten() {
        if !keys.iter().any(|x| ids::title_key(x) == ids::title_key(k)) {
            keys.push(k.clone());
        }
    }
    let number = |k: &String| -> Option<u64> {
        let digits: String = k.chars().filter(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let numbered = keys.iter().all(|k| number(k).is_some());
    if numbered {
        keys.sort_by_key(number);
    }
    (keys, numbered)
}

/// A level key as a level's title: a bare number is `Level 4`, and so is a word for level
/// before it (`level4`, `level_4`, see [`level_number`]); anything else (`L4`, `e-4`) as
/// written.
fn level_title(key: &str) -> String {
    match level_number(key) {
        Some(n) => format!("Level {n}"),
        None if key.chars().all(|c| c.is_ascii_digit()) => format!("Level {key}"),
        _ => key.to_string(),
    }
}

/// Reads a framework of competences by level (see [`is_level_texts`]): one track, titled by
/// its file, with a level per key in [`order`], a pillar per competence.
pub fn level_texts(ladder: &mut Ladder, index: usize, y: &Y) -> Outcome {
    let doc = ladder.docs[index].clone();
    let found = competences(y);
    let all: Vec<Vec<(String, Vec<String>)>> = found
        .iter()
        .map(|(_, e)| texts(e).unwrap_or_default())
        .collect();
    let (keys, numbered) = order(&all);
    let mut levels: Vec<Level> = keys
        .iter()
        .map(|k| Level::titled(ladder.uid(), &level_title(k), doc.loc_line(y.line())))
        .collect();
    let mut others: Vec<&str> = Vec::new();
    for ((title, entry), texts) in found.iter().zip(&all) {
        let description = about(entry, &mut others);
        for (key, items) in texts {
            let Some(i) = keys
                .iter()
                .position(|k| ids::title_key(k) == ids::title_key(key))
            else {
                continue;
            };
            let holder = first_of(entry, LEVELS_KEYS).map_or(*entry, |(_, l)| l);
            let line = holder.get(key).map_or(entry.line(), Y::line);
            let blocks = items
                .iter()
                .map(|t| CellBlock {
                    md: Md {
                        text: format!("- {}", item_body(t, "  ")),
                        doc: index,
                        line,
                    },
                    item: true,
                    tight: false,
                })
                .collect();
            levels[i].cells.push(Cell {
                pillar_title: title.clone(),
                pillar_at: doc.loc_line(entry.line()),
                pillar_id: None,
                pillar_key: None,
                pillar_description: description
                    .iter()
                    .map(|text| Md {
                        text: text.clone(),
                        doc: index,
                        line: entry.line(),
                    })
                    .collect(),
                blocks,
                pillar: 0,
            });
        }
    }
    let shown: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    let mut said = format!(
        "each of the {} entries gives its text at each level it is defined at ({}): the entries are the pillars, and the {} level keys ({}) the levels, {}",
        found.len(),
        first_of(found[0].1, LEVELS_KEYS).map_or("in keys that number the level".to_string(), |(k, _)| format!("`{k}`")),
        keys.len(),
        shown.join(", "),
        if numbered {
            "in the order of their numbers"
        } else {
            "in the order they are first met"
        }
    );
    if !others.is_empty() {
        let others: Vec<String> = others.iter().map(|k| format!("`{k}`")).collect();
        said.push_str(&format!(
            "; {} in each pillar's description",
            others.join(", ")
        ));
    }
    ladder.guess(GuessKind::Structure, doc.loc_line(y.line()), said);
    file_track(ladder, index, levels, "JSON or YAML competences by level")
}

/// A competence's description: its own text, then each other key that holds a text
/// (`phase: Plan`) as a labelled line, the keys noted in `others`.
fn about<'y>(entry: &'y Y, others: &mut Vec<&'y str>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = first_of(entry, TEXT_KEYS).and_then(|(_, v)| v.text()) {
        out.push(t.trim().to_string());
    }
    let used: Vec<&str> = [LEVELS_KEYS, TITLE_KEYS, TEXT_KEYS].concat();
    for k in entry.keys() {
        if used.contains(&k) || level_number(k).is_some() {
            continue;
        }
        let values = strings(entry.get(k));
        if values.is_empty() {
            continue;
        }
        if !others.contains(&k) {
            others.push(k);
        }
        out.push(format!(
            "**{}:** {}",
            crate::import::titles::capitalised(k),
            values.join(", ")
        ));
    }
    out
}
