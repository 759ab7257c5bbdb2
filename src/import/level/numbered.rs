//! Levels whose pillars are bold-named list items (`- **Testing:** …` over its own items),
//! and ladders written the other way round whose items' names tag them with a level
//! (`- **a. Snr:** …`): each named item a cell.

use super::*;

/// Shape `Numbered`: each bold-named item of the pillar lists is a cell; an unnamed item
/// is an expectation of the pillar before it.
pub(super) fn numbered_cells(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    first: usize,
    level: &mut Level,
    rest: &mut Rest,
) {
    let sec = &d.secs[s];
    let lists = pillar_lists(d, s, first);
    rest.description
        .extend(sec.own.iter().filter(|b| !lists.contains(b)));
    let items = lists.iter().flat_map(|&lb| match &d.blocks[lb].kind {
        Kind::List { items } => items.as_slice(),
        _ => &[],
    });
    let text = &d.src.text;
    let first_cell = level.cells.len();
    // Items with no name beside named items whose own items nest under them: the section's
    // own expectations (`## Responsibilities` / `- Testing:` over its list / `- Keep up with
    // …`), in a pillar titled by the section.
    let mut own: Option<Cell> = None;
    let mut nests = false;
    let tags = level_tags(d);
    for it in items {
        if it.label.is_none() {
            let block = CellBlock {
                md: Md {
                    text: item_text(text, it.start, it.end),
                    doc: d.index,
                    line: d.src.line(it.start),
                },
                item: true,
                tight: !has_blank_before(text, it.end),
            };
            // Under a name whose items do not nest (its indent too shallow), the item is an
            // expectation of that pillar.
            match level.cells[first_cell..].last_mut() {
                Some(cell) if !nests => cell.blocks.push(block),
                Some(_) => own
                    .get_or_insert_with(|| Cell {
                        // Not the level's own title, when the items are under it.
                        pillar_title: Some(heading_text(d, s))
                            .filter(|t| sec.heading.is_some() && !level_like(t))
                            .unwrap_or_else(|| PLAIN_PILLAR.to_string()),
                        pillar_at: d.src.loc(md_start(d, s)),
                        pillar_id: None,
                        pillar_key: None,
                        pillar_description: Vec::new(),
                        blocks: Vec::new(),
                        pillar: 0,
                    })
                    .blocks
                    .push(block),
                None => {}
            }
            continue;
        }
        if let Some(pay) = pay_item(ladder, d, it) {
            rest.description_parts.push(pay);
            continue;
        }
        nests = !it.nested_lists.is_empty();
        let tag = tags && it.label.as_deref().and_then(level_tag).is_some();
        level.cells.push(numbered_cell(ladder, d, it, tag));
    }
    level.cells.extend(own);
    for cell in &mut level.cells[first_cell..] {
        if let Some(last) = cell.blocks.iter_mut().rev().find(|b| b.item) {
            last.tight = false;
        }
    }
    rest.extra_sections.extend(&sec.children);
}

/// Whether a list of `d` names a level (`Snr`, `L3`) in two or more of its items' labels
/// (`- **a. Snr:** …`, `- **b. Snr:** …`): a ladder written the other way round whose labels
/// tag each item with its level, so that an item with such a label is one entry of its own
/// (its nested items under it), not a pillar whose lead-in introduces the items under it.
/// Found once per page: every level section of it asks.
fn level_tags(d: &Doc) -> bool {
    *d.level_tags.get_or_init(|| {
        d.blocks.iter().any(|b| {
            let Kind::List { items } = &b.kind else {
                return false;
            };
            let mut seen: HashMap<String, usize> = HashMap::new();
            for key in items
                .iter()
                .filter_map(|it| it.label.as_deref().and_then(level_tag))
            {
                *seen.entry(key).or_default() += 1;
            }
            seen.values().any(|&n| n > 1)
        })
    })
}

/// The key of a label that names a level, as compared with the others of its list: without
/// the letter or number that orders it, and of a span (`Mid → Snr`, `L2 → L3`, `Mid/Snr`)
/// its first part (`a. Snr` → `snr`, `c. Mid → Snr` → `mid`, `c. L2 → L3` → `l2`). Whether
/// the part names a level is read as written, where codes keep their capitals. `None` for a
/// label that names no level (`a. Timing`).
fn level_tag(label: &str) -> Option<String> {
    let label = crate::import::titles::without_ordinal(label);
    let first = crate::import::titles::span_parts(label)[0];
    level_like(first).then(|| ids::title_key(first))
}

/// The cell of a bold-named item: its nested items are expectations, the rest a note. A
/// `tag` (a name other items of the list share) names the item as one entry: the item is
/// one expectation, with its nested items under it (see [`level_tags`]).
fn numbered_cell(ladder: &mut Ladder, d: &Doc, it: &Item, tag: bool) -> Cell {
    let text = &d.src.text;
    if it.only {
        ladder.pillar_names += 1;
    }
    split_label(ladder, d, it.label.as_deref(), it.start, it.rest);
    let mut blocks = Vec::new();
    // A lead-in after the label (`Requirements (any one of these):`) introduces the items;
    // with no items under it (`- Timing: Gets plates out on time.`), the item without its
    // label is the cell's one expectation.
    let lead = text[it.rest.min(it.first_end)..it.first_end].trim();
    let whole = !lead.is_empty() && (it.nested.is_empty() || tag);
    if whole {
        let md = Md {
            text: item_text(text, it.start, it.end),
            doc: d.index,
            line: d.src.line(it.start),
        };
        blocks.extend(bullets::unlabelled(d, it, &md));
    } else if !lead.is_empty() {
        blocks.push(CellBlock {
            md: Md {
                text: lead.to_string(),
                doc: d.index,
                line: d.src.line(it.rest),
            },
            item: false,
            tight: false,
        });
    }
    for (k, n) in it.nested.iter().enumerate().filter(|_| !whole) {
        let md = Md {
            text: item_text(text, n.0, n.1),
            doc: d.index,
            line: d.src.line(n.0),
        };
        let tight = it
            .nested
            .get(k + 1)
            .is_some_and(|next| !has_blank_before(text, next.0));
        blocks.push(CellBlock {
            md,
            item: true,
            tight,
        });
    }
    let note = if whole {
        String::new()
    } else {
        item_note(text, it)
    };
    if !note.is_empty() {
        blocks.push(CellBlock {
            md: Md {
                text: note,
                doc: d.index,
                line: d.src.line(it.start),
            },
            item: false,
            tight: false,
        });
    }
    if let Some(last) = blocks.iter_mut().rev().find(|b| b.item) {
        last.tight = false;
    }
    Cell {
        pillar_title: it.label.clone().unwrap_or_default(),
        pillar_at: d.src.loc(it.start),
        pillar_id: None,
        pillar_key: None,
        pillar_description: Vec::new(),
        blocks,
        pillar: 0,
    }
}

/// What else a bold-named item says after its lead-in (paragraphs between and after its
/// nested lists): one note, paragraphs apart; empty when it says nothing else.
fn item_note(text: &str, it: &Item) -> String {
    let mut note = String::new();
    let mut pos = it.first_end;
    for l in &it.nested_lists {
        let chunk = dedent(&text[pos.min(l.0)..l.0]);
        if !chunk.trim().is_empty() {
            if !note.is_empty() {
                note.push_str("\n\n");
            }
            note.push_str(chunk.trim());
        }
        pos = l.1;
    }
    let chunk = dedent(&text[pos.min(it.end)..it.end]);
    if !chunk.trim().is_empty() {
        if !note.is_empty() {
            note.push_str("\n\n");
        }
        note.push_str(chunk.trim());
    }
    note
}
