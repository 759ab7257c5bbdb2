use super::*;

/// `md` rendered as CommonMark with the policy applied.
fn render(md: &str) -> String {
    let parsed: Vec<_> = pulldown_cmark::Parser::new(md).into_offset_iter().collect();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events(parsed).into_iter().map(|(e, _)| e));
    html.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_details_element_opened_by_an_html_block_holds_the_markdown_up_to_its_close() {
    // GitHub's form: the Markdown between two HTML blocks (a blank line ends each).
    let quoted = "> <details>\n> <summary>Examples</summary>\n>\n> - I ran a session.\n> - I mentored.\n>\n> </details>\n\nAfter.\n";
    assert_eq!(
        render(quoted),
        "<blockquote> <details> <summary>Examples</summary> <ul> <li>I ran a session.</li> <li>I mentored.</li> </ul> </details> </blockquote> <p>After.</p>"
    );
    // Never closed: it ends with the Markdown block that holds it (the quote, the item).
    assert_eq!(
        render("> <div class=\"note\">\n>\n> Inside.\n\nOutside.\n"),
        "<blockquote> <div class=\"note\"> <p>Inside.</p> </div></blockquote> <p>Outside.</p>"
    );
    assert_eq!(
        render("- <details><summary>More</summary>\n\n  Inside.\n- Next.\n"),
        "<ul> <li><details><summary>More</summary> <p>Inside.</p> </details></li> <li> <p>Next.</p> </li> </ul>"
    );
    // Other elements left open close with their HTML block; the details around them
    // stays open. A block element inside a text-level one closes with it too.
    assert_eq!(
        render("<details><summary>Open <b>bold\n\n- item\n"),
        "<details><summary>Open <b>bold </b></summary> <ul> <li>item</li> </ul> </details>"
    );
    assert_eq!(
        render("<div><span><div>text\n\n- item\n"),
        "<div><span><div>text </div></span></div> <ul> <li>item</li> </ul>"
    );
    // A close in a deeper Markdown block does not reach out of it.
    assert_eq!(
        render("<div>\n\n- item </div>\n\nAfter.\n"),
        "<div> <ul> <li>item </li> </ul> <p>After.</p> </div>"
    );
}

#[test]
fn a_table_split_over_html_blocks_is_one_table_as_on_github() {
    // A cell that holds a Markdown list, between blank lines.
    assert_eq!(
        render("<table>\n<tr>\n<td>\n\n- one\n- two\n\n</td>\n<td>plain</td>\n</tr>\n</table>\n\nAfter.\n"),
        "<table> <tr> <td> <ul> <li>one</li> <li>two</li> </ul> </td> <td>plain</td> </tr> </table> <p>After.</p>"
    );
    // A blank line between the head and the body, and between rows (Sourcegraph's levels
    // table); the row's parts are still placed in the table the first block opened.
    assert_eq!(
        render("<table class=\"levels\">\n\n  <thead>\n    <tr><th>Level</th></tr>\n  </thead>\n\n  <tbody>\n  <tr><td>M3</td></tr>\n\n  <tr><td>M4</td></tr>\n  </tbody>\n</table>\n"),
        "<table class=\"levels\"> <thead> <tr><th>Level</th></tr> </thead> <tbody> <tr><td>M3</td></tr> <tr><td>M4</td></tr> </tbody> </table>"
    );
    // Never closed: it ends with the fragment, or with the Markdown block that holds it.
    assert_eq!(
        render("<table><tr><td>\n\nCell.\n"),
        "<table><tr><td> <p>Cell.</p> </td></tr></table>"
    );
    assert_eq!(
        render("- <table><tr><td>\n\n  Cell.\n- Next.\n"),
        "<ul> <li><table><tr><td> <p>Cell.</p> </td></tr></table></li> <li> <p>Next.</p> </li> </ul>"
    );
    // A cell in a deeper Markdown block cannot reach the table outside it.
    assert_eq!(
        render("<table><tr>\n\n- <td>evil</td>\n\n</tr></table>\n"),
        "<table><tr> <ul> <li>evil </li> </ul> </tr></table>"
    );
}

#[test]
fn inline_elements_whose_content_is_dropped_take_their_text_with_them() {
    assert_eq!(
        render("Text <script>alert(1)</script> after <noscript><img src=\"/x.png\"> *seen*</noscript> end.\n\nNext.\n"),
        "<p>Text after <em></em> end.</p> <p>Next.</p>"
    );
    // Never closed: to the end of its paragraph only.
    assert_eq!(
        render("A <style>p{} *b*\n\nNext.\n"),
        "<p>A <em></em></p> <p>Next.</p>"
    );
    // Its links and images go with it.
    assert_eq!(
        render(
            "A <noscript>![pixel](/track.png) [click](https://evil.example) hidden</noscript> B\n"
        ),
        "<p>A B</p>"
    );
    // In a tight list item, to the end of the item's own text.
    assert_eq!(
        render("- Does X <script>\n  - sub one\n  - sub two\n"),
        "<ul> <li>Does X <ul> <li>sub one</li> <li>sub two</li> </ul> </li> </ul>"
    );
}

#[test]
fn list_and_table_parts_are_kept_only_inside_the_list_or_table_the_author_opened() {
    // In an expectation (a Markdown item), a raw <li> would end the item around it.
    assert_eq!(
        render("- Does X <li>evil</li> more\n"),
        "<ul> <li>Does X evil more</li> </ul>"
    );
    assert_eq!(
        render("Cell <td>evil</td> <tr>row</tr>\n"),
        "<p>Cell evil row</p>"
    );
    assert_eq!(render("Term <dd>what</dd>\n"), "<p>Term what</p>");
    // Inside the author's own list, table or definition list, they are kept.
    assert_eq!(
        render("<ul><li>a</li><li>b</li></ul>\n"),
        "<ul><li>a</li><li>b</li></ul>"
    );
    assert_eq!(
        render("<table><thead><tr><th>h</th></tr></thead><tr><td>c</td></tr></table>\n"),
        "<table><thead><tr><th>h</th></tr></thead><tr><td>c</td></tr></table>"
    );
    assert_eq!(
        render("<dl><dt>t</dt><dd>d</dd></dl>\n"),
        "<dl><dt>t</dt><dd>d</dd></dl>"
    );
    // A browser's implied ends: the next item ends the one open.
    assert_eq!(
        render("<ul><li>a<li>b</ul>\n"),
        "<ul><li>a</li><li>b</li></ul>"
    );
    assert_eq!(
        render("<table><tr><td>a<td>b<tr><td>c</table>\n"),
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
    );
    // Whatever a browser would move out of a table, before it: a table or a list directly
    // in a table, and the parts that would then follow it.
    assert_eq!(
        render("- Does X <table><ul><table></table><li>evil</li> more\n"),
        "<ul> <li>Does X <table></table>evil more</li> </ul>"
    );
    assert_eq!(
        render("Cell <table><table></table><td>evil</td></table>\n"),
        "<p>Cell <table></table>evil</p>"
    );
    // A table in a cell is a table of its own.
    assert_eq!(
        render("<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>\n"),
        "<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>"
    );
    let parsed: Vec<_> = pulldown_cmark::Parser::new("- Does X <li>evil</li>\n")
        .into_offset_iter()
        .collect();
    assert_eq!(
        dropped(parsed)
            .into_iter()
            .map(|(_, what)| what)
            .collect::<Vec<_>>(),
        ["the tag `<li>` outside a `<ul>` or `<ol>` (its text is kept)"]
    );
}

fn clean(raw: &str) -> String {
    let mut f = Filter::default();
    let mut out = String::new();
    f.push(raw, &mut out);
    f.finish(&mut out);
    out
}

#[test]
fn dangerous_schemes_are_refused_however_they_are_written() {
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "ja\u{1}vascript:alert(1)",
        "java script:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:image/png;base64,AAAA",
    ] {
        assert!(!is_safe_url(bad), "{bad:?}");
    }
    for good in [
        "https://example.com/a",
        "HTTP://example.com",
        "mailto:a@example.com",
        "levels/senior.md",
        "levels/senior.md#x:y",
        "/charts/a.png",
        "#craft",
        "./javascript:x",
        "",
    ] {
        assert!(is_safe_url(good), "{good:?}");
    }
}

#[test]
fn attribute_values_are_checked_after_references_are_decoded() {
    for bad in [
        r#"<a href="&#106;avascript:alert(1)">x</a>"#,
        r#"<a href="&#x6A;avascript&colon;alert(1)">x</a>"#,
        r#"<a href="&#0000106avascript:alert(1)">x</a>"#,
        r#"<a href="java&Tab;script:alert(1)">x</a>"#,
        r#"<a href=" &#1;javascript:alert(1)">x</a>"#,
        r#"<a HREF='JAVASCRIPT:alert(1)'>x</a>"#,
        r#"<a href=javascript:alert(1)>x</a>"#,
        r#"<img src="data:image/svg+xml,<svg onload=alert(1)>">"#,
        r#"<source srcset="a.png 1x, javascript:alert(1) 2x">"#,
        "<img srcset=\"a.png 1x, jav\n  ascript:x 2x\">",
    ] {
        let out = clean(bad);
        assert!(
            !out.contains("href=") && !out.contains("src"),
            "{bad} → {out}"
        );
    }
}

#[test]
fn harmless_html_is_kept_and_the_rest_dropped() {
    assert_eq!(
        clean("<details>\n<summary>More</summary>\n"),
        "<details>\n<summary>More</summary>\n</details>"
    );
    assert_eq!(
        clean(
            r#"<picture><source media="(prefers-color-scheme: light)" srcset="/charts/a.png"><img alt="A chart" src="/charts/a.png"></picture>"#
        ),
        r#"<picture><source media="(prefers-color-scheme: light)" srcset="/charts/a.png"><img alt="A chart" src="/charts/a.png"></picture>"#
    );
    assert_eq!(
        clean(r#"<p onclick="x()" style="color:red">Hi<script>alert("<p>")</script> there</p>"#),
        "<p>Hi there</p>"
    );
    assert_eq!(clean("<iframe src=//evil.example></iframe>ok"), "ok");
    assert_eq!(clean("<STYLE>body{display:none}</STYLE >x"), "x");
    assert_eq!(clean("a <!-- hidden --> b"), "a  b");
    assert_eq!(clean("<svg><a href=x>y</a></svg>"), "<a href=\"x\">y</a>");
    assert_eq!(clean("1 < 2 > 0 <3"), "1 &lt; 2 &gt; 0 &lt;3");
    assert_eq!(clean("</div></p>text"), "text");
    assert_eq!(
        clean(r#"<span title='say "hi" &amp; <go>'>x</span>"#),
        r#"<span title="say &quot;hi&quot; &amp; &lt;go&gt;">x</span>"#
    );
    assert_eq!(
        clean("<img src=a.png onerror=alert(1)"),
        "&lt;img src=a.png onerror=alert(1)"
    );
}

#[test]
fn link_addresses_in_raw_html_are_found_where_they_are_written() {
    let html = r#"See <A class=x HREF = 'levels/a.md#b&amp;c' title="t">A</A>, <a name=top>, <a href=#top>top</a> <img src=i.png>"#;
    let found = link_hrefs(html);
    let hrefs: Vec<&str> = found.iter().map(|l| l.href.as_str()).collect();
    assert_eq!(hrefs, ["levels/a.md#b&c", "#top"]);
    assert_eq!(
        &html[found[0].attribute.clone()],
        "HREF = 'levels/a.md#b&amp;c'"
    );
    assert_eq!(&html[found[0].value.clone()], "levels/a.md#b&amp;c");
    assert_eq!(&html[found[1].attribute.clone()], "href=#top");
    assert_eq!(&html[found[1].value.clone()], "#top");
    // A tag that never ends names no link, nor one in a comment.
    assert!(link_hrefs("<a href=\"x.md\"").is_empty());
    assert!(link_hrefs("<!-- <a href=\"x.md\">old</a> -->").is_empty());
}
