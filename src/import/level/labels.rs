//! Pillars written as bold labels (`**Communication**: …`, `**Impact:**` over a list): the
//! groups a level's labels make, the labels that describe the level instead (how long people
//! stay, the role in more words), and the cell of each group.

use super::*;

/// A pillar read from bold labels: its label, where it starts, its blocks, and the text
/// after the label on the label's own line.
pub(super) type LabelGroup = (String, usize, Vec<usize>, Option<Md>);

/// Shape `Labels`: each bold `Label:` paragraph starts a pillar that runs to the next.
/// A list before the first label whose items each open with a label of their own (`- **Coding**:
/// …`, under a subtitle) gives a pillar per item, as the labelled paragraphs do.
pub(super) fn label_cells(
    ladder: &mut Ladder,
    d: &Doc,
    s: usize,
    level: &mut Level,
    rest: &mut Rest,
) {
    let sec = &d.secs[s];
    let mut before = Vec::new();
    let groups = label_groups(ladder, d, &sec.own, &mut before);
    for b in before {
        match &d.blocks[b].kind {
            Kind::List { items }
                if !d.blocks[b].region
                    && labelled_items(items)
                    && items.iter().all(|it| it.nested_lists.is_empty()) =>
            {
                for it in items {
                    let end = it.end.min(d.src.text.len());
                    let lead = Md {
                        text: d.src.text[it.rest.min(end)..end].trim().to_string(),
                        doc: d.index,
                        line: d.src.line(it.rest),
                    };
                    let label = it.label.clone().unwrap_or_default();
                    level
                        .cells
                        .push(label_cell(d, (label, it.start, Vec::new(), Some(lead))));
                }
            }
            _ => rest.description.push(b),
        }
    }
    for group in groups {
        level.cells.push(label_cell(d, group));
    }
    rest.extra_sections.extend(&sec.children);
}

/// Groups blocks `own` under the bold labels that start them; blocks before the first
/// label go to `description`, as does a picture after the last where every other label is
/// one line.
pub(super) fn label_groups(
    ladder: &mut Ladder,
    d: &Doc,
    own: &[usize],
    description: &mut Vec<usize>,
) -> Vec<LabelGroup> {
    let mut current: Option<LabelGroup> = None;
    let mut groups: Vec<LabelGroup> = Vec::new();
    // After a label or a line that says what it takes to move on (`**Exit criteria — ready
    // for L2 when able to:**`), the level's description, up to the next label.
    let mut moving_on = false;
    for &b in own {
        let line = || {
            let end = d.blocks[b].end.min(d.src.text.len());
            d.src.text.get(d.blocks[b].start..end).unwrap_or("").trim()
        };
        match &d.blocks[b].kind {
            Kind::Para {
                label: Some(l),
                colon: true,
                ..
            } if crate::import::titles::moving_on(l) => {
                if let Some(g) = current.take() {
                    groups.push(g);
                }
                description.push(b);
                moving_on = true;
            }
            // A line wholly in bold that says so, after the last label (`**Exit criteria —
            // ready for L3 when able to run two stations.**`), is no more of that label's text.
            Kind::Para { .. }
                if line().starts_with("**")
                    && line().ends_with("**")
                    && crate::import::titles::moving_on(line()) =>
            {
                if let Some(g) = current.take() {
                    groups.push(g);
                }
                description.push(b);
                moving_on = true;
            }
            Kind::Para {
                label: Some(l),
                colon: true,
                only,
                rest,
            } => {
                moving_on = false;
                if let Some(g) = current.take() {
                    groups.push(g);
                }
                // How long people stay (`**Timeline to IC3:** 18-36 months`) describes the
                // level; as a pillar it would be one per level it leads to.
                if tenure_label(l) {
                    description.push(b);
                    continue;
                }
                // So does pay, where the page gives it as figures (`**Salary Range:**
                // $60K-$85K USD`).
                if !*only && pay_labels(d).contains(&super::ids::title_key(l)) {
                    say_pay(ladder, d, d.blocks[b].start, l);
                    description.push(b);
                    continue;
                }
                // The level in more words (`**Role description**: …`), as under a `###
                // Role description` heading: its description, with what follows the label.
                if role_description(l) {
                    ladder.guess(
                        GuessKind::Description,
                        d.src.loc(d.blocks[b].start),
                        format!("`{}` describes the level rather than naming a competency: kept in the level's description", ids::clean_title(l)),
                    );
                    description.push(b);
                    continue;
                }
                if *only {
                    ladder.pillar_names += 1;
                }
                split_label(ladder, d, Some(l), d.blocks[b].start, *rest);
                // The text after the label starts mid-line: keep it from there.
                let end = d.blocks[b].end.min(d.src.text.len());
                let lead = (!*only && *rest < end).then(|| Md {
                    text: d.src.text[*rest..end].trim().to_string(),
                    doc: d.index,
                    line: d.src.line(*rest),
                });
                current = Some((l.clone(), d.blocks[b].start, Vec::new(), lead));
            }
            _ => match current.as_mut() {
                Some(g) if !moving_on => g.2.push(b),
                _ => description.push(b),
            },
        }
    }
    if let Some(g) = current.take() {
        groups.push(g);
    }
    // Where every other label holds its text on its own line (`**Hygiene**: Keeps the
    // station clean.`), a picture after the last one, perhaps with a caption that is no
    // sentence (`Tap to enlarge the photo`), is not more of its text: it goes to the level's
    // description. Sentences after it may be (`**Delivery**: …` over two more paragraphs).
    let one_line = |g: &LabelGroup| g.3.is_some() && g.2.is_empty();
    if let Some((last, others)) = groups.split_last_mut() {
        let text = |b: usize| {
            let end = d.blocks[b].end.min(d.src.text.len());
            d.src.text.get(d.blocks[b].start..end).unwrap_or("").trim()
        };
        let picture = |b: usize| text(b).starts_with("![") && text(b).ends_with(')');
        let caption = |b: usize| {
            matches!(d.blocks[b].kind, Kind::Para { .. })
                && !text(b).ends_with(['.', '!', '?', ':'])
                && text(b).split_whitespace().count() <= 8
        };
        let pictured = last.2.iter().any(|&b| picture(b))
            && last.2.iter().all(|&b| {
                !d.blocks[b].region
                    && (picture(b) || caption(b) || matches!(d.blocks[b].kind, Kind::Rule))
            });
        if others.len() >= 2 && others.iter().all(one_line) && last.3.is_some() && pictured {
            description.append(&mut last.2);
        }
    }
    groups
}

/// Whether a label says it describes the level (`Role description`, `Description`, in
/// Spanish and Portuguese too, compared without accents: `Descripción del rol`). Narrower
/// than the section titles that describe a level ([`super::titles::descriptive`]): a
/// `**Summary:**` or `**Examples:**` label among bold labels is as often a pillar.
fn role_description(label: &str) -> bool {
    let k = super::ids::title_key(label);
    // What is described: nothing, or the role (not `Product description`, `Job description
    // writing`, a competency).
    let of_role = |rest: &str| {
        matches!(
            rest,
            "" | "role"
                | "job"
                | "level"
                | "position"
                | "del rol"
                | "del cargo"
                | "del puesto"
                | "do cargo"
                | "da funcao"
                | "do papel"
        )
    };
    let description = ["description", "descripcion", "descricao"].iter().any(|w| {
        k.strip_suffix(w)
            .is_some_and(|rest| of_role(rest.trim_end()))
            || k.strip_prefix(w)
                .is_some_and(|rest| of_role(rest.trim_start()))
    });
    description
        || matches!(
            k.as_str(),
            "the role" | "about the role" | "purpose of the role"
        )
}

/// Whether a label says how long people stay at a level or take to the next: `Timeline to
/// next level`, `Typical tenure`, `Time in level`.
fn tenure_label(label: &str) -> bool {
    let k = super::ids::title_key(label);
    [
        "timeline",
        "typical tenure",
        "tenure",
        "time in level",
        "time at level",
        "time to",
    ]
    .iter()
    .any(|w| k == *w || k.starts_with(&format!("{w} ")))
}

/// The cell of one label group: the text after the label is a note when lists follow,
/// else the expectation itself.
pub(super) fn label_cell(d: &Doc, (label, at, blocks, lead): LabelGroup) -> Cell {
    let mut cb = Vec::new();
    let has_items = blocks
        .iter()
        .any(|&b| !d.blocks[b].region && matches!(d.blocks[b].kind, Kind::List { .. }));
    if let Some(lead) = lead {
        if has_items {
            cb.push(CellBlock {
                md: lead,
                item: false,
                tight: false,
            });
        } else {
            cb.push(CellBlock {
                md: Md {
                    text: para_item(&lead.text),
                    ..lead
                },
                item: true,
                tight: true,
            });
        }
    }
    cb.extend(cell_blocks(d, &blocks));
    if let Some(last) = cb.iter_mut().rev().find(|b| b.item) {
        last.tight = false;
    }
    Cell {
        pillar_title: label,
        pillar_at: d.src.loc(at),
        pillar_id: None,
        pillar_key: None,
        pillar_description: Vec::new(),
        blocks: cb,
        pillar: 0,
    }
}

/// Says so when the bold label between `start` and `rest` is written as several bold runs
/// (`**Builds a _healthy_** **team**`), which import reads as one pillar name.
pub(super) fn split_label(
    ladder: &mut Ladder,
    d: &Doc,
    label: Option<&str>,
    start: usize,
    rest: usize,
) {
    let src = &d.src.text[start..rest.max(start).min(d.src.text.len())];
    let runs = src.matches("**").count() + src.matches("__").count();
    if let (true, Some(label)) = (runs > 2, label) {
        ladder.guess(
            GuessKind::Pillar,
            d.src.loc(start),
            format!("pillar `{label}` is written as several bold runs: read as one name"),
        );
    }
}
