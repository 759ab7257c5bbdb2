//! One-document Markdown ladders, recognised by their structure rather than by heading names.
//!
//! The document is read into an outline (`import::outline`: blocks with byte ranges and a tree
//! of sections by heading), and the evidence of the whole outline decides which sections are
//! levels and how each holds its pillars (`import::infer`). A section can hold pillars as:
//!
//! - **headings**: its sub-sections are pillars (`## Level` / `### Pillar` / `- item`, or prose
//!   paragraphs in a level that writes every pillar in prose);
//! - **numbered bold items**: lists whose items are a bold pillar name (possibly split over
//!   several bold runs) with the expectations nested under it (`1. **Communication**` /
//!   `   - item`);
//! - **bold labels**: paragraphs that start with a bold label and a colon
//!   (`**Communication:**`), each followed by a paragraph or a list;
//! - **labelled bullets**: a list whose every bullet starts with a bold label
//!   (`* **Adopts**: …`), where the label is a pillar, or a word that another section defines
//!   under a pillar heading (a glossary), or only tells the bullet's position;
//! - **deeper headings** (a level file): the sections at the bottom of its outline
//!   (`# L1` / `### Responsibilities` / `#### Impact`), Overview and Anti-patterns excepted;
//! - **no pillars**: its paragraphs or list items are the expectations of one pillar.
//!
//! The levels are the sections of one heading depth that hold pillars of one shape and share
//! pillar names (or labels) with each other, joined by their siblings of that shape whose
//! pillars are their own (senior levels); failing that, sibling sections whose titles read as
//! levels and that hold no pillars. A closing FAQ or a table of contents shares no pillars
//! and has no level-like title, so it is not a level. A document with no such depth is a single
//! level when its first heading holds at least two pillars (or, with no heading at all, when
//! its numbered bold items do). Everything that is not a level or pillar is kept: text before
//! the first level describes the track, text in a level before its pillars describes the
//! level, and other sections become free pages.
//!
//! Text is copied from the source, never re-rendered: a list item keeps its source (nested
//! items, links, emphasis, raw HTML and escapes), only its marker becomes `-`.

use super::ids::{self, parse_level_title, LevelTitle};
use super::infer::*;
use super::level::*;
use super::model::{Anchor, FileRef, GuessKind, Ladder, Level, Page, Target, Track};
use super::outline::*;
use std::collections::HashMap;

mod continued;
mod credits;
mod naming;
mod sections;
mod sub_levels;
use naming::{coded_siblings, graded_siblings, indexes_files, numbered_copy, says_level};
use sections::{
    ancestor_text, free_pages, level_tracks, page_describes_track, root_describes_track, root_page,
    say_how_levels_read,
};

/// What one Markdown document turned out to be.
#[derive(Debug)]
pub enum Outcome {
    /// A ladder: one track, or one per track heading, and the sections that are not levels.
    Ladder {
        /// The tracks.
        tracks: Vec<Track>,
        /// Free pages from sections that are not levels.
        pages: Vec<Page>,
        /// The document's title.
        title: String,
    },
    /// A document that is one level (its first heading), with its pillars.
    Level {
        /// The level.
        level: Level,
        /// Free pages from other top sections.
        pages: Vec<Page>,
        /// The document's title.
        title: String,
        /// How the document was read, for the summary when it is imported alone.
        how: String,
    },
    /// No levels: the document is kept as a free page.
    Page {
        /// The page.
        page: Page,
        /// The first heading read as a level title, for folders of one file per level.
        heading: Option<LevelTitle>,
        /// The document read as one level without pillars (a level-like heading over a
        /// list), for when no file beside it has pillars.
        plain_level: Option<Box<Level>>,
    },
}

/// The labels a list defines under a heading (`## Technology` / `1. **Adopts**: …`), from
/// sections that are not levels: a glossary for labelled bullets elsewhere.
fn glossary_of(d: &Doc, secs: &[usize], out: &mut Vec<(String, String, super::source::Loc)>) {
    for &s in secs {
        let Some(h) = d.secs[s].heading else { continue };
        let Kind::Heading { text, .. } = &d.blocks[h].kind else {
            continue;
        };
        for &b in &d.secs[s].own {
            if let Kind::List { items } = &d.blocks[b].kind {
                if items.len() >= 2 && items.iter().all(|i| i.label.is_some() && i.colon) {
                    for i in items {
                        if let Some(l) = &i.label {
                            out.push((
                                ids::title_key(l),
                                ids::clean_title(text),
                                d.src.loc(i.start),
                            ));
                        }
                    }
                }
            }
        }
    }
}

/// Reads the Markdown of `ladder.docs[index]` from byte `base` (after any front-matter).
/// `title` is a title the front-matter gives.
pub fn parse(ladder: &mut Ladder, index: usize, base: usize, title: Option<String>) -> Outcome {
    let src = ladder.docs[index].clone();
    let mut blocks = parse_blocks(&src.text, base);
    // The links a page gives to the other pages of its ladder, apart from its text, are the
    // source's navigation: the ladder, and a free page, are read without them.
    let own = super::source::file_name_key(&src.rel);
    let nav = navigation(&src.text, &blocks, &own);
    let mut nav_spans = Vec::new();
    if let Some(nav) = &nav {
        nav_spans.extend(
            blocks
                .iter()
                .zip(&nav.blocks)
                .filter(|(_, &n)| n)
                .map(|(b, _)| (b.start, b.end)),
        );
        ladder.navigation_items += nav_spans
            .iter()
            .map(|&(start, end)| units(&src.text[start..end]))
            .sum::<usize>();
        let mut is_nav = nav.blocks.iter();
        blocks.retain(|_| !is_nav.next().is_some_and(|&n| n));
        let said = format!("the page's links to {} pages of the ladder, in lists apart from its text, are the source's navigation, which the site makes anew: the page is read without them", nav.links.len());
        ladder.guess(GuessKind::Structure, src.loc(base), said);
    }
    // A heading that only says the page is unfinished, with no text of its own, titles
    // nothing (`# !Under Construction` over `# Soft Skills`); it stays in a free page's body.
    let heading = |b: Option<&Block>| match b.map(|b| &b.kind) {
        Some(Kind::Heading { text, .. }) => Some(text.clone()),
        _ => None,
    };
    // Nor does one over a table of contents the site generator fills (kramdown's `{:toc}`).
    let placeholder = (0..blocks.len()).find(|&b| {
        heading(blocks.get(b))
            .is_some_and(|t| super::titles::placeholder(&t) || super::titles::table_of_contents(&t))
            && (b + 1 == blocks.len() || heading(blocks.get(b + 1)).is_some())
    });
    if let Some(b) = placeholder {
        let title = heading(blocks.get(b)).unwrap_or_default();
        let said = if super::titles::table_of_contents(&title) {
            format!("`{title}` heads a table of contents the site generator makes, empty in the source: it titles nothing")
        } else {
            format!("`{title}` only says the page is unfinished: it titles nothing")
        };
        ladder.guess(GuessKind::Structure, src.loc(blocks[b].start), said);
        blocks.remove(b);
    }
    let mut d = build_doc(&src, index, blocks);
    d.nav_links = nav.map(|n| n.links).unwrap_or_default();
    d.titled = title.as_deref().is_some_and(|t| !t.trim().is_empty());
    let first_heading = d
        .blocks
        .iter()
        .position(|b| matches!(b.kind, Kind::Heading { .. }));
    let heading_text = |b: usize| match &d.blocks[b].kind {
        Kind::Heading { text, .. } => text.clone(),
        _ => String::new(),
    };
    let doc_title = title
        .clone()
        .map(|t| ids::clean_title(&t))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            first_heading
                .map(|h| ids::clean_title(&heading_text(h)))
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_else(|| src.stem().to_string());

    // A page whose front-matter `title` names a level (`Principal Engineer`) is that level,
    // even when its headings are sentences with words of seniority in them (`### You lead a
    // team through …`), which would otherwise read as levels without pillars.
    let named = title.as_deref().is_some_and(names_role);
    // A front-matter title that names no role but is about the whole ladder (`Career
    // Framework`) titles an overview; any other (`Foundation`, `Growth`) may title a level.
    // Nor does a title that says how something works (`How promotions work`, `Why we
    // level`): a guide's (not `Where You Start`, a level).
    let overview = title.as_deref().is_some_and(|t| {
        let k = ids::title_key(t);
        about_ladder(t)
            || (k.starts_with("why ")
                || k.starts_with("how ") && (k.ends_with(" work") || k.ends_with(" works")))
                && !names_role(t)
    });
    let sentences = |found: &Found| {
        let titles: Vec<LevelTitle> = found
            .levels
            .iter()
            .map(|&l| parse_level_title(&super::outline::heading_text(&d, l)))
            .collect();
        let words: usize = titles
            .iter()
            .map(|t| t.title.split_whitespace().count())
            .sum();
        found.plain && titles.iter().all(|t| sentence_like(&t.full)) && words > 5 * titles.len()
    };
    // A page with no title heading, whose headings at the top are its pillars (`### Technology`,
    // `### People`), is the level its file's name places by a number, a code or a word of
    // seniority (`Tech Lead 5.md`, `senior-engineer.md`): where each of those headings holds
    // only the level's step in it (`#### Leading` over the list), the steps are no pillars.
    let file_title = super::titles::readable(src.stem());
    let placed = parse_level_title(&file_title);
    let named_by_file = title.as_deref().is_none_or(|t| t.trim().is_empty())
        && !src.is_readme()
        && d.secs[0].children.len() >= 2
        && level_like(&file_title)
        && super::titles::ranks(&file_title)
        // A number alone is no level's (`02-promotions.md`, a guide in reading order).
        && (placed.code.is_some() || super::titles::role_word(&file_title));
    // A file named by a level's code and its title, whose first heading is that title
    // (`B2_Baker.md` over `# Baker`): the heading names a level though no word in it says so,
    // and the file gives its code; where other files of the import carry codes of the same
    // letters (`B1_Apprentice_Baker.md`) or the page says it is that level (`**Level:** B2`),
    // and the title does not describe something else (`ENG0_Notes.md`, `Q3_Goals.md`).
    let coded_file = placed.code.as_deref().is_some_and(|code| {
        first_heading.is_some_and(|h| {
            ids::title_key(&ids::clean_title(&heading_text(h))) == ids::title_key(&placed.title)
        }) && !super::titles::descriptive(&placed.title)
            && (coded_siblings(ladder, &src.rel, code) || says_level(&src.text, code))
    }) || graded_siblings(ladder, &src.rel);
    let steps = |f: &Found| named_by_file && f.levels.iter().all(|&l| subtitle(&d, l).is_some());
    // Sections that share labels because each is a competency written as fields, one of
    // them about the page's level (`**Level 3 Attainment:**`), are that level's pillars.
    let fields = |f: &Found| fields_of_one_level(&d, &f.levels);
    let found = find_levels(&d)
        .map(|f| without_advice(&d, f))
        .filter(|f| !(steps(f) || named && sentences(f) || fields(f)));
    // Levels at one depth.
    if let Some(found) = found {
        // When the first heading is a level, it does not name the document.
        let first_is_level = found
            .levels
            .iter()
            .any(|&l| d.secs[l].heading == first_heading);
        let doc_title = match title.as_deref().map(ids::clean_title) {
            Some(t) if !t.is_empty() => t,
            _ if first_is_level => {
                let levels: Vec<String> = found
                    .levels
                    .iter()
                    .map(|&l| super::outline::heading_text(&d, l))
                    .collect();
                super::titles::file_track_title(src.stem(), &levels)
            }
            _ => doc_title,
        };
        return ladder_outcome(ladder, &d, &found, &doc_title);
    }
    // A folder's README that links to two or more of its Markdown files is its index, whose
    // sections (`## Developer profiles` over the links, `## Evaluation criteria`) describe the
    // ladder: not one level, unless its title names one by a code or a word of seniority
    // (`# Senior Engineer`, linking to guides beside it).
    let names_level = first_heading.is_some_and(|h| {
        let t = parse_level_title(&heading_text(h));
        t.code.is_some() || ids::seniority(&t.title).0 != ids::BARE_TITLE
    });
    let index_page =
        !ladder.single && src.is_readme() && !names_level && indexes_files(ladder, &src);
    // One level: the first heading, or else the only section under it that holds pillars (a
    // document titled by its first heading).
    if let Some(h) = first_heading.filter(|_| !index_page) {
        if let Some(top) = d.secs.iter().position(|s| s.heading == Some(h)) {
            let min_level = d
                .secs
                .iter()
                .filter(|s| s.heading.is_some())
                .map(|s| s.level)
                .min()
                .unwrap_or(1);
            // A first heading that reads as a sentence is a page's title, not a level's. In a
            // folder, one about the whole ladder that names no role (`The Engineering Ladder`,
            // a README over sections about levels and promotions) is no level either, though
            // the one section under it titled as a level may be (`# Acme Ladder` / `## Senior
            // Engineer` / `### Craft`).
            let first = heading_text(h);
            let titled_level = named || !sentence_like(&first);
            // Nor is a page titled as no level (`# Career Framework`) with a table that lists
            // the levels and no more (`| Level | Rank Name |`, see `super::roster`), whatever
            // sections follow it; a level's page may say where it sits in such a table.
            let roster = !level_like(&first)
                && ladder.level_tables.iter().any(|t| {
                    t.rows.first().is_some_and(|r| r.0.path == src.rel)
                        && super::roster::is_roster(t)
                });
            let about = !named && (!ladder.single && about_ladder(&first) || roster);
            // A page titled in its front-matter whose first heading is one of several areas
            // at the top (`title: Artisan` over `# Technical Delivery` and `# Consulting`,
            // each in parts `## Expectations`, `## Self-Assessment`): the areas are the
            // pillars of the page's level, read below.
            let areas = d.titled
                && !overview
                && !level_like(&first)
                && d.secs
                    .iter()
                    .filter(|s| s.heading.is_some() && s.level == min_level)
                    .count()
                    >= 2;
            if d.secs[top].level == min_level && titled_level && !areas {
                let shape = named_level_shape(&d, top, coded_file).filter(|_| !about);
                if shape.is_some() {
                    let mut outcome =
                        single_level_outcome(ladder, &d, top, &doc_title, true, shape);
                    if let Outcome::Level { level, .. } = &mut outcome {
                        if coded_file && level.code.is_none() {
                            (level.code, level.number) = (placed.code.clone(), placed.number);
                        }
                    }
                    return outcome;
                }
                let inner: Vec<usize> = d.secs[top]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| single_level_shape(&d, c).is_some())
                    .filter(|&c| {
                        let t = super::outline::heading_text(&d, c);
                        // A level's title, by its code or a role word (not only a number, as
                        // in `5 axes`).
                        !about
                            || (level_like(&t)
                                && (parse_level_title(&t).code.is_some() || role_word(&t)))
                    })
                    .collect();
                if inner.len() == 1 {
                    return single_level_outcome(ladder, &d, inner[0], &doc_title, false, None);
                }
            }
        }
    }
    // One level with no heading at all: numbered bold pillars or bold labels from the start;
    // or a page of a site generator (Hugo, Jekyll) whose front-matter `title` names the level
    // and whose headings are its pillars.
    let titled = d.titled;
    // With headings, a title about the whole ladder does not make the page one level (an
    // overview titled `Career Framework` over `## Impact` definitions is a free page), nor
    // does a first heading about it under a title that names no role (`title: Introduction`
    // over `# Acme Engineering Career Framework`).
    let overview =
        overview || (!named && first_heading.is_some_and(|h| about_ladder(&heading_text(h))));
    if (first_heading.is_none() || (titled && !overview)) && !index_page {
        if let Some(sh) = named_level_shape(&d, 0, titled) {
            return single_level_outcome(ladder, &d, 0, &doc_title, true, Some(sh));
        }
    }
    if named_by_file && !index_page {
        if let Some(sh) = named_level_shape(&d, 0, true) {
            return single_level_outcome(ladder, &d, 0, &file_title, true, Some(sh));
        }
    }
    // A document that is only a level-like heading over a list may be one level without
    // pillars (or one a file's code or graded siblings name, as above: `baker.md` beside
    // `senior-baker.md`); whether it is depends on the files beside it, so it is decided when
    // the files are gathered (a level's stub beside levels with pillars stays its description).
    let top_title = |top: usize| super::outline::heading_text(&d, top);
    let plain_level = first_heading
        .and_then(|h| d.secs.iter().position(|s| s.heading == Some(h)))
        .filter(|&top| {
            d.secs[0].children == [top]
                && d.secs[0].own.is_empty()
                && plain(&d, top)
                && (level_like(&top_title(top)) || coded_file)
                // Paragraphs name a level only under a title that places it (`Senior
                // Baker`, `L3 Engineer`): a role's description (`Core Engineer Archetype`)
                // is none, nor a page a code dates (`Q3 Goals`).
                && (has_list(&d, top) || in_paragraphs(&d, top) && (placed_role(&top_title(top)) || coded_file))
                && !is_index(&d)
                && !src.is_readme()
        })
        .map(|top| {
            let mut level = new_level(ladder, &d, top);
            fill_level(ladder, &d, top, Shape::Plain, &HashMap::new(), &mut level);
            Box::new(level)
        });
    // No levels.
    let uid = ladder.uid();
    // A front-matter `title` titles a page whose headings start below `#` (Hugo, Jekyll),
    // its first heading kept in the body; otherwise a first heading with nothing but rules
    // above it does (Docusaurus shows a page's `#` heading over its `title`).
    let first_depth = first_heading
        .and_then(|h| d.secs.iter().find(|s| s.heading == Some(h)))
        .map(|s| s.level);
    let (page_title, body_start, heading, titled_by) = match (first_heading, title.as_deref()) {
        (_, Some(t)) if !ids::clean_title(t).is_empty() && first_depth != Some(1) => {
            (ids::clean_title(t), base, Some(parse_level_title(t)), None)
        }
        (Some(h), _) if d.blocks[..h].iter().all(|b| matches!(b.kind, Kind::Rule)) => {
            let t = heading_text(h);
            (
                ids::clean_title(&t),
                after_line(&src.text, d.blocks[h].end),
                Some(parse_level_title(&t)),
                Some(h),
            )
        }
        _ => (doc_title.clone(), base, None, None),
    };
    // A title without a code over a line of facts that opens with one in bold (`# Chief QA
    // Engineer` / `**Level 7** | **Career Path:** Engineering`, or the code alone): the page's
    // level has that code. A sentence that opens with one (`**L3** and above need …`) is
    // about the levels, not the page's.
    let mut heading = heading;
    if let (Some(h), Some(lt)) = (titled_by, heading.as_mut().filter(|t| t.code.is_none())) {
        if let Some(Kind::Para {
            label: Some(l),
            only,
            rest,
            ..
        }) = d.blocks.get(h + 1).map(|b| &b.kind)
        {
            let facts = *only || src.text.get(*rest..).is_some_and(|t| t.starts_with('|'));
            let code = ids::level_word_code(l).or_else(|| ids::parse_code(l));
            if let Some((code, number)) = code.filter(|_| facts) {
                lt.code = Some(code);
                lt.number = Some(number);
            }
        }
    }
    // The page's text, around its navigation.
    let mut body = Vec::new();
    let mut from = body_start;
    for &(start, end) in nav_spans.iter().filter(|s| s.0 >= body_start) {
        body.extend(span(&src, index, from, start));
        from = end;
    }
    body.extend(span(&src, index, from, src.text.len()));
    let mut glossary = Vec::new();
    let all: Vec<usize> = (1..d.secs.len()).collect();
    glossary_of(&d, &all, &mut glossary);
    ladder.glossary.extend(glossary);
    for (b, slug) in &d.slugs {
        let anchor = if Some(*b) == titled_by {
            Anchor::None
        } else {
            Anchor::Slug(out_slug(&d, *b))
        };
        ladder.heading_targets.insert(
            (index, slug.clone()),
            Target {
                file: FileRef::Page(uid),
                anchor,
            },
        );
    }
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Page(uid),
            anchor: Anchor::None,
        },
    );
    Outcome::Page {
        page: Page {
            uid,
            title: if page_title.is_empty() {
                doc_title.clone()
            } else {
                page_title
            },
            body,
            at: src.loc(base),
            doc_title,
            final_id: String::new(),
        },
        heading,
        plain_level,
    }
}

/// The outcome of a document whose sections `found` are levels: its tracks, levels, free
/// pages and glossary.
fn ladder_outcome(ladder: &mut Ladder, d: &Doc, found: &Found, doc_title: &str) -> Outcome {
    // A document titled by a heading that only says what it holds (`1. Role Definitions`,
    // its first, over the levels) is named by its file.
    // A folder's README or index names nothing by its file: its heading stays.
    let named_by_file;
    let index =
        d.src.is_readme() || matches!(d.src.stem().to_lowercase().as_str(), "index" | "_index");
    let doc_title = if sections::holds_only(doc_title) && !index {
        named_by_file = super::titles::readable(d.src.stem());
        named_by_file.as_str()
    } else {
        doc_title
    };
    let levels = &found.levels[..];
    let is_level: Vec<bool> = (0..d.secs.len()).map(|s| levels.contains(&s)).collect();
    let mut is_ancestor = vec![false; d.secs.len()];
    for &l in levels {
        let mut p = d.secs[l].parent;
        while let Some(x) = p {
            is_ancestor[x] = true;
            p = d.secs[x].parent;
        }
    }
    // Tracks: the distinct parents of the levels, when there are several.
    let mut parents: Vec<usize> = Vec::new();
    for &l in levels {
        if let Some(p) = d.secs[l].parent {
            if !parents.contains(&p) {
                parents.push(p);
            }
        }
    }
    let multi = parents.len() >= 2 && parents.iter().all(|&p| p != 0);
    let shared = shared_keys(d, levels);
    let mut pages: Vec<Page> = Vec::new();
    let (mut tracks, track_of_parent) = level_tracks(ladder, d, &parents, multi, doc_title);
    if !multi {
        ladder.doc_targets.insert(
            d.index,
            Target {
                file: FileRef::Track(tracks[0].uid),
                anchor: Anchor::None,
            },
        );
    }
    let root_page_blocks = ancestor_text(
        ladder,
        d,
        &is_ancestor,
        multi,
        &track_of_parent,
        &mut tracks,
    );
    let mut root = None;
    if !root_page_blocks.is_empty() {
        let page = root_page(ladder, d, &root_page_blocks, doc_title);
        root = Some(page.uid);
        pages.push(page);
    } else if multi {
        ladder.doc_targets.insert(
            d.index,
            Target {
                file: FileRef::Track(tracks[0].uid),
                anchor: Anchor::None,
            },
        );
    }
    let glossary_secs = free_pages(
        ladder,
        d,
        found,
        &is_level,
        &is_ancestor,
        doc_title,
        &mut pages,
    );
    let mut glossary = Vec::new();
    glossary_of(d, &glossary_secs, &mut glossary);
    ladder.glossary.extend(glossary);
    // Levels.
    for &l in levels {
        let t = if multi {
            d.secs[l]
                .parent
                .and_then(|p| track_of_parent.get(&p).copied())
                .unwrap_or(0)
        } else {
            0
        };
        let subs = sub_levels::sub_levels(d, l);
        if !found.plain && !subs.is_empty() {
            let split = sub_levels::split(ladder, d, l, &subs, &shared);
            tracks[t].levels.extend(split);
            continue;
        }
        let sh = if found.plain {
            Shape::Plain
        } else if found.without_pillars.contains(&l) {
            // Its list is its expectations; without one, all its text describes the level
            // (no sub-heading names a pillar).
            if has_list(d, l) {
                Shape::Plain
            } else {
                Shape::Headings
            }
        } else {
            let Some(sh) = shape(d, l) else { continue };
            match sh {
                Shape::Headings if super::infer::table_area(d, l) => Shape::Nested,
                sh => sh,
            }
        };
        let mut level = new_level(ladder, d, l);
        if found.own_pillars.contains(&l) {
            let (common, own): (Vec<String>, Vec<String>) = keys(d, l, sh)
                .into_iter()
                .partition(|k| shared.get(k).is_some_and(|&n| n >= 2));
            let names = |ks: &[String]| {
                ks.iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let said = if common.is_empty() {
                format!("`{}` shares no pillars with the other levels but is written like them: imported as a level with pillars of its own ({})", level.full_title, names(&own))
            } else {
                format!("`{}` writes its pillars unlike the other levels (in bold labels or lists, not headings) but is titled like them: imported as a level, with their pillars {}{}", level.full_title, names(&common), if own.is_empty() { String::new() } else { format!(" and its own {}", names(&own)) })
            };
            ladder.guess(GuessKind::Structure, level.at.clone(), said);
        }
        if found.without_pillars.contains(&l) {
            let said = if has_list(d, l) {
                format!("`{}` holds none of the pillars of the levels around it but is titled like them: imported as a level whose list is its expectations", level.full_title)
            } else {
                format!("`{}` holds no pillars but is titled like the levels around it: imported as a level without expectations, its text its description", level.full_title)
            };
            ladder.guess(GuessKind::Structure, level.at.clone(), said);
        }
        fill_level(ladder, d, l, sh, &shared, &mut level);
        tracks[t].levels.push(level);
    }
    credits::credits_to_tracks(ladder, d, &mut tracks);
    if super::transpose::coded_skills(ladder, &mut tracks, doc_title) {
        root_describes_track(ladder, &mut pages, root, &mut tracks);
        return Outcome::Ladder {
            tracks,
            pages,
            title: doc_title.to_string(),
        };
    }
    if multi {
        continued::join_continued(ladder, &mut tracks);
    }
    if multi && super::transpose::grouped_areas(ladder, &mut tracks, doc_title) {
        root_describes_track(ladder, &mut pages, root, &mut tracks);
        return Outcome::Ladder {
            tracks,
            pages,
            title: doc_title.to_string(),
        };
    }
    if !multi {
        page_describes_track(ladder, &mut pages, &mut tracks);
    }
    // Areas whose levels are listed under a label that says so (`**Levels:**`).
    let labelled = match (tracks.as_mut_slice(), multi) {
        ([one], false) => super::transpose::levels_label(one),
        _ => None,
    };
    let turned = match (tracks.as_mut_slice(), labelled) {
        (_, Some(order)) => Some(order),
        ([one], None) if !multi => {
            super::transpose::transposed(one).or_else(|| super::transpose::labelled_names(one))
        }
        _ => None,
    };
    // Tracks that each hold the same areas, each area the track's levels by name (`## IC
    // Track` and `## Manager Track`, each over `### 1. Impact` / `#### Level 3`): each track
    // is turned round on its own, as one would be.
    let each: Option<Vec<Vec<String>>> = (multi && turned.is_none())
        .then(|| tracks.iter().map(super::transpose::transposed).collect())
        .flatten();
    match (turned, each) {
        (Some(order), _) => super::transpose::transpose(ladder, &mut tracks[0], order),
        (None, Some(orders)) => {
            for (track, order) in tracks.iter_mut().zip(orders) {
                super::transpose::transpose(ladder, track, order);
            }
        }
        (None, None) => say_how_levels_read(ladder, d, found, &tracks, multi),
    }
    Outcome::Ladder {
        tracks,
        pages,
        title: doc_title.to_string(),
    }
}

fn single_level_outcome(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    doc_title: &str,
    first: bool,
    shape: Option<Shape>,
) -> Outcome {
    let sh = shape
        .or_else(|| single_level_shape(d, s))
        .unwrap_or(Shape::Headings);
    let mut level = new_level(ladder, d, s);
    // A page with YAML front-matter whose `title` names it (not its file name).
    let front_matter_title = d.src.text.starts_with("---") && doc_title != d.src.stem();
    if d.secs[s].heading.is_none() && front_matter_title {
        level.title = doc_title.to_string();
        level.full_title = level.title.clone();
    } else if front_matter_title && numbered_copy(&level.full_title, doc_title) {
        // The heading repeats the front-matter's title after the number that orders the
        // files (`# 04b Senior L2` under `title: Senior L2`): the title is the level's name.
        level = Level::titled(level.uid, doc_title, level.at.clone());
    } else if !first && !level_like(&level.full_title) && level_like(doc_title) {
        // The one section under the document's title that holds the pillars, titled by what
        // it holds (`# QA Engineer` / `## Responsibilities` / `- Testing:`): the document's
        // title names the level.
        level = Level::titled(level.uid, doc_title, level.at.clone());
    } else if d.secs[s].heading.is_none() {
        level.title = super::titles::readable(d.src.stem());
        level.full_title = level.title.clone();
        ladder.guess(
            GuessKind::Structure,
            level.at.clone(),
            format!(
                "`{}` has no {}heading: the level's title `{}` is its file name",
                d.src.rel,
                if d.secs.len() > 1 { "title " } else { "" },
                level.title
            ),
        );
    }
    let shared = HashMap::new();
    fill_level(ladder, d, s, sh, &shared, &mut level);
    let file = FileRef::Level(level.uid);
    // The sections above the level (a document title) and their own text describe it too.
    let mut ancestors = Vec::new();
    let mut p = d.secs[s].parent;
    while let Some(x) = p {
        ancestors.push(x);
        p = d.secs[x].parent;
    }
    ancestors.reverse();
    let mut before: Vec<usize> = Vec::new();
    for &a in &ancestors {
        before.extend(d.secs[a].own.iter().copied());
        set_heading(
            ladder,
            d,
            a,
            Target {
                file,
                anchor: Anchor::None,
            },
        );
    }
    let mut pre = blocks_md(d, &before);
    pre.append(&mut level.description);
    level.description = pre;
    ladder.doc_targets.insert(
        d.index,
        Target {
            file,
            anchor: Anchor::None,
        },
    );
    // Other sections beside the level or above it are free pages.
    let mut pages = Vec::new();
    for o in 1..d.secs.len() {
        let parent = d.secs[o].parent.unwrap_or(0);
        if o == s || ancestors.contains(&o) || !ancestors.contains(&parent) {
            continue;
        }
        let uid = ladder.uid();
        let title = ids::clean_title(&heading_text(d, o));
        let at = d.src.loc(md_start(d, o));
        ladder.guess(
            GuessKind::Page,
            at.clone(),
            format!("`{title}` is not part of the level: kept as a free page"),
        );
        set_heading(
            ladder,
            d,
            o,
            Target {
                file: FileRef::Page(uid),
                anchor: Anchor::None,
            },
        );
        if let Some(hh) = d.secs[o].heading {
            keep_headings(ladder, d, hh + 1, d.secs[o].end, FileRef::Page(uid));
        }
        pages.push(Page {
            uid,
            title,
            body: section_body(d, o).into_iter().collect(),
            at,
            doc_title: doc_title.to_string(),
            final_id: String::new(),
        });
    }
    let what = match sh {
        Shape::Headings => "its sub-headings are pillars",
        Shape::Numbered(_) => "its numbered bold items are pillars",
        Shape::Nested => "the sub-headings at the bottom of its outline are pillars",
        Shape::Plain => "it has no pillars: its expectations make one pillar",
        _ => "its bold `Label:` paragraphs are pillars",
    };
    let how = format!(
        "a one-level document: `{}` is the level, {what}",
        level.full_title
    );
    let title = if first {
        level.title.clone()
    } else {
        doc_title.to_string()
    };
    Outcome::Level {
        level,
        pages,
        title,
        how,
    }
}

/// A title that places a role's level: a word of seniority (`Senior Baker`), or a code or
/// number beside a word that names a role (`L3 Engineer`, not `Q3 Goals`).
fn placed_role(title: &str) -> bool {
    ids::seniority(&parse_level_title(title).title).0 != ids::BARE_TITLE
        || super::titles::ranks(title) && super::titles::role_word(title)
}
