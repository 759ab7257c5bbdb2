//! `ladderbook init`: a new ladder with a `book.toml` and a small example to edit; with
//! `--theme`, the default theme's files to customise.

use std::fs;
use std::path::Path;

/// The files `init` writes: (path relative to the ladder root, contents).
pub const STARTER: &[(&str, &str)] = &[
    ("book.toml", "[book]\ntitle = \"Engineering Ladder\"\ndescription = \"How engineering roles grow here\"\nlanguage = \"en\"\n\n[build]\nbuild-dir = \"book\"\n\n[output.html]\nsite-url = \"/\"\n"),
    (".gitignore", "/book/\n"),
    ("content/tracks/ic.md", "+++\ntitle = \"Individual contributor\"\norder = 1\n+++\n\nEngineers who grow by taking on harder technical problems and a wider scope.\n"),
    ("content/levels/engineer.md", "+++\ntitle = \"Engineer\"\nrank = 1\ntrack = \"ic\"\ncode = \"IC1\"\n+++\n\nDelivers well-defined work on one team, with guidance.\n"),
    ("content/levels/senior-engineer.md", "+++\ntitle = \"Senior Engineer\"\nrank = 2\ntrack = \"ic\"\ncode = \"IC2\"\n+++\n\nOwns features end to end and helps the people around them grow.\n"),
    ("content/pillars/craft.md", "+++\ntitle = \"Technical craft\"\norder = 1\n+++\n\nThe quality of the software you write and the judgement behind it.\n"),
    ("content/pillars/collaboration.md", "+++\ntitle = \"Collaboration\"\norder = 2\n+++\n\nHow you work with the people around you.\n"),
    ("content/competencies/engineer/craft.md", "+++\nlevel = \"engineer\"\npillar = \"craft\"\n+++\n\n- Writes clear, tested code for well-scoped tasks.\n- Asks for help early when stuck, with what they have tried.\n"),
    ("content/competencies/engineer/collaboration.md", "+++\nlevel = \"engineer\"\npillar = \"collaboration\"\n+++\n\n- Gives and receives code review with care.\n- Keeps the team informed of progress and blockers.\n"),
    ("content/competencies/senior-engineer/craft.md", "+++\nlevel = \"senior-engineer\"\npillar = \"craft\"\n+++\n\n- Designs features that stay easy to change, and explains the trade-offs.\n- Improves the team's tooling and practices where it pays off.\n"),
    ("content/competencies/senior-engineer/collaboration.md", "+++\nlevel = \"senior-engineer\"\npillar = \"collaboration\"\n+++\n\n- Mentors newer engineers through review and pairing.\n- Works with product and design to shape what gets built.\n"),
    ("content/about.md", "+++\ntitle = \"About this ladder\"\nweight = 1\n+++\n\nEach [level](levels/engineer.md) lists what is expected in each pillar. Edit the files under `content/` and run `ladderbook build`.\n"),
];

/// Writes the starter ladder into `dir`, creating it if needed.
///
/// # Errors
/// A message when `dir` already holds a `book.toml` or a `content/` folder (nothing is
/// overwritten), or when a file cannot be written.
pub fn init(dir: &Path) -> Result<Vec<String>, String> {
    for existing in ["book.toml", "content"] {
        if dir.join(existing).exists() {
            return Err(format!(
                "{}: error: {existing} already exists, and init never overwrites a ladder\n  hint: run init in an empty folder, e.g. `ladderbook init my-ladder`",
                dir.join(existing).display()
            ));
        }
    }
    let mut written = Vec::new();
    for (path, text) in STARTER {
        write_new(&dir.join(path), text.as_bytes())?;
        written.push(path.to_string());
    }
    Ok(written)
}

/// Writes `bytes` to `full`, creating its folders; the error names the path.
fn write_new(full: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("{}: error: cannot create the folder: {e}", parent.display()))?;
    }
    fs::write(full, bytes)
        .map_err(|e| format!("{}: error: cannot write the file: {e}", full.display()))
}

/// What [`theme`] did: the files it wrote and the ones it left alone because they exist,
/// as paths relative to the ladder root (`templates/level.html`).
#[derive(Debug, Default)]
pub struct ThemeReport {
    /// Files written.
    pub written: Vec<String>,
    /// Files that were already there, left as they are.
    pub kept: Vec<String>,
}

/// Writes the default theme (the templates built into the binary into `dir/templates/`,
/// its stylesheet, script and icon into `dir/static/`), so its files can be copied from and
/// changed. A file that already exists is never overwritten. `dir` may hold a ladder.
///
/// # Errors
/// A message when a folder or file cannot be written.
pub fn theme(dir: &Path) -> Result<ThemeReport, String> {
    let files = crate::render::THEME_TEMPLATES
        .iter()
        .map(|(name, text)| (format!("templates/{name}"), text.as_bytes()))
        .chain(
            crate::render::THEME_STATIC
                .iter()
                .map(|(name, bytes)| (format!("static/{name}"), *bytes)),
        );
    let mut report = ThemeReport::default();
    for (path, bytes) in files {
        let full = dir.join(&path);
        if full.exists() {
            report.kept.push(path);
            continue;
        }
        write_new(&full, bytes)?;
        report.written.push(path);
    }
    Ok(report)
}
