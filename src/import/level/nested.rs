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
    // pillars: their own text describes the level, under their heading.
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
        if let (Some(h), false) = (d.secs[c].heading, d.secs[c].own.is_empty()) {
            rest.description.push(h);
        }
        rest.description.extend(&d.secs[c].own);
        let target = Target {
            file,
            anchor: Anchor::None,
        };
        set_heading(ladder, d, c, target);
        stack.extend(&d.secs[c].children);
    }
    // Competencies written as fields about this level (SFIA's skills), when every pillar is;
    // a field about a level in one pillar among others (`**Level 5 readiness:**`) is a note.
    let codes: Vec<(String, ids::LevelNumber)> = pillars
        .iter()
        .filter_map(|&c| level_field(d, c))
        .map(|(code, _)| code)
        .collect();
    let fields = !pillars.is_empty() && codes.len() == pillars.len();
    for &c in &pillars {
        let cell_index = level.cells.len();
        let target = Target {
            file,
            anchor: Anchor::Cell(cell_index),
        };
        set_heading(ladder, d, c, target);
        let split = split_fields(d, c).filter(|_| fields);
        let cell = match split.and_then(|(field, about)| field_cell(ladder, d, c, &field, &about)) {
            Some(cell) => cell,
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
    // competencies' fields give (`**Level 3 Attainment:**`), when they agree.
    let agree = codes
        .windows(2)
        .all(|w| ids::code_key(&w[0].0) == ids::code_key(&w[1].0));
    if let (true, true, None, Some((code, number))) =
        (fields, agree, &level.code, codes.first().cloned())
    {
        level.number = Some(number);
        level.code = Some(code);
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
/// field (`**Level 3 Attainment:**` and what follows it, `field`, which opens with its label)
/// holds the expectations; the other fields (`about`: `**Overall Description:**`,
/// `**Guidance Notes:**`) describe the pillar. `None` when `field` is no labelled group.
fn field_cell(
    ladder: &mut Ladder,
    d: &Doc,
    c: usize,
    field: &[usize],
    about: &[usize],
) -> Option<Cell> {
    let mut before = Vec::new();
    let group = label_groups(ladder, d, field, &mut before)
        .into_iter()
        .next()?;
    let mut cell = label_cell(d, group);
    cell.pillar_title = heading_text(d, c);
    cell.pillar_at = d.src.loc(md_start(d, c));
    // One description per field, so that a second level's file adds only the fields the
    // first did not give.
    let mut fields: Vec<Vec<usize>> = Vec::new();
    for &b in about {
        match fields.last_mut() {
            Some(f) if !opens_label(&d.blocks[b].kind) => f.push(b),
            _ => fields.push(vec![b]),
        }
    }
    cell.pillar_description = fields.iter().flat_map(|f| blocks_md(d, f)).collect();
    Some(cell)
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
