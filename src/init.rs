//! `ladderbook init`: a new ladder with a `book.toml` and a small example to edit; with
//! `--theme`, the default theme's files to customise.

use crate::diagnostic::Diagnostic;
use crate::frontmatter::keys::{
    front_matter, BookTable, BookToml, BuildTable, CompetencyKeys, HtmlTable, LevelKeys,
    OutputTable, PageKeys, PillarKeys, TrackKeys,
};
use crate::frontmatter::Located;
use serde::Serialize;
use std::fs;
use std::path::Path;

/// The files `init` writes: (path relative to the ladder root, contents).
pub fn starter() -> Vec<(&'static str, String)> {
    let book = BookToml {
        book: BookTable {
            title: "Engineering Ladder".into(),
            description: Some("How engineering roles grow here".into()),
            language: Some("en".into()),
        },
        build: Some(BuildTable {
            build_dir: Some("book".into()),
            release_tags: None,
        }),
        output: Some(OutputTable {
            html: Some(HtmlTable {
                site_url: Some("/".into()),
                cumulative: None,
            }),
        }),
    };
    let track = TrackKeys {
        title: "Individual contributor".into(),
        order: Some(1),
        cumulative: None,
        aliases: Vec::new(),
    };
    let level = |title: &str, rank: i64| LevelKeys {
        title: title.into(),
        rank: Located::unplaced(rank),
        track: Some(Located::unplaced("ic".into())),
        code: Some(format!("IC{rank}")),
        summary: None,
        equivalent: Vec::new(),
        aliases: Vec::new(),
    };
    let pillar = |title: &str, order: i64| PillarKeys {
        title: title.into(),
        order: Some(order),
        aliases: Vec::new(),
    };
    let cell = |level: &str, pillar: &str| CompetencyKeys {
        level: Located::unplaced(level.into()),
        pillar: Located::unplaced(pillar.into()),
    };
    let about = PageKeys {
        title: "About this ladder".into(),
        weight: Some(1),
        aliases: Vec::new(),
    };
    vec![
        ("book.toml", format!("{}\n", front_matter(&book))),
        (".gitignore", "/book/\n".into()),
        ("content/tracks/ic.md", page(&track, "Engineers who grow by taking on harder technical problems and a wider scope.\n")),
        ("content/levels/engineer.md", page(&level("Engineer", 1), "Delivers well-defined work on one team, with guidance.\n")),
        ("content/levels/senior-engineer.md", page(&level("Senior Engineer", 2), "Owns features end to end and helps the people around them grow.\n")),
        ("content/pillars/craft.md", page(&pillar("Technical craft", 1), "The quality of the software you write and the judgement behind it.\n")),
        ("content/pillars/collaboration.md", page(&pillar("Collaboration", 2), "How you work with the people around you.\n")),
        ("content/competencies/engineer/craft.md", page(&cell("engineer", "craft"), "- Writes clear, tested code for well-scoped tasks.\n- Asks for help early when stuck, with what they have tried.\n")),
        ("content/competencies/engineer/collaboration.md", page(&cell("engineer", "collaboration"), "- Gives and receives code review with care.\n- Keeps the team informed of progress and blockers.\n")),
        ("content/competencies/senior-engineer/craft.md", page(&cell("senior-engineer", "craft"), "- Designs features that stay easy to change, and explains the trade-offs.\n- Improves the team's tooling and practices where it pays off.\n")),
        ("content/competencies/senior-engineer/collaboration.md", page(&cell("senior-engineer", "collaboration"), "- Mentors newer engineers through review and pairing.\n- Works with product and design to shape what gets built.\n")),
        ("content/about.md", page(&about, "Each [level](levels/engineer.md) lists what is expected in each pillar. Edit the files under `content/` and run `ladderbook build`.\n")),
    ]
}

/// A content file: `keys` as front-matter, a blank line, then `body`.
fn page<T: Serialize>(keys: &T, body: &str) -> String {
    format!("+++\n{}\n+++\n\n{body}", front_matter(keys))
}

/// Writes the starter ladder into `dir`, creating it if needed.
///
/// # Errors
/// An error when `dir` already holds a `book.toml` or a `content/` folder (nothing is
/// overwritten), or when a file cannot be written.
pub fn init(dir: &Path) -> Result<Vec<String>, Diagnostic> {
    for existing in ["book.toml", "content"] {
        if dir.join(existing).exists() {
            return Err(Diagnostic::about(
                "exists",
                dir.join(existing).display().to_string(),
                format!("{existing} already exists, and init never overwrites a ladder"),
                "run init in an empty folder, e.g. `ladderbook init my-ladder`",
            ));
        }
    }
    let mut written = Vec::new();
    for (path, text) in starter() {
        write_new(&dir.join(path), text.as_bytes())?;
        written.push(path.to_string());
    }
    Ok(written)
}

/// Writes `bytes` to `full`, creating its folders; the error names the path.
fn write_new(full: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let failed = |path: &Path, what: &str, e: std::io::Error| {
        Diagnostic::about("io", path.display().to_string(), format!("{what}: {e}"), "")
    };
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent).map_err(|e| failed(parent, "cannot create the folder", e))?;
    }
    fs::write(full, bytes).map_err(|e| failed(full, "cannot write the file", e))
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
/// An error when a folder or file cannot be written.
pub fn theme(dir: &Path) -> Result<ThemeReport, Diagnostic> {
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
