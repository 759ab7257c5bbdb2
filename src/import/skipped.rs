//! Files of a folder that are no part of the ladder it holds, though they are Markdown: the
//! repository's own (`LICENSE.md`, `CONTRIBUTING.md`) and blank templates for new pages.

/// A file every repository has that is about the repository rather than its content
/// (`LICENSE.md`, `CONTRIBUTING.md`, `CODE_OF_CONDUCT.md`, `CHANGELOG.md`, `SECURITY.md`, and
/// GitHub's templates under `.github/`): never part of a ladder in a folder. Asked of
/// Markdown only: `security.yaml` among data files is a skill's, not the repository's policy.
pub(super) fn housekeeping(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase()
        .replace(['-', '_'], "");
    rel.starts_with(".github/")
        || rel.contains("/.github/")
        || matches!(
            stem.as_str(),
            "license"
                | "licence"
                | "copying"
                | "contributing"
                | "codeofconduct"
                | "changelog"
                | "security"
                | "authors"
                | "contributors"
                | "pullrequesttemplate"
                | "issuetemplate"
        )
}

/// A blank page to copy for a new level (`templates/role-template.md`, titled `# [Role
/// Title]` over `## Ready for [Next Level] When…`): a file whose name says it is a template
/// and whose first heading is a placeholder in brackets, `[…]`, `{…}` or `<…>`, that links
/// nowhere.
pub(super) fn page_template(rel: &str, text: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel).to_ascii_lowercase();
    let named = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "template" || w == "templates");
    let heading = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim());
    let placeholder = heading.is_some_and(|h| {
        [('[', ']'), ('{', '}'), ('<', '>')]
            .iter()
            .any(|&(open, close)| h.starts_with(open) && h.ends_with(close) && h.len() > 2)
    });
    named && placeholder
}
