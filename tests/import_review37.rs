//! Reviews 37 and 38: inputs written to break this session's import rules (areas turned round
//! under a track heading, what it takes to move on, numbered section titles after rules,
//! tables under an area of a level, tracks tagged after their codes), and then the fixes of
//! review 37, each read as meant. The inputs are the reviewers' own, in invented topics.

mod common;
mod import_support;
use import_support::*;
use std::fs;

fn r37(name: &str) -> std::path::PathBuf {
    fixture(&format!("review/r37/{name}"))
}

#[test]
fn tracks_with_labelled_pillars_stay_tracks_however_they_are_titled() {
    // R37-01, R37-05: `## Bread` / `### Level 1` / `**Fermentation:**` with pillars of each
    // track's own, numbered tracks (`## 1. Bread`), or a title with the word `Track` in it
    // (`# Bakery Career Track`): two tracks, which were turned round into one whose pillars
    // were the tracks.
    for name in [
        "tracks-with-own-labels.md",
        "numbered-tracks.md",
        "title-names-a-track.md",
    ] {
        let imp = import(&r37(name), &[]);
        let tracks = titles(&imp.root.join("content/tracks"));
        assert_eq!(tracks.len(), 2, "{name}: {tracks:?}\n{}", imp.summary);
        let pillars = content_ids(&imp.root.join("content/pillars"));
        assert!(
            !pillars.iter().any(|p| p.contains("bread")),
            "{name}: {pillars:?}"
        );
    }
}

#[test]
fn a_setext_underline_over_a_loose_numbered_list_is_no_rule() {
    // R37-02: `Junior Gardener` / `-----` over `1. Waters the beds` / `2. …`: the underline
    // was taken for a rule and each level's first item for a section's title.
    let src = r37("setext-levels-loose-lists.md");
    let imp = import(&src, &[]);
    assert_eq!(
        titles(&imp.root.join("content/levels")).len(),
        3,
        "{}",
        imp.summary
    );
    let text = fs::read_to_string(&src).unwrap();
    let items = text
        .lines()
        .filter(|l| {
            l.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u8>().is_ok())
        })
        .count();
    assert!(
        imp.summary.contains(&format!("{items} expectations")),
        "{}",
        imp.summary
    );
}

#[test]
fn what_it_takes_to_reach_this_level_is_its_expectations() {
    // R37-03: `To reach this level, a librarian:` and `Promotion to this level requires:`
    // over each level's only list: every list went into the descriptions.
    for name in ["to-reach-this-level.md", "promotion-to-this-level.md"] {
        let src = r37(name);
        let items = fs::read_to_string(&src)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("- "))
            .count();
        let imp = import(&src, &[]);
        assert!(
            imp.summary.contains(&format!(" {items} expectations")),
            "{name}: {}",
            imp.summary
        );
    }
}

#[test]
fn anti_patterns_beside_an_areas_examples_are_notes() {
    // R37-04: a turned-round area's cell with `**Examples:**` and `**Anti-patterns:**`, each
    // over a list: the anti-patterns were published as expectations.
    let imp = import(&r37("anti-patterns-in-areas.md"), &[]);
    let cell = competency(&imp, "level-1", "bread");
    assert!(cell.contains("- Does bread task A1"), "{cell}");
    assert!(cell.contains("> - Skips bread check C1"), "{cell}");
    let page = common::page(&imp.site, "levels/level-1/");
    let own = common::section(&page, "bread", "class=\"pillar-section\"");
    assert!(
        !own.contains("<li id=\"bread--3\""),
        "an anti-pattern is an expectation: {own}"
    );
}

#[test]
fn a_rota_under_each_level_is_no_pillars() {
    // R37-08: `### Weekly rota` / `| Day | Duty |` under each level made Monday and Thursday
    // pillars.
    let imp = import(&r37("rota-tables.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["scope-impact"]
    );
}

#[test]
fn tags_after_an_en_dash_or_after_shared_junior_levels_make_tracks() {
    // R37-09: `L2 IC – Baker` (an en dash), and an untagged `L1 - Baker` before the tagged
    // levels: one track ranked EM above IC.
    for name in ["en-dash-tags.md", "untagged-first-levels.md"] {
        let imp = import(&r37(name), &[]);
        let tracks = titles(&imp.root.join("content/tracks"));
        assert_eq!(tracks.len(), 2, "{name}: {tracks:?}\n{}", imp.summary);
        for level in titles(&imp.root.join("content/levels")) {
            assert!(
                !level.contains("IC") && !level.contains("EM"),
                "{name}: {level}"
            );
        }
    }
}

#[test]
fn a_singular_first_heading_over_coded_levels_is_a_level() {
    // R37-10: `# Oven Engineer` over `# L2 - Oven Engineer` …: names the role once, not the
    // family in the plural, so it is the first level, as before.
    let imp = import(&r37("singular-first-heading.md"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/levels")).len(),
        3,
        "{}",
        imp.summary
    );
}

#[test]
fn numbered_titles_in_fenced_code_are_left_alone() {
    // R37-12: a fenced block with a `# light the pilot` shell comment after the pasted
    // sections: the sections are still free pages and the levels' pillars their labels.
    let imp = import(&r37("fenced-hash-lines.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["core-duties", "skills-knowledge"]
    );
    let oven = fs::read_to_string(imp.root.join("content/4-oven-setup.md")).unwrap();
    assert!(oven.contains("# light the pilot"), "{oven}");
}

fn r38(name: &str) -> std::path::PathBuf {
    fixture(&format!("review/r38/{name}"))
}

#[test]
fn review_38_inputs_are_read_as_meant() {
    let cells = |imp: &Imported| -> String {
        walkdir::WalkDir::new(imp.root.join("content/competencies"))
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| fs::read_to_string(e.path()).unwrap())
            .collect()
    };
    let levels = |imp: &Imported| -> String {
        content_files(&imp.root.join("content/levels"))
            .iter()
            .map(|(_, p)| fs::read_to_string(p).unwrap())
            .collect()
    };
    // R38-01: a sentence that runs on (`To reach Gardener, a junior shows over a season` /
    // `…`), a table headed `Next level` and an item `- Next level: …` in a description stay
    // as written: none is made a heading.
    for name in ["wrapped-moving-on-paragraph.md", "next-level-table.md"] {
        let imp = import(&r38(name), &[]);
        let text = levels(&imp);
        assert!(
            !text.lines().any(|l| l.starts_with("## To reach")
                || l.starts_with("## Next level")
                || l.starts_with("## |")
                || l.starts_with("## -")),
            "{name}: {text}"
        );
    }
    let imp = import(&r38("next-level-table.md"), &[]);
    assert!(levels(&imp).contains("| Next level | Typical time |"));
    // R38-02: `2. Progression Criteria` after a rule, over a list of its own numbered from
    // 1, is a section's title: its criteria are no level's.
    let imp = import(&r38("criteria-numbered-list.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")).len(),
        2,
        "{}",
        imp.summary
    );
    assert!(imp.summary.contains(" 12 expectations"), "{}", imp.summary);
    // R38-03, R38-04: what it takes to leave this level (`Exit criteria for this level:`,
    // `Promotion from this level requires:`), or to reach a longer title (`Promotion to Senior
    // Librarian requires:` under `Librarian`), is no expectation of it.
    for (name, moved) in [
        ("from-this-level.md", "Exit criteria for this level"),
        (
            "promotion-to-a-longer-title.md",
            "Promotion to Senior Librarian requires",
        ),
    ] {
        let imp = import(&r38(name), &[]);
        assert!(levels(&imp).contains(moved), "{name}: {}", levels(&imp));
        assert!(
            imp.summary.contains(" 6 expectations"),
            "{name}: {}",
            imp.summary
        );
    }
    // R38-05: a column that rates against the expectations (`Exceeds expectations`) is a
    // note on the text, not the text.
    let imp = import(&r38("exceeds-column.md"), &[]);
    let text = cells(&imp);
    assert!(
        text.contains("  - Exceeds expectations: Runs a tasting for the whole shop"),
        "{text}"
    );
    // R38-06: `Avoids common pitfalls:` over a list is what the level does.
    let imp = import(&r38("avoids-pitfalls.md"), &[]);
    assert!(imp.summary.contains(" 10 expectations"), "{}", imp.summary);
    assert!(!cells(&imp).contains("> -"), "{}", cells(&imp));
    // R38-07: a README titled `# Levels` keeps its title.
    let imp = import(&r38("readme-titled-levels"), &[]);
    assert_eq!(titles(&imp.root.join("content/tracks")), ["Levels"]);
    // R38-08: a sentence in italics after one paragraph is an expectation still.
    let imp = import(&r38("italic-expectation.md"), &[]);
    assert!(imp.summary.contains(" 6 expectations"), "{}", imp.summary);
    // R38-12: a rota of shifts (`| Early shift | … |`) under each level is no pillars.
    let imp = import(&r38("shift-rota.md"), &[]);
    assert_eq!(content_ids(&imp.root.join("content/pillars")), ["craft"]);
}
