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

#[test]
fn a_level_page_lists_each_comparison_with_an_equivalent_level_once() {
    // Both ways round are published (`compare/staff-engineer/engineering-manager/` and the
    // reverse), and a level page listed both, one under the other (browser check 43, B43-03):
    // it lists the one with its own level first.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("book");
    build_example(&site);
    let listed = |level: &str| -> Vec<String> {
        let page = page(&site, &format!("levels/{level}/"));
        section(&page, "related-heading", "</section>")
            .split("<h3>Comparisons</h3>")
            .nth(1)
            .and_then(|s| s.split("</ul>").next())
            .unwrap_or_default()
            .split("<li>")
            .skip(1)
            .map(words)
            .collect()
    };
    let staff = listed("staff-engineer");
    assert!(
        staff.contains(&"staff engineer and engineering manager".to_string()),
        "{staff:?}"
    );
    assert!(
        !staff.contains(&"engineering manager and staff engineer".to_string()),
        "{staff:?}"
    );
    let manager = listed("engineering-manager");
    assert!(
        manager.contains(&"engineering manager and staff engineer".to_string()),
        "{manager:?}"
    );
    assert!(
        !manager.contains(&"staff engineer and engineering manager".to_string()),
        "{manager:?}"
    );
    // Comparisons on the level's own track are still there, one per pair.
    assert!(
        staff.contains(&"senior engineer and staff engineer".to_string()),
        "{staff:?}"
    );
    for list in [&staff, &manager] {
        let mut unique = list.clone();
        unique.dedup();
        assert_eq!(&unique, list);
    }
}

/// A comparison of two equivalent levels does not offer itself the other way round among
/// its "Other comparisons" (author check 45 A45-05), and its fold of the expectations the
/// two share says so in words that read (it said "1 the same word for word").
#[test]
fn a_comparison_of_equivalents_offers_other_pairs_not_itself_reversed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("book");
    build_example(&site);
    let page = page(&site, "compare/staff-engineer/engineering-manager/");
    let others = section(&page, "related-heading", "</section>");
    assert!(
        !others.contains("compare/engineering-manager/staff-engineer/"),
        "{others}"
    );
    assert!(others.contains("compare/"), "{others}");
    // Nor does any page list another pair of equivalents both ways round (browser check 47
    // B47-02): once, its own level first.
    let page2 = common::page(&site, "compare/engineering-manager/director/");
    let others2 = section(&page2, "related-heading", "</section>");
    assert!(
        others2.contains("compare/engineering-manager/staff-engineer/"),
        "{others2}"
    );
    assert!(
        !others2.contains("compare/staff-engineer/engineering-manager/"),
        "{others2}"
    );
    assert!(!page.contains("the same word for word"), "{page}");
    if page.contains("<summary>") {
        let folds: Vec<&str> = page
            .split("<summary>")
            .skip(1)
            .filter_map(|s| s.split("</summary>").next())
            .filter(|s| s.contains("word for word"))
            .collect();
        assert!(
            folds
                .iter()
                .all(|f| f.ends_with("word for word the same at both")),
            "{folds:?}"
        );
    }
}

/// `/compare/` lists each pair of equivalent levels once, the track listed first leading, in
/// rank order (author check 48 A48-03, browser check 47 B47-02: every pair was listed both
/// ways round, `Staff Engineer and Engineering Manager` and `Engineering Manager and Staff
/// Engineer`, in no order a manager could scan). Both pages of a pair are still built.
#[test]
fn the_comparison_index_lists_each_equivalent_pair_once_in_rank_order() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("book");
    build_example(&site);
    let index = page(&site, "compare/");
    let across = section(&index, "equivalents-heading", "</section>");
    let links: Vec<&str> = across
        .split("<li><a href=\"")
        .skip(1)
        .map(|l| l.split('<').next().unwrap())
        .collect();
    let names: Vec<&str> = links
        .iter()
        .map(|l| l.split("\">").nth(1).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Staff Engineer and Engineering Manager",
            "Senior Staff Engineer and Senior Engineering Manager",
            "Principal Engineer and Director of Engineering",
        ],
        "{across}"
    );
    for both in [
        "compare/staff-engineer/engineering-manager/",
        "compare/engineering-manager/staff-engineer/",
    ] {
        assert!(site.join(both).join("index.html").is_file(), "{both}");
    }
}

/// A comparison across tracks that marks words in a reworded expectation says what the marks
/// mean, as one on a track does (author check 48 A48-09: words struck through in red on a
/// page about moving sideways, with a legend that did not say why).
#[test]
fn marks_across_tracks_are_explained_in_the_legend() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    let staff = fs::read_to_string(d.join("content/competencies/staff-engineer/craft.md")).unwrap();
    let first = staff.lines().find(|l| l.starts_with("- ")).unwrap();
    let words: Vec<&str> = first.split(' ').collect();
    assert!(words.len() > 8, "{first}");
    // The same expectation with one word changed, at the Engineering Manager.
    let reworded = words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == 5 { "carefully" } else { *w })
        .collect::<Vec<_>>()
        .join(" ");
    let em = d.join("content/competencies/engineering-manager/craft.md");
    let text = fs::read_to_string(&em).unwrap();
    fs::write(&em, format!("{}\n{reworded}\n", text.trim_end())).unwrap();
    ladderbook().arg("build").arg(d).assert().success();
    let html = page(
        &d.join("book"),
        "compare/staff-engineer/engineering-manager/",
    );
    assert!(html.contains("status-changed"), "{html}");
    assert!(
        html.contains("in each level's own words: the words only Staff Engineer uses <del>struck through</del>, the words only Engineering Manager uses <ins>underlined</ins>"),
        "{html}"
    );
}

#[test]
fn a_pair_across_tracks_with_too_few_words_to_mark_is_a_closest_match() {
    // "Runs the blameless review after each incident …" beside "Makes sure every incident the
    // team causes gets a blameless review": badged "worded differently", as a marked rewording
    // is, with no word marked and a legend that promised marks (author check 50, A50-06).
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    let append = |rel: &str, line: &str| {
        let path = d.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{}\n- {line}\n", text.trim_end())).unwrap();
    };
    append(
        "content/competencies/staff-engineer/delivery.md",
        "Runs the blameless review after each incident the team causes and shares what it taught.",
    );
    append(
        "content/competencies/engineering-manager/delivery.md",
        "Makes sure every incident the team causes gets a blameless review.",
    );
    ladderbook().arg("build").arg(d).assert().success();
    let html = page(
        &d.join("book"),
        "compare/staff-engineer/engineering-manager/",
    );
    let row = section(&html, "delivery", "</section>")
        .split("<li class=\"pair ")
        .find(|r| r.contains("blameless review after each incident"))
        .expect("the incident review row")
        .to_string();
    assert!(row.starts_with("status-rewritten"), "{row}");
    assert!(row.contains(">closest match<"), "{row}");
    assert!(!row.contains("<del>") && !row.contains("<ins>"), "{row}");
    let legend = words(&html[html.find("<details class=\"legend\"").unwrap()..]);
    assert!(
        legend.contains("closest match the expectation of engineering manager that shares the most telling words with it"),
        "{legend}"
    );
}
