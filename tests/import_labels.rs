//! `ladderbook import` on pillar labels written without the colon import otherwise looks for:
//! a name alone over a nested list (`- Requirements` / `  - …`) under every level, as
//! contributor ladders write them, and a name with a qualifier in parentheses
//! (`- Requirements (any one of these):`); and bold items that are the levels themselves, on a
//! page that is the whole ladder (`- **Junior guide (what we look for)**` over its list). Our
//! own ladders in those shapes; the tests read the sources' items themselves. Also what names
//! the track when a role's heading stands over an `# Expectations` heading, and bold labels set
//! off by a dash (`* **[Technique](#…) - Learns**`, `* **Team** – Follows the pass`), and
//! sub-headings that are statements in the first person (`#### I am a trusted leader of the
//! whole crew.`), which are a level's expectations (their lists nested under them) rather
//! than pillars;
//! and sections of a document that each list a track's levels by name in bold
//! (`### 2.1. Collections track` / `1. **Junior Collections Officer**` over its list); and,
//! among paragraphs that are a level's expectations, lines wholly in emphasis that frame them;
//! and labels on lines one under the other, the last alone over a list; and areas that list
//! their levels under a `**Levels:**` label; and a heading that leads into a list
//! (`# What the dimensions mean here:`) between a document's title and its levels.

mod common;
mod import_support;
use common::{page, words};
use import_support::*;
use std::fs;

#[test]
fn names_alone_over_nested_lists_under_every_level_are_its_pillars() {
    // Without a colon, the levels were read as the pillars of one level named after the
    // document, and `Requirements (any one of these):` was filed under the pillar above it.
    let src = fixture("sections/bare-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(label) = line.strip_prefix("- ") {
            pillar = label.split(" (").next().unwrap().to_string();
        } else if let Some(item) = line.strip_prefix("  - ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 11);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // The qualifier introduces the items it qualifies.
    let cell = competency(&imp, "desk-volunteer", "requirements");
    let (qualifier, first) = (
        cell.find("(any one of these)").unwrap(),
        cell.find("Six months").unwrap(),
    );
    assert!(qualifier < first, "{cell}");
    let ranks: Vec<i64> = ["shelver", "desk-volunteer", "volunteer-coordinator"]
        .iter()
        .map(|id| level_rank(&imp, id))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
}

#[test]
fn a_page_of_bold_items_each_a_level_is_a_track_of_those_levels() {
    // `- **Junior guide (what we look for)**` over its list, on a page titled `Tiers`: the page
    // was one level, `Tiers`, whose pillars were the levels.
    let src = fixture("sections/bold-item-levels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(l) = line.strip_prefix("- **").and_then(|l| l.strip_suffix("**")) {
            // `Trainee guide (what we look for)` is the level `Trainee guide`.
            level = l.trim_end_matches(" (what we look for)").to_string();
        } else if let Some(item) = line.strip_prefix("    - ") {
            exps.push(Exp {
                level: words(&level),
                pillar: "Expectations".to_string(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 7);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let levels = content_files(&imp.root.join("content/levels"));
    let mut ranked: Vec<(i64, String)> = levels
        .iter()
        .map(|(id, _)| (level_rank(&imp, id), id.clone()))
        .collect();
    ranked.sort();
    let ids: Vec<&str> = ranked.iter().map(|r| r.1.as_str()).collect();
    // The words in brackets after every name label the items and name no level (hunt 26
    // L1: they were in every title and id).
    assert_eq!(ids, ["trainee-guide", "junior-guide", "senior-guide"]);
    assert!(
        imp.summary
            .contains("`(what we look for)` after every level's name labels the items"),
        "{}",
        imp.summary
    );
    // The page's own text describes the track.
    let track = fs::read_to_string(imp.root.join("content/tracks/bold-item-levels.md")).unwrap();
    assert!(track.contains("Tiers are reviewed each spring."), "{track}");
}

#[test]
fn a_role_heading_over_an_expectations_heading_names_the_track() {
    // `# Translator` / its text, then `# Expectations` over the levels: the track was titled
    // `Expectations`, and the role's text a free page of its own.
    let src = fixture("sections/role-then-expectations.md");
    let imp = import(&src, &[]);
    let track =
        fs::read_to_string(imp.root.join("content/tracks/role-then-expectations.md")).unwrap();
    assert!(track.contains("title = \"Translator\""), "{track}");
    assert!(
        track.contains("A translator turns our product's words"),
        "{track}"
    );
    assert!(
        track.contains("What we expect from a translator"),
        "{track}"
    );
    assert!(content_files(&imp.root.join("content"))
        .iter()
        .all(|(id, _)| id != "translator"));
}

#[test]
fn bold_labels_set_off_by_a_dash_are_the_pillars_of_each_level() {
    // `* **[Technique](#…) - Learns**`, the scale's word inside the bold, as the Engineering
    // Ladders framework's copies write it: no colon, so no label; the levels had one pillar
    // whose expectations were the whole bold lines.
    let src = fixture("sections/dashed-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.split(" - ").nth(1).unwrap().to_string();
        } else if let Some(item) = line.strip_prefix("* **").filter(|_| !level.is_empty()) {
            let item = item.trim_end_matches("**");
            let (label, value) = item
                .split_once(" - ")
                .or_else(|| item.split_once("** – "))
                .unwrap();
            let pillar = label.trim_start_matches('[').split(']').next().unwrap();
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.to_string(),
                text: value.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // Pillars are named by the link's text, not its Markdown.
    let mut pillars: Vec<String> = content_files(&imp.root.join("content/pillars"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    pillars.sort();
    assert_eq!(pillars, ["station", "team", "technique"]);
    assert!(imp.summary.contains("set off by a dash"), "{}", imp.summary);
}

/// The statements of a document of `## Level` sections over `#### Statement` headings over
/// lists, each an expectation of its level in the one pillar `Expectations`; and each item of
/// those lists, with its level's id.
fn statement_expectations(text: &str) -> (Vec<Exp>, Vec<(String, String)>) {
    let (mut level, mut exps, mut items) = (String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(h) = line.strip_prefix("#### ") {
            exps.push(Exp {
                level: words(&level),
                pillar: "Expectations".to_string(),
                text: h.to_string(),
            });
        } else if let Some(item) = line.strip_prefix("- ") {
            items.push((words(&level).replace(' ', "-"), item.to_string()));
        }
    }
    (exps, items)
}

/// Each item is nested in its level's expectations.
fn assert_nested(imp: &Imported, items: &[(String, String)]) {
    for (level, item) in items {
        let cell = competency(imp, level, "expectations");
        assert!(
            cell.contains(&format!("\n  - {item}")),
            "{level}: {item}\n{cell}"
        );
    }
}

#[test]
fn statements_under_each_level_are_its_expectations_and_name_no_level() {
    // A statement two of three levels make (`I am a steady, cheerful member of the crew.`)
    // made every statement a pillar: five pillars, most of them empty at most levels.
    let src = fixture("sections/statements.md");
    let (exps, items) = statement_expectations(&fs::read_to_string(&src).unwrap());
    assert_eq!((exps.len(), items.len()), (6, 10));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // Each statement is an expectation, its list nested under it.
    assert_nested(&imp, &items);
    assert_eq!(content_files(&imp.root.join("content/pillars")).len(), 1);
    // With no statement shared, a role's word in one (`leader`, `executive`) made the
    // statements the levels, and the levels free pages.
    let src = fixture("sections/statements-roles.md");
    let (exps, items) = statement_expectations(&fs::read_to_string(&src).unwrap());
    assert_eq!((exps.len(), items.len()), (4, 6));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_nested(&imp, &items);
    let mut levels: Vec<String> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    levels.sort();
    assert_eq!(levels, ["junior-deckhand", "senior-mate"]);
}

/// Hunt 30 H3 (a progression framework's `### You work effectively as a team member, …`):
/// statements in the second person are statements too. The levels that wrote them were
/// refused as "found no ladder", where the same text in the first person imported.
#[test]
fn statements_in_the_second_person_are_expectations_too() {
    let src = fixture("sections/statements-you.md");
    let text = fs::read_to_string(&src)
        .unwrap()
        .replace("\n### ", "\n#### ");
    let (exps, items) = statement_expectations(&text);
    assert_eq!((exps.len(), items.len()), (5, 8));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_nested(&imp, &items);
    assert_eq!(
        ranked_levels(&imp),
        ["apprentice-keeper", "keeper", "head-keeper"]
    );
}

#[test]
fn sections_that_list_levels_by_name_in_bold_are_tracks_of_those_levels() {
    // `### 2.1. Collections track` / `#### Individual levels` / `1. **Junior Collections
    // Officer**` over its list: the tracks were the levels, the grouping headings their
    // pillars, and each level's name and list one expectation; a track's section without
    // grouping headings was a free page.
    let src = fixture("sections/track-lists.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut track, mut level) = (String::new(), String::new());
    let (mut exps, mut tracks): (Vec<Exp>, Vec<(String, Vec<String>)>) = (Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            track = h.to_string();
            // The outline number (`2.1.`) orders the heading; it is no part of the title.
            let (_, title) = h.split_once(". ").unwrap();
            tracks.push((title.to_string(), Vec::new()));
        } else if let Some((_, name)) = line.split_once(". **").filter(|_| !track.is_empty()) {
            level = name.trim_end_matches("**").to_string();
            tracks
                .last_mut()
                .unwrap()
                .1
                .push(words(&level).replace(' ', "-"));
        } else if let Some(item) = line.strip_prefix("   - ") {
            exps.push(Exp {
                level: words(&level),
                pillar: "Expectations".to_string(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!((tracks.len(), exps.len()), (3, 12));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    // Each section is a track, its levels ranked in the order written (hunt 19 G7: its
    // title was `2.1. Collections track`, its id `2-1-collections-track`).
    for (title, levels) in &tracks {
        let ranks: Vec<i64> = levels.iter().map(|id| level_rank(&imp, id)).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{title}: {ranks:?}");
        let track = str_of(
            &front(&imp.root.join(format!("content/levels/{}.md", levels[0]))),
            "track",
        );
        let page = fs::read_to_string(imp.root.join(format!("content/tracks/{track}.md"))).unwrap();
        assert!(page.contains(&format!("title = \"{title}\"")), "{page}");
    }
}

#[test]
fn a_line_wholly_in_emphasis_among_expectation_paragraphs_is_a_note() {
    // `_At this level, a beekeeper …_` and `__Experience: one season …__` were numbered
    // expectations, where the same lines beside a list are notes.
    let src = fixture("sections/framing-lines.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps, mut framing) = (String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if line.starts_with('_') {
            framing.push((words(&level).replace(' ', "-"), line.to_string()));
        } else if !line.is_empty() && !line.starts_with('#') {
            exps.push(Exp {
                level: words(&level),
                pillar: "Expectations".to_string(),
                text: line.to_string(),
            });
        }
    }
    assert_eq!((exps.len(), framing.len()), (5, 4));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    for (level, line) in framing {
        let cell = competency(&imp, &level, "expectations");
        assert!(cell.contains(&format!("\n{line}\n")), "{line}\n{cell}");
    }
}

#[test]
fn a_label_line_over_a_label_alone_over_a_list_is_two_pillars() {
    // `**Horizon**: A product area` directly over `**Troubleshooting**:` and its list: one
    // paragraph in Markdown. The second label was read as part of the first's value, so
    // Troubleshooting was no pillar and its items were filed under Horizon.
    let src = fixture("sections/stacked-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(rest) = line.strip_prefix("**") {
            let (label, value) = rest.split_once("**").unwrap();
            pillar = label.trim_end_matches(':').to_string();
            let value = value.trim_start_matches(':').trim();
            if !value.is_empty() {
                exps.push(Exp {
                    level: words(&level),
                    pillar: pillar.clone(),
                    text: value.to_string(),
                });
            }
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["collaboration", "horizon", "troubleshooting"]
    );
}

#[test]
fn areas_that_list_their_levels_under_a_levels_label_read_the_other_way_round() {
    // `### 1. Site visits` / a sentence / `**Levels:**` / `- **Learning**: …`: the areas were
    // the levels (`1. Site visits` …) and `Levels` their one pillar, each item keeping its
    // level's name, so every comparison compared two areas.
    let src = fixture("sections/levels-label.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut area, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            area = h.split_once(". ").unwrap().1.to_string();
        } else if let Some(item) = line.strip_prefix("- **") {
            let (level, said) = item.split_once("**: ").unwrap();
            exps.push(Exp {
                level: words(level),
                pillar: area.clone(),
                text: said.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["customer-care", "installations", "site-visits"]
    );
    let ranks: Vec<i64> = ["learning", "doing", "guiding"]
        .iter()
        .map(|id| level_rank(&imp, id))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    // Each area's sentence describes its pillar.
    let pillar =
        words(&fs::read_to_string(imp.site.join("pillars/installations/index.html")).unwrap());
    assert!(pillar.contains("putting equipment in so it keeps working"));
}

#[test]
fn skills_over_numbered_proficiencies_indented_two_spaces_are_pillars_of_those_levels() {
    // `## Wiring` / `1. Awareness` / `  - list …`: two spaces are fewer than `1. ` needs, so
    // by CommonMark the lists stood beside the numbered items. The skill catalogue came out
    // as one level of five pillars whose expectations mixed `Awareness` and its items; nested
    // properly, it was inside out (skills as levels). The last skill names a role, as some of
    // the UK government's do.
    let src = fixture("sections/numbered-proficiencies.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut skill, mut level, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            skill = h.to_string();
        } else if let Some((_, name)) = line.split_once(". ").filter(|(n, _)| n.len() == 1) {
            level = words(name);
        } else if let Some(item) = line.strip_prefix("  - ") {
            exps.push(Exp {
                level: level.clone(),
                pillar: skill.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 22);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["awareness", "expert", "practitioner", "working"]
    );
    let ranks: Vec<i64> = ["awareness", "working", "practitioner", "expert"]
        .iter()
        .map(|id| level_rank(&imp, id))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    // The skill's sentence, and the roles that use it, describe its pillar.
    let pillar =
        words(&fs::read_to_string(imp.site.join("pillars/surveying-a-site/index.html")).unwrap());
    assert!(
        pillar.contains("finding out what a building needs"),
        "{pillar}"
    );
    assert!(
        pillar.contains("roles that use this skill field technician"),
        "{pillar}"
    );
}

#[test]
fn labels_ended_by_a_line_break_are_pillars_over_the_text_below_them() {
    // `**Summary**` and two spaces over its sentence, and italic `*Picking*` so written under
    // `**Skills**`: read as emphasis, every level had one pillar, Reach, holding the rest
    // as loose notes.
    let src = fixture("sections/hard-break-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut label, mut exps) = (String::new(), None::<String>, Vec::new());
    for line in text.lines() {
        let bare = line.trim_end_matches([' ', '\\']);
        if let Some(h) = line.strip_prefix("### ") {
            level = words(h);
        } else if line != bare && bare.starts_with('*') {
            label = Some(bare.trim_matches('*').to_string());
        } else if let Some(pillar) = &label {
            let said = line.strip_prefix("- ").unwrap_or(line);
            if !said.is_empty() {
                exps.push(Exp {
                    level: level.clone(),
                    pillar: pillar.clone(),
                    text: said.to_string(),
                });
            }
            if line.is_empty() && exps.last().is_some_and(|e| e.pillar == *pillar) {
                label = None;
            }
        }
    }
    assert_eq!(exps.len(), 15);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["ladders", "picking", "reach", "summary"]
    );
}

#[test]
fn bold_labels_joined_to_their_paragraph_by_a_dash_are_pillars() {
    // `**Communication** - Repeats an order back …` at every level: the paragraphs went to
    // the levels' descriptions and no pillar was made of them.
    let src = fixture("sections/dash-labelled-paragraphs.md");
    let text = std::fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = common::words(h);
        } else if let Some((label, said)) = line
            .strip_prefix("**")
            .and_then(|l| l.split_once("** - ").or_else(|| l.split_once("** – ")))
        {
            exps.push(Exp {
                level: level.clone(),
                pillar: label.to_string(),
                text: said.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["communication", "composure", "teamwork"]
    );
}

/// Skill sections each with one labelled line about the skill over bullets that open with a
/// level's code (`**Focus**: …` over `- **G1**: …`, hunt 19 G3: a Meta-style expectations
/// file): the line made the skills levels whose one pillar was `Focus`, every level's bullet
/// in that one cell. The codes are the levels (`G3+`, that level and those above, among
/// them), the skills the pillars, and the line describes its pillar.
#[test]
fn a_labelled_line_over_coded_bullets_describes_the_skill() {
    let src = fixture("sections/coded-skills-with-focus.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut skill, mut exps, mut focus) = (String::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            skill = h.to_string();
        } else if let Some(f) = line.strip_prefix("**Focus**: ") {
            focus.push((words(&skill).replace(' ', "-"), f.to_string()));
        } else if let Some((code, e)) = line.strip_prefix("- **").and_then(|l| l.split_once("**: "))
        {
            exps.push(Exp {
                level: words(code),
                pillar: skill.clone(),
                text: e.to_string(),
            });
        }
    }
    assert_eq!((exps.len(), focus.len()), (9, 3));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["g1", "g2", "g3-plus"]
    );
    for (pillar, line) in focus {
        let text = words(&page(&imp.site, &format!("pillars/{pillar}/")));
        assert!(text.contains(&words(&line)), "{pillar}: {line}");
    }
}

/// Levels written as one-line labels (`**Lamp**: Cleans the lens …`), the last followed by a
/// photo's caption and the photo (hunt 19 G5, a blog post exported from Medium): the caption
/// and the photo were two more expectations of the last label. They describe the level.
#[test]
fn a_caption_after_the_last_one_line_label_is_no_expectation_of_it() {
    let src = fixture("sections/caption-after-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps, mut after) = (String::new(), Vec::new(), Vec::new());
    // After a level's last label (`Also called`), until the next level.
    let mut past_last = false;
    for line in text.lines().skip(1) {
        if let Some(h) = line.strip_prefix("# ") {
            level = h.split_once("\\. ").unwrap().1.to_string();
            past_last = false;
        } else if let Some((label, value)) =
            line.strip_prefix("**").and_then(|l| l.split_once("**: "))
        {
            exps.push(Exp {
                level: words(&level),
                pillar: label.to_string(),
                text: value.to_string(),
            });
            past_last = label == "Also called";
        } else if past_last && !line.is_empty() {
            after.push((words(&level).replace(' ', "-"), line.to_string()));
        }
    }
    assert_eq!((exps.len(), after.len()), (9, 2));
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    for (level, line) in after {
        let desc = fs::read_to_string(imp.root.join(format!("content/levels/{level}.md"))).unwrap();
        assert!(desc.contains(&line), "{line}\n{desc}");
    }
}

#[test]
fn a_heading_that_leads_into_a_list_names_no_track() {
    // Hunt 23 H1: `# What the dimensions mean here:` between the document's title and its
    // levels titled the track, and `# Kitchen Brigade` with its text became a free page
    // (Layr's ladder: 8 of its 9 tracks were "System Specifics:").
    let src = fixture("sections/dashed-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let title = text.lines().next().unwrap().strip_prefix("# ").unwrap();
    let intro = text.lines().nth(2).unwrap();
    let imp = import(&src, &[]);
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 1, "{}", imp.summary);
    let track = fs::read_to_string(&tracks[0].1).unwrap();
    assert_eq!(str_of(&front(&tracks[0].1), "title"), title);
    assert!(track.contains(intro), "{track}");
    assert!(
        track.contains("## What the dimensions mean here:\n"),
        "{track}"
    );
    assert!(!imp.root.join("content/pages").exists(), "{}", imp.summary);
}

#[test]
fn a_heading_with_a_colon_over_the_levels_names_their_track() {
    // Review 27 H4: `## Deck Crew:` and `## Engine Crew:`, each over its levels under one
    // shared `# Ferry Crew Ladder`, were taken for lead-ins (as `# What the dimensions mean
    // here:` over its list is): both tracks were titled `Ferry Crew Ladder`.
    let imp = import(&fixture("folders/colon-tracks"), &[]);
    let mut titles: Vec<String> = content_files(&imp.root.join("content/tracks"))
        .iter()
        .map(|(_, p)| str_of(&front(p), "title"))
        .collect();
    titles.sort();
    assert_eq!(titles, ["Deck Crew", "Engine Crew"], "{}", imp.summary);
}

#[test]
fn bold_italic_labels_are_pillars_with_their_colon_inside_or_out() {
    // Hunt 32 H32-01, H32-02: `***Skills***:` was no label (the tier's items went to one
    // pillar `Expectations`, the labels loose paragraphs), and `***Skills:***` left a `*`
    // that became an empty first expectation.
    let src = fixture("sections/bold-italic-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(label) = line.strip_prefix("***") {
            pillar = label.trim_end_matches([':', '*']).to_string();
        } else if let Some(item) = line.strip_prefix("* ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 15);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["hives", "honey", "tools"],
        "{}",
        imp.summary
    );
    let cell = competency(&imp, "tier-2-beekeeper", "hives");
    assert!(
        cell.trim_end()
            .ends_with("- Marks the queen in every hive."),
        "{cell}"
    );
    assert!(!cell.contains('*'), "{cell}");
}

#[test]
fn how_one_becomes_the_top_level_stays_in_its_description() {
    // Hunt 33 H33-01: `### Becoming a Maintainer` and `### Self-nomination is encouraged`
    // under the top role of a contributor ladder made it a free page ("it shares no pillars
    // with the levels", though it had all of them), the ladder stopping at the role below.
    let src = fixture("sections/becoming-a-level.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(label) = line.strip_prefix("- ") {
            pillar = label.to_string();
        } else if let Some(item) = line.strip_prefix("  - ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["shelver", "librarian", "head-librarian"],
        "{}",
        imp.summary
    );
    let head = fs::read_to_string(imp.root.join("content/levels/head-librarian.md")).unwrap();
    assert!(head.contains("The board names a head librarian"), "{head}");
    assert!(head.contains("put their own name forward"), "{head}");
}

#[test]
fn what_every_level_shares_is_no_level_and_is_said_so() {
    // Hunt 33 H33-05, H33-08: `## All Levels` written like the levels was the most junior
    // level; written without its colons, it was a free page said to share no pillars with
    // the levels, though its labels were theirs.
    let src = fixture("sections/all-levels.md");
    let imp = import(&src, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["hive-helper", "beekeeper", "head-beekeeper"],
        "{}",
        imp.summary
    );
    assert!(
        imp.summary
            .contains("`All Levels` is not a level (it is written for every level)"),
        "{}",
        imp.summary
    );
    let page = fs::read_to_string(imp.root.join("content/all-levels.md")).unwrap();
    assert!(page.contains("Wears the veil and gloves"), "{page}");
    // Without the colons, the same reason.
    let tmp = tempfile::tempdir().unwrap();
    let bare = tmp.path().join("all-levels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (head, rest) = text.split_at(text.find("## Hive Helper").unwrap());
    fs::write(&bare, head.replace(":\n", "\n") + rest).unwrap();
    let imp = import(&bare, &[]);
    assert!(
        imp.summary
            .contains("`All Levels` is not a level (it is written for every level)"),
        "{}",
        imp.summary
    );
}

/// Plain labels on lines of their own over each level's lists (`Seamanship:`), as a
/// technical-leadership ladder writes `Knowledge & Experience:` under every level (hunt 34
/// H34-11): unmarked, they were read as paragraphs, and the three levels became pillars of
/// one level named after the document.
#[test]
fn plain_labels_over_each_levels_lists_are_its_pillars() {
    let src = fixture("plain-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut pillar, mut exps) = (String::new(), String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            level = h.to_string();
        } else if let Some(l) = line.strip_suffix(':') {
            pillar = l.to_string();
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.clone(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["deckhand", "senior-deckhand", "bosun"]
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["seamanship", "teamwork"]
    );
}

/// A ladder written area by area whose second area writes each level's list in HTML, a tag
/// to a line (`<ul>` / `<li>…</li>` / `</ul>`), as a blog post converted from HTML does
/// (hunt 34 H34-08): that area was a free page "that holds no levels".
#[test]
fn lists_written_in_html_a_tag_to_a_line_are_lists() {
    let imp = import(&fixture("html-lists-by-area.md"), &[]);
    assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["glazing", "throwing"]
    );
    let glazing = competency(&imp, "senior-potter", "glazing");
    assert!(
        glazing.contains("- Develops a new glaze and writes its recipe down."),
        "{glazing}"
    );
    assert!(!glazing.contains("<li>"), "{glazing}");
}

/// The same bold labels before every level's sub-headings (`**Typical Crossing**:`), one
/// level writing a phrase in them and the other a sentence (hunt 35 H35-03): pillars at the
/// one, the other's description, so the pillar page showed Deckhand "not defined yet".
#[test]
fn labels_every_level_writes_are_read_one_way_at_every_level() {
    let imp = import(&fixture("labels-one-reading.md"), &[]);
    for level in ["deckhand", "mate"] {
        let cell = competency(&imp, level, "typical-crossing");
        assert!(cell.contains("- "), "{level}: {cell}");
    }
    assert!(competency(&imp, "deckhand", "typical-crossing").contains("Harbour hops"));
}

/// The same labels without their colon (`Core Duties`, `Skills & Knowledge`), each on a line
/// of its own over a list, at every level (browser check 39, B39-03): the pillars. Before, the
/// lists were one pillar, and the second label, a note, was shown after both lists, so the
/// skills read as duties.
#[test]
fn plain_labels_without_colons_over_each_levels_lists_are_its_pillars() {
    let src = fixture("labels-without-colons.md");
    let exps = plain_label_items(&fs::read_to_string(&src).unwrap());
    assert_eq!(exps.len(), 12);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["core-duties", "skills-knowledge"]
    );
}
