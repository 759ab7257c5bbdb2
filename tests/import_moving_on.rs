//! `ladderbook import` on what it takes to move on from a level, written inside the level:
//! a lead-in line over a list (`Promotion to Level 2 requires:`, `To reach Level 3:`), a bold
//! label over a list (`**Exit criteria — ready for L2 when able to:**`), a line wholly in bold
//! after the last label, a heading with words after `when` (`### Ready for L4 when able
//! to`), and a label naming the path on (`**Path to L3:**`). Each stays in the level's description, as `## Ready for Senior When...` does: not
//! the level's expectations, not a pillar of its own, not more of the label above it. Our own
//! ladders in those shapes; the tests read the sources themselves.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;

/// The source's items and lines, each with its level's title (the text after the code and
/// dash of its heading) and whether it is what it takes to move on: the moving-on line
/// itself, and the items after it up to the next heading or label. The text after a label
/// (`**Cataloguing:** Describes …`) is an expectation.
fn read(src: &str) -> Vec<(String, String, bool)> {
    let opens = [
        "Promotion to",
        "To reach",
        "**Exit criteria",
        "### Ready for",
        "**Path to",
        "**What's next",
    ];
    let (mut level, mut moving, mut out) = (String::new(), false, Vec::new());
    for line in src.lines() {
        if let Some(h) = line
            .strip_prefix("## ")
            .or_else(|| line.strip_prefix("### "))
        {
            if let Some((_, title)) = h.split_once(" - ").or_else(|| h.split_once(" — ")) {
                level = title.to_string();
                moving = false;
                continue;
            }
        }
        if opens.iter().any(|o| line.starts_with(o)) {
            moving = true;
            out.push((
                level.clone(),
                line.trim_start_matches('#').trim().to_string(),
                true,
            ));
        } else if let Some((_, text)) = line.split_once(":** ") {
            moving = false;
            out.push((level.clone(), text.to_string(), false));
        } else if let Some(item) = line.strip_prefix("- ") {
            out.push((level.clone(), item.to_string(), moving));
        }
    }
    out
}

/// Checks each of `src`'s items against the import: what it takes to move on is in its
/// level's file, after the front-matter, and on no competency; the rest is on competencies.
fn check(name: &str, moving_on: usize, pillars: &[&str]) {
    let src = fixture(&format!("sections/{name}"));
    let units = read(&fs::read_to_string(&src).unwrap());
    assert_eq!(units.iter().filter(|u| u.2).count(), moving_on);
    let imp = import(&src, &[]);
    assert_eq!(titles(&imp.root.join("content/pillars")), pillars);
    let cells: String = walkdir::WalkDir::new(imp.root.join("content/competencies"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(!cells.is_empty());
    for (level, text, moving) in &units {
        let id = level.to_lowercase().replace(' ', "-");
        let own = fs::read_to_string(imp.root.join(format!("content/levels/{id}.md"))).unwrap();
        let page = words(&page(&imp.site, &format!("levels/{id}/")));
        assert!(page.contains(&md_words(text)), "levels/{id}/ lacks {text}");
        if *moving {
            assert!(
                words(body(&own)).contains(&md_words(text)),
                "{id}'s description lacks {text}:\n{own}"
            );
            assert!(!cells.contains(text.as_str()), "{text} is an expectation");
            // Written as the heading it stands for: no level's summary (its description's
            // first paragraph) says what the next level asks.
            let summary = ladder_json_level(&imp.site, &id)["summary"].to_string();
            assert!(
                !words(&summary).contains(&md_words(text)),
                "{id}'s summary is {summary}"
            );
        } else {
            assert!(cells.contains(text.as_str()), "{text} is no expectation");
        }
    }
}

#[test]
fn promotion_lead_ins_over_lists_describe_the_level() {
    check("promotion-lead-ins.md", 6, &["Expectations"]);
}

#[test]
fn exit_criteria_labels_lines_and_headings_describe_the_level() {
    check("exit-criteria.md", 7, &["Cataloguing", "Reading room"]);
}

#[test]
fn path_to_labels_describe_the_level_not_a_pillar_per_level() {
    // `**Path to IC3:**` under each level made a pillar of each, filled at one level only,
    // so every level page showed pillars not defined yet (hunt 41, H41-05).
    check("path-to-labels.md", 8, &["Safety", "Set changes"]);
}
