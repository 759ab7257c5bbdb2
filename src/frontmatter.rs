//! Front-matter: splitting a Markdown file into its TOML header and body, and reading typed
//! keys from a TOML table with their source positions.
//!
//! The header is TOML (TOML v1.0, <https://toml.io/en/v1.0.0>) between two lines that hold
//! only `+++`, the convention Zola and Hugo use for TOML front-matter. Keys are read from
//! [`toml::de::DeTable`], which keeps the byte span of every key and value, so each diagnostic
//! points at the key or value itself. Every problem is collected; none stops the reading.

use crate::diagnostic::{did_you_mean, Diagnostic, SourceFile};
use serde::{Deserialize, Serialize};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

mod example;
mod explain;
pub mod keys;
mod strings;
pub use strings::ValuePlaces;

use example::front_matter_example;
use explain::explain;

/// A value read from TOML with the byte range it came from (offsets into the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Byte offset of the value's first character in the file.
    pub offset: usize,
}

impl<T> Located<T> {
    /// A value to write, which has no place in a file yet.
    pub fn unplaced(value: T) -> Self {
        Located { value, offset: 0 }
    }
}

/// Written as its value alone.
impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// Read as its value alone, at offset 0 (positions come from [`TableReader`]).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|value| Located { value, offset: 0 })
    }
}

/// A file split at its front-matter.
#[derive(Debug)]
pub struct Split<'a> {
    /// The TOML text between the `+++` lines.
    pub toml: &'a str,
    /// Byte offset of `toml` within the file.
    pub toml_offset: usize,
    /// The Markdown after the closing `+++` line.
    pub body: &'a str,
    /// Byte offset of `body` within the file.
    pub body_offset: usize,
}

/// Splits `file` into front-matter and body.
///
/// # Errors
/// A file that does not start with a `+++` line (code `no-front-matter`), that starts with
/// YAML's `---` (code `yaml-front-matter`), or whose front-matter is never closed
/// (code `unclosed-front-matter`).
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text: &str = &file.text;
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    // Lines indented as a hint prints them (`    +++`, pasted as shown) are the same lines.
    let first = text[..first_line_end].trim();
    if first == "---" {
        // A key the file's kind takes: a competency has no title.
        let (key, value) = if file.path.contains("competencies/") {
            ("level", "senior-engineer")
        } else {
            ("title", "Senior Engineer")
        };
        return Err(file.error(
            "yaml-front-matter",
            0,
            "front-matter is YAML (`---`), but ladderbook reads TOML front-matter between `+++` lines",
            format!("replace both `---` lines with `+++` and write each key as TOML, e.g. `{key} = \"{value}\"` instead of `{key}: {value}`"),
        ));
    }
    if first != "+++" {
        let message = if text.trim().is_empty() {
            "the file is empty: it needs front-matter"
        } else {
            "the file has no front-matter"
        };
        return Err(file.error(
            "no-front-matter",
            0,
            message,
            front_matter_example(&file.path),
        ));
    }
    let mut pos = first_line_end;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[pos..end].trim() == "+++" {
            return Ok(Split {
                toml: &text[first_line_end..pos],
                toml_offset: first_line_end,
                body: &text[end..],
                body_offset: end,
            });
        }
        pos = end;
    }
    Err(file.error(
        "unclosed-front-matter",
        0,
        "the front-matter opened on line 1 is never closed",
        "add a line holding only `+++` after the last front-matter key",
    ))
}

/// Reads typed keys from one parsed TOML table, collecting diagnostics.
pub struct TableReader<'t, 'i> {
    file: &'t SourceFile,
    base: usize,
    table: &'t DeTable<'i>,
    table_offset: usize,
    what: &'static str,
    /// Keys that an unknown key was probably meant to be: their absence is not reported again.
    suggested: Vec<&'static str>,
    /// Problems found so far.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `toml` (found at byte `base` of `file`) into a table.
///
/// # Errors
/// Every TOML syntax error, positioned in the file (code `toml-syntax`).
pub fn parse_table<'i>(
    file: &SourceFile,
    toml: &'i str,
    base: usize,
) -> Result<Spanned<DeTable<'i>>, Vec<Diagnostic>> {
    let (table, errors) = DeTable::parse_recoverable(toml);
    if errors.is_empty() {
        return Ok(table);
    }
    // One error per line: the parser's follow-on errors on the same line add nothing.
    let mut lines = std::collections::HashSet::new();
    Err(errors
        .iter()
        .filter(|e| lines.insert(file.position(base + e.span().map_or(0, |s| s.start)).0))
        .map(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let (message, hint) = explain(toml, at, e.message().trim_end()).unwrap_or_else(|| {
                (
                    format!("invalid TOML: {}", e.message().trim_end()),
                    "check quoting and `=` on this line; strings need double quotes, lists are written `[\"a\", \"b\"]` (TOML v1.0)".to_string(),
                )
            });
            file.error("toml-syntax", base + at, message, hint)
        })
        .collect())
}

impl<'t, 'i> TableReader<'t, 'i> {
    /// A reader over `table`, whose spans are relative to byte `base` of `file`. `what` names
    /// the table in messages ("level front-matter", "`[book]`").
    pub fn new(
        file: &'t SourceFile,
        base: usize,
        table: &'t DeTable<'i>,
        table_offset: usize,
        what: &'static str,
    ) -> Self {
        TableReader {
            file,
            base,
            table,
            table_offset,
            what,
            suggested: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Reports every key not in `known` as `unknown-key`, with a did-you-mean hint.
    pub fn deny_unknown(&mut self, known: &[&'static str]) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let close = did_you_mean(name, known.iter().copied());
            if let Some(s) = close {
                self.suggested.push(s);
            }
            let hint = match close {
                Some(s) => format!(
                    "did you mean `{s}`? the keys {} takes are: {}",
                    self.what,
                    known.join(", ")
                ),
                None => format!("the keys {} takes are: {}", self.what, known.join(", ")),
            };
            let d = self.file.error(
                "unknown-key",
                self.base + key.span().start,
                format!("unknown key `{name}` in {}", self.what),
                hint,
            );
            self.diagnostics.push(d);
        }
    }

    fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    fn wrong_type(&mut self, key: &str, v: &Spanned<DeValue<'_>>, want: &str, example: &str) {
        let d = self.file.error(
            "wrong-type",
            self.base + v.span().start,
            format!(
                "`{key}` in {} must be {want}, not {}",
                self.what,
                match v.get_ref().type_str() {
                    t if t.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {t}"),
                    t => format!("a {t}"),
                }
            ),
            format!("write it as `{key} = {example}`"),
        );
        self.diagnostics.push(d);
    }

    /// Reports a key the table must have, unless an unknown key was already reported as its
    /// likely misspelling.
    pub fn missing(&mut self, key: &str, example: &str) {
        if self.suggested.contains(&key) {
            return;
        }
        let d = self.file.error(
            "missing-key",
            self.table_offset,
            format!("{} has no `{key}`, which is required", self.what),
            format!("add `{key} = {example}`"),
        );
        self.diagnostics.push(d);
    }

    /// An optional string.
    pub fn string(&mut self, key: &str) -> Option<Located<String>> {
        let v = self.get(key)?;
        match v.get_ref().as_str() {
            Some(s) => Some(Located {
                value: s.to_string(),
                offset: self.base + v.span().start,
            }),
            None => {
                self.wrong_type(key, v, "a string", "\"...\"");
                None
            }
        }
    }

    /// A required string: reports `missing-key` when absent, or empty (or only spaces),
    /// which would leave a page without a heading and a link without words.
    pub fn required_string(&mut self, key: &str, example: &str) -> Option<Located<String>> {
        if self.get(key).is_none() {
            self.missing(key, example);
            return None;
        }
        let s = self.string(key)?;
        if s.value.trim().is_empty() {
            let d = self.file.error(
                "missing-key",
                s.offset,
                format!("`{key}` in {} is empty", self.what),
                format!("write it, e.g. `{key} = {example}`"),
            );
            self.diagnostics.push(d);
            return None;
        }
        Some(s)
    }

    /// An optional integer (any TOML integer that fits in `i64`).
    pub fn integer(&mut self, key: &str) -> Option<Located<i64>> {
        let v = self.get(key)?;
        let parsed = v
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok());
        match parsed {
            Some(n) => Some(Located {
                value: n,
                offset: self.base + v.span().start,
            }),
            None if v.get_ref().is_integer() => {
                let d = self.file.error(
                    "wrong-type",
                    self.base + v.span().start,
                    format!(
                        "`{key}` in {} is too large: it must be a whole number between {} and {}",
                        self.what,
                        i64::MIN,
                        i64::MAX
                    ),
                    format!("write a smaller number, such as `{key} = 3`"),
                );
                self.diagnostics.push(d);
                None
            }
            None => {
                // The number the user meant, where the value is one in quotes (`"6"`) or with
                // a decimal point (`2.0`); otherwise no number, which the hint would offer as
                // this file's (and which may be another's: ranks are unique on a track).
                let value = v.get_ref();
                // Digits as written (`"6"`, `2.0`), not a number spelt another way (`"1e3"`).
                let meant = value
                    .as_str()
                    .map(str::trim)
                    .or_else(|| value.as_float().map(|f| f.as_str()))
                    .and_then(|t| {
                        let (whole, fraction) = t.split_once('.').unwrap_or((t, "0"));
                        let digits = whole.strip_prefix('-').unwrap_or(whole);
                        (!digits.is_empty()
                            && digits.len() <= 15
                            && digits.chars().all(|c| c.is_ascii_digit())
                            && !fraction.is_empty()
                            && fraction.chars().all(|c| c == '0'))
                        .then(|| whole.parse::<i64>().ok())
                        .flatten()
                    })
                    .map(|n| n.to_string());
                self.wrong_type(
                    key,
                    v,
                    "an integer",
                    meant.as_deref().unwrap_or("<a whole number>"),
                );
                None
            }
        }
    }

    /// A required integer: reports `missing-key` when absent.
    pub fn required_integer(&mut self, key: &str) -> Option<Located<i64>> {
        if self.get(key).is_none() {
            self.missing(key, "1");
            return None;
        }
        self.integer(key)
    }

    /// An optional boolean.
    pub fn boolean(&mut self, key: &str) -> Option<Located<bool>> {
        let v = self.get(key)?;
        match v.get_ref().as_bool() {
            Some(b) => Some(Located {
                value: b,
                offset: self.base + v.span().start,
            }),
            None => {
                self.wrong_type(key, v, "true or false", "true");
                None
            }
        }
    }

    /// An optional list of strings; a missing key gives an empty list.
    pub fn string_list(&mut self, key: &str) -> Vec<Located<String>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(key, v, "a list of strings", "[\"a\", \"b\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push(Located {
                    value: s.to_string(),
                    offset: self.base + item.span().start,
                }),
                None => self.wrong_type(key, item, "a list of strings", "[\"a\", \"b\"]"),
            }
        }
        out
    }

    /// An optional sub-table, with the byte offset of its header or key.
    pub fn table(&mut self, key: &str) -> Option<(&'t DeTable<'i>, usize)> {
        let v = self.get(key)?;
        match v.get_ref().as_table() {
            Some(t) => Some((t, v.span().start)),
            None => {
                self.wrong_type(key, v, "a table", "{ ... }");
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("content/levels/x.md", text.to_string())
    }

    #[test]
    fn splits_front_matter_and_body() {
        let f = file("+++\ntitle = \"A\"\n+++\nBody\n");
        let s = split(&f).unwrap();
        assert_eq!(s.toml, "title = \"A\"\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_offset, 20);
    }

    #[test]
    fn yaml_and_missing_front_matter_are_errors() {
        assert_eq!(
            split(&file("---\ntitle: A\n---\n")).unwrap_err().code,
            "yaml-front-matter"
        );
        assert_eq!(
            split(&file("# Title\n")).unwrap_err().code,
            "no-front-matter"
        );
        assert_eq!(
            split(&file("+++\ntitle = 1\n")).unwrap_err().code,
            "unclosed-front-matter"
        );
    }

    #[test]
    fn unknown_key_points_at_the_key() {
        let f = file("+++\ntitle = \"A\"\nrnak = 2\n+++\n");
        let s = split(&f).unwrap();
        let t = parse_table(&f, s.toml, s.toml_offset).unwrap();
        let mut r = TableReader::new(&f, s.toml_offset, t.get_ref(), 0, "level front-matter");
        r.deny_unknown(&["title", "rank"]);
        let d = &r.diagnostics[0];
        assert_eq!((d.line, d.column, d.code), (3, 1, "unknown-key"));
        assert!(d.hint.contains("did you mean `rank`"));
    }

    #[test]
    fn toml_mistakes_are_explained_with_the_line_as_it_should_be() {
        let cases = [
            (
                "track = ic",
                "the value of `track` is not in quotes",
                "track = \"ic\"",
            ),
            (
                "title = It is #1 priority",
                "not in quotes",
                "title = \"It is #1 priority\"",
            ),
            (
                "summary = Say \"hi\" to all",
                "not in quotes",
                r#"summary = "Say \"hi\" to all""#,
            ),
            (
                "summary = C:\\dir",
                "not in quotes",
                r#"summary = "C:\\dir""#,
            ),
            (
                "equivalent = [m1, 2nd]",
                "not in quotes",
                "[\"m1\", \"2nd\"]",
            ),
            ("equivalent = m1", "list of ids", "equivalent = [\"m1\"]"),
            (
                "title = “Engineer”",
                "typographic quotes",
                "title = \"Engineer\"",
            ),
            (
                "rank = three",
                "`rank` must be a whole number, not `three`",
                "`rank = <a whole number>`",
            ),
            (
                "cumulative = yes",
                "must be true or false",
                "`cumulative = true`",
            ),
            (
                "title = \"Staff",
                "opens a quote (`\"`) that is never closed",
                "title = \"Staff\"",
            ),
            (
                "equivalent = [m1, \"m2\"]",
                "the items of `equivalent` are not in quotes",
                "[\"m1\", \"m2\"]",
            ),
            // Author check 48 A48-01: "missing comma", then a hint that kept the quote out of place.
            (
                "equivalent = [\"ds2, \"m1\"]",
                "a quote is missing or out of place in the list `equivalent`",
                "equivalent = [\"ds2\", \"m1\"]",
            ),
            (
                "equivalent = [\"ds2, \", m1\"]",
                "a quote is missing or out of place",
                "equivalent = [\"ds2\", \"m1\"]",
            ),
            (
                "title = \"Engineer \"II\"\"",
                "holds a quote (`\"`), which ends the text early",
                "title = 'Engineer \"II\"'",
            ),
            (
                "title = \"It's \"II\"\"",
                "ends the text early",
                r#"title = "It's \"II\"""#,
            ),
            (
                "title = \"A\"\ntitle = \"B\"",
                "`title` is written twice in one table",
                "remove the other",
            ),
            // Browser check 44 B44-04: a table written twice got a hint about quoting.
            (
                "[book]\ntitle = \"A\"\n[book]\nlanguage = \"en\"",
                "the table `[book]` is written twice",
                "keep one `[book]` line, with every key of the two under it",
            ),
        ];
        for (toml, message, hint) in cases {
            let f = file(&format!("+++\n{toml}\n+++\n"));
            let s = split(&f).unwrap();
            let d = &parse_table(&f, s.toml, s.toml_offset).unwrap_err()[0];
            assert_eq!(d.code, "toml-syntax");
            assert!(d.message.contains(message), "{toml}: {}", d.message);
            assert!(d.hint.contains(hint), "{toml}: {}", d.hint);
        }
        // Anything else keeps the parser's own words.
        let f = file("+++\ntitle = \"A\" B\n+++\n");
        let s = split(&f).unwrap();
        let d = &parse_table(&f, s.toml, s.toml_offset).unwrap_err()[0];
        assert!(d.message.starts_with("invalid TOML: "), "{}", d.message);
    }
}
