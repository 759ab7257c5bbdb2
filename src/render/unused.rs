//! Templates of the ladder's own that no page uses: an override under a name the theme does
//! not have is loaded and never rendered, so it is said.

use super::THEME_TEMPLATES;
use crate::diagnostic::{display_path, Diagnostic};
use std::path::{Path, PathBuf};

/// Warnings (`unused-template`) for the ladder's own `templates/*.html` (`own`: each name
/// and path, as [`super::load_templates`] read them into `sources`, the theme's and the
/// ladder's templates by name) that no page uses:
/// a name the theme does not have (`levels.html` for `level.html`) that no template,
/// the theme's or the ladder's, names in an `include`, `extends` or `import`. Tera would load
/// it and never render it, so an override written under a wrong name changes nothing without
/// a word.
pub fn unused_templates(
    root: &Path,
    own: &[(String, PathBuf)],
    sources: &[(String, String)],
) -> Vec<Diagnostic> {
    let theme: Vec<&str> = THEME_TEMPLATES.iter().map(|(n, _)| *n).collect();
    let named = |name: &str| {
        let quoted = [format!("\"{name}\""), format!("'{name}'")];
        THEME_TEMPLATES
            .iter()
            .map(|(_, t)| *t)
            .chain(sources.iter().map(|(_, t)| t.as_str()))
            .any(|t| quoted.iter().any(|q| t.contains(q.as_str())))
    };
    own.iter()
        .filter(|(name, path)| {
            path.extension().is_some_and(|x| x == "html")
                && !theme.contains(&name.as_str())
                && !named(name)
        })
        .map(|(name, path)| {
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
