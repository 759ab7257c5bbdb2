//! Phases: the descriptions of pillars and tracks, and the free pages, each a link target.

use super::draft::Draft;
use super::resolve::Target;
use super::{FreePage, Pillar, TEMPLATE_IDS};
use crate::frontmatter::keys::{PageKeys, PillarKeys};
use crate::load::Kind;
use crate::markdown;
use crate::permalink;
use foldhash::HashSet;

/// Pillars with their descriptions, and the tracks' descriptions. Their headings' ids must
/// not take a level's id (the sections of their pages) or one the templates use.
pub(super) fn pillars_and_tracks(d: &mut Draft) {
    let mut taken: HashSet<String> = d.level_ids().iter().map(|s| s.to_string()).collect();
    taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
    d.pillars = Vec::with_capacity(d.pillar_docs.len());
    for doc in &d.pillar_docs {
        let Kind::Pillar(PillarKeys { title, .. }) = &doc.kind else {
            continue;
        };
        let body = markdown::parse(doc.body(), doc.body_offset, &taken);
        // Its level sections' anchors are added once the tracks' pillars are known.
        let anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
        d.targets.insert(
            doc.content_path.clone(),
            Target::page(permalink::pillar(&doc.id), anchors),
        );
        d.pillars.push(Pillar {
            id: doc.id.clone(),
            title: title.to_string(),
            description: body.whole,
            source: doc.source.path.clone(),
        });
    }
    for (i, doc) in d.track_docs.iter().enumerate() {
        let body = markdown::parse(doc.body(), doc.body_offset, &taken);
        let mut anchors: HashSet<String> = body.heading_ids.iter().cloned().collect();
        anchors.extend(d.tracks[i].levels.iter().map(|&l| d.levels[l].id.clone()));
        d.targets.insert(
            doc.content_path.clone(),
            Target::page(permalink::track(&doc.id), anchors),
        );
        d.tracks[i].description = body.whole;
    }
}

/// Free pages, by weight then title.
pub(super) fn free_pages(d: &mut Draft) {
    let mut taken: HashSet<String> = HashSet::default();
    taken.extend(TEMPLATE_IDS.iter().map(|s| s.to_string()));
    for doc in d.documents {
        let Kind::Page(PageKeys { title, weight, .. }) = &doc.kind else {
            continue;
        };
        let body = markdown::parse(doc.body(), doc.body_offset, &taken);
        let path = permalink::page(doc.content_path.trim_end_matches(".md"));
        d.targets.insert(
            doc.content_path.clone(),
            Target::page(path.clone(), body.heading_ids.iter().cloned().collect()),
        );
        d.pages.push((
            doc,
            FreePage {
                path,
                title: title.clone(),
                weight: weight.unwrap_or(0),
                title_in_body: opens_with_title(doc.body(), title),
                body: body.whole,
            },
        ));
    }
    d.pages
        .sort_by(|a, b| (a.1.weight, &a.1.title).cmp(&(b.1.weight, &b.1.title)));
}

/// Whether `body` opens with a level-1 heading (ATX or setext, CommonMark §4.2–4.3) whose
/// text is `title` word for word, ignoring case and punctuation: the page then shows that heading,
/// with its id, instead of the template's (see [`super::FreePage::title_in_body`]).
fn opens_with_title(body: &str, title: &str) -> bool {
    use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
    let mut events = pulldown_cmark::Parser::new_ext(body, crate::markdown::options());
    if !matches!(
        events.next(),
        Some(Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }))
    ) {
        return false;
    }
    let mut text = String::new();
    for ev in events {
        match ev {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    // By words: smart punctuation curls the heading's quotes, not the title's.
    crate::compare::words(&text) == crate::compare::words(title)
}

#[cfg(test)]
mod tests {
    use super::opens_with_title;

    #[test]
    fn a_first_heading_that_is_the_title_is_found_in_either_form() {
        for body in [
            "\n# How promotions work\n\nText.\n",
            "How Promotions Work\n===\n",
            "# How *promotions* work #\r\n",
        ] {
            assert!(opens_with_title(body, "How promotions work"), "{body:?}");
        }
        assert!(opens_with_title("# What’s new\n", "What's new"));
        assert!(opens_with_title("# “Senior” levels\n", "\"Senior\" levels"));
        assert!(!opens_with_title("# What’s new\n", "What is new"));
        for body in [
            "# Another title\n",
            "## How promotions work\n",
            "Text\n\n# How promotions work\n",
            "    # How promotions work\n",
        ] {
            assert!(!opens_with_title(body, "How promotions work"), "{body:?}");
        }
    }
}
