//! `ladderbook import` of a page of a documentation site (hunt 19: GOV.UK's Tech Docs, the
//! Government Digital Service's career path): levels as headings over lists, with links to
//! other pages of the site in the levels' sentences and in a reading list after them, and a
//! file named for both HTML and Markdown (`*.html.md`), and a reading list under each level.
//! The pages are our own, in those shapes. And the outline of every page built from an
//! import of real ladders: one `h1`, no level skipped.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// Links to the site's other pages, inside expectations and in a `Related guides` list,
/// made the page an index of level files, which is never read as levels: the three levels
/// were one level's pillars. And the file's `.html` was in every id, so in every address.
#[test]
fn a_page_that_links_to_guides_is_still_a_ladder_named_without_its_html() {
    let src = fixture("sections/tending-the-hives.html.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (None::<String>, Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.ends_with(" level").then(|| h.to_string());
        } else if let (Some(level), Some(item)) = (&level, line.strip_prefix("- ")) {
            exps.push(Exp {
                level: words(level),
                pillar: "Expectations".to_string(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["junior-level", "mid-level", "senior-level"]
    );
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")),
        ["tending-the-hives"]
    );
    // The reading list is kept, on a page of its own.
    let guides = fs::read_to_string(imp.root.join("content/related-guides.md")).unwrap();
    assert!(guides.contains("Queen rearing"), "{guides}");
}

/// Two stages, each a list and then the same reading list (`### Guides`), as GOV.UK's career
/// path writes a skill: the recurring `Guides` made the stages levels whose one pillar was
/// the links, with what each stage does left in its description.
#[test]
fn a_reading_list_under_each_level_is_no_pillar() {
    let src = fixture("sections/reading-lists-under-levels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps, mut links) = (String::new(), Vec::new(), 0);
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if line.starts_with("- [") {
            links += 1;
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: "Expectations".to_string(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!((exps.len(), links), (5, 3));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["expectations"]
    );
    // The links stay with their stage.
    let stage = fs::read_to_string(imp.root.join("content/levels/starting-out.md")).unwrap();
    assert!(stage.contains("[Holding the angle]"), "{stage}");
}

/// The heading levels inside `<main>` of an HTML page, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    let main = &html[html.find("<main").unwrap_or(0)..html.find("</main>").unwrap_or(html.len())];
    main.match_indices("<h")
        .filter_map(|(i, _)| {
            let b = main.as_bytes().get(i + 2)?;
            let after = main.as_bytes().get(i + 3)?;
            ((b'1'..=b'6').contains(b) && (*after == b'>' || *after == b' ')).then(|| b - b'0')
        })
        .collect()
}

#[test]
fn imported_pages_have_one_title_and_skip_no_heading_level() {
    // Browser check 28 L2: Codecademy's FAQ went from its title (h1) to `###` (h3), and
    // jorgef's introduction, written under six `#` headings, had seven h1s.
    for ladder in [
        "Codecademy-engineering-competencies",
        "jorgef-engineeringladders",
    ] {
        let imp = import(&common::real_ladders().join(ladder), &[]);
        for e in walkdir::WalkDir::new(&imp.site)
            .into_iter()
            .map(|e| e.unwrap())
        {
            if e.path().extension().is_none_or(|x| x != "html") {
                continue;
            }
            let html = fs::read_to_string(e.path()).unwrap();
            let levels = heading_levels(&html);
            if levels.is_empty() {
                continue;
            }
            let at = e
                .path()
                .strip_prefix(&imp.site)
                .unwrap()
                .display()
                .to_string();
            assert_eq!(
                levels.iter().filter(|&&l| l == 1).count(),
                1,
                "{ladder} {at}: {levels:?}"
            );
            assert!(
                levels.windows(2).all(|w| w[1] <= w[0] + 1),
                "{ladder} {at}: a heading level is skipped: {levels:?}"
            );
        }
    }
}

/// Browser check 30 M2 (civilcode's ladder): footnotes (`[^1]`, GitHub's extension) are
/// defined once at the end of the page, which the import spreads over many files. The
/// reference and its definition landed in different files, so neither read as a footnote:
/// the text showed a raw `[^1]`, and the definition a stray note under the last level's last
/// pillar.
#[test]
fn a_footnote_goes_with_the_text_that_refers_to_it() {
    let imp = import(&fixture("footnotes.md"), &[]);
    let track = fs::read_to_string(imp.root.join("content/tracks/footnotes.md")).unwrap();
    assert!(track.contains("libraries[^survey]"), "{track}");
    assert!(
        track.contains("[^survey]: https://example.org/guild-survey"),
        "{track}"
    );
    assert!(!track.contains("[^dewey]:"), "{track}");
    let lending = competency(&imp, "library-assistant", "lending");
    assert!(lending.contains("[^dewey]: The Dewey Decimal"), "{lending}");
    let last = competency(&imp, "librarian", "readers");
    assert!(!last.contains("[^"), "{last}");
    // On the site, each is a footnote of its page: a link to it, and it there.
    for page in [
        "tracks/footnotes/index.html",
        "levels/library-assistant/index.html",
    ] {
        let html = fs::read_to_string(imp.site.join(page)).unwrap();
        assert!(
            html.contains("class=\"footnote-reference\""),
            "{page}: {html}"
        );
        assert!(
            html.contains("class=\"footnote-definition\""),
            "{page}: {html}"
        );
        assert!(!html.contains("[^"), "{page}: {html}");
    }
}

/// A page that folds each pillar under its heading, GitHub's `<details>` with the heading
/// as its `<summary>` (hunt 33 H33-06, a Russian grades folder): the folds cut each section
/// in two, so the page's contents list was the first pillar, holding links as
/// expectations, and every cell ended in an empty fold.
#[test]
fn pillars_folded_under_their_headings_are_pillars_and_the_contents_list_describes() {
    let dir = fixture("folders/heading-folds");
    let mut exps = Vec::new();
    for (path, text) in markdown_sources(&dir) {
        let level = words(text.lines().next().unwrap().trim_start_matches("# "));
        let mut pillar = String::new();
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("### ") {
                pillar = h.to_string();
            } else if let Some(item) = line.strip_prefix("- ") {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: pillar.clone(),
                    text: item.to_string(),
                });
            }
        }
        assert!(text.contains("<summary>"), "{}", path.display());
    }
    assert_eq!(exps.len(), 12);
    let imp = import(&dir, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["lamps", "logbook"]
    );
    for e in walkdir::WalkDir::new(imp.root.join("content")) {
        let file = e.unwrap().into_path();
        if !file.is_file() {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("<details") && !text.contains("summary>"),
            "{}: {text}",
            file.display()
        );
    }
    let keeper = fs::read_to_string(imp.root.join("content/levels/keeper.md")).unwrap();
    assert!(keeper.contains("1. [Lamps](keeper.md#lamps)"), "{keeper}");
}

/// A heading with no text (`# ` alone, begun and never written) over a section that is kept
/// as a free page: the page takes its title from its first line, which is bold throughout,
/// and the summary says so at the heading's line (hunt 36 H36-01). Before, import refused the
/// whole ladder with "`title` in page front-matter is empty … this is a bug".
#[test]
fn a_heading_with_no_text_over_a_free_page_is_titled_by_its_bold_first_line() {
    let src = fixture("sections/untitled-heading.md");
    let imp = import(&src, &[]);
    let page = imp.root.join("content/notes-on-the-grades.md");
    assert_eq!(str_of(&front(&page), "title"), "Notes on the grades");
    let text = fs::read_to_string(&page).unwrap();
    let body = body(&text);
    assert!(body.contains("## 1. How to move up"), "{body}");
    assert!(body.contains("Ask the head baker for a review."), "{body}");
    assert!(!body.contains("**Notes on the grades**"), "{body}");
    assert!(
        imp.summary.contains(
            "untitled-heading.md:8: a heading with no text is not a level (it shares no pillars with the levels): kept as a free page; titled `Notes on the grades` by its first line, which is bold"
        ),
        "{}",
        imp.summary
    );
    let levels = ranked_levels(&imp);
    assert_eq!(levels, ["junior-baker", "baker", "senior-baker"]);
    let html = fs::read_to_string(imp.site.join("notes-on-the-grades/index.html")).unwrap();
    assert!(html.contains("<h1>Notes on the grades</h1>"), "{html}");
}
