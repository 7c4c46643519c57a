//! Errors of the selection engine.

/// Why a selection could not be computed.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum SelectionError {
    /// The input is not valid JSON or does not match the contract.
    #[error("invalid JSON input: {0}")]
    Json(String),
    /// A field has a value outside its allowed range or refers to something unknown.
    #[error("invalid input at {field}: {message}")]
    Invalid {
        /// Path of the offending field, e.g. `candidates[3].score`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The selection does not match the input (promotion API).
    #[error("invalid selection: {0}")]
    Selection(String),
    /// The MILP solver failed.
    #[error("solver failure: {0}")]
    Solver(String),
}
