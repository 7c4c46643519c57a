//! Fluent messages, embedded at compile time from `locales/<code>/*.ftl`.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::fluent_bundle::types::FluentNumber;

use crate::Locale;
use crate::format::format_decimal_with;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| {
            let locale = bundle
                .locales
                .first()
                .and_then(|id| Locale::parse(id.language.as_str()))
                .unwrap_or(Locale::En);
            bundle.set_formatter(Some(number_formatter(locale)));
        },
    };
}

/// First Strong Isolate, inserted by Fluent before a placeable.
pub(crate) const FSI: char = '\u{2068}';
/// Pop Directional Isolate, inserted by Fluent after a placeable.
pub(crate) const PDI: char = '\u{2069}';

/// A named argument of a message: text or a number.
///
/// Numbers drive CLDR plural selection (`[one]`, `[few]` …) and are shown
/// with the locale's digits and grouping (`1,400`, `١٬٤٠٠`, `۱٬۴۰۰`).
/// Convert with `.into()` / `Value::from` from `&str`, `String`, integers
/// and floats (also from references to them).
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// Text, inserted as is (HTML escaping is the template's job).
    Str(Cow<'a, str>),
    /// An integer.
    Int(i64),
    /// A decimal number, shown with as many decimals as it needs.
    Float(f64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Str(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a &str> for Value<'a> {
    fn from(s: &'a &str) -> Self {
        Value::Str(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Value::Str(Cow::Borrowed(s))
    }
}
impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::Str(Cow::Owned(s))
    }
}
impl<'a> From<Cow<'a, str>> for Value<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Value::Str(s)
    }
}

macro_rules! value_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value<'_> {
            fn from(n: $t) -> Self {
                Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Value<'_> {
            fn from(n: &$t) -> Self {
                Value::from(*n)
            }
        }
    )*};
}
value_from_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl From<f64> for Value<'_> {
    fn from(n: f64) -> Self {
        Value::Float(n)
    }
}
impl From<&f64> for Value<'_> {
    fn from(n: &f64) -> Self {
        Value::Float(*n)
    }
}
impl From<f32> for Value<'_> {
    fn from(n: f32) -> Self {
        Value::Float(f64::from(n))
    }
}

impl<'a> Value<'a> {
    fn to_fluent(&self) -> FluentValue<'a> {
        match self {
            Value::Str(s) => FluentValue::String(s.clone()),
            Value::Int(n) => FluentValue::from(*n),
            Value::Float(n) => FluentValue::from(*n),
        }
    }
}

/// Translates a message without arguments. Missing keys give the key itself
/// (see [`tr_args`]).
pub fn tr(locale: Locale, key: &str) -> String {
    lookup(locale, key, None)
}

/// Translates a message with named arguments, for HTML text content.
///
/// Fluent wraps each interpolated argument in Unicode isolation marks
/// (U+2068 FSI … U+2069 PDI) so that, e.g., a Latin e-mail address inside
/// an Arabic sentence, or an Arabic organisation name inside an English one,
/// cannot reorder the surrounding text. That is right for HTML *text*, and
/// these invisible marks are kept. For attribute values, URLs, plain-text
/// e-mails and HTTP headers use [`tr_args_plain`] instead.
///
/// A message that is missing in `locale` is taken from English; a message
/// missing everywhere (or failing to format, e.g. a missing argument) gives
/// the key itself. Either way a warning is logged through `tracing`; this
/// never panics.
pub fn tr_args(locale: Locale, key: &str, args: &[(&str, Value<'_>)]) -> String {
    let map: HashMap<&str, FluentValue<'_>> =
        args.iter().map(|(k, v)| (*k, v.to_fluent())).collect();
    lookup(locale, key, Some(&map))
}

/// Like [`tr_args`], but without the isolation marks (U+2068/U+2069): for
/// attribute values (`title`, `aria-label`, `placeholder`, `href`),
/// plain-text e-mails, e-mail subjects and other headers, where invisible
/// control characters would break links or show up as garbage.
pub fn tr_args_plain(locale: Locale, key: &str, args: &[(&str, Value<'_>)]) -> String {
    strip_isolation(tr_args(locale, key, args))
}

/// True when English (the reference locale) has a message `key`.
/// Handy for tests of the web crate that check keys used in templates.
pub fn has_key(key: &str) -> bool {
    match LOCALES.lookup_single_language::<&str>(&Locale::En.langid(), key, None) {
        Ok(_) => true,
        // The message exists but needs arguments. fluent-templates does not
        // export its error type, so the variant is told by its Debug name;
        // a test pins this down.
        Err(e) => format!("{e:?}").starts_with("FluentError"),
    }
}

pub(crate) fn strip_isolation(s: String) -> String {
    if s.contains([FSI, PDI]) {
        s.chars().filter(|c| *c != FSI && *c != PDI).collect()
    } else {
        s
    }
}

/// One locale, no fallback. `Err` carries a description for the log.
pub(crate) fn lookup_exact(
    locale: Locale,
    key: &str,
    args: Option<&HashMap<&str, FluentValue<'_>>>,
) -> Result<String, String> {
    LOCALES
        .lookup_single_language(&locale.langid(), key, args)
        .map_err(|e| e.to_string())
}

fn lookup(locale: Locale, key: &str, args: Option<&HashMap<&str, FluentValue<'_>>>) -> String {
    match lookup_exact(locale, key, args) {
        Ok(s) => return s,
        Err(error) => {
            tracing::warn!(%locale, key, %error, "translation missing or broken");
        }
    }
    if locale != Locale::En {
        match lookup_exact(Locale::En, key, args) {
            Ok(s) => return s,
            Err(error) => {
                tracing::warn!(locale = "en", key, %error, "translation missing or broken");
            }
        }
    }
    key.to_owned()
}

/// The Fluent number formatter of a locale. `set_formatter` takes a plain
/// `fn`, so there is one monomorphised function per locale.
fn number_formatter<M>(locale: Locale) -> fn(&FluentValue<'_>, &M) -> Option<String> {
    match locale {
        Locale::En => format_fluent_number::<0, M>,
        Locale::Fr => format_fluent_number::<1, M>,
        Locale::Es => format_fluent_number::<2, M>,
        Locale::Ko => format_fluent_number::<3, M>,
        Locale::Ar => format_fluent_number::<4, M>,
        Locale::Fa => format_fluent_number::<5, M>,
    }
}

fn format_fluent_number<const L: usize, M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let locale = Locale::ALL.get(L).copied().unwrap_or_default();
    Some(format_number_value(locale, number))
}

/// Shows a Fluent number with the locale's digits and separators, keeping
/// the decimals it has (or `minimumFractionDigits`, at most 6 otherwise).
fn format_number_value(locale: Locale, number: &FluentNumber) -> String {
    let options = &number.options;
    let natural = {
        let text = number.value.to_string();
        text.split_once('.').map_or(0, |(_, f)| f.len())
    };
    let mut decimals = natural.min(6);
    if let Some(min) = options.minimum_fraction_digits {
        decimals = decimals.max(min);
    }
    if let Some(max) = options.maximum_fraction_digits {
        decimals = decimals.min(max);
    }
    format_decimal_with(locale, number.value, decimals, options.use_grouping)
}
