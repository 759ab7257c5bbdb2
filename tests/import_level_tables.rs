//! `ladderbook import` on a table per level written with more than its pillars and text: a
//! column that scores each row (`| Axis | Level | Description (Support Context) |`) and a
//! summary written as a list item above the table (`* **Summary:** …`); and a table that sums
//! the levels up, each row linking to its level's heading; and cells that open with a bold
//! label (`**Line Cook:** …`); and a table per level under an area of the level (`### Responsibility
//! & Growth`), beside sections of prose or alone. Our own ladders in the shapes of real ones;
//! the tests read the sources themselves.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// `Level 1: Support Engineer (S1)` → the level's title, `Support Engineer` (its code S1).
fn level_title(heading: &str) -> String {
    let title = heading.split(" (").next().unwrap();
    title.split_once(": ").map_or(title, |t| t.1).to_string()
}

/// The rows of the fixture's tables per level (`| Axis | Level | Description |`): each
/// row's level title, area, score and text.
fn scored_rows(text: &str) -> Vec<[String; 4]> {
    let (mut level, mut rows) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = level_title(h);
        } else if let Some(row) = line.strip_prefix("| ") {
            let cells: Vec<&str> = row.trim_end_matches(" |").split(" | ").collect();
            if cells.len() == 3 && cells[1].parse::<u8>().is_ok() {
                rows.push([
                    level.clone(),
                    cells[0].into(),
                    cells[1].into(),
                    cells[2].into(),
                ]);
            }
        }
    }
    rows
}

/// A row of [`scored_rows`] as the expectation it holds.
fn exp([level, area, _, text]: &[String; 4]) -> Exp {
    Exp {
        level: words(level),
        pillar: area.clone(),
        text: text.clone(),
    }
}

#[test]
fn a_table_per_level_with_a_score_column_and_a_summary_item_gives_the_levels_pillars() {
    // The `Level` column made every level heading a track of its own, holding levels titled
    // `1`, `2`, …; with the `Level` column gone, the summary item made each level's only
    // expectation and its table a note.
    let src = fixture("tables/scored-levels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut summaries) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = level_title(h);
        } else if let Some(s) = line.strip_prefix("*   **Summary:** ") {
            summaries.push((level.clone(), s.to_string()));
        }
    }
    let rows = scored_rows(&text);
    let exps: Vec<Exp> = rows.iter().map(exp).collect();
    let scores: Vec<(String, String, String)> = rows
        .iter()
        .map(|[level, area, score, _]| (level.clone(), area.to_lowercase(), score.clone()))
        .collect();
    assert_eq!((exps.len(), summaries.len()), (9, 3));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let ids: Vec<(String, std::path::PathBuf)> = content_files(&imp.root.join("content/levels"));
    assert_eq!(ids.len(), 3, "{}", imp.summary);
    let id_of = |title: &str| {
        ids.iter()
            .find(|(_, p)| words(&str_of(&front(p), "title")) == words(title))
            .map(|(id, _)| id.clone())
            .unwrap()
    };
    // Each summary describes its level; each score is a note on its row's expectation.
    for (title, summary) in &summaries {
        let page = fs::read_to_string(imp.root.join(format!("content/levels/{}.md", id_of(title))));
        assert!(
            page.unwrap().contains(summary.as_str()),
            "{title} lacks its summary"
        );
    }
    for (title, pillar, score) in &scores {
        let cell = competency(&imp, &id_of(title), pillar);
        assert!(
            cell.contains(&format!("Level: {score}")),
            "{title}/{pillar}: {cell}"
        );
    }
}

#[test]
fn a_summary_table_whose_rows_link_to_the_level_headings_stays_a_table() {
    // `| [Trainee](#trainee) | … |` over `## Trainee` … : each role was imported twice, once
    // from the table's row and once from its section, ranked one after the other.
    let src = fixture("tables/linked-summary.md");
    let text = fs::read_to_string(&src).unwrap();
    let exps: Vec<Exp> = outline(&text)
        .into_iter()
        .filter(|(h, _, item, _)| *item && !h[2].is_empty())
        .map(|(h, t, _, _)| Exp {
            level: words(&h[1]),
            pillar: h[2].clone(),
            text: t.trim().trim_start_matches("- ").to_string(),
        })
        .collect();
    assert_eq!(exps.len(), 11);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/levels")).len(), 3);
    // The table sums the track up, its links leading to the level pages.
    let track = fs::read_to_string(imp.root.join("content/tracks/linked-summary.md")).unwrap();
    assert!(
        track.contains("| [Crew Member](../levels/crew-member.md) |"),
        "{track}"
    );
}

#[test]
fn pillar_tables_with_the_same_named_levels_down_each_make_one_ladder() {
    // `| Level | What we see |` over `| **Starter** | … |` … under each area's heading: the
    // names read as no level on their own, so the file was refused ("found no ladder").
    let src = fixture("tables/named-rows-per-pillar.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut pillar, mut exps, mut levels) = (String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            pillar = h.to_string();
        } else if let Some(row) = line.strip_prefix("| **") {
            let (name, rest) = row.split_once("** | ").unwrap();
            if !levels.contains(&name.to_string()) {
                levels.push(name.to_string());
            }
            exps.push(Exp {
                level: words(name),
                pillar: pillar.clone(),
                text: rest.trim_end_matches(" |").to_string(),
            });
        }
    }
    assert_eq!((exps.len(), levels.len()), (12, 4));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/levels")).len(), 4);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 3);
    // The lines around a pillar's table describe that pillar: no free page is made of them.
    let pillar = fs::read_to_string(imp.root.join("content/pillars/pipelines.md")).unwrap();
    assert!(
        pillar.contains("How data gets from the source")
            && pillar.contains("**Tip:** a pipeline nobody can rerun"),
        "{pillar}"
    );
    assert!(
        !imp.root.join("content/pipelines.md").exists(),
        "{}",
        imp.summary
    );
}

#[test]
fn text_after_the_last_pillar_table_stays_with_its_pillar_not_the_last_level() {
    // The list after the `### Escalations` table was the Team lead's Escalations expectation,
    // and an empty free page `Escalations` was written; the same list after the first table
    // was kept on a free page.
    let src = fixture("tables/text-after-pillar-tables.md");
    let imp = import(&src, &[]);
    let lead = competency(&imp, "support-3", "escalations");
    assert!(
        lead.contains("Agrees the escalation policy") && !lead.contains("Escalation notes"),
        "{lead}"
    );
    for (page, said) in [
        ("tickets", "Ten tickets you closed"),
        ("escalations", "Two escalations and what you learned"),
    ] {
        let text = fs::read_to_string(imp.root.join(format!("content/{page}.md"))).unwrap();
        assert!(text.contains(said), "{page}: {text}");
    }
}

#[test]
fn a_bold_label_opening_a_level_tables_cells_is_part_of_the_expectation() {
    // Hunt 22 H1: cells that open with the role's name in bold (`**Line Cook:** …`) or a
    // bold subtitle (`**(Station pace):** …`) made every level heading a track of its own,
    // whose levels were the table's rows and whose pillar was the label.
    let src = fixture("tables/labelled-cells.md");
    let text = fs::read_to_string(&src).unwrap();
    let exps: Vec<Exp> = scored_rows(&text).iter().map(exp).collect();
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")).len(),
        1,
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["cooking", "teamwork", "timing"]
    );
    assert_placed(&imp, &exps, &[]);
}

#[test]
fn a_levels_readiness_check_table_stays_in_its_description() {
    // Hunt 31 H1: a level whose table was followed by `### Readiness check` over a second
    // table with the same rows was dropped to a free page ("it shares no pillars with the
    // levels"), its expectations off the ladder, and the readiness table read as the
    // pillars of a level `Readiness check`.
    let src = fixture("tables/readiness-check.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps, mut readiness) = (String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if line.starts_with("### ") {
            level.clear();
        } else if let Some(row) = line.strip_prefix("| **") {
            let (area, rest) = row.split_once("** | ").unwrap();
            let text = rest.trim_end_matches(" |").to_string();
            if level.is_empty() {
                readiness.push(text);
            } else {
                exps.push(Exp {
                    level: words(&level),
                    pillar: area.to_string(),
                    text,
                });
            }
        }
    }
    assert_eq!((exps.len(), readiness.len()), (9, 3));
    let imp = import(&src, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["deck-hand", "bosun", "first-mate"],
        "{}",
        imp.summary
    );
    assert_placed(&imp, &exps, &[]);
    let bosun = fs::read_to_string(imp.root.join("content/levels/bosun.md")).unwrap();
    for r in &readiness {
        assert!(
            bosun.contains(r.as_str()),
            "{r} not in bosun's page: {bosun}"
        );
    }
    assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
}

#[test]
fn a_pay_column_in_a_table_of_levels_goes_in_each_levels_description() {
    // Hunt 31 H4: a table of levels (`| Level | Title | Scope | Salary Band |`) whose pay
    // column is figures was not read: the whole document became one level named after it,
    // its policy sections the pillars, the table in that level's description.
    let src = fixture("tables/pay-column.md");
    let text = fs::read_to_string(&src).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| l.starts_with("| A"))
        .map(|l| l.trim_matches(['|', ' ']).split(" | ").collect())
        .collect();
    assert_eq!(rows.len(), 4);
    let imp = import(&src, &[]);
    let exps: Vec<Exp> = rows
        .iter()
        .map(|r| Exp {
            level: words(r[1]),
            pillar: "Scope".into(),
            text: r[2].into(),
        })
        .collect();
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["scope"],
        "{}",
        imp.summary
    );
    let levels = ranked_levels(&imp);
    assert_eq!(levels.len(), 4, "{}", imp.summary);
    for (id, r) in levels.iter().zip(&rows) {
        let page = imp.root.join(format!("content/levels/{id}.md"));
        assert_eq!(str_of(&front(&page), "code"), r[0]);
        let text = fs::read_to_string(&page).unwrap();
        assert!(
            text.contains(&format!("Salary Band (per month): {}", r[3])),
            "{id}: {text}"
        );
    }
    for page in ["pay-and-level", "two-paths"] {
        assert!(
            imp.root.join(format!("content/{page}.md")).exists(),
            "{}",
            imp.summary
        );
    }
}

#[test]
fn a_column_about_pay_written_in_sentences_is_a_pillar() {
    // Review 33 R33-02: a payroll team's `Pay Equity` and `Compensation Reviews` columns,
    // sentences like its other pillar's, had become lines of each level's description, as
    // a pay band's figures are.
    let imp = import(&fixture("tables/pay-pillars.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["compensation-reviews", "pay-equity", "payroll-runs"],
        "{}",
        imp.summary
    );
}

#[test]
fn a_grid_headed_by_an_assistant_level_is_read() {
    // Hunt 33 H33-13: `| Area | Assistant Librarian | Librarian | Senior Librarian |` was
    // refused ("found no ladder"), where `Junior Librarian` imported: Assistant is a word of
    // seniority, as the README says.
    let imp = import(&fixture("tables/assistant-header.md"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["assistant-librarian", "librarian", "senior-librarian"],
        "{}",
        imp.summary
    );
}

/// The expectations of a ladder whose levels (`# G1 - Gardener`) hold a table under an area
/// heading, a row per pillar with `<p>- …</p>` items, and perhaps a `### Scope & Impact`
/// paragraph, or a list under a lead-in, which are expectations of that pillar. Levels are
/// found by code and title.
fn area_table_expectations(text: &str) -> Vec<Exp> {
    let (mut level, mut section, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("# ").filter(|h| h.contains(" - ")) {
            level = words(&h.replace(" - ", " "));
        } else if let Some(h) = line.strip_prefix("### ") {
            section = h.to_string();
        } else if let Some(row) = line
            .strip_prefix('|')
            .filter(|r| !r.starts_with(['*', ' ']))
        {
            let (pillar, cell) = row.split_once('|').unwrap();
            for item in cell.split("- ").skip(1) {
                let text = item.split('<').next().unwrap().trim_end_matches('|').trim();
                exps.push(Exp {
                    level: level.clone(),
                    pillar: pillar.to_string(),
                    text: text.to_string(),
                });
            }
        } else if section == "Scope & Impact" && !line.trim().is_empty() && !line.ends_with(':') {
            // A paragraph, or a list's items under a lead-in (a note).
            exps.push(Exp {
                level: level.clone(),
                pillar: section.clone(),
                text: line.trim_start_matches("- ").to_string(),
            });
        }
    }
    exps
}

#[test]
fn a_table_under_an_area_of_each_level_gives_its_rows_as_pillars() {
    // kolbis' career paths: `### Scope & Impact` and `### Typical Experience` in prose, then
    // `### Responsibility & Growth` over the table whose rows are most of the ladder. The
    // rows went into each level's description, and without the sections in prose the
    // levels after the first were free pages.
    for (name, exps, pillars) in [
        (
            "tables/area-table-beside-sections.md",
            16,
            vec!["Planting", "Pruning", "Scope & Impact", "Visitors"],
        ),
        (
            "tables/area-tables-only.md",
            13,
            vec!["Planting", "Pruning", "Visitors"],
        ),
        // Browser 41 B41-01: a level whose `### Scope & Impact` holds a list kept its table
        // in its description.
        (
            "tables/area-table-beside-lists.md",
            17,
            vec!["Planting", "Pruning", "Scope & Impact", "Visitors"],
        ),
    ] {
        let src = fixture(name);
        let text = fs::read_to_string(&src).unwrap();
        let expected = area_table_expectations(&text);
        assert_eq!(expected.len(), exps, "{name}");
        let imp = import(&src, &[]);
        assert_placed(&imp, &expected, &[]);
        assert_eq!(titles(&imp.root.join("content/pillars")), pillars, "{name}");
        // How long people have worked describes the level.
        let first = fs::read_to_string(imp.root.join("content/levels/gardener.md")).unwrap();
        assert_eq!(
            first.contains("Up to two years in a garden or a nursery."),
            text.contains("Up to two years"),
            "{first}"
        );
    }
}

#[test]
fn a_column_headed_as_the_expectations_is_each_levels_text() {
    // `| Principle | Competencies | Level Expectations |`, the middle cell the same at every
    // level (Mattermost's ladders, hunt 39 H39-01): every level's expectations were that
    // repeated cell, and what the level is expected to do only a note.
    let src = fixture("tables/expectations-column.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = level_title(h);
        } else if let Some(row) = line.strip_prefix("| ") {
            let cells: Vec<&str> = row.trim_end_matches(" |").split(" | ").collect();
            if cells.len() == 3 && cells[0] != "Principle" {
                exps.push(Exp {
                    level: words(&level),
                    pillar: cells[0].to_string(),
                    text: cells[2].to_string(),
                });
            }
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
}
