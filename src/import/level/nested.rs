//! Levels whose pillars sit deeper than their own sub-headings (`# L1` / `### Responsibilities`
//! / `#### Impact`), and the cells of such pillars: with a step heading over their list, or
//! written as fields about a competency.

use super::*;

/// Shape `Nested`: pillars are headings some levels below the level's, and the headings
/// between group them.
pub(super) fn nested_cells(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    level: &mut Level,
    file: FileRef,
    rest: &mut Rest,
) {
    let sec = &d.secs[s];
    rest.description.extend(&sec.own);
    let (pillars, about) = nested_pillars(d, s);
    // The headings between the level and its pillars (`### Responsibilities`) group
    // pillars: their own text describes the level.
    let mut stack: Vec<usize> = sec.children.clone();
    while let Some(c) = stack.pop() {
        if about.contains(&c) {
            continue;
        }
        if pillars.contains(&c) {
            if subtitle(d, c).is_none() {
                stack.extend(&d.secs[c].children);
            }
            continue;
        }
        rest.description.extend(&d.secs[c].own);
        let target = Target {
            file,
            anchor: Anchor::None,
        };
        set_heading(ladder, d, c, target);
        stack.extend(&d.secs[c].children);
    }
    for &c in &pillars {
        let cell_index = level.cells.len();
        let target = Target {
            file,
            anchor: Anchor::Cell(cell_index),
        };
        set_heading(ladder, d, c, target);
        let cell = match split_fields(d, c) {
            Some((field, about)) => field_cell(ladder, d, c, &field, &about),
            None => Cell {
                pillar_title: heading_text(d, c),
                pillar_at: d.src.loc(md_start(d, c)),
                pillar_id: None,
                pillar_key: None,
                pillar_description: Vec::new(),
                blocks: subtitled_blocks(d, c),
                pillar: 0,
            },
        };
        level.cells.push(cell);
    }
    // A level titled without its code (`# Senior Software Engineer`) takes the one its
    // competencies' fields give (`**Level 3 Attainment:**`).
    if level.code.is_none() {
        let mut codes = pillars
            .iter()
            .filter_map(|&c| level_field(d, c))
            .map(|(c, _)| c);
        if let Some((code, number)) = codes.next() {
            level.number = Some(number);
            level.code = Some(code);
        }
    }
    for &a in &about {
        ladder.guess(
            GuessKind::Description,
            d.src.loc(md_start(d, a)),
            format!(
                "`{}` describes the level rather than naming a competency: kept in the level's description",
                ids::clean_title(&heading_text(d, a))
            ),
        );
    }
    rest.extra_sections.extend(about);
}

/// The cell of competency section `c` written as fields (see [`level_field`]): the level's
/// field (`**Level 3 Attainment:**` and what follows it) holds the expectations; the other
/// fields (`**Overall Description:**`, `**Guidance Notes:**`) describe the pillar.
fn field_cell(ladder: &mut Ladder, d: &Doc, c: usize, field: &[usize], about: &[usize]) -> Cell {
    let mut description = Vec::new();
    let mut groups = label_groups(ladder, d, field, &mut description);
    let mut cell = match groups.pop() {
        Some(group) => label_cell(d, group),
        None => label_cell(
            d,
            (String::new(), d.blocks[field[0]].start, Vec::new(), None),
        ),
    };
    cell.pillar_title = heading_text(d, c);
    cell.pillar_at = d.src.loc(md_start(d, c));
    cell.pillar_description = blocks_md(d, about);
    cell
}

/// The expectations and notes of pillar section `c`; under a [`subtitle`], that sub-section's,
/// after its title as a note whose label is in bold (`**Evangelizes:** introduces …`).
fn subtitled_blocks(d: &Doc, c: usize) -> Vec<CellBlock> {
    let Some(g) = subtitle(d, c) else {
        return cell_blocks(d, &d.secs[c].own);
    };
    // The heading's Markdown as written (its links and emphasis, its quotes unchanged).
    let h = d.secs[g].heading.map(|h| &d.blocks[h]);
    let raw = h.map_or("", |h| d.src.text[h.start..h.end].trim());
    let title = raw.trim_start_matches('#').trim_end_matches('#').trim();
    let text = match title.split_once(':') {
        Some((label, line)) => format!("**{}:** {}", label.trim(), line.trim()),
        None => format!("**{title}**"),
    };
    let note = CellBlock {
        md: Md {
            text,
            doc: d.index,
            line: d.src.loc(md_start(d, g)).line,
        },
        item: false,
        tight: false,
    };
    std::iter::once(note)
        .chain(cell_blocks(d, &d.secs[g].own))
        .collect()
}
