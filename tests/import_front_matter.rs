//! `ladderbook import` of Markdown whose YAML front-matter YAML itself refuses but the
//! source's own site reads: a key given twice (Jekyll keeps the last value).

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
