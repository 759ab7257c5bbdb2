//! A rebuild into the same build-dir: the pages an edit does not touch are carried over from
//! the last build (the same file, so the same modification time for `rsync -t` and HTTP
//! caches), the others written; and the site is always the one a first build makes.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

mod common;
use common::*;

/// A page's file identity: inode and modification time (ns).
fn identity(site: &Path, page: &str) -> (u64, i128) {
    let m = fs::metadata(site.join(page)).unwrap();
    (
        m.ino(),
        m.mtime() as i128 * 1_000_000_000 + m.mtime_nsec() as i128,
    )
}

/// Builds `root` into `dest`; what the command printed.
fn build(root: &Path, dest: &Path) -> String {
    let out = ladderbook()
        .arg("build")
        .arg(root)
        .arg("-d")
        .arg(dest)
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

/// Every file of the site (but the build's own bookkeeping) with its identity.
fn identities(site: &Path) -> std::collections::BTreeMap<String, (u64, i128)> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|p| !p.starts_with(".ladderbook-"))
        .map(|p| {
            let id = identity(site, &p);
            (p, id)
        })
        .collect()
}

/// The example ladder in a temporary folder, built once into `site`.
fn built_example() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    built_example_with(&[])
}

/// [`built_example`], with the files `extra` (path in the ladder, text) added first.
fn built_example_with(
    extra: &[(&str, &str)],
) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("ladder");
    copy_ladder(&repo(), &root);
    for (path, text) in extra {
        let p = root.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    let site = root.join("site");
    build(&root, &site);
    (tmp, root, site)
}

/// The site a first build of `root` makes, into a fresh folder.
fn fresh_build(root: &Path, name: &str) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let fresh = root.parent().unwrap().join(name);
    build(root, &fresh);
    site_files(&fresh)
}

const EDITED: &str = "content/competencies/senior-engineer/citizenship.md";
const OLD_WORDS: &str = "calibrates with other interviewers";
const NEW_WORDS: &str = "calibrates with the other interviewers";

#[test]
fn a_rebuild_after_one_edit_writes_the_pages_that_show_it_and_carries_the_rest_over() {
    let (_tmp, root, site) = built_example();
    // Pages that show the edited competency, and pages that do not.
    let touched = [
        "levels/senior-engineer/index.html",
        "pillars/citizenship/index.html",
        "compare/engineer-2/senior-engineer/index.html",
        "compare/senior-engineer/staff-engineer/index.html",
        "ladder.json",
    ];
    let untouched = [
        "index.html",
        "levels/engineer-2/index.html",
        "pillars/craft/index.html",
        "compare/engineer-1/engineer-2/index.html",
        "style.css",
    ];
    let before: Vec<_> = touched
        .iter()
        .chain(&untouched)
        .map(|p| identity(&site, p))
        .collect();
    let all_before = identities(&site);
    let text = fs::read_to_string(root.join(EDITED)).unwrap();
    assert!(text.contains(OLD_WORDS));
    fs::write(root.join(EDITED), text.replace(OLD_WORDS, NEW_WORDS)).unwrap();

    let said = build(&root, &site);

    // The command says how many files were carried over: those still the same file.
    let all_after = identities(&site);
    let kept = all_after
        .iter()
        .filter(|(p, id)| all_before.get(*p) == Some(id))
        .count();
    assert!(kept > touched.len() && kept < all_after.len(), "{kept}");
    assert!(
        said.contains(&format!(
            "({} files, {kept} unchanged since the last build)",
            all_after.len()
        )),
        "{said}"
    );

    for (page, was) in touched.iter().chain(&untouched).zip(&before) {
        let now = identity(&site, page);
        if touched.contains(page) {
            assert_ne!(now, *was, "{page} shows the edit, so it is written anew");
            assert!(
                fs::read_to_string(site.join(page))
                    .unwrap()
                    .contains(NEW_WORDS),
                "{page} shows the new words"
            );
        } else {
            assert_eq!(
                now, *was,
                "{page} does not show the edit: the same file as before"
            );
        }
    }
    // Whatever was carried over, the site is the one a first build makes.
    assert_eq!(site_files(&site), fresh_build(&root, "fresh"));
}

#[test]
fn a_page_changed_by_hand_in_the_build_dir_is_written_again_by_the_next_build() {
    let (_tmp, root, site) = built_example();
    let page = site.join("levels/engineer-2/index.html");
    // Same length, other bytes: only the file's new modification time tells.
    let html = fs::read_to_string(&page).unwrap();
    let tampered = html.replacen("<main", "<MAIN", 1);
    assert_eq!(tampered.len(), html.len());
    let was = identity(&site, "levels/engineer-2/index.html");
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&page, &tampered).unwrap();
    // What the build goes by: on a file system with coarser times, wait longer above.
    assert_ne!(identity(&site, "levels/engineer-2/index.html"), was);

    build(&root, &site);

    assert_eq!(fs::read_to_string(&page).unwrap(), html);
    assert_eq!(site_files(&site), fresh_build(&root, "fresh"));
}

#[test]
fn a_garbled_or_missing_manifest_only_means_every_file_is_written() {
    let (_tmp, root, site) = built_example();
    let manifest = site.join(".ladderbook-files");
    let text = fs::read_to_string(&manifest).unwrap();
    assert!(text.lines().any(|l| l.ends_with(" index.html")), "{text}");
    let index = identity(&site, "index.html");

    // Every line cut short, and a line that names a file with bytes it never had.
    let garbled: String = text
        .lines()
        .map(|l| format!("{}\n", &l[..l.len() / 2]))
        .chain(["0 1 2 3 4 index.html\n".to_string()])
        .collect();
    fs::write(&manifest, garbled).unwrap();
    build(&root, &site);
    assert_ne!(identity(&site, "index.html"), index);
    assert_eq!(site_files(&site), fresh_build(&root, "fresh"));

    fs::remove_file(site.join(".ladderbook-files")).unwrap();
    let index = identity(&site, "index.html");
    build(&root, &site);
    assert_ne!(identity(&site, "index.html"), index);
    assert_eq!(site_files(&site), fresh_build(&root, "fresh-2"));
    // And the build after that carries every page over again.
    let index = identity(&site, "index.html");
    build(&root, &site);
    assert_eq!(identity(&site, "index.html"), index);
}

#[test]
fn a_build_that_fails_after_carrying_pages_over_leaves_the_live_site_as_it_was() {
    let (_tmp, root, site) = built_example();
    let files = snapshot_tree(&site);
    let ids = identities(&site);
    // A file beside the content at the address of one of the theme's (copied after the
    // theme's is carried over), and a template error that only rendering a page finds.
    fs::write(root.join("content/style.css"), "body{color:red}").unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    let track = fs::read_to_string(repo().join("templates/track.html")).unwrap();
    let broken = track.replacen(
        "{% block main %}",
        "{% block main %}{{ no_such_variable.x }}",
        1,
    );
    assert_ne!(broken, track);
    fs::write(root.join("templates/track.html"), broken).unwrap();

    ladderbook()
        .arg("build")
        .arg(&root)
        .arg("-d")
        .arg(&site)
        .assert()
        .failure();

    assert_eq!(snapshot_tree(&site), files, "the live site's bytes");
    assert_eq!(identities(&site), ids, "the live site's files");
    // Fixed, the next build takes the asset and carries the rest over.
    fs::write(root.join("templates/track.html"), track).unwrap();
    build(&root, &site);
    assert_eq!(
        fs::read_to_string(site.join("style.css")).unwrap(),
        "body{color:red}"
    );
    assert_eq!(site_files(&site), fresh_build(&root, "fresh"));
}

#[test]
fn a_build_run_with_another_umask_gives_every_file_the_permissions_it_would_give_a_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("ladder");
    copy_ladder(&repo(), &root);
    let site = root.join("site");
    let build_with_umask = |umask: &str| -> String {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" build \"$1\" -d \"$2\""
            ))
            .arg(assert_cmd::cargo::cargo_bin("ladderbook"))
            .arg(&root)
            .arg(&site)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let modes = || -> std::collections::BTreeSet<u32> {
        identities(&site)
            .keys()
            .map(|p| fs::metadata(site.join(p)).unwrap().mode() & 0o777)
            .collect()
    };
    build_with_umask("022");
    assert_eq!(modes(), [0o644].into());
    let said = build_with_umask("077");
    assert_eq!(
        modes(),
        [0o600].into(),
        "no file keeps the last build's permissions"
    );
    assert!(!said.contains("unchanged"), "{said}");
    // With the same umask again, the pages are carried over.
    let said = build_with_umask("077");
    assert_eq!(modes(), [0o600].into());
    assert!(said.contains("unchanged since the last build"), "{said}");
}

#[test]
fn a_rebuild_with_nothing_changed_carries_every_file_over_data_and_copies_included() {
    let (_tmp, root, site) = built_example_with(&[
        ("content/org-chart.svg", "<svg/>"),
        ("static/img/logo.svg", "<svg></svg>"),
    ]);
    let before = identities(&site);
    for f in ["ladder.json", "org-chart.svg", "img/logo.svg", "style.css"] {
        assert!(before.contains_key(f), "{f}");
    }

    let said = build(&root, &site);

    assert_eq!(
        identities(&site),
        before,
        "every file is the same file as before"
    );
    let n = before.len();
    assert!(
        said.contains(&format!("({n} files, {n} unchanged since the last build)")),
        "{said}"
    );
    assert!(
        !walkdir::WalkDir::new(&site).into_iter().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("ladderbook-same")),
        "nothing left beside the files"
    );
    // A changed copy is written anew, and the site is a first build's.
    fs::write(root.join("static/img/logo.svg"), "<svg><g/></svg>").unwrap();
    build(&root, &site);
    assert_ne!(identity(&site, "img/logo.svg"), before["img/logo.svg"]);
    assert_eq!(identity(&site, "org-chart.svg"), before["org-chart.svg"]);
    assert_eq!(site_files(&site), fresh_build(&root, "fresh"));
}

#[test]
fn a_copy_changed_to_other_bytes_of_the_same_length_is_copied_again() {
    let (_tmp, root, site) = built_example_with(&[("static/logo.svg", "<svg></svg>")]);
    let was = identity(&site, "logo.svg");

    fs::write(root.join("static/logo.svg"), "<SVG></SVG>").unwrap();
    build(&root, &site);

    assert_eq!(fs::read(site.join("logo.svg")).unwrap(), b"<SVG></SVG>");
    assert_ne!(identity(&site, "logo.svg"), was);
    assert_eq!(site_files(&site), fresh_build(&root, "fresh"));
}

#[test]
fn a_file_beside_the_content_in_place_of_a_theme_file_is_carried_over_like_any_other() {
    let (_tmp, root, site) = built_example();
    fs::write(root.join("content/style.css"), "body{color:red}").unwrap();
    build(&root, &site);
    let manifest = fs::read_to_string(site.join(".ladderbook-files")).unwrap();
    let lines = manifest
        .lines()
        .filter(|l| l.ends_with(" style.css"))
        .count();
    assert_eq!(lines, 1, "one line per path:\n{manifest}");
    let was = identity(&site, "style.css");

    let said = build(&root, &site);

    assert_eq!(identity(&site, "style.css"), was, "{said}");
    assert_eq!(
        fs::read_to_string(site.join("style.css")).unwrap(),
        "body{color:red}"
    );
    assert_eq!(site_files(&site), fresh_build(&root, "fresh"));
}

#[test]
fn site_files_with_the_names_the_build_uses_for_itself_never_change_the_live_site() {
    let (tmp, root, site) = built_example_with(&[
        ("static/.ladderbook-build", "mine"),
        ("static/.ladderbook-files", "mine"),
        // The name a file written piece by piece is linked under, beside it, before it is
        // renamed.
        ("static/ladder.json.ladderbook-same", "mine too"),
    ]);
    let marker = fs::read_to_string(site.join(".ladderbook-build")).unwrap();
    assert!(marker.contains("written by `ladderbook build`"), "{marker}");

    let kept = tmp.path().join("kept");
    fs::create_dir_all(&kept).unwrap();
    let own = [
        ".ladderbook-build",
        ".ladderbook-files",
        "ladder.json.ladderbook-same",
    ];
    for round in 0..2 {
        // The live files, held by links outside the site (a link changes neither their
        // inode nor their time, so they are still carried over): what a rebuild may not
        // write through.
        let held: Vec<(std::path::PathBuf, Vec<u8>)> = own
            .iter()
            .map(|name| {
                let at = kept.join(format!("{round}{name}"));
                fs::hard_link(site.join(name), &at).unwrap();
                let bytes = fs::read(&at).unwrap();
                (at, bytes)
            })
            .collect();
        let said = build(&root, &site);
        for (at, bytes) in &held {
            assert_eq!(&fs::read(at).unwrap(), bytes, "{at:?} was written through");
        }
        assert!(said.contains("unchanged since the last build"), "{said}");
        assert_eq!(
            fs::read_to_string(site.join(".ladderbook-build")).unwrap(),
            marker
        );
        let manifest = fs::read_to_string(site.join(".ladderbook-files")).unwrap();
        assert!(
            manifest
                .lines()
                .all(|l| !l.ends_with(" .ladderbook-build") && !l.ends_with(" .ladderbook-files")),
            "{manifest}"
        );
        assert!(manifest.lines().any(|l| l.ends_with(" index.html")));
        assert_eq!(
            fs::read_to_string(site.join("ladder.json.ladderbook-same")).unwrap(),
            "mine too"
        );
        assert!(fs::read_to_string(site.join("ladder.json"))
            .unwrap()
            .starts_with('{'));
    }
}
