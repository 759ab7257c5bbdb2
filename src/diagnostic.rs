//! Diagnostics: what ladderbook tells an author about their ladder, and every other error
//! or warning a command reports.
//!
//! Every problem found in user input becomes a [`Diagnostic`] rather than a panic or an early
//! return, so one run reports every error in the ladder. The printed form is the contract's
//! `path:line:column: message` followed by a hint line, the form compilers use (GNU coding
//! standards, "Formatting Error Messages") so editors and CI annotate the right line; a
//! problem with no place in a file drops the part it does not have (`path: error: …`,
//! `error: …`). Every command prints through `eprint`; `check --format json` writes
//! [`JsonDiagnostic`]s.

use serde::{Deserialize, Serialize};
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

/// One problem, with its place when it has one.
///
/// `path` is relative to the ladder's root folder and always uses `/`; `line` and `column`
/// are 1-based, the column counted in Unicode scalar values (characters), not bytes. A
/// problem with a file as a whole (a folder that cannot be written) has line and column 0;
/// one that is in no file (a port already in use) also has an empty path. See
/// [`Diagnostic::position`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code naming the kind of problem, such as `unknown-key`.
    pub code: &'static str,
    /// The file, relative to the ladder root (`content/levels/senior.md`); empty when the
    /// problem is in no file.
    pub path: String,
    /// 1-based line of the offending text; 0 when it has no position in the file.
    pub line: usize,
    /// 1-based column (in characters) of the offending text; 0 when it has no position.
    pub column: usize,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Diagnostic {
    /// A diagnostic of `severity` at `line:column` of `path` (`(0, 0)`: no position).
    pub fn new(
        severity: Severity,
        code: &'static str,
        path: impl Into<String>,
        (line, column): (usize, usize),
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            path: path.into(),
            line,
            column,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// An error at `line:column` of `path`.
    pub fn error(
        code: &'static str,
        path: impl Into<String>,
        position: (usize, usize),
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, code, path, position, message, hint)
    }

    /// A warning at `line:column` of `path`.
    pub fn warning(
        code: &'static str,
        path: impl Into<String>,
        position: (usize, usize),
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, code, path, position, message, hint)
    }

    /// An error with the file or folder `path` as a whole (it cannot be written, it is in
    /// the way), printed `path: error: …`.
    pub fn about(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self::error(code, path, (0, 0), message, hint)
    }

    /// A problem in no file (a command-line option, a port, the ladder as a whole), printed
    /// `error: …` or `warning: …`.
    pub fn general(
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self::new(severity, code, "", (0, 0), message, hint)
    }

    /// The same problem, reported as a warning: for an error of a part that a command can
    /// do without (a release whose ladder does not load).
    pub fn into_warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// The 1-based line and column, when the problem has a position in its file.
    pub fn position(&self) -> Option<(usize, usize)> {
        (self.line > 0).then_some((self.line, self.column))
    }

    /// The printed form, with the severity in bold red (error) or yellow (warning) when
    /// `color`.
    pub fn render(&self, color: bool) -> String {
        let severity = match (color, self.severity) {
            (false, s) => s.as_str().to_string(),
            (true, Severity::Error) => format!("\x1b[1;31m{}\x1b[0m", self.severity.as_str()),
            (true, Severity::Warning) => format!("\x1b[1;33m{}\x1b[0m", self.severity.as_str()),
        };
        let mut out = String::new();
        if !self.path.is_empty() {
            out.push_str(&self.path);
            if let Some((line, column)) = self.position() {
                out.push_str(&format!(":{line}:{column}"));
            }
            out.push_str(": ");
        }
        out.push_str(&format!("{severity}: {}", self.message));
        if !self.hint.is_empty() {
            out.push_str(&format!("\n  hint: {}", self.hint));
        }
        out
    }

    /// The JSON form.
    pub fn to_json(&self) -> JsonDiagnostic {
        JsonDiagnostic {
            severity: self.severity.as_str().to_string(),
            code: self.code.to_string(),
            path: self.path.clone(),
            line: self.line,
            column: self.column,
            message: self.message.clone(),
            hint: self.hint.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:column: error: message` then `  hint: …` on the next line, without colour.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// A [`Diagnostic`] as data, for `check --format json` (its shape is part of that format's
/// version, [`crate::check::JSON_VERSION`]): the same fields, the severity as `error` or
/// `warning`, owned so that a tool can read it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonDiagnostic {
    /// `error` or `warning`.
    pub severity: String,
    /// Stable kebab-case code (`unknown-key`, `gap`, ...).
    pub code: String,
    /// File, relative to the ladder root.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

/// Whether diagnostics on standard error are coloured: it is a terminal, and `NO_COLOR`
/// (<https://no-color.org>) is unset or empty.
pub fn stderr_color() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints `diagnostics` to standard error, one after the other: the printer every command
/// uses.
pub fn eprint<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) {
    let color = stderr_color();
    for d in diagnostics {
        eprintln!("{}", d.render(color));
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
    /// Where each line starts, made the first time a position is asked for: most files
    /// never need one.
    line_starts: std::sync::Arc<std::sync::OnceLock<Box<[usize]>>>,
}

impl SourceFile {
    /// Wraps `text` read from `path` (already relative to the ladder root).
    pub fn new(path: impl Into<String>, text: String) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: Default::default(),
        }
    }

    /// 1-based (line, column) of byte `offset`; the column counts characters.
    /// Offsets past the end map to the end of the file.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = line_starts.partition_point(|&s| s <= offset) - 1;
        let start = line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// A warning at byte `offset` of this file.
    pub fn warning(
        &self,
        code: &'static str,
        offset: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::warning(
            code,
            self.path.clone(),
            self.position(offset),
            message,
            hint,
        )
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
/// letters away, but a different word). Failing that, a candidate the word starts, or that
/// starts it (`alias` for `aliases`), both of at least four letters.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let words: Vec<&str> = word.split('-').collect();
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    // The same id in other capitals (`IC` for `ic`) first, however short.
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(word)) {
        return Some(same);
    }
    // A different word in the same place (`staff-engineer` for `senior-engineer`, `craft--1`
    // for `craft--9`) names something else: following the hint would link another level.
    // So does another number or Roman numeral (`m5` for `m3`, `engineer-v` for `engineer-iv`),
    // but not the same number written with a leading zero (`02`) or a digit doubled by a key
    // held down (`e22` for `e2`).
    let digits = |w: &str| {
        let d: String = w.chars().filter(char::is_ascii_digit).collect();
        d.trim_start_matches('0').to_string()
    };
    let same_number = |a: &str, b: &str| {
        let (a, b) = (digits(a), digits(b));
        let doubled = |long: &str, short: &str| {
            long.len() == short.len() + 1
                && (1..long.len()).any(|i| {
                    long.as_bytes()[i] == long.as_bytes()[i - 1]
                        && format!("{}{}", &long[..i], &long[i + 1..]) == short
                })
        };
        a == b || doubled(&a, &b) || doubled(&b, &a)
    };
    let roman = |w: &str| !w.is_empty() && w.chars().all(|c| "ivxlcIVXLC".contains(c));
    let other_word = |c: &str| {
        let theirs: Vec<&str> = c.split('-').collect();
        theirs.len() == words.len()
            && words.iter().zip(&theirs).any(|(a, b)| {
                let longest = a.chars().count().max(b.chars().count());
                a != b
                    && (2 * strsim::osa_distance(a, b) > longest
                        || !same_number(a, b)
                        || roman(a) && roman(b))
            })
    };
    let near = candidates
        .iter()
        .map(|&c| (strsim::osa_distance(word, c), c))
        .filter(|(d, c)| *d <= limit && !other_word(c))
        .min_by_key(|&(d, c)| {
            let theirs: Vec<&str> = c.split('-').collect();
            (strsim::generic_damerau_levenshtein(&words, &theirs), d)
        })
        .map(|(_, c)| c);
    // A word cut short or run on (`alias` for `aliases`): one starts the other, both of at
    // least four letters.
    near.or_else(|| {
        candidates
            .iter()
            .copied()
            .filter(|c| word.len() >= 4 && c.len() >= 4)
            .filter(|c| (c.starts_with(word) || word.starts_with(c)) && !other_word(c))
            .min_by_key(|c| c.len().abs_diff(word.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_prints_the_place_it_has() {
        let at = Diagnostic::error("gap", "content/levels/a.md", (3, 7), "no rank", "add one");
        assert_eq!(
            at.to_string(),
            "content/levels/a.md:3:7: error: no rank\n  hint: add one"
        );
        assert_eq!(at.position(), Some((3, 7)));
        let file = Diagnostic::about("io", "book", "cannot write", "");
        assert_eq!(file.to_string(), "book: error: cannot write");
        assert_eq!(file.position(), None);
        let general = Diagnostic::general(Severity::Warning, "serve", "listening", "use -n");
        assert_eq!(general.to_string(), "warning: listening\n  hint: use -n");
        assert_eq!(
            general.render(true),
            "\x1b[1;33mwarning\x1b[0m: listening\n  hint: use -n"
        );
        assert_eq!(at.clone().into_warning().severity, Severity::Warning);
        assert_eq!(at.to_json().severity, "error");
    }

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
        assert_eq!(did_you_mean("alias", ["title", "aliases"]), Some("aliases"));
        assert_eq!(
            did_you_mean("equivalents", ["rank", "equivalent"]),
            Some("equivalent")
        );
        assert_eq!(did_you_mean("ran", ["rank"]), Some("rank"));
        assert_eq!(did_you_mean("tit", ["title"]), None);
        // Other capitals, however short the id.
        assert_eq!(did_you_mean("IC", ["em", "ic"]), Some("ic"));
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
        // Another word in the same place is another id, not a typo (serve-break 26 M3).
        assert_eq!(
            did_you_mean("senior-engineer", ["staff-engineer", "engineer-1"]),
            None
        );
        assert_eq!(
            did_you_mean("senior-engineer", ["staff-engineer", "senior-engineer-ic"]),
            Some("senior-engineer-ic")
        );
        assert_eq!(did_you_mean("craft--9", ["craft--1", "delivery"]), None);
        assert_eq!(did_you_mean("m5", ["m3", "m1"]), None);
        assert_eq!(
            did_you_mean("engineer-v", ["engineer-iv", "engineer-vi"]),
            None
        );
        assert_eq!(did_you_mean("section-21", ["section-1", "section-2"]), None);
        assert_eq!(
            did_you_mean("enginer-2", ["engineer-2", "engineer-3"]),
            Some("engineer-2")
        );
        assert_eq!(
            did_you_mean("senoir-engineer", ["senior-engineer"]),
            Some("senior-engineer")
        );
        // A typo within one word still goes to the closest spelling.
        assert_eq!(
            did_you_mean("l1-junoir-software-engineer", levels),
            Some("l1-junior-software-engineer")
        );
    }
}
