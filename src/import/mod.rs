//! `ladderbook import`: turning a ladder a company already has — one long Markdown document,
//! a folder of Markdown files, a YAML file — into the contract's layout (`book.toml` and
//! `content/`), keeping every word and saying what it had to guess.
//!
//! The pipeline: read every input file ([`source`], refusing empty, binary and non-UTF-8
//! files) → understand each file ([`markdown`] for one-document Markdown, [`yaml`] for
//! structured ladders) → gather the files into one ladder (a folder of one-level files is one
//! track; each multi-level document is a track; files with no levels are free pages) →
//! decide pillars, ids, ranks and equivalents ([`finish`]) → write atomically ([`writer`]).

pub mod ids;
mod infer;
mod level;
pub mod markdown;
pub mod model;
mod outline;
pub mod source;
pub mod writer;
pub mod yaml;

use ids::{Ids, LevelNumber};
use markdown::Outcome;
use model::{Cell, FileRef, Guess, GuessKind, Ladder, Level, Page, Pillar, Track};
pub use source::ImportError;
use source::Loc;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// By file: `.md` as Markdown (a YAML front-matter with `topics` is read as structured
    /// data), `.yml`/`.yaml` as YAML.
    #[default]
    Auto,
    /// Markdown only: read the document's structure, ignore YAML files and front-matter data.
    Markdown,
    /// Structured data only: YAML files and Markdown front-matter with `topics`.
    Yaml,
}

/// What to import and where.
#[derive(Debug, Clone)]
pub struct Options {
    /// A file, or a folder of files.
    pub path: PathBuf,
    /// The folder to write `book.toml` and `content/` into.
    pub output: PathBuf,
    /// How to read the input.
    pub format: Format,
    /// The id of the track, for an import that has one track.
    pub track: Option<String>,
    /// Replace an existing `book.toml` and `content/`.
    pub force: bool,
}

/// A track as the summary shows it.
#[derive(Debug, Clone)]
pub struct TrackSummary {
    /// Its id.
    pub id: String,
    /// Its level ids, most junior first.
    pub levels: Vec<String>,
    /// Its number of expectations.
    pub expectations: usize,
}

/// What an import did, printed for the person who ran it.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The path imported.
    pub source: String,
    /// The folder written.
    pub output: PathBuf,
    /// Kinds of input read.
    pub formats: Vec<&'static str>,
    /// Number of files read.
    pub files_read: usize,
    /// Files in the folder that were not read.
    pub skipped: Vec<String>,
    /// Tracks.
    pub tracks: Vec<TrackSummary>,
    /// Pillar ids, in order.
    pub pillars: Vec<String>,
    /// Number of expectations.
    pub expectations: usize,
    /// Level × pillar cells with expectations, and all cells of each track's pillars.
    pub cells: (usize, usize),
    /// Free pages: id and where each comes from.
    pub pages: Vec<(String, Loc)>,
    /// Where the source's text went, in list items and paragraphs: (notes beside
    /// expectations, level and track descriptions, pillar descriptions, free pages).
    pub placed: (usize, usize, usize, usize),
    /// Every guess.
    pub guesses: Vec<Guess>,
    /// Number of files written.
    pub files_written: usize,
}

/// Imports `opts.path` into `opts.output`.
///
/// # Errors
/// Unreadable, empty, binary or non-UTF-8 input; input with no recognisable ladder; YAML that
/// does not parse; a bad `--track`; an output that exists without `--force`. Nothing is
/// written when there is an error.
pub fn import(opts: &Options) -> Result<Summary, ImportError> {
    let shown = opts.path.display().to_string();
    let meta = std::fs::metadata(&opts.path).map_err(|e| {
        ImportError::new(
            shown.clone(),
            (1, 1),
            format!("cannot read: {e}"),
            "pass the Markdown or YAML file (or folder of files) that holds the ladder",
        )
    })?;
    if let Some(t) = &opts.track {
        if !crate::load::is_valid_id(t) {
            return Err(ImportError::new(
                "--track",
                (1, 1),
                format!(
                    "`{t}` is not a valid id: ids are lowercase letters, digits and single hyphens"
                ),
                format!("use --track {}", crate::load::suggest_id(t)),
            ));
        }
    }
    let (root, files) = if meta.is_dir() {
        (opts.path.clone(), list_folder(&opts.path, &opts.output))
    } else {
        let name = opts
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        (
            opts.path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            vec![(opts.path.clone(), name)],
        )
    };
    let mut ladder = Ladder::default();
    let mut outcomes: Vec<(usize, Outcome)> = Vec::new();
    let single = !meta.is_dir();
    let mut families = Vec::new();
    for (path, rel) in &files {
        let kind = kind_of(rel);
        let Some(kind) = kind else {
            ladder.skipped.push(format!("{rel} (not Markdown or YAML)"));
            continue;
        };
        if kind == FileKind::Yaml && opts.format == Format::Markdown {
            if single {
                return Err(ImportError::new(
                    rel.clone(),
                    (1, 1),
                    "--format markdown, but this is a YAML file",
                    "use --format yaml or --format auto",
                ));
            }
            ladder
                .skipped
                .push(format!("{rel} (YAML, and --format markdown)"));
            continue;
        }
        let doc = source::read(path, rel)?;
        let index = ladder.docs.len();
        ladder.docs.push(doc);
        let outcome = match kind {
            FileKind::Yaml => {
                let doc = ladder.docs[index].clone();
                let y = yaml::load(&mut ladder, &doc, &doc.text, 1)?;
                if yaml::is_job_family(&y) {
                    let name = y.get("name").and_then(yaml::Y::text).unwrap_or_default();
                    families.push((doc.loc_line(1), format!("`{rel}` ({name})")));
                    yaml::job_family(&mut ladder, index, &y)?
                } else if yaml::is_topics(&y) {
                    yaml::topics(&mut ladder, index, &y, doc.text.len())?
                } else if !single {
                    // Other YAML in a folder (site settings, CI) is not a ladder: said, not read.
                    ladder.docs.pop();
                    ladder
                        .skipped
                        .push(format!("{rel} (YAML without a ladder)"));
                    continue;
                } else {
                    return Err(ImportError::new(
                        rel.clone(),
                        (y.line(), 1),
                        "this YAML holds no ladder that import knows",
                        "import reads YAML with `levels`, `themes` and `competencies` (a job family), or with `topics` whose `content` lists criteria per `level`",
                    ));
                }
            }
            FileKind::Markdown => {
                let doc = ladder.docs[index].clone();
                match yaml::split_front_matter(&doc.text) {
                    Some((fm, first_line, body)) => {
                        let y = yaml::load(&mut ladder, &doc, fm, first_line)?;
                        let title = y.get("title").and_then(yaml::Y::text);
                        if yaml::is_topics(&y) && opts.format != Format::Markdown {
                            yaml::topics(&mut ladder, index, &y, body)?
                        } else if opts.format == Format::Yaml {
                            if single {
                                return Err(ImportError::new(
                                    rel.clone(),
                                    (1, 1),
                                    "--format yaml, but this file's front-matter lists no `topics`",
                                    "use --format markdown or --format auto",
                                ));
                            }
                            ladder.docs.pop();
                            ladder
                                .skipped
                                .push(format!("{rel} (no YAML ladder, and --format yaml)"));
                            continue;
                        } else {
                            let keys: Vec<&str> =
                                y.keys().into_iter().filter(|k| *k != "title").collect();
                            if !keys.is_empty() {
                                ladder.guess(
                                    GuessKind::Dropped,
                                    doc.loc_line(first_line),
                                    format!(
                                        "front-matter keys were not imported: {}",
                                        keys.join(", ")
                                    ),
                                );
                            }
                            ladder.format("one-document Markdown");
                            markdown::parse(&mut ladder, index, body, title)
                        }
                    }
                    None => {
                        if opts.format == Format::Yaml {
                            if single {
                                return Err(ImportError::new(rel.clone(), (1, 1), "--format yaml, but this Markdown file has no YAML front-matter", "use --format markdown or --format auto"));
                            }
                            ladder.docs.pop();
                            ladder
                                .skipped
                                .push(format!("{rel} (no YAML, and --format yaml)"));
                            continue;
                        }
                        let (body, title) = skip_toml_front_matter(&doc.text);
                        ladder.format("one-document Markdown");
                        markdown::parse(&mut ladder, index, body, title)
                    }
                }
            }
        };
        outcomes.push((index, outcome));
    }
    if families.len() >= 2 {
        // Two versions of a ladder (a legacy and a current job family) are never merged.
        let names: Vec<String> = families.iter().map(|f| f.1.clone()).collect();
        ladder.guess(
            GuessKind::Structure,
            families[0].0.clone(),
            format!(
                "{} job families in one folder: {}; each is imported as its own track(s), nothing merged (import one file to keep only one)",
                families.len(),
                names.join(", ")
            ),
        );
    }
    if ladder.docs.is_empty() {
        let message = if opts.path.is_dir() {
            "the folder holds no Markdown or YAML files"
        } else {
            "this file is neither Markdown (.md) nor YAML (.yml, .yaml)"
        };
        return Err(ImportError::new(
            shown,
            (1, 1),
            message,
            "import a .md or .yml file, or a folder that holds some",
        ));
    }
    let folder_title = opts
        .path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .map(|n| {
            let n = n.replace(['-', '_'], " ");
            let mut c = n.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or(n)
        })
        .unwrap_or_else(|| "Ladder".into());
    gather(&mut ladder, outcomes, single, &folder_title)?;
    if ladder.tracks.iter().all(|t| t.levels.is_empty()) {
        let (path, line) = ladder
            .docs
            .first()
            .map_or((shown.clone(), 1), |d| (d.rel.clone(), 1));
        return Err(ImportError::new(
            path,
            (line, 1),
            if single { "found no ladder in this file: no levels with pillars and expectations" } else { "found no ladder in this folder: no file has levels with pillars and expectations" },
            "import recognises levels as headings that share pillar sub-headings (`## Level` / `### Pillar` / `- expectation`), bold `**Pillar:**` labels, numbered bold pillar items, bullets that start with a bold label, one file per level (`# Level` / `## Pillar`), and YAML job families or `topics` front-matter",
        ));
    }
    finish(&mut ladder, opts)?;
    // Paths of every file, for links.
    let mut paths = writer::Paths {
        root: &root,
        files: HashMap::new(),
        cells: HashMap::new(),
    };
    for t in &ladder.tracks {
        paths
            .files
            .insert(FileRef::Track(t.uid), format!("tracks/{}.md", t.final_id));
        for l in &t.levels {
            paths
                .files
                .insert(FileRef::Level(l.uid), format!("levels/{}.md", l.final_id));
        }
    }
    for (&(uid, i), &p) in &ladder.cell_pillars {
        if let Some(pillar) = ladder.pillars.get(p) {
            paths.cells.insert((uid, i), pillar.final_id.clone());
        }
    }
    for p in &ladder.pages {
        paths
            .files
            .insert(FileRef::Page(p.uid), format!("{}.md", p.final_id));
    }
    let output = writer::render(&mut ladder, &paths);
    let written = writer::write(&opts.output, &output, opts.force)?;
    Ok(summarise(&ladder, opts, written))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Markdown,
    Yaml,
}

fn kind_of(rel: &str) -> Option<FileKind> {
    let ext = rel
        .rsplit_once('.')
        .map(|x| x.1.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => Some(FileKind::Markdown),
        "yml" | "yaml" => Some(FileKind::Yaml),
        _ => None,
    }
}

/// The files of a folder, in path order, editor files and the output folder left out.
fn list_folder(dir: &Path, output: &Path) -> Vec<(PathBuf, String)> {
    let out_abs = output.canonicalize().ok();
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && crate::load::is_editor_temp(&e.file_name().to_string_lossy()) {
                return false;
            }
            // Never read the output (nor, when it is the folder imported, its content/ and site).
            match (&out_abs, e.path().canonicalize()) {
                (Some(o), Ok(p)) if e.depth() > 0 && e.file_type().is_dir() => {
                    &p != o && p != o.join("content") && p != o.join("book")
                }
                _ => true,
            }
        });
    for e in walker.flatten() {
        if !e.file_type().is_file() {
            continue;
        }
        let rel = crate::diagnostic::display_path(dir, e.path());
        files.push((e.path().to_path_buf(), rel));
    }
    files
}

/// Skips a TOML (`+++`) front-matter, returning the body's offset and its `title`.
fn skip_toml_front_matter(text: &str) -> (usize, Option<String>) {
    let Some(first) = text.find('\n') else {
        return (0, None);
    };
    if text[..first].trim_end() != "+++" {
        return (0, None);
    }
    let rest = &text[first + 1..];
    let Some(end) = rest.find("\n+++") else {
        return (0, None);
    };
    let toml_text = &rest[..end];
    let title = toml::from_str::<toml::Table>(toml_text)
        .ok()
        .and_then(|t| t.get("title").and_then(|v| v.as_str()).map(str::to_string));
    let body = first + 1 + end + 4;
    let body = text[body..].find('\n').map_or(text.len(), |i| body + i + 1);
    (body, title)
}

// ---------------------------------------------------------------------------------------
// Gathering files into one ladder.

fn gather(
    ladder: &mut Ladder,
    outcomes: Vec<(usize, Outcome)>,
    single: bool,
    folder_title: &str,
) -> Result<(), ImportError> {
    let mut tracks: Vec<(Track, usize)> = Vec::new(); // (track, first doc)
    let mut pages: Vec<Page> = Vec::new();
    let mut by_dir: BTreeMap<String, Vec<(usize, Level, String)>> = BTreeMap::new();
    let mut page_docs: Vec<(usize, Page, Option<ids::LevelTitle>)> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    let n_ladder_docs = outcomes
        .iter()
        .filter(|(_, o)| !matches!(o, Outcome::Page { .. }))
        .count();
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
                if single {
                    ladder.guess(GuessKind::Structure, level.at.clone(), how);
                }
                titles.push(title.clone());
                let dir = ladder.docs[index].dir().to_string();
                by_dir.entry(dir).or_default().push((index, level, title));
                pages.extend(ps);
            }
            Outcome::Page { page, heading } => page_docs.push((index, page, heading)),
        }
    }
    // Folders of one-level files: one track each.
    for (dir, mut members) in by_dir {
        // A file with no pillars whose title has a code like its neighbours' is a stub level.
        let prefixes: Vec<String> = members
            .iter()
            .filter_map(|m| m.1.code.as_deref().map(code_prefix))
            .collect();
        let mut i = 0;
        while i < page_docs.len() {
            let (index, _, heading) = &page_docs[i];
            let same_dir = ladder.docs[*index].dir() == dir;
            let stub = heading.as_ref().filter(|h| {
                h.code
                    .as_deref()
                    .is_some_and(|c| prefixes.contains(&code_prefix(c)))
            });
            if same_dir && stub.is_some() {
                let (index, page, heading) = page_docs.remove(i);
                let h = heading.unwrap_or_default();
                let uid = ladder.uid();
                let mut level = Level::new(uid, h.title.clone(), page.at.clone());
                level.full_title = h.full.clone();
                level.code = h.code.clone();
                level.number = h.number;
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
        // A README beside the level files describes their track.
        let readme = page_docs.iter().position(|(index, _, _)| {
            let d = &ladder.docs[*index];
            d.dir() == dir && matches!(d.stem().to_ascii_lowercase().as_str(), "readme" | "index")
        });
        let readme = readme.map(|i| page_docs.remove(i));
        let numbered = members.iter().all(|m| m.1.number.is_some());
        if numbered {
            members.sort_by_key(|m| (m.1.number.map(LevelNumber::sort_key), m.0));
        }
        let first = members[0].0;
        let uid = ladder.uid();
        let title = if single {
            members[0].2.clone()
        } else {
            let last = dir.rsplit('/').next().unwrap_or("");
            if last.is_empty() {
                folder_title.to_string()
            } else {
                last.replace(['-', '_'], " ")
            }
        };
        let at = ladder.docs[first].loc_line(1);
        if !single {
            ladder.guess(
                GuessKind::Structure,
                at.clone(),
                format!(
                    "the {} one-level files in `{}/` make the track `{title}`{}",
                    members.len(),
                    if dir.is_empty() { "." } else { dir.as_str() },
                    if numbered {
                        ", ordered by the numbers in their titles"
                    } else {
                        ", in file-name order"
                    }
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
            let stem = ladder.docs[index].stem().to_string();
            if !single || !crate::load::is_valid_id(&stem) {
                level.id = Some(crate::load::suggest_id(&stem));
            }
            track.levels.push(level);
        }
        tracks.push((track, first));
    }
    for (_, p, _) in page_docs {
        pages.push(p);
    }
    // Free pages in file order, a folder's README first.
    let doc_order: HashMap<&str, (bool, usize)> = ladder
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                d.rel.as_str(),
                (
                    !matches!(d.stem().to_ascii_lowercase().as_str(), "readme" | "index"),
                    i,
                ),
            )
        })
        .collect();
    pages.sort_by_key(|p| {
        (
            doc_order
                .get(p.at.path.as_str())
                .copied()
                .unwrap_or((true, usize::MAX)),
            p.at.line,
        )
    });
    // Track order: by their most junior level's number when every track has numbers.
    // Tracks of one file keep that file's order.
    let own: Vec<Option<(u64, u64, u8)>> = tracks
        .iter()
        .map(|(t, _)| {
            t.levels
                .iter()
                .filter_map(|l| l.number.map(LevelNumber::sort_key))
                .min()
        })
        .collect();
    let keys: Vec<Option<(u64, u64, u8)>> = tracks
        .iter()
        .map(|(_, doc)| {
            tracks
                .iter()
                .zip(&own)
                .filter(|((_, d), _)| d == doc)
                .map(|(_, k)| *k)
                .min()
                .flatten()
        })
        .collect();
    let several_files = tracks.iter().any(|(_, d)| *d != tracks[0].1);
    if several_files && own.iter().all(Option::is_some) {
        let mut order: Vec<usize> = (0..tracks.len()).collect();
        order.sort_by_key(|&i| (keys[i], tracks[i].1));
        let mut sorted: Vec<(Track, usize)> = Vec::new();
        let mut taken: Vec<Option<(Track, usize)>> = tracks.into_iter().map(Some).collect();
        for i in order {
            if let Some(t) = taken[i].take() {
                sorted.push(t);
            }
        }
        tracks = sorted;
    }
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
fn split_camel(s: &str) -> String {
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

fn code_prefix(code: &str) -> String {
    code.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase()
}

// ---------------------------------------------------------------------------------------
// Pillars, ids, ranks, equivalents.

/// Decides what is left once every file is read: the pillars of labelled bullets, the
/// pillars of every cell (merging drifted titles), ids, ranks and equivalents.
///
/// # Errors
/// `--track` for an import with several tracks.
pub fn finish(ladder: &mut Ladder, opts: &Options) -> Result<(), ImportError> {
    resolve_labels(ladder);
    gather_pillars(ladder);
    give_ids(ladder, opts)?;
    give_ranks(ladder);
    equivalents(ladder);
    Ok(())
}

/// Bullets that start with a bold label: the label is the pillar when every level has the
/// same label in the same place; otherwise a glossary (a list that defines the labels under
/// a pillar heading, anywhere in the import) names the pillar; otherwise the position does.
fn resolve_labels(ladder: &mut Ladder) {
    // Glossary: label → pillar title, when one title only.
    let mut glossary: HashMap<String, (String, Loc)> = HashMap::new();
    let mut ambiguous: Vec<String> = Vec::new();
    for (label, title, at) in &ladder.glossary {
        match glossary.get(label) {
            Some((t, _)) if t != title => ambiguous.push(label.clone()),
            Some(_) => {}
            None => {
                glossary.insert(label.clone(), (title.clone(), at.clone()));
            }
        }
    }
    for a in ambiguous {
        glossary.remove(&a);
    }
    // Group levels by the file their bullets come from.
    let mut groups: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (ti, t) in ladder.tracks.iter().enumerate() {
        for (li, l) in t.levels.iter().enumerate() {
            if let Some(p) = l.pending.first() {
                groups.entry(p.block.md.doc).or_default().push((ti, li));
            }
        }
    }
    let mut guesses = Vec::new();
    for (_, members) in groups {
        let mut by_pos: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut all_labels: Vec<String> = Vec::new();
        for &(ti, li) in &members {
            for p in &ladder.tracks[ti].levels[li].pending {
                by_pos
                    .entry(p.position)
                    .or_default()
                    .push(ids::title_key(&p.label));
                all_labels.push(ids::title_key(&p.label));
            }
        }
        let same_place =
            members.len() >= 2 && by_pos.values().all(|v| v.iter().all(|x| *x == v[0]));
        let glossed = !same_place && all_labels.iter().all(|l| glossary.contains_key(l));
        let first_at = ladder.tracks[members[0].0].levels[members[0].1].pending[0]
            .at
            .clone();
        if same_place {
            guesses.push((first_at, "each bullet's bold label is its pillar (the same labels, in the same order, at every level)".to_string()));
        } else if glossed {
            let src = glossary
                .get(&all_labels[0])
                .map(|g| g.1.to_string())
                .unwrap_or_default();
            guesses.push((first_at, format!("bullets name no pillar: their bold labels are looked up where a list defines them under pillar headings ({src})")));
        } else {
            guesses.push((first_at, "bullets name no pillar and no list defines their labels: the n-th bullet of each level is pillar n, named after its labels".to_string()));
        }
        // Titles of positional pillars: the labels seen in that place.
        let mut pos_titles: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for &(ti, li) in &members {
            for p in &ladder.tracks[ti].levels[li].pending {
                let e = pos_titles.entry(p.position).or_default();
                let l = ids::clean_title(&p.label);
                if !e.contains(&l) {
                    e.push(l);
                }
            }
        }
        for &(ti, li) in &members {
            let level = &mut ladder.tracks[ti].levels[li];
            let pending = std::mem::take(&mut level.pending);
            for p in pending {
                let key = ids::title_key(&p.label);
                let (title, pkey) = if same_place {
                    (ids::clean_title(&p.label), None)
                } else if glossed {
                    (glossary[&key].0.clone(), None)
                } else {
                    let labels = &pos_titles[&p.position];
                    let shown: Vec<&str> = labels.iter().take(4).map(String::as_str).collect();
                    let more = if labels.len() > 4 { " / …" } else { "" };
                    (
                        format!("{}{more}", shown.join(" / ")),
                        Some(format!("position:{}", p.position)),
                    )
                };
                let found = level.cells.iter().position(|c| match &pkey {
                    Some(k) => c.pillar_key.as_deref() == Some(k.as_str()),
                    None => ids::title_key(&c.pillar_title) == ids::title_key(&title),
                });
                match found {
                    Some(i) => {
                        if let Some(last) = level.cells[i].blocks.last_mut() {
                            last.tight = true;
                        }
                        level.cells[i].blocks.push(p.block);
                    }
                    None => level.cells.push(Cell {
                        pillar_title: title,
                        pillar_at: p.at.clone(),
                        pillar_id: None,
                        pillar_key: pkey,
                        pillar_description: Vec::new(),
                        blocks: vec![p.block],
                        pillar: 0,
                    }),
                }
            }
        }
    }
    for (at, text) in guesses {
        ladder.guess(GuessKind::Pillar, at, text);
    }
    // Glossary pillars come in the glossary's order.
    let order: Vec<String> = ladder
        .glossary
        .iter()
        .map(|g| ids::title_key(&g.1))
        .collect();
    for t in &mut ladder.tracks {
        for l in &mut t.levels {
            if l.cells
                .iter()
                .all(|c| order.contains(&ids::title_key(&c.pillar_title)))
            {
                l.cells.sort_by_key(|c| {
                    order
                        .iter()
                        .position(|o| *o == ids::title_key(&c.pillar_title))
                });
            }
        }
    }
}

fn gather_pillars(ladder: &mut Ladder) {
    let mut pillars: Vec<Pillar> = Vec::new();
    let mut guesses: Vec<(Loc, String)> = Vec::new();
    let mut shortcodes: Vec<Loc> = Vec::new();
    let mut cell_pillars = HashMap::new();
    let mut shared_between: BTreeMap<(String, String), (Loc, Vec<String>)> = BTreeMap::new();
    for t in &mut ladder.tracks {
        let mut track_pillars: Vec<usize> = Vec::new();
        for l in &mut t.levels {
            let mut level_pillars: Vec<usize> = Vec::new();
            for (ci, c) in l.cells.iter_mut().enumerate() {
                let title = ids::clean_title(&c.pillar_title);
                if title != c.pillar_title.trim()
                    && c.pillar_title.contains(':')
                    && shortcodes.is_empty()
                {
                    shortcodes.push(c.pillar_at.clone());
                }
                let key = c
                    .pillar_key
                    .clone()
                    .unwrap_or_else(|| ids::title_key(&title));
                let key = if key.is_empty() {
                    format!("title:{title}")
                } else {
                    key
                };
                let emoji = ids::leading_emoji(&c.pillar_title);
                let mut found = pillars.iter().position(|p| p.key == key);
                // A pillar id that two files (a legacy and a current job family) give to
                // differently named themes names two pillars, not one.
                if let Some(i) = found.filter(|_| c.pillar_key.is_some()) {
                    let first = &pillars[i];
                    if first.at.path != c.pillar_at.path {
                        if ids::title_key(&first.title) != ids::title_key(&title) {
                            let own = format!("{key}@{}", ids::title_key(&title));
                            found = pillars.iter().position(|p| p.key == own);
                            if found.is_none() {
                                guesses.push((c.pillar_at.clone(), format!("`{}` has the id of `{}` in {} but another name: imported as a pillar of its own", title, first.title, first.at.path)));
                                pillars.push(Pillar {
                                    title: title.clone(),
                                    key: own,
                                    emoji: emoji.clone(),
                                    id: None,
                                    description: c.pillar_description.clone(),
                                    at: c.pillar_at.clone(),
                                    final_id: String::new(),
                                });
                                found = Some(pillars.len() - 1);
                            }
                        } else {
                            let pair = (first.at.path.clone(), c.pillar_at.path.clone());
                            let e = shared_between
                                .entry(pair)
                                .or_insert_with(|| (c.pillar_at.clone(), Vec::new()));
                            if !e.1.contains(&first.title) {
                                e.1.push(first.title.clone());
                            }
                            // A description only the later file gives is kept.
                            let first = &mut pillars[i];
                            if first.description.is_empty() {
                                first.description = c.pillar_description.clone();
                            } else if !c.pillar_description.is_empty()
                                && c.pillar_description
                                    .iter()
                                    .map(|m| m.text.trim())
                                    .ne(first.description.iter().map(|m| m.text.trim()))
                            {
                                first
                                    .description
                                    .extend(c.pillar_description.iter().cloned());
                            }
                        }
                    }
                }
                if found.is_none() && c.pillar_key.is_none() {
                    if let Some(e) = &emoji {
                        let same: Vec<usize> = track_pillars
                            .iter()
                            .copied()
                            .filter(|&p| {
                                pillars[p].emoji.as_ref() == Some(e) && !level_pillars.contains(&p)
                            })
                            .collect();
                        if same.len() == 1 {
                            guesses.push((c.pillar_at.clone(), format!("pillar `{title}` has the emoji of `{}` ({e}) on the same track: taken as the same pillar", pillars[same[0]].title)));
                            found = Some(same[0]);
                        }
                    }
                }
                let idx = match found {
                    Some(i) => i,
                    None => {
                        let title = if title.is_empty() {
                            format!("Pillar {}", pillars.len() + 1)
                        } else {
                            title
                        };
                        pillars.push(Pillar {
                            title,
                            key,
                            emoji,
                            id: c.pillar_id.clone(),
                            description: c.pillar_description.clone(),
                            at: c.pillar_at.clone(),
                            final_id: String::new(),
                        });
                        pillars.len() - 1
                    }
                };
                c.pillar = idx;
                cell_pillars.insert((l.uid, ci), idx);
                if !track_pillars.contains(&idx) {
                    track_pillars.push(idx);
                }
                level_pillars.push(idx);
            }
            // Two cells of one level in one pillar become one.
            let mut merged: Vec<Cell> = Vec::new();
            for c in std::mem::take(&mut l.cells) {
                match merged.iter_mut().find(|m| m.pillar == c.pillar) {
                    Some(m) => {
                        guesses.push((c.pillar_at.clone(), format!("a second `{}` section in this level: its expectations are added to the first", c.pillar_title.trim())));
                        if let Some(last) = m.blocks.iter_mut().rev().find(|b| b.item) {
                            last.tight = false;
                        }
                        m.blocks.extend(c.blocks);
                    }
                    None => merged.push(c),
                }
            }
            l.cells = merged;
        }
    }
    for ((a, _), (at, titles)) in shared_between {
        guesses.push((
            at,
            format!(
                "themes with the same id and name as in {a} are the same pillar on both tracks: {}",
                titles
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    for at in shortcodes {
        guesses.push((at, "`:shortcode:` emoji in pillar titles are not rendered by ladderbook: removed from the titles".into()));
    }
    ladder.pillars = pillars;
    ladder.cell_pillars = cell_pillars;
    for (at, text) in guesses {
        ladder.guess(GuessKind::Pillar, at, text);
    }
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

fn give_ids(ladder: &mut Ladder, opts: &Options) -> Result<(), ImportError> {
    if let Some(t) = &opts.track {
        if ladder.tracks.len() > 1 {
            let ids: Vec<String> = ladder.tracks.iter().map(|t| ids::slug(&t.title)).collect();
            return Err(ImportError::new(
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
            (None, Some(id)) if crate::load::is_valid_id(id) => id.clone(),
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
                        Some(id) if crate::load::is_valid_id(id) => id.clone(),
                        Some(id) => crate::load::suggest_id(id),
                        None => ids::short_slug(&l.title, 48),
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
            Some(id) if crate::load::is_valid_id(id) => id.clone(),
            Some(id) => crate::load::suggest_id(id),
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

fn give_ranks(ladder: &mut Ladder) {
    let mut guesses = Vec::new();
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
            if majors.len() == n && distinct_increasing(&majors) {
                majors
            } else {
                if t.levels.iter().any(|l| l.code.is_some()) && n > 1 {
                    guesses.push((t.levels[0].at.clone(), format!("the numbers in the titles of track `{}` do not give one rank each: ranked 1 to {n} in order", t.title)));
                } else if n > 1 && t.levels.iter().all(|l| l.rank.is_none()) {
                    guesses.push((t.levels[0].at.clone(), format!("levels of track `{}` are ranked in the order they are written, most junior first", t.title)));
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

fn equivalents(ladder: &mut Ladder) {
    let mut pairs: Vec<(usize, usize)> = ladder.equivalents.clone();
    // Codes named in titles: `Staff Engineer (IC6 / M5)`.
    let codes: Vec<(usize, usize, String)> = ladder
        .tracks
        .iter()
        .enumerate()
        .flat_map(|(ti, t)| {
            t.levels
                .iter()
                .filter_map(move |l| l.code.as_ref().map(|c| (ti, l.uid, ids::code_key(c))))
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
            let mut unresolved = Vec::new();
            for oc in &l.other_codes {
                let hits: Vec<usize> = codes
                    .iter()
                    .filter(|c| c.0 != ti && c.2 == ids::code_key(oc))
                    .map(|c| c.1)
                    .collect();
                if hits.len() == 1 {
                    pairs.push((l.uid, hits[0]));
                    guesses.push((
                        l.at.clone(),
                        format!(
                            "`{}`: code {} and equivalent {oc}",
                            l.full_title,
                            l.code.clone().unwrap_or_default()
                        ),
                    ));
                } else {
                    unresolved.push(oc.clone());
                }
            }
            if !unresolved.is_empty() {
                l.title = l.full_title.clone();
                guesses.push((
                    l.at.clone(),
                    format!("`{}`: {} name{} no level on another track, so the title keeps the text; code {}", l.full_title, unresolved.join(", "), if unresolved.len() == 1 { "s" } else { "" }, l.code.clone().unwrap_or_default()),
                ));
            }
        }
    }
    // Levels aligned across tracks by the number of their codes (D5 = TL5 = EM5).
    if ladder.tracks.len() > 1 && ladder.equivalents.is_empty() && !any_named {
        type Coded = Vec<(usize, usize, String)>; // (track, level uid, code)
        let mut by_number: BTreeMap<(u64, Option<u64>), Coded> = BTreeMap::new();
        for (ti, t) in ladder.tracks.iter().enumerate() {
            for l in &t.levels {
                if let (Some(c), Some(n)) = (&l.code, l.number) {
                    by_number
                        .entry((n.major, n.minor))
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
            guesses.push((at, format!("levels on different tracks whose codes have the same number are equivalent: {}", shown.join(", "))));
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

// ---------------------------------------------------------------------------------------
// The summary.

fn summarise(ladder: &Ladder, opts: &Options, written: usize) -> Summary {
    let mut filled = 0;
    let mut total = 0;
    let mut expectations = 0;
    let tracks = ladder
        .tracks
        .iter()
        .map(|t| {
            let mut used: Vec<usize> = t
                .levels
                .iter()
                .flat_map(|l| l.cells.iter().map(|c| c.pillar))
                .collect();
            used.sort();
            used.dedup();
            total += used.len() * t.levels.len();
            let n: usize = t.levels.iter().map(Level::expectations).sum();
            filled += t
                .levels
                .iter()
                .map(|l| {
                    l.cells
                        .iter()
                        .filter(|c| c.blocks.iter().any(|b| b.item))
                        .count()
                })
                .sum::<usize>();
            expectations += n;
            TrackSummary {
                id: t.final_id.clone(),
                levels: t.levels.iter().map(|l| l.final_id.clone()).collect(),
                expectations: n,
            }
        })
        .collect();
    Summary {
        source: opts.path.display().to_string(),
        output: opts.output.clone(),
        formats: ladder.formats.clone(),
        files_read: ladder.docs.len(),
        skipped: ladder.skipped.clone(),
        tracks,
        pillars: ladder.pillars.iter().map(|p| p.final_id.clone()).collect(),
        expectations,
        cells: (filled, total),
        pages: ladder
            .pages
            .iter()
            .map(|p| (p.final_id.clone(), p.at.clone()))
            .collect(),
        placed: placed(ladder),
        guesses: ladder.guesses.clone(),
        files_written: written,
    }
}

/// List items (at any depth) and paragraphs outside list items in some Markdown: the units
/// a reader counts.
fn units(mds: &[model::Md]) -> usize {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut n = 0;
    for md in mds {
        let mut in_item = 0usize;
        for ev in Parser::new_ext(&md.text, crate::markdown::options()) {
            match ev {
                Event::Start(Tag::Item) => {
                    n += 1;
                    in_item += 1;
                }
                Event::End(TagEnd::Item) => in_item = in_item.saturating_sub(1),
                Event::Start(Tag::Paragraph) if in_item == 0 => n += 1,
                _ => {}
            }
        }
    }
    n
}

/// Where the text that is not an expectation went (see [`Summary::placed`]).
fn placed(ladder: &Ladder) -> (usize, usize, usize, usize) {
    let mut notes = Vec::new();
    let mut described = Vec::new();
    for t in &ladder.tracks {
        described.extend(t.description.iter().cloned());
        for l in &t.levels {
            described.extend(l.description.iter().cloned());
            for c in &l.cells {
                notes.extend(c.blocks.iter().filter(|b| !b.item).map(|b| b.md.clone()));
            }
        }
    }
    let pillars: Vec<model::Md> = ladder
        .pillars
        .iter()
        .flat_map(|p| p.description.iter().cloned())
        .collect();
    let pages: Vec<model::Md> = ladder
        .pages
        .iter()
        .flat_map(|p| p.body.iter().cloned())
        .collect();
    (
        units(&notes),
        units(&described),
        units(&pillars),
        units(&pages),
    )
}

fn list(items: &[String], max_chars: usize) -> String {
    let mut s = String::new();
    for (i, it) in items.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        if s.len() + sep.len() + it.len() > max_chars {
            s.push_str(&format!("{sep}… (+{} more)", items.len() - i));
            break;
        }
        s.push_str(sep);
        s.push_str(it);
    }
    s
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, w: &str| {
            if n == 1 {
                format!("{n} {w}")
            } else {
                format!("{n} {w}s")
            }
        };
        writeln!(
            f,
            "Imported {} ({}, {}) into {}",
            self.source,
            plural(self.files_read, "file"),
            if self.formats.is_empty() {
                "Markdown".to_string()
            } else {
                self.formats.join(" + ")
            },
            self.output.display()
        )?;
        let levels: usize = self.tracks.iter().map(|t| t.levels.len()).sum();
        writeln!(
            f,
            "  {}, {}, {}, {} in {} of {} cells",
            plural(self.tracks.len(), "track"),
            plural(levels, "level"),
            plural(self.pillars.len(), "pillar"),
            plural(self.expectations, "expectation"),
            self.cells.0,
            self.cells.1
        )?;
        let (notes, described, pillar_text, pages) = self.placed;
        let mut went = vec![format!(
            "{} on level pages",
            plural(self.expectations, "expectation")
        )];
        for (n, what) in [
            (notes, "beside them as notes"),
            (described, "in level and track descriptions"),
            (pillar_text, "in pillar descriptions"),
            (pages, "on free pages"),
        ] {
            if n > 0 {
                went.push(format!("{n} {what}"));
            }
        }
        writeln!(
            f,
            "  where the text went (list items and paragraphs): {}",
            went.join(", ")
        )?;
        let shown_tracks = 8;
        for t in self.tracks.iter().take(shown_tracks) {
            let lv = if t.levels.len() > 3 && t.levels.join(", ").len() > 70 {
                format!(
                    "{}, {}, … {}",
                    t.levels[0],
                    t.levels[1],
                    t.levels[t.levels.len() - 1]
                )
            } else {
                t.levels.join(", ")
            };
            writeln!(
                f,
                "  track {}: {} expectations; levels {}",
                t.id, t.expectations, lv
            )?;
        }
        if self.tracks.len() > shown_tracks {
            let rest: Vec<String> = self.tracks[shown_tracks..]
                .iter()
                .map(|t| t.id.clone())
                .collect();
            writeln!(f, "  … and {} more tracks: {}", rest.len(), list(&rest, 80))?;
        }
        writeln!(f, "  pillars: {}", list(&self.pillars, 110))?;
        if !self.pages.is_empty() {
            let pages: Vec<String> = self
                .pages
                .iter()
                .map(|(id, at)| format!("{id} ({at})"))
                .collect();
            writeln!(f, "  free pages: {}", list(&pages, 100))?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "  not read: {}", list(&self.skipped, 100))?;
        }
        if self.guesses.is_empty() {
            writeln!(f, "No guesses: the structure was unambiguous.")?;
        } else {
            writeln!(f, "Check these guesses ({}):", self.guesses.len())?;
            let mut kinds: Vec<GuessKind> = self.guesses.iter().map(|g| g.kind).collect();
            kinds.sort();
            kinds.dedup();
            for k in kinds {
                let of: Vec<&Guess> = self.guesses.iter().filter(|g| g.kind == k).collect();
                let show = if of.len() > 4 { 3 } else { of.len() };
                for g in &of[..show] {
                    writeln!(f, "  {}: {}", g.at, g.text)?;
                }
                if of.len() > show {
                    let rest: Vec<String> = of[show..].iter().map(|g| g.at.to_string()).collect();
                    writeln!(
                        f,
                        "  … {} more {}: {}",
                        of.len() - show,
                        k.plural(),
                        list(&rest, 90)
                    )?;
                }
            }
        }
        writeln!(
            f,
            "Wrote {} files. Next: ladderbook build {}",
            self.files_written,
            self.output.display()
        )
    }
}
