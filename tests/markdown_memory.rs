//! Memory for pathological Markdown: a long line of `[` or `<` (each one a separate text
//! event to pulldown-cmark) must cost memory in proportion to the line, at about what
//! pulldown-cmark itself needs, not several times that in ladderbook's own copies of events.
//! This test binary counts every allocation, so it holds this one test only.

mod common;
use common::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Peak bytes in use above the start while the ladder in `root` is loaded and rendered in
/// memory.
fn peak_of_build(root: &std::path::Path) -> usize {
    let start = IN_USE.load(Relaxed);
    PEAK.store(start, Relaxed);
    let p = ladderbook::build::prepare(root).expect("the ladder builds");
    ladderbook::serve::full_render(root, &p).unwrap();
    drop(p);
    PEAK.load(Relaxed) - start
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
