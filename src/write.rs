//! Writing: the rendered site goes into a fresh folder beside the build-dir, which is then
//! swapped in with renames. A build that fails leaves the last good site exactly as it was.

use crate::render::{CopiedFile, OutputFile};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file that marks a folder as ladderbook's output, so a build never replaces a folder it
/// did not write.
pub const MARKER: &str = ".ladderbook-build";

/// Why the site could not be written.
#[derive(Debug)]
pub struct WriteError {
    /// The path involved.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

fn io_err(path: &Path, e: std::io::Error, hint: &str) -> WriteError {
    WriteError { path: path.to_path_buf(), message: e.to_string(), hint: hint.to_string() }
}

/// Writes `files` and `copied` as the new contents of `dest`.
///
/// The site is written to `.<name>.ladderbook-new` beside `dest`; then `dest` (if any) is
/// renamed to `.<name>.ladderbook-old`, the new folder renamed to `dest`, and the old one
/// deleted. `dest` is only replaced if it is empty or carries the [`MARKER`] of an earlier
/// build.
///
/// # Errors
/// `dest` is a non-empty folder that ladderbook did not write; or an I/O error, after which
/// `dest` is as it was.
pub fn write_site(dest: &Path, files: &[OutputFile], copied: &[CopiedFile]) -> Result<(), WriteError> {
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "book".into());
    let parent = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if dest.exists() {
        let ours = dest.join(MARKER).is_file();
        let empty = fs::read_dir(dest).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !dest.is_dir() || (!ours && !empty) {
            return Err(WriteError {
                path: dest.to_path_buf(),
                message: "this folder exists and was not written by ladderbook, so the build will not replace it".into(),
                hint: "choose another output folder with -d, or delete this one if its contents are not needed".into(),
            });
        }
    }
    fs::create_dir_all(parent).map_err(|e| io_err(parent, e, "check that the output folder's parent can be created"))?;
    let new = parent.join(format!(".{name}.ladderbook-new"));
    let old = parent.join(format!(".{name}.ladderbook-old"));
    for leftover in [&new, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| io_err(leftover, e, "delete this leftover folder of an interrupted build"))?;
        }
    }
    let result = write_tree(&new, files, copied);
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&new);
        return Err(e);
    }
    if dest.exists() {
        fs::rename(dest, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&new);
            io_err(dest, e, "close programs that hold files in the output folder open, then build again")
        })?;
    }
    if let Err(e) = fs::rename(&new, dest) {
        let _ = fs::rename(&old, dest);
        let _ = fs::remove_dir_all(&new);
        return Err(io_err(dest, e, "check the permissions of the output folder's parent"));
    }
    if old.exists() {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

fn write_tree(dir: &Path, files: &[OutputFile], copied: &[CopiedFile]) -> Result<(), WriteError> {
    let hint = "check free disk space and the output folder's permissions";
    fs::create_dir_all(dir).map_err(|e| io_err(dir, e, hint))?;
    let mut made = std::collections::HashSet::new();
    let mut ensure_parent = |path: &Path| -> Result<(), WriteError> {
        if let Some(p) = path.parent() {
            if made.insert(p.to_path_buf()) {
                fs::create_dir_all(p).map_err(|e| io_err(p, e, hint))?;
            }
        }
        Ok(())
    };
    for f in files {
        let path = dir.join(&f.path);
        ensure_parent(&path)?;
        let mut file = fs::File::create(&path).map_err(|e| io_err(&path, e, hint))?;
        file.write_all(&f.contents).map_err(|e| io_err(&path, e, hint))?;
    }
    for c in copied {
        let path = dir.join(&c.path);
        ensure_parent(&path)?;
        fs::copy(&c.source, &path).map_err(|e| io_err(&c.source, e, "check that the file is readable"))?;
    }
    let marker = dir.join(MARKER);
    fs::write(&marker, "This folder is written by `ladderbook build` and replaced on every build.\n").map_err(|e| io_err(&marker, e, hint))?;
    Ok(())
}
