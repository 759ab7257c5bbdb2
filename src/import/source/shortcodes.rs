//! Hugo's shortcodes on lines of their own (`{{< cards >}}`, `{{< card link="keeper"
//! title="Keeper" >}}`, `{{% notice %}}`): Hugo draws what they make, and import cannot read
//! it, so read as written they show as text.

/// `text` with each line that is only one Hugo shortcode tag made blank, but a card's or
/// link's title (`{{< card link="keeper" title="2. Keeper" >}}`), which becomes a list item
/// of its text without its outline number, `- Keeper`, as the cards list what they link to.
/// What lies between an opening tag and its closing one stays. Lines stay where they are; fenced code is left
/// alone. Returns the text and the 1-based number of the first line changed, or `None` when
/// no line is.
pub fn hugo_shortcodes(text: &str) -> Option<(String, usize)> {
    if !text.contains("{{<") && !text.contains("{{%") {
        return None;
    }
    super::rewrite_lines(text, |line| {
        let t = line.trim();
        let tag = t
            .strip_prefix("{{<")
            .and_then(|t| t.strip_suffix(">}}"))
            .or_else(|| t.strip_prefix("{{%").and_then(|t| t.strip_suffix("%}}")))?;
        // One tag: not `{{< a >}} text {{< /a >}}`.
        if tag.contains("}}") || tag.contains("{{") {
            return None;
        }
        let end = &line[line.trim_end_matches(['\n', '\r']).len()..];
        let name = tag.split_whitespace().next().unwrap_or("");
        let title = attribute(tag, "title").filter(|_| name.contains("card") || name == "link");
        Some(match title {
            // `title="1. Deckhand"`: numbered as a list would be.
            Some(title) => format!(
                "- {}{end}",
                crate::import::titles::without_outline_number(title)
            ),
            None => end.to_string(),
        })
    })
}

/// The value of `name="…"` (or `name='…'`) among a shortcode's attributes.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if before.is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        let Some(value) = after.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value = &value[1..];
        return value.find(quote).map(|end| value[..end].trim());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::hugo_shortcodes;

    #[test]
    fn shortcodes_alone_on_their_lines_are_left_out_and_cards_keep_their_titles() {
        let text = "Intro.\n\n{{< cards >}}\n  {{< card link=\"keeper\" title=\"2. Keeper\" >}}\n{{< /cards >}}\n{{% notice info %}}\nKept.\n{{% /notice %}}\nA {{< b >}} inline {{< /b >}} tag.\n```\n{{< cards >}}\n```\n";
        let (out, first) = hugo_shortcodes(text).unwrap();
        assert_eq!(
            out,
            "Intro.\n\n\n- Keeper\n\n\nKept.\n\nA {{< b >}} inline {{< /b >}} tag.\n```\n{{< cards >}}\n```\n"
        );
        assert_eq!(first, 3);
        assert!(hugo_shortcodes("No tags {{ here }}.\n").is_none());
    }
}
