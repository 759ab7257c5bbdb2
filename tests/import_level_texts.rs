//! `ladderbook import` on a competence framework kept as data, each competence with its text
//! at each level it is defined at (`"levels": {"1": …, "3": …}`), as the European e-CF is
//! published: a JSON mapping keyed by competence, or a YAML list of named competences (hunt 48
//! H48-01: both were refused, though the hint named nearly this shape). The files are our own.

mod common;
mod import_support;
use import_support::*;
use std::fs;

/// The expectations of `y`'s competences: each level key's texts, in the competence's pillar.
fn expected(y: &serde_json::Value) -> Vec<Exp> {
    let entries: Vec<(String, &serde_json::Value)> = match y {
        serde_json::Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        serde_json::Value::Array(a) => a
            .iter()
            .map(|v| (v["name"].as_str().unwrap().to_string(), v))
            .collect(),
        _ => unreachable!(),
    };
    let mut exps = Vec::new();
    for (name, entry) in entries {
        for (key, text) in entry["levels"].as_object().unwrap() {
            let level = if key.chars().all(|c| c.is_ascii_digit()) {
                format!("Level {key}")
            } else {
                key.clone()
            };
            let texts: Vec<&str> = match text {
                serde_json::Value::Array(a) => a.iter().map(|t| t.as_str().unwrap()).collect(),
                t => vec![t.as_str().unwrap()],
            };
            for t in texts {
                exps.push(tables::exp(&level, &name, t));
            }
        }
    }
    exps
}

#[test]
fn a_json_mapping_of_competences_by_level_is_a_ladder_of_its_level_keys() {
    let src = fixture("competences-by-level.json");
    let y: serde_json::Value = serde_json::from_str(&fs::read_to_string(&src).unwrap()).unwrap();
    let exps = expected(&y);
    assert_eq!(exps.len(), 7);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    tables::says(&imp, "levels level-1, level-2, level-3");
    // The competence's description and phase describe its pillar.
    let knots = fs::read_to_string(imp.root.join("content/pillars/a-1-knot-tying.md")).unwrap();
    assert!(
        knots.contains("Ties, checks and teaches the knots"),
        "{knots}"
    );
    assert!(knots.contains("**Phase:** Deck"), "{knots}");
}

#[test]
fn a_yaml_list_of_named_competences_with_level_codes_keeps_their_order() {
    let src = fixture("competences-by-level.yaml");
    let text = fs::read_to_string(&src).unwrap();
    // Written as JSON for the test's own reading (YAML 1.2's JSON subset is not this file).
    let y: serde_json::Value = serde_json::json!([
        {"name": "Knot tying", "levels": {
            "e-1": "Ties the six standard knots under guidance.",
            "e-2": ["Ties every knot unaided.", "Checks the crew's knots before a passage."],
            "e-3": "Teaches knots to new deckhands and sets the knot standard."}},
        {"name": "Sail handling", "levels": {
            "e-2": "Trims the sails to the wind without being told.",
            "e-3": "Decides when to reef and leads the sail crew."}}
    ]);
    for e in expected(&y) {
        assert!(
            text.contains(&e.text),
            "the test's copy differs from the file: {}",
            e.text
        );
    }
    let imp = import(&src, &[]);
    assert_placed(&imp, &expected(&y), &[]);
    tables::says(&imp, "levels e-1, e-2, e-3");
}

#[test]
fn competences_with_their_texts_in_numbered_level_keys_are_a_ladder() {
    // A web app's competency matrix keeps each topic's text in `level0` … `level3` beside its
    // `name`: refused as "no ladder that import knows" (hunt 49 H49-01).
    let src = fixture("competences-in-level-keys.json");
    let y: serde_json::Value = serde_json::from_str(&fs::read_to_string(&src).unwrap()).unwrap();
    let mut exps = Vec::new();
    for entry in y.as_object().unwrap().values() {
        let name = entry["name"].as_str().unwrap();
        for (key, text) in entry.as_object().unwrap() {
            if let Some(n) = key.strip_prefix("level") {
                exps.push(tables::exp(
                    &format!("Level {n}"),
                    name,
                    text.as_str().unwrap(),
                ));
            }
        }
    }
    assert_eq!(exps.len(), 11);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    tables::says(&imp, "levels level-0, level-1, level-2, level-3");
    tables::says(&imp, "(in keys that number the level)");

    // The same rows as a list, titled by `topic`, their `area` in the pillar's description.
    let tmp = tempfile::tempdir().unwrap();
    let rows: Vec<serde_json::Value> = y
        .as_object()
        .unwrap()
        .values()
        .map(|e| {
            let mut row = e.as_object().unwrap().clone();
            let name = row.remove("name").unwrap();
            row.insert("topic".into(), name);
            row.insert("area".into(), "Bakehouse".into());
            serde_json::Value::Object(row)
        })
        .collect();
    let list = tmp.path().join("rows.json");
    fs::write(&list, serde_json::to_string(&rows).unwrap()).unwrap();
    let imp = import(&list, &[]);
    assert_placed(&imp, &exps, &[]);
    let oven = fs::read_to_string(imp.root.join("content/pillars/oven-care.md")).unwrap();
    assert!(oven.contains("**Area:** Bakehouse"), "{oven}");
}

#[test]
fn numbered_level_keys_are_one_level_however_spelt_and_a_ranked_entry_is_a_level() {
    // Review 44: `level_2` and `Level 2` were two levels (R44-05); a competence defined at one
    // level only got the file refused (R44-06); a list of levels with `rank` and `l1` keys
    // was read as competences (R44-04).
    let tmp = tempfile::tempdir().unwrap();
    let sparse = tmp.path().join("orchard.json");
    fs::write(
        &sparse,
        r#"[{"name": "Pruning", "level1": "Prunes young trees.", "level_2": "Prunes the old orchard.", "Level 3": "Sets the pruning plan."},
 {"name": "Grafting", "level 2": "Grafts with help.", "lvl3": "Grafts new varieties."},
 {"name": "Orchard strategy", "level3": "Chooses the varieties to plant."}]"#,
    )
    .unwrap();
    let imp = import(&sparse, &[]);
    let exps = vec![
        tables::exp("Level 1", "Pruning", "Prunes young trees."),
        tables::exp("Level 2", "Pruning", "Prunes the old orchard."),
        tables::exp("Level 3", "Pruning", "Sets the pruning plan."),
        tables::exp("Level 2", "Grafting", "Grafts with help."),
        tables::exp("Level 3", "Grafting", "Grafts new varieties."),
        tables::exp(
            "Level 3",
            "Orchard strategy",
            "Chooses the varieties to plant.",
        ),
    ];
    assert_placed(&imp, &exps, &[]);
    tables::says(&imp, "levels level-1, level-2, level-3");

    let people = tmp.path().join("hands.json");
    fs::write(
        &people,
        r#"[{"name": "Junior Orchard Hand", "rank": 1, "summary": "New to the orchard.", "l1": "Prunes", "l2": "Picks"},
 {"name": "Orchard Hand", "rank": 2, "summary": "Runs a row.", "l1": "Plans", "l2": "Trains"}]"#,
    )
    .unwrap();
    let imp = import(&people, &[]);
    tables::says(&imp, "levels junior-orchard-hand, orchard-hand");
}
