//! `ladderbook import` on ladders written area first, each competency area holding the levels
//! by name (`### 1. Lamp care` / `#### Level 1` / `**Reach:** …` / `**Examples:**` over a
//! list), as growth matrices write them: the areas are the pillars and `Level N` the levels,
//! whatever the cells hold (labelled paragraphs and a list, or a list alone), and under two
//! track headings each track is turned round on its own. Tracks that hold their levels with
//! the ladder's pillars as labels (`## Bread` / `### Junior` / `**Craft:** …`) stay tracks.
//! Our own ladders in those shapes; the tests read the sources themselves.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;

/// The area of an outline entry: its `###` heading without the number that orders it.
fn area(heads: &[String; 6]) -> String {
    let h = heads[2].trim();
    h.split_once(". ")
        .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
        .map_or(h, |(_, t)| t)
        .to_string()
}

#[test]
fn areas_holding_levels_with_labelled_cells_are_pillars() {
    let src = fixture("shapes/transposed/labelled-areas.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut exps, mut notes) = (Vec::new(), Vec::new());
    for (heads, text, item, _) in outline(&text) {
        if heads[3].is_empty() {
            continue;
        }
        if item {
            exps.push(Exp {
                level: words(&heads[3]),
                pillar: area(&heads),
                text,
            });
        } else {
            notes.push(md_words(&text));
        }
    }
    assert_eq!((exps.len(), notes.len()), (18, 21));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The labelled lines (`**Reach:** …`, `**Examples:**`) are each cell's notes, beside its
    // list, not pillars of their own.
    assert_all_on_site(&imp, &notes, "labelled lines");
    assert_eq!(
        titles(&imp.root.join("content/pillars")),
        ["Lamp care", "Rescue", "Weather watch"]
    );
    assert_eq!(ranked_levels(&imp), ["level-1", "level-2", "level-3"]);
    assert_eq!(titles(&imp.root.join("content/tracks")), ["Keeper Track"]);
    let cell = competency(&imp, "level-2", "weather-watch");
    assert!(
        cell.contains("**Signals:** Calls a storm watch on their own reading."),
        "{cell}"
    );
    assert!(
        imp.summary.contains("labelled-areas.md:7: read the other way round: the 3 sections (`Lamp care` … `Rescue`)"),
        "{}",
        imp.summary
    );
}

#[test]
fn two_tracks_of_the_same_areas_are_each_turned_round() {
    let src = fixture("shapes/transposed/two-tracks-of-areas.md");
    let imp = import(&src, &[]);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Head Keeper Track", "Keeper Track"]
    );
    assert_eq!(
        titles(&imp.root.join("content/pillars")),
        ["Lamp care", "Weather watch"]
    );
    assert_eq!(
        ranked_levels(&imp),
        [
            "head-keeper-track-level-2",
            "head-keeper-track-level-3",
            "level-1",
            "keeper-track-level-2",
            "keeper-track-level-3"
        ]
    );
    // Each track's areas hold its own levels' expectations.
    let text = fs::read_to_string(&src).unwrap();
    for (heads, item_text, item, _) in outline(&text) {
        if !item {
            continue;
        }
        let track = heads[1].trim().to_lowercase().replace(' ', "-");
        let level = heads[3].trim().to_lowercase().replace(' ', "-");
        let id = if level == "level-1" {
            level
        } else {
            format!("{track}-{level}")
        };
        let pillar = area(&heads).to_lowercase().replace(' ', "-");
        let cell = competency(&imp, &id, &pillar);
        assert!(cell.contains(item_text.trim()), "{id}/{pillar}: {cell}");
    }
    assert!(
        imp.summary
            .contains("two-tracks-of-areas.md:37: read the other way round: the 2 sections"),
        "{}",
        imp.summary
    );
}

#[test]
fn tracks_holding_levels_with_labelled_pillars_stay_tracks() {
    let imp = import(&fixture("shapes/ordinary/tracks-with-labels.md"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Bread", "Pastry"]
    );
    assert_eq!(
        titles(&imp.root.join("content/pillars")),
        ["Craft", "Scope"]
    );
    let cell = competency(&imp, "pastry-senior", "craft");
    assert!(
        cell.contains("Teaches lamination to the juniors."),
        "{cell}"
    );
}
