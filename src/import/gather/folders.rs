//! What a folder of the import stands for: the folder a page's track is on (a page may be
//! written as a folder of its own), and folders named for nothing.

use crate::import::model::Ladder;
use crate::import::source::dir_of;

/// For each document, by index, the folder whose track it is on: its own, or, for a README
/// alone in its folder beside another such folder, in a folder with no pages of its own but
/// its index (GitBook's `01-communication/README.md`, `02-mentoring/README.md`: pages written
/// as folders), the folder above. Counted once for all documents.
pub(super) fn page_folders(ladder: &Ladder) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    // How many documents each folder holds, at any depth.
    let mut held: HashMap<&str, usize> = HashMap::new();
    for d in &ladder.docs {
        let mut dir = d.dir();
        while !dir.is_empty() {
            *held.entry(dir).or_default() += 1;
            dir = dir_of(dir);
        }
    }
    let alone = |d: &crate::import::source::SourceDoc| {
        !d.dir().is_empty() && d.is_readme() && held.get(d.dir()) == Some(&1)
    };
    let mut lone_in: HashMap<&str, usize> = HashMap::new();
    for d in ladder.docs.iter().filter(|d| alone(d)) {
        *lone_in.entry(dir_of(d.dir())).or_default() += 1;
    }
    let with_pages: HashSet<&str> = ladder
        .docs
        .iter()
        .filter(|d| !d.is_readme())
        .map(|d| d.dir())
        .collect();
    ladder
        .docs
        .iter()
        .map(|d| {
            let parent = dir_of(d.dir());
            let up = alone(d) && lone_in[parent] >= 2 && !with_pages.contains(parent);
            if up { parent } else { d.dir() }.to_string()
        })
        .collect()
}

/// Whether folder `dir`'s own name says nothing of what it holds (`common/`, `docs/`).
pub(super) fn generic_folder(dir: &str) -> bool {
    let last = dir.rsplit('/').next().unwrap_or("");
    [
        "common", "shared", "general", "misc", "other", "others", "docs", "doc", "pages",
        "content", "src",
    ]
    .contains(&last.to_ascii_lowercase().as_str())
}
