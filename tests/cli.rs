//! The command line as the contract gives it: `init`, `build [DIR] [-d OUT]`, exit statuses.

mod common;
use common::*;
use std::fs;

#[test]
fn init_then_build_gives_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-ladder");
    ladderbook().arg("init").arg(&dir).assert().success();
    assert!(dir.join("book.toml").is_file());
    ladderbook()
        .current_dir(&dir)
        .arg("build")
        .assert()
        .success();
    let html = page(&dir.join("book"), "levels/senior-engineer/");
    assert!(words(&html).contains("mentors newer engineers"));
    assert!(broken_links(&dir.join("book")).is_empty());
    // init never overwrites a ladder.
    let out = ladderbook().arg("init").arg(&dir).assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("already exists"));
}

#[test]
fn the_starters_lock_binds_nothing_but_the_first_ladder_of_ones_own_is_published() {
    // init, build (as init says), then the starter replaced with one's own ladder: its pages
    // and anchors were never the author's, and their going is no error.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-ladder");
    ladderbook().arg("init").arg(&dir).assert().success();
    ladderbook().arg("build").arg(&dir).assert().success();
    let c = dir.join("content");
    // A first trim, built: the lock renumbers what is left, still the starter's words.
    let first = c.join("competencies/engineer/craft.md");
    let text = fs::read_to_string(&first).unwrap();
    fs::write(
        &first,
        text.replace("- Writes clear, tested code for well-scoped tasks.\n", ""),
    )
    .unwrap();
    ladderbook().arg("build").arg(&dir).assert().success();
    fs::write(&first, text).unwrap();
    fs::remove_file(c.join("about.md")).unwrap();
    fs::rename(c.join("pillars/craft.md"), c.join("pillars/engineering.md")).unwrap();
    for level in ["engineer", "senior-engineer"] {
        let cell = c.join(format!("competencies/{level}/craft.md"));
        let text = fs::read_to_string(&cell).unwrap();
        fs::write(
            &cell,
            text.replace("pillar = \"craft\"", "pillar = \"engineering\"")
                .replace("- ", "- Our own: "),
        )
        .unwrap();
    }
    let out = ladderbook().arg("build").arg(&dir).assert().success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!err.contains("error"), "{err}");
    let lock = fs::read_to_string(dir.join("ladder.lock")).unwrap();
    assert!(!lock.contains("page about/"), "{lock}");
    assert!(
        lock.contains("anchor engineer engineering 1 Our own: Writes clear"),
        "{lock}"
    );
    // That lock is the author's: a pillar removed now is two errors, its page and its
    // expectations on the level pages (an alias for the page would not bring those back).
    fs::remove_file(c.join("pillars/engineering.md")).unwrap();
    for level in ["engineer", "senior-engineer"] {
        fs::remove_file(c.join(format!("competencies/{level}/craft.md"))).unwrap();
    }
    let out = ladderbook().arg("build").arg(&dir).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.matches(": error: ").count(), 2, "{err}");
    assert!(
        err.contains("ladder.lock:1:1: error: 4 expectations of pillar `engineering` on 2 level pages (such as /levels/engineer/#engineering--1) were published and are gone with their competency files"),
        "{err}"
    );
    assert!(
        err.contains(
            "ladder.lock:1:1: error: the page /pillars/engineering/ was published and is gone\n"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "or the ladder has not been published yet, run `ladderbook build --accept-removals`"
        ),
        "{err}"
    );
}

#[test]
fn addresses_lost_at_once_are_reported_in_order_of_path() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-ladder");
    ladderbook().arg("init").arg(&dir).assert().success();
    let c = dir.join("content");
    // The engineer's collaboration file kept in a folder that sorts after the others.
    fs::create_dir(c.join("competencies/z")).unwrap();
    let moved = c.join("competencies/z/collaboration.md");
    fs::rename(c.join("competencies/engineer/collaboration.md"), &moved).unwrap();
    let text = fs::read_to_string(&moved).unwrap();
    fs::write(&moved, text.replace("Gives and receives", "Our own: gives")).unwrap();
    ladderbook().arg("build").arg(&dir).assert().success();
    // An expectation gone from each of two files (the engineer's level sorts first, its file
    // last), and a page.
    for (file, line) in [
        (
            moved.clone(),
            "- Keeps the team informed of progress and blockers.\n",
        ),
        (
            c.join("competencies/senior-engineer/collaboration.md"),
            "- Mentors newer engineers through review and pairing.\n",
        ),
    ] {
        let text = fs::read_to_string(&file).unwrap();
        assert!(text.contains(line), "{text}");
        fs::write(&file, text.replace(line, "")).unwrap();
    }
    fs::remove_file(c.join("about.md")).unwrap();
    let out = ladderbook().arg("build").arg(&dir).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let places: Vec<&str> = err
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(|l| l.split(": error: ").next().unwrap())
        .collect();
    assert_eq!(places.len(), 3, "{err}");
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted, "{err}");
    assert!(
        places[0].starts_with("content/competencies/senior-engineer/collaboration.md"),
        "{err}"
    );
}

#[test]
fn a_free_page_that_starts_with_its_title_shows_it_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-ladder");
    ladderbook().arg("init").arg(&dir).assert().success();
    let about = dir.join("content/about.md");
    let text = fs::read_to_string(&about).unwrap();
    let (front, body) = text.rsplit_once("+++\n").unwrap();
    fs::write(&about, format!("{front}+++\n\n# About this ladder\n{body}")).unwrap();
    ladderbook().arg("build").arg(&dir).assert().success();
    let html = page(&dir.join("book"), "about/");
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    // The author's heading, whose id links may name.
    assert!(
        html.contains("<h1 id=\"about-this-ladder\">About this ladder</h1>"),
        "{html}"
    );
    assert!(
        words(&html).contains("each level lists what is expected"),
        "{html}"
    );
    // Another heading is the author's, and stays.
    fs::write(&about, format!("{front}+++\n\n# Read this first\n{body}")).unwrap();
    ladderbook().arg("build").arg(&dir).assert().success();
    let html = page(&dir.join("book"), "about/");
    assert!(html.contains(">Read this first</h1>"), "{html}");
}

#[test]
fn a_wrong_command_line_exits_2() {
    ladderbook()
        .arg("build")
        .arg("--no-such-flag")
        .assert()
        .code(2);
    ladderbook().arg("frobnicate").assert().code(2);
}

#[test]
fn a_folder_without_book_toml_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ladderbook().arg("build").arg(tmp.path()).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("book.toml:1:1: error: cannot read"), "{err}");
    assert!(err.contains("ladderbook init"), "{err}");
    // One error: not also the content/ folder that is missing beside it.
    assert_eq!(err.matches(": error: ").count(), 1, "{err}");
    // The ladder's content/ passed for the ladder: the hint names the ladder's folder.
    let dir = tmp.path().join("my-ladder");
    ladderbook().arg("init").arg(&dir).assert().success();
    // Passed as a path, as `content` from the ladder, and as `.` from inside it.
    for (cwd, arg) in [
        (tmp.path().to_path_buf(), dir.join("content")),
        (dir.clone(), "content".into()),
        (dir.join("content"), std::path::PathBuf::from(".")),
    ] {
        let out = ladderbook()
            .current_dir(&cwd)
            .arg("check")
            .arg(&arg)
            .assert()
            .code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_eq!(err.matches(": error: ").count(), 1, "{err}");
        assert!(
            err.contains(&format!(
                "hint: this is the ladder's content/ folder: pass the folder that holds book.toml, `{}`",
                fs::canonicalize(&dir).unwrap().display()
            )),
            "{err}"
        );
    }
}

#[test]
fn init_theme_writes_the_built_in_theme_to_customise_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ladder");
    copy_ladder(&repo(), &dir);
    // The author already has an icon of their own.
    let own_icon = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    std::fs::create_dir_all(dir.join("static")).unwrap();
    std::fs::write(dir.join("static/favicon.svg"), own_icon).unwrap();
    let build_into = |out: &str| {
        ladderbook()
            .arg("build")
            .arg(&dir)
            .arg("-d")
            .arg(tmp.path().join(out))
            .assert()
            .success();
    };
    let init_theme = || {
        let out = ladderbook()
            .arg("init")
            .arg("--theme")
            .arg(&dir)
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    build_into("before");
    let said = init_theme();
    assert!(
        said.contains("Left alone (they exist): static/favicon.svg"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("static/favicon.svg")).unwrap(),
        own_icon
    );
    for f in [
        "templates/base.html",
        "templates/compare.html",
        "static/style.css",
    ] {
        assert_eq!(
            std::fs::read(dir.join(f)).unwrap(),
            std::fs::read(repo().join(f)).unwrap(),
            "{f} is the built-in file"
        );
    }
    // The written theme is the built-in one: the site comes out byte for byte the same.
    build_into("after");
    assert_eq!(
        site_files(&tmp.path().join("before")),
        site_files(&tmp.path().join("after"))
    );
    // Run again, it writes nothing.
    assert!(init_theme().contains(": 0 files."));
}

#[test]
fn a_folder_that_does_not_exist_is_one_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-ladder");
    for command in ["check", "build"] {
        let out = ladderbook().arg(command).arg(&missing).assert().code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(stderr.contains("there is no folder"), "{command}: {stderr}");
        // The absolute path as given, once: not `//tmp/...`.
        let at = format!("{}:1:1: error:", missing.display());
        assert!(stderr.starts_with(&at), "{command}: {stderr}");
        assert_eq!(
            stderr.matches("error:").count(),
            1 + usize::from(command == "build"),
            "{command}: {stderr}"
        );
        // No empty coverage matrix after the error.
        assert!(!stdout.contains("0 levels"), "{command}: {stdout}");
    }
}

#[test]
fn the_404_page_uses_the_site_url_and_everything_else_is_relative() {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), tmp.path());
    let toml = fs::read_to_string(tmp.path().join("book.toml")).unwrap();
    fs::write(
        tmp.path().join("book.toml"),
        toml.replace("site-url = \"/\"", "site-url = \"/eng/ladder/\""),
    )
    .unwrap();
    ladderbook()
        .arg("build")
        .arg(tmp.path())
        .arg("-d")
        .arg(tmp.path().join("out"))
        .assert()
        .success();
    let site = tmp.path().join("out");
    let not_found = page(&site, "404.html");
    assert!(
        not_found.contains("href=\"/eng/ladder/style.css\""),
        "{not_found}"
    );
    // No link or asset of another page starts from the site-url (the printed address, text
    // that a script replaces with the page's own, does).
    let level = page(&site, "levels/director/");
    assert!(!level.contains("=\"/eng/ladder/"), "{level}");
    assert!(level.contains("<span data-print-address>/eng/ladder/levels/director/</span>"));
    let broken = broken_links_under(&site, "/eng/ladder/");
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn a_second_build_replaces_the_first() {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), tmp.path());
    ladderbook().arg("build").arg(tmp.path()).assert().success();
    fs::remove_file(tmp.path().join("content/promotions.md")).unwrap();
    let how = fs::read_to_string(tmp.path().join("content/how-to-read.md")).unwrap();
    // Drop links to the removed page so the ladder stays valid.
    let how: String = how
        .lines()
        .map(|l| if l.contains("promotions.md") { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(tmp.path().join("content/how-to-read.md"), how).unwrap();
    // The first build published /promotions/ (ladder.lock): its loss stops the build, which
    // leaves the site as it was, until the removal is accepted.
    let refused = ladderbook().arg("build").arg(tmp.path()).assert().code(1);
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(
        err.contains("the page /promotions/ was published and is gone")
            && err.contains("--accept-removals"),
        "{err}"
    );
    assert!(tmp.path().join("book/promotions/index.html").is_file());
    ladderbook()
        .arg("build")
        .arg(tmp.path())
        .arg("--accept-removals")
        .assert()
        .success();
    assert!(!fs::read_to_string(tmp.path().join("ladder.lock"))
        .unwrap()
        .contains("page promotions/"));
    ladderbook().arg("build").arg(tmp.path()).assert().success();
    assert!(
        !tmp.path().join("book/promotions").exists(),
        "a page removed from content is removed from the site"
    );
    assert!(tmp.path().join("book/how-to-read/index.html").is_file());
}

#[test]
fn many_free_pages_keep_every_page_small() {
    // The menu is on every page: with every free page in it, 2,000 one-line pages made a
    // site of 189 MB (94 KB a page). It lists the first eight and links to the overview,
    // which lists them all.
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("book.toml"), "[book]\ntitle = \"Many pages\"\n").unwrap();
    fs::create_dir_all(d.join("content/pillars")).unwrap();
    fs::create_dir_all(d.join("content/levels")).unwrap();
    fs::write(
        d.join("content/pillars/craft.md"),
        "+++\ntitle = \"Craft\"\n+++\n",
    )
    .unwrap();
    fs::write(
        d.join("content/levels/l1.md"),
        "+++\ntitle = \"Level 1\"\nrank = 1\n+++\n",
    )
    .unwrap();
    for n in 0..2000 {
        fs::write(
            d.join(format!("content/page-{n:04}.md")),
            format!("+++\ntitle = \"Page {n}\"\n+++\nOne line of page {n}.\n"),
        )
        .unwrap();
    }
    ladderbook().arg("build").arg(d).assert().success();
    let site = d.join("book");
    let one = fs::read_to_string(site.join("page-1234/index.html")).unwrap();
    assert!(one.len() < 20_000, "a one-line page is {} bytes", one.len());
    assert!(
        one.contains("<li><a href=\"../#guides\" aria-current=\"true\">All 2000 guides</a></li>"),
        "{one}"
    );
    let overview = fs::read_to_string(site.join("index.html")).unwrap();
    let listed = (0..2000)
        .filter(|n| overview.contains(&format!("href=\"page-{n:04}/\"")))
        .count();
    assert_eq!(listed, 2000, "the overview lists every page");
}

#[test]
fn output_read_by_a_command_that_stops_early_ends_quietly() {
    // `ladderbook import … | head -2`: the reader goes away while the summary is printed,
    // which panicked with a backtrace ("failed printing to stdout: Broken pipe").
    let tmp = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ladderbook"))
        .arg("import")
        .arg(repo().join("tests/fixtures/real-ladders/monzo-progression-framework"))
        .arg("-o")
        .arg(tmp.path().join("ladder"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}
