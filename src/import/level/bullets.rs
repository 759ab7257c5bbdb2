//! Levels whose bullets each open with a label (`- **Delivery:** …`): the bullets wait in
//! the level to be matched to pillars by label across levels, each with its text without the
//! label for when the label turns out to be the pillar.

use super::*;

/// Shape `Bullets`: the items of list `lb` wait in `level.pending` to be matched to
/// pillars by label across levels. `false` when `lb` is not a list, and the level is left
/// as it is.
pub(super) fn pending(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    lb: usize,
    level: &mut Level,
    rest: &mut Rest,
) -> bool {
    let sec = &d.secs[s];
    rest.description
        .extend(sec.own.iter().filter(|&&b| b != lb));
    let Kind::List { items } = &d.blocks[lb].kind else {
        return false;
    };
    let text = &d.src.text;
    for (k, it) in items.iter().enumerate() {
        let md = Md {
            text: item_text(text, it.start, it.end),
            doc: d.index,
            line: d.src.line(it.start),
        };
        if let Some(pay) = pay_item(ladder, d, it) {
            rest.description_parts.push(pay);
            continue;
        }
        level.pending.push(Labeled {
            label: it.label.clone().unwrap_or_default(),
            position: k,
            unlabelled: unlabelled(d, it, &md),
            block: CellBlock {
                md,
                item: true,
                tight: false,
            },
            at: d.src.loc(it.start),
        });
    }
    rest.extra_sections.extend(&sec.children);
    true
}

/// Labelled item `it` (its text as an item, `md`) without its label (see
/// [`Labeled::unlabelled`]): the first line with the label cut out, or, when the label is all
/// the item's first paragraph says, its nested items; empty when neither holds text.
pub(super) fn unlabelled(d: &Doc, it: &Item, md: &Md) -> Vec<CellBlock> {
    let text = &d.src.text;
    let start = it.start + text[it.start..].len() - text[it.start..].trim_start().len();
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let marker = text[start..line_end]
        .find(|c: char| c.is_whitespace())
        .map(|m| {
            m + text[start + m..line_end].len() - text[start + m..line_end].trim_start().len()
        });
    // What joins the label to its text (`Impact ➡ Team: …`, `Impact - …`) goes with the
    // label; a sign that is part of the text (`-10% errors`) stays.
    let mut after = text.get(it.rest..line_end).unwrap_or("").trim();
    while let Some(rest) = ["➡", "→", "->", "-", "–", "—", ":"]
        .iter()
        .find_map(|j| after.strip_prefix(j).filter(|r| r.starts_with(' ')))
    {
        after = rest.trim_start();
    }
    match marker {
        Some(m)
            if it.label.is_some() && (start..=line_end).contains(&it.rest) && !after.is_empty() =>
        {
            let (first, tail) = md
                .text
                .split_once('\n')
                .map_or((md.text.as_str(), None), |(f, t)| (f, Some(t)));
            // A flag in the label (`**c. [NEW] Mid:**`, a proposed addition) says something
            // of the expectation: it stays at the start of its text.
            let flags = bracket_tags(text.get(it.start..it.rest).unwrap_or(""));
            let flags = if flags.is_empty() {
                flags
            } else {
                format!("{flags} ")
            };
            let mut out = format!("{}{flags}{after}", first.get(..m).unwrap_or("- "));
            if let Some(tail) = tail {
                out.push('\n');
                out.push_str(tail);
            }
            vec![CellBlock {
                md: Md {
                    text: out,
                    ..md.clone()
                },
                item: true,
                tight: false,
            }]
        }
        _ if it.label.is_some() && it.only => {
            let n = it.nested.len();
            it.nested
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| CellBlock {
                    md: Md {
                        text: item_text(text, s, e),
                        doc: d.index,
                        line: d.src.line(s),
                    },
                    item: true,
                    tight: i + 1 < n,
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The flags in brackets of a label as written (`**c. [NEW] Mid:**` → `\[NEW\]`),
/// escaped so that Markdown keeps the brackets as text; empty when it has none.
fn bracket_tags(label: &str) -> String {
    let mut out = Vec::new();
    let mut rest = label;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let inner = rest[open + 1..open + close].trim();
        // A flag the label's reading leaves out of its name.
        if crate::import::outline::flag(inner) {
            out.push(format!("\\[{inner}\\]"));
        }
        rest = &rest[open + close + 1..];
    }
    out.join(" ")
}
