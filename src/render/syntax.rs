//! What is wrong with a template that does not parse, said the way its author can act on:
//! Tera reports where its parser gave up (the end of the file for an `{% if %}` never
//! closed) and in its own terms; this finds the tag left open and where it was opened.

/// Block tags and the tag that closes each (Tera 2's: `{% if %}` … `{% endif %}`).
const BLOCKS: &[(&str, &str)] = &[
    ("if", "endif"),
    ("for", "endfor"),
    ("block", "endblock"),
    ("macro", "endmacro"),
    ("filter", "endfilter"),
    ("raw", "endraw"),
];

/// The first mistake in the tags of template `text` that makes it unparsable, as
/// (line, column, what is wrong, how to fix it), lines and columns 1-based: a `{{`, `{%` or
/// `{#` not closed before the next one opens (or the file ends), a block tag closed by
/// another's end tag, or one never closed. `None` when the tags balance.
pub fn unbalanced(text: &str) -> Option<(usize, usize, String, String)> {
    let at = |i: usize| {
        let before = &text[..i];
        let line = before.matches('\n').count() + 1;
        let col = before.len() - before.rfind('\n').map_or(0, |n| n + 1);
        (line, before[before.len() - col..].chars().count() + 1)
    };
    let mut open: Vec<(&str, usize)> = Vec::new();
    let mut i = 0;
    while let Some(found) = text[i..].find('{') {
        let start = i + found;
        let closer = match text[start + 1..].chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                i = start + 1;
                continue;
            }
        };
        let body_start = start + 2;
        let end = text[body_start..].find(closer).map(|e| body_start + e);
        // Another tag opening before this one closes: this one was left open.
        let next_open = ["{{", "{%"]
            .iter()
            .filter_map(|o| text[body_start..].find(o).map(|e| body_start + e))
            .min();
        let (line, col) = at(start);
        let opener = &text[start..body_start];
        match end {
            Some(e) if closer == "#}" || next_open.is_none_or(|n| n > e) => {
                if closer == "%}" {
                    let words = text[body_start..e].trim_matches(['-', ' ', '\n', '\t']);
                    let name = words.split_whitespace().next().unwrap_or("");
                    if BLOCKS.iter().any(|(n, _)| *n == name) {
                        if name == "raw" {
                            // Nothing inside raw is a tag.
                            match text[e..].find("endraw") {
                                Some(r) => i = e + r,
                                None => {
                                    return Some((
                                        line,
                                        col,
                                        "`{% raw %}` is never closed".into(),
                                        "add `{% endraw %}` where the raw text ends".into(),
                                    ));
                                }
                            }
                            continue;
                        }
                        open.push((name, start));
                    } else if let Some(opened) = BLOCKS.iter().find(|(_, end)| *end == name) {
                        match open.pop() {
                            Some((top, _)) if top == opened.0 => {}
                            // The block this closes is open further out: the one open
                            // inside it was never closed.
                            Some((top, at_open)) if open.iter().any(|(n, _)| *n == opened.0) => {
                                let (l, c) = at(at_open);
                                let close =
                                    BLOCKS.iter().find(|(n, _)| *n == top).map_or("", |b| b.1);
                                return Some((l, c, format!("the `{{% {top} %}}` opened here is never closed"), format!("add `{{% {close} %}}` before the `{{% {name} %}}` of line {line}")));
                            }
                            _ => {
                                return Some((line, col, format!("`{{% {name} %}}` closes nothing: no `{{% {} %}}` is open here", opened.0), format!("remove it, or open the `{{% {} … %}}` it closes above it", opened.0)));
                            }
                        }
                    }
                }
                i = e + 2;
            }
            _ => {
                return Some((
                    line,
                    col,
                    format!("the `{opener}` here is never closed"),
                    format!("end it with `{closer}` before the next tag"),
                ));
            }
        }
    }
    open.pop().map(|(name, start)| {
        let (line, col) = at(start);
        let close = BLOCKS.iter().find(|(n, _)| *n == name).map_or("", |b| b.1);
        (
            line,
            col,
            format!("the `{{% {name} %}}` opened here is never closed"),
            format!("add `{{% {close} %}}` where its part of the page ends"),
        )
    })
}

/// Where a loop of `{% extends %}` or `{% include %}` tags is written, for Tera's report of
/// one (`chain` as Tera gives it: the templates followed, ending with the first one met
/// again). `tag` is `extends` or `include`; `text_of` reads a template of the ladder's own
/// `templates/` (`None` for a built-in one). Returns the first of the loop's own templates
/// with the tag naming the next: (its name, line, column, what is wrong, how to fix it).
pub fn circular(
    chain: &[String],
    tag: &str,
    text_of: impl Fn(&str) -> Option<String>,
) -> Option<(String, usize, usize, String, String)> {
    let last = chain.last()?;
    let cycle = &chain[chain.iter().position(|t| t == last)?..];
    let (verb, fix) = match tag {
        "extends" => ("extends", "extend another template (a theme's `base.html` extends none), or remove the `{% extends %}` line"),
        _ => ("includes", "remove the `{% include %}` of it, or include another template"),
    };
    let what = match cycle {
        [a, _] => format!("`{a}` {verb} itself"),
        _ => format!(
            "templates that {} each other in a loop: {}",
            if tag == "extends" {
                "extend"
            } else {
                "include"
            },
            cycle
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(" → ")
        ),
    };
    cycle.windows(2).find_map(|pair| {
        let text = text_of(&pair[0])?;
        let (line, col) = tag_naming(&text, tag, &pair[1])?;
        Some((pair[0].clone(), line, col, what.clone(), fix.to_string()))
    })
}

/// Line and column (1-based) of the first `{% tag "name" %}` in `text` (either quote).
fn tag_naming(text: &str, tag: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = text[from..].find("{%") {
        let start = from + found;
        let inner = text[start + 2..].trim_start_matches(['-', ' ', '\t', '\n']);
        if let Some(rest) = inner.strip_prefix(tag) {
            let rest = rest.trim_start();
            if [format!("\"{name}\""), format!("'{name}'")]
                .iter()
                .any(|q| rest.starts_with(q.as_str()))
            {
                let before = &text[..start];
                let line = before.matches('\n').count() + 1;
                let col = before[before.rfind('\n').map_or(0, |n| n + 1)..]
                    .chars()
                    .count()
                    + 1;
                return Some((line, col));
            }
        }
        from = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::unbalanced;

    #[test]
    fn the_tag_left_open_is_found_where_it_was_opened() {
        let page = "<p>\n{% if below %}\n<a>{{ below.title }}</a>\n{% for x in xs %}{{ x }}{% endfor %}\n</p>\n";
        let (line, col, what, fix) = unbalanced(page).unwrap();
        assert_eq!((line, col), (2, 1));
        assert!(
            what.contains("`{% if %}` opened here is never closed"),
            "{what}"
        );
        assert!(fix.contains("{% endif %}"), "{fix}");
        // A tag missing its `%}`, before the next one.
        let (line, col, what, fix) =
            unbalanced("a\n  {% if below %\n{{ x }}\n{% endif %}").unwrap();
        assert_eq!((line, col), (2, 3));
        assert!(what.contains("`{%` here is never closed"), "{what}");
        assert!(fix.contains("%}"), "{fix}");
        // The block inside another left open: found where it opens, not at the outer end.
        let (line, _, what, fix) =
            unbalanced("{% for x in xs %}\n{% if x %}{{ x }}\n{% endfor %}").unwrap();
        assert_eq!(line, 2);
        assert!(
            what.contains("`{% if %}` opened here is never closed"),
            "{what}"
        );
        assert!(fix.contains("before the `{% endfor %}` of line 3"), "{fix}");
        // An end tag with nothing to close.
        let (line, _, what, _) = unbalanced("{{ a }}\n{% endif %}").unwrap();
        assert_eq!(line, 2);
        assert!(what.contains("closes nothing"), "{what}");
        // Balanced, with a comment and raw text holding tag-like text.
        assert_eq!(
            unbalanced("{# {% if %} #}{% raw %}{% if {% endraw %}{% block main %}{{ a }}{% endblock main %}"),
            None
        );
    }
}
