//! `ladderbook import` on ladders pasted from chat tools and word processors, in the shapes
//! browser check 40 found them: plain labels without a colon over each level's lists beside
//! sections that write their own lists under sentences (`## How we review`), and a document's
//! numbered section titles written as lines alone after a drawn rule (`⸻` / `2. Progression
//! Criteria`), which ran on into the last level. Our own ladders in those shapes; the tests
//! read the sources themselves.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;

#[test]
fn plain_labels_are_pillars_beside_sections_of_lists_under_sentences() {
    // `## How we review` (`Evidence we look at:` and a sentence, each over a list) and `##
    // Growth` (a sentence over a list, a label met once): each level's lists were one pillar,
    // the second label shown after both lists.
    let src = fixture("pasted/labels-beside-free-sections.md");
    let exps = plain_label_items(&fs::read_to_string(&src).unwrap());
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["core-duties", "skills-knowledge"]
    );
    let site = site_words(&imp.site);
    for kept in [
        "We also read the shift reports.",
        "Pairing with a head baker",
    ] {
        assert!(site.contains(&words(kept)), "{kept} is not on the site");
    }
}

#[test]
fn numbered_titles_after_rules_end_the_last_level() {
    // `⸻` / `2. Progression Criteria` after the last level, then its labels and lists and a
    // chat tool's sign-off: all of it was the last level's, its expectations three times the
    // others'.
    let src = fixture("pasted/numbered-sections.md");
    let text = fs::read_to_string(&src).unwrap();
    let exps = plain_label_items(&text);
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The sections after the levels are pages of their own, whole.
    let pages: String = content_files(&imp.root.join("content"))
        .iter()
        .map(|(_, p)| fs::read_to_string(p).unwrap())
        .collect();
    for kept in [
        "Advancement is based on capability, not tenure.",
        "Reviews happen every January.",
        "Every baker takes one course a year.",
    ] {
        assert!(pages.contains(kept), "no free page holds {kept}");
    }
    // Its first heading, `1. Role Definitions`, only says what it holds: the file names the
    // track and the book (review 37 R37-11).
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Numbered sections"]
    );
    let head = page(&imp.site, "levels/head-baker/");
    assert!(!head.contains("Reviews happen every January."), "{head}");
    assert!(
        imp.summary
            .contains("numbered-sections.md:5: numbered lines alone after a rule"),
        "{}",
        imp.summary
    );
}
