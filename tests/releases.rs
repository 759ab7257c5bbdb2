//! The site's releases: `/changes/`, the version on every page and in `ladder.json`, and
//! when each level last changed, for a ladder in a git repository with release tags; and the
//! same build as before for a ladder outside git or without tags.

mod common;
mod gitrepo;
use common::*;
use gitrepo::*;
use std::fs;
use std::path::Path;

/// Builds the ladder in `dir` into `dir/site`; returns the site's folder and stderr.
fn build(dir: &Path) -> (std::path::PathBuf, String) {
    let site = dir.join("site");
    let out = ladderbook()
        .arg("build")
        .arg(dir)
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    (
        site,
        String::from_utf8_lossy(&out.get_output().stderr).into_owned(),
    )
}

fn data(site: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(site.join("ladder.json")).unwrap()).unwrap()
}

#[test]
fn the_changes_page_shows_v2_with_its_changes_linked_to_where_they_are_now() {
    let tmp = two_releases();
    let (site, _) = build(tmp.path());
    let html = page(&site, "changes/");
    // Newest first.
    let (v2, v1) = (
        html.find("id=\"v2\"").unwrap(),
        html.find("id=\"v1\"").unwrap(),
    );
    assert!(v2 < v1);
    let release = section(&html, "v2", "<section");
    let text = words(release);
    assert!(text.contains("3 changes since v1"), "{text}");
    assert!(text.contains("senior engineer technical craft"), "{text}");
    // The rewording in the words of `ladderbook diff`, marked as on the comparison pages.
    assert!(
        release.contains("<span class=\"change-label\">Changed:</span> <del>Leads</del> <ins>Guides</ins> the team through hard"),
        "{release}"
    );
    assert!(
        release.contains(&format!("Added:</span> {ADDED}")),
        "{release}"
    );
    assert!(
        text.contains("removed writes tests at the right level"),
        "{text}"
    );
    assert!(text.contains("no longer in the ladder"), "{text}");
    // The changed and added expectations link to their anchors on the level page.
    assert!(
        release.contains("href=\"../levels/senior-engineer/#craft--2\""),
        "{release}"
    );
    assert!(
        release.contains("href=\"../levels/senior-engineer/#delivery--"),
        "{release}"
    );
    assert!(words(section(&html, "v1", "</section")).contains("the first release"));
    assert!(broken_links(&site).is_empty(), "{:?}", broken_links(&site));

    // Level pages name the version, and the one that changed says when.
    let level = page(&site, "levels/senior-engineer/");
    assert!(
        words(&level).contains("last changed in v2"),
        "{}",
        words(&level)
    );
    assert!(level.contains("href=\"../../changes/#v2\""));
    assert!(words(&level).contains("version v2 of"), "{}", words(&level));
    let other = page(&site, "levels/engineer-1/");
    assert!(words(&other).contains("version v2 of"));
    assert!(!words(&other).contains("last changed"));
    assert!(page(&site, "").contains(">Changes</a>"));
    assert_eq!(data(&site)["release"]["tag"], "v2");
    assert_eq!(data(&site)["release"]["label"], "v2");
}

#[test]
fn past_the_latest_release_the_version_names_the_commit_and_uncommitted_edits() {
    let tmp = two_releases();
    let dir = tmp.path();
    // A commit that does not touch the ladder: still v2.
    fs::write(dir.join("NOTES.txt"), "not the ladder\n").unwrap();
    git(dir, &["add", "NOTES.txt"]);
    git(dir, &["commit", "-q", "-m", "notes"]);
    let (site, _) = build(dir);
    assert_eq!(data(&site)["release"]["label"], "v2");
    // An edit, uncommitted: modified.
    edit(
        dir,
        DELIVERY,
        "Delivers projects",
        "Delivers large projects",
    );
    let (site, _) = build(dir);
    assert_eq!(data(&site)["release"]["label"], "v2 (modified)");
    assert_eq!(data(&site)["release"]["modified"], true);
    // Committed: the commit.
    git(dir, &["commit", "-q", "-am", "after v2"]);
    let (site, _) = build(dir);
    let label = data(&site)["release"]["label"]
        .as_str()
        .unwrap()
        .to_string();
    let (tag, commit) = label.split_once(" + ").unwrap();
    assert_eq!(tag, "v2");
    assert_eq!(commit.len(), 7);
    assert!(commit.chars().all(|c| c.is_ascii_hexdigit()), "{label}");
    assert!(words(&page(&site, "")).contains(&format!("version v2 {commit}")));
    // A new file not yet added to git counts too.
    fs::write(
        dir.join("content/faq.md"),
        "+++\ntitle = \"FAQ\"\n+++\n\nOur answers.\n",
    )
    .unwrap();
    let (site, _) = build(dir);
    assert_eq!(
        data(&site)["release"]["label"],
        format!("v2 + {commit} (modified)")
    );
}

#[test]
fn a_ladder_outside_git_or_without_tags_builds_as_before_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ladder");
    copy_ladder(&repo(), &dir);
    let (site, stderr) = build(&dir);
    assert!(stderr.is_empty(), "{stderr}");
    let changes = page(&site, "changes/");
    let note = words(&changes);
    assert!(note.contains("not in a git repository"), "{note}");
    // The commands are code, not text in backticks (browser check 30 L2).
    assert!(changes.contains("<code>git tag v1</code>"), "{changes}");
    assert!(!changes.contains('`'), "{changes}");
    let home = page(&site, "");
    assert!(!home.contains(">Changes</a>") && !words(&home).contains("version"));
    // Nor does any page's footer lead readers to a page that only tells its authors how to
    // make a release (author check 50, A50-11).
    for at in ["", "levels/engineer-1/", "compare/engineer-1/engineer-2/"] {
        assert!(!page(&site, at).contains("changes/\""), "{at}");
    }
    assert!(data(&site).get("release").is_none());

    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "first"]);
    // A tag that is not a release.
    git(&dir, &["tag", "draft"]);
    let (site, stderr) = build(&dir);
    assert!(stderr.is_empty(), "{stderr}");
    let note = words(&page(&site, "changes/"));
    assert!(note.contains("no releases yet no tag matches v"), "{note}");
    assert!(data(&site).get("release").is_none());
}

#[test]
fn the_tag_pattern_comes_from_book_toml_and_an_empty_one_turns_releases_off() {
    let tmp = two_releases();
    let dir = tmp.path();
    git(dir, &["tag", "release-2024"]);
    let book = fs::read_to_string(dir.join("book.toml")).unwrap();
    let with = |pattern: &str| {
        fs::write(
            dir.join("book.toml"),
            book.replace(
                "build-dir = \"book\"",
                &format!("build-dir = \"book\"\nrelease-tags = \"{pattern}\""),
            ),
        )
        .unwrap();
    };
    with("release-*");
    let (site, _) = build(dir);
    assert_eq!(data(&site)["release"]["tag"], "release-2024");
    assert!(!page(&site, "changes/").contains("id=\"v2\""));
    with("");
    let (site, _) = build(dir);
    assert!(data(&site).get("release").is_none());
    assert!(words(&page(&site, "changes/")).contains("releases are turned off"));
}

#[test]
fn a_release_whose_ladder_has_errors_is_a_warning_not_a_failed_build() {
    let tmp = two_releases();
    let dir = tmp.path();
    fs::write(dir.join("content/levels/broken.md"), "no front-matter\n").unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "broken"]);
    git(dir, &["tag", "v3"]);
    fs::remove_file(dir.join("content/levels/broken.md")).unwrap();
    let (site, stderr) = build(dir);
    assert!(
        stderr.contains("warning: the changes in release v3 are not shown"),
        "{stderr}"
    );
    let v3 = words(section(&page(&site, "changes/"), "v3", "<section"));
    assert!(v3.contains("cannot be shown"), "{v3}");
    assert!(v3.contains("the ladder at v3 has errors"), "{v3}");
}

#[test]
fn diff_names_each_expectation_by_the_anchor_its_release_published() {
    // Released with ladder.lock committed, as the README asks: v2 removes Senior Engineer's
    // first craft expectation, so the others keep numbers that are not their positions.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    copy_ladder(&repo(), dir);
    git(dir, &["init", "-q"]);
    build(dir);
    fs::write(dir.join(".gitignore"), "/site/\n").unwrap();
    release(dir, "v1");
    let craft = fs::read_to_string(dir.join(CRAFT)).unwrap();
    let first = craft.lines().find(|l| l.starts_with("- ")).unwrap();
    fs::write(
        dir.join(CRAFT),
        craft.replacen(&format!("{first}\n"), "", 1),
    )
    .unwrap();
    edit(dir, CRAFT, REWORDED_FROM, REWORDED_TO);
    let delivery = fs::read_to_string(dir.join(DELIVERY)).unwrap();
    fs::write(dir.join(DELIVERY), format!("{delivery}- {ADDED}\n")).unwrap();
    ladderbook()
        .arg("build")
        .arg(dir)
        .args(["-d", "site", "--accept-removals"])
        .current_dir(dir)
        .assert()
        .success();
    release(dir, "v2");
    // The anchor each expectation has on v2's site.
    let site = data(&dir.join("site"));
    let level = site["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "senior-engineer")
        .unwrap();
    let anchor_of = |pillar: &str, start: &str| -> String {
        level["cells"][pillar]["expectations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"].as_str().unwrap().starts_with(start))
            .map(|e| e["anchor"].as_str().unwrap().to_string())
            .unwrap()
    };
    let out = ladderbook()
        .current_dir(dir)
        .args(["diff", "v1", "v2", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let changes = v["changes"].as_array().unwrap();
    let anchor_in_diff = |kind: &str| -> String {
        let c = changes
            .iter()
            .find(|c| c["kind"] == kind && c["item"] == "expectation")
            .unwrap_or_else(|| panic!("no {kind}: {changes:#?}"));
        c["anchor"].as_str().unwrap().to_string()
    };
    let reworded = anchor_of("craft", REWORDED_TO);
    assert_ne!(
        reworded, "craft--1",
        "the test needs a number that is not a position"
    );
    assert_eq!(anchor_in_diff("changed"), reworded);
    assert_eq!(anchor_in_diff("added"), anchor_of("delivery", ADDED));
}

#[test]
fn an_annotated_tags_message_is_the_release_note_on_the_changes_page() {
    // The message written for a release (why, who approved it) was left out (author check
    // 50, A50-09). A lightweight tag has none: its commit's message is no note about it.
    let tmp = two_releases();
    let dir = tmp.path();
    git(
        dir,
        &[
            "tag",
            "-a",
            "v3",
            "-m",
            "Q1 revision, approved by the engineering leadership team\n\nClarifies **asking for help** at every level.",
        ],
    );
    let (site, _) = build(dir);
    let changes = page(&site, "changes/");
    let v3 = section(&changes, "v3", "</section>");
    assert!(
        v3.contains("<div class=\"release-note\"><p>Q1 revision, approved by the engineering leadership team</p>\n<p>Clarifies <strong>asking for help</strong> at every level.</p>"),
        "{v3}"
    );
    let v2 = section(&changes, "v2", "</section>");
    assert!(!v2.contains("release-note"), "{v2}");
}
