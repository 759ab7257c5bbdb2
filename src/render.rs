//! Rendering: the theme's Tera templates applied to every page of the [`Site`].
//!
//! The default theme (`templates/` and `static/` in this repository) is embedded in the
//! binary, so ladderbook works from any folder. A ladder's own `templates/` and `static/`
//! override it file by file, by name.

mod nav;
mod syntax;
mod unused;
use crate::config::Config;
use crate::diagnostic::{display_path, Diagnostic};
use crate::ladder::Ladder;
use crate::permalink;
use crate::site::{PageData, PageSpec, Site};
pub use nav::*;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use syntax::unbalanced;
use tera::{Context, ErrorKind, Tera};
pub use unused::unused_templates;

/// The default theme's templates: (name, text).
pub const THEME_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("site-nav.html", include_str!("../templates/site-nav.html")),
    (
        "pillars-nav.html",
        include_str!("../templates/pillars-nav.html"),
    ),
    ("picker.html", include_str!("../templates/picker.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("track.html", include_str!("../templates/track.html")),
    ("level.html", include_str!("../templates/level.html")),
    ("pillar.html", include_str!("../templates/pillar.html")),
    ("compare.html", include_str!("../templates/compare.html")),
    (
        "compare-index.html",
        include_str!("../templates/compare-index.html"),
    ),
    ("changes.html", include_str!("../templates/changes.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("404.html", include_str!("../templates/404.html")),
    ("redirect.html", include_str!("../templates/redirect.html")),
];

/// The default theme's static files: (path in the site, bytes).
pub const THEME_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../static/style.css")),
    ("picker.js", include_bytes!("../static/picker.js")),
    ("print.js", include_bytes!("../static/print.js")),
    ("menu.js", include_bytes!("../static/menu.js")),
    ("not-found.js", include_bytes!("../static/not-found.js")),
    ("favicon.svg", include_bytes!("../static/favicon.svg")),
];

/// The site's navigation (`site-nav.html` and `pillars-nav.html`), rendered once for each
/// depth and current page and shared by every page they fit: every comparison page, for one,
/// has the same navigation. Which link is the current page (`aria-current`) only differs on
/// the pages the navigation links to.
#[derive(Debug, Default)]
pub struct NavCache(std::sync::Mutex<std::collections::HashMap<NavKey, Arc<RenderedNav>>>);

/// (the page's way back to the site root, `<kind>:<path>` of the current page or `:`).
type NavKey = (String, String);

/// (site nav, pillars nav), as HTML in safe Tera strings, which every page that shares them
/// takes without a copy.
type RenderedNav = (tera::Value, tera::Value);

impl NavCache {
    /// (site nav, pillars nav) for a page at `path` of kind `data`, whose way back to the
    /// site root is `root_rel`.
    fn get(
        &self,
        tera: &Tera,
        root_rel: &str,
        path: &str,
        data: &PageData,
    ) -> Result<Arc<RenderedNav>, tera::Error> {
        // Only pages the navigation links to are marked in it.
        let (current, kind) = match data {
            PageData::Overview(_)
            | PageData::Track(_)
            | PageData::Pillar(_)
            | PageData::CompareIndex(_)
            | PageData::Changes(_)
            | PageData::Free(_) => (path, kind_name(data)),
            _ => ("", ""),
        };
        // The menu entry of the section a page belongs to, marked `aria-current="true"` (the
        // WAI-ARIA value for the current item of a set that is not the page itself): a
        // level's track, and "Compare levels" for a comparison.
        let track;
        let section = match data {
            PageData::Level(l) => {
                track = permalink::track(&l.track.id);
                track.as_str()
            }
            PageData::Compare(_) => "compare/",
            _ => "",
        };
        let key = (root_rel.to_string(), format!("{kind}:{current}:{section}"));
        if let Some(n) = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(n.clone());
        }
        let mut ctx = Context::new();
        ctx.insert("root", root_rel);
        ctx.insert("home", permalink::home(root_rel));
        ctx.insert("path", current);
        ctx.insert("kind", kind);
        ctx.insert("section", section);
        let rendered = Arc::new((
            tera::Value::safe_string(&tera.render("site-nav.html", &ctx)?),
            tera::Value::safe_string(&tera.render("pillars-nav.html", &ctx)?),
        ));
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, rendered.clone());
        Ok(rendered)
    }
}

/// One output file: its path in the site (`levels/x/index.html`) and its bytes.
#[derive(Debug)]
pub struct OutputFile {
    /// Path relative to the build-dir, `/`-separated.
    pub path: String,
    /// The file's contents.
    pub contents: Vec<u8>,
}

/// A file copied from disk into the site.
#[derive(Debug)]
pub struct CopiedFile {
    /// Path relative to the build-dir, `/`-separated.
    pub path: String,
    /// Where it comes from.
    pub source: PathBuf,
}

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    description: Option<&'a str>,
    language: &'a str,
    generator: &'static str,
    /// The site-url of `book.toml`: the sub-path the site is served under (`/` or `/ladder/`).
    url: &'a str,
}

/// Tera's `safe` filter, without the copy: a string is marked safe as it is (Tera's own
/// filter copies it into a new string first, and the comparison pages pass every row of every
/// pillar through it); any other value is written out as text and marked safe, as Tera's does.
fn safe(value: &tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    if value.is_string() {
        value.clone().mark_safe()
    } else {
        tera::Value::safe_string(&value.to_string())
    }
}

/// A line of git's conflict markers in a template of the ladder's own (`<<<<<<< HEAD`, or
/// `|||||||` or `>>>>>>>` with the name git writes after it): Tera would publish it on every
/// page that uses the template, as text. A `=======` line alone is left: HTML may hold one.
fn conflict_in_template(root: &Path, path: &Path, text: &str) -> Option<Diagnostic> {
    let (n, marker) = text
        .lines()
        .enumerate()
        .find_map(|(n, line)| Some((n, crate::files::lone_conflict_marker(line)?)))?;
    let marker = marker.as_str();
    Some(Diagnostic::error(
        "merge-conflict",
        display_path(root, path),
        (n + 1, 1),
        format!("git's `{marker}` line is left in the template: an unresolved merge conflict"),
        "keep the version you want, then delete git's `<<<<<<<`, `|||||||`, `=======` and `>>>>>>>` lines",
    ))
}

/// Loads the theme: the embedded templates, then the ladder's `templates/*.html` over them.
///
/// Tera 2 (the current major line) is chosen on purpose over 1.x: 1.x is in maintenance
/// only, while 2.x compiles templates to bytecode and renders faster, gives errors with the
/// template's line and column (which we pass on to authors who override templates), and has
/// optional chaining (`a?.b`), which keeps user templates short when a value may be absent.
///
/// Also gives the warnings for the ladder's templates that no page uses (see
/// [`unused_templates`]), from what it read, after the errors when there are some.
///
/// # Errors
/// A ladder template that cannot be read, does not parse, or holds a merge conflict (see
/// [`conflict_in_template`]), with its position.
pub fn load_templates(
    root: &Path,
    config: &Config,
) -> Result<(Tera, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut tera = Tera::new();
    tera.register_filter("safe", safe);
    let mut sources: Vec<(String, String)> = THEME_TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let (mut errors, mut own) = (Vec::new(), Vec::new());
    let dir = root.join("templates");
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(unreadable(root, &dir, &e));
                    continue;
                }
            };
            if !entry.file_type().is_file()
                || crate::load::is_editor_temp(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            let name = display_path(&dir, entry.path());
            match crate::files::read_to_string(entry.path()) {
                Ok(text) => {
                    if let Some(d) = conflict_in_template(root, entry.path(), &text) {
                        errors.push(d);
                    }
                    sources.retain(|(n, _)| *n != name);
                    own.push((name.clone(), entry.path().to_path_buf()));
                    sources.push((name, text));
                }
                Err(e) => errors.push(Diagnostic::error(
                    "template",
                    display_path(root, entry.path()),
                    (1, 1),
                    format!("cannot read the template: {e}"),
                    "save it as UTF-8 text",
                )),
            }
        }
    }
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        errors.push(template_error(root, &e));
    }
    if !errors.is_empty() {
        errors.extend(unused_templates(root, &own, &sources));
        return Err(errors);
    }
    let site = SiteInfo {
        title: &config.title,
        description: config.description.as_deref(),
        language: &config.language,
        generator: concat!("ladderbook ", env!("CARGO_PKG_VERSION")),
        url: &config.site_url,
    };
    tera.global_context().insert("site", &site);
    Ok((tera, unused_templates(root, &own, &sources)))
}

/// A Tera error as a diagnostic pointing into the ladder's template (or the built-in one).
/// The template, position and message of the first report in a Tera error that carries its
/// reports as text only (those found when templates are checked together, such as an
/// `{% include %}` of a template that does not exist):
/// `error: Unknown template `x.html`\n --> page.html:3:12\n …`.
fn report_position(text: &str) -> Option<(String, (usize, usize), String)> {
    let mut lines = text.lines();
    let message = lines.next()?.trim().strip_prefix("error: ")?.to_string();
    let at = lines.next()?.trim().strip_prefix("--> ")?;
    let mut parts = at.rsplitn(3, ':');
    let col: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let file = parts.next()?.to_string();
    Some((file, (line.max(1), col.max(1)), message))
}

fn template_error(root: &Path, e: &tera::Error) -> Diagnostic {
    const COMPARE: &str = "`ladderbook init --theme <folder>` writes the default theme's templates there, to compare with";
    let templates = root.join("templates");
    let looped = match e.kind() {
        ErrorKind::CircularExtend {
            inheritance_chain, ..
        } => Some((inheritance_chain, "extends")),
        ErrorKind::CircularInclude { include_chain, .. } => Some((include_chain, "include")),
        _ => None,
    };
    let text_of = |name: &str| crate::files::read_to_string(&templates.join(name)).ok();
    if let Some((file, line, col, what, fix)) =
        looped.and_then(|(chain, tag)| syntax::circular(chain, tag, text_of))
    {
        return Diagnostic::error(
            "template",
            display_path(root, &templates.join(file)),
            (line, col),
            format!("template error: {what}"),
            format!("{fix}; {COMPARE}"),
        );
    }
    let (file, pos, message) = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => (
            r.filename().to_string(),
            (r.span().start_line.max(1), r.span().start_col + 1),
            r.message().to_string(),
        ),
        _ => report_position(&e.to_string())
            .unwrap_or_else(|| (String::new(), (1, 1), e.to_string())),
    };
    let user = templates.join(&file);
    if !file.is_empty() && user.is_file() {
        // Where a tag was left open, and what closes it, rather than where Tera gave up.
        let syntax = matches!(e.kind(), ErrorKind::SyntaxError(_));
        let text = crate::files::read_to_string(&user).unwrap_or_default();
        if let Some((line, col, what, fix)) = unbalanced(&text).filter(|_| syntax) {
            return Diagnostic::error(
                "template",
                display_path(root, &user),
                (line, col),
                format!("template error: {what}"),
                format!(
                    "{fix} (Tera stopped at {}:{}: {message}); {COMPARE}",
                    pos.0, pos.1
                ),
            );
        }
    }
    let path = if !file.is_empty() && user.is_file() {
        display_path(root, &user)
    } else if file.is_empty() {
        "templates".to_string()
    } else {
        format!("templates/{file} (built-in theme)")
    };
    Diagnostic::error(
        "template",
        path,
        pos,
        format!("template error: {message}"),
        format!("fix the template; {COMPARE}"),
    )
}

/// Renders the pages of one prepared site, on as many threads as share it.
///
/// It owns the navigation cache ([`NavCache`]): the navigation depends on the theme's
/// site-wide values (`nav`) and on the site, so a renderer lives for one build, or one
/// rebuild of `serve`, and the next one starts with an empty cache.
pub struct Renderer<'a> {
    root: &'a Path,
    config: &'a Config,
    tera: &'a Tera,
    ladder: &'a Ladder,
    site: &'a Site,
    nav: NavCache,
}

impl<'a> Renderer<'a> {
    /// A renderer of `site`, the pages of `ladder` (in `root`, with `config`), through the
    /// theme `tera`.
    pub fn new(
        root: &'a Path,
        config: &'a Config,
        tera: &'a Tera,
        ladder: &'a Ladder,
        site: &'a Site,
    ) -> Renderer<'a> {
        Renderer {
            root,
            config,
            tera,
            ladder,
            site,
            nav: NavCache::default(),
        }
    }

    /// Renders one page.
    ///
    /// # Errors
    /// A template error, positioned in the template, with the address of the page (`levels/
    /// senior-engineer/`) whose data it failed on: see [`on_pages`].
    pub fn page(&self, spec: &PageSpec) -> Result<OutputFile, Box<FailedPage>> {
        let mut address = String::new();
        self.render(spec, &mut address).map_err(|diagnostic| {
            Box::new(FailedPage {
                diagnostic,
                address,
            })
        })
    }

    fn render(&self, spec: &PageSpec, address: &mut String) -> Result<OutputFile, Diagnostic> {
        let Renderer {
            root,
            config,
            tera,
            ladder,
            site,
            ..
        } = *self;
        let page = site.page(ladder, spec);
        address.clone_from(&page.path);
        let root_rel = if page.path == permalink::NOT_FOUND {
            config.site_url.clone()
        } else {
            permalink::root_of(&page.path)
        };
        let mut ctx = Context::from_serialize(&page.data).map_err(|e| {
            Diagnostic::error(
                "template",
                "templates",
                (1, 1),
                format!("cannot prepare /{}: {e}", page.path),
                "report this as a bug in ladderbook",
            )
        })?;
        ctx.insert("root", &root_rel);
        ctx.insert("home", permalink::home(&root_rel));
        ctx.insert("path", &page.path);
        ctx.insert("kind", kind_name(&page.data));
        let nav = self
            .nav
            .get(tera, &root_rel, &page.path, &page.data)
            .map_err(|e| template_error(root, &e))?;
        ctx.insert_value("site_nav", nav.0.clone());
        ctx.insert_value("pillars_nav", nav.1.clone());
        // Pages of one template are of similar size: start each page's buffer at the size of
        // the last page of its template on this thread, so the buffer is rarely grown (and
        // copied) while the page is written into it.
        let hint = LAST_SIZE.with(|sizes| {
            sizes
                .borrow()
                .iter()
                .find(|(t, _)| *t == page.template)
                .map_or(16 * 1024, |(_, n)| *n)
        });
        let mut html = Vec::with_capacity(hint + hint / 8);
        tera.render_to(page.template, &ctx, &mut html)
            .map_err(|e| template_error(root, &e))?;
        LAST_SIZE.with(|sizes| {
            let mut sizes = sizes.borrow_mut();
            match sizes.iter_mut().find(|(t, _)| *t == page.template) {
                Some(entry) => entry.1 = html.len(),
                None => sizes.push((page.template, html.len())),
            }
        });
        let file = page_file(&page.path);
        Ok(OutputFile {
            path: file,
            contents: html,
        })
    }
}

thread_local! {
    /// (template, size in bytes of the last page rendered with it) on this thread.
    static LAST_SIZE: std::cell::RefCell<Vec<(&'static str, usize)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Renders every page of `site` on all cores, handing each file to `sink` as soon as it is
/// rendered (so the whole site need not be held in memory).
///
/// # Errors
/// Every distinct template error, or the first error of `sink`.
pub fn render_each<E: Send>(
    root: &Path,
    config: &Config,
    tera: &Tera,
    ladder: &Ladder,
    site: &Site,
    sink: impl Fn(OutputFile) -> Result<(), E> + Sync,
) -> Result<(), RenderError<E>> {
    let renderer = Renderer::new(root, config, tera, ladder, site);
    let results: Vec<Result<(), Result<Box<FailedPage>, E>>> = site
        .specs
        .par_iter()
        // One page per job: pages differ in cost by a hundred times (a comparison against a
        // redirect), and in rayon's larger default pieces one core was left rendering the
        // last piece alone while the other had nothing to take.
        .with_max_len(1)
        .map(|spec| {
            let file = renderer.page(spec).map_err(Ok)?;
            sink(file).map_err(Err)
        })
        .collect();
    let mut failed = Vec::new();
    for r in results {
        match r {
            Ok(()) => {}
            Err(Err(e)) => return Err(RenderError::Sink(e)),
            Err(Ok(f)) => failed.push(f),
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(RenderError::Templates(on_pages(failed)))
    }
}

/// A page a template failed to render: the error, and the page's address relative to the
/// site's root (`levels/senior-engineer/`).
#[derive(Debug)]
pub struct FailedPage {
    /// The template error, positioned in the template.
    pub diagnostic: Diagnostic,
    /// The address of the page whose data the template failed on.
    pub address: String,
}

/// Each distinct template error once, in the order first met, its message ending with the
/// pages it failed on (`… — on /levels/senior-engineer/`, `— on 2 pages: /levels/a/,
/// /levels/b/`, `— on 40 pages, among them /…/, /…/, /…/`): an error that only some pages'
/// data bring out is found by opening one of those pages.
pub fn on_pages(failed: Vec<Box<FailedPage>>) -> Vec<Diagnostic> {
    let mut grouped: Vec<(Diagnostic, Vec<String>)> = Vec::new();
    for f in failed {
        match grouped.iter_mut().find(|(d, _)| *d == f.diagnostic) {
            Some((_, pages)) => pages.push(f.address),
            None => grouped.push((f.diagnostic, vec![f.address])),
        }
    }
    grouped
        .into_iter()
        .map(|(mut d, mut pages)| {
            pages.sort();
            let shown: Vec<String> = pages.iter().take(3).map(|p| format!("/{p}")).collect();
            d.message = match pages.len() {
                1 => format!("{} — on {}", d.message, shown[0]),
                n @ 2..=3 => format!("{} — on {n} pages: {}", d.message, shown.join(", ")),
                n => format!(
                    "{} — on {n} pages, among them {}",
                    d.message,
                    shown.join(", ")
                ),
            };
            d
        })
        .collect()
}

/// Why rendering stopped.
#[derive(Debug)]
pub enum RenderError<E> {
    /// Template errors, each once.
    Templates(Vec<Diagnostic>),
    /// The sink failed (say, a write error).
    Sink(E),
}

/// The file a page's address is written to: `index.html` in the address's folder (the
/// overview's is the site's own `index.html`), or the address itself for a file such as
/// `404.html`.
pub fn page_file(address: &str) -> String {
    if address.ends_with('/') || address.is_empty() {
        format!("{address}index.html")
    } else {
        address.to_string()
    }
}

/// The theme's static files (generated) and the ladder's `static/` files (copied), the
/// ladder's overriding the theme's by path.
///
/// # Errors
/// A folder or file under `static/` that cannot be read: every file there belongs to the
/// site, so one left out would be a site silently missing it.
#[allow(clippy::type_complexity)]
pub fn static_files(root: &Path) -> Result<(Vec<OutputFile>, Vec<CopiedFile>), Vec<Diagnostic>> {
    let mut out: Vec<OutputFile> = THEME_STATIC
        .iter()
        .map(|(name, bytes)| OutputFile {
            path: name.to_string(),
            contents: bytes.to_vec(),
        })
        .collect();
    let mut copied = Vec::new();
    let mut errors = Vec::new();
    let static_dir = root.join("static");
    if static_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&static_dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(unreadable(root, &static_dir, &e));
                    continue;
                }
            };
            if entry.file_type().is_file() {
                let path = display_path(&static_dir, entry.path());
                out.retain(|f| f.path != path);
                copied.push(CopiedFile {
                    path,
                    source: entry.path().to_path_buf(),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok((out, copied))
    } else {
        Err(errors)
    }
}

/// The error for a folder (or file) under `dir` that a walk could not read.
fn unreadable(root: &Path, dir: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e.path().unwrap_or(dir);
    let what = if e.path().is_some_and(Path::is_dir) {
        "folder"
    } else {
        "file"
    };
    Diagnostic::error(
        "io",
        display_path(root, path),
        (1, 1),
        format!(
            "cannot read the {what}: {}",
            e.io_error()
                .map_or_else(|| e.to_string(), ToString::to_string)
        ),
        format!(
            "check its permissions: every file of {} is part of the site",
            display_path(root, dir)
        ),
    )
}

fn kind_name(d: &PageData) -> &'static str {
    match d {
        PageData::Overview(_) => "overview",
        PageData::Track(_) => "track",
        PageData::Level(_) => "level",
        PageData::Pillar(_) => "pillar",
        PageData::Compare(_) => "compare",
        PageData::CompareIndex(_) => "compare-index",
        PageData::Changes(_) => "changes",
        PageData::Free(_) => "page",
        PageData::Redirect(_) => "redirect",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our `safe` writes what Tera's own writes, for strings and for other values.
    #[test]
    fn the_safe_filter_writes_what_teras_own_writes() {
        let template = "{{ s | safe }}|{{ long | safe }}|{{ n | safe }}|{{ b | safe }}|{{ s }}";
        let mut ctx = Context::new();
        ctx.insert("s", "<em>a & b</em>");
        ctx.insert("long", &"<li>row</li>".repeat(40));
        ctx.insert("n", &3.5);
        ctx.insert("b", &true);
        let mut theirs = Tera::new();
        theirs.add_raw_template("t.html", template).unwrap();
        let mut ours = Tera::new();
        ours.register_filter("safe", safe);
        ours.add_raw_template("t.html", template).unwrap();
        let expected = theirs.render("t.html", &ctx).unwrap();
        assert!(
            expected.starts_with("<em>a & b</em>|<li>row</li>"),
            "{expected}"
        );
        assert!(
            expected.contains("|3.5|true|&lt;em&gt;a &amp; b"),
            "{expected}"
        );
        assert_eq!(ours.render("t.html", &ctx).unwrap(), expected);
    }
}
