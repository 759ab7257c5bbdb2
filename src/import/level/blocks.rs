//! A level's text read as expectations and notes: list items are expectations, paragraphs
//! are when there is no list (or when each list only spells out the paragraph over it), and
//! everything else is a note.

use crate::import::model::{CellBlock, Md};
use crate::import::outline::*;

/// The expectations and notes of a run of blocks: list items are expectations; when there
/// is no list, each paragraph is one; when each list only spells out the paragraph over it
/// (see [`lead_in_lists`]), each paragraph is one, holding that list; everything else is a
/// note.
pub(in crate::import) fn cell_blocks(d: &Doc, blocks: &[usize]) -> Vec<CellBlock> {
    let text = &d.src.text;
    let lead_ins = lead_in_lists(d, blocks);
    let has_items = lead_ins.is_empty()
        && blocks
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
    // A long sentence wholly in bold is an expectation still: Mercari's grades set in bold
    // what each grade adds.
    let framing = |md: &Md| {
        let t = md.text.trim();
        let bold_sentence = (t.starts_with("**") || t.starts_with("__"))
            && !t.contains([':', '：'])
            && crate::import::language::words(t) >= 12;
        wholly_emphasised(t) && !bold_sentence
    };
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
            Kind::Para { .. } if lead_ins.contains(&i) => {
                let Kind::List { items } = &d.blocks[blocks[i + 1]].kind else {
                    unreachable!("lead_in_at is true only over a list")
                };
                if let Some(md) = span(d.src, d.index, b.start, b.end) {
                    let mut item = para_item(&md.text);
                    for it in items {
                        for line in item_text(text, it.start, it.end).split('\n') {
                            item.push_str("\n  ");
                            item.push_str(line);
                        }
                    }
                    out.push(CellBlock {
                        md: Md { text: item, ..md },
                        item: true,
                        tight: true,
                    });
                }
                i += 2;
                continue;
            }
            // A list under a label that says it is what the level does not do (`**Anti-
            // patterns:**`), beside lists that are its expectations: a note, quoted so that
            // it is not read back as items.
            Kind::List { .. } if i > 0 && counter_list(d, blocks, i) => {
                if let Some(md) = span(d.src, d.index, b.start, b.end) {
                    out.push(CellBlock {
                        md: Md {
                            text: quote(&md.text),
                            ..md
                        },
                        item: false,
                        tight: false,
                    });
                }
            }
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
                    // After one paragraph only a labelled line frames it (`_Next step:
                    // Baker_`); a sentence in emphasis is an expectation still.
                    let labelled = md.text.contains([':', '：']);
                    if framing(&md) && (plain_paras >= 2 || plain_paras == 1 && labelled) {
                        out.push(CellBlock {
                            md,
                            item: false,
                            tight: false,
                        });
                        i += 1;
                        continue;
                    }
                    // A paragraph a sentence per line is an expectation per line.
                    let parts: Vec<&str> = if sentence_lines(&md.text) {
                        md.text.lines().collect()
                    } else {
                        vec![md.text.as_str()]
                    };
                    for (k, part) in parts.into_iter().enumerate() {
                        out.push(CellBlock {
                            md: Md {
                                text: para_item(part),
                                doc: md.doc,
                                line: md.line + k,
                            },
                            item: true,
                            tight: true,
                        });
                    }
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

/// Whether block `blocks[i]`, a list, is under a label that says it lists what the level does
/// not do ([`crate::import::titles::counter_examples`]), in a run of blocks with another list
/// that is not.
fn counter_list(d: &Doc, blocks: &[usize], i: usize) -> bool {
    let under = |i: usize| {
        i > 0 && {
            let p = &d.blocks[blocks[i - 1]];
            matches!(p.kind, Kind::Para { .. })
                && d.src.text.get(p.start..p.end).is_some_and(|t| {
                    let t = t
                        .trim()
                        .trim_matches(['*', '_'])
                        .trim_end_matches([':', '*', '_']);
                    t.lines().count() == 1 && crate::import::titles::counter_examples(t)
                })
        }
    };
    under(i)
        && (0..blocks.len())
            .any(|j| j != i && matches!(d.blocks[blocks[j]].kind, Kind::List { .. }) && !under(j))
}

/// Whether block `blocks[i]` is a paragraph that a list spells out: a sentence (three words
/// or more) ending in a colon, directly over a list whose items are, at least half of them,
/// names of three words or fewer (`Knows the types of requirements:` over `- Business`,
/// `- Functional`).
fn lead_in_at(d: &Doc, blocks: &[usize], i: usize) -> bool {
    let (Some(&b), Some(&next)) = (blocks.get(i), blocks.get(i + 1)) else {
        return false;
    };
    let (para, list) = (&d.blocks[b], &d.blocks[next]);
    let Kind::List { items } = &list.kind else {
        return false;
    };
    if para.region || list.region || !matches!(para.kind, Kind::Para { .. }) {
        return false;
    }
    let Some(md) = span(d.src, d.index, para.start, para.end) else {
        return false;
    };
    let lead = md.text.trim();
    let short = items
        .iter()
        .filter(|it| {
            item_first_line(&d.src.text, it.start, it.end)
                .split_whitespace()
                .count()
                <= 3
        })
        .count();
    // A frame addressed to the reader (`At this level you will:`, `Responsibilities include
    // the following:`) introduces the level's expectations, however short.
    let frame = lead
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ["you", "your", "following"].contains(&w.to_lowercase().as_str()));
    lead.ends_with([':', '：'])
        && lead.split_whitespace().count() >= 3
        && !frame
        && 2 * short >= items.len()
}

/// Whether a level's text is written as paragraphs, each list only spelling out the
/// paragraph over it (see [`lead_in_at`]), as Infopulse's BA skill matrix writes it
/// (`Knows the types of requirements:` over `- Business`, `- Functional`, then `Can give an
/// example of each type.`): the paragraphs are the expectations, and the items, read apart,
/// would be names without a verb. Every list must have such a paragraph over it, and some
/// sentence of four words or more must stand without a list; one introduced list alone, or
/// introduced to the reader (`At this level you will:` over what the level does, then how
/// long people stay), is a list of expectations, as before. Returns where in `blocks` each
/// such paragraph is, or nothing when the level is not written so.
fn lead_in_lists(d: &Doc, blocks: &[usize]) -> Vec<usize> {
    let mut lists = Vec::new();
    let mut alone = 0;
    let mut i = 0;
    while i < blocks.len() {
        let b = &d.blocks[blocks[i]];
        if lead_in_at(d, blocks, i) {
            lists.push(i);
            i += 2;
            continue;
        }
        match b.kind {
            _ if b.region => {}
            Kind::List { .. } => return Vec::new(),
            Kind::Para { .. } => {
                // Each sentence of a paragraph written a sentence per line counts.
                if let Some(md) = span(d.src, d.index, b.start, b.end)
                    .filter(|md| !wholly_emphasised(md.text.trim()))
                {
                    if sentence_lines(&md.text) {
                        alone += md.text.lines().count();
                    } else if md.text.split_whitespace().count() >= 4 {
                        alone += 1;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    if alone > 0 {
        lists
    } else {
        Vec::new()
    }
}

/// Whether a paragraph is a sentence per line, each line opening with a capital letter and
/// ending in a full stop (`Can ask questions that clear up a doubt.` over `Can take the
/// minutes of a meeting.`): a list written without its markers, whose lines are each an
/// expectation. Prose wrapped at a width breaks lines inside sentences; prose written a
/// sentence per line has sentences that lean on the one before.
fn sentence_lines(text: &str) -> bool {
    // A sentence that leans on the one before (`This usually means …`, `However, …`) is prose
    // written a sentence per line (semantic line breaks), not a list.
    const LEANING: &[&str] = &[
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "they",
        "their",
        "there",
        "such",
        "however",
        "also",
        "and",
        "but",
        "so",
        "then",
        "which",
        "otherwise",
        "instead",
        "for",
        "in",
        "as",
        "because",
        "therefore",
        "thus",
        "here",
        "he",
        "she",
        "we",
    ];
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines.len() >= 2
        && lines.iter().all(|l| {
            let first = l
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_lowercase();
            l.chars().next().is_some_and(char::is_uppercase)
                && l.ends_with(['.', '。'])
                && l.split_whitespace().count() >= 3
                && !LEANING.contains(&first.as_str())
        })
}
