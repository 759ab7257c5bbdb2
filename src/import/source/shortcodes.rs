//! Hugo's layout shortcodes on lines of their own (`{{< cards >}}`, `{{< card link="keeper"
//! title="Keeper" >}}`, `{{< hero-headline >}}`): Hugo draws what they make, which import
//! cannot read, so read as written they show as text.

/// Shortcodes that only lay out a page, by name (`hextra/hero-headline` by its last part):
/// a line that is only one of their tags says nothing to keep. Shortcodes that carry text
/// (`{{< details title="Why" >}}`, a `figure`'s caption) are left as they are written.
const LAYOUT: &[&str] = &[
    "cards", "card", "columns", "column", "button", "toc", "icon", "br", "badge", "hero",
];

/// `text` with each line that is only one tag of a layout shortcode (see [`LAYOUT`]; also
/// any whose name starts `hero-`) made blank, but a card's, which keeps its title as a line
/// of text (`{{< card link="keeper" title="2. Keeper" >}}`: `Keeper`, a paragraph with the
/// cards beside it, not a list whose items would be expectations): what lies between an
/// opening tag and its closing one stays. Lines stay where they are; fenced code is left alone. Returns the
/// text and the 1-based number of the first line changed, or `None` when no line is.
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
        let name = tag.split_whitespace().next().unwrap_or("");
        let name = name.trim_start_matches('/');
        let name = name.rsplit('/').next().unwrap_or(name);
        let end = super::line_end(line);
        if !(LAYOUT.contains(&name) || name.starts_with("hero-")) {
            return None;
        }
        // A card says what it leads to: its title stays, as a line of text.
        Some(match attribute(tag, "title").filter(|_| name == "card") {
            Some(title) => format!(
                "{}{end}",
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
    fn layout_shortcodes_alone_on_their_lines_are_left_out() {
        let text = "Intro.\n\n{{< cards >}}\n  {{< card link=\"keeper\" title=\"2. Keeper\" >}}\n{{< /cards >}}\n{{< hextra/hero-headline >}}\nKept.\n{{< /hextra/hero-headline >}}\n{{< details title=\"Why\" >}}\nA {{< b >}} inline {{< /b >}} tag.\n```\n{{< cards >}}\n```\n";
        let (out, first) = hugo_shortcodes(text).unwrap();
        assert_eq!(
            out,
            "Intro.\n\n\nKeeper\n\n\nKept.\n\n{{< details title=\"Why\" >}}\nA {{< b >}} inline {{< /b >}} tag.\n```\n{{< cards >}}\n```\n"
        );
        assert_eq!(first, 3);
        assert!(hugo_shortcodes("No tags {{ here }}.\n").is_none());
    }
}
