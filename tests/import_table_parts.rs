//! A ladder written in parts: grids of the same levels under headings that each name a part
//! of what is measured (`## Level comparison`, `## Core skills`, `## Signs`), where hunt 40
//! found Lumi's software ladder imported as three tracks of the same four levels (H40-03),
//! and a column of what falls short of a level (`Signs you are not there yet`) read as a
//! pillar of what the level is expected to do (H40-04).

mod common;
mod import_support;
use common::*;
use import_support::tables::*;
use import_support::*;
use std::fs;

#[test]
fn grids_of_the_same_levels_under_headings_of_their_parts_are_one_ladder() {
    let src = fixture("tables/grids-in-parts.md");
    let md = fs::read_to_string(&src).unwrap();
    let grids = tables(&md);
    let mut exps = Vec::new();
    // The two grids with the levels across, a pillar per row.
    for (_, rows) in &grids[..2] {
        each_item(rows, |level, row, item| {
            exps.push(exp(level, &row[0], &item))
        });
    }
    // The third with the levels down: its first column of text is a pillar.
    let (_, signs) = &grids[2];
    for row in &signs[1..] {
        exps.push(exp(&row[0], &signs[0][1], &row[1]));
    }
    assert_eq!(exps.len(), 15);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    says(&imp, "1 track, 3 levels, 5 pillars, 15 expectations");
    assert_eq!(ranked_levels(&imp), ["deckhand", "keeper", "head-keeper"]);
    // The track is the document's, not its first part's (review 39 R39-08: `Level
    // comparison`), whose title stays in the track's description.
    let track = &content_files(&imp.root.join("content/tracks"))[0].1;
    assert_eq!(str_of(&front(track), "title"), "Lighthouse Crew Levels");
    assert!(fs::read_to_string(track)
        .unwrap()
        .contains("**Level comparison**"));
    assert_eq!(
        table_guesses(&imp.summary)[0],
        "grids-in-parts.md:8: the 3 tables under `Level comparison`, `Core skills`, `Signs` have the same levels and no pillar in common: read as one ladder, 3 levels (`Deckhand` … `Head Keeper`) × 5 pillars"
    );
    // One level page holds all that the level is expected to do, and no level is offered a
    // comparison with itself under another track's name.
    let keeper = page(&imp.site, "levels/keeper/");
    for text in [
        "Every watch on one light",
        "Changes the watch plan when the weather turns",
        "Answers distress signals by the book",
        "Hands over a watch that needs no questions",
    ] {
        assert!(keeper.contains(text), "{text}: {keeper}");
    }
    assert!(!keeper.contains("Keeper (Core skills)"), "{keeper}");
}

#[test]
fn what_falls_short_of_a_level_is_said_of_it_not_expected_of_it() {
    let imp = import(&fixture("tables/grids-in-parts.md"), &[]);
    // Each level's `Signs you are not there yet` cell is in its description, with the
    // header that says what it is, and in no competency.
    let keeper = fs::read_to_string(imp.root.join("content/levels/keeper.md")).unwrap();
    assert!(
        keeper.contains("**Signs you are not there yet:** Waits to be told the weather is turning"),
        "{keeper}"
    );
    for (_, path) in content_files(&imp.root.join("content/competencies")) {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("Waits to be told"),
            "{}: {text}",
            path.display()
        );
    }
    let pillars = content_ids(&imp.root.join("content/pillars"));
    assert!(
        !pillars.iter().any(|p| p.contains("not-there-yet")),
        "{pillars:?}"
    );
}

#[test]
fn grids_of_the_same_levels_under_headings_that_name_tracks_stay_tracks() {
    // `## Lamp Engineer skills` and `## Station Manager skills` each name a part and a track:
    // the people on it come first.
    let imp = import(&fixture("tables/grids-by-track.md"), &[]);
    says(&imp, "2 tracks, 6 levels");
    let tracks: Vec<String> = content_ids(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 2, "{tracks:?}");
}

#[test]
fn grids_of_two_trades_or_beside_a_track_are_not_joined() {
    // Review 39 R39-04, R39-05: grids under `## Baker skills` and `## Cake Decorator skills`
    // were joined, as were the parts on either side of a track's grid, which was then left
    // on a free page. Only headings that name nothing but a part join.
    for (name, tracks) in [
        (
            "tables/grids-by-trade.md",
            "2 tracks, 6 levels, 4 pillars, 12 expectations",
        ),
        (
            "tables/grids-around-a-track.md",
            "3 tracks, 9 levels, 6 pillars, 18 expectations",
        ),
    ] {
        let imp = import(&fixture(name), &[]);
        says(&imp, tracks);
        assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
        assert!(
            !imp.summary.contains("have the same levels"),
            "{}",
            imp.summary
        );
    }
}

#[test]
fn columns_named_like_notes_or_moving_on_stay_pillars() {
    // Review 39 R39-01, R39-03: `Early warning signs` and `Path to production` are a stage
    // crew's pillars, which the new rules read as what falls short and what it takes to move
    // on; with a third column, no ladder was found at all.
    let imp = import(&fixture("tables/pillars-named-like-notes.md"), &[]);
    says(&imp, "1 track, 3 levels, 3 pillars, 9 expectations");
    assert_eq!(
        titles(&imp.root.join("content/pillars")),
        ["Early warning signs", "Path to production", "Rigging"]
    );
}
