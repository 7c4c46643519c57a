#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use miti_reports::xlsx::to_xlsx;
use miti_reports::{Cell, Report, ReportError, Table};

fn report() -> Report {
    Report {
        name: "Call 7 — step report".into(),
        tables: vec![
            Table {
                title: "Step 1: Eligibility / Screening".into(),
                headers: vec![
                    "Name".into(),
                    "Score".into(),
                    "Average".into(),
                    "Applied".into(),
                    "Note".into(),
                ],
                rows: vec![
                    vec![
                        "Ana Núñez".into(),
                        Cell::Int(42),
                        Cell::Number(7.25),
                        NaiveDate::from_ymd_opt(2026, 2, 28).unwrap().into(),
                        "=1+1".into(),
                    ],
                    vec![
                        "김민준".into(),
                        Cell::Int(-7),
                        Cell::Empty,
                        Cell::Empty,
                        "@SUM(A1:A2)".into(),
                    ],
                    vec![
                        "كريم".into(),
                        Cell::Int(i64::MAX),
                        Cell::Number(f64::NAN),
                        NaiveDate::from_ymd_opt(1850, 1, 1).unwrap().into(),
                    ],
                ],
            },
            Table {
                title: "Step 1: Eligibility / Screening".into(),
                headers: vec!["Only".into()],
                rows: vec![],
            },
            Table {
                title: String::new(),
                headers: vec![],
                rows: vec![vec!["x".into()]],
            },
        ],
    }
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn one_sheet_per_table_with_valid_unique_names() {
    let mut workbook = open(to_xlsx(&report()).unwrap());
    assert_eq!(
        workbook.sheet_names(),
        [
            "Step 1_ Eligibility _ Screening",
            "Step 1_ Eligibility _ Scree (2)",
            "Sheet3"
        ]
    );
    let second = workbook
        .worksheet_range("Step 1_ Eligibility _ Scree (2)")
        .unwrap();
    assert_eq!(second.get_value((0, 0)), Some(&Data::String("Only".into())));
    assert_eq!(second.height(), 1);
}

#[test]
fn cells_keep_their_types() {
    let mut workbook = open(to_xlsx(&report()).unwrap());
    let sheet = workbook
        .worksheet_range("Step 1_ Eligibility _ Screening")
        .unwrap();
    let cell = |row, col| sheet.get_value((row, col)).cloned().unwrap_or(Data::Empty);

    let headers: Vec<Data> = (0..5).map(|col| cell(0, col)).collect();
    let expected: Vec<Data> = ["Name", "Score", "Average", "Applied", "Note"]
        .into_iter()
        .map(|h| Data::String(h.into()))
        .collect();
    assert_eq!(headers, expected);

    assert_eq!(cell(1, 0), Data::String("Ana Núñez".into()));
    assert_eq!(cell(1, 1), Data::Float(42.0));
    assert_eq!(cell(1, 2), Data::Float(7.25));
    match cell(1, 3) {
        Data::DateTime(date) => {
            assert!(date.is_datetime());
            assert_eq!(
                date.as_datetime().unwrap(),
                NaiveDate::from_ymd_opt(2026, 2, 28)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
            );
        }
        other => panic!("not a date: {other:?}"),
    }
    // Formula-like text stays text.
    assert_eq!(cell(1, 4), Data::String("=1+1".into()));
    assert_eq!(cell(2, 0), Data::String("김민준".into()));
    assert_eq!(cell(2, 1), Data::Float(-7.0));
    assert_eq!(cell(2, 2), Data::Empty);
    assert_eq!(cell(2, 4), Data::String("@SUM(A1:A2)".into()));
    assert_eq!(cell(3, 0), Data::String("كريم".into()));
    // Beyond what a double holds exactly, beyond Excel's numbers and dates.
    assert_eq!(cell(3, 1), Data::String(i64::MAX.to_string()));
    assert_eq!(cell(3, 2), Data::String("NaN".into()));
    assert_eq!(cell(3, 3), Data::String("1850-01-01".into()));

    let formulas = workbook
        .worksheet_formula("Step 1_ Eligibility _ Screening")
        .unwrap();
    assert!(
        formulas.cells().all(|(_, _, formula)| formula.is_empty()),
        "no formulas"
    );
}

#[test]
fn header_is_bold_and_frozen_and_columns_fit_their_content() {
    let bytes = to_xlsx(&report()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        )
    );
    // Header cells use a style of their own, and that style is bold.
    let header_style = sheet
        .split(r#"<c r="A1" s=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert_ne!(header_style, "0");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>"));

    let widths: Vec<f64> = sheet
        .split("<col ")
        .skip(1)
        .map(|col| {
            col.split(r#"width=""#)
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(widths.len(), 5);
    // Names are wider than "7.25" and "NaN", i64::MAX is wider still.
    assert!(widths[0] > widths[2], "{widths:?}");
    assert!(widths[1] > widths[0], "{widths:?}");

    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Call 7 — step report</dc:title>"));
}

#[test]
fn an_empty_report_is_a_workbook_with_one_empty_sheet() {
    let workbook = open(to_xlsx(&Report::default()).unwrap());
    assert_eq!(workbook.sheet_names().len(), 1);
}

#[test]
fn too_many_columns_is_an_error() {
    let report = Report {
        name: String::new(),
        tables: vec![Table {
            title: "Wide".into(),
            headers: vec!["h".into(); 16_385],
            rows: vec![],
        }],
    };
    match to_xlsx(&report) {
        Err(ReportError::SheetTooLarge { columns, .. }) => assert_eq!(columns, 16_385),
        other => panic!("expected SheetTooLarge, got {other:?}"),
    }
}
