//! `ladderbook import` on the Markdown shapes of `tests/fixtures/import/` (bold labels, one
//! level, numbered bold pillars, two tracks, links), then bad input, overwriting, options and
//! atomic output.

mod common;
mod import_support;
use common::*;
use import_support::*;
use std::fs;

// ---------------------------------------------------------------------------------------
// Shapes of our own.

#[test]
fn levels_with_bold_label_pillars() {
    let src = fixture("bold-labels.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    assert_all_on_site(&imp, &md_units(&text), "bold-labels.md");
    let c = imp.root.join("content");
    let pillars: Vec<String> = content_files(&c.join("pillars"))
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(pillars, ["communication", "craft", "delivery"]);
    let levels: Vec<String> = content_files(&c.join("levels"))
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        levels,
        ["associate-engineer", "engineer", "senior-engineer"]
    );
    // A label followed by text: the text is the expectation, kept exactly.
    let comm =
        fs::read_to_string(c.join("competencies/associate-engineer/communication.md")).unwrap();
    assert!(comm.contains("\n- Asks for help early and writes clear *status updates*; see the [handbook](https://example.com/handbook).\n"), "{comm}");
    // A label followed by a list: its items, nested items nested, escapes as written.
    let delivery =
        fs::read_to_string(c.join("competencies/associate-engineer/delivery.md")).unwrap();
    assert!(
        delivery.contains(
            "- Follows the team's definition of done:\n  - tests pass\n  - docs are updated\n"
        ),
        "{delivery}"
    );
    assert!(
        delivery.contains(r"- Escapes stay escaped: 5 \* 3 and a literal \_underscore\_."),
        "{delivery}"
    );
    let lp = page(&imp.site, "levels/associate-engineer/");
    let d = section(&lp, "delivery", "class=\"pillar-section\"");
    assert_eq!(d.matches("<li id=\"").count(), 3);
    assert!(
        d.contains("<ul>\n<li>tests pass</li>"),
        "nested items stay nested:\n{d}"
    );
    assert!(d.contains("5 * 3 and a literal _underscore_"));
    // Raw HTML survives.
    let eng = page(&imp.site, "levels/engineer/");
    assert!(eng.contains("<abbr title=\"clear, kind, actionable\">CKA</abbr>"));
    // A label followed by paragraphs: each paragraph is an expectation.
    let craft = section(&lp, "craft", "class=\"pillar-section\"");
    assert_eq!(craft.matches("<li id=\"").count(), 2);
    // Codes: `E1 - Associate Engineer`; `(IC3 / M9)` names no level here: kept and reported.
    let e1 = front(&c.join("levels/associate-engineer.md"));
    assert_eq!(
        (str_of(&e1, "code"), str_of(&e1, "title")),
        ("E1".to_string(), "Associate Engineer".to_string())
    );
    let e3 = front(&c.join("levels/senior-engineer.md"));
    assert_eq!(
        (str_of(&e3, "code"), str_of(&e3, "title")),
        ("E3".to_string(), "Senior Engineer (IC3 / M9)".to_string())
    );
    assert!(
        imp.summary.contains("bold-labels.md:33") && imp.summary.contains("M9"),
        "{}",
        imp.summary
    );
    // The intro describes the track, the level intro the level, the FAQ is a free page.
    assert!(words(&page(&imp.site, "faq/")).contains("do i need to meet every expectation"));
    assert!(fs::read_to_string(c.join("levels/associate-engineer.md"))
        .unwrap()
        .contains("Associates are new to the craft"));
    assert!(fs::read_to_string(c.join("tracks/bold-labels.md"))
        .unwrap()
        .contains("How we think about growth at Acme."));
}

#[test]
fn a_single_level_document() {
    let src = fixture("single-level.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    assert_all_on_site(&imp, &md_units(&text), "single-level.md");
    let c = imp.root.join("content");
    let levels = content_files(&c.join("levels"));
    assert_eq!(levels.len(), 1);
    let l = front(&levels[0].1);
    assert_eq!(
        (str_of(&l, "title"), str_of(&l, "code")),
        ("Staff Engineer".to_string(), "IC6".to_string())
    );
    let pillars: Vec<String> = content_files(&c.join("pillars"))
        .into_iter()
        .map(|p| str_of(&front(&p.1), "title"))
        .collect();
    assert!(
        pillars.contains(&"🛠️ Technical skills".to_string())
            && pillars.contains(&"🤝 Leadership".to_string()),
        "{pillars:?}"
    );
    // A section with no list is part of the description; the link to it follows it there.
    let desc = fs::read_to_string(&levels[0].1).unwrap();
    assert!(desc.contains("## How we decide"));
    let tech =
        fs::read_to_string(c.join("competencies/staff-engineer/technical-skills.md")).unwrap();
    assert!(tech.contains("[ADR](../../levels/staff-engineer.md#how-we-decide).\n  1. First, the problem.\n  2. Then, the options."), "{tech}");
    let lp = page(&imp.site, "levels/staff-engineer/");
    assert!(lp.contains("<em>reversible</em>"));
    assert!(section(&lp, "technical-skills", "class=\"pillar-section\"")
        .contains("<ol>\n<li>First, the problem.</li>"));
    assert!(broken_links(&imp.site).is_empty());
}

#[test]
fn numbered_bold_pillars_with_nested_expectations() {
    let src = fixture("numbered-bold.md");
    let text = fs::read_to_string(&src).unwrap();
    let imp = import(&src, &[]);
    assert_all_on_site(&imp, &md_units(&text), "numbered-bold.md");
    let c = imp.root.join("content");
    let cell = fs::read_to_string(c.join("competencies/junior-engineer/technical.md")).unwrap();
    assert!(
        cell.ends_with(
            "+++\n\n- Fixes well-scoped bugs.\n  - with a test for each\n- Reads the runbooks.\n"
        ),
        "{cell}"
    );
    let lp = page(&imp.site, "levels/junior-engineer/");
    assert_eq!(
        section(&lp, "technical", "class=\"pillar-section\"")
            .matches("<li id=\"")
            .count(),
        2
    );
    // A paragraph inside the pillar item is a note of that pillar.
    let eng = page(&imp.site, "levels/engineer/");
    let tech = section(&eng, "technical", "class=\"pillar-section\"");
    assert!(
        tech.contains("class=\"notes\"")
            && words(tech).contains("notes like this paragraph stay with the pillar")
    );
    assert!(fs::read_to_string(c.join("levels/junior-engineer.md"))
        .unwrap()
        .contains("Learning the platform."));
}

#[test]
fn tracks_from_headings_and_equivalents_from_codes() {
    let src = fixture("two-tracks.md");
    let imp = import(&src, &[]);
    let c = imp.root.join("content");
    let tracks: Vec<String> = content_files(&c.join("tracks"))
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(tracks, ["individual-contributor", "management"]);
    let se = front(&c.join("levels/senior-engineer.md"));
    let em = front(&c.join("levels/engineering-manager.md"));
    assert_eq!(
        (str_of(&se, "title"), str_of(&se, "code")),
        ("Senior Engineer".to_string(), "IC3".to_string())
    );
    assert_eq!(
        se["equivalent"].as_array().unwrap()[0].as_str(),
        Some("engineering-manager")
    );
    assert_eq!(
        em["equivalent"].as_array().unwrap()[0].as_str(),
        Some("senior-engineer")
    );
    assert_eq!(str_of(&em, "track"), "management");
    assert!(
        page(&imp.site, "compare/senior-engineer/engineering-manager/")
            .contains("Builds a team that collaborates well.")
    );
    // The text above the tracks is kept.
    assert!(words(&site_words(&imp.site)).contains("two tracks one scale"));
}

#[test]
fn links_follow_their_targets_to_the_new_files() {
    let src = fixture("links.md");
    let imp = import(&src, &[]);
    let c = imp.root.join("content");
    let track = fs::read_to_string(c.join("tracks/links.md")).unwrap();
    assert!(
        track.contains("[the senior level](../levels/senior.md)"),
        "{track}"
    );
    // `#craft-1` is Junior's second Craft section, merged into its first.
    assert!(
        track.contains("[its craft](../levels/junior.md#craft)"),
        "{track}"
    );
    assert!(track.contains("[the FAQ](../faq.md)"), "{track}");
    assert!(
        track.contains(", a missing page, "),
        "a link to a missing file is kept as text: {track}"
    );
    assert!(
        track.contains("[the site root](/about/)")
            && track.contains("[the web](https://example.com \"Example\")"),
        "{track}"
    );
    // A reference whose definition is elsewhere in the file brings the definition along.
    let craft = fs::read_to_string(c.join("competencies/junior/craft.md")).unwrap();
    assert!(
        craft.contains("[Delivery at Senior][senior-delivery]")
            && craft.contains("[senior-delivery]: ../../levels/senior.md#delivery"),
        "{craft}"
    );
    assert!(
        craft.contains("- A second craft section for the same level."),
        "{craft}"
    );
    assert!(fs::read_to_string(c.join("faq.md"))
        .unwrap()
        .contains("[back to Junior](levels/junior.md)"));
    assert!(
        imp.summary.contains("links.md:3") && imp.summary.contains("missing.md"),
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains("links.md:15") && imp.summary.contains("second `Craft`"),
        "{}",
        imp.summary
    );
    assert!(broken_links(&imp.site)
        .into_iter()
        .all(|b| b.contains("/about/")));
}

/// A link to a file the import does not have becomes its text. Inside brackets that are
/// not a link, that must not make them one: they stay text, as the source shows them. A
/// destination that holds what looks like a link (`(#a[b](c.md)d)`) is one destination.
#[test]
fn a_link_kept_as_text_leaves_the_brackets_around_it_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("ladder.md");
    fs::write(
        &src,
        "# Ladder\n\nSee [the top](#top---[x](nowhere.md)here) first.\n\n## Engineer\n\n### Craft\n\n- Reads [the [style guide](nowhere.md) notes](elsewhere.md) first.\n- Writes tests for the code they change.\n\n## Senior Engineer\n\n### Craft\n\n- Sets the bar for [testing](ladder.md#engineer) on the team.\n",
    )
    .unwrap();
    let imp = import(&src, &[]);
    let page = page(&imp.site, "levels/engineer/");
    assert!(
        page.contains("Reads [the style guide notes](elsewhere.md) first."),
        "{}",
        words(&page)
    );
    assert!(!page.contains("elsewhere.md\""), "no link to elsewhere.md");
}

#[test]
fn imports_are_stable_from_run_to_run() {
    let a = import(&fixture("bold-labels.md"), &[]);
    let b = import(&fixture("bold-labels.md"), &[]);
    assert_eq!(
        snapshot_tree(&a.root.join("content")),
        snapshot_tree(&b.root.join("content"))
    );
}

// ---------------------------------------------------------------------------------------
// Bad input, options, overwriting.

#[test]
fn bad_input_is_a_clear_error_with_its_line_and_nothing_is_written() {
    for (file, line, col, what) in [
        ("empty.md", 1, 1, "empty"),
        ("binary.md", 3, 1, "binary"),
        ("latin1.md", 3, 7, "not UTF-8"),
        ("prose.md", 1, 1, "found no ladder"),
        (
            "html-headings.md",
            5,
            1,
            "the headings here are written in HTML (`<h2>Junior</h2>`)",
        ),
        // A heading cannot be written in Markdown inside a table's cell: the hint says what
        // to write instead.
        (
            "html-table-headings.md",
            7,
            1,
            "an HTML table whose cells hold headings (`<h3>Level</h3>`)",
        ),
        ("broken.yml", 4, 3, "does not parse"),
        ("unknown.yml", 1, 1, "no ladder"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("ladder");
        let o = ladderbook()
            .arg("import")
            .arg(fixture(file))
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{file}: {stderr}");
        // Named as it was given (hunt 22 L3: by its name alone, `notes.md:1:1`).
        assert!(
            stderr.starts_with(&format!(
                "{}:{line}:{col}: error: ",
                fixture(file).display()
            )),
            "{file}: {stderr}"
        );
        assert!(
            stderr.contains(what) && stderr.contains("hint:"),
            "{file}: {stderr}"
        );
        // The one file imported is the ladder: no format passes it over (review 41 R41-18).
        if file == "broken.yml" {
            assert!(!stderr.contains("--format markdown"), "{stderr}");
        }
        assert!(!out.exists(), "{file}: something was written");
    }
    // Other YAML in a folder is not a ladder: not read, and said so.
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::copy(fixture("bold-labels.md"), src.join("a.md")).unwrap();
    fs::copy(fixture("unknown.yml"), src.join("_config.yml")).unwrap();
    let imp = import(&src, &[]);
    assert!(
        imp.summary.contains("_config.yml (YAML without a ladder)"),
        "{}",
        imp.summary
    );
    // A bad file in a folder fails the whole import.
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::copy(fixture("bold-labels.md"), src.join("a.md")).unwrap();
    fs::copy(fixture("latin1.md"), src.join("b.md")).unwrap();
    let out = tmp.path().join("ladder");
    let o = ladderbook()
        .arg("import")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    // Named under the folder as given, so that it opens from where the command ran (hunt 44
    // H44-07: `b.md:3:7`, relative to the folder).
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.starts_with(&format!("{}:3:7: error:", src.join("b.md").display())),
        "{stderr}"
    );
    assert!(!out.exists());
    // A site's data file that does not parse stops the import too; the hint says how to pass
    // it over, and that works.
    fs::remove_file(src.join("b.md")).unwrap();
    fs::create_dir_all(src.join("_data")).unwrap();
    fs::write(
        src.join("_data/openings.yml"),
        "openings:\n  - bakery: Harbour Street\n    summary: \"We bake for the harbour.\n\nApply by Friday.\"\n",
    )
    .unwrap();
    let o = ladderbook()
        .arg("import")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let file = src.join("_data/openings.yml");
    assert!(
        stderr.starts_with(&format!("{}:3:", file.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains("if the file is no part of the ladder (a site's data file)")
            && stderr.contains("`--format markdown` reads only the Markdown"),
        "{stderr}"
    );
    let imp = import(&src, &["--format", "markdown"]);
    assert!(imp.summary.contains("Imported"), "{}", imp.summary);
}

#[test]
fn existing_files_are_kept_unless_forced_and_then_replaced_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ladder");
    ladderbook()
        .arg("import")
        .arg(fixture("bold-labels.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    fs::create_dir_all(out.join("templates")).unwrap();
    fs::write(out.join("templates/mine.html"), "mine").unwrap();
    fs::write(
        out.join("content/stale.md"),
        "+++\ntitle = \"Stale\"\n+++\n",
    )
    .unwrap();
    let before = snapshot_tree(&out);
    // Without --force: an error, and nothing changes.
    let o = ladderbook()
        .arg("import")
        .arg(fixture("numbered-bold.md"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(snapshot_tree(&out), before);
    // A failing import with --force changes nothing either.
    let o = ladderbook()
        .arg("import")
        .arg(fixture("prose.md"))
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(snapshot_tree(&out), before);
    // With --force: content/ and book.toml are replaced whole; other files stay.
    ladderbook()
        .arg("import")
        .arg(fixture("numbered-bold.md"))
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    assert!(!out.join("content/stale.md").exists());
    assert!(
        out.join("content/levels/junior-engineer.md").exists()
            && !out.join("content/levels/associate-engineer.md").exists()
    );
    assert_eq!(
        fs::read_to_string(out.join("templates/mine.html")).unwrap(),
        "mine"
    );
    let leftovers: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    ladderbook().arg("build").arg(&out).assert().success();
}

/// A killed import leaves its temporary folder (named after its process id) beside or inside
/// the output; the next import clears it once that process is gone, and puts back the
/// ladder's own `content/` if the import was killed while swapping it.
#[cfg(unix)]
#[test]
fn the_next_import_clears_what_a_killed_import_left_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ladder");
    // A process that has ended: a killed import's id. This test's own process is running.
    let mut done = std::process::Command::new("true").spawn().unwrap();
    done.wait().unwrap();
    let (dead, live) = (done.id(), std::process::id());
    let beside = |pid: u32| tmp.path().join(format!(".ladder.ladderbook-import-{pid}"));
    fs::create_dir_all(beside(dead).join("content/levels")).unwrap();
    fs::write(beside(dead).join("content/levels/x.md"), "half written").unwrap();
    fs::create_dir_all(beside(live)).unwrap();
    ladderbook()
        .arg("import")
        .arg(fixture("bold-labels.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert!(
        !beside(dead).exists(),
        "the dead import's folder is cleared"
    );
    assert!(
        beside(live).exists(),
        "a running import's folder is not touched"
    );

    // Killed while swapping: content/ moved into the temporary folder, the new one not in yet.
    let before = snapshot_tree(&out);
    let inside = out.join(format!(".ladderbook-import-{dead}"));
    fs::create_dir_all(inside.join("content")).unwrap();
    fs::rename(out.join("content"), inside.join(".old-content")).unwrap();
    let o = ladderbook()
        .arg("import")
        .arg(fixture("numbered-bold.md"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    // The old content/ is back, so import refuses to replace it without --force.
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(snapshot_tree(&out), before);
    ladderbook().arg("build").arg(&out).assert().success();
}

#[test]
fn options_track_and_format() {
    // --track names the track of a one-track import.
    let imp = import(&fixture("numbered-bold.md"), &["--track", "platform"]);
    assert!(imp.root.join("content/tracks/platform.md").exists());
    assert_eq!(
        str_of(
            &front(&imp.root.join("content/levels/engineer.md")),
            "track"
        ),
        "platform"
    );
    let tmp = tempfile::tempdir().unwrap();
    for (src, args, want) in [
        (
            fixture("numbered-bold.md"),
            vec!["--track", "Not_An_Id"],
            "not a valid id",
        ),
        (fixture("two-tracks.md"), vec!["--track", "ic"], "2 tracks"),
        (
            fixture("numbered-bold.md"),
            vec!["--title", " "],
            "--title:1:1: error: the title is empty",
        ),
        (
            fixture("numbered-bold.md"),
            vec!["--title", "Acme\nladder"],
            "--title:1:1: error: the title has a line break",
        ),
        (
            fixture("numbered-bold.md"),
            vec!["--format", "yaml"],
            "--format yaml",
        ),
        (
            real_ladders()
                .join("Financial-Times-engineering-progression/data/job-families/engineering.yml"),
            vec!["--format", "markdown"],
            "--format markdown",
        ),
    ] {
        let out = tmp.path().join("x");
        let o = ladderbook()
            .arg("import")
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(want),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!out.exists());
    }
    // A wrong value is a command-line error.
    ladderbook()
        .arg("import")
        .arg(fixture("numbered-bold.md"))
        .args(["--format", "csv"])
        .assert()
        .code(2);
}

#[test]
fn nothing_to_import_says_whether_the_file_or_the_folder_is_the_problem() {
    let tmp = tempfile::tempdir().unwrap();
    // JSON is read as YAML: FT's JSON Schema is a file import reads, and holds no ladder.
    let schema =
        real_ladders().join("Financial-Times-engineering-progression/test/schema/job-family.json");
    let text = tmp.path().join("notes.txt");
    std::fs::write(&text, "Some notes.\n").unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    // Pages of prose: no one of them is to blame, so the folder is named, not its first file.
    let prose = tmp.path().join("handbook");
    std::fs::create_dir(&prose).unwrap();
    std::fs::write(prose.join("a-welcome.md"), "# Welcome\n\nHello.\n").unwrap();
    std::fs::write(prose.join("b-holidays.md"), "# Holidays\n\n- Ask early.\n").unwrap();
    let prose_said = format!(
        "{}: error: found no ladder in this folder: none of its 2 files has levels",
        prose.display()
    );
    for (src, said) in [
        (
            schema.as_path(),
            "job-family.json:1:1: error: this JSON holds no ladder that import knows",
        ),
        (
            text.as_path(),
            "this file is neither Markdown (.md, .mdx) nor YAML (.yml, .yaml) nor JSON (.json) nor a sheet saved as CSV",
        ),
        (
            empty.as_path(),
            "the folder holds no Markdown or YAML files",
        ),
        (prose.as_path(), prose_said.as_str()),
    ] {
        let stderr = refused(src, &tmp.path().join("out"));
        assert!(stderr.contains(said), "{}: {stderr}", src.display());
        assert!(!tmp.path().join("out").exists(), "nothing is written");
    }
}

#[test]
fn a_refusal_names_the_data_files_it_passed_over_and_the_shapes_it_reads() {
    // A README beside a folder of JSON files, one per competency with a key per stage (not
    // per level code, which import reads: see `data_files_one_per_area_keyed_by_level_codes`):
    // the refusal said "its one file" and never named the JSON; importing the JSON folder
    // alone said "import a .md, .yml or .json file", which the folder holds.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("matrix");
    let skills = root.join("skills");
    std::fs::create_dir_all(&skills).unwrap();
    std::fs::write(
        root.join("README.md"),
        "# Our matrix\n\nOne file per skill.\n",
    )
    .unwrap();
    for name in ["coaching", "hiring"] {
        let json = format!(
            r#"{{"name": "{name}", "novice": {{"summary": "Learns it"}}, "expert": {{"summary": "Teaches it"}}}}"#
        );
        std::fs::write(skills.join(format!("{name}.json")), json).unwrap();
    }
    let refuse = |src: &std::path::Path| refused(src, &tmp.path().join("out"));
    let said = refuse(&root);
    assert!(
        said.contains("its 2 YAML or JSON files hold no ladder import reads: skills/coaching.json, skills/hiring.json"),
        "{said}"
    );
    let said = refuse(&skills);
    assert!(said.contains("these files hold none of them"), "{said}");
    assert!(
        !said.contains("import a .md, .yml, .json or .csv file"),
        "{said}"
    );
    // A skill's `security.yaml` is data, not the repository's security policy, and a file
    // beside the data that is neither (`index.txt`) does not bring the vague hint back.
    std::fs::write(
        skills.join("security.yaml"),
        "name: Security
novice:
  summary: Spots risks
",
    )
    .unwrap();
    std::fs::write(
        skills.join("index.txt"),
        "coaching
hiring
security
",
    )
    .unwrap();
    let said = refuse(&skills);
    assert!(
        said.contains("security.yaml (YAML without a ladder)"),
        "{said}"
    );
    assert!(!said.contains("about the repository"), "{said}");
    assert!(said.contains("these files hold none of them"), "{said}");
}

#[test]
fn a_spreadsheet_is_read_as_csv_and_refused_in_its_own_format_with_how_to_save_it() {
    // Hunt 22 L1: a ladder kept as a CSV was refused with "import a .md, .yml or .json
    // file", and beside a README the CSV was not named at all. A CSV is read now (see
    // `import_sheets.rs`); a workbook in Excel's own format is refused with how to save it as
    // CSV, and named beside a README.
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("crew");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("README.md"),
        "# Our crew ladder\n\nSee the sheet.\n",
    )
    .unwrap();
    let csv = folder.join("crew-ladder.csv");
    std::fs::write(&csv, "Level,Seamanship,Teamwork\nDeckhand,Ties every knot the deck needs and keeps the lines clear,Keeps the gangway clear for the crew\nBosun,Plans the deck work for each watch and checks it is done,Trains the crew in the drills\nMate,Runs the deck in heavy weather and decides when to reef,Leads the watch and settles disputes\n").unwrap();
    let imp = import(&csv, &[]);
    assert!(
        imp.summary.contains("levels deckhand, bosun, mate"),
        "{}",
        imp.summary
    );
    std::fs::remove_file(&csv).unwrap();
    let workbook = folder.join("crew-ladder.xlsx");
    std::fs::write(&workbook, b"PK\x03\x04 not really a workbook").unwrap();
    let said = refused(&workbook, &tmp.path().join("out"));
    assert!(
        said.contains("hint: import reads a sheet saved as CSV: save it as UTF-8 CSV"),
        "{said}"
    );
    let said = refused(&folder, &tmp.path().join("out"));
    assert!(
        said.contains(
            "import does not read the spreadsheet crew-ladder.xlsx as it is: save it as UTF-8 CSV"
        ),
        "{said}"
    );
}

/// Links written as HTML (`<a href>`) are links to a reader too: pointed at the new files as
/// Markdown links are, or made text where the import has no file for them (hunt 33 H33-09,
/// browser check 35 B35-04: kept as written, they led nowhere on the site, 24 of them in one
/// handbook).
#[test]
fn links_written_as_html_follow_their_targets_too() {
    let imp = import(&fixture("html-links.md"), &[]);
    let c = imp.root.join("content");
    let track = fs::read_to_string(c.join("tracks/html-links.md")).unwrap();
    for written in [
        r#"<a href="../levels/head-keeper.md" title="top">the top level</a>"#,
        r#"<a href="../levels/keeper.md#logbook">a keeper's logbook</a>"#,
        r#"<a href='../faq.md'>the FAQ</a>"#,
        r#"<a>the storm drills</a>"#,
        r#"<a href="https://example.com/lights">the lights</a>"#,
    ] {
        assert!(track.contains(written), "{written}:\n{track}");
    }
    assert!(
        imp.summary.contains("html-links.md:3") && imp.summary.contains("storm-drills.md"),
        "{}",
        imp.summary
    );
    let head = page(&imp.site, "levels/head-keeper/");
    assert!(
        head.contains(r#"<a href="../../levels/keeper/">Keeper</a>"#)
            && head.contains(r#"<a href="../../levels/lamp-hand/">Lamp Hand</a>"#),
        "{head}"
    );
    // In a block of HTML, and on a free page.
    assert!(head.contains(r#"see <a href="../../levels/keeper/">the Keeper</a> again"#));
    assert!(page(&imp.site, "faq/")
        .contains(r#"<a href="../levels/lamp-hand/">back to the Lamp Hand</a>"#));
    assert_eq!(broken_links(&imp.site), Vec::<String>::new());
}
