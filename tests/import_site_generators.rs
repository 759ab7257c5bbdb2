//! `ladderbook import` of a site generator's content folder as its site shows it (hunt 20's
//! InfraCloud ladder, a Hugo site): shortcodes are not text, `_index.md`'s front-matter
//! `title` names the ladder and its section's track, and `weight` orders a section's pages.

mod common;
mod import_support;
use import_support::*;
use std::fs;

#[test]
fn a_hugo_section_reads_as_its_site_shows_it() {
    let imp = import(&fixture("folders/hugo-shortcodes"), &[]);
    // `{{< cards >}}` and `{{< card … >}}` showed as text on the track page.
    let site = site_words(&imp.site);
    assert!(
        !site.contains("{{") && !site.contains("card link"),
        "{site}"
    );
    let track = fs::read_to_string(imp.root.join("content/tracks/deck-crew.md")).unwrap();
    assert!(track.contains("The grades are:"), "{track}");
    // `title:` in the front-matter of `_index.md` names the ladder and the track: the book
    // was titled by the folder's name ("Hugo shortcodes"), the track `Deck`.
    let book = fs::read_to_string(imp.root.join("book.toml")).unwrap();
    assert!(book.contains("title = \"Harbour Ferry Ladders\""), "{book}");
    assert_eq!(
        str_of(
            &front(&imp.root.join("content/tracks/deck-crew.md")),
            "title"
        ),
        "Deck crew"
    );
    // `weight: 1` … `weight: 3` orders the levels, not their file names (bosun, deckhand,
    // mate).
    let ranks: Vec<i64> = ["deckhand", "mate", "bosun"]
        .iter()
        .map(|l| level_rank(&imp, l))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
}

#[test]
fn a_kramdown_table_of_contents_is_left_to_the_site_generator() {
    // Hunt 21 L4: Just the Docs' `# Table of contents` over `1. TOC` / `{:toc}` became a
    // free page whose whole text was "1. TOC".
    let imp = import(&fixture("sections/kramdown-toc.md"), &[]);
    assert!(!imp.summary.contains("free page"), "{}", imp.summary);
    assert!(
        !imp.root.join("content/table-of-contents.md").exists(),
        "{}",
        imp.summary
    );
    assert_eq!(
        titles(&imp.root.join("content/levels")),
        ["Bosun", "Deckhand"]
    );
    for entry in walkdir::WalkDir::new(imp.root.join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(!text.contains("TOC"), "{}: {text}", entry.path().display());
        }
    }
}

#[test]
fn data_files_one_per_area_keyed_by_level_codes_are_a_ladder() {
    // Hunt 21 M3: a competency matrix kept as a JSON file per area (`"L1": {"summary": …,
    // "detail": …}`) was refused as "JSON without a ladder".
    let imp = import(&fixture("folders/area-data-files"), &[]);
    assert_eq!(titles(&imp.root.join("content/levels")), ["L1", "L2", "L3"]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["mooring", "navigation", "safety"]
    );
    let cell = competency(&imp, "l2", "navigation");
    assert!(
        cell.contains("- Plans a crossing around the tide."),
        "{cell}"
    );
    assert!(
        cell.contains("Checks the tide tables the night before."),
        "{cell}"
    );
    assert!(
        competency(&imp, "l3", "safety").contains("Signs off the safety log"),
        "{}",
        imp.summary
    );
    // The site builds, with the three levels compared, and a detail goes with its
    // expectation into the comparison (browser check 27 M1: as a note after the list, no
    // comparison showed it).
    assert!(imp.site.join("compare/l1/l3/index.html").is_file());
    let compare = std::fs::read_to_string(imp.site.join("compare/l1/l2/index.html")).unwrap();
    assert!(
        compare.contains("Checks the tide tables the night before."),
        "{compare}"
    );
}

/// Hunt 27 M3 (Ultralytics' handbook, a MkDocs site): an admonition (`!!! success "Good
/// signs"` over an indented list) was one expectation reading `!!! success "Good signs"` with
/// the list nested under it. MkDocs draws it as a box titled `Good signs` over the list.
#[test]
fn mkdocs_admonitions_read_as_their_title_over_their_block() {
    let imp = import(&fixture("sections/mkdocs-admonitions.md"), &[]);
    let signals = competency(&imp, "night-assistant", "signals");
    assert!(!signals.contains("!!!"), "{signals}");
    assert!(signals.contains("**Good signs:**"), "{signals}");
    assert!(signals.contains("\n- The log has no gaps\n"), "{signals}");
    // An admonition without a title is titled by its type.
    assert!(signals.contains("**Note:**"), "{signals}");
    assert!(!signals.contains("???"), "{signals}");
    let observer = competency(&imp, "observer", "signals");
    assert!(
        observer.contains("\n- Every planned target is observed\n"),
        "{observer}"
    );
}
