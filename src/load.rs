//! Loading: walking `content/`, reading each Markdown file's front-matter and body, and
//! sorting files into tracks, levels, pillars, competencies and free pages.
//!
//! Nothing here knows about other files: cross-file rules (unknown level, duplicate cell)
//! belong to [`crate::ladder`]. Every problem is collected as a diagnostic.

use crate::diagnostic::{display_path, Diagnostic, Diagnostics, SourceFile};
use crate::frontmatter;
use crate::frontmatter::keys::{CompetencyKeys, Keys, LevelKeys, PageKeys, PillarKeys, TrackKeys};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

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
    /// Content paths of Markdown files that could not be read or parsed: links to them are
    /// not reported again as broken.
    pub failed: HashSet<String>,
    /// What the ladder has published (`ladder.lock`), when it has a lockfile. Left `None`
    /// by [`load`]; [`crate::build::validate_with`] reads it then. [`ContentCache::loaded`]
    /// gives the lockfile it keeps, so `serve` parses a large one only when it changes.
    pub published: Option<std::sync::Arc<crate::lock::Lock>>,
}

/// Editors' backup, swap and temporary files, which are never content: hidden files (Vim's
/// `.x.swp`, Emacs' `.#x` locks), Emacs' `#x#` and `x~`, `.tmp` files, JetBrains'
/// `x___jb_tmp___` and `x___jb_old___`, and Vim's `4913` write test.
pub fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name == "4913"
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
    for (content_path, (doc, errors)) in read_all(root, walk.markdown) {
        match doc {
            Some(doc) => loaded.documents.push(doc),
            None => {
                loaded.failed.insert(content_path);
            }
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
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| CONTENT_DIR.to_string(), |p| display_path(root, p));
                walk.errors.push(Diagnostic::error(
                    "io",
                    path,
                    (1, 1),
                    format!("cannot read: {e}"),
                    "check the file's permissions",
                ));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            if let Ok(rel) = entry.path().strip_prefix(&content) {
                walk.dirs.insert(rel.to_path_buf());
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let content_path = display_path(&content, path);
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
fn read_all(root: &Path, files: Vec<(PathBuf, String)>) -> Vec<(String, ReadResult)> {
    use rayon::prelude::*;
    // Reading and parsing each file is independent of the others: done on all cores, then
    // kept in walk order so documents and diagnostics come out the same on every run.
    files
        .into_par_iter()
        .map(|(path, content_path)| {
            let read = read_document(root, &path, content_path.clone());
            (content_path, read)
        })
        .collect()
}

/// One file under `content/` as a [`ContentCache`] last saw it.
#[derive(Debug, Clone)]
enum Cached {
    /// A Markdown file: its document, if it could be read, and every problem found in it.
    Markdown(Option<Box<Document>>, Vec<Diagnostic>),
    /// Any other file, copied as it is.
    Asset(Asset),
}

/// Every file under `content/`, read once and kept, for `serve`: after a change only the
/// files it names are read again, and [`ContentCache::loaded`] gives exactly what [`load`]
/// would give, diagnostics of unchanged files included.
#[derive(Debug)]
pub struct ContentCache {
    /// The ladder root, as given (diagnostics show paths relative to it).
    root: PathBuf,
    /// Path relative to `content/` → the file. `Path`'s order compares component by
    /// component, which is the walk's order (each folder's entries sorted by file name).
    files: BTreeMap<PathBuf, Cached>,
    /// Folders the last walk entered, relative to `content/`.
    dirs: HashSet<PathBuf>,
    /// The last walk's errors.
    walk_errors: Vec<Diagnostic>,
    /// False until the first [`ContentCache::refresh`].
    walked: bool,
    /// `ladder.lock` as last read.
    lock: CachedLock,
}

/// `ladder.lock` as a [`ContentCache`] last saw it.
#[derive(Debug, Default)]
enum CachedLock {
    /// Not looked at yet, or it could not be read or parsed (then every rebuild reads it
    /// again, for its diagnostics).
    #[default]
    Unknown,
    /// There is no `ladder.lock`.
    Absent,
    /// Read without a problem, while the file's size, modification time and inode are these.
    Read(LockStamp, std::sync::Arc<crate::lock::Lock>),
}

/// What tells a file apart from the version of it read before: (size, modification time, inode).
type LockStamp = (u64, Option<std::time::SystemTime>, u64);

fn lock_stamp(m: &std::fs::Metadata) -> LockStamp {
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(m);
    #[cfg(not(unix))]
    let inode = 0;
    (m.len(), m.modified().ok(), inode)
}

impl ContentCache {
    /// An empty cache of the ladder in `root`; the first [`ContentCache::refresh`] reads
    /// everything.
    pub fn new(root: &Path) -> ContentCache {
        ContentCache {
            root: root.to_path_buf(),
            files: BTreeMap::new(),
            dirs: HashSet::new(),
            walk_errors: Vec::new(),
            walked: false,
            lock: CachedLock::Unknown,
        }
    }

    /// Brings the cached `ladder.lock` up to date: read again only when its size,
    /// modification time or inode changed.
    fn refresh_lock(&mut self) {
        let path = self.root.join(crate::lock::FILE_NAME);
        self.lock = match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => CachedLock::Absent,
            Ok(m) if m.is_file() => {
                let stamp = lock_stamp(&m);
                match std::mem::take(&mut self.lock) {
                    CachedLock::Read(old, lock) if old == stamp => CachedLock::Read(old, lock),
                    _ => {
                        let mut diags = Diagnostics::default();
                        match crate::lock::read(&self.root, &mut diags) {
                            Some(lock) if diags.0.is_empty() => {
                                CachedLock::Read(stamp, std::sync::Arc::new(lock))
                            }
                            _ => CachedLock::Unknown,
                        }
                    }
                }
            }
            _ => CachedLock::Unknown,
        };
    }

    /// `ladder.lock` as last refreshed: `Some(None)` when there is none, `None` when it is
    /// not known (it could not be read or parsed).
    pub fn published(&self) -> Option<Option<&crate::lock::Lock>> {
        match &self.lock {
            CachedLock::Unknown => None,
            CachedLock::Absent => Some(None),
            CachedLock::Read(_, lock) => Some(Some(lock)),
        }
    }

    /// The Markdown file at `rel` (relative to `content/`) as last refreshed, if it was read
    /// and parsed without a single diagnostic.
    pub fn clean_document(&self, rel: &Path) -> Option<&Document> {
        match self.files.get(rel)? {
            Cached::Markdown(Some(doc), errors) if errors.is_empty() => Some(doc),
            _ => None,
        }
    }

    /// Brings the cache up to date with the disk.
    ///
    /// `changed` lists the paths that changed, relative to `content/` (`""` is `content/`
    /// itself), as a file watcher reports them: files and folders that were created,
    /// written, removed or renamed (both names of a rename). `None` means "unknown", and
    /// re-reads everything. A regular file in a known folder is read again (or dropped, once
    /// gone); anything else named (a folder, a symlink, a path in a folder the last walk did
    /// not enter) makes the cache walk `content/` again and read every file under that
    /// path. Paths through an editor's temporary file or folder are never content and are
    /// ignored. Never fails: unreadable files become diagnostics, as in [`load`].
    pub fn refresh(&mut self, changed: Option<&[PathBuf]>) {
        self.refresh_lock();
        let content = self.root.join(CONTENT_DIR);
        let changed = match changed {
            Some(c) if self.walked => c,
            _ => {
                self.files.clear();
                return self.rewalk(&HashSet::new());
            }
        };
        let mut stale = HashSet::new();
        let mut rewalk = false;
        // Events often name a path more than once; what counts is the disk as it is now.
        let changed: std::collections::BTreeSet<&PathBuf> = changed.iter().collect();
        for rel in changed {
            let plain = rel
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            if plain && rel.iter().any(|c| is_editor_temp(&c.to_string_lossy())) {
                continue;
            }
            let in_known_dir = rel.parent().is_some_and(|p| self.dirs.contains(p));
            let full = content.join(rel);
            match std::fs::symlink_metadata(&full) {
                Ok(m) if plain && in_known_dir && m.is_file() && !self.dirs.contains(rel) => {
                    stale.insert(rel.clone());
                }
                Err(e)
                    if plain
                        && e.kind() == std::io::ErrorKind::NotFound
                        && !self.dirs.contains(rel) =>
                {
                    // Gone, and not a folder the cache holds files of (a file is only ever
                    // cached inside a folder the last walk entered).
                    self.files.remove(rel);
                }
                _ => {
                    // A folder, a symlink, a file in a folder the last walk did not enter:
                    // walk again, and forget everything under it.
                    if plain {
                        self.files.retain(|p, _| !p.starts_with(rel));
                    } else {
                        self.files.clear();
                    }
                    rewalk = true;
                }
            }
        }
        if rewalk {
            return self.rewalk(&stale);
        }
        let mut markdown = Vec::new();
        for rel in stale {
            let full = content.join(&rel);
            let content_path = display_path(&content, &full);
            if rel.extension().and_then(|e| e.to_str()) == Some("md") {
                markdown.push((full, content_path));
            } else {
                let asset = Asset {
                    source: full,
                    content_path,
                };
                self.files.insert(rel, Cached::Asset(asset));
            }
        }
        self.read(markdown);
    }

    /// Walks `content/` again: files no longer there are dropped; Markdown files not cached,
    /// or in `stale`, are read.
    fn rewalk(&mut self, stale: &HashSet<PathBuf>) {
        let content = self.root.join(CONTENT_DIR);
        let walk = walk(&self.root);
        let mut old = std::mem::take(&mut self.files);
        let mut unread = Vec::new();
        for a in walk.assets {
            if let Ok(rel) = a.source.strip_prefix(&content) {
                self.files.insert(rel.to_path_buf(), Cached::Asset(a));
            }
        }
        for (full, content_path) in walk.markdown {
            let Ok(rel) = full.strip_prefix(&content).map(Path::to_path_buf) else {
                continue;
            };
            match old.remove(&rel) {
                Some(c @ Cached::Markdown(..)) if !stale.contains(&rel) => {
                    self.files.insert(rel, c);
                }
                _ => unread.push((full, content_path)),
            }
        }
        self.dirs = walk.dirs;
        self.walk_errors = walk.errors;
        self.walked = true;
        self.read(unread);
    }

    /// Reads Markdown files (path on disk, content path) into the cache.
    fn read(&mut self, markdown: Vec<(PathBuf, String)>) {
        let content = self.root.join(CONTENT_DIR);
        let paths: Vec<PathBuf> = markdown.iter().map(|(p, _)| p.clone()).collect();
        for (full, (_, (doc, errors))) in paths.into_iter().zip(read_all(&self.root, markdown)) {
            if let Ok(rel) = full.strip_prefix(&content) {
                self.files.insert(
                    rel.to_path_buf(),
                    Cached::Markdown(doc.map(Box::new), errors),
                );
            }
        }
    }

    /// What [`load`] would return for the files as last refreshed, with the same
    /// diagnostics, in the same order, added to `diags`. Copies every document: the ladder
    /// takes them by value.
    pub fn loaded(&self, diags: &mut Diagnostics) -> Loaded {
        let mut loaded = Loaded::default();
        if let CachedLock::Read(_, lock) = &self.lock {
            loaded.published = Some(lock.clone());
        }
        for d in &self.walk_errors {
            diags.push(d.clone());
        }
        for (rel, c) in &self.files {
            match c {
                Cached::Asset(a) => loaded.assets.push(a.clone()),
                Cached::Markdown(doc, errors) => {
                    match doc {
                        Some(doc) => loaded.documents.push(Document::clone(doc)),
                        None => {
                            let full = self.root.join(CONTENT_DIR).join(rel);
                            loaded
                                .failed
                                .insert(display_path(&self.root.join(CONTENT_DIR), &full));
                        }
                    }
                    for d in errors {
                        diags.push(d.clone());
                    }
                }
            }
        }
        loaded
    }
}

/// Reads and parses one Markdown file.
///
/// Returns the document when its kind and required keys could be read, and every problem
/// found: unreadable or non-UTF-8 files, front-matter problems, an id that breaks the id rule,
/// unknown keys and wrong types. A document returned with errors still takes part in
/// cross-file checks, so one run reports everything.
pub fn read_document(
    root: &Path,
    path: &Path,
    content_path: String,
) -> (Option<Document>, Vec<Diagnostic>) {
    match read_inner(root, path, content_path) {
        Ok((doc, errors)) => (Some(doc), errors),
        Err(errors) => (None, errors),
    }
}

fn read_inner(
    root: &Path,
    path: &Path,
    content_path: String,
) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let shown = display_path(root, path);
    let bytes = crate::files::read(path).map_err(|e| {
        vec![Diagnostic::error(
            "io",
            shown.clone(),
            (1, 1),
            format!("cannot read the file: {e}"),
            "check the file's permissions",
        )]
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
            let f = SourceFile::new(shown, prefix);
            return Err(vec![f.error(
                "not-utf8",
                good,
                format!(
                    "the file is not UTF-8 text (invalid byte 0x{:02x})",
                    e.as_bytes()[good]
                ),
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
    if !crate::ids::is_valid_id(&stem) {
        errors.push(source.error(
            "bad-id",
            0,
            format!("`{stem}` is not a valid id: ids are lowercase letters, digits and single hyphens, and a file's id is its name"),
            format!("rename the file to `{}.md`", crate::ids::suggest_id(&stem)),
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
    let parsed = matches!(kind, Kind::Competency(_)).then(|| {
        std::sync::Arc::new(crate::markdown::parse_competency(
            &source.text[body_offset..],
            body_offset,
        ))
    });
    Ok((
        Document {
            source,
            content_path,
            id: stem,
            kind,
            body_offset,
            parsed,
        },
        errors,
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a load gives, in a form two loads can be compared by: documents, assets, failed
    /// files (sorted) and diagnostics, as text.
    fn shown(loaded: &Loaded, diags: &Diagnostics) -> String {
        let mut failed: Vec<_> = loaded.failed.iter().collect();
        failed.sort();
        format!(
            "{:#?}\n{:#?}\n{:?}\n{:#?}",
            loaded.documents, loaded.assets, failed, diags.0
        )
    }

    /// The cache gives exactly what a fresh [`load`] of the disk gives.
    fn assert_fresh(root: &Path, cache: &ContentCache, after: &str) {
        let (mut a, mut b) = (Diagnostics::default(), Diagnostics::default());
        let fresh = load(root, &mut a);
        let cached = cache.loaded(&mut b);
        assert_eq!(shown(&cached, &b), shown(&fresh, &a), "after {after}");
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(CONTENT_DIR).join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    const LEVEL: &str = "+++\ntitle = \"A\"\nrank = 1\n+++\nBody.\n";
    const CELL: &str = "+++\nlevel = \"a\"\npillar = \"p\"\n+++\n- Does things.\n";

    #[test]
    fn the_cache_follows_every_kind_of_change_and_equals_a_fresh_load() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let content = root.join(CONTENT_DIR);
        write(root, "levels/a.md", LEVEL);
        write(root, "pillars/p.md", "+++\ntitle = \"P\"\n+++\n");
        write(root, "competencies/a/p.md", CELL);
        write(root, "broken.md", "+++\ntitle = \"Unterminated\n+++\n");
        write(root, "Bad_Name.md", "+++\ntitle = \"X\"\n+++\n");
        write(root, "img.png", "png");
        write(root, ".git/x.md", "not content");
        let mut cache = ContentCache::new(root);
        cache.refresh(None);
        assert_fresh(root, &cache, "the first read");
        assert!(
            shown(
                &cache.loaded(&mut Diagnostics::default()),
                &Diagnostics::default()
            )
            .contains("Does things."),
            "the cache was filled"
        );

        type Step<'a> = (&'a str, Box<dyn Fn() + 'a>, Vec<&'a str>);
        let steps: Vec<Step> = vec![
            (
                "an edit",
                Box::new(|| write(root, "competencies/a/p.md", &CELL.replace("things", "more"))),
                vec!["competencies/a/p.md"],
            ),
            (
                "a new file",
                Box::new(|| write(root, "guide.md", "+++\ntitle = \"G\"\n+++\n")),
                vec!["guide.md"],
            ),
            (
                "a deleted file",
                Box::new(|| std::fs::remove_file(content.join("guide.md")).unwrap()),
                vec!["guide.md"],
            ),
            (
                "a file created and deleted between two looks",
                Box::new(|| {
                    write(root, "levels/gone.md", LEVEL);
                    std::fs::remove_file(content.join("levels/gone.md")).unwrap();
                }),
                vec!["levels/gone.md", "levels/gone.md"],
            ),
            (
                "a renamed file",
                Box::new(|| {
                    std::fs::rename(
                        content.join("competencies/a/p.md"),
                        content.join("competencies/a/q.md"),
                    )
                    .unwrap()
                }),
                vec!["competencies/a/p.md", "competencies/a/q.md"],
            ),
            (
                "a new folder, its files unnamed",
                Box::new(|| {
                    write(root, "guides/x/one.md", "+++\ntitle = \"1\"\n+++\n");
                    write(root, "guides/x/two.png", "2");
                }),
                vec!["guides"],
            ),
            (
                "a renamed folder",
                Box::new(|| std::fs::rename(content.join("guides"), content.join("help")).unwrap()),
                vec!["guides", "help"],
            ),
            (
                "a folder replaced by a file",
                Box::new(|| {
                    std::fs::remove_dir_all(content.join("help")).unwrap();
                    write(root, "help", "now a file");
                }),
                vec!["help"],
            ),
            (
                "a folder moved out, edited and moved back",
                Box::new(|| {
                    let out = root.join("outside");
                    std::fs::rename(content.join("competencies/a"), &out).unwrap();
                    std::fs::write(out.join("q.md"), CELL.replace("things", "elsewhere")).unwrap();
                    std::fs::rename(&out, content.join("competencies/a")).unwrap();
                }),
                vec!["competencies/a"],
            ),
            (
                "an edited asset",
                Box::new(|| write(root, "img.png", "png2")),
                vec!["img.png"],
            ),
            (
                "a file in a hidden folder",
                Box::new(|| write(root, ".git/y.md", "x")),
                vec![".git/y.md"],
            ),
            (
                "a fixed file",
                Box::new(|| write(root, "broken.md", "+++\ntitle = \"Fixed\"\n+++\n")),
                vec!["broken.md"],
            ),
            (
                "a file that breaks",
                Box::new(|| write(root, "levels/a.md", "+++\nrank = \"one\"\n+++\n")),
                vec!["levels/a.md"],
            ),
            (
                "content/ itself",
                Box::new(|| {
                    std::fs::remove_dir_all(content.join("pillars")).unwrap();
                }),
                vec![""],
            ),
        ];
        for (what, change, named) in steps {
            change();
            let named: Vec<PathBuf> = named.into_iter().map(PathBuf::from).collect();
            cache.refresh(Some(&named));
            assert_fresh(root, &cache, what);
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(content.join("levels/a.md"), content.join("link.md"))
                .unwrap();
            cache.refresh(Some(&[PathBuf::from("link.md")]));
            assert_fresh(root, &cache, "a new symlink");
        }
        // Unknown changes re-read everything.
        write(root, "levels/a.md", LEVEL);
        cache.refresh(None);
        assert_fresh(root, &cache, "an unknown change");
    }

    #[test]
    fn a_refresh_reads_only_the_files_it_is_told_of_and_keeps_their_diagnostics() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "levels/a.md", LEVEL);
        write(root, "broken.md", "+++\ntitle = \"Unterminated\n+++\n");
        write(root, "competencies/a/p.md", CELL);
        let mut cache = ContentCache::new(root);
        cache.refresh(None);
        write(root, "levels/a.md", &LEVEL.replace("Body.", "Unseen."));
        write(root, "competencies/a/p.md", &CELL.replace("things", "seen"));
        cache.refresh(Some(&[PathBuf::from("competencies/a/p.md")]));
        let mut diags = Diagnostics::default();
        let text = shown(&cache.loaded(&mut diags), &diags);
        assert!(text.contains("Does seen."), "the named file was read again");
        assert!(
            !text.contains("Unseen."),
            "a file not named was not read again"
        );
        assert!(
            diags.0.iter().any(|d| d.path == "content/broken.md"),
            "the errors of an unchanged file are still reported: {diags}"
        );
    }
}
