//! Headings that name a promotion step (`SWE-1 → SWE-2: Junior I → Junior II`) and the
//! level each leads to.

use super::{clean_title, parse_code, parse_level_title, title_key, LevelTitle};

/// Arrows that write a promotion step (`SWE-1 → SWE-2`).
const ARROWS: &[&str] = &["→", "->", "⟶", "➔", "➜", "⇒", "=>"];

/// The level a promotion-step title leads to, or `None` for a title with no arrow: each part
/// of `SWE-1 → SWE-2: Junior I → Junior II` (split at the first colon) keeps what follows its
/// last arrow, `SWE-2: Junior II`; `Junior → Mid-level` gives `Mid-level`. A step's section
/// lists what it takes to reach the level it leads to, so its expectations are that level's.
pub(super) fn promotion_target(title: &str, strict: bool) -> Option<String> {
    // A step named twice, the second in a parenthesis (`Entry → Mid (Associate →
    // Specialist)`): the step to `Mid`, titled `Mid (Specialist)`.
    let trimmed = title.trim_end();
    if let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) {
        let inner = &trimmed[open + 1..trimmed.len() - 1];
        if ARROWS.iter().any(|a| inner.contains(a)) {
            let outer = promotion_target(title[..open].trim_end(), strict)?;
            let last = ARROWS
                .iter()
                .filter_map(|a| inner.rfind(a).map(|at| at + a.len()))
                .max()
                .map_or(inner, |at| &inner[at..]);
            let also = promotion_target(inner, strict).unwrap_or_else(|| last.trim().to_string());
            // A code leads, with the name as its title (`L3 → L4 (Engineer → Senior
            // Engineer)`: `L4: Senior Engineer`); a name, with the other in brackets.
            return Some(match also.as_str() {
                "" => outer,
                _ if parse_code(&outer).is_some() => format!("{outer}: {also}"),
                _ => format!("{outer} ({also})"),
            });
        }
    }
    // Both sides name a level, by a code, a number or a role word (`from questions ->
    // answers` in a title is a phrase), unless the codes before the colon made it a step,
    // or the title is `strict` no more (see [`parse_step_title`]).
    let after_arrow = |part: &str, strict: bool| -> Option<String> {
        let (at, arrow) = ARROWS
            .iter()
            .filter_map(|a| part.rfind(a).map(|at| (at, a.len())))
            .max()?;
        let rest = part[at + arrow..].trim();
        let before = part[..at].trim();
        let before = ARROWS
            .iter()
            .filter_map(|a| before.rfind(a).map(|i| i + a.len()))
            .max()
            .map_or(before, |i| before[i..].trim());
        let names = |t: &str| !t.is_empty() && (!strict || crate::import::titles::names_role(t));
        (names(before) && names(rest)).then(|| rest.to_string())
    };
    match title.split_once(':') {
        Some((head, tail)) => {
            let h = after_arrow(head, strict);
            let t = after_arrow(tail, strict && h.is_none());
            if h.is_none() && t.is_none() {
                return None;
            }
            let h = h.unwrap_or_else(|| head.trim().to_string());
            let t = t.unwrap_or_else(|| tail.trim().to_string());
            Some(if t.is_empty() { h } else { format!("{h}: {t}") })
        }
        None => after_arrow(title, strict),
    }
}

/// A level heading read as the promotion step it names whatever words name the levels on
/// either side of its arrow (`Moving from Dough Hand → Oven Keeper`), as [`parse_level_title`]
/// reads one whose sides name roles: for a heading beside steps of its track. `None` for a
/// heading that is not one arrow between two names, with no colon (`Stage Manager: from
/// chaos → order` names its level before the colon).
pub(in crate::import) fn parse_step_title(heading: &str) -> Option<LevelTitle> {
    let written = clean_title(heading);
    if written.contains(':') {
        return None;
    }
    let target = promotion_target(&written, false)?;
    let mut t = parse_level_title(&target);
    t.step = Some(written);
    Some(t)
}

/// The names either side of a heading's last arrow (`Moving from Deckhand → Lamp Keeper`:
/// `deckhand`, `lamp keeper`), as [`title_key`]s, the words that open a step (`moving
/// from`, `progressing from`, `from`) left out; `None` without an arrow.
pub(in crate::import) fn step_sides(heading: &str) -> Option<(String, String)> {
    let written = clean_title(heading);
    let (at, arrow) = ARROWS
        .iter()
        .filter_map(|a| written.rfind(a).map(|at| (at, a.len())))
        .max()?;
    let before = title_key(&written[..at]);
    let from = before
        .split_once("from ")
        .map_or(before.as_str(), |(_, f)| f)
        .trim()
        .to_string();
    Some((from, title_key(&written[at + arrow..]).trim().to_string()))
}
