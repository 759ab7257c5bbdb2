//! Structured ladders in YAML: a job-family file with `levels`, `themes` and `competencies`
//! (the Financial Times' shape), a roles-and-skills file (`roles` each giving `skills`
//! details, as growth-framework apps keep their ladder in JSON), and Markdown whose YAML
//! front-matter lists `topics`, each with per-level `criteria` and `exampleCriteria` (Monzo's
//! shape), a list of levels, each with a mapping of its expectations by area, and a list of
//! skills, each naming the levels it is expected at.
//!
//! YAML is read with [`saphyr`]. Why saphyr: `serde_yaml` is archived and marked deprecated;
//! its forks (`serde_yaml_ng`, `serde_norway`) are alive but still translate libyaml, a YAML
//! 1.1 parser; `yaml-rust2` is now maintained as saphyr. saphyr is a maintained, pure-Rust
//! YAML 1.2 parser whose [`saphyr::MarkedYaml`] keeps the position of every node, so each
//! guess and error can name its line.
//!
//! **Tabs.** YAML forbids tabs in indentation. A tab after a list dash (`-\t"text"`), as in
//! one real ladder, is separation white space that YAML 1.2 (and so saphyr) accepts while
//! YAML 1.1 tools such as libyaml reject it; import reads it as a space and reports it. When
//! the YAML does not parse at all and holds tabs in its indentation or after a dash, import
//! replaces each such tab by a space, parses again, and reports the repair with its lines; a
//! file that still does not parse is an error with the parser's line.

use super::model::{GuessKind, Ladder};
use super::source::{import_error, SourceDoc};
use crate::diagnostic::Diagnostic;
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

mod area_files;
mod job_family;
mod joined;
mod level_list;
mod level_texts;
mod roles;
mod skill_list;
mod topics;
pub use area_files::area_files;
pub use job_family::job_family;
pub use joined::joined;
pub use level_list::{is_described_list, is_level_list, is_one_level, level_list, one_level};
pub use level_texts::{is_level_texts, level_texts};
pub use roles::{is_roles, roles};
pub use skill_list::{is_skill_list, skill_list};
pub use topics::topics;

/// A YAML node, reduced to what import needs, with its 1-based line in the file.
#[derive(Debug, Clone)]
pub enum Y {
    /// `~`, `null` or nothing.
    Null(usize),
    /// A string (or any other scalar, as written).
    Str(String, usize),
    /// An integer.
    Int(i64, usize),
    /// A sequence.
    Seq(Vec<Y>, usize),
    /// A mapping with string keys, in order.
    Map(Vec<(String, Y)>, usize),
}

impl Y {
    /// Whether the node holds any text that is not blank (a number counts).
    pub fn has_text(&self) -> bool {
        match self {
            Y::Null(_) => false,
            Y::Str(s, _) => !s.trim().is_empty(),
            Y::Int(..) => true,
            Y::Seq(v, _) => v.iter().any(Y::has_text),
            Y::Map(m, _) => m.iter().any(|(_, v)| v.has_text()),
        }
    }

    /// The line the node starts on.
    pub fn line(&self) -> usize {
        match self {
            Y::Null(l) | Y::Str(_, l) | Y::Int(_, l) | Y::Seq(_, l) | Y::Map(_, l) => *l,
        }
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Y> {
        match self {
            Y::Map(m, _) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A scalar as text (numbers too); `None` for null and collections.
    pub fn text(&self) -> Option<String> {
        match self {
            Y::Str(s, _) => Some(s.clone()),
            Y::Int(i, _) => Some(i.to_string()),
            _ => None,
        }
    }

    /// The items of a sequence (none for anything else).
    pub fn items(&self) -> &[Y] {
        match self {
            Y::Seq(v, _) => v,
            _ => &[],
        }
    }

    /// What the node is, in words for a message: `a list of 5 entries with the keys `role`,
    /// `desc``, `a mapping with the keys …`, `a list of 3 texts`, `a text`.
    pub fn shape(&self) -> String {
        fn keys(maps: &[&Y]) -> String {
            let mut all: Vec<&str> = Vec::new();
            for k in maps.iter().flat_map(|m| m.keys()) {
                if !all.contains(&k) {
                    all.push(k);
                }
            }
            let shown: Vec<String> = all.iter().take(6).map(|k| format!("`{k}`")).collect();
            let more = all.len().saturating_sub(6);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("the keys {}{more}", shown.join(", "))
        }
        match self {
            Y::Seq(v, _) if !v.is_empty() && v.iter().all(|i| matches!(i, Y::Map(..))) => {
                let maps: Vec<&Y> = v.iter().collect();
                let entries = if v.len() == 1 { "entry" } else { "entries" };
                format!("a list of {} {entries} with {}", v.len(), keys(&maps))
            }
            Y::Seq(v, _) => format!("a list of {} items", v.len()),
            Y::Map(m, _) if m.is_empty() => "an empty mapping".to_string(),
            Y::Map(..) => format!("a mapping with {}", keys(&[self])),
            Y::Null(_) => "empty".to_string(),
            Y::Str(..) | Y::Int(..) => "a single text".to_string(),
        }
    }

    /// The keys of a mapping.
    pub fn keys(&self) -> Vec<&str> {
        match self {
            Y::Map(m, _) => m.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}

fn convert(node: &MarkedYaml, line_offset: usize) -> Y {
    let line = node.span.start.line() + line_offset;
    match &node.data {
        YamlData::Value(Scalar::Null) => Y::Null(line),
        YamlData::Value(Scalar::String(s)) => Y::Str(s.to_string(), line),
        YamlData::Value(Scalar::Integer(i)) => Y::Int(*i, line),
        YamlData::Value(Scalar::Boolean(b)) => Y::Str(b.to_string(), line),
        YamlData::Value(Scalar::FloatingPoint(f)) => Y::Str(f.to_string(), line),
        YamlData::Representation(s, _, _) => Y::Str(s.to_string(), line),
        YamlData::Sequence(v) => Y::Seq(v.iter().map(|n| convert(n, line_offset)).collect(), line),
        YamlData::Mapping(m) => Y::Map(
            m.iter()
                .map(|(k, v)| {
                    let key = match &k.data {
                        YamlData::Value(Scalar::String(s)) => s.to_string(),
                        YamlData::Value(Scalar::Integer(i)) => i.to_string(),
                        YamlData::Value(Scalar::Boolean(b)) => b.to_string(),
                        _ => String::new(),
                    };
                    (key, convert(v, line_offset))
                })
                .collect(),
            line,
        ),
        YamlData::Tagged(_, inner) => convert(inner, line_offset),
        _ => Y::Null(line),
    }
}

/// Parses `text` (which starts on line `first_line` of `doc`), repairing tabs as the module
/// documentation says. Guesses go to `ladder`.
///
/// # Errors
/// YAML that does not parse, even after the repair: the parser's message and line.
pub fn load(
    ladder: &mut Ladder,
    doc: &SourceDoc,
    text: &str,
    first_line: usize,
) -> Result<Y, Diagnostic> {
    let tabbed: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start_matches(' ');
            t.starts_with('\t') || (t.starts_with('-') && t[1..].starts_with('\t'))
        })
        .map(|(i, _)| i + first_line)
        .collect();
    let lines_list = |v: &[usize]| {
        let mut s: Vec<String> = v.iter().take(5).map(|l| l.to_string()).collect();
        if v.len() > 5 {
            s.push(format!("and {} more", v.len() - 5));
        }
        s.join(", ")
    };
    let offset = first_line - 1;
    // A key given twice is repaired only when the parser refuses it: a block scalar may hold
    // lines that look like repeated keys.
    let repeated = matches!(MarkedYaml::load_from_str(text), Err(e) if e.info() == "duplicated key in mapping");
    let (text, twice) = if repeated {
        without_repeated_keys(text)
    } else {
        (text.to_string(), Vec::new())
    };
    let text = text.as_str();
    if let Some(&(key, line, earlier)) = twice.first() {
        // Each repeat pairs with the one before it: `key` given three times is two pairs.
        let same: Vec<usize> = std::iter::once(earlier)
            .chain(
                twice
                    .iter()
                    .filter(|t| t.0 == key && t.2 >= earlier)
                    .map(|t| t.1),
            )
            .map(|l| l + offset)
            .collect();
        let others = twice.iter().filter(|t| t.0 != key).count();
        let more = match others {
            0 => String::new(),
            1 => " (and one more key)".to_string(),
            n => format!(" (and {n} more keys)"),
        };
        let times = match same.len() {
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        let (last, rest) = same.split_last().expect("two lines at least");
        let rest: Vec<String> = rest.iter().map(usize::to_string).collect();
        ladder.guess(
            GuessKind::Repair,
            doc.loc_line(line + offset),
            format!("`{key}` is given {times} in one mapping (lines {} and {last}){more}: YAML allows a key once, and the last value was kept, as Jekyll and Ruby's YAML keep it", rest.join(", ")),
        );
    }
    match MarkedYaml::load_from_str(text) {
        Ok(docs) => {
            // JSON may indent with tabs: nothing was repaired.
            let json = text.trim_start().starts_with(['{', '[']);
            if !tabbed.is_empty() && !json {
                ladder.guess(
                    GuessKind::Repair,
                    doc.loc_line(tabbed[0]),
                    format!("a tab after a list dash (line {}) was read as a space, as YAML 1.2 does (YAML 1.1 tools reject it)", lines_list(&tabbed)),
                );
            }
            Ok(docs
                .first()
                .map_or(Y::Null(first_line), |d| convert(d, offset)))
        }
        Err(e) => {
            let first_error = doc_error(doc, &e, offset);
            if tabbed.is_empty() {
                return Err(first_error);
            }
            let repaired: String = text
                .split('\n')
                .map(|l| {
                    let spaces = l.len() - l.trim_start_matches(' ').len();
                    let rest = &l[spaces..];
                    let lead_tabs = rest.len() - rest.trim_start_matches('\t').len();
                    let mut out = " ".repeat(spaces + lead_tabs * 2);
                    let rest = &rest[lead_tabs..];
                    match rest.strip_prefix("-\t") {
                        Some(r) => {
                            out.push_str("- ");
                            out.push_str(r.trim_start_matches('\t'));
                        }
                        None => out.push_str(rest),
                    }
                    out
                })
                .collect::<Vec<_>>()
                .join("\n");
            match MarkedYaml::load_from_str(&repaired) {
                Ok(docs) => {
                    ladder.guess(
                        GuessKind::Repair,
                        doc.loc_line(tabbed[0]),
                        format!(
                            "YAML does not allow tabs here (line {}): each was replaced by a space",
                            lines_list(&tabbed)
                        ),
                    );
                    Ok(docs
                        .first()
                        .map_or(Y::Null(first_line), |d| convert(d, offset)))
                }
                Err(_) => Err(first_error),
            }
        }
    }
}

/// `text` with the earlier line of each key given twice in one block mapping blanked out
/// (`updated_date:` on two lines of one front-matter, which Jekyll reads, keeping the last),
/// and each such key with its line and the earlier one's (1-based, within `text`). Only
/// single-line `key: value` entries are blanked; a key whose earlier value spans lines is
/// left for the parser to report.
fn without_repeated_keys(text: &str) -> (String, Vec<(&str, usize, usize)>) {
    let mut lines: Vec<&str> = text.split('\n').collect();
    fn key_of(l: &str) -> Option<(usize, &str)> {
        let indent = l.len() - l.trim_start_matches(' ').len();
        let (key, value) = l[indent..].split_once(':')?;
        let plain = key.chars().next().is_some_and(char::is_alphanumeric)
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'));
        (plain && (value.is_empty() || value.starts_with(' '))).then_some((indent, key))
    }
    // Lines of block scalars (`notes: |` and the lines indented under it) are text, whatever
    // they look like.
    let mut text_lines = vec![false; lines.len()];
    let mut block: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let indent = l.len() - l.trim_start_matches(' ').len();
        if let Some(b) = block {
            if l.trim().is_empty() || indent > b {
                text_lines[i] = true;
                continue;
            }
            block = None;
        }
        // After a key (`notes: |`) or a list's dash (`- >-`).
        let t = l.trim();
        let value = t
            .split_once(": ")
            .map(|(_, v)| v)
            .or_else(|| t.strip_prefix("- "))
            .map(str::trim);
        let opens = value.is_some_and(|v| {
            v.starts_with(['|', '>'])
                && v[1..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || c == '+')
        });
        if opens {
            block = Some(indent);
        }
    }
    let mut twice = Vec::new();
    for i in 0..lines.len() {
        let Some((indent, key)) = key_of(lines[i]).filter(|_| !text_lines[i]) else {
            continue;
        };
        // The same mapping: back to the first line indented less.
        for j in (0..i).rev() {
            let l = lines[j];
            if text_lines[j] || l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let at = l.len() - l.trim_start_matches(' ').len();
            if at < indent || l[at..].starts_with("- ") && at == indent {
                break;
            }
            let single = lines
                .get(j + 1)
                .is_none_or(|n| n.trim().is_empty() || key_of(n).is_some_and(|(a, _)| a <= at));
            if at == indent && key_of(l).is_some_and(|(_, k)| k == key) {
                if single && !l.trim_end().ends_with(':') {
                    twice.push((key, i + 1, j + 1));
                }
                break;
            }
        }
    }
    for &(_, _, earlier) in &twice {
        lines[earlier - 1] = "";
    }
    (lines.join("\n"), twice)
}

fn doc_error(doc: &SourceDoc, e: &saphyr::ScanError, offset: usize) -> Diagnostic {
    let m = e.marker();
    import_error(
        doc.rel.clone(),
        (m.line() + offset, m.col() + 1),
        format!("this YAML does not parse: {}", e.info()),
        "fix the YAML at this line, then import again; if the file is no part of the ladder (a site's data file), or this is a Markdown page's front-matter, `--format markdown` reads only the Markdown, passing the data file over and the page without its front-matter",
    )
}

/// True when a YAML document looks like a job family (`levels` + `competencies`).
pub fn is_job_family(y: &Y) -> bool {
    y.get("competencies").is_some() && y.get("levels").is_some()
}

/// True when a front-matter lists `topics` with per-level content.
pub fn is_topics(y: &Y) -> bool {
    !y.get("topics").map_or(&[][..], Y::items).is_empty()
}

/// True when every topic a front-matter lists is blank (`- name:` / `title:` / `content:`
/// with nothing in them): a template to copy, not a framework.
pub fn blank_topics(y: &Y) -> bool {
    is_topics(y) && !y.get("topics").is_some_and(Y::has_text)
}

/// A YAML string as the text of a list item, continuation lines indented by `indent`. The
/// string is Markdown, as the sources' own sites render it (`*emphasis*`, a numbered list in
/// a summary): it is kept as written, so a list in it becomes a list inside the expectation.
fn item_body(text: &str, indent: &str) -> String {
    let lines: Vec<String> = text
        .trim()
        .split('\n')
        .map(|l| l.trim_end().to_string())
        .collect();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 || l.is_empty() {
                l.clone()
            } else {
                format!("{indent}{}", l.trim_start())
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One expectation: `- summary`, then notes (a paragraph or a nested list each) inside it.
fn expectation(summary: &str, notes: &[(&str, Vec<String>)]) -> String {
    let mut s = format!("- {}", item_body(summary, "  "));
    for (label, values) in notes {
        if values.is_empty() {
            continue;
        }
        if values.len() == 1 && !label.ends_with('s') {
            s.push_str(&format!("\n\n  *{label}:* {}", item_body(&values[0], "  ")));
        } else {
            s.push_str(&format!("\n\n  *{label}:*\n"));
            for v in values {
                s.push_str(&format!("\n  - {}", item_body(v, "    ")));
            }
        }
    }
    s
}

/// The first of `keys` that mapping `entry` has, and its value.
fn first_of<'a>(entry: &'a Y, keys: &[&'static str]) -> Option<(&'static str, &'a Y)> {
    keys.iter().find_map(|k| entry.get(k).map(|v| (*k, v)))
}

fn strings(y: Option<&Y>) -> Vec<String> {
    listed(y)
        .iter()
        .filter_map(Y::text)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The items of a list, or a text alone as a list of one (`criteria: Keeps the lamp lit.`
/// where a list is looked for, as YAML written by hand has it); nothing for anything else.
fn listed(y: Option<&Y>) -> &[Y] {
    match y {
        Some(Y::Seq(v, _)) => v,
        Some(one @ (Y::Str(..) | Y::Int(..))) => std::slice::from_ref(one),
        _ => &[],
    }
}

/// Reports, as one guess at the first of them, the keys of mapping `y` that are not in `used`.
fn report_dropped(ladder: &mut Ladder, doc: &SourceDoc, y: &Y, used: &[&str], what: &str) {
    let dropped: Vec<&str> = y.keys().into_iter().filter(|k| !used.contains(k)).collect();
    if let Some(first) = dropped.first() {
        ladder.guess(
            GuessKind::Dropped,
            doc.loc_line(y.get(first).map_or(1, Y::line)),
            format!("{what}: {}", dropped.join(", ")),
        );
    }
}

/// Takes `doc`, a data file set aside as no ladder alone ([`Ladder::skipped`]), back among
/// the ladder's documents, as one of several that make a ladder together; returns its index.
fn take_back(ladder: &mut Ladder, doc: &SourceDoc) -> usize {
    let said = format!("{} (", doc.rel);
    ladder.skipped.retain(|s| !s.starts_with(&said));
    ladder.docs.push(doc.clone());
    ladder.docs.len() - 1
}

/// The outcome of data files that make a ladder together: one track of `levels`, titled
/// `title` (with an `id` of its own, or none to take its document's), at `at`, standing for
/// document `doc` (a link to the file leads to the track), the files' format named `format`
/// in the summary.
fn one_track(
    ladder: &mut Ladder,
    doc: usize,
    (title, id): (String, Option<String>),
    levels: Vec<crate::import::model::Level>,
    at: crate::import::source::Loc,
    format: &'static str,
) -> (usize, crate::import::markdown::Outcome) {
    use crate::import::model::{Anchor, FileRef, Target, Track};
    let track = Track {
        uid: ladder.uid(),
        title: title.clone(),
        id,
        description: Vec::new(),
        levels,
        at,
        final_id: String::new(),
    };
    ladder.doc_targets.insert(
        doc,
        Target {
            file: FileRef::Track(track.uid),
            anchor: Anchor::None,
        },
    );
    ladder.format(format);
    (
        doc,
        crate::import::markdown::Outcome::Ladder {
            tracks: vec![track],
            pages: Vec::new(),
            title,
        },
    )
}

/// [`one_track`] for document `index` alone, titled by its file's name (`skills_by_level.yml`
/// → `Skills by level`), the format named `format`.
fn file_track(
    ladder: &mut Ladder,
    index: usize,
    levels: Vec<crate::import::model::Level>,
    format: &'static str,
) -> crate::import::markdown::Outcome {
    let doc = &ladder.docs[index];
    let title = crate::import::titles::capitalised(&doc.stem().replace(['_', '-'], " "));
    let at = doc.loc_line(1);
    one_track(ladder, index, (title, None), levels, at, format).1
}

fn err(doc: &SourceDoc, line: usize, message: String, hint: &str) -> Diagnostic {
    import_error(doc.rel.clone(), (line, 1), message, hint)
}

/// The `title` of a Markdown file's YAML front-matter (`title: "Career Ladders"` in Hugo's
/// `_index.md`), if it has one that parses and holds text.
pub fn front_matter_title(text: &str) -> Option<String> {
    let (fm, line, _) = split_front_matter(text)?;
    let docs = MarkedYaml::load_from_str(fm).ok()?;
    convert(docs.first()?, line).get("title")?.text()
}

/// Splits YAML (`---`) front-matter from a Markdown file: the YAML text, the line it starts
/// on, and the byte offset of the body. `None` when the file has none.
pub fn split_front_matter(text: &str) -> Option<(&str, usize, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = first_end + 1;
    while pos <= text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            let body = (end + 1).min(text.len());
            return Some((&text[first_end + 1..pos], 2, body));
        }
        if end >= text.len() {
            break;
        }
        pos = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_keep_notes_inside_the_item() {
        let s = expectation(
            "1. Does X\n\n2. And Y\n",
            &[
                ("Proficiency", vec!["Expert".into()]),
                ("Examples", vec!["one".into(), "*two*".into()]),
            ],
        );
        assert_eq!(s, "- 1. Does X\n\n  2. And Y\n\n  *Proficiency:* Expert\n\n  *Examples:*\n\n  - one\n  - *two*");
    }

    #[test]
    fn tabs_are_read_or_repaired_and_reported() {
        let doc = SourceDoc::new("t.yml", String::new());
        // A tab after a dash is YAML 1.2 separation: read as it is, and reported.
        let mut ladder = Ladder::default();
        let y = load(&mut ladder, &doc, "a:\n  -\t\"x\"\n", 1).unwrap();
        assert_eq!(
            y.get("a").map(|a| a.items()[0].text()),
            Some(Some("x".to_string()))
        );
        assert_eq!(ladder.guesses.len(), 1);
        // A tab as indentation is not YAML: replaced by spaces, and reported with its line.
        let mut ladder = Ladder::default();
        let y = load(&mut ladder, &doc, "a:\n\t- x\n\t- y\n", 1).unwrap();
        assert_eq!(y.get("a").map(|a| a.items().len()), Some(2));
        assert!(
            ladder.guesses[0].text.contains("line 2, 3"),
            "{:?}",
            ladder.guesses
        );
        // What still does not parse is an error with its line.
        let e = load(&mut Ladder::default(), &doc, "a: [\n", 1).unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value_and_is_reported() {
        let doc = SourceDoc::new("t.md", String::new());
        let mut ladder = Ladder::default();
        let y = load(
            &mut ladder,
            &doc,
            "title: T\nsaid: May\nnested:\n  k: 1\n  k: 2\nsaid: June\n",
            2,
        )
        .unwrap();
        assert_eq!(y.get("said").and_then(Y::text).as_deref(), Some("June"));
        assert_eq!(
            y.get("nested")
                .and_then(|n| n.get("k"))
                .and_then(Y::text)
                .as_deref(),
            Some("2")
        );
        assert_eq!(ladder.guesses.len(), 1);
        assert!(
            ladder.guesses[0]
                .text
                .contains("`k` is given twice in one mapping (lines 5 and 6) (and one more key)"),
            "{:?}",
            ladder.guesses
        );
        // A block scalar's lines are text though a key is repeated around them; a key given
        // three times is said so.
        let mut ladder = Ladder::default();
        let y = load(
            &mut ladder,
            &doc,
            "t: A\nnotes: |\n  risk: what could fail\n  risk: more\nt: B\nt: C\n",
            1,
        )
        .unwrap();
        assert_eq!(
            y.get("notes").and_then(Y::text).as_deref(),
            Some("risk: what could fail\nrisk: more\n")
        );
        assert_eq!(y.get("t").and_then(Y::text).as_deref(), Some("C"));
        assert!(
            ladder.guesses[0]
                .text
                .contains("`t` is given 3 times in one mapping (lines 1, 5 and 6):"),
            "{:?}",
            ladder.guesses
        );
        // Lines in a block scalar that look like keys are text, and valid YAML is not touched.
        let mut ladder = Ladder::default();
        let y = load(&mut ladder, &doc, "notes: |\n  a: 1\n  a: 2\n", 1).unwrap();
        assert_eq!(
            y.get("notes").and_then(Y::text).as_deref(),
            Some("a: 1\na: 2\n")
        );
        assert!(ladder.guesses.is_empty());
    }

    #[test]
    fn front_matter_is_split_without_a_final_newline() {
        let (y, line, body) = split_front_matter("---\na: 1\n---").unwrap();
        assert_eq!((y, line, body), ("a: 1\n", 2, 12));
        assert!(split_front_matter("# x\n").is_none());
    }
}
