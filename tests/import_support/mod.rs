//! Helpers of the import tests: running an import and building its site, reading what it
//! wrote, and checking that every expectation of a source is on its level's page.
#![allow(dead_code)]

use crate::common::*;

pub mod tables;
use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------
// Running an import and reading what it wrote.

pub struct Imported {
    pub _tmp: tempfile::TempDir,
    pub root: PathBuf,
    pub site: PathBuf,
    pub summary: String,
}

/// What `import src -o out` says on stderr when it fails, as it must.
pub fn refused(src: &Path, out: &Path) -> String {
    let run = ladderbook()
        .arg("import")
        .arg(src)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(!run.status.success(), "{} was imported", src.display());
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// Imports `src` into a temporary folder and builds it; both must succeed with no error.
pub fn import(src: &Path, args: &[&str]) -> Imported {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("ladder");
    let out = ladderbook()
        .arg("import")
        .arg(src)
        .arg("-o")
        .arg(&root)
        .args(args)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "import of {} failed:\n{summary}{}",
        src.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let b = ladderbook().arg("build").arg(&root).output().unwrap();
    let stderr = String::from_utf8_lossy(&b.stderr);
    assert!(
        b.status.success() && !stderr.contains("error"),
        "building the import of {} failed:\n{stderr}",
        src.display()
    );
    // The summary fits on one screen, and every guess names its source line.
    let lines: Vec<&str> = summary.lines().collect();
    assert!(
        lines.len() <= 40,
        "the summary of {} has {} lines:\n{summary}",
        src.display(),
        lines.len()
    );
    assert!(
        lines.iter().all(|l| l.chars().count() <= 400),
        "a summary line is far too long:\n{summary}"
    );
    if let Some(start) = lines
        .iter()
        .position(|l| l.starts_with("Check these guesses"))
    {
        for l in &lines[start + 1..lines.len() - 1] {
            let loc = l
                .trim_start()
                .trim_start_matches("… ")
                .split(": ")
                .next()
                .unwrap_or("");
            let has_line = l.trim_start().starts_with('…')
                || loc
                    .rsplit(':')
                    .next()
                    .is_some_and(|n| n.parse::<usize>().is_ok());
            assert!(has_line, "a guess without `path:line`: {l}");
        }
    }
    Imported {
        site: root.join("book"),
        root,
        summary,
        _tmp: tmp,
    }
}

/// The words of every page of the site but the comparisons (which repeat level pages), one
/// page per line.
pub fn site_words(site: &Path) -> String {
    let mut out = String::new();
    for e in walkdir::WalkDir::new(site)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
    {
        let rel = e
            .path()
            .strip_prefix(site)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if e.path().extension().is_some_and(|x| x == "html") && !rel.starts_with("compare") {
            out.push_str(&words(&fs::read_to_string(e.path()).unwrap()));
            out.push('\n');
        }
    }
    out
}

/// The TOML front-matter of a content file.
pub fn front(path: &Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap();
    let rest = text
        .strip_prefix("+++\n")
        .unwrap_or_else(|| panic!("{} has no front-matter", path.display()));
    let end = rest.find("\n+++").unwrap();
    toml::from_str(&rest[..end]).unwrap()
}

pub fn str_of(t: &toml::Table, k: &str) -> String {
    t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string()
}

/// The stems of the Markdown files under `dir` (the ids of a `content/` folder's
/// levels or pillars), sorted.
pub fn content_ids(dir: &Path) -> Vec<String> {
    content_files(dir).into_iter().map(|(id, _)| id).collect()
}

/// Every Markdown file under `dir`, by stem, sorted.
pub fn content_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut v: Vec<(String, PathBuf)> = fs::read_dir(dir)
        .map(|r| {
            r.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The Markdown body of a file, after any YAML (`---`) or TOML (`+++`) front-matter.
pub fn body(text: &str) -> &str {
    for fence in ["---\n", "+++\n"] {
        if let Some(rest) = text.strip_prefix(fence) {
            let close = format!("\n{}", fence.trim_end());
            if let Some(end) = rest.find(&close) {
                return rest[end + close.len()..].trim_start_matches('\n');
            }
        }
    }
    text
}

/// Every list item and paragraph of `md` (at any depth), as words.
pub fn md_units(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut out = Vec::new();
    for (ev, r) in Parser::new(md).into_offset_iter() {
        if let Event::Start(Tag::Item | Tag::Paragraph) = ev {
            let w = md_words(&md[r]);
            if !w.is_empty() {
                out.push(w);
            }
        }
    }
    out
}

/// Asserts that every unit is somewhere on the site.
pub fn assert_all_on_site(imp: &Imported, units: &[String], what: &str) {
    let site = site_words(&imp.site);
    let missing: Vec<&String> = units
        .iter()
        .filter(|u| !site.contains(u.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{what}: {} of {} list items and paragraphs are not on the site, e.g.:\n{}",
        missing.len(),
        units.len(),
        missing
            .iter()
            .take(5)
            .map(|s| format!("  {s}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Every Markdown file under `path` (a file or folder), with its text.
pub fn markdown_sources(path: &Path) -> Vec<(PathBuf, String)> {
    let mut v = Vec::new();
    for e in walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
    {
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md") {
            v.push((
                e.path().to_path_buf(),
                fs::read_to_string(e.path()).unwrap(),
            ));
        }
    }
    v
}

/// An expectation the source puts in a level and pillar (both as words).
#[derive(Debug, Clone)]
pub struct Exp {
    pub level: String,
    pub pillar: String,
    pub text: String,
}

/// Checks every expectation is on its level's page, in its pillar's section, among the
/// level's own expectations, and that the level pages hold exactly these expectations.
/// Levels are found by title (or code and title), pillars by title, after `aliases`.
pub fn assert_placed(imp: &Imported, exps: &[Exp], aliases: &[(&str, &str)]) {
    assert!(!exps.is_empty(), "no expectations in the source");
    let levels: Vec<(String, String, String)> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(id, p)| {
            let f = front(&p);
            let t = words(&str_of(&f, "title"));
            let ct = words(&format!("{} {}", str_of(&f, "code"), str_of(&f, "title")));
            (id, t, ct)
        })
        .collect();
    let pillars: Vec<(String, String)> = content_files(&imp.root.join("content/pillars"))
        .into_iter()
        .map(|(id, p)| (id, words(&str_of(&front(&p), "title"))))
        .collect();
    let mut pages: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for e in exps {
        let lv: Vec<&String> = levels
            .iter()
            .filter(|l| l.1 == e.level || l.2 == e.level)
            .map(|l| &l.0)
            .collect();
        let e = &Exp {
            pillar: words(&strip_shortcodes(&e.pillar)),
            ..e.clone()
        };
        assert_eq!(
            lv.len(),
            1,
            "level `{}` is not exactly one level file: {lv:?} (levels: {levels:?})",
            e.level
        );
        let want_pillar = aliases
            .iter()
            .find(|a| a.0 == e.pillar)
            .map_or(e.pillar.as_str(), |a| a.1);
        let pl: Vec<&String> = pillars
            .iter()
            .filter(|p| p.1 == want_pillar)
            .map(|p| &p.0)
            .collect();
        assert_eq!(
            pl.len(),
            1,
            "pillar `{}` is not exactly one pillar file (pillars: {pillars:?})",
            e.pillar
        );
        let html = pages
            .entry(lv[0].clone())
            .or_insert_with(|| page(&imp.site, &format!("levels/{}/", lv[0])));
        let sec = section(html, pl[0], "class=\"pillar-section\"");
        let own = sec
            .split("<details class=\"inherited\"")
            .next()
            .unwrap_or("");
        assert!(
            words(own).contains(&md_words(&e.text)),
            "levels/{}/ section #{} lacks: {}",
            lv[0],
            pl[0],
            e.text
        );
    }
    let total: usize = levels
        .iter()
        .map(|(id, _, _)| {
            page(&imp.site, &format!("levels/{id}/"))
                .matches("<li id=\"")
                .count()
        })
        .sum();
    assert_eq!(
        total,
        exps.len(),
        "the level pages hold {total} expectations, the source {}",
        exps.len()
    );
}

/// A title without GitHub `:shortcode:` emoji.
pub fn strip_shortcodes(s: &str) -> String {
    s.split(' ')
        .filter(|w| !(w.len() > 2 && w.starts_with(':') && w.ends_with(':')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Top-level list items and paragraphs of a Markdown text with the headings above them:
/// (headings h1..h6 as plain text, source text, is a list item, inside raw `<details>`).
pub fn outline(md: &str) -> Vec<([String; 6], String, bool, bool)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut heads: [String; 6] = Default::default();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut in_heading: Option<usize> = None;
    let mut details = 0i32;
    for (ev, r) in Parser::new(md).into_offset_iter() {
        match &ev {
            Event::Start(Tag::Heading { level, .. }) => {
                let l = *level as usize - 1;
                for h in heads.iter_mut().skip(l) {
                    h.clear();
                }
                in_heading = Some(l);
            }
            Event::End(TagEnd::Heading(_)) => in_heading = None,
            Event::Text(t) | Event::Code(t) if in_heading.is_some() => {
                heads[in_heading.unwrap_or(0)].push_str(t)
            }
            Event::Html(h) if depth <= 1 => {
                details +=
                    h.matches("<details").count() as i32 - h.matches("</details>").count() as i32;
            }
            _ => {}
        }
        match &ev {
            Event::Start(Tag::Item) if depth == 1 => {
                out.push((heads.clone(), md[r.clone()].to_string(), true, details > 0))
            }
            Event::Start(Tag::Paragraph) if depth == 0 => {
                out.push((heads.clone(), md[r.clone()].to_string(), false, details > 0))
            }
            _ => {}
        }
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out
}

/// Each level's items (under `### ` headings) under the plain labels `Core Duties` and `Skills & Knowledge`, up to the
/// next heading or rule (`-` or `•` items).
pub fn plain_label_items(text: &str) -> Vec<Exp> {
    let (mut level, mut pillar, mut exps) = (String::new(), None, Vec::new());
    for line in text.lines() {
        let item = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("\t•\t"));
        if let Some(h) = line.strip_prefix("### ") {
            level = words(h);
        } else if line.starts_with('#') || line == "⸻" {
            pillar = None;
        } else if ["Core Duties", "Skills & Knowledge"].contains(&line) {
            pillar = Some(line.to_string());
        } else if let (Some(item), Some(pillar)) = (item, &pillar) {
            exps.push(Exp {
                level: level.clone(),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    exps
}

/// A fixture of `tests/fixtures/import/`.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(name)
}

/// The titles of the content files in `dir` (`content/levels`, `content/tracks`), in the
/// order of their file names.
pub fn titles(dir: &Path) -> Vec<String> {
    content_files(dir)
        .iter()
        .map(|(_, path)| str_of(&front(path), "title"))
        .collect()
}

/// The text of the competency file of `level` in `pillar` of the import.
pub fn competency(imp: &Imported, level: &str, pillar: &str) -> String {
    fs::read_to_string(
        imp.root
            .join(format!("content/competencies/{level}/{pillar}.md")),
    )
    .unwrap_or_else(|e| panic!("{level}/{pillar}: {e}"))
}

/// The rank the import gave level `id` (its front-matter `rank`).
pub fn level_rank(imp: &Imported, id: &str) -> i64 {
    front(&imp.root.join(format!("content/levels/{id}.md")))["rank"]
        .as_integer()
        .unwrap_or_else(|| panic!("level {id} has no rank"))
}

/// The titles of the import's levels, in the order of [`ranked_levels`].
pub fn ranked_titles(imp: &Imported) -> Vec<String> {
    ranked_levels(imp)
        .iter()
        .map(|id| {
            str_of(
                &front(&imp.root.join(format!("content/levels/{id}.md"))),
                "title",
            )
        })
        .collect()
}

/// The ids of the import's levels, by track id and then rank.
pub fn ranked_levels(imp: &Imported) -> Vec<String> {
    let mut levels: Vec<(String, i64, String)> = content_ids(&imp.root.join("content/levels"))
        .into_iter()
        .map(|id| {
            let f = front(&imp.root.join(format!("content/levels/{id}.md")));
            (str_of(&f, "track"), f["rank"].as_integer().unwrap_or(0), id)
        })
        .collect();
    levels.sort();
    levels.into_iter().map(|(_, _, id)| id).collect()
}
