//! `ladderbook import` on spreadsheets saved as CSV, the way a ladder kept in Excel or Google
//! Sheets leaves them (a title row, blank columns, quoted cells with line breaks, commas and
//! quotes), and on skills grids whose level columns are headed `Level N description` beside
//! columns about each skill, as SFIA keeps its framework. The sheets are our own, in those
//! shapes. Each test reads the sheet with the `csv` crate (not the importer's reading) and
//! checks that every line of every level's cell is on that level's page, under its skill.

mod common;
mod import_support;
use common::*;
use import_support::tables::*;
use import_support::*;
use std::fs;

/// The rows of the CSV file `path` (`delimiter` between cells), each cell trimmed.
fn sheet(path: &std::path::Path, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(|c| c.trim().to_string()).collect())
        .collect()
}

/// The lines of a cell, bullets dropped: each an expectation.
fn lines(cell: &str) -> Vec<String> {
    cell.lines()
        .map(|l| l.trim().trim_start_matches('•').trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn a_skills_sheet_saved_as_csv_is_a_ladder_of_its_level_columns_and_its_skills() {
    let src = fixture("sheets/harbour-skills.csv");
    let rows = sheet(&src, b',');
    let header = rows.iter().position(|r| r[0] == "#").unwrap();
    let head = &rows[header];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let mut exps = Vec::new();
    for row in &rows[header + 1..] {
        for n in 1..=4 {
            let level = format!("Level {n}");
            for item in lines(&row[col(&format!("{level} description"))]) {
                exps.push(exp(&level, &row[col("Skill")], &item));
            }
        }
    }
    assert_eq!(exps.len(), 18);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The sheet's title row names the track; the row under it describes it.
    let track = fs::read_to_string(imp.root.join("content/tracks/harbour-skills.md")).unwrap();
    assert!(
        track.contains("title = \"Harbour Pilots’ Skills Framework\""),
        "{track}"
    );
    assert!(track.contains("Kept by the pilotage board"), "{track}");
    // Each skill's own columns describe its pillar, labelled, none of them an expectation.
    let berthing = page(&imp.site, "pillars/berthing/");
    for said in [
        "category shiphandling",
        "subcategory close quarters",
        "bringing a vessel alongside a quay",
        "guidance notes covers berthing with and without tugs",
        "unberthing is part of the same skill",
    ] {
        assert!(
            words(&berthing).contains(said),
            "{said}: {}",
            words(&berthing)
        );
    }
    // The codes and row numbers are said to be left out; the guess is at the header's line.
    says(
        &imp,
        "harbour-skills.csv:4: the table is a sheet of competencies",
    );
    says(&imp, "`#`, `Code` left out");
    says(&imp, "1 file, a sheet (CSV), read as a table");
    // A cell left empty is a gap, not an expectation.
    let level1 = page(&imp.site, "levels/level-1/");
    assert!(
        words(&level1).contains("not defined yet"),
        "{}",
        words(&level1)
    );
}

#[test]
fn a_sheet_with_a_level_per_row_split_by_semicolons_keeps_its_order() {
    // Excel writes CSV with semicolons where the comma is the decimal mark.
    let src = fixture("sheets/orchard-levels.csv");
    let rows = sheet(&src, b';');
    let mut exps = Vec::new();
    for row in &rows[1..] {
        for (pillar, cell) in rows[0].iter().zip(row).skip(1) {
            exps.push(exp(&row[0], pillar, cell));
        }
    }
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "levels picker, grower, orchard-manager");
    // With no title row, the title is the file's name, and the summary says so (browser
    // check 49 B49-06).
    says(
        &imp,
        "title: Orchard levels (the file's name, as the source names no ladder",
    );
}

#[test]
fn a_sheet_saved_as_windows_1252_is_refused_with_how_to_save_it_as_utf8() {
    let out = ladderbook()
        .arg("import")
        .arg(fixture("sheets/latin1-sheet.csv"))
        .arg("-o")
        .arg(tempfile::tempdir().unwrap().path().join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("latin1-sheet.csv:4:"), "{err}");
    assert!(err.contains("CSV UTF-8"), "{err}");
    // In a folder beside a README, the refusal names the sheet and what to do with it.
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("ladder");
    fs::create_dir(&folder).unwrap();
    fs::copy(
        fixture("sheets/latin1-sheet.csv"),
        folder.join("latin1-sheet.csv"),
    )
    .unwrap();
    fs::write(
        folder.join("README.md"),
        "# Our ladder\n\nIt is in the sheet.\n",
    )
    .unwrap();
    let out = ladderbook()
        .arg("import")
        .arg(&folder)
        .arg("-o")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(
            "does not read the spreadsheet latin1-sheet.csv as it is: save it as UTF-8 CSV"
        ),
        "{err}"
    );
}

#[test]
fn a_sheet_of_other_data_beside_a_ladder_in_a_folder_is_passed_over() {
    // A repository keeps other data as CSV (a rota, a list of people): it is no page of the
    // ladder, and a sheet that cannot be read does not stop the import.
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("crew");
    fs::create_dir(&folder).unwrap();
    fs::copy(
        fixture("sheets/orchard-levels.csv"),
        folder.join("ladder.csv"),
    )
    .unwrap();
    fs::write(
        folder.join("rota.csv"),
        "Day,Morning,Evening\nMonday,Ana,Ben\nTuesday,Cy,Dee\n",
    )
    .unwrap();
    fs::copy(
        fixture("sheets/latin1-sheet.csv"),
        folder.join("old-export.csv"),
    )
    .unwrap();
    let imp = import(&folder, &[]);
    says(&imp, "levels picker, grower, orchard-manager");
    assert!(!imp.root.join("content/rota.md").exists());
    let site = site_words(&imp.site);
    assert!(!site.contains("monday"), "{site}");
}

#[test]
fn a_grid_headed_level_n_description_beside_columns_about_each_skill_is_read_as_its_levels() {
    // As a user writes the sheet out as a Markdown table, with a number in its title: the
    // grid was refused, or read as one level whose pillars were the skills, with the levels'
    // text nested under each (hunt 48 H48-02).
    let md = "# Guild 2 Skills\n\n| Skill | Category | Subcategory | Overall description | Level 1 description | Level 2 description | Level 3 description |\n|---|---|---|---|---|---|---|\n| Kneading | Dough | Mixing | Working dough by hand and by machine. | Kneads a small batch under guidance. | Kneads every dough unaided. <br>Checks the gluten by the windowpane test. | Sets the kneading method for the bakery. |\n| Oven care | Baking | Ovens | Running and looking after the ovens. |  | Loads and empties the oven safely. | Chooses and tunes the ovens. |\n| Cake design | Decorating | Cakes | Designing cakes for customers' orders. | Copies a given cake design. | Designs a cake from a customer's brief. | Sets the bakery's cake range. |\n";
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("guild.md");
    fs::write(&src, md).unwrap();
    let (_, rows) = &tables(md)[0];
    let mut exps = Vec::new();
    for row in &rows[1..] {
        for (head, cell) in rows[0].iter().zip(row).skip(4) {
            let level = head.trim_end_matches(" description");
            for item in cell_items(cell) {
                exps.push(exp(level, &row[0], &item));
            }
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "1 track, 3 levels, 3 pillars");
    let kneading = words(&page(&imp.site, "pillars/kneading/"));
    assert!(
        kneading.contains("working dough by hand and by machine"),
        "{kneading}"
    );
}

#[test]
fn a_sheet_pasted_as_a_markdown_table_with_its_blank_column_is_read_without_it() {
    // The blank column a sheet keeps between its own, pasted along: every pillar column must
    // hold prose, and the blank one held none, so the table was "no ladder" (author check 49
    // A49-04).
    let md = "# Lighthouse keepers\n\n| Level | Title |  | Lamp | Logbook |\n| --- | --- | --- | --- | --- |\n| K1 | Assistant keeper |  | • Cleans the lens every morning<br>• Trims the wick before dusk | Writes the weather in the log each watch |\n| K2 | Keeper |  | Keeps the lamp lit through a storm without help | Checks the assistant's entries and signs the log |\n| K3 | Principal keeper |  | Plans the lamp's servicing for the year | Reports the log's findings to the board |\n";
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("keepers.md");
    fs::write(&src, md).unwrap();
    let (_, rows) = &tables(md)[0];
    let mut exps = Vec::new();
    for row in &rows[1..] {
        for (pillar, cell) in rows[0].iter().zip(row).skip(3) {
            for item in cell_items(cell) {
                exps.push(exp(&format!("{} {}", row[0], row[1]), pillar, &item));
            }
        }
    }
    assert_eq!(exps.len(), 7);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // A column for comments nobody wrote is left out too (review 43 R43-10: "no ladder").
    let commented = tmp.path().join("commented.md");
    fs::write(
        &commented,
        md.replace("| Level | Title |  |", "| Level | Title | Comments |"),
    )
    .unwrap();
    let imp = import(&commented, &[]);
    assert_placed(&imp, &exps, &[]);
}

#[test]
fn two_tables_stacked_in_one_sheet_are_two_tracks_and_metadata_rows_describe_it() {
    // The managers' header was read as a level `Level`, and their text filed under the
    // bakers' pillars; a date beside the title made the title row the header (review 43
    // R43-05, R43-06).
    let src = fixture("sheets/bakery-two-tracks.csv");
    let rows = sheet(&src, b',');
    let mut exps = Vec::new();
    let mut header: Option<&Vec<String>> = None;
    for row in &rows {
        if row[0] == "Level" {
            header = Some(row);
        } else if let (Some(h), false) = (header, row[1].is_empty()) {
            for (pillar, cell) in h.iter().zip(row).skip(1) {
                exps.push(exp(&row[0], pillar, cell));
            }
        }
    }
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(
        &imp,
        "track bakers: 6 expectations; levels apprentice, baker, head-baker",
    );
    says(
        &imp,
        "track managers: 6 expectations; levels shift-supervisor, bakery-manager, area-manager",
    );

    let tmp = tempfile::tempdir().unwrap();
    let dated = tmp.path().join("dated.csv");
    fs::write(
        &dated,
        "Bakery ladder,,,Updated 3 March 2025\nOwner,Head baker,,\n,,,\n".to_string()
            + &fs::read_to_string(fixture("sheets/orchard-levels.csv"))
                .unwrap()
                .replace(';', ","),
    )
    .unwrap();
    let imp = import(&dated, &[]);
    says(&imp, "levels picker, grower, orchard-manager");
    let track = fs::read_to_string(imp.root.join("content/tracks/dated.md")).unwrap();
    assert!(track.contains("title = \"Bakery ladder\""), "{track}");
    assert!(track.contains("Owner: Head baker"), "{track}");
}

#[test]
fn a_sheet_beside_a_markdown_ladder_is_not_read_into_it() {
    // An onboarding plan kept as a sheet became a second track, with a pillar of its own
    // among the ladder's (review 43 R43-07).
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("ladder");
    fs::create_dir(&folder).unwrap();
    for (name, body) in [
        ("apprentice.md", "# Apprentice\n\n## Dough\n\n- Weighs flour and water to the gram.\n\n## Ovens\n\n- Loads the oven under supervision.\n"),
        ("baker.md", "# Baker\n\n## Dough\n\n- Mixes and shapes every bread on the list.\n\n## Ovens\n\n- Runs the oven for a whole bake.\n"),
        ("head-baker.md", "# Head Baker\n\n## Dough\n\n- Writes the dough recipes and their timings.\n\n## Ovens\n\n- Plans the oven schedule for the night.\n"),
    ] {
        fs::write(folder.join(name), body).unwrap();
    }
    fs::write(
        folder.join("onboarding.csv"),
        "Area,First week,First month,First quarter\nShop,Learns the till and the loaves by name,Serves alone at quiet times,Opens the shop on a Saturday\n",
    )
    .unwrap();
    let imp = import(&folder, &[]);
    says(&imp, "1 track, 3 levels, 2 pillars");
    says(&imp, "onboarding.csv (a sheet beside the ladder's Markdown or YAML files: to read it, import it alone)");
}

#[test]
fn a_skills_sheet_with_a_blank_corner_or_merged_areas_keeps_each_skill_s_name() {
    // A blank corner over one-word names made them a column of codes, left out; an area
    // written on its group's first row only was taken for the names (review 43 R43-03,
    // R43-04).
    let tmp = tempfile::tempdir().unwrap();
    let blank = tmp.path().join("blank.md");
    fs::write(&blank, "| | Category | Junior | Mid | Senior |\n|---|---|---|---|---|\n| Pruning | Care | Prunes roses under supervision. | Prunes every shrub alone. | Sets the pruning calendar. |\n| Planting | Design | Plants bulbs where marked. | Plans a border's planting. | Designs the planting schemes. |\n| Compost | Soil | Turns the heaps each week. | Keeps the heaps at heat. | Plans the compost cycle. |\n").unwrap();
    let imp = import(&blank, &[]);
    says(&imp, "pillars: pruning, planting, compost");
    let merged = tmp.path().join("merged.csv");
    fs::write(&merged, "Area,Skill,Overall description,Level 1 description,Level 2 description,Level 3 description\nBread,Kneading,Working a dough until it is smooth.,Kneads by hand under supervision.,Kneads every dough alone.,Sets the kneading method.\n,Shaping,Giving a dough its final form.,Shapes rolls.,Shapes every loaf.,Designs new shapes.\nPastry,Lamination,Folding butter into dough.,Folds under supervision.,Laminates alone.,Sets the folding method.\n,Fillings,Making what goes inside.,Weighs fillings.,Makes every filling.,Designs fillings.\n").unwrap();
    let imp = import(&merged, &[]);
    says(&imp, "pillars: kneading, shaping, lamination, fillings");
    let shaping = fs::read_to_string(imp.root.join("content/pillars/shaping.md")).unwrap();
    assert!(shaping.contains("**Area:** Bread"), "{shaping}");
    assert!(
        shaping.contains("Giving a dough its final form."),
        "{shaping}"
    );
    // The word for the text before the level (R43-08: one level, two free pages).
    let before = tmp.path().join("before.csv");
    fs::write(&before, "Skill,Description - Level 1,Description - Level 2,Description - Level 3\nKneading,Kneads by hand under supervision.,Kneads every dough alone.,Sets the kneading method.\nShaping,Shapes rolls.,Shapes every loaf.,Designs new shapes.\n").unwrap();
    let imp = import(&before, &[]);
    says(&imp, "1 track, 3 levels, 2 pillars, 6 expectations");
}

#[test]
fn a_cell_that_says_not_applicable_with_a_reason_is_a_gap() {
    // `n/a (not applicable at this level)`, written for each skill not expected at a grade,
    // was an expectation, and check called each "word for word the same" as the next level's
    // (hunt 49 H49-04). A bare `n/a` was already a gap.
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("bakery.csv");
    fs::write(
        &src,
        "Skill,Apprentice,Baker,Head Baker\n\
         Kneading,Kneads a plain loaf.,Kneads enriched doughs.,Teaches kneading to the shift.\n\
         Ovens,n/a (not applicable at this level),Sets the temperature.,Plans the day's bake.\n\
         Mentoring,N/A – not yet,Coaches one apprentice.,Coaches the whole team.\n\
         Ordering,Not applicable,Orders flour.,Sets the suppliers.\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    says(&imp, "9 expectations in 9 of 12 cells");
    let apprentice = page(&imp.site, "levels/apprentice/");
    let text = words(&apprentice);
    assert!(!text.contains("applicable"), "{text}");
    assert!(!text.contains("not yet"), "{text}");
}

#[test]
fn a_cell_that_opens_with_n_a_and_goes_on_to_a_duty_is_an_expectation() {
    // Review 44 R44-02: `N/A - but checks …`, `N/A: sells …`, `n/a-ish …` and a cell that
    // opens and ends with a parenthesis were dropped as gaps, and a sheet of them refused.
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("orchard.csv");
    let duties = [
        "n/a-ish for pickers: helps where asked.",
        "N/A - but checks the cold store temperature each morning.",
        "N/A: sells at the gate when the shop is shut.",
        "n/a (see grower) and reports pests to the grower (daily)",
        "Not applicable—picks only the low rows",
    ];
    let gaps = [
        "N/A —",
        "n/a.",
        "NA",
        "N/A; not yet",
        "not applicable at this level",
    ];
    let mut csv = String::from("Skill,Picker,Grower,Head grower\n");
    for (i, cell) in duties.iter().chain(&gaps).enumerate() {
        csv.push_str(&format!(
            "Skill {i},\"{cell}\",Does skill {i} alone.,Teaches skill {i}.\n"
        ));
    }
    fs::write(&src, csv).unwrap();
    let imp = import(&src, &[]);
    let picker = words(&page(&imp.site, "levels/picker/"));
    for duty in duties {
        assert!(picker.contains(&words(duty)), "{duty}: {picker}");
    }
    says(&imp, "25 expectations in 25 of 30 cells");
}
