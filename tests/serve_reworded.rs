//! `serve`'s fast path: after an edit that only rewords competencies, the ladder before it is
//! brought up to date instead of being built again. Whatever path a rebuild takes, the
//! served site must be the one a rebuild from scratch gives for the same files.

use ladderbook::serve::{rebuild, Changes, Previous, Served};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

mod common;

/// Every served file, by path.
fn served(site: &RwLock<Served>) -> HashMap<String, Arc<Vec<u8>>> {
    site.read().unwrap().files.clone()
}

/// The site a rebuild from scratch serves for the files in `root` now.
fn from_scratch(root: &Path) -> HashMap<String, Arc<Vec<u8>>> {
    let site = RwLock::new(Served::default());
    rebuild(root, &site, true, &mut Previous::new(root), &Changes::everything());
    served(&site)
}

/// Saves `text` as `rel` (under `content/`), and rebuilds as `serve` does after it.
fn edit(
    root: &Path,
    site: &RwLock<Served>,
    previous: &mut Previous,
    rel: &str,
    text: &str,
) {
    std::fs::write(root.join("content").join(rel), text).unwrap();
    let changes = Changes {
        content: vec![PathBuf::from(rel)],
        ..Changes::default()
    };
    rebuild(root, site, true, previous, &changes);
}

fn assert_same(root: &Path, site: &RwLock<Served>, what: &str) {
    let fast = served(site);
    let clean = from_scratch(root);
    assert_eq!(
        fast.len(),
        clean.len(),
        "{what}: the served site has other files than a rebuild from scratch"
    );
    for (path, bytes) in &clean {
        let got = fast.get(path).unwrap_or_else(|| panic!("{what}: {path} is not served"));
        assert!(
            got == bytes,
            "{what}: {path} differs from a rebuild from scratch"
        );
    }
}

/// The example ladder, published once (so it has a `ladder.lock`, as a ladder that was
/// built has), in a folder of its own.
fn published_example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_ladder(&common::repo(), dir.path());
    let out = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("ladderbook"))
        .arg("build")
        .arg(dir.path())
        .arg("-d")
        .arg(out.path().join("site"))
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(dir.path().join("ladder.lock").is_file());
    dir
}

#[test]
fn a_reworded_expectation_is_served_as_a_rebuild_from_scratch_serves_it() {
    let dir = published_example();
    let root = dir.path();
    let site = RwLock::new(Served::default());
    let mut previous = Previous::new(root);
    rebuild(root, &site, true, &mut previous, &Changes::everything());
    let rel = "competencies/senior-engineer/craft.md";
    let text = std::fs::read_to_string(root.join("content").join(rel)).unwrap();
    assert!(text.contains("\n- "), "the example competency has a list");

    // A word added to one expectation: the fast path.
    let reworded = text.replacen("\n- ", "\n- Consistently, ", 1);
    edit(root, &site, &mut previous, rel, &reworded);
    assert!(previous.reworded(), "a rewording takes the fast path");
    let level_page = String::from_utf8(
        served(&site)["levels/senior-engineer/index.html"].to_vec(),
    )
    .unwrap();
    assert!(level_page.contains("Consistently,"), "the edit is on its level's page");
    assert_same(root, &site, "after a rewording");

    // Twice in a row, from the ladder the fast path made.
    let again = reworded.replacen("Consistently, ", "Consistently and visibly, ", 1);
    edit(root, &site, &mut previous, rel, &again);
    assert!(previous.reworded());
    assert_same(root, &site, "after a second rewording");

    // A link into the site must be resolved and checked against every page: built again.
    let linked = again.replacen("\n- ", "\n- See [the levels](../../levels/engineer-1.md). ", 1);
    edit(root, &site, &mut previous, rel, &linked);
    assert!(!previous.reworded(), "a relative link is resolved by a full build");
    assert_same(root, &site, "after a link was added");

    // An expectation given its own id adds an anchor other files may link to.
    let own_id = again.replacen("\n- ", "\n- Owns the on-call rota. {#on-call-rota}\n- ", 1);
    edit(root, &site, &mut previous, rel, &own_id);
    assert!(!previous.reworded(), "an expectation's own id is checked by a full build");
    assert_same(root, &site, "after an own id was added");

    // A new expectation gets a new anchor, which ladder.lock does not have yet.
    let added = format!("{again}- Leaves every codebase easier to work in.\n");
    edit(root, &site, &mut previous, rel, &added);
    assert!(!previous.reworded(), "a new anchor is given by a full build");
    assert_same(root, &site, "after an expectation was added");

    // The front-matter changed: the competency may have moved.
    let moved = added.replacen("+++\n", "+++\n# moved\n", 1);
    edit(root, &site, &mut previous, rel, &moved);
    assert!(!previous.reworded(), "a front-matter edit is built again");
    assert_same(root, &site, "after a front-matter edit");
}

#[test]
fn after_a_failed_rebuild_the_next_one_starts_from_scratch() {
    let dir = published_example();
    let root = dir.path();
    let site = RwLock::new(Served::default());
    let mut previous = Previous::new(root);
    rebuild(root, &site, true, &mut previous, &Changes::everything());
    // One file broken, then another reworded: the last good ladder does not have the
    // first edit, so it cannot be brought up to date by the second.
    let broken = "levels/engineer-1.md";
    let level = std::fs::read_to_string(root.join("content").join(broken)).unwrap();
    edit(root, &site, &mut previous, broken, &level.replacen("rank", "rank = \n#", 1));
    assert!(site.read().unwrap().error.is_some(), "the broken level fails the rebuild");
    let rel = "competencies/senior-engineer/craft.md";
    let text = std::fs::read_to_string(root.join("content").join(rel)).unwrap();
    edit(root, &site, &mut previous, rel, &text.replacen("\n- ", "\n- Always ", 1));
    assert!(!previous.reworded());
    assert!(
        site.read().unwrap().error.is_some(),
        "the level is still broken, whatever the competency says"
    );
    edit(root, &site, &mut previous, broken, &level);
    assert!(site.read().unwrap().error.is_none());
    assert_same(root, &site, "after the level was fixed");
}
