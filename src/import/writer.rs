//! Writing an import: every file's text (front-matter and Markdown, links rewritten to the new
//! paths); [`super::place`] puts the files in place.

use super::model::{Anchor, CellBlock, FileRef, GuessKind, Ladder, Md, Target};
use crate::frontmatter::keys::{
    front_matter, BookTable, BookToml, CompetencyKeys, LevelKeys, PageKeys, PillarKeys, TrackKeys,
};
use crate::frontmatter::Located;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One file of the output, by its path under the output folder.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Path with `/` separators (`content/levels/l3.md`).
    pub path: String,
    /// Contents.
    pub text: String,
}

/// The files of an import, ready to write.
#[derive(Debug, Default)]
pub struct Output {
    /// Text files.
    pub files: Vec<OutFile>,
    /// Files copied as they are: (source on disk, path under the output folder).
    pub copies: Vec<(PathBuf, String)>,
}

/// Where links are resolved: the import root on disk, and the final path of every file.
pub struct Paths<'a> {
    /// The folder imported (for a single file: its folder).
    pub root: &'a Path,
    /// Output path (under `content/`) of each track, level and page.
    pub files: HashMap<FileRef, String>,
    /// Pillar id of each (level uid, cell index).
    pub cells: HashMap<(usize, usize), String>,
}

/// Renders the whole ladder into files.
pub fn render(ladder: &mut Ladder, paths: &Paths) -> Output {
    let mut out = Output::default();
    let language = super::language::of(ladder.docs.iter().map(|d| d.text.as_str()));
    if let (Some(tag), Some(first)) = (language, ladder.docs.first()) {
        let said = format!("the text is mostly in a script only one language writes: `language = \"{tag}\"` in book.toml, for the pages' `lang` (change it if that is wrong)");
        let at = first.loc_line(1);
        ladder.guess(GuessKind::Structure, at, said);
    }
    let book = BookToml {
        book: BookTable {
            title: ladder.title.clone(),
            description: ladder.description.clone(),
            language: language.map(str::to_string),
        },
        build: None,
        output: None,
    };
    out.files.push(OutFile {
        path: "book.toml".into(),
        text: format!("{}\n", front_matter(&book)),
    });
    let mut copies: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut guesses = Vec::new();
    let mut files: Vec<OutFile> = Vec::new();
    {
        let mut ctx = Ctx {
            ladder: &*ladder,
            paths,
            copies: &mut copies,
            guesses: &mut guesses,
        };
        for (ti, t) in ladder.tracks.iter().enumerate() {
            let path = format!("tracks/{}.md", t.final_id);
            let fm = front_matter(&TrackKeys {
                title: t.title.clone(),
                order: Some(ti as i64 + 1),
                cumulative: None,
                aliases: Vec::new(),
            });
            let body = ctx.mds(&t.description, &path);
            files.push(OutFile {
                path: format!("content/{path}"),
                text: page(&fm, &body),
            });
            for l in &t.levels {
                let path = format!("levels/{}.md", l.final_id);
                let fm = front_matter(&LevelKeys {
                    title: l.title.clone(),
                    rank: Located::unplaced(l.final_rank),
                    track: Some(Located::unplaced(t.final_id.clone())),
                    // A title that is only its code (`# L1`) needs no code beside it.
                    code: l.code.clone().filter(|c| *c != l.title),
                    summary: None,
                    equivalent: l
                        .equivalents
                        .iter()
                        .filter_map(|u| {
                            ladder
                                .level(*u)
                                .map(|(_, x)| Located::unplaced(x.final_id.clone()))
                        })
                        .collect(),
                    aliases: Vec::new(),
                });
                let body = ctx.mds(&l.description, &path);
                files.push(OutFile {
                    path: format!("content/{path}"),
                    text: page(&fm, &body),
                });
                for c in &l.cells {
                    let pillar = &ladder.pillars[c.pillar];
                    let path = format!("competencies/{}/{}.md", l.final_id, pillar.final_id);
                    let fm = front_matter(&CompetencyKeys {
                        level: Located::unplaced(l.final_id.clone()),
                        pillar: Located::unplaced(pillar.final_id.clone()),
                    });
                    let body = ctx.cell(&c.blocks, &path);
                    files.push(OutFile {
                        path: format!("content/{path}"),
                        text: page(&fm, &body),
                    });
                }
            }
        }
        for (i, p) in ladder.pillars.iter().enumerate() {
            let path = format!("pillars/{}.md", p.final_id);
            let fm = front_matter(&PillarKeys {
                title: p.title.clone(),
                order: Some(i as i64 + 1),
                aliases: Vec::new(),
            });
            let body = ctx.mds(&p.description, &path);
            files.push(OutFile {
                path: format!("content/{path}"),
                text: page(&fm, &body),
            });
        }
        for (i, p) in ladder.pages.iter().enumerate() {
            let path = format!("{}.md", p.final_id);
            let fm = front_matter(&PageKeys {
                title: p.title.clone(),
                weight: Some(i as i64 + 1),
                aliases: Vec::new(),
            });
            let body = ctx.mds(&p.body, &path);
            files.push(OutFile {
                path: format!("content/{path}"),
                text: page(&fm, &body),
            });
        }
    }
    footnotes::place(ladder, &mut files);
    out.files.extend(files);
    for g in guesses {
        ladder.guesses.push(g);
    }
    out.copies = copies
        .into_iter()
        .map(|(rel, src)| (src, format!("content/{rel}")))
        .collect();
    out
}

mod footnotes;
mod headings;
use headings::sections_under_title;

fn page(front: &str, body: &str) -> String {
    if body.trim().is_empty() {
        format!("+++\n{front}\n+++\n")
    } else {
        format!(
            "+++\n{front}\n+++\n\n{}\n",
            sections_under_title(body).trim_end()
        )
    }
}

struct Ctx<'a> {
    ladder: &'a Ladder,
    paths: &'a Paths<'a>,
    copies: &'a mut BTreeMap<String, PathBuf>,
    guesses: &'a mut Vec<super::model::Guess>,
}

impl Ctx<'_> {
    fn mds(&mut self, mds: &[Md], out: &str) -> String {
        mds.iter()
            .map(|m| self.rewrite(m, out))
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn cell(&mut self, blocks: &[CellBlock], out: &str) -> String {
        let mut s = String::new();
        for (i, b) in blocks.iter().enumerate() {
            if i > 0 {
                let prev = &blocks[i - 1];
                s.push_str(if prev.item && b.item && prev.tight {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            s.push_str(self.rewrite(&b.md, out).trim_end());
        }
        s
    }

    /// `md` with every relative link pointed at its file's new path.
    fn rewrite(&mut self, md: &Md, out: &str) -> String {
        let mut text = md.text.clone();
        // Reference definitions the text uses but that sit elsewhere in its source file.
        let mut missing: Vec<String> = Vec::new();
        {
            let mut cb = |b: BrokenLink| {
                missing.push(b.reference.to_lowercase());
                None::<(CowStr, CowStr)>
            };
            let parser = Parser::new_with_broken_link_callback(
                &text,
                crate::markdown::options(),
                Some(&mut cb),
            );
            for _ in parser {}
        }
        if !missing.is_empty() {
            let src = &self.ladder.docs[md.doc].text;
            let defs = Parser::new_ext(src, crate::markdown::options());
            let defs = defs.reference_definitions();
            let mut added = Vec::new();
            for label in &missing {
                if let Some((_, def)) = defs.iter().find(|(k, _)| k.to_lowercase() == *label) {
                    let t = src[def.span.clone()].trim().to_string();
                    if !added.contains(&t) {
                        added.push(t);
                    }
                }
            }
            if !added.is_empty() {
                text.push_str("\n\n");
                text.push_str(&added.join("\n"));
            }
        }
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        // Whether a link was turned into its text (see `no_new_links`).
        let mut unlinked = false;
        let parser = Parser::new_ext(&text, crate::markdown::options()).into_offset_iter();
        // pulldown-cmark keeps the definitions in a hash map: in the order written, so that
        // what the summary says of them comes in one order every time.
        let mut defs: Vec<(String, std::ops::Range<usize>)> = parser
            .reference_definitions()
            .iter()
            .map(|(_, d)| (d.dest.to_string(), d.span.clone()))
            .collect();
        defs.sort_by_key(|(_, span)| span.start);
        for (ev, r) in parser {
            if let Event::Html(html) | Event::InlineHtml(html) = &ev {
                let line = md.line + text[..r.start].matches('\n').count();
                edits.extend(self.html_links(md.doc, html, r.start, out, line));
                continue;
            }
            let (dest, is_image, link_type) = match &ev {
                Event::Start(Tag::Link {
                    dest_url,
                    link_type,
                    ..
                }) => (dest_url.to_string(), false, *link_type),
                Event::Start(Tag::Image {
                    dest_url,
                    link_type,
                    ..
                }) => (dest_url.to_string(), true, *link_type),
                _ => continue,
            };
            if !matches!(link_type, LinkType::Inline)
                || (is_outside(&dest) && self.root_absolute(&dest).is_none())
            {
                let line = md.line + text[..r.start].matches('\n').count();
                self.left_outside(md.doc, &dest, line);
                continue;
            }
            let span = &text[r.clone()];
            let Some(open) = text_end(span, if is_image { 2 } else { 1 }) else {
                continue;
            };
            let line = md.line + text[..r.start].matches('\n').count();
            match self.resolve(md.doc, &dest, out, line) {
                Some(new) => {
                    if let Some(raw) = raw_dest(span, open + 2) {
                        let abs = r.start + raw.0..r.start + raw.1;
                        edits.push((abs, new));
                    }
                }
                None => {
                    let inner = span.get(if is_image { 2 } else { 1 }..open).unwrap_or("");
                    edits.push((r.clone(), inner.to_string()));
                    unlinked = true;
                }
            }
        }
        for (dest, span_r) in defs {
            if is_outside(&dest) && self.root_absolute(&dest).is_none() {
                continue;
            }
            let span = &text[span_r.clone()];
            let Some(colon) = span.find("]:") else {
                continue;
            };
            let line = md.line + text[..span_r.start].matches('\n').count();
            let new = self
                .resolve_as(
                    md.doc,
                    &dest,
                    out,
                    line,
                    "the reference now points at the page itself",
                )
                .unwrap_or_else(|| "#".to_string());
            if let Some(raw) = raw_dest(span, colon + 2) {
                edits.push((span_r.start + raw.0..span_r.start + raw.1, new));
            }
        }
        // Apply from the end, skipping edits inside an edited range.
        edits.sort_by(|a, b| b.0.start.cmp(&a.0.start).then(a.0.end.cmp(&b.0.end)));
        let mut last_start = usize::MAX;
        let mut written: Vec<String> = Vec::new();
        for (range, new) in edits {
            if range.end > last_start {
                continue;
            }
            text.replace_range(range.clone(), &new);
            last_start = range.start;
            written.push(new);
        }
        if unlinked {
            text = no_new_links(text, &written);
        }
        text
    }

    /// The edits to the `<a href>` links of a piece of raw HTML that starts at byte `at` of
    /// the text: each relative one pointed at its file's new path, as Markdown links are
    /// ([`Ctx::resolve`]), or, where it points at nothing the import has, its `href` taken
    /// out, so that its text reads as text (`<a>` without `href` is no link, HTML §4.5.1),
    /// as a Markdown link's text is kept.
    fn html_links(
        &mut self,
        doc: usize,
        html: &str,
        at: usize,
        out: &str,
        line: usize,
    ) -> Vec<(std::ops::Range<usize>, String)> {
        let mut edits = Vec::new();
        for link in crate::sanitize::link_hrefs(html) {
            let dest = link.href.as_str();
            if is_outside(dest) && self.root_absolute(dest).is_none() {
                self.left_outside(doc, dest, line);
                continue;
            }
            let fallback = "its `href` is left out, so that its text reads as text";
            match self.resolve_as(doc, dest, out, line, fallback) {
                Some(new) => {
                    let mut value = String::new();
                    crate::escape::attribute(&mut value, &new);
                    edits.push((at + link.value.start..at + link.value.end, value));
                }
                None => {
                    // With the spaces before it: `<a>`, not `<a >`.
                    let start = html[..link.attribute.start].trim_end().len();
                    edits.push((at + start..at + link.attribute.end, String::new()));
                }
            }
        }
        edits
    }

    /// Says, for a link left as written because it is external or starts from a root outside
    /// the imported folder, when it names a Markdown file: no site serves it as written.
    fn left_outside(&mut self, doc: usize, dest: &str, line: usize) {
        if names_markdown(dest) {
            self.guesses.push(super::model::Guess {
                kind: GuessKind::Link,
                at: self.ladder.docs[doc].loc_line(line),
                text: format!("the link to `{dest}` starts from a root outside the imported folder and names none of its files: kept as written, it will lead nowhere on the site"),
            });
        }
    }

    /// The source file a root-absolute link (`/docs/ladders/eng/junior.md`, as a repository's
    /// pages write links from the repository's root) names: the one file whose path under
    /// the imported folder ends the link's path, with or without its `.md`/`.mdx`. `None`
    /// when no file or more than one does, or for `//host/…`.
    fn root_absolute(&self, dest: &str) -> Option<usize> {
        let path = crate::links::percent_decode(root_path(dest)?);
        let path = path.trim_end_matches('/');
        // `path` ends with `/` and then `name`.
        let ends = |name: &str| {
            path.strip_suffix(name)
                .is_some_and(|head| head.ends_with('/'))
        };
        let mut found = self.ladder.docs.iter().enumerate().filter(|(_, d)| {
            let bare = d
                .rel
                .strip_suffix(".md")
                .or_else(|| d.rel.strip_suffix(".mdx"));
            ends(&d.rel) || bare.is_some_and(ends)
        });
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// The new destination of a relative link in source file `doc`, from output file `out`;
    /// `None` when it points at nothing the import has (the link is then kept as text).
    fn resolve(&mut self, doc: usize, dest: &str, out: &str, line: usize) -> Option<String> {
        self.resolve_as(doc, dest, out, line, "kept as plain text")
    }

    /// The document at `rel`, or written as a site address without its extension
    /// (`guides/cto` for `guides/cto.md`; a folder's `README.md`, `index.md` or `_index.md`;
    /// `guides/cto` for `guides/02-cto.md`, as Docusaurus serves it).
    /// A link ending in `/` (`folder`) names a folder: its index before a file of its name.
    fn page_at(&self, rel: &str, folder: bool) -> Option<usize> {
        let rel = rel.trim_end_matches('/');
        let at = |r: &str| self.ladder.docs.iter().position(|d| d.rel == r);
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if name.contains('.') {
            return at(rel);
        }
        let file = || {
            ["md", "mdx", "markdown"]
                .iter()
                .find_map(|ext| at(&format!("{rel}.{ext}")))
        };
        let index = || {
            let dir = if rel.is_empty() {
                String::new()
            } else {
                format!("{rel}/")
            };
            ["README.md", "index.md", "_index.md"]
                .iter()
                .find_map(|f| at(&format!("{dir}{f}")))
        };
        // Docusaurus drops a number that orders a file (`01-titles-for-bakers.md` is served
        // as `titles-for-bakers`), and links are written so.
        let numbered = || {
            let (dir, _) = rel.rsplit_once('/').unwrap_or(("", rel));
            self.ladder.docs.iter().position(|d| {
                let (d_dir, d_name) = d.rel.rsplit_once('/').unwrap_or(("", d.rel.as_str()));
                let stem = d_name.rsplit_once('.').map_or(d_name, |(s, _)| s);
                let digits =
                    stem.len() - stem.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                d_dir == dir
                    && digits > 0
                    && stem[digits..]
                        .strip_prefix(['-', '_', '.'])
                        .is_some_and(|rest| rest == name)
            })
        };
        if folder {
            index().or_else(file).or_else(numbered)
        } else {
            file().or_else(index).or_else(numbered)
        }
    }

    /// [`Ctx::resolve`], saying in a guess what `fallback` the caller does when it fails.
    fn resolve_as(
        &mut self,
        doc: usize,
        dest: &str,
        out: &str,
        line: usize,
        fallback: &str,
    ) -> Option<String> {
        let source = &self.ladder.docs[doc];
        let (path_part, anchor) = match dest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (dest, None),
        };
        let path_part = path_part.split('?').next().unwrap_or("");
        let target_doc = if path_part.is_empty() {
            Some(doc)
        } else if path_part.starts_with('/') {
            self.root_absolute(dest)
        } else {
            let decoded = crate::links::percent_decode(path_part);
            let joined = crate::links::resolve_relative(source.dir(), &decoded);
            // As written or without its extension: from the page's folder, as GitHub reads it,
            // or else as a site generator's address (`../cto` from `guides/ladder.md`, served
            // at `/guides/ladder/`) from the page's own address, never the page itself.
            let folder = decoded.ends_with('/');
            let own = format!("{}/{}", source.dir(), source.stem());
            let found = joined
                .as_deref()
                .and_then(|j| self.page_at(j, folder))
                .or_else(|| {
                    crate::links::resolve_relative(&own, &decoded)
                        .and_then(|j| self.page_at(&j, folder))
                        .filter(|&i| i != doc)
                });
            match (found, joined) {
                (Some(i), _) => Some(i),
                (None, None) => None,
                (None, Some(j)) => {
                    let on_disk = self.paths.root.join(&j);
                    if on_disk.is_file() && !j.ends_with(".md") {
                        let rel = format!("files/{j}");
                        self.copies.insert(rel.clone(), on_disk);
                        let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                        return Some(format!("{}{anchor}", relative(out, &rel)));
                    }
                    None
                }
            }
        };
        let Some(td) = target_doc else {
            self.guesses.push(super::model::Guess {
                kind: GuessKind::Link,
                at: source.loc_line(line),
                text: format!(
                    "the link to `{dest}` points at a file the import does not have: {fallback}"
                ),
            });
            return None;
        };
        let target: Option<Target> = match anchor.filter(|a| !a.is_empty()) {
            Some(a) => match self.ladder.heading_targets.get(&(td, a.to_string())) {
                Some(t) => Some(t.clone()),
                None => {
                    let t = self.ladder.doc_targets.get(&td).cloned();
                    if t.is_some() {
                        self.guesses.push(super::model::Guess {
                            kind: GuessKind::Link,
                            at: source.loc_line(line),
                            text: format!("the link `{dest}` names an anchor that is not a heading there: it now points at the top of the page"),
                        });
                    }
                    t
                }
            },
            None => self.ladder.doc_targets.get(&td).cloned(),
        };
        let Some(target) = target else {
            self.guesses.push(super::model::Guess {
                kind: GuessKind::Link,
                at: source.loc_line(line),
                text: format!("the link to `{dest}` points at nothing the import kept: {fallback}"),
            });
            return None;
        };
        let file = self.paths.files.get(&target.file)?;
        let anchor = match &target.anchor {
            Anchor::None => String::new(),
            Anchor::Slug(s) => format!("#{s}"),
            Anchor::Cell(i) => match (
                target.file,
                self.paths.cells.get(&(uid_of(target.file), *i)),
            ) {
                (FileRef::Level(_), Some(p)) => format!("#{p}"),
                _ => String::new(),
            },
        };
        Some(format!("{}{anchor}", relative(out, file)))
    }
}

fn uid_of(f: FileRef) -> usize {
    match f {
        FileRef::Track(u) | FileRef::Level(u) | FileRef::Page(u) => u,
    }
}

/// `text` with each inline relative link that the rewrite brought to life made text again.
/// A link inside brackets that are not a link (`[a [b](x.md) c](y.md)`) keeps the outer
/// brackets from being one; once it is turned into plain text, they become a link to `y.md`,
/// relative to the source, that nothing rewrote. Its `[` is escaped, so it reads as in the
/// source; then the text is read again, since an earlier `[` may now pair up (one more pass
/// per level of such nesting). Every inline relative link the rewrite kept has one of the
/// destinations it wrote (`written`).
fn no_new_links(mut text: String, written: &[String]) -> String {
    let written: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
    for _ in 0..text.matches('[').count() {
        let born: Vec<usize> = Parser::new_ext(&text, crate::markdown::options())
            .into_offset_iter()
            .filter_map(|(ev, r)| match ev {
                Event::Start(Tag::Link {
                    dest_url,
                    link_type: LinkType::Inline,
                    ..
                })
                | Event::Start(Tag::Image {
                    dest_url,
                    link_type: LinkType::Inline,
                    ..
                }) if !is_outside(&dest_url) && !written.contains(&*dest_url) => {
                    text[r.clone()].find('[').map(|i| r.start + i)
                }
                _ => None,
            })
            .collect();
        if born.is_empty() {
            break;
        }
        for at in born.into_iter().rev() {
            text.insert(at, '\\');
        }
    }
    text
}

/// The path of a root-absolute link (`/docs/x.md#a` → `/docs/x.md`), without its fragment or
/// query; `None` for any other link, `//host/…` included.
fn root_path(dest: &str) -> Option<&str> {
    (dest.starts_with('/') && !dest.starts_with("//"))
        .then(|| dest.split(['#', '?']).next().unwrap_or(""))
}

/// True for a root-absolute link to a Markdown file (`/docs/x.md`, `/docs/x.md#a`), which no
/// site serves as written.
fn names_markdown(dest: &str) -> bool {
    root_path(dest).is_some_and(|p| p.ends_with(".md") || p.ends_with(".mdx"))
}

/// Links ladderbook leaves alone: with a scheme, site-absolute, or empty.
fn is_outside(dest: &str) -> bool {
    dest.is_empty() || dest.starts_with('/') || crate::links::is_external(dest)
}

/// Where the text of the inline link or image `span` ends: the `](` after its text, which
/// starts at `from` (after `[` or `![`). Brackets nest, a backslash escapes, and code spans
/// are skipped; a `](` in the destination (`(#a[b](c))`) is not the one.
fn text_end(span: &str, from: usize) -> Option<usize> {
    let bytes = span.as_bytes();
    let (mut i, mut depth) = (from, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let fence = &span[i..i + run];
                if let Some(close) = span[i + run..].find(fence) {
                    i += run + close + run;
                    continue;
                }
                i += run - 1;
            }
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            b']' if bytes.get(i + 1) == Some(&b'(') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The byte range of a raw link destination starting at or after `from` in `span`.
fn raw_dest(span: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = span.as_bytes();
    let mut i = from;
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t' || bytes[i] == b'\n') {
        i += 1;
    }
    if i < bytes.len() && bytes[i] == b'<' {
        let end = span[i + 1..].find('>')? + i + 1;
        return Some((i + 1, end));
    }
    let start = i;
    let mut depth = 0i32;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' => break,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b'\\' => i += 1,
            _ => {}
        }
        i += 1;
    }
    (i > start).then_some((start, i.min(bytes.len())))
}

/// The path of content file `to` as seen from content file `from` (`levels/a.md`,
/// `pillars/b.md` → `../pillars/b.md`).
pub fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> =
        from.split('/').collect::<Vec<_>>()[..from.split('/').count().saturating_sub(1)].to_vec();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; from_dir.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_content_files() {
        assert_eq!(relative("levels/a.md", "pillars/b.md"), "../pillars/b.md");
        assert_eq!(
            relative("competencies/a/b.md", "levels/a.md"),
            "../../levels/a.md"
        );
        assert_eq!(relative("faq.md", "levels/a.md"), "levels/a.md");
        assert_eq!(relative("levels/a.md", "levels/b.md"), "b.md");
        assert_eq!(
            crate::links::resolve_relative("a/b", "../c.md").as_deref(),
            Some("a/c.md")
        );
        assert_eq!(crate::links::resolve_relative("", "../c.md"), None);
    }

    #[test]
    fn raw_destinations() {
        let s = "[x](a.md#b \"t\")";
        let (a, b) = raw_dest(s, s.rfind("](").unwrap() + 2).unwrap();
        assert_eq!(&s[a..b], "a.md#b");
        let s = "[x](<a b.md>)";
        let (a, b) = raw_dest(s, 4).unwrap();
        assert_eq!(&s[a..b], "a b.md");
    }
}
