//! `serve` of a ladder in a git repository: the version every page names, and `/changes/`,
//! follow the repository as `build` would read it, after an edit and after a commit or a tag
//! made while the preview runs.

mod common;
mod gitrepo;
mod serve_support;
use common::*;
use gitrepo::*;
use serve_support::*;

#[test]
fn the_preview_names_the_version_a_build_would_after_an_edit_a_commit_and_a_tag() {
    let server = start_in(two_releases(), &[]);
    let dir = server.root().to_path_buf();
    let text = |path: &str| words(&page_text(&server, path));
    assert!(text("/").contains("version v2 of"), "{}", text("/"));
    // An edit of one expectation renders again only the pages that show it; the version
    // every page names changes with it (author check 48 A48-08: the overview kept `v2`).
    edit(
        &dir,
        DELIVERY,
        "Delivers projects",
        "Delivers large projects",
    );
    wait_until("the overview says the ladder is modified", || {
        text("/").contains("version v2 modified of")
    });
    // Committed and tagged while the preview runs: no file of the ladder changes, git does.
    git(&dir, &["commit", "-q", "-am", "larger projects"]);
    git(&dir, &["tag", "v3"]);
    wait_until("the overview names v3", || {
        text("/").contains("version v3 of")
    });
    let changes = text("/changes/");
    assert!(changes.contains("v3"), "{changes}");
    assert!(changes.contains("delivers large projects"), "{changes}");
}

#[test]
fn a_repository_made_while_the_preview_runs_is_followed() {
    // `git init`, a commit and a tag for the first release, with the preview open: the pages
    // kept saying the ladder was in no repository until serve was started again (author
    // check 50, A50-07).
    let server = start();
    let dir = server.root().to_path_buf();
    let text = |path: &str| words(&page_text(&server, path));
    assert!(!text("/").contains("version v1"), "{}", text("/"));
    git(&dir, &["init", "-q"]);
    release(&dir, "v1");
    wait_until("the overview names v1", || {
        text("/").contains("version v1 of")
    });
    edit(
        &dir,
        DELIVERY,
        "Delivers projects",
        "Delivers large projects",
    );
    git(&dir, &["commit", "-q", "-am", "larger projects"]);
    git(&dir, &["tag", "v2"]);
    wait_until("the overview names v2", || {
        text("/").contains("version v2 of")
    });
    // The repository removed and made again, with a release of its own (review 44 R44-09).
    std::fs::remove_dir_all(dir.join(".git")).unwrap();
    wait_until("the overview names no version", || {
        !text("/").contains("version v2")
    });
    git(&dir, &["init", "-q"]);
    release(&dir, "v7");
    wait_until("the overview names v7", || {
        text("/").contains("version v7 of")
    });
}
