//! Rebuilding after a change: the content files a change names read again, the ladder
//! brought up to date where an edit only rewords competencies (built again otherwise), and
//! only the pages the edit shows on rendered again.

use crate::build;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::load::ContentCache;
use crate::site::PageSpec;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

/// The site as served: every file by its path, and the errors of the last build, if it failed.
#[derive(Debug, Default)]
pub struct Served {
    /// Path in the site (`levels/x/index.html`) → bytes.
    pub files: HashMap<String, Arc<Vec<u8>>>,
    /// The last failed build's diagnostics, shown in the overlay; `None` after a good build.
    pub error: Option<String>,
    /// How many of those are errors (the rest are warnings).
    pub errors: usize,
    /// After a good build: the addresses and anchors `ladder.lock` lists that it no longer
    /// has (`lost-address`, `lost-anchor`), as warnings. The preview shows the site as it
    /// now is; `build` and `check` stop on them until each has an alias or is accepted.
    pub lost: Option<String>,
    /// Increases with every build, good or failed. A server starts counting at the time it
    /// started (see [`Served::new`]), so that a page a stopped server served reloads when
    /// another one answers, whose first build would otherwise have the page's version.
    pub version: u64,
    /// The last good build, for `ladder.json`, which is made when it is first asked for
    /// (it holds the whole ladder, and few requests want it).
    pub(super) ladder: Option<Arc<build::Prepared>>,
    /// `ladder.json` of `ladder`, once made.
    pub(super) data: std::sync::OnceLock<Arc<Vec<u8>>>,
}

impl Served {
    /// Nothing served yet, and builds counted from now: milliseconds since 1970 (below
    /// 2^53, so a page's script reads it exactly as a number).
    pub fn new() -> Served {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Served {
            version: now,
            ..Served::default()
        }
    }
}

/// Renders every page of a prepared ladder into memory, through the same pipeline as
/// `build` (only the final write differs). `ladder.json` is not among them: it is made the
/// first time it is asked for (see `Served::data`).
///
/// # Errors
/// Template errors, or an unreadable static file.
pub fn full_render(
    root: &Path,
    p: &build::Prepared,
) -> Result<HashMap<String, Arc<Vec<u8>>>, Diagnostics> {
    let (files, copied) = build::other_files(root, p)?;
    let pages = std::sync::Mutex::new(Vec::with_capacity(p.site.specs.len()));
    let rendered =
        crate::render::render_each(root, &p.ladder.config, &p.tera, &p.ladder, &p.site, |f| {
            pages.lock().unwrap_or_else(|e| e.into_inner()).push(f);
            Ok::<(), ()>(())
        });
    if let Err(crate::render::RenderError::Templates(d)) = rendered {
        return Err(Diagnostics(d));
    }
    let mut out = HashMap::with_capacity(p.site.specs.len() + files.len() + copied.len());
    for f in files
        .into_iter()
        .chain(pages.into_inner().unwrap_or_else(|e| e.into_inner()))
    {
        out.insert(f.path, Arc::new(f.contents));
    }
    for c in copied {
        match crate::files::read(&c.source) {
            Ok(bytes) => {
                out.insert(c.path, Arc::new(bytes));
            }
            Err(e) => {
                return Err(Diagnostics(vec![crate::files::unreadable(
                    root, &c.source, &e,
                )]));
            }
        }
    }
    Ok(out)
}

/// The site `build` last wrote into the ladder's build-dir (read again at `serve`'s start
/// when the ladder does not build, so that a typo made while the preview was stopped does not
/// take every page away): every file by its path in the site, the reload script inserted as
/// it is into the pages served from memory. `None` when the build-dir holds no build of
/// `ladderbook build` (no marker file, no `index.html`) or any of it cannot be read.
pub fn last_build_on_disk(root: &Path) -> Option<HashMap<String, Arc<Vec<u8>>>> {
    // A book.toml that does not parse may still name the build-dir on a line of its own.
    let dir = crate::config::Config::load(root)
        .map(|c| root.join(c.build_dir))
        .unwrap_or_else(|_| root.join(build_dir_line(root).unwrap_or_else(|| "book".into())));
    if !dir.join(crate::write::MARKER).is_file() || !dir.join("index.html").is_file() {
        return None;
    }
    // What a preview can hold: a site larger than this is not read into memory.
    const MOST: u64 = 1 << 30;
    let mut total = 0;
    let mut files = HashMap::new();
    for entry in walkdir::WalkDir::new(&dir).follow_links(false) {
        let entry = entry.ok()?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&dir).ok()?;
        let path = rel
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<Vec<&str>>>()?
            .join("/");
        // `build`'s own records (its marker, the list of files it wrote) are no pages.
        if path.starts_with(".ladderbook-") {
            continue;
        }
        total += entry.metadata().ok()?.len();
        if total > MOST {
            return None;
        }
        files.insert(path, Arc::new(crate::files::read(entry.path()).ok()?));
    }
    Some(files)
}

/// The `build-dir = "…"` of `root`'s book.toml, read from its line alone (for a book.toml
/// that does not parse as a whole).
fn build_dir_line(root: &Path) -> Option<String> {
    // Through `files`, which refuses a FIFO or a device there rather than wait on it.
    let text = crate::files::read_to_string(&root.join(crate::config::FILE_NAME)).ok()?;
    text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == "build-dir")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// `lost` (the ladder's errors for `build`) as the warnings `serve` shows, in order.
fn lost_warnings(lost: &[Diagnostic]) -> Diagnostics {
    let mut d = Diagnostics(lost.iter().cloned().map(Diagnostic::into_warning).collect());
    d.sort();
    d
}

/// The addresses and anchors a good build lost (`lost`, the ladder's errors for `build`),
/// as the warnings the overlay shows: printed when they differ from `shown` (the last
/// build's), with a line that says `build` stops on them, or that none is lost any more.
fn lost_addresses(lost: &[Diagnostic], shown: Option<String>, quiet: bool) -> Option<String> {
    let d = lost_warnings(lost);
    let text = (!d.0.is_empty()).then(|| d.to_string());
    if text == shown {
        return text;
    }
    if d.0.is_empty() {
        if !quiet {
            println!("No published address is lost any more.");
        }
        return None;
    }
    let n = d.0.len();
    crate::diagnostic::eprint(&d.0);
    crate::diagnostic::eprint([&Diagnostic::general(
        Severity::Warning,
        "lost-addresses",
        format!(
            "{n} published address{} lost: the preview shows the ladder as it is now, but `ladderbook build` stops on {} until {} fixed or accepted (see the hint)",
            if n == 1 { " is" } else { "es are" },
            if n == 1 { "it" } else { "them" },
            if n == 1 { "it is" } else { "each is" },
        ),
        "",
    )]);
    text
}

/// A good build's warnings (`build` prints them too: a symbolic link no page is made of, a
/// template that overrides no page), printed when they differ from `shown` (the last good
/// build's), with a line when none is left: a warning printed only beside a later error
/// would be seen late, and stay after its cause is gone.
fn good_build_warnings(
    warnings: &Diagnostics,
    shown: Option<String>,
    quiet: bool,
) -> Option<String> {
    let text = (!warnings.0.is_empty()).then(|| warnings.to_string());
    // Printed at the start too (the first build is quiet about what it rebuilt), as the
    // lost addresses are.
    if text != shown {
        match text {
            Some(_) => crate::diagnostic::eprint(&warnings.0),
            None if !quiet => println!("No warnings any more."),
            None => {}
        }
    }
    text
}

/// The pages an edit can change, when the edit only rewrote the bodies of competency files
/// (same files, same level and pillar): each such level's page, its pillar's page, its
/// track's page, every comparison it is in, and on a cumulative track the levels above it,
/// which list what they inherit. `None` when anything else changed, the version every page
/// names included (the first edit after a commit makes it "modified"): then everything is
/// rendered again.
pub fn affected_pages(old: &build::Prepared, new: &build::Prepared) -> Option<HashSet<PageSpec>> {
    let (o, n) = (&old.ladder, &new.ladder);
    if o.files.len() != n.files.len()
        || o.assets.len() != n.assets.len()
        || o.config != n.config
        || !old.site.releases.reads_as(&new.site.releases)
    {
        return None;
    }
    let cell_of = |l: &crate::ladder::Ladder, path: &str| {
        l.competencies
            .iter()
            .find(|c| c.source == path)
            .map(|c| (c.level, c.pillar))
    };
    let mut specs = HashSet::new();
    for (a, b) in o.files.iter().zip(&n.files) {
        if a.path != b.path {
            return None;
        }
        // A file `serve` did not read again shares its text with the previous build.
        if std::sync::Arc::ptr_eq(&a.text, &b.text) || a.text == b.text {
            continue;
        }
        let new_cell = cell_of(n, &b.path);
        let (Some(cell), true) = (new_cell, cell_of(o, &a.path) == new_cell) else {
            return None;
        };
        let (level, pillar) = cell;
        let track = n.levels[level].track;
        specs.insert(PageSpec::Level(level));
        specs.insert(PageSpec::Pillar(pillar));
        specs.insert(PageSpec::Track(track));
        specs.extend(
            n.comparisons_of(level)
                .map(|(x, y)| PageSpec::Compare(x, y)),
        );
        if n.tracks[track].cumulative {
            let mut up = n.levels[level].above;
            while let Some(u) = up {
                specs.insert(PageSpec::Level(u));
                up = n.levels[u].above;
            }
        }
    }
    Some(specs)
}

/// What changed since the last rebuild, as the watcher saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Unknown (the first build, a watcher error, lost events): every content file is read
    /// again and every page rendered again.
    pub everything: bool,
    /// Files and folders under `content/` that were created, written, removed or renamed,
    /// relative to `content/` (`""` is `content/` itself). Only these are read again; a
    /// folder among them makes the content walked again (see
    /// [`ContentCache::refresh`]).
    pub content: Vec<PathBuf>,
    /// `book.toml`, `templates/` or `static/` changed: every page is rendered again.
    pub outside: bool,
}

impl Changes {
    /// Everything may have changed.
    pub fn everything() -> Changes {
        Changes {
            everything: true,
            ..Changes::default()
        }
    }

    /// True when every page must be rendered again: anything but Markdown files under
    /// `content/` changed (a content asset, a folder, the templates, `book.toml`), or no one
    /// knows what did.
    fn render_all(&self) -> bool {
        self.everything
            || self.outside
            || self
                .content
                .iter()
                .any(|p| p.extension().and_then(|e| e.to_str()) != Some("md"))
    }
}

/// What `serve` keeps between rebuilds: every content file as last read, so a change reads
/// only the files it names, and the last good build, so a content edit re-renders only the
/// pages it changes.
pub struct Previous {
    content: ContentCache,
    prepared: Option<Arc<build::Prepared>>,
    /// The last rebuild failed: `prepared` is older than the files the cache holds.
    failed: bool,
    /// The last rebuild's errors, not printed yet (see [`Previous::report`]).
    unreported: Option<Diagnostics>,
    /// Errors have been printed since the last good build: the next good one says they
    /// are fixed.
    reported: bool,
    /// The last rebuild brought the ladder before it up to date (see [`Ladder::with_reworded`])
    /// instead of building it again.
    ///
    /// [`Ladder::with_reworded`]: crate::ladder::Ladder::with_reworded
    reworded: bool,
    /// What is served until the ladder builds is the site `build` left in the build-dir
    /// (see [`last_build_on_disk`]).
    pub(super) from_disk: bool,
    /// Whether a good rebuild that loses published addresses not lost before waits for the
    /// files to settle before it is served and its warnings printed (`serve`'s watcher):
    /// a save that reaches the disk in two writes is first read halfway, and would warn
    /// of expectations nobody removed.
    pub(super) hold_losses: bool,
    /// The last rebuild was such a build, held: nothing was served or printed.
    held: bool,
    /// The warnings of the last good build, as last printed (see [`good_build_warnings`]).
    warned: Option<String>,
}

impl Previous {
    /// Nothing read or built yet, for the ladder in `root` (the folder `serve` was given).
    pub fn new(root: &Path) -> Previous {
        Previous {
            content: ContentCache::new(root),
            prepared: None,
            failed: false,
            unreported: None,
            reported: false,
            reworded: false,
            from_disk: false,
            hold_losses: false,
            held: false,
            warned: None,
        }
    }

    /// Prints the errors of the last rebuild, if it failed and they are not printed yet,
    /// and returns whether it printed. `serve`'s watcher calls this once the files have
    /// been still for a moment after a failed rebuild: a folder being restored, checked
    /// out or synced fails to build many times on its way to a good state, and those
    /// errors were never true of anything the user wrote.
    pub fn report(&mut self) -> bool {
        let Some(diags) = self.unreported.take() else {
            return false;
        };
        let n = diags
            .0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let served = if self.prepared.is_some() {
            "still serving the last good build"
        } else if self.from_disk {
            "serving the site the last `ladderbook build` wrote until it builds"
        } else {
            "nothing to serve until it builds"
        };
        crate::diagnostic::eprint(&diags.0);
        crate::diagnostic::eprint([&Diagnostic::general(
            Severity::Error,
            "ladder-errors",
            format!(
                "the ladder has {n} error{}; {served}",
                if n == 1 { "" } else { "s" }
            ),
            "",
        )]);
        self.reported = true;
        true
    }

    /// True when the last rebuild failed.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// True when the last rebuild was good but held (see [`Previous::hold_losses`]).
    pub fn held(&self) -> bool {
        self.held
    }

    /// True when the last rebuild brought the ladder before it up to date instead of building
    /// it again (the fast path after an edit that only rewords competencies).
    pub fn reworded(&self) -> bool {
        self.reworded
    }
}

/// The last good build brought up to date after `changes`, when they only reworded
/// competencies ([`crate::ladder::Ladder::with_reworded`]): what a rebuild gives in time
/// proportional to the files saved. `None` when the ladder must be built again: the last
/// rebuild failed, something other than Markdown content changed, a changed file is new,
/// gone or has a diagnostic, or the edit may reach beyond its competency.
fn reworded(root: &Path, previous: &Previous, changes: &Changes) -> Option<build::Prepared> {
    if previous.failed || changes.render_all() || changes.content.is_empty() {
        return None;
    }
    let old = previous.prepared.as_deref()?;
    let published = previous.content.published()?;
    let docs: Vec<&crate::load::Document> = changes
        .content
        .iter()
        .map(|rel| previous.content.clean_document(rel))
        .collect::<Option<_>>()?;
    if old
        .warnings
        .0
        .iter()
        .any(|w| docs.iter().any(|d| w.path == d.source.path))
    {
        return None;
    }
    let ladder = old.ladder.with_reworded(&docs, published)?;
    Some(build::prepare_patched(root, old, ladder))
}

/// Rebuilds into `site` after `changes` and returns the new version.
///
/// Reads again only the content files `changes` names (all of them for
/// [`Changes::everything`]); the others come from `previous`, diagnostics included, so the
/// result is always what a clean build of the files on disk gives. After an edit of
/// competency bodies only, just the [`affected_pages`] are rendered again; after any other
/// change, every page. The errors of a failed build are kept for [`Previous::report`] to
/// print; a good build after printed errors says they are fixed.
pub fn rebuild(
    root: &Path,
    site: &RwLock<Served>,
    quiet: bool,
    previous: &mut Previous,
    changes: &Changes,
) -> u64 {
    let start = Instant::now();
    let clock = build::Stopwatch::start();
    previous
        .content
        .refresh((!changes.everything).then_some(changes.content.as_slice()));
    clock.lap("refresh content");
    let full = changes.render_all();
    let content = &previous.content;
    let fast = reworded(root, previous, changes);
    previous.reworded = fast.is_some();
    let prepared = match fast {
        Some(p) => {
            clock.lap("ladder, brought up to date");
            Ok(p)
        }
        None => build::prepare_with(root, |diags| content.loaded(diags)).map(|mut p| {
            // The preview serves the site at the root of its own address, whatever sub-path
            // `site-url` names for the published site: pages that link from the site-url (the
            // 404 page, shown at any address) must link from `/` here, or their links and
            // stylesheet would point where nothing is served.
            p.ladder.config.site_url = "/".into();
            p
        }),
    };
    let result = prepared.and_then(|p| {
        let partial = if full {
            None
        } else {
            previous
                .prepared
                .as_ref()
                .and_then(|old| affected_pages(old, &p))
        };
        let files = match &partial {
            Some(specs) => {
                let mut files = site.read().unwrap_or_else(|e| e.into_inner()).files.clone();
                let renderer = crate::render::Renderer::new(
                    root,
                    &p.ladder.config,
                    &p.tera,
                    &p.ladder,
                    &p.site,
                );
                let (rendered, failed): (Vec<_>, Vec<_>) = specs
                    .par_iter()
                    .map(|spec| renderer.page(spec))
                    .partition(Result::is_ok);
                if !failed.is_empty() {
                    let failed = failed.into_iter().filter_map(Result::err).collect();
                    return Err(Diagnostics(crate::render::on_pages(failed)));
                }
                for f in rendered.into_iter().filter_map(Result::ok) {
                    files.insert(f.path, Arc::new(f.contents));
                }
                files
            }
            None => full_render(root, &p)?,
        };
        let count = partial.as_ref().map_or(p.site.specs.len(), HashSet::len);
        clock.lap("render");
        Ok((p, files, count))
    });
    previous.held = false;
    match &result {
        Ok((p, _, _)) if previous.hold_losses && !p.ladder.lost.is_empty() => {
            let s = site.read().unwrap_or_else(|e| e.into_inner());
            if s.lost.as_deref() != Some(lost_warnings(&p.ladder.lost).to_string().as_str()) {
                previous.held = true;
                return s.version;
            }
        }
        _ => {}
    }
    let mut s = site.write().unwrap_or_else(|e| e.into_inner());
    // The open pages reload when the version changes: not after a save that changed no page
    // (a `touch`, an editor's save of an unchanged file), which would lose a reader's folded
    // panels and half-filled picker for nothing.
    // A failed build's errors as the overlay shows them, written once.
    let error = result.as_ref().err().map(Diagnostics::to_string);
    let unchanged = match &result {
        Ok((_, _, count)) => *count == 0 && s.error.is_none(),
        Err(_) => s.error == error,
    };
    if !unchanged {
        s.version += 1;
    }
    let version = s.version;
    match result {
        Ok((p, files, count)) => {
            previous.failed = false;
            previous.unreported = None;
            // Errors nobody was shown were not fixed, only passed through.
            let recovered = s.error.take().is_some() && std::mem::take(&mut previous.reported);
            s.lost = lost_addresses(&p.ladder.lost, s.lost.take(), quiet);
            previous.warned = good_build_warnings(&p.warnings, previous.warned.take(), quiet);
            let p = Arc::new(p);
            // The previous build is dropped after the lock is released, on another thread:
            // freeing a whole ladder and site takes milliseconds nobody needs to wait for.
            let old = (
                std::mem::replace(&mut s.files, files),
                s.ladder.replace(p.clone()),
                std::mem::take(&mut s.data),
                previous.prepared.replace(p),
            );
            drop(s);
            std::thread::spawn(move || drop(old));
            clock.lap("swap");
            if !quiet {
                let ms = start.elapsed().as_millis();
                match (count, recovered) {
                    // Typically a file put back as it was: the last good site stands again.
                    (0, true) => println!(
                        "Errors fixed in {ms} ms: every page is as in the last good build."
                    ),
                    (0, false) => println!("Checked in {ms} ms: no page changed."),
                    (n, _) => println!(
                        "Rebuilt {n} page{} in {ms} ms{}.",
                        if n == 1 { "" } else { "s" },
                        if recovered { " (errors fixed)" } else { "" }
                    ),
                }
            }
        }
        Err(diags) => {
            previous.failed = true;
            s.error = error;
            s.errors = diags
                .0
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            previous.unreported = Some(diags);
        }
    }
    version
}
