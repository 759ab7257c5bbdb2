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
        let (text, offset) = without_title_heading(doc.body(), doc.body_offset, title);
        let body = markdown::parse(text, offset, &taken);
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
                body: body.whole,
            },
        ));
    }
    d.pages
        .sort_by(|a, b| (a.1.weight, &a.1.title).cmp(&(b.1.weight, &b.1.title)));
}

/// `body` (which starts at byte `offset` of its file) without a first line that is an ATX
/// heading of level 1 (CommonMark §4.2: up to three spaces, `#`, a space, the text, optional
/// closing `#`s) whose text is `title`, ignoring case: the page template shows the title as
/// the page's heading, and a Markdown file that starts with its own title (as most do) would
/// show it twice. Returns the text and its offset in the file.
fn without_title_heading<'b>(body: &'b str, offset: usize, title: &str) -> (&'b str, usize) {
    let start = body.len() - body.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    let start = body[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[start..]
        .find('\n')
        .map_or(body.len(), |i| start + i + 1);
    let line = body[start..line_end].trim_end();
    let indent = line.len() - line.trim_start_matches(' ').len();
    let heading = (indent <= 3)
        .then(|| line[indent..].strip_prefix("# "))
        .flatten()
        .map(|h| h.trim_end_matches('#').trim());
    match heading {
        Some(h) if h.eq_ignore_ascii_case(title.trim()) => (&body[line_end..], offset + line_end),
        _ => (body, offset),
    }
}

#[cfg(test)]
mod tests {
    use super::without_title_heading;

    #[test]
    fn a_first_heading_that_is_the_title_is_left_to_the_template() {
        let body = "\n# How promotions work\n\nText.\n";
        assert_eq!(
            without_title_heading(body, 10, "How Promotions Work"),
            ("\nText.\n", 10 + 23)
        );
        assert_eq!(without_title_heading("  # FAQ ##\nA", 0, "FAQ"), ("A", 11));
        for kept in [
            "# Another title\n",
            "## FAQ\n",
            "    # FAQ\n",
            "Text\n# FAQ\n",
            "#FAQ\n",
        ] {
            assert_eq!(without_title_heading(kept, 3, "FAQ"), (kept, 3), "{kept:?}");
        }
    }
}
