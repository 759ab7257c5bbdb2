//! `ladderbook import` on the cases a review of the rules for promotion steps, seniority,
//! role words, role descriptions, labels, files that describe pillars, statements, tracks
//! listed by level names and front-matter tracks found misread or crashed on, written in the
//! reviewer's own words (`tests/fixtures/import/review/`). Each test states what a reader of
//! the source would call its levels.

mod common;
mod import_support;
use import_support::*;
use std::fs;

/// The titles of an import's levels, in rank order.
fn level_titles(imp: &Imported) -> Vec<String> {
    let mut levels: Vec<(i64, String)> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(_, p)| {
            let f = front(&p);
            (f["rank"].as_integer().unwrap(), str_of(&f, "title"))
        })
        .collect();
    levels.sort();
    levels.into_iter().map(|l| l.1).collect()
}

#[test]
fn a_title_whose_letters_change_length_in_lower_case_does_not_crash_the_with_rule() {
    // `İ` lowercases to two characters: the ` with ` found in a lowercased copy cut the
    // original title inside a letter, and import panicked.
    let imp = import(&fixture("review/with-panic.md"), &[]);
    assert_eq!(level_titles(&imp).len(), 2, "{}", imp.summary);
}

#[test]
fn levels_under_a_skills_heading_stay_levels() {
    // `## Skills` over `### Junior Engineer` … : a section named like a role description's
    // is no reason to read its levels as one level's areas.
    let imp = import(&fixture("review/parent-skills.md"), &[]);
    assert_eq!(
        level_titles(&imp),
        ["Junior Engineer", "Engineer", "Senior Engineer"]
    );
}

#[test]
fn levels_with_as_many_topics_after_them_stay_levels() {
    // Three levels, then Promotions, Compensation and Feedback: the import was refused.
    let imp = import(&fixture("review/levels-with-others-3.md"), &[]);
    assert_eq!(
        level_titles(&imp),
        ["Junior Designer", "Designer", "Senior Designer"]
    );
}

#[test]
fn a_section_about_working_with_a_role_is_a_pillar_not_a_level() {
    // `## Working with the Product Owner` read as a level once Owner became a role word.
    let imp = import(&fixture("review/owner-pillars.md"), &[]);
    assert_eq!(level_titles(&imp), ["Senior Engineer"]);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 3);
}

#[test]
fn a_sign_that_opens_the_text_after_a_label_stays() {
    // `- **Impact:** -10% error rate`: the `-` went with the label.
    let imp = import(&fixture("review/label-odd.md"), &[]);
    let impact =
        fs::read_to_string(imp.root.join("content/competencies/engineer/impact.md")).unwrap();
    assert!(impact.contains("- -10% error rate"), "{impact}");
    let teamwork = fs::read_to_string(
        imp.root
            .join("content/competencies/senior-engineer/teamwork.md"),
    )
    .unwrap();
    assert!(teamwork.contains("- mentors two engineers"), "{teamwork}");
}

#[test]
fn a_title_with_a_plus_ranks_above_the_same_title_and_keeps_the_plus_in_its_id() {
    // Written most senior first: `Principal+ Engineer` tied with `Principal Engineer`, so the
    // ladder was ranked upside down, and the two ids read `principal-engineer` and
    // `principal-engineer-2`.
    let imp = import(&fixture("review/plus.md"), &[]);
    assert_eq!(
        level_titles(&imp),
        [
            "Senior Engineer",
            "Principal Engineer",
            "Principal+ Engineer"
        ]
    );
    assert_eq!(level_rank(&imp, "principal-plus-engineer"), 3);
}

// ---------------------------------------------------------------------------------------
// A second review's cases (of the rules for summary items, score columns, questions and
// HTML titles), in the reviewer's words.

#[test]
fn a_long_table_under_a_role_heading_is_still_one_expectation_per_row() {
    // `## Software Engineer` over `| Level | Competency | Expectation |`: the rule for a level's
    // score column refused the file, as a role's name reads as a level's.
    let imp = import(&fixture("review/long-table-under-role.md"), &[]);
    assert_eq!(level_titles(&imp), ["Junior", "Mid", "Senior"]);
    assert!(competency(&imp, "senior", "delivery").contains("Leads projects across"));
}

#[test]
fn a_level_table_whose_text_column_is_terse_keeps_it_as_the_expectation() {
    // `| Area | Expectation | Examples |` with short expectations: the examples' sentences
    // became the expectations and the expectations their notes.
    let imp = import(&fixture("review/terse-text-column.md"), &[]);
    let cell = competency(&imp, "junior-engineer", "coding");
    assert!(
        cell.contains("- Writes tests\n  - Examples: Adds unit tests"),
        "{cell}"
    );
}

#[test]
fn a_question_about_promotion_is_no_pillar() {
    // `### What skills are required to be promoted to Staff?` under one level asks what is
    // required, but of a promotion: it describes the level.
    let imp = import(&fixture("review/promotion-question.md"), &[]);
    let pillars = content_files(&imp.root.join("content/pillars"));
    assert_eq!(pillars.len(), 2, "{pillars:?}");
}

#[test]
fn an_empty_html_heading_over_a_markdown_title_leaves_the_title_to_it() {
    // A logo in `<h1 align="center">` over `# Acme Engineering Ladder`: the empty HTML heading
    // came first, and the ladder was named after the folder.
    let imp = import(&fixture("review/h1-logo"), &[]);
    let book = fs::read_to_string(imp.root.join("book.toml")).unwrap();
    assert!(
        book.contains("title = \"Acme Engineering Ladder\""),
        "{book}"
    );
}

#[test]
fn levels_titled_by_the_skills_they_hold_are_not_pillar_descriptions() {
    // `# Foundational Skills`, `# Applied Skills`, `# Strategic Skills`: each counted the
    // others as the levels whose pillars it described, and the import kept no level.
    let imp = import(&fixture("review/skills-levels"), &[]);
    assert_eq!(level_titles(&imp).len(), 3, "{}", imp.summary);
}

#[test]
fn a_front_matter_track_that_every_file_names_differently_makes_no_tracks() {
    // `track: Foundations`, `track: System Design`, …: a learning track per level, which
    // made a track of one level of each.
    let imp = import(&fixture("review/learning-tracks"), &[]);
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 1);
    assert_eq!(
        level_titles(&imp),
        [
            "Junior Engineer",
            "Engineer",
            "Senior Engineer",
            "Staff Engineer"
        ]
    );
}

#[test]
fn a_section_naming_levels_already_listed_stays_a_page() {
    // `## Recent promotions` over `- **Senior Systems Engineer**` / `  - Priya, March 2024`,
    // beside two tracks listed by their levels' names: it became a third track whose
    // expectations were people.
    let imp = import(&fixture("review/promotions-page.md"), &[]);
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 2);
    assert_eq!(level_titles(&imp).len(), 6);
    assert!(
        fs::read_to_string(imp.root.join("content/recent-promotions.md"))
            .unwrap()
            .contains("Priya")
    );
}

#[test]
fn the_same_bold_roles_under_every_level_make_no_tracks() {
    // `- **Technical Lead**` and `- **Team Manager**` under each of Explorer, Navigator and
    // Pathfinder: the levels became tracks of those two "levels".
    let imp = import(&fixture("review/role-variants.md"), &[]);
    assert_eq!(
        level_titles(&imp),
        ["Explorer", "Navigator", "Pathfinder"],
        "{}",
        imp.summary
    );
}

#[test]
fn a_level_title_with_a_note_after_a_colon_stays_a_level() {
    // `## Senior specialist: makes the whole team better at support.` ends with a full
    // stop, and was taken for a statement, no level.
    let imp = import(&fixture("review/tagline-levels.md"), &[]);
    assert_eq!(level_titles(&imp).len(), 3, "{}", imp.summary);
}

#[test]
fn pillar_headings_that_link_to_their_pages_are_no_navigation() {
    // `## [Technical](../skills/technical.md)` over links to its competencies: read as a
    // page's navigation, every pillar went and the folder was refused.
    let imp = import(&fixture("review/linked-competencies"), &[]);
    assert_eq!(level_titles(&imp), ["Engineer", "Senior Engineer"]);
    assert!(imp.summary.contains("9 expectations"), "{}", imp.summary);
    assert!(!imp.summary.contains("navigation"), "{}", imp.summary);
}

#[test]
fn an_index_that_links_by_reference_is_still_an_index() {
    // A README whose links to the level files are reference links (`[Engineer][e]`, with
    // `[e]: engineer.md` below) was no index once the links were counted block by block:
    // its summaries made a second track of the same levels.
    let imp = import(&fixture("review/ref-links-index"), &[]);
    assert_eq!(level_titles(&imp), ["Engineer", "Senior Engineer"]);
    assert_eq!(
        fs::read_dir(imp.root.join("content/tracks"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn what_the_summary_says_of_reference_links_comes_in_the_order_written() {
    // The README alone, whose `[e]: engineer.md` and `[s]: senior-engineer.md` lead nowhere:
    // the two guesses came in either order from one import to the next.
    let readme = fixture("review/ref-links-index/README.md");
    for _ in 0..6 {
        let imp = import(&readme, &[]);
        let at = |line: &str| {
            imp.summary
                .find(&format!("README.md:{line}: the link to"))
                .unwrap_or_else(|| panic!("no guess at line {line}:\n{}", imp.summary))
        };
        assert!(at("5") < at("6"), "{}", imp.summary);
    }
}

#[test]
fn levels_whose_one_label_names_proficiency_levels_stay_levels() {
    // `## Analyst I` / `**Proficiency levels:**` / `- **SQL**: …`: sections whose titles read
    // as levels are levels, whatever their label says; they came out the other way round,
    // with levels SQL and Python.
    let imp = import(&fixture("review/proficiency-in-levels.md"), &[]);
    assert_eq!(
        level_titles(&imp),
        ["Analyst I", "Analyst II", "Senior Analyst"]
    );
}

#[test]
fn tables_of_a_level_number_and_a_note_beside_a_ladder_of_headings_stay_tables() {
    // `## Overview` / `| Level | Summary |` and `## Pay` / `| Level | How pay works |` over
    // rows `| 1 | … |`, before `## Engineer I` / `### Craft`: they made levels `Level 1` and
    // `Level 2` of the ladder, with Pay a pillar.
    let imp = import(&fixture("review/level-reference-tables.md"), &[]);
    assert_eq!(level_titles(&imp), ["Engineer I", "Engineer II"]);
    let site = site_words(&imp.site);
    assert!(site.contains("how pay works"), "{site}");
}

#[test]
fn one_field_about_a_level_in_an_ordinary_pillar_is_a_note_in_it() {
    // In one level file's `### Technical`, after its `**Focus:**` line and its list, a
    // `**Level 5 readiness:**` line: the pillar's list and focus went to its description, the
    // readiness line was its only expectation, and the level took the code `Level 5`.
    let imp = import(&fixture("review/readiness-field"), &[]);
    let cell = competency(&imp, "senior-engineer", "technical");
    assert!(
        cell.contains("- Writes design documents for cross-team systems"),
        "{cell}"
    );
    assert!(cell.contains("**Focus:**"), "{cell}");
    assert!(cell.contains("**Level 5 readiness:**"), "{cell}");
    let level = front(&imp.root.join("content/levels/senior-engineer.md"));
    assert!(level.get("code").is_none(), "{level:?}");
}

#[test]
fn paragraphs_after_the_last_one_line_label_stay_its_text() {
    // `**Delivery**: Writes clear tickets …` then two more sentences, after one-line labels:
    // the sentences went to the level's description (review 24 H1). Only a picture and its
    // caption leave the last label.
    let imp = import(&fixture("review/last-label-paragraphs.md"), &[]);
    let cell = competency(&imp, "associate-product-manager", "delivery");
    assert!(cell.contains("Checks that each release"), "{cell}");
    assert!(cell.contains("Keeps the team's release notes"), "{cell}");
}

#[test]
fn a_list_introduced_to_the_reader_keeps_its_items_beside_a_closing_sentence() {
    // `At this level you will:` over short items, then `Most people spend a year or two at
    // this level …`: the items were nested in the lead-in and the closing remark was an
    // expectation (review 24 H2).
    let imp = import(&fixture("review/you-will-short-items.md"), &[]);
    let cell = competency(&imp, "support-engineer-i", "expectations");
    assert!(cell.contains("\n- Answer customer tickets\n"), "{cell}");
    assert!(cell.contains("\nMost people spend"), "{cell}");
}

#[test]
fn a_readme_linking_each_level_file_from_a_sentence_under_its_heading_is_an_index() {
    // `## Staff Nurse` / `… Read the [full expectations](staff-nurse.md).`: the README was
    // read as a second track of its own levels (review 24 H3).
    let imp = import(&fixture("review/readme-sentence-links"), &[]);
    let mut titles = level_titles(&imp);
    titles.sort();
    assert_eq!(titles, ["Senior Staff Nurse", "Staff Nurse", "Ward Sister"]);
    assert_eq!(content_ids(&imp.root.join("content/tracks")).len(), 1);
}

#[test]
fn numbered_file_names_order_levels_that_words_leave_tied() {
    // `01-trainee.md` … `05-architect.md`: `Architect`, with no word of seniority, tied with
    // `Developer` and fell below `Senior Developer` (review 24 H4).
    let imp = import(&fixture("review/numbered-level-files"), &[]);
    assert_eq!(
        level_titles(&imp),
        [
            "Trainee",
            "Junior Developer",
            "Developer",
            "Senior Developer",
            "Architect"
        ]
    );
}

#[test]
fn a_guides_section_of_sentences_is_a_pillar() {
    // A technical writers' ladder whose skills are `### Guides` and `### Reference`: Guides
    // was taken for a reading list (review 24 H5). A reading list is a list of links.
    let imp = import(&fixture("review/guides-pillar.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["guides", "reference"]
    );
}

#[test]
fn a_topics_level_blank_among_filled_ones_is_kept() {
    // `levels: 3`, level 2 blank in every topic: it was dropped (review 24 M1). Only blank
    // levels beyond those declared, or beyond the last filled, are placeholders.
    let imp = import(&fixture("review/topics-blank-middle"), &[]);
    assert_eq!(level_titles(&imp).len(), 3, "{}", imp.summary);
}

#[test]
fn prose_written_a_sentence_per_line_stays_one_expectation() {
    // `Works on well-scoped questions …` / `This usually means …` / `It also means …`: each
    // line was an expectation of its own (review 24 M3).
    let imp = import(&fixture("review/sentence-per-line-prose.md"), &[]);
    let cell = competency(&imp, "junior-analyst", "expectations");
    assert_eq!(cell.matches("\n- ").count(), 1, "{cell}");
    assert!(cell.contains("This usually means"), "{cell}");
}

/// Review 29's inputs (`review/r29/`): plausible ladders that this session's first versions
/// of the job-family, summary, level-section, template and folder rules read worse than
/// before.
#[test]
fn review_29_ladders_keep_their_pillars_levels_and_tracks() {
    // A pillar every level has is a pillar, though its title starts `Ready for`.
    let imp = import(&fixture("review/r29/r3-service.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["hygiene", "knife-skills", "ready-for-service"]
    );
    // `## Staff Meals` over a paragraph among the levels is no level.
    let imp = import(&fixture("review/r29/r1-staffmeal.md"), &[]);
    assert_eq!(
        level_titles(&imp),
        ["Junior Cook", "Senior Cook", "Head Chef"]
    );
    // A track titled `Digital Skills`, with the levels and pillars of another one-file track,
    // is a track, not a summary of it.
    let imp = import(&fixture("review/r29/r2-digital"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Digital Skills", "Lending Services"]
    );
    // A role's README alone in a folder beside the level files is a track of its own.
    let imp = import(&fixture("review/r29/r5-pastry"), &[]);
    assert_eq!(titles(&imp.root.join("content/tracks")).len(), 2);
    assert_eq!(level_titles(&imp).len(), 4);
    // Two files written both ways round: one is the ladder (it was none, and import stopped
    // with "this is a bug").
    let imp = import(&fixture("review/r29/r2-both"), &[]);
    assert_eq!(level_titles(&imp), ["Deckhand", "Bosun", "Mate"]);
    // Criteria under bold lead-ins in a level's grade section are that level's pillars.
    let imp = import(&fixture("review/r29/r1-gradebold.md"), &[]);
    let watch = competency(&imp, "principal-keeper", "watchkeeping");
    assert!(watch.contains("Sets the watch rota"), "{watch}");
    // A template beside a README alone is the ladder asked for.
    let imp = import(&fixture("review/r29/r4-template-only"), &[]);
    assert_eq!(level_titles(&imp).len(), 3, "{}", imp.summary);
    // Levels written as folders are named by their folders, not `readme`, `readme-2`.
    let imp = import(&fixture("review/r29/r5-levelfolders2"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        [
            "01-library-assistant",
            "02-librarian",
            "03-senior-librarian",
            "04-head-of-library-services"
        ]
    );
}

/// Review 30's inputs (`review/r30/`): plausible ladders that this session's first versions
/// of the role, grade-value, sub-level and level-table rules read worse than before.
#[test]
fn review_30_ladders_keep_one_track_their_levels_and_their_pillars() {
    // Role files that a README lists as one ladder, in order, are that ladder.
    let imp = import(&fixture("review/r30/r5g-qa"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        [
            "qa-analyst",
            "senior-qa-analyst",
            "qa-engineer",
            "senior-qa-engineer",
            "qa-lead"
        ],
        "{}",
        imp.summary
    );
    // Staff and Principal beside two roles' junior … senior files continue them: one track,
    // not a track that starts at Staff.
    let imp = import(&fixture("review/r30/r5h-staff"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")).len(),
        1,
        "{}",
        imp.summary
    );
    // Tiers under a ladder's title, each over `### What we expect`, are levels.
    let imp = import(&fixture("review/r30/r7f-tiers.md"), &[]);
    assert_eq!(
        level_titles(&imp),
        ["Bronze", "Silver", "Gold"],
        "{}",
        imp.summary
    );
    // Archetypes lettered A and B are no grades, one above the other.
    let imp = import(&fixture("review/r30/r1b-archetypes.md"), &[]);
    assert!(
        content_ids(&imp.root.join("content/levels")).contains(&"staff-engineer".to_string()),
        "{}",
        imp.summary
    );
    // A bold label over an area file's list (`**Technique:**`) names the list, as the label
    // after it does: a note, not an expectation.
    let imp = import(&fixture("review/r30/r4c-labels"), &[]);
    let cell = competency(&imp, "intermediate", "lamination");
    assert!(!cell.contains("- **Technique:**"), "{cell}");
    assert!(cell.contains("**Technique:**"), "{cell}");
    let cell = competency(&imp, "junior", "lamination");
    assert!(!cell.contains("- **Basics**"), "{cell}");
    assert!(cell.contains("**Basics**"), "{cell}");
    // A table of expectations under `### Core Expectations` makes no pillar of a sentence.
    let imp = import(&fixture("review/r30/r9d-expectation-rows.md"), &[]);
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert!(
        !pillars.contains(&"writes-tested-readable-code".to_string()),
        "{pillars:?}"
    );
}

#[test]
fn review_33_new_rules_leave_alone_what_they_were_not_written_for() {
    let r33 = |name: &str| fixture(&format!("review/r33/{name}"));
    let pillars = |imp: &Imported| content_ids(&imp.root.join("content/pillars"));
    // R33-03: `## Every Day Tasks` is a skill, not what every level shares.
    let imp = import(&r33("every-day-tasks.md"), &[]);
    assert!(
        pillars(&imp).contains(&"every-day-tasks".to_string()),
        "{}",
        imp.summary
    );
    // R33-04: `## Becoming a Mentor` under every level is a pillar, not how one comes to
    // hold the level.
    let imp = import(&r33("becoming-pillar.md"), &[]);
    assert!(
        pillars(&imp).contains(&"becoming-a-mentor".to_string()),
        "{}",
        imp.summary
    );
    // R33-05: `**[B1] Baker:**` holds a grade's code, no flag like `[NEW]`.
    let imp = import(&r33("bracket-codes.md"), &[]);
    assert!(pillars(&imp).len() >= 3, "{}", imp.summary);
    // R33-12: lower-case Roman enumerators (`**ii. Jnr:**`) are left out as `a.` and `2)` are.
    let imp = import(&r33("roman-enumerators.md"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["jnr", "mid", "snr"],
        "{}",
        imp.summary
    );
    // R33-06: a level titled `Where You Start` is a level.
    let imp = import(&r33("how-title"), &[]);
    assert_eq!(ranked_levels(&imp).len(), 3, "{}", imp.summary);
}

#[test]
fn review_34_new_rules_leave_alone_what_they_were_not_written_for() {
    let r34 = |name: &str| fixture(&format!("review/r34/{name}"));
    let pillars = |imp: &Imported| content_ids(&imp.root.join("content/pillars"));
    // R34-01: a sign-off page of `Yes` / `No` beside the level files, and a RACI matrix of
    // `R`, `A`, `C`, `I`, grade nothing: no track of them.
    let imp = import(&r34("rota"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["junior-baker", "baker", "senior-baker"],
        "{}",
        imp.summary
    );
    let out = tempfile::tempdir().unwrap();
    let msg = refused(&r34("raci.md"), &out.path().join("out"));
    assert!(msg.contains("found no ladder"), "{msg}");
    // R34-02, R34-03: `Education` under every level of a teaching ladder, and `Definitions`,
    // are its pillars.
    let imp = import(&r34("education-pillar.md"), &[]);
    assert!(
        pillars(&imp).contains(&"education".to_string()),
        "{}",
        imp.summary
    );
    let imp = import(&r34("definitions-pillar.md"), &[]);
    assert!(
        pillars(&imp).contains(&"definitions".to_string()),
        "{}",
        imp.summary
    );
    // R34-04, R34-15: an HTML list indented under an expectation stays in it; an item that
    // starts with `*` or `1.` is text.
    let imp = import(&r34("nested-html-list.md"), &[]);
    let bread = competency(&imp, "junior-baker", "bread");
    assert!(!bread.contains("\n- Sourdough loaves"), "{bread}");
    let pastry = competency(&imp, "junior-baker", "pastry");
    assert!(
        pastry.contains("- \\* Laminates") && pastry.contains("- 1\\. Follows"),
        "{pastry}"
    );
    // R34-05: `At this level you will:` introduces a list; it names no pillar.
    let imp = import(&r34("lead-in-sentences.md"), &[]);
    assert!(
        !pillars(&imp).iter().any(|p| p.starts_with("at-this-level")),
        "{:?}",
        pillars(&imp)
    );
    // R34-06: `## H1/H2 Focus` (two half-years) is no level coded H1.
    let imp = import(&r34("span-codes.md"), &[]);
    assert!(
        !ranked_levels(&imp).contains(&"focus".to_string()),
        "{}",
        imp.summary
    );
    // R34-11: a fold titled `<summary><h3>Hive care</h3></summary>` is the pillar.
    let imp = import(&r34("html-heading-fold.md"), &[]);
    assert!(
        pillars(&imp).contains(&"hive-care".to_string()),
        "{}",
        imp.summary
    );
}

/// Review 35: inputs written to break this session's import rules (hunt 36's), each read as
/// the rules mean it.
#[test]
fn review_35_new_rules_leave_alone_what_they_were_not_written_for() {
    let r35 = |name: &str| fixture(&format!("review/r35/{name}"));
    let pillars = |imp: &Imported| content_ids(&imp.root.join("content/pillars"));
    // R35-01: `Deckhand (0 to 2 years)` and `Director (reports to Owner)` are levels, not
    // moves between roles.
    for (file, level) in [
        ("move-in-brackets.md", "deckhand-0-to-2-years"),
        ("reports-to.md", "director-reports-to-owner"),
    ] {
        let imp = import(&r35(file), &[]);
        assert!(
            ranked_levels(&imp).contains(&level.to_string()),
            "{}",
            imp.summary
        );
    }
    // R35-02: a grid whose levels are named alike with a word of text (`Junior Potter
    // criteria`) is a ladder.
    let imp = import(&r35("criteria-headers.md"), &[]);
    assert_eq!(ranked_levels(&imp).len(), 3, "{}", imp.summary);
    // R35-03: `Compensation and promotions`, a manager's competency, stays a pillar at every
    // level, whatever numbers its text holds.
    let imp = import(&r35("compensation-competency.md"), &[]);
    assert!(
        pillars(&imp).contains(&"compensation-and-promotions".to_string()),
        "{}",
        imp.summary
    );
    for level in ["shift-lead", "bakery-manager", "area-manager"] {
        assert!(!competency(&imp, level, "compensation-and-promotions").is_empty());
    }
    // R35-04: a track of roles, each level one labelled list, beside a richer track.
    let imp = import(&r35("delivery-track.md"), &[]);
    assert!(
        ranked_levels(&imp).contains(&"dispatcher".to_string()),
        "{}",
        imp.summary
    );
    // R35-05: a lone `—` is no rule: the cell is no gap, the pillar no heading in the level's
    // description.
    let imp = import(&r35("lone-dash.md"), &[]);
    let level = fs::read_to_string(imp.root.join("content/levels/baker.md")).unwrap();
    assert!(!level.contains("Leading others"), "{level}");
    // R35-06: bullets after two tabs are nested in the one above.
    let imp = import(&r35("nested-tab-bullets.md"), &[]);
    let dough = competency(&imp, "junior-baker", "dough-work");
    assert!(
        dough.contains("\n     - Uses the big scale for rye.") && !dough.contains('◦'),
        "{dough}"
    );
    // R35-08: one skill rated at two levels in a role's profile makes no ladder of it.
    let imp = import(&r35("skill-profile-repeat.md"), &[]);
    assert!(
        !ranked_levels(&imp).contains(&"awareness".to_string()),
        "{}",
        imp.summary
    );
    // R35-12, R35-13: untitled pages' titles hold no emphasis marker, and each is said in
    // the summary with why the section is a free page.
    for file in ["untitled-bold-italic.md", "three-untitled.md"] {
        let imp = import(&r35(file), &[]);
        let title = str_of(&front(&imp.root.join("content/studio-notes.md")), "title");
        assert_eq!(title, "Studio notes");
        assert!(
            imp.summary
                .contains("titled `Kiln notes` by its first line"),
            "{}",
            imp.summary
        );
    }
}

/// Review 36: inputs written to break the rules made after review 35, each read as meant.
#[test]
fn review_36_rules_leave_alone_what_they_were_not_written_for() {
    let r36 = |name: &str| fixture(&format!("review/r36/{name}"));
    let pillars = |imp: &Imported| content_ids(&imp.root.join("content/pillars"));
    // R36-01, R36-02: level files whose titles read as no level, sharing pillars with each
    // other beside a ladder's document (listed by a README that links out once too), are a
    // track.
    for (dir, level) in [
        ("level-files-beside-a-ladder", "bosun"),
        ("readme-with-a-link-out", "mastery"),
    ] {
        let imp = import(&r36(dir), &[]);
        assert!(
            ranked_levels(&imp).contains(&level.to_string()),
            "{}",
            imp.summary
        );
    }
    // R36-03: a role's second ladder (`### Crew` beside `### Officers`, the same pillars) is
    // a track, not a part of the role.
    let imp = import(&r36("crew-beside-officers.md"), &[]);
    assert!(
        ranked_levels(&imp).contains(&"deckhand".to_string()),
        "{}",
        imp.summary
    );
    // R36-04, R36-05: pay in a label with its currency in brackets, and pay written in words
    // at one level beside figures at the others, is in each level's description.
    for file in ["salary-in-brackets.md", "pay-in-words.md"] {
        let imp = import(&r36(file), &[]);
        assert_eq!(pillars(&imp), ["safety", "seamanship"], "{}", imp.summary);
    }
    // R36-06: lines without a colon under areas' headings (`## Seamanship` / `Deckhand`)
    // are no labels: the reading is the one before labels without colons were read.
    let imp = import(&r36("areas-over-roles.md"), &[]);
    assert!(
        !pillars(&imp).contains(&"deckhand".to_string()),
        "{}",
        imp.summary
    );
    // R36-07: lead-ins without a colon that open with a verb (`Should be able to`, `Still
    // learning`) are sentences about the list, no pillars.
    let imp = import(&r36("lead-ins-without-colons.md"), &[]);
    assert_eq!(pillars(&imp), ["expectations"], "{}", imp.summary);
}
