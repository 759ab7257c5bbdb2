//! `ladderbook import` of Markdown whose YAML front-matter YAML itself refuses but the
//! source's own site reads: a key given twice (Jekyll keeps the last value), a quoted value
//! that runs on at column 0 (Pandoc reads it).

mod common;
mod import_support;
use import_support::*;

#[test]
fn a_front_matter_key_given_twice_does_not_refuse_the_folder() {
    // One page of a Jekyll folder sets `updated_date` twice; the whole folder was refused
    // ("this YAML does not parse: duplicated key in mapping").
    let imp = import(&fixture("folders/repeated-front-matter-key"), &[]);
    let mut levels = content_ids(&imp.root.join("content/levels"));
    levels.sort();
    assert_eq!(levels, ["tester-i", "tester-ii", "writer-i", "writer-ii"]);
    assert!(
        imp.summary
            .contains("writer.md:5: `updated_date` is given twice in one mapping (lines 4 and 5)"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_refusal_names_the_front_matter_that_holds_a_ladder_import_does_not_read() {
    // Hunt 21 M4: a page whose ladder is its front-matter's `skill_stages` (stages listing
    // topic pages) was refused with the generic hint, which never said the front-matter was
    // seen and not understood.
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("deckhand-path.md");
    std::fs::write(
        &page,
        "---\ntitle: Deckhand\ntags:\n  - crew\nskill_stages:\n  - name: Novice\n    topics:\n      - knots\n  - name: Expert\n    topics:\n      - mooring\n---\n\n# Deckhand Path\n\nThe topics below are what a deckhand learns at each stage.\n",
    )
    .unwrap();
    let err = refused(&page, &tmp.path().join("out"));
    assert!(
        err.contains("deckhand-path.md:1:1: error: found no ladder in this file: no levels with pillars and expectations, and its front-matter's `skill_stages` is not a shape import reads"),
        "{err}"
    );
    assert!(!err.contains("`tags`"), "{err}");
}

#[test]
fn with_format_markdown_a_front_matter_that_does_not_parse_is_passed_over_and_said() {
    // Hunt 25 M4 (teachingRSE's paper, built by Pandoc): a quoted value that runs on at
    // column 0, which PyYAML reads and our YAML parser does not, refused the whole page,
    // with `--format markdown` too, and the hint said a YAML linter would agree.
    let src = fixture("shapes/front-matter-pandoc-quote.md");
    let tmp = tempfile::tempdir().unwrap();
    let refused = refused(&src, &tmp.path().join("out"));
    assert!(
        refused.contains("front-matter-pandoc-quote.md:3:"),
        "{refused}"
    );
    assert!(refused.contains("--format markdown"), "{refused}");
    let imp = import(&src, &["--format", "markdown"]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["grower", "head-grower", "orchard-hand"]
    );
    assert!(
        imp.summary
            .contains("front-matter-pandoc-quote.md:3: the front-matter does not parse"),
        "{}",
        imp.summary
    );
}
