//! Titles and sections around the levels of real ladders that read wrong (hunt 16): a
//! reading list under the last level, a guide whose title starts with a number, promotion
//! steps named twice, and each domain's progression under one repeated heading; and roles
//! graded by Roman numerals (`Midwife II`) whatever the role; and a track's first levels
//! titled by the job alone (`Box Office`), written as the levels after them are.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// The codes of the import's levels, by track and rank.
fn level_codes(imp: &Imported) -> Vec<String> {
    ranked_levels(imp)
        .iter()
        .map(|id| {
            str_of(
                &front(&imp.root.join(format!("content/levels/{id}.md"))),
                "code",
            )
        })
        .collect()
}

#[test]
fn a_reading_list_under_the_last_level_leaves_it_its_labelled_pillars() {
    // `#### Further reading` under Head Chef made it "a level with pillars of its own", its
    // labelled bullets its description and the two links its only expectations.
    let src = fixture("sections/closing-references.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = words(h);
        } else if let Some((label, said)) =
            line.strip_prefix("- **").and_then(|l| l.split_once("**: "))
        {
            exps.push(Exp {
                level: level.clone(),
                pillar: label.to_string(),
                text: said.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["span", "summary", "work"]
    );
    // The reading list is still on the site.
    assert!(site_words(&imp.site).contains("a guide to kitchen ranks"));
}

#[test]
fn a_guide_titled_with_a_number_beside_a_ladder_is_a_free_page_not_a_level() {
    // `# 360 Feedback` was a track of its own whose one level ranked 360.
    let imp = import(&fixture("sections/numbered-guide"), &[]);
    assert_eq!(content_ids(&imp.root.join("content/tracks")), ["ranks"]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["assistant", "designer"]
    );
    let guide = words(&fs::read_to_string(imp.site.join("360-feedback/index.html")).unwrap());
    assert!(guide.contains("share the themes not the names"), "{guide}");
}

#[test]
fn a_promotion_step_named_twice_leads_to_the_level_both_names_reach() {
    // `### Junior → Mid (Helper → Fitter)`: the step was read to `Fitter)` (the last arrow,
    // inside the parenthesis), or not read as a step at all.
    let imp = import(&fixture("sections/step-parentheses.md"), &[]);
    let mut got = titles(&imp.root.join("content/levels"));
    got.sort();
    assert_eq!(
        got,
        [
            "Master Fitter",
            "Mid (Fitter)",
            "Principal (Foreman)",
            "Senior (Lead Fitter)"
        ]
    );
    // A step to a code is that code, titled by the other name (`L5: Master Fitter`).
    let master = front(&imp.root.join("content/levels/master-fitter.md"));
    assert_eq!(str_of(&master, "code"), "L5");
    let ranks: Vec<i64> = ["mid-fitter", "senior-lead-fitter", "principal-foreman"]
        .iter()
        .map(|id| level_rank(&imp, id))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
}

#[test]
fn tracks_under_one_repeated_heading_are_titled_by_the_section_each_is_in() {
    // Each domain's `### Learning Progression` made a track, every one titled `Learning
    // Progression`, so the menu listed the same name twice.
    let imp = import(&fixture("sections/repeated-progressions.md"), &[]);
    let mut got = titles(&imp.root.join("content/tracks"));
    got.sort();
    assert_eq!(got, ["Bread", "Pastry"]);
}

#[test]
fn a_code_before_its_title_in_brackets_is_the_code_and_the_title() {
    // `### E1 (Junior Engineer)` and a table's `M1 (Manager)` were titled `(Junior
    // Engineer)` and `(Manager)`, brackets and all, on every page and in the picker.
    for (fixture_name, expected) in [
        (
            "sections/code-then-title.md",
            [
                ("E1", "Junior Engineer"),
                ("E2", "Engineer"),
                ("E3", "Senior Engineer"),
            ],
        ),
        (
            "tables/code-then-title.md",
            [
                ("M1", "Manager"),
                ("M2", "Senior Manager"),
                ("M3", "Director"),
            ],
        ),
    ] {
        let imp = import(&fixture(fixture_name), &[]);
        let mut got: Vec<(String, String)> = content_files(&imp.root.join("content/levels"))
            .iter()
            .map(|(_, p)| {
                let f = front(p);
                (str_of(&f, "code"), str_of(&f, "title"))
            })
            .collect();
        got.sort();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(c, t)| (c.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, expected, "{fixture_name}");
    }
}

#[test]
fn a_heading_that_wraps_each_levels_pillars_is_no_level() {
    // `### Junior analyst` / `#### Skills for this level` / `##### Querying`: each wrapper
    // was a level of its own, on a track named by the real level, and a level that left
    // the wrapper out was a free page.
    for name in [
        "sections/wrapper-heading.md",
        "sections/wrapper-heading-left-out.md",
    ] {
        let src = fixture(name);
        let text = fs::read_to_string(&src).unwrap();
        let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("### ") {
                level = words(h);
                pillar.clear();
            } else if let Some(h) = line.strip_prefix("##### ") {
                pillar = h.to_string();
            } else if line.starts_with("You ") && !pillar.is_empty() {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: pillar.clone(),
                    text: line.to_string(),
                });
            }
        }
        assert_eq!(exps.len(), 6, "{name}");
        let imp = import(&src, &[]);
        assert_placed(&imp, &exps, &[]);
        assert_eq!(
            titles(&imp.root.join("content/levels")),
            ["Analyst", "Junior analyst", "Senior analyst"],
            "{name}"
        );
        assert_eq!(
            content_files(&imp.root.join("content/tracks")).len(),
            1,
            "{name}"
        );
    }
}

#[test]
fn a_level_alone_under_each_track_heading_is_no_wrapper() {
    // `## Backend` / `### Senior` / `#### Craft` and the same under Frontend: `Senior` was
    // taken for a wrapper, and Backend and Frontend for levels.
    let imp = import(&fixture("sections/one-level-per-track.md"), &[]);
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 2);
    assert!(titles(&imp.root.join("content/levels"))
        .iter()
        .all(|t| t == "Senior"));
}

#[test]
fn a_role_graded_by_roman_numerals_is_a_level_whatever_the_role() {
    // Hunt 24 H5: `## Librarian I`, `## Librarian II`, `## Senior Librarian` over lists were
    // one level, named after the document, whose pillars were the three levels; only roles
    // import knew by name (`Writer I`) were levels. `Appendix I` names no one.
    let imp = import(&fixture("sections/numbered-roles.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["midwife-i", "midwife-ii", "senior-midwife"],
        "{}",
        imp.summary
    );
    assert!(level_rank(&imp, "midwife-ii") < level_rank(&imp, "senior-midwife"));
}

#[test]
fn a_time_graded_by_roman_numerals_is_no_level() {
    // Review 28 H1: a community midwife's `## Trimester I` … `## Trimester III` became three
    // levels, and the midwife's own level was gone: `-er` ends times and things too.
    let imp = import(&fixture("sections/trimesters.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["community-midwife"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["trimester-i", "trimester-ii", "trimester-iii"]
    );
}

/// A ladder titled `T5/L5 = Senior Deckhand / Watch Lead` … `L8 = Chief Mate`, as a
/// technical-leadership ladder writes its levels (hunt 34 H34-09, H34-10): the two coded with
/// a pair of codes were free pages "whose title names no level or role", and the others were
/// titled "= Mate".
#[test]
fn levels_coded_with_a_pair_of_codes_or_an_equals_sign_are_levels_titled_after_it() {
    let imp = import(&fixture("names/codes-joined.md"), &[]);
    assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
    let titles = ranked_titles(&imp);
    assert_eq!(
        titles,
        [
            "Senior Deckhand / Watch Lead",
            "Staff Deckhand / Senior Watch Lead",
            "Mate",
            "Chief Mate"
        ]
    );
    assert!(common::page(&imp.site, "levels/mate/").contains("Takes the bridge watch alone."));
    // Browser check 37 B37-13: `T5/L5` keeps the code of its track's letters, L5, not T5.
    let codes = level_codes(&imp);
    assert_eq!(codes, ["L5", "L6", "L7", "L8"]);
}

#[test]
fn a_heading_that_only_says_it_defines_the_levels_titles_no_track() {
    // `## 2. Detailed Level Definitions` over `### Level 1: PICKER` …: the track was titled
    // `Detailed Level Definitions`, where `## Levels` gives the document's title.
    let imp = import(&fixture("sections/level-definitions.md"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Orchard Skills Grid"]
    );
}

#[test]
fn a_first_heading_naming_the_family_of_roles_is_the_documents_title() {
    // `# Irrigation Engineers` over its introduction, at the depth of `# L1 - Irrigation
    // Engineer` …: it was the most junior level, with no expectations, for sharing the
    // levels' role word.
    let src = fixture("sections/role-family-title.md");
    let imp = import(&src, &[]);
    let codes = level_codes(&imp);
    assert_eq!(codes, ["L1", "L2", "L3"], "{}", imp.summary);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Irrigation Engineers"]
    );
    let track = fs::read_to_string(imp.root.join("content/tracks/role-family-title.md")).unwrap();
    assert!(track.contains("from their first season"), "{track}");
    // A discipline in the plural over levels of other roles (`# Pump Engineers` over `# L1
    // - Pump Operator`, as kolbis' `# Product Engineers` over `# L3 IC - Product Owner`).
    let imp = import(&fixture("sections/discipline-family-title.md"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["pump-operator", "senior-pump-operator", "head-of-pumps"],
        "{}",
        imp.summary
    );
}

#[test]
fn levels_not_written_yet_after_the_last_are_levels_by_their_numbers() {
    // `### Level 4: Head Gardener` and `### Level 5: …` over "Level descriptions to be
    // defined." after Level 3 (Mattermost's analyst ladder, hunt 39 H39-02, H39-03): free
    // pages, where a code that continues the others (`P4`) made a level, and only the first
    // of two.
    let src = fixture("sections/placeholder-levels.md");
    let imp = import(&src, &[]);
    let titles = ranked_titles(&imp);
    let codes: Vec<(String, String)> = level_codes(&imp).into_iter().zip(titles).collect();
    let written: Vec<(String, String)> = fs::read_to_string(&src)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .map(|h| {
            let (code, title) = h.split_once(": ").unwrap();
            (code.to_string(), title.to_string())
        })
        .collect();
    assert_eq!(codes, written, "{}", imp.summary);
    let head = fs::read_to_string(imp.root.join("content/levels/head-gardener.md")).unwrap();
    assert!(head.contains("Level descriptions to be defined."), "{head}");
}

#[test]
fn a_track_s_first_levels_titled_by_the_job_alone_are_levels() {
    // Hunt 41 H41-01: `## Customer Support` and `## Technical Support`, written as the
    // `… Manager` levels after them are (each list ending with the pay scale's role name),
    // were free pages, and the track started at its third level.
    let src = fixture("sections/first-levels-by-job.md");
    let imp = import(&src, &[]);
    assert_eq!(
        ranked_titles(&imp),
        [
            "Box Office",
            "Props Table",
            "Stage Manager",
            "Production Manager",
            "Theatre Manager"
        ],
        "{}",
        imp.summary
    );
    assert!(!imp.root.join("content/box-office.md").exists());
    let text = fs::read_to_string(&src).unwrap();
    let sells = "Sells and exchanges tickets for every show of the season.";
    assert!(text.contains(sells));
    assert!(competency(&imp, "box-office", "expectations").contains(sells));
    assert!(
        imp.summary
            .contains("`Box Office`, `Props Table` name no level, but are written as the levels after them are"),
        "{}",
        imp.summary
    );
}
