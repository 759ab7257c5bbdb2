//! Phases: each level finds its track and rank, then its description, equivalents, aliases
//! and neighbours.

use super::draft::{Draft, LevelDraft};
use super::resolve::Target;
use super::{hint_for, unknown_hint, Level, Unknown, TEMPLATE_IDS};
use crate::diagnostic::Diagnostics;
use crate::frontmatter::keys::LevelKeys;
use crate::frontmatter::Located;
use crate::load::Kind;
use crate::markdown;
use crate::permalink;
use foldhash::HashSet;

/// The ranks of `track` that no level of `drafts` has, said for a `rank-collision` hint:
/// the first holes between its lowest and highest ranks (`rank 5 is free`; at most three,
/// found between the ranks taken, so a rank of a billion costs no more than one of ten),
/// else the next rank after the highest.
fn free_ranks(drafts: &[LevelDraft], track: usize) -> String {
    const SAID: usize = 3;
    let taken: std::collections::BTreeSet<i64> = drafts
        .iter()
        .filter(|l| l.track == track)
        .map(|l| l.rank)
        .collect();
    // From the most junior rank taken: a rank below it would put a level under the others.
    let mut holes: Vec<i64> = Vec::new();
    let mut next = taken.first().copied().unwrap_or(1);
    for &r in &taken {
        while next < r && holes.len() <= SAID {
            holes.push(next);
            next += 1;
        }
        next = next.max(r.saturating_add(1));
    }
    let more = holes.len() > SAID;
    holes.truncate(SAID);
    let listed: Vec<String> = holes.iter().map(i64::to_string).collect();
    match listed.as_slice() {
        [] => format!("no level of this track has rank {next}"),
        [one] => format!("no level of this track has rank {one}"),
        [some @ .., last] if !more => {
            format!(
                "no level of this track has rank {} or {last}",
                some.join(", ")
            )
        }
        all => format!(
            "no level of this track has rank {}, among others",
            all.join(", ")
        ),
    }
}

/// Levels: resolve the track (`unknown-track`, `missing-key`; such a level is left out),
/// then order by track and rank (`rank-collision`).
pub(super) fn place(d: &mut Draft, diags: &mut Diagnostics) {
    let track_ids: Vec<String> = d.tracks.iter().map(|t| t.id.clone()).collect();
    let track_ids: Vec<&str> = track_ids.iter().map(String::as_str).collect();
    let mut drafts: Vec<LevelDraft> = Vec::new();
    for doc in d.documents {
        let Kind::Level(LevelKeys { rank, track, .. }) = &doc.kind else {
            continue;
        };
        let t = match track {
            Some(t) => match d.track_index.get(t.value.as_str()) {
                Some(&i) => Some(i),
                // Its track's file is broken: that file's error is the one to fix, and what
                // names this level is not reported either.
                None if d.follow_on.track_reported(&t.value) => {
                    d.follow_on.drop_level(doc);
                    None
                }
                None => {
                    d.follow_on.drop_level(doc);
                    diags.push(doc.source.error(
                        "unknown-track",
                        t.offset,
                        format!("there is no track `{}`", t.value),
                        hint_for(&t.value, &track_ids, "track", "content/tracks/"),
                    ));
                    None
                }
            },
            None if d.tracks.len() == 1 => Some(0),
            None => {
                d.follow_on.drop_level(doc);
                diags.push(doc.source.error(
                    "missing-key",
                    0,
                    "level front-matter has no `track`, which is required when the ladder has more than one track",
                    format!("add `track = \"{}\"` (the tracks are: {})", track_ids.first().unwrap_or(&""), track_ids.join(", ")),
                ));
                None
            }
        };
        if let Some(track) = t {
            drafts.push(LevelDraft {
                doc,
                track,
                rank: rank.value,
            });
        }
    }
    drafts.sort_by(|a, b| (a.track, a.rank, &a.doc.id).cmp(&(b.track, b.rank, &b.doc.id)));
    for w in drafts.windows(2) {
        if w[0].track == w[1].track && w[0].rank == w[1].rank {
            let Kind::Level(LevelKeys { rank, .. }) = &w[1].doc.kind else {
                continue;
            };
            diags.push(w[1].doc.source.error(
                "rank-collision",
                rank.offset,
                format!(
                    "rank {} is also the rank of {} on the same track",
                    w[1].rank, w[0].doc.source.path
                ),
                format!(
                    "each level of a track needs its own rank: 1 for the most junior, then 2, 3, ...; {}",
                    free_ranks(&drafts, w[1].track)
                ),
            ));
        }
    }
    d.level_index = drafts
        .iter()
        .enumerate()
        .map(|(i, l)| (l.doc.id.as_str(), i))
        .collect();
    d.level_docs = drafts;
}

/// Each level's description, equivalents (`bad-equivalent`, `unknown-level`,
/// `equivalent-not-mutual`; the relation is made symmetric) and aliases (`bad-alias`), its
/// page as a link target, and its neighbours on its track.
pub(super) fn describe(d: &mut Draft, diags: &mut Diagnostics) {
    // Level descriptions, parsed on all cores. Their headings' ids must not take a
    // pillar's id or one the templates use.
    let mut bodies: Vec<markdown::Body> = {
        use rayon::prelude::*;
        let mut taken: HashSet<String> = d.pillar_ids().iter().map(|s| s.to_string()).collect();
        taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
        d.level_docs
            .par_iter()
            .map(|dr| markdown::parse(dr.doc.body(), dr.doc.body_offset, &taken))
            .collect()
    };
    let level_ids = d.level_ids();
    // (declaring level, declared level, offset of the declaration)
    let mut declared: Vec<(usize, usize, usize)> = Vec::new();
    for (i, dr) in d.level_docs.iter().enumerate() {
        let Kind::Level(LevelKeys {
            title,
            code,
            summary,
            equivalent,
            aliases,
            ..
        }) = &dr.doc.kind
        else {
            continue;
        };
        d.tracks[dr.track].levels.push(i);
        let body = std::mem::take(&mut bodies[i]);
        let mut equivalents = Vec::new();
        for e in equivalent {
            match d.level_index.get(e.value.as_str()) {
                Some(&j) if d.level_docs[j].track == dr.track => diags.push(dr.doc.source.error(
                    "bad-equivalent",
                    e.offset,
                    format!("`{}` is on the same track as this level; equivalents are levels on other tracks", e.value),
                    "remove it from `equivalent`: levels of one track are compared by rank",
                )),
                Some(&j) => {
                    equivalents.push(j);
                    declared.push((i, j, e.offset));
                }
                None if d.follow_on.level_reported(&e.value) => {}
                None => diags.push(dr.doc.source.error(
                    "unknown-level",
                    e.offset,
                    format!("there is no level `{}`", e.value),
                    unknown_hint(d, &e.value, &level_ids, Unknown::LEVEL, None),
                )),
            }
        }
        let mut alias_paths = Vec::new();
        for a in aliases {
            match permalink::normalize_alias(&a.value) {
                Some(p) => alias_paths.push(p),
                None => diags.push(dr.doc.source.error(
                    "bad-alias",
                    a.offset,
                    format!("`{}` is not a path inside the site: an alias is an old path of the site, with no `..`, host, query, fragment or space", a.value),
                    "write an old address of this level, such as \"levels/l3/\"",
                )),
            }
        }
        // Its pillar sections' anchors are added once the track's pillars are known.
        let anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
        d.targets.insert(
            dr.doc.content_path.clone(),
            Target::page(permalink::level(&dr.doc.id), anchors),
        );
        d.levels.push(Level {
            id: dr.doc.id.clone(),
            title: title.clone(),
            rank: dr.rank,
            track: dr.track,
            code: code.clone(),
            summary_from_description: summary.is_none() && body.first_paragraph.is_some(),
            summary_links: summary
                .as_ref()
                .and_then(|s| summary_links(&dr.doc.source.text, s)),
            summary: summary
                .as_ref()
                .map(|s| s.value.clone())
                .or(body.first_paragraph.clone())
                .unwrap_or_default(),
            description: body.whole,
            equivalents,
            aliases: alias_paths,
            below: None,
            above: None,
            source: dr.doc.source.path.clone(),
        });
    }
    make_mutual(d, &declared, diags);
    for t in &d.tracks {
        for w in t.levels.windows(2) {
            d.levels[w[0]].above = Some(w[1]);
            d.levels[w[1]].below = Some(w[0]);
        }
    }
    for l in &mut d.levels {
        l.equivalents.sort();
        l.equivalents.dedup();
    }
}

/// Equivalents must be declared on both sides (`equivalent-not-mutual`); the model makes
/// them symmetric anyway. A level whose file has an error that may be why (`equivalent` of
/// the wrong type, an unknown key that may be it misspelt, an equivalent that is no level,
/// as after a rename) is not asked to list one back: its own error says what to fix.
fn make_mutual(d: &mut Draft, declared: &[(usize, usize, usize)], diags: &mut Diagnostics) {
    let levels = &mut d.levels;
    let reported: std::collections::HashSet<&str> = diags
        .0
        .iter()
        .filter(|e| match e.code {
            "wrong-type" => e.message.starts_with("`equivalent`"),
            "unknown-key" => e.hint.contains("`equivalent`"),
            "unknown-level" => true,
            _ => false,
        })
        .map(|e| e.path.as_str())
        .collect();
    let mut unanswered = Vec::new();
    for &(i, j, offset) in declared {
        if !levels[j].equivalents.contains(&i) && !reported.contains(levels[j].source.as_str()) {
            unanswered.push((i, j, offset));
        }
    }
    for (i, j, offset) in unanswered {
        diags.push(d.level_docs[i].doc.source.error(
            "equivalent-not-mutual",
            offset,
            format!(
                "`{}` is listed as equivalent here, but {} does not list `{}` back",
                levels[j].id, levels[j].source, levels[i].id
            ),
            format!(
                "add \"{}\" to `equivalent` in {}, or remove it here",
                levels[i].id, levels[j].source
            ),
        ));
    }
    for &(i, j, _) in declared {
        if !levels[j].equivalents.contains(&i) {
            levels[j].equivalents.push(i);
        }
    }
}

/// `summary`, read from `file`, as a Markdown fragment when it holds a link into the site,
/// for the links to be resolved and checked as a body's are, each at its place in the file.
fn summary_links(file: &str, summary: &Located<String>) -> Option<markdown::Fragment> {
    if !summary.value.contains(['[', '<']) {
        return None;
    }
    let mut whole = markdown::parse(&summary.value, 0, &HashSet::default()).whole;
    if !whole
        .links
        .iter()
        .any(|l| crate::links::is_relative_link(&l.dest))
    {
        return None;
    }
    let places = crate::frontmatter::ValuePlaces::of(file, summary.offset, 0);
    for link in &mut whole.links {
        link.offset = places.place(link.offset);
    }
    Some(whole)
}
