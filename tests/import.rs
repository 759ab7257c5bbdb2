//! `ladderbook import` on the real ladders under `tests/fixtures/real-ladders/`: every one
//! imports and builds with zero errors, every list item and paragraph of the original is on
//! the built site (text for text), and every expectation is on its level's page under the
//! right pillar, the level pages holding exactly the source's expectations.

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

/// Imports the real ladder `src`, reads its expectations with `read` (a reader of the test's
/// own), and checks there are `n`, each on its level's page under its pillar, and every list
/// item and paragraph of the source on the site; the import and the source's text.
fn placed(src: &Path, read: fn(&str) -> Vec<Exp>, n: usize) -> (Imported, String) {
    let text = fs::read_to_string(src).unwrap();
    let imp = import(src, &[]);
    let exps = read(&text);
    assert_eq!(exps.len(), n);
    assert_placed(&imp, &exps, &[]);
    assert_all_on_site(&imp, &md_units(&text), &src.display().to_string());
    (imp, text)
}

/// The ids of the imported tracks, in file-name order.
fn track_ids(imp: &Imported) -> Vec<String> {
    content_files(&imp.root.join("content/tracks"))
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// The expectations of Artsy's ladder (tests/fixtures/real-ladders/artsy-README), read line by
/// line, as the file writes one tag per line: under each `###` pillar heading of the IC track a
/// table whose first row names the levels, a `<ul>` of expectations per level's cell; the EM
/// track's one table has a level per row (its code, then its title) and a pillar per column.
fn artsy_exps(text: &str) -> Vec<Exp> {
    let (mut heading, mut header, mut row) = (String::new(), Vec::new(), Vec::new());
    let mut exps = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(h) = line.strip_prefix("### ") {
            heading = h.to_string();
        } else if line.starts_with("<table") {
            header.clear();
        } else if line == "<tr>" {
            row.clear();
        } else if line == "</tr>" && header.is_empty() {
            header = row.clone();
        } else if let Some(cell) = line.strip_prefix("<td") {
            let cell = cell.split_once('>').unwrap().1;
            row.push(cell.trim_end_matches("</td>").to_string());
        } else if let Some(item) = line.strip_prefix("<li>") {
            let text = words(item.trim_end_matches("</li>"));
            let column = row.len() - 1;
            let (level, pillar) = if heading == "Engineering Management Ladder" {
                (&row[1], &header[column])
            } else {
                (&header[column], &heading)
            };
            exps.push(Exp {
                level: words(level),
                pillar: words(pillar),
                text,
            });
        }
    }
    exps
}

#[test]
fn artsy_html_tables_two_tracks() {
    let src = real_ladders().join("artsy-README/careers/ladder.md");
    // 142 on the IC track (5 levels × 4 pillars), 68 on the EM track (5 × 4).
    let (imp, text) = placed(&src, artsy_exps, 210);
    // Two tracks, each named by the heading over its tables.
    assert_eq!(
        track_ids(&imp),
        ["engineering-management", "individual-contributors"],
        "{}",
        imp.summary
    );
    // The intro table of titles and codes (`| Senior Engineer 1 | IC4 | M2 | Engineering
    // Manager 1 |`) gives the IC levels their codes and pairs each manager level with the IC
    // level in its row, by title or, where the title differs (`Engineer Manager 2` in the
    // ladder, `Engineering Manager 2` in the intro), by code.
    let intro: Vec<Vec<&str>> = text
        .lines()
        .skip(23)
        .take(8)
        .map(|l| l.split('|').map(str::trim).collect())
        .collect();
    for row in &intro {
        let (ic, ic_code, m_code) = (row[1], row[2], row[3]);
        let Some(ic_file) = content_files(&imp.root.join("content/levels"))
            .into_iter()
            .find(|(_, p)| str_of(&front(p), "title") == ic)
        else {
            continue;
        };
        let f = front(&ic_file.1);
        assert_eq!(str_of(&f, "code"), ic_code, "{}", ic_file.0);
        let equivalent: Vec<String> = f
            .get("equivalent")
            .and_then(|e| e.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let m_level: Vec<String> = content_files(&imp.root.join("content/levels"))
            .into_iter()
            .filter(|(_, p)| !m_code.is_empty() && str_of(&front(p), "code") == m_code)
            .map(|(id, _)| id)
            .collect();
        assert_eq!(equivalent, m_level, "{ic}");
    }
    assert!(imp.summary.contains("ladder.md:22: equivalent, as this table of levels puts them in one row: IC4 = M2, IC5 = M3, IC6 = M4"), "{}", imp.summary);
    // The two `### tl;dr` sections are told apart by the track heading they sit under.
    for track in ["Individual Contributors", "Engineering Management"] {
        let id = format!("tl-dr-{}", track.to_lowercase().replace(' ', "-"));
        assert!(
            page(&imp.site, &format!("{id}/")).contains(&format!("<title>tl;dr ({track})")),
            "{id}"
        );
    }
    // A row's name (`Team impact`) stays on its expectations.
    let level = words(&page(&imp.site, "levels/engineer-1/"));
    assert!(
        level.contains("team impact completes well defined tasks"),
        "{level}"
    );
    for said in [
        "ladder.md:105: the 4 tables under the pillar headings read as one ladder: 5 levels",
        "ladder.md:626: the table read as a ladder: 5 levels (its rows) × 4 pillars (its columns); `Title` name or describe the levels; its levels take the place of its heading `Engineering Management Ladder`",
    ] {
        assert!(imp.summary.contains(said), "{said}\n{}", imp.summary);
    }
    // The ladder's picture was not copied with it (only data files were), and its address is
    // relative to the page in HTML: the summary counts it, and it is the one broken link.
    let broken = broken_links(&imp.site);
    assert_eq!(broken.len(), 1, "broken links:\n{}", broken.join("\n"));
    assert!(
        broken[0].ends_with("./images/artsy-career-ladder.png"),
        "{broken:?}"
    );
    assert!(
        imp.summary
            .contains("Images: the pages show 1 image not in the ladder"),
        "{}",
        imp.summary
    );
}

/// The expectations of Sourcegraph's 2023 framework (tests/fixtures/real-ladders/
/// sourcegraph-handbook), read line by line: each level's name row (`<th id="ic1" …>`), then
/// a row of `<td class="behaviors">` cells whose first three are its pillars (the header's
/// Proficiency, Execution, Teamwork; the fourth holds notes) and whose `<li>` items, on one
/// line or several, are the expectations. IC6, not yet written, has one cell across the
/// pillars: its description.
fn sourcegraph_exps(text: &str) -> Vec<Exp> {
    const PILLARS: [&str; 3] = ["Proficiency", "Execution", "Teamwork"];
    let (mut level, mut column, mut item) = (String::new(), 0, None::<String>);
    let mut exps = Vec::new();
    // Two items on one line (M6) are two lines here.
    let text = text.replace("</li> <li>", "</li>\n<li>");
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("<th id=\"") {
            level = rest.split('"').next().unwrap().to_uppercase();
            column = 0;
        } else if line.starts_with("<td class=\"behaviors\"") {
            column += 1;
        } else if line.starts_with("<td class=\"level-summary\"") {
            column = 0;
        }
        if let Some(rest) = line.strip_prefix("<li>") {
            item = Some(String::new());
            item.as_mut().unwrap().push_str(rest);
        } else if let Some(i) = item.as_mut() {
            i.push(' ');
            i.push_str(line);
        }
        if item.as_deref().is_some_and(|i| i.contains("</li>")) {
            let text = item.take().unwrap().replace("</li>", "");
            if (1..=3).contains(&column) {
                exps.push(Exp {
                    level: words(&level),
                    pillar: words(PILLARS[column - 1]),
                    text: words(&text),
                });
            }
        }
    }
    exps
}

#[test]
fn sourcegraph_html_table_of_a_level_per_three_rows() {
    let src = real_ladders().join(
        "sourcegraph-handbook/content/departments/engineering/dev/career-development/framework.md",
    );
    let (imp, _) = placed(&src, sourcegraph_exps, 172);
    // Each level's summary row, which spans the pillars, is its description.
    let ic1 = fs::read_to_string(imp.root.join("content/levels/ic1.md")).unwrap();
    assert!(
        ic1.contains("An engineer focused on learning, growth, and establishing themselves"),
        "{ic1}"
    );
    // IC6's one cell across the pillars is in no pillar. IC6 is still the level after IC5,
    // its expectations not written yet (browser check 32 M1: it was a free page in the
    // site's menu, and the IC track stopped at IC5).
    assert!(!imp.root.join("content/competencies/ic6").exists());
    assert!(!imp.site.join("ic6").exists());
    let ic6 = front(&imp.root.join("content/levels/ic6.md"));
    let ic5 = front(&imp.root.join("content/levels/ic5.md"));
    assert_eq!(str_of(&ic6, "track"), str_of(&ic5, "track"));
    assert_eq!(
        ic6.get("rank").and_then(|r| r.as_integer()),
        ic5.get("rank").and_then(|r| r.as_integer()).map(|r| r + 1)
    );
    let ic6_page = page(&imp.site, "levels/ic6/");
    assert!(words(&ic6_page).contains("we haven t yet finalized the description of this level"));
    // A level without expectations has no "other" pillars, and its related pillars are the
    // track's (browser check 33 L1: an empty list under "Pillars").
    assert!(words(&ic6_page).contains("no pillar of the track has expectations at ic6 yet"));
    let related = &ic6_page[ic6_page.find("<h3>Pillars</h3>").unwrap()..];
    assert_eq!(
        related
            .split("</ul>")
            .next()
            .unwrap()
            .matches("<li>")
            .count(),
        3
    );
    assert_eq!(
        track_ids(&imp),
        ["ic-levels", "management-levels"],
        "{}",
        imp.summary
    );
    // M3 "has IC4 equivalent technical knowledge", the source says: codes of one number on
    // different tracks (IC3, M3) are not made equivalent by import.
    let m3 = front(&imp.root.join("content/levels/m3.md"));
    assert!(m3.get("equivalent").is_none(), "{m3:?}");
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
    // The examples fold away behind "Examples", as on GitHub: the list is inside the
    // `<details>` that the source opens and closes in HTML blocks of their own.
    let folded = sec
        .split_once("<details>")
        .and_then(|(_, rest)| rest.split_once("</details>"))
        .map(|(inside, _)| inside)
        .unwrap_or_default();
    assert!(
        folded.contains("<summary>Examples</summary>")
            && words(folded)
                .contains("i set up or maintained an automated integration and delivery pipeline"),
        "{sec}"
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
    // The source names no ladder: the title is the folder's, and the summary says where to
    // change it.
    assert!(
        imp.summary.contains("  title: Jorgef engineeringladders (the folder's name, as the source names no ladder: import again with --title, or change `title` in book.toml)"),
        "{}",
        imp.summary
    );
    // --title names it instead: in book.toml, on every page's title and header, and the
    // summary no longer says it is the folder's name.
    let titled = import(&dir, &["--title", "  Acme engineering ladder "]);
    assert!(
        !titled.summary.contains("folder's name"),
        "{}",
        titled.summary
    );
    let book = fs::read_to_string(titled.root.join("book.toml")).unwrap();
    assert!(
        book.contains("title = \"Acme engineering ladder\"\n"),
        "{book}"
    );
    let home = page(&titled.site, "");
    assert!(
        home.contains("<title>Acme engineering ladder</title>")
            && home.contains(">Acme engineering ladder</a>"),
        "{home}"
    );
    // Its level charts (`<img src="/charts/developer-1.png">`) live in the repository's
    // charts/ folder, which the fixture does not have: the import says so, and check names
    // each with where it goes. The README's two (`<img src="charts/template.png">`), relative
    // to the page in HTML, are broken wherever the files are: check says how to write them.
    assert!(
        imp.summary
            .contains("Images: the pages show 45 images not in the ladder"),
        "{}",
        imp.summary
    );
    let out = ladderbook().arg("check").arg(&imp.root).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/levels/developer-4.md:")
            && err.contains("the image `/charts/developer-4.png` is not a file of the site")
            && err.contains("put the image at static/charts/developer-4.png"),
        "{err}"
    );
    assert!(
        err.contains("warning: the image `charts/template.png` is written in HTML with an address relative to the page, which the build does not resolve, so it shows as broken"),
        "{err}"
    );
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

    // Each page's `# Other Pages`, a list of links to the others, is the repository's
    // navigation, which the site makes anew: no free page of links in the menu (browser
    // check 28 L1: four of its 13 entries).
    assert!(
        !content_ids(&c)
            .iter()
            .any(|id| id.starts_with("other-pages")),
        "{:?}",
        content_ids(&c)
    );
    // One track file alone: no glossary, so the bullets' positions give the pillars.
    let dev = dir.join("Developer.md");
    let imp = import(&dev, &[]);
    let text = fs::read_to_string(&dev).unwrap();
    let (own, nav) = text.split_at(text.find("# Other Pages").unwrap());
    assert_all_on_site(&imp, &md_units(own), "Developer.md");
    assert!(
        imp.summary.contains(&format!(
            "{} left out as the pages' navigation",
            md_units(nav).len()
        )),
        "{}",
        imp.summary
    );
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 5);
    assert!(
        imp.summary.contains("position") || imp.summary.contains("n-th bullet"),
        "{}",
        imp.summary
    );
}

/// The job-family YAML, read the way the test reads it (the import's YAML loader).
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

/// TrustLayer's ladder (tests/fixtures/real-ladders/trustlayer-engineering-competencies):
/// `skills.md` writes the IC ladder the other way round, a `### skill` per competency with a
/// `- L1: …` bullet per level that has it, in `##` groups; `managers.md` is `## level` /
/// `### pillar` / `- expectation`. Read line by line: the skill's bullets by their codes,
/// the managers' bullets under their headings.
fn trustlayer_exps(dir: &Path) -> Vec<Exp> {
    let mut exps = Vec::new();
    let skills = fs::read_to_string(dir.join("skills.md")).unwrap();
    let mut skill = String::new();
    for line in skills.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            skill = h.to_string();
        } else if let Some((code, text)) = line.strip_prefix("- ").and_then(|l| l.split_once(": "))
        {
            exps.push(Exp {
                level: words(code),
                pillar: skill.clone(),
                text: text.to_string(),
            });
        }
    }
    let managers = fs::read_to_string(dir.join("managers.md")).unwrap();
    let (mut level, mut pillar) = (String::new(), String::new());
    for line in managers.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(h) = line.strip_prefix("### ") {
            pillar = h.to_string();
        } else if let Some(text) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: text.to_string(),
            });
        }
    }
    exps
}

#[test]
fn trustlayer_skills_by_level_code_and_a_manager_ladder() {
    let src = real_ladders().join("trustlayer-engineering-competencies");
    let imp = import(&src, &[]);
    let exps = trustlayer_exps(&src);
    assert_eq!(exps.len(), 115 + 125);
    assert_placed(&imp, &exps, &[]);
    for file in ["skills.md", "managers.md"] {
        let text = fs::read_to_string(src.join(file)).unwrap();
        assert_all_on_site(&imp, &md_units(&text), file);
    }
    assert_eq!(track_ids(&imp), ["managers", "skills"], "{}", imp.summary);
    // The IC levels are the codes, ranked by their numbers; no free page is left over.
    for (n, id) in ["l1", "l2", "l3", "l4", "l5"].iter().enumerate() {
        let f = front(&imp.root.join(format!("content/levels/{id}.md")));
        assert_eq!(f["rank"].as_integer(), Some(n as i64 + 1), "{id}");
    }
    assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
}

/// Etsy's ladder (tests/fixtures/real-ladders/etsy-Etsy-Engineering-Career-Ladder): in
/// `competencies.md` a `### Competency` heading, a line of example skills, then an HTML table
/// whose every column is a proficiency (`<th>Beginner</th>` … `<th>Leading Expert</th>`) over
/// one row of `<td><ul><li>` lists, one tag per line. Read line by line: each `<th>` names the
/// next column's level, each `<td>` moves to the next column, each `<li>` is an expectation.
fn etsy_exps(text: &str) -> Vec<Exp> {
    let (mut pillar, mut levels, mut col) = (String::new(), Vec::<String>::new(), 0usize);
    let mut exps = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(h) = line.strip_prefix("### ") {
            pillar = h.to_string();
        } else if line == "<thead>" {
            levels.clear();
        } else if line.starts_with("<th ") {
            let name = line.split('>').nth(1).unwrap().trim_end_matches("</th");
            levels.push(name.to_string());
        } else if line == "<tr>" {
            col = 0;
        } else if line.starts_with("<td") {
            col += 1;
        } else if let Some(item) = line
            .strip_prefix("<li>")
            .and_then(|l| l.strip_suffix("</li>"))
        {
            exps.push(Exp {
                level: words(&levels[col - 1]),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    exps
}

#[test]
fn etsy_competency_tables_whose_every_column_is_a_level() {
    let src = real_ladders().join("etsy-Etsy-Engineering-Career-Ladder");
    let imp = import(&src, &[]);
    let text = fs::read_to_string(src.join("competencies.md")).unwrap();
    let exps = etsy_exps(&text);
    assert_eq!(exps.len(), 125);
    // The competencies' track holds exactly these; the level progression is a track of its own.
    let levels: Vec<String> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    for id in [
        "beginner",
        "intermediate",
        "advanced",
        "expert",
        "leading-expert",
    ] {
        assert!(levels.contains(&id.to_string()), "{levels:?}");
    }
    for e in &exps {
        let level = e.level.replace(' ', "-");
        let file = competency(&imp, &level, &e.pillar.to_lowercase().replace(' ', "-"));
        assert!(
            words(&file).contains(&words(&e.text)),
            "{level}: {}",
            e.text
        );
    }
    for file in ["competencies.md", "index.md"] {
        let text = fs::read_to_string(src.join(file)).unwrap();
        assert_all_on_site(&imp, &md_units(&text), file);
    }
    assert_eq!(
        track_ids(&imp),
        ["competencies", "level-progression"],
        "{}",
        imp.summary
    );
    // Each competency's line of example skills describes its pillar; it is no page of its own.
    let delivery = fs::read_to_string(imp.root.join("content/pillars/delivery.md")).unwrap();
    assert!(
        delivery.contains("**Example Skills:** Scoping and prioritization"),
        "{delivery}"
    );
    assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
}
