//! `ladderbook import` of levels whose bullets start with bold labels (`- **Role**: …`),
//! where the levels do not all give the same labels (hunt 17): a level that leaves a label
//! out, and a labelled note after the last level; and a level that writes one plain label's
//! text on its line (`- Safety: …`) where the others nest a list under it.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// The fixture's labelled bullets as expectations: `- **Label**: text` is one, and a label
/// with nothing after it has its nested items.
fn labelled(text: &str) -> Vec<Exp> {
    let (mut level, mut label, mut out) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = words(h);
        } else if let Some((l, said)) = line.strip_prefix("- **").and_then(|l| l.split_once("**:"))
        {
            label = l.to_string();
            if !said.trim().is_empty() {
                out.push(Exp {
                    level: level.clone(),
                    pillar: label.clone(),
                    text: said.trim().to_string(),
                });
            }
        } else if let Some(item) = line.strip_prefix("  - ") {
            out.push(Exp {
                level: level.clone(),
                pillar: label.clone(),
                text: item.to_string(),
            });
        }
    }
    out
}

#[test]
fn a_level_that_leaves_a_label_out_keeps_its_bullets_under_their_labels() {
    // S3 has no **Focus**: its expectations were filed under a pillar "Focus / Expectations"
    // and its notes under "Expectations / Notes", by position.
    let src = fixture("sections/labels-added-later.md");
    let exps = labelled(&fs::read_to_string(&src).unwrap());
    assert_eq!(exps.len(), 14);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["expectations", "focus", "notes", "role"]
    );
}

#[test]
fn a_labelled_note_after_the_last_level_is_no_pillar_of_it() {
    // `**Caution**: …` after Director made it Director's only pillar, its bullets its
    // description, and the summary said Director "shares no pillars with the other levels".
    let src = fixture("sections/closing-note.md");
    let exps = labelled(&fs::read_to_string(&src).unwrap());
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["duties", "role"]
    );
    assert!(
        !imp.summary.contains("shares no pillars"),
        "{}",
        imp.summary
    );
    let director = fs::read_to_string(imp.root.join("content/levels/director.md")).unwrap();
    assert!(
        director.contains("little is published about this track"),
        "{director}"
    );
}

#[test]
fn a_label_whose_value_starts_in_bold_is_still_a_pillar() {
    // `* **AI use:** **The learner.** …` was read as one label "AI use: The learner.", and
    // the level's three pillars as one `Expectations` pillar.
    let src = fixture("sections/label-value-bold.md");
    let text: String = fs::read_to_string(&src)
        .unwrap()
        .lines()
        .map(|l| match l.strip_prefix("* **") {
            Some(rest) => format!("- **{}\n", rest.replacen(":**", "**:", 1)),
            None => format!("{l}\n"),
        })
        .collect();
    let exps = labelled(&text);
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["ai-use", "focus", "ownership"]
    );
}

#[test]
fn labelled_paragraphs_after_labelled_bullets_at_every_level_are_pillars() {
    // Two labelled paragraphs under the bullets are pillars beside them, not a note.
    let imp = import(
        &fixture("sections/labelled-paragraphs-after-bullets.md"),
        &[],
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["collaboration", "scope", "technical-skills", "years"]
    );
}

#[test]
fn a_label_renamed_at_one_level_keeps_its_place() {
    // Senior Engineer writes `Influence` where the others write `Impact`: by name it was a
    // pillar of one level, and Impact a gap there.
    let imp = import(&fixture("sections/label-renamed-at-one-level.md"), &[]);
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert_eq!(pillars.len(), 3, "{pillars:?}");
    assert!(imp.summary.contains("in 15 of 15 cells"), "{}", imp.summary);
}

#[test]
fn how_long_people_stay_describes_the_level_and_is_no_pillar() {
    // `**Timeline to next level:**`, `**Timeline to E3:**`, `**Timeline to E4:**` were a
    // pillar each, filled at one level and a gap at the others.
    let imp = import(&fixture("sections/timeline-labels.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["core-skills", "technical-skills"]
    );
    let e2 = fs::read_to_string(imp.root.join("content/levels/engineer.md")).unwrap();
    assert!(e2.contains("18-36 months"), "{e2}");
}

#[test]
fn a_pillar_written_inline_at_one_level_is_the_same_pillar_as_at_the_others() {
    // Hunt 22 H3: D1 writes `- Safety: …` on the label's line where the other levels nest
    // a list under `- Safety:`. D1 got pillars of its own (`seamanship`, `safety`,
    // `teamwork` beside `seamanship-2` … for D2 and D3), so no pillar or comparison held
    // all three levels.
    let src = fixture("sections/inline-label.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ").filter(|h| *h != "Levels") {
            level = words(h);
        } else if let Some((label, said)) = line.strip_prefix("- ").and_then(|l| l.split_once(':'))
        {
            pillar = label.to_string();
            if !said.trim().is_empty() {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: pillar.clone(),
                    text: said.trim().to_string(),
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
    assert_eq!(exps.len(), 17);
    let imp = import(&src, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["safety", "seamanship", "teamwork"]
    );
    assert_placed(&imp, &exps, &[]);
    let safety = competency(&imp, "d1", "safety");
    assert!(
        body(&safety).trim() == "- Knows where every life jacket on the deck is stowed.",
        "{safety}"
    );
}

#[test]
fn one_labelled_item_leading_into_its_list_still_names_its_pillar() {
    // Review 27 H1: with each pillar a one-item list (`- **Rescue:** Trainees take part
    // in:` over its items), split from the next by a paragraph, the whole ladder became one
    // level whose pillars were the three levels. A name over a statement of its own (a
    // table's cell with its score under it) is an expectation; one over a lead-in is a pillar.
    let imp = import(&fixture("sections/lead-in-pillars.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["crew-commander", "firefighter", "trainee-firefighter"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["firefighting", "rescue"]
    );
    let rescue = competency(&imp, "firefighter", "rescue");
    assert!(
        rescue.contains("The cutting team at a road traffic collision."),
        "{rescue}"
    );
}
