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
/// nanoseconds since the Unix epoch). A write to the file changes the time; replacing it
/// changes the inode; a hard link to it changes neither.
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

/// How many bytes [`hash_read`] hashes at a time.
const PIECE: u64 = 256 * 1024;

/// The streaming hash ([`Hasher`]) and length of everything `from` reads to its end, fed in
/// pieces of 256 KiB (the last shorter): the hash the manifest records for a copied file, the
/// same for the same bytes however the reads fall.
///
/// # Errors
/// A read error.
pub fn hash_read(from: &mut impl std::io::Read) -> std::io::Result<(u64, u64)> {
    use std::hash::Hasher as _;
    use std::io::Read;
    let mut hasher = hasher();
    let (mut len, mut piece) = (0, Vec::with_capacity(PIECE as usize));
    loop {
        piece.clear();
        let n = from.by_ref().take(PIECE).read_to_end(&mut piece)?;
        if n == 0 {
            return Ok((hasher.finish(), len));
        }
        hasher.write(&piece);
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

    /// Links `to` to the live file at `path` (`/`-separated, relative to the build-dir) if it
    /// holds bytes of this hash and length, has not been written since its build, and has
    /// the owner and permissions a file made now gets; returns its entry for the new
    /// manifest. `None` (and nothing at `to`) otherwise, and when the link fails: then the
    /// caller writes the file.
    pub fn link(&self, path: &str, hash: u64, len: u64, to: &Path) -> Option<Entry> {
        let &(h, l, stamp) = self.files.get(path)?;
        let made = self.made?;
        if (h, l) != (hash, len) {
            return None;
        }
        fs::hard_link(self.dir.join(path), to).ok()?;
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
            let _ = fs::remove_file(to);
            return None;
        }
        Some(Entry {
            path: path.to_string(),
            hash,
            len,
            stamp,
        })
    }
}

/// Keeps one entry per path in `entries`: a path written twice (a theme file and a copy of
/// the same name) keeps the entry of the file now at that path in the folder `dir`, or none
/// when no entry is that file's. Sorts `entries` by path.
pub fn keep_current(dir: &Path, entries: &mut Vec<Entry>) {
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
    let mut rest = entries.drain(..).peekable();
    while let Some(first) = rest.next() {
        if rest.peek().is_none_or(|next| next.path != first.path) {
            kept.push(first);
            continue;
        }
        let mut same = vec![first];
        while let Some(e) = rest.next_if(|e| e.path == same[0].path) {
            same.push(e);
        }
        let now = fs::symlink_metadata(dir.join(&same[0].path))
            .ok()
            .and_then(|m| Stamp::of(&m));
        kept.extend(same.into_iter().rev().find(|e| Some(e.stamp) == now));
    }
    drop(rest);
    *entries = kept;
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

    #[cfg(unix)]
    #[test]
    fn a_path_written_twice_keeps_the_entry_of_the_file_now_there() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        fs::write(dir.join("style.css"), "theme").unwrap();
        let stamp = |p: &str| Stamp::of(&fs::metadata(dir.join(p)).unwrap()).unwrap();
        let theme = Entry {
            path: "style.css".into(),
            hash: 1,
            len: 5,
            stamp: stamp("style.css"),
        };
        // Written again as a new file (another inode), as a copy over a theme file is.
        fs::remove_file(dir.join("style.css")).unwrap();
        fs::write(dir.join("style.css"), "copy!").unwrap();
        fs::write(dir.join("a.html"), "a").unwrap();
        let copy = Entry {
            hash: 2,
            stamp: stamp("style.css"),
            ..theme.clone()
        };
        let a = Entry {
            path: "a.html".into(),
            len: 1,
            stamp: stamp("a.html"),
            ..theme.clone()
        };
        for order in [
            vec![theme.clone(), a.clone(), copy.clone()],
            vec![copy.clone(), theme.clone(), a.clone()],
        ] {
            let mut entries = order;
            keep_current(dir, &mut entries);
            assert_eq!(entries, vec![a.clone(), copy.clone()]);
        }
        // Neither is the file there now: neither is kept.
        let mut entries = vec![theme.clone(), theme.clone(), a.clone()];
        keep_current(dir, &mut entries);
        assert_eq!(entries, vec![a.clone()]);
    }

    #[test]
    fn a_read_hashes_the_same_bytes_the_same_however_its_reads_fall() {
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
        let whole = hash_read(&mut &bytes[..]).unwrap();
        assert_eq!(whole.1, 600_000);
        assert_eq!(hash_read(&mut Trickle(&bytes, 4093)).unwrap(), whole);
        let mut other = bytes.clone();
        other[599_999] ^= 1;
        assert_ne!(hash_read(&mut &other[..]).unwrap().0, whole.0);
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
        assert_eq!(previous.link("a.html", h, l, &new.join("a.html")), None);
        fs::write(new.join("probe"), "").unwrap();
        previous.expect_like(&fs::metadata(new.join("probe")).unwrap());

        // Other bytes of the same length: written, not linked.
        let (h, l) = (hash(b"<p>b</p>"), 8);
        assert_eq!(previous.link("a.html", h, l, &new.join("a.html")), None);
        // Another path: never linked.
        let (h, l) = (hash(b"<p>a</p>"), 8);
        assert_eq!(previous.link("b.html", h, l, &new.join("b.html")), None);
        // The same bytes: linked, with the old file's identity.
        let linked = previous.link("a.html", h, l, &new.join("a.html")).unwrap();
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
        assert_eq!(previous.link("a.html", h, l, &new.join("a.html")), None);
        assert!(!new.join("a.html").exists());
        fs::set_permissions(old.join("a.html"), fs::Permissions::from_mode(mode)).unwrap();
        assert!(previous.link("a.html", h, l, &new.join("a.html")).is_some());
        fs::remove_file(new.join("a.html")).unwrap();
        // Replaced since by a file with the same bytes, as an editor saves (written beside
        // it while it still exists, so with another inode, then renamed over it): not linked.
        fs::write(old.join("a.html.tmp"), "<p>a</p>").unwrap();
        fs::rename(old.join("a.html.tmp"), old.join("a.html")).unwrap();
        assert_eq!(previous.link("a.html", h, l, &new.join("a.html")), None);
        assert!(!new.join("a.html").exists());
    }
}
