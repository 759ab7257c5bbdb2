//! A bounded fuzz of loading: random mutations of the example ladder's files (front-matter
//! and Markdown), each loaded, validated and, when valid, rendered in memory. Nothing may
//! panic, every diagnostic must point into a file that exists at a line it has, and a
//! ladder that validates must render.

mod common;
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

/// Pieces spliced into files: front-matter syntax and values that are wrong in every way we
/// could think of, and Markdown around them (our own strings).
const PIECES: &[&str] = &[
    "+++",
    "+++\n",
    "---\n",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{0}",
    "\"",
    "'",
    "=",
    "[",
    "]",
    "{",
    "}",
    "title = ",
    "title = \"\"",
    "title = 42",
    "rank = ",
    "rank = -1",
    "rank = 99999999999999999999",
    "rank = 1.5",
    "track = \"nope\"",
    "level = \"nope\"",
    "pillar = \"nope\"",
    "level = \"engineer-1\"",
    "pillar = \"craft\"",
    "aliases = [\"../../x\"]",
    "aliases = [\"levels/engineer-2\"]",
    "equivalent = \"staff-engineer\"",
    "equivalent = [\"x\"]",
    "weight = \"heavy\"",
    "cumulative = yes",
    "[table]\n",
    "[[array]]\n",
    "summary = \"\"\"\n",
    "code = \"\n",
    "\n- ",
    "\n  - ",
    "\n# ",
    "\n## Same\n",
    "{#dup}",
    "[link](missing.md)",
    "[link](#nope)",
    "[link](../levels/engineer-2.md#craft--99)",
    "[l](levels/engineer-1.md)",
    "<details>",
    "](",
    "![",
    "```",
    "\n    code\n",
    "|a|b|\n|-|-|\n",
    "[^1]",
    "[^1]: note\n",
    "~~",
    "\t",
    "é",
    "—",
    "\u{202e}",
];

/// Mutates `text` 1 to 6 times (see [`Random::mutate`]), cutting up to 30 bytes at a time.
fn mutate(r: &mut Random, text: &str) -> String {
    r.mutate(text, PIECES, 30)
}

#[test]
fn random_mutations_of_a_ladder_never_panic_and_every_error_points_into_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ladder");
    copy_ladder(&repo(), &root);
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.push(root.join("book.toml"));
    let mut r = Random(0x0dd_ba11_cafe_f00d);
    // 150 cases in a test run (each loads, and when valid renders, the whole example);
    // more with LADDERBOOK_FUZZ_CASES.
    let cases: usize = std::env::var("LADDERBOOK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .map_or(150, |n: usize| n / 10);
    let (mut valid, mut invalid) = (0, 0);
    for case in 0..cases {
        // One or two files mutated at once, put back after the case.
        let picked: Vec<PathBuf> = (0..1 + r.below(2))
            .map(|_| files[r.below(files.len())].clone())
            .collect();
        let originals: Vec<(PathBuf, String)> = picked
            .iter()
            .map(|p| (p.clone(), fs::read_to_string(p).unwrap()))
            .collect();
        let mut texts = Vec::new();
        for (path, original) in &originals {
            let current = fs::read_to_string(path).unwrap_or_else(|_| original.clone());
            let text = mutate(&mut r, &current);
            fs::write(path, &text).unwrap();
            texts.push((path.clone(), text));
        }
        let outcome = std::panic::catch_unwind(|| {
            let (_, diags) = ladderbook::build::validate(&root);
            let errors = diags.has_errors();
            for d in &diags.0 {
                check_position(&root, d);
            }
            if !errors {
                let p = ladderbook::build::prepare(&root).map_err(|d| d.to_string())?;
                ladderbook::serve::full_render(&root, &p).map_err(|d| d.to_string())?;
            }
            Ok::<bool, String>(errors)
        });
        match outcome {
            Ok(Ok(true)) => invalid += 1,
            Ok(Ok(false)) => valid += 1,
            Ok(Err(e)) => panic!("case {case}: valid, but does not render: {e}\n{texts:#?}"),
            Err(_) => panic!("case {case}: panicked on\n{texts:#?}"),
        }
        for (path, original) in originals {
            fs::write(path, original).unwrap();
        }
    }
    // The mutations must exercise both sides.
    assert!(
        valid > cases / 20 && invalid > cases / 5,
        "{valid} valid, {invalid} invalid"
    );
}

/// A diagnostic names a file of the ladder (or the ladder's folders), at a line it has.
fn check_position(root: &Path, d: &ladderbook::diagnostic::Diagnostic) {
    assert!(d.line >= 1 && d.column >= 1, "{d:?}");
    let file = root.join(&d.path);
    if let Ok(text) = fs::read_to_string(&file) {
        let lines = text.split('\n').count();
        assert!(d.line <= lines, "{d:?}: line {} of {lines}", d.line);
    } else {
        assert!(
            root.join(&d.path).exists() || ["content", "templates"].contains(&d.path.as_str()),
            "{d:?}: no such file"
        );
    }
}
