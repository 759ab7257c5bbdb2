//! Loading: walking `content/`, reading each Markdown file's front-matter and body, and
//! sorting files into tracks, levels, pillars, competencies and free pages.
//!
//! Nothing here knows about other files: cross-file rules (unknown level, duplicate cell)
//! belong to [`crate::ladder`]. Every problem is collected as a diagnostic.

use crate::diagnostic::{display_path, Diagnostic, Diagnostics, SourceFile};
use crate::frontmatter::{self, Located, TableReader};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The folder under the ladder root that holds the Markdown.
pub const CONTENT_DIR: &str = "content";

/// What a content file describes, with its front-matter keys.
#[derive(Debug)]
pub enum Kind {
    /// `content/tracks/<id>.md`.
    Track {
        /// `title`, required.
        title: String,
        /// `order`, optional.
        order: Option<i64>,
        /// `cumulative`: overrides `[output.html] cumulative` for this track.
        cumulative: Option<bool>,
    },
    /// `content/levels/<id>.md`.
    Level {
        /// `title`, required.
        title: String,
        /// `rank`: 1 is the most junior level of its track.
        rank: Located<i64>,
        /// `track`: a track id, required when the ladder has more than one track.
        track: Option<Located<String>>,
        /// `code`: a short label such as `M5`.
        code: Option<String>,
        /// `summary`: one line; default the body's first paragraph.
        summary: Option<String>,
        /// `equivalent`: ids of levels on other tracks at the same seniority.
        equivalent: Vec<Located<String>>,
        /// `aliases`: old paths that must redirect to this level.
        aliases: Vec<Located<String>>,
    },
    /// `content/pillars/<id>.md`.
    Pillar {
        /// `title`, required.
        title: String,
        /// `order`, optional.
        order: Option<i64>,
    },
    /// Any file whose front-matter has `level` and `pillar`.
    Competency {
        /// The level id.
        level: Located<String>,
        /// The pillar id.
        pillar: Located<String>,
    },
    /// Any other file: a free page.
    Page {
        /// `title`, required.
        title: String,
        /// `weight`: navigation order, lightest first.
        weight: i64,
    },
}

/// One Markdown file of the ladder, read and parsed.
#[derive(Debug)]
pub struct Document {
    /// The file's text and display path.
    pub source: SourceFile,
    /// Path under `content/` with `/` separators (`levels/senior.md`).
    pub content_path: String,
    /// The file stem, which is the id of tracks, levels and pillars.
    pub id: String,
    /// What the file is.
    pub kind: Kind,
    /// Byte offset of the Markdown body in `source.text`.
    pub body_offset: usize,
}

impl Document {
    /// The Markdown body, after the front-matter.
    pub fn body(&self) -> &str {
        &self.source.text[self.body_offset..]
    }
}

/// A file under `content/` that is not Markdown, copied to the site as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Absolute path on disk.
    pub source: PathBuf,
    /// Path under `content/` with `/` separators, which is also its path in the site.
    pub content_path: String,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Markdown files that parsed, in path order.
    pub documents: Vec<Document>,
    /// Other files.
    pub assets: Vec<Asset>,
    /// Content paths of Markdown files that could not be read or parsed: links to them are
    /// not reported again as broken.
    pub failed: HashSet<String>,
}

/// True when `id` follows the contract's id rule: lowercase ASCII letters and digits in
/// groups joined by single hyphens (`senior-engineer`, `m5`).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A valid id suggested for an invalid one (`L1.0-Graduate` → `l1-0-graduate`).
pub fn suggest_id(stem: &str) -> String {
    let mut s = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

/// Editors' backup, swap and temporary files, which are never content: hidden files (Vim's
/// `.x.swp`, Emacs' `.#x` locks), Emacs' `#x#` and `x~`, `.tmp` files, JetBrains'
/// `x___jb_tmp___` and `x___jb_old___`, and Vim's `4913` write test.
pub fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name == "4913"
}

/// Resolves the relative link path `rel` against the folder `dir` (both `/`-separated paths
/// under `content/`; `""` is `content/` itself), normalising `.` and `..`. `None` when the
/// result would leave `content/`.
pub fn resolve_relative(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// True for `https://…`, `mailto:…`, `//host/…`: anything with a URL scheme (RFC 3986 §3.1).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// The folder part of a content path (`levels/a.md` → `levels`, `a.md` → `""`).
pub fn parent_dir(content_path: &str) -> &str {
    content_path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Decodes `%XX` escapes in a link path (RFC 3986 §2.1); invalid escapes are kept as
/// written and invalid UTF-8 is replaced, so a link always resolves to some path to check.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Walks `root/content` (never following symlinks) and reads every file.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Loaded {
    let content = root.join(CONTENT_DIR);
    let mut loaded = Loaded::default();
    if !content.is_dir() {
        diags.push(Diagnostic::error(
            "io",
            CONTENT_DIR,
            (1, 1),
            "the ladder has no content/ folder",
            "create content/ next to book.toml, with tracks/, levels/, pillars/ and competencies/ inside (`ladderbook init` writes an example)",
        ));
        return loaded;
    }
    let walker = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_editor_temp(&e.file_name().to_string_lossy()));
    let mut markdown: Vec<(PathBuf, String)> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| CONTENT_DIR.to_string(), |p| display_path(root, p));
                diags.push(Diagnostic::error(
                    "io",
                    path,
                    (1, 1),
                    format!("cannot read: {e}"),
                    "check the file's permissions",
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let content_path = display_path(&content, path);
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            loaded.assets.push(Asset {
                source: path.to_path_buf(),
                content_path,
            });
            continue;
        }
        markdown.push((entry.into_path(), content_path));
    }
    // Reading and parsing each file is independent of the others: done on all cores, then
    // kept in walk order so documents and diagnostics come out the same on every run.
    let read: Vec<_> = {
        use rayon::prelude::*;
        markdown
            .into_par_iter()
            .map(|(path, content_path)| {
                let (doc, errors) = read_document(root, &path, content_path.clone());
                (doc, errors, content_path)
            })
            .collect()
    };
    for (doc, errors, content_path) in read {
        match doc {
            Some(doc) => loaded.documents.push(doc),
            None => {
                loaded.failed.insert(content_path);
            }
        }
        for d in errors {
            diags.push(d);
        }
    }
    loaded
}

/// Reads and parses one Markdown file.
///
/// Returns the document when its kind and required keys could be read, and every problem
/// found: unreadable or non-UTF-8 files, front-matter problems, an id that breaks the id rule,
/// unknown keys and wrong types. A document returned with errors still takes part in
/// cross-file checks, so one run reports everything.
pub fn read_document(
    root: &Path,
    path: &Path,
    content_path: String,
) -> (Option<Document>, Vec<Diagnostic>) {
    match read_inner(root, path, content_path) {
        Ok((doc, errors)) => (Some(doc), errors),
        Err(errors) => (None, errors),
    }
}

fn read_inner(
    root: &Path,
    path: &Path,
    content_path: String,
) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let shown = display_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::error(
            "io",
            shown.clone(),
            (1, 1),
            format!("cannot read the file: {e}"),
            "check the file's permissions",
        )]
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
            let f = SourceFile::new(shown, prefix);
            return Err(vec![f.error(
                "not-utf8",
                good,
                format!(
                    "the file is not UTF-8 text (invalid byte 0x{:02x})",
                    e.as_bytes()[good]
                ),
                "save the file as UTF-8 (most editors have an \"encoding\" choice in Save As)",
            )]);
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let source = SourceFile::new(shown, text);
    let stem = content_path
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md")
        .to_string();
    let folder = content_path.split('/').next().unwrap_or("");
    let top_level = !content_path.contains('/');

    let mut errors = Vec::new();
    if !is_valid_id(&stem) {
        errors.push(source.error(
            "bad-id",
            0,
            format!("`{stem}` is not a valid id: ids are lowercase letters, digits and single hyphens, and a file's id is its name"),
            format!("rename the file to `{}.md`", suggest_id(&stem)),
        ));
    }
    let split = match frontmatter::split(&source) {
        Ok(s) => s,
        Err(d) => {
            errors.push(d);
            return Err(errors);
        }
    };
    let (toml_offset, body_offset) = (split.toml_offset, split.body_offset);
    let table = match frontmatter::parse_table(&source, split.toml, toml_offset) {
        Ok(t) => t,
        Err(mut e) => {
            errors.append(&mut e);
            return Err(errors);
        }
    };
    let t = table.get_ref();
    let is_competency = t.get("level").is_some() && t.get("pillar").is_some();
    let kind = match (folder, top_level) {
        ("tracks", false) => {
            let mut r = TableReader::new(&source, toml_offset, t, 0, "track front-matter");
            r.deny_unknown(&["title", "order", "cumulative"]);
            let title = r.required_string("title", "\"Individual contributor\"");
            let order = r.integer("order").map(|v| v.value);
            let cumulative = r.boolean("cumulative").map(|v| v.value);
            errors.append(&mut r.diagnostics);
            title.map(|title| Kind::Track {
                title: title.value,
                order,
                cumulative,
            })
        }
        ("levels", false) => {
            let mut r = TableReader::new(&source, toml_offset, t, 0, "level front-matter");
            r.deny_unknown(&[
                "title",
                "rank",
                "track",
                "code",
                "summary",
                "equivalent",
                "aliases",
            ]);
            let title = r.required_string("title", "\"Senior Engineer\"");
            let rank = r.required_integer("rank");
            let track = r.string("track");
            let code = r.string("code").map(|v| v.value);
            let summary = r.string("summary").map(|v| v.value);
            let equivalent = r.string_list("equivalent");
            let aliases = r.string_list("aliases");
            errors.append(&mut r.diagnostics);
            match (title, rank) {
                (Some(title), Some(rank)) => Some(Kind::Level {
                    title: title.value,
                    rank,
                    track,
                    code,
                    summary,
                    equivalent,
                    aliases,
                }),
                _ => None,
            }
        }
        ("pillars", false) => {
            let mut r = TableReader::new(&source, toml_offset, t, 0, "pillar front-matter");
            r.deny_unknown(&["title", "order"]);
            let title = r.required_string("title", "\"Delivery\"");
            let order = r.integer("order").map(|v| v.value);
            errors.append(&mut r.diagnostics);
            title.map(|title| Kind::Pillar {
                title: title.value,
                order,
            })
        }
        _ if is_competency || folder == "competencies" => {
            let mut r = TableReader::new(&source, toml_offset, t, 0, "competency front-matter");
            r.deny_unknown(&["level", "pillar"]);
            let level = r.required_string("level", "\"senior-engineer\"");
            let pillar = r.required_string("pillar", "\"delivery\"");
            errors.append(&mut r.diagnostics);
            match (level, pillar) {
                (Some(level), Some(pillar)) => Some(Kind::Competency { level, pillar }),
                _ => None,
            }
        }
        _ => {
            let mut r = TableReader::new(&source, toml_offset, t, 0, "page front-matter");
            r.deny_unknown(&["title", "weight"]);
            let title = r.required_string("title", "\"How promotions work\"");
            let weight = r.integer("weight").map_or(0, |v| v.value);
            errors.append(&mut r.diagnostics);
            title.map(|title| Kind::Page {
                title: title.value,
                weight,
            })
        }
    };
    let Some(kind) = kind else {
        return Err(errors);
    };
    Ok((
        Document {
            source,
            content_path,
            id: stem,
            kind,
            body_offset,
        },
        errors,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rule() {
        for ok in ["senior-engineer", "m5", "a1-b2"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["Senior", "a--b", "-a", "a-", "l1.0", "a_b", ""] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert_eq!(
            suggest_id("L1.0-Graduate-Software-Engineer"),
            "l1-0-graduate-software-engineer"
        );
    }
}
