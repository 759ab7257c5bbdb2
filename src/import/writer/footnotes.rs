//! Footnotes (`text[^1]` … `[^1]: https://…`, GitHub's footnote extension to CommonMark) kept
//! with the text that refers to them. A source writes a footnote's definition once, at the end
//! of the page, and the import spreads that page over many files: without this, the reference
//! and its definition land in different files, neither renders as a footnote, and the
//! definition reads as a stray note wherever it fell.

use super::OutFile;
use crate::import::model::{GuessKind, Ladder};
use std::collections::{BTreeMap, HashSet};

/// A footnote's label (`1` in `[^1]`) and its definition as written, continuation lines
/// included; ordered by label, so that files are written the same way every time.
type Definitions = BTreeMap<String, String>;

/// Writes each footnote's definition into every file of `files` that refers to it and does
/// not define it, and takes it out of the files that define it without referring to it
/// (unless they hold nothing else, or no file refers to it).
/// Labels are read from the source documents; one defined two ways (two pages' `[^1]`) is
/// left as it is. Says what it moved in the summary.
pub(super) fn place(ladder: &mut Ladder, files: &mut [OutFile]) {
    let mut defs: Definitions = BTreeMap::new();
    let mut clash: Vec<String> = Vec::new();
    let mut first_at = None;
    for doc in &ladder.docs {
        for (line, label, def) in definitions(&doc.text) {
            first_at.get_or_insert_with(|| doc.loc_line(line));
            match defs.get(&label) {
                Some(d) if *d != def => clash.push(label),
                _ => {
                    defs.insert(label, def);
                }
            }
        }
    }
    for label in clash {
        defs.remove(&label);
    }
    let Some(at) = first_at.filter(|_| !defs.is_empty()) else {
        return;
    };
    // A definition whose reference the import left out (a footnote on a level's title) stays
    // where it fell: nothing is dropped.
    let referred: HashSet<String> = defs
        .keys()
        .filter(|l| files.iter().any(|f| refers(&f.text, l)))
        .cloned()
        .collect();
    let mut moved = 0;
    for f in files.iter_mut().filter(|f| f.path.ends_with(".md")) {
        let mut text = f.text.clone();
        let own: Vec<(usize, String, String)> = definitions(&text);
        // Definitions that nothing in this file refers to, but another file does.
        for (_, label, def) in own.iter().rev() {
            if defs.contains_key(label) && referred.contains(label) && !refers(&text, label) {
                if let Some(start) = text.find(def.as_str()) {
                    text.replace_range(start..start + def.len(), "");
                }
            }
        }
        // A page that held nothing else keeps them: an empty page would be left in the menu.
        let body = text.rsplit_once("+++\n").map_or(text.as_str(), |(_, b)| b);
        if body.trim().is_empty() {
            text = f.text.clone();
        }
        let defined: HashSet<String> = definitions(&text).into_iter().map(|(_, l, _)| l).collect();
        let mut added = String::new();
        for (label, def) in &defs {
            if refers(&text, label) && !defined.contains(label) {
                added.push_str(&format!("\n{}\n", def.trim_end()));
            }
        }
        if !added.is_empty() || text != f.text {
            moved += 1;
            let mut body = tidy(&text);
            if !added.is_empty() {
                body.push_str(&added);
            }
            f.text = body;
        }
    }
    if moved > 0 {
        ladder.guess(
            GuessKind::Structure,
            at,
            format!(
                "footnotes are written in each file whose text refers to them, and left out of the others ({moved} {})",
                if moved == 1 { "file" } else { "files" }
            ),
        );
    }
}

/// The footnote definitions of `text`: the 1-based line, the label and the definition as
/// written (a line that opens with `[^label]:`, and the indented lines after it, blank lines
/// between them).
fn definitions(text: &str) -> Vec<(usize, String, String)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let label = line
            .strip_prefix("[^")
            .and_then(|r| r.split_once("]:"))
            .map(|(l, _)| l)
            .filter(|l| !l.is_empty() && !l.contains([' ', ']']));
        let Some(label) = label else {
            i += 1;
            continue;
        };
        // Its paragraphs after the first are indented, blank lines between them.
        let indented = |l: &str| l.starts_with("    ") || l.starts_with('\t');
        let mut def = line.to_string();
        let mut j = i + 1;
        loop {
            let mut k = j;
            while k < lines.len() && lines[k].trim().is_empty() {
                k += 1;
            }
            if k < lines.len() && indented(lines[k]) {
                while j <= k {
                    def.push_str(lines[j]);
                    j += 1;
                }
            } else {
                break;
            }
        }
        out.push((i + 1, label.to_string(), def));
        i = j;
    }
    out
}

/// Whether `text` refers to footnote `label` outside a definition of it.
fn refers(text: &str, label: &str) -> bool {
    let mark = format!("[^{label}]");
    text.match_indices(&mark).any(|(at, _)| {
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        !(at == line_start && text[at + mark.len()..].starts_with(':'))
    })
}

/// `text` without runs of more than one blank line, ending with one newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_and_references_are_told_apart() {
        let text = "A claim[^1].\n\n[^1]: https://example.org\n    more of it\n\n    And more.\n\n[^b]: B\n";
        let defs = definitions(text);
        assert_eq!(defs.len(), 2);
        assert_eq!(defs[0].1, "1");
        assert_eq!(
            defs[0].2,
            "[^1]: https://example.org\n    more of it\n\n    And more.\n"
        );
        assert!(refers(text, "1"));
        assert!(!refers(text, "b"));
    }
}
