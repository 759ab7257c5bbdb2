//! `ladderbook diff`: what changed between two versions of the example ladder, read from git
//! revisions or from two folders, in text, Markdown and JSON.

mod common;
mod gitrepo;
use common::*;
use gitrepo::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// `ladderbook diff ARGS --format json`, run in `dir`, which must succeed.
fn json(dir: &Path, args: &[&str]) -> Value {
    let out = ladderbook()
        .current_dir(dir)
        .arg("diff")
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// `ladderbook diff ARGS` run in `dir`, which must succeed: its text output.
fn diff_text(dir: &Path, args: &[&str]) -> String {
    let out = ladderbook()
        .current_dir(dir)
        .arg("diff")
        .args(args)
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn changes(v: &Value) -> &Vec<Value> {
    v["changes"].as_array().unwrap()
}

fn s<'v>(c: &'v Value, key: &str) -> &'v str {
    c[key].as_str().unwrap_or("")
}

#[test]
fn two_releases_differ_by_one_rewording_one_addition_and_one_removal() {
    let tmp = two_releases();
    let v = json(tmp.path(), &["v1", "v2"]);
    assert_eq!((s(&v, "old"), s(&v, "new")), ("v1", "v2"));
    let all = changes(&v);
    assert_eq!(all.len(), 3, "{all:#?}");
    let of = |kind: &str| -> &Value {
        let found: Vec<&Value> = all.iter().filter(|c| s(c, "kind") == kind).collect();
        assert_eq!(found.len(), 1, "one {kind}: {all:#?}");
        found[0]
    };
    let changed = of("changed");
    assert_eq!(s(changed, "item"), "expectation");
    assert_eq!(
        (s(changed, "level"), s(changed, "pillar")),
        ("senior-engineer", "craft")
    );
    assert!(s(changed, "old").starts_with(REWORDED_FROM));
    assert!(s(changed, "new").starts_with(REWORDED_TO));
    // The anchor is the expectation's place on the level page of v2.
    assert_eq!(s(changed, "anchor"), "craft--2");

    let removed = of("removed");
    assert_eq!(
        (s(removed, "level"), s(removed, "pillar")),
        ("senior-engineer", "craft")
    );
    assert!(s(removed, "old").starts_with(REMOVED));
    assert!(removed["new"].is_null() && removed["anchor"].is_null());

    let added = of("added");
    assert_eq!(
        (s(added, "level"), s(added, "pillar")),
        ("senior-engineer", "delivery")
    );
    assert_eq!(s(added, "new"), ADDED);
    assert!(added["old"].is_null());
}

#[test]
fn text_and_markdown_say_the_same_changes_with_a_word_diff() {
    let tmp = two_releases();
    let text = ladderbook()
        .current_dir(tmp.path())
        .args(["diff", "v1", "v2"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
    assert!(
        text.starts_with("Fernhill Engineering Ladder: 3 changes from v1 to v2"),
        "{text}"
    );
    assert!(
        text.contains("\nSenior Engineer (senior-engineer)\n  Technical craft\n"),
        "{text}"
    );
    // Not a terminal: the rewording is marked as `git diff --word-diff` marks it.
    assert!(
        text.contains("    Changed: [-Leads-] {+Guides+} the team through hard technical problems"),
        "{text}"
    );
    assert!(text.contains(&format!("    Added: {ADDED}")), "{text}");
    assert!(
        text.contains("    Removed: Writes tests at the right level"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when not a terminal");

    let md = ladderbook()
        .current_dir(tmp.path())
        .args(["diff", "v1", "v2", "--format", "markdown"])
        .assert()
        .success();
    let md = String::from_utf8_lossy(&md.get_output().stdout).into_owned();
    assert!(
        md.contains("## Senior Engineer (senior-engineer)\n"),
        "{md}"
    );
    assert!(md.contains("### Technical craft\n"), "{md}");
    assert!(
        md.contains("- **Changed:** ~~Leads~~ **Guides** the team through hard"),
        "{md}"
    );
    assert!(
        md.contains("- **Removed:** ~~Writes tests at the right level"),
        "{md}"
    );
    assert!(md.contains(&format!("- **Added:** {ADDED}")), "{md}");
}

#[test]
fn new_defaults_to_the_working_tree_and_a_revision_to_the_folder_given() {
    let tmp = two_releases();
    let dir = tmp.path();
    // Nothing changed since v2.
    assert!(changes(&json(dir, &["v2"])).is_empty());
    edit(
        dir,
        DELIVERY,
        "Delivers projects",
        "Delivers large projects",
    );
    let v = json(dir, &["v2"]);
    assert_eq!(s(&v, "new"), "the working tree");
    let all = changes(&v);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(s(&all[0], "kind"), "changed");
    // From another folder: `diff REV DIR` reads the revision of DIR's repository.
    let elsewhere = tempfile::tempdir().unwrap();
    let v = json(elsewhere.path(), &["v1", dir.to_str().unwrap()]);
    assert_eq!(changes(&v).len(), 4, "{v:#}");
    let v = json(elsewhere.path(), &["v1", "v2", dir.to_str().unwrap()]);
    assert_eq!(changes(&v).len(), 3, "{v:#}");
}

#[test]
fn a_ladder_in_a_subfolder_of_the_repository_is_read_at_its_path() {
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("docs/ladder");
    copy_ladder(&repo(), &ladder);
    fs::write(tmp.path().join("README.md"), "Our repository\n").unwrap();
    git(tmp.path(), &["init", "-q"]);
    release(tmp.path(), "v1");
    edit(&ladder, CRAFT, REWORDED_FROM, REWORDED_TO);
    release(tmp.path(), "v2");
    let all = json(&ladder, &["v1", "v2"]);
    assert_eq!(changes(&all).len(), 1, "{all:#}");
    let from_top = json(tmp.path(), &["v1", "v2", "docs/ladder"]);
    assert_eq!(changes(&from_top), changes(&all));
}

/// The example ladder in `old/` and `new/` of a fresh folder outside git.
fn two_folders() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), &tmp.path().join("old"));
    copy_ladder(&repo(), &tmp.path().join("new"));
    tmp
}

/// Renames the level `senior-engineer` to `senior` in the ladder at `dir`: its file, its
/// competencies' folder and every reference to it.
fn rename_senior(dir: &Path) {
    fs::rename(
        dir.join("content/levels/senior-engineer.md"),
        dir.join("content/levels/senior.md"),
    )
    .unwrap();
    fs::rename(
        dir.join("content/competencies/senior-engineer"),
        dir.join("content/competencies/senior"),
    )
    .unwrap();
    for e in walkdir::WalkDir::new(dir.join("content")) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let text = fs::read_to_string(e.path()).unwrap();
        // `senior-engineer`, but not `senior-engineering-manager`.
        let renamed =
            text.split("senior-engineer")
                .enumerate()
                .fold(String::new(), |mut out, (i, part)| {
                    if i > 0 {
                        out.push_str(if part.starts_with("ing") {
                            "senior-engineer"
                        } else {
                            "senior"
                        });
                    }
                    out.push_str(part);
                    out
                });
        fs::write(e.path(), renamed).unwrap();
    }
}

#[test]
fn a_renamed_level_is_one_rename_by_its_alias_or_by_its_body() {
    // By its body: the same description and expectations under a new id and title.
    let tmp = two_folders();
    rename_senior(&tmp.path().join("new"));
    let level = tmp.path().join("new/content/levels/senior.md");
    edit(
        &tmp.path().join("new"),
        "content/levels/senior.md",
        "title = \"Senior Engineer\"",
        "title = \"Engineer III\"",
    );
    let v = json(tmp.path(), &["old", "new"]);
    let all = changes(&v);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(
        (s(&all[0], "kind"), s(&all[0], "item")),
        ("renamed", "level")
    );
    assert_eq!(
        (s(&all[0], "old"), s(&all[0], "new")),
        ("senior-engineer", "senior")
    );
    assert_eq!(s(&all[0]["from"], "level"), "senior-engineer");
    assert_eq!(
        (s(&all[1], "field"), s(&all[1], "old"), s(&all[1], "new")),
        ("title", "Senior Engineer", "Engineer III")
    );

    // By its alias, though its description and title were rewritten too.
    let text = fs::read_to_string(&level).unwrap();
    let (front, _) = text.split_at(text.rfind("+++").unwrap());
    let front = front
        .replace(
            "title = \"Engineer III\"",
            "title = \"Senior Software Engineer\"",
        )
        .replace(
            "aliases = [\"levels/ic3/\"]",
            "aliases = [\"levels/ic3/\", \"/levels/senior-engineer/\"]",
        );
    fs::write(
        &level,
        format!("{front}+++\n\nOur own words about a level that leads projects.\n"),
    )
    .unwrap();
    let all = json(tmp.path(), &["old", "new"]);
    let kinds: Vec<(&str, &str, &str)> = changes(&all)
        .iter()
        .map(|c| {
            (
                s(c, "kind"),
                s(c, "item"),
                c["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("renamed", "level", ""),
            ("changed", "level", "title"),
            ("changed", "level", "description"),
        ],
        "{all:#}"
    );
}

#[test]
fn an_expectation_moved_between_pillars_is_one_move() {
    let tmp = two_folders();
    let new = tmp.path().join("new");
    let craft = fs::read_to_string(new.join(CRAFT)).unwrap();
    let line = craft
        .lines()
        .find(|l| l.contains(REMOVED))
        .unwrap()
        .to_string();
    fs::write(new.join(CRAFT), craft.replace(&format!("{line}\n"), "")).unwrap();
    let delivery = fs::read_to_string(new.join(DELIVERY)).unwrap();
    fs::write(new.join(DELIVERY), format!("{delivery}{line}\n")).unwrap();
    let v = json(tmp.path(), &["old", "new"]);
    let all = changes(&v);
    assert_eq!(all.len(), 1, "{all:#?}");
    let m = &all[0];
    assert_eq!(s(m, "kind"), "moved");
    assert_eq!(
        (s(m, "level"), s(m, "pillar")),
        ("senior-engineer", "delivery")
    );
    assert_eq!(
        (s(&m["from"], "level"), s(&m["from"], "pillar")),
        ("senior-engineer", "craft")
    );
    assert_eq!(s(m, "old"), s(m, "new"));
    let text = diff_text(tmp.path(), &["old", "new"]);
    // Within one level, the pillar it left says where it was: "Moved from Senior Engineer,
    // Technical craft" under Senior Engineer's own heading named the level twice (author
    // check 50, A50-10).
    assert!(
        text.contains("  Delivery\n    Moved from Technical craft: Writes tests"),
        "{text}"
    );
}

#[test]
fn outside_git_folders_work_and_revisions_are_one_clear_error() {
    let tmp = two_folders();
    // Two identical folders: no changes, exit 0.
    assert_eq!(
        diff_text(tmp.path(), &["old", "new"]),
        "Fernhill Engineering Ladder: No changes from old to new.\n"
    );
    // A folder that is not a ladder.
    fs::create_dir(tmp.path().join("empty")).unwrap();
    let out = ladderbook()
        .current_dir(tmp.path())
        .args(["diff", "empty", "new"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.starts_with("empty:1:1: error: the folder empty has no book.toml"),
        "{err}"
    );
    // A revision outside git.
    let out = ladderbook()
        .current_dir(tmp.path().join("new"))
        .args(["diff", "v1"])
        .env("GIT_CEILING_DIRECTORIES", tmp.path())
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.contains("is not in a git repository"), "{err}");
    assert!(err.contains("hint: "), "{err}");
    // An unknown revision.
    let tmp = two_releases();
    let out = ladderbook()
        .current_dir(tmp.path())
        .args(["diff", "v9"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("`v9` is not a revision"), "{err}");
    assert!(err.contains("git tag"), "{err}");
    // A wrong command line.
    ladderbook()
        .current_dir(tmp.path())
        .args(["diff", "v1", "--format", "yaml"])
        .assert()
        .code(2);
    ladderbook()
        .current_dir(tmp.path())
        .arg("diff")
        .assert()
        .code(2);
}

#[test]
fn a_revision_whose_ladder_has_errors_names_the_revision_and_file() {
    let tmp = two_releases();
    let dir = tmp.path();
    fs::write(dir.join("content/levels/broken.md"), "no front-matter\n").unwrap();
    release(dir, "v3");
    let out = ladderbook()
        .current_dir(dir)
        .args(["diff", "v2", "v3"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.starts_with("v3:content/levels/broken.md:1:1: error:"),
        "{err}"
    );
}

#[test]
fn a_renamed_pillar_and_changed_front_matter_are_reported_as_readers_see_them() {
    let tmp = two_folders();
    let new = tmp.path().join("new");
    // The pillar `craft` becomes `engineering`: its file, every competency's `pillar`, links.
    fs::rename(
        new.join("content/pillars/craft.md"),
        new.join("content/pillars/engineering.md"),
    )
    .unwrap();
    for e in walkdir::WalkDir::new(new.join("content")) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let text = fs::read_to_string(e.path()).unwrap();
            let text = text
                .replace("pillar = \"craft\"", "pillar = \"engineering\"")
                .replace("pillars/craft.md", "pillars/engineering.md");
            fs::write(e.path(), text).unwrap();
        }
    }
    // A level's code and title; and the equivalence of Director and Principal Engineer ends.
    edit(
        &new,
        "content/levels/engineer-1.md",
        "code = \"IC1\"",
        "code = \"E1\"",
    );
    edit(
        &new,
        "content/levels/director.md",
        "equivalent = [\"principal-engineer\"]\n",
        "",
    );
    edit(
        &new,
        "content/levels/principal-engineer.md",
        "equivalent = [\"director\"]\n",
        "",
    );
    let v = json(tmp.path(), &["old", "new"]);
    let seen: Vec<(&str, &str, &str, &str, &str, &str)> = changes(&v)
        .iter()
        .map(|c| {
            (
                s(c, "kind"),
                s(c, "item"),
                if s(c, "item") == "pillar" {
                    s(c, "pillar")
                } else {
                    s(c, "level")
                },
                s(c, "field"),
                s(c, "old"),
                s(c, "new"),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                "renamed",
                "pillar",
                "engineering",
                "",
                "craft",
                "engineering"
            ),
            ("changed", "level", "engineer-1", "code", "IC1", "E1"),
            (
                "changed",
                "level",
                "principal-engineer",
                "equivalent",
                "director",
                ""
            ),
            (
                "changed",
                "level",
                "director",
                "equivalent",
                "principal-engineer",
                ""
            ),
        ],
        "{v:#}"
    );
    let text = diff_text(tmp.path(), &["old", "new"]);
    assert!(
        text.contains("Pillars\n  Renamed pillar: craft → engineering\n"),
        "{text}"
    );
    assert!(
        text.contains("Engineer I (engineer-1)\n  Code changed: IC1 → E1\n"),
        "{text}"
    );
    assert!(
        text.contains("Director of Engineering (director)\n  Equivalent changed: principal-engineer → (none)\n"),
        "{text}"
    );
}

/// The README's example output, to the letter: the text block after `$ ladderbook diff v1
/// v2` and the Markdown block after "ready to paste", made by the issue's scenario.
#[test]
fn the_readme_shows_what_diff_prints() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let block = |after: &str, fence: &str| -> String {
        let rest = &readme[readme.find(after).expect(after) + after.len()..];
        let start = rest.find(fence).expect(fence) + fence.len();
        let body = &rest[start..];
        body[..body.find("\n```").unwrap() + 1].to_string()
    };
    let tmp = two_releases();
    let run = |args: &[&str]| -> String {
        let out = ladderbook()
            .current_dir(tmp.path())
            .arg("diff")
            .args(args)
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    assert_eq!(
        format!("$ ladderbook diff v1 v2\n{}", run(&["v1", "v2"])),
        block("released as `v2`:", "```console\n")
    );
    assert_eq!(
        run(&["v1", "v2", "--format", "markdown"]),
        block("ready to paste", "```markdown\n")
    );
}

#[test]
fn a_renamed_track_and_an_expectation_moved_up_a_level_with_a_rewording() {
    let tmp = two_folders();
    let new = tmp.path().join("new");
    // The track `ic` becomes `engineering`, with another title: its body says it is the same.
    fs::rename(
        new.join("content/tracks/ic.md"),
        new.join("content/tracks/engineering.md"),
    )
    .unwrap();
    edit(
        &new,
        "content/tracks/engineering.md",
        "title = \"Individual contributor\"",
        "title = \"Engineering\"",
    );
    for e in fs::read_dir(new.join("content/levels")).unwrap() {
        let path = e.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replace("track = \"ic\"", "track = \"engineering\""),
        )
        .unwrap();
    }
    // One Senior Engineer expectation moves up to Staff Engineer, one word changed.
    let craft = fs::read_to_string(new.join(CRAFT)).unwrap();
    let line = craft
        .lines()
        .find(|l| l.contains(REMOVED))
        .unwrap()
        .to_string();
    fs::write(new.join(CRAFT), craft.replace(&format!("{line}\n"), "")).unwrap();
    let staff = "content/competencies/staff-engineer/craft.md";
    let text = fs::read_to_string(new.join(staff)).unwrap();
    let moved = line
        .replace("the team's", "every team's")
        .replace("the team’s", "every team’s");
    assert_ne!(moved, line);
    fs::write(new.join(staff), format!("{text}{moved}\n")).unwrap();

    let v = json(tmp.path(), &["old", "new"]);
    let all = changes(&v);
    assert_eq!(all.len(), 3, "{v:#}");
    assert_eq!(
        (
            s(&all[0], "kind"),
            s(&all[0], "item"),
            s(&all[0], "old"),
            s(&all[0], "new")
        ),
        ("renamed", "track", "ic", "engineering")
    );
    assert_eq!(
        (s(&all[1], "field"), s(&all[1], "old"), s(&all[1], "new")),
        ("title", "Individual contributor", "Engineering")
    );
    let m = &all[2];
    assert_eq!(
        (s(m, "kind"), s(m, "level"), s(m, "pillar")),
        ("moved", "staff-engineer", "craft")
    );
    assert_eq!(s(&m["from"], "level"), "senior-engineer");
    assert_ne!(s(m, "old"), s(m, "new"));
    let text = diff_text(tmp.path(), &["old", "new"]);
    assert!(
        text.contains("Moved from Senior Engineer, Technical craft: Writes tests at the right level, whether unit, integration or end-to-end, and sets [-the-] {+every+} team’s conventions"),
        "{text}"
    );
}

#[test]
fn a_shallow_clone_without_tags_says_how_to_fetch_them() {
    let tmp = two_releases();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", tmp.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", "--no-tags", &url, "ladder"],
    );
    let out = ladderbook()
        .current_dir(clone.path().join("ladder"))
        .args(["diff", "v1"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("`v1` is not a revision"), "{err}");
    assert!(err.contains("git fetch --tags"), "{err}");
}

/// Codecademy's IC ladder (tests/fixtures/real-ladders), its levels and pillars, converted
/// into `out`; returns its expectations.
fn codecademy(out: &Path) -> Vec<SourceExpectation> {
    let text =
        fs::read_to_string(real_ladders().join("Codecademy-engineering-competencies/README.md"))
            .unwrap();
    let (start, end) = (text.find("\n## ").unwrap(), text.find("\n## FAQ").unwrap());
    let src = out.with_extension("md");
    fs::write(&src, format!("# Codecademy\n{}", &text[start..end])).unwrap();
    convert_headings_ladder(&src, out, "ic")
}

#[test]
fn a_real_ladder_revised_reads_as_exactly_its_revisions() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    let all = codecademy(&old);
    codecademy(&new);
    // A real ladder restates many expectations word for word at several levels: compared
    // with itself, nothing changed.
    assert!(changes(&json(tmp.path(), &["old", "new"])).is_empty());

    // The revision: one cell's expectations in reverse order (not a change), one expectation
    // of another cell removed, one level renamed.
    let cell = |level: &str, pillar: &str| -> Vec<&SourceExpectation> {
        all.iter()
            .filter(|e| e.level == level && e.pillar == pillar)
            .collect()
    };
    let first = &all[0];
    let reversed = cell(&first.level, &first.pillar);
    assert!(reversed.len() >= 3);
    let file = new.join(format!(
        "content/competencies/{}/{}.md",
        first.level, first.pillar
    ));
    let text = fs::read_to_string(&file).unwrap();
    let (front, body) = text.split_at(text.rfind("+++\n").unwrap() + 4);
    let items: Vec<&str> = body.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(items.len(), reversed.len(), "every item is one line");
    let backwards: Vec<&str> = items.iter().rev().copied().collect();
    fs::write(&file, format!("{front}{}\n", backwards.join("\n"))).unwrap();

    let gone = all
        .iter()
        .find(|e| e.level != first.level && cell(&e.level, &e.pillar).len() >= 2)
        .unwrap();
    let file = new.join(format!(
        "content/competencies/{}/{}.md",
        gone.level, gone.pillar
    ));
    let text = fs::read_to_string(&file).unwrap();
    let line = format!("- {}\n", gone.text);
    assert!(text.contains(&line));
    fs::write(&file, text.replacen(&line, "", 1)).unwrap();

    let renamed = &all.last().unwrap().level;
    fs::rename(
        new.join(format!("content/levels/{renamed}.md")),
        new.join("content/levels/renamed-level.md"),
    )
    .unwrap();
    for e in fs::read_dir(new.join(format!("content/competencies/{renamed}"))).unwrap() {
        let path = e.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replace(&format!("level = {renamed:?}"), "level = \"renamed-level\""),
        )
        .unwrap();
    }

    let v = json(tmp.path(), &["old", "new"]);
    let seen: Vec<(&str, &str, &str)> = changes(&v)
        .iter()
        .map(|c| (s(c, "kind"), s(c, "item"), s(c, "level")))
        .collect();
    let mut expected = vec![
        ("removed", "expectation", gone.level.as_str()),
        ("renamed", "level", "renamed-level"),
    ];
    expected.sort_by_key(|e| {
        all.iter()
            .position(|x| x.level == e.2)
            .unwrap_or(usize::MAX)
    });
    assert_eq!(seen, expected, "{v:#}");
    let removed = changes(&v)
        .iter()
        .find(|c| s(c, "kind") == "removed")
        .unwrap();
    assert_eq!(words(s(removed, "old")), md_words(&gone.text));
}

#[test]
fn a_cells_notes_and_footnotes_changing_are_changes() {
    // Browser check 34 M4: a competency's notes and footnotes are on the level, pillar and
    // comparison pages, but a rewritten note or footnote was "No changes".
    let tmp = two_folders();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    let craft = fs::read_to_string(old.join(CRAFT)).unwrap();
    let with = |note: &str, footnote: &str| {
        craft.replacen("known failure modes", "known failure modes[^modes]", 1)
            + &format!("\n{note}\n\n[^modes]: {footnote}\n")
    };
    fs::write(
        old.join(CRAFT),
        with(
            "Examples: a queue with retries.",
            "As the runbook template lists them.",
        ),
    )
    .unwrap();
    fs::write(
        new.join(CRAFT),
        with(
            "Examples: a queue with retries.",
            "Not needed any more: the wiki lists them.",
        ),
    )
    .unwrap();
    let v = json(tmp.path(), &["old", "new"]);
    let all = changes(&v);
    assert_eq!(all.len(), 1, "{all:#?}");
    let c = &all[0];
    assert_eq!(
        (s(c, "kind"), s(c, "item"), s(c, "field")),
        ("changed", "competency", "footnotes")
    );
    assert_eq!(
        (s(c, "level"), s(c, "pillar")),
        ("senior-engineer", "craft")
    );
    assert!(s(c, "new").contains("the wiki lists them"), "{c:#?}");
    let text = diff_text(tmp.path(), &["old", "new"]);
    assert!(
        text.contains("  Technical craft\n    Footnotes changed:"),
        "{text}"
    );
    // A note rewritten: said once, as notes.
    fs::write(
        new.join(CRAFT),
        with(
            "Examples: a billing system.",
            "As the runbook template lists them.",
        ),
    )
    .unwrap();
    let v = json(tmp.path(), &["old", "new"]);
    let all = changes(&v);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(s(&all[0], "field"), "notes");
    assert!(s(&all[0], "new").contains("a billing system"));
    // Review 33 R33-07: a footnote defined before a note is still said once, as a footnote.
    let before = |footnote: &str| {
        craft.replacen("known failure modes", "known failure modes[^modes]", 1)
            + &format!("\n[^modes]: {footnote}\n\nExamples: a queue with retries.\n")
    };
    fs::write(
        old.join(CRAFT),
        before("As the runbook template lists them."),
    )
    .unwrap();
    fs::write(new.join(CRAFT), before("The wiki lists them.")).unwrap();
    let v = json(tmp.path(), &["old", "new"]);
    let all = changes(&v);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(s(&all[0], "field"), "footnotes");
    // A cell that holds only a note, added where the level and the pillar were: its notes
    // are added, the old text null.
    fs::write(
        new.join(CRAFT),
        before("As the runbook template lists them."),
    )
    .unwrap();
    // (From `new`, without the cell, to `old`, where it holds only a note.)
    let cell = "content/competencies/engineer-1/strategy.md";
    fs::remove_file(new.join(cell)).unwrap();
    let note = "+++\nlevel = \"engineer-1\"\npillar = \"strategy\"\n+++\n\nNot expected yet.\n";
    fs::write(old.join(cell), note).unwrap();
    let v = json(tmp.path(), &["new", "old"]);
    let added: Vec<&Value> = changes(&v)
        .iter()
        .filter(|c| s(c, "item") == "competency")
        .collect();
    assert_eq!(added.len(), 1, "{:#?}", changes(&v));
    assert_eq!(
        (
            s(added[0], "kind"),
            s(added[0], "field"),
            s(added[0], "level")
        ),
        ("added", "notes", "engineer-1")
    );
    assert!(added[0]["old"].is_null());
}
