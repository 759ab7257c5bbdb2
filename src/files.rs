//! Reading the ladder's own files: only regular files are ever read.
//!
//! A FIFO, socket or device where a source file is expected (`book.toml`, a template, a
//! content or static file) would make a plain `open` wait forever for a writer, and a build,
//! `check` or `serve`'s rebuild thread with it. Files are opened without blocking, then
//! refused unless the opened handle is a regular file (checked on the handle, not the name,
//! so a file swapped for a FIFO between a folder walk and the read is refused too).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` for reading, following symbolic links, if it is a regular file.
///
/// # Errors
/// Any error of `open`; `InvalidInput` ("not a regular file: a named pipe (FIFO)", …) for
/// anything but a regular file.
pub fn open(path: &Path) -> io::Result<File> {
    open_sized(path).map(|(file, _)| file)
}

/// [`open`], with the file's size in bytes when it was opened.
fn open_sized(path: &Path) -> io::Result<(File, u64)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading waits for a writer unless O_NONBLOCK is set; for a
        // regular file the flag changes nothing.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok((file, metadata.len()));
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file: {}", kind_name(kind)),
    ))
}

/// The whole of the regular file at `path`; see [`open`].
///
/// # Errors
/// See [`open`]; any read error; `OutOfMemory` for a file too large to hold.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let (file, len) = open_sized(path)?;
    // Room for the whole file and the read that finds its end, reserved so that a file too
    // large for memory is an error to report rather than an abort. Through `Take`, the
    // standard library's read of a `File` does not ask the file system for its size and
    // position again: `open` has the size, and a large ladder has thousands of files.
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(usize::try_from(len).map_or(usize::MAX, |n| n.saturating_add(1)))?;
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The whole of the regular file at `path` as UTF-8 text; see [`open`].
///
/// # Errors
/// See [`read`]; `InvalidData` for text that is not UTF-8.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read(path)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))
}

/// What is wrong with `bytes`, text that is valid UTF-8 only up to byte `good`: UTF-16 (by
/// its byte order mark, which Windows editors write, or by a NUL byte beside every ASCII
/// one), or the first byte that is not UTF-8.
pub fn not_utf8(bytes: &[u8], good: usize) -> String {
    let utf16 = match bytes {
        [0xff, 0xfe, ..] => Some("little-endian"),
        [0xfe, 0xff, ..] => Some("big-endian"),
        [a, 0, b, 0, ..] if a.is_ascii() && b.is_ascii() && *a != 0 => Some("little-endian"),
        [0, a, 0, b, ..] if a.is_ascii() && b.is_ascii() && *a != 0 => Some("big-endian"),
        _ => None,
    };
    match (utf16, bytes.get(good)) {
        (Some(order), _) => format!("the file is UTF-16 ({order}) text, not UTF-8"),
        (None, Some(b)) => format!("the file is not UTF-8 text (invalid byte 0x{b:02x})"),
        (None, None) => "the file is not UTF-8 text".to_string(),
    }
}

/// What binary file `bytes` look like, by the signature they open with (a Word document or
/// any Office file is a zip archive), or by a NUL byte in their first 8,000 bytes, as Git
/// tells binary files from text; `None` for text (in any encoding but UTF-16, which has NULs
/// and is told apart by [`not_utf8`]).
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "a zip archive (a Word, Excel or PowerPoint file is one)",
        ),
        (b"%PDF", "a PDF"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(s, _)| bytes.starts_with(s)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8000)];
    let utf16 = matches!(head, [0xff, 0xfe, ..] | [0xfe, 0xff, ..])
        || head.len() >= 4 && (head[1] == 0) != (head[0] == 0);
    (!utf16 && head.contains(&0)).then_some("a binary file")
}

/// The error for a source file of the ladder in `root` that cannot be read.
pub fn unreadable(root: &Path, path: &Path, e: &io::Error) -> crate::diagnostic::Diagnostic {
    crate::diagnostic::Diagnostic::error(
        "io",
        crate::diagnostic::display_path(root, path),
        (1, 1),
        format!("cannot read the file: {e}"),
        if e.kind() == io::ErrorKind::InvalidInput {
            "replace it with a regular file"
        } else {
            "check the file's permissions"
        },
    )
}

/// What a file that is not a regular file is, for an error message.
fn kind_name(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "neither a file nor a folder"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_named_as_such_and_other_bytes_by_value() {
        let le: Vec<u8> = "\u{feff}+++"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "+++".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let le_bare: Vec<u8> = "+++".encode_utf16().flat_map(u16::to_le_bytes).collect();
        for (bytes, order) in [(&le, "little"), (&be, "big"), (&le_bare, "little")] {
            let good = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
            assert_eq!(
                not_utf8(bytes, good),
                format!("the file is UTF-16 ({order}-endian) text, not UTF-8")
            );
        }
        assert_eq!(
            not_utf8(b"caf\xe9", 3),
            "the file is not UTF-8 text (invalid byte 0xe9)"
        );
    }

    #[test]
    fn a_fifo_or_a_folder_is_refused_at_once_and_a_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("book.toml");
        std::fs::write(&file, "x = 1\n").unwrap();
        assert_eq!(read_to_string(&file).unwrap(), "x = 1\n");
        let e = read(dir.path()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("a folder"), "{e}");
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
            let e = read(&fifo).unwrap_err();
            assert!(e.to_string().contains("named pipe"), "{e}");
        }
    }
}

/// One of git's conflict markers, as `git merge` leaves them in a file (see
/// [`conflict_marker`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictMarker {
    /// `<<<<<<< HEAD`: our side's lines follow.
    Ours,
    /// `||||||| base`: the common ancestor's lines follow (git's `diff3` and `zdiff3` styles).
    Base,
    /// `=======`: their side's lines follow.
    Middle,
    /// `>>>>>>> branch`: the conflict ends.
    Theirs,
}

impl ConflictMarker {
    /// The marker as git writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictMarker::Ours => "<<<<<<<",
            ConflictMarker::Base => "|||||||",
            ConflictMarker::Middle => "=======",
            ConflictMarker::Theirs => ">>>>>>>",
        }
    }
}

/// The marker `line` is when it says on its own that a conflict was left there: `<<<<<<<`
/// (alone or with a name), or `|||||||` or `>>>>>>>` with the name git writes after it
/// (`>>>>>>> feature/brass`). `=======` alone underlines a heading (CommonMark 0.31, 4.3) and
/// a bare `|||||||` is a row of a table: no marker by itself.
pub fn lone_conflict_marker(line: &str) -> Option<ConflictMarker> {
    let m = conflict_marker(line)?;
    // A marker is seven ASCII characters: what follows is git's name for the side.
    let named = !line.trim_end_matches('\r')[7..].trim().is_empty();
    match m {
        ConflictMarker::Ours => Some(m),
        ConflictMarker::Base | ConflictMarker::Theirs if named => Some(m),
        _ => None,
    }
}

/// Which of git's conflict markers `line` is (a line ending `\r` too): seven `<`, `|` or
/// `>` alone or before a space, or seven `=` alone; `None` for any other line.
pub fn conflict_marker(line: &str) -> Option<ConflictMarker> {
    let line = line.trim_end_matches('\r');
    let marker = |m: &str| line == m || line.strip_prefix(m).is_some_and(|r| r.starts_with(' '));
    if marker("<<<<<<<") {
        Some(ConflictMarker::Ours)
    } else if marker("|||||||") {
        Some(ConflictMarker::Base)
    } else if line == "=======" {
        Some(ConflictMarker::Middle)
    } else if marker(">>>>>>>") {
        Some(ConflictMarker::Theirs)
    } else {
        None
    }
}
