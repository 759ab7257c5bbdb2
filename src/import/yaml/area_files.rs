//! A ladder kept as one data file per competency area, each keyed by the levels' codes
//! (`{"name": "Mentoring", "L1": {"summary": …, "detail": …}, "L2": …}`), as a competency
//! matrix exported to JSON is: no file is a ladder alone; the folder's files together are
//! the areas of one track.

use super::*;
use crate::import::ids;
use crate::import::markdown::Outcome;
use crate::import::model::{Cell, CellBlock, Level, Md};
use crate::import::outline::para_item;

/// Keys of an area's text at a level: the expectation, then its explanation.
const SUMMARY_KEYS: &[&str] = &["summary", "expectation", "description", "text"];
const DETAIL_KEYS: &[&str] = &["detail", "details", "examples", "notes", "note"];

/// Whether `key` names a level by a short code (`L1`, `l2`, `IC3`, `E4`) or a number.
fn level_key(key: &str) -> Option<i64> {
    let letters = key.trim_end_matches(|c: char| c.is_ascii_digit());
    let number = &key[letters.len()..];
    (letters.len() <= 3 && letters.chars().all(|c| c.is_ascii_alphabetic()) && !number.is_empty())
        .then(|| number.parse().ok())
        .flatten()
}

/// An area's text at one level: a mapping with a summary (and a detail), or text itself.
fn level_text(y: &Y) -> Option<(String, Option<String>)> {
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| y.get(k)?.text())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    match y {
        Y::Str(s, _) if !s.trim().is_empty() => Some((s.trim().to_string(), None)),
        Y::Map(..) => Some((text(SUMMARY_KEYS)?, text(DETAIL_KEYS))),
        _ => None,
    }
}

/// The files of `tables` that are one area each: a mapping whose keys are level codes (at
/// least two with text), and at most a title besides; with each file's levels (code,
/// number, text and detail, by the line of the code).
type AreaFile<'y> = (usize, Vec<(&'y str, i64, String, Option<String>, usize)>);

fn area_files_of(tables: &[(SourceDoc, Y)]) -> Vec<AreaFile<'_>> {
    let mut out = Vec::new();
    for (file, (_, y)) in tables.iter().enumerate() {
        let Y::Map(entries, _) = y else { continue };
        let mut levels = Vec::new();
        let mut other = 0;
        for (k, v) in entries {
            match (level_key(k), level_text(v)) {
                (Some(n), Some((text, detail))) => {
                    levels.push((k.as_str(), n, text, detail, v.line()))
                }
                (Some(_), None) => {}
                (None, _) if ["name", "title"].contains(&k.as_str()) => {}
                (None, _) => other += 1,
            }
        }
        if levels.len() >= 2 && other == 0 {
            out.push((file, levels));
        }
    }
    out
}

/// Reads the ladder that `tables` (a folder's YAML or JSON files that are no ladder alone)
/// make as one file per competency area keyed by level codes, if two or more of them share
/// their codes: one track whose levels are the codes (`L1`, ordered by their numbers), each
/// file a pillar titled by its `name` (or its file's name), its text at each level an
/// expectation and the level's `detail` a paragraph of it. The files it reads are added to the
/// ladder's documents and taken out of those set aside; returns the first file's document and
/// the outcome. The track is titled by the files' folder, `folder_title` (the imported
/// folder's) when they are at its top.
pub fn area_files(
    ladder: &mut Ladder,
    tables: &[(SourceDoc, Y)],
    folder_title: &str,
) -> Option<(usize, Outcome)> {
    let files = area_files_of(tables);
    let codes = |f: &AreaFile| -> Vec<String> {
        let mut c: Vec<String> = f.1.iter().map(|l| l.0.to_lowercase()).collect();
        c.sort();
        c
    };
    // Files that share level codes with another: a competency matrix's areas.
    let shared: Vec<&AreaFile> = files
        .iter()
        .filter(|f| {
            files.iter().any(|o| {
                o.0 != f.0 && codes(o).iter().filter(|c| codes(f).contains(c)).count() >= 2
            })
        })
        .collect();
    if shared.len() < 2 {
        return None;
    }
    let mut levels: Vec<(i64, String)> = Vec::new();
    for f in &shared {
        for l in &f.1 {
            if !levels.iter().any(|(_, c)| c.eq_ignore_ascii_case(l.0)) {
                levels.push((l.1, l.0.to_string()));
            }
        }
    }
    levels.sort();
    let first = ladder.docs.len();
    let mut out: Vec<Level> = Vec::new();
    for (n, code) in &levels {
        let at = tables[shared[0].0].0.loc_line(1);
        let mut level = Level::titled(ladder.uid(), code, at);
        level.rank = Some(*n);
        level.code = Some(code.clone());
        out.push(level);
    }
    for f in &shared {
        let (doc, y) = &tables[f.0];
        let index = take_back(ladder, doc);
        let title = ["name", "title"]
            .iter()
            .find_map(|k| y.get(k)?.text())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| crate::import::titles::readable(doc.stem()));
        let key = format!("area:{}", doc.rel);
        for (code, _, text, detail, line) in &f.1 {
            let md = |text: String| Md {
                text,
                doc: index,
                line: *line,
            };
            // The detail is a paragraph of the expectation's own item, so that it goes where
            // the expectation goes (a comparison's row too), not a note after the list.
            let mut item = para_item(text);
            if let Some(d) = detail {
                item.push_str("\n\n");
                for (i, line) in d.lines().enumerate() {
                    if i > 0 {
                        item.push('\n');
                    }
                    if !line.trim().is_empty() {
                        item.push_str("  ");
                        item.push_str(line.trim_start());
                    }
                }
            }
            let blocks = vec![CellBlock {
                md: md(item),
                item: true,
                tight: false,
            }];
            let Some(level) = out.iter_mut().find(|l| l.code.as_deref() == Some(code)) else {
                continue;
            };
            level.cells.push(Cell {
                pillar_title: title.clone(),
                pillar_at: doc.loc_line(1),
                pillar_id: Some(ids::slug(&title)).filter(|s| !s.is_empty()),
                pillar_key: Some(key.clone()),
                pillar_description: Vec::new(),
                blocks,
                pillar: 0,
            });
        }
    }
    let dir = tables[shared[0].0].0.dir().to_string();
    let title = match dir.rsplit('/').next() {
        Some(last) if !last.is_empty() => crate::import::titles::readable(last),
        _ => folder_title.to_string(),
    };
    ladder.guess(
        GuessKind::Structure,
        ladder.docs[first].loc_line(1),
        format!(
            "the {} files in `{}/` are one competency area each, keyed by the levels' codes ({}): each is a pillar, its text at a level the expectation, and a `detail` a paragraph of that expectation",
            shared.len(),
            if dir.is_empty() { "." } else { &dir },
            levels.iter().map(|l| l.1.as_str()).collect::<Vec<_>>().join(", ")
        ),
    );
    // Named by its folder, not by the first area's file.
    let id = Some(ids::slug(&title)).filter(|s| !s.is_empty());
    let at = ladder.docs[first].loc_line(1);
    Some(one_track(
        ladder,
        first,
        (title, id),
        out,
        at,
        "YAML or JSON files, one per competency area, keyed by level",
    ))
}
