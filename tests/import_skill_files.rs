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
