//! Diagnostics: what ladderbook tells an author about their ladder.
//!
//! Every problem found in user input becomes a [`Diagnostic`] rather than a panic or an early
//! return, so one run reports every error in the ladder. The printed form is the contract's
//! `path:line:column: message` followed by a hint line, the form compilers use (GNU coding
//! standards, "Formatting Error Messages") so editors and CI annotate the right line.

use std::fmt;
use std::path::Path;

/// How serious a diagnostic is. Errors fail the build (exit status 1); warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The ladder cannot be built as written.
    Error,
    /// The ladder builds, but something is probably not what the author meant.
    Warning,
}

impl Severity {
    /// The lowercase word printed before the message: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in a ladder, with its position.
///
/// `path` is relative to the ladder's root folder and always uses `/`; `line` and `column`
/// are 1-based, the column counted in Unicode scalar values (characters), not bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code naming the kind of problem, such as `unknown-key`.
    pub code: &'static str,
    /// The file, relative to the ladder root (`content/levels/senior.md`).
    pub path: String,
    /// 1-based line of the offending text.
    pub line: usize,
    /// 1-based column (in characters) of the offending text.
    pub column: usize,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Diagnostic {
    /// An error at `line:column` of `path`.
    pub fn error(
        code: &'static str,
        path: impl Into<String>,
        (line, column): (usize, usize),
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: path.into(),
            line,
            column,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:column: error: message` then `  hint: …` on the next line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path,
            self.line,
            self.column,
            self.severity.as_str(),
            self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Every diagnostic of one run, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// True when at least one diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// Sorts by path, then position, so output is stable from run to run.
    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        self.0.dedup();
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// The text of one input file, with what is needed to turn byte offsets into positions.
/// Cloning it is cheap (the text and line index are shared): `serve` hands every unchanged
/// file to each rebuild.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the ladder root, with `/` separators, as printed in diagnostics.
    pub path: String,
    /// The whole file, UTF-8, byte-order mark removed.
    pub text: std::sync::Arc<str>,
    line_starts: std::sync::Arc<[usize]>,
}

impl SourceFile {
    /// Wraps `text` read from `path` (already relative to the ladder root).
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts,
        }
    }

    /// 1-based (line, column) of byte `offset`; the column counts characters.
    /// Offsets past the end map to the end of the file.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// An error at byte `offset` of this file.
    pub fn error(
        &self,
        code: &'static str,
        offset: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error(
            code,
            self.path.clone(),
            self.position(offset),
            message,
            hint,
        )
    }
}

/// `path` relative to `root`, with `/` separators, for diagnostics.
/// A path outside `root` stays absolute (`/srv/ladder`): its root is one `/`, not a
/// separator of its own.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for c in rel.components() {
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        match c {
            std::path::Component::RootDir => out.push('/'),
            c => out.push_str(&c.as_os_str().to_string_lossy()),
        }
    }
    out
}

/// The candidate closest to `word`, if it is close enough to be a likely typo: at most a
/// third of the word's length away in characters (and at least 1), counting insertions,
/// deletions, substitutions and swaps of two neighbours as 1 each (optimal string alignment:
/// `rnak` is 1 from `rank`).
///
/// Ids are words joined by `-`, so candidates are ranked by how many whole words differ
/// first (the same count over words, with swaps, as Damerau-Levenshtein), then by
/// characters: after `senior-software-engineer.md` is renamed `senior-engineer.md`, the old
/// id is one dropped word from the new one, which beats `junior-software-engineer` (two
/// letters away, but a different word).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let words: Vec<&str> = word.split('-').collect();
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|&(d, c)| {
            let theirs: Vec<&str> = c.split('-').collect();
            (strsim::generic_damerau_levenshtein(&words, &theirs), d)
        })
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_relative_to_the_root_or_absolute_with_one_slash() {
        let root = Path::new("/srv/ladder");
        let cases = [
            ("/srv/ladder/content/levels/e1.md", "content/levels/e1.md"),
            ("/tmp/elsewhere/book", "/tmp/elsewhere/book"),
            ("/", "/"),
            ("relative/dir", "relative/dir"),
        ];
        for (path, shown) in cases {
            assert_eq!(display_path(root, Path::new(path)), shown);
        }
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let f = SourceFile::new("a.md", "ab\ncé d\n".to_string());
        assert_eq!(f.position(0), (1, 1));
        assert_eq!(f.position(3), (2, 1));
        // 'd' is after "cé " which is 4 bytes but 3 characters
        assert_eq!(f.position(7), (2, 4));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("rnak", ["rank", "title"]), Some("rank"));
        assert_eq!(did_you_mean("colour", ["rank", "title"]), None);
        // A renamed level: the old id is one word from the new one (OctopusDeploy's ids).
        let levels = [
            "l1-junior-software-engineer",
            "l3-senior-engineer",
            "l4-lead-software-engineer",
        ];
        assert_eq!(
            did_you_mean("l3-senior-software-engineer", levels),
            Some("l3-senior-engineer")
        );
        // A typo within one word still goes to the closest spelling.
        assert_eq!(
            did_you_mean("l1-junoir-software-engineer", levels),
            Some("l1-junior-software-engineer")
        );
    }
}
