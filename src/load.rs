//! Loading: walking `content/`, reading each Markdown file's front-matter and body, and
//! sorting files into tracks, levels, pillars, competencies and free pages.
//!
//! Nothing here knows about other files: cross-file rules (unknown level, duplicate cell)
//! belong to [`crate::ladder`]. Every problem is collected as a diagnostic.

use crate::diagnostic::{display_path, Diagnostic, Diagnostics, SourceFile};
use crate::frontmatter;
use crate::frontmatter::keys::{CompetencyKeys, Keys, LevelKeys, PageKeys, PillarKeys, TrackKeys};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

mod cache;
pub use cache::ContentCache;

/// The folder under the ladder root that holds the Markdown.
pub const CONTENT_DIR: &str = "content";

/// What a content file describes, by its folder, with its front-matter.
#[derive(Debug, Clone)]
pub enum Kind {
    /// `content/tracks/<id>.md`.
    Track(TrackKeys),
    /// `content/levels/<id>.md`.
    Level(LevelKeys),
    /// `content/pillars/<id>.md`.
    Pillar(PillarKeys),
    /// Any file whose front-matter has `level` and `pillar` (and every file under
    /// `content/competencies/`).
    Competency(CompetencyKeys),
    /// Any other file: a free page.
    Page(PageKeys),
}

/// One Markdown file of the ladder, read and parsed.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file's text and display path.
    pub source: SourceFile,
    /// Path under `content/` with `/` separators (`levels/senior.md`).
    pub content_path: String,
    /// The file stem, which is the id of tracks, levels and pillars.
    pub id: String,
    /// What the file is.
    pub kind: Kind,
    /// Byte offset of the Markdown body in `source.text`.
    pub body_offset: usize,
    /// A competency's body, parsed with [`crate::markdown::parse_competency`] when the file
    /// is read (on all cores, and kept with the document by `serve` so an unchanged file is
    /// not parsed again). `None` for other kinds, whose parsing depends on other files.
    pub parsed: Option<std::sync::Arc<crate::markdown::Body>>,
}

impl Document {
    /// The Markdown body, after the front-matter.
    pub fn body(&self) -> &str {
        &self.source.text[self.body_offset..]
    }
}

/// A file under `content/` that is not Markdown, copied to the site as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Absolute path on disk.
    pub source: PathBuf,
    /// Path under `content/` with `/` separators, which is also its path in the site.
    pub content_path: String,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Markdown files that parsed, in path order.
    pub documents: Vec<Document>,
    /// Other files.
    pub assets: Vec<Asset>,
    /// Content paths of Markdown files that could not be read or parsed, and of folders that
    /// could not be read (ending in `/`): links to them, and the levels, pillars and tracks
    /// they hold, are not reported again as broken or unknown.
    pub failed: HashSet<String>,
    /// What the ladder has published (`ladder.lock`): `Some(Some(lock))` when it has a
    /// lockfile, `Some(None)` when it has none or it could not be read (its diagnostics are
    /// given), `None` when it has not been read. [`with_lock`] reads it; [`load`] leaves it
    /// `None`, and [`crate::validate::validate_with`] reads it then. [`ContentCache::loaded`]
    /// gives the lockfile it keeps, so `serve` parses a large one only when it changes.
    pub published: Option<Option<std::sync::Arc<crate::lock::Lock>>>,
}

/// Editors' and tools' backup, swap and temporary files, which are never content (nor
/// published beside it, where a draft would leak): hidden files (Vim's `.x.swp`, Emacs' `.#x`
/// locks), Emacs' `#x#` and `x~`, `.tmp` files, nano's `.save`, `.bak` files, git's and
/// patch's `.orig` and `.rej` left by a merge, JetBrains' `x___jb_tmp___` and
/// `x___jb_old___`, and Vim's `4913` write test.
pub fn is_editor_temp(name: &str) -> bool {
    // Backups' suffixes in any capitals (`.BAK`, `.Orig`).
    let lower = name.to_ascii_lowercase();
    let name = lower.as_str();
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".save")
        || name.ends_with(".bak")
        || name.ends_with(".orig")
        || name.ends_with(".rej")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name == "4913"
}

/// [`load`], and `root/ladder.lock` read at the same time (on another core: on a large
/// ladder it is a 6 MB file, read while the content files are): what a command that reads
/// the ladder from disk starts with. The lockfile's diagnostics follow the content's.
pub fn with_lock(root: &Path, diags: &mut Diagnostics) -> Loaded {
    let mut lock_diags = Diagnostics::default();
    let (mut loaded, published) = rayon::join(
        || load(root, diags),
        || crate::lock::read(root, &mut lock_diags),
    );
    diags.0.extend(lock_diags.0);
    loaded.published = Some(published.map(std::sync::Arc::new));
    loaded
}

/// Whether the content path `path` (`levels/director.md`) is in a folder that could not be
/// read, as `failed` ([`Loaded::failed`]) lists those: by their content paths ending in `/`.
pub fn in_unread_folder(failed: &HashSet<String>, path: &str) -> bool {
    failed
        .iter()
        .any(|f| f.ends_with('/') && path.starts_with(f.as_str()))
}

/// Walks `root/content` (never following symlinks) and reads every file.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Loaded {
    let walk = walk(root);
    let mut loaded = Loaded {
        assets: walk.assets,
        ..Loaded::default()
    };
    for d in walk.errors {
        diags.push(d);
    }
    loaded.failed.extend(walk.unread_folders);
    for (content_path, (doc, errors)) in read_all(walk.markdown) {
        match doc {
            Some(doc) => loaded.documents.push(doc),
            None => failed(&mut loaded.failed, content_path, &errors),
        }
        for d in errors {
            diags.push(d);
        }
    }
    loaded
}

/// What a walk of `content/` found, in walk order (depth first, each folder's entries sorted
/// by file name), before any file is read.
#[derive(Debug, Default)]
struct Walk {
    /// Markdown files: path on disk, content path.
    markdown: Vec<(PathBuf, String)>,
    /// Every other file.
    assets: Vec<Asset>,
    /// Folders entered, relative to `content/` (`""` is `content/` itself).
    dirs: HashSet<PathBuf>,
    /// Folders and files that could not be read, and a missing `content/`.
    errors: Vec<Diagnostic>,
    /// The content paths of the folders that could not be read, each ending in `/`.
    unread_folders: Vec<String>,
}

/// Walks `root/content`, never following symlinks and skipping editors' temporary files and
/// folders ([`is_editor_temp`]); reads nothing.
fn walk(root: &Path) -> Walk {
    let content = root.join(CONTENT_DIR);
    let mut walk = Walk::default();
    if !content.is_dir() {
        walk.errors.push(Diagnostic::error(
            "io",
            CONTENT_DIR,
            (1, 1),
            "the ladder has no content/ folder",
            "create content/ next to book.toml, with tracks/, levels/, pillars/ and competencies/ inside (`ladderbook init` writes an example)",
        ));
        return walk;
    }
    let walker = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_editor_temp(&e.file_name().to_string_lossy()));
    // The names of the folders the walk is in, below `content/`, outermost first: a file's
    // content path is made of them and its name, not of its whole path on disk.
    let mut folders: Vec<String> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| CONTENT_DIR.to_string(), |p| display_path(root, p));
                // A folder: none of its files is read, and none is reported missing again.
                let folder = e.path().filter(|p| p.is_dir());
                if let Some(rel) = folder.and_then(|p| p.strip_prefix(&content).ok()) {
                    let rel = display_path(Path::new(""), rel);
                    walk.unread_folders
                        .push(format!("{}/", rel.trim_end_matches('/')));
                }
                let why = e.io_error().map_or_else(
                    || e.to_string(),
                    |io| match io.kind() {
                        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                        _ => io.to_string(),
                    },
                );
                // A folder has no line to point at.
                walk.errors.push(match folder {
                    Some(_) => Diagnostic::about(
                        "io",
                        format!("{path}/"),
                        format!("cannot read the folder: {why}"),
                        format!("let your user read it and open it (`chmod u+rx {path}`)"),
                    ),
                    None => Diagnostic::error(
                        "io",
                        path.clone(),
                        (1, 1),
                        format!("cannot read the file: {why}"),
                        format!("let your user read it (`chmod u+r {path}`)"),
                    ),
                });
                continue;
            }
        };
        // Entries below `content/` are at depth 1 and more; a folder's entries come right
        // after it.
        let above = entry.depth().saturating_sub(1);
        if entry.file_type().is_dir() {
            if let Ok(rel) = entry.path().strip_prefix(&content) {
                walk.dirs.insert(rel.to_path_buf());
            }
            if entry.depth() > 0 {
                folders.truncate(above);
                folders.push(entry.file_name().to_string_lossy().into_owned());
            }
            continue;
        }
        // A FIFO, socket or device named as a content file is read, and so reported (reading
        // refuses it without waiting on it); a symbolic link is not followed.
        let special = !entry.file_type().is_file() && !entry.file_type().is_symlink();
        let markdown = entry.path().extension().is_some_and(|e| e == "md");
        // A link where a page is looked for (a level moved to a shared folder and linked
        // back) is said: the page is missing, and what names it would say so without
        // saying why.
        if entry.file_type().is_symlink() && markdown {
            let shown = display_path(root, entry.path());
            // The commands in the hints run from where `ladderbook` ran: the path as given.
            let given = entry.path().display();
            // `metadata` follows the link: it fails when the target is missing or the links
            // loop, and then copying the target in is no fix.
            let (what, hint) = match std::fs::metadata(entry.path()) {
                Ok(_) => (
                    "a symbolic link, which ladderbook does not follow: no page is made of it"
                        .to_string(),
                    format!("put the file it points to in its place (`cp --remove-destination \"$(readlink -f {given})\" {given}`)"),
                ),
                Err(_) => {
                    let to = std::fs::read_link(entry.path())
                        .map(|t| t.display().to_string())
                        .unwrap_or_default();
                    (
                        format!("a symbolic link to `{to}`, which does not exist or leads back to itself: no page is made of it"),
                        format!("remove the link (`rm {given}`), or put the page's own file in its place"),
                    )
                }
            };
            walk.errors
                .push(Diagnostic::warning("symlink", shown, (0, 0), what, hint));
            continue;
        }
        let read = entry.file_type().is_file() || special && markdown;
        if !read {
            continue;
        }
        let path = entry.path();
        // As `display_path(&content, path)` gives it, for less.
        let content_path = match folders.get(..above) {
            Some(folders) => {
                let mut p = String::new();
                for folder in folders {
                    p.push_str(folder);
                    p.push('/');
                }
                p.push_str(&entry.file_name().to_string_lossy());
                p
            }
            None => display_path(&content, path),
        };
        // Jekyll puts `index.md`'s text on the home page (as Zola and Hugo put `_index.md`'s,
        // whose name is already an error here); here it is a free page of its own, which an
        // author would look for on the overview.
        if content_path == "index.md" {
            let stem = content_path.trim_end_matches(".md");
            walk.errors.push(Diagnostic::warning(
                "index-page",
                display_path(root, path),
                (0, 0),
                format!("a free page at /{stem}/ of its own, listed among the guides: the overview does not show it"),
                "the overview's text is `description` in book.toml (or a `templates/index.html` of your own); to keep this page, give it a name that says what it is (`about.md`)",
            ));
        }
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            walk.assets.push(Asset {
                source: path.to_path_buf(),
                content_path,
            });
            continue;
        }
        walk.markdown.push((entry.into_path(), content_path));
    }
    walk
}

/// What [`read_document`] returns: the document, if it could be read, and every problem
/// found in it.
type ReadResult = (Option<Document>, Vec<Diagnostic>);

/// Reads and parses Markdown files (path on disk, content path) on all cores, keeping their
/// order: content path → [`read_document`]'s result.
fn read_all(files: Vec<(PathBuf, String)>) -> Vec<(String, ReadResult)> {
    use rayon::prelude::*;
    // Reading and parsing each file is independent of the others: done on all cores, then
    // kept in walk order so documents and diagnostics come out the same on every run.
    files
        .into_par_iter()
        .map(|(path, content_path)| {
            let read = read_document(&path, content_path.clone());
            (content_path, read)
        })
        .collect()
}

/// Reads and parses one Markdown file, whose path under `content/` is `content_path` (with
/// `/` separators, as [`display_path`] gives it from `content/`).
///
/// Returns the document when its kind and required keys could be read, and every problem
/// found: unreadable or non-UTF-8 files, front-matter problems, an id that breaks the id rule,
/// unknown keys and wrong types. A document returned with errors still takes part in
/// cross-file checks, so one run reports everything.
pub fn read_document(path: &Path, content_path: String) -> (Option<Document>, Vec<Diagnostic>) {
    match read_inner(path, content_path) {
        Ok((doc, errors)) => (Some(doc), errors),
        Err(errors) => (None, errors),
    }
}

/// The first unresolved merge conflict in `source`, as `git merge` leaves one: a line
/// `<<<<<<< …`, later a line `=======`, later a line `>>>>>>> …`; or, where no whole one is,
/// one of its markers left in by a conflict resolved in part (`<<<<<<< HEAD`, or `|||||||` or
/// `>>>>>>>` followed by the name git writes there). Markers in code, fenced or indented, are
/// a page about git showing one, found by pulldown-cmark as it reads the page. As text, the
/// conflict would be published: an expectation ending in `<<<<<<< HEAD`, both sides'
/// versions, and quote marks.
fn merge_conflict(source: &SourceFile) -> Option<Diagnostic> {
    use crate::files::ConflictMarker;
    // (byte offset of the line, its 1-based number, the marker, whether it is one alone; see
    // `files::lone_conflict_marker`)
    let mut markers: Vec<(usize, usize, ConflictMarker, bool)> = Vec::new();
    let mut offset = 0;
    for (n, line) in source.text.split('\n').enumerate() {
        let l = line.trim_end_matches('\r');
        if let Some(m) = crate::files::conflict_marker(l) {
            markers.push((
                offset,
                n + 1,
                m,
                crate::files::lone_conflict_marker(l).is_some(),
            ));
        }
        offset += line.len() + 1;
    }
    if markers.is_empty() {
        return None;
    }
    let code: Vec<std::ops::Range<usize>> =
        pulldown_cmark::Parser::new_ext(&source.text, crate::markdown::options())
            .into_offset_iter()
            .filter_map(|(e, r)| {
                matches!(
                    e,
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::CodeBlock(_))
                )
                .then_some(r)
            })
            .collect();
    markers.retain(|(at, ..)| !code.iter().any(|r| r.contains(at)));
    let (mut start, mut middle) = (None, false);
    for &(at, n, m, _) in &markers {
        match m {
            ConflictMarker::Ours => (start, middle) = (Some((at, n)), false),
            ConflictMarker::Middle => middle |= start.is_some(),
            ConflictMarker::Theirs => {
                if let (Some((at, first)), true) = (start, middle) {
                    return Some(source.error(
                        "merge-conflict",
                        at,
                        format!("an unresolved merge conflict (lines {first}–{n}): the file holds both versions and git's markers"),
                        "keep the version you want between the markers, then delete the other and the `<<<<<<<`, `=======` and `>>>>>>>` lines (and a `|||||||` line with the common ancestor's lines after it)",
                    ));
                }
            }
            ConflictMarker::Base => {}
        }
    }
    let (at, _, m, _) = markers.into_iter().find(|&(.., lone)| lone)?;
    let marker = m.as_str();
    Some(source.error(
        "merge-conflict",
        at,
        format!("git's `{marker}` line is left in: a merge conflict resolved only in part"),
        "make the text around it read as you want it published, then delete git's `<<<<<<<`, `|||||||`, `=======` and `>>>>>>>` lines that are left",
    ))
}

/// A competency (it names a `level` and a `pillar`) in `tracks/`, `levels/` or `pillars/`, or
/// a level (a `rank` and a `track`) in `tracks/` or `pillars/`: a file moved into the wrong
/// folder, one error saying where it goes, where the keys that folder's kind lacks would be
/// one error each, with hints that would make a level of a competency.
fn misplaced(
    source: &SourceFile,
    t: &toml::de::DeTable<'_>,
    folder: &str,
    top_level: bool,
    is_competency: bool,
) -> Option<Diagnostic> {
    let kind = match folder {
        "tracks" => "track",
        "levels" => "level",
        "pillars" => "pillar",
        "competencies" => return None,
        _ => return misplaced_as_page(source, t, folder, top_level, is_competency),
    };
    let text = |k: &str| {
        t.get(k)
            .and_then(|v| v.get_ref().as_str())
            .unwrap_or("…")
            .to_string()
    };
    let (what, to) = if is_competency {
        (
            "a competency (it names a `level` and a `pillar`)",
            format!(
                "content/competencies/{}/{}.md",
                text("level"),
                text("pillar")
            ),
        )
    } else if kind != "level" && t.get("rank").is_some() && t.get("track").is_some() {
        let name = source.path.rsplit('/').next().unwrap_or("").to_string();
        (
            "a level (it has a `rank` and a `track`)",
            format!("content/levels/{name}"),
        )
    } else {
        return None;
    };
    (!top_level).then(|| {
        source.error(
            "misplaced",
            0,
            format!("this file is {what}, but it lies in content/{folder}/, where each file is a {kind}"),
            format!("move it to {to}"),
        )
    })
}

/// Records the file at `content_path`, which could not be read for `errors`, in `failed`
/// (see [`Loaded::failed`]). A level or pillar outside its folder (see `misplaced_as_page`)
/// is missing from there for its error too: what names it is not reported again.
pub(crate) fn failed(failed: &mut HashSet<String>, content_path: String, errors: &[Diagnostic]) {
    // A competency in the wrong folder is missing from its cell for its error too (the
    // place its hint gives, `move it to content/competencies/<level>/<pillar>.md`): links to
    // its expectations, and its cell's gap, are not reported again.
    let moved_to = errors
        .iter()
        .filter(|d| d.code == "misplaced")
        .filter_map(|d| d.hint.strip_prefix("move it to content/competencies/"));
    for to in moved_to {
        failed.insert(format!("competencies/{to}"));
    }
    if errors.iter().any(|d| d.code == "misplaced") {
        let name = content_path.rsplit('/').next().unwrap_or_default();
        for folder in ["levels", "pillars"] {
            failed.insert(format!("{folder}/{name}"));
        }
    }
    failed.insert(content_path);
}

/// A level (it has a `rank`) or a pillar (an `order`) outside `levels/` and `pillars/`, where
/// each file is a free page (`content/levels-old/senior.md`, a folder renamed by mistake, or
/// `content/senior.md`): one error saying where it goes, where each key a page lacks would be
/// one error, and the competencies of the levels it holds would each name a missing level.
fn misplaced_as_page(
    source: &SourceFile,
    t: &toml::de::DeTable<'_>,
    folder: &str,
    top_level: bool,
    is_competency: bool,
) -> Option<Diagnostic> {
    let (what, kinds) = if is_competency {
        return None;
    } else if t.get("rank").is_some() {
        ("a level (it has a `rank`)", "levels")
    } else if t.get("order").is_some() {
        ("a pillar (it has an `order`)", "pillars")
    } else {
        return None;
    };
    let name = source.path.rsplit('/').next().unwrap_or("");
    let place = if top_level {
        "directly in content/".to_string()
    } else {
        format!("in content/{folder}/")
    };
    Some(source.error(
        "misplaced",
        0,
        format!("this file is {what}, but it lies {place}, where each file is a free page: a file's folder decides what it is"),
        format!("move it to content/{kinds}/{name}{}", if top_level { String::new() } else { format!(" (or rename content/{folder}/ back to content/{kinds}/, if that is what happened)") }),
    ))
}

fn read_inner(
    path: &Path,
    content_path: String,
) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    // The path shown in diagnostics, as `display_path(root, path)` gives it, for less.
    let shown = format!("{CONTENT_DIR}/{content_path}");
    let bytes = crate::files::read(path).map_err(|e| {
        vec![Diagnostic::error(
            "io",
            shown.clone(),
            (1, 1),
            format!("cannot read the file: {e}"),
            if e.kind() == std::io::ErrorKind::InvalidInput {
                "replace it with a regular file (a Markdown text file)".to_string()
            } else {
                format!("let your user read it (`chmod u+r {shown}`)")
            },
        )]
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            if let Some(kind) = crate::files::binary_kind(e.as_bytes()) {
                return Err(vec![Diagnostic::error(
                    "not-utf8",
                    shown,
                    (1, 1),
                    format!("the file is not text: it looks like {kind}, saved with a Markdown name"),
                    "a content file ending in .md is Markdown text: copy the text into it, or give the file its own extension (.docx, .pdf) to publish it as it is",
                )]);
            }
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
            let f = SourceFile::new(shown, prefix);
            return Err(vec![f.error(
                "not-utf8",
                good,
                crate::files::not_utf8(e.as_bytes(), good),
                "save the file as UTF-8 (most editors have an \"encoding\" choice in Save As)",
            )]);
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let source = SourceFile::new(shown, text);
    let stem = content_path
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md")
        .to_string();
    let folder = content_path.split('/').next().unwrap_or("");
    let top_level = !content_path.contains('/');

    let mut errors = Vec::new();
    if let Some(conflict) = merge_conflict(&source) {
        return Err(vec![conflict]);
    }
    if !crate::ids::is_valid_id(&stem) {
        // A file manager's copy (`senior copy.md`, `senior - Copy.md`, `senior (1).md`)
        // beside the file it copies: said once, and the copy is left out, so that its rank
        // and equivalents, the original's, are not reported again under a name of its own.
        if let Some(original) =
            copy_of(&stem).filter(|o| path.with_file_name(format!("{o}.md")).exists())
        {
            let shown_original = format!(
                "{}{original}.md",
                content_path
                    .strip_suffix(&format!("{stem}.md"))
                    .unwrap_or("")
            );
            return Err(vec![source.error(
                "bad-id",
                0,
                format!("`{stem}` is not a valid id: it is the name a file manager gives a copy of content/{shown_original}"),
                format!("delete the copy, or give it a name of its own (`{}.md`, ids are lowercase letters, digits and single hyphens) and its own title and rank", crate::ids::suggest_id(&stem)),
            )]);
        }
        let id = crate::ids::suggest_id(&stem);
        // A copy of a file under another spelling (`Senior Engineer.md` beside
        // `senior-engineer.md`): renaming it as the id asks would replace the original.
        let hint = if path.with_file_name(format!("{id}.md")).exists() {
            format!("`{id}.md` already exists beside it: merge what this file adds into that one and delete this one, or give it a name of its own")
        } else if top_level && id == "index" {
            // Hugo's and Zola's home page text: here the overview's text is book.toml's.
            "the overview's text is `description` in book.toml; to keep this as a page of its own, give it a name that says what it is (`about.md`)".to_string()
        } else {
            format!("rename the file to `{id}.md`")
        };
        errors.push(source.error(
            "bad-id",
            0,
            format!("`{stem}` is not a valid id: ids are lowercase letters, digits and single hyphens, and a file's id is its name"),
            hint,
        ));
    }
    let split = match frontmatter::split(&source) {
        Ok(s) => s,
        Err(d) => {
            errors.push(d);
            return Err(errors);
        }
    };
    let (toml_offset, body_offset) = (split.toml_offset, split.body_offset);
    let table = match frontmatter::parse_table(&source, split.toml, toml_offset) {
        Ok(t) => t,
        Err(mut e) => {
            errors.append(&mut e);
            return Err(errors);
        }
    };
    let t = table.get_ref();
    let is_competency = t.get("level").is_some() && t.get("pillar").is_some();
    if let Some(d) = misplaced(&source, t, folder, top_level, is_competency) {
        errors.push(d);
        return Err(errors);
    }
    let kind = match (folder, top_level) {
        ("tracks", false) => read(&source, toml_offset, t, &mut errors).map(Kind::Track),
        ("levels", false) => read(&source, toml_offset, t, &mut errors).map(Kind::Level),
        ("pillars", false) => read(&source, toml_offset, t, &mut errors).map(Kind::Pillar),
        _ if is_competency || folder == "competencies" => {
            read(&source, toml_offset, t, &mut errors).map(Kind::Competency)
        }
        _ => read(&source, toml_offset, t, &mut errors).map(Kind::Page),
    };
    let Some(kind) = kind else {
        return Err(errors);
    };
    let parsed = match &kind {
        Kind::Competency(keys) => Some(std::sync::Arc::new(crate::markdown::parse_competency(
            &source.text[body_offset..],
            body_offset,
            (&keys.level.value, &keys.pillar.value),
        ))),
        _ => None,
    };
    // A file whose name is no id (`Staff Engineer.md`) has the `bad-id` error, whose hint is
    // the name to give it; until then it goes by that id, so that what already names it so
    // (its competencies, links, equivalents) is not reported as well.
    let id = match crate::ids::suggest_id(&stem) {
        valid if !crate::ids::is_valid_id(&stem) && crate::ids::is_valid_id(&valid) => valid,
        _ => stem,
    };
    Ok((
        Document {
            source,
            content_path,
            id,
            kind,
            body_offset,
            parsed,
        },
        errors,
    ))
}

/// The name of the file that `stem` names a copy of, as file managers name copies
/// (`senior copy`, `senior - Copy`, `senior copy 2`, `senior (1)`, `senior (conflicted copy
/// 2026-12-07)`); `None` for any other name.
fn copy_of(stem: &str) -> Option<&str> {
    let s = stem.trim_end();
    if let Some(open) = s.rfind(" (").filter(|_| s.ends_with(')')) {
        let inside = &s[open + 2..s.len() - 1];
        if inside.parse::<u32>().is_ok() || inside.to_lowercase().contains("copy") {
            return Some(&s[..open]);
        }
    }
    let without_number = s.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    let lower = without_number.to_lowercase();
    [" - copy", " copy"]
        .iter()
        .find(|suffix| lower.ends_with(**suffix))
        .map(|suffix| &without_number[..without_number.len() - suffix.len()])
        .filter(|o| !o.is_empty())
}

/// Reads one kind of front-matter from `table`, adding its problems to `errors`.
fn read<K: Keys>(
    source: &SourceFile,
    toml_offset: usize,
    table: &toml::de::DeTable<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<K> {
    let (keys, mut diags) = crate::frontmatter::keys::read::<K>(source, toml_offset, table, 0);
    errors.append(&mut diags);
    keys
}
