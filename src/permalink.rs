//! The site's addresses: the contract's URL scheme, in one place.
//!
//! Every function returns a path relative to the site root, without a leading slash and
//! with a trailing slash (`levels/senior-engineer/`); the page is written to that folder's
//! `index.html`. These addresses are a public contract: managers send them to people, so a
//! change here breaks links in the wild. The snapshot test below fixes them.

/// `parts` joined, in one allocation of the exact size: pages ask for addresses hundreds of
/// thousands of times in a large build, and `format!` is several times slower than this.
fn joined(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// The overview: every track side by side.
pub fn overview() -> String {
    String::new()
}

/// A track's page: its levels × pillars matrix.
pub fn track(id: &str) -> String {
    joined(&["tracks/", id, "/"])
}

/// A level's page.
pub fn level(id: &str) -> String {
    joined(&["levels/", id, "/"])
}

/// A pillar's page.
pub fn pillar(id: &str) -> String {
    joined(&["pillars/", id, "/"])
}

/// The comparison of level `a` (the lower one, for two levels of one track) with level `b`.
pub fn compare(a: &str, b: &str) -> String {
    joined(&["compare/", a, "/", b, "/"])
}

/// The list of all comparisons.
pub fn compare_index() -> String {
    "compare/".to_string()
}

/// The ladder's releases and what changed in each (see [`crate::releases`]).
pub fn changes() -> String {
    "changes/".to_string()
}

/// A free page at `content/<path>.md`.
pub fn page(content_path_without_md: &str) -> String {
    format!("{content_path_without_md}/")
}

/// The not-found page, a file rather than a folder.
pub const NOT_FOUND: &str = "404.html";

/// The ladder as data (see [`crate::site::DataExport`]).
pub const DATA: &str = "ladder.json";

/// The anchor of one expectation on a level page: the pillar id, two hyphens (which no id
/// can contain, so it never collides with another anchor), and the 1-based position
/// (`craft--3`).
pub fn expectation_anchor(pillar: &str, n: usize) -> String {
    joined(&[pillar, "--", itoa::Buffer::new().format(n)])
}

/// The pillar id and the number of an anchor [`expectation_anchor`] writes, exactly as it
/// writes them (`n` from 1, in decimal without leading zeros); `None` for any other anchor.
pub fn parse_expectation_anchor(anchor: &str) -> Option<(&str, usize)> {
    let (pillar, n) = anchor.split_once("--")?;
    if n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((pillar, n.parse().ok()?))
}

/// [`expectation_anchor`] without its number (`craft--`): for writers that append the
/// numbers of a whole list themselves.
pub fn expectation_anchor_prefix(pillar: &str) -> String {
    joined(&[pillar, "--"])
}

/// The link to the overview from a page whose way back to the site root is `root` (see
/// [`root_of`]): `root` itself, or `./` on the overview, where `root` is empty and an empty
/// href would not read as a link to the site root.
pub fn home(root: &str) -> &str {
    if root.is_empty() {
        "./"
    } else {
        root
    }
}

/// The relative path from a page at `path` back to the site root: `""` for the overview,
/// `"../../"` for `levels/senior/`, `""` for `404.html`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// An alias as written in front-matter (`/old/senior`, `old/senior/`, `old.html`,
/// `old/senior/index.html`) as a site path: no leading slash; a trailing slash unless it
/// names an `.html` file other than a folder's `index.html`, which the folder's address
/// serves. `None` when it is empty, climbs out of the site with `..`, or is no path of the
/// site: a whole address (`https://…`, `//host/…`), a query or fragment (`?from=mail`,
/// `#x`), a backslash, or a space (also written `%20`), which a static host could never
/// answer.
pub fn normalize_alias(raw: &str) -> Option<String> {
    // Read as the path a browser asks for (`lamp%20keeper` is `lamp keeper`), which a
    // folder of the site must be named.
    let decoded = crate::links::percent_decode(raw.trim());
    let trimmed = decoded.trim();
    if trimmed.contains('\\') {
        return None;
    }
    if trimmed.split('/').any(|p| p == "..")
        || trimmed.contains(':')
        || trimmed.starts_with("//")
        || trimmed.contains(['?', '#'])
        || trimmed.contains(char::is_whitespace)
    {
        return None;
    }
    let joined = crate::links::resolve_relative("", trimmed).filter(|j| !j.is_empty())?;
    let joined = match joined.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder.to_string(),
        _ => joined,
    };
    if joined.is_empty() {
        return None;
    }
    Some(if joined.ends_with(".html") || joined.ends_with('/') {
        joined
    } else {
        format!("{joined}/")
    })
}

/// The id an alias names in `folder` (`levels/`, `pillars/`): `senior` for
/// `levels/senior/`, as written in front-matter or normalised ([`normalize_alias`]); `None`
/// for an alias elsewhere, or deeper, or that is no id. What a renamed level or pillar was
/// called, so that its sections answer to the old id too.
pub fn former_id(alias: &str, folder: &str) -> Option<String> {
    let path = normalize_alias(alias)?;
    let id = id_in(&path, folder)?;
    crate::ids::is_valid_id(id).then(|| id.to_string())
}

/// What a normalised alias names in `folder` (`levels/`): `senior` for `levels/senior/`, as
/// it is written there (not checked to be an id).
pub fn id_in<'a>(path: &'a str, folder: &str) -> Option<&'a str> {
    path.strip_prefix(folder)?.strip_suffix('/')
}

/// For `page`, a site address (`compare/senior/junior/`, as a link names it from the site's
/// root), that names a comparison the ladder does not have (`compared(a, b)` says whether it
/// has the comparison of level `a` with level `b`): the hint for a link to it from a file in
/// `dir`: the comparison the other way round, if the ladder has it, else which comparisons
/// there are. `None` for a comparison the ladder has, and for any other page.
pub fn missing_comparison(
    page: &str,
    dir: &str,
    compared: &dyn Fn(&str, &str) -> bool,
) -> Option<String> {
    let (a, b) = page
        .strip_prefix("compare/")?
        .trim_end_matches('/')
        .split_once('/')
        .filter(|(a, b)| crate::ids::is_valid_id(a) && crate::ids::is_valid_id(b))?;
    if compared(a, b) {
        return None;
    }
    Some(if compared(b, a) {
        format!("a comparison goes from the junior level to the senior one: link to `{}`, relative to this file, which check verifies", crate::links::relative_path(dir, &compare(b, a)))
    } else {
        format!("comparisons are between two levels of one track, the junior one first, and between equivalent levels (level ids are the file names in content/levels/): link to `{}`, relative to this file, which check verifies", crate::links::relative_path(dir, "compare/<junior>/<senior>/"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_names_a_former_id_in_its_folder_only() {
        assert_eq!(former_id("levels/ic3/", "levels/").as_deref(), Some("ic3"));
        assert_eq!(
            former_id("/pillars/impact", "pillars/").as_deref(),
            Some("impact")
        );
        assert_eq!(former_id("levels/ic3/", "pillars/"), None);
        assert_eq!(former_id("levels/old/ic3/", "levels/"), None);
        assert_eq!(former_id("levels/IC 3/", "levels/"), None);
    }

    #[test]
    fn expectation_anchors_parse_back_exactly_as_written() {
        assert_eq!(expectation_anchor("craft", 12), "craft--12");
        assert_eq!(parse_expectation_anchor("craft--12"), Some(("craft", 12)));
        for other in [
            "craft",
            "craft--",
            "craft--0",
            "craft--03",
            "craft--+3",
            "craft--x",
        ] {
            assert_eq!(parse_expectation_anchor(other), None, "{other}");
        }
    }

    #[test]
    fn the_url_scheme_is_the_contract() {
        assert_eq!(overview(), "");
        assert_eq!(track("ic"), "tracks/ic/");
        assert_eq!(level("senior-engineer"), "levels/senior-engineer/");
        assert_eq!(pillar("craft"), "pillars/craft/");
        assert_eq!(compare("a", "b"), "compare/a/b/");
        assert_eq!(compare_index(), "compare/");
        assert_eq!(changes(), "changes/");
        assert_eq!(page("guides/promotions"), "guides/promotions/");
        assert_eq!(expectation_anchor("craft", 3), "craft--3");
    }

    #[test]
    fn roots_and_aliases() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("levels/x/"), "../../");
        assert_eq!(root_of("compare/a/b/"), "../../../");
        assert_eq!(root_of("404.html"), "");
        assert_eq!(
            normalize_alias("/old/senior").as_deref(),
            Some("old/senior/")
        );
        assert_eq!(normalize_alias("old.html").as_deref(), Some("old.html"));
        assert_eq!(normalize_alias("../x"), None);
        assert_eq!(normalize_alias("/"), None);
        // A folder's page is the folder; what no static host could answer is no alias.
        assert_eq!(
            normalize_alias("levels/keeper/index.html").as_deref(),
            Some("levels/keeper/")
        );
        assert_eq!(normalize_alias("index.html"), None);
        for raw in [
            "https://coast.example/levels/keeper/",
            "//coast.example/levels/keeper/",
            "levels/keeper/?from=mail",
            "levels/keeper/#lamps",
            "levels/lamp keeper/",
            "levels/lamp%20keeper/",
            "levels\\keeper\\",
        ] {
            assert_eq!(normalize_alias(raw), None, "{raw}");
        }
    }
}
