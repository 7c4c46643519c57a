//! CSV output: RFC 4180 (comma, double quotes, CRLF) in UTF-8 with a byte
//! order mark, because Excel reads a CSV without one in the machine's ANSI
//! code page and garbles Arabic, Farsi and Korean answers.
//!
//! Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as
//! a formula, so a participant could put a formula into a report that staff
//! later open. Text cells starting with one of those, or with a tab or a
//! carriage return, are therefore written with a leading `'` (the OWASP
//! advice for CSV injection). Numbers and dates are never prefixed.

use std::borrow::Cow;

use ::csv::{Terminator, WriterBuilder};

use crate::table::{Cell, Report, Table};

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One table: the header row, then the data rows (no title).
pub fn to_csv(table: &Table) -> Vec<u8> {
    write_blocks(std::slice::from_ref(table), false)
}

/// All tables of a report, one after another, each starting with a row that
/// holds only its title and separated from the next by an empty line.
pub fn report_to_csv(report: &Report) -> Vec<u8> {
    write_blocks(&report.tables, true)
}

/// `text` as it is safe to put into a CSV cell: with a leading `'` when a
/// spreadsheet would take it for a formula.
pub fn guard_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The text written for a cell.
fn cell_text(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(text) => guard_text(text),
        Cell::Int(value) => value.to_string().into(),
        Cell::Number(value) if value.is_finite() => value.to_string().into(),
        // "-inf" would be read as a formula; guard it like text.
        Cell::Number(value) => guard_text(&value.to_string()).into_owned().into(),
        Cell::Date(date) => date.format("%Y-%m-%d").to_string().into(),
        Cell::Empty => "".into(),
    }
}

fn write_blocks(tables: &[Table], titled: bool) -> Vec<u8> {
    let mut out = BOM.to_vec();
    // Writing into a Vec cannot fail: the csv crate only reports I/O errors
    // of its sink and unequal row lengths, which `flexible` switches off.
    if let Err(error) = try_write_blocks(&mut out, tables, titled) {
        unreachable!("writing CSV to memory failed: {error}");
    }
    out
}

fn try_write_blocks(out: &mut Vec<u8>, tables: &[Table], titled: bool) -> ::csv::Result<()> {
    for (index, table) in tables.iter().enumerate() {
        if index > 0 {
            out.extend_from_slice(b"\r\n");
        }
        let mut writer = WriterBuilder::new()
            .flexible(true)
            .terminator(Terminator::CRLF)
            .from_writer(&mut *out);
        if titled {
            write_row(&mut writer, vec![guard_text(&table.title)])?;
        }
        write_row(
            &mut writer,
            table.headers.iter().map(|h| guard_text(h)).collect(),
        )?;
        for row in &table.rows {
            write_row(&mut writer, row.iter().map(cell_text).collect())?;
        }
        writer.flush()?;
    }
    Ok(())
}

/// Writes one record; a record without fields is written as one empty
/// field, so that only the line between two tables is ever empty.
fn write_row<W: std::io::Write>(
    writer: &mut ::csv::Writer<W>,
    fields: Vec<Cow<'_, str>>,
) -> ::csv::Result<()> {
    if fields.is_empty() {
        writer.write_record([""])
    } else {
        writer.write_record(fields.iter().map(|field| field.as_bytes()))
    }
}
