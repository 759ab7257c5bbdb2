//! `ladderbook check`: one fixture per diagnostic, each asserting its code, its position and
//! the exit status; a clean ladder; a ladder with every diagnostic at once; and JSON. The
//! example and real ladders are in `check_real.rs`, links and images in `check_links.rs`.

mod check_support;
mod common;
use check_support::*;
use common::*;
use ladderbook::check::Report;
use std::fs;
use std::path::Path;

#[test]
fn a_clean_ladder_exits_0_with_the_matrix_and_a_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    let out = ladderbook()
        .arg("check")
        .arg(tmp.path())
        .env("NO_COLOR", "1")
        .assert()
        .success();
    let o = out.get_output();
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("IC (2 levels × 3 pillars)"), "{stdout}");
    // Author check 48 A48-07: a clean run ended with the matrix, and no verdict.
    assert!(stdout.ends_with("\nNo errors or warnings.\n"), "{stdout}");
    assert!(!stdout.contains("\x1b["), "no colour when not a terminal");
    assert!(!tmp.path().join("book").exists(), "check writes nothing");
}

#[test]
fn errors_point_at_the_key_or_value() {
    let cases: Vec<Case> = vec![
        (
            "toml-syntax",
            Box::new(|d: &Path| replace(d, "content/levels/e1.md", "rank = 1", "rank = = 1")),
            "content/levels/e1.md",
            3,
            8,
        ),
        (
            "unknown-key",
            Box::new(|d: &Path| {
                replace(d, "content/levels/e1.md", "rank = 1", "rank = 1\nlevle = 2")
            }),
            "content/levels/e1.md",
            4,
            1,
        ),
        (
            "missing-key",
            Box::new(|d: &Path| {
                replace(d, "content/pillars/impact.md", "title = \"Impact\"\n", "")
            }),
            "content/pillars/impact.md",
            1,
            1,
        ),
        (
            "wrong-type",
            Box::new(|d: &Path| replace(d, "content/levels/e1.md", "rank = 1", "rank = \"one\"")),
            "content/levels/e1.md",
            3,
            8,
        ),
        (
            "unknown-level",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/competencies/e1/craft.md",
                    "level = \"e1\"",
                    "level = \"e9\"",
                )
            }),
            "content/competencies/e1/craft.md",
            2,
            9,
        ),
        (
            "unknown-pillar",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/competencies/e1/craft.md",
                    "pillar = \"craft\"",
                    "pillar = \"craf\"",
                )
            }),
            "content/competencies/e1/craft.md",
            3,
            10,
        ),
        (
            "unknown-track",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/levels/e1.md",
                    "track = \"ic\"",
                    "track = \"icc\"",
                )
            }),
            "content/levels/e1.md",
            4,
            9,
        ),
        (
            "duplicate-cell",
            Box::new(|d: &Path| {
                fs::copy(
                    d.join("content/competencies/e1/craft.md"),
                    d.join("content/competencies/e1/zz-craft.md"),
                )
                .map(|_| ())
                .unwrap()
            }),
            "content/competencies/e1/zz-craft.md",
            1,
            1,
        ),
        (
            "bad-id",
            Box::new(|d: &Path| {
                fs::rename(d.join("content/guide.md"), d.join("content/Guide.md")).unwrap()
            }),
            "content/Guide.md",
            1,
            1,
        ),
        (
            "rank-collision",
            Box::new(|d: &Path| replace(d, "content/levels/e2.md", "rank = 2", "rank = 1")),
            "content/levels/e2.md",
            3,
            8,
        ),
        (
            "unknown-level",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/levels/m1.md",
                    "equivalent = [\"e2\"]",
                    "equivalent = [\"e2\", \"e7\"]",
                )
            }),
            "content/levels/m1.md",
            5,
            21,
        ),
        (
            "equivalent-not-mutual",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/levels/m1.md",
                    "equivalent = [\"e2\"]",
                    "equivalent = [\"e2\", \"e1\"]",
                )
            }),
            "content/levels/m1.md",
            5,
            21,
        ),
        (
            "alias-collision",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/levels/e1.md",
                    "rank = 1",
                    "rank = 1\naliases = [\"/levels/e2/\"]",
                )
            }),
            "content/levels/e1.md",
            4,
            12,
        ),
        (
            "broken-link",
            Box::new(|d: &Path| {
                replace(d, "content/guide.md", "levels/e2.md#craft", "levels/e3.md")
            }),
            "content/guide.md",
            6,
            5,
        ),
        (
            "broken-anchor",
            Box::new(|d: &Path| replace(d, "content/guide.md", "#craft", "#crafts")),
            "content/guide.md",
            6,
            5,
        ),
        (
            "yaml-front-matter",
            Box::new(|d: &Path| {
                fs::write(d.join("content/guide.md"), "---\ntitle: Guide\n---\n").unwrap()
            }),
            "content/guide.md",
            1,
            1,
        ),
        (
            "no-front-matter",
            Box::new(|d: &Path| fs::write(d.join("content/guide.md"), "# Guide\n").unwrap()),
            "content/guide.md",
            1,
            1,
        ),
        (
            "not-utf8",
            Box::new(|d: &Path| {
                fs::write(
                    d.join("content/guide.md"),
                    b"+++\ntitle = \"G\"\n+++\nab\xffc\n",
                )
                .unwrap()
            }),
            "content/guide.md",
            4,
            3,
        ),
    ];
    for (code, seed, path, line, column) in cases {
        let got = one(code, seed);
        assert_eq!(
            got,
            (path.to_string(), line, column, "error".to_string(), 1),
            "{code}"
        );
    }
}

#[test]
fn warnings_point_at_the_problem_and_exit_0() {
    let cases: Vec<Case> = vec![
        (
            "gap",
            Box::new(|d: &Path| {
                fs::remove_file(d.join("content/competencies/e2/people.md")).unwrap()
            }),
            "content/levels/e2.md",
            1,
            1,
        ),
        (
            "rank-hole",
            Box::new(|d: &Path| replace(d, "content/levels/e2.md", "rank = 2", "rank = 4")),
            "content/levels/e2.md",
            3,
            8,
        ),
        (
            "repeated-expectation",
            Box::new(|d: &Path| {
                write_cell(
                    d,
                    "e2",
                    "craft",
                    "- Keeps the build green.\n- e1 does the craft thing number 00 well\n",
                )
            }),
            "content/competencies/e2/craft.md",
            6,
            3,
        ),
        // Hunt 40 H40-07: twice in one cell went unsaid, though once at two levels was said.
        (
            "repeated-expectation",
            Box::new(|d: &Path| {
                write_cell(
                    d,
                    "e2",
                    "craft",
                    "- Keeps the build green every day.\n- Reviews code.\n- Keeps the build green every day.\n",
                )
            }),
            "content/competencies/e2/craft.md",
            7,
            3,
        ),
        // Browser check 44 B44-01: two tracks of one title were named alike in the menu,
        // on the overview and in the picker, and `check` said nothing.
        (
            "same-track-title",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/tracks/mgmt.md",
                    "title = \"Management\"",
                    "title = \"ic\"",
                )
            }),
            "content/tracks/mgmt.md",
            2,
            9,
        ),
        // Browser check 36 B36-10: written for the home page, as Jekyll, Hugo and Zola show
        // it, the file was a guide at /index/ without a word.
        (
            "index-page",
            Box::new(|d: &Path| {
                fs::write(
                    d.join("content/index.md"),
                    "+++\ntitle = \"Welcome\"\n+++\nOur ladder.\n",
                )
                .unwrap()
            }),
            "content/index.md",
            0,
            0,
        ),
        // Browser check 33 L8: a mark with no definition shows as text on the page.
        (
            "undefined-footnote",
            Box::new(|d: &Path| {
                write_cell(
                    d,
                    "m1",
                    "people",
                    "- Runs the team's reviews[^cycle].\n- Hires with a panel[^panl].\n\n[^cycle]: Twice a year.\n[^panel]: Three people.\n",
                )
            }),
            "content/competencies/m1/people.md",
            6,
            21,
        ),
        (
            "todo",
            Box::new(|d: &Path| {
                write_cell(d, "m1", "impact", "- Leads the team.\n- TBD: budget\n")
            }),
            "content/competencies/m1/impact.md",
            6,
            3,
        ),
        (
            "unused-pillar",
            Box::new(|d: &Path| {
                fs::write(
                    d.join("content/pillars/ops.md"),
                    "+++\ntitle = \"Ops\"\n+++\n",
                )
                .unwrap()
            }),
            "content/pillars/ops.md",
            1,
            1,
        ),
        (
            // Serve-break 27 L1: a track file no level names was an empty table, unsaid.
            "empty-track",
            Box::new(|d: &Path| {
                fs::write(
                    d.join("content/tracks/design.md"),
                    "+++\ntitle = \"Design\"\n+++\n",
                )
                .unwrap()
            }),
            "content/tracks/design.md",
            1,
            1,
        ),
        (
            // A numbered anchor written as the expectation's own id: not an id, so text.
            "bad-own-id",
            Box::new(|d: &Path| {
                write_cell(
                    d,
                    "m1",
                    "impact",
                    "## Notes {#Heading_Ids_Are_Fine}\n\n- Leads the team. {#impact--1}\n",
                )
            }),
            "content/competencies/m1/impact.md",
            7,
            19,
        ),
        (
            "missing-image",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/guide.md",
                    "## Reading",
                    "## Reading\n\nThe ladder at a glance: ![chart](/charts/ladder.png)",
                )
            }),
            "content/guide.md",
            6,
            25,
        ),
        (
            // Under a sub-path, a level's address from the host's root; a link to another
            // application on the host (`/wiki/`) is not warned about.
            "outside-link",
            Box::new(|d: &Path| {
                under_careers(d);
                replace(
                    d,
                    "content/guide.md",
                    "## Reading",
                    "## Reading\n\nSee [e1](/levels/e1/#craft) and [the wiki](/wiki/).",
                )
            }),
            "content/guide.md",
            6,
            5,
        ),
        (
            "heading-in-competency",
            Box::new(|d: &Path| {
                write_cell(
                    d,
                    "e2",
                    "craft",
                    // The heading before the list titles it; the one after the first
                    // item would group the next, and lands below the list.
                    "## Coding\n\n- Writes code.\n\n  ### Part of the expectation\n\n## Design\n\n- Designs.\n",
                )
            }),
            "content/competencies/e2/craft.md",
            11,
            1,
        ),
        (
            // The lead-in before the first list shows over it; the one between the lists is
            // shown below them both.
            "note-between-lists",
            Box::new(|d: &Path| {
                write_cell(
                    d,
                    "e2",
                    "craft",
                    "At this level you:\n\n- Write code.\n\nWhen on call:\n\n- Answer pages.\n",
                )
            }),
            "content/competencies/e2/craft.md",
            9,
            1,
        ),
        (
            // A site address of a level the ladder does not have: the build publishes it as
            // written, and only check can tell.
            "missing-page",
            Box::new(|d: &Path| {
                replace(
                    d,
                    "content/guide.md",
                    "## Reading",
                    "## Reading\n\nSee [e9](/levels/e9/) and [e1](/levels/e1/).",
                )
            }),
            "content/guide.md",
            6,
            5,
        ),
        (
            "no-list",
            Box::new(|d: &Path| write_cell(d, "e2", "craft", "Keeps the build green, in prose.\n")),
            "content/competencies/e2/craft.md",
            5,
            1,
        ),
        (
            "no-expectations",
            Box::new(|d: &Path| {
                for p in ["craft", "people", "impact"] {
                    fs::remove_file(d.join(format!("content/competencies/e1/{p}.md"))).unwrap();
                }
            }),
            "content/levels/e1.md",
            1,
            1,
        ),
    ];
    for (code, seed, path, line, column) in cases {
        let got = one(code, seed);
        assert_eq!(
            got,
            (path.to_string(), line, column, "warning".to_string(), 0),
            "{code}"
        );
    }
}

#[test]
fn a_ladder_seeded_with_every_diagnostic_gets_all_of_them_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    // A second pair of tracks' worth of levels, so each seed has a file of its own.
    for (id, rank) in [("e3", 3), ("e4", 4), ("e6", 6), ("e7", 7)] {
        fs::write(
            d.join(format!("content/levels/{id}.md")),
            format!("+++\ntitle = \"Level {id}\"\nrank = {rank}\ntrack = \"ic\"\n+++\n"),
        )
        .unwrap();
        for p in ["craft", "people", "impact"] {
            write_cell(
                d,
                id,
                p,
                &format!("- {id} shows {p} skill in a way all its own {rank}\n"),
            );
        }
    }
    // Errors.
    replace(d, "content/levels/e1.md", "rank = 1", "rank = 1\nlevle = 2"); // unknown-key
    replace(
        d,
        "content/pillars/impact.md",
        "order = 3",
        "order = \"third\"",
    ); // wrong-type
    fs::write(d.join("content/pillars/ops.md"), "+++\norder = 4\n+++\n").unwrap(); // missing-key
    fs::write(
        d.join("content/pillars/broken.md"),
        "+++\ntitle = \"Broken\n+++\n",
    )
    .unwrap(); // toml-syntax
    replace(
        d,
        "content/competencies/e1/craft.md",
        "level = \"e1\"",
        "level = \"e99\"",
    ); // unknown-level
    replace(
        d,
        "content/competencies/e2/craft.md",
        "pillar = \"craft\"",
        "pillar = \"craf\"",
    ); // unknown-pillar
    replace(
        d,
        "content/levels/e3.md",
        "track = \"ic\"",
        "track = \"icc\"",
    ); // unknown-track
    fs::copy(
        d.join("content/competencies/e4/people.md"),
        d.join("content/competencies/e4/people-copy.md"),
    )
    .unwrap(); // duplicate-cell
    fs::write(d.join("content/Notes.md"), "+++\ntitle = \"Notes\"\n+++\n").unwrap(); // bad-id
    replace(d, "content/levels/e6.md", "rank = 6", "rank = 2"); // rank-collision
    replace(
        d,
        "content/levels/m1.md",
        "equivalent = [\"e2\"]",
        "equivalent = [\"e2\", \"e1\", \"e8\"]",
    ); // equivalent-not-mutual, unknown-level
    replace(
        d,
        "content/levels/e7.md",
        "rank = 7",
        "rank = 7\naliases = [\"levels/e2/\"]",
    ); // alias-collision
    replace(
        d,
        "content/guide.md",
        "levels/e2.md#craft",
        "levels/e2.md#crafts",
    ); // broken-anchor
    fs::write(
        d.join("content/faq.md"),
        "+++\ntitle = \"FAQ\"\n+++\nSee [the old page](old.md).\n",
    )
    .unwrap(); // broken-link
               // Warnings.
               // gap (in the IC track: removing m1's only people cell would take the pillar off the
               // management track, which then has no gap)
    fs::remove_file(d.join("content/competencies/e4/craft.md")).unwrap();
    write_cell(d, "e7", "impact", "- TODO: e2 does the impact thing number 12 well\n- e2 does the impact thing number 12 well\n"); // todo, repeated-expectation
    fs::write(
        d.join("content/pillars/unused.md"),
        "+++\ntitle = \"Unused\"\norder = 9\n+++\n",
    )
    .unwrap(); // unused-pillar
    fs::write(
        d.join("content/levels/e9.md"),
        "+++\ntitle = \"Level 9\"\nrank = 9\ntrack = \"ic\"\n+++\n",
    )
    .unwrap(); // rank-hole, no-expectations

    let (report, status) = json(d, &[]);
    assert_eq!(status, 1);
    let mut codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    codes.sort();
    codes.dedup();
    let mut want = vec![
        "alias-collision",
        "bad-id",
        "broken-anchor",
        "broken-link",
        "duplicate-cell",
        "equivalent-not-mutual",
        "missing-key",
        "rank-collision",
        "toml-syntax",
        "unknown-key",
        "unknown-level",
        "unknown-pillar",
        "unknown-track",
        "wrong-type",
        "gap",
        "no-expectations",
        "rank-hole",
        "repeated-expectation",
        "todo",
        "unused-pillar",
    ];
    want.sort();
    assert_eq!(codes, want, "{:#?}", report.diagnostics);
    // Each points at a line of its file, never just "the file".
    let at = |code: &str, path: &str| {
        report
            .diagnostics
            .iter()
            .find(|x| x.code == code && x.path == path)
            .map(|x| (x.line, x.column))
            .unwrap_or_else(|| panic!("{code} in {path}: {:#?}", report.diagnostics))
    };
    assert_eq!(at("unknown-key", "content/levels/e1.md"), (4, 1));
    assert_eq!(at("wrong-type", "content/pillars/impact.md"), (3, 9));
    assert_eq!(at("toml-syntax", "content/pillars/broken.md").0, 2);
    assert_eq!(at("unknown-track", "content/levels/e3.md"), (4, 9));
    assert_eq!(at("rank-collision", "content/levels/e6.md"), (3, 8));
    assert_eq!(at("equivalent-not-mutual", "content/levels/m1.md"), (5, 21));
    assert_eq!(at("unknown-level", "content/levels/m1.md"), (5, 27));
    assert_eq!(at("alias-collision", "content/levels/e7.md"), (4, 12));
    assert_eq!(at("broken-link", "content/faq.md"), (4, 5));
    assert_eq!(at("todo", "content/competencies/e7/impact.md"), (5, 3));
    assert_eq!(
        at("repeated-expectation", "content/competencies/e7/impact.md"),
        (6, 3)
    );
    assert_eq!(at("rank-hole", "content/levels/e9.md"), (3, 8));
    assert_eq!(at("no-expectations", "content/levels/e9.md"), (1, 1));
    // A level whose track is unknown is reported once, not again by each of its competencies.
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|x| x.path.starts_with("content/competencies/e3/")),
        "{:#?}",
        report.diagnostics
    );

    // The human format gives the same set.
    let out = ladderbook().arg("check").arg(d).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("content/")).count(),
        report.diagnostics.len(),
        "{stderr}"
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    fs::remove_file(tmp.path().join("content/competencies/e2/people.md")).unwrap();
    let (report, status) = json(tmp.path(), &["--strict"]);
    assert_eq!((report.errors, status), (1, 1));
    ladderbook().arg("check").arg(tmp.path()).assert().success();
}

#[test]
fn every_diagnostic_in_one_run_in_both_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    replace(d, "content/levels/e1.md", "rank = 1", "rank = 1\nlevle = 2");
    replace(
        d,
        "content/competencies/e1/people.md",
        "level = \"e1\"",
        "level = \"e9\"",
    );
    replace(d, "content/guide.md", "#craft", "#crafts");
    replace(
        d,
        "content/levels/m1.md",
        "equivalent = [\"e2\"]",
        "equivalent = [\"e2\", \"e1\"]",
    );
    fs::remove_file(d.join("content/competencies/e2/impact.md")).unwrap();
    write_cell(d, "m1", "impact", "- FIXME write this\n");
    let (report, status) = json(d, &[]);
    let mut codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        [
            "broken-anchor",
            "equivalent-not-mutual",
            "gap",
            "todo",
            "unknown-key",
            "unknown-level"
        ],
        "{:#?}",
        report.diagnostics
    );
    assert_eq!(status, 1);

    // The human format lists the same set, one `path:line:column: severity: message` each.
    let out = ladderbook().arg("check").arg(d).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for diag in &report.diagnostics {
        let line = format!(
            "{}:{}:{}: {}: {}",
            diag.path, diag.line, diag.column, diag.severity, diag.message
        );
        assert!(
            stderr.contains(&line),
            "missing in human output: {line}\n{stderr}"
        );
    }

    // The JSON round-trips through serde.
    let again: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(again, report);
}

/// `content/_index.md`, Hugo's and Zola's home-page text: its id error said to rename it
/// `index.md`, which the `index-page` warning then said is no home page either (browser
/// check 37 B37-10). The hint says where the overview's text comes from.
#[test]
fn an_index_page_named_as_hugo_names_it_is_told_where_the_overview_text_is() {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    fs::write(
        tmp.path().join("content/_index.md"),
        "+++\ntitle = \"Home\"\n+++\nOur ladder.\n",
    )
    .unwrap();
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!(status, 1);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "bad-id")
        .unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert!(d.hint.contains("`description` in book.toml"), "{}", d.hint);
    assert!(!d.hint.contains("`index.md`"), "{}", d.hint);
}

/// A competency copied from another level's file, its `level` left as it was (the usual way
/// to start a new cell): the error is at that file's `level`, and its hint says which level
/// its folder names before offering to merge; no `gap` asks for the file that is there
/// (author check 48 A48-05: the error was at 1:1 and said only "merge … and delete the
/// other", which would put the new level's text in the old level's file).
#[test]
fn a_copied_competency_whose_level_was_left_is_told_its_folders_level() {
    // Copied up (the copy is read after the file it copies) and down (before it).
    for (copy, from) in [("e2", "e1"), ("e1", "e2")] {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        clean_ladder(d);
        write_cell(d, from, "craft", "- rewritten for the other level\n");
        fs::rename(
            d.join(format!("content/competencies/{from}/craft.md")),
            d.join(format!("content/competencies/{copy}/craft.md")),
        )
        .unwrap();
        write_cell(d, from, "craft", "- the level's own craft\n");
        let (report, status) = json(d, &[]);
        assert_eq!(status, 1);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["duplicate-cell"], "{:#?}", report.diagnostics);
        let diag = &report.diagnostics[0];
        assert_eq!(
            (diag.path.as_str(), diag.line),
            (format!("content/competencies/{copy}/craft.md").as_str(), 2),
            "{diag:#?}"
        );
        assert!(
            diag.hint.starts_with(&format!("this file is in `competencies/{copy}/`: if it is level `{copy}`'s, write `level = \"{copy}\"`")),
            "{diag:#?}"
        );
    }
}

/// A file manager's copy of a level (`e2 copy.md`, `e2 - Copy.md`, `e2 (1).md`) is one error
/// that says what it is, and nothing else: its rank and equivalents are the original's
/// (author check 48 A48-10: four errors, two of whose hints asked to name the copy in good
/// files).
#[test]
fn a_file_managers_copy_of_a_level_is_one_error_that_says_so() {
    for name in ["e2 copy.md", "e2 - Copy.md", "e2 (1).md"] {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        clean_ladder(d);
        fs::copy(
            d.join("content/levels/e2.md"),
            d.join("content/levels").join(name),
        )
        .unwrap();
        let (report, status) = json(d, &[]);
        assert_eq!(status, 1);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["bad-id"], "{name}: {:#?}", report.diagnostics);
        let diag = &report.diagnostics[0];
        assert!(
            diag.message
                .ends_with("is the name a file manager gives a copy of content/levels/e2.md"),
            "{diag:#?}"
        );
        assert!(diag.hint.starts_with("delete the copy"), "{diag:#?}");
    }
}

#[test]
fn a_list_held_in_details_is_named_where_the_element_opens() {
    // "This competency has no list" was false: the list was there, inside a `<details>` left
    // open (review 43 R43-13).
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    write_cell(
        tmp.path(),
        "e2",
        "craft",
        "\nKeeps the build green.\n\n<details>\n<summary>Examples</summary>\n\n- Fixed the flaky test\n",
    );
    let (report, _) = json(tmp.path(), &[]);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "no-list")
        .expect("a no-list warning");
    assert_eq!(
        (d.path.as_str(), d.line),
        ("content/competencies/e2/craft.md", 8)
    );
    assert!(
        d.message.contains("inside the `<details>` opened here"),
        "{}",
        d.message
    );
    assert!(
        d.hint.contains("`</details>` on a line of its own"),
        "{}",
        d.hint
    );
}

#[test]
fn lines_pasted_with_bullets_are_named_as_no_list_markers() {
    // A cell pasted from a sheet or a document keeps its `•`: the page said "no expectations
    // listed" and check only "this competency has no list" (author check 49, A49-07).
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    write_cell(
        tmp.path(),
        "e2",
        "craft",
        "\n• Keeps the build green.\n• Reviews a colleague's change each day.\n",
    );
    write_cell(
        tmp.path(),
        "e1",
        "craft",
        "\n- Writes tests.\n\n• Pairs on a bug fix.\n\n```\n• in a code block\n```\n",
    );
    // Folded examples are no expectations, however their lines start (review 44 R44-11),
    // also folded inside an item (review 45 R45-09).
    write_cell(
        tmp.path(),
        "m1",
        "people",
        "\n- Runs the one-to-ones.\n\n  <details>\n  <summary>Examples</summary>\n\n  • Weekly with each report\n\n  </details>\n",
    );
    write_cell(
        tmp.path(),
        "m1",
        "craft",
        "\n- Runs the team.\n\n<details>\n<summary>Examples</summary>\n\n• Ran the autumn planning\n\n</details>\n",
    );
    let (report, _) = json(tmp.path(), &[]);
    let at = |code: &str, path: &str| {
        report
            .diagnostics
            .iter()
            .find(|d| d.code == code && d.path == path)
            .unwrap_or_else(|| panic!("no {code} at {path}: {:#?}", report.diagnostics))
    };
    let none = at("no-list", "content/competencies/e2/craft.md");
    assert_eq!(none.line, 6);
    assert!(
        none.message
            .contains("start with `•`, which Markdown does not read as a list marker"),
        "{}",
        none.message
    );
    assert!(none.hint.contains("`- ` in place of `• `"), "{}", none.hint);
    let some = at("pasted-bullet", "content/competencies/e1/craft.md");
    assert_eq!(some.line, 8);
    assert!(
        some.message.starts_with("a line starts with `•`"),
        "{}",
        some.message
    );
    assert_eq!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == "pasted-bullet")
            .count(),
        1,
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn a_mistyped_level_is_offered_the_level_its_folder_names() {
    // `senior-engineer` in `competencies/senior-software-engineer/` was offered
    // `senior-engineering-manager`, a level of the other track (author check 49, A49-06).
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    for (id, track, rank) in [
        ("senior-software-engineer", "ic", 3),
        ("senior-engineering-manager", "mgmt", 2),
    ] {
        fs::write(
            d.join(format!("content/levels/{id}.md")),
            format!("+++\ntitle = \"{id}\"\nrank = {rank}\ntrack = \"{track}\"\n+++\n"),
        )
        .unwrap();
    }
    write_cell(
        d,
        "senior-software-engineer",
        "craft",
        "\n- Designs systems.\n",
    );
    let path = d.join("content/competencies/senior-software-engineer/craft.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(
            "level = \"senior-software-engineer\"",
            "level = \"senior-engineer\"",
        ),
    )
    .unwrap();
    let (report, status) = json(d, &[]);
    assert_eq!(status, 1);
    let e = report
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-level")
        .expect("an unknown-level error");
    assert_eq!(e.message, "there is no level `senior-engineer`");
    assert!(
        e.hint.starts_with(
            "did you mean `senior-software-engineer`, the level this file's folder names"
        ),
        "{}",
        e.hint
    );
    // A slip of the keys names the level it is a slip of (review 44 R44-07).
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(
            "level = \"senior-engineer\"",
            "level = \"senior-engineering-manger\"",
        ),
    )
    .unwrap();
    let (report, _) = json(d, &[]);
    let e = report
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-level")
        .expect("an unknown-level error");
    assert!(
        e.hint
            .starts_with("did you mean `senior-engineering-manager`?"),
        "{}",
        e.hint
    );
}

#[test]
fn a_rank_collision_says_which_rank_is_free() {
    // The error named both files but not the rank the edit left empty (author check 49,
    // A49-09).
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    for (id, rank) in [("e3", 3), ("e4", 4)] {
        fs::write(
            d.join(format!("content/levels/{id}.md")),
            format!("+++\ntitle = \"{id}\"\nrank = {rank}\ntrack = \"ic\"\n+++\n"),
        )
        .unwrap();
    }
    replace(d, "content/levels/e3.md", "rank = 3", "rank = 4");
    let (report, status) = json(d, &[]);
    assert_eq!(status, 1);
    let e = report
        .diagnostics
        .iter()
        .find(|d| d.code == "rank-collision")
        .expect("a rank-collision error");
    assert!(
        e.hint.ends_with("; no level of this track has rank 3"),
        "{}",
        e.hint
    );
    // Ranks far apart are no list of every rank between (review 44 R44-01: two levels at
    // rank 1,000,000,000 ran out of memory), nor offers a rank below the lowest (review 45
    // R45-08).
    replace(d, "content/levels/e1.md", "rank = 1", "rank = 1000000000");
    replace(d, "content/levels/e2.md", "rank = 2", "rank = 1000000000");
    let (report, _) = json(d, &[]);
    let e = report
        .diagnostics
        .iter()
        .find(|d| d.code == "rank-collision" && d.message.contains("1000000000"))
        .expect("the collision at rank 1000000000");
    assert!(
        e.hint
            .ends_with("; no level of this track has rank 5, 6, 7, among others"),
        "{}",
        e.hint
    );
}
