//! Putting an import in place: the whole tree written to a temporary folder, checked with
//! ladderbook's own validation, and renamed into place, so that the output appears whole or
//! not at all. A link to a heading that ended up where its page gives it no anchor (a heading
//! kept inside a note) leads to the page instead of stopping the import.

use super::source::import_error;
use super::writer::Output;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::write::{swap_in, Swap, SwapFailure};
use std::fs;
use std::path::Path;

/// What [`write()`] wrote.
pub struct Written {
    /// Files written.
    pub files: usize,
    /// Site-absolute images the ladder's pages show and the site does not have, as `check`
    /// counts them ([`crate::check::images`]), `static/` looked up in the output folder.
    pub missing_images: usize,
    /// Links whose anchor the built pages do not have, now to the top of their page: where
    /// (`content/levels/ios.md:11`) and the link as it was (`ios.md#ide`).
    pub unanchored: Vec<(String, String)>,
}

/// Writes `output` into `dir`: into a temporary folder first, validated as a ladder, then
/// renamed into place. `book.toml` and `content/` that exist are an error unless `force`,
/// and are then replaced (other files in `dir` are left alone).
///
/// # Errors
/// Existing files without `force`; a ladder that does not validate (nothing is written);
/// an I/O error (what was there is put back).
pub fn write(dir: &Path, output: &Output, force: bool) -> Result<Written, Diagnostic> {
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(import_error(
            shown,
            (1, 1),
            "the output is a file, not a folder",
            "pass a folder with -o",
        ));
    }
    // What an import killed earlier left behind goes first: it may hold this ladder's own
    // content/ or book.toml, to be put back before they are looked for.
    let (name, parent) = crate::write::name_and_parent(dir, "ladder");
    super::stale::clear(parent, &format!(".{name}.ladderbook-import-"));
    super::stale::clear(dir, ".ladderbook-import-");
    let existing: Vec<&str> = ["book.toml", "content"]
        .into_iter()
        .filter(|n| dir.join(n).exists())
        .collect();
    if !existing.is_empty() && !force {
        return Err(import_error(
            dir.join(existing[0]).display().to_string(),
            (1, 1),
            format!("{} already exist{} in {shown}, and import does not overwrite files", existing.join(" and "), if existing.len() == 1 { "s" } else { "" }),
            "choose another folder with -o, or pass --force to replace book.toml and content/ (other files are left alone)",
        ));
    }
    let io = |p: &Path, e: std::io::Error| {
        import_error(
            p.display().to_string(),
            (1, 1),
            format!("cannot write: {e}"),
            "check the output folder's permissions and free disk space",
        )
    };
    let fresh = !dir.exists();
    let tmp = if fresh {
        fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        parent.join(format!(".{name}.ladderbook-import-{}", std::process::id()))
    } else {
        dir.join(format!(".ladderbook-import-{}", std::process::id()))
    };
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(|e| io(&tmp, e))?;
    }
    let result = (|| {
        for f in &output.files {
            let p = tmp.join(&f.path);
            if let Some(par) = p.parent() {
                fs::create_dir_all(par).map_err(|e| io(par, e))?;
            }
            fs::write(&p, &f.text).map_err(|e| io(&p, e))?;
        }
        for (src, rel) in &output.copies {
            let p = tmp.join(rel);
            if let Some(par) = p.parent() {
                fs::create_dir_all(par).map_err(|e| io(par, e))?;
            }
            fs::copy(src, &p).map_err(|e| io(src, e))?;
        }
        // The ladder must be one that builds: ladderbook's own validation, before anything moves.
        let (mut ladder, mut diags) = crate::validate::validate(&tmp);
        // A link to a heading that ended up where the page gives it no anchor leads to the
        // page instead of stopping the import.
        let mut unanchored = Vec::new();
        if diags.has_errors() && unanchor(&tmp, &diags, &mut unanchored) {
            (ladder, diags) = crate::validate::validate(&tmp);
        }
        if diags.has_errors() {
            let shown: Vec<String> = diags
                .0
                .iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .take(8)
                .map(|d| format!("  {}:{}:{}: {}", d.path, d.line, d.column, d.message))
                .collect();
            return Err(import_error(
                dir.display().to_string(),
                (1, 1),
                format!(
                    "the imported ladder does not validate, so nothing was written:\n{}",
                    shown.join("\n")
                ),
                "this is a bug in `ladderbook import`; please report it with the file you imported",
            ));
        }
        // The validated ladder, and `static/` where the ladder will be.
        let mut images = crate::diagnostic::Diagnostics::default();
        crate::check::images::missing(dir, &ladder, &mut images);
        Ok((images.0.len(), unanchored))
    })();
    let written = |(missing_images, unanchored)| Written {
        files: output.files.len() + output.copies.len(),
        missing_images,
        unanchored,
    };
    let missing_images = match result {
        Ok(n) => n,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if fresh {
        if let Err(e) = fs::rename(&tmp, dir) {
            let _ = fs::remove_dir_all(&tmp);
            return Err(io(dir, e));
        }
        return Ok(written(missing_images));
    }
    // Swap book.toml and content/ in, keeping the old ones until both are in place.
    let swaps = ["content", "book.toml"].map(|n| Swap {
        staged: tmp.join(n),
        target: dir.join(n),
        backup: tmp.join(format!(".old-{n}")),
    });
    if let Err(SwapFailure::MoveAside(p, e) | SwapFailure::PutInPlace(p, e)) = swap_in(&swaps) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(io(&p, e));
    }
    let _ = fs::remove_dir_all(&tmp);
    Ok(written(missing_images))
}

/// Takes the anchor off each link that `diags`' errors, all `broken-anchor`, name in the files
/// under `tmp` (`[IDE](ios.md#ide)` → `[IDE](ios.md)`), saying each in `done`; `false`, and
/// nothing changed, when another error is among them or a link is not where it is named.
pub(super) fn unanchor(tmp: &Path, diags: &Diagnostics, done: &mut Vec<(String, String)>) -> bool {
    let errors: Vec<&Diagnostic> = diags
        .0
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if errors.iter().any(|d| d.code != "broken-anchor") {
        return false;
    }
    let mut edits: Vec<(String, usize, String)> = Vec::new();
    for d in &errors {
        let Some(dest) = d.message.split('`').nth(1) else {
            return false;
        };
        match dest.split_once('#') {
            Some((page, _)) if !page.is_empty() => {
                edits.push((d.path.clone(), d.line, dest.to_string()));
            }
            _ => return false,
        }
    }
    for (path, line, dest) in &edits {
        let p = tmp.join(path);
        let Ok(text) = fs::read_to_string(&p) else {
            return false;
        };
        let page = dest.split_once('#').map_or(dest.as_str(), |x| x.0);
        let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
        let Some(l) = lines.get_mut(line - 1) else {
            return false;
        };
        let from = format!("]({dest})");
        if !l.contains(&from) {
            return false;
        }
        *l = l.replacen(&from, &format!("]({page})"), 1);
        if fs::write(&p, lines.join("\n")).is_err() {
            return false;
        }
        done.push((format!("{path}:{line}"), dest.clone()));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_anchor_is_taken_off_its_link() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("content/levels/ios.md");
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, "+++\ntitle = \"iOS\"\n+++\n\n* [IDE](ios.md#ide)\n").unwrap();
        let broken = |code| {
            Diagnostics(vec![Diagnostic::new(
                Severity::Error,
                code,
                "content/levels/ios.md",
                (5, 3),
                "the link `ios.md#ide` names the anchor `#ide`, which is not on /levels/ios/",
                "",
            )])
        };
        let mut done = Vec::new();
        assert!(!unanchor(tmp.path(), &broken("broken-link"), &mut done));
        assert!(unanchor(tmp.path(), &broken("broken-anchor"), &mut done));
        assert!(fs::read_to_string(&file)
            .unwrap()
            .contains("* [IDE](ios.md)\n"));
        assert_eq!(
            done,
            [(
                "content/levels/ios.md:5".to_string(),
                "ios.md#ide".to_string()
            )]
        );
    }
}
