//! The build pipeline: load → ladder → site → render → write, as `ladderbook build` runs it.

use crate::config::Config;
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use crate::ladder::Ladder;
use crate::render::{self, CopiedFile, Nav};
use crate::site::Site;
use crate::write;
use std::path::{Path, PathBuf};

// The pipeline's first stage, and its timer, kept under `build::` where its callers look.
pub use crate::stopwatch::Stopwatch;
pub use crate::validate::{load_ladder, load_ladder_with, validate, validate_with};

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The ladder has errors; nothing was written.
    Ladder(Diagnostics),
    /// The site could not be written; the build-dir is as it was.
    Write(Diagnostic),
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// The build-dir written.
    pub dest: PathBuf,
    /// Number of HTML pages.
    pub pages: usize,
    /// Number of files written in all.
    pub files: usize,
    /// How many of them are byte for byte as the last build into this build-dir wrote them,
    /// and were carried over from it (see [`crate::write::previous`]).
    pub unchanged: usize,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
    /// The ladder, templates and site the pages were made from. They are freed with the
    /// report; a command that exits right after the build can skip that with
    /// `std::mem::forget(report)` (a large ladder's model takes about 10 ms to free, on one
    /// core, after every page is written; the operating system takes the memory back at once).
    #[allow(dead_code)]
    model: Prepared,
}

/// Where `build` writes: `dest` if given (relative to the current directory), otherwise the
/// ladder's build-dir (relative to `book.toml`).
pub fn destination(root: &Path, config: &Config, dest: Option<&Path>) -> PathBuf {
    match dest {
        Some(d) => d.to_path_buf(),
        None => root.join(&config.build_dir),
    }
}

/// A ladder ready to render: validated, with its templates and its list of pages.
#[derive(Debug)]
pub struct Prepared {
    /// The validated ladder.
    pub ladder: Ladder,
    /// The theme, with the site-wide values set.
    pub tera: tera::Tera,
    /// Every page.
    pub site: Site,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
}

/// Loads, validates and lays out the ladder in `root`, and loads its templates: everything
/// before rendering, shared by `build` and `serve`.
///
/// # Errors
/// Every error of the ladder or of its templates.
pub fn prepare(root: &Path) -> Result<Prepared, Diagnostics> {
    prepare_with(root, |diags| crate::load::with_lock(root, diags))
}

/// [`prepare`], with the content files given by `load` (see [`validate_with`]).
///
/// # Errors
/// Every error of the ladder or of its templates.
pub fn prepare_with(
    root: &Path,
    load: impl FnOnce(&mut Diagnostics) -> crate::load::Loaded,
) -> Result<Prepared, Diagnostics> {
    // A build renders every comparison, and so compares every competency: their words are
    // prepared while the ladder is built (see `site::Words::preparer`), on the core the ladder
    // stage leaves idle. `serve`'s full rebuild may render fewer, at the cost of that core.
    let (ladder, warnings, words) =
        crate::validate::validate_alongside(root, load, crate::site::Words::preparer);
    if warnings.has_errors() {
        return Err(warnings);
    }
    let clock = Stopwatch::start();
    let (tera, unused) = theme(root, &ladder).map_err(Diagnostics)?;
    clock.lap("templates");
    let mut warnings = warnings;
    warnings.0.extend(unused);
    let p = with_site(root, ladder, tera, warnings, Some(words));
    clock.lap("site and releases");
    Ok(p)
}

/// The [`Prepared`] of `ladder`, which [`Ladder::with_reworded`] made from `base.ladder`:
/// `base`'s templates and warnings (neither depends on a competency's wording), and, as
/// [`prepare_with`] does, a new page list and the releases read again.
pub fn prepare_patched(root: &Path, base: &Prepared, ladder: Ladder) -> Prepared {
    let mut p = with_site(
        root,
        ladder,
        base.tera.clone(),
        Diagnostics::default(),
        None,
    );
    // The releases' notes are among `base`'s warnings already.
    p.warnings = base.warnings.clone();
    p
}

/// `ladder` with its templates `tera`, its page list (with `words`, if prepared already) and
/// its releases (read from git, their version set in `tera`); the releases' notes are added
/// to `warnings`.
fn with_site(
    root: &Path,
    ladder: Ladder,
    mut tera: tera::Tera,
    mut warnings: Diagnostics,
    words: Option<crate::site::Words>,
) -> Prepared {
    let mut site = match words {
        Some(words) => Site::with_words(&ladder, words),
        None => Site::from_ladder(&ladder),
    };
    let (releases, notes) = crate::releases::read(root, &ladder.config);
    warnings.0.extend(notes);
    tera.global_context().insert("version", &releases.version);
    site.releases = releases;
    Prepared {
        ladder,
        tera,
        site,
        warnings,
    }
}

/// The ladder's templates (its own over the default theme's), with the site-wide values set,
/// and the warnings for its own that no page uses.
///
/// # Errors
/// Templates that cannot be read or parsed.
fn theme(root: &Path, ladder: &Ladder) -> Result<(tera::Tera, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (mut tera, unused) = render::load_templates(root, &ladder.config)?;
    tera.global_context().insert("nav", &Nav::of(ladder));
    // The ladder's release, which a build reads from git afterwards: defined here as none, so
    // that `check`'s rendering knows the same variables as a build's.
    tera.global_context()
        .insert("version", &None::<crate::releases::Version>);
    Ok((tera, unused))
}

/// The errors a build of `ladder` would find in its templates, for `check`, and the
/// warnings for the ladder's own that no page uses: the templates are loaded, and, when the
/// ladder itself is `valid` (no errors), every page is rendered in memory and thrown away,
/// since some template errors show only with some pages' data.
pub fn template_errors(root: &Path, ladder: &Ladder, valid: bool) -> Vec<Diagnostic> {
    let (tera, mut found) = match theme(root, ladder) {
        Ok(loaded) => loaded,
        Err(errors) => return errors,
    };
    if !valid {
        return found;
    }
    let site = Site::from_ladder(ladder);
    if let Err(render::RenderError::Templates(errors)) =
        render::render_each(root, &ladder.config, &tera, ladder, &site, |_| {
            Ok::<(), ()>(())
        })
    {
        found.extend(errors);
    }
    found
}

/// Every file of a prepared site besides its pages and `ladder.json` (which is made apart,
/// streamed by `build` and on request by `serve`): the theme's static files (generated), and
/// the ladder's `static/` files and content assets (copied).
///
/// # Errors
/// An unreadable folder or file under `static/`, and a copied file at the address of a page
/// (see [`copied_clashes`]).
#[allow(clippy::type_complexity)]
pub fn other_files(
    root: &Path,
    p: &Prepared,
) -> Result<(Vec<render::OutputFile>, Vec<CopiedFile>), Diagnostics> {
    let (files, copied) = copied_files(root, &p.ladder).map_err(Diagnostics)?;
    let clashes = copied_clashes(root, &p.ladder, &copied);
    if !clashes.is_empty() {
        return Err(Diagnostics(clashes));
    }
    Ok((files, copied))
}

/// The theme's static files, and the files copied into the site: the ladder's content
/// assets, then its `static/` files.
#[allow(clippy::type_complexity)]
fn copied_files(
    root: &Path,
    ladder: &Ladder,
) -> Result<(Vec<render::OutputFile>, Vec<CopiedFile>), Vec<Diagnostic>> {
    let (files, mut copied) = render::static_files(root)?;
    let assets = ladder.assets.iter().map(|a| CopiedFile {
        path: a.content_path.clone(),
        source: a.source.clone(),
    });
    copied.splice(0..0, assets);
    Ok((files, copied))
}

/// A `page-collision` error for each file of `copied` that would be published at the
/// address of one of the ladder's pages, or as its `ladder.json` (`static/index.html`,
/// `content/levels/senior/index.html`): the page and the file cannot both be there, and the
/// author would not know which one readers get.
pub fn copied_clashes(root: &Path, ladder: &Ladder, copied: &[CopiedFile]) -> Vec<Diagnostic> {
    let addresses: Vec<String> = crate::site::page_specs(ladder)
        .iter()
        .map(|s| Site::path(ladder, s))
        .collect();
    let mut pages: std::collections::HashSet<String> =
        addresses.iter().map(|a| render::page_file(a)).collect();
    // A file named as a page's folder (`static/levels/engineer`, without `/index.html`)
    // cannot be written beside that folder either.
    pages.extend(
        addresses
            .iter()
            .filter_map(|a| a.strip_suffix('/'))
            .filter(|a| !a.is_empty())
            .map(str::to_string),
    );
    // The ladder's data, which the comparison picker reads, is the build's too.
    pages.insert(crate::permalink::DATA.to_string());
    copied
        .iter()
        .filter(|c| pages.contains(&c.path))
        .map(|c| {
            let address = c.path.strip_suffix("index.html").unwrap_or(&c.path);
            let (what, hint) = if c.path == crate::permalink::DATA {
                (
                    "the ladder's data, which the build writes and the comparison picker reads",
                    "remove or rename the file",
                )
            } else {
                (
                    "a page of the ladder's own",
                    "remove or rename the file; to change how that page looks, copy the theme's template into templates/ and edit it there",
                )
            };
            Diagnostic::error(
                "page-collision",
                display_path(root, &c.source),
                (1, 1),
                format!("this file would be published at /{address}, which is {what}"),
                hint,
            )
        })
        .collect()
}

/// [`copied_clashes`] of the ladder in `root`, for `check`: unreadable files under
/// `static/` are left to `build` to report.
pub fn clashes_in(root: &Path, ladder: &Ladder) -> Vec<Diagnostic> {
    copied_files(root, ladder)
        .map_or_else(|_| Vec::new(), |(_, c)| copied_clashes(root, ladder, &c))
}

/// Builds the ladder in `root` into `dest` (or its build-dir). Pages are rendered on all
/// cores and written as they are rendered, into a fresh folder that then replaces the
/// build-dir.
///
/// # Errors
/// See [`BuildError`]. On any error the build-dir is left exactly as it was.
pub fn build(root: &Path, dest: Option<&Path>) -> Result<BuildReport, BuildError> {
    build_with(root, dest, false)
}

/// [`build`]; with `accept_removals`, addresses and anchors `ladder.lock` lists that the
/// ladder no longer has (see [`crate::anchors`]) are dropped from it instead of failing the
/// build. After a build, `ladder.lock` lists what the site publishes.
///
/// # Errors
/// See [`BuildError`]; a lost address is a [`BuildError::Ladder`] unless accepted.
pub fn build_with(
    root: &Path,
    dest: Option<&Path>,
    accept_removals: bool,
) -> Result<BuildReport, BuildError> {
    let mut p = prepare(root).map_err(BuildError::Ladder)?;
    if !accept_removals && !p.ladder.lost.is_empty() {
        let mut lost = Diagnostics(std::mem::take(&mut p.ladder.lost));
        lost.sort();
        return Err(BuildError::Ladder(lost));
    }
    // An error about book.toml's build-dir points at it; one about -d at no file.
    let at = dest
        .is_none()
        .then(|| p.ladder.config.build_dir_at.unwrap_or((1, 1)));
    let dest = destination(root, &p.ladder.config, dest);
    if let Some(d) = unsafe_destination(root, &dest, at) {
        return Err(BuildError::Ladder(Diagnostics(vec![d])));
    }
    let clock = Stopwatch::start();
    let (files, copied) = other_files(root, &p).map_err(BuildError::Ladder)?;
    // Static files, copies, `ladder.json` and the pages.
    let count = p.site.specs.len() + files.len() + copied.len() + 1;
    let filled = write::replace_dir(&dest, |out| {
        for f in &files {
            out.write_file(&f.path, &f.contents)
                .map_err(render::RenderError::Sink)?;
        }
        for c in &copied {
            // A source that cannot be read is the ladder's error, not the site's.
            let from = crate::files::open(&c.source).map_err(|e| {
                render::RenderError::Templates(vec![crate::files::unreadable(root, &c.source, &e)])
            })?;
            out.copy_open(&c.path, &c.source, from)
                .map_err(render::RenderError::Sink)?;
        }
        clock.lap("write static files");
        // The lockfile's text (written once the site is in place), then `ladder.json`, are
        // made on one core while the pages take the others. The lockfile's text is made as the
        // pages start rather than after them: made after, it took memory of its own while the
        // pages' was still held by the threads that rendered them.
        let (data, pages) = rayon::join(
            || {
                let lock = p.ladder.lock_text();
                // Compared with the file here, on this core, rather than after the swap, when
                // nothing else is left to do; the file's version is noted first, so a change
                // to it while the pages render (a `git checkout`, an editor) is seen then.
                let seen = crate::lock::version(root);
                let current = crate::lock::is_current(root, &lock)
                    .then_some(seen)
                    .flatten();
                let data = out.write_with(crate::permalink::DATA, |out| {
                    serde_json::to_writer(
                        out,
                        &crate::site::data_export(&p.ladder).with_release(&p.site),
                    )
                    .map_err(std::io::Error::other)
                });
                data.map(|()| (lock, current))
            },
            || {
                render::render_each(root, &p.ladder.config, &p.tera, &p.ladder, &p.site, |f| {
                    out.write_file(&f.path, &f.contents)
                })
            },
        );
        clock.lap("render and write pages, ladder.json and ladder.lock's text");
        pages?;
        let (lock, current) = data.map_err(render::RenderError::Sink)?;
        Ok((lock, current, out.unchanged()))
    });
    clock.lap("swap");
    let lock_written = match &filled {
        // The file held this text when compared, and has not changed since.
        Ok((_, Some(seen), _)) if crate::lock::version(root).as_ref() == Some(seen) => None,
        Ok((lock, Some(_), _)) => Some(crate::lock::write_text(root, lock)),
        Ok((lock, None, _)) => Some(crate::lock::replace(root, lock)),
        Err(_) => None,
    };
    if let Some(written) = lock_written {
        if let Err(e) = written {
            let d = Diagnostic::warning(
                "io",
                crate::lock::FILE_NAME,
                (1, 1),
                format!("the site is built, but {} could not be written: {e}", crate::lock::FILE_NAME),
                "make the ladder's folder writable: without the file, the next build cannot keep moved or reworded expectations' anchors",
            );
            p.warnings.push(d);
        }
        clock.lap("write ladder.lock");
    }
    match filled {
        Ok((_, _, unchanged)) => Ok(BuildReport {
            unchanged,
            pages: p.site.specs.len(),
            files: count,
            dest,
            warnings: std::mem::take(&mut p.warnings),
            model: p,
        }),
        Err(
            write::ReplaceError::Write(e) | write::ReplaceError::Fill(render::RenderError::Sink(e)),
        ) => Err(BuildError::Write(e)),
        Err(write::ReplaceError::Fill(render::RenderError::Templates(d))) => {
            Err(BuildError::Ladder(Diagnostics(d)))
        }
    }
}

/// The `build-dir` of `book.toml` in `root` as an error when it would swallow the ladder
/// itself (see [`unsafe_destination`]): `check` reports what `build` would refuse.
pub fn unsafe_build_dir(root: &Path, config: &Config) -> Option<Diagnostic> {
    let at = config.build_dir_at.unwrap_or((1, 1));
    unsafe_destination(root, &destination(root, config, None), Some(at))
}

/// A build-dir that would swallow the ladder itself (the ladder's root, a parent of it, or a
/// folder of its sources) is refused, so a build can never delete what the author wrote.
/// Paths are compared as the file system resolves them ([`resolve`]), so a symbolic link on
/// the way (`-d /tmp/link-to-content/site`, or a `content/` that is itself a link) cannot
/// hide that two paths are one. `at`: where `book.toml` sets the build-dir, for the error
/// to point at; `None` for `-d`, on the command line.
fn unsafe_destination(root: &Path, dest: &Path, at: Option<(usize, usize)>) -> Option<Diagnostic> {
    let (root_abs, dest_abs) = (resolve(root), resolve(dest));
    let sources = ["content", "templates", "static"].map(|d| resolve(&root_abs.join(d)));
    let bad = root_abs.starts_with(&dest_abs) || sources.iter().any(|s| dest_abs.starts_with(s));
    bad.then(|| {
        // Relative to the ladder when inside it; the ladder itself, or a folder above it,
        // as given.
        let shown = match display_path(&root_abs, &dest_abs) {
            s if s.is_empty() || s.starts_with('/') => dest.display().to_string(),
            s => s,
        };
        let (path, at) = at.map_or(("", (0, 0)), |at| (crate::config::FILE_NAME, at));
        Diagnostic::error(
            "bad-build-dir",
            path,
            at,
            format!("the build-dir {shown} would replace the ladder's own files"),
            "set `build-dir` in [build] (or -d) to a folder of its own, such as \"book\"",
        )
    })
}

/// `path` made absolute with every symbolic link resolved, as the file system would resolve
/// it when writing there: the part that exists is canonicalised component by component (so
/// `link/..` is the link target's parent, as for the kernel), and the rest, which does not
/// exist yet, is appended with `.` and `..` applied.
fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    // Whether everything in `out` exists (and so is canonical).
    let mut exists = true;
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
                // Back in the part that exists, links count again.
                exists = exists || out.exists();
            }
            Component::Normal(name) => {
                out.push(name);
                if exists {
                    match std::fs::canonicalize(&out) {
                        Ok(real) => out = real,
                        Err(_) => exists = false,
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}
