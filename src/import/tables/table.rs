//! The pipe tables of a document as rows of cells, with the heading each sits under, and the
//! lines of headings and items they are rewritten as.

use super::around::{
    area_of, attribute, folded_lines, heading_ladder, holds, list_line, summary_item,
};
use super::cells::{cells, gap, label, strip_tags, word_count, PILLAR_WORDS};
use super::html;
use crate::import::infer::{descriptive, level_like};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// One pipe table at the top level of a document (not inside a list or a quote).
#[derive(Clone)]
pub(super) struct Table {
    /// 1-based lines of the header row and of the last row.
    pub(super) first_line: usize,
    pub(super) last_line: usize,
    /// The header's cells, and each body row's cells with its 1-based line; rows have as many
    /// cells as the header (GFM pads and cuts them so).
    pub(super) header: Vec<String>,
    pub(super) rows: Vec<(usize, Vec<String>)>,
    /// The nearest heading above the table.
    pub(super) heading: Option<Heading>,
    /// The rows with more cells than the header (their line and number of cells): GFM drops
    /// the cells past the header's.
    pub(super) extra: Vec<(usize, usize)>,
    /// The lines of the rows whose one cell (besides one in the first column) spans every
    /// column after the first (an HTML table's `colspan`): about the level it names, or the
    /// level of the rows above, in a table of a level per row.
    pub(super) wide: Vec<usize>,
    /// The titles of the document's headings that hold a list or a deeper heading (see
    /// [`holds`]), as [`key`]s.
    pub(super) titles: HashSet<String>,
    /// The document is a ladder of headings already: two headings of one depth or more read
    /// as levels and hold lists or sub-headings of their own.
    pub(super) heading_ladder: bool,
}

#[derive(Clone)]
pub(super) struct Heading {
    /// 1-based line, depth (1–6) and text.
    pub(super) line: usize,
    pub(super) depth: u8,
    pub(super) title: String,
    /// A deeper heading comes after the table before the next heading as deep or shallower.
    pub(super) deeper_after: bool,
    /// Only blank lines lie between the heading and the table, and between the table and the
    /// next heading (or the end).
    pub(super) alone: bool,
    /// The heading's own text (up to the next heading) holds a list item or a bold label
    /// outside the table: the section has expectations of its own.
    pub(super) lists: bool,
    /// The title of the nearest shallower heading above it (`# ENG2 Engineer` over
    /// `## Results`), when no section beside this one under it writes a list of its own.
    pub(super) parent: Option<String>,
    /// The last line (1-based) of its section: the line before the next heading as deep or
    /// shallower (ATX or setext, as the Markdown parser finds them, so not inside code), or
    /// the text's last line.
    pub(super) end: usize,
}

/// A line of the rewritten text, with the source line it stands for.
pub(super) struct Line {
    pub(super) text: String,
    pub(super) row: usize,
}

/// `t` without its columns past the first that hold nothing, header or cell (a blank column
/// a spreadsheet kept between its own, copied into the table), or only a header for remarks;
/// `None` when it has none. The
/// first column stays: it names the rows, and is left empty where every column is a level
/// (see [`with_corner`]).
pub(super) fn without_empty_columns(t: &Table) -> Option<Table> {
    // A column for remarks nobody wrote (`Comments`) says nothing either; a level's or a
    // pillar's column left empty is one not written yet, and stays.
    let remarks = |h: &str| {
        matches!(
            key(h).as_str(),
            "comments" | "comment" | "notes" | "note" | "remarks" | "remark"
        )
    };
    let empty = |c: usize| {
        c > 0
            && (t.header[c].trim().is_empty() || remarks(&label(&t.header[c])))
            && t.rows.iter().all(|(_, cells)| cells[c].trim().is_empty())
    };
    let keep: Vec<usize> = (0..t.header.len()).filter(|&c| !empty(c)).collect();
    if keep.len() == t.header.len() || keep.len() < 2 {
        return None;
    }
    let pick = |cells: &[String]| keep.iter().map(|&c| cells[c].clone()).collect::<Vec<_>>();
    Some(Table {
        header: pick(&t.header),
        rows: t.rows.iter().map(|(l, cells)| (*l, pick(cells))).collect(),
        ..t.clone()
    })
}

pub(super) fn find_tables(text: &str) -> Vec<Table> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |from: usize, to: usize| {
        (from..to).all(|n| lines.get(n - 1).is_none_or(|l| l.trim().is_empty()))
    };
    let mut headings: Vec<(usize, u8, String)> = Vec::new();
    let mut ranges = Vec::new();
    let mut html_starts = Vec::new();
    let mut nested = 0usize;
    let mut heading: Option<(usize, u8, String)> = None;
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Item | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => {
                nested += 1;
            }
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                nested = nested.saturating_sub(1);
            }
            Event::Start(Tag::Heading { level, .. }) if nested == 0 => {
                heading = Some((range.start, level as u8, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.2.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) if nested == 0 => ranges.push(range),
            // The first line of the block that starts a table (perhaps inside wrappers): the
            // lines before it (`<p>Intro</p>`) stay as they are.
            Event::Start(Tag::HtmlBlock) if nested == 0 => {
                let mut lines = std::iter::once(range.start).chain(
                    text[range.clone()]
                        .match_indices('\n')
                        .map(|(i, _)| range.start + i + 1)
                        .filter(|&i| i < range.end),
                );
                html_starts.extend(lines.find(|&at| html::starts_table(text, at)));
            }
            _ => {}
        }
    }
    let folded = folded_lines(&lines);
    let titles: HashSet<String> = (0..headings.len())
        .filter(|&i| holds(&headings, &lines, &line_of, i))
        .map(|i| key(&headings[i].2))
        .collect();
    let heading_ladder = heading_ladder(&headings, &lines, &line_of);
    let mut read: Vec<Read> = ranges
        .into_iter()
        .filter_map(|range| pipe_table(text, range, &line_of))
        .collect();
    let lower = text.to_ascii_lowercase();
    let mut after = 0;
    for start in html_starts {
        // A table nested in a cell of the one before is part of it.
        if start < after {
            continue;
        }
        if let Some(r) = html_table(text, &lower, start, &line_of) {
            after = r.range.end;
            read.push(r);
        }
    }
    read.sort_by_key(|r| r.range.start);
    // Whether heading `k`'s own text (up to the next heading) has a list item outside every
    // table: a section that writes expectations as a list.
    let spans: Vec<(usize, usize)> = read.iter().map(|r| (r.first_line, r.last_line)).collect();
    let own_list = |k: usize| {
        let from = line_of(headings[k].0) + 1;
        let to = headings
            .get(k + 1)
            .map_or(lines.len() + 1, |h| line_of(h.0));
        (from..to).any(|n| {
            lines.get(n - 1).is_some_and(|l| list_line(l))
                && !spans.iter().any(|&(a, b)| (a..=b).contains(&n))
        })
    };
    let mut tables = Vec::new();
    for r in read {
        let (range, first_line, last_line) = (r.range, r.first_line, r.last_line);
        let above = headings.iter().rev().find(|h| h.0 < range.start);
        let heading = above.map(|(start, depth, title)| {
            let mut after = headings.iter().skip_while(|h| h.0 < range.end);
            let next = after.clone().next();
            // What it takes to move on (`### Readiness check`) describes the level: its
            // table's rows are still the level's pillars.
            let deeper_after = after
                .next()
                .is_some_and(|h| h.1 > *depth && !descriptive(&h.2));
            let line = line_of(*start);
            let next_line = next.map_or(lines.len() + 1, |h| line_of(h.0));
            // A level's summary written as an item (`* **Summary:** …`) over its table is
            // no list of expectations, nor is an attribute (`**Equivalent IC level:** SE4`),
            // nor a list folded in a `<details>` (examples, as Notion exports a toggle).
            let listed = |from: usize, to: usize| {
                (from..to).any(|n| {
                    lines.get(n - 1).is_some_and(|l| {
                        list_line(l) && !summary_item(l) && !attribute(l) && !folded[n - 1]
                    })
                })
            };
            Heading {
                line,
                depth: *depth,
                title: title.trim().to_string(),
                deeper_after,
                alone: blank(line + 1, first_line) && blank(last_line + 1, next_line),
                lists: listed(line + 1, first_line) || listed(last_line + 1, next_line),
                parent: area_of(&headings, *start, *depth, &own_list, (title, &r.header)),
                end: headings
                    .iter()
                    .find(|h| h.0 > *start && h.1 <= *depth)
                    .map_or(lines.len(), |h| line_of(h.0) - 1),
            }
        });
        let (header, rows) = with_band_row(r.header, r.rows);
        let (header, rows) = with_corner(header, rows);
        let (header, rows) = with_ticks_as_text(header, rows);
        tables.push(Table {
            first_line,
            last_line,
            header,
            rows,
            heading,
            extra: r.extra,
            wide: r.wide,
            titles: titles.clone(),
            heading_ladder,
        });
    }
    tables
}

/// A table whose header groups the levels into bands (`| | CORE | | IMPLEMENT |`, some cells
/// empty) over a first row that names every level (`| MATRIX | GRADUATE | JUNIOR | … |`): the
/// first row is the header, as a reader takes it; the bands name no level and are left out.
/// Applies when every cell of that row after the first reads as a level and at least one of
/// the header's does not, or is empty; or, under a caption that spans the table (a header of
/// one cell, `Account Executive Career Levels`), when most of them do.
fn with_band_row(
    header: Vec<String>,
    mut rows: Vec<(usize, Vec<String>)>,
) -> (Vec<String>, Vec<(usize, Vec<String>)>) {
    let levels = |cells: &[String]| {
        cells[1..]
            .iter()
            .filter(|c| {
                let l = label(c);
                !l.is_empty() && l.split_whitespace().count() <= 4 && level_like(&l)
            })
            .count()
    };
    let Some((_, first)) = rows.first() else {
        return (header, rows);
    };
    // A caption over the whole table (`<td colspan="5">Account Executive Career Levels`)
    // gives way to the row under it where most of that row's names read as levels.
    let caption = header.len() >= 3
        && !label(&header[0]).is_empty()
        && header[1..].iter().all(|c| label(c).is_empty());
    let named = levels(first);
    if header.len() >= 3
        && (named == header.len() - 1 || caption && 2 * named > header.len() - 1)
        && levels(&header) < header.len() - 1
    {
        let (_, first) = rows.remove(0);
        return (first, rows);
    }
    (header, rows)
}

/// A checklist (`| Area | Detail | Developer 1 | Developer 2 |`, a ✅ in the columns of the
/// levels expected to do the row's detail): each mark becomes the row's detail, in that
/// level's column, and the detail's column goes, so that the table reads as a grid of levels
/// with its text in the cells. Applies when every column from the first that holds a check
/// mark holds only marks or gaps, their headers read as levels and the one before them does
/// not, there are two such columns or more and three marks or more, and the column before
/// them (not the first: it names the rows) has text in each marked row.
fn with_ticks_as_text(
    mut header: Vec<String>,
    mut rows: Vec<(usize, Vec<String>)>,
) -> (Vec<String>, Vec<(usize, Vec<String>)>) {
    let mark = |cell: &str| {
        let c = strip_tags(cell);
        let c = c.trim().trim_end_matches('\u{fe0f}');
        // Check marks only: `x` and `yes` also fill who-does-what (RACI) and feature tables.
        matches!(
            c,
            "✅" | "✔"
                | "✓"
                | "☑"
                | ":white_check_mark:"
                | ":heavy_check_mark:"
                | ":ballot_box_with_check:"
        )
    };
    let n = header.len();
    let marks_only = |c: usize| rows.iter().all(|(_, r)| gap(&r[c]) || mark(&r[c]));
    let Some(first) = (2..n).find(|&c| rows.iter().any(|(_, r)| mark(&r[c]))) else {
        return (header, rows);
    };
    let marks: usize = rows
        .iter()
        .map(|(_, r)| (first..n).filter(|&c| mark(&r[c])).count())
        .sum();
    let text = first - 1;
    let described = rows
        .iter()
        .all(|(_, r)| !(first..n).any(|c| mark(&r[c])) || !gap(&r[text]));
    // The marked columns are levels, the text column is not (a ✓ that means "as the level
    // before" sits in a grid whose columns are all levels).
    let levels =
        (first..n).all(|c| level_like(&label(&header[c]))) && !level_like(&label(&header[text]));
    if n - first < 2 || marks < 3 || !(first..n).all(marks_only) || !described || !levels {
        return (header, rows);
    }
    for (_, r) in &mut rows {
        let detail = r.remove(text);
        for cell in &mut r[text..] {
            *cell = if mark(cell) {
                detail.clone()
            } else {
                String::new()
            };
        }
    }
    header.remove(text);
    (header, rows)
}

/// A table whose every column is a level (`<th>Beginner</th> … <th>Expert</th>` over rows of
/// lists, Etsy's competency tables) gets an empty first column, so that it reads like the
/// tables whose first column names the rows (`| | Beginner | … |`): its rows are unnamed.
/// Applies when the header names three or more columns, each in a few words that read as a
/// level (a pillars column is headed `Competency`), and the first column's cells hold lists or
/// sentences as the others do, where a column of names would hold names.
fn with_corner(
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
) -> (Vec<String>, Vec<(usize, Vec<String>)>) {
    let names: Vec<String> = header.iter().map(|h| label(h)).collect();
    // Lists, or sentences of more words than a level's or a pillar's name has.
    let like_the_others = |col: usize| {
        let words: usize = rows.iter().map(|(_, c)| word_count(&c[col])).sum();
        rows.iter().all(|(_, c)| c[col].contains("<li"))
            || (super::cells::prose(rows.iter().map(|(_, c)| &c[col])) && words >= 8 * rows.len())
    };
    let all_levels = names.len() >= 3
        && names
            .iter()
            .all(|n| !n.is_empty() && n.split_whitespace().count() <= 4)
        && names.iter().all(|n| level_like(n))
        && !rows.is_empty()
        && like_the_others(0)
        && (1..names.len()).all(like_the_others);
    if !all_levels {
        return (header, rows);
    }
    let with = |cells: Vec<String>| std::iter::once(String::new()).chain(cells).collect();
    (
        with(header),
        rows.into_iter().map(|(line, c)| (line, with(c))).collect(),
    )
}

/// A table as read from the text, before the heading above it is found.
struct Read {
    /// Its bytes in the text, and its first and last lines (1-based).
    range: std::ops::Range<usize>,
    first_line: usize,
    last_line: usize,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    extra: Vec<(usize, usize)>,
    wide: Vec<usize>,
}

/// The pipe table at `range`: its header, and its rows cut and padded to the header's width
/// as GFM does, the rows that lose cells noted.
fn pipe_table(
    text: &str,
    range: std::ops::Range<usize>,
    line_of: &impl Fn(usize) -> usize,
) -> Option<Read> {
    let first_line = line_of(range.start);
    let body = text[range.clone()].trim_end_matches('\n');
    let mut rows_text = body.split('\n');
    let header_line = rows_text.next()?;
    let header = cells(header_line);
    let piped = header_line.trim_start().starts_with('|');
    rows_text.next(); // the delimiter row
    let width = header.len();
    let mut extra = Vec::new();
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut last_line = first_line + 1;
    for (i, l) in rows_text.enumerate() {
        let line = first_line + 2 + i;
        last_line = line;
        // In a table whose rows open with a pipe, a line that does not is the row above's
        // last cell wrapped by the author (GFM reads it as a row of its own, its text in the
        // first column).
        let wrapped = if piped {
            !l.trim_start().starts_with('|')
        } else {
            !l.contains('|')
        };
        if wrapped {
            if let Some(cell) = rows
                .last_mut()
                .and_then(|(_, c)| c.iter_mut().rev().find(|c| !c.is_empty()))
            {
                cell.push(' ');
                cell.push_str(l.trim().trim_end_matches('|').trim_end());
                continue;
            }
        }
        let mut c = cells(l);
        if c.len() > width && c[width..].iter().any(|x| !x.is_empty()) {
            extra.push((line, c.len()));
        }
        c.resize(width, String::new());
        rows.push((line, c));
    }
    Some(Read {
        range,
        first_line,
        last_line,
        header,
        rows,
        extra,
        wide: Vec::new(),
    })
}

/// The HTML table whose block starts at `start`, to the line of its `</table>`: its header is
/// its last header row (or its first row), every row padded to the widest, as a browser shows
/// them. `None` for a table with no closing tag or fewer than two rows, or with text after
/// its `</table>` on that line.
fn html_table(
    text: &str,
    lower: &str,
    start: usize,
    line_of: &impl Fn(usize) -> usize,
) -> Option<Read> {
    let (end, rows) = html::read(text, lower, start)?;
    let end = html::after_wrappers(text, end);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if !text[end..line_end].trim().is_empty() || rows.len() < 2 {
        return None;
    }
    let width = rows.iter().map(|r| r.cells.len()).max()?;
    let head = rows.iter().rposition(|r| r.head).unwrap_or(0);
    let wide = rows
        .iter()
        .filter(|r| r.wide)
        .map(|r| line_of(r.offset))
        .collect();
    let mut rows = rows.into_iter().skip(head).map(|r| {
        let mut cells = r.cells;
        cells.resize(width, String::new());
        (line_of(r.offset), cells)
    });
    let (_, header) = rows.next()?;
    Some(Read {
        range: start..line_end,
        first_line: line_of(start),
        last_line: line_of(line_end.saturating_sub(1).max(start)),
        header,
        rows: rows.collect(),
        extra: Vec::new(),
        wide,
    })
}

/// How many columns on the left name a grid's rows rather than hold a level's cells: the
/// first, and each after it (`| Pillar | Area | Engineer I | …`) whose header is empty or
/// names pillars or names ([`PILLAR_WORDS`], `Topic`, `Name`…) and not a level, and whose
/// cells are all names of a few words, leaving at least three columns.
pub(super) fn label_columns(t: &Table) -> usize {
    let names = |c: usize| {
        let header = key(&t.header[c]);
        let named = header.is_empty()
            || header
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| PILLAR_WORDS.contains(&w) || NAME_WORDS.contains(&w));
        named
            && !level_like(&label(&t.header[c]))
            && t.rows.iter().all(|(_, cells)| word_count(&cells[c]) <= 5)
            && t.rows.iter().any(|(_, cells)| !cells[c].trim().is_empty())
    };
    1 + (1..t.header.len().saturating_sub(3))
        .take_while(|&c| names(c))
        .count()
}

/// Words of a column header that names the rows of a grid, besides [`PILLAR_WORDS`].
const NAME_WORDS: &[&str] = &[
    "name", "topic", "topics", "subject", "aspect", "sub", "subarea",
];

/// A row with a label and nothing else: a group of the rows below it.
pub(super) fn group_row(cells: &[String]) -> bool {
    !cells[0].is_empty() && cells[1..].iter().all(|c| c.trim().is_empty())
}

/// Whether a table's group rows (see [`group_row`]) group the rows below them: when they are
/// written apart from the other rows (their labels all bold where most others' are not, or the
/// other way round: `| **Technical** | | |` over `| Coding | … |`, `| Soft Skills | | |` over
/// `| <strong>Mindset</strong> | … |`), or when the table opens with one and each has rows of
/// its own below it. Otherwise a row with a label and no cells (`| Hiring | | |` among `|
/// Testing | … |`) is a row no level fills yet, not a group of every row below it.
pub(super) fn groups_apart(t: &Table) -> bool {
    let named: Vec<&Vec<String>> = t
        .rows
        .iter()
        .map(|(_, c)| c)
        .filter(|c| !c[0].trim().is_empty())
        .collect();
    let opens = named.first().is_some_and(|c| group_row(c));
    let each_has_rows = named
        .iter()
        .enumerate()
        .all(|(i, c)| !group_row(c) || named.get(i + 1).is_some_and(|n| !group_row(n)));
    if opens && each_has_rows {
        return true;
    }
    let bold = |c: &str| {
        let c = c.trim_start().to_ascii_lowercase();
        ["**", "__", "<strong", "<b>", "<b "]
            .iter()
            .any(|p| c.starts_with(p))
    };
    let labels = t
        .rows
        .iter()
        .map(|(_, c)| c)
        .filter(|c| !c[0].trim().is_empty());
    let (groups, others): (Vec<&Vec<String>>, Vec<&Vec<String>>) =
        labels.partition(|c| group_row(c));
    let g = groups.iter().filter(|c| bold(&c[0])).count();
    let o = others.iter().filter(|c| bold(&c[0])).count();
    !groups.is_empty()
        && ((g == groups.len() && 2 * o < others.len()) || (g == 0 && 2 * o > others.len()))
}

pub(super) fn key(cell: &str) -> String {
    label(cell).to_lowercase()
}

pub(super) type Rows<'t> = Vec<(usize, &'t [String])>;

/// The rows of each pillar, in order: a row without a label, or with the label of the row
/// before, continues that pillar; a group row (a label and no cells) is no pillar. Rows before
/// the first label make a group with no name (see [`named_rows`]).
pub(super) fn pillar_rows(t: &Table) -> Vec<(String, Rows<'_>)> {
    let mut out: Vec<(String, Rows<'_>)> = Vec::new();
    for (line, cells) in &t.rows {
        if group_row(cells) {
            continue;
        }
        let name = label(&cells[0]);
        match out.last_mut() {
            Some((last, rows)) if name.is_empty() || *last == name => {
                rows.push((*line, cells.as_slice()));
            }
            // A first row with no name (a table with no column of names): a group with no
            // name, which only a table per pillar reads (its rows are the pillar's).
            _ => out.push((name, vec![(*line, cells.as_slice())])),
        }
    }
    out
}

/// [`pillar_rows`] without the group of rows before the first label: the pillars of a table
/// whose rows name them (a table per pillar takes that group as its own).
pub(super) fn named_rows(t: &Table) -> Vec<(String, Rows<'_>)> {
    let mut rows = pillar_rows(t);
    rows.retain(|(name, _)| !name.is_empty());
    rows
}

pub(super) fn heading(depth: u8, text: &str, row: usize) -> Line {
    Line {
        text: format!("{} {text}\n", hashes(depth)),
        row,
    }
}

pub(super) fn blank(row: usize) -> Line {
    Line {
        text: String::new(),
        row,
    }
}

pub(super) fn hashes(depth: u8) -> String {
    "#".repeat(depth as usize)
}

/// More than half of `labels` (at least two) read as levels, and they are not [`rated`]: a
/// scoring rubric's columns are no levels.
pub(super) fn levels(labels: &[String]) -> bool {
    let named: Vec<&String> = labels.iter().filter(|l| !l.is_empty()).collect();
    let like = named
        .iter()
        .filter(|l| level_like(l) && !sequence(l))
        .count();
    like >= 2 && like * 2 > named.len() && !rated(labels)
}

/// Two or more of `labels` rate performance on a review scale (`Poor`, `On target`,
/// `Exceeds expectations`): a scoring rubric's header or first column.
pub(super) fn rated(labels: &[String]) -> bool {
    labels.iter().filter(|l| rating(l)).count() >= 2
}

/// A label that rates performance on a review scale: `Poor`, `Improvement required`, `On
/// target`, `Meets expectations`, `Excelling`, `Outstanding`.
fn rating(label: &str) -> bool {
    #[rustfmt::skip]
    const RATINGS: &[&str] = &[
        "poor", "improvement", "target", "meets", "exceeds", "excelling", "outstanding",
        "unsatisfactory", "satisfactory", "expectations", "underperforming", "exceptional",
    ];
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| RATINGS.contains(&w.to_lowercase().as_str()))
}

/// A label numbered as something other than a level: `Week 2`, `Sev1`, `Q3`, `Step 4`.
fn sequence(label: &str) -> bool {
    let first: String = label
        .trim()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    #[rustfmt::skip]
    const NOT_LEVELS: &[&str] = &[
        "week", "day", "month", "year", "sprint", "phase", "step", "stage", "sev", "severity",
        "priority", "q", "quarter", "round", "part", "chapter", "section", "module", "lesson",
        "version", "v", "iteration", "milestone", "release", "h", "fy",
    ];
    NOT_LEVELS.contains(&first.as_str())
}
