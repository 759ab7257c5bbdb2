//! `ladderbook import`: turning a ladder a company already has — one long Markdown document,
//! a folder of Markdown files, a YAML file — into the contract's layout (`book.toml` and
//! `content/`), keeping every word and saying what it had to guess.
//!
//! The pipeline: read every input file ([`source`], refusing empty, binary and non-UTF-8
//! files) → rewrite a Markdown file's ladder tables as headings and lists (`tables`) →
//! understand each file ([`markdown`] for one-document Markdown, [`yaml`] for
//! structured ladders) → gather the files into one ladder (a folder of one-level files is one
//! track; each multi-level document is a track; files with no levels are free pages) →
//! decide pillars, ids, ranks and equivalents ([`finish`]) → write atomically ([`writer`]).

mod finish;
mod gather;
pub mod ids;
mod infer;
mod inputs;
mod language;
mod level;
mod level_index;
pub mod markdown;
pub mod model;
mod outline;
mod pillars;
mod place;
mod refusal;
mod roster;
mod sheet;
mod skipped;
pub mod source;
mod stale;
mod summary;
mod tables;
mod titles;
mod transpose;
pub mod writer;
pub mod yaml;

use crate::diagnostic::Diagnostic;
pub use finish::finish;
use inputs::{format_name, kind_of, list_folder, skip_toml_front_matter, without_esm, FileKind};
use markdown::Outcome;
use model::{FileRef, GuessKind, Ladder};
use source::import_error;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
pub use summary::{Summary, TrackSummary};

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
    /// The ladder's title (`book.toml`'s `title`), instead of the one the source gives or,
    /// when it gives none, the folder's name.
    pub title: Option<String>,
    /// Replace an existing `book.toml` and `content/`.
    pub force: bool,
}

/// Imports `opts.path` into `opts.output`.
///
/// # Errors
/// Unreadable, empty, binary or non-UTF-8 input; input with no recognisable ladder; YAML that
/// does not parse; a bad `--track`; a blank `--title`; an output that exists without `--force`. Nothing is
/// written when there is an error.
pub fn import(opts: &Options) -> Result<Summary, Diagnostic> {
    // An error names its file as the user can open it from where they ran the command: the
    // one file imported as it was given (`docs/ladder.md:3:1`), not by its name alone, and a
    // folder's file under the folder as given (`site/_data/openings.yml:3:14`), where the
    // summary's lines, under "Imported site", name them from the folder.
    import_from(opts).map_err(|mut d| {
        let name = opts.path.file_name().map(|n| n.to_string_lossy());
        if opts.path.is_file() && name.as_deref() == Some(d.path.as_str()) {
            d.path = opts.path.display().to_string();
            // The one file imported is the ladder: no format passes it over.
            if kind_of(&d.path) == Some(FileKind::Yaml) && d.hint.contains("--format markdown") {
                d.hint = "fix the YAML at this line, then import again".to_string();
            }
        } else if opts.path.is_dir() && !d.path.is_empty() && opts.path.join(&d.path).is_file() {
            d.path = opts.path.join(&d.path).display().to_string();
        }
        d
    })
}

fn import_from(opts: &Options) -> Result<Summary, Diagnostic> {
    let shown = opts.path.display().to_string();
    let meta = std::fs::metadata(&opts.path).map_err(|e| {
        import_error(
            shown.clone(),
            (1, 1),
            format!("cannot read: {e}"),
            "pass the Markdown or YAML file (or folder of files) that holds the ladder",
        )
    })?;
    check_track(opts)?;
    let title = check_title(opts)?;
    let (root, files) = input_files(opts, meta.is_dir(), &shown);
    let single = !meta.is_dir();
    let mut ladder = Ladder::default();
    ladder.single = single;
    ladder.file_names = files
        .iter()
        .map(|(_, rel)| source::file_name_key(rel))
        .collect();
    if !single {
        ladder.heading_depths = heading_depths(&files);
    }
    let beside_sheets = files.iter().any(|(_, r)| {
        matches!(kind_of(r), Some(FileKind::Markdown | FileKind::Yaml))
            && !source::is_readme_path(r)
    });
    let mut outcomes: Vec<(usize, Outcome)> = Vec::new();
    let mut families = Vec::new();
    let mut tables = Vec::new();
    for (path, rel) in &files {
        let kind = kind_of(rel);
        let Some(kind) = kind else {
            ladder.skipped.push(format!("{rel} (not Markdown or YAML)"));
            continue;
        };
        if !single && kind == FileKind::Markdown && skipped::housekeeping(rel) {
            ladder
                .skipped
                .push(format!("{rel} (about the repository, not the ladder)"));
            continue;
        }
        // A sheet beside Markdown or YAML files is data the repository keeps beside its
        // ladder (an onboarding plan, a rota), as often as a ladder: read alone, on request.
        if kind == FileKind::Sheet && !single && beside_sheets {
            ladder.skipped.push(format!(
                "{rel} (a sheet beside the ladder's Markdown or YAML files: to read it, import it alone)"
            ));
            continue;
        }
        if kind == FileKind::Yaml && opts.format == Format::Markdown {
            if single {
                return Err(import_error(
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
        let read = source::read(path, rel).and_then(|doc| match kind {
            FileKind::Sheet => sheet::as_markdown(&doc),
            _ => Ok(doc),
        });
        let mut doc = match read {
            Ok(doc) => doc,
            // In a folder, an empty file (a level not written yet) is passed over, and said.
            Err(_) if !single && std::fs::read(path).is_ok_and(|b| b.trim_ascii().is_empty()) => {
                ladder.skipped.push(format!("{rel} (empty)"));
                continue;
            }
            // A sheet beside the ladder's files may be any data a repository keeps: in a
            // folder, one that cannot be read is passed over, and said.
            Err(_) if kind == FileKind::Sheet && !single => {
                ladder.skipped.push(format!(
                    "{rel} (a sheet that is not UTF-8 CSV with a header row)"
                ));
                continue;
            }
            Err(mut e) if kind == FileKind::Sheet && e.message.contains("not UTF-8") => {
                e.hint = sheet::NOT_UTF8_HINT.to_string();
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        // A sheet is read as the Markdown table it was written out as.
        let sheet = kind == FileKind::Sheet;
        let kind = if sheet { FileKind::Markdown } else { kind };
        // A template alone (beside a README, perhaps) is what the user asked to import: it
        // is read. (The other files are looked for only once a file reads as a template.)
        let others = || {
            files.iter().any(|(_, r)| {
                kind_of(r) == Some(FileKind::Markdown) && !source::is_readme_path(r) && r != rel
            })
        };
        if !single
            && kind == FileKind::Markdown
            && skipped::page_template(rel, &doc.text)
            && others()
        {
            ladder.skipped.push(format!(
                "{rel} (a template for new pages: its title is a placeholder)"
            ));
            continue;
        }
        if rel.to_ascii_lowercase().ends_with(".mdx") {
            doc = source::SourceDoc::new(doc.rel.clone(), without_esm(&doc.text));
        }
        if kind == FileKind::Markdown {
            match read_markdown(&mut ladder, doc, sheet, single) {
                Some(read) => doc = read,
                None => continue,
            }
        }
        let index = ladder.docs.len();
        ladder.docs.push(doc);
        let outcome = match kind {
            FileKind::Yaml => {
                yaml_outcome(&mut ladder, index, rel, single, &mut families, &mut tables)?
            }
            FileKind::Markdown | FileKind::Sheet => {
                markdown_outcome(&mut ladder, opts, index, rel, single)?
            }
        };
        let Some(outcome) = outcome else { continue };
        outcomes.push((index, outcome));
    }
    if let Some((index, outcome)) = yaml::joined(&mut ladder, &tables) {
        outcomes.push((index, outcome));
    } else if let Some((index, outcome)) =
        yaml::area_files(&mut ladder, &tables, &folder_title(&opts.path))
    {
        outcomes.push((index, outcome));
    }
    if let Some(at) = ladder.topic_bodies.first().cloned() {
        let text = match ladder.topic_bodies.len() {
            1 => "1 file is read by its front-matter `topics`, and its Markdown body holds lists under headings too, which are kept as a description: to read it as the ladder instead, import again with --format markdown".to_string(),
            n => format!("{n} files are read by their front-matter `topics`, and their Markdown bodies hold lists under headings too, which are kept as their description: to read them as the ladder instead, import again with --format markdown"),
        };
        ladder.guess_first(GuessKind::Structure, at, text);
    }
    if families.len() >= 2 {
        // Two versions of a ladder (a legacy and a current job family) are never merged.
        let names: Vec<String> = families.iter().map(|f| f.1.clone()).collect();
        ladder.guess_first(
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
        return Err(refusal::nothing_read(&ladder, &opts.path, &shown));
    }
    let folder_title = folder_title(&opts.path);
    gather::gather(&mut ladder, outcomes, single, &folder_title)?;
    if let Some(title) = title {
        ladder.title = title;
        ladder.title_from_folder = false;
    }
    if ladder.tracks.iter().all(|t| t.levels.is_empty()) && !roster::tracks(&mut ladder) {
        return Err(refusal::no_ladder(&ladder, single, &shown));
    }
    // Beside other files' levels, a grid of two levels stays a page: said, with why.
    let grids: Vec<(source::Loc, String)> = ladder
        .docs
        .iter()
        .filter(|d| {
            !ladder
                .tracks
                .iter()
                .any(|t| t.levels.iter().any(|l| l.at.path == d.rel))
        })
        .filter_map(|d| {
            tables::two_level_grid(d).map(|(line, a, b)| {
                (d.loc_line(line), format!("the table here names two levels, `{a}` and `{b}`, and import reads a grid of levels only when it names three or more: `{}` is kept as a free page", d.rel))
            })
        })
        .collect();
    for (at, text) in grids {
        ladder.guess(GuessKind::Page, at, text);
    }
    finish(&mut ladder, opts)?;
    let paths = output_paths(&ladder, &root);
    let output = writer::render(&mut ladder, &paths);
    let written = place::write(&opts.output, &output, opts.force)?;
    Ok(summary::summarise(&ladder, opts, &written))
}

/// A Markdown document (or a sheet written out as one, `sheet`) made ready to read: mended
/// by the [`source::REWRITES`] (not a sheet), its ladder tables rewritten as headings and
/// lists ([`tables::unfold`]), what was read said, the tables kept as tables and the pillars'
/// descriptions a sheet gave kept in `ladder`. `None` for a sheet in a folder (not `single`)
/// whose table is no ladder: passed over, and said.
fn read_markdown(
    ladder: &mut Ladder,
    mut doc: source::SourceDoc,
    sheet: bool,
    single: bool,
) -> Option<source::SourceDoc> {
    // The rewrites mend Markdown as people write it; a sheet's table is written here.
    for (rewrite, what) in source::REWRITES.iter().filter(|_| !sheet) {
        if let Some((text, line)) = rewrite(&doc.text) {
            // The line read so (after the rewrites before it): the example in `what` is no
            // quote of it.
            let here = source::quoted_line(&doc.text, line);
            doc = source::SourceDoc::new(doc.rel.clone(), text);
            ladder.guess(
                GuessKind::Structure,
                doc.loc_line(line),
                format!("{what}; here {here}"),
            );
        }
    }
    let (doc, read, kept, described) = tables::unfold(doc);
    if sheet && !single && read.is_empty() {
        ladder
            .skipped
            .push(format!("{} (a sheet whose table is no ladder)", doc.rel));
        return None;
    }
    for (name, line, text) in described {
        let at = ladder.docs.len();
        ladder.pillar_texts.push((
            name,
            model::Md {
                text,
                doc: at,
                line,
            },
        ));
    }
    for r in read {
        let at = doc.loc_line(r.line);
        ladder.guess(GuessKind::Structure, at, r.what);
    }
    for (rows, heading) in kept {
        let rows = rows
            .into_iter()
            .map(|(line, cells)| (doc.loc_line(line), cells))
            .collect();
        ladder
            .level_tables
            .push(model::LevelTable { rows, heading });
    }
    Some(doc)
}

/// How many headings of `md` have a list right under them (blank lines between allowed).
fn lists_under_headings(md: &str) -> usize {
    let lines: Vec<&str> = md
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .windows(2)
        .filter(|w| w[0].starts_with('#') && (w[1].starts_with("- ") || w[1].starts_with("* ")))
        .count()
}

/// A file whose `topics` are all blank (see [`yaml::blank_topics`]) is a template: in a folder,
/// said under "not read" (it held no ladder, so `None`); imported alone, an error.
fn blank_template(
    ladder: &mut Ladder,
    rel: &str,
    single: bool,
) -> Result<Option<Outcome>, Diagnostic> {
    if single {
        return Err(import_error(
            rel.to_string(),
            (1, 1),
            "this file's `topics` are blank, with no names and no criteria: a template, not a ladder",
            "fill in the topics (`name`, `title` and each level's `criteria`), or import the frameworks written from it",
        ));
    }
    ladder.docs.pop();
    ladder.skipped.push(format!(
        "{rel} (a template: its `topics` are blank, with no names and no criteria)"
    ));
    Ok(None)
}

/// Refuses a `--track` that is not a valid id before anything is read.
fn check_track(opts: &Options) -> Result<(), Diagnostic> {
    if let Some(t) = &opts.track {
        if !crate::ids::is_valid_id(t) {
            return Err(import_error(
                "--track",
                (1, 1),
                format!(
                    "`{t}` is not a valid id: ids are lowercase letters, digits and single hyphens"
                ),
                format!("use --track {}", crate::ids::suggest_id(t)),
            ));
        }
    }
    Ok(())
}

/// The `--title`, trimmed; refused before anything is read when it is blank (a site needs a
/// title) or holds a control character (a title is one line of a page's `<title>`).
fn check_title(opts: &Options) -> Result<Option<String>, Diagnostic> {
    match opts.title.as_deref().map(str::trim) {
        Some("") => Err(import_error(
            "--title",
            (1, 1),
            "the title is empty",
            "give the ladder's name, quoted if it has spaces: --title \"Acme engineering ladder\"",
        )),
        Some(t) if t.chars().any(char::is_control) => Err(import_error(
            "--title",
            (1, 1),
            "the title has a line break or another control character",
            "give the title on one line: --title \"Acme engineering ladder\"",
        )),
        title => Ok(title.map(String::from)),
    }
}

/// The folder links are relative to, and the files to read (path, name shown): a folder's
/// files, or the one file given.
fn input_files(opts: &Options, is_dir: bool, shown: &str) -> (PathBuf, Vec<(PathBuf, String)>) {
    if is_dir {
        (opts.path.clone(), list_folder(&opts.path, &opts.output))
    } else {
        let name = opts
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.to_string());
        (
            opts.path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            vec![(opts.path.clone(), name)],
        )
    }
}

/// Reads YAML document `index` as a job family or `topics`; `None` (and the document
/// dropped) for other YAML in a folder, which is not a ladder.
fn yaml_outcome(
    ladder: &mut Ladder,
    index: usize,
    rel: &str,
    single: bool,
    families: &mut Vec<(source::Loc, String)>,
    tables: &mut Vec<(source::SourceDoc, yaml::Y)>,
) -> Result<Option<Outcome>, Diagnostic> {
    let doc = ladder.docs[index].clone();
    let y = yaml::load(ladder, &doc, &doc.text, 1)?;
    if yaml::is_job_family(&y) {
        let name = y.get("name").and_then(yaml::Y::text).unwrap_or_default();
        families.push((doc.loc_line(1), format!("`{rel}` ({name})")));
        Ok(Some(yaml::job_family(ladder, index, &y)?))
    } else if yaml::blank_topics(&y) {
        blank_template(ladder, rel, single)
    } else if yaml::is_topics(&y) {
        Ok(Some(yaml::topics(ladder, index, &y, doc.text.len())?))
    } else if yaml::is_roles(&y) {
        Ok(Some(yaml::roles(ladder, index, &y)))
    } else if yaml::is_level_list(&y) {
        Ok(Some(yaml::level_list(ladder, index, &y)))
    } else if yaml::is_skill_list(&y) {
        Ok(Some(yaml::skill_list(ladder, index, &y)))
    } else if yaml::is_level_texts(&y) {
        Ok(Some(yaml::level_texts(ladder, index, &y)))
    } else if yaml::is_one_level(&y) {
        Ok(Some(yaml::one_level(ladder, index, &y)))
    } else if single && yaml::is_described_list(&y) {
        Ok(Some(yaml::level_list(ladder, index, &y)))
    } else if !single {
        // Other YAML in a folder (site settings, CI) is not a ladder: said, not read, unless
        // it is one of the tables that make a ladder together (see `yaml::joined`).
        tables.push((doc.clone(), y));
        ladder.docs.pop();
        let format = format_name(rel);
        ladder
            .skipped
            .push(format!("{rel} ({format} without a ladder)"));
        Ok(None)
    } else {
        let format = format_name(rel);
        Err(import_error(
            rel.to_string(),
            (y.line(), 1),
            format!(
                "this {format} holds no ladder that import knows: it is {}",
                y.shape()
            ),
            format!("import reads {format} with `levels`, `themes` and `competencies` (a job family), with `topics` whose `content` lists criteria per `level` (or whose `levels` are named), or with `skills` and `roles` that give each skill's `details`, or a list of levels, each titled (`title`, `name` or `role`) with its `expectations` by area or a `description`, or a list of skills, each titled and described, with the `levels` it is expected at, or competences each with its text at each level (`levels: {{\"1\": …}}`, or keys `level1`, `level2`, …, two or more in all)"),
        ))
    }
}

/// Reads Markdown document `index`: its front-matter `topics`, or its structure; `None`
/// (and the document dropped) when `--format yaml` finds no YAML ladder in a folder's file.
fn markdown_outcome(
    ladder: &mut Ladder,
    opts: &Options,
    index: usize,
    rel: &str,
    single: bool,
) -> Result<Option<Outcome>, Diagnostic> {
    let doc = ladder.docs[index].clone();
    match yaml::split_front_matter(&doc.text) {
        Some((fm, first_line, body)) => {
            let y = match yaml::load(ladder, &doc, fm, first_line) {
                Ok(y) => y,
                // A template of a site generator (Hugo's `archetypes/default.md`, whose
                // front-matter is `title: "{{ replace .Name "-" " " | title }}"`, no YAML) is
                // about the site, not the ladder.
                Err(_) if !single && fm.contains("{{") && fm.contains("}}") => {
                    ladder.docs.pop();
                    ladder.skipped.push(format!(
                        "{rel} (a site generator's template: its front-matter holds `{{{{ … }}}}`)"
                    ));
                    return Ok(None);
                }
                // With `--format markdown` the page is what is asked for, and its
                // front-matter's data is not: a front-matter that does not parse is passed
                // over, and said.
                Err(e) if opts.format == Format::Markdown => {
                    let at = doc.loc_line(e.line.max(1));
                    let said = format!("the front-matter does not parse ({}): the page is read without it, and --format markdown reads no ladder from it", e.message);
                    ladder.guess(GuessKind::Dropped, at, said);
                    ladder.format("one-document Markdown");
                    return Ok(Some(markdown::parse(ladder, index, body, None)));
                }
                Err(e) => return Err(e),
            };
            // The page's title: `title`, or `name` where a site's own build reads that.
            let (title_key, title) = ["title", "name"]
                .iter()
                .find_map(|&k| y.get(k).and_then(yaml::Y::text).map(|t| (k, t)))
                .map_or(("title", None), |(k, t)| (k, Some(t)));
            if yaml::blank_topics(&y) && opts.format != Format::Markdown {
                return blank_template(ladder, rel, single);
            }
            if yaml::is_topics(&y) && opts.format != Format::Markdown {
                if lists_under_headings(&doc.text[body.min(doc.text.len())..]) >= 2 {
                    let line = doc.text[..body.min(doc.text.len())].lines().count() + 1;
                    ladder.topic_bodies.push(doc.loc_line(line));
                }
                Ok(Some(yaml::topics(ladder, index, &y, body)?))
            } else if opts.format == Format::Yaml {
                if single {
                    return Err(import_error(
                        rel.to_string(),
                        (1, 1),
                        "--format yaml, but this file's front-matter lists no `topics`",
                        "use --format markdown or --format auto",
                    ));
                }
                ladder.docs.pop();
                ladder
                    .skipped
                    .push(format!("{rel} (no YAML ladder, and --format yaml)"));
                Ok(None)
            } else {
                // A page that is one level may give its rank (`level: 3`, Jekyll and Hugo
                // ladders); the track is ordered by it. Or its place among its folder's pages
                // (Hugo's `weight`, Just the Docs' `nav_order`, Docusaurus' `sidebar_position`),
                // which orders the levels where their titles do not.
                let int = |keys: &[&'static str]| {
                    keys.iter().find_map(|k| match y.get(k) {
                        Some(yaml::Y::Int(n, _)) => Some((*k, *n)),
                        _ => None,
                    })
                };
                let rank = int(&["level", "rank"]);
                let weight = int(&["weight", "nav_order", "sidebar_position", "order"]);
                let mut outcome = markdown::parse(ladder, index, body, title);
                let mut used = vec![title_key];
                if let markdown::Outcome::Level { level, .. } = &mut outcome {
                    if let Some((key, n)) = rank {
                        level.rank = Some(n);
                        used.push(key);
                    }
                    if let Some((key, n)) = weight {
                        level.weight = Some(n);
                        used.push(key);
                    }
                    // And the track it is on (`track: management`), for a folder of levels
                    // on several tracks.
                    level.track = y.get("track").and_then(yaml::Y::text);
                    if level.track.is_some() {
                        used.push("track");
                    }
                }
                let keys: Vec<&str> = y.keys().into_iter().filter(|k| !used.contains(k)).collect();
                if !keys.is_empty() {
                    ladder.guess(
                        GuessKind::Dropped,
                        doc.loc_line(first_line),
                        format!("front-matter keys were not imported: {}", keys.join(", ")),
                    );
                }
                ladder.format("one-document Markdown");
                Ok(Some(outcome))
            }
        }
        None => {
            if opts.format == Format::Yaml {
                if single {
                    return Err(import_error(
                        rel.to_string(),
                        (1, 1),
                        "--format yaml, but this Markdown file has no YAML front-matter",
                        "use --format markdown or --format auto",
                    ));
                }
                ladder.docs.pop();
                ladder
                    .skipped
                    .push(format!("{rel} (no YAML, and --format yaml)"));
                return Ok(None);
            }
            let (body, title) = skip_toml_front_matter(&doc.text);
            ladder.format(if kind_of(rel) == Some(FileKind::Sheet) {
                "a sheet (CSV), read as a table"
            } else {
                "one-document Markdown"
            });
            Ok(Some(markdown::parse(ladder, index, body, title)))
        }
    }
}

/// [`Ladder::heading_depths`] of the Markdown files among `files` (path, `rel`) but
/// READMEs, whose headings are about their folder, not a level's pillars; a file that cannot
/// be read as text has none (reading it later says why).
fn heading_depths(files: &[(PathBuf, String)]) -> HashMap<String, Vec<(String, u8)>> {
    let mut by_key: HashMap<String, Vec<(String, u8)>> = HashMap::new();
    for (path, rel) in files {
        if kind_of(rel) != Some(FileKind::Markdown) || source::is_readme_path(rel) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for (depth, key) in source::atx_headings(&text) {
            by_key.entry(key).or_default().push((rel.clone(), depth));
        }
    }
    by_key
}

/// The book's title when the files give none: the imported folder's name, capitalised.
fn folder_title(path: &Path) -> String {
    path.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .map(|n| titles::readable(&n))
        .unwrap_or_else(|| "Ladder".into())
}

/// Paths of every file, for links: each track, level and page's output file, and each
/// cell's pillar id.
fn output_paths<'a>(ladder: &Ladder, root: &'a Path) -> writer::Paths<'a> {
    let mut paths = writer::Paths {
        root,
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
    paths
}
