//! XLSX output: one worksheet per table, written with `rust_xlsxwriter`.
//!
//! Numbers and dates are stored as numbers and dates so that staff can sort
//! and sum them; text is always stored as a string, never as a formula, so
//! the injection guard of the CSV output is not needed here. The header row
//! is bold and frozen, and columns are as wide as their content (capped).

use std::collections::HashSet;

use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use crate::ReportError;
use crate::table::{Cell, Report, Table};

/// Excel's longest sheet name, in UTF-16 code units.
const SHEET_NAME_MAX: usize = 31;
/// Excel's longest cell text, in UTF-16 code units.
const CELL_TEXT_MAX: usize = 32_767;
/// Excel's rows per worksheet.
const ROWS_MAX: usize = 1_048_576;
/// Excel's columns per worksheet.
const COLUMNS_MAX: usize = 16_384;
/// Whole numbers beyond this lose digits as an Excel number (a double), so
/// they are stored as text instead.
const EXACT_INT_MAX: i64 = 1 << 53;
/// Widest automatic column width, in pixels (about 57 characters).
const AUTOFIT_MAX_PIXELS: u32 = 400;

/// The report as an XLSX workbook.
///
/// Text longer than Excel's limit of 32,767 characters is cut and ends in
/// `…` (the CSV output has it whole); a table with more rows or columns
/// than a worksheet holds is an error.
pub fn to_xlsx(report: &Report) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(report.name.as_str()));
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("yyyy-mm-dd"),
    };
    let names = sheet_names(report.tables.iter().map(|table| table.title.as_str()));
    for (table, name) in report.tables.iter().zip(names) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        write_table(sheet, table, &formats)?;
    }
    if report.tables.is_empty() {
        workbook.add_worksheet();
    }
    Ok(workbook.save_to_buffer()?)
}

struct Formats {
    header: Format,
    date: Format,
}

fn write_table(sheet: &mut Worksheet, table: &Table, formats: &Formats) -> Result<(), ReportError> {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.headers.len()])
        .max()
        .unwrap_or(0);
    if table.rows.len() >= ROWS_MAX || columns > COLUMNS_MAX {
        return Err(ReportError::SheetTooLarge {
            table: table.title.clone(),
            rows: table.rows.len(),
            columns,
        });
    }
    // Both limits were checked above, so the conversions below cannot fail.
    let col = |index: usize| u16::try_from(index).unwrap_or(u16::MAX);
    for (index, header) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col(index), fit_text(header), &formats.header)?;
    }
    for (row_index, row) in table.rows.iter().enumerate() {
        let row_number = u32::try_from(row_index + 1).unwrap_or(u32::MAX);
        for (index, cell) in row.iter().enumerate() {
            write_cell(sheet, row_number, col(index), cell, formats)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(AUTOFIT_MAX_PIXELS);
    sheet.autofit();
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), ReportError> {
    match cell {
        Cell::Text(text) => {
            sheet.write_string(row, col, fit_text(text))?;
        }
        Cell::Int(value) if (-EXACT_INT_MAX..=EXACT_INT_MAX).contains(value) => {
            // Exact: |value| ≤ 2^53.
            #[allow(clippy::cast_precision_loss)]
            sheet.write_number(row, col, *value as f64)?;
        }
        Cell::Int(value) => {
            sheet.write_string(row, col, value.to_string())?;
        }
        Cell::Number(value) if value.is_finite() => {
            sheet.write_number(row, col, *value)?;
        }
        // Excel has no NaN or infinity.
        Cell::Number(value) => {
            sheet.write_string(row, col, value.to_string())?;
        }
        Cell::Date(date) => match excel_date(*date) {
            Some(excel) => {
                sheet.write_datetime_with_format(row, col, &excel, &formats.date)?;
            }
            // Excel's dates run from 1900 to 9999.
            None => {
                sheet.write_string(row, col, date.format("%Y-%m-%d").to_string())?;
            }
        },
        Cell::Empty => {}
    }
    Ok(())
}

fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// `text` cut to Excel's cell limit, ending in `…` when cut.
fn fit_text(text: &str) -> String {
    if text.encode_utf16().count() <= CELL_TEXT_MAX {
        return text.to_owned();
    }
    let mut cut = truncate_utf16(text, CELL_TEXT_MAX - 1).to_owned();
    cut.push('…');
    cut
}

/// The longest prefix of `text` that is at most `max` UTF-16 code units
/// long (Excel counts in those), never splitting a character.
fn truncate_utf16(text: &str, max: usize) -> &str {
    let mut units = 0;
    for (index, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &text[..index];
        }
    }
    text
}

/// Worksheet names for the given table titles, valid and unique for Excel:
/// at most 31 characters, none of `[]:*?/\`, no apostrophe at either end,
/// not "History", and unique ignoring case (a clash gets " (2)", " (3)"…).
/// An empty title becomes `Sheet<n>`, n counting tables from 1.
pub fn sheet_names<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken = HashSet::new();
    let mut names = Vec::new();
    for (index, title) in titles.into_iter().enumerate() {
        let mut base = clean_sheet_name(title, SHEET_NAME_MAX);
        if base.is_empty() {
            base = format!("Sheet{}", index + 1);
        }
        let mut name = base.clone();
        let mut counter = 2;
        while taken.contains(&name.to_lowercase()) {
            let suffix = format!(" ({counter})");
            name = clean_sheet_name(&base, SHEET_NAME_MAX - suffix.len()) + &suffix;
            counter += 1;
        }
        taken.insert(name.to_lowercase());
        names.push(name);
    }
    names
}

/// `title` with the characters Excel forbids replaced, cut to `max` UTF-16
/// units, and trimmed of spaces and apostrophes at both ends.
fn clean_sheet_name(title: &str, max: usize) -> String {
    let replaced: String = title
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let trim = |s: &str| {
        s.trim_matches(|c: char| c == '\'' || c.is_whitespace())
            .to_owned()
    };
    let name = trim(truncate_utf16(&trim(&replaced), max));
    // Excel keeps "History" for its change tracking.
    if name.eq_ignore_ascii_case("history") {
        format!("{name}_")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn sheet_names_follow_excel_rules() {
        let long = "Step 3: Interviews / final [ranked] * ? \\ and a very long tail";
        let names = sheet_names([long, long, "", "  'quoted'  ", "History", "history"]);
        assert_eq!(names[0], "Step 3_ Interviews _ final _ran");
        assert_eq!(names[1], "Step 3_ Interviews _ final (2)");
        assert_eq!(names[2], "Sheet3");
        assert_eq!(names[3], "quoted");
        assert_eq!(names[4], "History_");
        assert_eq!(names[5], "history_ (2)");
        for name in &names {
            rust_xlsxwriter::utility::check_sheet_name(name).unwrap();
        }
    }

    #[test]
    fn sheet_names_count_utf16_units_and_ignore_case() {
        // Each of these emoji is two UTF-16 units.
        let names = sheet_names(["😀".repeat(20).as_str(), "Été", "ÉTÉ"]);
        assert_eq!(names[0], "😀".repeat(15));
        assert_eq!(names[1], "Été");
        assert_eq!(names[2], "ÉTÉ (2)");
    }

    #[test]
    fn long_text_is_cut_to_the_cell_limit() {
        let text = "é".repeat(CELL_TEXT_MAX + 10);
        let cut = fit_text(&text);
        assert_eq!(cut.encode_utf16().count(), CELL_TEXT_MAX);
        assert!(cut.ends_with('…'));
        assert_eq!(fit_text("short"), "short");
    }
}
