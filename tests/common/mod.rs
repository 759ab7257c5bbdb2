//! Helpers shared by the integration tests: running the binary, converting a real ladder
//! into the contract's layout, checking every link of a built site, and reading pages the
//! way a reader does (text, not markup).
#![allow(dead_code)]

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The repository root (where the example ladder lives).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/real-ladders/`: real companies' ladders, byte for byte, each with its
/// licence (attribution table in its README.md).
pub fn real_ladders() -> PathBuf {
    repo().join("tests/fixtures/real-ladders")
}

/// The built binary, ready to run.
pub fn ladderbook() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("ladderbook").expect("the ladderbook binary is built")
}

/// Builds the example ladder in this repository into `dest`, which must succeed.
pub fn build_example(dest: &Path) {
    ladderbook()
        .arg("build")
        .arg(repo())
        .arg("-d")
        .arg(dest)
        .assert()
        .success();
}

/// Copies a ladder's sources (book.toml, content/, templates/, static/) into `dst`.
pub fn copy_ladder(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).unwrap();
    fs::copy(src.join("book.toml"), dst.join("book.toml")).unwrap();
    for dir in ["content", "templates", "static"] {
        if src.join(dir).is_dir() && !(src == repo() && dir != "content") {
            copy_dir(&src.join(dir), &dst.join(dir));
        }
    }
}

/// Recursively copies `src` into `dst`.
pub fn copy_dir(src: &Path, dst: &Path) {
    for e in walkdir::WalkDir::new(src) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(src).unwrap();
        let target = dst.join(rel);
        if e.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, to compare a build-dir before and after.
pub fn snapshot_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// [`snapshot_tree`] of a build-dir without the manifest of what the build wrote
/// (`.ladderbook-files`: inode numbers and times, which differ from one build to the next):
/// the site as it is published, to compare two builds.
pub fn site_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = snapshot_tree(dir);
    files.remove(Path::new(".ladderbook-files"));
    files
}

/// One expectation of a converted ladder: where it belongs and its text.
#[derive(Debug, Clone)]
pub struct SourceExpectation {
    pub level: String,
    pub pillar: String,
    pub text: String,
}

/// A slug for ids in converted ladders: lowercase ASCII words joined by single hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Converts a one-document ladder of the shape `# Title` / `## Level` / `### Pillar` /
/// `- expectation` (Codecademy's) into the contract's layout in `out`, keeping every word:
/// text before the first pillar of a level becomes the level's description, text before the
/// first level a free page. Returns every expectation with its level and pillar.
pub fn convert_headings_ladder(src: &Path, out: &Path, track: &str) -> Vec<SourceExpectation> {
    let text = fs::read_to_string(src).unwrap();
    let mut title = String::from("Ladder");
    let mut intro = String::new();
    // (level title, description, [(pillar title, body)])
    type Level = (String, String, Vec<(String, String)>);
    let mut levels: Vec<Level> = Vec::new();
    for line in text.lines() {
        if let Some(t) = line.strip_prefix("# ") {
            title = t.trim().to_string();
        } else if let Some(l) = line.strip_prefix("## ") {
            levels.push((l.trim().to_string(), String::new(), Vec::new()));
        } else if let Some(p) = line.strip_prefix("### ") {
            levels
                .last_mut()
                .unwrap()
                .2
                .push((p.trim().to_string(), String::new()));
        } else {
            match levels.last_mut() {
                None => intro.push_str(&format!("{line}\n")),
                Some((_, desc, pillars)) => match pillars.last_mut() {
                    None => desc.push_str(&format!("{line}\n")),
                    Some((_, body)) => body.push_str(&format!("{line}\n")),
                },
            }
        }
    }
    let c = out.join("content");
    for d in ["tracks", "levels", "pillars", "competencies"] {
        fs::create_dir_all(c.join(d)).unwrap();
    }
    fs::write(
        out.join("book.toml"),
        format!("[book]\ntitle = {title:?}\n"),
    )
    .unwrap();
    fs::write(
        c.join("about.md"),
        format!("+++\ntitle = \"About this ladder\"\n+++\n{intro}"),
    )
    .unwrap();
    fs::write(
        c.join(format!("tracks/{track}.md")),
        format!("+++\ntitle = {title:?}\n+++\n"),
    )
    .unwrap();
    let mut pillar_order: Vec<String> = Vec::new();
    let mut expectations = Vec::new();
    for (rank, (level, desc, pillars)) in levels.iter().enumerate() {
        let lid = slug(level);
        fs::write(
            c.join(format!("levels/{lid}.md")),
            format!("+++\ntitle = {level:?}\nrank = {}\n+++\n{desc}", rank + 1),
        )
        .unwrap();
        fs::create_dir_all(c.join(format!("competencies/{lid}"))).unwrap();
        for (pillar, body) in pillars {
            let pid = slug(pillar);
            if !pillar_order.contains(&pid) {
                pillar_order.push(pid.clone());
                fs::write(
                    c.join(format!("pillars/{pid}.md")),
                    format!(
                        "+++\ntitle = {pillar:?}\norder = {}\n+++\n",
                        pillar_order.len()
                    ),
                )
                .unwrap();
            }
            fs::write(
                c.join(format!("competencies/{lid}/{pid}.md")),
                format!("+++\nlevel = {lid:?}\npillar = {pid:?}\n+++\n{body}"),
            )
            .unwrap();
            for item in body.lines().filter_map(|l| l.strip_prefix("- ")) {
                expectations.push(SourceExpectation {
                    level: lid.clone(),
                    pillar: pid.clone(),
                    text: item.to_string(),
                });
            }
        }
    }
    expectations
}

/// What a reader reads of some HTML or Markdown: tags dropped, entities decoded, punctuation
/// (which smart punctuation may curl) and case ignored, whitespace collapsed. Words only.
pub fn words(html_or_md: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html_or_md.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The HTML of one level's column in a comparison section: `side` is `"a"` (the left, lower
/// level) or `"b"`; every row's side of that level, then the expectations carried over word
/// for word (which are both levels').
pub fn column(section_html: &str, side: &str) -> String {
    let open = format!("<div class=\"side side-{side}\">");
    let mut out = String::new();
    for part in section_html.split(&open).skip(1) {
        let end = [
            "<div class=\"side ",
            "<li class=\"pair",
            "</ol>",
            "<details",
        ]
        .iter()
        .filter_map(|m| part.find(m))
        .min()
        .unwrap_or(part.len());
        out.push_str(&part[..end]);
        out.push('\n');
    }
    if let Some(i) = section_html.find("<ul class=\"carried-list\">") {
        out.push_str(&section_html[i..]);
    }
    out
}

/// The words of a Markdown fragment as rendered (so `**x**` reads as `x`).
pub fn md_words(md: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    words(&html)
}

/// The part of `html` from the element with `id="{id}"` up to the next occurrence of
/// `until` (or the end of `<main>`).
pub fn section<'a>(html: &'a str, id: &str, until: &str) -> &'a str {
    let marker = format!("id=\"{id}\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no element with {marker}"));
    let rest = &html[start + marker.len()..];
    let end = rest
        .find(until)
        .or_else(|| rest.find("</main>"))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// A page of the built site, by address (`levels/x/`).
pub fn page(site: &Path, address: &str) -> String {
    let path = if address.is_empty() || address.ends_with('/') {
        site.join(address).join("index.html")
    } else {
        site.join(address)
    };
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&pat) {
        rest = &rest[i + pat.len()..];
        if let Some(end) = rest.find('"') {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// Checks every internal link and anchor of the site in `site`. Returns the broken ones as
/// `page: href` lines. Absolute paths (`/x`) count as broken: the site must work under any
/// sub-path, so only `404.html` may use them.
pub fn broken_links(site: &Path) -> Vec<String> {
    broken_links_under(site, "/")
}

/// [`broken_links`] for a site whose `site-url` is `site_url` (used by `404.html` only).
pub fn broken_links_under(site: &Path, site_url: &str) -> Vec<String> {
    let mut ids: BTreeMap<PathBuf, HashSet<String>> = BTreeMap::new();
    let mut pages: Vec<(PathBuf, String)> = Vec::new();
    for e in walkdir::WalkDir::new(site).into_iter().map(|e| e.unwrap()) {
        if e.path().extension().is_some_and(|x| x == "html") {
            let html = fs::read_to_string(e.path()).unwrap();
            ids.insert(
                e.path().to_path_buf(),
                attr_values(&html, "id")
                    .into_iter()
                    .map(|s| s.to_string())
                    .collect(),
            );
            pages.push((e.path().to_path_buf(), html));
        }
    }
    let mut broken = Vec::new();
    for (path, html) in &pages {
        let is_404 = path.file_name().is_some_and(|n| n == "404.html");
        let links = attr_values(html, "href")
            .into_iter()
            .chain(attr_values(html, "src"))
            .chain(
                // <meta http-equiv="refresh" content="0; url=...">
                attr_values(html, "content")
                    .into_iter()
                    .filter_map(|c| c.strip_prefix("0; url=")),
            );
        for href in links {
            if href.contains("://") || href.starts_with("mailto:") {
                continue;
            }
            let href = href.replace("&amp;", "&");
            let (target, anchor) = match href.split_once('#') {
                Some((t, a)) => (t.to_string(), Some(a.to_string())),
                None => (href.clone(), None),
            };
            let file = if target.is_empty() {
                path.clone()
            } else if target.starts_with('/') {
                match target.strip_prefix(site_url) {
                    Some(inside) if is_404 => site.join(inside),
                    _ => {
                        broken.push(format!("{}: {href} (absolute)", path.display()));
                        continue;
                    }
                }
            } else {
                path.parent().unwrap().join(&target)
            };
            let file = normalize(&file);
            let file = if file.is_dir() {
                file.join("index.html")
            } else {
                file
            };
            if !file.is_file() {
                broken.push(format!("{}: {href}", path.display()));
                continue;
            }
            if let Some(a) = anchor {
                if file.extension().is_some_and(|x| x == "html")
                    && !ids.get(&file).is_some_and(|s| s.contains(&a))
                {
                    broken.push(format!("{}: {href} (no anchor)", path.display()));
                }
            }
        }
    }
    broken
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// A small deterministic generator (xorshift64*) for the fuzz and soak tests: the same cases
/// on every run from the same seed.
pub struct Random(pub u64);

impl Random {
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }

    /// A char boundary of `s`, at random.
    pub fn boundary(&mut self, s: &str) -> usize {
        let mut i = self.below(s.len() + 1);
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// `text` mutated 1 to 6 times: one of `pieces` spliced in, a stretch of up to
    /// `max_cut` bytes deleted, or a line doubled, each at a random char boundary.
    pub fn mutate(&mut self, text: &str, pieces: &[&str], max_cut: usize) -> String {
        let mut text = text.to_string();
        for _ in 0..1 + self.below(6) {
            let at = self.boundary(&text);
            match self.below(4) {
                0 => {
                    let mut to = (at + self.below(max_cut)).min(text.len());
                    while !text.is_char_boundary(to) {
                        to -= 1;
                    }
                    text.replace_range(at..to, "");
                }
                1 => {
                    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
                    let line = text[start..end].to_string();
                    text.insert_str(end, &line);
                }
                _ => text.insert_str(at, pieces[self.below(pieces.len())]),
            }
        }
        text
    }
}

/// A free port on 127.0.0.1, for a server a test starts.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A `ladderbook serve` a test started, on `port`, serving a ladder in `dir`; stopped when
/// dropped, whatever the test did.
pub struct Server {
    pub child: std::process::Child,
    pub port: u16,
    /// Holds the ladder (and whatever else the test keeps beside it).
    pub dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Builds a copy of the example ladder after `edits`, each (file under the ladder, text it
/// holds, text to put in its place), and returns the folder that holds both (dropped with it)
/// and the built site.
pub fn build_edited_example(edits: &[(&str, &str, &str)]) -> (tempfile::TempDir, PathBuf) {
    build_example_after(|ladder| {
        for (file, from, to) in edits {
            let path = ladder.join(file);
            let text = fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{file}: {from}");
            fs::write(&path, text.replacen(from, to, 1)).unwrap();
        }
    })
}

/// Builds a copy of the example ladder after `change` (given the copy's folder), and returns
/// the folder that holds both (dropped with it) and the built site.
pub fn build_example_after(change: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("ladder");
    copy_ladder(&repo(), &ladder);
    change(&ladder);
    let site = tmp.path().join("site");
    ladderbook()
        .arg("build")
        .arg(&ladder)
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    (tmp, site)
}

/// Level `id` of the `ladder.json` a build wrote into `site`, as JSON.
pub fn ladder_json_level(site: &Path, id: &str) -> serde_json::Value {
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("ladder.json")).unwrap()).unwrap();
    data["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .unwrap_or_else(|| panic!("no level {id} in ladder.json"))
        .clone()
}
