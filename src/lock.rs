//! `ladder.lock`: the addresses a ladder has published, kept beside `book.toml` and committed
//! with it (as `Cargo.lock` is), so that a link that once worked keeps working.
//!
//! `build` writes it after every successful build; `check`, `build` and `serve` read it.
//! It remembers every page address (levels, pillars, tracks, free pages) and every
//! expectation anchor with the expectation's text at the time, which lets the next build
//! give an expectation the same anchor after insertions, reorders, moves and rewordings
//! (see [`crate::anchors`]), and report an address that disappeared.
//!
//! The format is plain lines, one address each, sorted, so that a change to the ladder
//! reads as a small diff in review:
//!
//! ```text
//! page levels/engineer-1/
//! anchor engineer-1 craft 3 Writes tests at the right level, …
//! ```
//!
//! Lines starting with `#` are comments. An `anchor` line holds the level id, the pillar id,
//! the expectation's number (its anchor is `<pillar>--<number>`) and its text, whitespace
//! collapsed. A `retired` line (level, pillar, number) is an anchor removed on purpose,
//! whose number is never given again.

use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use std::collections::BTreeSet;
use std::io::BufRead as _;
use std::path::Path;

/// The lockfile's name, beside `book.toml`.
pub const FILE_NAME: &str = "ladder.lock";

/// What a ladder has published.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lock {
    /// Page addresses, relative to the site root (`levels/engineer-1/`).
    pub pages: BTreeSet<String>,
    /// Expectation anchors, in (level, pillar, number) order.
    pub anchors: Vec<LockedAnchor>,
}

/// One published expectation anchor; its ids and text owned (`String`), or borrowed (`&str`)
/// from a ladder whose lock is only written (see [`render_parts`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LockedAnchor<S = String> {
    /// The level's id.
    pub level: S,
    /// The pillar's id.
    pub pillar: S,
    /// The anchor's number: the anchor is `<pillar>--<number>`.
    pub number: usize,
    /// The expectation's plain text when it was published (empty when retired).
    pub text: S,
    /// Removed on purpose (`build --accept-removals`): the number stays taken, so that a
    /// new expectation never answers an old link, and the anchor is no longer reported.
    pub retired: bool,
}

const HEADER: &str = "\
# ladder.lock: every address this ladder has published, written by `ladderbook build`.
# Commit it with the ladder. It keeps each expectation's anchor when expectations are
# inserted, reordered or reworded, and makes `check` and `build` report an address that
# disappears. Do not edit it by hand: `ladderbook build --accept-removals` drops the
# addresses of what you removed on purpose.
";

/// Reads `root/ladder.lock`; `None` when there is none. A line that cannot be read is an
/// error with its line; the rest is still read.
///
/// The file is read a line at a time into one buffer: a large ladder's lockfile (6 MB for
/// 30,000 expectations) is never held whole beside what is read from it.
pub fn read(root: &Path, diags: &mut Diagnostics) -> Option<Lock> {
    let path = root.join(FILE_NAME);
    if !path.is_file() {
        return None;
    }
    let mut lock = Lock::default();
    // Numbers of the lines that are not what `build` writes, and of git's conflict markers.
    let mut wrong = Vec::new();
    let mut markers = Vec::new();
    let read = std::fs::File::open(&path).and_then(|file| {
        let mut file = std::io::BufReader::new(file);
        let mut line = String::new();
        for n in 1.. {
            line.clear();
            if file.read_line(&mut line)? == 0 {
                break;
            }
            // As `str::lines` ends a line: at `\n` or `\r\n`.
            let text = line
                .strip_suffix('\n')
                .map_or(line.as_str(), |l| l.strip_suffix('\r').unwrap_or(l));
            if conflict_marker(text) {
                markers.push(n);
            } else if !read_line(&mut lock, text) {
                wrong.push(n);
            }
        }
        Ok(())
    });
    if let Err(e) = read {
        diags.push(Diagnostic::error(
            "io",
            display_path(root, &path),
            (1, 1),
            format!("cannot read {FILE_NAME}: {e}"),
            "make it readable, or delete it: the next build writes it again",
        ));
        return None;
    }
    let shown = display_path(root, &path);
    if let Some(&first) = markers.first() {
        // Both sides' lines are read: each is an address one branch published.
        diags.push(Diagnostic::error(
            "merge-conflict",
            shown.clone(),
            (first, 1),
            format!(
                "an unresolved merge conflict: git's `<<<<<<<`, `=======` and `>>>>>>>` lines (lines {})",
                markers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
            ),
            format!("{FILE_NAME} lists what each branch published, so keep the lines of both sides and delete only the marker lines, then run `ladderbook check`; do not delete the file, which keeps each published anchor on its expectation"),
        ));
    }
    for n in wrong {
        diags.push(Diagnostic::error(
            "lock-syntax",
            shown.clone(),
            (n, 1),
            "this line is not `page <address>`, `anchor <level> <pillar> <number> <text>` or `retired <level> <pillar> <number>`",
            format!("{FILE_NAME} is written by `ladderbook build`: undo the edit (`git checkout {FILE_NAME}`); deleting the file would let published anchors land on other expectations"),
        ));
    }
    // Anchors that compare equal are equal in every field, so an unstable sort (which
    // needs no memory of its own) gives the same order; a lockfile is written sorted.
    lock.anchors.sort_unstable();
    let twice = numbered_twice(&lock);
    // Read again only to say where: the lines are not kept while reading.
    let text = if twice.is_empty() {
        String::new()
    } else {
        crate::files::read_to_string(&path).unwrap_or_default()
    };
    for (a, b) in twice {
        let anchor = format!(
            "/{}#{}",
            crate::permalink::level(&a.level),
            crate::permalink::expectation_anchor(&a.pillar, a.number)
        );
        // One branch reworded the expectation the other left as it was: one expectation.
        let (message, hint) = if crate::compare::similarity(&a.text, &b.text) >= 0.5 {
            (
                format!("the anchor {anchor} has two texts, \"{}\" and \"{}\", as when one branch reworded the expectation and the lockfiles were merged", short(&a.text), short(&b.text)),
                "keep the `anchor` line whose text the expectation now has and delete the other",
            )
        } else {
            (
                format!("the anchor {anchor} is given to two expectations, \"{}\" and \"{}\", as when two branches each added one and their lockfiles were merged", short(&a.text), short(&b.text)),
                "keep the `anchor` line of the one that was published (links to it are out there) and delete the other's: the next build gives that expectation a number of its own",
            )
        };
        diags.push(Diagnostic::error(
            "lock-conflict",
            shown.clone(),
            (line_of(&text, a).unwrap_or(1), 1),
            message,
            hint,
        ));
    }
    Some(lock)
}

/// The first 60 characters of an expectation's text, `…` after them when there are more.
pub fn short(text: &str) -> String {
    let mut start: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        start.push('…');
    }
    start
}

/// Whether `line` is one of git's conflict markers (see [`crate::files::conflict_marker`]),
/// which no line `build` writes starts with.
fn conflict_marker(line: &str) -> bool {
    crate::files::conflict_marker(line).is_some()
}

/// Pairs of anchors of `lock` (sorted) that give one number of a cell to two texts, neither
/// retired: a lock two branches wrote, merged line by line.
fn numbered_twice(lock: &Lock) -> Vec<(&LockedAnchor, &LockedAnchor)> {
    lock.anchors
        .windows(2)
        .filter(|w| {
            let (a, b) = (&w[0], &w[1]);
            (&a.level, &a.pillar, a.number) == (&b.level, &b.pillar, b.number)
                && !a.retired
                && !b.retired
                && a.text != b.text
        })
        .map(|w| (&w[0], &w[1]))
        .collect()
}

/// The 1-based line of the lockfile's `text` that writes `anchor`.
fn line_of(text: &str, anchor: &LockedAnchor) -> Option<usize> {
    let prefix = format!(
        "anchor {} {} {} ",
        anchor.level, anchor.pillar, anchor.number
    );
    text.lines()
        .position(|l| l.starts_with(&prefix))
        .map(|i| i + 1)
}

/// The lock a lockfile's `text` describes, its lines that are not what `build` writes left
/// out (see [`read`], which reports them).
pub fn parse(text: &str) -> Lock {
    let mut lock = Lock::default();
    for line in text.lines() {
        read_line(&mut lock, line);
    }
    lock.anchors.sort_unstable();
    lock
}

/// The entries of the `ladder.lock` that the first build of `ladderbook init`'s starter ladder
/// ([`crate::init::starter`]) writes (`tests/cli.rs` checks that it is).
const STARTER_LOCK: &str = "\
page about/
page compare/engineer/senior-engineer/
page levels/engineer/
page levels/senior-engineer/
page pillars/collaboration/
page pillars/craft/
page tracks/ic/
anchor engineer collaboration 1 Gives and receives code review with care.
anchor engineer collaboration 2 Keeps the team informed of progress and blockers.
anchor engineer craft 1 Writes clear, tested code for well-scoped tasks.
anchor engineer craft 2 Asks for help early when stuck, with what they have tried.
anchor senior-engineer collaboration 1 Mentors newer engineers through review and pairing.
anchor senior-engineer collaboration 2 Works with product and design to shape what gets built.
anchor senior-engineer craft 1 Designs features that stay easy to change, and explains the trade-offs.
anchor senior-engineer craft 2 Improves the team’s tooling and practices where it pays off.
";

/// Whether `lock` holds nothing but addresses of `init`'s starter ladder: its pages, and
/// anchors of its expectations in its words (wherever they moved, however they were
/// numbered): the lock of a ladder that has only ever been built as `init` wrote it, or with
/// parts of that removed or moved. Such addresses were never the author's to publish, so the
/// ladder is checked and built as if there were no lock: replacing the starter with one's
/// own ladder is not a removal of published pages. An expectation in the author's own words
/// makes the lock theirs.
pub fn is_starter(lock: &Lock) -> bool {
    static STARTER: std::sync::OnceLock<Lock> = std::sync::OnceLock::new();
    let starter = STARTER.get_or_init(|| parse(STARTER_LOCK));
    !lock.pages.is_empty()
        && lock.pages.is_subset(&starter.pages)
        && lock
            .anchors
            .iter()
            .all(|a| !a.retired && starter.anchors.iter().any(|s| s.text == a.text))
}

/// Adds what one line of a lockfile says to `lock`; false when the line is not what
/// `build` writes. Empty lines and comments say nothing.
fn read_line(lock: &mut Lock, line: &str) -> bool {
    if line.is_empty() || line.starts_with('#') {
        return true;
    }
    match line.split_once(' ') {
        Some(("page", page)) if !page.is_empty() => {
            lock.pages.insert(page.to_string());
            true
        }
        Some((kind @ ("anchor" | "retired"), rest)) => {
            let mut f = rest.splitn(4, ' ');
            match (
                f.next(),
                f.next(),
                f.next().and_then(|n| n.parse().ok()),
                f.next(),
            ) {
                (Some(level), Some(pillar), Some(number), text) => {
                    lock.anchors.push(LockedAnchor {
                        level: level.into(),
                        pillar: pillar.into(),
                        number,
                        text: text.unwrap_or_default().into(),
                        retired: kind == "retired",
                    });
                    true
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// The lockfile's text for `lock`.
pub fn render(lock: &Lock) -> String {
    render_parts(&lock.pages, &lock.anchors)
}

/// [`render`] of the lock of `pages` and `anchors` (in any order).
pub fn render_parts<S: AsRef<str> + Ord>(
    pages: &BTreeSet<String>,
    anchors: &[LockedAnchor<S>],
) -> String {
    let anchors = sorted(anchors);
    // The text's length when every anchor's text is already collapsed (as an expectation's
    // plain text is), so that it is written without growing.
    let length = HEADER.len()
        + pages
            .iter()
            .map(|p| "page \n".len() + p.len())
            .sum::<usize>()
        + anchors.iter().map(|a| line_length(a)).sum::<usize>();
    let mut out = String::with_capacity(length);
    out.push_str(HEADER);
    for p in pages {
        out.push_str("page ");
        out.push_str(p);
        out.push('\n');
    }
    for a in anchors {
        out.push_str(if a.retired { "retired " } else { "anchor " });
        out.push_str(a.level.as_ref());
        out.push(' ');
        out.push_str(a.pillar.as_ref());
        out.push(' ');
        out.push_str(itoa::Buffer::new().format(a.number));
        // The text, whitespace collapsed, after a space when it has any words.
        let text = a.text.as_ref();
        if crate::markdown::is_collapsed(text) {
            if !text.is_empty() {
                out.push(' ');
                out.push_str(text);
            }
        } else {
            for word in text.split_whitespace() {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('\n');
    }
    out
}

/// `anchors` in order (level, pillar, number, then text and retired), sorted by one number
/// made of the level's and the pillar's places among the ids and the anchor's number, which
/// compares as (level, pillar, number) do. The ids are looked up once for each run of
/// anchors of one level and pillar (a competency's). Anchors that compare equal write the
/// same line, so their order among themselves does not matter.
fn sorted<S: AsRef<str> + Ord>(anchors: &[LockedAnchor<S>]) -> Vec<&LockedAnchor<S>> {
    fn places<'a>(ids: impl Iterator<Item = &'a str>) -> foldhash::HashMap<&'a str, u128> {
        let mut ids: Vec<&str> = ids.collect();
        ids.dedup();
        let mut ids: Vec<&str> = ids
            .into_iter()
            .collect::<foldhash::HashSet<_>>()
            .into_iter()
            .collect();
        ids.sort_unstable();
        (0..).zip(ids).map(|(i, id)| (id, i)).collect()
    }
    let levels = places(anchors.iter().map(|a| a.level.as_ref()));
    let pillars = places(anchors.iter().map(|a| a.pillar.as_ref()));
    let mut run: Option<(&str, &str, u128)> = None;
    let mut keyed: Vec<(u128, &LockedAnchor<S>)> = Vec::with_capacity(anchors.len());
    for a in anchors {
        let (level, pillar) = (a.level.as_ref(), a.pillar.as_ref());
        let cell = match run {
            Some((l, p, cell)) if l == level && p == pillar => cell,
            _ => {
                let cell = levels[level] << 96 | pillars[pillar] << 64;
                run = Some((level, pillar, cell));
                cell
            }
        };
        // A usize fits in 64 bits.
        keyed.push((cell | a.number as u128, a));
    }
    // Each competency's anchors come together, in order: sorting these runs (each of one
    // level and pillar) by their first anchor sorts them all, unless two runs overlap; then
    // everything is sorted.
    let mut runs: Vec<&[(u128, &LockedAnchor<S>)]> = keyed
        .chunk_by(|a, b| a.0 >> 64 == b.0 >> 64 && a <= b)
        .collect();
    runs.sort_unstable_by(|a, b| a[0].cmp(&b[0]));
    if runs.windows(2).all(|w| w[0].last() <= w[1].first()) {
        return runs.into_iter().flatten().map(|(_, a)| *a).collect();
    }
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, a)| a).collect()
}

/// The length of `a`'s line, when its text is collapsed: kind, level, pillar, number and
/// text (if any), each after a space but the first, and the line break.
fn line_length<S: AsRef<str>>(a: &LockedAnchor<S>) -> usize {
    let kind = if a.retired { "retired" } else { "anchor" };
    let digits = a.number.checked_ilog10().map_or(1, |l| l as usize + 1);
    let text = match a.text.as_ref() {
        "" => 0,
        t => 1 + t.len(),
    };
    let (level, pillar) = (a.level.as_ref(), a.pillar.as_ref());
    kind.len() + 1 + level.len() + 1 + pillar.len() + 1 + digits + text + 1
}

/// Writes `text` (see [`render`]) to `root/ladder.lock` when it differs from the file's.
///
/// # Errors
/// The file cannot be written.
pub fn write_text(root: &Path, text: &str) -> std::io::Result<()> {
    if is_current(root, text) {
        return Ok(());
    }
    replace(root, text)
}

/// What tells one version of `root/ladder.lock` from another without reading it: (size in
/// bytes, modification time where the platform keeps one, inode on Unix or 0 elsewhere),
/// which a rewrite, a rename over it or a `git checkout` changes. `None` when the file's
/// metadata cannot be read (no file, say).
pub fn version(root: &Path) -> Option<(u64, Option<std::time::SystemTime>, u64)> {
    let m = std::fs::metadata(root.join(FILE_NAME)).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some((m.len(), m.modified().ok(), inode))
}

/// Whether `root/ladder.lock` holds `text` byte for byte: `false` if it cannot be read. The
/// file is compared a piece at a time, never held whole.
pub fn is_current(root: &Path, text: &str) -> bool {
    let Ok(file) = crate::files::open(&root.join(FILE_NAME)) else {
        return false;
    };
    if file.metadata().map(|m| m.len()).ok() != u64::try_from(text.len()).ok() {
        return false;
    }
    let (mut file, mut rest) = (
        std::io::BufReader::with_capacity(64 * 1024, file),
        text.as_bytes(),
    );
    loop {
        let piece = match file.fill_buf() {
            Ok(piece) => piece,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        };
        if piece.is_empty() {
            return rest.is_empty();
        }
        let n = piece.len();
        match rest.split_at_checked(n) {
            Some((same, after)) if same == piece => rest = after,
            _ => return false,
        }
        file.consume(n);
    }
}

/// Writes `text` to `root/ladder.lock` whatever the file holds (a temporary sibling renamed
/// over it, so a reader never sees half a file); [`write_text`] writes only a change.
///
/// # Errors
/// The file cannot be written.
pub fn replace(root: &Path, text: &str) -> std::io::Result<()> {
    let path = root.join(FILE_NAME);
    let tmp = root.join(format!(".{FILE_NAME}.{}", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review 34 R34-08, R34-09: git's diff3 marker (`|||||||`) was a line that "is not
    /// `page …`", and an expectation one branch reworded was "given to two expectations".
    #[test]
    fn merged_lockfiles_are_read_for_what_each_side_did() {
        assert!(conflict_marker("||||||| merged common ancestors"));
        assert!(conflict_marker("<<<<<<< HEAD") && conflict_marker("======="));
        assert!(!conflict_marker("anchor a b 1 <<<<<<< text"));
        let tmp = tempfile::tempdir().unwrap();
        let messages = |lock: &str| {
            std::fs::write(tmp.path().join(FILE_NAME), lock).unwrap();
            let mut diags = Diagnostics::default();
            read(tmp.path(), &mut diags);
            diags
                .0
                .iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
        };
        let reworded = messages("anchor baker dough 3 Mixes the dough by the recipe card.\nanchor baker dough 3 Mixes the dough by the recipe card, weighed.\n");
        assert_eq!(reworded.len(), 1, "{reworded:?}");
        assert!(reworded[0].contains("has two texts"), "{reworded:?}");
        let added = messages("anchor baker dough 3 Mixes the dough by the recipe card.\nanchor baker dough 3 Cleans the ovens at night.\n");
        assert!(
            added[0].contains("is given to two expectations"),
            "{added:?}"
        );
    }

    /// The plainest way of writing `lock`.
    fn plainly(lock: &Lock) -> String {
        let mut out = String::from(HEADER);
        for p in &lock.pages {
            out.push_str(&format!("page {p}\n"));
        }
        let mut sorted = lock.anchors.clone();
        sorted.sort();
        for a in &sorted {
            let kind = if a.retired { "retired" } else { "anchor" };
            let words: Vec<&str> = a.text.split_whitespace().collect();
            let line = format!(
                "{kind} {} {} {} {}",
                a.level,
                a.pillar,
                a.number,
                words.join(" ")
            );
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    #[test]
    fn anchors_are_written_sorted_with_their_text_collapsed() {
        // Against the plainest way of writing them, on pseudo-random anchors: ids that sort
        // differently as text and as numbers, repeated numbers, retired ones, text with runs
        // of whitespace, other whitespace characters and none at all; in any order, and as a
        // ladder gives them (each cell's together, numbered in order, cells in any order),
        // with and without retired anchors of those cells after them.
        let ids = ["e1", "e10", "e2", "a", "a-b", "ab", "b"];
        let texts = [
            "",
            "Writes tests.",
            "  Writes\ttests\n ",
            "x\u{a0}y",
            "’Tis  done",
            " ",
        ];
        let mut random = crate::compare::tests::xorshift(0x10c_4ed5);
        let mut pick = |n: usize| random(n as u64) as usize;
        for round in 0..60 {
            let mut anchors = Vec::new();
            let cells = if round % 3 == 0 { 300 } else { 1 + pick(30) };
            for _ in 0..cells {
                let (level, pillar) = (ids[pick(ids.len())], ids[pick(ids.len())]);
                let (first, count) = if round % 3 == 0 {
                    (pick(12), 1)
                } else {
                    (1, pick(6))
                };
                for number in first..first + count {
                    anchors.push(LockedAnchor {
                        level: level.into(),
                        pillar: pillar.into(),
                        number,
                        text: texts[pick(texts.len())].into(),
                        retired: round % 3 == 0 && pick(4) == 0,
                    });
                }
            }
            if round % 3 == 2 {
                let mut retired: Vec<LockedAnchor> = anchors.iter().step_by(5).cloned().collect();
                for a in &mut retired {
                    (a.number, a.text, a.retired) = (a.number + pick(3), String::new(), true);
                }
                anchors.extend(retired);
            }
            let lock = Lock {
                pages: ["levels/e1/".to_string(), "b/".to_string()].into(),
                anchors,
            };
            assert_eq!(render(&lock), plainly(&lock), "round {round}");
        }
    }

    #[test]
    fn a_lock_reads_back_as_written() {
        let lock = Lock {
            pages: ["levels/e1/".to_string(), "pillars/craft/".to_string()].into(),
            anchors: vec![LockedAnchor {
                level: "e1".into(),
                pillar: "craft".into(),
                number: 3,
                text: "Writes  tests\nat the right level.".into(),
                retired: false,
            }],
        };
        let dir = tempfile::tempdir().unwrap();
        write_text(dir.path(), &render(&lock)).unwrap();
        let mut diags = Diagnostics::default();
        let back = read(dir.path(), &mut diags).unwrap();
        assert!(diags.0.is_empty());
        assert_eq!(back.pages, lock.pages);
        assert_eq!(back.anchors[0].text, "Writes tests at the right level.");
        std::fs::write(
            dir.path().join(FILE_NAME),
            "page x/\nanchor e1 craft three oops\n",
        )
        .unwrap();
        read(dir.path(), &mut diags);
        assert_eq!(diags.0.len(), 1);
        assert_eq!(diags.0[0].line, 2);
        // Saved with Windows line ends, it reads the same; not UTF-8, it does not read.
        let text = render(&lock).replace('\n', "\r\n");
        std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
        assert_eq!(read(dir.path(), &mut diags), Some(back));
        std::fs::write(dir.path().join(FILE_NAME), b"page a/\npage \xff/\n").unwrap();
        assert_eq!(read(dir.path(), &mut diags), None);
        assert_eq!((diags.0.len(), diags.0[1].code), (2, "io"));
    }

    #[test]
    fn a_lockfile_is_current_only_when_it_holds_the_text_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        // Longer than one piece of the comparison, so a difference in a later piece counts.
        let text: String = (0..20_000)
            .map(|i| format!("page levels/l{i}/\n"))
            .collect();
        assert!(text.len() > 3 * 64 * 1024);
        assert!(!is_current(dir.path(), &text), "no file yet");
        write_text(dir.path(), &text).unwrap();
        assert!(is_current(dir.path(), &text));
        let mut later = text.clone().into_bytes();
        let at = later.len() - 100;
        later[at] = b'X';
        let later = String::from_utf8(later).unwrap();
        assert!(
            !is_current(dir.path(), &later),
            "one byte differs, in the last piece"
        );
        assert!(
            !is_current(dir.path(), &text[..text.len() - 1]),
            "one byte shorter"
        );
        assert!(
            !is_current(dir.path(), &format!("{text}x")),
            "one byte longer"
        );
        replace(dir.path(), &later).unwrap();
        assert!(is_current(dir.path(), &later));
        assert!(!is_current(dir.path(), &text));
    }
}
