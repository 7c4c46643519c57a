//! Library side of `miti sdg suggest` and `miti sdg judge`.

use std::io::{Read, Write};

use crate::eval::{column_indices, csv_error, parse_goal};
use crate::{Sdg, SdgError};

/// `suggest`: reads text from `input` and writes a JSON array of
/// suggestions, best first, e.g.
/// `[{"goal":6,"score":0.91,"evidence":["wastewater","water supply"],"targets":["6.3"]}]`,
/// followed by a newline.
pub fn suggest_command(mut input: impl Read, mut out: impl Write) -> Result<(), SdgError> {
    let mut text = String::new();
    input.read_to_string(&mut text)?;
    let engine = Sdg::get()?;
    let suggestions = engine.suggest(&text);
    let json = serde_json::to_string(&suggestions).map_err(|e| SdgError::Data(e.to_string()))?;
    out.write_all(json.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// `judge`: reads CSV with columns `id,text,sdg` (others, such as `label`,
/// ignored) and writes CSV `id,prediction` with `true`/`false`.
///
/// Errors name the data row (1-based; the header is row 0) and the column.
pub fn judge_command(input: impl Read, out: impl Write) -> Result<(), SdgError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = rdr.headers().map_err(|e| csv_error(0, &e, None))?.clone();
    let idx = column_indices(&headers, &["id", "text", "sdg"])?;
    let engine = Sdg::get()?;
    let mut wtr = csv::Writer::from_writer(out);
    let io = |e: csv::Error| SdgError::Io(std::io::Error::other(e));
    wtr.write_record(["id", "prediction"]).map_err(io)?;
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 1;
        let rec = rec.map_err(|e| csv_error(row, &e, Some(&headers)))?;
        let cell = |k: usize, name: &str| {
            rec.get(idx[k]).ok_or_else(|| SdgError::Input {
                row,
                column: name.into(),
                message: "missing value".into(),
            })
        };
        let id = cell(0, "id")?;
        let text = cell(1, "text")?;
        let sdg = cell(2, "sdg")?;
        let goal = parse_goal(sdg).ok_or_else(|| SdgError::Input {
            row,
            column: "sdg".into(),
            message: format!("\"{sdg}\" is not a goal number 1–17"),
        })?;
        let p = engine.judge(text, goal)?;
        wtr.write_record([id, if p { "true" } else { "false" }])
            .map_err(io)?;
    }
    wtr.flush()?;
    Ok(())
}
