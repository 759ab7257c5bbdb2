//! Gathering the files of an import into one ladder: tracks from multi-level documents and
//! from folders of one-level files, free pages, their order, and the book's title.

use super::ids;
use super::markdown::Outcome;
use super::model::{FileRef, GuessKind, Ladder, Level, Page, Track};
use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;

mod folders;
mod listing;
mod managers;
mod named_tracks;
mod order;
mod roles;
mod strays;
mod tagged;
use folders::{generic_folder, page_folders};
use order::{order_levels, order_tracks, sort_pages};

/// Gathers the files' outcomes into one ladder: a folder of one-level files is one track (a
/// README beside them describes it), each multi-level document is a track (or several), files
/// with no levels are free pages; then orders tracks and pages and names the book.
pub(super) fn gather(
    ladder: &mut Ladder,
    outcomes: Vec<(usize, Outcome)>,
    single: bool,
    folder_title: &str,
) -> Result<(), Diagnostic> {
    let mut tracks: Vec<(Track, usize)> = Vec::new(); // (track, first doc)
    let mut pages: Vec<Page> = Vec::new();
    let mut by_dir: BTreeMap<String, Vec<(usize, Level, String)>> = BTreeMap::new();
    let mut page_docs: Vec<(usize, Page, Option<ids::LevelTitle>)> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    let mut plain_levels: Vec<(usize, usize, Level)> = Vec::new();
    let mut hows: BTreeMap<String, (super::source::Loc, String)> = BTreeMap::new();
    let n_ladder_docs = outcomes
        .iter()
        .filter(|(_, o)| !matches!(o, Outcome::Page { .. }))
        .count();
    let folders = page_folders(ladder);
    for (index, o) in outcomes {
        match o {
            Outcome::Ladder {
                tracks: mut ts,
                pages: ps,
                title,
            } => {
                titles.push(title);
                // A file that is one track: its id comes from the file's name, when that says
                // more than `README`.
                if ts.len() == 1 && ts[0].id.is_none() {
                    let stem = ids::slug(&split_camel(ladder.docs[index].stem()));
                    if !stem.is_empty() && !GENERIC_STEMS.contains(&stem.as_str()) {
                        ts[0].id = Some(stem);
                    }
                }
                tracks.extend(ts.into_iter().map(|t| (t, index)));
                pages.extend(ps);
            }
            Outcome::Level {
                level,
                pages: ps,
                title,
                how,
            } => {
                let dir = folders[index].clone();
                // How the first file of a folder was read stands for its neighbours (said
                // after the track they make).
                if single {
                    ladder.guess(GuessKind::Structure, level.at.clone(), how);
                } else {
                    hows.entry(dir.clone()).or_insert((level.at.clone(), how));
                }
                titles.push(title.clone());
                by_dir.entry(dir).or_default().push((index, level, title));
                pages.extend(ps);
            }
            Outcome::Page {
                page,
                heading,
                plain_level,
            } => {
                if let Some(level) = plain_level {
                    plain_levels.push((index, page.uid, *level));
                }
                page_docs.push((index, page, heading));
            }
        }
    }
    // A document's managers with pillars of their own are a track of their own.
    tracks = managers::split_managers(ladder, tracks);
    // So are the levels of two tracks written in one run, each tagged after its code.
    tracks = tagged::split_tagged(ladder, tracks);
    // A document read as a ladder of its own reads the same in its folder: its tracks written
    // as lists of their levels are tracks there too (hunt 21 H4: they were the levels of one
    // track beside a sibling file).
    if !single {
        tracks = super::transpose::levels_as_tracks(ladder, tracks, &mut pages);
    }
    promote_plain_levels(
        ladder,
        plain_levels,
        &mut page_docs,
        &mut by_dir,
        &mut titles,
        single,
    );
    if !single {
        let moved = strays::strays(ladder, &mut by_dir, &tracks, &mut page_docs, &mut pages);
        // How a file now a free page was read as a level no longer holds.
        hows.retain(|_, (at, _)| !moved.contains(&at.path));
    }
    // Folders of one-level files: one track each, or two where the titles branch into
    // individual contributors and managers.
    for (dir, members) in by_dir {
        let f = Folder {
            dir: &dir,
            single,
            folder_title,
        };
        // Files whose front-matter names their track are on it.
        let members = match named_tracks::by_front_matter(members) {
            Ok(groups) => {
                tracks.extend(named_tracks::tracks(ladder, &f, groups, &mut page_docs));
                continue;
            }
            Err(members) => members,
        };
        // Levels of several roles, ranked only within each role; unless the README beside
        // them lists them all, in the order of one ladder.
        let indexed = |members: &[Member]| {
            page_docs.iter().any(|(index, _, _)| {
                let d = &ladder.docs[*index];
                d.dir() == dir
                    && d.is_readme()
                    && listing::listed_in_order(&d.text, &mut members.to_vec(), ladder, None)
            })
        };
        let members = match roles::by_role(members, indexed) {
            Ok(groups) => {
                tracks.extend(roles::tracks(ladder, &f, groups, &mut page_docs));
                continue;
            }
            Err(members) => members,
        };
        match branches(members) {
            Ok(members) => tracks.push(folder_track(ladder, &f, members, &mut page_docs, None)),
            Err((ics, managers)) => {
                let at = ladder.docs[managers[0].0].loc_line(1);
                let (n_ics, n_managers) = (ics.len(), managers.len());
                tracks.push(folder_track(ladder, &f, ics, &mut page_docs, None));
                let ic_title = tracks[tracks.len() - 1].0.title.clone();
                let title = if dir.is_empty() {
                    "Management".to_string()
                } else {
                    format!("{ic_title}: management")
                };
                let track = folder_track(ladder, &f, managers, &mut page_docs, Some(&title));
                tracks.push(track);
                ladder.guess(
                    GuessKind::Structure,
                    at,
                    format!(
                        "{n_managers} of the {} one-level files in `{}/` name a manager, director or VP, and {n_ics} do not: two tracks, `{ic_title}` and `{title}` (move the files into two folders to say otherwise)",
                        n_ics + n_managers,
                        if dir.is_empty() { "." } else { &dir },
                    ),
                );
            }
        }
    }
    if single {
        tracks = super::transpose::levels_as_tracks(ladder, tracks, &mut pages);
        for (track, _) in tracks.iter_mut() {
            super::transpose::turn_one_level(ladder, track);
        }
    } else {
        // A folder's one file that is a whole ladder written the other way round reads as
        // it does alone: a track titled by the page, its named items the levels.
        for (track, _) in tracks.iter_mut() {
            if let [level] = track.levels.as_slice() {
                if super::transpose::level_transposed(level).is_some() {
                    // How the file was read as one level, and the track it made, no longer
                    // hold.
                    let path = level.at.path.clone();
                    hows.retain(|_, (at, how)| {
                        !(at.path == path && how.starts_with("a one-level document"))
                    });
                    ladder.guesses.retain(|g| {
                        !(g.at.path == path && g.text.starts_with("the one-level file"))
                    });
                    track.title = level.full_title.clone();
                    super::transpose::turn_one_level(ladder, track);
                }
            }
        }
        super::transpose::pillar_files(ladder, &mut tracks, folder_title);
        // One-level files that are each a competency area written the other way round
        // (`### Communication` over `**LVL 1 - Trainee**` and its list, a file per skill):
        // the names inside them are the levels, the files the pillars.
        for (track, _) in tracks.iter_mut() {
            let mut files: Vec<&str> = track.levels.iter().map(|l| l.at.path.as_str()).collect();
            files.dedup();
            if files.len() >= 2 && files.len() == track.levels.len() {
                if let Some(order) = super::transpose::transposed(track) {
                    // How each file was read as one level no longer holds.
                    let files: Vec<String> = files.iter().map(|f| f.to_string()).collect();
                    hows.retain(|_, (at, how)| {
                        !(files.contains(&at.path) && how.starts_with("a one-level document"))
                    });
                    super::transpose::transpose(ladder, track, order);
                }
            }
        }
    }
    for (_, (at, how)) in hows {
        ladder.guess(GuessKind::Structure, at, how);
    }
    for (_, p, _) in page_docs {
        pages.push(p);
    }
    sort_pages(ladder, &mut pages);
    let tracks = order_tracks(tracks);
    same_ladder_twice(ladder, &tracks);
    ladder.tracks = tracks.into_iter().map(|t| t.0).collect();
    ladder.pages = pages;
    ladder.title = if single || n_ladder_docs == 1 && titles.len() == 1 {
        titles
            .first()
            .cloned()
            .unwrap_or_else(|| folder_title.to_string())
    } else {
        folder_title.to_string()
    };
    if single && ladder.title.is_empty() {
        ladder.title = folder_title.to_string();
    }
    // A folder whose README (or index) has a `# Title` names the ladder by it.
    if !single && ladder.title == folder_title {
        if let Some(title) = root_readme_title(ladder) {
            ladder.title = title;
        }
    }
    // One file that names no ladder is titled by its file's name (a sheet with no title
    // row): said, as a folder's name is.
    // A title line as the file has it (not one the import wrote: a table's levels are
    // written as headings).
    let named = |doc: &crate::import::source::SourceDoc| {
        doc.text.lines().enumerate().any(|(i, l)| {
            let l = l.trim_start().to_ascii_lowercase();
            (l.starts_with("# ") || l.starts_with("title:") || l.starts_with("title ="))
                && doc.origin_of(i + 1).1
        })
    };
    let file_title = (single && ladder.docs.len() == 1 && !named(&ladder.docs[0]))
        .then(|| crate::import::titles::readable(ladder.docs[0].stem()));
    ladder.title_from_folder =
        ladder.title == folder_title || file_title.is_some_and(|t| t == ladder.title);
    Ok(())
}

/// File names that say nothing about a track.
const GENERIC_STEMS: &[&str] = &[
    "readme",
    "index",
    "ladder",
    "main",
    "content",
    "framework",
    "career-ladder",
];

/// `TechLead` → `Tech Lead`: words of a CamelCase file name.
pub(super) fn split_camel(s: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        out.push(c);
    }
    out
}

/// Two files whose tracks have mostly the same level titles, named alike, are two versions of one
/// ladder (a legacy and a current one): they stay separate tracks, and the summary says so.
fn same_ladder_twice(ladder: &mut Ladder, tracks: &[(Track, usize)]) {
    let titles =
        |t: &Track| -> Vec<String> { t.levels.iter().map(|l| ids::title_key(&l.title)).collect() };
    // Said once for two files, however many of their tracks are alike.
    let mut said: std::collections::HashSet<(usize, usize)> = Default::default();
    // Job families (YAML) have said so already, naming every family of the folder.
    let data = |p: &str| [".yml", ".yaml", ".json"].iter().any(|e| p.ends_with(e));
    let families = ladder
        .guesses
        .iter()
        .any(|g| g.text.contains("job families in one folder"));
    for (i, (a, da)) in tracks.iter().enumerate() {
        for (b, db) in &tracks[i + 1..] {
            let (pa, pb) = (&ladder.docs[*da].rel, &ladder.docs[*db].rel);
            if da == db || said.contains(&(*da, *db)) || families && data(pa) && data(pb) {
                continue;
            }
            // Named alike (`ladder-2023.md` and `ladder.md`, `Engineering (Legacy)` and
            // `Engineering`): many ladders share level titles such as `Level 1`.
            // In folders of their own, the folders are named alike too (`v1/` and `v2/`, not
            // `bread/` and `pastry/`, each with its `skills.yml`).
            let (fa, fb) = (ladder.docs[*da].dir(), ladder.docs[*db].dir());
            let named_alike = (unversioned(&a.title) == unversioned(&b.title)
                || unversioned(ladder.docs[*da].stem()) == unversioned(ladder.docs[*db].stem()))
                && (fa == fb || unversioned(fa) == unversioned(fb));
            let (ta, tb) = (titles(a), titles(b));
            let same = ta.iter().filter(|t| tb.contains(t)).count();
            if named_alike && same >= 2 && same * 2 >= ta.len().min(tb.len()) {
                let text = format!(
                    "`{pa}` and `{pb}` have {same} levels of the same titles (two versions of one ladder?): imported as two separate tracks, nothing merged (import one file to keep only one)"
                );
                ladder.guess_first(GuessKind::Structure, ladder.docs[*db].loc_line(1), text);
                said.insert((*da, *db));
            }
        }
    }
}

/// A name without the words that tell versions apart (`Engineering (Legacy)`, `ladder-2023`,
/// `engineering-v1` → `engineering`, `ladder`).
fn unversioned(name: &str) -> String {
    ids::slug(name)
        .split('-')
        .filter(|w| {
            let version = w.strip_prefix('v').unwrap_or(w);
            !(w.bytes().all(|b| b.is_ascii_digit())
                || (!version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()))
                || matches!(
                    *w,
                    "legacy" | "old" | "new" | "current" | "draft" | "archived" | "previous"
                ))
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A level's file, by index: (document, level, title).
type Member = (usize, Level, String);

/// Files that are each one level without pillars (a level-like heading over a list) make a
/// track where no file beside them has pillars: two or more in a folder, or the one file
/// imported. The others stay free pages.
fn promote_plain_levels(
    ladder: &mut Ladder,
    plain_levels: Vec<(usize, usize, Level)>,
    page_docs: &mut Vec<(usize, Page, Option<ids::LevelTitle>)>,
    by_dir: &mut BTreeMap<String, Vec<Member>>,
    titles: &mut Vec<String>,
    single: bool,
) {
    let mut plain_members: Vec<(String, Member)> = Vec::new();
    let mut plain_dirs: BTreeMap<String, usize> = BTreeMap::new();
    for (index, _, _) in &plain_levels {
        *plain_dirs
            .entry(ladder.docs[*index].dir().to_string())
            .or_default() += 1;
    }
    for (index, page_uid, level) in plain_levels {
        let dir = ladder.docs[index].dir().to_string();
        if by_dir.contains_key(&dir) || (!single && plain_dirs[&dir] < 2) {
            continue;
        }
        let Some(i) = page_docs.iter().position(|p| p.1.uid == page_uid) else {
            continue;
        };
        let (_, page, _) = page_docs.remove(i);
        ladder.guess(
            GuessKind::Structure,
            level.at.clone(),
            format!(
                "`{}` has no pillars: its list or paragraphs are the level's expectations, under one pillar `{}`",
                level.full_title,
                super::infer::PLAIN_PILLAR
            ),
        );
        ladder.retarget(FileRef::Page(page_uid), FileRef::Level(level.uid));
        titles.push(page.title.clone());
        plain_members.push((dir, (index, level, page.title)));
    }
    for (dir, m) in plain_members {
        by_dir.entry(dir).or_default().push(m);
    }
}

/// A file with no levels, by index: (document, page, its heading read as a level title).
type PageDoc = (usize, Page, Option<ids::LevelTitle>);

/// A folder of one-level files, and how the import was asked for.
struct Folder<'a> {
    /// The folder, relative to the import's root (`""` for the root).
    dir: &'a str,
    /// Whether one file was imported rather than a folder.
    single: bool,
    /// The imported folder's name, as a title.
    folder_title: &'a str,
}

/// A folder's level files split into individual contributors and managers (`Err`), when its
/// titles branch: at least two name a manager, director or VP, at least one of them a manager,
/// and at least two name neither, and the files' front-matter does not rank them all (an
/// author who ranks every file has written one ladder). Otherwise the files as they are.
fn branches(members: Vec<Member>) -> Result<Vec<Member>, (Vec<Member>, Vec<Member>)> {
    let ranked = members.iter().all(|m| m.1.rank.is_some());
    let (managers, ics): (Vec<Member>, Vec<Member>) = members
        .into_iter()
        .partition(|m| manages(&m.1.title).is_some());
    let a_manager = managers.iter().any(|m| manages(&m.1.title) == Some(true));
    // The others must name an individual contributor's role (`Team Lead` and `Group Lead`
    // in a folder of managers do not).
    let named_ics = ics.iter().filter(|m| ic_role(&m.1.title)).count();
    if ranked || managers.len() < 2 || named_ics < 2 || !a_manager {
        let mut all = ics;
        all.extend(managers);
        all.sort_by_key(|m| m.0);
        return Ok(all);
    }
    Err((ics, managers))
}

/// Whether a title names a people manager: `Some(true)` for a manager (`Engineering Manager`,
/// not `Product Manager`, a role of its own), `Some(false)` for a director, head, VP or chief,
/// `None` for neither or for a title that also names an engineer, developer or the like.
fn manages(title: &str) -> Option<bool> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // A title that names an individual contributor's role too is one (`Software Engineer IV
    // / Platform Manager`).
    if ic_role(title) {
        return None;
    }
    // A manager of people: `Manager`, `Senior Manager`, `Engineering Manager`; not a role
    // named manager (`Product Manager`, `Customer Success Manager`).
    #[rustfmt::skip]
    let people = [
        "engineering", "development", "software", "team", "people", "delivery", "technical",
        "tech", "qa", "data", "it", "senior", "sr", "group", "principal", "lead",
    ];
    let manager = words
        .iter()
        .enumerate()
        .any(|(i, w)| w == "manager" && (i == 0 || people.contains(&words[i - 1].as_str())));
    if manager {
        return Some(true);
    }
    let senior = ["director", "head", "vp", "chief", "cto"];
    words
        .iter()
        .any(|w| senior.contains(&w.as_str()))
        .then_some(false)
}

/// Whether a title names an individual contributor's role (`Engineer`, `Data Scientist`).
fn ic_role(title: &str) -> bool {
    #[rustfmt::skip]
    let ic = [
        "engineer", "developer", "programmer", "architect", "scientist", "designer", "analyst",
        "tester", "sre", "sde", "swe",
    ];
    super::titles::any_word(title, &ic)
}

/// The track of one folder's one-level files (`members`), titled `title` or after the folder,
/// taking its stub levels and the README beside them out of `page_docs`; returns it with its
/// first document.
fn folder_track(
    ladder: &mut Ladder,
    f: &Folder,
    mut members: Vec<Member>,
    page_docs: &mut Vec<PageDoc>,
    title: Option<&str>,
) -> (Track, usize) {
    let (dir, single, folder_title) = (f.dir, f.single, f.folder_title);
    take_stub_levels(ladder, dir, &mut members, page_docs);
    // A README beside the level files describes their track, as does a page beside their
    // folder with the folder's name (`engineer-track.md` beside `engineer-track/`).
    let (parent, last) = dir.rsplit_once('/').unwrap_or(("", dir));
    // The page beside the folder must link into it (`engineer-track/junior.md`): a page that
    // only shares the folder's name (`engineering.md`, about on-call) is about something else.
    let links_in = |text: &str| text.contains(&format!("{last}/"));
    let readme = page_docs.iter().position(|(index, _, _)| {
        let d = &ladder.docs[*index];
        (d.dir() == dir && d.is_readme())
            || (!last.is_empty() && d.dir() == parent && d.stem() == last && links_in(&d.text))
    });
    let readme = readme.map(|i| page_docs.remove(i));
    let order = order_levels(
        ladder,
        &mut members,
        readme.as_ref().map(|r| r.0),
        (dir, parent, last),
    );
    let first = members[0].0;
    let uid = ladder.uid();
    if !order.is_empty() && order != ", in file-name order" {
        ladder.ordered_tracks.insert(uid);
    }
    // A README's title may name the repository; Hugo's `_index.md` front-matter `title` is
    // the section's.
    let sibling_title = readme
        .as_ref()
        .and_then(|(index, page, _)| {
            let d = &ladder.docs[*index];
            if !d.is_readme() {
                Some(page.title.clone())
            } else if d.stem() == "_index" {
                super::yaml::front_matter_title(&d.text)
            } else {
                None
            }
        })
        .filter(|t| !t.is_empty());
    let title = if let Some(title) = title {
        title.to_string()
    } else if let Some(title) = sibling_title {
        title
    } else if single || (members.len() == 1 && generic_folder(dir)) {
        // One role's file in a folder named for no role or discipline
        // (`common/ferry-master.md`) names its track better than the folder does; `android/`
        // names it better than its `techlead.md`.
        members[0].2.clone()
    } else {
        let last = dir.rsplit('/').next().unwrap_or("");
        if last.is_empty() {
            folder_title.to_string()
        } else {
            // Written as the level of that name writes it (`qa-engineer/` holding `# QA
            // Engineer`), or as the levels' codes write their letters (`ic/` holding IC1 …
            // IC5).
            let readable = super::titles::readable(last);
            let key = ids::title_key(&readable);
            let code_letters = members
                .iter()
                .filter_map(|m| m.1.code.as_deref())
                .map(ids::code_letters)
                .find(|letters| letters.eq_ignore_ascii_case(&readable));
            members
                .iter()
                .map(|m| &m.1.title)
                .find(|t| ids::title_key(t) == key)
                .cloned()
                .or_else(|| code_letters.map(str::to_string))
                .unwrap_or(readable)
        }
    };
    let at = ladder.docs[first].loc_line(1);
    if !single {
        ladder.guess(
            GuessKind::Structure,
            at.clone(),
            format!(
                "{} in `{}/` {} the track `{title}`{}",
                match members.len() {
                    1 => "the one-level file".to_string(),
                    n => format!("the {n} one-level files"),
                },
                if dir.is_empty() { "." } else { dir },
                if members.len() == 1 { "makes" } else { "make" },
                order
            ),
        );
    }
    let stem_id = ids::slug(&split_camel(ladder.docs[first].stem()));
    let id = (single && !stem_id.is_empty() && !GENERIC_STEMS.contains(&stem_id.as_str()))
        .then_some(stem_id);
    let mut track = Track {
        uid,
        title,
        id,
        description: Vec::new(),
        levels: Vec::new(),
        at,
        final_id: String::new(),
    };
    if let Some((_, page, _)) = readme {
        ladder.guess(
            GuessKind::Page,
            page.at.clone(),
            format!(
                "`{}` sits beside the level files: it describes their track",
                ladder
                    .docs
                    .iter()
                    .find(|d| page.at.path == d.rel)
                    .map_or("README", |d| d.rel.as_str())
            ),
        );
        track.description = page.body;
        ladder.retarget(FileRef::Page(page.uid), FileRef::Track(uid));
    }
    for (index, mut level, _) in members {
        // A level written as a folder (`senior/README.md`) is named by its folder.
        let doc = &ladder.docs[index];
        let stem = match doc.dir().rsplit('/').next() {
            Some(folder) if doc.is_readme() && !folder.is_empty() && doc.dir() != dir => folder,
            _ => doc.stem(),
        }
        .to_string();
        if !single || !crate::ids::is_valid_id(&stem) {
            level.id = Some(crate::ids::suggest_id(&stem));
        }
        track.levels.push(level);
    }
    (track, first)
}

/// The text of the first `# ` heading of the README (or index) at the top of an imported
/// folder, if it has one.
fn root_readme_title(ladder: &Ladder) -> Option<String> {
    let readme = ladder
        .docs
        .iter()
        .find(|d| d.dir().is_empty() && d.is_readme())?;
    // A line the import wrote (a table's level) is no title of the file.
    let mut offset = 0;
    let heading = readme.text.split('\n').find_map(|l| {
        let at = offset;
        offset += l.len() + 1;
        l.strip_prefix("# ")
            .filter(|_| !readme.written(at))
            .map(|h| (at, h.trim().trim_end_matches('#').to_string()))
    });
    // Or a centred HTML title (`<h1 align="center">`, as GitHub READMEs write one), when it
    // comes first.
    let lower = readme.text.to_ascii_lowercase();
    let html = lower.match_indices("<h1").find_map(|(at, _)| {
        let line_start = lower[..at].rfind('\n').map_or(0, |n| n + 1);
        if !lower[line_start..at].trim().is_empty() {
            return None;
        }
        let open = at + lower[at..].find('>')? + 1;
        let close = open + lower[open..].find("</h1")?;
        let text = super::tables::strip_tags(&readme.text[open..close]);
        (!text.trim().is_empty()).then_some((at, text))
    });
    // Without a heading, Hugo's `_index.md` names its folder in its front-matter (a page's
    // `title: Home`, beside its `# Acme Ladder`, names the page).
    let front = || super::yaml::front_matter_title(&readme.text).map(|t| (0, t));
    let (_, heading) = match (heading, html) {
        (Some(h), Some(x)) => std::cmp::min_by_key(h, x, |t| t.0),
        (h, x) => h.or(x).or_else(front)?,
    };
    let title = ids::clean_title(heading.trim());
    // `# Introduction` names the page, not the ladder.
    (!title.is_empty() && !super::infer::descriptive(&title)).then_some(title)
}

/// Moves from `page_docs` into `members` the files of folder `dir` with no pillars whose
/// title has a code like their neighbours': stub levels, imported with no expectations.
fn take_stub_levels(
    ladder: &mut Ladder,
    dir: &str,
    members: &mut Vec<Member>,
    page_docs: &mut Vec<PageDoc>,
) {
    let prefixes: Vec<String> = members
        .iter()
        .filter_map(|m| m.1.code.as_deref().map(ids::code_prefix))
        .collect();
    let mut i = 0;
    while i < page_docs.len() {
        let (index, _, heading) = &page_docs[i];
        let same_dir = ladder.docs[*index].dir() == dir;
        let stub = heading.as_ref().filter(|h| {
            h.code
                .as_deref()
                .is_some_and(|c| prefixes.contains(&ids::code_prefix(c)))
        });
        if same_dir && stub.is_some() {
            let (index, page, heading) = page_docs.remove(i);
            let h = heading.unwrap_or_default();
            let uid = ladder.uid();
            let mut level = Level::new(uid, h.title.clone(), page.at.clone());
            level.full_title = h.full.clone();
            level.code = h.code.clone();
            level.number = h.number;
            level.step = h.step.clone();
            level.description = page.body.clone();
            // Links to the file and its headings land on the level.
            ladder.retarget(FileRef::Page(page.uid), FileRef::Level(uid));
            ladder.guess(
                GuessKind::Structure,
                page.at.clone(),
                format!("`{}` has no pillars, but its title has a code like its neighbours' ({}): imported as a level with no expectations", h.full, h.code.unwrap_or_default()),
            );
            let title = page.title.clone();
            members.push((index, level, title));
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::unversioned;

    #[test]
    fn versions_of_a_name_are_alike_and_other_names_are_not() {
        assert_eq!(
            unversioned("Engineering (Legacy)"),
            unversioned("Engineering")
        );
        assert_eq!(unversioned("engineering-v1"), unversioned("engineering"));
        assert_eq!(unversioned("ladder-2023"), unversioned("ladder"));
        assert_ne!(unversioned("product"), unversioned("techops"));
        assert_ne!(unversioned("Backend"), unversioned("Mobile"));
    }
}
