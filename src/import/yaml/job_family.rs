//! A job-family YAML file (`levels`, `themes`, `competencies`; the Financial Times' shape).

use super::*;
use crate::diagnostic::Diagnostic;
use crate::import::ids;
use crate::import::markdown::Outcome;
use crate::import::model::{
    Anchor, Cell, CellBlock, FileRef, GuessKind, Ladder, Level, Md, Target, Track,
};

/// One entry of `levels`: its id, its name, and the name split into base and `(variant)`.
struct L {
    id: String,
    name: String,
    base: String,
    variant: Option<String>,
    line: usize,
}

/// One entry of `themes`: a pillar, with its summary and the line of that summary.
struct T {
    id: String,
    name: String,
    summary: Option<(String, usize)>,
    line: usize,
}

/// Reads a job-family YAML file (`levels`, `themes`, `competencies`).
///
/// # Errors
/// A competency without a summary, or naming a level or theme the file does not define.
pub fn job_family(ladder: &mut Ladder, index: usize, y: &Y) -> Result<Outcome, Diagnostic> {
    let doc = ladder.docs[index].clone();
    let name = y
        .get("name")
        .and_then(Y::text)
        .unwrap_or_else(|| doc.stem().to_string());
    let summary = y
        .get("summary")
        .and_then(Y::text)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    report_dropped(
        ladder,
        &doc,
        y,
        &["name", "summary", "levels", "themes", "competencies"],
        "keys with no place in a ladder were not imported",
    );

    // Levels, and the tracks their names' parentheses make.
    let levels = read_levels(&doc, y)?;
    let variants = track_variants(&levels);
    let mut tracks = make_tracks(ladder, &doc, &levels, &variants, &name);
    if let Some(s) = &summary {
        let line = y.get("summary").map_or(1, Y::line);
        for t in &mut tracks {
            t.description.push(Md {
                text: s.clone(),
                doc: index,
                line,
            });
        }
    }
    let uid_of = place_levels(ladder, &doc, &levels, &variants, &mut tracks);
    link_equivalents(ladder, &levels, &uid_of);
    let themes = read_themes(y);
    // Competencies into cells, in the order they come.
    let mut n_ids = 0;
    let mut used_ids: std::collections::HashSet<(_, String)> = std::collections::HashSet::new();
    for c in y.get("competencies").map_or(&[][..], Y::items) {
        let line = c.line();
        let level = c.get("level").and_then(Y::text).unwrap_or_default();
        let theme = c.get("theme").and_then(Y::text).unwrap_or_default();
        let Some(summary) = c
            .get("summary")
            .and_then(Y::text)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
        else {
            return Err(err(
                &doc,
                line,
                "this competency has no `summary`".into(),
                "give every competency a `summary`: it is the expectation's text",
            ));
        };
        let Some(&(_, luid, t)) = uid_of.iter().find(|x| x.0 == level) else {
            let known: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
            return Err(err(
                &doc,
                c.get("level").map_or(line, Y::line),
                format!("this competency's level `{level}` is not in `levels`"),
                &format!("the levels are: {}", known.join(", ")),
            ));
        };
        let Some(th) = themes.iter().find(|x| x.id == theme) else {
            let known: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
            return Err(err(
                &doc,
                c.get("theme").map_or(line, Y::line),
                format!("this competency's theme `{theme}` is not in `themes`"),
                &format!("the themes are: {}", known.join(", ")),
            ));
        };
        let own = own_anchor(c, luid, &mut used_ids);
        if own.is_some() {
            n_ids += 1;
        }
        let summary = match &own {
            // `{#id}` ends the expectation's first line.
            Some(id) => match summary.split_once('\n') {
                Some((first, rest)) => format!("{} {{#{id}}}\n{rest}", first.trim_end()),
                None => format!("{} {{#{id}}}", summary.trim_end()),
            },
            None => summary,
        };
        let notes = competency_notes(c);
        let has_notes = notes.iter().any(|n| !n.1.is_empty());
        let text = expectation(&summary, &notes);
        let lv = tracks[t].levels.iter_mut().find(|l| l.uid == luid);
        let Some(lv) = lv else { continue };
        let cell = theme_cell(lv, th, &doc, index);
        lv.cells[cell].blocks.push(CellBlock {
            md: Md {
                text,
                doc: index,
                line,
            },
            item: true,
            tight: !has_notes,
        });
    }
    if n_ids > 0 {
        ladder.guess(
            GuessKind::Structure,
            doc.loc_line(y.get("competencies").map_or(1, Y::line)),
            format!(
                "the {n_ids} competency `id`s (UUIDs) are kept as their expectations' own anchors, by their first part (`{{#…}}` at the end of each expectation's first line)"
            ),
        );
    }
    for t in &mut tracks {
        for l in &mut t.levels {
            for c in &mut l.cells {
                if let Some(last) = c.blocks.last_mut() {
                    last.tight = false;
                }
            }
        }
    }
    report_unused_themes(ladder, &doc, &themes, &tracks);
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Track(tracks[0].uid),
            anchor: Anchor::None,
        },
    );
    ladder.format("YAML job family");
    Ok(Outcome::Ladder {
        tracks,
        pages: Vec::new(),
        title: name,
    })
}

/// Reads `levels`, splitting each name into base and `(variant)`; kept apart because the
/// variants decide the tracks before any level is placed.
fn read_levels(doc: &SourceDoc, y: &Y) -> Result<Vec<L>, Diagnostic> {
    let mut levels: Vec<L> = Vec::new();
    for l in y.get("levels").map_or(&[][..], Y::items) {
        let line = l.line();
        let name = l
            .get("name")
            .and_then(Y::text)
            .or_else(|| l.get("id").and_then(Y::text));
        let Some(name) = name else {
            return Err(err(
                doc,
                line,
                "a level has neither `name` nor `id`".into(),
                "give each level an `id` and a `name`",
            ));
        };
        let id = l
            .get("id")
            .and_then(Y::text)
            .unwrap_or_else(|| ids::slug(&name));
        let (base, variant) = match (name.rfind('('), name.trim_end().ends_with(')')) {
            (Some(i), true) if i > 0 => (
                name[..i].trim().to_string(),
                Some(name[i + 1..name.trim_end().len() - 1].trim().to_string()),
            ),
            _ => (name.trim().to_string(), None),
        };
        levels.push(L {
            id,
            name: name.trim().to_string(),
            base,
            variant,
            line,
        });
    }
    if levels.is_empty() {
        return Err(err(
            doc,
            y.get("levels").map_or(1, Y::line),
            "the file lists no levels".into(),
            "add `levels:` with an `id` and `name` for each level",
        ));
    }
    Ok(levels)
}

/// The variants that are tracks: those of a base name that occurs more than once, in order.
fn track_variants(levels: &[L]) -> Vec<String> {
    let mut variants: Vec<String> = Vec::new();
    for l in levels {
        if let Some(v) = &l.variant {
            if levels.iter().filter(|o| o.base == l.base).count() >= 2 && !variants.contains(v) {
                variants.push(v.clone());
            }
        }
    }
    variants
}

/// The empty tracks: one per variant when there are two or more, else one named for the
/// file; separate so the guess about levels without a variant is made in one place.
fn make_tracks(
    ladder: &mut Ladder,
    doc: &SourceDoc,
    levels: &[L],
    variants: &[String],
    name: &str,
) -> Vec<Track> {
    let mut tracks: Vec<Track> = Vec::new();
    if variants.len() >= 2 {
        for v in variants {
            let uid = ladder.uid();
            let members: Vec<&L> = levels
                .iter()
                .filter(|l| l.variant.as_deref() == Some(v.as_str()))
                .collect();
            // `senior-2-ic`, `principal-ic` → `ic`.
            let suffixes: Vec<&str> = members
                .iter()
                .filter_map(|l| l.id.rsplit_once('-').map(|x| x.1))
                .collect();
            let id = (!suffixes.is_empty() && suffixes.iter().all(|s| *s == suffixes[0]))
                .then(|| suffixes[0].to_string());
            tracks.push(Track {
                uid,
                title: v.clone(),
                id,
                description: Vec::new(),
                levels: Vec::new(),
                at: doc.loc_line(members.first().map_or(1, |l| l.line)),
                final_id: String::new(),
            });
        }
        let lonely: Vec<&str> = levels
            .iter()
            .filter(|l| !l.variant.as_ref().is_some_and(|v| variants.contains(v)))
            .map(|l| l.id.as_str())
            .collect();
        if !lonely.is_empty() {
            ladder.guess(
                GuessKind::Structure,
                doc.loc_line(levels[0].line),
                format!("levels with a parallel `(…)` variant make tracks {}; the levels without one ({}) are put on `{}`", variants.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(" and "), lonely.join(", "), variants[0]),
            );
        }
    } else {
        let uid = ladder.uid();
        tracks.push(Track {
            uid,
            title: name.to_string(),
            id: None,
            description: Vec::new(),
            levels: Vec::new(),
            at: doc.loc_line(1),
            final_id: String::new(),
        });
    }
    tracks
}

/// Puts each level on its variant's track (else the first); returns level id → (uid, track)
/// for the competencies to find their level by.
fn place_levels(
    ladder: &mut Ladder,
    doc: &SourceDoc,
    levels: &[L],
    variants: &[String],
    tracks: &mut [Track],
) -> Vec<(String, usize, usize)> {
    let mut uid_of: Vec<(String, usize, usize)> = Vec::new();
    for l in levels {
        let t = match &l.variant {
            Some(v) if variants.len() >= 2 && variants.contains(v) => {
                variants.iter().position(|x| x == v).unwrap_or(0)
            }
            _ => 0,
        };
        let uid = ladder.uid();
        let mut level = Level::new(uid, l.name.clone(), doc.loc_line(l.line));
        level.id = Some(l.id.clone());
        uid_of.push((l.id.clone(), uid, t));
        tracks[t].levels.push(level);
    }
    uid_of
}

/// Equivalents: the variants of one base name, as pairs of level uids.
fn link_equivalents(ladder: &mut Ladder, levels: &[L], uid_of: &[(String, usize, usize)]) {
    for (i, a) in levels.iter().enumerate() {
        for b in &levels[i + 1..] {
            if a.base == b.base
                && a.variant != b.variant
                && a.variant.is_some()
                && b.variant.is_some()
            {
                let (ua, ub) = (
                    uid_of[i].1,
                    uid_of.iter().find(|x| x.0 == b.id).map_or(0, |x| x.1),
                );
                ladder.equivalents.push((ua, ub));
            }
        }
    }
}

/// Reads `themes`, the pillars competencies name by id.
fn read_themes(y: &Y) -> Vec<T> {
    let mut themes: Vec<T> = Vec::new();
    for t in y.get("themes").map_or(&[][..], Y::items) {
        let name = t
            .get("name")
            .and_then(Y::text)
            .or_else(|| t.get("id").and_then(Y::text))
            .unwrap_or_default();
        let id = t
            .get("id")
            .and_then(Y::text)
            .unwrap_or_else(|| ids::slug(&name));
        let summary = t
            .get("summary")
            .and_then(|s| s.text().map(|x| (x.trim().to_string(), s.line())))
            .filter(|s| !s.0.is_empty());
        themes.push(T {
            id,
            name,
            summary,
            line: t.line(),
        });
    }
    themes
}

/// The competency's own anchor from its source id (a UUID): its first part, or the whole
/// id where two of level `luid` share that part (`used_ids` remembers the parts taken).
fn own_anchor(
    c: &Y,
    luid: usize,
    used_ids: &mut std::collections::HashSet<(usize, String)>,
) -> Option<String> {
    c.get("id")
        .and_then(Y::text)
        .map(|u| u.trim().to_lowercase())
        .filter(|u| crate::ids::is_valid_id(u))
        .map(|u| {
            let short = u.split('-').next().unwrap_or(&u).to_string();
            if used_ids.insert((luid, short.clone())) {
                short
            } else {
                u
            }
        })
}

/// The notes under a competency's expectation: proficiency, examples, supporting links,
/// then any other text keys, each under its own label.
fn competency_notes(c: &Y) -> Vec<(&str, Vec<String>)> {
    let mut notes: Vec<(&str, Vec<String>)> = Vec::new();
    if let Some(p) = c.get("proficiency").and_then(Y::text) {
        notes.push(("Proficiency", vec![p]));
    }
    notes.push(("Examples", strings(c.get("examples"))));
    let urls: Vec<String> = c
        .get("supportingUrls")
        .map_or(&[][..], Y::items)
        .iter()
        .filter_map(|u| {
            let url = u.get("url").and_then(Y::text).or_else(|| u.text())?;
            let label = u
                .get("label")
                .and_then(Y::text)
                .unwrap_or_else(|| url.clone());
            Some(format!(
                "[{}](<{}>)",
                label.replace('[', "\\[").replace(']', "\\]"),
                url.trim()
            ))
        })
        .collect();
    notes.push(("Supporting links", urls));
    let extra: Vec<&str> = c
        .keys()
        .into_iter()
        .filter(|k| {
            !matches!(
                *k,
                "id" | "level"
                    | "theme"
                    | "summary"
                    | "proficiency"
                    | "examples"
                    | "supportingUrls"
            )
        })
        .collect();
    for k in extra {
        if let Some(v) = c.get(k).and_then(Y::text) {
            notes.push((k, vec![v]));
        }
    }
    notes
}

/// The index of theme `th`'s cell in level `lv`, adding the cell the first time the theme
/// is met there.
fn theme_cell(lv: &mut Level, th: &T, doc: &SourceDoc, index: usize) -> usize {
    match lv
        .cells
        .iter()
        .position(|x| x.pillar_id.as_deref() == Some(th.id.as_str()))
    {
        Some(i) => i,
        None => {
            lv.cells.push(Cell {
                pillar_title: th.name.clone(),
                pillar_at: doc.loc_line(th.line),
                pillar_id: Some(th.id.clone()),
                pillar_key: Some(format!("theme:{}", th.id)),
                pillar_description: th
                    .summary
                    .iter()
                    .map(|(s, l)| Md {
                        text: s.clone(),
                        doc: index,
                        line: *l,
                    })
                    .collect(),
                blocks: Vec::new(),
                pillar: 0,
            });
            lv.cells.len() - 1
        }
    }
}

/// Reports each theme no competency uses: such a theme is not imported as a pillar.
fn report_unused_themes(ladder: &mut Ladder, doc: &SourceDoc, themes: &[T], tracks: &[Track]) {
    let used: Vec<String> = tracks
        .iter()
        .flat_map(|t| {
            t.levels
                .iter()
                .flat_map(|l| l.cells.iter().filter_map(|c| c.pillar_id.clone()))
        })
        .collect();
    for th in themes {
        if !used.contains(&th.id) {
            ladder.guess(
                GuessKind::Pillar,
                doc.loc_line(th.line),
                format!(
                    "theme `{}` has no competencies: not imported as a pillar",
                    th.id
                ),
            );
        }
    }
}
