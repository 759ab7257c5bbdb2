//! `ladderbook import` on a page as Notion exports it: its id after the title in the file
//! name, its properties as `Key: value` lines under the title, a callout as `<aside>`, a
//! table per level with `•` bullets and `<br>` in its cells, a level's attribute as a bold
//! label (`**Equivalent boats level:** D2`) and a toggle of examples as `<details>` after the
//! table. The page is our own, in that shape (author check 49 A49-02, A49-05).

mod common;
mod import_support;
use import_support::tables::*;
use import_support::*;
use std::fs;

#[test]
fn a_notion_page_of_a_table_per_level_keeps_every_level_s_table() {
    let src = fixture("notion/Lighthouse Keeper Track 0a1b2c3d4e5f60718293a4b5c6d7e8f9.md");
    let md = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    for (heading, rows) in tables(&md) {
        let level = heading.split_once(" — ").unwrap().1.to_string();
        for row in &rows[1..] {
            for item in cell_items(&row[1]) {
                exps.push(exp(&level, &row[0], &item));
            }
        }
    }
    // The attribute line and the toggles made two levels' tables no pillars: 5 of 12.
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // Notion's id names no track; its properties describe no track.
    let track =
        fs::read_to_string(imp.root.join("content/tracks/lighthouse-keeper-track.md")).unwrap();
    assert!(!track.contains("Owner"), "{track}");
    assert!(track.contains("How keepers grow"), "{track}");
    says(&imp, "Notion's page properties under the title");
    // The attribute and the examples are the level's description, not its pillars.
    let k1 = fs::read_to_string(imp.root.join("content/levels/assistant-keeper.md")).unwrap();
    assert!(k1.contains("**Equivalent boats level:** D2"), "{k1}");
    assert!(
        k1.contains("Kept the log through a three-day storm"),
        "{k1}"
    );
    assert!(!imp
        .root
        .join("content/pillars/equivalent-boats-level.md")
        .exists());
}
