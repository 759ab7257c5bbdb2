//! Links that never break: expectation anchors follow their expectation through the edits
//! authors make (`ladder.lock` remembers what was published), and a published address that
//! disappears stops `check` and `build` with the fix to apply.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// `ladderbook check` on the ladder in `d`, which must fail: what it printed on stderr.
fn check_fails(d: &Path) -> String {
    let out = ladderbook().arg("check").arg(d).assert().code(1);
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}

/// Makes every replacement of `edits` (`from`, `to`, in order) in every file under
/// `content`, as an author renaming something everywhere it is named.
fn replace_everywhere(content: &Path, edits: &[(&str, &str)]) {
    for e in walkdir::WalkDir::new(content) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let t = fs::read_to_string(e.path()).unwrap();
            let t2 = edits
                .iter()
                .fold(t.clone(), |text, (from, to)| text.replace(from, to));
            if t2 != t {
                fs::write(e.path(), t2).unwrap();
            }
        }
    }
}

/// Every expectation anchor of the built site: (level id, anchor) → words of its text, read
/// from ladder.json.
fn anchors(site: &Path) -> BTreeMap<(String, String), String> {
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("ladder.json")).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for l in data["levels"].as_array().unwrap() {
        for cell in l["cells"].as_object().unwrap().values() {
            for e in cell["expectations"].as_array().unwrap() {
                out.insert(
                    (
                        l["id"].as_str().unwrap().to_string(),
                        e["anchor"].as_str().unwrap().to_string(),
                    ),
                    md_words(e["text"].as_str().unwrap()),
                );
            }
        }
    }
    out
}

/// The text of the element with `id` on a built page, as words.
fn text_at(site: &Path, level: &str, id: &str) -> Option<String> {
    let html = page(site, &format!("levels/{level}/"));
    let at = html.find(&format!(" id=\"{id}\""))?;
    // The element's expectation, up to its permalink (nested lists close `</li>` before).
    let rest = &html[at..];
    let end = rest.find("<a class=\"permalink\"")?;
    Some(words(&rest[..end]))
}

/// Edits every competency file as authors do: one new expectation at the top, the list
/// reversed, and one word added to the (old) second expectation. Returns the reworded
/// expectations' new words by (level id, old words).
fn edit_every_cell(content: &Path) -> BTreeMap<(String, String), String> {
    let mut reworded = BTreeMap::new();
    for e in walkdir::WalkDir::new(content.join("competencies")) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let text = fs::read_to_string(e.path()).unwrap();
        let (front, body) = text.split_at(text.rfind("+++\n").unwrap() + 4);
        let level = front
            .lines()
            .find_map(|l| l.strip_prefix("level = \""))
            .and_then(|l| l.strip_suffix('"'))
            .unwrap()
            .to_string();
        // Each item with its continuation lines; a body with anything else is left alone.
        let mut items: Vec<String> = Vec::new();
        let mut plain = true;
        for l in body.lines() {
            if l.starts_with("- ") {
                items.push(l.to_string());
            } else if !l.trim().is_empty() {
                match items.last_mut() {
                    Some(item) if !l.trim_start().starts_with(['-', '*']) => {
                        item.push('\n');
                        item.push_str(l);
                    }
                    _ => plain = false,
                }
            }
        }
        if items.len() < 2 || !plain {
            continue;
        }
        let old = items[1].clone();
        let new = old.replacen("- ", "- Also: ", 1);
        reworded.insert((level.clone(), md_words(&old[2..])), md_words(&new[2..]));
        items[1] = new;
        items.reverse();
        items.insert(
            0,
            "- Writes a short note after each release about what went well and what did not."
                .into(),
        );
        fs::write(e.path(), format!("{front}\n{}\n", items.join("\n"))).unwrap();
    }
    reworded
}

fn every_old_link_lands_on_its_expectation(ladder: &Path) {
    let site = ladder.join("book");
    ladderbook().arg("build").arg(ladder).assert().success();
    assert!(
        ladder.join("ladder.lock").is_file(),
        "the build writes ladder.lock"
    );
    let before = anchors(&site);
    let reworded = edit_every_cell(&ladder.join("content"));
    assert!(reworded.len() >= 10, "edited {} cells", reworded.len());
    ladderbook().arg("build").arg(ladder).assert().success();
    let mut checked = 0;
    for ((level, anchor), words_before) in &before {
        let want = reworded
            .get(&(level.clone(), words_before.clone()))
            .unwrap_or(words_before);
        let got = text_at(&site, level, anchor)
            .unwrap_or_else(|| panic!("/levels/{level}/#{anchor} is gone"));
        assert!(
            got.contains(want.as_str()),
            "/levels/{level}/#{anchor} was \"{words_before}\", now lands on \"{got}\""
        );
        checked += 1;
    }
    assert!(checked > 50, "{checked} links checked");
    // Nothing was removed, so nothing is reported lost.
    ladderbook().arg("check").arg(ladder).assert().success();
}

#[test]
fn example_ladder_links_survive_insertions_reorders_and_rewordings() {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), tmp.path());
    every_old_link_lands_on_its_expectation(tmp.path());
}

#[test]
fn real_ladder_links_survive_insertions_reorders_and_rewordings() {
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("l");
    ladderbook()
        .arg("import")
        .arg(real_ladders().join("Codecademy-engineering-competencies/managers.md"))
        .arg("-o")
        .arg(&ladder)
        .assert()
        .success();
    every_old_link_lands_on_its_expectation(&ladder);
}

/// A published level deleted while another was renamed, with its alias, since the last
/// build: the renamed level is no suggestion for the deleted one (author check 48 A48-02:
/// "did you mean `head-of-engineering`", the Director's rename, for a deleted Principal
/// Engineer), and the hint says how to finish a removal.
#[test]
fn a_deleted_level_is_not_offered_the_rename_of_another() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    let content = d.join("content");
    fs::rename(
        content.join("levels/director.md"),
        content.join("levels/head-of-engineering.md"),
    )
    .unwrap();
    fs::rename(
        content.join("competencies/director"),
        content.join("competencies/head-of-engineering"),
    )
    .unwrap();
    replace_everywhere(
        &content,
        &[
            ("\"director\"", "\"head-of-engineering\""),
            ("levels/director.md", "levels/head-of-engineering.md"),
        ],
    );
    let head = content.join("levels/head-of-engineering.md");
    let text = fs::read_to_string(&head).unwrap();
    fs::write(
        &head,
        text.replacen("rank = ", "aliases = [\"levels/director/\"]\nrank = ", 1),
    )
    .unwrap();
    ladderbook().arg("check").arg(d).assert().success();
    fs::remove_file(content.join("levels/vp-engineering.md")).unwrap();
    let err = check_fails(d);
    assert!(err.contains("there is no level `vp-engineering`"), "{err}");
    assert!(!err.contains("did you mean `head-of-engineering`"), "{err}");
    assert!(
        err.contains("if you removed it, take `vp-engineering` out of here (or remove this file) and build with `--accept-removals`"),
        "{err}"
    );
}

#[test]
fn a_renamed_level_fails_check_until_an_alias_keeps_its_address() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    let before = tmp.path().join("before");
    copy_dir(&d.join("book"), &before);
    // Rename director to head-of-engineering, everywhere it is named, without an alias.
    let content = d.join("content");
    fs::rename(
        content.join("levels/director.md"),
        content.join("levels/head-of-engineering.md"),
    )
    .unwrap();
    // While its competencies wait in the old id's folder, their errors name the new level,
    // and the new level having none yet is no news.
    let err = check_fails(d);
    assert!(err.contains("did you mean `head-of-engineering`"), "{err}");
    assert!(!err.contains(": warning: "), "{err}");
    fs::rename(
        content.join("competencies/director"),
        content.join("competencies/head-of-engineering"),
    )
    .unwrap();
    // Before the competency files follow, check says which level it most likely became
    // and how to keep the old address.
    let err = check_fails(d);
    assert!(
        err.contains("there is no level `director`")
            && err.contains("did you mean `head-of-engineering`, the level that is new")
            && err.contains("aliases = [\"levels/director/\"]"),
        "{err}"
    );
    // So do the equivalent that names it and a link to its file, and the renamed level is
    // neither asked to be listed back nor warned about for having no expectations yet.
    assert!(err.contains("content/levels/principal-engineer.md:7:15: error: there is no level `director`\n  hint: did you mean `head-of-engineering`, the level that is new"), "{err}");
    assert!(
        err.contains("hint: did you mean `levels/head-of-engineering.md#strategy`?"),
        "{err}"
    );
    assert!(!err.contains("does not list"), "{err}");
    assert!(!err.contains(": warning: "), "{err}");
    replace_everywhere(
        &content,
        &[
            ("\"director\"", "\"head-of-engineering\""),
            ("levels/director.md", "levels/head-of-engineering.md"),
        ],
    );
    let err = check_fails(d);
    assert!(
        err.contains("error: the page /levels/director/ was published and is gone")
            && err.contains("aliases = [\"levels/director/\"]"),
        "{err}"
    );
    // The hint says what the alias does not carry (browser check 32 L2: following it where
    // the new level lists other expectations turned one message into 22).
    assert!(
        err.contains(
            "its expectation anchors follow it only where that level holds the same expectations"
        ),
        "{err}"
    );
    ladderbook().arg("build").arg(d).assert().code(1);

    // With the alias the old address redirects, fragment kept, and check passes.
    let level = content.join("levels/head-of-engineering.md");
    let t = fs::read_to_string(&level).unwrap();
    fs::write(
        &level,
        t.replacen("+++\n", "+++\naliases = [\"levels/director/\"]\n", 1),
    )
    .unwrap();
    // Its expectations keep their anchors on the new page, where the redirect lands.
    ladderbook().arg("check").arg(d).assert().success();
    ladderbook().arg("build").arg(d).assert().success();
    assert_eq!(
        text_at(&d.join("book"), "head-of-engineering", "craft--2"),
        text_at(&before, "director", "craft--2"),
    );
    // Its comparisons' old addresses redirect too.
    assert!(page(&d.join("book"), "compare/engineering-manager/director/").contains(
        "location.replace(\"../../../compare/engineering-manager/head-of-engineering/\" + location.hash)"
    ));
    let redirect = page(&d.join("book"), "levels/director/");
    assert!(
        redirect
            .contains("location.replace(\"../../levels/head-of-engineering/\" + location.hash)"),
        "{redirect}"
    );
}

#[test]
fn pillars_tracks_and_free_pages_keep_their_addresses_with_aliases() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    let content = d.join("content");
    // Rename the craft pillar and a free page, as authors do.
    fs::rename(
        content.join("pillars/craft.md"),
        content.join("pillars/engineering.md"),
    )
    .unwrap();
    fs::rename(content.join("promotions.md"), content.join("promotion.md")).unwrap();
    replace_everywhere(
        &content,
        &[
            ("pillar = \"craft\"", "pillar = \"engineering\""),
            ("pillars/craft.md", "pillars/engineering.md"),
            ("promotions.md", "promotion.md"),
            (".md#craft", ".md#engineering"),
        ],
    );
    let err = check_fails(d);
    for (page, kind) in [("pillars/craft/", "pillar"), ("promotions/", "page")] {
        assert!(
            err.contains(&format!("the page /{page} was published and is gone"))
                && err.contains(&format!(
                    "add `aliases = [\"{page}\"]` to the front-matter of the {kind}"
                )),
            "{err}"
        );
    }
    let add_alias = |file: &str, alias: &str| {
        let p = content.join(file);
        let t = fs::read_to_string(&p).unwrap();
        fs::write(
            &p,
            t.replacen("+++\n", &format!("+++\naliases = [\"{alias}\"]\n"), 1),
        )
        .unwrap();
    };
    add_alias("pillars/engineering.md", "pillars/craft/");
    add_alias("promotion.md", "promotions/");
    ladderbook().arg("check").arg(d).assert().success();
    ladderbook().arg("build").arg(d).assert().success();
    let site = d.join("book");
    assert!(page(&site, "pillars/craft/")
        .contains("location.replace(\"../../pillars/engineering/\" + location.hash)"));
    assert!(
        page(&site, "promotions/").contains("location.replace(\"../promotion/\" + location.hash)")
    );
    // The expectations' old anchors (`#craft--2`) stay on the level pages, word for word the
    // same expectations now in the renamed pillar.
    assert!(page(&site, "levels/engineer-2/").contains("<span id=\"craft--2\"></span>"));
}

#[test]
fn an_expectation_can_carry_an_id_its_author_chose() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    let craft = d.join("content/competencies/engineer-2/craft.md");
    let t = fs::read_to_string(&craft).unwrap();
    let first = t.lines().find(|l| l.starts_with("- ")).unwrap().to_string();
    fs::write(
        &craft,
        t.replacen(&first, &format!("{first} {{#design-by-default}}"), 1),
    )
    .unwrap();
    let guide = d.join("content/how-to-read.md");
    let g = fs::read_to_string(&guide).unwrap();
    fs::write(
        &guide,
        format!("{g}\nSee [the design expectation](levels/engineer-2.md#design-by-default).\n"),
    )
    .unwrap();
    ladderbook().arg("build").arg(d).assert().success();
    let html = page(&d.join("book"), "levels/engineer-2/");
    assert!(
        html.contains("<span id=\"design-by-default\"></span>"),
        "{html}"
    );
    assert!(html.contains("href=\"#design-by-default\""));
    assert!(!html.contains("{#design-by-default}"));
    assert!(page(&d.join("book"), "how-to-read/").contains("levels/engineer-2/#design-by-default"));
    // The same id twice on one level page is an error naming the file.
    let people = d.join("content/competencies/engineer-2/people.md");
    let p = fs::read_to_string(&people).unwrap();
    let first = p.lines().find(|l| l.starts_with("- ")).unwrap().to_string();
    fs::write(
        &people,
        p.replacen(&first, &format!("{first} {{#design-by-default}}"), 1),
    )
    .unwrap();
    let err = check_fails(d);
    let line = 1 + p[..p.find(&first).unwrap()].matches('\n').count();
    let column = first.len() + 2;
    assert!(
        err.contains(&format!("content/competencies/engineer-2/people.md:{line}:{column}: error: the expectation id `{{#design-by-default}}` is already an anchor on /levels/engineer-2/: another expectation's, in content/competencies/engineer-2/craft.md")),
        "{err}"
    );
}

#[test]
fn import_keeps_the_financial_times_competency_ids_as_anchors() {
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("l");
    let source = real_ladders()
        .join("Financial-Times-engineering-progression/data/job-families/engineering.yml");
    ladderbook()
        .arg("import")
        .arg(&source)
        .arg("-o")
        .arg(&ladder)
        .assert()
        .success();
    ladderbook().arg("build").arg(&ladder).assert().success();
    let site = ladder.join("book");
    let mut all_pages = String::new();
    for e in walkdir::WalkDir::new(site.join("levels")) {
        let e = e.unwrap();
        if e.file_name() == "index.html" {
            all_pages.push_str(&fs::read_to_string(e.path()).unwrap());
        }
    }
    // Every competency's UUID, by its first part, is an anchor on its level's page.
    let yaml = fs::read_to_string(&source).unwrap();
    let ids: Vec<&str> = yaml
        .lines()
        .filter_map(|l| {
            l.trim_start()
                .strip_prefix("- id: ")
                .or(l.trim_start().strip_prefix("id: "))
        })
        .filter(|id| id.len() == 36 && id.matches('-').count() == 4)
        .map(|id| id.split('-').next().unwrap())
        .collect();
    assert_eq!(ids.len(), 72, "the job family's competencies");
    for id in ids {
        assert!(
            all_pages.contains(&format!("<span id=\"{}\"></span>", id.to_lowercase())),
            "#{id}"
        );
    }
    assert!(!all_pages.contains("{#"));
}

#[test]
fn a_build_leaves_an_unchanged_ladder_lock_alone_and_rewrites_one_that_differs() {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), tmp.path());
    let lock = tmp.path().join("ladder.lock");
    let build = || {
        ladderbook().arg("build").arg(tmp.path()).assert().success();
    };
    build();
    let written = fs::read(&lock).unwrap();
    let version = |p: &Path| {
        let m = fs::metadata(p).unwrap();
        (m.modified().unwrap(), m.len())
    };
    let first = version(&lock);
    // Long enough for a rewrite to show in the modification time on any file system.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build();
    assert_eq!(
        version(&lock),
        first,
        "an unchanged lockfile is not written again"
    );
    // A page line taken out by hand (the comments ask not to): the build puts it back.
    let text = String::from_utf8(written.clone()).unwrap();
    let page_line = text.lines().find(|l| l.starts_with("page ")).unwrap();
    fs::write(&lock, text.replacen(&format!("{page_line}\n"), "", 1)).unwrap();
    build();
    assert_eq!(fs::read(&lock).unwrap(), written);
}

#[test]
fn a_broken_competency_file_is_the_one_error_check_reports_not_its_expectations_as_gone() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    // Built, the ladder has published its anchors (ladder.lock); a cell that fails to
    // parse has none.
    ladderbook().arg("build").arg(d).assert().success();
    assert!(d.join("ladder.lock").is_file());
    let cell = d.join("content/competencies/senior-engineer/craft.md");
    let text = fs::read_to_string(&cell).unwrap();
    fs::write(
        &cell,
        text.replacen("pillar = \"craft\"", "pillar = \"craft", 1),
    )
    .unwrap();

    let err = check_fails(d);
    assert!(
        err.contains("content/competencies/senior-engineer/craft.md:3:"),
        "{err}"
    );
    assert!(!err.contains("was published and is gone"), "{err}");
    assert!(!err.contains("--accept-removals"), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "{err}");

    // Fixed, nothing is lost; and an expectation really removed is reported again.
    fs::write(&cell, &text).unwrap();
    ladderbook().arg("check").arg(d).assert().success();
    let first = text
        .lines()
        .find(|l| l.starts_with("- "))
        .expect("a list item")
        .to_string();
    fs::write(&cell, text.replacen(&format!("{first}\n"), "", 1)).unwrap();
    let err = check_fails(d);
    assert!(err.contains("was published and is gone"), "{err}");
}

#[test]
fn a_renamed_pillar_is_named_in_the_hint_and_an_alias_keeps_its_address() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    let content = d.join("content");
    fs::rename(
        content.join("pillars/craft.md"),
        content.join("pillars/engineering-craft.md"),
    )
    .unwrap();
    let err = check_fails(d);
    assert!(
        err.contains("there is no pillar `craft`")
            && err.contains("did you mean `engineering-craft`, the pillar that is new")
            && err.contains("aliases = [\"pillars/craft/\"]"),
        "{err}"
    );
    // The hint followed: the new id in the competencies and links, the alias on the pillar.
    replace_everywhere(
        &content,
        &[
            ("pillar = \"craft\"", "pillar = \"engineering-craft\""),
            ("pillars/craft.md", "pillars/engineering-craft.md"),
        ],
    );
    let pillar = content.join("pillars/engineering-craft.md");
    let t = fs::read_to_string(&pillar).unwrap();
    fs::write(
        &pillar,
        t.replacen("+++\n", "+++\naliases = [\"pillars/craft/\"]\n", 1),
    )
    .unwrap();
    ladderbook().arg("check").arg(d).assert().success();
    ladderbook().arg("build").arg(d).assert().success();
    let old = fs::read_to_string(d.join("book/pillars/craft/index.html")).unwrap();
    assert!(old.contains("pillars/engineering-craft/"), "{old}");
}

#[test]
fn an_expectation_indented_into_the_one_above_is_reported_where_its_words_are() {
    // Four spaces before the second item's text make it part of the first (CommonMark): the
    // published anchor is lost, and the error points at the words still in the file.
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    let cell = d.join("content/competencies/engineer-2/craft.md");
    let text = fs::read_to_string(&cell).unwrap();
    let second = text
        .lines()
        .filter(|l| l.starts_with("- "))
        .nth(1)
        .unwrap()
        .to_string();
    fs::write(
        &cell,
        text.replacen(&second, &format!("    {}", &second[2..]), 1),
    )
    .unwrap();
    let err = check_fails(d);
    let line = 1 + text[..text.find(&second).unwrap()].matches('\n').count();
    assert!(
        err.contains(&format!("content/competencies/engineer-2/craft.md:{line}:5: error: the expectation /levels/engineer-2/#craft--2")),
        "{err}"
    );
    assert!(
        err.contains("its words are still here, but not as a list item of their own"),
        "{err}"
    );
}

#[test]
fn a_lost_expectation_is_placed_only_where_its_own_words_are_not_an_item() {
    // (edit before the first build, edit after it, where the error is, what it adds), in
    // engineer-1's craft file.
    let first =
        "- Writes clear, tested code for well-scoped tasks, following the team's conventions";
    let same_start = format!("{first} in every language the team uses.\n");
    type Edit<'a> = &'a dyn Fn(&str) -> String;
    let keep: Edit = &|t: &str| t.to_string();
    let cases: [(Edit, Edit, &str, &str); 3] = [
        // Its first words have an apostrophe, which the lock keeps curled: found all the same.
        (
            keep,
            &|t: &str| t.replacen(first, &first.replacen("- ", "    ", 1), 1),
            ":6:5: error: the expectation /levels/engineer-1/#craft--1",
            "an indented line continues the item above it",
        ),
        // Moved below the list, as a paragraph: notes.
        (
            keep,
            &|t: &str| {
                let line = t.lines().find(|l| l.starts_with(first)).unwrap();
                format!(
                    "{}\n{}\n",
                    t.replacen(&format!("{line}\n"), "", 1),
                    &line[2..]
                )
            },
            ": error: the expectation /levels/engineer-1/#craft--1",
            "but outside the list, where they are notes",
        ),
        // Deleted, while another item starts with the same words: not "still here".
        (
            &|t: &str| format!("{t}{same_start}"),
            &|t: &str| {
                let line = t.lines().find(|l| l.starts_with(first)).unwrap();
                t.replacen(&format!("{line}\n"), "", 1)
            },
            "engineer-1/craft.md:1:1: error: the expectation /levels/engineer-1/#craft--1",
            "",
        ),
    ];
    for (before, edit, at, adds) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        copy_ladder(&repo(), d);
        let cell = d.join("content/competencies/engineer-1/craft.md");
        let text = fs::read_to_string(&cell).unwrap();
        assert!(text.contains(first), "{text}");
        fs::write(&cell, before(&text)).unwrap();
        ladderbook().arg("build").arg(d).assert().success();
        fs::write(&cell, edit(&before(&text))).unwrap();
        let err = check_fails(d);
        assert!(err.contains(at), "{at}\n{err}");
        match adds {
            "" => assert!(!err.contains("still here"), "{err}"),
            adds => assert!(err.contains(adds), "{adds}\n{err}"),
        }
    }
}

#[test]
fn each_repeated_expectation_id_is_reported_where_it_is_written() {
    // Three items of one file with one id, and a note that mentions it: two errors, each at
    // its own item's id, none at the note.
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    let cell = d.join("content/competencies/engineer-2/craft.md");
    let text = fs::read_to_string(&cell).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let items: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("- "))
        .take(3)
        .collect();
    for &i in &items {
        lines[i].push_str(" {#design}");
    }
    lines.push(String::new());
    lines.push("A note on `{#design}` ids.".into());
    fs::write(&cell, lines.join("\n") + "\n").unwrap();
    let err = check_fails(d);
    for &i in &items[1..] {
        let at = format!(
            "content/competencies/engineer-2/craft.md:{}:{}: error: the expectation id `{{#design}}` is already an anchor",
            i + 1,
            lines[i].len() - "{#design}".len() + 1
        );
        assert!(err.contains(&at), "{at}\n{err}");
    }
    assert_eq!(err.matches("is already an anchor").count(), 2, "{err}");
}

/// A level renamed without an alias is one lost address, its comparisons counted with it,
/// not also a comparison's, whose hint asked for an alias in a comparison's front-matter,
/// which does not exist (browser check 27 L5: Engineer II's comparison with Senior
/// Engineer's alias `ic3` came first).
#[test]
fn a_renamed_levels_comparisons_are_lost_with_it_not_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    let lock = fs::read_to_string(d.join("ladder.lock")).unwrap();
    assert!(lock.contains("compare/engineer-2/ic3/"), "{lock}");
    let content = d.join("content");
    fs::rename(
        content.join("levels/engineer-2.md"),
        content.join("levels/engineer-two.md"),
    )
    .unwrap();
    replace_everywhere(
        &content,
        &[("level = \"engineer-2\"", "level = \"engineer-two\"")],
    );
    replace_everywhere(
        &content,
        &[("levels/engineer-2.md", "levels/engineer-two.md")],
    );
    let err = check_fails(d);
    let lost: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("was published and is gone"))
        .collect();
    assert_eq!(lost.len(), 1, "{err}");
    assert!(
        lost[0].contains("the page /levels/engineer-2/ was published and is gone with the")
            && lost[0].contains("comparisons of it"),
        "{err}"
    );
    assert!(!err.contains("compare/engineer-2/ic3/\"]"), "{err}");
}

/// Two branches each add an expectation to Senior Engineer's craft, and each build numbers
/// it `#craft--7`; their lockfiles then conflict (browser check 36 B36-01, B36-02). git's
/// markers were three `lock-syntax` errors whose hint said to delete the file, which would
/// move published anchors onto other expectations; and the lockfile merged by keeping both
/// sides said the expectation still in the file "was published and is gone".
#[test]
fn a_lockfile_two_branches_wrote_is_merged_by_keeping_both_sides_and_one_number_each() {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), tmp.path());
    let (lock, craft) = (
        tmp.path().join("ladder.lock"),
        tmp.path()
            .join("content/competencies/senior-engineer/craft.md"),
    );
    let build = |args: &[&str]| {
        ladderbook()
            .arg("build")
            .arg(tmp.path())
            .args(args)
            .assert()
    };
    build(&[]).success();
    let base = fs::read_to_string(&craft).unwrap();
    let with = |item: &str| base.replacen("+++\n\n- ", &format!("+++\n\n- {item}\n- "), 1);
    let (alpha, beta) = (
        "Runs the quarterly game day that tests the team's recovery plans.",
        "Writes the onboarding guide that new engineers follow in their first week.",
    );
    let mut sides = Vec::new();
    for item in [alpha, beta] {
        let before = fs::read_to_string(&lock).unwrap();
        fs::write(&craft, with(item)).unwrap();
        build(&[]).success();
        let after = fs::read_to_string(&lock).unwrap();
        let added: Vec<String> = after
            .lines()
            .filter(|l| !before.lines().any(|b| b == *l))
            .map(String::from)
            .collect();
        assert_eq!(added.len(), 1, "{added:?}");
        assert!(
            added[0].starts_with("anchor senior-engineer craft "),
            "{}",
            added[0]
        );
        sides.push((added[0].clone(), before));
        fs::write(&lock, &sides[0].1).unwrap();
    }
    let (alpha_line, beta_line) = (&sides[0].0, &sides[1].0);
    assert_eq!(
        alpha_line.split(' ').nth(3),
        beta_line.split(' ').nth(3),
        "both branches number their expectation alike"
    );
    // The merge: both expectations in the file, the lockfile in conflict.
    fs::write(&craft, with(&format!("{alpha}\n- {beta}"))).unwrap();
    let base_lock = &sides[0].1;
    let conflicted =
        format!("{base_lock}<<<<<<< HEAD\n{alpha_line}\n=======\n{beta_line}\n>>>>>>> feature\n");
    fs::write(&lock, &conflicted).unwrap();
    let markers_at = base_lock.lines().count() + 1;
    let err = check_fails(tmp.path());
    assert!(
        err.contains(&format!(
            "ladder.lock:{markers_at}:1: error: an unresolved merge conflict"
        )),
        "{err}"
    );
    assert!(
        !err.contains("this line is not") && !err.contains("start it again"),
        "{err}"
    );
    assert!(err.contains("keep the lines of both sides"), "{err}");

    // Both sides kept, as the hint says: one number given twice is named, nothing is "gone".
    fs::write(&lock, format!("{base_lock}{alpha_line}\n{beta_line}\n")).unwrap();
    let err = check_fails(tmp.path());
    assert!(err.contains("is given to two expectations"), "{err}");
    assert!(
        err.contains("Runs the quarterly game day") && err.contains("Writes the onboarding guide"),
        "{err}"
    );
    assert!(!err.contains("was published and is gone"), "{err}");

    // The published one's line kept: it keeps its number, the other gets one of its own.
    fs::write(&lock, format!("{base_lock}{alpha_line}\n")).unwrap();
    build(&[]).success();
    let number = alpha_line.split(' ').nth(3).unwrap();
    let page =
        fs::read_to_string(tmp.path().join("book/levels/senior-engineer/index.html")).unwrap();
    let at = page
        .find(&format!("id=\"craft--{number}\""))
        .expect("the anchor");
    assert!(page[at..]
        .split("</li>")
        .next()
        .unwrap()
        .contains("quarterly game day"));
}

/// A comparison's address is shared as a level's is: ladder.lock lists every comparison, and
/// one the ladder no longer makes, of two levels it still has, leads to them (browser check
/// 50, B50-04: taking back an equivalent, or swapping two ranks, lost the page without a word).
#[test]
fn a_published_comparison_the_ladder_stops_making_leads_to_its_two_levels() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    let lock = fs::read_to_string(d.join("ladder.lock")).unwrap();
    for page in [
        "compare/staff-engineer/engineering-manager/",
        "compare/engineer-1/engineer-2/",
    ] {
        assert!(lock.contains(&format!("page {page}\n")), "{page}: {lock}");
    }
    // The equivalent taken back from both levels: the two pages go to the comparison index,
    // which shows the two side by side.
    for level in ["staff-engineer", "engineering-manager"] {
        let path = d.join(format!("content/levels/{level}.md"));
        let text = fs::read_to_string(&path).unwrap();
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("equivalent"))
            .collect();
        fs::write(&path, kept.join("\n") + "\n").unwrap();
    }
    // Engineer I and Engineer II swap ranks: their comparison runs the other way round.
    let rank = |level: &str, from: &str, to: &str| {
        let path = d.join(format!("content/levels/{level}.md"));
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{level}: {text}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    rank("engineer-1", "rank = 1", "rank = 2");
    rank("engineer-2", "rank = 2", "rank = 1");
    let out = ladderbook().arg("check").arg(d).assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string()
        + &String::from_utf8_lossy(&out.get_output().stderr);
    assert!(!said.contains("was published and is gone"), "{said}");
    ladderbook().arg("build").arg(d).assert().success();
    let book = d.join("book");
    let moved = |page: &str| fs::read_to_string(book.join(page).join("index.html")).unwrap();
    let cross = moved("compare/staff-engineer/engineering-manager");
    assert!(
        cross.contains(r#"location.replace("../../../compare/?a=staff-engineer&b=engineering-manager" + location.hash)"#),
        "{cross}"
    );
    assert!(
        cross.contains(r#"href="../../../compare/?a=staff-engineer&amp;b=engineering-manager""#),
        "{cross}"
    );
    let swapped = moved("compare/engineer-1/engineer-2");
    assert!(
        swapped.contains(
            r#"location.replace("../../../compare/engineer-2/engineer-1/" + location.hash)"#
        ),
        "{swapped}"
    );
    // And the next build keeps them.
    let lock = fs::read_to_string(d.join("ladder.lock")).unwrap();
    assert!(
        lock.contains("page compare/staff-engineer/engineering-manager/\n"),
        "{lock}"
    );
}

/// A level taken into another (its address now the other's alias): their comparison leads to
/// that level's page; it was a lost-address error whose hint asked for the alias that was
/// there (review 45 R45-01).
#[test]
fn the_comparison_of_a_level_taken_into_another_leads_to_that_level() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    ladderbook().arg("build").arg(d).assert().success();
    fs::remove_file(d.join("content/levels/engineer-1.md")).unwrap();
    fs::remove_dir_all(d.join("content/competencies/engineer-1")).unwrap();
    let e2 = d.join("content/levels/engineer-2.md");
    let text = fs::read_to_string(&e2).unwrap();
    fs::write(
        &e2,
        text.replacen("+++\n", "+++\naliases = [\"levels/engineer-1/\"]\n", 1),
    )
    .unwrap();
    let out = ladderbook().arg("check").arg(d).assert();
    let said = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        !said.contains("the comparison /compare/engineer-1/engineer-2/"),
        "{said}"
    );
    ladderbook()
        .args(["build", "--accept-removals"])
        .arg(d)
        .assert()
        .success();
    let moved =
        fs::read_to_string(d.join("book/compare/engineer-1/engineer-2/index.html")).unwrap();
    assert!(
        moved.contains(r#"location.replace("../../../levels/engineer-2/" + location.hash)"#),
        "{moved}"
    );
}
