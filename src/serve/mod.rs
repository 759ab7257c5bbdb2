//! `ladderbook serve`: the live preview.
//!
//! The site is built through the same pipeline as `build` ([`crate::build::prepare_with`],
//! then the same renderer), but kept in memory and served from there, so nothing is ever
//! written to disk: not into the ladder's folders, not into its build-dir. A watcher
//! (`notify`, debounced by [`DEBOUNCE`]) rebuilds on every change under
//! `book.toml`, `content/`, `templates/` and `static/`. Content files are kept as last read
//! ([`crate::load::ContentCache`]) and only the files a change names are read again; an edit of
//! competency bodies re-renders only the pages that show them ([`affected_pages`]). Each
//! rebuild replaces the whole in-memory site at once, then tells every open page over
//! Server-Sent Events (the HTML living standard's `EventSource`) to reload; the page keeps
//! its scroll position. A failed rebuild keeps the last good site and shows the errors in an
//! overlay on every page until the next good build.
//!
//! The folder's files follow a save through the preview: [`watch`](self) notices it,
//! `rebuild` makes the new site, `http` serves it and tells the open pages, `guard` keeps
//! the server to the addresses it serves. The reload worker is `reload-worker.js`.

mod guard;
mod http;
mod rebuild;
mod watch;

pub use guard::{Hosts, HEADER_TIMEOUT};
pub use http::{inject, site_path};
pub use rebuild::{affected_pages, full_render, rebuild, Changes, Previous, Served};

use crate::diagnostic::{Diagnostic, Severity};
use axum::routing::get;
use axum::Router;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::broadcast;

/// The address of the live-reload event stream, on the same port as the site.
pub const EVENTS_PATH: &str = "/__ladderbook/events";

/// Where `serve` answers with [`WORKER_JS`].
pub const WORKER_PATH: &str = "/__ladderbook/reload-worker.js";

/// A shared worker (HTML living standard, "Shared workers") that holds the one
/// [`EVENTS_PATH`] stream for every open preview page and passes each build's version on to
/// them. A stream per page would not do: a browser opens at most 6 HTTP/1.1 connections to
/// one host (Chromium's and Firefox's limit), and each stream keeps one open, so a 7th tab
/// of the preview would wait forever. A page says `bye` when it goes away.
pub const WORKER_JS: &str = include_str!("reload-worker.js");

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
/// rebuild that shows a half-written state for one rebuild's time before the final one;
/// [`MID_SAVE`] spares the commonest such state, a Markdown file missing or empty.
pub const DEBOUNCE: Duration = Duration::from_millis(5);

/// How long a rebuild waits, past [`DEBOUNCE`], while a Markdown file its changes name is
/// missing or empty: a save slower than [`DEBOUNCE`] between its steps (a slow or network
/// disk, an editor that flushes between them) then still brings one rebuild, not one that
/// shows the level without the file, or an "empty file" error, for a moment. A file deleted,
/// or emptied, on purpose is shown that much later.
pub const MID_SAVE: Duration = Duration::from_millis(100);

/// The longest a rebuild waits for a stream of events to pause (a `git checkout` of many files,
/// a file written to without end): then it rebuilds with what came, and the rest bring
/// another rebuild.
///
/// The wait is on the event channel itself, so an idle `serve` wakes only when a file changes.
/// (A debouncer thread that wakes every few milliseconds to look for due events costs about
/// 1% of a core with nothing to do.)
pub const BURST_LIMIT: Duration = Duration::from_millis(100);

/// How long the files must be still after a failed rebuild before its errors are printed
/// and shown in the open pages. A folder restored, checked out or synced file by file
/// fails to build many times on its way (competencies before their level, a level before
/// its track): each of those rebuilds finds the next event within this time, and only
/// the state the files settle in is reported. A save that breaks the ladder is reported
/// this much later.
pub const SETTLE: Duration = Duration::from_millis(250);

/// The longest the errors of failed rebuilds wait for the files to settle ([`SETTLE`]):
/// then they are reported though events still come (a file written to without end, a
/// sync that never pauses), and again each time as long before the next report. With
/// `--poll`, the files count as still after [`SETTLE`] and one scan more.
pub const SETTLE_LIMIT: Duration = Duration::from_secs(3);

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
    let site = Arc::new(RwLock::new(Served::new()));
    let mut previous = Previous::new(&opts.root);
    rebuild(
        &opts.root,
        &site,
        true,
        &mut previous,
        &Changes::everything(),
    );
    if previous.failed() {
        // The site `build` left on disk stands in as the last good build, under the overlay.
        if let Some(files) = rebuild::last_build_on_disk(&opts.root) {
            site.write().unwrap_or_else(|e| e.into_inner()).files = files;
            previous.from_disk = true;
        }
    }
    previous.report();
    let (events, _) = broadcast::channel(16);
    let published_at = published_at(&opts.root);
    let state = http::AppState {
        site: site.clone(),
        events: events.clone(),
        root: opts.root.clone(),
    };

    watch::watch(&opts, site.clone(), events, previous)?;

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
    if published_at != "/" {
        println!(
            "The site-url's path, {published_at}, is served at / here; its addresses lead there."
        );
    }
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
        .route(EVENTS_PATH, get(http::events_stream))
        .route(WORKER_PATH, get(http::reload_worker))
        .fallback(http::serve_file)
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
pub(super) fn failure(message: impl Into<String>, hint: &str) -> Diagnostic {
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

/// The path of the site-url in `root`'s book.toml, between slashes (`/crew/` for
/// `https://intranet.example/crew/`, see [`crate::config::site_url_path`]); `/` when it has
/// none or cannot be read.
fn published_at(root: &std::path::Path) -> String {
    match crate::config::Config::load(root)
        .ok()
        .and_then(|c| crate::config::site_url_path(&c.site_url))
    {
        Some(path) => format!("/{path}"),
        None => "/".to_string(),
    }
}
