//! The last phase: every relative link of every body resolved to a site address
//! (`broken-link`, `broken-anchor`), and [`Target`], where each content file is in the site.

use super::draft::Draft;
use super::follow_on::FollowOn;
use crate::diagnostic::{did_you_mean, Diagnostics};
use crate::load::{Asset, Document};
use crate::markdown::Fragment;
use crate::permalink;
use foldhash::{HashMap, HashSet};

/// Where a content file lives in the site.
#[derive(Debug)]
pub(super) struct Target {
    /// Its page's address.
    pub path: String,
    /// The anchor a link lands on when it names none (a competency's pillar section).
    pub anchor: Option<String>,
    /// Anchors that exist on the page, besides its expectations'.
    pub anchors: HashSet<String>,
    /// On a level's page: (pillar id, numbers of its expectations) of each filled cell, whose
    /// expectations have the anchors `<pillar>--<number>`. Kept as numbers rather than as
    /// anchors: a large ladder has tens of thousands of them.
    pub expectations: Vec<(String, Vec<usize>)>,
    /// For a competency file: the content path of its level's file, whose page (and so
    /// whose anchors) it shares.
    pub anchors_of: Option<String>,
}

impl Target {
    /// The page at `path` (a site address), with the anchors of its own headings and
    /// sections; a level's expectations are added once the competencies are known.
    pub fn page(path: String, anchors: HashSet<String>) -> Target {
        Target {
            path,
            anchor: None,
            anchors,
            expectations: Vec::new(),
            anchors_of: None,
        }
    }

    /// Whether the page has the anchor `a`: one of [`Target::anchors`], or an expectation's
    /// (see [`permalink::parse_expectation_anchor`]).
    fn has_anchor(&self, a: &str) -> bool {
        if self.anchors.contains(a) {
            return true;
        }
        let Some((pillar, number)) = permalink::parse_expectation_anchor(a) else {
            return false;
        };
        self.expectations
            .iter()
            .any(|(p, numbers)| p == pillar && numbers.contains(&number))
    }
}

/// Resolves the links of every description, expectation, note and free page, and of the
/// competencies left out of the grid, so one run reports them all.
pub(super) fn links(d: &mut Draft, assets: &[Asset], diags: &mut Diagnostics) {
    let asset_paths: HashSet<&str> = assets.iter().map(|a| a.content_path.as_str()).collect();
    // A file whose name is no id goes by the id its `bad-id` error tells it to take (see
    // `load`): a link to the file by that name finds it, as it will once renamed.
    let renamed: HashMap<String, String> = d
        .documents
        .iter()
        .filter_map(|doc| {
            let (folder, name) = match doc.content_path.rsplit_once('/') {
                Some((folder, name)) => (format!("{folder}/"), name),
                None => (String::new(), doc.content_path.as_str()),
            };
            (name.strip_suffix(".md")? != doc.id)
                .then(|| (format!("{folder}{}.md", doc.id), doc.content_path.clone()))
        })
        .collect();
    // Pages made of no file, which a link may name by their address, relative to the file as
    // a file's path is: the comparison index, each comparison, and the changes page.
    let generated: HashSet<String> = [permalink::compare_index(), permalink::changes()]
        .into_iter()
        .chain(
            d.comparisons
                .iter()
                .map(|&(a, b)| permalink::compare(&d.levels[a].id, &d.levels[b].id)),
        )
        .collect();
    // A comparison's sections are its pillars': `#<pillar>`.
    let comparison = Target::page(
        String::new(),
        d.pillars.iter().map(|p| p.id.clone()).collect(),
    );
    let resolver = Resolver {
        targets: &d.targets,
        generated: &generated,
        comparison: &comparison,
        renamed: &renamed,
        assets: &asset_paths,
        follow_on: &d.follow_on,
        published: d.published,
    };
    let by_path: HashMap<&str, &Document> = d
        .documents
        .iter()
        .map(|doc| (doc.source.path.as_str(), doc))
        .collect();
    let source_of = |path: &str| by_path.get(path).copied();
    for l in &mut d.levels {
        if let Some(doc) = source_of(&l.source) {
            resolver.resolve(doc, &mut l.description, diags);
            if let Some(summary) = &mut l.summary_links {
                resolver.resolve(doc, summary, diags);
            }
        }
    }
    for p in &mut d.pillars {
        if let Some(doc) = source_of(&p.source) {
            resolver.resolve(doc, &mut p.description, diags);
        }
    }
    for t in &mut d.tracks {
        if let Some(doc) = t.source.as_deref().and_then(source_of) {
            resolver.resolve(doc, &mut t.description, diags);
        }
    }
    for (doc, c) in &mut d.competencies {
        for e in &mut c.expectations {
            resolver.resolve(doc, e, diags);
        }
        resolver.resolve(doc, &mut c.lead, diags);
        resolver.resolve(doc, &mut c.notes, diags);
        // Its links are the notes' own, reported once, with them.
        resolver.resolve(doc, &mut c.footnotes, &mut Diagnostics::default());
    }
    for (doc, p) in &mut d.pages {
        resolver.resolve(doc, &mut p.body, diags);
    }
    for (doc, f) in &mut d.orphans {
        resolver.resolve(doc, f, diags);
    }
}

struct Resolver<'a> {
    targets: &'a HashMap<String, Target>,
    /// The addresses of the pages made of no file (`compare/`, `compare/a/b/`, `changes/`).
    generated: &'a HashSet<String>,
    /// A comparison page, its sections (its pillars') for anchors, whatever its levels.
    comparison: &'a Target,
    /// The path a file will have once renamed as its `bad-id` error says → its path now.
    renamed: &'a HashMap<String, String>,
    assets: &'a HashSet<&'a str>,
    follow_on: &'a FollowOn,
    /// What the last build published (`ladder.lock`), to recognise a renamed level.
    published: Option<&'a crate::lock::Lock>,
}

impl Resolver<'_> {
    /// Rewrites the relative links of `frag`, written in `doc`, to site addresses.
    fn resolve(&self, doc: &Document, frag: &mut Fragment, diags: &mut Diagnostics) {
        for (i, link) in frag.links.iter().enumerate() {
            let dest = link.dest.as_str();
            if !crate::links::is_relative_link(dest) {
                continue;
            }
            let (path_part, anchor) = match dest.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (dest, None),
            };
            let path_part = path_part.split('?').next().unwrap_or("");
            let target_path = if path_part.is_empty() {
                Some(doc.content_path.clone())
            } else {
                crate::links::resolve_relative(
                    crate::links::parent_dir(&doc.content_path),
                    &crate::links::percent_decode(path_part),
                )
            };
            let Some(target_path) = target_path else {
                // One `..` too many: the file it names from content/ itself, if there is one.
                let inside = path_part.trim_start_matches("../");
                let meant =
                    crate::links::resolve_relative("", &crate::links::percent_decode(inside))
                        .filter(|p| self.targets.contains_key(p));
                let hint = match meant {
                    Some(p) => format!(
                        "did you mean `{}{}`? links between content files use the target file's path relative to this file",
                        crate::links::relative_path(crate::links::parent_dir(&doc.content_path), &p),
                        anchor.map(|a| format!("#{a}")).unwrap_or_default()
                    ),
                    None => "link to a file inside content/ by its relative path".to_string(),
                };
                diags.push(doc.source.error(
                    "broken-link",
                    link.offset,
                    format!("the link `{dest}` points outside content/"),
                    hint,
                ));
                continue;
            };
            if self.follow_on.file_reported(&target_path) {
                continue;
            }
            let now = self.renamed.get(&target_path).unwrap_or(&target_path);
            if let Some(t) = self.targets.get(now) {
                let Some(href) = self.href(doc, t, dest, anchor, link.offset, diags) else {
                    continue;
                };
                frag.resolved.push((i, href));
            } else if self.assets.contains(target_path.as_str()) {
                frag.resolved.push((i, target_path));
            } else if let Some(page) = self.generated.get(&format!("{target_path}/")) {
                let section = anchor.filter(|a| !a.is_empty());
                if let Some(a) = section.filter(|a| !self.has_section(page, a)) {
                    diags.push(doc.source.error(
                        "broken-anchor",
                        link.offset,
                        format!(
                            "the link `{dest}` names the anchor `#{a}`, which is no section of /{page}"
                        ),
                        anchor_hint(self.comparison, page, a),
                    ));
                    continue;
                }
                let anchor = section.map(|a| format!("#{a}")).unwrap_or_default();
                frag.resolved.push((i, format!("{page}{anchor}")));
            } else if let Some(hint) = permalink::missing_comparison(
                &target_path,
                crate::links::parent_dir(&doc.content_path),
                &|a, b| self.generated.contains(&permalink::compare(a, b)),
            ) {
                diags.push(doc.source.error(
                    "broken-link",
                    link.offset,
                    format!("the link `{dest}` names a comparison the site does not have"),
                    hint,
                ));
            } else if let Some(file) = self.file_in_folder(&target_path) {
                diags.push(doc.source.error(
                    "broken-link",
                    link.offset,
                    format!("the link `{dest}` points to the folder content/{target_path}/, not to a file"),
                    format!(
                        "link to a file in it, e.g. `{}`",
                        crate::links::relative_path(crate::links::parent_dir(&doc.content_path), file)
                    ),
                ));
            } else if target_path.ends_with(".md") || !path_part.is_empty() {
                diags.push(doc.source.error(
                    "broken-link",
                    link.offset,
                    format!(
                        "the link `{dest}` points to content/{target_path}, which does not exist"
                    ),
                    self.missing_target_hint(doc, &target_path, anchor),
                ));
            }
        }
    }

    /// Whether `page`, a page made of no file (see [`Resolver::generated`]), has the section
    /// `anchor`: any, on the comparison index and the changes page; on a comparison, one of
    /// its pillars', or a part every comparison page has. The fragment is decoded first, as a
    /// browser decodes it.
    fn has_section(&self, page: &str, anchor: &str) -> bool {
        const PARTS: [&str; 4] = [
            "main",
            "summary-heading",
            "related-heading",
            "undefined-heading",
        ];
        let anchor = crate::links::percent_decode(anchor);
        !page.starts_with("compare/")
            || page == permalink::compare_index()
            || PARTS.contains(&anchor.as_str())
            || self.comparison.has_anchor(&anchor)
    }

    /// The hint for a link from `doc` to `target_path`, a content path no file has: the
    /// content file it likely means (the file of a page whose address it is, as a site
    /// address was written for a file's path; else the nearest file's path), as this file
    /// must write it, with its `#anchor`; or how to write one, from this file.
    fn missing_target_hint(
        &self,
        doc: &Document,
        target_path: &str,
        anchor: Option<&str>,
    ) -> String {
        let dir = crate::links::parent_dir(&doc.content_path);
        let address = target_path.trim_end_matches('/');
        let own_file = self
            .targets
            .iter()
            .filter(|(_, t)| t.anchors_of.is_none() && t.path.trim_end_matches('/') == address)
            .map(|(p, _)| p.as_str())
            .min();
        // A file's last folder and name: a link with one `..` too many or too few still
        // names the file it means by them.
        let tail = |p: &str| -> String {
            let mut parts = p.rsplitn(3, '/');
            let name = parts.next().unwrap_or_default();
            parts
                .next()
                .map_or(name.to_string(), |dir| format!("{dir}/{name}"))
        };
        // A file of the same folder whose name (an id) is a typo of the link's, compared as
        // ids so that a different word (`staff-engineer.md` for `senior-engineer.md`) is
        // no typo.
        let same_folder = || {
            let folder = crate::links::parent_dir(target_path);
            fn stem<'p>(p: &'p str, folder: &str) -> Option<&'p str> {
                (crate::links::parent_dir(p) == folder)
                    .then(|| {
                        p[folder.len()..]
                            .trim_start_matches('/')
                            .strip_suffix(".md")
                    })
                    .flatten()
            }
            let files: Vec<(&str, &str)> = self
                .targets
                .keys()
                .filter_map(|p| Some((stem(p, folder)?, p.as_str())))
                .collect();
            let near = did_you_mean(stem(target_path, folder)?, files.iter().map(|f| f.0))?;
            files.iter().filter(|f| f.0 == near).map(|f| f.1).min()
        };
        // A level the last build published, gone and not renamed, was deleted: a level
        // whose id is near its (`senior-engineering-manager.md` for `senior-engineer.md`) is
        // another level, not a slip of the link's.
        let deleted = || {
            let id = target_path.strip_prefix("levels/")?.strip_suffix(".md")?;
            self.published?
                .pages
                .contains(&permalink::level(id))
                .then_some(())
        };
        // A competency of a level the ladder no longer has: another level's file of the
        // same pillar is another level's expectations, never the one meant; only a typo of
        // the level's id is.
        let other_level = || -> Option<Option<&str>> {
            let (id, file) = target_path.strip_prefix("competencies/")?.split_once('/')?;
            // A pillar's file in a level's folder (not a level's file a `..` short).
            if !self.targets.contains_key(&format!("pillars/{file}")) {
                return None;
            }
            let levels: Vec<&str> = self
                .targets
                .keys()
                .filter_map(|p| p.strip_prefix("levels/")?.strip_suffix(".md"))
                .filter(|id| !id.contains('/'))
                .collect();
            if levels.contains(&id) {
                return None;
            }
            Some(did_you_mean(id, levels.iter().copied()).and_then(|near| {
                let p = format!("competencies/{near}/{file}");
                self.targets.get_key_value(&p).map(|(k, _)| k.as_str())
            }))
        };
        let near = || {
            if let Some(meant) = other_level() {
                return meant;
            }
            same_folder().or_else(|| {
                // Files elsewhere (a link with one `..` too many or too few); those of its
                // own folder were weighed as ids above.
                let folder = crate::links::parent_dir(target_path);
                let elsewhere = || {
                    self.targets
                        .keys()
                        .filter(move |p| crate::links::parent_dir(p) != folder)
                };
                did_you_mean(target_path, elsewhere().map(String::as_str)).or_else(|| {
                    let tails: Vec<(String, &str)> =
                        elsewhere().map(|p| (tail(p), p.as_str())).collect();
                    let near =
                        did_you_mean(&tail(target_path), tails.iter().map(|(t, _)| t.as_str()))?;
                    tails
                        .iter()
                        .filter(|(t, _)| t == near)
                        .map(|(_, p)| *p)
                        .min()
                })
            })
        };
        let meant = own_file
            .or_else(|| self.renamed_level(target_path))
            .or_else(|| if deleted().is_some() { None } else { near() })
            // The file the link is written in is never the one it meant to leave for.
            .filter(|f| *f != doc.content_path);
        const HOW: &str =
            "links between content files use the target file's path relative to this file";
        match meant {
            Some(file) => {
                let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                format!(
                    "did you mean `{}{fragment}`? {HOW}",
                    crate::links::relative_path(dir, file)
                )
            }
            None => {
                // An example of the kind of file the link went for: a level unless it named
                // the pillars' or the tracks' folder.
                let (folder, what) = ["pillars/", "tracks/"]
                    .into_iter()
                    .find(|f| target_path.starts_with(f))
                    .map_or(("levels/", "a level"), |f| {
                        (
                            f,
                            if f == "pillars/" {
                                "a pillar"
                            } else {
                                "a track"
                            },
                        )
                    });
                let example = self
                    .targets
                    .keys()
                    .filter(|p| p.starts_with(folder) && !p[folder.len()..].contains('/'))
                    .min()
                    .map_or(format!("{folder}<id>.md"), String::clone);
                // A link into a folder of the ladder's own files names one that is gone.
                let gone = ["levels/", "pillars/", "tracks/", "competencies/"]
                    .iter()
                    .any(|f| target_path.starts_with(f));
                let example = crate::links::relative_path(dir, &example);
                if gone {
                    // A pattern, not a file of the ladder, which would read as the one meant.
                    let pattern = crate::links::relative_path(dir, &format!("{folder}<id>.md"));
                    format!("was the file deleted or renamed? Link to the one that replaces it by its path relative to this file: from here {what} is `{pattern}`")
                } else {
                    format!("{HOW}: from here {what} is `{example}`")
                }
            }
        }
    }

    /// The first content file, in path order, directly in the folder `path` (a content path),
    /// when `path` is a folder of content files.
    fn file_in_folder(&self, path: &str) -> Option<&str> {
        let folder = format!("{}/", path.trim_end_matches('/'));
        self.targets
            .keys()
            .filter(|p| p.strip_prefix(&folder).is_some_and(|f| !f.contains('/')))
            .min()
            .map(String::as_str)
    }

    /// The file of the one level that is new since the last build, when `target_path` (a
    /// level's file or address) names a level that was published and is gone: a rename, as
    /// the hint of an unknown level id says.
    fn renamed_level(&self, target_path: &str) -> Option<&str> {
        let lock = self.published?;
        let id = target_path.strip_prefix("levels/")?.trim_end_matches('/');
        let id = id.strip_suffix(".md").unwrap_or(id);
        if !lock.pages.contains(&permalink::level(id)) {
            return None;
        }
        let levels = self.targets.keys().filter_map(|p| {
            p.strip_prefix("levels/")?
                .strip_suffix(".md")
                .filter(|l| !l.contains('/'))
        });
        let new = super::only_new(lock, levels, permalink::level)?;
        self.targets
            .get_key_value(&format!("levels/{new}.md"))
            .map(|(p, _)| p.as_str())
    }

    /// The address of the link `dest` to the content file `t`, landing on `anchor` (or the
    /// file's own section); `None` when the anchor is not on the page (`broken-anchor`,
    /// unless the section is missing because its file is broken).
    fn href(
        &self,
        doc: &Document,
        t: &Target,
        dest: &str,
        anchor: Option<&str>,
        offset: usize,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        let page = t
            .anchors_of
            .as_ref()
            .and_then(|p| self.targets.get(p))
            .unwrap_or(t);
        let anchor = anchor.map(str::to_string).or(t.anchor.clone());
        let a = match &anchor {
            Some(a) if !a.is_empty() => a,
            _ => return Some(t.path.clone()),
        };
        if page.has_anchor(a) || t.anchor.as_deref() == Some(a.as_str()) {
            return Some(format!("{}#{a}", t.path));
        }
        // The section of a level or pillar whose own file is broken (or left out) is
        // missing for that reason, which its error gives.
        let section =
            permalink::parse_expectation_anchor(a).map_or(a.as_str(), |(pillar, _)| pillar);
        if self.follow_on.section_reported(section) {
            return None;
        }
        let level = page
            .path
            .strip_prefix("levels/")
            .map(|l| l.trim_end_matches('/'));
        // An expectation of a section the page has but no file fills, which a broken file
        // may hold.
        let filled = page.expectations.iter().any(|(p, _)| p == section);
        if page.anchors.contains(section)
            && !filled
            && level.is_some_and(|l| self.follow_on.cell_reported(l, section))
        {
            return None;
        }
        let hint = anchor_hint(page, &t.path, a);
        diags.push(doc.source.error(
            "broken-anchor",
            offset,
            format!(
                "the link `{dest}` names the anchor `#{a}`, which is not on /{}",
                t.path
            ),
            hint,
        ));
        None
    }
}

/// The hint for `#anchor`, which `page` (at `path`) does not have: the anchor it likely means
/// (a typo of one), else the expectations its pillar has there (`#craft--1` to `#craft--5`),
/// else the page's sections, at most [`LISTED`] of them and then how many more.
fn anchor_hint(page: &Target, path: &str, anchor: &str) -> String {
    const LISTED: usize = 12;
    let mut sections: Vec<&str> = page.anchors.iter().map(String::as_str).collect();
    // In the order a reader counts them: `section-2` before `section-10`.
    sections.sort_unstable_by_key(|s| {
        let stem = s.trim_end_matches(|c: char| c.is_ascii_digit());
        (stem, s[stem.len()..].parse::<u64>().ok(), *s)
    });
    let expectations: Vec<String> = page
        .expectations
        .iter()
        .flat_map(|(pillar, numbers)| {
            numbers
                .iter()
                .map(|&n| permalink::expectation_anchor(pillar, n))
        })
        .collect();
    let known = sections
        .iter()
        .copied()
        .chain(expectations.iter().map(String::as_str));
    let numbered = |pillar: &str| {
        page.expectations
            .iter()
            .filter(|(p, _)| p == pillar)
            .flat_map(|(_, n)| n.iter().copied())
            .fold(None, |range: Option<(usize, usize)>, n| {
                Some(range.map_or((n, n), |(lo, hi)| (lo.min(n), hi.max(n))))
            })
    };
    // The pillar of an expectation's anchor, whatever its number (`#craft--9`, and
    // `#craft--0` or `#craft--07`, which no expectation has): a number the pillar does not
    // reach gets its range, not a near number.
    let expectation = anchor
        .split_once("--")
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|(pillar, _)| pillar);
    if let Some((pillar, (lo, hi))) = expectation.and_then(|p| Some((p, numbered(p)?))) {
        return if lo == hi {
            format!(
                "`#{pillar}` on /{path} has one expectation, `#{}`",
                permalink::expectation_anchor(pillar, lo)
            )
        } else {
            format!(
                "`#{pillar}` on /{path} has the expectations `#{}` to `#{}`",
                permalink::expectation_anchor(pillar, lo),
                permalink::expectation_anchor(pillar, hi)
            )
        };
    }
    if let Some(s) = did_you_mean(anchor, known) {
        return format!("did you mean `#{s}`?");
    }
    if let Some(pillar) = expectation.filter(|p| sections.contains(p)) {
        return format!("`#{pillar}` on /{path} has no expectations: link to `#{pillar}`");
    }
    if sections.is_empty() {
        return format!("/{path} has no sections to link to: link to the page itself");
    }
    let more = sections.len().saturating_sub(LISTED);
    let mut hint = format!(
        "the sections of /{path} are: {}",
        sections[..sections.len() - more]
            .iter()
            .map(|s| format!("`#{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if more > 0 {
        hint.push_str(&format!(" and {more} more"));
    }
    if !expectations.is_empty() {
        hint.push_str(", each expectation `#<section>--<number>`");
    }
    hint
}
