//! `ladderbook check` on whole ladders: the example ladder is clean, and real ladders show
//! the coverage and the gaps they really have.

mod check_support;
mod common;
use check_support::*;
use common::*;
use std::fs;

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
