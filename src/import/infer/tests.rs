//! Which sections `find_levels` reads as levels, on small documents.
use super::*;
use crate::import::source::SourceDoc;

/// The titles of the levels `find_levels` finds in `md`, and whether they are plain.
fn levels_of(md: &str) -> Option<(Vec<String>, Vec<String>, bool)> {
    let src = SourceDoc::new("t.md", md.to_string());
    let d = build_doc(&src, 0, parse_blocks(&src.text, 0));
    let f = find_levels(&d)?;
    let t = |v: &[usize]| v.iter().map(|&s| heading_text(&d, s)).collect();
    Some((t(&f.levels), t(&f.own_pillars), f.plain))
}

#[test]
fn senior_levels_with_their_own_pillars_join_the_levels_but_a_guide_after_them_does_not() {
    let md = "## Engineer\n**Craft:**\n- a\n\n**Delivery:**\n- b\n\n\
              ## Senior Engineer\n**Craft:**\n- c\n\n**Delivery:**\n- d\n\n\
              ## Director\n**Vision:**\n- e\n\n**People:**\n- f\n\n\
              ## Reading this ladder\n**Why:**\n- g\n\n**How:**\n- h\n";
    let (levels, own, plain) = levels_of(md).unwrap();
    assert_eq!(levels, ["Engineer", "Senior Engineer", "Director"]);
    assert_eq!(own, ["Director"]);
    assert!(!plain);
}

#[test]
fn a_senior_level_with_prose_pillars_of_its_own() {
    let md = "## Engineer\n### Craft\n- a\n### Team\n- b\n\
              ## Senior Engineer\n### Craft\n- c\n### Team\n- d\n\
              ## Principal Engineer\n### Strategy\nPlans.\n\n### Influence\nAligns.\n";
    let (levels, own, _) = levels_of(md).unwrap();
    assert_eq!(levels.len(), 3);
    assert_eq!(own, ["Principal Engineer"]);
    let src = SourceDoc::new("t.md", md.to_string());
    let d = build_doc(&src, 0, parse_blocks(&src.text, 0));
    let principal = (1..d.secs.len())
        .find(|&s| heading_text(&d, s) == "Principal Engineer")
        .unwrap();
    assert_eq!(heading_pillars(&d, principal, &HashMap::new()).len(), 2);
}

#[test]
fn questions_titles_about_all_levels_and_uncoded_titles_beside_coded_levels_are_none() {
    // Sourcegraph's framework: `##` sections before the levels `IC1` … `IC3`.
    let md = "# Framework\n\n## Successful engineers at Sourcegraph\n\nSee the doc.\n\n## When do I get promoted?\n\nWhen it shows.\n\n## All Levels\n\n- Ships.\n\n## IC1\n\n- Impact: small.\n\n## IC2\n\n- Impact: medium.\n\n## IC3\n\n- Impact: large.\n";
    assert_eq!(levels_of(md).unwrap().0, ["IC1", "IC2", "IC3"]);
}

#[test]
fn a_bold_paragraph_over_a_list_names_its_pillar() {
    // dwarvesf's handbook: `**Technical**`, no colon, then the list.
    let level = |t: &str| {
        format!("### {t}\n\nAbout {t}.\n\n**Technical**\n\n- Writes code.\n\n**Execution**\n\n- Ships work.\n\n")
    };
    let md = format!(
        "## IC track\n\n{}{}",
        level("Junior Engineer"),
        level("Senior Engineer")
    );
    let (levels, _, plain) = levels_of(&md).unwrap();
    assert_eq!(levels, ["Junior Engineer", "Senior Engineer"]);
    assert!(!plain);
}

#[test]
fn bullets_that_start_with_the_same_plain_labels_name_the_pillars() {
    // Sourcegraph's framework: `- Impact: …` in every level, `- Teamwork:` over a nested
    // list; the section that defines the labels is a question, no level.
    let level = |t: &str| {
        format!("## {t}\n\n- Impact: Delivers {t} projects.\n- Teamwork:\n  - Mentors others at {t}.\n\n")
    };
    let md = format!(
        "# Framework\n\n## What are the expectations?\n\n- Impact: The difference made.\n- Teamwork: Working with others.\n\n{}{}{}",
        level("IC1"),
        level("IC2"),
        level("IC3")
    );
    let (levels, _, plain) = levels_of(&md).unwrap();
    assert_eq!(levels, ["IC1", "IC2", "IC3"]);
    assert!(!plain);
}

#[test]
fn levels_without_pillars_need_level_like_titles() {
    let md = "# Level 1\n\nDoes a.\n\nDoes b.\n\n# Level 2 #\n\nDoes c.\n\n# Authors\n\nUs.\n";
    let (levels, _, plain) = levels_of(md).unwrap();
    assert_eq!(levels, ["Level 1", "Level 2"]);
    // A level between two levels needs no level-like title.
    let md3 = "# Apprentice\n\n- a\n\n# Journeyman\n\n- b\n\n# Master craftsperson\n\n- c\n";
    assert_eq!(levels_of(md3).unwrap().0.len(), 3);
    // Examples under a level describe it; they do not make it hold pillars.
    let with_examples = md.replace("Does c.\n", "Does c.\n\n## Examples\n\nA case.\n");
    assert_eq!(levels_of(&with_examples).unwrap().0, ["Level 1", "Level 2"]);
    assert!(plain);
    // A README's sections are not levels.
    assert!(levels_of("# Ladder\n\n## The levels\n\n- a\n\n## TODO\n\nMore.\n").is_none());
    // Nor are those of an index that links the level files, whatever their titles.
    let index =
        "# Ladder\n\n## Junior level\n\n- [L1](L1.md)\n\n## Senior level\n\n- [L2](L2.md)\n";
    assert!(levels_of(index).is_none());
}

#[test]
fn numbered_bold_pillars_with_a_lead_in_or_nothing_under_one() {
    let md = "Intro.\n\n1. **Plans the work.** Keeps a roadmap.\n   1. Writes the plan.\n\
              2. **Builds a _healthy_** **team.**\n   - Holds one-to-ones.\n3. **Hires well.**\n";
    let src = SourceDoc::new("t.md", md.to_string());
    let d = build_doc(&src, 0, parse_blocks(&src.text, 0));
    let sh = single_level_shape(&d, 0).unwrap();
    assert!(matches!(sh, Shape::Numbered(_)));
    assert_eq!(
        keys(&d, 0, sh),
        ["plans the work", "builds a healthy team", "hires well"]
    );
    // A paragraph between two pillars does not end the pillars.
    let md = "1. **A**\n   1. x\n\nA note.\n\n2. **B**\n   1. y\n";
    let src = SourceDoc::new("t.md", md.to_string());
    let d = build_doc(&src, 0, parse_blocks(&src.text, 0));
    let sh = single_level_shape(&d, 0).unwrap();
    assert_eq!(keys(&d, 0, sh), ["a", "b"]);
    // Sub-items indented too little to nest are still under their pillar.
    let md = "1. **A**\n  1. x\n  2. y\n2. **B**\n  1. z\n";
    let src = SourceDoc::new("t.md", md.to_string());
    let d = build_doc(&src, 0, parse_blocks(&src.text, 0));
    let sh = single_level_shape(&d, 0).unwrap();
    assert_eq!(keys(&d, 0, sh), ["a", "b"]);
    // Bold labels with no list under most of them are labelled bullets, not pillars.
    let md = "1. **Adopts**: a\n2. **Leads**: b\n   - c\n3. **Teaches**: d\n";
    let src = SourceDoc::new("t.md", md.to_string());
    let d = build_doc(&src, 0, parse_blocks(&src.text, 0));
    assert!(!matches!(shape(&d, 0), Some(Shape::Numbered(_))));
}

#[test]
fn pillars_deeper_down_in_a_level_file() {
    let md = "# L2\n\n### Overview\n\nText.\n\n### Responsibilities\n\n#### Impact\n\nShips.\n\n\
              #### Ownership\n\nOwns.\n\n### Anti-patterns\n\n- Hides.\n";
    let src = SourceDoc::new("L2.md", md.to_string());
    let d = build_doc(&src, 0, parse_blocks(&src.text, 0));
    assert_eq!(single_level_shape(&d, 1), Some(Shape::Nested));
    // Lists under Overview and Anti-patterns do not make them the pillars.
    let md = md.replace("Text.", "- Text.");
    let src = SourceDoc::new("L2.md", md.clone());
    let d2 = build_doc(&src, 0, parse_blocks(&src.text, 0));
    assert_eq!(single_level_shape(&d2, 1), Some(Shape::Nested));
    let (pillars, about) = nested_pillars(&d, 1);
    let t = |v: &[usize]| v.iter().map(|&s| heading_text(&d, s)).collect::<Vec<_>>();
    assert_eq!(t(&pillars), ["Impact", "Ownership"]);
    assert_eq!(t(&about), ["Overview", "Anti-patterns"]);
    assert!(level_like("L2") && level_like("Senior Analyst") && !level_like("Authors"));
    assert!(descriptive("🚫 Common Anti-Patterns") && descriptive("Overview of the role"));
    assert!(!descriptive("Impact") && !descriptive("Technical overviewing"));
    // A question in Chinese (`？`, who is it?) describes; one asking which skills are
    // expected names its area.
    assert!(descriptive("它是谁？") && !level_like("它是谁？"));
    assert!(!descriptive("期望具备哪些通用技能？"));
}

#[test]
fn a_level_after_the_last_continues_their_codes_by_one_and_names_a_level() {
    let before = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let p = before(&["P1", "P2", "P3"]);
    assert!(levels::next_code("P4", p.clone().into_iter()));
    assert!(levels::next_code(
        "IC6 - Senior Staff Engineer",
        before(&["IC4", "IC5"]).into_iter()
    ));
    // Review 31 F13, F14: a quarter's goals after three quarters', or a jump in the numbers.
    assert!(!levels::next_code(
        "Q4 Goals",
        before(&["Q1", "Q2", "Q3"]).into_iter()
    ));
    assert!(!levels::next_code("P4 Roadmap", p.clone().into_iter()));
    assert!(!levels::next_code("P10", p.clone().into_iter()));
    assert!(!levels::next_code("M4", p.clone().into_iter()));
    assert!(!levels::next_code("P2", p.into_iter()));
}
