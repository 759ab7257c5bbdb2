//! Images the pages show that the site does not have (`missing-image`, warnings).
//!
//! A site-absolute image address (`/charts/level-4.png`, in Markdown or in an `<img src>` or
//! `<source srcset>`) is published as written, so a build cannot tell it is broken; a ladder
//! imported from a repository whose images were not brought along shows broken images on
//! every page that has them. `check` warns about each one that names no file of the site: not
//! a file of `static/`, not a file beside the content, not one of the theme's. Relative
//! Markdown images are links, and a missing one is already an error (`broken-link`). A relative
//! address in an HTML image (`<img src="./chart.png">`) is kept as written, so the browser reads
//! it from the page's address: `check` warns about each, with how to write it instead.

use crate::diagnostic::{Diagnostics, SourceFile};
use crate::ladder::Ladder;
use pulldown_cmark::{Event, Parser, Tag};
use std::collections::HashSet;
use std::path::Path;

/// Adds a `missing-image` warning for each site-absolute image address of `ladder`'s content
/// files that names no file of the site: none of its assets, of the theme's files, or of
/// `root/static/` (`root` is the ladder's folder).
pub fn missing(root: &Path, ladder: &Ladder, diags: &mut Diagnostics) {
    let assets: HashSet<&str> = ladder
        .assets
        .iter()
        .map(|a| a.content_path.as_str())
        .collect();
    // The site's own address path (`/docs/ladder/` for a site-url under a sub-path), which
    // an author may have written before the file's path.
    let base = crate::config::site_url_path(&ladder.config.site_url);
    let exists = |site_path: &str| {
        assets.contains(site_path)
            || crate::render::THEME_STATIC
                .iter()
                .any(|(name, _)| *name == site_path)
            || crate::files::open(&root.join("static").join(site_path)).is_ok()
    };
    for file in ladder.files.iter().filter(|f| f.path.ends_with(".md")) {
        let mut seen = HashSet::new();
        for (offset, address, html) in images(file) {
            // An HTML image's relative address is kept as written, so the browser resolves it
            // from the page's address, not from the file's folder as a Markdown image's.
            if html && crate::links::is_relative_link(&address) && !address.starts_with('#') {
                if seen.insert(address.clone()) {
                    diags.push(file.warning(
                        "missing-image",
                        offset,
                        format!("the image `{address}` is written in HTML with an address relative to the page, which the build does not resolve, so it shows as broken"),
                        format!("write it in Markdown, `![…]({address})`, whose address the build resolves from this file's folder, or give its address from the site's root (a file of static/)"),
                    ));
                }
                continue;
            }
            let Some(path) = site_path_of(&address) else {
                continue;
            };
            // A `<source>` and its `<img>` often name one image: one warning.
            if path.is_empty() || !seen.insert(path.clone()) {
                continue;
            }
            let (message, hint) = match base.as_deref() {
                Some(b) => match path.strip_prefix(b) {
                    Some(inner) if exists(inner) => continue,
                    Some(inner) => missing_image(&address, inner),
                    None if exists(&path) => (
                        format!("the image `{address}` is outside the site, which is published under /{b}"),
                        format!("write `/{b}{path}`, the image's address under the site-url"),
                    ),
                    None => (
                        format!("the image `{address}` is not a file of the site, and outside it: the site is published under /{b}"),
                        format!("put the image at static/{path} and write `/{b}{path}`, its address under the site-url"),
                    ),
                },
                None if exists(&path) => continue,
                None => missing_image(&address, &path),
            };
            diags.push(file.warning("missing-image", offset, message, hint));
        }
    }
}

/// The path within the host of the site-absolute address `address`, as a browser resolves
/// it (RFC 3986 §5.2.4: `\` read as `/`, `.` and `..` segments resolved, never above the
/// root; query and fragment dropped; percent-escapes decoded): `charts/a.png` for
/// `/charts/./a.png`. `None` for an address that is not site-absolute, or that names another
/// host (`//host/a.png`, `/\host/a.png`).
pub(super) fn site_path_of(address: &str) -> Option<String> {
    let address = address.trim().replace('\\', "/");
    let rest = address.strip_prefix('/')?;
    if rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let mut parts: Vec<String> = Vec::new();
    // Each segment decoded first: `%2e%2e` is `..` to a browser too.
    for segment in rest.split('/').map(crate::links::percent_decode) {
        match segment.as_str() {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(segment),
        }
    }
    Some(parts.join("/"))
}

/// The message and hint for the image `address`, whose file would be `static/<place>`.
fn missing_image(address: &str, place: &str) -> (String, String) {
    (
        format!("the image `{address}` is not a file of the site, so it shows as broken"),
        format!("put the image at static/{place} (static/ is published at the site's root), or correct the address"),
    )
}

/// The image addresses the pages made from `file` show, with their byte offsets in the file:
/// its body's Markdown images and the `<img>`/`<source>` of its raw HTML, as the HTML policy
/// keeps them ([`crate::sanitize::events`]: not in comments, in dropped elements or in
/// attribute values; a tag over several lines whole).
fn images(file: &SourceFile) -> Vec<(usize, String, bool)> {
    let Ok(split) = crate::frontmatter::split(file) else {
        return Vec::new();
    };
    let mut found = in_markdown(split.body, split.body_offset);
    // A level's summary is Markdown too, shown on the overview and comparisons: its images
    // are placed where they are written in it.
    if let Some((summary, places)) = super::summary_of(&split) {
        found.extend(
            in_markdown(&summary, 0)
                .into_iter()
                .map(|(at, url, html)| (places.place(at), url, html)),
        );
    }
    found
}

/// The image addresses of the Markdown `body` that starts at byte `base` of its file (see
/// [`images`]), each with whether it is written in HTML (`<img src>`, `<source srcset>`).
fn in_markdown(body: &str, base: usize) -> Vec<(usize, String, bool)> {
    let parsed: Vec<_> = Parser::new_ext(body, crate::markdown::options())
        .into_offset_iter()
        .collect();
    let mut found = Vec::new();
    for (ev, range) in crate::sanitize::events(parsed) {
        match ev {
            Event::Start(Tag::Image { dest_url, .. }) => {
                found.push((base + range.start, dest_url.to_string(), false));
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let raw = body.get(range.clone()).unwrap_or_default();
                found.extend(
                    crate::sanitize::image_sources(&html)
                        .into_iter()
                        .map(|(_, url)| {
                            // Where the address is written, if it is written as kept.
                            let at = raw.find(url.as_str()).unwrap_or(0);
                            (base + range.start + at, url, true)
                        }),
                );
            }
            _ => {}
        }
    }
    found
}
