//! `check` validates as `build` does, templates included: a template that makes `build`
//! fail makes `check` fail with the same error.

mod common;
use common::*;
use std::fs;
use std::path::Path;

/// (exit code, stderr) of `ladderbook build` into a temp folder, and of `ladderbook check`'s
/// stdout + stderr.
fn build_and_check(root: &Path) -> ((i32, String), (i32, String)) {
    let out = tempfile::tempdir().unwrap();
    let build = ladderbook()
        .arg("build")
        .arg(root)
        .arg("-d")
        .arg(out.path().join("site"))
        .output()
        .unwrap();
    let check = ladderbook().arg("check").arg(root).output().unwrap();
    let text = |o: &std::process::Output, with_stdout: bool| {
        let mut t = String::from_utf8_lossy(&o.stderr).into_owned();
        if with_stdout {
            t.push_str(&String::from_utf8_lossy(&o.stdout));
        }
        t
    };
    (
        (build.status.code().unwrap_or(-1), text(&build, false)),
        (check.status.code().unwrap_or(-1), text(&check, true)),
    )
}

#[test]
fn a_template_that_build_rejects_fails_check_with_the_same_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ladder");
    copy_ladder(&repo(), &root);
    fs::create_dir_all(root.join("templates")).unwrap();
    let cases = [
        // Does not parse.
        ("pillar.html", "{% if %}broken{% endif %}".to_string()),
        // Parses, fails on rendering: a variable the pillar page does not have.
        (
            "pillar.html",
            r#"{% extends "base.html" %}{% block main %}{{ no_such_value.title }}{% endblock main %}"#
                .to_string(),
        ),
        // Fails only on some pages' data: a level with no code (Tera refuses `upper` of
        // nothing) — the example's levels all have one, so one loses it.
        (
            "level.html",
            r#"{% extends "base.html" %}{% block main %}{{ level.code | upper }}{% endblock main %}"#
                .to_string(),
        ),
    ];
    let level = root.join("content/levels/engineer-2.md");
    let text = fs::read_to_string(&level).unwrap();
    fs::write(&level, text.replace("code = \"IC2\"\n", "")).unwrap();
    for (name, template) in &cases {
        let _ = fs::remove_dir_all(root.join("templates"));
        fs::create_dir_all(root.join("templates")).unwrap();
        fs::write(root.join("templates").join(name), template).unwrap();
        let ((build_code, build_err), (check_code, check_out)) = build_and_check(&root);
        assert_eq!(build_code, 1, "build with {template}: {build_err}");
        let error = build_err
            .lines()
            .find(|l| l.starts_with(&format!("templates/{name}:")))
            .unwrap_or_else(|| panic!("no template error from build: {build_err}"));
        assert_eq!(check_code, 1, "check with {template}: {check_out}");
        assert!(
            check_out.contains(error),
            "check says:\n{check_out}\nbuild says:\n{error}"
        );
    }

    // A template that renders every page passes both.
    fs::remove_dir_all(root.join("templates")).unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/pillar.html"),
        r#"{% extends "base.html" %}{% block main %}<h1>{{ pillar.title }}</h1>{% endblock main %}"#,
    )
    .unwrap();
    let ((build_code, build_err), (check_code, check_out)) = build_and_check(&root);
    assert_eq!(build_code, 0, "{build_err}");
    assert_eq!(check_code, 0, "{check_out}");
}

#[test]
fn a_template_error_that_some_pages_bring_out_names_those_pages() {
    // Only the level coded IC3 shows a field no level has: the error named the template's
    // line, and not which of the levels to open to see it.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ladder");
    copy_ladder(&repo(), &root);
    fs::create_dir_all(root.join("templates")).unwrap();
    let template = r#"{% extends "base.html" %}{% block main %}<h1>{{ level.title }}{% if level.code == "IC3" %}{{ level.subtitle }}{% endif %}</h1>{% endblock main %}"#;
    fs::write(root.join("templates/level.html"), template).unwrap();
    let ((build_code, build_err), (check_code, check_out)) = build_and_check(&root);
    assert_eq!((build_code, check_code), (1, 1), "{build_err}");
    let error = build_err
        .lines()
        .find(|l| l.starts_with("templates/level.html:"))
        .unwrap_or_else(|| panic!("no template error from build: {build_err}"));
    assert!(error.ends_with("— on /levels/senior-engineer/"), "{error}");
    assert!(check_out.contains(error), "{check_out}");
    // An error every level page brings out says how many, and names a few.
    let template =
        r#"{% extends "base.html" %}{% block main %}{{ level.subtitle }}{% endblock main %}"#;
    fs::write(root.join("templates/level.html"), template).unwrap();
    let ((_, build_err), _) = build_and_check(&root);
    let levels = fs::read_dir(root.join("content/levels")).unwrap().count();
    assert!(
        build_err.contains(&format!("— on {levels} pages, among them /levels/")),
        "{build_err}"
    );
}

#[test]
fn an_include_of_a_missing_template_is_placed_at_the_include() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ladder");
    copy_ladder(&repo(), &root);
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/page.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n  {% include \"no-such-part.html\" %}\n{% endblock main %}\n",
    )
    .unwrap();
    let ((build_code, build_err), (check_code, check_out)) = build_and_check(&root);
    let expected =
        "templates/page.html:3:14: error: template error: Unknown template `no-such-part.html`";
    assert_eq!(build_code, 1);
    assert!(build_err.starts_with(expected), "{build_err}");
    assert_eq!(check_code, 1);
    assert!(check_out.contains(expected), "{check_out}");
}

/// A loop of `extends` or `include` between template overrides is placed at the tag that
/// closes it, in the author's file (browser check 44 B44-02: `templates:1:1`, "for template
/// '404.html'", a template nobody had touched).
#[test]
fn a_loop_of_extends_or_includes_is_placed_at_the_tag_in_the_authors_file() {
    let cases: [(&[(&str, &str)], &str); 3] = [
        (
            &[("base.html", "{% extends \"base.html\" %}\n")],
            "templates/base.html:1:1: error: template error: `base.html` extends itself",
        ),
        (
            &[("base.html", "{# the site's frame #}\n  {% extends \"page.html\" %}\n")],
            "templates/base.html:2:3: error: template error: templates that extend each other in a loop: `base.html` → `page.html` → `base.html`",
        ),
        (
            &[(
                "picker.html",
                "<form>\n{%- include 'picker.html' -%}\n</form>\n",
            )],
            "templates/picker.html:2:1: error: template error: `picker.html` includes itself",
        ),
    ];
    for (files, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ladder");
        copy_ladder(&repo(), &root);
        fs::create_dir_all(root.join("templates")).unwrap();
        for (name, text) in files {
            fs::write(root.join("templates").join(name), text).unwrap();
        }
        let ((build_code, build_err), (check_code, check_out)) = build_and_check(&root);
        assert_eq!(build_code, 1, "{build_err}");
        assert!(build_err.contains(expected), "{build_err}");
        assert_eq!(check_code, 1);
        assert!(check_out.contains(expected), "{check_out}");
    }
}

/// A template override that does not parse is reported where its author left a tag open,
/// with what closes it (serve-break 26 M6: a missing `{% endif %}` was "Unknown tag" at the
/// file's last line, and a missing `}` Tera's words about components).
#[test]
fn a_tag_left_open_in_a_template_is_named_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ladder");
    copy_ladder(&repo(), &root);
    fs::create_dir_all(root.join("templates")).unwrap();
    let theme = fs::read_to_string(repo().join("templates/level.html")).unwrap();
    let line_of = |needle: &str| theme[..theme.find(needle).unwrap()].matches('\n').count() + 1;
    let if_line = line_of("{% if last_changed %}");
    assert!(theme.contains("{% endif %}</header>"));
    fs::write(
        root.join("templates/level.html"),
        theme.replacen("{% endif %}</header>", "</header>", 1),
    )
    .unwrap();
    let ((code, err), (check_code, _)) = build_and_check(&root);
    assert_eq!((code, check_code), (1, 1), "{err}");
    assert!(
        err.contains(&format!("templates/level.html:{if_line}:1: error: template error: the `{{% if %}}` opened here is never closed")),
        "{err}"
    );
    assert!(
        err.contains("add `{% endif %}` before the `{% endblock %}`"),
        "{err}"
    );

    let below = line_of("{% if below %}");
    fs::write(
        root.join("templates/level.html"),
        theme.replacen("{% if below %}", "{% if below %", 1),
    )
    .unwrap();
    let ((_, err), _) = build_and_check(&root);
    assert!(
        err.contains(&format!(
            "templates/level.html:{below}:1: error: template error: the `{{%` here is never closed"
        )),
        "{err}"
    );
    assert!(err.contains("end it with `%}`"), "{err}");
}

/// An override under a name the theme does not have (`templates/levels.html`, guessed from
/// the `/levels/` addresses) was loaded and never used, without a word: `build` and `check`
/// warn, naming the template it likely means (browser check 36 B36-09). A template of the
/// ladder's own that an override includes is used, and not warned about.
#[test]
fn a_template_no_page_uses_is_named_with_the_one_it_likely_means() {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), tmp.path());
    let dir = tmp.path().join("templates");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("levels.html"),
        "{% extends \"base.html\" %}{% block main %}MINE{% endblock main %}\n",
    )
    .unwrap();
    fs::write(dir.join("note.html"), "<p>A note.</p>\n").unwrap();
    fs::write(
        dir.join("page.html"),
        "{% extends \"base.html\" %}{% block main %}{% include \"note.html\" %}{{ body_html | safe }}{% endblock main %}\n",
    )
    .unwrap();
    let ((build, build_err), (check, check_out)) = build_and_check(tmp.path());
    assert_eq!((build, check), (0, 0), "{build_err}\n{check_out}");
    for out in [&build_err, &check_out] {
        assert!(
            out.contains("templates/levels.html: warning:")
                && out.contains("name the file `templates/level.html`"),
            "{out}"
        );
        assert!(!out.contains("templates/note.html: warning"), "{out}");
    }
}

/// A merge conflict left in a template of the ladder's own (browser check 39, B39-07): an
/// error in build and check at the marker's line, as in a content file. Before, both passed
/// and every page showed `<<<<<<< HEAD` and both versions.
#[test]
fn a_merge_conflict_in_a_template_is_an_error_at_its_marker() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ladder");
    copy_ladder(&repo(), &root);
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/footer.html"),
        "<footer>\n<<<<<<< HEAD\n<p>Fernhill</p>\n=======\n<p>Fernhill Ltd</p>\n>>>>>>> rename\n</footer>\n",
    )
    .unwrap();
    let ((b, build), (c, check)) = build_and_check(&root);
    assert_eq!((b, c), (1, 1), "{build}\n{check}");
    for out in [&build, &check] {
        assert!(
            out.contains(
                "templates/footer.html:2:1: error: git's `<<<<<<<` line is left in the template"
            ),
            "{out}"
        );
    }
}
