//! Helpers of the `check` tests: a small clean ladder to break on purpose, and running
//! `ladderbook check --format json` on it.
#![allow(dead_code)]

use crate::common::*;
use ladderbook::check::Report;
use std::fs;
use std::path::Path;

/// A small, clean ladder: two tracks, three pillars, every cell filled, mutual equivalents.
pub fn clean_ladder(dir: &Path) {
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

pub fn write_cell(dir: &Path, level: &str, pillar: &str, body: &str) {
    let p = dir.join(format!("content/competencies/{level}/{pillar}.md"));
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(
        p,
        format!("+++\nlevel = \"{level}\"\npillar = \"{pillar}\"\n+++\n{body}"),
    )
    .unwrap();
}

pub fn json(dir: &Path, extra: &[&str]) -> (Report, i32) {
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
pub fn one(code: &str, seed: impl FnOnce(&Path)) -> (String, usize, usize, String, i32) {
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

/// Publishes the clean ladder in `dir` under the sub-path `/careers/` (its `site-url`).
pub fn under_careers(dir: &Path) {
    fs::write(
        dir.join("book.toml"),
        "[book]\ntitle = \"Check fixture\"\n[output.html]\nsite-url = \"/careers/\"\n",
    )
    .unwrap();
}

pub fn replace(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let t = fs::read_to_string(&p).unwrap();
    assert!(t.contains(from), "{file} lacks {from}");
    fs::write(p, t.replacen(from, to, 1)).unwrap();
}

/// A broken copy of a ladder and where check must point: (name, how to break it, path, line,
/// column).
pub type Case = (
    &'static str,
    Box<dyn FnOnce(&Path)>,
    &'static str,
    usize,
    usize,
);
