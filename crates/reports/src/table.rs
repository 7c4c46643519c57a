//! The data of a report: typed cells in titled tables.
//!
//! Cells keep their type so that the XLSX output can store numbers and
//! dates as such (sortable, summable); the CSV output writes them as text.

use chrono::NaiveDate;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Free text, written as text everywhere (never as a formula).
    Text(String),
    /// A whole number, e.g. a count or a score.
    Int(i64),
    /// A decimal number, e.g. an average.
    Number(f64),
    /// A calendar date, written as `YYYY-MM-DD` in CSV.
    Date(NaiveDate),
    /// Nothing: no answer, or not applicable.
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text(text.into())
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Cell::Int(value)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Cell::Number(value)
    }
}

impl From<NaiveDate> for Cell {
    fn from(date: NaiveDate) -> Self {
        Cell::Date(date)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// A titled table: one worksheet in XLSX, one block in a report's CSV.
/// Rows may be shorter or longer than the header; nothing is padded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Shown as the worksheet name (shortened to Excel's rules) and as the
    /// first line of the table's block in a report's CSV.
    pub title: String,
    /// Column headings, the first row.
    pub headers: Vec<String>,
    /// The data rows.
    pub rows: Vec<Vec<Cell>>,
}

/// Several tables that are downloaded together, e.g. the step report of a
/// call with one table per step.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The report's name, used as the workbook's title property.
    pub name: String,
    /// The tables in order.
    pub tables: Vec<Table>,
}
