//! Headings that one file of a folder writes at another depth than the rest (hunt 20's
//! Magnit grades: a lead's file writes three of the team lead's `##` pillars as `###` under
//! another pillar).

mod common;
mod import_support;
use import_support::*;

#[test]
fn a_pillar_written_a_level_deeper_in_one_file_is_still_its_own_pillar() {
    // The captain's `### Weather` under `## Passage planning` was a note of that pillar, so
    // the matrix and the comparison showed the captain with no Weather at all.
    let imp = import(&fixture("folders/deeper-pillar"), &[]);
    let weather = competency(&imp, "captain", "weather");
    assert!(weather.contains("Calls off a crossing"), "{weather}");
    assert!(weather.contains("Sets the wind limits"), "{weather}");
    let planning = competency(&imp, "captain", "passage-planning");
    assert!(!planning.contains("Calls off a crossing"), "{planning}");
    // A section that describes the pillar (`### Examples`) stays its note.
    assert!(
        planning.contains("Cancelling the last crossing"),
        "{planning}"
    );
    assert!(
        imp.summary
            .contains("`Weather` under pillar `Passage planning` is a pillar of its own"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_job_ads_skills_are_a_pillar_and_its_perks_and_how_to_apply_describe_the_level() {
    // Made Tech's role pages: `## What skills and experience do we look for?` went to the
    // description, while `Work perks`, `Salary and location` and `Applying` were pillars,
    // compared level by level.
    let imp = import(&fixture("folders/job-ads"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["nice-to-have", "what-skills-do-we-look-for"]
    );
    let skills = competency(&imp, "senior-deckhand", "what-skills-do-we-look-for");
    assert!(skills.contains("Mooring in a crosswind"), "{skills}");
    let level = std::fs::read_to_string(imp.root.join("content/levels/deckhand.md")).unwrap();
    assert!(level.contains("Free crossings for your family"), "{level}");
    assert!(level.contains("Write to the harbour office"), "{level}");
}

/// Review 25's inputs, in our own words: plausible ladders the first versions of this
/// session's rules read worse than before.
#[test]
fn a_recruiters_ladder_keeps_its_compensation_and_interview_pillars() {
    let imp = import(&fixture("folders/review-25/recruiters"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["compensation", "interview-process", "sourcing"]
    );
}

#[test]
fn titles_that_rank_the_levels_come_before_the_sites_page_order() {
    // A Hugo section weighted most senior first: `weight` made Head Purser the most junior.
    let imp = import(&fixture("folders/review-25/weighted"), &[]);
    let ranks: Vec<i64> = ["junior-purser", "purser", "senior-purser", "head-purser"]
        .iter()
        .map(|l| level_rank(&imp, l))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
}

#[test]
fn a_readmes_heading_makes_no_pillar_of_a_section_every_level_nests() {
    // The README's `## Scope` made each level's `### Scope` under Impact a pillar.
    let imp = import(&fixture("folders/review-25/nested-scope"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["impact", "safety"]
    );
    assert!(competency(&imp, "mate", "impact").contains("The whole car deck"));
}

#[test]
fn tips_and_reading_lists_under_each_level_describe_it_rather_than_being_pillars() {
    // Hunt 21 M2 and M5: `## Tips and recommendations` (with a `### Reading` inside) and
    // `### Additional reading` under every level were pillars, compared level by level.
    let imp = import(&fixture("folders/advice-sections"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        [
            "what-seamanship-skills-are-expected",
            "what-teamwork-skills-are-expected"
        ],
        "{}",
        imp.summary
    );
    let level = std::fs::read_to_string(imp.root.join("content/levels/deckhand.md")).unwrap();
    assert!(level.contains("Read the harbour's tide tables"), "{level}");

    let imp = import(&fixture("sections/reading-legend.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["known-for", "seamanship"],
        "{}",
        imp.summary
    );
    let mate = std::fs::read_to_string(imp.root.join("content/levels/mate.md")).unwrap();
    assert!(mate.contains("Tide tables and how to read them"), "{mate}");
    // Hunt 21 L3: the legend's last entry, followed by a note and a rule, describes its
    // pillar as the others do; it was a free page, and the guess spoke of a table.
    assert!(!imp.summary.contains("free page"), "{}", imp.summary);
    let known = std::fs::read_to_string(imp.root.join("content/pillars/known-for.md")).unwrap();
    assert!(
        known.contains("What the rest of the crew counts on you for."),
        "{known}"
    );
    assert!(!known.trim_end().ends_with("---"), "{known}");
    assert!(!imp.summary.contains("table"), "{}", imp.summary);
}

#[test]
fn a_document_whose_tracks_list_their_levels_reads_the_same_in_its_folder() {
    // Hunt 21 H4: alone, `02_ladder.md` gave two tracks of three levels each; beside a page
    // listing the crews' roles, its crews became the two levels of one track, with a pillar
    // "Individual levels".
    let imp = import(&fixture("folders/tracks-as-level-lists"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")),
        ["deck-crew", "engine-crew"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/levels")).len(),
        6,
        "{}",
        imp.summary
    );
    assert!(
        !imp.summary.contains("individual-levels"),
        "{}",
        imp.summary
    );
}

#[test]
fn managers_listed_after_the_crew_with_pillars_of_their_own_are_a_track_of_their_own() {
    // Hunt 22 H5: BuzzFeed's designers and then its managers, each with pillars the other
    // never has, were one ranked track: the first manager above the principal designer, and
    // comparisons pairing a designer's Visual design with nothing.
    let imp = import(&fixture("sections/ic-then-managers.md"), &[]);
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 2, "{}", imp.summary);
    assert!(
        imp.summary
            .contains("levels deckhand, senior-deckhand, bosun"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains("levels ferry-manager, fleet-director"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary
            .contains("`Ferry Manager` … `Fleet Director` name managers"),
        "{}",
        imp.summary
    );
    // A ladder whose managers keep its pillars stays one track.
    let one = import(&fixture("two-tracks.md"), &[]);
    assert!(
        !one.summary.contains("name managers, with pillars"),
        "{}",
        one.summary
    );
}

#[test]
fn product_managers_are_individual_contributors_whatever_their_pillars() {
    // Hunt 41 H41-04: `Senior Product Manager` and `Lead Product Manager` under `## IC Track`,
    // whose pillars the juniors never have, were read as managers and split off as `IC
    // Track: management`. A product manager manages a product, not people.
    let imp = import(&fixture("sections/product-managers-ic.md"), &[]);
    assert!(
        imp.summary.contains("2 tracks, 6 levels")
            && imp.summary.contains(
                "track ic-track: 8 expectations; levels associate-product-manager, product-manager, … principal-product-manager"
            ),
        "{}",
        imp.summary
    );
    assert!(!imp.summary.contains("name managers"), "{}", imp.summary);
    // A Marketing Manager manages people (review 39 R39-10).
    let imp = import(&fixture("sections/marketing-managers.md"), &[]);
    assert!(
        imp.summary
            .contains("`Marketing Manager` … `Head of Marketing` name managers"),
        "{}",
        imp.summary
    );
}

#[test]
fn senior_levels_that_each_write_pillars_of_their_own_top_the_one_track() {
    // Hunt 23 H3: a Matron, a Director of Nursing and a Chief Nurse, each with pillars no
    // other level has, were split off as a second track, `Nursing Leadership Path:
    // management`, ranked from 1 again: only managers that share pillars make a ladder.
    let src = fixture("sections/senior-levels-own-pillars.md");
    let text = std::fs::read_to_string(&src).unwrap();
    let levels: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter(|h| !h.starts_with("Summary"))
        // `(Nursing 4)` is a code; `(Board)` is part of the title.
        .map(|h| h.split(" (Nursing").next().unwrap().to_string())
        .collect();
    assert_eq!(levels.len(), 5);
    let imp = import(&src, &[]);
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 1, "{}", imp.summary);
    let mut ranked: Vec<(i64, String)> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(id, path)| (level_rank(&imp, &id), str_of(&front(&path), "title")))
        .collect();
    ranked.sort();
    let titles: Vec<String> = ranked.into_iter().map(|(_, t)| t).collect();
    assert_eq!(titles, levels, "{}", imp.summary);
}

#[test]
fn managers_that_share_pillars_are_a_track_though_the_top_one_writes_its_own() {
    // Review 27 H5: Ward Manager and Senior Ward Manager share People and Budget, the Head
    // of Nursing writes pillars of their own: the managers were not split off, and Ward
    // Manager ranked above the Charge Nurse in one track.
    let imp = import(&fixture("sections/ward-managers.md"), &[]);
    assert!(
        imp.summary
            .contains("levels staff-nurse, senior-staff-nurse, charge-nurse"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary
            .contains("levels ward-manager, senior-ward-manager, head-of-nursing"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_role_description_in_other_words_describes_the_level() {
    // Hunt 22 M3: only `Description`, `Overview` or `Summary` alone described a level;
    // `Role description`, `Description & purpose of the role` and `Descripción & objetivo
    // del cargo` were pillars compared level by level.
    let imp = import(&fixture("sections/role-description.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["duties-responsibilities"],
        "{}",
        imp.summary
    );
    let bosun = std::fs::read_to_string(imp.root.join("content/levels/bosun.md")).unwrap();
    assert!(
        bosun.contains("Leads the deck crew of one ferry."),
        "{bosun}"
    );
    let imp = import(&fixture("sections/descripcion-del-cargo.md"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["funciones"],
        "{}",
        imp.summary
    );
}

#[test]
fn lines_of_empty_html_anchors_are_no_expectations() {
    // Hunt 22 M1: `<a id="…"></a>` on a line before each level's heading became an empty
    // numbered expectation at the end of the level above.
    let imp = import(&fixture("sections/anchor-lines.md"), &[]);
    let teamwork = competency(&imp, "deckhand", "teamwork");
    assert!(!teamwork.contains("<a id"), "{teamwork}");
    assert!(!teamwork.contains("<br>"), "{teamwork}");
    assert!(
        teamwork.contains("Keeps the gangway clear for the crew."),
        "{teamwork}"
    );
    assert!(
        imp.summary.contains("4 expectations on level pages"),
        "{}",
        imp.summary
    );
}

/// Hunt 26 H1: Etsy's ladder writes its Senior and Staff levels as `### Senior Engineer` over
/// the expectations both grades share, then `#### Senior Engineer I` and `#### Senior
/// Engineer II`, each with its own `##### Track Record` and `##### Competencies`. Merged into
/// one level, the cell held both grades' bars ("Advanced in at least one competency" and
/// "Advanced in more than one") with no word of which was which.
#[test]
fn levels_written_inside_a_level_are_levels_of_their_own() {
    let src = common::real_ladders().join("etsy-Etsy-Engineering-Career-Ladder/index.md");
    let imp = import(&src, &[]);
    let ids = ranked_levels(&imp);
    assert_eq!(
        ids,
        [
            "engineer-i",
            "engineer-ii",
            "senior-engineer-i",
            "senior-engineer-ii",
            "staff-engineer-i",
            "staff-engineer-ii",
            "senior-staff-engineer",
            "principal-engineer"
        ],
        "{}",
        imp.summary
    );
    // Each grade has the expectations written above it, and only its own track record.
    for id in ["senior-engineer-i", "senior-engineer-ii"] {
        let shared = competency(&imp, id, "expectations");
        assert!(
            shared.contains("You enable other engineers"),
            "{id}: {shared}"
        );
    }
    let first = competency(&imp, "senior-engineer-i", "competencies");
    let second = competency(&imp, "senior-engineer-ii", "competencies");
    assert!(first.contains("Advanced in at least one"), "{first}");
    assert!(!first.contains("more than one"), "{first}");
    assert!(second.contains("Advanced in more than one"), "{second}");
    assert!(!second.contains("at least one"), "{second}");
    // The line that lists the grades says on each which level it is a grade of.
    let level =
        std::fs::read_to_string(imp.root.join("content/levels/staff-engineer-ii.md")).unwrap();
    assert!(
        level.contains("**Includes:** Staff Engineer I, Staff Engineer II"),
        "{level}"
    );
    assert!(
        imp.summary.contains(
            "`Senior Engineer` holds the levels `Senior Engineer I`, `Senior Engineer II`"
        ),
        "{}",
        imp.summary
    );
}
