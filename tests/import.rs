//! `ladderbook import`: every real ladder under `tests/fixtures/real-ladders/` imports and builds
//! with zero errors, every list item and paragraph of the original is on the built site (text
//! for text), and every expectation is on its level's page under the right pillar. Then the
//! Markdown shapes of `tests/fixtures/import/`, bad input, overwriting and atomic output.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;
use std::path::Path;

// ---------------------------------------------------------------------------------------
// The real ladders.

#[test]
fn codecademy_both_files_and_the_folder() {
    let dir = real_ladders().join("Codecademy-engineering-competencies");
    let mut all_exps = Vec::new();
    for (file, n) in [("README.md", 104), ("managers.md", 125)] {
        let src = dir.join(file);
        let text = fs::read_to_string(&src).unwrap();
        let imp = import(&src, &[]);
        assert_all_on_site(&imp, &md_units(&text), file);
        let exps: Vec<Exp> = outline(&text)
            .into_iter()
            .filter(|(h, _, item, _)| {
                *item && !h[1].is_empty() && !h[2].is_empty() && h[1] != "FAQ"
            })
            .map(|(h, t, _, _)| Exp {
                level: words(&h[1]),
                pillar: words(&h[2]),
                text: t,
            })
            .collect();
        assert_eq!(exps.len(), n);
        assert_placed(&imp, &exps, &[]);
        all_exps.extend(exps);
        if file == "README.md" {
            // The closing FAQ is a free page, not a level; the table of contents describes the track.
            assert!(words(&page(&imp.site, "faq/"))
                .contains("how long does it take to establish a track record"));
            assert!(!imp.root.join("content/levels/faq.md").exists());
            let track = content_files(&imp.root.join("content/tracks"));
            assert_eq!(track.len(), 1);
            assert!(fs::read_to_string(&track[0].1)
                .unwrap()
                .contains("(../levels/software-engineering-apprentice.md)"));
        } else {
            // Level introductions are their descriptions.
            assert!(
                fs::read_to_string(imp.root.join("content/levels/engineering-manager.md"))
                    .unwrap()
                    .contains("You are a frontline manager")
            );
            // With no `summary`, the first paragraph is the level's summary on other pages;
            // its own page shows it once.
            let level = page(&imp.site, "levels/engineering-manager/");
            assert_eq!(
                level.matches("You are a frontline manager").count(),
                1,
                "{level}"
            );
            assert!(page(&imp.site, "").contains("You are a frontline manager"));
        }
        let broken = broken_links(&imp.site);
        assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    }
    // The folder: two tracks, pillar sets that differ (4 and 5).
    let imp = import(&dir, &[]);
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 2);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 5);
    assert_placed(&imp, &all_exps, &[]);
    // Neither track declares equivalents: the overview lines levels up by rank, and says
    // that this is no claim that an apprentice and a manager are equivalent.
    let overview = words(&page(&imp.site, ""));
    assert!(overview.contains("share a rank"), "{overview}");
    assert!(!overview.contains("equivalent in seniority"), "{overview}");
}

fn octopus_exps(dir: &Path) -> (Vec<Exp>, Vec<String>) {
    let mut exps = Vec::new();
    let mut units = Vec::new();
    for (path, text) in markdown_sources(dir) {
        units.extend(md_units(&text));
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        for (h, t, item, in_details) in outline(&text) {
            if item && !in_details && !h[1].is_empty() {
                exps.push(Exp {
                    level: words(&h[0]),
                    pillar: h[1].clone(),
                    text: t,
                });
            }
        }
    }
    (exps, units)
}

#[test]
fn octopus_folder_of_one_file_per_level() {
    let dir = real_ladders().join("OctopusDeploy-People");
    let imp = import(&dir, &[]);
    let (exps, units) = octopus_exps(&dir);
    assert_all_on_site(&imp, &units, "OctopusDeploy-People");
    // EM pillar names drift between files (same emoji): one pillar each.
    assert_placed(
        &imp,
        &exps,
        &[
            ("talent", "managing individuals"),
            ("culture", "managing teams"),
        ],
    );
    let c = imp.root.join("content");
    // File stems become valid ids; L1.0 is a level with no expectations, below L1.
    let l10 = front(&c.join("levels/l1-0-graduate-software-engineer.md"));
    assert_eq!(
        (str_of(&l10, "code"), l10["rank"].as_integer()),
        ("L1.0".to_string(), Some(1))
    );
    assert!(!c
        .join("competencies/l1-0-graduate-software-engineer")
        .exists());
    assert_eq!(
        front(&c.join("levels/l1-junior-software-engineer.md"))["rank"].as_integer(),
        Some(2)
    );
    // The two tracks share L4–L6.
    let l4 = front(&c.join("levels/l4-lead-software-engineer.md"));
    assert_eq!(
        l4["equivalent"].as_array().unwrap()[0].as_str(),
        Some("l4-engineering-manager")
    );
    let em4 = front(&c.join("levels/l4-engineering-manager.md"));
    assert_eq!(
        em4["equivalent"].as_array().unwrap()[0].as_str(),
        Some("l4-lead-software-engineer")
    );
    // Three EM pillars, not five; the emoji short codes are not in the titles.
    let em_cells: Vec<String> = content_files(&c.join("competencies/l6-director-of-engineering"))
        .into_iter()
        .map(|x| x.0)
        .collect();
    assert_eq!(
        em_cells,
        ["leadership", "managing-individuals", "managing-teams"]
    );
    assert_eq!(
        str_of(&front(&c.join("pillars/leadership.md")), "title"),
        "Leadership"
    );
    // Attribute bullets are the level's description; the examples are notes, not expectations.
    assert!(
        fs::read_to_string(c.join("levels/l3-senior-software-engineer.md"))
            .unwrap()
            .contains("- **Planning horizon**: Current and next cycle")
    );
    let l3 = page(&imp.site, "levels/l3-senior-software-engineer/");
    let sec = section(&l3, "domain-expertise", "class=\"pillar-section\"");
    assert!(
        sec.contains("<details>")
            && words(sec)
                .contains("i set up or maintained an automated integration and delivery pipeline")
    );
    // The README describes its track; its link to a missing file is kept as text.
    let track = fs::read_to_string(c.join("tracks/software-engineering.md")).unwrap();
    assert!(
        track.contains("[L3: Senior Software Engineer](../levels/l3-senior-software-engineer.md)")
    );
    assert!(
        track.contains("Guidance on Levels, Maturity, and Performance Reviews")
            && !track.contains("Levels-Maturity-And-Performance-Reviews.md")
    );
    assert!(
        imp.summary
            .contains("Levels-Maturity-And-Performance-Reviews.md")
            && imp.summary.contains("Software-Engineering/README.md:27")
    );
    assert!(
        imp.summary.contains("L6-Director-of-Engineering.md:14"),
        "the Talent merge is reported:\n{}",
        imp.summary
    );
    assert!(broken_links(&imp.site).is_empty());

    // One file alone is a one-level ladder.
    let one = dir.join("Engineering/Software-Engineering/L3-Senior-Software-Engineer.md");
    let imp = import(&one, &[]);
    let text = fs::read_to_string(&one).unwrap();
    assert_all_on_site(&imp, &md_units(&text), "L3 alone");
    let exps: Vec<Exp> = outline(&text)
        .into_iter()
        .filter(|(h, _, i, d)| *i && !*d && !h[1].is_empty())
        .map(|(h, t, _, _)| Exp {
            level: words(&h[0]),
            pillar: words(&h[1]),
            text: t,
        })
        .collect();
    assert_placed(&imp, &exps, &[]);
}

/// The README's `# Levels` section: bold label → axis (pillar).
fn jorgef_axes(readme: &str) -> Vec<(String, String)> {
    outline(readme)
        .into_iter()
        .filter(|(h, _, item, _)| *item && h[0] == "Levels" && !h[1].is_empty())
        .map(|(h, t, _, _)| {
            let label = t.split("**").nth(1).unwrap_or("").to_string();
            (words(&label), words(&h[1]))
        })
        .collect()
}

#[test]
fn jorgef_one_page_per_track_aligned_by_number() {
    let dir = real_ladders().join("jorgef-engineeringladders");
    let imp = import(&dir, &[]);
    let axes = jorgef_axes(&fs::read_to_string(dir.join("README.md")).unwrap());
    let mut exps = Vec::new();
    let mut units = Vec::new();
    for (path, text) in markdown_sources(&dir) {
        units.extend(md_units(&text));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if ![
            "Developer.md",
            "TechLead.md",
            "TechnicalProgramManager.md",
            "EngineeringManager.md",
        ]
        .contains(&name.as_str())
        {
            continue;
        }
        for (h, t, item, _) in outline(&text) {
            if item && !h[1].is_empty() && h[0] != "Other Pages" {
                let label = words(t.split("**").nth(1).unwrap_or(""));
                let axis = axes
                    .iter()
                    .find(|a| a.0 == label)
                    .unwrap_or_else(|| panic!("no axis for {label}"))
                    .1
                    .clone();
                exps.push(Exp {
                    level: words(&h[1]),
                    pillar: axis,
                    text: t,
                });
            }
        }
    }
    assert_eq!(exps.len(), 90);
    assert_all_on_site(&imp, &units, "jorgef");
    assert_placed(&imp, &exps, &[]);
    let c = imp.root.join("content");
    let pillars: Vec<String> = content_files(&c.join("pillars"))
        .into_iter()
        .map(|p| str_of(&front(&p.1), "title"))
        .collect();
    let mut want = vec!["Influence", "People", "Process", "System", "Technology"];
    want.sort();
    assert_eq!(pillars, want);
    assert_eq!(content_files(&c.join("tracks")).len(), 4);
    // D5 = TL5 = TPM5 = EM5, both ways; tracks start at different ranks.
    let d5 = front(&c.join("levels/developer-5.md"));
    let eq: Vec<&str> = d5["equivalent"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(eq.len(), 3, "{eq:?}");
    for other in eq {
        let o = front(&c.join(format!("levels/{other}.md")));
        assert!(o["equivalent"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v.as_str() == Some("developer-5")));
    }
    assert_eq!(
        front(&c.join("levels/tech-lead-4.md"))["rank"].as_integer(),
        Some(4)
    );
    assert!(front(&c.join("levels/developer-3.md"))
        .get("equivalent")
        .is_none());
    // Cross-page and in-page anchors now point at the level files.
    let readme = content_files(&c)
        .into_iter()
        .find(|p| str_of(&front(&p.1), "title") == "Introduction")
        .unwrap();
    assert!(fs::read_to_string(&readme.1)
        .unwrap()
        .contains("[TL4](levels/tech-lead-4.md)"));
    // The only broken links are the source's own: its `/charts/` images were not copied.
    let broken: Vec<String> = broken_links(&imp.site)
        .into_iter()
        .filter(|b| !b.contains("charts/"))
        .collect();
    assert!(broken.is_empty(), "{broken:?}");

    // One track file alone: no glossary, so the bullets' positions give the pillars.
    let dev = dir.join("Developer.md");
    let imp = import(&dev, &[]);
    assert_all_on_site(
        &imp,
        &md_units(&fs::read_to_string(&dev).unwrap()),
        "Developer.md",
    );
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 5);
    assert!(
        imp.summary.contains("position") || imp.summary.contains("n-th bullet"),
        "{}",
        imp.summary
    );
}

/// The job-family YAML, read the way the test reads it (the import's YAML loader).
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
            assert!(cell.contains("- Is responsible for and maintains their computer and local development environment\n\n  *Proficiency:* Working knowledge\n\n  *Examples:*\n\n  - Keeps their local tools up to date"), "{cell}");
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
    // The overview reads from junior to senior: the legacy track's Senior Engineer 2 comes
    // after its Senior Engineer 1 and before the principal levels (the current tracks' rows
    // of equivalents), not after them.
    let overview = std::fs::read_to_string(imp.site.join("index.html")).unwrap();
    let row_of = |id: &str| {
        overview
            .split("<tr")
            .position(|r| r.contains(&format!("levels/{id}/\"")))
            .unwrap_or_else(|| panic!("{id} is not on the overview"))
    };
    assert!(row_of("engineering-v1-senior-1") < row_of("senior-2"));
    assert!(row_of("senior-2") < row_of("senior-2-ic"));
    assert!(row_of("senior-2-ic") < row_of("principal-ic"));
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
    assert!(compare.contains("<th scope=\"col\">Principal Engineer (Individual Contributor)</th>"));
    // A title no other level has is left alone.
    assert!(page(&imp.site, "levels/tech-director/").contains("<title>Technology Director · "));
}

/// Monzo's front-matter topics: (level words, pillar words, criteria) and every string.
fn monzo_yaml(path: &Path) -> (Vec<Exp>, Vec<String>) {
    use ladderbook::import::yaml::Y;
    let text = fs::read_to_string(path).unwrap();
    let fm_end = text[4..].find("\n---").unwrap() + 4;
    let fm = &text[4..fm_end];
    let doc = ladderbook::import::source::SourceDoc::new("x.md", text.clone());
    let y = ladderbook::import::yaml::load(
        &mut ladderbook::import::model::Ladder::default(),
        &doc,
        fm,
        2,
    )
    .unwrap();
    let mut exps = Vec::new();
    let mut units = md_units(body(&text));
    for t in y.get("topics").unwrap().items() {
        let pillar = t
            .get("title")
            .and_then(Y::text)
            .or_else(|| t.get("name").and_then(Y::text))
            .unwrap();
        for c in t.get("content").map_or(&[][..], Y::items) {
            let level = format!("level {}", c.get("level").and_then(Y::text).unwrap());
            for cr in c.get("criteria").map_or(&[][..], Y::items) {
                let s = cr.text().unwrap();
                units.push(md_words(&s));
                exps.push(Exp {
                    level: level.clone(),
                    pillar: words(&pillar),
                    text: s,
                });
            }
            for ex in c.get("exampleCriteria").map_or(&[][..], Y::items) {
                let s = ex.get("criteria").and_then(Y::text).unwrap();
                units.push(md_words(&s));
                for e in ex.get("examples").map_or(&[][..], Y::items) {
                    units.push(md_words(&e.text().unwrap()));
                }
                exps.push(Exp {
                    level: level.clone(),
                    pillar: words(&pillar),
                    text: s,
                });
            }
        }
    }
    (exps, units)
}

#[test]
fn monzo_every_file_and_the_folder() {
    let dir = real_ladders().join("monzo-progression-framework");
    let files = markdown_sources(&dir.join("frameworks"));
    assert_eq!(files.len(), 17);
    let mut all_units = Vec::new();
    for (path, text) in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let imp = import(path, &[]);
        let (exps, units) = if text.contains("\nyaml: true") {
            monzo_yaml(path)
        } else {
            // `yaml: false`: the ladder is the body, `## Level N` / `### pillar` / paragraphs.
            let b = body(text);
            let exps = outline(b)
                .into_iter()
                .filter(|(h, _, item, _)| !*item && !h[1].is_empty() && !h[2].is_empty())
                .map(|(h, t, _, _)| Exp {
                    level: words(&h[1]),
                    pillar: words(&h[2]),
                    text: t,
                })
                .collect();
            (exps, md_units(b))
        };
        assert_all_on_site(&imp, &units, &name);
        assert_placed(&imp, &exps, &[]);
        all_units.extend(units);
        let c = imp.root.join("content");
        match name.as_str() {
            "people.md" => {
                // The tab after a list dash is read, and reported with its line.
                assert!(
                    imp.summary.contains("people.md:205") && imp.summary.contains("tab"),
                    "{}",
                    imp.summary
                );
                assert!(words(&site_words(&imp.site))
                    .contains("understands people risk and conduct policies"));
            }
            "ops-leadership.md" => {
                // Levels 2–6, whatever `levels: 5` says; the mismatch is reported.
                let ranks: Vec<i64> = content_files(&c.join("levels"))
                    .into_iter()
                    .map(|l| front(&l.1)["rank"].as_integer().unwrap())
                    .collect();
                assert_eq!(ranks, [2, 3, 4, 5, 6]);
                assert!(imp.summary.contains("levels: 5"), "{}", imp.summary);
            }
            "mobile.md" => {
                // Gaps stay gaps.
                assert!(c.join("competencies/level-5/mastery.md").exists());
                assert!(!c.join("competencies/level-6/mastery.md").exists());
                assert!(!c.join("competencies/level-1/leadership.md").exists());
            }
            "backend.md" => {
                // Examples are notes inside their expectation.
                let cell =
                    fs::read_to_string(c.join("competencies/level-2/communication.md")).unwrap();
                assert!(cell.contains("- Provides helpful and actionable feedback in code reviews in an empathetic manner\n\n  *Examples:*\n\n  - Take a look"), "{cell}");
                // The body's prose describes the track.
                assert!(fs::read_to_string(c.join("tracks/backend.md"))
                    .unwrap()
                    .contains("The framework is a compass, not a GPS."));
            }
            _ => {}
        }
        assert!(broken_links(&imp.site).is_empty(), "{name}");
    }
    // The whole folder: seventeen tracks in one ladder.
    let imp = import(&dir, &[]);
    assert_all_on_site(&imp, &all_units, "monzo folder");
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 17);
}

// ---------------------------------------------------------------------------------------
// Shapes of our own.

#[test]
fn levels_with_bold_label_pillars() {
    let src = fixture("bold-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    assert_all_on_site(&imp, &md_units(&text), "bold-labels.md");
    let c = imp.root.join("content");
    let pillars: Vec<String> = content_files(&c.join("pillars"))
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(pillars, ["communication", "craft", "delivery"]);
    let levels: Vec<String> = content_files(&c.join("levels"))
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        levels,
        ["associate-engineer", "engineer", "senior-engineer"]
    );
    // A label followed by text: the text is the expectation, kept exactly.
    let comm =
        fs::read_to_string(c.join("competencies/associate-engineer/communication.md")).unwrap();
    assert!(comm.contains("\n- Asks for help early and writes clear *status updates*; see the [handbook](https://example.com/handbook).\n"), "{comm}");
    // A label followed by a list: its items, nested items nested, escapes as written.
    let delivery =
        fs::read_to_string(c.join("competencies/associate-engineer/delivery.md")).unwrap();
    assert!(
        delivery.contains(
            "- Follows the team's definition of done:\n  - tests pass\n  - docs are updated\n"
        ),
        "{delivery}"
    );
    assert!(
        delivery.contains(r"- Escapes stay escaped: 5 \* 3 and a literal \_underscore\_."),
        "{delivery}"
    );
    let lp = page(&imp.site, "levels/associate-engineer/");
    let d = section(&lp, "delivery", "class=\"pillar-section\"");
    assert_eq!(d.matches("<li id=\"").count(), 3);
    assert!(
        d.contains("<ul>\n<li>tests pass</li>"),
        "nested items stay nested:\n{d}"
    );
    assert!(d.contains("5 * 3 and a literal _underscore_"));
    // Raw HTML survives.
    let eng = page(&imp.site, "levels/engineer/");
    assert!(eng.contains("<abbr title=\"clear, kind, actionable\">CKA</abbr>"));
    // A label followed by paragraphs: each paragraph is an expectation.
    let craft = section(&lp, "craft", "class=\"pillar-section\"");
    assert_eq!(craft.matches("<li id=\"").count(), 2);
    // Codes: `E1 - Associate Engineer`; `(IC3 / M9)` names no level here: kept and reported.
    let e1 = front(&c.join("levels/associate-engineer.md"));
    assert_eq!(
        (str_of(&e1, "code"), str_of(&e1, "title")),
        ("E1".to_string(), "Associate Engineer".to_string())
    );
    let e3 = front(&c.join("levels/senior-engineer.md"));
    assert_eq!(
        (str_of(&e3, "code"), str_of(&e3, "title")),
        ("E3".to_string(), "Senior Engineer (IC3 / M9)".to_string())
    );
    assert!(
        imp.summary.contains("bold-labels.md:33") && imp.summary.contains("M9"),
        "{}",
        imp.summary
    );
    // The intro describes the track, the level intro the level, the FAQ is a free page.
    assert!(words(&page(&imp.site, "faq/")).contains("do i need to meet every expectation"));
    assert!(fs::read_to_string(c.join("levels/associate-engineer.md"))
        .unwrap()
        .contains("Associates are new to the craft"));
    assert!(fs::read_to_string(c.join("tracks/bold-labels.md"))
        .unwrap()
        .contains("How we think about growth at Acme."));
}

#[test]
fn a_single_level_document() {
    let src = fixture("single-level.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    assert_all_on_site(&imp, &md_units(&text), "single-level.md");
    let c = imp.root.join("content");
    let levels = content_files(&c.join("levels"));
    assert_eq!(levels.len(), 1);
    let l = front(&levels[0].1);
    assert_eq!(
        (str_of(&l, "title"), str_of(&l, "code")),
        ("Staff Engineer".to_string(), "IC6".to_string())
    );
    let pillars: Vec<String> = content_files(&c.join("pillars"))
        .into_iter()
        .map(|p| str_of(&front(&p.1), "title"))
        .collect();
    assert!(
        pillars.contains(&"🛠️ Technical skills".to_string())
            && pillars.contains(&"🤝 Leadership".to_string()),
        "{pillars:?}"
    );
    // A section with no list is part of the description; the link to it follows it there.
    let desc = fs::read_to_string(&levels[0].1).unwrap();
    assert!(desc.contains("## How we decide"));
    let tech =
        fs::read_to_string(c.join("competencies/staff-engineer/technical-skills.md")).unwrap();
    assert!(tech.contains("[ADR](../../levels/staff-engineer.md#how-we-decide).\n  1. First, the problem.\n  2. Then, the options."), "{tech}");
    let lp = page(&imp.site, "levels/staff-engineer/");
    assert!(lp.contains("<em>reversible</em>"));
    assert!(section(&lp, "technical-skills", "class=\"pillar-section\"")
        .contains("<ol>\n<li>First, the problem.</li>"));
    assert!(broken_links(&imp.site).is_empty());
}

#[test]
fn numbered_bold_pillars_with_nested_expectations() {
    let src = fixture("numbered-bold.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    assert_all_on_site(&imp, &md_units(&text), "numbered-bold.md");
    let c = imp.root.join("content");
    let cell = fs::read_to_string(c.join("competencies/junior-engineer/technical.md")).unwrap();
    assert!(
        cell.ends_with(
            "+++\n\n- Fixes well-scoped bugs.\n  - with a test for each\n- Reads the runbooks.\n"
        ),
        "{cell}"
    );
    let lp = page(&imp.site, "levels/junior-engineer/");
    assert_eq!(
        section(&lp, "technical", "class=\"pillar-section\"")
            .matches("<li id=\"")
            .count(),
        2
    );
    // A paragraph inside the pillar item is a note of that pillar.
    let eng = page(&imp.site, "levels/engineer/");
    let tech = section(&eng, "technical", "class=\"pillar-section\"");
    assert!(
        tech.contains("class=\"notes\"")
            && words(tech).contains("notes like this paragraph stay with the pillar")
    );
    assert!(fs::read_to_string(c.join("levels/junior-engineer.md"))
        .unwrap()
        .contains("Learning the platform."));
}

#[test]
fn tracks_from_headings_and_equivalents_from_codes() {
    let src = fixture("two-tracks.md");
    let imp = import(&src, &[]);
    let c = imp.root.join("content");
    let tracks: Vec<String> = content_files(&c.join("tracks"))
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(tracks, ["individual-contributor", "management"]);
    let se = front(&c.join("levels/senior-engineer.md"));
    let em = front(&c.join("levels/engineering-manager.md"));
    assert_eq!(
        (str_of(&se, "title"), str_of(&se, "code")),
        ("Senior Engineer".to_string(), "IC3".to_string())
    );
    assert_eq!(
        se["equivalent"].as_array().unwrap()[0].as_str(),
        Some("engineering-manager")
    );
    assert_eq!(
        em["equivalent"].as_array().unwrap()[0].as_str(),
        Some("senior-engineer")
    );
    assert_eq!(str_of(&em, "track"), "management");
    assert!(
        page(&imp.site, "compare/senior-engineer/engineering-manager/")
            .contains("Builds a team that collaborates well.")
    );
    // The text above the tracks is kept.
    assert!(words(&site_words(&imp.site)).contains("two tracks one scale"));
}

#[test]
fn links_follow_their_targets_to_the_new_files() {
    let src = fixture("links.md");
    let imp = import(&src, &[]);
    let c = imp.root.join("content");
    let track = fs::read_to_string(c.join("tracks/links.md")).unwrap();
    assert!(
        track.contains("[the senior level](../levels/senior.md)"),
        "{track}"
    );
    // `#craft-1` is Junior's second Craft section, merged into its first.
    assert!(
        track.contains("[its craft](../levels/junior.md#craft)"),
        "{track}"
    );
    assert!(track.contains("[the FAQ](../faq.md)"), "{track}");
    assert!(
        track.contains(", a missing page, "),
        "a link to a missing file is kept as text: {track}"
    );
    assert!(
        track.contains("[the site root](/about/)")
            && track.contains("[the web](https://example.com \"Example\")"),
        "{track}"
    );
    // A reference whose definition is elsewhere in the file brings the definition along.
    let craft = fs::read_to_string(c.join("competencies/junior/craft.md")).unwrap();
    assert!(
        craft.contains("[Delivery at Senior][senior-delivery]")
            && craft.contains("[senior-delivery]: ../../levels/senior.md#delivery"),
        "{craft}"
    );
    assert!(
        craft.contains("- A second craft section for the same level."),
        "{craft}"
    );
    assert!(fs::read_to_string(c.join("faq.md"))
        .unwrap()
        .contains("[back to Junior](levels/junior.md)"));
    assert!(
        imp.summary.contains("links.md:3") && imp.summary.contains("missing.md"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains("links.md:15") && imp.summary.contains("second `Craft`"),
        "{}",
        imp.summary
    );
    assert!(broken_links(&imp.site)
        .into_iter()
        .all(|b| b.contains("/about/")));
}

#[test]
fn imports_are_stable_from_run_to_run() {
    let a = import(&fixture("bold-labels.md"), &[]);
    let b = import(&fixture("bold-labels.md"), &[]);
    assert_eq!(
        snapshot_tree(&a.root.join("content")),
        snapshot_tree(&b.root.join("content"))
    );
}

// ---------------------------------------------------------------------------------------
// Bad input, options, overwriting.

#[test]
fn bad_input_is_a_clear_error_with_its_line_and_nothing_is_written() {
    for (file, line, col, what) in [
        ("empty.md", 1, 1, "empty"),
        ("binary.md", 3, 1, "binary"),
        ("latin1.md", 3, 7, "not UTF-8"),
        ("prose.md", 1, 1, "found no ladder"),
        ("broken.yml", 4, 3, "does not parse"),
        ("unknown.yml", 1, 1, "no ladder"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("ladder");
        let o = ladderbook()
            .arg("import")
            .arg(fixture(file))
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{file}: {stderr}");
        assert!(
            stderr.starts_with(&format!("{file}:{line}:{col}: error: ")),
            "{file}: {stderr}"
        );
        assert!(
            stderr.contains(what) && stderr.contains("hint:"),
            "{file}: {stderr}"
        );
        assert!(!out.exists(), "{file}: something was written");
    }
    // Other YAML in a folder is not a ladder: not read, and said so.
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::copy(fixture("bold-labels.md"), src.join("a.md")).unwrap();
    fs::copy(fixture("unknown.yml"), src.join("_config.yml")).unwrap();
    let imp = import(&src, &[]);
    assert!(
        imp.summary.contains("_config.yml (YAML without a ladder)"),
        "{}",
        imp.summary
    );
    // A bad file in a folder fails the whole import.
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::copy(fixture("bold-labels.md"), src.join("a.md")).unwrap();
    fs::copy(fixture("latin1.md"), src.join("b.md")).unwrap();
    let out = tmp.path().join("ladder");
    let o = ladderbook()
        .arg("import")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("b.md:3:7: error:"));
    assert!(!out.exists());
}

#[test]
fn existing_files_are_kept_unless_forced_and_then_replaced_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ladder");
    ladderbook()
        .arg("import")
        .arg(fixture("bold-labels.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    fs::create_dir_all(out.join("templates")).unwrap();
    fs::write(out.join("templates/mine.html"), "mine").unwrap();
    fs::write(
        out.join("content/stale.md"),
        "+++\ntitle = \"Stale\"\n+++\n",
    )
    .unwrap();
    let before = snapshot_tree(&out);
    // Without --force: an error, and nothing changes.
    let o = ladderbook()
        .arg("import")
        .arg(fixture("numbered-bold.md"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(snapshot_tree(&out), before);
    // A failing import with --force changes nothing either.
    let o = ladderbook()
        .arg("import")
        .arg(fixture("prose.md"))
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(snapshot_tree(&out), before);
    // With --force: content/ and book.toml are replaced whole; other files stay.
    ladderbook()
        .arg("import")
        .arg(fixture("numbered-bold.md"))
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    assert!(!out.join("content/stale.md").exists());
    assert!(
        out.join("content/levels/junior-engineer.md").exists()
            && !out.join("content/levels/associate-engineer.md").exists()
    );
    assert_eq!(
        fs::read_to_string(out.join("templates/mine.html")).unwrap(),
        "mine"
    );
    let leftovers: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    ladderbook().arg("build").arg(&out).assert().success();
}

#[test]
fn options_track_and_format() {
    // --track names the track of a one-track import.
    let imp = import(&fixture("numbered-bold.md"), &["--track", "platform"]);
    assert!(imp.root.join("content/tracks/platform.md").exists());
    assert_eq!(
        str_of(
            &front(&imp.root.join("content/levels/engineer.md")),
            "track"
        ),
        "platform"
    );
    let tmp = tempfile::tempdir().unwrap();
    for (src, args, want) in [
        (
            fixture("numbered-bold.md"),
            vec!["--track", "Not_An_Id"],
            "not a valid id",
        ),
        (fixture("two-tracks.md"), vec!["--track", "ic"], "2 tracks"),
        (
            fixture("numbered-bold.md"),
            vec!["--format", "yaml"],
            "--format yaml",
        ),
        (
            real_ladders()
                .join("Financial-Times-engineering-progression/data/job-families/engineering.yml"),
            vec!["--format", "markdown"],
            "--format markdown",
        ),
    ] {
        let out = tmp.path().join("x");
        let o = ladderbook()
            .arg("import")
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(want),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!out.exists());
    }
    // A wrong value is a command-line error.
    ladderbook()
        .arg("import")
        .arg(fixture("numbered-bold.md"))
        .args(["--format", "csv"])
        .assert()
        .code(2);
}

#[test]
fn nothing_to_import_says_whether_the_file_or_the_folder_is_the_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let schema =
        real_ladders().join("Financial-Times-engineering-progression/test/schema/job-family.json");
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for (src, said) in [
        (
            schema.as_path(),
            "this file is neither Markdown (.md) nor YAML",
        ),
        (
            empty.as_path(),
            "the folder holds no Markdown or YAML files",
        ),
    ] {
        let out = ladderbook()
            .arg("import")
            .arg(src)
            .arg("-o")
            .arg(tmp.path().join("out"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(stderr.contains(said), "{}: {stderr}", src.display());
        assert!(!tmp.path().join("out").exists(), "nothing is written");
    }
}
