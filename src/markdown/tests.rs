//! Tests of [`super`]: fragments, competencies, headings and leads.

use super::*;

#[test]
fn a_competency_parses_into_the_same_expectations_notes_and_headings_as_any_body() {
    // `parse_competency` splits the events as they come; `parse` splits them once they
    // are all read. On pseudo-random Markdown built from pieces that make lists, nested
    // lists, headings (with and without ids), ids on items, links, tables, raw HTML and
    // text that pulldown-cmark hands over in several events, both give the same parts.
    let pieces = [
        "- ",
        "  - ",
        "1. ",
        "# ",
        "## Same",
        "\n",
        "\n\n",
        "Word",
        " ",
        "'s",
        "\"q\"",
        "[",
        "*",
        "<",
        "{#an-id}",
        "{#id}",
        "`c`",
        "[x](a.md)",
        "[y](https://e.org)",
        "<b>b</b>",
        "<script>x</script>",
        "&amp;",
        "\\*",
        "|a|b|\n|-|-|\n|1|2|\n",
        "> ",
        "---\n",
        "    code\n",
        "Same",
        "é",
        "  ",
    ];
    let mut random = crate::compare::tests::xorshift(0x5eed_1e55_00f0_ca11);
    let parts = |f: &Fragment| (f.html(""), f.plain().to_string(), f.is_empty(), f.offset);
    let links = |f: &Fragment| -> Vec<(String, usize)> {
        f.links.iter().map(|l| (l.dest.clone(), l.offset)).collect()
    };
    for _ in 0..3000 {
        let n = random(24) as usize;
        let text: String = (0..n)
            .map(|_| pieces[random(pieces.len() as u64) as usize])
            .collect();
        let (a, b) = (
            parse(&text, 7, &HashSet::default()),
            parse_competency(&text, 7, ("l", "p")),
        );
        assert_eq!(a.items.len(), b.items.len(), "{text:?}");
        for (x, y) in a.items.iter().zip(&b.items) {
            assert_eq!(parts(x), parts(y), "{text:?}");
            assert_eq!(links(x), links(y), "{text:?}");
        }
        assert_eq!(parts(&a.lead), parts(&b.lead), "{text:?}");
        assert_eq!(links(&a.lead), links(&b.lead), "{text:?}");
        assert_eq!(parts(&a.notes), parts(&b.notes), "{text:?}");
        assert_eq!(links(&a.notes), links(&b.notes), "{text:?}");
        assert_eq!(a.item_ids, b.item_ids, "{text:?}");
        assert_eq!(a.heading_ids, b.heading_ids, "{text:?}");
    }
}

#[test]
fn an_expectation_ending_in_an_id_keeps_it_apart_from_its_text() {
    let b = parse_competency(
        "- Runs the on-call rotation. {#on-call}\n- Writes *tests* {#Bad}\n- Plans work {#plan}\n  - with the team\n- 1. Starts with a number {#numbered}\n",
        0,
        ("l", "p"),
    );
    assert_eq!(
        b.item_ids,
        vec![
            Some("on-call".to_string()),
            None,
            Some("plan".to_string()),
            Some("numbered".to_string())
        ]
    );
    assert_eq!(b.items[0].plain(), "Runs the on-call rotation.");
    assert!(!b.items[0].html("").contains("{#"));
    assert_eq!(b.items[1].plain(), "Writes tests {#Bad}");
    assert!(b.items[2].html("").contains("<li>with the team</li>"));
}

#[test]
fn a_list_folded_in_details_quoted_or_in_a_figure_is_a_note_not_expectations() {
    // GitHub's way of folding examples away (author check 49 A49-01): the list after an HTML
    // block that opens `<details>` is inside it, so it was published as two more
    // expectations, with anchors, beside an empty toggle.
    for (open, close) in [
        (
            "<details>\n<summary>Example behaviours</summary>",
            "</details>",
        ),
        ("<blockquote>", "</blockquote>"),
        ("<figure>", "</figure>"),
    ] {
        let md = format!(
            "- Holds weekly one-to-ones\n- Hires for the team\n\n{open}\n\n- Rebalanced the on-call rota\n- Turned a missed deadline into a plan\n\n{close}\n\n- Handles performance issues\n"
        );
        for b in [
            parse(&md, 0, &HashSet::default()),
            parse_competency(&md, 0, ("l", "p")),
        ] {
            let items: Vec<&str> = b.items.iter().map(Fragment::plain).collect();
            assert_eq!(
                items,
                [
                    "Holds weekly one-to-ones",
                    "Hires for the team",
                    "Handles performance issues"
                ],
                "{open}"
            );
            let notes = b.notes.html("");
            assert!(
                notes.contains("<li>Rebalanced the on-call rota</li>"),
                "{notes}"
            );
        }
    }
    // A comment that names the element opens nothing; a closing tag at the end of a
    // paragraph closes it (review 43 R43-01, R43-02).
    for md in [
        "<!-- TODO: fold the examples below into a <details> block -->\n\n- One\n- Two\n",
        "<details><summary>Why</summary>\n\nBecause the ovens depend on it.</details>\n\n- One\n- Two\n",
    ] {
        assert_eq!(parse_competency(md, 0, ("l", "p")).items.len(), 2, "{md}");
        assert_eq!(parse(md, 0, &HashSet::default()).items.len(), 2, "{md}");
    }
    // A `<div>` may wrap the expectations themselves.
    let b = parse_competency("<div>\n\n- One\n- Two\n\n</div>\n", 0, ("l", "p"));
    assert_eq!(b.items.len(), 2);
}

#[test]
fn top_level_items_are_expectations_and_the_rest_are_notes() {
    let b = parse(
        "Intro.\n\n- One\n  - nested\n- Two [x](a.md)\n\nAfter.\n",
        100,
        &HashSet::default(),
    );
    assert_eq!(b.items.len(), 2);
    assert_eq!(b.items[0].plain(), "One nested");
    assert!(b.items[0].html("").contains("<li>nested</li>"));
    assert_eq!(b.items[1].links[0].dest, "a.md");
    // What comes before the list leads into it; the rest follows it.
    assert_eq!(b.lead.plain(), "Intro.");
    assert_eq!(b.notes.plain(), "After.");
    assert_eq!(b.first_paragraph.as_deref(), Some("Intro."));
}

#[test]
fn headings_get_unique_slugs() {
    let taken: HashSet<String> = ["craft".to_string()].into_iter().collect();
    let b = parse(
        "# Craft\n\n## Reading a level page!\n\n## Other {#own}\n",
        0,
        &taken,
    );
    assert_eq!(b.heading_ids, ["craft-1", "reading-a-level-page", "own"]);
    assert!(b
        .whole
        .html("")
        .contains("<h2 id=\"reading-a-level-page\">"));
}

#[test]
fn resolved_links_are_prefixed_with_the_root() {
    let mut b = parse("[a](levels/x.md)", 0, &HashSet::default());
    b.whole.resolved.push((0, "levels/x/".into()));
    assert!(b.whole.html("../../").contains("href=\"../../levels/x/\""));
}

#[test]
fn a_lead_is_the_expectations_own_sentence_before_its_notes_and_examples() {
    let cases = [
        // A loose item: paragraphs.
        "- Uses version control daily.\n\n  *Proficiency:* working\n\n  - Clones a repo\n",
        // A tight item: its text, then a nested list.
        "- Uses version control daily.\n  - Clones a repo\n",
        // A link to a content file keeps the fragment as events.
        "- Uses version control daily.\n  - Clones [a repo](../levels/x.md)\n",
    ];
    for md in cases {
        let body = parse_competency(md, 0, ("l", "p"));
        let item = &body.items[0];
        assert!(item.has_several_blocks(), "{md}");
        let (lead, rest) = item.lead_and_rest("../").expect(md);
        assert_eq!(lead, "Uses version control daily.", "{md}");
        assert!(
            rest.starts_with('<') && rest.contains("<li>"),
            "{md}: {rest}"
        );
        assert!(!rest.contains("Uses version control"), "{md}: {rest}");
    }
    // One block: no lead to take apart.
    let body = parse_competency("- Uses version control daily.\n", 0, ("l", "p"));
    assert!(body.items[0].lead_and_rest("").is_none());
}

#[test]
fn each_table_is_a_region_named_by_its_header_and_first_row() {
    // Two tables of one header on a page were two regions named `Table`, which assistive
    // technology cannot tell apart (browser check 41, B41-06).
    let b = parse(
        "| Module | Resources |\n|---|---|\n| Brain | Notes |\n\n| Module | Resources |\n|---|---|\n| Governance | Rules |\n\n| |\n|---|\n",
        0,
        &HashSet::default(),
    );
    let html = b.whole.html("");
    let names: Vec<&str> = html
        .split("aria-label=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(
        names,
        [
            "Table: Module, Resources (Brain)",
            "Table: Module, Resources (Governance)",
            "Table"
        ]
    );
    assert_eq!(html.matches("<div class=\"scroll-box\"").count(), 3);
    assert_eq!(html.matches("</div>").count(), 3);
}

#[test]
fn a_code_block_takes_keyboard_focus_as_it_may_scroll_sideways() {
    // A wide code block on a page scrolls inside its box, and a box that scrolls must take
    // the keyboard's focus (browser check 41, B41-05; axe's scrollable-region-focusable).
    let b = parse(
        "```text\nwide line\n```\n\n```\"><script> x\n<b>\n```\n\n    indented\n\nA `span`.\n",
        0,
        &HashSet::default(),
    );
    let html = b.whole.html("");
    assert_eq!(
        html,
        "<pre tabindex=\"0\"><code class=\"language-text\">wide line\n</code></pre>\n\
         <pre tabindex=\"0\"><code class=\"language-&quot;&gt;&lt;script&gt;\">&lt;b&gt;\n</code></pre>\n\
         <pre tabindex=\"0\"><code>indented\n</code></pre>\n\
         <p>A <code>span</code>.</p>\n"
    );
    // In an expectation too.
    let body = parse_competency("- Writes:\n\n  ```sh\n  make\n  ```\n", 0, ("l", "p"));
    assert!(
        body.items[0]
            .html("")
            .contains("<pre tabindex=\"0\"><code class=\"language-sh\">"),
        "{}",
        body.items[0].html("")
    );
}
