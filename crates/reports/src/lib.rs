//! miti-reports — the files that people download: step reports of a call
//! as CSV or XLSX, and invitation letters for visa applications as PDF.
//!
//! * [`table`]: the data of a report, [`Table`]s of typed [`Cell`]s
//!   grouped in a [`Report`]. The web layer builds these; this crate only
//!   writes them out.
//! * [`csv`]: one table, or a whole report, as UTF-8 CSV with a byte order
//!   mark (Excel then opens Arabic, Farsi and Korean text correctly) and
//!   text cells guarded against formula injection.
//! * [`xlsx`]: a report as an Excel workbook, one worksheet per table, with
//!   numbers and dates stored as such rather than as text.
//! * [`pdf`]: an invitation [`Letter`] rendered by a small PDF 1.4 writer
//!   of our own.
//!
//! Why the PDF writer is hand-made: a visa letter needs one A4 page or two
//! of plain text, and PDF's standard Helvetica fonts cover that without
//! embedding any font, so a few hundred lines replace a heavy dependency
//! and the output stays small and byte-for-byte deterministic. The price is
//! that only the WinAnsi (Windows-1252) characters can be shown, which is
//! enough here: a visa letter names the person as in the passport's
//! Latin-script line, and participants who use the Korean, Arabic or Farsi
//! interface are given the English letter. Anything else is replaced by
//! `?` and reported back, so the caller can warn instead of sending a
//! letter with a garbled name.

pub mod csv;
pub mod pdf;
pub mod table;
pub mod xlsx;

pub use pdf::{Letter, Rendered};
pub use table::{Cell, Report, Table};

/// Errors of this crate. Only the XLSX output can fail: CSV and PDF are
/// written to memory and have no limits that input can exceed.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A table has more rows or columns than an Excel worksheet holds
    /// (1,048,576 rows of which one is the header, 16,384 columns).
    #[error("table \"{table}\" does not fit in a worksheet: {rows} rows, {columns} columns")]
    SheetTooLarge {
        /// The table's title.
        table: String,
        /// Data rows, without the header row.
        rows: usize,
        /// The widest row or the header, whichever is wider.
        columns: usize,
    },
    /// The workbook writer refused the data or failed to write the file.
    #[error("could not write the XLSX workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}
