//! What is decided once every file is read: pillars ([`super::pillars`]), ids, ranks and
//! equivalents.

use super::ids::{self, Ids, LevelNumber};
use super::model::{FileRef, GuessKind, Ladder, Level};
use super::pillars::{gather_pillars, resolve_labels};
use super::source::{import_error, Loc};
use super::Options;
use crate::diagnostic::Diagnostic;
use pillar_descriptions::{
    levels_describing_pillars, pillar_texts, summaries_of_levels, tracks_describing_pillars,
};
use std::collections::{BTreeMap, HashMap};
use steps::{promotion_steps, steps_alike};

mod pillar_descriptions;
mod steps;
mod track_titles;
mod untitled;

/// Decides what is left once every file is read: the pillars of labelled bullets, the
/// pillars of every cell (merging drifted titles), ids, ranks and equivalents.
///
/// # Errors
/// `--track` for an import with several tracks.
pub fn finish(ladder: &mut Ladder, opts: &Options) -> Result<(), Diagnostic> {
    resolve_labels(ladder);
    unchecked_boxes(ladder);
    components_as_text(ladder);
    gather_pillars(ladder);
    pillar_texts(ladder);
    pages_describing_pillars(ladder);
    untitled::untitled_pages(ladder);
    untitled::untitled_levels(ladder);
    levels_describing_pillars(ladder);
    tracks_describing_pillars(ladder);
    summaries_of_levels(ladder);
    steps_alike(ladder);
    give_ids(ladder, opts)?;
    super::level_index::apply(ladder);
    give_ranks(ladder);
    promotion_steps(ladder);
    same_titles(ladder);
    track_titles::distinct_track_titles(ladder);
    equivalents(ladder);
    Ok(())
}

/// Says, once per file, where an expectation holds an MDX component whose props are
/// JavaScript (`<Duties items={[`Leads a project`, …]} />`): the page shows it as source
/// text, since the strings inside are no Markdown to import.
fn components_as_text(ladder: &mut Ladder) {
    let mut said: Vec<usize> = Vec::new();
    let mut guesses = Vec::new();
    for t in &ladder.tracks {
        for c in t.levels.iter().flat_map(|l| &l.cells) {
            for md in c.blocks.iter().map(|b| &b.md) {
                let Some((name, at)) = component(&md.text) else {
                    continue;
                };
                if said.contains(&md.doc) {
                    continue;
                }
                said.push(md.doc);
                let line = md.line + md.text[..at].matches('\n').count();
                guesses.push((ladder.docs[md.doc].loc_line(line), format!("the MDX component `<{name}>` passes its text in JavaScript props, which import does not read: it stays source text on the page (write its items as a Markdown list to import them)")));
            }
        }
    }
    // Shown first: text the pages show as code is what a reader notices.
    for (at, text) in guesses.into_iter().rev() {
        ladder.guess_first(GuessKind::Structure, at, text);
    }
}

/// The name of the first tag in `text` that opens with a capital (a component) and passes a
/// prop in braces (`={`), and the byte where its tag starts.
fn component(text: &str) -> Option<(String, usize)> {
    let mut from = 0;
    while let Some(i) = text[from..].find('<') {
        let at = from + i;
        let rest = &text[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect();
        if name.starts_with(|c: char| c.is_ascii_uppercase()) {
            let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
            if tag.contains("={") {
                return Some((name, at));
            }
        }
        from = at + 1;
    }
    None
}

/// Says where two levels of one track have the same title (inDrive's `principal-ii-engineer.md`
/// is titled `Principal I Engineer`, as is `principal-i-engineer.md`) and no codes set them
/// apart: a reader cannot tell them apart in menus and comparisons, and one is likely misnamed.
fn same_titles(ladder: &mut Ladder) {
    let mut said = Vec::new();
    for t in &ladder.tracks {
        for (i, a) in t.levels.iter().enumerate() {
            // Codes set them apart (`Builder` B1 and `Builder` B2 read `Builder B1`, `Builder
            // B2`).
            let apart = |b: &&Level| a.code.is_some() && b.code.is_some() && a.code != b.code;
            if let Some(b) = t.levels[i + 1..]
                .iter()
                .find(|b| b.title == a.title && !apart(b))
            {
                said.push((
                    b.at.clone(),
                    format!(
                        "two levels of track `{}` are titled `{}` ({} and {}): a reader cannot tell them apart; rename one in the source, or in its `content/levels/` file",
                        t.title, a.title, a.at, b.at
                    ),
                ));
            }
        }
    }
    for (at, text) in said {
        ladder.guess(GuessKind::Rank, at, text);
    }
}

/// Leaves out the task-list checkboxes of expectations (`- [ ] Runs one-to-ones`, at any
/// depth) from files where every box is unchecked: there they track the author's or the
/// reader's progress, not what is expected. A file with checked boxes too keeps them all, as
/// checked and unchecked may mean expected and not, and the summary says so.
fn unchecked_boxes(ladder: &mut Ladder) {
    use super::outline::checkbox;
    let checked: Vec<bool> = ladder
        .docs
        .iter()
        .map(|d| d.text.lines().any(|l| checkbox(l).is_some_and(|c| c.1)))
        .collect();
    let mut kept: Option<Loc> = None;
    let strip = |line: &str| match checkbox(line) {
        Some((range, _)) => format!("{}{}", &line[..range.start], &line[range.end..]),
        None => line.to_string(),
    };
    for t in &mut ladder.tracks {
        for l in &mut t.levels {
            for c in &mut l.cells {
                for b in c.blocks.iter_mut().filter(|b| b.item) {
                    if !b.md.text.lines().any(|l| checkbox(l).is_some()) {
                        continue;
                    }
                    if checked.get(b.md.doc).copied().unwrap_or(true) {
                        kept.get_or_insert_with(|| ladder.docs[b.md.doc].loc_line(b.md.line));
                        continue;
                    }
                    b.md.text =
                        b.md.text
                            .split('\n')
                            .map(strip)
                            .collect::<Vec<_>>()
                            .join("\n");
                }
            }
        }
    }
    if let Some(at) = kept {
        ladder.guess(GuessKind::Structure, at, "this file's task lists check some boxes and not others: the boxes are kept in the expectations (`[x]`, `[ ]`), as they may say which are expected".to_string());
    }
}

/// A free page titled as a pillar is, from the file that names the pillar, with one or two
/// short paragraphs (Etsy's `### Delivery` over an `**Example Skills:** …` line and the
/// pillar's table, which reads as the ladder; a line over the table and a `**Tip:**` after
/// it): the pillar's description, when it has none. Links to
/// the page lead to the first track.
fn pages_describing_pillars(ladder: &mut Ladder) {
    let Some(track) = ladder.tracks.first().map(|t| t.uid) else {
        return;
    };
    let mut i = 0;
    while i < ladder.pages.len() {
        let page = &ladder.pages[i];
        let key = ids::title_key(&page.title);
        // At most two paragraphs of three lines in all, none a heading, list, table or HTML.
        let short = page.body.len() == 1 && {
            let text = page.body[0].text.trim();
            // A rule closing the legend (`---` before the levels) is no paragraph.
            let paragraphs: Vec<&str> = text
                .split("\n\n")
                .filter(|p| !p.trim().is_empty() && !thematic_break(p))
                .collect();
            paragraphs.len() <= 2
                && text
                    .lines()
                    .filter(|l| !l.trim().is_empty() && !thematic_break(l))
                    .count()
                    <= 3
                && paragraphs.iter().all(|p| {
                    !["#", "- ", "* ", "+ ", "|", "<"]
                        .iter()
                        .any(|m| p.trim_start().starts_with(m))
                })
        };
        let pillar = ladder
            .pillars
            .iter()
            .position(|p| p.key == key && p.description.is_empty() && p.at.path == page.at.path);
        match pillar {
            Some(p) if short => {
                let page = ladder.pages.remove(i);
                ladder.retarget(FileRef::Page(page.uid), FileRef::Track(track));
                // What was said of the section (a free page) no longer holds.
                ladder
                    .guesses
                    .retain(|g| !(g.at == page.at && g.text.contains("free page")));
                ladder.guess(
                    GuessKind::Pillar,
                    page.at.clone(),
                    format!(
                        "`{}` holds a line or two of its own and no expectations: it describes the pillar `{}`",
                        page.title, ladder.pillars[p].title
                    ),
                );
                let mut body = page.body;
                if let Some(md) = body.first_mut() {
                    md.text = without_closing_rules(&md.text);
                }
                body.retain(|md| !md.text.trim().is_empty());
                ladder.pillars[p].description = body;
            }
            _ => i += 1,
        }
    }
}

/// `text` without the thematic breaks that close it (`---` after a legend's last entry),
/// paragraph by paragraph; empty when it is only rules.
fn without_closing_rules(text: &str) -> String {
    let mut paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
    while paragraphs.last().is_some_and(|p| thematic_break(p)) {
        paragraphs.pop();
    }
    match paragraphs.join("\n\n").trim_end() {
        "" => String::new(),
        kept => format!("{kept}\n"),
    }
}

/// Whether `text` is a thematic break alone (`---`, `***`, `_ _ _`: three or more of one of
/// `-`, `*`, `_`, spaces between them allowed, as CommonMark 0.31 §4.1 has it).
fn thematic_break(text: &str) -> bool {
    let marks: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].iter().any(|m| marks.iter().all(|c| c == m))
}

const RESERVED_PAGES: &[&str] = &[
    "levels",
    "tracks",
    "pillars",
    "competencies",
    "compare",
    "index",
    "404",
    "files",
];

fn give_ids(ladder: &mut Ladder, opts: &Options) -> Result<(), Diagnostic> {
    if let Some(t) = &opts.track {
        if ladder.tracks.len() > 1 {
            let ids: Vec<String> = ladder.tracks.iter().map(|t| ids::slug(&t.title)).collect();
            return Err(import_error(
                "--track",
                (1, 1),
                format!("--track {t} names the track of an import with one track, but this import has {} tracks ({})", ladder.tracks.len(), ids.join(", ")),
                "leave out --track: each track's id comes from its title",
            ));
        }
    }
    let mut track_ids = Ids::default();
    for t in &mut ladder.tracks {
        let base = match (&opts.track, &t.id) {
            (Some(id), _) => id.clone(),
            // Without the number that orders its file (`01-titles-for-engineers`), as the
            // site generators that order by it serve the page.
            (None, Some(id)) if crate::ids::is_valid_id(id) => {
                let digits = id.len() - id.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                id[digits..]
                    .strip_prefix(['-', '_'])
                    .filter(|rest| digits > 0 && crate::ids::is_valid_id(rest))
                    .unwrap_or(id)
                    .to_string()
            }
            _ => ids::short_slug(&t.title, 40),
        };
        t.final_id = track_ids.claim(&base, "track");
    }
    // Level ids: slugs of titles; one that several tracks would use gets each track's id
    // in front, on every track, so that ids stay alike within a track.
    let bases: Vec<Vec<String>> = ladder
        .tracks
        .iter()
        .map(|t| {
            t.levels
                .iter()
                .map(|l| {
                    let base = match &l.id {
                        Some(id) if crate::ids::is_valid_id(id) => id.clone(),
                        Some(id) => crate::ids::suggest_id(id),
                        // `Principal+ Engineer` is no `Principal Engineer`: `principal-plus-engineer`.
                        None => ids::short_slug(&plus_as_word(&l.title), 48),
                    };
                    if base.is_empty() {
                        format!("{}-level", t.final_id)
                    } else {
                        base
                    }
                })
                .collect()
        })
        .collect();
    let mut tracks_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (ti, b) in bases.iter().enumerate() {
        for id in b {
            let e = tracks_of.entry(id.as_str()).or_default();
            if !e.contains(&ti) {
                e.push(ti);
            }
        }
    }
    let mut level_ids = Ids::default();
    let mut prefixed: Vec<(Loc, String)> = Vec::new();
    for (ti, t) in ladder.tracks.iter_mut().enumerate() {
        for (li, l) in t.levels.iter_mut().enumerate() {
            let base = &bases[ti][li];
            let shared = tracks_of.get(base.as_str()).is_some_and(|v| v.len() > 1);
            let id = if shared {
                let p = format!("{}-{base}", t.final_id);
                prefixed.push((l.at.clone(), p.clone()));
                level_ids.claim(&p, "level")
            } else {
                level_ids.claim(base, "level")
            };
            l.final_id = id;
        }
    }
    if let Some((at, first)) = prefixed.first().cloned() {
        let more = if prefixed.len() > 1 {
            format!(" and {} more", prefixed.len() - 1)
        } else {
            String::new()
        };
        ladder.guess(GuessKind::Structure, at, format!("level ids that another track uses too are prefixed with their track: `{first}`{more}"));
    }
    let mut pillar_ids = Ids::default();
    for p in &mut ladder.pillars {
        let base = match &p.id {
            Some(id) if crate::ids::is_valid_id(id) => id.clone(),
            Some(id) => crate::ids::suggest_id(id),
            None => ids::short_slug(&p.title, 40),
        };
        p.final_id = pillar_ids.claim(&base, "pillar");
    }
    // Pages: titles told apart by their file's title, ids unique and clear of the site's folders.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in &ladder.pages {
        *seen.entry(p.title.clone()).or_insert(0) += 1;
    }
    let mut page_ids = Ids::with_reserved(RESERVED_PAGES);
    for p in &mut ladder.pages {
        if seen.get(&p.title).copied().unwrap_or(0) > 1
            && p.doc_title != p.title
            && !p.doc_title.is_empty()
        {
            p.title = format!("{} ({})", p.title, p.doc_title);
        }
        p.final_id = page_ids.claim(&ids::short_slug(&p.title, 48), "page");
    }
    Ok(())
}

/// `title` with a `+` that ends a word written as the word `plus` (`Senior+` → `Senior plus`),
/// which an id would otherwise drop.
fn plus_as_word(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 8);
    let mut chars = title.chars().peekable();
    let mut prev_alnum = false;
    while let Some(c) = chars.next() {
        let ends_word = chars.peek().is_none_or(|n| !n.is_alphanumeric());
        if c == '+' && prev_alnum && ends_word {
            out.push_str(" plus");
        } else {
            out.push(c);
        }
        prev_alnum = c.is_alphanumeric();
    }
    out
}

fn give_ranks(ladder: &mut Ladder) {
    let mut guesses = Vec::new();
    let ordered = std::mem::take(&mut ladder.ordered_tracks);
    for t in &mut ladder.tracks {
        let n = t.levels.len();
        let given: Vec<Option<i64>> = t.levels.iter().map(|l| l.rank).collect();
        let distinct_increasing =
            |v: &[i64]| v.windows(2).all(|w| w[0] < w[1]) && v.first().is_some_and(|&x| x >= 1);
        let ranks: Vec<i64> = if given.iter().all(Option::is_some)
            && distinct_increasing(&given.iter().flatten().copied().collect::<Vec<_>>())
        {
            given.into_iter().flatten().collect()
        } else {
            let numbers: Vec<Option<LevelNumber>> = t.levels.iter().map(|l| l.number).collect();
            let majors: Vec<i64> = numbers
                .iter()
                .flatten()
                .filter(|x| x.minor.is_none())
                .map(|x| i64::try_from(x.major).unwrap_or(i64::MAX))
                .collect();
            // Levels written most senior first (`L5` … `L1`, or three or more titles such as
            // `## Principal`, `## Senior`, `## Junior`, or two of one role, `## Senior Baker`,
            // `## Baker`), as their numbers or words of seniority say: ranked the other way
            // round, so that rank 1 is the most junior.
            let seniority: Vec<(u8, i8, u32)> =
                t.levels.iter().map(|l| ids::seniority(&l.title)).collect();
            // Two of the words for a beginner side by side (`Junior`, then `Graduate`) are
            // in either order, and one step in four may go up where a ladder ranks its words
            // its own way (a design ladder's `Lead` over `Principal`). Other titles of one
            // seniority side by side (`First-Line Manager`, `Middle Manager`; `Cook`, `Line
            // Cook`) say nothing of the order.
            let (mut up, mut down) = (0, 0);
            for w in seniority.windows(2) {
                match w[0].cmp(&w[1]) {
                    std::cmp::Ordering::Greater => down += 1,
                    std::cmp::Ordering::Less => up += 1,
                    std::cmp::Ordering::Equal if w[0].0 > ids::JUNIOR => up += n,
                    std::cmp::Ordering::Equal => {}
                }
            }
            // Two levels say their order only when they name one role (`Senior Baker` over
            // `Baker`), not two (`Lead` over `Engineer`, where the lead may be a role apart).
            let one_role = n == 2 && {
                let r = ids::role_words(&t.levels[0].title);
                !r.is_empty() && r == ids::role_words(&t.levels[1].title)
            };
            let descending = n > 1
                && ((majors.len() == n && majors.windows(2).all(|w| w[0] > w[1]))
                    || ((n >= 3 || one_role)
                        && t.levels.iter().all(|l| l.rank.is_none())
                        && seniority[0] > seniority[n - 1]
                        && down > up
                        && 4 * up < n));
            // Numbers with steps between them (`N 3a`, `8.5`) are in order, but not ranks.
            let stepped = numbers.iter().all(Option::is_some)
                && numbers
                    .windows(2)
                    .all(|w| w[0].map(LevelNumber::sort_key) < w[1].map(LevelNumber::sort_key));
            if majors.len() == n && distinct_increasing(&majors) {
                majors
            } else if stepped {
                (1..=n as i64).collect()
            } else if descending {
                guesses.push((t.levels[0].at.clone(), format!("levels of track `{}` are written most senior first (`{}` … `{}`), as their titles say: ranked the other way round, `{}` first", t.title, t.levels[0].title, t.levels[n - 1].title, t.levels[n - 1].title)));
                (1..=n as i64).rev().collect()
            } else {
                if t.levels.iter().any(|l| l.code.is_some()) && n > 1 {
                    guesses.push((t.levels[0].at.clone(), format!("the numbers in the titles of track `{}` do not give one rank each: ranked 1 to {n} in order", t.title)));
                } else if n > 1
                    && t.levels.iter().all(|l| l.rank.is_none())
                    && !ordered.contains(&t.uid)
                {
                    guesses.push((t.levels[0].at.clone(), format!("levels of track `{}` are ranked in the order they are read (as written, or as their files are ordered), most junior first: `{}` … `{}`", t.title, t.levels[0].title, t.levels[n - 1].title)));
                }
                (1..=n as i64).collect()
            }
        };
        for (l, r) in t.levels.iter_mut().zip(ranks) {
            l.final_rank = r;
        }
    }
    for (at, text) in guesses {
        ladder.guess(GuessKind::Rank, at, text);
    }
}

/// A level coded two ways (`T5/L5 = Senior Engineer`, the first read as its code) keeps the
/// one whose letters its track's other levels' codes have (`L7`, `L8`), the other becoming the
/// candidate equivalent (browser check 37 B37-13: T5 and T6 below L7).
fn codes_of_their_track(ladder: &mut Ladder) {
    for t in &mut ladder.tracks {
        let letters: Vec<String> = t
            .levels
            .iter()
            .filter(|l| l.other_codes.is_empty())
            .filter_map(|l| l.code.as_deref())
            .map(|c| ids::code_letters(c).to_lowercase())
            .collect();
        for l in &mut t.levels {
            let Some(code) = l.code.clone() else {
                continue;
            };
            if letters.is_empty() || letters.contains(&ids::code_letters(&code).to_lowercase()) {
                continue;
            }
            let theirs = l
                .other_codes
                .iter()
                .position(|oc| letters.contains(&ids::code_letters(oc).to_lowercase()));
            if let Some(i) = theirs {
                l.code = Some(std::mem::replace(&mut l.other_codes[i], code));
            }
        }
    }
}

fn equivalents(ladder: &mut Ladder) {
    codes_of_their_track(ladder);
    let mut pairs: Vec<(usize, usize)> = ladder.equivalents.clone();
    // Codes named in titles: `Staff Engineer (IC6 / M5)`.
    let codes: Vec<(usize, usize, String, String)> = ladder
        .tracks
        .iter()
        .enumerate()
        .flat_map(|(ti, t)| {
            t.levels.iter().filter_map(move |l| {
                let code = l.code.as_ref()?;
                Some((ti, l.uid, ids::code_key(code), l.title.clone()))
            })
        })
        .collect();
    let any_named = ladder
        .tracks
        .iter()
        .any(|t| t.levels.iter().any(|l| !l.other_codes.is_empty()));
    let mut guesses: Vec<(Loc, String)> = Vec::new();
    for (ti, t) in ladder.tracks.iter_mut().enumerate() {
        for l in &mut t.levels {
            if l.other_codes.is_empty() {
                continue;
            }
            let (mut missing, mut unresolved) = (Vec::new(), Vec::new());
            for oc in &l.other_codes {
                let hits: Vec<&(usize, usize, String, String)> = codes
                    .iter()
                    .filter(|c| c.0 != ti && c.2 == ids::code_key(oc))
                    .collect();
                if hits.len() == 1 {
                    pairs.push((l.uid, hits[0].1));
                    guesses.push((
                        l.at.clone(),
                        format!(
                            "`{}`: code {} and equivalent {oc}",
                            l.full_title,
                            l.code.clone().unwrap_or_default()
                        ),
                    ));
                } else if hits.is_empty() {
                    missing.push(oc.clone());
                } else {
                    let titles: Vec<String> = hits.iter().map(|h| format!("`{}`", h.3)).collect();
                    unresolved.push(format!(
                        "{oc} names {} levels on other tracks ({}), not one",
                        hits.len(),
                        titles.join(", ")
                    ));
                }
            }
            if !missing.is_empty() {
                let verb = if missing.len() == 1 { "names" } else { "name" };
                unresolved.insert(
                    0,
                    format!("{} {verb} no level on another track", missing.join(", ")),
                );
            }
            if !unresolved.is_empty() {
                l.title = l.full_title.clone();
                guesses.push((
                    l.at.clone(),
                    format!(
                        "`{}`: {}, so the title keeps the text; code {}",
                        l.full_title,
                        unresolved.join("; "),
                        l.code.clone().unwrap_or_default()
                    ),
                ));
            }
        }
    }
    // Levels of one code on different tracks (`L3` of the programmers' and of the designers'
    // ladder): one band. Codes of different letters with one number (`IC3`, `M3`) are not
    // paired: ladders differ on how their manager levels line up with the others (M3 is IC4 at
    // some companies), so only the source can say it (a table, `Staff Engineer (IC6 / M5)`).
    if ladder.tracks.len() > 1 && ladder.equivalents.is_empty() && !any_named {
        type Coded = Vec<(usize, usize, String)>; // (track, level uid, code)
        let mut by_number: BTreeMap<(String, u64, Option<u64>), Coded> = BTreeMap::new();
        for (ti, t) in ladder.tracks.iter().enumerate() {
            for l in &t.levels {
                if let (Some(c), Some(n)) = (&l.code, l.number) {
                    let letters: String = ids::code_key(c)
                        .chars()
                        .take_while(char::is_ascii_alphabetic)
                        .collect();
                    by_number
                        .entry((letters, n.major, n.minor))
                        .or_default()
                        .push((ti, l.uid, c.clone()));
                }
            }
        }
        let mut shown = Vec::new();
        let mut first_at = None;
        for group in by_number.values() {
            let tracks: Vec<usize> = group.iter().map(|g| g.0).collect();
            let mut uniq = tracks.clone();
            uniq.dedup();
            if uniq.len() < 2 || uniq.len() != tracks.len() {
                continue;
            }
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    pairs.push((a.1, b.1));
                }
            }
            if first_at.is_none() {
                first_at = ladder.level(group[0].1).map(|(_, l)| l.at.clone());
            }
            shown.push(
                group
                    .iter()
                    .map(|g| g.2.as_str())
                    .collect::<Vec<_>>()
                    .join("="),
            );
        }
        if let Some(at) = first_at {
            guesses.push((
                at,
                format!(
                    "levels on different tracks with the same code are equivalent: {}",
                    shown.join(", ")
                ),
            ));
        }
    }
    // Mutual lists.
    let mut eq: HashMap<usize, Vec<usize>> = HashMap::new();
    for (a, b) in pairs {
        let (Some((ta, _)), Some((tb, _))) = (ladder.level(a), ladder.level(b)) else {
            continue;
        };
        if ta == tb || a == b {
            continue;
        }
        let ea = eq.entry(a).or_default();
        if !ea.contains(&b) {
            ea.push(b);
        }
        let eb = eq.entry(b).or_default();
        if !eb.contains(&a) {
            eb.push(a);
        }
    }
    for t in &mut ladder.tracks {
        for l in &mut t.levels {
            l.equivalents = eq.remove(&l.uid).unwrap_or_default();
        }
    }
    for (at, text) in guesses {
        ladder.guess(GuessKind::Code, at, text);
    }
}

#[cfg(test)]
mod tests {
    use super::without_closing_rules;

    #[test]
    fn rules_closing_a_legend_entry_are_not_its_pillars_description() {
        assert_eq!(
            without_closing_rules("What the crew counts on you for.\n\nA note.\n\n---\n"),
            "What the crew counts on you for.\n\nA note.\n"
        );
        // An entry that is only a rule describes nothing (review 26 L6).
        assert_eq!(without_closing_rules("---\n"), "");
        assert_eq!(without_closing_rules("* * *\n\n___"), "");
        assert_eq!(without_closing_rules("Kept.\n"), "Kept.\n");
    }
}
