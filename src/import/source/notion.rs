//! Pages exported from Notion: the page's properties, which Notion writes as plain
//! `Key: value` lines under the title (`Owner: Priya Raman`, `Status: Approved`), describe the
//! page in Notion, not the ladder.

use super::{line_end, rewrite_lines};

/// Keys of Notion's own page properties, lowercased; one of them marks a block of
/// `Key: value` lines as the page's properties.
const NOTION_KEYS: &[&str] = &[
    "owner",
    "created",
    "created by",
    "created time",
    "last edited",
    "last edited by",
    "last edited time",
    "status",
    "tags",
    "assignee",
    "verification",
];

/// `text` with the block of two or more `Key: value` lines right under its first `#`
/// heading made blank, where one key is Notion's (see [`NOTION_KEYS`]); the text and the
/// 1-based number of the first line blanked, or `None`.
pub fn notion_properties(text: &str) -> Option<(String, usize)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let title = lines.iter().position(|l| l.starts_with("# "))?;
    let first = (title + 1..lines.len()).find(|&i| !lines[i].trim().is_empty())?;
    let block: Vec<usize> = (first..lines.len())
        .take_while(|&i| property(lines[i]).is_some())
        .collect();
    let notion = block
        .iter()
        .any(|&i| property(lines[i]).is_some_and(|k| NOTION_KEYS.contains(&k.as_str())));
    if block.len() < 2 || !notion {
        return None;
    }
    let mut n = 0;
    rewrite_lines(text, |line| {
        n += 1;
        block.contains(&(n - 1)).then(|| line_end(line).to_string())
    })
}

/// The key of a `Key: value` line (a plain name of one to four words, then a value), lowercased.
fn property(line: &str) -> Option<String> {
    let (key, value) = line.trim_end().split_once(": ")?;
    let words = key.split_whitespace().count();
    let plain = key
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    (plain && (1..=4).contains(&words) && !value.trim().is_empty() && !key.starts_with(' '))
        .then(|| key.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notions_properties_under_the_title_are_left_out_and_other_lines_kept() {
        let page = "# Keeper Track\n\nOwner: Ana Silva\nLast edited time: March 4, 2025 3:12 PM\nStatus: Approved\n\nKeepers tend the light.\n";
        let (text, line) = notion_properties(page).unwrap();
        assert_eq!(line, 3);
        assert_eq!(text, "# Keeper Track\n\n\n\n\n\nKeepers tend the light.\n");
        // A level's attributes in the same form, with no key of Notion's, stay.
        let level = "# Keeper\n\nScope: One lighthouse\nReports to: The principal keeper\n";
        assert!(notion_properties(level).is_none());
        // One line is no block.
        assert!(notion_properties("# Keeper\n\nStatus: Draft\n\nText.\n").is_none());
    }
}
