//! Content that people write in several languages, such as organisation
//! or programme names.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Locale;

/// A text given in one or more of the six languages, with a main language.
///
/// Stored as `{"main": "fr", "texts": {"fr": "Ville de Montréal", "en": "City of Montréal"}}`.
/// Keys are plain strings so that data with an unknown language code still
/// deserialises and [`LocalizedText::validate`] can name the culprit.
///
/// [`LocalizedText::get`] never fails: it falls back from the requested
/// language to the main language, then English, then any text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LocalizedText {
    /// Code of the main language: the original, authoritative wording.
    pub main: String,
    /// Language code → text.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
}

/// Why a [`LocalizedText`] is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocalizedTextError {
    /// No language has a non-blank text.
    #[error("a text is required in at least one language")]
    Empty,
    /// A text is keyed by a code that is not one of en, fr, es, ko, ar, fa
    /// (codes must be written exactly like [`Locale::code`]).
    #[error("unsupported language {0:?} (expected one of en, fr, es, ko, ar, fa)")]
    UnknownLanguage(String),
    /// The main language is unknown or has no text.
    #[error("the main language {0:?} has no text")]
    MainLanguageWithoutText(String),
}

impl LocalizedTextError {
    /// The language code the error is about, if any.
    pub fn language(&self) -> Option<&str> {
        match self {
            LocalizedTextError::Empty => None,
            LocalizedTextError::UnknownLanguage(code)
            | LocalizedTextError::MainLanguageWithoutText(code) => Some(code),
        }
    }
}

impl LocalizedText {
    /// A text written in `main`.
    pub fn new(main: Locale, text: impl Into<String>) -> Self {
        let mut texts = BTreeMap::new();
        texts.insert(main.code().to_owned(), text.into());
        LocalizedText {
            main: main.code().to_owned(),
            texts,
        }
    }

    /// Adds or replaces the text in `locale` (builder style).
    #[must_use]
    pub fn with(mut self, locale: Locale, text: impl Into<String>) -> Self {
        self.set(locale, text);
        self
    }

    /// Adds or replaces the text in `locale`; a blank text removes it.
    pub fn set(&mut self, locale: Locale, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            self.texts.remove(locale.code());
        } else {
            self.texts.insert(locale.code().to_owned(), text);
        }
    }

    /// The main language, if it is a supported one.
    pub fn main_locale(&self) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == self.main)
    }

    /// The text written in exactly `locale`, if it is there and not blank.
    pub fn exact(&self, locale: Locale) -> Option<&str> {
        self.texts
            .get(locale.code())
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
    }

    /// The text to show to a reader of `locale`: the text in `locale`, else
    /// in the main language, else in English, else in any language (in
    /// [`Locale::ALL`] order), else `""`.
    pub fn get(&self, locale: Locale) -> &str {
        self.resolve(locale).map_or("", |(_, text)| text)
    }

    /// Like [`get`](Self::get), also telling which language the text is in,
    /// so a template can mark a fallback: `<span lang="{{ code }}" dir="auto">`.
    pub fn resolve(&self, locale: Locale) -> Option<(Locale, &str)> {
        let candidates = [Some(locale), self.main_locale(), Some(Locale::En)];
        candidates
            .into_iter()
            .flatten()
            .chain(Locale::ALL)
            .find_map(|l| self.exact(l).map(|text| (l, text)))
    }

    /// Checks that at least one language has a non-blank text, that every
    /// key and the main language are supported codes (exactly as
    /// [`Locale::code`] writes them), and that the main language has a text.
    pub fn validate(&self) -> Result<(), LocalizedTextError> {
        if let Some(code) = self
            .texts
            .keys()
            .find(|code| !Locale::ALL.iter().any(|l| l.code() == code.as_str()))
        {
            return Err(LocalizedTextError::UnknownLanguage(code.clone()));
        }
        if self.texts.values().all(|t| t.trim().is_empty()) {
            return Err(LocalizedTextError::Empty);
        }
        match self.main_locale() {
            None => Err(LocalizedTextError::UnknownLanguage(self.main.clone())),
            Some(main) if self.exact(main).is_none() => Err(
                LocalizedTextError::MainLanguageWithoutText(self.main.clone()),
            ),
            Some(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Locale::*;

    fn montreal() -> LocalizedText {
        LocalizedText::new(Fr, "Ville de Montréal").with(En, "City of Montréal")
    }

    #[test]
    fn get_prefers_requested_then_main_then_english_then_any() {
        let t = montreal();
        assert_eq!(t.get(En), "City of Montréal");
        assert_eq!(t.get(Fr), "Ville de Montréal");
        // no Spanish: the main language (French), not English
        assert_eq!(t.get(Es), "Ville de Montréal");
        assert_eq!(t.resolve(Es), Some((Fr, "Ville de Montréal")));

        // main language without text (invalid, but tolerated): English
        let mut odd = montreal();
        odd.main = "ko".into();
        assert_eq!(odd.get(Ar), "City of Montréal");

        // neither main nor English: any language, in Locale::ALL order
        let t = LocalizedText {
            main: "de".into(),
            texts: [("fa".into(), "تهران".into()), ("ar".into(), "طهران".into())].into(),
        };
        assert_eq!(t.get(Ko), "طهران");
        assert_eq!(t.resolve(Ko), Some((Ar, "طهران")));

        // blank texts are skipped
        let mut t = LocalizedText::new(Ko, "서울특별시");
        t.texts.insert("en".into(), "   ".into());
        assert_eq!(t.get(En), "서울특별시");

        assert_eq!(LocalizedText::default().get(En), "");
        assert_eq!(LocalizedText::default().resolve(En), None);
    }

    #[test]
    fn set_and_exact() {
        let mut t = LocalizedText::new(Ar, "القاهرة");
        t.set(En, "Cairo");
        assert_eq!(t.exact(En), Some("Cairo"));
        t.set(En, " ");
        assert_eq!(t.exact(En), None);
        assert_eq!(t.main_locale(), Some(Ar));
    }

    #[test]
    fn validate_names_the_language() {
        assert_eq!(montreal().validate(), Ok(()));
        assert_eq!(LocalizedText::new(Fa, "مشهد").validate(), Ok(()));

        assert_eq!(
            LocalizedText::default().validate(),
            Err(LocalizedTextError::Empty)
        );
        let blank = LocalizedText::new(En, "  ");
        assert_eq!(blank.validate(), Err(LocalizedTextError::Empty));

        let mut pt = montreal();
        pt.texts.insert("pt".into(), "Cidade de Montreal".into());
        let err = pt.validate().unwrap_err();
        assert_eq!(err, LocalizedTextError::UnknownLanguage("pt".into()));
        assert_eq!(err.language(), Some("pt"));
        assert!(err.to_string().contains("\"pt\""), "{err}");

        // codes must be canonical
        let mut upper = montreal();
        upper.texts.insert("FR".into(), "x".into());
        assert_eq!(
            upper.validate(),
            Err(LocalizedTextError::UnknownLanguage("FR".into()))
        );

        let mut main = montreal();
        main.main = "de".into();
        assert_eq!(
            main.validate(),
            Err(LocalizedTextError::UnknownLanguage("de".into()))
        );
        main.main = "es".into();
        let err = main.validate().unwrap_err();
        assert_eq!(
            err,
            LocalizedTextError::MainLanguageWithoutText("es".into())
        );
        assert_eq!(err.language(), Some("es"));
    }

    #[test]
    fn serde_round_trip() {
        let t = montreal();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json,
            r#"{"main":"fr","texts":{"en":"City of Montréal","fr":"Ville de Montréal"}}"#
        );
        let back: LocalizedText = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        // unknown codes deserialise, validate() reports them
        let raw: LocalizedText =
            serde_json::from_str(r#"{"main":"en","texts":{"en":"x","zz":"y"}}"#).unwrap();
        assert_eq!(
            raw.validate(),
            Err(LocalizedTextError::UnknownLanguage("zz".into()))
        );
    }
}
