//! Whatever text people type, the outputs are written without a panic and
//! the text survives where the format can hold it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use miti_reports::csv::{guard_text, report_to_csv, to_csv};
use miti_reports::xlsx::to_xlsx;
use miti_reports::{Cell, Letter, Report, Table};
use proptest::prelude::*;

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        any::<String>().prop_map(Cell::Text),
        any::<i64>().prop_map(Cell::Int),
        any::<f64>().prop_map(Cell::Number),
        (-5000..10_000_i32, 1..=366_u32).prop_map(|(year, day)| Cell::Date(
            NaiveDate::from_yo_opt(year, day.min(365)).unwrap()
        )),
        Just(Cell::Empty),
    ]
}

fn table() -> impl Strategy<Value = Table> {
    (
        any::<String>(),
        proptest::collection::vec(any::<String>(), 0..5),
        proptest::collection::vec(proptest::collection::vec(cell(), 0..6), 0..6),
    )
        .prop_map(|(title, headers, rows)| Table {
            title,
            headers,
            rows,
        })
}

fn report() -> impl Strategy<Value = Report> {
    (any::<String>(), proptest::collection::vec(table(), 0..4))
        .prop_map(|(name, tables)| Report { name, tables })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn csv_round_trips_any_text(report in report()) {
        let bytes = report_to_csv(&report);
        prop_assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        for table in &report.tables {
            let single = to_csv(table);
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(&single[3..]);
            let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            prop_assert_eq!(records.len(), 1 + table.rows.len());
            let headers: Vec<String> = table.headers.iter().map(|h| guard_text(h).into_owned()).collect();
            let read: Vec<&str> = records[0].iter().collect();
            if headers.is_empty() {
                prop_assert_eq!(read, [""]);
            } else {
                prop_assert_eq!(read, headers);
            }
            for (record, row) in records[1..].iter().zip(&table.rows) {
                for (field, cell) in record.iter().zip(row) {
                    if let Cell::Text(text) = cell {
                        prop_assert_eq!(field, guard_text(text));
                    }
                }
            }
        }
    }

    #[test]
    fn xlsx_writes_any_text_and_reads_it_back(report in report()) {
        let bytes = to_xlsx(&report).unwrap();
        let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let names = workbook.sheet_names();
        prop_assert_eq!(names.len(), report.tables.len().max(1));
        for (table, name) in report.tables.iter().zip(names) {
            let sheet = workbook.worksheet_range(&name).unwrap();
            for (col, header) in table.headers.iter().enumerate() {
                let expected = if header.is_empty() { Data::Empty } else { Data::String(header.clone()) };
                let read = sheet.get_value((0, u32::try_from(col).unwrap())).cloned().unwrap_or(Data::Empty);
                prop_assert_eq!(read, expected);
            }
        }
    }

    #[test]
    fn any_letter_renders_to_a_readable_pdf(
        name in any::<String>(),
        subject in any::<String>(),
        paragraphs in proptest::collection::vec(any::<String>(), 0..4),
        title in any::<String>(),
    ) {
        let letter = Letter {
            letterhead: vec![name.clone()],
            place_and_date: name.clone(),
            reference: name.clone(),
            recipient: vec![name.clone(), name.clone()],
            subject,
            paragraphs,
            closing: name.clone(),
            signatory: vec![name],
            title,
            created: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        };
        let rendered = letter.render();
        prop_assert!(rendered.bytes.starts_with(b"%PDF-1.4"));
        prop_assert!(rendered.bytes.ends_with(b"%%EOF"));
        let document = lopdf::Document::load_mem(&rendered.bytes).unwrap();
        prop_assert!(!document.get_pages().is_empty());
        for c in &rendered.unrepresentable {
            prop_assert!(!c.is_whitespace());
        }
    }
}
