//! `ladderbook import` of levels written as paragraphs rather than lists (browser check 23,
//! H1: Infopulse's BA skill matrix): a sentence ending in a colon over a list of names
//! (`Knows the basic doughs by name:` over `- Shortcrust`), beside sentences standing alone,
//! one per line; and one sentence over a level's list, which sums the level up. The fixtures
//! are our own, in those shapes.

mod common;
mod import_support;
use common::words;
use import_support::*;
use std::fs;

/// Where a level has sentences standing alone, each is an expectation, and a sentence ending
/// in a colon holds the list under it: the list's items are names, not expectations, and
/// read apart (the sentences beside them as notes) the comparison page compared `Choux`
/// with `Brioche` and never showed the sentences. A level whose only paragraph introduces
/// its list (`At this level you:`), or that says one thing more after it, keeps the items
/// as its expectations.
#[test]
fn a_sentence_over_a_list_of_names_is_one_expectation_beside_the_other_sentences() {
    let src = fixture("sections/lead-in-lists.md");
    let text = fs::read_to_string(&src).unwrap();
    let mut levels: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            levels.push((h.to_string(), Vec::new()));
        } else if let Some((_, lines)) = levels.last_mut() {
            if !line.trim().is_empty() {
                lines.push(line.to_string());
            }
        }
    }
    let mut exps = Vec::new();
    let mut notes = Vec::new();
    for (level, lines) in &levels {
        // A level with a sentence that neither introduces a list nor is an item, unless its
        // list is introduced to the reader (`In this role you will:`), whom the sentence
        // beside it tells something (`Most head pastry chefs were …`).
        let framed = lines.iter().any(|l| l.ends_with(':') && l.contains("you"));
        let sentences = !framed
            && lines
                .iter()
                .any(|l| !l.starts_with("- ") && !l.ends_with(':'));
        let exp = |text: &str| Exp {
            level: words(level),
            pillar: "Expectations".to_string(),
            text: text.to_string(),
        };
        for l in lines {
            match l.strip_prefix("- ") {
                Some(item) if sentences => {
                    let last: &mut Exp = exps.last_mut().unwrap();
                    last.text = format!("{} {item}", last.text);
                }
                Some(item) => exps.push(exp(item)),
                None if sentences => exps.push(exp(l)),
                None => notes.push(l.clone()),
            }
        }
    }
    assert_eq!((exps.len(), notes.len()), (14, 3));
    let imp = import(&src, &[]);
    // Every expectation on its level's page, and no more: an item nested in the sentence
    // over it is no expectation of its own.
    assert_placed(&imp, &exps, &[]);
    let page = fs::read_to_string(imp.site.join("levels/pastry-cook/index.html")).unwrap();
    let lead = page.find("Knows which doughs rest overnight").unwrap();
    let nested = page[lead..].find("<ul").unwrap();
    let item = page[lead..].find("Brioche").unwrap();
    let next = page[lead..].find("Knows the three ways").unwrap();
    assert!(
        nested < item && item < next,
        "Brioche is not nested in its sentence"
    );
    let senior = competency(&imp, "senior-pastry-cook", "expectations");
    assert!(senior.contains(&format!("\n{}\n", notes[0])), "{senior}");
    let head = competency(&imp, "head-pastry-chef", "expectations");
    for note in &notes[1..] {
        assert!(head.contains(note.as_str()), "{note}\n{head}");
    }
    // On the level's page the sentence that introduces the list stands over it, and the one
    // after it follows it (both were shown after the list, the introduction cut off from
    // what it introduces: browser check 24).
    let page = fs::read_to_string(imp.site.join("levels/head-pastry-chef/index.html")).unwrap();
    let at = |s: &str| {
        page.find(s)
            .unwrap_or_else(|| panic!("{s} not on the page"))
    };
    assert!(at("In this role you will:") < at("Write the dessert menu"));
    assert!(at("Cost every plate") < at("Most head pastry chefs"));
}

#[test]
fn one_sentence_over_a_levels_list_describes_the_level() {
    // Hunt 24 L1: `At this level, a writer covers a beat of their own.` over the level's
    // list was its first expectation, with an anchor of its own, not its description.
    let src = fixture("sections/level-summaries.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    for (id, sentence) in [
        (
            "writer-ii",
            "At this level, a writer covers a beat of their own.",
        ),
        (
            "senior-writer",
            "At this level, a writer sets the tone of a whole section.",
        ),
    ] {
        assert!(text.contains(sentence));
        let level = fs::read_to_string(imp.root.join(format!("content/levels/{id}.md"))).unwrap();
        assert!(level.contains(sentence), "{id}: {level}");
        let cell = competency(&imp, id, "expectations");
        assert!(!cell.contains(sentence), "{id}: {cell}");
        assert_eq!(cell.matches("\n- ").count(), 2, "{id}: {cell}");
    }
}

/// A sentence left open over the list that finishes it (`The apprentice needs to` over `-
/// learn the proving times …`) leads into the list, as one ending in a colon does (hunt 46
/// H46-01: it was the level's summary, the items fragments under it).
#[test]
fn a_sentence_left_open_over_a_list_leads_into_it() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("bakers.md");
    fs::write(
        &src,
        "# Bakery Levels\n\n## Apprentice Baker\n\nThe apprentice needs to\n- learn the proving times of every dough\n- keep the bench clean\n\n## Baker\n\nA baker who\n- shapes loaves without help\n- runs the morning bake alone\n\n## Head Baker\n\nAt this level, a baker runs the bakery.\n- plans the week's bake\n- trains the apprentices\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    for (id, lead) in [
        ("apprentice-baker", "The apprentice needs to"),
        ("baker", "A baker who"),
    ] {
        let level = fs::read_to_string(imp.root.join(format!("content/levels/{id}.md"))).unwrap();
        assert!(!level.contains(lead), "{id}: {level}");
        let cell = competency(&imp, id, "expectations");
        assert!(cell.contains(lead), "{id}: {cell}");
    }
    // A finished sentence still sums its level up.
    let head = fs::read_to_string(imp.root.join("content/levels/head-baker.md")).unwrap();
    assert!(
        head.contains("At this level, a baker runs the bakery."),
        "{head}"
    );
}

#[test]
fn a_line_wholly_in_emphasis_after_a_levels_one_paragraph_is_a_note() {
    // `## Apprentice Baker` / one paragraph / `_Next step: Baker_` (freistil's runbook, hunt
    // 39 H39-05): the line was the level's second expectation, where after two paragraphs it
    // is a note.
    let src = fixture("sections/framing-after-one-paragraph.md");
    let imp = import(&src, &[]);
    for level in ["apprentice-baker", "baker", "senior-baker"] {
        let cell = competency(&imp, level, "expectations");
        let items: Vec<&str> = cell.lines().filter(|l| l.starts_with("- ")).collect();
        assert!(
            items.iter().all(|l| !l.contains("Next step")),
            "{level}: {cell}"
        );
        assert!(cell.contains("_Next step:"), "{level}: {cell}");
    }
}
