//! Link destinations in content files: which are external, which name a file under
//! `content/`, and the content path a relative link leads to.

/// True when a link destination may name a file under `content/`, and so may need rewriting
/// to a site address: not empty, not absolute (`/…`) and not external (a scheme such as
/// `https:` or `mailto:`; see [`is_external`]).
pub fn is_relative_link(dest: &str) -> bool {
    !(dest.is_empty() || is_external(dest) || dest.starts_with('/'))
}

/// Resolves the relative link path `rel` against the folder `dir` (both `/`-separated paths
/// under `content/`; `""` is `content/` itself), normalising `.` and `..`. `None` when the
/// result would leave `content/`.
pub fn resolve_relative(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The relative link from a file in the folder `from_dir` to the content path `to` (both
/// `/`-separated under `content/`, `""` being `content/` itself): the inverse of
/// [`resolve_relative`], with as few `..` as the two paths need.
pub fn relative_path(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|p| !p.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let (to_dirs, _) = to_parts.split_at(to_parts.len() - 1);
    let shared = from.iter().zip(to_dirs).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; from.len() - shared];
    out.extend(&to_parts[shared..]);
    out.join("/")
}

/// True for `https://…`, `mailto:…`, `//host/…`: anything with a URL scheme (RFC 3986 §3.1).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// The folder part of a content path (`levels/a.md` → `levels`, `a.md` → `""`).
pub fn parent_dir(content_path: &str) -> &str {
    content_path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Decodes `%XX` escapes in a link path (RFC 3986 §2.1); invalid escapes are kept as
/// written and invalid UTF-8 is replaced, so a link always resolves to some path to check.
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relative_path_between_two_files_resolves_back() {
        for (from, to, want) in [
            ("promotions.md", "levels/senior.md", "levels/senior.md"),
            ("levels/a.md", "levels/b.md", "b.md"),
            ("levels/a.md", "pillars/craft.md", "../pillars/craft.md"),
            ("competencies/a/craft.md", "about.md", "../../about.md"),
            (
                "competencies/a/craft.md",
                "competencies/b/craft.md",
                "../b/craft.md",
            ),
        ] {
            let rel = relative_path(parent_dir(from), to);
            assert_eq!(rel, want, "{from} → {to}");
            assert_eq!(
                resolve_relative(parent_dir(from), &rel).as_deref(),
                Some(to)
            );
        }
    }

    #[test]
    fn joins_relative_paths_inside_content() {
        assert_eq!(
            resolve_relative(parent_dir("levels/a.md"), "../pillars/b.md").as_deref(),
            Some("pillars/b.md")
        );
        assert_eq!(
            resolve_relative(parent_dir("a.md"), "levels/b.md").as_deref(),
            Some("levels/b.md")
        );
        assert_eq!(resolve_relative(parent_dir("a.md"), "../../x.md"), None);
    }

    #[test]
    fn external_links_are_left_alone() {
        assert!(is_external("https://example.com"));
        assert!(is_external("mailto:a@b.c"));
        assert!(!is_external("levels/a.md"));
        assert!(!is_external("a.md#x:y"));
    }
}
