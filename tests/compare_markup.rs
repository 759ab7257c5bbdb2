//! A changed row keeps the expectation's own markup (browser check 25 M1): its word diff is
//! of the plain text, and it was shown as plain text, so a bold label, a link or a code span
//! written in the expectation was lost beside the rewritten rows that kept theirs.

mod common;
use common::*;
use std::fs;

#[test]
fn a_changed_row_keeps_bold_labels_links_and_code() {
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("ladder");
    copy_ladder(&repo(), &ladder);
    let rewrite = |level: &str, from: &str, to: &str| {
        let path = ladder.join(format!("content/competencies/{level}/craft.md"));
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{level}: {from}");
        fs::write(&path, text.replace(from, to)).unwrap();
    };
    rewrite(
        "engineer-2",
        "- Writes tests at the right level, whether unit, integration or end-to-end, and fixes or removes flaky tests they meet instead of simply re-running them.",
        "- **Testing**: writes tests at the [right level](https://example.com/testing), whether unit, integration or end-to-end, and fixes or removes flaky tests they meet instead of simply re-running `make test`.",
    );
    rewrite(
        "senior-engineer",
        "- Writes tests at the right level, whether unit, integration or end-to-end, and sets the team's conventions so that flaky tests are fixed or removed instead of re-run.",
        "- **Testing**: writes tests at the [right level](https://example.com/testing), whether unit, integration or end-to-end, and sets the team's conventions so that flaky tests are fixed or removed instead of re-running `make test`.",
    );
    let site = tmp.path().join("site");
    ladderbook()
        .arg("build")
        .arg(&ladder)
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    let html = page(&site, "compare/engineer-2/senior-engineer/");
    let row = section(&html, "craft", "</section>")
        .split("<li class=\"pair ")
        .find(|r| r.contains("Testing"))
        .expect("a row for the testing expectation")
        .to_string();
    assert!(row.starts_with("status-changed"), "{row}");
    for side in ["side-a", "side-b"] {
        let cell = &row[row.find(side).unwrap()..];
        let cell = &cell[..cell.find("</div>").unwrap()];
        assert!(cell.contains("<strong>Testing</strong>"), "{side}: {cell}");
        assert!(
            cell.contains("<a href=\"https://example.com/testing\">right level</a>"),
            "{side}: {cell}"
        );
        assert!(cell.contains("<code>make test</code>"), "{side}: {cell}");
    }
    // The words each level has on its own are still marked.
    assert!(
        row.contains("<del>they meet</del>") || row.contains("<del>they"),
        "{row}"
    );
    assert!(row.contains("<ins>"), "{row}");
}

/// The author's own strikethrough (`~~Jenkins~~`) in a changed row is `<s>`, not the `<del>`
/// the diff marks removed words with: it read as a word the higher level drops (review 25 L1).
#[test]
fn the_authors_strikethrough_is_not_shown_as_a_removed_word() {
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("ladder");
    copy_ladder(&repo(), &ladder);
    for (level, tail) in [
        ("engineer-2", "instead of simply re-running them."),
        ("senior-engineer", "instead of re-run."),
    ] {
        let path = ladder.join(format!("content/competencies/{level}/craft.md"));
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(tail), "{level}: {tail}");
        fs::write(
            &path,
            text.replace(tail, &format!("{tail} Moves CI off ~~Jenkins~~.")),
        )
        .unwrap();
    }
    let site = tmp.path().join("site");
    ladderbook()
        .arg("build")
        .arg(&ladder)
        .arg("-d")
        .arg(&site)
        .assert()
        .success();
    let html = page(&site, "compare/engineer-2/senior-engineer/");
    let row = section(&html, "craft", "</section>")
        .split("<li class=\"pair ")
        .find(|r| r.contains("Jenkins"))
        .expect("a row for the testing expectation")
        .to_string();
    assert!(row.starts_with("status-changed"), "{row}");
    for side in ["side-a", "side-b"] {
        let cell = &row[row.find(side).unwrap()..];
        let cell = &cell[..cell.find("</div>").unwrap()];
        assert!(cell.contains("<s>Jenkins</s>"), "{side}: {cell}");
        assert!(!cell.contains("<del>Jenkins"), "{side}: {cell}");
    }
    assert!(row.contains("<del>"), "the diff's own marks stay: {row}");
}
