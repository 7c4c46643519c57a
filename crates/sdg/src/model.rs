//! The learned part of the judge: an L2-regularised logistic regression over
//! the per-(text, goal) features of [`crate::features`], with weights shared
//! by all goals plus, per goal, a bias (which calibrates the goal's
//! threshold) and an extra slope on the lexicon score. Fitted by Newton's
//! method; deterministic.

use serde::{Deserialize, Serialize};

use crate::SdgError;
use crate::features::{FEATURE_NAMES, N_FEATURES, TextAnalysis};

/// The model shipped with the crate (produced by `sdg-eval --train`).
pub const MODEL_JSON: &str = include_str!("../data/model.json");

/// Hyper-parameters of the training procedure.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct TrainParams {
    /// L2 penalty on the shared weights.
    pub l2_shared: f64,
    /// L2 penalty on the per-goal biases and per-goal `lex_log` slopes.
    pub l2_goal: f64,
    /// Newton iterations.
    pub iterations: usize,
}

impl Default for TrainParams {
    fn default() -> Self {
        TrainParams {
            l2_shared: 1.0,
            l2_goal: 8.0,
            iterations: 50,
        }
    }
}

/// A fitted judge model.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct JudgeModel {
    /// Format version.
    pub version: u32,
    /// Feature names, in the order of `weights`.
    pub features: Vec<String>,
    /// Shared feature weights.
    pub weights: Vec<f64>,
    /// Global intercept.
    pub bias: f64,
    /// Per-goal intercept offsets (index 0 is goal 1); calibrate each goal's threshold.
    pub goal_bias: Vec<f64>,
    /// Per-goal extra weight on the first feature (`lex_log`).
    #[serde(default)]
    pub goal_slope: Vec<f64>,
    /// Decision threshold on the probability.
    pub threshold: f64,
    /// Hyper-parameters used.
    pub params: TrainParams,
    /// What the model was fitted on (free text).
    pub trained_on: String,
}

/// One training example: a text's features for one goal and its label.
#[derive(Debug, Clone)]
pub struct Example {
    /// Goal 1–17.
    pub goal: u8,
    /// Features for that goal.
    pub x: [f64; N_FEATURES],
    /// Whether the text is about the goal.
    pub label: bool,
}

impl Example {
    /// Builds an example from an analysed text.
    pub fn new(a: &TextAnalysis, goal: u8, label: bool) -> Example {
        Example {
            goal,
            x: a.features(goal),
            label,
        }
    }
}

const DIM: usize = N_FEATURES + 1 + 17 + 17;

fn design(e: &Example) -> [f64; DIM] {
    let mut v = [0.0; DIM];
    v[..N_FEATURES].copy_from_slice(&e.x);
    v[N_FEATURES] = 1.0;
    let gi = usize::from(e.goal).saturating_sub(1).min(16);
    v[N_FEATURES + 1 + gi] = 1.0;
    v[N_FEATURES + 18 + gi] = e.x[0];
    v
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Solves `a x = b` for symmetric positive definite `a` (Cholesky).
#[allow(clippy::needless_range_loop)] // index form mirrors the maths
fn solve_spd(a: &mut [[f64; DIM]; DIM], b: &[f64; DIM]) -> Option<[f64; DIM]> {
    for j in 0..DIM {
        let mut d = a[j][j];
        for k in 0..j {
            d -= a[j][k] * a[j][k];
        }
        if d <= 0.0 {
            return None;
        }
        let d = d.sqrt();
        a[j][j] = d;
        for i in j + 1..DIM {
            let mut s = a[i][j];
            for k in 0..j {
                s -= a[i][k] * a[j][k];
            }
            a[i][j] = s / d;
        }
    }
    let mut y = [0.0; DIM];
    for i in 0..DIM {
        let mut s = b[i];
        for k in 0..i {
            s -= a[i][k] * y[k];
        }
        y[i] = s / a[i][i];
    }
    let mut x = [0.0; DIM];
    for i in (0..DIM).rev() {
        let mut s = y[i];
        for k in i + 1..DIM {
            s -= a[k][i] * x[k];
        }
        x[i] = s / a[i][i];
    }
    Some(x)
}

/// Fits the model on `examples` (the one procedure used both for the
/// shipped model and inside every cross-validation fold).
#[allow(clippy::needless_range_loop)] // index form mirrors the maths
pub fn train(
    examples: &[Example],
    params: TrainParams,
    trained_on: &str,
) -> Result<JudgeModel, SdgError> {
    if examples.is_empty() {
        return Err(SdgError::Training("no training examples".into()));
    }
    let xs: Vec<[f64; DIM]> = examples.iter().map(design).collect();
    let ys: Vec<f64> = examples
        .iter()
        .map(|e| f64::from(u8::from(e.label)))
        .collect();
    let mut penalty = [0.0; DIM];
    for p in penalty.iter_mut().take(N_FEATURES) {
        *p = params.l2_shared;
    }
    penalty[N_FEATURES] = 1e-6;
    for p in penalty.iter_mut().skip(N_FEATURES + 1) {
        *p = params.l2_goal;
    }
    let mut w = [0.0; DIM];
    for _ in 0..params.iterations {
        let mut grad = [0.0; DIM];
        let mut hess = [[0.0; DIM]; DIM];
        for (x, y) in xs.iter().zip(&ys) {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = sigmoid(z);
            let r = p - y;
            let s = (p * (1.0 - p)).max(1e-9);
            for i in 0..DIM {
                if x[i] == 0.0 {
                    continue;
                }
                grad[i] += r * x[i];
                for j in 0..=i {
                    hess[i][j] += s * x[i] * x[j];
                }
            }
        }
        for i in 0..DIM {
            grad[i] += penalty[i] * w[i];
            hess[i][i] += penalty[i];
            for j in 0..i {
                hess[j][i] = hess[i][j];
            }
        }
        let step = solve_spd(&mut hess, &grad)
            .ok_or_else(|| SdgError::Training("singular Hessian".into()))?;
        let mut change = 0.0f64;
        for i in 0..DIM {
            w[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-9 {
            break;
        }
    }
    Ok(JudgeModel {
        version: 1,
        features: FEATURE_NAMES.iter().map(|s| (*s).to_string()).collect(),
        weights: w[..N_FEATURES].to_vec(),
        bias: w[N_FEATURES],
        goal_bias: w[N_FEATURES + 1..N_FEATURES + 18].to_vec(),
        goal_slope: w[N_FEATURES + 18..].to_vec(),
        threshold: 0.5,
        params,
        trained_on: trained_on.to_string(),
    })
}

impl JudgeModel {
    /// Parses a model file.
    pub fn from_json(text: &str) -> Result<JudgeModel, SdgError> {
        let m: JudgeModel =
            serde_json::from_str(text).map_err(|e| SdgError::Data(format!("model.json: {e}")))?;
        if m.weights.len() != N_FEATURES
            || m.goal_bias.len() != 17
            || m.features
                .iter()
                .map(String::as_str)
                .ne(FEATURE_NAMES.iter().copied())
        {
            return Err(SdgError::Data(
                "model.json does not match this version's features".into(),
            ));
        }
        Ok(m)
    }

    /// The model shipped with the crate.
    pub fn embedded() -> Result<JudgeModel, SdgError> {
        JudgeModel::from_json(MODEL_JSON)
    }

    /// Serialises to pretty JSON.
    pub fn to_json(&self) -> Result<String, SdgError> {
        serde_json::to_string_pretty(self).map_err(|e| SdgError::Data(e.to_string()))
    }

    /// Probability that the text is about goal `g` (1–17).
    pub fn probability(&self, x: &[f64; N_FEATURES], g: u8) -> f64 {
        let gi = usize::from(g).saturating_sub(1).min(16);
        let z: f64 = x.iter().zip(&self.weights).map(|(a, b)| a * b).sum::<f64>()
            + self.bias
            + self.goal_bias.get(gi).copied().unwrap_or(0.0)
            + self.goal_slope.get(gi).copied().unwrap_or(0.0) * x[0];
        sigmoid(z)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule() {
        let mut ex = Vec::new();
        for i in 0..200 {
            let mut x = [0.0; N_FEATURES];
            x[0] = f64::from(i % 10) / 10.0;
            ex.push(Example {
                goal: (i % 17 + 1) as u8,
                x,
                label: i % 10 >= 5,
            });
        }
        let m = train(&ex, TrainParams::default(), "test").unwrap();
        assert!(m.weights[0] > 0.0);
        let mut hi = [0.0; N_FEATURES];
        hi[0] = 0.9;
        let lo = [0.0; N_FEATURES];
        assert!(m.probability(&hi, 3) > 0.5);
        assert!(m.probability(&lo, 3) < 0.5);
        let back = JudgeModel::from_json(&m.to_json().unwrap()).unwrap();
        assert_eq!(back.goal_bias.len(), 17);
        for (a, b) in back.weights.iter().zip(&m.weights) {
            assert!((a - b).abs() < 1e-12);
        }
    }
}
