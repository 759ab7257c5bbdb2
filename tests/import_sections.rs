//! `ladderbook import` on level sections written in more than one way, as real ladders
//! write them: bold `Label:` paragraphs before a level's sub-headings, a level written in
//! bold labels among levels written in headings, a README about the whole ladder beside the
//! ladders it links to, and a grid row no level fills yet. The documents are our own, in
//! those shapes. Each test reads the source with a few lines of its own and checks every
//! expectation is on its level's page under its pillar.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;

/// `## level` sections whose pillars are bold `Label:` paragraphs (their text an
/// expectation) or `**Label:**` over a list, and `### heading` sections over a list.
#[test]
fn bold_labels_and_headings_in_one_level_are_all_pillars() {
    let src = fixture("sections/labels-and-headings.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.split(" (").next().unwrap().to_string();
        } else if let Some(h) = line.strip_prefix("### ") {
            pillar = h.to_string();
        } else if let Some(rest) = line.strip_prefix("**") {
            let (label, after) = rest.split_once(":**").unwrap();
            pillar = label.to_string();
            if !after.trim().is_empty() {
                exps.push(Exp {
                    level: words(&level),
                    pillar: pillar.clone(),
                    text: after.trim().to_string(),
                });
            }
        } else if let Some(item) = line.strip_prefix("* ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The Team Lead, written in labels over lists, is a level of the track, in its place.
    let rank = |id: &str| level_rank(&imp, id);
    assert_eq!(
        (rank("apprentice"), rank("builder"), rank("team-lead")),
        (1, 2, 3)
    );
    assert!(
        imp.summary
            .contains("with their pillars `craft`, `teamwork` and its own `hiring`"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_readme_about_the_whole_ladder_is_a_page_not_a_level() {
    let dir = fixture("sections/overview");
    let imp = import(&dir, &[]);
    let mut exps = Vec::new();
    for file in ["builder.md", "leader.md"] {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let (mut level, mut pillar) = (String::new(), String::new());
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                level = h.to_string();
            } else if let Some(h) = line.strip_prefix("### ") {
                pillar = h.to_string();
            } else if let Some(item) = line.strip_prefix("- ") {
                exps.push(Exp {
                    level: words(&level),
                    pillar: pillar.clone(),
                    text: item.to_string(),
                });
            }
        }
    }
    assert_placed(&imp, &exps, &[]);
    // Two tracks, and the README's sections (Levels, Promotions) are no pillars.
    assert_eq!(
        content_files(&imp.root.join("content/tracks")).len(),
        2,
        "{}",
        imp.summary
    );
    let pillars: Vec<String> = content_files(&imp.root.join("content/pillars"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(pillars, ["craft", "people"]);
    // Its text is on the site, as a page.
    let readme = fs::read_to_string(dir.join("readme.md")).unwrap();
    assert_all_on_site(&imp, &md_units(&readme), "readme.md");
    assert!(
        imp.summary.contains("free pages: our-ladder (readme.md:1)"),
        "{}",
        imp.summary
    );
}

/// A grid whose rows are pillars, two of them with some or all cells empty and written
/// like the others: the empty row is no group of the rows below it.
#[test]
fn a_grid_row_no_level_fills_is_no_group() {
    let src = fixture("tables/unfilled-rows.md");
    let text = fs::read_to_string(&src).unwrap();
    let mut rows = text.lines().filter(|l| l.starts_with('|')).map(|l| {
        l.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect::<Vec<_>>()
    });
    let header = rows.next().unwrap();
    let mut exps = Vec::new();
    for row in rows.skip(1) {
        for (level, cell) in header.iter().zip(&row).skip(1) {
            if !cell.is_empty() {
                exps.push(Exp {
                    level: words(level),
                    pillar: row[0].clone(),
                    text: cell.clone(),
                });
            }
        }
    }
    assert_eq!(exps.len(), 11);
    let imp = import(&src, &[]);
    // Each expectation under its own row's pillar, not under `Hiring` with the row's name
    // in front of it.
    assert_placed(&imp, &exps, &[]);
    assert!(
        imp.summary.contains(
            "× 4 pillars (its rows; `Hiring` no level fills, so no pillar is made of it)"
        ),
        "{}",
        imp.summary
    );
}

/// Ordinary ladders that the readings above must leave as they are written.
#[test]
fn ordinary_folders_and_sections_are_read_as_written() {
    let ordinary = |name: &str| fixture(&format!("sections/ordinary/{name}"));
    let ids = |imp: &Imported, what: &str| -> Vec<String> {
        content_files(&imp.root.join(format!("content/{what}")))
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    };
    let rank = |imp: &Imported, id: &str| {
        front(&imp.root.join(format!("content/levels/{id}.md")))["rank"]
            .as_integer()
            .unwrap()
    };
    // Files titled by the ladder's name (`# Acme Engineering Ladder`) over one `## level`
    // each: a level per file.
    let imp = import(&ordinary("ladder-h1"), &[]);
    assert_eq!(ids(&imp, "levels").len(), 3, "{}", imp.summary);
    // A README listing the levels most senior first does not turn the track upside down.
    let imp = import(&ordinary("readme-top-down"), &[]);
    assert_eq!(
        (rank(&imp, "se1"), rank(&imp, "se4")),
        (1, 4),
        "{}",
        imp.summary
    );
    // Customer Success Managers are no people managers: one track.
    let imp = import(&ordinary("customer-success"), &[]);
    assert_eq!(ids(&imp, "tracks").len(), 1, "{}", imp.summary);
    // A page that shares the folder's name but not its subject does not describe the track.
    let imp = import(&ordinary("sibling"), &[]);
    let track = fs::read_to_string(&content_files(&imp.root.join("content/tracks"))[0].1).unwrap();
    assert!(!track.contains("on-call"), "{track}");
    // Attributes before the pillars (`**Level code:** E1`, `**Reports to:** …`) describe
    // the level.
    let imp = import(&ordinary("meta-labels"), &[]);
    assert_eq!(
        ids(&imp, "pillars"),
        ["collaboration", "craft"],
        "{}",
        imp.summary
    );
    // A code in a pillar's name that never changes is part of the name.
    let imp = import(&ordinary("standards-pillars.md"), &[]);
    let titles: Vec<String> = content_files(&imp.root.join("content/pillars"))
        .into_iter()
        .map(|(_, p)| str_of(&front(&p), "title"))
        .collect();
    assert!(
        titles.contains(&"Accessibility (WCAG 2.1)".to_string()),
        "{titles:?}"
    );
    // Bold group rows over bold rows, the table opening with one: groups.
    let imp = import(&ordinary("bold-groups.md"), &[]);
    assert_eq!(
        ids(&imp, "pillars"),
        ["people", "technical"],
        "{}",
        imp.summary
    );
    // Checked and unchecked boxes in one file keep their boxes.
    let imp = import(&ordinary("checkboxes.md"), &[]);
    let delivery = competency(&imp, "engineer", "delivery");
    assert!(
        delivery.contains("- [ ] Plans a quarter's roadmap"),
        "{delivery}"
    );
    // A section comparing two roles after the levels is no level.
    let imp = import(&ordinary("trailing-comparison.md"), &[]);
    assert_eq!(ids(&imp, "levels").len(), 2, "{}", imp.summary);
}

/// Levels written from the top of the ladder down, as their titles say (Principal, Senior,
/// Junior): rank 1 is the most junior, so that "next level" and comparisons run upwards.
#[test]
fn levels_written_most_senior_first_are_ranked_from_the_most_junior() {
    let imp = import(&fixture("sections/top-down.md"), &[]);
    let rank = |id: &str| level_rank(&imp, id);
    assert_eq!(
        (
            rank("junior-engineer"),
            rank("senior-engineer"),
            rank("principal-engineer")
        ),
        (1, 2, 3),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains("are written most senior first"),
        "{}",
        imp.summary
    );
    // In Portuguese, with accents: Sênior, Pleno, Júnior, Estagiário.
    let imp = import(&fixture("sections/top-down-pt.md"), &[]);
    let rank = |id: &str| level_rank(&imp, id);
    assert_eq!(
        (
            rank("estagiario"),
            rank("junior"),
            rank("pleno"),
            rank("senior")
        ),
        (1, 2, 3, 4),
        "{}",
        imp.summary
    );
}

/// Competency areas written the other way round (`### area` over `#### E1 - Engineer` …),
/// grouped under `##` sections: one track whose levels are the names inside each area and
/// whose pillars are the areas, not a track per group with the areas as its levels.
#[test]
fn grouped_areas_written_the_other_way_round_are_pillars_of_one_track() {
    let src = fixture("sections/grouped-areas.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("#### ") {
            level = h.split(" - ").nth(1).unwrap().to_string();
        } else if let Some(h) = line.strip_prefix("### ") {
            pillar = h.to_string();
        } else if line.starts_with('#') {
            level.clear();
        } else if !level.is_empty() && !line.trim().is_empty() {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: line.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 1);
    let code = |id: &str| {
        str_of(
            &front(&imp.root.join(format!("content/levels/{id}.md"))),
            "code",
        )
    };
    assert_eq!(
        (
            code("engineer"),
            code("senior-engineer"),
            code("staff-engineer")
        ),
        ("E1".to_string(), "E2".to_string(), "E3".to_string())
    );
    assert!(
        imp.summary
            .contains("the 2 sections `Delivery`, `People` group the competency areas"),
        "{}",
        imp.summary
    );
    // The text before the groups describes the one track they became; as a free page it was
    // a second menu entry of the track's own title.
    let track = fs::read_to_string(imp.root.join("content/tracks/grouped-areas.md")).unwrap();
    assert!(track.contains("How we describe growth"), "{track}");
    assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
}

/// `**Label:** value` lines written one under the other (one Markdown paragraph): each line
/// is its own pillar's expectation, not the first label's text with the others inside it.
#[test]
fn label_lines_one_under_the_other_are_each_a_pillar() {
    let src = fixture("sections/label-lines.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(rest) = line.strip_prefix("**") {
            let (label, value) = rest.split_once(":**").unwrap();
            exps.push(Exp {
                level: words(&level),
                pillar: label.to_string(),
                text: value.trim().to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 4);
}

/// A bold subtitle under each level heading (`**Grade C – still learning**`) over bullets
/// that each open with their pillar's label, then a labelled list: the subtitle describes
/// the level, each bullet is in its label's pillar and each example in Examples.
#[test]
fn a_subtitle_over_labelled_bullets_describes_its_level() {
    let src = fixture("sections/subtitles.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(l) = line.strip_prefix("**Examples:**") {
            assert!(l.is_empty());
            pillar = "Examples".into();
        } else if let Some(item) = line.strip_prefix("- **") {
            let (label, rest) = item.split_once("**: ").unwrap();
            exps.push(Exp {
                level: words(&level),
                pillar: label.to_string(),
                text: rest.to_string(),
            });
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 6);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 3);
    let junior = fs::read_to_string(imp.root.join("content/levels/junior-engineer.md")).unwrap();
    assert!(junior.contains("Grade C – still learning"), "{junior}");
}

/// The expectations of a document written `## Level` / `### Pillar` / items: each line that
/// opens with `marker` under them.
fn heading_items(src: &std::path::Path, marker: &str) -> Vec<Exp> {
    let text = fs::read_to_string(src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(h) = line.strip_prefix("### ") {
            pillar = h.to_string();
        } else if let Some(item) = line.strip_prefix(marker) {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    exps
}

#[test]
fn pillars_named_in_another_script_are_read_with_ascii_ids() {
    // `### Разработка` under `## Junior`: refused as no ladder while ids could only be made of
    // Latin letters.
    let src = fixture("sections/cyrillic.md");
    let exps = heading_items(&src, "- ");
    assert_eq!(exps.len(), 4);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let ids: Vec<String> = content_files(&imp.root.join("content/pillars"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["kommunikatsiia", "razrabotka"], "{}", imp.summary);
}

#[test]
fn bullet_characters_and_kramdown_attributes_pasted_into_a_ladder_are_read_as_meant() {
    // Paragraphs that open with `•` (text pasted from a word processor) are list items, and
    // a Jekyll link's `{:target="_blank"}` is not shown.
    let src = fixture("sections/pasted.md");
    let mut exps = heading_items(&src, "• ");
    for e in &mut exps {
        e.text = e.text.replace("{:target=\"_blank\"}", "");
    }
    assert_eq!(exps.len(), 5);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let page = fs::read_to_string(imp.site.join("levels/trainee-developer/index.html")).unwrap();
    assert!(!page.contains('•') && !page.contains("{:"), "{page}");
    assert!(
        page.contains("href=\"https://example.com/style\""),
        "{page}"
    );
    assert!(
        imp.summary.contains("open with a bullet character")
            && imp.summary.contains("kramdown attribute lists"),
        "{}",
        imp.summary
    );
}

/// Bullets set between tabs (`\t•\t`) and rules drawn as `⸻`, as chat tools and word
/// processors paste them (hunt 36 H36-02, H36-03): each bullet is an expectation and each
/// rule nothing. Before, a pillar's bullets were one expectation with `•` in its text, and
/// each `⸻` the last expectation of the level above it.
#[test]
fn bullets_between_tabs_are_items_and_drawn_rules_are_no_expectations() {
    let src = fixture("sections/pasted-tabs.md");
    let exps = heading_items(&src, "\t•\t");
    assert_eq!(exps.len(), 6);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let page = fs::read_to_string(imp.site.join("levels/junior-baker/index.html")).unwrap();
    assert!(!page.contains('•') && !page.contains('⸻'), "{page}");
    assert!(
        imp.summary
            .contains("pasted-tabs.md:7: lines that open with a bullet character")
            && imp
                .summary
                .contains("pasted-tabs.md:14: lines drawn of rule characters alone"),
        "{}",
        imp.summary
    );
}

#[test]
fn promotion_step_headings_are_read_as_the_levels_they_lead_to() {
    // `### E1 → E2: Apprentice → Builder` lists what it takes to reach E2: the level was
    // titled `→ E2: Apprentice → Builder` with E1's code.
    let src = fixture("sections/steps.md");
    let text = fs::read_to_string(&src).unwrap();
    let reached = [
        ("E1 → E2", "E2 Builder"),
        ("E2 → E3", "E3 Maker"),
        ("E3 → E4", "E4 Lead"),
    ];
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            let step = reached.iter().find(|r| h.starts_with(r.0)).unwrap();
            level = words(step.1);
        } else if let Some(label) = line.strip_prefix("**") {
            pillar = label.trim_end_matches(":**").to_string();
        } else if let Some((n, item)) = line.split_once(". ") {
            if n.parse::<u32>().is_ok() {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: pillar.clone(),
                    text: item.to_string(),
                });
            }
        }
    }
    assert_eq!(exps.len(), 7);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let levels: Vec<(String, String, i64)> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(_, p)| {
            let f = front(&p);
            (
                f["code"].as_str().unwrap().to_string(),
                f["title"].as_str().unwrap().to_string(),
                f["rank"].as_integer().unwrap(),
            )
        })
        .collect();
    let mut levels = levels;
    levels.sort_by_key(|l| l.2);
    assert_eq!(
        levels,
        [
            ("E2".to_string(), "Builder".to_string(), 2),
            ("E3".to_string(), "Maker".to_string(), 3),
            ("E4".to_string(), "Lead".to_string(), 4),
        ]
    );
    assert!(
        imp.summary
            .contains("name promotion steps (`E1 → E2: Apprentice → Builder`)"),
        "{}",
        imp.summary
    );
}

#[test]
fn plain_labels_with_commas_name_pillars() {
    // `- Hygiene, safety and care :` over a nested list was kept as text inside the pillar
    // before it, while `- Service :` was a pillar.
    let src = fixture("sections/plain-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = words(h);
        } else if let Some(label) = line.strip_prefix("- ") {
            pillar = label.trim_end_matches(" :").to_string();
        } else if let Some(item) = line.strip_prefix("  - ") {
            exps.push(Exp {
                level: level.clone(),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 3);
    assert!(
        imp.summary.contains("list items each name a pillar"),
        "{}",
        imp.summary
    );
}

#[test]
fn level_headings_spelled_with_accents_are_levels() {
    // `## Desenvolvedor Júnior` … `## Desenvolvedor Sênior` were read as one level whose
    // pillars were the three levels.
    let src = fixture("sections/acentos.md");
    let exps = heading_items(&src, "- ");
    assert_eq!(exps.len(), 5);
    let exps: Vec<Exp> = exps
        .into_iter()
        .map(|e| Exp {
            pillar: "Expectations".into(),
            ..e
        })
        .collect();
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/levels")).len(), 3);
}

#[test]
fn a_label_that_names_the_pillar_is_not_repeated_and_its_nested_items_are_expectations() {
    // `- **Knowledge:**` over nested items was one expectation reading `**Knowledge:**`, and
    // each other expectation began with its pillar's name again.
    let src = fixture("sections/label-bullets.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = words(h);
        } else if let Some(rest) = line.strip_prefix("- **") {
            let (label, after) = rest.split_once(":**").unwrap();
            pillar = label.to_string();
            if !after.trim().is_empty() {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: pillar.clone(),
                    text: after.trim().to_string(),
                });
            }
        } else if let Some(item) = line.strip_prefix("  - ") {
            exps.push(Exp {
                level: level.clone(),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 5);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let page = fs::read_to_string(imp.site.join("levels/support-associate/index.html")).unwrap();
    assert!(
        !page.contains("Tickets:") && !page.contains("Knowledge:"),
        "{page}"
    );
}

#[test]
fn a_contents_link_to_a_heading_kept_in_a_note_leads_to_its_pillar() {
    // `### On call` under the pillar Duties is kept as a note, where it has no anchor; the
    // contents' link to it stopped the import ("the imported ladder does not validate").
    let src = fixture("sections/toc.md");
    let imp = import(&src, &[]);
    let level =
        fs::read_to_string(imp.root.join("content/levels/site-reliability-engineer.md")).unwrap();
    assert!(
        level.contains("[On call](site-reliability-engineer.md#duties)"),
        "{level}"
    );
    assert_eq!(broken_links(&imp.site), Vec::<String>::new());
}

#[test]
fn a_product_owner_page_is_one_level_titled_by_its_heading() {
    // The level was titled `Stakeholders` (its one section of lists) and Duties was a free
    // page: `Product Owner` did not read as a role.
    let src = fixture("sections/owner.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut pillar, mut exps) = (String::new(), Vec::new());
    for block in text.split("\n\n") {
        if let Some(h) = block.strip_prefix("### ") {
            pillar = h.to_string();
        } else if !pillar.is_empty() {
            for line in block.lines() {
                exps.push(Exp {
                    level: words("Product Owner"),
                    pillar: pillar.clone(),
                    text: line.trim_start_matches("* ").to_string(),
                });
            }
        }
    }
    let exps: Vec<Exp> = exps
        .into_iter()
        .filter(|e| !e.text.starts_with('#'))
        .collect();
    assert_eq!(exps.len(), 5);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
}

#[test]
fn skill_bullets_that_open_with_a_bold_code_and_no_colon_are_the_levels_expectations() {
    // `* **A1** writes …` under skill headings: with no colon after the code, every skill was
    // a pillar of one level `Craft`, each bullet still opening with its code.
    let src = fixture("sections/bold-codes.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut pillar, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            pillar = h.to_string();
        } else if let Some((code, item)) =
            line.strip_prefix("* **").and_then(|l| l.split_once("** "))
        {
            exps.push(Exp {
                level: words(code),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let ids: Vec<String> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["a1", "a2", "a3"]);
}

#[test]
fn a_hiring_map_is_no_level_and_a_level_s_attributes_are_no_pillars() {
    // `## Level Mapping for Hiring` (a table and a note) was the most junior level, and the
    // levels' `**Typical Experience**:` and `**Note**:` lines were pillars beside
    // Troubleshooting and Communication.
    let src = fixture("sections/hiring-matrix.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.split(" – ").nth(1).unwrap_or("").to_string();
        } else if let Some(p) = line.strip_prefix("### ") {
            pillar = p.to_string();
        } else if let Some(item) = line.strip_prefix("- ").filter(|_| !pillar.is_empty()) {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 5);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let levels = content_ids(&imp.root.join("content/levels"));
    assert_eq!(levels, ["senior-support-engineer", "support-engineer"]);
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert_eq!(pillars, ["communication", "troubleshooting"]);
    // The attributes describe their level.
    let s2 = fs::read_to_string(imp.root.join("content/levels/support-engineer.md")).unwrap();
    assert!(
        s2.contains("One to three years answering customers"),
        "{s2}"
    );
    assert!(s2.contains("twice a year"), "{s2}");
    // The hiring map stays on the site.
    assert!(site_words(&imp.site)
        .contains("place each candidate at the level whose expectations they meet today"));
}

#[test]
fn a_heading_that_says_the_page_is_unfinished_titles_nothing() {
    // `# Work in Progress!` over `# Support Ladder` titled the book.
    let src = fixture("sections/placeholder-title.md");
    let imp = import(&src, &[]);
    let book = fs::read_to_string(imp.root.join("book.toml")).unwrap();
    assert!(book.contains("title = \"Support Ladder\""), "{book}");
    assert!(
        imp.summary
            .contains("`Work in Progress!` only says the page is unfinished"),
        "{}",
        imp.summary
    );
    let levels = content_ids(&imp.root.join("content/levels"));
    assert_eq!(levels, ["senior-support-engineer", "support-engineer"]);
}

#[test]
fn a_ladder_written_in_hangul_is_marked_korean() {
    // The site said `<html lang="en">` over Korean text: read aloud and hyphenated as
    // English.
    let imp = import(&fixture("sections/hangul.md"), &[]);
    let book = fs::read_to_string(imp.root.join("book.toml")).unwrap();
    assert!(book.contains("language = \"ko\""), "{book}");
    let index = fs::read_to_string(imp.site.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"ko\""));
    assert_eq!(
        content_ids(&imp.root.join("content/levels")).len(),
        2,
        "{}",
        imp.summary
    );
}

#[test]
fn a_job_familys_grades_are_its_levels_and_its_specialties_a_page() {
    // Hunt 24 H4, GitLab's job families: `## Specialties` over `### Pastry`, `### Grill`
    // made a second track whose "levels" were the specialties; the track of levels was
    // titled `Job Grades`; the Associate level, which only states its grade, was a free
    // page; and `#### Job Grade` was a pillar holding the grade sentence and the top level's
    // criteria.
    let imp = import(&fixture("sections/job-family.md"), &[]);
    assert_eq!(titles(&imp.root.join("content/tracks")), ["Deckhand"]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        [
            "associate-deckhand",
            "intermediate-deckhand",
            "lead-deckhand",
            "senior-deckhand"
        ]
    );
    assert_eq!(level_rank(&imp, "associate-deckhand"), 1);
    assert_eq!(level_rank(&imp, "lead-deckhand"), 4);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["leadership", "responsibilities", "seamanship"]
    );
    let level = |id: &str| {
        std::fs::read_to_string(imp.root.join(format!("content/levels/{id}.md"))).unwrap()
    };
    assert!(level("associate-deckhand").contains("is a [grade 3]"));
    assert!(level("senior-deckhand").contains("is a [grade 5]"));
    assert!(level("lead-deckhand").contains("also meet these criteria"));
    let seamanship = competency(&imp, "lead-deckhand", "seamanship");
    assert!(
        seamanship.contains("Splices a broken mooring line"),
        "{seamanship}"
    );
    assert!(!seamanship.contains("grade 6"), "{seamanship}");
    let specialties = std::fs::read_to_string(imp.root.join("content/specialties.md")).unwrap();
    assert!(
        specialties.contains("Loads lorries by weight"),
        "{specialties}"
    );
    assert!(
        imp.summary
            .contains("`Specialties` holds no levels: kept as a free page"),
        "{}",
        imp.summary
    );
}

#[test]
fn an_entry_level_of_plain_bullets_among_labelled_levels_is_the_first_level() {
    // Hunt 26 H4 (db1's `## **QA Trainee**`): a level written as plain bullets before levels
    // whose bullets are labelled was a free page, "not a level (it shares no pillars with
    // the levels)": the track started a level late.
    let imp = import(&fixture("sections/plain-first-level.md"), &[]);
    assert_eq!(level_rank(&imp, "orchard-trainee"), 1);
    assert_eq!(level_rank(&imp, "orchard-senior"), 3);
    let trainee = competency(&imp, "orchard-trainee", "expectations");
    assert!(trainee.contains("You ask before you cut"), "{trainee}");
    let pruning = competency(&imp, "orchard-junior", "pruning");
    assert!(pruning.contains("to the shape a grower marks"), "{pruning}");
}

/// Hunt 26 H6 (careertopologies' management chapter): levels whose every section is titled
/// alike (`### Key Responsibilities`, `### Typical Transition` under each `## … Manager`),
/// with bold `Label:` lists inside them. Those sections were read as the levels, each manager
/// a track of its own, and the labels (`From`, `When`, `Readiness`) the pillars; a closing
/// `Management vs. Firefighting` table was a level too.
#[test]
fn levels_whose_sections_are_titled_alike_are_one_track() {
    let imp = import(&fixture("sections/manager-sections.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")).len(),
        1,
        "{}",
        imp.summary
    );
    let ids = ranked_levels(&imp);
    assert_eq!(
        ids,
        ["watch-manager", "station-manager", "group-manager"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        [
            "autonomy",
            "key-responsibilities",
            "typical-scope",
            "typical-transition"
        ]
    );
    let duties = competency(&imp, "station-manager", "key-responsibilities");
    assert!(duties.contains("Coaches the watch managers"), "{duties}");
    let transition = competency(&imp, "group-manager", "typical-transition");
    assert!(transition.contains("Station manager"), "{transition}");
    // Nothing is lost: the comparison table and the opening sections are free pages.
    let text = std::fs::read_to_string(fixture("sections/manager-sections.md")).unwrap();
    assert_all_on_site(&imp, &md_units(&text), "manager-sections.md");
}

/// Hunt 27 H7 (a design studio's levels, `#### Lead` … `#### Graduate`, `#### Intern`):
/// written most senior first, but `Junior` and `Graduate` share one seniority and `Lead`
/// tops `Principal` there, so no step of the titles could fail to go down. Read in order,
/// Lead was the most junior level and every comparison ran downwards.
#[test]
fn levels_written_top_down_are_turned_round_though_two_share_a_seniority() {
    let imp = import(&fixture("sections/top-down-design.md"), &[]);
    let ids = ranked_levels(&imp);
    assert_eq!(
        ids,
        [
            "intern",
            "graduate",
            "junior",
            "mid-level",
            "senior",
            "principal",
            "lead"
        ],
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains("are written most senior first"),
        "{}",
        imp.summary
    );
}

/// Hunt 28 H2 (osem-ladders, written with names): skill sections whose every item opens with
/// a level's name in bold (`## Lamp care` / `1. **Keeper**: Changes the mantle …`) are the
/// same ladder as names over nested lists, turned round: the names are the levels, the
/// sections the pillars. They were read the other way: the skills levels, the names pillars.
/// Grouped under `#` sections, they are one track too.
#[test]
fn skill_sections_whose_items_open_with_level_names_read_the_other_way_round() {
    let src = fixture("sections/named-bullets.md");
    let text = fs::read_to_string(&src).unwrap();
    let mut pillar = String::new();
    let mut exps = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            pillar = h.to_string();
        } else if let Some((level, said)) = line
            .split_once(". **")
            .and_then(|(_, rest)| rest.split_once("**: "))
        {
            exps.push(Exp {
                level: words(level),
                pillar: pillar.clone(),
                text: said.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 9);
    let grouped = tempfile::tempdir().unwrap();
    let file = grouped.path().join("keeping.md");
    fs::write(
        &file,
        text.replace("## Lamp care", "# The light\n\n## Lamp care")
            .replace("## Log book", "# The station\n\n## Log book"),
    )
    .unwrap();
    for src in [src, file] {
        let imp = import(&src, &[]);
        assert_placed(&imp, &exps, &[]);
        assert_eq!(
            ranked_levels(&imp),
            ["trainee-keeper", "keeper", "principal-keeper"],
            "{}",
            src.display()
        );
        assert!(
            imp.summary.contains("read the other way round"),
            "{}",
            imp.summary
        );
        // The name is the level's, not part of what it expects.
        let keeper = competency(&imp, "keeper", "lamp-care");
        assert!(!keeper.contains("Keeper"), "{keeper}");
    }
}

/// Review 31 F6: levels whose items open with bold labels naming whom each works with
/// (`**Junior Crew**`, `**Senior Officers**`, `**Passengers**`) are levels still: two of
/// the labels hold words of seniority, but `Passengers` names no level and no role of one.
#[test]
fn levels_whose_items_open_with_audiences_are_not_turned_round() {
    let imp = import(&fixture("sections/audience-bullets.md"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["deckhand", "bosun", "mate"],
        "{}",
        imp.summary
    );
    assert!(
        !imp.summary.contains("read the other way round"),
        "{}",
        imp.summary
    );
    let mate = competency(&imp, "mate", "passengers");
    assert!(mate.contains("Leads the evacuation drill"), "{mate}");
}

/// Hunt 28 M1 (a Spanish ladder's `**Descripción del rol**:`): a bold label that says it
/// describes the level (`**Role description**: …`) opens the level's description, as a `###
/// Role description` heading does; it was a pillar of its own, one sentence per level,
/// counted and compared as an expectation.
#[test]
fn a_role_description_label_describes_its_level() {
    let src = fixture("sections/role-description-label.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps, mut described) =
        (String::new(), String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(said) = line.strip_prefix("**Role description**: ") {
            described.push((slug(&level), said.to_string()));
        } else if let Some(label) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**:")) {
            pillar = label.to_string();
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    // `Timetable description` is a competency (review 31 F11): a pillar still.
    assert_eq!((exps.len(), described.len()), (8, 2));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert!(!imp
        .root
        .join("content/pillars/role-description.md")
        .exists());
    for (level, said) in described {
        let file = fs::read_to_string(imp.root.join(format!("content/levels/{level}.md"))).unwrap();
        assert!(file.contains(&said), "{file}");
        let page = page(&imp.site, &format!("levels/{level}/"));
        assert!(page.contains(&said.replace('\'', "’")), "{level}");
    }
}

/// Hunt 28 H4 (a handbook's Tech Lead page): the sections under a question about what one
/// role does (`## What does a Harbour Master do?`) are the parts of that role's work, though
/// their titles hold role words (`### Safety Officer`, `### Pilot and Team Leader`). They had
/// been ranked as three levels, compared as promotions; the page is one level.
#[test]
fn what_a_role_does_is_its_work_not_levels() {
    let imp = import(&fixture("sections/what-a-role-does.md"), &[]);
    assert_eq!(ranked_levels(&imp), ["harbour-master"], "{}", imp.summary);
    let plan = competency(&imp, "harbour-master", "traffic-controller-and-planner");
    assert!(plan.contains("Keeping the berthing plan"), "{plan}");
}

/// Hunt 31 M3: two levels of one role written most senior first (`## Senior Librarian`,
/// then `## Librarian`) are ranked the other way round, as three are; the senior level
/// had been rank 1, compared as a step down to the other.
#[test]
fn two_levels_of_one_role_written_most_senior_first_are_turned_round() {
    let src = fixture("sections/two-levels-top-down.md");
    let imp = import(&src, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["librarian", "senior-librarian"],
        "{}",
        imp.summary
    );
    // Two roles say nothing of their order: as written.
    let tmp = tempfile::tempdir().unwrap();
    let other = tmp.path().join("levels.md");
    fs::write(
        &other,
        fs::read_to_string(&src)
            .unwrap()
            .replace("## Librarian", "## Archivist"),
    )
    .unwrap();
    let imp = import(&other, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["senior-librarian", "archivist"],
        "{}",
        imp.summary
    );
}

/// Hunt 31 H2 (a leveling guide's `***Technical Expectations***` over paragraphs): labels
/// alone in a paragraph of their own, the same under each level, are its pillars, as labels
/// with a colon are. They had been emphasis, and every paragraph under them the level's
/// description.
#[test]
fn labels_alone_in_their_paragraphs_over_text_are_pillars() {
    let src = fixture("sections/label-paragraphs.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            (level, pillar) = (h.to_string(), String::new());
        } else if let Some(p) = line.strip_prefix("***").and_then(|l| l.strip_suffix("***")) {
            pillar = p.to_string();
        } else if !pillar.is_empty() && line.starts_with("You ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: line.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let bosun = fs::read_to_string(imp.root.join("content/levels/bosun.md")).unwrap();
    assert!(
        bosun.contains("A bosun runs the deck crew on a shift."),
        "{bosun}"
    );
}

/// Hunt 32 H32-04: skills over the craft grades (`## Throwing` / `### Apprentice` / `###
/// Journeyman`) were read as levels Throwing and Glazing whose pillars were
/// the grades, where `### Junior` / `### Senior` turned round: Journeyman was no place on
/// a scale.
#[test]
fn skills_over_apprentice_and_journeyman_are_pillars_of_those_levels() {
    let src = fixture("sections/craft-grades.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut pillar, mut level, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = h.to_string();
        } else if let Some(h) = line.strip_prefix("## ") {
            pillar = h.to_string();
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 6);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["apprentice", "journeyman"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["glazing", "throwing"]
    );
}

/// The expectations of a skills-first page whose bullets open with a level's name or code
/// after an enumerator or a tag (`- **a. Snr:** …`, `- **c. [NEW] K2:** …`), in an order
/// of its own in each skill: `(level, skill, text)`.
fn graded_bullets(text: &str) -> Vec<Exp> {
    let (mut pillar, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            pillar = h.split_once(". ").map_or(h, |p| p.1).to_string();
        } else if let Some(item) = line.strip_prefix("- **") {
            let (label, rest) = item.split_once(":** ").unwrap();
            let level = label.rsplit(' ').next().unwrap();
            exps.push(Exp {
                level: words(level),
                pillar: pillar.clone(),
                text: rest.to_string(),
            });
        }
    }
    exps
}

/// Hunt 32 H32-05, H32-06, H32-07: skills whose bullets name the level abbreviated (`Jnr`,
/// `Snr`), after an enumerator or a tag (`a. Snr`, `c. [NEW] Mid`), in an order of their
/// own in each skill, were read as levels named after the skills whose pillars were `a.
/// Snr`, `b. Jnr` … (or `L1 / L3`); they are the levels, ranked by their seniority or code.
#[test]
fn skills_whose_bullets_name_levels_in_any_order_are_turned_round() {
    for (file, ranked) in [
        ("sections/abbreviated-grades.md", ["jnr", "mid", "snr"]),
        ("sections/codes-any-order.md", ["k1", "k2", "k3"]),
    ] {
        let src = fixture(file);
        let exps = graded_bullets(&fs::read_to_string(&src).unwrap());
        assert!(exps.len() >= 6);
        let imp = import(&src, &[]);
        assert_placed(&imp, &exps, &[]);
        assert_eq!(ranked_levels(&imp), ranked, "{}", imp.summary);
    }
}

/// A behaviour matrix whose tagged bullets (`- **a. Snr:** …`) carry their evidence nested
/// under them (`  - Signal: …`, `  - Example: …`), one tagged with a span of two levels
/// (`Mid → Snr`). Hunt 44 H44-02: each behaviour was a note and its `Example:` lines the
/// numbered expectations; H44-01: the one span turned the whole matrix back, its areas the
/// levels and its tags pillars by position. Each behaviour is one expectation of its level,
/// its evidence nested under it; the span's behaviour is the first level's, said.
#[test]
fn tagged_behaviours_keep_their_evidence_under_them_and_a_span_goes_to_its_first_level() {
    let src = fixture("sections/tagged-behaviours.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut pillar, mut exps, mut evidence) = (String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            pillar = h.split_once(". ").map_or(h, |p| p.1).to_string();
        } else if let Some(item) = line.strip_prefix("- **") {
            let (label, rest) = item.split_once(":** ").unwrap();
            let level = label[3..].split(" → ").next().unwrap();
            exps.push(Exp {
                level: words(level),
                pillar: pillar.clone(),
                text: rest.to_string(),
            });
        } else if let Some(nested) = line.strip_prefix("  - ") {
            let last: &Exp = exps.last().unwrap();
            evidence.push((
                last.level.clone(),
                last.pillar.clone(),
                last.text.clone(),
                nested.to_string(),
            ));
        }
    }
    assert_eq!((exps.len(), evidence.len()), (10, 7));
    let imp = import(&src, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["jnr", "mid", "snr"],
        "{}",
        imp.summary
    );
    assert_placed(&imp, &exps, &[]);
    for (level, pillar, behaviour, said) in &evidence {
        let md = competency(&imp, &level.to_lowercase(), &ids_of(pillar));
        let at = md
            .find(&format!("- {behaviour}"))
            .unwrap_or_else(|| panic!("{md}"));
        let under = &md[at..];
        let next = under[2..].find("\n- ").map_or(under.len(), |i| i + 2);
        assert!(
            under[..next].contains(&format!("  - {said}")),
            "`{said}` is not under `{behaviour}`:\n{md}"
        );
    }
    let span = text.lines().position(|l| l.contains("Mid → Snr:")).unwrap() + 1;
    assert!(
        imp.summary.contains(&format!("tagged-behaviours.md:{span}: `Mid → Snr` spans two levels: its text is placed at the most junior, `Mid`")),
        "{}",
        imp.summary
    );
    assert!(
        !imp.summary.contains("beside them as notes"),
        "{}",
        imp.summary
    );
}

/// A flag beside a bullet's level (`**c. [NEW] Mid:**`, a proposed addition) stays at the
/// start of its expectation (browser check 47 B47-05: dropped without a word, so proposed
/// expectations read as agreed ones).
#[test]
fn a_flag_beside_a_tagged_bullets_level_stays_on_its_expectation() {
    let text = fs::read_to_string(fixture("sections/tagged-behaviours.md")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("ferry.md");
    fs::write(
        &src,
        text.replace("**c. Mid:** Plans", "**c. [NEW] Mid:** Plans"),
    )
    .unwrap();
    let imp = import(&src, &[]);
    let cell = competency(&imp, "mid", "seamanship");
    assert!(
        cell.contains("- \\[NEW\\] Plans the loading order for a full car deck."),
        "{cell}"
    );
    assert!(page(&imp.site, "levels/mid/").contains("[NEW] Plans the loading order"));
}

/// A matrix tagged with codes (`**b. L1:**`, a span `L2 → L3`) or with a span written with a
/// slash (`Mid/Snr`) turns round as one tagged with words does (review 41 R41-08, R41-09:
/// before, the areas were the levels and the tags pillars by position, `l3-l1-l2`), its
/// levels ranked by their codes' numbers.
#[test]
fn a_matrix_tagged_with_codes_or_a_slashed_span_turns_round() {
    let text = fs::read_to_string(fixture("sections/tagged-behaviours.md")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let codes = text
        .replace("Mid → Snr", "L2 → L3")
        .replace("Jnr:", "L1:")
        .replace("Mid:", "L2:")
        .replace("Snr:", "L3:");
    for (written, levels, span, at) in [
        (codes, ["l1", "l2", "l3"], "L2 → L3", "l2"),
        (
            text.replace("Mid → Snr", "Mid/Snr"),
            ["jnr", "mid", "snr"],
            "Mid/Snr",
            "mid",
        ),
    ] {
        let src = tmp.path().join("ferry.md");
        fs::write(&src, written).unwrap();
        let imp = import(&src, &[]);
        assert_eq!(ranked_levels(&imp), levels, "{}", imp.summary);
        assert_eq!(
            content_ids(&imp.root.join("content/pillars")),
            ["engines", "passengers", "seamanship"],
            "{}",
            imp.summary
        );
        assert!(
            competency(&imp, at, "passengers").contains("Handles a complaint the skipper"),
            "{span}: {}",
            imp.summary
        );
        assert!(
            imp.summary.contains(&format!("`{span}` spans two levels")),
            "{}",
            imp.summary
        );
    }
}

/// `Seamanship` → `seamanship`.
fn ids_of(title: &str) -> String {
    title.to_lowercase().replace(' ', "-")
}

/// Sections beside a ladder's levels that are written like levels but are none (hunt 36
/// H36-07, H36-08, H36-09): kinds of shop, each a list and one `**Best For:**` line, are a
/// free page where the levels have pillars of their own; moves between roles titled `Bread
/// to Pastry` (no `From`) are advice, a free page; and `**Salary Range:** 90-120 coins a
/// month` is a line of its level's description, as a pay column's cell is, not a pillar.
/// Before, the shops and the moves were two tracks of levels (`Village shop` ranked below
/// `Town shop`) and pay a pillar that `compare` set side by side.
#[test]
fn kinds_of_shop_moves_between_roles_and_pay_beside_levels_are_no_levels_or_pillars() {
    let src = fixture("sections/careers-beside-levels.md");
    let text = fs::read_to_string(&src).unwrap();
    let roles = text.split("## Shop Size Impact").next().unwrap();
    let (mut level, mut pillar, mut exps, mut pay) =
        (String::new(), String::new(), Vec::new(), Vec::new());
    for line in roles.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = words(h);
        } else if let Some((label, said)) =
            line.strip_prefix("**").and_then(|l| l.split_once(":**"))
        {
            match said.trim() {
                "" => pillar = label.to_string(),
                said if label == "Salary Range" => pay.push((level.clone(), said.to_string())),
                said => exps.push(Exp {
                    level: level.clone(),
                    pillar: label.to_string(),
                    text: said.to_string(),
                }),
            }
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: level.clone(),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!((exps.len(), pay.len()), (10, 2));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["junior-baker-0-2-years", "baker-2-5-years"],
        "{}",
        imp.summary
    );
    for (level, said) in &pay {
        let id = level.replace(' ', "-").replace(['(', ')'], "");
        let page = fs::read_to_string(imp.root.join(format!("content/levels/{id}.md"))).unwrap();
        assert!(
            page.contains(&format!("**Salary Range:** {said}")),
            "{page}"
        );
    }
    for (page, says) in [
        ("shop-size-impact", "**Best For:** Bakers who like variety"),
        ("moving-between-kitchens", "## Bread to Pastry"),
    ] {
        let text = fs::read_to_string(imp.root.join(format!("content/{page}.md"))).unwrap();
        assert!(text.contains(says), "{text}");
    }
}

/// Pay written as a labelled item at every level (`- **Salary**: 100 coins a month`) beside
/// items that name pillars (hunt 36 H36-07): a line of each level's description.
#[test]
fn pay_given_as_a_labelled_item_describes_the_level() {
    let src = fixture("sections/pay-items.md");
    let imp = import(&src, &[]);
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert_eq!(pillars, ["skills", "typical-tasks"], "{}", imp.summary);
    for (level, coins) in [("junior-baker", 100), ("baker", 200), ("senior-baker", 300)] {
        let page = fs::read_to_string(imp.root.join(format!("content/levels/{level}.md"))).unwrap();
        assert!(
            page.contains(&format!("**Salary:** {coins} coins a month")),
            "{page}"
        );
        let html = fs::read_to_string(imp.site.join(format!("levels/{level}/index.html"))).unwrap();
        assert!(html.contains(&format!("{coins} coins a month")), "{level}");
    }
}

/// A role's sections beside its levels (hunt 36 H36-06): `### Required skills` over `####
/// Technical skills` (bold labels over lists) under each `## Role`, beside `### Levels of
/// advancement` over the role's levels. The skills are part of the role, no track of one
/// level, and each role's levels are a track titled by the role. Before, each role's skills
/// were a track `Required skills` of one level, and the levels a track `Levels of
/// advancement`, two of them for three roles.
#[test]
fn a_roles_skills_beside_its_levels_are_no_level_and_each_role_is_a_track() {
    let src = fixture("sections/role-sections.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut role, mut level, mut pillar, mut exps) =
        (String::new(), String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            role = h.to_string();
        } else if line.starts_with("### ") {
            level.clear();
        } else if let Some(h) = line.strip_prefix("#### ") {
            level = h.to_string();
        } else if level.contains("level") {
            if let Some(label) = line
                .strip_prefix("- **")
                .and_then(|l| l.strip_suffix("**:"))
            {
                pillar = label.to_string();
            } else if let Some(item) = line.strip_prefix("  - ") {
                exps.push((
                    role.clone(),
                    Exp {
                        level: words(&level),
                        pillar: pillar.clone(),
                        text: item.to_string(),
                    },
                ));
            }
        }
    }
    assert_eq!(exps.len(), 16);
    let imp = import(&src, &[]);
    let tracks: Vec<String> = fs::read_dir(imp.root.join("content/tracks"))
        .unwrap()
        .map(|e| str_of(&front(&e.unwrap().path()), "title"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        tracks,
        ["Bread Baker", "Cake Decorator", "Pastry Chef"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["skills", "typical-tasks"]
    );
    // Each expectation on a level of its role's track, under its pillar.
    let track_title = |level: &str| {
        let l = front(&imp.root.join(format!("content/levels/{level}.md")));
        let t = str_of(&l, "track");
        str_of(
            &front(&imp.root.join(format!("content/tracks/{t}.md"))),
            "title",
        )
    };
    for (role, e) in &exps {
        let placed = fs::read_dir(imp.root.join("content/competencies"))
            .unwrap()
            .flat_map(|level| content_files(&level.unwrap().path()))
            .filter(|(_, path)| fs::read_to_string(path).unwrap().contains(&e.text))
            .map(|(_, path)| {
                let f = front(&path);
                (track_title(&str_of(&f, "level")), str_of(&f, "pillar"))
            })
            .collect::<Vec<_>>();
        let pillar = e.pillar.to_lowercase().replace(' ', "-");
        let same = exps.iter().filter(|(_, o)| o.text == e.text).count();
        assert!(
            placed.contains(&(role.clone(), pillar)) && placed.len() == same,
            "{}: {placed:?}",
            e.text
        );
    }
}

/// `### Experience` under every level, beside its areas, holding what the level does
/// (`Gets stuck on sourdough often and asks for help`) is one of its pillars (hunt 37
/// H37-01, GeekHunter's ladder, whose README names Experience among its three pillars);
/// holding years (`0-2 years in a bakery`) it describes the level, as before.
#[test]
fn experience_of_behaviours_under_every_level_is_a_pillar_and_experience_in_years_describes() {
    let imp = import(&fixture("sections/experience-of-behaviours.md"), &[]);
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert!(
        pillars.contains(&"experience".to_string()),
        "{}",
        imp.summary
    );
    assert!(competency(&imp, "junior-baker", "experience").contains("Gets stuck on sourdough"));
    let imp = import(&fixture("sections/experience-in-years.md"), &[]);
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert_eq!(pillars, ["dough"], "{}", imp.summary);
    let level = fs::read_to_string(imp.root.join("content/levels/baker.md")).unwrap();
    assert!(level.contains("2-5 years in a bakery"), "{level}");
}

/// A span written senior first (`Snr → Mid`) goes to the most junior of its levels too, and
/// one of three is said as three (review 41 R41-10, R41-11).
#[test]
fn a_span_written_senior_first_goes_to_its_most_junior_level() {
    let text = fs::read_to_string(fixture("sections/tagged-behaviours.md")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    for (span, level, said) in [
        ("Snr → Mid", "mid", "two"),
        ("Jnr → Mid → Snr", "jnr", "three"),
    ] {
        let src = tmp.path().join("ferry.md");
        fs::write(&src, text.replace("Mid → Snr", span)).unwrap();
        let imp = import(&src, &[]);
        assert_eq!(
            ranked_levels(&imp),
            ["jnr", "mid", "snr"],
            "{}",
            imp.summary
        );
        assert!(
            competency(&imp, level, "passengers").contains("Handles a complaint the skipper"),
            "{span}: {}",
            imp.summary
        );
        assert!(
            imp.summary
                .contains(&format!("`{span}` spans {said} levels")),
            "{}",
            imp.summary
        );
    }
}

/// A section under each level that gives its pay as figures (`### Total Compensation` over
/// `* 25%: $31,000` …) is a part of the level's description, as a `**Salary:**` label or a
/// pay column is (hunt 47 H47-01: it was a pillar, and every comparison set the salaries
/// side by side as "changed" expectations). `### Salary` reads the same. The summary says so.
#[test]
fn a_section_of_pay_figures_under_each_level_is_part_of_its_description() {
    let text = fs::read_to_string(fixture("sections/pay-sections.md")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    for title in ["Total Compensation", "Salary"] {
        let src = tmp.path().join("bakery.md");
        fs::write(
            &src,
            text.replace("### Total Compensation", &format!("### {title}")),
        )
        .unwrap();
        let imp = import(&src, &[]);
        assert_eq!(
            content_ids(&imp.root.join("content/pillars")),
            ["core-skills", "duties"],
            "{}",
            imp.summary
        );
        let level = fs::read_to_string(imp.root.join("content/levels/baker-ii.md")).unwrap();
        assert!(
            level.contains(&format!("## {title}")) && level.contains("* 75%: $44,000"),
            "{level}"
        );
        let compare = page(&imp.site, "compare/baker-i/baker-ii/");
        assert!(!compare.contains("$44,000"), "{compare}");
        assert!(competency(&imp, "baker-ii", "duties").contains("Train a Baker I on the ovens."));
        // Said once, at the first such section (review 42 R42-18: nothing said where it went).
        let said = format!("bakery.md:16: pay given in a section of sums (`{title}`) is kept in each level's description");
        assert_eq!(imp.summary.matches(&said).count(), 1, "{}", imp.summary);
    }
}
