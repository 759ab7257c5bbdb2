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
/// whose pillars another level has and which its folder's README does not list among other
/// levels, where two or more other levels share their pillars.
pub(super) fn strays(
    ladder: &mut Ladder,
    by_dir: &mut BTreeMap<String, Vec<Member>>,
    tracks: &[(Track, usize)],
    page_docs: &mut Vec<PageDoc>,
) {
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
    let shares = |uid: usize, own: &HashSet<String>| {
        all.iter()
            .any(|(o, k)| *o != uid && k.intersection(own).next().is_some())
    };
    let sharing = all.iter().filter(|(uid, k)| shares(*uid, k)).count();
    if sharing < 2 {
        return;
    }
    // A file the README of its folder links to is one of the folder's levels (`-
    // [Базовые привычки](minimum.md)` over the others), whatever its title; when the README
    // links to another of them too, as one that lists levels does, not one that points at a
    // style guide among its contributing notes.
    let member_files: HashSet<(String, String)> = by_dir
        .values()
        .flatten()
        .map(|m| {
            let d = &ladder.docs[m.0];
            (d.dir().to_string(), file_name_key(&d.rel))
        })
        .collect();
    let listed: HashSet<(String, String)> = ladder
        .docs
        .iter()
        .filter(|d| d.is_readme())
        .flat_map(|d| {
            let links: HashSet<(String, String)> = markdown_links(&d.text)
                .into_iter()
                .map(|url| {
                    (
                        d.dir().to_string(),
                        file_name_key(&crate::links::percent_decode(&url)),
                    )
                })
                .collect();
            let levels = links.intersection(&member_files).count();
            links.into_iter().filter(move |_| levels >= 2)
        })
        .collect();
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
    let stray = |m: &Member| {
        let doc = &ladder.docs[m.0];
        // A page that is a whole ladder written the other way round (`- **Junior cook**`
        // over its list, then the others) is a track of its own, not a stray.
        crate::import::transpose::level_transposed(&m.1).is_none()
            && !coded(m)
            && !level_like(&m.2)
            && !level_like(&m.1.title)
            && !shares(m.1.uid, &keys(&m.1.cells))
            && !listed.contains(&(doc.dir().to_string(), file_name_key(&doc.rel)))
    };
    let mut moved: Vec<Member> = Vec::new();
    for members in by_dir.values_mut() {
        let (out, kept): (Vec<Member>, Vec<Member>) = members.drain(..).partition(stray);
        *members = kept;
        moved.extend(out);
    }
    by_dir.retain(|_, members| !members.is_empty());
    for (index, level, title) in moved {
        let page = whole_file_page(ladder, index, &title);
        ladder.retarget(FileRef::Level(level.uid), FileRef::Page(page.uid));
        for ((doc, slug), target) in ladder.heading_targets.iter_mut() {
            if *doc == index && target.file == FileRef::Page(page.uid) {
                target.anchor = Anchor::Slug(slug.clone());
            }
        }
        ladder.guesses.retain(|g| g.at.path != page.at.path);
        let said = format!("`{title}` shares no pillar with the levels and its title names no level: kept as a free page");
        ladder.guess(GuessKind::Page, page.at.clone(), said);
        page_docs.push((index, page, None));
    }
}

/// A free page of file `index` titled `title`: its text after any front-matter, and after
/// its first line when that is a `# ` heading (the page's title).
fn whole_file_page(ladder: &mut Ladder, index: usize, title: &str) -> Page {
    let doc = &ladder.docs[index];
    let text = &doc.text;
    // After a YAML (`---`, closed by `---` or `...`) or TOML (`+++`) front-matter.
    let mut start = crate::import::yaml::split_front_matter(text)
        .map_or_else(|| crate::import::skip_toml_front_matter(text).0, |f| f.2);
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
