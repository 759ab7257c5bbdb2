//! What a level says it takes to move on to the next one, written inside the level: whether a
//! lead-in names the level itself, and how such a line is written into its description.

use crate::import::ids;
use crate::import::model::{Level, Md};

/// A line of a level's description that says what it takes to move on (`Promotion to Level 2
/// requires:` over its list, `**Exit criteria — ready for L3 when able to …**`, see
/// [`crate::import::titles::moving_on`]) written as the heading it stands for (`## Promotion to
/// Level 2 requires`; `## Exit criteria` over `Ready for L3 when able to …`), as a section
/// titled so is written: the first paragraph of a level's description is its summary, which
/// such a line is not.
pub(super) fn moving_on_as_heading(md: &mut Md) {
    let text = md.text.trim();
    let (line, after) = text.split_once('\n').unwrap_or((text, ""));
    // Only a line of its own: a lead-in (ending with a colon) over nothing or its list, or a
    // line wholly in bold; not a sentence that runs on, a table's row or a list's item.
    let item = |l: &str| {
        let l = l.trim_start();
        l.starts_with("- ")
            || l.starts_with("* ")
            || l.starts_with("+ ")
            || l.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    };
    let bold = ["**", "__"]
        .iter()
        .find_map(|w| line.strip_prefix(w)?.strip_suffix(w));
    let lead_in = line.trim_end().ends_with(':') || bold.is_some_and(|b| b.ends_with(':'));
    if line.starts_with(['|', '#', '>']) || item(line) || !(lead_in || bold.is_some()) {
        return;
    }
    if !(after.trim().is_empty() || lead_in && item(after)) {
        return;
    }
    let inner = bold.unwrap_or(line).trim().trim_end_matches(':').trim_end();
    if inner.is_empty() || !crate::import::titles::moving_on(inner) {
        return;
    }
    // A sentence after a dash (`Exit criteria — ready for L3 when able to lead …`) is the one
    // thing the heading lists.
    let heading = match [" — ", " – ", " - "]
        .iter()
        .find_map(|dash| inner.split_once(dash))
        .filter(|(_, rest)| rest.split_whitespace().count() > 6 && after.trim().is_empty())
    {
        Some((head, rest)) => {
            let mut chars = rest.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            format!(
                "## {head}\n\n- {}{}",
                first.unwrap_or_default(),
                chars.as_str()
            )
        }
        None => format!("## {inner}"),
    };
    md.text = match after.trim() {
        "" => heading,
        rest => format!("{heading}\n\n{rest}"),
    };
}

/// Whether `text` names `level` by its code or title (`Promotion to Level 2 requires:` under
/// `Level 2`): what it asks is then that level's own, not the next one's.
pub(super) fn names_level(text: &str, level: &Level) -> bool {
    // The name after the opening, up to what it asks (`Promotion to Senior Librarian
    // requires:` names Senior Librarian, not Librarian).
    let k = ids::title_key(text);
    let target = [
        "promotion to ",
        "to reach ",
        "ready for ",
        "progression to ",
        "to progress to ",
        "to get to ",
        "to move to ",
        "to be promoted to ",
    ]
    .iter()
    .find_map(|o| k.strip_prefix(o))
    .map(|rest| {
        [
            " requires",
            " require",
            " when",
            " needs",
            " means",
            " you ",
            " a ",
        ]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .map_or(rest, |at| &rest[..at])
        .trim()
    });
    let Some(target) = target else {
        return false;
    };
    [level.code.as_deref(), Some(level.title.as_str())]
        .into_iter()
        .flatten()
        .map(ids::title_key)
        .any(|name| !name.is_empty() && (target == name || target == format!("level {name}")))
        || level
            .code
            .as_deref()
            .zip(level.number)
            .is_some_and(|(_, n)| target == format!("level {}", n.major))
}
