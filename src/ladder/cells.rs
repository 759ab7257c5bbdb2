//! Phases: competencies into the level × pillar grid, their expectations' anchors, and the
//! pillars each track uses (the sections of its level and pillar pages).

use super::draft::Draft;
use super::resolve::Target;
use super::{unknown_hint, Competency, Unknown};
use crate::anchors::{self, Anchor};
use crate::diagnostic::Diagnostics;
use crate::frontmatter::keys::CompetencyKeys;
use crate::load::{Document, Kind};
use crate::markdown;
use crate::permalink;
use foldhash::{HashMap, HashSet};
use std::collections::BTreeSet;

/// The competencies' bodies, one per document (`None` for other kinds). They were parsed as
/// they were read (they are most of a large ladder's text, and each parses on its own); each
/// ladder takes its own copy, since link resolution writes into it.
pub(super) fn take_parsed_bodies(documents: &mut [Document]) -> Vec<Option<markdown::Body>> {
    use rayon::prelude::*;
    documents
        .par_iter_mut()
        .map(|d| match (&d.kind, d.parsed.take()) {
            // Shared only when `serve` keeps the document for the next rebuild.
            (Kind::Competency(_), Some(body)) => {
                Some(std::sync::Arc::try_unwrap(body).unwrap_or_else(|b| (*b).clone()))
            }
            (Kind::Competency(keys), None) => Some(markdown::parse_competency(
                d.body(),
                d.body_offset,
                (&keys.level.value, &keys.pillar.value),
            )),
            _ => None,
        })
        .collect()
}

/// Competencies into the grid (`unknown-level`, `unknown-pillar`, `duplicate-cell`). One
/// whose level or pillar is unknown is left out, but its links are still checked.
pub(super) fn fill(
    d: &mut Draft,
    mut bodies: Vec<Option<markdown::Body>>,
    diags: &mut Diagnostics,
) {
    let level_ids = d.level_ids();
    let pillar_ids = d.pillar_ids();
    let missing = MissingIds::of(d);
    let mut said: HashSet<(bool, &str)> = HashSet::default();
    let mut cell_owner: HashMap<(usize, usize), &Document> = HashMap::default();
    for (doc, body) in d.documents.iter().zip(bodies.iter_mut()) {
        let Kind::Competency(CompetencyKeys { level, pillar }) = &doc.kind else {
            continue;
        };
        let body = body.take().unwrap_or_default();
        let l = d.level_index.get(level.value.as_str()).copied();
        let p = d.pillar_index.get(pillar.value.as_str()).copied();
        let unknown = [
            (l.is_none() && !d.follow_on.level_reported(&level.value)).then_some((
                true,
                level,
                &level_ids,
                Unknown::LEVEL,
                "unknown-level",
            )),
            (p.is_none() && !d.follow_on.pillar_reported(&pillar.value)).then_some((
                false,
                pillar,
                &pillar_ids,
                Unknown::PILLAR,
                "unknown-pillar",
            )),
        ];
        for (is_level, key, ids, kind, code) in unknown.into_iter().flatten() {
            let files = missing.files(is_level, &key.value);
            let diag = match files {
                [_, _, ..] if !said.insert((is_level, key.value.as_str())) => continue,
                [_, _, ..] => doc.source.error(
                    code,
                    key.offset,
                    format!(
                        "there is no {} `{}`, which {} competency files name",
                        kind.what,
                        key.value,
                        files.len()
                    ),
                    missing.hint(d, (is_level, &key.value), (files, ids), kind),
                ),
                _ => doc.source.error(
                    code,
                    key.offset,
                    format!("there is no {} `{}`", kind.what, key.value),
                    unknown_hint(
                        d,
                        &key.value,
                        ids,
                        kind,
                        folder_level(d, doc).filter(|_| is_level),
                    ),
                ),
            };
            diags.push(diag);
        }
        let (Some(l), Some(p)) = (l, p) else {
            // Still check its links, so one run reports them too.
            d.follow_on.orphan(doc);
            d.orphans.extend(body.items.into_iter().map(|e| (doc, e)));
            d.orphans.push((doc, body.lead));
            d.orphans.push((doc, body.notes));
            continue;
        };
        if let Some(first) = cell_owner.insert((l, p), doc) {
            let (at, diag) = duplicate_cell(d, (first, doc), &level.value, &pillar.value);
            // Its folder's level is not asked for the file again (`gap`): it is there.
            d.follow_on.orphan(at);
            diags.push(diag);
            cell_owner.insert((l, p), first);
            continue;
        }
        d.targets.insert(
            doc.content_path.clone(),
            Target {
                path: permalink::level(&level.value),
                anchor: Some(pillar.value.clone()),
                anchors: HashSet::default(),
                expectations: Vec::new(),
                anchors_of: Some(d.level_docs[l].doc.content_path.clone()),
            },
        );
        d.competencies.push((
            doc,
            Competency {
                level: l,
                pillar: p,
                expectations: body.items,
                anchors: body
                    .item_ids
                    .into_iter()
                    .map(|own| Anchor {
                        number: 0,
                        also: Vec::new(),
                        own,
                    })
                    .collect(),
                lead: body.lead,
                notes: body.notes,
                footnotes: body.footnotes,
                source: doc.source.path.clone(),
            },
        ));
    }
    d.competencies.sort_by_key(|(_, c)| (c.level, c.pillar));
}

/// The competency files that name each level and pillar id the ladder lacks. Several files
/// naming one missing id is most likely a level's or pillar's file deleted or renamed, not
/// the same slip in each: said once, at the first, naming the file to put back, where a
/// near id would be a wrong guess (following it moves a whole level's expectations).
struct MissingIds<'a> {
    /// (a level's id, not a pillar's; the id) → the files' paths, in the order read.
    files: HashMap<(bool, String), Vec<&'a str>>,
    /// The ids the ladder has that some competency names, as `files`' keys.
    named: HashSet<(bool, String)>,
}

impl<'a> MissingIds<'a> {
    fn of(d: &Draft<'a>) -> MissingIds<'a> {
        let mut files: HashMap<(bool, String), Vec<&str>> = HashMap::default();
        let mut named = HashSet::default();
        let documents: &'a [Document] = d.documents;
        for doc in documents {
            let Kind::Competency(CompetencyKeys { level, pillar }) = &doc.kind else {
                continue;
            };
            for (is_level, key, known) in [
                (
                    true,
                    &level.value,
                    d.level_index.contains_key(level.value.as_str()),
                ),
                (
                    false,
                    &pillar.value,
                    d.pillar_index.contains_key(pillar.value.as_str()),
                ),
            ] {
                if known {
                    named.insert((is_level, key.clone()));
                } else {
                    let paths = files.entry((is_level, key.clone())).or_default();
                    paths.push(&doc.source.path);
                }
            }
        }
        MissingIds { files, named }
    }

    /// The files that name the missing level (or pillar) `id`.
    fn files(&self, level: bool, id: &str) -> &[&'a str] {
        self.files
            .get(&(level, id.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// What to do when `files` (two or more) name the missing `id` (a level's when `level`,
    /// else a pillar's), where the ladder has
    /// `ids`: when the id was published, [`unknown_hint`]'s (which knows the likely new
    /// name), else to put the file back or name the new id; then the files.
    fn hint(
        &self,
        d: &Draft,
        (level, id): (bool, &str),
        (files, ids): (&[&str], &[&str]),
        kind: Unknown,
    ) -> String {
        let (what, folder) = (kind.what, kind.folder);
        // A near id that no competency names yet is where these files were meant to go (the
        // same slip copied from file to file), not a level of its own they would be moved to.
        let typo = crate::diagnostic::did_you_mean(id, ids.iter().copied())
            .is_some_and(|near| !self.named.contains(&(level, near.to_string())));
        let mut listed = files.iter().take(3).copied().collect::<Vec<_>>().join(", ");
        if files.len() > 3 {
            listed.push_str(&format!(" and {} more", files.len() - 3));
        }
        let published = d
            .published
            .is_some_and(|lock| lock.pages.contains(&(kind.address)(id)));
        if published || typo {
            format!(
                "{}; the files that name it: {listed}",
                unknown_hint(d, id, ids, kind, None)
            )
        } else {
            format!("was {folder}{id}.md deleted or renamed? Put it back, or set `{what}` to the new id in each file that names it: {listed}")
        }
    }
}

/// Expectation anchors, as published before where there is a lockfile (see
/// [`crate::anchors`]); an author's own id must not be an anchor its level's page already
/// has (`duplicate-id`).
pub(super) fn number_expectations(d: &mut Draft, diags: &mut Diagnostics) {
    let cells_to_anchor: Vec<anchors::Cell> = d
        .competencies
        .iter()
        .map(|(_, c)| anchors::Cell {
            level: &d.levels[c.level].id,
            pillar: &d.pillars[c.pillar].id,
            texts: c.expectations.iter().map(|e| e.plain()).collect(),
            source: &c.source,
            former: d.levels[c.level].former_ids().collect(),
        })
        .collect();
    let (numbered, lost, mut retired) = anchors::assign(&cells_to_anchor, d.published);
    drop(cells_to_anchor);
    retired.extend(
        d.published
            .iter()
            .flat_map(|l| &l.anchors)
            .filter(|a| a.retired)
            .cloned(),
    );
    d.lost_anchors = lost;
    d.retired = retired;
    for ((_, c), a) in d.competencies.iter_mut().zip(numbered) {
        let own: Vec<Option<String>> = c.anchors.drain(..).map(|a| a.own).collect();
        c.anchors = a;
        for (a, own) in c.anchors.iter_mut().zip(own) {
            a.own = own;
        }
    }
    // The pillar sections' ids are added to level pages later: an author's id must not
    // be one of them either.
    let pillar_ids: HashSet<&str> = d.pillars.iter().map(|p| p.id.as_str()).collect();
    // (level file, own id) → the file of the expectation that has it.
    let mut owners: std::collections::HashMap<(String, String), String> = Default::default();
    // (file, own id) → how many expectations of the file have written it so far.
    let mut written_so_far: std::collections::HashMap<(String, String), usize> = Default::default();
    for (doc, c) in &d.competencies {
        let Some(t) = d.targets.get_mut(&d.level_docs[c.level].doc.content_path) else {
            continue;
        };
        let pillar = &d.pillars[c.pillar].id;
        t.expectations
            .push((pillar.clone(), c.anchors.iter().map(|a| a.number).collect()));
        for a in &c.anchors {
            t.anchors.extend(a.also.iter().cloned());
            if let Some(own) = &a.own {
                let nth = written_so_far
                    .entry((doc.source.path.clone(), own.clone()))
                    .or_default();
                let this_one = *nth;
                *nth += 1;
                let key = (d.level_docs[c.level].doc.content_path.clone(), own.clone());
                if pillar_ids.contains(own.as_str()) || !t.anchors.insert(own.clone()) {
                    let whose = if pillar_ids.contains(own.as_str()) {
                        format!("the section of the pillar `{own}`")
                    } else if let Some(other) = owners.get(&key) {
                        format!("another expectation's, in {other}")
                    } else {
                        "a heading's, in the level's description".to_string()
                    };
                    // At the id as written: the `{#id}`s that end a line are the items' (one
                    // in a note's text is not), this the file's `this_one`-th to write it.
                    let written = format!("{{#{own}}}");
                    let text = &doc.source.text;
                    let ends: Vec<usize> = text
                        .match_indices(&written)
                        .map(|(i, _)| i)
                        .filter(|&i| {
                            text[i + written.len()..]
                                .trim_start_matches([' ', '\t', '\r'])
                                .chars()
                                .next()
                                .is_none_or(|c| c == '\n')
                        })
                        .collect();
                    let at = ends.get(this_one).or(ends.last()).copied().unwrap_or(0);
                    diags.push(doc.source.error(
                        "duplicate-id",
                        at,
                        format!(
                            "the expectation id `{written}` is already an anchor on /{}: {whose}",
                            t.path
                        ),
                        "give the expectation an id no other expectation, heading or pillar of its level has",
                    ));
                } else {
                    owners.insert(key, doc.source.path.clone());
                }
            }
        }
    }
}

/// Each track's pillars (those any of its levels uses, else all), and the section anchors
/// the pages have: a level page has a section for each pillar of its track; a pillar page
/// has one for each level of the tracks that use the pillar.
pub(super) fn sections(d: &mut Draft) {
    for t in &mut d.tracks {
        let used: BTreeSet<usize> = d
            .competencies
            .iter()
            .filter(|(_, c)| t.levels.contains(&c.level))
            .map(|(_, c)| c.pillar)
            .collect();
        t.pillars = if used.is_empty() {
            (0..d.pillars.len()).collect()
        } else {
            used.into_iter().collect()
        };
    }
    // A section answers to the ids its pillar or level had before a rename too (see
    // `permalink::former_id`).
    let pillar_former: Vec<Vec<String>> = d
        .pillar_docs
        .iter()
        .map(|doc| match &doc.kind {
            Kind::Pillar(k) => k
                .aliases
                .iter()
                .filter_map(|a| permalink::former_id(&a.value, "pillars/"))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    for (li, level) in d.levels.iter().enumerate() {
        if let Some(t) = d.targets.get_mut(&d.level_docs[li].doc.content_path) {
            let track = &d.tracks[level.track];
            for &p in &track.pillars {
                t.anchors.insert(d.pillars[p].id.clone());
                t.anchors.extend(pillar_former[p].iter().cloned());
            }
        }
    }
    for (pi, doc) in d.pillar_docs.iter().enumerate() {
        if let Some(t) = d.targets.get_mut(&doc.content_path) {
            for track in d.tracks.iter().filter(|t| t.pillars.contains(&pi)) {
                for &l in &track.levels {
                    t.anchors.insert(d.levels[l].id.clone());
                    let former = d.levels[l]
                        .former_ids()
                        .filter(|id| crate::ids::is_valid_id(id));
                    t.anchors.extend(former.map(str::to_string));
                }
            }
        }
    }
}

/// The level a competency's folder names (`competencies/staff/delivery.md` → `staff`), when
/// the folder is one of `competencies/` and names a level of the ladder.
fn folder_level<'a>(d: &Draft, doc: &'a Document) -> Option<&'a str> {
    let (folder, _) = doc
        .content_path
        .strip_prefix("competencies/")?
        .rsplit_once('/')?;
    d.level_index.contains_key(folder).then_some(folder)
}

/// `duplicate-cell`: two files (`first` read before `second`) are the competency of `level`
/// in `pillar`. When one of them sits in another level's folder, it is most likely a copy of
/// the other whose `level` was not changed: the error is at that file's `level`, and says
/// which level its folder names before offering to merge. Returns the file the error is at.
fn duplicate_cell<'a>(
    d: &Draft,
    (first, second): (&'a Document, &'a Document),
    level: &str,
    pillar: &str,
) -> (&'a Document, crate::diagnostic::Diagnostic) {
    fn elsewhere<'a>(d: &Draft, doc: &'a Document, level: &str) -> Option<&'a str> {
        folder_level(d, doc).filter(|f| *f != level)
    }
    let (at, other) = match (elsewhere(d, first, level), elsewhere(d, second, level)) {
        (Some(_), None) => (first, second),
        _ => (second, first),
    };
    let message = format!(
        "this file and {} are both the competency of level `{level}` in pillar `{pillar}`",
        other.source.path
    );
    let diag = match (elsewhere(d, at, level), &at.kind) {
        (Some(folder), Kind::Competency(keys)) => at.source.error(
            "duplicate-cell",
            keys.level.offset,
            message,
            format!(
                "this file is in `competencies/{folder}/`: if it is level `{folder}`'s, write `level = \"{folder}\"`; if not, merge the two files' expectations into one file and delete the other"
            ),
        ),
        _ => at.source.error(
            "duplicate-cell",
            0,
            message,
            "merge the two files' expectations into one file and delete the other",
        ),
    };
    (at, diag)
}
