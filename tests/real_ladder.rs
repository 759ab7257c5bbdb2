//! A real company's ladder (Codecademy's engineering-manager competencies, 4 levels × 5
//! pillars, 125 expectations), converted into the contract's layout and built: every
//! expectation must be where a reader looks for it.

mod common;
use common::*;

#[test]
fn every_codecademy_manager_expectation_is_on_its_level_pillar_and_comparison_pages() {
    let src = real_ladders().join("Codecademy-engineering-competencies/managers.md");
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("ladder");
    let expectations = convert_headings_ladder(&src, &ladder, "management");
    assert_eq!(
        expectations.len(),
        125,
        "the real document has 125 expectations"
    );

    ladderbook().arg("build").arg(&ladder).assert().success();
    let site = ladder.join("book");

    let levels = [
        "engineering-manager",
        "senior-engineering-manager",
        "director",
        "vp",
    ];
    for e in &expectations {
        let want = md_words(&e.text);
        let level_page = page(&site, &format!("levels/{}/", e.level));
        let on_level = section(&level_page, &e.pillar, "class=\"pillar-section\"");
        assert!(
            words(on_level).contains(&want),
            "level page {} section {} lacks: {}",
            e.level,
            e.pillar,
            e.text
        );

        let pillar_page = page(&site, &format!("pillars/{}/", e.pillar));
        let on_pillar = section(&pillar_page, &e.level, "class=\"level-section\"");
        assert!(
            words(on_pillar).contains(&want),
            "pillar page {} section {} lacks: {}",
            e.pillar,
            e.level,
            e.text
        );

        // Every comparison this level takes part in shows it in the pillar's row.
        let me = levels.iter().position(|l| *l == e.level).unwrap();
        for (other_i, other) in levels.iter().enumerate().filter(|(i, _)| *i != me) {
            let (a, b) = if me < other_i {
                (e.level.as_str(), *other)
            } else {
                (*other, e.level.as_str())
            };
            let cmp = page(&site, &format!("compare/{a}/{b}/"));
            // Each column reads as its level's own words, marks and all.
            let sec = section(&cmp, &e.pillar, "class=\"compare-pillar\"");
            let mine = column(sec, if a == e.level { "a" } else { "b" });
            assert!(
                words(&mine).contains(&want),
                "compare/{a}/{b}/ section {} lacks: {}",
                e.pillar,
                e.text
            );
        }
    }

    // Exactly the 125 expectations, each with its own permalink anchor, on the level pages.
    let total: usize = levels
        .iter()
        .map(|l| {
            page(&site, &format!("levels/{l}/"))
                .matches("<li id=\"")
                .count()
        })
        .sum();
    assert_eq!(total, 125);

    // The level introductions are kept as descriptions.
    assert!(
        words(&page(&site, "levels/engineering-manager/")).contains("you are a frontline manager")
    );

    let broken = broken_links(&site);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
