//! A level's text read as expectations and notes: list items are expectations, paragraphs
//! are when there is no list, and everything else is a note.

use crate::import::model::{CellBlock, Md};
use crate::import::outline::*;

/// The expectations and notes of a run of blocks: list items are expectations; when there
/// is no list, each paragraph is one; everything else is a note.
pub(in crate::import) fn cell_blocks(d: &Doc, blocks: &[usize]) -> Vec<CellBlock> {
    let text = &d.src.text;
    let has_items = blocks
        .iter()
        .any(|&b| !d.blocks[b].region && matches!(d.blocks[b].kind, Kind::List { .. }));
    let mut out: Vec<CellBlock> = Vec::new();
    let mut i = 0;
    // Trailing thematic breaks only separate sections.
    let mut last = blocks.len();
    while last > 0 && matches!(d.blocks[blocks[last - 1]].kind, Kind::Rule) {
        last -= 1;
    }
    let blocks = &blocks[..last];
    // Among paragraphs that are expectations, one set wholly in emphasis frames them (`_At
    // this point, a person is mastering …_`, `__Experience: 5 years.__`): a note, as it is
    // beside a list.
    let para_text = |b: usize| span(d.src, d.index, d.blocks[b].start, d.blocks[b].end);
    let framing = |md: &Md| wholly_emphasised(md.text.trim());
    let plain_paras = blocks
        .iter()
        .filter(|&&b| matches!(d.blocks[b].kind, Kind::Para { .. }) && !d.blocks[b].region)
        .filter_map(|&b| para_text(b))
        .filter(|md| !framing(md))
        .count();
    while i < blocks.len() {
        let b = &d.blocks[blocks[i]];
        if b.region {
            let mut j = i;
            while j + 1 < blocks.len()
                && d.blocks[blocks[j + 1]].region
                && blocks[j + 1] == blocks[j] + 1
            {
                j += 1;
            }
            if let Some(mut md) = span(d.src, d.index, b.start, d.blocks[blocks[j]].end) {
                if contains_list(&md.text) {
                    md.text = quote(&md.text);
                }
                out.push(CellBlock {
                    md,
                    item: false,
                    tight: false,
                });
            }
            i = j + 1;
            continue;
        }
        match &b.kind {
            Kind::List { items } => {
                for (k, it) in items.iter().enumerate() {
                    let md = Md {
                        text: item_text(text, it.start, it.end),
                        doc: d.index,
                        line: d.src.line(it.start),
                    };
                    let tight = items
                        .get(k + 1)
                        .is_some_and(|next| !has_blank_before(text, next.start));
                    out.push(CellBlock {
                        md,
                        item: true,
                        tight,
                    });
                }
            }
            Kind::Para { .. } if !has_items => {
                if let Some(md) = span(d.src, d.index, b.start, b.end) {
                    if plain_paras >= 2 && framing(&md) {
                        out.push(CellBlock {
                            md,
                            item: false,
                            tight: false,
                        });
                        i += 1;
                        continue;
                    }
                    out.push(CellBlock {
                        md: Md {
                            text: para_item(&md.text),
                            ..md
                        },
                        item: true,
                        tight: true,
                    });
                }
            }
            _ => {
                if let Some(md) = span(d.src, d.index, b.start, b.end) {
                    out.push(CellBlock {
                        md,
                        item: false,
                        tight: false,
                    });
                }
            }
        }
        i += 1;
    }
    if let Some(last) = out.iter_mut().rev().find(|b| b.item) {
        last.tight = false;
    }
    out
}
