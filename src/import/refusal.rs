//! Why an import found no ladder, said where the user can act on it: the two-level grid or
//! the HTML headings that came closest, or else every shape import reads.

use super::model::Ladder;
use super::source::{self, import_error};
use super::tables;
use crate::diagnostic::Diagnostic;

/// What to do with a spreadsheet, which import does not read.
pub(super) const SPREADSHEET_HINT: &str = "import reads a sheet saved as CSV: save it as UTF-8 CSV (Excel: File › Save As › \"CSV UTF-8\"; Google Sheets: File › Download › Comma-separated values; Numbers: File › Export To › CSV), and import the .csv";

/// Whether the file `name` is a spreadsheet in a spreadsheet program's own format (`.xlsx`,
/// `.xls`, `.ods`, `.numbers`), which import reads once saved as CSV.
pub(super) fn spreadsheet(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".xls", ".ods", ".numbers"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// The error for `ladder` when no file gave it a level: at the table or heading that came
/// closest when one did, else at the file (`single`) or at the folder `shown` as a whole,
/// since no one file in a folder is at fault.
pub(super) fn no_ladder(ladder: &Ladder, single: bool, shown: &str) -> Diagnostic {
    // A grid of two levels compares them; a ladder has three or more: say so.
    if let Some((doc, (line, a, b))) = ladder
        .docs
        .iter()
        .find_map(|d| tables::two_level_grid(d).map(|g| (d, g)))
    {
        return import_error(
            doc.rel.clone(),
            (line, 1),
            format!("found no ladder: the table here names two levels, `{a}` and `{b}`, and import reads a grid of levels only when it names three or more"),
            "add the ladder's other levels as columns, or write each level as a heading over its pillars (`## Level` / `### Pillar` / `- expectation`)",
        );
    }
    // Headings written in HTML (`<h2>Junior</h2>`) are not Markdown headings: say so at
    // the first of the kind the file has most of (its levels, likely).
    if let Some((doc, line, level, text, in_table)) = ladder.docs.iter().find_map(html_headings) {
        let tag = format!("<h{level}>");
        // Inside an HTML table's cells, no Markdown heading can be written.
        if in_table {
            return import_error(
                doc.rel.clone(),
                (line, 1),
                format!("found no ladder: the ladder here is an HTML table whose cells hold headings (`{tag}{text}</h{level}>`), which import does not read as levels or pillars"),
                "write the table in Markdown with a row per level and a column per pillar (`| Level | Scope | Impact |`), or each level as a heading over its pillars (`## Level` / `### Pillar` / `- expectation`), and import again",
            );
        }
        return import_error(
            doc.rel.clone(),
            (line, 1),
            format!("found no ladder: the headings here are written in HTML (`{tag}{text}</h{level}>`), which import does not read as the headings of levels or pillars"),
            format!("write them as Markdown headings (`{} {text}`), with each level's pillars as headings below it or as bold labels, and import again", "#".repeat(level)),
        );
    }
    let hint = "import recognises levels as headings that share pillar sub-headings (`## Level` / `### Pillar` / `- expectation`), bold `**Pillar:**` labels, numbered bold pillar items, bullets that start with a bold label, headings titled like levels (`# Level 2`, `## Senior Analyst`) over paragraphs or a list, one file per level (`# L1` / `## Pillar`, pillars at any depth), tables whose columns or rows are levels (`| Pillar | Engineer I | Engineer II |`) or a table per level (`| Area | Expectations |`), ladders the other way round (`## Testing` over each level's name in bold, `**Level 1**`, and its list), and YAML or JSON job families (`levels`, `themes`, `competencies`), `topics` (as Monzo writes them, also in front-matter) and `skills` with `roles`";
    // No one file is at fault in a folder: name the folder, not whichever file came first.
    match ladder.docs.first() {
        Some(d) if single => {
            if let Some((line, lists, rungs, first)) = numbered_rungs(&d.text) {
                return import_error(
                    d.rel.clone(),
                    (line, 1),
                    format!("found no ladder: the {lists} numbered lists here, each of {rungs} rungs named before a colon (`{first}: …`), are not a shape import reads"),
                    format!("write them as one table, a row per list and a column per rung (`| Dimension | Level 1 | … | Level {rungs} |`, each cell the rung's text), and import again"),
                );
            }
            let mut message =
                "found no ladder in this file: no levels with pillars and expectations".to_string();
            // Front-matter the page holds its ladder in, in a shape import does not read
            // (`skill_stages`), is why: name it.
            let unread = unread_front_matter(&d.text);
            if !unread.is_empty() {
                message.push_str(&format!(
                    ", and its front-matter's {} {} not a shape import reads",
                    unread
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    if unread.len() == 1 { "is" } else { "are" }
                ));
            }
            import_error(d.rel.clone(), (1, 1), message, hint)
        }
        _ => {
            let mut message = match ladder.docs.len() {
                1 => "found no ladder in this folder: its one file has no levels with pillars and expectations".to_string(),
                n => format!("found no ladder in this folder: none of its {n} files has levels with pillars and expectations"),
            };
            // A spreadsheet passed over may be where the ladder is.
            let sheets: Vec<&str> = skipped_files(ladder, |file, why| {
                spreadsheet(file) || why.starts_with("a sheet that is not UTF-8")
            });
            if !sheets.is_empty() {
                message.push_str(&format!(
                    ", and import does not read the spreadsheet{} {} as it is: save it as UTF-8 CSV and import the .csv",
                    if sheets.len() == 1 { "" } else { "s" },
                    sheets.join(", ")
                ));
            }
            // The data files passed over are part of why: name them.
            let data: Vec<&str> =
                skipped_files(ladder, |_, why| why.ends_with("without a ladder)"));
            if !data.is_empty() {
                let shown: Vec<&str> = data.iter().take(5).copied().collect();
                let more = match data.len() {
                    n if n > 5 => format!(", … (+{} more)", n - 5),
                    _ => String::new(),
                };
                message.push_str(&format!(
                    ", and its {} YAML or JSON files hold no ladder import reads: {}{more}",
                    data.len(),
                    shown.join(", ")
                ));
            }
            Diagnostic::about("import", shown, message, hint)
        }
    }
}

/// The files [`Ladder::skipped`] lists (each `file (why)`) whose name and reason `keep`
/// keeps, by name.
fn skipped_files(ladder: &Ladder, keep: impl Fn(&str, &str) -> bool) -> Vec<&str> {
    ladder
        .skipped
        .iter()
        .map(|s| s.split_once(" (").unwrap_or((s, "")))
        .filter(|(file, why)| keep(file, why))
        .map(|(file, _)| file)
        .collect()
}

/// The top-level keys of `text`'s YAML front-matter that hold lists or mappings (where a
/// ladder could be, as Monzo's `topics` is) and that no page or site generator uses for
/// itself (`tags`, `categories`, `aliases`, `menu`).
fn unread_front_matter(text: &str) -> Vec<&str> {
    const PAGE_KEYS: &[&str] = &[
        "tags",
        "categories",
        "aliases",
        "menu",
        "authors",
        "keywords",
        "redirect_from",
        "sidebar",
        "toc",
        "images",
        "params",
        "cascade",
        "resources",
        "translations",
    ];
    let Some((yaml, _, _)) = crate::import::yaml::split_front_matter(text) else {
        return Vec::new();
    };
    let lines: Vec<&str> = yaml.lines().collect();
    let mut keys = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((key, rest)) = line.split_once(':') else {
            continue;
        };
        let top = !line.starts_with([' ', '\t', '-', '#'])
            && !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        // A key whose value is on the lines below, indented: a list or a mapping.
        let nested = rest.trim().is_empty()
            && lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with([' ', '-', '\t']));
        if top && nested && !PAGE_KEYS.contains(&key.to_ascii_lowercase().as_str()) {
            keys.push(key);
        }
    }
    keys
}

/// The error for an import that read no file (`ladder` has no document): the file at `path`
/// (shown as `shown`) is of a kind import does not read, or the folder holds none it reads,
/// or only data files without a ladder; with what to do, for a spreadsheet too.
pub(super) fn nothing_read(ladder: &Ladder, path: &std::path::Path, shown: &str) -> Diagnostic {
    let message = if !path.is_dir() {
        "this file is neither Markdown (.md, .mdx) nor YAML (.yml, .yaml) nor JSON (.json) nor a sheet saved as CSV (.csv, .tsv)"
            .to_string()
    } else {
        // Markdown or YAML files read and set aside (templates, site settings): say which.
        let aside: Vec<&str> = ladder
            .skipped
            .iter()
            .map(String::as_str)
            .filter(|s| !s.ends_with("(not Markdown or YAML)"))
            .collect();
        if aside.is_empty() {
            "the folder holds no Markdown or YAML files (nor JSON or CSV)".to_string()
        } else {
            format!(
                "found no ladder in this folder: not read: {}",
                aside.join(", ")
            )
        }
    };
    // Data files read without a ladder, and no Markdown beside them (other files, an
    // `index.txt`, are not ladders either way).
    let data = ladder
        .skipped
        .iter()
        .any(|s| s.ends_with("without a ladder)"))
        && ladder
            .skipped
            .iter()
            .all(|s| s.ends_with("without a ladder)") || s.ends_with("(not Markdown or YAML)"));
    let unreadable_sheet = ladder
        .skipped
        .iter()
        .any(|s| s.contains(" (a sheet that is not UTF-8"));
    let hint = if spreadsheet(shown) {
        SPREADSHEET_HINT
    } else if unreadable_sheet {
        super::sheet::NOT_UTF8_HINT
    } else if data {
        "import reads YAML or JSON job families (`levels`, `themes`, `competencies`), `topics` (as Monzo writes them), `skills` with `roles`, and tables of levels, skills and descriptors joined by keys, and these files hold none of them: write the ladder in Markdown (one file per level, `# Level` / `## Pillar` / `- expectation`), or in one of those shapes"
    } else {
        "import a .md, .yml, .json or .csv file, or a folder that holds some"
    };
    if path.is_dir() {
        Diagnostic::about("import", shown.to_string(), message, hint)
    } else {
        import_error(shown.to_string(), (1, 1), message, hint)
    }
}

/// The HTML headings that start a line of `doc` (`<h2>Junior</h2>`), or a line of an HTML
/// table after its tags (`<tr><td><h3>Level</h3>`), of the level it has most of (the lowest
/// of equals) when it has two or more: the document, the first one's 1-based line, its level
/// (1–6), its text without tags, and whether it is inside a `<table>`.
fn html_headings(
    doc: &source::SourceDoc,
) -> Option<(&source::SourceDoc, usize, usize, String, bool)> {
    let mut found: Vec<(usize, usize, String, bool)> = Vec::new();
    let mut tables = 0usize;
    for (i, line) in doc.text.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        let opened = tables + lower.matches("<table").count();
        tables = opened.saturating_sub(lower.matches("</table").count());
        let t = line.trim_start();
        let t = match t.find("<h").or_else(|| t.find("<H")) {
            // A heading inside a table's cell (`<tr><td><h3>Level</h3>`).
            Some(at) if opened > 0 && t[..at].trim_start().starts_with('<') => &t[at..],
            _ => t,
        };
        let Some(rest) = t.strip_prefix("<h").or_else(|| t.strip_prefix("<H")) else {
            continue;
        };
        let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        if !(1..=6).contains(&level) || !rest[1..].starts_with(['>', ' ']) {
            continue;
        }
        let inner = rest[1..].split_once('>').map_or("", |(_, after)| after);
        // `</h2>` or `</H2>`: ASCII case changes keep byte offsets.
        let inner = &inner[..inner
            .to_ascii_lowercase()
            .find("</h")
            .unwrap_or(inner.len())];
        let text = tables::strip_tags(inner).trim().to_string();
        found.push((i + 1, level as usize, text, opened > 0));
    }
    let count = |l: usize| found.iter().filter(|f| f.1 == l).count();
    let level = (1..=6).max_by_key(|&l| (count(l), std::cmp::Reverse(l)))?;
    // One heading (a centred title over a README) is no ladder's structure.
    if count(level) < 2 {
        return None;
    }
    let (line, level, text, in_table) = found.into_iter().find(|f| f.1 == level)?;
    Some((doc, line, level, text, in_table))
}

/// Lists of numbered rungs, each named before a colon (`1. Adopt: …` … `5. Creates: …`),
/// two or more of one length under labels or headings, as the Engineering Ladders framework
/// states its dimensions: (line of the first list, 1-based; the lists; their rungs; the
/// first rung's name). `None` for any other text.
fn numbered_rungs(text: &str) -> Option<(usize, usize, usize, String)> {
    let rung = |l: &str| {
        let (n, rest) = l.trim_start().split_once(". ")?;
        let (name, _) = rest.split_once(": ")?;
        let n = n.parse::<u8>().ok()?;
        let name = name.trim_matches(['*', '_']);
        (!name.is_empty() && name.split_whitespace().count() <= 3).then(|| (n, name.to_string()))
    };
    // (first line, length, first name) of each run of rungs.
    let mut runs: Vec<(usize, usize, String)> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        match rung(line) {
            Some((n, _)) if open && n > 1 => runs.last_mut().expect("open").1 += 1,
            Some((_, name)) => {
                runs.push((i + 1, 1, name));
                open = true;
            }
            None => open = line.trim().is_empty() && open,
        }
    }
    let first = runs.first()?;
    (runs.len() >= 2 && first.1 >= 2 && runs.iter().all(|r| r.1 == first.1))
        .then(|| (first.0, runs.len(), first.1, first.2.clone()))
}
