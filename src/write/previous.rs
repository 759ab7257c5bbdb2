//! What the build being replaced wrote, so that a rebuild keeps each file whose bytes did not
//! change instead of writing it again.
//!
//! Every build leaves [`MANIFEST`] in its build-dir: for each file of the site, its path, a
//! 64-bit hash and the length of its bytes, and the file's identity on disk (inode and
//! modification time) once written. The next build renders every page as before. A file
//! whose new bytes hash and measure the same as the manifest says the file at its path held,
//! whose file still has the identity the manifest recorded (nobody has written to it since),
//! and whose owner and permissions are those a file made now gets, is hard-linked from the
//! live site into the new one: a page or a copied file (`static/`, files beside the content,
//! hashed as read from the source) instead of being written, a file written piece by piece
//! (`ladder.json`) after it was written, in its place. The swap
//! and the delete of the old site then touch neither its bytes nor its modification time: a
//! rebuild that changes one competency changes the pages that show it and `ladder.json`, and
//! `rsync -t`, a deploy that compares times, or a browser's `If-Modified-Since` see only
//! those as changed.
//!
//! Everything here is an optimisation: a missing, unreadable or malformed manifest, a file
//! system without hard links, or any failed link means the file is written as on a first
//! build. Only Unix file systems are used this way (the identity is `st_ino` and `st_mtime`).

use std::collections::HashMap;
use std::fs;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

/// The manifest's file name in the build-dir.
pub const MANIFEST: &str = ".ladderbook-files";

/// A file as the manifest records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `/`-separated, relative to the build-dir.
    pub path: String,
    /// [`hash`] of the bytes; for a file written piece by piece (`ladder.json`) or copied
    /// (`static/`, files beside the content), the streaming [`Hasher`]'s.
    pub hash: u64,
    /// Length of the bytes.
    pub len: u64,
    /// The file's identity once written.
    pub stamp: Stamp,
}

/// A file's identity on disk: its inode number and modification time (seconds and
/// nanoseconds since the Unix epoch). A write to the file changes the time (within the file
/// system's clock tick); a file renamed over it has another inode; a hard link to it changes
/// neither. A file deleted and made again may get the same inode, and the same time within
/// one tick, so a build never tells its own files apart by their stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// `st_ino`.
    pub ino: u64,
    /// `st_mtime`: whole seconds.
    pub mtime: i64,
    /// `st_mtime_nsec`: nanoseconds within the second.
    pub mtime_nsec: i64,
}

impl Stamp {
    /// The identity of the file `meta` describes; `None` where the platform has no inode
    /// numbers.
    pub fn of(meta: &fs::Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Stamp {
                ino: meta.ino(),
                mtime: meta.mtime(),
                mtime_nsec: meta.mtime_nsec(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

/// The hash the manifest records: 64 bits of foldhash's quality hasher with a fixed seed
/// (XXH3's 128 bits, built for the machine any x86-64 runs, took a third more time here).
/// Two different pages of one length at one path share a hash with a chance of about 2⁻⁶⁴; a
/// different hash after an upgrade only means every file is written once more.
pub fn hash(bytes: &[u8]) -> u64 {
    SEEDED.hash_one(bytes)
}

/// The streaming hash the manifest records for a file written piece by piece: foldhash's
/// quality hasher, fed each piece as written, with the seed of [`hash`]. Equal bytes written
/// in the same pieces hash the same; other pieces only mean the file is not carried over.
pub type Hasher = foldhash::quality::FoldHasher<'static>;

/// A new [`Hasher`].
pub fn hasher() -> Hasher {
    SEEDED.build_hasher()
}

/// How many bytes [`hash_copy`] hashes at a time.
const PIECE: u64 = 256 * 1024;

/// Which side of [`hash_copy`] failed.
#[derive(Debug)]
pub enum CopyError {
    /// Reading the source.
    Read(std::io::Error),
    /// Writing the copy.
    Write(std::io::Error),
}

/// Copies everything `from` reads, to its end, into `to`, and returns the streaming hash
/// ([`Hasher`]) and length of those bytes, fed in pieces of 256 KiB (the last shorter): the
/// hash the manifest records for a copied file, the same for the same bytes however the reads
/// fall. Into [`std::io::sink`], it only hashes.
///
/// # Errors
/// The first read or write error, as [`CopyError`].
pub fn hash_copy(
    from: &mut impl std::io::Read,
    to: &mut impl std::io::Write,
) -> Result<(u64, u64), CopyError> {
    use std::hash::Hasher as _;
    use std::io::Read;
    let mut hasher = hasher();
    let (mut len, mut piece) = (0, Vec::with_capacity(PIECE as usize));
    loop {
        piece.clear();
        let n = from
            .by_ref()
            .take(PIECE)
            .read_to_end(&mut piece)
            .map_err(CopyError::Read)?;
        if n == 0 {
            return Ok((hasher.finish(), len));
        }
        hasher.write(&piece);
        to.write_all(&piece).map_err(CopyError::Write)?;
        len += n as u64;
    }
}

const SEEDED: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(SEED);
const SEED: u64 = 0x6c61_6464_6572_626b;

/// The files of the build being replaced, by path.
#[derive(Debug, Default)]
pub struct Previous {
    /// The live build-dir.
    dir: PathBuf,
    files: HashMap<String, (u64, u64, Stamp)>,
    /// The owner, group and permission bits a file made by this build gets (the umask, the
    /// user that runs it): a file with others is never carried over, so a build run with
    /// another umask or by another user, or a `chmod` in the build-dir, is not kept.
    /// `None` until known: then nothing is carried over.
    made: Option<(u32, u32, u32)>,
}

/// Owner, group and permission bits of the file `meta` describes.
#[cfg(unix)]
fn access(meta: &fs::Metadata) -> Option<(u32, u32, u32)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.uid(), meta.gid(), meta.mode() & 0o7777))
}

#[cfg(not(unix))]
fn access(_: &fs::Metadata) -> Option<(u32, u32, u32)> {
    None
}

impl Previous {
    /// Nothing to link from: every file is written.
    pub fn none() -> Previous {
        Previous::default()
    }

    /// The manifest in the build-dir `dir`, if any. Lines that do not parse are left out;
    /// a manifest that cannot be read is the same as none.
    pub fn read(dir: &Path) -> Previous {
        let mut previous = Previous {
            dir: dir.to_path_buf(),
            ..Previous::default()
        };
        if !cfg!(unix) {
            return previous;
        }
        let Ok(text) = fs::read_to_string(dir.join(MANIFEST)) else {
            return previous;
        };
        previous.files = text
            .lines()
            .filter_map(parse_line)
            .map(|e| (e.path, (e.hash, e.len, e.stamp)))
            .collect();
        previous
    }

    /// Carries over only files with the owner, group and permissions of `made`, a file
    /// this build made.
    pub fn expect_like(&mut self, made: &fs::Metadata) {
        self.made = access(made);
    }

    /// How many files the manifest lists.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the manifest lists no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether a file of `len` bytes at `path` could be linked: the last build wrote one of
    /// that length there, and this build knows what its own files look like.
    pub fn may_link(&self, path: &str, len: u64) -> bool {
        self.made.is_some() && self.files.get(path).is_some_and(|&(_, l, _)| l == len)
    }

    /// Links `to` to the live file at `path` (`/`-separated, relative to the build-dir) if it
    /// holds bytes of this hash and length, has not been written since its build, and has
    /// the owner and permissions a file made now gets; returns its entry for the new
    /// manifest. `None` otherwise, and when the link fails (as it does when something is
    /// already at `to`): then the caller writes the file. Nothing is left at `to` that this
    /// made, unless it says so.
    ///
    /// # Errors
    /// A link that failed the checks and could not be removed again.
    pub fn link(
        &self,
        path: &str,
        hash: u64,
        len: u64,
        to: &Path,
    ) -> std::io::Result<Option<Entry>> {
        let Some(&(h, l, stamp)) = self.files.get(path) else {
            return Ok(None);
        };
        let Some(made) = self.made else {
            return Ok(None);
        };
        if (h, l) != (hash, len) || fs::hard_link(self.dir.join(path), to).is_err() {
            return Ok(None);
        }
        // Checked on the link, not on the live path before it: what was linked is what is
        // checked, even if the live file was replaced in between. Not following a symbolic
        // link: one put there is not the file that was written.
        let linked = fs::symlink_metadata(to).ok();
        let same = linked.is_some_and(|m| {
            m.is_file()
                && m.len() == len
                && Stamp::of(&m) == Some(stamp)
                && access(&m) == Some(made)
        });
        if !same {
            fs::remove_file(to)?;
            return Ok(None);
        }
        Ok(Some(Entry {
            path: path.to_string(),
            hash,
            len,
            stamp,
        }))
    }
}

/// The manifest's entries from what a build wrote, in the order written (see
/// [`crate::write::Output`]): for a path written more than once (a theme file, then a file
/// beside the content at its address) the last write's entry, none when that write could not
/// be carried over (`Err` with its path). Sorted by path.
pub fn last_per_path(mut written: Vec<Result<Entry, String>>) -> Vec<Entry> {
    fn path(w: &Result<Entry, String>) -> &str {
        match w {
            Ok(e) => &e.path,
            Err(p) => p,
        }
    }
    // Stable: each path's writes stay in the order written.
    written.sort_by(|a, b| path(a).cmp(path(b)));
    let mut kept = Vec::with_capacity(written.len());
    let mut rest = written.into_iter().peekable();
    while let Some(w) = rest.next() {
        if rest.peek().is_some_and(|next| path(next) == path(&w)) {
            continue;
        }
        kept.extend(w.ok());
    }
    kept
}

/// A manifest's text: one line per entry, sorted by path, each `hash len ino mtime
/// mtime_nsec path` (the hash in hexadecimal, the rest in decimal). Paths with a line break
/// are left out.
pub fn render(entries: &mut [Entry]) -> String {
    entries.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    let mut out = String::with_capacity(entries.len() * 96);
    for e in entries.iter().filter(|e| !e.path.contains(['\n', '\r'])) {
        use std::fmt::Write;
        let s = e.stamp;
        let _ = writeln!(
            out,
            "{:016x} {} {} {} {} {}",
            e.hash, e.len, s.ino, s.mtime, s.mtime_nsec, e.path
        );
    }
    out
}

fn parse_line(line: &str) -> Option<Entry> {
    let mut fields = line.splitn(6, ' ');
    let mut next = || fields.next();
    let hash = u64::from_str_radix(next()?, 16).ok()?;
    let len = next()?.parse().ok()?;
    let ino = next()?.parse().ok()?;
    let mtime = next()?.parse().ok()?;
    let mtime_nsec = next()?.parse().ok()?;
    let path = next().filter(|p| !p.is_empty())?.to_string();
    Some(Entry {
        path,
        hash,
        len,
        stamp: Stamp {
            ino,
            mtime,
            mtime_nsec,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, hash: u64) -> Entry {
        Entry {
            path: path.into(),
            hash,
            len: 12,
            stamp: Stamp {
                ino: 7,
                mtime: 1_796_358_491,
                mtime_nsec: 817_771_068,
            },
        }
    }

    #[test]
    fn a_manifest_reads_back_as_written_sorted_by_path_without_paths_that_break_lines() {
        let mut entries = vec![
            entry("levels/b/index.html", u64::MAX),
            entry("a file with spaces.css", 0),
            entry("bad\nname.html", 1),
        ];
        let text = render(&mut entries);
        let read: Vec<Entry> = text.lines().filter_map(parse_line).collect();
        assert_eq!(
            read,
            vec![
                entry("a file with spaces.css", 0),
                entry("levels/b/index.html", u64::MAX)
            ]
        );
    }

    #[test]
    fn a_path_written_twice_keeps_the_last_write_and_none_when_that_cannot_be_carried_over() {
        let (theme, copy) = (entry("style.css", 1), entry("style.css", 2));
        let a = entry("a.html", 3);
        let written = vec![
            Ok(theme.clone()),
            Ok(a.clone()),
            Ok(copy.clone()),
            Ok(entry("b.html", 4)),
            Err("b.html".to_string()),
            Err("c.html".to_string()),
        ];
        assert_eq!(last_per_path(written), vec![a.clone(), copy.clone()]);
        // Equal stamps (a file deleted and made again within one clock tick) change nothing.
        let written = vec![Ok(copy.clone()), Ok(theme.clone())];
        assert_eq!(last_per_path(written), vec![theme.clone()]);
    }

    #[test]
    fn a_copy_hashes_the_same_bytes_the_same_however_its_reads_fall() {
        /// Gives at most `step` bytes per read.
        struct Trickle<'a>(&'a [u8], usize);
        impl std::io::Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let bytes: Vec<u8> = (0..600_000u32).map(|i| (i % 251) as u8).collect();
        let mut copied = Vec::new();
        let whole = hash_copy(&mut &bytes[..], &mut copied).unwrap();
        assert_eq!(whole.1, 600_000);
        assert_eq!(copied, bytes);
        let trickled = hash_copy(&mut Trickle(&bytes, 4093), &mut std::io::sink()).unwrap();
        assert_eq!(trickled, whole);
        let mut other = bytes.clone();
        other[599_999] ^= 1;
        let other = hash_copy(&mut &other[..], &mut std::io::sink()).unwrap();
        assert_ne!(other.0, whole.0);
    }

    #[test]
    fn lines_that_do_not_parse_are_left_out() {
        for line in [
            "",
            "zz 12 7 1 2 index.html",
            "00ff 12 7 1 2",
            "00ff 12 7 1 2 ",
            "00ff -12 7 1 2 index.html",
            "00ff 12 7 1",
        ] {
            assert_eq!(parse_line(line), None, "{line:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_is_linked_only_with_the_same_bytes_and_an_untouched_identity() {
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        fs::create_dir_all(&old).unwrap();
        fs::create_dir_all(&new).unwrap();
        fs::write(old.join("a.html"), "<p>a</p>").unwrap();
        let stamp = Stamp::of(&fs::metadata(old.join("a.html")).unwrap()).unwrap();
        let mut entries = vec![Entry {
            path: "a.html".into(),
            hash: hash(b"<p>a</p>"),
            len: 8,
            stamp,
        }];
        fs::write(old.join(MANIFEST), render(&mut entries)).unwrap();
        let mut previous = Previous::read(&old);
        assert_eq!(previous.len(), 1);
        // Nothing is linked before the build says what its own files look like.
        let (h, l) = (hash(b"<p>a</p>"), 8);
        assert_eq!(
            previous.link("a.html", h, l, &new.join("a.html")).unwrap(),
            None
        );
        fs::write(new.join("probe"), "").unwrap();
        previous.expect_like(&fs::metadata(new.join("probe")).unwrap());

        // Other bytes of the same length: written, not linked.
        let (h, l) = (hash(b"<p>b</p>"), 8);
        assert_eq!(
            previous.link("a.html", h, l, &new.join("a.html")).unwrap(),
            None
        );
        // Another path: never linked.
        let (h, l) = (hash(b"<p>a</p>"), 8);
        assert_eq!(
            previous.link("b.html", h, l, &new.join("b.html")).unwrap(),
            None
        );
        // The same bytes: linked, with the old file's identity.
        let linked = previous
            .link("a.html", h, l, &new.join("a.html"))
            .unwrap()
            .unwrap();
        assert_eq!(linked.stamp, stamp);
        assert_eq!(fs::read(new.join("a.html")).unwrap(), b"<p>a</p>");
        fs::remove_file(new.join("a.html")).unwrap();
        // Other permissions than a file made now (a `chmod`, which leaves the time alone):
        // not linked, and nothing left behind.
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(old.join("a.html"))
            .unwrap()
            .permissions()
            .mode();
        let other = fs::Permissions::from_mode(mode ^ 0o004);
        fs::set_permissions(old.join("a.html"), other).unwrap();
        assert_eq!(
            previous.link("a.html", h, l, &new.join("a.html")).unwrap(),
            None
        );
        assert!(!new.join("a.html").exists());
        fs::set_permissions(old.join("a.html"), fs::Permissions::from_mode(mode)).unwrap();
        assert!(previous
            .link("a.html", h, l, &new.join("a.html"))
            .unwrap()
            .is_some());
        fs::remove_file(new.join("a.html")).unwrap();
        // Replaced since by a file with the same bytes, as an editor saves (written beside
        // it while it still exists, so with another inode, then renamed over it): not linked.
        fs::write(old.join("a.html.tmp"), "<p>a</p>").unwrap();
        fs::rename(old.join("a.html.tmp"), old.join("a.html")).unwrap();
        assert_eq!(
            previous.link("a.html", h, l, &new.join("a.html")).unwrap(),
            None
        );
        assert!(!new.join("a.html").exists());
    }
}
