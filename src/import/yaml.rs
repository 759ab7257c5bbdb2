//! Structured ladders in YAML: a job-family file with `levels`, `themes` and `competencies`
//! (the Financial Times' shape), and Markdown whose YAML front-matter lists `topics`, each with
//! per-level `criteria` and `exampleCriteria` (Monzo's shape).
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

use super::ids::{self, LevelNumber};
use super::markdown::Outcome;
use super::model::{Anchor, Cell, CellBlock, FileRef, GuessKind, Ladder, Level, Md, Target, Track};
use super::source::{ImportError, SourceDoc};
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

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
) -> Result<Y, ImportError> {
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
    match MarkedYaml::load_from_str(text) {
        Ok(docs) => {
            if !tabbed.is_empty() {
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

fn doc_error(doc: &SourceDoc, e: &saphyr::ScanError, offset: usize) -> ImportError {
    let m = e.marker();
    ImportError::new(
        doc.rel.clone(),
        (m.line() + offset, m.col() + 1),
        format!("this YAML does not parse: {}", e.info()),
        "fix the YAML at this line (a YAML linter shows the same problem), then import again",
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

fn strings(y: Option<&Y>) -> Vec<String> {
    y.map_or(&[][..], Y::items)
        .iter()
        .filter_map(Y::text)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
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

fn err(doc: &SourceDoc, line: usize, message: String, hint: &str) -> ImportError {
    ImportError::new(doc.rel.clone(), (line, 1), message, hint)
}

/// Reads a job-family YAML file (`levels`, `themes`, `competencies`).
///
/// # Errors
/// A competency without a summary, or naming a level or theme the file does not define.
pub fn job_family(ladder: &mut Ladder, index: usize, y: &Y) -> Result<Outcome, ImportError> {
    let doc = ladder.docs[index].clone();
    let name = y
        .get("name")
        .and_then(Y::text)
        .unwrap_or_else(|| doc.stem().to_string());
    let summary = y
        .get("summary")
        .and_then(Y::text)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    report_dropped(
        ladder,
        &doc,
        y,
        &["name", "summary", "levels", "themes", "competencies"],
        "keys with no place in a ladder were not imported",
    );

    // Levels, and the tracks their names' parentheses make.
    struct L {
        id: String,
        name: String,
        base: String,
        variant: Option<String>,
        line: usize,
    }
    let mut levels: Vec<L> = Vec::new();
    for l in y.get("levels").map_or(&[][..], Y::items) {
        let line = l.line();
        let name = l
            .get("name")
            .and_then(Y::text)
            .or_else(|| l.get("id").and_then(Y::text));
        let Some(name) = name else {
            return Err(err(
                &doc,
                line,
                "a level has neither `name` nor `id`".into(),
                "give each level an `id` and a `name`",
            ));
        };
        let id = l
            .get("id")
            .and_then(Y::text)
            .unwrap_or_else(|| ids::slug(&name));
        let (base, variant) = match (name.rfind('('), name.trim_end().ends_with(')')) {
            (Some(i), true) if i > 0 => (
                name[..i].trim().to_string(),
                Some(name[i + 1..name.trim_end().len() - 1].trim().to_string()),
            ),
            _ => (name.trim().to_string(), None),
        };
        levels.push(L {
            id,
            name: name.trim().to_string(),
            base,
            variant,
            line,
        });
    }
    if levels.is_empty() {
        return Err(err(
            &doc,
            y.get("levels").map_or(1, Y::line),
            "the file lists no levels".into(),
            "add `levels:` with an `id` and `name` for each level",
        ));
    }
    // Variants of a base name that occurs more than once are tracks.
    let mut variants: Vec<String> = Vec::new();
    for l in &levels {
        if let Some(v) = &l.variant {
            if levels.iter().filter(|o| o.base == l.base).count() >= 2 && !variants.contains(v) {
                variants.push(v.clone());
            }
        }
    }
    let mut tracks: Vec<Track> = Vec::new();
    if variants.len() >= 2 {
        for v in &variants {
            let uid = ladder.uid();
            let members: Vec<&L> = levels
                .iter()
                .filter(|l| l.variant.as_deref() == Some(v.as_str()))
                .collect();
            // `senior-2-ic`, `principal-ic` → `ic`.
            let suffixes: Vec<&str> = members
                .iter()
                .filter_map(|l| l.id.rsplit_once('-').map(|x| x.1))
                .collect();
            let id = (!suffixes.is_empty() && suffixes.iter().all(|s| *s == suffixes[0]))
                .then(|| suffixes[0].to_string());
            tracks.push(Track {
                uid,
                title: v.clone(),
                id,
                description: Vec::new(),
                levels: Vec::new(),
                at: doc.loc_line(members.first().map_or(1, |l| l.line)),
                final_id: String::new(),
            });
        }
        let lonely: Vec<&str> = levels
            .iter()
            .filter(|l| !l.variant.as_ref().is_some_and(|v| variants.contains(v)))
            .map(|l| l.id.as_str())
            .collect();
        if !lonely.is_empty() {
            ladder.guess(
                GuessKind::Structure,
                doc.loc_line(levels[0].line),
                format!("levels with a parallel `(…)` variant make tracks {}; the levels without one ({}) are put on `{}`", variants.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(" and "), lonely.join(", "), variants[0]),
            );
        }
    } else {
        let uid = ladder.uid();
        tracks.push(Track {
            uid,
            title: name.clone(),
            id: None,
            description: Vec::new(),
            levels: Vec::new(),
            at: doc.loc_line(1),
            final_id: String::new(),
        });
    }
    if let Some(s) = &summary {
        let line = y.get("summary").map_or(1, Y::line);
        for t in &mut tracks {
            t.description.push(Md {
                text: s.clone(),
                doc: index,
                line,
            });
        }
    }
    let mut uid_of: Vec<(String, usize, usize)> = Vec::new(); // level id → (uid, track)
    for l in &levels {
        let t = match &l.variant {
            Some(v) if variants.len() >= 2 && variants.contains(v) => {
                variants.iter().position(|x| x == v).unwrap_or(0)
            }
            _ => 0,
        };
        let uid = ladder.uid();
        let mut level = Level::new(uid, l.name.clone(), doc.loc_line(l.line));
        level.id = Some(l.id.clone());
        uid_of.push((l.id.clone(), uid, t));
        tracks[t].levels.push(level);
    }
    // Equivalents: the variants of one base name.
    for (i, a) in levels.iter().enumerate() {
        for b in &levels[i + 1..] {
            if a.base == b.base
                && a.variant != b.variant
                && a.variant.is_some()
                && b.variant.is_some()
            {
                let (ua, ub) = (
                    uid_of[i].1,
                    uid_of.iter().find(|x| x.0 == b.id).map_or(0, |x| x.1),
                );
                ladder.equivalents.push((ua, ub));
            }
        }
    }
    // Themes.
    struct T {
        id: String,
        name: String,
        summary: Option<(String, usize)>,
        line: usize,
    }
    let mut themes: Vec<T> = Vec::new();
    for t in y.get("themes").map_or(&[][..], Y::items) {
        let name = t
            .get("name")
            .and_then(Y::text)
            .or_else(|| t.get("id").and_then(Y::text))
            .unwrap_or_default();
        let id = t
            .get("id")
            .and_then(Y::text)
            .unwrap_or_else(|| ids::slug(&name));
        let summary = t
            .get("summary")
            .and_then(|s| s.text().map(|x| (x.trim().to_string(), s.line())))
            .filter(|s| !s.0.is_empty());
        themes.push(T {
            id,
            name,
            summary,
            line: t.line(),
        });
    }
    // Competencies into cells, in the order they come.
    let mut n_ids = 0;
    for c in y.get("competencies").map_or(&[][..], Y::items) {
        let line = c.line();
        let level = c.get("level").and_then(Y::text).unwrap_or_default();
        let theme = c.get("theme").and_then(Y::text).unwrap_or_default();
        let Some(summary) = c
            .get("summary")
            .and_then(Y::text)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
        else {
            return Err(err(
                &doc,
                line,
                "this competency has no `summary`".into(),
                "give every competency a `summary`: it is the expectation's text",
            ));
        };
        let Some(&(_, luid, t)) = uid_of.iter().find(|x| x.0 == level) else {
            let known: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
            return Err(err(
                &doc,
                c.get("level").map_or(line, Y::line),
                format!("this competency's level `{level}` is not in `levels`"),
                &format!("the levels are: {}", known.join(", ")),
            ));
        };
        let Some(th) = themes.iter().find(|x| x.id == theme) else {
            let known: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
            return Err(err(
                &doc,
                c.get("theme").map_or(line, Y::line),
                format!("this competency's theme `{theme}` is not in `themes`"),
                &format!("the themes are: {}", known.join(", ")),
            ));
        };
        if c.get("id").is_some() {
            n_ids += 1;
        }
        let mut notes: Vec<(&str, Vec<String>)> = Vec::new();
        if let Some(p) = c.get("proficiency").and_then(Y::text) {
            notes.push(("Proficiency", vec![p]));
        }
        notes.push(("Examples", strings(c.get("examples"))));
        let urls: Vec<String> = c
            .get("supportingUrls")
            .map_or(&[][..], Y::items)
            .iter()
            .filter_map(|u| {
                let url = u.get("url").and_then(Y::text).or_else(|| u.text())?;
                let label = u
                    .get("label")
                    .and_then(Y::text)
                    .unwrap_or_else(|| url.clone());
                Some(format!(
                    "[{}](<{}>)",
                    label.replace('[', "\\[").replace(']', "\\]"),
                    url.trim()
                ))
            })
            .collect();
        notes.push(("Supporting links", urls));
        let extra: Vec<&str> = c
            .keys()
            .into_iter()
            .filter(|k| {
                !matches!(
                    *k,
                    "id" | "level"
                        | "theme"
                        | "summary"
                        | "proficiency"
                        | "examples"
                        | "supportingUrls"
                )
            })
            .collect();
        for k in extra {
            if let Some(v) = c.get(k).and_then(Y::text) {
                notes.push((k, vec![v]));
            }
        }
        let has_notes = notes.iter().any(|n| !n.1.is_empty());
        let text = expectation(&summary, &notes);
        let lv = tracks[t].levels.iter_mut().find(|l| l.uid == luid);
        let Some(lv) = lv else { continue };
        let cell = match lv
            .cells
            .iter()
            .position(|x| x.pillar_id.as_deref() == Some(th.id.as_str()))
        {
            Some(i) => i,
            None => {
                lv.cells.push(Cell {
                    pillar_title: th.name.clone(),
                    pillar_at: doc.loc_line(th.line),
                    pillar_id: Some(th.id.clone()),
                    pillar_key: Some(format!("theme:{}", th.id)),
                    pillar_description: th
                        .summary
                        .iter()
                        .map(|(s, l)| Md {
                            text: s.clone(),
                            doc: index,
                            line: *l,
                        })
                        .collect(),
                    blocks: Vec::new(),
                    pillar: 0,
                });
                lv.cells.len() - 1
            }
        };
        lv.cells[cell].blocks.push(CellBlock {
            md: Md {
                text,
                doc: index,
                line,
            },
            item: true,
            tight: !has_notes,
        });
    }
    if n_ids > 0 {
        ladder.guess(
            GuessKind::Dropped,
            doc.loc_line(y.get("competencies").map_or(1, Y::line)),
            format!(
                "the {n_ids} competency `id`s (UUIDs) have no place in a ladder and were not kept"
            ),
        );
    }
    for t in &mut tracks {
        for l in &mut t.levels {
            for c in &mut l.cells {
                if let Some(last) = c.blocks.last_mut() {
                    last.tight = false;
                }
            }
        }
    }
    // Themes no level uses are still pillars.
    let used: Vec<String> = tracks
        .iter()
        .flat_map(|t| {
            t.levels
                .iter()
                .flat_map(|l| l.cells.iter().filter_map(|c| c.pillar_id.clone()))
        })
        .collect();
    for th in &themes {
        if !used.contains(&th.id) {
            ladder.guess(
                GuessKind::Pillar,
                doc.loc_line(th.line),
                format!(
                    "theme `{}` has no competencies: not imported as a pillar",
                    th.id
                ),
            );
        }
    }
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Track(tracks[0].uid),
            anchor: Anchor::None,
        },
    );
    ladder.format("YAML job family");
    Ok(Outcome::Ladder {
        tracks,
        pages: Vec::new(),
        title: name,
    })
}

/// Reads a Markdown file whose YAML front-matter lists `topics`. `body` is the Markdown after
/// the front-matter (the track's description), starting at byte `body_offset`.
///
/// # Errors
/// A topic content entry without a level number.
pub fn topics(
    ladder: &mut Ladder,
    index: usize,
    y: &Y,
    body_offset: usize,
) -> Result<Outcome, ImportError> {
    let doc = ladder.docs[index].clone();
    let title = y
        .get("title")
        .and_then(Y::text)
        .map(|t| ids::clean_title(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| doc.stem().to_string());
    report_dropped(
        ladder,
        &doc,
        y,
        &["title", "topics", "levels"],
        "front-matter keys for the source's own site were not imported",
    );
    let topics = y.get("topics").map_or(&[][..], Y::items);
    // Every level number any topic uses.
    let mut numbers: Vec<i64> = Vec::new();
    for t in topics {
        for c in t.get("content").map_or(&[][..], Y::items) {
            let n = match c.get("level") {
                Some(Y::Int(n, _)) => Some(*n),
                Some(other) => other.text().and_then(|s| s.trim().parse().ok()),
                None => None,
            };
            let Some(n) = n else {
                return Err(err(
                    &doc,
                    c.line(),
                    "this topic content has no `level` number".into(),
                    "give each entry under `content` a `level: N`",
                ));
            };
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
    }
    numbers.sort();
    if let Some(declared) = y.get("levels").and_then(|l| match l {
        Y::Int(n, _) => Some(*n),
        _ => None,
    }) {
        let expected: Vec<i64> = (1..=declared).collect();
        if numbers != expected {
            ladder.guess(
                GuessKind::Rank,
                doc.loc_line(y.get("levels").map_or(1, Y::line)),
                format!("`levels: {declared}` does not match the topics, which use levels {}: imported those", numbers.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")),
            );
        }
    }
    let uid = ladder.uid();
    let mut track = Track {
        uid,
        title: title.clone(),
        id: None,
        description: Vec::new(),
        levels: Vec::new(),
        at: doc.loc_line(1),
        final_id: String::new(),
    };
    let body = doc.text[body_offset.min(doc.text.len())..].trim();
    if !body.is_empty() {
        let start = body_offset
            + doc.text[body_offset..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(0);
        track.description.push(Md {
            text: body.to_string(),
            doc: index,
            line: doc.line(start),
        });
    }
    for &n in &numbers {
        let luid = ladder.uid();
        let mut level = Level::new(luid, format!("Level {n}"), doc.loc_line(1));
        level.rank = Some(n);
        level.number = u64::try_from(n)
            .ok()
            .map(|major| LevelNumber { major, minor: None });
        track.levels.push(level);
    }
    let mut untitled: Vec<(String, usize)> = Vec::new();
    for t in topics {
        let name = t.get("name").and_then(Y::text).unwrap_or_default();
        let given = t
            .get("title")
            .and_then(Y::text)
            .filter(|s| !s.trim().is_empty());
        let ptitle = match &given {
            Some(g) => g.trim().to_string(),
            None => {
                untitled.push((name.clone(), t.line()));
                let mut c = name.trim().chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            }
        };
        // Pillars are told apart by title (so that `communication` here and `💬 Communication`
        // in another file are one pillar); an untitled topic's id comes from its name, up to a
        // colon (`communication: transparent communication; …` → `communication`).
        let pid = match (&given, name.split_once(':')) {
            (Some(_), _) => None,
            (None, Some((head, _))) if !ids::slug(head).is_empty() => {
                Some(ids::short_slug(head, 40))
            }
            (None, _) => Some(ids::short_slug(&name, 40)).filter(|s| !s.is_empty()),
        };
        for c in t.get("content").map_or(&[][..], Y::items) {
            let n = match c.get("level") {
                Some(Y::Int(n, _)) => *n,
                Some(other) => other
                    .text()
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(0),
                None => 0,
            };
            let Some(level) = track.levels.iter_mut().find(|l| l.rank == Some(n)) else {
                continue;
            };
            if level.at.line == 1 {
                level.at = doc.loc_line(c.line());
            }
            let mut blocks = Vec::new();
            for crit in c.get("criteria").map_or(&[][..], Y::items) {
                if let Some(s) = crit.text().filter(|s| !s.trim().is_empty()) {
                    blocks.push(CellBlock {
                        md: Md {
                            text: expectation(&s, &[]),
                            doc: index,
                            line: crit.line(),
                        },
                        item: true,
                        tight: true,
                    });
                }
            }
            for ex in c.get("exampleCriteria").map_or(&[][..], Y::items) {
                let Some(s) = ex
                    .get("criteria")
                    .and_then(Y::text)
                    .or_else(|| ex.text())
                    .filter(|s| !s.trim().is_empty())
                else {
                    continue;
                };
                let examples = strings(ex.get("examples"));
                let tight = examples.is_empty();
                blocks.push(CellBlock {
                    md: Md {
                        text: expectation(&s, &[("Examples", examples)]),
                        doc: index,
                        line: ex.line(),
                    },
                    item: true,
                    tight,
                });
                if let Some(prev) = blocks.iter_mut().rev().nth(1) {
                    if !tight {
                        prev.tight = false;
                    }
                }
            }
            if blocks.is_empty() {
                continue;
            }
            if let Some(last) = blocks.last_mut() {
                last.tight = false;
            }
            match level.cells.iter_mut().find(|x| x.pillar_title == ptitle) {
                Some(cell) => {
                    if let Some(last) = cell.blocks.iter_mut().rev().find(|b| b.item) {
                        last.tight = blocks.first().is_some_and(|b| b.tight);
                    }
                    cell.blocks.extend(blocks);
                }
                None => level.cells.push(Cell {
                    pillar_title: ptitle.clone(),
                    pillar_at: doc.loc_line(t.line()),
                    pillar_id: pid.clone(),
                    pillar_key: None,
                    pillar_description: Vec::new(),
                    blocks,
                    pillar: 0,
                }),
            }
        }
    }
    if !untitled.is_empty() {
        let names: Vec<String> = untitled
            .iter()
            .map(|u| {
                if u.0.chars().count() > 24 {
                    format!("`{}…`", u.0.chars().take(22).collect::<String>())
                } else {
                    format!("`{}`", u.0)
                }
            })
            .collect();
        ladder.guess(
            GuessKind::Pillar,
            doc.loc_line(untitled[0].1),
            format!(
                "topics with no `title` are titled by their `name`: {}",
                names.join(", ")
            ),
        );
    }
    // Gaps are fine; say where a topic starts above level 1.
    ladder.doc_targets.insert(
        index,
        Target {
            file: FileRef::Track(track.uid),
            anchor: Anchor::None,
        },
    );
    ladder.format("Markdown with YAML front-matter");
    Ok(Outcome::Ladder {
        tracks: vec![track],
        pages: Vec::new(),
        title,
    })
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
    fn front_matter_is_split_without_a_final_newline() {
        let (y, line, body) = split_front_matter("---\na: 1\n---").unwrap();
        assert_eq!((y, line, body), ("a: 1\n", 2, 12));
        assert!(split_front_matter("# x\n").is_none());
    }
}
