//! A changed row keeps the expectation's own markup (browser check 25 M1): its word diff is
//! of the plain text, and it was shown as plain text, so a bold label, a link or a code span
//! written in the expectation was lost beside the rewritten rows that kept theirs.

mod common;
use common::*;

/// The row of the example's Engineer II → Senior Engineer comparison, in Technical craft,
/// that holds `needle`, and each side's cell: after `edits` (see [`build_edited_example`]).
fn changed_row(edits: &[(&str, &str, &str)], needle: &str) -> (String, [String; 2]) {
    let (_tmp, site) = build_edited_example(edits);
    let html = page(&site, "compare/engineer-2/senior-engineer/");
    let row = section(&html, "craft", "</section>")
        .split("<li class=\"pair ")
        .find(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("a row with {needle}"))
        .to_string();
    assert!(row.starts_with("status-changed"), "{row}");
    let cell = |side: &str| {
        let cell = &row[row.find(side).unwrap()..];
        cell[..cell.find("</div>").unwrap()].to_string()
    };
    let cells = [cell("side-a"), cell("side-b")];
    (row, cells)
}

const E2_CRAFT: &str = "content/competencies/engineer-2/craft.md";
const SENIOR_CRAFT: &str = "content/competencies/senior-engineer/craft.md";

#[test]
fn a_changed_row_keeps_bold_labels_links_and_code() {
    let (row, cells) = changed_row(
        &[
            (
                E2_CRAFT,
                "- Writes tests at the right level, whether unit, integration or end-to-end, and fixes or removes flaky tests they meet instead of simply re-running them.",
                "- **Testing**: writes tests at the [right level](https://example.com/testing), whether unit, integration or end-to-end, and fixes or removes flaky tests they meet instead of simply re-running `make test`.",
            ),
            (
                SENIOR_CRAFT,
                "- Writes tests at the right level, whether unit, integration or end-to-end, and sets the team's conventions so that flaky tests are fixed or removed instead of re-run.",
                "- **Testing**: writes tests at the [right level](https://example.com/testing), whether unit, integration or end-to-end, and sets the team's conventions so that flaky tests are fixed or removed instead of re-running `make test`.",
            ),
        ],
        "Testing",
    );
    for cell in &cells {
        assert!(cell.contains("<strong>Testing</strong>"), "{cell}");
        assert!(
            cell.contains("<a href=\"https://example.com/testing\">right level</a>"),
            "{cell}"
        );
        assert!(cell.contains("<code>make test</code>"), "{cell}");
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
    let (row, cells) = changed_row(
        &[
            (
                E2_CRAFT,
                "instead of simply re-running them.",
                "instead of simply re-running them. Moves CI off ~~Jenkins~~.",
            ),
            (
                SENIOR_CRAFT,
                "instead of re-run.",
                "instead of re-run. Moves CI off ~~Jenkins~~.",
            ),
        ],
        "Jenkins",
    );
    for cell in &cells {
        assert!(cell.contains("<s>Jenkins</s>"), "{cell}");
        assert!(!cell.contains("<del>Jenkins"), "{cell}");
    }
    assert!(row.contains("<del>"), "the diff's own marks stay: {row}");
}
