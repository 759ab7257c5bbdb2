//! Navigation a page carries: links to the other pages of its ladder, as a repository's
//! Markdown pages often have (`#### [README](README.md)` over `* [Tech Lead 5](Tech%20Lead%205.md)`
//! …) because the repository's file browser gives none. The site a ladder is imported into
//! makes its own navigation, so the outline reads the page without it.

use super::{Block, Kind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A page's navigation, as found by [`navigation`].
#[derive(Debug, Clone, PartialEq)]
pub(in crate::import) struct Navigation {
    /// For each block of the page, whether it is navigation.
    pub(in crate::import) blocks: Vec<bool>,
    /// The file names the navigation links to (lowercased, percent-decoded, once each).
    pub(in crate::import) links: Vec<String>,
}

/// A page's navigation: the headings and lists at its top that hold nothing but links to
/// Markdown files, and anywhere, a heading that is only such a link over one or more lists
/// of such links, up to the next heading or the page's end; each run counted only when it
/// links to the page itself (`own`, its file name, as a list of every page does) or its
/// heading links to a README or index (`#### [README](README.md)`); and a heading that names
/// navigation over lists of such links among which is the README or index beside the page
/// (`# Other Pages` over `* [Introduction](README.md)` …). Two or more links in
/// all, with a heading left among the other blocks. `None` when the page has none, or when
/// links are all it holds (an index). A linked heading over links elsewhere (`##
/// [Technical](../skills/technical.md)` over its competencies) is the page's own.
pub(in crate::import) fn navigation(text: &str, blocks: &[Block], own: &str) -> Option<Navigation> {
    let is_heading = |b: &Block| matches!(b.kind, Kind::Heading { .. });
    let links_in = |b: &Block| {
        matches!(b.kind, Kind::Heading { .. } | Kind::List { .. })
            .then(|| only_page_links(&text[b.start..b.end]))
            .flatten()
    };
    const HOME: [&str; 3] = ["readme.md", "index.md", "_index.md"];
    let home = |links: &[String]| {
        links
            .iter()
            .any(|l| HOME.contains(&l.rsplit('/').next().unwrap_or(l)))
    };
    // The ladder's own README beside the page, as written (`README.md`, not
    // `../manuals/index.md`).
    let home_here = |links: &[String]| links.iter().any(|l| HOME.contains(&l.as_str()));
    let mut nav = vec![false; blocks.len()];
    let mut links: Vec<String> = Vec::new();
    let mut take = |run: std::ops::Range<usize>, found: Vec<String>, headed: bool| {
        if found.iter().any(|l| l.rsplit('/').next() == Some(own)) || headed {
            nav[run].iter_mut().for_each(|b| *b = true);
            links.extend(found);
        }
    };
    // At the top.
    let mut i = 0;
    let mut found = Vec::new();
    while let Some(l) = blocks.get(i).and_then(links_in) {
        found.extend(l);
        i += 1;
    }
    let headed = i > 0 && is_heading(&blocks[0]) && links_in(&blocks[0]).is_some_and(|l| home(&l));
    take(0..i, found, headed);
    // Under a linked heading, or under a heading of words over lists that link to the
    // ladder's README among its other pages (`# Other Pages` over `* [Introduction](README.md)`,
    // `* [Tech Lead](TechLead.md)` …).
    while i < blocks.len() {
        if !is_heading(&blocks[i]) {
            i += 1;
            continue;
        }
        let heading = links_in(&blocks[i]);
        let mut k = i + 1;
        let mut found = heading.clone().unwrap_or_default();
        while let Some(l) = blocks.get(k).filter(|b| !is_heading(b)).and_then(links_in) {
            found.extend(l);
            k += 1;
        }
        if k > i + 1 && blocks.get(k).is_none_or(is_heading) {
            match &heading {
                Some(heading) => take(i..k, found, home(heading)),
                None if home_here(&found)
                    && navigation_title(&text[blocks[i].start..blocks[i].end]) =>
                {
                    take(i..k, found, true)
                }
                None => {}
            }
        }
        i = k;
    }
    links.sort();
    links.dedup();
    let rest_has_heading = blocks.iter().zip(&nav).any(|(b, &n)| !n && is_heading(b));
    (links.len() >= 2 && rest_has_heading).then_some(Navigation { blocks: nav, links })
}

/// The files `md` links to when it holds only links to Markdown files, relative ones
/// (`Data%20Scientist%203.md`, `levels/l2.md#scope`), and the markers around them (`#`, `*`,
/// `1.`): each link's path, lowercased and percent-decoded, without its anchor. `None` when
/// it has any other text, or a link elsewhere, or no link.
fn only_page_links(md: &str) -> Option<Vec<String>> {
    let mut links = Vec::new();
    let mut inside = 0usize;
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let path = crate::import::infer::page_link(&dest_url)?;
                links.push(crate::links::percent_decode(&path).to_lowercase());
                inside += 1;
            }
            Event::End(TagEnd::Link) => inside = inside.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if inside == 0 && !t.trim().is_empty() => return None,
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::Image { .. }) => return None,
            _ => {}
        }
    }
    (!links.is_empty()).then_some(links)
}

/// Whether heading line `heading` names navigation (`# Other Pages`, `## See also`), not a
/// section of the page's own (`## Training material`).
fn navigation_title(heading: &str) -> bool {
    let key = crate::import::ids::title_key(heading.trim_start_matches('#'));
    [
        "other pages",
        "pages",
        "navigation",
        "see also",
        "other roles",
        "other tracks",
        "other levels",
        "other ladders",
        "all pages",
        "more pages",
    ]
    .contains(&key.trim_end_matches([':', '.']))
}

/// The list items (at any depth) and paragraphs outside them in `md`: what the summary
/// accounts for.
pub(in crate::import) fn units(md: &str) -> usize {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let (mut n, mut in_item) = (0, 0);
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Item) => {
                n += 1;
                in_item += 1;
            }
            Event::End(TagEnd::Item) => in_item -= 1,
            Event::Start(Tag::Paragraph) if in_item == 0 => n += 1,
            _ => {}
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::only_page_links;

    #[test]
    fn only_links_to_pages_are_navigation() {
        let n = |md: &str| only_page_links(md).map(|l| l.len());
        assert_eq!(n("#### [README](README.md)"), Some(1));
        assert_eq!(
            only_page_links("* [Engineer 1](Engineer%201.md)\n\n* [Engineer 2](e2.md#top)\n"),
            Some(vec!["engineer 1.md".to_string(), "e2.md".to_string()])
        );
        assert_eq!(n("* [Guide](https://example.com/a.md)"), None);
        assert_eq!(n("* [Engineer 1](e1.md): joins a team"), None);
        assert_eq!(n("* [Chart](chart.png)"), None);
        assert_eq!(n("### Technology"), None);
    }
}
