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
        far.contains("Individual contributor: what changes over 4 levels"),
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
