//! Evaluation in the SDG Classification Benchmark's way: per goal a
//! confusion matrix over that goal's rows (accuracy, precision, recall, F1),
//! and the unweighted mean over goals. Also reading benchmark CSV files,
//! training the judge and stratified k-fold cross-validation.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;

use crate::features::TextAnalysis;
use crate::lexicon::Lexicon;
use crate::model::{Example, JudgeModel, TrainParams, train};
use crate::{Sdg, SdgError};

/// One benchmark row: `id,text,sdg,label`.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchRow {
    /// Row id.
    pub id: String,
    /// The text.
    pub text: String,
    /// The SDG asked about (1–17).
    pub goal: u8,
    /// Whether experts judged the text to be about that SDG.
    pub label: bool,
}

/// Parses a boolean cell: true/false, yes/no, 1/0 (case-insensitive).
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "t" | "yes" | "y" | "1" => Some(true),
        "false" | "f" | "no" | "n" | "0" => Some(false),
        _ => None,
    }
}

/// Parses a goal cell ("6", " 6 ", "SDG 6", "6.0") into 1–17.
pub fn parse_goal(s: &str) -> Option<u8> {
    let t = s.trim();
    let t = t
        .strip_prefix("SDG")
        .or_else(|| t.strip_prefix("sdg"))
        .unwrap_or(t)
        .trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse::<u8>().ok().filter(|g| (1..=17).contains(g))
}

/// Finds required columns in a header; error names the missing one.
pub(crate) fn column_indices(
    headers: &csv::StringRecord,
    names: &[&str],
) -> Result<Vec<usize>, SdgError> {
    names
        .iter()
        .map(|n| {
            headers
                .iter()
                .position(|h| {
                    h.trim()
                        .trim_start_matches('\u{feff}')
                        .eq_ignore_ascii_case(n)
                })
                .ok_or_else(|| {
                    SdgError::InvalidInput(format!(
                        "missing column \"{n}\" in header (found: {})",
                        headers.iter().collect::<Vec<_>>().join(",")
                    ))
                })
        })
        .collect()
}

/// A CSV error at data row `row` (0 is the header). Text that is not
/// UTF-8 names its column: by its header, or by position (1-based) in the
/// header itself or past the header's last column.
pub(crate) fn csv_error(
    row: usize,
    e: &csv::Error,
    headers: Option<&csv::StringRecord>,
) -> SdgError {
    let column = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => headers
            .and_then(|h| h.get(err.field()))
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| (err.field() + 1).to_string()),
        _ => "(record)".into(),
    };
    SdgError::Input {
        row,
        column,
        message: e.to_string(),
    }
}

/// Reads a CSV with columns `id,text,sdg,label` (others ignored).
pub fn read_bench(input: impl Read) -> Result<Vec<BenchRow>, SdgError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = rdr.headers().map_err(|e| csv_error(0, &e, None))?.clone();
    let idx = column_indices(&headers, &["id", "text", "sdg", "label"])?;
    let mut out = Vec::new();
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
        let sdg = cell(2, "sdg")?;
        let goal = parse_goal(sdg).ok_or_else(|| SdgError::Input {
            row,
            column: "sdg".into(),
            message: format!("\"{sdg}\" is not a goal number 1–17"),
        })?;
        let lab = cell(3, "label")?;
        let label = parse_bool(lab).ok_or_else(|| SdgError::Input {
            row,
            column: "label".into(),
            message: format!("\"{lab}\" is not true/false"),
        })?;
        out.push(BenchRow {
            id: cell(0, "id")?.to_string(),
            text: cell(1, "text")?.to_string(),
            goal,
            label,
        });
    }
    Ok(out)
}

/// A confusion matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    /// True positives.
    pub tp: u32,
    /// False positives.
    pub fp: u32,
    /// True negatives.
    pub tn: u32,
    /// False negatives.
    pub fn_: u32,
}

impl Confusion {
    /// Adds one (label, prediction) pair.
    pub fn add(&mut self, label: bool, prediction: bool) {
        match (label, prediction) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }
    /// Number of rows.
    pub fn n(&self) -> u32 {
        self.tp + self.fp + self.tn + self.fn_
    }
    fn ratio(a: u32, b: u32) -> f64 {
        if b == 0 {
            0.0
        } else {
            f64::from(a) / f64::from(b)
        }
    }
    /// (TP+TN)/n; 0 when empty.
    pub fn accuracy(&self) -> f64 {
        Self::ratio(self.tp + self.tn, self.n())
    }
    /// TP/(TP+FP); 0 when nothing was predicted positive.
    pub fn precision(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fp)
    }
    /// TP/(TP+FN); 0 when there are no positives.
    pub fn recall(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fn_)
    }
    /// 2PR/(P+R) = 2TP/(2TP+FP+FN); 0 when undefined.
    pub fn f1(&self) -> f64 {
        Self::ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

/// Metrics of one goal.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalMetrics {
    /// Goal 1–17.
    pub goal: u8,
    /// Confusion matrix over the goal's rows.
    pub confusion: Confusion,
    /// Accuracy in 0..1.
    pub accuracy: f64,
    /// Precision in 0..1.
    pub precision: f64,
    /// Recall in 0..1.
    pub recall: f64,
    /// F1 in 0..1.
    pub f1: f64,
}

/// Per-goal metrics and their unweighted mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Goals that have rows, in order.
    pub per_goal: Vec<GoalMetrics>,
    /// Unweighted mean over those goals of accuracy.
    pub accuracy: f64,
    /// … of precision.
    pub precision: f64,
    /// … of recall.
    pub recall: f64,
    /// … of F1.
    pub f1: f64,
}

/// Scores `(goal, label, prediction)` triples.
pub fn score(rows: &[(u8, bool, bool)]) -> Report {
    let mut by_goal: HashMap<u8, Confusion> = HashMap::new();
    for &(g, label, pred) in rows {
        by_goal.entry(g).or_default().add(label, pred);
    }
    let mut goals: Vec<u8> = by_goal.keys().copied().collect();
    goals.sort_unstable();
    let per_goal: Vec<GoalMetrics> = goals
        .iter()
        .map(|g| {
            let c = by_goal[g];
            GoalMetrics {
                goal: *g,
                confusion: c,
                accuracy: c.accuracy(),
                precision: c.precision(),
                recall: c.recall(),
                f1: c.f1(),
            }
        })
        .collect();
    let n = per_goal.len().max(1) as f64;
    let mean = |f: fn(&GoalMetrics) -> f64| per_goal.iter().map(f).sum::<f64>() / n;
    Report {
        accuracy: mean(|m| m.accuracy),
        precision: mean(|m| m.precision),
        recall: mean(|m| m.recall),
        f1: mean(|m| m.f1),
        per_goal,
    }
}

/// Formats a report as a Markdown table (percentages, F1 as a fraction).
pub fn format_report(r: &Report) -> String {
    let mut s = String::new();
    s.push_str(
        "| SDG | n | Accuracy (%) | Precision (%) | Recall (%) | F1 | TP | FP | TN | FN |\n",
    );
    s.push_str("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    let _ = writeln!(
        s,
        "| **Average** | {} | **{:.1}** | {:.1} | {:.1} | {:.3} | | | | |",
        r.per_goal.iter().map(|m| m.confusion.n()).sum::<u32>(),
        r.accuracy * 100.0,
        r.precision * 100.0,
        r.recall * 100.0,
        r.f1
    );
    for m in &r.per_goal {
        let c = m.confusion;
        let _ = writeln!(
            s,
            "| {} | {} | {:.1} | {:.1} | {:.1} | {:.3} | {} | {} | {} | {} |",
            m.goal,
            c.n(),
            m.accuracy * 100.0,
            m.precision * 100.0,
            m.recall * 100.0,
            m.f1,
            c.tp,
            c.fp,
            c.tn,
            c.fn_
        );
    }
    s
}

/// Analyses every row once with `engine`'s lexicon and framework index.
pub fn analyze_rows(engine: &Sdg, rows: &[BenchRow]) -> Vec<TextAnalysis> {
    rows.iter().map(|r| engine.analyze(&r.text)).collect()
}

/// The training procedure: fits the judge model on labelled rows. Used for
/// the shipped model and, unchanged, inside every cross-validation fold.
pub fn fit(
    analyses: &[&TextAnalysis],
    rows: &[&BenchRow],
    params: TrainParams,
    trained_on: &str,
) -> Result<JudgeModel, SdgError> {
    let examples: Vec<Example> = analyses
        .iter()
        .zip(rows)
        .map(|(a, r)| Example::new(a, r.goal, r.label))
        .collect();
    train(&examples, params, trained_on)
}

/// Deterministic stratified fold assignment (by goal and label).
pub fn stratified_folds(rows: &[BenchRow], k: usize, seed: u64) -> Vec<usize> {
    let k = k.max(2);
    let mut groups: HashMap<(u8, bool), Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        groups.entry((r.goal, r.label)).or_default().push(i);
    }
    let mut keys: Vec<(u8, bool)> = groups.keys().copied().collect();
    keys.sort_unstable();
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut fold = vec![0; rows.len()];
    let mut offset = 0usize;
    for key in keys {
        let mut idx = groups.remove(&key).unwrap_or_default();
        for i in (1..idx.len()).rev() {
            let j = (next() % (i as u64 + 1)) as usize;
            idx.swap(i, j);
        }
        for (pos, &i) in idx.iter().enumerate() {
            fold[i] = (pos + offset) % k;
        }
        offset += idx.len();
    }
    fold
}

/// K-fold cross-validation: for each fold, fits on the other folds with
/// [`fit`] and predicts the held-out fold. Returns one prediction per row.
pub fn cross_validate(
    lexicon: &Lexicon,
    rows: &[BenchRow],
    k: usize,
    seed: u64,
    params: TrainParams,
) -> Result<Vec<bool>, SdgError> {
    let base = Sdg::with_model(lexicon.clone(), placeholder_model(params));
    let analyses = analyze_rows(&base, rows);
    let folds = stratified_folds(rows, k, seed);
    let mut pred = vec![false; rows.len()];
    for f in 0..k.max(2) {
        let train_idx: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] != f).collect();
        let a: Vec<&TextAnalysis> = train_idx.iter().map(|&i| &analyses[i]).collect();
        let r: Vec<&BenchRow> = train_idx.iter().map(|&i| &rows[i]).collect();
        let model = fit(&a, &r, params, "cv fold")?;
        for i in (0..rows.len()).filter(|&i| folds[i] == f) {
            let p = model.probability(&analyses[i].features(rows[i].goal), rows[i].goal);
            pred[i] = p >= model.threshold;
        }
    }
    Ok(pred)
}

/// A model with zero weights, used only to build an engine whose analysis
/// (lexicon and framework features) does not depend on the model.
fn placeholder_model(params: TrainParams) -> JudgeModel {
    JudgeModel {
        version: 1,
        features: crate::features::FEATURE_NAMES
            .iter()
            .map(|s| (*s).to_string())
            .collect(),
        weights: vec![0.0; crate::features::N_FEATURES],
        bias: 0.0,
        goal_bias: vec![0.0; 17],
        goal_slope: vec![0.0; 17],
        threshold: 0.5,
        params,
        trained_on: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cells() {
        assert_eq!(parse_goal(" 6 "), Some(6));
        assert_eq!(parse_goal("SDG 11"), Some(11));
        assert_eq!(parse_goal("18"), None);
        assert_eq!(parse_bool("True"), Some(true));
        assert_eq!(parse_bool("no"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn folds_are_stratified_and_deterministic() {
        let rows: Vec<BenchRow> = (0..100)
            .map(|i| BenchRow {
                id: i.to_string(),
                text: String::new(),
                goal: (i % 2 + 1) as u8,
                label: i % 4 < 2,
            })
            .collect();
        let f1 = stratified_folds(&rows, 5, 7);
        assert_eq!(f1, stratified_folds(&rows, 5, 7));
        for f in 0..5 {
            assert_eq!(f1.iter().filter(|&&x| x == f).count(), 20);
        }
    }
}
