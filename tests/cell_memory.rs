//! Memory for a cell pasted whole: a competency of thousands of expectations, beside
//! cells of a few, must cost memory in proportion to its expectations, not to their square
//! (every pair of two cells' expectations is scored for a comparison). This test binary
//! counts every allocation, so it holds this one test only.

mod common;
mod counting;
use common::*;
use std::fs;

#[global_allocator]
static COUNTING: counting::Counting = counting::Counting;

/// Peak bytes in use above the start while the ladder in `root` is checked and rendered in
/// memory, as `check` and `serve` do.
fn peak_of(root: &std::path::Path) -> usize {
    counting::peak_during(|| {
        let (diags, _) = ladderbook::check::check(root, false);
        assert!(!diags.has_errors(), "{diags:?}");
        let p = ladderbook::build::prepare(root).expect("the ladder builds");
        ladderbook::serve::full_render(root, &p).unwrap();
    })
}

#[test]
fn a_cell_of_thousands_of_expectations_costs_memory_in_proportion_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut peaks = Vec::new();
    let sizes = [0, 1_500, 6_000];
    for n in sizes {
        let root = dir.path().join(format!("ladder-{n}"));
        copy_ladder(&repo(), &root);
        let cell = root.join("content/competencies/engineer-1/craft.md");
        let mut text = fs::read_to_string(&cell).unwrap();
        // Words of their own in each, as a pasted document has.
        for i in 0..n {
            text.push_str(&format!(
                "- Expectation {i} of the pasted list, about topic t{i} and area a{}.\n",
                i * 7
            ));
        }
        fs::write(&cell, text).unwrap();
        peaks.push(peak_of(&root));
    }
    eprintln!("peaks (bytes) for {sizes:?} expectations: {peaks:?}");
    // Above the ladder without them: four times the expectations, in proportion about four
    // times the memory; in their square, sixteen.
    let (small, large) = (peaks[1] - peaks[0], peaks[2] - peaks[0]);
    assert!(
        large < small * 6,
        "{} expectations cost {small} bytes, {} cost {large}",
        sizes[1],
        sizes[2]
    );
}
