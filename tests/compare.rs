//! Comparison pages answer "what changes at the next level": matched expectations with word
//! diffs, new and not-restated ones, a summary per pillar; cumulative ladders; the picker's
//! data export.

mod common;
use common::*;
use std::fs;
use std::path::Path;

/// Codecademy's IC ladder (tests/fixtures/real-ladders), its levels and pillars only (the table of
/// contents and the closing FAQ are left out), built into `dir/book`.
fn codecademy_ic(dir: &Path) -> std::path::PathBuf {
    let text =
        fs::read_to_string(real_ladders().join("Codecademy-engineering-competencies/README.md"))
            .unwrap();
    let start = text.find("\n## ").unwrap();
    let end = text.find("\n## FAQ").unwrap();
    let src = dir.join("ic.md");
    fs::write(
        &src,
        format!(
            "# Codecademy Engineering Competencies\n{}",
            &text[start..end]
        ),
    )
    .unwrap();
    let ladder = dir.join("ladder");
    convert_headings_ladder(&src, &ladder, "ic");
    ladderbook().arg("build").arg(&ladder).assert().success();
    ladder.join("book")
}

#[test]
fn a_real_promotion_comparison_reads_changed_new_and_carried_over() {
    let tmp = tempfile::tempdir().unwrap();
    let site = codecademy_ic(tmp.path());
    let html = page(
        &site,
        "compare/software-engineer-2/senior-software-engineer/",
    );
    let sec = section(
        &html,
        "software-engineering-design",
        "class=\"compare-pillar\"",
    );

    // Reworded one level up: one row, each level's own words, with the added words marked
    // in the higher level's column and nothing struck through in the lower's.
    let row = sec
        .split("<li class=\"pair ")
        .find(|r| r.contains("helping define"))
        .expect("the reworded standards expectation has a row");
    assert!(row.starts_with("status-changed\""), "{row}");
    assert!(
        column(row, "b").contains("applying <ins>and helping define</ins> our standards"),
        "{row}"
    );
    assert!(
        words(&column(row, "a"))
            .contains("you are applying our standards around design testing error handling"),
        "the lower level's wording, whole, is on the same row: {row}"
    );
    assert!(row.contains(">changed</span>"));

    // A short expectation that the higher level restates at length is on the same row, not
    // "not restated" with a "new" row below it.
    let execution = section(&html, "execution-results", "class=\"compare-pillar\"");
    let on_call = execution
        .split("<li class=\"pair ")
        .find(|r| r.contains("on-call"))
        .expect("the on-call expectation has a row");
    assert!(words(&column(on_call, "a"))
        .contains("you actively participate in your team s on call rotation"));
    assert!(words(&column(on_call, "b")).contains("create post mortems when appropriate"));
    // The one expectation of SE2 that shares no word with what Senior has left stands on a
    // row of its own, not beside an unrelated one ("You mentor members of your team").
    let lone: Vec<&str> = html
        .split("<li class=\"pair status-not-restated")
        .skip(1)
        .collect();
    assert_eq!(lone.len(), 1, "{lone:?}");
    assert!(
        words(&column(lone[0], "a")).contains("you provide feedback on product features"),
        "{}",
        lone[0]
    );

    // Word for word the same: carried over, folded away.
    let carried = &sec[sec
        .find("<details class=\"carried\">")
        .expect("carried-over expectations are folded")..];
    assert!(words(carried).contains("you proactively maintain debug and fix problems in your code"));

    // Only at the higher level: new.
    assert!(html.contains("<span class=\"badge badge-new\">new</span>"));

    // "What changes" counts every row of every pillar, in words.
    let summary = section(&html, "summary-heading", "</ul>");
    let counted: usize = summary
        .split("</a>: ")
        .skip(1)
        .flat_map(|li| li[..li.find('<').unwrap()].split(", "))
        .map(|part| part.split(' ').next().unwrap().parse::<usize>().unwrap())
        .sum();
    let rows = html.matches("<li class=\"pair status-").count();
    let carried_items: usize = html
        .split("<ul class=\"carried-list\">")
        .skip(1)
        .map(|s| s[..s.find("</ul>").unwrap()].matches("<li>").count())
        .sum();
    assert_eq!(counted, rows + carried_items);
}

/// A one-document manager ladder (`## level` / `### pillar` / bullets) built in `dir`: its
/// expectations, and the comparison page of Engineering Manager and Senior Engineering
/// Manager.
fn manager_comparison(src: &Path, dir: &Path) -> (Vec<SourceExpectation>, String) {
    let ladder = dir.join("l");
    let expectations = convert_headings_ladder(src, &ladder, "management");
    ladderbook().arg("build").arg(&ladder).assert().success();
    let html = page(
        &ladder.join("book"),
        "compare/engineering-manager/senior-engineering-manager/",
    );
    (expectations, html)
}

#[test]
fn a_ladder_written_in_parallel_pairs_each_expectation_with_its_restatement() {
    // Our own manager ladder in the parallel shape: each pillar the same number of
    // expectations, in the same order, each restated at a larger scope in mostly other
    // words. Every expectation shares a row with its restatement: none stands alone.
    let tmp = tempfile::tempdir().unwrap();
    let (expectations, html) = manager_comparison(
        &repo().join("tests/fixtures/compare/parallel-managers.md"),
        tmp.path(),
    );
    let (lower, higher): (Vec<_>, Vec<_>) = expectations
        .iter()
        .partition(|e| e.level == "engineering-manager");
    assert_eq!((lower.len(), higher.len()), (13, 13));
    for (l, h) in lower.iter().zip(&higher) {
        assert_eq!(l.pillar, h.pillar);
        let sec = section(&html, &l.pillar, "class=\"compare-pillar\"");
        let row = sec
            .split("<li class=\"pair ")
            .skip(1)
            .find(|r| words(&column(r, "a")).contains(&md_words(&l.text)))
            .unwrap_or_else(|| panic!("no row for {}", l.text));
        assert!(
            words(&column(row, "b")).contains(&md_words(&h.text)),
            "{} is beside: {}",
            l.text,
            words(&column(row, "b"))
        );
    }
    assert!(!html.contains("badge-new") && !html.contains("badge-not-restated"));
}

#[test]
fn the_real_management_comparison_has_every_expectation_and_a_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let (expectations, html) = manager_comparison(
        &real_ladders().join("Codecademy-engineering-competencies/managers.md"),
        tmp.path(),
    );
    assert!(html.contains("<h2 id=\"summary-heading\">What changes</h2>"));
    // Each expectation is in its own level's column, as written.
    for e in expectations
        .iter()
        .filter(|e| e.level == "engineering-manager" || e.level == "senior-engineering-manager")
    {
        let sec = section(&html, &e.pillar, "class=\"compare-pillar\"");
        let side = if e.level == "engineering-manager" {
            "a"
        } else {
            "b"
        };
        assert!(
            words(&column(sec, side)).contains(&md_words(&e.text)),
            "{}",
            e.text
        );
    }
}

fn cumulative_example(dir: &Path) {
    copy_ladder(&repo(), dir);
    let toml = fs::read_to_string(dir.join("book.toml")).unwrap();
    fs::write(
        dir.join("book.toml"),
        toml.replace("site-url = \"/\"", "site-url = \"/\"\ncumulative = true"),
    )
    .unwrap();
}

#[test]
fn a_cumulative_level_page_lists_each_inherited_expectation_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    cumulative_example(dir);
    // Engineer II restates one of Engineer I's craft expectations word for word.
    let e1 = fs::read_to_string(dir.join("content/competencies/engineer-1/craft.md")).unwrap();
    let first = e1
        .lines()
        .find(|l| l.starts_with("- "))
        .unwrap()
        .to_string();
    let e2 = dir.join("content/competencies/engineer-2/craft.md");
    fs::write(
        &e2,
        format!("{}{first}\n", fs::read_to_string(&e2).unwrap()),
    )
    .unwrap();
    // Engineer I lists more craft expectations than Senior Engineer, so some stand alone in
    // their comparison.
    let e1_path = dir.join("content/competencies/engineer-1/craft.md");
    fs::write(
        &e1_path,
        format!(
            "{e1}- Keeps a weekly log of what they learned and shares it with their mentor.\n\
             - Reads the runbook of every service before their first on-call shift.\n\
             - Pairs with a teammate on one unfamiliar part of the codebase each month.\n\
             - Writes down the local set-up steps that were missing when they joined.\n"
        ),
    )
    .unwrap();
    ladderbook().arg("build").arg(dir).assert().success();
    let site = dir.join("book");

    let html = page(&site, "levels/senior-engineer/");
    let craft = section(&html, "craft", "class=\"pillar-section\"");
    let inherited = &craft[craft
        .find("<details class=\"inherited\">")
        .expect("a cumulative level shows what it inherits")..];
    let inherited_words = words(inherited);
    // Every craft expectation of the two levels below is listed exactly once, with its
    // source, but those the comparison with the level above marks changed: the newer wording
    // stands for them (browser check 43, B43-05: both wordings were listed, and the list
    // grew at every level).
    let mut left_out = 0;
    for (level, up) in [
        ("engineer-1", "engineer-2"),
        ("engineer-2", "senior-engineer"),
    ] {
        let cmp = page(&site, &format!("compare/{level}/{up}/"));
        let changed: Vec<String> = section(&cmp, "craft", "class=\"pillar-section\"")
            .split("<li class=\"pair status-changed\">")
            .skip(1)
            .map(|row| words(row.split("<div class=\"side side-b\">").next().unwrap()))
            .collect();
        let text =
            fs::read_to_string(dir.join(format!("content/competencies/{level}/craft.md"))).unwrap();
        for item in text.lines().filter_map(|l| l.strip_prefix("- ")) {
            let w = md_words(item);
            let restated = changed.iter().any(|c| c.contains(&w));
            left_out += usize::from(restated);
            assert_eq!(
                inherited_words.matches(&w).count(),
                usize::from(!restated),
                "{level}: {item}"
            );
        }
    }
    assert!(
        left_out >= 3,
        "the example's Senior Engineer rewords three of Engineer II's"
    );
    assert!(
        inherited.contains("href=\"../../levels/engineer-2/#craft--"),
        "each links to the level it comes from"
    );
    // The Senior Engineer's own expectations are not repeated as inherited.
    assert!(!inherited.contains("<li id="));

    // A comparison on a cumulative track reads "still expected".
    let cmp = page(&site, "compare/engineer-1/senior-engineer/");
    assert!(cmp.contains(">still expected</span>"));
    assert!(!cmp.contains(">not restated</span>"));
}

#[test]
fn a_track_can_override_the_cumulative_setting() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    cumulative_example(dir);
    let t = dir.join("content/tracks/management.md");
    fs::write(
        &t,
        fs::read_to_string(&t)
            .unwrap()
            .replacen("order = 2", "order = 2\ncumulative = false", 1),
    )
    .unwrap();
    ladderbook().arg("build").arg(dir).assert().success();
    let site = dir.join("book");
    assert!(!page(&site, "levels/director/").contains("class=\"inherited\""));
    assert!(page(&site, "levels/staff-engineer/").contains("class=\"inherited\""));
}

#[test]
fn the_data_export_has_every_level_cell_and_comparison() {
    let tmp = tempfile::tempdir().unwrap();
    build_example(&tmp.path().join("s"));
    let site = tmp.path().join("s");
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("ladder.json")).unwrap()).unwrap();
    assert_eq!(data["version"], 1);
    let levels = data["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 10);
    let staff = levels.iter().find(|l| l["id"] == "staff-engineer").unwrap();
    assert_eq!(
        staff["equivalent"],
        serde_json::json!(["engineering-manager"])
    );
    let craft = staff["cells"]["craft"]["expectations"].as_array().unwrap();
    let html = page(&site, "levels/staff-engineer/");
    for x in craft {
        assert!(html.contains(&format!("<li id=\"{}\">", x["anchor"].as_str().unwrap())));
    }
    for c in data["comparisons"].as_array().unwrap() {
        assert!(
            site.join(c["path"].as_str().unwrap())
                .join("index.html")
                .is_file(),
            "{c}"
        );
    }
    // Every level page and /compare/ carry the picker form, which works as plain HTML too.
    for p in ["compare/", "levels/director/"] {
        let h = page(&site, p);
        assert!(h.contains("<form class=\"picker-form\""), "{p}");
        assert!(h.contains("<select name=\"a\">") && h.contains("<select name=\"b\">"));
    }
    // Without JavaScript the form is hidden: what a reader then has is said, on /compare/
    // without a link to itself (browser check 38, B38-05), elsewhere with one to /compare/.
    let hint = |p: &str| {
        let h = page(&site, p);
        let at = h.find("<noscript>").unwrap();
        h[at..at + h[at..].find("</noscript>").unwrap()].to_string()
    };
    let index = hint("compare/");
    assert!(index.contains("is a link below"), "{index}");
    assert!(!index.contains("href="), "{index}");
    assert!(hint("levels/director/").contains("href=\"../../compare/\""));
}

#[test]
fn every_level_page_links_to_the_next_level_and_the_equivalent() {
    let tmp = tempfile::tempdir().unwrap();
    build_example(&tmp.path().join("s"));
    let html = page(&tmp.path().join("s"), "levels/staff-engineer/");
    assert!(html.contains("<a href=\"../../compare/staff-engineer/senior-staff-engineer/\">What changes at the next level</a>"));
    assert!(html.contains("<a href=\"../../compare/staff-engineer/engineering-manager/\">Compared with Engineering Manager on the Management track</a>"));
}

#[test]
fn a_large_ladder_links_level_pages_to_the_picker_instead_of_listing_every_level() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::create_dir_all(d.join("content/levels")).unwrap();
    fs::create_dir_all(d.join("content/pillars")).unwrap();
    fs::write(d.join("book.toml"), "[book]\ntitle = \"Big\"\n").unwrap();
    fs::write(
        d.join("content/pillars/craft.md"),
        "+++\ntitle = \"Craft\"\n+++\n",
    )
    .unwrap();
    for n in 1..=61 {
        fs::write(
            d.join(format!("content/levels/l{n}.md")),
            format!("+++\ntitle = \"Level {n}\"\nrank = {n}\n+++\n"),
        )
        .unwrap();
    }
    ladderbook().arg("build").arg(d).assert().success();
    let html = page(&d.join("book"), "levels/l7/");
    assert!(
        html.contains("<a href=\"../../compare/?a=l7\">Compare Level 7 with any other level</a>"),
        "{html}"
    );
    assert!(!html.contains("<select"));
    assert!(page(&d.join("book"), "compare/").contains("<select name=\"a\">"));
}

/// What the words decide on every comparison page of `site`: each pillar's rows (pairs and
/// word diffs), carried-over list and summary of changes.
fn comparison_data(ladder: &ladderbook::ladder::Ladder, site: &ladderbook::site::Site) -> String {
    let mut out = String::new();
    for spec in &site.specs {
        if let ladderbook::site::PageData::Compare(c) = site.page(ladder, spec).data {
            for p in c.pillars {
                out.push_str(&format!(
                    "{}\n{}\n{}\n",
                    p.rows_html, p.carried_html, p.changes
                ));
            }
        }
    }
    out
}

#[test]
fn words_prepared_while_the_ladder_is_built_give_the_pages_words_prepared_on_demand_give() {
    // A build prepares every competency's words before its pages; `serve`'s fast path
    // prepares a cell's when a comparison first needs them. The pages must not tell.
    let tmp = tempfile::tempdir().unwrap();
    // The ladder that `codecademy_ic` built into its `book/`.
    let root = codecademy_ic(tmp.path()).parent().unwrap().to_path_buf();
    let (ladder, diags, words) = ladderbook::validate::validate_alongside(
        &root,
        |d| ladderbook::load::with_lock(&root, d),
        ladderbook::site::Words::preparer,
    );
    assert!(!diags.has_errors(), "{diags:?}");
    let early = ladderbook::site::Site::with_words(&ladder, words);
    let on_demand = ladderbook::site::Site::from_ladder(&ladder);
    let (a, b) = (
        comparison_data(&ladder, &early),
        comparison_data(&ladder, &on_demand),
    );
    assert!(
        a.contains("status-changed"),
        "the pages have word diffs to compare"
    );
    assert_eq!(a, b);
}

/// The starter ladder of `ladderbook init` in `dir`, with the senior engineer's first craft
/// expectation reworded from the engineer's, so their comparison has a word diff.
#[cfg(unix)]
fn starter_with_a_rewording(dir: &Path) {
    ladderbook().arg("init").arg(dir).assert().success();
    let craft = dir.join("content/competencies/senior-engineer/craft.md");
    let text = fs::read_to_string(&craft).unwrap().replace(
        "- Designs features that stay easy to change, and explains the trade-offs.",
        "- Writes clear, tested code for loosely scoped projects.",
    );
    fs::write(&craft, text).unwrap();
}

#[cfg(unix)]
#[test]
fn two_competency_files_shown_at_one_path_each_keep_their_own_words() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    // Folder names that are not UTF-8 are shown lossily: `x\xfe` and `x\xff` both read as
    // `x�`, so the engineer's two competencies below have one path between them.
    let tmp = tempfile::tempdir().unwrap();
    let (plain, odd) = (tmp.path().join("plain"), tmp.path().join("odd"));
    starter_with_a_rewording(&plain);
    starter_with_a_rewording(&odd);
    let content = odd.join("content");
    for (pillar, name) in [("craft", b"x\xfe"), ("collaboration", b"x\xff")] {
        let folder = content.join(OsStr::from_bytes(name));
        fs::create_dir(&folder).unwrap();
        fs::rename(
            content.join(format!("competencies/engineer/{pillar}.md")),
            folder.join("e.md"),
        )
        .unwrap();
    }
    let mut pages = Vec::new();
    for ladder in [&plain, &odd] {
        let site = ladder.join("site");
        ladderbook()
            .arg("build")
            .arg(ladder)
            .arg("-d")
            .arg(&site)
            .assert()
            .success();
        pages.push(page(&site, "compare/engineer/senior-engineer/"));
    }
    let craft = section(&pages[0], "craft", "class=\"compare-pillar\"");
    assert!(
        craft.contains("status-changed") && craft.contains("<del>"),
        "the reworded expectation is a changed row: {craft}"
    );
    assert_eq!(pages[0], pages[1]);
}

#[test]
fn a_pillar_only_one_level_has_is_rows_of_new_or_only_at_expectations() {
    // Monzo's backend framework: Leadership starts at Level 3.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("monzo");
    ladderbook()
        .arg("import")
        .arg(real_ladders().join("monzo-progression-framework/frameworks/engineering/backend.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    ladderbook().arg("build").arg(&out).assert().success();
    let site = out.join("book");
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("ladder.json")).unwrap()).unwrap();
    let level = |id: &str| {
        data["levels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .unwrap()
            .clone()
    };
    assert!(level("level-2")["cells"].get("leadership").is_none());
    let at_3 = level("level-3")["cells"]["leadership"]["expectations"]
        .as_array()
        .unwrap()
        .len();
    assert!(at_3 > 0);
    let html = page(&site, "compare/level-2/level-3/");
    let summary = section(&html, "summary-heading", "</ul>");
    // Level 2's page says Leadership is "not defined yet", and so does the comparison.
    assert!(
        words(summary).contains(&format!("leadership {at_3} new not defined yet at level 2")),
        "{}",
        words(summary)
    );
    let leadership = section(&html, "leadership", "</section>");
    assert_eq!(
        leadership.matches("class=\"pair status-new\"").count(),
        at_3
    );
    assert!(!leadership.contains("not defined yet"), "{leadership}");
    // Neither Level 1 nor Level 2 has Leadership: nothing to compare, so no section and no
    // line in the summary, only its name at the end, where `#leadership` still leads.
    let html = page(&site, "compare/level-1/level-2/");
    assert!(!html.contains(r#"<section class="compare-pillar" id="leadership">"#));
    assert!(!words(section(&html, "summary-heading", "</ul>")).contains("leadership"));
    let gaps = section(&html, "undefined-heading", "</section>");
    assert!(gaps.contains(r#"<a id="leadership" href="#), "{gaps}");
    assert!(!html.contains("not defined yet"));
}

#[test]
fn an_expectation_under_another_pillar_at_the_other_level_is_neither_new_nor_dropped() {
    // Monzo's data framework: Level 1 lists "Works for the team, focuses on tasks that
    // contribute to team goals" and "Delivers assigned tasks that meet expected criteria"
    // under Mastery, Level 2 under Impact.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("monzo");
    ladderbook()
        .arg("import")
        .arg(real_ladders().join("monzo-progression-framework/frameworks/engineering/data.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    ladderbook().arg("build").arg(&out).assert().success();
    let html = page(&out.join("book"), "compare/level-1/level-2/");
    // The one row of `start` in the section of `pillar`.
    let row_of = |pillar: &str, start: &str| -> String {
        let rows: Vec<&str> = section(&html, pillar, "</section>")
            .split("<li class=\"pair ")
            .filter(|r| words(r).contains(&words(start)))
            .collect();
        assert_eq!(rows.len(), 1, "one row of {start:?} in {pillar}");
        rows[0].to_string()
    };
    let works = "Works for the team, focuses on tasks that contribute to team goals";
    let delivers = "Delivers assigned tasks that meet expected criteria";
    for (pillar, start, label) in [
        ("impact", works, "moved from mastery"),
        ("mastery", works, "moved to impact"),
        ("mastery", delivers, "moved to impact"),
        ("impact", delivers, "moved from mastery"),
    ] {
        let row = row_of(pillar, start);
        assert!(words(&row).contains(label), "{pillar}: {}", words(&row));
        // Both levels' words are in the row, each with its own permalink; neither new nor
        // dropped, nor paired with another expectation.
        assert!(row.contains("levels/level-1/#") && row.contains("levels/level-2/#"));
        assert!(!row.contains("badge-new") && !row.contains("badge-not-restated"));
        assert!(!row.contains("badge-rewritten"));
    }
}

#[test]
fn on_a_cumulative_track_a_comparison_leaves_out_no_pillar_the_levels_take_from_below() {
    // Collaboration is written only at Foundation; Growth and Mastery take it over. Their
    // comparison keeps its section instead of naming it as defined at neither level.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    ladderbook()
        .arg("build")
        .arg(repo().join("tests/fixtures/cumulative-gaps"))
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    let html = page(&site, "compare/growth/mastery/");
    assert!(!html.contains("Not defined at either level"));
    assert!(html.contains(r#"<section class="compare-pillar" id="2-collaboration">"#));
}

/// The Financial Times' ladder imported into `dir/ft`, which it returns.
fn ft_import(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("ft");
    ladderbook()
        .arg("import")
        .arg(real_ladders().join("Financial-Times-engineering-progression"))
        .arg("-o")
        .arg(&root)
        .assert()
        .success();
    root
}

#[test]
fn within_a_track_a_comparison_names_its_levels_by_their_titles() {
    // The Financial Times' Engineering (Legacy) and Individual Contributor tracks both have
    // an `Engineer`, so each level's name carries its track. A comparison within the
    // Individual Contributor track said `Engineer (Individual Contributor)` in its heading,
    // legend and every row, under an eyebrow that names the track.
    let tmp = tempfile::tempdir().unwrap();
    let root = ft_import(tmp.path());
    // The legacy Engineer made the equivalent of the new one: a comparison across tracks.
    let legacy = root.join("content/levels/engineering-v1-engineer.md");
    let text = fs::read_to_string(&legacy).unwrap();
    let text = text.replacen(
        "track = \"engineering-v1\"\n",
        "track = \"engineering-v1\"\nequivalent = [\"ic-engineer\"]\n",
        1,
    );
    fs::write(&legacy, text).unwrap();
    let ic = root.join("content/levels/ic-engineer.md");
    let text = fs::read_to_string(&ic).unwrap().replacen(
        "track = \"ic\"\n",
        "track = \"ic\"\nequivalent = [\"engineering-v1-engineer\"]\n",
        1,
    );
    fs::write(&ic, text).unwrap();
    ladderbook().arg("build").arg(&root).assert().success();
    let site = root.join("book");
    let h1 = |html: &str| {
        let start = html.find("<h1>").unwrap();
        let end = start + html[start..].find("</h1>").unwrap();
        words(&html[start..end])
    };

    let within = page(&site, "compare/ic-engineer/ic-senior-1/");
    // The track leads the heading once (its levels' titles are another track's too).
    assert_eq!(
        h1(&within),
        "individual contributor engineer and senior engineer 1"
    );
    // (The list of other comparisons names the one across tracks in full.)
    let body = within.split("<main").nth(1).unwrap();
    let body = body.split("id=\"related-heading\"").next().unwrap();
    assert!(
        !body.contains("Engineer (Individual Contributor)"),
        "{body}"
    );
    assert!(words(body).contains("what changes from one level to the next"));
    // Each row still says whose expectation it is, by the title.
    assert!(body.contains(">Senior Engineer 1<"), "{body}");
    // The browser's tab and history keep the names that tell the tracks apart.
    assert!(within.contains(
        "<title>Engineer (Individual Contributor) and Senior Engineer 1 (Individual Contributor) compared"
    ));

    let across = page(&site, "compare/engineering-v1-engineer/ic-engineer/");
    assert_eq!(
        h1(&across),
        "engineer engineering legacy and engineer individual contributor"
    );
}

#[test]
fn two_levels_of_a_track_with_one_title_are_told_apart_by_their_codes_or_ranks() {
    // Two levels of the Financial Times' Individual Contributor track titled alike (a ladder
    // that names a rung by its role, `Engineer`, with the grade in its code): their
    // comparison said `Engineer and Engineer`, and each row's side `Engineer`.
    let tmp = tempfile::tempdir().unwrap();
    let root = ft_import(tmp.path());
    let senior = root.join("content/levels/ic-senior-1.md");
    let text = fs::read_to_string(&senior).unwrap().replacen(
        "title = \"Senior Engineer 1\"\n",
        "title = \"Engineer\"\ncode = \"S1\"\n",
        1,
    );
    fs::write(&senior, text).unwrap();
    ladderbook().arg("build").arg(&root).assert().success();
    let site = root.join("book");
    let html = page(&site, "compare/ic-engineer/ic-senior-1/");
    let start = html.find("<h1>").unwrap();
    let end = start + html[start..].find("</h1>").unwrap();
    // The one without a code is named by its rank.
    assert_eq!(
        words(&html[start..end]),
        "individual contributor engineer rank 2 and engineer s1"
    );
    let body = html.split("<main").nth(1).unwrap();
    assert!(body.contains(">Engineer (S1)<"), "{body}");
    assert!(!body.contains(">Engineer<"), "{body}");
    // Across tracks the track's title is added after it (the legacy track has an Engineer).
    assert!(
        html.contains("<title>Engineer (rank 2) – Individual Contributor and Engineer (S1) – Individual Contributor compared"),
        "{}",
        &html[..html.find("</title>").unwrap()]
    );
}

#[test]
fn two_levels_with_no_expectations_yet_say_there_is_nothing_to_compare() {
    // Their "What changes" was an empty list under its heading (an Associate and an
    // Intermediate level of a job family that only state their grades).
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for (path, text) in [
        ("book.toml", "[book]\ntitle = \"Bakery\"\n"),
        ("content/tracks/bakers.md", "+++\ntitle = \"Bakers\"\n+++\n"),
        ("content/pillars/dough.md", "+++\ntitle = \"Dough\"\n+++\n"),
        (
            "content/levels/apprentice.md",
            "+++\ntitle = \"Apprentice\"\nrank = 1\ntrack = \"bakers\"\n+++\nA grade 3.\n",
        ),
        (
            "content/levels/baker.md",
            "+++\ntitle = \"Baker\"\nrank = 2\ntrack = \"bakers\"\n+++\nA grade 4.\n",
        ),
        (
            "content/levels/head-baker.md",
            "+++\ntitle = \"Head Baker\"\nrank = 3\ntrack = \"bakers\"\n+++\n",
        ),
        (
            "content/competencies/head-baker/dough.md",
            "+++\nlevel = \"head-baker\"\npillar = \"dough\"\n+++\n- Writes the recipes.\n",
        ),
    ] {
        fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
        fs::write(root.join(path), text).unwrap();
    }
    ladderbook().arg("build").arg(root).assert().success();
    let html = page(&root.join("book"), "compare/apprentice/baker/");
    let summary = section(&html, "summary-heading", "</section>");
    assert!(
        summary.contains("Neither level has expectations in any pillar yet"),
        "{summary}"
    );
    assert!(
        !summary.contains("<ul class=\"what-changes\">\n</ul>"),
        "{summary}"
    );
    // Where one level has some, the summary lists the pillars as before.
    let html = page(&root.join("book"), "compare/baker/head-baker/");
    assert!(section(&html, "summary-heading", "</section>").contains("<li>"));
}

/// The status of the row of the example's Engineer II → Senior Engineer comparison, in
/// Technical craft, whose text holds `needle`, once `lower` and `higher` are appended to the
/// two levels' Technical craft.
fn status_of_row(lower: &str, higher: &str, needle: &str) -> String {
    let (_tmp, site) = build_example_after(|ladder| {
        for (level, item) in [("engineer-2", lower), ("senior-engineer", higher)] {
            let path = ladder.join(format!("content/competencies/{level}/craft.md"));
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, format!("{text}{item}")).unwrap();
        }
    });
    let html = page(&site, "compare/engineer-2/senior-engineer/");
    let row = section(&html, "craft", "</section>")
        .split("<li class=\"pair status-")
        .find(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("a row with {needle}"));
    row[..row.find('"').unwrap()].to_string()
}

#[test]
fn a_pair_is_judged_by_the_expectations_own_sentences_not_their_examples() {
    // Two words apart, each with its own examples: shown as a closest match, "too few words
    // in common to mark" (browser check 50, B50-01).
    let reworded = status_of_row(
        "\n- Makes pragmatic decisions about technical trade-offs within their own code.\n\n  *Examples:*\n\n  - Weighs up making code more abstract against keeping it specific\n  - Chooses between a client-side and a server-side call\n",
        "\n- Makes pragmatic decisions about technical trade-offs within their project.\n\n  *Examples:*\n\n  - Knows when to stop polishing a feature that meets its requirements\n  - Keeps test coverage on the critical paths when time is short\n  - Weighs the cost of technical debt against the cost of fixing it\n",
        "pragmatic decisions",
    );
    assert_eq!(reworded, "changed");
    // Two different duties over the same examples: shown as changed, every word marked.
    let examples = "\n\n  *Examples:*\n\n  - Keeps the service dashboard open during every deploy and rollback\n  - Writes a short note in the team channel after each production change\n  - Checks the error budget before starting risky maintenance work\n";
    let apart = status_of_row(
        &format!("\n- Answers customer tickets about billing within a day.{examples}"),
        &format!("\n- Designs the migration plan for the legacy reporting database.{examples}"),
        "billing within a day",
    );
    assert_ne!(apart, "changed");
    // The same sentence with other examples is no carried-over expectation: its row shows.
    let examples_changed = status_of_row(
        "\n- Keeps a runbook for every service the team owns.\n\n  *Examples:*\n\n  - The payments runbook\n",
        "\n- Keeps a runbook for every service the team owns.\n\n  *Examples:*\n\n  - The search runbook, with its failover steps\n",
        "runbook for every service",
    );
    assert_eq!(examples_changed, "changed");
    // A label over the paragraph that says the expectation is no sentence of its own: two
    // duties under one label were changed, nothing marked (review 44 R44-03).
    let labelled = status_of_row(
        "\n- **Hygiene**\n\n  Washes hands before touching dough and wears a hair net.\n",
        "\n- **Hygiene**\n\n  Audits the cold room temperature log every morning.\n",
        "Washes hands",
    );
    assert_ne!(labelled, "changed");
    // A longer label is a label too, and a short sentence is a sentence (review 45 R45-02,
    // R45-03: a count of words took one for the other).
    let long_label = status_of_row(
        "\n- **Hygiene and food safety**\n\n  Washes hands before touching dough and wears a hair net.\n",
        "\n- **Hygiene and food safety**\n\n  Audits the cold room temperature log every morning.\n",
        "Washes hands",
    );
    assert_ne!(long_label, "changed");
    let short = status_of_row(
        "\n- Keeps bench clean.\n\n  *Examples:*\n\n  - Wipes down after each batch\n",
        "\n- Keeps bench clean.\n\n  *Examples:*\n\n  - Sets the cleaning rota for the bakehouse\n",
        "Keeps bench clean",
    );
    assert_eq!(short, "changed");
}

#[test]
fn a_gap_at_one_level_reads_not_defined_yet_on_its_comparisons_as_on_its_page() {
    // Engineer II's page says Strategy & scope is "not defined yet"; its comparison with
    // Senior Engineer said "none at Engineer II" (browser check 50, B50-03).
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("ladder");
    copy_ladder(&repo(), &ladder);
    fs::remove_file(ladder.join("content/competencies/engineer-2/strategy.md")).unwrap();
    let site = tmp.path().join("site");
    ladderbook()
        .args(["build", "--accept-removals"])
        .arg(&ladder)
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    let level = page(&site, "levels/engineer-2/");
    assert!(
        words(section(&level, "strategy", "</section>")).contains("not defined yet"),
        "{level}"
    );
    let html = page(&site, "compare/engineer-2/senior-engineer/");
    let text = words(&html);
    let changes = &text[text.find("what changes").unwrap()..];
    assert!(
        changes.contains("strategy scope 4 new not defined yet at engineer ii"),
        "{}",
        &changes[..300]
    );
}
