//! What an attacker (or a careless paste) can put in a ladder, and what must never come out:
//! live raw HTML in author content, and links or images with a scriptable scheme.

mod common;
use common::*;
use std::fs;
use std::path::Path;

/// Every start tag in `html`: lowercased name and its attributes (lowercased names, values as
/// written between quotes).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..end];
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let mut parts = tag.splitn(2, |c: char| c.is_ascii_whitespace());
        let name = parts.next().unwrap_or("").to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = parts.next().unwrap_or("").trim();
        while !a.is_empty() {
            let n_end = a
                .find(|c: char| c == '=' || c.is_ascii_whitespace())
                .unwrap_or(a.len());
            let attr = a[..n_end].to_ascii_lowercase();
            a = a[n_end..].trim_start();
            let mut value = String::new();
            if let Some(v) = a.strip_prefix('=') {
                let v = v.trim_start();
                let (val, after) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let close = v[1..].find(q).map_or(v.len(), |j| j + 1);
                        (&v[1..close], v.get(close + 1..).unwrap_or(""))
                    }
                    _ => {
                        let e = v.find(char::is_whitespace).unwrap_or(v.len());
                        (&v[..e], &v[e..])
                    }
                };
                value = val.to_string();
                a = after.trim_start();
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

/// A URL's scheme as a browser reads an attribute value: `&#NN;`/`&#xNN;` and `&colon;`
/// decoded, spaces and control characters dropped, lowercased.
fn scheme_of(value: &str) -> String {
    let mut decoded = String::new();
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        decoded.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        let end = rest.find(';').unwrap_or(0);
        let entity = &rest[..end];
        let c = if let Some(hex) = entity.strip_prefix("#x").or(entity.strip_prefix("#X")) {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = entity.strip_prefix('#') {
            dec.parse().ok().and_then(char::from_u32)
        } else if entity == "colon" {
            Some(':')
        } else if entity == "amp" {
            Some('&')
        } else {
            None
        };
        match c {
            Some(c) => {
                decoded.push(c);
                rest = &rest[end + 1..];
            }
            None => decoded.push('&'),
        }
    }
    decoded.push_str(rest);
    let squeezed: String = decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    squeezed
        .split_once(':')
        .map_or(String::new(), |(scheme, _)| scheme.to_string())
}

/// `html` without the default theme's own inline script of a redirect page, in either of its
/// two forms: `<script>location.replace("<address>" + location.hash)</script>`, and the one
/// that first replaces retired fragments, `<script>var to = { "<id>": "<id>", … }, h = …`
/// (no `<` or `\` inside; the first form's address quoted and free of `"`), so that any
/// other inline script counts as the author's.
fn without_theme_redirect(html: &str) -> String {
    const FORMS: [(&str, &str); 2] = [
        (
            "<script>location.replace(\"",
            "\" + location.hash)</script>",
        ),
        ("<script>var to = { ", " : location.hash))</script>"),
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    'scripts: while let Some(i) = rest.find("<script>") {
        for (start, end) in FORMS {
            let Some(after) = rest[i..].strip_prefix(start) else {
                continue;
            };
            if let Some(j) = after.find(end) {
                let inside = &after[..j];
                // The first form holds only its address; the second, ids and an address.
                let quotes_ok = start.contains("var to") || !inside.contains('"');
                if !inside.contains(['<', '\\']) && quotes_ok {
                    out.push_str(&rest[..i]);
                    rest = &after[j + end.len()..];
                    continue 'scripts;
                }
            }
        }
        out.push_str(&rest[..i + "<script>".len()]);
        rest = &rest[i + "<script>".len()..];
    }
    out.push_str(rest);
    out
}

/// Panics, naming the page, when `html` has a script or frame of the author's, an event
/// handler or style attribute, or a scriptable URL.
fn assert_safe(page: &Path, html: &str) {
    for (name, attrs) in tags(&without_theme_redirect(html)) {
        let src = attrs.iter().find(|a| a.0 == "src").map(|a| a.1.as_str());
        // The theme's own scripts are files of the site, loaded by `src`.
        let theme_script = name == "script" && src.is_some_and(|s| s.ends_with(".js"));
        assert!(
            !["script", "iframe", "style", "object", "embed"].contains(&name.as_str())
                || theme_script,
            "{}: a <{name}> of the author's is live",
            page.display()
        );
        for (attr, value) in &attrs {
            // pulldown-cmark's own alignment of table columns.
            let alignment = ["left", "center", "right"]
                .iter()
                .any(|a| *value == format!("text-align: {a}"));
            assert!(
                !attr.starts_with("on") && (attr != "style" || alignment),
                "{}: <{name} {attr}=…> is live",
                page.display()
            );
            if ["href", "src", "srcset", "action", "formaction"].contains(&attr.as_str()) {
                let urls: Vec<&str> = if attr == "srcset" {
                    value.split(',').collect()
                } else {
                    vec![value]
                };
                for url in urls {
                    let scheme = scheme_of(url);
                    assert!(
                        !["javascript", "vbscript", "data"].contains(&scheme.as_str()),
                        "{}: <{name} {attr}=\"{value}\">",
                        page.display()
                    );
                }
            }
        }
    }
}

/// Attacks in every place an author writes HTML-bearing text: a free page's body, a
/// competency's expectations and notes, a level's summary and description.
const ATTACKS: &str = r#"
<script>alert('block script')</script>

## Heading attributes {#kept-id .kept-class onclick=alert('heading') style=color:red title=kept}

<div onclick="alert('div')" style="position:fixed;inset:0">Click anywhere</div>

<iframe src="https://evil.example/"></iframe>
<style>body{display:none}</style>

[one](javascript:alert('md')) [two](JaVaScRiPt:alert('md')) [three](&#106;avascript:alert('md'))
[four](vbscript:msgbox('md')) [five](data:text/html,<script>alert('md')</script>)
[six](&#x09;javascript:alert('md')) <javascript:alert('autolink')> ![pic](data:image/svg+xml,x)

Inline <a href="&#106;avascript:alert('raw')">raw link</a>, <img src=x onerror="alert('img')">,
<a href=" &#x0A;JAVAscript&colon;alert('raw')">spaced</a> and <b onmouseover=alert(1)>bold</b>.
"#;

/// Harmless raw HTML as real ladders use it.
const HARMLESS: &str = r#"
<details>
<summary>How calibration panels work</summary>

Panels meet twice a year.

</details>

<picture><source media="(prefers-color-scheme: dark)" srcset="/charts/dark.png"><img alt="A chart of the levels" src="/charts/light.png"></picture>

See [the guide](https://example.com/guide) or <https://example.com/auto>.

<table>

  <thead>
    <tr><th>Level</th><th>Scope</th></tr>
  </thead>

  <tbody>
  <tr>
  <td>L4</td>
  <td>

- Leads a project
- Reviews designs

</td>
  </tr>
  </tbody>
</table>
"#;

fn append(path: &Path, text: &str) {
    let mut s = fs::read_to_string(path).unwrap();
    s.push_str(text);
    fs::write(path, s).unwrap();
}

#[test]
fn author_html_never_reaches_a_page_live_and_harmless_html_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("ladder");
    copy_ladder(&repo(), &src);
    let content = src.join("content");
    append(
        &content.join("promotions.md"),
        &format!("{ATTACKS}\n{HARMLESS}"),
    );
    append(&content.join("levels/engineer-1.md"), ATTACKS);
    append(&content.join("competencies/engineer-1/craft.md"), ATTACKS);
    let craft = content.join("competencies/engineer-1/craft.md");
    let text = fs::read_to_string(&craft).unwrap();
    fs::write(
        &craft,
        text.replacen(
            "\n- ",
            "\n- <script>alert('item')</script> [x](javascript:alert(1)) ",
            1,
        ),
    )
    .unwrap();
    let level = content.join("levels/engineer-1.md");
    let text = fs::read_to_string(&level).unwrap();
    fs::write(
        &level,
        text.replacen(
            "summary = \"",
            "summary = \"<img src=x onerror=alert(1)> [s](javascript:alert(1)) ",
            1,
        )
        // Titles are text, never HTML: escaped on every page that shows them.
        .replacen(
            "title = \"Engineer I\"",
            "title = \"Engineer I <img src=x onerror=alert('title')>\"",
            1,
        ),
    )
    .unwrap();

    let out = dir.path().join("site");
    ladderbook()
        .arg("build")
        .arg(&src)
        .arg("-d")
        .arg(&out)
        .assert()
        .success();

    let mut pages = 0;
    for e in walkdir::WalkDir::new(&out) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "html") {
            assert_safe(e.path(), &fs::read_to_string(e.path()).unwrap());
            pages += 1;
        }
    }
    assert!(pages > 20, "{pages} pages");
    // The HTML in ladder.json, which the comparison picker puts into pages.
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("ladder.json")).unwrap()).unwrap();
    let mut html_fields = 0;
    let mut stack = vec![&data];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if let (true, Some(s)) = (k.ends_with("html"), v.as_str()) {
                        assert_safe(&out.join("ladder.json"), s);
                        html_fields += 1;
                    }
                    stack.push(v);
                }
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    assert!(
        html_fields > 100,
        "{html_fields} HTML fields in ladder.json"
    );

    // What a reader sees of the free page: the texts stay, the harmless HTML works.
    let page = fs::read_to_string(out.join("promotions/index.html")).unwrap();
    for kept in [
        "<details>\n<summary>How calibration panels work</summary>",
        "</details>",
        r#"<source media="(prefers-color-scheme: dark)" srcset="/charts/dark.png">"#,
        r#"<img alt="A chart of the levels" src="/charts/light.png">"#,
        r#"<a href="https://example.com/guide">the guide</a>"#,
        r#"<a href="https://example.com/auto">"#,
        "Click anywhere",
        "raw link",
        ">one ",
        "three",
        "<b>bold</b>",
        r#"<h2 id="kept-id" class="kept-class" title="kept">Heading attributes</h2>"#,
        // A table split by blank lines, as GitHub renders it: one table, a list in a cell.
        "<tr><th>Level</th><th>Scope</th></tr>",
        "<td>\n<ul>\n<li>Leads a project</li>",
    ] {
        assert!(page.contains(kept), "{kept:?} is missing");
    }
    assert!(!page.contains("display:none"), "the style's text is shown");
    assert!(!page.contains("block script"), "the script's text is shown");
    let level_page = fs::read_to_string(out.join("levels/engineer-1/index.html")).unwrap();
    assert!(!level_page.contains("alert('item')"));
}

#[test]
fn the_checker_of_this_file_sees_what_it_must() {
    // The test's own reading of pages, on what it must catch.
    assert_eq!(scheme_of("&#106;avascript&colon;x"), "javascript");
    assert_eq!(scheme_of(" &#x0A;JAVA\tscript:x"), "javascript");
    assert_eq!(scheme_of("javascript"), "");
    let theme = r#"<script>location.replace("../x/" + location.hash)</script>"#;
    assert!(tags(&without_theme_redirect(theme)).is_empty());
    let author = r#"<script>location.replace("x" + alert(1) + "" + location.hash)</script>"#;
    assert_eq!(tags(&without_theme_redirect(author))[0].0, "script");
    let t = tags(r#"<a href='javascript:x' onclick="y">z</a><img src=data:x>"#);
    assert_eq!(t[0].1[0], ("href".to_string(), "javascript:x".to_string()));
    assert_eq!(t[0].1[1].0, "onclick");
    assert_eq!(t[1].1[0], ("src".to_string(), "data:x".to_string()));
}

/// Attack pieces and the syntax around them, spliced at random into real ladders' documents
/// by the randomized test below (our own strings, not any ladder's text).
const PIECES: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/a.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">",
    "<a href=' &#x0A;javascript&colon;x'>",
    "<a href=\"&#106;avascript:alert(1)\">",
    "<a href=java&#9;script:x>",
    "<a href=\"ja\u{1}vascript:x\">",
    "</a>",
    "<svg onload=alert(1)>",
    "<math><mi><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<iframe src=//x.example>",
    "<style>*{display:none}</style>",
    "<textarea>",
    "</textarea>",
    "<form action=javascript:x><button>go</button></form>",
    "<base href=//x.example/>",
    "<object data=x.swf>",
    "<meta http-equiv=refresh content=0;url=javascript:x>",
    "<img src=\"a.png\" srcset=\"b.png 1x, javascript:x 2x\">",
    "<details open><summary>s</summary>",
    "</details>",
    "<div title='a\"b' onclick=x>",
    "</div>",
    "<p>",
    "</p>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?x ",
    "<b",
    "<",
    ">",
    "\"",
    "'",
    "`",
    "&",
    "&#",
    "\t",
    "\u{0}",
    "\u{1}",
    "\n\n",
    "\n- ",
    "\n    ",
    "\n```\n",
    "[l](javascript:alert(1))",
    "[l](JaVaScRiPt:alert(1))",
    "[l](&#106;avascript:x)",
    "[l](vbscript:x)",
    "[l](data:text/html,x)",
    "[l](<javascript:x>)",
    "<javascript:alert(1)>",
    "<VBSCRIPT:x>",
    "![i](data:image/svg+xml,x)",
    "[x][r]",
    "\n[r]: javascript:alert(1)\n",
    "\n## h {onmouseover=y style=z}\n",
    "{#i .c onclick=x}",
];

/// A char boundary of `s` at random.
#[test]
fn random_mutations_of_real_ladders_never_yield_live_html() {
    let seeds: Vec<String> = walkdir::WalkDir::new(real_ladders())
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(seeds.len() > 30, "{} seed documents", seeds.len());
    let mut r = Random(0x9e37_79b9_7f4a_7c15);
    let taken = Default::default();
    let page = Path::new("(mutated document)");
    // 2,000 cases in CI (about 2 s in a debug build); more with LADDERBOOK_FUZZ_CASES.
    let cases: usize = std::env::var("LADDERBOOK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    for case in 0..cases {
        let mut text = seeds[r.below(seeds.len())].clone();
        // Keep documents small, so each case is quick: a random window of the seed.
        let start = r.boundary(&text);
        let mut end = (start + 3_000).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text = text[start..end].to_string();
        for _ in 0..1 + r.below(8) {
            let at = r.boundary(&text);
            match r.below(4) {
                // Delete a short stretch.
                0 => {
                    let mut to = (at + r.below(40)).min(text.len());
                    while !text.is_char_boundary(to) {
                        to -= 1;
                    }
                    text.replace_range(at..to, "");
                }
                // Flip the case of a stretch (tag names and schemes in any case).
                1 => {
                    let mut to = (at + r.below(20)).min(text.len());
                    while !text.is_char_boundary(to) {
                        to -= 1;
                    }
                    let flipped = text[at..to].to_uppercase();
                    text.replace_range(at..to, &flipped);
                }
                _ => text.insert_str(at, PIECES[r.below(PIECES.len())]),
            }
        }
        let body = ladderbook::markdown::parse(&text, 0, &taken);
        let mut html = body.whole.html("../");
        for item in &body.items {
            html.push_str(&item.html(""));
        }
        html.push_str(&body.notes.html(""));
        let line = text.lines().nth(r.below(5)).unwrap_or("");
        html.push_str(&ladderbook::markdown::inline_html(line));
        let result = std::panic::catch_unwind(|| assert_safe(page, &html));
        assert!(
            result.is_ok(),
            "case {case}: the document\n{text}\n---\nbecame\n{html}"
        );
    }
}

/// `check` says what the HTML policy takes out of a body, at the line it is on, and is quiet
/// about what it keeps.
#[test]
fn check_warns_where_the_html_policy_drops_what_an_author_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ladder");
    copy_ladder(&repo(), &root);
    let cell = root.join("content/competencies/engineer-1/craft.md");
    let before = fs::read_to_string(&cell).unwrap();
    let first = before.lines().count() + 1;
    append(
        &cell,
        "- Reviews code <span onclick=\"steal()\">with care</span>.\n\
         - Reads [the runbook](javascript:alert(1)) before a change.\n\
         - Keeps <font color=red>notes</font> short.\n\
         - Harmless: <em>emphasis</em>, [a link](https://example.com) <!-- a note --> and 1 < 2.\n\
         \n\
         <script>alert(1)</script>\n",
    );
    // A summary is under the same policy, and reported at its line.
    let level = root.join("content/levels/engineer-1.md");
    let text = fs::read_to_string(&level).unwrap();
    let summary_line = text
        .lines()
        .position(|l| l.starts_with("summary"))
        .expect("the example's level has a summary")
        + 1;
    fs::write(
        &level,
        text.replacen("summary = \"", "summary = \"<b onmouseover=x>Bold</b> ", 1),
    )
    .unwrap();
    let out = ladderbook()
        .args(["check", "--format", "json"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(out.status.success(), "warnings only");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let in_summary = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "html-dropped" && d["path"] == "content/levels/engineer-1.md")
        .count();
    assert_eq!(
        in_summary, 1,
        "the summary's dropped attribute is reported once"
    );
    let dropped: Vec<(u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "html-dropped")
        .filter(|d| {
            if d["path"] != "content/levels/engineer-1.md" {
                return true;
            }
            assert_eq!(d["line"].as_u64(), Some(summary_line as u64), "{d}");
            assert!(
                d["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("the `onmouseover` attribute of `<b>`"),
                "{d}"
            );
            false
        })
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            assert_eq!(d["path"], "content/competencies/engineer-1/craft.md");
            assert!(d["hint"].as_str().unwrap().contains("Markdown"), "{d}");
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let at = |n: usize| (first + n) as u64;
    let expected = [
        (at(0), "the `onclick` attribute of `<span>`"),
        (at(1), "the link to `javascript:alert(1)`"),
        (at(2), "the tag `<font>`"),
        (at(5), "`<script>` and its content"),
    ];
    assert_eq!(dropped.len(), expected.len(), "{dropped:#?}");
    for ((line, message), (want_line, want)) in dropped.iter().zip(expected) {
        assert_eq!(*line, want_line, "{message}");
        assert!(message.starts_with(want), "{message} (wanted {want})");
    }
    // --strict makes them fail a CI run.
    ladderbook()
        .args(["check", "--strict"])
        .arg(&root)
        .assert()
        .failure();
}
