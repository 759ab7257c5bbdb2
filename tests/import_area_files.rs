//! `ladderbook import` on ladders written one file per competency area with levels named by
//! role, and on level headings written only in Korean (hunt 18). Our own ladders in the
//! shapes of real ones (Infopulse's skill matrices, a Korean team's blog post); the tests
//! read the sources themselves.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// The expectations of a folder of area files, read line by line: each file's `# Title` is
/// the area (the pillar), each `## Heading` a level, each `- item` an expectation.
fn area_exps(dir: &std::path::Path) -> Vec<Exp> {
    let mut exps = Vec::new();
    for (_, text) in markdown_sources(dir) {
        let area = text.lines().next().unwrap().trim_start_matches("# ");
        let mut level = String::new();
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                level = words(h);
            } else if let Some(item) = line.strip_prefix("- ") {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: area.to_string(),
                    text: item.to_string(),
                });
            }
        }
    }
    exps
}

#[test]
fn area_files_with_the_same_role_named_levels_are_the_pillars_of_one_track() {
    // `# Stage rigging` / `## Trainee` … `## Expert` in each file made a track per file, each
    // of one pillar; under `# Working with show requirements`, `Expert` was a free page.
    let dir = fixture("folders/area-files-named-levels");
    let exps = area_exps(&dir);
    assert_eq!(exps.len(), 27);
    let imp = import(&dir, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 1);
    let levels = content_ids(&imp.root.join("content/levels"));
    assert_eq!(levels.len(), 5, "{levels:?}");
    assert!(level_rank(&imp, "expert") > level_rank(&imp, "senior"));
    assert!(level_rank(&imp, "trainee") < level_rank(&imp, "junior"));
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 5);
    // Each file's line under its title describes its pillar.
    let site = site_words(&imp.site);
    assert!(site.contains(&words("Focusing, patching and running the lighting rig.")));
}

#[test]
fn level_headings_written_in_hangul_are_levels() {
    // `## 주니어 레벨` (junior level) … `## 시니어 레벨`: "a one-level document" whose
    // pillars were the levels.
    let src = fixture("sections/korean-level-words.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = words(h);
        } else if let Some((n, item)) = line.split_once(". ") {
            if n.parse::<u8>().is_ok() {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: "Expectations".to_string(),
                    text: item.to_string(),
                });
            }
        }
    }
    assert_eq!(exps.len(), 6);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/levels")).len(), 3);
    let toml = fs::read_to_string(imp.root.join("book.toml")).unwrap();
    assert!(toml.contains("language = \"ko\""), "{toml}");
}

#[test]
fn a_level_heading_with_nothing_under_it_makes_no_page() {
    // `## Trainee` left empty in one area of Infopulse's BA matrix was a free page holding
    // only its title, in the site's menu beside the guides, once per area.
    let imp = import(&fixture("sections/empty-level-heading.md"), &[]);
    assert!(
        !imp.root.join("content/trainee.md").exists(),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains(
            "`Trainee` holds nothing besides what the ladder reads: no page is made of it"
        ),
        "{}",
        imp.summary
    );
    assert_eq!(content_files(&imp.root.join("content/levels")).len(), 3);
}

/// Hunt 27 H1: four area files of `## Junior` … `## Senior` (four of Infopulse's QA matrix
/// files) made four tracks, each of one pillar, where five files made one track: fewer files
/// of levels titled by seniority alone are as often tracks (Backend, Frontend). A folder
/// that says it holds skills (`pastry-skills/`, `matrix/`) settles it.
#[test]
fn a_few_area_files_in_a_folder_named_for_skills_are_the_pillars_of_one_track() {
    let dir = fixture("folders/pastry-skills");
    let exps = area_exps(&dir);
    assert_eq!(exps.len(), 24);
    let imp = import(&dir, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_files(&imp.root.join("content/tracks")).len(),
        1,
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["lamination", "ordering", "piping", "proofing"]
    );
}

/// Hunt 27 H2 (Infopulse's BA matrix): of ten area files, two name parts of their area in
/// bold over their lists (`**Communication skills:**`) and three leave a level out. Every file
/// then became a track of its own, 37 levels in 10 tracks, where the others alone made one
/// track. The parts stay in their area's cells, named over their expectations.
#[test]
fn area_files_of_which_one_names_parts_in_bold_and_one_leaves_a_level_out_are_one_track() {
    let dir = fixture("folders/area-files-parts");
    let exps = area_exps(&dir);
    assert_eq!(exps.len(), 40);
    let imp = import(&dir, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_files(&imp.root.join("content/tracks")).len(),
        1,
        "{}",
        imp.summary
    );
    assert_eq!(content_ids(&imp.root.join("content/levels")).len(), 3);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 6);
    // A part's name stays over its expectations, in its area's cell.
    let cell = competency(&imp, "middle", "working-with-others");
    let named = cell.find("**Teamwork:**").expect(&cell);
    let item = cell.find("Covers a colleague's station").expect(&cell);
    assert!(named < item, "{cell}");
    assert!(
        cell.contains("- Briefs the juniors on their station\n"),
        "{cell}"
    );
}
