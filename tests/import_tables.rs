//! `ladderbook import` on ladders written as Markdown tables: a grid of levels by pillars
//! (levels across or down, rows in groups), a table per level, a table per pillar, and a
//! folder of one file per level, each with a table. The documents are our own, in the shapes
//! organisations publish. Each test reads the tables with pulldown-cmark's own table parser
//! (not the importer's), and checks that every expectation of every cell is on its level's
//! page under its pillar, that the level pages hold exactly those, and that the summary says
//! how each table was read, at its line. Tables that are not a ladder (an index of links, a
//! glossary, a level's own notes) stay tables.

mod common;
mod import_support;
use common::*;
use import_support::tables::*;
use import_support::*;
use std::fs;

/// The expectations of one level's table: a row per pillar, a row with no pillar going on
/// with the one above, the second column the expectations.
fn level_table(level: &str, rows: &[Vec<String>], exps: &mut Vec<Exp>) {
    let mut pillar = String::new();
    for row in &rows[1..] {
        if !row[0].is_empty() {
            pillar = row[0].clone();
        }
        for item in cell_items(&row[1]) {
            exps.push(exp(level, &pillar, &item));
        }
    }
}

#[test]
fn a_grid_with_levels_across_and_a_pillar_per_row() {
    let src = fixture("tables/grid-levels-across.md");
    let md = fs::read_to_string(&src).unwrap();
    let (_, rows) = &tables(&md)[0];
    let mut exps = Vec::new();
    each_item(rows, |level, row, item| {
        exps.push(exp(level, &row[0], &item))
    });
    assert_eq!(exps.len(), 32);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        table_guesses(&imp.summary),
        ["grid-levels-across.md:5: the table read as a ladder: 4 levels (its columns) × 5 pillars (its rows)"]
    );
    // No guess sends the user to look for headings the file does not have.
    assert!(!imp.summary.contains("`##` headings"), "{}", imp.summary);
    // An empty cell and a `—` are gaps, said so on the level page.
    let eng1 = page(&imp.site, "levels/engineer-i/");
    assert_eq!(eng1.matches("not defined yet").count(), 2, "{eng1}");
    // The escaped pipe is a pipe, in its code span.
    assert!(eng1.contains("<code>git log | grep</code>"));
}

#[test]
fn a_grid_of_levels_spelled_with_accents_is_a_ladder() {
    // `Júnior`, `Sênior` (Brazilian Portuguese) were no level titles, so the table was
    // refused as "no ladder"; without the accents it imported.
    let src = fixture("tables/pt-levels-down.md");
    let md = fs::read_to_string(&src).unwrap();
    let (_, rows) = &tables(&md)[0];
    let mut exps = Vec::new();
    each_item(rows, |pillar, row, item| {
        exps.push(exp(&row[0], pillar, &item));
    });
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let rank = |id: &str| level_rank(&imp, id);
    assert_eq!(
        [
            rank("estagiario"),
            rank("junior"),
            rank("pleno"),
            rank("senior")
        ],
        [1, 2, 3, 4]
    );
}

#[test]
fn a_grid_with_a_level_per_row_reads_codes_from_the_level_titles() {
    let src = fixture("tables/grid-levels-down.md");
    let md = fs::read_to_string(&src).unwrap();
    let (_, rows) = &tables(&md)[0];
    let mut exps = Vec::new();
    each_item(rows, |pillar, row, item| {
        exps.push(exp(&row[0].replace('–', ""), pillar, &item));
    });
    assert_eq!(exps.len(), 20);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let senior = front(&imp.root.join("content/levels/senior-engineer.md"));
    assert_eq!(
        (str_of(&senior, "code"), senior["rank"].as_integer()),
        ("L3".to_string(), Some(3))
    );
    assert_eq!(table_guesses(&imp.summary).len(), 1, "{}", imp.summary);
}

#[test]
fn group_rows_are_pillars_and_their_rows_name_the_expectations() {
    let src = fixture("tables/grid-with-groups.md");
    let md = fs::read_to_string(&src).unwrap();
    let all = tables(&md);
    let (_, rows) = &all[0];
    let (mut group, mut exps) = (String::new(), Vec::new());
    for row in &rows[1..] {
        if row[1..].iter().all(String::is_empty) {
            group = row[0].clone();
            continue;
        }
        for (level, cell) in rows[0].iter().zip(row).skip(1) {
            for item in cell_items(cell) {
                exps.push(exp(level, &group, &format!("*{}:* {item}", row[0])));
            }
        }
    }
    assert_eq!(exps.len(), 35);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert!(table_guesses(&imp.summary)[0].contains("4 pillars (its group rows"));
    // The glossary after the ladder stays a table, on a free page.
    let glossary = page(&imp.site, "glossary/");
    assert!(glossary.contains("<table>"), "{glossary}");
}

/// A header of bands (`| | FOUNDATION | | PRACTICE |`, some empty) over a row naming every
/// level: that row is the header a reader sees, and the bands name no level; the unnamed row
/// below it describes the levels.
#[test]
fn a_row_of_levels_under_a_header_of_bands_is_the_header() {
    let src = fixture("tables/band-header.md");
    let md = fs::read_to_string(&src).unwrap();
    let all = tables(&md);
    let (_, rows) = &all[0];
    let levels = &rows[1];
    let mut exps = Vec::new();
    for row in &rows[3..] {
        for (level, cell) in levels.iter().zip(row).skip(1) {
            exps.push(exp(level, &row[0], cell));
        }
    }
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert!(
        table_guesses(&imp.summary)[0].contains("4 levels (its columns) × 3 pillars (its rows)"),
        "{}",
        imp.summary
    );
    // The unnamed row under the levels describes each of them.
    let middle = fs::read_to_string(imp.root.join("content/levels/middle.md")).unwrap();
    assert!(
        middle.contains("Owns a feature area of the product."),
        "{middle}"
    );
}

#[test]
fn a_table_per_level_gives_its_pillars_and_notes() {
    let src = fixture("tables/per-level-tables.md");
    let md = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    let mut notes = Vec::new();
    for (level, rows) in tables(&md) {
        level_table(&level, &rows, &mut exps);
        for row in &rows[1..] {
            notes.extend(
                row.iter()
                    .skip(2)
                    .filter(|c| !c.is_empty())
                    .map(|c| md_words(c)),
            );
        }
    }
    assert_eq!((exps.len(), notes.len()), (20, 8));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The Examples column is kept, under its expectation.
    let site = site_words(&imp.site);
    for note in &notes {
        assert!(site.contains(&format!("examples {note}")), "{note}");
    }
    // Each level's summary line is its description, not an expectation.
    assert!(!imp.summary.contains("`Expectations`"), "{}", imp.summary);
    let lines: Vec<&str> = table_guesses(&imp.summary);
    assert!(
        lines[0].starts_with(
            "per-level-tables.md:7: the table read as the pillars of `Junior Developer`"
        ),
        "{lines:?}"
    );
}

#[test]
fn a_table_per_pillar_is_one_ladder_with_the_headings_as_pillars() {
    let src = fixture("tables/per-pillar-tables.md");
    let md = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    for (pillar, rows) in tables(&md) {
        each_item(&rows, |level, row, item| {
            exps.push(exp(level, &pillar, &format!("*{}:* {item}", row[0])));
        });
    }
    assert_eq!(exps.len(), 32);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "1 track, 4 levels, 4 pillars");
    assert_eq!(
        table_guesses(&imp.summary),
        ["per-pillar-tables.md:7: the 4 tables under the pillar headings read as one ladder: 4 levels (their columns) × 4 pillars (the headings), each row's name kept on its expectations"]
    );
}

#[test]
fn tables_per_pillar_of_short_phrases_are_one_ladder() {
    // Cells of two or three words: the first table was read alone (its rows as pillars) and
    // the second kept as a free page, or neither was read.
    let src = fixture("tables/per-pillar-terse.md");
    let md = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    for (pillar, rows) in tables(&md) {
        each_item(&rows, |level, row, item| {
            exps.push(exp(level, &pillar, &format!("*{}:* {item}", row[0])));
        });
    }
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "1 track, 3 levels, 2 pillars");
}

#[test]
fn numbered_table_captions_are_pillar_headings_not_levels() {
    // `## Table 1: Craft` read as a level by its number, each table its one expectation.
    let src = fixture("tables/captioned.md");
    let md = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    for (caption, rows) in tables(&md) {
        let pillar = caption.split_once(": ").unwrap().1.to_string();
        each_item(&rows, |level, row, item| {
            exps.push(exp(level, &pillar, &format!("*{}:* {item}", row[0])));
        });
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "1 track, 3 levels, 2 pillars");
}

#[test]
fn a_checklist_of_marks_gives_each_marked_level_the_row_s_text() {
    // `| Area | Behaviour | Associate | … |` with ✅ where a level does it: the Behaviour
    // column was read as a level and the marks as expectations, or the table refused.
    let src = fixture("tables/checklist.md");
    let md = fs::read_to_string(&src).unwrap();
    let (_, rows) = &tables(&md)[0];
    let (mut pillar, mut exps) = (String::new(), Vec::new());
    for row in &rows[1..] {
        if !row[0].is_empty() {
            pillar = row[0].clone();
        }
        for (level, cell) in rows[0].iter().zip(row).skip(2) {
            if !cell.is_empty() {
                exps.push(exp(level, &pillar, &row[1]));
            }
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "1 track, 3 levels, 2 pillars");
}

#[test]
fn a_row_wrapped_onto_the_next_line_keeps_its_words_and_its_level() {
    // `| **Team** | Hands over … summary` then `that names every open risk … |`: the wrapped
    // words were dropped, or (when long) the level was not read at all.
    let src = fixture("tables/wrapped.md");
    let md = fs::read_to_string(&src)
        .unwrap()
        .replace("summary\nthat", "summary that");
    let mut exps = Vec::new();
    for (level, rows) in tables(&md) {
        level_table(&level, &rows, &mut exps);
    }
    let exps: Vec<Exp> = exps
        .into_iter()
        .map(|e| Exp {
            pillar: e.pillar.trim_matches('*').to_string(),
            ..e
        })
        .collect();
    assert_eq!(exps.len(), 6);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
}

#[test]
fn a_folder_of_level_files_each_with_a_table() {
    let src = fixture("tables/folder");
    let mut exps = Vec::new();
    for (path, md) in markdown_sources(&src) {
        if path.ends_with("README.md") {
            continue;
        }
        for (level, rows) in tables(&md) {
            level_table(&level, &rows, &mut exps);
        }
    }
    assert_eq!(exps.len(), 19);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The README's index of links stays a table, in the track's description.
    assert!(page(&imp.site, "tracks/folder/").contains("<table>"));
}

#[test]
fn tables_that_are_no_ladder_stay_tables() {
    let src = fixture("tables/not-a-ladder.md");
    let imp = import(&src, &[]);
    says(&imp, "3 levels, 2 pillars, 14 expectations");
    assert!(table_guesses(&imp.summary).is_empty(), "{}", imp.summary);
    let md = fs::read_to_string(&src).unwrap();
    let site = site_words(&imp.site);
    for (_, rows) in tables(&md) {
        for cell in rows.iter().flatten().filter(|c| !c.is_empty()) {
            assert!(site.contains(&md_words(cell)), "{cell}");
        }
    }
}

/// The text of the one level × pillar competency file of an import.
#[test]
fn a_table_of_one_expectation_per_row_groups_them_by_level_and_pillar() {
    let src = fixture("tables/t24-long-format.md");
    let md = fs::read_to_string(&src).unwrap();
    let (_, rows) = &tables(&md)[0];
    let exps: Vec<Exp> = rows[1..].iter().map(|r| exp(&r[0], &r[1], &r[2])).collect();
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "3 levels, 2 pillars, 7 expectations");
    assert!(table_guesses(&imp.summary)[0].contains("one expectation per row"));
}

#[test]
fn a_title_column_names_the_levels_and_a_summary_column_describes_them() {
    let src = fixture("tables/t14-title-column.md");
    let imp = import(&src, &[]);
    let l2 = fs::read_to_string(imp.root.join("content/levels/engineer.md")).unwrap();
    let f = front(&imp.root.join("content/levels/engineer.md"));
    assert_eq!(
        (str_of(&f, "title"), str_of(&f, "code")),
        ("Engineer".into(), "L2".into())
    );
    assert!(
        body(&l2).contains("Independent contributor on a team."),
        "{l2}"
    );
    says(&imp, "4 levels, 2 pillars");
    assert!(!imp.root.join("content/pillars/title.md").exists());
}

#[test]
fn the_corner_cell_says_which_way_the_levels_run_and_short_sentences_are_expectations() {
    // `Skill ↓ / Level →` over levels no seniority word names; cells such as "Owns tasks.".
    let imp = import(&fixture("tables/t17-level-arrow.md"), &[]);
    says(&imp, "4 levels, 3 pillars, 12 expectations");
    assert!(competency(&imp, "foundation", "ownership").contains("- Owns tasks."));
    // A corner cell of `Level` over a header of levels: the header wins.
    let imp = import(&fixture("tables/t19-corner-level-across.md"), &[]);
    says(&imp, "4 levels, 3 pillars, 12 expectations");
    // CRLF line ends, and cells of two words.
    let imp = import(&fixture("tables/t11-crlf.md"), &[]);
    says(&imp, "3 levels, 3 pillars");
}

#[test]
fn a_summary_grid_beside_the_levels_own_headings_stays_a_table() {
    let imp = import(&fixture("tables/t23-summary-grid-plus-sections.md"), &[]);
    assert!(table_guesses(&imp.summary).is_empty(), "{}", imp.summary);
    assert!(page(&imp.site, "overview/").contains("<table>"));
}

#[test]
fn html_lists_in_cells_keep_their_nesting_and_pipes_in_code_stay_in_their_cell() {
    let imp = import(&fixture("tables/t22-ol-html.md"), &[]);
    let quality = competency(&imp, "engineer-i", "quality");
    assert_eq!(
        body(&quality).trim(),
        "- Writes tests for new code.<ul><li>Unit tests at minimum.</li></ul>"
    );
    // An all-gap row is no pillar, and the count says so.
    assert!(
        table_guesses(&imp.summary)[0].contains("× 3 pillars"),
        "{}",
        imp.summary
    );
    let imp = import(&fixture("tables/t18-unescaped-pipe.md"), &[]);
    let senior = page(&imp.site, "levels/senior-engineer/");
    assert!(
        senior.contains("<code>kubectl logs | jq</code>"),
        "{senior}"
    );
    says(&imp, "9 expectations in 9 of 9 cells");
}

#[test]
fn cells_past_the_header_are_named_in_the_summary() {
    let imp = import(&fixture("tables/t16-ragged.md"), &[]);
    says(
        &imp,
        "t16-ragged.md:6: this row has 6 cells and the table's header 5",
    );
}

/// The pillar ids of an import in their `order`.
fn pillar_order(imp: &Imported) -> Vec<String> {
    let mut pillars: Vec<(i64, String)> = content_files(&imp.root.join("content/pillars"))
        .into_iter()
        .map(|(id, p)| (front(&p)["order"].as_integer().unwrap(), id))
        .collect();
    pillars.sort();
    pillars.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn pillars_keep_the_order_written_when_the_first_level_has_a_gap() {
    // E1's Mentoring cell is `—`: Mentoring still comes before Hiring, as in the header.
    let src = fixture("tables/t05-level-corner-many.md");
    let md = fs::read_to_string(&src).unwrap();
    let header: Vec<String> = tables(&md)[0].1[0][1..].iter().map(|h| slug(h)).collect();
    let imp = import(&src, &[]);
    assert_eq!(pillar_order(&imp), header);
    // The same for a real ladder whose Leadership starts at level 3: Monzo's topics, in the
    // order its front-matter lists them.
    let src = real_ladders().join("monzo-progression-framework/frameworks/engineering/backend.md");
    let topics: Vec<String> = fs::read_to_string(&src)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("  - name: "))
        .map(|n| n.trim_matches('"').to_string())
        .collect();
    assert_eq!(topics.len(), 5);
    assert_eq!(pillar_order(&import(&src, &[])), topics);
}

#[test]
fn tables_inside_a_ladder_of_headings_or_in_a_non_ladder_are_left_alone() {
    // (file, the ladder its headings hold): a table inside a level whose pillars are bold
    // labels; a table in a level of a ladder without pillars; a table of the levels above
    // senior, under a heading that reads as a level; a folder whose level file compares two
    // levels in a table.
    for (file, counts) in [
        ("tables/h15-bold-labels.md", "1 track, 3 levels, 2 pillars"),
        (
            "tables/h23-nopillars-with-table.md",
            "1 track, 3 levels, 1 pillar,",
        ),
        (
            "tables/h18-next-rung-table.md",
            "1 track, 2 levels, 2 pillars",
        ),
        ("tables/h13-folder", "1 track, 3 levels, 2 pillars"),
    ] {
        let imp = import(&fixture(file), &[]);
        assert!(imp.summary.contains(counts), "{file}:\n{}", imp.summary);
        assert!(
            table_guesses(&imp.summary).is_empty(),
            "{file}:\n{}",
            imp.summary
        );
    }
    // An onboarding guide whose tables run by week and list people by role is no ladder.
    let out = tempfile::tempdir().unwrap();
    let run = ladderbook()
        .arg("import")
        .arg(fixture("tables/n01-onboarding.md"))
        .arg("-o")
        .arg(out.path().join("x"))
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("found no ladder"));
}

#[test]
fn a_folder_readme_heading_names_the_ladder() {
    let imp = import(&fixture("tables/folder"), &[]);
    let book = fs::read_to_string(imp.root.join("book.toml")).unwrap();
    assert!(
        book.contains("title = \"Orbital Labs Engineering Ladder\""),
        "{book}"
    );
    assert!(
        !imp.summary.contains("the folder's name"),
        "{}",
        imp.summary
    );
}

/// The items of a competency file, as written.
fn items_of(imp: &Imported, level: &str, pillar: &str) -> Vec<String> {
    competency(imp, level, pillar)
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_string)
        .collect()
}

/// HTML tables as authors and exports write them (documents under `tables/html/`, written by
/// a tester in the shapes of Confluence exports, GitHub READMEs and spreadsheets saved as
/// HTML): each cell's text on its level's page under its pillar, none lost.
#[test]
fn html_tables_in_the_shapes_exports_and_readmes_write() {
    let html = |name: &str| fixture(&format!("tables/html/{name}.md"));
    // A Confluence export: the table inside `<div class="table-wrap">`, `<li><p>` items,
    // `<p><strong>` row names, a `<p><br/></p>` gap.
    let imp = import(&html("14-confluence-export"), &[]);
    assert_eq!(
        items_of(&imp, "web-engineer-1", "craft"),
        ["Writes clean HTML and CSS.", "Follows the style guide."]
    );
    assert!(!imp
        .root
        .join("content/competencies/web-engineer-1/teamwork.md")
        .exists());
    // A caption row spanning the table over the row that names the levels, one of which
    // (`Librarian`) reads as no level (hunt 33 H33-02: the table was refused).
    let imp = import(&html("40-caption-row"), &[]);
    assert_eq!(
        items_of(&imp, "junior-librarian", "cataloguing"),
        [
            "Files the new books of each delivery by the branch's classification scheme.",
            "Checks every spine label against the catalogue before the books are shelved."
        ]
    );
    assert_eq!(
        items_of(&imp, "librarian", "readers"),
        ["Runs the weekly reading group and chooses its books with the members."]
    );
    assert_eq!(
        ranked_levels(&imp),
        [
            "junior-librarian",
            "librarian",
            "senior-librarian",
            "head-librarian"
        ],
        "{}",
        imp.summary
    );
    // A table folded into `<details><summary>`, no blank line between.
    let imp = import(&html("25-details-no-blank-line"), &[]);
    assert_eq!(
        items_of(&imp, "senior-csm", "retention"),
        ["Designs the retention playbook."]
    );
    // A table per skill whose every column is a proficiency, no column of row names
    // (Etsy's competency tables): the first column is a level like the others.
    let imp = import(&html("35-levels-only-header"), &[]);
    assert_eq!(
        items_of(&imp, "beginner", "testing"),
        [
            "You run the tests before you push.",
            "You add a test when you fix a bug."
        ]
    );
    assert_eq!(
        items_of(&imp, "expert", "operations"),
        [
            "You shape how the company responds to incidents.",
            "You teach others to run incident reviews."
        ]
    );
    assert!(
        imp.summary
            .contains("4 levels (their columns) × 2 pillars (the headings)"),
        "{}",
        imp.summary
    );
    // Text around a list in a cell: a lead-in, a paragraph before it, a note after it.
    let imp = import(&html("28-mixed-cell-content"), &[]);
    assert_eq!(
        items_of(&imp, "network-engineer-i", "operations"),
        [
            "Expected to:",
            "Apply approved config changes.",
            "Watch link utilisation."
        ]
    );
    assert_eq!(
        items_of(&imp, "senior-network-engineer", "security")
            .last()
            .unwrap(),
        "See also the <a href=\"https://example.com/policy\">security policy</a>."
    );
    // Two tracks, each a table per pillar under its own `##` heading.
    let imp = import(&html("29-tracks-pillar-tables"), &[]);
    says(&imp, "2 tracks, 6 levels, 4 pillars, 12 expectations");
    assert_eq!(
        items_of(&imp, "hw-director", "planning"),
        ["*Roadmap:* Sets the hardware roadmap."]
    );
    // A cell merged across two levels' columns holds each of them.
    let imp = import(&html("31-merged-cells"), &[]);
    for level in ["ops-engineer-i", "ops-engineer-ii"] {
        assert_eq!(
            items_of(&imp, level, "change-management"),
            ["Follows the change calendar and gets approval before every change."]
        );
    }
    assert_eq!(
        items_of(&imp, "staff-ops-engineer", "incident-handling"),
        ["Can run any incident as commander."]
    );
    // Markdown in cells, set off by blank lines as GitHub needs: a list item each, and each
    // paragraph.
    let imp = import(&html("33-markdown-in-one-cell"), &[]);
    assert_eq!(
        items_of(&imp, "senior-engineer", "craft"),
        ["Sets the quality bar.", "Reviews designs."]
    );
    let imp = import(&html("12-markdown-in-cells"), &[]);
    assert_eq!(
        items_of(&imp, "devex-engineer-i", "support"),
        [
            "Answers questions in #dev-help within a day.",
            "Documents the answer so the question is not asked again."
        ]
    );
    // Lists nested in an item, on one line or several, stay in it: no text is left over.
    let imp = import(&html("05-nested-li"), &[]);
    assert!(
        !imp.summary.contains("cells of this table"),
        "{}",
        imp.summary
    );
    assert_eq!(
        items_of(&imp, "fe2", "engineering")[0],
        "Owns a section of the design system <ul><li>documents each component</li><li>versions breaking changes</li></ul>"
    );
    // A grid of two levels compares them: no ladder, and the error says so, at the table.
    let out = ladderbook()
        .arg("import")
        .arg(html("26-two-levels"))
        .arg("-o")
        .arg(tempfile::tempdir().unwrap().path().join("x"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("26-two-levels.md:3:1: error: found no ladder: the table here names two levels, `Technical Writer` and `Senior Technical Writer`, and import reads a grid of levels only when it names three or more"),
        "{said}"
    );
    // A matrix of ✓ and a layout table of pictures are no ladder.
    for name in ["17-fp-tool-matrix", "16-fp-image-layout"] {
        let out = ladderbook()
            .arg("import")
            .arg(html(name))
            .arg("-o")
            .arg(tempfile::tempdir().unwrap().path().join("x"))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(!said.contains("read as a ladder"), "{name}: {said}");
    }
}

/// A folder of level files whose areas (`## Results`) each hold a table of responsibilities
/// and the behaviours expected (`| **Impact** | <ul><li>…</li></ul> |`), as frameworks derived
/// from Dropbox's write them: one track whose pillars are the responsibilities. A scoring
/// rubric (`| Area | Poor | … | Excelling |`) is no ladder of its own, and an introduction
/// about the whole framework is a page.
#[test]
fn a_folder_of_level_files_with_a_table_per_area() {
    let src = fixture("tables/area-folder");
    let mut exps = Vec::new();
    for (path, md) in markdown_sources(&src.join("eng")) {
        let level = md
            .lines()
            .next()
            .unwrap()
            .trim_start_matches("# ")
            .to_string();
        for (area, rows) in tables(&md) {
            if area == "Scoring" {
                continue;
            }
            for row in &rows[1..] {
                for item in row[1].split("<li>").skip(1) {
                    let item = item.split("</li>").next().unwrap();
                    exps.push(exp(&level, &row[0], item));
                }
            }
        }
        assert!(path.exists());
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "1 track, 2 levels, 3 pillars");
    let eng1 = page(&imp.site, "levels/eng1/");
    assert!(words(&eng1).contains("misses most commitments without saying so"));
    assert!(
        page(&imp.site, "harbour-engineering-career-framework/")
            .contains("A checklist for promotion."),
        "{}",
        imp.summary
    );
}

#[test]
fn a_grid_of_levels_is_the_ladder_beside_a_story_with_headings_named_as_its_levels() {
    // Hunt 25 H3 (teachingRSE's competencies paper): a worked example under `#### Junior
    // RSE`, `#### Senior RSE`, … after the grid kept the grid a table (as if it summed up
    // levels those headings held), and the story's paragraphs became the ladder.
    let imp = import(&fixture("tables/t31-grid-beside-a-story.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["head-baker", "junior-baker", "senior-baker"]
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["dough", "hygiene", "ovens"]
    );
    let ovens = competency(&imp, "senior-baker", "ovens");
    assert!(ovens.contains("baking schedule for the night"), "{ovens}");
    // The story stays whole, on a page of its own.
    let story = std::fs::read_to_string(imp.root.join("content/one-bakers-path.md")).unwrap();
    assert!(
        story.contains("Sam runs the bakery ten years on"),
        "{story}"
    );
}

/// Hunt 27 H6 and M2 (Ultralytics' levels): each level's `### Core Expectations` table, a row
/// per dimension whose name wraps (`**Expertise &<br>Domain Knowledge**`), beside `###
/// Typical Background` and other sections of lists. The table stayed a table in each level's
/// description, so the six dimensions were on no pillar or comparison page (and alone, with
/// the wrapped names, the file was refused: "found no ladder").
#[test]
fn a_levels_table_of_areas_beside_sections_of_lists_is_its_pillars() {
    let imp = import(&fixture("tables/core-table-beside-lists.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["lamp-lens-care", "typical-background", "weather-watch"],
        "{}",
        imp.summary
    );
    let lamp = competency(&imp, "keeper", "lamp-lens-care");
    assert!(lamp.contains("- Repairs a cracked lens pane"), "{lamp}");
    let title = str_of(
        &front(&imp.root.join("content/pillars/lamp-lens-care.md")),
        "title",
    );
    assert_eq!(title, "Lamp & Lens Care");
    let background = competency(&imp, "principal-keeper", "typical-background");
    assert!(
        background.contains("Five years as a keeper"),
        "{background}"
    );
}

/// Hunt 26 H2 (a Confluence export's skills matrices): the first grid is captioned by a bold
/// line, the others by `###` headings. The first grid's rows became the pillars and the
/// second grid a note of one of them, four of its nine ✅ no longer expectations.
#[test]
fn a_grid_under_a_bold_caption_reads_as_those_under_headings() {
    let imp = import(&fixture("tables/bold-caption-grids.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        [
            "orchestra-skills-matrix-performance",
            "orchestra-skills-matrix-rehearsal"
        ],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["player-1", "player-2", "section-leader"]
    );
    let concert = competency(
        &imp,
        "section-leader",
        "orchestra-skills-matrix-performance",
    );
    assert!(concert.contains("Leads entries by gesture"), "{concert}");
    // The guess quotes the line it read, not only its own example of such a line (hunt 41,
    // H41-07: a user found `Skills Matrix – Rehearsal` in no file of theirs).
    says(
        &imp,
        "is read as a heading of their depth; here `**Orchestra Skills Matrix – Rehearsal**`",
    );
}

/// Hunt 29 H3, M1 and L1 (a small company's ladder): a cell of dashes alone (`-----`) says
/// there is nothing at that level, as `-` does. Three such cells made the table "no ladder",
/// and fewer made each an expectation reading `—–`, compared as a change. A hyphen written
/// as a bullet before each line (`-Trims the wick<br>-Cleans …`) is no part of the text.
#[test]
fn dashes_alone_are_a_gap_and_a_hyphen_before_a_line_is_its_bullet() {
    let src = fixture("tables/dashed-gaps.md");
    let exps = [
        ("Keeper's Mate", "Lamp", "Trims the wick"),
        ("Keeper's Mate", "Lamp", "Cleans the lens each morning"),
        (
            "Keeper's Mate",
            "Weather",
            "Reads the barometer at every watch",
        ),
        (
            "Keeper",
            "Lamp",
            "Changes the mantle without dimming the light",
        ),
        ("Keeper", "Log", "Writes each watch's entries in the log"),
        (
            "Principal Keeper",
            "Log",
            "Sends the monthly returns to the board",
        ),
        (
            "Principal Keeper",
            "Weather",
            "Reports storms to the coastguard",
        ),
    ]
    .map(|(l, p, t)| exp(l, p, t));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "7 expectations in 6 of 9 cells");
    for level in ["keepers-mate", "keeper", "principal-keeper"] {
        let html = page(&imp.site, &format!("levels/{level}/"));
        assert_eq!(html.matches("not defined yet").count(), 1, "{level}");
        assert!(!html.contains("—–") && !html.contains("-----"), "{level}");
        assert!(!html.contains(">-Trims"), "{level}");
    }
}

/// A skills matrix under two headings whose cells grade each level on one scale of words
/// (`Awareness` … `Expert`), as the UK government's data roles write theirs, with a table
/// that defines the words (hunt 34 H34-01, H34-02): refused, its hint naming this very shape;
/// beside the definitions, those made a level `Level definitions` with pillars `Expert` …
/// `Awareness`, ranked most junior.
#[test]
fn grids_that_grade_each_level_on_a_scale_of_words_are_a_ladder_and_the_scale_a_glossary() {
    let src = fixture("tables/skill-scale.md");
    let text = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    for (heading, rows) in tables(&text) {
        if heading == "Level definitions" {
            continue;
        }
        let levels = &rows[0][1..];
        for row in &rows[1..] {
            for (level, cell) in levels.iter().zip(&row[1..]) {
                exps.push(exp(level, &heading, &format!("*{}:* {cell}", row[0])));
            }
        }
    }
    assert_eq!(exps.len(), 20);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["baker", "senior-baker", "lead-baker", "head-baker"]
    );
    // The definitions stay a table, on a page of their own.
    let defs = fs::read_to_string(imp.root.join("content/level-definitions.md")).unwrap();
    assert!(
        defs.contains("| Practitioner | Shares knowledge of the skill with others |"),
        "{defs}"
    );
}

/// A table that rates each skill once (`| Skill | Description of the skill | Skill level |
/// What the skill level means |`, as the GOV.UK role profiles write it) beside the grids of
/// levels: its rows are no ladder, since no skill recurs at a second level, and it stays one
/// table, row by row, on a page of its own (hunt 34 H34-03, browser 37 B37-01). Before, it was
/// read as a ladder of one expectation per row whose levels `Awareness` and `Working` became
/// two free pages, each meaning cut loose from its skill.
#[test]
fn a_table_that_rates_each_skill_once_stays_a_table_beside_the_grids() {
    let src = fixture("tables/skill-profile.md");
    let text = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    let mut profile = Vec::new();
    for (heading, rows) in tables(&text) {
        match heading.as_str() {
            "Level definitions" => continue,
            "Skills definition" => profile = rows,
            _ => {
                let levels = &rows[0][1..];
                for row in &rows[1..] {
                    for (level, cell) in levels.iter().zip(&row[1..]) {
                        exps.push(exp(level, &heading, &format!("*{}:* {cell}", row[0])));
                    }
                }
            }
        }
    }
    assert_eq!(exps.len(), 20);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["baker", "senior-baker", "lead-baker", "head-baker"]
    );
    let page = fs::read_to_string(imp.root.join("content/skills-definition.md")).unwrap();
    let kept = tables(&page);
    assert_eq!(kept.len(), 1, "{page}");
    assert_eq!(kept[0].1, profile, "{page}");
    for scale in ["awareness", "working"] {
        assert!(
            !imp.root.join(format!("content/{scale}.md")).exists(),
            "{}",
            imp.summary
        );
    }
    assert!(
        !imp.summary.contains("one expectation per row"),
        "{}",
        imp.summary
    );
}

/// An HTML table whose second column is headed by a no-break space (`<td><p>&nbsp;</p></td>`,
/// as a page saved from a word processor writes a blank cell), a column that names the rows'
/// parts (hunt 37 H37-05): no level. Before, it was a level with no title, and import refused
/// the whole ladder with "`title` in level front-matter is empty … this is a bug".
#[test]
fn a_blank_header_cell_written_as_a_no_break_space_heads_no_level() {
    let imp = import(&fixture("tables/nbsp-header.md"), &[]);
    assert_eq!(ranked_levels(&imp), ["b1", "b2", "b3"], "{}", imp.summary);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["character", "duties", "skills"]
    );
}

#[test]
fn a_matrix_of_pictures_of_a_scale_is_read_as_its_words() {
    // Hunt 42 H42-01: every cell a picture of the scale (`![Advanced](./marks/much.png)`):
    // the folder was refused with a hint naming the very shape it has.
    let imp = import(&fixture("tables/picture-scale"), &[]);
    assert_eq!(
        ranked_titles(&imp),
        ["Apprentice", "Keeper", "Head Keeper"],
        "{}",
        imp.summary
    );
    let keeper = competency(&imp, "keeper", "lamp");
    assert!(keeper.contains("Trimming wicks"), "{keeper}");
    assert!(
        keeper.contains("![Advanced]("),
        "the picture stays: {keeper}"
    );
    let fog = competency(&imp, "head-keeper", "fog-signals");
    assert!(
        fog.contains("Mending the bellows") && fog.contains("![Advanced]("),
        "{fog}"
    );
}

/// A grid headed by a stage of a career beside titles (`| | Early career | Baker | Head baker
/// |`), between sections titled as questions (`## What changes at each level`): hunt 44
/// H44-06 found the two `What … at each level` sections read as the levels (their titles
/// have the word `level`), the grid pasted as one cell, and the trade's notices the
/// "expectations" of a level; with the stage alone unread, the grid was one level's pillars.
#[test]
fn a_grid_headed_by_career_stages_between_question_titled_sections_is_the_ladder() {
    let src = fixture("tables/stages-grid.md");
    let md = fs::read_to_string(&src).unwrap();
    let (_, rows) = &tables(&md)[0];
    let mut exps = Vec::new();
    each_item(rows, |level, row, item| {
        exps.push(exp(level, &row[0], &item))
    });
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(ranked_titles(&imp), ["Early career", "Baker", "Head baker"]);
    // Nor does the question above the grid title the track: the document's title does
    // (browser check 46 B46-05: the menu read "What changes at each level").
    let track = content_files(&imp.root.join("content/tracks"));
    assert_eq!(
        str_of(&front(&track[0].1), "title"),
        "From Apprentice to Head Baker"
    );
    // The paragraph after the grid is about the whole grid: the track's, not a note of the
    // last cell (browser check 46 B46-06).
    let said = "**The step that catches bakers out**";
    assert!(fs::read_to_string(&track[0].1).unwrap().contains(said));
    let head = competency(&imp, "head-baker", "customers");
    assert!(!head.contains(said), "{head}");
    let line = md.lines().position(|l| l.starts_with("| |")).unwrap() + 1;
    assert_eq!(
        table_guesses(&imp.summary),
        [format!("stages-grid.md:{line}: the table read as a ladder: 3 levels (its columns) × 3 pillars (its rows)")]
    );
    let levels = site_words(&imp.site);
    assert!(
        levels.contains("notice for an apprentice asks for early starts"),
        "the notices are lost"
    );
    for id in ["early-career", "baker", "head-baker"] {
        assert!(
            !page(&imp.site, &format!("levels/{id}/")).contains("notice for an apprentice"),
            "{id}: a notice is one of the level's expectations"
        );
    }
}

/// The rows of a table's body as `(code, title, other cells)`, read with pulldown-cmark.
fn roster_rows(rows: &[Vec<String>]) -> Vec<(String, String, Vec<String>)> {
    rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2..].to_vec()))
        .collect()
}

/// Tables that list each track's levels by code and title and no more (`## Bread Track` over
/// `| Level | Designation |`): hunt 45 H45-01 found them read as one ladder whose pillars
/// were the tracks and whose expectations were the job titles (`- Bread Baker`), the levels
/// titled `L2`; H45-02, two of them free pages by the wording of one cell. Each is a track of
/// its levels, titled and coded, with no expectations yet, and the summary says so.
#[test]
fn tables_listing_each_tracks_levels_and_titles_are_tracks_without_expectations() {
    let src = fixture("tables/roster-tracks.md");
    let md = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    let tracks = content_ids(&imp.root.join("content/tracks"));
    assert_eq!(tracks, ["bread", "catering", "pastry"], "{}", imp.summary);
    for ((_, rows), track) in tables(&md).iter().zip(["bread", "pastry", "catering"]) {
        for (code, title, _) in roster_rows(rows) {
            let id = title.to_lowercase().replace(' ', "-");
            let level = front(&imp.root.join(format!("content/levels/{id}.md")));
            assert_eq!(str_of(&level, "title"), title);
            assert_eq!(str_of(&level, "code"), code);
            assert_eq!(str_of(&level, "track"), track);
        }
    }
    assert!(!imp.root.join("content/competencies").exists());
    let line = md.lines().position(|l| l.starts_with("| Level")).unwrap() + 1;
    assert!(
        imp.summary.contains(&format!("roster-tracks.md:{line}: the table under `Bread Track` names 3 levels and their titles (`Apprentice Bread Baker` … `Senior Bread Baker`) and no expectations: it is the track `Bread`")),
        "{}",
        imp.summary
    );
    // The page the tables are on titles the ladder, not the file's name.
    assert!(
        !imp.summary.contains("the folder's name"),
        "{}",
        imp.summary
    );
    assert!(page(&imp.site, "levels/bread-baker/").contains("Bread Baker"));
}

/// A page with a table of the levels (title, meaning, pay) and policy sections after it
/// (hunt 45 H45-04): read as one level named after the page, the policy sections its pillars
/// (`A confirmed level sets the pay band.` an expectation), the levels lost in its
/// description. The table is the track; its other cells describe each level; the policy
/// stays on a page of its own.
#[test]
fn a_table_of_levels_before_policy_sections_is_the_track_and_the_policy_a_page() {
    let src = fixture("tables/roster-with-policy.md");
    let md = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    let (_, rows) = &tables(&md)[0];
    let header = &rows[0];
    let mut titles = Vec::new();
    for (code, title, others) in roster_rows(rows) {
        let id = title
            .to_lowercase()
            .replace([' ', '/'], "-")
            .replace("---", "-");
        let path = imp.root.join(format!("content/levels/{id}.md"));
        let level = front(&path);
        assert_eq!(str_of(&level, "code"), code, "{id}");
        let text = fs::read_to_string(&path).unwrap();
        for (h, cell) in header[2..].iter().zip(&others) {
            assert!(text.contains(&format!("*{h}:* {cell}")), "{text}");
        }
        titles.push(title);
    }
    assert_eq!(ranked_titles(&imp), titles);
    assert!(!imp.root.join("content/competencies").exists());
    assert!(site_words(&imp.site).contains("a confirmed level sets the pay band"));
    assert!(
        !imp.summary.contains("a one-level document"),
        "{}",
        imp.summary
    );
}

/// Beside a ladder that has levels, a table of levels and titles stays what it was: a table
/// on a free page, not a track of its own.
#[test]
fn a_table_of_levels_beside_a_ladder_is_no_track_of_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ladder");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(
        fixture("tables/grid-levels-across.md"),
        dir.join("ladder.md"),
    )
    .unwrap();
    fs::copy(fixture("tables/roster-tracks.md"), dir.join("titles.md")).unwrap();
    let imp = import(&dir, &[]);
    assert_eq!(
        content_files(&imp.root.join("content/tracks")).len(),
        1,
        "{}",
        imp.summary
    );
    assert!(
        !imp.summary.contains("names 3 levels and their titles"),
        "{}",
        imp.summary
    );
}

/// Level pages that each say where they sit with the same table of levels and titles are
/// still one level each, with their pillars; the table is no track (review 41 R41-01: three
/// tracks `Where this sits` of nine levels and no expectations, the level pages free pages).
#[test]
fn level_pages_that_each_show_the_table_of_levels_stay_levels() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("crew");
    fs::create_dir_all(&dir).unwrap();
    let table = "| Level | Title |\n|---|---|\n| L1 | Deckhand |\n| L2 | Bosun |\n| L3 | Mate |\n";
    for (n, title, duty) in [
        (1, "Deckhand", "Ties off the bow line unprompted."),
        (2, "Bosun", "Runs the deck crew on a crossing."),
        (3, "Mate", "Takes the helm in the skipper's place."),
    ] {
        fs::write(
            dir.join(format!("0{n}-{}.md", title.to_lowercase())),
            format!("# L{n} - {title}\n\n## Where this sits\n\n{table}\n## Seamanship\n\n- {duty}\n\n## Passengers\n\n- Checks every ticket at the ramp at level {n}.\n"),
        )
        .unwrap();
    }
    let imp = import(&dir, &[]);
    assert_eq!(
        ranked_titles(&imp),
        ["Deckhand", "Bosun", "Mate"],
        "{}",
        imp.summary
    );
    assert!(competency(&imp, "03-mate", "seamanship").contains("Takes the helm"));
    assert_eq!(
        content_files(&imp.root.join("content/tracks")).len(),
        1,
        "{}",
        imp.summary
    );
}

/// A glossary or price list numbered by codes (`| Code | Name |`, `| Tier | Name | Price |`)
/// lists no levels (review 41 R41-02: each was a track of levels `Sectional`, `Child`…).
#[test]
fn a_glossary_of_codes_and_names_is_no_track_of_levels() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, md) in [
        ("glossary.md", "# Orchestra Handbook\n\n## Rehearsal codes\n\n| Code | Name |\n|---|---|\n| R1 | Sectional |\n| R2 | Full orchestra |\n| R3 | Dress rehearsal |\n"),
        ("fares.md", "# Ferry\n\n## Passenger fare tiers\n\n| Tier | Name | Price |\n|---|---|---|\n| T1 | Child | £2.50 |\n| T2 | Adult | £5.00 |\n| T3 | Adult with bike | £6.00 |\n"),
    ] {
        let src = tmp.path().join(name);
        fs::write(&src, md).unwrap();
        let err = refused(&src, &tmp.path().join("out"));
        assert!(err.contains("found no ladder in this file"), "{name}: {err}");
    }
}

/// A question titles no track at any depth: under `# What does a keeper do?` the track is
/// titled by the file (review 41 R41-20: it took the question).
#[test]
fn a_question_as_the_documents_title_names_no_track_either() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("keepers-grid.md");
    fs::write(
        &src,
        "# What does a lighthouse keeper do?\n\n## What changes at each level\n\n| | Lamp Boy | Assistant Keeper | Principal Keeper |\n|---|---|---|---|\n| **Lamp** | Polishes the lens and carries the oil up the tower | Trims the wick and keeps the light through a night alone | Rebuilds the clockwork and trains the assistants |\n| **Log** | Copies the weather into the log under supervision | Writes the weather every four hours and logs every ship | Signs off the station's annual return to the board |\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    let track = content_files(&imp.root.join("content/tracks"));
    assert_eq!(
        str_of(&front(&track[0].1), "title"),
        "Keepers grid",
        "{}",
        imp.summary
    );
}
