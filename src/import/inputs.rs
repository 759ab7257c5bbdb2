//! The files an import reads: which kinds it reads, by their names; the files of a folder;
//! an MDX page's module lines; a TOML front-matter's title.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    Markdown,
    Yaml,
    /// A spreadsheet saved as CSV or TSV, read as a Markdown table ([`super::sheet`]).
    Sheet,
}

/// An MDX page's text with its `import` and `export` statements (JavaScript for the page's
/// components, MDX's ESM syntax) left as empty lines, so that they are not read as text; a
/// statement runs on over the lines its braces hold open. Lines in code fences stay. Every line
/// keeps its number.
pub(super) fn without_esm(text: &str) -> String {
    let (mut fence, mut open) = (false, 0i64);
    text.split('\n')
        .map(|line| {
            let t = line.trim_start();
            if open == 0 && (t.starts_with("```") || t.starts_with("~~~")) {
                fence = !fence;
            }
            let starts =
                !fence && open == 0 && (line.starts_with("import ") || line.starts_with("export "));
            if starts || open > 0 {
                let braces = line.matches(['{', '[', '(']).count() as i64
                    - line.matches(['}', ']', ')']).count() as i64;
                open = (open + braces).max(0);
                ""
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `JSON` for a `.json` file, else `YAML`: what a message calls the file's format.
pub(super) fn format_name(rel: &str) -> &'static str {
    if rel.to_ascii_lowercase().ends_with(".json") {
        "JSON"
    } else {
        "YAML"
    }
}

pub(super) fn kind_of(rel: &str) -> Option<FileKind> {
    let ext = rel
        .rsplit_once('.')
        .map(|x| x.1.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        // MDX (Docusaurus, Next.js) is Markdown with components, read as Markdown: their tags
        // go the way of other HTML, and their text is kept.
        "md" | "markdown" | "mdown" | "mkd" | "mdx" => Some(FileKind::Markdown),
        // JSON is YAML 1.2's subset: one reader for both.
        "yml" | "yaml" | "json" => Some(FileKind::Yaml),
        "csv" | "tsv" => Some(FileKind::Sheet),
        _ => None,
    }
}

/// The files of a folder, in path order, editor files and the output folder left out.
pub(super) fn list_folder(dir: &Path, output: &Path) -> Vec<(PathBuf, String)> {
    let out_abs = output.canonicalize().ok();
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && crate::load::is_editor_temp(&e.file_name().to_string_lossy()) {
                return false;
            }
            // Never read the output (nor, when it is the folder imported, its content/ and site).
            match (&out_abs, e.path().canonicalize()) {
                (Some(o), Ok(p)) if e.depth() > 0 && e.file_type().is_dir() => {
                    &p != o && p != o.join("content") && p != o.join("book")
                }
                _ => true,
            }
        });
    for e in walker.flatten() {
        if !e.file_type().is_file() {
            continue;
        }
        let rel = crate::diagnostic::display_path(dir, e.path());
        files.push((e.path().to_path_buf(), rel));
    }
    files
}

/// Skips a TOML (`+++`) front-matter, returning the body's offset and its `title`.
pub(super) fn skip_toml_front_matter(text: &str) -> (usize, Option<String>) {
    let Some(first) = text.find('\n') else {
        return (0, None);
    };
    if text[..first].trim_end() != "+++" {
        return (0, None);
    }
    let rest = &text[first + 1..];
    let Some(end) = rest.find("\n+++") else {
        return (0, None);
    };
    let toml_text = &rest[..end];
    let title = toml::from_str::<toml::Table>(toml_text)
        .ok()
        .and_then(|t| t.get("title").and_then(|v| v.as_str()).map(str::to_string));
    let body = first + 1 + end + 4;
    let body = text[body..].find('\n').map_or(text.len(), |i| body + i + 1);
    (body, title)
}
