//! Where the sections around a document's levels go: the tracks the levels' parents make,
//! the text above the levels, and the free pages beside them.

use super::*;
use crate::import::titles::without_outline_number;

/// One empty track per parent of the levels when `multi`, else one for the document; with
/// the track index of each parent (`usize::MAX` for the one track).
pub(super) fn level_tracks(
    ladder: &mut Ladder,
    d: &Doc,
    parents: &[usize],
    multi: bool,
    doc_title: &str,
) -> (Vec<Track>, HashMap<usize, usize>) {
    let mut tracks: Vec<Track> = Vec::new();
    let mut track_of_parent: HashMap<usize, usize> = HashMap::new();
    let track_groups: Vec<usize> = if multi {
        parents.to_vec()
    } else {
        vec![usize::MAX]
    };
    for &p in &track_groups {
        let uid = ladder.uid();
        let (title, at) = if p == usize::MAX {
            let common = parents
                .first()
                .copied()
                .filter(|&p| p != 0 && parents.len() == 1);
            // A parent titled only as what it holds (`# Expectations`, `## Levels`), as a
            // lead-in to its list (`# Crew Specifics:`), or as a question (`## What changes
            // at each level`), names no track: the document's title does (`# Baker` above it).
            let names_track = |c: &usize| {
                let title = heading_text(d, *c);
                !holds_only(&title)
                    && !lead_in(d, *c)
                    && !crate::import::titles::opens_as_question(&title)
            };
            match common.filter(names_track) {
                Some(c) => (
                    ids::clean_title(
                        without_outline_number(&heading_text(d, c)).trim_end_matches(':'),
                    ),
                    d.src.loc(md_start(d, c)),
                ),
                // Nor does a question as the document's title (`# What does a keeper do?`):
                // its file's name does.
                None if crate::import::titles::opens_as_question(doc_title) => {
                    (crate::import::titles::readable(d.src.stem()), d.src.loc(0))
                }
                None => (doc_title.to_string(), d.src.loc(0)),
            }
        } else {
            (track_title(d, p, parents), d.src.loc(md_start(d, p)))
        };
        let title = if title.is_empty() {
            doc_title.to_string()
        } else {
            title
        };
        track_of_parent.insert(p, tracks.len());
        tracks.push(Track {
            uid,
            title,
            id: None,
            description: Vec::new(),
            levels: Vec::new(),
            at,
            final_id: String::new(),
        });
    }
    (tracks, track_of_parent)
}

/// The title of the track that parent `p` (one of `parents`) makes: its heading's, or, where
/// another parent has the same title (each domain's `### Learning Progression`, under `## A.
/// Joinery`, `## B. Finishing`), the heading's above it, without an ordering letter or number,
/// when no other parent is under that heading.
fn track_title(d: &Doc, p: usize, parents: &[usize]) -> String {
    let title = ids::clean_title(without_outline_number(&heading_text(d, p)));
    let key = ids::title_key(&title);
    let shared = parents
        .iter()
        .any(|&o| o != p && ids::title_key(&heading_text(d, o)) == key);
    let alone = |g: usize| {
        !parents
            .iter()
            .any(|&o| o != p && d.secs[o].parent == Some(g))
    };
    match d.secs[p].parent.filter(|&g| g != 0 && shared && alone(g)) {
        Some(g) => {
            let above = ids::clean_title(&heading_text(d, g));
            super::super::titles::without_ordinal(&above).to_string()
        }
        None => title,
    }
}

/// Whether section `s` is a lead-in to a list of its own (`# System Specifics:` over what
/// each pillar covers on this track): titled with a colon, over a list. `## Deck Crew:`
/// over its levels, or over a paragraph, names them.
fn lead_in(d: &Doc, s: usize) -> bool {
    heading_text(d, s).trim_end().ends_with(':') && crate::import::infer::has_list(d, s)
}

/// A section title that says only what the section holds (`Expectations`, `Levels`, `Roles`,
/// `Titles`), perhaps as their definitions (`Detailed Level Definitions`).
pub(super) fn holds_only(title: &str) -> bool {
    let k = ids::title_key(without_outline_number(title));
    let k = k.strip_prefix("detailed ").unwrap_or(&k);
    let k = match k.strip_suffix(" definitions") {
        Some("level" | "role" | "grade" | "band") => "levels",
        _ => k,
    };
    matches!(
        k,
        "expectations"
            | "levels"
            | "roles"
            | "career levels"
            | "the levels"
            | "grades"
            | "titles"
            | "job titles"
            | "positions"
            | "bands"
            // GitLab's job families: `## Job Grades` (or `## Leveling`) over the levels.
            | "job grades"
            | "leveling"
            | "levelling"
    )
}

/// Descriptions: the own text of the root and the ancestors goes to their track; returns
/// the blocks of ancestors that are no track's, for a free page.
pub(super) fn ancestor_text(
    ladder: &mut Ladder,
    d: &Doc,
    is_ancestor: &[bool],
    multi: bool,
    track_of_parent: &HashMap<usize, usize>,
    tracks: &mut [Track],
) -> Vec<usize> {
    let mut root_page_blocks: Vec<usize> = Vec::new();
    for (s, _) in is_ancestor.iter().enumerate().filter(|(_, a)| **a) {
        let t = if multi {
            track_of_parent.get(&s).copied()
        } else {
            Some(0)
        };
        match t {
            Some(t) => {
                let file = FileRef::Track(tracks[t].uid);
                set_heading(
                    ladder,
                    d,
                    s,
                    Target {
                        file,
                        anchor: Anchor::None,
                    },
                );
                let own = d.secs[s].own.clone();
                // A lead-in that names no track (`# Crew Specifics:`) still heads its list.
                let title = heading_text(d, s);
                if s != 0 && lead_in(d, s) {
                    tracks[t].description.push(crate::import::model::Md {
                        text: format!("## {}", title.trim()),
                        doc: d.index,
                        line: d.src.line(md_start(d, s)),
                    });
                }
                tracks[t].description.extend(blocks_md(d, &own));
                if let (Some(&f), Some(&l)) = (own.first(), own.last()) {
                    keep_headings(ladder, d, f, l + 1, file);
                }
            }
            None => root_page_blocks.extend(d.secs[s].own.iter().copied()),
        }
    }
    root_page_blocks
}

/// Once the `##` groups of a document were turned into one track (see
/// [`super::super::transpose::coded_skills`]), the text before them, kept as the free page
/// `root`, describes that track: as a page it would stand in the menu under the track's
/// own title. Its links land on the track.
pub(super) fn root_describes_track(
    ladder: &mut Ladder,
    pages: &mut Vec<Page>,
    root: Option<usize>,
    tracks: &mut [Track],
) {
    let ([track], Some(uid)) = (tracks, root) else {
        return;
    };
    if let Some(i) = pages.iter().position(|p| p.uid == uid) {
        page_into_track(ladder, pages, i, track, |said| {
            said.starts_with("the text before the tracks is kept")
        });
    }
}

/// A section beside the levels that is kept as a free page under the one track's own title
/// (`# Baker` / its text, then `# Expectations` / the levels, the track titled `Baker`)
/// describes that track, first: as a page it would stand in the menu under the track's title.
pub(super) fn page_describes_track(
    ladder: &mut Ladder,
    pages: &mut Vec<Page>,
    tracks: &mut [Track],
) {
    let [track] = tracks else {
        return;
    };
    let key = ids::title_key(&track.title);
    if let Some(i) = pages.iter().position(|p| ids::title_key(&p.title) == key) {
        page_into_track(ladder, pages, i, track, |said| {
            said.contains("kept as a free page")
        });
    }
}

/// Makes free page `pages[i]` the start of `track`'s description, its links landing on the
/// track, and drops the guess at the page that said it was kept as a page (`kept`).
fn page_into_track(
    ladder: &mut Ladder,
    pages: &mut Vec<Page>,
    i: usize,
    track: &mut Track,
    kept: impl Fn(&str) -> bool,
) {
    let page = pages.remove(i);
    let mut description = page.body;
    description.append(&mut track.description);
    track.description = description;
    ladder.retarget(FileRef::Page(page.uid), FileRef::Track(track.uid));
    ladder
        .guesses
        .retain(|g| !(g.at == page.at && kept(&g.text)));
}

/// The free page of the text before the tracks (`blocks`), which links to the document
/// then land on.
pub(super) fn root_page(ladder: &mut Ladder, d: &Doc, blocks: &[usize], doc_title: &str) -> Page {
    let uid = ladder.uid();
    let body = blocks_md(d, blocks);
    let at = d.src.loc(d.blocks[blocks[0]].start);
    ladder.guess(
        GuessKind::Page,
        at.clone(),
        format!("the text before the tracks is kept as the free page `{doc_title}`"),
    );
    ladder.doc_targets.insert(
        d.index,
        Target {
            file: FileRef::Page(uid),
            anchor: Anchor::None,
        },
    );
    Page {
        uid,
        title: doc_title.to_string(),
        body,
        at,
        doc_title: doc_title.to_string(),
        final_id: String::new(),
    }
}

/// Sections that are neither levels nor ancestors of levels, directly under an ancestor:
/// free pages, added to `pages`. Returns those sections and all below them, where a
/// glossary may be.
pub(super) fn free_pages(
    ladder: &mut Ladder,
    d: &Doc,
    found: &Found,
    is_level: &[bool],
    is_ancestor: &[bool],
    doc_title: &str,
    pages: &mut Vec<Page>,
) -> Vec<usize> {
    let levels = &found.levels[..];
    let mut glossary_secs = Vec::new();
    for s in 1..d.secs.len() {
        if is_level[s] || is_ancestor[s] {
            continue;
        }
        let parent = d.secs[s].parent.unwrap_or(0);
        if !(is_ancestor[parent] || parent == 0) {
            continue;
        }
        let mut stack = vec![s];
        while let Some(x) = stack.pop() {
            glossary_secs.push(x);
            stack.extend(d.secs[x].children.iter().copied());
        }
        let title = ids::clean_title(&heading_text(d, s));
        let at = d.src.loc(md_start(d, s));
        // A heading with nothing under it beside the levels (`## Trainee`, left empty in one
        // area of a skill matrix) would be a page holding only its title.
        if d.secs[s].own.is_empty()
            && d.secs[s].children.is_empty()
            && d.secs[s].level == d.secs[levels[0]].level
        {
            ladder.guess(
                GuessKind::Page,
                at,
                format!(
                    "`{title}` holds nothing besides what the ladder reads: no page is made of it"
                ),
            );
            continue;
        }
        let uid = ladder.uid();
        let why = if d.secs[s].level == d.secs[levels[0]].level {
            if crate::import::titles::compares(&title) {
                "is not a level (it compares two)"
            } else if found.plain {
                "is not a level (its title names no level or role)"
            } else if shares_pillars(d, s, levels) {
                // Its labels are the levels' pillars: what sets it apart is its title.
                if crate::import::titles::for_every_level(&title) {
                    "is not a level (it is written for every level)"
                } else if crate::import::titles::level_like(&title) {
                    "is not a level (it names some of the levels' pillars, but is written unlike them)"
                } else {
                    "is not a level (its title names no level, though it names the levels' pillars)"
                }
            } else {
                "is not a level (it shares no pillars with the levels)"
            }
        } else {
            "holds no levels"
        };
        ladder.guess(
            GuessKind::Page,
            at.clone(),
            if title.is_empty() {
                format!("a heading with no text {why}: kept as a free page")
            } else {
                format!("`{title}` {why}: kept as a free page")
            },
        );
        set_heading(
            ladder,
            d,
            s,
            Target {
                file: FileRef::Page(uid),
                anchor: Anchor::None,
            },
        );
        if let Some(h) = d.secs[s].heading {
            keep_headings(ladder, d, h + 1, d.secs[s].end, FileRef::Page(uid));
        }
        // Pages of one title are told apart by the section they sit in (`tl;dr` under
        // `Individual Contributors` and under `Engineering Management`), or else their file.
        let context = match d.secs[parent].heading {
            Some(_) if parent != 0 => ids::clean_title(&heading_text(d, parent)),
            _ => doc_title.to_string(),
        };
        pages.push(Page {
            uid,
            title,
            body: section_body(d, s).into_iter().collect(),
            at,
            doc_title: context,
            final_id: String::new(),
        });
    }
    glossary_secs
}

/// Whether section `s` names one of the pillars of `levels`, written its own way or theirs.
fn shares_pillars(d: &Doc, s: usize, levels: &[usize]) -> bool {
    let shared = shared_keys(d, levels);
    if shape(d, s).is_some_and(|sh| keys(d, s, sh).iter().any(|k| shared.contains_key(k))) {
        return true;
    }
    // Names over nested lists without their colon (`- Lamps` where the levels write `-
    // Lamps:`).
    d.secs[s].own.iter().any(|&b| match &d.blocks[b].kind {
        Kind::List { items } => items.iter().any(|it| {
            let first = d.src.text.get(it.start..it.first_end).unwrap_or("");
            let name = first.trim_start_matches(['-', '*', '+', ' ']).trim();
            !it.nested.is_empty() && shared.contains_key(&ids::title_key(name))
        }),
        _ => false,
    })
}

/// Says, at the first level, how the levels were recognised (their heading depth and
/// shape) and, with several tracks, what makes the tracks.
pub(super) fn say_how_levels_read(
    ladder: &mut Ladder,
    d: &Doc,
    found: &Found,
    tracks: &[Track],
    multi: bool,
) {
    let levels = &found.levels[..];
    // Levels written from a table: the table's own guess says how they were read.
    let heading = d.secs[levels[0]].heading.map(|b| d.blocks[b].start);
    if heading.is_some_and(|at| d.src.written(at)) {
        return;
    }
    let depth = d.secs[levels[0]].level;
    let first = tracks
        .first()
        .and_then(|t| t.levels.first())
        .map(|l| l.at.clone())
        .unwrap_or_else(|| d.src.loc(0));
    let n: usize = tracks.iter().map(|t| t.levels.len()).sum();
    // Told by a level that holds pillars, where there is one.
    let model = levels
        .iter()
        .copied()
        .find(|l| !found.without_pillars.contains(l))
        .unwrap_or(levels[0]);
    let how = match if found.plain { Some(Shape::Plain) } else { shape(d, model) } {
        Some(Shape::Plain) => format!(
            "the {} `{}` headings {}; they have no pillars, so their {} are the expectations of one pillar `{}`",
            n,
            "#".repeat(depth as usize),
            if found.by_shape.is_empty() {
                "with level-like titles"
            } else {
                "with level-like titles, and those before them written alike"
            },
            "lists (or paragraphs)",
            PLAIN_PILLAR
        ),
        Some(Shape::Headings) => format!(
            "the {} `{}` headings whose sub-headings (pillars) recur",
            n,
            "#".repeat(depth as usize)
        ),
        Some(Shape::Numbered(_)) => format!(
            "the {} `{}` headings whose list items each name a pillar (`1. **Label**`, `- Label:`)",
            n,
            "#".repeat(depth as usize)
        ),
        Some(Shape::Labels) => format!(
            "the {} `{}` headings with bold `Label:` pillars",
            n,
            "#".repeat(depth as usize)
        ),
        _ => format!(
            "the {} `{}` headings whose bullets start with bold labels",
            n,
            "#".repeat(depth as usize)
        ),
    };
    let track_note = if multi {
        format!(
            "; one track per `{}` heading above them",
            "#".repeat(depth as usize - 1)
        )
    } else {
        String::new()
    };
    ladder.guess(
        GuessKind::Structure,
        first.clone(),
        format!("levels are {how}{track_note}"),
    );
    // Levels before the first titled as one, taken for how they are written.
    let by_shape: Vec<String> = found
        .by_shape
        .iter()
        .map(|&l| format!("`{}`", ids::clean_title(&heading_text(d, l))))
        .collect();
    if !by_shape.is_empty() {
        ladder.guess(
            GuessKind::Structure,
            first,
            format!(
                "{} {} no level, but {} written as the levels after {} are, down to a line that opens alike in each: read as the track's first {}",
                by_shape.join(", "),
                if by_shape.len() == 1 { "names" } else { "name" },
                if by_shape.len() == 1 { "is" } else { "are" },
                if by_shape.len() == 1 { "it" } else { "them" },
                if by_shape.len() == 1 { "level" } else { "levels" },
            ),
        );
    }
}
