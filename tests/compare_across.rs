//! Comparisons of equivalent levels on two tracks: two jobs need not correspond expectation by
//! expectation, so what only one level has stands beside what only the other has.

mod common;
use common::*;
use std::fs;

#[test]
fn what_only_one_of_two_equivalent_levels_has_stands_beside_the_others() {
    // The example's Staff Engineer and Engineering Manager are equivalent; in Technical craft
    // they share no expectation. Each expectation was a row of its own with a dash on the
    // other side, so the two levels were never side by side.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("book");
    build_example(&site);
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("ladder.json")).unwrap()).unwrap();
    let texts = |level: &str| -> Vec<String> {
        let level = data["levels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == level)
            .unwrap();
        level["cells"]["craft"]["expectations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| words(e["text"].as_str().unwrap()))
            .collect()
    };
    let (staff, manager) = (texts("staff-engineer"), texts("engineering-manager"));
    assert!(staff.len() >= 2 && manager.len() >= 2);
    let html = page(&site, "compare/staff-engineer/engineering-manager/");
    let craft = section(&html, "craft", "</section>");
    let rows: Vec<&str> = craft.split("<li class=\"pair ").skip(1).collect();
    assert_eq!(rows.len(), 1, "one row holds both levels' lists: {craft}");
    let row = rows[0];
    assert!(row.starts_with("status-apart\""), "{row}");
    let (a, b) = (words(&column(row, "a")), words(&column(row, "b")));
    for text in &staff {
        assert!(
            a.contains(text.as_str()),
            "{text} is in Staff Engineer's column: {a}"
        );
    }
    for text in &manager {
        assert!(
            b.contains(text.as_str()),
            "{text} is in the manager's column: {b}"
        );
    }
    // Each expectation keeps its permalink to its level's page.
    assert_eq!(
        column(row, "a")
            .matches("href=\"../../../levels/staff-engineer/#craft--")
            .count(),
        staff.len()
    );
    assert!(row.contains(">only at Staff Engineer</span>"), "{row}");
    assert!(row.contains(">only at Engineering Manager</span>"), "{row}");
    // The summary still counts each, in the page's column order (browser check 29 L3: the
    // second level's count came first).
    let summary = words(section(&html, "summary-heading", "</ul>"));
    assert!(
        summary.contains(&format!(
            "technical craft {} only at staff engineer {} only at engineering manager",
            staff.len(),
            manager.len()
        )),
        "{summary}"
    );
}
