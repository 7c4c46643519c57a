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
//! optimisation is a MILP (good_lp + microlp) on a reduced model whose
//! sufficiency is proven with an exact LP-dual bound.

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

/// Compute the optimal selection with explanations.
pub fn solve(input: &Input) -> Result<Output, SelectionError> {
    let inst = model::Instance::new(input)?;
    let solved = solver::optimise(&inst)?;
    Ok(explain::build_output(&inst, &solved))
}

/// Parse the input contract from JSON and return the output as pretty JSON.
pub fn solve_json(input: &str) -> Result<String, SelectionError> {
    let parsed = parse_input(input)?;
    let out = solve(&parsed)?;
    serde_json::to_string_pretty(&out).map_err(|e| SelectionError::Json(e.to_string()))
}

/// Parse an input document; errors name the offending field
/// (e.g. `candidates[3].score`).
pub fn parse_input(input: &str) -> Result<Input, SelectionError> {
    model::parse_input(input)
}
