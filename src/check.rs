//! `ladderbook check`: every error, every gap and every likely mistake of a ladder in one
//! run, with a coverage matrix, for people (a terminal) and for CI (JSON).
//!
//! Errors are exactly those of a build ([`crate::validate::validate`]); the warnings here are
//! extra and never stop a build.

pub use crate::diagnostic::JsonDiagnostic;
mod competency;
mod equivalents;
pub mod footnotes;
pub mod images;
pub mod site_links;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, SourceFile};
use crate::ladder::Ladder;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The version of the JSON document's shape. It changes only when a field is removed or
/// changes meaning; new fields may be added within a version.
pub const JSON_VERSION: u32 = 1;

/// The result of checking one ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`JSON_VERSION`].
    pub version: u32,
    /// Number of errors (after `--strict`, warnings count as errors).
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Every diagnostic, sorted by path and position.
    pub diagnostics: Vec<JsonDiagnostic>,
    /// Per track, the number of expectations in each level × pillar cell.
    pub coverage: Vec<TrackCoverage>,
}

/// One track's coverage matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackCoverage {
    /// Track id.
    pub track: String,
    /// Track title.
    pub title: String,
    /// Column heads: the track's pillars, in order.
    pub pillars: Vec<CoverageHead>,
    /// One row per level, most junior first.
    pub levels: Vec<CoverageRow>,
}

/// A pillar column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageHead {
    /// Pillar id.
    pub id: String,
    /// Pillar title.
    pub title: String,
}

/// A level row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageRow {
    /// Level id.
    pub id: String,
    /// Level title.
    pub title: String,
    /// Level code, if any.
    pub code: Option<String>,
    /// Expectations per pillar column; `null` is a gap (no competency file).
    pub cells: Vec<Option<usize>>,
}

/// Validates the ladder in `root` as `build` does, adds the warnings, and computes the
/// coverage. `strict` turns warnings into errors. Returns the diagnostics (sorted, as in
/// the report) beside the report.
pub fn check(root: &Path, strict: bool) -> (Diagnostics, Report) {
    let (ladder, mut diags) = crate::validate::validate(root);
    let valid = !diags.has_errors();
    for d in crate::build::template_errors(root, &ladder, valid) {
        diags.push(d);
    }
    // A published address or anchor counts as lost only in a ladder that is otherwise
    // valid: a file that fails to parse, or a competency that names no level, takes its
    // expectations out of the ladder, and calling them gone (with `--accept-removals` as the
    // fix) would bury the one error to fix under advice that is wrong. Fixed, the ladder is
    // checked for lost addresses again. `serve` skips them as well.
    if !diags.has_errors() {
        for d in &ladder.lost {
            diags.push(d.clone());
        }
    }
    if valid {
        for d in crate::build::clashes_in(root, &ladder) {
            diags.push(d);
        }
    }
    // `build` would refuse to write there.
    diags
        .0
        .extend(crate::build::unsafe_build_dir(root, &ladder.config));
    lint(&ladder, &mut diags);
    images::missing(root, &ladder, &mut diags);
    site_links::outside(&ladder, &mut diags);
    diags.sort();
    if strict {
        for d in &mut diags.0 {
            d.severity = Severity::Error;
        }
    }
    let errors = diags
        .0
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let report = Report {
        version: JSON_VERSION,
        errors,
        warnings: diags.0.len() - errors,
        diagnostics: diags.0.iter().map(Diagnostic::to_json).collect(),
        coverage: coverage(&ladder),
    };
    (diags, report)
}

fn warning(
    file: Option<&SourceFile>,
    path: &str,
    offset: usize,
    code: &'static str,
    message: String,
    hint: String,
) -> Diagnostic {
    match file {
        Some(f) => f.warning(code, offset, message, hint),
        None => Diagnostic::warning(code, path, (1, 1), message, hint),
    }
}

/// Adds the warnings of a ladder: tracks with no levels, gaps, holes in ranks, expectations
/// repeated word for word within a track, TODO/TBD/FIXME markers, unused pillars, and levels
/// with no expectations.
pub fn lint(ladder: &Ladder, diags: &mut Diagnostics) {
    let files: HashMap<&str, &SourceFile> =
        ladder.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let file = |p: &str| files.get(p).copied();

    // While a level file is broken, its rank may be a hole: its own error says what to fix.
    let level_broken = ladder.failed.iter().any(|f| f.starts_with("levels/"));
    // Competencies left out in the folder of a level whose file is gone (renamed).
    let renaming = ladder.failed.iter().any(|f| {
        f.strip_prefix("competencies/")
            .and_then(|p| p.split_once('/'))
            .is_some_and(|(level, _)| {
                let file = format!("levels/{level}.md");
                !ladder.files.iter().any(|s| s.path.ends_with(&file))
            })
    });
    // Two tracks of one title: the menu, the overview and the comparisons name both alike.
    let mut titled: HashMap<String, &str> = HashMap::new();
    for t in &ladder.tracks {
        let key = t.title.trim().to_lowercase();
        match (titled.get(&key), &t.source) {
            (Some(first), Some(source)) => {
                let f = file(source);
                let offset = f.and_then(|f| key_offset(f, "title")).unwrap_or(0);
                diags.push(warning(f, source, offset, "same-track-title",
                    format!("the {} track has the title of the {first} track, `{}`: readers cannot tell the two apart in the menu, on the overview or in the comparisons", t.id, t.title),
                    format!("give one of them a title of its own in content/tracks/{}.md or content/tracks/{first}.md", t.id)));
            }
            _ => {
                titled.entry(key).or_insert(&t.id);
            }
        }
    }
    equivalents::crossed(ladder, &files, diags);
    equivalents::chained(ladder, &files, diags);
    for t in &ladder.tracks {
        // A track file no level names: on the overview and its own page, an empty table.
        if t.levels.is_empty() && !level_broken {
            if let Some(source) = &t.source {
                diags.push(warning(
                    file(source),
                    source,
                    0,
                    "empty-track",
                    format!("the {} track has no levels: its page and the overview show it as an empty table", t.title),
                    format!("give levels `track = \"{}\"` in their front-matter, or move this file out of content/ until it has some", t.id),
                ));
            }
        }
        // Holes in ranks, unless two levels share a rank (an error) and the track has as
        // many levels as its ranks span: then the hole is where the shared rank belongs.
        let ranks = || t.levels.iter().map(|&l| ladder.levels[l].rank);
        let span = match (ranks().min(), ranks().max()) {
            (Some(lo), Some(hi)) => usize::try_from(hi - lo + 1).unwrap_or(usize::MAX),
            _ => 0,
        };
        let collided = ranks().collect::<std::collections::HashSet<_>>().len() < t.levels.len()
            && t.levels.len() >= span;
        for w in t.levels.windows(2).filter(|_| !level_broken && !collided) {
            let (a, b) = (&ladder.levels[w[0]], &ladder.levels[w[1]]);
            if b.rank > a.rank + 1 {
                let f = file(&b.source);
                let offset = f.and_then(rank_offset).unwrap_or(0);
                diags.push(warning(f, &b.source, offset, "rank-hole",
                    format!("the {} track has no level with rank {} (between `{}` at {} and `{}` at {})", t.title, if b.rank == a.rank + 2 { (a.rank + 1).to_string() } else { format!("{} to {}", a.rank + 1, b.rank - 1) }, a.id, a.rank, b.id, b.rank),
                    "renumber the ranks 1, 2, 3, ... or add the missing level; a hole is fine if the track deliberately starts higher".into()));
            }
        }
        // Gaps and levels with no expectations.
        for &li in &t.levels {
            let l = &ladder.levels[li];
            let filled: Vec<usize> = t
                .pillars
                .iter()
                .copied()
                .filter(|&p| ladder.cell(li, p).is_some())
                .collect();
            let count: usize = filled
                .iter()
                .filter_map(|&p| ladder.cell(li, p))
                .map(|c| c.expectations.len())
                .sum();
            // A competency file of this level that is broken has its own error; the gaps it
            // leaves are not reported again (the file the hint would ask for is there).
            let folder = format!("competencies/{}/", l.id);
            if count == 0 && ladder.failed.iter().any(|f| f.starts_with(&folder)) {
                continue;
            }
            // Competencies left out in the folder of a level whose file is gone, as after
            // the file is renamed: their errors name the level they wait for.
            if count == 0 && renaming {
                continue;
            }
            if count == 0 {
                diags.push(warning(file(&l.source), &l.source, 0, "no-expectations",
                    format!("level `{}` has no expectations in any pillar", l.id),
                    format!("add competency files such as content/competencies/{}/<pillar>.md with a list of expectations", l.id)));
                continue;
            }
            for &p in &t.pillars {
                let pid = &ladder.pillars[p].id;
                if ladder.cell(li, p).is_none()
                    && !ladder.failed.contains(&format!("{folder}{pid}.md"))
                {
                    diags.push(warning(file(&l.source), &l.source, 0, "gap",
                        format!("level `{}` has no expectations in pillar `{pid}`: its pages say \"not defined yet\"", l.id),
                        format!("add content/competencies/{}/{pid}.md with `level = \"{}\"` and `pillar = \"{pid}\"`", l.id, l.id)));
                }
            }
        }
        // Repeated expectations within the track.
        let mut seen: HashMap<String, (usize, &str, usize)> = HashMap::new();
        for &li in &t.levels {
            for &p in &t.pillars {
                let Some(c) = ladder.cell(li, p) else {
                    continue;
                };
                for e in &c.expectations {
                    let key = e.plain().to_lowercase();
                    if key.split_whitespace().count() < 4 {
                        continue;
                    }
                    match seen.get(&key) {
                        Some(&(other, other_path, other_offset)) if other != li => {
                            let f = file(&c.source);
                            let (ol, oc) =
                                file(other_path).map_or((1, 1), |f| f.position(other_offset));
                            diags.push(warning(f, &c.source, e.offset, "repeated-expectation",
                                format!("this expectation of `{}` is word for word the same as one of `{}`", ladder.levels[li].id, ladder.levels[other].id),
                                format!("raise the bar for this level, or remove it if levels are cumulative (the other is at {other_path}:{ol}:{oc})")));
                        }
                        // Twice at one level: a slip more surely than across levels (a
                        // paragraph pasted twice), said at the second.
                        Some(&(_, other_path, other_offset)) => {
                            let f = file(&c.source);
                            let (ol, oc) =
                                file(other_path).map_or((1, 1), |f| f.position(other_offset));
                            diags.push(warning(f, &c.source, e.offset, "repeated-expectation",
                                format!("this expectation of `{}` is word for word the same as another of its own", ladder.levels[li].id),
                                format!("remove one of the two, or say what sets them apart (the other is at {other_path}:{ol}:{oc})")));
                        }
                        None => {
                            seen.insert(key, (li, c.source.as_str(), e.offset));
                        }
                    }
                }
            }
        }
    }
    // Competencies without a list (or whose list an HTML element holds): their text is kept
    // as notes, and the cell counts no
    // expectations, which comparisons then have nothing to pair.
    for c in ladder
        .competencies
        .iter()
        .filter(|c| c.expectations.is_empty())
    {
        let f = file(&c.source);
        // At the body's first line, after the front-matter.
        let body = f
            .and_then(|f| crate::frontmatter::split(f).ok())
            .map_or(0, |s| s.body_offset);
        // A list there is, inside a folding, quoting or captioning element an HTML block
        // opened: the element holds it as a note.
        let text = f.and_then(|f| f.text.get(body..)).unwrap_or_default();
        let held = held_list(text);
        let pasted = competency::pasted_bullets(text);
        let (at, message, hint) = match (held, pasted) {
            (Some((offset, tag)), _) => (
                body + offset,
                format!("this competency's list is inside the `<{tag}>` opened here, so it is a note in it, not expectations"),
                format!("close the `<{tag}>` before the list (`</{tag}>` on a line of its own, after a blank line), or move the expectations above it"),
            ),
            (None, Some((offset, bullet, _))) => (
                body + offset,
                format!("this competency's lines start with `{bullet}`, which Markdown does not read as a list marker, so it has no expectations (the lines are kept as notes)"),
                format!("start each expectation with `- ` in place of `{bullet} `, one per line: `- Writes clear, tested code for well-scoped tasks.`"),
            ),
            (None, None) => (
                body,
                "this competency has no list, so it has no expectations (any text is kept as notes below them)".into(),
                "write each expectation as a list item, one per line: `- Writes clear, tested code for well-scoped tasks.`".into(),
            ),
        };
        diags.push(warning(f, &c.source, at, "no-list", message, hint));
    }
    // Pillars no level uses; not while the levels' or the competencies' folder could not be
    // read, whose error says why.
    let unread = |folder: &str| crate::load::in_unread_folder(&ladder.failed, folder);
    let blind = unread("levels/") || unread("competencies/");
    for (pi, p) in ladder.pillars.iter().enumerate().filter(|_| !blind) {
        if !ladder.competencies.iter().any(|c| c.pillar == pi) {
            diags.push(warning(
                file(&p.source),
                &p.source,
                0,
                "unused-pillar",
                format!("no level has expectations in pillar `{}`", p.id),
                "add competencies for it, or delete the pillar's file".into(),
            ));
        }
    }
    for f in ladder.files.iter().filter(|f| f.path.ends_with(".md")) {
        let Ok(split) = crate::frontmatter::split(f) else {
            continue;
        };
        html_dropped(f, &split, diags);
        footnotes::undefined(f, &split, diags);
    }
    for c in &ladder.competencies {
        if let Some(f) = file(&c.source) {
            competency::headings(f, diags);
            competency::notes_between_lists(f, diags);
            if !c.expectations.is_empty() {
                competency::pasted_bullet_lines(f, diags);
            }
            competency::bad_own_ids(f, diags);
        }
    }
    // TODO markers anywhere in the text.
    for f in &ladder.files {
        for (offset, word) in markers(&f.text) {
            diags.push(warning(
                Some(f),
                &f.path,
                offset,
                "todo",
                format!("`{word}` marker left in the text"),
                "finish the text, or track the open point elsewhere before publishing".into(),
            ));
        }
    }
}

/// The `summary` of a file's front-matter (Markdown, shown on several pages), with where
/// each byte of it is in the file; `None` when it has none.
fn summary_of(
    split: &crate::frontmatter::Split,
) -> Option<(String, crate::frontmatter::ValuePlaces)> {
    if !split.toml.contains("summary") {
        return None;
    }
    let table = toml::de::DeTable::parse(split.toml).ok()?;
    let value = table.get_ref().get("summary")?;
    let summary = value.get_ref().as_str()?.to_string();
    let places =
        crate::frontmatter::ValuePlaces::of(split.toml, value.span().start, split.toml_offset);
    Some((summary, places))
}

/// Warns of what the HTML policy ([`crate::sanitize`]) takes out of a Markdown file's body
/// and `summary`.
fn html_dropped(f: &SourceFile, split: &crate::frontmatter::Split, diags: &mut Diagnostics) {
    // Only raw HTML (`<`), heading attributes (`{`) and links are ever dropped: text with
    // none of them is not parsed again.
    let may_drop = |t: &str| t.contains(['<', '{']) || t.contains("](") || t.contains("]:");
    let mut found: Vec<(usize, String)> = Vec::new();
    if may_drop(split.body) {
        found.extend(
            crate::sanitize::dropped(crate::markdown::events_of(split.body))
                .into_iter()
                .map(|(range, what)| (split.body_offset + range.start, what)),
        );
    }
    if let Some((summary, places)) = summary_of(split).filter(|(s, _)| may_drop(s)) {
        found.extend(
            crate::sanitize::dropped(crate::markdown::events_of(&summary))
                .into_iter()
                .map(|(o, w)| (places.place(o.start), w)),
        );
    }
    for (offset, what) in found {
        // A `data:` address can be long: its start says enough.
        let mut short: String = what.chars().take(120).collect();
        if short.len() < what.len() {
            short.push('…');
        }
        diags.push(warning(Some(f), &f.path, offset, "html-dropped",
            format!("{short} is left out of the site: ladderbook's HTML policy drops it"),
            "write it in Markdown, or with the tags, attributes and link schemes (http, https, mailto, tel) the README's \"HTML in content\" section lists; or remove it".into()));
    }
}

fn rank_offset(f: &SourceFile) -> Option<usize> {
    key_offset(f, "rank")
}

/// Byte offset of the value of front-matter key `key` (at the start of a line) in `f`.
fn key_offset(f: &SourceFile, key: &str) -> Option<usize> {
    let i = f.text.find(&format!("\n{key}"))?;
    let eq = f.text[i..].find('=')?;
    let after = &f.text[i + eq + 1..];
    Some(i + eq + 1 + (after.len() - after.trim_start().len()))
}

/// Byte offsets of `TODO`, `TBD` and `FIXME` written as whole upper-case words.
fn markers(text: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for word in ["TODO", "TBD", "FIXME"] {
        for (i, _) in text.match_indices(word) {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if boundary(before) && boundary(after) {
                out.push((i, word));
            }
        }
    }
    out.sort();
    out
}

/// The coverage matrix of every track.
pub fn coverage(ladder: &Ladder) -> Vec<TrackCoverage> {
    ladder
        .tracks
        .iter()
        .map(|t| TrackCoverage {
            track: t.id.clone(),
            title: t.title.clone(),
            pillars: t
                .pillars
                .iter()
                .map(|&p| CoverageHead {
                    id: ladder.pillars[p].id.clone(),
                    title: ladder.pillars[p].title.clone(),
                })
                .collect(),
            levels: t
                .levels
                .iter()
                .map(|&li| {
                    let l = &ladder.levels[li];
                    CoverageRow {
                        id: l.id.clone(),
                        title: l.title.clone(),
                        code: l.code.clone(),
                        cells: t
                            .pillars
                            .iter()
                            .map(|&p| ladder.cell(li, p).map(|c| c.expectations.len()))
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The gap marker of the matrix.
pub const GAP_MARK: &str = "--";

/// The coverage matrix as text no wider than `width` columns. Pillars that do not fit
/// beside the level column wrap into further blocks. With `color`, counts are green and
/// gaps red (ANSI SGR codes). A ladder with no level at all (one that could not be read)
/// gets no matrix: an empty string.
pub fn format_matrix(coverage: &[TrackCoverage], width: usize, color: bool) -> String {
    let mut out = String::new();
    if coverage.iter().all(|t| t.levels.is_empty()) {
        return out;
    }
    let paint = |s: String, code: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s
        }
    };
    for t in coverage {
        // Columns as wide as the longest pillar title; narrower (down to 8) if that puts every
        // pillar on one row, else up to 14 and wrapped into blocks of pillars.
        let longest = t
            .pillars
            .iter()
            .map(|h| h.title.chars().count() + 2)
            .max()
            .unwrap_or(6);
        let label_w = t
            .levels
            .iter()
            .map(|r| r.code.as_ref().map_or(0, |c| c.chars().count() + 1) + r.title.chars().count())
            .max()
            .unwrap_or(5)
            .clamp(5, 28);
        let fit = width.saturating_sub(label_w + 1) / t.pillars.len().max(1);
        let cell = if fit >= 8 {
            longest.min(fit).max(6)
        } else {
            longest.clamp(6, 14)
        };
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        out.push_str(&paint(
            format!(
                "{} ({} × {})",
                t.title,
                plural(t.levels.len(), "level"),
                plural(t.pillars.len(), "pillar")
            ),
            "1",
        ));
        out.push('\n');
        let label = |r: &CoverageRow| match &r.code {
            Some(c) => format!("{c} {}", r.title),
            None => r.title.clone(),
        };
        let per_block = ((width.saturating_sub(label_w + 1)) / cell).max(1);
        let blocks: Vec<&[CoverageHead]> = if t.pillars.is_empty() {
            vec![&t.pillars[..]]
        } else {
            t.pillars.chunks(per_block).collect()
        };
        for (bi, block) in blocks.iter().enumerate() {
            let first = bi * per_block;
            out.push_str(&format!("{:label_w$} ", ""));
            for h in block.iter() {
                out.push_str(&format!("{:>cell$}", truncate(&h.title, cell - 2)));
            }
            out.push('\n');
            for r in &t.levels {
                out.push_str(&format!("{:label_w$} ", truncate(&label(r), label_w)));
                for c in &r.cells[first..first + block.len()] {
                    match c {
                        Some(n) => out.push_str(&paint(format!("{n:>cell$}"), "32")),
                        None => out.push_str(&paint(format!("{GAP_MARK:>cell$}"), "31")),
                    }
                }
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "Each cell is the number of expectations of a level in a pillar; {GAP_MARK} is a gap.\n"
    ));
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Where in `body` a `<details>`, `<blockquote>` or `<figure>` opens, and which, when a
/// Markdown list item comes after it: the list it holds (see `markdown::split`).
fn held_list(body: &str) -> Option<(usize, &'static str)> {
    let lower = body.to_ascii_lowercase();
    let (at, tag) = crate::markdown::HOLDING
        .iter()
        .filter_map(|t| lower.find(&format!("<{t}")).map(|i| (i, *t)))
        .min()?;
    let item = body[at..].lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("- ") || l.starts_with("* ") || l.starts_with("+ ")
    });
    item.then_some((at, tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_whole_upper_case_words() {
        assert_eq!(
            markers("a TODO b TODOS tbd TBD: FIXME"),
            vec![(2, "TODO"), (19, "TBD"), (24, "FIXME")]
        );
    }

    #[test]
    fn the_matrix_wraps_to_the_width() {
        let cov = vec![TrackCoverage {
            track: "ic".into(),
            title: "IC".into(),
            pillars: (0..12)
                .map(|i| CoverageHead {
                    id: format!("p{i}"),
                    title: format!("Pillar {i}"),
                })
                .collect(),
            levels: vec![CoverageRow {
                id: "a".into(),
                title: "Engineer".into(),
                code: Some("IC1".into()),
                cells: (0..12).map(|i| (i % 3 != 0).then_some(i)).collect(),
            }],
        }];
        let text = format_matrix(&cov, 80, false);
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        assert_eq!(
            text.matches("IC1 Engineer").count(),
            2,
            "12 pillars wrap into two blocks:\n{text}"
        );
        assert!(text.contains(GAP_MARK));
    }
}
