//! `ladderbook import` on ladders written in shapes that real ladders use and that the
//! importer once refused or misread: senior levels whose pillars are their own, a one-level
//! document with no heading, levels with no pillars (paragraphs, loose bullets), and a
//! folder of one file per level with a README. The documents are our own, in those shapes.
//! Each test reads the source with a few lines of its own (not the importer) and checks that
//! every expectation is on its level's page under its pillar, that the level pages hold
//! exactly those, that every list item and paragraph is somewhere on the site, and that the
//! summary gives the counts and names its guesses with `path:line`.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;
use std::path::Path;

/// The `N levels, M pillars, K expectations` of a summary.
fn counts(summary: &str) -> (usize, usize, usize) {
    let line = summary
        .lines()
        .find(|l| l.contains(" expectations in "))
        .unwrap_or_else(|| panic!("no counts in the summary:\n{summary}"));
    let num = |what: &str| -> usize {
        let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        words
            .windows(2)
            .find(|w| w[1].starts_with(what))
            .and_then(|w| w[0].parse().ok())
            .unwrap_or_else(|| panic!("no `{what}` in `{line}`"))
    };
    (num("level"), num("pillar"), num("expectation"))
}

/// The sum of the counts of the summary's `where the text went` line.
fn text_went(summary: &str) -> usize {
    let line = summary
        .lines()
        .find(|l| l.contains("where the text went"))
        .unwrap_or_else(|| panic!("the summary does not say where the text went:\n{summary}"));
    line.split_once("): ")
        .unwrap()
        .1
        .split(", ")
        .map(|part| part.split(' ').next().unwrap().parse::<usize>().unwrap())
        .sum()
}

/// The list items (at any depth) and paragraphs outside list items of the Markdown files
/// of `src`, read as GitHub does (a table is a table, not a paragraph): what a reader counts
/// (a loose item's paragraph is the item).
fn source_units(src: &Path) -> usize {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let gfm = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut n = 0;
    for (_, text) in markdown_sources(src) {
        let mut in_item = 0;
        for ev in Parser::new_ext(&text, gfm) {
            match ev {
                Event::Start(Tag::Item) => {
                    n += 1;
                    in_item += 1;
                }
                Event::End(TagEnd::Item) => in_item -= 1,
                Event::Start(Tag::Paragraph) if in_item == 0 => n += 1,
                _ => {}
            }
        }
    }
    n
}

fn exp(level: &str, pillar: &str, text: &str) -> Exp {
    Exp {
        level: words(level),
        pillar: pillar.to_string(),
        text: text.to_string(),
    }
}

/// Checks an import of `src` against the expectations read from it.
fn check(src: &Path, exps: &[Exp], levels: usize, pillars: usize) -> Imported {
    let imp = import(src, &[]);
    let mut units = Vec::new();
    for (_, text) in markdown_sources(src) {
        units.extend(md_units(&text));
    }
    assert_all_on_site(&imp, &units, &src.display().to_string());
    assert_placed(&imp, exps, &[]);
    assert_eq!(
        counts(&imp.summary),
        (levels, pillars, exps.len()),
        "{}",
        imp.summary
    );
    assert!(broken_links(&imp.site).is_empty());
    // The summary accounts for every list item and paragraph of the source.
    assert_eq!(
        text_went(&imp.summary),
        source_units(src),
        "{}",
        imp.summary
    );
    imp
}

#[test]
fn senior_levels_with_pillars_of_their_own_are_levels() {
    let src = fixture("shapes/senior-pillars/ladder.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(p) = l.strip_prefix("**").and_then(|p| p.strip_suffix(":**")) {
            pillar = p.to_string();
        } else if let Some(e) = l.strip_prefix("- ") {
            exps.push(exp(&level, &pillar, e));
        }
    }
    assert_eq!(exps.len(), 23);
    let imp = check(&src, &exps, 5, 9);
    // The two senior levels are levels, said with their lines.
    for (line, title) in [(43, "Principal Engineer"), (56, "Director")] {
        assert!(
            imp.summary
                .contains(&format!("ladder.md:{line}: `{title}` shares no pillars")),
            "{}",
            imp.summary
        );
    }
    assert!(!imp.summary.contains("free page"), "{}", imp.summary);
    let dir = front(&imp.root.join("content/levels/director.md"));
    assert_eq!(dir["rank"].as_integer(), Some(5));
}

#[test]
fn a_level_with_no_heading_and_numbered_bold_pillars() {
    let src = fixture("shapes/numbered-single.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut pillar, mut exps) = (String::new(), Vec::new());
    for l in text.lines() {
        let t = l.trim_start();
        let body = t.split_once(". ").map(|x| x.1).unwrap_or("");
        if l.starts_with(|c: char| c.is_ascii_digit()) {
            // `**Builds a _healthy_** **team …**`: one pillar, its bold runs joined.
            pillar = body.replace("** **", " ").replace(['*', '_'], "");
        } else if t.starts_with(|c: char| c.is_ascii_digit()) {
            exps.push(exp("Numbered single", &pillar, body));
        }
    }
    assert_eq!(exps.len(), 7);
    let imp = check(&src, &exps, 1, 3);
    let titles: Vec<String> = content_files(&imp.root.join("content/pillars"))
        .into_iter()
        .map(|(_, p)| str_of(&front(&p), "title"))
        .collect();
    assert!(
        titles.contains(&"Builds a healthy team that trusts each other.".to_string()),
        "{titles:?}"
    );
    assert!(
        imp.summary
            .contains("numbered-single.md:1: `numbered-single.md` has no heading"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains(
            "numbered-single.md:5: pillar `Builds a healthy team that trusts each other.` is written as several bold runs"
        ),
        "{}",
        imp.summary
    );
}

/// Levels as `# ` headings (some closed, `# Level 2 #`) with no pillars: each paragraph, or
/// each bullet, is an expectation of one pillar.
fn plain_levels(file: &str) -> Vec<Exp> {
    let text = fs::read_to_string(fixture(file)).unwrap();
    let mut level = String::new();
    let mut exps = Vec::new();
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(h) = l.strip_prefix("# ") {
            level = h.trim_end_matches([' ', '#']).to_string();
        } else {
            exps.push(exp(&level, "Expectations", l.trim_start_matches("- ")));
        }
    }
    exps
}

#[test]
fn levels_without_pillars_in_paragraphs_or_loose_bullets() {
    for (file, n) in [
        ("shapes/prose-levels/paragraphs.md", 8),
        ("shapes/prose-levels/loose-bullets.md", 7),
    ] {
        let exps = plain_levels(file);
        assert_eq!(exps.len(), n, "{file}");
        let imp = check(&fixture(file), &exps, 3, 1);
        assert!(
            imp.summary.contains(".md:1: levels are the 3 `#` headings"),
            "{}",
            imp.summary
        );
        let pillars = content_files(&imp.root.join("content/pillars"));
        assert_eq!(pillars.len(), 1);
        assert_eq!(str_of(&front(&pillars[0].1), "title"), "Expectations");
    }
    // The track is named by the file, not by its first level.
    let imp = import(&fixture("shapes/prose-levels/loose-bullets.md"), &[]);
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(str_of(&front(&tracks[0].1), "title"), "Loose bullets");
}

#[test]
fn a_folder_of_one_file_per_level_with_a_readme() {
    let dir = fixture("shapes/level-files");
    let mut exps = Vec::new();
    for n in 1..=6 {
        let text = fs::read_to_string(dir.join(format!("L{n}.md"))).unwrap();
        let mut pillar: Option<String> = None;
        for l in text.lines().filter(|l| !l.trim().is_empty()) {
            if let Some(p) = l.strip_prefix("#### ") {
                pillar = Some(p.to_string());
            } else if l.starts_with('#') {
                pillar = None;
            } else if let Some(p) = &pillar {
                exps.push(exp(&format!("L{n}"), p, l));
            }
        }
    }
    assert_eq!(exps.len(), 20);
    let imp = check(&dir, &exps, 6, 3);
    // The README's nine list items and paragraphs, and each level's overview and
    // anti-pattern, are in descriptions.
    assert!(
        imp.summary
            .contains("20 expectations on level pages, 21 in level and track descriptions"),
        "{}",
        imp.summary
    );
    let c = imp.root.join("content");
    let levels: Vec<String> = content_files(&c.join("levels"))
        .into_iter()
        .map(|l| l.0)
        .collect();
    assert_eq!(levels, ["l1", "l2", "l3", "l4", "l5", "l6"]);
    // `# L6` is the title, ranked by its number; a code equal to the title would be said
    // twice (`L6 (L6)`).
    let l6 = front(&c.join("levels/l6.md"));
    assert_eq!(
        (
            str_of(&l6, "title"),
            l6.get("code"),
            l6["rank"].as_integer()
        ),
        ("L6".to_string(), None, Some(6))
    );
    assert!(page(&imp.site, "levels/l6/").contains("<title>L6 · "));
    // Overview and anti-patterns stay on the level's page, in its description.
    let page_l3 = words(&page(&imp.site, "levels/l3/"));
    assert!(page_l3.contains(&words("Leads pieces of work across a team.")));
    assert!(page_l3.contains(&words("Keeps knowledge to themselves.")));
    // The README describes the track, and its links lead to the levels.
    let track = fs::read_to_string(&content_files(&c.join("tracks"))[0].1).unwrap();
    assert!(track.contains("[L4](../levels/l4.md)"), "{track}");
    assert!(imp
        .summary
        .contains("README.md:1: `README.md` sits beside the level files"));
}

#[test]
fn short_ids_and_codes_from_long_titles() {
    let src = fixture("shapes/dual-codes.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("### ") {
            // The level's title without its parenthesis of codes.
            level = h.split(" (").next().unwrap().to_string();
        } else if let Some(p) = l.strip_prefix("#### ") {
            pillar = p.to_string();
        } else if let Some(e) = l.strip_prefix("- ") {
            exps.push(exp(&level, &pillar, e));
        }
    }
    let imp = check(&src, &exps, 4, 2);
    let c = imp.root.join("content");
    let lead = front(&c.join("levels/tech-lead-staff-engineer.md"));
    assert_eq!(
        (str_of(&lead, "title"), str_of(&lead, "code")),
        (
            "Tech Lead / Staff Engineer".to_string(),
            "Manager 5".to_string()
        )
    );
    // `IC 6` names the Staff Engineer of the other track: equivalents both ways.
    assert_eq!(
        lead["equivalent"].as_array().unwrap()[0].as_str(),
        Some("staff-engineer")
    );
    let staff = front(&c.join("levels/staff-engineer.md"));
    assert_eq!(str_of(&staff, "code"), "IC 6");
    assert_eq!(
        staff["equivalent"].as_array().unwrap()[0].as_str(),
        Some("tech-lead-staff-engineer")
    );
    for (id, _) in content_files(&c.join("levels")) {
        assert!(id.len() <= 24, "{id}");
    }
}

#[test]
fn a_folder_of_levels_without_pillars_ordered_by_seniority() {
    let dir = fixture("shapes/plain-files");
    let mut exps = Vec::new();
    for file in ["junior.md", "designer.md", "senior.md"] {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let level = text.lines().next().unwrap().trim_start_matches("# ");
        for l in text.lines() {
            if let Some(e) = l.strip_prefix("- ") {
                exps.push(exp(level, "Expectations", e));
            }
        }
    }
    let imp = check(&dir, &exps, 3, 1);
    // Junior, then the bare title, then Senior: not the files' alphabetical order (level ids
    // are the files' names, as in any folder of level files).
    let rank = |id: &str| level_rank(&imp, id);
    assert_eq!(
        (rank("junior"), rank("designer"), rank("senior")),
        (1, 2, 3)
    );
    assert!(
        imp.summary.contains("ordered by the words of seniority"),
        "{}",
        imp.summary
    );
}

#[test]
fn the_summary_accounts_for_every_item_of_the_real_markdown_ladders() {
    for ladder in [
        "Codecademy-engineering-competencies",
        "OctopusDeploy-People",
        "jorgef-engineeringladders",
    ] {
        let src = real_ladders().join(ladder);
        let imp = import(&src, &[]);
        assert_eq!(
            text_went(&imp.summary),
            source_units(&src),
            "{ladder}:\n{}",
            imp.summary
        );
    }
}

#[test]
fn two_versions_of_one_ladder_in_a_folder_are_two_tracks_and_said() {
    let dir = fixture("shapes/two-versions");
    let mut exps = Vec::new();
    for (file, prefix) in [("ladder-2023.md", "2023"), ("ladder.md", "")] {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let (mut level, mut pillar) = (String::new(), String::new());
        for l in text.lines() {
            if let Some(h) = l.strip_prefix("## ") {
                level = h.to_string();
            } else if let Some(p) = l.strip_prefix("### ") {
                pillar = p.to_string();
            } else if let Some(e) = l.strip_prefix("- ") {
                exps.push((prefix, exp(&level, &pillar, e)));
            }
        }
    }
    let imp = import(&dir, &[]);
    let c = imp.root.join("content");
    let tracks = content_files(&c.join("tracks"));
    assert_eq!(tracks.len(), 2);
    assert!(
        imp.summary.contains(
            "ladder.md:1: `ladder-2023.md` and `ladder.md` have 2 levels of the same titles"
        ),
        "{}",
        imp.summary
    );
    // Each version's expectations are on its own track's level pages, none merged.
    for (prefix, e) in &exps {
        let track = if prefix.is_empty() {
            "support-ladder"
        } else {
            "ladder-2023"
        };
        let id = format!("{track}-{}", slug(&e.level));
        let html = page(&imp.site, &format!("levels/{id}/"));
        assert!(
            words(&html).contains(&md_words(&e.text)),
            "{id}: {}",
            e.text
        );
    }
    let total: usize = content_files(&c.join("levels"))
        .iter()
        .map(|(id, _)| {
            page(&imp.site, &format!("levels/{id}/"))
                .matches("<li id=\"")
                .count()
        })
        .sum();
    assert_eq!(total, exps.len());
}

/// A folder `src` in `dir` with `ladder.md`, two levels of one pillar; its path.
fn two_levels(dir: &Path) -> std::path::PathBuf {
    let src = dir.join("src");
    fs::create_dir(&src).unwrap();
    fs::write(
        src.join("ladder.md"),
        "# Ladder\n\n## Engineer I\n\n### Craft\n\n- Writes code that others can read.\n\n## Engineer II\n\n### Craft\n\n- Designs code that others build on.\n",
    )
    .unwrap();
    src
}

/// A free page that links to its own `## Levels` heading: the page's own sections take the id
/// `levels`, so the heading is `#levels-1` on the built page, and the link goes there (the
/// import once wrote `#levels`, failed its own validation and wrote nothing).
#[test]
fn a_link_to_a_heading_named_like_a_page_section_goes_to_its_id() {
    let tmp = tempfile::tempdir().unwrap();
    let src = two_levels(tmp.path());
    fs::write(
        src.join("progress.md"),
        "# Progress\n\nHow to move between the [levels](#levels).\n\n## Levels\n\nThere are two.\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    let page = page(&imp.site, "progress/");
    assert!(page.contains("<h2 id=\"levels-1\""), "{page}");
    assert!(page.contains("progress/#levels-1\">levels</a>"), "{page}");
    assert!(broken_links(&imp.site).is_empty());
}

/// In a folder, an empty file (a level not written yet) is passed over and named, not an
/// error that stops the import; on its own it is still an error.
#[test]
fn an_empty_file_in_a_folder_is_passed_over_and_named() {
    let tmp = tempfile::tempdir().unwrap();
    let src = two_levels(tmp.path());
    fs::write(src.join("frontend.md"), "").unwrap();
    let imp = import(&src, &[]);
    assert!(
        imp.summary.contains("not read: frontend.md (empty)"),
        "{}",
        imp.summary
    );
    let alone = ladderbook()
        .arg("import")
        .arg(src.join("frontend.md"))
        .arg("-o")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(!alone.status.success());
    assert!(String::from_utf8_lossy(&alone.stderr)
        .contains("frontend.md:1:1: error: the file is empty"));
}

/// A site generator's folder (Hugo): `_index.md` describes the track; each level is a page
/// whose front-matter `title` names it, with no heading of its own, its pillars `##` headings
/// or `###` under a group heading; the repository's `LICENSE.md` and `CONTRIBUTING.md` beside
/// them are no part of the ladder.
#[test]
fn pages_named_by_their_front_matter_with_the_repository_files_beside_them() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("engineering");
    fs::create_dir(&src).unwrap();
    fs::write(
        src.join("_index.md"),
        "---\ntitle: \"Engineering\"\nweight: 1\n---\n\nThe engineering ladder.\n",
    )
    .unwrap();
    let level = |title: &str, weight: u32, word: &str| {
        format!("---\ntitle: \"{title}\"\nweight: {weight}\n---\n\n## Core Competencies\n\n* You {word} the code of your team.\n\n## Functional Competencies\n\n### Management\n\n* You {word} the plans of your team.\n\n### Mentoring\n\n* You {word} the growth of others.\n")
    };
    fs::write(src.join("engineer.md"), level("Engineer", 101, "read")).unwrap();
    fs::write(
        src.join("senior-engineer.md"),
        level("Senior Engineer", 102, "shape"),
    )
    .unwrap();
    fs::write(
        src.join("staff-engineer.md"),
        level("Staff Engineer", 103, "set"),
    )
    .unwrap();
    fs::write(
        src.join("LICENSE.md"),
        "# License\n\n## Section 1 – Definitions.\n\n- a. Adapted Material means material.\n\n## Section 2 – Scope.\n\n- a. License grant.\n",
    )
    .unwrap();
    fs::write(
        src.join("CONTRIBUTING.md"),
        "# Contributing\n\n- Open a pull request.\n",
    )
    .unwrap();
    let mut exps = Vec::new();
    for (title, word) in [
        ("Engineer", "read"),
        ("Senior Engineer", "shape"),
        ("Staff Engineer", "set"),
    ] {
        exps.push(exp(
            title,
            "Core Competencies",
            &format!("You {word} the code of your team."),
        ));
        exps.push(exp(
            title,
            "Management",
            &format!("You {word} the plans of your team."),
        ));
        exps.push(exp(
            title,
            "Mentoring",
            &format!("You {word} the growth of others."),
        ));
    }
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(counts(&imp.summary), (3, 3, 9), "{}", imp.summary);
    assert!(!words(&page(&imp.site, "")).contains("adapted material"));
    assert!(
        imp.summary.contains(
            "not read: CONTRIBUTING.md (about the repository, not the ladder), … (+1 more)"
        ),
        "{}",
        imp.summary
    );
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 1);
}

/// A JSON framework whose topics each name their levels (`topics → levels → {title, summary,
/// criteria}`, the shape of UNiDAYS' competency framework): the topics are pillars, the named
/// levels the levels in the order first met, each criterion an expectation and each level's
/// summary within a topic a note beside them.
#[test]
fn a_json_framework_of_topics_with_named_levels() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("engineering.json");
    let level = |title: &str, summary: &str, criteria: &[&str]| {
        format!(
            "{{\"title\": \"{title}\", \"summary\": \"{summary}\", \"criteria\": [{}]}}",
            criteria
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let json = format!(
        "{{\n\t\"title\": \"Engineering\",\n\t\"topics\": [\n\t\t{{\"title\": \"🔧 Testing\", \"levels\": [{}, {}, {}]}},\n\t\t{{\"title\": \"Delivery\", \"levels\": [{}, {}]}}\n\t]\n}}\n",
        level("Starter", "Learns the test tools.", &["Writes unit tests for their changes."]),
        level("Builder", "Owns the tests of a feature.", &["Designs the test plan of a feature.", "Fixes flaky tests they meet."]),
        level("Leader", "Sets how the team tests.", &["Sets the testing strategy of the team."]),
        level("Starter", "Ships with help.", &["Ships small changes every week."]),
        level("Leader", "Plans for the team.", &["Plans a quarter of the team's work."]),
    );
    fs::write(&src, json).unwrap();
    let imp = import(&src, &[]);
    let exps = [
        exp("Starter", "Testing", "Writes unit tests for their changes."),
        exp("Builder", "Testing", "Designs the test plan of a feature."),
        exp("Builder", "Testing", "Fixes flaky tests they meet."),
        exp(
            "Leader",
            "Testing",
            "Sets the testing strategy of the team.",
        ),
        exp("Starter", "Delivery", "Ships small changes every week."),
        exp("Leader", "Delivery", "Plans a quarter of the team's work."),
    ];
    assert_placed(&imp, &exps, &[]);
    assert_eq!(counts(&imp.summary), (3, 2, 6), "{}", imp.summary);
    assert!(imp.summary.contains("(1 file, JSON)"), "{}", imp.summary);
    assert!(
        !imp.summary.contains("a tab after a list dash"),
        "{}",
        imp.summary
    );
    let builder = competency(&imp, "builder", "testing");
    assert!(
        builder.contains("Owns the tests of a feature."),
        "{builder}"
    );
}

/// Topics whose named levels give `criteria` as one sentence, not a list, and a
/// `definition` of what the topic covers (hunt 44 H44-05: every expectation was lost, the
/// pillars with them, and the summary said "No guesses: the structure was unambiguous").
#[test]
fn topics_with_one_criterion_as_text_and_a_definition_keep_both() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("keepers.yml");
    fs::write(
        &src,
        "topics:\n  - title: Lamp Care\n    definition:\n      - Trimming wicks\n      - Cleaning the lens\n    required: Experienced\n    levels:\n      - title: Familiar\n        criteria: Trims the wick under supervision.\n      - title: Master\n        criteria: Rebuilds the clockwork that turns the lens.\n  - title: Weather Watch\n    definition: Reads the sky and logs what is coming.\n    levels:\n      - title: Familiar\n        criteria: Logs wind and visibility every four hours.\n        required: true\n      - title: Master\n        criteria: Trains the coast guard in reading storm signs.\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    let exps = [
        exp("Familiar", "Lamp Care", "Trims the wick under supervision."),
        exp(
            "Master",
            "Lamp Care",
            "Rebuilds the clockwork that turns the lens.",
        ),
        exp(
            "Familiar",
            "Weather Watch",
            "Logs wind and visibility every four hours.",
        ),
        exp(
            "Master",
            "Weather Watch",
            "Trains the coast guard in reading storm signs.",
        ),
    ];
    assert_placed(&imp, &exps, &[]);
    assert_eq!(counts(&imp.summary), (2, 2, 4), "{}", imp.summary);
    assert!(page(&imp.site, "pillars/lamp-care/").contains("Cleaning the lens"));
    assert!(page(&imp.site, "pillars/weather-watch/").contains("Reads the sky and logs"));
    assert!(
        imp.summary.contains(
            "keepers.yml:6: keys with no place in a ladder were not imported: topic `required`, level entry `required`"
        ),
        "{}",
        imp.summary
    );
}

/// `criteria` written as a block of Markdown list items, or as a mapping, and
/// `exampleCriteria` as one text (review 41 R41-06: three items were one expectation
/// written `- - …`; R41-07: a mapping's criteria were lost, the summary saying "No
/// guesses"; R41-12: the example criterion was dropped).
#[test]
fn topics_criteria_as_a_block_list_a_mapping_or_one_example_text_are_each_read() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("keepers.yml");
    fs::write(
        &src,
        "topics:\n  - title: Lamp Care\n    levels:\n      - title: Assistant Keeper\n        criteria: |\n          - Trims the wick every four hours.\n          - Cleans the lens at dawn.\n        exampleCriteria: Kept the light through the January gale.\n      - title: Principal Keeper\n        criteria:\n          wind: Logs the wind every watch.\n          cloud: Reads the cloud for fog.\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    let exps = [
        exp(
            "Assistant Keeper",
            "Lamp Care",
            "Trims the wick every four hours.",
        ),
        exp("Assistant Keeper", "Lamp Care", "Cleans the lens at dawn."),
        exp(
            "Assistant Keeper",
            "Lamp Care",
            "Kept the light through the January gale.",
        ),
        exp(
            "Principal Keeper",
            "Lamp Care",
            "*Wind:* Logs the wind every watch.",
        ),
        exp(
            "Principal Keeper",
            "Lamp Care",
            "*Cloud:* Reads the cloud for fog.",
        ),
    ];
    assert_placed(&imp, &exps, &[]);
    assert_eq!(counts(&imp.summary), (2, 1, 5), "{}", imp.summary);
    assert!(!competency(&imp, "assistant-keeper", "lamp-care").contains("- - "));
}

#[test]
fn skills_written_over_proficiency_names_are_read_the_other_way_round() {
    // `## Skill` over `- **Proficiency**` bullets: the skills are pillars, the proficiencies
    // levels, ranked as written.
    let src = fixture("shapes/transposed/skills.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut skill, mut level, mut exps) = (String::new(), String::new(), Vec::new());
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("## ") {
            skill = h.to_string();
        } else if let Some(p) = l.strip_prefix("- **").and_then(|p| p.strip_suffix("**")) {
            level = p.to_string();
        } else if let Some(e) = l.strip_prefix("  - ") {
            exps.push(exp(&level, &skill, e));
        }
    }
    assert_eq!(exps.len(), 14);
    let imp = check(&src, &exps, 3, 3);
    let ranks: Vec<(String, i64)> = ["foundation", "practitioner", "expert"]
        .iter()
        .map(|id| {
            let f = front(&imp.root.join(format!("content/levels/{id}.md")));
            (str_of(&f, "title"), f["rank"].as_integer().unwrap())
        })
        .collect();
    assert_eq!(
        ranks,
        [
            ("Foundation".to_string(), 1),
            ("Practitioner".to_string(), 2),
            ("Expert".to_string(), 3)
        ]
    );
    // Each skill's own line describes its pillar.
    let building = fs::read_to_string(imp.root.join("content/pillars/building.md")).unwrap();
    assert!(
        building.contains("Writing, testing and shipping changes."),
        "{building}"
    );
    assert!(
        imp.summary.contains("skills.md:5: read the other way round: the 3 sections (`🛠️ Building` … `🤝 Collaboration`) name competency areas"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_folder_of_one_file_per_skill_with_the_same_levels_is_one_track() {
    // Each file holds `### Level N` over a list, and no pillars: the files are the pillars.
    let src = fixture("shapes/skill-files");
    let mut exps = Vec::new();
    for (rel, text) in markdown_sources(&src) {
        let stem = rel.file_stem().unwrap().to_str().unwrap().to_string();
        let skill = format!("{}{}", stem[..1].to_uppercase(), &stem[1..]);
        let mut level = String::new();
        for l in text.lines() {
            if let Some(h) = l.strip_prefix("### ") {
                // `Level 2 (Mid)` is the same level as the other files' `Level 2`.
                level = h.split(" (").next().unwrap().to_string();
            } else if let Some(e) = l.strip_prefix("- ") {
                exps.push(exp(&level, &skill, e));
            } else if !level.is_empty() && !l.is_empty() {
                // A line before a level's list sums the level up in that skill: an
                // expectation too.
                exps.push(exp(&level, &skill, l));
            }
        }
    }
    assert_eq!(exps.len(), 12);
    let imp = check(&src, &exps, 3, 3);
    let tracks: Vec<String> = content_files(&imp.root.join("content/tracks"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(tracks, ["skill-files"], "{}", imp.summary);
    let design =
        fs::read_to_string(imp.root.join("content/competencies/level-3/testing.md")).unwrap();
    assert!(
        design.contains("\n- Tests are part of how you design.\n- Chooses"),
        "{design}"
    );
    let testing = fs::read_to_string(imp.root.join("content/pillars/testing.md")).unwrap();
    assert!(
        testing.contains("How you make sure a change works"),
        "{testing}"
    );
    assert!(
        imp.summary.contains("the 3 files (")
            && imp
                .summary
                .contains("each hold the same levels without pillars, so each file is a pillar"),
        "{}",
        imp.summary
    );
}

/// One file per level, each named by its front-matter `title` and ranked by its `level`
/// (Findmypast's shape), with sentence headings as pillars, one of which has words of
/// seniority in it (`You lead a team …`), one titled after the document it is (`Junior
/// Engineer Framework`), and an overview beside them titled by its front-matter too
/// (`Engineering Career Framework`), which names no role.
#[test]
fn level_pages_ranked_by_front_matter_with_sentence_headings_and_an_overview() {
    let src = fixture("shapes/front-matter-levels");
    let mut exps = Vec::new();
    for (rel, text) in markdown_sources(&src) {
        let Some(title) = text.lines().find_map(|l| l.strip_prefix("title: ")) else {
            continue;
        };
        let mut pillar = String::new();
        for l in text.lines() {
            if let Some(h) = l.strip_prefix("### ") {
                pillar = h.to_string();
            } else if let Some(e) = l.strip_prefix("- ") {
                assert!(!rel.ends_with("index.md"));
                exps.push(exp(title, &pillar, e));
            }
        }
    }
    assert_eq!(exps.len(), 10);
    let imp = check(&src, &exps, 4, 5);
    let ranks: Vec<(String, i64)> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(_, p)| {
            let f = front(&p);
            (str_of(&f, "title"), f["rank"].as_integer().unwrap())
        })
        .collect();
    let mut ranks = ranks;
    ranks.sort_by_key(|r| r.1);
    let titles: Vec<&str> = ranks.iter().map(|r| r.0.as_str()).collect();
    // `level: 4` puts Staff Engineer II above Principal Engineer (`level: 3`), which the
    // words of seniority alone would not.
    assert_eq!(
        titles,
        [
            "Junior Engineer Framework",
            "Senior Engineer",
            "Principal Engineer",
            "Staff Engineer II"
        ]
    );
    // The overview describes the track; it is no level.
    let track = content_files(&imp.root.join("content/tracks"));
    assert_eq!(track.len(), 1);
    let text = fs::read_to_string(&track[0].1).unwrap();
    assert!(text.contains("Impact is what you do."), "{text}");
    assert!(
        imp.summary
            .contains("ordered by the rank each file's front-matter gives"),
        "{}",
        imp.summary
    );
    assert!(!imp
        .summary
        .contains("front-matter keys were not imported: level"));
    // Junior defines 2 of the track's 5 pillars: its page shows those two, then names the
    // other three once, each keeping its section's anchor, instead of three sections that
    // only say "not defined yet".
    let junior = page(&imp.site, "levels/junior/");
    let own = junior
        .find(r#"<section class="pillar-section" id="you-know-our-tools">"#)
        .expect("Junior's own pillar is a section");
    let gaps = junior
        .find(r#"<section class="pillar-gaps""#)
        .expect("the other pillars are named at the end");
    assert!(own < gaps);
    let names = &junior[gaps..];
    // The sentence over the names says they have none (hunt 32 H32-09: it had lost its
    // "no" and said the opposite of its heading).
    assert!(
        words(names).contains("the track s other pillars have no expectations at junior"),
        "{}",
        words(names)
    );
    for id in [
        "you-lead-a-team-through-every-phase",
        "you-are-a-go-to-person-across",
        "your-learning-includes-advanced",
    ] {
        assert!(names.contains(&format!(r#"<a id="{id}" href="#)), "{id}");
        assert!(!junior.contains(&format!(r#"<section class="pillar-section" id="{id}">"#)));
    }
    assert!(!junior.contains("not defined yet"));
    // Principal defines 3 of 5: every pillar keeps its section, gaps said in place.
    let principal = page(&imp.site, "levels/principal/");
    assert!(!principal.contains("pillar-gaps"));
    assert!(principal.contains("not defined yet"));
}

/// Skill sections whose every bullet starts with a level's code (`### Testing` over `- E1: …`,
/// TrustLayer's shape), in `##` groups: one track whose levels are the codes and whose
/// pillars are the skills, each expectation without its code.
#[test]
fn skill_sections_of_bullets_labelled_with_level_codes() {
    let src = fixture("shapes/coded-skills/skills.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut skill, mut exps) = (String::new(), Vec::new());
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("### ") {
            skill = h.to_string();
        } else if let Some((code, e)) = l.strip_prefix("- ").and_then(|e| e.split_once(": ")) {
            exps.push(exp(code, &skill, e));
        }
    }
    // `Hiring` has one bullet, for the most senior level only: a skill all the same.
    assert_eq!(exps.len(), 12);
    let imp = check(&src, &exps, 3, 5);
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 1, "{}", imp.summary);
    let e1 = fs::read_to_string(imp.root.join("content/competencies/e1/testing.md")).unwrap();
    assert!(
        e1.contains("\n- You add tests for the code you change.\n"),
        "{e1}"
    );
    assert!(!e1.contains("E1:"), "{e1}");
    assert!(
        imp.summary.contains("(`E1` … `E3`) read as levels, so they are the levels, ranked by the numbers of their codes"),
        "{}",
        imp.summary
    );
}

/// In a folder, a file whose table names only two levels is kept as a free page beside the
/// other files' ladders, and the summary says why at the table's line (imported alone, the
/// same file is refused with that reason).
#[test]
fn a_two_level_grid_beside_other_ladders_is_a_page_and_said() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("titles");
    fs::create_dir(&src).unwrap();
    fs::write(
        src.join("programmers.md"),
        "# Programmers\n\n| | Junior Programmer | Programmer | Senior Programmer |\n| --- | --- | --- | --- |\n| Skill | Writes small fixes with help. | Builds features alone. | Designs whole systems. |\n| Reach | Works within the team. | Works with a neighbouring team. | Works across the company. |\n",
    )
    .unwrap();
    fs::write(
        src.join("testers.md"),
        "# Testers\n\n| | Senior Tester | Lead Tester |\n| --- | --- | --- |\n| Skill | Writes test plans for a feature. | Sets how the team tests. |\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    assert!(
        imp.summary.contains("testers.md:3: the table here names two levels, `Senior Tester` and `Lead Tester`, and import reads a grid of levels only when it names three or more: `testers.md` is kept as a free page"),
        "{}",
        imp.summary
    );
    assert!(words(&page(&imp.site, "testers/")).contains("sets how the team tests"));
}

/// Files read by their front-matter `topics` whose Markdown bodies hold a ladder of their own
/// (Novoda's shape): the summary says so first, and how to read the bodies instead.
#[test]
fn topics_files_with_a_ladder_in_their_bodies_say_how_to_read_it() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("roles");
    fs::create_dir(&src).unwrap();
    for (file, title, word) in [
        ("engineer.md", "Engineer", "small"),
        ("senior.md", "Senior Engineer", "large"),
    ] {
        fs::write(
            src.join(file),
            format!("---\ntitle: \"{title}\"\ntopics:\n  - name: craft\n    title: Craft\n    content:\n      - level: 1\n        criteria:\n          - \"Ships {word} changes.\"\n      - level: 2\n        criteria:\n          - \"Reviews {word} changes.\"\n---\n\n### Delivery\n\n- Delivers {word} projects.\n\n### Communication\n\n- Writes {word} updates.\n"),
        )
        .unwrap();
    }
    let imp = import(&src, &[]);
    assert!(
        imp.summary.contains("engineer.md:14: 2 files are read by their front-matter `topics`, and their Markdown bodies hold lists under headings too, which are kept as their description: to read them as the ladder instead, import again with --format markdown"),
        "{}",
        imp.summary
    );
    let md = import(&src, &["--format", "markdown"]);
    assert_eq!(counts(&md.summary), (2, 2, 4), "{}", md.summary);
}

/// A level whose pillars are `####` headings, with one written `###` by mistake among them
/// (LMG's cloud ladder): that one is a pillar beside the others, and the `####` pillars after
/// it stay pillars instead of becoming its notes.
#[test]
fn a_pillar_heading_one_depth_too_shallow_is_a_pillar_like_its_siblings() {
    let src = fixture("shapes/slipped-heading/ladder.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(p) = l.strip_prefix("#### ").or_else(|| l.strip_prefix("### ")) {
            pillar = p.to_string();
        } else if let Some(e) = l.strip_prefix("- ") {
            exps.push(exp(&level, &pillar, e));
        }
    }
    assert_eq!(exps.len(), 7);
    let imp = check(&src, &exps, 2, 3);
    assert!(!imp.summary.contains("kept as a note"), "{}", imp.summary);
}

/// An MDX page (Docusaurus) is read as Markdown: its ladder is imported, its components'
/// tags go the way of other HTML and their text is kept, its `import` lines are not text.
#[test]
fn an_mdx_page_is_read_as_markdown() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("levels.mdx");
    fs::write(
        &src,
        "---\ntitle: Engineering levels\n---\n\nimport Tip from '@site/src/components/Tip';\nimport {\n  Chart,\n  Legend,\n} from '@site/src/components/Chart';\nexport const axes = {\n  impact: 'Impact',\n};\n\n<Tip>Levels are cumulative.</Tip>\n\n## Engineer\n\n### Delivery\n\n- Ships small changes.\n\n### Craft\n\n- Writes tests.\n\n## Senior Engineer\n\n### Delivery\n\n- Leads a project.\n\n### Craft\n\n- Reviews designs.\n\n## Staff Engineer\n\n### Delivery\n\n- Leads a programme.\n\n### Craft\n\n- Sets standards.\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    assert_eq!(counts(&imp.summary), (3, 2, 6), "{}", imp.summary);
    let craft = competency(&imp, "senior-engineer", "craft");
    assert!(craft.contains("\n- Reviews designs.\n"), "{craft}");
    let track = words(&page(&imp.site, "tracks/levels/"));
    assert!(track.contains("levels are cumulative"), "{track}");
    // The page's `import` and `export` statements are its components' JavaScript, not text.
    for js in ["import tip from", "legend", "export const"] {
        assert!(!track.contains(js), "{js}: {track}");
    }
}

/// Bullets whose pillar is named in an HTML element before a colon later on (ChainSafe's
/// Docusaurus pages: `<span className="axis">Impact</span> ➡ <span …>Team</span>: …`, the
/// colon sometimes on the item's next line): the element's text is the pillar.
#[test]
fn bullets_labelled_in_an_html_element_name_their_pillars() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("roles.md");
    let level = |title: &str, scope: &str, word: &str| {
        format!("## {title}\n- <span class=\"axis\">Impact</span> ➡ <span class=\"level\">{scope}</span>: {word} the work of a {scope}\n- <span class=\"axis\">People</span>\n➡ <span class=\"level\">{scope}</span>: {word} the people of a {scope}\n\n")
    };
    fs::write(
        &src,
        format!(
            "# Engineering roles\n\n{}{}{}",
            level("Engineer", "team", "shapes"),
            level("Senior Engineer", "group", "leads"),
            level("Staff Engineer", "company", "sets")
        ),
    )
    .unwrap();
    let imp = import(&src, &[]);
    assert_eq!(counts(&imp.summary), (3, 2, 6), "{}", imp.summary);
    let people = competency(&imp, "senior-engineer", "people");
    assert!(people.contains("leads the people of a group"), "{people}");
    let impact = competency(&imp, "staff-engineer", "impact");
    assert!(impact.contains("sets the work of a company"), "{impact}");
}

/// In a folder of one file per level, a file whose first heading is a sentence
/// (`# Engineers focus on what drives results`, Socialbakers' track overviews) is a page, not
/// the track's most junior level, though it has sections with lists as the levels do.
#[test]
fn a_file_headed_by_a_sentence_beside_level_files_is_a_page() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("developers");
    fs::create_dir(&src).unwrap();
    for (file, title, word) in [
        ("a-engineer.md", "Engineer", "small"),
        ("b-senior.md", "Senior Engineer", "large"),
    ] {
        fs::write(
            src.join(file),
            format!("# {title}\n\n### Delivery\n\n- Ships {word} changes.\n\n### Craft\n\n- Reviews {word} designs.\n"),
        )
        .unwrap();
    }
    fs::write(
        src.join("0-path.md"),
        "# Engineers focus on the work that drives results\n\n### Architecture and reviews\n\n- Architects lead research into new frameworks.\n\n### Mentoring\n\n- Senior engineers mentor others.\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    assert_eq!(counts(&imp.summary), (2, 2, 4), "{}", imp.summary);
    assert!(imp.summary.contains("free pages: "), "{}", imp.summary);
    let levels = content_files(&imp.root.join("content/levels"));
    assert_eq!(levels.len(), 2, "{levels:?}");
}

/// Ordinary ladders that the readings added for ladders written the other way round, for
/// level pages with sentence headings and for tables with no column of names must leave as
/// written (a review of those readings wrote them).
#[test]
fn ordinary_ladders_are_read_as_written() {
    let ordinary = |name: &str| fixture(&format!("shapes/ordinary/{name}"));
    let level_ids = |imp: &Imported| -> Vec<String> {
        content_files(&imp.root.join("content/levels"))
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    };
    // One file per track, each with the same role-titled levels: three tracks, not one
    // track whose pillars are the files.
    let imp = import(&ordinary("track-files"), &[]);
    assert_eq!(
        content_files(&imp.root.join("content/tracks")).len(),
        3,
        "{}",
        imp.summary
    );
    // Pages whose front-matter titles name no role (`Foundation`, `Growth`) are levels.
    let imp = import(&ordinary("titled-pages"), &[]);
    assert_eq!(counts(&imp.summary).0, 3, "{}", imp.summary);
    // Pillars named after roles (`SRE practices`, `Developer experience`) are not levels.
    let imp = import(&ordinary("role-named-pillars.md"), &[]);
    let levels = level_ids(&imp);
    assert!(levels.contains(&"foundation".to_string()), "{levels:?}");
    // A grid whose first column names the pillars, with a description after each name.
    let imp = import(&ordinary("grid-with-descriptions.md"), &[]);
    assert_eq!(level_ids(&imp).len(), 3, "{}", imp.summary);
    assert_eq!(counts(&imp.summary), (3, 2, 6), "{}", imp.summary);
    // Turned round, a name an area adds first (`Intermediate`) ranks before the next one it
    // shares with the others (`Expert`), not first.
    let imp = import(&ordinary("scale-gaps.md"), &[]);
    let rank =
        |id: &str| front(&imp.root.join(format!("content/levels/{id}.md")))["rank"].as_integer();
    assert_eq!(
        (rank("beginner"), rank("intermediate"), rank("expert")),
        (Some(1), Some(2), Some(3)),
        "{}",
        imp.summary
    );
}

/// Dimensions each over a numbered list of rungs named before a colon (`1. Tends: …`), as
/// the Engineering Ladders framework states them: refused, but at the first list, naming
/// the shape, with a hint whose table imports (hunt 47 H47-04: "found no ladder" at 1:1,
/// and the one shape in the hint that fitted meant rewriting every rung).
#[test]
fn numbered_rungs_are_refused_with_a_table_that_imports() {
    let src = fixture("numbered-rungs.md");
    let tmp = tempfile::tempdir().unwrap();
    let err = refused(&src, &tmp.path().join("out"));
    assert!(
        err.contains("numbered-rungs.md:2:1: error: found no ladder: the 3 numbered lists here, each of 3 rungs named before a colon (`Tends: …`)"),
        "{err}"
    );
    assert!(
        err.contains("| Dimension | Level 1 | … | Level 3 |"),
        "{err}"
    );
    // The table the hint asks for, written from the file's own lines.
    let text = std::fs::read_to_string(&src).unwrap();
    let mut rows = vec![
        "| Dimension | Level 1 | Level 2 | Level 3 |".to_string(),
        "|---|---|---|---|".to_string(),
    ];
    for block in text.split("\n\n") {
        let mut lines = block.lines();
        let label = lines.next().unwrap();
        let cells: Vec<&str> = lines.map(|l| l.split_once(". ").unwrap().1).collect();
        rows.push(format!("| {label} | {} |", cells.join(" | ")));
    }
    let table = tmp.path().join("table.md");
    std::fs::write(&table, rows.join("\n") + "\n").unwrap();
    let imp = import(&table, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["level-1", "level-2", "level-3"],
        "{}",
        imp.summary
    );
    assert!(competency(&imp, "level-2", "weather")
        .contains("Forecasts: warns the harbour of a storm a day ahead"));
}
