#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use miti_reports::csv::{guard_text, report_to_csv, to_csv};
use miti_reports::{Cell, Report, Table};

fn applicants() -> Table {
    Table {
        title: "Step 1: Eligibility".into(),
        headers: vec![
            "Name".into(),
            "City".into(),
            "Score".into(),
            "Average".into(),
            "Applied".into(),
        ],
        rows: vec![
            vec![
                Cell::text("Núñez, \"Ana\""),
                "Séoul\n서울".into(),
                Cell::Int(-3),
                Cell::Number(7.25),
                NaiveDate::from_ymd_opt(2026, 2, 28).unwrap().into(),
            ],
            vec![
                "=HYPERLINK(\"http://x\")".into(),
                "+1".into(),
                "-2".into(),
                "@SUM(A1)".into(),
                Cell::Empty,
            ],
            vec![
                "\tTab".into(),
                "\rCR".into(),
                "'quoted".into(),
                "a=b".into(),
                "مدينة".into(),
            ],
            vec![],
        ],
    }
}

fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn starts_with_a_bom_and_uses_rfc_4180_quoting() {
    let bytes = to_csv(&applicants());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next(), Some("Name,City,Score,Average,Applied"));
    assert_eq!(
        lines.next(),
        Some("\"Núñez, \"\"Ana\"\"\",\"Séoul\n서울\",-3,7.25,2026-02-28")
    );
}

#[test]
fn formula_like_text_is_guarded_but_numbers_are_not() {
    let rows = parse(&to_csv(&applicants()));
    assert_eq!(
        rows[2],
        ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", ""]
    );
    assert_eq!(rows[3], ["'\tTab", "'\rCR", "'quoted", "a=b", "مدينة"]);
    assert_eq!(rows[1][2], "-3");
    assert_eq!(guard_text("plain"), "plain");
    assert_eq!(guard_text(""), "");
}

#[test]
fn round_trips_through_a_csv_reader() {
    let table = applicants();
    let rows = parse(&to_csv(&table));
    assert_eq!(rows.len(), 1 + table.rows.len());
    assert_eq!(rows[0], table.headers);
    assert_eq!(
        rows[1],
        ["Núñez, \"Ana\"", "Séoul\n서울", "-3", "7.25", "2026-02-28"]
    );
    // A row without cells is kept as a row with one empty cell.
    assert_eq!(rows[4], [""]);
}

#[test]
fn a_report_puts_tables_one_after_another() {
    let second = Table {
        title: "-Step 2".into(),
        headers: vec!["Name".into()],
        rows: vec![vec!["Kim Min-jun".into()]],
    };
    let report = Report {
        name: "Call 7".into(),
        tables: vec![applicants(), second],
    };
    let bytes = report_to_csv(&report);
    assert!(
        !bytes[3..].windows(3).any(|w| w == b"\xEF\xBB\xBF"),
        "one BOM only"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("Step 1: Eligibility\r\nName,"));
    assert!(text.contains("\r\n\r\n'-Step 2\r\nName\r\nKim Min-jun\r\n"));

    let rows = parse(&bytes);
    // title + header + 4 rows, then title + header + 1 row; the reader
    // skips the empty line between the tables.
    assert_eq!(rows.len(), 6 + 3);
    assert_eq!(rows[6], ["'-Step 2"]);
    assert_eq!(rows[8], ["Kim Min-jun"]);
}

#[test]
fn non_finite_numbers_are_text() {
    let table = Table {
        title: String::new(),
        headers: vec![],
        rows: vec![vec![
            Cell::Number(f64::NAN),
            Cell::Number(f64::NEG_INFINITY),
            Cell::Int(i64::MIN),
        ]],
    };
    let rows = parse(&to_csv(&table));
    assert_eq!(
        rows,
        [
            vec![String::new()],
            vec!["NaN".into(), "'-inf".into(), i64::MIN.to_string()]
        ]
    );
}
