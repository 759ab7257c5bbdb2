//! `ladderbook import` of a roles-and-skills JSON file, as growth-framework apps keep their
//! ladder: `skills` (id, title, details) and `roles` (title, description, and each skill's
//! Markdown `details`). The file is our own, in that shape. The test reads it with serde_json
//! and checks each role's details are on its level's page under the skill's pillar.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;

#[test]
fn roles_are_levels_and_skills_pillars_a_track_per_code_letter() {
    let src = fixture("roles.json");
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&src).unwrap()).unwrap();
    let title_of = |id: &str| {
        json["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["title"].as_str().unwrap().to_string())
            .unwrap()
    };
    let mut exps = Vec::new();
    for role in json["roles"].as_array().unwrap() {
        for skill in role["skills"].as_array().unwrap() {
            let details = skill["details"].as_str().unwrap();
            // Paragraphs and list items are expectations; a list under a bold label is
            // that label's note.
            let mut under_label = false;
            for chunk in details.split("\n\n") {
                if chunk.starts_with("**") {
                    under_label = true;
                    continue;
                }
                for line in chunk.lines() {
                    if under_label {
                        continue;
                    }
                    // `Builder B1` is the level `Builder`, code B1.
                    let (title, code) = role["title"].as_str().unwrap().rsplit_once(' ').unwrap();
                    exps.push(Exp {
                        level: words(&format!("{code} {title}")),
                        pillar: title_of(skill["id"].as_str().unwrap()),
                        text: line.trim_start_matches("- ").to_string(),
                    });
                }
                under_label = false;
            }
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The code ending a role's title is its code, shown beside the title, not in it too
    // (hunt 23 L4: "Builder B1 B1" on the home page, "Builder B1 (B1)" as the page's title).
    let f = front(&imp.root.join("content/levels/builder-1.md"));
    assert_eq!(
        (str_of(&f, "title"), str_of(&f, "code")),
        ("Builder".into(), "B1".into())
    );
    let page = page(&imp.site, "levels/builder-1/");
    assert!(page.contains("<title>Builder (B1) · "), "{page}");
    // The example behaviours are on the page, as the label's note.
    assert!(page.contains("Added a missing test"), "{page}");
    // Builders B1–B3 and Leader L1 are two tracks; B3, written after L1, is the third builder.
    let rank = |id: &str| {
        let f = front(&imp.root.join(format!("content/levels/{id}.md")));
        (str_of(&f, "track"), f["rank"].as_integer().unwrap())
    };
    assert_eq!(rank("builder-3"), ("builder".to_string(), 3));
    assert_eq!(rank("leader-1"), ("leader".to_string(), 1));
    // The skills' details describe the pillars; the principles are a page.
    let craft = fs::read_to_string(imp.root.join("content/pillars/craft.md")).unwrap();
    assert!(craft.contains("Code quality"), "{craft}");
    assert!(page_text(&imp, "principles").contains("work back to the code"));
}

fn page_text(imp: &Imported, id: &str) -> String {
    fs::read_to_string(imp.root.join(format!("content/{id}.md"))).unwrap()
}
