//! `book.toml`: the site settings, mirrored as types (its keys as written are
//! [`crate::frontmatter::keys::BookToml`]).
//!
//! The file's shape is fixed by the contract (`[book]`, `[build]`, `[output.html]`); every
//! unknown key or table is an error naming it, because a typo must not be silently ignored.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::frontmatter::keys::{self, BookTable, BookToml, BuildTable, HtmlTable, OutputTable};
use crate::frontmatter::{parse_table, TableReader};
use std::path::{Path, PathBuf};

/// The settings of one ladder, read from `book.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `[book] title`: the site's name, shown in every page's header. Required.
    pub title: String,
    /// `[book] description`: one sentence for the overview page and `<meta name=description>`.
    pub description: Option<String>,
    /// `[book] language`: the BCP 47 language tag for `<html lang>`; default `en`.
    pub language: String,
    /// `[build] build-dir`: where `build` writes the site, relative to `book.toml`;
    /// default `book`.
    pub build_dir: PathBuf,
    /// Where `book.toml` sets `build-dir` (1-based line and column of the key), for errors
    /// about it; `None` when it does not.
    pub build_dir_at: Option<(usize, usize)>,
    /// `[build] release-tags`: the git tags that are releases of the ladder, as a git
    /// pattern (`*` any characters, `?` one, `[...]` a class); default `v*`. The site's
    /// `/changes/` page lists them (see [`crate::releases`]); `""` turns releases off, so
    /// `build` never runs git.
    pub release_tags: String,
    /// `[output.html] site-url`: the sub-path the site is served under, always starting and
    /// ending with `/`; default `/`. Only pages that can be reached at any address (`404.html`)
    /// use it: every other internal link is relative.
    pub site_url: String,
    /// `[output.html] cumulative`: each level includes everything below it on its track, so
    /// a level page can show what it inherits and a comparison reads "not restated" as
    /// "still expected". Default `false`; a track's front-matter can override it.
    pub cumulative: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: String::new(),
            description: None,
            language: "en".into(),
            build_dir: PathBuf::from("book"),
            build_dir_at: None,
            release_tags: "v*".into(),
            site_url: "/".into(),
            cumulative: false,
        }
    }
}

/// The file name of a ladder's settings.
pub const FILE_NAME: &str = "book.toml";

impl Config {
    /// Reads `book.toml` in `root`.
    ///
    /// # Errors
    /// A missing or unreadable file, TOML syntax, unknown keys and tables, wrong types and a
    /// missing `[book] title`: all of them, each with its position in `book.toml`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(FILE_NAME);
        let text = match crate::files::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                // The ladder's `content/` folder passed for the ladder itself (`.` or
                // `content` too: the name is read from the full path).
                let full = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
                let ladder = full
                    .parent()
                    .filter(|_| full.file_name().is_some_and(|n| n == "content"))
                    .filter(|p| p.join(FILE_NAME).is_file());
                let hint = if let Some(ladder) =
                    ladder.filter(|_| e.kind() == std::io::ErrorKind::NotFound)
                {
                    format!(
                        "this is the ladder's content/ folder: pass the folder that holds book.toml, `{}`",
                        ladder.display()
                    )
                } else if e.kind() == std::io::ErrorKind::NotFound && root.join("content").is_dir()
                {
                    // A ladder whose book.toml is gone (deleted, or not checked out): `init`
                    // would refuse, as the content is there.
                    "book.toml is missing beside content/: put it back (`git checkout book.toml` if the ladder is in Git), or write a new one; `title = \"…\"` is all it needs".to_string()
                } else if e.kind() == std::io::ErrorKind::NotFound {
                    format!("is `{}` a ladder? run `ladderbook init` to start one, or pass the folder that holds book.toml", root.display())
                } else if e.kind() == std::io::ErrorKind::InvalidInput {
                    "replace it with a regular file".to_string()
                } else {
                    "check the file's permissions and that it is UTF-8 text".to_string()
                };
                return Err(vec![Diagnostic::error(
                    "io",
                    FILE_NAME,
                    (1, 1),
                    format!("cannot read {}: {e}", path.display()),
                    hint,
                )]);
            }
        };
        Self::parse(&SourceFile::new(FILE_NAME, text))
    }

    /// Parses the text of a `book.toml`; see [`Config::load`].
    pub fn parse(file: &SourceFile) -> Result<Config, Vec<Diagnostic>> {
        let table = parse_table(file, &file.text, 0)?;
        let mut config = Config::default();
        let mut diags = Vec::new();

        let mut top = TableReader::new(file, 0, table.get_ref(), 0, "book.toml");
        top.deny_unknown(keys::names::<BookToml>());
        let book = top.table("book");
        let build = top.table("build");
        let output = top.table("output");
        if book.is_none() && !top.diagnostics.iter().any(|d| d.message.contains("`book`")) {
            top.diagnostics.push(file.error(
                "missing-key",
                0,
                "book.toml has no [book] table with the site's title",
                "add\n\n    [book]\n    title = \"Acme Engineering Ladder\"\n",
            ));
        }
        diags.append(&mut top.diagnostics);

        if let Some((t, at)) = book {
            let (book, mut d) = keys::read::<BookTable>(file, 0, t, at);
            if let Some(book) = book {
                config.title = book.title;
                config.description = book.description;
                if let Some(language) = book.language {
                    config.language = language;
                }
            }
            diags.append(&mut d);
        }
        if let Some((t, at)) = build {
            let (build, mut d) = keys::read::<BuildTable>(file, 0, t, at);
            let build = build.unwrap_or_default();
            if let Some(dir) = build.build_dir {
                config.build_dir = PathBuf::from(dir);
                config.build_dir_at = t
                    .iter()
                    .find(|(k, _)| k.get_ref() == "build-dir")
                    .map(|(k, _)| file.position(k.span().start));
            }
            if let Some(tags) = build.release_tags {
                config.release_tags = tags;
            }
            diags.append(&mut d);
        }
        if let Some((t, at)) = output {
            let mut r = TableReader::new(file, 0, t, at, "[output]");
            r.deny_unknown(keys::names::<OutputTable>());
            let html = r.table("html");
            diags.append(&mut r.diagnostics);
            if let Some((t, at)) = html {
                let (html, mut d) = keys::read::<HtmlTable>(file, 0, t, at);
                let html = html.unwrap_or_default();
                if let Some(url) = html.site_url {
                    if let Some(host) = host_without_scheme(&url) {
                        let at = t
                            .iter()
                            .find(|(k, _)| k.get_ref() == "site-url")
                            .map_or(0, |(_, v)| v.span().start);
                        let rest = url.trim()[host.len()..].trim_matches('/');
                        let path = if rest.is_empty() {
                            String::new()
                        } else {
                            format!("{rest}/")
                        };
                        d.push(file.error(
                            "bad-site-url",
                            at,
                            format!("`site-url` starts with a host name, `{host}`, but no scheme: it would be read as a path, and every link would lead to /{host}/…"),
                            format!("write the whole address, site-url = \"https://{}/\", or only the path, site-url = \"/{path}\"", url.trim().trim_end_matches('/')),
                        ));
                    }
                    config.site_url = normalize_site_url(&url);
                }
                if let Some(cumulative) = html.cumulative {
                    config.cumulative = cumulative;
                }
                diags.append(&mut d);
            }
        }
        if diags.is_empty() {
            Ok(config)
        } else {
            Err(diags)
        }
    }
}

/// The path a site-url (as [`normalize_site_url`] writes it) gives the site under its host,
/// without its leading slash: `docs/ladder/` for `/docs/ladder/` or
/// `https://host/docs/ladder/`; `None` at the root.
pub fn site_url_path(site_url: &str) -> Option<String> {
    let path = match site_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => site_url,
    };
    let path = path.trim_start_matches('/');
    (!path.is_empty()).then(|| path.to_string())
}

/// The host a site-url written without its scheme starts with (`intranet.example.com` in
/// `intranet.example.com/ladders/`, `localhost:8080` in `localhost:8080/`): a first part of
/// the path, written without a leading slash, that has a port or ends in a dot and letters
/// (a top-level domain, RFC 1034), as no folder of a site is named.
fn host_without_scheme(raw: &str) -> Option<&str> {
    let raw = raw.trim();
    if raw.starts_with('/') || raw.contains("://") {
        return None;
    }
    let first = raw.split('/').next().unwrap_or_default();
    let name = first.split(':').next().unwrap_or_default();
    let tld = name.rsplit_once('.').is_some_and(|(rest, tld)| {
        !rest.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
    });
    let port = first
        .split_once(':')
        .is_some_and(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (tld || port).then_some(first)
}

/// `"docs/ladder"` → `"/docs/ladder/"`: a leading and a trailing slash, whatever was written.
/// A full URL (`https://host/path`) keeps its scheme and host and gets the trailing slash.
fn normalize_site_url(raw: &str) -> String {
    let trimmed = raw.trim().trim_end_matches('/');
    if trimmed.contains("://") {
        format!("{trimmed}/")
    } else {
        let inner = trimmed.trim_start_matches('/');
        if inner.is_empty() {
            "/".into()
        } else {
            format!("/{inner}/")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Author check 48 A48-06: a site-url that starts with a host but no scheme was read as a
    /// path, and the built site's links led to `/intranet.example.com/…`.
    #[test]
    fn a_site_url_with_a_host_but_no_scheme_is_an_error() {
        let e = parse("[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"intranet.example.com/ladders/data\"\n").unwrap_err();
        assert_eq!(e[0].code, "bad-site-url");
        assert_eq!((e[0].line, e[0].column), (4, 12), "{:?}", e[0]);
        assert!(e[0].hint.contains("site-url = \"https://intranet.example.com/ladders/data/\", or only the path, site-url = \"/ladders/data/\""), "{}", e[0].hint);
        for fine in [
            "ladder",
            "/docs/v1.2/",
            "docs/ladder",
            "https://host.example.com/x/",
            "/",
        ] {
            let toml = format!("[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"{fine}\"\n");
            assert!(parse(&toml).is_ok(), "{fine}");
        }
        assert!(
            parse("[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"localhost:8080/\"\n")
                .is_err()
        );
    }

    /// Review 34 R34-12: a site-url written as a whole address names its path too.
    #[test]
    fn a_site_urls_path_is_read_from_a_whole_address_too() {
        let path = |raw: &str| site_url_path(&normalize_site_url(raw));
        assert_eq!(
            path("https://intranet.example/crew/").as_deref(),
            Some("crew/")
        );
        assert_eq!(path("https://intranet.example"), None);
        assert_eq!(
            path("/fernhill/ladder").as_deref(),
            Some("fernhill/ladder/")
        );
        assert_eq!(path("/"), None);
    }

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(&SourceFile::new("book.toml", text.to_string()))
    }

    #[test]
    fn reads_every_key() {
        let c = parse("[book]\ntitle = \"T\"\nlanguage = \"de\"\n[build]\nbuild-dir = \"out\"\nrelease-tags = \"release-*\"\n[output.html]\nsite-url = \"ladder\"\n").unwrap();
        assert_eq!(c.release_tags, "release-*");
        assert_eq!(Config::default().release_tags, "v*");
        assert_eq!(c.title, "T");
        assert_eq!(c.language, "de");
        assert_eq!(c.build_dir, PathBuf::from("out"));
        assert_eq!(c.site_url, "/ladder/");
    }

    #[test]
    fn unknown_keys_and_missing_title_are_all_reported() {
        let e = parse("[book]\ntitel = \"T\"\n[output.html]\nsite_url = \"/\"\n").unwrap_err();
        let codes: Vec<_> = e.iter().map(|d| (d.code, d.line)).collect();
        assert!(codes.contains(&("unknown-key", 2)), "{codes:?}");
        assert!(codes.contains(&("unknown-key", 4)), "{codes:?}");
        // `titel` is reported as a likely typo of `title`, so its absence is not reported twice.
        assert!(!codes.iter().any(|c| c.0 == "missing-key"), "{codes:?}");
        let e = parse("[book]\ndescription = \"x\"\n").unwrap_err();
        assert_eq!(e[0].code, "missing-key");
    }
}
