//! miti-sdg — the UN Sustainable Development Goals framework as embedded
//! data, and an offline SDG suggester and judge.
//!
//! * [`Framework`]: the 17 goals, 169 targets and 251 indicator rows (235
//!   distinct UNSD codes) with titles in en, fr, es, ar, zh, ru, ko (fa and
//!   anything missing fall back to English), lookups and validation.
//! * [`Sdg`]: suggests goals (and targets) for a text with scores and the
//!   phrases that triggered them, and judges whether a text is about one
//!   goal. Pure Rust, no network, everything embedded.
//! * [`suggest_command`] / [`judge_command`]: the command-line contracts
//!   behind `miti sdg suggest` and `miti sdg judge`.
//! * [`eval`]: the SDG Classification Benchmark's scoring and
//!   cross-validation, used by the `sdg-eval` binary.

pub mod eval;
pub mod features;
pub mod framework;
pub mod lexicon;
pub mod model;
pub mod text;

mod cli;

use std::sync::OnceLock;

use serde::Serialize;

pub use cli::{judge_command, suggest_command};
pub use framework::{DistinctIndicator, Framework, Goal, Indicator, Lang, Target};

use features::{FrameworkIndex, TextAnalysis};
use lexicon::Lexicon;
use model::JudgeModel;

/// Errors of this crate. Messages name the bad code, row or column.
#[derive(Debug, thiserror::Error)]
pub enum SdgError {
    /// Goal number outside 1–17.
    #[error("unknown SDG goal {0} (goals are 1–17)")]
    UnknownGoal(u8),
    /// No such target code.
    #[error("unknown SDG target \"{0}\"")]
    UnknownTarget(String),
    /// No such indicator code.
    #[error("unknown SDG indicator \"{0}\"")]
    UnknownIndicator(String),
    /// Target exists but belongs to another goal.
    #[error("target {target} does not belong to goal {goal} (it belongs to goal {actual_goal})")]
    TargetNotInGoal {
        /// The target code.
        target: String,
        /// The goal asked about.
        goal: u8,
        /// The goal it belongs to.
        actual_goal: u8,
    },
    /// Indicator exists but is listed under another target.
    #[error(
        "indicator {indicator} does not belong to target {target} (it is listed under {actual_target})"
    )]
    IndicatorNotInTarget {
        /// The indicator code.
        indicator: String,
        /// The target asked about.
        target: String,
        /// The target it is listed under.
        actual_target: String,
    },
    /// Unsupported language tag.
    #[error("unsupported language \"{0}\" (supported: en, fr, es, ar, zh, ru, ko, fa)")]
    UnknownLanguage(String),
    /// Bad input data, naming the row and column.
    #[error("row {row}, column {column}: {message}")]
    Input {
        /// 1-based data row (the header is row 0).
        row: usize,
        /// Column name.
        column: String,
        /// What is wrong.
        message: String,
    },
    /// Bad input that is not tied to one cell (e.g. a missing column).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// Embedded data could not be parsed.
    #[error("embedded data: {0}")]
    Data(String),
    /// Model fitting failed.
    #[error("training: {0}")]
    Training(String),
    /// Reading or writing failed.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
}

/// One suggested goal for a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Goal number 1–17.
    pub goal: u8,
    /// Probability-like score in 0..1 (two decimals).
    pub score: f64,
    /// Phrases of the text that point to the goal, strongest first.
    pub evidence: Vec<String>,
    /// Likely targets of the goal (e.g. "6.3"), best first; may be empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
}

/// Options for [`Sdg::suggest_with`].
#[derive(Debug, Clone, Copy)]
pub struct SuggestOptions {
    /// Minimum score for a goal to be suggested.
    pub min_score: f64,
    /// At most this many goals.
    pub max_goals: usize,
    /// At most this many evidence phrases per goal.
    pub max_evidence: usize,
    /// At most this many targets per goal.
    pub max_targets: usize,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions {
            min_score: 0.5,
            max_goals: 6,
            max_evidence: 6,
            max_targets: 3,
        }
    }
}

/// The suggester and judge: lexicon, framework index and fitted model.
#[derive(Debug, Clone)]
pub struct Sdg {
    lexicon: Lexicon,
    index: FrameworkIndex,
    model: JudgeModel,
}

static ENGINE: OnceLock<Result<Sdg, String>> = OnceLock::new();

impl Sdg {
    /// The engine with the embedded lexicon and model, built once.
    pub fn get() -> Result<&'static Sdg, SdgError> {
        ENGINE
            .get_or_init(|| Sdg::embedded().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| SdgError::Data(e.clone()))
    }

    /// Builds an engine from the embedded lexicon and model.
    pub fn embedded() -> Result<Sdg, SdgError> {
        Ok(Sdg::with_model(
            Lexicon::embedded()?,
            JudgeModel::embedded()?,
        ))
    }

    /// Builds an engine with a given lexicon and model (used by training and
    /// cross-validation).
    pub fn with_model(lexicon: Lexicon, model: JudgeModel) -> Sdg {
        let fw = Framework::get();
        Sdg {
            lexicon,
            index: FrameworkIndex::build(fw),
            model,
        }
    }

    /// The fitted model.
    pub fn model(&self) -> &JudgeModel {
        &self.model
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyses a text once (tokens, lexicon hits, framework similarity).
    pub fn analyze(&self, text: &str) -> TextAnalysis {
        TextAnalysis::new(text, &self.lexicon, &self.index)
    }

    /// Probability that an analysed text is about goal `g`.
    pub fn probability_of(&self, a: &TextAnalysis, goal: u8) -> Result<f64, SdgError> {
        if !(1..=17).contains(&goal) {
            return Err(SdgError::UnknownGoal(goal));
        }
        Ok(self.model.probability(&a.features(goal), goal))
    }

    /// Probability that `text` is about goal `goal` (1–17).
    pub fn probability(&self, text: &str, goal: u8) -> Result<f64, SdgError> {
        self.probability_of(&self.analyze(text), goal)
    }

    /// Whether `text` is about goal `goal` (1–17).
    pub fn judge(&self, text: &str, goal: u8) -> Result<bool, SdgError> {
        Ok(self.probability(text, goal)? >= self.model.threshold)
    }

    /// Suggested goals for `text`, best first, with default options.
    pub fn suggest(&self, text: &str) -> Vec<Suggestion> {
        self.suggest_with(text, SuggestOptions::default())
    }

    /// Suggested goals for `text`, best first.
    pub fn suggest_with(&self, text: &str, opts: SuggestOptions) -> Vec<Suggestion> {
        let a = self.analyze(text);
        let mut out: Vec<Suggestion> = Vec::new();
        for g in 1..=17u8 {
            let hits = &a.lex.goals[usize::from(g) - 1];
            if hits.evidence.is_empty() {
                continue;
            }
            let p = self.model.probability(&a.features(g), g);
            if p < opts.min_score {
                continue;
            }
            let evidence = hits
                .evidence
                .iter()
                .take(opts.max_evidence)
                .map(|(s, _)| s.clone())
                .collect();
            out.push(Suggestion {
                goal: g,
                score: (p * 100.0).round() / 100.0,
                evidence,
                targets: self.rank_targets(&a, g, opts.max_targets),
            });
        }
        out.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.goal.cmp(&y.goal)));
        out.truncate(opts.max_goals);
        out
    }

    /// Targets of goal `g` for an analysed text: lexicon phrases tagged with
    /// a target plus similarity to the target's own wording.
    fn rank_targets(&self, a: &TextAnalysis, g: u8, max: usize) -> Vec<String> {
        let mut scores: Vec<(String, f32)> = a.lex.goals[usize::from(g) - 1].targets.clone();
        for (code, sim) in self.index.target_similarity(&a.tokens, g) {
            let add = sim * 6.0;
            match scores.iter_mut().find(|(c, _)| *c == code) {
                Some(slot) => slot.1 += add,
                None => scores.push((code, add)),
            }
        }
        scores.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        scores
            .into_iter()
            .filter(|(_, s)| *s >= 2.0)
            .take(max)
            .map(|(c, _)| c)
            .collect()
    }
}
