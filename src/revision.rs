//! Earlier versions of a ladder, from the git repository that holds it.
//!
//! Revisions are read with the `git` command (as installed; a library would add many crates
//! to the build for three plumbing commands): `rev-parse` to find the repository and resolve a
//! revision, `ls-tree` and one `cat-file --batch` to copy the ladder's `book.toml`,
//! `content/` and `ladder.lock` at that revision into a temporary folder, which is then
//! loaded like any ladder,
//! and `for-each-ref` to list release tags. Nothing in the repository is changed: no index,
//! no work tree, no refs.

use crate::diagnostic::Diagnostic;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository holding a ladder, and where in it the ladder is.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The repository's top folder (its work tree).
    pub top: PathBuf,
    /// The ladder's folder relative to `top`, `/`-separated, ending in `/` (or empty).
    pub prefix: String,
}

/// A release tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The tag's name (`v2`).
    pub name: String,
    /// The commit it points at (40 hex digits).
    pub commit: String,
    /// When it was made (an annotated tag's date, else its commit's): `YYYY-MM-DD`.
    pub date: String,
    /// The same, in seconds since 1970, for ordering.
    pub time: i64,
    /// An annotated tag's message, as its author wrote it (subject, then body), without a
    /// signature; empty for a lightweight tag.
    pub message: String,
}

/// An error about git or a revision, as a diagnostic on the ladder's folder.
fn error(dir: &Path, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::error("git", dir.display().to_string(), (1, 1), message, hint)
}

/// Runs `git` in `dir` with `args`; its standard output, or its first line of error.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                GitError::Missing
            } else {
                GitError::Failed(e.to_string())
            }
        })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(GitError::Failed(
            err.lines().next().unwrap_or("").trim().to_string(),
        ))
    }
}

enum GitError {
    /// No `git` command.
    Missing,
    /// It ran and failed: its first line of error.
    Failed(String),
}

const NO_GIT_HINT: &str = "install git (https://git-scm.com), or compare two ladder folders: `ladderbook diff OLD_DIR NEW_DIR`";

/// Walks up from `dir` looking for `.git`: a cheap test, without running git, of whether a
/// ladder can have releases at all (a build of a ladder outside git must cost nothing).
pub fn in_repository(dir: &Path) -> bool {
    git_entry(dir).is_some()
}

/// The first `.git` up from `dir` (canonical where `dir` exists): the repository's folder,
/// or in a linked worktree the file that names it. Found without running git.
pub fn git_entry(dir: &Path) -> Option<std::path::PathBuf> {
    let start = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    start
        .ancestors()
        .map(|d| d.join(".git"))
        .find(|g| g.exists())
}

impl Repo {
    /// The repository holding the folder `dir`.
    ///
    /// # Errors
    /// `dir` is not in a git repository, or git is not installed.
    pub fn discover(dir: &Path) -> Result<Repo, Diagnostic> {
        let out = git(dir, &["rev-parse", "--show-toplevel", "--show-prefix"]).map_err(|e| {
            match e {
                GitError::Missing => error(dir, "git is not installed, so revisions cannot be read", NO_GIT_HINT),
                GitError::Failed(m) => error(
                    dir,
                    format!("{} is not in a git repository ({m})", dir.display()),
                    "run the command inside the git repository that holds the ladder (or pass its folder as DIR), or compare two ladder folders: `ladderbook diff OLD_DIR NEW_DIR`",
                ),
            }
        })?;
        let text = String::from_utf8_lossy(&out);
        let mut lines = text.lines();
        let top = PathBuf::from(lines.next().unwrap_or(""));
        let prefix = lines.next().unwrap_or("").to_string();
        Ok(Repo { top, prefix })
    }

    /// The commit `rev` names (a tag, branch, commit or any revision git understands).
    ///
    /// # Errors
    /// An unknown revision, with what to do.
    pub fn commit(&self, rev: &str) -> Result<String, Diagnostic> {
        let spec = format!("{rev}^{{commit}}");
        match git(&self.top, &["rev-parse", "--verify", "--quiet", "--end-of-options", &spec]) {
            Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
            Err(GitError::Missing) => Err(error(&self.top, "git is not installed", NO_GIT_HINT)),
            Err(GitError::Failed(_)) => Err(error(
                &self.top,
                format!("`{rev}` is not a revision of the repository at {} (nor a ladder folder)", self.top.display()),
                "name a tag, branch or commit (`git tag` lists the tags; a shallow clone may lack them: `git fetch --tags --unshallow`), or the folder of a ladder",
            )),
        }
    }

    /// Copies the ladder's `book.toml`, `content/` and `ladder.lock` (when the revision has
    /// one: the anchors its build published, see [`crate::lock`]) as they are at `commit`
    /// into `into` (which must exist and be empty).
    ///
    /// # Errors
    /// Git fails, the ladder's folder does not exist at that commit, or a file cannot be
    /// written.
    pub fn extract(&self, commit: &str, rev: &str, into: &Path) -> Result<(), Diagnostic> {
        let fail = |m: String| {
            error(
                &self.top,
                m,
                "check that the revision holds the ladder (`git show REV:book.toml`)",
            )
        };
        let book = format!("{}book.toml", self.prefix);
        let content = format!("{}content", self.prefix);
        let lock = format!("{}{}", self.prefix, crate::lock::FILE_NAME);
        let listing = git(
            &self.top,
            &[
                "ls-tree",
                "-r",
                "-z",
                "--full-tree",
                commit,
                "--",
                &book,
                &content,
                &lock,
            ],
        )
        .map_err(|e| match e {
            GitError::Missing => error(&self.top, "git is not installed", NO_GIT_HINT),
            GitError::Failed(m) => fail(format!("cannot list the ladder's files at {rev}: {m}")),
        })?;
        // `<mode> <type> <object>\t<path>`, NUL-terminated; only regular files are copied.
        let mut files: Vec<(String, PathBuf)> = Vec::new();
        for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            let entry = String::from_utf8_lossy(entry);
            let Some((meta, path)) = entry.split_once('\t') else {
                continue;
            };
            let meta: Vec<&str> = meta.split(' ').collect();
            if meta.len() != 3 || meta[1] != "blob" || !meta[0].starts_with("100") {
                continue;
            }
            let Some(rel) = path.strip_prefix(&self.prefix) else {
                continue;
            };
            // Git stores no `..` or absolute paths; refuse them anyway.
            if rel.split('/').any(|p| p == ".." || p.is_empty()) {
                continue;
            }
            files.push((meta[2].to_string(), into.join(rel)));
        }
        if !files.iter().any(|(_, p)| p == &into.join("book.toml")) {
            return Err(error(
                &self.top,
                format!("there is no ladder at {rev}: {book} is not in that revision"),
                "name a revision that has the ladder (`git log -- book.toml` lists the commits that changed it)",
            ));
        }
        self.copy_blobs(&files)
            .map_err(|e| fail(format!("cannot read the ladder's files at {rev}: {e}")))
    }

    /// Writes each `(object, path)` with the object's bytes, read by one `git cat-file --batch`.
    fn copy_blobs(&self, files: &[(String, PathBuf)]) -> std::io::Result<()> {
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| std::io::Error::other("no stdin"))?;
        let ids: String = files.iter().map(|(id, _)| format!("{id}\n")).collect();
        // Written from another thread, so that git never waits on a full pipe while we wait
        // on it.
        let writer = std::thread::spawn(move || stdin.write_all(ids.as_bytes()));
        let mut out = BufReader::new(
            child
                .stdout
                .take()
                .ok_or_else(|| std::io::Error::other("no stdout"))?,
        );
        let mut header = String::new();
        for (_, path) in files {
            header.clear();
            out.read_line(&mut header)?;
            // `<object> blob <size>`
            let size: usize = header
                .split(' ')
                .nth(2)
                .and_then(|s| s.trim().parse().ok())
                .ok_or_else(|| std::io::Error::other(format!("git cat-file said {header:?}")))?;
            let mut bytes = vec![0; size + 1];
            out.read_exact(&mut bytes)?;
            bytes.pop();
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)?;
        }
        writer
            .join()
            .map_err(|_| std::io::Error::other("writer failed"))??;
        child.wait()?;
        Ok(())
    }

    /// The tags matching `pattern` (a git glob such as `v*`), oldest first: by date, then
    /// by name read as a version (`v2` before `v10`).
    ///
    /// # Errors
    /// Git fails.
    pub fn tags(&self, pattern: &str) -> Result<Vec<Tag>, Diagnostic> {
        let refs = format!("refs/tags/{pattern}");
        let out = git(
            &self.top,
            &[
                "for-each-ref",
                // Records end with 0x1e (ASCII's record separator), as a message has lines.
                "--format=%(refname:strip=2)%00%(*objectname)%00%(objectname)%00%(creatordate:short)%00%(creatordate:unix)%00%(contents:subject)%0a%0a%(contents:body)%1e",
                &refs,
            ],
        )
        .map_err(|e| match e {
            GitError::Missing => error(&self.top, "git is not installed", NO_GIT_HINT),
            GitError::Failed(m) => error(&self.top, format!("cannot list the tags: {m}"), "check the repository with `git tag`"),
        })?;
        let text = String::from_utf8_lossy(&out);
        let mut tags: Vec<Tag> = text
            .split('\u{1e}')
            .map(|record| record.trim_start_matches('\n'))
            .filter_map(|record| {
                let f: Vec<&str> = record.split('\0').collect();
                let [name, peeled, object, date, time, message] = f[..] else {
                    return None;
                };
                Some(Tag {
                    name: name.to_string(),
                    // An annotated tag points at a tag object; its commit is the peeled one.
                    commit: if peeled.is_empty() { object } else { peeled }.to_string(),
                    date: date.to_string(),
                    time: time.parse().unwrap_or(0),
                    // A lightweight tag's "contents" are its commit's message, not a note
                    // about the release.
                    message: if peeled.is_empty() {
                        ""
                    } else {
                        message.trim()
                    }
                    .to_string(),
                })
            })
            .collect();
        tags.sort_by(|a, b| {
            a.time
                .cmp(&b.time)
                .then_with(|| version_order(&a.name, &b.name))
        });
        Ok(tags)
    }

    /// `HEAD`'s commit: `None` before the first commit.
    pub fn head(&self) -> Option<String> {
        git(&self.top, &["rev-parse", "--verify", "--quiet", "HEAD"])
            .ok()
            .map(|o| String::from_utf8_lossy(&o).trim().to_string())
    }

    /// The ladder's own files in the repository: `book.toml` and `content/`, as pathspecs.
    fn ladder_paths(&self) -> [String; 2] {
        [
            format!("{}book.toml", self.prefix),
            format!("{}content", self.prefix),
        ]
    }

    /// Whether the ladder's files differ between commits `a` and `b` (the repository's
    /// other files are not the ladder's business).
    pub fn differs(&self, a: &str, b: &str) -> bool {
        let [book, content] = self.ladder_paths();
        // `git diff --quiet` exits 1 when there are differences.
        git(&self.top, &["diff", "--quiet", a, b, "--", &book, &content]).is_err()
    }

    /// Whether the ladder's files in the working tree differ from `HEAD`: edited, added,
    /// removed or not yet tracked.
    pub fn modified(&self) -> bool {
        let [book, content] = self.ladder_paths();
        git(
            &self.top,
            &[
                "status",
                "--porcelain",
                "--untracked-files=all",
                "--",
                &book,
                &content,
            ],
        )
        .is_ok_and(|out| !out.is_empty())
    }
}

/// Compares tag names as versions: runs of digits by value, the rest as text.
pub fn version_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn parts(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                out.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        let o = match (x.0, y.0) {
            (true, true) => {
                let (tx, ty) = (x.1.trim_start_matches('0'), y.1.trim_start_matches('0'));
                tx.len().cmp(&ty.len()).then(tx.cmp(ty))
            }
            _ => x.1.cmp(y.1),
        };
        if o.is_ne() {
            return o;
        }
    }
    pa.len().cmp(&pb.len())
}

/// A folder in the system's temporary folder, removed with everything in it when dropped.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// Makes a new, empty folder.
    ///
    /// # Errors
    /// The folder cannot be made.
    pub fn new() -> std::io::Result<TempDir> {
        static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("ladderbook-{}-{n}-{nanos}", std::process::id()));
        std::fs::create_dir(&path)?;
        Ok(TempDir(path))
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_sort_as_versions() {
        let mut names = vec!["v10", "v2", "v1.10", "v1.9", "v1"];
        names.sort_by(|a, b| version_order(a, b));
        assert_eq!(names, vec!["v1", "v1.9", "v1.10", "v2", "v10"]);
    }
}
