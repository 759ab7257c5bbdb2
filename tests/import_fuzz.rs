//! A bounded fuzz of `import`: random mutations of the real ladders in
//! `tests/fixtures/real-ladders/` (Markdown and YAML, one file or a folder of them), each
//! imported in memory. Nothing may panic or hang; an import that fails says where, in a file
//! and at a line that file has; an import that succeeds writes a ladder that `check` finds
//! no error in and that renders.

mod common;
use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Pieces spliced into documents: the structure import reads (headings, lists, bold labels,
/// tables, front-matter, YAML keys and values), broken in every way we could think of (our
/// own strings).
const PIECES: &[&str] = &[
    "\n# ",
    "\n## ",
    "\n### ",
    "\n#### ",
    "\n####### ",
    "\n## Level 3\n",
    "\n## Senior Engineer\n",
    "\n### Craft\n",
    "\n### \n",
    "\n- ",
    "\n  - ",
    "\n* ",
    "\n1. ",
    "\n- **Craft**: ",
    "**",
    "**Level**",
    "\n> ",
    "\n---\n",
    "---\n",
    "+++\n",
    "\n|a|b|\n|-|-|\n|c|d|\n",
    "[x](#nope)",
    "[x](missing.md)",
    "[x](L2-Software-Engineer.md#x)",
    "<details><summary>",
    "</details>",
    "<picture>",
    "```",
    "\n    code\n",
    "{#id}",
    ":",
    ": ",
    "- ",
    "  ",
    "\t",
    "'",
    "\"",
    "|",
    "|\n",
    "&",
    "*",
    "[",
    "{",
    "}",
    "null",
    "~",
    "level: 0\n",
    "level: 99\n",
    "level: -1\n",
    "level: x\n",
    "  - level: 2\n",
    "topics:\n",
    "content:\n",
    "criteria:\n",
    "id: \n",
    "id: senior-2-ic\n",
    "levels: []\n",
    "name: \n",
    "theme: \n",
    "competencies:\n",
    "yaml: false\n",
    "title: \n",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{0}",
    "é",
    "🦉",
    "\u{202e}",
];

/// Mutates `text` 1 to 6 times (see [`Random::mutate`]), cutting up to 200 bytes at a time.
fn mutate(r: &mut Random, text: &str) -> String {
    r.mutate(text, PIECES, 200)
}

/// The documents import reads: every Markdown and YAML file of the real ladders.
fn seeds() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(real_ladders())
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "yml"))
        .collect();
    // The folder's own README is the attribution table, not a ladder.
    files.retain(|p| p != &real_ladders().join("README.md"));
    files
}

/// What went wrong in one case, by class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Failure {
    Panic,
    Hang,
    /// An error whose position is not in the file it names.
    ErrorOutsideItsFile,
    /// import's own check of what it wrote failed ("this is a bug in `ladderbook import`").
    WroteAnInvalidLadder,
    /// Imported, then `check` reports errors.
    CheckErrors,
    /// Imported and checked, then rendering fails.
    DoesNotRender,
}

/// Imports `input` into `out`: `Ok(None)` when it succeeded and the result checks and
/// renders, `Ok(Some(message))` when it was refused with an error at a real position, else
/// the failure and what was seen.
fn run_case(input: &Path, out: &Path) -> Result<Option<String>, (Failure, String)> {
    let opts = ladderbook::import::Options {
        path: input.to_path_buf(),
        output: out.to_path_buf(),
        format: ladderbook::import::Format::Auto,
        track: None,
        title: None,
        force: false,
    };
    match ladderbook::import::import(&opts) {
        Err(e) if e.message.contains("does not validate") => {
            Err((Failure::WroteAnInvalidLadder, e.message))
        }
        Err(e) => {
            let file = if input.is_dir() {
                input.join(&e.path)
            } else {
                input.to_path_buf()
            };
            let lines = fs::read_to_string(&file).map_or(1, |t| t.split('\n').count());
            let inside = e.line >= 1 && e.column >= 1 && e.line <= lines;
            if !inside {
                return Err((
                    Failure::ErrorOutsideItsFile,
                    format!("{e:?} ({lines} lines)"),
                ));
            }
            Ok(Some(e.message))
        }
        Ok(_) => {
            let (_, report) = ladderbook::check::check(out, false);
            if report.errors > 0 {
                return Err((Failure::CheckErrors, format!("{:#?}", report.diagnostics)));
            }
            let p = match ladderbook::build::prepare(out) {
                Ok(p) => p,
                Err(d) => return Err((Failure::DoesNotRender, d.to_string())),
            };
            ladderbook::serve::full_render(out, &p)
                .map_err(|d| (Failure::DoesNotRender, format!("{d:?}")))?;
            Ok(None)
        }
    }
}

#[test]
fn random_mutations_of_real_ladders_import_or_fail_cleanly() {
    let seeds = seeds();
    assert!(seeds.len() > 30, "{} seed documents", seeds.len());
    // 150 cases in a test run; more with LADDERBOOK_FUZZ_CASES, others with
    // LADDERBOOK_FUZZ_SEED (a number).
    let mut r = Random(
        std::env::var("LADDERBOOK_FUZZ_SEED")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0x1add_e4b0_0c5e_ed01),
    );
    let cases: usize = std::env::var("LADDERBOOK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150);
    let mut imported = 0;
    // Why imports were refused: the error's message up to its first `:` or backquote.
    let mut refused: std::collections::BTreeMap<String, usize> = Default::default();
    // (case, class, what was seen, the document mutated)
    let mut failures: Vec<(usize, Failure, String, PathBuf)> = Vec::new();
    for case in 0..cases {
        let dir = tempfile::tempdir().unwrap();
        // One document in four is imported with the rest of its folder.
        let seed = &seeds[r.below(seeds.len())];
        let whole_folder = r.below(4) == 0;
        let input = dir.path().join("input");
        let entry = if whole_folder {
            copy_dir(seed.parent().unwrap(), &input);
            input.clone()
        } else {
            fs::create_dir_all(&input).unwrap();
            let to = input.join(seed.file_name().unwrap());
            fs::copy(seed, &to).unwrap();
            to
        };
        let target = input.join(seed.file_name().unwrap());
        let text = mutate(&mut r, &fs::read_to_string(&target).unwrap());
        fs::write(&target, &text).unwrap();
        let out = dir.path().join("ladder");
        let (tx, rx) = std::sync::mpsc::channel();
        let (entry2, out2) = (entry.clone(), out.clone());
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| run_case(&entry2, &out2));
            let _ = tx.send(outcome);
        });
        // Generous: a case takes well under a second even in a debug build.
        let failure = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(Ok(None))) => {
                imported += 1;
                None
            }
            Ok(Ok(Ok(Some(message)))) => {
                let why = message.split([':', '`']).next().unwrap_or_default();
                *refused.entry(why.trim().to_string()).or_default() += 1;
                None
            }
            Ok(Ok(Err(f))) => Some(f),
            Ok(Err(p)) => Some((
                Failure::Panic,
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default(),
            )),
            Err(_) => Some((Failure::Hang, "no answer in 60 s".into())),
        };
        if let Some((class, detail)) = failure {
            // LADDERBOOK_FUZZ_KEEP=<folder> keeps each failing case's input to reproduce it.
            if let Some(keep) = std::env::var_os("LADDERBOOK_FUZZ_KEEP") {
                copy_dir(&input, &Path::new(&keep).join(format!("case-{case}")));
            }
            failures.push((case, class, detail, seed.clone()));
        }
    }
    let mut classes: Vec<Failure> = failures.iter().map(|f| f.1).collect();
    classes.sort();
    let refused_n: usize = refused.values().sum();
    eprintln!(
        "{cases} cases: {imported} imported, {refused_n} refused with an error, {} failed {:?}\nrefused: {refused:#?}",
        failures.len(),
        classes
    );
    for (case, class, detail, seed) in &failures {
        eprintln!("case {case}: {class:?} on {}\n{detail}", seed.display());
    }
    if let Some((case, class, detail, seed)) = failures.first() {
        panic!(
            "{} failures; the first, case {case}: {class:?}\n{detail}\ninput: {}",
            failures.len(),
            seed.display()
        );
    }
    // The mutations must exercise both sides.
    assert!(
        imported > cases / 4 && refused_n > 0,
        "{imported} imported, {refused_n} refused"
    );
}
