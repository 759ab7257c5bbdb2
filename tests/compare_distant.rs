//! Comparisons of two levels several steps apart on one track (browser check 25): the page
//! says how far apart they are, and lists as long are no evidence that their expectations
//! correspond, as they are between neighbouring levels written in parallel.

mod common;
use common::*;

/// The status of each row of `pillar`'s section of a comparison page, in order.
fn statuses(html: &str, pillar: &str) -> Vec<String> {
    section(html, pillar, "</section>")
        .split("<li class=\"pair status-")
        .skip(1)
        .map(|r| r[..r.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn levels_several_steps_apart_are_not_paired_by_their_places_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    // Engineer II and Principal Engineer each list three Citizenship expectations that share
    // no telling word: placed side by side they were three "rewritten" rows, "Takes part in
    // blameless incident reviews" beside "Advises on the career ladder itself".
    let far = page(&site, "compare/engineer-2/principal-engineer/");
    assert_eq!(
        statuses(&far, "citizenship"),
        [
            "not-restated",
            "not-restated",
            "not-restated",
            "new",
            "new",
            "new"
        ]
    );
    assert!(
        far.contains("Individual contributor: what changes 4 levels up"),
        "{far}"
    );
    // Neighbours keep both.
    let next = page(&site, "compare/senior-engineer/staff-engineer/");
    assert!(
        next.contains("Individual contributor: what changes from one level to the next"),
        "{next}"
    );
    assert!(!next.contains("what changes over"));
}

#[test]
fn the_legend_explains_only_the_marks_its_page_shows() {
    // Octopus's L1.0 → L6 page, every row "new", explained five marks in 200 px of text
    // (browser check 25 L5).
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    let mut pages = 0;
    for entry in std::fs::read_dir(site.join("compare")).unwrap() {
        let a = entry.unwrap().path();
        let Ok(inner) = std::fs::read_dir(&a) else {
            continue;
        };
        for b in inner {
            let html = std::fs::read_to_string(b.unwrap().path().join("index.html")).unwrap();
            if !html.contains("what changes") {
                continue;
            }
            pages += 1;
            let legend = section(&html, "summary-heading", "</details>");
            for (term, shown) in [
                ("changed", "badge-changed"),
                ("closest match", "badge-rewritten"),
                ("new", "badge-new"),
                ("not restated", "badge-not-restated"),
                ("carried over", "class=\"carried\""),
            ] {
                assert_eq!(
                    legend.contains(&format!("<dt>{term}</dt>")),
                    html.contains(shown),
                    "{term}: {legend}"
                );
            }
        }
    }
    assert!(pages > 20, "{pages}");
}

#[test]
fn on_tracks_whose_levels_share_titles_a_comparison_is_titled_by_its_track_too() {
    // Monzo's engineering tracks each have `Level 1` … `Level 7`: the heading read "Level 3
    // and Level 4", with the track only in small text over it (browser check 25 L8).
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("monzo");
    ladderbook()
        .arg("import")
        .arg(real_ladders().join("monzo-progression-framework/frameworks/engineering"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    ladderbook().arg("build").arg(&out).assert().success();
    let html = page(
        &out.join("book"),
        "compare/backend-level-3/backend-level-4/",
    );
    let h1 = &html[html.find("<h1>").unwrap()..html.find("</h1>").unwrap()];
    assert!(h1.contains("Backend Engineering Framework:"), "{h1}");
    assert!(
        h1.contains(">Level 3</a>") && h1.contains(">Level 4</a>"),
        "{h1}"
    );
    // The line over it does not say the track again.
    assert!(
        html.contains("<p class=\"eyebrow\">What changes from one level to the next</p>"),
        "{html}"
    );
    // Where no other track has the titles, the heading is the levels' alone.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    let html = page(&site, "compare/senior-engineer/staff-engineer/");
    assert!(!html.contains("h1-track"));
}
