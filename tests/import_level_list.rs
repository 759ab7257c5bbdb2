//! `ladderbook import` of a list of levels kept as data, as career-pathway apps keep them: a
//! YAML (or JSON) sequence of entries, each with a title, a rank, a summary and a mapping of
//! its expectations by area. The fixture is our own, in that shape; the test reads its
//! expectations from its lines and checks each text is on its level's page under its area's
//! pillar.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;

/// The fixture's expectations: `(level title, area key, text)`, read from its lines.
fn expectations(yaml: &str) -> Vec<(String, String, String)> {
    let (mut level, mut area) = (String::new(), String::new());
    let mut out = Vec::new();
    let mut inside = false;
    for line in yaml.lines() {
        let t = line.trim();
        if let Some(title) = t.strip_prefix("title: ") {
            level = title.to_string();
        }
        let indent = line.len() - line.trim_start().len();
        if t == "expectations:" {
            inside = true;
            continue;
        }
        if indent <= 2 {
            inside = false;
        }
        if !inside || t.is_empty() {
            continue;
        }
        match t.strip_prefix("- ") {
            Some(item) => out.push((level.clone(), area.clone(), item.to_string())),
            None => {
                let (key, value) = t.split_once(':').unwrap();
                area = key.to_string();
                let value = value.trim();
                if !value.is_empty() && value != "~" {
                    out.push((level.clone(), area.clone(), value.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn each_entry_is_a_level_and_each_area_a_pillar_in_rank_order() {
    let src = fixture("level-list.yaml");
    let yaml = fs::read_to_string(&src).unwrap();
    let area_title = |key: &str| match key {
        "doughCraft" => "Dough craft",
        "ovenSafety" => "Oven safety",
        "customerCare" => "Customer care",
        other => panic!("an area the fixture does not have: {other}"),
    };
    let exps: Vec<Exp> = expectations(&yaml)
        .into_iter()
        .map(|(level, area, text)| Exp {
            level: words(&level),
            pillar: area_title(&area).to_string(),
            text,
        })
        .collect();
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);

    // Ranked as the entries say, though written most senior first.
    let rank = |id: &str| front(&imp.root.join(format!("content/levels/{id}.md")))["rank"].clone();
    assert_eq!(rank("b1").as_integer(), Some(1));
    assert_eq!(rank("b3").as_integer(), Some(3));
    // The summary, its placeholder filled in, and the other attributes describe the level,
    // the list of tools too, under its key (browser check 37 B37-04: a rubric's
    // `responsibilities` and `traits`, 150 texts, were left out).
    let head = fs::read_to_string(imp.root.join("content/levels/b3.md")).unwrap();
    assert!(
        head.contains("Sets the standard for every bake (8+ years in the trade)."),
        "{head}"
    );
    assert!(head.contains("*Years in trade:* 8+"), "{head}");
    assert!(head.contains("*Tools:*\n\n- oven\n- mixer"), "{head}");
    assert!(!imp.summary.contains("not imported"), "{}", imp.summary);
    // An area left empty is a gap, not an empty expectation.
    assert!(!imp
        .root
        .join("content/competencies/b1/customer-care.md")
        .exists());
}

#[test]
fn the_same_levels_as_json_under_a_levels_key_import_alike() {
    let tmp = tempfile::tempdir().unwrap();
    let json = tmp.path().join("ladder.json");
    fs::write(
        &json,
        r#"{"title": "Bakery", "levels": [
  {"name": "Apprentice Baker", "expectations": {"doughCraft": "Weighs and mixes to the recipe."}},
  {"name": "Baker", "expectations": {"doughCraft": ["Adjusts a recipe to the day's flour.", "Keeps the starter alive."]}}
]}"#,
    )
    .unwrap();
    let imp = import(&json, &[]);
    let exps = [
        ("Apprentice Baker", "Weighs and mixes to the recipe."),
        ("Baker", "Adjusts a recipe to the day's flour."),
        ("Baker", "Keeps the starter alive."),
    ]
    .map(|(level, text)| Exp {
        level: words(level),
        pillar: "Dough craft".into(),
        text: text.into(),
    });
    assert_placed(&imp, &exps, &[]);
    assert!(imp.summary.contains("1 track, 2 levels"), "{}", imp.summary);
}

#[test]
fn tables_of_levels_skills_and_descriptors_joined_by_keys_are_one_ladder() {
    // A skills framework kept as three YAML tables (levels, skills, and descriptors naming
    // a level and a skill each) was refused: "YAML without a ladder" for every file.
    let imp = import(&fixture("folders/joined-tables"), &[]);
    assert_eq!(
        titles(&imp.root.join("content/levels")),
        ["Bosun", "Deckhand", "Mate"]
    );
    assert_eq!(level_rank(&imp, "deckhand"), 1);
    assert_eq!(level_rank(&imp, "bosun"), 3);
    assert!(competency(&imp, "mate", "loading").contains("Loads the deck so the ferry sits level."));
    assert!(
        competency(&imp, "bosun", "mooring").contains("Plans the mooring for a storm crossing.")
    );
    // The skill's name titles its pillar, its description describes it.
    let pillar = std::fs::read_to_string(imp.root.join("content/pillars/loading.md")).unwrap();
    assert!(pillar.contains("title = \"Loading the deck\""), "{pillar}");
    assert!(
        pillar.contains("Cars, vans and foot passengers"),
        "{pillar}"
    );
    // What is no ladder's is still said to be left out.
    assert!(
        imp.summary.contains("not read: site.yml"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains("not imported: source"),
        "{}",
        imp.summary
    );
}

#[test]
fn a_sites_data_tables_that_join_are_no_ladder() {
    // A crew list, a list of routes and shifts naming both joined into a track of routes
    // with crew members as pillars, ahead of the real ladder (review 25 M5).
    let imp = import(&fixture("folders/review-25/site-data"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/levels")),
        ["deckhand", "senior-deckhand"]
    );
}

/// A rubric's levels, each area graded `meets` / `misses` (hunt 35 H35-01: refused, the
/// hint naming "a list of levels, each with a title and its expectations by area"): what
/// meets the level is the expectation, the other grades notes inside it.
#[test]
fn areas_graded_meets_and_misses_are_expectations_with_notes() {
    let imp = import(&fixture("rated-levels.yaml"), &[]);
    let dough = competency(&imp, "baker", "dough");
    assert!(
        dough.contains("- Adjusts hydration to the flour."),
        "{dough}"
    );
    assert!(
        dough.contains("*Misses:* Overproofs the loaves."),
        "{dough}"
    );
    let page = page(&imp.site, "levels/baker/");
    assert!(page.contains("Adjusts hydration to the flour."));
    assert!(page.contains("Overproofs the loaves."));
}

/// A folder of one-level YAML files, each `title`, `summary` and `expectations` by area
/// (hunt 35 H35-02): refused ("found no ladder in this folder"), where the same entries in
/// one file's `levels` list imported.
#[test]
fn a_folder_of_one_level_yaml_files_is_a_track() {
    let dir = fixture("folders/level-files-yaml");
    let imp = import(&dir, &[]);
    assert_eq!(ranked_levels(&imp), ["b1", "b2", "b3"]);
    for (id, text) in [
        ("b1", "Mixes dough by the recipe."),
        ("b3", "Plans the oven schedule."),
    ] {
        assert!(
            page(&imp.site, &format!("levels/{id}/")).contains(text),
            "{id}"
        );
    }
    let b2 = front(&imp.root.join("content/levels/b2.md"));
    assert_eq!(str_of(&b2, "title"), "Baker");
}

/// A rubric's level files, titled alike (`Software Engineer` at L1 to L3), their `level: L3`
/// the code that tells them apart (browser check 37 B37-05: it was a line of the
/// description, `*Level:* L3`, and the levels read "Software Engineer (rank N)").
#[test]
fn a_level_files_code_where_a_rank_is_looked_for_is_its_code() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("rubrics");
    fs::create_dir_all(&dir).unwrap();
    for n in 1..=3 {
        fs::write(
            dir.join(format!("B{n}.yaml")),
            format!("level: B{n}\ntitle: Baker\nexpectations:\n  dough: Mixes batch {n} by the recipe.\n  oven: Loads oven {n} under watch.\n"),
        )
        .unwrap();
    }
    let imp = import(&dir, &[]);
    for n in 1..=3 {
        let level = front(&imp.root.join(format!("content/levels/b{n}.md")));
        assert_eq!(str_of(&level, "code"), format!("B{n}"));
        assert_eq!(level["rank"].as_integer(), Some(n));
    }
}

/// A site's rungs kept as data, each `role`, `desc` and the bar's `color` and `height`
/// (hunt 43 H43-04: refused, the hint asking for a `title`; with `name:` the description
/// showed as `*Desc:* …` and the CSS class as `*Color:* bg-stone-300` on every level page).
#[test]
fn rungs_named_by_role_and_described_are_levels_without_their_styling() {
    let src = fixture("rungs.yml");
    let imp = import(&src, &[]);
    assert_eq!(
        ranked_titles(&imp),
        ["Lamp Boy", "Keeper", "Principal Keeper"]
    );
    let yaml = fs::read_to_string(&src).unwrap();
    for (id, line) in [("lamp-boy", 4), ("keeper", 8), ("principal-keeper", 12)] {
        let desc = yaml.lines().nth(line - 1).unwrap();
        let desc = desc.trim().trim_start_matches("desc: ").trim_matches('"');
        let page = page(&imp.site, &format!("levels/{id}/"));
        assert!(page.contains(desc), "{id}: {desc}");
        assert!(!page.contains("Desc"), "{id}");
    }
    // With no pillars, no page shows an empty `Pillars` list (browser check 46 B46-07), the
    // track's table is of levels, and a level page says its expectations are still to come
    // (browser check 47 B47-04).
    for address in ["", "levels/keeper/"] {
        assert!(!page(&imp.site, address).contains("Pillars"), "{address}");
    }
    assert!(
        page(&imp.site, "levels/keeper/").contains("No expectations are written for Keeper yet.")
    );
    let track = page(&imp.site, "tracks/rungs/");
    assert!(!track.contains("Levels and pillars"), "{track}");
    let words = site_words(&imp.site);
    assert!(!words.contains("bg-stone"), "a CSS class shown to readers");
    assert!(!words.contains("Height"), "a bar's height shown to readers");
    assert!(
        imp.summary
            .contains("keys with no place in a ladder were not imported: color, height"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary
            .contains("none of the 3 levels gives expectations by area"),
        "{}",
        imp.summary
    );
}

/// Levels named by `role` with their expectations by area import as those named by `title`.
#[test]
fn levels_named_by_role_with_expectations_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("keepers.yaml");
    fs::write(
        &src,
        "- role: Lamp Boy\n  expectations:\n    lamp: [Trims the wick.]\n\
         - role: Keeper\n  expectations:\n    lamp: [Keeps the light all night.]\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    assert_eq!(ranked_titles(&imp), ["Lamp Boy", "Keeper"]);
    assert!(competency(&imp, "keeper", "lamp").contains("- Keeps the light all night."));
}

/// A list that names its entries but gives neither expectations nor descriptions is still
/// no ladder; the error says what the file holds, so the author sees which key is missing.
#[test]
fn a_list_with_neither_expectations_nor_descriptions_is_refused_naming_its_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("lamps.yml");
    fs::write(
        &src,
        "- role: Lamp Boy\n  colour: red\n- role: Keeper\n  colour: blue\n",
    )
    .unwrap();
    let err = refused(&src, &tmp.path().join("out"));
    assert!(
        err.contains("lamps.yml:1:1: error: this YAML holds no ladder that import knows: it is a list of 2 entries with the keys `role`, `colour`"),
        "{err}"
    );
}

/// Lists that are not levels stay refused where rungs with descriptions are read (review 41
/// R41-03, R41-04): a crew list names people (`name` beside `role`), a site's navigation its
/// pages (`title: Home`, no rank, no role, no title that reads as a level).
#[test]
fn a_crew_list_and_a_sites_navigation_are_no_levels() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, yaml) in [
        ("crew.yml", "- name: Morag Sinclair\n  role: Principal Keeper\n  desc: Has kept the light since 2009.\n- name: Angus Ross\n  role: Assistant Keeper\n  desc: Joined the station last spring.\n"),
        ("nav.yml", "- title: Home\n  description: Fresh bread every morning from 6am.\n  icon: home\n- title: Our Breads\n  description: Sourdough, rye and the Saturday brioche.\n  icon: bread\n"),
    ] {
        let src = tmp.path().join(name);
        fs::write(&src, yaml).unwrap();
        let err = refused(&src, &tmp.path().join("out"));
        assert!(err.contains("holds no ladder that import knows"), "{name}: {err}");
    }
}

/// A list whose levels have their expectations but one, not written yet, which has its
/// description (review 41 R41-05: refused, and the two levels' expectations with it).
#[test]
fn a_list_with_one_level_not_yet_written_keeps_the_others_expectations() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("keepers.yml");
    fs::write(
        &src,
        "- role: Lamp Boy\n  expectations:\n    lamp: [Trims the wick.]\n\
         - role: Keeper\n  desc: Keeps the light through the night.\n  bgColor: slate\n\
         - role: Principal Keeper\n  expectations:\n    lamp: [Rebuilds the clockwork.]\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    assert_eq!(
        ranked_titles(&imp),
        ["Lamp Boy", "Keeper", "Principal Keeper"]
    );
    assert!(competency(&imp, "principal-keeper", "lamp").contains("Rebuilds the clockwork"));
    let keeper = page(&imp.site, "levels/keeper/");
    assert!(
        keeper.contains("Keeps the light through the night"),
        "{keeper}"
    );
    assert!(
        !keeper.contains("slate"),
        "a colour shown to readers: {keeper}"
    );
}

/// A catalogue of skills, each naming the levels it is expected at (`levels: [Practitioner,
/// Advanced]`), as a skills framework keeps its data for a site: read the other way round,
/// the names listed are the levels, ranked as the lists order them (the first entry starts
/// at Practitioner), the categories are the pillars, and each skill is an expectation of
/// every level it names, its roles a note inside it. Hunt 47 H47-03: each of 202 skills was
/// a level without expectations, and the build wrote 20,508 comparisons between skills.
#[test]
fn a_catalogue_of_skills_naming_their_levels_is_read_the_other_way_round() {
    let src = fixture("skill-list.yaml");
    let yaml = fs::read_to_string(&src).unwrap();
    let mut exps = Vec::new();
    let (mut area, mut text, mut levels) = (String::new(), String::new(), Vec::new());
    let mut in_levels = false;
    for line in yaml.lines() {
        let t = line.trim();
        if let Some(c) = t.strip_prefix("- category: ") {
            area = c.to_string();
            levels.clear();
        } else if let Some(d) = t.strip_prefix("description: ") {
            text = d.to_string();
        } else if let Some(l) = t.strip_prefix("levels:") {
            in_levels = l.is_empty();
            if !l.is_empty() {
                levels.push(l.trim().to_string());
            }
        } else if t.ends_with(':') {
            in_levels = false;
        } else if let (true, Some(l)) = (in_levels, t.strip_prefix("- ")) {
            levels.push(l.to_string());
        } else if let Some(title) = t.strip_prefix("title: ") {
            for level in &levels {
                exps.push(Exp {
                    level: words(level),
                    pillar: area.clone(),
                    text: format!("**{title}**: {text}"),
                });
            }
        }
    }
    assert_eq!(exps.len(), 9);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["foundation", "practitioner", "advanced"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["lamp-care", "record-keeping", "signalling"]
    );
    let cell = competency(&imp, "foundation", "signalling");
    assert!(
        cell.contains("*Roles:*") && cell.contains("- Harbour pilots"),
        "{cell}"
    );
    assert!(!competency(&imp, "foundation", "record-keeping").contains("Repair the lens"));
    assert!(
        imp.summary
            .contains("each of the 5 entries lists the levels it is expected at (`levels`)"),
        "{}",
        imp.summary
    );
}
