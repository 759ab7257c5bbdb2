//! `ladderbook import` on skill-first ladders written the way documents export them: one
//! section per skill, each level of it a bold line over a sentence that sums the level up and
//! a list (`### Code review` / `**Step 2 - Engineer**` / a sentence / `* …`), in one file or in
//! a folder of one file per skill group. Each test states where a reader of the source would
//! put every expectation.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// The expectations of a file written `### Skill` / `**Level**` / sentence / `* item`: each
/// item under its level and skill, and each summing-up sentence beside them.
fn skill_items(text: &str) -> (Vec<Exp>, Vec<(String, String, String)>) {
    let (mut skill, mut level) = (String::new(), String::new());
    let (mut exps, mut sums) = (Vec::new(), Vec::new());
    let mut after_level = false;
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            skill = h.trim_end_matches('#').trim().to_string();
        } else if let Some(l) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
            level = l.to_string();
            after_level = true;
        } else if let Some(item) = line.strip_prefix("* ") {
            exps.push(Exp {
                level: words(&level),
                pillar: skill.clone(),
                text: item.to_string(),
            });
        } else if after_level && !line.trim().is_empty() {
            sums.push((level.clone(), skill.clone(), line.to_string()));
            after_level = false;
        }
    }
    (exps, sums)
}

#[test]
fn bold_level_lines_over_a_summing_up_sentence_are_the_levels_of_each_skill() {
    // With a sentence between the bold level name and its list, the file was refused: "found
    // no ladder in this file".
    let src = fixture("sections/bold-level-paragraphs.md");
    let (exps, sums) = skill_items(&fs::read_to_string(&src).unwrap());
    assert_eq!((exps.len(), sums.len()), (10, 6));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The sentence that sums a level up in a skill stays in that cell, beside its list.
    let ids = [
        "step-1-associate-engineer",
        "step-2-engineer",
        "step-3-senior-engineer",
    ];
    for (level, skill, sum) in &sums {
        let id = ids
            .iter()
            .find(|id| words(&id.replace('-', " ")) == words(level))
            .unwrap();
        let pillar = if skill.starts_with("On-call") {
            "on-call-and-incidents-ops"
        } else {
            "code-review-rev"
        };
        assert!(
            competency(&imp, id, pillar).contains(sum.as_str()),
            "{id}/{pillar} lacks `{sum}`"
        );
    }
    let ranks: Vec<i64> = ids.iter().map(|id| level_rank(&imp, id)).collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
}

/// The expectations of level files written as skills with fields (`### Skill (CODE)` /
/// `**Overall Description:**` / … / `**Level 2 Attainment:**`): what follows the level's
/// field, up to the next field or rule, in that skill's cell of the file's level (the file's
/// `# ` title).
fn field_expectations(dir: &std::path::Path) -> Vec<Exp> {
    let mut exps = Vec::new();
    for (_, text) in markdown_sources(dir) {
        let (mut level, mut skill) = (String::new(), String::new());
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if let Some(t) = line.strip_prefix("# ") {
                level = t.to_string();
            } else if let Some(s) = line.strip_prefix("### ") {
                skill = s.to_string();
            } else if line.starts_with("**Level ") && line.ends_with(" Attainment:**") {
                // A sentence per line: each is an expectation.
                while let Some(l) = lines.next_if(|l| *l != "---" && !l.starts_with("**")) {
                    if !l.trim().is_empty() {
                        exps.push(Exp {
                            level: words(&level),
                            pillar: skill.clone(),
                            text: l.trim().to_string(),
                        });
                    }
                }
            }
        }
    }
    exps
}

#[test]
fn level_files_whose_skills_are_written_as_fields_are_levels_with_the_skills_as_pillars() {
    // A family folder of one file per level, each listing the skills of the shared catalogue
    // at that level (`### Data modelling (DTAN)` with its reference, category, description
    // and `**Level 3 Attainment:**`). Each file became a track of its own, whose "levels"
    // were the skills and whose pillars were the field labels; the level with no skills yet
    // was a free page.
    let dir = fixture("folders/skill-fields");
    let exps = field_expectations(&dir);
    assert_eq!(exps.len(), 6);
    let imp = import(&dir, &[]);
    assert_placed(&imp, &exps, &[]);
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert_eq!(
        pillars,
        [
            "data-modelling-dtan",
            "mentoring-ment",
            "pipeline-operations-pipe"
        ]
    );
    // One track, named as its level of that name writes it, with every file a level ranked
    // by the code its fields give, the one with no skills among them.
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 1);
    assert_eq!(str_of(&front(&tracks[0].1), "title"), "Data Engineer");
    let levels = ["level-1-associate", "level-2-engineer", "level-3-senior"];
    assert_eq!(content_ids(&imp.root.join("content/levels")), levels);
    for (n, id) in levels.iter().enumerate() {
        let f = front(&imp.root.join(format!("content/levels/{id}.md")));
        assert_eq!(str_of(&f, "code"), format!("Level {}", n + 1));
        assert_eq!(level_rank(&imp, id), n as i64 + 1);
    }
    // The fields about a skill describe its pillar; the level's page keeps its overview
    // before the sentence that leads into the skills, as the source has them.
    let pillar_page = words(
        &fs::read_to_string(imp.site.join("pillars/pipeline-operations-pipe/index.html")).unwrap(),
    );
    assert!(pillar_page.contains("keeping scheduled data jobs running"));
    assert!(pillar_page.contains("covers alerting backfills"));
    let level = fs::read_to_string(imp.root.join("content/levels/level-3-senior.md")).unwrap();
    let overview = level.find("Leads the design of whole pipelines").unwrap();
    assert!(
        overview < level.find("Each skill below").unwrap(),
        "{level}"
    );
    let associate =
        words(&fs::read_to_string(imp.site.join("levels/level-1-associate/index.html")).unwrap());
    assert!(
        associate.contains("learning the team s pipelines"),
        "{associate}"
    );
}

#[test]
fn a_table_per_skill_with_its_milestones_down_is_one_ladder_also_in_gitbook_tabs() {
    // GitBook's tabs, one per skill (`{% tab title="Instruments" %}`), each holding `|
    // Milestone | Explanation |` with a row per milestone, under group headings. The file was
    // refused ("found no ladder"), and the tags showed as text on its pages.
    let src = fixture("tables/milestone-tabs.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut skill, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(t) = line.strip_prefix("{% tab title=\"") {
            skill = t.split('"').next().unwrap().to_string();
        } else if let Some(row) = line.strip_prefix("| ") {
            let cells: Vec<&str> = row.trim_end_matches(" |").split(" | ").collect();
            let n = cells[0].trim_matches('`');
            if n.parse::<u32>().is_ok() {
                exps.push(Exp {
                    level: words(&format!("Milestone {n}")),
                    pillar: skill.clone(),
                    text: cells[1].to_string(),
                });
            }
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let levels = ["milestone-1", "milestone-2", "milestone-3"];
    assert_eq!(content_ids(&imp.root.join("content/levels")), levels);
    let ranks: Vec<i64> = levels.iter().map(|id| level_rank(&imp, id)).collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    // One track, the document's, not the last group's.
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 1);
    assert_eq!(
        str_of(&front(&tracks[0].1), "title"),
        "Lab Engineering Growth Framework"
    );
    // No tag is shown as text; the hint's text and the row that describes a skill are kept.
    let site = site_words(&imp.site);
    assert!(
        !site.contains("endtab") && !site.contains("tab title"),
        "{site}"
    );
    assert!(site.contains("talk to your lead before you start"));
    assert!(site.contains("keeping measurements complete labelled and easy to find"));
    assert!(imp.summary.contains("GitBook"), "{}", imp.summary);
}

/// The items of skills written the other way round with coded level names (`### Baking` /
/// `**LVL 1 - Junior baker**` / `* item`), each in its skill and level; the roles after a
/// comma in a name (`LVL 2 - Cook, Trainer`) are not the level's.
fn coded_skill_items(text: &str) -> Vec<Exp> {
    let (mut skill, mut level, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            skill = h.to_string();
        } else if let Some(name) = line.strip_prefix("**LVL ") {
            let name = name.trim_end_matches("**").split_once(" - ").unwrap().1;
            level = words(name.split(", ").next().unwrap());
        } else if let Some(item) = line.strip_prefix("* ") {
            exps.push(Exp {
                level: level.clone(),
                pillar: skill.clone(),
                text: item.to_string(),
            });
        }
    }
    exps
}

#[test]
fn names_with_one_level_code_and_added_roles_are_one_level() {
    // `**LVL 2 - Cook, Trainer**` in one skill and `**LVL 2 - Cook**` in another were two
    // levels, ranked in the order first met, most of their cells empty.
    let src = fixture("sections/coded-names-with-roles.md");
    let exps = coded_skill_items(&fs::read_to_string(&src).unwrap());
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let levels = content_ids(&imp.root.join("content/levels"));
    assert_eq!(levels, ["cook", "junior-cook", "senior-cook"]);
    assert!(level_rank(&imp, "junior-cook") < level_rank(&imp, "cook"));
    assert!(level_rank(&imp, "cook") < level_rank(&imp, "senior-cook"));
    assert!(
        imp.summary.contains(
            "`LVL 3 - Senior cook, Menu lead, Buyer` has the code of level `LVL 3 - Senior cook`"
        ),
        "{}",
        imp.summary
    );
}

#[test]
fn a_file_per_skill_written_the_other_way_round_is_a_pillar_of_one_track() {
    // `### Baking (BK)` over `**LVL 1 - Junior baker**` and its list, one skill per file:
    // each file was a level (the skill) whose pillars were the level names.
    let dir = fixture("folders/skill-per-file-named-levels");
    let exps: Vec<Exp> = markdown_sources(&dir)
        .iter()
        .flat_map(|(_, text)| coded_skill_items(text))
        .collect();
    assert_eq!(exps.len(), 9);
    let imp = import(&dir, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["baker", "junior-baker", "senior-baker"]
    );
    assert!(level_rank(&imp, "junior-baker") < level_rank(&imp, "baker"));
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 3);
    assert!(
        !imp.summary.contains("a one-level document"),
        "{}",
        imp.summary
    );
}
