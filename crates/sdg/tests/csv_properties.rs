#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Properties of the two CSV inputs: `read_bench` (benchmark files of
//! `sdg-eval`) and `judge_command` (`miti sdg judge`).
//!
//! * arbitrary bytes never panic, and every error is one that names a row
//!   and a column of the input, or the missing header column;
//! * well-formed files (quotes, commas, new lines, any script in the text,
//!   columns in any order, extra columns) are read back exactly;
//! * one bad cell is reported at exactly its row and column.

use miti_sdg::SdgError;
use miti_sdg::eval::{BenchRow, read_bench};
use miti_sdg::judge_command;
use proptest::prelude::*;

const COLUMNS: [&str; 4] = ["id", "text", "sdg", "label"];

/// Checks the shape of an error; `rows` is the number of data rows.
fn check_error(e: &SdgError, required: &[&str], rows: usize) -> Result<(), TestCaseError> {
    match e {
        SdgError::Input {
            row,
            column,
            message,
        } => {
            prop_assert!(*row <= rows, "row {row} of {rows}");
            prop_assert!(!message.is_empty());
            // A cell of a required column, or (for undecodable text) the
            // column of that cell, by name or by position.
            prop_assert!(
                !column.is_empty() && column != "(record)",
                "column not named: {e}"
            );
        }
        SdgError::InvalidInput(m) => {
            prop_assert!(
                required
                    .iter()
                    .any(|c| m.contains(&format!("missing column \"{c}\""))),
                "{m}"
            );
        }
        other => prop_assert!(false, "unexpected error {other:?}"),
    }
    Ok(())
}

/// Upper bound on the data rows of `bytes` (every line could be one).
fn max_rows(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() + 1
}

/// CSV-ish bytes: header-like lines, quotes, separators, broken UTF-8.
fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"id,text,sdg,label\n".to_vec()),
        Just(b"id,text,sdg\n".to_vec()),
        Just(b"\xef\xbb\xbfid,text,sdg,label\r\n".to_vec()),
        Just(b"r1,water,6,true\n".to_vec()),
        Just(b"r2,\"a, \"\"quoted\"\"\nline\",SDG 17,no\n".to_vec()),
        Just(b",,,\n".to_vec()),
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\xc3".to_vec()),
        Just("مياه الشرب,".as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..12),
        "[a-z0-9 .]{0,10}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Cell text: anything a CSV must quote, and any script.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,20}",
        ".{0,20}",
        "[,\"\n\r ]{0,6}[a-z]{0,4}",
        "[\\u{0600}-\\u{06FF}\\u{AC00}-\\u{D7A3} ]{0,12}",
    ]
}

/// Well-formed benchmark rows.
fn bench_rows() -> impl Strategy<Value = Vec<BenchRow>> {
    prop::collection::vec(
        (cell(), cell(), 1u8..=17, any::<bool>()).prop_map(|(id, text, goal, label)| BenchRow {
            id,
            text,
            goal,
            label,
        }),
        0..8,
    )
}

/// The rows as a CSV file: the four columns in the order `order`, plus an
/// extra column, goals and labels in one of the accepted spellings.
fn write(rows: &[BenchRow], order: &[usize], spelling: usize) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![]);
    let mut header: Vec<&str> = order.iter().map(|&i| COLUMNS[i]).collect();
    header.push("source");
    w.write_record(&header).unwrap();
    for r in rows {
        let goal = match spelling % 3 {
            0 => r.goal.to_string(),
            1 => format!(" SDG {} ", r.goal),
            _ => format!("{}.0", r.goal),
        };
        let label = match (spelling % 2, r.label) {
            (0, b) => b.to_string(),
            (_, true) => "Yes".into(),
            (_, false) => "N".into(),
        };
        let cells = [r.id.clone(), r.text.clone(), goal, label];
        let mut rec: Vec<String> = order.iter().map(|&i| cells[i].clone()).collect();
        rec.push("x".into());
        w.write_record(&rec).unwrap();
    }
    w.into_inner().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn read_bench_takes_any_bytes(bytes in csv_bytes()) {
        match read_bench(bytes.as_slice()) {
            Ok(rows) => prop_assert!(rows.iter().all(|r| (1..=17).contains(&r.goal))),
            Err(e) => check_error(&e, &COLUMNS, max_rows(&bytes))?,
        }
    }

    #[test]
    fn a_written_bench_file_reads_back(rows in bench_rows(),
                                       order in Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
                                       spelling in 0usize..6) {
        let bytes = write(&rows, &order, spelling);
        let back = read_bench(bytes.as_slice());
        prop_assert!(back.is_ok(), "{:?}\n{}", back, String::from_utf8_lossy(&bytes));
        prop_assert_eq!(back.unwrap(), rows);
    }

    /// One bad cell is reported at its row (1-based) and column.
    #[test]
    fn a_bad_cell_is_named(rows in bench_rows(), order in Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
                           at in any::<prop::sample::Index>(), bad_goal in any::<bool>(),
                           bad in prop_oneof![Just("0"), Just("18"), Just("six"), Just(""), Just("maybe"), Just("-1")]) {
        prop_assume!(!rows.is_empty());
        let row = at.index(rows.len());
        let bytes = write(&rows, &order, 0);
        let text = String::from_utf8(bytes).unwrap();
        // Rewrite the one cell through the csv crate, so quoting stays right.
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        let mut records: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
        let column = if bad_goal { "sdg" } else { "label" };
        // "0" is a good label (false).
        let bad = if !bad_goal && bad == "0" { "2" } else { bad };
        let k = records[0].iter().position(|h| h == column).unwrap();
        let mut cells: Vec<String> = records[row + 1].iter().map(String::from).collect();
        cells[k] = bad.to_string();
        records[row + 1] = csv::StringRecord::from(cells);
        let mut w = csv::Writer::from_writer(vec![]);
        for r in &records {
            w.write_record(r).unwrap();
        }
        let bytes = w.into_inner().unwrap();
        match read_bench(bytes.as_slice()) {
            Err(SdgError::Input { row: r, column: c, message }) => {
                prop_assert_eq!((r, c.as_str()), (row + 1, column), "{}", message);
                prop_assert!(message.contains(bad), "{}", message);
            }
            other => prop_assert!(false, "{:?} from {:?}", other, String::from_utf8_lossy(&bytes)),
        }
    }

    /// Undecodable text is reported at its row and column.
    #[test]
    fn broken_utf8_is_named(rows in bench_rows(), at in any::<prop::sample::Index>(), col in 0usize..4) {
        prop_assume!(!rows.is_empty());
        let row = at.index(rows.len());
        let mut rows = rows;
        for r in &mut rows {
            r.id = r.id.replace(['\u{1}', '\u{2}'], "");
            r.text = r.text.replace(['\u{1}', '\u{2}'], "");
        }
        rows[row].id = "\u{1}".into();
        rows[row].text = "\u{2}".into();
        let mut bytes = write(&rows, &[0, 1, 2, 3], 0);
        // Replace the marker byte of the chosen column by a lone 0xff.
        let marker = match col { 0 => 1u8, _ => 2u8 };
        let pos = bytes.iter().position(|b| *b == marker).unwrap();
        bytes[pos] = 0xff;
        match read_bench(bytes.as_slice()) {
            Err(SdgError::Input { row: r, column, .. }) => {
                prop_assert_eq!(r, row + 1);
                prop_assert_eq!(column.as_str(), if col == 0 { "id" } else { "text" });
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }
}

proptest! {
    // The judge runs the model on every row: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn judge_takes_any_bytes(bytes in csv_bytes()) {
        let mut out = vec![];
        match judge_command(bytes.as_slice(), &mut out) {
            Ok(()) => {
                let text = String::from_utf8(out).unwrap();
                prop_assert!(text.starts_with("id,prediction\n"), "{}", text);
            }
            Err(e) => check_error(&e, &["id", "text", "sdg"], max_rows(&bytes))?,
        }
    }

    /// Every row of a well-formed file gets one prediction, under its id.
    #[test]
    fn judge_answers_every_row(rows in bench_rows(), order in Just(vec![0usize, 1, 2, 3]).prop_shuffle()) {
        let bytes = write(&rows, &order, 1);
        let mut out = vec![];
        judge_command(bytes.as_slice(), &mut out).unwrap();
        let mut rdr = csv::Reader::from_reader(out.as_slice());
        let got: Vec<(String, String)> = rdr
            .records()
            .map(|r| { let r = r.unwrap(); (r[0].to_string(), r[1].to_string()) })
            .collect();
        prop_assert_eq!(got.len(), rows.len());
        for (r, (id, p)) in rows.iter().zip(&got) {
            prop_assert_eq!(&r.id, id);
            prop_assert!(p == "true" || p == "false");
        }
    }
}
