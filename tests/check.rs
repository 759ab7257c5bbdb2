//! `ladderbook check`: one fixture per diagnostic, each asserting its code, its position and
//! the exit status; a clean ladder; a ladder with every diagnostic at once; and JSON.

mod common;
use common::*;
use ladderbook::check::Report;
use std::fs;
use std::path::Path;

/// A small, clean ladder: two tracks, three pillars, every cell filled, mutual equivalents.
fn clean_ladder(dir: &Path) {
    let files: &[(&str, &str)] = &[
        ("book.toml", "[book]\ntitle = \"Check fixture\"\n"),
        ("content/tracks/ic.md", "+++\ntitle = \"IC\"\norder = 1\n+++\n"),
        ("content/tracks/mgmt.md", "+++\ntitle = \"Management\"\norder = 2\n+++\n"),
        ("content/levels/e1.md", "+++\ntitle = \"Engineer\"\nrank = 1\ntrack = \"ic\"\n+++\n"),
        ("content/levels/e2.md", "+++\ntitle = \"Senior Engineer\"\nrank = 2\ntrack = \"ic\"\nequivalent = [\"m1\"]\n+++\n"),
        ("content/levels/m1.md", "+++\ntitle = \"Manager\"\nrank = 1\ntrack = \"mgmt\"\nequivalent = [\"e2\"]\n+++\n"),
        ("content/pillars/craft.md", "+++\ntitle = \"Craft\"\norder = 1\n+++\n"),
        ("content/pillars/people.md", "+++\ntitle = \"People\"\norder = 2\n+++\n"),
        ("content/pillars/impact.md", "+++\ntitle = \"Impact\"\norder = 3\n+++\n"),
        ("content/guide.md", "+++\ntitle = \"Guide\"\n+++\n## Reading\n\nSee [the senior level](levels/e2.md#craft).\n"),
    ];
    for (path, text) in files {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    for (n, level) in ["e1", "e2", "m1"].iter().enumerate() {
        for (k, pillar) in ["craft", "people", "impact"].iter().enumerate() {
            write_cell(dir, level, pillar, &format!("- {level} does the {pillar} thing number {n}{k} well\n- {level} also improves {pillar} practice {n}{k} for others\n"));
        }
    }
}

fn write_cell(dir: &Path, level: &str, pillar: &str, body: &str) {
    let p = dir.join(format!("content/competencies/{level}/{pillar}.md"));
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(
        p,
        format!("+++\nlevel = \"{level}\"\npillar = \"{pillar}\"\n+++\n{body}"),
    )
    .unwrap();
}

fn json(dir: &Path, extra: &[&str]) -> (Report, i32) {
    let out = ladderbook()
        .arg("check")
        .arg(dir)
        .arg("--format")
        .arg("json")
        .args(extra)
        .output()
        .unwrap();
    let report: Report =
        serde_json::from_slice(&out.stdout).expect("check --format json prints one JSON document");
    (report, out.status.code().unwrap())
}

/// Applies `seed` to a clean ladder and returns the single diagnostic with `code`.
fn one(code: &str, seed: impl FnOnce(&Path)) -> (String, usize, usize, String, i32) {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    seed(tmp.path());
    let (report, status) = json(tmp.path(), &[]);
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one `{code}`, got {:#?}",
        report.diagnostics
    );
    let d = found[0];
    (d.path.clone(), d.line, d.column, d.severity.clone(), status)
}

fn replace(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let t = fs::read_to_string(&p).unwrap();
    assert!(t.contains(from), "{file} lacks {from}");
    fs::write(p, t.replacen(from, to, 1)).unwrap();
}

/// A broken copy of a ladder and where check must point: (name, how to break it, path, line,
/// column).
type Case = (
    &'static str,
    Box<dyn FnOnce(&Path)>,
    &'static str,
    usize,
    usize,
);

#[test]
fn a_clean_ladder_exits_0_with_only_the_matrix() {
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
                fs::write(
                    d.join("book.toml"),
                    "[book]\ntitle = \"Check fixture\"\n[output.html]\nsite-url = \"/careers/\"\n",
                )
                .unwrap();
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
                    "## Coding\n\n- Writes code.\n\n  ### Part of the expectation\n\n- Designs.\n",
                )
            }),
            "content/competencies/e2/craft.md",
            5,
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

#[test]
fn the_example_ladder_is_clean() {
    let (report, status) = json(&repo(), &[]);
    assert_eq!(status, 0);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.coverage.len(), 2);
    assert!(report.coverage.iter().all(|t| t.levels.iter().all(|l| l
        .cells
        .iter()
        .all(|c| c.is_some_and(|n| (3..=6).contains(&n))))));
}

#[test]
fn a_real_ladder_shows_its_real_coverage() {
    // Codecademy's manager ladder: 4 levels × 5 pillars, every cell filled (125 expectations).
    let tmp = tempfile::tempdir().unwrap();
    convert_headings_ladder(
        &real_ladders().join("Codecademy-engineering-competencies/managers.md"),
        tmp.path(),
        "management",
    );
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!(status, 0, "{:#?}", report.diagnostics);
    let cov = &report.coverage[0];
    assert_eq!(cov.levels.len(), 4);
    assert_eq!(cov.pillars.len(), 5);
    let total: usize = cov
        .levels
        .iter()
        .flat_map(|l| l.cells.iter())
        .map(|c| c.unwrap())
        .sum();
    assert_eq!(total, 125);
    assert!(!report.diagnostics.iter().any(|d| d.code == "gap"));
    // The same document with the VP's `Software Engineering & Design` section removed has
    // exactly that gap.
    fs::remove_file(
        tmp.path()
            .join("content/competencies/vp/software-engineering-design.md"),
    )
    .unwrap();
    let (report, _) = json(tmp.path(), &[]);
    let gaps: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "gap")
        .collect();
    assert_eq!(gaps.len(), 1);
    assert!(
        gaps[0].message.contains("`vp`")
            && gaps[0].message.contains("`software-engineering-design`")
    );
}

#[test]
fn imported_real_ladders_show_the_gaps_they_really_have() {
    // Monzo's backend and mobile frameworks (tests/fixtures/real-ladders): leadership starts at level
    // 3, and mobile has no mastery at level 6.
    let cases: [(&str, &[(&str, &str)]); 2] = [
        (
            "engineering/backend.md",
            &[("level-1", "leadership"), ("level-2", "leadership")],
        ),
        (
            "engineering/mobile.md",
            &[
                ("level-1", "leadership"),
                ("level-2", "leadership"),
                ("level-6", "mastery"),
            ],
        ),
    ];
    for (file, want) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("l");
        ladderbook()
            .arg("import")
            .arg(
                real_ladders()
                    .join("monzo-progression-framework/frameworks")
                    .join(file),
            )
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let (report, status) = json(&out, &[]);
        assert_eq!(status, 0, "{file}: {:#?}", report.diagnostics);
        let mut gaps: Vec<(String, String)> = Vec::new();
        for t in &report.coverage {
            for l in &t.levels {
                for (p, c) in t.pillars.iter().zip(&l.cells) {
                    if c.is_none() {
                        gaps.push((l.id.clone(), p.id.clone()));
                    }
                }
            }
        }
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(l, p)| (l.to_string(), p.to_string()))
            .collect();
        assert_eq!(gaps, want, "{file}");
        assert_eq!(
            report
                .diagnostics
                .iter()
                .filter(|d| d.code == "gap")
                .count(),
            want.len(),
            "{file}"
        );
    }
}

#[test]
fn links_to_expectations_land_on_existing_ones_only() {
    // Every cell of the clean ladder has two expectations: `#people--2` on Senior Engineer's
    // page exists, `#people--3` and `#people--02` do not.
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    replace(tmp.path(), "content/guide.md", "#craft", "#people--2");
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!((report.errors, status), (0, 0), "{:#?}", report.diagnostics);

    for wrong in ["#people--3", "#people--02", "#peple--1"] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        replace(tmp.path(), "content/guide.md", "#craft", wrong);
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1);
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == "broken-anchor")
            .unwrap_or_else(|| panic!("{wrong}: {:#?}", report.diagnostics));
        assert_eq!(
            (d.path.as_str(), d.line, d.column),
            ("content/guide.md", 6, 5)
        );
        assert!(d.message.contains(&format!("`{}`", wrong)), "{}", d.message);
        // The hint names a real expectation anchor of that page.
        assert!(
            ["people--1", "people--2"]
                .iter()
                .any(|a| d.hint.contains(a)),
            "{wrong}: {}",
            d.hint
        );
    }
}

#[test]
fn links_to_sections_land_on_sections_the_page_has() {
    // A pillar only the management track uses: IC level pages have no section for it, and
    // its pillar page has sections for management levels only.
    let seed = |dir: &Path| {
        fs::write(
            dir.join("content/pillars/leading.md"),
            "+++\ntitle = \"Leading\"\norder = 4\n+++\n",
        )
        .unwrap();
        write_cell(dir, "m1", "leading", "- m1 leads the team through change\n");
    };
    for (link, broken) in [
        ("levels/m1.md#leading", false),
        ("pillars/leading.md#m1", false),
        ("levels/e2.md#leading", true),
        ("pillars/leading.md#e1", true),
        ("levels/e2.md#leading--1", true),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        seed(tmp.path());
        replace(tmp.path(), "content/guide.md", "levels/e2.md#craft", link);
        let (report, status) = json(tmp.path(), &[]);
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.code == "broken-anchor");
        assert_eq!(found.is_some(), broken, "{link}: {:#?}", report.diagnostics);
        assert_eq!(status, i32::from(broken), "{link}");
        if let Some(d) = found {
            assert_eq!((d.path.as_str(), d.line), ("content/guide.md", 6));
            // The hint offers only anchors the page really has.
            assert!(!d.hint.contains("`#leading`"), "{link}: {}", d.hint);
        }
    }
}

#[test]
fn a_level_left_out_for_its_track_is_reported_once_not_again_by_links_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    replace(
        tmp.path(),
        "content/levels/e2.md",
        "track = \"ic\"",
        "track = \"icc\"",
    );
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!(status, 1);
    let codes: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == "error")
        .map(|d| d.code.as_str())
        .collect();
    // The guide's link to e2 and the equivalent named by m1 are not reported as well.
    assert_eq!(codes, ["unknown-track"], "{:#?}", report.diagnostics);
}

#[test]
fn a_broken_file_is_reported_once_with_the_keys_it_needs() {
    let cases = [
        (
            "content/competencies/e2/craft.md",
            "",
            "the file is empty",
            "level = \"e2\"\n    pillar = \"craft\"",
        ),
        (
            "content/competencies/e2/craft.md",
            "+++\nlevel = \"e2\npillar = \"craft\"\n+++\n- x\n",
            "invalid TOML",
            "",
        ),
        (
            "content/levels/e2.md",
            "Senior Engineer\n",
            "has no front-matter",
            "rank = ",
        ),
    ];
    for (file, text, message, hint) in cases {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        fs::write(tmp.path().join(file), text).unwrap();
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1, "{file}");
        // Its own error only: no gap, no-expectations or rank-hole warning asking for what
        // is there, and no error for the files that name it.
        assert_eq!(
            report.diagnostics.len(),
            1,
            "{file}: {:#?}",
            report.diagnostics
        );
        let d = &report.diagnostics[0];
        assert_eq!((d.path.as_str(), d.severity.as_str()), (file, "error"));
        assert!(d.message.contains(message), "{}", d.message);
        assert!(d.hint.contains(hint), "{}", d.hint);
    }
}

#[test]
fn a_typo_in_a_competency_files_level_or_pillar_is_reported_once() {
    // The file is where the gap's hint would ask for it: only its own error is reported.
    for (from, to, code, hint) in [
        (
            "level = \"e2\"",
            "level = \"e22\"",
            "unknown-level",
            "did you mean `e2`?",
        ),
        (
            "pillar = \"craft\"",
            "pillar = \"crafts\"",
            "unknown-pillar",
            "did you mean `craft`?",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        replace(tmp.path(), "content/competencies/e2/craft.md", from, to);
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1, "{to}");
        let got: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.line, d.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "content/competencies/e2/craft.md",
                if code == "unknown-level" { 2 } else { 3 },
                code
            )],
            "{:#?}",
            report.diagnostics
        );
        assert!(
            report.diagnostics[0].hint.contains(hint),
            "{}",
            report.diagnostics[0].hint
        );
    }
}

#[test]
fn links_to_sections_of_a_broken_level_or_pillar_are_not_reported_again() {
    // The guide links to e2's section of the craft pillar page, to craft's section of e1's
    // page and to one of its expectations; each broken file takes its sections away.
    for file in ["content/levels/e2.md", "content/pillars/craft.md"] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        replace(
            tmp.path(),
            "content/guide.md",
            "See [the senior level](levels/e2.md#craft).",
            "See [craft at e2](pillars/craft.md#e2), [e1's craft](levels/e1.md#craft) and [its first](levels/e1.md#craft--1).",
        );
        fs::write(tmp.path().join(file), "").unwrap();
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1, "{file}");
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == "error")
            .map(|d| (d.path.as_str(), d.code.as_str()))
            .collect();
        // The broken file's own error, and not the links that name its sections.
        assert_eq!(
            errors,
            [(file, "no-front-matter")],
            "{:#?}",
            report.diagnostics
        );
    }
}

#[test]
fn images_the_site_does_not_have_are_named_with_where_to_put_them() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    // An imported level's chart, as GitHub shows it: a <picture> with a site-absolute image.
    let level = d.join("content/levels/e1.md");
    let mut text = fs::read_to_string(&level).unwrap();
    text.push_str("\n<picture>\n  <source media=\"(prefers-color-scheme: dark)\" srcset=\"/charts/e1-dark.png\">\n  <img alt=\"Engineer\" src=\"/charts/e1.png\">\n</picture>\n\n![The icon](/favicon.svg) ![Logo](/img/logo%20small.png)\n");
    fs::write(&level, text).unwrap();
    let images = |d: &Path| -> Vec<(usize, String, String)> {
        let (report, status) = json(d, &[]);
        assert_eq!(status, 0, "warnings only");
        report
            .diagnostics
            .iter()
            .filter(|x| x.code == "missing-image")
            .map(|x| (x.line, x.message.clone(), x.hint.clone()))
            .collect()
    };
    let found = images(d);
    let messages: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the image `/charts/e1-dark.png` is not a file of the site, so it shows as broken",
            "the image `/charts/e1.png` is not a file of the site, so it shows as broken",
            "the image `/img/logo%20small.png` is not a file of the site, so it shows as broken",
        ],
        "{found:#?}"
    );
    assert!(
        found[1].2.contains("put the image at static/charts/e1.png"),
        "{found:#?}"
    );
    assert_eq!(found[0].0, 8, "the line of the <source>");

    // Put where the hints say, they are the site's, and the warnings go.
    for f in ["charts/e1-dark.png", "charts/e1.png", "img/logo small.png"] {
        let p = d.join("static").join(f);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, "png").unwrap();
    }
    assert_eq!(images(d), []);

    // Under a sub-path, a root address is outside the site even with the file there.
    let book = d.join("book.toml");
    let t = fs::read_to_string(&book).unwrap();
    fs::write(
        &book,
        format!("{t}[output.html]\nsite-url = \"/docs/ladder/\"\n"),
    )
    .unwrap();
    // The theme's icon too: /favicon.svg is at the host's root, not the site's.
    let found = images(d);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found[1].1 == "the image `/charts/e1.png` is outside the site, which is published under /docs/ladder/"
            && found[1].2.contains("write `/docs/ladder/charts/e1.png`"),
        "{found:#?}"
    );
}

#[test]
fn only_images_a_page_shows_are_checked_and_their_addresses_read_as_a_browser_reads_them() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    fs::create_dir_all(d.join("static/charts")).unwrap();
    fs::write(d.join("static/charts/real.png"), "png").unwrap();
    // Front-matter (a TOML comment), a comment, content the HTML policy drops, an attribute
    // value: no page shows these images.
    fs::write(
        d.join("content/guide.md"),
        "+++\ntitle = \"Guide\"\n# ![old](/charts/tomlcomment.png)\n+++\n\
         <!-- <img src=\"/charts/commented.png\"> -->\n\n\
         <noscript><img src=\"/charts/noscript.png\"></noscript>\n\n\
         Text <span title='<img src=/charts/inattr.png>'>x</span>\n\n\
         ![real](/nodir/../charts/./real.png) ![other host](/\\evil.example/x.png) ![dots](/%2e%2e/charts/real.png)\n\n\
         <picture>\n  <img alt=\"E\"\n    src=\"/charts/multiline.png\">\n</picture>\n",
    )
    .unwrap();
    // A level's summary is Markdown, shown on the overview: its images count.
    replace(
        d,
        "content/levels/e1.md",
        "title = \"Engineer\"",
        "title = \"Engineer\"\nsummary = \"![org](/charts/org.png) Builds things.\"",
    );
    let (report, _) = json(d, &[]);
    let found: Vec<(&str, usize, &str)> = report
        .diagnostics
        .iter()
        .filter(|x| x.code == "missing-image")
        .map(|x| (x.path.as_str(), x.line, x.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "content/guide.md",
                15,
                "the image `/charts/multiline.png` is not a file of the site, so it shows as broken"
            ),
            (
                "content/levels/e1.md",
                3,
                "the image `/charts/org.png` is not a file of the site, so it shows as broken"
            )
        ],
        "{:#?}",
        report.diagnostics
    );
    // Under a sub-path, a missing image outside it gets both steps at once.
    let book = d.join("book.toml");
    let t = fs::read_to_string(&book).unwrap();
    fs::write(&book, format!("{t}[output.html]\nsite-url = \"/docs/\"\n")).unwrap();
    let (report, _) = json(d, &[]);
    let hints: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|x| x.code == "missing-image")
        .map(|x| x.hint.as_str())
        .collect();
    assert!(
        hints.contains(
            &"put the image at static/charts/multiline.png and write `/docs/charts/multiline.png`, its address under the site-url"
        ),
        "{hints:#?}"
    );
}

#[test]
fn a_heading_inside_an_expectation_is_part_of_it_and_not_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    write_cell(
        tmp.path(),
        "e2",
        "craft",
        "- Writes code.\n\n  ### In practice\n\n  Small changes, reviewed.\n- Designs.\n",
    );
    let (report, _) = json(tmp.path(), &[]);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == "heading-in-competency"),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn an_outside_link_hint_is_the_pages_file_or_its_address_under_the_site_url() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    fs::write(
        d.join("book.toml"),
        "[book]\ntitle = \"Check fixture\"\n[output.html]\nsite-url = \"/careers/\"\n",
    )
    .unwrap();
    replace(
        d,
        "content/levels/e2.md",
        "rank = 2",
        "rank = 2\naliases = [\"levels/ic2/\"]",
    );
    replace(
        d,
        "content/guide.md",
        "## Reading",
        "## Reading\n\n[alias](/levels/ic2/#craft) [cmp](/compare) [wiki](/wiki/x) [in](/careers/levels/e1/) [none](/levels/e99/)",
    );
    let (report, _) = json(d, &[]);
    let hints: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "outside-link")
        .map(|d| (d.message.as_str(), d.hint.as_str()))
        .collect();
    assert_eq!(hints.len(), 3, "{hints:#?}");
    assert!(
        hints[2]
            .1
            .starts_with("the ladder has no page at that address"),
        "{hints:#?}"
    );
    assert!(hints[0].0.contains("`/levels/ic2/#craft`"), "{hints:#?}");
    assert!(hints[0].1.ends_with("`levels/e2.md#craft`"), "{hints:#?}");
    assert!(
        hints[1].1.contains("write `/careers/compare`"),
        "{hints:#?}"
    );
}

#[test]
fn missing_page_knows_aliases_pages_without_files_and_copied_files() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    replace(
        d,
        "content/pillars/craft.md",
        "order = 1",
        "order = 1\naliases = [\"pillars/technical/\"]",
    );
    replace(
        d,
        "content/guide.md",
        "## Reading",
        "## Reading\n\n[a](/pillars/technical/) [b](/levels/ladder.pdf) [c](/pillars/nope/) [d](/levels/E2/)",
    );
    let (report, _) = json(d, &[]);
    let missing: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "missing-page")
        .map(|d| (d.message.as_str(), d.hint.as_str()))
        .collect();
    assert_eq!(missing.len(), 2, "{missing:#?}");
    assert_eq!(
        missing[0].0,
        "the link `/pillars/nope/` names no page of the ladder"
    );
    // An id in other capitals: the page it meant, as a link to its file.
    assert_eq!(
        missing[1].0,
        "the link `/levels/E2/` names no page of the ladder"
    );
    assert!(
        missing[1].1.starts_with("did you mean `levels/e2.md`?"),
        "{missing:#?}"
    );
}
