//! Links that never break when a published ladder is restructured: a pillar merged into
//! another, a level renamed while expectations move, a level taken in by another. Each is
//! built twice or more, as a ladder is released again and again, and every old link is
//! followed on the built site.

mod common;
use common::*;
use std::fs;
use std::path::Path;

fn build(d: &Path, extra: &[&str]) {
    ladderbook()
        .arg("build")
        .arg(d)
        .args(extra)
        .assert()
        .success();
}

/// The ids of every element on a built level page.
fn ids(d: &Path, level: &str) -> Vec<String> {
    let html = page(&d.join("book"), &format!("levels/{level}/"));
    html.split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The list items of a competency file's body.
fn items(d: &Path, level: &str, pillar: &str) -> Vec<String> {
    let text =
        fs::read_to_string(d.join(format!("content/competencies/{level}/{pillar}.md"))).unwrap();
    text.lines()
        .filter(|l| l.starts_with("- "))
        .map(str::to_string)
        .collect()
}

/// Appends `items` to the list of a competency file.
fn append(d: &Path, level: &str, pillar: &str, items: &[String]) {
    let p = d.join(format!("content/competencies/{level}/{pillar}.md"));
    let mut text = fs::read_to_string(&p).unwrap();
    for i in items {
        text.push_str(i);
        text.push('\n');
    }
    fs::write(p, text).unwrap();
}

/// Adds `aliases = [alias]` to the front-matter of a content file.
fn add_alias(file: &Path, alias: &str) {
    let text = fs::read_to_string(file).unwrap();
    let text = if text.contains("\naliases = [") {
        text.replacen("\naliases = [", &format!("\naliases = [\"{alias}\", "), 1)
    } else {
        text.replacen("+++\n", &format!("+++\naliases = [\"{alias}\"]\n"), 1)
    };
    fs::write(file, text).unwrap();
}

/// The words of the expectation whose element has `id` on a built level page.
fn words_at(d: &Path, level: &str, id: &str) -> String {
    let html = page(&d.join("book"), &format!("levels/{level}/"));
    let at = html
        .find(&format!(" id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} on /levels/{level}/"));
    let rest = &html[at..];
    words(&rest[..rest.find("<a class=\"permalink\"").unwrap()])
}

#[test]
fn a_merged_pillars_expectations_keep_their_old_anchors_in_every_later_build() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    build(d, &[]);
    let published: Vec<(String, String)> = ["engineer-2", "staff-engineer"]
        .iter()
        .flat_map(|l| {
            (1..=items(d, l, "citizenship").len())
                .map(move |n| (l.to_string(), format!("citizenship--{n}")))
        })
        .map(|(l, id)| {
            let w = words_at(d, &l, &id);
            ((l, id), w)
        })
        .map(|((l, id), w)| (format!("{l}#{id}"), w))
        .collect();
    // Citizenship merged into People at every level, its address kept by an alias.
    let content = d.join("content");
    for e in fs::read_dir(content.join("competencies")).unwrap() {
        let level = e.unwrap().file_name().into_string().unwrap();
        let moved = items(d, &level, "citizenship");
        append(d, &level, "people", &moved);
        fs::remove_file(content.join(format!("competencies/{level}/citizenship.md"))).unwrap();
    }
    fs::remove_file(content.join("pillars/citizenship.md")).unwrap();
    add_alias(&content.join("pillars/people.md"), "pillars/citizenship/");
    ladderbook().arg("check").arg(d).assert().success();
    // Released again and again, with nothing else changed: the old anchors stay on the
    // expectations, and the lock keeps them.
    for release in 1..=3 {
        build(d, &[]);
        for (link, want) in &published {
            let (level, id) = link.split_once('#').unwrap();
            assert!(
                ids(d, level).iter().any(|i| i == id),
                "build {release}: no #{id} on /levels/{level}/"
            );
            assert_eq!(&words_at(d, level, id), want, "build {release}: {link}");
            // The pillar's section anchor goes on to People's section.
            assert!(
                ids(d, level).iter().any(|i| i == "citizenship"),
                "build {release}: no #citizenship on /levels/{level}/"
            );
        }
        let compare = page(&d.join("book"), "compare/engineer-2/senior-engineer/");
        assert!(
            compare.contains("id=\"citizenship\""),
            "no #citizenship on the comparison"
        );
    }
    ladderbook().arg("check").arg(d).assert().success();
}

#[test]
fn a_level_renamed_while_an_expectation_moves_pillar_keeps_both_in_one_release() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    build(d, &[]);
    let first = items(d, "senior-engineer", "citizenship").remove(0);
    let want = words_at(d, "senior-engineer", "citizenship--1");
    // In one edit: senior-engineer becomes senior-software-engineer (with the alias), and
    // its first citizenship expectation moves to people.
    let content = d.join("content");
    fs::rename(
        content.join("levels/senior-engineer.md"),
        content.join("levels/senior-software-engineer.md"),
    )
    .unwrap();
    fs::rename(
        content.join("competencies/senior-engineer"),
        content.join("competencies/senior-software-engineer"),
    )
    .unwrap();
    for e in walkdir::WalkDir::new(&content) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let t = fs::read_to_string(e.path()).unwrap();
            let t2 = t
                .replace("\"senior-engineer\"", "\"senior-software-engineer\"")
                .replace("senior-engineer.md", "senior-software-engineer.md")
                .replace("../senior-engineer/", "../senior-software-engineer/");
            if t2 != t {
                fs::write(e.path(), t2).unwrap();
            }
        }
    }
    add_alias(
        &content.join("levels/senior-software-engineer.md"),
        "levels/senior-engineer/",
    );
    let level = "senior-software-engineer";
    let cit = content.join(format!("competencies/{level}/citizenship.md"));
    let text = fs::read_to_string(&cit).unwrap();
    fs::write(&cit, text.replacen(&format!("{first}\n"), "", 1)).unwrap();
    append(d, level, "people", &[first]);
    let out = ladderbook().arg("check").arg(d).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for _ in 0..2 {
        build(d, &[]);
        assert_eq!(words_at(d, level, "citizenship--1"), want);
        // Its sections on pillar and track pages answer to the old id.
        for p in ["pillars/craft/", "tracks/ic/"] {
            let html = page(&d.join("book"), p);
            assert!(
                html.contains("id=\"senior-engineer\""),
                "no #senior-engineer on {p}"
            );
        }
    }
}

#[test]
fn an_alias_to_a_level_that_took_in_a_removed_one_never_lands_on_another_expectation() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    build(d, &[]);
    let gone: Vec<String> = fs::read_to_string(d.join("ladder.lock"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("anchor engineer-2 "))
        .map(|l| {
            let mut f = l.split(' ');
            let (pillar, n) = (f.next().unwrap(), f.next().unwrap());
            format!("{pillar}--{n}")
        })
        .collect();
    assert!(gone.len() > 10);
    // Engineer II is removed; Engineer I takes its address.
    let content = d.join("content");
    fs::remove_file(content.join("levels/engineer-2.md")).unwrap();
    fs::remove_dir_all(content.join("competencies/engineer-2")).unwrap();
    for e in walkdir::WalkDir::new(&content) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let t = fs::read_to_string(e.path()).unwrap();
            if t.contains("engineer-2") {
                let t2 = t
                    .replace("../levels/engineer-2.md", "../levels/engineer-1.md")
                    .replace("levels/engineer-2.md", "levels/engineer-1.md")
                    .replace("../engineer-2/", "../engineer-1/");
                fs::write(e.path(), t2).unwrap();
            }
        }
    }
    add_alias(&content.join("levels/engineer-1.md"), "levels/engineer-2/");
    // Its expectations are gone: reported, then accepted.
    let out = ladderbook().arg("check").arg(d).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/levels/engineer-2/#"), "{err}");
    build(d, &["--accept-removals"]);
    for release in 1..=2 {
        if release == 2 {
            build(d, &[]);
        }
        // The old address redirects to Engineer I, and every old expectation anchor goes to
        // its pillar's section there, not to Engineer I's expectation of the same number.
        let redirect = page(&d.join("book"), "levels/engineer-2/");
        assert!(redirect.contains("/levels/engineer-1/\""), "{redirect}");
        let engineer_1 = ids(d, "engineer-1");
        for anchor in &gone {
            let pillar = anchor.split("--").next().unwrap();
            assert!(
                redirect.contains(&format!("\"{anchor}\": \"{pillar}\"")),
                "release {release}: #{anchor} is carried over as it is\n{redirect}"
            );
            assert!(engineer_1.iter().any(|i| i == pillar));
        }
    }
}
