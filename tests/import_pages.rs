//! `ladderbook import` of a page of a documentation site (hunt 19: GOV.UK's Tech Docs, the
//! Government Digital Service's career path): levels as headings over lists, with links to
//! other pages of the site in the levels' sentences and in a reading list after them, and a
//! file named for both HTML and Markdown (`*.html.md`), and a reading list under each level.
//! The pages are our own, in those shapes.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// Links to the site's other pages, inside expectations and in a `Related guides` list,
/// made the page an index of level files, which is never read as levels: the three levels
/// were one level's pillars. And the file's `.html` was in every id, so in every address.
#[test]
fn a_page_that_links_to_guides_is_still_a_ladder_named_without_its_html() {
    let src = fixture("sections/tending-the-hives.html.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (None::<String>, Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.ends_with(" level").then(|| h.to_string());
        } else if let (Some(level), Some(item)) = (&level, line.strip_prefix("- ")) {
            exps.push(Exp {
                level: words(level),
                pillar: "Expectations".to_string(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["junior-level", "mid-level", "senior-level"]
    );
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")),
        ["tending-the-hives"]
    );
    // The reading list is kept, on a page of its own.
    let guides = fs::read_to_string(imp.root.join("content/related-guides.md")).unwrap();
    assert!(guides.contains("Queen rearing"), "{guides}");
}

/// Two stages, each a list and then the same reading list (`### Guides`), as GOV.UK's career
/// path writes a skill: the recurring `Guides` made the stages levels whose one pillar was
/// the links, with what each stage does left in its description.
#[test]
fn a_reading_list_under_each_level_is_no_pillar() {
    let src = fixture("sections/reading-lists-under-levels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps, mut links) = (String::new(), Vec::new(), 0);
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if line.starts_with("- [") {
            links += 1;
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: "Expectations".to_string(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!((exps.len(), links), (5, 3));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["expectations"]
    );
    // The links stay with their stage.
    let stage = fs::read_to_string(imp.root.join("content/levels/starting-out.md")).unwrap();
    assert!(stage.contains("[Holding the angle]"), "{stage}");
}
