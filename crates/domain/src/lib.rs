//! miti's domain: the types of the network and the rules that hold for them.
//!
//! Pure Rust: no database, no HTTP. Input is parsed once into validated types
//! here (`validate` functions return [`FieldErrors`] naming each bad field), so
//! the layers above only ever see values that keep the rules.

pub mod account;
pub mod alignment;
pub mod application;
pub mod audit;
pub mod call;
pub mod error;
pub mod ical;
pub mod mou;
pub mod organisation;
pub mod person;
pub mod plan;
pub mod policy;
pub mod programme;
pub mod text;
pub mod validate;

pub use error::{DomainError, FieldError, FieldErrors};

/// Row identifiers are database integers; aliases document which table they point into.
pub type Id = i64;
pub type OrgId = Id;
pub type UserId = Id;
pub type DocumentId = Id;

/// The six interface languages.
pub const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ko", "ar", "fa"];
