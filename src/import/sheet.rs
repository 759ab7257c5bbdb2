//! Spreadsheets saved as CSV or TSV (RFC 4180, read with the `csv` crate), the way a ladder
//! kept in Excel, Google Sheets or Numbers leaves them: written out as the Markdown pipe table
//! the same rows would be, so that every table shape import reads ([`super::tables`]) reads
//! a sheet too, whichever way its levels run.
//!
//! The header is the first row that fills most of the columns the other rows fill; the rows
//! above it (a sheet's title, a date beside it, `Owner, Head gardener`) become the document's
//! `#` title and paragraphs (a colour key, rows of one cell beside an empty first column, is
//! paragraphs only). A later row that repeats the header's first cell starts another
//! table, titled by a row of one cell above it. Empty rows, and columns with neither a header
//! nor a cell, are left out; a cell's line breaks become `<br>`, so that each of its lines is
//! an expectation; Excel's first line `sep=;` names the delimiter. Each line written is
//! traced back to the row it came from ([`SourceDoc::mapped`]).

use super::source::{import_error, SourceDoc};
use crate::diagnostic::Diagnostic;

/// The hint for a sheet that is not UTF-8: how the common spreadsheets save it so.
pub(super) const NOT_UTF8_HINT: &str = "save the sheet as UTF-8 CSV and import it again: in Excel, File › Save As › \"CSV UTF-8 (Comma delimited)\" (its plain \"CSV\" is Windows-1252); Google Sheets and Numbers export UTF-8 already";

/// One row of the sheet: the line it starts on (1-based) and its cells, trimmed.
type Row = (usize, Vec<String>);

/// `doc` (a CSV or TSV file's text) as a Markdown document: a `#` title and paragraphs from
/// the rows above the first header, then each table (see [`tables`]), under a `##` heading
/// of its own when there are two or more and a row titles it.
///
/// # Errors
/// A row the CSV reader cannot split, or a sheet with no row of two cells or more (no
/// header), each at its line.
pub(super) fn as_markdown(doc: &SourceDoc) -> Result<SourceDoc, Diagnostic> {
    let rows = read_rows(doc)?;
    let starts = tables(&rows);
    let Some(&header) = starts.first() else {
        return Err(import_error(
            doc.rel.clone(),
            (rows.first().map_or(1, |r| r.0), 1),
            "this sheet has no row of two cells or more: no table to read",
            "a ladder sheet has a header row (`Level, Scope, Impact` or `Competency, Engineer I, Engineer II`) and a row under it for each level or competency",
        ));
    };
    let mut out = Written::default();
    // Two tables or more: each is titled by a row of one cell right above its header
    // (`Bakers`, `Managers`), which is not the document's title then.
    let titles: Vec<Option<usize>> = starts
        .iter()
        .map(|&s| title_above(&rows, s).filter(|_| starts.len() > 1))
        .collect();
    let preamble = titles[0].unwrap_or(header);
    // A colour key over the sheet (`Wanted at this grade`, `Optional`: rows of one cell,
    // each beside the coloured cell it explains in the first column) titles nothing: its
    // lines describe the sheet, and the title is the file's name.
    let legend = {
        let filled_rows: Vec<&Row> = rows[..preamble]
            .iter()
            .take_while(|(_, cells)| filled(cells) <= 1)
            .filter(|(_, cells)| filled(cells) == 1)
            .collect();
        filled_rows.len() >= 2
            && filled_rows
                .iter()
                .all(|(_, cells)| cells.first().is_some_and(|c| c.trim().is_empty()))
    };
    let mut titled = legend;
    for (at, cells) in &rows[..preamble] {
        let parts: Vec<String> = cells
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| c.replace('\n', " "))
            .collect();
        let Some((first, rest)) = parts.split_first() else {
            continue;
        };
        if titled {
            // A row of metadata (`Owner, Head gardener`) is a line of the description.
            let text = match rest {
                [] => first.clone(),
                _ => format!("{first}: {}", rest.join(", ")),
            };
            out.line(&text, *at);
        } else {
            out.line(&format!("# {first}"), *at);
            titled = true;
            if !rest.is_empty() {
                out.line("", *at);
                out.line(&rest.join(", "), *at);
            }
        }
        out.line("", *at);
    }
    for (i, &s) in starts.iter().enumerate() {
        let end = starts
            .get(i + 1)
            .map_or(rows.len(), |&next| titles[i + 1].unwrap_or(next));
        if let Some(t) = titles[i] {
            let (at, cells) = &rows[t];
            let name = cells
                .iter()
                .find(|c| !c.is_empty())
                .map_or("", String::as_str);
            out.line(&format!("## {}", name.replace('\n', " ")), *at);
            out.line("", *at);
        }
        out.table(&rows[s..end]);
        out.line("", rows[end - 1].0);
    }
    Ok(SourceDoc::mapped(doc.rel.clone(), out.text, out.origin))
}

/// The Markdown written from a sheet, each line with the sheet's line it stands for.
#[derive(Default)]
struct Written {
    text: String,
    origin: Vec<(usize, bool)>,
}

impl Written {
    fn line(&mut self, s: &str, from: usize) {
        self.text.push_str(s);
        self.text.push('\n');
        self.origin.push((from, false));
    }

    /// `rows` (a header, then the body) as a pipe table, empty rows left out, and the
    /// columns with neither a header nor a cell: the blank columns a sheet keeps between or
    /// after its own.
    fn table(&mut self, rows: &[Row]) {
        let width = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
        let used: Vec<usize> = (0..width)
            .filter(|&c| rows.iter().any(|(_, cells)| !cell(cells, c).is_empty()))
            .collect();
        for (i, (at, cells)) in rows.iter().enumerate() {
            if filled(cells) == 0 {
                continue;
            }
            let row: Vec<String> = used
                .iter()
                .map(|&c| markdown_cell(cell(cells, c)))
                .collect();
            self.line(&format!("| {} |", row.join(" | ")), *at);
            if i == 0 {
                let rule = vec!["---"; used.len()].join(" | ");
                self.line(&format!("| {rule} |"), *at);
            }
        }
    }
}

/// Where each table of the sheet starts (its header row): the first row that fills three
/// quarters of the columns most rows fill (rows above it with fewer cells are a title and
/// metadata: `Bakery ladder, Updated 3 March 2025`), then each later row that repeats that
/// header's first cell (`Level` over the managers' levels, under the bakers').
fn tables(rows: &[Row]) -> Vec<usize> {
    let mut widths: std::collections::HashMap<usize, usize> = Default::default();
    for (_, cells) in rows {
        let n = filled(cells);
        if n >= 2 {
            *widths.entry(n).or_default() += 1;
        }
    }
    let Some(common) = widths
        .iter()
        .max_by_key(|&(w, n)| (*n, *w))
        .map(|(w, _)| *w)
    else {
        return Vec::new();
    };
    let wide = (common * 3).div_ceil(4).max(2);
    let Some(header) = rows.iter().position(|(_, c)| filled(c) >= wide) else {
        return Vec::new();
    };
    let first = super::ids::title_key(&rows[header].1[0]);
    let again = (header + 1..rows.len()).filter(|&r| {
        let cells = &rows[r].1;
        !first.is_empty() && filled(cells) >= 2 && super::ids::title_key(&cells[0]) == first
    });
    std::iter::once(header).chain(again).collect()
}

/// The row of one cell right above row `start`, past empty rows, if any.
fn title_above(rows: &[Row], start: usize) -> Option<usize> {
    let above = (0..start).rev().find(|&r| filled(&rows[r].1) > 0)?;
    (filled(&rows[above].1) == 1).then_some(above)
}

/// The sheet's rows, with their lines, split at the delimiter [`delimiter`] finds.
fn read_rows(doc: &SourceDoc) -> Result<Vec<Row>, Diagnostic> {
    // Excel's first line `sep=;` names the delimiter, and is no row.
    let (delimiter, text, skipped) = match doc.text.split_once('\n') {
        Some((first, rest))
            if first.trim_end().len() == 5 && first.to_ascii_lowercase().starts_with("sep=") =>
        {
            (first.as_bytes()[4], rest, 1)
        }
        _ => (delimiter(doc), doc.text.as_str(), 0),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize) + skipped;
            import_error(
                doc.rel.clone(),
                (line, 1),
                format!("this row of the sheet cannot be read: {e}"),
                "check the row's quotes: a cell that holds a quote, a comma or a line break is written in double quotes, with each quote inside it doubled (`\"He said \"\"yes\"\"\"`)",
            )
        })?;
        let line = record.position().map_or(1, |p| p.line() as usize) + skipped;
        rows.push((line, record.iter().map(|c| c.trim().to_string()).collect()));
    }
    Ok(rows)
}

/// The character between cells: a tab in a `.tsv`; in a `.csv`, of a comma, a semicolon (as
/// Excel writes CSV where the comma is the decimal mark) and a tab, the one that splits the
/// first lines into the most cells alike.
fn delimiter(doc: &SourceDoc) -> u8 {
    if doc.rel.to_ascii_lowercase().ends_with(".tsv") {
        return b'\t';
    }
    let score = |d: u8| {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(doc.text.as_bytes());
        let widths: Vec<usize> = reader
            .records()
            .take(10)
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        let widest = widths.iter().copied().max().unwrap_or(0);
        // Rows as wide as the widest, then how wide: a title row above is one cell whatever
        // the delimiter.
        (
            widths.iter().filter(|&&w| w == widest && w > 1).count(),
            widest,
        )
    };
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (score(d), d == b','))
        .unwrap_or(b',')
}

/// How many of `cells` hold something.
fn filled(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.is_empty()).count()
}

/// Cell `c` of a row, empty past its end (a row shorter than the header).
fn cell(cells: &[String], c: usize) -> &str {
    cells.get(c).map_or("", String::as_str)
}

/// A cell as a pipe table's cell: its line breaks as `<br>` (each line an expectation), its
/// pipes escaped (GFM, "Tables (extension)").
fn markdown_cell(cell: &str) -> String {
    cell.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown(rel: &str, text: &str) -> (String, Vec<usize>) {
        let doc = as_markdown(&SourceDoc::new(rel, text.to_string())).unwrap();
        let lines = (1..=doc.text.lines().count())
            .map(|l| doc.source_line(l))
            .collect();
        (doc.text, lines)
    }

    #[test]
    fn a_sheet_with_a_title_row_quoted_breaks_and_blank_columns_is_one_table() {
        let csv = "Bakery ladder,,,\n,,,\nSkill,,Apprentice,Baker\nKneading,,\"• Kneads by hand\n• Knows when it is done\",Teaches kneading\n\"Oven | care\",,Cleans the oven,\n";
        let (text, lines) = markdown("ladder.csv", csv);
        assert_eq!(
            text,
            "# Bakery ladder\n\n| Skill | Apprentice | Baker |\n| --- | --- | --- |\n| Kneading | • Kneads by hand<br>• Knows when it is done | Teaches kneading |\n| Oven \\| care | Cleans the oven |  |\n\n"
        );
        assert_eq!(lines, vec![1, 1, 3, 3, 4, 6, 6]);
    }

    #[test]
    fn a_colour_key_over_the_sheet_titles_nothing() {
        // Rows of one cell beside the coloured cells of the first column: the ladder was
        // titled `Wanted at this grade` (hunt 49 H49-02).
        let (text, _) = markdown(
            "grades.csv",
            ",Wanted at this grade,,\n,Optional,,\n,,,\nSkill,Apprentice,Baker,Head baker\nKneading,Kneads,Shapes,Teaches\n",
        );
        assert!(
            text.starts_with(
                "Wanted at this grade\n\nOptional\n\n| Skill | Apprentice | Baker | Head baker |"
            ),
            "{text}"
        );
    }

    #[test]
    fn rows_of_metadata_above_the_header_describe_and_tables_stacked_stay_apart() {
        // A date beside the title, an owner and a version: no header (review 43 R43-05).
        let (text, _) = markdown(
            "l.csv",
            "Bakery ladder,,,Updated 3 March 2025\nOwner,Head baker,,\n,,,\nLevel,Dough,Ovens,Shop\nApprentice,Weighs flour,Loads the oven,Serves\nBaker,Mixes dough,Runs the oven,Advises\n",
        );
        assert!(text.starts_with("# Bakery ladder\n\nUpdated 3 March 2025\n\nOwner: Head baker\n\n| Level | Dough | Ovens | Shop |\n"), "{text}");
        // Two tables, each titled by a row of its own (R43-06).
        let (text, _) = markdown(
            "l.csv",
            "Bakers,,\nLevel,Dough,Ovens\nApprentice,Weighs flour,Loads the oven\n,,\nManagers,,\nLevel,People,Budget\nSupervisor,Runs the rota,Tracks spend\n",
        );
        assert_eq!(
            text,
            "## Bakers\n\n| Level | Dough | Ovens |\n| --- | --- | --- |\n| Apprentice | Weighs flour | Loads the oven |\n\n## Managers\n\n| Level | People | Budget |\n| --- | --- | --- |\n| Supervisor | Runs the rota | Tracks spend |\n\n"
        );
    }

    #[test]
    fn semicolons_and_tabs_split_cells_where_they_are_the_delimiter() {
        let (text, _) = markdown(
            "l.csv",
            "Skill;Apprentice;Baker\nKneading;Kneads, by hand;Teaches\n",
        );
        assert!(
            text.contains("| Kneading | Kneads, by hand | Teaches |"),
            "{text}"
        );
        let (text, _) = markdown(
            "l.tsv",
            "Skill\tApprentice\tBaker\nKneading\tKneads; by hand\tTeaches\n",
        );
        assert!(
            text.contains("| Kneading | Kneads; by hand | Teaches |"),
            "{text}"
        );
    }

    #[test]
    fn excels_sep_line_names_the_delimiter_and_is_no_row() {
        let (text, lines) = markdown(
            "l.csv",
            "sep=;\nSkill;Apprentice;Baker\nKneading;Kneads, by hand;Teaches\n",
        );
        assert!(text.starts_with("| Skill | Apprentice | Baker |"), "{text}");
        assert_eq!(lines[0], 2);
    }

    #[test]
    fn a_sheet_of_one_column_says_it_has_no_table() {
        let e =
            as_markdown(&SourceDoc::new("l.csv", "Apprentice\nBaker\n".to_string())).unwrap_err();
        assert!(e.message.contains("no row of two cells"), "{}", e.message);
    }
}
