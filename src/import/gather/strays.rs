//! One-level files that are about something else: a page beside the level files whose
//! labelled bullets read as pillars (a how-to on SMART goals, `- **Specific** - …`), which would
//! otherwise be a level among them, or a track of its own.

use super::{Member, PageDoc};
use crate::import::ids;
use crate::import::infer::markdown_links;
use crate::import::model::{Anchor, FileRef, GuessKind, Ladder, Md, Page, Track};
use crate::import::source::file_name_key;
use crate::import::titles::level_like;
use std::collections::{BTreeMap, HashSet};

/// Moves to `page_docs`, as a free page of the whole file, each one-level file of `by_dir`
/// whose document and level titles read as no level (`Personal Goals`, `Example`), none of
/// whose pillars another level has (other than such files) and which its folder's README
/// does not list among other levels, where two or more other levels share their pillars.
/// Returns the paths of the files moved.
pub(super) fn strays(
    ladder: &mut Ladder,
    by_dir: &mut BTreeMap<String, Vec<Member>>,
    tracks: &[(Track, usize)],
    page_docs: &mut Vec<PageDoc>,
    pages: &mut Vec<Page>,
) -> HashSet<String> {
    let keys = |cells: &[crate::import::model::Cell]| -> HashSet<String> {
        cells
            .iter()
            .map(|c| ids::title_key(&c.pillar_title))
            .collect()
    };
    // Every level's pillars, by level uid.
    let mut all: Vec<(usize, HashSet<String>)> = Vec::new();
    for l in tracks.iter().flat_map(|(t, _)| &t.levels) {
        all.push((l.uid, keys(&l.cells)));
    }
    for m in by_dir.values().flatten() {
        all.push((m.1.uid, keys(&m.1.cells)));
    }
    let listed = readme_listings(ladder, by_dir, tracks);
    // A level whose file gives its code, among files whose codes have the same letters
    // (`BK2_Baker.md` beside `BK1_…` and `BK3_…`), is one of them, whatever its pillars.
    let letters = |m: &Member| {
        m.1.code
            .as_deref()
            .map(|c| ids::code_letters(c).to_lowercase())
    };
    let mut coded_alike: std::collections::HashMap<String, usize> = Default::default();
    for l in by_dir.values().flatten().filter_map(letters) {
        *coded_alike.entry(l).or_default() += 1;
    }
    let coded = |m: &Member| letters(m).is_some_and(|l| coded_alike[&l] >= 2);
    // A file whose level is one of its sections, under another title (`# Buying Flour` /
    // `## Getting Going` over the sub-headings), rather than the file whole (`# Deckhand`
    // over `## Seamanship`).
    let section = |m: &Member| ids::title_key(&m.1.title) != ids::title_key(&m.2);
    let unlike = |m: &Member| {
        let doc = &ladder.docs[m.0];
        // Listed by a README among levels; one that lists a ladder's document too lists
        // pages, for a file whose level is a section of it.
        let listed = listed
            .get(&(doc.dir().to_string(), file_name_key(&doc.rel)))
            .is_some_and(|&documents| !(documents && section(m)));
        // A page that is a whole ladder written the other way round (`- **Junior cook**`
        // over its list, then the others) is a track of its own, not a stray.
        crate::import::transpose::level_transposed(&m.1).is_none()
            && !coded(m)
            && !level_like(&m.2)
            && !level_like(&m.1.title)
            && !listed
    };
    // Pillars shared among such pages alone (guides that each have `### Benefits` and `###
    // Checklist`) make none of them a level: the levels are the others.
    let unlike_uids: HashSet<usize> = by_dir
        .values()
        .flatten()
        .filter(|m| unlike(m))
        .map(|m| m.1.uid)
        .collect();
    let shares = |uid: usize, own: &HashSet<String>, among: &dyn Fn(usize) -> bool| {
        all.iter()
            .any(|(o, k)| *o != uid && among(*o) && k.intersection(own).next().is_some())
    };
    let any = |_: usize| true;
    let levels = |o: usize| !unlike_uids.contains(&o);
    let sharing = |among: &dyn Fn(usize) -> bool| {
        all.iter()
            .filter(|(uid, k)| among(*uid) && shares(*uid, k, among))
            .count()
    };
    let (by_all, by_levels) = (sharing(&any) >= 2, sharing(&levels) >= 2);
    if !by_all && !by_levels {
        return HashSet::new();
    }
    // Folders that hold levels that read as levels: a ladder's document, or level files.
    let mut level_dirs: HashSet<String> = tracks
        .iter()
        .map(|(_, first)| ladder.docs[*first].dir().to_string())
        .collect();
    for (dir, members) in by_dir.iter() {
        if members.iter().any(|m| levels(m.1.uid)) {
            level_dirs.insert(dir.clone());
        }
    }
    // A file whose level is a section of it is a page about something else where its
    // pillars are shared only with such pages, beside levels that read as levels; a file
    // that is its level whole is a level however its title reads, as its siblings are.
    let stray = |m: &Member| {
        let own = keys(&m.1.cells);
        unlike(m)
            && (by_all && !shares(m.1.uid, &own, &any)
                || by_levels
                    && section(m)
                    && level_dirs.contains(ladder.docs[m.0].dir())
                    && !shares(m.1.uid, &own, &levels))
    };
    let mut moved: Vec<Member> = Vec::new();
    for members in by_dir.values_mut() {
        let (out, kept): (Vec<Member>, Vec<Member>) = members.drain(..).partition(stray);
        *members = kept;
        moved.extend(out);
    }
    by_dir.retain(|_, members| !members.is_empty());
    let mut paths = HashSet::new();
    for (index, level, title) in moved {
        let page = whole_file_page(ladder, index, &title);
        // The file's other sections, made free pages beside its level, are in this page.
        let (within, others): (Vec<Page>, Vec<Page>) = std::mem::take(pages)
            .into_iter()
            .partition(|p| p.at.path == page.at.path);
        *pages = others;
        for p in within {
            ladder.retarget(FileRef::Page(p.uid), FileRef::Page(page.uid));
        }
        ladder.retarget(FileRef::Level(level.uid), FileRef::Page(page.uid));
        for ((doc, slug), target) in ladder.heading_targets.iter_mut() {
            if *doc == index && target.file == FileRef::Page(page.uid) {
                target.anchor = Anchor::Slug(slug.clone());
            }
        }
        ladder.guesses.retain(|g| g.at.path != page.at.path);
        paths.insert(page.at.path.clone());
        let said = format!("`{title}` shares no pillar with the levels and its title names no level: kept as a free page");
        ladder.guess(GuessKind::Page, page.at.clone(), said);
        page_docs.push((index, page, None));
    }
    paths
}

/// Each (folder, file) that a README lists among two or more of `by_dir`'s level files,
/// with whether that README links to a document read as a whole ladder (one of `tracks`)
/// too: then it may list the folder's documents (`## Topics in This Section`), not only its
/// levels. A file the README of its folder links to is one of the folder's levels (`-
/// [Базовые привычки](minimum.md)` over the others), whatever its title; when the README
/// links to another of them too, as one that lists levels does, not one that points at a
/// style guide among its contributing notes.
fn readme_listings(
    ladder: &Ladder,
    by_dir: &BTreeMap<String, Vec<Member>>,
    tracks: &[(Track, usize)],
) -> std::collections::HashMap<(String, String), bool> {
    let member_files: HashSet<(String, String)> = by_dir
        .values()
        .flatten()
        .map(|m| {
            let d = &ladder.docs[m.0];
            (d.dir().to_string(), file_name_key(&d.rel))
        })
        .collect();
    let ladder_files: HashSet<(String, String)> = tracks
        .iter()
        .map(|(_, first)| {
            let d = &ladder.docs[*first];
            (d.dir().to_string(), file_name_key(&d.rel))
        })
        .collect();
    let mut listed: std::collections::HashMap<(String, String), bool> = Default::default();
    for d in ladder.docs.iter().filter(|d| d.is_readme()) {
        let links: HashSet<(String, String)> = markdown_links(&d.text)
            .into_iter()
            .map(|url| {
                (
                    d.dir().to_string(),
                    file_name_key(&crate::links::percent_decode(&url)),
                )
            })
            .collect();
        if links.intersection(&member_files).count() < 2 {
            continue;
        }
        let documents = links.intersection(&ladder_files).next().is_some();
        for l in links {
            *listed.entry(l).or_default() |= documents;
        }
    }
    listed
}

/// A free page of file `index` titled `title`: its text after any front-matter, and after
/// its first line when that is a `# ` heading (the page's title).
fn whole_file_page(ladder: &mut Ladder, index: usize, title: &str) -> Page {
    let doc = &ladder.docs[index];
    let text = &doc.text;
    // After a YAML (`---`, closed by `---` or `...`) or TOML (`+++`) front-matter.
    let mut start = crate::import::yaml::split_front_matter(text).map_or_else(
        || crate::import::inputs::skip_toml_front_matter(text).0,
        |f| f.2,
    );
    let first = text[start..].trim_start_matches(['\n', '\r']);
    if first.starts_with("# ") {
        let at = text.len() - first.len();
        start = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    }
    while text[start..].starts_with(['\n', '\r']) {
        start += 1;
    }
    let body = vec![Md {
        text: text[start..].to_string(),
        doc: index,
        line: doc.line(start),
    }];
    let at = doc.loc_line(1);
    Page {
        uid: ladder.uid(),
        title: title.to_string(),
        body,
        at,
        doc_title: title.to_string(),
        final_id: String::new(),
    }
}
