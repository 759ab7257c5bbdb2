use super::cells::*;
use super::*;

fn unfolded(md: &str) -> (String, Vec<usize>, Vec<String>) {
    let (doc, read, _, _) = unfold(SourceDoc::new("x.md", md.to_string()));
    let lines = (0..doc.text.split('\n').count())
        .map(|i| {
            let offset: usize = doc.text.split('\n').take(i).map(|l| l.len() + 1).sum();
            doc.line(offset)
        })
        .collect();
    (doc.text, lines, read.into_iter().map(|r| r.what).collect())
}

#[test]
fn a_grid_of_levels_by_pillars_becomes_level_and_pillar_headings() {
    let md = "# Ladder\n\nIntro.\n\n| Competency | Engineer I | Senior Engineer | Staff Engineer |\n|---|:-:|---|---|\n| **Delivery** | Ships small changes with help from the team.<br>• Asks for review early and often | Leads projects across several teams to done. | n/a |\n| Craft | — | Sets the standard for code review \\| testing in the team. | |\n\nAfter.\n";
    let (text, lines, read) = unfolded(md);
    assert_eq!(
        text,
        "# Ladder\n\nIntro.\n\n\n\nAfter.\n\n## Engineer I\n\n### Delivery\n\n- Ships small changes with help from the team.\n- Asks for review early and often\n\n## Senior Engineer\n\n### Delivery\n\n- Leads projects across several teams to done.\n\n### Craft\n\n- Sets the standard for code review | testing in the team.\n\n## Staff Engineer\n\n"
    );
    // Each written line names the row it came from; the text after the table, about the
    // whole table, goes before its levels (else it would be a note of the last level's last
    // pillar) and keeps its own line.
    let at = |needle: &str| lines[text.split('\n').position(|l| l == needle).unwrap()];
    assert_eq!(at("## Engineer I"), 5);
    assert_eq!(at("- Asks for review early and often"), 7);
    assert_eq!(
        at("- Sets the standard for code review | testing in the team."),
        8
    );
    assert_eq!(at("After."), 10);
    assert_eq!(
        read,
        ["the table read as a ladder: 3 levels (its columns) × 2 pillars (its rows)"]
    );
}

#[test]
fn a_grid_with_a_row_per_level_is_turned_round() {
    let md = "| Level | Technical | People |\n|---|---|---|\n| L1 – Associate | Writes clear code for well defined tasks. | Shares progress with the team every day. |\n| L2 – Engineer | Designs features end to end with care. | - |\n| L3 – Senior | Leads the design of whole services. | Coaches the team. |\n";
    let (text, _, read) = unfolded(md);
    assert!(text.starts_with("\n# L1 – Associate\n\n## Technical\n\n- Writes clear code"));
    assert!(
        text.contains(
            "# L2 – Engineer\n\n## Technical\n\n- Designs features end to end with care.\n\n# L3"
        ),
        "{text:?}"
    );
    assert!(!text.contains("## People\n\n- -"), "{text}");
    assert_eq!(read.len(), 1);
}

#[test]
fn a_table_under_a_level_heading_gives_its_pillars() {
    let md = "# Ladder\n\n## Senior Developer\n\nOwns features.\n\n| Area | Expectation | Examples |\n|---|---|---|\n| Delivery | Ships features that need several weeks of work. | Led the billing rewrite |\n| | Keeps the team informed about risk and scope. | |\n| Mentoring | Coaches newer developers through their first projects. | |\n";
    let (text, _, _) = unfolded(md);
    assert!(text.contains("Owns features.\n\n\n### Delivery\n\n- Ships features that need several weeks of work.\n  - Examples: Led the billing rewrite\n- Keeps the team informed about risk and scope.\n\n### Mentoring\n\n- Coaches"), "{text}");
}

#[test]
fn tables_of_links_marks_or_terms_stay_tables() {
    let index = "# Track\n\n| Level | Senior | Position |\n| :---: | :---: | :---: |\n| 1 | No | [D1 - Developer 1](#d1---developer-1) |\n| 2 | No | [D2 - Developer 2](#d2---developer-2) |\n";
    let glossary = "## Senior Engineer\n\n## Glossary\n\n| Term | Meaning |\n|---|---|\n| Scope | How far the work of one person reaches in the company. |\n";
    // A level's table beside sub-headings is part of its description, not its pillars.
    let described = "## Senior Engineer\n\n| Area | Expectation |\n|---|---|\n| Delivery | Ships features that need several weeks of work. |\n\n### Delivery\n\n- Ships.\n";
    // Two roles' duties side by side.
    let duties = "# Tech Lead vs Engineering Manager\n\n| [Tech Lead](TechLead.md) (System) | [Engineering Manager](EngineeringManager.md) (People) |\n| :--- | :--- |\n| Technical Excellence and Innovation | Career Planning, Promotions and Coaching |\n| Architecture and System Integration | Headcount Planning and Hiring |\n";
    for md in [index, glossary, described, duties] {
        let (text, _, read) = unfolded(md);
        assert_eq!(text, md);
        assert!(read.is_empty());
    }
}

#[test]
fn tables_per_level_whose_pillars_recur_are_levels_whatever_their_titles() {
    let md = "## Foundation\n\n| Pillar | Expectations |\n|---|---|\n| Craft | Writes code that others can read and change. |\n| Impact | Finishes the tasks the team plans for them. |\n\n## Practitioner\n\n| Pillar | Expectations |\n|---|---|\n| Craft | Chooses designs that keep the system easy to change. |\n| Impact | Delivers features that customers notice and use. |\n";
    let (text, _, read) = unfolded(md);
    assert!(
        text.contains("## Foundation\n\n\n### Craft\n\n- Writes code"),
        "{text}"
    );
    assert!(text.contains("## Practitioner\n\n\n### Craft\n"), "{text}");
    assert_eq!(read.len(), 2);
}

#[test]
fn cells_split_at_unescaped_pipes_and_items_at_breaks_and_list_items() {
    assert_eq!(cells("| a | b \\| c |d"), ["a", "b | c", "d"]);
    assert_eq!(cells("a|"), ["a", ""].map(String::from)[..1]);
    assert_eq!(items("One<BR/>two<br />• three"), ["One", "two", "three"]);
    assert_eq!(items("- One.<br></br>  - Two."), ["One.", "Two."]);
    assert_eq!(items("<ul><li>One</li><li>Two</li></ul>"), ["One", "Two"]);
    assert!(items(" — ").is_empty());
    assert_eq!(item_line("", "# not a heading"), "- \\# not a heading");
    assert_eq!(item_line("", "2. not a list"), "- \\2. not a list");
    assert_eq!(item_line("", "* not a list"), "- \\* not a list");
    assert_eq!(
        item_line("", "*Testing:* emphasis"),
        "- *Testing:* emphasis"
    );
    assert_eq!(item_line("", "#1 priority"), "- #1 priority");
    assert_eq!(word_count("[D1 - Developer 1](#d1) <b>x</b>"), 4);
}

#[test]
fn lines_after_a_table_keep_their_numbers_without_a_final_newline() {
    let md = "| | L1 | L2 | L3 |\n|---|---|---|---|\n| Craft | Writes clear code. | Designs small services. | Leads the design of systems. |\n\n## Notes\n\nLast line";
    let (text, lines, _) = unfolded(md);
    assert!(text.ends_with("\nLast line"), "{text:?}");
    assert_eq!(lines.last(), Some(&7));
}

#[test]
fn tags_that_only_start_like_a_list_item_are_text() {
    assert_eq!(
        items("Uses `<Link>` from the router."),
        ["Uses `<Link>` from the router."]
    );
    // `<li` then `</li>` before the `>` of a tag: no panic, the text kept.
    assert_eq!(
        items("Explains the `<li` and `</li>` tags to others."),
        ["Explains the `<li` and `</li>` tags to others."]
    );
    assert_eq!(
        items("<ul><li class=x>One</li><li>Two</li></ul>"),
        ["One", "Two"]
    );
    assert_eq!(label("**Delivery**:"), "Delivery");
}

#[test]
fn a_row_with_no_level_name_goes_on_with_the_level_above() {
    let md = "| Level | Craft | Delivery |\n|---|---|---|\n| L1 | Writes clear code. | Ships small tasks. |\n| | Reads the code of others. | |\n| L2 | Designs small services. | Ships whole features alone. |\n| L3 | Designs systems. | Leads projects across teams. |\n";
    let (text, _, _) = unfolded(md);
    assert!(
        text.contains("# L1\n\n## Craft\n\n- Writes clear code.\n- Reads the code of others.\n"),
        "{text}"
    );
}

#[test]
fn html_tables_are_read_as_a_browser_places_their_cells() {
    let md = "# Ladder\n\n<table>\n<thead><tr><th>Skill</th><th>Engineer I</th><th>Engineer II</th><th>Senior Engineer</th></tr></thead>\n<tbody>\n<!-- <tr><td>a hidden row</td></tr> -->\n<tr><td colspan=\"4\"><b>Craft</b></td></tr>\n<tr>\n  <td>Testing</td>\n  <td><ul><li>Writes tests for\n      their own changes.</li><li>Keeps latency &lt; 100 ms in the tests they write.</li></ul></td>\n  <td>&nbsp;</td>\n  <td><p>Sets the testing approach of a team.</p><p>Coaches others on it.</p></td>\n</tr>\n<tr><td>Review</td><td>Asks for review of every change.</td><td>Reviews changes within a day.<table><tr><td>nested</td></tr></table></td><td>Sets the review norms of the team.</td></tr>\n</tbody>\n</table>\n\nAfter.\n";
    let (text, lines, read) = unfolded(md);
    let at = |needle: &str| lines[text.split('\n').position(|l| l == needle).unwrap()];
    // The row name is kept on its expectations, white space collapsed, a paragraph each.
    assert!(
        text.contains("## Engineer I\n\n### Craft\n\n- *Testing:* Writes tests for their own changes.\n- *Testing:* Keeps latency &lt; 100 ms in the tests they write.\n- *Review:* Asks for review of every change.\n"),
        "{text}"
    );
    assert!(
        text.contains("- *Testing:* Sets the testing approach of a team.\n- *Testing:* Coaches others on it.\n"),
        "{text}"
    );
    // A table nested in a cell stays in it; `&nbsp;` is a gap; a commented-out row is none.
    assert!(
        text.contains(
            "- *Review:* Reviews changes within a day.<table><tr><td>nested</td></tr></table>\n"
        ),
        "{text}"
    );
    assert!(!text.contains("nbsp") && !text.contains("hidden"), "{text}");
    assert_eq!(at("- *Review:* Asks for review of every change."), 15);
    assert_eq!(at("After."), 19);
    assert_eq!(
        read,
        ["the table read as a ladder: 3 levels (its columns) × 1 pillars (its group rows, each row's name kept on its expectations)"]
    );
    // A table never closed, or with text after its end on the line, stays as written.
    for md in [
        "<table>\n<tr><td>Skill</td><td>Engineer I</td><td>Engineer II</td><td>Senior Engineer</td></tr>\n<tr><td>Craft</td><td>Writes tests for their changes.</td><td>Writes tests for the team.</td><td>Sets the testing approach.</td></tr>\n",
        "<table>\n<tr><td>Skill</td><td>Engineer I</td><td>Engineer II</td><td>Senior Engineer</td></tr>\n<tr><td>Craft</td><td>Writes tests for their changes.</td><td>Writes tests for the team.</td><td>Sets the testing approach.</td></tr>\n</table> and more\n",
    ] {
        let (text, _, read) = unfolded(md);
        assert_eq!(text, md);
        assert!(read.is_empty());
    }
}

#[test]
fn html_cells_that_span_rows_leave_the_rows_below_empty_there() {
    // A spreadsheet saved as HTML: the pillar's cell spans its rows.
    let md = "<table>\n<tr><th>Pillar</th><th>Area</th><th>Engineer I</th><th>Engineer II</th><th>Senior Engineer</th></tr>\n<tr><td rowspan=\"2\">Craft</td><td>Testing</td><td>Writes tests for their changes.</td><td>Writes tests for the team's code.</td><td>Sets the testing approach.</td></tr>\n<tr><td>Review</td><td>Asks for review of each change.</td><td>Reviews changes within a day.</td><td>Sets the review norms.</td></tr>\n<tr><td>Delivery</td><td>Planning</td><td>Estimates their own tasks.</td><td>Plans a feature's work.</td><td>Plans a quarter's work.</td></tr>\n</table>\n";
    let tables = table::find_tables(md);
    assert_eq!(tables.len(), 1);
    let rows: Vec<Vec<&str>> = tables[0]
        .rows
        .iter()
        .map(|(_, c)| c.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        rows[1][..3],
        ["", "Review", "Asks for review of each change."]
    );
    assert_eq!(rows[2][..2], ["Delivery", "Planning"]);
    assert_eq!(tables[0].header[2], "Engineer I");
}

#[test]
fn a_grid_named_by_pillar_and_area_columns_keeps_both_names() {
    let md = "| Pillar | Area | Engineer I | Engineer II | Senior Engineer |\n|---|---|---|---|---|\n| Craft | Testing | Writes tests for their changes. | Writes tests for the team's code. | Sets the testing approach. |\n| | Review | Asks for review of each change. | Reviews changes within a day. | Sets the review norms. |\n| Delivery | Planning | Estimates their own tasks. | Plans a feature's work. | Plans a quarter's work. |\n";
    let (text, _, read) = unfolded(md);
    assert!(!text.contains("# Area"), "{text}");
    assert!(
        text.contains("# Engineer I\n\n## Craft\n\n- *Testing:* Writes tests for their changes.\n- *Review:* Asks for review of each change.\n\n## Delivery\n\n- *Planning:* Estimates their own tasks.\n"),
        "{text}"
    );
    assert_eq!(
        read,
        ["the table read as a ladder: 3 levels (its columns) × 2 pillars (its first column, each row's name kept on its expectations)"]
    );
    // Terse cells under levels whose names read as no level are still levels: the header
    // names no pillar.
    let md = "| Competency | Foundation | Practitioner | Expert |\n|---|---|---|---|\n| Craft | Writes tests. | Designs test plans for features. | Sets the testing approach. |\n| Delivery | Ships tasks. | Ships features with care. | Ships programmes of work. |\n";
    let (text, _, _) = unfolded(md);
    assert!(
        text.contains("# Foundation\n\n## Craft\n\n- Writes tests.\n"),
        "{text}"
    );
}

#[test]
fn a_level_named_in_a_row_of_its_own_with_its_summary_spanning_the_pillars() {
    // Each level takes three rows: its name (`<th scope="row" rowspan="3">`), a summary
    // across the pillars' columns, then a cell per pillar.
    let level = |code: &str, n: usize| {
        format!("<tr><th scope=\"row\" rowspan=\"3\"><abbr title=\"Individual Contributor\">IC</abbr>{n}</th></tr>\n<tr><td colspan=\"3\"><p>The {code} summary, for the level page.</p></td></tr>\n<tr><td><ul><li>Ships {code} work in the craft pillar.</li></ul></td><td><ul><li>Helps {code} teammates in the people pillar.</li></ul></td><td>Notes about {code}.</td></tr>\n")
    };
    let md = format!(
        "## IC Levels\n\n<table>\n<thead><tr><th>Level</th><th>Craft</th><th>People</th><th>Additional notes</th></tr></thead>\n<tbody>\n{}{}{}</tbody>\n</table>\n",
        level("first", 1),
        level("second", 2),
        level("third", 3)
    );
    let (text, _, read) = unfolded(&md);
    assert!(
        text.contains("### IC1\n\nThe first summary, for the level page.\n\nNotes about first.\n\n#### Craft\n\n- Ships first work in the craft pillar.\n\n#### People\n\n- Helps first teammates in the people pillar.\n"),
        "{text}"
    );
    assert!(text.contains("### IC3\n"), "{text}");
    assert_eq!(
        read,
        ["the table read as a ladder: 3 levels (its rows) × 2 pillars (its columns); `Additional notes` name or describe the levels"]
    );
}

#[test]
fn a_corner_of_two_names_split_by_a_slash_names_the_rows_first() {
    // Teleport's shape: `<pre>Level/Skill</pre>` over rows numbered 1, 2, 3, which are
    // levels titled by the corner's word (`Level 1`).
    let md = "<table>\n<tr><th><pre>Level/Skill   </pre></th><th><pre>Security</pre></th><th><pre>Networking</pre></th></tr>\n<tr><td>1</td><td>Applies basic security principles to their code.</td><td>Understands TCP and HTTP well enough to debug.</td></tr>\n<tr><td>2</td><td>Reviews others' code for security flaws.</td><td>Designs the networking of a service.</td></tr>\n<tr><td>3</td><td>Leads the threat model of a product.</td><td>Sets the networking standards of the team.</td></tr>\n</table>\n";
    let (text, _, read) = unfolded(md);
    assert!(
        text.contains(
            "# Level 1\n\n## Security\n\n- Applies basic security principles to their code.\n"
        ),
        "{text}"
    );
    assert_eq!(
        read,
        ["the table read as a ladder: 3 levels (its rows) × 2 pillars (its columns)"]
    );
}

#[test]
fn a_table_after_other_html_in_its_block_is_read_and_the_html_kept() {
    let md = "# Ladder\n\n<p>Our grid of levels.</p>\n<table>\n<tr><th>Pillar</th><th>Engineer I</th><th>Engineer II</th><th>Senior Engineer</th></tr>\n<tr><td>Craft</td><td>Writes tests for their changes.</td><td>Writes tests for the team.</td><td>Sets the testing approach.</td></tr>\n</table>\n";
    let (text, _, read) = unfolded(md);
    assert!(
        text.starts_with("# Ladder\n\n<p>Our grid of levels.</p>\n\n## Engineer I\n"),
        "{text}"
    );
    assert_eq!(read.len(), 1);
}

#[test]
fn pictures_of_a_scale_s_steps_read_as_their_words() {
    // Hunt 42 H42-01: a matrix whose cells are pictures (`![Advanced](advanced.png)`) was
    // refused, though the same words written out were read.
    let pictures: Vec<String> = ["Basic", "Advanced", "Expert", "Basic"]
        .iter()
        .map(|w| format!("![{w}](./marks/{}.png)", w.to_lowercase()))
        .collect();
    assert!(scale(pictures.iter()));
    let unnamed = ["![](a.png)", "![](b.png)", "![](a.png)"].map(String::from);
    assert!(!scale(unnamed.iter()));
    let captioned: Vec<String> = pictures
        .iter()
        .map(|p| format!("{p} (since 2024)"))
        .collect();
    assert!(!scale(captioned.iter()));
}
