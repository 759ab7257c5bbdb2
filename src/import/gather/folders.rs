//! What a folder of the import stands for: the folder a page's track is on (a page may be
//! written as a folder of its own), and folders named for nothing.

use crate::import::model::Ladder;

/// The folder whose track document `index` is on: its own, or, for a README alone in its
/// folder beside another such folder, in a folder with no pages of its own but its index
/// (GitBook's `01-communication/README.md`, `02-mentoring/README.md`: pages written as
/// folders), the folder above.
pub(super) fn page_folder(ladder: &Ladder, index: usize) -> String {
    let alone = |i: usize| {
        let doc = &ladder.docs[i];
        let dir = doc.dir();
        let inside = format!("{dir}/");
        !dir.is_empty()
            && doc.is_readme()
            && !ladder
                .docs
                .iter()
                .enumerate()
                .any(|(j, d)| j != i && (d.dir() == dir || d.rel.starts_with(&inside)))
    };
    let dir = ladder.docs[index].dir();
    if !alone(index) {
        return dir.to_string();
    }
    let parent = crate::import::source::dir_of(dir);
    let siblings = (0..ladder.docs.len())
        .filter(|&i| alone(i) && crate::import::source::dir_of(ladder.docs[i].dir()) == parent)
        .count();
    let pages_above = ladder
        .docs
        .iter()
        .any(|d| d.dir() == parent && !d.is_readme());
    if siblings >= 2 && !pages_above {
        parent.to_string()
    } else {
        dir.to_string()
    }
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
