//! Level headings that name promotion steps (`Progressing from Deckhand → Lamp Keeper`): each
//! is read as the level it leads to. Hunt 40 found gemba's transition pages read that way only
//! where the level before the arrow had a word of a role (`Senior (Lead) → Principal`), so one
//! track mixed steps with levels, and the summary said all were read as levels (H40-01).

mod common;
mod import_support;
use common::*;
use import_support::*;

#[test]
fn every_step_of_a_track_is_read_as_the_level_it_leads_to() {
    let src = fixture("folders/steps-named-by-trade");
    let mut exps = Vec::new();
    for (path, text) in markdown_sources(&src) {
        let heading = text.lines().next().unwrap().trim_start_matches("# ");
        let target = heading.rsplit("→ ").next().unwrap();
        let mut pillar = String::new();
        for line in text.lines() {
            if let Some(p) = line.strip_prefix("## ") {
                pillar = p.to_string();
            } else if let Some(item) = line.strip_prefix("- ") {
                exps.push(Exp {
                    level: words(target),
                    pillar: pillar.clone(),
                    text: item.to_string(),
                });
            }
        }
        assert!(!pillar.is_empty(), "{}", path.display());
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let ranked = ranked_titles(&imp);
    assert_eq!(ranked, ["Lamp Keeper", "Senior Keeper", "Principal Keeper"]);
    assert!(
        imp.summary.contains("name promotion steps (`Progressing from Deckhand → Lamp Keeper`): each is read as the level it leads to (`Lamp Keeper`)"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_level_titled_with_an_arrow_beside_steps_is_no_step() {
    // Review 39 R39-09: beside `Stagehand I → Stagehand II`, the top level `Stage Manager:
    // from chaos → order` was read as a step and titled `Stage Manager: order`.
    let imp = import(&fixture("sections/steps-beside-an-arrow.md"), &[]);
    let ranked = ranked_titles(&imp);
    assert_eq!(
        ranked,
        [
            "Stagehand II",
            "Stagehand III",
            "Stage Manager: from chaos → order"
        ]
    );
}
