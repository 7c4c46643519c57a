//! The six interface languages and request-time language negotiation.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unic_langid::{LanguageIdentifier, langid};

/// An interface language of miti.
///
/// The order of the variants is the order of [`Locale::ALL`], which is also
/// the order used in language pickers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    /// English (the fallback language).
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Korean.
    Ko,
    /// Arabic (right-to-left).
    Ar,
    /// Persian (right-to-left).
    Fa,
}

impl Locale {
    /// Every interface language, in display order.
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::Fr,
        Locale::Es,
        Locale::Ko,
        Locale::Ar,
        Locale::Fa,
    ];

    /// The BCP 47 language code: `"en"`, `"fr"`, `"es"`, `"ko"`, `"ar"`, `"fa"`.
    /// Use it for `<html lang>`, `?lang=` links and for storage.
    pub const fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::Ko => "ko",
            Locale::Ar => "ar",
            Locale::Fa => "fa",
        }
    }

    /// The HTML `dir` attribute value: `"rtl"` for Arabic and Persian, `"ltr"` otherwise.
    pub const fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// True for the right-to-left languages (Arabic, Persian).
    pub const fn is_rtl(self) -> bool {
        matches!(self, Locale::Ar | Locale::Fa)
    }

    /// The language's name in the language itself, for language pickers.
    pub const fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::Es => "Español",
            Locale::Ko => "한국어",
            Locale::Ar => "العربية",
            Locale::Fa => "فارسی",
        }
    }

    /// Parses a language tag leniently: only the primary language subtag
    /// counts, case-insensitively, with `-` or `_` as separator.
    /// `"fr-CA"`, `"FR"`, `"ar_EG"`, `" ko-KR "` all parse; `"de"`, `""`,
    /// `"*"` and garbage give `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        if primary.len() != 2 {
            return None;
        }
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The Fluent language identifier of this locale.
    pub(crate) fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::En => langid!("en"),
            Locale::Fr => langid!("fr"),
            Locale::Es => langid!("es"),
            Locale::Ko => langid!("ko"),
            Locale::Ar => langid!("ar"),
            Locale::Fa => langid!("fa"),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error of [`Locale::from_str`]: the tag is not one of the six languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language {0:?} (expected one of en, fr, es, ko, ar, fa)")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// Same leniency as [`Locale::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::parse(s).ok_or_else(|| UnknownLocale(s.to_owned()))
    }
}

/// Serialised as its code (`"fr"`).
impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Deserialised with [`Locale::parse`], so `"fr-CA"` is read as `fr`.
impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Locale::parse(&s).ok_or_else(|| serde::de::Error::custom(UnknownLocale(s)))
    }
}

/// Chooses the interface language of a request.
///
/// Order, first match wins:
/// 1. `user_setting` — the signed-in user's saved language;
/// 2. `query_lang` — an explicit `?lang=` in the URL;
/// 3. `accept_language` — the browser's `Accept-Language` header, highest
///    q-value first and, among equal q-values, in header order;
/// 4. English.
///
/// Values that are not one of the six languages are skipped at every step,
/// so a stale setting or a `?lang=de` falls through to the next source.
/// Malformed header items are ignored, never an error.
pub fn negotiate(
    user_setting: Option<&str>,
    query_lang: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    user_setting
        .and_then(Locale::parse)
        .or_else(|| query_lang.and_then(Locale::parse))
        .or_else(|| accept_language.and_then(|h| parse_accept_language(h).into_iter().next()))
        .unwrap_or(Locale::En)
}

/// Most items read from one `Accept-Language` header (browsers send < 10).
const MAX_ACCEPT_ITEMS: usize = 32;

/// The supported locales an `Accept-Language` header asks for, best first,
/// without duplicates. Items with `q=0`, `*`, unknown languages and malformed
/// items (bad q-value) are dropped.
pub(crate) fn parse_accept_language(header: &str) -> Vec<Locale> {
    // (weight in thousandths, position, locale)
    let mut ranked: Vec<(u16, usize, Locale)> = Vec::new();
    for (position, item) in header.split(',').take(MAX_ACCEPT_ITEMS).enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let mut weight = Some(1000u16);
        for param in parts {
            let param = param.trim();
            if let Some(q) = param
                .strip_prefix("q=")
                .or_else(|| param.strip_prefix("Q="))
            {
                weight = parse_qvalue(q.trim());
            }
        }
        let (Some(weight), Some(locale)) = (weight, Locale::parse(tag)) else {
            continue;
        };
        if weight == 0 {
            continue;
        }
        ranked.push((weight, position, locale));
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<Locale> = Vec::new();
    for (_, _, locale) in ranked {
        if !out.contains(&locale) {
            out.push(locale);
        }
    }
    out
}

/// RFC 9110 qvalue: `0`, `1`, `0.x`, `1.0`, up to three decimals.
/// Returns thousandths, or `None` when malformed.
fn parse_qvalue(q: &str) -> Option<u16> {
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = match int {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    for (i, b) in frac.bytes().enumerate() {
        let digit = u16::from(b - b'0');
        thousandths += digit * [100, 10, 1][i];
    }
    (thousandths <= 1000).then_some(thousandths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_dirs_and_names() {
        let codes: Vec<_> = Locale::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["en", "fr", "es", "ko", "ar", "fa"]);
        for l in Locale::ALL {
            let rtl = matches!(l, Locale::Ar | Locale::Fa);
            assert_eq!(l.is_rtl(), rtl, "{l}");
            assert_eq!(l.dir(), if rtl { "rtl" } else { "ltr" }, "{l}");
            assert_eq!(Locale::parse(l.code()), Some(l));
            assert_eq!(l.to_string(), l.code());
        }
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::Fa.dir(), "rtl");
        assert_eq!(Locale::Ko.native_name(), "한국어");
        assert_eq!(Locale::Fa.native_name(), "فارسی");
        assert_eq!(Locale::default(), Locale::En);
    }

    #[test]
    fn parse_is_lenient_about_region_case_and_separator() {
        assert_eq!(Locale::parse("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::parse("FR"), Some(Locale::Fr));
        assert_eq!(Locale::parse("ar_EG"), Some(Locale::Ar));
        assert_eq!(Locale::parse(" ko-KR "), Some(Locale::Ko));
        assert_eq!(Locale::parse("es-419"), Some(Locale::Es));
        assert_eq!(Locale::parse("fa-Arab-IR"), Some(Locale::Fa));
        assert_eq!(Locale::parse("en-"), Some(Locale::En));
        for bad in [
            "", "de", "*", "eng", "e", "fr;q=1", "f r", "ع", "ar\u{0}", "-fr",
        ] {
            assert_eq!(Locale::parse(bad), None, "{bad:?}");
        }
        assert!("xx".parse::<Locale>().is_err());
        assert_eq!("Es-mx".parse::<Locale>(), Ok(Locale::Es));
    }

    #[test]
    fn serde_uses_the_code() {
        let json = serde_json::to_string(&Locale::Fa).unwrap();
        assert_eq!(json, "\"fa\"");
        assert_eq!(
            serde_json::from_str::<Locale>("\"fr-CA\"").unwrap(),
            Locale::Fr
        );
        assert!(serde_json::from_str::<Locale>("\"de\"").is_err());
    }

    #[test]
    fn negotiation_order() {
        let header = Some("es-MX,es;q=0.9");
        // 1. the saved setting wins over everything
        assert_eq!(negotiate(Some("ko"), Some("fr"), header), Locale::Ko);
        // 2. then ?lang=
        assert_eq!(negotiate(None, Some("fr"), header), Locale::Fr);
        // 3. then Accept-Language
        assert_eq!(negotiate(None, None, header), Locale::Es);
        // 4. then English
        assert_eq!(negotiate(None, None, None), Locale::En);
        // unusable values fall through to the next source
        assert_eq!(negotiate(Some("de"), Some("xx"), header), Locale::Es);
        assert_eq!(negotiate(Some(""), None, Some("fa-IR")), Locale::Fa);
        assert_eq!(negotiate(None, Some("  "), Some("de-DE, zh")), Locale::En);
    }

    #[test]
    fn accept_language_honours_q_values_and_order() {
        assert_eq!(
            parse_accept_language("fr;q=0.5, ar;q=0.8, en;q=0.1"),
            [Locale::Ar, Locale::Fr, Locale::En]
        );
        // equal q: header order
        assert_eq!(parse_accept_language("ko, fa"), [Locale::Ko, Locale::Fa]);
        assert_eq!(
            parse_accept_language("fa;q=0.7,ko;q=0.7"),
            [Locale::Fa, Locale::Ko]
        );
        // unsupported languages are skipped, the first supported one wins
        assert_eq!(
            negotiate(None, None, Some("de-CH, de;q=0.9, fr;q=0.8, en;q=0.7")),
            Locale::Fr
        );
        // q=0 means "not acceptable"
        assert_eq!(parse_accept_language("en;q=0, es;q=0.001"), [Locale::Es]);
        // duplicates collapse to the best position
        assert_eq!(
            parse_accept_language("fr-CA;q=0.4, es;q=0.5, fr-FR;q=0.9"),
            [Locale::Fr, Locale::Es]
        );
        // wildcard alone gives no preference
        assert_eq!(negotiate(None, None, Some("*")), Locale::En);
        // upper-case Q and spaces
        assert_eq!(
            parse_accept_language(" es ; Q=0.2 , ko ;q=0.3 "),
            [Locale::Ko, Locale::Es]
        );
    }

    #[test]
    fn accept_language_tolerates_garbage() {
        for garbage in [
            "",
            ",,,;;;",
            "q=1",
            ";q=0.5",
            "fr;q=abc",
            "fr;q=2",
            "fr;q=-1",
            "fr;q=0.12345",
            "fr;q=1.5",
            "\u{0}\u{ffff}",
            "ملف;q=۰٫۵",
            "<script>alert(1)</script>",
        ] {
            assert_eq!(
                negotiate(None, None, Some(garbage)),
                Locale::En,
                "{garbage:?}"
            );
        }
        // a malformed item does not spoil the good ones
        assert_eq!(
            parse_accept_language("fr;q=oops, ko;q=0.3, zz, ar;q=1.0"),
            [Locale::Ar, Locale::Ko]
        );
        // very long headers are cut, not rejected
        let long = format!("{}ko", "xx;q=0.5,".repeat(10_000));
        assert_eq!(negotiate(None, None, Some(&long)), Locale::En);
        let long_good = format!("fa,{}", "xx,".repeat(10_000));
        assert_eq!(negotiate(None, None, Some(&long_good)), Locale::Fa);
    }

    #[test]
    fn qvalues() {
        assert_eq!(parse_qvalue("1"), Some(1000));
        assert_eq!(parse_qvalue("1.000"), Some(1000));
        assert_eq!(parse_qvalue("0.5"), Some(500));
        assert_eq!(parse_qvalue("0.05"), Some(50));
        assert_eq!(parse_qvalue("0.123"), Some(123));
        assert_eq!(parse_qvalue("0"), Some(0));
        assert_eq!(parse_qvalue("0."), Some(0));
        assert_eq!(parse_qvalue("1.001"), None);
        assert_eq!(parse_qvalue(".5"), None);
        assert_eq!(parse_qvalue(""), None);
    }
}
