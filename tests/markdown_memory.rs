//! Memory for pathological Markdown: a long line of `[` or `<` (each one a separate text
//! event to pulldown-cmark) must cost memory in proportion to the line, at about what
//! pulldown-cmark itself needs, not several times that in ladderbook's own copies of events.
//! This test binary counts every allocation, so it holds this one test only.

mod common;
mod counting;
use common::*;
use std::fs;

#[global_allocator]
static COUNTING: counting::Counting = counting::Counting;

/// Peak bytes in use above the start while the ladder in `root` is loaded and rendered in
/// memory.
fn peak_of_build(root: &std::path::Path) -> usize {
    counting::peak_during(|| {
        let p = ladderbook::build::prepare(root).expect("the ladder builds");
        ladderbook::serve::full_render(root, &p).unwrap();
    })
}

#[test]
fn a_long_line_of_brackets_costs_memory_in_proportion_to_it() {
    const LINE: usize = 400_000;
    let dir = tempfile::tempdir().unwrap();
    let mut peaks = Vec::new();
    for ch in ['a', '[', '<'] {
        let root = dir.path().join(format!("ladder-{}", ch as u32));
        copy_ladder(&repo(), &root);
        let cell = root.join("content/competencies/engineer-1/craft.md");
        let mut text = fs::read_to_string(&cell).unwrap();
        text.push_str(&format!("\n- {}\n", ch.to_string().repeat(LINE)));
        fs::write(&cell, text).unwrap();
        peaks.push(peak_of_build(&root));
    }
    eprintln!(
        "peaks (bytes): plain {}, `[` {}, `<` {}",
        peaks[0], peaks[1], peaks[2]
    );
    for (ch, peak) in ['[', '<'].iter().zip(&peaks[1..]) {
        let per_char = peak.saturating_sub(peaks[0]) / LINE;
        assert!(
            per_char < 120,
            "a line of {LINE} `{ch}` costs {per_char} bytes per character above a line of letters"
        );
    }
}
