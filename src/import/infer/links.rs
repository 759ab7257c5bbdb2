//! Whether a page is an index of level files, and the links a page gives to other Markdown
//! files of the import.

use super::*;

/// A document that links to two or more other Markdown files as an index of level files
/// does (a README of the levels): by a level's name (`[Senior Engineer](senior.md)`), or by
/// a link that is all of its paragraph or item, or that names the file the heading names, in
/// a section titled as a level (`## Senior` over `[Read more](senior.md)`, `## Staff Nurse`
/// over `Read the [full expectations](staff-nurse.md).`). Its sections describe a ladder rather than being levels
/// without pillars. Links inside a level's sentences (`gets [code reviewed](reviews.md)
/// quickly`) or in a reading list (`## Related guides`), as docs sites write on nearly every
/// page, make no index; nor do a page's navigation links (see
/// [`crate::import::outline::navigation`]).
pub(in crate::import) fn is_index(d: &Doc) -> bool {
    *d.index_of_files.get_or_init(|| links_levels(d))
}

/// [`is_index`], found.
fn links_levels(d: &Doc) -> bool {
    // Reference links (`[Senior][s]`) are defined anywhere in the document.
    let defs: Vec<(String, String)> =
        pulldown_cmark::Parser::new_ext(&d.src.text, crate::markdown::options())
            .reference_definitions()
            .iter()
            .map(|(label, def)| (label.to_lowercase(), def.dest.to_string()))
            .collect();
    let mut counted: Vec<String> = Vec::new();
    for s in 0..d.secs.len() {
        let in_level = d.secs[s].heading.is_some() && level_like(&heading_text(d, s));
        // A link to the file named as the heading is (`## Staff Nurse` / `Read the [full
        // expectations](staff-nurse.md).`).
        let heading = in_level.then(|| ids::title_key(&heading_text(d, s)));
        let named = |url: &str| {
            let file = url.rsplit('/').next().unwrap_or(url);
            let stem = file.trim_end_matches(".md").trim_end_matches(".html");
            heading
                .as_ref()
                .is_some_and(|h| *h == ids::title_key(&stem.replace(['-', '_'], " ")))
        };
        for &b in &d.secs[s].own {
            let block = &d.blocks[b];
            let parts: Vec<(usize, usize)> = match &block.kind {
                Kind::List { items } => items.iter().map(|it| (it.start, it.end)).collect(),
                _ => vec![(block.start, block.end)],
            };
            for (from, to) in parts {
                let Some(text) = d.src.text.get(from..to.min(d.src.text.len())) else {
                    continue;
                };
                for (url, name, bare, prose) in page_links(text, &defs) {
                    let nav = d
                        .nav_links
                        .contains(&crate::links::percent_decode(&url).to_lowercase());
                    // A level's name in running text refers to its page; a link named as
                    // its section is (`## Staff Nurse` / `Read the [full
                    // expectations](staff-nurse.md).`) lists it.
                    if !nav
                        && !counted.contains(&url)
                        && ((level_like(&name) && !prose) || (in_level && bare) || named(&url))
                    {
                        counted.push(url);
                    }
                }
            }
        }
    }
    counted.len() >= 2
}

/// The links of `text` (one paragraph or list item) to Markdown files (see [`page_link`]):
/// each with its link text, and whether it is all of `text` but two words at most (`Read
/// more: [Senior](senior.md)`), and whether the text is mostly words of its own. `defs`: the
/// document's reference definitions, by label lowercased.
fn page_links(text: &str, defs: &[(String, String)]) -> Vec<(String, String, bool, bool)> {
    use pulldown_cmark::{BrokenLink, CowStr, Event, Parser, Tag, TagEnd};
    let mut links: Vec<(String, String)> = Vec::new();
    let (mut open, mut outside) = (None::<(String, String)>, String::new());
    let mut resolve = |b: BrokenLink| {
        let label = b.reference.to_lowercase();
        defs.iter()
            .find(|(l, _)| *l == label)
            .map(|(_, dest)| (CowStr::from(dest.clone()), CowStr::from("")))
    };
    let parser =
        Parser::new_with_broken_link_callback(text, crate::markdown::options(), Some(&mut resolve));
    for ev in parser {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => {
                open = page_link(&dest_url).map(|u| (u, String::new()));
            }
            Event::End(TagEnd::Link) => links.extend(open.take()),
            Event::Text(t) | Event::Code(t) => match &mut open {
                Some((_, name)) => name.push_str(&t),
                None => {
                    outside.push(' ');
                    outside.push_str(&t);
                }
            },
            _ => {}
        }
    }
    let words = outside.split_whitespace().count();
    let bare = words <= 2;
    // Links in running text (`You know what a [junior](junior.md) knows and what a [mid
    // cook](../cook/mid.md) knows`) refer to pages; they list none.
    let prose = words > 3 * links.len() + 4;
    links
        .into_iter()
        .map(|(url, name)| (url, name, bare, prose))
        .collect()
}

/// The Markdown files `text` links to: each relative link to a `.md` file, lowercased and
/// without its `#anchor`, once, in the order of first use.
pub(in crate::import) fn markdown_links(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut targets: Vec<String> = Vec::new();
    for ev in Parser::new(text) {
        if let Event::Start(Tag::Link { dest_url, .. }) = ev {
            if let Some(url) = page_link(&dest_url).filter(|u| !targets.contains(u)) {
                targets.push(url);
            }
        }
    }
    targets
}

/// The Markdown file a link's destination names, lowercased (ASCII letters) and without its
/// `#anchor`, when it is a relative link to a `.md` file; `None` for any other.
pub(in crate::import) fn page_link(dest_url: &str) -> Option<String> {
    let url = dest_url
        .split('#')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    (!url.contains("://") && url.ends_with(".md")).then_some(url)
}
