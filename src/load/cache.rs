//! What `serve` keeps of `content/` between rebuilds: every file as last read, so that a
//! change reads only the files it names, and `ladder.lock` as last parsed.

use super::{
    display_path, read_all, walk, Asset, Diagnostic, Diagnostics, Document, Loaded, CONTENT_DIR,
};
use crate::load::is_editor_temp;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// One file under `content/` as a [`ContentCache`] last saw it.
#[derive(Debug, Clone)]
enum Cached {
    /// A Markdown file: its document, if it could be read, and every problem found in it.
    Markdown(Option<Box<Document>>, Vec<Diagnostic>),
    /// Any other file, copied as it is.
    Asset(Asset),
}

/// Every file under `content/`, read once and kept, for `serve`: after a change only the
/// files it names are read again, and [`ContentCache::loaded`] gives exactly what [`load`](super::load)
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
    /// The folders the last walk could not read (see [`super::Loaded::failed`]).
    unread_folders: Vec<String>,
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
            unread_folders: Vec::new(),
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
        self.shared_lock().map(|lock| lock.map(|l| &**l))
    }

    /// [`ContentCache::published`], as the shared lock it keeps.
    fn shared_lock(&self) -> Option<Option<&std::sync::Arc<crate::lock::Lock>>> {
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
    /// ignored. Never fails: unreadable files become diagnostics, as in [`load`](super::load).
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
            // A path the last walk said something of (a symlink, now a file or gone) is
            // walked again, for what the walk says of it now.
            let walked = self
                .walk_errors
                .iter()
                .any(|d| Path::new(&d.path).ends_with(rel));
            match std::fs::symlink_metadata(&full) {
                Ok(m)
                    if plain
                        && in_known_dir
                        && m.is_file()
                        && !self.dirs.contains(rel)
                        && !walked =>
                {
                    stale.insert(rel.clone());
                }
                Err(e)
                    if plain
                        && e.kind() == std::io::ErrorKind::NotFound
                        && !self.dirs.contains(rel)
                        && !walked =>
                {
                    // Gone, and not a folder the cache holds files of (a file is only ever
                    // cached inside a folder the last walk entered).
                    self.files.remove(rel);
                }
                _ => {
                    // A folder, a symlink, a file in a folder the last walk did not enter,
                    // a path the last walk said something of: walk again, and forget
                    // everything under it.
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
        self.unread_folders = walk.unread_folders;
        self.walked = true;
        self.read(unread);
    }

    /// Reads Markdown files (path on disk, content path) into the cache.
    fn read(&mut self, markdown: Vec<(PathBuf, String)>) {
        let content = self.root.join(CONTENT_DIR);
        let paths: Vec<PathBuf> = markdown.iter().map(|(p, _)| p.clone()).collect();
        for (full, (_, (doc, errors))) in paths.into_iter().zip(read_all(markdown)) {
            if let Ok(rel) = full.strip_prefix(&content) {
                self.files.insert(
                    rel.to_path_buf(),
                    Cached::Markdown(doc.map(Box::new), errors),
                );
            }
        }
    }

    /// What [`load`](super::load) would return for the files as last refreshed, with the same
    /// diagnostics, in the same order, added to `diags`. Copies every document: the ladder
    /// takes them by value.
    pub fn loaded(&self, diags: &mut Diagnostics) -> Loaded {
        let mut loaded = Loaded {
            published: self.shared_lock().map(Option::<&_>::cloned),
            ..Loaded::default()
        };
        for d in &self.walk_errors {
            diags.push(d.clone());
        }
        loaded.failed.extend(self.unread_folders.iter().cloned());
        for (rel, c) in &self.files {
            match c {
                Cached::Asset(a) => loaded.assets.push(a.clone()),
                Cached::Markdown(doc, errors) => {
                    match doc {
                        Some(doc) => loaded.documents.push(Document::clone(doc)),
                        None => {
                            let full = self.root.join(CONTENT_DIR).join(rel);
                            super::failed(
                                &mut loaded.failed,
                                display_path(&self.root.join(CONTENT_DIR), &full),
                                errors,
                            );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;

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

    /// The cache gives exactly what a fresh [`load`](super::load) of the disk gives.
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
            // Browser check 34 M2: its warning stayed after it was deleted; browser check 35
            // B35-05: and after it was replaced by a file.
            std::fs::remove_file(content.join("link.md")).unwrap();
            cache.refresh(Some(&[PathBuf::from("link.md")]));
            assert_fresh(root, &cache, "a symlink deleted");
            std::os::unix::fs::symlink(content.join("levels/a.md"), content.join("link.md"))
                .unwrap();
            cache.refresh(Some(&[PathBuf::from("link.md")]));
            std::fs::remove_file(content.join("link.md")).unwrap();
            write(root, "link.md", LEVEL);
            cache.refresh(Some(&[PathBuf::from("link.md")]));
            assert_fresh(root, &cache, "a symlink replaced by a file");
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
