//! `ladderbook serve`: the live preview.
//!
//! The site is built through the same pipeline as `build` ([`crate::build::prepare_with`],
//! then the same renderer), but kept in memory and served from there, so nothing is ever
//! written to disk: not into the ladder's folders, not into its build-dir. A watcher
//! (`notify`, debounced by [`DEBOUNCE`]) rebuilds on every change under
//! `book.toml`, `content/`, `templates/` and `static/`. Content files are kept as last read
//! ([`ContentCache`]) and only the files a change names are read again; an edit of
//! competency bodies re-renders only the pages that show them ([`affected_pages`]). Each
//! rebuild replaces the whole in-memory site at once, then tells every open page over
//! Server-Sent Events (the HTML living standard's `EventSource`) to reload; the page keeps
//! its scroll position. A failed rebuild keeps the last good site and shows the errors in an
//! overlay on every page until the next good build.

use crate::build;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::load::{is_editor_temp, ContentCache};
use crate::site::PageSpec;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use notify::{EventKind, RecursiveMode, Watcher};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

mod guard;
pub use guard::{Hosts, HEADER_TIMEOUT};

/// The address of the live-reload event stream, on the same port as the site.
pub const EVENTS_PATH: &str = "/__ladderbook/events";

/// Where `serve` answers with [`WORKER_JS`].
pub const WORKER_PATH: &str = "/__ladderbook/reload-worker.js";

/// A shared worker (HTML living standard, "Shared workers") that holds the one
/// [`EVENTS_PATH`] stream for every open preview page and passes each build's version on to
/// them. A stream per page would not do: a browser opens at most 6 HTTP/1.1 connections to
/// one host (Chromium's and Firefox's limit), and each stream keeps one open, so a 7th tab
/// of the preview would wait forever. A page says `bye` when it goes away.
pub const WORKER_JS: &str = r#"var ports=[],es=null,last=null;
function send(e){last=e.data;for(var i=0;i<ports.length;i++)ports[i].postMessage(last);}
onconnect=function(e){var p=e.ports[0];ports.push(p);
p.onmessage=function(m){if(m.data==="bye"){var i=ports.indexOf(p);if(i>=0)ports.splice(i,1);}};
p.start();if(last!==null)p.postMessage(last);
if(!es){es=new EventSource("/__ladderbook/events");es.addEventListener("version",send);es.addEventListener("reload",send);}};
"#;

/// How long the watcher waits after a file event for the next one before it rebuilds: the
/// events of one save come within this window of each other, and make one rebuild.
///
/// 5 ms, by measurement (`bench/latency.py` on the medium ladder: the median edit-to-served
/// time went from 51 ms at 25 ms to 34–38 ms at 10 ms and 31 ms at 5 ms). The window only has
/// to cover the steps of one save, and editors take microseconds between them: write a temp
/// file then rename it over (Emacs, JetBrains, `bench/latency.py`), rename the original away
/// then write it anew (Vim), or truncate then write in place (VS Code). A longer window buys
/// nothing for correctness: the files are read when the rebuild starts, so a rebuild never
/// sees a state older than its events, and any later event brings another rebuild. What a
/// save slower than the window (or a `git checkout` of many files) can cause is an extra
/// rebuild that shows a half-written state for one rebuild's time before the final one.
pub const DEBOUNCE: Duration = Duration::from_millis(5);

/// The longest a rebuild waits for a stream of events to pause (a `git checkout` of many files,
/// a file written to without end): then it rebuilds with what came, and the rest bring
/// another rebuild.
///
/// The wait is on the event channel itself, so an idle `serve` wakes only when a file changes.
/// (A debouncer thread that wakes every few milliseconds to look for due events costs about
/// 1% of a core with nothing to do.)
pub const BURST_LIMIT: Duration = Duration::from_millis(100);

/// The default port, tried first when none is asked for.
pub const DEFAULT_PORT: u16 = 3000;

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The ladder's folder.
    pub root: PathBuf,
    /// `-p`: the port asked for; `None` means 3000, or the next free port after it.
    pub port: Option<u16>,
    /// `-n`: the address to listen on; default loopback only.
    pub hostname: String,
    /// `--open`: open the site in the default browser.
    pub open: bool,
    /// `--poll`: poll the file system instead of relying on its change events.
    pub poll: bool,
}

/// The site as served: every file by its path, and the errors of the last build, if it failed.
#[derive(Debug, Default)]
pub struct Served {
    /// Path in the site (`levels/x/index.html`) → bytes.
    pub files: HashMap<String, Arc<Vec<u8>>>,
    /// The last failed build's diagnostics, shown in the overlay; `None` after a good build.
    pub error: Option<String>,
    /// Increases with every build, good or failed.
    pub version: u64,
    /// The last good build, for `ladder.json`, which is made when it is first asked for
    /// (it holds the whole ladder, and few requests want it).
    ladder: Option<Arc<build::Prepared>>,
    /// `ladder.json` of `ladder`, once made.
    data: std::sync::OnceLock<Arc<Vec<u8>>>,
}

#[derive(Clone)]
struct AppState {
    site: Arc<RwLock<Served>>,
    events: broadcast::Sender<u64>,
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

/// The pages an edit can change, when the edit only rewrote the bodies of competency files
/// (same files, same level and pillar): each such level's page, its pillar's page, its
/// track's page, every comparison it is in, and on a cumulative track the levels above it,
/// which list what they inherit. `None` when anything else changed: then everything is
/// rendered again.
pub fn affected_pages(old: &build::Prepared, new: &build::Prepared) -> Option<HashSet<PageSpec>> {
    let (o, n) = (&old.ladder, &new.ladder);
    if o.files.len() != n.files.len() || o.assets.len() != n.assets.len() || o.config != n.config {
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
    /// The last rebuild brought the ladder before it up to date (see [`Ladder::with_reworded`])
    /// instead of building it again.
    ///
    /// [`Ladder::with_reworded`]: crate::ladder::Ladder::with_reworded
    reworded: bool,
}

impl Previous {
    /// Nothing read or built yet, for the ladder in `root` (the folder `serve` was given).
    pub fn new(root: &Path) -> Previous {
        Previous {
            content: ContentCache::new(root),
            prepared: None,
            failed: false,
            reworded: false,
        }
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
/// change, every page. Prints the errors of a failed build once; a good build after a
/// failed one says so.
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
                let rendered: Result<Vec<_>, _> =
                    specs.par_iter().map(|spec| renderer.page(spec)).collect();
                for f in rendered.map_err(|d| Diagnostics(vec![d]))? {
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
    let mut s = site.write().unwrap_or_else(|e| e.into_inner());
    s.version += 1;
    let version = s.version;
    match result {
        Ok((p, files, count)) => {
            previous.failed = false;
            let recovered = s.error.take().is_some();
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
            s.error = Some(diags.to_string());
            drop(s);
            let n = diags
                .0
                .iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .count();
            crate::diagnostic::eprint(&diags.0);
            crate::diagnostic::eprint([&Diagnostic::general(
                Severity::Error,
                "ladder-errors",
                format!(
                    "the ladder has {n} error{}; still serving the last good build",
                    if n == 1 { "" } else { "s" }
                ),
                "",
            )]);
        }
    }
    version
}

/// Runs the live preview until the process is stopped.
///
/// # Errors
/// A port that cannot be bound, or a watcher that cannot start; never bad content.
pub fn serve(opts: Options) -> Result<(), Diagnostic> {
    // Nothing to watch, so nothing to serve: said once, before anything else.
    if !opts.root.is_dir() {
        return Err(failure(
            format!("there is no folder {}", opts.root.display()),
            "pass the folder that holds the ladder's book.toml and content/ (or run `ladderbook init` there to start one)",
        ));
    }
    let listener = bind(&opts.hostname, opts.port)?;
    let addr = listener
        .local_addr()
        .map_err(|e| failure(e.to_string(), ""))?;
    let site = Arc::new(RwLock::new(Served::default()));
    let mut previous = Previous::new(&opts.root);
    rebuild(
        &opts.root,
        &site,
        true,
        &mut previous,
        &Changes::everything(),
    );
    let (events, _) = broadcast::channel(16);
    let state = AppState {
        site: site.clone(),
        events: events.clone(),
    };

    watch(&opts, site.clone(), events, previous)?;

    let url_of = |ip: std::net::IpAddr| match ip {
        std::net::IpAddr::V6(v6) => format!("http://[{v6}]:{}/", addr.port()),
        std::net::IpAddr::V4(v4) => format!("http://{v4}:{}/", addr.port()),
    };
    let url = if addr.ip().is_unspecified() {
        url_of(std::net::Ipv4Addr::LOCALHOST.into())
    } else {
        url_of(addr.ip())
    };
    if opts.port.is_none() && addr.port() != DEFAULT_PORT {
        println!(
            "Port {DEFAULT_PORT} is busy; using {} instead.",
            addr.port()
        );
    }
    println!("Serving {} at {url}", opts.root.display());
    if !addr.ip().is_loopback() {
        // Bound to one address, `url` is the one to share; bound to all, name one.
        if let Some(ip) = guard::network_address(addr).filter(|_| addr.ip().is_unspecified()) {
            println!("On your network: {}", url_of(ip));
        }
        crate::diagnostic::eprint([&Diagnostic::general(
            Severity::Warning,
            "serve",
            format!("listening on {}, not only on this machine: anyone who can reach it can read the ladder", addr.ip()),
            "leave -n out to serve this machine only (127.0.0.1)",
        )]);
    }
    println!(
        "Watching book.toml, content/, templates/ and static/ for changes{}. Press Ctrl+C to stop.",
        if opts.poll { " (polling)" } else { "" }
    );
    if opts.open {
        let url = url.clone();
        std::thread::spawn(move || {
            if let Err(e) = crate::browser::open(&url) {
                crate::diagnostic::eprint([&Diagnostic::general(
                    Severity::Warning,
                    "serve",
                    format!("could not open a browser ({e}); open {url} yourself"),
                    "",
                )]);
            }
        });
    }

    let app = Router::new()
        .route(EVENTS_PATH, get(events_stream))
        .route(WORKER_PATH, get(reload_worker))
        .fallback(serve_file)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            Hosts::new(&opts.hostname, addr.ip()),
            guard::check,
        ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| failure(e.to_string(), ""))?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| failure(e.to_string(), ""))?;
        let listener =
            tokio::net::TcpListener::from_std(listener).map_err(|e| failure(e.to_string(), ""))?;
        guard::run(listener, app).await;
        Ok(())
    })
}

/// An error of the preview itself, not of the ladder (code `serve`).
fn failure(message: impl Into<String>, hint: &str) -> Diagnostic {
    Diagnostic::general(Severity::Error, "serve", message, hint)
}

/// Binds `hostname:port`; with no port asked, 3000 or the first free port after it.
fn bind(hostname: &str, port: Option<u16>) -> Result<TcpListener, Diagnostic> {
    let resolve = |p: u16| -> Result<SocketAddr, Diagnostic> {
        use std::net::ToSocketAddrs;
        (hostname, p)
            .to_socket_addrs()
            .map_err(|e| {
                failure(
                    format!("cannot use the hostname `{hostname}`: {e}"),
                    "pass an address such as 127.0.0.1 with -n",
                )
            })?
            .next()
            .ok_or_else(|| {
                failure(
                    format!("`{hostname}` has no address"),
                    "pass an address such as 127.0.0.1 with -n",
                )
            })
    };
    match port {
        Some(p) => TcpListener::bind(resolve(p)?).map_err(|e| {
            failure(format!("cannot listen on {hostname}:{p}: {e}"), "another program uses this port; pick another with -p, or leave -p out to use a free one")
        }),
        None => {
            for p in DEFAULT_PORT..DEFAULT_PORT + 100 {
                if let Ok(l) = TcpListener::bind(resolve(p)?) {
                    return Ok(l);
                }
            }
            Err(failure(format!("no free port between {DEFAULT_PORT} and {}", DEFAULT_PORT + 99), "pick one with -p"))
        }
    }
}

/// True when a change at `path` can change the site.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match first.as_ref() {
        "book.toml" => rel.components().count() == 1,
        // The content walk skips editors' temporary files and folders too (a `.git/` inside
        // content/).
        "content" => !is_editor_temp(&name) && !parts.any(|p| is_editor_temp(&p)),
        "templates" => !is_editor_temp(&name),
        // Every file of static/ is copied to the site as it is, hidden ones included
        // (`.htaccess`, `.well-known/`), so every change there counts.
        "static" => true,
        _ => false,
    }
}

/// Starts watching; every settled batch of relevant changes rebuilds and notifies.
fn watch(
    opts: &Options,
    site: Arc<RwLock<Served>>,
    events: broadcast::Sender<u64>,
    mut previous: Previous,
) -> Result<(), Diagnostic> {
    let root = std::fs::canonicalize(&opts.root)
        .map_err(|e| failure(format!("cannot open {}: {e}", opts.root.display()), ""))?;
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let handler = move |r: notify::Result<notify::Event>| {
        // Reads (an editor or a search opening files, the rebuild itself) change nothing, and
        // would only wake the rebuild thread.
        if !matches!(&r, Ok(ev) if matches!(ev.kind, EventKind::Access(_))) {
            let _ = tx.send(r);
        }
    };
    let mut dirs = vec![(root.clone(), RecursiveMode::NonRecursive)];
    for d in ["content", "templates", "static"] {
        dirs.push((root.join(d), RecursiveMode::Recursive));
    }
    // The watcher lives in the rebuild thread, which also watches folders created or
    // replaced later: the watch on a folder goes with the folder, not its name.
    let mut rewatch: Box<dyn FnMut(&Path) + Send> = if opts.poll {
        // Compare contents, not only modification times: notify's poller keeps mtimes in whole
        // seconds, so a save within a second of the last scan would otherwise be missed.
        let config = notify::Config::default()
            .with_poll_interval(Duration::from_millis(300))
            .with_compare_contents(true);
        let mut d = notify::PollWatcher::new(handler, config)
            .map_err(|e| failure(format!("cannot watch files: {e}"), ""))?;
        for (dir, mode) in &dirs {
            if dir.exists() {
                d.watch(dir, *mode)
                    .map_err(|e| failure(format!("cannot watch {}: {e}", dir.display()), ""))?;
            }
        }
        Box::new(move |p: &Path| {
            let _ = d.unwatch(p);
            let _ = d.watch(p, RecursiveMode::Recursive);
        })
    } else {
        let mut d = notify::recommended_watcher(handler)
            .map_err(|e| failure(format!("cannot watch files: {e}"), "try --poll"))?;
        for (dir, mode) in &dirs {
            if dir.exists() {
                d.watch(dir, *mode).map_err(|e| {
                    failure(format!("cannot watch {}: {e}", dir.display()), "try --poll")
                })?;
            }
        }
        Box::new(move |p: &Path| {
            // Drops the watches of a folder moved away under this name, if any, so its
            // events are not taken for the new one's.
            let _ = d.unwatch(p);
            let _ = d.watch(p, RecursiveMode::Recursive);
        })
    };
    let watched_root = opts.root.clone();
    std::thread::spawn(move || {
        // Each watched folder with the identity of the folder watched under its name.
        let mut watched: Vec<(PathBuf, Option<FolderId>)> = dirs[1..]
            .iter()
            .map(|(d, _)| (d.clone(), FolderId::of(d)))
            .collect();
        while let Ok(first) = rx.recv() {
            // One rebuild per burst: take events until none comes for DEBOUNCE.
            let mut batch = vec![first];
            let started = Instant::now();
            while let Some(left) = BURST_LIMIT.checked_sub(started.elapsed()) {
                match rx.recv_timeout(DEBOUNCE.min(left)) {
                    Ok(ev) => batch.push(ev),
                    Err(_) => break,
                }
            }
            let mut changes = Changes::default();
            let mut changed = false;
            // Whether an entry of the ladder's root changed: a folder may have been created,
            // deleted or replaced.
            let mut top_level = false;
            let content = root.join("content");
            for ev in batch {
                let Ok(ev) = ev else {
                    changed = true;
                    changes.everything = true;
                    continue;
                };
                if ev.need_rescan() {
                    // The watcher lost events (a full kernel queue): nobody knows what
                    // changed.
                    changed = true;
                    changes.everything = true;
                }
                for p in &ev.paths {
                    if relevant(&root, p) {
                        changed = true;
                        match p.strip_prefix(&content) {
                            Ok(rel) => changes.content.push(rel.to_path_buf()),
                            Err(_) => changes.outside = true,
                        }
                    }
                    top_level |= p.parent() == Some(root.as_path());
                }
            }
            // A folder created after start (say, templates/), or replaced by another under
            // its name (deleted and made again, or a rename-and-swap: a restore, a `git
            // checkout`, a sync tool), even within one batch: whatever the events said, the
            // folder now under the name is watched, and everything is read again.
            if top_level || changes.everything {
                for (dir, id) in &mut watched {
                    let now = FolderId::of(dir);
                    if now != *id {
                        if now.is_some() {
                            rewatch(dir);
                        }
                        *id = now;
                        changed = true;
                        changes.everything = true;
                    }
                }
            }
            if changed {
                let v = rebuild(&watched_root, &site, false, &mut previous, &changes);
                let _ = events.send(v);
            }
        }
    });
    Ok(())
}

/// What tells one folder from another put under the same name: its device and inode on
/// Unix, its creation time elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FolderId(u64, u128);

impl FolderId {
    /// The identity of the folder at `path`; `None` when there is no folder there.
    fn of(path: &Path) -> Option<FolderId> {
        let m = std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FolderId(m.dev(), u128::from(m.ino())))
        }
        #[cfg(not(unix))]
        {
            let created = m
                .created()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            Some(FolderId(0, created.as_nanos()))
        }
    }
}

/// [`WORKER_JS`], never cached.
async fn reload_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        WORKER_JS,
    )
}

/// The live-reload stream: an event `version` with the current build on connect, then a
/// `reload` event after every rebuild.
async fn events_stream(State(state): State<AppState>) -> impl IntoResponse {
    let current = state.site.read().unwrap_or_else(|e| e.into_inner()).version;
    let rx = state.events.subscribe();
    let first = futures_util::stream::once(async move {
        Ok::<Event, Infallible>(Event::default().event("version").data(current.to_string()))
    });
    let rest = futures_util::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(v) => {
                    return Some((
                        Ok::<Event, Infallible>(
                            Event::default().event("reload").data(v.to_string()),
                        ),
                        rx,
                    ))
                }
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let mut resp = Sse::new(futures_util::StreamExt::chain(first, rest))
        .keep_alive(KeepAlive::default())
        .into_response();
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// Maps a request path to a site path, refusing anything that could leave the site: `%XX`
/// escapes are decoded (RFC 3986 §2.1), and a path that is not UTF-8 or that has a `..`,
/// `\\` or NUL in it is refused.
pub fn site_path(uri_path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(uri_path)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\\', '\0']) || decoded.split('/').any(|s| s == "..") {
        return None;
    }
    let mut path = crate::links::resolve_relative("", &decoded)?;
    if decoded.ends_with('/') && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

async fn serve_file(State(state): State<AppState>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = (
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served\n",
        )
            .into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let head = req.method() == Method::HEAD;
    let uri_path = req.uri().path().to_string();
    let site = state.site.read().unwrap_or_else(|e| e.into_inner());
    let found = site_path(&uri_path).and_then(|p| {
        let key = if p.is_empty() || p.ends_with('/') {
            format!("{p}index.html")
        } else {
            p.clone()
        };
        if let Some(f) = site.files.get(&key) {
            return Some(Ok((key, f.clone())));
        }
        if key == crate::permalink::DATA {
            if let Some(p) = &site.ladder {
                let data = site.data.get_or_init(|| {
                    Arc::new(
                        serde_json::to_vec(
                            &crate::site::data_export(&p.ladder).with_release(&p.site),
                        )
                        .unwrap_or_default(),
                    )
                });
                return Some(Ok((key, data.clone())));
            }
        }
        // `/levels/x` → `/levels/x/`, so relative links resolve. The address is made from
        // the site path, never from the request's: `//evil.example` must not become a
        // protocol-relative `Location: //evil.example/`.
        site.files
            .contains_key(&format!("{p}/index.html"))
            .then(|| Err(format!("/{p}/")))
    });
    let (status, key, bytes) = match found {
        Some(Ok((key, bytes))) => (StatusCode::OK, key, bytes),
        Some(Err(location)) => {
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            return r;
        }
        None => match site.files.get("404.html") {
            Some(b) => (StatusCode::NOT_FOUND, "404.html".to_string(), b.clone()),
            None => (
                StatusCode::NOT_FOUND,
                "404.html".to_string(),
                Arc::new(not_built_page().into_bytes()),
            ),
        },
    };
    let mime = mime_guess::from_path(&key).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body: Vec<u8> = if is_html {
        inject(&bytes, site.version, site.error.as_deref())
    } else {
        bytes.to_vec()
    };
    drop(site);
    let content_type = if is_html || mime.type_() == "text" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    let len = body.len();
    let mut r = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn not_built_page() -> String {
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title></head><body><main><h1>The ladder has not built yet</h1><p>Fix the errors shown here and in the terminal; this page reloads by itself.</p></main></body></html>".to_string()
}

/// The live-reload script and, after a failed build, the error overlay, inserted before
/// `</body>` of a served HTML page. Never part of `build` output.
pub fn inject(html: &[u8], version: u64, error: Option<&str>) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    let mut extra = String::new();
    if let Some(e) = error {
        extra.push_str(&format!(
            "<div id=\"ladderbook-error\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0d0d;color:#ffe9e9;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;border-top:4px solid #ff5c5c;box-shadow:0 -4px 24px rgba(0,0,0,.4)\"><strong style=\"font-size:15px\">The ladder has errors. Still showing the last good build.</strong><pre style=\"white-space:pre-wrap;margin:.5rem 0 0;background:none;border:0;color:inherit\">{}</pre></div>",
            {
                let mut escaped = String::new();
                crate::html::escape::body_text(&mut escaped, e.trim_end());
                escaped
            }
        ));
    }
    extra.push_str(&format!(
        r#"<script>(function(){{var v={version},k="ladderbook-scroll:"+location.pathname,s=sessionStorage.getItem(k);if(s){{sessionStorage.removeItem(k);var p=JSON.parse(s);var go=function(){{window.scrollTo(p[0],p[1]);}};go();addEventListener("load",go);}}var stop,on=function(d){{if(+d!==v){{sessionStorage.setItem(k,JSON.stringify([scrollX,scrollY]));stop();location.reload();}}}};if(window.SharedWorker){{var w=new SharedWorker("{WORKER_PATH}");w.port.onmessage=function(e){{on(e.data);}};w.port.start();stop=function(){{w.port.postMessage("bye");}};addEventListener("pagehide",stop);}}else{{var es=new EventSource("{EVENTS_PATH}");es.addEventListener("version",function(e){{on(e.data);}});es.addEventListener("reload",function(e){{on(e.data);}});stop=function(){{es.close();}};}}}})();</script>"#
    ));
    match html.rfind("</body>") {
        Some(i) => format!("{}{}{}", &html[..i], extra, &html[i..]).into_bytes(),
        None => format!("{html}{extra}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_site() {
        assert_eq!(site_path("/levels/x/").as_deref(), Some("levels/x/"));
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/style.css").as_deref(), Some("style.css"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/levels/%2E%2E/%2E%2E/x",
            "/a\\..\\b",
            "/%ff",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_ladder_sources_count_as_changes() {
        let root = Path::new("/l");
        assert!(relevant(root, Path::new("/l/book.toml")));
        assert!(relevant(root, Path::new("/l/content/levels/a.md")));
        assert!(relevant(root, Path::new("/l/static/x.png")));
        assert!(!relevant(root, Path::new("/l/book/index.html")));
        assert!(!relevant(root, Path::new("/l/content/levels/.a.md.swp")));
        assert!(!relevant(root, Path::new("/l/content/levels/a.md~")));
        assert!(!relevant(root, Path::new("/l/content/4913")));
        assert!(!relevant(
            root,
            Path::new("/l/content/levels/a.md___jb_tmp___")
        ));
        assert!(!relevant(root, Path::new("/l/.git/index")));
        assert!(!relevant(root, Path::new("/l/content/.git/objects/ab")));
        assert!(relevant(root, Path::new("/l/content")));
        // static/ is copied whole, hidden files included, so they count there.
        assert!(relevant(root, Path::new("/l/static/.htaccess")));
        assert!(!relevant(root, Path::new("/l/templates/.level.html.swp")));
    }

    #[test]
    fn the_overlay_and_script_go_before_the_body_end() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            3,
            Some("a.md:1:1: error: <bad>"),
        ))
        .unwrap();
        assert!(out.contains("a.md:1:1: error: &lt;bad&gt;"));
        assert!(out.ends_with("</script></body></html>"));
        assert!(out.contains("var v=3,"));
    }
}
