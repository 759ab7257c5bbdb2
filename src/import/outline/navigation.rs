//! Navigation a page carries at its top: links to the other pages of its ladder, as a
//! repository's Markdown pages often have (`#### [README](README.md)` over `* [Tech Lead
//! 5](Tech%20Lead%205.md)` …) because the repository's file browser gives none. The site a
//! ladder is imported into makes its own navigation, so the outline reads the page after it.

use super::{Block, Kind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A page's navigation, as found by [`navigation`].
#[derive(Debug, Clone, PartialEq)]
pub(in crate::import) struct Navigation {
    /// For each block of the page, whether it is navigation.
    pub(in crate::import) blocks: Vec<bool>,
    /// How many links the navigation holds.
    pub(in crate::import) links: usize,
}

/// A page's navigation: the headings and lists at its top that hold nothing but links to
/// Markdown files, and anywhere, a heading that is only such a link (`#### [README](README.md)`)
/// over one or more lists of such links, up to the next heading or the page's end. Two or
/// more links in all, with a heading left among the other blocks. `None` when the page has
/// none, or when links are all it holds (an index).
pub(in crate::import) fn navigation(text: &str, blocks: &[Block]) -> Option<Navigation> {
    let is_heading = |b: &Block| matches!(b.kind, Kind::Heading { .. });
    let links_in = |b: &Block| {
        matches!(b.kind, Kind::Heading { .. } | Kind::List { .. })
            .then(|| only_page_links(&text[b.start..b.end]))
            .flatten()
    };
    let mut nav = vec![false; blocks.len()];
    let mut links = 0;
    let mut i = 0;
    while let Some(n) = blocks.get(i).and_then(links_in) {
        nav[i] = true;
        links += n;
        i += 1;
    }
    while i < blocks.len() {
        let Some(n) = Some(&blocks[i])
            .filter(|b| is_heading(b))
            .and_then(links_in)
        else {
            i += 1;
            continue;
        };
        let mut k = i + 1;
        let mut listed = 0;
        while let Some(m) = blocks.get(k).filter(|b| !is_heading(b)).and_then(links_in) {
            listed += m;
            k += 1;
        }
        if k > i + 1 && blocks.get(k).is_none_or(is_heading) {
            nav[i..k].iter_mut().for_each(|b| *b = true);
            links += n + listed;
        }
        i = k;
    }
    let rest_has_heading = blocks.iter().zip(&nav).any(|(b, &n)| !n && is_heading(b));
    (links >= 2 && rest_has_heading).then_some(Navigation { blocks: nav, links })
}

/// How many links `md` holds when it holds only links to Markdown files, relative ones
/// (`Data%20Scientist%203.md`, `levels/l2.md#scope`), and the markers around them (`#`, `*`,
/// `1.`); `None` when it has any other text, or a link elsewhere.
fn only_page_links(md: &str) -> Option<usize> {
    let mut n = 0;
    let mut inside = 0usize;
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let path = dest_url
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if path.contains("://") || !path.ends_with(".md") {
                    return None;
                }
                n += 1;
                inside += 1;
            }
            Event::End(TagEnd::Link) => inside = inside.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if inside == 0 && !t.trim().is_empty() => return None,
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::Image { .. }) => return None,
            _ => {}
        }
    }
    (n > 0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::only_page_links;

    #[test]
    fn only_links_to_pages_are_navigation() {
        assert_eq!(only_page_links("#### [README](README.md)"), Some(1));
        assert_eq!(
            only_page_links("* [Engineer 1](Engineer%201.md)\n\n* [Engineer 2](e2.md#top)\n"),
            Some(2)
        );
        assert_eq!(only_page_links("* [Guide](https://example.com/a.md)"), None);
        assert_eq!(only_page_links("* [Engineer 1](e1.md): joins a team"), None);
        assert_eq!(only_page_links("* [Chart](chart.png)"), None);
        assert_eq!(only_page_links("### Technology"), None);
    }
}
