//! miti-i18n: interface languages, translations and locale-aware formatting.
//!
//! miti speaks six languages: English (fallback), French, Spanish, Korean,
//! Arabic and Persian; Arabic and Persian are right-to-left.
//!
//! - [`Locale`] and [`negotiate`] pick the language of a request
//!   (saved user setting → `?lang=` → `Accept-Language` → English).
//! - [`tr`], [`tr_args`] and [`tr_args_plain`] look up Fluent messages from
//!   `locales/<code>/*.ftl`, embedded at compile time. Plurals follow CLDR
//!   through Fluent (Arabic has six categories); numbers inside messages use
//!   the locale's digits and separators.
//! - [`Tr`] bundles a locale with all of it for templates: `{{ tr.t("nav-home") }}`.
//! - [`format_date`], [`format_datetime`], [`format_number`],
//!   [`format_decimal`] and [`format_money`] format values from small CLDR
//!   tables (Gregorian calendar in every language).
//! - [`LocalizedText`] holds user-written text in several languages.
//!
//! ```
//! use miti_i18n::{Locale, Tr, negotiate};
//!
//! let locale = negotiate(None, None, Some("fa-IR,fa;q=0.9,en;q=0.5"));
//! let tr = Tr::new(locale);
//! assert_eq!((tr.lang(), tr.dir()), ("fa", "rtl"));
//! assert_eq!(tr.t("nav-home"), "خانه");
//! assert_eq!(tr.ta_plain("org-count", &[("count", 1400.into())]), "۱٬۴۰۰ سازمان");
//! assert_eq!(Tr::new(Locale::En).ta1("org-count", "count", 1), "\u{2068}1\u{2069} organisation");
//! ```
//!
//! # Bidirectional text
//!
//! Messages with arguments come back with each argument wrapped in Unicode
//! isolation marks (U+2068 … U+2069), so an e-mail address inside an Arabic
//! sentence or an Arabic name inside an English one displays in the right
//! order. Keep them in HTML text; use [`tr_args_plain`] / [`Tr::ta_plain`]
//! for attribute values, URLs, plain-text e-mails and headers. Messages
//! without arguments never contain them.
//!
//! # Missing messages
//!
//! A key missing in a language falls back to English; a key missing in
//! English yields the key itself. Both log a `tracing` warning and never
//! panic. The test suite guarantees that every English key exists in every
//! language and formats cleanly.

mod format;
mod locale;
mod text;
mod tr;
mod translate;

#[cfg(test)]
mod catalogue_tests;

pub use format::{
    currency_minor_digits, format_date, format_datetime, format_decimal, format_money,
    format_number,
};
pub use locale::{Locale, UnknownLocale, negotiate};
pub use text::{LocalizedText, LocalizedTextError};
pub use tr::Tr;
pub use translate::{Value, has_key, tr, tr_args, tr_args_plain};
