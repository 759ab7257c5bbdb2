//! Templates of the ladder's own that no page uses: an override under a name the theme does
//! not have is loaded and never rendered, so it is said.

use super::THEME_TEMPLATES;
use crate::diagnostic::{display_path, Diagnostic};
use std::path::Path;

/// Warnings (`unused-template`) for the ladder's own `templates/*.html` that no page uses:
/// a name the theme does not have (`levels.html` for `level.html`) that no template,
/// the theme's or the ladder's, names in an `include`, `extends` or `import`. Tera would load
/// it and never render it, so an override written under a wrong name changes nothing without
/// a word.
pub fn unused_templates(root: &Path) -> Vec<Diagnostic> {
    let dir = root.join("templates");
    if !dir.is_dir() {
        return Vec::new();
    }
    let own: Vec<(String, std::path::PathBuf, String)> = walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && e.path().extension().is_some_and(|x| x == "html")
                && !crate::load::is_editor_temp(&e.file_name().to_string_lossy())
        })
        .map(|e| {
            let text = crate::files::read_to_string(e.path()).unwrap_or_default();
            (display_path(&dir, e.path()), e.into_path(), text)
        })
        .collect();
    let theme: Vec<&str> = THEME_TEMPLATES.iter().map(|(n, _)| *n).collect();
    let named = |name: &str| {
        let quoted = [format!("\"{name}\""), format!("'{name}'")];
        THEME_TEMPLATES
            .iter()
            .map(|(_, t)| *t)
            .chain(own.iter().map(|(_, _, t)| t.as_str()))
            .any(|t| quoted.iter().any(|q| t.contains(q.as_str())))
    };
    own.iter()
        .filter(|(name, _, _)| !theme.contains(&name.as_str()) && !named(name))
        .map(|(name, path, _)| {
            let hint = match crate::diagnostic::did_you_mean(name, theme.iter().copied()) {
                Some(meant) => format!("to change the theme's `{meant}`, name the file `templates/{meant}`"),
                None => format!(
                    "the theme's templates are {}; a template of your own is used once another includes, extends or imports it",
                    theme.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
                ),
            };
            Diagnostic::warning(
                "unused-template",
                display_path(root, path),
                (0, 0),
                format!("`templates/{name}` is no template of the theme, and no template includes, extends or imports it: no page uses it"),
                hint,
            )
        })
        .collect()
}
