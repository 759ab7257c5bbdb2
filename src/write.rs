//! Writing: the rendered site goes into a fresh folder beside the build-dir, which is then
//! swapped in with renames. A build that fails leaves the last good site exactly as it was.

pub mod previous;

use crate::diagnostic::Diagnostic;
use previous::{Entry, Previous};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The file that marks a folder as ladderbook's output, so a build never replaces a folder it
/// did not write.
pub const MARKER: &str = ".ladderbook-build";

/// Why the site could not be written: an error about `path` as a whole (code `io`).
fn io_err(path: &Path, e: std::io::Error, hint: &str) -> Diagnostic {
    Diagnostic::about("io", path.display().to_string(), e.to_string(), hint)
}

/// The file name of `dir` (`default` when it has none, as `..` has none) and the folder
/// that holds it (`.` for a bare name): what a temporary sibling of `dir` is named after,
/// and where it goes, so that it can be renamed into place.
pub fn name_and_parent<'a>(dir: &'a Path, default: &str) -> (String, &'a Path) {
    let name = dir
        .file_name()
        .map_or_else(|| default.to_string(), |n| n.to_string_lossy().into_owned());
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    (name, parent)
}

/// Makes a new `dest` with `fill`, then swaps it in, and returns what `fill` returned.
///
/// `fill` writes the site into a fresh folder, `.<name>.ladderbook-new` beside `dest`
/// (see [`Output`]). Then `dest` (if any) is renamed to `.<name>.ladderbook-old`, the new folder
/// renamed to `dest`, and the old one deleted. `dest` is only replaced if it is empty or
/// carries the [`MARKER`] of an earlier build. A `dest` that is a symbolic link is replaced
/// where it points, and the link left alone. A file the earlier build wrote with the same
/// bytes is linked from it instead (see [`previous`]).
///
/// # Errors
/// `dest` is a non-empty folder that ladderbook did not write; an I/O error; or `fill`'s
/// error. After any error `dest` is as it was.
pub fn replace_dir<T, E>(
    dest: &Path,
    fill: impl FnOnce(&Output) -> Result<T, E>,
) -> Result<T, ReplaceError<E>> {
    // A build-dir that is a symbolic link (`site -> /var/www/ladder`, as a web server's
    // folder often is) is built where it points: what it points to is replaced, and the
    // link stays. Renaming the link itself would leave the web server's folder as it was.
    let resolved;
    let dest = match fs::symlink_metadata(dest) {
        Ok(m) if m.file_type().is_symlink() => {
            resolved = fs::canonicalize(dest).map_err(|e| {
                io_err(
                    dest,
                    e,
                    "the output folder is a symbolic link to nothing: create the folder it points to, or choose another output folder with -d",
                )
            })?;
            resolved.as_path()
        }
        _ => dest,
    };
    let (name, parent) = name_and_parent(dest, "book");
    let mut previous = Previous::none();
    if dest.exists() {
        let ours = dest.join(MARKER).is_file();
        if ours && dest.is_dir() {
            previous = Previous::read(dest);
        }
        let empty = fs::read_dir(dest)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !dest.is_dir() || (!ours && !empty) {
            return Err(ReplaceError::Write(Diagnostic::about(
                "foreign-build-dir",
                dest.display().to_string(),
                "this folder exists and was not written by ladderbook, so the build will not replace it",
                "choose another output folder with -d, or delete this one if its contents are not needed",
            )));
        }
    }
    fs::create_dir_all(parent).map_err(|e| {
        io_err(
            parent,
            e,
            "check that the output folder's parent can be created",
        )
    })?;
    let new = parent.join(format!(".{name}.ladderbook-new"));
    let old = parent.join(format!(".{name}.ladderbook-old"));
    for leftover in [&new, &old] {
        if leftover.exists() {
            remove_tree(leftover).map_err(|e| {
                io_err(
                    leftover,
                    e,
                    "delete this leftover folder of an interrupted build",
                )
            })?;
        }
    }
    fs::create_dir_all(&new).map_err(|e| io_err(&new, e, HINT))?;
    // The manifest's file, made first: a file made now has the owner and permissions it
    // shows, which a page carried over must have too.
    match create_fresh(&new.join(previous::MANIFEST)).and_then(|f| f.metadata()) {
        Ok(made) => previous.expect_like(&made),
        Err(_) => previous = Previous::none(),
    }
    let out = Output {
        dir: new.clone(),
        previous,
        written: Mutex::new(Vec::new()),
        linked: AtomicUsize::new(0),
    };
    let filled = fill(&out).map_err(ReplaceError::Fill).and_then(|value| {
        // Only an optimisation for the next build: without it, that build writes every file.
        let written = out.written.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut written = previous::last_per_path(written);
        // Both made anew: a site file of the same name (a copy from `static/`) may have been
        // linked from the live site, and writing through it would change that.
        let manifest = previous::render(&mut written);
        let _ = create_fresh(&new.join(previous::MANIFEST))
            .and_then(|mut f| f.write_all(manifest.as_bytes()));
        let marker = new.join(MARKER);
        create_fresh(&marker)
            .and_then(|mut f| {
                f.write_all(
                    b"This folder is written by `ladderbook build` and replaced on every build.\n",
                )
            })
            .map_err(|e| io_err(&marker, e, HINT).into())
            .map(|()| value)
    });
    let value = match filled {
        Ok(value) => value,
        Err(e) => {
            let _ = fs::remove_dir_all(&new);
            return Err(e);
        }
    };
    let swapped = swap_in(&[Swap {
        staged: new.clone(),
        target: dest.to_path_buf(),
        backup: old.clone(),
    }]);
    if let Err(failure) = swapped {
        let _ = fs::remove_dir_all(&new);
        return Err(match failure {
            SwapFailure::MoveAside(_, e) => io_err(
                dest,
                e,
                "close programs that hold files in the output folder open, then build again",
            ),
            SwapFailure::PutInPlace(_, e) => io_err(
                dest,
                e,
                "check the permissions of the output folder's parent",
            ),
        }
        .into());
    }
    if old.exists() {
        let _ = remove_tree(&old);
    }
    Ok(value)
}

/// One file or folder to put in place by [`swap_in`].
pub struct Swap {
    /// The new file or folder, written beside the target or in a staging folder on the
    /// same file system (so that a rename moves it).
    pub staged: PathBuf,
    /// Where it goes.
    pub target: PathBuf,
    /// Where what is at `target` waits until every swap is done.
    pub backup: PathBuf,
}

/// The rename of [`swap_in`] that failed, with the path it failed on.
pub enum SwapFailure {
    /// Moving what was at a target aside to its backup.
    MoveAside(PathBuf, std::io::Error),
    /// Moving a staged file or folder to its target.
    PutInPlace(PathBuf, std::io::Error),
}

/// Renames each staged file or folder to its target, in order, after renaming what is at
/// the target (if anything) to its backup, so that a reader sees the old or the new, never
/// half of one. A staged path that does not exist leaves its target moved aside. After a
/// failure, what was put in place is deleted and the backups are renamed back; on success
/// the backups are left for the caller to delete.
///
/// # Errors
/// The first rename that failed.
pub fn swap_in(swaps: &[Swap]) -> Result<(), SwapFailure> {
    let mut moved: Vec<&Swap> = Vec::new();
    let mut placed: Vec<&Path> = Vec::new();
    let result = swaps.iter().try_for_each(|s| {
        if s.target.exists() {
            fs::rename(&s.target, &s.backup)
                .map_err(|e| SwapFailure::MoveAside(s.target.clone(), e))?;
            moved.push(s);
        }
        if s.staged.exists() {
            fs::rename(&s.staged, &s.target)
                .map_err(|e| SwapFailure::PutInPlace(s.target.clone(), e))?;
            placed.push(&s.target);
        }
        Ok(())
    });
    if result.is_err() {
        for p in placed {
            let _ = if p.is_dir() {
                fs::remove_dir_all(p)
            } else {
                fs::remove_file(p)
            };
        }
        for s in moved {
            let _ = fs::rename(&s.backup, &s.target);
        }
    }
    result
}

/// Why [`replace_dir`] failed.
#[derive(Debug)]
pub enum ReplaceError<E> {
    /// Preparing, swapping or marking the folder failed.
    Write(Diagnostic),
    /// `fill` failed.
    Fill(E),
}

impl<E> From<Diagnostic> for ReplaceError<E> {
    fn from(e: Diagnostic) -> Self {
        ReplaceError::Write(e)
    }
}

/// Deletes the folder `dir` and everything in it, like [`fs::remove_dir_all`], but the
/// entries of each folder on all cores: a site has thousands of small files, and on ext4 a
/// serial delete of the previous build was a third of a large rebuild. Symbolic links,
/// `dir` itself included, are removed, never followed.
///
/// # Errors
/// The first I/O error met; what could be deleted by then is gone.
pub fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    // A link in `dir`'s place (a leftover of a build into a linked build-dir) is removed
    // itself: what it points to is not this build's to delete.
    if fs::symlink_metadata(dir)?.file_type().is_symlink() {
        return fs::remove_file(dir);
    }
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            remove_tree(&e.path())
        } else {
            fs::remove_file(e.path())
        }
    })?;
    fs::remove_dir(dir)
}

const HINT: &str = "check free disk space and the output folder's permissions";

/// Creates the file `full` for writing, as a new file: a file already at that path in the
/// build's fresh folder (the same path given twice, such as a theme file and an asset of the
/// same name) may be linked to the live site's (see [`previous`]), and writing through it
/// would change the live site; its name is removed first, and the new file is written in
/// its place, as before.
fn create_fresh(full: &Path) -> std::io::Result<fs::File> {
    let create = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(full)
    };
    match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            fs::remove_file(full)?;
            create()
        }
        other => other,
    }
}

/// The fresh folder a build writes its site into (see [`replace_dir`]), and what the build
/// it replaces wrote. Files go in with [`Output::write_file`], [`Output::write_with`] and
/// [`Output::copy_open`], from any thread.
pub struct Output {
    dir: PathBuf,
    previous: Previous,
    /// What was written or linked at each path, in the order written, for the next build's
    /// manifest: its entry, or the path alone for a file that cannot be carried over.
    written: Mutex<Vec<Result<Entry, String>>>,
    /// How many of those were linked.
    linked: AtomicUsize,
}

impl Output {
    /// How many files have been linked from the last build so far: files whose bytes are
    /// the same as then.
    pub fn unchanged(&self) -> usize {
        self.linked.load(Ordering::Relaxed)
    }

    /// `path` (`/`-separated, relative to the folder) in the folder, with its folders made.
    fn place(&self, path: &str) -> Result<PathBuf, Diagnostic> {
        let full = self.dir.join(path);
        if let Some(p) = full.parent() {
            fs::create_dir_all(p).map_err(|e| io_err(p, e, HINT))?;
        }
        Ok(full)
    }

    /// Writes one file at `path` (`/`-separated, relative to the folder), creating its
    /// folders; or, when the build being replaced wrote these very bytes at `path` and its
    /// file is untouched since, links that file instead (see [`previous`]).
    ///
    /// # Errors
    /// An I/O error, with the path.
    pub fn write_file(&self, path: &str, contents: &[u8]) -> Result<(), Diagnostic> {
        let full = self.place(path)?;
        // Off Unix nothing is carried over (see [`previous`]): no hash is needed.
        let hash = if cfg!(unix) {
            previous::hash(contents)
        } else {
            0
        };
        let len = contents.len() as u64;
        if let Some(entry) = self.link(path, hash, len, &full)? {
            self.record(path, Some(entry));
            return Ok(());
        }
        let mut file = create_fresh(&full).map_err(|e| io_err(&full, e, HINT))?;
        file.write_all(contents)
            .map_err(|e| io_err(&full, e, HINT))?;
        self.record(path, written(path, hash, len, &file));
        Ok(())
    }

    /// [`Previous::link`], counted when it links.
    fn link(
        &self,
        path: &str,
        hash: u64,
        len: u64,
        to: &Path,
    ) -> Result<Option<Entry>, Diagnostic> {
        let linked = self
            .previous
            .link(path, hash, len, to)
            .map_err(|e| io_err(to, e, HINT))?;
        if linked.is_some() {
            self.linked.fetch_add(1, Ordering::Relaxed);
        }
        Ok(linked)
    }

    /// Writes one file at `path` (`/`-separated, relative to the folder) through a buffer
    /// that `fill` writes into, creating its folders: for a large file made piece by piece,
    /// which is then never held in memory whole. Written, it is swapped for the last build's
    /// file if that holds the same bytes, by the streaming hash [`previous::Hasher`]: linked
    /// beside it, then renamed over it, so the path always holds the whole file.
    ///
    /// # Errors
    /// An I/O error, with the path.
    pub fn write_with(
        &self,
        path: &str,
        fill: impl FnOnce(&mut std::io::BufWriter<Hashing<fs::File>>) -> std::io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let full = self.place(path)?;
        let file = create_fresh(&full).map_err(|e| io_err(&full, e, HINT))?;
        let mut out = std::io::BufWriter::with_capacity(256 * 1024, Hashing::new(file));
        fill(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| io_err(&full, e, HINT))?;
        let done = out
            .into_inner()
            .map_err(|e| io_err(&full, e.into_error(), HINT))?;
        self.settle(path, &full, done)
    }

    /// Copies `source`, already opened as `from` (see [`crate::files::open`], which refuses
    /// anything but a regular file), to `path` (`/`-separated, relative to the folder),
    /// creating its folders; or, when the build being replaced copied these very bytes to
    /// `path` and its file is untouched since, links that file instead (see [`previous`]).
    /// The source is hashed first ([`previous::hash_copy`] into nothing) only when the last
    /// build copied a file of its length there, so an unchanged file is never written and
    /// any other is read once; the hash recorded is of the bytes written.
    ///
    /// # Errors
    /// An I/O error, with the path: the source's when reading it failed.
    pub fn copy_open(
        &self,
        path: &str,
        source: &Path,
        mut from: fs::File,
    ) -> Result<(), Diagnostic> {
        use std::io::{Seek, SeekFrom};
        let full = self.place(path)?;
        let unreadable = |e| io_err(source, e, "check that the file is readable");
        // A file written at this path earlier in this build (a theme file that a file beside
        // the content replaces) gives way, so that a link can take its place.
        match fs::remove_file(&full) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(io_err(&full, e, HINT));
            }
            _ => {}
        }
        let size = from.metadata().map_err(unreadable)?.len();
        if self.previous.may_link(path, size) {
            let (hash, len) =
                previous::hash_copy(&mut from, &mut std::io::sink()).map_err(|e| match e {
                    previous::CopyError::Read(e) | previous::CopyError::Write(e) => unreadable(e),
                })?;
            if let Some(entry) = self.link(path, hash, len, &full)? {
                self.record(path, Some(entry));
                return Ok(());
            }
            from.seek(SeekFrom::Start(0)).map_err(unreadable)?;
        }
        let mut to = create_fresh(&full).map_err(|e| io_err(&full, e, HINT))?;
        let (hash, len) = previous::hash_copy(&mut from, &mut to).map_err(|e| match e {
            previous::CopyError::Read(e) => unreadable(e),
            previous::CopyError::Write(e) => io_err(&full, e, HINT),
        })?;
        self.record(path, written(path, hash, len, &to));
        Ok(())
    }

    /// After the file at `path` (`full`) was written whole through `done`: when the last
    /// build's file holds the same bytes, it takes the new file's place (linked beside it,
    /// then renamed over it, so the path always holds the whole file), and it keeps its
    /// time; either way the file is recorded for the next build's manifest.
    ///
    /// # Errors
    /// A link beside the file that could neither be renamed over it nor removed.
    fn settle(&self, path: &str, full: &Path, done: Hashing<fs::File>) -> Result<(), Diagnostic> {
        let (hash, len) = (std::hash::Hasher::finish(&done.hasher), done.len);
        if cfg!(unix) {
            let mut beside = full.as_os_str().to_owned();
            beside.push(".ladderbook-same");
            let beside = PathBuf::from(beside);
            let linked = self
                .previous
                .link(path, hash, len, &beside)
                .map_err(|e| io_err(&beside, e, HINT))?;
            if let Some(entry) = linked {
                if fs::rename(&beside, full).is_ok() {
                    self.linked.fetch_add(1, Ordering::Relaxed);
                    self.record(path, Some(entry));
                    return Ok(());
                }
                // A link left beside the file would be published with the site.
                fs::remove_file(&beside).map_err(|e| io_err(&beside, e, HINT))?;
            }
        }
        self.record(path, written(path, hash, len, &done.inner));
        Ok(())
    }

    /// Notes what was just written at `path` for the next build's manifest: its entry, or
    /// `None` when it cannot be carried over (then an earlier entry for the same path is
    /// void too). Never the manifest or the [`MARKER`], which are written last, over any
    /// site file of their names.
    fn record(&self, path: &str, entry: Option<Entry>) {
        if path == MARKER || path == previous::MANIFEST {
            return;
        }
        let note = entry.ok_or_else(|| path.to_string());
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(note);
    }
}

/// The manifest's entry for `file`, just written at `path` with bytes of this hash and
/// length; `None` when its identity cannot be read (then it is written again next time).
fn written(path: &str, hash: u64, len: u64, file: &fs::File) -> Option<Entry> {
    let stamp = file.metadata().ok().and_then(|m| previous::Stamp::of(&m))?;
    Some(Entry {
        path: path.to_string(),
        hash,
        len,
        stamp,
    })
}

/// A writer that passes everything on to `inner`, hashing it on the way ([`previous::hasher`])
/// and counting its bytes: for files written piece by piece.
pub struct Hashing<W> {
    inner: W,
    hasher: previous::Hasher,
    len: u64,
}

impl<W> Hashing<W> {
    fn new(inner: W) -> Hashing<W> {
        Hashing {
            inner,
            hasher: previous::hasher(),
            len: 0,
        }
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        std::hash::Hasher::write(&mut self.hasher, &buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_tree_deletes_everything_but_never_follows_a_link() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        let kept = tmp.path().join("kept");
        fs::create_dir_all(&kept).unwrap();
        fs::write(kept.join("precious.md"), "mine").unwrap();
        for a in 0..20 {
            for b in 0..5 {
                let d = site.join(format!("compare/l{a}/l{b}"));
                fs::create_dir_all(&d).unwrap();
                fs::write(d.join("index.html"), "<p>x</p>").unwrap();
            }
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(&kept, site.join("compare/link")).unwrap();
        remove_tree(&site).unwrap();
        assert!(!site.exists());
        assert_eq!(
            fs::read_to_string(kept.join("precious.md")).unwrap(),
            "mine"
        );
    }
}
