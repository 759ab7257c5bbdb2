//! The first stage of every command: a ladder folder read into the validated model, as
//! `build`, `check`, `serve`, `diff` and `import` all read it: `book.toml`, `content/` and
//! `ladder.lock`, then [`Ladder::build`].

use crate::config::Config;
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use crate::ladder::Ladder;
use crate::stopwatch::Stopwatch;
use std::path::Path;

/// Loads and validates the ladder in `root`, exactly as a build does, writing nothing.
/// Returns the ladder as far as it could be understood, and every diagnostic sorted by file
/// and position; the ladder may only be built when there are no errors.
pub fn validate(root: &Path) -> (Ladder, Diagnostics) {
    validate_with(root, |diags| crate::load::with_lock(root, diags))
}

/// [`validate`], with the content files given by `load` instead of read from `content/`:
/// `load` must add the same diagnostics, in the same order, as [`crate::load::load`] does
/// (`serve` passes [`crate::load::ContentCache::loaded`]). `book.toml` is read from `root`.
pub fn validate_with(
    root: &Path,
    load: impl FnOnce(&mut Diagnostics) -> crate::load::Loaded,
) -> (Ladder, Diagnostics) {
    let (ladder, diags, ()) = validate_alongside(root, load, |_| || ());
    (ladder, diags)
}

/// [`validate_with`], with other work done while the ladder is built: `alongside` is shown
/// what was loaded, and the work it returns runs on another core while [`Ladder::build`],
/// whose phases mostly run on one, runs on this one. Returns that work's result too.
pub fn validate_alongside<T: Send, W: FnOnce() -> T + Send>(
    root: &Path,
    load: impl FnOnce(&mut Diagnostics) -> crate::load::Loaded,
    alongside: impl FnOnce(&crate::load::Loaded) -> W,
) -> (Ladder, Diagnostics, T) {
    let mut diags = Diagnostics::default();
    if !root.is_dir() {
        // One error, rather than one for book.toml and one for content/.
        diags.push(Diagnostic::error(
            "io",
            display_path(Path::new("."), root),
            (1, 1),
            format!("there is no folder {}", root.display()),
            "pass the folder that holds the ladder's book.toml and content/ (or run `ladderbook init` there to start one)",
        ));
        let loaded = crate::load::Loaded::default();
        let work = alongside(&loaded);
        let ladder = Ladder::build(Config::default(), loaded, &mut diags);
        return (ladder, diags, work());
    }
    let clock = Stopwatch::start();
    let config = match Config::load(root) {
        Ok(c) => Some(c),
        Err(e) => {
            for d in e {
                diags.push(d);
            }
            None
        }
    };
    let mut loaded = load(&mut diags);
    if config.is_none() && !root.join(crate::config::FILE_NAME).exists() {
        // Not a ladder's folder at all: its missing book.toml is the one error, not also
        // the missing content/ beside it.
        diags
            .0
            .retain(|d| !(d.code == "io" && d.path == crate::load::CONTENT_DIR));
    }
    if loaded.published.is_none() {
        loaded.published = Some(crate::lock::read(root, &mut diags).map(std::sync::Arc::new));
    }
    clock.lap("load");
    let work = alongside(&loaded);
    let (ladder, done) = rayon::join(
        || Ladder::build(config.unwrap_or_default(), loaded, &mut diags),
        work,
    );
    clock.lap("ladder");
    diags.sort();
    (ladder, diags, done)
}

/// [`validate`], as a result.
///
/// # Errors
/// Every error in `book.toml` and `content/`, sorted by file and position.
pub fn load_ladder(root: &Path) -> Result<(Ladder, Diagnostics), Diagnostics> {
    load_ladder_with(root, |diags| crate::load::with_lock(root, diags))
}

/// [`validate_with`], as a result.
///
/// # Errors
/// Every error in `book.toml` and in the content `load` gives, sorted by file and position.
pub fn load_ladder_with(
    root: &Path,
    load: impl FnOnce(&mut Diagnostics) -> crate::load::Loaded,
) -> Result<(Ladder, Diagnostics), Diagnostics> {
    let (ladder, diags) = validate_with(root, load);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((ladder, diags))
    }
}
