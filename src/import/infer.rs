//! Which sections of an outline are levels, and how each holds its pillars, decided from
//! the evidence of the whole document: pillar names that recur between sections of one depth,
//! level-like titles, and the shape of what each section holds.

use super::ids;
use super::outline::*;
pub(super) use super::titles::{
    about_ladder, compares, descriptive, level_like, names_role, opens_as_question, pay, role_word,
    sentence_like,
};
use std::collections::{HashMap, HashSet};

mod advice;
mod fields;
mod levels;
mod links;
mod pay;
mod sharing;
pub(super) use advice::without_advice;
pub(super) use fields::{fields_of_one_level, level_field, split_fields};
pub(super) use levels::find_levels;
pub(in crate::import) use links::{is_index, markdown_links, page_link};
pub(in crate::import) use pay::pay_section;
use sharing::{levels_sharing_pillars, role_section};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Shape {
    Headings,
    Numbered(usize),
    Labels,
    Bullets(usize),
    /// No pillars: the section's own lists (or paragraphs) are its expectations.
    Plain,
    /// Pillars are sections deeper down (`# L1` / `### Responsibilities` / `#### Impact`).
    Nested,
}

impl Shape {
    pub(super) fn kind(self) -> u8 {
        match self {
            Shape::Headings => 0,
            Shape::Numbered(_) => 1,
            Shape::Labels => 2,
            Shape::Bullets(_) => 3,
            Shape::Plain => 4,
            Shape::Nested => 5,
        }
    }
}

/// The section's own top-level lists outside raw HTML.
pub(super) fn has_list(d: &Doc, s: usize) -> bool {
    d.secs[s]
        .own
        .iter()
        .any(|&b| !d.blocks[b].region && matches!(d.blocks[b].kind, Kind::List { .. }))
}

/// Whether section `s` is written in paragraphs only, as a job classification describes its
/// level (`# Senior Baker` over what one does, a paragraph each), under a title that is not
/// about the levels (`Tech Lead vs Engineering Manager`, an article beside a ladder, is not).
pub(super) fn in_paragraphs(d: &Doc, s: usize) -> bool {
    let own = &d.secs[s].own;
    !own.is_empty()
        && own
            .iter()
            .all(|&b| matches!(d.blocks[b].kind, Kind::Para { .. }))
        && !super::titles::descriptive(&heading_text(d, s))
}

/// Whether section `s` is an area written in parts (`# Technical Delivery` over `##
/// Expectations` and `## Self-Assessment`, see [`super::titles::area_part`]): no list of its
/// own, and sub-sections that are all such parts, one of them its expectations.
pub(super) fn in_parts(d: &Doc, s: usize) -> bool {
    let kids = &d.secs[s].children;
    !has_list(d, s)
        && !kids.is_empty()
        && kids
            .iter()
            .all(|&c| super::titles::area_part(&heading_text(d, c)))
        && kids
            .iter()
            .any(|&c| super::titles::expectations_part(&heading_text(d, c)))
}

pub(super) fn has_text(d: &Doc, s: usize) -> bool {
    d.secs[s]
        .own
        .iter()
        .any(|&b| matches!(d.blocks[b].kind, Kind::List { .. } | Kind::Para { .. }))
}

/// How section `s` holds pillars, if it does.
pub(super) fn shape(d: &Doc, s: usize) -> Option<Shape> {
    let sec = &d.secs[s];
    // Sub-sections that only point elsewhere (`#### References`, `#### Further reading`)
    // after a level's labelled bullets are not its pillars; nor are they under a level's own
    // list (`### Guides` after what the level does), which is then a level without pillars.
    let pillar_like = |c: &usize| (has_text(d, *c) || holds_table(d, *c)) && !describes(d, *c);
    if sec.children.iter().any(pillar_like)
        || sec.children.iter().any(|&c| has_text(d, c))
            && own_shape(d, s).is_none()
            && !has_list(d, s)
    {
        return Some(Shape::Headings);
    }
    own_shape(d, s)
}

/// Whether section `s` describes a level rather than being a competency: its title says so
/// (see [`descriptive`]), or it is a reading list (see [`reading_list`]).
pub(super) fn describes(d: &Doc, s: usize) -> bool {
    let title = heading_text(d, s);
    descriptive(&title) && !experience_of_behaviours(d, s, &title)
        || reading_list(d, s)
        || contents(d, s)
        || super::titles::how_one_becomes(&title) && !recurs(d, s)
        // What a job asks for (`## Education`) beside one level's text; under every level
        // of a document, an area of its own (a teaching ladder's Education).
        || super::titles::job_requirement(&title) && !recurs(d, s)
        || pay_section(d, s, &title)
}

/// Whether section `s`, titled `Experience`, is one of every level's areas: it comes back
/// under each level, and its list says what the level does (`Gets stuck on sourdough often
/// and asks for help`), in no figures (`3-5 years in a bakery` describes the level).
fn experience_of_behaviours(d: &Doc, s: usize, title: &str) -> bool {
    if ids::title_key(title).trim_end_matches(':') != "experience" || !recurs(d, s) {
        return false;
    }
    let items = list_items(d, s);
    items.len() >= 2 && items.iter().all(|t| !t.chars().any(|c| c.is_ascii_digit()))
}

/// The text of each item of the lists of section `s`'s own (not its sub-sections').
pub(super) fn list_items<'d>(d: &'d Doc, s: usize) -> Vec<&'d str> {
    d.secs[s]
        .own
        .iter()
        .filter_map(|&b| match &d.blocks[b].kind {
            Kind::List { items } => Some(items),
            _ => None,
        })
        .flatten()
        .map(|it| d.src.text.get(it.start..it.end).unwrap_or(""))
        .collect()
}

/// Whether another section of the document at `s`'s depth has its title: the same part of
/// each level (`### Becoming a Mentor` under every level, a pillar), not one level's own.
fn recurs(d: &Doc, s: usize) -> bool {
    let key = ids::title_key(&heading_text(d, s));
    (1..d.secs.len()).any(|o| {
        o != s && d.secs[o].level == d.secs[s].level && ids::title_key(&heading_text(d, o)) == key
    })
}

/// Whether section `s` holds only a table of contents: a list whose every item is a link to
/// a heading of the page (`* [Vision](#vision)`, under Mercari's `###### Mercari Engineering
/// Career Ladder` subtitle).
fn contents(d: &Doc, s: usize) -> bool {
    let mut items = 0;
    for &b in &d.secs[s].own {
        let Kind::List { items: list } = &d.blocks[b].kind else {
            return false;
        };
        for it in list {
            let line = item_first_line(&d.src.text, it.start, it.end).trim();
            let anchor = line.starts_with('[')
                && line.ends_with(')')
                && line
                    .find("](#")
                    .is_some_and(|at| !line[at + 3..].contains(' '));
            if !anchor {
                return false;
            }
            items += 1;
        }
    }
    items >= 2 && d.secs[s].children.is_empty()
}

/// Whether section `s` is a reading list: titled as one (`Guides`, `Useful links`, `Learning
/// resources`) over a list whose items are, at least half of them, links (`- [Hive tool
/// basics](…)`). A `Guides` section of sentences is a pillar (a technical writer's).
pub(super) fn reading_list(d: &Doc, s: usize) -> bool {
    const READING: &[&str] = &[
        "guides",
        "related guides",
        "useful links",
        "learning resources",
        "recommended reading",
        "further resources",
    ];
    if d.secs[s].heading.is_none()
        || !READING.contains(&ids::title_key(&heading_text(d, s)).trim_end_matches(':'))
    {
        return false;
    }
    let (mut items, mut links) = (0, 0);
    for &b in &d.secs[s].own {
        if let Kind::List { items: list } = &d.blocks[b].kind {
            for it in list {
                let content =
                    item_first_line(&d.src.text, it.start, it.end).trim_start_matches(['*', '_']);
                items += 1;
                if content.starts_with('[') || content.starts_with("<a ") {
                    links += 1;
                }
            }
        }
    }
    items > 0 && 2 * links >= items
}

/// How section `s`'s own blocks (not its sub-sections) hold pillars, if they do.
fn own_shape(d: &Doc, s: usize) -> Option<Shape> {
    let sec = &d.secs[s];
    for &b in &sec.own {
        if d.blocks[b].region {
            continue;
        }
        if pillar_list(d, b) {
            return Some(Shape::Numbered(b));
        }
    }
    let bullets = sec.own.iter().copied().find(|&b| labelled_bullets(d, b));
    let labels: Vec<usize> = sec
        .own
        .iter()
        .copied()
        .filter(|&b| opens_label(&d.blocks[b].kind))
        .collect();
    match (bullets, labels.first()) {
        // Labelled bullets, then one labelled paragraph with no list after it (`**Caution**:
        // little is published about this level`): a note after the level's pillars, not its
        // pillars. Two or more such paragraphs are pillars beside the bullets.
        (Some(list), Some(&first))
            if list < first
                && labels.len() == 1
                && !sec
                    .own
                    .iter()
                    .any(|&b| b > first && matches!(d.blocks[b].kind, Kind::List { .. })) =>
        {
            Some(Shape::Bullets(list))
        }
        // One labelled line over bullets that each open with a level's code (`**Focus**:
        // Doughs and loaves` over `- **B1**: …`, `- **B2**: …`): what a skill is about, over
        // its levels, not its pillar.
        (Some(list), Some(&first)) if first < list && labels.len() == 1 && coded_items(d, list) => {
            Some(Shape::Bullets(list))
        }
        (_, Some(_)) => Some(Shape::Labels),
        (list, None) => list.map(Shape::Bullets),
    }
}

/// Whether block `b` is a list whose every item's label is a level's code (`- **L2**: …`).
fn coded_items(d: &Doc, b: usize) -> bool {
    matches!(&d.blocks[b].kind, Kind::List { items } if items.iter().all(|i| {
        i.label.as_deref().and_then(ids::parse_code).is_some()
    }))
}

/// Whether block `b` is a list whose every item starts with a bold label and a colon: two
/// or more, or one when its label is a level's code (`- L5: …`, a skill only the most senior
/// level has; a bold code needs no colon, `- **L5** …`).
fn labelled_bullets(d: &Doc, b: usize) -> bool {
    let Kind::List { items } = &d.blocks[b].kind else {
        return false;
    };
    let coded = |i: &Item| i.label.as_deref().and_then(ids::parse_code).is_some();
    !d.blocks[b].region
        && (items.len() >= 2 || items.iter().all(coded))
        && items
            .iter()
            .all(|i| i.label.is_some() && (i.colon || coded(i)))
}

/// The sub-sections of `s` that are pillars: those with a list; those with text whose title
/// recurs in other levels (`shared` counts the levels using each title); and, in a level that
/// writes every pillar in prose (no sub-section has a list, two or more have text), those
/// with text. An Overview or Anti-patterns section describes the level, list or not.
pub(super) fn heading_pillars(d: &Doc, s: usize, shared: &HashMap<String, usize>) -> Vec<usize> {
    let kids = pillar_candidates(d, s);
    // Areas written in parts are the pillars; sections beside them (`## Mindset`, `## Nature
    // of Impact` above `# Technical Delivery` / `## Expectations`) describe the level.
    let parted: Vec<usize> = kids.iter().copied().filter(|&c| in_parts(d, c)).collect();
    if parted.len() >= 2 {
        return parted;
    }
    let prose = !kids.iter().any(|&c| has_list(d, c))
        && kids.iter().filter(|&&c| has_text(d, c)).count() >= 2;
    kids.into_iter()
        .filter(|&c| {
            let key = ids::title_key(&heading_text(d, c));
            // The level's grade, said in a sentence (`#### Job Grade` / `The Senior Cook is a
            // grade 7.`, as GitLab's job families say it), describes the level.
            let grade = super::titles::grade(&key);
            has_list(d, c)
                || in_parts(d, c)
                || (has_text(d, c)
                    && !grade
                    && (prose || shared.get(&key).copied().unwrap_or(0) >= 2))
        })
        .collect()
}

/// A list whose every item is a bold pillar name, most with the expectations nested under
/// it (a lead-in after the name is kept as a note; a name with nothing under it is a pillar
/// with no expectations yet; a name with its one expectation on its line is one too, where
/// fewer names do so than stand over lists). One name over a statement of its own is no
/// such list: it is an expectation with notes.
pub(super) fn pillar_list(d: &Doc, b: usize) -> bool {
    let Kind::List { items } = &d.blocks[b].kind else {
        return false;
    };
    let nested = items.iter().filter(|i| !i.nested.is_empty()).count();
    let named = items.iter().filter(|i| i.label.is_some()).count();
    // Items without a name under a named one: sub-items indented too little to nest.
    let flat = items
        .iter()
        .all(|i| i.label.is_none() || i.only || !i.nested.is_empty())
        && items.first().is_some_and(|i| i.label.is_some() && i.only)
        && named >= 2
        && (0..items.len()).all(|k| {
            items[k].label.is_none()
                || !items[k].nested.is_empty()
                || items.get(k + 1).is_some_and(|n| n.label.is_none())
        });
    // A name with its one expectation written after it (`- Timing: Gets plates out on
    // time.`) among names over their lists: the same pillars, that cell's text inline.
    let inline = |i: &Item| i.colon && !i.only && i.nested.is_empty();
    let over_lists = items
        .iter()
        .filter(|i| i.only && !i.nested.is_empty())
        .count();
    let inlined = items.iter().filter(|i| inline(i)).count();
    // One name with a statement of its own over a list (`- **Nurse:** Cares for a bay.` over
    // a score) is an expectation with notes, not a list of pillars; a lead-in to the list
    // (`- **Rescue:** Trainees take part in:`) still names its pillar.
    let lone = items.len() == 1 && !items[0].only && {
        let it = &items[0];
        let text = &d.src.text;
        !text[it.rest.min(it.first_end)..it.first_end]
            .trim_end()
            .ends_with(':')
    };
    !d.blocks[b].region
        && !items.is_empty()
        && !lone
        && (flat
            || (named == items.len()
                && nested * 2 > items.len()
                && (inlined == 0 || (over_lists >= 2 && inlined < over_lists))
                && items
                    .iter()
                    .all(|i| i.only || !i.nested.is_empty() || inline(i))))
}

/// The lists of section `s` that hold pillars, from the first one `b` (a list interrupted by a
/// paragraph goes on as another list).
pub(super) fn pillar_lists(d: &Doc, s: usize, b: usize) -> Vec<usize> {
    d.secs[s]
        .own
        .iter()
        .copied()
        .filter(|&x| x >= b && pillar_list(d, x))
        .collect()
}

/// The pillar names (or labels) of a section in a shape.
pub(super) fn keys(d: &Doc, s: usize, sh: Shape) -> Vec<String> {
    match sh {
        Shape::Headings => {
            let labels = if prose_labels(d, s) {
                keys(d, s, Shape::Labels)
            } else {
                Vec::new()
            };
            labels
                .into_iter()
                .chain(
                    d.secs[s]
                        .children
                        .iter()
                        .map(|&c| ids::title_key(&heading_text(d, c))),
                )
                .collect()
        }
        Shape::Numbered(b) => pillar_lists(d, s, b)
            .into_iter()
            .flat_map(|x| keys(d, s, Shape::Bullets(x)))
            .collect(),
        Shape::Bullets(b) => match &d.blocks[b].kind {
            Kind::List { items } => items
                .iter()
                .filter_map(|i| i.label.as_deref().map(ids::title_key))
                .collect(),
            _ => Vec::new(),
        },
        Shape::Labels => d.secs[s]
            .own
            .iter()
            .filter_map(|&b| match &d.blocks[b].kind {
                Kind::Para {
                    label: Some(l),
                    colon: true,
                    ..
                } => Some(ids::title_key(l)),
                _ => None,
            })
            .collect(),
        Shape::Plain => Vec::new(),
        Shape::Nested => nested_pillars(d, s)
            .0
            .iter()
            .map(|&c| ids::title_key(&heading_text(d, c)))
            .collect(),
    }
}

/// The pillar of a ladder whose levels have none.
pub(super) const PLAIN_PILLAR: &str = "Expectations";

/// Levels found in a document.
#[derive(Debug, Clone, Default)]
pub(super) struct Found {
    /// The level sections, in document order.
    pub(super) levels: Vec<usize>,
    /// Levels taken although they share no pillar with the others (senior levels often have
    /// competency areas of their own).
    pub(super) own_pillars: Vec<usize>,
    /// The levels have no pillars (their expectations are lists or paragraphs).
    pub(super) plain: bool,
    /// Levels taken although they hold no pillars: a paragraph or a plain list under a level's
    /// title among levels with pillars (`### Associate Cook` / `The Associate Cook is a grade
    /// 5.`).
    pub(super) without_pillars: Vec<usize>,
    /// Levels before the first titled as one, taken for how their lists are written (see
    /// `levels::with_first_levels`).
    pub(super) by_shape: Vec<usize>,
}

/// The sub-sections of section `s` that may be pillars: all but those that describe the
/// level (see [`descriptive`]).
fn pillar_candidates(d: &Doc, s: usize) -> Vec<usize> {
    d.secs[s]
        .children
        .iter()
        .copied()
        .filter(|&c| !describes(d, c))
        .collect()
}

/// Whether level `s` has a sub-section that is an area holding the level's pillars as a
/// table (`### Responsibility & Growth` over `| Responsibility | Growth Behaviors |`, one
/// row per pillar): no text of its own, and every sub-section under it written from that
/// table's rows. Its rows are then pillars beside the level's other sections (`### Scope &
/// Impact`), read as pillars deeper down are ([`nested_pillars`]).
pub(super) fn table_area(d: &Doc, s: usize) -> bool {
    d.secs[s].children.iter().any(|&c| holds_table(d, c))
}

/// Whether section `c` holds a level's pillars as a table, and nothing else (see
/// [`table_area`]).
fn holds_table(d: &Doc, c: usize) -> bool {
    let kids = &d.secs[c].children;
    !describes(d, c)
        && !has_text(d, c)
        && !kids.is_empty()
        && kids.iter().all(|&g| {
            d.secs[g]
                .heading
                .is_some_and(|h| d.src.written(d.blocks[h].start))
                && has_text(d, g)
        })
}

/// Sections under `s` (any depth) that have no sub-sections and hold text, or that have
/// sub-sections and a list of their own before them (`### Should have`, a list, then a
/// variant's `####` extras): the pillars of a level whose pillars sit deeper than its direct
/// sub-headings, in source order; and the sections that describe the level.
pub(super) fn nested_pillars(d: &Doc, s: usize) -> (Vec<usize>, Vec<usize>) {
    let mut pillars = Vec::new();
    let mut about = Vec::new();
    let mut stack: Vec<usize> = d.secs[s].children.iter().rev().copied().collect();
    while let Some(c) = stack.pop() {
        if describes(d, c) {
            about.push(c);
        } else if d.secs[c].children.is_empty() {
            if has_text(d, c) {
                pillars.push(c);
            }
        } else if subtitle(d, c).is_some() {
            pillars.push(c);
        } else {
            if has_list(d, c) {
                pillars.push(c);
            }
            stack.extend(d.secs[c].children.iter().rev().copied());
        }
    }
    (pillars, about)
}

/// The one sub-section of pillar section `c` that only says where the level stands in it
/// (the step of Engineering Ladders' dimensions, `### Technology` / `#### Evangelizes: …`),
/// over the list of expectations, with no text of `c`'s own and no sub-sections; titled by a
/// label and a line (`Evangelizes: introduces new technology …`), or else by a word or two
/// when `c` is at the top of a page with no title heading and every section beside it is
/// such a section too (`#### Adopts`, `#### Understands`: one pillar under each group
/// heading is no grouping). Its title is a note in the cell; `c` stays the pillar.
pub(super) fn subtitle(d: &Doc, c: usize) -> Option<usize> {
    let single = |c: usize| match d.secs[c].children[..] {
        [g] if !has_text(d, c) && d.secs[g].children.is_empty() && has_list(d, g) => Some(g),
        _ => None,
    };
    let g = single(c)?;
    let title = heading_text(d, g);
    let labelled = title.split_once(':').is_some_and(|(label, line)| {
        let words = label.split_whitespace().count();
        (1..=3).contains(&words) && !line.trim().is_empty()
    });
    // Only at the top of a page with no title heading (a level named by its file): under a
    // level's title, one competency per group may be how this level's file is written while
    // its neighbours have more.
    let siblings = || {
        let beside = d.secs[c]
            .parent
            .map_or(&[][..], |p| &d.secs[p].children[..]);
        d.secs[c].parent == Some(0)
            && beside.len() >= 2
            && title.split_whitespace().count() <= 2
            && beside
                .iter()
                .all(|&o| descriptive(&heading_text(d, o)) || single(o).is_some())
    };
    (labelled || siblings()).then_some(g)
}

/// A section that holds text of its own and no sub-section with text.
pub(super) fn plain(d: &Doc, s: usize) -> bool {
    let kids = &d.secs[s].children;
    let statements = statements(d, s);
    (has_text(d, s) || !statements.is_empty())
        && !kids
            .iter()
            .any(|&c| has_text(d, c) && !describes(d, c) && !statements.contains(&c))
}

/// Whether sub-section `c` is a statement about its level rather than a pillar: titled by a
/// statement (`#### I am a servant leader for my team.`, see
/// [`super::titles::statement_like`]) over a list of what that means, with no sub-sections
/// of its own.
pub(super) fn statement(d: &Doc, c: usize) -> bool {
    d.secs[c].children.is_empty()
        && has_list(d, c)
        && super::titles::statement_like(&heading_text(d, c))
}

/// The sub-sections of `s` that are statements (see [`statement`]), in source order; beside
/// one, a sentence over a list is one too, with or without its full stop (`#### You know
/// the pressures of being the one in charge`).
pub(super) fn statements(d: &Doc, s: usize) -> Vec<usize> {
    let kids = &d.secs[s].children;
    if !kids.iter().any(|&c| statement(d, c)) {
        return Vec::new();
    }
    kids.iter()
        .copied()
        .filter(|&c| {
            statement(d, c)
                || d.secs[c].children.is_empty()
                    && has_list(d, c)
                    && sentence_like(&heading_text(d, c))
        })
        .collect()
}

/// Whether the bold `Label:` paragraphs of section `s`'s own text, before its sub-headings,
/// are pillars beside them (see [`prose_labels_of`]): its own are prose, or a sibling
/// section's are and the two share two labels or more, so that the labels every level
/// writes are read one way at every level (hunt 35 H35-03: `**Typical Role**` was a pillar
/// at the level that wrote a sentence in it and a description at the one that wrote three
/// words).
pub(super) fn prose_labels(d: &Doc, s: usize) -> bool {
    if prose_labels_of(d, s) {
        return true;
    }
    let keys = |x: usize| -> HashSet<String> { keys(d, x, Shape::Labels).into_iter().collect() };
    let mine = keys(s);
    let siblings = d.secs[s]
        .parent
        .map_or(&[][..], |p| &d.secs[p].children[..]);
    mine.len() >= 2
        && siblings
            .iter()
            .any(|&t| t != s && keys(t).intersection(&mine).count() >= 2 && prose_labels_of(d, t))
}

/// Whether section `s`'s own bold `Label:` paragraphs are prose: two or more that name no
/// description (`Summary`, `Overview`) each hold a sentence of six words or more
/// (`**Impact:** They take on work that …`), where a level's attributes hold a few words
/// (`**Scope:** A feature.`, `**Reports to:** …`).
fn prose_labels_of(d: &Doc, s: usize) -> bool {
    let text = &d.src.text;
    let prose = d.secs[s]
        .own
        .iter()
        .filter(|&&b| match &d.blocks[b].kind {
            Kind::Para {
                label: Some(l),
                colon: true,
                rest,
                ..
            } => {
                let end = d.blocks[b].end.min(text.len());
                !descriptive(l)
                    && text
                        .get(*rest..end)
                        .is_some_and(|t| t.split_whitespace().count() >= 6)
            }
            _ => false,
        })
        .count();
    prose >= 2
}

/// Whether section `s` is written as an architecture decision record (Michael Nygard's form:
/// `## Status`, `## Context`, `## Decision`, `## Consequences`): a note on how something was
/// decided, whose sections are no pillars of a level.
fn decision_record(d: &Doc, s: usize) -> bool {
    let titles: Vec<String> = d.secs[s]
        .children
        .iter()
        .map(|&c| heading_text(d, c).trim().to_lowercase())
        .collect();
    let has = |t: &str| titles.iter().any(|x| x == t);
    has("context") && has("decision") && (has("status") || has("consequences"))
}

/// A section that is a whole single-level document: at least two pillars.
pub(super) fn single_level_shape(d: &Doc, s: usize) -> Option<Shape> {
    named_level_shape(d, s, false)
}

/// [`single_level_shape`], where `named` says that something other than the section's
/// heading names it as a level (a page's front-matter `title`), so that pillars deeper down
/// need no level-like heading over them.
pub(super) fn named_level_shape(d: &Doc, s: usize, named: bool) -> Option<Shape> {
    if decision_record(d, s) {
        return None;
    }
    let nested = || {
        let (pillars, _) = nested_pillars(d, s);
        // One competency written as fields about this level is enough (a level with one
        // required skill).
        let enough = pillars.len() >= 2 || pillars.iter().any(|&p| level_field(d, p).is_some());
        (enough && (named || level_like(&heading_text(d, s))) && !is_index(d))
            .then_some(Shape::Nested)
    };
    let kids = pillar_candidates(d, s);
    // A heading with no list of its own that groups sections with text
    // (`### Responsibilities` / `#### Impact`): the pillars are below it.
    let grouped = kids
        .iter()
        .any(|&c| !has_list(d, c) && d.secs[c].children.iter().any(|&g| has_text(d, g)));
    // Sections with text of their own, each over one sub-section of the same title (`##
    // Vision` / `### [Engineering Manager Skills]`, a grade's values): the sections are the
    // pillars, the sub-sections notes of them.
    let noted: HashSet<String> = kids
        .iter()
        .flat_map(|&c| d.secs[c].children.iter())
        .map(|&g| ids::title_key(&heading_text(d, g)))
        .collect();
    let note_under_each = kids.len() >= 2
        && noted.len() == 1
        && kids
            .iter()
            .all(|&c| has_text(d, c) && d.secs[c].children.len() == 1);
    // Areas each written in the same parts (`# Consulting` / `## Expectations` / `##
    // Self-Assessment`): the areas are the pillars.
    if kids.iter().filter(|&&c| in_parts(d, c)).count() >= 2 {
        return Some(Shape::Headings);
    }
    if grouped && !note_under_each {
        if let Some(sh) = nested() {
            return Some(sh);
        }
    }
    let found = match shape(d, s) {
        Some(Shape::Headings) => {
            let with_lists = kids.iter().filter(|&&c| has_list(d, c)).count();
            (with_lists >= 2 || note_under_each).then_some(Shape::Headings)
        }
        Some(sh @ Shape::Numbered(_)) => (keys(d, s, sh).len() >= 2).then_some(sh),
        Some(Shape::Labels) => (keys(d, s, Shape::Labels).len() >= 2).then_some(Shape::Labels),
        _ => None,
    };
    // Otherwise, pillars deeper down under a title that reads as a level.
    found.or_else(nested)
}

/// Counts how many levels use each pillar key.
pub(super) fn shared_keys(d: &Doc, levels: &[usize]) -> HashMap<String, usize> {
    let mut freq = HashMap::new();
    for &s in levels {
        if let Some(sh) = shape(d, s) {
            let mut ks = keys(d, s, sh);
            ks.sort();
            ks.dedup();
            for k in ks {
                *freq.entry(k).or_insert(0) += 1;
            }
        }
    }
    freq
}

#[cfg(test)]
mod tests;
