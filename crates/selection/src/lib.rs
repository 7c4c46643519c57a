//! miti-selection: the rule-based cohort selector.
//!
//! Given programmes with rules (capacity, member share, city and country
//! caps, regional spread, gender balance) and applicants with scores and
//! ranked preferences, [`solve`] computes the selection that maximises the
//! total score, then minimises the sum of preference ranks, then breaks
//! ties by candidate id (see `docs/selection.md`), proves it optimal, and
//! explains every decision. [`promote_after_withdrawal`] picks who takes a
//! seat that becomes free.
//!
//! The engine is exact: scores are 4-decimal fixed point, shares are parts
//! per million, and every rule is checked in integer arithmetic. The
//! optimisation is a MILP (microlp, pure Rust; good_lp for the dual LP) on a
//! reduced model whose sufficiency is proven with an exact LP-dual bound.

mod error;
mod explain;
mod milp;
mod model;
mod promote;
mod rules;
mod solver;

pub use error::SelectionError;
pub use model::{
    Candidate, CandidateResult, Input, Output, Override, Programme, ProgrammeResult, SCORE_SCALE,
    SHARE_SCALE, SolveStats, Status, Violation,
};
pub use promote::{Cohort, Promotion, Selection, promote_after_withdrawal};

/// Options of [`solve_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SolveOptions {
    /// Apply the exact id tie-break among equally good selections (default).
    /// When false, the selection is still proven optimal for total score
    /// and rank sum, and deterministic, but which of several equally good
    /// selections is returned is the solver's choice rather than the
    /// documented id rule. Much faster on very large, tie-heavy inputs.
    pub id_tie_break: bool,
    /// Testing knob: models with at most this many candidate/programme
    /// pairs are solved whole, larger ones through the proven reduction.
    /// Never changes the result, only the running time.
    #[doc(hidden)]
    pub reduce_above_pairs: usize,
    /// Testing knob: size of each class in the initial reduced model.
    /// Never changes the result, only the running time.
    #[doc(hidden)]
    pub core_per_class: Option<usize>,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            id_tie_break: true,
            reduce_above_pairs: solver::SMALL_MODEL,
            core_per_class: None,
        }
    }
}

/// Compute the optimal selection with explanations.
pub fn solve(input: &Input) -> Result<Output, SelectionError> {
    solve_with(input, &SolveOptions::default())
}

/// [`solve`] with options.
pub fn solve_with(input: &Input, options: &SolveOptions) -> Result<Output, SelectionError> {
    let inst = model::Instance::new(input)?;
    let tuning = solver::Tuning {
        id_tie_break: options.id_tie_break,
        small_model: options.reduce_above_pairs,
        core_per_class: options.core_per_class,
    };
    let solved = solver::optimise(&inst, &tuning)?;
    Ok(explain::build_output(&inst, &solved))
}

/// Parse the input contract from JSON and return the output as pretty JSON.
pub fn solve_json(input: &str) -> Result<String, SelectionError> {
    let parsed = parse_input(input)?;
    let out = solve(&parsed)?;
    serde_json::to_string_pretty(&out).map_err(|e| SelectionError::Json(e.to_string()))
}

/// Parse and check an input document; errors name the offending field
/// (e.g. `candidates[3].score`). Everything [`solve`] would refuse is
/// refused here: wrong types, missing and unknown fields, negative counts,
/// shares outside 0..=1, scores out of range, blank or duplicate ids,
/// unknown or repeated preferences and override references.
pub fn parse_input(input: &str) -> Result<Input, SelectionError> {
    model::parse_input(input)
}
