//! `ladderbook import` of the text around a ladder's pillars that describes a level or the
//! ladder itself: a heading that groups a level's pillars over paragraphs of its own (`###
//! Duties` over `#### Tone`), and a line after the last level that credits where the ladder
//! comes from. The documents are our own, in the shapes of real ladders (hunts 42 and 43).

mod common;
mod import_support;
use import_support::*;
use std::fs;

#[test]
fn a_heading_over_a_level_s_pillars_keeps_its_own_text_under_it() {
    // Hunt 42 H42-03: `### Responsibilities` over paragraphs, then `#### Impact` …, lost its
    // heading: its paragraphs ran on in the `Overview` section of the level's description.
    let imp = import(&fixture("folders/grouped-pillars"), &[]);
    assert_eq!(ranked_titles(&imp), ["P1", "P2", "P3"], "{}", imp.summary);
    let p2 = fs::read_to_string(imp.root.join("content/levels/p2.md")).unwrap();
    let overview = p2.find("## Overview").expect(&p2);
    let duties = p2.find("## Duties").expect(&p2);
    let learns = p2.find("A P2 player learns each part").expect(&p2);
    let pitfalls = p2.find("## Pitfalls").expect(&p2);
    assert!(
        overview < duties && duties < learns && learns < pitfalls,
        "{p2}"
    );
    // The pillars under it are still the level's.
    assert!(competency(&imp, "p2", "tone")
        .contains("Keeps a steady sound through a long phrase, grade 2."));
    assert!(
        competency(&imp, "p2", "ensemble").contains("Follows the leader's bowing marks, grade 2.")
    );
    let page = fs::read_to_string(imp.site.join("levels/p2/index.html")).unwrap();
    assert!(
        page.contains(">Duties</h2>"),
        "the level page shows the heading"
    );
}

#[test]
fn a_credit_after_the_last_level_describes_the_track_not_the_last_level() {
    // Hunt 43 H43-03: `Source d'inspiration : https://…` after the last level's list was that
    // level's description (its summary on the overview and the comparisons), or a note under
    // its expectations.
    for (file, last, credit) in [
        (
            "sections/credit-after-levels.md",
            "senior-ringer",
            "Inspired by the guild of ringers' own levels: https://example.org/guild/levels",
        ),
        (
            "sections/credit-after-labelled-levels.md",
            "sonneur-expert",
            "Source d'inspiration : https://example.org/guilde/niveaux",
        ),
    ] {
        let src = fixture(file);
        assert!(fs::read_to_string(&src).unwrap().contains(credit));
        let imp = import(&src, &[]);
        let level = fs::read_to_string(imp.root.join(format!("content/levels/{last}.md"))).unwrap();
        assert!(!level.contains("example.org"), "{level}");
        let cells = imp.root.join(format!("content/competencies/{last}"));
        for cell in fs::read_dir(&cells).unwrap() {
            let text = fs::read_to_string(cell.unwrap().path()).unwrap();
            assert!(!text.contains("example.org"), "{text}");
        }
        let tracks = content_files(&imp.root.join("content/tracks"));
        assert_eq!(tracks.len(), 1);
        let track = fs::read_to_string(&tracks[0].1).unwrap();
        assert!(track.contains(credit), "{track}");
        assert!(
            imp.summary.contains("the line after the last level says where the ladder comes from: kept in the track's description"),
            "{}",
            imp.summary
        );
        let page = imp.site.join(format!("tracks/{}/index.html", tracks[0].0));
        let page = fs::read_to_string(&page).unwrap();
        assert!(
            page.contains("example.org"),
            "the track page shows the credit"
        );
        // No comparison sums the last level up by it.
        for e in walkdir::WalkDir::new(imp.site.join("compare")) {
            let e = e.unwrap();
            if e.path().extension().is_some_and(|x| x == "html") {
                let html = fs::read_to_string(e.path()).unwrap();
                assert!(!html.contains("example.org"), "{}", e.path().display());
            }
        }
    }
}

/// A `## Quote` that pictures someone at the level is in its description, not a pillar it is
/// assessed on (hunt 46 H46-03: a pillar `Quote` with a quotation per level).
#[test]
fn a_quote_section_describes_its_level() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("roles");
    fs::create_dir_all(&dir).unwrap();
    for (file, title, quote) in [
        (
            "junior-florist.md",
            "Junior Florist",
            "Learning the stems by name.",
        ),
        (
            "florist.md",
            "Florist",
            "A calm pair of hands on a market morning.",
        ),
        (
            "senior-florist.md",
            "Senior Florist",
            "The one the wedding planners ask for.",
        ),
    ] {
        fs::write(
            dir.join(file),
            format!("# {title}\n\n## Key Attributes\n### Craft\nConditions the stems as a {title}.\n\n### Customers\nServes the counter as a {title}.\n\n## Quote\n\"{quote}\"\n\n## Role Focus\n- Shop vs Market: 0\n"),
        )
        .unwrap();
    }
    let imp = import(&dir, &[]);
    assert!(
        !imp.root.join("content/pillars/quote.md").exists(),
        "{}",
        imp.summary
    );
    let level = fs::read_to_string(imp.root.join("content/levels/florist.md")).unwrap();
    assert!(
        level.contains("A calm pair of hands on a market morning."),
        "{level}"
    );
}
