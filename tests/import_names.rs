//! How imported levels and tracks are named where real ladders named them in ways import read
//! wrong (hunt 20): a grid's rows numbered under a `Level` corner, a `Legend` heading over a grid, and a track named after a
//! file called `career-ladder-for-….md`; and codes with a letter after the number (`N 3a`).

mod common;
mod import_support;
use import_support::*;

#[test]
fn rows_numbered_under_a_level_corner_are_titled_by_its_word() {
    // `| Level | Mooring | … |` over `| 1 | … |` gave levels titled `1`, `2`, `3`, and
    // comparison pages titled "1 and 2 compared".
    let imp = import(&fixture("names/numbered-rows.md"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/levels")),
        ["Level 1", "Level 2", "Level 3"]
    );
    let page =
        std::fs::read_to_string(imp.site.join("compare/level-1/level-2/index.html")).unwrap();
    assert!(
        page.contains("<title>Level 1 and Level 2 compared"),
        "{page}"
    );
}

#[test]
fn a_legend_over_a_grid_describes_the_track_the_heading_above_names() {
    // `### Legend` under `## Ferry Crew Levels` titled the track "Legend".
    let imp = import(&fixture("names/legend.md"), &[]);
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 1);
    let track = std::fs::read_to_string(&tracks[0].1).unwrap();
    assert_eq!(str_of(&front(&tracks[0].1), "title"), "Ferry Crew Levels");
    assert!(
        track.contains("Each row below is one level of the crew."),
        "{track}"
    );
    assert_eq!(
        titles(&imp.root.join("content/levels")),
        ["Level 1", "Level 2", "Level 3"]
    );
    assert!(
        competency(&imp, "level-2", "passengers").contains("Calms a crowded deck"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains("`Legend` explains the table"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_track_named_after_its_file_drops_the_ladder_words_and_writes_acronyms_as_its_levels_do() {
    // `career-path-for-ui-ferry-pursers.md` was the track "Career path for ui ferry pursers".
    let imp = import(&fixture("names/file-named-track"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["UI ferry pursers"]
    );
}

#[test]
fn a_folder_ordered_by_its_titles_is_not_said_to_be_in_the_order_it_was_read() {
    // The summary said both "ordered by the words of seniority" and "ranked in the order they
    // are read (as written, or as their files are ordered)" of one folder's levels.
    let imp = import(&fixture("folders/decorative-emoji"), &[]);
    assert!(
        imp.summary.contains("ordered by the words of seniority"),
        "{}",
        imp.summary
    );
    assert!(
        !imp.summary.contains("in the order they are read"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_level_file_named_by_its_code_and_title_is_that_level_whatever_its_title_says() {
    // Hunt 21 H2: `BK2_Baker.md` over `# Baker` (no word of seniority in it) was titled by
    // its first section, `Outcomes`, and its `## Skills` became a free page. The file's name
    // gives the code (hunt 21 L5), and the folder `bk/` is written as the codes write it.
    let imp = import(&fixture("names/coded-files"), &[]);
    let levels = content_files(&imp.root.join("content/levels"));
    let read: Vec<(String, String)> = levels
        .iter()
        .map(|(_, path)| {
            let f = front(path);
            (str_of(&f, "title"), str_of(&f, "code"))
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Apprentice Baker".to_string(), "BK1".to_string()),
            ("Baker".to_string(), "BK2".to_string()),
            ("Head Baker".to_string(), "BK3".to_string()),
        ],
        "{}",
        imp.summary
    );
    // Not a page whose code and title say nothing of a level (review 26 M1): the meeting
    // notes beside the levels, and the goals, whose code no level shares.
    assert!(
        imp.summary
            .contains("free pages: notes (bk/BK0_Notes.md:1), goals (bk/OKR1_Goals.md:1)"),
        "{}",
        imp.summary
    );
    assert!(
        competency(&imp, "bk2-baker", "shaping").contains("Shapes baguettes"),
        "{}",
        imp.summary
    );
    assert_eq!(titles(&imp.root.join("content/tracks")), ["BK"]);
}

#[test]
fn a_heading_that_only_says_it_holds_titles_gives_way_to_the_documents_title() {
    // Hunt 21 L2: `### Titles` over the grid named the track "Titles".
    let imp = import(&fixture("names/titles-heading.md"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Harbour Ferries Crew Framework"],
        "{}",
        imp.summary
    );
}

#[test]
fn a_coded_file_name_alone_makes_no_level() {
    // Review 26 M1: `OKR1_Goals.md` over `# Goals`, imported alone, became a one-level
    // ladder; it was, and is, no ladder.
    let out = common::ladderbook()
        .arg("import")
        .arg(fixture("names/coded-files/bk/OKR1_Goals.md"))
        .arg("-o")
        .arg(tempfile::tempdir().unwrap().path().join("out"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("found no ladder"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And imported from the folder above, the coded levels stay levels (review 26 M2).
    let imp = import(&fixture("names"), &[]);
    assert!(
        imp.summary
            .contains("levels bk1-apprentice-baker, bk2-baker, bk3-head-baker"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_code_with_a_letter_after_its_number_is_a_code() {
    // Hunt 23 M2: `Senior Staff Nurse (N 3a)` kept `(N 3a)` in its title and id while its
    // neighbours' `(N 1)` were codes; and `Ward Sister (Lead 4 / N 5)`, where two levels of
    // other tracks are N 5, was said to name "no level on another track".
    let src = fixture("folders/step-codes");
    let imp = import(&src, &[]);
    for (id, title, code) in [
        ("senior-staff-nurse", "Senior Staff Nurse", "N 3a"),
        ("deputy-sister", "Deputy Sister", "N 4a"),
    ] {
        let path = imp.root.join(format!("content/levels/{id}.md"));
        assert!(path.exists(), "{id}: {}", imp.summary);
        assert_eq!(str_of(&front(&path), "title"), title);
        assert_eq!(str_of(&front(&path), "code"), code);
    }
    assert!(
        level_rank(&imp, "staff-nurse") < level_rank(&imp, "senior-staff-nurse")
            && level_rank(&imp, "senior-staff-nurse") < level_rank(&imp, "deputy-sister"),
        "{}",
        imp.summary
    );
    // Codes in order rank their levels without a word of doubt (review 27 L1).
    assert!(
        !imp.summary.contains("do not give one rank each"),
        "{}",
        imp.summary
    );
    // A shift's hours are no step of a code (review 27 M3: `(Shift 8h)` was a code, and
    // levels of two tracks with the same hours were paired).
    let relief = front(&imp.root.join("content/levels/relief-nurse-shift-8h.md"));
    assert_eq!(str_of(&relief, "title"), "Relief Nurse (Shift 8h)");
    assert!(!relief.contains_key("code"), "{relief:?}");
    assert!(
        imp.summary.contains(
            "N 5 names 2 levels on other tracks (`Clinic Nurse`, `Theatre Practitioner`), not one"
        ),
        "{}",
        imp.summary
    );
}

/// Hunt 28 L2 (a Korean Jekyll post): a post's date before its name
/// (`2021-07-13-keepers.md`) names no part of the ladder: the track's id and address were
/// `2021-07-13-…`.
#[test]
fn a_jekyll_posts_date_is_no_part_of_its_track_id() {
    let tmp = tempfile::tempdir().unwrap();
    let post = tmp.path().join("2021-07-13-keepers.md");
    std::fs::copy(fixture("sections/statements-you.md"), &post).unwrap();
    let imp = import(&post, &[]);
    let tracks: Vec<String> = content_files(&imp.root.join("content/tracks"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(tracks, ["keepers"], "{}", imp.summary);
}
