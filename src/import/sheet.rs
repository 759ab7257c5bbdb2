//! Spreadsheets saved as CSV or TSV (RFC 4180, read with the `csv` crate), the way a ladder
//! kept in Excel, Google Sheets or Numbers leaves them: written out as the Markdown pipe table
//! the same rows would be, so that every table shape import reads ([`super::tables`]) reads
//! a sheet too, whichever way its levels run.
//!
//! Rows above the header that hold one cell (a sheet's title, a note) become the document's
//! `#` title and paragraphs; empty rows, and columns with neither a header nor a cell, are
//! left out; a cell's line breaks become `<br>`, so that each of its lines is an expectation.
//! Each line written is traced back to the row it came from ([`SourceDoc::mapped`]).

use super::source::{import_error, SourceDoc};
use crate::diagnostic::Diagnostic;

/// The hint for a sheet that is not UTF-8: how the common spreadsheets save it so.
pub(super) const NOT_UTF8_HINT: &str = "save the sheet as UTF-8 CSV and import it again: in Excel, File › Save As › \"CSV UTF-8 (Comma delimited)\" (its plain \"CSV\" is Windows-1252); Google Sheets and Numbers export UTF-8 already";

/// One row of the sheet: the line it starts on (1-based) and its cells, trimmed.
type Row = (usize, Vec<String>);

/// `doc` (a CSV or TSV file's text) as a Markdown document: a `#` title and paragraphs from
/// the one-cell rows above the header, then the table.
///
/// # Errors
/// A row the CSV reader cannot split, or a sheet with no row of two cells or more (no
/// header), each at its line.
pub(super) fn as_markdown(doc: &SourceDoc) -> Result<SourceDoc, Diagnostic> {
    let rows = read_rows(doc)?;
    let header = rows
        .iter()
        .position(|(_, cells)| filled(cells) >= 2)
        .ok_or_else(|| {
            import_error(
                doc.rel.clone(),
                (rows.first().map_or(1, |r| r.0), 1),
                "this sheet has no row of two cells or more: no table to read",
                "a ladder sheet has a header row (`Level, Scope, Impact` or `Competency, Engineer I, Engineer II`) and a row under it for each level or competency",
            )
        })?;
    // Columns with neither a header nor a cell: the blank columns a sheet keeps between or
    // after its own.
    let width = rows[header..]
        .iter()
        .map(|(_, c)| c.len())
        .max()
        .unwrap_or(0);
    let used: Vec<usize> = (0..width)
        .filter(|&c| {
            rows[header..]
                .iter()
                .any(|(_, cells)| !cell(cells, c).is_empty())
        })
        .collect();
    let mut text = String::new();
    let mut origin = Vec::new();
    let mut line = |text: &mut String, s: &str, from: usize| {
        text.push_str(s);
        text.push('\n');
        origin.push((from, false));
    };
    let mut titled = false;
    for (at, cells) in &rows[..header] {
        let Some(words) = cells.iter().find(|c| !c.is_empty()) else {
            continue;
        };
        let words = words.replace('\n', " ");
        if titled {
            line(&mut text, &words, *at);
        } else {
            line(&mut text, &format!("# {words}"), *at);
            titled = true;
        }
        line(&mut text, "", *at);
    }
    for (i, (at, cells)) in rows[header..].iter().enumerate() {
        if filled(cells) == 0 {
            continue;
        }
        let row: Vec<String> = used
            .iter()
            .map(|&c| markdown_cell(cell(cells, c)))
            .collect();
        line(&mut text, &format!("| {} |", row.join(" | ")), *at);
        if i == 0 {
            let rule = vec!["---"; used.len()].join(" | ");
            line(&mut text, &format!("| {rule} |"), *at);
        }
    }
    Ok(SourceDoc::mapped(doc.rel.clone(), text, origin))
}

/// The sheet's rows, with their lines, split at the delimiter [`delimiter`] finds.
fn read_rows(doc: &SourceDoc) -> Result<Vec<Row>, Diagnostic> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(doc))
        .from_reader(doc.text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            import_error(
                doc.rel.clone(),
                (line, 1),
                format!("this row of the sheet cannot be read: {e}"),
                "check the row's quotes: a cell that holds a quote, a comma or a line break is written in double quotes, with each quote inside it doubled (`\"He said \"\"yes\"\"\"`)",
            )
        })?;
        let line = record.position().map_or(1, |p| p.line() as usize);
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
            "# Bakery ladder\n\n| Skill | Apprentice | Baker |\n| --- | --- | --- |\n| Kneading | • Kneads by hand<br>• Knows when it is done | Teaches kneading |\n| Oven \\| care | Cleans the oven |  |\n"
        );
        assert_eq!(lines, vec![1, 1, 3, 3, 4, 6]);
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
    fn a_sheet_of_one_column_says_it_has_no_table() {
        let e =
            as_markdown(&SourceDoc::new("l.csv", "Apprentice\nBaker\n".to_string())).unwrap_err();
        assert!(e.message.contains("no row of two cells"), "{}", e.message);
    }
}
