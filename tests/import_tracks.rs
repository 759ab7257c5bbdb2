//! `ladderbook import` on how one document's sections make tracks: a track written as two
//! sections that split its levels into ranges is one track, and advice to readers written like
//! levels is no track; and how a folder of one-level files ranks its levels when two titles
//! have no word of seniority; and an axes file beside the level files, whose axes list their
//! steps, is no track; and one role's file in a folder named `common/` names its own track;
//! and tracks of one title in two files, each titled by its file too.
//! The documents are our own.

mod common;
mod import_support;
use common::{ladderbook, words};
use import_support::*;
use std::fs;

#[test]
fn sections_that_split_one_tracks_levels_into_ranges_are_one_track() {
    // `## Platform Engineering Track (Levels 1-2)` and `## Senior Platform Engineering Track
    // (Levels 3-4)`: two tracks, ranked 1–2 and 3–4, so no comparison reached from Platform
    // Engineer II to Senior Platform Engineer, the promotion a manager looks up most.
    let src = fixture("sections/split-track.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            level = h.split_once(": ").unwrap().1.to_string();
        } else if let Some(item) = line.strip_prefix("- ") {
            exps.push(Exp {
                level: words(&level),
                pillar: "Expectations".to_string(),
                text: item.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 8);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    let tracks = content_files(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 1, "{}", imp.summary);
    assert_eq!(
        str_of(&front(&tracks[0].1), "title"),
        "Platform Engineering Track"
    );
    let levels = [
        "platform-engineer",
        "platform-engineer-ii",
        "senior-platform-engineer",
        "staff-platform-engineer",
    ];
    let ranks: Vec<i64> = levels.iter().map(|id| level_rank(&imp, id)).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    assert!(imp
        .site
        .join("compare/platform-engineer-ii/senior-platform-engineer/index.html")
        .exists());
    assert!(
        imp.summary.contains("continues the level numbers"),
        "{}",
        imp.summary
    );
}

#[test]
fn advice_for_readers_written_like_levels_is_a_free_page() {
    // `## Moving between tracks` / `### From Support to Engineering` / `- **When**: …`: the
    // same shape as the levels, so it was a second track of two "levels", and the levels'
    // pillars were named by position across both (`Focus / When`, `Scope / Preparation`).
    let src = fixture("sections/advice-sections.md");
    let text = fs::read_to_string(&src).unwrap();
    let (mut level, mut exps) = (String::new(), Vec::new());
    for line in text.lines() {
        if line.starts_with("## ") {
            level.clear();
        } else if let Some(h) = line.strip_prefix("### ") {
            level = h.to_string();
        } else if let Some(item) = line
            .strip_prefix("- **")
            .filter(|_| level.contains("Support Engineer"))
        {
            let (pillar, said) = item.split_once("**: ").unwrap();
            exps.push(Exp {
                level: words(&level),
                pillar: pillar.to_string(),
                text: said.to_string(),
            });
        }
    }
    assert_eq!(exps.len(), 4);
    let imp = import(&src, &[]);
    assert_placed(&imp, &exps, &[]);
    assert_eq!(content_files(&imp.root.join("content/tracks")).len(), 1);
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["focus", "scope"]
    );
    // The advice is kept, on a page of its own.
    let site = site_words(&imp.site);
    assert!(site.contains("shadow the queue for a month"), "{site}");
}

/// A folder of one file per level whose titles all but two rank by their words (`Assistant
/// Keeper`, `Senior Keeper`, `Principal Keeper`), and two bare titles that tie (`Keeper`,
/// `Reptile Keeper`; hunt 19 G4, a data team's SFIA files): the tie made the whole track
/// fall back to file-name order, Principal below Reptile and Senior. The words still order
/// what they tell apart; the tied titles keep their file-name order, and the summary says
/// to check them.
#[test]
fn two_titles_without_a_word_of_seniority_leave_the_others_ranked_by_theirs() {
    let src = fixture("folders/seniority-ties");
    let imp = import(&src, &[]);
    let mut ranked: Vec<(i64, String)> = content_files(&imp.root.join("content/levels"))
        .into_iter()
        .map(|(id, p)| (level_rank(&imp, &id), str_of(&front(&p), "title")))
        .collect();
    ranked.sort();
    let titles: Vec<&str> = ranked.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Assistant Keeper",
            "Keeper",
            "Reptile Keeper",
            "Senior Keeper",
            "Principal Keeper"
        ]
    );
    assert!(
        imp.summary
            .contains("titles that no such word tells apart are in file-name order: check them"),
        "{}",
        imp.summary
    );
}

#[test]
fn an_axes_file_beside_the_level_files_describes_the_pillars_by_their_steps() {
    // Hunt 22 H2: `axes.md`'s `### 1. Cooking` over a table of steps (`1 | Follower | …`)
    // made each axis a track whose levels were the steps, beside the real track of Line
    // Cook, Station Chef and Sous Chef.
    let src = fixture("folders/axes-beside-levels");
    let axes = fs::read_to_string(src.join("axes.md")).unwrap();
    let imp = import(&src, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")),
        ["cook"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["cooking", "timing"]
    );
    assert_eq!(content_ids(&imp.root.join("content/levels")).len(), 3);
    // Each step's name and text is in its axis' description, under the axis it belongs to.
    let mut axis = String::new();
    for line in axes.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            // `1. Cooking`, `2) Timing`.
            axis = words(h.trim_start_matches(|c: char| !c.is_alphabetic()));
        } else if let Some(row) = line
            .strip_prefix("| ")
            .filter(|r| r.starts_with(char::is_numeric))
        {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let page = fs::read_to_string(imp.root.join(format!("content/pillars/{axis}.md")));
            let page = page.unwrap();
            assert!(
                page.contains(&format!("\n## {}\n", cells[1])),
                "{axis}: {page}"
            );
            assert!(page.contains(cells[2]), "{axis}: {page}");
        }
    }
}

#[test]
fn one_roles_file_in_a_common_folder_names_its_track() {
    // Hunt 23 M6: `common/ferry-master.md` beside the ladder's document made a one-level
    // track titled `Common`.
    let imp = import(&fixture("folders/role-in-common"), &[]);
    let titles: Vec<String> = content_files(&imp.root.join("content/tracks"))
        .iter()
        .map(|(_, p)| str_of(&front(p), "title"))
        .collect();
    assert!(
        titles.contains(&"Head Librarian".to_string()),
        "{titles:?}\n{}",
        imp.summary
    );
    assert!(!titles.contains(&"Common".to_string()), "{titles:?}");
}

#[test]
fn a_track_alone_in_its_file_titled_as_a_pillar_stays_a_track() {
    // Review 27 H3: a management track titled `Leadership`, as the firefighters' pillar is,
    // whose levels each have one pillar (`Command`), was taken for the steps of Leadership
    // and pasted into that pillar's page. Axes come several to a file.
    let imp = import(&fixture("folders/leadership-track"), &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")),
        ["firefighter", "leadership"],
        "{}",
        imp.summary
    );
    assert!(imp
        .root
        .join("content/levels/station-commander.md")
        .exists());
    assert!(imp.root.join("content/pillars/command.md").exists());
}

#[test]
fn levels_tagged_by_track_after_their_codes_make_a_track_per_tag() {
    // `# L2 IC - Baker` beside `# L2 EM - Baker` (kolbis' career paths, hunt 38): one track
    // ranked L2 EM above L2 IC, the tags in every title.
    let src = fixture("sections/tagged-tracks.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    assert_eq!(
        titles(&imp.root.join("content/tracks")),
        ["Bakers (IC)", "Bakers (EM)"]
    );
    // Each level is on its tag's track, at its code's place, without the tag.
    let mut placed: Vec<(String, String, String)> = Vec::new();
    for id in ranked_levels(&imp) {
        let f = front(&imp.root.join(format!("content/levels/{id}.md")));
        let track = front(
            &imp.root
                .join(format!("content/tracks/{}.md", str_of(&f, "track"))),
        );
        let tag = str_of(&track, "title")
            .split(['(', ')'])
            .nth(1)
            .unwrap()
            .to_string();
        placed.push((tag, str_of(&f, "code"), str_of(&f, "title")));
    }
    let written: Vec<(String, String, String)> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# L"))
        .map(|h| {
            let (code, rest) = h.split_once(' ').unwrap();
            let (tag, title) = rest.split_once(" - ").unwrap();
            (tag.to_string(), format!("L{code}"), title.to_string())
        })
        .collect();
    let mut by_track = written.clone();
    by_track.sort_by_key(|(tag, _, _)| tag != "IC");
    assert_eq!(placed, by_track);
    // The same code on both tracks is one grade; L1, only a contributor's, is none's.
    for (n, id) in ranked_levels(&imp).iter().enumerate() {
        let f = front(&imp.root.join(format!("content/levels/{id}.md")));
        assert_eq!(f.contains_key("equivalent"), n != 0, "{id}: {f:?}");
    }
}

#[test]
fn tracks_of_one_title_in_two_files_are_each_titled_by_their_file_too() {
    // Browser check 44 B44-01: each role's file had `## IC Track` and `## Manager Track`:
    // the menu, the overview and the picker named two tracks alike. And a file of plain
    // levels under two such headings made one track, the other a free page.
    let src = fixture("folders/tracks-alike-in-two-files");
    let imp = import(&src, &[]);
    let mut titles: Vec<String> = content_files(&imp.root.join("content/tracks"))
        .iter()
        .map(|(_, p)| str_of(&front(p), "title"))
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Individual Contributor (Bakers)",
            "Individual Contributor (Cooks)",
            "Management (Bakers)",
            "Management (Cooks)"
        ],
        "{}",
        imp.summary
    );
    assert_eq!(content_ids(&imp.root.join("content/levels")).len(), 8);
    assert!(!imp.summary.contains("free pages"), "{}", imp.summary);
    assert!(imp
        .summary
        .contains("2 tracks read from different files are titled `Management`"));
    // `check` finds no two tracks alike.
    let out = ladderbook().arg("check").arg(&imp.root).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !said.contains("same-track-title") && !said.contains("has the title of"),
        "{said}"
    );
}

#[test]
fn architecture_decision_records_beside_the_levels_are_pages_not_a_track() {
    // Hunt 43 H43-01: `# ADR-0001: …` over Status, Context, Decision and Consequences made a
    // track of levels coded `ADR-0001`, its sections pillars, shown beside the ladder.
    let imp = import(&fixture("folders/decision-records"), &[]);
    assert_eq!(
        ranked_titles(&imp),
        ["Player 1", "Player 2", "Player 3"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["ensemble", "tone"]
    );
    let pages: Vec<String> = fs::read_dir(imp.root.join("content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert!(site_words(&imp.site).contains(&words("Seat the strings by their grade, season 2.")));
}

#[test]
fn an_axes_file_with_a_table_of_steps_per_role_under_each_axis_describes_the_pillars() {
    // Hunt 49 H49-03: `### 1. Knife Work` over `#### Line Cook` and `#### Pastry Cook`, each
    // over its table of steps, made a track per role per axis (7 tracks where there are 2,
    // three titled `Line Cook`); without the role headings the axes were read as pillars.
    let src = fixture("folders/axes-by-role");
    let imp = import(&src, &[]);
    assert_eq!(
        content_ids(&imp.root.join("content/tracks")),
        ["line-cook", "pastry-cook"],
        "{}",
        imp.summary
    );
    assert_eq!(
        content_ids(&imp.root.join("content/pillars")),
        ["hygiene", "knife-work", "teamwork"]
    );
    // Each role's steps are in its axis' description, named by the role, in the file's order.
    let knife = fs::read_to_string(imp.root.join("content/pillars/knife-work.md")).unwrap();
    let line = knife
        .find("\n## Learner (Line Cook)\n")
        .expect("Line Cook's first step");
    let pastry = knife
        .find("\n## Learner (Pastry Cook)\n")
        .expect("Pastry Cook's");
    assert!(line < pastry, "{knife}");
    assert!(
        knife.contains("Pastry Cook: Sets the prep standard for the kitchen. (Knife Work)"),
        "{knife}"
    );
    let teamwork = fs::read_to_string(imp.root.join("content/pillars/teamwork.md")).unwrap();
    assert!(
        teamwork.contains("\n## Leader (Line Cook & Pastry Cook)\n"),
        "{teamwork}"
    );
    assert!(teamwork.contains("Runs the pass."), "{teamwork}");
    assert!(
        imp.summary
            .contains("`Line Cook` under `1. Knife Work` is the pillar of that name"),
        "{}",
        imp.summary
    );
}

#[test]
fn tracks_under_a_documents_title_named_as_a_pillar_stay_tracks() {
    // Review of 0ea4b22: `# Bakers` over `## Individual Contributor` and `## Management`,
    // beside a ladder with a pillar `Bakers`, made both tracks the steps of that pillar. A
    // document's `#` title is no axis.
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(
        d.join("bakers.md"),
        "# Bakers\n\n## Individual Contributor\n\n### Junior Baker\n\n- Shapes loaves.\n\n### Senior Baker\n\n- Plans the dough.\n\n## Management\n\n### Bakery Manager\n\n- Hires the night shift.\n\n### Head of Bakeries\n\n- Runs every bakery.\n",
    )
    .unwrap();
    fs::write(
        d.join("shop.md"),
        "# Shop ladder\n\n## Clerk\n\n### Bakers\n\n- Orders from the bakers.\n\n### Till\n\n- Runs the till.\n\n## Manager\n\n### Bakers\n\n- Chooses the bakers.\n\n### Till\n\n- Audits the till.\n",
    )
    .unwrap();
    let imp = import(d, &[]);
    let tracks = content_ids(&imp.root.join("content/tracks"));
    assert_eq!(tracks.len(), 3, "{tracks:?}\n{}", imp.summary);
    assert!(
        !imp.summary.contains("pillar of that name"),
        "{}",
        imp.summary
    );
}
