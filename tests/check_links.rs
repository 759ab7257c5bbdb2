//! `ladderbook check` on links and images: links to expectations, sections and pages land on
//! what the site has; images are checked as a browser reads their addresses; a broken file
//! or level is reported once, not again by every link to it.

mod check_support;
mod common;
use check_support::*;
use ladderbook::check::Report;
use std::fs;
use std::path::Path;

#[test]
fn links_to_expectations_land_on_existing_ones_only() {
    // Every cell of the clean ladder has two expectations: `#people--2` on Senior Engineer's
    // page exists, `#people--3` and `#people--02` do not.
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    replace(tmp.path(), "content/guide.md", "#craft", "#people--2");
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!((report.errors, status), (0, 0), "{:#?}", report.diagnostics);

    for wrong in ["#people--3", "#people--02", "#peple--1"] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        replace(tmp.path(), "content/guide.md", "#craft", wrong);
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1);
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == "broken-anchor")
            .unwrap_or_else(|| panic!("{wrong}: {:#?}", report.diagnostics));
        assert_eq!(
            (d.path.as_str(), d.line, d.column),
            ("content/guide.md", 6, 5)
        );
        assert!(d.message.contains(&format!("`{}`", wrong)), "{}", d.message);
        // The hint names a real expectation anchor of that page.
        assert!(
            ["people--1", "people--2"]
                .iter()
                .any(|a| d.hint.contains(a)),
            "{wrong}: {}",
            d.hint
        );
    }
}

#[test]
fn links_to_sections_land_on_sections_the_page_has() {
    // A pillar only the management track uses: IC level pages have no section for it, and
    // its pillar page has sections for management levels only.
    let seed = |dir: &Path| {
        fs::write(
            dir.join("content/pillars/leading.md"),
            "+++\ntitle = \"Leading\"\norder = 4\n+++\n",
        )
        .unwrap();
        write_cell(dir, "m1", "leading", "- m1 leads the team through change\n");
    };
    for (link, broken) in [
        ("levels/m1.md#leading", false),
        ("pillars/leading.md#m1", false),
        ("levels/e2.md#leading", true),
        ("pillars/leading.md#e1", true),
        ("levels/e2.md#leading--1", true),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        seed(tmp.path());
        replace(tmp.path(), "content/guide.md", "levels/e2.md#craft", link);
        let (report, status) = json(tmp.path(), &[]);
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.code == "broken-anchor");
        assert_eq!(found.is_some(), broken, "{link}: {:#?}", report.diagnostics);
        assert_eq!(status, i32::from(broken), "{link}");
        if let Some(d) = found {
            assert_eq!((d.path.as_str(), d.line), ("content/guide.md", 6));
            // The hint offers only anchors the page really has.
            assert!(!d.hint.contains("`#leading`"), "{link}: {}", d.hint);
        }
    }
}

#[test]
fn a_level_left_out_for_its_track_is_reported_once_not_again_by_links_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    replace(
        tmp.path(),
        "content/levels/e2.md",
        "track = \"ic\"",
        "track = \"icc\"",
    );
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!(status, 1);
    let codes: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == "error")
        .map(|d| d.code.as_str())
        .collect();
    // The guide's link to e2 and the equivalent named by m1 are not reported as well.
    assert_eq!(codes, ["unknown-track"], "{:#?}", report.diagnostics);
}

#[test]
fn a_broken_file_is_reported_once_with_the_keys_it_needs() {
    let cases = [
        (
            "content/competencies/e2/craft.md",
            "",
            "the file is empty",
            "level = \"e2\"\n    pillar = \"craft\"",
        ),
        (
            "content/competencies/e2/craft.md",
            "+++\nlevel = \"e2\npillar = \"craft\"\n+++\n- x\n",
            "the text of `level` opens a quote (`\"`) that is never closed",
            "level = \"e2\"",
        ),
        (
            "content/levels/e2.md",
            "Senior Engineer\n",
            "has no front-matter",
            "rank = ",
        ),
        // Browser check 32 L3: the example is the file's own, not a level of another
        // ladder (`Senior Engineer` on track `ic`, pasted as it was).
        (
            "content/levels/staff-engineer.md",
            "",
            "the file is empty",
            "title = \"Staff Engineer\"\n    rank = 1  # its place on its track, most junior first: a number no other level there has\n    # track = ",
        ),
        (
            "content/pillars/on-call.md",
            "",
            "the file is empty",
            "title = \"On Call\"",
        ),
    ];
    for (file, text, message, hint) in cases {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        fs::write(tmp.path().join(file), text).unwrap();
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1, "{file}");
        // Its own error only: no gap, no-expectations or rank-hole warning asking for what
        // is there, and no error for the files that name it.
        assert_eq!(
            report.diagnostics.len(),
            1,
            "{file}: {:#?}",
            report.diagnostics
        );
        let d = &report.diagnostics[0];
        assert_eq!((d.path.as_str(), d.severity.as_str()), (file, "error"));
        assert!(d.message.contains(message), "{}", d.message);
        assert!(d.hint.contains(hint), "{}", d.hint);
    }
}

/// Browser check 33 M2: the front-matter a hint shows for an empty file, pasted as it is
/// shown (each line indented), is front-matter: it was "the file has no front-matter" again.
#[test]
fn a_hints_example_pasted_as_shown_is_front_matter() {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    let file = "content/pillars/on-call.md";
    fs::write(tmp.path().join(file), "").unwrap();
    let (report, _) = json(tmp.path(), &[]);
    let hint = &report.diagnostics[0].hint;
    let example: String = hint[hint.find("    +++").unwrap()..]
        .lines()
        .filter(|l| l.starts_with("    "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(example.matches("+++").count() == 2, "{hint}");
    fs::write(tmp.path().join(file), example).unwrap();
    let (report, _) = json(tmp.path(), &[]);
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_typo_in_a_competency_files_level_or_pillar_is_reported_once() {
    // The file is where the gap's hint would ask for it: only its own error is reported.
    for (from, to, code, hint) in [
        (
            "level = \"e2\"",
            "level = \"e22\"",
            "unknown-level",
            "did you mean `e2`?",
        ),
        (
            "pillar = \"craft\"",
            "pillar = \"crafts\"",
            "unknown-pillar",
            "did you mean `craft`?",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        replace(tmp.path(), "content/competencies/e2/craft.md", from, to);
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1, "{to}");
        let got: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.line, d.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "content/competencies/e2/craft.md",
                if code == "unknown-level" { 2 } else { 3 },
                code
            )],
            "{:#?}",
            report.diagnostics
        );
        assert!(
            report.diagnostics[0].hint.contains(hint),
            "{}",
            report.diagnostics[0].hint
        );
    }
}

#[test]
fn links_to_sections_of_a_broken_level_or_pillar_are_not_reported_again() {
    // The guide links to e2's section of the craft pillar page, to craft's section of e1's
    // page and to one of its expectations; each broken file takes its sections away.
    for file in ["content/levels/e2.md", "content/pillars/craft.md"] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        replace(
            tmp.path(),
            "content/guide.md",
            "See [the senior level](levels/e2.md#craft).",
            "See [craft at e2](pillars/craft.md#e2), [e1's craft](levels/e1.md#craft) and [its first](levels/e1.md#craft--1).",
        );
        fs::write(tmp.path().join(file), "").unwrap();
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1, "{file}");
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == "error")
            .map(|d| (d.path.as_str(), d.code.as_str()))
            .collect();
        // The broken file's own error, and not the links that name its sections.
        assert_eq!(
            errors,
            [(file, "no-front-matter")],
            "{:#?}",
            report.diagnostics
        );
    }
}

#[test]
fn images_the_site_does_not_have_are_named_with_where_to_put_them() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    // An imported level's chart, as GitHub shows it: a <picture> with a site-absolute image.
    let level = d.join("content/levels/e1.md");
    let mut text = fs::read_to_string(&level).unwrap();
    text.push_str("\n<picture>\n  <source media=\"(prefers-color-scheme: dark)\" srcset=\"/charts/e1-dark.png\">\n  <img alt=\"Engineer\" src=\"/charts/e1.png\">\n</picture>\n\n![The icon](/favicon.svg) ![Logo](/img/logo%20small.png)\n");
    fs::write(&level, text).unwrap();
    let images = |d: &Path| -> Vec<(usize, String, String)> {
        let (report, status) = json(d, &[]);
        assert_eq!(status, 0, "warnings only");
        report
            .diagnostics
            .iter()
            .filter(|x| x.code == "missing-image")
            .map(|x| (x.line, x.message.clone(), x.hint.clone()))
            .collect()
    };
    let found = images(d);
    let messages: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the image `/charts/e1-dark.png` is not a file of the site, so it shows as broken",
            "the image `/charts/e1.png` is not a file of the site, so it shows as broken",
            "the image `/img/logo%20small.png` is not a file of the site, so it shows as broken",
        ],
        "{found:#?}"
    );
    assert!(
        found[1].2.contains("put the image at static/charts/e1.png"),
        "{found:#?}"
    );
    assert_eq!(found[0].0, 8, "the line of the <source>");

    // Put where the hints say, they are the site's, and the warnings go.
    for f in ["charts/e1-dark.png", "charts/e1.png", "img/logo small.png"] {
        let p = d.join("static").join(f);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, "png").unwrap();
    }
    assert_eq!(images(d), []);

    // Under a sub-path, a root address is outside the site even with the file there.
    let book = d.join("book.toml");
    let t = fs::read_to_string(&book).unwrap();
    fs::write(
        &book,
        format!("{t}[output.html]\nsite-url = \"/docs/ladder/\"\n"),
    )
    .unwrap();
    // The theme's icon too: /favicon.svg is at the host's root, not the site's.
    let found = images(d);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found[1].1 == "the image `/charts/e1.png` is outside the site, which is published under /docs/ladder/"
            && found[1].2.contains("write `/docs/ladder/charts/e1.png`"),
        "{found:#?}"
    );
}

#[test]
fn only_images_a_page_shows_are_checked_and_their_addresses_read_as_a_browser_reads_them() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    fs::create_dir_all(d.join("static/charts")).unwrap();
    fs::write(d.join("static/charts/real.png"), "png").unwrap();
    // Front-matter (a TOML comment), a comment, content the HTML policy drops, an attribute
    // value: no page shows these images.
    fs::write(
        d.join("content/guide.md"),
        "+++\ntitle = \"Guide\"\n# ![old](/charts/tomlcomment.png)\n+++\n\
         <!-- <img src=\"/charts/commented.png\"> -->\n\n\
         <noscript><img src=\"/charts/noscript.png\"></noscript>\n\n\
         Text <span title='<img src=/charts/inattr.png>'>x</span>\n\n\
         ![real](/nodir/../charts/./real.png) ![other host](/\\evil.example/x.png) ![dots](/%2e%2e/charts/real.png)\n\n\
         <picture>\n  <img alt=\"E\"\n    src=\"/charts/multiline.png\">\n</picture>\n",
    )
    .unwrap();
    // A level's summary is Markdown, shown on the overview: its images count.
    replace(
        d,
        "content/levels/e1.md",
        "title = \"Engineer\"",
        "title = \"Engineer\"\nsummary = \"![org](/charts/org.png) Builds things.\"",
    );
    let (report, _) = json(d, &[]);
    let found: Vec<(&str, usize, &str)> = report
        .diagnostics
        .iter()
        .filter(|x| x.code == "missing-image")
        .map(|x| (x.path.as_str(), x.line, x.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "content/guide.md",
                15,
                "the image `/charts/multiline.png` is not a file of the site, so it shows as broken"
            ),
            (
                "content/levels/e1.md",
                3,
                "the image `/charts/org.png` is not a file of the site, so it shows as broken"
            )
        ],
        "{:#?}",
        report.diagnostics
    );
    // Under a sub-path, a missing image outside it gets both steps at once.
    let book = d.join("book.toml");
    let t = fs::read_to_string(&book).unwrap();
    fs::write(&book, format!("{t}[output.html]\nsite-url = \"/docs/\"\n")).unwrap();
    let (report, _) = json(d, &[]);
    let hints: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|x| x.code == "missing-image")
        .map(|x| x.hint.as_str())
        .collect();
    assert!(
        hints.contains(
            &"put the image at static/charts/multiline.png and write `/docs/charts/multiline.png`, its address under the site-url"
        ),
        "{hints:#?}"
    );
}

/// The codes of what `check` says of the fixture ladder with `body` as e2's craft
/// competency.
fn codes_with_craft(body: &str) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    write_cell(tmp.path(), "e2", "craft", body);
    let (report, _) = json(tmp.path(), &[]);
    report.diagnostics.iter().map(|d| d.code.clone()).collect()
}

#[test]
fn a_heading_inside_an_expectation_is_part_of_it_and_not_warned_about() {
    let codes = codes_with_craft(
        "- Writes code.\n\n  ### In practice\n\n  Small changes, reviewed.\n- Designs.\n",
    );
    assert!(
        !codes.contains(&"heading-in-competency".to_string()),
        "{codes:?}"
    );
}

#[test]
fn a_note_between_lists_is_found_however_it_and_the_lists_are_written() {
    // In bold or emphasis, indented by a space, over items indented by one, or between
    // lists numbered `1)`: each is a paragraph between two lists (review 37 R37-07, browser
    // 41 B41-04), and only the plain one was warned about.
    for body in [
        "- Waters the borders\n\n**When on call:**\n\n- Checks the heaters at night\n",
        "- Waters the borders\n\n*On call*, the gardener:\n\n- Checks the heaters at night\n",
        "- Waters the borders\n\n When on call:\n\n- Checks the heaters at night\n",
        "- Waters the borders\n\nWhen on call:\n\n - Checks the heaters at night\n",
        "1) Waters the borders\n\nWhen on call:\n\n1) Checks the heaters at night\n",
    ] {
        let codes = codes_with_craft(body);
        assert!(
            codes.contains(&"note-between-lists".to_string()),
            "{body}: {codes:?}"
        );
    }
}

#[test]
fn notes_before_or_after_a_competencys_list_are_not_warned_about() {
    // A lead-in over the list, notes after it, and a paragraph inside an item: each shows
    // where it is written.
    let codes = codes_with_craft(
        "At this level you:\n\n- Write code.\n\n  Small changes, reviewed.\n- Design.\n\nExamples: the billing rewrite.\n\nAnd the search index.\n",
    );
    assert!(
        !codes.contains(&"note-between-lists".to_string()),
        "{codes:?}"
    );
}

#[test]
fn an_outside_link_hint_is_the_pages_file_or_its_address_under_the_site_url() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    under_careers(d);
    replace(
        d,
        "content/levels/e2.md",
        "rank = 2",
        "rank = 2\naliases = [\"levels/ic2/\"]",
    );
    replace(
        d,
        "content/guide.md",
        "## Reading",
        "## Reading\n\n[alias](/levels/ic2/#craft) [cmp](/compare) [wiki](/wiki/x) [in](/careers/levels/e1/) [none](/levels/e99/)",
    );
    let (report, _) = json(d, &[]);
    let hints: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "outside-link")
        .map(|d| (d.message.as_str(), d.hint.as_str()))
        .collect();
    assert_eq!(hints.len(), 3, "{hints:#?}");
    assert!(
        hints[2]
            .1
            .starts_with("the ladder has no page at that address"),
        "{hints:#?}"
    );
    assert!(hints[0].0.contains("`/levels/ic2/#craft`"), "{hints:#?}");
    assert!(hints[0].1.ends_with("`levels/e2.md#craft`"), "{hints:#?}");
    assert!(
        hints[1]
            .1
            .contains("link to `compare/` instead, relative to this file"),
        "{hints:#?}"
    );
}

#[test]
fn missing_page_knows_aliases_pages_without_files_and_copied_files() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    replace(
        d,
        "content/pillars/craft.md",
        "order = 1",
        "order = 1\naliases = [\"pillars/technical/\"]",
    );
    replace(
        d,
        "content/guide.md",
        "## Reading",
        "## Reading\n\n[a](/pillars/technical/) [b](/levels/ladder.pdf) [c](/pillars/nope/) [d](/levels/E2/)",
    );
    let (report, _) = json(d, &[]);
    let missing: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "missing-page")
        .map(|d| (d.message.as_str(), d.hint.as_str()))
        .collect();
    assert_eq!(missing.len(), 2, "{missing:#?}");
    assert_eq!(
        missing[0].0,
        "the link `/pillars/nope/` names no page of the ladder"
    );
    // An id in other capitals: the page it meant, as a link to its file.
    assert_eq!(
        missing[1].0,
        "the link `/levels/E2/` names no page of the ladder"
    );
    assert!(
        missing[1].1.starts_with("did you mean `levels/e2.md`?"),
        "{missing:#?}"
    );
}

#[test]
fn an_email_autolink_is_a_mailto_link_not_a_file() {
    // `<people@example.com>` (CommonMark's email autolink) was checked as a link to the file
    // content/people@example.com, failing check, build and any import holding one.
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    replace(
        tmp.path(),
        "content/guide.md",
        "## Reading\n",
        "## Reading\n\nQuestions go to <people@example.com>.\n",
    );
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!((report.errors, status), (0, 0), "{:#?}", report.diagnostics);
    common::ladderbook()
        .arg("build")
        .arg(tmp.path())
        .assert()
        .success();
    let page = fs::read_to_string(tmp.path().join("book/guide/index.html")).unwrap();
    assert!(
        page.contains("<a href=\"mailto:people@example.com\">people@example.com</a>"),
        "{page}"
    );
}

/// The hints of broken links say what the author can do, and never point at another level
/// or expectation (serve-break 26 M3, M4, L2): a level renamed is suggested by its new file,
/// not a level one word away; a number past the pillar's expectations gets their range; a
/// page with thousands of anchors is not listed anchor by anchor.
#[test]
fn link_hints_name_the_renamed_file_and_the_expectations_a_pillar_has() {
    let example = |tmp: &Path| {
        common::copy_ladder(&common::repo(), tmp);
        fs::remove_dir_all(tmp.join("book")).ok();
    };
    let hint_of = |report: &Report, needle: &str| -> String {
        report
            .diagnostics
            .iter()
            .find(|d| d.message.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {:#?}", report.diagnostics))
            .hint
            .clone()
    };
    // Renamed: the link's hint names the file that took its place.
    let tmp = tempfile::tempdir().unwrap();
    example(tmp.path());
    fs::rename(
        tmp.path().join("content/levels/senior-engineer.md"),
        tmp.path().join("content/levels/senior-engineer-ic.md"),
    )
    .unwrap();
    for f in fs::read_dir(tmp.path().join("content/competencies/senior-engineer")).unwrap() {
        let path = f.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replace(
                "level = \"senior-engineer\"",
                "level = \"senior-engineer-ic\"",
            ),
        )
        .unwrap();
    }
    let (report, _) = json(tmp.path(), &[]);
    let hint = hint_of(&report, "`levels/senior-engineer.md`");
    assert!(hint.contains("`levels/senior-engineer-ic.md`"), "{hint}");
    assert!(!hint.contains("staff-engineer"), "{hint}");

    // Deleted: no other level offered as the one meant.
    let tmp = tempfile::tempdir().unwrap();
    example(tmp.path());
    let guide = tmp.path().join("content/promotions.md");
    let mut text = fs::read_to_string(&guide).unwrap();
    text.push_str("\nSee [the lead](levels/lead-engineer.md), [nine](levels/staff-engineer.md#craft--9), [none](levels/director.md#people--0) and [the config](levels/staff-engineer.md#booktoml).\n");
    fs::write(&guide, text).unwrap();
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!(status, 1);
    let hint = hint_of(&report, "`levels/lead-engineer.md`");
    assert!(!hint.contains("did you mean"), "{hint}");
    assert!(hint.contains("deleted or renamed"), "{hint}");
    // Review 26 L7: no expectation is number 0 either.
    let hint = hint_of(&report, "`#people--0`");
    assert!(hint.contains("`#people--1` to `#people--"), "{hint}");
    let hint = hint_of(&report, "`#craft--9`");
    assert!(hint.contains("`#craft--1` to `#craft--5`"), "{hint}");
    assert!(!hint.contains("did you mean"), "{hint}");

    // A pasted list of 3,000 expectations: the hint lists the page's sections, not every
    // expectation's anchor.
    let craft = tmp
        .path()
        .join("content/competencies/staff-engineer/craft.md");
    let mut text = fs::read_to_string(&craft).unwrap();
    for i in 0..3000 {
        text.push_str(&format!("- Pasted line {i} of a long list.\n"));
    }
    fs::write(&craft, text).unwrap();
    let (report, _) = json(tmp.path(), &[]);
    let hint = hint_of(&report, "`#booktoml`");
    assert!(hint.len() < 400, "{} characters: {hint}", hint.len());
    assert!(hint.contains("`#craft`"), "{hint}");
    assert!(!hint.contains("craft--2999"), "{hint}");
}

/// A link written as HTML (`<a href>`, as ladders imported from GitHub pages or written by
/// hand have them) is the same link to a reader: rewritten to its page's address, and
/// reported where it is written when its file or anchor does not exist (browser check 35
/// B35-04: built as written, `levels/e2.md` was a 404 on the site and `check` said nothing).
#[test]
fn links_written_as_html_are_checked_and_rewritten_as_markdown_links_are() {
    let html_link = |dir: &Path, href: &str| {
        replace(
            dir,
            "content/guide.md",
            "[the senior level](levels/e2.md#craft)",
            &format!("<a class=\"x\" href=\"{href}\">the senior level</a>"),
        )
    };
    let tmp = tempfile::tempdir().unwrap();
    clean_ladder(tmp.path());
    html_link(tmp.path(), "levels/e2.md#craft");
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!((report.errors, status), (0, 0), "{:#?}", report.diagnostics);
    let site = tmp.path().join("site");
    common::ladderbook()
        .arg("build")
        .arg(tmp.path())
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    let guide = fs::read_to_string(site.join("guide/index.html")).unwrap();
    assert!(
        guide.contains(r#"<a class="x" href="../levels/e2/#craft">the senior level</a>"#),
        "{guide}"
    );

    for (href, code, column) in [
        ("levels/e3.md", "broken-link", 5),
        ("levels/e2.md#crafts", "broken-anchor", 5),
        ("#nowhere", "broken-anchor", 5),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        clean_ladder(tmp.path());
        html_link(tmp.path(), href);
        let (report, status) = json(tmp.path(), &[]);
        assert_eq!(status, 1, "{href}");
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{href}: {:#?}", report.diagnostics));
        assert_eq!(
            (d.path.as_str(), d.line, d.column),
            ("content/guide.md", 6, column),
            "{href}"
        );
        assert!(d.message.contains(&format!("`{href}`")), "{}", d.message);
    }
}

/// A level deleted with its competencies (browser check 36 B36-03): a link to one of its
/// competencies was offered another level's file of the same pillar ("did you mean
/// `competencies/senior-engineer/strategy.md`?" for Staff's, a link that says Staff and opens
/// Senior), or the very file the link is in. A typo of a level's id is still offered its file.
#[test]
fn a_deleted_levels_competency_is_never_offered_another_levels_file() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    common::copy_ladder(&common::repo(), d);
    fs::remove_file(d.join("content/levels/staff-engineer.md")).unwrap();
    fs::remove_dir_all(d.join("content/competencies/staff-engineer")).unwrap();
    let cell = "content/competencies/senior-engineer/people.md";
    let text = fs::read_to_string(d.join(cell)).unwrap();
    fs::write(
        d.join(cell),
        format!("{text}- Mentors as [a director asks](../directr/people.md).\n"),
    )
    .unwrap();
    let (report, status) = json(d, &[]);
    assert_eq!(status, 1);
    let hint = |path: &str, dest: &str| {
        report
            .diagnostics
            .iter()
            .find(|x| x.code == "broken-link" && x.path == path && x.message.contains(dest))
            .unwrap_or_else(|| panic!("{path} {dest}: {:#?}", report.diagnostics))
            .hint
            .clone()
    };
    for (path, dest) in [
        (
            "content/promotions.md",
            "`competencies/staff-engineer/strategy.md`",
        ),
        (
            "content/competencies/senior-engineer/strategy.md",
            "`../staff-engineer/strategy.md`",
        ),
    ] {
        let h = hint(path, dest);
        assert!(!h.contains("did you mean"), "{path}: {h}");
        assert!(h.contains("deleted or renamed"), "{path}: {h}");
    }
    let h = hint(cell, "`../directr/people.md`");
    assert!(h.contains("did you mean `../director/people.md`?"), "{h}");
}

/// A level's `summary` is Markdown shown on the overview, its page and every comparison of it
/// (browser check 37, B37-03): a link in it to a content file, in Markdown or HTML, leads to
/// that page from each of them, and one to a file the ladder lacks is a `broken-link` error
/// at the `summary` line. Before, it was published as written (`staff-engineer.md`), a 404
/// on every page, and `check` said nothing.
#[test]
fn links_in_a_levels_summary_are_rewritten_on_every_page_and_checked() {
    let from = "summary = \"Owns features end to end and raises the bar for the team.\"";
    let to = r#"summary = "Owns features end to end, as [a Staff Engineer](staff-engineer.md#craft) does across teams; see <a href='../how-to-read.md'>how to read</a>.""#;
    let (_tmp, site) =
        common::build_edited_example(&[("content/levels/senior-engineer.md", from, to)]);
    assert_eq!(common::broken_links(&site), Vec::<String>::new());
    // As data, the summary is its text: no address relative to a file, no tag (B39-06).
    let level = common::ladder_json_level(&site, "senior-engineer");
    assert_eq!(
        level["summary"],
        "Owns features end to end, as a Staff Engineer does across teams; see how to read."
    );
    for (page, root) in [
        ("index.html", ""),
        ("levels/senior-engineer/index.html", "../../"),
        (
            "compare/senior-engineer/staff-engineer/index.html",
            "../../../",
        ),
    ] {
        let html = fs::read_to_string(site.join(page)).unwrap();
        assert!(
            html.contains(&format!(
                "as <a href=\"{root}levels/staff-engineer/#craft\">a Staff Engineer</a> does"
            )) && html.contains(&format!("<a href=\"{root}how-to-read/\">how to read</a>")),
            "{page}"
        );
    }

    let tmp = tempfile::tempdir().unwrap();
    common::copy_ladder(&common::repo(), tmp.path());
    let broken = to.replace("staff-engineer.md#craft", "staf-engineer.md#craft");
    replace(
        tmp.path(),
        "content/levels/senior-engineer.md",
        from,
        &broken,
    );
    let (report, status) = json(tmp.path(), &[]);
    assert_eq!(status, 1);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "broken-link")
        .unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert_eq!(
        (d.path.as_str(), d.line, d.column),
        ("content/levels/senior-engineer.md", 6, 41)
    );
    assert!(
        d.message.contains("`staf-engineer.md#craft`"),
        "{}",
        d.message
    );
    assert!(d.hint.contains("staff-engineer.md"), "{}", d.hint);
}

/// The links of a `summary` written with escapes (`\"`) or over several lines (`"""`): each
/// error names the link's own line and column, and a summary of two paragraphs shows on the
/// overview as one run of text, its link rewritten (review 35, R35-07, R35-10).
#[test]
fn a_summarys_links_are_placed_through_escapes_and_lines() {
    let from = "summary = \"Owns features end to end and raises the bar for the team.\"";
    for (to, line, column) in [
        (
            r#"summary = "Owns \"features\" end to end, as [a Staff Engineer](staf-engineer.md) does.""#,
            6,
            45,
        ),
        (
            "summary = \"\"\"\nOwns features end to end.\n\nAs [a Staff Engineer](staf-engineer.md) does.\"\"\"",
            9,
            4,
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        common::copy_ladder(&common::repo(), tmp.path());
        replace(tmp.path(), "content/levels/senior-engineer.md", from, to);
        let (report, _) = json(tmp.path(), &[]);
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == "broken-link")
            .unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
        assert_eq!((d.line, d.column), (line, column), "{to}");

        let fixed = to.replace("staf-engineer.md", "staff-engineer.md");
        let (_tmp, site) =
            common::build_edited_example(&[("content/levels/senior-engineer.md", from, &fixed)]);
        let overview = fs::read_to_string(site.join("index.html")).unwrap();
        let at = overview.find("<a href=\"levels/staff-engineer/\">a Staff Engineer</a>");
        let cell = &overview[..at.unwrap_or_else(|| panic!("{overview}"))];
        let summary = &cell[cell.rfind("<p class=\"level-summary\">").unwrap()..];
        assert!(!summary[3..].contains("<p"), "{summary}");
        // Two paragraphs read as two sentences, not run into one word (review 36, R36-09).
        assert!(!summary.contains(".As"), "{summary}");
    }
}

/// A site-absolute link in a level's `summary`, under a site-url with a path (browser check
/// 39, B39-02): the `outside-link` warning a body's link gets, at the link in the summary.
/// Before, the summary's link was not read, and it led outside the site on every page that
/// shows the summary.
#[test]
fn a_site_absolute_link_in_a_summary_is_warned_about_under_a_sub_path() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    under_careers(d);
    replace(
        d,
        "content/levels/e2.md",
        "rank = 2",
        "rank = 2\nsummary = \"Grows into [the next level](/levels/e1/).\"",
    );
    let (report, _) = json(d, &[]);
    let w = report
        .diagnostics
        .iter()
        .find(|d| d.code == "outside-link")
        .unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert_eq!(
        (w.path.as_str(), w.line, w.column),
        ("content/levels/e2.md", 4, 23),
        "{w:#?}"
    );
    assert!(w.hint.ends_with("`e1.md`"), "{}", w.hint);
}

#[test]
fn comparisons_and_the_changes_page_are_linked_by_their_relative_address_and_checked() {
    // A promotions guide links the comparison pages: `compare/` was "content/compare, which
    // does not exist", and a site-absolute link to a comparison the site does not have (the
    // senior level first) passed check and build (author check 50, A50-01 and A50-02).
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    replace(
        d,
        "content/guide.md",
        "See [the senior level](levels/e2.md#craft).",
        "See [all comparisons](compare/), [Engineer to Senior](compare/e1/e2/#craft) and [releases](changes/).",
    );
    let (report, status) = json(d, &[]);
    assert_eq!((report.errors, status), (0, 0), "{:#?}", report.diagnostics);
    let site = d.join("site");
    common::ladderbook()
        .arg("build")
        .arg(d)
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    let guide = common::page(&site, "guide/");
    for href in ["../compare/", "../compare/e1/e2/#craft", "../changes/"] {
        assert!(
            guide.contains(&format!("href=\"{href}\"")),
            "{href}: {guide}"
        );
    }
    assert!(
        common::broken_links(&site).is_empty(),
        "{:?}",
        common::broken_links(&site)
    );

    // A section the comparison does not have (review 44 R44-08).
    let tmp2 = tempfile::tempdir().unwrap();
    clean_ladder(tmp2.path());
    replace(
        tmp2.path(),
        "content/guide.md",
        "levels/e2.md#craft",
        "compare/e1/e2/#crafts",
    );
    let (report, status) = json(tmp2.path(), &[]);
    assert_eq!(status, 1);
    let e = &report.diagnostics[0];
    assert_eq!(e.code, "broken-anchor", "{e:#?}");
    assert!(e.hint.starts_with("did you mean `#craft`?"), "{}", e.hint);
    // The parts every comparison page has, and a fragment written percent-encoded, are there
    // (review 45 R45-10).
    let mut link = "compare/e1/e2/#crafts".to_string();
    for anchor in ["summary-heading", "main", "cr%61ft"] {
        let next = format!("compare/e1/e2/#{anchor}");
        replace(tmp2.path(), "content/guide.md", &link, &next);
        link = next;
        let (report, status) = json(tmp2.path(), &[]);
        assert_eq!(status, 0, "#{anchor}: {:#?}", report.diagnostics);
    }

    // The senior level first; two levels of different tracks that are not equivalent.
    for (link, hint) in [
        (
            "compare/e2/e1/",
            "the junior level to the senior one: link to `compare/e1/e2/`",
        ),
        (
            "compare/e1/m1/",
            "comparisons are between two levels of one track",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        clean_ladder(d);
        replace(d, "content/guide.md", "levels/e2.md#craft", link);
        let (report, status) = json(d, &[]);
        assert_eq!(status, 1, "{link}");
        let e = &report.diagnostics[0];
        assert_eq!(
            (e.code.as_str(), e.line),
            ("broken-link", 6),
            "{link}: {e:#?}"
        );
        assert!(e.hint.contains(hint), "{link}: {}", e.hint);
        // Written from the site's root, the same link is published as written: a warning.
        let absolute = format!("/{link}");
        replace(d, "content/guide.md", link, &absolute);
        let (report, _) = json(d, &[]);
        let w = report
            .diagnostics
            .iter()
            .find(|d| d.code == "missing-page")
            .unwrap_or_else(|| panic!("{absolute}: {:#?}", report.diagnostics));
        assert!(
            w.message.contains("names no comparison of the ladder"),
            "{}",
            w.message
        );
        assert!(w.hint.contains(hint), "{absolute}: {}", w.hint);
    }
}

#[test]
fn a_competency_moved_into_another_folder_is_one_error_not_its_links_and_gap_too() {
    // A link to one of its expectations was a broken anchor whose hint, "did you mean
    // `#craft`?", would have cut a working deep link; and the gap's hint asked for the file
    // that was there (author check 50, A50-05).
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    clean_ladder(d);
    replace(
        d,
        "content/guide.md",
        "levels/e2.md#craft",
        "levels/e2.md#craft--2",
    );
    fs::rename(
        d.join("content/competencies/e2/craft.md"),
        d.join("content/levels/e2-craft.md"),
    )
    .unwrap();
    let (report, status) = json(d, &[]);
    assert_eq!(status, 1);
    let codes: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.path.as_str()))
        .collect();
    assert_eq!(
        codes,
        [("misplaced", "content/levels/e2-craft.md")],
        "{:#?}",
        report.diagnostics
    );
}
