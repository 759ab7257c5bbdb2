//! `ladderbook import` on the Financial Times' real ladder (YAML job families) under
//! `tests/fixtures/real-ladders/`: each file and the folder import and build with zero errors,
//! every competency's text is on the built site, and the overview keeps the legacy family,
//! which declares no equivalent levels, apart from the others.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;
use std::path::Path;

fn yaml_of(path: &Path) -> ladderbook::import::yaml::Y {
    let text = fs::read_to_string(path).unwrap();
    let doc = ladderbook::import::source::SourceDoc::new("x.yml", text.clone());
    ladderbook::import::yaml::load(
        &mut ladderbook::import::model::Ladder::default(),
        &doc,
        &text,
        1,
    )
    .unwrap()
}

#[test]
fn financial_times_yaml_both_files_and_the_folder() {
    use ladderbook::import::yaml::Y;
    let dir = real_ladders().join("Financial-Times-engineering-progression/data/job-families");
    let mut all_units = Vec::new();
    for (file, n) in [("engineering.yml", 72), ("engineering-v1.yml", 101)] {
        let src = dir.join(file);
        let y = yaml_of(&src);
        let name_of = |list: &str, id: &str| -> String {
            y.get(list)
                .map_or(&[][..], Y::items)
                .iter()
                .find(|x| x.get("id").and_then(Y::text).as_deref() == Some(id))
                .and_then(|x| x.get("name").and_then(Y::text))
                .unwrap()
        };
        let mut exps = Vec::new();
        let mut units = Vec::new();
        for c in y.get("competencies").unwrap().items() {
            let summary = c.get("summary").and_then(Y::text).unwrap();
            units.push(md_words(&summary));
            for e in c.get("examples").map_or(&[][..], Y::items) {
                units.push(md_words(&e.text().unwrap()));
            }
            for u in c.get("supportingUrls").map_or(&[][..], Y::items) {
                units.push(md_words(&u.get("label").and_then(Y::text).unwrap()));
            }
            units.push(md_words(&c.get("proficiency").and_then(Y::text).unwrap()));
            exps.push(Exp {
                level: words(&name_of(
                    "levels",
                    &c.get("level").and_then(Y::text).unwrap(),
                )),
                pillar: words(&name_of(
                    "themes",
                    &c.get("theme").and_then(Y::text).unwrap(),
                )),
                text: summary,
            });
        }
        assert_eq!(exps.len(), n);
        let imp = import(&src, &[]);
        assert_all_on_site(&imp, &units, file);
        assert_placed(&imp, &exps, &[]);
        all_units.extend(units);
        let c = imp.root.join("content");
        if file == "engineering.yml" {
            // Parallel IC and people-manager levels: two tracks, equivalents both ways.
            let tracks: Vec<String> = content_files(&c.join("tracks"))
                .into_iter()
                .map(|t| t.0)
                .collect();
            assert_eq!(tracks, ["ic", "pm"]);
            for (a, b) in [
                ("senior-2-ic", "senior-2-pm"),
                ("principal-ic", "principal-pm"),
                ("senior-2-pm", "senior-2-ic"),
                ("principal-pm", "principal-ic"),
            ] {
                let f = front(&c.join(format!("levels/{a}.md")));
                assert_eq!(f["equivalent"].as_array().unwrap()[0].as_str(), Some(b));
            }
            assert_eq!(
                str_of(&front(&c.join("levels/senior-2-pm.md")), "track"),
                "pm"
            );
            // Theme summaries describe the pillars.
            assert!(fs::read_to_string(c.join("pillars/team-work.md"))
                .unwrap()
                .contains("Collaborates effectively across the organisation."));
        } else {
            // Examples, supporting links and proficiency are notes inside the expectation.
            let cell = fs::read_to_string(c.join("competencies/junior/technical.md")).unwrap();
            // The competency's UUID ends the first line as the expectation's own id.
            let start = cell
                .find("- Is responsible for and maintains their computer and local development environment {#")
                .unwrap_or_else(|| panic!("{cell}"));
            let after_id = &cell[start..][cell[start..].find("}\n").unwrap() + 1..];
            assert!(after_id.starts_with("\n\n  *Proficiency:* Working knowledge\n\n  *Examples:*\n\n  - Keeps their local tools up to date"), "{cell}");
            let sec = fs::read_to_string(c.join("competencies/engineer/technical.md")).unwrap();
            assert!(
                sec.contains(
                    "  - [Open Web Application Security Project](<https://www.owasp.org/>)"
                ),
                "{sec}"
            );
        }
        assert!(broken_links(&imp.site).is_empty());
    }
    // The folder: both files, the schema skipped and said so.
    let imp = import(
        &real_ladders().join("Financial-Times-engineering-progression"),
        &[],
    );
    assert_all_on_site(&imp, &all_units, "FT folder");
    assert!(imp.summary.contains("job-family.json"), "{}", imp.summary);
    // The legacy family declares no equivalents: the overview's table, in which a row is a
    // claim of equivalence, holds the IC and manager tracks only, and the legacy levels have
    // a table of their own below it, in order, which the caption explains.
    let html = page(&imp.site, "");
    let overview = words(&html);
    assert!(
        overview.contains("levels on one row are equivalent in seniority engineering legacy declares no equivalent levels so it has a table of its own below which says nothing of how its levels compare with those of the other tracks"),
        "{overview}"
    );
    let tables: Vec<&str> = html
        .split("<table class=\"overview")
        .skip(1)
        .map(|t| &t[t.find('>').unwrap() + 1..t.find("</table>").unwrap()])
        .collect();
    assert_eq!(tables.len(), 2, "{html}");
    let heads = |t: &str| words(&t[..t.find("</thead>").unwrap()]);
    assert_eq!(heads(tables[0]), "individual contributor people manager");
    assert!(
        !tables[0].contains("levels/engineering-v1-"),
        "{}",
        tables[0]
    );
    assert_eq!(heads(tables[1]), "engineering legacy");
    assert_eq!(
        words(&tables[1][tables[1].find("<tbody>").unwrap()..]),
        "junior engineer engineer senior engineer 1 senior engineer 2"
    );
    // Two job families in one folder are not merged, and the summary says so: the current
    // family's `leadership` theme has another name than the legacy one, so it is a pillar of
    // its own, holding exactly the current family's leadership expectations.
    assert!(
        imp.summary.contains("2 job families in one folder"),
        "{}",
        imp.summary
    );
    let c = imp.root.join("content");
    for (file, pillar) in [
        ("engineering-v1.yml", "leadership"),
        ("engineering.yml", "leadership-of-self-and-others"),
    ] {
        let y = yaml_of(&dir.join(file));
        let n = y
            .get("competencies")
            .unwrap()
            .items()
            .iter()
            .filter(|c| c.get("theme").and_then(Y::text).as_deref() == Some("leadership"))
            .count();
        let on_site: usize = content_files(&c.join("levels"))
            .iter()
            .map(|(id, _)| {
                let html = page(&imp.site, &format!("levels/{id}/"));
                if !html.contains(&format!("id=\"{pillar}\"")) {
                    return 0;
                }
                section(&html, pillar, "class=\"pillar-section\"")
                    .split("<details class=\"inherited\"")
                    .next()
                    .unwrap_or("")
                    .matches("<li id=\"")
                    .count()
            })
            .sum();
        assert_eq!((n, on_site), (n, n), "{file}: pillar {pillar}");
    }
    // Theme descriptions only the current family gives are kept.
    for (p, text) in [
        ("communication", "Effectively listens, understands"),
        ("technical", "Demonstrates and shares technical"),
        (
            "leadership-of-self-and-others",
            "Guides oneself and inspires",
        ),
    ] {
        let f = fs::read_to_string(c.join(format!("pillars/{p}.md"))).unwrap();
        assert!(f.contains(text), "{f}");
    }
    // The overview reads from junior to senior, in each of its tables: the current tracks'
    // rows of equivalents come after the IC levels below them, and the legacy track's
    // Senior Engineer 2 (in the table after them) after its Senior Engineer 1.
    let overview = std::fs::read_to_string(imp.site.join("index.html")).unwrap();
    let row_of = |id: &str| {
        overview
            .split("<tr")
            .position(|r| r.contains(&format!("levels/{id}/\"")))
            .unwrap_or_else(|| panic!("{id} is not on the overview"))
    };
    assert!(row_of("ic-senior-1") < row_of("senior-2-ic"));
    assert_eq!(row_of("senior-2-ic"), row_of("senior-2-pm"));
    assert!(row_of("senior-2-ic") < row_of("principal-ic"));
    assert!(row_of("principal-ic") < row_of("tech-director"));
    assert!(row_of("tech-director") < row_of("engineering-v1-senior-1"));
    assert!(row_of("engineering-v1-senior-1") < row_of("senior-2"));
    // Principal Engineer is the title of a level on two tracks: where the two meet, each is
    // named with its track, so a comparison's heading and columns tell them apart.
    let compare = page(&imp.site, "compare/principal-ic/principal-pm/");
    let title = compare
        .split("<title>")
        .nth(1)
        .unwrap()
        .split("</title>")
        .next()
        .unwrap();
    assert!(
        title.starts_with(
            "Principal Engineer (Individual Contributor) and Principal Engineer (People"
        ),
        "{title}"
    );
    assert!(
        compare.contains("<p class=\"side-level\">Principal Engineer (Individual Contributor)</p>")
    );
    // A title no other level has is left alone.
    assert!(page(&imp.site, "levels/tech-director/").contains("<title>Technology Director · "));
}

#[test]
fn a_changed_expectation_with_examples_marks_its_own_words_and_keeps_its_examples_as_a_list() {
    let src = real_ladders()
        .join("Financial-Times-engineering-progression/data/job-families/engineering-v1.yml");
    let imp = import(&src, &[]);
    let html = page(&imp.site, "compare/junior/engineer/");
    // Junior: "Uses version control to manage routine development workflow, and can work with
    // support on uncommon workflows", with a proficiency and two examples; Engineer drops
    // "routine" and the rest of the sentence, and has examples of its own.
    let row = html
        .split("<li class=\"pair ")
        .find(|r| r.contains("Uses version control to manage"))
        .expect("a row of the version-control expectation");
    assert!(row.starts_with("status-changed"), "{row}");
    let lower = row
        .split("<div class=\"expectation diff\">")
        .nth(1)
        .expect("a word diff on the lower side");
    let (sentence, rest) = lower.split_once("</p>").unwrap();
    assert!(sentence.starts_with("<p>Uses version control to manage <del>routine</del>"));
    // The examples are a list of their own, unmarked: not words run into the sentence.
    let rest = &rest[..rest.find("</div>").unwrap()];
    assert!(!rest.contains("<del>"), "{rest}");
    assert!(
        rest.contains(
            "<li>Git example: is able to clone a repo, check out a branch, add, commit, push</li>"
        ),
        "{rest}"
    );
}
