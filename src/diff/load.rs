//! Loading the two versions `ladderbook diff` compares: ladder folders, or revisions of the
//! git repository that holds the ladder (see [`crate::revision`]).

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ladder::Ladder;
use crate::revision::{Repo, TempDir};
use std::path::Path;

/// One side of a comparison, loaded: the ladder, what to call it, and the temporary folder a
/// revision was copied into (removed when this is dropped).
#[derive(Debug)]
pub struct Version {
    /// The validated ladder.
    pub ladder: Ladder,
    /// `v1`, `the working tree`, or a folder as given.
    pub name: String,
    _copy: Option<TempDir>,
}

/// Whether `arg` names a ladder folder (one holding `book.toml`) rather than a revision.
pub fn is_ladder_folder(arg: &str) -> bool {
    Path::new(arg).join(crate::config::FILE_NAME).is_file()
}

/// Loads the ladder in `folder`, as `build` would.
///
/// # Errors
/// The ladder's errors (and warnings), by file and position.
pub fn load_folder(folder: &Path, name: String) -> Result<Version, Diagnostics> {
    let (ladder, diags) = crate::validate::validate(folder);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Version {
        ladder,
        name,
        _copy: None,
    })
}

/// Loads the ladder as it is at revision `rev` of `repo`: its files are copied into a
/// temporary folder and loaded as `build` would. Diagnostics name their file as
/// `rev:path`, as `git show` does.
///
/// # Errors
/// An unknown revision, no ladder at that revision, or the ladder's errors there.
pub fn load_revision(repo: &Repo, rev: &str) -> Result<Version, Diagnostics> {
    let one = |d| Diagnostics(vec![d]);
    let commit = repo.commit(rev).map_err(one)?;
    load_commit(repo, &commit, rev)
}

/// [`load_revision`] of a commit already resolved, named `name`.
///
/// # Errors
/// See [`load_revision`].
pub fn load_commit(repo: &Repo, commit: &str, name: &str) -> Result<Version, Diagnostics> {
    let one = |d| Diagnostics(vec![d]);
    let copy = TempDir::new().map_err(|e| {
        one(Diagnostic::error(
            "io",
            std::env::temp_dir().display().to_string(),
            (1, 1),
            format!("cannot make a temporary folder: {e}"),
            "check that the temporary folder (TMPDIR) exists and can be written",
        ))
    })?;
    repo.extract(commit, name, copy.path()).map_err(one)?;
    let (ladder, mut diags) = crate::validate::validate(copy.path());
    if diags.has_errors() {
        for d in &mut diags.0 {
            d.path = format!("{name}:{}{}", repo.prefix, d.path);
        }
        return Err(diags);
    }
    Ok(Version {
        ladder,
        name: name.to_string(),
        _copy: Some(copy),
    })
}

/// The two versions `ladderbook diff OLD [NEW] [DIR]` compares. OLD and NEW are each a
/// ladder folder (one holding `book.toml`) or a revision of the git repository holding DIR
/// (default: the current folder); NEW defaults to DIR as it is on disk. `diff REV FOLDER`
/// compares the folder with itself at that revision (FOLDER is both NEW and DIR).
///
/// # Errors
/// Either version cannot be loaded: its diagnostics.
pub fn load_pair(
    old: &str,
    new: Option<&str>,
    dir: Option<&Path>,
) -> Result<(Version, Version), Diagnostics> {
    let (new, dir) = match (new, dir) {
        (Some(n), None) if is_ladder_folder(n) && !is_ladder_folder(old) => {
            (None, Some(Path::new(n)))
        }
        other => other,
    };
    let dir = dir.unwrap_or(Path::new("."));
    let mut repo = None;
    let mut side = |arg: Option<&str>| -> Result<Version, Diagnostics> {
        match arg {
            None => load_folder(dir, "the working tree".into()),
            Some(a) if is_ladder_folder(a) => load_folder(Path::new(a), a.to_string()),
            Some(a) if Path::new(a).is_dir() => Err(Diagnostics(vec![Diagnostic::error(
                "io",
                a,
                (1, 1),
                format!("the folder {a} has no book.toml, so it is not a ladder"),
                "pass the folder that holds the ladder's book.toml and content/, or a git revision",
            )])),
            Some(rev) => {
                if repo.is_none() {
                    repo = Some(Repo::discover(dir).map_err(|d| Diagnostics(vec![d]))?);
                }
                load_revision(repo.as_ref().expect("set above"), rev)
            }
        }
    };
    let old = side(Some(old))?;
    let new = side(new)?;
    Ok((old, new))
}
