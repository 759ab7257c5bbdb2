//! Footnotes in competencies (GitHub's `[^label]` extension), on every page that shows them
//! (browser check 31 H1). A comparison shows expectations without their cell's notes, where
//! the definitions are: its footnote marks pointed at ids no page element had, and the text
//! they stood for was on no screen and no paper. Each expectation was also written on its
//! own, so every footnote was numbered 1, and two cells' `[^1]` shared an id on a level page.

mod common;
use common::*;
use std::collections::BTreeMap;

const E2_CRAFT: &str = "content/competencies/engineer-2/craft.md";
const SENIOR_CRAFT: &str = "content/competencies/senior-engineer/craft.md";

/// The example, with footnotes in both levels' Technical craft: Engineer II's tests line
/// (with an example under it, so the row's diff is of its lead) and last line refer to
/// `[^flaky]` and `[^1]`, and `[^flaky]`'s text cites `[^ci]`; Senior Engineer's last line
/// refers to its own `[^1]`, defined above the list.
fn footnoted() -> (tempfile::TempDir, std::path::PathBuf) {
    footnoted_with(&[])
}

/// [`footnoted`], after `more` edits.
fn footnoted_with(more: &[(&str, &str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let mut edits = vec![
        (
            E2_CRAFT,
            "instead of simply re-running them.\n",
            "instead of simply re-running them[^flaky].\n  - Such as a test that times out on the build server.\n",
        ),
        (
            E2_CRAFT,
            "upstream dependencies and deployment pipeline.\n",
            "upstream dependencies and deployment pipeline[^1].\n\n[^flaky]: A test that passes and fails on the same code, on the [^ci].\n\n[^1]: The steps that take a change from review to production.\n\n[^ci]: The build server.\n",
        ),
        (
            SENIOR_CRAFT,
            "+++\n\n",
            "+++\n\n[^1]: The security team's review, booked through its queue.\n\n",
        ),
        (
            SENIOR_CRAFT,
            "asks for a specialist review when the risk calls for it.\n",
            "asks for a specialist review when the risk calls for it[^1].\n\n[^span]: Two or more services, each with its own owner.\n",
        ),
        (
            SENIOR_CRAFT,
            "features and systems that span several services",
            "features and systems that span several services[^span]",
        ),
        // A level's description cites a footnote labelled as a pillar's id.
        (
            "content/levels/engineer-2.md",
            "from a written ticket to production",
            "from a written ticket[^craft] to production",
        ),
        (
            "content/levels/engineer-2.md",
            "thoughtful reviews.\n",
            "thoughtful reviews.\n\n[^craft]: A ticket in the team's tracker, with its acceptance criteria.\n",
        ),
    ];
    edits.extend_from_slice(more);
    build_edited_example(&edits)
}

/// Every `id` on the page, with how many elements have it.
fn ids(html: &str) -> BTreeMap<&str, usize> {
    let mut out = BTreeMap::new();
    for part in html.split(" id=\"").skip(1) {
        *out.entry(&part[..part.find('"').unwrap()]).or_default() += 1;
    }
    out
}

/// The targets of the page's footnote marks, in order, with the number each shows.
fn marks(html: &str) -> Vec<(&str, &str)> {
    html.split("<sup class=\"footnote-reference\"><a href=\"#")
        .skip(1)
        .map(|s| {
            let (target, rest) = s.split_once("\">").unwrap();
            (target, &rest[..rest.find('<').unwrap()])
        })
        .collect()
}

/// The text of the footnote whose id is `id`.
fn definition<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<div class=\"footnote-definition\" id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no definition #{id}"));
    let def = &html[start..];
    &def[..def.find("</div>").unwrap()]
}

#[test]
fn a_comparison_shows_the_footnotes_its_rows_refer_to() {
    let (_tmp, site) = footnoted();
    let html = page(&site, "compare/engineer-2/senior-engineer/");
    let marks = marks(&html);
    // Four in the rows (the tests line's in its changed row's diff of its lead, review 31
    // F1), and one in a footnote's text (F2).
    assert_eq!(marks.len(), 5, "{marks:?}");
    for (target, _) in &marks {
        assert_eq!(ids(&html).get(target), Some(&1), "#{target}");
    }
    let craft = section(&html, "craft", "</section>");
    let texts: Vec<&str> = marks.iter().map(|(t, _)| definition(craft, t)).collect();
    assert!(texts
        .iter()
        .any(|t| t.contains("passes and fails on the same code")));
    assert!(texts
        .iter()
        .any(|t| t.contains("from review to production")));
    assert!(texts.iter().any(|t| t.contains("The build server")));
    // Defined above the list (F3).
    assert!(texts.iter().any(|t| t.contains("booked through its queue")));
    // Each level's footnotes under its name, as both may number theirs from 1.
    let e2 = craft.find("level-footnotes-name\">Engineer II<").unwrap();
    let senior = craft
        .find("level-footnotes-name\">Senior Engineer<")
        .unwrap();
    assert!(e2 < craft.find("passes and fails").unwrap());
    assert!(senior < craft.find("booked through its queue").unwrap());
    // Pillars with no footnotes have none.
    assert_eq!(html.matches("class=\"level-footnotes\"").count(), 2);
    // Numbered in the order they are cited, wherever they are defined (browser check 33
    // M1): Senior Engineer's `[^1]`, defined above the list, is cited after `[^span]`.
    let senior_page = page(&site, "levels/senior-engineer/");
    let senior: Vec<&str> = section(&senior_page, "craft", "</section>")
        .split("<sup class=\"footnote-reference\"><a href=\"#")
        .skip(1)
        .map(|m| &m[m.find("\">").unwrap() + 2..m.find("</a>").unwrap()])
        .collect();
    assert_eq!(senior, ["1", "2"]);
}

#[test]
fn a_footnote_is_numbered_in_its_file_and_its_id_names_its_cell() {
    let (_tmp, site) = footnoted();
    let html = page(&site, "levels/engineer-2/");
    let marks = marks(section(&html, "craft", "</section>"));
    assert_eq!(
        marks.iter().map(|m| m.1).collect::<Vec<_>>(),
        ["1", "2", "3"],
        "numbered in the order the file refers to them: {marks:?}"
    );
    assert!(definition(&html, marks[0].0).contains("passes and fails"));
    assert!(definition(&html, marks[1].0).contains("from review to production"));
    // On the track page both levels' `[^1]` are there, each with an id of its own.
    let track = page(&site, "tracks/ic/");
    let ids = ids(&track);
    let twice: Vec<_> = ids.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "{twice:?}");
    for (target, _) in self::marks(&track) {
        assert_eq!(ids.get(target), Some(&1), "#{target}");
    }
    assert!(broken_links(&site).is_empty(), "{:?}", broken_links(&site));
}

/// Review 31 F4: on a cumulative track a level page lists, under each pillar, what lower
/// levels expect that it does not restate; their footnote marks lead to those levels'
/// footnotes, shown there under each level's name.
#[test]
fn a_cumulative_levels_inherited_expectations_bring_their_footnotes() {
    let (_tmp, site) = footnoted_with(&[(
        "content/tracks/ic.md",
        "order = 1\n",
        "order = 1\ncumulative = true\n",
    )]);
    let html = page(&site, "levels/staff-engineer/");
    let craft = section(&html, "craft", "</section>");
    let inherited = &craft[craft.find("<details class=\"inherited\">").unwrap()..];
    let marks = marks(inherited);
    assert!(marks.len() >= 2, "{marks:?}");
    let ids = ids(&html);
    for (target, _) in &marks {
        assert_eq!(ids.get(target), Some(&1), "#{target}");
    }
    // Senior Engineer's, as Staff Engineer restates none of its footnoted lines (Engineer
    // II's are restated, reworded, at Senior Engineer, and so not inherited twice).
    assert!(
        inherited.contains("level-footnotes-name\">Senior Engineer<"),
        "{inherited}"
    );
    assert!(broken_links(&site).is_empty(), "{:?}", broken_links(&site));
}

/// Browser check 33 H1: a footnote in a level's description took its label for its id, so
/// `[^craft]` made a second `id="craft"` before the Technical craft section, where the
/// pillar buttons and every `#craft` link then landed.
#[test]
fn a_descriptions_footnote_takes_no_pillars_anchor() {
    let (_tmp, site) = footnoted();
    let html = page(&site, "levels/engineer-2/");
    let ids = ids(&html);
    assert_eq!(ids.get("craft"), Some(&1));
    assert!(html.contains("<section class=\"pillar-section\" id=\"craft\">"));
    let description = &html[..html.find("<nav class=\"toc\"").unwrap()];
    let marks = marks(description);
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(ids.get(marks[0].0), Some(&1));
    assert!(definition(&html, marks[0].0).contains("acceptance criteria"));
}

/// Review 32 H1: a footnote defined inside an expectation and cited by a later one was
/// numbered 0 (each expectation is written as soon as it ends), its mark leading nowhere;
/// and a label defined twice gave two elements one id.
#[test]
fn a_footnote_defined_inside_an_expectation_or_twice_has_one_target() {
    let e1 = "content/competencies/engineer-1/craft.md";
    let text = std::fs::read_to_string(repo().join(e1)).unwrap();
    let first = text
        .lines()
        .find(|l| l.starts_with("- "))
        .unwrap()
        .to_string();
    let second = text
        .lines()
        .filter(|l| l.starts_with("- "))
        .nth(1)
        .unwrap()
        .to_string();
    let (_tmp, site) = footnoted_with(&[
        (
            e1,
            &first,
            &format!("{first}\n\n  [^in]: Defined inside the first expectation."),
        ),
        (
            e1,
            &second,
            &format!("{}[^in][^d].", second.trim_end_matches('.')),
        ),
        (
            e1,
            "+++\n\n",
            "+++\n\n[^d]: The first definition.\n\n[^d]: The second, of the same label.\n\n",
        ),
    ]);
    for address in [
        "levels/engineer-1/",
        "pillars/craft/",
        "tracks/ic/",
        "compare/engineer-1/engineer-2/",
    ] {
        let html = page(&site, address);
        let ids = ids(&html);
        let twice: Vec<_> = ids.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "{address}: {twice:?}");
        let marks = marks(&html);
        assert!(
            marks
                .iter()
                .any(|(t, _)| t.starts_with("fn-engineer-1--craft-")),
            "{address}"
        );
        for (target, n) in &marks {
            assert_eq!(ids.get(target), Some(&1), "{address}: #{target}");
            assert_ne!(*n, "0", "{address}");
        }
    }
}
