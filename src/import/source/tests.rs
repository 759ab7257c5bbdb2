//! Unit tests of the rewrites of a Markdown file's text before import reads it.
use super::*;

#[test]
fn lists_indented_under_a_numbered_item_join_it() {
    let text = "1. Awareness\n\n  - explain why\n\n    more of it\n  - run tests\n2. Working\n - one space\n\nNot moved\n3. Expert\n- a list of its own\n";
    let (out, first) = under_indented_items(text).unwrap();
    assert_eq!(
        out,
        "1. Awareness\n\n   - explain why\n\n     more of it\n   - run tests\n2. Working\n   - one space\n\nNot moved\n3. Expert\n- a list of its own\n"
    );
    assert_eq!(first, 3);
    assert!(under_indented_items("1. Item\n   - already nested\n").is_none());
    // Under a sentence the list may be meant to stand apart; a list with fenced code stays.
    assert!(under_indented_items("1. Plans the quarter.\n  - ships\n").is_none());
    assert!(under_indented_items("1. Tools\n  - git\n\n    ```\n    git log\n    ```\n").is_none());
}

#[test]
fn labels_ended_by_a_hard_break_get_their_colon() {
    let level = "**Summary**  \nLearns the trade.\n\n  *Joinery*\\\n  Cuts joints.\n**Scope:**  \n- bench\n";
    let once = "**A sentence here.**  \ntext\n**Reports to: Lead**  \nx\n*A tagline*  \ny\n**Alone**  \n\n";
    let (out, first) = hard_break_labels(&format!("{level}{level}{once}")).unwrap();
    let rewritten =
        "**Summary**:\nLearns the trade.\n\n  **Joinery**:\n  Cuts joints.\n**Scope**:\n- bench\n";
    assert_eq!(out, format!("{rewritten}{rewritten}{once}"));
    assert_eq!(first, 1);
    // A label written once is emphasis, and stays.
    assert!(hard_break_labels(level).is_none());
}

#[test]
fn gitbook_tabs_are_headings_under_the_one_above_and_their_tags_go() {
    let text = "## Creating\n{% tabs %}\n{% tab title=\"Craft\" %}\n| a |\n{% endtab %}\n{% endtabs %}\n```\n{% tab title=\"x\" %}\n```\n{% include note.html %}\n";
    let (out, first) = gitbook_tags(text).unwrap();
    assert_eq!(first, 2);
    assert_eq!(
        out,
        "## Creating\n\n### Craft\n| a |\n\n\n```\n{% tab title=\"x\" %}\n```\n{% include note.html %}\n"
    );
    assert_eq!(out.lines().count(), text.lines().count());
    assert!(gitbook_tags("no tags here\n").is_none());
}

#[test]
fn bad_bytes_are_errors_with_their_line() {
    let e = from_bytes(b"# A\n\nab\xe9c\n".to_vec(), "x.md").unwrap_err();
    assert_eq!((e.line, e.column), (3, 3));
    let e = from_bytes(b"a\nb\0".to_vec(), "x.md").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(from_bytes(b" \n\n".to_vec(), "x.md")
        .unwrap_err()
        .message
        .contains("empty"));
    let d = from_bytes(b"\xef\xbb\xbfa\r\nb".to_vec(), "x.md").unwrap();
    assert_eq!(d.text, "a\nb");
    assert_eq!(d.line(2), 2);
}

#[test]
fn bullet_characters_open_list_items_in_place() {
    let text =
        "# Plan\n\n• Learns the tools.\n\n  · Fixes bugs.\n\n```\n• code\n```\n•not a bullet\n";
    let (out, first) = bullets_as_items(text).unwrap();
    assert_eq!(first, 3);
    assert_eq!(out.len(), text.len());
    assert!(out.contains("\n-   Learns the tools.\n"), "{out}");
    assert!(out.contains("\n  -  Fixes bugs.\n"), "{out}");
    assert!(
        out.contains("\n• code\n") && out.contains("\n•not a bullet"),
        "{out}"
    );
    assert_eq!(bullets_as_items("- Already a list.\n"), None);
    // Between tabs, as word processors paste a top-level item; after two, nested in it.
    let pasted = "Dough work\n\t•\tWeighs flour.\n\t\t◦\tDeeper.\n\t\t\t▪\tDeepest.\n";
    let (out, _) = bullets_as_items(pasted).unwrap();
    assert_eq!(
        out,
        "Dough work\n-    Weighs flour.\n     - Deeper.\n       - Deepest.\n"
    );
}

#[test]
fn labels_set_off_by_a_dash_take_a_colon() {
    let text = "## L1\n* **[Craft](r.md#craft) - Learns**\n* **Care** – Listens.\n## L2\n  - **[Craft](r.md#craft) - Teaches**\n* **Care** – Leads.\n* **Once - only**\n";
    let (out, first) = dashed_labels(text).unwrap();
    assert_eq!(first, 2);
    assert_eq!(
        out,
        "## L1\n* **[Craft](r.md#craft)**: Learns\n* **Care**: Listens.\n## L2\n  - **[Craft](r.md#craft)**: Teaches\n* **Care**: Leads.\n* **Once - only**\n"
    );
    // Numbered items too.
    let (out, _) =
        dashed_labels("1. **Care** - Listens.\n2. **Care** - Leads.\n3. **Craft** - Learns.\n")
            .unwrap();
    assert!(
        out.starts_with("1. **Care**: Listens.\n2. **Care**: Leads.\n"),
        "{out}"
    );
    // A bold phrase with a dash that never comes back is emphasis.
    assert_eq!(
        dashed_labels("- **Ships - fast**\n- **Tests - well**\n- **Reads - much**\n"),
        None
    );
}

#[test]
fn kramdown_attribute_lists_are_dropped_in_place() {
    let text = "- See the [guide](x){:target=\"_blank\"}.\n{: .note}\nA set {:a, b} {: x\n```\n{:kept}\n```\n";
    let (out, first) = without_attribute_lists(text).unwrap();
    assert_eq!(first, 1);
    assert_eq!(
        out,
        "- See the [guide](x).\n\nA set  {: x\n```\n{:kept}\n```\n"
    );
    assert_eq!(without_attribute_lists("No braces here.\n"), None);
}

#[test]
fn liquid_tags_alone_on_their_lines_are_left_out() {
    let text = "## Designer I\n\n{% include role_level.html level='I' %}\n\nYou design.\n```\n{% raw %}\n```\nSee {% link a.md %} here.\n";
    let (out, first) = liquid_tags(text).unwrap();
    assert_eq!(first, 3);
    assert_eq!(
        out,
        "## Designer I\n\n\n\nYou design.\n```\n{% raw %}\n```\nSee {% link a.md %} here.\n"
    );
    assert!(liquid_tags("No tags.\n").is_none());
}

#[test]
fn a_page_named_for_html_and_markdown_has_the_stem_of_its_name() {
    let stem = |rel: &str| {
        from_bytes(b"# A\n".to_vec(), rel)
            .unwrap()
            .stem()
            .to_string()
    };
    assert_eq!(stem("career-path/pairing.html.md"), "pairing");
    assert_eq!(stem("Pairing.HTML.md"), "Pairing");
    assert_eq!(stem("L3-Senior.md"), "L3-Senior");
    assert_eq!(stem(".html.md"), ".html");
    assert_eq!(stem("ночь.md"), "ночь");
}

#[test]
fn folds_titled_by_a_heading_are_that_heading_over_their_content() {
    let text = "# Keeper\n\n<details>\n\n<summary>\n\n### Lamps\n\n</summary>\n\n- Trims the wicks.\n\n<details><summary>More</summary>\n\n- Polishes brass.\n\n</details>\n\n</details>\n<details open><summary>## Logbook</summary>\n\n- Writes the log.\n</details>\n\n<details>\n<summary>Examples</summary>\n\n- Kept as written.\n</details>\n";
    let (out, first) = folds::heading_folds(text).unwrap();
    assert_eq!(first, 3);
    assert_eq!(
        out,
        "# Keeper\n\n\n\n\n\n### Lamps\n\n\n\n- Trims the wicks.\n\n<details><summary>More</summary>\n\n- Polishes brass.\n\n</details>\n\n\n## Logbook\n\n- Writes the log.\n\n\n<details>\n<summary>Examples</summary>\n\n- Kept as written.\n</details>\n"
    );
    assert_eq!(out.lines().count(), text.lines().count());
    // A fold never closed is left as written.
    assert!(folds::heading_folds("<details>\n<summary>### A</summary>\n\n- x\n").is_none());
}

#[test]
fn plain_labels_over_lists_under_each_level_are_bold() {
    let text = "## Deckhand\n\nSeamanship:\n\n- Ties knots.\n\nTeamwork:\n- Tells the mate.\n\nExamples:\n\n- A night crossing.\n\n## Bosun\n\nSeamanship:\n\n- Plans the gear.\n\nTeamwork:\n\n- Sets the rota.\n\nthe crew says:\n\n- aye\n";
    let (out, first) = plain_labels(text).unwrap();
    assert_eq!(first, 3);
    assert_eq!(
        out,
        "## Deckhand\n\n**Seamanship**:\n\n- Ties knots.\n\n**Teamwork**:\n- Tells the mate.\n\nExamples:\n\n- A night crossing.\n\n## Bosun\n\n**Seamanship**:\n\n- Plans the gear.\n\n**Teamwork**:\n\n- Sets the rota.\n\nthe crew says:\n\n- aye\n"
    );
    // One label that comes back is not enough to call them labels, nor a line over a
    // paragraph.
    assert!(plain_labels("## A\n\nSeamanship:\n\n- x\n\n## B\n\nSeamanship:\n\n- y\n").is_none());
    assert!(plain_labels(
        "## A\n\nNote:\n\nText.\n\nMore:\n\nText.\n\n## B\n\nNote:\n\nText.\n\nMore:\n\nText.\n"
    )
    .is_none());
    // Nor where a list stands under a sentence: the labels are no level's pillars.
    assert!(plain_labels(
        "## A\n\nSeamanship:\n\n- x\n\nTeamwork:\n\n- y\n\n## B\n\nKnots and lines\n\n- z\n\nSeamanship:\n\n- x\n\nTeamwork:\n\n- y\n"
    )
    .is_none());
}

#[test]
fn html_lists_a_tag_to_a_line_are_markdown_lists() {
    let text = "### Junior Potter\n\n<ul>\n  <li>Mixes a glaze.</li>\n\n  <li>Loads the <em>kiln</em>.</li>\n</ul>\n\n<ol>\n<li>First\nstill first</li>\n</ol>\n";
    let (out, first) = html_lists(text).unwrap();
    assert_eq!(first, 3);
    assert_eq!(
        out,
        "### Junior Potter\n\n\n- Mixes a glaze.\n\n- Loads the <em>kiln</em>.\n\n\n<ol>\n<li>First\nstill first</li>\n</ol>\n"
    );
    // A list nested in an item is left as written.
    assert!(html_lists("<ul>\n<li>a <ul><li>b</li></ul></li>\n</ul>\n").is_none());
}

#[test]
fn a_fold_titled_by_an_html_heading_is_that_heading() {
    let text = "<details>\n<summary><h3>Hive care</h3></summary>\n\n- Opens a hive.\n</details>\n";
    let (out, _) = folds::heading_folds(text).unwrap();
    assert_eq!(out, "\n### Hive care\n\n- Opens a hive.\n\n");
}

#[test]
fn lines_drawn_of_rule_characters_are_rules() {
    let text = "Mixes rye.\n⸻\n  ───  \nA — dash in a sentence.\n```\n⸻\n```\n";
    let (out, first) = drawn_rules(text).unwrap();
    assert_eq!(first, 2);
    assert_eq!(
        out,
        "Mixes rye.\n***\n***\nA — dash in a sentence.\n```\n⸻\n```\n"
    );
    assert_eq!(drawn_rules("A — dash.\n"), None);
    // A lone dash says "none here".
    assert_eq!(drawn_rules("Dough\n\n—\n"), None);
}

#[test]
fn a_quoted_line_is_one_code_span_whatever_it_holds() {
    // Review 39 R39-11: a line with a backtick, quoted in single ones, read as three spans.
    let text = "# Title\n\n• Uses the `proof-box` timer\n  • Kneads\n";
    assert_eq!(quoted_line(text, 4), "`• Kneads`");
    assert_eq!(quoted_line(text, 3), "`` • Uses the `proof-box` timer ``");
    let long = "x".repeat(70);
    assert_eq!(quoted_line(&long, 1), format!("`{}…`", "x".repeat(60)));
    assert_eq!(quoted_line(text, 99), "``");
}
