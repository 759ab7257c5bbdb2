//! Reading the files to import, with the checks that make bad input a clear error: empty,
//! binary and non-UTF-8 files are refused with their line, never skipped.

use crate::diagnostic::Diagnostic;
use std::fmt;

mod folds;
mod markup;
mod notion;
mod rewrites;
mod shortcodes;
mod wrappers;
pub use markup::{
    admonitions, drawn_rules, html_lists, label_paragraphs, numbered_section_titles, plain_labels,
    table_captions, without_attribute_lists, without_empty_anchors,
    without_trailing_space_entities,
};
pub use rewrites::{
    bullets_as_items, dashed_labels, gitbook_tags, hard_break_labels, liquid_tags,
    under_indented_items,
};
use std::path::Path;
pub use wrappers::atx_headings;

/// Why an import failed: an error at `line:column` of `path` (the file as given on the
/// command line, or relative to the imported folder), with code `import`, printed like the
/// build's diagnostics.
pub fn import_error(
    path: impl Into<String>,
    position: (usize, usize),
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Diagnostic {
    Diagnostic::error("import", path, position, message, hint)
}

/// A place in a source file, for the summary's guesses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    /// The file, relative to the imported folder (or the file's name).
    pub path: String,
    /// 1-based line.
    pub line: usize,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path, self.line)
    }
}

/// One file read for import: UTF-8 text, byte-order mark removed, line ends made `\n`.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// Path relative to the import root with `/` separators (for a single file: its name).
    pub rel: String,
    /// The text.
    pub text: String,
    line_starts: Vec<usize>,
    /// For a text rewritten from the file (see [`SourceDoc::mapped`]): the file's 1-based
    /// line that each line of `text` stands for, and whether it is that line as written
    /// (`false` for a line the rewriting wrote).
    origin: Option<Vec<(usize, bool)>>,
}

impl SourceDoc {
    /// Wraps text already read.
    pub fn new(rel: impl Into<String>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceDoc {
            rel: rel.into(),
            text,
            line_starts,
            origin: None,
        }
    }

    /// Wraps text rewritten from a file, whose lines stand for the file's lines `origin`
    /// (1-based, one per line of `text`, each with whether it is that line as written): lines
    /// and places are given in the file as written.
    pub fn mapped(rel: impl Into<String>, text: String, origin: Vec<(usize, bool)>) -> Self {
        SourceDoc {
            origin: Some(origin),
            ..SourceDoc::new(rel, text)
        }
    }

    /// 1-based line of byte `offset`, in the file as written.
    pub fn line(&self, offset: usize) -> usize {
        self.source_line(self.text_line(offset))
    }

    /// The file's 1-based line that 1-based line `line` of `text` stands for.
    pub fn source_line(&self, line: usize) -> usize {
        self.origin
            .as_ref()
            .and_then(|o| o.get(line.max(1) - 1))
            .map_or(line, |o| o.0)
    }

    /// Whether byte `offset` is on a line the import wrote, rather than one of the file's.
    pub fn written(&self, offset: usize) -> bool {
        let line = self.text_line(offset);
        self.origin
            .as_ref()
            .and_then(|o| o.get(line - 1))
            .is_some_and(|o| !o.1)
    }

    /// What 1-based line `line` of `text` stands for in the file: its line there, and
    /// whether it is that line as written. For a rewrite of this text, whose lines stand for
    /// this text's lines, to stand for the file's.
    pub fn origin_of(&self, line: usize) -> (usize, bool) {
        self.origin
            .as_ref()
            .and_then(|o| o.get(line.max(1) - 1))
            .copied()
            .unwrap_or((line, true))
    }

    /// 1-based line of byte `offset` in `text`.
    fn text_line(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset.min(self.text.len()))
            .max(1)
    }

    /// 1-based (line, column) of byte `offset`, the column in characters.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.text_line(offset);
        let start = self.line_starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (self.line(offset), col)
    }

    /// The place of byte `offset`.
    pub fn loc(&self, offset: usize) -> Loc {
        Loc {
            path: self.rel.clone(),
            line: self.line(offset),
        }
    }

    /// The place of a 1-based line.
    pub fn loc_line(&self, line: usize) -> Loc {
        Loc {
            path: self.rel.clone(),
            line: line.max(1),
        }
    }

    /// The file stem (see [`stem_of`]).
    pub fn stem(&self) -> &str {
        stem_of(&self.rel)
    }

    /// A `README` or `index` file (see [`is_readme_path`]).
    pub fn is_readme(&self) -> bool {
        is_readme_path(&self.rel)
    }

    /// The folder part of `rel` (see [`dir_of`]).
    pub fn dir(&self) -> &str {
        dir_of(&self.rel)
    }

    /// An error at byte `offset`.
    pub fn error(
        &self,
        offset: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        import_error(self.rel.clone(), self.position(offset), message, hint)
    }
}

/// Reads `path` as text. `rel` is how the file is named in messages.
///
/// # Errors
/// The file cannot be read, is empty (or only white space), is binary (holds a NUL byte), or
/// is not UTF-8: each with the line it happens on.
pub fn read(path: &Path, rel: &str) -> Result<SourceDoc, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        import_error(
            rel,
            (1, 1),
            format!("cannot read the file: {e}"),
            "check that the path exists and is readable",
        )
    })?;
    from_bytes(bytes, rel)
}

/// [`read`], for bytes already in memory.
///
/// # Errors
/// As [`read`].
pub fn from_bytes(bytes: Vec<u8>, rel: &str) -> Result<SourceDoc, Diagnostic> {
    let line_of = |i: usize| bytes[..i].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(import_error(
            rel,
            (line_of(i), 1),
            "this is a binary file, not text (it holds a NUL byte)",
            "import reads Markdown (.md), YAML (.yml), JSON (.json) and CSV (.csv) files; export the ladder to one of these first",
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..good].iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = bytes[..good]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let col = String::from_utf8_lossy(&bytes[line_start..good])
                .chars()
                .count()
                + 1;
            return Err(import_error(
                rel,
                (line, col),
                crate::files::not_utf8(bytes, good),
                "save the file as UTF-8 (most editors have an \"encoding\" choice in Save As), then import it again",
            ));
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(import_error(
            rel,
            (1, 1),
            "the file is empty",
            "import a file that holds a ladder: levels, their pillars and expectations",
        ));
    }
    Ok(SourceDoc::new(rel, text))
}

/// The file name of `path`, lowercased (`docs/Junior.md` → `junior.md`): how an index's
/// links are matched with the import's files.
pub fn file_name_key(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase()
}

/// The stem of the file at `rel`, a path relative to the import (`a/L3-Senior.md` →
/// `L3-Senior`). A page that a docs site publishes as HTML is named for both
/// (`pairing.html.md`, GOV.UK's Tech Docs and Middleman): its `.html` goes too, as it names no
/// part of the page; so does a Jekyll post's date (`2021-07-13-levels.md` → `levels`), and
/// the id after a Notion page's title (`Levels 3f2a9c1e8b7d4e6fa1b2c3d4e5f60718.md` →
/// `Levels`).
pub fn stem_of(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    let stem = match stem.len().checked_sub(".html".len()) {
        Some(i)
            if i > 0
                && stem
                    .get(i..)
                    .is_some_and(|e| e.eq_ignore_ascii_case(".html")) =>
        {
            &stem[..i]
        }
        _ => stem,
    };
    // A Jekyll post's date (`2021-07-13-what-we-expect`) names no part of the page either.
    let b = stem.as_bytes();
    let dated = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    let stem = if dated { &stem[11..] } else { stem };
    // Notion names an exported page by its title and its 32-digit id
    // (`Engineering Track 3f2a9c1e8b7d4e6fa1b2c3d4e5f60718`): the id names nothing a
    // reader sees.
    match stem.rsplit_once(' ') {
        Some((title, id))
            if !title.trim().is_empty()
                && id.len() == 32
                && id.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            title.trim_end()
        }
        _ => stem,
    }
}

/// Whether the file at `rel` is a `README` or `index` file (Hugo's `_index` too), which
/// describes the files beside it rather than being one of them.
pub fn is_readme_path(rel: &str) -> bool {
    matches!(
        stem_of(rel).to_ascii_lowercase().as_str(),
        "readme" | "index" | "_index"
    )
}

/// The folder part of `rel` (`a/b/c.md` → `a/b`, `c.md` → ``).
pub fn dir_of(rel: &str) -> &str {
    match rel.rfind('/') {
        Some(i) => &rel[..i],
        None => "",
    }
}

/// Line `line` (1-based) of `text`, trimmed, at most 60 characters (`…` where cut), as a
/// code span for the summary to quote: in single backticks, or in double ones with spaces
/// inside where the line has a backtick (CommonMark §6.1, code spans).
pub(super) fn quoted_line(text: &str, line: usize) -> String {
    let l = text
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .trim();
    let l = match l.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &l[..at]),
        None => l.to_string(),
    };
    if l.contains('`') {
        format!("`` {l} ``")
    } else {
        format!("`{l}`")
    }
}

/// A rewrite of a Markdown file's text before it is read (see [`rewrite_lines`]): the text and
/// the 1-based number of the first line changed, or `None` when nothing changes.
pub type Rewrite = fn(&str) -> Option<(String, usize)>;

/// The rewrites import makes to every Markdown file, in order, each with what the summary
/// says of it at the first line it changes.
pub const REWRITES: [(Rewrite, &str); 20] = [
    (
        notion::notion_properties,
        "Notion's page properties under the title (`Owner: …`, `Status: …`) are left out: \
         they describe the page in Notion, not the ladder",
    ),
    (
        gitbook_tags,
        "GitBook's tabs (`{% tab title=\"…\" %}`) are read as headings titled by \
         the tab, and the tags of tab sets and hints are left out",
    ),
    (
        liquid_tags,
        "Liquid tags on lines of their own (`{% include role_level.html %}`, `{% if … %}`) \
         are left out: Jekyll puts what they make in their place, which import cannot \
         read, and they would show as text",
    ),
    (
        shortcodes::hugo_shortcodes,
        "Hugo's layout shortcodes on lines of their own (cards, columns, buttons, a hero \
         title) are left out: Hugo draws what they make, which import cannot read, and they \
         would show as text",
    ),
    (
        folds::heading_folds,
        "folds whose title is a heading (`<details>` over `<summary>### PHP</summary>`) \
         are read as that heading over their content, as GitHub shows them opened",
    ),
    (
        wrappers::wrapper_headings,
        "a heading that wraps each level's sub-headings, the same under every level, \
         is left out, and the headings under it are read one level up",
    ),
    (
        without_attribute_lists,
        "kramdown attribute lists (`{:target=\"_blank\"}`) are left out: they \
         style the page Jekyll makes, and would show as text",
    ),
    (
        without_empty_anchors,
        "lines that hold only an empty HTML anchor (`<a id=\"junior\"></a>`) or a \
         line break (`<br>`) are left out: the site makes its own anchors and spacing, \
         and they would be read as text",
    ),
    (
        without_trailing_space_entities,
        "spaces written as HTML entities at the ends of lines (`**Learning:**&#x20;`, as \
         GitBook saves a trailing space) are left out",
    ),
    (
        table_captions,
        "a bold line over a table (`**Skills Matrix – Rehearsal**`), where the page's other \
         tables are under headings, is read as a heading of their depth",
    ),
    (
        admonitions,
        "MkDocs admonitions (`!!! success \"Good signs\"` over an indented block) are read \
         as a bold label, their title, over the block",
    ),
    (
        html_lists,
        "HTML lists written a tag to a line (`<ul>`, `<li>…</li>`, `</ul>`) are read as the \
         Markdown lists they show",
    ),
    (
        drawn_rules,
        "lines drawn of rule characters alone (`⸻`, `───`) are read as the horizontal \
         rule they show",
    ),
    (
        numbered_section_titles,
        "numbered lines alone after a rule (`⸻` / `2. Progression Criteria`), two or \
         more, are read as the headings of the sections they open",
    ),
    (
        bullets_as_items,
        "lines that open with a bullet character (`•`) are read as list items",
    ),
    (
        under_indented_items,
        "lists indented under a numbered item (`1. Awareness`), though by fewer \
         spaces than Markdown needs to nest them, are read as belonging to it",
    ),
    (
        hard_break_labels,
        "labels on a line of their own ended by a line break (`**Summary**` and two \
         spaces, an italic `*Joinery*`) are read as labels with a colon over the \
         text below them",
    ),
    (
        label_paragraphs,
        "labels alone in a paragraph of their own over text (`***Technical Expectations***`), \
         the same ones under each level, are read as labels with a colon over the text below \
         them",
    ),
    (
        plain_labels,
        "plain labels on a line of their own over a list (`Knowledge & Experience:`), the \
         same ones under each level, are read as labels in bold over the list below them",
    ),
    (
        dashed_labels,
        "bold labels set off by a dash (`**Technology - Adopts**`, `**Technology** - \
         Adopts`) are read as labels with a colon (`**Technology**: Adopts`)",
    ),
];

/// [`rewrite_lines`] with each line's new text given by its index in `new` (`None` to keep
/// it), for rewrites that decide a line by the lines around it.
fn rewrite_lines_as(text: &str, mut new: Vec<Option<String>>) -> Option<(String, usize)> {
    let mut n = 0;
    rewrite_lines(text, |_| {
        n += 1;
        new[n - 1].take()
    })
}

/// The line ending `line` closes with (`\n`, `\r\n`, or nothing at the end of a text): a
/// line blanked or rewritten by [`rewrite_lines`] keeps it, so line numbers hold.
fn line_end(line: &str) -> &str {
    &line[line.trim_end_matches(['\n', '\r']).len()..]
}

/// Whether each line of `text` (split as [`str::split_inclusive`] on `\n` splits it) is a
/// fence (```` ``` ```` or `~~~` after at most three spaces, CommonMark's fences) or inside
/// fenced code.
pub(super) fn fenced_lines(text: &str) -> Vec<bool> {
    let mut fence = false;
    text.split_inclusive('\n')
        .map(|line| {
            let unindented = line.trim_start_matches(' ');
            if line.len() - unindented.len() <= 3
                && (unindented.starts_with("```") || unindented.starts_with("~~~"))
            {
                fence = !fence;
            }
            fence
        })
        .collect()
}

/// `text` with each line outside fenced code (```` ``` ```` or `~~~` after at most three
/// spaces, CommonMark's fences) that `rewrite` gives a new text for (newline included, as
/// given) replaced by it. Returns the text and the 1-based number of the first line
/// replaced, or `None` when `rewrite` replaced none.
fn rewrite_lines(
    text: &str,
    mut rewrite: impl FnMut(&str) -> Option<String>,
) -> Option<(String, usize)> {
    let (mut out, mut first) = (String::with_capacity(text.len()), None);
    let fenced = fenced_lines(text);
    for (n, line) in text.split_inclusive('\n').enumerate() {
        match rewrite(line).filter(|_| !fenced[n]) {
            Some(new) => {
                out.push_str(&new);
                first.get_or_insert(n + 1);
            }
            None => out.push_str(line),
        }
    }
    first.map(|line| (out, line))
}

#[cfg(test)]
mod tests;
