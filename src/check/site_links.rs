//! Site-absolute links (warnings): those that leave a site published under a sub-path
//! (`outside-link`), and those that name a level, pillar or track page the ladder does not
//! have (`missing-page`).
//!
//! A link written as a site address (`/levels/senior/#craft`) is published as written, and a
//! build checks only links to content files. At the host's root it works; under a sub-path
//! (a site-url of `/careers/ladder/`) it points at the host's root, outside the site. A link
//! to the content file (`levels/senior.md#craft`) is rewritten to the page's address under
//! any site-url, and checked, so that is what the hints give.

use super::images::site_path_of;
use crate::diagnostic::{Diagnostics, SourceFile};
use crate::ladder::Ladder;
use crate::permalink;
use pulldown_cmark::{Event, Parser, Tag};

/// The folders of the site's own pages (see `permalink`).
const SECTIONS: &[&str] = &["levels/", "pillars/", "tracks/", "compare/", "changes/"];

/// Adds, for each Markdown link of `ladder`'s content files with a site-absolute address:
/// an `outside-link` warning when it lies outside the site-url's path and is the address one
/// of the site's pages has under it; a `missing-page` warning when it lies under it and
/// names a level, pillar or track page the ladder does not have.
pub fn outside(ladder: &Ladder, diags: &mut Diagnostics) {
    let base = crate::config::site_url_path(&ladder.config.site_url).unwrap_or_default();
    // Site address of each page that has a content file → that file's content path.
    let content = |source: &str| {
        source
            .strip_prefix("content/")
            .unwrap_or(source)
            .to_string()
    };
    let files: Vec<(String, String)> = (ladder.levels.iter())
        .flat_map(|l| {
            // A level's old addresses (aliases) are its page too.
            std::iter::once(permalink::level(&l.id))
                .chain(l.aliases.iter().cloned())
                .map(|address| (address, content(&l.source)))
        })
        .chain(
            ladder
                .pillars
                .iter()
                .map(|p| (permalink::pillar(&p.id), content(&p.source))),
        )
        .chain(
            ladder
                .tracks
                .iter()
                .filter_map(|t| Some((permalink::track(&t.id), content(t.source.as_ref()?)))),
        )
        // A free page's address is its content path without `.md`.
        .chain(ladder.pages.iter().map(|p| {
            (
                p.path.clone(),
                format!("{}.md", p.path.trim_end_matches('/')),
            )
        }))
        .collect();
    // Every address of a level, pillar or track page the site has, and of its comparisons:
    // those of the files, aliases' redirects, and a track made without a file (`ladder`).
    let known: std::collections::HashSet<String> = files
        .iter()
        .map(|(a, _)| a.clone())
        .chain(ladder.redirects.iter().map(|r| r.path.clone()))
        .chain(ladder.tracks.iter().map(|t| permalink::track(&t.id)))
        .chain(
            ladder
                .comparisons
                .iter()
                .map(|&(a, b)| permalink::compare(&ladder.levels[a].id, &ladder.levels[b].id)),
        )
        .collect();
    let compared = |a: &str, b: &str| known.contains(&permalink::compare(a, b));
    for file in ladder.files.iter().filter(|f| f.path.ends_with(".md")) {
        for (offset, address) in links(file) {
            let Some(path) = site_path_of(&address) else {
                continue;
            };
            let dir =
                crate::links::parent_dir(file.path.strip_prefix("content/").unwrap_or(&file.path));
            if let Some(inner) = format!("{path}/").strip_prefix(base.as_str()) {
                let page = format!("{}/", inner.trim_end_matches('/'));
                // `levels/<id>/`, an id as file names make them, in any capitals (not
                // `levels/a.pdf`, a file copied into the site).
                let kind = ["levels/", "pillars/", "tracks/"].into_iter().find(|s| {
                    page.strip_prefix(s)
                        .and_then(|rest| rest.strip_suffix('/'))
                        .is_some_and(|id| crate::ids::is_valid_id(&id.to_ascii_lowercase()))
                });
                // `compare/<a>/<b>/`, a comparison the site does not have: the pair the
                // other way round, or two levels of different tracks that are not equivalent.
                if let Some(hint) = permalink::missing_comparison(&page, dir, &compared) {
                    diags.push(file.warning(
                        "missing-page",
                        offset,
                        format!("the link `{address}` names no comparison of the ladder"),
                        hint,
                    ));
                }
                if let Some(kind) = kind.filter(|_| !known.contains(&page)) {
                    // The page of that kind with the nearest id, else an example of the kind.
                    let id = page[kind.len()..].trim_end_matches('/');
                    let of_kind: Vec<(&str, &str)> = files
                        .iter()
                        .filter_map(|(a, c)| {
                            let other = a.strip_prefix(kind)?.strip_suffix('/')?;
                            Some((other, c.as_str()))
                        })
                        .collect();
                    let near = crate::diagnostic::did_you_mean(id, of_kind.iter().map(|(o, _)| *o))
                        .and_then(|n| of_kind.iter().find(|(o, _)| *o == n));
                    let hint = match (near, of_kind.first()) {
                        (Some((_, c)), _) => format!(
                            "did you mean `{}`? link to the content file by its path relative to this file, which check verifies",
                            crate::links::relative_path(dir, c)
                        ),
                        (None, Some((_, c))) => format!(
                            "link to the content file by its path relative to this file, which check verifies: from here a {} is `{}`",
                            kind.trim_end_matches("s/"),
                            crate::links::relative_path(dir, c)
                        ),
                        (None, None) => "link to the content file by its path relative to this file, which check verifies".to_string(),
                    };
                    diags.push(file.warning(
                        "missing-page",
                        offset,
                        format!("the link `{address}` names no page of the ladder"),
                        hint,
                    ));
                }
                continue;
            }
            let fragment = address
                .split_once('#')
                .map(|(_, f)| format!("#{f}"))
                .unwrap_or_default();
            let page = format!("{}/", path.trim_end_matches('/'));
            // Another application on the same host (`/wiki/…`) is linked on purpose; an
            // address of one of the site's own pages is not.
            let hint = match files.iter().find(|(a, _)| *a == page) {
                Some((_, content)) => format!(
                    "link to the page's file instead, which works under any site-url: `{}{fragment}`",
                    crate::links::relative_path(dir, content)
                ),
                // A level, pillar or track the ladder does not have: no address would do.
                None if ["levels/", "pillars/", "tracks/"].iter().any(|s| page.starts_with(s)) => {
                    "the ladder has no page at that address: link to the content file by its path relative to this file".to_string()
                }
                // The comparisons and the changes page, which have no file, are linked by
                // their address relative to the file, as files are.
                None if ["compare/", "changes/"].iter().any(|s| page.starts_with(s)) => {
                    permalink::missing_comparison(&page, dir, &compared).unwrap_or_else(|| format!(
                        "link to `{}{fragment}` instead, relative to this file: it works under any site-url, and check verifies it",
                        crate::links::relative_path(dir, &page)
                    ))
                }
                None if SECTIONS.iter().any(|s| page.starts_with(s)) => format!(
                    "write `/{base}{}`, its address under the site-url",
                    address.trim_start_matches('/')
                ),
                None => continue,
            };
            diags.push(file.warning(
                "outside-link",
                offset,
                format!(
                    "the link `{address}` leads outside the site, which is published under /{base}"
                ),
                hint,
            ));
        }
    }
}

/// The site-absolute Markdown link addresses of `file`'s body and of its `summary` (shown on
/// the overview and comparisons), with their byte offsets in the file.
fn links(file: &SourceFile) -> Vec<(usize, String)> {
    let Ok(split) = crate::frontmatter::split(file) else {
        return Vec::new();
    };
    let absolute = |text: &str| -> Vec<(usize, String)> {
        Parser::new_ext(text, crate::markdown::options())
            .into_offset_iter()
            .filter_map(|(ev, range)| match ev {
                Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('/') => {
                    Some((range.start, dest_url.to_string()))
                }
                _ => None,
            })
            .collect()
    };
    let summary = super::summary_of(&split).map_or_else(Vec::new, |(summary, places)| {
        absolute(&summary)
            .into_iter()
            .map(|(at, address)| (places.place(at), address))
            .collect()
    });
    summary
        .into_iter()
        .chain(
            absolute(split.body)
                .into_iter()
                .map(|(at, address)| (split.body_offset + at, address)),
        )
        .collect()
}
